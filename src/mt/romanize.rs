//! Romanisation of Devanagari words and consonant skeletons of Devanagari and English words.
//!
//! Transliterated English ("बार्टरिंग") and names spelled two ways ("बुडन" / "बडनोव") are found by
//! comparing sounds, not letters. [`roman`] gives a rough Latin spelling (inherent vowel included,
//! final schwa dropped) for string similarity; [`deva_skeleton`] and [`en_skeleton`] reduce a word
//! to its consonant classes (aspiration, retroflexion and doubling ignored), so "bartering" and
//! "बार्टरिंग" both become `brtrng`. The Devanagari letters are read from the one table of
//! [`crate::extract::romanize`].

const VIRAMA: char = '\u{094D}';

/// The consonant class of a Devanagari consonant: the crate's one letter table
/// ([`crate::extract::romanize`]) with aspiration dropped (ख = क, थ = त) and फ as f. Precomposed
/// nukta letters have no class here: the rules read folded words, where they are their bases.
fn consonant(c: char) -> Option<&'static str> {
    if ('\u{0958}'..='\u{095F}').contains(&c) {
        return None;
    }
    Some(match crate::extract::romanize::consonant(c, false)? {
        "ph" => "f",
        "chh" => "ch",
        k @ ("sh" | "ch") => k,
        k if k.len() == 2 && k.ends_with('h') => &k[..1],
        k => k,
    })
}

/// Latin for a vowel, independent or sign, from the crate's one letter table.
fn vowel(c: char) -> Option<&'static str> {
    crate::extract::romanize::vowel(c).or_else(|| crate::extract::romanize::matra(c))
}

/// A rough Latin spelling of a (normalised) Devanagari word: "बडनोव" → "badanov".
pub fn roman(word: &str) -> String {
    let chars: Vec<char> = word.chars().collect();
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if let Some(k) = consonant(c) {
            out.push_str(k);
            let next = chars.get(i + 1).copied();
            let takes_schwa = match next {
                None => false,
                Some(n) => n != VIRAMA && !is_matra(n),
            };
            // Final schwa is silent; so is a schwa before a final consonant+vowel in practice,
            // but keeping it there is harmless for similarity.
            if takes_schwa && i + 1 < chars.len() {
                out.push('a');
            }
        } else if let Some(v) = vowel(c) {
            out.push_str(v);
        } else if c == 'ं' || c == 'ँ' {
            out.push('n');
        } else if c == 'ः' {
            out.push('h');
        } else if c.is_ascii_alphabetic() {
            out.push(c.to_ascii_lowercase());
        }
    }
    out
}

fn is_matra(c: char) -> bool {
    matches!(
        c,
        '\u{093E}'..='\u{094C}' | '\u{0962}' | '\u{0963}' | 'ं' | 'ँ' | 'ः'
    ) && c != VIRAMA
}

fn push_class(out: &mut String, k: &str) {
    if !out.ends_with(k) {
        out.push_str(k);
    }
}

fn class_of(k: &str) -> &str {
    match k {
        // z and j are one class: ज़ loses its nukta in normalisation.
        "z" => "j",
        "w" => "v",
        "c" | "q" => "k",
        "sh" => "S",
        "ch" => "C",
        other => other,
    }
}

/// Consonant classes of a Devanagari word, doubled classes collapsed: "बार्टरिंग" → "brtrng".
pub fn deva_skeleton(word: &str) -> String {
    let mut out = String::new();
    let chars: Vec<char> = word.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if let Some(k) = consonant(c) {
            if k == "y" || k == "h" {
                // Glides and h come and go between spellings ("ब्यूरो", "हॉस्पिटल").
                continue;
            }
            push_class(&mut out, class_of(k));
        } else if c == 'ं' || c == 'ँ' {
            // Anusvara before a labial is m: नवंबर = नवम्बर.
            let labial = chars
                .get(i + 1)
                .is_some_and(|n| matches!(n, 'प' | 'फ' | 'ब' | 'भ' | 'म'));
            push_class(&mut out, if labial { "m" } else { "n" });
        }
    }
    out
}

/// Consonant classes of an English word, by rough spelling rules: "bartering" → "brtrng",
/// "stockpile" → "stkpl", "coastal" → "kstl", "tourist" → "trst".
pub fn en_skeleton(word: &str) -> String {
    let w: Vec<char> = word.to_ascii_lowercase().chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < w.len() {
        let c = w[i];
        let n = w.get(i + 1).copied();
        let n2 = w.get(i + 2).copied();
        let (k, step): (&str, usize) = match (c, n) {
            ('t', Some('i')) if n2 == Some('o') && w.get(i + 3) == Some(&'n') => ("Sn", 4),
            ('s', Some('h')) => ("S", 2),
            ('c', Some('h')) => ("C", 2),
            ('t', Some('h')) => ("t", 2),
            ('p', Some('h')) => ("f", 2),
            ('g', Some('h')) => ("", 2),
            ('c', Some('k')) => ("k", 2),
            ('q', Some('u')) => ("kv", 2),
            ('d', Some('g')) => ("j", 2),
            ('x', _) => ("ks", 1),
            ('c', Some('e' | 'i' | 'y')) => ("s", 1),
            ('g', Some('e' | 'i')) if i > 0 => ("j", 1),
            ('y', _) | ('h', _) => ("", 1),
            // A final w after a vowel is a vowel: Moscow, Warsaw.
            ('w', None) if i > 0 => ("", 1),
            ('a' | 'e' | 'i' | 'o' | 'u', _) => ("", 1),
            (c, _) if c.is_ascii_alphabetic() => {
                let k = match c {
                    'b' => "b",
                    'c' | 'k' | 'q' => "k",
                    'd' => "d",
                    'f' => "f",
                    'g' => "g",
                    'j' | 'z' => "j",
                    'l' => "l",
                    'm' => "m",
                    'n' => "n",
                    'p' => "p",
                    'r' => "r",
                    's' => "s",
                    't' => "t",
                    'v' | 'w' => "v",
                    _ => "",
                };
                (k, 1)
            }
            _ => ("", 1),
        };
        for ch in k.chars() {
            push_class(&mut out, class_of(ch.encode_utf8(&mut [0; 4])));
        }
        i += step;
    }
    out
}

/// Jaro-Winkler similarity of two words' romanisations.
pub fn similarity(a: &str, b: &str) -> f64 {
    strsim::jaro_winkler(a, b)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The classes derived from the shared table, letter by letter.
    #[test]
    fn consonant_classes_from_the_shared_table() {
        let want = [
            ("कख", "k"),
            ("गघ", "g"),
            ("ङञणन", "n"),
            ("चछ", "ch"),
            ("जझ", "j"),
            ("टठतथ", "t"),
            ("डढदध", "d"),
            ("प", "p"),
            ("फ", "f"),
            ("बभ", "b"),
            ("म", "m"),
            ("य", "y"),
            ("र", "r"),
            ("लळ", "l"),
            ("व", "v"),
            ("शष", "sh"),
            ("स", "s"),
            ("ह", "h"),
        ];
        for (letters, class) in want {
            for c in letters.chars() {
                assert_eq!(consonant(c), Some(class), "{c}");
            }
        }
        assert_eq!(consonant('\u{0958}'), None);
        assert_eq!(consonant('अ'), None);
        assert_eq!(vowel('ॉ'), Some("o"));
        assert_eq!(vowel('ऐ'), Some("ai"));
        assert_eq!(vowel('ृ'), Some("ri"));
    }

    #[test]
    fn skeletons_of_transliterations_meet_their_english_words() {
        for (hi, en) in [
            ("बार्टरिंग", "bartering"),
            ("स्टॉकपाइल", "stockpile"),
            ("कोस्टल", "coastal"),
            ("टूरिस्ट", "tourist"),
            ("कॉन्फ्रेंस", "conference"),
        ] {
            assert_eq!(deva_skeleton(hi), en_skeleton(en), "{hi} / {en}");
        }
        assert_ne!(deva_skeleton("सरकार"), en_skeleton("circus"));
        assert_eq!(deva_skeleton("मास्को"), en_skeleton("moscow"));
    }

    #[test]
    fn roman_spelling() {
        assert_eq!(roman("बडनोव"), "badanov");
        assert_eq!(roman("सोन"), "son");
        assert_eq!(roman("सुंदरय"), "sundaray");
        assert!(similarity(&roman("बुडन"), &roman("बडनोव")) > 0.7);
    }
}
