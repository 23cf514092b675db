//! M104 date-parity: a weekday or month of the original missing from the translation.

use crate::finding::{CodeDoc, Severity};
use crate::mt::bilingual::en_words;
use crate::mt::{DocView, Evidence, SentView};
use crate::romanize::deva_skeleton;
use crate::span::Span;

/// `tathya explain M104`.
pub const DOC: CodeDoc = CodeDoc {
    code: "M104",
    name: "mt-date-parity",
    severity: Severity::Error,
    what: "With --original: a weekday or month of the English sentence is not in the Hindi translation.",
    why: "When something happened is a fact; \"reported on Sunday\" became \"told सुंदरय\".",
    example: "EN: KCNA reported on Sunday — HI: एजेंसी ने सुंदरय को बताया",
};

/// Compare weekdays and months.
pub fn check(v: &DocView, s: &SentView, src: &str, out: &mut Vec<Evidence>) {
    let d = &v.g.bilingual;
    let words = en_words(src);
    let cap_name = |k: usize| {
        words.get(k).is_some_and(|(_, w)| {
            w.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                && !d.calendar.contains_key(&w.to_ascii_lowercase())
        })
    };
    for (k, (_, w)) in words.iter().enumerate() {
        let w = *w;
        let lw = w.to_ascii_lowercase();
        let Some(forms) = d.calendar.get(&lw) else {
            continue;
        };
        // Part of a title or a name ("The Sunday Times", "Mrs May"), not a date.
        if cap_name(k + 1) || (k > 1 && cap_name(k - 1)) {
            continue;
        }
        // "May" is also a verb; only a capitalised word counts.
        if !w.chars().next().is_some_and(|c| c.is_ascii_uppercase()) {
            continue;
        }
        // Spelling variants (गुरूवार, सितम्बर) sound the same: compare skeletons.
        let skeletons: Vec<String> = forms.iter().map(|f| deva_skeleton(f)).collect();
        if !s.tokens.iter().any(|t| {
            forms.iter().any(|f| **f == *t.norm) || skeletons.contains(&deva_skeleton(&t.norm))
        }) {
            out.push(Evidence {
                code: &DOC,
                span: Span::new(s.start, s.end),
                message: format!("the original's “{w}” is not in the translation"),
                weight: d.weight("M104"),
            });
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mt::testing::g;

    #[test]
    fn a_lost_sunday() {
        let v = DocView::single("एजेंसी ने सुंदरय को बताया।", g());
        let mut out = Vec::new();
        check(&v, &v.sents[0], "the agency reported on Sunday.", &mut out);
        assert_eq!(out.len(), 1);
        let v = DocView::single("द संडे टाइम्स से एक कर्मचारी ने कहा।", g());
        let mut out = Vec::new();
        check(
            &v,
            &v.sents[0],
            "A staff member told The Sunday Times.",
            &mut out,
        );
        assert!(out.is_empty());
        let v = DocView::single("एजेंसी ने गुरूवार को बताया।", g());
        let mut out = Vec::new();
        check(
            &v,
            &v.sents[0],
            "the agency reported on Thursday.",
            &mut out,
        );
        assert!(out.is_empty());
        let v = DocView::single("एजेंसी ने रविवार को बताया।", g());
        let mut out = Vec::new();
        check(&v, &v.sents[0], "the agency reported on Sunday.", &mut out);
        assert!(out.is_empty());
    }
}
