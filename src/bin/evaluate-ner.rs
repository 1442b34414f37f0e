//! Prints NER precision, recall and F1, overall and per label, on held-out data.
//!
//! `cargo run --release --features train --bin evaluate-ner -- [--model FILE] [--sets a,b]
//! [--data DIR] [--gold DIR] [--policy SPEC]`
//!
//! Sets: conll_testa, conll_testb, gmb_test, wnut_test (gold, 4 coarse types as in
//! ../shared/notes/evaluation.md), bbc_test (agreement with the spaCy teacher on all
//! 18 labels), sample (tests/data/belarus-2020-10-16.txt against a careful reading), and
//! numeric_dev, numeric_test: the seven numeric labels against the hand-made gold
//! `eval/numeric/{dev,test}.tsv` (`--gold DIR`) over the BBC articles of
//! `DIR/bbc_news_summary/{validation,test}.jsonl` (`--data DIR`, default ../shared/data),
//! for the tagger alone, the rules alone and the pipeline side by side. `--policy SPEC`
//! adds the pipeline with another way of combining them per label, e.g.
//! `all=rules+tagger,DATE=tagger,ORDINAL=rules` (choose on numeric_dev, report numeric_test).
//! Without `--sets`, a numeric set whose gold file does not exist yet is skipped.
//! `--errors SYSTEM` (tagger, rules, pipeline or --policy) lists that system's misses and
//! false alarms on the numeric sets (read them on numeric_dev only); on a coarse gold set
//! (conll_*, gmb_test, wnut_test) it lists the pipeline's, whatever SYSTEM says (read them
//! on conll_testa only). `--unseen SET` adds, for each coarse gold set, the scores
//! over the names that are never a gold name in SET (e.g. conll_train): most names in
//! conll_testb are new, fewer in conll_testa, so this is the dev figure for new names.
//! names_dev, names_test: the pipeline and the spaCy md teacher against a careful reading
//! of the same BBC articles as numeric_dev and numeric_test (`eval/names/{dev,test}.tsv`,
//! the eleven name labels, then all 18 with the numeric gold), on the article bodies.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::Instant;

use newslens::train::{
    evaluate, evaluate_where, name_span, predict, predict_rules, predict_tagger, predict_with,
    read_articles, read_docs, read_gold, read_numeric_gold, Counts, Gold, Policy, RawDoc, Scheme,
};
use newslens::{Label, Model};

fn main() {
    let mut model_path: Option<PathBuf> = None;
    let mut cache = PathBuf::from("data-cache");
    let mut data = PathBuf::from("../shared/data");
    let mut gold_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("eval/numeric");
    let mut policy: Option<Policy> = None;
    // conll_testa is training data for the shipped model (pass it with --sets to
    // score a model trained without it)
    let mut sets: Vec<String> = [
        "conll_testb",
        "gmb_test",
        "wnut_test",
        "bbc_test",
        "sample",
        "numeric_dev",
        "numeric_test",
        "names_dev",
        "names_test",
    ]
    .map(String::from)
    .to_vec();
    let mut sets_given = false;
    let mut errors: Option<String> = None;
    let mut unseen: Option<String> = None;
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let value = it
            .next()
            .unwrap_or_else(|| fail(&format!("{flag} needs a value")));
        match flag.as_str() {
            "--model" => model_path = Some(value.into()),
            "--cache" => cache = value.into(),
            "--data" => data = value.into(),
            "--gold" => gold_dir = value.into(),
            "--errors" => errors = Some(value.clone()),
            "--policy" => {
                policy =
                    Some(Policy::parse(value).unwrap_or_else(|e| fail(&format!("--policy: {e}"))))
            }
            "--unseen" => unseen = Some(value.clone()),
            "--sets" => {
                sets = value.split(',').map(String::from).collect();
                sets_given = true;
            }
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
    // the gold names of the --unseen set, read once for every set scored
    let seen: Option<(String, HashSet<String>)> = unseen.map(|train| {
        let names = load(&cache, &train)
            .iter()
            .flat_map(|d| d.gold.iter().map(|g| d.text[g.0..g.1].to_string()))
            .collect();
        (train, names)
    });
    println!(
        "model: {}",
        model_path.map_or("embedded model/ner.bin".into(), |p| p.display().to_string())
    );
    for set in &sets {
        let numeric_split = match set.as_str() {
            "numeric_dev" => Some(("validation", "dev.tsv")),
            "numeric_test" => Some(("test", "test.tsv")),
            _ => None,
        };
        if let Some((split, file)) = numeric_split {
            let gold = gold_dir.join(file);
            if !sets_given && !gold.exists() {
                println!(
                    "
{set}: skipped, {} does not exist yet",
                    gold.display()
                );
                continue;
            }
            let articles = data.join("bbc_news_summary").join(format!("{split}.jsonl"));
            numeric(set, &gold, &articles, &model, policy, errors.as_deref());
            continue;
        }
        let names_split = match set.as_str() {
            "names_dev" => Some(("validation", "dev.tsv")),
            "names_test" => Some(("test", "test.tsv")),
            _ => None,
        };
        if let Some((split, file)) = names_split {
            let root = Path::new(env!("CARGO_MANIFEST_DIR"));
            let articles = data.join("bbc_news_summary").join(format!("{split}.jsonl"));
            let gold = (root.join("eval/names").join(file), gold_dir.join(file));
            names(
                set,
                &gold,
                &articles,
                &load(&cache, &format!("bbc_{split}")),
                &model,
                errors.is_some(),
            );
            continue;
        }
        let (docs, scheme) = match set.as_str() {
            "sample" => (vec![sample_doc()], Scheme::Teacher),
            "bbc_test" | "bbc_validation" => (load(&cache, set), Scheme::Teacher),
            _ => (load(&cache, set), Scheme::Coarse),
        };
        let t0 = Instant::now();
        // predicted once, scored over all names and, with --unseen, over new ones
        let predicted: HashMap<&str, Vec<(usize, usize, Label)>> = docs
            .iter()
            .map(|d| (d.text.as_str(), predict(&model, &d.text)))
            .collect();
        let predicted = |t: &str| predicted[t].clone();
        let counts = evaluate(&docs, scheme, predicted);
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
        if let (Some((train, seen)), Scheme::Coarse) = (&seen, scheme) {
            let novel = evaluate_where(&docs, scheme, predicted, |m| !seen.contains(m));
            println!("  names never a gold name in {train}:");
            for (label, c) in &novel.by_label {
                row(label, *c);
            }
            row("overall", novel.total());
        }
        if errors.is_some() && scheme == Scheme::Coarse {
            list_coarse_errors(&docs, &model);
        }
    }
}

/// Prints the pipeline's misses (`-`) and false alarms (`+`) against a coarse
/// gold set, each with the spans of the other side it overlaps (read them on
/// conll_testa only).
fn list_coarse_errors(docs: &[RawDoc], model: &Model) {
    for d in docs {
        let pred: Vec<(usize, usize, String)> = predict(model, &d.text)
            .into_iter()
            .filter_map(|(s, e, l)| l.coarse().map(|c| (s, e, c.to_string())))
            .collect();
        show_errors(d, &d.gold, &pred);
    }
}

/// Scores the tagger alone, the rules alone and the pipeline (and the pipeline
/// with `policy`, if given) on the seven numeric labels of the gold file `gold`
/// over the articles of the JSONL file `articles`; prints them side by side.
fn numeric(
    set: &str,
    gold: &Path,
    articles: &Path,
    model: &Model,
    policy: Option<Policy>,
    errors: Option<&str>,
) {
    let articles = read_articles(articles).unwrap_or_else(|e| fail(&e));
    let tsv = std::fs::read_to_string(gold).unwrap_or_else(|e| {
        fail(&format!(
            "{}: {e} (see eval/numeric/GUIDELINES.md)",
            gold.display()
        ))
    });
    let docs = read_numeric_gold(&tsv, &articles)
        .unwrap_or_else(|e| fail(&format!("{}: {e}", gold.display())));
    type System<'a> = (String, Box<Predict<'a>>);
    let mut systems: Vec<System> = vec![
        ("tagger".into(), Box::new(|t| predict_tagger(model, t))),
        ("rules".into(), Box::new(predict_rules)),
        ("pipeline".into(), Box::new(|t| predict(model, t))),
    ];
    if let Some(p) = policy {
        systems.push((
            "--policy".into(),
            Box::new(move |t| predict_with(model, t, &p)),
        ));
    }
    let counts: Vec<Counts> = systems
        .iter()
        .map(|(_, f)| evaluate(&docs, Scheme::Numeric, f))
        .collect();
    let words: usize = docs.iter().map(|d| d.text.split_whitespace().count()).sum();
    let spans: usize = docs.iter().map(|d| d.silver.len()).sum();
    let empty = docs.iter().filter(|d| d.silver.is_empty()).count();
    println!(
        "\n{set} ({} docs, {empty} of them without numbers, {words} words, {spans} gold spans; \
         7 numeric labels vs {}, exact span and label)",
        docs.len(),
        gold.display()
    );
    println!(
        "  tagger = the model and its consistency step, no rules; rules = the numeric rules alone;"
    );
    print!("  pipeline = analyze() ({})", Policy::CURRENT);
    match policy {
        Some(p) => println!("; --policy = the pipeline with {p}"),
        None => println!(),
    }
    side_by_side_header(systems.iter().map(|(name, _)| name.as_str()));
    let numeric = Label::ALL.into_iter().filter(|l| l.is_numeric());
    for label in numeric.map(Label::as_str) {
        let of = |c: &Counts| c.by_label.get(label).copied().unwrap_or_default();
        side_by_side(label, &counts.iter().map(of).collect::<Vec<_>>());
    }
    side_by_side(
        "micro",
        &counts.iter().map(Counts::total).collect::<Vec<_>>(),
    );
    if let Some(name) = errors {
        let Some((_, f)) = systems.iter().find(|(n, _)| n == name) else {
            fail(&format!(
                "--errors {name}: not one of the systems printed above"
            ));
        };
        list_errors(&docs, f);
    }
}

/// Scores the pipeline and the spaCy md teacher against a careful reading of
/// BBC articles: the hand-made gold of the eleven name labels (`gold.0`, in
/// `eval/names/`) and, with the numeric gold of the same articles (`gold.1`),
/// all 18 labels. Only the article bodies count: the teacher's spans
/// (`teacher`, the prepared bbc_validation or bbc_test, read under our span
/// convention as for those sets) were taken on the body, without the title line.
fn names(
    set: &str,
    gold: &(PathBuf, PathBuf),
    articles: &Path,
    teacher: &[RawDoc],
    model: &Model,
    errors: bool,
) {
    let articles = read_articles(articles).unwrap_or_else(|e| fail(&e));
    let read = |path: &Path, kind| {
        let tsv = std::fs::read_to_string(path)
            .unwrap_or_else(|e| fail(&format!("{}: {e}", path.display())));
        read_gold(&tsv, &articles, kind)
            .unwrap_or_else(|e| fail(&format!("{}: {e}", path.display())))
    };
    let names = read(&gold.0, Gold::Names);
    let numbers = read(&gold.1, Gold::Numeric);
    let teacher: HashMap<&str, &RawDoc> = teacher.iter().map(|d| (d.id.as_str(), d)).collect();
    type Spans = Vec<(usize, usize, Label)>;
    // per article text: where its body starts, the teacher's spans and ours
    let mut body: HashMap<&str, usize> = HashMap::new();
    let mut spacy: HashMap<&str, Spans> = HashMap::new();
    for d in &names {
        let t = teacher
            .get(d.id.as_str())
            .filter(|t| d.text.ends_with(&t.text))
            .unwrap_or_else(|| {
                fail(&format!(
                    "{}: not the body of its article in the cache",
                    d.id
                ))
            });
        let at = d.text.len() - t.text.len();
        body.insert(&d.text, at);
        let spans = t.silver.iter().filter_map(|(s, e, l)| {
            let l = Label::parse(l)?;
            let (s, e) = name_span(&t.text, *s, *e, l);
            Some((s + at, e + at, l))
        });
        spacy.insert(&d.text, spans.collect());
    }
    let in_body = |text: &str, spans: Spans| -> Spans {
        spans.into_iter().filter(|x| x.0 >= body[text]).collect()
    };
    let ours: HashMap<&str, Spans> = names
        .iter()
        .map(|d| (d.text.as_str(), in_body(&d.text, predict(model, &d.text))))
        .collect();
    let restrict = |d: &RawDoc| -> Vec<(usize, usize, String)> {
        d.silver
            .iter()
            .filter(|x| x.0 >= body[d.text.as_str()])
            .cloned()
            .collect()
    };
    let name_docs: Vec<RawDoc> = names
        .iter()
        .map(|d| RawDoc {
            silver: restrict(d),
            ..d.clone()
        })
        .collect();
    let all_docs: Vec<RawDoc> = name_docs
        .iter()
        .zip(&numbers)
        .map(|(a, b)| {
            assert_eq!(a.id, b.id, "both gold files cover the same articles");
            let silver = a.silver.iter().cloned().chain(restrict(b)).collect();
            RawDoc {
                silver,
                ..a.clone()
            }
        })
        .collect();
    let systems: [(&str, &HashMap<&str, Spans>); 2] = [("newslens", &ours), ("spaCy md", &spacy)];
    let named = |m: &HashMap<&str, Spans>, t: &str| -> Spans {
        m[t].iter().filter(|x| !x.2.is_numeric()).copied().collect()
    };
    let by_name: Vec<Counts> = systems
        .iter()
        .map(|(_, m)| evaluate(&name_docs, Scheme::Teacher, |t| named(m, t)))
        .collect();
    let all: Vec<Counts> = systems
        .iter()
        .map(|(_, m)| evaluate(&all_docs, Scheme::Teacher, |t| m[t].clone()))
        .collect();
    let words: usize = names
        .iter()
        .map(|d| d.text[body[d.text.as_str()]..].split_whitespace().count())
        .sum();
    println!(
        "\n{set} ({} docs, {words} words of article bodies; the 11 name labels vs {}, then all 18 \
         with {}; exact span and label)",
        names.len(),
        gold.0.display(),
        gold.1.display()
    );
    println!(
        "  newslens = analyze() of the whole article; spaCy md = the teacher's spans, prepared"
    );
    side_by_side_header(systems.iter().map(|(name, _)| *name));
    for label in Label::ALL
        .into_iter()
        .filter(|l| !l.is_numeric())
        .map(Label::as_str)
    {
        let of = |c: &Counts| c.by_label.get(label).copied().unwrap_or_default();
        side_by_side(label, &by_name.iter().map(of).collect::<Vec<_>>());
    }
    side_by_side(
        "names",
        &by_name.iter().map(Counts::total).collect::<Vec<_>>(),
    );
    side_by_side("all 18", &all.iter().map(Counts::total).collect::<Vec<_>>());
    if errors {
        for d in &name_docs {
            let pred: Vec<(usize, usize, String)> = named(&ours, &d.text)
                .into_iter()
                .map(|(s, e, l)| (s, e, l.as_str().to_string()))
                .collect();
            show_errors(d, &d.silver, &pred);
        }
    }
}

/// A system under evaluation: text in, labelled byte spans out.
type Predict<'a> = dyn Fn(&str) -> Vec<(usize, usize, Label)> + 'a;

/// Prints the numeric gold spans a system missed (`-`) and the spans it found
/// that are not gold (`+`), each with the spans of the other side it overlaps.
fn list_errors(docs: &[RawDoc], f: &Predict) {
    for d in docs {
        let pred: Vec<(usize, usize, String)> = f(&d.text)
            .into_iter()
            .filter(|x| x.2.is_numeric())
            .map(|(s, e, l)| (s, e, l.as_str().to_string()))
            .collect();
        show_errors(d, &d.silver, &pred);
    }
}

/// Prints the spans of `gold` not in `pred` (`-`) and of `pred` not in `gold`
/// (`+`), each with what it overlaps on the other side.
fn show_errors(d: &RawDoc, gold: &[(usize, usize, String)], pred: &[(usize, usize, String)]) {
    type Spans = [(usize, usize, String)];
    let show = |sign: &str, these: &Spans, other: &Spans, what: &str| {
        for x in these.iter().filter(|x| !other.contains(x)) {
            let overlap: Vec<String> = other
                .iter()
                .filter(|y| y.0 < x.1 && x.0 < y.1)
                .map(|y| format!("{} {:?}", y.2, &d.text[y.0..y.1]))
                .collect();
            println!(
                "  {} {sign} {} {:?}  [{what}: {}]",
                d.id,
                x.2,
                &d.text[x.0..x.1],
                overlap.join(", ")
            );
        }
    };
    show("-", gold, pred, "found");
    show("+", pred, gold, "gold");
}

/// The two header lines of a [`side_by_side`] table of `systems`.
fn side_by_side_header<'a>(systems: impl Iterator<Item = &'a str> + Clone) {
    print!("  {:<12}", "");
    for name in systems.clone() {
        print!("  {name:^20}");
    }
    println!();
    print!("  {:<12}", "label");
    for _ in systems {
        print!("  {:>6} {:>6} {:>6}", "P", "R", "F1");
    }
    println!(" {:>6}", "gold");
}

/// One row of P, R, F1 per system, then the gold count (the same for all).
fn side_by_side(label: &str, counts: &[(usize, usize, usize)]) {
    print!("  {label:<12}");
    for &c in counts {
        let (p, r, f) = Counts::prf(c);
        print!("  {p:>6.3} {r:>6.3} {f:>6.3}");
    }
    println!(" {:>6}", counts.first().map_or(0, |c| c.2));
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
