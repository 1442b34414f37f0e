//! A map from u32 keys (already hashes) to small values: open addressing
//! with linear probing, at most half full, sized once. Keys and values sit
//! in two arrays, so a probe (most of them miss) reads 4-byte keys only.
//!
//! The model's features, words and phrases live in these. Compared with a
//! general hash map it is cheap to fill (which is most of loading a model, and
//! so of the cold start) and to query with keys that are mostly missing.

/// The key that marks a free slot; a real key equal to it is kept aside.
/// Zero, so that a new table's keys come from zeroed memory (no filling:
/// building the tables is most of loading a model, and so of the cold start);
/// the same goes for values that are zero by default, such as integers.
const FREE: u32 = 0;

/// A fixed-size map from u32 keys to `V`.
#[derive(Debug, Clone)]
pub(crate) struct Table<V> {
    /// The key in each slot, or [`FREE`]: probes read these alone.
    keys: Vec<u32>,
    values: Vec<V>,
    shift: u32,
    /// The value of the key [`FREE`], which cannot sit in a slot.
    free_key: Option<V>,
}

impl<V: Copy + Default> Table<V> {
    /// An empty table for up to `n` keys.
    pub(crate) fn with_capacity(n: usize) -> Table<V> {
        let size = (2 * n).next_power_of_two().max(16);
        Table {
            keys: vec![FREE; size],
            values: vec![V::default(); size],
            shift: 32 - size.trailing_zeros(),
            free_key: None,
        }
    }

    /// The keys and values of `pairs`; a later value of a key replaces an earlier one.
    pub(crate) fn from_pairs(n: usize, pairs: impl Iterator<Item = (u32, V)>) -> Table<V> {
        let mut t = Table::with_capacity(n);
        pairs.for_each(|(k, v)| t.insert(k, v));
        t
    }

    #[inline]
    fn index(&self, key: u32) -> usize {
        (key.wrapping_mul(0x9e37_79b1) >> self.shift) as usize
    }

    /// Sets the value of `key`, replacing any earlier one. At most the
    /// capacity given at creation may be inserted.
    pub(crate) fn insert(&mut self, key: u32, value: V) {
        if key == FREE {
            self.free_key = Some(value);
            return;
        }
        let mask = self.keys.len() - 1;
        let mut i = self.index(key);
        while self.keys[i] != FREE && self.keys[i] != key {
            i = (i + 1) & mask;
        }
        self.keys[i] = key;
        self.values[i] = value;
    }

    /// The value of `key`.
    #[inline]
    pub(crate) fn get(&self, key: u32) -> Option<V> {
        if key == FREE {
            return self.free_key;
        }
        let mask = self.keys.len() - 1;
        let mut i = self.index(key);
        loop {
            let k = self.keys[i];
            if k == key {
                return Some(self.values[i]);
            }
            if k == FREE {
                return None;
            }
            i = (i + 1) & mask;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn later_values_win_and_every_key_works() {
        let keys = [u32::MAX, 1, FREE, 7, 1 << 31, 12345, 7];
        let t = Table::from_pairs(keys.len(), keys.iter().enumerate().map(|(i, &k)| (k, i)));
        assert_eq!(t.get(7), Some(6));
        assert_eq!(t.get(FREE), Some(2));
        assert_eq!(t.get(u32::MAX), Some(0));
        assert_eq!(t.get(1 << 31), Some(4));
        assert_eq!(t.get(8), None);
        let full: Table<u8> = Table::from_pairs(1000, (1..=1000).map(|k| (k * 7919, 1)));
        assert!((1..=1000).all(|k| full.get(k * 7919) == Some(1)));
        assert_eq!(full.get(0), None);
        assert_eq!(full.get(3), None);
    }
}
