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
use crate::span::Span;

const FILE: &str = "sentence.toml";

/// One sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sentence {
    /// Position in the document, from 0.
    pub index: usize,
    /// First byte.
    pub start: usize,
    /// One past the last byte (the terminator and closing quotes included).
    pub end: usize,
    /// True when the sentence lies in a line marked as page chrome.
    pub chrome: bool,
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
    #[serde(default)]
    initials: Vec<String>,
    #[serde(default)]
    chain_initials: Vec<String>,
    #[serde(default)]
    continuation_words: Vec<String>,
}

/// Words that a `.` follows without ending a sentence.
#[derive(Debug)]
pub struct SentenceGrammar {
    abbreviations: rustc_hash::FxHashSet<String>,
    /// Devanagari names of Latin letters written as initials ("आर.", "एस.").
    initials: rustc_hash::FxHashSet<String>,
    /// Letter names that are also common words ("के", "जी", "आई"): initials only in a chain
    /// ("आर.के.", "ए. के.").
    chain_initials: rustc_hash::FxHashSet<String>,
    /// English words a sentence does not end on: a hard-wrapped line that ends with one goes on
    /// on the next line ("the", "of", "said").
    continuation_words: rustc_hash::FxHashSet<String>,
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
            initials: raw.initials.into_iter().collect(),
            chain_initials: raw.chain_initials.into_iter().collect(),
            continuation_words: raw
                .continuation_words
                .into_iter()
                .map(|w| w.to_lowercase())
                .collect(),
        })
    }

    /// True when `word` (the text before a dot, from the last white space) ends in a Devanagari
    /// initial: a letter name from `initials`, or one from `chain_initials` after another initial
    /// in the same word ("आर.के") or when the word before was an initial (`chained`).
    fn is_deva_initial(&self, word: &str, chained: bool) -> bool {
        let word = word.trim_start_matches(['(', '"', '\'', '“', '‘']);
        let parts: Vec<&str> = word.split('.').collect();
        let Some((last, before)) = parts.split_last() else {
            return false;
        };
        if self.initials.contains(*last) {
            return true;
        }
        let known = |p: &&str| self.initials.contains(*p) || self.chain_initials.contains(*p);
        self.chain_initials.contains(*last)
            && (chained || (!before.is_empty() && before.iter().all(known)))
    }

    /// True when `token` (a word with its dot, "ए.") is a Devanagari initial.
    fn is_initial_token(&self, token: &str) -> bool {
        token
            .strip_suffix('.')
            .is_some_and(|w| self.is_deva_initial(w, true))
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

/// Shortest line (in bytes) taken for a hard-wrapped line of a paragraph.
const WRAPPED_MIN: usize = 40;

/// True when `line` is Latin-script prose: more ASCII letters than other letters.
fn latin(line: &str) -> bool {
    let (ascii, other) = line
        .chars()
        .filter(|c| c.is_alphabetic())
        .fold(
            (0, 0),
            |(a, o), c| {
                if c.is_ascii() { (a + 1, o) } else { (a, o + 1) }
            },
        );
    ascii > other
}

/// True when the English line `a` goes on in the next line `b` of the same paragraph: `a` is a
/// long prose line that does not end a sentence, and `b` opens in lower case or with a digit, or
/// `a` ends with a comma, a hyphen or a word no sentence ends on.
fn continues(a: &str, b: &str, g: &SentenceGrammar) -> bool {
    let Some(last) = a.chars().next_back() else {
        return false;
    };
    if a.len() < WRAPPED_MIN
        || is_terminator(last)
        || is_closer(last)
        || matches!(last, ':' | '|')
        || !latin(a)
        || !latin(b)
        || b.starts_with(['#', '*', '-', '•', '!', '[', '|', '>'])
    {
        return false;
    }
    let first = b.chars().next();
    let last_word = a
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
        .to_lowercase();
    first.is_some_and(|c| c.is_lowercase() || c.is_ascii_digit())
        || matches!(last, ',' | '-' | ';')
        || g.continuation_words.contains(&last_word)
}

/// Lines, with the hard-wrapped lines of an English paragraph joined into one span (a single
/// newline between them, neither of them chrome), so a sentence runs across the break. Spans stay
/// byte offsets into `text`.
fn blocks(text: &str, chrome_lines: &[ChromeLine], g: &SentenceGrammar) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let mut prev_line: Option<Span> = None;
    for line in chrome::lines(text) {
        let join = prev_line.is_some_and(|p| {
            text[p.end..line.start].matches('\n').count() == 1
                && !chrome::is_chrome(chrome_lines, p)
                && !chrome::is_chrome(chrome_lines, line)
                && continues(p.slice(text), line.slice(text), g)
        });
        match out.last_mut() {
            Some(block) if join => block.end = line.end,
            _ => out.push(line),
        }
        prev_line = Some(line);
    }
    out
}

/// Split `text` into sentences, flagging those inside chrome lines.
pub fn split(text: &str, chrome_lines: &[ChromeLine], g: &SentenceGrammar) -> Vec<Sentence> {
    let mut out = Vec::new();
    for line in blocks(text, chrome_lines, g) {
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
                    // The word before the dot starts after the last white space, which may be
                    // wider than one byte (a no-break space is two).
                    let word_start = l[start..i]
                        .char_indices()
                        .rev()
                        .find(|&(_, c)| c.is_whitespace())
                        .map_or(start, |(k, c)| start + k + c.len_utf8());
                    let word = &l[word_start..i];
                    // "आर.के. सिंह", "ए. के. सिंह", "एस. जयशंकर": Devanagari initials end nothing.
                    let chained = l[start..word_start]
                        .split_whitespace()
                        .next_back()
                        .is_some_and(|t| g.is_initial_token(t));
                    // …or the next word is an initial glued on: "पी.एस."
                    let rest = &l[end..];
                    let next_part = rest.split(['.', ' ']).next().unwrap_or("");
                    let glued_initial = !next_part.is_empty()
                        && rest[next_part.len()..].starts_with('.')
                        && g.is_initial_token(&rest[..next_part.len() + 1]);
                    let deva_initial = g.is_deva_initial(word, chained || glued_initial);
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
                    if deva_initial && !at_end {
                        false
                    } else if glued {
                        true
                    } else if !(at_end || space_next) {
                        false
                    } else {
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
    use crate::Grammars;

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
    fn devanagari_initials_end_no_sentence() {
        assert_eq!(
            texts("मंत्री आर.के. सिंह ने कहा। दूसरा।"),
            vec!["मंत्री आर.के. सिंह ने कहा।", "दूसरा।"]
        );
        assert_eq!(
            texts("मंत्री ए. के. सिंह ने कहा. विदेश मंत्री एस. जयशंकर ने कहा."),
            vec!["मंत्री ए. के. सिंह ने कहा.", "विदेश मंत्री एस. जयशंकर ने कहा."]
        );
        // A letter name that is also a word ends a sentence unless it follows an initial.
        assert_eq!(texts("वह आई. फिर चली गई।"), vec!["वह आई.", "फिर चली गई।"]);
        assert_eq!(
            texts("यह गांधी जी. उन्होंने कहा।"),
            vec!["यह गांधी जी.", "उन्होंने कहा।"]
        );
        assert_eq!(texts("पी.एस. मीणा आए।"), vec!["पी.एस. मीणा आए।"]);
    }

    #[test]
    fn hard_wrapped_english_paragraphs_are_joined() {
        let text = "Officials said on Monday that more than 1,200 people\nwere injured when the bridge collapsed in\nGujarat. Rescue teams arrived.\n\nA headline without a full stop\nThe next paragraph starts here.";
        assert_eq!(
            texts(text),
            vec![
                "Officials said on Monday that more than 1,200 people\nwere injured when the bridge collapsed in\nGujarat.",
                "Rescue teams arrived.",
                "A headline without a full stop",
                "The next paragraph starts here."
            ]
        );
        // Hindi lines are never joined: a newline ends the sentence.
        assert_eq!(
            texts("यह एक लंबी पंक्ति है जिसमें कोई पूर्ण विराम नहीं है और\nयह अगली पंक्ति है।"),
            vec![
                "यह एक लंबी पंक्ति है जिसमें कोई पूर्ण विराम नहीं है और",
                "यह अगली पंक्ति है।"
            ]
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
