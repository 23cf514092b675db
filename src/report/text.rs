//! The readable listing of `tathya claims`: one block per document, one line per claim with its
//! sentence, line:column (characters), kind, value and text.

use std::fmt::Write as _;

use unicode_width::UnicodeWidthStr;

use crate::analysis::Document;
use crate::claim::{Claim, ClaimKind, Figure, Qualifier, ser_num};
use crate::report::Style;
use crate::span::LineIndex;

fn num(v: f64) -> String {
    let mut out = Vec::new();
    let mut ser = serde_json::Serializer::new(&mut out);
    let _ = ser_num(&v, &mut ser);
    String::from_utf8(out).unwrap_or_default()
}

fn figure_value(f: &Figure) -> String {
    let q = match f.qualifier {
        Qualifier::Exact => "",
        Qualifier::About => "~",
        Qualifier::MoreThan => ">",
        Qualifier::LessThan => "<",
        Qualifier::AtLeast => "≥",
        Qualifier::AtMost => "≤",
        Qualifier::Vague => "many ",
        Qualifier::Range => "",
    };
    let mut v = if f.qualifier == Qualifier::Range {
        format!(
            "{}–{}",
            f.min.map(num).unwrap_or_default(),
            f.max.map(num).unwrap_or_default()
        )
    } else {
        format!("{q}{}", num(f.value))
    };
    if let Some(u) = &f.unit {
        if u == "percent" {
            v.push('%');
        } else {
            v.push(' ');
            v.push_str(u);
        }
    }
    v
}

/// One claim's kind, sub-kind and value as short strings.
pub fn describe(c: &Claim) -> (String, String) {
    match &c.detail {
        ClaimKind::Figure(f) => (format!("figure/{}", ser_name(&f.figure)), figure_value(f)),
        ClaimKind::Time(t) => (
            format!("time/{}", ser_name(&t.time)),
            match (&t.value, &t.until) {
                (Some(v), Some(u)) => format!("{v}..{u}"),
                (v, _) => v.clone().unwrap_or_else(|| "?".into()),
            },
        ),
        ClaimKind::Quote(q) => {
            let who = match &q.speaker {
                Some(s) => {
                    let name = s.entity.clone().unwrap_or_else(|| s.text.clone());
                    if q.speaker_resolved {
                        name
                    } else {
                        format!("{name} (unresolved)")
                    }
                }
                None => "—".into(),
            };
            let via: Vec<String> = q
                .source
                .iter()
                .map(|s| s.entity.clone().unwrap_or_else(|| s.text.clone()))
                .collect();
            let v = if via.is_empty() {
                who
            } else {
                format!("{who} per {}", via.join(" ← "))
            };
            (format!("quote/{}", ser_name(&q.quote)), v)
        }
        ClaimKind::Attribution(a) => {
            let mut v = a
                .source
                .entity
                .clone()
                .unwrap_or_else(|| a.source.text.clone());
            for s in &a.via {
                v.push_str(" ← ");
                v.push_str(s.entity.as_deref().unwrap_or(&s.text));
            }
            (format!("attribution/{}", a.cue), v)
        }
    }
}

fn ser_name<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

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
