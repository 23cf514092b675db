//! Shared test helpers: insta settings, corpus paths, and the matcher that grammar examples use.
#![allow(dead_code)]

use serde_json::{Value, json};
use tathya::{Document, Grammars, Lang, Options};

/// Insta settings for every snapshot: all snapshots live in the top-level `snapshots/`.
pub fn settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path("../snapshots");
    s.set_omit_expression(true);
    s.set_prepend_module_to_snapshot(false);
    s
}

/// The folder of the bundled corpus.
pub fn corpus_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

/// `../shared` beside the checkout, when present (larger evaluations use it and skip otherwise).
pub fn shared_dir() -> Option<std::path::PathBuf> {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    p.is_dir().then_some(p)
}

/// Analyse `text` with the built-in grammars.
pub fn analyze(text: &str, lang: Option<Lang>, published: Option<&str>) -> Document {
    let published = published.map(|p| {
        chrono::NaiveDate::parse_from_str(p, "%Y-%m-%d").expect("published is YYYY-MM-DD")
    });
    tathya::analyze(
        "example",
        text.to_string(),
        published,
        &Options {
            lang,
            skip_mt: false,
        },
        Grammars::builtin(),
    )
}

/// Everything a grammar example may expect, as JSON objects with a `kind`:
/// claims, chrome lines, findings, entities, sentences and one `meta` object.
pub fn items(doc: &Document) -> Vec<Value> {
    let mut out = Vec::new();
    for c in &doc.claims {
        out.push(serde_json::to_value(c).unwrap());
    }
    for c in &doc.chrome {
        out.push(json!({"kind": "chrome", "rule": c.rule, "start": c.start, "end": c.end, "text": &doc.text[c.start..c.end]}));
    }
    for f in &doc.findings {
        let mut v = serde_json::to_value(f).unwrap();
        v["finding"] = v["code"].clone();
        v["kind"] = json!("finding");
        v["text"] = json!(&doc.text[f.start..f.end]);
        out.push(v);
    }
    for e in &doc.entities {
        let mut v = serde_json::to_value(e).unwrap();
        v["entity_kind"] = v["kind"].clone();
        v["kind"] = json!("entity");
        out.push(v);
    }
    for s in &doc.sentences {
        let mut v = serde_json::to_value(s).unwrap();
        v["kind"] = json!("sentence");
        v["text"] = json!(&doc.text[s.start..s.end]);
        if let Some(mt) = doc.sentence_mt(s) {
            v["mt"] = serde_json::to_value(mt).unwrap();
        }
        out.push(v);
    }
    let mut meta = json!({"kind": "meta", "lang": doc.lang, "published": doc.published.map(|d| d.to_string())});
    meta["dateline"] = serde_json::to_value(&doc.dateline).unwrap();
    if let Some(mt) = &doc.mt {
        meta["mt"] = serde_json::to_value(mt).unwrap();
    }
    out.push(meta);
    out
}

/// True when every key of `expected` matches in `actual`: numbers within 1e-9 relative, strings
/// equal, objects recursively, arrays as "every expected element matches some actual element".
pub fn subset(expected: &Value, actual: &Value) -> bool {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => e
            .iter()
            .all(|(k, v)| a.get(k).is_some_and(|av| subset(v, av))),
        (Value::Array(e), Value::Array(a)) => e.iter().all(|ev| a.iter().any(|av| subset(ev, av))),
        (Value::Number(e), Value::Number(a)) => {
            let (e, a) = (e.as_f64().unwrap(), a.as_f64().unwrap());
            (e - a).abs() <= 1e-9 * e.abs().max(a.abs()).max(1.0)
        }
        _ => expected == actual,
    }
}

/// One FIRE 2018 article analysed (Hindi, no MT) with the byte spans of its `tag` annotations.
pub struct FireDoc {
    /// The analysed article.
    pub doc: Document,
    /// `[start, end)` byte spans of the annotations with the asked tag (the corpus gives characters).
    pub spans: Vec<(usize, usize)>,
}

/// The FIRE 2018 disaster corpus from `../shared`, analysed, with the spans of annotation `tag`;
/// `None` (after saying why) when the corpus is not there.
pub fn fire_corpus(tag: &str) -> Option<Vec<FireDoc>> {
    let Some(shared) = shared_dir() else {
        eprintln!("skipped: ../shared is not present");
        return None;
    };
    let path = shared.join("corpora/hi_fire2018_disaster_events/fire2018_events.jsonl");
    let Ok(data) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: {} is not readable", path.display());
        return None;
    };
    let opts = Options {
        lang: Some(Lang::Hi),
        skip_mt: true,
    };
    let docs = data
        .lines()
        .map(|line| {
            let rec: Value = serde_json::from_str(line).unwrap();
            let text = rec["text"].as_str().unwrap().to_string();
            let byte_at: Vec<usize> = text
                .char_indices()
                .map(|(b, _)| b)
                .chain(std::iter::once(text.len()))
                .collect();
            let spans = rec["annotations"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|a| a[0] == tag)
                .filter_map(|a| {
                    let at = |i: usize| byte_at.get(a[i].as_u64()? as usize).copied();
                    Some((at(2)?, at(3)?))
                })
                .collect();
            let doc = tathya::analyze("fire", text, None, &opts, Grammars::builtin());
            FireDoc { doc, spans }
        })
        .collect();
    Some(docs)
}
