//! Document metadata: the publication date (bylines, datelines, ISO dates) and the dateline city.

use chrono::NaiveDate;
use serde::Serialize;

use crate::document::Lang;
use crate::document::chrome::ChromeLine;
use crate::grammar::Grammars;
use crate::span::Span;

/// A dateline: the place (and agency) an article was filed from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Dateline {
    /// The dateline as written ("सियोल (दक्षिण कोरिया), एजेंसी।").
    pub text: String,
    /// The city ("सियोल").
    pub city: String,
    /// First byte of the dateline.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// What the metadata stage reads from a page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Metadata {
    /// Publication date.
    pub published: Option<NaiveDate>,
    /// Where it was read.
    pub published_span: Option<Span>,
    /// The dateline, if any.
    pub dateline: Option<Dateline>,
}

/// Read the publication date and dateline of `text`.
pub fn extract(_text: &str, _chrome: &[ChromeLine], _lang: Lang, _g: &Grammars) -> Metadata {
    Metadata::default()
}
