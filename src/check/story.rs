//! Stories: which documents report the same event.
//!
//! Sharing people is not enough: the seeds show Kim Jong Un meeting a Russian defence minister in
//! July 2023 and again in November 2024, and Lavrov visiting in 2025 — the same names throughout.
//! What separates stories is
//!
//! - **dates**: two dated documents further apart than the window are never one story;
//! - **shared facts, not shared vocabulary**: two documents are close when many of their
//!   sentences find a counterpart in the other that shares its *specific* words (weighted by
//!   inverse sentence frequency over the whole run, so "उत्तर कोरिया" weighs little and
//!   "बेलौसोव", "बिना देरी", "70वीं वर्षगांठ" weigh much). The score of a pair is the mean, over the
//!   two documents, of the share of their sentences that are matched. A translated wire story
//!   about a different visit matches few sentences, even with every name in common.
//!
//! Documents join by average linkage (a document joins a story only when it is close to the
//! story's members on average), so one bridging article cannot chain two stories together.
//!
//! Cost: every sentence is reduced to its 24 strongest terms; candidate sentence pairs come from
//! posting lists of each sentence's 4 strongest terms, walked in date order with a bounded
//! look-ahead; so the work grows linearly with the number of sentences.

use std::collections::HashMap;

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::check::norm::{self, CheckGrammar, NUMBER};
use crate::check::{CheckOptions, Story};
use crate::document::Document;

/// Default least story score (mean share of matched sentences) for two documents to share a story.
pub const DEFAULT_THRESHOLD: f64 = 0.15;
/// Least similarity of two sentences to count as a match.
pub const SENTENCE_MATCH: f64 = 0.4;

/// Terms kept per sentence.
const TOP_TERMS: usize = 24;
/// Blocking keys per sentence.
const KEYS: usize = 4;
/// Look-ahead along a posting list sorted by date.
const LOOKAHEAD: usize = 32;
/// Sentences with fewer content terms than this take no part.
const MIN_TERMS: usize = 3;

type T32 = u32;

/// Content terms of each distinct body sentence (numbers excluded), as 32-bit terms.
fn sentence_terms(doc: &Document, g: &CheckGrammar) -> Vec<Vec<T32>> {
    let mut out: Vec<Vec<T32>> = Vec::new();
    for s in doc.sentences.iter().filter(|s| !s.chrome) {
        let text = s.span().slice(&doc.text);
        let mut v: Vec<T32> = g
            .tokens(text, s.start)
            .into_iter()
            .filter(|t| t.is_content() && t.flags & NUMBER == 0 && t.end - t.start > 3)
            .map(|t| (t.term ^ (t.term >> 32)) as T32)
            .collect();
        v.sort_unstable();
        v.dedup();
        if v.len() >= MIN_TERMS && !out.contains(&v) {
            out.push(v);
        }
    }
    out
}

fn days_apart(a: Option<NaiveDate>, b: Option<NaiveDate>) -> Option<i64> {
    Some((a? - b?).num_days().abs())
}

/// True when `id` is the document named by `name`: the same id, a path ending in `/name`, the
/// same file name, or the same file name without its extension.
pub fn names(id: &str, name: &str) -> bool {
    if id == name {
        return true;
    }
    let id = id.replace('\\', "/");
    let name = name.replace('\\', "/");
    let trimmed = name.trim_start_matches("./");
    let file = id.rsplit('/').next().unwrap_or(&id);
    id == trimmed
        || id.ends_with(&format!("/{trimmed}"))
        || file == trimmed
        || file.rsplit_once('.').map(|x| x.0) == Some(trimmed)
}

/// Story scores of document pairs (indices into `docs`), from matched sentences.
struct Scores {
    pairs: HashMap<(u32, u32), f64>,
}

impl Scores {
    fn get(&self, a: u32, b: u32) -> f64 {
        self.pairs
            .get(&(a.min(b), a.max(b)))
            .copied()
            .unwrap_or(0.0)
    }
}

/// Score every pair of `docs` that shares a matched sentence (see the module docs).
fn scores(docs: &[&Document], window: i64, g: &CheckGrammar) -> Scores {
    // Pass 1: sentence frequencies.
    let (df, n_sent): (HashMap<T32, u32>, usize) = docs
        .par_iter()
        .fold(
            || (HashMap::new(), 0usize),
            |(mut m, mut n): (HashMap<T32, u32>, usize), d| {
                for s in sentence_terms(d, g) {
                    n += 1;
                    for t in s {
                        *m.entry(t).or_default() += 1;
                    }
                }
                (m, n)
            },
        )
        .reduce(
            || (HashMap::new(), 0),
            |(mut a, na), (b, nb)| {
                for (k, v) in b {
                    *a.entry(k).or_default() += v;
                }
                (a, na + nb)
            },
        );
    let n_sent = n_sent.max(1) as f64;
    let idf = |t: T32| -> f64 { (1.0 + n_sent / f64::from(df.get(&t).copied().unwrap_or(1))).ln() };

    // Pass 2: each sentence's strongest terms.
    let sents: Vec<Vec<Vec<T32>>> = docs
        .par_iter()
        .map(|d| {
            sentence_terms(d, g)
                .into_iter()
                .map(|s| {
                    let mut v: Vec<(f64, T32)> = s.into_iter().map(|t| (idf(t), t)).collect();
                    v.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
                    v.truncate(TOP_TERMS);
                    let mut t: Vec<T32> = v.into_iter().map(|x| x.1).collect();
                    t.sort_unstable();
                    t
                })
                .collect()
        })
        .collect();

    // Candidate sentence pairs from the strongest terms' posting lists.
    let mut postings: HashMap<T32, Vec<(u32, u16)>> = HashMap::new();
    for (d, ss) in sents.iter().enumerate() {
        for (k, s) in ss.iter().enumerate() {
            // Keys are the strongest terms that some other sentence shares.
            let mut v: Vec<(f64, T32)> = s
                .iter()
                .filter(|t| df.get(t).is_some_and(|&d| d > 1))
                .map(|&t| (idf(t), t))
                .collect();
            v.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
            for (_, t) in v.into_iter().take(KEYS) {
                postings
                    .entry(t)
                    .or_default()
                    .push((d as u32, k.min(u16::MAX as usize) as u16));
            }
        }
    }
    let mut lists: Vec<Vec<(u32, u16)>> = postings.into_values().filter(|l| l.len() > 1).collect();
    lists.sort_unstable();
    let matches: Vec<(u32, u32, u16, u16)> = lists
        .par_iter_mut()
        .flat_map_iter(|l| {
            l.sort_unstable_by_key(|&(d, k)| (docs[d as usize].published, d, k));
            let mut out = Vec::new();
            for a in 0..l.len() {
                let (da, ka) = l[a];
                for &(db, kb) in l.iter().skip(a + 1).take(LOOKAHEAD) {
                    if da == db {
                        continue;
                    }
                    if days_apart(docs[da as usize].published, docs[db as usize].published)
                        .is_some_and(|x| x > window)
                    {
                        break;
                    }
                    let (sa, sb) = (
                        &sents[da as usize][ka as usize],
                        &sents[db as usize][kb as usize],
                    );
                    let sim = norm::overlap(
                        &sa.iter().map(|&t| u64::from(t)).collect::<Vec<_>>(),
                        &sb.iter().map(|&t| u64::from(t)).collect::<Vec<_>>(),
                        |t| idf(t as T32),
                    );
                    if sim >= SENTENCE_MATCH {
                        if da < db {
                            out.push((da, db, ka, kb));
                        } else {
                            out.push((db, da, kb, ka));
                        }
                    }
                }
            }
            out.into_iter()
        })
        .collect();
    let mut by_pair: HashMap<(u32, u32), (Vec<u16>, Vec<u16>)> = HashMap::new();
    for (a, b, ka, kb) in matches {
        let e = by_pair.entry((a, b)).or_default();
        e.0.push(ka);
        e.1.push(kb);
    }
    let pairs = by_pair
        .into_iter()
        .map(|((a, b), (mut ma, mut mb))| {
            ma.sort_unstable();
            ma.dedup();
            mb.sort_unstable();
            mb.dedup();
            let na = sents[a as usize].len().max(1) as f64;
            let nb = sents[b as usize].len().max(1) as f64;
            ((a, b), 0.5 * (ma.len() as f64 / na + mb.len() as f64 / nb))
        })
        .collect();
    Scores { pairs }
}

/// Group documents into stories (see the module docs). Failed documents form no story.
pub fn cluster(docs: &[Document], opts: &CheckOptions, g: &CheckGrammar) -> Vec<Story> {
    let n = docs.len();
    let mut assigned = vec![false; n];
    let mut fixed: Vec<Vec<usize>> = Vec::new();
    for names_list in &opts.stories {
        let mut members = Vec::new();
        for name in names_list {
            for (i, d) in docs.iter().enumerate() {
                if !assigned[i] && !d.is_failed() && names(&d.id, name) {
                    assigned[i] = true;
                    members.push(i);
                }
            }
        }
        if !members.is_empty() {
            members.sort_unstable();
            fixed.push(members);
        }
    }
    let pool: Vec<usize> = (0..n)
        .filter(|&i| !assigned[i] && !docs[i].is_failed())
        .collect();
    let pool_docs: Vec<&Document> = pool.iter().map(|&i| &docs[i]).collect();
    let window = opts.window_days;
    let sc = scores(&pool_docs, window, g);
    let mut edges: Vec<(f64, u32, u32)> = sc
        .pairs
        .iter()
        .filter(|(_, s)| **s >= opts.story_threshold)
        .map(|(&(a, b), &s)| (s, a, b))
        .collect();
    edges.sort_unstable_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    let mut best: Vec<f64> = vec![0.0; pool.len()];
    for (&(a, b), &s) in &sc.pairs {
        best[a as usize] = best[a as usize].max(s);
        best[b as usize] = best[b as usize].max(s);
    }

    // Average linkage with date spans kept inside the window.
    let mut root: Vec<usize> = (0..pool.len()).collect();
    let mut members: Vec<Vec<u32>> = (0..pool.len() as u32).map(|k| vec![k]).collect();
    let mut span: Vec<Option<(NaiveDate, NaiveDate)>> = pool_docs
        .iter()
        .map(|d| d.published.map(|p| (p, p)))
        .collect();
    for &(s, a, b) in &edges {
        let (ra, rb) = (root[a as usize], root[b as usize]);
        if ra == rb {
            continue;
        }
        let merged_span = match (span[ra], span[rb]) {
            (Some(x), Some(y)) => Some((x.0.min(y.0), x.1.max(y.1))),
            (x, y) => x.or(y),
        };
        if merged_span.is_some_and(|(lo, hi)| (hi - lo).num_days() > window) {
            continue;
        }
        if members[ra].len() + members[rb].len() > 2 {
            let (sa, sb) = (&members[ra], &members[rb]);
            let mut total = 0.0;
            let mut count = 0.0;
            for x in sa.iter().take(16) {
                for y in sb.iter().take(16) {
                    total += sc.get(*x, *y);
                    count += 1.0;
                }
            }
            if count > 0.0 && total / count < opts.story_threshold {
                continue;
            }
        }
        let _ = s;
        let (keep, gone) = (ra.min(rb), ra.max(rb));
        let moved = std::mem::take(&mut members[gone]);
        for &m in &moved {
            root[m as usize] = keep;
        }
        members[keep].extend(moved);
        span[keep] = merged_span;
    }

    // Every story, fixed or found, is ordered by its first document.
    let mut groups: Vec<(Vec<usize>, bool, String)> = Vec::new();
    for f in fixed {
        groups.push((f, true, "fixed by the user".to_string()));
    }
    for (k, m) in members.iter().enumerate() {
        if m.is_empty() {
            continue;
        }
        let mut idx: Vec<usize> = m.iter().map(|&x| pool[x as usize]).collect();
        idx.sort_unstable();
        let reason = if idx.len() == 1 {
            format!(
                "no other document within {window} days reports enough of the same facts (best match {:.2})",
                best[k]
            )
        } else {
            let dates: Vec<NaiveDate> = m
                .iter()
                .filter_map(|&x| pool_docs[x as usize].published)
                .collect();
            let when = match (dates.iter().min(), dates.iter().max()) {
                (Some(lo), Some(hi)) if lo == hi => format!("published {lo}"),
                (Some(lo), Some(hi)) => format!("published {lo} – {hi}"),
                _ => "publication dates unknown".to_string(),
            };
            let strongest = m.iter().map(|&x| best[x as usize]).fold(0.0f64, f64::max);
            format!("{when}; their sentences report the same facts (match up to {strongest:.2})")
        };
        groups.push((idx, false, reason));
    }
    groups.sort_by_key(|g| g.0.first().copied());
    groups
        .into_iter()
        .enumerate()
        .map(|(k, (idx, fixed, reason))| Story {
            id: format!("S{}", k + 1),
            documents: idx.iter().map(|&i| docs[i].id.clone()).collect(),
            fixed,
            reason,
            groups: Vec::new(),
            doc_indices: idx,
        })
        .collect()
}

/// Story scores of every pair of documents that match at all, ignoring dates (for tuning and
/// tests): `(i, j, score)` with `i < j`, sorted.
pub fn similarities(docs: &[Document], g: &CheckGrammar) -> Vec<(usize, usize, f64)> {
    let refs: Vec<&Document> = docs.iter().collect();
    let sc = scores(&refs, i64::MAX / 4, g);
    let mut out: Vec<(usize, usize, f64)> = sc
        .pairs
        .into_iter()
        .map(|((a, b), s)| (a as usize, b as usize, s))
        .collect();
    out.sort_by(|x, y| (x.0, x.1).cmp(&(y.0, y.1)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_ids_paths_and_file_names() {
        assert!(names("tests/corpus/000_b1.txt", "000_b1.txt"));
        assert!(names("tests/corpus/000_b1.txt", "corpus/000_b1.txt"));
        assert!(names("tests/corpus/000_b1.txt", "000_b1"));
        assert!(names("rec-7", "rec-7"));
        assert!(!names("tests/corpus/000_b1.txt", "00_b1.txt"));
    }
}
