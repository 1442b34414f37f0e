//! The hand-made gold of `eval/numeric/` and `eval/names/` (see their
//! `GUIDELINES.md`): tab-separated rows `doc start end label text` of byte
//! spans into the `article` field of BBC News Summary records, checked against
//! the articles. The numeric gold has the seven numeric labels, the names gold
//! the other eleven.

use std::collections::HashMap;
use std::path::Path;

use serde::Deserialize;

use super::RawDoc;
use crate::ner::Label;

/// How many articles of each category, first in file order, a gold file covers.
pub const ARTICLES_PER_CATEGORY: usize = 5;

/// The first line of a gold file.
pub const HEADER: &str = "doc\tstart\tend\tlabel\ttext";

/// A record of `bbc_news_summary/*.jsonl` (its other fields are not read).
#[derive(Deserialize, Clone, Debug)]
pub struct Article {
    /// E.g. `business_004`.
    pub id: String,
    /// E.g. `business`.
    pub category: String,
    /// The text the gold offsets count bytes of, title line included.
    pub article: String,
}

/// Reads a BBC News Summary JSONL file.
pub fn read_articles(path: &Path) -> Result<Vec<Article>, String> {
    let jsonl = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    jsonl
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str(l).map_err(|e| format!("{} line {}: {e}", path.display(), i + 1))
        })
        .collect()
}

/// Which labels a gold file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gold {
    /// The seven numeric labels (`eval/numeric/`).
    Numeric,
    /// The eleven name labels (`eval/names/`).
    Names,
}

impl Gold {
    /// Whether a row may have `label`.
    fn holds(self, label: Label) -> bool {
        label.is_numeric() == (self == Gold::Numeric)
    }
}

/// The numeric gold of `tsv` over `articles`: [`read_gold`] with [`Gold::Numeric`].
pub fn read_numeric_gold(tsv: &str, articles: &[Article]) -> Result<Vec<RawDoc>, String> {
    read_gold(tsv, articles, Gold::Numeric)
}

/// The gold of `tsv` over `articles` (a whole JSONL file): one document per
/// article the gold covers, in file order, with the gold spans as `silver`.
///
/// Fails with a message naming the line when a row is malformed, names an
/// article outside the covered ones, is not a span of whole characters of
/// it, has a label that `kind` does not hold, has a `text` that is not the
/// article's bytes `start..end`, or overlaps another row.
pub fn read_gold(tsv: &str, articles: &[Article], kind: Gold) -> Result<Vec<RawDoc>, String> {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let mut docs = Vec::new();
    // covered article id -> (index into docs, text)
    let mut index: HashMap<&str, (usize, &str)> = HashMap::new();
    for a in articles {
        let n = seen.entry(a.category.as_str()).or_default();
        *n += 1;
        if *n <= ARTICLES_PER_CATEGORY {
            index.insert(&a.id, (docs.len(), &a.article));
            docs.push(RawDoc {
                id: a.id.clone(),
                text: a.article.clone(),
                gold: Vec::new(),
                silver: Vec::new(),
            });
        }
    }
    let mut lines = tsv.lines().map(|l| l.strip_suffix('\r').unwrap_or(l));
    match lines.next() {
        Some(HEADER) => {}
        found => {
            return Err(format!(
                "line 1: the header must be {HEADER:?}, not {:?}",
                found.unwrap_or_default()
            ))
        }
    }
    // per document: (start, end, label, line number)
    let mut rows: Vec<Vec<(usize, usize, Label, usize)>> = vec![Vec::new(); docs.len()];
    for (n, line) in (2..).zip(lines) {
        if line.is_empty() {
            continue;
        }
        let at = |msg: String| format!("line {n}: {msg}");
        let fields: Vec<&str> = line.splitn(5, '\t').collect();
        let &[doc, start, end, label, text] = fields.as_slice() else {
            return Err(at(format!(
                "{} tab-separated fields, not 5 (doc, start, end, label, text)",
                fields.len()
            )));
        };
        let &(k, article) = index.get(doc).ok_or_else(|| {
            at(match articles.iter().find(|a| a.id == doc) {
                Some(a) => format!(
                    "{doc} is not among the first {ARTICLES_PER_CATEGORY} {} articles, \
                     which the gold covers",
                    a.category
                ),
                None => format!("no article {doc:?} in the data"),
            })
        })?;
        let offset = |s: &str| {
            s.parse::<usize>()
                .map_err(|_| at(format!("{s:?} is not a byte offset")))
        };
        let (start, end) = (offset(start)?, offset(end)?);
        let label = Label::parse(label)
            .filter(|&l| kind.holds(l))
            .ok_or_else(|| {
                let held: Vec<&str> = Label::ALL
                    .into_iter()
                    .filter(|&l| kind.holds(l))
                    .map(Label::as_str)
                    .collect();
                at(format!("{label:?} is not one of {}", held.join(", ")))
            })?;
        if start >= end || end > article.len() {
            return Err(at(format!(
                "{start}..{end} is not a span of {doc}, which has {} bytes",
                article.len()
            )));
        }
        let Some(slice) = article.get(start..end) else {
            return Err(at(format!(
                "{start}..{end} cuts a character of {doc} (offsets count bytes of UTF-8)"
            )));
        };
        if slice != text {
            let nearest = article
                .match_indices(text)
                .map(|(i, _)| i)
                .min_by_key(|&i| i.abs_diff(start));
            let hint = nearest.map_or(String::new(), |i| {
                format!("; {text:?} is at {i}..{}", i + text.len())
            });
            return Err(at(format!(
                "text {text:?} is not {doc}[{start}..{end}], which is {slice:?}{hint}"
            )));
        }
        rows[k].push((start, end, label, n));
    }
    for (doc, mut rows) in docs.iter_mut().zip(rows) {
        rows.sort_unstable_by_key(|r| (r.0, r.1));
        if let Some(w) = rows.windows(2).find(|w| w[1].0 < w[0].1) {
            let (a, b) = (w[0], w[1]);
            let (first, second) = if a.3 < b.3 { (a, b) } else { (b, a) };
            return Err(format!(
                "line {}: {}..{} {} overlaps line {} ({}..{} {}) in {}",
                second.3, second.0, second.1, second.2, first.3, first.0, first.1, first.2, doc.id
            ));
        }
        doc.silver = rows
            .into_iter()
            .map(|(s, e, l, _)| (s, e, l.as_str().to_string()))
            .collect();
    }
    Ok(docs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::train::{evaluate, Counts, Scheme};

    const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/numeval");

    fn fixture() -> (Vec<Article>, String) {
        let articles =
            read_articles(&Path::new(FIXTURE).join("bbc_news_summary/validation.jsonl")).unwrap();
        let tsv = std::fs::read_to_string(Path::new(FIXTURE).join("dev.tsv")).unwrap();
        (articles, tsv)
    }

    #[test]
    fn reads_the_fixture() {
        let (articles, tsv) = fixture();
        let docs = read_numeric_gold(&tsv, &articles).unwrap();
        let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
        // sport_902 has no numbers: it is scored all the same
        assert_eq!(
            ids,
            ["business_901", "business_902", "sport_901", "sport_902"]
        );
        let spans: usize = docs.iter().map(|d| d.silver.len()).sum();
        assert_eq!(spans, tsv.lines().count() - 1);
        // byte offsets: after "Café" and "€"
        let money = &docs[0].silver[3];
        assert_eq!(&docs[0].text[money.0..money.1], "€45m");
        assert_eq!(money.2, "MONEY");
        // the same file with Windows line ends
        let crlf = tsv.replace('\n', "\r\n");
        assert_eq!(
            read_numeric_gold(&crlf, &articles).unwrap()[1].silver,
            docs[1].silver
        );
    }

    /// `row` as the only gold row fails with a message containing `says`.
    fn rejects(articles: &[Article], row: &str, says: &str) {
        let e = read_numeric_gold(&format!("{HEADER}\n{row}\n"), articles).unwrap_err();
        assert!(e.contains(says), "{row:?}: {e}");
    }

    #[test]
    fn a_names_gold_holds_the_eleven_name_labels_and_no_number() {
        let (articles, _) = fixture();
        let row = |label: &str| format!("{HEADER}\nbusiness_901\t27\t30\t{label}\t12%\n");
        let docs = read_gold(&row("ORG"), &articles, Gold::Names).unwrap();
        assert_eq!(docs[0].silver, [(27, 30, "ORG".to_string())]);
        let e = read_gold(&row("PERCENT"), &articles, Gold::Names).unwrap_err();
        assert!(e.contains("\"PERCENT\" is not one of PERSON, NORP"), "{e}");
        let e = read_gold(&row("ORG"), &articles, Gold::Numeric).unwrap_err();
        assert!(e.contains("\"ORG\" is not one of DATE"), "{e}");
    }

    #[test]
    fn rejects_rows_that_do_not_fit_the_articles() {
        let (mut articles, _) = fixture();
        for i in 3..=6 {
            articles.push(Article {
                id: format!("sport_90{i}"),
                category: "sport".into(),
                article: "Nothing.".into(),
            });
        }
        let a = articles.as_slice();
        let e = read_numeric_gold("doc\tstart\tend\ttext\n", a).unwrap_err();
        assert!(e.starts_with("line 1: the header"), "{e}");
        rejects(
            a,
            "business_901\t27\t30\tPERCENT",
            "line 2: 4 tab-separated fields",
        );
        rejects(a, "tech_001\t0\t1\tCARDINAL\tx", "no article \"tech_001\"");
        rejects(
            a,
            "sport_906\t0\t1\tCARDINAL\tN",
            "not among the first 5 sport",
        );
        rejects(
            a,
            "business_901\t27\tx\tPERCENT\t12%",
            "\"x\" is not a byte offset",
        );
        rejects(
            a,
            "business_901\t27\t30\tPERSON\t12%",
            "\"PERSON\" is not one of",
        );
        rejects(
            a,
            "business_901\t30\t27\tPERCENT\t12%",
            "30..27 is not a span",
        );
        rejects(a, "business_901\t116\t121\tMONEY\t45m", "cuts a character");
        // character offsets instead of bytes: the message says where the text is
        rejects(
            a,
            "business_901\t122\t126\tDATE\t2004",
            "text \"2004\" is not business_901[122..126], which is \"in 2\"; \"2004\" is at 125..129",
        );
        let twice = "business_901\t27\t30\tPERCENT\t12%";
        rejects(
            a,
            &format!("{twice}\n{twice}"),
            "line 3: 27..30 PERCENT overlaps line 2",
        );
        rejects(
            a,
            "business_901\t27\t30\tPERCENT\t12%\nbusiness_901\t26\t30\tPERCENT\t 12%",
            "line 3: 26..30 PERCENT overlaps line 2 (27..30 PERCENT)",
        );
    }

    #[test]
    fn scores_exact_span_and_label_of_numeric_labels_only() {
        let doc = RawDoc {
            id: "d".into(),
            text: "On Friday Ann paid $5m for 300 shares, a first.".into(),
            gold: Vec::new(),
            silver: [
                (3, 9, "DATE"),
                (10, 13, "PERSON"),
                (19, 22, "MONEY"),
                (27, 30, "CARDINAL"),
                (41, 46, "ORDINAL"),
            ]
            .map(|(s, e, l)| (s, e, l.to_string()))
            .to_vec(),
        };
        let counts = evaluate(&[doc], Scheme::Numeric, |_| {
            vec![
                (3, 9, Label::Date),       // right
                (10, 13, Label::Org),      // a name: ignored
                (18, 22, Label::Money),    // boundary off
                (27, 37, Label::Cardinal), // boundary off
                (41, 46, Label::Cardinal), // label wrong
            ]
        });
        let get = |l: &str| counts.by_label.get(l).copied();
        assert_eq!(get("DATE"), Some((1, 1, 1)));
        assert_eq!(get("MONEY"), Some((0, 1, 1)));
        assert_eq!(get("CARDINAL"), Some((0, 2, 1)));
        assert_eq!(get("ORDINAL"), Some((0, 0, 1)));
        assert_eq!(get("PERSON"), None);
        assert_eq!(get("ORG"), None);
        assert_eq!(counts.total(), (1, 4, 4));
        assert_eq!(Counts::prf(counts.total()), (0.25, 0.25, 0.25));
    }
}
