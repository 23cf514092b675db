//! Documents: the text as read, its language, page chrome, metadata and sentences,
//! and the claims and findings the later stages attach.

pub mod chrome;
pub mod lang;
pub mod load;
pub mod metadata;
pub mod record;
pub mod sentence;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize, Serializer};

use crate::claim::Claim;
use crate::extract::entity::Entity;
use crate::finding::{CodeDoc, Finding, Severity};
use crate::mt::DocumentMt;
use crate::span::Span;

pub use chrome::ChromeLine;
pub use lang::Lang;
pub use metadata::Dateline;
pub use sentence::Sentence;

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

/// One analysed article. It reads back from the JSON it writes, with `text` beside it (a claims
/// record, see [`record`]): `check --input claims` checks what `claims` wrote without analysing
/// again.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Document {
    /// The path as given, or the JSONL record's `id`.
    pub id: String,
    /// The text exactly as read; every span points into it. Only a claims record
    /// ([`record::Record`]) writes it.
    #[serde(skip_serializing, default)]
    pub text: String,
    /// The outlet that published it, by name: the JSONL record's `outlet` (or `source`, or its
    /// `url`'s host), else the agency or outlet credited in the text ("(आईएएनएस)" → IANS), else
    /// the file name.
    pub outlet: String,
    /// Language by script.
    pub lang: Lang,
    /// Publication date from the byline, dateline, record or an ISO date in the page.
    #[serde(
        serialize_with = "ser_date",
        deserialize_with = "record::de_date",
        default
    )]
    pub published: Option<NaiveDate>,
    /// Where `published` was read from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published_span: Option<Span>,
    /// The dateline ("सियोल (दक्षिण कोरिया), एजेंसी।"), when there is one.
    pub dateline: Option<Dateline>,
    /// Lines marked as page chrome, with the rule that matched.
    pub chrome: Vec<ChromeLine>,
    /// Sentences in text order.
    pub sentences: Vec<Sentence>,
    /// Claims sorted by start, end, kind.
    pub claims: Vec<Claim>,
    /// Canonical entities mentioned, with their mentions.
    pub entities: Vec<Entity>,
    /// Findings inside this document (machine translation, unbalanced quotes …), sorted.
    pub findings: Vec<Finding>,
    /// Machine-translation summary.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "record::de_document_mt",
        default
    )]
    pub mt: Option<DocumentMt>,
    /// What went wrong reading this document; when not empty, nothing else was analysed.
    pub errors: Vec<String>,
}

/// The file name of a document id without its folders: the outlet name of last resort.
pub fn file_name(id: &str) -> &str {
    id.rsplit(['/', '\\']).next().unwrap_or(id)
}

fn ser_date<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.serialize_str(&d.format("%Y-%m-%d").to_string()),
        None => s.serialize_none(),
    }
}

impl Document {
    /// A document that could not be read: only its id and the error.
    pub fn failed(id: impl Into<String>, error: impl std::fmt::Display) -> Self {
        let id = id.into();
        Document {
            outlet: file_name(&id).to_string(),
            id,
            text: String::new(),
            lang: Lang::Other,
            published: None,
            published_span: None,
            dateline: None,
            chrome: Vec::new(),
            sentences: Vec::new(),
            claims: Vec::new(),
            entities: Vec::new(),
            findings: Vec::new(),
            mt: None,
            errors: vec![error.to_string()],
        }
    }

    /// True when the document could not be read.
    pub fn is_failed(&self) -> bool {
        !self.errors.is_empty()
    }

    /// The text a span covers.
    pub fn slice(&self, span: Span) -> &str {
        span.slice(&self.text)
    }

    /// The sentence that holds byte `offset`, if any.
    pub fn sentence_at(&self, offset: usize) -> Option<&Sentence> {
        let i = self.sentences.partition_point(|s| s.end <= offset);
        self.sentences.get(i).filter(|s| s.start <= offset)
    }
}
