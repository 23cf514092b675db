//! Disagreements anchored on aligned sentences.
//!
//! Two outlets' sentences that state the same thing (aligned statements, similar enough) and
//! carry figures or times: every value of one that the other sentence also gives is matched; when
//! exactly one figure (or one day) is left on each side, of compatible frames, the two disagree —
//! "42 लोगों की मौत" against "48 लोगों की मौत", "शुक्रवार को मुलाकात" against "शनिवार को मुलाकात".
//! This catches a changed fact whose frame is incomplete (a place or a measure left unsaid) but
//! whose sentence leaves no doubt which fact it is.

use crate::analysis::Document;
use crate::check::GroupKind;
use crate::check::align::{Item, RawGroup, Value, compatible};
use crate::check::norm::{FastMap, FastSet};
use crate::extract::frame::{Frame, Window};

/// Two sentences: (view, sentence, view, sentence).
pub type SentPair = (usize, usize, usize, usize);

/// Similarity of two sentences above which they are near copies.
const NEAR_COPY: f64 = 0.85;

/// Least similarity of two aligned sentences for their leftover values to disagree.
pub const ANCHOR_MIN: f64 = 0.45;

fn frame<'a>(docs: &'a [&'a Document], views_doc: &[usize], it: &Item) -> Option<&'a Frame> {
    docs[views_doc[it.view]]
        .claims
        .get(it.claim?)?
        .frame
        .as_ref()
}

/// Frames that may be of one quantity: the same measure or one unsaid, windows that do not
/// differ, places that do not differ.
fn frames_fit(a: Option<&Frame>, b: Option<&Frame>) -> bool {
    let (Some(a), Some(b)) = (a, b) else {
        return true;
    };
    let measure = match (&a.measure, &b.measure) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    };
    let window = a.window.is_none()
        || b.window.is_none()
        || a.window == b.window
        || (a.window == Some(Window::Cumulative) && b.window == Some(Window::Cumulative));
    let place = match (&a.scope, &b.scope) {
        (Some(x), Some(y)) => x.entity == y.entity,
        _ => true,
    };
    measure && window && place
}

/// The anchored disagreements of a story: groups, and the sentence pairs they cover (both orders).
pub fn disagreements(
    items: &[Item],
    views_doc: &[usize],
    docs: &[&Document],
    aligned: &FastMap<(usize, usize, usize, usize), f64>,
    known: &FastSet<(usize, usize, usize, usize)>,
    agrees: &FastSet<(usize, usize)>,
) -> (Vec<RawGroup>, Vec<SentPair>) {
    let mut by_sentence: FastMap<(usize, usize), Vec<usize>> = FastMap::default();
    for (i, it) in items.iter().enumerate() {
        if matches!(it.kind, GroupKind::Figure | GroupKind::Time) && it.claim.is_some() {
            by_sentence.entry((it.view, it.sent)).or_default().push(i);
        }
    }
    let mut pairs: Vec<(&SentPair, &f64)> = aligned
        .iter()
        .filter(|((va, sa, vb, sb), sim)| **sim >= ANCHOR_MIN && (va, sa) < (vb, sb))
        .collect();
    pairs.sort_by(|x, y| x.0.cmp(y.0));
    let mut groups = Vec::new();
    let mut covered = Vec::new();
    for (&(va, sa, vb, sb), &sim) in pairs {
        if known.contains(&(va, sa, vb, sb)) {
            continue;
        }
        let (Some(a), Some(b)) = (by_sentence.get(&(va, sa)), by_sentence.get(&(vb, sb))) else {
            continue;
        };
        for kind in [GroupKind::Figure] {
            let of = |l: &[usize]| -> Vec<usize> {
                l.iter()
                    .copied()
                    .filter(|&i| items[i].kind == kind)
                    .collect()
            };
            let (xa, xb) = (of(a), of(b));
            let fits_value = |i: usize, j: usize| compatible(&items[i].value, &items[j].value);
            let left_a: Vec<usize> = xa
                .iter()
                .copied()
                .filter(|&i| !xb.iter().any(|&j| fits_value(i, j)))
                .collect();
            let left_b: Vec<usize> = xb
                .iter()
                .copied()
                .filter(|&j| !xa.iter().any(|&i| fits_value(i, j)))
                .collect();
            let ([i], [j]) = (left_a.as_slice(), left_b.as_slice()) else {
                continue;
            };
            let (i, j) = (*i, *j);
            // A value the other document gives elsewhere, in a fitting frame, is agreed on —
            // unless the two sentences are near copies, where a changed number is the change.
            if sim < NEAR_COPY && (agrees.contains(&(i, vb)) || agrees.contains(&(j, va))) {
                continue;
            }
            let ok = match (&items[i].value, &items[j].value) {
                (Value::Number { kind: k1, .. }, Value::Number { kind: k2, .. }) => {
                    k1 == k2
                        && frames_fit(
                            frame(docs, views_doc, &items[i]),
                            frame(docs, views_doc, &items[j]),
                        )
                }
                (
                    Value::Date {
                        day_level: d1,
                        range: r1,
                        weekday: w1,
                    },
                    Value::Date {
                        day_level: d2,
                        range: r2,
                        weekday: w2,
                    },
                ) => *d1 && *d2 && (r1.is_some() || w1.is_some()) && (r2.is_some() || w2.is_some()),
                _ => false,
            };
            if !ok {
                continue;
            }
            let what = if kind == GroupKind::Figure {
                "the same sentence gives another number"
            } else {
                "the same sentence gives another day"
            };
            groups.push(RawGroup {
                kind,
                members: vec![i, j],
                sim,
                conflict: Some((i, j, what.to_string())),
                timing: false,
            });
            covered.push((va, sa, vb, sb));
            covered.push((vb, sb, va, sa));
        }
    }
    (groups, covered)
}
