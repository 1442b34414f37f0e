// The demo page end to end, under the strict CSP the server sends.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { start, openPage } from "./browser.mjs";

let env;
before(async () => (env = await start()));
after(async () => env?.close());

test("demo analyses the sample article under a strict CSP", async () => {
  const { page, problems } = await openPage(env.browser, `${env.base}/www/`);
  await page.waitForSelector("body[data-ready=true]", { timeout: 15000 });
  assert.equal(await page.locator("#sentences li").count(), 13);
  assert.equal(await page.locator("#sentences li.key").count(), 3);
  assert.match(await page.locator("#facts").innerText(), /2020-10-16/);
  const entities = await page.locator("#entities li").allInnerTexts();
  assert.ok(entities.some((t) => /PERSON\s+Francois-Philippe Champagne ×6/.test(t)), entities.join(" | "));
  assert.equal(
    await page.locator("#sentences li").nth(12).innerText(),
    "With files from The Associated Press",
  );
  // hostile text is shown as text and never runs
  await page.fill("#text", 'Hello <img src=x onerror="window.pwned=1"> world. <script>window.pwned=2</script> Bye.');
  await page.click("#run");
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.match(await page.locator("#sentences").innerText(), /<img src=x onerror/);
  assert.equal(await page.locator("#sentences img").count(), 0);
  // back to the sample for the screenshot
  await page.selectOption("#sample", { index: 0 });
  await page.waitForFunction(() => document.querySelectorAll("#sentences li").length === 13);
  mkdirSync("tests/e2e/out", { recursive: true });
  await page.screenshot({ path: "tests/e2e/out/demo.png", fullPage: true });
  assert.deepEqual(problems, []);
});
