//! The JSON contract (version 1): `{"tathya": "<version>", "documents": [...]}`; JSON Lines is
//! one document object per line.

use serde::Serialize;

use crate::document::Document;

#[derive(Serialize)]
struct ClaimsReport<'a> {
    tathya: &'static str,
    /// The JSON contract version.
    contract: &'static str,
    documents: &'a [Document],
}

/// The whole claims report, pretty-printed, with a final newline.
pub fn claims(docs: &[Document]) -> String {
    let mut s = serde_json::to_string_pretty(&ClaimsReport {
        tathya: env!("CARGO_PKG_VERSION"),
        contract: crate::CONTRACT_VERSION,
        documents: docs,
    })
    .unwrap_or_else(|e| format!("{{\"error\": {:?}}}", e.to_string()));
    s.push('\n');
    super::escape::json(s)
}

/// One claims record as a single JSON line, with a final newline: the document, its text and its
/// story keys ([`crate::document::record`]), what `check --input claims` reads.
pub fn record_line(doc: &Document, b: &crate::document::record::Bucketing) -> String {
    let mut s = serde_json::to_string(&crate::document::record::Record::new(doc, b))
        .unwrap_or_else(|e| {
            format!(
                "{{\"id\": {:?}, \"errors\": [{:?}]}}",
                doc.id,
                e.to_string()
            )
        });
    s.push('\n');
    super::escape::json(s)
}

/// One document as a single JSON line, with a final newline.
pub fn document_line(doc: &Document) -> String {
    let mut s = serde_json::to_string(doc).unwrap_or_else(|e| {
        format!(
            "{{\"id\": {:?}, \"errors\": [{:?}]}}",
            doc.id,
            e.to_string()
        )
    });
    s.push('\n');
    super::escape::json(s)
}
