// wasm memory across many analyze() calls on varied articles: the high-water
// mark after one pass over the articles, then after every 1,000 further calls.
// tests/js/robustness.test.mjs checks a short run; this is the long one:
//   node bench/memory-calls.mjs [CALLS]      (default 10000; after scripts/build.sh)
import { readFileSync } from "node:fs";

const pkg = new URL("../pkg/", import.meta.url);
const { initSync, analyze } = await import(new URL("newslens.js", pkg));
const wasm = initSync({ module: readFileSync(new URL("newslens_bg.wasm", pkg)) });
const calls = Number(process.argv[2] ?? 10_000);
const data = (f) => readFileSync(new URL(`../tests/data/${f}`, import.meta.url), "utf8");

// the sample article, every golden case, and cut-and-joined variants of them
const texts = [data("belarus-2020-10-16.txt")];
for (const f of ["sentences.txt", "summaries.txt", "numeric.txt"]) {
  texts.push(...data(f).split("\n").filter((l) => l.startsWith("> ")).map((l) => l.slice(2).replaceAll("\\n", "\n")));
}
const n = texts.length;
for (let i = 0; i < n; i++) texts.push(texts[i] + "\n\n" + texts[(i * 7) % n].toUpperCase() + " 😀 東京 \ud800");
const options = [{}, { tokens: true }, { summary: { ratio: 0.5 } }, { date: "2020-10-16", title: "Canada" }, { summary: { words: 50 } }];

for (const [i, t] of texts.entries()) analyze(t, options[i % options.length]);
const high = wasm.memory.buffer.byteLength;
console.log(`${texts.length} articles; high-water mark after one pass: ${high} bytes`);
const start = performance.now();
for (let i = 0; i < calls; i++) {
  analyze(texts[i % texts.length], options[(i * 3) % options.length]);
  if ((i + 1) % 1000 === 0) console.log(`after ${i + 1} calls: ${wasm.memory.buffer.byteLength} bytes`);
}
const end = wasm.memory.buffer.byteLength;
console.log(`${calls} calls in ${((performance.now() - start) / 1000).toFixed(1)} s; growth beyond the high-water mark: ${end - high} bytes`);
process.exitCode = end > high ? 1 : 0;
