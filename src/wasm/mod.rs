//! The JavaScript API. Doc comments here become the JSDoc of `pkg/newslens.d.ts`.

use js_sys::{RangeError, TypeError};
use wasm_bindgen::prelude::*;

use crate::error::{Error, ErrorKind};
use crate::options::{AnalyzeOptions, SummaryOptions};

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** A half-open range of UTF-16 code units: `text.slice(start, end)`. */
export interface Span {
  start: number;
  end: number;
}

/** A sentence and the index of its paragraph in `Analysis.paragraphs`. */
export interface Sentence extends Span {
  paragraph: number;
}

/** One of the 18 OntoNotes entity labels. */
export type EntityLabel =
  | "PERSON" | "NORP" | "FAC" | "ORG" | "GPE" | "LOC" | "PRODUCT" | "EVENT"
  | "WORK_OF_ART" | "LAW" | "LANGUAGE" | "DATE" | "TIME" | "PERCENT" | "MONEY"
  | "QUANTITY" | "ORDINAL" | "CARDINAL";

/** An entity mention. Mentions of the same real-world entity share `group`. */
export interface Entity extends Span {
  label: EntityLabel;
  text: string;
  group: number;
  /**
   * What a DATE, TIME, MONEY, PERCENT, QUANTITY, ORDINAL or CARDINAL means,
   * normalised against the article date; `null` when it does not resolve (a
   * relative date without an article date, a score such as "3-1"). Absent on
   * name labels.
   */
  value?: Value | null;
}

/** A qualifier on a value, after TimeML's TIMEX3 `mod`: "about", "less than", "mid-"... */
export type ValueMod =
  | "approx" | "less_than" | "more_than" | "at_least" | "at_most" | "start" | "mid" | "end";

/**
 * A number (`value`) or a range (`min`..`max`, e.g. "tens of thousands" is
 * 20000..99999 with `mod: "approx"`), with an optional qualifier.
 */
export interface Amount {
  value?: number;
  min?: number;
  max?: number;
  mod?: ValueMod;
}

/**
 * The normalised meaning of a numeric entity, tagged by `kind`.
 * `iso` is ISO 8601 where it has a form ("2020-10-16", "2020-08", "1994",
 * "2020-W42", "P3W", "PT48H", "P6M/2020-06-30", "2014/2015", "199X") and
 * TIMEX3 otherwise ("2020-Q3", "2020-H1", "2020-SU", "2020-W42-WE",
 * "2020-10-15TNI", "FY2021"). `currency` is ISO 4217; `unit` a short symbol
 * ("tonne", "km", "km2", "degC", "barrel/day", "bp").
 */
export type Value =
  | { kind: "date"; iso: string; mod?: ValueMod }
  | { kind: "duration"; iso: string; mod?: ValueMod }
  | { kind: "time"; iso: string; zone?: string; mod?: ValueMod }
  | ({ kind: "money"; currency?: string } & Amount)
  | ({ kind: "percent" } & Amount)
  | ({ kind: "quantity"; unit: string } & Amount)
  | ({ kind: "number" } & Amount);

/** What a token is. */
export type TokenKind =
  | "word" | "number" | "abbreviation" | "clitic" | "punct" | "symbol" | "link";

/** A token, returned when `tokens: true` is passed. */
export interface Token extends Span {
  kind: TokenKind;
}

/** The extractive summary. */
export interface Summary {
  /** Indices into `Analysis.sentences`, in document order. */
  sentences: number[];
  /** One score per sentence; higher is more summary-worthy, 0 never chosen. */
  scores: number[];
}

/** The result of `analyze()`. Every offset counts UTF-16 code units of the text passed. */
export interface Analysis {
  offsets: "utf16";
  /** The article date, `YYYY-MM-DD`, from `options.date` or the text's header. */
  date?: string;
  dateSource?: "header" | "option";
  /** The `date YYYY-MM-DD` header at the start of the text, which is not article text. */
  header?: Span;
  paragraphs: Span[];
  sentences: Sentence[];
  tokens?: Token[];
  entities: Entity[];
  summary: Summary;
  /** The entity summary: named entities with their mentions, most salient first. */
  groups: Group[];
}

/** A real-world entity: the mentions that share one `group` id (names only, not numbers). */
export interface Group {
  /** The id its mentions carry in `Entity.group`. */
  id: number;
  /** The canonical name: the longest mention, e.g. "Francois-Philippe Champagne". */
  name: string;
  label: EntityLabel;
  /** Number of mentions. */
  count: number;
  /** UTF-16 offset of the first mention. */
  first: number;
  /** Indices into `Analysis.entities`, in document order. */
  mentions: number[];
  /** The other ways the article writes it, e.g. "Champagne", "EU". */
  aliases: string[];
  /** Mention count plus early-mention bonuses, halved for NORP; the list is sorted by it. */
  salience: number;
}

/** Summary length: give at most one of the three. Default: 3 sentences. */
export interface SummaryOptions {
  sentences?: number;
  words?: number;
  /** A fraction of the sentences, greater than 0 and at most 1. */
  ratio?: number;
}

/** Options of `analyze()`. Unknown names throw a TypeError that lists the valid ones. */
export interface AnalyzeOptions {
  /** The article date, `YYYY-MM-DD`; overrides a `date` header in the text. */
  date?: string;
  /** The headline, when it is not part of `text`; the summary prefers sentences that share its words. */
  title?: string;
  summary?: SummaryOptions;
  /** Also return the tokens. Default false. */
  tokens?: boolean;
  /** Refuse texts longer than this many bytes of UTF-8. Default 16 MiB. */
  maxBytes?: number;
}
"#;

#[wasm_bindgen]
extern "C" {
    /// The options object, typed as `AnalyzeOptions` and checked at run time.
    #[wasm_bindgen(typescript_type = "AnalyzeOptions")]
    pub type JsAnalyzeOptions;

    // js-sys declares these two without `catch`, but a Proxy can make both
    // throw, and an exception that unwinds through wasm frames skips their
    // epilogues: the shadow stack pointer leaks and the module later traps
    // (`RuntimeError: unreachable`). Declared here with `catch` instead.
    #[wasm_bindgen(js_namespace = Object, js_name = keys, catch)]
    fn object_keys(object: &JsValue) -> Result<js_sys::Array, JsValue>;
    #[wasm_bindgen(js_namespace = Array, js_name = isArray, catch)]
    fn is_array(value: &JsValue) -> Result<bool, JsValue>;
}

/// Analyses an English news article: its date, paragraphs, sentences,
/// entities and summary. Offsets count UTF-16 code units of `text`, so
/// `text.slice(s.start, s.end)` is the span. Lone surrogates in `text` are read
/// as U+FFFD, which keeps every offset in place.
///
/// Throws a `TypeError` if `text` is not a string, `options` is not an object
/// of known options, or reading an option throws (a getter or Proxy trap), and a
/// `RangeError` if an option value is out of range (a date that is not
/// `YYYY-MM-DD`, a ratio outside (0, 1]) or the text or title is longer than
/// `options.maxBytes` (default 16 MiB of UTF-8). Each option is read once.
#[wasm_bindgen(js_name = analyze, unchecked_return_type = "Analysis")]
pub fn js_analyze(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    options: Option<JsAnalyzeOptions>,
) -> Result<JsValue, JsValue> {
    if !text.is_string() {
        return Err(type_error(&format!(
            "analyze(text, options): text must be a string, got {}",
            describe(&text)
        )));
    }
    let options = parse_options(options.map(JsValue::from))?;
    // Refuse an over-long text before copying it into wasm memory, which never
    // shrinks: UTF-8 takes at least one byte per UTF-16 code unit.
    let max = options.validate().map_err(to_js_error)?.max_bytes;
    let units = text.unchecked_ref::<js_sys::JsString>().length() as usize;
    if units > max {
        return Err(RangeError::new(&format!(
            "analyze(text, options): text is at least {units} bytes of UTF-8, over the limit \
             of {max}; split it or raise options.maxBytes"
        ))
        .into());
    }
    let text = text.as_string().unwrap_or_default();
    let analysis = crate::analyze(&text, &options).map_err(to_js_error)?;
    let analysis = analysis.into_utf16(&text);
    analysis
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsValue::from(JsError::new(&e.to_string())))
}

/// The version of the newslens package.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

pub(crate) fn parse_options(options: Option<JsValue>) -> Result<AnalyzeOptions, JsValue> {
    let Some(options) = options.filter(|o| !o.is_undefined() && !o.is_null()) else {
        return Ok(AnalyzeOptions::default());
    };
    let options = as_object(&options, "options", "{ date: \"2020-10-16\" }")?;
    check_keys(&options, "options", OPTION_NAMES)?;
    let max_bytes = count(&options, "options.maxBytes")?.map(|n| n as usize);
    let summary = match field(&options, "options.summary")? {
        None => None,
        Some(v) => {
            let v = as_object(&v, "options.summary", "{ sentences: 3 }")?;
            check_keys(&v, "options.summary", SUMMARY_OPTION_NAMES)?;
            Some(SummaryOptions {
                sentences: count(&v, "options.summary.sentences")?,
                words: count(&v, "options.summary.words")?,
                ratio: match field(&v, "options.summary.ratio")? {
                    None => None,
                    Some(r) => Some(r.as_f64().ok_or_else(|| {
                        expected("options.summary.ratio", "a number such as 0.3", &r)
                    })?),
                },
            })
        }
    };
    Ok(AnalyzeOptions {
        date: match field(&options, "options.date")? {
            None => None,
            Some(d) => {
                Some(d.as_string().ok_or_else(|| {
                    expected("options.date", "a string such as \"2020-10-16\"", &d)
                })?)
            }
        },
        title: match field(&options, "options.title")? {
            None => None,
            Some(t) if !t.is_string() => {
                return Err(expected(
                    "options.title",
                    "a string such as \"Canada backs Tikhanovskaya\"",
                    &t,
                ))
            }
            // like the text, an over-long title is refused before it is copied
            Some(t) if title_units(&t) > max_bytes.unwrap_or(crate::DEFAULT_MAX_BYTES) => {
                return Err(to_js_error(Error::OutOfRange {
                    field: "options.title",
                    allowed: crate::options::TITLE_ALLOWED,
                }))
            }
            Some(t) => t.as_string(),
        },
        summary,
        tokens: match field(&options, "options.tokens")? {
            None => false,
            Some(t) => t
                .as_bool()
                .ok_or_else(|| expected("options.tokens", "true or false", &t))?,
        },
        max_bytes,
    })
}

fn title_units(title: &JsValue) -> usize {
    title.unchecked_ref::<js_sys::JsString>().length() as usize
}

/// The names `AnalyzeOptions` accepts.
const OPTION_NAMES: &[&str] = &["date", "title", "summary", "tokens", "maxBytes"];
const SUMMARY_OPTION_NAMES: &[&str] = &["sentences", "words", "ratio"];

fn as_object(v: &JsValue, path: &str, example: &str) -> Result<js_sys::Object, JsValue> {
    if v.is_object() && !is_array(v).map_err(|e| threw(path, &e))? {
        Ok(v.clone().unchecked_into())
    } else {
        Err(expected(path, &format!("an object such as {example}"), v))
    }
}

fn check_keys(object: &js_sys::Object, path: &str, allowed: &[&str]) -> Result<(), JsValue> {
    for key in object_keys(object).map_err(|e| threw(path, &e))?.iter() {
        let key = key.as_string().unwrap_or_default();
        if !allowed.contains(&key.as_str()) {
            return Err(type_error(&format!(
                "analyze(text, options): unknown option {path}.{key}; the valid ones are {}",
                allowed.join(", ")
            )));
        }
    }
    Ok(())
}

/// The value at `path` (e.g. `options.summary.ratio`), a property of `object`,
/// or `None` when it is undefined or null. The property is read exactly once.
fn field(object: &js_sys::Object, path: &str) -> Result<Option<JsValue>, JsValue> {
    let name = path.rsplit('.').next().unwrap_or(path);
    let v = js_sys::Reflect::get(object, &JsValue::from_str(name)).map_err(|e| threw(path, &e))?;
    Ok((!v.is_undefined() && !v.is_null()).then_some(v))
}

/// The TypeError for a getter or Proxy trap that threw `e` while `path` was read.
fn threw(path: &str, e: &JsValue) -> JsValue {
    let message = js_sys::Reflect::get(e, &JsValue::from_str("message"))
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| e.as_string())
        .unwrap_or_else(|| describe(e));
    type_error(&format!(
        "analyze(text, options): reading {path} threw ({message}); pass a plain object of values"
    ))
}

/// A whole number from 0 to 2^32 - 1 at `path`, a property of `object`, if given.
fn count(object: &js_sys::Object, path: &str) -> Result<Option<u32>, JsValue> {
    let Some(v) = field(object, path)? else {
        return Ok(None);
    };
    match v.as_f64() {
        Some(n) if n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&n) => {
            Ok(Some(n as u32))
        }
        Some(n) => Err(RangeError::new(&format!(
            "analyze(text, options): {path} must be a whole number from 0 to 4294967295, got {}",
            js_number(n)
        ))
        .into()),
        None => Err(expected(path, "a whole number", &v)),
    }
}

/// `n` as JavaScript writes it (`Infinity`, not `inf`).
fn js_number(n: f64) -> String {
    match n {
        f64::INFINITY => "Infinity".into(),
        f64::NEG_INFINITY => "-Infinity".into(),
        _ => n.to_string(),
    }
}

fn expected(path: &str, what: &str, got: &JsValue) -> JsValue {
    type_error(&format!(
        "analyze(text, options): {path} must be {what}, got {}",
        describe(got)
    ))
}

fn describe(v: &JsValue) -> String {
    if v.is_null() {
        "null".into()
    } else if is_array(v).unwrap_or(false) {
        "an array".into()
    } else {
        v.js_typeof()
            .as_string()
            .unwrap_or_else(|| "an unknown value".into())
    }
}

fn type_error(message: &str) -> JsValue {
    TypeError::new(message).into()
}

pub(crate) fn to_js_error(e: Error) -> JsValue {
    let message = format!("analyze(text, options): {e}");
    match e.kind() {
        ErrorKind::Type => TypeError::new(&message).into(),
        ErrorKind::Range => RangeError::new(&message).into(),
    }
}

use serde::Serialize as _;
