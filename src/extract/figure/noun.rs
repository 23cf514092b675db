//! The counted noun after a plain count: "6,000 troops" → `troops`, "हजारों सैनिकों" → `सैनिक`.
//!
//! The noun is the first word after the number that is not a postposition, particle, verb form
//! or number word (`not_nouns`), skipping up to two adjectives (`adjectives`) and a hyphenated
//! compound before another word ("दो भारी-स्वीकृत राष्ट्रों" → `राष्ट्र`). Hindi oblique plurals are
//! turned back into the direct form by `plural_rules` (-ों → ∅, -ियों → -ी, -ओं → ∅). English
//! capitalised words are not taken (a name or a sentence start, not a counted noun). English noun
//! phrases end in their head, so a singular word before a plural one is a modifier ("15 rescue
//! teams" → `teams`), and a past participle ("15 killed") is no noun.

use super::lexicon::flag;
use super::parse::Parser;

/// The counted noun starting at token `j`: (noun, end token).
pub(super) fn counted(p: &Parser<'_, '_>, j: usize) -> Option<(String, usize)> {
    let t = p.t;
    let mut k = j;
    for _ in 0..3 {
        if !t.is_word(k) {
            return None;
        }
        let raw = t.raw(k);
        let info = p.lex.get(t.key(k));
        if info.is_some_and(|w| w.has(flag::NOT_NOUN) || w.has(flag::DATE) || w.is_numeric()) {
            return None;
        }
        let hyphen_compound = matches!(t.punct(k + 1), Some('-' | '‐'))
            && t.attached(k + 1)
            && t.attached(k + 2)
            && t.is_word(k + 2)
            && t.is_word(k + 3);
        if hyphen_compound {
            k += 3;
            continue;
        }
        if info.is_some_and(|w| w.has(flag::ADJECTIVE)) && t.is_word(k + 1) {
            k += 1;
            continue;
        }
        if raw.is_ascii() && raw.chars().next().is_some_and(|c| c.is_ascii_uppercase()) {
            return None;
        }
        if raw.chars().count() < 2 {
            return None;
        }
        if raw.is_ascii() {
            // "15 killed", "200 injured": a past participle, not a noun
            if raw.len() >= 5 && raw.ends_with("ed") && !raw.ends_with("eed") {
                return None;
            }
            // English noun phrases end in their head: "15 rescue teams" counts teams, so a
            // singular word before a plural one is a modifier.
            // (up to two singular modifiers: "20,000 secondary school pupils" counts pupils)
            let plain = |m: usize| {
                t.is_word(m)
                    && t.tok(m).is_some_and(|x| x.ws_before)
                    && t.raw(m).chars().all(|c| c.is_ascii_lowercase())
                    && !p.lex.get(t.key(m)).is_some_and(|w| {
                        w.has(flag::NOT_NOUN) || w.has(flag::DATE) || w.is_numeric()
                    })
            };
            let mut h = k;
            if !plural(raw) {
                for m in k + 1..=k + 2 {
                    if !plain(m) {
                        break;
                    }
                    if plural(t.raw(m)) {
                        h = m;
                        break;
                    }
                }
            }
            return Some((t.raw(h).to_string(), h + 1));
        }
        return Some((singular(p, raw), k + 1));
    }
    None
}

/// The direct singular form of a Hindi oblique plural; other words unchanged.
fn singular(p: &Parser<'_, '_>, word: &str) -> String {
    for (suf, rep) in &p.lex.plural_rules {
        if let Some(base) = word.strip_suffix(suf.as_str())
            && base.chars().count() >= 2
        {
            return format!("{base}{rep}");
        }
    }
    word.to_string()
}

/// An English plural noun form: "teams", "boats", "cities" (not "gas", "bus", "crisis").
fn plural(w: &str) -> bool {
    w.len() >= 4
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
}
