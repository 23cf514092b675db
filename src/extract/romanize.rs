//! Devanagari → Latin romanisation and a phonetic key, so that names spelled differently across
//! outlets and scripts meet: शोइगु / शोइगू / Shoigu, होंगज़ोंग / होंगजोंगस / Hongzhong.
//!
//! Two outputs:
//! - [`romanize`]: a readable Latin spelling (used as the canonical name of an entity that no alias
//!   table knows, so that Hindi and English mentions of it get the same name);
//! - [`key`]: a lossy phonetic key (aspiration, vowel length, z/zh/j, doubled letters folded) that
//!   two spellings of one name share or nearly share; compare keys with [`similarity`].
//!
//! The inherent vowel is dropped word-finally and between a vowel and a consonant that carries its
//! own vowel (लावरोव → lavrov, not lavarova), the usual Hindi schwa deletion.
//!
//! Its letter tables (`consonant`, `vowel`, `matra`) are the crate's one Devanagari table:
//! the MT rules' consonant classes ([`crate::mt::romanize`]) are derived from them.

/// Latin for a Devanagari consonant (with nukta when `nukta`), or None.
pub(crate) fn consonant(c: char, nukta: bool) -> Option<&'static str> {
    let s = match (c, nukta) {
        ('क', false) => "k",
        ('क', true) | ('\u{0958}', _) => "q",
        ('ख', false) => "kh",
        ('ख', true) | ('\u{0959}', _) => "kh",
        ('ग', false) => "g",
        ('ग', true) | ('\u{095A}', _) => "g",
        ('घ', _) => "gh",
        ('ङ', _) => "n",
        ('च', _) => "ch",
        ('छ', _) => "chh",
        ('ज', false) => "j",
        ('ज', true) | ('\u{095B}', _) => "z",
        ('झ', _) => "jh",
        ('ञ', _) => "n",
        ('ट', _) => "t",
        ('ठ', _) => "th",
        ('ड', false) => "d",
        ('ड', true) | ('\u{095C}', _) => "r",
        ('ढ', false) => "dh",
        ('ढ', true) | ('\u{095D}', _) => "rh",
        ('ण', _) => "n",
        ('त', _) => "t",
        ('थ', _) => "th",
        ('द', _) => "d",
        ('ध', _) => "dh",
        ('न', _) => "n",
        ('प', _) => "p",
        ('फ', false) => "ph",
        ('फ', true) | ('\u{095E}', _) => "f",
        ('ब', _) => "b",
        ('भ', _) => "bh",
        ('म', _) => "m",
        ('य', _) | ('\u{095F}', _) => "y",
        ('र', _) => "r",
        ('ल', _) => "l",
        ('ळ', _) => "l",
        ('व', _) => "v",
        ('श', _) => "sh",
        ('ष', _) => "sh",
        ('स', _) => "s",
        ('ह', _) => "h",
        _ => return None,
    };
    Some(s)
}

/// Latin for an independent vowel.
pub(crate) fn vowel(c: char) -> Option<&'static str> {
    Some(match c {
        'अ' => "a",
        'आ' => "a",
        'इ' => "i",
        'ई' => "i",
        'उ' => "u",
        'ऊ' => "u",
        'ऋ' => "ri",
        'ए' => "e",
        'ऐ' => "ai",
        'ओ' => "o",
        'औ' => "au",
        'ऑ' => "o",
        'ऍ' => "e",
        _ => return None,
    })
}

/// Latin for a dependent vowel sign (matra).
pub(crate) fn matra(c: char) -> Option<&'static str> {
    Some(match c {
        'ा' => "a",
        'ि' => "i",
        'ी' => "i",
        'ु' => "u",
        'ू' => "u",
        'ृ' => "ri",
        'े' => "e",
        'ै' => "ai",
        'ो' => "o",
        'ौ' => "au",
        'ॉ' => "o",
        'ॅ' => "e",
        _ => return None,
    })
}

const NUKTA: char = '\u{093C}';
const VIRAMA: char = '\u{094D}';

/// One unit of a Devanagari word: a consonant with what follows it, or a vowel or sign.
#[derive(Debug)]
enum Unit {
    /// Consonant Latin, and its vowel: Some(matra) / None = inherent / Some("") = virama.
    Cons(&'static str, Option<&'static str>),
    /// Independent vowel, anusvara, visarga, digit or anything else, already in Latin.
    Other(String),
}

fn units(word: &str) -> Vec<Unit> {
    let chars: Vec<char> = word.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let nukta = chars.get(i + 1) == Some(&NUKTA);
        if let Some(lat) = consonant(c, nukta) {
            i += if nukta { 2 } else { 1 };
            let v = match chars.get(i) {
                Some(&VIRAMA) => {
                    i += 1;
                    Some("")
                }
                Some(&m) => match matra(m) {
                    Some(l) => {
                        i += 1;
                        Some(l)
                    }
                    None => None,
                },
                None => None,
            };
            out.push(Unit::Cons(lat, v));
            continue;
        }
        i += 1;
        let s = if let Some(v) = vowel(c) {
            v.to_string()
        } else {
            match c {
                'ं' | 'ँ' => "n".to_string(),
                'ः' => "h".to_string(),
                NUKTA | VIRAMA | '\u{200C}' | '\u{200D}' => String::new(),
                c if ('०'..='९').contains(&c) => {
                    char::from_digit(c as u32 - '०' as u32, 10).map_or(String::new(), String::from)
                }
                c => {
                    // A stray matra after a vowel, or a non-Devanagari character: keep Latin as is.
                    if let Some(m) = matra(c) {
                        m.to_string()
                    } else if c.is_ascii() {
                        c.to_ascii_lowercase().to_string()
                    } else if c.is_alphanumeric() {
                        c.to_lowercase().to_string()
                    } else {
                        String::new()
                    }
                }
            }
        };
        out.push(Unit::Other(s));
    }
    out
}

/// Whether the unit at `i` sounds a vowel of its own (an explicit matra or independent vowel).
fn has_vowel(u: &Unit) -> bool {
    match u {
        Unit::Cons(_, Some(v)) => !v.is_empty(),
        Unit::Cons(_, None) => true,
        Unit::Other(s) => s.chars().any(|c| "aeiou".contains(c)),
    }
}

fn romanize_word(word: &str) -> String {
    let us = units(word);
    let mut out = String::new();
    for (i, u) in us.iter().enumerate() {
        match u {
            Unit::Cons(l, v) => {
                out.push_str(l);
                match v {
                    Some(v) => out.push_str(v),
                    None => {
                        let last = i + 1 == us.len();
                        // The syllable before: skip an anusvara or visarga after its vowel.
                        let prev_vowel = us[..i]
                            .iter()
                            .rev()
                            .find(|u| !matches!(u, Unit::Other(s) if s == "n" || s == "h"))
                            .is_some_and(has_vowel);
                        let next_cons_voiced =
                            matches!(us.get(i + 1), Some(Unit::Cons(_, Some(v))) if !v.is_empty());
                        // A final conjunct ending in र, य or व keeps it (नरेंद्र → narendra, मित्र).
                        let final_cluster = last
                            && matches!(*l, "r" | "y" | "v")
                            && matches!(
                                i.checked_sub(1).and_then(|k| us.get(k)),
                                Some(Unit::Cons(_, Some("")))
                            );
                        let drop = (last && !final_cluster) || (prev_vowel && next_cons_voiced);
                        if !drop {
                            out.push('a');
                        }
                    }
                }
            }
            Unit::Other(s) => out.push_str(s),
        }
    }
    out
}

/// A readable Latin spelling of `text`: Devanagari words are transliterated, Latin is kept
/// (lowercased); words are separated by one space; hyphens become spaces.
pub fn romanize(text: &str) -> String {
    let mut words = Vec::new();
    for w in text.split(|c: char| c.is_whitespace() || c == '-' || c == '‐' || c == '–') {
        let w = w.trim_matches(|c: char| !(c.is_alphanumeric() || is_devanagari_letter(c)));
        if w.is_empty() {
            continue;
        }
        let r = romanize_word(w);
        if !r.is_empty() {
            words.push(r);
        }
    }
    words.join(" ")
}

fn is_devanagari_letter(c: char) -> bool {
    ('\u{0900}'..='\u{097F}').contains(&c) && !matches!(c, '।' | '॥' | '॰')
}

/// [`romanize`] with each word capitalised: "Kyurilo Budan".
pub fn display(text: &str) -> String {
    // Latin names keep their own spelling and capitals ("One Labour AM", "McDonald").
    if !text.chars().any(is_devanagari_letter) {
        return text
            .split(|c: char| c.is_whitespace())
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
    }
    romanize(text)
        .split(' ')
        .map(|w| {
            let mut cs = w.chars();
            match cs.next() {
                Some(f) => f.to_uppercase().chain(cs).collect::<String>(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The phonetic key of a name in either script: romanised, then aspiration, vowel length,
/// z/zh/j, w/v, y/i, c/k/q and doubled letters folded.
pub fn key(text: &str) -> String {
    let mut s = romanize(text);
    // In this order (each replacement sees the previous ones' output); a pattern that does not
    // occur leaves the text as it is, so it is not copied.
    for (from, to) in [
        ("zh", "j"),
        ("z", "j"),
        ("ph", "f"),
        ("w", "v"),
        ("q", "k"),
        ("ck", "k"),
        ("x", "ks"),
        ("ee", "i"),
        ("oo", "u"),
        ("ou", "o"),
        ("au", "o"),
        ("y", "i"),
    ] {
        if s.contains(from) {
            s = s.replace(from, to);
        }
    }
    // Drop an h after a consonant (aspiration, sh, ch, th).
    let mut out = String::with_capacity(s.len());
    let mut prev: Option<char> = None;
    for c in s.chars() {
        if c == 'h' && prev.is_some_and(|p| p.is_ascii_alphabetic() && !"aeiou".contains(p)) {
            continue;
        }
        if Some(c) == prev {
            continue;
        }
        out.push(c);
        prev = Some(c);
    }
    s = out.replace('c', "k");
    s
}

/// Similarity of two names in [0, 1]: Jaro-Winkler of their phonetic keys; short keys
/// (four letters or fewer) must be equal.
pub fn similarity(a: &str, b: &str) -> f64 {
    let (ka, kb) = (key(a), key(b));
    key_similarity(&ka, &kb)
}

/// Word-by-word similarity of two names with the same number of words: the smallest
/// [`key_similarity`] of the word pairs (0 when the counts differ). "किम योंग-ह्यून" and
/// "किम जोंग-उन" share a first word but not the rest, so they stay apart.
pub fn name_similarity(a: &str, b: &str) -> f64 {
    words_similarity(&word_keys(a), &word_keys(b))
}

/// The key of each word of a name, for [`words_similarity`] (compute once, compare often).
pub fn word_keys(name: &str) -> Vec<String> {
    key(name)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// [`name_similarity`] of two names already split with [`word_keys`].
pub fn words_similarity(a: &[String], b: &[String]) -> f64 {
    if a.len() != b.len() || a.is_empty() {
        return 0.0;
    }
    a.iter()
        .zip(b)
        .map(|(x, y)| key_similarity(x, y))
        .fold(1.0, f64::min)
}

/// [`words_similarity`] when it is at least `min` (None otherwise), stopping at the first word
/// pair below `min`.
pub fn words_similarity_at_least(a: &[String], b: &[String], min: f64) -> Option<f64> {
    if a.len() != b.len() || a.is_empty() {
        return (min <= 0.0).then_some(0.0);
    }
    let mut s = 1.0f64;
    for (x, y) in a.iter().zip(b) {
        if x != y && x.len() > 4 && y.len() > 4 && jaro_winkler_below(x, y, min) {
            return None;
        }
        s = s.min(key_similarity(x, y));
        if s < min {
            return None;
        }
    }
    Some(s)
}

/// True when the lengths alone keep the Jaro-Winkler similarity of `x` and `y` below `min`:
/// Jaro is at most (1 + r + 1) / 3 with r = shorter / longer (in characters), and the prefix
/// bonus (at most 4 x 0.1 of the rest) makes Jaro-Winkler at most 0.8 + 0.2 r.
fn jaro_winkler_below(x: &str, y: &str, min: f64) -> bool {
    let (lx, ly) = (x.chars().count(), y.chars().count());
    let (lo, hi) = (lx.min(ly), lx.max(ly));
    if hi == 0 {
        return false;
    }
    let r = lo as f64 / hi as f64;
    0.8 + 0.2 * r + 1e-9 < min
}

/// [`similarity`] of two keys already computed with [`key`].
pub fn key_similarity(ka: &str, kb: &str) -> f64 {
    if ka.is_empty() || kb.is_empty() {
        return 0.0;
    }
    if ka == kb {
        return 1.0;
    }
    if ka.len() <= 4 || kb.len() <= 4 {
        return 0.0;
    }
    strsim::jaro_winkler(ka, kb)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn romanises_common_names() {
        assert_eq!(romanize("लावरोव"), "lavrov");
        assert_eq!(romanize("शोइगु"), "shoigu");
        assert_eq!(romanize("किम जोंग-उन"), "kim jong un");
        assert_eq!(romanize("पुतिन"), "putin");
        assert_eq!(romanize("नरेंद्र मोदी"), "narendra modi");
        assert_eq!(romanize("कुर्स्क"), "kursk");
        assert_eq!(display("क्यूरीलो बुडन"), "Kyurilo Budan");
    }

    #[test]
    fn spelling_variants_share_or_nearly_share_a_key() {
        assert_eq!(key("शोइगु"), key("शोइगू"));
        assert_eq!(key("शोइगु"), key("Shoigu"));
        assert_eq!(key("होंगज़ोंग"), key("Hongzhong"));
        assert!(similarity("होंगज़ोंग", "होंगजोंगस") > 0.9);
        assert!(similarity("बेलौसोव", "Belousov") > 0.9);
        assert!(similarity("लावरोव", "Lavrov") > 0.99);
        assert!(similarity("सर्गेई", "Sergei") > 0.85);
        assert!(name_similarity("सर्गेई शोइगू", "Sergei Shoigu") > 0.85);
    }

    #[test]
    fn different_names_stay_apart() {
        assert!(similarity("शोइगु", "लावरोव") < 0.7);
        assert!(similarity("किम", "ली") < 0.5);
        assert!(similarity("पुतिन", "Putnam") < 0.9);
        assert!(name_similarity("किम योंग-ह्यून", "किम जोंग-उन") < 0.9);
    }

    #[test]
    fn never_panics_on_odd_input() {
        for s in ["", "्", "़क", "ं", "क्", "abc-", "१२३", "\u{200D}"] {
            let _ = key(s);
            let _ = display(s);
        }
    }

    #[test]
    fn length_bound_never_hides_a_close_pair() {
        let words = [
            "shoigu",
            "shoiguu",
            "lavrov",
            "belousov",
            "hongjong",
            "hongjongs",
            "sergei",
            "kimjongun",
            "putinn",
            "abcdefghij",
            "abcde",
            "trump",
            "tramp",
        ];
        for x in words {
            for y in words {
                if jaro_winkler_below(x, y, 0.9) {
                    assert!(strsim::jaro_winkler(x, y) < 0.9, "{x} {y}");
                }
            }
        }
    }
}
