//! Quotes: direct, fragment, scare, unmarked and indirect speech, with speakers.
//!
//! The work is done by the speech pass ([`crate::extract::speech`]); this module owns the quote
//! finding codes and hands the pipeline the quote claims and unbalanced-mark findings.

use crate::claim::Claim;
use crate::extract::ExtractCtx;
use crate::finding::{CodeDoc, Finding, Severity};

pub use crate::extract::speech::grammar::SpeechGrammar;

/// Finding codes of the quote extractor.
pub const CODES: &[CodeDoc] = &[CodeDoc {
    code: "Q001",
    name: "unbalanced-quote",
    severity: Severity::Warning,
    what: "A quote mark that has no partner of its type (“ without ”, ‘ without ’, an odd straight \" \
           or '), after a quotation left open at the end of a paragraph is allowed to continue into \
           the next one.",
    why: "An unclosed quotation hides where the speaker's words end, so the quote cannot be checked \
          against other sources; in translated copy it often means the quote was cut or mangled.",
    example: "उत्तर कोरिया ने जून में वॉन्सन ‘कलमा कोस्टल टूरिस्ट क्षेत्र को खोल दिया।",
}];

/// Quote claims and quote findings (unbalanced marks).
pub fn extract(ctx: &ExtractCtx) -> (Vec<Claim>, Vec<Finding>) {
    let s = crate::extract::speech::analyze(ctx);
    (s.quotes, s.findings)
}

#[cfg(test)]
mod tests {
    #[test]
    fn codes_are_explained() {
        assert_eq!(
            crate::codes::lookup("Q001").map(|c| c.name),
            Some("unbalanced-quote")
        );
        assert_eq!(
            crate::codes::lookup("unbalanced-quote").map(|c| c.code),
            Some("Q001")
        );
    }
}
