//! What the README and the help texts promise about flags, formats and exit codes, run on the
//! built binary: `--fail-on` for `check` and `mt`, `--color` on every subcommand, `--show`,
//! help texts that say what is printed, one error line per failure, the contract version,
//! plurals, columns by display width, the HTML format, no progress bar when not on a terminal.

mod common;

use std::io::{Read, Write};
use std::process::{Command, Output, Stdio};

use serde_json::Value;
use unicode_width::UnicodeWidthStr;

fn tathya(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tathya"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR")
        .output()
        .expect("runs")
}

fn tathya_stdin(args: &[&str], input: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tathya"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawns");
    let _ = child.stdin.take().unwrap().write_all(input.as_bytes());
    child.wait_with_output().unwrap()
}

fn s(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

const SEED_MT: &str = "tests/corpus/004_e88fc5b0d66a22c9.txt";
const SEED: &str = "tests/corpus/000_b1c8025b0e2ba5b4.txt";
/// A sentence whose only MT evidence is a warning (a stutter).
const STUTTER: &str = "मंत्री ने कहा कि एक प्रेस कॉस कॉस कॉस को बुलाया गया है।";

#[test]
fn mt_fail_on_sets_the_exit_code_as_the_readme_says() {
    // Default: any flagged sentence fails the run.
    assert_eq!(tathya(&["mt", SEED_MT]).status.code(), Some(1));
    assert_eq!(
        tathya(&["mt", "--fail-on", "never", SEED_MT]).status.code(),
        Some(0)
    );
    assert_eq!(
        tathya(&["mt", "--fail-on", "error", SEED_MT]).status.code(),
        Some(1)
    );
    // Flagged on a warning only: fails at warning, not at error.
    let warn = tathya_stdin(&["mt", "--fail-on", "warning", "-"], STUTTER);
    assert_eq!(warn.status.code(), Some(1), "{}", s(&warn.stdout));
    let err = tathya_stdin(&["mt", "--fail-on", "error", "-"], STUTTER);
    assert_eq!(err.status.code(), Some(0), "{}", s(&err.stdout));
    // A native article is not flagged.
    assert_eq!(tathya(&["mt", SEED]).status.code(), Some(0));
    // A bad level is an argument error.
    let bad = tathya(&["mt", "--fail-on", "loud", SEED]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(s(&bad.stderr).contains("never"));
}

#[test]
fn check_fail_on_never_and_levels() {
    assert_eq!(tathya(&["check", "tests/corpus"]).status.code(), Some(0));
    assert_eq!(
        tathya(&["check", "--fail-on", "warning", "tests/corpus"])
            .status
            .code(),
        Some(1)
    );
    assert_eq!(
        tathya(&["check", "--fail-on", "never", "tests/corpus"])
            .status
            .code(),
        Some(0)
    );
    assert_eq!(
        tathya(&["check", "--fail-on", "info", "tests/corpus"])
            .status
            .code(),
        Some(1)
    );
}

#[test]
fn color_is_accepted_by_every_subcommand_and_does_what_it_says() {
    let runs: [&[&str]; 5] = [
        &["claims", SEED],
        &["check", SEED],
        &["mt", SEED_MT],
        &["entities", SEED],
        &["explain"],
    ];
    for args in runs {
        let mut always = vec!["--color", "always"];
        always.extend_from_slice(&args[1..]);
        always.insert(0, args[0]);
        let out = tathya(&always);
        assert!(
            out.status.code().unwrap() < 2,
            "{args:?}: {}",
            s(&out.stderr)
        );
        assert!(s(&out.stdout).contains('\x1b'), "{args:?} --color always");
        let mut never = vec![args[0], "--color", "never"];
        never.extend_from_slice(&args[1..]);
        let out = tathya(&never);
        assert!(
            out.status.code().unwrap() < 2,
            "{args:?}: {}",
            s(&out.stderr)
        );
        assert!(!s(&out.stdout).contains('\x1b'), "{args:?} --color never");
        // auto: standard output is a pipe here, so no colour.
        let out = tathya(args);
        assert!(!s(&out.stdout).contains('\x1b'), "{args:?} --color auto");
    }
}

#[test]
fn help_texts_say_what_is_printed() {
    let h = s(&tathya(&["entities", "--help"]).stdout);
    assert!(h.contains("Prints one block per entity"), "{h}");
    assert!(h.contains("tathya entities tests/corpus/"), "{h}");
    let h = s(&tathya(&["mt", "--help"]).stdout);
    assert!(h.contains("For each document"), "{h}");
    assert!(h.contains("--fail-on"), "{h}");
    assert!(h.contains("Exit codes"), "{h}");
    let h = s(&tathya(&["check", "--help"]).stdout);
    assert!(h.contains("--show"), "{h}");
    assert!(h.contains("The text report lists"), "{h}");
    assert!(h.contains("html"), "{h}");
    let h = s(&tathya(&["claims", "--help"]).stdout);
    assert!(h.contains("one line per claim"), "{h}");
    assert!(h.contains("html"), "{h}");
    for sub in ["claims", "check", "mt", "entities", "explain"] {
        let h = s(&tathya(&[sub, "--help"]).stdout);
        assert!(h.contains("--color"), "{sub} --help lacks --color");
        assert!(h.contains("Examples"), "{sub} --help lacks examples");
    }
}

#[test]
fn one_error_line_per_failure_on_stderr_only() {
    for sub in ["claims", "check", "mt", "entities"] {
        let out = tathya(&[sub, SEED, "no/such/file.txt"]);
        assert_eq!(out.status.code(), Some(2), "{sub}");
        let err = s(&out.stderr);
        let lines: Vec<&str> = err
            .lines()
            .filter(|l| l.contains("no/such/file.txt"))
            .collect();
        assert_eq!(lines.len(), 1, "{sub}: {err}");
        assert!(lines[0].starts_with("tathya: "), "{sub}: {err}");
        let stdout = s(&out.stdout);
        assert!(
            !stdout.contains("No such file") && !stdout.contains("error:"),
            "{sub} repeats the error on stdout: {stdout}"
        );
    }
    // An argument error is one message on stderr and nothing on stdout.
    let out = tathya(&["claims", "--format", "nope", SEED]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
}

#[test]
fn the_contract_version_is_printed_where_the_docs_say() {
    let v = s(&tathya(&["--version"]).stdout);
    assert_eq!(
        v.trim(),
        format!(
            "tathya {} (JSON contract {})",
            env!("CARGO_PKG_VERSION"),
            tathya::CONTRACT_VERSION
        )
    );
    let reports: [&[&str]; 4] = [
        &["claims", "--format", "json", SEED],
        &["check", "--format", "json", SEED],
        &["mt", "--format", "json", SEED],
        &["entities", "--format", "json", SEED],
    ];
    for args in reports {
        let v: Value = serde_json::from_slice(&tathya(args).stdout).unwrap();
        assert_eq!(v["contract"], tathya::CONTRACT_VERSION, "{args:?}");
        assert_eq!(v["tathya"], env!("CARGO_PKG_VERSION"), "{args:?}");
    }
}

#[test]
fn counts_are_in_the_singular_for_one() {
    let out = tathya_stdin(&["claims", "-"], "सेना के 6,000 सैनिक पहुंचे।");
    let first = s(&out.stdout).lines().next().unwrap().to_string();
    assert!(first.contains("1 sentence ("), "{first}");
    assert!(first.contains("1 claim"), "{first}");
    assert!(
        !first.contains("1 claims") && !first.contains("1 sentences"),
        "{first}"
    );
    let out = tathya_stdin(&["mt", "-"], STUTTER);
    assert!(
        s(&out.stdout).contains("1 of 1 body sentence flagged"),
        "{}",
        s(&out.stdout)
    );
    let out = s(&tathya(&["check", SEED]).stdout);
    assert!(out.contains("· 1 document ·"), "{out}");
    assert!(
        out.lines().last().unwrap().starts_with("1 story ·"),
        "{out}"
    );
}

#[test]
fn listing_columns_line_up_by_display_width() {
    let listing = s(&tathya(&["claims", SEED]).stdout);
    let json: Value =
        serde_json::from_slice(&tathya(&["claims", "--format", "json", SEED]).stdout).unwrap();
    let claims = json["documents"][0]["claims"].as_array().unwrap();
    let rows: Vec<&str> = listing.lines().filter(|l| l.starts_with("  s")).collect();
    assert_eq!(rows.len(), claims.len());
    // The last column (the claim's text) starts at the same display column on every row, though
    // the kind and value columns hold Devanagari (whose vowel signs take no column).
    let starts: Vec<usize> = rows
        .iter()
        .zip(claims)
        .map(|(row, c)| {
            let text: String = c["text"]
                .as_str()
                .unwrap()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let head: String = text.chars().take(8).collect();
            let at = row
                .rfind(&head)
                .unwrap_or_else(|| panic!("{head} in {row}"));
            row[..at].width()
        })
        .collect();
    assert!(
        starts.windows(2).all(|w| w[0] == w[1]),
        "{starts:?}\n{listing}"
    );
    assert!(
        rows.iter().any(|r| r.contains("attribution/ने जानकारी दी")),
        "a Devanagari kind column"
    );
}

#[test]
fn check_show_chooses_what_the_text_and_markdown_list() {
    let flagged = s(&tathya(&["check", "tests/corpus"]).stdout);
    assert!(!flagged.contains("Corroborated ("), "{flagged}");
    assert!(flagged.contains("Single-source key claims"), "{flagged}");
    assert!(flagged.contains("(--show all lists them)"), "{flagged}");
    let all = s(&tathya(&["check", "--show", "all", "tests/corpus"]).stdout);
    assert!(all.contains("Corroborated (5)"), "{all}");
    assert!(!all.contains("not listed"), "{all}");
    assert!(all.lines().count() > 2 * flagged.lines().count());
    let conflicts = s(&tathya(&["check", "--show", "conflicts", "tests/corpus"]).stdout);
    assert!(!conflicts.contains("Single-source key claims"));
    let md = s(&tathya(&["check", "--format", "markdown", "tests/corpus"]).stdout);
    assert!(!md.contains("### Corroborated"), "{md}");
    assert!(md.contains("`--show all` lists them"), "{md}");
    let md = s(&tathya(&[
        "check",
        "--format",
        "markdown",
        "--show",
        "all",
        "tests/corpus",
    ])
    .stdout);
    assert!(md.contains("### Corroborated (5)"), "{md}");
    // Two seeds forced into one story conflict on the date: --show conflicts lists the conflict.
    let out = s(&tathya(&[
        "check",
        "--show",
        "conflicts",
        "--story",
        "001_93327e7be077d1f2.txt,002_5fa5028a7c2c55c0.txt",
        "tests/corpus",
    ])
    .stdout);
    assert!(out.contains("Conflicts ("), "{out}");
}

#[test]
fn outlets_by_name_from_records_credits_and_file_names() {
    let input = concat!(
        "{\"id\":\"a\",\"text\":\"सेना के 6,000 सैनिक पहुंचे।\",\"outlet\":\"Dainik Jagran\"}\n",
        "{\"id\":\"b\",\"text\":\"सेना के 6,000 सैनिक पहुंचे।\",\"url\":\"https://www.amarujala.com/india-news/x\"}\n",
        "{\"id\":\"c\",\"text\":\"सेना के 6,000 सैनिक पहुंचे।\\n\\n(आईएएनएस)\"}\n",
    );
    let out = tathya_stdin(
        &["claims", "--input", "jsonl", "--format", "json", "-"],
        input,
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let outlets: Vec<&str> = v["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["outlet"].as_str().unwrap())
        .collect();
    assert_eq!(outlets, ["Dainik Jagran", "amarujala.com", "IANS"]);
    let v: Value =
        serde_json::from_slice(&tathya(&["claims", "--format", "json", "tests/corpus"]).stdout)
            .unwrap();
    let outlets: Vec<&str> = v["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["outlet"].as_str().unwrap())
        .collect();
    assert_eq!(outlets[0], "IANS", "credited (आईएएनएस)");
    assert_eq!(
        outlets[1], "001_93327e7be077d1f2.txt",
        "no credit: the file name"
    );
}

#[test]
fn html_is_one_self_contained_page() {
    for args in [
        ["claims", "--format", "html", SEED],
        ["check", "--format", "html", "tests/corpus"],
    ] {
        let out = tathya(&args);
        assert_eq!(out.status.code(), Some(0), "{}", s(&out.stderr));
        let html = s(&out.stdout);
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert!(html.trim_end().ends_with("</html>"));
        // Article text may hold URLs (as escaped text); no markup refers to anything outside.
        for external in [
            "<link",
            " src=\"",
            "url(",
            "@import",
            "href=\"http",
            "action=\"",
        ] {
            assert!(!html.contains(external), "{args:?} refers to {external}");
        }
        assert_eq!(html.matches("<script>").count(), 1);
        assert!(html.contains("Content-Security-Policy"));
    }
}

#[test]
fn no_progress_bar_when_stderr_is_not_a_terminal() {
    for sub in ["claims", "check", "mt", "entities"] {
        let out = tathya(&[sub, "tests/corpus"]);
        assert!(out.stderr.is_empty(), "{sub}: {}", s(&out.stderr));
        let out = tathya(&[sub, "--quiet", "tests/corpus"]);
        assert!(out.stderr.is_empty(), "{sub} --quiet: {}", s(&out.stderr));
    }
}

#[test]
fn a_closed_output_pipe_is_not_an_error() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tathya"))
        .args([
            "claims",
            "--format",
            "jsonl",
            "tests/corpus",
            "tests/corpus",
            "tests/corpus",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 64];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // stdout is dropped here: the rest of the output meets a closed pipe.
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", s(&out.stderr));
    assert!(out.stderr.is_empty(), "{}", s(&out.stderr));
}

#[test]
fn every_readme_format_is_accepted() {
    for f in ["text", "json", "jsonl", "html"] {
        assert_eq!(
            tathya(&["claims", "--format", f, SEED]).status.code(),
            Some(0),
            "claims {f}"
        );
    }
    for f in ["text", "json", "jsonl", "markdown", "html"] {
        assert_eq!(
            tathya(&["check", "--format", f, SEED]).status.code(),
            Some(0),
            "check {f}"
        );
    }
    for f in ["text", "json", "jsonl"] {
        assert_eq!(
            tathya(&["mt", "--format", f, SEED]).status.code(),
            Some(0),
            "mt {f}"
        );
        assert_eq!(
            tathya(&["entities", "--format", f, SEED]).status.code(),
            Some(0),
            "entities {f}"
        );
    }
    // --lang forces the language; --input jsonl reads records.
    let v: Value = serde_json::from_slice(
        &tathya(&["claims", "--lang", "en", "--format", "json", SEED]).stdout,
    )
    .unwrap();
    assert_eq!(v["documents"][0]["lang"], "en");
}
