//! Numeric and time entities: DATE, TIME, MONEY, PERCENT, QUANTITY, ORDINAL and
//! CARDINAL, found by hand-written token rules, each with a normalised [`Value`].
//!
//! [`recognize`] scans each sentence's tokens once, trying every pattern at
//! each token and keeping the longest match, so it runs in time linear in the
//! text and never looks outside a sentence. Spans follow the OntoNotes
//! conventions: qualifiers belong to the entity ("less than three weeks",
//! "about 300"), as do "the" in periods ("the six months to June 30", "the
//! 1990s") and currency words ("5 million euros"); "last night" is a TIME and
//! "tens of thousands" a CARDINAL.
//!
//! Values are anchored to the article date by [`resolve`]; relative
//! expressions ("Friday", "Aug. 9", "later this month") get no value when the
//! article date is unknown.

mod resolve;
mod scan;
mod value;
mod words;

pub use value::{Amount, Mod, Value};

pub(crate) use resolve::resolve;

use crate::date::Date;
use crate::ner::Label;
use crate::text::{Span, Token};

/// A numeric or time entity found by the rules.
#[derive(Debug, Clone, PartialEq)]
pub struct NumericEntity {
    /// Where it is: from the start of its first token to the end of its last.
    pub span: Span,
    /// One of the seven numeric labels.
    pub label: Label,
    /// What it means, when that is known.
    pub value: Option<Value>,
}

/// The numeric entities of `text`, given its `tokens` (in order), its
/// `sentences` and the article `date`. Spans are sorted, do not overlap, lie on
/// token boundaries and never cross a sentence boundary.
pub(crate) fn recognize(
    text: &str,
    tokens: &[Token],
    sentences: &[Span],
    date: Option<Date>,
) -> Vec<NumericEntity> {
    let dollar = dollar(text, tokens);
    let mut out = Vec::new();
    let mut t = 0;
    for s in sentences {
        while t < tokens.len() && tokens[t].span.start < s.start {
            t += 1;
        }
        let first = t;
        while t < tokens.len() && tokens[t].span.end <= s.end {
            t += 1;
        }
        let toks = &tokens[first..t];
        let scan = scan::Scan::new(text, toks, dollar);
        let mut i = 0;
        while i < toks.len() {
            match scan.at(i) {
                Some(m) if m.end > i && m.end <= toks.len() => {
                    out.push(NumericEntity {
                        span: Span::new(toks[i].span.start, toks[m.end - 1].span.end),
                        label: m.label,
                        value: resolve(&m.expr, date),
                    });
                    i = m.end;
                }
                _ => i += 1,
            }
        }
    }
    out
}

/// The currency of a bare `$`: the dateline's (`OTTAWA (Reuters) -` is CAD),
/// else the US dollar.
fn dollar(text: &str, tokens: &[Token]) -> &'static str {
    let Some(first) = tokens.first() else {
        return "USD";
    };
    let w = first.span.of(text);
    let hong_kong = w == "HONG" && tokens.get(1).is_some_and(|t| t.span.of(text) == "KONG");
    match words::DATELINES.iter().find(|(city, _)| *city == w) {
        Some(&(city, cur)) if city != "HONG" || hong_kong => cur,
        _ => "USD",
    }
}

/// The numeric entities of a whole article, for tests: `text` may start with a
/// `date YYYY-MM-DD` header, which `date` overrides. Gives each entity's text,
/// label and value.
#[doc(hidden)]
pub fn numeric_entities_for_test(
    text: &str,
    date: Option<&str>,
) -> Vec<(String, Label, Option<Value>)> {
    use crate::text::{paragraphs, sentences, split_header, tokenize};
    let (header, body) = split_header(text);
    let date = date.and_then(Date::parse_iso).or(header.map(|h| h.date));
    let paras = paragraphs(text, body);
    let mut tokens = Vec::new();
    for p in &paras {
        tokenize(text, *p, &mut tokens);
    }
    let spans = sentences(text, &tokens, &paras);
    recognize(text, &tokens, &spans, date)
        .into_iter()
        .map(|e| (e.span.of(text).to_string(), e.label, e.value))
        .collect()
}
