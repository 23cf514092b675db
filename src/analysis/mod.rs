//! The analysed document: a document as read (`crate::document`) with what every stage made of
//! it — publication date and dateline, claims, entities, findings and machine-translation
//! scores. It sits above the extractors and beside the MT stage whose results it holds; the
//! input layer below knows nothing of it.

pub mod record;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize, Serializer};

use crate::claim::Claim;
use crate::document::{ChromeLine, Lang, Sentence, file_name};
use crate::extract::entity::Entity;
use crate::extract::metadata::Dateline;
use crate::finding::Finding;
use crate::mt::{DocumentMt, SentenceMt};
use crate::span::Span;

/// One analysed article. It reads back from the JSON it writes, with `text` beside it (a claims
/// record, see [`record`]): `check --input claims` checks what `claims` wrote without analysing
/// again.
#[derive(Debug, Clone, Deserialize)]
#[serde(from = "DocumentIn")]
pub struct Document {
    /// The path as given, or the JSONL record's `id`.
    pub id: String,
    /// The text exactly as read; every span points into it. Only a claims record
    /// ([`record::Record`]) writes it.
    pub text: String,
    /// The outlet that published it, by name: the JSONL record's `outlet` (or `source`, or its
    /// `url`'s host), else the agency or outlet credited in the text ("(आईएएनएस)" → IANS), else
    /// the file name.
    pub outlet: String,
    /// Language by script.
    pub lang: Lang,
    /// Publication date from the byline, dateline, record or an ISO date in the page.
    pub published: Option<NaiveDate>,
    /// Where `published` was read from.
    pub published_span: Option<Span>,
    /// The dateline ("सियोल (दक्षिण कोरिया), एजेंसी।"), when there is one.
    pub dateline: Option<Dateline>,
    /// Lines marked as page chrome, with the rule that matched.
    pub chrome: Vec<ChromeLine>,
    /// Sentences in text order.
    pub sentences: Vec<Sentence>,
    /// Machine-translation evidence of each sentence, by sentence index, when the MT stage ran
    /// (empty when it did not); read it with [`Document::sentence_mt`]. Written inside each
    /// sentence's JSON as its `mt`.
    pub sentence_mt: Vec<Option<SentenceMt>>,
    /// Claims sorted by start, end, kind.
    pub claims: Vec<Claim>,
    /// Canonical entities mentioned, with their mentions.
    pub entities: Vec<Entity>,
    /// Findings inside this document (machine translation, unbalanced quotes …), sorted.
    pub findings: Vec<Finding>,
    /// Machine-translation summary.
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
            sentence_mt: Vec::new(),
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

    /// The machine-translation evidence of sentence `s`, when the MT stage scored it.
    pub fn sentence_mt(&self, s: &Sentence) -> Option<&SentenceMt> {
        self.sentence_mt.get(s.index).and_then(Option::as_ref)
    }
}

/// The document's JSON as written (contract v1): each sentence carries its MT evidence.
#[derive(Serialize)]
struct DocumentOut<'a> {
    id: &'a str,
    outlet: &'a str,
    lang: Lang,
    #[serde(serialize_with = "ser_date")]
    published: &'a Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    published_span: Option<Span>,
    dateline: &'a Option<Dateline>,
    chrome: &'a [ChromeLine],
    sentences: SentencesOut<'a>,
    claims: &'a [Claim],
    entities: &'a [Entity],
    findings: &'a [Finding],
    #[serde(skip_serializing_if = "Option::is_none")]
    mt: &'a Option<DocumentMt>,
    errors: &'a [String],
}

/// The sentences with their MT evidence, as one JSON list.
struct SentencesOut<'a>(&'a Document);

/// One sentence as written: its fields, then its MT evidence when there is some.
#[derive(Serialize)]
struct SentenceOut<'a> {
    index: usize,
    start: usize,
    end: usize,
    chrome: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    mt: Option<&'a SentenceMt>,
}

impl Serialize for SentencesOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.sentences.iter().map(|x| SentenceOut {
            index: x.index,
            start: x.start,
            end: x.end,
            chrome: x.chrome,
            mt: self.0.sentence_mt(x),
        }))
    }
}

impl Serialize for Document {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        DocumentOut {
            id: &self.id,
            outlet: &self.outlet,
            lang: self.lang,
            published: &self.published,
            published_span: self.published_span,
            dateline: &self.dateline,
            chrome: &self.chrome,
            sentences: SentencesOut(self),
            claims: &self.claims,
            entities: &self.entities,
            findings: &self.findings,
            mt: &self.mt,
            errors: &self.errors,
        }
        .serialize(s)
    }
}

/// The document's JSON as read back (a claims record).
#[derive(Deserialize)]
struct DocumentIn {
    id: String,
    #[serde(default)]
    text: String,
    outlet: String,
    lang: Lang,
    #[serde(deserialize_with = "record::de_date", default)]
    published: Option<NaiveDate>,
    published_span: Option<Span>,
    dateline: Option<Dateline>,
    chrome: Vec<ChromeLine>,
    sentences: Vec<SentenceIn>,
    claims: Vec<Claim>,
    entities: Vec<Entity>,
    findings: Vec<Finding>,
    #[serde(deserialize_with = "record::de_document_mt", default)]
    mt: Option<DocumentMt>,
    errors: Vec<String>,
}

/// One sentence as read back, with its MT evidence.
#[derive(Deserialize)]
struct SentenceIn {
    index: usize,
    start: usize,
    end: usize,
    chrome: bool,
    #[serde(deserialize_with = "record::de_sentence_mt", default)]
    mt: Option<SentenceMt>,
}

impl From<DocumentIn> for Document {
    fn from(d: DocumentIn) -> Self {
        let (sentences, sentence_mt): (Vec<Sentence>, Vec<Option<SentenceMt>>) = d
            .sentences
            .into_iter()
            .map(|s| {
                let sentence = Sentence {
                    index: s.index,
                    start: s.start,
                    end: s.end,
                    chrome: s.chrome,
                };
                (sentence, s.mt)
            })
            .unzip();
        let sentence_mt = if sentence_mt.iter().all(Option::is_none) {
            Vec::new()
        } else {
            sentence_mt
        };
        Document {
            id: d.id,
            text: d.text,
            outlet: d.outlet,
            lang: d.lang,
            published: d.published,
            published_span: d.published_span,
            dateline: d.dateline,
            chrome: d.chrome,
            sentences,
            sentence_mt,
            claims: d.claims,
            entities: d.entities,
            findings: d.findings,
            mt: d.mt,
            errors: d.errors,
        }
    }
}
