//! M013 unlike-native-news: a weak score for sentences full of words native Hindi news never uses.
//!
//! What it catches: a sentence where a large share of the content words (names excluded) are
//! unknown to native Hindi news.
//! Why: machine output coins forms that no Hindi writer uses. But this mostly measures "unlike
//! our news corpus" — technical topics and human translations trip it too (AUROC about 0.6) — so
//! it only adds a little to the score and never flags on its own.

use serde::Deserialize;

use crate::finding::{CodeDoc, Severity};
use crate::mt::normalize::Script;
use crate::mt::{DocView, Evidence};
use crate::span::Span;

/// `tathya explain M013`.
pub const DOC: CodeDoc = CodeDoc {
    code: "M013",
    name: "mt-unlike-native-news",
    severity: Severity::Info,
    what: "A large share of the sentence's content words (names excluded) never occur in native Hindi news.",
    why: "Machine output coins forms no Hindi writer uses; but technical text trips this too, so it is weak and never flags alone.",
    example: "रूसी अधिकारियों ने रूस से उत्तर कोरिया में पर्यटकों के प्रवाह में वृद्धि की सुविधा प्रदान की",
};

/// Thresholds from `hi/mt/oov.toml`.
#[derive(Debug, Deserialize)]
pub struct Data {
    min_unknown: usize,
    min_share: f64,
    weight_per_share: f64,
    weight: f64,
}

/// Score every body sentence.
pub fn check(v: &DocView, out: &mut Vec<Evidence>) {
    let d = &v.g.oov;
    for s in &v.sents {
        let mut content = 0usize;
        let mut unknown = 0usize;
        for (i, t) in s.tokens.iter().enumerate() {
            if t.script != Script::Deva || t.norm.chars().count() < 2 || v.word(t).function {
                continue;
            }
            content += 1;
            if v.word(t).band == 0 && !v.is_name_like(s, i) {
                unknown += 1;
            }
        }
        let share = unknown as f64 / content.max(1) as f64;
        if unknown >= d.min_unknown && share >= d.min_share {
            out.push(Evidence {
                code: &DOC,
                span: Span::new(s.start, s.end),
                message: format!(
                    "{unknown} of {content} content words never occur in native Hindi news"
                ),
                // Weight grows with the share, capped: never a flag on its own.
                weight: (share * d.weight_per_share).clamp(0.05, d.weight),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::mt::testing::hits;

    #[test]
    fn ordinary_news_is_known() {
        assert!(hits("सरकार ने राज्य में लॉकडाउन की अवधि बढ़ा दी है।", "M013").is_empty());
    }
}
