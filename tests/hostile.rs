//! Hostile text through every output: control characters, escape sequences, bidi overrides and
//! Markdown/HTML syntax in an article and in its file name are shown escaped in every terminal
//! listing (claims, mt, check, entities) and in Markdown, while JSON and JSONL keep the exact text.

use std::process::{Command, Output};

fn tathya(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tathya"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("runs")
}

fn s(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("tathya-hostile-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// An article whose quote, figure and names carry ESC/OSC/BEL, C1, DEL and bidi controls and
/// Markdown/HTML that would execute or break a report.
const ARTICLE: &str = "नई दिल्ली, एजेंसी। रक्षा मंत्री राजनाथ सिंह ने कहा कि सीमा पर \u{1b}[2J6,000 सैनिक \
तैनात हैं\u{7}। उन्होंने कहा, “हम \u{1b}]0;pwned\u{7}पीछे नहीं हटेंगे <script>alert(1)</script> \
[x](javascript:alert(1)) `code` \u{202e}txt.exe\u{202c} \u{9b}31m और \u{7f}जीतेंगे।”\n\
राजनाथ सिंह ने बताया कि 40% <img src=x onerror=alert(1)> सैनिक लौटे।\n";

/// A file name with a newline that would fake a listing line, an escape and a bidi override.
const NAME: &str = "evil\n  s0  1:1  figure  FAKE\u{1b}[2J\u{202e}.txt";

/// No raw control or bidi character but the newline (the terminal listings).
fn assert_safe(what: &str, out: &str) {
    for c in out.chars() {
        let bad = matches!(c, '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
            | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
        assert!(!bad, "{what}: raw U+{:04X} in output:\n{out}", c as u32);
    }
    assert!(
        !out.lines()
            .any(|l| l.trim_start().starts_with("s0  1:1  figure  FAKE")),
        "{what}: the file name's newline made a line of its own:\n{out}"
    );
}

fn setup(name: &str) -> (std::path::PathBuf, String, String) {
    let dir = temp_dir(name);
    let a = dir.join(NAME);
    let b = dir.join("copy.txt");
    std::fs::write(&a, ARTICLE).unwrap();
    std::fs::write(&b, ARTICLE).unwrap();
    (
        dir,
        a.to_string_lossy().into_owned(),
        b.to_string_lossy().into_owned(),
    )
}

#[test]
fn terminal_listings_show_controls_escaped() {
    let (_dir, a, b) = setup("text");
    for args in [
        vec!["claims", a.as_str()],
        vec!["claims", "--color", "always", a.as_str()],
        vec!["mt", a.as_str()],
        vec!["check", a.as_str(), b.as_str()],
        vec!["entities", a.as_str()],
    ] {
        let out = tathya(&args);
        let text = s(&out.stdout);
        assert!(
            !text.is_empty(),
            "{args:?}: no output; stderr {}",
            s(&out.stderr)
        );
        if args.contains(&"always") {
            // The listing's own colours stay; the article's sequences do not.
            assert!(text.contains("\u{1b}[1m"));
            assert!(!text.contains("\u{1b}[2J") && !text.contains("\u{1b}]0;"));
        } else {
            assert_safe(&format!("{args:?}"), &text);
        }
        assert_safe(&format!("{args:?} stderr"), &s(&out.stderr));
    }
    let out = tathya(&["claims", a.as_str()]);
    let text = s(&out.stdout);
    assert!(
        text.contains("\\x1b[2J"),
        "the escape is shown, not dropped:\n{text}"
    );
    assert!(text.contains("\\u{202e}"), "{text}");
}

#[test]
fn json_and_jsonl_keep_the_exact_text() {
    let (_dir, a, _) = setup("json");
    for format in ["json", "jsonl"] {
        let out = tathya(&["claims", "--format", format, a.as_str()]);
        assert_eq!(out.status.code(), Some(0), "{}", s(&out.stderr));
        let text = s(&out.stdout);
        // serde escapes control characters, so the bytes are safe; the parsed text is exact.
        assert_safe(format, &text.replace('\n', ""));
        let first = text.lines().next().unwrap_or("");
        let v: serde_json::Value = if format == "json" {
            serde_json::from_str(&text).unwrap()
        } else {
            serde_json::from_str(first).unwrap()
        };
        let doc = if format == "json" {
            &v["documents"][0]
        } else {
            &v
        };
        assert_eq!(doc["id"].as_str(), Some(a.as_str()));
        let texts: Vec<&str> = doc["claims"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|c| c["text"].as_str())
            .collect();
        assert!(
            texts.iter().any(|t| t.contains("\u{1b}]0;pwned\u{7}")),
            "{format}: a claim keeps the raw escape: {texts:?}"
        );
        for c in doc["claims"].as_array().unwrap() {
            let (st, en) = (
                c["start"].as_u64().unwrap() as usize,
                c["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(
                ARTICLE.get(st..en),
                c["text"].as_str(),
                "{format}: span and text agree"
            );
        }
    }
}

#[test]
fn markdown_escapes_html_links_and_backticks() {
    let (_dir, a, b) = setup("md");
    let out = tathya(&["check", "--format", "markdown", a.as_str(), b.as_str()]);
    let md = s(&out.stdout);
    assert!(md.contains("Story"), "{md}\n{}", s(&out.stderr));
    assert_safe("markdown", &md);
    // Escaped brackets and backticks (`\]`, `\``) are text; what is left must hold no syntax.
    let unescaped = md.replace("\\]", "").replace("\\[", "").replace("\\`", "");
    for raw in ["<script>", "<img", "](javascript:", "`code`"] {
        assert!(!unescaped.contains(raw), "raw {raw:?} in Markdown:\n{md}");
    }
    assert!(
        md.contains("&lt;script&gt;") || md.contains("&lt;img"),
        "{md}"
    );
    // Every code span closes on its own line: backtick fences are balanced per line.
    for line in md.lines() {
        let unescaped = line.replace("\\`", "");
        let mut runs: Vec<usize> = Vec::new();
        let mut n = 0;
        for c in unescaped.chars().chain(std::iter::once(' ')) {
            if c == '`' {
                n += 1;
            } else if n > 0 {
                runs.push(n);
                n = 0;
            }
        }
        let mut open: Option<usize> = None;
        for r in runs {
            open = match open {
                Some(o) if o == r => None,
                Some(o) => Some(o),
                None => Some(r),
            };
        }
        assert!(open.is_none(), "unclosed code span in {line:?}");
    }
}
