//! The bundle of every stage's compiled grammar ([`Grammars`]), built from a [`GrammarSet`].
//!
//! The loading machinery ([`GrammarSet`]: embedded files, `--grammars DIR` overrides, parsing) is
//! the bottom layer, `crate::grammar`; each stage owns a typed view of its files. This bundle
//! names every stage's view, so it sits above them all, beside the pipeline that composes them.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use crate::error::GrammarError;
use crate::grammar::GrammarSet;

/// Every compiled grammar the pipeline uses.
#[derive(Debug)]
pub struct Grammars {
    /// Page chrome patterns.
    pub chrome: crate::document::chrome::ChromeGrammar,
    /// Sentence splitting data (abbreviations).
    pub sentence: crate::document::sentence::SentenceGrammar,
    /// Number words, scales, units, qualifiers.
    pub figure: crate::extract::figure::FigureGrammar,
    /// Figure frames: measures, places, windows, reference times, roles.
    pub frame: crate::extract::frame::FrameGrammar,
    /// Months, weekdays, relative expressions.
    pub time: crate::extract::time::TimeGrammar,
    /// Reporting verbs, attribution cues, quote marks.
    pub speech: crate::extract::quote::SpeechGrammar,
    /// Entity alias tables and titles.
    pub entity: crate::extract::entity::EntityGrammar,
    /// Machine-translation rule data.
    pub mt: crate::mt::MtGrammar,
    /// Cross-source comparison data (stop words, synonyms, event words, wires).
    pub check: crate::check::norm::CheckGrammar,
    /// The files these were built from, as read.
    pub files: BTreeSet<String>,
}

impl Grammars {
    /// Compile every grammar from `set`.
    pub fn from_set(set: &GrammarSet) -> Result<Self, GrammarError> {
        let mut g = Grammars {
            chrome: crate::document::chrome::ChromeGrammar::load(set)?,
            sentence: crate::document::sentence::SentenceGrammar::load(set)?,
            figure: crate::extract::figure::FigureGrammar::load(set)?,
            frame: crate::extract::frame::FrameGrammar::load(set)?,
            time: crate::extract::time::TimeGrammar::load(set)?,
            speech: crate::extract::quote::SpeechGrammar::load(set)?,
            entity: crate::extract::entity::EntityGrammar::load(set)?,
            mt: crate::mt::MtGrammar::load(set)?,
            check: crate::check::norm::CheckGrammar::load(set)?,
            files: BTreeSet::new(),
        };
        g.files = set.read_files();
        Ok(g)
    }

    /// The embedded grammars, compiled once.
    ///
    /// The embedded data is curated and tested (`tests/grammar_examples.rs`), so a failure here is
    /// a build defect; it is the one place the library may panic.
    pub fn builtin() -> &'static Grammars {
        static G: LazyLock<Grammars> = LazyLock::new(|| {
            Grammars::from_set(&GrammarSet::builtin()).expect("embedded grammars are valid")
        });
        &G
    }
}

impl Grammars {
    /// The grammars the extractors read, for an [`ExtractCtx`](crate::extract::ExtractCtx).
    pub fn extract(&self) -> crate::extract::ExtractGrammars<'_> {
        crate::extract::ExtractGrammars {
            figure: &self.figure,
            frame: &self.frame,
            time: &self.time,
            speech: &self.speech,
            entity: &self.entity,
        }
    }
}

impl AsRef<crate::check::norm::CheckGrammar> for Grammars {
    fn as_ref(&self) -> &crate::check::norm::CheckGrammar {
        &self.check
    }
}

impl AsRef<crate::mt::MtGrammar> for Grammars {
    fn as_ref(&self) -> &crate::mt::MtGrammar {
        &self.mt
    }
}

impl AsRef<crate::document::chrome::ChromeGrammar> for Grammars {
    fn as_ref(&self) -> &crate::document::chrome::ChromeGrammar {
        &self.chrome
    }
}

impl AsRef<crate::document::sentence::SentenceGrammar> for Grammars {
    fn as_ref(&self) -> &crate::document::sentence::SentenceGrammar {
        &self.sentence
    }
}
