//! Summary tests: golden cases in tests/data/summaries.txt, and invariants of
//! every summary length on the sample article.

use newslens::{analyze, Analysis, AnalyzeOptions, SummaryOptions};

fn run(text: &str, options: &AnalyzeOptions) -> Analysis {
    analyze(text, options).expect("analyze")
}

/// One golden case: `text` with `options` summarises to the sentences `expected`.
fn summary_test(text: &str, options: &AnalyzeOptions, expected: &[usize], line: usize) {
    let a = run(text, options);
    assert_eq!(
        a.summary.sentences, expected,
        "case at tests/data/summaries.txt:{line}; scores {:?}",
        a.summary.scores
    );
}

#[test]
fn golden_summaries() {
    let data = include_str!("data/summaries.txt");
    let mut cases = 0;
    let mut text: Option<(String, usize)> = None;
    let mut options = AnalyzeOptions::default();
    for (n, line) in data.lines().enumerate() {
        if let Some(t) = line.strip_prefix('>') {
            text = Some((t.trim_start().replace("\\n", "\n"), n + 1));
            options = AnalyzeOptions::default();
        } else if let Some(o) = line.strip_prefix("@ ") {
            options = serde_json::from_str(o).expect("options line");
        } else if let Some(e) = line.strip_prefix('=') {
            let expected: Vec<usize> = e
                .split_whitespace()
                .map(|i| i.parse().expect("index"))
                .collect();
            let (t, at) = text.take().expect("a > line before =");
            summary_test(&t, &options, &expected, at);
            cases += 1;
        }
    }
    assert!(cases >= 10, "{cases} cases");
}

fn with_summary(summary: SummaryOptions) -> AnalyzeOptions {
    AnalyzeOptions {
        summary: Some(summary),
        ..Default::default()
    }
}

/// Words per sentence as the summary counts them.
fn words(text: &str, a: &Analysis) -> Vec<usize> {
    let opts = AnalyzeOptions {
        tokens: true,
        ..Default::default()
    };
    let tokens = run(text, &opts).tokens.expect("tokens");
    a.sentences
        .iter()
        .map(|s| {
            tokens
                .iter()
                .filter(|t| t.start >= s.start && t.end <= s.end)
                .filter(|t| {
                    matches!(
                        t.kind,
                        newslens::text::TokenKind::Word
                            | newslens::text::TokenKind::Number
                            | newslens::text::TokenKind::Abbreviation
                    )
                })
                .count()
        })
        .collect()
}

/// Indices are valid, unique and in document order; every chosen sentence has a
/// positive score; the credit line is never chosen.
fn check_invariants(text: &str, a: &Analysis, what: &str) {
    let s = &a.summary;
    assert_eq!(s.scores.len(), a.sentences.len(), "{what}");
    assert!(
        s.sentences.windows(2).all(|w| w[0] < w[1]),
        "{what}: {:?}",
        s.sentences
    );
    assert!(s.sentences.iter().all(|&i| i < a.sentences.len()), "{what}");
    assert!(s.sentences.iter().all(|&i| s.scores[i] > 0.0), "{what}");
    assert!(s.scores.iter().all(|x| (0.0..1.0).contains(x)), "{what}");
    for &i in &s.sentences {
        let sentence = &text[a.sentences[i].start..a.sentences[i].end];
        assert!(
            !sentence.starts_with("With files from"),
            "{what}: picked the credit"
        );
    }
}

const SAMPLE: &str = include_str!("data/belarus-2020-10-16.txt");

#[test]
fn every_length_keeps_the_invariants() {
    let base = run(SAMPLE, &AnalyzeOptions::default());
    let n = base.sentences.len();
    let candidates = base.summary.scores.iter().filter(|&&x| x > 0.0).count();
    assert_eq!(
        (n, candidates),
        (13, 12),
        "the credit line is not a candidate"
    );
    let words = words(SAMPLE, &base);
    for k in 0..20u32 {
        let a = run(
            SAMPLE,
            &with_summary(SummaryOptions {
                sentences: Some(k),
                ..Default::default()
            }),
        );
        check_invariants(SAMPLE, &a, &format!("sentences {k}"));
        assert_eq!(a.summary.sentences.len(), (k as usize).min(candidates));
    }
    for budget in (0..500u32).step_by(7) {
        let a = run(
            SAMPLE,
            &with_summary(SummaryOptions {
                words: Some(budget),
                ..Default::default()
            }),
        );
        check_invariants(SAMPLE, &a, &format!("words {budget}"));
        let chosen = &a.summary.sentences;
        let total: usize = chosen.iter().map(|&i| words[i]).sum();
        let longest = chosen.iter().map(|&i| words[i]).max().unwrap_or(0);
        // The budget is reached (unless every candidate is in) and only the
        // last sentence taken goes over it.
        assert!(
            total >= budget as usize || chosen.len() == candidates,
            "words {budget}"
        );
        assert!(
            total < budget as usize + longest || chosen.is_empty(),
            "words {budget}"
        );
    }
    for r in [0.01, 0.1, 0.25, 0.3, 0.5, 0.9, 1.0] {
        let a = run(
            SAMPLE,
            &with_summary(SummaryOptions {
                ratio: Some(r),
                ..Default::default()
            }),
        );
        check_invariants(SAMPLE, &a, &format!("ratio {r}"));
        let want = ((n as f64) * r).ceil() as usize;
        assert_eq!(a.summary.sentences.len(), want.min(candidates), "ratio {r}");
    }
}

#[test]
fn default_summary_of_the_sample() {
    let a = run(SAMPLE, &AnalyzeOptions::default());
    assert_eq!(a.summary.sentences.len(), 3);
    assert!(a.summary.sentences.contains(&0), "{:?}", a.summary);
}

#[test]
fn title_raises_sentences_that_share_its_words() {
    let text = "Officials met in Vilnius on Friday to discuss the region. \
                Canada slapped new sanctions on Belarus over the crackdown. \
                The weather in the city was mild for October.";
    let plain = run(text, &AnalyzeOptions::default());
    let titled = run(
        text,
        &AnalyzeOptions {
            title: Some("Canada slaps sanctions on Belarus".into()),
            ..Default::default()
        },
    );
    assert!(titled.summary.scores[1] > plain.summary.scores[1]);
    assert_eq!(titled.summary.scores[0], plain.summary.scores[0]);
}

#[test]
fn odd_text_never_panics() {
    for text in [
        "“”",
        "\"\"\"",
        "By",
        "By \n\n",
        "- \n- \n-",
        "1) 2) 3)",
        "ééé ééé ééé ééé. ūūū ūūū ūūū ūūū?",
        "😀 😀 😀 😀 😀. € € € €",
        "companies companies companies companies.",
        "س س س س. 中文 中文 中文 中文。",
    ] {
        for title in [None, Some(""), Some("—"), Some(text)] {
            let a = run(
                text,
                &AnalyzeOptions {
                    title: title.map(String::from),
                    ..Default::default()
                },
            );
            check_invariants(text, &a, text);
        }
    }
}
