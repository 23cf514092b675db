//! Entities: person, organisation and place mentions, canonicalised through alias tables
//! and romanisation.

use serde::Serialize;

use crate::claim::Claim;
use crate::error::GrammarError;
use crate::extract::ExtractCtx;
use crate::grammar::GrammarSet;

/// A canonical entity and its mentions in one document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entity {
    /// Canonical name.
    pub entity: String,
    /// person, organisation or place.
    pub kind: String,
    /// Where it is mentioned.
    pub mentions: Vec<EntityMention>,
}

/// One mention of an entity.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntityMention {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The words as written.
    pub text: String,
}

/// Alias tables and titles.
#[derive(Debug)]
pub struct EntityGrammar {}

impl EntityGrammar {
    /// Load the entity grammar files.
    pub fn load(_set: &GrammarSet) -> Result<Self, GrammarError> {
        Ok(EntityGrammar {})
    }
}

/// The document's entities, given its claims (speakers and sources are mentions too).
pub fn extract(_ctx: &ExtractCtx, _claims: &[Claim]) -> Vec<Entity> {
    Vec::new()
}
