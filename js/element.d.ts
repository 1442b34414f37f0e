import type { Analysis, EntityLabel, Highlighting } from "./newslens.js";

/** Human names of the entity labels, as the panel shows them ("People", "Places"...). */
export declare const LABEL_NAMES: Record<EntityLabel, string>;

/** One real-world entity: its canonical name (longest mention), label and mention count. */
export interface EntityGroup {
  group: number;
  label: EntityLabel;
  name: string;
  count: number;
}

/** Entities grouped by label (most mentioned label first), then by real-world entity. */
export declare function entityGroups(analysis: Analysis): Map<EntityLabel, EntityGroup[]>;

/**
 * `<news-lens for="article-id">` (or wrapping the article): highlights the article's
 * entities and shows a panel with the summary, entities by type, toggles and a legend.
 * Fires `newslens-ready` (detail: the Analysis) and `newslens-error` (detail: the Error).
 */
export declare class NewsLensElement extends HTMLElement {
  static observedAttributes: string[];
  /** The highlighting of the article, once ready. */
  readonly highlighting: Highlighting | null;
  /** The analysis of the article, once ready. */
  readonly analysis: Analysis | null;
  /** The element whose text is analysed. */
  readonly article: Element | null;
  /** Analyses and highlights the article again. */
  refresh(): Promise<void>;
}

declare global {
  interface HTMLElementTagNameMap {
    "news-lens": NewsLensElement;
  }
  interface HTMLElementEventMap {
    "newslens-ready": CustomEvent<Analysis>;
    "newslens-error": CustomEvent<Error>;
  }
}
