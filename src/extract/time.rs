//! Times: dates, weekdays, months, years and relative expressions, resolved against the
//! publication date.

use crate::claim::Claim;
use crate::error::GrammarError;
use crate::extract::ExtractCtx;
use crate::grammar::GrammarSet;

/// Month and weekday names, relative expressions.
#[derive(Debug)]
pub struct TimeGrammar {}

impl TimeGrammar {
    /// Load the time grammar files.
    pub fn load(_set: &GrammarSet) -> Result<Self, GrammarError> {
        Ok(TimeGrammar {})
    }
}

/// Every time expression in the body sentences.
pub fn extract(_ctx: &ExtractCtx) -> Vec<Claim> {
    Vec::new()
}
