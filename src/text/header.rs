//! The optional `date YYYY-MM-DD` header at the very start of an article.

use super::Span;
use crate::date::Date;

/// The header found at the start of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Header {
    /// The article date the header gives.
    pub date: Date,
    /// Where the header (`date YYYY-MM-DD`) is in the text.
    pub span: Span,
}

/// Splits an optional `date YYYY-MM-DD` header off the start of `text`.
///
/// The header may follow leading whitespace and must be followed by a space,
/// a line break or the end of the text; its date must be a real calendar day.
/// Returns the header, if any, and the span of the article body (from the first
/// non-whitespace character after the header, or after leading whitespace).
///
/// ```
/// let (header, body) = newslens::text::split_header(" date 2020-10-16 Canada said.");
/// assert_eq!(header.unwrap().date.to_string(), "2020-10-16");
/// assert_eq!(body.start, 17);
/// ```
pub fn split_header(text: &str) -> (Option<Header>, Span) {
    let lead = text.len() - text.trim_start().len();
    let rest = &text[lead..];
    let header = rest
        .strip_prefix("date ")
        .and_then(|r| r.get(..10))
        .filter(|_| {
            rest[15..]
                .chars()
                .next()
                .is_none_or(|c| c == ' ' || c == '\t' || c == '\n' || c == '\r')
        })
        .and_then(Date::parse_iso)
        .map(|date| Header {
            date,
            span: Span::new(lead, lead + 15),
        });
    let after = header.map_or(lead, |h| h.span.end);
    let body_start = after + (text.len() - after - text[after..].trim_start().len());
    (header, Span::new(body_start, text.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date_and_body(text: &str) -> (Option<String>, &str) {
        let (h, body) = split_header(text);
        (h.map(|h| h.date.to_string()), body.of(text))
    }

    #[test]
    fn header_forms() {
        assert_eq!(
            date_and_body(" date 2020-10-16 Canada said."),
            (Some("2020-10-16".into()), "Canada said.")
        );
        assert_eq!(
            date_and_body("date 2020-10-16\n\nBody."),
            (Some("2020-10-16".into()), "Body.")
        );
        assert_eq!(
            date_and_body("date 2020-10-16"),
            (Some("2020-10-16".into()), "")
        );
        // Not a header: glued to the next word, invalid day, not at the start.
        assert_eq!(
            date_and_body("date 2020-10-16x y"),
            (None, "date 2020-10-16x y")
        );
        assert_eq!(
            date_and_body("date 2020-02-30 x"),
            (None, "date 2020-02-30 x")
        );
        assert_eq!(
            date_and_body("The date 2020-10-16 x"),
            (None, "The date 2020-10-16 x")
        );
        assert_eq!(date_and_body("date 2020-10-1"), (None, "date 2020-10-1"));
        assert_eq!(date_and_body("  "), (None, ""));
        assert_eq!(
            date_and_body("date 2020-10-16€"),
            (None, "date 2020-10-16€")
        );
    }
}
