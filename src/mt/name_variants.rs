//! M006 name-two-ways: one foreign name spelled two ways in one article.
//!
//! What it catches: "क्यूरीलो बुडन … बडनोव के मूल्यांकन" — Budanov written as बुडन and as बडनोव. Two
//! name-like tokens (unknown to native news, not English words) whose romanisations are close
//! and share their first sound, yet differ in their consonants. The later spelling gets the
//! evidence; the finding points back to the first.
//! Why: an editor spells a name one way; a machine translating sentence by sentence does not,
//! and a reader (or a cross-source check) may take two spellings for two people. Weak on its own:
//! distinct people can have similar names.

use serde::Deserialize;

use crate::finding::{CodeDoc, Severity};
use crate::mt::normalize::Script;
use crate::mt::{DocView, Evidence};
use crate::romanize::{deva_skeleton, roman, roman_similarity};

/// `tathya explain M006`.
pub const DOC: CodeDoc = CodeDoc {
    code: "M006",
    name: "mt-name-two-ways",
    severity: Severity::Warning,
    what: "One foreign name spelled two ways in the same article (\"बुडन\" / \"बडनोव\").",
    why: "Editors keep one spelling; sentence-by-sentence machine translation does not, and two spellings read as two people.",
    example: "… क्यूरीलो बुडन ने ब्लूमबर्ग न्यूज को बताया। … ब्लूमबर्ग स्वतंत्र रूप से बडनोव के मूल्यांकन को सत्यापित नहीं कर सकते।",
};

/// Thresholds from `hi/mt/name_variants.toml`.
#[derive(Debug, Deserialize)]
pub struct Data {
    min_similarity: f64,
    min_chars: usize,
    weight: f64,
}

struct Cand<'a> {
    start: usize,
    end: usize,
    norm: &'a str,
    roman: String,
    skeleton: String,
}

/// Distinct name spellings each spelling is compared with, at most (the first ones in the text).
pub const MAX_NAMES_COMPARED: usize = 512;

/// Compare every pair of name-like tokens in the body.
pub fn check(v: &DocView, out: &mut Vec<Evidence>) {
    let d = &v.g.name_variants;
    let by_entity = check_entities(v, out);
    let mut cands: Vec<Cand> = Vec::new();
    for s in &v.sents {
        for (i, t) in s.tokens.iter().enumerate() {
            if t.script != Script::Deva
                || t.norm.chars().count() < d.min_chars
                || v.word(t).band > 0
                || v.word(t).function
                || v.english(t).is_some()
            {
                continue;
            }
            // A name: capitalised in spirit — next to another unknown word, a title, or ने/के/की/का.
            let next_case = s
                .tokens
                .get(i + 1)
                .is_some_and(|n| matches!(&*n.norm, "ने" | "के" | "की" | "का"));
            if !(v.is_name_like(s, i) || next_case) {
                continue;
            }
            cands.push(Cand {
                start: t.start,
                end: t.end,
                norm: &t.norm,
                roman: roman(&t.norm),
                skeleton: deva_skeleton(&t.norm),
            });
        }
    }
    // Each spelling once, at its first occurrence (a later one adds nothing to compare).
    let mut seen: crate::tokens::FxHashSet<&str> = Default::default();
    let cands: Vec<Cand> = cands.into_iter().filter(|c| seen.insert(c.norm)).collect();
    if cands.len() > MAX_NAMES_COMPARED {
        let c = &cands[MAX_NAMES_COMPARED];
        out.push(Evidence {
            code: &crate::finding::document::LIMIT_REACHED,
            span: crate::span::Span::new(c.start, c.end),
            message: format!(
                "{} name spellings from here on compared only with the first {MAX_NAMES_COMPARED}",
                cands.len() - MAX_NAMES_COMPARED
            ),
            weight: 0.0,
        });
    }
    for (j, b) in cands.iter().enumerate() {
        let first = cands[..j.min(MAX_NAMES_COMPARED)].iter().find(|a| {
            a.norm != b.norm
                && a.roman.chars().next() == b.roman.chars().next()
                && a.skeleton != b.skeleton
                // One is not just the other with an ending (ज़खारोव / ज़खारोवा are two people).
                && !a.roman.starts_with(&b.roman)
                && !b.roman.starts_with(&a.roman)
                && (roman_similarity(&a.roman, &b.roman) >= d.min_similarity
                    || one_more_consonant(&a.skeleton, &b.skeleton))
        });
        if let Some(a) = first {
            if by_entity
                .iter()
                .any(|x| x.start <= b.start && b.end <= x.end)
            {
                continue;
            }
            out.push(Evidence {
                code: &DOC,
                span: crate::span::Span::new(b.start, b.end),
                message: format!(
                    "“{}” looks like “{}” spelled another way earlier in the article",
                    v.slice(crate::span::Span::new(b.start, b.end)),
                    v.slice(crate::span::Span::new(a.start, a.end))
                ),
                weight: d.weight,
            });
        }
    }
}

/// Two mentions of one entity (alias tables) whose last words are spelled differently, beyond an
/// ending: "बुडन" / "बडनोव" both for Kyrylo Budanov.
/// Returns the spans it flagged.
fn check_entities(v: &DocView, out: &mut Vec<Evidence>) -> Vec<crate::span::Span> {
    let d = &v.g.name_variants;
    let mut emitted: Vec<crate::span::Span> = Vec::new();
    // Only people: organisations are named by acronym and by full name ("केसीएनए" and
    // "कोरियन सेंट्रल न्यूज एजेंसी") in the same human-written article, which is no error.
    for e in v.entities.iter().filter(|e| e.kind == "person") {
        let mut firsts: Vec<(String, crate::span::Span)> = Vec::new();
        // The word lists of the entity's mentions, each once, with its first start.
        let mut forms: Vec<(Vec<String>, usize)> = Vec::new();
        for o in &e.mentions {
            let ow: Vec<String> = o
                .text
                .split_whitespace()
                .map(crate::mt::normalize::norm_word)
                .collect();
            if let Some(k) = forms.iter().position(|(w, _)| *w == ow) {
                forms[k].1 = forms[k].1.min(o.start);
            } else if forms.len() < MAX_NAMES_COMPARED {
                forms.push((ow, o.start));
            }
        }
        for m in &e.mentions {
            let span = crate::span::Span::new(m.start, m.end);
            let in_body = v.in_body(span);
            let Some(last) = m.text.split_whitespace().last() else {
                continue;
            };
            let last = crate::mt::normalize::norm_word(last);
            if !in_body || last.chars().count() < d.min_chars {
                continue;
            }
            // A shortened form ("किम" after "किम जोंग उन") is not a second spelling: skip a mention
            // whose words all stand in an earlier, longer mention of the same entity.
            let words: Vec<String> = m
                .text
                .split_whitespace()
                .map(crate::mt::normalize::norm_word)
                .collect();
            let shortened = forms.iter().any(|(ow, first)| {
                *first < m.start && ow.len() > words.len() && words.iter().all(|w| ow.contains(w))
            });
            if shortened {
                continue;
            }
            let r = roman(&last);
            let earlier = firsts.iter().find(|(f, _)| {
                let fr = roman(f);
                *f != last
                    && !fr.starts_with(&r)
                    && !r.starts_with(&fr)
                    && deva_skeleton(f) != deva_skeleton(&last)
            });
            if let Some((f, fs)) = earlier {
                if !emitted.iter().rev().take(64).any(|x| x.overlaps(span)) {
                    emitted.push(span);
                    out.push(Evidence {
                        code: &DOC,
                        span,
                        message: format!(
                            "“{}” names {} as “{}” did earlier ({})",
                            v.slice(span),
                            e.entity,
                            v.slice(*fs),
                            f
                        ),
                        weight: d.weight,
                    });
                }
            } else if !firsts.iter().any(|(f, _)| *f == last) {
                firsts.push((last, span));
            }
        }
    }
    emitted
}

/// True when one skeleton is the other plus one final consonant class, over at least three
/// shared classes: "bdn" / "bdnv" (बुडन / बडनोव).
fn one_more_consonant(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() < b.len() { (a, b) } else { (b, a) };
    short.chars().count() >= 3
        && long.chars().count() == short.chars().count() + 1
        && long.starts_with(short)
}

#[cfg(test)]
mod tests {
    use crate::mt::testing::hits;

    #[test]
    fn budanov_two_ways() {
        let t = "खुफिया प्रमुख क्यूरीलो बुडन ने न्यूज को बताया। एजेंसी स्वतंत्र रूप से बडनोव के मूल्यांकन को सत्यापित नहीं कर सकती।";
        assert_eq!(hits(t, "M006"), vec!["बडनोव"]);
    }

    #[test]
    fn one_spelling_or_different_names_are_fine() {
        let t = "मारिया ज़खारोवा ने कहा। ज़खारोवा ने फिर कहा। सर्गेई लावरोव ने भी कहा।";
        assert!(hits(t, "M006").is_empty());
    }
}
