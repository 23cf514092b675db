//! Entities: person, organisation and place mentions, canonicalised through alias tables
//! and romanisation.
//!
//! Why this shape: the cross-source checker needs one name per real-world entity whatever the
//! outlet's spelling or script. Known entities come from `grammars/entities.toml` (KCNA = केसीएनए =
//! कोरियन सेंट्रल न्यूज एजेंसी); a name in no table is compared through its romanisation
//! ([`crate::romanize`]) with the table's aliases and with the document's other names,
//! so शोइगु / शोइगू / Shoigu meet and unknown names still cluster. A lone surname ("किम", "ली")
//! joins the nearest fuller name in the same document that contains it. Titles and honorifics
//! (रक्षा मंत्री, राष्ट्रपति, Minister) are read as titles and never as part of a name.

use std::collections::BTreeMap;
use std::sync::{LazyLock, Mutex};

use serde::{Deserialize, Serialize};

use crate::claim::{Claim, ClaimKind, Mention};
use crate::error::GrammarError;
use crate::extract::ExtractCtx;
use crate::extract::speech::words::{self, Word};
use crate::grammar::GrammarSet;
use crate::romanize;
use crate::span::Span;

const FILE: &str = "entities.toml";

/// A canonical entity and its mentions in one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Canonical name.
    pub entity: String,
    /// person, organisation or place.
    pub kind: String,
    /// Where it is mentioned.
    pub mentions: Vec<EntityMention>,
}

/// One mention of an entity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityMention {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The words as written.
    pub text: String,
}

/// What an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A person.
    Person,
    /// An organisation: ministry, agency, party, outlet.
    Organisation,
    /// A country, city or region.
    Place,
}

impl Kind {
    /// The name used in JSON.
    pub fn as_str(&self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Organisation => "organisation",
            Kind::Place => "place",
        }
    }
}

#[derive(Debug, Deserialize)]
struct RawFile {
    titles: Vec<String>,
    #[serde(default)]
    weak_titles: Vec<String>,
    descriptors: Vec<String>,
    org_words: Vec<String>,
    not_name: Vec<String>,
    entity: Vec<RawEntity>,
}

#[derive(Debug, Deserialize)]
struct RawEntity {
    name: String,
    kind: Kind,
    #[serde(default)]
    media: bool,
    aliases: Vec<String>,
}

/// One entity of the alias table.
#[derive(Debug, Clone)]
pub struct Known {
    /// Canonical name.
    pub name: String,
    /// What it is.
    pub kind: Kind,
    /// A news agency or outlet: its reports are attributions.
    pub media: bool,
}

/// Alias tables and titles.
#[derive(Debug)]
pub struct EntityGrammar {
    known: Vec<Known>,
    /// Alias phrases (normalised words) and the entity each names.
    aliases: words::PhraseList,
    /// Each alias phrase → its index in `aliases`.
    alias_index: words::FxHashMap<Vec<String>, usize>,
    alias_entity: Vec<usize>,
    /// Each alias as written, for fuzzy look-up.
    alias_keys: Vec<Vec<String>>,
    /// Title phrases.
    pub titles: words::PhraseList,
    /// Titles that are also adjectives (प्रमुख "major", General): not read as titles in free text.
    weak_titles: words::PhraseList,
    descriptors: words::FxHashSet<String>,
    org_words: words::FxHashSet<String>,
    not_name: words::FxHashSet<String>,
    /// First words of the aliases and titles: a word not here opens neither.
    starts: words::FxHashSet<String>,
    /// Alias indices by number of words, for the fuzzy look-up.
    by_len: words::FxHashMap<usize, Vec<usize>>,
    /// Results of [`EntityGrammar::lookup`] by name as written (a pure function of the name and
    /// the tables; documents name the same people again and again).
    cache: Mutex<words::FxHashMap<String, Option<usize>>>,
    /// [`romanize::key`] by text (look-ups and clustering key the same names again and again).
    keys: Mutex<words::FxHashMap<String, String>>,
}

/// Names kept in the look-up cache before it is emptied (bounds memory on endless input).
const CACHE_MAX: usize = 100_000;

impl EntityGrammar {
    /// The embedded alias tables, compiled once (a build defect if they fail, as for the
    /// crate's `Grammars::builtin`).
    pub fn builtin() -> &'static EntityGrammar {
        static G: LazyLock<EntityGrammar> = LazyLock::new(|| {
            EntityGrammar::load(&GrammarSet::builtin()).expect("embedded grammars are valid")
        });
        &G
    }

    /// Load `entities.toml`.
    pub fn load(set: &GrammarSet) -> Result<Self, GrammarError> {
        let raw: RawFile = set.parse(FILE)?;
        Ok(Self::from_raw(raw))
    }

    fn from_raw(raw: RawFile) -> Self {
        let mut g = EntityGrammar {
            known: Vec::new(),
            aliases: words::PhraseList::default(),
            alias_index: words::FxHashMap::default(),
            alias_entity: Vec::new(),
            alias_keys: Vec::new(),
            titles: raw.titles.iter().map(|t| words::phrase(t)).collect(),
            weak_titles: raw.weak_titles.iter().map(|t| words::phrase(t)).collect(),
            descriptors: raw.descriptors.iter().map(|w| words::norm(w)).collect(),
            org_words: raw.org_words.iter().map(|w| words::norm(w)).collect(),
            not_name: raw.not_name.iter().map(|w| words::norm(w)).collect(),
            starts: words::FxHashSet::default(),
            by_len: words::FxHashMap::default(),
            cache: Mutex::new(words::FxHashMap::default()),
            keys: Mutex::new(words::FxHashMap::default()),
        };
        for e in raw.entity {
            let idx = g.known.len();
            for a in e.aliases.iter().chain(std::iter::once(&e.name)) {
                let p = words::phrase(a);
                if p.is_empty() || g.alias_index.contains_key(&p) {
                    continue;
                }
                g.alias_index.insert(p.clone(), g.aliases.len());
                g.by_len.entry(p.len()).or_default().push(g.aliases.len());
                g.aliases.push(p);
                g.alias_entity.push(idx);
                g.alias_keys.push(romanize::word_keys(a));
            }
            g.known.push(Known {
                name: e.name,
                kind: e.kind,
                media: e.media,
            });
        }
        g.starts = g
            .aliases
            .iter()
            .chain(g.titles.iter())
            .filter_map(|p| p.first().cloned())
            .collect();
        g
    }

    /// The table entry `i`.
    pub fn known(&self, i: usize) -> Option<&Known> {
        self.known.get(i)
    }

    /// The longest alias starting at word `i`: (length in words, entity index).
    pub fn alias_at(&self, ws: &[Word], i: usize, text: &str) -> Option<(usize, usize)> {
        words::longest_at(ws, i, &self.aliases, text).and_then(|(n, k)| {
            let e = *self.alias_entity.get(k)?;
            Some((n, e))
        })
    }

    /// The longest title starting at word `i`, in words.
    pub fn title_at(&self, ws: &[Word], i: usize, text: &str) -> Option<usize> {
        words::longest_at(ws, i, &self.titles, text).map(|(n, _)| n)
    }

    /// True for an adjective or determiner that may precede a title or name.
    pub fn is_descriptor(&self, w: &str) -> bool {
        self.descriptors.contains(w)
    }

    /// True for a head word that makes a phrase an organisation.
    pub fn is_org_word(&self, w: &str) -> bool {
        self.org_words.contains(w)
    }

    /// True for a word that cannot be part of a name.
    pub fn is_not_name(&self, w: &str) -> bool {
        self.not_name.contains(w)
    }

    /// The table entity a name refers to: exact alias first, then the closest alias by
    /// romanised similarity (at least 0.92 word by word, same number of words).
    pub fn lookup(&self, name: &str) -> Option<usize> {
        if let Some(hit) = self.cache.lock().ok().and_then(|c| c.get(name).copied()) {
            return hit;
        }
        let found = self.lookup_uncached(name);
        if let Ok(mut c) = self.cache.lock() {
            if c.len() >= CACHE_MAX {
                c.clear();
            }
            c.insert(name.to_string(), found);
        }
        found
    }

    /// [`romanize::key`], remembered per text.
    pub fn key(&self, text: &str) -> String {
        if let Some(k) = self.keys.lock().ok().and_then(|c| c.get(text).cloned()) {
            return k;
        }
        let k = romanize::key(text);
        if let Ok(mut c) = self.keys.lock() {
            if c.len() >= CACHE_MAX {
                c.clear();
            }
            c.insert(text.to_string(), k.clone());
        }
        k
    }

    /// [`romanize::word_keys`], through the remembered [`EntityGrammar::key`].
    pub fn word_keys(&self, name: &str) -> Vec<String> {
        self.key(name)
            .split(' ')
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    }

    fn lookup_uncached(&self, name: &str) -> Option<usize> {
        let p = words::phrase(name);
        if p.is_empty() {
            return None;
        }
        if let Some(&k) = self.alias_index.get(&p) {
            return self.alias_entity.get(k).copied();
        }
        let mut best: Option<(f64, usize)> = None;
        let keys = self.word_keys(name);
        // Only aliases of as many words can reach the threshold.
        for &k in self.by_len.get(&p.len()).map_or(&[][..], Vec::as_slice) {
            let Some(ak) = self.alias_keys.get(k) else {
                continue;
            };
            let Some(s) = romanize::words_similarity_at_least(&keys, ak, 0.92) else {
                continue;
            };
            if best.is_none_or(|(b, _)| s > b) {
                best = self.alias_entity.get(k).map(|&e| (s, e));
            }
        }
        best.map(|(_, e)| e)
    }

    /// The canonical name of `name`: the table's name when it is known, else its romanisation
    /// with capitals ("क्यूरीलो बुडन" → "Kyurilo Budan"), else the text trimmed.
    pub fn canonical(&self, name: &str) -> String {
        if let Some(k) = self.lookup(name).and_then(|e| self.known.get(e)) {
            return k.name.clone();
        }
        let d = romanize::display(name);
        if d.is_empty() {
            name.trim().to_string()
        } else {
            d
        }
    }
}

/// The canonical name of an entity name in either script, with the built-in tables
/// (for the cross-source checker).
pub fn canonical(name: &str) -> String {
    EntityGrammar::builtin().canonical(name)
}

/// How alike two names are, in [0, 1], through their romanisation; 1.0 when both name the same
/// table entity.
pub fn similarity(a: &str, b: &str) -> f64 {
    let g = EntityGrammar::builtin();
    match (g.lookup(a), g.lookup(b)) {
        (Some(x), Some(y)) if x == y => 1.0,
        (Some(_), Some(_)) => 0.0,
        _ => romanize::similarity(a, b),
    }
}

/// A mention found in a document before clustering.
#[derive(Debug, Clone, PartialEq)]
pub struct RawMention {
    /// Where.
    pub span: Span,
    /// The table entity, when an alias matched.
    pub known: Option<usize>,
    /// What it is (from the table, a title or head word).
    pub kind: Kind,
}

/// Alias matches and names after titles in the body sentences.
pub fn scan(ctx: &ExtractCtx) -> Vec<RawMention> {
    let body: Vec<Vec<Word>> = ctx
        .body()
        .map(|s| words::words(ctx.text, s.span()))
        .collect();
    scan_words(ctx, body.iter().map(Vec::as_slice))
}

/// [`scan`] over the words of the body sentences, already read ([`words::words`] of each).
pub fn scan_words<'w>(ctx: &ExtractCtx, body: impl Iterator<Item = &'w [Word]>) -> Vec<RawMention> {
    let g = &ctx.grammars.entity;
    let mut out = Vec::new();
    for ws in body {
        let mut i = 0;
        while i < ws.len() {
            if !ws.get(i).is_some_and(|w| g.starts.contains(&w.norm)) {
                i += 1;
                continue;
            }
            if let Some((n, e)) = g.alias_at(ws, i, ctx.text) {
                if let (Some(a), Some(b), Some(k)) = (ws.get(i), ws.get(i + n - 1), g.known(e)) {
                    out.push(RawMention {
                        span: Span::new(a.start, b.end),
                        known: Some(e),
                        kind: k.kind,
                    });
                }
                i += n;
                continue;
            }
            if let Some(n) = g.title_at(ws, i, ctx.text) {
                let weak =
                    words::longest_at(ws, i, &g.weak_titles, ctx.text).is_some_and(|(m, _)| m == n);
                if let Some(span) = name_after(g, ws, i + n, ctx.text).filter(|_| !weak) {
                    out.push(RawMention {
                        span,
                        known: None,
                        kind: Kind::Person,
                    });
                }
                i += n;
                continue;
            }
            i += 1;
        }
    }
    out
}

/// Up to three name words right after a title (none of them a title, descriptor or stop word).
fn name_after(g: &EntityGrammar, ws: &[Word], i: usize, text: &str) -> Option<Span> {
    let first = ws.get(i)?;
    if i > 0 && !ws.get(i - 1).is_some_and(|p| words::joined(text, p, first)) {
        return None;
    }
    let mut end = i;
    while end < ws.len() && end < i + 3 {
        let w = &ws[end];
        if end > i && !words::joined(text, &ws[end - 1], w) {
            break;
        }
        if g.is_not_name(&w.norm)
            || g.is_descriptor(&w.norm)
            || g.title_at(ws, end, text).is_some()
            || g.alias_at(ws, end, text).is_some()
            || w.norm.chars().all(|c| c.is_numeric())
            || text
                .get(w.start..w.end)
                .and_then(|r| r.chars().next())
                .is_some_and(|c| c.is_ascii_lowercase())
        {
            break;
        }
        end += 1;
    }
    if end == i {
        return None;
    }
    Some(Span::new(first.start, ws.get(end - 1)?.end))
}

/// Mentions grouped into canonical entities.
#[derive(Debug, Default)]
pub struct Index {
    /// (span, cluster) for every mention, sorted by span.
    mentions: Vec<(Span, usize)>,
    clusters: Vec<Cluster>,
    /// Comparisons skipped because a limit was reached (names not compared, mentions not read).
    skipped: usize,
}

/// Clusters a new name is compared with, at most (the first ones, in text order); a name
/// beyond them starts a cluster of its own. Keeps name-variant comparisons linear.
pub const MAX_CLUSTERS_COMPARED: usize = 256;
/// Mentions read on each side of a single word for a full name that contains it.
pub const SURNAME_WINDOW: usize = 256;

#[derive(Debug)]
struct Cluster {
    name: String,
    kind: Kind,
    /// The distinct word keys of its mentions ([`romanize::word_keys`]).
    keys: Vec<Vec<String>>,
}

impl Index {
    /// Cluster `raw` mentions of `text`.
    pub fn build(text: &str, g: &EntityGrammar, raw: &[RawMention]) -> Self {
        let mut raw: Vec<RawMention> = raw.to_vec();
        raw.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
        // Drop mentions inside a longer one.
        let mut kept: Vec<RawMention> = Vec::new();
        for m in raw {
            if kept.last().is_some_and(|k| k.span.contains(m.span)) {
                continue;
            }
            kept.push(m);
        }
        let mut idx = Index::default();
        let mut by_known: BTreeMap<usize, usize> = BTreeMap::new();
        let mut assigned: Vec<Option<usize>> = vec![None; kept.len()];
        // Romanised keys, computed at most once per mention.
        let mut word_keys: Vec<Option<Vec<String>>> = vec![None; kept.len()];
        let mut pieces: Vec<Option<Vec<String>>> = vec![None; kept.len()];
        let keys_of = |mi: usize, memo: &mut Vec<Option<Vec<String>>>| -> Vec<String> {
            match memo.get(mi) {
                Some(Some(k)) => k.clone(),
                _ => {
                    let k = kept
                        .get(mi)
                        .map_or_else(Vec::new, |m| g.word_keys(m.span.slice(text)));
                    if let Some(slot) = memo.get_mut(mi) {
                        *slot = Some(k.clone());
                    }
                    k
                }
            }
        };
        // Pass 1: table entities, then multi-word unknown names; pass 2: single words.
        for pass in 0..2 {
            for (mi, m) in kept.iter().enumerate() {
                let t = m.span.slice(text);
                let nwords = words::phrase(t).len();
                if (pass == 0) != (m.known.is_some() || nwords > 1) {
                    continue;
                }
                let known = m.known.or_else(|| g.lookup(t));
                let c = if let Some(e) = known {
                    *by_known.entry(e).or_insert_with(|| {
                        let k = g.known(e);
                        idx.clusters.push(Cluster {
                            name: k.map_or_else(|| g.canonical(t), |k| k.name.clone()),
                            kind: k.map_or(m.kind, |k| k.kind),
                            keys: Vec::new(),
                        });
                        idx.clusters.len() - 1
                    })
                } else if let Some(c) = (nwords == 1)
                    .then(|| {
                        let (c, cut) = surname_of(text, g, &kept, &assigned, mi, &idx, &mut pieces);
                        idx.skipped += usize::from(cut);
                        c
                    })
                    .flatten()
                {
                    c
                } else {
                    let tk = keys_of(mi, &mut word_keys);
                    match idx
                        .clusters
                        .iter()
                        .take(MAX_CLUSTERS_COMPARED)
                        .position(|c| {
                            c.keys
                                .iter()
                                .any(|k| romanize::words_similarity_at_least(k, &tk, 0.9).is_some())
                        }) {
                        Some(c) => c,
                        None => {
                            if idx.clusters.len() > MAX_CLUSTERS_COMPARED {
                                idx.skipped += 1;
                            }
                            idx.clusters.push(Cluster {
                                name: g.canonical(t),
                                kind: m.kind,
                                keys: Vec::new(),
                            });
                            idx.clusters.len() - 1
                        }
                    }
                };
                if let Some(cl) = idx.clusters.get_mut(c) {
                    // A key already in the cluster adds nothing to the `any` test above.
                    let k = keys_of(mi, &mut word_keys);
                    if !cl.keys.contains(&k) {
                        cl.keys.push(k);
                    }
                }
                assigned[mi] = Some(c);
            }
        }
        idx.mentions = kept
            .iter()
            .zip(assigned)
            .filter_map(|(m, c)| c.map(|c| (m.span, c)))
            .collect();
        idx.mentions.sort();
        idx
    }

    /// The canonical name and kind of the mention at `span` (or of a mention inside it).
    pub fn entity_at(&self, span: Span) -> Option<(&str, Kind)> {
        // Mentions are sorted by span: the exact one and those inside are found by search.
        let first = self.mentions.partition_point(|(s, _)| s.start < span.start);
        let from = self.mentions.get(first..).unwrap_or(&[]);
        let exact = from
            .iter()
            .take_while(|(s, _)| s.start == span.start)
            .find(|(s, _)| *s == span);
        let inside = || {
            from.iter()
                .take_while(|(s, _)| s.start <= span.end)
                .filter(|(s, _)| span.contains(*s))
                .max_by_key(|(s, _)| (s.len(), std::cmp::Reverse(s.start)))
        };
        let (_, c) = exact.or_else(inside)?;
        self.clusters.get(*c).map(|c| (c.name.as_str(), c.kind))
    }

    /// What a limit cut while building the index, for a finding.
    pub fn limit(&self) -> Option<String> {
        (self.skipped > 0).then(|| {
            format!(
                "{} name comparisons skipped: names are compared with the first \
                 {MAX_CLUSTERS_COMPARED} entities and a surname with the {SURNAME_WINDOW} \
                 mentions around it",
                self.skipped
            )
        })
    }

    /// The canonical name of the last person mention that ends at or before `pos`, when `near`
    /// accepts its start. Mentions further back are not read once one is too far (`near` must
    /// fail for every start before one it fails for).
    pub fn person_before(&self, pos: usize, near: impl Fn(usize) -> bool) -> Option<&str> {
        let k = self.mentions.partition_point(|(s, _)| s.start < pos);
        for (s, c) in self.mentions.get(..k).unwrap_or(&[]).iter().rev() {
            if s.end > pos {
                continue;
            }
            let Some(cl) = self.clusters.get(*c) else {
                continue;
            };
            if cl.kind != Kind::Person {
                continue;
            }
            return near(s.start).then_some(cl.name.as_str());
        }
        None
    }

    /// Person mentions in text order: span and canonical name.
    pub fn persons(&self) -> impl Iterator<Item = (Span, &str)> {
        self.mentions.iter().filter_map(|(s, c)| {
            let cl = self.clusters.get(*c)?;
            (cl.kind == Kind::Person).then_some((*s, cl.name.as_str()))
        })
    }

    /// The document's entities, sorted by name and kind, mentions by position.
    pub fn entities(&self, text: &str) -> Vec<Entity> {
        let mut by: BTreeMap<(String, Kind), Vec<EntityMention>> = BTreeMap::new();
        for (s, c) in &self.mentions {
            let Some(cl) = self.clusters.get(*c) else {
                continue;
            };
            by.entry((cl.name.clone(), cl.kind))
                .or_default()
                .push(EntityMention {
                    start: s.start,
                    end: s.end,
                    text: s.slice(text).to_string(),
                });
        }
        by.into_iter()
            .map(|((entity, kind), mut mentions)| {
                mentions.sort_by_key(|m| (m.start, m.end));
                mentions.dedup();
                Entity {
                    entity,
                    kind: kind.as_str().to_string(),
                    mentions,
                }
            })
            .collect()
    }
}

/// A one-word person mention ("किम", "ली", "Lavrov") joins the nearest earlier multi-word
/// person mention containing that word (else the nearest later one).
fn surname_of(
    text: &str,
    g: &EntityGrammar,
    kept: &[RawMention],
    assigned: &[Option<usize>],
    mi: usize,
    idx: &Index,
    pieces: &mut [Option<Vec<String>>],
) -> (Option<usize>, bool) {
    let Some(m) = kept.get(mi) else {
        return (None, false);
    };
    let key = g.key(m.span.slice(text));
    let mut contains = |j: usize| -> Option<usize> {
        let other = kept.get(j)?;
        let c = (*assigned.get(j)?)?;
        let cl = idx.clusters.get(c)?;
        if cl.kind != Kind::Person || other.span.len() <= m.span.len() {
            return None;
        }
        // The key of each word of the other mention, computed once per build.
        let slot = pieces.get_mut(j)?;
        let ks = slot.get_or_insert_with(|| {
            other
                .span
                .slice(text)
                .split(|ch: char| !words::is_word_char(ch))
                .filter(|w| !w.is_empty())
                .map(|w| g.key(w))
                .collect()
        });
        ks.contains(&key).then_some(c)
    };
    let lo = mi.saturating_sub(SURNAME_WINDOW);
    let hi = kept.len().min(mi + 1 + SURNAME_WINDOW);
    let found = (lo..mi)
        .rev()
        .find_map(&mut contains)
        .or_else(|| (mi + 1..hi).find_map(&mut contains));
    // Not found, and the window was narrower than the document: a limit bit.
    let cut = found.is_none() && (lo > 0 || hi < kept.len());
    (found, cut)
}

/// The document's entities, given its claims (speakers and sources are mentions too).
pub fn extract(ctx: &ExtractCtx, claims: &[Claim]) -> Vec<Entity> {
    from_mentions(ctx, crate::extract::speech::analyze(ctx).mentions, claims)
}

/// The document's entities from the speech pass's mentions and the speakers and sources of
/// `claims` (claims from elsewhere may name more).
pub fn from_mentions(ctx: &ExtractCtx, mut raw: Vec<RawMention>, claims: &[Claim]) -> Vec<Entity> {
    // Speakers and sources of the claims given (the pipeline's own are already in `raw`).
    // Mention spans by start, with the longest length, so an overlap is found by a range read.
    let mut starts: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let mut longest = 0;
    for r in &raw {
        starts.entry(r.span.start).or_default().push(r.span.end);
        longest = longest.max(r.span.len());
    }
    for c in claims {
        let ms: Vec<&Mention> = match &c.detail {
            ClaimKind::Quote(q) => q.speaker.iter().collect(),
            ClaimKind::Attribution(a) => vec![&a.source],
            _ => Vec::new(),
        };
        for m in ms {
            let span = Span::new(m.start, m.end);
            let g = &ctx.grammars.entity;
            // A pronoun stands for its entity but is not a mention of its name.
            let named = m
                .entity
                .as_ref()
                .is_some_and(|e| g.canonical(&m.text) == *e);
            let overlaps = starts
                .range(span.start.saturating_sub(longest)..span.end.max(span.start + 1))
                .any(|(&s, ends)| ends.iter().any(|&e| Span::new(s, e).overlaps(span)));
            if named && !overlaps {
                starts.entry(span.start).or_default().push(span.end);
                longest = longest.max(span.len());
                let known = g.lookup(&m.text);
                raw.push(RawMention {
                    span,
                    known,
                    kind: known
                        .and_then(|k| g.known(k))
                        .map_or(Kind::Person, |k| k.kind),
                });
            }
        }
    }
    Index::build(ctx.text, ctx.grammars.entity, &raw).entities(ctx.text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_names_meet_across_scripts_and_spellings() {
        assert_eq!(canonical("शोइगु"), "Sergei Shoigu");
        assert_eq!(canonical("शोइगू"), "Sergei Shoigu");
        assert_eq!(canonical("Shoigu"), "Sergei Shoigu");
        assert_eq!(canonical("केसीएनए"), "Korean Central News Agency");
        assert_eq!(
            canonical("कोरियन सेंट्रल न्यूज़ एजेंसी"),
            "Korean Central News Agency"
        );
        assert_eq!(canonical("किम जोंग-उन"), "Kim Jong Un");
        assert_eq!(canonical("ली होंगजोंगस"), "Li Hongzhong");
    }

    #[test]
    fn names_in_no_table_are_romanised() {
        assert_eq!(canonical("रमेश्वर तिवारी"), "Rameshvar Tivari");
        assert!(similarity("तिवारी", "Tiwari") > 0.9);
        assert_eq!(similarity("शोइगु", "लावरोव"), 0.0);
    }

    #[test]
    fn fuzzy_lookup_finds_a_near_spelling() {
        let g = EntityGrammar::builtin();
        // Not in the table as written: a long vowel and a nukta differ.
        assert_eq!(
            g.lookup("बेलोसोव")
                .and_then(|e| g.known(e))
                .map(|k| k.name.as_str()),
            Some("Andrei Belousov")
        );
        assert_eq!(g.lookup("मोदी"), None);
    }
}
