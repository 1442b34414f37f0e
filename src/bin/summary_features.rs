//! `summary-features`: per-sentence features of the summary scorer, for
//! `tools/train_summary.py` and `tools/eval_summary.py`.
//!
//! Reads JSON lines `{"id", "text", "title"?}` on stdin and writes one line per
//! input: `{"id", "names": [...], "sentences": [{"start", "end", "text", "features"}]}`
//! with byte offsets into `text` (`names` only on the first line).

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
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("summary-features: {e}");
            ExitCode::FAILURE
        }
    }
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
