//! Extraction and checking as two stages: `check --input claims` over what `claims --format
//! jsonl` wrote gives the report that `check` gives over the documents themselves, byte for byte.

mod common;

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], input: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tathya"))
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawns");
    let stdin = child.stdin.take().unwrap();
    if let Some(i) = input {
        let mut stdin = stdin;
        let _ = stdin.write_all(i);
    }
    child.wait_with_output().unwrap()
}

/// The claims records of `dir`, then every check format over them and over the documents.
fn same_report(dir: &std::path::Path) {
    let dir = dir.to_str().unwrap();
    let claims = run(&["claims", "--format", "jsonl", dir], None);
    assert_eq!(
        claims.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&claims.stderr)
    );
    let records = String::from_utf8(claims.stdout).unwrap();
    assert!(records.lines().all(|l| l.contains("\"story_key\":")));
    for format in ["json", "text", "jsonl", "markdown"] {
        let direct = run(&["check", "--format", format, "--show", "all", dir], None);
        let staged = run(
            &[
                "check", "--input", "claims", "--format", format, "--show", "all", "-",
            ],
            Some(records.as_bytes()),
        );
        assert_eq!(direct.status.code(), staged.status.code(), "{format}");
        assert!(!direct.stdout.is_empty());
        assert!(
            direct.stdout == staged.stdout,
            "{dir} --format {format}: the staged report differs"
        );
    }
}

#[test]
fn check_over_claims_records_equals_check_over_the_corpus() {
    same_report(&common::corpus_dir());
}

#[test]
fn check_over_claims_records_equals_check_over_the_seeds() {
    match common::shared_dir() {
        Some(shared) => same_report(&shared.join("seeds")),
        None => eprintln!("seeds skipped: ../shared is absent"),
    }
}

#[test]
fn a_bad_record_is_reported_and_the_rest_is_checked() {
    let dir = common::corpus_dir();
    let claims = run(
        &["claims", "--format", "jsonl", dir.to_str().unwrap()],
        None,
    );
    let records = String::from_utf8(claims.stdout).unwrap();
    let mut lines: Vec<&str> = records.lines().collect();
    // Not JSON; an article record (no analysis in it); a document's JSON without its text.
    lines.insert(1, "not json");
    lines.insert(2, "{\"id\": \"raw\", \"text\": \"सेना के 6,000 सैनिक\"}");
    let mut v: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
    v.as_object_mut().unwrap().remove("text");
    let without_text = v.to_string();
    lines.push(&without_text);
    let input = lines.join("\n") + "\n";
    let out = run(
        &["check", "--input", "claims", "--format", "json", "-"],
        Some(input.as_bytes()),
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("-:2: not a claims record"), "{err}");
    assert!(err.contains("-:3: not a claims record"), "{err}");
    assert!(err.contains("no `text`"), "{err}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(!v["stories"].as_array().unwrap().is_empty());
}

#[test]
fn claims_input_is_for_check_only() {
    let out = run(&["claims", "--input", "claims", "x.jsonl"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("read by `tathya check` only"));
}
