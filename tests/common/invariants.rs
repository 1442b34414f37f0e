//! The invariants every analysis must satisfy, whatever the text. Shared by the
//! property tests (`tests/invariants.rs`) and the fuzz target
//! (`fuzz/fuzz_targets/analyze.rs`, which includes this file by path), so the
//! two check exactly the same contract. Each check panics with what broke.

use newslens::{Analysis, AnalyzeOptions, Offsets, SummaryLength};

/// Checks `a`, the UTF-8 analysis of `text` with `options`, and its UTF-16
/// conversion.
pub fn check(text: &str, options: &AnalyzeOptions, a: &Analysis) {
    assert_eq!(a.offsets, Offsets::Utf8);
    let on_boundary = |i: usize, what: &str| {
        assert!(
            i <= text.len() && text.is_char_boundary(i),
            "{what}: offset {i} is not a char boundary of a {}-byte text",
            text.len()
        )
    };
    let span = |s: usize, e: usize, what: &str| {
        on_boundary(s, what);
        on_boundary(e, what);
        assert!(s < e, "{what}: empty or reversed span {s}..{e}");
    };

    // the header, then paragraphs: in order, disjoint, trimmed, after the header
    let body_start = a.header.map_or(0, |h| {
        span(h.start, h.end, "header");
        assert!(text[h.start..h.end].starts_with("date "), "header text");
        h.end
    });
    let mut prev = body_start;
    for p in &a.paragraphs {
        span(p.start, p.end, "paragraph");
        assert!(p.start >= prev, "paragraphs overlap or are out of order");
        let s = &text[p.start..p.end];
        assert_eq!(s.trim(), s, "a paragraph is trimmed");
        prev = p.end;
    }

    // sentences: in order, disjoint, each inside the paragraph it names
    let mut prev = 0;
    for s in &a.sentences {
        span(s.start, s.end, "sentence");
        assert!(s.start >= prev, "sentences overlap or are out of order");
        let p = a
            .paragraphs
            .get(s.paragraph)
            .expect("sentence.paragraph exists");
        assert!(
            p.start <= s.start && s.end <= p.end,
            "sentence {}..{} outside its paragraph {}..{}",
            s.start,
            s.end,
            p.start,
            p.end
        );
        prev = s.end;
    }
    // every paragraph (none is blank) has sentences, in paragraph order
    let mut seen = vec![false; a.paragraphs.len()];
    a.sentences.iter().for_each(|s| seen[s.paragraph] = true);
    assert!(seen.iter().all(|&s| s), "a paragraph without sentences");
    assert!(a
        .sentences
        .windows(2)
        .all(|w| w[0].paragraph <= w[1].paragraph));

    // tokens, when asked for: in order, disjoint, not starting with whitespace,
    // each inside exactly one sentence (sentences cover every token)
    if let Some(tokens) = &a.tokens {
        assert!(options.tokens, "tokens only when asked for");
        let mut prev = 0;
        let mut sent = 0;
        for t in tokens {
            span(t.start, t.end, "token");
            assert!(t.start >= prev, "tokens overlap or are out of order");
            assert!(
                !text[t.start..].starts_with(char::is_whitespace),
                "token starts with whitespace"
            );
            while sent < a.sentences.len() && a.sentences[sent].end <= t.start {
                sent += 1;
            }
            let s = a.sentences.get(sent).expect("every token is in a sentence");
            assert!(
                s.start <= t.start && t.end <= s.end,
                "token {}..{} is not inside one sentence",
                t.start,
                t.end
            );
            prev = t.end;
        }
        // sentences start and end on token boundaries
        for s in &a.sentences {
            assert!(tokens.binary_search_by_key(&s.start, |t| t.start).is_ok());
            assert!(tokens.binary_search_by_key(&s.end, |t| t.end).is_ok());
        }
    } else {
        assert!(!options.tokens, "tokens were asked for");
    }

    // entities: in order, disjoint, inside one sentence, text equals the slice;
    // groups numbered 0, 1, 2, ... in order of first mention, one label each; values only on numeric labels
    let mut prev = 0;
    let mut groups = 0;
    let mut group_label = Vec::new();
    for e in &a.entities {
        span(e.start, e.end, "entity");
        assert!(e.start >= prev, "entities overlap or are out of order");
        assert_eq!(e.text, &text[e.start..e.end], "entity text is its slice");
        let i = a.sentences.partition_point(|s| s.end <= e.start);
        assert!(
            a.sentences
                .get(i)
                .is_some_and(|s| s.start <= e.start && e.end <= s.end),
            "entity {:?} at {}..{} crosses a sentence boundary",
            e.text,
            e.start,
            e.end
        );
        assert!(e.group <= groups, "group ids in order of first mention");
        if e.group == groups {
            groups += 1;
            group_label.push(e.label);
        }
        assert_eq!(
            e.label, group_label[e.group],
            "one group, two labels: {:?} in group {}",
            e.text, e.group
        );
        if !e.label.is_numeric() {
            assert!(e.value.is_none(), "a value on a name: {:?}", e.text);
            let possessive = ["'s", "\u{2019}s"].iter().any(|p| e.text.ends_with(p));
            assert!(
                !possessive || e.text.len() <= 3,
                "a possessive inside a name: {:?}",
                e.text
            );
        }
        prev = e.end;
    }

    // summary: one finite score in [0, 1) per sentence; chosen indices valid,
    // sorted, unique, with a score above 0, and no more than asked for
    let sum = &a.summary;
    assert_eq!(
        sum.scores.len(),
        a.sentences.len(),
        "one score per sentence"
    );
    assert!(sum
        .scores
        .iter()
        .all(|s| s.is_finite() && (0.0..1.0).contains(s)));
    assert!(
        sum.sentences.windows(2).all(|w| w[0] < w[1]),
        "sorted, unique"
    );
    for &i in &sum.sentences {
        assert!(i < a.sentences.len(), "summary index in range");
        assert!(sum.scores[i] > 0.0, "a chosen sentence has a score");
    }
    let asked = match options.summary.map(|s| (s.sentences, s.words, s.ratio)) {
        Some((Some(n), _, _)) => SummaryLength::Sentences(n as usize),
        Some((_, Some(w), _)) => SummaryLength::Words(w as usize),
        Some((_, _, Some(r))) => SummaryLength::Ratio(r),
        _ => SummaryLength::default(),
    };
    match asked {
        SummaryLength::Sentences(n) => assert!(sum.sentences.len() <= n),
        SummaryLength::Ratio(r) => {
            assert!(sum.sentences.len() <= ((a.sentences.len() as f64) * r).ceil() as usize)
        }
        SummaryLength::Words(_) => {}
    }

    check_utf16(text, a);
}

/// Every span of an analysis, in a fixed order.
fn spans(a: &Analysis) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = a.header.iter().map(|s| (s.start, s.end)).collect();
    out.extend(a.paragraphs.iter().map(|s| (s.start, s.end)));
    out.extend(a.sentences.iter().map(|s| (s.start, s.end)));
    out.extend(a.tokens.iter().flatten().map(|s| (s.start, s.end)));
    out.extend(a.entities.iter().map(|s| (s.start, s.end)));
    out
}

/// Converts `a` to UTF-16 offsets and checks every offset against a count of
/// the code units before it.
fn check_utf16(text: &str, a: &Analysis) {
    // the UTF-16 offset of every char boundary, counted independently
    let mut at = vec![usize::MAX; text.len() + 1];
    let mut n = 0;
    for (i, c) in text.char_indices() {
        at[i] = n;
        n += c.len_utf16();
    }
    at[text.len()] = n;
    let u = a.clone().into_utf16(text);
    assert_eq!(u.offsets, Offsets::Utf16);
    let expected: Vec<(usize, usize)> = spans(a).iter().map(|&(s, e)| (at[s], at[e])).collect();
    assert_eq!(spans(&u), expected, "UTF-16 offsets");
    // everything else is unchanged
    assert_eq!(u.summary, a.summary);
    assert_eq!(u.date, a.date);
    assert_eq!(u.entities.len(), a.entities.len());
    for (x, y) in u.entities.iter().zip(&a.entities) {
        assert_eq!((&x.text, x.label, x.group), (&y.text, y.label, y.group));
    }
}
