//! The JSON report of `tathya check`: `{"tathya", "stories", "findings", "documents"}`, and JSON
//! Lines with one tagged object per line (`{"type": "document" | "story" | "finding", …}`), so a
//! consumer can stream it.

use std::io::Write;

use serde::Serialize;

use crate::analysis::Document;
use crate::check::{CheckReport, Story};
use crate::finding::Finding;

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
    let mut rw = ReportWriter::new(w)?;
    for s in &r.stories {
        rw.story(s)?;
    }
    rw.findings(&r.findings);
    rw.documents()?;
    for d in docs {
        rw.document(d)?;
    }
    rw.finish()?.flush()
}

/// `value` pretty-printed as an element of an array two levels deep (indented by four spaces).
fn element<W: std::io::Write, T: Serialize>(
    w: &mut W,
    first: bool,
    value: &T,
) -> std::io::Result<()> {
    let text = serde_json::to_string_pretty(value).map_err(std::io::Error::other)?;
    w.write_all(if first { b"\n    " } else { b",\n    " })?;
    // A JSON string holds no raw line break, so every line break is the formatter's.
    w.write_all(text.replace('\n', "\n    ").as_bytes())
}

/// The JSON report written as the stories are decided: the stories one at a time, then the
/// findings (held until then), then every document. The bytes are those of [`report`].
pub struct ReportWriter<W: std::io::Write> {
    w: super::escape::JsonWriter<W>,
    stories: usize,
    findings: Vec<Finding>,
    documents: usize,
}

impl<W: std::io::Write> ReportWriter<W> {
    /// Start the report on `w`.
    pub fn new(w: W) -> std::io::Result<Self> {
        let mut w = super::escape::JsonWriter::new(w);
        let s = |v: &str| serde_json::to_string(v).map_err(std::io::Error::other);
        write!(
            w,
            "{{\n  \"tathya\": {},\n  \"contract\": {},\n  \"stories\": [",
            s(env!("CARGO_PKG_VERSION"))?,
            s(crate::CONTRACT_VERSION)?
        )?;
        Ok(ReportWriter {
            w,
            stories: 0,
            findings: Vec::new(),
            documents: 0,
        })
    }

    /// Write a decided story.
    pub fn story(&mut self, s: &Story) -> std::io::Result<()> {
        element(&mut self.w, self.stories == 0, s)?;
        self.stories += 1;
        Ok(())
    }

    /// Note findings, written after the last story.
    pub fn findings(&mut self, findings: &[Finding]) {
        self.findings.extend_from_slice(findings);
    }

    /// Close the stories, write the findings and open the documents.
    pub fn documents(&mut self) -> std::io::Result<()> {
        self.w
            .write_all(if self.stories == 0 { b"]" } else { b"\n  ]" })?;
        self.w.write_all(b",\n  \"findings\": [")?;
        let findings = std::mem::take(&mut self.findings);
        for (k, f) in findings.iter().enumerate() {
            element(&mut self.w, k == 0, f)?;
        }
        self.w
            .write_all(if findings.is_empty() { b"]" } else { b"\n  ]" })?;
        self.w.write_all(b",\n  \"documents\": [")
    }

    /// Write a document (after [`ReportWriter::documents`]), in input order.
    pub fn document(&mut self, d: &Document) -> std::io::Result<()> {
        element(&mut self.w, self.documents == 0, d)?;
        self.documents += 1;
        Ok(())
    }

    /// Close the report; the writer back.
    pub fn finish(mut self) -> std::io::Result<W> {
        self.w
            .write_all(if self.documents == 0 { b"]" } else { b"\n  ]" })?;
        self.w.write_all(b"\n}\n")?;
        self.w.into_inner()
    }
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
    let mut lw = LinesWriter::new(w);
    for d in docs {
        lw.document(d)?;
    }
    for s in &r.stories {
        lw.story(s)?;
    }
    lw.findings(&r.findings);
    lw.finish()?.flush()
}

/// The JSON Lines report written as the run goes: each document as it is read, each story as it
/// is decided, then the findings (held until then). The bytes are those of [`lines`].
pub struct LinesWriter<W: std::io::Write> {
    w: super::escape::JsonWriter<W>,
    findings: Vec<Finding>,
}

impl<W: std::io::Write> LinesWriter<W> {
    /// Lines written to `w`.
    pub fn new(w: W) -> Self {
        LinesWriter {
            w: super::escape::JsonWriter::new(w),
            findings: Vec::new(),
        }
    }

    fn line(&mut self, it: &Line) -> std::io::Result<()> {
        if let Err(e) = serde_json::to_writer(&mut self.w, it) {
            if e.is_io() {
                return Err(e.into());
            }
            write!(
                self.w,
                "{{\"type\": \"error\", \"error\": {:?}}}",
                e.to_string()
            )?;
        }
        self.w.write_all(b"\n")
    }

    /// A document's line (every document comes before the first story).
    pub fn document(&mut self, d: &Document) -> std::io::Result<()> {
        self.line(&Line::Document(d))
    }

    /// A decided story's line.
    pub fn story(&mut self, s: &Story) -> std::io::Result<()> {
        self.line(&Line::Story(s))
    }

    /// Note findings, written after the last story.
    pub fn findings(&mut self, findings: &[Finding]) {
        self.findings.extend_from_slice(findings);
    }

    /// Write the findings; the writer back.
    pub fn finish(mut self) -> std::io::Result<W> {
        for f in std::mem::take(&mut self.findings) {
            self.line(&Line::Finding(&f))?;
        }
        self.w.into_inner()
    }
}
