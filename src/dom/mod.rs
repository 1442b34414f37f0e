//! The DOM layer (`--features dom`, wasm32): highlights entity mentions inside
//! a live page. It reads the visible text under a root, gets an analysis of it
//! (from the core, or given by the caller, e.g. from the worker), and renders
//! the spans. Rendering never runs the model and never builds HTML: it paints
//! `Range`s through the CSS Custom Highlight API, or wraps text nodes in
//! `<mark>` elements made with `createElement`. Doc comments here become the
//! JSDoc of `pkg/newslens.d.ts`.

mod collect;
mod highlights;
mod marks;

use js_sys::{Reflect, TypeError};
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element};

use crate::ner::Label;
use collect::TextMap;
use highlights::CssPaint;
use marks::MarkPaint;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** Options of `highlight()`. Unknown names throw a TypeError that lists the valid ones. */
export interface HighlightOptions {
  /**
   * "highlight" paints through the CSS Custom Highlight API (`CSS.highlights`,
   * no change to the DOM); "mark" wraps mentions in `<mark>` elements; "auto"
   * (the default) takes "highlight" where the browser has it.
   */
  mode?: "auto" | "highlight" | "mark";
  /** Also highlight the summary sentences, in a style of their own. Default false. */
  summary?: boolean;
  /** Options for the analysis of the root's text (ignored with `analysis`). */
  analyze?: AnalyzeOptions;
  /**
   * An analysis of exactly `textOf(root)`, made earlier or in a worker:
   * `highlight()` then renders it without running the model.
   */
  analysis?: Analysis;
  /**
   * Adopt newslens's default highlight styles into the root's document
   * (CSS custom properties `--newslens-PERSON` and so on). Default true.
   */
  styles?: boolean;
}

/** What `Highlighting.setVisible` switches: a label, or the summary sentences. */
export type HighlightKind = EntityLabel | "summary";
"#;

/// One span to render, in UTF-16 code units of the composite text.
pub(crate) struct Mark {
    start: usize,
    end: usize,
    kind: Kind,
}

/// What a mark shows.
pub(crate) enum Kind {
    Entity { label: Label, group: u32 },
    Summary,
}

enum Paint {
    Css(CssPaint),
    Marks(MarkPaint),
    Cleared,
}

#[wasm_bindgen]
extern "C" {
    /// The options object, typed as `HighlightOptions` and checked at run time.
    #[wasm_bindgen(typescript_type = "HighlightOptions")]
    pub type JsHighlightOptions;
}

/// The handle returned by `highlight()`: the analysis of the root's text and
/// the means to focus, toggle and remove the highlights.
#[wasm_bindgen(js_name = Highlighting)]
pub struct JsHighlighting {
    analysis: JsValue,
    text: String,
    marks: Vec<Mark>,
    paint: Paint,
    focused: Option<(u32, usize)>,
}

const OPTION_NAMES: &[&str] = &["mode", "summary", "analyze", "analysis", "styles"];

/// Returns the visible text under `root` as `highlight()` reads it: text nodes
/// in document order, skipping script, style, noscript, template, form fields
/// and hidden elements, with a blank line between blocks such as `<p>`. Offsets
/// in `Highlighting.analysis` count UTF-16 code units of this string.
#[wasm_bindgen(js_name = textOf)]
pub fn text_of(root: &Element) -> String {
    TextMap::collect(root, web_sys::window().as_ref()).text
}

/// The default highlight styles as CSS text (also `newslens.css`): adopt it
/// into a shadow root to show legend swatches in the same colours.
#[wasm_bindgen(js_name = highlightStyles)]
pub fn highlight_styles() -> String {
    STYLES.to_string()
}

/// Finds the entities in the visible text under `root` (see `textOf`) and
/// highlights every mention inline; with `summary: true` also the summary
/// sentences. The page's own nodes are left as they were: in "highlight" mode
/// nothing in the DOM changes, in "mark" mode `clear()` puts it back exactly.
///
/// Throws a TypeError if `root` is not an element in a document or `options`
/// has unknown names or wrong types, a RangeError if `options.analysis` does
/// not fit the text (it must be an analysis of `textOf(root)`), and what
/// `analyze()` throws for bad `options.analyze`.
#[wasm_bindgen(js_name = highlight)]
pub fn js_highlight(
    root: &Element,
    options: Option<JsHighlightOptions>,
) -> Result<JsHighlighting, JsValue> {
    let options = Options::parse(options.map(JsValue::from))?;
    let doc = root.owner_document().ok_or_else(|| {
        TypeError::new("highlight(root, options): root must be an element in a document")
    })?;
    let window = doc.default_view();
    let map = TextMap::collect(root, window.as_ref());
    let (analysis, mut marks) = match options.analysis {
        Some(a) => {
            let marks = marks_from_js(&a, map.len16, options.summary)?;
            (a, marks)
        }
        None => {
            let a = crate::analyze(&map.text, &options.analyze)
                .map_err(crate::wasm::to_js_error)?
                .into_utf16(&map.text);
            let marks = marks_from(&a, options.summary);
            let js = a
                .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
                .map_err(|e| JsValue::from(JsError::new(&e.to_string())))?;
            (js, marks)
        }
    };
    marks.retain(|m| map.locate(m.start, m.end).is_some());
    if options.styles {
        adopt_styles(&doc)?;
    }
    let registry = match options.mode {
        Mode::Mark => None,
        Mode::Highlight => Some(highlights::registry().ok_or_else(|| {
            TypeError::new(
                "highlight(root, options): this browser has no CSS Custom Highlight API; \
                 use mode: \"mark\" or \"auto\"",
            )
        })?),
        Mode::Auto => highlights::registry(),
    };
    let paint = match registry {
        Some(r) => Paint::Css(CssPaint::paint(r, &map, &marks)?),
        None => Paint::Marks(MarkPaint::paint(&doc, &map, &marks)?),
    };
    Ok(JsHighlighting {
        analysis,
        text: map.text,
        marks,
        paint,
        focused: None,
    })
}

#[wasm_bindgen(js_class = Highlighting)]
impl JsHighlighting {
    /// The analysis of `text`, the same shape as `analyze()` returns.
    #[wasm_bindgen(getter, unchecked_return_type = "Analysis")]
    pub fn analysis(&self) -> JsValue {
        self.analysis.clone()
    }

    /// The text that was analysed: `textOf(root)` at the time of `highlight()`.
    #[wasm_bindgen(getter)]
    pub fn text(&self) -> String {
        self.text.clone()
    }

    /// "highlight" (CSS Custom Highlight API), "mark" (`<mark>` elements) or
    /// "cleared" after `clear()`.
    #[wasm_bindgen(
        getter,
        unchecked_return_type = "\"highlight\" | \"mark\" | \"cleared\""
    )]
    pub fn mode(&self) -> String {
        match self.paint {
            Paint::Css(_) => "highlight",
            Paint::Marks(_) => "mark",
            Paint::Cleared => "cleared",
        }
        .into()
    }

    /// Shows or hides the highlights of one label (e.g. "PERSON") or of the
    /// summary sentences ("summary"). Throws a TypeError for another name.
    #[wasm_bindgen(js_name = setVisible)]
    pub fn set_visible(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "HighlightKind")] kind: &str,
        visible: bool,
    ) -> Result<(), JsValue> {
        let wanted = |m: &Mark| match (&m.kind, kind) {
            (Kind::Summary, "summary") => true,
            (Kind::Entity { label, .. }, k) => label.as_str() == k,
            _ => false,
        };
        if kind != "summary" && Label::parse(kind).is_none() {
            return Err(TypeError::new(&format!(
                "Highlighting.setVisible(kind, visible): kind must be an entity label such as \
                 \"PERSON\" or \"summary\", got {kind:?}"
            ))
            .into());
        }
        match &mut self.paint {
            Paint::Css(p) => p.set_visible(&self.marks, &format!("newslens-{kind}"), visible),
            Paint::Marks(p) => {
                let which = (0..self.marks.len()).filter(|&i| wanted(&self.marks[i]));
                p.flag(which, "data-off", !visible);
            }
            Paint::Cleared => {}
        }
        Ok(())
    }

    /// Scrolls to a mention of entity group `group` (the `group` of its
    /// entities) and outlines all its mentions. Calling it again with the same
    /// group moves on to the next mention. Returns the number of mentions (0
    /// when the group has none, which clears the outline).
    pub fn focus(&mut self, group: u32) -> u32 {
        let which: Vec<usize> = (0..self.marks.len())
            .filter(|&i| matches!(self.marks[i].kind, Kind::Entity { group: g, .. } if g == group))
            .collect();
        let nth = match self.focused {
            Some((g, n)) if g == group && !which.is_empty() => (n + 1) % which.len(),
            _ => 0,
        };
        self.focused = (!which.is_empty()).then_some((group, nth));
        let target: Option<Element> = match &mut self.paint {
            Paint::Css(p) => {
                p.focus(&which);
                which
                    .get(nth)
                    .and_then(|&i| p.range(i).start_container().parent_element())
            }
            Paint::Marks(p) => {
                p.flag(0..self.marks.len(), "data-focus", false);
                p.flag(which.iter().copied(), "data-focus", true);
                which.get(nth).and_then(|&i| p.elements(i).first().cloned())
            }
            Paint::Cleared => None,
        };
        if let Some(el) = target {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Center);
            options.set_behavior(web_sys::ScrollBehavior::Smooth);
            el.scroll_into_view_with_scroll_into_view_options(&options);
        }
        which.len() as u32
    }

    /// Removes every highlight. In "mark" mode the DOM is restored node for
    /// node (split text nodes are joined back into the originals); in
    /// "highlight" mode this highlighting's ranges leave `CSS.highlights`.
    /// Calling it twice does nothing more.
    pub fn clear(&mut self) {
        match std::mem::replace(&mut self.paint, Paint::Cleared) {
            Paint::Css(mut p) => p.clear(&self.marks),
            Paint::Marks(mut p) => p.clear(),
            Paint::Cleared => {}
        }
        self.focused = None;
    }
}

enum Mode {
    Auto,
    Highlight,
    Mark,
}

struct Options {
    mode: Mode,
    summary: bool,
    styles: bool,
    analyze: crate::AnalyzeOptions,
    analysis: Option<JsValue>,
}

impl Options {
    fn parse(options: Option<JsValue>) -> Result<Options, JsValue> {
        let mut out = Options {
            mode: Mode::Auto,
            summary: false,
            styles: true,
            analyze: Default::default(),
            analysis: None,
        };
        let Some(o) = options.filter(|o| !o.is_undefined() && !o.is_null()) else {
            return Ok(out);
        };
        if !o.is_object() || js_sys::Array::is_array(&o) {
            return Err(error(
                "options must be an object such as { mode: \"mark\" }",
            ));
        }
        for key in js_sys::Object::keys(o.unchecked_ref::<js_sys::Object>()).iter() {
            let key = key.as_string().unwrap_or_default();
            if !OPTION_NAMES.contains(&key.as_str()) {
                return Err(error(&format!(
                    "unknown option options.{key}; the valid ones are {}",
                    OPTION_NAMES.join(", ")
                )));
            }
        }
        let get = |name: &str| -> Result<Option<JsValue>, JsValue> {
            let v = Reflect::get(&o, &name.into())?;
            Ok((!v.is_undefined() && !v.is_null()).then_some(v))
        };
        if let Some(m) = get("mode")? {
            out.mode = match m.as_string().as_deref() {
                Some("auto") => Mode::Auto,
                Some("highlight") => Mode::Highlight,
                Some("mark") => Mode::Mark,
                _ => {
                    return Err(error(
                        "options.mode must be \"auto\", \"highlight\" or \"mark\"",
                    ))
                }
            };
        }
        for (name, slot) in [("summary", &mut out.summary), ("styles", &mut out.styles)] {
            if let Some(v) = get(name)? {
                *slot = v
                    .as_bool()
                    .ok_or_else(|| error(&format!("options.{name} must be true or false")))?;
            }
        }
        if let Some(a) = get("analyze")? {
            out.analyze = crate::wasm::parse_options(Some(a))?;
        }
        if let Some(a) = get("analysis")? {
            if !a.is_object() {
                return Err(error(
                    "options.analysis must be an object returned by analyze()",
                ));
            }
            out.analysis = Some(a);
        }
        Ok(out)
    }
}

fn error(message: &str) -> JsValue {
    TypeError::new(&format!("highlight(root, options): {message}")).into()
}

/// The marks of an analysis made here: entities, then summary sentences.
fn marks_from(a: &crate::Analysis, summary: bool) -> Vec<Mark> {
    let mut marks: Vec<Mark> = a
        .entities
        .iter()
        .map(|e| Mark {
            start: e.start,
            end: e.end,
            kind: Kind::Entity {
                label: e.label,
                group: e.group as u32,
            },
        })
        .collect();
    if summary {
        marks.extend(a.summary.sentences.iter().filter_map(|&i| {
            let s = a.sentences.get(i)?;
            Some(Mark {
                start: s.start,
                end: s.end,
                kind: Kind::Summary,
            })
        }));
    }
    marks
}

/// The marks of an analysis given by the caller, checked against the text.
fn marks_from_js(a: &JsValue, len16: usize, summary: bool) -> Result<Vec<Mark>, JsValue> {
    let bad = |what: String| -> JsValue {
        js_sys::RangeError::new(&format!(
            "highlight(root, options): options.analysis does not fit the text under root ({what}); \
             pass an analysis of textOf(root)"
        ))
        .into()
    };
    let offsets = Reflect::get(a, &"offsets".into())?;
    if offsets.as_string().as_deref() != Some("utf16") {
        return Err(bad("its offsets are not \"utf16\"".into()));
    }
    let num = |o: &JsValue, name: &str| -> Result<usize, JsValue> {
        let v = Reflect::get(o, &name.into())?.as_f64();
        match v {
            Some(n) if n >= 0.0 && n.fract() == 0.0 && n <= len16 as f64 => Ok(n as usize),
            _ => Err(bad(format!(
                "{name} is {v:?} for a text of {len16} code units"
            ))),
        }
    };
    let array = |o: &JsValue, name: &str| -> Result<js_sys::Array, JsValue> {
        let v = Reflect::get(o, &name.into())?;
        if js_sys::Array::is_array(&v) {
            Ok(v.unchecked_into())
        } else {
            Err(bad(format!("{name} is not an array")))
        }
    };
    let mut marks = Vec::new();
    let mut last_end = 0;
    for e in array(a, "entities")?.iter() {
        let (start, end) = (num(&e, "start")?, num(&e, "end")?);
        let label = Reflect::get(&e, &"label".into())?
            .as_string()
            .unwrap_or_default();
        let label = Label::parse(&label).ok_or_else(|| bad(format!("unknown label {label:?}")))?;
        let group = num(&e, "group").unwrap_or(0) as u32;
        if start > end || start < last_end {
            return Err(bad("entities overlap or are out of order".into()));
        }
        last_end = end;
        marks.push(Mark {
            start,
            end,
            kind: Kind::Entity { label, group },
        });
    }
    if summary {
        let sentences = array(a, "sentences")?;
        let chosen = array(&Reflect::get(a, &"summary".into())?, "sentences")?;
        let mut last_end = 0;
        for i in chosen.iter() {
            let s = sentences.get(i.as_f64().unwrap_or(-1.0) as u32);
            if s.is_undefined() {
                return Err(bad("summary.sentences points past sentences".into()));
            }
            let (start, end) = (num(&s, "start")?, num(&s, "end")?);
            if start > end || start < last_end {
                return Err(bad("summary sentences overlap or are out of order".into()));
            }
            last_end = end;
            marks.push(Mark {
                start,
                end,
                kind: Kind::Summary,
            });
        }
    }
    Ok(marks)
}

/// The default styles, adopted once per document as a constructed stylesheet
/// (which a `style-src 'self'` Content-Security-Policy allows, unlike `<style>`).
const STYLES: &str = include_str!("styles.css");
const ADOPTED: &str = "__newslensStyles";

fn adopt_styles(doc: &Document) -> Result<(), JsValue> {
    if Reflect::get(doc, &ADOPTED.into())?.is_truthy() {
        return Ok(());
    }
    let sheets = Reflect::get(doc, &"adoptedStyleSheets".into())?;
    if !js_sys::Array::is_array(&sheets) {
        return Ok(()); // an old browser: the page links pkg/newslens.css itself
    }
    let sheet = web_sys::CssStyleSheet::new()?;
    sheet.replace_sync(STYLES)?;
    let sheets: js_sys::Array = sheets.unchecked_into();
    // every rule is :where()-wrapped or a ::highlight() with var() fallbacks, so
    // the page's own rules and custom properties win although adopted sheets come last
    let all = js_sys::Array::of1(&sheet).concat(&sheets);
    Reflect::set(doc, &"adoptedStyleSheets".into(), &all)?;
    Reflect::set(doc, &ADOPTED.into(), &JsValue::TRUE)?;
    Ok(())
}

use serde::Serialize as _;
