//! M009 latin-fragment: untranslated English left inside Hindi prose.
//!
//! What it catches: lowercase English words in a Devanagari sentence ("मरीजों को genetically
//! dominant और …", "उच्च unemployment"). Acronyms (all capitals), brands and names (capitalised),
//! URLs, e-mail addresses, hashtags and handles are left alone.
//! Why: a human translator translates or transliterates; a lowercase English word left in Hindi
//! text is a word the machine could not handle. Weak for one word, stronger for a run.

use serde::Deserialize;

use crate::finding::{CodeDoc, Severity};
use crate::mt::normalize::Script;
use crate::mt::{DocView, Evidence};
use crate::span::Span;

/// `tathya explain M009`.
pub const DOC: CodeDoc = CodeDoc {
    code: "M009",
    name: "mt-latin-fragment",
    severity: Severity::Info,
    what: "Lowercase English words left untranslated inside a Hindi sentence (not acronyms, brands, names, URLs).",
    why: "A translator translates or transliterates; English left in Hindi prose is a word the machine could not handle.",
    example: "किसी भी व्यक्ति के मरीजों को genetically dominant और लगभग पूरी तरह से प्रभावित करता है",
};

/// Weights from `hi/mt/latin_fragment.toml`.
#[derive(Debug, Deserialize)]
pub struct Data {
    min_deva_share: f64,
    weight_one: f64,
    weight_run: f64,
}

/// Find lowercase Latin words in Devanagari sentences.
pub fn check(v: &DocView, out: &mut Vec<Evidence>) {
    let d = &v.g.latin_fragment;
    for s in &v.sents {
        let t = &s.tokens;
        let words = t.iter().filter(|x| x.script != Script::Number).count();
        let deva = t.iter().filter(|x| x.script == Script::Deva).count();
        if words == 0 || (deva as f64) < d.min_deva_share * words as f64 {
            continue;
        }
        let lower = |i: usize| {
            t.get(i).is_some_and(|x| {
                let raw = v.slice(x.span());
                x.script == Script::Latin
                    && raw.chars().count() >= 2
                    && raw.chars().all(|c| c.is_lowercase())
                    && !in_link(v.text, x.start, x.end)
            })
        };
        let mut i = 0;
        let mut best: Option<(usize, usize)> = None;
        while i < t.len() {
            if lower(i) {
                let mut j = i + 1;
                while lower(j) {
                    j += 1;
                }
                if best.is_none_or(|(a, b)| j - i > b - a) {
                    best = Some((i, j));
                }
                i = j;
            } else {
                i += 1;
            }
        }
        if let Some((a, b)) = best {
            let span = Span::new(t[a].start, t[b - 1].end);
            out.push(Evidence {
                code: &DOC,
                span,
                message: format!("untranslated English “{}”", v.slice(span)),
                weight: if b - a >= 2 {
                    d.weight_run
                } else {
                    d.weight_one
                },
            });
        }
    }
}

/// True when the word is part of a URL, e-mail, hashtag or handle.
fn in_link(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start]
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("");
    let after = text[end..].split(char::is_whitespace).next().unwrap_or("");
    let word = format!("{before}{}{after}", &text[start..end]);
    word.contains("://")
        || word.contains("www.")
        || word.contains('@')
        || word.contains('#')
        || word.contains(".com")
        || word.contains(".in")
        || word.contains(".org")
}

#[cfg(test)]
mod tests {
    use crate::mt::testing::hits;

    #[test]
    fn lowercase_english_in_hindi() {
        assert_eq!(
            hits(
                "यह रोग मरीजों को genetically dominant रूप से प्रभावित करता है।",
                "M009"
            ),
            vec!["genetically dominant"]
        );
    }

    #[test]
    fn names_acronyms_and_links_are_fine() {
        assert!(
            hits(
                "नासा (NASA) के Mars मिशन की जानकारी www.nasa.gov पर है।",
                "M009"
            )
            .is_empty()
        );
        assert!(hits("उन्होंने @narendramodi और #india पर लिखा।", "M009").is_empty());
    }
}
