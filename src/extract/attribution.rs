//! Attributions: per whom a statement is reported (के अनुसार, के हवाले से, according to, citing),
//! with the chain of intermediaries ("योनहाप ने केसीएनए के हवाले से बताया": Yonhap via KCNA) and
//! agency credits ("(आईएएनएस)").
//!
//! The work is done by the speech pass ([`crate::extract::speech`]), which also needs the
//! attributions to give each quote its source chain.

use crate::claim::Claim;
use crate::extract::ExtractCtx;

/// Every attribution in the body sentences (and agency credit lines).
pub fn extract(ctx: &ExtractCtx) -> Vec<Claim> {
    crate::extract::speech::analyze(ctx).attributions
}
