//! M007 name-translated: a part of a foreign name translated as a word.
//!
//! What it catches: "चोए सोन हुई" early in an article and "चोए बेटा हुई" later — the Korean name part
//! "Son" translated as बेटा (son). A name-like token pair (a, y) seen earlier and (a, x) later,
//! where x is a Hindi word that translates the English word y sounds like (from a table of
//! name parts that are also English words: Son, Young, Moon, Rose, Bill, King …).
//! Why: the person disappears; a reader sees "Choe's son Hui". It changes who is being reported.

use serde::Deserialize;

use crate::error::GrammarError;
use crate::finding::{CodeDoc, Severity};
use crate::grammar::GrammarSet;
use crate::mt::normalize::{Script, Token, norm_word};
use crate::mt::{DocView, Evidence};
use crate::romanize::{roman, roman_similarity};
use crate::span::Span;

/// `tathya explain M007`.
pub const DOC: CodeDoc = CodeDoc {
    code: "M007",
    name: "mt-name-translated",
    severity: Severity::Error,
    what: "Part of a foreign name translated as a word: \"चोए सोन हुई\" earlier, \"चोए बेटा हुई\" later (Son → बेटा).",
    why: "The person disappears from the sentence: the reader meets somebody's \"son\" instead of a foreign minister.",
    example: "चोए बेटा हुई ने मास्को की यात्रा के दौरान नवंबर में पुतिन और लावरोव के साथ मुलाकात की।",
};

#[derive(Debug, Deserialize)]
struct Part {
    en: String,
    hi: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct Raw {
    part: Vec<Part>,
    min_similarity: f64,
    weight: f64,
}

/// English name parts and their Hindi translations.
#[derive(Debug)]
pub struct Data {
    parts: Vec<(String, Vec<String>)>,
    min_similarity: f64,
    weight: f64,
}

impl Data {
    /// Load `hi/mt/name_translated.toml`.
    pub fn load(set: &GrammarSet) -> Result<Self, GrammarError> {
        let raw: Raw = set.parse("hi/mt/name_translated.toml")?;
        Ok(Data {
            parts: raw
                .part
                .into_iter()
                .map(|p| (p.en, p.hi.iter().map(|h| norm_word(h)).collect()))
                .collect(),
            min_similarity: raw.min_similarity,
            weight: raw.weight,
        })
    }

    /// True when `en` is one of the English name parts of the table.
    pub fn has_part(&self, en: &str) -> bool {
        self.parts.iter().any(|(p, _)| p == en)
    }

    /// The English name part `y` sounds like, if the Hindi word `x` translates it.
    fn translates(&self, y: &str, x: &str) -> Option<&str> {
        let r = roman(y);
        self.parts
            .iter()
            .find(|(en, hi)| {
                hi.iter().any(|h| h == x) && roman_similarity(&r, en) >= self.min_similarity
            })
            .map(|(en, _)| en.as_str())
    }
}

/// Compare name pairs across the article.
pub fn check(v: &DocView, out: &mut Vec<Evidence>) {
    let d = &v.g.name_translated;
    // Name-like neighbours seen so far, by (anchor, anchor-is-left): each spelling once, at its
    // first occurrence, in text order (so the first one that differs is found at once).
    let mut seen: crate::tokens::FxHashMap<(&str, bool), Vec<&Token>> = Default::default();
    let mut distinct: crate::tokens::FxHashSet<(&str, bool, &str)> = Default::default();
    for s in &v.sents {
        let t = &s.tokens;
        for i in 0..t.len() {
            let a = &t[i];
            if a.script != Script::Deva || v.word(a).band > 0 || v.word(a).function {
                continue;
            }
            for (j, left) in [(i + 1, true), (i.wrapping_sub(1), false)] {
                let Some(x) = t.get(j) else {
                    continue;
                };
                if x.script != Script::Deva {
                    continue;
                }
                // Later: a Hindi word next to the anchor that translates an earlier neighbour.
                if let Some(y) = seen
                    .get(&(&*a.norm, left))
                    .and_then(|ys| ys.iter().find(|y| y.norm != x.norm))
                    && let Some(en) = d.translates(&y.norm, &x.norm)
                {
                    let span = if left {
                        Span::new(a.start, x.end)
                    } else {
                        Span::new(x.start, a.end)
                    };
                    out.push(Evidence {
                        code: &DOC,
                        span,
                        message: format!(
                            "“{}” translates the name part “{}” (“{en}”) as a word",
                            v.slice(x.span()),
                            v.slice(y.span())
                        ),
                        weight: d.weight,
                    });
                    continue;
                }
                if v.word(x).band == 0
                    && !v.word(x).function
                    && distinct.insert((&a.norm, left, &x.norm))
                {
                    seen.entry((&a.norm, left)).or_default().push(x);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::mt::testing::hits;

    #[test]
    fn son_translated_as_beta() {
        let t =
            "लावरोव ने अपने उत्तर कोरियाई समकक्ष चोए सोन हुई से बात की।\nचोए बेटा हुई ने मास्को की यात्रा की।";
        assert_eq!(hits(t, "M007"), vec!["चोए बेटा"]);
    }

    #[test]
    fn a_real_son_is_fine() {
        let t = "चोए सोन हुई ने बात की। किसान का बेटा घर गया।";
        assert!(hits(t, "M007").is_empty());
    }
}
