//! `tathya mt` as a user runs it: the seed articles, JSON reasons, bilingual mode, exit codes.

mod common;

use std::process::Command;

use serde_json::Value;

fn tathya() -> Command {
    Command::new(env!("CARGO_BIN_EXE_tathya"))
}

fn seed(prefix: &str) -> std::path::PathBuf {
    let dir = common::corpus_dir();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("corpus dir")
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
        })
        .collect();
    files.sort();
    files.remove(0)
}

fn json(args: &[&str]) -> (Value, i32) {
    let out = tathya().args(args).output().expect("run tathya");
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON output");
    (v, out.status.code().unwrap_or(-1))
}

/// The codes of the flagged sentence that contains `needle`.
fn codes_of(doc: &Value, needle: &str) -> Vec<String> {
    let s = doc["sentences"]
        .as_array()
        .expect("sentences")
        .iter()
        .find(|s| s["text"].as_str().is_some_and(|t| t.contains(needle)))
        .unwrap_or_else(|| panic!("no flagged sentence contains {needle}"));
    assert_eq!(s["flagged"], true);
    s["codes"]
        .as_array()
        .expect("codes")
        .iter()
        .map(|c| c.as_str().unwrap_or("").to_string())
        .collect()
}

#[test]
fn seed_004_garbled_sentences_are_flagged_with_their_reasons() {
    let path = seed("004_");
    let (v, code) = json(&["mt", "--format", "json", path.to_str().unwrap()]);
    assert_eq!(code, 1, "flagged sentences exit 1");
    let doc = &v["documents"][0];
    for (needle, want) in [
        ("प्रेस कॉस कॉस कॉस", "M001"),
        ("सुंदरय", "M005"),
        ("6,000 मिलियन कार्यों", "M003"),
        ("सैन्य उपचार", "M008"),
        ("बार्टरिंग", "M004"),
        ("घड़ी के आसपास", "M008"),
        ("तुसा को भँवर पर", "M008"),
        ("चोए बेटा हुई", "M007"),
    ] {
        let codes = codes_of(doc, needle);
        assert!(codes.iter().any(|c| c == want), "{needle}: {codes:?}");
    }
    // Each reason points at its evidence.
    let reasons: Vec<&Value> = doc["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["reasons"].as_array().unwrap().iter())
        .collect();
    assert!(
        reasons
            .iter()
            .any(|r| r["code"] == "M008" && r["text"] == "काउंटियों")
    );
    assert!(
        reasons
            .iter()
            .any(|r| r["code"] == "M001" && r["text"] == "कॉस कॉस कॉस")
    );
    assert_eq!(doc["mt"]["disclosed_automatic"], true);
    assert_eq!(doc["mt"]["translation_tags"], true);
    // Chrome (the tag line, "Source link") is never listed.
    assert!(doc["sentences"].as_array().unwrap().iter().all(|s| {
        !s["text"]
            .as_str()
            .unwrap_or("")
            .starts_with("(टैगस्टोट्रांसलेट)")
    }));
}

#[test]
fn human_seeds_have_at_most_one_flagged_sentence() {
    for p in ["000_", "001_", "002_", "003_"] {
        let path = seed(p);
        let (v, _) = json(&["mt", "--format", "json", path.to_str().unwrap()]);
        let n = v["documents"][0]["mt"]["flagged"].as_u64().unwrap();
        assert!(n <= 1, "{p}: {n} flagged sentences");
    }
}

#[test]
fn claims_json_carries_sentence_mt() {
    let path = seed("004_");
    let (v, _) = json(&["claims", "--format", "json", path.to_str().unwrap()]);
    let sentences = v["documents"][0]["sentences"].as_array().unwrap();
    assert!(sentences.iter().any(|s| s["mt"]["flagged"] == true));
    assert!(
        sentences
            .iter()
            .filter(|s| s["chrome"] == true)
            .all(|s| s.get("mt").is_none())
    );
}

#[test]
fn bilingual_mode_checks_figures_and_names() {
    let dir = std::env::temp_dir().join(format!("tathya-mt-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let hi = dir.join("hi.txt");
    let en = dir.join("en.txt");
    std::fs::write(
        &hi,
        "सेना ने 6,000 सैनिक भेजे।\nचोए बेटा हुई ने पुतिन से मुलाकात की।\nएजेंसी ने सुबह बताया।\n",
    )
    .unwrap();
    std::fs::write(
        &en,
        "The army sent 6,000 troops.\nChoe Son Hui met Putin.\nThe agency said on Sunday that it had 7,000 reports.\n",
    )
    .unwrap();
    let (v, _) = json(&[
        "mt",
        "--format",
        "json",
        "--original",
        en.to_str().unwrap(),
        hi.to_str().unwrap(),
    ]);
    let doc = &v["documents"][0];
    assert!(codes_of(doc, "चोए बेटा हुई").iter().any(|c| c == "M102"));
    let last = codes_of(doc, "एजेंसी ने");
    assert!(last.iter().any(|c| c == "M104"), "{last:?}");
    assert!(last.iter().any(|c| c == "M101"), "{last:?}");
    assert!(
        doc["sentences"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| !s["text"].as_str().unwrap_or("").starts_with("सेना ने")),
        "a faithful sentence is not flagged"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn text_listing_and_bad_threshold() {
    let path = seed("004_");
    let out = tathya()
        .args(["mt", "--color", "never", path.to_str().unwrap()])
        .output()
        .unwrap();
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(s.contains("M001 mt-stutter"));
    assert!(s.contains("discloses an automatic feed"));
    let bad = tathya()
        .args(["mt", "--threshold", "2", path.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
}
