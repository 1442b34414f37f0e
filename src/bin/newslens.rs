//! `newslens`: the command-line tool over the same core as the wasm package.
//!
//! `newslens analyze` reads JSON lines `{"id", "text", "date"?, "options"?}` on
//! stdin and writes one JSON line per input line: the analysis with UTF-16
//! offsets (`"offsets": "utf16"`), or `{"id", "error"}`.
//! `newslens analyze FILE.txt` prints a readable report of one article.

use std::io::{self, BufRead, BufWriter, Write};
use std::process::ExitCode;

use newslens::{analyze, Analysis, AnalyzeOptions};
use serde::{Deserialize, Serialize};

const USAGE: &str = "usage:
  newslens analyze < articles.jsonl > analyses.jsonl
      each input line: {\"id\": ..., \"text\": \"...\", \"date\": \"YYYY-MM-DD\"?, \"options\": {...}?}
      each output line: {\"id\": ..., \"offsets\": \"utf16\", \"sentences\": [...], ...} or {\"id\": ..., \"error\": \"...\"}
  newslens analyze ARTICLE.txt     print a readable report
  newslens --version";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Line {
    #[serde(default)]
    id: serde_json::Value,
    text: String,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    options: Option<AnalyzeOptions>,
}

#[derive(Serialize)]
struct Output<'a> {
    id: &'a serde_json::Value,
    #[serde(flatten)]
    analysis: &'a Analysis,
}

#[derive(Serialize)]
struct Failure<'a> {
    id: &'a serde_json::Value,
    line: usize,
    error: String,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let result = match args.as_slice() {
        ["--version" | "-V"] => {
            println!("newslens {}", env!("CARGO_PKG_VERSION"));
            Ok(true)
        }
        ["--help" | "-h"] | [] => {
            println!("{USAGE}");
            Ok(true)
        }
        ["analyze"] | ["analyze", "-"] => {
            jsonl(io::stdin().lock(), &mut BufWriter::new(io::stdout().lock()))
        }
        ["analyze", file] => report(file),
        _ => {
            eprintln!("newslens: unknown arguments {args:?}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("newslens: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Analyses JSON lines; returns whether every line succeeded.
fn jsonl(input: impl BufRead, out: &mut impl Write) -> io::Result<bool> {
    let mut ok = true;
    let null = serde_json::Value::Null;
    for (n, line) in input.lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let result = serde_json::from_str::<Line>(&line)
            .map_err(|e| format!("line is not {{\"id\", \"text\", \"date\"?, \"options\"?}}: {e}"))
            .and_then(|l| {
                let mut options = l.options.unwrap_or_default();
                if l.date.is_some() {
                    options.date = l.date;
                }
                let analysis = analyze(&l.text, &options).map_err(|e| e.to_string())?;
                Ok((l.id, analysis.into_utf16(&l.text)))
            });
        match result {
            Ok((id, analysis)) => serde_json::to_writer(
                &mut *out,
                &Output {
                    id: &id,
                    analysis: &analysis,
                },
            )?,
            Err(error) => {
                ok = false;
                let id = serde_json::from_str::<serde_json::Value>(&line)
                    .ok()
                    .and_then(|v| v.get("id").cloned());
                let failure = Failure {
                    id: id.as_ref().unwrap_or(&null),
                    line: n + 1,
                    error,
                };
                serde_json::to_writer(&mut *out, &failure)?;
            }
        }
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(ok)
}

/// Prints a readable report of one article file.
fn report(path: &str) -> io::Result<bool> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| io::Error::new(e.kind(), format!("cannot read {path}: {e}")))?;
    let a = match analyze(&text, &AnalyzeOptions::default()) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("newslens: {path}: {e}");
            return Ok(false);
        }
    };
    let mut out = io::stdout().lock();
    writeln!(out, "{path}")?;
    if let Some(d) = a.date {
        writeln!(out, "date: {d}")?;
    }
    writeln!(
        out,
        "{} paragraphs, {} sentences, {} entities",
        a.paragraphs.len(),
        a.sentences.len(),
        a.entities.len()
    )?;
    writeln!(out, "\nsentences (* = in the summary):")?;
    for (i, s) in a.sentences.iter().enumerate() {
        let mark = if a.summary.sentences.contains(&i) {
            '*'
        } else {
            ' '
        };
        writeln!(out, "{mark}{:>3}  {}", i + 1, &text[s.start..s.end])?;
    }
    if !a.entities.is_empty() {
        writeln!(out, "\nentities:")?;
        for e in &a.entities {
            writeln!(out, "  {:<12} {:<32} group {}", e.label, e.text, e.group)?;
        }
    }
    Ok(true)
}
