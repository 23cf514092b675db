//! The vocabularies the MT rules compare against: how often a Hindi word form occurs in native
//! Hindi news, and which English content words a Devanagari token may be a transliteration of.
//!
//! Both lists are derived data (`scripts/build_mt_lexicons.py`): the Hindi bands come from one half
//! of the native news corpora (the other half measures false alarms), the English words are the
//! lowercase words of NTREX-128's English side plus a curated list. A word that native Hindi
//! news uses often is never evidence, however English it sounds ("लॉकडाउन").

use crate::tokens::{FxHashMap as HashMap, FxHashSet as HashSet};

use serde::Deserialize;

use crate::error::GrammarError;
use crate::grammar::GrammarSet;
use crate::mt::normalize::norm_word;
use crate::romanize::{en_skeleton, roman, roman_similarity};

#[derive(Debug, Deserialize)]
struct HiFile {
    common: String,
    seen: String,
}

#[derive(Debug, Deserialize)]
struct EnFile {
    words: String,
}

/// Hindi frequency bands and English skeletons, built on first use from the word lists: building
/// them is most of the cost of loading the grammars, and `--no-mt` never needs them.
#[derive(Debug, Default)]
pub struct Lexicon {
    /// The whitespace-separated lists: common Hindi, seen Hindi, English.
    lists: [String; 3],
    maps: std::sync::OnceLock<Maps>,
}

/// The lookup tables of a [`Lexicon`].
#[derive(Debug, Default)]
struct Maps {
    hi: HashMap<String, u8>,
    /// English consonant skeleton → English forms with that skeleton.
    en: HashMap<String, Vec<String>>,
    en_words: HashSet<String>,
}

/// Shortest English skeleton the transliteration detector compares (shorter ones collide by chance).
const MIN_SKELETON: usize = 4;

impl Lexicon {
    /// Load `hi/mt/lexicon_hi.toml` and `hi/mt/english_words.toml`.
    pub fn load(set: &GrammarSet) -> Result<Self, GrammarError> {
        let hi: HiFile = set.parse("hi/mt/lexicon_hi.toml")?;
        let en: EnFile = set.parse("hi/mt/english_words.toml")?;
        Ok(Lexicon {
            lists: [hi.common, hi.seen, en.words],
            maps: std::sync::OnceLock::new(),
        })
    }

    /// Build from whitespace-separated lists: common Hindi words, seen Hindi words, English words.
    pub fn from_words(common: &str, seen: &str, english: &str) -> Self {
        Lexicon {
            lists: [common.to_string(), seen.to_string(), english.to_string()],
            maps: std::sync::OnceLock::new(),
        }
    }

    fn maps(&self) -> &Maps {
        self.maps.get_or_init(|| {
            let [common, seen, english] = &self.lists;
            Maps::build(common, seen, english)
        })
    }
}

impl Maps {
    fn build(common: &str, seen: &str, english: &str) -> Self {
        let mut hi = HashMap::default();
        for w in seen.split_whitespace() {
            hi.insert(norm_word(w), 1);
        }
        for w in common.split_whitespace() {
            hi.insert(norm_word(w), 2);
        }
        let mut en: HashMap<String, Vec<String>> = HashMap::default();
        let mut en_words = HashSet::default();
        for w in english.split_whitespace() {
            let w = w.to_ascii_lowercase();
            en_words.insert(w.clone());
            for form in inflections(&w) {
                let sk = en_skeleton(&form);
                if sk.chars().count() >= MIN_SKELETON {
                    let e = en.entry(sk).or_default();
                    if !e.contains(&form) {
                        e.push(form);
                    }
                }
            }
        }
        Maps { hi, en, en_words }
    }
}

impl Lexicon {
    /// 0: unknown to native news; 1: seen (2–9 times); 2: common (10+ times).
    pub fn hi_band(&self, norm: &str) -> u8 {
        self.maps().hi.get(norm).copied().unwrap_or(0)
    }

    /// True when `w` (lowercase) is an English content word of the list.
    pub fn is_english_word(&self, w: &str) -> bool {
        self.maps().en_words.contains(w)
    }

    /// The English word a (normalised) Devanagari token transliterates, if its consonant skeleton
    /// equals an English word's and the romanisations are close.
    pub fn english_match(&self, norm: &str) -> Option<&str> {
        let sk = crate::romanize::deva_skeleton(norm);
        let cands = self.maps().en.get(&sk)?;
        let r = roman(norm);
        cands
            .iter()
            .map(|c| (roman_similarity(&r, c), c))
            .filter(|(s, _)| *s >= 0.78)
            .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
            .map(|(_, c)| c.as_str())
    }
}

/// A word with its regular inflections: barter → barters, bartered, bartering.
fn inflections(w: &str) -> Vec<String> {
    let mut v = vec![w.to_string()];
    if w.len() < 3 || !w.is_ascii() {
        return v;
    }
    let stem = w.strip_suffix('e').unwrap_or(w);
    // -ed forms are left out: Hindi transliterates English gerunds and plurals, and "-ed" forms
    // mostly produce chance matches ("सत्तारूढ़" / "satired").
    v.push(format!("{stem}ing"));
    v.push(format!("{w}s"));
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_and_matches() {
        let l = Lexicon::from_words("सरकार लॉकडाउन", "टूरिस्ट", "barter tourist coastal");
        assert_eq!(l.hi_band("सरकार"), 2);
        assert_eq!(l.hi_band("टूरिस्ट"), 1);
        assert_eq!(l.hi_band("बार्टरिंग"), 0);
        assert_eq!(l.english_match("बार्टरिंग"), Some("bartering"));
        assert_eq!(l.english_match("कोस्टल"), Some("coastal"));
        assert_eq!(l.english_match("सरकार"), None);
    }

    #[test]
    fn builtin_lists_load() {
        let g = &crate::Grammars::builtin().mt.lexicon;
        assert_eq!(g.hi_band("सरकार"), 2);
        assert!(g.english_match("स्टॉकपाइल").is_some());
    }
}
