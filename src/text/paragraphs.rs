//! Paragraphs: runs of text separated by blank lines.

use super::Span;

/// The paragraphs of `text[body]`: maximal runs of non-blank lines, trimmed of
/// surrounding whitespace. A line holding only whitespace separates paragraphs.
pub fn paragraphs(text: &str, body: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None; // first non-space byte of the current paragraph
    let mut end = body.start; // end of its last non-blank line content
    let mut line_start = body.start;
    let bytes = text.as_bytes();
    let mut i = body.start;
    while i <= body.end {
        if i == body.end || bytes[i] == b'\n' {
            let line = &text[line_start..i];
            let trimmed = line.trim();
            if trimmed.is_empty() {
                if let Some(s) = start.take() {
                    out.push(Span::new(s, end));
                }
            } else {
                let lead = line.len() - line.trim_start().len();
                if start.is_none() {
                    start = Some(line_start + lead);
                }
                end = line_start + lead + trimmed.len();
            }
            line_start = i + 1;
        }
        i += 1;
    }
    if let Some(s) = start {
        out.push(Span::new(s, end));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(text: &str) -> Vec<&str> {
        paragraphs(text, Span::new(0, text.len()))
            .iter()
            .map(|s| s.of(text))
            .collect()
    }

    #[test]
    fn blank_lines_separate() {
        assert_eq!(paras("a b\nc\n\n  d e \n \t\r\nf"), ["a b\nc", "d e", "f"]);
        assert_eq!(paras("\n\n"), Vec::<&str>::new());
        assert_eq!(paras("one"), ["one"]);
        assert_eq!(paras("x\r\n\r\ny"), ["x", "y"]);
    }
}
