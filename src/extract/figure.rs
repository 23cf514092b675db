//! Figures: counts, percents, ordinals, durations, money, measures and years.

use crate::claim::Claim;
use crate::error::GrammarError;
use crate::extract::ExtractCtx;
use crate::grammar::GrammarSet;

/// Number words, scales, units and qualifiers.
#[derive(Debug)]
pub struct FigureGrammar {}

impl FigureGrammar {
    /// Load the figure grammar files.
    pub fn load(_set: &GrammarSet) -> Result<Self, GrammarError> {
        Ok(FigureGrammar {})
    }
}

/// Every figure in the body sentences.
pub fn extract(_ctx: &ExtractCtx) -> Vec<Claim> {
    Vec::new()
}
