// Runs in the page of bench/browser.mjs (served at /bench/page.mjs): loads one system, times the
// first result (cold start), then words/s per corpus (median of `runs` passes after a warm-up).
// newslens is the real package (pkg/, fetched and compiled by its init()); compromise and
// compromise-dates are their minified ESM builds; wink-nlp has no browser build, so its CommonJS
// sources come as one JSON map and a 20-line require() evaluates them (as a bundle would).
import { measure } from "/bench/measure.mjs";

const load = {
  async newslens() {
    const m = await import("/pkg/newslens.js");
    const wasm = await m.default();
    return { run: (t) => m.analyze(t), wasmMemory: () => wasm.memory.buffer.byteLength };
  },
  async compromise() {
    const nlp = (await import("/bench/vendor/compromise.mjs")).default;
    nlp.plugin((await import("/bench/vendor/compromise-dates.mjs")).default);
    return {
      run(text) {
        const doc = nlp(text);
        let dates = null;
        try {
          dates = doc.dates().json();
        } catch {
          // compromise-dates 3.9.0 throws on one BBC test article (see bench/peers.mjs)
        }
        const o = { offset: true };
        return [doc.people().json(o), doc.places().json(o), doc.organizations().json(o), dates];
      },
    };
  },
  async "wink-nlp"() {
    const sources = await (await fetch("/bench/vendor/wink.json")).json();
    const cache = {};
    const require = (path) => {
      if (path in cache) return cache[path].exports;
      const module = (cache[path] = { exports: {} });
      if (path.endsWith(".json")) module.exports = JSON.parse(sources[path]);
      else {
        const dir = path.slice(0, path.lastIndexOf("/") + 1);
        const local = (p) => require(resolve(dir, p));
        new Function("module", "exports", "require", sources[path])(module, module.exports, local);
      }
      return module.exports;
    };
    const resolve = (dir, p) => {
      const parts = (dir + p).split("/");
      const out = [];
      for (const s of parts) s === ".." ? out.pop() : s !== "." && out.push(s);
      const f = out.join("/");
      return [f, `${f}.js`, `${f}.json`, `${f}/index.js`].find((c) => c in sources) ?? f;
    };
    const winkNLP = require("wink-nlp/src/wink-nlp.js");
    const nlp = winkNLP(require("wink-eng-lite-web-model/dist/model.js"));
    const its = nlp.its;
    return {
      run(text) {
        const doc = nlp.readDoc(text);
        return [doc.entities().out(its.detail), doc.sentences().out()];
      },
    };
  },
};

export async function run(name, runs) {
  const texts = await (await fetch("/bench/corpus.json")).json();
  const { sys, cold, speed } = await measure(load[name], texts, runs);
  return { cold, speed, wasmMemory: sys.wasmMemory?.() };
}
