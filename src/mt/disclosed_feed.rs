//! M012 disclosed-automatic-feed: the page says it was generated from an automatic feed.
//!
//! What it catches: disclosures such as "यह लेख पाठ में संशोधन के बिना एक स्वचालित समाचार एजेंसी फ़ीड से
//! उत्पन्न हुआ था" or "This story has not been edited … auto-generated from a syndicated feed".
//! Why: such a page was published without an editor; every sentence deserves a second look. The
//! disclosure is a fact about the document (`disclosed_automatic` in the summary), not a
//! translation error, so it never flags a sentence. It is read anywhere in the page, chrome too.

use aho_corasick::AhoCorasick;
use serde::Deserialize;

use crate::analysis::Document;
use crate::error::GrammarError;
use crate::finding::{CodeDoc, Severity};
use crate::grammar::GrammarSet;
use crate::mt::MtGrammar;
use crate::mt::normalize::norm_word;
use crate::span::Span;

/// `tathya explain M012`.
pub const DOC: CodeDoc = CodeDoc {
    code: "M012",
    name: "mt-disclosed-automatic-feed",
    severity: Severity::Info,
    what: "The page discloses that it was generated from an automatic (news-agency or syndicated) feed without editing.",
    why: "Nobody edited the text: its translation errors went out as they were. The document summary carries it as `disclosed_automatic`.",
    example: "यह लेख पाठ में संशोधन के बिना एक स्वचालित समाचार एजेंसी फ़ीड से उत्पन्न हुआ था।",
};

#[derive(Debug, Deserialize)]
struct Raw {
    phrases: Vec<String>,
}

/// Disclosure phrases (matched on normalised text, case-insensitive for Latin).
#[derive(Debug)]
pub struct Data {
    ac: Option<AhoCorasick>,
}

impl Data {
    /// Load `hi/mt/disclosed_feed.toml`.
    pub fn load(set: &GrammarSet) -> Result<Self, GrammarError> {
        let raw: Raw = set.parse("hi/mt/disclosed_feed.toml")?;
        let pats: Vec<String> = raw.phrases.iter().map(|p| norm_word(p)).collect();
        Ok(Data {
            ac: AhoCorasick::new(&pats).ok(),
        })
    }
}

/// The span of the line that discloses an automatic feed, if any.
pub fn find(doc: &Document, g: &MtGrammar) -> Option<Span> {
    let ac = g.disclosed_feed.ac.as_ref()?;
    let mut start = 0;
    let mut folded = String::new();
    for line in doc.text.split_inclusive('\n') {
        let trimmed = line.trim();
        folded.clear();
        crate::tokens::fold_into(trimmed, &mut folded);
        if !trimmed.is_empty() && ac.is_match(&folded) {
            let lead = line.len() - line.trim_start().len();
            return Some(Span::new(start + lead, start + lead + trimmed.len()));
        }
        start += line.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::mt::testing::hits;

    #[test]
    fn hindi_and_english_disclosures() {
        let t = "रूस ने कहा।\nयह लेख पाठ में संशोधन के बिना एक स्वचालित समाचार एजेंसी फ़ीड से उत्पन्न हुआ था।\n";
        assert_eq!(hits(t, "M012").len(), 1);
        let e = "Text.\n(This story has not been edited by staff and is auto-generated from a syndicated feed.)\n";
        assert_eq!(hits(e, "M012").len(), 1);
        assert!(hits("समाचार एजेंसी ने कहा कि फ़ीड बंद है।", "M012").is_empty());
    }
}
