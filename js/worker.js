// The worker entry of newslens: runs analyze() off the main thread.
// Start it as a module worker:
//   new Worker(new URL("newslens/worker", import.meta.url), { type: "module" })
// or use AnalyzerWorker from "newslens/analyzer-worker", which does that and matches replies.
// Messages in: { id, text, options }; out: { id, analysis } or { id, error: { name, message } }.
import init, { analyze } from "./newslens.js";

const ready = init();

self.addEventListener("message", async (event) => {
  const { id, text, options } = event.data ?? {};
  try {
    await ready;
    self.postMessage({ id, analysis: analyze(text, options) });
  } catch (e) {
    self.postMessage({ id, error: { name: e?.name ?? "Error", message: String(e?.message ?? e) } });
  }
});
