//! M105 length-ratio: a translation far longer or shorter than its original.

use crate::finding::{CodeDoc, Severity};
use crate::mt::{DocView, Evidence, SentView};
use crate::span::Span;

/// `tathya explain M105`.
pub const DOC: CodeDoc = CodeDoc {
    code: "M105",
    name: "mt-length-ratio",
    severity: Severity::Info,
    what: "With --original: the Hindi sentence is far longer or shorter (in characters) than the English one.",
    why: "Loops make translations balloon and omissions shrink them; either way content was added or lost.",
    example: "EN: 12 words — HI: the same sentence with a 40-word loop",
};

/// Compare lengths.
pub fn check(v: &DocView, s: &SentView, src: &str, out: &mut Vec<Evidence>) {
    let d = &v.g.bilingual;
    let hl = v.slice(Span::new(s.start, s.end)).chars().count() as f64;
    let el = src.chars().count() as f64;
    if el < 20.0 {
        return;
    }
    let r = hl / el;
    if r < d.min_length_ratio || r > d.max_length_ratio {
        out.push(Evidence {
            code: &DOC,
            span: Span::new(s.start, s.end),
            message: format!("the translation is {r:.1} times the original's length"),
            weight: d.weight("M105"),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mt::testing::g;

    #[test]
    fn far_too_long() {
        let hi = "उत्तरी मिनी ".repeat(20);
        let v = DocView::single(&hi, g());
        let mut out = Vec::new();
        check(
            &v,
            &v.sents[0],
            "The main plants were at East Point.",
            &mut out,
        );
        assert_eq!(out.len(), 1);
    }
}
