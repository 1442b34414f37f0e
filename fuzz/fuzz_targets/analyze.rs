//! Fuzzes the core's analyze path: arbitrary bytes as text (read as UTF-8
//! with invalid sequences replaced by U+FFFD, as the JS boundary does with lone
//! surrogates) plus structured options, then checks the invariants that the
//! property tests check (`tests/common/invariants.rs`).
//!
//! Input layout: a 12-byte options header, then the text.
//! - byte 0: flags: bit 0 tokens, bits 1-2 summary (none, sentences, words,
//!   ratio), bit 3 a date, bit 4 the date as raw bytes rather than numbers,
//!   bit 5 a title, bit 6 maxBytes, bit 7 two summary lengths at once
//! - bytes 1-4: the summary value (a count, or an f32 ratio's bits)
//! - bytes 5-6: maxBytes (small, so the limit is hit)
//! - bytes 7-10: year (u16), month, day; or with bit 4, byte 7 is the length of a
//!   raw date string taken from the front of the text
//! - byte 11: title length, taken from the front of the text
//!
//! A header of 12 zero bytes gives the default options; the seed corpus uses it.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newslens::{analyze, AnalyzeOptions, Error, SummaryOptions};

#[path = "../../tests/common/invariants.rs"]
mod invariants;

const HEADER: usize = 12;

fuzz_target!(|data: &[u8]| {
    if data.len() < HEADER {
        return;
    }
    let (h, mut rest) = data.split_at(HEADER);
    let mut take = |n: usize| {
        let (a, b) = rest.split_at(n.min(rest.len()));
        rest = b;
        String::from_utf8_lossy(a).into_owned()
    };
    let flags = h[0];
    let value = u32::from_le_bytes([h[1], h[2], h[3], h[4]]);
    let date = match (flags & 8 != 0, flags & 16 != 0) {
        (false, _) => None,
        (true, true) => Some(take(usize::from(h[7] % 16))),
        (true, false) => Some(format!(
            "{:04}-{:02}-{:02}",
            u16::from_le_bytes([h[7], h[8]]) % 10_000,
            h[9] % 100,
            h[10] % 100
        )),
    };
    let title = (flags & 32 != 0).then(|| take(usize::from(h[11])));
    let mut summary = SummaryOptions::default();
    match (flags >> 1) & 3 {
        0 => {}
        1 => summary.sentences = Some(value),
        2 => summary.words = Some(value),
        _ => summary.ratio = Some(f64::from(f32::from_bits(value))),
    }
    if flags & 128 != 0 {
        summary.words = Some(value % 100);
    }
    let options = AnalyzeOptions {
        date,
        title,
        summary: ((flags >> 1) & 3 != 0 || flags & 128 != 0).then_some(summary),
        tokens: flags & 1 != 0,
        max_bytes: (flags & 64 != 0).then(|| usize::from(u16::from_le_bytes([h[5], h[6]]))),
    };
    let text = String::from_utf8_lossy(rest);
    match analyze(&text, &options) {
        Ok(a) => invariants::check(&text, &options, &a),
        // errors must be about the options or the limit, never anything else
        Err(Error::InvalidDate { .. } | Error::OutOfRange { .. } | Error::Conflict { .. }) => {}
        Err(Error::TextTooLong { len, max }) => assert!(len > max && len == text.len()),
        Err(e) => panic!("unexpected error {e:?}"),
    }
});
