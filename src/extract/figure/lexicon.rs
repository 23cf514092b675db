//! The figure lexicon: the words of `grammars/{hi,en}/{numbers,units}.toml`, compiled into lookup
//! tables keyed by a *folded* form of each word.
//!
//! Folding (see [`fold`]) removes the spelling noise that Hindi news and the peer suites are full
//! of, so the grammar files list real variants only: nukta dropped (हज़ार = हजार), chandrabindu →
//! anusvara (पाँच = पांच), ि → ी and ु → ू (इकत्तिस = इकत्तीस), a doubled or aspirate geminate
//! consonant → one (सत्तर = सतर, अट्ठाईस = अठाईस), ZWJ/ZWNJ dropped, Latin lower-cased. The same
//! fold is applied to the text's tokens, so both sides meet.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::claim::{FigureKind, Qualifier};
use crate::document::lang::nukta_base;
use crate::error::GrammarError;

/// Hash map keyed by folded words, with the crate's one hasher.
type HashMap<K, V> = crate::tokens::FxHashMap<K, V>;

/// `grammars/<lang>/numbers.toml`. Unknown keys are an error, so a misspelt list is not
/// silently ignored.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub(super) struct NumbersFile {
    #[allow(dead_code)]
    description: String,
    #[allow(dead_code)]
    example: Vec<toml::Value>,
    articles: Vec<String>,
    strict_articles: Vec<String>,
    decimal_words: Vec<String>,
    over_words: Vec<String>,
    part_of_links: Vec<String>,
    negative_after: Vec<String>,
    part_words: Vec<String>,
    ratio_words: Vec<String>,
    one_in_words: Vec<String>,
    case_scales: BTreeMap<String, f64>,
    and_words: Vec<String>,
    range_words: Vec<String>,
    negative_words: Vec<String>,
    implicit_one_before: Vec<String>,
    implicit_one_after: Vec<String>,
    postpositions: Vec<String>,
    article_count_nouns: Vec<String>,
    needs_of: Vec<String>,
    /// Words after which a fraction word alone is a number ("cut by half", "a half"); elsewhere
    /// a bare fraction word is a noun ("the second half").
    fraction_alone_after: Vec<String>,
    several_words: Vec<String>,
    money_scales: BTreeMap<String, f64>,
    mixed_words: Vec<String>,
    ordinal_suffix_rules: Vec<(String, String)>,
    digit_ordinal_suffixes: Vec<String>,
    ambiguous_ordinal: BTreeMap<String, Vec<String>>,
    year_prefixes: Vec<String>,
    date_words: Vec<String>,
    not_nouns: Vec<String>,
    adjectives: Vec<String>,
    plural_rules: Vec<(String, String)>,
    /// Rules of real spelling, `[written, also written]`: every cardinal word is also read in
    /// each spelling the rules make from it (up to three rules at once).
    spelling_rules: Vec<(String, String)>,
    cardinal: BTreeMap<String, f64>,
    scale: BTreeMap<String, f64>,
    fraction: BTreeMap<String, f64>,
    fraction_prefix: BTreeMap<String, f64>,
    ordinal: BTreeMap<String, f64>,
    vague: BTreeMap<String, f64>,
    /// Bounds of a vague word that is no plural of a scale: "few" = [2, 9].
    vague_bounds: BTreeMap<String, (f64, f64)>,
}

/// `grammars/<lang>/units.toml`.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub(super) struct UnitsFile {
    #[allow(dead_code)]
    description: String,
    #[allow(dead_code)]
    example: Vec<toml::Value>,
    unit: Vec<UnitSpec>,
    qualifier: Vec<QualSpec>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct UnitSpec {
    words: Vec<String>,
    unit: String,
    figure: String,
    #[serde(default)]
    factor: Option<f64>,
    #[serde(default)]
    position: Option<String>,
    #[serde(default)]
    dimension: Option<String>,
    #[serde(default)]
    size: Option<f64>,
    /// The unit counts only glued to its number and in the case written ("43c", not "40C").
    #[serde(default)]
    exact: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct QualSpec {
    words: Vec<String>,
    qualifier: String,
    position: String,
}

/// Word roles, as bit flags on [`WordInfo::flags`].
pub(super) mod flag {
    pub const ARTICLE: u32 = 1;
    pub const STRICT_ARTICLE: u32 = 1 << 1;
    pub const DECIMAL: u32 = 1 << 2;
    pub const OVER: u32 = 1 << 3;
    pub const AND: u32 = 1 << 4;
    pub const RANGE: u32 = 1 << 5;
    pub const AMBIGUOUS_ORDINAL: u32 = 1 << 6;
    pub const YEAR_PREFIX: u32 = 1 << 7;
    pub const DATE: u32 = 1 << 8;
    pub const NOT_NOUN: u32 = 1 << 9;
    pub const ADJECTIVE: u32 = 1 << 10;
    pub const DIGIT_ORDINAL_SUFFIX: u32 = 1 << 11;
    pub const NEGATIVE: u32 = 1 << 12;
    pub const MIXED: u32 = 1 << 13;
    pub const ONE_BEFORE: u32 = 1 << 14;
    pub const ONE_AFTER: u32 = 1 << 15;
    pub const POSTPOSITION: u32 = 1 << 16;
    pub const PERSON_NOUN: u32 = 1 << 17;
    pub const NEEDS_OF: u32 = 1 << 18;
    pub const SEVERAL: u32 = 1 << 19;
    pub const PART_OF: u32 = 1 << 20;
    pub const PART: u32 = 1 << 21;
    pub const FRACTION_ALONE: u32 = 1 << 22;
}

/// Everything the lexicon knows about one folded word.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct WordInfo {
    pub card: Option<f64>,
    pub scale: Option<f64>,
    pub frac: Option<f64>,
    pub frac_prefix: Option<f64>,
    pub ord: Option<f64>,
    pub vague: Option<f64>,
    /// The bounds of a vague word, when not 2 × its value and open ("few": 2 to 9).
    pub vague_bounds: Option<(f64, f64)>,
    /// A letter glued to an amount of money that scales it (£125m).
    pub money_scale: Option<f64>,
    pub flags: u32,
}

impl WordInfo {
    /// True when the word can start or continue a number.
    pub fn is_numeric(&self) -> bool {
        self.card.is_some()
            || self.scale.is_some()
            || self.frac.is_some()
            || self.frac_prefix.is_some()
            || self.ord.is_some()
            || self.vague.is_some()
    }

    pub fn has(&self, f: u32) -> bool {
        self.flags & f != 0
    }
}

/// A unit written next to a number.
#[derive(Debug, Clone)]
pub(super) struct UnitDef {
    pub unit: String,
    pub kind: FigureKind,
    pub factor: f64,
    /// Dimension and size in its base unit (length in m, mass in g, volume in L).
    pub measure: Option<(String, f64)>,
    /// The unit counts only written glued to its number and in exactly this case: "43c" is 43
    /// cents, but "43 c" is not, and "40C" is a temperature.
    pub exact: Option<String>,
}

/// Multi-word phrases (units, qualifiers) keyed by their first (forward) or last (backward) word.
#[derive(Debug)]
pub(super) struct PhraseSet<T> {
    map: HashMap<String, Vec<(Vec<PhraseWord>, T)>>,
}

/// One word of a phrase: its folded key, and whether it is written glued to the word before
/// ("km2" must be glued; "वर्ग किलोमीटर" has a space, and text may write either).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct PhraseWord {
    pub key: String,
    pub glued: bool,
}

impl<T> Default for PhraseSet<T> {
    fn default() -> Self {
        PhraseSet {
            map: HashMap::default(),
        }
    }
}

impl<T> PhraseSet<T> {
    fn insert(&mut self, words: Vec<PhraseWord>, value: T, backward: bool) {
        let Some(k) = (if backward {
            words.last()
        } else {
            words.first()
        }) else {
            return;
        };
        let list = self.map.entry(k.key.clone()).or_default();
        list.push((words, value));
        // Longest first, so the first hit is the longest.
        list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    }

    /// Phrases whose anchor word is `key`, longest first.
    pub fn candidates(&self, key: &str) -> &[(Vec<PhraseWord>, T)] {
        self.map.get(key).map(Vec::as_slice).unwrap_or(&[])
    }
}

/// The compiled lexicon of both languages (Devanagari and Latin words never collide).
#[derive(Debug, Default)]
pub(super) struct Lexicon {
    words: HashMap<String, WordInfo>,
    /// Ambiguous ordinal → words it is not an ordinal after.
    pub not_after: HashMap<String, Vec<String>>,
    pub ordinal_suffix_rules: Vec<(String, String)>,
    /// Latin tens words (twenty … ninety), for run-together forms ("thirtyfirst").
    pub latin_tens: Vec<(String, f64)>,
    pub plural_rules: Vec<(String, String)>,
    pub units_after: PhraseSet<UnitDef>,
    pub units_before: PhraseSet<UnitDef>,
    /// Qualifier phrases; `None` marks "equal to" (exact, both bounds stated).
    pub quals_after: PhraseSet<Option<Qualifier>>,
    pub quals_before: PhraseSet<Option<Qualifier>>,
    /// "out of", "in": a part and its whole ("two out of five" = 0.4); true for phrases whose
    /// part must be one ("one in five"; "2 in 5" is not a ratio).
    pub ratios: PhraseSet<bool>,
    /// Scale letters matched by their exact case after a number: "1.2M" (million) but "5 m"
    /// (metres), "1,674.5 G" (billion) but "5 g" (grams).
    pub case_scales: Vec<(String, f64)>,
    /// Phrases after a number that make it negative ("below zero"), as folded keys.
    pub negative_after: Vec<Vec<String>>,
}

impl Lexicon {
    /// What the lexicon knows of folded `key`.
    pub fn get(&self, key: &str) -> Option<&WordInfo> {
        self.words.get(key)
    }

    /// Every cardinal value the lexicon knows (for tests of its coverage).
    #[cfg(test)]
    pub fn cardinal_values(&self) -> Vec<f64> {
        let mut v: Vec<f64> = self.words.values().filter_map(|w| w.card).collect();
        v.sort_by(f64::total_cmp);
        v.dedup();
        v
    }

    fn entry(&mut self, word: &str) -> &mut WordInfo {
        let mut k = String::new();
        fold(word, &mut k);
        self.words.entry(k).or_default()
    }

    /// Add one `numbers.toml`.
    pub fn add_numbers(&mut self, f: NumbersFile) {
        let lists: [(&Vec<String>, u32); 21] = [
            (&f.fraction_alone_after, flag::FRACTION_ALONE),
            (&f.part_of_links, flag::PART_OF),
            (&f.part_words, flag::PART),
            (&f.several_words, flag::SEVERAL),
            (&f.needs_of, flag::NEEDS_OF),
            (&f.article_count_nouns, flag::PERSON_NOUN),
            (&f.postpositions, flag::POSTPOSITION),
            (&f.implicit_one_before, flag::ONE_BEFORE),
            (&f.implicit_one_after, flag::ONE_AFTER),
            (&f.negative_words, flag::NEGATIVE),
            (&f.mixed_words, flag::MIXED),
            (&f.articles, flag::ARTICLE),
            (&f.strict_articles, flag::STRICT_ARTICLE),
            (&f.decimal_words, flag::DECIMAL),
            (&f.over_words, flag::OVER),
            (&f.and_words, flag::AND),
            (&f.range_words, flag::RANGE),
            (&f.year_prefixes, flag::YEAR_PREFIX),
            (&f.date_words, flag::DATE),
            (&f.not_nouns, flag::NOT_NOUN),
            (&f.adjectives, flag::ADJECTIVE),
        ];
        for (list, fl) in lists {
            for w in list {
                self.entry(w).flags |= fl;
            }
        }
        for (w, after) in &f.ambiguous_ordinal {
            self.entry(w).flags |= flag::AMBIGUOUS_ORDINAL;
            let mut k = String::new();
            fold(w, &mut k);
            let list = after
                .iter()
                .map(|a| {
                    let mut f = String::new();
                    fold(a, &mut f);
                    f
                })
                .collect();
            self.not_after.insert(k, list);
        }
        for w in &f.digit_ordinal_suffixes {
            self.entry(w).flags |= flag::DIGIT_ORDINAL_SUFFIX;
        }
        for (w, v) in &f.cardinal {
            self.entry(w).card = Some(*v);
            if w.is_ascii() && (20.0..100.0).contains(v) && v % 10.0 == 0.0 {
                self.latin_tens.push((w.to_ascii_lowercase(), *v));
            }
        }
        // Spellings the rules make: a key two numbers would share is left out, and a word the
        // grammar lists keeps its own value.
        let mut made: BTreeMap<String, Option<f64>> = BTreeMap::new();
        for (w, v) in &f.cardinal {
            for variant in spellings(w, &f.spelling_rules) {
                let mut k = String::new();
                fold(&variant, &mut k);
                made.entry(k)
                    .and_modify(|e| {
                        if *e != Some(*v) {
                            *e = None;
                        }
                    })
                    .or_insert(Some(*v));
            }
        }
        for (k, v) in made {
            if let Some(v) = v {
                let e = self.words.entry(k).or_default();
                if e.card.is_none() && !e.is_numeric() && e.flags == 0 {
                    e.card = Some(v);
                }
            }
        }
        for (w, v) in &f.scale {
            self.entry(w).scale = Some(*v);
        }
        for (w, v) in &f.fraction {
            self.entry(w).frac = Some(*v);
        }
        for (w, v) in &f.fraction_prefix {
            self.entry(w).frac_prefix = Some(*v);
        }
        for (w, v) in &f.ordinal {
            self.entry(w).ord = Some(*v);
        }
        for (w, v) in &f.money_scales {
            self.entry(w).money_scale = Some(*v);
        }
        for (w, v) in &f.vague {
            self.entry(w).vague = Some(*v);
        }
        for (w, b) in &f.vague_bounds {
            self.entry(w).vague_bounds = Some(*b);
        }
        for w in &f.ratio_words {
            self.ratios.insert(phrase_keys(w), false, false);
        }
        for w in &f.one_in_words {
            self.ratios.insert(phrase_keys(w), true, false);
        }
        self.case_scales.extend(f.case_scales);
        for p in &f.negative_after {
            self.negative_after
                .push(phrase_keys(p).into_iter().map(|w| w.key).collect());
        }
        for (s, r) in f.ordinal_suffix_rules {
            let (mut fs, mut fr) = (String::new(), String::new());
            fold(&s, &mut fs);
            fold(&r, &mut fr);
            self.ordinal_suffix_rules.push((fs, fr));
        }
        // Longest suffix first.
        self.ordinal_suffix_rules
            .sort_by_key(|(s, _)| std::cmp::Reverse(s.len()));
        self.plural_rules.extend(f.plural_rules);
        self.plural_rules
            .sort_by_key(|(s, _)| std::cmp::Reverse(s.len()));
    }

    /// Add one `units.toml`.
    pub fn add_units(&mut self, file: &str, f: UnitsFile) -> Result<(), GrammarError> {
        let invalid = |message: String| GrammarError::Invalid {
            file: file.to_string(),
            message,
        };
        for u in f.unit {
            let kind = match u.figure.as_str() {
                "percent" => FigureKind::Percent,
                "money" => FigureKind::Money,
                "measure" => FigureKind::Measure,
                "duration" => FigureKind::Duration,
                "count" => FigureKind::Count,
                other => return Err(invalid(format!("unknown figure kind `{other}`"))),
            };
            let before = match u.position.as_deref() {
                None | Some("after") => false,
                Some("before") => true,
                Some(other) => return Err(invalid(format!("unknown position `{other}`"))),
            };
            let def = UnitDef {
                unit: u.unit.clone(),
                kind,
                factor: u.factor.unwrap_or(1.0),
                measure: u.dimension.clone().zip(u.size),
                exact: None,
            };
            for w in &u.words {
                let keys = phrase_keys(w);
                let def = UnitDef {
                    exact: u.exact.then(|| w.clone()),
                    ..def.clone()
                };
                if keys.is_empty() {
                    return Err(invalid(format!("empty unit word in `{}`", u.unit)));
                }
                if before {
                    self.units_before.insert(keys, def.clone(), true);
                } else {
                    self.units_after.insert(keys, def.clone(), false);
                }
            }
        }
        for q in f.qualifier {
            let qual = match q.qualifier.as_str() {
                "about" => Some(Qualifier::About),
                "more_than" => Some(Qualifier::MoreThan),
                "less_than" => Some(Qualifier::LessThan),
                "at_least" => Some(Qualifier::AtLeast),
                "at_most" => Some(Qualifier::AtMost),
                "equal" => None,
                other => return Err(invalid(format!("unknown qualifier `{other}`"))),
            };
            let before = match q.position.as_str() {
                "before" => true,
                "after" => false,
                other => return Err(invalid(format!("unknown position `{other}`"))),
            };
            for w in &q.words {
                let keys = phrase_keys(w);
                if keys.is_empty() {
                    return Err(invalid("empty qualifier word".into()));
                }
                if before {
                    self.quals_before.insert(keys, qual, true);
                } else {
                    self.quals_after.insert(keys, qual, false);
                }
            }
        }
        Ok(())
    }
}

/// The folded keys of a phrase, tokenised the way text is.
fn phrase_keys(phrase: &str) -> Vec<PhraseWord> {
    let toks = super::token::tokenize(phrase);
    toks.iter()
        .enumerate()
        .map(|(i, t)| {
            let mut key = String::new();
            fold(&phrase[t.start..t.end], &mut key);
            // Glued letters and digits must stay glued ("km2"); a glued mark ("रु.") may not,
            // but a currency sign glued to letters must ("A$", not the article in "a $2
            // billion").
            let currency = |k: &super::token::Kind| {
                matches!(k, super::token::Kind::Punct(c) if matches!(c, '$' | '£' | '€' | '¥' | '₹'))
            };
            let glued = i > 0
                && !t.ws_before
                && (!matches!(t.kind, super::token::Kind::Punct(_)) || currency(&t.kind))
                && toks
                    .get(i - 1)
                    .is_some_and(|p| !matches!(p.kind, super::token::Kind::Punct(_)));
            PhraseWord { key, glued }
        })
        .collect()
}

/// Every spelling of `word` that up to three of `rules` make (each rule rewriting one place),
/// the word itself excluded. Deterministic: rules in order, places left to right.
pub(super) fn spellings(word: &str, rules: &[(String, String)]) -> Vec<String> {
    let mut seen: Vec<String> = vec![word.to_string()];
    let mut frontier = vec![word.to_string()];
    for _ in 0..3 {
        let mut next = Vec::new();
        for w in &frontier {
            for (from, to) in rules {
                if from.is_empty() {
                    continue;
                }
                for (at, _) in w.match_indices(from.as_str()) {
                    let v = format!("{}{}{}", &w[..at], to, &w[at + from.len()..]);
                    if !seen.contains(&v) {
                        seen.push(v.clone());
                        next.push(v);
                    }
                }
            }
        }
        frontier = next;
    }
    seen.remove(0);
    seen
}

/// The aspirate partner of an unaspirated stop (ट → ठ), for geminates like ट्ठ.
fn aspirate_of(c: char) -> Option<char> {
    Some(match c {
        'क' => 'ख',
        'ग' => 'घ',
        'च' => 'छ',
        'ज' => 'झ',
        'ट' => 'ठ',
        'ड' => 'ढ',
        'त' => 'थ',
        'द' => 'ध',
        'प' => 'फ',
        'ब' => 'भ',
        _ => return None,
    })
}

/// Fold `word` into `out` (appending) for lookup; see the module docs for what is folded.
pub(super) fn fold(word: &str, out: &mut String) {
    const VIRAMA: char = '\u{094D}';
    let start = out.len();
    let mut chars = word.chars().peekable();
    while let Some(c) = chars.next() {
        let c = nukta_base(c).unwrap_or(c);
        match c {
            '\u{093C}' | '\u{200C}' | '\u{200D}' => continue,
            '\u{0901}' => out.push('\u{0902}'),
            'ि' => out.push('ी'),
            'ु' => out.push('ू'),
            'A'..='Z' => out.push(c.to_ascii_lowercase()),
            c if c.is_ascii() => out.push(c),
            VIRAMA => {
                // X्X or X्Xʰ: drop the first consonant and the virama (already pushed X).
                let prev = out[start..].chars().next_back();
                let next = chars.peek().copied().map(|n| nukta_base(n).unwrap_or(n));
                match (prev, next) {
                    (Some(p), Some(n)) if p == n || aspirate_of(p) == Some(n) => {
                        out.pop();
                    }
                    _ => out.push(VIRAMA),
                }
            }
            c if c.is_uppercase() => out.extend(c.to_lowercase()),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(s: &str) -> String {
        let mut o = String::new();
        fold(s, &mut o);
        o
    }

    #[test]
    fn fold_meets_spelling_variants() {
        assert_eq!(f("हज़ार"), f("हजार"));
        assert_eq!(f("हज\u{093C}ार"), f("हजार"));
        assert_eq!(f("पाँच"), f("पांच"));
        assert_eq!(f("इकत्तिस"), f("इकतीस"));
        assert_eq!(f("सत्तर"), f("सतर"));
        assert_eq!(f("अट्ठाईस"), f("अठाईस"));
        assert_eq!(f("Thousand"), "thousand");
        assert_ne!(f("सात"), f("साथ"));
        // A plain conjunct is kept.
        assert_eq!(f("प्रतिशत"), "प्रतीशत");
    }
}
