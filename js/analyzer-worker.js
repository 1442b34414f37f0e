// analyze() in a Web Worker, so that long articles never freeze the page.
const errors = { TypeError, RangeError };

export class AnalyzerWorker {
  #worker;
  #next = 0;
  #pending = new Map();

  /** Starts the worker (pkg/worker.js, next to this file, unless `url` says otherwise). */
  constructor(url = new URL("./worker.js", import.meta.url)) {
    this.#worker = new Worker(url, { type: "module" });
    this.#worker.addEventListener("message", ({ data }) => {
      const pending = this.#pending.get(data.id);
      if (!pending) return;
      this.#pending.delete(data.id);
      if (data.error) {
        const Class = errors[data.error.name] ?? Error;
        pending.reject(new Class(data.error.message));
      } else {
        pending.resolve(data.analysis);
      }
    });
    this.#worker.addEventListener("error", (e) => {
      for (const p of this.#pending.values()) p.reject(new Error(`newslens worker failed: ${e.message}`));
      this.#pending.clear();
    });
  }

  /** Like analyze(text, options), off the main thread. Rejects with what analyze() throws. */
  analyze(text, options) {
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ id, text, options });
    });
  }

  /** Stops the worker; pending calls reject. */
  terminate() {
    this.#worker.terminate();
    for (const p of this.#pending.values()) p.reject(new Error("newslens worker terminated"));
    this.#pending.clear();
  }
}
