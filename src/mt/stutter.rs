//! M001 stutter: a token or n-gram repeated the way a looping decoder repeats it.
//!
//! What it catches: the same word three or more times in a row ("प्रेस कॉस कॉस कॉस"), an n-gram
//! with a content word repeated three or more times in one sentence ("उत्तरी मिनी, उत्तरी मिनी,
//! उत्तरी मिनी"), and a syllable looping inside one word ("हाउरिस्टिस्टिस्टिस्टिस्").
//! Why: neural decoders fall into loops; people do not write a content word thrice in a row.
//! Reduplication ("धीरे-धीरे", "बहुत बहुत") is two, not three, and function-word n-grams
//! ("के लिए") are ignored.

use serde::Deserialize;

use crate::finding::{CodeDoc, Severity};
use crate::mt::normalize::Script;
use crate::mt::{DocView, Evidence};
use crate::span::Span;
use crate::tokens::FxHashMap;

/// `tathya explain M001`.
pub const DOC: CodeDoc = CodeDoc {
    code: "M001",
    name: "mt-stutter",
    severity: Severity::Warning,
    what: "A token repeated three or more times in a row, a phrase said twice in a row, a content n-gram repeated three or more times close together (not a list), or a syllable looping inside a word.",
    why: "Machine-translation decoders fall into loops and drop the words they should have produced; the sentence no longer says what the source said.",
    example: "लावरोव ने शनिवार को कहा कि एक प्रेस कॉस कॉस कॉस को …",
};

/// Thresholds, from `hi/mt/stutter.toml`.
#[derive(Debug, Deserialize)]
pub struct Data {
    min_run: usize,
    min_ngram_repeats: usize,
    max_ngram: usize,
    max_gap: usize,
    max_gap_word: usize,
    min_loop_repeats: usize,
    max_loop_period: usize,
    weight: f64,
    loose_gap: usize,
    weight_loose: f64,
    min_doubled: usize,
    max_doubled: usize,
}

/// Find loops in every body sentence.
pub fn check(v: &DocView, out: &mut Vec<Evidence>) {
    let d = &v.g.stutter;
    for s in &v.sents {
        let t = &s.tokens;
        let mut fired = false;
        // Runs of the same word.
        let mut i = 0;
        while i < t.len() {
            let mut j = i + 1;
            while j < t.len() && t[j].id == t[i].id && t[i].script != Script::Number {
                j += 1;
            }
            if j - i >= d.min_run {
                out.push(Evidence {
                    code: &DOC,
                    span: Span::new(t[i].start, t[j - 1].end),
                    message: format!(
                        "“{}” repeated {} times in a row",
                        v.slice(t[i].span()),
                        j - i
                    ),
                    weight: d.weight,
                });
                fired = true;
            }
            i = j;
        }
        // An n-gram with a content word, three or more times close together.
        if !fired && let Some((a, b, n, count)) = close_repeats(v, t, d) {
            let span = Span::new(t[a].start, t[b + n - 1].end);
            let gram: Vec<&str> = t[a..a + n].iter().map(|x| &*x.norm).collect();
            out.push(Evidence {
                code: &DOC,
                span,
                message: format!("“{}” repeated {count} times close together", gram.join(" ")),
                weight: d.weight,
            });
            fired = true;
        }
        // A phrase of three or more words said twice in a row ("मागादियों के मागादियों का बेटा था,
        // मागादियों के मागादियों का बेटा था").
        if !fired && let Some((a, n)) = doubled_phrase(v, t, d) {
            let span = Span::new(t[a].start, t[a + 2 * n - 1].end);
            out.push(Evidence {
                code: &DOC,
                span,
                message: format!(
                    "“{}” said twice in a row",
                    v.slice(Span::new(t[a].start, t[a + n - 1].end))
                ),
                weight: d.weight,
            });
            fired = true;
        }
        // Weak: a content word three times at looser distance, the last perhaps cut off mid-word
        // ("संवैधानिक … संवैधानिक … संवैधानि"): only adds to the score.
        if !fired && let Some((a, b, count)) = loose_repeats(v, t, d) {
            out.push(Evidence {
                code: &DOC,
                span: Span::new(t[a].start, t[b].end),
                message: format!(
                    "“{}” repeated {count} times in a short stretch",
                    v.slice(t[a].span())
                ),
                weight: d.weight_loose,
            });
            fired = true;
        }
        // A syllable looping inside one word.
        if !fired {
            for tok in t.iter().filter(|x| x.script != Script::Number) {
                if let Some(p) = looping(&tok.norm, d.max_loop_period, d.min_loop_repeats) {
                    out.push(Evidence {
                        code: &DOC,
                        span: tok.span(),
                        message: format!("“{p}” loops inside one word"),
                        weight: d.weight,
                    });
                    break;
                }
            }
        }
    }
}

/// An n-gram's current chain: first start, previous start, count, and the stretches (token
/// ranges) between occurrences.
type Chain = (usize, usize, usize, Vec<(usize, usize)>);

/// The first n-gram (1..=max_ngram words, one a content word) that occurs `min_ngram_repeats`
/// times with each occurrence starting at most `n + max_gap` tokens after the previous one
/// (`1 + max_gap_word` for a single word):
/// (first start, last start, n, count). N-grams are slices of word ids: equal ids are equal
/// normalised forms.
fn close_repeats(
    v: &DocView,
    t: &[crate::mt::normalize::Token],
    d: &Data,
) -> Option<(usize, usize, usize, usize)> {
    let ids: Vec<u32> = t.iter().map(|x| x.id).collect();
    // For each token: may start or fill an n-gram (not a number), and is a content word.
    let number: Vec<bool> = t.iter().map(|x| x.script == Script::Number).collect();
    let content: Vec<bool> = t.iter().map(|x| v.word(x).content).collect();
    // (first, previous, count) of the current chain, and the stretches (token ranges) between
    // occurrences.
    let mut last: FxHashMap<&[u32], Chain> = FxHashMap::default();
    for n in 1..=d.max_ngram {
        if t.len() < n * d.min_ngram_repeats {
            continue;
        }
        last.clear();
        let gap = if n == 1 { d.max_gap_word } else { d.max_gap };
        for k in 0..=t.len() - n {
            if !content[k..k + n].iter().any(|&c| c) || number[k..k + n].iter().any(|&x| x) {
                continue;
            }
            // Reduplication ("अलग-अलग") counts once.
            if n == 1 && k > 0 && ids[k - 1] == ids[k] {
                continue;
            }
            let e = last.entry(&ids[k..k + n]).or_insert((k, k, 0, Vec::new()));
            if e.2 == 0 {
                (e.0, e.1, e.2) = (k, k, 1);
                e.3.clear();
            } else if k < e.1 + n {
                continue; // overlapping
            } else if k <= e.1 + n + gap {
                e.3.push((e.1 + n, k));
                e.1 = k;
                e.2 += 1;
            } else {
                (e.0, e.1, e.2) = (k, k, 1);
                e.3.clear();
            }
            // Lists repeat a word or two ("संतलाल राम, शुकदेव राम"); three words or more
            // repeated three times close together are a loop even with varying words between.
            if e.2 >= d.min_ngram_repeats && (n >= 3 || !parallel(&ids, &e.3)) {
                return Some((e.0, e.1, n, e.2));
            }
        }
    }
    None
}

/// True when every stretch between repeats (a token range of `ids`) is different and none is
/// empty: a list or a rhetorical parallel ("अच्छी आवाज, अच्छी जबान, अच्छी ऊंचाई", "संतलाल राम,
/// शुकदेव राम, नागेन्द्र राम"), not a loop — loops repeat the same material or nothing.
fn parallel(ids: &[u32], gaps: &[(usize, usize)]) -> bool {
    gaps.iter().all(|&(a, b)| a < b)
        && gaps.iter().enumerate().all(|(i, &(a, b))| {
            gaps.iter()
                .skip(i + 1)
                .all(|&(c, e)| ids[a..b] != ids[c..e])
        })
}

/// The first phrase of `min_doubled`..=`max_doubled` words, one a content word, immediately
/// followed by itself: (start, length).
fn doubled_phrase(
    v: &DocView,
    t: &[crate::mt::normalize::Token],
    d: &Data,
) -> Option<(usize, usize)> {
    for n in d.min_doubled..=d.max_doubled {
        if t.len() < 2 * n {
            break;
        }
        for k in 0..=t.len() - 2 * n {
            let a = &t[k..k + n];
            let b = &t[k + n..k + 2 * n];
            if a.iter().zip(b).all(|(x, y)| x.id == y.id)
                && a.iter()
                    .filter(|x| !v.word(x).function && x.script != Script::Number)
                    .count()
                    >= 2
            {
                return Some((k, n));
            }
        }
    }
    None
}

/// A content word of three or more characters occurring `min_ngram_repeats` times, each within
/// `loose_gap` tokens of the previous; a final token that is a prefix of the word counts (the
/// decoder stopped mid-loop). (first index, last index, count).
fn loose_repeats(
    v: &DocView,
    t: &[crate::mt::normalize::Token],
    d: &Data,
) -> Option<(usize, usize, usize)> {
    let last = t.len().checked_sub(1)?;
    let ids: Vec<u32> = t.iter().map(|x| x.id).collect();
    for (i, w) in t.iter().enumerate() {
        if w.script == Script::Number || w.norm.chars().nth(2).is_none() || v.word(w).function {
            continue;
        }
        let mut prev = i;
        let mut count = 1;
        let mut gaps: Vec<(usize, usize)> = Vec::new();
        for (k, x) in t.iter().enumerate().skip(i + 1) {
            if k > prev + d.loose_gap {
                break;
            }
            let same = x.id == w.id
                || inflected(&w.norm, &x.norm)
                || (k == last && x.norm.chars().count() >= 3 && w.norm.starts_with(&*x.norm));
            if same && t[k - 1].id != x.id {
                gaps.push((prev + 1, k));
                prev = k;
                count += 1;
            }
        }
        if count >= d.min_ngram_repeats && !parallel(&ids, &gaps) {
            return Some((i, prev, count));
        }
    }
    None
}

/// True when one word is the other with an inflection of at most two characters
/// (आविष्कार / आविष्कारों), over a stem of at least four characters.
fn inflected(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if !long.starts_with(short) {
        return false;
    }
    let (sc, lc) = (short.chars().count(), long.chars().count());
    sc >= 4 && lc > sc && lc - sc <= 2
}

/// The unit that repeats `min_repeats` or more times in a row inside `word`, if any.
fn looping(word: &str, max_period: usize, min_repeats: usize) -> Option<String> {
    let c: Vec<char> = word.chars().collect();
    for p in 1..=max_period {
        if c.len() < p * min_repeats {
            break;
        }
        let mut run = 0;
        for i in p..c.len() {
            if c[i] == c[i - p] {
                run += 1;
                if run + p >= p * min_repeats {
                    let s = i + 1 - p * min_repeats;
                    return Some(c[s..s + p].iter().collect());
                }
            } else {
                run = 0;
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mt::testing::hits;

    #[test]
    fn a_word_thrice_in_a_row() {
        assert_eq!(
            hits(
                "लावरोव ने शनिवार को कहा कि एक प्रेस कॉस कॉस कॉस को समकक्ष।",
                "M001"
            ),
            vec!["कॉस कॉस कॉस"]
        );
    }

    #[test]
    fn reduplication_and_function_ngrams_are_not_loops() {
        assert!(hits("वह धीरे-धीरे चला और बहुत बहुत खुश हुआ।", "M001").is_empty());
        assert!(
            hits(
                "उसके लिए, इसके लिए, सबके लिए और उनके लिए के लिए के लिए काम किया।",
                "M001"
            )
            .is_empty()
        );
    }

    #[test]
    fn lists_and_parallels_are_not_loops() {
        assert!(hits("अल्लाह ने उनको अच्छी आवाज, अच्छी जबान, अच्छी ऊंचाई दी है।", "M001").is_empty());
        assert!(
            hits(
                "पीड़ितों में संतलाल राम, शुकदेव राम, नागेन्द्र राम व अशोक राम शामिल हैं।",
                "M001"
            )
            .is_empty()
        );
        assert_eq!(
            hits("यह रोग मरीजों की मरीजों की मरीजों को प्रभावित करता है।", "M001").len(),
            1
        );
    }

    #[test]
    fn ngram_and_syllable_loops() {
        assert_eq!(
            hits("उत्तरी मिनी, उत्तरी मिनी, और उत्तरी मिनी, उत्तर में।", "M001").len(),
            1
        );
        assert_eq!(hits("जैसे एस्प्रेसो हाउरिस्टिस्टिस्टिस्टिस्टिस्।", "M001").len(), 1);
        assert_eq!(looping("आआआआ", 4, 4).as_deref(), Some("आ"));
        assert_eq!(looping("मैट्रोमैट्रोमैट्रोमैट्रो", 8, 4).as_deref(), Some("मैट्रो"));
        assert_eq!(looping("प्रतिनिधि", 8, 4), None);
        assert!(hits("पाकिस्तान में 10000 से अधिक मरीज हैं।", "M001").is_empty());
    }
}
