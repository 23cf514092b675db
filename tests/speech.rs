//! Speech and entities over the seed corpus: the quotes, speakers and chains the acceptance names,
//! and one canonical entity per person or agency across all articles.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;
use tathya::{Document, Grammars, Options};

fn corpus() -> Vec<Document> {
    let mut paths: Vec<_> = std::fs::read_dir(common::corpus_dir())
        .expect("tests/corpus")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).expect("utf-8 seed");
            tathya::analyze(
                p.file_name().unwrap().to_string_lossy(),
                text,
                None,
                &Options::default(),
                Grammars::builtin(),
            )
        })
        .collect()
}

fn claims(doc: &Document, kind: &str) -> Vec<Value> {
    doc.claims
        .iter()
        .map(|c| serde_json::to_value(c).unwrap())
        .filter(|v| v["kind"] == kind)
        .collect()
}

fn content<'a>(doc: &'a Document, q: &Value) -> &'a str {
    let (s, e) = (
        q["content"]["start"].as_u64().unwrap() as usize,
        q["content"]["end"].as_u64().unwrap() as usize,
    );
    &doc.text[s..e]
}

fn doc<'a>(docs: &'a [Document], prefix: &str) -> &'a Document {
    docs.iter()
        .find(|d| d.id.starts_with(prefix))
        .expect("seed")
}

#[test]
fn seed_entities_are_one_canonical_entity_each() {
    let docs = corpus();
    // entity name → spellings across the corpus
    let mut by: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for d in &docs {
        for e in &d.entities {
            for m in &e.mentions {
                by.entry(e.entity.clone())
                    .or_default()
                    .insert(m.text.clone());
            }
        }
    }
    let expect: &[(&str, &[&str])] = &[
        ("Kim Jong Un", &["किम जोंग उन", "किम जोंग-उन", "किम जोंग"]),
        ("Sergei Shoigu", &["शोइगु", "शोइगू"]),
        ("Li Hongzhong", &["ली होंगज़ोंग", "ली होंगजोंगस"]),
        (
            "Korean Central News Agency",
            &["केसीएनए", "कोरियन सेंट्रल न्यूज एजेंसी", "KCNA"],
        ),
        ("Choe Son Hui", &["चोए सोन हुई"]),
    ];
    for (name, spellings) in expect {
        let got = by
            .get(*name)
            .unwrap_or_else(|| panic!("no entity {name}: {by:#?}"));
        for s in *spellings {
            assert!(
                got.iter().any(|g| g.contains(s)),
                "{name} lacks the spelling {s}: {got:?}"
            );
        }
        // No other entity carries one of these spellings.
        for (other, sp) in &by {
            if other != name {
                for s in *spellings {
                    assert!(!sp.contains(*s), "{s} is also under {other}");
                }
            }
        }
    }
}

#[test]
fn seed_004_budanov_and_pronoun() {
    let docs = corpus();
    let d = doc(&docs, "004");
    let qs = claims(d, "quote");
    let a = qs
        .iter()
        .find(|q| content(d, q).starts_with("यह अच्छे हथियार हैं"))
        .expect("quote");
    assert_eq!(a["quote"], "direct");
    assert_eq!(a["speaker"]["text"], "क्यूरीलो बुडन");
    let b = qs
        .iter()
        .find(|q| content(d, q).starts_with("उत्तर कोरिया में बहुत बड़ा"))
        .expect("quote");
    assert_eq!(b["quote"], "direct");
    assert_eq!(b["speaker_resolved"], true);
    assert_eq!(b["speaker"]["entity"], a["speaker"]["entity"]);
    let f = qs
        .iter()
        .find(|q| content(d, q) == "स्पष्ट समर्थन")
        .expect("fragment");
    assert_eq!(f["quote"], "fragment");
    assert_eq!(f["speaker"]["entity"], "Sergei Lavrov");
}

#[test]
fn seed_001_shoigu_ministry_scare_and_experts() {
    let docs = corpus();
    let d = doc(&docs, "001");
    let qs = claims(d, "quote");
    let s = qs
        .iter()
        .find(|q| content(d, q).starts_with("दुनिया की सबसे मजबूत सेना"))
        .expect("quote");
    assert_eq!(s["quote"], "direct");
    assert_eq!(s["speaker"]["entity"], "Sergei Shoigu");
    assert_eq!(s["source"][0]["entity"], "Korean Central News Agency");
    let m = qs
        .iter()
        .find(|q| content(d, q).starts_with("बुधवार को शोइगु ने"))
        .expect("unmarked");
    assert_eq!(m["quote"], "unmarked");
    assert_eq!(m["speaker"]["entity"], "Russian Ministry of Defence");
    let sc = qs
        .iter()
        .find(|q| content(d, q) == "सैन्य सहयोग")
        .expect("scare");
    assert_eq!(sc["quote"], "scare");
    let ex = qs
        .iter()
        .find(|q| q["speaker"]["text"] == "कुछ विशेषज्ञों")
        .expect("experts");
    assert_eq!(ex["quote"], "indirect");
}

#[test]
fn seed_000_and_003_chains() {
    let docs = corpus();
    let d = doc(&docs, "000");
    let at = claims(d, "attribution");
    assert!(
        at.iter().any(|a| a["source"]["entity"] == "Yonhap"
            && a["via"][0]["entity"] == "Korean Central News Agency"),
        "{at:#?}"
    );
    let d = doc(&docs, "003");
    let qs = claims(d, "quote");
    let r = qs
        .iter()
        .find(|q| q["speaker"]["text"] == "रिपोर्ट")
        .expect("report");
    assert_eq!(r["quote"], "indirect");
    let at = claims(d, "attribution");
    assert!(at.iter().any(|a| a["source"]["entity"] == "Yonhap"
        && a["via"][0]["entity"] == "Korean Central Broadcasting Station"));
}

/// Runs the speech pass over the shared corpora (NTREX Hindi and English, BBC Hindi) and prints
/// counts by kind and the share of quotes with a speaker; no input may panic.
/// `cargo test --test speech -- --ignored --nocapture`
#[test]
#[ignore]
fn shared_corpora_smoke() {
    let Some(shared) = common::shared_dir() else {
        eprintln!("skipped: ../shared is absent");
        return;
    };
    let files = [
        "corpora/en_hi_ntrex_news/ntrex_docs.jsonl",
        "corpora/hi_bbc_hindi_news/bbc_hindi_test.jsonl",
    ];
    for f in files {
        let Ok(text) = std::fs::read_to_string(shared.join(f)) else {
            eprintln!("skipped: {f} is absent");
            continue;
        };
        let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
        let (mut quotes, mut with_speaker) = (0, 0);
        for line in text.lines() {
            let Ok(rec) = serde_json::from_str::<Value>(line) else {
                continue;
            };
            let body = rec["text"].as_str().unwrap_or("").to_string();
            let lang = rec["lang"].as_str().and_then(|l| l.parse().ok());
            let d = common::analyze(&body, lang, None);
            for c in &d.claims {
                let v = serde_json::to_value(c).unwrap();
                if v["kind"] == "quote" {
                    quotes += 1;
                    with_speaker += usize::from(!v["speaker"].is_null());
                    *kinds
                        .entry(v["quote"].as_str().unwrap_or("").to_string())
                        .or_default() += 1;
                } else if v["kind"] == "attribution" {
                    *kinds.entry("attribution".into()).or_default() += 1;
                }
            }
        }
        eprintln!("{f}: {kinds:?}; quotes with a speaker: {with_speaker}/{quotes}");
        assert!(quotes > 0);
    }
}

#[test]
fn entities_command_lists_canonical_entities_in_text_and_json() {
    let bin = env!("CARGO_BIN_EXE_tathya");
    let corpus = common::corpus_dir();
    let out = std::process::Command::new(bin)
        .arg("entities")
        .arg(&corpus)
        .output()
        .expect("run tathya");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Kim Jong Un (person):"), "{text}");
    assert!(text.contains("किम जोंग-उन"));
    let out = std::process::Command::new(bin)
        .args(["entities", "--format", "json"])
        .arg(corpus.join("001_93327e7be077d1f2.txt"))
        .output()
        .expect("run tathya");
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let ents = v["entities"].as_array().unwrap();
    let kcna = ents
        .iter()
        .find(|e| e["entity"] == "Korean Central News Agency")
        .expect("KCNA");
    assert_eq!(kcna["kind"], "organisation");
    assert!(kcna["mentions"].as_array().unwrap().len() >= 3);
    let names: Vec<&str> = ents.iter().filter_map(|e| e["entity"].as_str()).collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted, "entities are sorted");
}
