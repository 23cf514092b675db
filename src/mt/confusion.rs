//! M008 confusion: a known mistranslation — a word that means something else in this context,
//! or a literal calque of an English idiom.
//!
//! What it catches: "सैन्य उपचार पर हस्ताक्षर" (treaty read as treatment), "दोनों काउंटियों" (countries
//! read as counties), "भारी-स्वीकृत राष्ट्र" (sanctioned read as approved), "घड़ी के आसपास" (around the
//! clock, word for word). Each entry is a phrase (token patterns, `*` a prefix) and, for words
//! that are right elsewhere, context words that must be near.
//! Why: these errors change the fact ("a military treatment"), and they recur across machine
//! translations of wire copy, so a lexicon of them catches the same error in the next article.

use serde::Deserialize;

use crate::error::GrammarError;
use crate::finding::{CodeDoc, Severity};
use crate::grammar::GrammarSet;
use crate::mt::normalize::norm_word;
use crate::mt::{DocView, Evidence};
use crate::span::Span;

/// `tathya explain M008`.
pub const DOC: CodeDoc = CodeDoc {
    code: "M008",
    name: "mt-known-confusion",
    severity: Severity::Error,
    what: "A known mistranslation or calque: \"उपचार\" for treaty, \"काउंटियों\" for countries, \"स्वीकृत\" for sanctioned, \"घड़ी के आसपास\" for around the clock.",
    why: "The words are Hindi but the fact is wrong: a treaty became a medical treatment, countries became counties.",
    example: "पिछले साल एक सैन्य उपचार पर हस्ताक्षर करने के बाद दोनों काउंटियों ने संबंधों को गहरा किया है।",
};

#[derive(Debug, Deserialize)]
struct Entry {
    phrase: Vec<String>,
    #[serde(default)]
    near: Vec<String>,
    #[serde(default = "default_window")]
    window: usize,
    meaning: String,
}

fn default_window() -> usize {
    4
}

#[derive(Debug, Deserialize)]
struct Raw {
    entry: Vec<Entry>,
    weight: f64,
}

#[derive(Debug)]
struct Pat {
    text: String,
    prefix: bool,
}

impl Pat {
    fn new(s: &str) -> Self {
        match s.strip_suffix('*') {
            Some(p) => Pat {
                text: norm_word(p),
                prefix: true,
            },
            None => Pat {
                text: norm_word(s),
                prefix: false,
            },
        }
    }
    fn matches(&self, w: &str) -> bool {
        if self.prefix {
            w.starts_with(&self.text)
        } else {
            w == self.text
        }
    }
}

#[derive(Debug)]
struct Compiled {
    phrase: Vec<Pat>,
    near: Vec<Pat>,
    window: usize,
    meaning: String,
}

/// Compiled confusion entries.
#[derive(Debug)]
pub struct Data {
    entries: Vec<Compiled>,
    weight: f64,
}

impl Data {
    /// Load `hi/mt/confusion.toml`.
    pub fn load(set: &GrammarSet) -> Result<Self, GrammarError> {
        let raw: Raw = set.parse("hi/mt/confusion.toml")?;
        Ok(Data {
            entries: raw
                .entry
                .into_iter()
                .filter(|e| !e.phrase.is_empty())
                .map(|e| Compiled {
                    phrase: e.phrase.iter().map(|p| Pat::new(p)).collect(),
                    near: e.near.iter().map(|p| Pat::new(p)).collect(),
                    window: e.window,
                    meaning: e.meaning,
                })
                .collect(),
            weight: raw.weight,
        })
    }
}

/// Match every entry in every body sentence.
pub fn check(v: &DocView, out: &mut Vec<Evidence>) {
    let d = &v.g.confusion;
    for s in &v.sents {
        let t = &s.tokens;
        // Entries may overlap ("भारी स्वीकृत" and "स्वीकृत राष्ट्रों"): one finding per stretch.
        let mut taken: Vec<Span> = Vec::new();
        for e in &d.entries {
            let n = e.phrase.len();
            if t.len() < n {
                continue;
            }
            for i in 0..=t.len() - n {
                if !e
                    .phrase
                    .iter()
                    .zip(&t[i..i + n])
                    .all(|(p, w)| p.matches(&w.norm))
                {
                    continue;
                }
                if !e.near.is_empty() {
                    let lo = i.saturating_sub(e.window);
                    let hi = (i + n + e.window).min(t.len());
                    let near = t[lo..hi]
                        .iter()
                        .enumerate()
                        .filter(|(k, _)| lo + k < i || lo + k >= i + n)
                        .any(|(_, w)| e.near.iter().any(|p| p.matches(&w.norm)));
                    if !near {
                        continue;
                    }
                }
                let span = Span::new(t[i].start, t[i + n - 1].end);
                if taken.iter().any(|x| x.overlaps(span)) {
                    continue;
                }
                taken.push(span);
                out.push(Evidence {
                    code: &DOC,
                    span,
                    message: format!("“{}”: {}", v.slice(span), e.meaning),
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
    fn treaty_countries_and_clock() {
        let t = "पिछले साल एक सैन्य उपचार पर हस्ताक्षर करने के बाद दोनों काउंटियों ने संबंधों को गहरा किया है।";
        assert_eq!(hits(t, "M008"), vec!["उपचार", "काउंटियों"]);
        assert_eq!(
            hits("और उत्पादन घड़ी के आसपास चलता है।", "M008"),
            vec!["घड़ी के आसपास"]
        );
    }

    #[test]
    fn the_right_sense_is_fine() {
        assert!(hits("अस्पताल में मरीजों का उपचार चल रहा है।", "M008").is_empty());
        assert!(hits("कैलिफोर्निया की कई काउंटियों में आग लगी है।", "M008").is_empty());
        assert!(hits("घड़ी के पास चाबी रखी है।", "M008").is_empty());
    }
}
