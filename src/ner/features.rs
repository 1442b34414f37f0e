//! Feature extraction for the tagger, shared by training and inference.
//!
//! Each token gets about 45 hashed features: the word, its lower-cased form,
//! shape, prefixes and suffixes; the same for neighbours within the sentence;
//! word clusters; gazetteer matches of the word and of phrases around it; and
//! document-level evidence (is the word capitalised mid-sentence elsewhere in
//! the article? written in lower case elsewhere?), which lets the tagger read
//! all-caps headlines and sentence-initial words.

use super::lexicon::{gaz, phrase_next, phrase_start, Lexicon, WordInfo, MAX_PHRASE};
use crate::hash::{self, HashMap};
use crate::text::{token_ranges, Span, Token};

// Feature templates. Changing any of them changes the model format version.
const T_BIAS: u64 = 1;
const T_WORD: u64 = 2;
const T_LOWER: u64 = 3;
const T_SHAPE: u64 = 4;
const T_SSHAPE: u64 = 5;
const T_PREFIX: u64 = 10; // + length 1..=4
const T_SUFFIX: u64 = 20; // + length 1..=4
const T_LOWER_AT: u64 = 30; // + offset index
const T_SSHAPE_AT: u64 = 40;
const T_BIGRAM_LEFT: u64 = 50;
const T_BIGRAM_RIGHT: u64 = 51;
const T_SHAPE3: u64 = 52;
const T_C1024_AT: u64 = 60;
const T_GAZ: u64 = 80; // + bit
const T_GAZ_LEFT: u64 = 90;
const T_GAZ_RIGHT: u64 = 100;
const T_PHRASE_BEGIN: u64 = 110;
const T_PHRASE_INSIDE: u64 = 120;
const T_FLAG: u64 = 130; // + flag bit
const T_FLAG_SHAPE: u64 = 150; // flag bit x short shape
const T_INITIAL_LOWER: u64 = 170;
const T_HEADLINE_LOWER: u64 = 171;

/// Token flags.
const F_INITIAL: u16 = 1;
const F_HEADLINE: u16 = 2;
const F_DOC_CAPITALISED: u16 = 4;
const F_DOC_LOWER: u16 = 8;
const F_CAPITALISED: u16 = 16;
const F_ALL_CAPS: u16 = 32;
const F_HAS_DIGIT: u16 = 64;
const F_AFTER_QUOTE: u16 = 128;
const FLAG_BITS: u32 = 8;

/// Hashes standing for positions outside the sentence.
const BEFORE: u64 = 0x0b0f;
const AFTER: u64 = 0x0e0f;

/// Per-token facts of one document, computed once.
pub(crate) struct DocFeatures {
    lower: Vec<String>,
    exact: Vec<u64>,
    lower_hash: Vec<u64>,
    shape: Vec<u64>,
    short_shape: Vec<u64>,
    info: Vec<WordInfo>,
    /// Gazetteer bits of the longest phrase starting at / covering each token.
    phrase_begin: Vec<u8>,
    phrase_inside: Vec<u8>,
    flags: Vec<u16>,
    /// Sentences as token index ranges.
    pub sentences: Vec<(usize, usize)>,
}

impl DocFeatures {
    /// Computes the per-token facts of a document.
    pub fn new(text: &str, tokens: &[Token], sentences: &[Span], lexicon: &Lexicon) -> DocFeatures {
        let n = tokens.len();
        let mut d = DocFeatures {
            lower: Vec::with_capacity(n),
            exact: Vec::with_capacity(n),
            lower_hash: Vec::with_capacity(n),
            shape: Vec::with_capacity(n),
            short_shape: Vec::with_capacity(n),
            info: Vec::with_capacity(n),
            phrase_begin: vec![0; n],
            phrase_inside: vec![0; n],
            flags: vec![0; n],
            sentences: Vec::with_capacity(sentences.len()),
        };
        for t in tokens {
            let w = t.span.of(text);
            let lower = w.to_lowercase();
            let (shape, short) = shapes(w);
            d.exact.push(hash::str(w));
            let lh = hash::str(&lower);
            d.lower_hash.push(lh);
            d.info.push(lexicon.word(lh));
            d.shape.push(shape);
            d.short_shape.push(short);
            d.lower.push(lower);
        }
        // sentences as token ranges
        d.sentences = token_ranges(tokens, sentences.iter().copied());
        // flags and document evidence
        let mut capitalised_mid: HashMap<u64, ()> = HashMap::default();
        let mut lower_seen: HashMap<u64, ()> = HashMap::default();
        for &(a, b) in &d.sentences {
            let headline = is_headline(text, &tokens[a..b]);
            for i in a..b {
                let w = tokens[i].span.of(text);
                let first = w.chars().next().unwrap_or(' ');
                let mut f = 0;
                if i == a {
                    f |= F_INITIAL;
                }
                if headline {
                    f |= F_HEADLINE;
                }
                if first.is_uppercase() {
                    f |= F_CAPITALISED;
                    if w.chars()
                        .filter(|c| c.is_alphabetic())
                        .all(char::is_uppercase)
                        && w.chars().count() > 1
                    {
                        f |= F_ALL_CAPS;
                    }
                    if i > a && !headline {
                        capitalised_mid.insert(d.lower_hash[i], ());
                    }
                } else if first.is_lowercase() {
                    lower_seen.insert(d.lower_hash[i], ());
                }
                if w.bytes().any(|b| b.is_ascii_digit()) {
                    f |= F_HAS_DIGIT;
                }
                if i > a && matches!(tokens[i - 1].span.of(text), "“" | "\"" | "‘" | "'" | "(")
                {
                    f |= F_AFTER_QUOTE;
                }
                d.flags[i] = f;
            }
            // longest gazetteer phrase at each start
            for i in a..b {
                let mut h = phrase_start(&d.lower[i]);
                let mut best = (0, 0u8);
                for j in i + 1..b.min(i + MAX_PHRASE) {
                    h = phrase_next(h, &d.lower[j]);
                    let bits = lexicon.phrase(h);
                    if bits != 0 {
                        best = (j + 1 - i, bits);
                    }
                }
                if best.0 > 0 {
                    d.phrase_begin[i] |= best.1;
                    for k in i + 1..i + best.0 {
                        d.phrase_inside[k] |= best.1;
                    }
                }
            }
        }
        for i in 0..n {
            if capitalised_mid.contains_key(&d.lower_hash[i]) {
                d.flags[i] |= F_DOC_CAPITALISED;
            }
            if lower_seen.contains_key(&d.lower_hash[i]) {
                d.flags[i] |= F_DOC_LOWER;
            }
        }
        d
    }

    /// Appends the features of token `i` of the sentence `a..b` to `out`.
    #[cfg(feature = "train")]
    pub fn token(&self, a: usize, b: usize, i: usize, out: &mut Vec<u64>) {
        self.token_word(i, out);
        self.token_context(a, b, i, out);
    }

    /// Key of the token's own word: tokens with equal keys have equal
    /// [`DocFeatures::token_word`] features.
    pub fn word_key(&self, i: usize) -> u64 {
        self.exact[i]
    }

    /// The features of token `i` that depend on its word alone (so the
    /// tagger can cache their scores per word).
    pub fn token_word(&self, i: usize, out: &mut Vec<u64>) {
        let mut f = |t: u64, v: u64| out.push(hash::mix(t, v));
        f(T_BIAS, 0);
        f(T_WORD, self.exact[i]);
        f(T_LOWER, self.lower_hash[i]);
        f(T_SHAPE, self.shape[i]);
        f(T_SSHAPE, self.short_shape[i]);
        let lower = &self.lower[i];
        let chars = lower.chars().count();
        if chars > 1 {
            for (k, (idx, _)) in lower.char_indices().skip(1).take(4).enumerate() {
                f(T_PREFIX + k as u64, hash::str(&lower[..idx]));
            }
            for (k, (idx, _)) in lower
                .char_indices()
                .rev()
                .take(4.min(chars - 1))
                .enumerate()
            {
                f(T_SUFFIX + k as u64, hash::str(&lower[idx..]));
            }
        }
        let c = self.info[i].c1024;
        if c != 0 {
            f(T_C1024_AT + 1, u64::from(c));
        }
        for k in gaz_bits(self.info[i].gaz) {
            f(T_GAZ + k, 0);
        }
    }

    /// The features of token `i` of the sentence `a..b` that depend on its
    /// neighbours, its position and the document.
    pub fn token_context(&self, a: usize, b: usize, i: usize, out: &mut Vec<u64>) {
        let at = |k: isize| -> Option<usize> {
            let j = i as isize + k;
            (j >= a as isize && j < b as isize).then_some(j as usize)
        };
        let lower_at =
            |k: isize| at(k).map_or(if k < 0 { BEFORE } else { AFTER }, |j| self.lower_hash[j]);
        let sshape_at =
            |k: isize| at(k).map_or(if k < 0 { BEFORE } else { AFTER }, |j| self.short_shape[j]);
        let mut f = |t: u64, v: u64| out.push(hash::mix(t, v));

        for (slot, k) in [-2isize, -1, 1, 2].into_iter().enumerate() {
            f(T_LOWER_AT + slot as u64, lower_at(k));
        }
        f(T_SSHAPE_AT, sshape_at(-1));
        f(T_SSHAPE_AT + 1, sshape_at(1));
        f(T_BIGRAM_LEFT, hash::mix(lower_at(-1), self.lower_hash[i]));
        f(T_BIGRAM_RIGHT, hash::mix(self.lower_hash[i], lower_at(1)));
        f(
            T_SHAPE3,
            hash::mix(hash::mix(sshape_at(-1), self.short_shape[i]), sshape_at(1)),
        );
        for (slot, k) in [(0, -1isize), (2, 1)] {
            let c = at(k).map_or(0, |j| self.info[j].c1024);
            if c != 0 {
                f(T_C1024_AT + slot, u64::from(c));
            }
        }
        let bits = gaz_bits;
        if let Some(j) = at(-1) {
            for k in bits(self.info[j].gaz) {
                f(T_GAZ_LEFT + k, 0);
            }
        }
        if let Some(j) = at(1) {
            for k in bits(self.info[j].gaz) {
                f(T_GAZ_RIGHT + k, 0);
            }
        }
        for k in bits(self.phrase_begin[i]) {
            f(T_PHRASE_BEGIN + k, 0);
        }
        for k in bits(self.phrase_inside[i]) {
            f(T_PHRASE_INSIDE + k, 0);
        }
        let flags = self.flags[i];
        for k in 0..FLAG_BITS {
            if flags & (1 << k) != 0 {
                f(T_FLAG + u64::from(k), 0);
                f(T_FLAG_SHAPE + u64::from(k), self.short_shape[i]);
            }
        }
        if flags & F_INITIAL != 0 {
            f(T_INITIAL_LOWER, self.lower_hash[i]);
        }
        if flags & F_HEADLINE != 0 {
            f(T_HEADLINE_LOWER, self.lower_hash[i]);
        }
    }
}

/// The set bits of a gazetteer byte.
fn gaz_bits(b: u8) -> impl Iterator<Item = u64> {
    (0..gaz::COUNT as u64).filter(move |k| b & (1 << k) != 0)
}

/// Whether a sentence is written in capitals (a headline or dateline).
fn is_headline(text: &str, tokens: &[Token]) -> bool {
    let mut letters = 0;
    for t in tokens {
        for c in t.span.of(text).chars() {
            if c.is_lowercase() {
                return false;
            }
            if c.is_uppercase() {
                letters += 1;
            }
        }
    }
    letters >= 4
}

/// The shape of a word (`Xxxxx` -> "Xxxxx" capped at 10 chars) and its short
/// shape (runs collapsed: "Xx"), as hashes.
fn shapes(w: &str) -> (u64, u64) {
    let mut full = hash::start();
    let mut short = hash::start();
    let mut last = 0u8;
    for (n, c) in w.chars().enumerate() {
        let s = if c.is_uppercase() {
            b'X'
        } else if c.is_lowercase() {
            b'x'
        } else if c.is_ascii_digit() {
            b'd'
        } else if c.is_alphabetic() {
            b'a'
        } else if c.is_ascii() {
            c as u8
        } else {
            b'*'
        };
        if n < 10 {
            full = hash::bytes(full, &[s]);
        }
        if s != last {
            short = hash::bytes(short, &[s]);
            last = s;
        }
    }
    (full, short)
}
