//! Verdicts: each aligned group becomes corroborated, conflicting or single-source, with a score,
//! its origins, a one-line explanation and every member span.
//!
//! - **conflicting**: alignment found two members that give incompatible values for the same
//!   anchor. The score is how sure the pairing is (their shared context), so a weakly matched
//!   "conflict" ranks below a near-identical sentence with a changed weekday.
//! - **corroborated**: two or more independent origins ([`crate::check::origin`]). The score grows
//!   with the number of origins (1 − ½ⁿ) and with how closely the members match.
//! - **single_source**: one origin, however many documents relay it. Score 0.25, a little more when
//!   several copies carry it.

use crate::analysis::Document;
use crate::check::align::{Aligned, DocView, Item, SentView, Value};
use crate::check::norm;
use crate::check::norm::CheckGrammar;
use crate::check::origin::{Origins, short_id};
use crate::check::{ClaimGroup, GroupKind, Member, Verdict};
use crate::claim::{ClaimKind, FigureKind, QuoteKind};

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A short value for display: the figure, date or speaker a member asserts.
fn value_of(it: &Item, doc: &Document, g: &CheckGrammar, views: &[DocView]) -> Option<String> {
    let c = doc.claims.get(it.claim?)?;
    let (_, v) = crate::claim::describe(c);
    if let (Value::Date { .. }, Some(s)) = (&it.value, views[it.view].sents.get(it.sent)) {
        let ev = g.event_names(s.events);
        if !ev.is_empty() {
            return Some(format!("{v} ({})", ev.join(", ")));
        }
    }
    Some(v)
}

/// Decide every group of one story. Returns groups with ids `{story}.G{n}`, conflicting first,
/// then corroborated, then single-source, each by position.
pub fn decide(
    story: &str,
    aligned: Aligned,
    views: &[DocView],
    origins: &Origins,
    docs: &[&Document],
    g: &CheckGrammar,
) -> Vec<ClaimGroup> {
    let Aligned { items, groups } = aligned;
    let mut out: Vec<(usize, usize, ClaimGroup)> = Vec::new();
    for rg in groups {
        let mut members: Vec<Member> = Vec::new();
        let mut origin_list: Vec<String> = Vec::new();
        let mut key = false;
        let mut sourced = false;
        for &i in &rg.members {
            let it = &items[i];
            let v = &views[it.view];
            let doc = &docs[v.doc];
            let Some(s) = v.sents.get(it.sent) else {
                continue;
            };
            let origin = origins.of(it.view, s);
            if !origin_list.contains(&origin) {
                origin_list.push(origin.clone());
            }
            key |= s.lead && is_key_kind(it, doc);
            sourced |= s.sourced;
            members.push(Member {
                document: doc.id.clone(),
                claim: it.claim,
                sentence: s.index,
                start: it.start,
                end: it.end,
                text: one_line(doc.text.get(it.start..it.end).unwrap_or("")),
                value: value_of(it, doc, g, views),
                origin,
                differs: Vec::new(),
                frame: it
                    .claim
                    .and_then(|c| doc.claims.get(c))
                    .and_then(|c| c.frame.clone()),
                doc: v.doc,
            });
            // A repeated sentence (headline and body) is a member too.
            if it.kind == GroupKind::Statement {
                for d in v.sents.iter().filter(|d| d.dup_of == Some(it.sent)) {
                    members.push(Member {
                        document: doc.id.clone(),
                        claim: None,
                        sentence: d.index,
                        start: d.start,
                        end: d.end,
                        text: one_line(doc.text.get(d.start..d.end).unwrap_or("")),
                        value: None,
                        origin: origins.of(it.view, d),
                        differs: Vec::new(),
                        frame: None,
                        doc: v.doc,
                    });
                }
            }
        }
        if members.is_empty() {
            continue;
        }
        members.sort_by_key(|m| (m.doc, m.start, m.end));
        let docs_in: usize = {
            let mut d: Vec<usize> = members.iter().map(|m| m.doc).collect();
            d.dedup();
            d.len()
        };
        let sim = rg.sim.clamp(0.0, 1.0);
        let n = origin_list.len();
        let what = describe_kind(rg.kind, &members);
        let (verdict, score, explanation, conflict) = if let Some((a, b, why)) = &rg.conflict {
            let (ia, ib) = (&items[*a], &items[*b]);
            let find = |it: &Item| {
                members.iter().position(|m| {
                    m.doc == views[it.view].doc && m.start == it.start && m.end == it.end
                })
            };
            let pa = find(ia);
            let pb = find(ib);
            let ma = pa.and_then(|p| members.get(p));
            let mb = pb.and_then(|p| members.get(p));
            let quote = rg.kind == GroupKind::Quote;
            let side = |m: Option<&Member>| match m {
                Some(m) => format!(
                    "{} in {}",
                    m.value
                        .clone()
                        .filter(|_| !quote)
                        .unwrap_or_else(|| crate::claim::quoted(&m.text)),
                    short_id(&m.document)
                ),
                None => "?".into(),
            };
            let expl = if rg.kind == GroupKind::Statement {
                format!(
                    "{why} ({} vs {})",
                    short_id(ma.map_or("", |m| &m.document)),
                    short_id(mb.map_or("", |m| &m.document))
                )
            } else {
                format!("{why}: {} vs {}", side(ma), side(mb))
            };
            let conflict = match (pa, pb) {
                (Some(x), Some(y)) => Some([x, y]),
                _ => None,
            };
            if let (Some(x), Some(y)) = (pa, pb) {
                let (da, db) = differing(
                    &views[ia.view].sents[ia.sent],
                    &views[ib.view].sents[ib.sent],
                );
                members[x].differs = da;
                members[y].differs = db;
            }
            (
                if rg.timing {
                    Verdict::Timing
                } else {
                    Verdict::Conflicting
                },
                (0.5 + 0.5 * sim).min(1.0),
                expl,
                conflict,
            )
        } else if independent(&members) {
            let score = (1.0 - 0.5f64.powi(n as i32)) * (0.6 + 0.4 * sim);
            (
                Verdict::Corroborated,
                score,
                format!(
                    "{n} independent origins ({}) agree on {what}",
                    origin_list.join(", ")
                ),
                None,
            )
        } else {
            let copies = if docs_in > 1 {
                let mut carried: Vec<&str> =
                    members.iter().map(|m| short_id(&m.document)).collect();
                carried.dedup();
                format!(
                    "; {docs_in} documents carry the same copy ({})",
                    carried.join(", ")
                )
            } else {
                String::new()
            };
            let score = if docs_in > 1 { 0.25 + 0.1 * sim } else { 0.25 };
            (
                Verdict::SingleSource,
                score,
                format!(
                    "only {} reports {what}{copies}",
                    origin_list.first().map_or("", String::as_str)
                ),
                None,
            )
        };
        let first = (members[0].doc, members[0].start);
        let rank = match verdict {
            Verdict::Conflicting => 0,
            Verdict::Timing => 1,
            Verdict::Corroborated => 2,
            Verdict::SingleSource => 3,
        };
        out.push((
            rank,
            first.0,
            ClaimGroup {
                id: String::new(),
                kind: rg.kind,
                verdict,
                score: (score * 1000.0).round() / 1000.0,
                origins: origin_list,
                members,
                explanation,
                conflict,
                key,
                unsourced: !sourced,
            },
        ));
    }
    out.sort_by(|x, y| {
        (x.0, x.1, x.2.members[0].start, x.2.kind).cmp(&(y.0, y.1, y.2.members[0].start, y.2.kind))
    });
    out.into_iter()
        .enumerate()
        .map(|(k, (_, _, mut g))| {
            g.id = format!("{story}.G{}", k + 1);
            g
        })
        .collect()
}

/// True when two members in different documents have different origins: one document citing two
/// sources, or two copies of one wire, corroborate nothing.
fn independent(members: &[Member]) -> bool {
    members.iter().any(|a| {
        members
            .iter()
            .any(|b| a.doc != b.doc && a.origin != b.origin)
    })
}

/// The byte spans of two sentences' words that the other sentence lacks (a word diff).
fn differing(a: &SentView, b: &SentView) -> (Vec<[usize; 2]>, Vec<[usize; 2]>) {
    let (mut da, mut db) = (Vec::new(), Vec::new());
    for r in norm::diff(&a.toks, &b.toks) {
        if r.a.is_empty() || r.b.is_empty() {
            // Only replacements are marked: a word one side adds is not a disagreement.
            continue;
        }
        if let (Some(f), Some(l)) = (
            a.toks.get(r.a.start),
            r.a.end.checked_sub(1).and_then(|e| a.toks.get(e)),
        ) {
            da.push([f.start, l.end]);
        }
        if let (Some(f), Some(l)) = (
            b.toks.get(r.b.start),
            r.b.end.checked_sub(1).and_then(|e| b.toks.get(e)),
        ) {
            db.push([f.start, l.end]);
        }
    }
    (da, db)
}

/// A claim an editor checks first when it stands in the lead: a figure that counts, measures or
/// prices something, or a quotation in marks.
fn is_key_kind(it: &Item, doc: &Document) -> bool {
    let Some(c) = it.claim.and_then(|i| doc.claims.get(i)) else {
        return false;
    };
    match &c.detail {
        // "दो देश" is rarely the fact to check; "दो दिवसीय दौरा" (a duration) is.
        ClaimKind::Figure(f) => {
            f.figure != FigureKind::Year && !(f.figure == FigureKind::Count && f.value.abs() < 3.0)
        }
        ClaimKind::Quote(q) => matches!(q.quote, QuoteKind::Direct | QuoteKind::Fragment),
        _ => false,
    }
}

fn describe_kind(kind: GroupKind, members: &[Member]) -> String {
    let v = members.iter().find_map(|m| m.value.clone());
    match (kind, v) {
        (GroupKind::Statement, _) | (_, None) => crate::claim::quoted(
            &members
                .first()
                .map(|m| shorten(&m.text, 60))
                .unwrap_or_default(),
        ),
        (GroupKind::Figure, Some(v)) => format!("the figure {v}"),
        (GroupKind::Time, Some(v)) => format!("the time {v}"),
        (GroupKind::Quote, Some(v)) => format!(
            "the quote of {v}: {}",
            crate::claim::quoted(
                &members
                    .first()
                    .map(|m| shorten(&m.text, 40))
                    .unwrap_or_default()
            )
        ),
    }
}

/// At most `n` characters of `s`, with an ellipsis when cut.
pub fn shorten(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n).collect();
        t.push('…');
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(doc: usize, origin: &str) -> Member {
        Member {
            document: format!("d{doc}"),
            claim: None,
            sentence: 0,
            start: 0,
            end: 0,
            text: String::new(),
            value: None,
            origin: origin.into(),
            differs: Vec::new(),
            frame: None,
            doc,
        }
    }

    #[test]
    fn independence_needs_two_documents_and_two_origins() {
        assert!(independent(&[member(0, "IANS"), member(1, "d1")]));
        // Two copies of one wire.
        assert!(!independent(&[member(0, "IANS"), member(1, "IANS")]));
        // One document citing two sources.
        assert!(!independent(&[member(0, "TASS"), member(0, "d0")]));
    }

    #[test]
    fn shorten_cuts_on_characters() {
        assert_eq!(shorten("दुनिया की सबसे", 6), "दुनिया…");
        assert_eq!(shorten("abc", 6), "abc");
    }
}
