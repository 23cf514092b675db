//! The Markdown report of `tathya check`, for a desk's wiki or a pull request: one section per
//! story, a table per verdict, conflicts with both sentences and the differing words in bold.

use std::fmt::Write as _;

use crate::analysis::Document;
use crate::check::origin::short_id;
use crate::check::verdict::shorten;
use crate::check::{CheckReport, ClaimGroup, Member, Story};
use crate::finding::Finding;
use crate::report::escape;
use crate::report::{Docs, Show, origin_name, outlet_and_file};

/// Input text for a table cell or a line: white space folded, Markdown and HTML escaped.
fn cell(s: &str) -> String {
    fold(&escape::markdown(s))
}

fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn sentence(docs: Docs, m: &Member, bold: bool) -> String {
    let Some(d) = docs.get(m.doc) else {
        return cell(&m.text);
    };
    let Some(s) = d.sentences.iter().find(|s| s.index == m.sentence) else {
        return cell(&m.text);
    };
    let mut out = String::new();
    let mut at = s.start;
    let mut marks: Vec<[usize; 2]> = if bold { m.differs.clone() } else { Vec::new() };
    marks.sort_unstable();
    for [a, b] in marks {
        if a < at || b > s.end || a >= b {
            continue;
        }
        out.push_str(&escape::markdown(d.text.get(at..a).unwrap_or("")));
        let _ = write!(
            out,
            "**{}**",
            escape::markdown(d.text.get(a..b).unwrap_or(""))
        );
        at = b;
    }
    out.push_str(&escape::markdown(d.text.get(at..s.end).unwrap_or("")));
    fold(&out)
}

fn table(out: &mut String, docs: Docs, groups: &[&ClaimGroup]) {
    out.push_str(
        "| group | kind | score | origins | explanation | members |\n|---|---|---|---|---|---|\n",
    );
    for g in groups {
        let members: Vec<String> = g
            .members
            .iter()
            .map(|m| {
                let what = if m.claim.is_some() {
                    cell(&super::quoted(&shorten(&m.text, 40)))
                } else {
                    cell(&shorten(&m.text, 60))
                };
                let who = docs
                    .get(m.doc)
                    .map(outlet_and_file)
                    .unwrap_or_else(|| short_id(&m.document).to_string());
                format!("{} {what}", escape::code_span(&who))
            })
            .collect();
        let origins: Vec<&str> = g.origins.iter().map(|o| origin_name(o, docs)).collect();
        let _ = writeln!(
            out,
            "| {} | {} | {:.2} | {} | {} | {} |",
            g.id,
            g.kind.as_str(),
            g.score,
            cell(&origins.join(", ")),
            cell(&g.explanation),
            members.join("<br>")
        );
    }
}

/// Render a check report as Markdown, listing every group.
pub fn report(r: &CheckReport, docs: &[Document]) -> String {
    report_showing(r, docs, Show::All)
}

/// Render a check report as Markdown, listing the groups `show` selects; the others are counted
/// per story.
pub fn report_showing(r: &CheckReport, docs: &[Document], show: Show) -> String {
    // Documents that could not be read are reported once, on standard error, by the binary.
    let failed = docs
        .iter()
        .filter(|d| d.is_failed())
        .map(|d| (d.id.as_str(), d.errors.as_slice()));
    // Writing to memory does not fail.
    let Ok(mut w) = Writer::new(Vec::new(), show, failed) else {
        return String::new();
    };
    for s in &r.stories {
        let _ = w.story(s, Docs::All(docs));
    }
    w.findings(&r.findings);
    String::from_utf8(w.finish().unwrap_or_default()).unwrap_or_default()
}

/// The Markdown report written story by story as each is decided: only the findings' rows are
/// held until [`Writer::finish`].
pub struct Writer<W: std::io::Write> {
    w: W,
    show: Show,
    findings: Vec<String>,
}

impl<W: std::io::Write> Writer<W> {
    /// Start the report on `w`: its title and the documents that could not be read (id, errors).
    pub fn new<'a>(
        mut w: W,
        show: Show,
        failed: impl IntoIterator<Item = (&'a str, &'a [String])>,
    ) -> std::io::Result<Self> {
        let mut out = String::from("# tathya check\n");
        for (id, errors) in failed {
            let _ = writeln!(
                out,
                "\n> **error** {}: {}",
                escape::code_span(id),
                cell(&errors.join("; "))
            );
        }
        w.write_all(out.as_bytes())?;
        Ok(Writer {
            w,
            show,
            findings: Vec::new(),
        })
    }

    /// Write story `s`, reading its documents from `docs`.
    pub fn story(&mut self, s: &Story, docs: Docs) -> std::io::Result<()> {
        let mut out = String::new();
        story(&mut out, docs, s, self.show);
        self.w.write_all(out.as_bytes())
    }

    /// Note findings, listed after the last story.
    pub fn findings(&mut self, findings: &[Finding]) {
        for f in findings {
            self.findings.push(format!(
                "| {} {} | {} | {} | {} |\n",
                f.code,
                f.name,
                f.severity.as_str(),
                escape::code_span(short_id(f.document.as_deref().unwrap_or(""))),
                cell(&f.message)
            ));
        }
    }

    /// Write the findings; the writer back.
    pub fn finish(mut self) -> std::io::Result<W> {
        if !self.findings.is_empty() {
            let mut out = String::new();
            let _ = writeln!(out, "\n## Findings ({})\n", self.findings.len());
            out.push_str("| code | severity | document | message |\n|---|---|---|---|\n");
            for row in std::mem::take(&mut self.findings) {
                out.push_str(&row);
                if out.len() > 1 << 16 {
                    self.w.write_all(out.as_bytes())?;
                    out.clear();
                }
            }
            self.w.write_all(out.as_bytes())?;
        }
        self.w.flush()?;
        Ok(self.w)
    }
}

fn story(out: &mut String, docs: Docs, s: &Story, show: Show) {
    let _ = writeln!(out, "\n## Story {}\n\n{}\n", s.id, cell(&s.reason));
    for &i in &s.doc_indices {
        if let Some(d) = docs.get(i) {
            if d.outlet == crate::document::file_name(&d.id) {
                let _ = writeln!(out, "- {}", escape::code_span(&d.id));
            } else {
                let _ = writeln!(out, "- {} {}", cell(&d.outlet), escape::code_span(&d.id));
            }
        }
    }
    for (verdict, title) in [
        ("conflicting", "Conflicts"),
        ("timing", "Timing differences"),
    ] {
        let conflicts: Vec<&ClaimGroup> = s
            .groups
            .iter()
            .filter(|g| g.verdict.as_str() == verdict && show.lists(g))
            .collect();
        if conflicts.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n### {title} ({})\n", conflicts.len());
        for g in &conflicts {
            let _ = writeln!(
                out,
                "- **{}** {} ({:.2}): {}",
                g.id,
                g.kind.as_str(),
                g.score,
                cell(&g.explanation)
            );
            let [a, b] = g.shown_pair();
            for k in [a, b] {
                if let Some(m) = g.members.get(k) {
                    let who = docs
                        .get(m.doc)
                        .map(outlet_and_file)
                        .unwrap_or_else(|| short_id(&m.document).to_string());
                    let _ = writeln!(
                        out,
                        "  - {}: {}",
                        escape::code_span(&who),
                        sentence(docs, m, true)
                    );
                    if let Some(f) = &m.frame {
                        let _ = writeln!(
                            out,
                            "    - frame: {}",
                            cell(&super::check_text::frame_line(f))
                        );
                    }
                }
            }
        }
    }
    let mut rest: Vec<(&str, String)> = vec![
        ("corroborated", "Corroborated".into()),
        (
            "single_source",
            if show == Show::All {
                "Single source".into()
            } else {
                "Single-source key claims".into()
            },
        ),
    ];
    for g in &s.groups {
        let v = g.verdict.as_str();
        if !matches!(v, "conflicting" | "timing") && !rest.iter().any(|(x, _)| *x == v) {
            rest.push((v, v.replace('_', " ")));
        }
    }
    for (verdict, title) in rest {
        let groups: Vec<&ClaimGroup> = s
            .groups
            .iter()
            .filter(|g| g.verdict.as_str() == verdict && show.lists(g))
            .collect();
        if groups.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n### {title} ({})\n", groups.len());
        table(out, docs, &groups);
    }
    let hidden = s.groups.iter().filter(|g| !show.lists(g)).count();
    if hidden > 0 {
        let _ = writeln!(
            out,
            "\n_{hidden} more group{} not listed (`--show all` lists them)._",
            if hidden == 1 { "" } else { "s" }
        );
    }
}
