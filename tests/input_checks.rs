//! No silent mistakes: each input a user gets wrong is an error or a warning with a code, and
//! the input forms that used to be mishandled (BOM, live standard input, huge integers) work.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

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
    let _ = child.stdin.take().unwrap().write_all(input);
    child.wait_with_output().unwrap()
}

fn s(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("tathya-input-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

const A: &str = "tests/corpus/000_b1c8025b0e2ba5b4.txt";
const B: &str = "tests/corpus/002_5fa5028a7c2c55c0.txt";

#[test]
fn unknown_story_names_are_errors() {
    let out = tathya(&["check", "--story", "nope.txt,typo.txt", A, B]);
    assert_eq!(out.status.code(), Some(2), "{}", s(&out.stderr));
    let err = s(&out.stderr);
    assert!(
        err.contains("nope.txt") && err.contains("typo.txt"),
        "{err}"
    );
    assert!(err.contains("matches no document"), "{err}");

    let dir = temp_dir("manifest");
    let m = dir.join("stories.toml");
    std::fs::write(
        &m,
        "[[story]]\ndocuments = [\"000_b1c8025b0e2ba5b4.txt\", \"missing.txt\"]\n",
    )
    .unwrap();
    let out = tathya(&["check", "--stories", m.to_str().unwrap(), A, B]);
    assert_eq!(out.status.code(), Some(2));
    assert!(s(&out.stderr).contains("missing.txt"), "{}", s(&out.stderr));

    // Names that match are fine.
    let out = tathya(&[
        "check",
        "--story",
        "000_b1c8025b0e2ba5b4.txt,002_5fa5028a7c2c55c0.txt",
        A,
        B,
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", s(&out.stderr));
}

#[test]
fn a_document_in_two_stories_is_an_error() {
    let out = tathya(&[
        "check",
        "--story",
        "000_b1c8025b0e2ba5b4.txt,002_5fa5028a7c2c55c0.txt",
        "--story",
        "002_5fa5028a7c2c55c0.txt",
        A,
        B,
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = s(&out.stderr);
    assert!(err.contains("story 1 and story 2"), "{err}");
}

#[test]
fn duplicate_ids_warn_with_a_code() {
    let input = "{\"id\":\"a1\",\"text\":\"सेना के 6,000 सैनिक।\"}\n{\"id\":\"a1\",\"text\":\"सेना के 7,000 सैनिक।\"}\n";
    for cmd in ["claims", "check"] {
        let out = tathya_stdin(
            &[cmd, "--input", "jsonl", "--format", "jsonl", "-"],
            input.as_bytes(),
        );
        let err = s(&out.stderr);
        assert!(
            err.contains("warning[D002]") && err.contains("a1"),
            "{cmd}: {err}"
        );
    }
    let out = tathya(&["explain", "D002"]);
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn unknown_lang_is_a_record_error() {
    let input = "{\"id\":\"k\",\"text\":\"qapla\",\"lang\":\"klingon\"}\n{\"id\":\"ok\",\"text\":\"सेना के 6,000 सैनिक।\",\"lang\":\"hi\"}\n";
    let out = tathya_stdin(
        &["claims", "--input", "jsonl", "--format", "jsonl", "-"],
        input.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(s(&out.stderr).contains("klingon"), "{}", s(&out.stderr));
    // The next record is analysed.
    assert!(s(&out.stdout).contains("\"id\":\"ok\""));
}

#[test]
fn unknown_grammar_files_are_errors() {
    let dir = temp_dir("grammars");
    std::fs::create_dir_all(dir.join("hi")).unwrap();
    std::fs::write(dir.join("hi/unit.toml"), "").unwrap();
    let out = tathya(&["claims", "--grammars", dir.to_str().unwrap(), A]);
    assert_eq!(out.status.code(), Some(2));
    let err = s(&out.stderr);
    assert!(
        err.contains("hi/unit.toml") && err.contains("units.toml"),
        "{err}"
    );
}

#[test]
fn empty_or_binary_originals_are_errors() {
    let dir = temp_dir("original");
    let empty = dir.join("empty.txt");
    let binary = dir.join("binary.bin");
    std::fs::write(&empty, "  \n").unwrap();
    std::fs::write(&binary, b"ab\0cd").unwrap();
    for (p, what) in [(&empty, "empty"), (&binary, "binary")] {
        let out = tathya(&["mt", "--original", p.to_str().unwrap(), A]);
        assert_eq!(out.status.code(), Some(2), "{what}: {}", s(&out.stderr));
        assert!(
            s(&out.stderr).contains("original"),
            "{what}: {}",
            s(&out.stderr)
        );
    }
}

#[test]
fn a_bom_does_not_reject_the_first_record() {
    let input = "\u{feff}{\"id\":\"bom\",\"text\":\"सेना के 6,000 सैनिक।\"}\n";
    let out = tathya_stdin(
        &["claims", "--input", "jsonl", "--format", "jsonl", "-"],
        input.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", s(&out.stderr));
    assert!(s(&out.stdout).contains("\"id\":\"bom\""));
}

#[test]
fn a_line_beyond_max_bytes_is_refused_while_reading() {
    let big = format!(
        "{{\"id\":\"big\",\"text\":\"{}\"}}\n{{\"id\":\"small\",\"text\":\"सेना के 6,000 सैनिक।\"}}\n",
        "क".repeat(200_000)
    );
    let out = tathya_stdin(
        &[
            "claims",
            "--input",
            "jsonl",
            "--format",
            "jsonl",
            "--max-bytes",
            "1000",
            "-",
        ],
        big.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(s(&out.stdout).contains("\"id\":\"small\""));
    assert!(
        s(&out.stderr).contains("stdin") || s(&out.stderr).contains("-:1"),
        "{}",
        s(&out.stderr)
    );
}

#[test]
fn jsonl_on_a_live_stdin_answers_each_record() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tathya"))
        .args(["claims", "--input", "jsonl", "--format", "jsonl", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawns");
    let mut stdin = child.stdin.take().unwrap();
    stdin
        .write_all(b"{\"id\":\"live\",\"text\":\"\xe0\xa4\xb8\xe0\xa5\x87\xe0\xa4\xa8\xe0\xa4\xbe 6,000\"}\n")
        .unwrap();
    stdin.flush().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        let _ = BufReader::new(stdout).read_line(&mut line);
        let _ = tx.send(line);
    });
    // The answer comes while standard input is still open.
    let line = rx.recv_timeout(Duration::from_secs(60));
    drop(stdin);
    let _ = child.kill();
    let _ = child.wait();
    let line = line.expect("a record is answered before the input ends");
    assert!(line.contains("\"id\":\"live\""), "{line}");
}

#[test]
fn integers_beyond_2_to_53_are_flagged() {
    let out = tathya_stdin(
        &["claims", "--format", "jsonl", "--lang", "hi", "-"],
        "खाते में कुल 12345678901234567 रुपये जमा हुए।\n".as_bytes(),
    );
    let text = s(&out.stdout);
    assert!(text.contains("12345678901234567"), "{text}");
    assert!(
        text.contains("\"D004\""),
        "no inexact-number finding: {text}"
    );
    let out = tathya(&["explain", "inexact-number"]);
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn lone_carriage_returns_end_lines_like_newlines() {
    // The same article with `\n` and with lone `\r`: the same byte length, so every span,
    // sentence, chrome line and the publication date must come out the same.
    for f in [
        "000_b1c8025b0e2ba5b4.txt",
        "001_93327e7be077d1f2.txt",
        "003_9cdd1d268ee3f9b1.txt",
    ] {
        let lf = std::fs::read_to_string(format!("tests/corpus/{f}")).unwrap();
        let lf = lf.replace("\r\n", "\n");
        let cr = lf.replace('\n', "\r");
        let g = tathya::Grammars::builtin();
        let o = tathya::Options::default();
        let a = tathya::analyze("lf", lf, None, &o, g);
        let b = tathya::analyze("cr", cr, None, &o, g);
        let spans = |d: &tathya::Document| {
            (
                d.sentences
                    .iter()
                    .map(|s| (s.start, s.end, s.chrome))
                    .collect::<Vec<_>>(),
                d.claims
                    .iter()
                    .map(|c| (c.start, c.end, c.kind_name()))
                    .collect::<Vec<_>>(),
                d.chrome.len(),
                d.published,
            )
        };
        assert_eq!(spans(&a), spans(&b), "{f}");
        assert!(
            a.published.is_some() || f.starts_with("003"),
            "{f}: the date is read"
        );
    }
}

#[test]
fn json_for_a_large_batch_warns_that_it_buffers() {
    let mut input = String::new();
    for i in 0..1001 {
        input.push_str(&format!(
            "{{\"id\":\"d{i}\",\"text\":\"6,000 soldiers\"}}\n"
        ));
    }
    let out = tathya_stdin(
        &[
            "claims", "--input", "jsonl", "--format", "json", "--no-mt", "-",
        ],
        input.as_bytes(),
    );
    let err = s(&out.stderr);
    assert!(
        err.contains("warning[D003]") && err.contains("jsonl"),
        "{err}"
    );
    let out = tathya_stdin(
        &[
            "claims", "--input", "jsonl", "--format", "jsonl", "--no-mt", "-",
        ],
        input.as_bytes(),
    );
    assert!(!s(&out.stderr).contains("D003"));
}
