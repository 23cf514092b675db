//! M106 repetition-beyond-source: a word repeated more often than in the original.

use crate::finding::{CodeDoc, Severity};
use crate::mt::bilingual::en_words;
use crate::mt::normalize::Script;
use crate::mt::{DocView, Evidence, SentView};
use crate::span::Span;

/// `tathya explain M106`.
pub const DOC: CodeDoc = CodeDoc {
    code: "M106",
    name: "mt-repetition-beyond-source",
    severity: Severity::Warning,
    what: "With --original: a content word occurs in the Hindi sentence at least four times and at least two more times than any word of the English.",
    why: "A decoder loop repeats what the source said once.",
    example: "EN: the patients — HI: मरीजों की मरीजों की मरीजों को",
};

/// Compare the most repeated content word with the original's.
pub fn check(v: &DocView, s: &SentView, src: &str, out: &mut Vec<Evidence>) {
    let d = &v.g.bilingual;
    let mut counts: std::collections::BTreeMap<&str, (usize, usize)> = Default::default();
    for (k, t) in s.tokens.iter().enumerate() {
        if t.script == Script::Number || v.word(t).function || t.norm.chars().count() < 2 {
            continue;
        }
        // Reduplication ("अलग-अलग", "सुबह-सुबह") counts once.
        if k > 0 && s.tokens[k - 1].norm == t.norm {
            continue;
        }
        counts.entry(&*t.norm).or_insert((0, k)).0 += 1;
    }
    let Some((w, (n, first))) = counts
        .iter()
        .max_by_key(|(w, (n, _))| (*n, std::cmp::Reverse(*w)))
    else {
        return;
    };
    let mut en_counts: std::collections::BTreeMap<String, usize> = Default::default();
    for (_, ew) in en_words(src) {
        if ew.len() > 3 {
            *en_counts.entry(ew.to_ascii_lowercase()).or_default() += 1;
        }
    }
    let en_max = en_counts.values().copied().max().unwrap_or(0);
    if *n >= 4 && *n >= en_max + 2 {
        let t = &s.tokens[*first];
        out.push(Evidence {
            code: &DOC,
            span: Span::new(t.start, t.end),
            message: format!("“{w}” occurs {n} times; no word of the original more than {en_max}"),
            weight: d.weight("M106"),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mt::testing::g;

    #[test]
    fn loop_beyond_source() {
        let v = DocView::single("मरीजों की मरीजों की मरीजों को मरीजों प्रभावित करता है।", g());
        let mut out = Vec::new();
        check(&v, &v.sents[0], "It affects patients dominantly.", &mut out);
        assert_eq!(out.len(), 1);
    }
}
