//! Tokens for the MT rules, with their original byte spans and a normalised form.
//!
//! Spelling conventions that vary between careful human writers are never evidence of machine
//! translation, so every rule compares *normalised* forms: NFC, nukta dropped (क़ = क), chandrabindu
//! written as anusvara (ँ = ं), zero-width joiners removed, Latin lowercased. Danda versus "." is a
//! punctuation question and never reaches a token. The normalised string lives beside the token's
//! original span, so a finding always points at the text exactly as read.

pub use crate::tokens::{Script, Token, tokens};

/// Normalise one Devanagari or Latin word (see the module doc): the crate's one fold,
/// [`crate::tokens::fold`].
pub fn norm_word(w: &str) -> String {
    crate::tokens::fold(w)
}

/// The numeric value of a number token's normalised form ("6,000" → 6000, "1.5" → 1.5).
pub fn number_value(norm: &str) -> Option<f64> {
    let cleaned: String = norm.chars().filter(|&c| c != ',').collect();
    cleaned.parse::<f64>().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(s: &str) -> Vec<String> {
        tokens(s, 0, s.len())
            .into_iter()
            .map(|t| t.norm.to_string())
            .collect()
    }

    #[test]
    fn nukta_and_chandrabindu_are_normalised() {
        assert_eq!(norm_word("ज़खारोवा"), norm_word("जखारोवा"));
        assert_eq!(norm_word("ज\u{093C}खारोवा"), "जखारोवा");
        assert_eq!(norm_word("भँवर"), "भंवर");
        assert_eq!(norm_word("Press"), "press");
    }

    #[test]
    fn danda_numbers_and_spans() {
        let s = "अतिरिक्त 6,000 मिलियन कार्यों। 1.5 प्रतिशत.";
        let t = tokens(s, 0, s.len());
        let n: Vec<&str> = t.iter().map(|t| &s[t.start..t.end]).collect();
        assert_eq!(
            n,
            vec!["अतिरिक्त", "6,000", "मिलियन", "कार्यों", "1.5", "प्रतिशत"]
        );
        assert_eq!(t[1].script, Script::Number);
        assert_eq!(number_value(&t[1].norm), Some(6000.0));
    }

    #[test]
    fn glued_script_change_is_marked() {
        let s = "कोरियाNews और टी-ए-ए";
        let t = tokens(s, 0, s.len());
        assert_eq!(t.len(), 6);
        assert!(t[1].glued);
        assert!(!t[2].glued);
        assert!(!t[4].glued, "a hyphen separates");
        assert_eq!(norms("टी-ए-ए"), vec!["टी", "ए", "ए"]);
    }

    #[test]
    fn devanagari_digits() {
        let s = "६,००० सैनिक";
        let t = tokens(s, 0, s.len());
        assert_eq!(&*t[0].norm, "6,000");
    }
}
