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
fn sentence_of<'a>(docs: &'a [Document], doc: usize, sentence: usize) -> &'a str {
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
