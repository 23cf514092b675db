//! The JSON report of `tathya check`: `{"tathya", "stories", "findings", "documents"}`, and JSON
//! Lines with one tagged object per line (`{"type": "document" | "story" | "finding", …}`), so a
//! consumer can stream it.

use std::io::Write;

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
    let mut out = Vec::new();
    // Writing to memory fails only on a value serde cannot write, which the report does not hold.
    let _ = write_report(&mut out, r, docs);
    String::from_utf8(out).unwrap_or_default()
}

/// [`report`], written piece by piece to `w` (never held whole in memory).
pub fn write_report<W: std::io::Write>(
    w: W,
    r: &CheckReport,
    docs: &[Document],
) -> std::io::Result<()> {
    let mut w = super::escape::JsonWriter::new(w);
    serde_json::to_writer_pretty(
        &mut w,
        &Report {
            tathya: env!("CARGO_PKG_VERSION"),
            contract: crate::CONTRACT_VERSION,
            stories: &r.stories,
            findings: &r.findings,
            documents: docs,
        },
    )?;
    w.write_all(b"\n")?;
    w.into_inner()?.flush()
}

/// The report as JSON Lines: every document, then every story, then every finding.
pub fn lines(r: &CheckReport, docs: &[Document]) -> String {
    let mut out = Vec::new();
    let _ = write_lines(&mut out, r, docs);
    String::from_utf8(out).unwrap_or_default()
}

/// [`lines`], written line by line to `w`.
pub fn write_lines<W: std::io::Write>(
    w: W,
    r: &CheckReport,
    docs: &[Document],
) -> std::io::Result<()> {
    let mut w = super::escape::JsonWriter::new(w);
    let items = docs
        .iter()
        .map(Line::Document)
        .chain(r.stories.iter().map(Line::Story))
        .chain(r.findings.iter().map(Line::Finding));
    for it in items {
        if let Err(e) = serde_json::to_writer(&mut w, &it) {
            if e.is_io() {
                return Err(e.into());
            }
            write!(w, "{{\"type\": \"error\", \"error\": {:?}}}", e.to_string())?;
        }
        w.write_all(b"\n")?;
    }
    w.into_inner()?.flush()
}
