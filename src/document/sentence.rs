//! Sentences for Hindi and English.
//!
//! A newline always ends a sentence (scraped pages put headlines, captions and paragraphs on
//! lines of their own). Inside a line a sentence ends at `।`, `॥`, `?`, `!` or `.`, together with
//! any closing quotes or brackets after it; a `.` ends a sentence only when white space or the end
//! of the line follows and the word before it is not an abbreviation or an initial, so decimals
//! (1.5), dotted dates (27.07.2023), "U.S." and "Dr." stay inside.

use serde::{Deserialize, Serialize};

use crate::document::chrome::{self, ChromeLine};
use crate::error::GrammarError;
use crate::grammar::GrammarSet;
use crate::mt::SentenceMt;
use crate::span::Span;

const FILE: &str = "sentence.toml";

/// One sentence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sentence {
    /// Position in the document, from 0.
    pub index: usize,
    /// First byte.
    pub start: usize,
    /// One past the last byte (the terminator and closing quotes included).
    pub end: usize,
    /// True when the sentence lies in a line marked as page chrome.
    pub chrome: bool,
    /// Machine-translation evidence, when the MT stage ran.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mt: Option<SentenceMt>,
}

impl Sentence {
    /// The sentence's span.
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

#[derive(Debug, Deserialize)]
struct RawFile {
    abbreviations: Vec<String>,
}

/// Words that a `.` follows without ending a sentence.
#[derive(Debug)]
pub struct SentenceGrammar {
    abbreviations: std::collections::HashSet<String>,
}

impl SentenceGrammar {
    /// Load `sentence.toml`.
    pub fn load(set: &GrammarSet) -> Result<Self, GrammarError> {
        let raw: RawFile = set.parse(FILE)?;
        Ok(SentenceGrammar {
            abbreviations: raw
                .abbreviations
                .into_iter()
                .map(|a| a.to_lowercase())
                .collect(),
        })
    }

    fn is_abbreviation(&self, word: &str) -> bool {
        let w = word.trim_start_matches(['(', '"', '\'', '“', '‘']);
        if w.is_empty() {
            return false;
        }
        // A single letter is an initial: "A. Smith", "ए. के."
        if w.chars().count() == 1 && w.chars().all(char::is_alphabetic) {
            return true;
        }
        // Dotted acronyms: U.S, U.N, a.m
        if w.contains('.') && w.split('.').all(|p| p.chars().count() <= 2) {
            return true;
        }
        self.abbreviations.contains(&w.to_lowercase())
    }
}

/// Devanagari vowel signs and marks, which `is_alphabetic` does not always cover.
fn is_deva_sign(c: char) -> bool {
    matches!(c, '\u{0900}'..='\u{0903}' | '\u{093A}'..='\u{094F}' | '\u{0962}' | '\u{0963}')
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']' | '}' | '›')
}

fn is_terminator(c: char) -> bool {
    matches!(c, '।' | '॥' | '?' | '!' | '.' | '…')
}

/// Split `text` into sentences, flagging those inside chrome lines.
pub fn split(text: &str, chrome_lines: &[ChromeLine], g: &SentenceGrammar) -> Vec<Sentence> {
    let mut out = Vec::new();
    for line in chrome::lines(text) {
        let mut push = |start: usize, end: usize| {
            let s = &text[start..end];
            let lead = s.len() - s.trim_start().len();
            let trimmed = s.trim();
            if trimmed.is_empty() || !trimmed.chars().any(|c| c.is_alphanumeric()) {
                return;
            }
            let span = Span::new(start + lead, start + lead + trimmed.len());
            out.push(Sentence {
                index: 0,
                start: span.start,
                end: span.end,
                chrome: chrome::is_chrome(chrome_lines, span),
                mt: None,
            });
        };
        let l = line.slice(text);
        let base = line.start;
        let mut start = 0;
        let mut it = l.char_indices().peekable();
        while let Some((i, c)) = it.next() {
            if !is_terminator(c) {
                continue;
            }
            // Absorb repeated terminators and closing quotes/brackets.
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                if is_terminator(d) || is_closer(d) {
                    end = j + d.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
            let next = l[end..].chars().next();
            let at_end = next.is_none();
            let space_next = next.is_some_and(char::is_whitespace);
            let splits = match c {
                '।' | '॥' => true,
                '?' | '!' | '…' => {
                    at_end || space_next || next.is_some_and(|n| !n.is_ascii_punctuation())
                }
                _ => {
                    // Scraped Hindi often glues sentences: "होती है.2003 की", "है.(बीबीसी". A dot
                    // right after a Devanagari letter and before a Devanagari letter, an opening
                    // bracket or quote, or a digit ends a sentence; "1.5" and "U.S." do not.
                    let prev = l[..i].chars().next_back();
                    let glued = prev.is_some_and(|p| {
                        crate::document::lang::is_devanagari(p) && p.is_alphabetic()
                            || is_deva_sign(p)
                    }) && next.is_some_and(|n| {
                        (crate::document::lang::is_devanagari(n) && n.is_alphabetic())
                            || n.is_ascii_digit()
                            || matches!(n, '(' | '"' | '“' | '‘' | '\'')
                    });
                    if glued {
                        true
                    } else if !(at_end || space_next) {
                        false
                    } else {
                        // The word before the dot starts after the last white space, which may be
                        // wider than one byte (a no-break space is two).
                        let word_start = l[start..i]
                            .char_indices()
                            .rev()
                            .find(|&(_, c)| c.is_whitespace())
                            .map_or(start, |(k, c)| start + k + c.len_utf8());
                        let word = &l[word_start..i];
                        let after = l[end..].trim_start().chars().next();
                        let lower_next = after.is_some_and(|a| a.is_lowercase());
                        at_end || !(g.is_abbreviation(word) || lower_next)
                    }
                }
            };
            if splits {
                push(base + start, base + end);
                start = end;
            }
        }
        if start < l.len() {
            push(base + start, base + l.len());
        }
    }
    for (i, s) in out.iter_mut().enumerate() {
        s.index = i;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::Grammars;

    fn texts(text: &str) -> Vec<&str> {
        split(text, &[], &Grammars::builtin().sentence)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn danda_and_full_stop() {
        assert_eq!(
            texts("पहला वाक्य है। दूसरा वाक्य है  । तीसरा"),
            vec!["पहला वाक्य है।", "दूसरा वाक्य है  ।", "तीसरा"]
        );
        assert_eq!(
            texts("वे नॉर्थ कोरिया पहुंचे. दूसरा वाक्य."),
            vec!["वे नॉर्थ कोरिया पहुंचे.", "दूसरा वाक्य."]
        );
    }

    #[test]
    fn decimals_dates_and_abbreviations_stay_inside() {
        assert_eq!(
            texts("Growth was 1.5 per cent on 27.07.2023 in the U.S. economy. Next one."),
            vec![
                "Growth was 1.5 per cent on 27.07.2023 in the U.S. economy.",
                "Next one."
            ]
        );
        assert_eq!(
            texts("Dr. Smith met Mr. Kim. He left."),
            vec!["Dr. Smith met Mr. Kim.", "He left."]
        );
        assert_eq!(texts("डॉ. शर्मा ने कहा। ठीक"), vec!["डॉ. शर्मा ने कहा।", "ठीक"]);
    }

    #[test]
    fn a_wide_space_before_an_abbreviation_check_is_no_panic() {
        // Regression: the word before a dot was found by adding one byte to the position of the
        // last white space, which cut a no-break space (U+00A0, two bytes) in half.
        assert_eq!(
            texts("वह झूठ\u{a0}बोला. पहला, ऐसा था."),
            vec!["वह झूठ\u{a0}बोला.", "पहला, ऐसा था."]
        );
        assert_eq!(
            texts("Mr.\u{2003}Dr. Smith. Next"),
            vec!["Mr.\u{2003}Dr. Smith.", "Next"]
        );
    }

    #[test]
    fn glued_hindi_sentences_split() {
        assert_eq!(
            texts("कमज़ोरी होती है.2003 की गर्मियों तक.लेकिन वह गया"),
            vec!["कमज़ोरी होती है.", "2003 की गर्मियों तक.", "लेकिन वह गया"]
        );
        assert_eq!(
            texts("वह 1.5 किलो है.(बीबीसी"),
            vec!["वह 1.5 किलो है.", "(बीबीसी"]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(
            texts("उसने कहा कि यह \"दुनिया की सबसे मजबूत सेना बन गई है।\" रूसी मीडिया चुप रहा।"),
            vec![
                "उसने कहा कि यह \"दुनिया की सबसे मजबूत सेना बन गई है।\"",
                "रूसी मीडिया चुप रहा।"
            ]
        );
        assert_eq!(
            texts("“Is it?” he asked! Yes."),
            vec!["“Is it?”", "he asked!", "Yes."]
        );
    }

    #[test]
    fn newlines_end_sentences_and_spans_are_exact() {
        let text = "शीर्षक\n\n  पहला। दूसरा";
        let s = split(text, &[], &Grammars::builtin().sentence);
        assert_eq!(s.len(), 3);
        assert_eq!(&text[s[1].start..s[1].end], "पहला।");
        assert_eq!(s[2].index, 2);
    }
}
