//! Helpers for the unit tests and for training: deterministic randomness.

/// A xorshift64 generator: the same `seed` gives the same numbers on every run.
pub(crate) fn xorshift(mut seed: u64) -> impl FnMut() -> u64 {
    move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    }
}
