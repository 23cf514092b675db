//! The JSON report of `tathya check`: `{"tathya", "stories", "findings", "documents"}`, and JSON
//! Lines with one tagged object per line (`{"type": "document" | "story" | "finding", …}`), so a
//! consumer can stream it.

use serde::Serialize;

use crate::check::{CheckReport, Story};
use crate::document::Document;
use crate::finding::Finding;

#[derive(Serialize)]
struct Report<'a> {
    tathya: &'static str,
    /// The JSON contract version.
    contract: &'static str,
    stories: &'a [Story],
    findings: &'a [Finding],
    documents: &'a [Document],
}

#[derive(Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum Line<'a> {
    Document(&'a Document),
    Story(&'a Story),
    Finding(&'a Finding),
}

/// The whole check report, pretty-printed, with a final newline.
pub fn report(r: &CheckReport, docs: &[Document]) -> String {
    let mut s = serde_json::to_string_pretty(&Report {
        tathya: env!("CARGO_PKG_VERSION"),
        contract: crate::CONTRACT_VERSION,
        stories: &r.stories,
        findings: &r.findings,
        documents: docs,
    })
    .unwrap_or_else(|e| format!("{{\"error\": {:?}}}", e.to_string()));
    s.push('\n');
    super::escape::json(s)
}

/// The report as JSON Lines: every document, then every story, then every finding.
pub fn lines(r: &CheckReport, docs: &[Document]) -> String {
    let mut out = String::new();
    let items = docs
        .iter()
        .map(Line::Document)
        .chain(r.stories.iter().map(Line::Story))
        .chain(r.findings.iter().map(Line::Finding));
    for it in items {
        match serde_json::to_string(&it) {
            Ok(s) => out.push_str(&s),
            Err(e) => out.push_str(&format!(
                "{{\"type\": \"error\", \"error\": {:?}}}",
                e.to_string()
            )),
        }
        out.push('\n');
    }
    super::escape::json(out)
}
