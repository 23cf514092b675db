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

use crate::check::GroupKind;
use crate::check::align::{Item, RawGroup, Value};
use crate::check::norm::FastMap;
use crate::claim::{ClaimKind, Figure};
use crate::document::Document;
use crate::extract::frame::{Role, Window};

/// Most documents compared pairwise within one bucket (a bucket larger than this compares its
/// first documents only; stories are small, so this bounds a degenerate input, not real ones).
const MAX_VIEWS: usize = 256;

/// What the frame stage found in a story.
#[derive(Debug, Default)]
pub struct FigureGroups {
    /// Groups of figure items (every figure item is in at least one).
    pub groups: Vec<RawGroup>,
    /// Sentence pairs `(view, sent, view, sent)` whose figures disagree, both orders.
    pub disagreeing: Vec<(usize, usize, usize, usize)>,
}

/// The comparison key of a figure item: measure, scope entity, window class.
fn key(doc: &Document, claim: usize) -> Option<(String, String, bool)> {
    let c = doc.claims.get(claim)?;
    let fr = c.frame.as_ref()?;
    if fr.role == Role::Before {
        return None;
    }
    let measure = fr.measure.clone()?;
    let scope = fr
        .scope
        .as_ref()
        .map(|s| s.entity.clone())
        .unwrap_or_default();
    let period = fr.window == Some(Window::Period);
    Some((measure, scope, period))
}

fn figure(doc: &Document, claim: usize) -> Option<&Figure> {
    match &doc.claims.get(claim)?.detail {
        ClaimKind::Figure(f) => Some(f),
        _ => None,
    }
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

fn overlaps(a: (f64, f64), b: (f64, f64)) -> bool {
    let eps = 1e-9 * (a.0.abs() + b.0.abs()).max(1.0);
    a.0 <= b.1 + eps && b.0 <= a.1 + eps
}

/// A value key for exact figures: equal keys are the same value.
fn value_key(f: &Figure) -> Option<String> {
    use crate::claim::Qualifier;
    if f.qualifier != Qualifier::Exact || !f.value.is_finite() {
        return None;
    }
    Some(format!("{:.6e}", f.value))
}

/// Group a story's figure items by frame and decide agreement and disagreement.
pub fn group(items: &[Item], views_doc: &[usize], docs: &[Document]) -> FigureGroups {
    let mut out = FigureGroups::default();
    let mut buckets: FastMap<(String, String, bool), Vec<usize>> = FastMap::default();
    let mut order: Vec<(String, String, bool)> = Vec::new();
    let mut grouped = vec![false; items.len()];
    for (i, it) in items.iter().enumerate() {
        if it.kind != GroupKind::Figure {
            continue;
        }
        let doc = &docs[views_doc[it.view]];
        let Some(k) = it.claim.and_then(|c| key(doc, c)) else {
            continue;
        };
        let e = buckets.entry(k.clone()).or_default();
        if e.is_empty() {
            order.push(k);
        }
        e.push(i);
    }
    for k in &order {
        let members = &buckets[k];
        let mut views: Vec<usize> = members.iter().map(|&i| items[i].view).collect();
        views.sort_unstable();
        views.dedup();
        if views.len() < 2 {
            continue;
        }
        views.truncate(MAX_VIEWS);
        // Agreement: one group per value given by two or more documents.
        let mut by_value: FastMap<String, Vec<usize>> = FastMap::default();
        let mut value_order: Vec<String> = Vec::new();
        for &i in members {
            let it = &items[i];
            let doc = &docs[views_doc[it.view]];
            let Some(vk) = it.claim.and_then(|c| figure(doc, c)).and_then(value_key) else {
                continue;
            };
            let e = by_value.entry(vk.clone()).or_default();
            if e.is_empty() {
                value_order.push(vk);
            }
            e.push(i);
        }
        for vk in &value_order {
            let m = &by_value[vk];
            let first_view = items[m[0]].view;
            if m.iter().any(|&i| items[i].view != first_view) {
                for &i in m {
                    grouped[i] = true;
                }
                out.groups.push(RawGroup {
                    kind: GroupKind::Figure,
                    members: m.clone(),
                    sim: 1.0,
                    conflict: None,
                    timing: false,
                });
            }
        }
        // Disagreement: pairs of documents none of whose values fit each other.
        let per_view: Vec<(usize, Vec<usize>)> = views
            .iter()
            .map(|&v| {
                (
                    v,
                    members
                        .iter()
                        .copied()
                        .filter(|&i| items[i].view == v)
                        .collect(),
                )
            })
            .collect();
        let mut involved: Vec<usize> = Vec::new();
        let mut first_pair: Option<(usize, usize)> = None;
        for (x, (_, a)) in per_view.iter().enumerate() {
            for (_, b) in per_view.iter().skip(x + 1) {
                let fits = a.iter().any(|&i| {
                    b.iter()
                        .any(|&j| overlaps(interval(&items[i]), interval(&items[j])))
                });
                if fits {
                    continue;
                }
                // The two most comparable members: exact ones first, then by position.
                let pick = |l: &[usize]| {
                    l.iter().copied().min_by_key(|&i| {
                        let it = &items[i];
                        let doc = &docs[views_doc[it.view]];
                        let exact = it
                            .claim
                            .and_then(|c| figure(doc, c))
                            .and_then(value_key)
                            .is_some();
                        (!exact, it.start)
                    })
                };
                if let (Some(p), Some(q)) = (pick(a), pick(b)) {
                    first_pair.get_or_insert((p, q));
                    out.disagreeing.push((
                        items[p].view,
                        items[p].sent,
                        items[q].view,
                        items[q].sent,
                    ));
                    out.disagreeing.push((
                        items[q].view,
                        items[q].sent,
                        items[p].view,
                        items[p].sent,
                    ));
                }
                involved.extend(a);
                involved.extend(b);
            }
        }
        if let Some((p, q)) = first_pair {
            involved.sort_unstable();
            involved.dedup();
            for &i in &involved {
                grouped[i] = true;
            }
            let (ip, iq) = (&items[p], &items[q]);
            let (dp, dq) = (&docs[views_doc[ip.view]], &docs[views_doc[iq.view]]);
            let (ap, aq) = (
                ip.claim.and_then(|c| as_of(dp, c)),
                iq.claim.and_then(|c| as_of(dq, c)),
            );
            let timing = match (&ap, &aq) {
                (Some(x), Some(y)) => x != y,
                _ => {
                    dp.published.is_some() && dq.published.is_some() && dp.published != dq.published
                }
            };
            let when = |x: &Option<String>, d: &Document| {
                x.clone()
                    .or_else(|| d.published.map(|p| format!("published {p}")))
                    .unwrap_or_else(|| "no date".into())
            };
            let why = if timing {
                format!(
                    "values differ at different reference times ({} vs {})",
                    when(&ap, dp),
                    when(&aq, dq)
                )
            } else {
                "incompatible values for the same measure, place and window".to_string()
            };
            out.groups.push(RawGroup {
                kind: GroupKind::Figure,
                members: involved,
                sim: 1.0,
                conflict: Some((p, q, why)),
                timing,
            });
        }
    }
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
