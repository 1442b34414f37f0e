// The demo page end to end, under the strict CSP the server sends.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { start, openPage } from "./browser.mjs";

let env;
before(async () => (env = await start()));
after(async () => env?.close());

const registered = (page, name) => page.evaluate((name) => CSS.highlights.get(name)?.size ?? 0, name);

test("demo analyses the sample article under a strict CSP", async () => {
  const { page, problems } = await openPage(env.browser, `${env.base}/www/`);
  await page.waitForSelector("body[data-ready=true]", { timeout: 15000 });
  const facts = await page.locator("#facts").innerText();
  assert.match(facts, /2020-10-16/);
  assert.match(facts, /Sentences\s+13/);
  assert.match(facts, /Time\s+[\d.]+ ms for \d+ words/);
  assert.equal(await page.locator("#summary li").count(), 3);
  assert.equal(await page.locator("#article p").count(), 11);
  const entities = await page.locator("#entities li").allInnerTexts();
  assert.ok(entities.some((t) => /PERSON\s+Francois-Philippe Champagne ×6/.test(t)), entities.join(" | "));

  // inline highlights per label, in the CSS highlight registry (the text is not touched)
  assert.equal(await page.locator("#article mark").count(), 0);
  const counts = {};
  for (const label of ["PERSON", "GPE", "NORP", "DATE", "ORG"]) counts[label] = await registered(page, `newslens-${label}`);
  assert.ok(counts.PERSON >= 15 && counts.GPE >= 12 && counts.NORP >= 4 && counts.DATE >= 5 && counts.ORG >= 2, JSON.stringify(counts));
  assert.equal(await registered(page, "newslens-summary"), 3);
  const person = page.locator("#legend button[data-label=PERSON]");
  assert.match(await person.innerText(), new RegExp(`People ${counts.PERSON}`));

  // toggle a label off and on
  await person.click();
  assert.equal(await person.getAttribute("aria-pressed"), "false");
  assert.equal(await registered(page, "newslens-PERSON"), 0);
  assert.equal(await registered(page, "newslens-GPE"), counts.GPE);
  await person.click();
  assert.equal(await registered(page, "newslens-PERSON"), counts.PERSON);

  // the same in <mark> mode
  await page.selectOption("#mode", "mark");
  await page.waitForFunction(() => document.querySelectorAll("#article mark[data-label=PERSON]").length > 0);
  assert.equal(await registered(page, "newslens-PERSON"), 0, "the registry was emptied");
  await page.locator("#legend button[data-label=GPE]").click();
  assert.equal(await page.locator("#article mark[data-label=GPE][data-off]").count(), await page.locator("#article mark[data-label=GPE]").count());
  await page.selectOption("#mode", "auto");
  await page.waitForFunction(() => CSS.highlights.has("newslens-PERSON"));
  assert.equal(await page.locator("#article mark").count(), 0);

  // hostile text is shown as text and never runs
  await page.fill("#text", 'Hello <img src=x onerror="window.pwned=1"> world. <script>window.pwned=2</script> Bye.');
  await page.click("#run");
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.match(await page.locator("#article").innerText(), /<img src=x onerror/);
  assert.equal(await page.locator("#article img, #article script").count(), 0);

  // back to the sample for the screenshot, one entity focused
  await page.selectOption("#sample", { index: 0 });
  await page.waitForFunction(() => document.querySelectorAll("#article p").length === 11);
  await page.locator("#entities button", { hasText: "Svetlana Tikhanovskaya" }).click();
  await page.evaluate(() => window.scrollTo(0, 0));
  mkdirSync("tests/e2e/out", { recursive: true });
  await page.screenshot({ path: "tests/e2e/out/demo.png", fullPage: true });
  assert.deepEqual(problems, []);
});
