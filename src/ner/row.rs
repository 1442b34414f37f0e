//! Rows of class scores and the two SIMD operations the tagger spends its
//! time in: adding a dense row of weights, and the Viterbi step's running
//! maximum of `delta + transition`; and one for loading a model,
//! [`interleave`].
//!
//! The row operations run four lanes at a time: f32x4 in wasm (built with `simd128`, see
//! `.cargo/config.toml`), SSE on x86_64, plain scalar code elsewhere; every
//! lane does the scalar arithmetic exactly. The features the tagger finds
//! most often carry weights for many of the classes, so the model keeps
//! those as dense rows ([`Dense`]) holding `+0.0` for the classes a feature has no
//! weight for; `s + 0.0 == s` for every score the tagger can make (sums that
//! start at `+0.0` never become `-0.0`), so each class sees exactly the
//! additions, in the same order, as with sparse (class, weight) pairs.

use super::model::CLASSES;

/// Lanes of a dense row: the classes rounded up to a multiple of four.
pub(crate) const LANES: usize = CLASSES.div_ceil(4) * 4;

/// `N` scores, 16-byte aligned; `N` is a multiple of 4.
#[derive(Debug, Clone, Copy)]
#[repr(C, align(16))]
pub(crate) struct Lanes<const N: usize>(pub [f32; N]);

/// One score per class, padded to 64 so that a class index masked with 63
/// needs no bounds check.
pub(crate) type Row = Lanes<64>;

/// The weights of one feature for every class (`+0.0` where it has none).
pub(crate) type Dense = Lanes<LANES>;

impl<const N: usize> Lanes<N> {
    /// Every lane `x`.
    pub(crate) const fn splat(x: f32) -> Lanes<N> {
        Lanes([x; N])
    }

    /// Adds `w` to the first [`LANES`] scores, lane by lane: `s = s + w`.
    #[inline]
    pub(crate) fn add_dense(&mut self, w: &Dense) {
        const { assert!(N >= LANES && LANES % 4 == 0) };
        #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
        {
            use core::arch::wasm32::{f32x4_add, v128, v128_load, v128_store};
            for k in (0..LANES).step_by(4) {
                // SAFETY: `k + 4 <= LANES <= N`, so both 16-byte accesses lie
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
                // SAFETY: SSE is part of x86_64; `k + 4 <= LANES <= N`, and
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

    /// `s = max(s, d + t)` lane by lane, as the scalar `if v > s { s = v }`
    /// with `v = d + t` (so `s` stays on ties and when `v` is NaN).
    #[inline]
    pub(crate) fn max_sum(&mut self, d: f32, t: &Lanes<N>) {
        const { assert!(N % 4 == 0) };
        #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
        {
            use core::arch::wasm32::{
                f32x4_add, f32x4_pmax, f32x4_splat, v128, v128_load, v128_store,
            };
            let d = f32x4_splat(d);
            for k in (0..N).step_by(4) {
                // SAFETY: `k + 4 <= N`: both 16-byte accesses lie inside their
                // arrays; v128 loads and stores need no alignment.
                unsafe {
                    let s = self.0.as_mut_ptr().add(k).cast::<v128>();
                    let v = f32x4_add(d, v128_load(t.0.as_ptr().add(k).cast::<v128>()));
                    // pmax(a, b) is `a < b ? b : a`
                    v128_store(s, f32x4_pmax(v128_load(s), v));
                }
            }
        }
        #[cfg(target_arch = "x86_64")]
        {
            use core::arch::x86_64::{
                _mm_add_ps, _mm_load_ps, _mm_max_ps, _mm_set1_ps, _mm_store_ps,
            };
            for k in (0..N).step_by(4) {
                // SAFETY: SSE is part of x86_64; `k + 4 <= N`, and both arrays
                // are 16-byte aligned with `k` a multiple of 4.
                unsafe {
                    let s = self.0.as_mut_ptr().add(k);
                    let v = _mm_add_ps(_mm_set1_ps(d), _mm_load_ps(t.0.as_ptr().add(k)));
                    // maxps(a, b) is `a > b ? a : b`
                    _mm_store_ps(s, _mm_max_ps(v, _mm_load_ps(s)));
                }
            }
        }
        #[cfg(not(any(
            all(target_arch = "wasm32", target_feature = "simd128"),
            target_arch = "x86_64"
        )))]
        for (s, t) in self.0.iter_mut().zip(&t.0) {
            let v = d + t;
            if v > *s {
                *s = v;
            }
        }
    }
}

/// The pairs `[a[i], b[i]]`, 16 at a time: the model's sparse weights,
/// stored as two arrays because they compress better so. Loading runs once,
/// so in wasm it runs as compiled for the first call, unoptimised, where
/// this loop took 2 ms one pair at a time.
pub(crate) fn interleave(a: &[u8], b: &[u8]) -> Vec<[u8; 2]> {
    let n = a.len().min(b.len());
    let mut out = vec![[0u8; 2]; n];
    let wide = n / 16 * 16;
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    {
        use core::arch::wasm32::{i8x16_shuffle, v128, v128_load, v128_store};
        for k in (0..wide).step_by(16) {
            // SAFETY: `k + 16 <= n`: the loads read 16 bytes of `a` and of `b`
            // at `k`, the stores write the 32 bytes of `out[k..k + 16]`;
            // v128 loads and stores need no alignment.
            unsafe {
                let x = v128_load(a.as_ptr().add(k).cast::<v128>());
                let y = v128_load(b.as_ptr().add(k).cast::<v128>());
                let o = out.as_mut_ptr().add(k).cast::<v128>();
                v128_store(
                    o,
                    i8x16_shuffle::<0, 16, 1, 17, 2, 18, 3, 19, 4, 20, 5, 21, 6, 22, 7, 23>(x, y),
                );
                v128_store(
                    o.add(1),
                    i8x16_shuffle::<8, 24, 9, 25, 10, 26, 11, 27, 12, 28, 13, 29, 14, 30, 15, 31>(
                        x, y,
                    ),
                );
            }
        }
    }
    #[cfg(target_arch = "x86_64")]
    {
        use core::arch::x86_64::{
            __m128i, _mm_loadu_si128, _mm_storeu_si128, _mm_unpackhi_epi8, _mm_unpacklo_epi8,
        };
        for k in (0..wide).step_by(16) {
            // SAFETY: SSE2 is part of x86_64; `k + 16 <= n`: the loads read 16
            // bytes of `a` and of `b` at `k`, the stores write the 32 bytes of
            // `out[k..k + 16]`, all unaligned accesses.
            unsafe {
                let x = _mm_loadu_si128(a.as_ptr().add(k).cast::<__m128i>());
                let y = _mm_loadu_si128(b.as_ptr().add(k).cast::<__m128i>());
                let o = out.as_mut_ptr().add(k).cast::<__m128i>();
                _mm_storeu_si128(o, _mm_unpacklo_epi8(x, y));
                _mm_storeu_si128(o.add(1), _mm_unpackhi_epi8(x, y));
            }
        }
    }
    let done = if cfg!(any(
        all(target_arch = "wasm32", target_feature = "simd128"),
        target_arch = "x86_64"
    )) {
        wide
    } else {
        0
    };
    for ((o, &x), &y) in out[done..].iter_mut().zip(&a[done..]).zip(&b[done..]) {
        *o = [x, y];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    // the SIMD paths differ by target: these tests run in wasm too (scripts/test.sh)
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn dense_adds_like_sparse() {
        let mut dense = Dense::splat(0.0);
        let mut row = Row::splat(0.0);
        let mut expected = Row::splat(0.0);
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

    #[test]
    fn interleave_pairs_every_byte() {
        for n in [0, 1, 15, 16, 17, 40, 100] {
            let a: Vec<u8> = (0..n).map(|i| i as u8).collect();
            let b: Vec<u8> = (0..n).map(|i| 200 - i as u8).collect();
            let pairs = interleave(&a, &b);
            let expected: Vec<[u8; 2]> = a.iter().zip(&b).map(|(&x, &y)| [x, y]).collect();
            assert_eq!(pairs, expected, "{n}");
        }
        assert_eq!(interleave(&[1, 2, 3], &[4]), vec![[1, 4]]);
    }

    #[test]
    fn max_sum_is_the_scalar_max() {
        let t = Lanes::<8>([1.0, -2.0, f32::NAN, 0.5, f32::NEG_INFINITY, 3.0, -0.0, 0.1]);
        let mut s = Lanes::<8>([0.0, 0.0, 0.0, 2.5, 1.0, f32::NEG_INFINITY, 0.0, 0.3]);
        let mut expected = s;
        for d in [0.25f32, 2.0, -1.0] {
            s.max_sum(d, &t);
            for (e, t) in expected.0.iter_mut().zip(&t.0) {
                let v = d + t;
                if v > *e {
                    *e = v;
                }
            }
            assert_eq!(s.0.map(f32::to_bits), expected.0.map(f32::to_bits), "{d}");
        }
    }
}
