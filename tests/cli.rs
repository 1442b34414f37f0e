//! The `newslens` binary: JSONL in, JSONL out, and the readable report.

use std::io::Write;
use std::process::{Command, Stdio};

fn run(args: &[&str], stdin: &str) -> (bool, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_newslens"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn newslens");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.success(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// UTF-16 slice of `s` from `start` to `end` code units.
fn slice16(s: &str, start: u64, end: u64) -> String {
    let units: Vec<u16> = s.encode_utf16().collect();
    String::from_utf16(&units[start as usize..end as usize]).unwrap()
}

#[test]
fn jsonl_one_line_out_per_line_in_with_utf16_offsets() {
    let text = "Prices hit €5 😀 today. Tokyo 東京 agreed.";
    let input = format!(
        "{}\n\n{}\n{}\n",
        serde_json::json!({"id": 1, "text": text, "date": "2020-10-16"}),
        serde_json::json!({"id": "b", "text": "x", "date": "2020-13-01"}),
        serde_json::json!({"id": 3, "text": "One. Two."}),
    );
    let (ok, out, _) = run(&["analyze"], &input);
    assert!(!ok, "a failed line makes the exit status non-zero");
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["id"], 1);
    assert_eq!(lines[0]["offsets"], "utf16");
    assert_eq!(lines[0]["date"], "2020-10-16");
    let s = lines[0]["sentences"].as_array().unwrap();
    let got: Vec<String> = s
        .iter()
        .map(|s| {
            slice16(
                text,
                s["start"].as_u64().unwrap(),
                s["end"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(got, ["Prices hit €5 😀 today.", "Tokyo 東京 agreed."]);
    assert_eq!(lines[1]["id"], "b");
    assert!(lines[1]["error"].as_str().unwrap().contains("YYYY-MM-DD"));
    assert_eq!(lines[2]["sentences"].as_array().unwrap().len(), 2);
}

#[test]
fn malformed_line_is_reported_not_dropped() {
    let (ok, out, _) = run(&["analyze"], "{\"id\": 7}\nnot json\n");
    assert!(!ok);
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], 7);
    assert!(lines[0]["error"].as_str().unwrap().contains("text"));
    assert_eq!(lines[1]["line"], 2);
}

#[test]
fn readable_report_of_a_file() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/belarus-2020-10-16.txt"
    );
    let (ok, out, err) = run(&["analyze", path], "");
    assert!(ok, "{err}");
    assert!(out.contains("date: 2020-10-16"));
    assert!(out.contains("13 sentences"));
    assert!(out.contains(" 13  With files from The Associated Press"));
}

#[test]
fn unknown_arguments_exit_2() {
    let (ok, _, err) = run(&["frobnicate"], "");
    assert!(!ok);
    assert!(err.contains("usage"));
}
