//! `summary-features`: per-sentence features of the summary scorer, for
//! `tools/train_summary.py` and `tools/eval_summary.py`.
//!
//! Reads JSON lines `{"id", "text", "title"?}` on stdin and writes one line per
//! input: `{"id", "names": [...], "sentences": [{"start", "end", "text", "features"}]}`
//! with byte offsets into `text` (`names` only on the first line).
//!
//! `summary-features --time ARTICLE.txt` times `analyze()` and the summary step
//! alone on one article.

use std::io::{self, BufRead, BufWriter, Write};
use std::process::ExitCode;

use serde::Deserialize;
use serde_json::json;

#[derive(Deserialize)]
struct Line {
    #[serde(default)]
    id: serde_json::Value,
    text: String,
    #[serde(default)]
    title: Option<String>,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.as_slice() {
        [] => run(),
        [flag, file] if flag == "--time" => time(file),
        _ => Err(
            "usage: summary-features < articles.jsonl | summary-features --time ARTICLE.txt".into(),
        ),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("summary-features: {e}");
            ExitCode::FAILURE
        }
    }
}

fn time(file: &str) -> Result<(), Box<dyn std::error::Error>> {
    let text = std::fs::read_to_string(file).map_err(|e| format!("cannot read {file}: {e}"))?;
    let words = text.split_whitespace().count();
    newslens::time_summary(&text, 50)?; // warm up
    let reps = 500;
    let (whole, summary) = newslens::time_summary(&text, reps)?;
    let per = |d: std::time::Duration| d.as_secs_f64() * 1e6 / f64::from(reps);
    println!(
        "{file}: {words} words; analyze() {:.1} us, of which summary + grouping {:.1} us ({:.1}%)",
        per(whole),
        per(summary),
        100.0 * summary.as_secs_f64() / whole.as_secs_f64()
    );
    Ok(())
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let mut out = BufWriter::new(io::stdout().lock());
    for (n, line) in io::stdin().lock().lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let l: Line = serde_json::from_str(&line).map_err(|e| format!("line {}: {e}", n + 1))?;
        let (names, rows) = newslens::sentence_features(&l.text, l.title.as_deref())
            .map_err(|e| format!("line {}: {e}", n + 1))?;
        let sentences: Vec<_> = rows
            .iter()
            .map(|(span, f)| {
                json!({"start": span.start, "end": span.end, "text": span.of(&l.text), "features": f})
            })
            .collect();
        let mut v = json!({"id": l.id, "sentences": sentences});
        if n == 0 {
            v["names"] = json!(names);
        }
        serde_json::to_writer(&mut out, &v)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(())
}
