//! Trains the NER model from `data-cache/` (see `model/README.md`) and writes the blob.
//!
//! `cargo run --release --features train --bin train-ner -- [--epochs N] [--bag K] [--out model/ner.bin]`
//!
//! `--bag K` trains K perceptrons over the same corpus in different orders (in
//! parallel threads) and ships the mean of their averaged weights. In `--sets`,
//! `name*k` takes a set k times and `name~k` adds k copies of it with its names
//! swapped for other gold names of the same label (`swap_names`).

use std::collections::HashSet;
use std::path::PathBuf;
use std::time::Instant;

use newslens::train::{
    build_lexicon, evaluate, merge_labels, name_pool, predict, raw_sentences, read_docs, shuffled,
    swap_names, word_hash, Corpus, Counts, Perceptron, Scheme,
};
use newslens::Model;

struct Args {
    cache: PathBuf,
    out: PathBuf,
    sets: Vec<String>,
    dev: String,
    epochs: usize,
    min_count: u32,
    threshold: f32,
    top_words: usize,
    vocab: bool,
    keep: usize,
    seed: u64,
    bag: usize,
}

fn parse_args() -> Result<Args, String> {
    let mut a = Args {
        cache: "data-cache".into(),
        out: "model/ner.bin".into(),
        sets: vec!["conll_train".into(), "gmb_train".into(), "bbc_train".into()],
        dev: "conll_testa".into(),
        epochs: 8,
        min_count: 2,
        threshold: 0.5,
        top_words: 20_000,
        vocab: true,
        keep: 0,
        seed: 2020,
        bag: 1,
    };
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let mut value = || it.next().cloned().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--cache" => a.cache = value()?.into(),
            "--out" => a.out = value()?.into(),
            "--sets" => a.sets = value()?.split(',').map(str::to_string).collect(),
            "--dev" => a.dev = value()?,
            "--epochs" => a.epochs = value()?.parse().map_err(|e| format!("--epochs: {e}"))?,
            "--min-count" => {
                a.min_count = value()?.parse().map_err(|e| format!("--min-count: {e}"))?
            }
            "--threshold" => {
                a.threshold = value()?.parse().map_err(|e| format!("--threshold: {e}"))?
            }
            "--top-words" => {
                a.top_words = value()?.parse().map_err(|e| format!("--top-words: {e}"))?
            }
            "--no-vocab" => a.vocab = false,
            "--keep" => a.keep = value()?.parse().map_err(|e| format!("--keep: {e}"))?,
            "--seed" => a.seed = value()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--bag" => {
                a.bag = value()?.parse().map_err(|e| format!("--bag: {e}"))?;
                if !(1..=16).contains(&a.bag) {
                    return Err("--bag: 1 to 16 runs (each holds its own weights in memory)".into());
                }
            }
            other => return Err(format!("unknown argument {other}")),
        }
    }
    Ok(a)
}

fn main() {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("train-ner: {e}");
            std::process::exit(2);
        }
    };
    let t0 = Instant::now();
    let ner = args.cache.join("ner");
    let mut docs = Vec::new();
    for spec in &args.sets {
        // "name*k" repeats a set k times (weights it k-fold); "name~k" adds k
        // copies with names swapped (`swap_names`)
        let (set, times, swapped) = match (spec.split_once('*'), spec.split_once('~')) {
            (Some((s, k)), _) => (s, k.parse::<usize>().unwrap_or(1), false),
            (_, Some((s, k))) => (s, k.parse::<usize>().unwrap_or(1), true),
            _ => (spec.as_str(), 1, false),
        };
        let d =
            read_docs(&ner.join(format!("{set}.jsonl"))).unwrap_or_else(|e| panic!("{set}: {e}"));
        let has_gold = !set.starts_with("bbc");
        eprintln!("{set}: {} documents x {times}", d.len());
        for k in 0..times {
            docs.extend(
                d.iter()
                    .map(|d| (d.clone(), has_gold, swapped.then_some(k))),
            );
        }
    }
    // `--dev none` trains without a held-out set (the final model, trained on dev too)
    let dev = match args.dev.as_str() {
        "none" => Vec::new(),
        name => read_docs(&ner.join(format!("{name}.jsonl"))).expect("dev set"),
    };
    // vocabulary of the training texts, for the cluster table
    let mut vocab: HashSet<u64> = HashSet::new();
    for (d, _, _) in docs.iter().filter(|_| args.vocab) {
        for w in d
            .text
            .split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'')
        {
            if !w.is_empty() {
                vocab.insert(word_hash(&w.to_lowercase()));
            }
        }
    }
    let lexicon = build_lexicon(&args.cache, args.top_words, &vocab).expect("lexicon");
    let (words, phrases) = lexicon.sizes();
    eprintln!("lexicon: {words} words, {phrases} phrases");
    let mut raw = Vec::new();
    let mut dropped = 0;
    let labelled: Vec<_> = docs
        .iter()
        .map(|(d, has_gold, swap)| (merge_labels(d, *has_gold), *swap))
        .collect();
    // names to swap in: those of the gold-labelled documents
    let pool = name_pool(
        docs.iter()
            .zip(&labelled)
            .filter(|((_, has_gold, swap), _)| *has_gold && swap.is_none())
            .map(|((d, _, _), (spans, _))| (d.text.as_str(), spans.as_slice())),
    );
    for (i, ((d, _, _), (spans, swap))) in docs.iter().zip(&labelled).enumerate() {
        let swapped;
        let (text, spans) = match swap {
            Some(k) => {
                swapped = swap_names(
                    &d.text,
                    spans,
                    &pool,
                    args.seed ^ ((i as u64) << 8) ^ (*k as u64),
                );
                (swapped.0.as_str(), swapped.1.as_slice())
            }
            None => (d.text.as_str(), spans.as_slice()),
        };
        let (s, n) = raw_sentences(text, spans, &lexicon);
        raw.extend(s);
        dropped += n;
    }
    let corpus = Corpus::new(raw, args.min_count);
    eprintln!(
        "{} sentences, {} features (min count {}), {dropped} entity spans off token boundaries; {:.0}s",
        corpus.examples.len(),
        corpus.keys.len(),
        args.min_count,
        t0.elapsed().as_secs_f64()
    );
    let mut corpus = corpus;
    let mut p = Perceptron::new(corpus.keys.len());
    let rounds = if args.keep > 0 { 2 } else { 1 };
    for round in 1..=rounds {
        if round == 2 {
            // second round: retrain on the strongest features only, so weight
            // mass moves onto the features the package can afford to keep
            corpus = corpus.restrict(&p.strongest(args.keep));
            eprintln!("round 2: {} features", corpus.keys.len());
        }
        // `--bag k`: k runs over the corpus in different orders, averaged
        let runs: Vec<Perceptron> = std::thread::scope(|scope| {
            let corpus = &corpus;
            let handles: Vec<_> = (0..args.bag as u64)
                .map(|run| {
                    scope.spawn(move || {
                        let mut p = Perceptron::new(corpus.keys.len());
                        for epoch in 1..=args.epochs {
                            let seed = args.seed + 1000 * run + epoch as u64;
                            let errors = p.epoch(corpus, &shuffled(corpus.examples.len(), seed));
                            eprintln!(
                                "round {round} run {run} epoch {epoch}: {errors} token errors; {:.0}s",
                                t0.elapsed().as_secs_f64()
                            );
                        }
                        p
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().expect("training run"))
                .collect()
        });
        p = Perceptron::mean(&runs);
        let parts = p.finish(&corpus.keys, args.threshold, lexicon.clone());
        let bytes = parts.to_bytes();
        let model = Model::from_bytes(&bytes).expect("own blob");
        let score = if dev.is_empty() {
            String::new()
        } else {
            let counts = evaluate(&dev, Scheme::Coarse, |t| predict(&model, t));
            let (pr, re, f) = Counts::prf(counts.total());
            format!("{} = P {pr:.4} R {re:.4} F1 {f:.4}; ", args.dev)
        };
        eprintln!(
            "round {round}: {score}blob {} bytes; {:.0}s",
            bytes.len(),
            t0.elapsed().as_secs_f64()
        );
        if round == rounds {
            std::fs::write(&args.out, &bytes).expect("write model");
            eprintln!("wrote {}", args.out.display());
        }
    }
}
