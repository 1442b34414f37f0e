// Quick speed check of the built package in Node: cold start (import + instantiate + first
// result) and analyze() on the sample article repeated to 10,000 words (median of 7 runs).
// Run after scripts/build.sh: node bench/node-speed.mjs
import { readFileSync } from "node:fs";

const t0 = performance.now();
const m = await import(new URL("../pkg/newslens.js", import.meta.url));
const bytes = readFileSync(new URL("../pkg/newslens_bg.wasm", import.meta.url));
const t1 = performance.now();
m.initSync({ module: bytes });
const t2 = performance.now();
m.analyze("Warm up.");
const cold = performance.now() - t0;
// the first call parses the embedded model and, with V8's lazy compilation (Node's default),
// compiles each function it reaches; `node --no-wasm-lazy-compilation` moves that into instantiate
const parts = `import + read ${(t1 - t0).toFixed(1)}, instantiate ${(t2 - t1).toFixed(1)}, first analyze() ${(cold - (t2 - t0)).toFixed(1)}`;

const sample = readFileSync(new URL("../tests/data/belarus-2020-10-16.txt", import.meta.url), "utf8");
let text = sample;
while (text.split(/\s+/).length < 10000) text += "\n\n" + sample.replace(/^ date \S+ /, "");
const words = text.split(/\s+/).filter(Boolean).length;
const runs = [];
for (let i = 0; i < 7; i++) {
  const s = performance.now();
  m.analyze(text);
  runs.push(performance.now() - s);
}
runs.sort((a, b) => a - b);
const ms = runs[3];
console.log(`cold start ${cold.toFixed(1)} ms (${parts})`);
console.log(`${words} words: median ${ms.toFixed(1)} ms, ${Math.round(words / ms * 1000).toLocaleString("en")} words/s`);
