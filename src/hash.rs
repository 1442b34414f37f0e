//! Hashing of strings and feature templates.
//!
//! The tagger never stores strings: words, features and gazetteer phrases are
//! keyed by 64-bit hashes, and the model blob keeps their low 32 bits. The
//! functions are fixed (FNV-1a over UTF-8 bytes plus a final mix), so hashes
//! agree between training and inference on every platform.

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// Hash of `bytes`, continuing from `h` (start with [`start`]).
#[inline]
pub(crate) fn bytes(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

/// The initial hash state.
#[inline]
pub(crate) const fn start() -> u64 {
    FNV_OFFSET
}

/// Hash of a string.
#[inline]
pub(crate) fn str(s: &str) -> u64 {
    bytes(start(), s.as_bytes())
}

/// Mixes two 64-bit values into one well-spread hash (a murmur3-style finaliser).
#[inline]
pub(crate) fn mix(a: u64, b: u64) -> u64 {
    let mut h = a ^ b.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// The 32-bit key a hash is stored under.
#[inline]
pub(crate) const fn key(h: u64) -> u32 {
    (h ^ (h >> 32)) as u32
}

/// A `Hasher` for keys that are already hashes: passes them through.
#[derive(Default, Clone, Copy)]
pub(crate) struct Identity(u64);

impl std::hash::Hasher for Identity {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.0 = u64::from(n).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A hash map keyed by hashes.
pub(crate) type HashMap<K, V> =
    std::collections::HashMap<K, V, std::hash::BuildHasherDefault<Identity>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stable_values() {
        // FNV-1a reference value for "a"
        assert_eq!(str("a"), 0xaf63_dc4c_8601_ec8c);
        assert_ne!(mix(1, 2), mix(2, 1));
        assert_eq!(key(0x0000_0001_0000_0001), 0);
    }
}
