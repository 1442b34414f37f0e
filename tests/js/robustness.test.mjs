// Hostile input at the JS boundary, random strings' UTF-16 offsets, the length
// limit and wasm memory across many calls (issue 8). Runs on pkg/ after
// scripts/build.sh; README.md's bad-input table lists what each input gets.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

const pkg = new URL("../../pkg/", import.meta.url);
const { initSync, analyze } = await import(new URL("newslens.js", pkg));
const wasm = initSync({ module: readFileSync(new URL("newslens_bg.wasm", pkg)) });
const memory = () => wasm.memory.buffer.byteLength;
const data = (name) => readFileSync(new URL(`../data/${name}`, import.meta.url), "utf8");

/** The module still answers correctly. */
function stillWorks() {
  const a = analyze("Canada acted. Belarus did not.");
  assert.equal(a.sentences.length, 2);
}

/** `call` throws `kind` (never a wasm trap) with a message matching `message`. */
function throwsHelpfully(call, kind, message) {
  assert.throws(
    call,
    (e) => {
      assert.ok(!(e instanceof WebAssembly.RuntimeError), `a wasm trap: ${e}`);
      assert.equal(e.constructor, kind, `${e}`);
      assert.match(e.message, message);
      assert.match(e.message, /^analyze\(text, options\): /);
      return true;
    },
    String(call),
  );
  stillWorks();
}

const throwingProxy = (traps) => new Proxy({}, traps);
const revoked = () => {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
};

// [call, error class, message]: the rows of README.md's bad-input table
const BAD = [
  [() => analyze(Symbol("s")), TypeError, /text must be a string, got symbol/],
  [() => analyze(10n), TypeError, /text must be a string, got bigint/],
  [() => analyze(new String("x")), TypeError, /text must be a string, got object/],
  [() => analyze(() => "x"), TypeError, /text must be a string, got function/],
  [() => analyze(["x"]), TypeError, /text must be a string, got an array/],
  [() => analyze(revoked()), TypeError, /text must be a string, got object/],
  [() => analyze("x", { date: Symbol("d") }), TypeError, /options.date must be a string .*got symbol/],
  [() => analyze("x", { date: new Date() }), TypeError, /options.date must be a string .*got object/],
  [() => analyze("x", { maxBytes: 10n }), TypeError, /options.maxBytes must be a whole number, got bigint/],
  [() => analyze("x", { maxBytes: "10" }), TypeError, /options.maxBytes must be a whole number, got string/],
  [() => analyze("x", { maxBytes: Infinity }), RangeError, /options.maxBytes must be a whole number from 0 to 4294967295, got Infinity/],
  [() => analyze("x", { maxBytes: 2 ** 40 }), RangeError, /options.maxBytes must be a whole number from 0 to 4294967295/],
  [() => analyze("x", { summary: { sentences: NaN } }), RangeError, /options.summary.sentences .* got NaN/],
  [() => analyze("x", { summary: { words: -3 } }), RangeError, /options.summary.words must be a whole number from 0/],
  [() => analyze("x", { summary: { ratio: 0 } }), RangeError, /options.summary.ratio must be a number greater than 0/],
  [() => analyze("x", { summary: { ratio: NaN } }), RangeError, /options.summary.ratio must be a number greater than 0/],
  [() => analyze("x", { summary: { ratio: "0.5" } }), TypeError, /options.summary.ratio must be a number such as 0.3, got string/],
  [() => analyze("x", { summary: [] }), TypeError, /options.summary must be an object .*got an array/],
  [() => analyze("x", { tokens: 1 }), TypeError, /options.tokens must be true or false, got number/],
  [() => analyze("x", { Date: "2020-10-16" }), TypeError, /unknown option options.Date; the valid ones are date, title/],
  [() => analyze("x", { date: "2020-13-01" }), RangeError, /options.date must be a calendar date written YYYY-MM-DD .*"2020-13-01"/],
  [() => analyze("x", { date: "" }), RangeError, /options.date must be a calendar date/],
  [() => analyze("x", { date: "2020-10-16T00:00" }), RangeError, /options.date must be a calendar date/],
  [() => analyze("x", { date: "x".repeat(1e6) }), RangeError, /got "x{40}"$/],
  [() => analyze("x", { title: "t".repeat(11), maxBytes: 10 }), RangeError, /options.title must be no longer than options.maxBytes/],
  [() => analyze("x", { get date() { throw new Error("no date"); } }), TypeError, /reading options.date threw \(no date\); pass a plain object/],
  [() => analyze("x", { get tokens() { throw 42; } }), TypeError, /reading options.tokens threw \(number\)/],
  [() => analyze("x", throwingProxy({ ownKeys() { throw new Error("trap"); } })), TypeError, /reading options threw \(trap\)/],
  [() => analyze("x", throwingProxy({ get() { throw new Error("get trap"); } })), TypeError, /reading options.maxBytes threw \(get trap\)/],
  [() => analyze("x", { summary: throwingProxy({ ownKeys() { throw new Error("t"); } }) }), TypeError, /reading options.summary threw \(t\)/],
  [() => analyze("x", revoked()), TypeError, /reading options threw \(.*revoked\)/],
];

test("hostile values throw TypeError or RangeError saying what to fix, and the module keeps working", () => {
  for (const [call, kind, message] of BAD) throwsHelpfully(call, kind, message);
});

test("an exception thrown by a Proxy trap does not break the module, however often", () => {
  // Object.keys on a Proxy used to throw through wasm frames, leaking the shadow
  // stack: after some thousands of calls every analyze() trapped with `unreachable`.
  const keys = throwingProxy({ ownKeys() { throw new Error("trap"); } });
  for (let i = 0; i < 30_000; i++) {
    assert.throws(() => analyze("Text.", keys), TypeError);
  }
  stillWorks();
});

test("getters are read once each, may have side effects, and may even call analyze()", () => {
  const reads = {};
  const options = {};
  for (const name of ["date", "title", "summary", "tokens", "maxBytes"]) {
    Object.defineProperty(options, name, {
      enumerable: true,
      get() {
        reads[name] = (reads[name] ?? 0) + 1;
        if (name === "date") assert.equal(analyze("Inner call. Yes.").sentences.length, 2);
        return { date: "2020-10-16", title: "Canada", summary: { sentences: 1 }, tokens: true, maxBytes: 1000 }[name];
      },
    });
  }
  const a = analyze("Canada acted on Thursday. Belarus did not.", options);
  assert.deepEqual(reads, { date: 1, title: 1, summary: 1, tokens: 1, maxBytes: 1 });
  assert.equal(a.date, "2020-10-16");
  assert.equal(a.summary.sentences.length, 1);
  assert.ok(a.tokens.length > 5);
});

test("options that are not own enumerable string keys are ignored, null and undefined mean default", () => {
  for (const options of [
    undefined,
    null,
    {},
    Object.create({ dat: 1 }),
    { [Symbol("k")]: 1 },
    Object.defineProperty({}, "dat", { value: 1, enumerable: false }),
    { date: undefined, summary: null, tokens: undefined },
  ]) {
    assert.equal(analyze("One. Two.", options).sentences.length, 2);
  }
});

// A small xorshift so that failures replay.
function rng(seed) {
  let s = seed >>> 0 || 1;
  return (n) => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s % n;
  };
}

const PIECES = [
  "Canada", "said", "U.S.", "Mr. Smith", "EU", "European Union", "$5 million", "3%", "Oct. 16",
  "date 2020-10-16", ". ", "! ", "? ", "“", "”", "...", ", ", " ", " ", "\n", "\n\n", "\r\n", "😀",
  "👩‍👩‍👧", "🇨🇦", "€", "£2.5bn", "東京", "中国", "مرحبا", "שלום", "\u202e", "e\u0301", "\u0301",
  "\u200d", "\ufe0f", "\ufffd", "\ud800", "\udc00", "\udbff\udfff", "𝔘𝔫𝔦", "\u0000", "\u001b", "\u2028",
];

function randomText(next) {
  let t = "";
  for (let n = next(40); n > 0; n--) {
    if (next(10) === 0) t += String.fromCharCode(next(0x10000)); // any code unit, lone surrogates too
    else t += PIECES[next(PIECES.length)];
  }
  return t;
}

test("random strings: every offset is a UTF-16 index that text.slice() needs", () => {
  const next = rng(20201016);
  for (let i = 0; i < 300; i++) {
    const text = randomText(next);
    const a = analyze(text, { tokens: true });
    const within = (spans, what) => {
      let prev = 0;
      for (const s of spans) {
        assert.ok(prev <= s.start && s.start < s.end && s.end <= text.length, `${what} ${JSON.stringify(text)}`);
        prev = s.end;
      }
    };
    within(a.paragraphs, "paragraph");
    within(a.sentences, "sentence");
    within(a.tokens, "token");
    within(a.entities, "entity");
    for (const t of a.tokens) assert.doesNotMatch(text.slice(t.start, t.end), /^\s/u);
    // the core saw lone surrogates as U+FFFD, one code unit each: the slice,
    // made well-formed, is exactly the entity's text
    for (const e of a.entities) assert.equal(text.slice(e.start, e.end).toWellFormed(), e.text);
    // the same input gives the same output
    assert.deepEqual(analyze(text, { tokens: true }), a);
  }
});

test("the length limit: default 16 MiB, options.maxBytes, refused before copying", () => {
  const before = memory();
  const huge = "a".repeat(17 * 1024 * 1024);
  throwsHelpfully(() => analyze(huge), RangeError, /text is at least 17825792 bytes of UTF-8, over the limit of 16777216; split it or raise options.maxBytes/);
  assert.equal(memory(), before, "the refused text was not copied into wasm memory");
  // maxBytes counts bytes of UTF-8: 334 euro signs are 334 code units but 1002 bytes
  assert.equal(analyze("x".repeat(1000), { maxBytes: 1000 }).offsets, "utf16");
  throwsHelpfully(() => analyze("x".repeat(1001), { maxBytes: 1000 }), RangeError, /at least 1001 bytes of UTF-8, over the limit of 1000/);
  throwsHelpfully(() => analyze("€".repeat(334), { maxBytes: 1000 }), RangeError, /text is 1002 bytes of UTF-8, over the limit of 1000/);
  throwsHelpfully(() => analyze("x", { maxBytes: 0 }), RangeError, /options.maxBytes must be a positive whole number/);
});

/** Articles of varied shape: the fixtures, their cases, and generated text. */
function articles() {
  const out = [data("belarus-2020-10-16.txt")];
  for (const f of ["sentences.txt", "summaries.txt", "numeric.txt"]) {
    out.push(...data(f).split("\n").filter((l) => l.startsWith("> ")).map((l) => l.slice(2).replaceAll("\\n", "\n")));
  }
  const next = rng(7);
  for (let i = 0; i < 40; i++) out.push(randomText(next));
  return out;
}

test("wasm memory does not grow across repeated analyze() calls beyond the first pass's high-water mark", () => {
  const texts = articles();
  const optionsFor = (i) => [{}, { tokens: true }, { summary: { ratio: 0.5 } }, { date: "2020-10-16", title: "Canada" }][i % 4];
  for (const [i, t] of texts.entries()) analyze(t, optionsFor(i)); // the high-water mark
  const high = memory();
  for (let round = 0; round < 3; round++) {
    for (const [i, t] of texts.entries()) analyze(t, optionsFor(i + round));
  }
  assert.equal(memory(), high, `grew from ${high} to ${memory()} bytes over ${3 * texts.length} calls`);
});
