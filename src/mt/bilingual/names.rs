//! M102 name-parity: a name of the original that the translation does not carry.
//!
//! A name is a capitalised English word that is not a known English content word; it is carried
//! when some Hindi token romanises close to it, or an exonym table maps it (India → भारत).

use crate::finding::{CodeDoc, Severity};
use crate::mt::bilingual::en_words;
use crate::mt::normalize::Script;
use crate::mt::romanize::{deva_skeleton, en_skeleton, roman, similarity};
use crate::mt::{DocView, Evidence, SentView};
use crate::span::Span;

/// `tathya explain M102`.
pub const DOC: CodeDoc = CodeDoc {
    code: "M102",
    name: "mt-name-parity",
    severity: Severity::Warning,
    what: "With --original: a name in the English sentence has no Devanagari rendering in its Hindi translation (translated as a word, dropped, or garbled).",
    why: "Who did or said something is a fact; a name translated as a word (\"Son\" → \"बेटा\") or dropped changes it.",
    example: "EN: Choe Son Hui met Putin — HI: चोए बेटा हुई ने पुतिन से मुलाकात की",
};

/// Names of an English sentence (lowercased), with their offsets.
pub fn en_names<'a>(v: &DocView, src: &'a str) -> Vec<(usize, &'a str)> {
    let words = en_words(src);
    let cap = |w: &str| {
        w.len() >= 2
            && w.chars().next().is_some_and(|c| c.is_ascii_uppercase())
            && w.chars().skip(1).all(|c| c.is_ascii_lowercase())
    };
    let plain = |k: usize| -> bool {
        // A capitalised word that is no English content word, no calendar name, and not merely
        // the first word of the sentence.
        words.get(k).is_some_and(|(_, w)| {
            let lw = w.to_ascii_lowercase();
            cap(w)
                && w.len() >= 3
                && !v.g.lexicon.is_english_word(&lw)
                && !v.g.bilingual.calendar.contains_key(&lw)
                && !matches!(
                    lw.as_str(),
                    "the"
                        | "this"
                        | "that"
                        | "they"
                        | "there"
                        | "these"
                        | "his"
                        | "her"
                        | "its"
                        | "but"
                        | "and"
                        | "for"
                        | "with"
                        | "when"
                        | "after"
                        | "while"
                        | "she"
                        | "you"
                        | "our"
                        | "what"
                        | "how"
                        | "why"
                        | "who"
                )
        })
    };
    words
        .iter()
        .enumerate()
        .filter(|(k, (_, w))| {
            let lw = w.to_ascii_lowercase();
            if plain(*k) {
                return true;
            }
            // An English word inside a name ("Choe Son Hui") is a name part.
            cap(w)
                && *k > 0
                && !v.g.bilingual.calendar.contains_key(&lw)
                && plain(k - 1)
                && plain(k + 1)
        })
        .map(|(_, x)| *x)
        .collect()
}

fn carried(v: &DocView, s: &SentView, name: &str) -> bool {
    let lw = name.to_ascii_lowercase();
    if let Some(forms) = v.g.bilingual.exonyms.get(&lw)
        && s.tokens
            .iter()
            .any(|t| forms.iter().any(|f| t.norm.starts_with(f.as_str())))
    {
        return true;
    }
    let esk = en_skeleton(&lw);
    s.tokens.iter().any(|t| {
        if t.script == Script::Latin {
            return t.norm == lw;
        }
        if t.script != Script::Deva {
            return false;
        }
        let r = roman(&t.norm);
        similarity(&r, &lw) >= 0.8 || (esk.len() >= 3 && deva_skeleton(&t.norm) == esk)
    })
}

/// How many names of `src` the Hindi sentence carries (used by the aligner).
pub fn shared(v: &DocView, s: &SentView, src: &str) -> usize {
    en_names(v, src)
        .iter()
        .filter(|(_, n)| carried(v, s, n))
        .count()
}

/// Check that every name of the original is carried.
pub fn check(v: &DocView, s: &SentView, src: &str, out: &mut Vec<Evidence>) {
    let missing: Vec<&str> = en_names(v, src)
        .into_iter()
        .filter(|(_, n)| !carried(v, s, n))
        .map(|(_, n)| n)
        .collect();
    if let Some(first) = missing.first() {
        out.push(Evidence {
            code: &DOC,
            span: Span::new(s.start, s.end),
            message: format!("the original's name “{first}” has no rendering in the translation"),
            weight: v.g.bilingual.weight("M102"),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mt::testing::g;

    #[test]
    fn a_translated_name_part() {
        let t = "चोए बेटा हुई ने पुतिन से मुलाकात की।";
        let v = DocView::single(t, g());
        let mut out = Vec::new();
        check(
            &v,
            &v.sents[0],
            "Choe Son Hui met Putin in Moscow.",
            &mut out,
        );
        assert_eq!(out.len(), 1);
        assert!(out[0].message.contains("Son"));
        let t = "चोए सोन हुई ने मास्को में पुतिन से मुलाकात की।";
        let v = DocView::single(t, g());
        let mut out = Vec::new();
        check(
            &v,
            &v.sents[0],
            "Choe Son Hui met Putin in Moscow.",
            &mut out,
        );
        assert!(out.is_empty(), "{out:?}");
    }
}
