// The worker entry has no exports: start it with `new Worker(url, { type: "module" })`
// or use `AnalyzerWorker` from "newslens/analyzer-worker".
export {};
