//! Sentence boundaries over tokens, paragraph by paragraph.
//!
//! A sentence ends at `.`, `!`, `?` or an ellipsis (with the closing quotes and
//! brackets glued to it) when the next token can start a sentence; at some
//! abbreviations when the next word is a typical sentence opener (`the U.S. The
//! new sanctions`); at a line break unless the next line visibly continues the
//! sentence; and at the end of a paragraph, so headlines and bylines without a
//! final stop stand alone.

use super::{Span, Token, TokenKind};

/// Sentence spans of `text`, given its `tokens` (in order) and `paragraphs`.
///
/// Every sentence lies within one paragraph, starts at its first token and
/// ends at its last; sentences are in order and do not overlap.
pub fn sentences(text: &str, tokens: &[Token], paragraphs: &[Span]) -> Vec<Span> {
    let mut out = Vec::new();
    for (first, end) in super::token_ranges(tokens, paragraphs.iter().copied()) {
        split_paragraph(text, &tokens[first..end], &mut out);
    }
    out
}

fn split_paragraph(text: &str, toks: &[Token], out: &mut Vec<Span>) {
    let mut start = 0;
    let mut i = 0;
    while i < toks.len() {
        let word = toks[i].span.of(text);
        let mut last = i;
        let mut split = false;
        if is_terminator(toks[i], word) {
            // absorb further terminators and glued closing quotes/brackets
            while last + 1 < toks.len() && glued_closer(text, toks, last + 1) {
                last += 1;
            }
            split = last + 1 == toks.len() || can_start_after_stop(text, toks[last + 1]);
        } else if toks[i].kind == TokenKind::Abbreviation && i + 1 < toks.len() {
            split = abbreviation_ends(word, text, toks[i + 1]);
        }
        if !split && last + 1 < toks.len() && line_break_between(text, toks[last], toks[last + 1]) {
            split = !continues_line(text, toks[last], toks[last + 1]);
        }
        if split || last + 1 == toks.len() {
            out.push(Span::new(toks[start].span.start, toks[last].span.end));
            start = last + 1;
        }
        i = last + 1;
    }
}

fn is_terminator(tok: Token, word: &str) -> bool {
    tok.kind == TokenKind::Punct && (word.starts_with('.') || matches!(word, "!" | "?" | "…"))
}

/// Whether token `j` is a terminator or a closing quote/bracket glued to the token before it.
fn glued_closer(text: &str, toks: &[Token], j: usize) -> bool {
    let w = toks[j].span.of(text);
    if is_terminator(toks[j], w) {
        return true;
    }
    let glued = toks[j - 1].span.end == toks[j].span.start;
    let closing = matches!(w, "”" | "’" | "»" | ")" | "]" | "}")
        || (matches!(w, "\"" | "'")
            && text[toks[j].span.end..]
                .chars()
                .next()
                .is_none_or(|c| c.is_whitespace() || "\"'”’)]".contains(c)));
    glued && closing
}

/// Whether a sentence can start at `next` after a full stop, `!`, `?` or ellipsis.
fn can_start_after_stop(text: &str, next: Token) -> bool {
    let w = next.span.of(text);
    let Some(c) = w.chars().next() else {
        return false;
    };
    if c.is_lowercase() {
        return false;
    }
    c.is_alphanumeric()
        || matches!(
            c,
            '“' | '"' | '‘' | '\'' | '(' | '[' | '«' | '¿' | '¡' | '—' | '-' | '•' | '*'
        )
        || next.kind == TokenKind::Symbol
        || next.kind == TokenKind::Link
}

/// Abbreviations that can end a sentence, and when.
fn abbreviation_ends(abbr: &str, text: &str, next: Token) -> bool {
    let w = next.span.of(text);
    let starts_upper = w.chars().next().is_some_and(char::is_uppercase);
    if !starts_upper {
        return false;
    }
    let stem = &abbr[..abbr.len() - 1];
    match stem {
        // titles and "No." never end a sentence; nor do initials ("J.") or "e.g."
        "Mr" | "Mrs" | "Ms" | "Dr" | "Prof" | "Gen" | "Sen" | "Sens" | "Rep" | "Reps" | "Gov"
        | "Lt" | "Col" | "Capt" | "Sgt" | "St" | "Mt" | "Ft" | "Rev" | "Hon" | "Pres" | "Adm"
        | "Brig" | "Cmdr" | "Cpl" | "Maj" | "Supt" | "Messrs" | "No" | "Nos" | "vs" | "Fig" => {
            false
        }
        _ if stem.chars().count() == 1 => false,
        "e.g" | "i.e" | "E.g" | "I.e" => false,
        // times and company suffixes usually end a sentence before a capital,
        // unless an all-caps word (a zone such as EST) follows
        "a.m" | "p.m" | "etc" | "Inc" | "Ltd" | "Co" | "Corp" | "Jr" | "Sr" => {
            !(w.len() > 1 && w.chars().all(|c| c.is_uppercase())) || is_opener(w)
        }
        // "U.S." and months are mostly followed by names inside the sentence
        _ => is_opener(w),
    }
}

/// Capitalised function words that typically open a sentence (sorted).
const OPENERS: &[&str] = &[
    "A",
    "After",
    "Also",
    "Although",
    "An",
    "And",
    "As",
    "At",
    "Because",
    "Before",
    "But",
    "By",
    "During",
    "Earlier",
    "For",
    "From",
    "He",
    "Her",
    "Here",
    "His",
    "How",
    "However",
    "I",
    "If",
    "In",
    "It",
    "Its",
    "Last",
    "Later",
    "Meanwhile",
    "More",
    "Most",
    "No",
    "Now",
    "On",
    "One",
    "Only",
    "Our",
    "She",
    "Since",
    "So",
    "Some",
    "That",
    "The",
    "Their",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Though",
    "To",
    "Two",
    "Under",
    "We",
    "What",
    "When",
    "Where",
    "While",
    "Who",
    "With",
    "Yet",
    "You",
];

fn is_opener(w: &str) -> bool {
    OPENERS.binary_search(&w).is_ok()
}

fn line_break_between(text: &str, a: Token, b: Token) -> bool {
    text[a.span.end..b.span.start].contains('\n')
}

/// Whether the line after `prev` continues its sentence: it starts in lower case,
/// or the previous line ends with a comma, colon, dash, or opening bracket/quote.
fn continues_line(text: &str, prev: Token, next: Token) -> bool {
    let p = prev.span.of(text);
    let n = next.span.of(text);
    n.chars().next().is_some_and(char::is_lowercase)
        || matches!(
            p,
            "," | ";" | ":" | "-" | "–" | "—" | "(" | "[" | "“" | "‘" | "&"
        )
}

#[cfg(test)]
mod tests {
    #[test]
    fn word_lists_are_sorted_for_binary_search() {
        assert!(super::OPENERS.windows(2).all(|w| w[0] < w[1]));
    }
}
