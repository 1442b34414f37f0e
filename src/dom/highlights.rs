//! The CSS Custom Highlight API renderer: ranges in named `Highlight`s in
//! `CSS.highlights`, styled by `::highlight(newslens-LABEL)`. The page's DOM is
//! not touched at all.
//!
//! The ranges are `StaticRange`s: a live `Range` is updated by the browser on
//! every DOM mutation until it is garbage-collected, and 10,000 of them made
//! a later `<mark>` pass on the same page 200 times slower (14 s instead of
//! 65 ms, bench/highlight-speed.mjs). An article's text does not change under
//! its highlights; if it does, highlight again.

use js_sys::Reflect;
use wasm_bindgen::prelude::*;
use web_sys::{StaticRange, StaticRangeInit};

use super::collect::TextMap;
use super::{Kind, Mark};

#[wasm_bindgen]
extern "C" {
    /// `CSS.highlights`, a maplike of names to `Highlight`s.
    pub(crate) type HighlightRegistry;
    #[wasm_bindgen(method)]
    fn get(this: &HighlightRegistry, name: &str) -> JsValue;
    #[wasm_bindgen(method)]
    fn set(this: &HighlightRegistry, name: &str, highlight: &Highlight);
    #[wasm_bindgen(method)]
    fn delete(this: &HighlightRegistry, name: &str) -> bool;

    /// A setlike of ranges painted in one style.
    #[derive(Clone)]
    #[wasm_bindgen(js_name = Highlight)]
    type Highlight;
    #[wasm_bindgen(constructor, js_class = "Highlight")]
    fn new() -> Highlight;
    #[wasm_bindgen(method)]
    fn add(this: &Highlight, range: &StaticRange);
    #[wasm_bindgen(method, js_name = delete)]
    fn remove(this: &Highlight, range: &StaticRange) -> bool;
    #[wasm_bindgen(method, getter)]
    fn size(this: &Highlight) -> u32;
    #[wasm_bindgen(method, setter)]
    fn set_priority(this: &Highlight, priority: i32);
}

/// `CSS.highlights` when the browser has the Custom Highlight API.
pub(crate) fn registry() -> Option<HighlightRegistry> {
    let global = js_sys::global();
    let has_class = Reflect::get(&global, &"Highlight".into())
        .ok()?
        .is_function();
    let css = Reflect::get(&global, &"CSS".into()).ok()?;
    if !has_class || css.is_undefined() {
        return None;
    }
    let registry = Reflect::get(&css, &"highlights".into()).ok()?;
    (!registry.is_undefined()).then(|| registry.unchecked_into())
}

/// The highlight name of a mark: `newslens-PERSON`, `newslens-summary`.
pub(crate) fn name(kind: &Kind) -> String {
    match kind {
        Kind::Entity { label, .. } => format!("newslens-{}", label.as_str()),
        Kind::Summary => "newslens-summary".into(),
    }
}

/// Ranges painted through `CSS.highlights`; one range per mark.
pub(crate) struct CssPaint {
    registry: HighlightRegistry,
    ranges: Vec<StaticRange>,
    /// Names whose ranges are currently taken out by `set_visible(.., false)`.
    hidden: Vec<String>,
    focus: Vec<StaticRange>,
}

const FOCUS: &str = "newslens-focus";

impl CssPaint {
    pub fn paint(
        registry: HighlightRegistry,
        map: &TextMap,
        marks: &[Mark],
    ) -> Result<CssPaint, JsValue> {
        let mut ranges = Vec::with_capacity(marks.len());
        let mut current: Option<(String, Highlight)> = None;
        let mut by_name: Vec<(String, Highlight)> = Vec::new();
        for m in marks {
            // highlight() keeps only marks that locate
            let ((a, ao), (b, bo)) = map
                .locate(m.start, m.end)
                .ok_or_else(|| JsError::new("newslens: a span outside the text was not dropped"))?;
            let range = StaticRange::new(&StaticRangeInit::new(
                &map.pieces[b].node,
                bo,
                &map.pieces[a].node,
                ao,
            ))?;
            let name = name(&m.kind);
            let highlight = match &current {
                Some((n, h)) if *n == name => h.clone(),
                _ => {
                    let h = match by_name.iter().find(|(n, _)| *n == name) {
                        Some((_, h)) => h.clone(),
                        None => {
                            let h = highlight_named(&registry, &name, priority(&m.kind));
                            by_name.push((name.clone(), h.clone()));
                            h
                        }
                    };
                    current = Some((name, h.clone()));
                    h
                }
            };
            highlight.add(&range);
            ranges.push(range);
        }
        Ok(CssPaint {
            registry,
            ranges,
            hidden: Vec::new(),
            focus: Vec::new(),
        })
    }

    /// Shows or hides the ranges of the marks painted under `name`.
    pub fn set_visible(&mut self, marks: &[Mark], name: &str, visible: bool) {
        let was_hidden = self.hidden.iter().any(|n| n == name);
        if visible != was_hidden {
            return;
        }
        if visible {
            self.hidden.retain(|n| n != name);
        } else {
            self.hidden.push(name.to_string());
        }
        let mut highlight = None;
        for (m, r) in marks.iter().zip(&self.ranges) {
            if super::highlights::name(&m.kind) != name {
                continue;
            }
            let h = highlight
                .get_or_insert_with(|| highlight_named(&self.registry, name, priority(&m.kind)));
            if visible {
                h.add(r);
            } else {
                h.remove(r);
            }
        }
        if let Some(h) = highlight {
            if h.size() == 0 {
                self.registry.delete(name);
            }
        }
    }

    /// Paints the ranges of marks `which` in the focus style, over any other.
    pub fn focus(&mut self, which: &[usize]) {
        let highlight = highlight_named(&self.registry, FOCUS, 2);
        for r in self.focus.drain(..) {
            highlight.remove(&r);
        }
        for &i in which {
            highlight.add(&self.ranges[i]);
            self.focus.push(self.ranges[i].clone());
        }
        if highlight.size() == 0 {
            self.registry.delete(FOCUS);
        }
    }

    pub fn range(&self, i: usize) -> &StaticRange {
        &self.ranges[i]
    }

    /// Takes every range of this highlighting out of the registry, and drops
    /// highlights left empty (other highlightings may share a name).
    pub fn clear(&mut self, marks: &[Mark]) {
        self.focus(&[]);
        let mut names: Vec<String> = Vec::new();
        for (m, r) in marks.iter().zip(self.ranges.drain(..)) {
            let name = name(&m.kind);
            if let Some(h) = existing(&self.registry, &name) {
                h.remove(&r);
            }
            if !names.contains(&name) {
                names.push(name);
            }
        }
        for name in names {
            if existing(&self.registry, &name).is_some_and(|h| h.size() == 0) {
                self.registry.delete(&name);
            }
        }
    }
}

fn existing(registry: &HighlightRegistry, name: &str) -> Option<Highlight> {
    let h = registry.get(name);
    (!h.is_undefined()).then(|| h.unchecked_into())
}

/// Which highlight paints on top where they overlap: focus over entities over
/// summary sentences.
fn priority(kind: &Kind) -> i32 {
    match kind {
        Kind::Entity { .. } => 1,
        Kind::Summary => 0,
    }
}

/// The highlight registered as `name`, created and registered if missing.
fn highlight_named(registry: &HighlightRegistry, name: &str, priority: i32) -> Highlight {
    existing(registry, name).unwrap_or_else(|| {
        let h = Highlight::new();
        h.set_priority(priority);
        registry.set(name, &h);
        h
    })
}
