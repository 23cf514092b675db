//! `tathya check` on the seeds, on constructed conflicts (a seed copied with a weekday, a figure or
//! a quoted word changed), and on the COVID five-outlet clusters (ignored by default: heavy).

mod common;

use tathya::check::{self, CheckOptions, CheckReport, GroupKind, Verdict};
use tathya::claim::ClaimKind;
use tathya::{Document, Grammars, Options};

fn seed_files() -> Vec<(String, String)> {
    let mut files: Vec<_> = std::fs::read_dir(common::corpus_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(p).unwrap(),
            )
        })
        .collect()
}

fn doc(id: &str, text: &str) -> Document {
    tathya::analyze(
        id,
        text.to_string(),
        None,
        &Options::default(),
        Grammars::builtin(),
    )
}

fn seeds() -> Vec<Document> {
    seed_files().iter().map(|(id, t)| doc(id, t)).collect()
}

fn run(docs: &[Document]) -> CheckReport {
    check::check(docs, &CheckOptions::default(), Grammars::builtin())
}

fn short(id: &str) -> &str {
    &id[..3.min(id.len())]
}

/// The sentence text of a member.
fn sentence_of(docs: &[Document], doc: usize, sentence: usize) -> &str {
    let d = &docs[doc];
    d.sentences
        .iter()
        .find(|s| s.index == sentence)
        .map(|s| &d.text[s.start..s.end])
        .unwrap_or("")
}

/// True when some group with `verdict` has, for every (doc prefix, words) pair, a member in that
/// document whose sentence contains the words.
fn has_group(r: &CheckReport, docs: &[Document], verdict: Verdict, want: &[(&str, &str)]) -> bool {
    r.stories.iter().flat_map(|s| &s.groups).any(|g| {
        g.verdict == verdict
            && want.iter().all(|(prefix, words)| {
                g.members.iter().any(|m| {
                    short(&docs[m.doc].id) == *prefix
                        && sentence_of(docs, m.doc, m.sentence).contains(words)
                })
            })
    })
}

#[test]
fn seeds_form_three_stories_by_date_and_facts() {
    let docs = seeds();
    let r = run(&docs);
    let stories: Vec<Vec<&str>> = r
        .stories
        .iter()
        .map(|s| s.documents.iter().map(|d| short(d)).collect())
        .collect();
    assert_eq!(
        stories,
        vec![vec!["000", "002"], vec!["001", "003"], vec!["004"]]
    );
}

#[test]
fn seeds_corroborate_what_both_outlets_report() {
    let docs = seeds();
    let r = run(&docs);
    let c = Verdict::Corroborated;
    let cases: &[(&str, &[(&str, &str)])] = &[
        (
            "Friday 29 Nov meeting",
            &[("000", "शुक्रवार को उन्होंने"), ("002", "बीते शुक्रवार")],
        ),
        (
            "Kim backs the war",
            &[("000", "समर्थन व्यक्त किया"), ("002", "अपना समर्थन जताया")],
        ),
        ("without delay", &[("000", "बिना देरी"), ("002", "बगैर देरी")]),
        (
            "Wednesday 26 Jul meeting",
            &[("001", "बुधवार"), ("003", "बुधवार (26 जुलाई)")],
        ),
        (
            "70th anniversary",
            &[("001", "70वीं वर्षगांठ"), ("003", "70वीं वर्षगांठ")],
        ),
        ("Putin's letter", &[("001", "पत्र"), ("003", "लेटर सौंपा")]),
        (
            "strongest army",
            &[("001", "दुनिया की सबसे मजबूत सेना"), ("003", "सबसे शक्तिशाली")],
        ),
        (
            "defence departments",
            &[("001", "रक्षा विभागों"), ("003", "रक्षा विभागों")],
        ),
    ];
    let missing: Vec<&str> = cases
        .iter()
        .filter(|(_, want)| !has_group(&r, &docs, c, want))
        .map(|(name, _)| *name)
        .collect();
    assert!(missing.is_empty(), "not corroborated: {missing:?}");
    // The Friday meeting is corroborated as a time, with its date.
    assert!(r.stories[0].groups.iter().any(|g| g.kind == GroupKind::Time
        && g.verdict == c
        && g.members.iter().any(|m| {
            m.value
                .as_deref()
                .is_some_and(|v| v.starts_with("2024-11-29"))
        })));
}

#[test]
fn seeds_single_source_and_no_conflicts() {
    let docs = seeds();
    let r = run(&docs);
    assert!(
        has_group(
            &r,
            &docs,
            Verdict::SingleSource,
            &[("000", "दो दिवसीय दौरे")]
        ),
        "the two-day visit rests on 000 alone"
    );
    let conflicts: Vec<&str> = r
        .stories
        .iter()
        .flat_map(|s| &s.groups)
        .filter(|g| g.verdict == Verdict::Conflicting)
        .map(|g| g.explanation.as_str())
        .collect();
    assert!(conflicts.is_empty(), "{conflicts:?}");
    assert!(
        r.findings
            .iter()
            .any(|f| f.code == "C010" && short(f.document.as_deref().unwrap_or("")) == "000")
    );
}

// ---------------------------------------------------------------- constructed conflicts

/// A copy of `text` with one change, and the byte range of the change in the copy.
struct Mutation {
    what: &'static str,
    text: String,
    at: (usize, usize),
}

fn body_sentences(d: &Document) -> Vec<(usize, usize)> {
    d.sentences
        .iter()
        .filter(|s| !s.chrome)
        .map(|s| (s.start, s.end))
        .collect()
}

fn in_body(d: &Document, at: usize) -> bool {
    body_sentences(d).iter().any(|&(s, e)| s <= at && at < e)
}

fn replace(text: &str, s: usize, e: usize, with: &str) -> (String, (usize, usize)) {
    let mut t = String::with_capacity(text.len() + with.len());
    t.push_str(&text[..s]);
    t.push_str(with);
    t.push_str(&text[e..]);
    (t, (s, s + with.len()))
}

const WEEKDAYS: [&str; 7] = [
    "सोमवार",
    "मंगलवार",
    "बुधवार",
    "गुरुवार",
    "शुक्रवार",
    "शनिवार",
    "रविवार",
];

/// The first weekday in a body sentence, changed to the next weekday.
fn change_weekday(d: &Document) -> Option<Mutation> {
    let (at, k) = WEEKDAYS
        .iter()
        .enumerate()
        .flat_map(|(k, w)| d.text.match_indices(w).map(move |(i, _)| (i, k)))
        .filter(|&(i, _)| in_body(d, i))
        .min()?;
    let (text, span) = replace(&d.text, at, at + WEEKDAYS[k].len(), WEEKDAYS[(k + 1) % 7]);
    Some(Mutation {
        what: "weekday",
        text,
        at: span,
    })
}

/// The first figure in a body sentence written with digits, its first digit run changed.
fn change_figure(d: &Document) -> Option<Mutation> {
    let c = d.claims.iter().find(|c| {
        matches!(c.detail, ClaimKind::Figure(_))
            && c.text.bytes().any(|b| b.is_ascii_digit())
            && in_body(d, c.start)
    })?;
    let rel = c.text.find(|ch: char| ch.is_ascii_digit())?;
    let s = c.start + rel;
    let e = s + d.text[s..]
        .find(|ch: char| !ch.is_ascii_digit())
        .unwrap_or(d.text.len() - s);
    let n: u64 = d.text[s..e].parse().ok()?;
    let (text, span) = replace(&d.text, s, e, &(n + 3).to_string());
    Some(Mutation {
        what: "figure",
        text,
        at: span,
    })
}

/// The first word inside quote marks in a body sentence, replaced.
fn change_quoted_word(d: &Document) -> Option<Mutation> {
    for (qs, qe) in tathya::check::norm::quote_regions(&d.text) {
        if !in_body(d, qs) {
            continue;
        }
        let words = tathya::check::norm::raw_words(&d.text[qs..qe]);
        if let Some(&(a, b)) = words
            .iter()
            .find(|&&(a, b)| d.text[qs + a..qs + b].chars().count() >= 3)
        {
            let (text, span) = replace(&d.text, qs + a, qs + b, "कमजोर");
            return Some(Mutation {
                what: "quoted word",
                text,
                at: span,
            });
        }
    }
    None
}

fn conflicts_at(r: &CheckReport, id: &str, at: (usize, usize), mutated: &Document) -> bool {
    let sentence = mutated
        .sentences
        .iter()
        .find(|s| s.start <= at.0 && at.0 < s.end)
        .map(|s| (s.start, s.end))
        .unwrap_or(at);
    let hits =
        |doc: Option<&str>, s: usize, e: usize| doc == Some(id) && s < sentence.1 && sentence.0 < e;
    r.findings.iter().any(|f| {
        f.code.starts_with("C00")
            && (hits(f.document.as_deref(), f.start, f.end)
                || f.related
                    .iter()
                    .any(|x| hits(x.document.as_deref(), x.start, x.end)))
    })
}

#[test]
fn every_constructed_conflict_is_flagged() {
    let mut tried = 0;
    let mut missed = Vec::new();
    for (id, text) in seed_files() {
        let orig = doc(&id, &text);
        for m in [
            change_weekday(&orig),
            change_figure(&orig),
            change_quoted_word(&orig),
        ]
        .into_iter()
        .flatten()
        {
            tried += 1;
            let mid = format!("mutated-{id}");
            let mutated = doc(&mid, &m.text);
            let docs = vec![orig.clone(), mutated.clone()];
            let r = run(&docs);
            if !conflicts_at(&r, &mid, m.at, &mutated) {
                missed.push(format!("{id}: {} “{}”", m.what, &m.text[m.at.0..m.at.1]));
            }
        }
    }
    assert!(tried >= 10, "only {tried} mutations could be made");
    assert!(
        missed.is_empty(),
        "{} of {tried} constructed conflicts missed: {missed:#?}",
        missed.len()
    );
}

#[test]
fn unchanged_copies_are_not_flagged() {
    for (id, text) in seed_files() {
        let docs = vec![doc(&id, &text), doc(&format!("copy-{id}"), &text)];
        let r = run(&docs);
        assert_eq!(r.stories.len(), 1, "{id}: a copy is the same story");
        let conflicts: Vec<&str> = r
            .findings
            .iter()
            .filter(|f| f.code.starts_with("C00"))
            .map(|f| f.message.as_str())
            .collect();
        assert!(conflicts.is_empty(), "{id}: {conflicts:?}");
        // A copy is the same origin: nothing it says is corroborated by itself.
        assert!(
            r.stories[0]
                .groups
                .iter()
                .all(|g| g.verdict != Verdict::Corroborated),
            "{id}"
        );
    }
}

#[test]
fn a_mutated_copy_among_the_seeds_conflicts_only_within_its_story() {
    let mut docs = seeds();
    let orig = docs[0].clone();
    let m = change_weekday(&orig).expect("000 has a weekday");
    let mutated = doc("mutated-000.txt", &m.text);
    docs.push(mutated.clone());
    let r = run(&docs);
    assert!(conflicts_at(&r, "mutated-000.txt", m.at, &mutated));
    for s in &r.stories {
        for g in s
            .groups
            .iter()
            .filter(|g| g.verdict == Verdict::Conflicting)
        {
            assert!(g.members.iter().all(|m| s.documents.contains(&m.document)));
            assert!(
                s.documents.iter().any(|d| d == "mutated-000.txt"),
                "conflict outside the mutated story"
            );
        }
    }
}

// ---------------------------------------------------------------- user-fixed stories

#[test]
fn user_stories_override_clustering() {
    let docs = seeds();
    let opts = CheckOptions {
        stories: vec![vec![docs[0].id.clone(), docs[4].id.clone()]],
        ..CheckOptions::default()
    };
    let r = check::check(&docs, &opts, Grammars::builtin());
    let s = r
        .stories
        .iter()
        .find(|s| s.documents.contains(&docs[0].id))
        .unwrap();
    assert!(s.fixed);
    assert_eq!(s.documents, vec![docs[0].id.clone(), docs[4].id.clone()]);
    // 002 is no longer with 000.
    assert!(
        r.stories
            .iter()
            .any(|s| s.documents == vec![docs[2].id.clone()])
    );
}

// ---------------------------------------------------------------- COVID five-outlet clusters

/// The COVID corpus: five outlets' daily digests per date; each date (`cluster`) is one story.
/// Prints the figure verdict counts and every figure conflict for checking by hand.
/// Run: `cargo test --release --test check covid -- --ignored --nocapture`.
#[test]
#[ignore]
fn covid_five_outlet_clusters() {
    // `../shared` beside the checkout, or TATHYA_SHARED for a checkout elsewhere.
    let shared = common::shared_dir().or_else(|| std::env::var_os("TATHYA_SHARED").map(Into::into));
    let Some(shared) = shared else {
        eprintln!("skipped: ../shared is absent (set TATHYA_SHARED to its path)");
        return;
    };
    let dir = shared.join("corpora/hi_covid_5outlets");
    let Ok(index) = std::fs::read_to_string(dir.join("index.jsonl")) else {
        eprintln!("skipped: {} has no index.jsonl", dir.display());
        return;
    };
    let mut docs = Vec::new();
    let mut clusters: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for line in index.lines() {
        let rec: serde_json::Value = serde_json::from_str(line).unwrap();
        let id = rec["id"].as_str().unwrap().to_string();
        let text = std::fs::read_to_string(dir.join(rec["text_file"].as_str().unwrap())).unwrap();
        let date =
            chrono::NaiveDate::parse_from_str(rec["date"].as_str().unwrap(), "%Y-%m-%d").ok();
        clusters
            .entry(rec["cluster"].as_str().unwrap().to_string())
            .or_default()
            .push(id.clone());
        docs.push((id, text, date));
    }
    let docs: Vec<Document> = {
        use rayon::prelude::*;
        docs.into_par_iter()
            .map(|(id, text, date)| {
                tathya::analyze(id, text, date, &Options::default(), Grammars::builtin())
            })
            .collect()
    };
    let opts = CheckOptions {
        stories: clusters.into_values().collect(),
        ..CheckOptions::default()
    };
    let t = std::time::Instant::now();
    let r = check::check(&docs, &opts, Grammars::builtin());
    let elapsed = t.elapsed();
    let mut counts: std::collections::BTreeMap<(&str, &str), usize> = Default::default();
    for g in r.stories.iter().flat_map(|s| &s.groups) {
        *counts
            .entry((g.kind.as_str(), g.verdict.as_str()))
            .or_default() += 1;
    }
    println!(
        "{} documents, {} stories, check in {elapsed:?}",
        docs.len(),
        r.stories.len()
    );
    for ((k, v), n) in &counts {
        println!("{k:10} {v:14} {n}");
    }
    for g in r
        .stories
        .iter()
        .flat_map(|s| &s.groups)
        .filter(|g| g.verdict == Verdict::Conflicting && g.kind == GroupKind::Figure)
    {
        println!("\n{} {}", g.id, g.explanation);
        if let Some([a, b]) = g.conflict {
            for m in [&g.members[a], &g.members[b]] {
                println!(
                    "  {}: {}",
                    m.document,
                    sentence_of(&docs, m.doc, m.sentence)
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                );
            }
        }
    }
    assert_eq!(r.stories.len(), 76);
    assert!(
        counts
            .get(&("figure", "corroborated"))
            .copied()
            .unwrap_or(0)
            > 0
    );
}

// ---------------------------------------------------------------- snapshots of what users read

#[test]
fn snapshot_seed_reports() {
    let docs = seeds();
    let r = run(&docs);
    let style = tathya::report::Style { color: false };
    let text = tathya::report::check_text::report(&r, &docs, &style);
    let markdown = tathya::report::check_markdown::report(&r, &docs);
    let mut json: serde_json::Value =
        serde_json::from_str(&tathya::report::check_json::report(&r, &docs)).unwrap();
    // The documents' claims are snapshotted with the corpus; here only what check adds.
    let n = json["documents"].as_array().map_or(0, |d| d.len());
    json["documents"] = serde_json::json!(format!("{n} documents"));
    common::settings().bind(|| {
        insta::assert_snapshot!("check_seeds_text", text);
        insta::assert_snapshot!("check_seeds_markdown", markdown);
        insta::assert_snapshot!(
            "check_seeds_json",
            serde_json::to_string_pretty(&json).unwrap()
        );
    });
    // JSON Lines: one object per line, every line tagged.
    let lines = tathya::report::check_json::lines(&r, &docs);
    for l in lines.lines() {
        let v: serde_json::Value = serde_json::from_str(l).unwrap();
        assert!(["document", "story", "finding"].contains(&v["type"].as_str().unwrap()));
    }
    // Deterministic: the same input gives the same bytes.
    assert_eq!(
        text,
        tathya::report::check_text::report(&run(&docs), &docs, &style)
    );
}

// ---------------------------------------------------------------- the binary

fn tathya(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_tathya"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

#[test]
fn cli_check_exit_codes_and_formats() {
    let out = tathya(&["check", "tests/corpus"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("Story S1"));
    // Single-source key claims are warnings: --fail-on warning fails the run.
    let out = tathya(&["check", "--fail-on", "warning", "tests/corpus"]);
    assert_eq!(out.status.code(), Some(1));
    let out = tathya(&["check", "--format", "json", "tests/corpus"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["stories"].as_array().unwrap().len(), 3);
    assert!(
        v["stories"][0]["groups"][0]["members"][0]["claim"].is_number()
            || v["stories"][0]["groups"][0]["members"][0]["claim"].is_null()
    );
    let out = tathya(&["check", "--format", "markdown", "tests/corpus"]);
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("# tathya check"));
    // A missing file is an error (exit 2), the rest is still checked.
    let out = tathya(&["check", "tests/corpus", "no/such/file.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Story S1"));
    // --story fixes the grouping.
    let out = tathya(&[
        "check",
        "--format",
        "json",
        "--story",
        "000_b1c8025b0e2ba5b4.txt,004_e88fc5b0d66a22c9.txt",
        "tests/corpus",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let first = &v["stories"][0];
    assert_eq!(first["fixed"], serde_json::json!(true));
    assert_eq!(first["documents"].as_array().unwrap().len(), 2);
    // explain knows the check codes.
    let out = tathya(&["explain", "C001"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("conflicting-figure"));
}

#[test]
fn cli_check_reads_a_stories_manifest() {
    let dir = std::env::temp_dir().join(format!("tathya-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let manifest = dir.join("stories.toml");
    std::fs::write(
        &manifest,
        "[[story]]\ndocuments = [\"001_93327e7be077d1f2.txt\", \"002_5fa5028a7c2c55c0.txt\"]\n",
    )
    .unwrap();
    let out = tathya(&[
        "check",
        "--format",
        "jsonl",
        "--stories",
        manifest.to_str().unwrap(),
        "tests/corpus",
    ]);
    // Forced together, the 2023 and 2024 meetings conflict on the date: exit 1.
    assert_eq!(out.status.code(), Some(1));
    let stories: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter(|v| v["type"] == "story")
        .collect();
    let fixed: Vec<&serde_json::Value> = stories.iter().filter(|s| s["fixed"] == true).collect();
    assert_eq!(fixed.len(), 1);
    assert_eq!(fixed[0]["documents"].as_array().unwrap().len(), 2);
    // A manifest that does not parse is an error.
    std::fs::write(&manifest, "[[story]]\ndocuments = 3\n").unwrap();
    let out = tathya(&[
        "check",
        "--stories",
        manifest.to_str().unwrap(),
        "tests/corpus",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn failed_and_empty_documents_take_no_part() {
    let docs = vec![
        Document::failed("broken.txt", "not UTF-8"),
        doc("empty.txt", ""),
        doc("tiny.txt", "।।। “ ” 5"),
        seeds().remove(0),
    ];
    let r = run(&docs);
    assert!(
        r.stories
            .iter()
            .all(|s| !s.documents.contains(&"broken.txt".to_string()))
    );
    assert!(r.findings.iter().all(|f| f.code != "C001"));
}

/// Every weekday, every figure with digits, every number word and every quoted word of the
/// seeds' bodies, changed one at a time: how many are flagged (a sweep, slower than CI wants).
/// Run: `cargo test --release --test check mutation_sweep -- --ignored --nocapture`.
#[test]
#[ignore]
fn mutation_sweep() {
    const NUMBER_WORDS: [(&str, &str); 4] = [
        ("दो", "तीन"),
        ("तीन", "चार"),
        ("पांच", "सात"),
        ("हजारों", "सैकड़ों"),
    ];
    let mut total = 0;
    let mut flagged = 0;
    let mut missed = Vec::new();
    for (id, text) in seed_files() {
        let orig = doc(&id, &text);
        let mut muts: Vec<(String, usize, usize, String)> = Vec::new();
        for (k, w) in WEEKDAYS.iter().enumerate() {
            for (i, _) in text.match_indices(w) {
                muts.push((
                    "weekday".into(),
                    i,
                    i + w.len(),
                    WEEKDAYS[(k + 2) % 7].into(),
                ));
            }
        }
        for c in orig
            .claims
            .iter()
            .filter(|c| matches!(c.detail, ClaimKind::Figure(_)))
        {
            if let Some(rel) = c.text.find(|ch: char| ch.is_ascii_digit()) {
                let s = c.start + rel;
                let e = s + text[s..].find(|ch: char| !ch.is_ascii_digit()).unwrap_or(0);
                if let Ok(n) = text[s..e].parse::<u64>() {
                    muts.push(("figure".into(), s, e, (n * 2 + 1).to_string()));
                }
            }
        }
        for (w, to) in NUMBER_WORDS {
            for (i, _) in text.match_indices(&format!(" {w} ")) {
                muts.push(("number word".into(), i + 1, i + 1 + w.len(), to.into()));
            }
        }
        for (qs, qe) in tathya::check::norm::quote_regions(&text) {
            if let Some(&(a, b)) = tathya::check::norm::raw_words(&text[qs..qe])
                .iter()
                .rev()
                .find(|&&(a, b)| text[qs + a..qs + b].chars().count() >= 3)
            {
                muts.push(("quoted word".into(), qs + a, qs + b, "कमजोर".into()));
            }
        }
        for (what, s, e, with) in muts {
            if !in_body(&orig, s) {
                continue;
            }
            total += 1;
            let (t, span) = replace(&text, s, e, &with);
            let mid = format!("m-{id}");
            let m = doc(&mid, &t);
            let r = run(&[orig.clone(), m.clone()]);
            if conflicts_at(&r, &mid, span, &m) {
                flagged += 1;
            } else {
                missed.push(format!("{id} {what}: {} → {with}", &text[s..e]));
            }
        }
    }
    println!("flagged {flagged} of {total}");
    for m in &missed {
        println!("  missed {m}");
    }
}
