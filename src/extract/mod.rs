//! Extractors: each reads a document's text and sentences and returns claims.
//!
//! Every extractor is a plain function of an [`ExtractCtx`]; none reaches back into earlier stages.
//! Chrome sentences are skipped: nothing in page chrome is claimed.

pub mod attribution;
pub mod entity;
pub mod figure;
pub mod frame;
pub mod quote;
pub mod speech;
pub mod time;

/// The crate's romaniser, under its earlier path.
pub use crate::romanize;

use chrono::NaiveDate;

use crate::document::{ChromeLine, Lang, Sentence};
use crate::finding::CodeDoc;
use crate::grammar::Grammars;

/// Finding codes raised by extractors.
pub const CODES: &[CodeDoc] = quote::CODES;

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
    /// Compiled grammars.
    pub grammars: &'a Grammars,
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
