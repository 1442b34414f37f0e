// Where analyze() spends its time in Node: V8's sampling profiler over one corpus of the benchmark
// (measured as `npm run bench` does: a warm-up pass, then five), self time per function, largest
// first.
//   scripts/build.sh --names /tmp/pkg-names      # a build whose wasm keeps its function names
//   node bench/profile.mjs [--top N] [conll|bbc|sample] [DIR]   (DIR default: pkg/, names unknown)
// Needs ../shared/data (SHARED_DATA overrides), like `npm run bench`.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { corpora, requireBuild, requireData, root } from "./corpus.mjs";
import { measure } from "./measure.mjs";

const self = fileURLToPath(import.meta.url);
const args = process.argv.slice(2);

if (args[0] === "--one") {
  // child, run under --cpu-prof: the passes over one corpus
  const [, corpus, dir] = args;
  const load = async () => {
    const m = await import(pathToFileURL(`${dir}/newslens.js`).href);
    m.initSync({ module: new WebAssembly.Module(readFileSync(`${dir}/newslens_bg.wasm`)) });
    return { run: (text) => m.analyze(text) };
  };
  const { speed } = await measure(load, { [corpus]: corpora()[corpus] }, 5);
  console.log(speed[corpus].ms.toFixed(1));
} else {
  let top = 25;
  const rest = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--top") top = Number(args[++i]);
    else rest.push(args[i]);
  }
  const corpus = rest[0] ?? "conll";
  const dir = resolve(rest[1] ?? `${root}/pkg`);
  if (!["conll", "bbc", "sample"].includes(corpus) || !Number.isInteger(top) || top < 1) {
    console.error("usage: node bench/profile.mjs [--top N] [conll|bbc|sample] [DIR]");
    process.exit(2);
  }
  requireBuild(dir);
  requireData();
  const out = mkdtempSync(join(tmpdir(), "newslens-profile-"));
  try {
    const ms = execFileSync(
      process.execPath,
      ["--cpu-prof", "--cpu-prof-interval", "100", "--cpu-prof-dir", out, self, "--one", corpus, dir],
      { encoding: "utf8" },
    ).trim();
    const file = readdirSync(out).find((f) => f.endsWith(".cpuprofile"));
    const profile = JSON.parse(readFileSync(join(out, file), "utf8"));
    const names = new Map(profile.nodes.map((n) => [n.id, n.callFrame.functionName || "(anonymous)"]));
    const selfTime = new Map();
    profile.samples.forEach((id, k) => {
      const name = names.get(id);
      selfTime.set(name, (selfTime.get(name) ?? 0) + profile.timeDeltas[k] / 1000);
    });
    const total = [...selfTime.values()].reduce((a, b) => a + b, 0);
    console.log(`${corpus}: median ${ms} ms per pass over the corpus (profiled); self time of the whole run:`);
    for (const [name, t] of [...selfTime].sort((a, b) => b[1] - a[1]).slice(0, top)) {
      console.log(`${t.toFixed(1).padStart(8)} ms ${((100 * t) / total).toFixed(1).padStart(5)}%  ${name.slice(0, 100)}`);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
