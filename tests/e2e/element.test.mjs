// <news-lens> on an ordinary article page, under the strict CSP the server sends.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { start, openPage } from "./browser.mjs";

let env;
before(async () => (env = await start()));
after(async () => env?.close());

const status = (page) => page.locator("news-lens").locator(".status");
const registered = (page, name) =>
  page.evaluate((name) => CSS.highlights.get(name)?.size ?? 0, name);

test("the element highlights the article and its panel works, keyboard included", async () => {
  const { page, problems } = await openPage(env.browser, `${env.base}/www/article.html`);
  await page.waitForFunction(() => document.querySelector("news-lens")?.analysis);
  const before = await page.evaluate(() => document.getElementById("story").innerHTML);
  assert.equal(await page.locator("#story mark").count(), 0, "highlight mode changes no DOM");
  assert.ok((await registered(page, "newslens-PERSON")) >= 10);
  assert.ok((await registered(page, "newslens-GPE")) >= 10);
  assert.equal(await registered(page, "newslens-summary"), 3);
  assert.equal(await page.evaluate(() => window.articleScriptRan), 1, "the page's script ran once, untouched");
  const text = await page.evaluate(() => document.querySelector("news-lens").highlighting.text);
  assert.ok(!text.includes("Advertisement"), "hidden elements are skipped");

  const panel = page.locator("news-lens");
  assert.equal(await panel.locator("ol.summary li").count(), 3);
  assert.match(await status(page).innerText(), /mentions in \d+ words/);
  const person = panel.locator(".toggle[data-label=PERSON]");
  assert.match(await person.innerText(), /People \d+/);
  assert.ok(await panel.getByRole("button", { name: /Francois-Philippe Champagne, people, 6 mentions/ }).count());

  // toggles, by keyboard: focus the PERSON toggle and press Space twice
  await person.focus();
  await page.keyboard.press("Space");
  assert.equal(await person.getAttribute("aria-pressed"), "false");
  assert.equal(await registered(page, "newslens-PERSON"), 0);
  await page.keyboard.press("Space");
  assert.equal(await person.getAttribute("aria-pressed"), "true");
  assert.ok((await registered(page, "newslens-PERSON")) >= 10);

  // jump between mentions
  const champagne = panel.getByRole("button", { name: /^Francois-Philippe Champagne/ });
  await champagne.click();
  assert.equal(await status(page).innerText(), "Francois-Philippe Champagne: mention 1 of 6");
  await page.keyboard.press("Enter");
  assert.equal(await status(page).innerText(), "Francois-Philippe Champagne: mention 2 of 6");
  assert.equal(await registered(page, "newslens-focus"), 6);

  mkdirSync("tests/e2e/out", { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: "tests/e2e/out/element.png", fullPage: true });

  // mark mode by attribute, then back: the article comes back exactly
  await page.evaluate(() => document.querySelector("news-lens").setAttribute("mode", "mark"));
  await page.waitForFunction(() => document.querySelectorAll("#story mark[data-label]").length > 20);
  await page.evaluate(() => document.querySelector("news-lens").remove());
  assert.equal(await page.evaluate(() => document.getElementById("story").innerHTML), before);
  assert.equal(await page.evaluate(() => CSS.highlights.size), 0);
  assert.deepEqual(problems, []);
});

test("long articles are analysed in the worker", async () => {
  const { page, problems } = await openPage(env.browser, `${env.base}/www/article.html`);
  await page.waitForFunction(() => document.querySelector("news-lens")?.analysis);
  await page.evaluate(() => document.querySelector("news-lens").setAttribute("worker-threshold", "100"));
  await page.evaluate(() => document.querySelector("news-lens").refresh());
  await page.waitForFunction(() => /\(worker\)/.test(document.querySelector("news-lens").shadowRoot.querySelector(".status").textContent));
  assert.ok((await registered(page, "newslens-PERSON")) >= 10);
  // errors come back with their class
  const err = await page.evaluate(async () => {
    const { AnalyzerWorker } = await import("/pkg/analyzer-worker.js");
    const w = new AnalyzerWorker();
    try {
      await w.analyze("text", { date: "yesterday" });
      return "resolved";
    } catch (e) {
      return `${e.constructor.name}: ${e.message}`;
    } finally {
      w.terminate();
    }
  });
  assert.match(err, /^RangeError: analyze\(text, options\): /);
  assert.deepEqual(problems, []);
});

test("without WebAssembly the element says so and leaves the article alone", async () => {
  const page = await env.browser.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(String(e)));
  await page.addInitScript(() => {
    delete globalThis.WebAssembly;
  });
  await page.goto(`${env.base}/www/article.html`);
  await page.waitForFunction(() => document.querySelector("news-lens")?.getAttribute("data-state") === "unsupported");
  assert.match(await status(page).innerText(), /cannot run WebAssembly/);
  assert.equal(await page.locator("#story mark").count(), 0);
  assert.deepEqual(problems, []);
  await page.close();
});
