//! The `<mark>` renderer, for browsers without the Custom Highlight API or on
//! request: split text nodes at span edges and wrap the pieces, keeping what is
//! needed to put every original node back exactly.

use js_sys::Reflect;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, Text};

use super::collect::TextMap;
use super::{Kind, Mark};

// `data` is kept as a JS string: a Rust `String` would turn lone surrogates into
// U+FFFD, and `clear()` must give back the very same text.
const DATA: &str = "data";

/// A text node that was split: its text before, and the nodes split off it.
struct Split {
    original: Text,
    data: JsValue,
    tails: Vec<Text>,
}

/// The `<mark>` elements of one highlighting and how to undo them.
pub(crate) struct MarkPaint {
    /// Every `<mark>` made, outer ones before the ones inside them.
    marks: Vec<Element>,
    /// For each mark of the highlighting, the `<mark>` elements showing it.
    of_mark: Vec<Vec<Element>>,
    splits: Vec<Split>,
}

impl MarkPaint {
    pub fn paint(doc: &Document, map: &TextMap, marks: &[Mark]) -> Result<MarkPaint, JsValue> {
        let entities: Vec<usize> = (0..marks.len())
            .filter(|&i| matches!(marks[i].kind, Kind::Entity { .. }))
            .collect();
        let summary: Vec<usize> = (0..marks.len())
            .filter(|&i| matches!(marks[i].kind, Kind::Summary))
            .collect();
        let mut cuts: Vec<usize> = marks.iter().flat_map(|m| [m.start, m.end]).collect();
        cuts.sort_unstable();
        cuts.dedup();

        let mut paint = MarkPaint {
            marks: Vec::new(),
            of_mark: vec![Vec::new(); marks.len()],
            splits: Vec::new(),
        };
        for piece in &map.pieces {
            let (s, e) = (piece.start, piece.end());
            let inside = &cuts[cuts.partition_point(|&c| c <= s)..cuts.partition_point(|&c| c < e)];
            // the stretches [a, b) of this node, as (a, b, node)
            let mut bounds = Vec::with_capacity(inside.len() + 2);
            bounds.push(s);
            bounds.extend_from_slice(inside);
            bounds.push(e);
            let covering = |a: usize, list: &[usize]| {
                let i = list
                    .partition_point(|&m| marks[m].start <= a)
                    .checked_sub(1)?;
                (marks[list[i]].end > a).then_some(list[i])
            };
            let stretches: Vec<(Option<usize>, Option<usize>)> = bounds
                .windows(2)
                .map(|w| (covering(w[0], &entities), covering(w[0], &summary)))
                .collect();
            if stretches.iter().all(|&(e, s)| e.is_none() && s.is_none()) {
                continue;
            }
            let mut nodes = vec![piece.node.clone()];
            if !inside.is_empty() {
                let data = Reflect::get(&piece.node, &DATA.into())?;
                let mut tails = Vec::with_capacity(inside.len());
                for &c in inside.iter().rev() {
                    tails.push(piece.node.split_text((c - s) as u32)?);
                }
                tails.reverse();
                nodes.extend(tails.iter().cloned());
                paint.splits.push(Split {
                    original: piece.node.clone(),
                    data,
                    tails,
                });
            }
            for (node, (entity, sentence)) in nodes.iter().zip(stretches) {
                let mut target: web_sys::Node = node.clone().into();
                let mut wrap = |i: usize, target: &mut web_sys::Node| -> Result<(), JsValue> {
                    let mark = doc.create_element("mark")?;
                    match &marks[i].kind {
                        Kind::Entity { label, group } => {
                            mark.set_attribute("data-newslens", "entity")?;
                            mark.set_attribute("data-label", label.as_str())?;
                            mark.set_attribute("data-group", &group.to_string())?;
                        }
                        Kind::Summary => mark.set_attribute("data-newslens", "summary")?,
                    }
                    if let Some(parent) = target.parent_node() {
                        parent.insert_before(&mark, Some(target))?;
                    }
                    mark.append_child(target)?;
                    paint.of_mark[i].push(mark.clone());
                    paint.marks.push(mark.clone());
                    *target = mark.into();
                    Ok(())
                };
                if let Some(i) = entity {
                    wrap(i, &mut target)?;
                }
                if let Some(i) = sentence {
                    wrap(i, &mut target)?;
                }
            }
        }
        Ok(paint)
    }

    /// The `<mark>` elements showing mark `i`.
    pub fn elements(&self, i: usize) -> &[Element] {
        &self.of_mark[i]
    }

    /// Marks the `<mark>` elements of `marks` with `attribute`, or unmarks them.
    pub fn flag(&self, which: impl Iterator<Item = usize>, attribute: &str, on: bool) {
        for i in which {
            for el in &self.of_mark[i] {
                let _ = if on {
                    el.set_attribute(attribute, "")
                } else {
                    el.remove_attribute(attribute)
                };
            }
        }
    }

    /// Unwraps every `<mark>` and joins split text nodes back into the
    /// originals: the DOM is the same as before, node for node.
    pub fn clear(&mut self) {
        for mark in self.marks.drain(..).rev() {
            if let Some(parent) = mark.parent_node() {
                while let Some(child) = mark.first_child() {
                    let _ = parent.insert_before(&child, Some(&mark));
                }
                let _ = parent.remove_child(&mark);
            }
        }
        for split in self.splits.drain(..) {
            for tail in &split.tails {
                tail.remove();
            }
            let _ = Reflect::set(&split.original, &DATA.into(), &split.data);
        }
        self.of_mark.clear();
    }
}
