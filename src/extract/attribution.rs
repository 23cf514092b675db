//! Attributions: per whom a statement is reported (के अनुसार, के हवाले से, according to, citing).

use crate::claim::Claim;
use crate::extract::ExtractCtx;

/// Every attribution in the body sentences.
pub fn extract(_ctx: &ExtractCtx) -> Vec<Claim> {
    Vec::new()
}
