//! The tagger's model: sparse feature weights, tag transitions and the
//! lexicon, read from one versioned blob; and Viterbi decoding.
//!
//! Tags are BILOU over the [`TAGGED`] labels: class 0 is `O`, and label `k`
//! has `1 + 4k` (`B-`, the first token of a longer name), `2 + 4k` (`I-`,
//! inside), `3 + 4k` (`L-`, the last token) and `4 + 4k` (`U-`, a one-token
//! name), so 49 classes.

use super::features::DocFeatures;
#[cfg(feature = "train")]
use super::lexicon::Lexicon;
#[cfg(feature = "train")]
use super::lexicon::WordInfo;
use super::lexicon::{ModelLexicon, Words};
use super::row::{self, Dense, Lanes, Row};
use super::table::Table;
use super::Label;
use crate::error::{Error, Result};
use crate::hash;

/// The labels the tagger tells apart: the eleven names and ORDINAL. DATE,
/// TIME, PERCENT, MONEY, QUANTITY and CARDINAL come from the numeric rules
/// (`src/numeric/`), which beat the tagger on each of them
/// (`docs/numeric.md`), so the tagger spends no classes on them: a third
/// fewer classes to score and decode.
pub(crate) const TAGGED: [Label; 12] = {
    let mut out = [Label::Ordinal; 12];
    let (mut k, mut n) = (0, 0);
    while k < Label::ALL.len() {
        let l = Label::ALL[k];
        if !l.is_numeric() || l as u8 == Label::Ordinal as u8 {
            out[n] = l;
            n += 1;
        }
        k += 1;
    }
    assert!(n == out.len());
    out
};

/// Number of tag classes.
pub(crate) const CLASSES: usize = 1 + 4 * TAGGED.len();

/// The blob's magic bytes and format version.
const MAGIC: &[u8; 6] = b"NLNER\0";
pub(crate) const FORMAT_VERSION: u16 = 7;

/// Weights are stored as a sign and one of this many magnitude levels.
const LEVELS: usize = 127;

/// The `B-` class of a label (`I-`, `L-` and `U-` follow it); `None` for the
/// labels the tagger leaves to the rules.
#[cfg(any(test, feature = "train"))]
pub(crate) const fn begin(l: Label) -> Option<usize> {
    let mut k = 0;
    while k < TAGGED.len() {
        if TAGGED[k] as u8 == l as u8 {
            return Some(1 + 4 * k);
        }
        k += 1;
    }
    None
}

/// The label of a class and whether it continues a name (`I-` or `L-`);
/// `None` for `O`.
#[inline]
pub(crate) fn class_label(c: usize) -> Option<(Label, bool)> {
    if c == 0 {
        return None;
    }
    TAGGED
        .get((c - 1) / 4)
        .map(|&l| (l, matches!((c - 1) % 4, 1 | 2)))
}

/// Whether class `c` starts something new (`O`, `B-`, `U-`), so that it may
/// follow only a class that ends a name or `O`.
#[inline]
const fn opens(c: usize) -> bool {
    c == 0 || matches!((c - 1) % 4, 0 | 3)
}

/// Whether class `c` leaves no name open (`O`, `L-`, `U-`): the classes that
/// may precede an opening class and end a sentence.
#[cfg(test)]
const fn closes(c: usize) -> bool {
    c == 0 || matches!((c - 1) % 4, 2 | 3)
}

/// Whether class `to` may follow class `from` (`None`: the sentence start):
/// `I-X` and `L-X` only after `B-X` or `I-X`, the others only after a class
/// that [`closes`].
#[cfg(test)]
fn allowed(from: Option<usize>, to: usize) -> bool {
    if opens(to) {
        from.is_none_or(closes)
    } else {
        from.is_some_and(|f| f != 0 && !closes(f) && (f - 1) / 4 == (to - 1) / 4)
    }
}

/// A trained tagger.
#[derive(Debug, Clone)]
pub struct Model {
    /// Feature key to [`Weights::pack`].
    features: Table<u32>,
    /// The weights of `mix(t, 0)` for every template `t < FIXED`: the
    /// features without a value (bias, flags, gazetteer bits), looked up once.
    fixed: Vec<Weights>,
    /// Sparse weights: `[class, quantised]` pairs, the weight `level[quantised]`
    /// (one array, so that a feature's pairs are one read away).
    pairs: Vec<[u8; 2]>,
    /// The weight of each quantised byte.
    level: [f32; 256],
    /// Dense weights, for features with many classes.
    dense: Vec<Dense>,
    pub(crate) transitions: Vec<f32>,
    pub(crate) start: Vec<f32>,
    /// The transitions arranged for [`viterbi`].
    lattice: Lattice,
    pub(crate) lexicon: ModelLexicon,
}

/// Templates below this have their value-less feature in [`Model::fixed`].
const FIXED: usize = 256;

/// Where a feature's weights are: the pairs `pairs[at..at + n]`, or the
/// row `dense[at]` when `n` is [`DENSE`].
#[derive(Debug, Clone, Copy, Default)]
struct Weights {
    at: u32,
    n: u32,
}

impl Weights {
    /// As one integer (`n` in the top [`N_BITS`] bits), so that a table slot
    /// holds a key and its weights in 8 bytes; zero is no weights.
    fn pack(self) -> u32 {
        self.at | self.n << AT_BITS
    }

    fn unpack(v: u32) -> Weights {
        Weights {
            at: v & ((1 << AT_BITS) - 1),
            n: v >> AT_BITS,
        }
    }
}

/// Bits of a packed [`Weights::at`] and [`Weights::n`].
const AT_BITS: u32 = 26;
const N_BITS: u32 = 32 - AT_BITS;

/// [`Weights::n`] of a dense row; sparse features have fewer pairs.
const DENSE: u32 = (1 << N_BITS) - 1;

/// The bit of a blob's count of a feature's pairs that says they make a dense row.
const DENSE_ROW: u8 = 0x80;

/// Features with at least this many classes get a dense row: adding one
/// costs about as much as adding this many pairs one by one. A blob's dense
/// rows have as many pairs at least, so that a row's 208 bytes in memory
/// come from 24 bytes of blob or more.
const DENSE_MIN: usize = 12;

impl Model {
    /// Reads a model blob (see `model/README.md` for the format).
    pub fn from_bytes(bytes: &[u8]) -> Result<Model> {
        let mut r = Reader { b: bytes, at: 0 };
        if r.take(6)? != MAGIC {
            return Err(invalid("wrong magic bytes"));
        }
        let version = r.u16()?;
        if version != FORMAT_VERSION {
            return Err(invalid(&format!(
                "format version {version}, this build reads {FORMAT_VERSION}"
            )));
        }
        if usize::from(r.u16()?) != CLASSES {
            return Err(invalid("unexpected number of classes"));
        }
        let levels = r.f32s(LEVELS)?;
        let transitions = r.f32s(CLASSES * CLASSES)?;
        let start = r.f32s(CLASSES)?;
        let n_words = r.u32()? as usize;
        let word_keys = r.u32s(n_words)?;
        let c1024 = r.u16s(n_words)?;
        let word_gaz = r.take(n_words)?.to_vec();
        let words = Words::new(word_keys, c1024, word_gaz);
        let n_phrases = r.u32()? as usize;
        let phrase_keys = r.u32s(n_phrases)?;
        let phrase_bits = r.take(n_phrases)?;
        let phrases = Table::from_pairs(
            n_phrases,
            phrase_keys.into_iter().zip(phrase_bits.iter().copied()),
        );
        // the features by key, then their (class, level) pairs: the sparse
        // features' first, ready to use as they are, then the dense rows'
        let n_features = r.u32()? as usize;
        let keys = r.u32s(n_features)?;
        let counts = r.take(n_features)?;
        let n_pairs = r.u32()? as usize;
        let n_sparse = r.u32()? as usize;
        if n_pairs >= 1 << AT_BITS || n_sparse > n_pairs {
            return Err(invalid("more weights than this build can address"));
        }
        let classes = r.take(n_pairs)?;
        if !classes_fit(classes) {
            return Err(invalid("class out of range"));
        }
        let quantised = r.take(n_pairs)?;
        if r.at != bytes.len() {
            return Err(invalid("trailing bytes"));
        }
        let level: [f32; 256] = std::array::from_fn(|q| {
            let q = q as u8 as i8;
            let m = levels[usize::from(q.unsigned_abs())
                .saturating_sub(1)
                .min(LEVELS - 1)];
            if q < 0 {
                -m
            } else if q == 0 {
                0.0
            } else {
                m
            }
        });
        let pairs = row::interleave(&classes[..n_sparse], &quantised[..n_sparse]);
        let (features, dense) =
            feature_weights(&keys, counts, classes, quantised, n_sparse, &level)?;
        let fixed = (0..FIXED as u64)
            .map(|t| Weights::unpack(features.get(hash::key(hash::mix(t, 0))).unwrap_or(0)))
            .collect();
        let lattice = Lattice::new(&transitions);
        Ok(Model {
            features,
            fixed,
            pairs,
            level,
            dense,
            transitions,
            start,
            lattice,
            lexicon: ModelLexicon { words, phrases },
        })
    }

    /// Adds the weights of the feature `hash::mix(template, value)` to
    /// `scores` (one per class; the row is padded to 64 so the masked index
    /// needs no bounds check).
    #[inline(always)]
    fn add(&self, template: u64, value: u64, scores: &mut Row) {
        let w = match self.fixed.get(template as usize) {
            Some(w) if value == 0 => *w,
            _ => Weights::unpack(
                self.features
                    .get(hash::key(hash::mix(template, value)))
                    .unwrap_or(0),
            ),
        };
        if w.n == DENSE {
            scores.add_dense(&self.dense[w.at as usize]);
            return;
        }
        let (at, n) = (w.at as usize, w.n as usize);
        for [c, q] in &self.pairs[at..at + n] {
            scores.0[usize::from(*c) & 63] += self.level[usize::from(*q)];
        }
    }

    /// Tags the sentence `a..b` of `doc`: one class per token.
    pub(crate) fn tag(
        &self,
        doc: &DocFeatures,
        a: usize,
        b: usize,
        buf: &mut Scratch,
    ) -> Vec<usize> {
        let n = b - a;
        buf.scores.clear();
        buf.scores.reserve(n * CLASSES);
        for i in 0..n {
            // the word's own features score the same wherever it occurs: cached per word type
            let ty = doc.word_type(a + i);
            let mut row = match buf.row_of[ty] {
                NO_ROW => {
                    let mut row = Row::splat(0.0);
                    doc.token_word(a + i, &mut |t, v| self.add(t, v, &mut row));
                    buf.row_of[ty] = buf.rows.len() as u32;
                    buf.rows.push(row);
                    row
                }
                r => buf.rows[r as usize],
            };
            doc.token_context(a, b, a + i, &mut |t, v| self.add(t, v, &mut row));
            buf.scores.extend_from_slice(&row.0[..CLASSES]);
        }
        viterbi_with(
            &buf.scores,
            n,
            &self.transitions,
            &self.start,
            &self.lattice,
            &mut buf.back,
            &mut buf.best,
        )
    }
}

/// Reusable buffers for tagging one document.
pub(crate) struct Scratch {
    /// Where the scores of each word type's own features are in `rows`.
    row_of: Vec<u32>,
    rows: Vec<Row>,
    scores: Vec<f32>,
    back: Vec<f32>,
    best: Vec<Open>,
}

const NO_ROW: u32 = u32::MAX;

impl Scratch {
    /// Buffers for tagging the sentences of `doc`.
    pub(crate) fn new(doc: &DocFeatures) -> Scratch {
        Scratch {
            row_of: vec![NO_ROW; doc.type_count()],
            rows: Vec::new(),
            scores: Vec::new(),
            back: Vec::new(),
            best: Vec::new(),
        }
    }
}

/// Width of a row of class scores in the Viterbi table.
const WIDTH: usize = CLASSES;

/// `O`, then two classes of each label: its `B-` class plus `x` and plus `y`.
const fn o_and_two_per_label(x: usize, y: usize) -> [usize; 1 + 2 * TAGGED.len()] {
    let mut a = [0; 1 + 2 * TAGGED.len()];
    let mut k = 0;
    while k < TAGGED.len() {
        a[1 + 2 * k] = 1 + 4 * k + x;
        a[2 + 2 * k] = 1 + 4 * k + y;
        k += 1;
    }
    a
}

/// The classes that open something: `O`, then `B-` and `U-` of each label.
const OPEN: [usize; 1 + 2 * TAGGED.len()] = o_and_two_per_label(0, 3);

/// The classes that may precede the [`OPEN`] ones and end a sentence: `O`,
/// then `L-` and `U-` of each label, in class order.
const CLOSED: [usize; 1 + 2 * TAGGED.len()] = o_and_two_per_label(2, 3);

/// Transitions from one class into each of [`OPEN`] (padded with -inf).
pub(crate) type Open = Lanes<{ OPEN.len().div_ceil(4) * 4 }>;

/// The transitions, arranged for the forward pass of [`viterbi`].
#[derive(Debug, Clone)]
struct Lattice {
    /// For each of [`CLOSED`], its transitions into the [`OPEN`] classes.
    open: Vec<Open>,
    /// For each of [`CLOSED`], the largest of those transitions.
    open_max: Vec<f32>,
}

impl Lattice {
    fn new(transitions: &[f32]) -> Lattice {
        let open: Vec<Open> = CLOSED
            .iter()
            .map(|&from| {
                let mut row = Open::splat(f32::NEG_INFINITY);
                for (k, &to) in OPEN.iter().enumerate() {
                    row.0[k] = transitions[from * CLASSES + to];
                }
                row
            })
            .collect();
        let open_max = open
            .iter()
            .map(|row| {
                row.0[..OPEN.len()]
                    .iter()
                    .fold(f32::NEG_INFINITY, |m, &t| m.max(t))
            })
            .collect();
        Lattice { open, open_max }
    }
}

/// The best class sequence under emission `scores` (n x CLASSES), transitions
/// (`from * CLASSES + to`) and start scores, respecting BILOU constraints
/// (`I-X` and `L-X` follow `B-X` or `I-X`, the [`OPEN`] classes follow the
/// [`CLOSED`] ones, and a sentence ends on one of [`CLOSED`]; the tests check
/// this against `allowed` and `closes`).
///
/// The forward pass keeps only the best score per class: for `I-X` and
/// `L-X`, the better of `B-X` and `I-X` before it; for the [`OPEN`] classes,
/// the maximum of `delta + transition` over the [`CLOSED`] predecessors,
/// taken four classes at a time ([`Lanes::max_sum`]). It starts from the best
/// predecessor and skips every other one whose score plus its largest
/// transition cannot beat the lowest maximum so far (rounding is monotonic,
/// so the skipped sums are no larger: the maxima are exact). Back-pointers
/// are recomputed for the chosen path only, with the same arithmetic: the
/// first predecessor whose sum equals the maximum, so ties resolve as in a
/// textbook Viterbi.
#[cfg_attr(not(feature = "train"), allow(dead_code))]
pub(crate) fn viterbi(
    scores: &[f32],
    n: usize,
    transitions: &[f32],
    start: &[f32],
    delta: &mut Vec<f32>,
) -> Vec<usize> {
    let lattice = Lattice::new(transitions);
    viterbi_with(
        scores,
        n,
        transitions,
        start,
        &lattice,
        delta,
        &mut Vec::new(),
    )
}

/// The smallest of `xs` that is not NaN (`f32::min` is a libm call in wasm).
#[inline]
fn lowest(xs: &[f32]) -> f32 {
    xs.iter()
        .fold(f32::INFINITY, |m, &x| if x < m { x } else { m })
}

/// The first of `classes` with the largest `value`; `None` when none is above -inf.
#[inline]
fn first_best(
    classes: impl IntoIterator<Item = usize>,
    value: impl Fn(usize) -> f32,
) -> Option<usize> {
    let mut top = None;
    let mut best = f32::NEG_INFINITY;
    for c in classes {
        let v = value(c);
        if v > best {
            (best, top) = (v, Some(c));
        }
    }
    top
}

/// [`viterbi`] given the [`Lattice`] of the transitions; `best` keeps the
/// forward pass's maxima for the [`OPEN`] classes.
fn viterbi_with(
    scores: &[f32],
    n: usize,
    transitions: &[f32],
    start: &[f32],
    lattice: &Lattice,
    delta: &mut Vec<f32>,
    best: &mut Vec<Open>,
) -> Vec<usize> {
    use std::cmp::Ordering::{Equal, Less};
    if n == 0 {
        return Vec::new();
    }
    delta.clear();
    delta.resize(n * WIDTH, f32::NEG_INFINITY);
    best.clear();
    best.resize(n, Open::splat(f32::NEG_INFINITY));
    for c in OPEN {
        delta[c] = start[c] + scores[c];
    }
    for i in 1..n {
        let (done, rest) = delta.split_at_mut(i * WIDTH);
        let prev = &done[(i - 1) * WIDTH..];
        let row = &mut rest[..WIDTH];
        let scores = &scores[i * CLASSES..(i + 1) * CLASSES];
        let best = &mut best[i];
        // the best predecessor first, then those that could still raise a maximum
        let top = (0..CLOSED.len()).fold(0, |t, k| {
            if prev[CLOSED[k]] > prev[CLOSED[t]] {
                k
            } else {
                t
            }
        });
        best.max_sum(prev[CLOSED[top]], &lattice.open[top]);
        let mut low = lowest(&best.0[..OPEN.len()]);
        let rows = CLOSED.iter().zip(&lattice.open).zip(&lattice.open_max);
        for (k, ((&from, t), &t_max)) in rows.enumerate() {
            let d = prev[from];
            // skipped only when every sum is certainly <= its maximum (not for NaN)
            let skip = matches!((d + t_max).partial_cmp(&low), Some(Less | Equal));
            if k != top && !skip {
                best.max_sum(d, t);
                low = lowest(&best.0[..OPEN.len()]);
            }
        }
        for (&to, &b) in OPEN.iter().zip(&best.0) {
            row[to] = b + scores[to];
        }
        for b in (1..CLASSES).step_by(4) {
            // I-X (b + 1) and L-X (b + 2) after B-X (b) or I-X (b + 1)
            for to in [b + 1, b + 2] {
                let x = prev[b] + transitions[b * CLASSES + to];
                let y = prev[b + 1] + transitions[(b + 1) * CLASSES + to];
                row[to] = if y > x { y } else { x } + scores[to];
            }
        }
    }
    let last = &delta[(n - 1) * WIDTH..(n - 1) * WIDTH + CLASSES];
    let mut c = CLOSED
        .into_iter()
        .max_by(|&x, &y| last[x].total_cmp(&last[y]))
        .unwrap_or(0);
    let mut out = vec![0; n];
    for i in (1..n).rev() {
        out[i] = c;
        let prev = &delta[(i - 1) * WIDTH..];
        let sum = |from: usize| prev[from] + transitions[from * CLASSES + c];
        // the first predecessor with the largest sum; 0 when no sum is above -inf
        c = if opens(c) {
            let k = OPEN.iter().position(|&o| o == c).unwrap_or(0);
            let m = best[i].0[k];
            if m > f32::NEG_INFINITY {
                CLOSED.into_iter().find(|&from| sum(from) == m).unwrap_or(0)
            } else {
                0
            }
        } else {
            // I-X or L-X: after B-X or I-X
            let b = 1 + (c - 1) / 4 * 4;
            first_best([b, b + 1], sum).unwrap_or(0)
        };
    }
    out[0] = c;
    out
}

/// The features' table and dense rows, from the blob's feature keys and pair
/// counts and its (class, level) pairs, of which the first `n_sparse` are the
/// sparse features'.
///
/// A function of its own, with the dense rows in another: V8 counts a loop's
/// turns by the size of its body, and this loop's 28,000 turns make it
/// recompile the function with its optimising compiler during the first call.
/// Inside `from_bytes` that recompiled all of `from_bytes` (4 KB of code).
#[inline(never)]
fn feature_weights(
    keys: &[u32],
    counts: &[u8],
    classes: &[u8],
    quantised: &[u8],
    n_sparse: usize,
    level: &[f32; 256],
) -> Result<(Table<u32>, Vec<Dense>)> {
    let mut features = Table::with_capacity(keys.len());
    let rows = counts.iter().filter(|&&c| c & DENSE_ROW != 0).count();
    let mut dense = Vec::with_capacity(rows);
    // each feature's pairs follow the previous one's
    let (mut at, mut row_at) = (0usize, n_sparse);
    for (&k, &count) in keys.iter().zip(counts) {
        let n = usize::from(count & !DENSE_ROW);
        let w = if count & DENSE_ROW == 0 {
            if n >= DENSE as usize {
                return Err(invalid("too many pairs for a sparse feature"));
            }
            let w = Weights {
                at: at as u32,
                n: n as u32,
            };
            at += n;
            w
        } else {
            let span = row_at..row_at + n;
            let (Some(cs), Some(qs)) = (classes.get(span.clone()), quantised.get(span)) else {
                return Err(invalid("feature weights do not add up"));
            };
            dense.push(dense_row(cs, qs, level)?);
            row_at += n;
            Weights {
                at: (dense.len() - 1) as u32,
                n: DENSE,
            }
        };
        features.insert(k, w.pack());
    }
    if at != n_sparse || row_at != classes.len() {
        return Err(invalid("feature weights do not add up"));
    }
    Ok((features, dense))
}

/// A dense row from a feature's classes and weight levels.
#[inline(never)]
fn dense_row(classes: &[u8], quantised: &[u8], level: &[f32; 256]) -> Result<Dense> {
    if classes.len() < DENSE_MIN {
        return Err(invalid("too few pairs for a dense row"));
    }
    let mut row = Dense::splat(0.0);
    for (&c, &q) in classes.iter().zip(quantised) {
        // `classes_fit` let classes up to 63 through
        let c = usize::from(c);
        if c >= CLASSES {
            return Err(invalid("class out of range"));
        }
        row.0[c] = level[usize::from(q)];
    }
    Ok(row)
}

fn invalid(reason: &str) -> Error {
    Error::InvalidModel {
        reason: reason.to_string(),
    }
}

struct Reader<'b> {
    b: &'b [u8],
    at: usize,
}

impl<'b> Reader<'b> {
    fn take(&mut self, n: usize) -> Result<&'b [u8]> {
        let end = self
            .at
            .checked_add(n)
            .filter(|&e| e <= self.b.len())
            .ok_or_else(|| invalid("truncated"))?;
        let s = &self.b[self.at..end];
        self.at = end;
        Ok(s)
    }
    fn u16(&mut self) -> Result<u16> {
        Ok(u16::from_le_bytes([self.take(1)?[0], self.take(1)?[0]]))
    }
    fn u32(&mut self) -> Result<u32> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn f32s(&mut self, n: usize) -> Result<Vec<f32>> {
        Ok(self.u32s(n)?.into_iter().map(f32::from_bits).collect())
    }
    fn u32s(&mut self, n: usize) -> Result<Vec<u32>> {
        let bytes = self.take(n.checked_mul(4).ok_or_else(|| invalid("too large"))?)?;
        Ok(from_le(bytes))
    }
    fn u16s(&mut self, n: usize) -> Result<Vec<u16>> {
        let bytes = self.take(n.checked_mul(2).ok_or_else(|| invalid("too large"))?)?;
        Ok(from_le(bytes))
    }
}

/// Whether every class index is below 64, 8 bytes at a time (8 times fewer
/// steps at load than one by one). Enough for the sparse pairs: a [`Row`] has
/// 64 lanes and the lanes past [`CLASSES`] are padding nobody reads.
fn classes_fit(classes: &[u8]) -> bool {
    const _: () = assert!(CLASSES <= 64);
    let mut chunks = classes.chunks_exact(8);
    let wide = chunks.by_ref().fold(0u64, |acc, c| {
        acc | u64::from_le_bytes(c.try_into().expect("8 bytes"))
    });
    let rest = chunks.remainder().iter().fold(0u8, |acc, &c| acc | c);
    wide & 0xc0c0_c0c0_c0c0_c0c0 == 0 && rest & 0xc0 == 0
}

/// The integer types a blob stores as arrays.
trait LittleEndian: Copy + Default {
    /// Bytes per integer.
    const N: usize;
    /// One integer from its `N` little-endian bytes.
    fn read(b: &[u8]) -> Self;
}

impl LittleEndian for u16 {
    const N: usize = 2;
    fn read(b: &[u8]) -> u16 {
        u16::from_le_bytes([b[0], b[1]])
    }
}

impl LittleEndian for u32 {
    const N: usize = 4;
    fn read(b: &[u8]) -> u32 {
        u32::from_le_bytes([b[0], b[1], b[2], b[3]])
    }
}

/// The integers in `bytes` (a whole number of them). On little-endian
/// targets (wasm32, x86) one copy: reading them one by one was about 1 ms of
/// the cold start in wasm, where the loading code runs unoptimised.
fn from_le<T: LittleEndian>(bytes: &[u8]) -> Vec<T> {
    let n = bytes.len() / T::N;
    if cfg!(target_endian = "little") {
        let mut out = vec![T::default(); n];
        // SAFETY: `out` owns `n * T::N` initialised bytes (`T` is u16 or u32,
        // whose size is `T::N` and for which every byte pattern is a value),
        // `bytes` has at least as many, and the two do not overlap.
        unsafe {
            std::ptr::copy_nonoverlapping(bytes.as_ptr(), out.as_mut_ptr().cast::<u8>(), n * T::N);
        }
        out
    } else {
        bytes.chunks_exact(T::N).map(T::read).collect()
    }
}

/// Whether a feature's weights go in a dense row: many classes, each once
/// (a class twice would have its two weights summed first: not the same sums).
#[cfg(feature = "train")]
fn dense(ws: &[(u8, f32)]) -> bool {
    let seen = ws.iter().fold(0u64, |seen, &(c, _)| seen | 1 << c);
    ws.len() >= DENSE_MIN && seen.count_ones() as usize == ws.len()
}

/// Everything a model blob holds, in a form the trainer fills in.
#[cfg(feature = "train")]
pub struct ModelParts {
    /// Feature key -> (class, weight) pairs.
    pub(crate) features: Vec<(u32, Vec<(u8, f32)>)>,
    pub(crate) transitions: Vec<f32>,
    pub(crate) start: Vec<f32>,
    pub(crate) lexicon: Lexicon,
}

#[cfg(feature = "train")]
impl ModelParts {
    /// Serialises to the blob format, quantising each weight to a sign and one
    /// of 127 magnitude levels spaced evenly on a log scale from the smallest
    /// to the largest |w| (so small and large weights keep ~4% precision).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mags = self
            .features
            .iter()
            .flat_map(|(_, ws)| ws.iter().map(|(_, w)| w.abs()));
        let (lo, hi) = mags.fold((f32::MAX, 0f32), |(lo, hi), m| {
            (lo.min(m.max(1e-6)), hi.max(m))
        });
        let (lo, hi) = if hi <= 0.0 {
            (1.0, 1.0)
        } else {
            (lo.min(hi), hi)
        };
        let levels: Vec<f32> = (0..LEVELS)
            .map(|k| lo * (hi / lo).powf(k as f32 / (LEVELS - 1) as f32))
            .collect();
        let encode = |w: f32| -> i8 {
            let m = w.abs();
            let i = levels.partition_point(|&l| l < m);
            let best = [i.saturating_sub(1), i.min(LEVELS - 1)]
                .into_iter()
                .min_by(|&a, &b| (levels[a] - m).abs().total_cmp(&(levels[b] - m).abs()))
                .unwrap_or(0);
            let q = (best + 1) as i8;
            if w < 0.0 {
                -q
            } else {
                q
            }
        };
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        out.extend_from_slice(&(CLASSES as u16).to_le_bytes());
        for l in &levels {
            out.extend_from_slice(&l.to_le_bytes());
        }
        for v in self.transitions.iter().chain(&self.start) {
            out.extend_from_slice(&v.to_le_bytes());
        }
        let mut words: Vec<(u32, WordInfo)> =
            self.lexicon.words.iter().map(|(k, v)| (*k, *v)).collect();
        words.sort_unstable_by_key(|w| w.0);
        out.extend_from_slice(&(words.len() as u32).to_le_bytes());
        words
            .iter()
            .for_each(|w| out.extend_from_slice(&w.0.to_le_bytes()));
        words
            .iter()
            .for_each(|w| out.extend_from_slice(&w.1.c1024.to_le_bytes()));
        words.iter().for_each(|w| out.push(w.1.gaz));
        let mut phrases: Vec<(u32, u8)> =
            self.lexicon.phrases.iter().map(|(k, v)| (*k, *v)).collect();
        phrases.sort_unstable();
        out.extend_from_slice(&(phrases.len() as u32).to_le_bytes());
        phrases
            .iter()
            .for_each(|p| out.extend_from_slice(&p.0.to_le_bytes()));
        phrases.iter().for_each(|p| out.push(p.1));
        let mut features: Vec<&(u32, Vec<(u8, f32)>)> =
            self.features.iter().filter(|f| !f.1.is_empty()).collect();
        features.sort_unstable_by_key(|f| f.0);
        out.extend_from_slice(&(features.len() as u32).to_le_bytes());
        features
            .iter()
            .for_each(|f| out.extend_from_slice(&f.0.to_le_bytes()));
        // the sparse features' pairs, then the dense ones'
        let (mut sparse, mut rows) = (Vec::new(), Vec::new());
        for (_, ws) in &features {
            let n = u8::try_from(ws.len())
                .ok()
                .filter(|&n| u32::from(n) < DENSE);
            let n = n.expect("a feature lists a class twice");
            if dense(ws) {
                out.push(DENSE_ROW | n);
                rows.extend_from_slice(ws);
            } else {
                out.push(n);
                sparse.extend_from_slice(ws);
            }
        }
        out.extend_from_slice(&((sparse.len() + rows.len()) as u32).to_le_bytes());
        out.extend_from_slice(&(sparse.len() as u32).to_le_bytes());
        let pairs = sparse.iter().chain(&rows);
        out.extend(pairs.clone().map(|&(c, _)| c));
        out.extend(pairs.map(|&(_, w)| encode(w) as u8));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::MODEL_BYTES;

    #[test]
    fn integers_copy_as_they_read() {
        let bytes: Vec<u8> = (0..=255).collect();
        let read_u32: Vec<u32> = bytes.chunks_exact(4).map(u32::read).collect();
        let read_u16: Vec<u16> = bytes.chunks_exact(2).map(u16::read).collect();
        assert_eq!(from_le::<u32>(&bytes), read_u32);
        assert_eq!(from_le::<u16>(&bytes), read_u16);
        assert_eq!(read_u32[1], 0x0706_0504);
        assert!(from_le::<u32>(&[]).is_empty());
    }

    /// The shipped blob, and where its feature counts and its pairs' classes
    /// start, and how many pairs are sparse.
    fn blob_parts() -> (Vec<u8>, usize, usize, usize) {
        let blob = MODEL_BYTES.to_vec();
        let mut r = Reader {
            b: &blob,
            at: 6 + 2 + 2,
        };
        r.take(4 * (LEVELS + CLASSES * CLASSES + CLASSES)).unwrap();
        let words = r.u32().unwrap() as usize;
        r.take(words * (4 + 2 + 1)).unwrap();
        let phrases = r.u32().unwrap() as usize;
        r.take(phrases * (4 + 1)).unwrap();
        let features = r.u32().unwrap() as usize;
        r.take(features * 4).unwrap();
        let counts = r.at;
        r.take(features).unwrap();
        r.u32().unwrap();
        let sparse = r.u32().unwrap() as usize;
        let classes = r.at;
        (blob, counts, classes, sparse)
    }

    /// The shipped blob with `byte` written over the class of its first
    /// weight of a dense feature (`dense`) or of a sparse one.
    fn with_class(dense: bool, byte: u8) -> Result<Model> {
        let (mut blob, _, classes, sparse) = blob_parts();
        blob[classes + if dense { sparse } else { 0 }] = byte;
        Model::from_bytes(&blob)
    }

    #[test]
    fn feature_counts_must_add_up_to_the_pairs() {
        let (blob, counts, _, _) = blob_parts();
        assert!(Model::from_bytes(&blob).is_ok());
        let first_dense = (counts..).find(|&i| blob[i] & DENSE_ROW != 0).unwrap();
        for (at, byte) in [
            (counts, blob[counts] + 1),
            (counts, DENSE as u8),
            (counts, blob[counts] | DENSE_ROW),
            (first_dense, blob[first_dense] & !DENSE_ROW),
            (first_dense, blob[first_dense] - 1),
        ] {
            let mut bad = blob.clone();
            bad[at] = byte;
            let e = Model::from_bytes(&bad).unwrap_err();
            assert!(
                e.to_string().contains("not a newslens model"),
                "{at} {byte}: {e}"
            );
        }
        // pairs moved from one dense row to the next still add up, but a
        // row of fewer than DENSE_MIN pairs would cost more memory than blob
        let (first, second) = {
            let mut dense = (first_dense..).filter(|&i| blob[i] & DENSE_ROW != 0);
            (dense.next().unwrap(), dense.next().unwrap())
        };
        let moved = usize::from(blob[first] & !DENSE_ROW) - (DENSE_MIN - 1);
        let mut bad = blob.clone();
        bad[first] = DENSE_ROW | (DENSE_MIN - 1) as u8;
        bad[second] += moved as u8;
        let e = Model::from_bytes(&bad).unwrap_err();
        assert!(e.to_string().contains("too few pairs"), "{e}");
    }

    #[test]
    fn classes_out_of_range_are_errors_wherever_they_are() {
        assert!(with_class(false, 0).is_ok());
        assert!(with_class(true, 0).is_ok());
        for byte in [CLASSES as u8, 63, 64, 200, 255] {
            assert!(with_class(true, byte).is_err(), "dense {byte}");
        }
        for byte in [64, 127, 128, 200, 255] {
            assert!(with_class(false, byte).is_err(), "sparse {byte}");
        }
    }

    /// Viterbi as in a textbook: every allowed predecessor, back-pointers
    /// stored, the first best predecessor on ties.
    fn textbook(scores: &[f32], n: usize, transitions: &[f32], start: &[f32]) -> Vec<usize> {
        let mut delta = vec![f32::NEG_INFINITY; n * CLASSES];
        let mut back = vec![0; n * CLASSES];
        for c in 0..CLASSES {
            if allowed(None, c) {
                delta[c] = start[c] + scores[c];
            }
        }
        for i in 1..n {
            for to in 0..CLASSES {
                let (mut best, mut arg) = (f32::NEG_INFINITY, 0);
                for from in (0..CLASSES).filter(|&f| allowed(Some(f), to)) {
                    let v = delta[(i - 1) * CLASSES + from] + transitions[from * CLASSES + to];
                    if v > best {
                        (best, arg) = (v, from);
                    }
                }
                delta[i * CLASSES + to] = best + scores[i * CLASSES + to];
                back[i * CLASSES + to] = arg;
            }
        }
        let last = &delta[(n - 1) * CLASSES..];
        let mut c = (0..CLASSES)
            .filter(|&c| closes(c))
            .max_by(|&x, &y| last[x].total_cmp(&last[y]))
            .unwrap_or(0);
        let mut out = vec![0; n];
        for i in (1..n).rev() {
            out[i] = c;
            c = back[i * CLASSES + c];
        }
        out[0] = c;
        out
    }

    #[test]
    fn classes_are_o_then_b_i_l_and_u_of_each_tagged_label() {
        assert_eq!(CLASSES, 49);
        assert_eq!(class_label(0), None);
        for l in Label::ALL {
            match begin(l) {
                Some(b) => {
                    let (i, last, unit) = (b + 1, b + 2, b + 3);
                    assert!(!l.is_numeric() || l == Label::Ordinal, "{l:?}");
                    assert_eq!(class_label(b), Some((l, false)));
                    assert_eq!(class_label(i), Some((l, true)));
                    assert_eq!(class_label(last), Some((l, true)));
                    assert_eq!(class_label(unit), Some((l, false)));
                    for to in [i, last] {
                        assert!(allowed(Some(b), to) && allowed(Some(i), to));
                        assert!(!allowed(None, to) && !allowed(Some(0), to));
                        assert!(!allowed(Some(last), to) && !allowed(Some(unit), to));
                    }
                    for to in [0, b, unit] {
                        assert!(allowed(None, to) && allowed(Some(0), to));
                        assert!(allowed(Some(last), to) && allowed(Some(unit), to));
                        assert!(!allowed(Some(b), to) && !allowed(Some(i), to));
                    }
                    assert!(closes(last) && closes(unit) && !closes(b) && !closes(i));
                    // another label's I- never continues this one
                    let other = if b == 1 { 5 } else { 1 };
                    assert!(!allowed(Some(b), other + 1) && !allowed(Some(other), i));
                }
                None => assert!(l.is_numeric() && l != Label::Ordinal, "{l:?}"),
            }
        }
        assert_eq!(class_label(CLASSES), None);
    }

    #[test]
    fn viterbi_is_textbook_viterbi() {
        let mut next = crate::testing::xorshift(0x853c_49e6_748f_ea9b);
        for round in 0..400 {
            // coarse values make ties common; fine ones exercise rounding
            let coarse = round % 2 == 0;
            let n = 1 + (next() % 12) as usize;
            let mut value = || {
                let r = (next() % 2001) as f32 / 100.0 - 10.0;
                if coarse {
                    r.round()
                } else {
                    r
                }
            };
            let transitions: Vec<f32> = (0..CLASSES * CLASSES).map(|_| value()).collect();
            let start: Vec<f32> = (0..CLASSES).map(|_| value()).collect();
            let scores: Vec<f32> = (0..n * CLASSES).map(|_| value()).collect();
            let fast = viterbi(&scores, n, &transitions, &start, &mut Vec::new());
            assert_eq!(
                fast,
                textbook(&scores, n, &transitions, &start),
                "round {round}"
            );
        }
    }
}
