//! Golden sentence-splitting tests: tests/data/sentences.txt and the sample article.

use newslens::{analyze, AnalyzeOptions};

fn split(text: &str) -> Vec<String> {
    let a = analyze(text, &AnalyzeOptions::default()).expect("analyze");
    a.sentences
        .iter()
        .map(|s| text[s.start..s.end].to_string())
        .collect()
}

/// One golden case: `text` splits into exactly `expected`.
fn sentence_test(text: &str, expected: &[String], line: usize) {
    assert_eq!(
        split(text),
        expected,
        "case at tests/data/sentences.txt:{line}"
    );
}

#[test]
fn golden_sentences() {
    let data = include_str!("data/sentences.txt");
    let mut cases = 0;
    let mut text: Option<(String, usize)> = None;
    let mut expected = Vec::new();
    for (n, line) in data.lines().chain(std::iter::once("")).enumerate() {
        if let Some(t) = line.strip_prefix("> ") {
            text = Some((t.replace("\\n", "\n"), n + 1));
        } else if let Some(s) = line.strip_prefix("= ") {
            expected.push(s.replace("\\n", "\n"));
        } else if line.trim().is_empty() {
            if let Some((t, at)) = text.take() {
                sentence_test(&t, &expected, at);
                cases += 1;
            }
            expected.clear();
        }
    }
    assert!(cases >= 30, "only {cases} golden cases were read");
}

#[test]
fn sample_article_has_13_sentences() {
    let text = include_str!("data/belarus-2020-10-16.txt");
    let a = analyze(text, &AnalyzeOptions::default()).unwrap();
    assert_eq!(a.date.unwrap().to_string(), "2020-10-16");
    let s: Vec<&str> = a.sentences.iter().map(|s| &text[s.start..s.end]).collect();
    assert_eq!(s.len(), 13, "{s:#?}");
    assert!(s[0].starts_with("Canada “will always be on your side”"));
    assert!(s[0].ends_with("on Friday."));
    assert_eq!(
        s[5],
        "“You know sometimes you do things and don’t really appreciate the impact, but what she was telling me was I was one of the first to call at a moment she was saying was pivotal in her fight for the democratic movement,” Champagne said."
    );
    assert_eq!(
        s[6],
        "“And I think she holds Canada and our intervention very high.”"
    );
    assert!(s[7].ends_with("with the EU and the U.S."), "{}", s[7]);
    assert!(s[8].starts_with("The new sanctions came"), "{}", s[8]);
    assert_eq!(s[12], "With files from The Associated Press");
    // the header is not article text
    assert!(a.header.is_some());
    assert!(a.sentences[0].start > a.header.unwrap().end);
}
