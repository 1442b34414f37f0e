// The JavaScript API of pkg/ under Node: loading, the Analysis contract, UTF-16 offsets, errors.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, existsSync } from "node:fs";

const pkg = new URL("../../pkg/", import.meta.url);
const { initSync, analyze, version } = await import(new URL("newslens.js", pkg));
initSync({ module: readFileSync(new URL("newslens_bg.wasm", pkg)) });

const sample = readFileSync(new URL("../data/belarus-2020-10-16.txt", import.meta.url), "utf8");
const slices = (text, spans) => spans.map((s) => text.slice(s.start, s.end));

test("package.json is an ES module package whose exports exist", () => {
  const manifest = JSON.parse(readFileSync(new URL("package.json", pkg), "utf8"));
  assert.equal(manifest.name, "newslens");
  assert.equal(manifest.type, "module");
  assert.equal(manifest.version, version());
  for (const target of [manifest.types, manifest.exports["."].default, manifest.exports["."].types]) {
    assert.ok(existsSync(new URL(target, pkg)), target);
  }
});

test("the sample article: date from the header, 13 sentences, header not text", () => {
  const a = analyze(sample);
  assert.equal(a.offsets, "utf16");
  assert.equal(a.date, "2020-10-16");
  assert.equal(a.dateSource, "header");
  assert.equal(sample.slice(a.header.start, a.header.end), "date 2020-10-16");
  const s = slices(sample, a.sentences);
  assert.equal(s.length, 13);
  assert.ok(s[0].startsWith("Canada “will always be on your side”"));
  assert.equal(s[8].slice(0, 22), "The new sanctions came");
  assert.equal(s[12], "With files from The Associated Press");
  const champagne = a.entities.filter((e) => e.text.endsWith("Champagne"));
  assert.equal(champagne.length, 6);
  assert.ok(champagne.every((e) => e.label === "PERSON" && e.group === champagne[0].group));
  for (const e of a.entities) assert.equal(sample.slice(e.start, e.end), e.text);
  const top = a.groups.slice(0, 5).map((g) => g.name).sort();
  assert.deepEqual(top, ["Alexander Lukashenko", "Belarus", "Canada", "Francois-Philippe Champagne", "Svetlana Tikhanovskaya"]);
  for (const g of a.groups) assert.equal(g.first, a.entities[g.mentions[0]].start);
  assert.ok(a.summary.sentences.every((i) => i >= 0 && i < a.sentences.length));
  assert.equal(a.summary.scores.length, a.sentences.length);
  assert.ok(!a.summary.sentences.includes(12), "the credit line is never in the summary");
});

test("options.date overrides the header", () => {
  const a = analyze(sample, { date: "2021-01-02" });
  assert.equal(a.date, "2021-01-02");
  assert.equal(a.dateSource, "option");
});

test("UTF-16 offsets: emoji, euro, CJK, RTL, combining marks", () => {
  const text =
    "Prices hit €5 😀 in Tokyo 東京. مرحبا بكم في القاهرة. Shalom שלום! Cafe\u0301 👩‍👩‍👧 closed.\n\nNew 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 para.";
  const a = analyze(text, { tokens: true });
  assert.deepEqual(slices(text, a.sentences), [
    "Prices hit €5 😀 in Tokyo 東京.",
    "مرحبا بكم في القاهرة.",
    "Shalom שלום!",
    "Cafe\u0301 👩‍👩‍👧 closed.",
    "New 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 para.",
  ]);
  assert.ok(slices(text, a.tokens).includes("👩‍👩‍👧"));
  assert.ok(slices(text, a.tokens).includes("€"));
  assert.equal(a.paragraphs.length, 2);
});

test("lone surrogates keep every offset in place", () => {
  const text = "Bad \uD800 char here. Next \uDC00 one.";
  const a = analyze(text);
  assert.deepEqual(slices(text, a.sentences), ["Bad \uD800 char here.", "Next \uDC00 one."]);
});

test("summary length options", () => {
  assert.equal(analyze(sample, { summary: { sentences: 1 } }).summary.sentences.length, 1);
  assert.equal(analyze(sample, { summary: { sentences: 50 } }).summary.sentences.length, 12);
  const byWords = analyze(sample, { summary: { words: 60 } }).summary.sentences;
  assert.ok(byWords.length >= 1 && byWords.length <= 3, String(byWords));
  assert.equal(analyze(sample, { summary: { ratio: 0.25 } }).summary.sentences.length, 4);
});

test("empty and blank text give an empty analysis", () => {
  for (const text of ["", "   \n\n  "]) {
    const a = analyze(text);
    assert.deepEqual([a.sentences, a.paragraphs, a.entities, a.summary.sentences], [[], [], [], []]);
  }
});

test("bad input throws TypeError or RangeError saying what to fix", () => {
  const cases = [
    [() => analyze(42), TypeError, /text must be a string, got number/],
    [() => analyze(null), TypeError, /text must be a string, got null/],
    [() => analyze({ text: "x" }), TypeError, /text must be a string, got object/],
    [() => analyze(), TypeError, /text must be a string, got undefined/],
    [() => analyze("x", 5), TypeError, /options must be an object/],
    [() => analyze("x", ["date"]), TypeError, /options must be an object.*an array/],
    [() => analyze("x", { dat: "2020-01-01" }), TypeError, /unknown option options.dat; the valid ones are date, title, summary, tokens, maxBytes/],
    [() => analyze("x", { title: 3 }), TypeError, /options.title must be a string/],
    [() => analyze("x", { date: 20201016 }), TypeError, /options.date must be a string such as "2020-10-16", got number/],
    [() => analyze("x", { tokens: "yes" }), TypeError, /options.tokens must be true or false, got string/],
    [() => analyze("x", { summary: 3 }), TypeError, /options.summary must be an object such as \{ sentences: 3 \}, got number/],
    [() => analyze("x", { summary: { words: 1.5 } }), RangeError, /options.summary.words must be a whole number/],
    [() => analyze("x", { maxBytes: 0 }), RangeError, /options.maxBytes must be a positive whole number/],
    [() => analyze("x", { date: "16/10/2020" }), RangeError, /options.date must be a calendar date written YYYY-MM-DD/],
    [() => analyze("x", { date: "2020-02-30" }), RangeError, /options.date/],
    [() => analyze("x", { summary: { ratio: 2 } }), RangeError, /summary.ratio must be a number greater than 0/],
    [() => analyze("x", { summary: { ratio: 0.5, words: 10 } }), TypeError, /one of sentences, words or ratio/],
    [() => analyze("x", { summary: { sentence: 3 } }), TypeError, /unknown option options.summary.sentence; the valid ones are sentences, words, ratio/],
    [() => analyze("x", { summary: { sentences: -1 } }), RangeError, /options.summary.sentences must be a whole number from 0/],
    [() => analyze("hello world", { maxBytes: 4 }), RangeError, /over the limit of 4/],
  ];
  for (const [call, kind, message] of cases) {
    assert.throws(call, (e) => e instanceof kind && message.test(e.message), String(call));
  }
  // the module still works after errors
  assert.equal(analyze("Still fine. Yes.").sentences.length, 2);
});

test("the public declarations never fall back to `any`", () => {
  const dts = readFileSync(new URL("newslens.d.ts", pkg), "utf8");
  // wasm-bindgen's own InitOutput block describes raw wasm exports; everything before it is ours
  const ours = dts.slice(0, dts.indexOf("export type InitInput"));
  assert.ok(ours.includes("export function analyze(text: string, options?: AnalyzeOptions"));
  assert.doesNotMatch(ours, /\bany\b/);
});
