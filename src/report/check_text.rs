//! The terminal report of `tathya check`, story by story: conflicts first (both sentences shown,
//! the differing words marked ⟦like this⟧), then what independent origins agree on, then what
//! rests on one source, then the findings. Positions are line:column in characters.

use std::fmt::Write as _;

use crate::check::origin::short_id;
use crate::check::verdict::shorten;
use crate::check::{CheckReport, ClaimGroup, Member, Story, Verdict};
use crate::document::Document;
use crate::report::Style;
use crate::span::LineIndex;

/// Sentence text kept on one line, at most this many characters (conflicts show it whole).
const SENTENCE_CHARS: usize = 110;

struct Ctx<'a> {
    docs: &'a [Document],
    lines: Vec<Option<LineIndex>>,
    style: &'a Style,
}

impl Ctx<'_> {
    fn pos(&mut self, doc: usize, offset: usize) -> String {
        let Some(d) = self.docs.get(doc) else {
            return "?".into();
        };
        let idx = self.lines[doc].get_or_insert_with(|| LineIndex::new(&d.text));
        let (l, c) = idx.line_col(&d.text, offset);
        format!("{l}:{c}")
    }

    fn sentence(&self, m: &Member) -> Option<(usize, usize)> {
        let d = self.docs.get(m.doc)?;
        let s = d
            .sentences
            .get(m.sentence)
            .filter(|s| s.index == m.sentence)
            .or_else(|| d.sentences.iter().find(|s| s.index == m.sentence))?;
        Some((s.start, s.end))
    }

    /// The member's sentence on one line, with `marks` wrapped in ⟦ ⟧ (or coloured).
    fn marked(&self, m: &Member, marks: &[[usize; 2]], whole: bool) -> String {
        let Some((s, e)) = self.sentence(m) else {
            return m.text.clone();
        };
        let Some(d) = self.docs.get(m.doc) else {
            return m.text.clone();
        };
        let mut out = String::new();
        let mut at = s;
        let mut spans: Vec<[usize; 2]> = marks
            .iter()
            .copied()
            .filter(|x| x[0] >= s && x[1] <= e && x[0] < x[1])
            .collect();
        spans.sort_unstable();
        for [a, b] in spans {
            if a < at {
                continue;
            }
            out.push_str(d.text.get(at..a).unwrap_or(""));
            let word = d.text.get(a..b).unwrap_or("");
            if self.style.color {
                out.push_str(&self.style.paint("31;1", word));
            } else {
                out.push('⟦');
                out.push_str(word);
                out.push('⟧');
            }
            at = b;
        }
        out.push_str(d.text.get(at..e).unwrap_or(""));
        let line = out.split_whitespace().collect::<Vec<_>>().join(" ");
        if whole {
            line
        } else {
            shorten(&line, SENTENCE_CHARS)
        }
    }
}

fn head(style: &Style, g: &ClaimGroup) -> String {
    let mark = match g.verdict {
        Verdict::Conflicting => style.paint("31;1", "✗"),
        Verdict::Corroborated => style.paint("32;1", "✓"),
        Verdict::SingleSource => style.paint("33", "·"),
    };
    format!(
        "{mark} {} {} {:.2}  {}",
        style.paint("1", &g.id),
        g.kind.as_str(),
        g.score,
        super::escape::terminal_line(&g.explanation)
    )
}

fn story(out: &mut String, cx: &mut Ctx, s: &Story) {
    let style = cx.style;
    let _ = writeln!(
        out,
        "{} · {} document{} · {}",
        style.paint("1", &format!("Story {}", s.id)),
        s.documents.len(),
        if s.documents.len() == 1 { "" } else { "s" },
        s.reason
    );
    for &i in &s.doc_indices {
        if let Some(d) = cx.docs.get(i) {
            let published = d
                .published
                .map(|p| p.format("%Y-%m-%d").to_string())
                .unwrap_or_else(|| "date unknown".into());
            let _ = writeln!(
                out,
                "  {}  ({published})",
                super::escape::terminal_line(&d.id)
            );
        }
    }
    let sections = [
        (Verdict::Conflicting, "Conflicts"),
        (Verdict::Corroborated, "Corroborated"),
        (Verdict::SingleSource, "Single source"),
    ];
    for (verdict, title) in sections {
        let groups: Vec<&ClaimGroup> = s.groups.iter().filter(|g| g.verdict == verdict).collect();
        if groups.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n  {} ({})", style.paint("1", title), groups.len());
        for g in groups {
            let _ = writeln!(out, "    {}", head(style, g));
            match verdict {
                Verdict::Conflicting => {
                    let [a, b] = g.conflict.unwrap_or([0, g.members.len().saturating_sub(1)]);
                    for k in [a, b] {
                        if let Some(m) = g.members.get(k) {
                            let pos = cx.pos(m.doc, m.start);
                            let _ = writeln!(
                                out,
                                "      {} {}  {}",
                                super::escape::terminal_line(short_id(&m.document)),
                                pos,
                                cx.marked(m, &m.differs, true)
                            );
                        }
                    }
                    let others = g.members.len().saturating_sub(2);
                    if others > 0 {
                        let _ = writeln!(
                            out,
                            "      (+{others} more member{})",
                            if others == 1 { "" } else { "s" }
                        );
                    }
                }
                _ => {
                    for m in &g.members {
                        let pos = cx.pos(m.doc, m.start);
                        let claim = if m.claim.is_some() {
                            format!("{} in ", super::quoted(&shorten(&m.text, 40)))
                        } else {
                            String::new()
                        };
                        let _ = writeln!(
                            out,
                            "      {} {}  {}{}",
                            super::escape::terminal_line(short_id(&m.document)),
                            pos,
                            claim,
                            cx.marked(m, &[], false)
                        );
                    }
                }
            }
        }
    }
}

/// Render a check report for a terminal (or a file, without colour).
pub fn report(r: &CheckReport, docs: &[Document], style: &Style) -> String {
    let mut out = String::new();
    let mut cx = Ctx {
        docs,
        lines: (0..docs.len()).map(|_| None).collect(),
        style,
    };
    for d in docs.iter().filter(|d| d.is_failed()) {
        let _ = writeln!(
            out,
            "{}: {} {}\n",
            super::escape::terminal_line(&d.id),
            style.paint("31;1", "error:"),
            super::escape::terminal_line(&d.errors.join("; "))
        );
    }
    for (k, s) in r.stories.iter().enumerate() {
        if k > 0 {
            out.push('\n');
        }
        story(&mut out, &mut cx, s);
    }
    if !r.findings.is_empty() {
        let _ = writeln!(
            out,
            "\n{} ({})",
            style.paint("1", "Findings"),
            r.findings.len()
        );
        for f in &r.findings {
            let doc = f.document.as_deref().unwrap_or("");
            let pos = docs
                .iter()
                .position(|d| d.id == doc)
                .map(|i| cx.pos(i, f.start))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "  {} {} {} {}:{}  {}",
                style.paint("33", f.code),
                f.severity.as_str(),
                f.name,
                super::escape::terminal_line(short_id(doc)),
                pos,
                super::escape::terminal_line(&f.message)
            );
        }
    }
    let (c, x, s) = r
        .stories
        .iter()
        .flat_map(|s| &s.groups)
        .fold((0, 0, 0), |acc, g| match g.verdict {
            Verdict::Corroborated => (acc.0 + 1, acc.1, acc.2),
            Verdict::Conflicting => (acc.0, acc.1 + 1, acc.2),
            Verdict::SingleSource => (acc.0, acc.1, acc.2 + 1),
        });
    let _ = writeln!(
        out,
        "\n{} stories · {c} corroborated · {x} conflicting · {s} single-source groups · {} findings",
        r.stories.len(),
        r.findings.len()
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{CheckOptions, check};
    use crate::grammar::Grammars;

    #[test]
    fn a_conflict_shows_both_sentences_with_the_changed_word_marked() {
        let p = chrono::NaiveDate::from_ymd_opt(2023, 7, 27);
        let g = Grammars::builtin();
        let doc =
            |id: &str, t: &str| crate::analyze(id, t.to_string(), p, &crate::Options::default(), g);
        let docs = vec![
            doc(
                "a.txt",
                "किम जोंग उन ने बुधवार को रूस के रक्षा मंत्री सर्गेई शोइगु से मुलाकात की।",
            ),
            doc(
                "b.txt",
                "किम जोंग उन ने गुरुवार को रूस के रक्षा मंत्री सर्गेई शोइगु से मुलाकात की।",
            ),
        ];
        let r = check(&docs, &CheckOptions::default(), g);
        let out = report(&r, &docs, &Style { color: false });
        assert!(out.contains("Conflicts (1)"), "{out}");
        assert!(out.contains("⟦बुधवार⟧") && out.contains("⟦गुरुवार⟧"), "{out}");
        assert!(out.contains("C002"), "{out}");
    }
}
