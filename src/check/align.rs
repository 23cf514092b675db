//! Alignment: which claims (and sentences) of a story's documents speak of the same thing.
//!
//! Items are sentences (statements) and the figure, time and quote claims inside them. Every item
//! emits blocking keys — its strongest context words, its unit, its date, its speaker — and only
//! items that share a key are compared, so cost grows with the number of items, not their square.
//!
//! A compared pair is an *agreement* (values compatible, enough shared context) or a *conflict*
//! (values incompatible, strong shared context and the same event or unit). A conflict is kept only
//! when neither side has a better agreeing counterpart in the other document: an article that
//! mentions Friday's arrival and Saturday's visit is not in conflict with itself twice over.
//! Groups are then built greedily from the strongest pair down; a group never holds two
//! incompatible values from the same document (that would mean two different facts were merged).
//!
//! Sentences that are near-identical across documents are also diffed word by word: a replaced
//! number, weekday, month or quoted word that no claim accounts for is a conflict too, so a changed
//! fact is caught even where an extractor missed it.

use crate::analysis::Document;
use crate::check::GroupKind;
use crate::check::norm::{
    self, CUE, CheckGrammar, EVENT, FastMap, FastSet, NUMBER, QUOTED, STOP, Term, Tok, hash,
};
use crate::check::{anchored, frames};
use crate::claim::{ClaimKind, Figure, FigureKind, Grain, Qualifier, QuoteKind};

/// Sentences counted as the lead (headline and first sentences).
const LEAD: usize = 3;
/// Blocking keys per item.
const KEYS: usize = 5;
/// Longest posting list compared in full; longer lists are walked with a bounded look-ahead.
const LOOKAHEAD: usize = 64;

/// Least sentence similarity for two sentences to state the same thing.
pub const STATEMENT_MIN: f64 = 0.36;
/// Least sentence similarity for a word-level diff to count as a conflict.
pub const DIFF_MIN: f64 = 0.6;

/// One body sentence, tokenised.
#[derive(Debug, Clone)]
pub struct SentView {
    /// Index of the sentence in the document.
    pub index: usize,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Words.
    pub toks: Vec<Tok>,
    /// Sorted content terms.
    pub terms: Vec<Term>,
    /// Event classes named.
    pub events: u32,
    /// A wire the sentence cites (index into the grammar's wires).
    pub wire: Option<usize>,
    /// The sentence names a source (a cue word, a quote or attribution claim, a wire).
    pub sourced: bool,
    /// Headline or lead.
    pub lead: bool,
    /// An earlier sentence of the same document with the same words (a repeated headline).
    pub dup_of: Option<usize>,
}

/// A document as `check` reads it: its body sentences, tokenised.
#[derive(Debug, Clone)]
pub struct DocView {
    /// Position of the document in the input.
    pub doc: usize,
    /// Body sentences in order.
    pub sents: Vec<SentView>,
    /// Document sentence index → position in `sents`.
    pub by_sentence: FastMap<usize, usize>,
}

fn find_seq(toks: &[Tok], seq: &[Term]) -> bool {
    !seq.is_empty()
        && toks
            .windows(seq.len())
            .any(|w| w.iter().zip(seq).all(|(t, s)| t.term == *s))
}

impl DocView {
    /// Tokenise the body sentences of `doc`.
    pub fn new(pos: usize, doc: &Document, g: &CheckGrammar) -> Self {
        let mut sents: Vec<SentView> = Vec::new();
        let mut seen: FastMap<Vec<Term>, usize> = FastMap::default();
        let mut claim_sentences: Vec<usize> = doc
            .claims
            .iter()
            .filter(|c| matches!(c.detail, ClaimKind::Quote(_) | ClaimKind::Attribution(_)))
            .map(|c| c.sentence)
            .collect();
        claim_sentences.sort_unstable();
        for s in doc.sentences.iter().filter(|s| !s.chrome) {
            let text = s.span().slice(&doc.text);
            let toks = g.tokens(text, s.start);
            if toks.is_empty() {
                continue;
            }
            let terms = norm::content_terms(&toks);
            let events = toks.iter().fold(0, |a, t| a | t.events);
            let wire = g
                .wires
                .iter()
                .position(|w| w.aliases.iter().any(|a| find_seq(&toks, a)));
            let sourced = wire.is_some()
                || toks.iter().any(|t| t.flags & CUE != 0)
                || claim_sentences.binary_search(&s.index).is_ok();
            let k = sents.len();
            let dup_of = if terms.len() >= 3 {
                match seen.get(&terms) {
                    Some(&d) => Some(d),
                    None => {
                        seen.insert(terms.clone(), k);
                        None
                    }
                }
            } else {
                None
            };
            sents.push(SentView {
                index: s.index,
                start: s.start,
                end: s.end,
                toks,
                terms,
                events,
                wire,
                sourced,
                lead: k < LEAD,
                dup_of,
            });
        }
        let by_sentence = sents
            .iter()
            .enumerate()
            .map(|(k, s)| (s.index, k))
            .collect();
        DocView {
            doc: pos,
            sents,
            by_sentence,
        }
    }
}

/// The value an item is compared on.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A figure: its interval, kind and unit key.
    Number {
        /// Lowest value the text allows.
        lo: f64,
        /// Highest value the text allows.
        hi: f64,
        /// What sort of figure.
        kind: FigureKind,
        /// Key of the unit or counted noun.
        unit: Option<Term>,
    },
    /// A time: the days its value spans (a day, a week, a month, a year), or only a weekday
    /// when the page's date is unknown.
    Date {
        /// First and last day the value allows, when resolved.
        range: Option<(chrono::NaiveDate, chrono::NaiveDate)>,
        /// The weekday written (0 = Monday), when unresolved.
        weekday: Option<u8>,
        /// It names one day (a date, a weekday, "पिछले दिन"), not a week, month or year.
        day_level: bool,
    },
    /// A quote: its content words and speaker.
    Quote {
        /// In quote marks (direct, fragment).
        marked: bool,
        /// Key of the speaker.
        speaker: Option<Term>,
        /// Content words.
        content: Vec<Tok>,
    },
    /// A whole sentence.
    Sentence,
}

/// One comparable item: a claim, or a sentence.
#[derive(Debug, Clone)]
pub struct Item {
    /// Position of the document in the story's views.
    pub view: usize,
    /// Position of the sentence in the view.
    pub sent: usize,
    /// Index into the document's claims (None for a sentence).
    pub claim: Option<usize>,
    /// What is compared.
    pub kind: GroupKind,
    /// The value.
    pub value: Value,
    /// Context: sorted content terms of the sentence outside the claim's own words.
    pub ctx: Vec<Term>,
    /// Event classes named in the claim's own clause (for a sentence: in the whole sentence).
    pub events: u32,
    /// Places the sentence locates things in, outside the claim ("दिल्ली में").
    pub places: Vec<Term>,
    /// The sentence points at its scope ("यहां") instead of naming it.
    pub deictic: bool,
    /// Aspect bits of the claim's sentence (new, total, more …).
    pub aspects: u32,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// A group found by alignment, before its verdict.
#[derive(Debug, Clone)]
pub struct RawGroup {
    /// What is compared.
    pub kind: GroupKind,
    /// Items, sorted by document and offset.
    pub members: Vec<usize>,
    /// Mean similarity of the pairs that joined the group.
    pub sim: f64,
    /// Two items that disagree, and why.
    pub conflict: Option<(usize, usize, String)>,
    /// The disagreement is between different reference times (an update, not a contradiction).
    pub timing: bool,
}

/// Everything alignment found in a story.
#[derive(Debug, Clone)]
pub struct Aligned {
    /// Every item.
    pub items: Vec<Item>,
    /// Groups with members from two or more documents, then single items.
    pub groups: Vec<RawGroup>,
}

/// The interval a figure allows, with rounding slack for round numbers.
pub fn interval(f: &Figure) -> (f64, f64) {
    let v = f.value;
    let slack = rounding(v);
    match f.qualifier {
        Qualifier::Exact => (v - slack, v + slack),
        Qualifier::About => (v * 0.9 - slack, v * 1.1 + slack),
        Qualifier::MoreThan | Qualifier::AtLeast => (v, f64::INFINITY),
        Qualifier::LessThan | Qualifier::AtMost => (f64::NEG_INFINITY, v),
        Qualifier::Vague => (v, f64::INFINITY),
        Qualifier::Range => (f.min.unwrap_or(v), f.max.unwrap_or(v)),
    }
}

/// Half a unit of the last significant digit of a round number of a thousand or more
/// (6,000 may stand for 5,500–6,499), else 0.
fn rounding(v: f64) -> f64 {
    let a = v.abs();
    if !a.is_finite() || a < 1000.0 || a.fract() != 0.0 {
        return 0.0;
    }
    let mut unit = 1.0;
    while (a / (unit * 10.0)).fract() == 0.0 && unit < 1e15 {
        unit *= 10.0;
    }
    let digits = (a / unit).log10().floor() + 1.0;
    // Just under half a unit, so 6,000 and 7,000 do not meet at 6,500.
    if digits <= 2.0 { unit * 0.49 } else { 0.0 }
}

/// True when two values can both be true of the same thing.
pub fn compatible(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number { lo: l1, hi: h1, .. }, Value::Number { lo: l2, hi: h2, .. }) => {
            let eps = 1e-9 * (l1.abs() + l2.abs()).max(1.0);
            l1 <= &(h2 + eps) && l2 <= &(h1 + eps)
        }
        (
            Value::Date {
                range: r1,
                weekday: w1,
                ..
            },
            Value::Date {
                range: r2,
                weekday: w2,
                ..
            },
        ) => match (r1, r2, w1, w2) {
            (Some((a1, b1)), Some((a2, b2)), _, _) => a1 <= b2 && a2 <= b1,
            (Some((a, b)), None, _, Some(w)) | (None, Some((a, b)), Some(w), _) => {
                use chrono::Datelike;
                (*b - *a).num_days() >= 6 || {
                    let mut d = *a;
                    let mut hit = false;
                    while d <= *b {
                        hit |= d.weekday().num_days_from_monday() as u8 == *w;
                        d = d.succ_opt().unwrap_or(*b + chrono::Duration::days(1));
                    }
                    hit
                }
            }
            (None, None, Some(x), Some(y)) => x == y,
            _ => true,
        },
        (Value::Quote { content: c1, .. }, Value::Quote { content: c2, .. }) => {
            quote_replacement(c1, c2).is_none()
        }
        _ => true,
    }
}

/// For two quotes that say nearly the same, the content words one replaced (a changed word inside
/// marks), as (a's words, b's words) token ranges.
fn quote_replacement(a: &[Tok], b: &[Tok]) -> Option<norm::Replacement> {
    let d = norm::diff(a, b);
    let changed: Vec<&norm::Replacement> = d
        .iter()
        .filter(|r| {
            !r.a.is_empty()
                && !r.b.is_empty()
                && (a[r.a.clone()].iter().any(Tok::is_content)
                    || b[r.b.clone()].iter().any(Tok::is_content))
        })
        .collect();
    let same = norm::overlap(&norm::content_terms(a), &norm::content_terms(b), |_| 1.0);
    match changed.as_slice() {
        [r] if r.a.len() <= 3 && r.b.len() <= 3 && same >= 0.4 => Some((*r).clone()),
        _ => None,
    }
}

/// The days a resolved time value spans at its grain.
fn date_range(v: &str, grain: Grain) -> Option<(chrono::NaiveDate, chrono::NaiveDate)> {
    use chrono::NaiveDate;
    let mut it = v.split('-');
    let y: i32 = it.next()?.parse().ok()?;
    let m: Option<u32> = it.next().and_then(|x| x.parse().ok());
    let d: Option<u32> = it.next().and_then(|x| x.parse().ok());
    let last_of_month = |y: i32, m: u32| {
        let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
        NaiveDate::from_ymd_opt(ny, nm, 1).and_then(|x| x.pred_opt())
    };
    match (m, d) {
        (Some(m), Some(d)) => {
            let a = NaiveDate::from_ymd_opt(y, m, d)?;
            let b = if grain == Grain::Week {
                a + chrono::Duration::days(6)
            } else {
                a
            };
            Some((a, b))
        }
        (Some(m), None) => Some((NaiveDate::from_ymd_opt(y, m, 1)?, last_of_month(y, m)?)),
        _ => Some((
            NaiveDate::from_ymd_opt(y, 1, 1)?,
            NaiveDate::from_ymd_opt(y, 12, 31)?,
        )),
    }
}

/// Build the items of a story: one per body sentence, one per figure, time and quote claim.
pub fn items(views: &[DocView], docs: &[&Document], g: &CheckGrammar) -> Vec<Item> {
    let mut out = Vec::new();
    for (vi, v) in views.iter().enumerate() {
        let Some(doc) = docs.get(v.doc) else {
            continue;
        };
        for (si, s) in v.sents.iter().enumerate() {
            if s.dup_of.is_none() {
                out.push(Item {
                    view: vi,
                    sent: si,
                    claim: None,
                    kind: GroupKind::Statement,
                    value: Value::Sentence,
                    ctx: s.terms.clone(),
                    events: s.events,
                    places: Vec::new(),
                    deictic: false,
                    aspects: 0,
                    start: s.start,
                    end: s.end,
                });
            }
        }
        for (ci, c) in doc.claims.iter().enumerate() {
            let Some(&si) = v.by_sentence.get(&c.sentence) else {
                continue;
            };
            let s = &v.sents[si];
            let outside: Vec<Tok> = s
                .toks
                .iter()
                .filter(|t| t.end <= c.start || t.start >= c.end)
                .copied()
                .collect();
            let ctx = norm::content_terms(&outside);
            let scope = g.scope(&doc.text, &s.toks, (c.start, c.end));
            let (kind, value) = match &c.detail {
                ClaimKind::Figure(f) => {
                    let (lo, hi) = interval(f);
                    let unit = f.unit.as_ref().map(|u| hash(&g.key(u)));
                    (
                        GroupKind::Figure,
                        Value::Number {
                            lo,
                            hi,
                            kind: f.figure,
                            unit,
                        },
                    )
                }
                ClaimKind::Time(t) => {
                    let range = t.value.as_deref().and_then(|v| date_range(v, t.grain));
                    let weekday = if range.is_none() {
                        norm::raw_words(&c.text)
                            .iter()
                            .find_map(|&(a, b)| g.weekday(&c.text[a..b]))
                    } else {
                        None
                    };
                    let day_level = match range {
                        Some((a, b)) => a == b,
                        None => weekday.is_some(),
                    };
                    (
                        GroupKind::Time,
                        Value::Date {
                            range,
                            weekday,
                            day_level,
                        },
                    )
                }
                ClaimKind::Quote(q) => {
                    let content_text = q.content.slice(&doc.text);
                    let content = g.tokens(content_text, q.content.start);
                    let speaker = q.speaker.as_ref().filter(|_| q.speaker_resolved).map(|sp| {
                        match &sp.entity {
                            Some(e) => hash(&format!("E:{e}")),
                            None => {
                                let words = g.words(&sp.text);
                                let last = words.iter().rev().find(|t| t.flags & STOP == 0);
                                last.map(|t| t.term).unwrap_or_else(|| hash(&sp.text))
                            }
                        }
                    });
                    let marked = matches!(q.quote, QuoteKind::Direct | QuoteKind::Fragment);
                    if q.quote == QuoteKind::Scare {
                        continue;
                    }
                    (
                        GroupKind::Quote,
                        Value::Quote {
                            marked,
                            speaker,
                            content,
                        },
                    )
                }
                ClaimKind::Attribution(_) => continue,
            };
            out.push(Item {
                view: vi,
                sent: si,
                claim: Some(ci),
                kind,
                value,
                ctx,
                events: clause_events(&doc.text, &s.toks, c.start, c.end),
                places: g.places(&doc.text, &s.toks, (c.start, c.end)),
                deictic: scope.0,
                aspects: scope.1,
                start: c.start,
                end: c.end,
            });
        }
    }
    out
}

/// Event classes named in the clause of a sentence that holds `[start, end)`: clauses end at
/// , ; : — and after कि / और / that / and, so "मीडिया ने रविवार को यह जानकारी दी" does not borrow the
/// meeting of the clause before it.
fn clause_events(text: &str, toks: &[Tok], start: usize, end: usize) -> u32 {
    let mut clause = 0usize;
    let mut ids = Vec::with_capacity(toks.len());
    for (i, t) in toks.iter().enumerate() {
        if i > 0 {
            let gap = text.get(toks[i - 1].end..t.start).unwrap_or("");
            let after_ki = text
                .get(toks[i - 1].start..toks[i - 1].end)
                .is_some_and(|w| {
                    ["कि", "और", "जबकि", "लेकिन"].contains(&w)
                        || ["that", "and", "while", "but"]
                            .iter()
                            .any(|x| w.eq_ignore_ascii_case(x))
                });
            if after_ki || gap.contains([',', ';', ':', '—', '–', '|', '।']) {
                clause += 1;
            }
        }
        ids.push(clause);
    }
    let mine: Vec<usize> = toks
        .iter()
        .zip(&ids)
        .filter(|(t, _)| t.start < end && start < t.end)
        .map(|(_, c)| *c)
        .collect();
    toks.iter()
        .zip(&ids)
        .filter(|(_, c)| mine.contains(c))
        .fold(0, |acc, (t, _)| acc | t.events)
}

/// A compared pair.
#[derive(Debug, Clone, Copy)]
struct Edge {
    a: usize,
    b: usize,
    sim: f64,
    agree: bool,
}

struct Weights {
    idf: FastMap<Term, f64>,
    /// Terms that occur in only one sentence: they cannot match, so they make no blocking key.
    once: FastSet<Term>,
}

impl Weights {
    fn new(views: &[DocView]) -> Self {
        let mut df: FastMap<Term, f64> = FastMap::default();
        let mut n = 0.0;
        for v in views {
            for s in v.sents.iter().filter(|s| s.dup_of.is_none()) {
                n += 1.0;
                for t in &s.terms {
                    *df.entry(*t).or_default() += 1.0;
                }
            }
        }
        let once = df
            .iter()
            .filter(|(_, d)| **d <= 1.0)
            .map(|(t, _)| *t)
            .collect();
        let idf = df
            .into_iter()
            .map(|(t, d)| (t, (1.0f64 + n / d).ln()))
            .collect();
        Weights { idf, once }
    }

    fn w(&self, t: Term) -> f64 {
        self.idf.get(&t).copied().unwrap_or(1.0)
    }

    fn sim(&self, a: &[Term], b: &[Term]) -> f64 {
        norm::overlap(a, b, |t| self.w(t))
    }

    /// The `k` heaviest terms that occur in more than one sentence, as blocking keys salted
    /// with `salt`.
    fn keys(&self, terms: &[Term], salt: u64, k: usize) -> Vec<u64> {
        let mut v: Vec<(f64, Term)> = terms
            .iter()
            .filter(|t| !self.once.contains(t))
            .map(|t| (self.w(*t), *t))
            .collect();
        v.sort_unstable_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
        v.truncate(k);
        v.into_iter()
            .map(|(_, t)| crate::tokens::hash_u64s([salt, t]))
            .collect()
    }
}

fn blocking_keys(it: &Item, w: &Weights) -> Vec<u64> {
    let salt = it.kind as u64 + 1;
    let mut keys = w.keys(&it.ctx, salt, KEYS);
    match &it.value {
        Value::Number { unit, kind, lo, .. } => {
            let u = unit.unwrap_or(*kind as u64);
            keys = w.keys(&it.ctx, salt ^ u, 3);
            let bucket = if lo.is_finite() && *lo > 0.0 {
                (lo.log10() * 2.0).floor() as i64
            } else {
                0
            };
            keys.push(hash(&format!("F:{u}:{bucket}")));
        }
        Value::Date { range, weekday, .. } => {
            keys.push(hash(&format!("T:{range:?}:{weekday:?}")));
        }
        Value::Quote {
            speaker: Some(s), ..
        } => keys.push(hash(&format!("Q:{s}"))),
        _ => {}
    }
    keys
}

/// Candidate pairs of items from different documents that share a blocking key.
fn candidates(items: &[Item], w: &Weights) -> Vec<(usize, usize)> {
    let mut postings: FastMap<u64, Vec<usize>> = FastMap::default();
    for (i, it) in items.iter().enumerate() {
        for k in blocking_keys(it, w) {
            postings.entry(k).or_default().push(i);
        }
    }
    let mut lists: Vec<Vec<usize>> = postings.into_values().filter(|l| l.len() > 1).collect();
    lists.sort_unstable();
    let mut pairs = Vec::new();
    for l in &lists {
        for (x, &a) in l.iter().enumerate() {
            for &b in l.iter().skip(x + 1).take(LOOKAHEAD) {
                let (ia, ib) = (&items[a], &items[b]);
                // Figures meet by frame (`frames`), not by context words.
                if ia.view != ib.view && ia.kind == ib.kind && ia.kind != GroupKind::Figure {
                    pairs.push((a.min(b), a.max(b)));
                }
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

fn same_speaker(a: &Value, b: &Value) -> Option<bool> {
    match (a, b) {
        (
            Value::Quote {
                speaker: Some(x), ..
            },
            Value::Quote {
                speaker: Some(y), ..
            },
        ) => Some(x == y),
        _ => None,
    }
}

/// Compare two items of the same kind from different documents.
fn compare(a: &Item, b: &Item, views: &[DocView], w: &Weights, stmt: f64) -> Option<Edge> {
    // Figures or times located in different places are different facts; a figure that counts
    // deaths is not one that counts recoveries.
    let placed = |x: &Item| !x.places.is_empty();
    let same_place = a.places.iter().any(|p| b.places.contains(p));
    if placed(a) && placed(b) && !same_place {
        return None;
    }
    if a.kind == GroupKind::Figure && a.events != 0 && b.events != 0 && a.events & b.events == 0 {
        return None;
    }
    // A conflict needs the same scope: both placed in one place, or neither placed.
    let same_scope = (same_place || (!placed(a) && !placed(b)))
        && !(a.kind == GroupKind::Figure && (a.deictic || b.deictic || a.aspects != b.aspects));
    let ctx = w.sim(&a.ctx, &b.ctx).max(stmt * 0.9);
    let ok = compatible(&a.value, &b.value);
    let (sa, sb) = (&views[a.view].sents[a.sent], &views[b.view].sents[b.sent]);
    let shared_event = a.events & b.events != 0;
    let _ = (sa, sb);
    let (agree_min, conflict_min) = match (&a.value, &b.value) {
        (Value::Sentence, Value::Sentence) => {
            let s = w.sim(&a.ctx, &b.ctx);
            return (s >= STATEMENT_MIN).then_some(Edge {
                a: 0,
                b: 0,
                sim: s,
                agree: true,
            });
        }
        (
            Value::Number {
                kind: k1, unit: u1, ..
            },
            Value::Number {
                kind: k2, unit: u2, ..
            },
        ) => {
            if k1 != k2 || u1 != u2 {
                return None;
            }
            let conflict = if u1.is_some() { 0.5 } else { 0.6 };
            (0.25, conflict)
        }
        (
            Value::Date {
                day_level: d1,
                range: r1,
                ..
            },
            Value::Date {
                day_level: d2,
                range: r2,
                ..
            },
        ) => {
            // A time that could not be resolved to days ("शुक्रवार" on an undated page,
            // "XXXX-06-30") joins no group: two unknown Fridays may be any two days.
            if r1.is_none() || r2.is_none() {
                return None;
            }
            // The same day and the same kind of event is strong evidence by itself.
            let same_day = *d1 && *d2 && r1.is_some() && r1 == r2;
            let agree = match (shared_event, same_day) {
                (true, true) => 0.1,
                (true, false) => 0.2,
                _ => 0.35,
            };
            // Different days conflict only for the same event, or in near-identical context.
            let conflict = match (*d1 && *d2, shared_event) {
                (true, true) => 0.4,
                (true, false) => 0.75,
                _ => 2.0,
            };
            (agree, conflict)
        }
        (
            Value::Quote {
                content: c1,
                marked: m1,
                ..
            },
            Value::Quote {
                content: c2,
                marked: m2,
                ..
            },
        ) => {
            let content = w.sim(&norm::content_terms(c1), &norm::content_terms(c2));
            let speaker = same_speaker(&a.value, &b.value);
            if speaker == Some(false) && content < 0.6 {
                return None;
            }
            let sim = content.max(ctx * 0.8);
            // A changed word between two quotations (both in marks) of the same words; a
            // paraphrase may change words freely.
            if !ok && *m1 && *m2 {
                return (content >= 0.4).then_some(Edge {
                    a: 0,
                    b: 0,
                    sim,
                    agree: false,
                });
            }
            return (sim >= 0.3).then_some(Edge {
                a: 0,
                b: 0,
                sim,
                agree: true,
            });
        }
        _ => return None,
    };
    // A conflict needs both contexts mostly shared (containment), not only similar: the place,
    // the people and the other figures of the sentence must be the same.
    let contained = norm::containment(&a.ctx, &b.ctx, |t| w.w(t)).max(stmt * 0.9);
    if ok && ctx >= agree_min {
        Some(Edge {
            a: 0,
            b: 0,
            sim: ctx,
            agree: true,
        })
    } else if !ok && same_scope && ctx >= conflict_min && contained >= conflict_min * 0.8 {
        Some(Edge {
            a: 0,
            b: 0,
            sim: ctx,
            agree: false,
        })
    } else {
        None
    }
}

/// Align a story's documents: items, candidate pairs, edges, groups.
pub fn align(views: &[DocView], docs: &[&Document], g: &CheckGrammar) -> Aligned {
    let items = items(views, docs, g);
    let w = Weights::new(views);
    let pairs = candidates(&items, &w);

    // Statements first: their similarity lends context to the claims inside them.
    let mut stmt_sim: FastMap<(usize, usize, usize, usize), f64> = FastMap::default();
    let mut edges: Vec<Edge> = Vec::new();
    for &(a, b) in &pairs {
        let (ia, ib) = (&items[a], &items[b]);
        if ia.kind != GroupKind::Statement {
            continue;
        }
        if let Some(mut e) = compare(ia, ib, views, &w, 0.0) {
            e.a = a;
            e.b = b;
            stmt_sim.insert((ia.view, ia.sent, ib.view, ib.sent), e.sim);
            stmt_sim.insert((ib.view, ib.sent, ia.view, ia.sent), e.sim);
            edges.push(e);
        }
    }
    for &(a, b) in &pairs {
        let (ia, ib) = (&items[a], &items[b]);
        if ia.kind == GroupKind::Statement {
            continue;
        }
        let s = stmt_sim
            .get(&(ia.view, ia.sent, ib.view, ib.sent))
            .copied()
            .unwrap_or(0.0);
        if let Some(mut e) = compare(ia, ib, views, &w, s) {
            e.a = a;
            e.b = b;
            edges.push(e);
        }
    }

    // A conflict between two sentences that also share the value elsewhere is a mispairing (one
    // sentence gives deaths and recoveries, the other the same deaths): drop it.
    let mut agrees_in: FastSet<(usize, usize, usize)> = FastSet::default();
    for e in edges
        .iter()
        .filter(|e| e.agree && items[e.a].kind != GroupKind::Statement)
    {
        agrees_in.insert((e.a, items[e.b].view, items[e.b].sent));
        agrees_in.insert((e.b, items[e.a].view, items[e.a].sent));
    }
    edges.retain(|e| {
        e.agree
            || !(agrees_in.contains(&(e.a, items[e.b].view, items[e.b].sent))
                || agrees_in.contains(&(e.b, items[e.a].view, items[e.a].sent)))
    });

    // Keep each item's best counterpart per other document; a conflict stands only when no
    // agreeing counterpart is about as good.
    let mut best: FastMap<(usize, usize), (f64, bool)> = FastMap::default();
    for e in &edges {
        for (x, y) in [(e.a, e.b), (e.b, e.a)] {
            let key = (x, items[y].view);
            let cur = best.entry(key).or_insert((f64::NEG_INFINITY, false));
            if e.sim > cur.0 || (e.sim == cur.0 && e.agree && !cur.1) {
                *cur = (e.sim, e.agree);
            }
        }
    }
    let mut best_agree: FastMap<(usize, usize), f64> = FastMap::default();
    for e in edges.iter().filter(|e| e.agree) {
        for (x, y) in [(e.a, e.b), (e.b, e.a)] {
            let cur = best_agree
                .entry((x, items[y].view))
                .or_insert(f64::NEG_INFINITY);
            *cur = cur.max(e.sim);
        }
    }
    edges.retain(|e| {
        let ba = best.get(&(e.a, items[e.b].view)).map_or(0.0, |x| x.0);
        let bb = best.get(&(e.b, items[e.a].view)).map_or(0.0, |x| x.0);
        let top = e.sim >= ba - 1e-9 || e.sim >= bb - 1e-9;
        if e.agree {
            return top || e.sim >= 0.75 * ba.max(bb);
        }
        // A conflict stands when one side finds this as its best match in the other document and
        // nothing there that agrees with it about as well (the other side may agree with a
        // repeated copy of itself: a page that says Thursday in its summary and Friday in its body
        // still contradicts the outlet that says Thursday).
        let aa = best_agree
            .get(&(e.a, items[e.b].view))
            .copied()
            .unwrap_or(f64::NEG_INFINITY);
        let ab = best_agree
            .get(&(e.b, items[e.a].view))
            .copied()
            .unwrap_or(f64::NEG_INFINITY);
        (e.sim >= ba - 1e-9 && aa < e.sim - 0.05) || (e.sim >= bb - 1e-9 && ab < e.sim - 0.05)
    });
    edges.sort_by(|x, y| {
        y.agree
            .cmp(&x.agree)
            .then(y.sim.total_cmp(&x.sim))
            .then((x.a, x.b).cmp(&(y.a, y.b)))
    });

    // Greedy grouping.
    let n = items.len();
    let mut group_of: Vec<usize> = (0..n).collect();
    let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    let mut sims: Vec<(f64, usize)> = vec![(0.0, 0); n];
    let mut conflicts: Vec<Option<(usize, usize, String)>> = vec![None; n];
    let mut extra: Vec<RawGroup> = Vec::new();
    let mut refused: Vec<(usize, usize)> = Vec::new();
    let mut by_view: Vec<FastMap<usize, Vec<usize>>> = (0..n)
        .map(|i| FastMap::from_iter([(items[i].view, vec![i])]))
        .collect();
    for e in &edges {
        let (ga, gb) = (group_of[e.a], group_of[e.b]);
        if ga == gb {
            continue;
        }
        let statement = items[e.a].kind == GroupKind::Statement;
        // Only members of the same document can clash: look them up by document.
        let (small, large) = if members[ga].len() <= members[gb].len() {
            (ga, gb)
        } else {
            (gb, ga)
        };
        let clash = members[small].iter().any(|&x| {
            let ix = &items[x];
            by_view[large].get(&ix.view).is_some_and(|ys| {
                ys.iter().any(|&y| {
                    let iy = &items[y];
                    if statement {
                        // One long sentence may state what the other outlet splits in two.
                        ix.sent.abs_diff(iy.sent) > 1
                    } else {
                        !compatible(&ix.value, &iy.value)
                    }
                })
            })
        });
        if clash {
            if statement && e.sim >= DIFF_MIN {
                refused.push((e.a, e.b));
            }
            if !e.agree {
                // The two sides already sit with other members (one document contradicts
                // itself, or repeats a claim); the disagreement is still a finding.
                extra.push(RawGroup {
                    kind: items[e.a].kind,
                    members: vec![e.a, e.b],
                    sim: e.sim,
                    conflict: Some((e.a, e.b, describe_conflict(&items[e.a], &items[e.b]))),
                    timing: false,
                });
            }
            continue;
        }
        let (keep, gone) = (ga.min(gb), ga.max(gb));
        let moved = std::mem::take(&mut members[gone]);
        for &m in &moved {
            group_of[m] = keep;
            by_view[keep].entry(items[m].view).or_default().push(m);
        }
        by_view[gone] = FastMap::default();
        members[keep].extend(moved);
        let (s1, c1) = sims[keep];
        let (s2, c2) = sims[gone];
        sims[keep] = (s1 + s2 + e.sim, c1 + c2 + 1);
        if !e.agree && conflicts[keep].is_none() {
            conflicts[keep] = Some((e.a, e.b, describe_conflict(&items[e.a], &items[e.b])));
        }
        if conflicts[keep].is_none() {
            conflicts[keep] = conflicts[gone].take();
        }
    }

    // Figures by frame.
    let views_doc: Vec<usize> = views.iter().map(|v| v.doc).collect();
    let sections = frames::view_sections(&views_doc, docs);
    let figure_groups = frames::group(&items, &views_doc, docs, &sections, &g.set_measures);
    let time_groups = frames::group_times(&items, &views_doc, docs, &sections);

    // Statement diffs: replaced anchors in near-identical sentences that no claim conflict covers.
    let mut claim_conflicts: FastSet<(usize, usize, usize, usize)> = FastSet::default();
    claim_conflicts.extend(figure_groups.disagreeing.iter().copied());
    claim_conflicts.extend(time_groups.disagreeing.iter().copied());
    for (k, c) in conflicts.iter().enumerate() {
        if let (Some((a, b, _)), true) = (c, !members[k].is_empty()) {
            let (ia, ib) = (&items[*a], &items[*b]);
            claim_conflicts.insert((ia.view, ia.sent, ib.view, ib.sent));
            claim_conflicts.insert((ib.view, ib.sent, ia.view, ia.sent));
        }
    }
    // Leftover values of aligned sentences.
    let (anchored_groups, anchored_pairs) = anchored::disagreements(
        &items,
        &views_doc,
        docs,
        &stmt_sim,
        &claim_conflicts,
        &figure_groups.agrees,
    );
    claim_conflicts.extend(anchored_pairs.iter().copied());
    extra.extend(anchored_groups);
    // A day the greedy pairing already found in conflict is not reported twice.
    let time_conflicts: FastSet<(usize, usize, usize, usize)> = conflicts
        .iter()
        .enumerate()
        .filter(|(k, _)| items[*k].kind == GroupKind::Time)
        .filter_map(|(_, c)| c.as_ref())
        .map(|(a, b, _)| {
            (
                items[*a].view,
                items[*a].sent,
                items[*b].view,
                items[*b].sent,
            )
        })
        .collect();
    extra.extend(time_groups.groups.into_iter().filter(|g| {
        g.conflict.as_ref().is_none_or(|(a, b, _)| {
            let (ia, ib) = (&items[*a], &items[*b]);
            !time_conflicts.contains(&(ia.view, ia.sent, ib.view, ib.sent))
                && !time_conflicts.contains(&(ib.view, ib.sent, ia.view, ia.sent))
        })
    }));
    let disagree: FastSet<(usize, usize, usize, usize)> = figure_groups
        .disagreeing
        .iter()
        .chain(&time_groups.disagreeing)
        .chain(&anchored_pairs)
        .copied()
        .collect();
    // Two sentences whose figures or days disagree do not corroborate each other as statements:
    // such a statement group is dropped (the claim-level conflict reports the difference).
    let mut dropped: FastSet<usize> = FastSet::default();
    for k in 0..n {
        if members[k].len() < 2 || items[k].kind != GroupKind::Statement || conflicts[k].is_some() {
            continue;
        }
        let m = &members[k];
        'pairs: for (x, &a) in m.iter().enumerate() {
            for &b in &m[x + 1..] {
                let (ia, ib) = (&items[a], &items[b]);
                if disagree.contains(&(ia.view, ia.sent, ib.view, ib.sent)) {
                    dropped.insert(k);
                    break 'pairs;
                }
            }
        }
    }
    for k in 0..n {
        if members[k].len() < 2 || items[k].kind != GroupKind::Statement {
            continue;
        }
        // Each member against the first member of the group (of another document): a changed
        // sentence differs from it, or, if it is the changed one, every other differs from it.
        let m = members[k].clone();
        let Some(&first) = m.first() else {
            continue;
        };
        for &b in m.iter().skip(1) {
            let (ia, ib) = (&items[first], &items[b]);
            if ia.view == ib.view || claim_conflicts.contains(&(ia.view, ia.sent, ib.view, ib.sent))
            {
                continue;
            }
            let (sa, sb) = (
                &views[ia.view].sents[ia.sent],
                &views[ib.view].sents[ib.sent],
            );
            if same_words(sa, sb) || w.sim(&sa.terms, &sb.terms) < DIFF_MIN {
                continue;
            }
            if let Some(why) = anchor_change(sa, sb, docs, views, ia.view, ib.view) {
                conflicts[k] = Some((first, b, why));
                break;
            }
        }
    }

    // Near-identical sentences kept apart (a page repeats its lead, the copy changed one of the
    // two): their diffs count too.
    for (a, b) in refused {
        let (ia, ib) = (&items[a], &items[b]);
        if claim_conflicts.contains(&(ia.view, ia.sent, ib.view, ib.sent)) {
            continue;
        }
        let (sa, sb) = (
            &views[ia.view].sents[ia.sent],
            &views[ib.view].sents[ib.sent],
        );
        if same_words(sa, sb) {
            continue;
        }
        if let Some(why) = anchor_change(sa, sb, docs, views, ia.view, ib.view) {
            let mut m = vec![a, b];
            m.sort_by_key(|&i| (items[i].view, items[i].start));
            extra.push(RawGroup {
                kind: GroupKind::Statement,
                members: m,
                sim: w.sim(&sa.terms, &sb.terms),
                conflict: Some((a, b, why)),
                timing: false,
            });
        }
    }

    let mut groups: Vec<RawGroup> = Vec::new();
    for k in 0..n {
        if members[k].is_empty() || group_of[k] != k {
            continue;
        }
        if items[k].kind == GroupKind::Figure || dropped.contains(&k) {
            continue;
        }
        let mut m = members[k].clone();
        m.sort_by_key(|&i| (items[i].view, items[i].start, items[i].end));
        let multi = m.iter().any(|&i| items[i].view != items[m[0]].view);
        if !multi && items[k].kind == GroupKind::Statement {
            continue;
        }
        let (s, c) = sims[k];
        groups.push(RawGroup {
            kind: items[k].kind,
            members: m,
            sim: if c > 0 { s / c as f64 } else { 0.0 },
            conflict: conflicts[k].take(),
            timing: false,
        });
    }
    groups.extend(figure_groups.groups);
    for mut g in extra {
        g.members
            .sort_by_key(|&i| (items[i].view, items[i].start, items[i].end));
        groups.push(g);
    }
    merge_single_repeats(&mut groups, &items);
    groups.sort_by_key(|g| {
        let first = &items[g.members[0]];
        (first.view, first.start, g.kind)
    });
    Aligned { items, groups }
}

/// Single-document groups of the same kind and value in one document (a figure repeated in the
/// headline and the body) become one group.
fn merge_single_repeats(groups: &mut Vec<RawGroup>, items: &[Item]) {
    let mut out: Vec<RawGroup> = Vec::new();
    let mut index: FastMap<(usize, GroupKind, String), usize> = FastMap::default();
    for g in groups.drain(..) {
        let first = &items[g.members[0]];
        let single_doc = g.members.iter().all(|&i| items[i].view == first.view);
        if single_doc && g.members.len() == 1 && first.kind != GroupKind::Quote {
            let key = (first.view, first.kind, format!("{:?}", first.value));
            if let Some(&k) = index.get(&key) {
                out[k].members.extend(g.members);
                continue;
            }
            index.insert(key, out.len());
        }
        out.push(g);
    }
    *groups = out;
}

fn describe_conflict(a: &Item, b: &Item) -> String {
    match (&a.value, &b.value) {
        (Value::Date { .. }, Value::Date { .. }) => "different dates for the same event".into(),
        (Value::Number { .. }, Value::Number { .. }) => {
            "incompatible values for the same figure".into()
        }
        (Value::Quote { .. }, Value::Quote { .. }) => "a word differs inside the quotation".into(),
        _ => "the values differ".into(),
    }
}

/// True when two sentences have the same words in the same order (nothing to diff).
fn same_words(a: &SentView, b: &SentView) -> bool {
    a.toks.len() == b.toks.len()
        && a.toks
            .iter()
            .zip(&b.toks)
            .all(|(x, y)| x.term == y.term && x.flags == y.flags)
}

/// A replaced number, weekday, month or quoted word between two near-identical sentences.
fn anchor_change(
    sa: &SentView,
    sb: &SentView,
    docs: &[&Document],
    views: &[DocView],
    va: usize,
    vb: usize,
) -> Option<String> {
    let class = |t: &Tok| t.flags & (NUMBER | norm::WEEKDAY | norm::MONTH | QUOTED);
    let regions = norm::diff(&sa.toks, &sb.toks);
    // Another content word replaced as well ("भारत में" / "इटली में") means another fact.
    let other_change = regions.iter().any(|r| {
        let (ta, tb) = (&sa.toks[r.a.clone()], &sb.toks[r.b.clone()]);
        !ta.is_empty()
            && !tb.is_empty()
            && ta.iter().chain(tb).all(|t| class(t) == 0)
            && ta.iter().any(Tok::is_content)
            && tb.iter().any(Tok::is_content)
    });
    if other_change {
        return None;
    }
    for r in regions {
        let (ta, tb) = (&sa.toks[r.a.clone()], &sb.toks[r.b.clone()]);
        if ta.is_empty() || tb.is_empty() || ta.len() > 4 || tb.len() > 4 {
            continue;
        }
        let ca = ta.iter().fold(0, |acc, t| acc | class(t));
        let cb = tb.iter().fold(0, |acc, t| acc | class(t));
        let both = ca & cb;
        if both == 0 {
            continue;
        }
        // A quoted change must touch a content word on one side at least.
        if both == QUOTED && !(ta.iter().any(Tok::is_content) || tb.iter().any(Tok::is_content)) {
            continue;
        }
        let text = |v: usize, t: &[Tok]| -> String {
            let d = &docs[views[v].doc];
            match (t.first(), t.last()) {
                (Some(f), Some(l)) => d.text.get(f.start..l.end).unwrap_or("").to_string(),
                _ => String::new(),
            }
        };
        let what = if both & NUMBER != 0 {
            "number"
        } else if both & (norm::WEEKDAY | norm::MONTH) != 0 {
            "day"
        } else {
            "quoted word"
        };
        return Some(format!(
            "{what} differs: “{}” vs “{}”",
            text(va, ta),
            text(vb, tb)
        ));
    }
    let _ = EVENT;
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Grammars;

    fn fig(value: f64, qualifier: Qualifier) -> Figure {
        Figure {
            value,
            unit: Some("percent".into()),
            qualifier,
            min: None,
            max: None,
            figure: FigureKind::Percent,
        }
    }

    fn num(f: &Figure) -> Value {
        let (lo, hi) = interval(f);
        Value::Number {
            lo,
            hi,
            kind: f.figure,
            unit: None,
        }
    }

    #[test]
    fn qualifiers_are_respected() {
        let more_than_40 = num(&fig(40.0, Qualifier::MoreThan));
        assert!(compatible(
            &more_than_40,
            &num(&fig(45.0, Qualifier::Exact))
        ));
        assert!(!compatible(
            &more_than_40,
            &num(&fig(35.0, Qualifier::Exact))
        ));
        assert!(compatible(
            &num(&fig(100.0, Qualifier::About)),
            &num(&fig(105.0, Qualifier::Exact))
        ));
        assert!(!compatible(
            &num(&fig(386.0, Qualifier::Exact)),
            &num(&fig(387.0, Qualifier::Exact))
        ));
        // A round thousand allows rounding: 6,000 ~ 6,200, not 7,000.
        assert!(compatible(
            &num(&fig(6000.0, Qualifier::Exact)),
            &num(&fig(6200.0, Qualifier::Exact))
        ));
        assert!(!compatible(
            &num(&fig(6000.0, Qualifier::Exact)),
            &num(&fig(7000.0, Qualifier::Exact))
        ));
    }

    #[test]
    fn dates_compare_by_range_and_weekday() {
        let day = |v: &str| Value::Date {
            range: date_range(v, Grain::Day),
            weekday: None,
            day_level: true,
        };
        let week = Value::Date {
            range: date_range("2023-07-24", Grain::Week),
            weekday: None,
            day_level: false,
        };
        let weekday = |w: u8| Value::Date {
            range: None,
            weekday: Some(w),
            day_level: true,
        };
        assert!(compatible(&day("2023-07-26"), &week));
        assert!(!compatible(&day("2023-07-26"), &day("2023-07-27")));
        assert!(compatible(&day("2023-07"), &day("2023-07-27")));
        // 26 Jul 2023 was a Wednesday (2); Thursday (3) does not fit it.
        assert!(compatible(&day("2023-07-26"), &weekday(2)));
        assert!(!compatible(&day("2023-07-26"), &weekday(3)));
        assert!(!compatible(&weekday(2), &weekday(3)));
    }

    #[test]
    fn clauses_keep_their_own_events() {
        let g = &Grammars::builtin().check;
        let text = "मंत्री प्योंगयांग से रवाना हुए, जिसके दौरान उन्होंने किम से मुलाकात की, मीडिया ने रविवार को यह जानकारी दी।";
        let toks = g.tokens(text, 0);
        let at = text.find("रविवार").unwrap();
        assert_eq!(clause_events(text, &toks, at, at + "रविवार".len()), 0);
        let at = text.find("किम").unwrap();
        let ev = clause_events(text, &toks, at, at + "किम".len());
        assert_eq!(g.event_names(ev), vec!["meeting"]);
    }

    fn analysed(id: &str, text: &str, published: &str) -> Document {
        let p = chrono::NaiveDate::parse_from_str(published, "%Y-%m-%d").ok();
        crate::analyze(
            id,
            text.to_string(),
            p,
            &crate::Options::default(),
            Grammars::builtin(),
        )
    }

    fn run(a: &str, b: &str) -> Aligned {
        let g = &Grammars::builtin().check;
        let docs = [
            analysed("a", a, "2023-07-27"),
            analysed("b", b, "2023-07-27"),
        ];
        let views: Vec<DocView> = docs
            .iter()
            .enumerate()
            .map(|(i, d)| DocView::new(i, d, g))
            .collect();
        align(&views, &docs.iter().collect::<Vec<_>>(), g)
    }

    #[test]
    fn a_changed_weekday_for_the_same_meeting_conflicts() {
        let a = run(
            "किम जोंग उन ने बुधवार को रूस के रक्षा मंत्री सर्गेई शोइगु से मुलाकात की।",
            "किम जोंग उन ने गुरुवार को रूस के रक्षा मंत्री सर्गेई शोइगु से मुलाकात की।",
        );
        assert!(
            a.groups.iter().any(|g| g.conflict.is_some()),
            "{:?}",
            a.groups
        );
        let same = run(
            "किम जोंग उन ने बुधवार को रूस के रक्षा मंत्री सर्गेई शोइगु से मुलाकात की।",
            "रूस के रक्षा मंत्री सर्गेई शोइगु ने बुधवार को किम जोंग उन से भेंट की।",
        );
        assert!(
            same.groups.iter().all(|g| g.conflict.is_none()),
            "{:?}",
            same.groups
        );
        assert!(
            same.groups
                .iter()
                .any(|g| g.kind == GroupKind::Time && g.members.len() == 2)
        );
    }

    #[test]
    fn figures_in_different_places_never_conflict() {
        let a = run(
            "भारत में कोरोना के 28 नए मामले सामने आए।",
            "इटली में कोरोना के 1694 नए मामले सामने आए।",
        );
        assert!(a.groups.iter().all(|g| g.conflict.is_none()));
        let b = run(
            "भारत में कोरोना के 28 नए मामले सामने आए।",
            "भारत में कोरोना के 25 नए मामले सामने आए।",
        );
        assert!(
            b.groups
                .iter()
                .any(|g| g.kind == GroupKind::Figure && g.conflict.is_some())
        );
    }
}
