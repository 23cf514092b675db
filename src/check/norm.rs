//! Words as `check` compares them: tokens with byte spans, light normalisation and stemming,
//! synonyms, and the word classes that matter when two sentences differ (numbers, weekdays,
//! months, quoted words, event words).
//!
//! Outlets spell the same word differently (नॉर्थ/उत्तर, शोइगु/शोइगू, सितम्बर/सितंबर, बिना/बगैर), so
//! every word is reduced to a *key*: characters folded (nukta dropped, chandrabindu → anusvara,
//! long ई/ऊ matras → short, ऑ → ओ, a nasal consonant + virama before a consonant → anusvara,
//! Devanagari digits → ASCII, Latin lower-cased), a light suffix stripped, and synonyms mapped
//! to the first word of their list. Keys are hashed to `u64` so that documents can be processed
//! in parallel without a shared interner; the hash is fixed (FNV-1a), so runs are deterministic.
//! Tokens keep their byte spans into the text as read: nothing is normalised in place.

use serde::Deserialize;

use crate::error::GrammarError;
use crate::grammar::GrammarSet;

/// A hash map with the crate's one fast, deterministic hasher ([`crate::tokens::FxHashMap`]) for
/// the many maps keyed by terms and short words; SipHash's DoS resistance buys nothing here.
pub type FastMap<K, V> = crate::tokens::FxHashMap<K, V>;
/// A hash set with the crate's one hasher.
pub type FastSet<K> = crate::tokens::FxHashSet<K>;

/// A term: the hash of a normalised, stemmed, synonym-mapped word.
pub type Term = u64;

/// FNV-1a over the bytes of `s`: a fixed hash, so term ids are the same on every run.
///
/// Unlike the crate's other content hashes ([`crate::tokens::hash_str`]), which are only compared,
/// a term's value takes part in decisions: where equally weighted terms compete to be a sentence's
/// strongest terms or its blocking keys (story formation, alignment), the lower term wins. Another
/// hash function would pick other terms among the tied ones and so change stories and findings;
/// this one stays for that reason.
pub fn hash(s: &str) -> Term {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// A token is a function word.
pub const STOP: u16 = 1;
/// A token is a number (digits or a number word).
pub const NUMBER: u16 = 2;
/// A token is a weekday name.
pub const WEEKDAY: u16 = 4;
/// A token is a month name.
pub const MONTH: u16 = 8;
/// A token lies inside quote marks.
pub const QUOTED: u16 = 16;
/// A token names an event (meeting, arrival …).
pub const EVENT: u16 = 32;
/// A token is a source cue (अनुसार, बताया, according …).
pub const CUE: u16 = 64;

/// One word of a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    /// First byte in the document.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The word's key (normalised, stemmed, synonyms mapped).
    pub term: Term,
    /// Class bits: [`STOP`], [`NUMBER`], [`WEEKDAY`], [`MONTH`], [`QUOTED`], [`EVENT`], [`CUE`].
    pub flags: u16,
    /// Bit set of the event classes the word names.
    pub events: u32,
}

impl Tok {
    /// True when the word carries meaning (not a function word).
    pub fn is_content(&self) -> bool {
        self.flags & STOP == 0
    }

    /// True when a changed word of this class changes a fact: a number, weekday, month or a
    /// word inside quote marks.
    pub fn is_anchor(&self) -> bool {
        self.flags & (NUMBER | WEEKDAY | MONTH | QUOTED) != 0
    }
}

#[derive(Debug, Deserialize)]
struct LangFile {
    #[serde(default)]
    stopwords: Vec<String>,
    #[serde(default)]
    suffixes: Vec<String>,
    #[serde(default)]
    synonyms: Vec<Vec<String>>,
    #[serde(default)]
    events: std::collections::BTreeMap<String, Vec<String>>,
    #[serde(default)]
    source_cues: Vec<String>,
    #[serde(default)]
    numbers: Vec<String>,
    #[serde(default)]
    weekdays: Vec<String>,
    #[serde(default)]
    months: Vec<String>,
    #[serde(default)]
    day_words: Vec<String>,
    #[serde(default)]
    place_after: Vec<String>,
    #[serde(default)]
    place_before: Vec<String>,
    #[serde(default)]
    deictic: Vec<String>,
    #[serde(default)]
    number_values: std::collections::BTreeMap<String, f64>,
    #[serde(default)]
    aspects: Vec<Vec<String>>,
    #[serde(default)]
    pair: Vec<PairExample>,
}

/// An example pair of sentences in a check grammar file, run by the unit tests.
#[derive(Debug, Clone, Deserialize)]
pub struct PairExample {
    /// First sentence.
    pub a: String,
    /// Second sentence.
    pub b: String,
    /// The two words that must be found replaced for each other.
    #[serde(default)]
    pub differ: Vec<String>,
    /// Similarity must be at least this.
    #[serde(default)]
    pub similar: Option<f64>,
    /// Similarity must be at most this.
    #[serde(default)]
    pub dissimilar: Option<f64>,
}

#[derive(Debug, Deserialize)]
struct WireFile {
    #[serde(default)]
    wire: Vec<RawWire>,
    #[serde(default)]
    set_measures: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct RawWire {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    credit_only: Vec<String>,
}

/// A wire agency: its name and its aliases as term sequences.
#[derive(Debug, Clone)]
pub struct Wire {
    /// Display name ("IANS").
    pub name: String,
    /// Aliases that name the wire anywhere in a sentence.
    pub aliases: Vec<Vec<Term>>,
    /// Aliases that are common words too: they count only as a credit line or in brackets.
    pub credit_only: Vec<Vec<Term>>,
}

/// The compiled data of `check`: one lexicon for every language (Latin and Devanagari keys do not
/// collide), and the wire agencies.
#[derive(Debug)]
pub struct CheckGrammar {
    stop: FastSet<String>,
    hi_suffixes: Vec<String>,
    en_suffixes: Vec<String>,
    synonyms: FastMap<String, String>,
    events: FastMap<String, u32>,
    event_names: Vec<String>,
    cues: FastSet<String>,
    numbers: FastSet<String>,
    weekdays: FastMap<String, u8>,
    months: FastSet<String>,
    day_words: FastSet<String>,
    place_after: FastSet<String>,
    place_before: FastSet<String>,
    deictic: FastSet<String>,
    aspects: FastMap<String, u32>,
    number_values: FastMap<String, String>,
    /// Wire agencies.
    pub wires: Vec<Wire>,
    /// Measures that count members of a set (districts, hotspots): two outlets' numbers are
    /// mostly different sets, compared only in aligned sentences.
    pub set_measures: FastSet<String>,
    /// Example pairs from the files, for tests.
    pub pairs: Vec<PairExample>,
}

const FILES: [&str; 2] = ["hi/check.toml", "en/check.toml"];
const WIRES: &str = "check.toml";

impl AsRef<CheckGrammar> for CheckGrammar {
    fn as_ref(&self) -> &CheckGrammar {
        self
    }
}

impl CheckGrammar {
    /// Load `hi/check.toml`, `en/check.toml` and `check.toml`.
    pub fn load(set: &GrammarSet) -> Result<Self, GrammarError> {
        let mut g = CheckGrammar {
            stop: Default::default(),
            hi_suffixes: Vec::new(),
            en_suffixes: Vec::new(),
            synonyms: Default::default(),
            events: Default::default(),
            event_names: Vec::new(),
            cues: Default::default(),
            numbers: Default::default(),
            weekdays: Default::default(),
            months: Default::default(),
            day_words: Default::default(),
            place_after: Default::default(),
            place_before: Default::default(),
            deictic: Default::default(),
            number_values: Default::default(),
            aspects: Default::default(),
            wires: Vec::new(),
            set_measures: Default::default(),
            pairs: Vec::new(),
        };
        let files: Vec<LangFile> = FILES
            .iter()
            .map(|f| set.parse::<LangFile>(f))
            .collect::<Result<_, _>>()?;
        // Stop words and suffixes first: stemming the other lists needs them.
        for (i, f) in files.iter().enumerate() {
            g.stop.extend(f.stopwords.iter().map(|w| fold(w)));
            let sfx: Vec<String> = f.suffixes.iter().map(|s| fold(s)).collect();
            if i == 0 {
                g.hi_suffixes = sfx;
            } else {
                g.en_suffixes = sfx;
            }
        }
        g.hi_suffixes
            .sort_by_key(|s| std::cmp::Reverse(s.chars().count()));
        g.en_suffixes
            .sort_by_key(|s| std::cmp::Reverse(s.chars().count()));
        for (file, f) in FILES.iter().zip(&files) {
            for group in &f.synonyms {
                let Some(head) = group.first() else {
                    continue;
                };
                let head = g.stem(&fold(head));
                for w in group {
                    let k = g.stem(&fold(w));
                    if let Some(prev) = g.synonyms.get(&k).filter(|p| **p != head) {
                        return Err(GrammarError::Invalid {
                            file: file.to_string(),
                            message: format!("`{w}` is a synonym of both `{prev}` and `{head}`"),
                        });
                    }
                    g.synonyms.insert(k, head.clone());
                }
            }
            for (class, words) in &f.events {
                let bit = match g.event_names.iter().position(|n| n == class) {
                    Some(i) => i,
                    None => {
                        g.event_names.push(class.clone());
                        g.event_names.len() - 1
                    }
                };
                if bit >= 32 {
                    return Err(GrammarError::Invalid {
                        file: file.to_string(),
                        message: "more than 32 event classes".into(),
                    });
                }
                for w in words {
                    *g.events.entry(fold(w)).or_default() |= 1 << bit;
                }
            }
            g.cues.extend(f.source_cues.iter().map(|w| fold(w)));
            g.numbers.extend(f.numbers.iter().map(|w| fold(w)));
            g.months.extend(f.months.iter().map(|w| fold(w)));
            g.day_words.extend(f.day_words.iter().map(|w| fold(w)));
            g.place_after.extend(f.place_after.iter().map(|w| fold(w)));
            g.place_before
                .extend(f.place_before.iter().map(|w| fold(w)));
            g.deictic.extend(f.deictic.iter().map(|w| fold(w)));
            for (w, v) in &f.number_values {
                g.number_values.insert(fold(w), format!("{v}"));
            }
            for (k, group) in f.aspects.iter().enumerate() {
                for w in group {
                    *g.aspects.entry(fold(w)).or_default() |= 1 << (k % 32);
                }
            }
            for (i, w) in f.weekdays.iter().enumerate() {
                // Hindi lists extra names for Thursday/Sunday after the seven: map by name.
                g.weekdays
                    .insert(fold(w), weekday_number(w).unwrap_or(i as u8));
            }
            g.pairs.extend(f.pair.iter().cloned());
        }
        let wires: WireFile = set.parse(WIRES)?;
        g.set_measures = wires.set_measures.iter().cloned().collect();
        for w in wires.wire {
            let seq =
                |a: &String| -> Vec<Term> { g.words(a).into_iter().map(|t| t.term).collect() };
            let aliases = w
                .aliases
                .iter()
                .map(seq)
                .filter(|s| !s.is_empty())
                .collect();
            let credit_only = w
                .credit_only
                .iter()
                .map(seq)
                .filter(|s| !s.is_empty())
                .collect();
            g.wires.push(Wire {
                name: w.name,
                aliases,
                credit_only,
            });
        }
        Ok(g)
    }

    /// The names of the event classes, by bit.
    pub fn event_names(&self, bits: u32) -> Vec<&str> {
        self.event_names
            .iter()
            .enumerate()
            .filter(|(i, _)| bits & (1 << i) != 0)
            .map(|(_, n)| n.as_str())
            .collect()
    }

    fn stem(&self, w: &str) -> String {
        let latin = w.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
        let list = if latin {
            &self.en_suffixes
        } else {
            &self.hi_suffixes
        };
        let n = w.chars().count();
        for s in list {
            let sn = s.chars().count();
            if n >= sn + 2
                && let Some(stem) = w.strip_suffix(s.as_str())
            {
                // Keep at least two letters that are not vowel signs.
                if stem.chars().filter(|c| !is_mark(*c)).count() >= 2 {
                    return stem.to_string();
                }
            }
        }
        w.to_string()
    }

    /// The key of one word.
    pub fn key(&self, word: &str) -> String {
        self.key_folded(fold(word))
    }

    /// The key of a word already folded.
    fn key_folded(&self, f: String) -> String {
        if let Some(s) = self.synonyms.get(&f) {
            return s.clone();
        }
        let st = self.stem(&f);
        self.synonyms.get(&st).cloned().unwrap_or(st)
    }

    /// The words of `text` (offsets relative to `text`), classified, without quote tracking.
    pub fn words(&self, text: &str) -> Vec<Tok> {
        self.tokens(text, 0)
    }

    /// The words of `text`, with spans shifted by `base`, quote marks tracked within `text`.
    pub fn tokens(&self, text: &str, base: usize) -> Vec<Tok> {
        let mut out = Vec::new();
        let quoted = quote_regions(text);
        for (s, e) in raw_words(text) {
            let w = &text[s..e];
            let f = fold(w);
            let mut flags = 0u16;
            if self.stop.contains(&f) {
                flags |= STOP;
            }
            let digits = f
                .chars()
                .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
                && f.chars().any(|c| c.is_ascii_digit());
            if digits || self.numbers.contains(&f) {
                flags |= NUMBER;
            }
            if self.weekdays.contains_key(&f) {
                flags |= WEEKDAY;
            }
            if self.months.contains(&f) {
                flags |= MONTH;
            }
            if quoted.iter().any(|&(qs, qe)| qs <= s && e <= qe) {
                flags |= QUOTED;
            }
            let events = self.events.get(&f).copied().unwrap_or(0);
            if events != 0 {
                flags |= EVENT;
            }
            if self.cues.contains(&f) {
                flags |= CUE;
            }
            // A leading "1-" or "2." numbers a list item; it states nothing.
            if digits && s == 0 && text[e..].starts_with(['-', '.', ')', ':']) {
                flags &= !NUMBER;
            }
            let key = if digits {
                // 6,000 = 6000; a decimal point stays.
                f.replace(',', "")
            } else if let Some(v) = self.number_values.get(&f) {
                // पांच = 5: outlets write small numbers either way.
                v.clone()
            } else {
                self.key_folded(f)
            };
            out.push(Tok {
                start: base + s,
                end: base + e,
                term: hash(&key),
                flags,
                events,
            });
        }
        out
    }

    /// The terms of the places a sentence locates things in: the word before a locative
    /// postposition ("दिल्ली में") or after a locative preposition ("in Delhi"), outside `skip`.
    pub fn places(&self, text: &str, toks: &[Tok], skip: (usize, usize)) -> Vec<Term> {
        let mut out = Vec::new();
        for (i, t) in toks.iter().enumerate() {
            let w = fold(text.get(t.start..t.end).unwrap_or(""));
            let place = if self.place_after.contains(&w) {
                i.checked_sub(1).and_then(|p| toks.get(p))
            } else if self.place_before.contains(&w) {
                toks.get(i + 1)
            } else {
                None
            };
            if let Some(p) =
                place.filter(|p| p.is_content() && (p.end <= skip.0 || p.start >= skip.1))
            {
                out.push(p.term);
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Whether a sentence points at its scope instead of naming it (यहां, वहां, इनमें, राज्य में),
    /// and its aspect bits (नए, कुल, और …), outside `skip`.
    pub fn scope(&self, text: &str, toks: &[Tok], skip: (usize, usize)) -> (bool, u32) {
        let mut deictic = false;
        let mut aspects = 0;
        for t in toks.iter().filter(|t| t.end <= skip.0 || t.start >= skip.1) {
            let w = fold(text.get(t.start..t.end).unwrap_or(""));
            deictic |= self.deictic.contains(&w);
            aspects |= self.aspects.get(&w).copied().unwrap_or(0);
        }
        (deictic, aspects)
    }

    /// True when a word names a single day (दिन, कल, आज, day, yesterday …) or a weekday.
    pub fn is_day_word(&self, word: &str) -> bool {
        let f = fold(word);
        self.weekdays.contains_key(&f) || self.day_words.contains(&f)
    }

    /// The weekday (0 = Monday) a word names, if it is a weekday name.
    pub fn weekday(&self, word: &str) -> Option<u8> {
        self.weekdays.get(&fold(word)).copied()
    }
}

fn weekday_number(w: &str) -> Option<u8> {
    let f = fold(w);
    let table: [(&str, u8); 10] = [
        ("सोमवार", 0),
        ("मंगलवार", 1),
        ("बुधवार", 2),
        ("गुरुवार", 3),
        ("बृहस्पतिवार", 3),
        ("वीरवार", 3),
        ("शुक्रवार", 4),
        ("शनिवार", 5),
        ("रविवार", 6),
        ("इतवार", 6),
    ];
    table.iter().find(|(n, _)| fold(n) == f).map(|(_, d)| *d)
}

fn is_mark(c: char) -> bool {
    matches!(c, '\u{0900}'..='\u{0903}' | '\u{093A}'..='\u{094F}' | '\u{0955}'..='\u{0957}' | '\u{0962}' | '\u{0963}')
}

fn is_consonant(c: char) -> bool {
    matches!(c, '\u{0915}'..='\u{0939}' | '\u{0958}'..='\u{095F}')
}

/// Fold one word's characters for comparison (see the module docs).
pub fn fold(w: &str) -> String {
    let mut chars: Vec<char> = Vec::with_capacity(w.len());
    for c in w.chars() {
        let m = match c {
            '\u{093C}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{FEFF}' => continue,
            '\u{0901}' => '\u{0902}',
            '\u{0940}' => '\u{093F}',
            '\u{0942}' => '\u{0941}',
            '\u{0949}' => '\u{094B}',
            '\u{0911}' => '\u{0913}',
            '\u{0908}' => '\u{0907}',
            '\u{090A}' => '\u{0909}',
            '\u{0929}' => '\u{0928}',
            '\u{0931}' => '\u{0930}',
            '\u{0934}' => '\u{0933}',
            '\u{0958}' => '\u{0915}',
            '\u{0959}' => '\u{0916}',
            '\u{095A}' => '\u{0917}',
            '\u{095B}' => '\u{091C}',
            '\u{095C}' => '\u{0921}',
            '\u{095D}' => '\u{0922}',
            '\u{095E}' => '\u{092B}',
            '\u{095F}' => '\u{092F}',
            '\u{0966}'..='\u{096F}' => char::from_digit(c as u32 - 0x0966, 10).unwrap_or(c),
            c => c,
        };
        chars.extend(m.to_lowercase());
    }
    // A nasal consonant with virama before a consonant is written as anusvara by other outlets:
    // सम्बन्ध = संबंध, सितम्बर = सितंबर.
    let mut out = String::with_capacity(w.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if matches!(c, 'न' | 'म' | 'ङ' | 'ञ' | 'ण')
            && chars.get(i + 1) == Some(&'\u{094D}')
            && chars.get(i + 2).is_some_and(|n| is_consonant(*n))
        {
            out.push('\u{0902}');
            i += 2;
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

fn is_word_char(c: char) -> bool {
    // Fast paths first: `char::is_alphanumeric` is a slow table lookup for Devanagari.
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    if ('\u{0900}'..='\u{097F}').contains(&c) {
        return !matches!(c, '\u{0964}' | '\u{0965}' | '\u{0970}');
    }
    matches!(c, '\u{200C}' | '\u{200D}') || c.is_alphanumeric()
}

/// Byte ranges of the words of `text`: runs of letters, Devanagari signs and digits; digit groups
/// keep their inner commas and points (6,000 · 1.5).
pub fn raw_words(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if is_word_char(c) {
            if start.is_none() {
                start = Some(i);
            }
            continue;
        }
        if let Some(s) = start {
            let prev_digit = text[s..i]
                .chars()
                .last()
                .is_some_and(|p| p.is_ascii_digit() || ('\u{0966}'..='\u{096F}').contains(&p));
            let next_digit = iter
                .peek()
                .is_some_and(|(_, n)| n.is_ascii_digit() || ('\u{0966}'..='\u{096F}').contains(n));
            if matches!(c, ',' | '.') && prev_digit && next_digit {
                continue;
            }
            out.push((s, i));
            start = None;
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

/// Byte ranges of `text` inside quote marks: “…”, ‘…’, "…", «…», and '…' where the mark stands
/// at a word edge. An opening mark without its closing mark quotes nothing.
pub fn quote_regions(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(char, usize)> = None;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let prev = k.checked_sub(1).and_then(|p| chars.get(p)).map(|x| x.1);
        let next = chars.get(k + 1).map(|x| x.1);
        let at_open_edge = prev.is_none_or(|p| !is_word_char(p));
        let at_close_edge = next.is_none_or(|n| !is_word_char(n));
        match open {
            None => {
                let opens = match c {
                    '“' | '‘' | '«' => true,
                    '"' => true,
                    '\'' => at_open_edge && next.is_some_and(is_word_char),
                    _ => false,
                };
                if opens {
                    open = Some((c, i + c.len_utf8()));
                }
            }
            Some((o, s)) => {
                let closes = match (o, c) {
                    ('“', '”') | ('‘', '’') | ('«', '»') | ('"', '"') => true,
                    // Some pages close “ with a straight mark or with “ again.
                    ('“', '"') | ('“', '“') => true,
                    ('\'', '\'') | ('‘', '\'') => at_close_edge,
                    _ => false,
                };
                if closes {
                    out.push((s, i));
                    open = None;
                }
            }
        }
    }
    out
}

/// Weighted overlap of two sets of terms: the weight of the shared terms over the geometric mean
/// of the two sets' weights (a cosine over binary vectors, weighted). 0 when either is empty.
pub fn overlap(a: &[Term], b: &[Term], weight: impl Fn(Term) -> f64) -> f64 {
    let (shared, wa, wb) = parts(a, b, weight);
    if wa <= 0.0 || wb <= 0.0 {
        0.0
    } else {
        (shared / (wa * wb).sqrt()).clamp(0.0, 1.0)
    }
}

/// Weighted containment of two sets of terms: the weight of the shared terms over the larger
/// set's weight. Stricter than [`overlap`]: both sides must be mostly shared, so "भारत में 2 नए
/// मामले" and "इटली में 1,694 मामले" do not meet over "मामले" alone.
pub fn containment(a: &[Term], b: &[Term], weight: impl Fn(Term) -> f64) -> f64 {
    let (shared, wa, wb) = parts(a, b, weight);
    let m = wa.max(wb);
    if m <= 0.0 {
        0.0
    } else {
        (shared / m).clamp(0.0, 1.0)
    }
}

/// (shared weight, weight of a, weight of b) of two sorted term sets.
fn parts(a: &[Term], b: &[Term], weight: impl Fn(Term) -> f64) -> (f64, f64, f64) {
    let (mut i, mut j) = (0, 0);
    let (mut shared, mut wa, mut wb) = (0.0, 0.0, 0.0);
    while i < a.len() || j < b.len() {
        match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) if x == y => {
                let w = weight(*x);
                shared += w;
                wa += w;
                wb += w;
                i += 1;
                j += 1;
            }
            (Some(x), Some(y)) if x < y => {
                wa += weight(*x);
                i += 1;
            }
            (Some(_), Some(y)) => {
                wb += weight(*y);
                j += 1;
            }
            (Some(x), None) => {
                wa += weight(*x);
                i += 1;
            }
            (None, Some(y)) => {
                wb += weight(*y);
                j += 1;
            }
            (None, None) => break,
        }
    }
    (shared, wa, wb)
}

/// The sorted, deduplicated content terms of some tokens.
pub fn content_terms(toks: &[Tok]) -> Vec<Term> {
    let mut v: Vec<Term> = toks
        .iter()
        .filter(|t| t.is_content())
        .map(|t| t.term)
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// A replacement between two token sequences: `a[a_range]` stands where `b[b_range]` stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replacement {
    /// Token indices in the first sequence.
    pub a: std::ops::Range<usize>,
    /// Token indices in the second sequence.
    pub b: std::ops::Range<usize>,
}

/// Align two token sequences by their terms (longest common subsequence) and return the gaps:
/// where both sides have words that the other lacks (replacements), and pure insertions or
/// deletions (one side empty). Sequences longer than 400 tokens are not aligned.
pub fn diff(a: &[Tok], b: &[Tok]) -> Vec<Replacement> {
    let (n, m) = (a.len(), b.len());
    if n > 400 || m > 400 {
        return Vec::new();
    }
    // lcs[i][j] = LCS length of a[i..], b[j..].
    let w = m + 1;
    let mut lcs = vec![0u16; (n + 1) * w];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i * w + j] = if a[i].term == b[j].term {
                lcs[(i + 1) * w + j + 1] + 1
            } else {
                lcs[(i + 1) * w + j].max(lcs[i * w + j + 1])
            };
        }
    }
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    let (mut gi, mut gj) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && a[i].term == b[j].term {
            if gi < i || gj < j {
                out.push(Replacement { a: gi..i, b: gj..j });
            }
            i += 1;
            j += 1;
            gi = i;
            gj = j;
        } else if j >= m || (i < n && lcs[(i + 1) * w + j] >= lcs[i * w + j + 1]) {
            i += 1;
        } else {
            j += 1;
        }
    }
    if gi < n || gj < m {
        out.push(Replacement { a: gi..n, b: gj..m });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::GrammarSet;

    fn g() -> CheckGrammar {
        CheckGrammar::load(&GrammarSet::builtin()).unwrap()
    }

    fn words<'a>(text: &'a str, toks: &[Tok]) -> Vec<&'a str> {
        toks.iter().map(|t| &text[t.start..t.end]).collect()
    }

    #[test]
    fn words_keep_spans_and_digit_groups() {
        let text = "गोला-बारूद के 40% से अधिक, 6,000 सैनिक। १,२०० लोग";
        let toks = g().tokens(text, 0);
        assert_eq!(
            words(text, &toks),
            [
                "गोला",
                "बारूद",
                "के",
                "40",
                "से",
                "अधिक",
                "6,000",
                "सैनिक",
                "१,२००",
                "लोग"
            ]
        );
        assert!(toks[3].flags & NUMBER != 0);
        assert_eq!(toks[8].term, hash("1200"));
    }

    #[test]
    fn spelling_variants_share_a_key() {
        let g = g();
        assert_eq!(g.key("शोइगु"), g.key("शोइगू"));
        assert_eq!(g.key("सितम्बर"), g.key("सितंबर"));
        assert_eq!(g.key("बिना"), g.key("बगैर"));
        assert_eq!(g.key("शक्तिशाली"), g.key("मजबूत"));
        assert_eq!(g.key("नॉर्थ"), g.key("उत्तर"));
        assert_eq!(g.key("ज़्यादा"), g.key("ज्यादा"));
        assert_eq!(g.key("सैनिकों"), g.key("सैनिक"));
        assert_ne!(g.key("शुक्रवार"), g.key("गुरुवार"));
    }

    #[test]
    fn quote_regions_pair_marks_and_ignore_apostrophes() {
        let t = "उन्होंने “स्पष्ट समर्थन” और \"बिना देरी\" कहा; Kim's 'army' ‘ok’";
        let r: Vec<&str> = quote_regions(t).iter().map(|&(s, e)| &t[s..e]).collect();
        assert_eq!(r, ["स्पष्ट समर्थन", "बिना देरी", "army", "ok"]);
        assert!(quote_regions("“खुला पर बंद नहीं").is_empty());
    }

    #[test]
    fn diff_finds_the_replaced_word() {
        let g = g();
        let a = "रूसी मंत्री शुक्रवार को किम से मिले।";
        let b = "रूसी मंत्री गुरुवार को किम से मिले।";
        let (ta, tb) = (g.words(a), g.words(b));
        let d = diff(&ta, &tb);
        assert_eq!(d.len(), 1);
        assert_eq!(words(a, &ta[d[0].a.clone()]), ["शुक्रवार"]);
        assert_eq!(words(b, &tb[d[0].b.clone()]), ["गुरुवार"]);
        assert!(diff(&ta, &ta).is_empty());
    }

    #[test]
    fn grammar_pairs_hold() {
        let g = g();
        assert!(!g.pairs.is_empty());
        for p in &g.pairs {
            let (ta, tb) = (g.words(&p.a), g.words(&p.b));
            let sim = overlap(&content_terms(&ta), &content_terms(&tb), |_| 1.0);
            if let Some(min) = p.similar {
                assert!(sim >= min, "{} ~ {}: {sim} < {min}", p.a, p.b);
            }
            if let Some(max) = p.dissimilar {
                assert!(sim <= max, "{} ~ {}: {sim} > {max}", p.a, p.b);
            }
            if !p.differ.is_empty() {
                let d = diff(&ta, &tb);
                let found: Vec<(Vec<&str>, Vec<&str>)> = d
                    .iter()
                    .map(|r| (words(&p.a, &ta[r.a.clone()]), words(&p.b, &tb[r.b.clone()])))
                    .collect();
                assert_eq!(
                    found,
                    vec![(vec![p.differ[0].as_str()], vec![p.differ[1].as_str()])],
                    "{} / {}",
                    p.a,
                    p.b
                );
            }
        }
    }

    #[test]
    fn event_classes_are_only_the_events_table() {
        let g = g();
        let names = g.event_names(u32::MAX);
        assert!(names.contains(&"meeting") && names.contains(&"arrival"));
        assert!(
            !names
                .iter()
                .any(|n| ["numbers", "weekdays", "months", "source_cues"].contains(n))
        );
        assert_eq!(g.event_names(0), Vec::<&str>::new());
    }

    #[test]
    fn wires_load_with_aliases() {
        let g = g();
        let yonhap = g.wires.iter().find(|w| w.name == "Yonhap").unwrap();
        assert_eq!(yonhap.aliases[0], vec![hash(&g.key("Yonhap"))]);
        assert!(
            g.wires
                .iter()
                .all(|w| !w.aliases.is_empty() || !w.credit_only.is_empty())
        );
    }
}
