//! Findings of `check`: conflicts between outlets, key claims that rest on one source, and
//! figures no outlet attributes to anyone. Codes are stable; `tathya explain CODE` prints the docs.

use crate::analysis::Document;
use crate::check::origin::short_id;
use crate::check::{ClaimGroup, GroupKind, Member, Story, Verdict};
use crate::claim::{ClaimKind, FigureKind};
use crate::finding::{CodeDoc, Finding, Related, Severity};
use crate::span::Span;

/// Two outlets give incompatible values for the same figure.
pub const CONFLICTING_FIGURE: CodeDoc = CodeDoc {
    code: "C001",
    name: "conflicting-figure",
    severity: Severity::Error,
    what: "Two documents of one story give incompatible values for the same figure: the same measure (deaths, cases, …, or the counted noun) of the same place over the same window, at the same reference time; qualifiers are respected, so \"40% से अधिक\" and \"45%\" agree, and a document that gives both an earlier and a later value agrees with either.",
    why: "One of the outlets has the number wrong, or they count different things under the same words; either way the figure cannot be published without checking.",
    example: "A: \"हमले में 12 लोगों की मौत हो गई\" — B: \"हमले में 21 लोगों की मौत हो गई\"",
};

/// Two outlets date the same event differently.
pub const CONFLICTING_TIME: CodeDoc = CodeDoc {
    code: "C002",
    name: "conflicting-time",
    severity: Severity::Error,
    what: "Two documents of one story put the same event (same event words, same people) on different days; weekdays and relative days are resolved against each page's publication date first.",
    why: "A wrong day is a wrong fact, and often a sign that one outlet rewrote an older copy.",
    example: "A: \"किम ने बुधवार को शोइगु से मुलाकात की\" — B: \"किम ने गुरुवार को शोइगु से मुलाकात की\"",
};

/// Two outlets quote the same words with a word changed.
pub const CONFLICTING_QUOTE: CodeDoc = CodeDoc {
    code: "C003",
    name: "conflicting-quote",
    severity: Severity::Error,
    what: "Two documents put the same quotation in marks, but a word inside the marks differs (and the two words are not listed as synonyms).",
    why: "Words in quote marks promise the speaker's own words; a changed word may change the meaning and misquotes the speaker.",
    example: "A: शोइगु ने इसे \"दुनिया की सबसे मजबूत सेना\" कहा — B: शोइगु ने इसे \"दुनिया की सबसे कमजोर सेना\" कहा",
};

/// Near-identical sentences differ in a number, day or quoted word that no claim covers.
pub const CONFLICTING_STATEMENT: CodeDoc = CodeDoc {
    code: "C004",
    name: "conflicting-statement",
    severity: Severity::Error,
    what: "Two near-identical sentences in documents of one story differ in a number, a weekday or month, or a word in quote marks, and no figure, time or quote claim accounts for the difference.",
    why: "The sentences report the same fact from the same wording, so the changed word is the fact that differs.",
    example: "A: \"प्रतिनिधिमंडल शनिवार को रवाना हुआ\" — B: \"प्रतिनिधिमंडल रविवार को रवाना हुआ\"",
};

/// Two outlets give different values for one figure at different reference times.
pub const FIGURE_TIMING: CodeDoc = CodeDoc {
    code: "C005",
    name: "figure-timing",
    severity: Severity::Info,
    what: "Two documents of one story give different values for the same measure of the same place, and the texts give different reference times for them (\"मंगलवार तक 178\" against \"अब 187\"), or were published on different days.",
    why: "Usually an update, not a contradiction: the report should say as of when its figure holds, and use the latest one.",
    example: "A: \"सोमवार रात तक दिल्ली में 97 मामले\" — B: \"दिल्ली में अब 120 मामले\"",
};

/// A key claim that only one origin reports.
pub const SINGLE_SOURCE_KEY_CLAIM: CodeDoc = CodeDoc {
    code: "C010",
    name: "single-source-key-claim",
    severity: Severity::Warning,
    what: "A figure or a quotation in a document's headline or lead that no other origin in the story reports (copies of the same wire count as one origin).",
    why: "Headline facts are what readers remember; one that rests on a single report deserves a second source before it is repeated.",
    example: "Only one outlet reports \"दो दिवसीय दौरे\" while the others of the story leave the length of the visit out.",
};

/// A figure that no outlet attributes to anyone.
pub const UNBALANCED_ATTRIBUTION: CodeDoc = CodeDoc {
    code: "C011",
    name: "unbalanced-attribution",
    severity: Severity::Info,
    what: "A count, amount, share or measure that no outlet of the story attributes to a source: no sentence holding it has an attribution, a quotation, a wire or a cue such as के अनुसार / ने बताया / according to.",
    why: "A figure with no source cannot be checked back; an editor should know who counted it.",
    example: "\"उत्तर कोरिया ने हजारों सैनिकों को तैनात किया है\" with no \"के अनुसार\" in any outlet.",
};

/// Codes of the consistency findings.
pub const CODES: &[CodeDoc] = &[
    CONFLICTING_FIGURE,
    CONFLICTING_TIME,
    CONFLICTING_QUOTE,
    CONFLICTING_STATEMENT,
    FIGURE_TIMING,
    SINGLE_SOURCE_KEY_CLAIM,
    UNBALANCED_ATTRIBUTION,
];

fn at(code: &'static CodeDoc, m: &Member, message: String) -> Finding {
    let mut f = Finding::new(code, Span::new(m.start, m.end), message);
    f.document = Some(m.document.clone());
    f
}

fn related(m: &Member, message: &str) -> Related {
    Related {
        document: Some(m.document.clone()),
        start: m.start,
        end: m.end,
        message: message.to_string(),
    }
}

fn counts_something(g: &ClaimGroup, docs: &[&Document]) -> bool {
    g.members.iter().any(|m| {
        let Some(c) = m.claim.and_then(|i| docs.get(m.doc).and_then(|d| d.claims.get(i))) else {
            return false;
        };
        matches!(&c.detail, ClaimKind::Figure(f) if matches!(f.figure, FigureKind::Count | FigureKind::Money | FigureKind::Percent | FigureKind::Measure))
    })
}

/// The findings of one story whose `groups` were just decided (members naming documents by their
/// position in `docs`, the story's documents), sorted by severity (highest first), document and
/// span. A run's findings are every story's, story by story.
pub fn findings(s: &Story, groups: &[ClaimGroup], docs: &[&Document]) -> Vec<Finding> {
    let mut out: Vec<(Finding, usize)> = Vec::new();
    for g in groups {
        let Some(first) = g.members.first() else {
            continue;
        };
        match g.verdict {
            Verdict::Conflicting => {
                let code = match g.kind {
                    GroupKind::Figure => &CONFLICTING_FIGURE,
                    GroupKind::Time => &CONFLICTING_TIME,
                    GroupKind::Quote => &CONFLICTING_QUOTE,
                    GroupKind::Statement => &CONFLICTING_STATEMENT,
                };
                let [a, b] = g.shown_pair();
                let (Some(ma), Some(mb)) = (g.members.get(a), g.members.get(b)) else {
                    continue;
                };
                let mut f = at(code, ma, format!("{} ({})", g.explanation, g.id));
                f.related.push(related(
                    mb,
                    &format!("the other side, in {}", short_id(&mb.document)),
                ));
                out.push((f, ma.doc));
            }
            Verdict::Timing => {
                let [a, b] = g.shown_pair();
                let (Some(ma), Some(mb)) = (g.members.get(a), g.members.get(b)) else {
                    continue;
                };
                let mut f = at(&FIGURE_TIMING, ma, format!("{} ({})", g.explanation, g.id));
                f.related.push(related(
                    mb,
                    &format!("the other value, in {}", short_id(&mb.document)),
                ));
                out.push((f, ma.doc));
            }
            Verdict::SingleSource if g.key && g.kind != GroupKind::Statement => {
                let mut f = at(
                    &SINGLE_SOURCE_KEY_CLAIM,
                    first,
                    format!(
                        "{} — no other origin in story {} reports it ({})",
                        first.text, s.id, g.id
                    ),
                );
                for m in g.members.iter().skip(1) {
                    f.related.push(related(m, "the same claim, same origin"));
                }
                out.push((f, first.doc));
            }
            _ => {}
        }
        if g.kind == GroupKind::Figure && g.unsourced && counts_something(g, docs) {
            let mut f = at(
                &UNBALANCED_ATTRIBUTION,
                first,
                format!(
                    "no outlet says who gives the figure {} ({})",
                    first.text, g.id
                ),
            );
            for m in g.members.iter().skip(1) {
                f.related
                    .push(related(m, "the same figure, also unattributed"));
            }
            out.push((f, first.doc));
        }
    }
    out.sort_by(|x, y| {
        (
            std::cmp::Reverse(x.0.severity),
            x.1,
            x.0.start,
            x.0.end,
            x.0.code,
        )
            .cmp(&(
                std::cmp::Reverse(y.0.severity),
                y.1,
                y.0.start,
                y.0.end,
                y.0.code,
            ))
    });
    out.into_iter().map(|x| x.0).collect()
}
