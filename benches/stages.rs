//! Native benchmarks of each pipeline stage over a fixed corpus: the sample
//! article `tests/data/belarus-2020-10-16.txt` repeated to at least 10,000 words.
//!
//! `cargo bench --features bench --bench stages` (one core; criterion reports
//! time and throughput per stage: bytes/s for the text stages, elements/s =
//! tokens/s for the tagger, words/s for the whole `analyze`).

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use newslens::bench::Prepared;
use newslens::text::{paragraphs, sentences, split_header, tokenize};
use newslens::{analyze, default_model, AnalyzeOptions};

/// The sample article, its header kept once, repeated to >= 10,000 words.
fn corpus() -> String {
    let sample = include_str!("../tests/data/belarus-2020-10-16.txt");
    let (_, body) = split_header(sample);
    let mut text = sample.to_string();
    while text.split_whitespace().count() < 10_000 {
        text.push_str("\n\n");
        text.push_str(&sample[body.start..body.end]);
    }
    text
}

fn stages(c: &mut Criterion) {
    let text = corpus();
    let text = text.as_str();
    let words = text.split_whitespace().count() as u64;
    let prepared = Prepared::new(text);
    let tokens = prepared.tokens() as u64;
    let model = default_model().expect("embedded model");
    println!(
        "corpus: {words} words, {tokens} tokens, {} bytes",
        text.len()
    );

    let mut g = c.benchmark_group("stages");
    g.throughput(Throughput::Elements(words));
    g.bench_function("tokens+sentences (words/s)", |b| {
        b.iter(|| {
            let (_, body) = split_header(text);
            let paras = paragraphs(text, body);
            let mut toks = Vec::new();
            paras.iter().for_each(|p| tokenize(text, *p, &mut toks));
            sentences(black_box(text), &toks, &paras).len()
        })
    });
    g.throughput(Throughput::Elements(tokens));
    g.bench_function("tagger (tokens/s)", |b| {
        b.iter(|| prepared.tag(model, black_box(text)))
    });
    g.throughput(Throughput::Elements(words));
    g.bench_function("numeric rules (words/s)", |b| {
        b.iter(|| prepared.numeric(black_box(text)))
    });
    g.bench_function("summary (words/s)", |b| {
        b.iter(|| prepared.summary(black_box(text)))
    });
    let options = AnalyzeOptions::default();
    g.bench_function("analyze (words/s)", |b| {
        b.iter(|| analyze(black_box(text), &options).map(|a| a.entities.len()))
    });
    g.finish();
}

/// The tagger over real articles one at a time (no repetition across them):
/// the JSONL file in `NEWSLENS_BENCH_ARTICLES` (field `text`), by default
/// `data-cache/ner/bbc_test.jsonl` when it exists (see model/README.md).
fn articles(c: &mut Criterion) {
    let path = std::env::var("NEWSLENS_BENCH_ARTICLES")
        .unwrap_or_else(|_| "data-cache/ner/bbc_test.jsonl".into());
    let Ok(jsonl) = std::fs::read_to_string(&path) else {
        println!("articles: {path} not found; skipped");
        return;
    };
    let texts: Vec<String> = jsonl
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(String::from))
        .collect();
    let prepared: Vec<Prepared> = texts.iter().map(|t| Prepared::new(t)).collect();
    let tokens: usize = prepared.iter().map(Prepared::tokens).sum();
    let words: usize = texts.iter().map(|t| t.split_whitespace().count()).sum();
    println!(
        "articles: {} from {path}, {words} words, {tokens} tokens",
        texts.len()
    );
    let model = default_model().expect("embedded model");
    let mut g = c.benchmark_group("articles");
    g.sample_size(20);
    g.throughput(Throughput::Elements(tokens as u64));
    g.bench_function("tagger (tokens/s)", |b| {
        b.iter(|| {
            prepared
                .iter()
                .zip(&texts)
                .map(|(p, t)| p.tag(model, black_box(t)))
                .sum::<usize>()
        })
    });
    g.throughput(Throughput::Elements(words as u64));
    let options = AnalyzeOptions::default();
    g.bench_function("analyze (words/s)", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| analyze(black_box(t), &options).map_or(0, |a| a.entities.len()))
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(benches, stages, articles);
criterion_main!(benches);
