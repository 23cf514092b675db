//! The terminal report of `tathya check`, story by story: conflicts first (both sentences shown,
//! the differing words marked ⟦like this⟧), then what independent origins agree on, then what
//! rests on one source, then the findings. Positions are line:column in characters.

use std::collections::BTreeMap;

use crate::tokens::FxHashMap as HashMap;
use std::fmt::Write as _;

use crate::analysis::Document;
use crate::check::origin::short_id;
use crate::check::verdict::shorten;
use crate::check::{CheckReport, ClaimGroup, Member, Story};
use crate::finding::Finding;
use crate::report::{Docs, Show, Style, outlet_and_file};
use crate::span::LineIndex;

/// Sentence text kept on one line, at most this many characters (conflicts show it whole).
const SENTENCE_CHARS: usize = 110;

struct Ctx<'a> {
    docs: Docs<'a>,
    lines: HashMap<usize, LineIndex>,
    style: &'a Style,
}

impl<'a> Ctx<'a> {
    fn new(docs: Docs<'a>, style: &'a Style) -> Self {
        Ctx {
            docs,
            lines: HashMap::default(),
            style,
        }
    }

    fn pos(&mut self, doc: usize, offset: usize) -> String {
        let Some(d) = self.docs.get(doc) else {
            return "?".into();
        };
        let idx = self
            .lines
            .entry(doc)
            .or_insert_with(|| LineIndex::new(&d.text));
        let (l, c) = idx.line_col(&d.text, offset);
        format!("{l}:{c}")
    }

    /// The member's outlet and file: `IANS 000_….txt`.
    fn who(&self, m: &Member) -> String {
        self.docs
            .get(m.doc)
            .map(outlet_and_file)
            .unwrap_or_else(|| short_id(&m.document).to_string())
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

/// A figure's frame in one line: "deaths · India (clause) · cumulative · as of 2020-03-31 (मंगलवार तक)".
pub fn frame_line(f: &crate::extract::frame::Frame) -> String {
    let mut parts: Vec<String> = vec![
        f.measure
            .clone()
            .unwrap_or_else(|| "measure unknown".into()),
    ];
    parts.push(match &f.scope {
        Some(s) => {
            let from = format!("{:?}", s.from).to_lowercase();
            if s.pointed {
                format!("{} (“{}”, {from})", s.entity, s.text)
            } else {
                format!("{} ({from})", s.entity)
            }
        }
        None => "place unknown".into(),
    });
    if let Some(w) = f.window {
        parts.push(format!("{w:?}").to_lowercase());
    }
    if let Some(a) = &f.as_of {
        parts.push(format!(
            "as of {} (“{}”)",
            a.value.as_deref().unwrap_or("?"),
            a.text
        ));
    }
    if f.role != crate::extract::frame::Role::Value {
        parts.push(format!("{:?}", f.role).to_lowercase());
    }
    parts.join(" · ")
}

fn head(style: &Style, g: &ClaimGroup) -> String {
    let mark = match g.verdict.as_str() {
        "conflicting" => style.paint("31;1", "✗"),
        "timing" => style.paint("36;1", "⧖"),
        "corroborated" => style.paint("32;1", "✓"),
        "single_source" => style.paint("33", "·"),
        _ => style.paint("33;1", "≠"),
    };
    format!(
        "{mark} {} {} {:.2}  {}",
        style.paint("1", &g.id),
        g.kind.as_str(),
        g.score,
        super::escape::terminal_line(&g.explanation)
    )
}

/// Sections of the report: verdicts in the order an editor reads them; a verdict not named here
/// gets a section after them, titled by its name.
const SECTIONS: &[(&str, &str)] = &[
    ("conflicting", "Conflicts"),
    ("timing", "Timing differences"),
    ("corroborated", "Corroborated"),
    ("single_source", "Single source"),
];

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// How many groups of each verdict a list leaves out: `17 corroborated, 57 single-source`.
fn unlisted(groups: &[&ClaimGroup]) -> String {
    let mut by: Vec<(&str, usize)> = Vec::new();
    for g in groups {
        let v = g.verdict.as_str();
        match by.iter_mut().find(|(x, _)| *x == v) {
            Some(e) => e.1 += 1,
            None => by.push((v, 1)),
        }
    }
    by.sort_by_key(|(v, _)| {
        SECTIONS
            .iter()
            .position(|(s, _)| s == v)
            .unwrap_or(SECTIONS.len())
    });
    by.iter()
        .map(|(v, n)| format!("{n} {}", v.replace('_', "-")))
        .collect::<Vec<_>>()
        .join(", ")
}

fn story(out: &mut String, cx: &mut Ctx, s: &Story, show: Show) {
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
            if d.outlet == crate::document::file_name(&d.id) {
                let _ = writeln!(
                    out,
                    "  {}  ({published})",
                    super::escape::terminal_line(&d.id)
                );
            } else {
                let _ = writeln!(
                    out,
                    "  {}  {}  ({published})",
                    super::escape::terminal_line(&d.outlet),
                    super::escape::terminal_line(&d.id)
                );
            }
        }
    }
    let mut sections: Vec<(&str, String)> =
        SECTIONS.iter().map(|(v, t)| (*v, t.to_string())).collect();
    for g in &s.groups {
        let v = g.verdict.as_str();
        if !sections.iter().any(|(x, _)| *x == v) {
            sections.push((v, v.replace('_', " ")));
        }
    }
    for (verdict, title) in sections {
        let groups: Vec<&ClaimGroup> = s
            .groups
            .iter()
            .filter(|g| g.verdict.as_str() == verdict && show.lists(g))
            .collect();
        if groups.is_empty() {
            continue;
        }
        let title = if verdict == "single_source" && show != Show::All {
            "Single-source key claims".to_string()
        } else {
            title
        };
        let _ = writeln!(out, "\n  {} ({})", style.paint("1", &title), groups.len());
        for g in groups {
            let _ = writeln!(out, "    {}", head(style, g));
            match verdict {
                "conflicting" | "timing" => {
                    let [a, b] = g.shown_pair();
                    for k in [a, b] {
                        if let Some(m) = g.members.get(k) {
                            let pos = cx.pos(m.doc, m.start);
                            let _ = writeln!(
                                out,
                                "      {} {}  {}",
                                super::escape::terminal_line(&cx.who(m)),
                                pos,
                                cx.marked(m, &m.differs, true)
                            );
                            if let Some(f) = &m.frame {
                                let _ = writeln!(out, "        {}", frame_line(f));
                            }
                        }
                    }
                    let others = g.members.len().saturating_sub(2);
                    if others > 0 {
                        let _ = writeln!(
                            out,
                            "      (+{})",
                            plural(others, "more member", "more members")
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
                            super::escape::terminal_line(&cx.who(m)),
                            pos,
                            claim,
                            cx.marked(m, &[], false)
                        );
                    }
                }
            }
        }
    }
    let hidden: Vec<&ClaimGroup> = s.groups.iter().filter(|g| !show.lists(g)).collect();
    if !hidden.is_empty() {
        let _ = writeln!(
            out,
            "\n  {}",
            style.paint(
                "2",
                &format!("not listed: {} (--show all lists them)", unlisted(&hidden))
            )
        );
    }
}

/// Render a check report for a terminal (or a file, without colour), listing every group.
pub fn report(r: &CheckReport, docs: &[Document], style: &Style) -> String {
    report_showing(r, docs, style, Show::All)
}

/// Render a check report listing the groups `show` selects; the others are counted per story.
pub fn report_showing(r: &CheckReport, docs: &[Document], style: &Style, show: Show) -> String {
    let mut w = Writer::new(Vec::new(), *style, show, false);
    // Writing to memory does not fail.
    for s in &r.stories {
        let _ = w.story(s, Docs::All(docs));
    }
    w.findings(&r.findings, Docs::All(docs));
    String::from_utf8(w.finish().unwrap_or_default()).unwrap_or_default()
}

/// The terminal report written story by story as each is decided: only the findings' lines (a
/// line each) and the totals are held until [`Writer::finish`].
pub struct Writer<W: std::io::Write> {
    w: W,
    style: Style,
    show: Show,
    escape: bool,
    stories: usize,
    verdicts: BTreeMap<&'static str, usize>,
    findings: Vec<String>,
}

impl<W: std::io::Write> Writer<W> {
    /// A report written to `w`; with `escape`, every piece passes [`super::escape::listing`]
    /// (for a terminal).
    pub fn new(w: W, style: Style, show: Show, escape: bool) -> Self {
        Writer {
            w,
            style,
            show,
            escape,
            stories: 0,
            verdicts: BTreeMap::new(),
            findings: Vec::new(),
        }
    }

    fn put(&mut self, text: &str) -> std::io::Result<()> {
        if self.escape {
            self.w
                .write_all(super::escape::listing(text, self.style.color).as_bytes())
        } else {
            self.w.write_all(text.as_bytes())
        }
    }

    /// Write story `s`, reading its documents from `docs`.
    pub fn story(&mut self, s: &Story, docs: Docs) -> std::io::Result<()> {
        let mut out = String::new();
        if self.stories > 0 {
            out.push('\n');
        }
        self.stories += 1;
        for g in &s.groups {
            *self.verdicts.entry(g.verdict.as_str()).or_default() += 1;
        }
        let mut cx = Ctx::new(docs, &self.style);
        story(&mut out, &mut cx, s, self.show);
        self.put(&out)
    }

    /// Note findings (their documents in `docs`), listed after the last story.
    pub fn findings(&mut self, findings: &[Finding], docs: Docs) {
        let style = self.style;
        let mut cx = Ctx::new(docs, &style);
        for f in findings {
            let doc = f.document.as_deref().unwrap_or("");
            let pos = docs
                .position(doc)
                .map(|i| cx.pos(i, f.start))
                .unwrap_or_default();
            self.findings.push(format!(
                "  {} {} {} {}:{}  {}\n",
                style.paint("33", f.code),
                f.severity.as_str(),
                f.name,
                super::escape::terminal_line(short_id(doc)),
                pos,
                super::escape::terminal_line(&f.message)
            ));
        }
    }

    /// Write the findings and the totals; the writer back.
    pub fn finish(mut self) -> std::io::Result<W> {
        let style = self.style;
        let total = self.findings.len();
        let mut out = String::new();
        if total > 0 {
            let _ = writeln!(out, "\n{} ({})", style.paint("1", "Findings"), total);
        }
        for line in std::mem::take(&mut self.findings) {
            out.push_str(&line);
            if out.len() > 1 << 16 {
                self.put(&out)?;
                out.clear();
            }
        }
        let n = |v: &str| self.verdicts.get(v).copied().unwrap_or(0);
        let _ = writeln!(
            out,
            "\n{} · {} corroborated · {} conflicting · {} · {} · {}",
            plural(self.stories, "story", "stories"),
            n("corroborated"),
            n("conflicting"),
            plural(n("timing"), "timing difference", "timing differences"),
            plural(
                n("single_source"),
                "single-source group",
                "single-source groups"
            ),
            plural(total, "finding", "findings")
        );
        self.put(&out)?;
        self.w.flush()?;
        Ok(self.w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Grammars;
    use crate::check::{CheckOptions, check};

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
