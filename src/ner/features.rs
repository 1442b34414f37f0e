//! Feature extraction for the tagger, shared by training and inference.
//!
//! Each token gets about 45 hashed features: the word, its lower-cased form,
//! shape, prefixes and suffixes; the same for neighbours within the sentence;
//! word clusters; gazetteer matches of the word and of phrases around it; and
//! document-level evidence (is the word capitalised mid-sentence elsewhere in
//! the article? written in lower case elsewhere?), which lets the tagger read
//! all-caps headlines and sentence-initial words.

use super::lexicon::{gaz, phrase_next, phrase_start, Lookup, WordInfo, MAX_PHRASE};
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
const T_DOC_LEFT_GAZ: u64 = 180; // + bit
const T_DOC_RIGHT_GAZ: u64 = 190; // + bit
const T_DOC_RUN: u64 = 200; // + run bit

/// Where a capitalised word stands in its run of capitalised words, over the
/// document (`DocFeatures::doc_context`).
const RUN_ALONE: u8 = 1;
const RUN_FIRST: u8 = 2;
const RUN_MIDDLE: u8 = 4;
const RUN_LAST: u8 = 8;

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
///
/// Tokens with the same text share a word type: what depends on the text
/// alone (its hashes, lower-cased form, shapes, lexicon entry, case) is
/// computed once per type, and the tagger caches per type what it can.
pub(crate) struct DocFeatures {
    /// The word type of each token: an index into the per-type vectors.
    types: Vec<u32>,
    /// Per type: hashes of the word and of its lower-cased form.
    exact: Vec<u64>,
    lower_hash: Vec<u64>,
    /// Per type: the lower-cased form, a range of `lower_text`.
    lower_at: Vec<(u32, u32)>,
    lower_text: String,
    /// Per type: full and short shape hashes.
    shape: Vec<u64>,
    short_shape: Vec<u64>,
    /// Per type: the lexicon's entry.
    info: Vec<WordInfo>,
    /// Gazetteer bits of the longest phrase starting at / covering each token.
    phrase_begin: Vec<u8>,
    phrase_inside: Vec<u8>,
    flags: Vec<u16>,
    /// Per capitalised token, what its word's capitalised occurrences across
    /// the document show (0 for other tokens): the gazetteer bits of the
    /// words before them (bits 0-7) and after them (8-15), and their places
    /// in runs of capitalised words (16-19). "Pirelli" once followed by
    /// "SpA" or "Kent" once preceded by "Clark" tells every mention.
    doc_context: Vec<u32>,
    /// Sentences as token index ranges.
    pub sentences: Vec<(usize, usize)>,
}

/// What the flags need to know about a word type's letters.
#[derive(Clone, Copy, Default)]
struct Case {
    /// The first char is upper case / lower case.
    upper_first: bool,
    lower_first: bool,
    /// Upper first, every letter upper case and more than one char.
    all_caps: bool,
    has_digit: bool,
    /// Some char is lower case.
    has_lower: bool,
    /// Upper-case chars, saturating.
    uppers: u8,
    /// An opening quote or bracket (`F_AFTER_QUOTE` of the next token).
    quote: bool,
}

impl Case {
    fn of(w: &str) -> Case {
        let first = w.chars().next().unwrap_or(' ');
        let upper_first = first.is_uppercase();
        Case {
            upper_first,
            lower_first: first.is_lowercase(),
            all_caps: upper_first
                && w.chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase)
                && w.chars().count() > 1,
            has_digit: w.bytes().any(|b| b.is_ascii_digit()),
            has_lower: w.chars().any(char::is_lowercase),
            uppers: w.chars().filter(|c| c.is_uppercase()).count().min(255) as u8,
            quote: matches!(w, "“" | "\"" | "‘" | "'" | "("),
        }
    }
}

impl DocFeatures {
    /// Computes the per-token facts of a document.
    pub fn new(
        text: &str,
        tokens: &[Token],
        sentences: &[Span],
        lexicon: &impl Lookup,
    ) -> DocFeatures {
        let n = tokens.len();
        let mut d = DocFeatures {
            types: Vec::with_capacity(n),
            exact: Vec::new(),
            lower_hash: Vec::new(),
            lower_at: Vec::new(),
            lower_text: String::new(),
            shape: Vec::new(),
            short_shape: Vec::new(),
            info: Vec::new(),
            phrase_begin: vec![0; n],
            phrase_inside: vec![0; n],
            flags: vec![0; n],
            doc_context: vec![0; n],
            sentences: Vec::new(),
        };
        // word types: open addressing on the word's hash, checked against its text
        let mut first_token: Vec<usize> = Vec::new();
        let mut case: Vec<Case> = Vec::new();
        let mask = (2 * n).next_power_of_two().max(16) - 1;
        let mut slots = vec![u32::MAX; mask + 1];
        for (k, t) in tokens.iter().enumerate() {
            let w = t.span.of(text);
            let h = hash::str(w);
            let mut at = spread(h) & mask;
            let ty = loop {
                let s = slots[at];
                if s == u32::MAX {
                    let ty = d.exact.len() as u32;
                    slots[at] = ty;
                    let lower = w.to_lowercase();
                    let lh = hash::str(&lower);
                    let (shape, short) = shapes(w);
                    let start = d.lower_text.len() as u32;
                    d.lower_text.push_str(&lower);
                    d.lower_at.push((start, d.lower_text.len() as u32));
                    d.exact.push(h);
                    d.lower_hash.push(lh);
                    d.info.push(lexicon.word(lh));
                    d.shape.push(shape);
                    d.short_shape.push(short);
                    case.push(Case::of(w));
                    first_token.push(k);
                    break ty;
                }
                if d.exact[s as usize] == h && tokens[first_token[s as usize]].span.of(text) == w {
                    break s;
                }
                at = (at + 1) & mask;
            };
            d.types.push(ty);
        }
        // sentences as token ranges
        d.sentences = token_ranges(tokens, sentences.iter().copied());
        // document evidence is keyed by the lower-cased word's hash
        let mut lower_ids: HashMap<u64, u32> = HashMap::default();
        let lower_id: Vec<u32> = d
            .lower_hash
            .iter()
            .map(|&lh| {
                let next = lower_ids.len() as u32;
                *lower_ids.entry(lh).or_insert(next)
            })
            .collect();
        let mut capitalised_mid = vec![false; lower_ids.len()];
        let mut lower_seen = vec![false; lower_ids.len()];
        let mut context = vec![0u32; lower_ids.len()];
        // flags
        for si in 0..d.sentences.len() {
            let (a, b) = d.sentences[si];
            let headline = is_headline(&d.types[a..b], &case);
            for i in a..b {
                let ty = d.types[i] as usize;
                let c = case[ty];
                let mut f = 0;
                if i == a {
                    f |= F_INITIAL;
                }
                if headline {
                    f |= F_HEADLINE;
                }
                if c.upper_first {
                    f |= F_CAPITALISED;
                    if c.all_caps {
                        f |= F_ALL_CAPS;
                    }
                    if i > a && !headline {
                        capitalised_mid[lower_id[ty] as usize] = true;
                    }
                } else if c.lower_first {
                    lower_seen[lower_id[ty] as usize] = true;
                }
                if c.has_digit {
                    f |= F_HAS_DIGIT;
                }
                if i > a && case[d.types[i - 1] as usize].quote {
                    f |= F_AFTER_QUOTE;
                }
                d.flags[i] = f;
            }
            // longest gazetteer phrase at each start
            for i in a..b {
                let mut h = phrase_start(d.lower(i));
                let mut best = (0, 0u8);
                for j in i + 1..b.min(i + MAX_PHRASE) {
                    h = phrase_next(h, d.lower(j));
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
            if !headline {
                let capital = |j: usize| case[d.types[j] as usize].upper_first;
                for i in a..b {
                    if !capital(i) {
                        continue;
                    }
                    let ty = d.types[i] as usize;
                    let before = i > a && capital(i - 1);
                    let after = i + 1 < b && capital(i + 1);
                    let run = match (before, after) {
                        (false, false) if i > a => RUN_ALONE,
                        (false, false) => 0,
                        (false, true) => RUN_FIRST,
                        (true, true) => RUN_MIDDLE,
                        (true, false) => RUN_LAST,
                    };
                    let gaz_of = |j: usize| d.info[d.types[j] as usize].gaz;
                    let left = if i > a { gaz_of(i - 1) } else { 0 };
                    let right = if i + 1 < b { gaz_of(i + 1) } else { 0 };
                    context[lower_id[ty] as usize] |=
                        u32::from(left) | u32::from(right) << 8 | u32::from(run) << 16;
                }
            }
        }
        for i in 0..n {
            let l = lower_id[d.types[i] as usize] as usize;
            if capitalised_mid[l] {
                d.flags[i] |= F_DOC_CAPITALISED;
            }
            if lower_seen[l] {
                d.flags[i] |= F_DOC_LOWER;
            }
            if d.flags[i] & F_CAPITALISED != 0 {
                d.doc_context[i] = context[l];
            }
        }
        d
    }

    /// The lower-cased text of token `i`.
    fn lower(&self, i: usize) -> &str {
        let (a, b) = self.lower_at[self.types[i] as usize];
        &self.lower_text[a as usize..b as usize]
    }

    /// Appends the features of token `i` of the sentence `a..b` to `out`.
    #[cfg(feature = "train")]
    pub fn token(&self, a: usize, b: usize, i: usize, out: &mut Vec<u64>) {
        let mut f = |t: u64, v: u64| out.push(hash::mix(t, v));
        self.token_word(i, &mut f);
        self.token_context(a, b, i, &mut f);
    }

    /// How many word types the document has.
    pub fn type_count(&self) -> usize {
        self.exact.len()
    }

    /// The word type of token `i`: tokens of one type have equal
    /// [`DocFeatures::token_word`] features.
    pub fn word_type(&self, i: usize) -> usize {
        self.types[i] as usize
    }

    /// The features of token `i` that depend on its word alone (so the
    /// tagger can cache their scores per word type), as `f(template, value)`;
    /// the feature is `hash::mix(template, value)`.
    pub fn token_word(&self, i: usize, f: &mut impl FnMut(u64, u64)) {
        let ty = self.types[i] as usize;
        f(T_BIAS, 0);
        f(T_WORD, self.exact[ty]);
        f(T_LOWER, self.lower_hash[ty]);
        f(T_SHAPE, self.shape[ty]);
        f(T_SSHAPE, self.short_shape[ty]);
        let lower = self.lower(i);
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
        let c = self.info[ty].c1024;
        if c != 0 {
            f(T_C1024_AT + 1, u64::from(c));
        }
        for k in gaz_bits(self.info[ty].gaz) {
            f(T_GAZ + k, 0);
        }
    }

    /// The features of token `i` of the sentence `a..b` that depend on its
    /// neighbours, its position and the document, as `f(template, value)`.
    #[inline]
    pub fn token_context(&self, a: usize, b: usize, i: usize, f: &mut impl FnMut(u64, u64)) {
        let ty = |j: usize| self.types[j] as usize;
        let at = |k: isize| -> Option<usize> {
            let j = i as isize + k;
            (j >= a as isize && j < b as isize).then_some(j as usize)
        };
        let lower_at = |k: isize| {
            at(k).map_or(if k < 0 { BEFORE } else { AFTER }, |j| {
                self.lower_hash[ty(j)]
            })
        };
        let sshape_at = |k: isize| {
            at(k).map_or(if k < 0 { BEFORE } else { AFTER }, |j| {
                self.short_shape[ty(j)]
            })
        };
        let me = ty(i);

        for (slot, k) in [-2isize, -1, 1, 2].into_iter().enumerate() {
            f(T_LOWER_AT + slot as u64, lower_at(k));
        }
        f(T_SSHAPE_AT, sshape_at(-1));
        f(T_SSHAPE_AT + 1, sshape_at(1));
        f(T_BIGRAM_LEFT, hash::mix(lower_at(-1), self.lower_hash[me]));
        f(T_BIGRAM_RIGHT, hash::mix(self.lower_hash[me], lower_at(1)));
        f(
            T_SHAPE3,
            hash::mix(hash::mix(sshape_at(-1), self.short_shape[me]), sshape_at(1)),
        );
        for (slot, k) in [(0, -1isize), (2, 1)] {
            let c = at(k).map_or(0, |j| self.info[ty(j)].c1024);
            if c != 0 {
                f(T_C1024_AT + slot, u64::from(c));
            }
        }
        let bits = gaz_bits;
        if let Some(j) = at(-1) {
            for k in bits(self.info[ty(j)].gaz) {
                f(T_GAZ_LEFT + k, 0);
            }
        }
        if let Some(j) = at(1) {
            for k in bits(self.info[ty(j)].gaz) {
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
                f(T_FLAG_SHAPE + u64::from(k), self.short_shape[me]);
            }
        }
        let context = self.doc_context[i];
        if context != 0 {
            for k in bits(context as u8) {
                f(T_DOC_LEFT_GAZ + k, 0);
            }
            for k in bits((context >> 8) as u8) {
                f(T_DOC_RIGHT_GAZ + k, 0);
            }
            for k in bits((context >> 16) as u8) {
                f(T_DOC_RUN + k, 0);
            }
        }
        if flags & F_INITIAL != 0 {
            f(T_INITIAL_LOWER, self.lower_hash[me]);
        }
        if flags & F_HEADLINE != 0 {
            f(T_HEADLINE_LOWER, self.lower_hash[me]);
        }
    }
}

/// A table index from a word hash.
#[inline]
fn spread(h: u64) -> usize {
    ((h ^ (h >> 32)).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 32) as usize
}

/// The set bits of a gazetteer byte.
fn gaz_bits(b: u8) -> impl Iterator<Item = u64> {
    (0..gaz::COUNT as u64).filter(move |k| b & (1 << k) != 0)
}

/// Whether a sentence (its tokens' word types) is written in capitals (a
/// headline or dateline): no lower-case letter and at least four capitals.
fn is_headline(types: &[u32], case: &[Case]) -> bool {
    let mut letters = 0u32;
    for &ty in types {
        let c = case[ty as usize];
        if c.has_lower {
            return false;
        }
        letters += u32::from(c.uppers);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::lexicon::{Lexicon, WordInfo};
    use crate::text::{paragraphs, sentences, tokenize};

    fn doc(text: &str, lexicon: &Lexicon) -> (Vec<String>, DocFeatures) {
        let paras = paragraphs(text, Span::new(0, text.len()));
        let mut tokens = Vec::new();
        for p in &paras {
            tokenize(text, *p, &mut tokens);
        }
        let sents = sentences(text, &tokens, &paras);
        let words = tokens.iter().map(|t| t.span.of(text).to_string()).collect();
        (words, DocFeatures::new(text, &tokens, &sents, lexicon))
    }

    #[test]
    fn every_capitalised_mention_sees_what_the_others_stand_next_to() {
        let mut lexicon = Lexicon::default();
        for (w, gaz) in [("spa", gaz::ORG_SUFFIX), ("john", gaz::FIRST_NAME)] {
            let info = WordInfo { c1024: 0, gaz };
            lexicon.words.insert(hash::key(hash::str(w)), info);
        }
        let text = "Pirelli SpA makes cables. Shares in Pirelli rose. \
                    Kent won. Then John Kent left.";
        let (words, d) = doc(text, &lexicon);
        let at = |w: &str, nth: usize| {
            let i = (0..words.len())
                .filter(|&i| words[i] == w)
                .nth(nth)
                .unwrap();
            d.doc_context[i]
        };
        let suffix_right = u32::from(gaz::ORG_SUFFIX) << 8;
        let name_left = u32::from(gaz::FIRST_NAME);
        let run = |bits: u8| u32::from(bits) << 16;
        // "Pirelli" alone mid-sentence still knows it is followed by "SpA" elsewhere
        assert_eq!(at("Pirelli", 1), suffix_right | run(RUN_FIRST | RUN_ALONE));
        assert_eq!(at("Pirelli", 0), at("Pirelli", 1));
        // the sentence-initial "Kent" knows it follows a first name elsewhere
        assert_eq!(at("Kent", 0), name_left | run(RUN_LAST));
        assert_eq!(at("Kent", 1), at("Kent", 0));
        // words in lower case carry nothing
        assert_eq!(at("rose", 0), 0);
        assert_eq!(at("Shares", 0), 0);
    }
}
