//! Cross-source consistency: stories, claim groups, verdicts.

use crate::finding::CodeDoc;

/// Codes of the consistency findings.
pub const CODES: &[CodeDoc] = &[];
