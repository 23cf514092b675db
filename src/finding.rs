//! Findings: suspect sentences, unbalanced quotes, conflicts between sources.
//!
//! A finding is data, not an error. Every finding carries a stable code ([`CodeDoc::code`]); the table of
//! codes ([`codes`]) is what `tathya explain CODE` prints, and a test keeps it complete.

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
        LazyLock::new(|| Mutex::new(codes().into_iter().flat_map(|c| [c.code, c.name]).collect()));
    let mut known = KNOWN.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(k) = known.get(s) {
        return k;
    }
    let k: &'static str = Box::leak(s.to_string().into_boxed_str());
    known.insert(k);
    k
}

/// Every finding code, in code order.
pub fn codes() -> Vec<&'static CodeDoc> {
    let mut all: Vec<&'static CodeDoc> = crate::document::CODES
        .iter()
        .chain(crate::extract::CODES.iter())
        .chain(crate::check::CODES.iter())
        .chain(crate::mt::CODES.iter())
        .collect();
    all.sort_by_key(|c| c.code);
    all
}

/// Look a code up by its code (`Q001`, case-insensitive) or its name (`unbalanced-quote`).
pub fn lookup(code: &str) -> Option<&'static CodeDoc> {
    codes()
        .into_iter()
        .find(|c| c.code.eq_ignore_ascii_case(code) || c.name.eq_ignore_ascii_case(code))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_documented() {
        let all = codes();
        for pair in all.windows(2) {
            assert_ne!(pair[0].code, pair[1].code, "duplicate code");
        }
        let mut names: Vec<_> = all.iter().map(|c| c.name).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), all.len(), "duplicate code name");
        for c in all {
            assert!(
                c.code.len() == 4,
                "{} is not a letter and three digits",
                c.code
            );
            assert!(
                !c.what.is_empty() && !c.why.is_empty() && !c.example.is_empty(),
                "{} lacks docs",
                c.code
            );
        }
    }
}
