//! Bilingual checks: the Hindi text against its English original (`tathya mt --original`).
//!
//! Sentences are aligned monotonically by figures, names and length, then each aligned pair is
//! checked for parity: numbers and scales (लाख/करोड़ ↔ million), names, negation, weekdays and
//! months, length ratio, and repetition beyond the source's. With the original at hand these
//! checks catch errors no monolingual rule can — a dropped "not", a changed figure — and they
//! are precise because they compare facts, not style.

pub mod dates;
pub mod length;
pub mod names;
pub mod negation;
pub mod numbers;
pub mod repetition;

use crate::tokens::FxHashMap as HashMap;

use serde::Deserialize;

use crate::error::GrammarError;
use crate::grammar::GrammarSet;
use crate::mt::normalize::norm_word;
use crate::mt::{DocView, Evidence, SentView};

/// Word tables and weights of the bilingual checks, from `hi/mt/bilingual.toml`; the Hindi words
/// and the calendar/exonym lists are normalised once at load.
#[derive(Debug, Deserialize)]
pub struct Data {
    en_numbers: HashMap<String, f64>,
    hi_numbers: HashMap<String, f64>,
    en_scales: HashMap<String, f64>,
    hi_scales: HashMap<String, f64>,
    en_negation: Vec<String>,
    hi_negation: Vec<String>,
    calendar: HashMap<String, Vec<String>>,
    exonyms: HashMap<String, Vec<String>>,
    min_length_ratio: f64,
    max_length_ratio: f64,
    weights: HashMap<String, f64>,
}

impl Data {
    /// Load `hi/mt/bilingual.toml`.
    pub fn load(set: &GrammarSet) -> Result<Self, GrammarError> {
        let mut d: Data = set.parse("hi/mt/bilingual.toml")?;
        let norm_map =
            |m: HashMap<String, f64>| m.into_iter().map(|(k, v)| (norm_word(&k), v)).collect();
        let norm_lists = |m: HashMap<String, Vec<String>>| {
            m.into_iter()
                .map(|(k, v)| (k.to_lowercase(), v.iter().map(|w| norm_word(w)).collect()))
                .collect()
        };
        d.hi_numbers = norm_map(std::mem::take(&mut d.hi_numbers));
        d.hi_scales = norm_map(std::mem::take(&mut d.hi_scales));
        d.hi_negation = d.hi_negation.iter().map(|w| norm_word(w)).collect();
        d.calendar = norm_lists(std::mem::take(&mut d.calendar));
        d.exonyms = norm_lists(std::mem::take(&mut d.exonyms));
        Ok(d)
    }

    /// The weight of a check by its code.
    pub fn weight(&self, code: &str) -> f64 {
        self.weights.get(code).copied().unwrap_or(0.3)
    }
}

/// English words of a sentence with their byte offsets.
pub fn en_words(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        let part = c.is_ascii_alphanumeric() || (start.is_some() && matches!(c, '\'' | '.' | ','));
        match (start, part) {
            (None, true) => start = Some(i),
            (Some(b), false) => {
                out.push((b, s[b..i].trim_end_matches(['.', ',', '\''])));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(b) = start {
        out.push((b, s[b..].trim_end_matches(['.', ',', '\''])));
    }
    out.retain(|(_, w)| !w.is_empty());
    out
}

/// Align Hindi body sentences to English sentences (monotone: one-to-one, or skip either side),
/// maximising shared figures and names and similar lengths. Returns, per Hindi sentence index in
/// `v.sents`, the English sentence index.
pub fn align(v: &DocView, en: &[&str]) -> Vec<Option<usize>> {
    let h = v.sents.len();
    let e = en.len();
    if h == 0 || e == 0 {
        return vec![None; h];
    }
    let sim = |i: usize, j: usize| -> f64 {
        let s = &v.sents[i];
        let hn = numbers::hi_values(s, &v.g.bilingual);
        let en_n = numbers::en_values(en[j], &v.g.bilingual);
        let shared = en_n
            .iter()
            .filter(|x| hn.iter().any(|y| numbers::same(**x, *y)))
            .count();
        let hl = v
            .slice(crate::span::Span::new(s.start, s.end))
            .chars()
            .count() as f64;
        let el = en[j].chars().count().max(1) as f64;
        let ratio = (hl / el).ln().abs();
        let names = names::shared(v, s, en[j]);
        1.0 + shared as f64 + 0.5 * names as f64 - 0.5 * ratio
    };
    // dp[i][j]: best score aligning the first i Hindi and j English sentences.
    let mut dp = vec![vec![f64::NEG_INFINITY; e + 1]; h + 1];
    let mut back = vec![vec![0u8; e + 1]; h + 1];
    dp[0][0] = 0.0;
    for i in 0..=h {
        for j in 0..=e {
            let cur = dp[i][j];
            if cur == f64::NEG_INFINITY {
                continue;
            }
            if i < h && j < e {
                let s = cur + sim(i, j);
                if s > dp[i + 1][j + 1] {
                    dp[i + 1][j + 1] = s;
                    back[i + 1][j + 1] = 1;
                }
            }
            if i < h && cur > dp[i + 1][j] {
                dp[i + 1][j] = cur;
                back[i + 1][j] = 2;
            }
            if j < e && cur > dp[i][j + 1] {
                dp[i][j + 1] = cur;
                back[i][j + 1] = 3;
            }
        }
    }
    let mut out = vec![None; h];
    let (mut i, mut j) = (h, e);
    while i > 0 || j > 0 {
        match back[i][j] {
            1 => {
                out[i - 1] = Some(j - 1);
                i -= 1;
                j -= 1;
            }
            2 => i -= 1,
            3 => j -= 1,
            _ => break,
        }
    }
    out
}

/// Run every bilingual check on each aligned pair.
pub fn evidence(v: &DocView, en: &[&str]) -> Vec<Evidence> {
    let al = align(v, en);
    let mut out = Vec::new();
    for (s, j) in v.sents.iter().zip(al) {
        let Some(src) = j.and_then(|j| en.get(j)) else {
            continue;
        };
        check_pair(v, s, src, &mut out);
    }
    out
}

/// Run the monolingual rules and the bilingual checks against `original` (the English text) on
/// a document analysed without the MT stage, and attach all the evidence.
pub fn analyze<G>(doc: &mut crate::analysis::Document, original: &str, g: &G)
where
    G: AsRef<crate::document::chrome::ChromeGrammar>
        + AsRef<crate::document::sentence::SentenceGrammar>
        + AsRef<crate::mt::MtGrammar>
        + ?Sized,
{
    let (chrome_g, sentence_g, mt_g): (
        &crate::document::chrome::ChromeGrammar,
        &crate::document::sentence::SentenceGrammar,
        &crate::mt::MtGrammar,
    ) = (g.as_ref(), g.as_ref(), g.as_ref());
    if doc.is_failed() {
        return;
    }
    let lang = crate::document::Lang::En;
    let chrome = crate::document::chrome::mark(original, lang, chrome_g);
    let en_sents = crate::document::sentence::split(original, &chrome, sentence_g);
    let en: Vec<&str> = en_sents
        .iter()
        .filter(|s| !s.chrome)
        .map(|s| s.span().slice(original))
        .collect();
    let ev = {
        let v = DocView::new(doc, mt_g);
        let mut ev = crate::mt::evidence(&v);
        ev.extend(evidence(&v, &en));
        ev
    };
    crate::mt::apply(doc, mt_g, ev);
}

/// The checks on one aligned pair.
pub fn check_pair(v: &DocView, s: &SentView, src: &str, out: &mut Vec<Evidence>) {
    numbers::check(v, s, src, out);
    names::check(v, s, src, out);
    negation::check(v, s, src, out);
    dates::check(v, s, src, out);
    length::check(v, s, src, out);
    repetition::check(v, s, src, out);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mt::testing::g;

    #[test]
    fn alignment_follows_figures() {
        let hi = "सेना ने 6,000 सैनिक भेजे।\nउन्होंने कहा कि 40% आपूर्ति होती है।";
        let doc = crate::pipeline::analyze(
            "t",
            hi.into(),
            None,
            &crate::pipeline::Options {
                lang: None,
                skip_mt: true,
            },
            crate::Grammars::builtin(),
        );
        let v = DocView::new(&doc, g());
        let en = [
            "An unrelated opening line.",
            "The army sent 6,000 troops.",
            "He said 40% is supplied.",
        ];
        assert_eq!(align(&v, &en), vec![Some(1), Some(2)]);
    }

    #[test]
    fn english_words_keep_offsets() {
        let w = en_words("It cost $2.8bn, he said.");
        assert!(w.contains(&(9, "2.8bn")));
    }
}
