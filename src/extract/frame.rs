//! Figure frames: what a number measures, where, over which window, as of when, in which role.
//!
//! `check` compares figures through their frames, never through their values alone (see
//! `grammars/frames.toml` for the words). A frame is read in widening circles around the number:
//!
//! - **measure**: a measure word inside the claim, after the number within its clause ("53
//!   मामले", "718 लोगों की … जान जा चुकी"), or before it ("मरने वालों की संख्या 29"); in a table row
//!   ("केरल⟨tab⟩194"), the nearest measure word above the row in the same article; else the counted
//!   noun the figure extractor read. A subgroup word in the clause ("जमाती") narrows it
//!   (`cases/jamaat`). A percent after a rate ("मृत्यु दर 3.2%") is `percent:<rate>`. Ordinals and
//!   durations measure the noun they qualify (`duration:<noun>`), a duration in a sentence about how
//!   fast counts double the `doubling` time; years and ages have no measure: they are not counts.
//! - **scope**: a place in the clause (nearest before the number, else after), else in the
//!   sentence, else the nearest earlier place of the same article (previous sentences, the
//!   dateline, the headline). "यहां", "राज्य में", "जिले में", "देश में" resolve to the nearest earlier
//!   place of that kind (a state is also found as the parent of a city); "देश" with no country in
//!   sight is the outlet's home country.
//! - **window**: cumulative ("अब तक", "कुल") or a period ("पिछले 24 घंटे में", "नए"), in the clause,
//!   else the sentence.
//! - **as_of**: a time claim in the clause, else the sentence, else the article's headline; or a
//!   word meaning "now" (the publication date).
//! - **role**: `before` for the old value of a change ("16 से बढ़ कर 21") or a value told as
//!   earlier ("पहले … 14 दिन था": an "earlier" word and a past-tense verb), `reached` for a value
//!   reached ("200 तक पहुंच गई": exact, not an upper bound — the qualifier is corrected), `each`
//!   for a distributive pair ("33-33 मामले": 33 for each), else `value`.
//!
//! A file may hold several articles (a digest, a live page): a short line with no sentence end,
//! standing alone as a paragraph and followed by more text, starts a new section, and context is
//! never read across a section's start.

use crate::tokens::FxHashMap as HashMap;

use serde::{Deserialize, Serialize};

use crate::claim::{Claim, ClaimKind, FigureKind, Qualifier, TimeKind};
use crate::document::Lang;
use crate::document::lang::fold_char;
use crate::error::GrammarError;
use crate::extract::ExtractCtx;
use crate::grammar::GrammarSet;

const FILE: &str = "frames.toml";
/// Words looked at after a number for its measure.
const AFTER: usize = 6;
/// Words looked at before a number for its measure.
const BEFORE: usize = 6;
/// Sentences looked back for a table's measure or a scope.
const LOOK_BACK: usize = 40;
/// Words either side of a number that its frame is read from.
const WINDOW: usize = 40;
/// Words looked back in the sentence for a period that covers a count.
const PERIOD_REACH: usize = 15;
/// Most days before publication a headline's day may be and still date the article's figures.
const HEADLINE_DAYS: i64 = 7;
/// Longest table cell holding a number, in characters.
const MAX_CELL_CHARS: usize = 32;
/// Bytes looked back or ahead for a line's start or end (a table row, a dateline).
const LINE_REACH: usize = 2000;

/// What a figure measures, where, when and in which role.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Frame {
    /// The quantity counted (`cases`, `deaths`, …, a subgroup after `/`), or the counted noun.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub measure: Option<String>,
    /// The place the figure is about.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope: Option<Scope>,
    /// `cumulative` or `period`, when the text says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub window: Option<Window>,
    /// The reference time the text gives.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<AsOf>,
    /// What the number is.
    pub role: Role,
}

/// The place a figure is about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scope {
    /// The words that name (or point at) the place.
    pub text: String,
    /// The canonical place.
    pub entity: String,
    /// First byte of `text`.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Where it was found.
    pub from: ScopeFrom,
    /// The clause points at the place instead of naming it ("यहां", "राज्य में"): `text` is the
    /// pointing word, `entity` what it resolves to.
    #[serde(skip_serializing_if = "std::ops::Not::not", default)]
    pub pointed: bool,
}

/// Where a scope was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScopeFrom {
    /// The number's clause (or its table row).
    Clause,
    /// Elsewhere in the sentence.
    Sentence,
    /// An earlier sentence of the same article.
    Context,
    /// The article's headline.
    Headline,
    /// The article's dateline.
    Dateline,
    /// The outlet's home country ("देश में" with no country named).
    Default,
}

/// The window a count covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Window {
    /// Everything so far.
    Cumulative,
    /// A period: new in a day, in 24 hours.
    Period,
}

/// A figure's reference time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AsOf {
    /// The words as written.
    pub text: String,
    /// The resolved day (`YYYY-MM-DD`), when known.
    pub value: Option<String>,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// What a number is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The value stated.
    Value,
    /// The value before a change ("16 से बढ़ कर 21": 16).
    Before,
    /// A value reached ("X तक पहुंच गई"): exact.
    Reached,
    /// A value for each of several ("33-33").
    Each,
}

#[derive(Debug, Deserialize)]
struct RawFile {
    #[serde(default)]
    home: HashMap<String, String>,
    /// Country → the place its capital is filed under ("India" → "Delhi").
    #[serde(default)]
    capital: HashMap<String, String>,
    measure: Vec<RawNamed>,
    #[serde(default)]
    subgroup: Vec<RawNamed>,
    skip: Vec<String>,
    not_counts: Vec<String>,
    #[serde(default)]
    causes: Vec<String>,
    window: RawWindow,
    now: Vec<String>,
    #[serde(default)]
    still: Vec<String>,
    as_of_after: Vec<String>,
    as_of_before: Vec<String>,
    role: RawRole,
    not_scope_after: Vec<String>,
    inclusive: Vec<String>,
    labels: Vec<String>,
    deixis: RawDeixis,
    place: Vec<RawPlace>,
}

#[derive(Debug, Deserialize)]
struct RawNamed {
    name: String,
    words: Vec<String>,
    /// A measure read for durations only ("डबलिंग रेट … 12 दिन"): a count next to its words
    /// keeps what it counts.
    #[serde(default)]
    durations: bool,
    /// A rate: a percent after it says its value ("मृत्यु दर 3.2 प्रतिशत").
    #[serde(default)]
    rate: bool,
}

#[derive(Debug, Deserialize)]
struct RawWindow {
    cumulative: Vec<String>,
    period: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct RawRole {
    before_after: Vec<String>,
    before_before: Vec<String>,
    reached_after: Vec<String>,
    /// Words that make a number a part of a whole told before ("इनमें से").
    #[serde(default)]
    partitive: Vec<String>,
    /// Words that place a value in the past ("पहले", "earlier")…
    #[serde(default)]
    earlier: Vec<String>,
    /// …when its clause is in the past tense ("था", "was").
    #[serde(default)]
    past: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct RawDeixis {
    here: Vec<String>,
    state: Vec<String>,
    country: Vec<String>,
    city: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct RawPlace {
    name: String,
    kind: PlaceKind,
    #[serde(default)]
    parent: Option<String>,
    aliases: Vec<String>,
}

/// The kind of a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
enum PlaceKind {
    World,
    Country,
    State,
    City,
}

/// What a phrase of the frame grammar says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
    Measure(u16),
    /// A measure read for durations only (the doubling time).
    DurationMeasure(u16),
    Subgroup(u16),
    Skip,
    NotCount,
    /// A cause ("संक्रमण से"): its words measure nothing.
    Cause,
    /// "अब भी", "still": the infected still infected are the active cases.
    Still,
    Cumulative,
    Period,
    Now,
    AsOfAfter,
    AsOfBefore,
    BeforeAfter,
    BeforeBefore,
    ReachedAfter,
    Earlier,
    Past,
    /// "इनमें से", "of them": a part of a whole told before.
    Partitive,
    NotScopeAfter,
    Inclusive,
    Label,
    Here,
    DeixisState,
    DeixisCountry,
    DeixisCity,
    Place(u16),
}

/// One phrase: folded words and what it says.
#[derive(Debug, Clone)]
struct Phrase {
    words: Vec<String>,
    tag: Tag,
}

/// The frame grammar, compiled: phrases by their first folded word.
#[derive(Debug)]
pub struct FrameGrammar {
    by_first: HashMap<String, Vec<Phrase>>,
    measures: Vec<String>,
    /// Per measure: whether it is a rate.
    rates: Vec<bool>,
    subgroups: Vec<String>,
    places: Vec<(String, PlaceKind, Option<usize>)>,
    home_hi: Option<usize>,
    home_en: Option<usize>,
    /// Capital place → its country (by place index).
    capital_of: HashMap<usize, usize>,
}

/// Fold a word for matching.
fn fold(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    for c in w.chars() {
        match c {
            '\u{200B}' | '\u{FEFF}' => {}
            '०'..='९' => out.push(char::from(b'0' + (c as u32 - '०' as u32) as u8)),
            _ => fold_char(c, &mut out),
        }
    }
    out
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '-';
    }
    if ('\u{0900}'..='\u{097F}').contains(&c) {
        return !matches!(c, '\u{0964}' | '\u{0965}' | '\u{0970}');
    }
    matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}') || c.is_alphanumeric()
}

/// Byte ranges of the words of `text[start..end]`, with digit groups kept whole (1,071 · 9.45).
fn words(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let s = text.get(start..end).unwrap_or("");
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut cur: Option<usize> = None;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if is_word_char(c) && !(c == '-' && cur.is_none()) {
            cur.get_or_insert(i);
            continue;
        }
        if let Some(b) = cur {
            let prev_digit = s[b..i].ends_with(|p: char| p.is_ascii_digit());
            let next_digit = it.peek().is_some_and(|(_, n)| n.is_ascii_digit());
            if matches!(c, ',' | '.') && prev_digit && next_digit {
                continue;
            }
            out.push((start + b, start + i));
            cur = None;
        }
    }
    if let Some(b) = cur {
        out.push((start + b, end));
    }
    // A trailing hyphen belongs to no word.
    for w in &mut out {
        while w.1 > w.0 && text.as_bytes()[w.1 - 1] == b'-' {
            w.1 -= 1;
        }
    }
    out.retain(|w| w.1 > w.0);
    out
}

impl FrameGrammar {
    /// Load `frames.toml`.
    pub fn load(set: &GrammarSet) -> Result<Self, GrammarError> {
        let raw: RawFile = set.parse(FILE)?;
        Ok(Self::build(raw))
    }

    fn build(raw: RawFile) -> Self {
        let mut g = FrameGrammar {
            by_first: HashMap::default(),
            measures: Vec::new(),
            rates: Vec::new(),
            subgroups: Vec::new(),
            places: Vec::new(),
            home_hi: None,
            home_en: None,
            capital_of: HashMap::default(),
        };
        let add = |g: &mut FrameGrammar, phrase: &str, tag: Tag| {
            let ws: Vec<String> = words(phrase, 0, phrase.len())
                .into_iter()
                .map(|(a, b)| fold(&phrase[a..b]))
                .collect();
            if let Some(first) = ws.first().cloned() {
                g.by_first
                    .entry(first)
                    .or_default()
                    .push(Phrase { words: ws, tag });
            }
        };
        for (i, m) in raw.measure.iter().enumerate() {
            g.measures.push(m.name.clone());
            g.rates.push(m.rate);
            let tag = if m.durations {
                Tag::DurationMeasure(i as u16)
            } else {
                Tag::Measure(i as u16)
            };
            for w in &m.words {
                add(&mut g, w, tag);
            }
        }
        for (i, m) in raw.subgroup.iter().enumerate() {
            g.subgroups.push(m.name.clone());
            for w in &m.words {
                add(&mut g, w, Tag::Subgroup(i as u16));
            }
        }
        let lists: [(&Vec<String>, Tag); 22] = [
            (&raw.inclusive, Tag::Inclusive),
            (&raw.labels, Tag::Label),
            (&raw.skip, Tag::Skip),
            (&raw.not_counts, Tag::NotCount),
            (&raw.causes, Tag::Cause),
            (&raw.window.cumulative, Tag::Cumulative),
            (&raw.window.period, Tag::Period),
            (&raw.now, Tag::Now),
            (&raw.still, Tag::Still),
            (&raw.as_of_after, Tag::AsOfAfter),
            (&raw.as_of_before, Tag::AsOfBefore),
            (&raw.role.before_after, Tag::BeforeAfter),
            (&raw.role.before_before, Tag::BeforeBefore),
            (&raw.role.reached_after, Tag::ReachedAfter),
            (&raw.role.earlier, Tag::Earlier),
            (&raw.role.past, Tag::Past),
            (&raw.role.partitive, Tag::Partitive),
            (&raw.not_scope_after, Tag::NotScopeAfter),
            (&raw.deixis.here, Tag::Here),
            (&raw.deixis.state, Tag::DeixisState),
            (&raw.deixis.country, Tag::DeixisCountry),
            (&raw.deixis.city, Tag::DeixisCity),
        ];
        for (list, tag) in lists {
            for w in list {
                add(&mut g, w, tag);
            }
        }
        let names: Vec<String> = raw.place.iter().map(|p| p.name.clone()).collect();
        for (i, p) in raw.place.iter().enumerate() {
            let parent = p
                .parent
                .as_ref()
                .and_then(|n| names.iter().position(|x| x == n));
            g.places.push((p.name.clone(), p.kind, parent));
            for a in &p.aliases {
                add(&mut g, a, Tag::Place(i as u16));
            }
        }
        // Longest phrases first, so "उत्तर प्रदेश" wins over "प्रदेश".
        for v in g.by_first.values_mut() {
            v.sort_by_key(|p| std::cmp::Reverse(p.words.len()));
        }
        g.home_hi = raw
            .home
            .get("hi")
            .and_then(|n| names.iter().position(|x| x == n));
        g.home_en = raw
            .home
            .get("en")
            .and_then(|n| names.iter().position(|x| x == n));
        for (country, city) in &raw.capital {
            if let (Some(c), Some(p)) = (
                names.iter().position(|x| x == country),
                names.iter().position(|x| x == city),
            ) {
                g.capital_of.insert(p, c);
            }
        }
        g
    }

    /// Every phrase matching at word `i`: (tag, number of words), longest first.
    fn matches_at<'a>(
        &'a self,
        w: &'a [String],
        i: usize,
    ) -> impl Iterator<Item = (Tag, usize)> + 'a {
        self.by_first
            .get(&w[i])
            .into_iter()
            .flatten()
            .filter(move |p| {
                i + p.words.len() <= w.len() && p.words.iter().zip(&w[i..]).all(|(a, b)| a == b)
            })
            .map(|p| (p.tag, p.words.len()))
    }
}

/// One word of the document.
#[derive(Debug, Clone)]
struct Word {
    start: usize,
    end: usize,
    /// Sentence (position in `ctx.sentences`).
    sent: usize,
    /// Clause number within the document (changes at , ; : — । and at कि / और / that / and).
    clause: usize,
    digit: bool,
    /// Part of a figure claim (digits or number words: "दो", "नौ", "एक लाख").
    number: bool,
}

/// A phrase found in the document.
#[derive(Debug, Clone, Copy)]
struct Hit {
    tag: Tag,
    /// First word.
    w: usize,
    /// Words covered.
    n: usize,
}

/// Auxiliary verbs: a number followed by one has its clause's verb ("संख्या 18,601 हो गई है और 590
/// लोगों की मौत": 18,601 shares no noun with 590).
const AUXILIARIES: [&str; 27] = [
    "हो",
    "है",
    "हैं",
    "था",
    "थे",
    "थी",
    "थीं",
    "गई",
    "गए",
    "गया",
    "गयी",
    "गये",
    "चुकी",
    "चुके",
    "चुका",
    "हुई",
    "हुए",
    "हुआ",
    "हुईं",
    "रहे",
    "रही",
    "रहा",
    "is",
    "are",
    "was",
    "were",
    "has",
];

/// Clause-breaking words: conjunctions, and relative pronouns that open a clause about what was
/// just counted ("386 केस सामने आए हैं जो अभी तक … सर्वाधिक हैं": "अभी तक" is not 386's window).
const CLAUSE_WORDS: [&str; 16] = [
    "कि",
    "और",
    "जबकि",
    "लेकिन",
    "तथा",
    "वहीं",
    "जो",
    "जिसे",
    "जिन्हें",
    "that",
    "and",
    "while",
    "but",
    "whereas",
    "which",
    "who",
];

/// Paragraphs of a text: runs of non-blank lines, as byte ranges.
pub fn paragraphs(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        if line.trim().is_empty() {
            if let Some(s) = start.take() {
                out.push((s, pos));
            }
        } else if start.is_none() {
            start = Some(pos);
        }
        pos += line.len();
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

/// Sections of a text: start offsets of articles (a file may hold several).
///
/// A paragraph (text between blank lines) that is one short line without a sentence end and is
/// followed by another paragraph starts a section; so does the text's start.
pub fn sections(text: &str) -> Vec<usize> {
    let mut out = vec![0];
    let paras = paragraphs(text);
    for (k, &(a, b)) in paras.iter().enumerate() {
        if k + 1 == paras.len() {
            break;
        }
        let p = text[a..b].trim();
        let one_line = !p.contains('\n');
        let ends = p.ends_with(['।', '.', '?', '!', '|', ':', '"', '”', ')']);
        let short = p.chars().count() <= 160;
        // A table row or header ("इटली - 827 - 12,462") is no headline.
        let table = cells(text, a, b).len() > 1;
        if one_line && short && !ends && !table && a > 0 {
            out.push(a);
        }
    }
    out.dedup();
    out
}

/// Add a frame to every figure claim of a document (`claims` must hold the time claims too).
pub fn annotate(ctx: &ExtractCtx, claims: &mut [Claim]) {
    let g = &ctx.grammars.frame;
    let text = ctx.text;
    // Words of the body sentences.
    let mut ws: Vec<Word> = Vec::new();
    let mut folded: Vec<String> = Vec::new();
    let mut sent_words: Vec<(usize, usize)> = vec![(0, 0); ctx.sentences.len()];
    let mut figure_ends: Vec<usize> = claims
        .iter()
        .filter(|c| matches!(c.detail, ClaimKind::Figure(_)))
        .map(|c| c.end)
        .collect();
    figure_ends.sort_unstable();
    figure_ends.dedup();
    // Figure spans by start, to tell the words of a number ("दो", "एक लाख") from other words.
    let mut figure_spans: Vec<(usize, usize)> = claims
        .iter()
        .filter(|c| matches!(c.detail, ClaimKind::Figure(_)))
        .map(|c| (c.start, c.end))
        .collect();
    figure_spans.sort_unstable();
    let in_figure = |a: usize| {
        let k = figure_spans.partition_point(|s| s.0 <= a);
        k > 0 && a < figure_spans[k - 1].1
    };
    // Words first, with where a clause may break; clauses are numbered once phrases are known.
    let mut breaks: Vec<bool> = Vec::new();
    let mut and_after_number: Vec<bool> = Vec::new();
    for (si, s) in ctx.sentences.iter().enumerate() {
        let first = ws.len();
        if !s.chrome {
            let mut prev_end = s.start;
            for (k, (a, b)) in words(text, s.start, s.end).into_iter().enumerate() {
                let gap = &text[prev_end..a];
                let f = fold(&text[a..b]);
                and_after_number.push(
                    (f == "और" || f == "more")
                        && figure_ends.binary_search(&prev_end).is_ok()
                        && !gap.contains([',', ';', '।']),
                );
                // "नये मामले सामने आने के बाद संक्रमितों की संख्या 125": a verb's "ने के बाद" / "ने से
                // पहले" (after / before doing) closes an adverbial clause.
                let n = folded.len();
                let adverbial = k >= 3
                    && matches!(
                        (folded[n - 2].as_str(), folded[n - 1].as_str()),
                        ("के", "बाद") | ("से", "पहले") | ("के", "पहले")
                    )
                    && folded[n - 3].ends_with("ने");
                breaks.push(
                    k == 0
                        || gap.contains([',', ';', ':', '—', '–', '|', '।', '\n', '\t'])
                        || CLAUSE_WORDS.contains(&f.as_str())
                        || adverbial,
                );
                ws.push(Word {
                    start: a,
                    end: b,
                    sent: si,
                    clause: 0,
                    digit: f.starts_with(|c: char| c.is_ascii_digit()),
                    number: in_figure(a),
                });
                folded.push(f);
                prev_end = b;
            }
        }
        sent_words[si] = (first, ws.len());
    }
    // Phrases, longest match at each word; place words are not read as anything else.
    let mut hits: Vec<Hit> = Vec::new();
    let mut covered_by_place = vec![false; ws.len()];
    for i in 0..ws.len() {
        for (tag, n) in g.matches_at(&folded, i) {
            // A phrase never spans two sentences.
            if ws[i + n - 1].sent != ws[i].sent {
                continue;
            }
            if let Tag::Place(_) = tag {
                if covered_by_place[i] {
                    continue;
                }
                for c in covered_by_place.iter_mut().skip(i).take(n) {
                    *c = true;
                }
            } else if covered_by_place[i] {
                continue;
            }
            hits.push(Hit { tag, w: i, n });
        }
    }
    // Hits by word.
    let mut hits_at: Vec<Vec<usize>> = vec![Vec::new(); ws.len()];
    let mut cause = vec![false; ws.len()];
    for (k, h) in hits.iter().enumerate() {
        hits_at[h.w].push(k);
        if h.tag == Tag::Cause {
            for c in cause.iter_mut().skip(h.w).take(h.n) {
                *c = true;
            }
        }
    }
    // "तीन और लोगों की मौत", "two more cases": और/more after a number and before a counted noun
    // means "more", not "and"; it neither ends the clause nor leaves the window open.
    let mut more_after_number = vec![false; ws.len()];
    for i in 0..ws.len() {
        if and_after_number[i] && i + 1 < ws.len() && ws[i + 1].sent == ws[i].sent {
            more_after_number[i] = hits_at[i + 1]
                .iter()
                .any(|&k| matches!(hits[k].tag, Tag::Measure(_) | Tag::Skip | Tag::Period))
                && !hits_at[i + 1]
                    .iter()
                    .any(|&k| matches!(hits[k].tag, Tag::Place(_)))
                && !ws[i + 1].digit;
        }
    }
    let mut clause = 0;
    for i in 0..ws.len() {
        if breaks[i] && !more_after_number[i] {
            clause += 1;
        }
        ws[i].clause = clause;
    }
    let secs = sections(text);
    let section_of = |off: usize| secs.partition_point(|&s| s <= off).saturating_sub(1);
    let home = match ctx.lang {
        Lang::Hi => g.home_hi,
        Lang::En => g.home_en,
        Lang::Other => None,
    };

    let mut times: Vec<(usize, usize, Option<String>, TimeKind)> = claims
        .iter()
        .filter_map(|c| match &c.detail {
            ClaimKind::Time(t) => Some((c.start, c.end, t.value.clone(), t.time)),
            _ => None,
        })
        .collect();
    times.sort_by_key(|t| (t.0, t.1));

    let r = Reader {
        more: &more_after_number,
        g,
        text,
        ws: &ws,
        folded: &folded,
        hits: &hits,
        hits_at: &hits_at,
        cause: &cause,
        sent_words: &sent_words,
        ctx,
        secs: &secs,
        home,
    };
    for c in claims.iter_mut() {
        let ClaimKind::Figure(f) = &mut c.detail else {
            continue;
        };
        let Some(si) = ctx
            .sentences
            .binary_search_by_key(&c.sentence, |s| s.index)
            .ok()
            .or_else(|| ctx.sentences.iter().position(|s| s.index == c.sentence))
        else {
            continue;
        };
        let (s0, s1) = sent_words[si];
        // The words of the claim, found by binary search.
        let first = s0 + ws[s0..s1].partition_point(|w| w.end <= c.start);
        let last_excl = s0 + ws[s0..s1].partition_point(|w| w.start < c.end);
        if first >= last_excl {
            continue;
        }
        let last = last_excl - 1;
        // Everything below looks at most WINDOW words either side of the number, so an endless
        // sentence costs no more per figure than a normal one.
        let (w0, w1) = (
            first.saturating_sub(WINDOW).max(s0),
            (last + 1 + WINDOW).min(s1),
        );
        let sec = section_of(c.start);
        let mut role = Role::Value;
        // Roles.
        // "X तक पहुंच गई": the figure's span may or may not have taken the तक.
        let reached = (first + 1..=(last + 1).min(w1.saturating_sub(1)))
            .any(|i| r.phrase_at(i, |t| t == Tag::ReachedAfter).is_some());
        if reached {
            role = Role::Reached;
            // The तक of "X तक पहुंच गई" is no upper bound; a bound said in words stays ("28,600
            // से भी ज्यादा हो गई", "3000 के पार पहुंच गया").
            if f.qualifier == Qualifier::AtMost {
                f.qualifier = Qualifier::Exact;
                f.min = None;
                f.max = None;
            }
        } else if (last + 1 < w1 && r.phrase_at(last + 1, |t| t == Tag::BeforeAfter).is_some())
            || (first > w0
                && (first.saturating_sub(2)..first).any(|i| {
                    i >= w0
                        && r.phrase_at(i, |t| t == Tag::BeforeBefore)
                            .is_some_and(|n| i + n == first)
                })
                && (last + 1..(last + 4).min(w1)).any(|i| folded[i] == "to"))
        {
            // "16 से बढ़ कर 21", "up from 16", "from 16 to 21": 16 is the value before.
            role = Role::Before;
        } else if r.told_as_earlier(first, last, w0, w1) {
            // "पहले डबलिंग रेट 14 दिन था", "इससे पहले 3 लोगों की मौत हुई थी": a value of before.
            role = Role::Before;
        }
        // "33-33 मामले": the same number twice, joined by a hyphen, is a value for each.
        let ct = &text[c.start..c.end];
        let head = ct.split_whitespace().next().unwrap_or("");
        if let Some((x, y)) = head.split_once('-')
            && !x.is_empty()
            && x == y
        {
            role = Role::Each;
        }
        let row = r.table_row(c.start, c.end, sec, &times);
        let measure = match row.as_ref().and_then(|x| x.measure) {
            Some(m) => Some(g.measures[m].clone()),
            None => r.measure(
                f.figure,
                f.unit.as_deref(),
                first,
                last,
                w0,
                w1,
                si,
                sec,
                row.is_some(),
            ),
        };
        let window = match &row {
            Some(x) => x.window,
            None => r.window(first, last, w0, w1, &times),
        };
        let scope = match row.and_then(|x| x.scope) {
            Some(x) => Some(x),
            None => r.scope(first, last, w0, w1, si, sec),
        };
        let as_of = r.as_of(first, last, w0, w1, si, sec, &times);
        // "इनमें से 13 पॉजिटिव": a part of a whole told before, in a clause that names no place of
        // its own, is not that place's count of cases.
        let measure = match measure {
            Some(m)
                if m == "cases"
                    && !scope
                        .as_ref()
                        .is_some_and(|s| matches!(s.from, ScopeFrom::Clause))
                    && (first.saturating_sub(4).max(w0)..first).any(|k| {
                        r.ws[k].clause == r.ws[first].clause
                            && r.hit_at(k, |t| t == Tag::Partitive).is_some()
                    }) =>
            {
                Some("cases/part".to_string())
            }
            m => m,
        };
        c.frame = Some(Frame {
            measure,
            scope,
            window,
            as_of,
            role,
        });
    }
}

/// The largest char boundary at or below `i`.
fn floor_char(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The line holding `[start, end)`, when it is no longer than [`LINE_REACH`] each way (a longer
/// line is no table row, and looking for its ends would cost a pass per number).
fn line_of(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let lo = floor_char(text, start.saturating_sub(LINE_REACH));
    let line_start = match text[lo..start].rfind('\n') {
        Some(p) => lo + p + 1,
        None if lo == 0 => 0,
        None => return None,
    };
    let mut hi = (end + LINE_REACH).min(text.len());
    while !text.is_char_boundary(hi) {
        hi -= 1;
    }
    let line_end = match text[end..hi].find('\n') {
        Some(p) => end + p,
        None if hi == text.len() => text.len(),
        None => return None,
    };
    Some((line_start, line_end))
}

/// What a table row says about one of its numbers.
struct Row {
    /// The row's place; None for a row headed by a date ("25 मार्च⟨tab⟩606").
    scope: Option<Scope>,
    measure: Option<usize>,
    window: Option<Window>,
}

/// The cells of `text[start..end]`: split at tabs, bars, and " - ", " – ", " : " or runs of two or
/// more spaces; trimmed, empty cells dropped.
fn cells(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let line = &text[start..end];
    let b = line.as_bytes();
    let mut out = Vec::new();
    let mut cell = 0;
    let mut i = 0;
    let push = |a: usize, z: usize, out: &mut Vec<(usize, usize)>| {
        let s = &line[a..z];
        let t = s.trim_matches(|c: char| c.is_whitespace() || c == '\u{200b}');
        if !t.is_empty() {
            let off = a
                + (s.len()
                    - s.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{200b}')
                        .len());
            out.push((start + off, start + off + t.len()));
        }
    };
    while i < b.len() {
        let sep_len = match b[i] {
            b'\t' | b'|' => 1,
            b' ' if line[i..].starts_with(" - ") || line[i..].starts_with(" : ") => 3,
            b' ' if line[i..].starts_with(" – ") => 2 + '–'.len_utf8(),
            b' ' if b.get(i + 1) == Some(&b' ') => {
                let mut k = i;
                while k < b.len() && b[k] == b' ' {
                    k += 1;
                }
                k - i
            }
            _ => 0,
        };
        if sep_len > 0 {
            push(cell, i, &mut out);
            i += sep_len;
            cell = i;
        } else {
            i += 1;
        }
    }
    push(cell, b.len(), &mut out);
    out
}

struct Reader<'a> {
    /// Per word: an "और"/"more" right after a number ("तीन और लोगों": three more).
    more: &'a [bool],
    g: &'a FrameGrammar,
    text: &'a str,
    ws: &'a [Word],
    folded: &'a [String],
    hits: &'a [Hit],
    hits_at: &'a [Vec<usize>],
    /// Words inside a cause phrase ("इस संक्रमण से"): no measure.
    cause: &'a [bool],
    sent_words: &'a [(usize, usize)],
    ctx: &'a ExtractCtx<'a>,
    secs: &'a [usize],
    home: Option<usize>,
}

impl Reader<'_> {
    /// The longest phrase at word `i` whose tag passes `want`: its length.
    fn phrase_at(&self, i: usize, want: impl Fn(Tag) -> bool) -> Option<usize> {
        self.hits_at
            .get(i)?
            .iter()
            .map(|&k| self.hits[k])
            .find(|h| want(h.tag))
            .map(|h| h.n)
    }

    /// True for a period phrase "से अब तक" at word `i` that follows no time: a cause and a total
    /// ("इस वायरस से अब तक 114 लोग"), not a period ("सोमवार से अब तक 354 मामले").
    fn cause_not_period(
        &self,
        i: usize,
        h: Hit,
        times: &[(usize, usize, Option<String>, TimeKind)],
    ) -> bool {
        h.tag == Tag::Period && h.n > 1 && self.word(i) == "से" && !self.time_ends_at(i, times)
    }

    /// "पंजाब व दिल्ली में क्रमशः 11 और 24", "Punjab and Delhi reported 11 and 24 deaths
    /// respectively": with "क्रमशः" / "respectively" in the sentence, the k-th number after the
    /// places is about the k-th place, when there are as many numbers as places.
    fn respectively(&self, first: usize, w0: usize, w1: usize) -> Option<Scope> {
        let sent = self.ws[first].sent;
        let (_, send) = self.sent_words[sent];
        let in_sentence = (w0..w1).filter(|&k| self.ws[k].sent == sent);
        let mut has_word = false;
        for k in in_sentence.clone() {
            if matches!(self.folded[k].as_str(), "क्रमशः" | "क्रमश" | "respectively")
            {
                has_word = true;
            }
        }
        if !has_word {
            return None;
        }
        // Places before the first number of the sentence, in order; then the numbers.
        let mut places: Vec<(usize, Hit)> = Vec::new();
        let mut numbers: Vec<usize> = Vec::new();
        let mut k = w0;
        while k < w1 && self.ws[k].sent == sent {
            if self.ws[k].number {
                if k == w0 || !self.ws[k - 1].number {
                    numbers.push(k);
                }
            } else if numbers.is_empty()
                && let Some(h) = self.place_at(k, send)
            {
                places.push((k, h));
                k += h.n;
                continue;
            }
            k += 1;
        }
        let idx = numbers.iter().position(|&n| n == first)?;
        if places.len() < 2 || places.len() != numbers.len() {
            return None;
        }
        let (at, h) = places[idx];
        Some(self.scope_of(h, at, ScopeFrom::Clause))
    }

    /// The text of word `i`.
    fn word(&self, i: usize) -> &str {
        &self.text[self.ws[i].start..self.ws[i].end]
    }

    /// True when a time claim ends right before word `i` (white space between).
    fn time_ends_at(&self, i: usize, times: &[(usize, usize, Option<String>, TimeKind)]) -> bool {
        let start = self.ws[i].start;
        // Times are sorted by start; one ending before `start` starts before it.
        let upto = times.partition_point(|t| t.0 < start);
        times[..upto]
            .iter()
            .rev()
            .take(4)
            .any(|t| t.1 <= start && self.text[t.1..start].trim().is_empty())
    }

    fn hit_at(&self, i: usize, want: impl Fn(Tag) -> bool) -> Option<Hit> {
        self.hits_at
            .get(i)?
            .iter()
            .map(|&k| self.hits[k])
            .find(|h| want(h.tag))
    }

    /// Whether a number's clause tells it as a past value: an "earlier" word ("पहले", "कुछ दिन
    /// पहले", "लॉकडाउन से पहले", "earlier") and a past-tense verb ("था", "थे", "was"). "सबसे
    /// पहले" (first of all) and "पहले" right before a number ("पहले 10 दिनों में": the first ten
    /// days) are not.
    fn told_as_earlier(&self, first: usize, last: usize, w0: usize, w1: usize) -> bool {
        let clause = self.ws[first].clause;
        let in_clause = |i: usize| self.ws[i].clause == clause && !(first..=last).contains(&i);
        let earlier = (w0..w1).any(|i| {
            in_clause(i)
                && self.hit_at(i, |t| t == Tag::Earlier).is_some()
                && !(i > w0 && self.folded[i - 1] == "सबसे")
                && !self.ws.get(i + 1).is_some_and(|w| w.number)
        });
        earlier && (w0..w1).any(|i| in_clause(i) && self.hit_at(i, |t| t == Tag::Past).is_some())
    }

    /// The table row "केरल⟨tab⟩194" / "ईरान : 978" a number stands in: its place.
    /// The table row a number stands in ("केरल⟨tab⟩194", "ईरान : 978", "इटली - 827 - 12,462"): the
    /// row's place, and what the header above names the number's column ("देश - मौत - संक्रमित":
    /// the second column counts deaths).
    fn table_row(
        &self,
        start: usize,
        end: usize,
        sec: usize,
        times: &[(usize, usize, Option<String>, TimeKind)],
    ) -> Option<Row> {
        let (line_start, line_end) = line_of(self.text, start, end)?;
        let row_cells = cells(self.text, line_start, line_end);
        if row_cells.len() < 2 {
            return None;
        }
        let col = row_cells
            .iter()
            .position(|&(a, b)| a <= start && end <= b)?;
        // A cell is short: "नयी दिल्ली : कोरोना के मामले बढ़कर 24,942 हो गए" is a dateline and
        // a sentence, not a row.
        let (ca, cb) = row_cells[col];
        if col == 0 || self.text[ca..cb].chars().count() > MAX_CELL_CHARS {
            return None;
        }
        // The first cell is one place and nothing else, or a date ("25 मार्च", "1 मार्च तक": a
        // day-by-day table, whose place is the article's).
        let (hs, he) = row_cells[0];
        let i = self.ws.partition_point(|w| w.start < hs);
        let place = self.hit_at(i, |t| matches!(t, Tag::Place(_))).filter(|h| {
            self.ws.get(i).is_some_and(|w| w.start == hs) && self.ws[i + h.n - 1].end == he
        });
        let scope = match place {
            Some(h) => Some(self.scope_of(h, i, ScopeFrom::Clause)),
            None => {
                let k = times.partition_point(|t| t.0 < hs);
                let dated = times.get(k).is_some_and(|t| {
                    t.0 == hs && t.1 <= he && self.text[t.1..he].chars().count() <= 3
                });
                if !dated {
                    return None;
                }
                None
            }
        };
        // The header: the nearest line above, in the same article, with as many cells and no
        // digits in this column.
        let sec_start = self.secs.get(sec).copied().unwrap_or(0);
        let mut measure = None;
        let mut window = None;
        let mut pos = line_start;
        for _ in 0..LOOK_BACK {
            if pos == 0 || pos <= sec_start {
                break;
            }
            let end_prev = pos - 1;
            let Some((ls, _)) = line_of(self.text, end_prev, end_prev) else {
                break;
            };
            pos = ls;
            let hc = cells(self.text, ls, end_prev);
            if hc.len() != row_cells.len() {
                continue;
            }
            let (ca, cb) = hc[col];
            if self.text[ca..cb].contains(|c: char| c.is_ascii_digit()) {
                continue;
            }
            let from = self.ws.partition_point(|w| w.start < ca);
            let to = self.ws.partition_point(|w| w.start < cb);
            for k in from..to {
                if measure.is_none()
                    && let Some(Hit {
                        tag: Tag::Measure(m),
                        ..
                    }) = self.hit_at(k, |t| matches!(t, Tag::Measure(_)))
                {
                    measure = Some(m as usize);
                }
                if window.is_none()
                    && let Some(h) = self.hit_at(k, |t| matches!(t, Tag::Cumulative | Tag::Period))
                {
                    window = Some(if h.tag == Tag::Cumulative {
                        Window::Cumulative
                    } else {
                        Window::Period
                    });
                }
            }
            break;
        }
        Some(Row {
            scope,
            measure,
            window,
        })
    }

    fn scope_of(&self, h: Hit, i: usize, from: ScopeFrom) -> Scope {
        let Tag::Place(p) = h.tag else {
            unreachable!("scope_of takes place hits")
        };
        let (start, end) = (self.ws[i].start, self.ws[i + h.n - 1].end);
        Scope {
            text: self.text[start..end].to_string(),
            entity: self.g.places[p as usize].0.clone(),
            start,
            end,
            from,
            pointed: false,
        }
    }

    /// Is word `i` a place used as a scope (not "दिल्ली से लौटे")?
    fn place_at(&self, i: usize, sent_end: usize) -> Option<Hit> {
        let h = self.hit_at(i, |t| matches!(t, Tag::Place(_)))?;
        let next = i + h.n;
        if next < sent_end
            && let Some(n) = self.phrase_at(next, |t| t == Tag::NotScopeAfter)
            // "मध्य प्रदेश से 1,952 और उत्तर प्रदेश से 1,778 मामले": cases from a place, counted there.
            && !(n == 1 && self.ws.get(next + 1).is_some_and(|w| w.number))
        {
            return None;
        }
        Some(h)
    }

    /// A deictic word at `i`: the kind of place it points at.
    fn deixis_at(&self, i: usize) -> Option<(Tag, usize)> {
        self.hit_at(i, |t| {
            matches!(
                t,
                Tag::Here | Tag::DeixisState | Tag::DeixisCountry | Tag::DeixisCity
            )
        })
        .map(|h| (h.tag, h.n))
    }

    fn kind_of(&self, h: Hit) -> PlaceKind {
        match h.tag {
            Tag::Place(p) => self.g.places[p as usize].1,
            _ => PlaceKind::World,
        }
    }

    /// The nearest place before word `before` in the section, walking back, that satisfies
    /// `want` (directly, or through a city's or state's parent).
    fn resolve_back(
        &self,
        before: usize,
        sec: usize,
        want: &dyn Fn(PlaceKind) -> bool,
    ) -> Option<(Scope, usize)> {
        self.resolve_back_from(before, self.secs.get(sec).copied().unwrap_or(0), want)
    }

    /// [`Self::resolve_back`] looking no further back than byte `sec_start`.
    fn resolve_back_from(
        &self,
        before: usize,
        sec_start: usize,
        want: &dyn Fn(PlaceKind) -> bool,
    ) -> Option<(Scope, usize)> {
        let mut i = before;
        let mut seen = 0;
        while i > 0 {
            i -= 1;
            let w = &self.ws[i];
            if w.start < sec_start {
                break;
            }
            seen += 1;
            if seen > LOOK_BACK * 30 {
                break;
            }
            let (_, send) = self.sent_words[w.sent];
            if let Some(h) = self.place_at(i, send) {
                let Tag::Place(p) = h.tag else { continue };
                let from = self.label_for(w.sent, i, before);
                let mut s = self.scope_of(h, i, from);
                // National copy is filed from the capital: a figure placed only by a dateline
                // "नयी दिल्ली :" is the country's.
                if from == ScopeFrom::Dateline
                    && let Some(&c) = self.g.capital_of.get(&(p as usize))
                    && want(self.g.places[c].1)
                {
                    s.entity = self.g.places[c].0.clone();
                    return Some((s, c));
                }
                if want(self.kind_of(h)) {
                    return Some((s, p as usize));
                }
                // A city's state, a state's country.
                let mut q = self.g.places[p as usize].2;
                while let Some(pp) = q {
                    if want(self.g.places[pp].1) {
                        s.entity = self.g.places[pp].0.clone();
                        return Some((s, pp));
                    }
                    q = self.g.places[pp].2;
                }
            }
        }
        None
    }

    /// How a scope found in sentence `sent` at word `i` is labelled, seen from word `from_word`.
    fn label_for(&self, sent: usize, i: usize, from_word: usize) -> ScopeFrom {
        let here = self.ws.get(from_word).map(|w| w.sent);
        let dateline = self.dateline_at(self.place_start(i), self.place_end(i));
        if Some(sent) == here && dateline {
            return ScopeFrom::Dateline;
        }
        if Some(sent) == here {
            if self.ws.get(from_word).map(|w| w.clause) == Some(self.ws[i].clause) {
                return ScopeFrom::Clause;
            }
            return ScopeFrom::Sentence;
        }
        let sec_start = self.secs[self
            .secs
            .partition_point(|&s| s <= self.ws[i].start)
            .saturating_sub(1)];
        let (w0, _) = self.sent_words[sent];
        let first_of_section = self
            .ws
            .get(w0)
            .is_some_and(|w| !self.text[sec_start..w.start].contains(|c: char| !c.is_whitespace()));
        if first_of_section && (sec_start > 0 || self.is_headline(sent)) {
            return ScopeFrom::Headline;
        }
        if dateline {
            return ScopeFrom::Dateline;
        }
        ScopeFrom::Context
    }

    /// The first word of the longest place phrase that covers word `i` ("नयी" of "नयी दिल्ली"
    /// when looking back finds "दिल्ली" first).
    fn place_start(&self, i: usize) -> usize {
        (i.saturating_sub(3)..i)
            .find(|&k| {
                self.hit_at(k, |t| matches!(t, Tag::Place(_)))
                    .is_some_and(|h| k + h.n > i)
            })
            .unwrap_or(i)
    }

    /// The last word of the place phrase at word `i`.
    fn place_end(&self, i: usize) -> usize {
        self.hit_at(i, |t| matches!(t, Tag::Place(_)))
            .map_or(i, |h| i + h.n - 1)
    }

    /// A dateline: the place at words `i..=last` opens its paragraph and a comma, colon or danda
    /// follows soon ("नयी दिल्ली :", "Lucknow, May 3").
    fn dateline_at(&self, i: usize, last: usize) -> bool {
        let lead_start = floor_char(self.text, self.ws[i].start.saturating_sub(LINE_REACH));
        let lead = &self.text[lead_start..self.ws[i].start];
        let lead = lead.rsplit('\n').next().unwrap_or(lead);
        if lead.trim().is_empty() && (lead_start == 0 || lead.len() < self.ws[i].start - lead_start)
        {
            let rest = &self.text[self.ws[last].end..];
            let tail: String = rest.chars().take(24).collect();
            // "नई दिल्ली :", "लखनऊ, एजेंसी", "दिल्ली / …" (a spaced slash or bar; "दिल्ली/एनसीआर" is a
            // place pair).
            return tail.trim_start().starts_with([',', ':', '।', '('])
                || tail.starts_with([' ', '\t']) && tail.trim_start().starts_with(['/', '|']);
        }
        false
    }

    /// A sentence alone on its line and followed by a blank line (a headline).
    fn is_headline(&self, sent: usize) -> bool {
        let s = &self.ctx.sentences[sent];
        let next = self.text[s.end..].trim_start_matches([' ', '\t', '\r']);
        let Some(rest) = next.strip_prefix('\n') else {
            return false;
        };
        rest.trim_start_matches([' ', '\t', '\r']).starts_with('\n')
    }

    /// The place a figure is about.
    fn scope(
        &self,
        first: usize,
        last: usize,
        w0: usize,
        w1: usize,
        _si: usize,
        sec: usize,
    ) -> Option<Scope> {
        let clause = self.ws[first].clause;
        if let Some(s) = self.respectively(first, w0, w1) {
            return Some(s);
        }
        // Places and deixis in the sentence, with their distance from the number.
        let mut best: Option<(usize, bool, usize, Hit)> = None; // (rank, after, distance, hit)
        let mut deixis: Option<(usize, usize, Tag, usize)> = None; // (rank, distance, tag, word)
        let mut i = w0;
        while i < w1 {
            if i >= first && i <= last {
                i += 1;
                continue;
            }
            let same_clause = self.ws[i].clause == clause;
            let rank = if same_clause { 0 } else { 1 };
            let dist = if i < first { first - i } else { i - last };
            if let Some(h) = self.place_at(i, w1) {
                // Where the story was filed is no place of the sentence; it is read as context.
                if self.dateline_at(i, i + h.n - 1) {
                    i += h.n;
                    continue;
                }
                let key = (rank, i > last, dist);
                if best.is_none_or(|b| key < (b.0, b.1, b.2)) {
                    best = Some((rank, i > last, dist, h));
                }
                i += h.n;
                continue;
            }
            if let Some((tag, n)) = self.deixis_at(i) {
                let key = (rank, dist);
                if deixis.is_none_or(|d| key < (d.0, d.1)) {
                    deixis = Some((rank, dist, tag, i));
                }
                i += n;
                continue;
            }
            i += 1;
        }
        let place_rank = best.map(|b| b.0);
        // A pointing word in the clause wins over a place elsewhere in the sentence.
        if let Some((drank, _, tag, at)) = deixis
            && place_rank.is_none_or(|pr| drank < pr)
        {
            return self.pointed_scope(tag, at, sec);
        }
        if let Some((rank, after, dist, h)) = best {
            let i = if after { last + dist } else { first - dist };
            let from = if rank == 0 {
                ScopeFrom::Clause
            } else {
                ScopeFrom::Sentence
            };
            return Some(self.scope_of(h, i, from));
        }
        let back = self.resolve_back(first, sec, &|k| k != PlaceKind::World);
        // "देशभर में … कुल संख्या 15,712 हो गई है । जिसमें 12,974 सक्रिय हैं, 2231 लोग स्वस्थ …": an
        // earlier sentence that points at the country or the state, nearer than any place
        // named, gives the figures after it that place.
        let sec_start = self.secs.get(sec).copied().unwrap_or(0);
        let limit = back.as_ref().map_or(sec_start, |(s, _)| s.end);
        let pointed = (w0.saturating_sub(LOOK_BACK)..w0)
            .rev()
            .take_while(|&i| self.ws[i].start >= limit)
            .find_map(|i| match self.deixis_at(i) {
                // As a place the text is in ("देश में", "देशभर", "स्वास्थ्य मंत्रालय"), not one left
                // ("देश से बाहर").
                Some((tag @ (Tag::DeixisCountry | Tag::DeixisState), n))
                    if n > 1
                        || self.folded[i].ends_with("भर")
                        || self
                            .folded
                            .get(i + 1)
                            .is_some_and(|w| w == "में" || w == "in") =>
                {
                    Some((tag, i))
                }
                _ => None,
            });
        if let Some((tag, at)) = pointed
            && let Some(mut s) = self.pointed_scope(tag, at, sec)
        {
            if matches!(s.from, ScopeFrom::Clause | ScopeFrom::Sentence) {
                s.from = ScopeFrom::Context;
            }
            return Some(s);
        }
        back.map(|(s, _)| s)
    }

    /// The scope a pointing word ("राज्य में", "देश में") at word `at` points at: the nearest place
    /// of its kind before it, else (for the country) the outlet's home.
    fn pointed_scope(&self, tag: Tag, at: usize, sec: usize) -> Option<Scope> {
        {
            let want: Box<dyn Fn(PlaceKind) -> bool> = match tag {
                Tag::DeixisState => Box::new(|k| k == PlaceKind::State),
                Tag::DeixisCountry => Box::new(|k| k == PlaceKind::Country),
                Tag::DeixisCity => Box::new(|k| k == PlaceKind::City),
                _ => Box::new(|k| k != PlaceKind::World),
            };
            // The nearest place of that kind before the pointing word, earlier clauses of the
            // sentence included ("आज पंजाब में 6 और मामले …, राज्य में कुल संख्या 176"). "देश"
            // looks no further back than its line (a wire story's "देश में" is the home country
            // unless its own paragraph names another: a digest's earlier item about China does
            // not make it China).
            let (ds, de) = (self.ws[at].start, self.ws[at].end);
            let sec_start = self.secs.get(sec).copied().unwrap_or(0);
            let floor = if tag == Tag::DeixisCountry {
                sec_start.max(self.text[..ds].rfind('\n').map_or(0, |n| n + 1))
            } else {
                sec_start
            };
            let found = self.resolve_back_from(at, floor, &*want);
            if let Some((mut s, _)) = found {
                s.text = self.text[ds..de].to_string();
                s.start = ds;
                s.end = de;
                s.pointed = true;
                return Some(s);
            }
            // A foreign story ("पाकिस्तान में कोरोना …" as its headline): its "देश" is the
            // country its headline or dateline names.
            if tag == Tag::DeixisCountry {
                let head_end = self.text[sec_start..]
                    .find('\n')
                    .map_or(self.text.len(), |n| sec_start + n);
                // A headline is a line with no sentence end.
                let headline = !self.text[sec_start..head_end]
                    .trim_end()
                    .ends_with(['।', '.', '?', '!', '|']);
                if let Some((mut s, _)) = self.resolve_back_from(at, sec_start, &*want)
                    && ((headline && s.start < head_end) || s.from == ScopeFrom::Dateline)
                {
                    s.text = self.text[ds..de].to_string();
                    s.start = ds;
                    s.end = de;
                    s.pointed = true;
                    return Some(s);
                }
            }
            if tag == Tag::DeixisCountry
                && let Some(h) = self.home
            {
                return Some(Scope {
                    text: self.text[ds..de].to_string(),
                    entity: self.g.places[h].0.clone(),
                    start: ds,
                    end: de,
                    from: ScopeFrom::Default,
                    pointed: true,
                });
            }
            None
        }
    }

    /// What a figure measures.
    #[allow(clippy::too_many_arguments)]
    fn measure(
        &self,
        kind: FigureKind,
        unit: Option<&str>,
        first: usize,
        last: usize,
        w0: usize,
        w1: usize,
        si: usize,
        sec: usize,
        row: bool,
    ) -> Option<String> {
        let clause = self.ws[first].clause;
        // A year-like number right after what it counts ("कुल मामले 1821", "संख्या 1834") is a
        // count; any other year counts nothing.
        let kind = if kind == FigureKind::Year {
            let counted = (first.saturating_sub(3).max(w0)..first).rev().any(|k| {
                self.ws[k].clause == clause
                    && !self.cause[k]
                    && (matches!(self.folded[k].as_str(), "संख्या" | "number" | "tally")
                        || self
                            .hit_at(k, |t| matches!(t, Tag::Measure(_) | Tag::Cumulative))
                            .is_some())
            });
            if !counted {
                return None;
            }
            FigureKind::Count
        } else {
            kind
        };
        // An ordinal or a duration measures the noun it qualifies ("70वीं वर्षगांठ", "दो दिवसीय
        // दौरा"): its kind and that noun.
        if matches!(kind, FigureKind::Ordinal | FigureKind::Duration) {
            // The noun it qualifies, a rate of its own ("11.7 दिनों में दोगुना") by that rate's name.
            let next = (last + 1..w1.min(last + 3)).find(|&i| {
                self.ws[i].clause == clause
                    && !self.ws[i].digit
                    && self.phrase_at(i, |t| t == Tag::Skip).is_none()
                    && self.folded[i].chars().count() > 2
            });
            let rate = |i: usize| match self.hit_at(i, |t| matches!(t, Tag::DurationMeasure(_))) {
                Some(Hit {
                    tag: Tag::DurationMeasure(m),
                    ..
                }) => Some(self.g.measures[m as usize].clone()),
                _ => None,
            };
            if kind == FigureKind::Duration {
                // "डबलिंग रेट … 12 दिन हो गया", "हर 5 दिन में मामले दोगुने": a duration that
                // qualifies no noun, in a sentence about a rate of its own, measures that rate.
                match next {
                    Some(i) => {
                        if let Some(r) = rate(i) {
                            return Some(r);
                        }
                    }
                    None => return (w0..w1).find_map(rate),
                }
            }
            let next = next?;
            let k = if kind == FigureKind::Ordinal {
                "ordinal"
            } else {
                "duration"
            };
            return Some(format!("{k}:{}", self.folded[next]));
        }
        if last + 1 < w1 && self.phrase_at(last + 1, |t| t == Tag::NotCount).is_some() {
            return None;
        }
        // A number that names something ("वार्ड 6", "लॉकडाउन 2.0", "phase 3") counts nothing.
        if first > w0 && self.phrase_at(first - 1, |t| t == Tag::Label).is_some() {
            return None;
        }
        let measure_at = |i: usize| {
            if self.cause[i] {
                return None;
            }
            // The longest measure phrase at the word ("परीक्षण लैब" is labs, not tests).
            self.hits_at
                .get(i)?
                .iter()
                .map(|&k| self.hits[k])
                .filter(|h| matches!(h.tag, Tag::Measure(_)))
                .max_by_key(|h| h.n)
                .map(|h| match h.tag {
                    Tag::Measure(m) => m as usize,
                    _ => 0,
                })
        };
        let mut found: Option<usize> = None;
        // "आठ कोरोना संक्रमितों की मौत", "2232 मरीज ठीक हो चुके": the deaths (or recoveries) of the
        // infected.
        let outcome = |i: usize, m: usize| {
            if self.g.measures[m] != "cases" {
                return m;
            }
            (i + 1..(i + 7).min(w1))
                .take_while(|&j| self.ws[j].clause == clause && !self.ws[j].digit)
                .filter_map(measure_at)
                .find(|&o| {
                    matches!(
                        self.g.measures[o].as_str(),
                        "deaths" | "recovered" | "active"
                    )
                })
                .unwrap_or(m)
        };
        // Inside the claim ("हजारों सैनिकों").
        for i in first..=last {
            if let Some(m) = measure_at(i) {
                found = Some(outcome(i, m));
                break;
            }
        }
        // A counted noun of its own ("16 पर्यटक") is the measure; a generic one is not.
        let own_noun = unit.is_some_and(|u| {
            let f = fold(u);
            !self.g.by_first.get(&f).is_some_and(|ps| {
                ps.iter().any(|p| {
                    p.words.len() == 1
                        && matches!(p.tag, Tag::Skip | Tag::Place(_) | Tag::Subgroup(_))
                })
            })
        });
        // A content word right after the number that measures nothing names what it counts
        // ("1,000 लोगों के संपर्क में": contacts): no measure is borrowed from elsewhere.
        let mut counts_other = false;
        // After the number, within its clause: next to it only, when the number has a counted
        // noun of its own ("तीन विधायक … संक्रमित" counts legislators).
        if found.is_none() && own_noun {
            if let Some(m) = (last + 1..w1.min(last + 2)).find_map(measure_at) {
                found = Some(m);
            }
        } else if found.is_none() {
            let mut other = 0;
            let mut i = last + 1;
            // "310 सरकारी और 111 निजी परीक्षण लैब": numbers joined by a conjunction, with nothing but
            // helper words between, share the noun after the last of them.
            let mut cl = clause;
            let mut reach = last + AFTER + 2;
            while i < w1 && other <= 3 && i <= reach {
                if other == 0
                    && i + 1 < w1
                    && self.ws[i + 1].digit
                    && (last + 1..i).all(|k| !AUXILIARIES.contains(&self.folded[k].as_str()))
                    && self.ws[i + 1].sent == self.ws[i].sent
                    && matches!(
                        self.folded[i].as_str(),
                        "और" | "व" | "तथा" | "एवं" | "या" | "and" | "or"
                    )
                {
                    cl = self.ws[i + 1].clause;
                    reach = i + 1 + AFTER + 2;
                    i += 2;
                    continue;
                }
                if self.ws[i].clause != cl || self.ws[i].digit {
                    break;
                }
                if let Some(m) = measure_at(i) {
                    found = Some(outcome(i, m));
                    break;
                }
                if let Some(n) = self.phrase_at(i, |t| t == Tag::Skip) {
                    i += n;
                    continue;
                }
                if other == 0
                    && i <= last + 3
                    && self.folded[i].chars().count() > 2
                    && self
                        .hit_at(i, |t| {
                            matches!(
                                t,
                                Tag::Subgroup(_)
                                    | Tag::Place(_)
                                    | Tag::Cumulative
                                    | Tag::Period
                                    | Tag::Now
                            )
                        })
                        .is_none()
                {
                    counts_other = true;
                }
                other += 1;
                i += 1;
            }
        }
        // "उत्तराखंड में 48 में से 25 ठीक हो चुके हैं": 48 is the whole the part after it is taken
        // from; the part's outcome (recovered, deaths, active) is not the whole's measure — the
        // whole of an outcome is the cases.
        let whole = self.folded.get(last + 1).is_some_and(|w| w == "में")
            && self.folded.get(last + 2).is_some_and(|w| w == "से")
            && self.ws.get(last + 3).is_some_and(|w| w.number);
        if found.is_none() && whole && !own_noun {
            let outcome_after = (last + 3..w1)
                .take_while(|&i| self.ws[i].clause == clause)
                .filter_map(measure_at)
                .any(|o| {
                    matches!(
                        self.g.measures[o].as_str(),
                        "deaths" | "recovered" | "active"
                    )
                });
            if outcome_after {
                found = self.g.measures.iter().position(|m| m == "cases");
            }
        }
        // "मृत्यु दर दुनिया में सबसे कम 3.2% है": a percent gives the value of a rate named before it
        // in its clause.
        if found.is_none() && kind == FigureKind::Percent {
            found = (first.saturating_sub(BEFORE + 2).max(w0)..first)
                .rev()
                .take_while(|&i| self.ws[i].clause == clause && !self.ws[i].digit)
                .filter_map(measure_at)
                .find(|&m| self.g.rates[m]);
        }
        // Before it, within its clause (not for a number that counts a noun of its own).
        if found.is_none() && !own_noun {
            let mut i = first;
            let mut n = 0;
            while i > w0 && n < BEFORE {
                i -= 1;
                if self.phrase_at(i, |t| t == Tag::Skip).is_none() {
                    n += 1;
                }
                if self.ws[i].clause != clause {
                    break;
                }
                // "संक्रमितों की संख्या 16 से बढ़ कर 21": the old value is passed over.
                if self.ws[i].digit {
                    if self.phrase_at(i + 1, |t| t == Tag::BeforeAfter).is_some() {
                        continue;
                    }
                    break;
                }
                if let Some(m) = measure_at(i) {
                    found = Some(m);
                    break;
                }
            }
        }
        // Elsewhere in the sentence ("दिल्ली में 1,154 और तमिलनाडु में 1,075 मामले"), nearest first;
        // then the sentence before ("यह आंकड़ा बढ़कर 152 हो गया").
        if found.is_none() && !own_noun && !counts_other && !row && kind == FigureKind::Count {
            found = (w0..w1)
                .filter(|&i| i < first || (i > last && !whole))
                .filter_map(|i| {
                    measure_at(i)
                        .map(|m| (if i < first { first - i } else { i - last }, outcome(i, m)))
                })
                .min()
                .map(|x| x.1);
            if found.is_none() && si > 0 {
                let sec_start = self.secs.get(sec).copied().unwrap_or(0);
                let (a, b) = self.sent_words[si - 1];
                if self.ws.get(a).is_some_and(|w| w.start >= sec_start) {
                    found = (a..b).rev().take(WINDOW).find_map(measure_at);
                }
            }
        }
        // A table row: the nearest measure word above it in the same article.
        if found.is_none() && row {
            let sec_start = self.secs.get(sec).copied().unwrap_or(0);
            let mut s = si;
            let mut back = 0;
            'outer: while s > 0 && back < LOOK_BACK {
                s -= 1;
                back += 1;
                let (a, b) = self.sent_words[s];
                if self.ws.get(a).is_some_and(|w| w.start < sec_start) {
                    break;
                }
                for i in (a..b).rev().take(WINDOW) {
                    if let Some(m) = measure_at(i) {
                        found = Some(m);
                        break 'outer;
                    }
                }
            }
        }
        // "अब भी 7,367 लोग संक्रमण की चपेट में हैं": those still infected are the active cases.
        if let Some(m) = found
            && self.g.measures[m] == "cases"
            && (w0..w1).any(|k| {
                self.ws[k].clause == clause && self.hit_at(k, |t| t == Tag::Still).is_some()
            })
            && let Some(a) = self.g.measures.iter().position(|x| x == "active")
        {
            found = Some(a);
        }
        let mut name = match found {
            Some(m) => self.g.measures[m].clone(),
            None => {
                // A place read as a counted noun ("16 इटली के पर्यटक"): see below.
                let place_unit = unit.is_some_and(|u| {
                    self.g.by_first.get(&fold(u)).is_some_and(|ps| {
                        ps.iter()
                            .any(|p| p.words.len() == 1 && matches!(p.tag, Tag::Place(_)))
                    })
                });
                let u = unit.filter(|_| own_noun || place_unit || kind != FigureKind::Count)?;
                let f = fold(u);
                // A place read as a counted noun ("16 इटली के पर्यटक"): the noun after its
                // postposition is what is counted (tourists), else nothing.
                if self.g.by_first.get(&f).is_some_and(|ps| {
                    ps.iter()
                        .any(|p| p.words.len() == 1 && matches!(p.tag, Tag::Place(_)))
                }) {
                    let post = last + 1;
                    let noun = (post < w1
                        && matches!(self.folded[post].as_str(), "के" | "की" | "का" | "from"))
                    .then_some(post + 1)
                    .filter(|&k| {
                        k < w1
                            && self.ws[k].clause == clause
                            && !self.ws[k].number
                            && self.phrase_at(k, |t| t == Tag::Skip).is_none()
                            && self.hit_at(k, |t| matches!(t, Tag::Place(_))).is_none()
                            && self.folded[k].chars().count() > 2
                    });
                    return noun.map(|k| match measure_at(k) {
                        Some(m) => self.g.measures[m].clone(),
                        None => self.folded[k].clone(),
                    });
                }
                match kind {
                    FigureKind::Count => f,
                    // Money, percents and measures say what they are of by the next noun; a place
                    // there says where, not what ("3.2 प्रतिशत दुनिया में सबसे कम").
                    _ => {
                        let next = (last + 1..w1.min(last + 4))
                            .find(|&i| {
                                !self.ws[i].digit
                                    && self.phrase_at(i, |t| t == Tag::Skip).is_none()
                                    && self.folded[i].chars().count() > 2
                            })
                            .filter(|&i| self.hit_at(i, |t| matches!(t, Tag::Place(_))).is_none())
                            .filter(|&i| self.ws[i].clause == clause)?;
                        format!("{f}:{}", self.folded[next])
                    }
                }
            }
        };
        if kind == FigureKind::Percent && found.is_some() {
            name = format!("percent:{name}");
        }
        // A subgroup next to the number narrows the measure ("110 जमाती", "जमात से जुड़े 110"); one
        // that the count only includes does not ("तीन विदेशियों समेत 47 मामले").
        let near = first.saturating_sub(4).max(w0)..(last + 4).min(w1);
        let sub = near
            .filter(|&i| self.ws[i].clause == clause && !self.ws[i].digit)
            .find_map(
                |i| match self.hit_at(i, |t| matches!(t, Tag::Subgroup(_))) {
                    Some(Hit {
                        tag: Tag::Subgroup(s),
                        n,
                        ..
                    }) => {
                        let inclusive = i < first
                            && (i + n..(i + n + 2).min(w1))
                                .any(|j| self.phrase_at(j, |t| t == Tag::Inclusive).is_some());
                        // A subgroup before another number is that number's.
                        let other_number = i < first && (i + n..first).any(|j| self.ws[j].digit);
                        (!inclusive && !other_number).then_some(s as usize)
                    }
                    _ => None,
                },
            );
        if let Some(s) = sub {
            name = format!("{name}/{}", self.g.subgroups[s]);
        }
        Some(name)
    }

    /// The window a count covers: the nearest window phrase in the number's clause that does
    /// not belong to another number ("22 नये मामले … कुल संख्या 538": 538 is cumulative).
    fn window(
        &self,
        first: usize,
        last: usize,
        w0: usize,
        w1: usize,
        times: &[(usize, usize, Option<String>, TimeKind)],
    ) -> Option<Window> {
        let clause = self.ws[first].clause;
        if self.more.get(last + 1).copied().unwrap_or(false) {
            return Some(Window::Period);
        }
        // A phrase inside a longer one ("अब तक" in "सोमवार से अब तक") is not read on its own.
        let mut covered = 0;
        let hits: Vec<(usize, Hit)> = (w0..w1)
            .filter_map(|i| {
                let h = self.hit_at(i, |t| matches!(t, Tag::Cumulative | Tag::Period))?;
                if i < covered {
                    return None;
                }
                // "से अब तक" is a period only after a time ("सोमवार से अब तक"); after anything
                // else it is a cause and a total ("इस वायरस से अब तक 114 लोग").
                if self.cause_not_period(i, h, times) {
                    return None;
                }
                covered = i + h.n;
                Some((i, h))
            })
            .collect();
        hits.into_iter()
            // Words of the claim after its number count too ("5 नए मामले").
            .filter(|&(i, _)| i != first && self.ws[i].clause == clause && !self.ws[i].digit)
            // A window word right after another number is that number's ("दो नए केस के साथ … नौ").
            .filter(|&(i, _)| !(i > w0 && self.ws[i - 1].number && (i - 1 < first || i - 1 > last)))
            // A window phrase before another number, nearer to it, is that number's ("पिछले 24
            // घंटों में 508 नए मामलों के साथ … 4,789 केस हो गए": 4,789 is the total).
            .filter(|&(i, h)| !(i < first && (i + h.n..first).any(|k| self.ws[k].number)))
            .map(|(i, h)| {
                let d = if i < first {
                    first - i
                } else {
                    i.saturating_sub(last)
                };
                let w = if h.tag == Tag::Cumulative {
                    Window::Cumulative
                } else {
                    Window::Period
                };
                // "कुल 50 नए मामले": a period named as close as a total wins.
                (d, w == Window::Cumulative, w)
            })
            .min()
            .map(|x| x.2)
            .or_else(|| {
                // "पिछले 24 घंटों में 773 नए मामले … और 10 लोगों की मौत": a period named earlier in
                // the sentence, joined by और or a comma, covers the counts after it.
                // Not across "के साथ" ("508 नए मामलों के साथ … 4,789": the total with them).
                (w0..first)
                    .rev()
                    .take(PERIOD_REACH)
                    // Nor across "के बाद" ("नये मामले सामने आने के बाद … संख्या बढ़कर 125": the new
                    // cases came first, the count after them is the total).
                    .take_while(|&i| {
                        !(matches!(self.folded[i].as_str(), "साथ" | "बाद")
                            && i > w0
                            && self.folded[i - 1] == "के")
                    })
                    .find(|&i| {
                        self.hit_at(i, |t| t == Tag::Period)
                            .is_some_and(|h| !self.cause_not_period(i, h, times))
                            && !(i > w0 && self.ws[i - 1].number)
                    })
                    .map(|_| Window::Period)
            })
    }

    /// The reference time a figure is given at.
    #[allow(clippy::too_many_arguments)]
    fn as_of(
        &self,
        first: usize,
        last: usize,
        w0: usize,
        w1: usize,
        si: usize,
        sec: usize,
        times: &[(usize, usize, Option<String>, TimeKind)],
    ) -> Option<AsOf> {
        let clause = self.ws[first].clause;
        // The sentence, as far as the window of words reaches.
        let (s_start, s_end) = (
            self.ws[w0].start.max(self.ctx.sentences[si].start),
            self.ws[w1 - 1].end.min(self.ctx.sentences[si].end),
        );
        let clause_span = (w0..w1)
            .filter(|&i| self.ws[i].clause == clause)
            .fold((usize::MAX, 0), |(a, b), i| {
                (a.min(self.ws[i].start), b.max(self.ws[i].end))
            });
        // Any time in the clause dates the figure ("2002-2003 में … 650 लोगों की मौत").
        let day_like = |_: TimeKind| true;
        let pick = |lo: usize, hi: usize| {
            let from = times.partition_point(|t| t.0 < lo);
            times[from..]
                .iter()
                .take_while(|t| t.0 < hi)
                .filter(|t| t.0 >= lo && t.1 <= hi && day_like(t.3))
                .min_by_key(|t| {
                    let n = self.ws[first].start;
                    if t.1 <= n {
                        n - t.1
                    } else {
                        t.0.saturating_sub(n)
                    }
                })
        };
        let t = pick(clause_span.0, clause_span.1).or_else(|| pick(s_start, s_end));
        if let Some(t) = t {
            return Some(AsOf {
                text: self.text[t.0..t.1].to_string(),
                value: t.2.clone(),
                start: t.0,
                end: t.1,
            });
        }
        // "अब", "now" in the clause: the publication date.
        for i in w0..w1 {
            if self.ws[i].clause != clause || (i >= first && i <= last) {
                continue;
            }
            if let Some(n) = self.phrase_at(i, |t| t == Tag::Now) {
                let (a, b) = (self.ws[i].start, self.ws[i + n - 1].end);
                return Some(AsOf {
                    text: self.text[a..b].to_string(),
                    value: self.ctx.published.map(|d| d.format("%Y-%m-%d").to_string()),
                    start: a,
                    end: b,
                });
            }
        }
        // The article's headline.
        let sec_start = self.secs.get(sec).copied().unwrap_or(0);
        if sec_start > 0 || self.secs.len() > 1 {
            let head = self
                .ctx
                .sentences
                .iter()
                .find(|s| s.start >= sec_start && !s.chrome)?;
            if head.start == s_start {
                return None;
            }
            // A headline's day dates the article's figures only when it is a recent day: not after
            // publication, at most a week before ("30 अप्रैल तक लॉकडाउन" in a headline is no
            // reference time of the counts below).
            let recent = |v: &Option<String>| match (self.ctx.published, v.as_deref()) {
                (Some(p), Some(v)) => chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d")
                    .is_ok_and(|d| d <= p && (p - d).num_days() <= HEADLINE_DAYS),
                (Some(_), None) => false,
                (None, _) => true,
            };
            let from = times.partition_point(|t| t.0 < head.start);
            let t = times[from..]
                .iter()
                .take_while(|t| t.0 < head.end)
                .find(|t| t.1 <= head.end && day_like(t.3) && recent(&t.2))?;
            return Some(AsOf {
                text: self.text[t.0..t.1].to_string(),
                value: t.2.clone(),
                start: t.0,
                end: t.1,
            });
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_start_at_headlines() {
        let t = "पहली खबर का शीर्षक\n\nदिल्ली। पहला पैरा है।\n\nदूसरा पैरा है।\n\nदूसरी खबर\n\nमुंबई। पैरा।";
        let s = sections(t);
        assert_eq!(s.len(), 2, "{s:?}");
        assert_eq!(&t[s[1]..s[1] + "दूसरी".len()], "दूसरी");
    }

    #[test]
    fn words_keep_digit_groups() {
        let t = "कुल 1,071 मामले, 9.45 लाख";
        let w: Vec<&str> = words(t, 0, t.len())
            .iter()
            .map(|&(a, b)| &t[a..b])
            .collect();
        assert_eq!(w, ["कुल", "1,071", "मामले", "9.45", "लाख"]);
    }
}
