//! The HTML report in a real browser: headless Chromium loads the report of the seeds, of one
//! COVID date (when `../shared` is present) and of a hostile pair of articles; the tests read the
//! DOM Chromium produced (`--dump-dom`, after the page's script ran) and check conflict rows,
//! highlights and counts against the JSON report of the same run. Screenshots at desktop and
//! phone widths are kept under `target/tmp/html/` for a person to look at.
//!
//! Chromium is Debian's `chromium` package (`.ci/run` installs it with a Devanagari font); without
//! it the tests print a message and pass.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    for name in ["chromium", "chromium-browser"] {
        for dir in std::env::split_paths(&path) {
            let p = dir.join(name);
            if p.is_file() {
                return Some(p);
            }
        }
    }
    None
}

fn out_dir() -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join("html");
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn tathya(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_tathya"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("run tathya")
}

/// Run Chromium headless with `extra` arguments on `page`; its standard output.
fn browse(chromium: &Path, page: &Path, extra: &[&str]) -> String {
    let profile = tempdir("profile");
    let url = format!("file://{}", page.canonicalize().unwrap().display());
    let mut child = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(&url)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromium");
    let started = Instant::now();
    let mut out = String::new();
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut stdout, &mut s).ok();
        s
    });
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if started.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium did not finish within 120 s on {url}");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    out.push_str(&reader.join().unwrap());
    let _ = std::fs::remove_dir_all(&profile);
    out
}

fn tempdir(name: &str) -> PathBuf {
    let d = out_dir().join(format!(
        "{name}-{}-{:?}",
        std::process::id(),
        std::thread::current().id()
    ));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// The DOM Chromium built from `page`, plus screenshots at 1280 and 390 px width named after it.
fn load(chromium: &Path, page: &Path) -> String {
    let dom = browse(chromium, page, &["--dump-dom"]);
    assert!(
        dom.contains("</html>"),
        "chromium produced no DOM for {}",
        page.display()
    );
    let stem = page.file_stem().unwrap().to_string_lossy().to_string();
    for (w, h) in [(1280, 2000), (390, 2000)] {
        let png = out_dir().join(format!("{stem}-{w}.png"));
        let _ = std::fs::remove_file(&png);
        browse(
            chromium,
            page,
            &[
                &format!("--screenshot={}", png.display()),
                &format!("--window-size={w},{h}"),
            ],
        );
        assert!(png.is_file(), "no screenshot {}", png.display());
        println!("screenshot: {}", png.display());
    }
    dom
}

/// The number in the summary box `data-count="key"`.
fn summary(dom: &str, key: &str) -> usize {
    let at = dom
        .find(&format!("data-count=\"{key}\""))
        .unwrap_or_else(|| panic!("no summary count {key}"));
    let rest = &dom[at..];
    let dd = rest.find("<dd>").unwrap() + 4;
    let end = rest[dd..].find("</dd>").unwrap();
    rest[dd..dd + end].trim().parse().unwrap()
}

/// What the JSON report of the same inputs says the page must show.
struct Expected {
    stories: usize,
    verdicts: std::collections::BTreeMap<String, usize>,
    claims: Vec<usize>,
    mt_suspects: usize,
    outlets: Vec<String>,
}

fn expected(json: &[u8]) -> Expected {
    let v: Value = serde_json::from_slice(json).unwrap();
    let mut verdicts = std::collections::BTreeMap::new();
    for g in v["stories"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["groups"].as_array().unwrap())
    {
        *verdicts
            .entry(g["verdict"].as_str().unwrap().to_string())
            .or_insert(0) += 1;
    }
    let docs = v["documents"].as_array().unwrap();
    Expected {
        stories: v["stories"].as_array().unwrap().len(),
        verdicts,
        claims: docs
            .iter()
            .map(|d| d["claims"].as_array().map_or(0, Vec::len))
            .collect(),
        mt_suspects: docs
            .iter()
            .flat_map(|d| d["sentences"].as_array().cloned().unwrap_or_default())
            .filter(|s| s["mt"]["flagged"] == Value::Bool(true))
            .count(),
        outlets: docs
            .iter()
            .map(|d| d["outlet"].as_str().unwrap_or_default().to_string())
            .collect(),
    }
}

/// Check the page against the JSON: counts, one row per group by verdict, both sides of every
/// conflict, every claim highlighted, every MT suspect marked, the filters shown by the script.
fn assert_report(dom: &str, e: &Expected) {
    assert_eq!(summary(dom, "stories"), e.stories);
    for v in ["conflicting", "timing", "corroborated", "single_source"] {
        let n = e.verdicts.get(v).copied().unwrap_or(0);
        assert_eq!(summary(dom, v), n, "summary count of {v}");
        assert_eq!(
            dom.matches(&format!("<article class=\"group v-{v}\""))
                .count(),
            n,
            "rows of {v}"
        );
    }
    let conflicts = e.verdicts.get("conflicting").copied().unwrap_or(0);
    let sides = dom
        .split("<article class=\"group v-conflicting\"")
        .skip(1)
        .map(|g| g.split("</article>").next().unwrap())
        .map(|g| g.matches("<div class=\"side\">").count())
        .collect::<Vec<_>>();
    assert_eq!(sides, vec![2; conflicts], "two sides per conflict");
    assert_eq!(summary(dom, "mt"), e.mt_suspects);
    assert_eq!(
        dom.matches("<span class=\"mt\" id=\"doc-").count(),
        e.mt_suspects
    );
    for (i, n) in e.claims.iter().enumerate() {
        for k in 0..*n {
            assert!(
                dom.contains(&format!(" id=\"doc-{i}-c{k}\"")),
                "claim {k} of document {i} is not highlighted"
            );
        }
    }
    let total: usize = e.claims.iter().sum();
    assert_eq!(
        dom.matches("<mark class=\"c c-").count() - dom.matches(" cont\" title=").count() - 4, // the legend
        total,
        "one highlight per claim"
    );
    for o in &e.outlets {
        assert!(
            dom.contains(&format!("<td class=\"outlet\">{o}</td>")),
            "outlet {o}"
        );
    }
    assert!(
        dom.contains("<form id=\"filters\">"),
        "the script shows the filters"
    );
}

#[test]
fn seeds_report_in_chromium() {
    let Some(chromium) = chromium() else {
        println!("skipped: chromium is not installed (apt-get install chromium fonts-noto-core)");
        return;
    };
    let corpus = common::corpus_dir();
    let corpus = corpus.to_str().unwrap();
    let html = tathya(&["check", "--format", "html", corpus]);
    assert!(
        html.status.success(),
        "{}",
        String::from_utf8_lossy(&html.stderr)
    );
    let page = out_dir().join("seeds.html");
    std::fs::write(&page, &html.stdout).unwrap();
    let json = tathya(&["check", "--format", "json", corpus]);
    let e = expected(&json.stdout);
    let dom = load(&chromium, &page);
    assert_report(&dom, &e);
    // The seeds' agency credits name their outlets.
    assert!(e.outlets.iter().any(|o| o == "IANS"), "{:?}", e.outlets);
    // The machine-translated seed's suspects carry their reasons.
    assert!(dom.contains("M008 mt-known-confusion"), "MT reasons");
    // Devanagari is in the page as text, not as escapes.
    assert!(dom.contains("प्योंगयांग"));

    // The claims page of two seeds opens its articles: every claim highlighted in place.
    let files = [
        format!("{corpus}/000_b1c8025b0e2ba5b4.txt"),
        format!("{corpus}/004_e88fc5b0d66a22c9.txt"),
    ];
    let html = tathya(&["claims", "--format", "html", &files[0], &files[1]]);
    assert!(html.status.success());
    let page = out_dir().join("seeds-claims.html");
    std::fs::write(&page, &html.stdout).unwrap();
    let json = tathya(&["claims", "--format", "json", &files[0], &files[1]]);
    let v: Value = serde_json::from_slice(&json.stdout).unwrap();
    let dom = load(&chromium, &page);
    assert_eq!(dom.matches("<details class=\"doc\" id=\"doc-").count(), 2);
    assert_eq!(
        dom.matches(" open=\"\"><summary>").count(),
        2,
        "articles open"
    );
    for (i, d) in v["documents"].as_array().unwrap().iter().enumerate() {
        for (k, c) in d["claims"].as_array().unwrap().iter().enumerate() {
            let tag = format!(
                "<mark class=\"c c-{}\" id=\"doc-{i}-c{k}\"",
                c["kind"].as_str().unwrap()
            );
            assert!(dom.contains(&tag), "{tag}");
        }
    }
    let flagged = v["documents"][1]["mt"]["flagged"].as_u64().unwrap() as usize;
    assert!(flagged > 0);
    assert_eq!(
        dom.matches("<span class=\"mt\" id=\"doc-1-s").count(),
        flagged
    );
}

#[test]
fn a_conflict_and_a_hostile_article_in_chromium() {
    let Some(chromium) = chromium() else {
        println!("skipped: chromium is not installed (apt-get install chromium fonts-noto-core)");
        return;
    };
    let dir = tempdir("hostile");
    let a = dir.join("a.txt");
    let b = dir.join("b.txt");
    std::fs::write(
        &a,
        "किम जोंग उन ने बुधवार को रूस के रक्षा मंत्री सर्गेई शोइगु से मुलाकात की।\n\n\
         <script>document.title='pwned'</script> <img src=x onerror=\"document.body.setAttribute('data-pwned','1')\"> \
         \"><b>bold</b> \u{202E}txet desrever\u{202C} सेना के 6,000 सैनिक तैनात हैं।\n",
    )
    .unwrap();
    std::fs::write(
        &b,
        "किम जोंग उन ने गुरुवार को रूस के रक्षा मंत्री सर्गेई शोइगु से मुलाकात की।\n",
    )
    .unwrap();
    let args = |f: &str| {
        vec![
            "check".to_string(),
            "--format".into(),
            f.into(),
            "--story".into(),
            "a.txt,b.txt".into(),
            a.display().to_string(),
            b.display().to_string(),
        ]
    };
    let run = |f: &str| {
        let a = args(f);
        tathya(&a.iter().map(String::as_str).collect::<Vec<_>>())
    };
    let html = run("html");
    let page = out_dir().join("hostile.html");
    std::fs::write(&page, &html.stdout).unwrap();
    let e = expected(&run("json").stdout);
    assert!(
        e.verdicts.get("conflicting").copied().unwrap_or(0) >= 1,
        "{:?}",
        e.verdicts
    );
    let dom = load(&chromium, &page);
    assert_report(&dom, &e);
    assert!(dom.contains("<mark class=\"diff\">बुधवार</mark>"));
    assert!(dom.contains("<mark class=\"diff\">गुरुवार</mark>"));
    // The hostile text is text: no element it names exists, its script did not run.
    assert!(!dom.contains("<img"), "an <img> element was created");
    assert!(dom.contains("<body>"), "the body gained attributes");
    assert!(!dom.contains("<b>bold</b>"));
    assert_eq!(
        dom.matches("<script").count(),
        1,
        "only the page's own script"
    );
    assert!(dom.contains("<title>tathya · check report</title>"));
    assert!(dom.contains("&lt;script&gt;document.title="));
    assert!(dom.contains("&lt;img src=x onerror="));
    assert!(
        !dom.contains('\u{202E}'),
        "a bidi override reached the page"
    );
    assert!(dom.contains("⟨U+202E⟩"));
}

#[test]
fn covid_date_report_in_chromium() {
    let Some(chromium) = chromium() else {
        println!("skipped: chromium is not installed (apt-get install chromium fonts-noto-core)");
        return;
    };
    let Some(shared) = common::shared_dir() else {
        println!("skipped: ../shared is absent");
        return;
    };
    let dir = shared.join("corpora/hi_covid_5outlets");
    let Ok(index) = std::fs::read_to_string(dir.join("index.jsonl")) else {
        println!("skipped: {} has no index.jsonl", dir.display());
        return;
    };
    // One date's five outlets as JSON Lines, with their outlet names.
    let date = "2020-04-10";
    let mut jsonl = String::new();
    for line in index.lines() {
        let rec: Value = serde_json::from_str(line).unwrap();
        if rec["date"] != date {
            continue;
        }
        let text = std::fs::read_to_string(dir.join(rec["text_file"].as_str().unwrap())).unwrap();
        let out = serde_json::json!({"id": rec["id"], "text": text, "outlet": rec["outlet"], "published": date});
        jsonl.push_str(&out.to_string());
        jsonl.push('\n');
    }
    let input = tempdir("covid").join(format!("covid-{date}.jsonl"));
    std::fs::write(&input, jsonl).unwrap();
    let input = input.to_str().unwrap();
    let html = tathya(&["check", "--input", "jsonl", "--format", "html", input]);
    assert!(
        html.status.code().is_some_and(|c| c < 2),
        "{}",
        String::from_utf8_lossy(&html.stderr)
    );
    let page = out_dir().join(format!("covid-{date}.html"));
    std::fs::write(&page, &html.stdout).unwrap();
    let e = expected(&tathya(&["check", "--input", "jsonl", "--format", "json", input]).stdout);
    assert_eq!(e.claims.len(), 5);
    let dom = load(&chromium, &page);
    assert_report(&dom, &e);
    for o in ["Amar Ujala", "Dainik Jagran"] {
        assert!(e.outlets.iter().any(|x| x == o), "{:?}", e.outlets);
    }
}
