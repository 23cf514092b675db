//! Escaping of text from the input (articles, file names, JSONL ids) for each output medium.
//!
//! Articles and file names are written by people we do not control. Shown raw, an ESC or OSC
//! sequence clears a terminal or sets its title, a newline in a file name fakes a listing line,
//! a bidi override reorders what a reader sees, and in Markdown `<script>`, `[x](javascript:…)`
//! or a backtick break out of the report. Every renderer passes input text through one of:
//!
//! - [`terminal`]: control characters (C0 but newline, DEL, C1) and bidi overrides and isolates
//!   become visible escapes (`\x1b`, `\u{202e}`); a newline becomes `\n` in [`terminal_line`].
//! - [`listing`]: a whole rendered listing, for the binary's last step before writing; keeps
//!   newlines and, when colour is on, the colour sequences the listing itself made.
//! - [`markdown`]: the terminal escapes, then HTML, link, emphasis, table and code syntax
//!   escaped with backslashes or entities.
//! - [`code_span`]: a Markdown inline code span that no backtick in the text can close.
//!
//! JSON output needs none of this: serde escapes control characters, and the exact text and
//! byte spans are the contract.

use std::borrow::Cow;
use std::fmt::Write as _;

/// True for characters that must never reach a terminal raw: C0 controls, DEL, C1 controls,
/// bidi embeddings, overrides and isolates, and the bidi marks that can reorder a line.
pub fn is_unsafe(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        | '\u{200e}' | '\u{200f}' | '\u{061c}')
}

fn push_escaped(out: &mut String, c: char) {
    match c {
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        c if (c as u32) < 0x80 => {
            let _ = write!(out, "\\x{:02x}", c as u32);
        }
        c => {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        }
    }
}

/// `s` with every unsafe character (see [`is_unsafe`]) escaped, newlines kept.
pub fn terminal(s: &str) -> Cow<'_, str> {
    escape_where(s, |c| c != '\n' && is_unsafe(c))
}

/// `s` on one line: every unsafe character escaped, newlines included (file names, ids).
pub fn terminal_line(s: &str) -> Cow<'_, str> {
    escape_where(s, is_unsafe)
}

fn escape_where(s: &str, bad: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !s.chars().any(&bad) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if bad(c) {
            push_escaped(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A rendered terminal listing made safe to print: every unsafe character escaped except
/// newlines and, when `color` is on, the colour sequences (`ESC [ digits ; … m`) the listing
/// made. With colour off nothing but text and newlines is left; with colour on, an input
/// colour sequence could change a colour, never clear the screen, move the cursor or set a title.
pub fn listing(s: &str, color: bool) -> Cow<'_, str> {
    if !s.chars().any(|c| c != '\n' && is_unsafe(c)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        if color && c == '\u{1b}' {
            let sgr = rest
                .strip_prefix("\u{1b}[")
                .and_then(|r| r.find('m').map(|e| &r[..e]))
                .filter(|p| p.len() <= 12 && p.chars().all(|c| c.is_ascii_digit() || c == ';'));
            if let Some(p) = sgr {
                let n = 3 + p.len();
                out.push_str(&rest[..n]);
                rest = &rest[n..];
                continue;
            }
        }
        if c != '\n' && is_unsafe(c) {
            push_escaped(&mut out, c);
        } else {
            out.push(c);
        }
        rest = &rest[c.len_utf8()..];
    }
    Cow::Owned(out)
}

/// Serialized JSON with the characters serde leaves raw but a terminal would act on (DEL, C1
/// controls, bidi overrides and isolates) written as `\uXXXX` escapes. They can only stand
/// inside JSON strings, so the document parses to exactly the same text.
pub fn json(s: String) -> String {
    if !s.chars().any(|c| is_unsafe(c) && c as u32 >= 0x7f) {
        return s;
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if is_unsafe(c) && c as u32 >= 0x7f {
            let _ = write!(out, "\\u{:04x}", c as u32);
        } else {
            out.push(c);
        }
    }
    out
}

/// A writer that applies [`json`] to serialized JSON as it streams through, so a large report is
/// written piece by piece instead of built as one string. serde_json writes strings in pieces cut
/// at ASCII bytes, so a piece holds whole characters; a piece that ends inside one is carried over.
pub struct JsonWriter<W: std::io::Write> {
    inner: W,
    carry: Vec<u8>,
}

impl<W: std::io::Write> JsonWriter<W> {
    /// Escape what is written to `inner`.
    pub fn new(inner: W) -> Self {
        JsonWriter {
            inner,
            carry: Vec::new(),
        }
    }

    /// The inner writer, once everything was written.
    pub fn into_inner(mut self) -> std::io::Result<W> {
        if !self.carry.is_empty() {
            let rest = std::mem::take(&mut self.carry);
            self.inner.write_all(&rest)?;
        }
        Ok(self.inner)
    }
}

impl<W: std::io::Write> std::io::Write for JsonWriter<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let owned;
        let bytes: &[u8] = if self.carry.is_empty() {
            buf
        } else {
            let mut v = std::mem::take(&mut self.carry);
            v.extend_from_slice(buf);
            owned = v;
            &owned
        };
        let (text, rest) = match std::str::from_utf8(bytes) {
            Ok(t) => (t, &[][..]),
            Err(e) if e.error_len().is_none() => {
                let (a, b) = bytes.split_at(e.valid_up_to());
                (std::str::from_utf8(a).unwrap_or_default(), b)
            }
            // Not UTF-8 at all: not serialized JSON; passed on as it is.
            Err(_) => {
                self.inner.write_all(bytes)?;
                return Ok(buf.len());
            }
        };
        if text.chars().any(|c| is_unsafe(c) && c as u32 >= 0x7f) {
            self.inner.write_all(json(text.to_string()).as_bytes())?;
        } else {
            self.inner.write_all(text.as_bytes())?;
        }
        self.carry = rest.to_vec();
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// `s` for Markdown prose or a table cell: unsafe characters escaped as for a terminal, HTML
/// (`<`, `>`, `&`) as entities, and the characters of link, image, emphasis, code and table
/// syntax (brackets, `*`, `_`, `|`, backslash and backtick) with a backslash. Newlines are kept (callers fold white space first).
pub fn markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' => {
                out.push('\\');
                out.push(c);
            }
            c if c != '\n' && is_unsafe(c) => push_escaped(&mut out, c),
            c => out.push(c),
        }
    }
    out
}

/// `s` as a Markdown inline code span: the fence is one backtick longer than the longest run in
/// `s`, padded with a space when `s` starts or ends with a backtick; unsafe characters and
/// newlines escaped. (Inside a code span HTML is not interpreted.)
pub fn code_span(s: &str) -> String {
    let s = terminal_line(s);
    let mut longest = 0;
    let mut run = 0;
    for c in s.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    let pad = if s.starts_with('`') || s.ends_with('`') {
        " "
    } else {
        ""
    };
    // A `|` would still end a table cell.
    let body = s.replace('|', "\\|");
    format!("{fence}{pad}{body}{pad}{fence}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_bidi_are_visible() {
        assert_eq!(terminal("a\u{1b}[2Jb"), "a\\x1b[2Jb");
        assert_eq!(terminal("\u{1b}]0;pwned\u{7}"), "\\x1b]0;pwned\\x07");
        assert_eq!(
            terminal("x\u{202e}y\u{2066}z\u{85}"),
            "x\\u{202e}y\\u{2066}z\\u{85}"
        );
        assert_eq!(terminal("line\nnext\u{7f}"), "line\nnext\\x7f");
        assert_eq!(
            terminal_line("a.txt\n  s0  1:1  figure"),
            "a.txt\\n  s0  1:1  figure"
        );
        // Devanagari joiners and ordinary text are untouched (and not copied).
        assert!(matches!(terminal("क्‍ष हिंदी"), Cow::Borrowed(_)));
    }

    #[test]
    fn a_listing_keeps_its_own_colours_only_when_colour_is_on() {
        let s = "\u{1b}[1ma.txt\u{1b}[0m \u{1b}[2J\u{1b}]0;t\u{7}\n";
        assert_eq!(
            listing(s, false),
            "\\x1b[1ma.txt\\x1b[0m \\x1b[2J\\x1b]0;t\\x07\n"
        );
        assert_eq!(
            listing(s, true),
            "\u{1b}[1ma.txt\u{1b}[0m \\x1b[2J\\x1b]0;t\\x07\n"
        );
    }

    #[test]
    fn markdown_escapes_html_links_and_code() {
        assert_eq!(
            markdown("<script>alert(1)</script>"),
            "&lt;script&gt;alert(1)&lt;/script&gt;"
        );
        assert_eq!(
            markdown("[x](javascript:alert(1))"),
            "\\[x\\](javascript:alert(1))"
        );
        assert_eq!(
            markdown("<img src=x onerror=alert(1)>"),
            "&lt;img src=x onerror=alert(1)&gt;"
        );
        assert_eq!(markdown("a`b|c"), "a\\`b\\|c");
        assert_eq!(markdown("\u{1b}[2J"), "\\x1b\\[2J");
    }

    #[test]
    fn json_parses_to_the_same_text() {
        let raw = "a\u{202e}b\u{9b}c\u{7f}d\u{1b}";
        let s = json(serde_json::to_string(raw).unwrap());
        assert_eq!(s, "\"a\\u202eb\\u009bc\\u007fd\\u001b\"");
        assert_eq!(serde_json::from_str::<String>(&s).unwrap(), raw);
    }

    #[test]
    fn code_spans_cannot_be_closed_from_inside() {
        assert_eq!(code_span("a.txt"), "`a.txt`");
        assert_eq!(code_span("a`b"), "``a`b``");
        assert_eq!(code_span("`x"), "`` `x ``");
        assert_eq!(code_span("a\nb|c"), "`a\\nb\\|c`");
    }

    #[test]
    fn the_json_writer_escapes_as_json_does_however_the_bytes_are_cut() {
        use std::io::Write;
        let text = "{\"t\": \"a\u{202e}b सेना\u{85} c\u{7f}\"}";
        let want = json(text.to_string());
        assert_ne!(want, text);
        let bytes = text.as_bytes();
        for cut in 0..=bytes.len() {
            let mut w = JsonWriter::new(Vec::new());
            w.write_all(&bytes[..cut]).unwrap();
            w.write_all(&bytes[cut..]).unwrap();
            let got = String::from_utf8(w.into_inner().unwrap()).unwrap();
            assert_eq!(got, want, "cut at {cut}");
        }
    }
}
