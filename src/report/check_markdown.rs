//! The Markdown report of `tathya check`, for a desk's wiki or a pull request: one section per
//! story, a table per verdict, conflicts with both sentences and the differing words in bold.

use std::fmt::Write as _;

use crate::check::origin::short_id;
use crate::check::verdict::shorten;
use crate::check::{CheckReport, ClaimGroup, Member, Verdict};
use crate::document::Document;
use crate::report::escape;

/// Input text for a table cell or a line: white space folded, Markdown and HTML escaped.
fn cell(s: &str) -> String {
    fold(&escape::markdown(s))
}

fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn sentence(docs: &[Document], m: &Member, bold: bool) -> String {
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

fn table(out: &mut String, docs: &[Document], groups: &[&ClaimGroup]) {
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
                format!("{} {what}", escape::code_span(short_id(&m.document)))
            })
            .collect();
        let _ = writeln!(
            out,
            "| {} | {} | {:.2} | {} | {} | {} |",
            g.id,
            g.kind.as_str(),
            g.score,
            cell(&g.origins.join(", ")),
            cell(&g.explanation),
            members.join("<br>")
        );
    }
    let _ = docs;
}

/// Render a check report as Markdown.
pub fn report(r: &CheckReport, docs: &[Document]) -> String {
    let mut out = String::from("# tathya check\n");
    for d in docs.iter().filter(|d| d.is_failed()) {
        let _ = writeln!(
            out,
            "\n> **error** {}: {}",
            escape::code_span(&d.id),
            cell(&d.errors.join("; "))
        );
    }
    for s in &r.stories {
        let _ = writeln!(out, "\n## Story {}\n\n{}\n", s.id, cell(&s.reason));
        for id in &s.documents {
            let _ = writeln!(out, "- {}", escape::code_span(id));
        }
        let conflicts: Vec<&ClaimGroup> = s
            .groups
            .iter()
            .filter(|g| g.verdict == Verdict::Conflicting)
            .collect();
        if !conflicts.is_empty() {
            let _ = writeln!(out, "\n### Conflicts ({})\n", conflicts.len());
            for g in &conflicts {
                let _ = writeln!(
                    out,
                    "- **{}** {} ({:.2}): {}",
                    g.id,
                    g.kind.as_str(),
                    g.score,
                    cell(&g.explanation)
                );
                let [a, b] = g.conflict.unwrap_or([0, g.members.len().saturating_sub(1)]);
                for k in [a, b] {
                    if let Some(m) = g.members.get(k) {
                        let _ = writeln!(
                            out,
                            "  - {}: {}",
                            escape::code_span(short_id(&m.document)),
                            sentence(docs, m, true)
                        );
                    }
                }
            }
        }
        for (verdict, title) in [
            (Verdict::Corroborated, "Corroborated"),
            (Verdict::SingleSource, "Single source"),
        ] {
            let groups: Vec<&ClaimGroup> =
                s.groups.iter().filter(|g| g.verdict == verdict).collect();
            if groups.is_empty() {
                continue;
            }
            let _ = writeln!(out, "\n### {title} ({})\n", groups.len());
            table(&mut out, docs, &groups);
        }
    }
    if !r.findings.is_empty() {
        let _ = writeln!(out, "\n## Findings ({})\n", r.findings.len());
        out.push_str("| code | severity | document | message |\n|---|---|---|---|\n");
        for f in &r.findings {
            let _ = writeln!(
                out,
                "| {} {} | {} | {} | {} |",
                f.code,
                f.name,
                f.severity.as_str(),
                escape::code_span(short_id(f.document.as_deref().unwrap_or(""))),
                cell(&f.message)
            );
        }
    }
    out
}
