//! Rendering of `tathya mt`: the flagged sentences with their reasons, as text or JSON.
//! Renderers return strings; only the binary prints.

use serde::Serialize;

use crate::analysis::Document;
use crate::finding::Finding;
use crate::mt::DocumentMt;
use crate::report::Style;
use crate::span::LineIndex;

/// One listed sentence.
#[derive(Debug, Serialize)]
pub struct Listed<'a> {
    /// Sentence index in the document.
    pub index: usize,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Line (from 1).
    pub line: usize,
    /// Column in characters (from 1).
    pub column: usize,
    /// The sentence as read.
    pub text: &'a str,
    /// Score in [0, 1].
    #[serde(serialize_with = "crate::claim::ser_num")]
    pub score: f64,
    /// Verdict at the default threshold.
    pub flagged: bool,
    /// Every rule that fired.
    pub codes: Vec<&'static str>,
    /// The evidence: MT findings inside the sentence.
    pub reasons: Vec<Reason<'a>>,
}

/// One reason a sentence is listed.
#[derive(Debug, Serialize)]
pub struct Reason<'a> {
    /// Rule code.
    pub code: &'static str,
    /// Rule name.
    pub name: &'static str,
    /// First byte of the evidence.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The evidence as read.
    pub text: &'a str,
    /// One line for a person.
    pub message: &'a str,
}

/// One document in `tathya mt` JSON.
#[derive(Debug, Serialize)]
pub struct Listing<'a> {
    /// Document id.
    pub id: &'a str,
    /// The summary.
    pub mt: Option<&'a DocumentMt>,
    /// The listed sentences.
    pub sentences: Vec<Listed<'a>>,
    /// Load errors.
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    pub errors: &'a [String],
}

fn is_mt(f: &Finding) -> bool {
    f.code.starts_with('M')
}

/// The sentences of `doc` scoring at or above `threshold` (or flagged, when `threshold` is None).
pub fn listing<'a>(doc: &'a Document, threshold: Option<f64>) -> Listing<'a> {
    let idx = LineIndex::new(&doc.text);
    let mut out = Vec::new();
    for s in &doc.sentences {
        let Some(m) = doc.sentence_mt(s) else {
            continue;
        };
        let listed = match threshold {
            Some(t) => m.score >= t && m.score > 0.0,
            None => m.flagged,
        };
        if !listed {
            continue;
        }
        let (line, column) = idx.line_col(&doc.text, s.start);
        let mut found: Vec<&Finding> = doc
            .findings
            .iter()
            .filter(|f| is_mt(f) && f.start >= s.start && f.start < s.end)
            .collect();
        // The strongest reasons first, then in text order.
        found.sort_by(|a, b| b.severity.cmp(&a.severity).then(a.start.cmp(&b.start)));
        let reasons = found
            .into_iter()
            .map(|f| Reason {
                code: f.code,
                name: f.name,
                start: f.start,
                end: f.end,
                text: doc.text.get(f.start..f.end).unwrap_or(""),
                message: &f.message,
            })
            .collect();
        out.push(Listed {
            index: s.index,
            start: s.start,
            end: s.end,
            line,
            column,
            text: s.span().slice(&doc.text),
            score: m.score,
            flagged: m.flagged,
            codes: m.codes.clone(),
            reasons,
        });
    }
    Listing {
        id: &doc.id,
        mt: doc.mt.as_ref(),
        sentences: out,
        errors: &doc.errors,
    }
}

/// The readable listing of one document.
pub fn text(doc: &Document, threshold: Option<f64>, style: &Style) -> String {
    use std::fmt::Write as _;
    let l = listing(doc, threshold);
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{}",
        style.paint("1", &crate::report::escape::terminal_line(&doc.id))
    );
    if !doc.errors.is_empty() {
        let _ = writeln!(s, "  error: {}", doc.errors.join("; "));
        return s;
    }
    if let Some(m) = &doc.mt {
        let body = doc.sentences.iter().filter(|x| !x.chrome).count();
        let _ = writeln!(
            s,
            "  {} of {} body sentence{} flagged ({:.0}%){}{}",
            m.flagged,
            body,
            if body == 1 { "" } else { "s" },
            m.suspect_share * 100.0,
            if m.disclosed_automatic {
                "; discloses an automatic feed"
            } else {
                ""
            },
            if m.translation_tags {
                "; leftover translation tags"
            } else {
                ""
            },
        );
    }
    for x in &l.sentences {
        let mark = if x.flagged { "flagged" } else { "score" };
        let _ = writeln!(
            s,
            "  {}:{}  {} {:.2}  [{}]",
            x.line,
            x.column,
            style.paint(if x.flagged { "31" } else { "33" }, mark),
            x.score,
            x.codes.join(", ")
        );
        let _ = writeln!(s, "    {}", x.text);
        for r in &x.reasons {
            let _ = writeln!(s, "    - {} {}: {}", r.code, r.name, r.message);
        }
    }
    s
}

/// `{"tathya": version, "documents": [...]}`, pretty-printed.
pub fn json(docs: &[Document], threshold: Option<f64>) -> String {
    #[derive(Serialize)]
    struct Out<'a> {
        tathya: &'static str,
        /// The JSON contract version.
        contract: &'static str,
        documents: Vec<Listing<'a>>,
    }
    let out = Out {
        tathya: env!("CARGO_PKG_VERSION"),
        contract: crate::CONTRACT_VERSION,
        documents: docs.iter().map(|d| listing(d, threshold)).collect(),
    };
    let mut s = serde_json::to_string_pretty(&out)
        .unwrap_or_else(|e| format!("{{\"error\": {:?}}}", e.to_string()));
    s.push('\n');
    crate::report::escape::json(s)
}

/// One document's listing as a JSON line.
pub fn json_line(doc: &Document, threshold: Option<f64>) -> String {
    let mut s = serde_json::to_string(&listing(doc, threshold))
        .unwrap_or_else(|e| format!("{{\"error\": {:?}}}", e.to_string()));
    s.push('\n');
    crate::report::escape::json(s)
}
