// Time and wasm memory of analyze() on 1, 5 and 10 MB of news text (the sample
// article repeated), each size in a fresh Node process so memory is its own
// high-water mark; and the time to refuse 20 MB over the default 16 MiB limit.
// A measurement, not a test. Run after scripts/build.sh:
//   node bench/huge-input.mjs [MB...]
import { readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";

const pkg = new URL("../pkg/", import.meta.url);
const sizes = process.argv.slice(2).map(Number);

if (process.env.NEWSLENS_HUGE_ONE) {
  const mb = Number(process.env.NEWSLENS_HUGE_ONE);
  const { initSync, analyze } = await import(new URL("newslens.js", pkg));
  const wasm = initSync({ module: readFileSync(new URL("newslens_bg.wasm", pkg)) });
  analyze("Warm up.");
  const base = wasm.memory.buffer.byteLength;
  const sample = readFileSync(new URL("../tests/data/belarus-2020-10-16.txt", import.meta.url), "utf8");
  const body = sample.replace(/^\s*date \S+\s*/, "") + "\n\n";
  const target = mb * 1e6;
  const text = body.repeat(Math.ceil(target / Buffer.byteLength(body))).slice(0, target);
  const t = performance.now();
  let result;
  try {
    const a = analyze(text);
    result = `${a.sentences.length} sentences, ${a.entities.length} entities`;
  } catch (e) {
    result = `${e.constructor.name}: ${e.message}`;
  }
  const ms = performance.now() - t;
  const mem = wasm.memory.buffer.byteLength;
  console.log(
    `${String(mb).padStart(3)} MB: ${(ms / 1000).toFixed(2)} s, ${(mb / (ms / 1000)).toFixed(2)} MB/s, ` +
      `wasm memory ${(base / 2 ** 20).toFixed(0)} -> ${(mem / 2 ** 20).toFixed(0)} MiB ` +
      `(${(mem / (mb * 1e6)).toFixed(1)} bytes per input byte); ${result}`,
  );
} else {
  for (const mb of sizes.length ? sizes : [1, 5, 10, 20]) {
    execFileSync(process.execPath, [new URL(import.meta.url).pathname], {
      env: { ...process.env, NEWSLENS_HUGE_ONE: String(mb) },
      stdio: "inherit",
    });
  }
}
