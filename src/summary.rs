//! Extractive summaries: sentence scores and the chosen sentences.

use crate::options::SummaryLength;
use crate::text::{Span, Token, TokenKind};

/// The article summary: which sentences to read, and every sentence's score.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Summary {
    /// Indices into [`Analysis::sentences`](crate::Analysis::sentences), in document order.
    pub sentences: Vec<usize>,
    /// One score per sentence, higher is more summary-worthy; 0 for sentences
    /// that are never chosen (bylines, credits, fragments).
    pub scores: Vec<f32>,
}

/// Scores sentences and picks a summary of the requested length.
///
/// The scorer is the lead baseline: earlier sentences score higher, and
/// bylines, credits and fragments score 0.
pub(crate) fn summarize(
    text: &str,
    sentences: &[Span],
    tokens: &[Token],
    length: SummaryLength,
) -> Summary {
    let mut t = 0;
    let mut words = Vec::with_capacity(sentences.len());
    let mut scores = Vec::with_capacity(sentences.len());
    let mut rank = 0usize;
    for s in sentences {
        while t < tokens.len() && tokens[t].span.start < s.start {
            t += 1;
        }
        let first = t;
        while t < tokens.len() && tokens[t].span.end <= s.end {
            t += 1;
        }
        let n = tokens[first..t]
            .iter()
            .filter(|k| {
                matches!(
                    k.kind,
                    TokenKind::Word | TokenKind::Number | TokenKind::Abbreviation
                )
            })
            .count();
        words.push(n);
        if n < 4 || is_credit(s.of(text)) {
            scores.push(0.0);
        } else {
            scores.push(1.0 / (1.0 + rank as f32));
            rank += 1;
        }
    }
    let candidates = scores.iter().filter(|&&s| s > 0.0).count();
    let mut order: Vec<usize> = (0..sentences.len()).filter(|&i| scores[i] > 0.0).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
    let mut chosen = match length {
        SummaryLength::Sentences(n) => order.into_iter().take(n).collect::<Vec<_>>(),
        SummaryLength::Ratio(r) => {
            let n = ((sentences.len() as f64) * r).ceil() as usize;
            order.into_iter().take(n.min(candidates)).collect()
        }
        SummaryLength::Words(budget) => {
            let mut total = 0;
            let mut out = Vec::new();
            for i in order {
                if !out.is_empty() && total + words[i] > budget {
                    break;
                }
                total += words[i];
                out.push(i);
            }
            out
        }
    };
    chosen.sort_unstable();
    Summary {
        sentences: chosen,
        scores,
    }
}

/// Bylines, credits and calls to action that never belong in a summary.
fn is_credit(sentence: &str) -> bool {
    const PREFIXES: &[&str] = &[
        "with files from",
        "reporting by",
        "editing by",
        "writing by",
        "additional reporting",
        "(reporting by",
        "copyright",
        "all rights reserved",
        "click here",
        "sign up",
        "follow us",
        "read more",
        "related:",
        "photo:",
        "image:",
    ];
    let head: String = sentence.chars().take(24).collect::<String>().to_lowercase();
    PREFIXES.iter().any(|p| head.starts_with(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credits() {
        assert!(is_credit("With files from The Associated Press"));
        assert!(is_credit("Reporting by Jane Doe; Editing by John Roe"));
        assert!(!is_credit("Canada slapped new sanctions on Belarus."));
    }
}
