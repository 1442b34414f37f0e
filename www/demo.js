// The demo page: loads the package, analyses the chosen article, lists its sentences and summary.
// All article text goes into the page through textContent, never innerHTML.
import init, { analyze } from "../pkg/newslens.js";

const $ = (id) => document.getElementById(id);

function item(text, className) {
  const li = document.createElement("li");
  li.textContent = text;
  if (className) li.className = className;
  return li;
}

function fact(term, value) {
  const dt = document.createElement("dt");
  dt.textContent = term;
  const dd = document.createElement("dd");
  dd.textContent = value;
  return [dt, dd];
}

function render(text) {
  const t0 = performance.now();
  let a;
  try {
    a = analyze(text);
  } catch (e) {
    $("status").textContent = `${e.name}: ${e.message}`;
    return;
  }
  const ms = performance.now() - t0;
  const words = text.split(/\s+/).filter(Boolean).length;
  const key = new Set(a.summary.sentences);
  const slice = (s) => text.slice(s.start, s.end);
  $("facts").replaceChildren(
    ...fact("Date", a.date ?? "none given"),
    ...fact("Paragraphs", String(a.paragraphs.length)),
    ...fact("Sentences", String(a.sentences.length)),
    ...fact("Entities", `${a.entities.length} mentions`),
    ...fact("Time", `${ms.toFixed(1)} ms for ${words} words`),
  );
  $("entities").replaceChildren(...entityGroups(a).map(entityItem));
  $("summary").replaceChildren(...a.summary.sentences.map((i) => item(slice(a.sentences[i]))));
  $("sentences").replaceChildren(...a.sentences.map((s, i) => item(slice(s), key.has(i) ? "key" : "")));
  $("status").textContent = "Done.";
  document.body.dataset.ready = "true";
}

// One row per real-world entity: its longest mention, label and mention count.
function entityGroups(a) {
  const groups = new Map();
  for (const e of a.entities) {
    const g = groups.get(e.group) ?? { name: e.text, label: e.label, count: 0 };
    if (e.text.length > g.name.length) g.name = e.text;
    g.count += 1;
    groups.set(e.group, g);
  }
  return [...groups.values()].sort((x, y) => y.count - x.count);
}

function entityItem(g) {
  const li = document.createElement("li");
  const tag = document.createElement("span");
  tag.className = `label label-${g.label}`;
  tag.textContent = g.label;
  const name = document.createElement("span");
  name.textContent = ` ${g.name}`;
  const count = document.createElement("span");
  count.className = "count";
  count.textContent = ` ×${g.count}`;
  li.append(tag, name, count);
  return li;
}

async function loadSample() {
  const res = await fetch($("sample").value);
  $("text").value = await res.text();
  render($("text").value);
}

await init();
$("run").addEventListener("click", () => render($("text").value));
$("sample").addEventListener("change", loadSample);
await loadSample();
