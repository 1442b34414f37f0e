// The speed benchmark of bench/peers.mjs in headless Chromium (Debian's /usr/bin/chromium driven by
// playwright-core, launched as in tests/e2e/browser.mjs): words/s per corpus and cold start for
// newslens, compromise and wink-nlp, each in a fresh browser context (empty cache). pkg/ is served by scripts/serve.mjs's serve();
// the bench page, the texts and the peers' files are answered by page.route() on the same origin.
//
//   scripts/build.sh && npm run bench:browser     (node bench/browser.mjs [--runs 5] [--only a,b])
import { readFileSync, readdirSync, statSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { start } from "../tests/e2e/browser.mjs";
import { corpora, requireData, root } from "./corpus.mjs";

const args = process.argv.slice(2);
const opt = (name, def) => (args.includes(name) ? args[args.indexOf(name) + 1] : def);
const RUNS = Number(opt("--runs", 5));
const SYSTEMS = opt("--only", "newslens,compromise,wink-nlp").split(",");

requireData();
const nm = `${root}/node_modules`;
const tree = (pkg, dir, re) =>
  readdirSync(`${nm}/${pkg}/${dir}`, { recursive: true })
    .map((f) => `${pkg}/${dir}/${f}`)
    .filter((f) => re.test(f) && statSync(`${nm}/${f}`).isFile());
const wink = Object.fromEntries(
  [...tree("wink-nlp", "src", /\.js$/), ...tree("wink-eng-lite-web-model", "dist", /\.(js|json)$/)].map(
    (f) => [f, readFileSync(`${nm}/${f}`, "utf8")],
  ),
);
const js = "text/javascript; charset=utf-8";
const routes = {
  "/bench/index.html": ["text/html; charset=utf-8", "<!doctype html><title>newslens bench</title>"],
  "/bench/page.mjs": [js, readFileSync(`${root}/bench/browser-page.mjs`)],
  "/bench/measure.mjs": [js, readFileSync(`${root}/bench/measure.mjs`)],
  "/bench/corpus.json": ["application/json", JSON.stringify(corpora())],
  "/bench/vendor/compromise.mjs": [js, readFileSync(`${nm}/compromise/builds/three/compromise-three.mjs`)],
  "/bench/vendor/compromise-dates.mjs": [js, readFileSync(`${nm}/compromise-dates/builds/compromise-dates.mjs`)],
  "/bench/vendor/wink.json": ["application/json", JSON.stringify(wink)],
};

// Chromium with the flags of the end-to-end tests, and pkg/ served by scripts/serve.mjs
const { base, browser, close } = await start();
const load0 = loadavg();
const results = {};
try {
  for (const name of SYSTEMS) {
    process.stderr.write(`running ${name} in Chromium ${browser.version()} ...\n`);
    const context = await browser.newContext();
    await context.route(`${base}/bench/**`, (route) => {
      const hit = routes[new URL(route.request().url()).pathname];
      return hit ? route.fulfill({ contentType: hit[0], body: hit[1] }) : route.fulfill({ status: 404 });
    });
    const page = await context.newPage();
    page.on("pageerror", (e) => console.error(`${name}: ${e}`));
    await page.goto(`${base}/bench/index.html`);
    results[name] = await page.evaluate(
      ([n, r]) => import("/bench/page.mjs").then((m) => m.run(n, r)),
      [name, RUNS],
    );
    await context.close();
  }
} finally {
  await close();
}

const k = (n) => `${Math.round(n / 1000).toLocaleString("en")}k`;
const corp = Object.keys(Object.values(results)[0].speed);
console.log(
  `\nheadless Chromium ${browser.version()}, ${new Date().toISOString().slice(0, 16)}Z, ${cpus().length} cores ` +
    `(${cpus()[0].model}), load ${load0.map((x) => x.toFixed(2)).join(" ")} -> ` +
    `${loadavg().map((x) => x.toFixed(2)).join(" ")}; median of ${RUNS} passes after a warm-up\n`,
);
console.log(`| system (browser) | ${corp.map((c) => `words/s ${c}`).join(" | ")} | cold start |`);
console.log(`|---|${corp.map(() => "---:").join("|")}|---:|`);
for (const [name, r] of Object.entries(results)) {
  const mem = r.wasmMemory ? ` (wasm memory ${(r.wasmMemory / 2 ** 20).toFixed(1)} MB)` : "";
  console.log(`| ${name}${mem} | ${corp.map((c) => k(r.speed[c].wordsPerSec)).join(" | ")} | ${r.cold.toFixed(0)} ms |`);
}
const n = results.newslens;
for (const [name, r] of Object.entries(results)) {
  if (!n || name === "newslens") continue;
  const ratios = corp.map((c) => `${(n.speed[c].wordsPerSec / r.speed[c].wordsPerSec).toFixed(2)}x`);
  console.log(`| newslens / ${name} | ${ratios.join(" | ")} | ${(n.cold / r.cold).toFixed(2)}x |`);
}
