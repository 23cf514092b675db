//! Words with byte spans, and the normalisation used to match them against word lists.
//!
//! A word is a run of letters, digits and Devanagari signs (matras, virama, nukta are not
//! `is_alphabetic`, so they are listed by block). Hyphens and apostrophes split words, so
//! "किम जोंग-उन" is three words and "Korea's" two. Matching compares normalised words: nukta
//! dropped (ज़ = ज), chandrabindu as anusvara, zero-width joiners dropped, Latin lowercased; spans
//! always point at the text as read.

use std::ops::Deref;

use crate::span::Span;

/// One word of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The normalised form used for matching.
    pub norm: String,
}

impl Word {
    /// The word's span.
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// True for characters that belong inside a word.
#[inline]
pub fn is_word_char(c: char) -> bool {
    // Fast paths for the two scripts of the news (same answers as the generic test below:
    // `is_alphanumeric` is `is_ascii_alphanumeric` on ASCII, and every Devanagari character
    // but the dandas and the abbreviation sign counts).
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    if ('\u{0900}'..='\u{097F}').contains(&c) {
        return !matches!(c, '।' | '॥' | '॰');
    }
    c.is_alphanumeric() || c == '\u{200C}' || c == '\u{200D}'
}

/// The normalised form of a word or phrase (see the module doc); words are joined by one space.
pub fn norm(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if !is_word_char(c) {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        crate::document::lang::fold_char(c, &mut out);
    }
    out
}

/// The words of `text` inside `span`, in order.
pub fn words(text: &str, span: Span) -> Vec<Word> {
    let s = span.slice(text);
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in s.char_indices() {
        if is_word_char(c) {
            if start.is_none() {
                start = Some(i);
            }
        } else if let Some(st) = start.take() {
            push(&mut out, s, st, i, span.start);
        }
    }
    if let Some(st) = start {
        push(&mut out, s, st, s.len(), span.start);
    }
    out
}

/// How many words [`words`] finds in `span`, counting no further than `limit` (no allocation:
/// for length tests on long spans such as whole lines).
pub fn count(text: &str, span: Span, limit: usize) -> usize {
    let mut n = 0;
    // In a run of word characters: whether it has a character that survives [`norm`].
    let mut run: Option<bool> = None;
    for c in span.slice(text).chars() {
        if is_word_char(c) {
            let real = !matches!(c, '\u{093C}' | '\u{200C}' | '\u{200D}');
            run = Some(run.unwrap_or(false) || real);
        } else if let Some(real) = run.take() {
            n += usize::from(real);
            if n >= limit {
                return n;
            }
        }
    }
    n + usize::from(run.unwrap_or(false))
}

/// The last words of [`phrase`]`(s)`: at least `k` of them (all when there are fewer), without
/// normalising the rest of `s`.
pub fn last_words(s: &str, k: usize) -> Vec<String> {
    let mut n = 0;
    let mut run: Option<bool> = None;
    for (i, c) in s.char_indices().rev() {
        if is_word_char(c) {
            let real = !matches!(c, '\u{093C}' | '\u{200C}' | '\u{200D}');
            run = Some(run.unwrap_or(false) || real);
        } else {
            if let Some(real) = run.take() {
                n += usize::from(real);
            }
            if n >= k {
                // `s[i..]` opens with a non-word character, so no word is cut.
                return phrase(s.get(i..).unwrap_or(""));
            }
        }
    }
    phrase(s)
}

/// [`norm`] of a run of word characters: the run itself when nothing in it changes (ASCII
/// lowercase, digits and Devanagari without nukta, chandrabindu or nukta letters).
fn norm_run(run: &str) -> String {
    let b = run.as_bytes();
    let mut i = 0;
    let plain = loop {
        match b.get(i) {
            None => break true,
            Some(c) if c.is_ascii() => {
                if c.is_ascii_uppercase() {
                    break false;
                }
                i += 1;
            }
            // Devanagari is E0 A4 xx / E0 A5 xx.
            Some(0xE0) => match (b.get(i + 1), b.get(i + 2)) {
                (Some(0xA4), Some(&t)) if t != 0xBC && t != 0x81 => i += 3,
                (Some(0xA5), Some(&t)) if !(0x98..=0x9F).contains(&t) => i += 3,
                _ => break false,
            },
            Some(_) => break false,
        }
    };
    if plain { run.to_string() } else { norm(run) }
}

fn push(out: &mut Vec<Word>, s: &str, st: usize, en: usize, base: usize) {
    let n = norm_run(&s[st..en]);
    if !n.is_empty() {
        out.push(Word {
            start: base + st,
            end: base + en,
            norm: n,
        });
    }
}

/// True when only white space or hyphens lie between the two words (they may form one phrase),
/// or the dot of a dotted abbreviation ("यू.एस.", "U.N.": short words, dot, no space).
pub fn joined(text: &str, a: &Word, b: &Word) -> bool {
    text.get(a.end..b.start).is_some_and(|g| {
        g.chars()
            .all(|c| c.is_whitespace() || matches!(c, '-' | '‐'))
            || dotted(text, a, b)
    })
}

/// "यू.एस", "U.N": two words of at most two letters with only a dot between them.
pub fn dotted(text: &str, a: &Word, b: &Word) -> bool {
    let short = |w: &Word| {
        text.get(w.start..w.end)
            .is_some_and(|s| s.chars().count() <= 2)
    };
    text.get(a.end..b.start) == Some(".") && short(a) && short(b)
}

/// Split a phrase from a word list into normalised words.
pub fn phrase(s: &str) -> Vec<String> {
    norm(s)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// The crate's one hasher for the word tables (their keys are grammar words; look-ups are many
/// and short).
pub use crate::tokens::{FxHashMap, FxHashSet};

/// A word list of phrases (each as normalised words), indexed by first word so that a look-up at
/// a word tries only the phrases that can start there. Reads as the plain list (`Deref`).
#[derive(Debug, Default, Clone)]
pub struct PhraseList {
    list: Vec<Vec<String>>,
    /// First word → indices of the phrases that start with it, in list order.
    by_first: FxHashMap<String, Vec<usize>>,
}

impl PhraseList {
    /// Add a phrase at the end of the list.
    pub fn push(&mut self, p: Vec<String>) {
        if let Some(first) = p.first() {
            self.by_first
                .entry(first.clone())
                .or_default()
                .push(self.list.len());
        }
        self.list.push(p);
    }

    /// Indices of the phrases whose first word is `w`, in list order.
    pub fn starting_with(&self, w: &str) -> &[usize] {
        self.by_first.get(w).map_or(&[], Vec::as_slice)
    }

    /// True when `w` is a one-word phrase of the list.
    pub fn has_word(&self, w: &str) -> bool {
        self.starting_with(w)
            .iter()
            .any(|&k| self.list.get(k).is_some_and(|p| p.len() == 1))
    }
}

impl Deref for PhraseList {
    type Target = Vec<Vec<String>>;
    fn deref(&self) -> &Self::Target {
        &self.list
    }
}

impl FromIterator<Vec<String>> for PhraseList {
    fn from_iter<I: IntoIterator<Item = Vec<String>>>(iter: I) -> Self {
        let mut l = PhraseList::default();
        for p in iter {
            l.push(p);
        }
        l
    }
}

/// Whether the normalised words of `ws` starting at `i` are exactly `p`.
pub fn matches_at(ws: &[Word], i: usize, p: &[String], text: &str) -> bool {
    if p.is_empty() || i + p.len() > ws.len() {
        return false;
    }
    p.iter()
        .enumerate()
        .all(|(k, w)| ws[i + k].norm == *w && (k == 0 || joined(text, &ws[i + k - 1], &ws[i + k])))
}

/// The longest phrase of `list` that starts at word `i`: its length in words and index in `list`.
pub fn longest_at(ws: &[Word], i: usize, list: &PhraseList, text: &str) -> Option<(usize, usize)> {
    let w = ws.get(i)?;
    list.starting_with(&w.norm)
        .iter()
        .filter_map(|&k| Some((k, list.get(k)?)))
        .filter(|(_, p)| matches_at(ws, i, p, text))
        .map(|(k, p)| (p.len(), k))
        .max_by_key(|&(n, k)| (n, std::cmp::Reverse(k)))
}

/// The longest phrase of `list` that ends at word `i` (inclusive): its length in words.
pub fn longest_ending_at(ws: &[Word], i: usize, list: &[Vec<String>], text: &str) -> Option<usize> {
    list.iter()
        .filter(|p| p.len() <= i + 1 && matches_at(ws, i + 1 - p.len(), p, text))
        .map(Vec::len)
        .max()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_have_spans_and_normal_forms() {
        let t = "किम जोंग-उन ने 'होंगज़ोंग' कहा। Korea's";
        let ws = words(t, Span::new(0, t.len()));
        let texts: Vec<&str> = ws.iter().map(|w| &t[w.start..w.end]).collect();
        assert_eq!(
            texts,
            ["किम", "जोंग", "उन", "ने", "होंगज़ोंग", "कहा", "Korea", "s"]
        );
        assert_eq!(ws[4].norm, "होंगजोंग");
        assert_eq!(ws[6].norm, "korea");
    }

    #[test]
    fn phrases_match_across_spaces_and_hyphens_only() {
        let t = "किम जोंग-उन, जोंग";
        let ws = words(t, Span::new(0, t.len()));
        let p: PhraseList = [phrase("किम जोंग उन")].into_iter().collect();
        assert_eq!(longest_at(&ws, 0, &p, t), Some((3, 0)));
        let q: PhraseList = [phrase("उन जोंग")].into_iter().collect();
        assert_eq!(longest_at(&ws, 2, &q, t), None, "a comma breaks a phrase");
    }

    #[test]
    fn counts_and_last_words_agree_with_words() {
        let samples = [
            "किम जोंग-उन ने 'होंगज़ोंग' कहा। Korea's",
            "a \u{093C} b \u{200D}\u{200C} ख़ ",
            "",
            "।। , ..",
            "तथाकथित “शांति”",
        ];
        for t in samples {
            let n = words(t, Span::new(0, t.len())).len();
            assert_eq!(count(t, Span::new(0, t.len()), usize::MAX), n, "{t}");
            assert_eq!(count(t, Span::new(0, t.len()), 2), n.min(2), "{t}");
            let all = phrase(t);
            for k in 0..4 {
                let last = last_words(t, k);
                assert!(all.ends_with(&last), "{t} {k}");
                assert!(last.len() >= k.min(all.len()), "{t} {k}");
            }
        }
    }

    #[test]
    fn fast_word_test_agrees_with_the_generic_one() {
        let generic = |c: char| {
            c.is_alphanumeric()
                || (('\u{0900}'..='\u{097F}').contains(&c) && !matches!(c, '।' | '॥' | '॰'))
                || c == '\u{200C}'
                || c == '\u{200D}'
        };
        for c in ('\0'..='\u{3000}').chain(['\u{1F600}', '\u{FEFF}']) {
            assert_eq!(is_word_char(c), generic(c), "{c:?}");
            let s = c.to_string();
            let slow: String = if generic(c) {
                s.chars().flat_map(char::to_lowercase).collect()
            } else {
                String::new()
            };
            if !matches!(
                c,
                '\u{093C}' | '\u{200C}' | '\u{200D}' | 'ँ' | '\u{0958}'..='\u{095F}'
            ) {
                assert_eq!(norm(&s), slow, "{c:?}");
            }
        }
    }

    #[test]
    fn plain_runs_keep_their_text() {
        for w in [
            "किम",
            "होंगज़ोंग",
            "कहाँ",
            "\u{0958}ा",
            "korea",
            "Korea",
            "abc123",
            "१२३",
            "क\u{200D}ष",
            "ß",
            "ड़",
            "फ़ैसला",
        ] {
            assert_eq!(norm_run(w), norm(w), "{w}");
        }
    }
}
