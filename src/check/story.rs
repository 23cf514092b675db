//! Stories: which documents report the same event.
//!
//! Sharing people is not enough: the seeds show Kim Jong Un meeting a Russian defence minister in
//! July 2023 and again in November 2024, and Lavrov visiting in 2025. What separates stories is
//! (a) publication dates — two dated documents further apart than the window are never one story —
//! and (b) the *specific* words they share: each document is a vector of its content words,
//! entities, resolved dates and figures, weighted by tf × idf over the whole run (a name every
//! article mentions weighs almost nothing, a name two articles share weighs much) with the
//! headline and lead counted twice. Documents join when the cosine of their vectors clears a
//! threshold, by average linkage (a document joins a story only if it is close to the story's
//! members on average, so one bridging article cannot chain two stories together).
//!
//! Candidate pairs come from posting lists of each document's strongest terms, each list walked
//! in date order with a bounded look-ahead, so the number of comparisons grows linearly.

use std::collections::HashMap;

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::check::norm::{CheckGrammar, NUMBER, Term, hash};
use crate::check::{CheckOptions, Story};
use crate::claim::ClaimKind;
use crate::document::Document;

/// Default least cosine similarity for two documents to share a story.
pub const DEFAULT_THRESHOLD: f64 = 0.2;

/// Terms kept per document vector.
const TOP_TERMS: usize = 48;
/// Look-ahead along a posting list sorted by date.
const LOOKAHEAD: usize = 24;
/// Sentences counted twice (headline and lead).
const LEAD: usize = 3;

struct Profile {
    published: Option<NaiveDate>,
    /// (term, weight), sorted by term, unit length.
    vec: Vec<(Term, f32)>,
}

/// The weighted terms of one document, before idf.
fn term_counts(doc: &Document, g: &CheckGrammar) -> Vec<(Term, f32)> {
    let mut counts: HashMap<Term, f32> = HashMap::new();
    for (k, s) in doc.sentences.iter().filter(|s| !s.chrome).enumerate() {
        let boost = if k < LEAD { 2.0 } else { 1.0 };
        let text = s.span().slice(&doc.text);
        for t in g.tokens(text, s.start) {
            if t.is_content() && t.flags & NUMBER == 0 && t.end - t.start > 3 {
                *counts.entry(t.term).or_default() += boost;
            }
        }
    }
    for e in &doc.entities {
        *counts.entry(hash(&format!("E:{}", e.entity))).or_default() += e.mentions.len() as f32;
    }
    for c in &doc.claims {
        let key = match &c.detail {
            ClaimKind::Time(t) => t.value.as_ref().filter(|v| v.len() == 10).map(|v| format!("T:{v}")),
            ClaimKind::Figure(f) => f.unit.as_ref().map(|u| format!("F:{}:{}", f.value, g.key(u))),
            _ => None,
        };
        if let Some(k) = key {
            *counts.entry(hash(&k)).or_default() += 1.0;
        }
    }
    let mut v: Vec<(Term, f32)> = counts.into_iter().collect();
    v.sort_unstable_by_key(|x| x.0);
    v
}

fn cosine(a: &[(Term, f32)], b: &[(Term, f32)]) -> f64 {
    let (mut i, mut j, mut dot) = (0, 0, 0.0f64);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.0.cmp(&y.0) {
            std::cmp::Ordering::Equal => {
                dot += f64::from(x.1) * f64::from(y.1);
                i += 1;
                j += 1;
            }
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
        }
    }
    dot.clamp(0.0, 1.0)
}

fn days_apart(a: Option<NaiveDate>, b: Option<NaiveDate>) -> Option<i64> {
    Some((a? - b?).num_days().abs())
}

/// True when `id` is the document named by `name`: the same id, a path ending in `/name`, or the
/// same file name.
pub fn names(id: &str, name: &str) -> bool {
    if id == name {
        return true;
    }
    let norm = |s: &str| s.replace('\\', "/");
    let (id, name) = (norm(id), norm(name));
    let trimmed = name.trim_start_matches("./");
    id.ends_with(&format!("/{trimmed}"))
        || id == trimmed
        || id.rsplit('/').next() == Some(trimmed)
        || id
            .rsplit('/')
            .next()
            .and_then(|f| f.rsplit_once('.').map(|x| x.0))
            == Some(trimmed)
}

struct Dsu {
    parent: Vec<usize>,
}

impl Dsu {
    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }
}

/// Group documents into stories (see the module docs). Failed documents form no story.
pub fn cluster(docs: &[Document], opts: &CheckOptions, g: &CheckGrammar) -> Vec<Story> {
    let n = docs.len();
    let mut assigned: Vec<Option<usize>> = vec![None; n];
    let mut fixed: Vec<Vec<usize>> = Vec::new();
    for names_list in &opts.stories {
        let mut members = Vec::new();
        for name in names_list {
            for (i, d) in docs.iter().enumerate() {
                if assigned[i].is_none() && !d.is_failed() && names(&d.id, name) {
                    assigned[i] = Some(fixed.len());
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
        .filter(|&i| assigned[i].is_none() && !docs[i].is_failed())
        .collect();

    let pool_docs: Vec<&Document> = pool.iter().map(|&i| &docs[i]).collect();
    let profiles: Vec<Profile> = vectors(&pool_docs, g)
        .into_iter()
        .zip(&pool_docs)
        .map(|(vec, d)| Profile {
            published: d.published,
            vec,
        })
        .collect();

    // Candidate pairs from posting lists walked in date order.
    let mut postings: HashMap<Term, Vec<u32>> = HashMap::new();
    for (k, p) in profiles.iter().enumerate() {
        for (t, _) in &p.vec {
            postings.entry(*t).or_default().push(k as u32);
        }
    }
    let mut lists: Vec<Vec<u32>> = postings.into_values().filter(|l| l.len() > 1).collect();
    lists.sort_unstable();
    let window = opts.window_days;
    let mut pairs: Vec<(u32, u32)> = lists
        .par_iter_mut()
        .flat_map_iter(|l| {
            l.sort_unstable_by_key(|&k| (profiles[k as usize].published, k));
            let mut out = Vec::new();
            for a in 0..l.len() {
                for b in l.iter().skip(a + 1).take(LOOKAHEAD) {
                    let (x, y) = (l[a].min(*b), l[a].max(*b));
                    let (px, py) = (&profiles[x as usize], &profiles[y as usize]);
                    if days_apart(px.published, py.published).is_some_and(|d| d > window) {
                        break;
                    }
                    out.push((x, y));
                }
            }
            out.into_iter()
        })
        .collect();
    pairs.par_sort_unstable();
    pairs.dedup();
    let mut edges: Vec<(f64, u32, u32)> = pairs
        .par_iter()
        .filter_map(|&(a, b)| {
            let s = cosine(&profiles[a as usize].vec, &profiles[b as usize].vec);
            (s >= opts.story_threshold).then_some((s, a, b))
        })
        .collect();
    edges.sort_unstable_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));

    // Average linkage with date spans kept inside the window.
    let mut dsu = Dsu {
        parent: (0..pool.len()).collect(),
    };
    let mut members: Vec<Vec<u32>> = (0..pool.len() as u32).map(|k| vec![k]).collect();
    let mut span: Vec<Option<(NaiveDate, NaiveDate)>> =
        profiles.iter().map(|p| p.published.map(|d| (d, d))).collect();
    let mut best: Vec<f64> = vec![0.0; pool.len()];
    for &(s, a, b) in &edges {
        best[a as usize] = best[a as usize].max(s);
        best[b as usize] = best[b as usize].max(s);
        let (ra, rb) = (dsu.find(a as usize), dsu.find(b as usize));
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
            for x in sa.iter().take(8) {
                for y in sb.iter().take(8) {
                    total += cosine(&profiles[*x as usize].vec, &profiles[*y as usize].vec);
                    count += 1.0;
                }
            }
            if count > 0.0 && total / count < opts.story_threshold {
                continue;
            }
        }
        let (keep, gone) = if ra < rb { (ra, rb) } else { (rb, ra) };
        dsu.parent[gone] = keep;
        let moved = std::mem::take(&mut members[gone]);
        members[keep].extend(moved);
        span[keep] = merged_span;
    }

    // Every story, fixed or found, is ordered by its first document.
    let mut groups: Vec<(Vec<usize>, bool, String)> = Vec::new();
    for f in fixed {
        groups.push((f, true, "fixed by the user".to_string()));
    }
    for (k, m) in members.iter().enumerate() {
        if m.is_empty() || dsu.find(k) != k {
            continue;
        }
        let mut idx: Vec<usize> = m.iter().map(|&x| pool[x as usize]).collect();
        idx.sort_unstable();
        let reason = if idx.len() == 1 {
            format!(
                "no other document within {window} days shares enough specific words (best similarity {:.2})",
                best[k]
            )
        } else {
            let dates: Vec<NaiveDate> = m.iter().filter_map(|&x| profiles[x as usize].published).collect();
            let lo = dates.iter().min();
            let hi = dates.iter().max();
            let when = match (lo, hi) {
                (Some(lo), Some(hi)) if lo == hi => format!("published {lo}"),
                (Some(lo), Some(hi)) => format!("published {lo} – {hi}"),
                _ => "no publication dates".to_string(),
            };
            let strongest = m.iter().map(|&x| best[x as usize]).fold(0.0f64, f64::max);
            format!("{when}; shared specific words (similarity up to {strongest:.2})")
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

/// Unit-length tf × idf vectors of the documents' strongest terms (idf over `docs`).
fn vectors(docs: &[&Document], g: &CheckGrammar) -> Vec<Vec<(Term, f32)>> {
    let counts: Vec<Vec<(Term, f32)>> = docs.par_iter().map(|d| term_counts(d, g)).collect();
    let mut df: HashMap<Term, u32> = HashMap::new();
    for c in &counts {
        for (t, _) in c {
            *df.entry(*t).or_default() += 1;
        }
    }
    let np = docs.len() as f32;
    counts
        .into_par_iter()
        .map(|c| {
            let mut v: Vec<(Term, f32)> = c
                .into_iter()
                .map(|(t, tf)| {
                    let d = df.get(&t).copied().unwrap_or(1) as f32;
                    (t, (1.0 + tf.ln()) * ((np + 1.0) / d).ln())
                })
                .filter(|x| x.1 > 0.0)
                .collect();
            v.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            v.truncate(TOP_TERMS);
            let norm = v.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt();
            if norm > 0.0 {
                for x in &mut v {
                    x.1 /= norm;
                }
            }
            v.sort_unstable_by_key(|x| x.0);
            v
        })
        .collect()
}

/// Pairwise story similarities of some documents (for tuning and tests): `(i, j, cosine)` for
/// every pair, without blocking, dates or thresholds.
pub fn similarities(docs: &[Document], g: &CheckGrammar) -> Vec<(usize, usize, f64)> {
    let refs: Vec<&Document> = docs.iter().collect();
    let vecs = vectors(&refs, g);
    let mut out = Vec::new();
    for i in 0..docs.len() {
        for j in i + 1..docs.len() {
            out.push((i, j, cosine(&vecs[i], &vecs[j])));
        }
    }
    out
}
