// Type-checked with `tsc --noEmit` against the generated pkg/newslens.d.ts: the
// public API must be fully typed (no implicit any) and these uses must compile.
import init, { analyze, initSync, version } from "../../pkg/newslens.js";
import type { Analysis, AnalyzeOptions, Entity, EntityLabel, Sentence, Span } from "../../pkg/newslens.js";

export async function demo(text: string, wasm: BufferSource): Promise<string[]> {
  initSync({ module: wasm });
  await init();
  const options: AnalyzeOptions = { date: "2020-10-16", title: "Canada backs Tikhanovskaya", summary: { sentences: 3 }, tokens: true };
  const a: Analysis = analyze(text, options);
  const plain: Analysis = analyze(text);
  const first: Sentence | undefined = a.sentences[0];
  const paragraph: number = first?.paragraph ?? -1;
  const labels: EntityLabel[] = a.entities.map((e: Entity) => e.label);
  const groups: number[] = a.entities.map((e) => e.group);
  const spans: Span[] = [...a.paragraphs, ...(a.tokens ?? [])];
  const date: string | undefined = a.date;
  const summary: number[] = plain.summary.sentences;
  return [version(), String(paragraph), ...labels, String(groups.length), String(spans.length), date ?? "", String(summary)];
}

// The DOM layer (cargo feature `dom`, in the release package).
import { highlight, textOf } from "../../pkg/newslens.js";
import type { Highlighting, HighlightOptions, HighlightKind } from "../../pkg/newslens.js";

export function mark(root: Element, worker?: Analysis): number {
  const options: HighlightOptions = { mode: "mark", summary: true, analyze: { date: "2020-10-16" } };
  const h: Highlighting = highlight(root, worker ? { analysis: worker } : options);
  const text: string = textOf(root);
  const kind: HighlightKind = "PERSON";
  h.setVisible(kind, false);
  h.setVisible("summary", true);
  const first: Entity | undefined = h.analysis.entities[0];
  const mentions: number = first ? h.focus(first.group) : 0;
  const mode: "highlight" | "mark" | "cleared" = h.mode;
  h.clear();
  return mentions + text.length + h.text.length + mode.length;
}

// The element and the worker entry points.
import { NewsLensElement, entityGroups, LABEL_NAMES } from "../../pkg/element.js";
import type { EntityGroup } from "../../pkg/element.js";
import { AnalyzerWorker } from "../../pkg/analyzer-worker.js";

export async function embed(article: HTMLElement): Promise<string[]> {
  const lens: NewsLensElement = document.createElement("news-lens");
  lens.setAttribute("for", article.id);
  lens.addEventListener("newslens-ready", (e) => console.log(e.detail.entities.length));
  document.body.prepend(lens);
  await lens.refresh();
  const worker = new AnalyzerWorker();
  const a: Analysis = await worker.analyze(article.textContent ?? "", { date: "2020-10-16" });
  worker.terminate();
  const people: EntityGroup[] = entityGroups(a).get("PERSON") ?? [];
  return people.map((g) => `${LABEL_NAMES[g.label]}: ${g.name} ×${g.count}`).concat(lens.highlighting ? lens.highlighting.mode : "none");
}
