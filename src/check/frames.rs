//! Figures meet by frame: the same measure of the same place over the same window.
//!
//! Every figure item gets a key from its frame (see [`crate::extract::frame`]): measure × scope ×
//! window (a count with no window word is read as cumulative, the usual sense of "X मामले"). Only
//! figures with a measure take part; years, ordinals, durations, ages and a value before a change
//! ("16 से बढ़ कर") stand alone. Keys are hashed into buckets, so the cost is linear in the number of
//! figures; a bucket is then decided on its own:
//!
//! - **agreement**: members from two or more documents with the same value (written forms and
//!   rounding aside) form one group, corroborated when their origins are independent. A
//!   corroborated group never holds two values; a bound ("60 से ज्यादा") or an approximate value
//!   that holds is consistent but joins no such group.
//! - **disagreement**: two documents whose values for the bucket are all incompatible (no value of
//!   one fits any of the other's) disagree. A document that gives both an earlier and a later value
//!   (178, then 187) agrees with an outlet that gives either. The members of the documents that
//!   disagree form one flagged group: `timing` when the two sides give different reference times
//!   (their `as_of` days, or their publication days, differ), else `conflicting`.

use crate::analysis::Document;
use crate::check::GroupKind;
use crate::check::align::{Item, RawGroup, Value, compatible};
use crate::check::norm::{FastMap, FastSet};
use crate::claim::{ClaimKind, Figure, FigureKind};
use crate::extract::frame::{Role, ScopeFrom, Window};

/// Least value of a figure that disagrees by frame alone.
const MIN_TELLING: f64 = 3.0;
/// Largest ratio of two values that disagree by frame alone (see [`plausible`]).
const MAX_RATIO: f64 = 3.0;
/// Most figures of one sentence read for what co-reported figures say.
const MAX_CO_REPORTED: usize = 16;
/// Characters of a sentence compared to tell a repeated sentence.
const REPEAT_CHARS: usize = 600;
/// Most figures of one place compared pairwise within one bucket.
const MAX_ITEMS: usize = 256;

/// Two values in disagreement (value keys and place), the items that give them, the pair
/// reported first, and whether every pair of them is an update (one article gives both values).
type ValuePair = ((String, String, String), Vec<usize>, (usize, usize), bool);

/// What the frame stage found in a story.
#[derive(Debug, Default)]
pub struct FigureGroups {
    /// Groups of figure items (every figure item is in at least one).
    pub groups: Vec<RawGroup>,
    /// Sentence pairs `(view, sent, view, sent)` whose figures disagree, both orders.
    pub disagreeing: Vec<(usize, usize, usize, usize)>,
    /// Figure items and the views they agree with.
    pub agrees: FastSet<(usize, usize)>,
}

/// The comparison key of a figure item: measure, scope entity, window class.
fn key(doc: &Document, claim: usize) -> Option<String> {
    doc.claims.get(claim)?.frame.as_ref()?.measure.clone()
}

fn window(doc: &Document, claim: usize) -> Option<Window> {
    doc.claims.get(claim)?.frame.as_ref()?.window
}

/// Windows that are the same for a disagreement: a count with no window word is read as the
/// running total ("X मामले"), never as a day's new ones.
fn windows_meet(a: Option<Window>, b: Option<Window>) -> bool {
    a.unwrap_or(Window::Cumulative) == b.unwrap_or(Window::Cumulative)
}

/// The place of an item and whether the clause or sentence names it (strong), or it was taken
/// from the article around it (weak: the headline, the dateline, an earlier sentence).
fn scope(doc: &Document, claim: usize) -> (Option<&str>, bool) {
    let Some(s) = doc
        .claims
        .get(claim)
        .and_then(|c| c.frame.as_ref()?.scope.as_ref())
    else {
        return (None, false);
    };
    let strong = s.pointed
        || matches!(
            s.from,
            ScopeFrom::Clause | ScopeFrom::Sentence | ScopeFrom::Default
        );
    (Some(s.entity.as_str()), strong)
}

/// True when two items may be about the same place: the same place, or one of them placed only
/// by its article's context (which misleads in digests) or not at all. Agreement of values then
/// decides; a disagreement needs [`same_place`].
fn places_fit(a: (Option<&str>, bool), b: (Option<&str>, bool)) -> bool {
    match (a.0, b.0) {
        (Some(x), Some(y)) => x == y || !a.1 || !b.1,
        _ => true,
    }
}

/// True when two figures are about the same place: both name it in their own clause or sentence
/// (or point at it: "यहां", "राज्य में") and it is the same; or neither names one, and what their
/// articles' context says does not differ ("42 लोगों की मौत" against "48 लोगों की मौत" in two
/// reports of one crash).
fn same_place(a: (Option<&str>, bool), b: (Option<&str>, bool), single: bool) -> bool {
    match (a, b) {
        ((Some(x), _), (Some(y), _)) => x == y,
        // No place at all, or one only the article's context gives: the same event only when
        // both documents are single articles (a digest's unplaced figures are anyone's).
        ((None, _), (None, _)) => single,
        ((Some(_), strong), (None, _)) | ((None, _), (Some(_), strong)) => !strong && single,
    }
}

/// The place a disagreement is reported under.
fn place_label(a: (Option<&str>, bool)) -> &str {
    a.0.unwrap_or("")
}

fn role(doc: &Document, claim: usize) -> Role {
    doc.claims
        .get(claim)
        .and_then(|c| c.frame.as_ref())
        .map_or(Role::Value, |f| f.role)
}

fn figure(doc: &Document, claim: usize) -> Option<&Figure> {
    match &doc.claims.get(claim)?.detail {
        ClaimKind::Figure(f) => Some(f),
        _ => None,
    }
}

/// The clock time or part of day of an item's reference time, when its text states one.
fn clock_of(doc: &Document, claim: usize) -> Option<String> {
    let a = doc.claims.get(claim)?.frame.as_ref()?.as_of.as_ref()?;
    doc.claims
        .iter()
        .filter(|c| c.start == a.start)
        .find_map(|c| match &c.detail {
            ClaimKind::Time(t) => t
                .clock
                .clone()
                .or_else(|| t.part.map(|p| format!("{p:?}").to_lowercase())),
            _ => None,
        })
}

/// What kind of figure an item is; a year-like number whose frame found what it counts ("कुल
/// मामले 1821") is a count.
fn kind_of(doc: &Document, claim: usize) -> Option<FigureKind> {
    let k = figure(doc, claim)?.figure;
    if k == FigureKind::Year && key(doc, claim).is_some() {
        return Some(FigureKind::Count);
    }
    Some(k)
}

/// The reference day of an item: its `as_of` value, else None.
fn as_of(doc: &Document, claim: usize) -> Option<String> {
    doc.claims
        .get(claim)?
        .frame
        .as_ref()?
        .as_of
        .as_ref()?
        .value
        .clone()
}

fn interval(it: &Item) -> (f64, f64) {
    match it.value {
        Value::Number { lo, hi, .. } => (lo, hi),
        _ => (f64::NAN, f64::NAN),
    }
}

/// True when two values may be one quantity told differently: the larger at most
/// [`MAX_RATIO`] times the smaller. Two outlets' counts of one thing on one day differ by a few
/// per cent or a day's update; 35 against 324, or 10.5 against 39,980, are two quantities in
/// one frame (a day's deaths and the total, a rate and a count). A changed figure in aligned
/// sentences is caught whatever its size (`anchored`).
fn plausible(a: (f64, f64), b: (f64, f64)) -> bool {
    let (x, y) = (a.0.abs().min(a.1.abs()), b.0.abs().min(b.1.abs()));
    let (lo, hi) = if x <= y { (x, y) } else { (y, x) };
    hi <= lo * MAX_RATIO
}

fn overlaps(a: (f64, f64), b: (f64, f64)) -> bool {
    let eps = 1e-9 * (a.0.abs() + b.0.abs()).max(1.0);
    a.0 <= b.1 + eps && b.0 <= a.1 + eps
}

/// True when measure `a` is a subgroup of `b` ("cases/jamaat" of "cases"): the same value of both
/// is one count told with more or less detail.
fn narrower(a: &str, b: &str) -> bool {
    a.len() > b.len() && a.starts_with(b) && a.as_bytes()[b.len()] == b'/'
}

/// True when `a` is a part of a whole told before ("cases/part": "जिसमें से 1071") and `b` a named
/// part of the same measure ("cases/jamaat": "1071 मामले मरकज़ के"): one count, told with or
/// without what the part is.
fn unnamed_part(a: &str, b: &str) -> bool {
    a.strip_suffix("/part")
        .is_some_and(|base| narrower(b, base) && !b.ends_with("/part"))
}

/// True when a measure is only the noun the number counts, not a quantity of the lexicon
/// ("प्रयोगशाला", "लैब" against "cases", "deaths", "percent:…").
fn counted_noun(m: &str) -> bool {
    !m.split([':', '/']).next().unwrap_or("").is_ascii()
}

/// 100 or more, with two or more significant digits: a count two reports of the same day share
/// by chance far less often than 100, 2000 or 5.
fn rare_value(v: f64) -> bool {
    let v = v.abs();
    if !(100.0..1e18).contains(&v) {
        return false;
    }
    let mut m = v;
    while m >= 1e15 {
        m /= 10.0;
    }
    // Scaled to an integer with its significant digits; a single one means a round number.
    let mut n = m.round() as u64;
    if (m - n as f64).abs() > 1e-6 {
        return true;
    }
    while n > 0 && n.is_multiple_of(10) {
        n /= 10;
    }
    n >= 10
}

/// A value key: equal keys state the same value the same way (an exact value, or the same bound:
/// "100 के पार" in two outlets is one claim).
fn value_key(f: &Figure) -> Option<String> {
    if !f.value.is_finite() {
        return None;
    }
    Some(format!(
        "{:?}:{:.6e}:{:?}:{:?}",
        f.qualifier, f.value, f.min, f.max
    ))
}

/// Article starts of each view's document (see [`crate::extract::frame::sections`]), by view.
pub fn view_sections(views_doc: &[usize], docs: &[&Document]) -> Vec<Vec<usize>> {
    views_doc
        .iter()
        .map(|&d| crate::extract::frame::sections(&docs[d].text))
        .collect()
}

/// Group a story's figure items by frame and decide agreement and disagreement.
pub fn group(
    items: &[Item],
    views_doc: &[usize],
    docs: &[&Document],
    secs: &[Vec<usize>],
    sets: &FastSet<String>,
) -> FigureGroups {
    let mut out = FigureGroups::default();
    let doc_of = |i: usize| &docs[views_doc[items[i].view]];
    let claim_of = |i: usize| items[i].claim.unwrap_or(usize::MAX);
    let mut buckets: FastMap<String, Vec<usize>> = FastMap::default();
    let mut order: Vec<String> = Vec::new();
    let mut grouped = vec![false; items.len()];
    // View pairs that give a quantity at reference times stated differently, with those times;
    // contradictions found with no companion figure the same, by group and view pair.
    let mut bulletins: FastMap<(usize, usize), (String, String)> = FastMap::default();
    let mut unexplained: Vec<(usize, (usize, usize))> = Vec::new();
    // Article starts of each document (a file may hold several).
    // A page that repeats a sentence (a summary above the body) with another number in it
    // contradicts itself: the repeat does not explain the difference away.
    let sentence_text = |i: usize| -> String {
        let d = doc_of(i);
        d.sentence_at(items[i].start)
            .map(|s| &d.text[s.start..s.end])
            .unwrap_or("")
            .chars()
            .filter(|c| !c.is_ascii_digit() && !c.is_whitespace())
            // A bounded prefix: enough to know a repeated sentence, and no cost that grows with an
            // endless one.
            .take(REPEAT_CHARS)
            .collect()
    };
    let repeats = |a: usize, b: usize| {
        if a == b || items[a].sent == items[b].sent {
            return false;
        }
        let (x, y) = (sentence_text(a), sentence_text(b));
        x.len() >= 40 && y.len() >= 40 && (x.contains(&y) || y.contains(&x))
    };
    let section = |i: usize| secs[items[i].view].partition_point(|&x| x <= items[i].start);
    for (i, it) in items.iter().enumerate() {
        if it.kind != GroupKind::Figure {
            continue;
        }
        let Some(k) = key(doc_of(i), claim_of(i)) else {
            continue;
        };
        let e = buckets.entry(k.clone()).or_default();
        if e.is_empty() {
            order.push(k);
        }
        e.push(i);
    }
    // Items and the documents they agree with (a value both give, in frames that fit).
    let mut agrees_with: FastSet<(usize, usize)> = FastSet::default();
    let mut agreed: FastMap<(usize, usize), Vec<usize>> = FastMap::default();
    // Agreement: one group per value stated alike by two or more documents, about a place that
    // fits them all, with the same measure — or, for a distinctive value (100 or more), a measure
    // that one side leaves unsaid ("2361 लोगों को निकाला गया" ~ "मरकज से 2361 लोगों को निकाला").
    let mut by_value: FastMap<String, Vec<usize>> = FastMap::default();
    let mut value_order: Vec<String> = Vec::new();
    for (i, it) in items.iter().enumerate() {
        if it.kind != GroupKind::Figure || it.claim.is_none() {
            continue;
        }
        let d = doc_of(i);
        let Some(f) = figure(d, claim_of(i)) else {
            continue;
        };
        // A year is no count, unless its frame found what it counts (see `kind_of`).
        if kind_of(d, claim_of(i)) == Some(FigureKind::Year) {
            continue;
        }
        let Some(vk) = value_key(f) else { continue };
        let e = by_value.entry(vk.clone()).or_default();
        if e.is_empty() {
            value_order.push(vk);
        }
        e.push(i);
    }
    for vk in &value_order {
        let list = &by_value[vk];
        let first_view = items[list[0]].view;
        if list.iter().all(|&i| items[i].view == first_view) {
            continue;
        }
        let frame_of = |i: usize| {
            doc_of(i)
                .claims
                .get(claim_of(i))
                .and_then(|c| c.frame.as_ref())
        };
        let fits = |i: usize, j: usize| {
            let (Some(fi), Some(fj)) = (frame_of(i), frame_of(j)) else {
                return false;
            };
            let f = figure(doc_of(i), claim_of(i));
            let distinctive = f.is_some_and(|f| f.value.abs() >= 100.0);
            // A value that few other counts of the day share by chance: 100 or more with two or
            // more significant digits (2361, 110, 9.45 लाख — not 100 or 2000).
            let rare = f.is_some_and(|f| rare_value(f.value));
            let measures = match (&fi.measure, &fj.measure) {
                (Some(a), Some(b)) => {
                    a == b
                        || narrower(a, b)
                        || narrower(b, a)
                        || (rare && (counted_noun(a) || counted_noun(b)))
                        || (rare && (unnamed_part(a, b) || unnamed_part(b, a)))
                }
                (None, None) => rare,
                _ => distinctive,
            };
            // A window one side leaves unsaid fits the other's for a value of 10 or more ("27
            // लोगों की मौत" ~ "पिछले 24 घंटे में … 27 लोगों की मौत"); one to nine of something
            // recur too often across windows.
            let unsaid = fi.window.is_none() || fj.window.is_none();
            let windows = windows_meet(fi.window, fj.window)
                || (unsaid && f.is_some_and(|f| f.value.abs() >= 10.0));
            measures
                && windows
                && places_fit(scope(doc_of(i), claim_of(i)), scope(doc_of(j), claim_of(j)))
        };
        let mut clusters: Vec<Vec<usize>> = Vec::new();
        for &i in list.iter().take(MAX_ITEMS) {
            match clusters.iter_mut().find(|c| c.iter().all(|&j| fits(i, j))) {
                Some(c) => c.push(i),
                None => clusters.push(vec![i]),
            }
        }
        for m in clusters {
            let v0 = items[m[0]].view;
            if m.iter().all(|&i| items[i].view == v0) {
                continue;
            }
            for &i in &m {
                grouped[i] = true;
                for &j in &m {
                    agrees_with.insert((i, items[j].view));
                    agreed.entry((i, items[j].view)).or_default().push(j);
                }
            }
            out.groups.push(RawGroup {
                kind: GroupKind::Figure,
                members: m,
                sim: 1.0,
                conflict: None,
                timing: false,
            });
        }
    }
    // Figure items with a measure, by sentence, for what co-reported figures say.
    let mut by_sentence: FastMap<(usize, usize), Vec<usize>> = FastMap::default();
    for (i, it) in items.iter().enumerate() {
        if it.kind == GroupKind::Figure
            && it.claim.is_some()
            && key(doc_of(i), claim_of(i)).is_some()
        {
            let e = by_sentence.entry((it.view, it.sent)).or_default();
            if e.len() < MAX_CO_REPORTED {
                e.push(i);
            }
        }
    }
    // Of the other measures both sentences of a pair give: how many moved the same way as the
    // pair's values, and how many are the same.
    let co_reported = |a: usize, b: usize| -> (usize, usize) {
        let (Some(ka), Some(kb)) = (key(doc_of(a), claim_of(a)), key(doc_of(b), claim_of(b)))
        else {
            return (0, 0);
        };
        let dir = (interval(&items[b]).0 - interval(&items[a]).0).signum();
        let (mut moved, mut same) = (0, 0);
        // The figures of the pair's sentences and their neighbours (a bulletin's cases, deaths
        // and recoveries are often told in consecutive sentences).
        let near = |i: usize| -> Vec<usize> {
            let (v, s) = (items[i].view, items[i].sent);
            (s.saturating_sub(1)..=s + 1)
                .filter_map(|t| by_sentence.get(&(v, t)))
                .flatten()
                .copied()
                .collect()
        };
        let (sa, sb) = (near(a), near(b));
        for &x in &sa {
            let Some(kx) = key(doc_of(x), claim_of(x)) else {
                continue;
            };
            if x == a || kx == ka || role(doc_of(x), claim_of(x)) == Role::Before {
                continue;
            }
            let Some(&y) = sb.iter().find(|&&y| {
                y != b
                    && key(doc_of(y), claim_of(y)).as_deref() == Some(kx.as_str())
                    && kx != kb
                    && role(doc_of(y), claim_of(y)) != Role::Before
                    && windows_meet(
                        window(doc_of(x), claim_of(x)),
                        window(doc_of(y), claim_of(y)),
                    )
            }) else {
                continue;
            };
            let (vx, vy) = (interval(&items[x]).0, interval(&items[y]).0);
            if overlaps(interval(&items[x]), interval(&items[y])) {
                same += 1;
            } else if (vy - vx).signum() == dir {
                moved += 1;
            }
        }
        (moved, same)
    };
    // A value told as the result of a rise: reached ("बढ़कर 215 हो गई", "X पर पहुंचा"), or
    // beside a smaller count of new ones of the same measure in its sentence.
    let rising = |i: usize| -> bool {
        if role(doc_of(i), claim_of(i)) == Role::Reached {
            return true;
        }
        let k = key(doc_of(i), claim_of(i));
        by_sentence
            .get(&(items[i].view, items[i].sent))
            .is_some_and(|xs| {
                xs.iter().any(|&x| {
                    x != i
                        && key(doc_of(x), claim_of(x)) == k
                        && window(doc_of(x), claim_of(x)) == Some(Window::Period)
                        && interval(&items[x]).0 < interval(&items[i]).0
                })
            })
    };
    for k in &order {
        let members = &buckets[k];
        let mut views: Vec<usize> = members.iter().map(|&i| items[i].view).collect();
        views.sort_unstable();
        views.dedup();
        // A bare counted noun ("23 राज्यों") or a set measure of the check grammar ("54 जिलों") is
        // no quantity of its own: two outlets' numbers of states or districts are mostly
        // different sets (with no new case, with a hotspot, …). They disagree only in aligned
        // sentences (`anchored`).
        if views.len() < 2 || counted_noun(k) || sets.contains(k.as_str()) {
            continue;
        }
        let place = |i: usize| scope(doc_of(i), claim_of(i));
        // Disagreement: a value of one document that the other document's article does not
        // give, against one of the other's that the first's article does not give, about the same
        // place over a window that may be the same. A document that gives an earlier and a later
        // value (178, then 187) agrees with an outlet that gives either.
        let mut at: Vec<usize> = members.clone();
        at.truncate(MAX_ITEMS);
        let single = |i: usize| secs[items[i].view].len() == 1;
        let fits_place =
            |i: usize, k: usize| same_place(place(i), place(k), single(i) && single(k));
        // The article of `near` states `i`'s value elsewhere (an open bound that holds it, "3000
        // के पार", states no value: it neither answers a disagreement nor makes an update).
        let has_match = |i: usize, near: usize| {
            at.iter().any(|&k| {
                items[k].view == items[near].view
                    && section(k) == section(near)
                    && fits_place(k, near)
                    && overlaps(interval(&items[i]), interval(&items[k]))
                    && figure(doc_of(k), claim_of(k))
                        .is_some_and(|f| f.min.is_some() == f.max.is_some())
                    && !repeats(k, near)
            })
        };
        let current = |i: usize| role(doc_of(i), claim_of(i)) != Role::Before;
        // The days each document gives a value of this bucket for: a day-by-day series ("4
        // अप्रैल 3072, 5 अप्रैल 3577") is compared day by day, not every day against every other.
        let days: Vec<Option<String>> = at.iter().map(|&i| as_of(doc_of(i), claim_of(i))).collect();
        let dated: FastSet<(usize, &str)> = at
            .iter()
            .zip(&days)
            .filter_map(|(&i, d)| Some((items[i].view, d.as_deref()?)))
            .collect();
        // One or two of something ("एक मरीज", "दो की मौत") is mostly an incidental count in a
        // digest; small values disagree only in aligned sentences (`anchored`).
        let telling =
            |i: usize| figure(doc_of(i), claim_of(i)).is_some_and(|f| f.value.abs() >= MIN_TELLING);
        // `i` agrees with another figure of `j`'s document (not a repeat of `j`'s sentence).
        let agrees_elsewhere = |i: usize, j: usize| {
            agreed
                .get(&(i, items[j].view))
                .is_some_and(|ks| ks.iter().any(|&k| !repeats(k, j)))
        };
        // Value pairs in disagreement by place, in order of first appearance.
        let mut pairs: Vec<ValuePair> = Vec::new();
        for (x, &i) in at.iter().enumerate() {
            for (y, &j) in at.iter().enumerate().skip(x + 1) {
                let (vi, vj) = (items[i].view, items[j].view);
                // Two days of a series, each of which the other document also gives a value for.
                if let (Some(di), Some(dj)) = (&days[x], &days[y])
                    && di != dj
                    && (dated.contains(&(vj, di.as_str())) || dated.contains(&(vi, dj.as_str())))
                {
                    continue;
                }
                if vi == vj
                    || !current(i)
                    || !current(j)
                    || !telling(i)
                    || !telling(j)
                    || !fits_place(i, j)
                    || !windows_meet(
                        window(doc_of(i), claim_of(i)),
                        window(doc_of(j), claim_of(j)),
                    )
                    || kind_of(doc_of(i), claim_of(i)) != kind_of(doc_of(j), claim_of(j))
                    || overlaps(interval(&items[i]), interval(&items[j]))
                    || !plausible(interval(&items[i]), interval(&items[j]))
                {
                    continue;
                }
                // Whether each side's article also gives the other's value. Both: they agree (a
                // page that gives 178 and then 187 against one that does the same). One: an
                // update — the article with both values has moved on from the other's.
                let j_gives_i = has_match(i, j) || agrees_elsewhere(i, j);
                let i_gives_j = has_match(j, i) || agrees_elsewhere(j, i);
                if j_gives_i && i_gives_j {
                    continue;
                }
                let update = j_gives_i || i_gives_j;
                let (Some(ki), Some(kj)) = (
                    figure(doc_of(i), claim_of(i)).and_then(value_key),
                    figure(doc_of(j), claim_of(j)).and_then(value_key),
                ) else {
                    continue;
                };
                let p = place_label(place(i)).max(place_label(place(j))).to_string();
                let key = if ki <= kj { (ki, kj, p) } else { (kj, ki, p) };
                match pairs.iter_mut().find(|p| p.0 == key) {
                    Some(p) => {
                        p.1.extend([i, j]);
                        p.3 &= update;
                    }
                    None => pairs.push((key, vec![i, j], (i, j), update)),
                }
                out.disagreeing.push((vi, items[i].sent, vj, items[j].sent));
                out.disagreeing.push((vj, items[j].sent, vi, items[i].sent));
            }
        }
        for ((_, _, p), mut involved, (pa, pb), update) in pairs {
            involved.sort_unstable();
            involved.dedup();
            for &i in &involved {
                grouped[i] = true;
            }
            let (dp, dq) = (doc_of(pa), doc_of(pb));
            let (ap, aq) = (as_of(dp, claim_of(pa)), as_of(dq, claim_of(pb)));
            // Each side's reference day: the time its text gives, else its publication day.
            let day = |x: &Option<String>, d: &Document| {
                x.clone()
                    .or_else(|| d.published.map(|p| p.format("%Y-%m-%d").to_string()))
            };
            // The clock or part of day each side's reference time states ("आज सुबह 10 बजे तक").
            let (cp, cq) = (clock_of(dp, claim_of(pa)), clock_of(dq, claim_of(pb)));
            let explicit = matches!((&ap, &aq), (Some(x), Some(y)) if x != y)
                || matches!((&cp, &cq), (Some(x), Some(y)) if x != y);
            // One side dated to the hour, the other not: a bulletin's count against another's.
            let stamped = cp.is_some() != cq.is_some();
            // The larger value told as the result of a rise ("133 नए मामले … कुल संख्या 1868",
            // "बढ़कर 215 हो गई") against a smaller one told flat (a bulletin's list): an update.
            let (lo_side, hi_side) = if interval(&items[pa]).0 <= interval(&items[pb]).0 {
                (pa, pb)
            } else {
                (pb, pa)
            };
            let risen = rising(hi_side) && !rising(lo_side);
            // What the two sentences' other figures say: all moved the same way (the cases and
            // the deaths of a later bulletin) — an update; one of them the same (the same
            // bulletin's deaths with other cases) — a contradiction.
            let (moved, same) = co_reported(pa, pb);
            let timing = explicit
                || (same == 0
                    && (update
                        || moved > 0
                        || stamped
                        || risen
                        || match (day(&ap, dp), day(&aq, dq)) {
                            (Some(x), Some(y)) => x != y,
                            _ => false,
                        }));
            let when = |x: &Option<String>, d: &Document| {
                x.clone()
                    .or_else(|| d.published.map(|p| format!("published {p}")))
                    .unwrap_or_else(|| "no date".into())
            };
            // Two articles that give one quantity at reference times they state differently tell
            // two bulletins: their other disagreements are updates too (below).
            let views = (items[pa].view, items[pb].view);
            if explicit {
                let times = match (&ap, &aq) {
                    (Some(x), Some(y)) if x != y => (x.clone(), y.clone()),
                    _ => (
                        cp.clone().unwrap_or_default(),
                        cq.clone().unwrap_or_default(),
                    ),
                };
                bulletins.entry(views).or_insert(times.clone());
                bulletins
                    .entry((views.1, views.0))
                    .or_insert((times.1, times.0));
            } else if !timing && same == 0 {
                unexplained.push((out.groups.len(), views));
            }
            let why = if timing && !explicit && update {
                "one article gives both values, an earlier and a later one: an update".to_string()
            } else if timing && !explicit && moved > 0 {
                "the sentences' other figures differ the same way: a later bulletin".to_string()
            } else if timing && !explicit && risen && !stamped {
                "the larger value is told as a rise (new cases, 'बढ़कर'), the other flat: an update"
                    .to_string()
            } else if timing && !explicit && stamped {
                format!(
                    "one count is given as of {}, the other without a time: two bulletins",
                    cp.as_deref().or(cq.as_deref()).unwrap_or("a time of day")
                )
            } else if !timing && same > 0 && p.is_empty() {
                format!("incompatible values for {k}, while the sentences' other figures agree")
            } else if !timing && same > 0 {
                format!(
                    "incompatible values for {k} in {p}, while the sentences' other figures agree"
                )
            } else if timing {
                format!(
                    "values differ at different reference times ({} vs {})",
                    when(&ap, dp),
                    when(&aq, dq)
                )
            } else if p.is_empty() {
                format!("incompatible values for {k}")
            } else {
                format!("incompatible values for {k} in {p}")
            };
            out.groups.push(RawGroup {
                kind: GroupKind::Figure,
                members: involved,
                sim: 1.0,
                conflict: Some((pa, pb, why)),
                timing,
            });
        }
    }
    // A contradiction between two articles that tell two bulletins elsewhere ("रविवार शाम" vs
    // "सोमवार सुबह 8 बजे" for the country's cases) with no companion figure the same: an update.
    for (g, views) in unexplained {
        if let Some((x, y)) = bulletins.get(&views)
            && let Some(group) = out.groups.get_mut(g)
            && let Some((_, _, why)) = group.conflict.as_mut()
        {
            group.timing = true;
            *why = format!(
                "the two articles give other figures at different reference times ({x} vs {y}): two bulletins"
            );
        }
    }
    out.agrees = agrees_with;
    // Every other figure stands alone.
    for (i, it) in items.iter().enumerate() {
        if it.kind == GroupKind::Figure && !grouped[i] {
            out.groups.push(RawGroup {
                kind: GroupKind::Figure,
                members: vec![i],
                sim: 0.0,
                conflict: None,
                timing: false,
            });
        }
    }
    out
}

/// Days by event: two documents that date the same kind of event (a meeting, an arrival, …: the
/// event words of the time's clause) on days none of which fits the other's. A page that dates
/// two meetings agrees with an outlet that dates either. Only times that name one day take part.
pub fn group_times(
    items: &[Item],
    views_doc: &[usize],
    docs: &[&Document],
    secs: &[Vec<usize>],
) -> FigureGroups {
    // A weekday written beside a date that is not its weekday ("गुरुवार (26 जुलाई)" in 2023)
    // names no day for sure: it fits no other outlet's day.
    let mismatched = |i: usize| {
        items[i]
            .claim
            .and_then(|c| docs[views_doc[items[i].view]].claims.get(c))
            .is_some_and(|c| matches!(&c.detail, ClaimKind::Time(t) if t.weekday_mismatch))
    };
    let mut out = FigureGroups::default();
    let mut buckets: FastMap<u32, Vec<usize>> = FastMap::default();
    let mut order: Vec<u32> = Vec::new();
    for (i, it) in items.iter().enumerate() {
        if it.kind != GroupKind::Time || it.claim.is_none() {
            continue;
        }
        let Value::Date {
            day_level: true,
            range,
            weekday,
            ..
        } = &it.value
        else {
            continue;
        };
        // An unresolved time (no publication date, unknown parts) joins no group.
        let _ = weekday;
        if range.is_none() {
            continue;
        }
        let mut bits = it.events;
        while bits != 0 {
            let bit = bits & bits.wrapping_neg();
            bits &= bits - 1;
            let e = buckets.entry(bit).or_default();
            if e.is_empty() {
                order.push(bit);
            }
            e.push(i);
        }
    }
    let section = |i: usize| secs[items[i].view].partition_point(|&x| x <= items[i].start);
    let fit = |i: usize, j: usize| {
        !mismatched(i) && !mismatched(j) && compatible(&items[i].value, &items[j].value)
    };
    for bit in order {
        let mut at = buckets[&bit].clone();
        at.truncate(MAX_ITEMS);
        // The article of `near` dates this event as `i` does too.
        let has_match = |i: usize, near: usize| {
            at.iter().any(|&k| {
                items[k].view == items[near].view && section(k) == section(near) && fit(i, k)
            })
        };
        let mut pairs: Vec<(usize, usize)> = Vec::new();
        for (x, &i) in at.iter().enumerate() {
            for &j in &at[x + 1..] {
                if items[i].view == items[j].view || fit(i, j) || has_match(i, j) || has_match(j, i)
                {
                    continue;
                }
                pairs.push((i, j));
            }
        }
        let Some(&(p, q)) = pairs.first() else {
            continue;
        };
        let mut members: Vec<usize> = pairs.iter().flat_map(|&(i, j)| [i, j]).collect();
        members.sort_unstable();
        members.dedup();
        for &(i, j) in &pairs {
            out.disagreeing
                .push((items[i].view, items[i].sent, items[j].view, items[j].sent));
            out.disagreeing
                .push((items[j].view, items[j].sent, items[i].view, items[i].sent));
        }
        out.groups.push(RawGroup {
            kind: GroupKind::Time,
            members,
            sim: 1.0,
            conflict: Some((p, q, "different days for the same event".to_string())),
            timing: false,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rare_values_have_two_significant_digits_from_100() {
        for v in [110.0, 2361.0, 945_000.0, 1.37e14, 150.5, 1071.0] {
            assert!(rare_value(v), "{v}");
        }
        for v in [100.0, 2000.0, 5.0, 99.0, 1e6, 3e14] {
            assert!(!rare_value(v), "{v}");
        }
    }

    #[test]
    fn subgroups_and_counted_nouns() {
        assert!(narrower("cases/jamaat", "cases"));
        assert!(unnamed_part("cases/part", "cases/jamaat"));
        assert!(!unnamed_part("cases/part", "deaths/jamaat"));
        assert!(!unnamed_part("cases/jamaat", "cases/part"));
        assert!(!narrower("cases", "cases/jamaat"));
        assert!(!narrower("casesx", "cases"));
        assert!(counted_noun("प्रयोगशाला"));
        assert!(counted_noun("प्रयोगशाला/जमात"));
        assert!(!counted_noun("cases"));
        assert!(!counted_noun("percent:उपस्थिति"));
        assert!(!counted_noun("inr:डूब"));
    }

    #[test]
    fn values_far_apart_are_two_quantities() {
        assert!(plausible((195.0, 195.0), (223.0, 223.0)));
        assert!(plausible((42.0, 42.0), (48.0, 48.0)));
        assert!(!plausible((35.0, 35.0), (324.0, 324.0)));
        assert!(!plausible((10.5, 10.5), (39980.0, 39980.0)));
    }
}
