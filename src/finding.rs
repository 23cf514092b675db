//! Findings: suspect sentences, unbalanced quotes, conflicts between sources.
//!
//! A finding is data, not an error. Every finding carries a stable code ([`CodeDoc::code`]); the table of
//! codes ([`crate::codes`]) is what `tathya explain CODE` prints, and a test keeps it complete.

use serde::{Deserialize, Serialize};

use crate::span::Span;

/// How much a finding matters to an editor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Worth knowing; never fails a run by default.
    Info,
    /// Worth a look before publishing.
    Warning,
    /// Likely wrong: a conflict between sources or a fact-changing translation error.
    Error,
}

impl Severity {
    /// The lowercase name used in JSON and on the command line.
    pub fn as_str(&self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl std::str::FromStr for Severity {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "info" => Ok(Severity::Info),
            "warning" => Ok(Severity::Warning),
            "error" => Ok(Severity::Error),
            _ => Err(format!("unknown severity `{s}` (info, warning, error)")),
        }
    }
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// Stable code, e.g. `Q001`.
    pub code: &'static str,
    /// Short kebab-case name of the code, e.g. `unbalanced-quote`.
    pub name: &'static str,
    /// How much it matters.
    pub severity: Severity,
    /// The document the span points into, when the finding is reported across documents.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
    /// First byte of the evidence.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// One line for a person.
    pub message: String,
    /// Other spans that belong to the finding (the other side of a conflict …).
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub related: Vec<Related>,
}

/// A span elsewhere that a finding points to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Related {
    /// The document, when it is another one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// What the span is.
    pub message: String,
}

impl Finding {
    /// A finding of `code` over `span`; the name and severity come from the code table.
    pub fn new(code: &'static CodeDoc, span: Span, message: impl Into<String>) -> Self {
        Finding {
            code: code.code,
            name: code.name,
            severity: code.severity,
            document: None,
            start: span.start,
            end: span.end,
            message: message.into(),
            related: Vec::new(),
        }
    }

    /// The finding's span.
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// The documentation of one finding code: what `tathya explain` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CodeDoc {
    /// Stable code: a letter for the family and three digits.
    pub code: &'static str,
    /// Short kebab-case name.
    pub name: &'static str,
    /// Default severity.
    pub severity: Severity,
    /// What it catches.
    pub what: &'static str,
    /// Why it matters to an editor.
    pub why: &'static str,
    /// An example that fires it.
    pub example: &'static str,
}

/// A finding as read back from JSON (a claims record).
#[derive(Deserialize)]
struct FindingWire {
    code: String,
    name: String,
    severity: Severity,
    #[serde(default)]
    document: Option<String>,
    start: usize,
    end: usize,
    message: String,
    #[serde(default)]
    related: Vec<Related>,
}

// By hand: serde's derive would borrow the `&'static str` fields from the input.
impl<'de> Deserialize<'de> for Finding {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        FindingWire::deserialize(d).map(Finding::from)
    }
}

impl From<FindingWire> for Finding {
    fn from(w: FindingWire) -> Self {
        Finding {
            code: intern(&w.code),
            name: intern(&w.name),
            severity: w.severity,
            document: w.document,
            start: w.start,
            end: w.end,
            message: w.message,
            related: w.related,
        }
    }
}

/// The `'static` copy of a finding code or name read back from JSON: the code table's own
/// string, or, for a string the table does not know (written by another version), one kept
/// for the rest of the run.
pub fn intern(s: &str) -> &'static str {
    use std::collections::BTreeSet;
    use std::sync::{LazyLock, Mutex};
    static KNOWN: LazyLock<Mutex<BTreeSet<&'static str>>> =
        LazyLock::new(|| Mutex::new(BTreeSet::new()));
    let mut known = KNOWN.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(k) = known.get(s) {
        return k;
    }
    let k: &'static str = Box::leak(s.to_string().into_boxed_str());
    known.insert(k);
    k
}

/// Codes of findings about documents as a whole and about the input.
pub mod document {
    use super::{CodeDoc, Severity};

    /// Codes of findings about documents as a whole and about the input (load problems are errors,
    /// not findings).
    pub const CODES: &[CodeDoc] = &[LIMIT_REACHED, DUPLICATE_ID, BUFFERED_OUTPUT, INEXACT_NUMBER];

    /// Two input documents have the same id (a JSONL `id` or a path given twice).
    pub const DUPLICATE_ID: CodeDoc = CodeDoc {
        code: "D002",
        name: "duplicate-id",
        severity: Severity::Warning,
        what: "Two documents of one run have the same id: two JSONL records with one `id`, or one \
               file given twice. Both are analysed; the warning is printed on standard error.",
        why: "Reports, story lists and findings name documents by id: two documents of one name \
              cannot be told apart, and a story manifest naming it matches both.",
        example: "{\"id\": \"a1\", \"text\": \"…\"}\n{\"id\": \"a1\", \"text\": \"…\"}",
    };

    /// `--format json` holds a large batch in memory before printing.
    pub const BUFFERED_OUTPUT: CodeDoc = CodeDoc {
        code: "D003",
        name: "buffered-output",
        severity: Severity::Info,
        what: "`--format json` prints one object, so every document's analysis is kept in memory \
               until the last is read; past 1,000 documents tathya says so on standard error.",
        why: "Memory grows with the batch; `--format jsonl` prints each document as soon as it is \
              analysed and keeps memory flat.",
        example: "tathya claims --format json big-folder/",
    };

    /// A figure whose digits a 64-bit float cannot hold exactly.
    pub const INEXACT_NUMBER: CodeDoc = CodeDoc {
        code: "D004",
        name: "inexact-number",
        severity: Severity::Info,
        what: "A figure of 2^53 (9,007,199,254,740,992) or more: its `value` in the JSON is the \
               nearest double, not the exact integer; the claim's `text` keeps the digits.",
        why: "Sixteen-digit figures (account numbers, national budgets in paise) would otherwise be \
              rounded silently; compare the text, not the value.",
        example: "कुल 12345678901234567 रुपये",
    };

    /// A limit on the work spent on one document was reached; the finding says what was cut.
    pub const LIMIT_REACHED: CodeDoc = CodeDoc {
        code: "D001",
        name: "limit-reached",
        severity: Severity::Warning,
        what: "A limit that keeps analysis linear in the document's length was reached: more reporting \
               verbs or attribution cues in one sentence than a sentence has (8), more quote marks open \
               at once than prose nests (16), quote marks further apart than a quotation runs (8,192 \
               bytes), more unbalanced quote marks than are listed one by one (64), \
               more distinct names than are compared with each other (256), more claims in one sentence \
               than 64 plus one per 8 bytes of it. The message says which \
               limit and how much was left unread.",
        why: "Part of the document was not analysed, so a claim there may be missing. Real articles do \
              not reach these limits; a page that does is usually garbled, machine-generated or hostile, \
              and deserves a look before its claims are trusted.",
        example: "he said he said he said he said he said he said he said he said he said he said",
    };
}
