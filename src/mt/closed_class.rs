//! M005 closed-class near-miss: a slot that takes a weekday or a month holds a word that almost
//! is one, and is not a word of Hindi.
//!
//! What it catches: "समाचार एजेंसी ने सुंदरय को बताया" — "Sunday" garbled into a non-word in the slot
//! where a day goes. A token unknown to native news, before को/से/तक or after पिछले/बीते/अगले/इस,
//! whose romanisation is within a small distance of a weekday or month name (Hindi or English)
//! without being one.
//! Why: the date of an event is a fact; a garbled day name hides when something happened (and
//! here turned "reported on Sunday" into "told Sunday").

use serde::Deserialize;

use crate::error::GrammarError;
use crate::finding::{CodeDoc, Severity};
use crate::grammar::GrammarSet;
use crate::mt::normalize::{Script, norm_word};
use crate::mt::{DocView, Evidence};
use crate::romanize::{roman, roman_similarity};

/// `tathya explain M005`.
pub const DOC: CodeDoc = CodeDoc {
    code: "M005",
    name: "mt-closed-class-near-miss",
    severity: Severity::Error,
    what: "A non-word in a weekday or month slot that is a near miss of a weekday or month name (\"सुंदरय को\" for Sunday).",
    why: "When something happened is a fact; a garbled day or month name hides it, and usually garbles the sentence around it too.",
    example: "आधिकारिक कोरियाई केंद्र समाचार एजेंसी ने सुंदरय को बताया।",
};

#[derive(Debug, Deserialize)]
struct Raw {
    names: Vec<String>,
    after: Vec<String>,
    before: Vec<String>,
    min_similarity: f64,
    weight: f64,
}

/// Weekday and month names (romanised), and the slot words.
#[derive(Debug)]
pub struct Data {
    names: Vec<String>,
    skeletons: Vec<String>,
    after: Vec<String>,
    before: Vec<String>,
    min_similarity: f64,
    weight: f64,
}

impl Data {
    /// Load `hi/mt/closed_class.toml`.
    pub fn load(set: &GrammarSet) -> Result<Self, GrammarError> {
        let raw: Raw = set.parse("hi/mt/closed_class.toml")?;
        let skeletons = raw
            .names
            .iter()
            .map(|n| {
                if n.is_ascii() {
                    crate::romanize::en_skeleton(n)
                } else {
                    crate::romanize::deva_skeleton(&norm_word(n))
                }
            })
            .collect();
        Ok(Data {
            skeletons,
            names: raw
                .names
                .iter()
                .map(|n| {
                    if n.is_ascii() {
                        n.to_ascii_lowercase()
                    } else {
                        roman(&norm_word(n))
                    }
                })
                .collect(),
            after: raw.after.iter().map(|w| norm_word(w)).collect(),
            before: raw.before.iter().map(|w| norm_word(w)).collect(),
            min_similarity: raw.min_similarity,
            weight: raw.weight,
        })
    }
}

/// Check every token in a day/month slot.
pub fn check(v: &DocView, out: &mut Vec<Evidence>) {
    let d = &v.g.closed_class;
    for s in &v.sents {
        let t = &s.tokens;
        for i in 0..t.len() {
            let tok = &t[i];
            if tok.script != Script::Deva || v.word(tok).band > 0 || v.in_name(tok.span()) {
                continue;
            }
            let slot = t
                .get(i + 1)
                .is_some_and(|n| d.after.iter().any(|w| **w == *n.norm))
                || (i > 0 && d.before.iter().any(|w| **w == *t[i - 1].norm));
            if !slot {
                continue;
            }
            // A spelling variant (अप्रेल, नवम्बर) sounds exactly like a name: not a near miss.
            if d.skeletons
                .contains(&crate::romanize::deva_skeleton(&tok.norm))
            {
                continue;
            }
            let r = roman(&tok.norm);
            let len = r.chars().count();
            if len < 5 {
                continue;
            }
            let best = d
                .names
                .iter()
                .filter(|n| n.chars().count().abs_diff(len) <= 3)
                .map(|n| (roman_similarity(&r, n), n))
                .max_by(|a, b| a.0.total_cmp(&b.0));
            if let Some((sim, name)) = best
                && sim >= d.min_similarity
                && sim < 1.0
            {
                out.push(Evidence {
                    code: &DOC,
                    span: tok.span(),
                    message: format!(
                        "“{}” stands where a day or month goes and is a near miss of “{name}”",
                        v.slice(tok.span())
                    ),
                    weight: d.weight,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::mt::testing::hits;

    #[test]
    fn a_garbled_sunday() {
        assert_eq!(
            hits("कोरियाई केंद्र समाचार एजेंसी ने सुंदरय को बताया।", "M005"),
            vec!["सुंदरय"]
        );
    }

    #[test]
    fn real_weekdays_and_words_are_fine() {
        assert!(hits("एजेंसी ने रविवार को बताया कि संडे को बैठक होगी।", "M005").is_empty());
        assert!(hits("उन्होंने सुंदर को बताया।", "M005").is_empty());
        assert!(hits("इसका आयोजन अप्रेल से जून तक हुआ और 3 नवम्बर को खत्म हुआ।", "M005").is_empty());
    }
}
