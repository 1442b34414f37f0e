// The package as users get it: imported by name in Node, and bundled by Vite 7 into an app
// that runs in Chromium (the wasm file must be emitted and found next to the bundle).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { execFileSync } from "node:child_process";
import { build } from "vite";
import { chromium } from "playwright-core";

const repo = fileURLToPath(new URL("../../", import.meta.url));
const app = join(repo, "target/vite-app");

before(() => {
  rmSync(app, { recursive: true, force: true });
  mkdirSync(join(app, "node_modules"), { recursive: true });
  symlinkSync(join(repo, "pkg"), join(app, "node_modules/newslens"), "dir");
  cpSync(join(repo, "tests/vite"), app, { recursive: true });
});

test("Node imports the package by name, and every export resolves", () => {
  writeFileSync(join(app, "node-import.mjs"), `
    import { readFileSync } from "node:fs";
    import { initSync, analyze } from "newslens";
    initSync({ module: readFileSync(new URL(import.meta.resolve("newslens/newslens_bg.wasm"))) });
    const a = analyze("Champagne spoke in Ottawa on Friday.");
    const exports = ["newslens/element", "newslens/worker", "newslens/analyzer-worker", "newslens/newslens.css"]
      .map((s) => import.meta.resolve(s).split("/").pop());
    console.log(JSON.stringify({ labels: a.entities.map((e) => e.label), exports }));
  `);
  const out = JSON.parse(execFileSync(process.execPath, [join(app, "node-import.mjs")], { encoding: "utf8" }));
  assert.deepEqual(out.labels, ["PERSON", "GPE", "DATE"]);
  assert.deepEqual(out.exports, ["element.js", "worker.js", "analyzer-worker.js", "newslens.css"]);
});

let server;
after(() => server?.close());

test("Vite 7 bundles a one-file app that imports the package, and it runs", async () => {
  await build({ root: app, logLevel: "warn", build: { outDir: join(app, "dist"), emptyOutDir: true } });
  const assets = readdirSync(join(app, "dist/assets"));
  assert.ok(assets.some((f) => f.endsWith(".wasm")), assets.join(" "));
  const types = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm", ".css": "text/css" };
  server = createServer((req, res) => {
    const path = join(app, "dist", req.url === "/" ? "index.html" : decodeURIComponent(req.url.split("?")[0]));
    try {
      const body = readFileSync(path);
      res.writeHead(200, { "Content-Type": types[extname(path)] ?? "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
  });
  try {
    const page = await browser.newPage();
    const problems = [];
    page.on("pageerror", (e) => problems.push(String(e)));
    page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.waitForSelector("body[data-entities]", { timeout: 15000 });
    assert.match(await page.locator("#out").innerText(), /^newslens \d+\.\d+\.\d+: PERSON GPE DATE$/);
    assert.ok(Number(await page.evaluate(() => document.body.dataset.entities)) >= 4);
    assert.ok(await page.evaluate(() => CSS.highlights.has("newslens-PERSON")));
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});
