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

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::analysis::Document;
use crate::check::norm::{CheckGrammar, FastMap, FastSet, NUMBER};
use crate::check::{CheckOptions, Story};
use crate::tokens::{hash_str, hash_u64s};

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
    let mut seen: FastSet<u64> = FastSet::default();
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
        let sig = hash_u64s(v.iter().map(|&t| u64::from(t)));
        if v.len() >= MIN_TERMS && seen.insert(sig) {
            out.push(v);
        }
    }
    out
}

/// What story formation needs of one document, and no more: its id and date, whether it was
/// read, a hash of its words (identical copies share it), the content terms of its distinct body
/// sentences and its (measure, place) frames. A few kilobytes against the tens a document
/// holds with its text and claims, so a run forms its stories from every document's key and then
/// loads, decides and writes one story at a time.
#[derive(Debug, Clone, Default)]
pub struct DocKey {
    /// The document id.
    pub id: String,
    /// Its publication date.
    pub published: Option<NaiveDate>,
    /// True when it could not be read (it forms no story).
    pub failed: bool,
    /// The hash of the text's words, white space aside.
    words: u64,
    /// Content terms of each distinct body sentence ([`sentence_terms`]).
    terms: Vec<Vec<T32>>,
    /// Its frames ([`frame_keys`]).
    frames: Vec<u64>,
}

impl DocKey {
    /// The key of `doc`.
    pub fn new(doc: &Document, g: &CheckGrammar) -> Self {
        let failed = doc.is_failed();
        let words = if failed {
            0
        } else {
            hash_u64s(doc.text.split_whitespace().map(hash_str))
        };
        DocKey {
            id: doc.id.clone(),
            published: doc.published,
            failed,
            words,
            terms: if failed {
                Vec::new()
            } else {
                sentence_terms(doc, g)
            },
            frames: if failed { Vec::new() } else { frame_keys(doc) },
        }
    }
}

/// The keys of `docs`, in order (computed in parallel).
pub fn keys(docs: &[Document], g: &CheckGrammar) -> Vec<DocKey> {
    docs.par_iter().map(|d| DocKey::new(d, g)).collect()
}

/// [`crate::check::norm::overlap`] over 32-bit terms.
fn overlap32(a: &[T32], b: &[T32], w: &dyn Fn(T32) -> f64) -> f64 {
    let (mut i, mut j) = (0, 0);
    let (mut shared, mut wa, mut wb) = (0.0, 0.0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Equal => {
                let x = w(a[i]);
                shared += x;
                wa += x;
                wb += x;
                i += 1;
                j += 1;
            }
            std::cmp::Ordering::Less => {
                wa += w(a[i]);
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                wb += w(b[j]);
                j += 1;
            }
        }
    }
    wa += a[i..].iter().map(|&t| w(t)).sum::<f64>();
    wb += b[j..].iter().map(|&t| w(t)).sum::<f64>();
    if wa <= 0.0 || wb <= 0.0 {
        0.0
    } else {
        (shared / (wa * wb).sqrt()).clamp(0.0, 1.0)
    }
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
    pairs: FastMap<(u32, u32), f64>,
}

/// Run-wide frequencies that story scores weigh terms by: how many clustered documents and
/// distinct sentences there are, in how many sentences each content term occurs, in how many
/// documents each (measure, place) frame. One machine counts them over its whole input; a
/// partitioned run adds up each partition's own documents ([`stats`], [`Stats::add`]) and hands
/// the sum to every reducer ([`CheckOptions::stats`]), so each scores its documents exactly as
/// one machine would.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Stats {
    /// Documents clustered (failed documents, fixed stories and identical copies left out).
    pub documents: u64,
    /// Distinct body sentences of those documents.
    pub sentences: u64,
    /// (term, sentences holding it), sorted by term.
    pub terms: Vec<(u32, u32)>,
    /// (frame key, documents holding it), sorted by key.
    pub frames: Vec<(u64, u32)>,
}

impl Stats {
    /// Add another partition's counts.
    pub fn add(&mut self, other: &Stats) {
        fn merge<K: Ord + Copy>(a: &[(K, u32)], b: &[(K, u32)]) -> Vec<(K, u32)> {
            let mut out = Vec::with_capacity(a.len() + b.len());
            let (mut i, mut j) = (0, 0);
            while i < a.len() || j < b.len() {
                match (a.get(i), b.get(j)) {
                    (Some(x), Some(y)) if x.0 == y.0 => {
                        out.push((x.0, x.1.saturating_add(y.1)));
                        i += 1;
                        j += 1;
                    }
                    (Some(x), Some(y)) if x.0 < y.0 => {
                        out.push(*x);
                        i += 1;
                    }
                    (Some(x), None) => {
                        out.push(*x);
                        i += 1;
                    }
                    (_, Some(y)) => {
                        out.push(*y);
                        j += 1;
                    }
                    (None, None) => break,
                }
            }
            out
        }
        self.documents += other.documents;
        self.sentences += other.sentences;
        self.terms = merge(&self.terms, &other.terms);
        self.frames = merge(&self.frames, &other.frames);
    }
}

/// Count the [`Stats`] of the documents `count` accepts among those `docs` would cluster.
pub fn stats(docs: &[DocKey], opts: &CheckOptions, count: impl Fn(usize) -> bool) -> Stats {
    let (_, _, pool) = pool(docs, opts);
    let counted: Vec<&DocKey> = pool
        .into_iter()
        .filter(|&i| count(i))
        .map(|i| &docs[i])
        .collect();
    let mut terms: FastMap<T32, u32> = FastMap::default();
    let mut sentences = 0u64;
    for d in &counted {
        for s in &d.terms {
            sentences += 1;
            for &t in s {
                *terms.entry(t).or_default() += 1;
            }
        }
    }
    let mut frames: FastMap<u64, u32> = FastMap::default();
    for d in &counted {
        for &k in &d.frames {
            *frames.entry(k).or_default() += 1;
        }
    }
    let mut terms: Vec<(u32, u32)> = terms.into_iter().collect();
    terms.sort_unstable();
    let mut frames: Vec<(u64, u32)> = frames.into_iter().collect();
    frames.sort_unstable();
    Stats {
        documents: counted.len() as u64,
        sentences,
        terms,
        frames,
    }
}

/// Score every pair of `docs` that shares a matched sentence (see the module docs), with the
/// run's frequencies when given, else those of `docs`.
fn scores(docs: &[&DocKey], window: i64, stats: Option<&Stats>) -> Scores {
    // Sentences once (in the keys), then their frequencies.
    let all: Vec<&Vec<Vec<T32>>> = docs.iter().map(|d| &d.terms).collect();
    let mut df: FastMap<T32, u32> = FastMap::default();
    let mut n_sent = 0usize;
    match stats {
        Some(st) => {
            df.extend(st.terms.iter().copied());
            n_sent = usize::try_from(st.sentences).unwrap_or(usize::MAX);
        }
        None => {
            for d in &all {
                for s in d.iter() {
                    n_sent += 1;
                    for &t in s {
                        *df.entry(t).or_default() += 1;
                    }
                }
            }
        }
    }
    let n_sent = n_sent.max(1) as f64;
    let idf_of: FastMap<T32, f64> = df
        .iter()
        .map(|(&t, &d)| (t, (1.0 + n_sent / f64::from(d)).ln()))
        .collect();
    let idf = |t: T32| -> f64 { idf_of.get(&t).copied().unwrap_or(1.0) };

    // Each sentence's strongest terms.
    let sents: Vec<Vec<Vec<T32>>> = all
        .into_par_iter()
        .map(|d| {
            d.iter()
                .map(|s| {
                    let mut v: Vec<(f64, T32)> = s.iter().map(|&t| (idf(t), t)).collect();
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
    let mut postings: FastMap<T32, Vec<(u32, u16)>> = FastMap::default();
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
    // Matched sentences of each document pair, as two sets (sorted, distinct) gathered as they
    // are found: a set holds at most a document's sentences, where the list of every match held
    // each sentence pair once per shared key.
    type Matched = FastMap<(u32, u32), (Vec<u16>, Vec<u16>)>;
    fn add(set: &mut Vec<u16>, k: u16) {
        if let Err(at) = set.binary_search(&k) {
            set.insert(at, k);
        }
    }
    let by_pair: Matched = lists
        .par_iter_mut()
        .fold(Matched::default, |mut acc, l| {
            l.sort_unstable_by_key(|&(d, k)| (docs[d as usize].published, d, k));
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
                    let sim = overlap32(sa, sb, &idf);
                    if sim >= SENTENCE_MATCH {
                        let (x, y, kx, ky) = if da < db {
                            (da, db, ka, kb)
                        } else {
                            (db, da, kb, ka)
                        };
                        let e = acc.entry((x, y)).or_default();
                        add(&mut e.0, kx);
                        add(&mut e.1, ky);
                    }
                }
            }
            acc
        })
        .reduce(Matched::default, |mut a, b| {
            for (k, (x, y)) in b {
                let e = a.entry(k).or_default();
                for v in x {
                    add(&mut e.0, v);
                }
                for v in y {
                    add(&mut e.1, v);
                }
            }
            a
        });
    let pairs: FastMap<(u32, u32), f64> = by_pair
        .into_iter()
        .map(|((a, b), (ma, mb))| {
            let na = sents[a as usize].len().max(1) as f64;
            let nb = sents[b as usize].len().max(1) as f64;
            ((a, b), 0.5 * (ma.len() as f64 / na + mb.len() as f64 / nb))
        })
        .collect();
    let mut pairs: FastMap<(u32, u32), f64> = pairs;
    for ((a, b), f) in frame_scores(docs, window, stats) {
        let e = pairs.entry((a, b)).or_insert(0.0);
        *e = e.max(f);
    }
    Scores { pairs }
}

/// Weight of a shared frame score against a sentence score.
const FRAME_WEIGHT: f64 = 0.6;
/// Shared frame weight that counts as a full match (about four frames of middling rarity).
const FRAME_MASS_CAP: f64 = 4.0;
/// Least frames two documents must share for their frames to count.
const MIN_SHARED_FRAMES: usize = 2;

/// Story scores from what documents measure: the (measure, place) frames of their figures,
/// weighted by rarity over the run. Two outlets' differently worded reports of one crash share
/// "deaths in Odisha" and "injured in Odisha" whatever their values; digests of one day share
/// dozens. Candidate pairs come from posting lists walked in date order with a bounded
/// look-ahead, as for sentences.
fn frame_scores(docs: &[&DocKey], window: i64, stats: Option<&Stats>) -> Vec<((u32, u32), f64)> {
    let keys: Vec<&Vec<u64>> = docs.iter().map(|d| &d.frames).collect();
    let mut df: FastMap<u64, u32> = FastMap::default();
    let n = match stats {
        Some(st) => {
            df.extend(st.frames.iter().copied());
            st.documents.max(1) as f64
        }
        None => {
            for k in &keys {
                for t in k.iter() {
                    *df.entry(*t).or_default() += 1;
                }
            }
            docs.len().max(1) as f64
        }
    };
    let idf = |t: &u64| (1.0 + n / f64::from(df.get(t).copied().unwrap_or(1))).ln();
    let mass: Vec<f64> = keys.iter().map(|k| k.iter().map(idf).sum()).collect();
    let mut postings: FastMap<u64, Vec<u32>> = FastMap::default();
    for (d, k) in keys.iter().enumerate() {
        for t in k.iter() {
            postings.entry(*t).or_default().push(d as u32);
        }
    }
    let mut shared: FastMap<(u32, u32), (usize, f64)> = FastMap::default();
    let mut lists: Vec<(u64, Vec<u32>)> =
        postings.into_iter().filter(|(_, l)| l.len() > 1).collect();
    lists.sort_unstable();
    for (t, mut l) in lists {
        l.sort_unstable_by_key(|&d| (docs[d as usize].published, d));
        let w = idf(&t);
        for a in 0..l.len() {
            for &b in l.iter().skip(a + 1).take(LOOKAHEAD) {
                let da = l[a];
                if days_apart(docs[da as usize].published, docs[b as usize].published)
                    .is_some_and(|x| x > window)
                {
                    break;
                }
                let e = shared.entry((da.min(b), da.max(b))).or_default();
                e.0 += 1;
                e.1 += w;
            }
        }
    }
    let mut out: Vec<((u32, u32), f64)> = shared
        .into_iter()
        .filter(|(_, (c, _))| *c >= MIN_SHARED_FRAMES)
        .map(|((a, b), (_, w))| {
            // Sharing a handful of frames is as telling as sharing all: digests hold dozens.
            let m = mass[a as usize]
                .min(mass[b as usize])
                .clamp(1e-9, FRAME_MASS_CAP);
            ((a, b), FRAME_WEIGHT * (w / m).min(1.0))
        })
        .collect();
    out.sort_unstable_by_key(|x| x.0);
    out
}

/// A document's (measure, place) frames, hashed, sorted and distinct.
fn frame_keys(d: &Document) -> Vec<u64> {
    let mut v: Vec<u64> = d
        .claims
        .iter()
        .filter_map(|c| {
            let f = c.frame.as_ref()?;
            let m = f.measure.as_deref()?;
            let s = f.scope.as_ref()?;
            Some(crate::check::norm::hash(&format!("{m}\u{1f}{}", s.entity)))
        })
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// Which documents are clustered: the user's fixed stories, each identical copy's first
/// document, and the pool of documents to cluster (neither failed, fixed nor a copy).
type Pool = (Vec<Vec<usize>>, Vec<Option<usize>>, Vec<usize>);

fn pool(docs: &[DocKey], opts: &CheckOptions) -> Pool {
    let n = docs.len();
    let mut assigned = vec![false; n];
    let mut fixed: Vec<Vec<usize>> = Vec::new();
    for names_list in &opts.stories {
        let mut members = Vec::new();
        for name in names_list {
            for (i, d) in docs.iter().enumerate() {
                if !assigned[i] && !d.failed && names(&d.id, name) {
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
    // Identical documents (the same text, white space aside) are one story: only the first of
    // each is clustered, the copies follow it.
    let mut first_of: FastMap<u64, usize> = FastMap::default();
    let mut copy_of: Vec<Option<usize>> = vec![None; n];
    for i in (0..n).filter(|&i| !assigned[i] && !docs[i].failed) {
        // The same text published on another day is a reprint: it is clustered on its own.
        let day = docs[i]
            .published
            .map_or(0, |d| chrono::Datelike::num_days_from_ce(&d) as u64);
        let key = hash_u64s([docs[i].words, day]);
        match first_of.get(&key) {
            Some(&f)
                if docs[f].published == docs[i].published && docs[f].words == docs[i].words =>
            {
                copy_of[i] = Some(f);
            }
            Some(_) => {}
            None => {
                first_of.insert(key, i);
            }
        }
    }
    let pool: Vec<usize> = (0..n)
        .filter(|&i| !assigned[i] && !docs[i].failed && copy_of[i].is_none())
        .collect();
    (fixed, copy_of, pool)
}

/// Group documents into stories (see the module docs). Failed documents form no story.
pub fn cluster(docs: &[DocKey], opts: &CheckOptions) -> Vec<Story> {
    let (fixed, copy_of, pool) = pool(docs, opts);
    let pool_docs: Vec<&DocKey> = pool.iter().map(|&i| &docs[i]).collect();
    let sc = scores(&pool_docs, opts.window_days, opts.stats.as_deref());
    let run = Linkable {
        ids: docs.iter().map(|d| d.id.as_str()).collect(),
        published: docs.iter().map(|d| d.published).collect(),
        fixed,
        copy_of,
        pool,
    };
    link(&run, &sc.pairs, opts)
}

/// The documents of a run as linking sees them: ids and dates (by input position), the user's
/// fixed stories, identical copies and the pool of documents to cluster.
pub struct Linkable<'a> {
    /// Document ids, by input position.
    pub ids: Vec<&'a str>,
    /// Publication dates, by input position.
    pub published: Vec<Option<NaiveDate>>,
    /// Fixed stories (input positions).
    pub fixed: Vec<Vec<usize>>,
    /// For an identical copy, the position of the first document of its text.
    pub copy_of: Vec<Option<usize>>,
    /// Input positions of the documents to cluster.
    pub pool: Vec<usize>,
}

/// One scored pair of a partitioned run: two document ids and their story score.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ScoredPair {
    /// The earlier document (in input order).
    pub a: String,
    /// The later one.
    pub b: String,
    /// Story score of the pair.
    pub score: f64,
}

/// The story scores of the pool documents that `own` accepts, with every document they pair
/// with: a partition's share of the run's scored pairs. A pair belongs to its earlier-published
/// document's partition (the first in input order among equals), so each pair is scored once.
pub fn scored_pairs(
    docs: &[DocKey],
    opts: &CheckOptions,
    own: impl Fn(usize) -> bool,
) -> Vec<ScoredPair> {
    let (_, _, pool) = pool(docs, opts);
    let pool_docs: Vec<&DocKey> = pool.iter().map(|&i| &docs[i]).collect();
    let sc = scores(&pool_docs, opts.window_days, opts.stats.as_deref());
    let mut out: Vec<(usize, usize, f64)> = sc
        .pairs
        .iter()
        .map(|(&(a, b), &s)| (pool[a as usize], pool[b as usize], s))
        .filter(|&(a, b, _)| {
            let first = match (docs[a].published, docs[b].published) {
                (Some(x), Some(y)) if y < x => b,
                (None, Some(_)) => b,
                _ => a,
            };
            own(first)
        })
        .collect();
    out.sort_unstable_by_key(|x| (x.0, x.1));
    out.into_iter()
        .map(|(a, b, score)| ScoredPair {
            a: docs[a].id.clone(),
            b: docs[b].id.clone(),
            score,
        })
        .collect()
}

/// One document of a partitioned run as linking sees it (see [`link_documents`]).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct LinkDoc {
    /// The document id.
    pub id: String,
    /// Its publication date (`YYYY-MM-DD`).
    pub published: Option<String>,
    /// The id of the first document of the same text and day, when it is an identical copy.
    pub copy_of: Option<String>,
}

/// The documents `own` accepts among those `docs` would cluster (copies included), as linking
/// sees them: a partition's share of the run's documents.
pub fn link_docs(
    docs: &[DocKey],
    opts: &CheckOptions,
    own: impl Fn(usize) -> bool,
) -> Vec<LinkDoc> {
    let (fixed, copy_of, _) = pool(docs, opts);
    let mut is_fixed = vec![false; docs.len()];
    for f in fixed.iter().flatten() {
        is_fixed[*f] = true;
    }
    (0..docs.len())
        .filter(|&i| !docs[i].failed && !is_fixed[i] && own(i))
        .map(|i| LinkDoc {
            id: docs[i].id.clone(),
            published: docs[i].published.map(|d| d.format("%Y-%m-%d").to_string()),
            copy_of: copy_of[i].map(|f| docs[f].id.clone()),
        })
        .collect()
}

/// One line of the link stage's input: a document or a scored pair.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum LinkLine {
    /// A document ([`link_docs`]).
    Doc(LinkDoc),
    /// A scored pair ([`scored_pairs`]).
    Pair(ScoredPair),
}

/// Stories of a partitioned run: every partition's documents ([`link_docs`], in input order)
/// and scored pairs ([`scored_pairs`]), linked as [`cluster`] links them on one machine.
pub fn link_documents(docs: &[LinkDoc], pairs: &[ScoredPair], opts: &CheckOptions) -> Vec<Story> {
    let mut at: FastMap<&str, usize> = FastMap::default();
    for (i, d) in docs.iter().enumerate() {
        at.entry(d.id.as_str()).or_insert(i);
    }
    let copy_of: Vec<Option<usize>> = docs
        .iter()
        .map(|d| d.copy_of.as_deref().and_then(|c| at.get(c).copied()))
        .collect();
    let pool: Vec<usize> = (0..docs.len()).filter(|&i| copy_of[i].is_none()).collect();
    let mut in_pool: FastMap<usize, u32> = FastMap::default();
    for (k, &i) in pool.iter().enumerate() {
        in_pool.insert(i, k as u32);
    }
    let mut map: FastMap<(u32, u32), f64> = FastMap::default();
    for p in pairs {
        let (Some(a), Some(b)) = (at.get(p.a.as_str()), at.get(p.b.as_str())) else {
            continue;
        };
        let (Some(&x), Some(&y)) = (in_pool.get(a), in_pool.get(b)) else {
            continue;
        };
        map.insert((x.min(y), x.max(y)), p.score);
    }
    let run = Linkable {
        ids: docs.iter().map(|d| d.id.as_str()).collect(),
        published: docs
            .iter()
            .map(|d| {
                d.published
                    .as_deref()
                    .and_then(|p| NaiveDate::parse_from_str(p, "%Y-%m-%d").ok())
            })
            .collect(),
        fixed: Vec::new(),
        copy_of,
        pool,
    };
    link(&run, &map, opts)
}

/// A story decided elsewhere (the link stage of a partitioned run): its id, documents and reason.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Planned {
    /// `S1`, `S2` … as numbered over the whole run.
    pub id: String,
    /// Document ids, in input order.
    pub documents: Vec<String>,
    /// True when the user fixed it.
    #[serde(default)]
    pub fixed: bool,
    /// Why the documents are together.
    pub reason: String,
}

/// The planned stories whose documents are all among `docs`, in plan order.
pub fn planned(docs: &[DocKey], plan: &[Planned]) -> Vec<Story> {
    let mut by_id: FastMap<&str, Vec<usize>> = FastMap::default();
    for (i, d) in docs.iter().enumerate() {
        by_id.entry(d.id.as_str()).or_default().push(i);
    }
    let mut used = vec![false; docs.len()];
    let mut out = Vec::new();
    'story: for p in plan {
        let mut idx = Vec::with_capacity(p.documents.len());
        for id in &p.documents {
            match by_id
                .get(id.as_str())
                .and_then(|v| v.iter().copied().find(|&i| !used[i] && !idx.contains(&i)))
            {
                Some(i) => idx.push(i),
                None => continue 'story,
            }
        }
        for &i in &idx {
            used[i] = true;
        }
        idx.sort_unstable();
        out.push(Story {
            id: p.id.clone(),
            documents: idx.iter().map(|&i| docs[i].id.clone()).collect(),
            fixed: p.fixed,
            reason: p.reason.clone(),
            groups: Vec::new(),
            doc_indices: idx,
        });
    }
    out
}

/// Link the pool into stories from its scored pairs (`pairs` keyed by pool positions, smaller
/// first): average linkage with date spans kept inside the window, then every story, fixed or
/// found, ordered by its first document and numbered. `check` runs it over the pairs it scores;
/// a partitioned run over the pairs every partition scored ([`scored_pairs`]).
pub fn link(run: &Linkable, pairs: &FastMap<(u32, u32), f64>, opts: &CheckOptions) -> Vec<Story> {
    let pool = &run.pool;
    let window = opts.window_days;
    let get = |a: u32, b: u32| pairs.get(&(a.min(b), a.max(b))).copied().unwrap_or(0.0);
    let mut copies_of: FastMap<usize, Vec<usize>> = FastMap::default();
    for (i, c) in run.copy_of.iter().enumerate() {
        if let Some(f) = c {
            copies_of.entry(*f).or_default().push(i);
        }
    }
    let fixed = run.fixed.clone();
    let pub_of = |x: u32| run.published[pool[x as usize]];
    let mut edges: Vec<(f64, u32, u32)> = pairs
        .iter()
        .filter(|(_, s)| **s >= opts.story_threshold)
        .map(|(&(a, b), &s)| (s, a, b))
        .collect();
    edges.sort_unstable_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    let mut best: Vec<f64> = vec![0.0; pool.len()];
    for (&(a, b), &s) in pairs {
        best[a as usize] = best[a as usize].max(s);
        best[b as usize] = best[b as usize].max(s);
    }

    // Average linkage with date spans kept inside the window.
    let mut root: Vec<usize> = (0..pool.len()).collect();
    let mut members: Vec<Vec<u32>> = (0..pool.len() as u32).map(|k| vec![k]).collect();
    let mut span: Vec<Option<(NaiveDate, NaiveDate)>> = (0..pool.len() as u32)
        .map(|x| pub_of(x).map(|p| (p, p)))
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
                    total += get(*x, *y);
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
        let copies: Vec<usize> = idx
            .iter()
            .filter_map(|f| copies_of.get(f))
            .flatten()
            .copied()
            .collect();
        idx.extend(copies);
        idx.sort_unstable();
        idx.dedup();
        let reason = if m.len() == 1 && idx.len() > 1 {
            format!("{} identical copies of one document", idx.len())
        } else if idx.len() == 1 {
            format!(
                "no other document within {window} days reports enough of the same facts (best match {:.2})",
                best[k]
            )
        } else {
            let dates: Vec<NaiveDate> = m.iter().filter_map(|&x| pub_of(x)).collect();
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
            documents: idx.iter().map(|&i| run.ids[i].to_string()).collect(),
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
    let keys = keys(docs, g);
    let refs: Vec<&DocKey> = keys.iter().collect();
    let sc = scores(&refs, i64::MAX / 4, None);
    let mut out: Vec<(usize, usize, f64)> = sc
        .pairs
        .into_iter()
        .map(|((a, b), s)| (a as usize, b as usize, s))
        .collect();
    out.sort_by_key(|x| (x.0, x.1));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partition_stats_add_up_term_by_term() {
        let mut a = Stats {
            documents: 2,
            sentences: 5,
            terms: vec![(1, 2), (4, 1)],
            frames: vec![(9, 1)],
        };
        let b = Stats {
            documents: 1,
            sentences: 3,
            terms: vec![(1, 1), (2, 3), (7, 1)],
            frames: vec![],
        };
        a.add(&b);
        assert_eq!(a.documents, 3);
        assert_eq!(a.sentences, 8);
        assert_eq!(a.terms, vec![(1, 3), (2, 3), (4, 1), (7, 1)]);
        assert_eq!(a.frames, vec![(9, 1)]);
    }

    #[test]
    fn names_match_ids_paths_and_file_names() {
        assert!(names("tests/corpus/000_b1.txt", "000_b1.txt"));
        assert!(names("tests/corpus/000_b1.txt", "corpus/000_b1.txt"));
        assert!(names("tests/corpus/000_b1.txt", "000_b1"));
        assert!(names("rec-7", "rec-7"));
        assert!(!names("tests/corpus/000_b1.txt", "00_b1.txt"));
    }
}
