//! Golden tests of the numeric recogniser: tests/data/numeric.txt, the sample
//! article, and invariants over random text.

use newslens::numeric_entities_for_test as numeric;

/// One found entity as the golden file writes it: `LABEL | text | value JSON`.
fn show(text: &str, date: Option<&str>) -> Vec<String> {
    numeric(text, date)
        .into_iter()
        .map(|(t, label, v)| format!("{label} | {t} | {}", serde_json::to_string(&v).unwrap()))
        .collect()
}

/// One golden case: `text`, read with article `date`, has exactly `expected`.
fn numeric_test(text: &str, date: Option<&str>, expected: &[String]) -> Result<(), String> {
    let got = show(text, date);
    (got == expected)
        .then_some(())
        .ok_or_else(|| format!("> {text}\n  expected {expected:#?}\n  got {got:#?}"))
}

#[test]
fn golden_numeric() {
    let data = include_str!("data/numeric.txt");
    let (mut cases, mut expressions, mut failures) = (0, 0, Vec::new());
    let mut date: Option<String> = None;
    let mut text: Option<(String, usize)> = None;
    let mut expected = Vec::new();
    for (n, line) in data.lines().chain(std::iter::once("")).enumerate() {
        if let Some(d) = line.strip_prefix("@date ") {
            date = (d != "none").then(|| d.to_string());
        } else if let Some(t) = line.strip_prefix("> ") {
            text = Some((t.to_string(), n + 1));
        } else if let Some(e) = line.strip_prefix("= ") {
            expected.push(e.to_string());
            expressions += 1;
        } else if line.trim().is_empty() {
            if let Some((t, at)) = text.take() {
                if let Err(e) = numeric_test(&t, date.as_deref(), &expected) {
                    failures.push(format!("tests/data/numeric.txt:{at}\n{e}"));
                }
                cases += 1;
            }
            expected.clear();
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {cases} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(
        expressions >= 150,
        "only {expressions} expressions in {cases} cases"
    );
}

/// The bar of issue 4 on the sample article, read with its header date.
#[test]
fn sample_article_values() {
    let text = include_str!("data/belarus-2020-10-16.txt");
    let found = show(text, None);
    let has = |s: &str| assert!(found.iter().any(|f| f == s), "missing {s} in {found:#?}");
    has(r#"DATE | Friday | {"kind":"date","iso":"2020-10-16"}"#);
    has(r#"DATE | Thursday | {"kind":"date","iso":"2020-10-15"}"#);
    has(r#"DATE | Aug. 9 | {"kind":"date","iso":"2020-08-09"}"#);
    has(r#"DATE | 1994 | {"kind":"date","iso":"1994"}"#);
    has(r#"DATE | August | {"kind":"date","iso":"2020-08"}"#);
    has(r#"DATE | later this month | {"kind":"date","iso":"2020-10"}"#);
    has(r#"DATE | less than three weeks | {"kind":"duration","iso":"P3W","mod":"less_than"}"#);
    has(r#"CARDINAL | 31 | {"kind":"number","value":31}"#);
    has(r#"CARDINAL | 12 | {"kind":"number","value":12}"#);
    has(
        r#"CARDINAL | tens of thousands | {"kind":"number","min":20000,"max":99999,"mod":"approx"}"#,
    );
    has(r#"ORDINAL | sixth | {"kind":"number","value":6}"#);
    // "his six term in office" is a typo for "sixth"; the rules read what is
    // written, a CARDINAL, and do not guess the correction.
    has(r#"CARDINAL | six | {"kind":"number","value":6}"#);
    // "Earlier Friday": the value is the day; "earlier" only joins this/last/next.
    assert_eq!(
        found
            .iter()
            .filter(|f| f.starts_with("DATE | Friday |"))
            .count(),
        2
    );
}
