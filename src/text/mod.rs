//! The text layer: header, paragraphs, tokens and sentences, all as byte spans.

mod header;
mod paragraphs;
mod sentences;
mod tokens;

pub use header::{split_header, Header};
pub use paragraphs::paragraphs;
pub use sentences::sentences;
pub use tokens::{tokenize, Token, TokenKind};

/// The token index ranges `first..end` of `spans` (in order, not overlapping):
/// the tokens that lie inside each span.
pub fn token_ranges(
    tokens: &[Token],
    spans: impl IntoIterator<Item = Span>,
) -> Vec<(usize, usize)> {
    let mut t = 0;
    spans
        .into_iter()
        .map(|s| {
            while t < tokens.len() && tokens[t].span.start < s.start {
                t += 1;
            }
            let first = t;
            while t < tokens.len() && tokens[t].span.end <= s.end {
                t += 1;
            }
            (first, t)
        })
        .collect()
}

/// A half-open byte range `start..end` into the text the caller passed.
///
/// Both ends lie on `char` boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// The span `start..end`.
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The spanned slice of `text`.
    pub fn of<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    /// Length in bytes.
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span is empty.
    pub const fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// Whether `other` lies within this span.
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}
