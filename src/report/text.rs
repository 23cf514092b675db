//! The readable listing of `tathya claims`: one block per document, one line per claim with its
//! sentence, line:column (characters), kind, value and text.

use std::fmt::Write as _;

use unicode_width::UnicodeWidthStr;

use crate::analysis::Document;

use crate::report::Style;
use crate::span::LineIndex;

pub use crate::claim::describe;

/// Longest claim text shown in the listing, in characters; the JSON always has the whole span.
const MAX_TEXT_CHARS: usize = 90;

/// The text on one line, white space folded, cut at [`MAX_TEXT_CHARS`] with an ellipsis.
fn one_line(s: &str) -> String {
    let folded = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if folded.chars().count() <= MAX_TEXT_CHARS {
        return folded;
    }
    let mut cut: String = folded.chars().take(MAX_TEXT_CHARS - 1).collect();
    cut.push('…');
    cut
}

/// Render one document's claims.
pub fn document(doc: &Document, style: &Style) -> String {
    let mut out = String::new();
    if doc.is_failed() {
        // The binary reports it once, on standard error.
        return out;
    }
    let published = doc
        .published
        .map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_else(|| "unknown".into());
    let body = doc.sentences.iter().filter(|s| !s.chrome).count();
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let _ = write!(
        out,
        "{}  {} · published {} · {} ({} chrome) · {}",
        style.paint("1", &super::escape::terminal_line(&doc.id)),
        doc.lang.as_str(),
        published,
        plural(doc.sentences.len(), "sentence", "sentences"),
        doc.sentences.len() - body,
        plural(doc.claims.len(), "claim", "claims")
    );
    if let Some(d) = &doc.dateline {
        let _ = write!(out, " · dateline {}", d.city);
    }
    out.push('\n');
    let idx = LineIndex::new(&doc.text);
    let rows: Vec<(String, String, String, String, String)> = doc
        .claims
        .iter()
        .map(|c| {
            let (line, col) = idx.line_col(&doc.text, c.start);
            let (kind, value) = describe(c);
            (
                format!("s{}", c.sentence),
                format!("{line}:{col}"),
                kind,
                value,
                one_line(&c.text),
            )
        })
        .collect();
    // Columns line up by display width (a Devanagari vowel sign or virama takes no column of
    // its own), not by characters.
    let w = |f: fn(&(String, String, String, String, String)) -> &String| {
        rows.iter().map(|r| f(r).width()).max().unwrap_or(0)
    };
    let (w0, w1, w2, w3) = (w(|r| &r.0), w(|r| &r.1), w(|r| &r.2), w(|r| &r.3));
    for (s, pos, kind, value, text) in &rows {
        let pad = |s: &str, w: usize| format!("{s}{}", " ".repeat(w.saturating_sub(s.width())));
        let _ = writeln!(
            out,
            "  {}  {}  {}  {}  {}",
            style.paint("2", &pad(s, w0)),
            style.paint("2", &pad(pos, w1)),
            style.paint("36", &pad(kind, w2)),
            style.paint("1", &pad(value, w3)),
            text
        );
    }
    // Info-level evidence (weak MT signals, unattributed figures) stays in the JSON and in
    // `tathya mt`; the listing shows what an editor should look at.
    let weak = doc
        .findings
        .iter()
        .filter(|f| f.severity < crate::finding::Severity::Warning)
        .count();
    for f in doc
        .findings
        .iter()
        .filter(|f| f.severity >= crate::finding::Severity::Warning)
    {
        let (line, col) = idx.line_col(&doc.text, f.start);
        let _ = writeln!(
            out,
            "  {} {line}:{col} {} {}",
            style.paint("33", f.code),
            f.name,
            f.message
        );
    }
    if weak > 0 {
        let _ = writeln!(
            out,
            "  {}",
            style.paint(
                "2",
                &format!(
                    "(+{weak} info-level finding{}: --format json or `tathya mt`)",
                    if weak == 1 { "" } else { "s" }
                )
            )
        );
    }
    if !doc.errors.is_empty() {
        let _ = writeln!(out, "  error: {}", doc.errors.join("; "));
    }
    out
}
