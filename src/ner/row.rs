//! Rows of class scores, and adding a dense row of weights with SIMD.
//!
//! Most features the tagger finds carry weights for 20 to 36 of the 37
//! classes, so the model keeps those as dense rows ([`Dense`]) and adds them
//! four lanes at a time: `f32x4.add` in wasm (built with `simd128`, see
//! `.cargo/config.toml`), SSE on x86_64, plain adds elsewhere. A dense row
//! holds `+0.0` for the classes a feature has no weight for, and `s + 0.0 ==
//! s` for every score the tagger can make (sums that start at `+0.0` never
//! become `-0.0`), so each class sees exactly the additions, in the same order,
//! as with sparse (class, weight) pairs.

use super::model::CLASSES;

/// Lanes of a dense row: the classes rounded up to a multiple of four.
pub(crate) const LANES: usize = CLASSES.div_ceil(4) * 4;

/// One score per class, padded to 64 so that a class index masked with 63
/// needs no bounds check; the first [`LANES`] are 16-byte aligned for SIMD.
#[derive(Debug, Clone, Copy)]
#[repr(C, align(16))]
pub(crate) struct Row(pub [f32; 64]);

impl Default for Row {
    fn default() -> Row {
        Row([0.0; 64])
    }
}

/// The weights of one feature for every class (`+0.0` where it has none).
#[derive(Debug, Clone, Copy)]
#[repr(C, align(16))]
pub(crate) struct Dense(pub [f32; LANES]);

impl Row {
    /// Adds `w` to the first [`LANES`] scores, lane by lane.
    #[inline]
    pub(crate) fn add_dense(&mut self, w: &Dense) {
        #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
        {
            use core::arch::wasm32::{f32x4_add, v128, v128_load, v128_store};
            for k in (0..LANES).step_by(4) {
                // SAFETY: `k + 4 <= LANES <= 64`, so both 16-byte accesses lie
                // inside their arrays; v128 loads and stores need no alignment.
                unsafe {
                    let r = self.0.as_mut_ptr().add(k).cast::<v128>();
                    let x = w.0.as_ptr().add(k).cast::<v128>();
                    v128_store(r, f32x4_add(v128_load(r), v128_load(x)));
                }
            }
        }
        #[cfg(target_arch = "x86_64")]
        {
            use core::arch::x86_64::{_mm_add_ps, _mm_load_ps, _mm_store_ps};
            for k in (0..LANES).step_by(4) {
                // SAFETY: SSE is part of x86_64; `k + 4 <= LANES <= 64`, and
                // both arrays are 16-byte aligned with `k` a multiple of 4.
                unsafe {
                    let r = self.0.as_mut_ptr().add(k);
                    _mm_store_ps(
                        r,
                        _mm_add_ps(_mm_load_ps(r), _mm_load_ps(w.0.as_ptr().add(k))),
                    );
                }
            }
        }
        #[cfg(not(any(
            all(target_arch = "wasm32", target_feature = "simd128"),
            target_arch = "x86_64"
        )))]
        for (s, x) in self.0.iter_mut().zip(&w.0) {
            *s += x;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dense_adds_like_sparse() {
        let mut dense = Dense([0.0; LANES]);
        let mut row = Row::default();
        let mut expected = Row::default();
        for c in (0..CLASSES).step_by(3) {
            dense.0[c] = c as f32 * 0.37 - 5.0;
        }
        for k in 0..3 {
            row.add_dense(&dense);
            for c in (0..CLASSES).step_by(3) {
                expected.0[c] += dense.0[c];
            }
            assert_eq!(row.0.map(f32::to_bits), expected.0.map(f32::to_bits), "{k}");
        }
    }
}
