// The measurement shared by bench/peers.mjs (Node) and bench/browser-page.mjs (Chromium); no Node
// APIs here. Cold start: load() (import, instantiate, model) to the first result on a short text.
// Speed: for each corpus, one warm-up pass over its documents, then `runs` timed passes; words/s is
// the corpus's whitespace-separated words over the median pass time.
export const WARM_UP_TEXT = "Angela Merkel met Emmanuel Macron in Paris on Friday.";

export const words = (text) => text.split(/\s+/).filter(Boolean).length;

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Loads a system with `load()` and times it on `texts` ({ corpus: [{ text }] }). */
export async function measure(load, texts, runs) {
  const t0 = performance.now();
  const sys = await load();
  sys.run(WARM_UP_TEXT);
  const cold = performance.now() - t0;
  const speed = {};
  for (const [corpus, docs] of Object.entries(texts)) {
    const n = docs.reduce((a, d) => a + words(d.text), 0);
    const times = [];
    for (let r = 0; r <= runs; r++) {
      const s = performance.now();
      for (const d of docs) sys.run(d.text);
      if (r > 0) times.push(performance.now() - s); // pass 0 is the warm-up
    }
    const ms = median(times);
    speed[corpus] = { words: n, docs: docs.length, ms, wordsPerSec: (n / ms) * 1000 };
  }
  return { sys, cold, speed };
}
