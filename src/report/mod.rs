//! Rendering: the readable listing and the JSON contract. Renderers return strings; only the
//! binary writes them out.

pub mod check_json;
pub mod check_markdown;
pub mod check_text;
pub mod escape;
pub mod json;
pub mod text;

/// Colour choice for terminal output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Style {
    /// Emit ANSI colours.
    pub color: bool,
}

impl Style {
    pub(crate) fn paint(&self, code: &str, s: &str) -> String {
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
