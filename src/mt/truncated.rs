//! M011 truncated: a sentence that stops mid-clause.
//!
//! What it catches: the last sentence of a paragraph that has no terminator and ends on a
//! postposition or conjunction ("… मागादियों से शादी करने के बाद शेर के", "… और"), or — in a long
//! sentence — on a fragment that is no word ("… संवैधानिक रूप से संवैधानि").
//! Why: decoders that run out of length, and segment joins that drop the tail, cut sentences off;
//! the missing tail may have carried the fact. Headlines have no terminator either, but end on a
//! noun or verb, so they are left alone.

use serde::Deserialize;

use crate::error::GrammarError;
use crate::finding::{CodeDoc, Severity};
use crate::grammar::GrammarSet;
use crate::mt::normalize::norm_word;
use crate::mt::{DocView, Evidence};

/// `tathya explain M011`.
pub const DOC: CodeDoc = CodeDoc {
    code: "M011",
    name: "mt-truncated-sentence",
    severity: Severity::Info,
    what: "A sentence without a terminator that ends on a postposition or conjunction, or (when long) on a fragment that is no word: it stops mid-clause.",
    why: "Decoders that run out of length and broken segment joins cut sentences off; the missing tail may have carried the fact.",
    example: "उनकी मां ने मागादियों से शादी करने के बाद उनके",
};

#[derive(Debug, Deserialize)]
struct Raw {
    dangling: Vec<String>,
    min_tokens: usize,
    min_tokens_fragment: usize,
    weight: f64,
}

/// Words a sentence cannot end on.
#[derive(Debug)]
pub struct Data {
    dangling: Vec<String>,
    min_tokens: usize,
    min_tokens_fragment: usize,
    weight: f64,
}

impl Data {
    /// Load `hi/mt/truncated.toml`.
    pub fn load(set: &GrammarSet) -> Result<Self, GrammarError> {
        let raw: Raw = set.parse("hi/mt/truncated.toml")?;
        Ok(Data {
            dangling: raw.dangling.iter().map(|w| norm_word(w)).collect(),
            min_tokens: raw.min_tokens,
            min_tokens_fragment: raw.min_tokens_fragment,
            weight: raw.weight,
        })
    }
}

/// Check the last word of every unterminated sentence.
pub fn check(v: &DocView, out: &mut Vec<Evidence>) {
    let d = &v.g.truncated;
    for s in &v.sents {
        let text = v.slice(crate::span::Span::new(s.start, s.end)).trim_end();
        let terminated = text
            .chars()
            .last()
            .is_some_and(|c| !c.is_alphanumeric() && !matches!(c, ',' | '-' | '–'));
        if terminated || s.tokens.len() < d.min_tokens {
            continue;
        }
        let Some(last) = s.tokens.last() else {
            continue;
        };
        let i = s.tokens.len() - 1;
        let fragment = s.tokens.len() >= d.min_tokens_fragment
            && last.script == crate::mt::normalize::Script::Deva
            && v.word(last).band == 0
            && !v.word(last).function
            && !v.is_name_like(s, i);
        if fragment {
            out.push(Evidence {
                code: &DOC,
                span: last.span(),
                message: format!(
                    "the sentence stops on “{}”, not a word",
                    v.slice(last.span())
                ),
                weight: d.weight,
            });
        } else if d.dangling.iter().any(|w| **w == *last.norm) {
            out.push(Evidence {
                code: &DOC,
                span: last.span(),
                message: format!("the sentence stops on “{}”", v.slice(last.span())),
                weight: d.weight,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::mt::testing::hits;

    #[test]
    fn cut_off_mid_clause() {
        assert_eq!(
            hits("उनकी मां ने उनकी बेटी से शादी करने के बाद उनके साथ", "M011"),
            vec!["साथ"]
        );
        assert!(hits("देश में एक दिन में 386 नए मामले", "M011").is_empty());
        assert!(hits("उनकी मां ने उनकी बेटी से शादी करने के बाद उनके साथ।", "M011").is_empty());
    }
}
