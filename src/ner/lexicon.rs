//! Word clusters and gazetteers, keyed by hashes of lower-cased text.

use super::table::Table;
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

/// Word clusters and gazetteers, as the trainer builds them.
#[derive(Debug, Clone, Default)]
#[cfg_attr(not(feature = "train"), allow(dead_code))]
pub(crate) struct Lexicon {
    /// Word key (hash of the lower-cased word) to what is known about it.
    pub words: HashMap<u32, WordInfo>,
    /// Phrase key (hash of lower-cased tokens joined by single spaces) to gazetteer bits,
    /// for entries of two or more tokens.
    pub phrases: HashMap<u32, u8>,
}

/// What feature extraction asks a lexicon.
pub(crate) trait Lookup {
    /// What is known about the word whose lower-case hash is `h`.
    fn word(&self, h: u64) -> WordInfo;
    /// Gazetteer bits of the phrase whose hash is `h`.
    fn phrase(&self, h: u64) -> u8;
}

impl Lookup for Lexicon {
    fn word(&self, h: u64) -> WordInfo {
        Lexicon::word(self, h)
    }
    fn phrase(&self, h: u64) -> u8 {
        Lexicon::phrase(self, h)
    }
}

/// The lexicon of a loaded model, in forms that are quick to build.
#[derive(Debug, Clone)]
pub(crate) struct ModelLexicon {
    /// Word key to what is known about the word.
    pub words: Words,
    /// Phrase key to gazetteer bits.
    pub phrases: Table<u8>,
}

/// Word keys and what is known about each word. Blobs list words by
/// increasing key, so the keys are used as they come, with an index of where
/// each run of keys sharing their top bits starts (one pass to build, where
/// a hash table would take most of the cold start); otherwise they go in a table.
#[derive(Debug, Clone)]
pub(crate) enum Words {
    /// Strictly increasing keys and their entries.
    Sorted(Sorted),
    /// Keys in any order (a later entry of a key wins).
    Table(Table<WordInfo>),
}

/// Sorted keys, their entries, and for each value of a key's top `bits`
/// bits the first key with that prefix or a larger one: a lookup reads one
/// `starts` pair and searches a few neighbouring keys, where a binary search
/// over them all waits on some 16 scattered reads. The entries stay two
/// arrays, as the blob has them: zipping them at load was one more loop over
/// every word.
#[derive(Debug, Clone)]
pub(crate) struct Sorted {
    keys: Vec<u32>,
    c1024: Vec<u16>,
    gaz: Vec<u8>,
    starts: Vec<u32>,
    shift: u32,
}

impl Sorted {
    /// Sorted keys; `c1024` and `gaz` as long as they.
    fn new(keys: Vec<u32>, c1024: Vec<u16>, gaz: Vec<u8>) -> Sorted {
        // about two keys per prefix
        let bits = (keys.len() / 2).max(1).ilog2().clamp(1, 20);
        let shift = 32 - bits;
        Sorted {
            starts: prefix_starts(&keys, shift),
            keys,
            c1024,
            gaz,
            shift,
        }
    }

    #[inline]
    fn get(&self, key: u32) -> Option<WordInfo> {
        let prefix = (key >> self.shift) as usize;
        let (a, b) = (
            self.starts[prefix] as usize,
            self.starts[prefix + 1] as usize,
        );
        let i = a + self.keys[a..b].binary_search(&key).ok()?;
        Some(WordInfo {
            c1024: self.c1024[i],
            gaz: self.gaz[i],
        })
    }
}

/// For each value `p` of the top `32 - shift` bits, where the sorted `keys`
/// with that prefix or a larger one start, and the number of keys after them.
///
/// Two tight loops, counting then summing, in a function of their own (see
/// `feature_weights` in model.rs).
#[inline(never)]
fn prefix_starts(keys: &[u32], shift: u32) -> Vec<u32> {
    let mut starts = vec![0u32; (1usize << (32 - shift)) + 1];
    for &k in keys {
        starts[(k >> shift) as usize + 1] += 1;
    }
    let mut sum = 0;
    for s in &mut starts {
        sum += *s;
        *s = sum;
    }
    starts
}

/// Whether `keys` strictly increase.
#[inline(never)]
fn increasing(keys: &[u32]) -> bool {
    keys.windows(2).all(|w| w[0] < w[1])
}

impl Words {
    /// The words `keys[i]` -> `WordInfo { c1024: c1024[i], gaz: gaz[i] }`;
    /// the three are equally long.
    pub(crate) fn new(keys: Vec<u32>, c1024: Vec<u16>, gaz: Vec<u8>) -> Words {
        if increasing(&keys) {
            Words::Sorted(Sorted::new(keys, c1024, gaz))
        } else {
            let infos = c1024
                .into_iter()
                .zip(gaz)
                .map(|(c1024, gaz)| WordInfo { c1024, gaz });
            Words::Table(Table::from_pairs(keys.len(), keys.into_iter().zip(infos)))
        }
    }

    #[inline]
    fn get(&self, key: u32) -> Option<WordInfo> {
        match self {
            Words::Sorted(s) => s.get(key),
            Words::Table(t) => t.get(key),
        }
    }
}

impl Lookup for ModelLexicon {
    #[inline]
    fn word(&self, h: u64) -> WordInfo {
        self.words.get(hash::key(h)).unwrap_or_default()
    }
    #[inline]
    fn phrase(&self, h: u64) -> u8 {
        self.phrases.get(hash::key(h)).unwrap_or(0)
    }
}

/// Longest gazetteer phrase, in tokens.
pub(crate) const MAX_PHRASE: usize = 4;

#[cfg_attr(not(feature = "train"), allow(dead_code))]
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_sorted_or_not() {
        let info = |c1024| WordInfo { c1024, gaz: 0 };
        let sorted = Words::new(vec![1, 5, 9], vec![1, 2, 3], vec![0; 3]);
        assert!(matches!(sorted, Words::Sorted(..)));
        assert_eq!(sorted.get(5), Some(info(2)));
        assert_eq!(sorted.get(6), None);
        // every key is found through its prefix's run, and keys in between are not
        let mut keys: Vec<u32> = (0..5000u32)
            .map(|k| k.wrapping_mul(0x9e37_79b1) | 1)
            .collect();
        keys.sort_unstable();
        keys.dedup();
        keys.extend([u32::MAX]);
        keys.insert(0, 0);
        let clusters = (0..keys.len() as u16).collect();
        let many = Words::new(keys.clone(), clusters, vec![0; keys.len()]);
        assert!(matches!(many, Words::Sorted(..)));
        for (i, &k) in keys.iter().enumerate() {
            assert_eq!(many.get(k), Some(info(i as u16)), "key {k}");
            if k > 0 && keys.binary_search(&(k - 1)).is_err() {
                assert_eq!(many.get(k - 1), None);
            }
        }
        let unsorted = Words::new(vec![9, 1, 9], vec![1, 2, 3], vec![0; 3]);
        assert!(matches!(unsorted, Words::Table(..)));
        assert_eq!(unsorted.get(9), Some(info(3)));
        assert_eq!(unsorted.get(1), Some(info(2)));
    }
}
