//! Training the tagger: an averaged structured perceptron over the hashed
//! features, with first-order Viterbi decoding. Only built with `--features train`.

use std::collections::HashSet;
use std::io::BufRead;
use std::path::Path;

use serde::Deserialize;

pub use super::combine::{Combine, Policy};
use super::features::DocFeatures;
use super::lexicon::{gaz, phrase_next, phrase_start, Lexicon, WordInfo};
use super::model::{begin, viterbi, ModelParts, CLASSES};
use super::Label;
use crate::hash::{self, HashMap};
use crate::text::{paragraphs, sentences, tokenize, Span, Token};

mod numeric_gold;
pub use numeric_gold::{
    read_articles, read_gold, read_numeric_gold, Article, Gold, ARTICLES_PER_CATEGORY, HEADER,
};

/// One prepared document of `data-cache/ner/*.jsonl`.
#[derive(Deserialize, Clone, Debug)]
pub struct RawDoc {
    /// Document id.
    pub id: String,
    /// The text.
    pub text: String,
    /// Gold coarse spans `[start, end, "PER"|"LOC"|"ORG"|"MISC"]` (byte offsets).
    #[serde(default)]
    pub gold: Vec<(usize, usize, String)>,
    /// Teacher spans with the 18 labels.
    #[serde(default)]
    pub silver: Vec<(usize, usize, String)>,
}

/// Reads a JSONL file of documents.
pub fn read_docs(path: &Path) -> std::io::Result<Vec<RawDoc>> {
    let f = std::io::BufReader::new(std::fs::File::open(path)?);
    let mut out = Vec::new();
    for line in f.lines() {
        let line = line?;
        if !line.trim().is_empty() {
            out.push(serde_json::from_str(&line).map_err(std::io::Error::other)?);
        }
    }
    Ok(out)
}

/// Training labels for a document: gold coarse spans refined to fine labels by
/// the teacher where it agrees, plus the teacher's numeric spans that do not
/// overlap gold. Documents without gold use the teacher's spans as they are.
pub fn merge_labels(doc: &RawDoc, has_gold: bool) -> Vec<(usize, usize, Label)> {
    let silver: Vec<(usize, usize, Label)> = doc
        .silver
        .iter()
        .filter_map(|(s, e, l)| Label::parse(l).map(|l| (*s, *e, l)))
        // only the leading "the" is dropped for training: dropping possessives
        // too did not help on dev (92.14 against 92.34); the pipeline trims
        // them from the tagger's mentions instead
        .map(|(s, e, l)| (name_span(&doc.text, s, e, l).0, e, l))
        .collect();
    if !has_gold {
        return silver;
    }
    let overlaps = |a: (usize, usize), b: (usize, usize)| a.0 < b.1 && b.0 < a.1;
    let mut out: Vec<(usize, usize, Label)> = Vec::new();
    for (s, e, coarse) in &doc.gold {
        let same = |l: Label| l.coarse() == Some(coarse.as_str());
        let exact = silver.iter().find(|x| x.0 == *s && x.1 == *e && same(x.2));
        let near = silver
            .iter()
            .find(|x| overlaps((x.0, x.1), (*s, *e)) && same(x.2));
        let label = exact
            .or(near)
            .map(|x| x.2)
            .unwrap_or(match coarse.as_str() {
                "PER" => Label::Person,
                "ORG" => Label::Org,
                "LOC" => Label::Gpe,
                _ => Label::Norp,
            });
        out.push((*s, *e, label));
    }
    for x in &silver {
        if x.2.is_numeric() && !doc.gold.iter().any(|g| overlaps((g.0, g.1), (x.0, x.1))) {
            out.push(*x);
        }
    }
    out.sort_unstable_by_key(|x| (x.0, x.1));
    out
}

/// A mention under our span convention: names leave out a leading "the"
/// ("the Federal Reserve" -> "Federal Reserve", as in CoNLL and MUC; also
/// "The" opening a sentence, which is the same article, though titles of
/// works keep it) and a trailing possessive ("Bush's" -> "Bush", as in CoNLL
/// and OntoNotes); numbers keep both ("the past five years", as in OntoNotes).
/// The spaCy teacher sometimes includes them in names; its spans are read
/// through this.
pub fn name_span(text: &str, start: usize, end: usize, label: Label) -> (usize, usize) {
    let Some(t) = text.get(start..end).filter(|_| !label.is_numeric()) else {
        return (start, end);
    };
    let article = t.starts_with("the ")
        || (t.starts_with("The ") && label != Label::WorkOfArt && opens_sentence(text, start));
    let start = if article && t.len() > 4 {
        start + 4
    } else {
        start
    };
    let t = &text[start..end];
    let end = match t.strip_suffix("'s").or_else(|| t.strip_suffix("\u{2019}s")) {
        Some(name) if t.len() > 4 => start + name.len(),
        _ => end,
    };
    (start, end)
}

/// Whether `start` opens a sentence: only spaces, quotes or brackets lie
/// between it and the start of the text, a line break or a full stop.
fn opens_sentence(text: &str, start: usize) -> bool {
    text[..start]
        .chars()
        .rev()
        .find(|c| !matches!(c, ' ' | '\t' | '"' | '\'' | '\u{201c}' | '\u{2018}' | '('))
        .is_none_or(|c| matches!(c, '.' | '!' | '?' | '\n'))
}

/// Tokens and sentences of a training text, as the pipeline makes them.
pub fn segment(text: &str) -> (Vec<Token>, Vec<Span>) {
    let paras = paragraphs(text, Span::new(0, text.len()));
    let mut tokens = Vec::new();
    for p in &paras {
        tokenize(text, *p, &mut tokens);
    }
    let sents = sentences(text, &tokens, &paras);
    (tokens, sents)
}

/// BILOU classes of `tokens` for entity byte spans; spans not on token
/// boundaries are dropped (counted in the second value), and spans of labels
/// the tagger leaves to the rules stay `O`.
pub fn classes(tokens: &[Token], spans: &[(usize, usize, Label)]) -> (Vec<usize>, usize) {
    let mut out = vec![0; tokens.len()];
    let mut dropped = 0;
    for &(s, e, l) in spans {
        let first = tokens.iter().position(|t| t.span.start == s);
        let last = tokens.iter().position(|t| t.span.end == e);
        match (first, last) {
            (Some(a), Some(b)) if a <= b && out[a..=b].iter().all(|&c| c == 0) => {
                let Some(first) = begin(l) else { continue };
                if a == b {
                    out[a] = first + 3;
                } else {
                    out[a] = first;
                    out[a + 1..b].fill(first + 1);
                    out[b] = first + 2;
                }
            }
            _ => dropped += 1,
        }
    }
    (out, dropped)
}

/// Builds the lexicon from `data-cache/clusters.tsv` and `data-cache/gazetteers/`:
/// clusters for the `top` most frequent GloVe words plus any word in `vocabulary`
/// (lower-case hashes).
pub fn build_lexicon(
    cache: &Path,
    top: usize,
    vocabulary: &HashSet<u64>,
) -> std::io::Result<Resources> {
    let mut lex = Lexicon::default();
    let clusters = std::fs::read_to_string(cache.join("clusters.tsv"))?;
    // every GloVe word's cluster; only some are kept below
    let mut all: HashMap<u32, (usize, u16)> = HashMap::default();
    for (rank, line) in clusters.lines().filter(|l| !l.starts_with('#')).enumerate() {
        let mut cols = line.split('\t');
        let (Some(w), Some(_c256), Some(c1024)) = (cols.next(), cols.next(), cols.next()) else {
            continue;
        };
        let h = hash::str(w);
        let c1024: u16 = c1024.parse::<u16>().map_or(0, |c| c + 1);
        all.insert(hash::key(h), (rank, c1024));
        if rank < top || vocabulary.contains(&h) {
            lex.words.insert(hash::key(h), WordInfo { c1024, gaz: 0 });
        }
    }
    let gaz_dir = cache.join("gazetteers");
    let mut add = |name: &str, bits: u8| {
        let (tokens, _) = segment(name);
        let lower: Vec<String> = tokens
            .iter()
            .map(|t| t.span.of(name).to_lowercase())
            .collect();
        match lower.len() {
            0 => {}
            1 => {
                // a city or first name outside GloVe's 200k words is too rare to pay for
                let k = hash::key(hash::str(&lower[0]));
                let common = all.get(&k);
                if common.is_some() || bits & !(gaz::CITY | gaz::FIRST_NAME) != 0 {
                    let e = lex.words.entry(k).or_default();
                    e.gaz |= bits;
                    if let Some(&(_, c)) = common {
                        e.c1024 = c;
                    }
                }
            }
            n if n <= super::lexicon::MAX_PHRASE => {
                let mut h = phrase_start(&lower[0]);
                for w in &lower[1..] {
                    h = phrase_next(h, w);
                }
                *lex.phrases.entry(hash::key(h)).or_default() |= bits;
            }
            _ => {}
        }
    };
    let read = |file: &str| std::fs::read_to_string(gaz_dir.join(file)).unwrap_or_default();
    for line in read("places.tsv").lines().filter(|l| !l.starts_with('#')) {
        let mut c = line.split('\t');
        let (Some(name), Some(kind)) = (c.next(), c.next()) else {
            continue;
        };
        let bits = match kind {
            "country" => gaz::COUNTRY,
            "region" => gaz::REGION,
            _ => gaz::CITY,
        };
        add(name, bits);
    }
    for (file, bits) in [
        ("demonyms.tsv", gaz::DEMONYM),
        ("first_names.tsv", gaz::FIRST_NAME),
        ("honorifics.tsv", gaz::HONORIFIC),
    ] {
        for line in read(file).lines().filter(|l| !l.starts_with('#')) {
            if let Some(name) = line.split('\t').next() {
                add(name, bits);
            }
        }
    }
    for line in read("orgs.tsv").lines().filter(|l| !l.starts_with('#')) {
        let mut c = line.split('\t');
        let (Some(name), kind) = (c.next(), c.next()) else {
            continue;
        };
        add(
            name,
            if kind == Some("suffix") {
                gaz::ORG_SUFFIX
            } else {
                gaz::ORG
            },
        );
    }
    Ok(Resources(lex))
}

/// Word clusters and gazetteers for training.
#[derive(Clone)]
pub struct Resources(Lexicon);

impl Resources {
    /// Number of words and of multi-word phrases.
    pub fn sizes(&self) -> (usize, usize) {
        (self.0.words.len(), self.0.phrases.len())
    }
}

/// The hash the lexicon keys lower-cased words by.
pub fn word_hash(lower: &str) -> u64 {
    hash::str(lower)
}

/// Entities `model` finds in `text` through the whole pipeline: byte spans and labels.
pub fn predict(model: &super::Model, text: &str) -> Vec<(usize, usize, Label)> {
    predict_with(model, text, &Policy::CURRENT)
}

/// [`predict`] with the tagger and the numeric rules combined as `policy` says.
pub fn predict_with(
    model: &super::Model,
    text: &str,
    policy: &Policy,
) -> Vec<(usize, usize, Label)> {
    crate::analysis::analyze_with(text, &crate::AnalyzeOptions::default(), model, policy)
        .map(|a| {
            a.entities
                .iter()
                .map(|e| (e.start, e.end, e.label))
                .collect()
        })
        .unwrap_or_default()
}

/// Entities the tagger finds in `text` without the numeric rules: its own
/// numeric mentions, after the document consistency step.
pub fn predict_tagger(model: &super::Model, text: &str) -> Vec<(usize, usize, Label)> {
    // with every label the tagger's, no rule entity is kept
    predict_with(model, text, &Policy::all(Combine::Tagger))
}

/// The numeric rules' entities of `text` alone, as `analyze()` runs the rules.
pub fn predict_rules(text: &str) -> Vec<(usize, usize, Label)> {
    crate::numeric::recognize_article(text, None)
        .into_iter()
        .map(|e| (e.span.start, e.span.end, e.label))
        .collect()
}

/// A training sentence: feature indices per token and gold classes.
pub struct Example {
    /// Offsets into the shared feature index array, one per token plus one.
    bounds: Vec<u32>,
    feats: Vec<u32>,
    gold: Vec<u8>,
}

/// Turns documents into examples, interning features seen at least `min_count` times.
pub struct Corpus {
    /// The examples.
    pub examples: Vec<Example>,
    /// Feature hash of each interned index.
    pub keys: Vec<u64>,
}

/// Extracted (hashed) features of one sentence before interning.
pub struct RawSentence {
    bounds: Vec<u32>,
    feats: Vec<u64>,
    gold: Vec<u8>,
}

/// Features of every sentence of a labelled document.
pub fn raw_sentences(
    text: &str,
    spans: &[(usize, usize, Label)],
    lexicon: &Resources,
) -> (Vec<RawSentence>, usize) {
    let lexicon = &lexicon.0;
    let (tokens, sents) = segment(text);
    let (gold, dropped) = classes(&tokens, spans);
    let doc = DocFeatures::new(text, &tokens, &sents, lexicon);
    let mut out = Vec::new();
    for &(a, b) in &doc.sentences {
        if a == b {
            continue;
        }
        let mut feats = Vec::with_capacity((b - a) * 48);
        let mut bounds = vec![0u32];
        for i in a..b {
            doc.token(a, b, i, &mut feats);
            bounds.push(feats.len() as u32);
        }
        out.push(RawSentence {
            bounds,
            feats,
            gold: gold[a..b].iter().map(|&c| c as u8).collect(),
        });
    }
    (out, dropped)
}

impl Corpus {
    /// Interns features occurring at least `min_count` times across `raw`.
    pub fn new(raw: Vec<RawSentence>, min_count: u32) -> Corpus {
        let mut counts: HashMap<u64, u32> = HashMap::default();
        for s in &raw {
            for &f in &s.feats {
                *counts.entry(f).or_default() += 1;
            }
        }
        let mut index: HashMap<u64, u32> = HashMap::default();
        let mut keys = Vec::new();
        let mut examples = Vec::with_capacity(raw.len());
        for s in raw {
            let mut feats = Vec::with_capacity(s.feats.len());
            let mut bounds = vec![0u32];
            for t in 0..s.gold.len() {
                for &f in &s.feats[s.bounds[t] as usize..s.bounds[t + 1] as usize] {
                    if counts[&f] >= min_count {
                        let id = *index.entry(f).or_insert_with(|| {
                            keys.push(f);
                            (keys.len() - 1) as u32
                        });
                        feats.push(id);
                    }
                }
                bounds.push(feats.len() as u32);
            }
            examples.push(Example {
                bounds,
                feats,
                gold: s.gold,
            });
        }
        Corpus { examples, keys }
    }
}

impl Corpus {
    /// The corpus with only the features `keep` marks, renumbered.
    pub fn restrict(&self, keep: &[bool]) -> Corpus {
        let mut map = vec![u32::MAX; self.keys.len()];
        let mut keys = Vec::new();
        for (i, &k) in keep.iter().enumerate() {
            if k {
                map[i] = keys.len() as u32;
                keys.push(self.keys[i]);
            }
        }
        let examples = self
            .examples
            .iter()
            .map(|ex| {
                let mut feats = Vec::with_capacity(ex.feats.len() / 2);
                let mut bounds = vec![0u32];
                for t in 0..ex.gold.len() {
                    for &f in &ex.feats[ex.bounds[t] as usize..ex.bounds[t + 1] as usize] {
                        if map[f as usize] != u32::MAX {
                            feats.push(map[f as usize]);
                        }
                    }
                    bounds.push(feats.len() as u32);
                }
                Example {
                    bounds,
                    feats,
                    gold: ex.gold.clone(),
                }
            })
            .collect();
        Corpus { examples, keys }
    }
}

/// An averaged perceptron over interned features.
pub struct Perceptron {
    w: Vec<f32>,
    u: Vec<f32>,
    tw: Vec<f32>,
    tu: Vec<f32>,
    sw: Vec<f32>,
    su: Vec<f32>,
    t: f32,
    scores: Vec<f32>,
    back: Vec<f32>,
}

impl Perceptron {
    /// Zero weights for `n` features.
    pub fn new(n: usize) -> Perceptron {
        Perceptron {
            w: vec![0.0; n * CLASSES],
            u: vec![0.0; n * CLASSES],
            tw: vec![0.0; CLASSES * CLASSES],
            tu: vec![0.0; CLASSES * CLASSES],
            sw: vec![0.0; CLASSES],
            su: vec![0.0; CLASSES],
            t: 1.0,
            scores: Vec::new(),
            back: Vec::new(),
        }
    }

    fn predict(&mut self, ex: &Example) -> Vec<usize> {
        let n = ex.gold.len();
        self.scores.clear();
        self.scores.resize(n * CLASSES, 0.0);
        for i in 0..n {
            let row = &mut self.scores[i * CLASSES..(i + 1) * CLASSES];
            for &f in &ex.feats[ex.bounds[i] as usize..ex.bounds[i + 1] as usize] {
                let w = &self.w[f as usize * CLASSES..(f as usize + 1) * CLASSES];
                for (r, x) in row.iter_mut().zip(w) {
                    *r += x;
                }
            }
        }
        viterbi(&self.scores, n, &self.tw, &self.sw, &mut self.back)
    }

    /// One pass over `order` of the corpus; returns the number of token errors.
    pub fn epoch(&mut self, corpus: &Corpus, order: &[usize]) -> usize {
        let mut errors = 0;
        for &k in order {
            let ex = &corpus.examples[k];
            let pred = self.predict(ex);
            let t = self.t;
            let upd = |w: &mut Vec<f32>, u: &mut Vec<f32>, i: usize, d: f32| {
                w[i] += d;
                u[i] += t * d;
            };
            for i in 0..ex.gold.len() {
                let g = usize::from(ex.gold[i]);
                let p = pred[i];
                if g != p {
                    errors += 1;
                    for &f in &ex.feats[ex.bounds[i] as usize..ex.bounds[i + 1] as usize] {
                        let base = f as usize * CLASSES;
                        upd(&mut self.w, &mut self.u, base + g, 1.0);
                        upd(&mut self.w, &mut self.u, base + p, -1.0);
                    }
                }
                let gp = if i == 0 {
                    None
                } else {
                    Some(usize::from(ex.gold[i - 1]))
                };
                let pp = if i == 0 { None } else { Some(pred[i - 1]) };
                if (gp, g) != (pp, p) {
                    match gp {
                        None => upd(&mut self.sw, &mut self.su, g, 1.0),
                        Some(a) => upd(&mut self.tw, &mut self.tu, a * CLASSES + g, 1.0),
                    }
                    match pp {
                        None => upd(&mut self.sw, &mut self.su, p, -1.0),
                        Some(a) => upd(&mut self.tw, &mut self.tu, a * CLASSES + p, -1.0),
                    }
                }
            }
            self.t += 1.0;
        }
        errors
    }

    /// A perceptron whose averaged weights are the mean of the averaged
    /// weights of `runs` (trained on one corpus in different orders): the
    /// mean of linear models is a linear model with less of each order's noise.
    pub fn mean(runs: &[Perceptron]) -> Perceptron {
        let k = runs.len() as f32;
        let avg = |pick: fn(&Perceptron) -> (&[f32], &[f32])| -> Vec<f32> {
            let mut out = vec![0.0; pick(&runs[0]).0.len()];
            for p in runs {
                let (w, u) = pick(p);
                for (o, (w, u)) in out.iter_mut().zip(w.iter().zip(u)) {
                    *o += (w - u / p.t) / k;
                }
            }
            out
        };
        let w = avg(|p| (&p.w, &p.u));
        let tw = avg(|p| (&p.tw, &p.tu));
        let sw = avg(|p| (&p.sw, &p.su));
        Perceptron {
            u: vec![0.0; w.len()],
            tu: vec![0.0; tw.len()],
            su: vec![0.0; sw.len()],
            w,
            tw,
            sw,
            t: 1.0,
            scores: Vec::new(),
            back: Vec::new(),
        }
    }

    /// The `n` features with the largest averaged weights (L1 norm over classes).
    pub fn strongest(&self, n: usize) -> Vec<bool> {
        let features = self.w.len() / CLASSES;
        let mut norms: Vec<(f32, usize)> = (0..features)
            .map(|f| {
                let norm = (0..CLASSES)
                    .map(|c| (self.w[f * CLASSES + c] - self.u[f * CLASSES + c] / self.t).abs())
                    .sum::<f32>();
                (norm, f)
            })
            .collect();
        norms.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut keep = vec![false; features];
        for &(_, f) in norms.iter().take(n) {
            keep[f] = true;
        }
        keep
    }

    /// The averaged weights as model parts, keeping pairs with |w| >= `threshold`.
    pub fn finish(&self, keys: &[u64], threshold: f32, lexicon: Resources) -> ModelParts {
        let lexicon = lexicon.0;
        let avg = |w: &[f32], u: &[f32]| -> Vec<f32> {
            w.iter().zip(u).map(|(w, u)| w - u / self.t).collect()
        };
        let mut merged: HashMap<u32, Vec<(u8, f32)>> = HashMap::default();
        for (f, &key) in keys.iter().enumerate() {
            let base = f * CLASSES;
            for c in 0..CLASSES {
                let w = self.w[base + c] - self.u[base + c] / self.t;
                if w.abs() >= threshold {
                    let pairs = merged.entry(hash::key(key)).or_default();
                    match pairs.iter_mut().find(|p| usize::from(p.0) == c) {
                        Some(p) => p.1 += w,
                        None => pairs.push((c as u8, w)),
                    }
                }
            }
        }
        ModelParts {
            features: merged.into_iter().collect(),
            transitions: avg(&self.tw, &self.tu),
            start: avg(&self.sw, &self.su),
            lexicon,
        }
    }
}

/// The distinct names of each label in labelled documents (`(text, spans)`),
/// sorted: what [`swap_names`] draws from.
pub fn name_pool<'a>(
    docs: impl IntoIterator<Item = (&'a str, &'a [(usize, usize, Label)])>,
) -> std::collections::BTreeMap<Label, Vec<String>> {
    let mut pool: std::collections::BTreeMap<Label, Vec<String>> = Default::default();
    for (text, spans) in docs {
        for &(s, e, l) in spans.iter().filter(|x| !x.2.is_numeric()) {
            pool.entry(l).or_default().push(text[s..e].to_string());
        }
    }
    for names in pool.values_mut() {
        names.sort_unstable();
        names.dedup();
    }
    pool
}

/// `text` with each of its names replaced, with probability one half, by a
/// name of the same label drawn from `pool` (the same name the same way
/// throughout the document, so document-level evidence stays coherent), and
/// its spans moved along. Trains the tagger to read a name's context and
/// shape as well as the name itself, which is all it has for names it never
/// saw.
pub fn swap_names(
    text: &str,
    spans: &[(usize, usize, Label)],
    pool: &std::collections::BTreeMap<Label, Vec<String>>,
    seed: u64,
) -> (String, Vec<(usize, usize, Label)>) {
    let mut next = crate::testing::xorshift(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
    let mut chosen: HashMap<(&str, Label), Option<&str>> = HashMap::default();
    let mut out = String::with_capacity(text.len());
    let mut moved = Vec::with_capacity(spans.len());
    let mut at = 0;
    for &(s, e, l) in spans {
        if s < at {
            continue; // overlapping spans are not in the training labels; skip any
        }
        out.push_str(&text[at..s]);
        let name = &text[s..e];
        let new = *chosen.entry((name, l)).or_insert_with(|| {
            // the pool holds no numbers, and no label without a name
            let names = pool.get(&l)?;
            let r = next();
            (r & 1 == 0).then(|| names[(r >> 1) as usize % names.len()].as_str())
        });
        let start = out.len();
        out.push_str(new.unwrap_or(name));
        moved.push((start, out.len(), l));
        at = e;
    }
    out.push_str(&text[at..]);
    (out, moved)
}

/// A deterministic shuffle (xorshift) of `0..n`.
pub fn shuffled(n: usize, seed: u64) -> Vec<usize> {
    let mut v: Vec<usize> = (0..n).collect();
    let mut next = crate::testing::xorshift(seed | 1);
    for i in (1..n).rev() {
        v.swap(i, (next() % (i as u64 + 1)) as usize);
    }
    v
}

/// How predicted labels are compared with a data set's labels.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Scheme {
    /// Gold coarse types (PER, LOC, ORG, MISC); predictions mapped as in the evaluation notes.
    Coarse,
    /// The teacher's 18 labels (`silver`), compared label for label, with the
    /// teacher's names read under our span convention ([`name_span`]).
    Teacher,
    /// The seven numeric labels of `silver` (a hand-made gold), compared label
    /// for label; other labels are ignored in gold and predictions alike.
    Numeric,
}

/// Micro counts per label.
#[derive(Default, Clone, Debug)]
pub struct Counts {
    /// label -> (true positives, predicted, gold)
    pub by_label: std::collections::BTreeMap<String, (usize, usize, usize)>,
}

impl Counts {
    fn add(&mut self, label: &str, tp: usize, pred: usize, gold: usize) {
        let e = self.by_label.entry(label.to_string()).or_default();
        e.0 += tp;
        e.1 += pred;
        e.2 += gold;
    }

    /// Overall (tp, predicted, gold).
    pub fn total(&self) -> (usize, usize, usize) {
        self.by_label
            .values()
            .fold((0, 0, 0), |a, b| (a.0 + b.0, a.1 + b.1, a.2 + b.2))
    }

    /// Precision, recall and F1 of (tp, predicted, gold).
    pub fn prf((tp, p, g): (usize, usize, usize)) -> (f64, f64, f64) {
        let pr = if p == 0 { 0.0 } else { tp as f64 / p as f64 };
        let re = if g == 0 { 0.0 } else { tp as f64 / g as f64 };
        let f = if pr + re == 0.0 {
            0.0
        } else {
            2.0 * pr * re / (pr + re)
        };
        (pr, re, f)
    }
}

/// Scores `predict(text)` (entity byte spans with labels) against the documents.
pub fn evaluate(
    docs: &[RawDoc],
    scheme: Scheme,
    predict: impl Fn(&str) -> Vec<(usize, usize, Label)>,
) -> Counts {
    evaluate_where(docs, scheme, predict, |_| true)
}

/// As [`evaluate`], counting only the predicted and gold mentions whose text
/// `keep` accepts (names never seen in training, say).
pub fn evaluate_where(
    docs: &[RawDoc],
    scheme: Scheme,
    predict: impl Fn(&str) -> Vec<(usize, usize, Label)>,
    keep: impl Fn(&str) -> bool,
) -> Counts {
    let mut counts = Counts::default();
    for d in docs {
        let pred: Vec<(usize, usize, String)> = predict(&d.text)
            .into_iter()
            .filter_map(|(s, e, l)| match scheme {
                Scheme::Coarse => l.coarse().map(|c| (s, e, c.to_string())),
                Scheme::Teacher => Some((s, e, l.as_str().to_string())),
                Scheme::Numeric => l.is_numeric().then(|| (s, e, l.as_str().to_string())),
            })
            .collect();
        let teacher: Vec<(usize, usize, String)>;
        let gold: Vec<&(usize, usize, String)> = match scheme {
            Scheme::Coarse => d.gold.iter().collect(),
            Scheme::Teacher => {
                teacher = d
                    .silver
                    .iter()
                    .map(|(s, e, l)| match Label::parse(l) {
                        Some(label) => {
                            let (s, e) = name_span(&d.text, *s, *e, label);
                            (s, e, l.clone())
                        }
                        None => (*s, *e, l.clone()),
                    })
                    .collect();
                teacher.iter().collect()
            }
            Scheme::Numeric => d
                .silver
                .iter()
                .filter(|x| Label::parse(&x.2).is_some_and(Label::is_numeric))
                .collect(),
        };
        let kept = |x: &&(usize, usize, String)| keep(&d.text[x.0..x.1]);
        let pred: Vec<_> = pred.iter().filter(kept).cloned().collect();
        let gold: Vec<_> = gold.into_iter().filter(kept).collect();
        let gold_set: HashSet<&(usize, usize, String)> = gold.iter().copied().collect();
        let mut labels: Vec<&str> = pred
            .iter()
            .map(|x| x.2.as_str())
            .chain(gold.iter().map(|x| x.2.as_str()))
            .collect();
        labels.sort_unstable();
        labels.dedup();
        for l in labels {
            let p: Vec<_> = pred.iter().filter(|x| x.2 == l).collect();
            let tp = p.iter().filter(|x| gold_set.contains(**x)).count();
            counts.add(l, tp, p.len(), gold.iter().filter(|x| x.2 == l).count());
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swapped_names_keep_their_labels_and_the_text_around_them() {
        let text = "Pirelli hired Smith in Milan. Smith left Pirelli on 3 May.";
        let at = |s: &str, k: usize| text.match_indices(s).nth(k).unwrap().0;
        let span = |s: &str, k: usize, l| (at(s, k), at(s, k) + s.len(), l);
        let spans = vec![
            span("Pirelli", 0, Label::Org),
            span("Smith", 0, Label::Person),
            span("Milan", 0, Label::Gpe),
            span("Smith", 1, Label::Person),
            span("Pirelli", 1, Label::Org),
            span("3 May", 0, Label::Date),
        ];
        let other = "Fiat Auto met Ann Lee in Turin on 4 June.";
        let other_spans = vec![
            (0, 9, Label::Org),
            (14, 21, Label::Person),
            (25, 30, Label::Gpe),
            (34, 40, Label::Date),
        ];
        let pool = name_pool([(other, other_spans.as_slice())]);
        assert!(
            !pool.contains_key(&Label::Date),
            "numbers are never swapped"
        );
        let mut changed = 0;
        for seed in 0..32 {
            let (t, moved) = swap_names(text, &spans, &pool, seed);
            let names: Vec<&str> = moved.iter().map(|&(s, e, _)| &t[s..e]).collect();
            for (&(_, _, l), &(_, _, m)) in spans.iter().zip(&moved) {
                assert_eq!(l, m);
            }
            for (k, n) in names.iter().enumerate() {
                let original = &text[spans[k].0..spans[k].1];
                assert!(*n == original || other.contains(n), "{seed}: {n}");
            }
            // one name, one replacement, throughout the document
            assert_eq!(names[0], names[4], "{seed}");
            assert_eq!(names[1], names[3], "{seed}");
            assert_eq!(names[5], "3 May");
            let rest = |t: &str, m: &[(usize, usize, Label)]| {
                let mut r = String::new();
                let mut at = 0;
                for &(s, e, _) in m {
                    r.push_str(&t[at..s]);
                    at = e;
                }
                r + &t[at..]
            };
            assert_eq!(rest(&t, &moved), rest(text, &spans));
            changed += usize::from(t != text);
        }
        assert!(changed > 16, "about half the names change: {changed} of 32");
    }

    #[test]
    fn names_leave_out_the_article_and_the_possessive() {
        let t = "The Commerce Department said so. He met the Federal Reserve's chair, \
                 read The Times and watched The Godfather over the past five years.\n\
                 \"The Bank of England\" agreed.";
        let span = |s: &str, l: Label| {
            let a = t.find(s).unwrap();
            let (x, y) = name_span(t, a, a + s.len(), l);
            &t[x..y]
        };
        assert_eq!(
            span("The Commerce Department", Label::Org),
            "Commerce Department"
        );
        assert_eq!(span("the Federal Reserve's", Label::Org), "Federal Reserve");
        assert_eq!(
            span("The Times", Label::Org),
            "The Times",
            "mid-sentence: part of the name"
        );
        assert_eq!(span("The Godfather", Label::WorkOfArt), "The Godfather");
        assert_eq!(
            span("the past five years", Label::Date),
            "the past five years"
        );
        assert_eq!(span("The Bank of England", Label::Org), "Bank of England");
    }
}
