//! The built binary, end to end: listings, JSON, bad input, exit codes, determinism.

mod common;

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn tathya(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tathya"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("runs")
}

fn tathya_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tathya"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawns");
    // The binary may exit before reading (a bad grammar): a closed pipe is fine here.
    let _ = child.stdin.take().unwrap().write_all(input);
    child.wait_with_output().unwrap()
}

fn s(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("tathya-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn claims_lists_every_corpus_file_and_exits_clean() {
    let out = tathya(&["claims", "tests/corpus"]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", s(&out.stderr));
    let text = s(&out.stdout);
    for f in std::fs::read_dir("tests/corpus").unwrap().flatten() {
        let name = f.file_name().to_string_lossy().into_owned();
        assert!(text.contains(&name), "{name} missing from listing");
    }
    assert!(
        !text.contains('\x1b'),
        "no colour codes when NO_COLOR is set"
    );
}

#[test]
fn json_is_the_contract() {
    let out = tathya(&[
        "claims",
        "--format",
        "json",
        "tests/corpus/000_b1c8025b0e2ba5b4.txt",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert!(v["tathya"].is_string());
    let doc = &v["documents"][0];
    assert_eq!(doc["id"], "tests/corpus/000_b1c8025b0e2ba5b4.txt");
    assert_eq!(doc["lang"], "hi");
    for key in ["published", "sentences", "claims", "errors"] {
        assert!(doc.get(key).is_some(), "document lacks `{key}`");
    }
    let text = std::fs::read_to_string("tests/corpus/000_b1c8025b0e2ba5b4.txt").unwrap();
    for c in doc["claims"].as_array().unwrap() {
        let (a, b) = (
            c["start"].as_u64().unwrap() as usize,
            c["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            &text[a..b],
            c["text"].as_str().unwrap(),
            "span and text agree"
        );
    }
}

#[test]
fn bad_inputs_are_reported_and_the_batch_goes_on() {
    let d = temp_dir("bad");
    std::fs::write(d.join("a_good.txt"), "रूस ने 6,000 सैनिक भेजे।").unwrap();
    std::fs::write(d.join("b_binary.bin"), [0x7f, b'E', b'L', b'F', 0, 0, 1]).unwrap();
    std::fs::write(d.join("c_latin1.txt"), [b'c', b'a', b'f', 0xe9]).unwrap();
    std::fs::write(d.join("d_empty.txt"), "").unwrap();
    let missing = d.join("nope.txt");
    let out = tathya(&[
        "claims",
        "--format",
        "jsonl",
        d.to_str().unwrap(),
        missing.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let lines: Vec<serde_json::Value> = s(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 5, "one record per input, good and bad");
    assert!(lines[0]["errors"].as_array().unwrap().is_empty());
    let errs: Vec<String> = lines[1..]
        .iter()
        .map(|l| l["errors"][0].as_str().unwrap().to_string())
        .collect();
    assert!(errs[0].contains("binary"), "{errs:?}");
    assert!(errs[1].contains("UTF-8"), "{errs:?}");
    assert!(errs[2].contains("empty"), "{errs:?}");
    assert!(errs[3].contains("cannot read"), "{errs:?}");
    let stderr = s(&out.stderr);
    assert!(
        stderr.contains("c_latin1.txt") && stderr.contains("nope.txt"),
        "{stderr}"
    );
}

#[test]
fn too_large_input_is_an_error_for_that_document() {
    let d = temp_dir("large");
    std::fs::write(d.join("big.txt"), "क".repeat(1000)).unwrap();
    let out = tathya(&[
        "claims",
        "--max-bytes",
        "100",
        d.join("big.txt").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    // One error line, on standard error only.
    assert_eq!(
        s(&out.stderr)
            .lines()
            .filter(|l| l.contains("too large"))
            .count(),
        1
    );
    assert!(!s(&out.stdout).contains("too large"), "{}", s(&out.stdout));
}

#[test]
fn jsonl_from_stdin_keeps_going_after_a_bad_record() {
    let input = "{\"id\":\"x1\",\"text\":\"रूस ने 40 सैनिक भेजे।\",\"published\":\"2024-11-30\"}\n{broken\n{\"id\":\"x3\",\"text\":\"North Korea sent 6,000 troops.\",\"lang\":\"en\"}\n";
    let out = tathya_stdin(
        &["claims", "--input", "jsonl", "--format", "jsonl", "-"],
        input.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(2));
    let lines: Vec<serde_json::Value> = s(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["id"], "x1");
    assert_eq!(lines[0]["published"], "2024-11-30");
    assert!(lines[1]["errors"][0].as_str().unwrap().contains("line 2"));
    assert_eq!(lines[2]["lang"], "en");
}

#[test]
fn plain_text_from_stdin() {
    let out = tathya_stdin(&["claims", "-"], "सेना के सैनिक पहुंचे।".as_bytes());
    assert_eq!(out.status.code(), Some(0));
    assert!(s(&out.stdout).starts_with("-  hi"));
}

#[test]
fn output_is_deterministic() {
    let a = tathya(&["claims", "--format", "json", "tests/corpus"]);
    let b = tathya(&["claims", "--format", "json", "tests/corpus"]);
    assert_eq!(a.stdout, b.stdout);
    let a = tathya(&["claims", "tests/corpus"]);
    let b = tathya(&["claims", "tests/corpus"]);
    assert_eq!(a.stdout, b.stdout);
}

#[test]
fn help_shows_examples() {
    let out = tathya(&["--help"]);
    assert!(s(&out.stdout).contains("Examples"));
    let out = tathya(&["claims", "--help"]);
    assert!(s(&out.stdout).contains("tathya claims tests/corpus/"));
}

#[test]
fn explain_knows_every_code_and_rejects_unknown_ones() {
    let list = tathya(&["explain"]);
    assert_eq!(list.status.code(), Some(0));
    for line in s(&list.stdout).lines() {
        let code = line.split_whitespace().next().unwrap();
        let one = tathya(&["explain", code]);
        assert_eq!(one.status.code(), Some(0), "{code}");
        assert!(s(&one.stdout).contains("Why it matters"));
    }
    let bad = tathya(&["explain", "Z999"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(s(&bad.stderr).contains("unknown code"));
}

#[test]
fn grammar_overrides_apply_and_bad_ones_fail_clearly() {
    let d = temp_dir("grammars");
    std::fs::write(
        d.join("chrome.toml"),
        "description = \"no chrome at all\"\n",
    )
    .unwrap();
    let doc = "Next Story\nरूस ने सैनिक भेजे।";
    let plain = tathya_stdin(&["claims", "--format", "json", "-"], doc.as_bytes());
    let v: serde_json::Value = serde_json::from_slice(&plain.stdout).unwrap();
    assert_eq!(v["documents"][0]["chrome"].as_array().unwrap().len(), 1);
    let over = tathya_stdin(
        &[
            "claims",
            "--format",
            "json",
            "--grammars",
            d.to_str().unwrap(),
            "-",
        ],
        doc.as_bytes(),
    );
    let v: serde_json::Value = serde_json::from_slice(&over.stdout).unwrap();
    assert_eq!(v["documents"][0]["chrome"].as_array().unwrap().len(), 0);

    std::fs::write(d.join("chrome.toml"), "rule = 3\n").unwrap();
    let bad = tathya_stdin(
        &["claims", "--grammars", d.to_str().unwrap(), "-"],
        doc.as_bytes(),
    );
    assert_eq!(bad.status.code(), Some(2));
    assert!(s(&bad.stderr).contains("chrome.toml"), "{}", s(&bad.stderr));
    let missing = tathya(&["claims", "--grammars", "no/such/dir", "tests/corpus"]);
    assert_eq!(missing.status.code(), Some(2));
}
