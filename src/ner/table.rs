//! A map from u32 keys (already hashes) to small values: open addressing
//! with linear probing, a third to two thirds full, sized once. Each slot
//! holds its key and value side by side, so a probe that finds its key has
//! the value in the same cache line: the tagger's feature lookups wait on
//! memory, and one read instead of two per hit is what they gain.
//!
//! The model's features, words and phrases live in these. Compared with a
//! general hash map it is cheap to fill (which is most of loading a model, and
//! so of the cold start) and to query with keys that are mostly missing.

/// The key that marks a free slot; a real key equal to it is kept aside.
/// Zero, so that an empty slot is `Slot::default()` for the values the model
/// uses (integers, whose default is zero too).
const FREE: u32 = 0;

/// A fixed-size map from u32 keys to `V`.
#[derive(Debug, Clone)]
pub(crate) struct Table<V> {
    slots: Vec<Slot<V>>,
    shift: u32,
    /// The value of the key [`FREE`], which cannot sit in a slot.
    free_key: Option<V>,
}

/// A key ([`FREE`] in an empty slot) and its value.
#[derive(Debug, Clone, Copy, Default)]
#[repr(C)]
struct Slot<V> {
    key: u32,
    value: V,
}

impl<V: Copy + Default> Table<V> {
    /// An empty table for up to `n` keys.
    pub(crate) fn with_capacity(n: usize) -> Table<V> {
        let size = (n + n / 2).next_power_of_two().max(16);
        Table {
            slots: vec![Slot::default(); size],
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
        let mask = self.slots.len() - 1;
        let mut i = self.index(key);
        while self.slots[i].key != FREE && self.slots[i].key != key {
            i = (i + 1) & mask;
        }
        self.slots[i] = Slot { key, value };
    }

    /// The value of `key`.
    #[inline]
    pub(crate) fn get(&self, key: u32) -> Option<V> {
        if key == FREE {
            return self.free_key;
        }
        let mask = self.slots.len() - 1;
        let mut i = self.index(key);
        loop {
            let slot = self.slots[i];
            if slot.key == key {
                return Some(slot.value);
            }
            if slot.key == FREE {
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
