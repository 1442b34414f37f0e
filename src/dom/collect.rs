//! Collects the visible text under a root into one string, with a map back to
//! the text nodes it came from (mark.js's composite string and node map).

use wasm_bindgen::JsCast;
use web_sys::{Element, Node, Text, Window};

/// Elements whose text is never article text: code, styles, form fields,
/// embedded documents and UI controls.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "textarea", "input", "select", "option", "button",
    "iframe", "object", "embed", "canvas", "svg", "math", "head", "title", "meta", "link",
];

/// Elements that end a paragraph: their text is kept apart by a blank line, so
/// "end.</p><p>Start" is two paragraphs rather than one word.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "caption",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "td",
    "th",
    "tr",
    "ul",
];

/// One text node and where its text sits in [`TextMap::text`].
pub(crate) struct Piece {
    pub node: Text,
    /// Offset of the node's first code unit in the composite text (UTF-16).
    pub start: usize,
    /// Length of the node's text in UTF-16 code units (never 0).
    pub len: usize,
}

impl Piece {
    pub fn end(&self) -> usize {
        self.start + self.len
    }
}

/// The visible text under a root and the text nodes it is made of.
pub(crate) struct TextMap {
    /// The composite text: text nodes in document order, blocks separated by
    /// a blank line, `<br>` by a line break.
    pub text: String,
    /// Length of `text` in UTF-16 code units.
    pub len16: usize,
    /// Non-empty text nodes in document order.
    pub pieces: Vec<Piece>,
}

impl TextMap {
    /// Collects the visible text under `root`.
    pub fn collect(root: &Element, window: Option<&Window>) -> TextMap {
        let mut map = TextMap {
            text: String::new(),
            len16: 0,
            pieces: Vec::new(),
        };
        map.walk(root, window);
        map
    }

    fn walk(&mut self, parent: &Node, window: Option<&Window>) {
        let mut child = parent.first_child();
        while let Some(node) = child {
            match node.node_type() {
                Node::TEXT_NODE => {
                    let text: &Text = node.unchecked_ref();
                    let data = text.data();
                    if !data.is_empty() {
                        self.push(&data, Some(text.clone()));
                    }
                }
                Node::ELEMENT_NODE => {
                    let el: &Element = node.unchecked_ref();
                    let tag = el.local_name();
                    if tag == "br" {
                        self.push("\n", None);
                    } else if !is_skipped(el, &tag, window) {
                        let block = BLOCKS.contains(&tag.as_str());
                        if block {
                            self.break_paragraph();
                        }
                        self.walk(el, window);
                        if block {
                            self.break_paragraph();
                        }
                    }
                }
                _ => {}
            }
            child = node.next_sibling();
        }
    }

    fn push(&mut self, s: &str, node: Option<Text>) {
        let len = if s.is_ascii() {
            s.len()
        } else {
            s.encode_utf16().count()
        };
        if let Some(node) = node {
            self.pieces.push(Piece {
                node,
                start: self.len16,
                len,
            });
        }
        self.text.push_str(s);
        self.len16 += len;
    }

    fn break_paragraph(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with("\n\n") {
            self.push("\n\n", None);
        }
    }

    /// The text node and offset where a span starting at `offset` begins: the
    /// first node that ends after it (a span that starts in a separator starts
    /// at the next node).
    pub fn start_of(&self, offset: usize) -> Option<(usize, u32)> {
        let i = self.pieces.partition_point(|p| p.end() <= offset);
        let p = self.pieces.get(i)?;
        Some((i, (offset.max(p.start) - p.start) as u32))
    }

    /// The text node and offset where a span ending at `offset` ends: the last
    /// node that starts before it.
    pub fn end_of(&self, offset: usize) -> Option<(usize, u32)> {
        let i = self
            .pieces
            .partition_point(|p| p.start < offset)
            .checked_sub(1)?;
        let p = &self.pieces[i];
        Some((i, (offset.min(p.end()) - p.start) as u32))
    }
}

impl TextMap {
    /// Where the span `start..end` begins and ends as (text node, offset)
    /// pairs, or `None` when no text node lies under it.
    pub fn locate(&self, start: usize, end: usize) -> Option<((usize, u32), (usize, u32))> {
        let (a, b) = (self.start_of(start)?, self.end_of(end)?);
        (start < end && a <= b).then_some((a, b))
    }
}

/// Whether the subtree of `el` holds no visible article text.
fn is_skipped(el: &Element, tag: &str, window: Option<&Window>) -> bool {
    if SKIPPED.contains(&tag) || el.has_attribute("hidden") {
        return true;
    }
    let Some(style) = window.and_then(|w| w.get_computed_style(el).ok().flatten()) else {
        return false;
    };
    let display = style.get_property_value("display").unwrap_or_default();
    let visibility = style.get_property_value("visibility").unwrap_or_default();
    display == "none" || visibility == "hidden" || visibility == "collapse"
}
