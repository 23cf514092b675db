//! M010 glued-words: two words run together.
//!
//! What it catches: a script change inside a word ("कोरियाNews", "सेना6000"), and a token unknown
//! to native news that is a common word with a postposition glued on ("भारतके", "सरकारने").
//! Why: pipelines that strip markup or re-join segments glue words; editors separate them.
//! Weak: scraped pages glue words too, where links were removed.

use serde::Deserialize;

use crate::finding::{CodeDoc, Severity};
use crate::mt::normalize::Script;
use crate::mt::{DocView, Evidence};

/// `tathya explain M010`.
pub const DOC: CodeDoc = CodeDoc {
    code: "M010",
    name: "mt-glued-words",
    severity: Severity::Info,
    what: "Two words run together: a script change inside a word (\"कोरियाNews\") or a postposition glued to a word (\"भारतके\").",
    why: "Machine pipelines that strip markup or join segments glue words; an editor separates them.",
    example: "सरकारने कहा कि भारतके सभी राज्यों में",
};

/// Data from `hi/mt/glued.toml`.
#[derive(Debug, Deserialize)]
pub struct Data {
    suffixes: Vec<String>,
    weight: f64,
}

/// Check every token.
pub fn check(v: &DocView, out: &mut Vec<Evidence>) {
    let d = &v.g.glued;
    for s in &v.sents {
        for (i, t) in s.tokens.iter().enumerate() {
            let prev = i.checked_sub(1).and_then(|k| s.tokens.get(k));
            if t.glued
                && let Some(p) = prev
                && (p.script == Script::Deva || t.script == Script::Deva)
                && !(p.script == Script::Number || t.script == Script::Number)
            {
                let span = crate::span::Span::new(p.start, t.end);
                out.push(Evidence {
                    code: &DOC,
                    span,
                    message: format!("“{}” runs two scripts together", v.slice(span)),
                    weight: d.weight,
                });
                continue;
            }
            if t.script != Script::Deva || v.word(t).band > 0 {
                continue;
            }
            let split = d.suffixes.iter().find_map(|suf| {
                let stem = t.norm.strip_suffix(suf.as_str())?;
                (stem.chars().count() >= 3 && v.g.lexicon.hi_band(stem) >= 2).then_some((stem, suf))
            });
            if let Some((stem, suf)) = split {
                out.push(Evidence {
                    code: &DOC,
                    span: t.span(),
                    message: format!(
                        "“{}” reads as “{stem} {suf}” run together",
                        v.slice(t.span())
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
    fn glued_postposition_and_scripts() {
        assert_eq!(hits("सरकारने कहा कि सब ठीक है।", "M010"), vec!["सरकारने"]);
        assert_eq!(hits("कोरियाNews ने बताया।", "M010"), vec!["कोरियाNews"]);
        assert!(hits("सरकार ने 6000 सैनिक भेजे और 70वीं वर्षगांठ मनाई।", "M010").is_empty());
    }
}
