// newslens side by side with compromise and wink-nlp in Node, on the same texts (bench/corpus.mjs):
// words/s (median of --runs passes over each corpus after one warm-up pass), cold start (import and
// instantiate to the first result), peak memory, the gzipped bytes each ships, and CoNLL-2003 testb
// F1 (4 coarse types, exact span and type, micro) for newslens and compromise.
//
//   scripts/build.sh && npm run bench   (node bench/peers.mjs [--runs 5] [--only a,b] [--json FILE])
//
// Each system runs in its own child Node process (this file with --child NAME), so that cold start
// and memory are not flattered or burdened by another library loaded before it; the parent prints
// one report. Words are whitespace-separated strings of the input, the same count for every system.
// Exits 2 with a message when ../shared/data (or pkg/) is missing.
import { fork } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { cpus, loadavg } from "node:os";
import { corpora, requireData, root } from "./corpus.mjs";
import { measure } from "./measure.mjs";

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : def;
};
const RUNS = Number(opt("--runs", 5));
const SYSTEMS = opt("--only", "newslens,compromise,wink-nlp").split(",");

// ---- systems: load() returns { run(text), spans(text) -> [[start, end, type]] | null, memory() }

const systems = {
  async newslens() {
    const m = await import(`${root}/pkg/newslens.js`);
    const wasm = m.initSync({ module: readFileSync(`${root}/pkg/newslens_bg.wasm`) });
    // analyze() offsets are UTF-16 code units, the unit of the gold spans: no conversion needed.
    const coarse = { PERSON: "PER", GPE: "LOC", LOC: "LOC", FAC: "LOC", ORG: "ORG" };
    for (const l of ["NORP", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT", "LANGUAGE"]) coarse[l] = "MISC";
    return {
      run: (text) => m.analyze(text),
      spans: (text) =>
        m.analyze(text).entities.filter((e) => coarse[e.label]).map((e) => [e.start, e.end, coarse[e.label]]),
      wasmMemory: () => wasm.memory.buffer.byteLength,
    };
  },

  async compromise() {
    const nlp = (await import("compromise")).default;
    nlp.plugin((await import("compromise-dates")).default);
    const types = [["people", "PER"], ["places", "LOC"], ["organizations", "ORG"]];
    const failed = new Set();
    return {
      run(text) {
        const doc = nlp(text);
        let dates = null;
        try {
          dates = doc.dates().json();
        } catch (e) {
          // compromise-dates 3.9.0 throws "t.isValid is not a function" on one BBC test article
          failed.add(`${text.slice(0, 40)}...: ${e.message}`);
        }
        return [
          doc.people().json({ offset: true }),
          doc.places().json({ offset: true }),
          doc.organizations().json({ offset: true }),
          dates,
        ];
      },
      errors: () => [...failed],
      spans(text) {
        const doc = nlp(text);
        const out = [];
        for (const [method, type] of types) {
          for (const m of doc[method]().json({ offset: true })) {
            const s = snap(text, m.offset.start, m.offset.start + m.offset.length);
            if (s) out.push([s[0], s[1], type]);
          }
        }
        return out;
      },
    };
  },

  async "wink-nlp"() {
    const winkNLP = (await import("wink-nlp")).default;
    const model = (await import("wink-eng-lite-web-model")).default;
    const nlp = winkNLP(model);
    const its = nlp.its;
    return {
      run(text) {
        const doc = nlp.readDoc(text);
        return [doc.entities().out(its.detail), doc.sentences().out()];
      },
      spans: null, // the web model has no person/place/organisation types
    };
  },
};

// compromise reports a match as { start, length } in JS string offsets; a match can carry
// neighbouring punctuation or whitespace. It is snapped to the whitespace-separated CoNLL tokens it
// overlaps, minus punctuation-only tokens at either end.
function snap(text, start, end) {
  const toks = [];
  const re = /\S+/g;
  re.lastIndex = Math.max(0, text.lastIndexOf(" ", start) + 1, text.lastIndexOf("\n", start) + 1);
  for (let m; (m = re.exec(text)) && m.index < end; ) {
    if (m.index + m[0].length > start) toks.push([m.index, m.index + m[0].length, m[0]]);
  }
  while (toks.length && !/[\p{L}\p{N}]/u.test(toks[0][2])) toks.shift();
  while (toks.length && !/[\p{L}\p{N}]/u.test(toks[toks.length - 1][2])) toks.pop();
  return toks.length ? [toks[0][0], toks[toks.length - 1][1]] : null;
}

function score(docs, spans) {
  const by = {}; // type -> [tp, pred, gold]
  const add = (t, i) => ((by[t] ??= [0, 0, 0])[i] += 1);
  for (const d of docs) {
    const gold = new Set(d.gold.map((g) => g.join(",")));
    for (const g of d.gold) add(g[2], 2);
    for (const p of spans(d.text)) {
      add(p[2], 1);
      if (gold.has(p.join(","))) add(p[2], 0);
    }
  }
  const f1 = ([tp, p, g]) => (tp ? (2 * tp) / (p + g) : 0);
  const total = Object.values(by).reduce((a, c) => a.map((x, i) => x + c[i]), [0, 0, 0]);
  const [tp, p, g] = total;
  return {
    precision: p ? tp / p : 0,
    recall: g ? tp / g : 0,
    f1: f1(total),
    byType: Object.fromEntries(Object.entries(by).sort().map(([t, c]) => [t, f1(c)])),
  };
}

async function child(name) {
  const texts = corpora();
  globalThis.gc?.();
  const rss0 = process.memoryUsage().rss;
  const { sys, cold, speed } = await measure(systems[name], texts, RUNS);
  const peakRss = process.resourceUsage().maxRSS * 1024 - rss0;
  const wasmMemory = sys.wasmMemory?.();
  const f1 = sys.spans ? score(texts.conll, sys.spans) : null;
  process.send({ name, cold, speed, peakRss, wasmMemory, f1, errors: sys.errors?.() ?? [] });
}

// ---- shipped bytes: every file a page loads, each gzipped at level 9 (as scripts/build.sh does)

function files(dir, keep = () => true) {
  return readdirSync(dir, { recursive: true })
    .map((f) => `${dir}/${f}`)
    .filter((f) => statSync(f).isFile() && keep(f));
}
const nm = `${root}/node_modules`;
const shipped = {
  // wasm + JS glue; the model is inside the wasm
  newslens: [`${root}/pkg/newslens_bg.wasm`, `${root}/pkg/newslens.js`],
  // the minified self-contained ESM builds of compromise (lexicon included) and compromise-dates
  compromise: [`${nm}/compromise/builds/three/compromise-three.mjs`, `${nm}/compromise-dates/builds/compromise-dates.min.js`],
  // wink-nlp ships CommonJS source (no build); counted as all of src/ plus the whole model package
  "wink-nlp": [
    ...files(`${nm}/wink-nlp/src`, (f) => f.endsWith(".js")),
    ...files(`${nm}/wink-eng-lite-web-model/dist`, (f) => /\.(js|json)$/.test(f)),
  ],
};
const gzBytes = (list) => list.reduce((a, f) => a + gzipSync(readFileSync(f), { level: 9 }).length, 0);
const version = (p) => JSON.parse(readFileSync(`${nm}/${p}/package.json`, "utf8")).version;

async function parent() {
  requireData();
  if (!existsSync(`${root}/pkg/newslens_bg.wasm`)) {
    console.error("error: pkg/ not built: run scripts/build.sh first");
    process.exit(2);
  }
  const started = new Date();
  const load = loadavg();
  const results = {};
  for (const name of SYSTEMS) {
    process.stderr.write(`running ${name} ...\n`);
    results[name] = await new Promise((ok, fail) => {
      const c = fork(new URL(import.meta.url), ["--child", name, "--runs", String(RUNS)], {
        execArgv: ["--expose-gc"],
      });
      c.on("message", ok);
      c.on("exit", (code) => code && fail(new Error(`${name} child exited with ${code}`)));
    });
    results[name].gzip = gzBytes(shipped[name]);
  }
  const versions = {
    newslens: JSON.parse(readFileSync(`${root}/pkg/package.json`, "utf8")).version,
    compromise: `${version("compromise")} + compromise-dates ${version("compromise-dates")}`,
    "wink-nlp": `${version("wink-nlp")} + wink-eng-lite-web-model ${version("wink-eng-lite-web-model")}`,
  };
  report(results, versions, started, load, loadavg());
  const out = opt("--json");
  if (out) writeFileSync(out, JSON.stringify({ started, load, runs: RUNS, versions, results }, null, 1));
}

function report(results, versions, started, load0, load1) {
  const k = (n) => `${Math.round(n / 1000).toLocaleString("en")}k`;
  const mb = (n) => `${(n / 2 ** 20).toFixed(1)} MB`;
  const kb = (n) => `${Math.round(n / 1024).toLocaleString("en")} KB`;
  const first = Object.values(results)[0];
  const corp = Object.keys(first.speed);
  console.log(
    `\nnewslens vs peers in Node ${process.version}, ${started.toISOString().slice(0, 16)}Z, ` +
      `${cpus().length} cores (${cpus()[0].model}), load ${load0.map((x) => x.toFixed(2)).join(" ")} ` +
      `-> ${load1.map((x) => x.toFixed(2)).join(" ")}; median of ${RUNS} passes after a warm-up\n`,
  );
  const words = corp.map((c) => `${c} ${first.speed[c].words.toLocaleString("en")} w`);
  console.log(`| system | ${corp.map((c) => `words/s ${c}`).join(" | ")} | cold start | peak RSS delta | gzipped | CoNLL testb F1 |`);
  console.log(`|---|${corp.map(() => "---:").join("|")}|---:|---:|---:|---:|`);
  for (const [name, r] of Object.entries(results)) {
    const mem = mb(r.peakRss) + (r.wasmMemory ? ` (wasm ${mb(r.wasmMemory)})` : "");
    const f1 = r.f1 ? r.f1.f1.toFixed(3) : "n/a";
    console.log(
      `| ${name} ${versions[name]} | ${corp.map((c) => k(r.speed[c].wordsPerSec)).join(" | ")} | ` +
        `${r.cold.toFixed(0)} ms | ${mem} | ${kb(r.gzip)} | ${f1} |`,
    );
  }
  const n = results.newslens;
  for (const [name, r] of Object.entries(results)) {
    if (!n || name === "newslens") continue;
    const ratio = (a, b) => `${(a / b).toFixed(2)}x`;
    console.log(
      `| newslens / ${name} | ${corp.map((c) => ratio(n.speed[c].wordsPerSec, r.speed[c].wordsPerSec)).join(" | ")} | ` +
        `${ratio(n.cold, r.cold)} | ${ratio(n.peakRss, r.peakRss)} | ${ratio(n.gzip, r.gzip)} | ` +
        `${r.f1 ? ratio(n.f1.f1, r.f1.f1) : "n/a"} |`,
    );
  }
  for (const [name, r] of Object.entries(results)) {
    for (const e of r.errors) console.log(`note: ${name} threw on "${e}" (caught; time still counted)`);
  }
  console.log(`\ncorpora: ${words.join(", ")} (whitespace words); F1 per type:`);
  for (const [name, r] of Object.entries(results)) {
    if (!r.f1) continue;
    const t = Object.entries(r.f1.byType).map(([k2, v]) => `${k2} ${v.toFixed(3)}`).join(", ");
    console.log(`  ${name}: P ${r.f1.precision.toFixed(3)} R ${r.f1.recall.toFixed(3)} F1 ${r.f1.f1.toFixed(4)} (${t})`);
  }
}

if (args[0] === "--child") await child(args[1]);
else await parent();
