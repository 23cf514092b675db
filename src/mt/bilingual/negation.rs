//! M103 negation-parity: the original negates and the translation does not (or the reverse).

use crate::finding::{CodeDoc, Severity};
use crate::mt::bilingual::en_words;
use crate::mt::{DocView, Evidence, SentView};
use crate::span::Span;

/// `tathya explain M103`.
pub const DOC: CodeDoc = CodeDoc {
    code: "M103",
    name: "mt-negation-parity",
    severity: Severity::Warning,
    what: "With --original: the English sentence has a negation (not, no, never, without) and the Hindi none (नहीं, न, मत, बिना), or the reverse.",
    why: "A lost or added \"not\" reverses the fact.",
    example: "EN: Bloomberg could not independently verify — HI: ब्लूमबर्ग स्वतंत्र रूप से सत्यापित कर सकते",
};

/// Compare negations.
pub fn check(v: &DocView, s: &SentView, src: &str, out: &mut Vec<Evidence>) {
    let d = &v.g.bilingual;
    let en_neg = en_words(src).iter().any(|(_, w)| {
        let w = w.to_ascii_lowercase();
        d.en_negation.contains(&w) || w.ends_with("n't")
    }) || src.to_ascii_lowercase().contains("n't");
    let hi_neg = s
        .tokens
        .iter()
        .any(|t| d.hi_negation.iter().any(|w| **w == *t.norm));
    if en_neg && !hi_neg {
        out.push(Evidence {
            code: &DOC,
            span: Span::new(s.start, s.end),
            message: "the original negates; the translation does not".into(),
            weight: d.weight("M103"),
        });
    } else if hi_neg && !en_neg {
        out.push(Evidence {
            code: &DOC,
            span: Span::new(s.start, s.end),
            message: "the translation negates; the original does not".into(),
            weight: d.weight("M103") * 0.7,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mt::testing::g;

    #[test]
    fn a_lost_not() {
        let v = DocView::single("ब्लूमबर्ग स्वतंत्र रूप से सत्यापित कर सकते।", g());
        let mut out = Vec::new();
        check(
            &v,
            &v.sents[0],
            "Bloomberg could not independently verify it.",
            &mut out,
        );
        assert_eq!(out.len(), 1);
        let v = DocView::single("ब्लूमबर्ग स्वतंत्र रूप से सत्यापित नहीं कर सकते।", g());
        let mut out = Vec::new();
        check(
            &v,
            &v.sents[0],
            "Bloomberg could not independently verify it.",
            &mut out,
        );
        assert!(out.is_empty());
    }
}
