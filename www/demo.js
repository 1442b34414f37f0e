// The demo page: renders the chosen article as paragraphs, highlights it in place with
// highlight(), and shows the legend toggles, summary, entity panel and timing.
// All article text goes into the page through textContent, never innerHTML.
import init, { highlight } from "../pkg/newslens.js";
import { entityGroups, LABEL_NAMES } from "../pkg/element.js";

const $ = (id) => document.getElementById(id);
let current = null;

function el(tag, props = {}, ...children) {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
}

function fact(term, value) {
  return [el("dt", { textContent: term }), el("dd", { textContent: value })];
}

function render(raw) {
  current?.clear();
  current?.free();
  current = null;
  // a "date YYYY-MM-DD" first line is metadata, not article text
  const header = raw.match(/^\s*date (\d{4}-\d{2}-\d{2})\s+/);
  const body = header ? raw.slice(header[0].length) : raw;
  const article = $("article");
  article.replaceChildren(
    ...body.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean).map((p) => el("p", { textContent: p })),
  );
  const t0 = performance.now();
  let h;
  try {
    h = highlight(article, {
      mode: $("mode").value,
      summary: true,
      analyze: header ? { date: header[1] } : undefined,
    });
  } catch (e) {
    $("status").textContent = `${e.name}: ${e.message}`;
    return;
  }
  const ms = performance.now() - t0;
  current = h;
  const a = h.analysis;
  const text = h.text;
  const words = text.split(/\s+/).filter(Boolean).length;
  const groups = entityGroups(a);
  $("facts").replaceChildren(
    ...fact("Date", a.date ?? "none given"),
    ...fact("Paragraphs", String(a.paragraphs.length)),
    ...fact("Sentences", String(a.sentences.length)),
    ...fact("Entities", `${a.entities.length} mentions of ${[...groups.values()].flat().length} entities`),
    ...fact("Time", `${ms.toFixed(1)} ms for ${words} words (analysis + highlighting)`),
    ...fact("Mode", h.mode === "highlight" ? "CSS Custom Highlight API" : "<mark> elements"),
  );
  $("legend").replaceChildren(
    ...[...groups].map(([label, list]) => toggle(h, label, list.reduce((n, g) => n + g.count, 0))),
    toggle(h, "summary", a.summary.sentences.length),
  );
  $("summary").replaceChildren(
    ...a.summary.sentences.map((i) => el("li", { textContent: text.slice(a.sentences[i].start, a.sentences[i].end) })),
  );
  $("entities").replaceChildren(...[...groups.values()].flat().sort((x, y) => y.count - x.count).map((g) => entity(h, g)));
  $("status").textContent = "Done.";
  document.body.dataset.ready = "true";
}

function toggle(h, label, count) {
  const swatch = el("mark", { className: "swatch", ariaHidden: "true" });
  swatch.dataset.newslens = label === "summary" ? "summary" : "entity";
  swatch.dataset.label = label;
  const b = el("button", { type: "button", className: "toggle" }, swatch, `${LABEL_NAMES[label] ?? "Summary"} ${count}`);
  b.dataset.label = label;
  b.setAttribute("aria-pressed", "true");
  b.title = label;
  b.addEventListener("click", () => {
    const on = b.getAttribute("aria-pressed") !== "true";
    b.setAttribute("aria-pressed", String(on));
    h.setVisible(label, on);
  });
  return b;
}

function entity(h, g) {
  const tag = el("span", { className: `label label-${g.label}`, textContent: g.label });
  const b = el("button", { type: "button", className: "entity" }, tag, ` ${g.name}`,
    el("span", { className: "count", textContent: ` ×${g.count}` }));
  b.addEventListener("click", () => {
    const n = h.focus(g.group);
    $("status").textContent = `${g.name}: ${n} mention${n === 1 ? "" : "s"}`;
  });
  return el("li", {}, b);
}

async function loadSample() {
  const res = await fetch($("sample").value);
  $("text").value = await res.text();
  render($("text").value);
}

await init();
$("run").addEventListener("click", () => render($("text").value));
$("mode").addEventListener("change", () => render($("text").value));
$("sample").addEventListener("change", loadSample);
await loadSample();
