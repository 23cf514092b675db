//! Rendering: the readable listing and the JSON contract. Renderers return strings; only the
//! binary writes them out.

pub mod check_json;
pub mod check_markdown;
pub mod check_text;
pub mod escape;
pub mod html;
pub mod json;
pub mod text;

/// Which claim groups the terminal and Markdown check reports list (the JSON and HTML reports
/// always hold every group).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Show {
    /// Only conflicting groups.
    Conflicts,
    /// What an editor should look at: conflicts, timing differences and any other verdict that
    /// is neither corroborated nor single-source, and single-source key claims (headline or
    /// lead); the rest is counted on one line.
    #[default]
    Flagged,
    /// Every group.
    All,
}

impl Show {
    /// True when the report lists `g`.
    pub fn lists(self, g: &crate::check::ClaimGroup) -> bool {
        let v = g.verdict.as_str();
        match self {
            Show::All => true,
            Show::Conflicts => v == "conflicting",
            Show::Flagged => {
                !matches!(v, "corroborated" | "single_source") || (v == "single_source" && g.key)
            }
        }
    }
}

/// The outlet name to show for an origin: an origin named after a document's file (a document
/// that credits no wire) stands for that document's outlet.
pub fn origin_name<'a>(origin: &'a str, docs: &'a [crate::document::Document]) -> &'a str {
    docs.iter()
        .find(|d| d.outlet != origin && crate::document::file_name(&d.id) == origin)
        .map_or(origin, |d| d.outlet.as_str())
}

/// Who published a document and which file it is: `IANS 000_….txt`, or only the file name when
/// the outlet is not known apart from it.
pub fn outlet_and_file(d: &crate::document::Document) -> String {
    let file = crate::document::file_name(&d.id);
    if d.outlet == file {
        file.to_string()
    } else {
        format!("{} {file}", d.outlet)
    }
}

/// Colour choice for terminal output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Style {
    /// Emit ANSI colours.
    pub color: bool,
}

impl Style {
    /// `s` wrapped in the ANSI code `code` (`"1"` bold, `"31;1"` bold red) when colour is on.
    pub fn paint(&self, code: &str, s: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
}

/// `s` in curly quotes, unless it already opens with a quote mark (a quote claim's text carries its
/// own marks: “यह अच्छे हथियार हैं,”).
pub fn quoted(s: &str) -> String {
    if s.starts_with(['“', '"', '‘', '\'', '«']) {
        s.to_string()
    } else {
        format!("“{s}”")
    }
}
