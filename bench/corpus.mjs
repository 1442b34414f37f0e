// The benchmark texts, read from ../shared/data (never copied into the repo: research-use licences).
//   conll: CoNLL-2003 eng.testb, one document per -DOCSTART-; text = tokens joined by single spaces,
//          one sentence per line (as ../shared/notes/evaluation.md defines it); gold = IOB1 chunks
//          as [start, end, type] in UTF-16 code units of that text (JS string offsets).
//   bbc:   BBC News Summary test.jsonl, the article body without its title line.
//   sample: tests/data/belarus-2020-10-16.txt repeated (header dropped) to >= 10,000 words.
// SHARED_DATA overrides the data folder.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { resolve } from "node:path";
import { words } from "./measure.mjs";

export const root = resolve(fileURLToPath(new URL("..", import.meta.url)));
export const dataDir = resolve(process.env.SHARED_DATA ?? `${root}/../shared/data`);
const conllPath = `${dataDir}/conll2003/eng.testb`;
const bbcPath = `${dataDir}/bbc_news_summary/test.jsonl`;

/** Exits with status 2 and says so when `dir` holds no built package. */
export function requireBuild(dir) {
  if (!existsSync(`${dir}/newslens_bg.wasm`)) {
    console.error(`error: ${dir} is no built package (no newslens_bg.wasm; run scripts/build.sh)`);
    process.exit(2);
  }
}

/** Exits with status 2 and says what is missing when the shared data is not there. */
export function requireData() {
  const missing = [conllPath, bbcPath].filter((p) => !existsSync(p));
  if (missing.length) {
    console.error(
      `error: benchmark data not found:\n  ${missing.join("\n  ")}\n` +
        "The benchmark reads CoNLL-2003 testb and the BBC test articles from ../shared/data " +
        "(set SHARED_DATA to another folder); they are research-use data and not part of the repo.",
    );
    process.exit(2);
  }
}

/** CoNLL-2003 testb documents: { id, text, gold: [[start, end, type]] }. */
export function conll() {
  const docs = [];
  let doc = null;
  let sentence = []; // [token, tag]
  const flush = () => {
    if (!sentence.length) return;
    let text = doc.text ? doc.text + "\n" : "";
    let open = null; // [start, end, type]
    let prev = "O";
    for (const [tok, tag] of sentence) {
      const start = text.length;
      text += (start > 0 && !text.endsWith("\n") ? " " : "") + tok;
      const s = text.length - tok.length;
      const type = tag === "O" ? null : tag.slice(2);
      const begins = type && (tag.startsWith("B-") || prev === "O" || prev.slice(2) !== type);
      if (open && (!type || begins)) {
        doc.gold.push(open);
        open = null;
      }
      if (begins) open = [s, text.length, type];
      else if (open) open[1] = text.length;
      prev = tag;
    }
    if (open) doc.gold.push(open);
    doc.text = text;
    sentence = [];
  };
  for (const line of readFileSync(conllPath, "utf8").split("\n")) {
    const cols = line.trim().split(" ");
    if (cols[0] === "-DOCSTART-") {
      if (doc) flush();
      doc = { id: `conll_testb_${String(docs.length).padStart(5, "0")}`, text: "", gold: [] };
      docs.push(doc);
    } else if (!line.trim()) {
      if (doc) flush();
    } else {
      sentence.push([cols[0], cols[cols.length - 1]]);
    }
  }
  if (doc) flush();
  return docs;
}

/** BBC test articles: { id, text } with the title line (and the blank line after it) removed. */
export function bbc() {
  return readFileSync(bbcPath, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l))
    .map((a) => ({ id: a.id, text: a.article.slice(a.article.indexOf("\n") + 1).replace(/^\n+/, "") }));
}

/** The sample article repeated to at least 10,000 words, as one text. */
export function sample() {
  const one = readFileSync(`${root}/tests/data/belarus-2020-10-16.txt`, "utf8");
  let text = one;
  while (words(text) < 10000) text += "\n\n" + one.replace(/^ ?date \S+ /, "");
  return [{ id: "sample-10k", text }];
}

/** All three corpora, keyed by name. */
export function corpora() {
  return { conll: conll(), bbc: bbc(), sample: sample() };
}
