//! Quotes: direct, fragment, scare, unmarked and indirect speech, with speakers.

use crate::claim::Claim;
use crate::error::GrammarError;
use crate::extract::ExtractCtx;
use crate::finding::{CodeDoc, Finding};
use crate::grammar::GrammarSet;

/// Finding codes of the quote extractor.
pub const CODES: &[CodeDoc] = &[];

/// Reporting verbs, attribution cues and quote marks.
#[derive(Debug)]
pub struct SpeechGrammar {}

impl SpeechGrammar {
    /// Load the speech grammar files.
    pub fn load(_set: &GrammarSet) -> Result<Self, GrammarError> {
        Ok(SpeechGrammar {})
    }
}

/// Quote claims and quote findings (unbalanced marks).
pub fn extract(_ctx: &ExtractCtx) -> (Vec<Claim>, Vec<Finding>) {
    (Vec::new(), Vec::new())
}
