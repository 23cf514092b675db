//! Language by script: Devanagari letters make a document Hindi, Latin letters English.

use serde::{Deserialize, Serialize};

/// The language of a document or sentence, decided by script.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Hindi (Devanagari).
    Hi,
    /// English (Latin).
    En,
    /// Anything else, or no letters at all.
    #[default]
    Other,
}

impl Lang {
    /// `hi`, `en` or `other`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Lang::Hi => "hi",
            Lang::En => "en",
            Lang::Other => "other",
        }
    }
}

impl std::str::FromStr for Lang {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.to_ascii_lowercase().as_str() {
            "hi" | "hin" | "hindi" => Ok(Lang::Hi),
            "en" | "eng" | "english" => Ok(Lang::En),
            "other" => Ok(Lang::Other),
            _ => Err(format!("unknown language `{s}` (hi, en, other)")),
        }
    }
}

/// True for Devanagari code points (U+0900–U+097F and the extended block).
pub fn is_devanagari(c: char) -> bool {
    matches!(c, '\u{0900}'..='\u{097F}' | '\u{A8E0}'..='\u{A8FF}')
}

/// Decide the language of `text` by counting letters per script.
///
/// Hindi pages carry English chrome and names, so Devanagari wins when it is at least a fifth of
/// the letters; English needs Latin letters to dominate a page with few Devanagari ones.
pub fn detect(text: &str) -> Lang {
    let (mut deva, mut latin, mut other) = (0usize, 0usize, 0usize);
    for c in text.chars() {
        if c.is_ascii() {
            latin += usize::from(c.is_ascii_alphabetic());
        } else if is_devanagari(c) {
            // Letters (क–ह, vowels, nukta forms) count; signs, digits and dandas do not.
            deva += usize::from(
                matches!(c, '\u{0904}'..='\u{0939}' | '\u{0958}'..='\u{0961}' | '\u{0972}'..='\u{097F}'),
            );
        } else if !is_common_symbol(c) && c.is_alphabetic() {
            other += 1;
        }
    }
    let total = deva + latin + other;
    if total == 0 {
        Lang::Other
    } else if deva * 5 >= total {
        Lang::Hi
    } else if latin * 2 > total {
        Lang::En
    } else {
        Lang::Other
    }
}

/// Base consonant of a precomposed nukta letter (क़ U+0958 → क …), `None` for any other character.
pub fn nukta_base(c: char) -> Option<char> {
    Some(match c {
        '\u{0958}' => 'क',
        '\u{0959}' => 'ख',
        '\u{095A}' => 'ग',
        '\u{095B}' => 'ज',
        '\u{095C}' => 'ड',
        '\u{095D}' => 'ढ',
        '\u{095E}' => 'फ',
        '\u{095F}' => 'य',
        _ => return None,
    })
}

/// Push `c` folded for word matching: the nukta sign and zero-width joiners are dropped,
/// chandrabindu is written as anusvara, a precomposed nukta letter as its base consonant, Latin
/// and other cased letters in lower case. Spellings that Hindi news uses interchangeably
/// (फ़ीसदी / फीसदी, पाँच / पांच) thus compare equal; they are never evidence of anything.
pub fn fold_char(c: char, out: &mut String) {
    match c {
        '\u{093C}' | '\u{200C}' | '\u{200D}' => {}
        'ँ' => out.push('ं'),
        c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
        '\u{0900}'..='\u{097F}' => out.push(nukta_base(c).unwrap_or(c)),
        c => out.extend(c.to_lowercase()),
    }
}

/// Punctuation and symbols common in news text, skipped without a Unicode table look-up.
fn is_common_symbol(c: char) -> bool {
    matches!(c, '\u{2000}'..='\u{206F}' | '\u{20A0}'..='\u{20CF}' | '\u{00A0}'..='\u{00BF}' | '\u{FEFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_decides() {
        assert_eq!(detect("Russia के रक्षा प्रमुख दो दिवसीय दौरे के बाद"), Lang::Hi);
        assert_eq!(detect("North Korea sent 6,000 troops."), Lang::En);
        assert_eq!(detect("Москва заявила"), Lang::Other);
        assert_eq!(detect("12345 !!"), Lang::Other);
    }
}
