//! M004 transliterated-english: an English content word written in Devanagari where Hindi news
//! uses a native word.
//!
//! What it catches: "स्टॉकपाइल" (stockpile → भंडार), "बार्टरिंग" (bartering → वस्तु-विनिमय), "कोस्टल
//! टूरिस्ट" (coastal tourist → तटीय पर्यटन) — from a curated list, and in general any Devanagari token
//! whose sound skeleton matches an English content word while native Hindi news never uses it.
//! Why: a translator renders "stockpile" as भंडार; a machine that does not know the word spells it
//! out. The general detector is weighted by how rare the word is in native Hindi news: words
//! Hindi news has adopted ("लॉकडाउन", "मार्केटिंग") are never evidence, and neither are names —
//! tokens next to other unknown words, titles or ने are left alone.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::error::GrammarError;
use crate::finding::{CodeDoc, Severity};
use crate::grammar::GrammarSet;
use crate::mt::normalize::{Script, norm_word};
use crate::mt::{DocView, Evidence};

/// `tathya explain M004`.
pub const DOC: CodeDoc = CodeDoc {
    code: "M004",
    name: "mt-transliterated-english",
    severity: Severity::Warning,
    what: "An English content word spelled out in Devanagari where Hindi news uses a native word (\"स्टॉकपाइल\", \"बार्टरिंग\", \"कोस्टल टूरिस्ट\").",
    why: "A translator who knows the word translates it; a machine that does not spells it out, and the reader may not understand it. Strong for curated words, weak for the general detector.",
    example: "पश्चिमी सरकारों ने क्रेमलिन पर … बार्टरिंग सैन्य तकनीक का आरोप लगाया है",
};

#[derive(Debug, Deserialize)]
struct Raw {
    curated: BTreeMap<String, String>,
    curated_weight: f64,
    general_weight: f64,
    inflected_weight: f64,
    min_chars: usize,
}

/// Curated transliterations (normalised) with the native word, and weights.
#[derive(Debug)]
pub struct Data {
    curated: BTreeMap<String, String>,
    curated_weight: f64,
    general_weight: f64,
    inflected_weight: f64,
    min_chars: usize,
}

impl Data {
    /// Load `hi/mt/transliteration.toml`.
    pub fn load(set: &GrammarSet) -> Result<Self, GrammarError> {
        let raw: Raw = set.parse("hi/mt/transliteration.toml")?;
        Ok(Data {
            curated: raw
                .curated
                .into_iter()
                .map(|(k, v)| (norm_word(&k), v))
                .collect(),
            curated_weight: raw.curated_weight,
            general_weight: raw.general_weight,
            inflected_weight: raw.inflected_weight,
            min_chars: raw.min_chars,
        })
    }
}

/// Check every Devanagari token of every body sentence.
pub fn check(v: &DocView, out: &mut Vec<Evidence>) {
    let d = &v.g.transliteration;
    for s in &v.sents {
        for (i, t) in s.tokens.iter().enumerate() {
            if t.script != Script::Deva {
                continue;
            }
            if let Some(native) = d.curated.get(&*t.norm) {
                out.push(Evidence {
                    code: &DOC,
                    span: t.span(),
                    message: format!(
                        "“{}” is transliterated English; Hindi news writes “{native}”",
                        v.slice(t.span())
                    ),
                    weight: d.curated_weight,
                });
                continue;
            }
            if t.norm.chars().count() < d.min_chars
                || v.word(t).band > 0
                || v.word(t).function
                || v.is_name_like(s, i)
            {
                continue;
            }
            let Some(en) = v.english(t) else {
                continue;
            };
            let inflected = en.ends_with("ing");
            out.push(Evidence {
                code: &DOC,
                span: t.span(),
                message: format!(
                    "“{}” looks like English “{en}” spelled in Devanagari, unknown to native Hindi news",
                    v.slice(t.span())
                ),
                weight: if inflected {
                    d.inflected_weight
                } else {
                    d.general_weight
                },
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::mt::testing::{g, hits};

    #[test]
    fn curated_and_general() {
        assert_eq!(
            hits("उत्तर कोरिया में बहुत बड़ा स्टॉकपाइल है।", "M004"),
            vec!["स्टॉकपाइल"]
        );
        assert_eq!(
            hits(
                "सरकारों ने हथियारों के लिए बार्टरिंग सैन्य तकनीक का आरोप लगाया।",
                "M004"
            ),
            vec!["बार्टरिंग"]
        );
    }

    #[test]
    fn adopted_loanwords_and_names_are_not_evidence() {
        assert!(hits("सरकार ने लॉकडाउन बढ़ाया और पुलिस तैनात की।", "M004").is_empty());
        // A name before ने.
        assert!(hits("ब्राउन ने कहा कि वे तैयार हैं।", "M004").is_empty());
    }

    #[test]
    fn curated_words_never_occur_in_native_news() {
        let g = g();
        for w in g.transliteration.curated.keys() {
            assert_eq!(g.lexicon.hi_band(w), 0, "{w} occurs in native news");
        }
    }
}
