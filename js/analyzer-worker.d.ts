import type { Analysis, AnalyzeOptions } from "./newslens.js";

/** `analyze()` in a module Web Worker, so that long articles never freeze the page. */
export declare class AnalyzerWorker {
  /** Starts the worker: `worker.js` next to this module unless `url` is given. */
  constructor(url?: string | URL);
  /** Like `analyze(text, options)`, off the main thread; rejects with the TypeError or RangeError it throws. */
  analyze(text: string, options?: AnalyzeOptions): Promise<Analysis>;
  /** Stops the worker; pending calls reject. */
  terminate(): void;
}
