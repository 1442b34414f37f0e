// Compares builds of the package on the benchmark texts, alternating between them so that a
// machine that speeds up or slows down affects each alike (on a shared 2-core VM one run says
// little). Each round runs every build once, in a fresh Node process: `analyze()` over each
// corpus, median of 5 passes after a warm-up (bench/measure.mjs, as `npm run bench`), in words/s.
//   node bench/compare.mjs [--rounds N] DIR_A DIR_B ...   (each DIR a built pkg/, e.g. a copy)
// Needs ../shared/data (SHARED_DATA overrides), like `npm run bench`.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { corpora, requireData } from "./corpus.mjs";
import { measure } from "./measure.mjs";

const self = fileURLToPath(import.meta.url);
const args = process.argv.slice(2);

if (args[0] === "--one") {
  // child: one build, one pass over the corpora
  const dir = resolve(args[1]);
  const load = async () => {
    const m = await import(pathToFileURL(`${dir}/newslens.js`).href);
    await m.default({ module_or_path: readFileSync(`${dir}/newslens_bg.wasm`) });
    return { run: (text) => m.analyze(text) };
  };
  const { speed } = await measure(load, corpora(), 5);
  const out = Object.fromEntries(Object.entries(speed).map(([c, s]) => [c, s.wordsPerSec]));
  console.log(JSON.stringify(out));
} else {
  let rounds = 3;
  const dirs = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--rounds") rounds = Number(args[++i]);
    else dirs.push(args[i]);
  }
  if (!dirs.length || !(rounds >= 1)) {
    console.error("usage: node bench/compare.mjs [--rounds N] PKG_DIR [PKG_DIR ...]");
    process.exit(2);
  }
  requireData();
  const k = (n) => `${Math.round(n / 1000)}k`;
  for (let r = 1; r <= rounds; r++) {
    for (const dir of dirs) {
      const got = JSON.parse(execFileSync(process.execPath, [self, "--one", dir], { encoding: "utf8" }));
      const row = Object.entries(got).map(([name, wps]) => `${name} ${k(wps)}`);
      console.log(`round ${r}  ${dir}  ${row.join("  ")} words/s`);
    }
  }
}
