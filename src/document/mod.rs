//! Documents: the text as read, its language, page chrome, metadata and sentences,
//! and the claims and findings the later stages attach.

pub mod chrome;
pub mod lang;
pub mod load;
pub mod metadata;
pub mod sentence;

use chrono::NaiveDate;
use serde::{Serialize, Serializer};

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
pub const CODES: &[CodeDoc] = &[LIMIT_REACHED];

/// A limit on the work spent on one document was reached; the finding says what was cut.
pub const LIMIT_REACHED: CodeDoc = CodeDoc {
    code: "D001",
    name: "limit-reached",
    severity: Severity::Warning,
    what: "A limit that keeps analysis linear in the document's length was reached: more reporting \
           verbs or attribution cues in one sentence than a sentence has (8), more quote marks open \
           at once than prose nests (16), more unbalanced quote marks than are listed one by one (64), \
           more distinct names than are compared with each other (256). The message says which \
           limit and how much was left unread.",
    why: "Part of the document was not analysed, so a claim there may be missing. Real articles do \
          not reach these limits; a page that does is usually garbled, machine-generated or hostile, \
          and deserves a look before its claims are trusted.",
    example: "he said he said he said he said he said he said he said he said he said he said",
};

/// One analysed article.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    /// The path as given, or the JSONL record's `id`.
    pub id: String,
    /// The text exactly as read; every span points into it.
    #[serde(skip)]
    pub text: String,
    /// Language by script.
    pub lang: Lang,
    /// Publication date from the byline, dateline, record or an ISO date in the page.
    #[serde(serialize_with = "ser_date")]
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
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mt: Option<DocumentMt>,
    /// What went wrong reading this document; when not empty, nothing else was analysed.
    pub errors: Vec<String>,
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
        Document {
            id: id.into(),
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
