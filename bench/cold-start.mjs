// The cold start of built packages, step by step, each sample in a fresh Node process and the
// builds in turn (on a shared 2-core VM the machine speeds up and slows down; taking turns makes
// that fall on every build alike). Steps: importing the glue and reading the wasm, compiling
// (`new WebAssembly.Module`), instantiating (`initSync`, as the README shows for Node) and the first
// `analyze()` of the benchmark's warm-up sentence. Prints the median of each step per build.
//   node bench/cold-start.mjs [--runs N] [--node-flags "FLAGS"] [DIR ...]   (default: pkg/)
// --node-flags passes V8 flags to every child, e.g. "--wasm-tier-up-filter=-2" (no function
// recompiled by the optimising compiler) or "--no-wasm-lazy-compilation" (all code compiled
// before the first call), to see what each part of V8's work costs. Needs no data set.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { requireBuild, root } from "./corpus.mjs";
import { median, WARM_UP_TEXT } from "./measure.mjs";

const STEPS = ["import", "compile", "instantiate", "first call", "total"];
const self = fileURLToPath(import.meta.url);
const args = process.argv.slice(2);

if (args[0] === "--one") {
  // child: one cold start of one build
  const dir = resolve(args[1]);
  const t0 = performance.now();
  const m = await import(pathToFileURL(`${dir}/newslens.js`).href);
  const bytes = readFileSync(`${dir}/newslens_bg.wasm`);
  const t1 = performance.now();
  const module = new WebAssembly.Module(bytes);
  const t2 = performance.now();
  m.initSync({ module });
  const t3 = performance.now();
  m.analyze(WARM_UP_TEXT);
  const t4 = performance.now();
  console.log(JSON.stringify([t1 - t0, t2 - t1, t3 - t2, t4 - t3, t4 - t0]));
} else {
  let runs = 20;
  let flags = [];
  const dirs = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--runs") runs = Number(args[++i]);
    else if (args[i] === "--node-flags") flags = (args[++i] ?? "").split(/\s+/).filter(Boolean);
    else if (args[i].startsWith("-")) {
      console.error(`error: unknown option ${args[i]} (options: --runs N, --node-flags "FLAGS")`);
      process.exit(2);
    } else dirs.push(resolve(args[i]));
  }
  if (!Number.isInteger(runs) || runs < 1) {
    console.error("error: --runs needs a whole number of at least 1");
    process.exit(2);
  }
  if (!dirs.length) dirs.push(`${root}/pkg`);
  dirs.forEach(requireBuild);
  const samples = new Map(dirs.map((d) => [d, []]));
  for (let r = 0; r < runs; r++) {
    for (const dir of dirs) {
      const out = execFileSync(process.execPath, [...flags, self, "--one", dir], { encoding: "utf8" });
      samples.get(dir).push(JSON.parse(out));
    }
  }
  console.log(`cold start, median of ${runs} fresh Node ${process.version} processes per build` +
    (flags.length ? ` (${flags.join(" ")})` : "") + ", ms:");
  console.log(`| build | ${STEPS.join(" | ")} |`);
  console.log(`|---|${STEPS.map(() => "---:").join("|")}|`);
  for (const [dir, xs] of samples) {
    const cells = STEPS.map((_, k) => median(xs.map((x) => x[k])).toFixed(1));
    console.log(`| ${dir} | ${cells.join(" | ")} |`);
  }
}
