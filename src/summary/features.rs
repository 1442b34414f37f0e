//! Per-sentence features for the summary scorer.
//!
//! Each sentence gets a fixed-length vector of [`COUNT`] numbers, named in
//! [`NAMES`]; the scorer in `super` takes a weighted sum. To add a feature
//! (entity salience from the tagger, say): append its name to [`NAMES`],
//! compute it in [`features`], and rerun `tools/train_summary.py`, which
//! regenerates the weights in `weights.rs` (a length mismatch does not compile).
//!
//! Words are compared as terms: lowercased, a plural `s`/`ies` folded, function
//! words dropped, and hashed so that no string is allocated per token.

use std::collections::HashSet;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

use crate::text::{Span, Token, TokenKind};

/// The feature names, in vector order. `weights.rs` repeats them and a test
/// checks that the two lists agree.
#[cfg_attr(not(any(test, feature = "eval")), allow(dead_code))]
pub(crate) const NAMES: [&str; COUNT] = [
    "position",
    "inverse_position",
    "first",
    "paragraph_start",
    "paragraph_position",
    "log_words",
    "short",
    "centroid",
    "mean_frequency",
    "sum_frequency",
    "frequency_rank",
    "title_overlap",
    "quoted",
    "opens_with_quote",
    "attribution",
    "numbers",
    "proper_salience",
    "question",
];

/// The number of features.
pub(crate) const COUNT: usize = 18;

/// One sentence's features.
pub(crate) type Vector = [f32; COUNT];

/// A sentence as the scorer sees it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Unit {
    /// Where the sentence is.
    pub span: Span,
    /// Index of its paragraph.
    pub paragraph: usize,
    /// Its tokens: a range of the token slice.
    pub tokens: (usize, usize),
}

/// Computes the feature vector of every sentence.
///
/// `title`, when given, is the headline; the sentences come from the article body.
pub(crate) fn features(
    text: &str,
    units: &[Unit],
    tokens: &[Token],
    title: Option<&str>,
) -> Vec<Vector> {
    let n = units.len();
    let paragraphs = units.last().map_or(1, |u| u.paragraph + 1);
    // Document term counts, and each sentence's content terms.
    let mut counts: TermMap<u32> =
        TermMap::with_capacity_and_hasher(tokens.len() / 2, Default::default());
    // Every sentence's content terms (hash, capitalised), one after the other.
    let mut terms: Vec<(u64, bool)> = Vec::with_capacity(tokens.len());
    let mut ends: Vec<usize> = Vec::with_capacity(n);
    for u in units {
        let toks = &tokens[u.tokens.0..u.tokens.1];
        let mut first_word = true;
        for t in toks {
            if !is_word(t.kind) {
                continue;
            }
            let w = t.span.of(text);
            let capital = !first_word && w.chars().next().is_some_and(char::is_uppercase);
            first_word = false;
            let h = term(w);
            if w.len() > MAX_STOPWORD_LEN || !is_stopword(h) {
                *counts.entry(h).or_insert(0) += 1;
                terms.push((h, capital));
            }
        }
        ends.push(terms.len());
    }
    let max_count = counts.values().copied().max().unwrap_or(1).max(1) as f32;
    let doc_norm = counts
        .values()
        .map(|&c| (c as f32) * (c as f32))
        .sum::<f32>()
        .sqrt()
        .max(1.0);
    let title_terms: Vec<u64> = title.map_or_else(Vec::new, |t| {
        let mut v: Vec<u64> = t
            .split(|c: char| !(c.is_alphanumeric() || c == '-'))
            .filter(|w| !w.is_empty())
            .map(term)
            .filter(|&h| !is_stopword(h))
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    });

    let mut out = vec![[0f32; COUNT]; n];
    let mut sums = vec![0f32; n];
    let mut propers = vec![0f32; n];
    let mut inside_quote = false;
    // The document count of every term occurrence, and a scratch list.
    let doc: Vec<f32> = terms.iter().map(|(h, _)| counts[h] as f32).collect();
    let mut sorted: Vec<u64> = Vec::with_capacity(64);
    for (i, u) in units.iter().enumerate() {
        let f = &mut out[i];
        let toks = &tokens[u.tokens.0..u.tokens.1];
        if i == 0 || units[i - 1].paragraph != u.paragraph {
            inside_quote = false;
        }
        let (mut words, mut numbers, mut quoted, mut attribution) = (0usize, 0usize, 0usize, false);
        let mut opens_with_quote = false;
        for (k, t) in toks.iter().enumerate() {
            let w = t.span.of(text);
            match t.kind {
                TokenKind::Punct | TokenKind::Symbol => match w {
                    "“" | "«" => inside_quote = true,
                    "”" | "»" => inside_quote = false,
                    "\"" => inside_quote = !inside_quote,
                    _ => {}
                },
                _ => {}
            }
            if k == 0 && matches!(w, "“" | "\"" | "«" | "'" | "‘") {
                opens_with_quote = true;
            }
            if is_word(t.kind) {
                words += 1;
                if t.kind == TokenKind::Number {
                    numbers += 1;
                }
                if inside_quote {
                    quoted += 1;
                }
                if (4..=9).contains(&w.len())
                    && ["said", "says", "told", "added", "according"]
                        .iter()
                        .any(|a| w.eq_ignore_ascii_case(a))
                {
                    attribution = true;
                }
            }
        }
        let range = if i == 0 { 0 } else { ends[i - 1] }..ends[i];
        let (ts, cs) = (&terms[range.clone()], &doc[range]);
        // Each occurrence of a term adds its document count: the dot product
        // of the sentence's and the document's term-count vectors.
        let dot: f32 = cs.iter().sum();
        sorted.clear();
        sorted.extend(ts.iter().map(|t| t.0));
        sorted.sort_unstable();
        let sentence_norm = (sorted
            .chunk_by(|a, b| a == b)
            .map(|run| (run.len() * run.len()) as f32)
            .sum::<f32>())
        .sqrt()
        .max(1.0);
        let repeated: f32 = cs.iter().map(|c| c - 1.0).sum();
        let proper: f32 = ts
            .iter()
            .zip(cs)
            .filter(|((_, capital), _)| *capital)
            .map(|(_, c)| c - 1.0)
            .sum();
        let title_hits = title_terms
            .iter()
            .filter(|h| sorted.binary_search(h).is_ok())
            .count();

        f[0] = i as f32 / (n.max(2) - 1) as f32;
        f[1] = 1.0 / (1.0 + i as f32);
        f[2] = f32::from(i == 0);
        f[3] = f32::from(i == 0 || units[i - 1].paragraph != u.paragraph);
        f[4] = u.paragraph as f32 / (paragraphs.max(2) - 1) as f32;
        f[5] = (1.0 + words as f32).ln();
        f[6] = f32::from(words < 10);
        f[7] = dot / (sentence_norm * doc_norm);
        f[8] = if ts.is_empty() {
            0.0
        } else {
            dot / (ts.len() as f32 * max_count)
        };
        sums[i] = repeated;
        propers[i] = proper;
        f[11] = if title_terms.is_empty() {
            0.0
        } else {
            title_hits as f32 / title_terms.len() as f32
        };
        f[12] = if words == 0 {
            0.0
        } else {
            quoted as f32 / words as f32
        };
        f[13] = f32::from(opens_with_quote);
        f[14] = f32::from(attribution);
        f[15] = if words == 0 {
            0.0
        } else {
            numbers as f32 / words as f32
        };
        f[17] = f32::from(
            u.span
                .of(text)
                .trim_end_matches(['"', '”', '’', '\'', ')'])
                .ends_with('?'),
        );
    }
    // Features relative to the rest of the document.
    let max_sum = sums.iter().copied().fold(0.0, f32::max).max(1.0);
    let max_proper = propers.iter().copied().fold(0.0, f32::max).max(1.0);
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| sums[b].total_cmp(&sums[a]).then(a.cmp(&b)));
    for (rank, &i) in order.iter().enumerate() {
        out[i][9] = sums[i] / max_sum;
        out[i][10] = 1.0 - rank as f32 / n.max(2) as f32;
        out[i][16] = propers[i] / max_proper;
    }
    out
}

/// Words, numbers and abbreviations count as words; clitics and punctuation do not.
pub(crate) fn is_word(kind: TokenKind) -> bool {
    matches!(
        kind,
        TokenKind::Word | TokenKind::Number | TokenKind::Abbreviation
    )
}

/// The hash of a word's term: lowercased, with a plural `-s` or `-ies` folded.
fn term(word: &str) -> u64 {
    let b = word.as_bytes();
    let lower_end = |i: usize| b[i].to_ascii_lowercase();
    let (stem, suffix): (&str, &[u8]) = if b.len() > 4
        && word.is_char_boundary(b.len() - 3)
        && lower_end(b.len() - 3) == b'i'
        && lower_end(b.len() - 2) == b'e'
        && lower_end(b.len() - 1) == b's'
    {
        (&word[..b.len() - 3], b"y")
    } else if b.len() > 3 && lower_end(b.len() - 1) == b's' && lower_end(b.len() - 2) != b's' {
        (&word[..b.len() - 1], b"")
    } else {
        (word, b"")
    };
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    if stem.is_ascii() {
        // The common case, byte by byte; the same hash as the general case below.
        for &c in stem.as_bytes().iter().chain(suffix) {
            h = (h ^ u64::from(c.to_ascii_lowercase())).wrapping_mul(PRIME);
        }
    } else {
        for c in stem.chars().flat_map(char::to_lowercase) {
            h = (h ^ u64::from(c)).wrapping_mul(PRIME);
        }
        for &c in suffix {
            h = (h ^ u64::from(c)).wrapping_mul(PRIME);
        }
    }
    h
}

/// Function words, which say nothing about what a sentence is about.
const STOPWORDS: &[&str] = &[
    "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be",
    "been", "before", "being", "but", "by", "can", "could", "did", "do", "does", "for", "from",
    "had", "has", "have", "he", "her", "here", "him", "his", "how", "i", "if", "in", "into", "is",
    "it", "its", "just", "may", "me", "might", "more", "most", "mr", "mrs", "ms", "much", "must",
    "my", "no", "not", "now", "of", "on", "one", "only", "or", "other", "our", "out", "over",
    "said", "say", "says", "she", "should", "so", "some", "such", "than", "that", "the", "their",
    "them", "then", "there", "these", "they", "this", "those", "to", "told", "too", "under", "up",
    "us", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom",
    "why", "will", "with", "would", "yet", "you", "your",
];

/// The length in bytes of the longest stop word, so that longer words skip the lookup.
const MAX_STOPWORD_LEN: usize = 6;

fn is_stopword(h: u64) -> bool {
    static HASHES: OnceLock<HashSet<u64, BuildHasherDefault<crate::hash::Identity>>> =
        OnceLock::new();
    HASHES
        .get_or_init(|| STOPWORDS.iter().map(|w| term(w)).collect())
        .contains(&h)
}

/// A map keyed by term hashes, which are already well mixed.
type TermMap<V> = crate::hash::HashMap<u64, V>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_fold_case_and_plurals() {
        assert_eq!(term("Sanctions"), term("sanction"));
        assert_eq!(term("companies"), term("company"));
        assert_eq!(term("class"), term("CLASS"));
        assert_ne!(term("class"), term("clas"));
        assert_eq!(term("Ürün"), term("ürün"));
        assert!(is_stopword(term("The")));
        assert!(!is_stopword(term("Belarus")));
        assert_eq!(
            STOPWORDS.iter().map(|w| w.len()).max(),
            Some(MAX_STOPWORD_LEN)
        );
        assert_eq!(term("Ünion"), term("ünion"));
    }
}
