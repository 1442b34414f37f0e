//! Prints NER precision, recall and F1, overall and per label, on held-out data.
//!
//! `cargo run --release --features train --bin evaluate-ner -- [--model FILE] [--sets a,b]`
//!
//! Sets: conll_testa, conll_testb, gmb_test, wnut_test (gold, 4 coarse types as in
//! ../shared/notes/evaluation.md), bbc_test (agreement with the spaCy teacher on all
//! 18 labels) and sample (tests/data/belarus-2020-10-16.txt against a careful reading).

use std::path::PathBuf;
use std::time::Instant;

use newslens::train::{evaluate, predict, read_docs, Counts, RawDoc, Scheme};
use newslens::Model;

fn main() {
    let mut model_path: Option<PathBuf> = None;
    let mut cache = PathBuf::from("data-cache");
    // conll_testa is training data for the shipped model (pass it with --sets to
    // score a model trained without it)
    let mut sets: Vec<String> = ["conll_testb", "gmb_test", "wnut_test", "bbc_test", "sample"]
        .map(String::from)
        .to_vec();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let value = it
            .next()
            .unwrap_or_else(|| fail(&format!("{flag} needs a value")));
        match flag.as_str() {
            "--model" => model_path = Some(value.into()),
            "--cache" => cache = value.into(),
            "--sets" => sets = value.split(',').map(String::from).collect(),
            _ => fail(&format!("unknown argument {flag}")),
        }
    }
    let model = match &model_path {
        Some(p) => Model::from_bytes(
            &std::fs::read(p).unwrap_or_else(|e| fail(&format!("{}: {e}", p.display()))),
        )
        .unwrap_or_else(|e| fail(&e.to_string())),
        None => newslens::default_model()
            .unwrap_or_else(|e| fail(&e.to_string()))
            .clone(),
    };
    println!(
        "model: {}",
        model_path.map_or("embedded model/ner.bin".into(), |p| p.display().to_string())
    );
    for set in &sets {
        let (docs, scheme) = match set.as_str() {
            "sample" => (vec![sample_doc()], Scheme::Teacher),
            "bbc_test" => (load(&cache, set), Scheme::Teacher),
            _ => (load(&cache, set), Scheme::Coarse),
        };
        let t0 = Instant::now();
        let counts = evaluate(&docs, scheme, |t| predict(&model, t));
        let secs = t0.elapsed().as_secs_f64();
        let words: usize = docs.iter().map(|d| d.text.split_whitespace().count()).sum();
        let what = match (set.as_str(), scheme) {
            ("sample", _) => "18 labels vs a careful reading",
            (_, Scheme::Teacher) => "18 labels, agreement with the spaCy md teacher",
            _ => "4 coarse types vs gold",
        };
        println!(
            "\n{set} ({} docs, {words} words; {what}; {:.0} words/s incl. scoring)",
            docs.len(),
            words as f64 / secs
        );
        println!(
            "  {:<12} {:>7} {:>7} {:>7} {:>6} {:>6}",
            "label", "P", "R", "F1", "pred", "gold"
        );
        for (label, c) in &counts.by_label {
            row(label, *c);
        }
        row("overall", counts.total());
    }
}

fn row(label: &str, c: (usize, usize, usize)) {
    let (p, r, f) = Counts::prf(c);
    println!(
        "  {label:<12} {:>7.4} {:>7.4} {:>7.4} {:>6} {:>6}",
        p, r, f, c.1, c.2
    );
}

fn load(cache: &std::path::Path, set: &str) -> Vec<RawDoc> {
    read_docs(&cache.join("ner").join(format!("{set}.jsonl")))
        .unwrap_or_else(|e| fail(&format!("{set}: {e} (run tools/prepare_ner.py first)")))
}

/// The sample article with its hand-made gold as `silver` (18 labels).
fn sample_doc() -> RawDoc {
    let root = env!("CARGO_MANIFEST_DIR");
    let text = std::fs::read_to_string(format!("{root}/tests/data/belarus-2020-10-16.txt"))
        .expect("sample");
    let gold =
        std::fs::read_to_string(format!("{root}/tests/data/belarus-2020-10-16.entities.tsv"))
            .expect("gold");
    let mut at = 0;
    let mut silver = Vec::new();
    for line in gold
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let (label, mention) = line.split_once('\t').expect("LABEL<TAB>mention");
        let start = at
            + text[at..]
                .find(mention)
                .unwrap_or_else(|| fail(&format!("{mention:?} not found")));
        silver.push((start, start + mention.len(), label.to_string()));
        at = start + mention.len();
    }
    RawDoc {
        id: "sample".into(),
        text,
        gold: Vec::new(),
        silver,
    }
}

fn fail(msg: &str) -> ! {
    eprintln!("evaluate-ner: {msg}");
    std::process::exit(2)
}
