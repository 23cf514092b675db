//! One token stream per document, made once after sentence splitting and read by the stages.
//!
//! A token is a run of one script class (Devanagari letters and marks, Latin letters, or digits
//! with inner `,` / `.` between digits) inside one sentence. Each carries its byte span in the
//! text as read, its folded form — the *one* fold of the crate for word identity (see [`fold`]) —
//! and an interned id: two tokens have the same id exactly when their folded forms are equal, so
//! stages compare, count and look words up by id (a `u32`) instead of hashing strings again.
//! Grammar-dependent facts about a word (a function word, a lexicon band, a number word) are
//! computed once per distinct id with [`Stream::per_word`], not once per rule per token.
//!
//! Hashing in the crate uses one fast hasher, [`FxHashMap`] / [`FxHashSet`] (rustc-hash): the
//! keys are short words and ids, never attacker-chosen in a way that matters for a batch tool.
//! Content hashes (a word's term, a shingle, a document's words) use the same hasher through
//! [`hash_str`] and [`hash_u64s`].

use std::sync::Arc;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use std::hash::Hasher;

pub use rustc_hash::{FxBuildHasher, FxHashMap, FxHashSet, FxHasher};

use crate::document::Sentence;

/// The hash of `s` by the crate's one hasher, with no random seed: the same text gets the same
/// hash on every run of a build. For content keys that are compared, never shown.
pub fn hash_str(s: &str) -> u64 {
    let mut h = FxHasher::default();
    h.write(s.as_bytes());
    h.finish()
}

/// The hash of a sequence of hashes (a shingle of word hashes, a sentence's terms), by the same
/// hasher; the order counts.
pub fn hash_u64s(xs: impl IntoIterator<Item = u64>) -> u64 {
    let mut h = FxHasher::default();
    for x in xs {
        h.write_u64(x);
    }
    h.finish()
}

/// The script class of a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Script {
    /// Devanagari letters and marks.
    Deva,
    /// Latin letters.
    Latin,
    /// Digits (ASCII or Devanagari), with inner `,` or `.` between digits.
    Number,
}

/// An interned word: index into [`Stream::words`].
pub type WordId = u32;

/// One token of a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    /// First byte in the document.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The folded form (digits of a number in ASCII, its separators kept). Shared with every
    /// other token of the same form: cloning a token allocates nothing.
    pub norm: Arc<str>,
    /// The interned id of `norm` in its stream.
    pub id: WordId,
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

/// The script class of a character, or `None` for a separator.
pub fn class(c: char) -> Option<Script> {
    match c {
        '\u{0966}'..='\u{096F}' | '0'..='9' => Some(Script::Number),
        // Danda and double danda are punctuation.
        '\u{0964}' | '\u{0965}' => None,
        '\u{0900}'..='\u{097F}' | '\u{200C}' | '\u{200D}' | '\u{A8E0}'..='\u{A8FF}' => {
            Some(Script::Deva)
        }
        c if c.is_ascii_alphabetic() => Some(Script::Latin),
        c if !c.is_ascii() && ('\u{00C0}'..='\u{024F}').contains(&c) && c.is_alphabetic() => {
            Some(Script::Latin)
        }
        _ => None,
    }
}

/// Push the fold of one word onto `out`: NFC, the nukta sign and zero-width characters dropped
/// (क़ = क), chandrabindu written as anusvara (ँ = ं), the three composed nukta letters that NFC
/// keeps (ऩ ऱ ऴ) as their bases, cased letters in lower case. Spelling conventions that vary
/// between careful writers thus compare equal. Built on [`crate::document::lang::fold_char`];
/// words already in NFC (nearly all) skip the normaliser.
pub fn fold_into(w: &str, out: &mut String) {
    if w.is_ascii() {
        out.extend(w.bytes().map(|b| b.to_ascii_lowercase() as char));
        return;
    }
    // Fast path: ASCII and Devanagari (no Vedic accents) need no normaliser. In that repertoire
    // NFC only composes a consonant with the nukta (ऩ ऱ ऴ) and decomposes the precomposed nukta
    // letters, and the only other mark that reorders is the virama; the fold drops the nukta and
    // maps every nukta letter to its base, so dropping the nukta where it stands gives the same
    // string.
    let mark = out.len();
    for c in w.chars() {
        match c {
            'A'..='Z' => out.push(c.to_ascii_lowercase()),
            c if c.is_ascii() => out.push(c),
            '\u{093C}' | '\u{200B}'..='\u{200D}' | '\u{FEFF}' => {}
            'ँ' => out.push('ं'),
            '\u{0929}' => out.push('न'),
            '\u{0931}' => out.push('र'),
            '\u{0934}' => out.push('ळ'),
            '\u{0951}'..='\u{0954}' => return fold_slow(w, mark, out),
            '\u{0900}'..='\u{097F}' => out.push(crate::document::lang::nukta_base(c).unwrap_or(c)),
            _ => return fold_slow(w, mark, out),
        }
    }
}

/// [`fold_into`] by the book: NFC (skipped when the quick check says the word is NFC already),
/// then [`crate::document::lang::fold_char`] and the extra rules of this fold.
fn fold_slow(w: &str, mark: usize, out: &mut String) {
    out.truncate(mark);
    if is_nfc_quick(w.chars()) == IsNormalized::Yes {
        w.chars().for_each(|c| fold_nfc_char(c, out));
    } else {
        w.nfc().for_each(|c| fold_nfc_char(c, out));
    }
}

/// The fold of one word (see [`fold_into`]).
pub fn fold(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    fold_into(w, &mut out);
    out
}

/// Fold one character of NFC text.
fn fold_nfc_char(c: char, out: &mut String) {
    match c {
        '\u{200B}' | '\u{FEFF}' => {}
        // NFC decomposes क़ ख़ ग़ ज़ ड़ ढ़ फ़ य़ (composition exclusions), so dropping U+093C handles
        // them; these three stay composed.
        '\u{0929}' => out.push('न'),
        '\u{0931}' => out.push('र'),
        '\u{0934}' => out.push('ळ'),
        c => crate::document::lang::fold_char(c, out),
    }
}

/// Words of a document, each stored once.
#[derive(Debug, Default)]
pub struct Interner {
    ids: FxHashMap<Arc<str>, WordId>,
    words: Vec<Arc<str>>,
}

impl Interner {
    /// The id of `w`, added when new.
    pub fn intern(&mut self, w: &str) -> (WordId, Arc<str>) {
        if let Some((k, &id)) = self.ids.get_key_value(w) {
            return (id, k.clone());
        }
        let id = self.words.len() as WordId;
        let a: Arc<str> = Arc::from(w);
        self.words.push(a.clone());
        self.ids.insert(a.clone(), id);
        (id, a)
    }

    /// The id of `w`, if any token has that form.
    pub fn get(&self, w: &str) -> Option<WordId> {
        self.ids.get(w).copied()
    }

    /// Every word, by id.
    pub fn words(&self) -> &[Arc<str>] {
        &self.words
    }
}

/// The tokens of one document, sentence by sentence.
#[derive(Debug, Default)]
pub struct Stream {
    tokens: Vec<Token>,
    /// For each sentence (by index), its range in `tokens`.
    ranges: Vec<std::ops::Range<usize>>,
    words: Interner,
}

impl Stream {
    /// Tokenise every sentence of `text`.
    pub fn new(text: &str, sentences: &[Sentence]) -> Self {
        let mut s = Stream::default();
        for sent in sentences {
            s.push_sentence(text, sent.start, sent.end);
        }
        s
    }

    /// A stream of one "sentence": the whole of `text`.
    pub fn single(text: &str) -> Self {
        let mut s = Stream::default();
        s.push_sentence(text, 0, text.len());
        s
    }

    /// Tokenise `text[start..end]` as the next sentence.
    pub fn push_sentence(&mut self, text: &str, start: usize, end: usize) {
        let from = self.tokens.len();
        if let Some(s) = text.get(start..end) {
            self.tokenize(text, s, start, end);
        }
        self.ranges.push(from..self.tokens.len());
    }

    fn tokenize(&mut self, text: &str, s: &str, start: usize, end: usize) {
        let first = self.tokens.len();
        let mut buf = String::new();
        let mut cur: Option<(usize, Script)> = None;
        let mut last_end: Option<usize> = None;
        let mut it = s.char_indices().peekable();
        while let Some((i, c)) = it.next() {
            let cl = class(c);
            // A `,` or `.` between two digits stays inside a number: 6,000 and 1.5
            let inner_sep = matches!(c, ',' | '.')
                && matches!(cur, Some((_, Script::Number)))
                && it
                    .peek()
                    .is_some_and(|&(_, d)| class(d) == Some(Script::Number));
            match (cur, cl) {
                (Some((_, cs)), Some(cl)) if cs == cl => {}
                (Some(_), _) if inner_sep => {}
                (Some((b, cs)), _) => {
                    let glued = last_end == Some(b) && self.tokens.len() > first;
                    self.make(text, start + b, start + i, cs, glued, &mut buf);
                    last_end = Some(i);
                    cur = cl.map(|cl| (i, cl));
                    if cur.is_none() {
                        last_end = None;
                    }
                }
                (None, Some(cl)) => cur = Some((i, cl)),
                (None, None) => last_end = None,
            }
        }
        if let Some((b, cs)) = cur {
            let glued = last_end == Some(b) && self.tokens.len() > first;
            self.make(text, start + b, end, cs, glued, &mut buf);
        }
    }

    fn make(
        &mut self,
        text: &str,
        start: usize,
        end: usize,
        script: Script,
        glued: bool,
        buf: &mut String,
    ) {
        let raw = text.get(start..end).unwrap_or("");
        buf.clear();
        match script {
            Script::Number => buf.extend(raw.chars().map(|c| match c {
                '\u{0966}'..='\u{096F}' => char::from(b'0' + (c as u32 - 0x0966) as u8),
                c => c,
            })),
            _ => fold_into(raw, buf),
        }
        let (id, norm) = self.words.intern(buf);
        self.tokens.push(Token {
            start,
            end,
            norm,
            id,
            script,
            glued,
        });
    }

    /// The tokens of sentence `i` (by its index in the document).
    pub fn sentence(&self, i: usize) -> &[Token] {
        self.ranges
            .get(i)
            .map_or(&[][..], |r| &self.tokens[r.clone()])
    }

    /// Every token, in text order.
    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }

    /// The interned words.
    pub fn words(&self) -> &Interner {
        &self.words
    }

    /// A table with one entry per distinct word (index = [`WordId`]): what a stage needs to know
    /// about a word, computed once per document whatever the number of its tokens.
    pub fn per_word<T>(&self, mut f: impl FnMut(&str) -> T) -> Vec<T> {
        self.words.words().iter().map(|w| f(w)).collect()
    }
}

/// Tokens of `text[start..end]`, with spans relative to `text` (a one-sentence stream).
pub fn tokens(text: &str, start: usize, end: usize) -> Vec<Token> {
    let mut s = Stream::default();
    s.push_sentence(text, start, end);
    s.tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_forms_share_an_id() {
        let t = "फ़ीसदी फीसदी Press press पाँच पांच";
        let s = Stream::single(t);
        let ids: Vec<WordId> = s.tokens().iter().map(|t| t.id).collect();
        assert_eq!(ids[0], ids[1]);
        assert_eq!(ids[2], ids[3]);
        assert_eq!(ids[4], ids[5]);
        assert_ne!(ids[0], ids[2]);
        assert_eq!(s.words().words().len(), 3);
        assert_eq!(s.per_word(|w| w.chars().count()), vec![5, 5, 4]);
    }

    /// The fold by its definition: NFC, then the character rules.
    fn reference(w: &str) -> String {
        w.nfc()
            .filter_map(|c| match c {
                '\u{093C}' | '\u{200C}' | '\u{200D}' | '\u{200B}' | '\u{FEFF}' => None,
                'ँ' => Some("ं".to_string()),
                '\u{0929}' => Some("न".to_string()),
                '\u{0931}' => Some("र".to_string()),
                '\u{0934}' => Some("ळ".to_string()),
                c => Some(c.to_lowercase().collect()),
            })
            .collect()
    }

    /// Deterministic random words over the characters where NFC and the fast path could part.
    #[test]
    fn fold_fast_path_equals_reference_on_generated_words() {
        let pool: Vec<char> = "नरळकज\u{0929}\u{0931}\u{0934}\u{0958}\u{095B}\u{093C}\u{094D}ािंँ\u{200C}\u{200D}\u{200B}\u{FEFF}\u{0951}aZ9.\u{0301}éऍॉ"
            .chars()
            .collect();
        let mut seed: u64 = 0x9e3779b97f4a7c15;
        for _ in 0..5000 {
            let mut w = String::new();
            for _ in 0..(seed % 7 + 1) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                w.push(pool[(seed % pool.len() as u64) as usize]);
            }
            assert_eq!(fold(&w), reference(&w), "{w:?}");
        }
    }

    #[test]
    fn fold_fast_path_equals_nfc_path() {
        for w in [
            "ज़खारोवा",
            "ज\u{093C}खारोवा",
            "भँवर",
            "Press",
            "ÉCOLE",
            "e\u{0301}cole",
            "ऩ ऱ ऴ",
            "a\u{200B}b\u{FEFF}",
            "क्\u{200D}ष",
            "न\u{094D}\u{093C}",
            "न\u{093C}\u{094D}",
            "\u{0958}\u{094D}ष",
            "क\u{0951}\u{094D}",
            "कोरियाNews",
            "Ünïcode देवनागरी",
            "ना\u{093C}",
            "a\u{093C}\u{094D}",
            "\u{0933}\u{093C}",
            "\u{A8E0}क",
        ] {
            let slow = reference(w);
            assert_eq!(fold(w), slow, "{w}");
        }
    }

    #[test]
    fn sentences_have_their_own_tokens() {
        let t = "राम आया। 6,000 सैनिक";
        let sents = vec![
            Sentence {
                index: 0,
                start: 0,
                end: "राम आया।".len(),
                chrome: false,
            },
            Sentence {
                index: 1,
                start: "राम आया। ".len(),
                end: t.len(),
                chrome: false,
            },
        ];
        let s = Stream::new(t, &sents);
        let second: Vec<&str> = s.sentence(1).iter().map(|k| &t[k.start..k.end]).collect();
        assert_eq!(second, vec!["6,000", "सैनिक"]);
        assert_eq!(s.sentence(1)[0].script, Script::Number);
        assert!(s.sentence(2).is_empty());
    }
}
