// <news-lens>: highlights an article's entities in place and shows a compact panel with the
// summary, the entities by type (canonical name, mention count), per-type toggles that are
// also the legend, and click-to-jump between mentions.
//
//   <script type="module" src="node_modules/newslens/element.js"></script>
//   <news-lens for="article-id"></news-lens>       or       <news-lens><article>…</article></news-lens>
//
// Attributes: for, mode ("auto" | "mark"), summary (highlight summary sentences too), date
// (YYYY-MM-DD), theme ("light" | "dark"; default follows the page), worker-threshold (characters
// of text from which analyze() runs in a Web Worker; default 20000).
// Themes with CSS custom properties: --news-lens-bg, --news-lens-fg, --news-lens-muted,
// --news-lens-border, --news-lens-accent, --news-lens-font, and --newslens-PERSON etc. for colours.
// All page text reaches the panel through textContent; nothing is parsed as HTML.
import init, { highlight, highlightStyles, textOf } from "./newslens.js";
import { AnalyzerWorker } from "./analyzer-worker.js";

export const LABEL_NAMES = {
  PERSON: "People", NORP: "Groups", FAC: "Facilities", ORG: "Organisations", GPE: "Places",
  LOC: "Locations", PRODUCT: "Products", EVENT: "Events", WORK_OF_ART: "Works", LAW: "Laws",
  LANGUAGE: "Languages", DATE: "Dates", TIME: "Times", PERCENT: "Percentages", MONEY: "Money",
  QUANTITY: "Quantities", ORDINAL: "Ordinals", CARDINAL: "Numbers",
};

const PANEL_CSS = `
:host { display: block; color-scheme: light dark;
  --bg: var(--news-lens-bg, #ffffff); --fg: var(--news-lens-fg, #1d1d1f); --muted: var(--news-lens-muted, #5b5f66);
  --border: var(--news-lens-border, #d9d7d0); --accent: var(--news-lens-accent, #1a5fb4);
  font-family: var(--news-lens-font, system-ui, sans-serif); }
:host([theme=dark]) { --bg: var(--news-lens-bg, #1f2125); --fg: var(--news-lens-fg, #e8e6e3);
  --muted: var(--news-lens-muted, #a9adb4); --border: var(--news-lens-border, #3a3d44); --accent: var(--news-lens-accent, #8ab4f8); }
@media (prefers-color-scheme: dark) { :host(:not([theme=light])) { --bg: var(--news-lens-bg, #1f2125);
  --fg: var(--news-lens-fg, #e8e6e3); --muted: var(--news-lens-muted, #a9adb4); --border: var(--news-lens-border, #3a3d44);
  --accent: var(--news-lens-accent, #8ab4f8); } }
:host([hidden]) { display: none; }
.panel { background: var(--bg); color: var(--fg); border: 1px solid var(--border); border-radius: 10px;
  padding: 0.8rem 1rem; font-size: 0.9rem; line-height: 1.4; margin: 0 0 1rem; }
.head { display: flex; align-items: baseline; gap: 0.6rem; justify-content: space-between; }
h2 { font-size: 0.95rem; margin: 0; }
h3 { font-size: 0.75rem; text-transform: uppercase; letter-spacing: 0.05em; color: var(--muted); margin: 0.8rem 0 0.3rem; }
.status { color: var(--muted); font-size: 0.8rem; }
ol.summary { margin: 0; padding-left: 1.2rem; }
ol.summary li { margin: 0.2rem 0; }
.legend { display: flex; flex-wrap: wrap; gap: 0.3rem; margin: 0; padding: 0; }
button { font: inherit; color: inherit; cursor: pointer; }
button:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.toggle { display: inline-flex; align-items: center; gap: 0.35rem; border: 1px solid var(--border); background: var(--bg);
  border-radius: 999px; padding: 0.1rem 0.55rem 0.1rem 0.3rem; font-size: 0.8rem; }
.toggle[aria-pressed=false] { opacity: 0.55; text-decoration: line-through; }
.swatch { display: inline-block; width: 0.85rem; height: 0.85rem; border-radius: 50%; padding: 0; }
.types { display: grid; grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr)); gap: 0 1rem; max-height: 15rem; overflow: auto; }
.types ul { list-style: none; margin: 0; padding: 0; }
.entity { display: flex; width: 100%; justify-content: space-between; gap: 0.5rem; text-align: left;
  background: none; border: 0; border-radius: 4px; padding: 0.1rem 0.25rem; }
.entity:hover { background: color-mix(in srgb, var(--accent) 12%, transparent); }
.count { color: var(--muted); font-variant-numeric: tabular-nums; }
`;

let ready;
let sharedWorker;
const styles = new Map(); // CSSStyleSheet per kind, made once

function sheet(kind, css) {
  if (!styles.has(kind)) {
    const s = new CSSStyleSheet();
    s.replaceSync(css);
    styles.set(kind, s);
  }
  return styles.get(kind);
}

function el(tag, props = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k in e && !k.includes("-")) e[k] = v;
    else e.setAttribute(k, v);
  }
  e.append(...children);
  return e;
}

/** Entities grouped by type, each group with its canonical name (longest mention) and count. */
export function entityGroups(analysis) {
  const groups = new Map();
  for (const e of analysis.entities) {
    const g = groups.get(e.group) ?? { group: e.group, label: e.label, name: e.text, count: 0 };
    if (e.text.length > g.name.length) g.name = e.text;
    g.count += 1;
    groups.set(e.group, g);
  }
  const byLabel = new Map();
  for (const g of groups.values()) {
    if (!byLabel.has(g.label)) byLabel.set(g.label, []);
    byLabel.get(g.label).push(g);
  }
  for (const list of byLabel.values()) list.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  return new Map([...byLabel].sort((a, b) => total(b[1]) - total(a[1])));
}
const total = (list) => list.reduce((n, g) => n + g.count, 0);

export class NewsLensElement extends HTMLElement {
  static observedAttributes = ["for", "mode", "summary", "date"];
  #highlighting = null;
  #run = 0;
  #focused = { group: -1, n: 0 };

  constructor() {
    super();
    this.attachShadow({ mode: "open" });
  }

  /** The Highlighting of the article, once ready. */
  get highlighting() {
    return this.#highlighting;
  }

  /** The analysis of the article, once ready. */
  get analysis() {
    return this.#highlighting?.analysis ?? null;
  }

  connectedCallback() {
    this.#schedule();
  }

  disconnectedCallback() {
    this.#clear();
  }

  attributeChangedCallback(_name, old, value) {
    if (old !== value && this.isConnected) this.#schedule();
  }

  // attribute changes on upgrade and connection come together: analyse once after them
  #scheduled = false;
  #schedule() {
    if (this.#scheduled) return;
    this.#scheduled = true;
    queueMicrotask(() => {
      this.#scheduled = false;
      if (this.isConnected) this.refresh();
    });
  }

  /** The element whose text is analysed: `for`'s target, or the element itself when it wraps the article. */
  get article() {
    const id = this.getAttribute("for");
    return id ? this.ownerDocument.getElementById(id) : this;
  }

  /** Analyses and highlights the article again (e.g. after its text changed). */
  async refresh() {
    const run = ++this.#run;
    this.#clear();
    const root = this.article;
    this.#skeleton();
    if (!root) return this.#status(`No element with id "${this.getAttribute("for")}".`);
    if (typeof WebAssembly !== "object") {
      this.setAttribute("data-state", "unsupported");
      return this.#status("This browser cannot run WebAssembly, which newslens needs to read the article.");
    }
    try {
      ready ??= init();
      await ready;
      if (run !== this.#run) return; // a later refresh() took over
      const text = textOf(root);
      const threshold = Number(this.getAttribute("worker-threshold") ?? 20000);
      const analyze = this.hasAttribute("date") ? { date: this.getAttribute("date") } : undefined;
      const options = { mode: this.getAttribute("mode") ?? "auto", summary: this.hasAttribute("summary") };
      const started = performance.now();
      if (text.length >= threshold) {
        this.#status("Reading…");
        sharedWorker ??= new AnalyzerWorker();
        options.analysis = await sharedWorker.analyze(text, analyze);
        if (run !== this.#run) return;
      } else if (analyze) {
        options.analyze = analyze;
      }
      this.#highlighting = highlight(root, options);
      this.#panel(this.#highlighting, performance.now() - started, Boolean(options.analysis));
      this.dispatchEvent(new CustomEvent("newslens-ready", { detail: this.#highlighting.analysis }));
    } catch (e) {
      this.#status(`${e.name}: ${e.message}`);
      this.dispatchEvent(new CustomEvent("newslens-error", { detail: e }));
    }
  }

  #clear() {
    this.#focused = { group: -1, n: 0 };
    this.#highlighting?.clear();
    this.#highlighting?.free();
    this.#highlighting = null;
  }

  #skeleton() {
    const root = this.shadowRoot;
    root.adoptedStyleSheets = [sheet("panel", PANEL_CSS)];
    const status = el("span", { className: "status", role: "status", "aria-live": "polite" });
    const panel = el("section", { className: "panel", part: "panel", "aria-label": "Entities and summary" },
      el("div", { className: "head" }, el("h2", {}, "In this article"), status));
    root.replaceChildren(panel, el("slot"));
    this.#status("Loading…");
  }

  #status(text) {
    const s = this.shadowRoot.querySelector(".status");
    if (s) s.textContent = text;
  }

  #panel(h, ms, inWorker) {
    const a = h.analysis;
    const text = h.text;
    this.shadowRoot.adoptedStyleSheets = [sheet("highlights", highlightStyles()), sheet("panel", PANEL_CSS)];
    const panel = this.shadowRoot.querySelector(".panel");
    const groups = entityGroups(a);

    const summary = el("ol", { className: "summary" },
      ...a.summary.sentences.map((i) => el("li", {}, text.slice(a.sentences[i].start, a.sentences[i].end))));

    const legend = el("div", { className: "legend", role: "group", "aria-label": "Show or hide entity types" });
    const types = el("div", { className: "types" });
    for (const [label, list] of groups) {
      const name = LABEL_NAMES[label] ?? label;
      const swatch = el("mark", { className: "swatch", "data-newslens": "entity", "data-label": label, "aria-hidden": "true" });
      const toggle = el("button", { type: "button", className: "toggle", "aria-pressed": "true", "data-label": label,
        title: `${label}: show or hide in the article` }, swatch, `${name} ${total(list)}`);
      toggle.addEventListener("click", () => {
        const on = toggle.getAttribute("aria-pressed") !== "true";
        toggle.setAttribute("aria-pressed", String(on));
        h.setVisible(label, on);
      });
      legend.append(toggle);
      const items = list.map((g) => {
        const b = el("button", { type: "button", className: "entity", "data-group": String(g.group),
          "aria-label": `${g.name}, ${name.toLowerCase()}, ${g.count} mention${g.count === 1 ? "" : "s"}: go to the next one` },
          el("span", {}, g.name), el("span", { className: "count" }, `×${g.count}`));
        b.addEventListener("click", () => {
          const count = h.focus(g.group);
          const f = this.#focused;
          f.n = f.group === g.group ? (f.n % count) + 1 : 1;
          f.group = g.group;
          this.#status(`${g.name}: mention ${f.n} of ${count}`);
        });
        return el("li", {}, b);
      });
      types.append(el("section", { "aria-label": name }, el("h3", {}, `${name} (${list.length})`), el("ul", {}, ...items)));
    }
    const words = text.split(/\s+/).filter(Boolean).length;
    panel.append(
      el("h3", {}, "Summary"), summary,
      el("h3", {}, "Entities"), legend, types,
    );
    this.#status(`${a.entities.length} mentions in ${words} words, ${ms.toFixed(0)} ms${inWorker ? " (worker)" : ""}`);
  }
}

if (!customElements.get("news-lens")) customElements.define("news-lens", NewsLensElement);
