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
//! Values are anchored to the article date by [`resolve()`]; relative
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
    for (first, end) in crate::text::token_ranges(tokens, sentences.iter().copied()) {
        let toks = &tokens[first..end];
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

/// The numeric entities of a whole article as `analyze()` finds them before
/// the tagger has its say: `text` may start with a `date YYYY-MM-DD` header,
/// which `date` overrides.
pub(crate) fn recognize_article(text: &str, date: Option<Date>) -> Vec<NumericEntity> {
    use crate::text::{paragraphs, sentences, split_header, tokenize};
    let (header, body) = split_header(text);
    let date = date.or(header.map(|h| h.date));
    let paras = paragraphs(text, body);
    let mut tokens = Vec::new();
    for p in &paras {
        tokenize(text, *p, &mut tokens);
    }
    let spans = sentences(text, &tokens, &paras);
    recognize(text, &tokens, &spans, date)
}

/// The numeric entities of a whole article, for tests: `text` may start with a
/// `date YYYY-MM-DD` header, which `date` overrides. Gives each entity's text,
/// label and value.
#[doc(hidden)]
pub fn numeric_entities_for_test(
    text: &str,
    date: Option<&str>,
) -> Vec<(String, Label, Option<Value>)> {
    recognize_article(text, date.and_then(Date::parse_iso))
        .into_iter()
        .map(|e| (e.span.of(text).to_string(), e.label, e.value))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{paragraphs, sentences, split_header, tokenize};

    fn entities(text: &str, date: Option<Date>) -> Vec<NumericEntity> {
        let (_, body) = split_header(text);
        let paras = paragraphs(text, body);
        let mut tokens = Vec::new();
        for p in &paras {
            tokenize(text, *p, &mut tokens);
        }
        let spans = sentences(text, &tokens, &paras);
        let found = recognize(text, &tokens, &spans, date);
        // spans in bounds, on token boundaries, sorted, not overlapping
        let mut last = 0;
        for e in &found {
            assert!(
                e.span.start >= last && e.span.start < e.span.end,
                "{e:?} in {text:?}"
            );
            let starts = tokens.binary_search_by_key(&e.span.start, |t| t.span.start);
            let ends = tokens.binary_search_by_key(&e.span.end, |t| t.span.end);
            assert!(
                starts.is_ok() && ends.is_ok(),
                "{e:?} not on token boundaries"
            );
            assert!(e.label.is_numeric());
            last = e.span.end;
        }
        found
    }

    /// Fragments that exercise every pattern, and text that must not upset them.
    const PIECES: &[&str] = &[
        "$",
        "A$",
        "£",
        "€",
        "¥",
        "Rs",
        "3",
        "27c",
        "2.5bn",
        "1,000",
        "10:30",
        "7",
        "p.m.",
        "am",
        "1400",
        "GMT",
        "EDT",
        "2020",
        "1990s",
        "'90s",
        "mid-2021",
        "Q3",
        "H1",
        "the",
        "first",
        "quarter",
        "half",
        "of",
        "fiscal",
        "FY21",
        "Aug.",
        "9",
        "May",
        "Friday",
        ",",
        ".",
        "last",
        "this",
        "next",
        "week",
        "weekend",
        "month",
        "years",
        "ago",
        "later",
        "earlier",
        "less",
        "than",
        "about",
        "between",
        "and",
        "to",
        "tens",
        "hundreds",
        "thousands",
        "million",
        "a",
        "dozen",
        "one",
        "twenty-five",
        "per",
        "cent",
        "%",
        "percentage",
        "points",
        "tonnes",
        "km",
        "/",
        "h",
        "degrees",
        "square",
        "minus",
        "night",
        "morning",
        "3-1",
        "2020-10-16",
        "16/10/2020",
        "2014/15",
        "35-year-old",
        "-",
        "€5",
        "👩‍👩‍👧",
        "東京",
        "مرحبا",
        "e\u{301}",
        "\u{200D}",
        "\n",
        "\n\n",
        "“",
        "”",
        "’",
        "'",
        "0",
        "99999999999999999999999",
        "1.",
        ".5",
        "1,00",
        "2,000,000",
        "Sunday",
        "18",
        "October",
        "century",
        "twenty-first",
        "o'clock",
        "noon",
        "the",
        "end",
        "early",
        "Mid-",
        "date 2020-10-16",
    ];

    #[test]
    fn never_panics_and_spans_are_sound() {
        let mut next = crate::testing::xorshift(0x9E37_79B9_7F4A_7C15);
        let date = Date::new(2020, 10, 16);
        for _ in 0..3000 {
            let n = (next() % 14) as usize;
            let mut text = String::new();
            for _ in 0..n {
                let piece = PIECES[(next() % PIECES.len() as u64) as usize];
                text.push_str(piece);
                match next() % 4 {
                    0 => {}
                    _ => text.push(' '),
                }
            }
            entities(&text, date);
            entities(&text, None);
        }
        // arbitrary chars, including controls and surrogate-free unicode
        for _ in 0..500 {
            let text: String = (0..(next() % 40))
                .filter_map(|_| char::from_u32((next() % 0x3_0000) as u32))
                .collect();
            entities(&text, date);
        }
    }

    #[test]
    fn huge_numbers_do_not_overflow() {
        let date = Date::new(2020, 10, 16);
        let text = "99999999999 years ago, 4294967296 weeks ago, 1e400 and \
                    99999999999999999999999999999999999999999999999999999999999 tonnes, \
                    the 99999999999th century, FY99, 9999-9999, 12/31/9999";
        let found = entities(text, date);
        assert!(found.len() >= 3, "{found:?}");
    }

    #[test]
    fn long_text_is_linear() {
        // 100k tokens of near-misses finish promptly (no per-token rescans).
        let text = "the first half of tens of 3 May , ".repeat(10_000);
        let found = entities(&text, None);
        assert!(found.len() >= 20_000);
    }

    #[test]
    fn dollar_follows_the_dateline() {
        let d = |t: &str| {
            let mut toks = Vec::new();
            tokenize(t, Span::new(0, t.len()), &mut toks);
            dollar(t, &toks)
        };
        assert_eq!(d("SYDNEY (Reuters) - Shares"), "AUD");
        assert_eq!(d("HONG KONG - x"), "HKD");
        assert_eq!(d("HONG is"), "USD");
        assert_eq!(d("Ottawa said"), "USD");
        assert_eq!(d(""), "USD");
    }
}
