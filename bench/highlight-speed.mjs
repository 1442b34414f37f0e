// How long highlight() takes on a 10,000-word article page in headless Chromium: the sample
// article repeated into <p> paragraphs with inline links and emphasis, median of 7 runs per
// mode, split into textOf (DOM walk), analyze (the model) and the whole highlight() call.
// Run after scripts/build.sh: node bench/highlight-speed.mjs
import { start } from "../tests/e2e/browser.mjs";
import { readFileSync } from "node:fs";

const sample = readFileSync(new URL("../tests/data/belarus-2020-10-16.txt", import.meta.url), "utf8")
  .replace(/^ ?date \S+\s*/, "");
const paragraphs = [];
let words = 0;
while (words < 10000) {
  for (const p of sample.split(/\n\s*\n/)) {
    paragraphs.push(p.trim());
    words += p.split(/\s+/).filter(Boolean).length;
  }
}

const env = await start();
try {
  const page = await env.browser.newPage();
  await page.goto(`${env.base}/www/index.html`);
  const result = await page.evaluate(async (paragraphs) => {
    const m = await import("/pkg/newslens.js");
    await m.default();
    const article = document.createElement("article");
    for (const text of paragraphs) {
      const p = document.createElement("p");
      // put a few words in inline elements, as real articles have
      const [head, ...rest] = text.split(" ");
      const em = document.createElement("em");
      em.textContent = head + " ";
      const a = document.createElement("a");
      a.href = "#";
      a.textContent = rest.slice(0, 3).join(" ");
      p.append(em, a, " " + rest.slice(3).join(" "));
      article.append(p);
    }
    document.body.replaceChildren(article);
    const median = (f) => {
      const runs = [];
      for (let i = 0; i < 7; i++) {
        const t = performance.now();
        f();
        runs.push(performance.now() - t);
      }
      return runs.sort((x, y) => x - y)[3];
    };
    const text = m.textOf(article);
    const out = {
      words: text.split(/\s+/).filter(Boolean).length,
      entities: m.analyze(text).entities.length,
      textOf: median(() => m.textOf(article)),
      analyze: median(() => m.analyze(text)),
    };
    const analysis = m.analyze(text);
    for (const mode of ["highlight", "mark"]) {
      out[mode] = median(() => m.highlight(article, { mode }).clear());
      out[`${mode}+summary`] = median(() => m.highlight(article, { mode, summary: true }).clear());
      out[`${mode} render`] = median(() => m.highlight(article, { mode, summary: true, analysis }).clear());
    }
    return out;
  }, paragraphs);
  console.log(`${result.words} words, ${result.entities} entity mentions, Chromium, median of 7:`);
  const rows = {
    textOf: "textOf(article) (the DOM walk)",
    analyze: "analyze(text) (the model)",
    highlight: 'highlight(article) + clear()',
    "highlight+summary": 'highlight(article, { summary: true }) + clear()',
    "highlight render": "  the same, given the analysis (rendering only)",
    mark: 'highlight(article, { mode: "mark" }) + clear()',
    "mark+summary": 'highlight(article, { mode: "mark", summary: true }) + clear()',
    "mark render": "  the same, given the analysis (rendering only)",
  };
  for (const [k, what] of Object.entries(rows)) console.log(`  ${what.padEnd(62)} ${result[k].toFixed(1)} ms`);
} finally {
  await env.close();
}
