//! Machine-translation signals: one rule per file, each with a stable code.

use serde::Serialize;

use crate::document::Document;
use crate::error::GrammarError;
use crate::finding::CodeDoc;
use crate::grammar::GrammarSet;

/// Codes of the MT rules.
pub const CODES: &[CodeDoc] = &[];

/// Per-sentence MT evidence, as it appears in a sentence's JSON.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SentenceMt {
    /// Score in [0, 1].
    #[serde(serialize_with = "crate::claim::ser_num")]
    pub score: f64,
    /// The verdict at the default threshold.
    pub flagged: bool,
    /// Every rule that fired.
    pub codes: Vec<&'static str>,
}

/// Per-document MT summary.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentMt {
    /// Share of body sentences flagged.
    #[serde(serialize_with = "crate::claim::ser_num")]
    pub suspect_share: f64,
    /// Number of flagged sentences.
    pub flagged: usize,
    /// The page says it comes from an automatic feed.
    pub disclosed_automatic: bool,
}

/// Data of the MT rules.
#[derive(Debug)]
pub struct MtGrammar {}

impl MtGrammar {
    /// Load the MT rule files.
    pub fn load(_set: &GrammarSet) -> Result<Self, GrammarError> {
        Ok(MtGrammar {})
    }
}

/// Run the MT rules over an analysed document, filling `sentence.mt`, `doc.mt` and findings.
pub fn analyze(_doc: &mut Document, _g: &MtGrammar) {}
