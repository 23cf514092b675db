//! Extractors: each reads a document's text and sentences and returns claims.
//!
//! Every extractor is a plain function of an [`ExtractCtx`]; none reaches back into earlier stages.
//! Chrome sentences are skipped: nothing in page chrome is claimed.

pub mod attribution;
pub mod entity;
pub mod figure;
pub mod frame;
pub mod metadata;
pub mod quote;
pub mod speech;
pub mod time;

/// The crate's romaniser, under its earlier path.
pub use crate::romanize;

use chrono::NaiveDate;

use crate::document::{ChromeLine, Lang, Sentence};
use crate::finding::CodeDoc;

/// Finding codes raised by extractors.
pub const CODES: &[CodeDoc] = quote::CODES;

/// The compiled grammars the extractors read (a view of the crate's `Grammars`).
#[derive(Debug, Clone, Copy)]
pub struct ExtractGrammars<'a> {
    /// Number words, scales, units, qualifiers.
    pub figure: &'a figure::FigureGrammar,
    /// Figure frames: measures, places, windows, reference times, roles.
    pub frame: &'a frame::FrameGrammar,
    /// Months, weekdays, relative expressions.
    pub time: &'a time::TimeGrammar,
    /// Reporting verbs, attribution cues, quote marks.
    pub speech: &'a quote::SpeechGrammar,
    /// Entity alias tables and titles.
    pub entity: &'a entity::EntityGrammar,
}

/// What an extractor may read.
#[derive(Debug, Clone, Copy)]
pub struct ExtractCtx<'a> {
    /// The text as read.
    pub text: &'a str,
    /// The document's language.
    pub lang: Lang,
    /// Sentences in order.
    pub sentences: &'a [Sentence],
    /// Chrome lines.
    pub chrome: &'a [ChromeLine],
    /// Publication date, for resolving relative times.
    pub published: Option<NaiveDate>,
    /// Compiled grammars of the extractors.
    pub grammars: ExtractGrammars<'a>,
    /// The document's token stream (one tokenisation, every sentence), made on first use: read
    /// it with [`ExtractCtx::tokens`].
    pub tokens: &'a std::cell::OnceCell<crate::tokens::Stream>,
}

impl<'a> ExtractCtx<'a> {
    /// The document's token stream: spans, folded forms, interned ids. Extractors that compare
    /// words read it rather than tokenise again; the pipeline hands the same stream to the MT stage.
    pub fn tokens(&self) -> &'a crate::tokens::Stream {
        self.tokens
            .get_or_init(|| crate::tokens::Stream::new(self.text, self.sentences))
    }

    /// The sentences that are not page chrome.
    pub fn body(&self) -> impl Iterator<Item = &'a Sentence> + 'a {
        self.sentences.iter().filter(|s| !s.chrome)
    }
}
