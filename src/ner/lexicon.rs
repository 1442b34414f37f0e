//! Word clusters and gazetteers, keyed by hashes of lower-cased text.

use crate::hash::{self, HashMap};

/// Gazetteer bits of a word or phrase (named by the trainer; the tagger only sees bits).
#[cfg_attr(not(feature = "train"), allow(dead_code))]
pub(crate) mod gaz {
    /// A first name.
    pub const FIRST_NAME: u8 = 1;
    /// A city.
    pub const CITY: u8 = 2;
    /// A country.
    pub const COUNTRY: u8 = 4;
    /// A state, province or region.
    pub const REGION: u8 = 8;
    /// A demonym ("Belarusian").
    pub const DEMONYM: u8 = 16;
    /// An organisation or sports team.
    pub const ORG: u8 = 32;
    /// A title or honorific ("President", "Mr").
    pub const HONORIFIC: u8 = 64;
    /// A company suffix ("Inc", "Ltd").
    pub const ORG_SUFFIX: u8 = 128;
    /// Number of gazetteer bits.
    pub const COUNT: usize = 8;
}

/// What the lexicon knows about one lower-cased word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct WordInfo {
    /// k-means cluster of the word's GloVe vector among 1024, plus one (0 = unknown).
    pub c1024: u16,
    /// Gazetteer bits of the word on its own.
    pub gaz: u8,
}

/// Word clusters and gazetteers.
#[derive(Debug, Clone, Default)]
pub(crate) struct Lexicon {
    /// Word key (hash of the lower-cased word) to what is known about it.
    pub words: HashMap<u32, WordInfo>,
    /// Phrase key (hash of lower-cased tokens joined by single spaces) to gazetteer bits,
    /// for entries of two or more tokens.
    pub phrases: HashMap<u32, u8>,
}

/// Longest gazetteer phrase, in tokens.
pub(crate) const MAX_PHRASE: usize = 4;

impl Lexicon {
    /// What is known about the word whose lower-case hash is `h`.
    #[inline]
    pub fn word(&self, h: u64) -> WordInfo {
        self.words.get(&hash::key(h)).copied().unwrap_or_default()
    }

    /// Gazetteer bits of the phrase whose hash is `h`.
    #[inline]
    pub fn phrase(&self, h: u64) -> u8 {
        self.phrases.get(&hash::key(h)).copied().unwrap_or(0)
    }
}

/// The phrase hash of lower-cased tokens: continue it with [`phrase_next`].
#[inline]
pub(crate) fn phrase_start(first_lower: &str) -> u64 {
    hash::str(first_lower)
}

/// Extends a phrase hash by one more lower-cased token.
#[inline]
pub(crate) fn phrase_next(h: u64, next_lower: &str) -> u64 {
    hash::bytes(hash::bytes(h, b" "), next_lower.as_bytes())
}
