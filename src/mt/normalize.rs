//! Tokens for the MT rules, with their original byte spans and a normalised form.
//!
//! Spelling conventions that vary between careful human writers are never evidence of machine
//! translation, so every rule compares *normalised* forms: NFC, nukta dropped (क़ = क), chandrabindu
//! written as anusvara (ँ = ं), zero-width joiners removed, Latin lowercased. Danda versus "." is a
//! punctuation question and never reaches a token. The normalised string lives beside the token's
//! original span, so a finding always points at the text exactly as read.

use unicode_normalization::UnicodeNormalization;

/// The script class of a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    /// Devanagari letters and marks.
    Deva,
    /// Latin letters.
    Latin,
    /// Digits (ASCII or Devanagari), with inner `,` or `.` between digits.
    Number,
}

/// One token of a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    /// First byte in the document.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Normalised form (see the module doc).
    pub norm: String,
    /// Script class.
    pub script: Script,
    /// True when no space or punctuation separates this token from the previous one
    /// (a script change inside a word: "कोरियाNews").
    pub glued: bool,
}

impl Token {
    /// The token's span.
    pub fn span(&self) -> crate::span::Span {
        crate::span::Span::new(self.start, self.end)
    }
}

fn class(c: char) -> Option<Script> {
    match c {
        '\u{0966}'..='\u{096F}' | '0'..='9' => Some(Script::Number),
        // Danda and double danda are punctuation.
        '\u{0964}' | '\u{0965}' => None,
        '\u{0900}'..='\u{097F}' | '\u{200C}' | '\u{200D}' | '\u{A8E0}'..='\u{A8FF}' => {
            Some(Script::Deva)
        }
        c if c.is_alphabetic() && (c.is_ascii() || ('\u{00C0}'..='\u{024F}').contains(&c)) => {
            Some(Script::Latin)
        }
        _ => None,
    }
}

/// Normalise one Devanagari or Latin word (see the module doc).
pub fn norm_word(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    for c in w.nfc() {
        match c {
            '\u{093C}' | '\u{200C}' | '\u{200D}' | '\u{200B}' | '\u{FEFF}' => {}
            'ँ' => out.push('ं'),
            // NFC decomposes क़ ख़ ग़ ज़ ड़ ढ़ फ़ य़ (composition exclusions), so dropping U+093C
            // handles them; these three stay composed.
            '\u{0929}' => out.push('न'),
            '\u{0931}' => out.push('र'),
            '\u{0934}' => out.push('ळ'),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Tokens of `text[start..end]`, with spans relative to `text`.
pub fn tokens(text: &str, start: usize, end: usize) -> Vec<Token> {
    let Some(s) = text.get(start..end) else {
        return Vec::new();
    };
    let mut out: Vec<Token> = Vec::new();
    let mut cur: Option<(usize, Script)> = None;
    let mut last_end: Option<usize> = None;
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        let (i, c) = chars[k];
        let cl = class(c);
        // A `,` or `.` between two digits stays inside a number: 6,000 and 1.5
        let inner_sep = matches!(c, ',' | '.')
            && matches!(cur, Some((_, Script::Number)))
            && chars
                .get(k + 1)
                .is_some_and(|&(_, d)| class(d) == Some(Script::Number));
        match (cur, cl) {
            (Some((_, cs)), Some(cl)) if cs == cl => {}
            (Some(_), _) if inner_sep => {}
            (Some((b, cs)), _) => {
                let glued = last_end == Some(b) && !out.is_empty();
                out.push(make(text, start + b, start + i, cs, glued));
                last_end = Some(i);
                cur = cl.map(|cl| (i, cl));
                if cur.is_none() {
                    last_end = None;
                }
            }
            (None, Some(cl)) => {
                cur = Some((i, cl));
            }
            (None, None) => {
                last_end = None;
            }
        }
        k += 1;
    }
    if let Some((b, cs)) = cur {
        let glued = last_end == Some(b) && !out.is_empty();
        out.push(make(text, start + b, end, cs, glued));
    }
    out
}

fn make(text: &str, start: usize, end: usize, script: Script, glued: bool) -> Token {
    let raw = text.get(start..end).unwrap_or("");
    let norm = match script {
        Script::Number => raw
            .chars()
            .map(|c| match c {
                '\u{0966}'..='\u{096F}' => char::from(b'0' + (c as u32 - 0x0966) as u8),
                c => c,
            })
            .collect(),
        _ => norm_word(raw),
    };
    Token {
        start,
        end,
        norm,
        script,
        glued,
    }
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
        tokens(s, 0, s.len()).into_iter().map(|t| t.norm).collect()
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
        assert_eq!(t[0].norm, "6,000");
    }
}
