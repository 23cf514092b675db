//! Page chrome — bylines, app banners, breadcrumbs, image markdown, "Next Story" — is *marked*,
//! never deleted: spans keep pointing into the page as scraped, and a marked line simply yields
//! no claims. The patterns are data in `grammars/chrome.toml`.

use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::document::lang::{Lang, is_devanagari};
use crate::error::GrammarError;
use crate::grammar::GrammarSet;
use crate::span::Span;

const FILE: &str = "chrome.toml";

/// A line (or the tail of a line) marked as chrome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChromeLine {
    /// First byte of the line (without its newline).
    pub start: usize,
    /// One past the last byte of the line.
    pub end: usize,
    /// The rule that matched.
    pub rule: String,
}

#[derive(Debug, Deserialize)]
struct RawRule {
    name: String,
    /// Whole lines (trimmed) that are chrome as they stand.
    #[serde(default)]
    exact: Vec<String>,
    /// Line prefixes.
    #[serde(default)]
    prefix: Vec<String>,
    /// Regular expressions matched against the trimmed line.
    #[serde(default)]
    regex: Vec<String>,
    /// Regular expressions that mark only the tail of a line, from the match to the line's end
    /// (a banner glued to the last sentence of a paragraph: "… है.(बीबीसी हिन्दी के").
    #[serde(default)]
    tail: Vec<String>,
    /// Only when the nearest non-blank line after matches this.
    #[serde(default)]
    next: Option<String>,
    /// Only when the nearest non-blank line before matches this.
    #[serde(default)]
    prev: Option<String>,
    /// Only in documents of this language.
    #[serde(default)]
    lang: Option<String>,
}

#[derive(Debug, Deserialize)]
struct RawFile {
    #[serde(default)]
    rule: Vec<RawRule>,
    /// In a Hindi document, a line with Latin letters and no Devanagari is chrome (captions,
    /// English page titles), unless it is longer than this many characters.
    #[serde(default)]
    latin_line_in_hindi_max_chars: Option<usize>,
}

#[derive(Debug)]
struct Rule {
    name: String,
    exact: Vec<String>,
    prefix: Vec<String>,
    regex: Vec<Regex>,
    tail: Vec<Regex>,
    next: Option<Regex>,
    prev: Option<Regex>,
    lang: Option<Lang>,
}

/// Compiled chrome patterns.
#[derive(Debug)]
pub struct ChromeGrammar {
    rules: Vec<Rule>,
    latin_line_max: Option<usize>,
}

fn compile(pattern: &str) -> Result<Regex, GrammarError> {
    Regex::new(pattern).map_err(|e| GrammarError::Invalid {
        file: FILE.into(),
        message: format!("bad regex {pattern:?}: {e}"),
    })
}

impl ChromeGrammar {
    /// Load `chrome.toml`.
    pub fn load(set: &GrammarSet) -> Result<Self, GrammarError> {
        let raw: RawFile = set.parse(FILE)?;
        let mut rules = Vec::new();
        for r in raw.rule {
            rules.push(Rule {
                regex: r
                    .regex
                    .iter()
                    .map(|p| compile(p))
                    .collect::<Result<_, _>>()?,
                tail: r
                    .tail
                    .iter()
                    .map(|p| compile(p))
                    .collect::<Result<_, _>>()?,
                next: r.next.as_deref().map(compile).transpose()?,
                prev: r.prev.as_deref().map(compile).transpose()?,
                lang: r
                    .lang
                    .as_deref()
                    .map(|l| l.parse::<Lang>())
                    .transpose()
                    .map_err(|message| GrammarError::Invalid {
                        file: FILE.into(),
                        message,
                    })?,
                name: r.name,
                exact: r.exact.iter().map(|s| s.trim().to_string()).collect(),
                prefix: r.prefix,
            });
        }
        Ok(ChromeGrammar {
            rules,
            latin_line_max: raw.latin_line_in_hindi_max_chars,
        })
    }

    /// The first tail rule that matches `line`: its name and the byte offset in the line where
    /// the chrome starts.
    fn tail_for(&self, line: &str, lang: Lang) -> Option<(&str, usize)> {
        self.rules
            .iter()
            .filter(|r| r.lang.is_none_or(|l| l == lang))
            .find_map(|r| {
                r.tail
                    .iter()
                    .find_map(|re| re.find(line))
                    .map(|m| (r.name.as_str(), m.start()))
            })
    }

    fn rule_for(
        &self,
        line: &str,
        prev: Option<&str>,
        next: Option<&str>,
        lang: Lang,
        deva_page: bool,
    ) -> Option<&str> {
        for r in &self.rules {
            if r.lang.is_some_and(|l| l != lang) {
                continue;
            }
            let hit = r.exact.iter().any(|e| e == line)
                || r.prefix.iter().any(|p| line.starts_with(p.as_str()))
                || r.regex.iter().any(|re| re.is_match(line));
            if !hit {
                continue;
            }
            let next_ok = r
                .next
                .as_ref()
                .is_none_or(|re| next.is_some_and(|n| re.is_match(n)));
            let prev_ok = r
                .prev
                .as_ref()
                .is_none_or(|re| prev.is_some_and(|p| re.is_match(p)));
            if next_ok && prev_ok {
                return Some(&r.name);
            }
        }
        // A Latin line is chrome *around* Hindi text: in a page with no Devanagari at all (a
        // short English-script note, "5 kg", filed as Hindi) the line is the content.
        let max = self
            .latin_line_max
            .filter(|_| lang == Lang::Hi && deva_page)?;
        let has_latin = line.chars().any(|c| c.is_ascii_alphabetic());
        let has_deva = line.chars().any(is_devanagari);
        (has_latin && !has_deva && line.chars().count() <= max).then_some("latin-line-in-hindi")
    }
}

/// The lines of `text` as spans without their line ending, trimmed of surrounding white space.
pub fn lines(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in line_breaks(text).chain(std::iter::once(text.len())) {
        let raw = &text[start..i];
        let lead = raw.len() - raw.trim_start().len();
        let trimmed = raw.trim();
        if !trimmed.is_empty() {
            out.push(Span::new(start + lead, start + lead + trimmed.len()));
        }
        start = i + 1;
        if start > text.len() {
            break;
        }
    }
    out
}

/// Byte offsets of the line breaks of `text`: every `\n`, and a `\r` not followed by `\n` (old
/// Mac and some CMS exports end lines with a lone carriage return). A `\r\n` breaks once.
pub fn line_breaks(text: &str) -> impl Iterator<Item = usize> + '_ {
    let b = text.as_bytes();
    memchr_iter(b).filter(move |&i| b[i] == b'\n' || b.get(i + 1) != Some(&b'\n'))
}

fn memchr_iter(b: &[u8]) -> impl Iterator<Item = usize> + '_ {
    b.iter()
        .enumerate()
        .filter(|(_, c)| **c == b'\n' || **c == b'\r')
        .map(|(i, _)| i)
}

/// Mark the chrome lines of `text`.
pub fn mark(text: &str, lang: Lang, g: &ChromeGrammar) -> Vec<ChromeLine> {
    let ls = lines(text);
    let deva_page = text.chars().any(is_devanagari);
    let mut out = Vec::new();
    for (i, span) in ls.iter().enumerate() {
        let line = span.slice(text);
        let prev = i.checked_sub(1).map(|j| ls[j].slice(text));
        let next = ls.get(i + 1).map(|s| s.slice(text));
        if let Some(rule) = g.rule_for(line, prev, next, lang, deva_page) {
            out.push(ChromeLine {
                start: span.start,
                end: span.end,
                rule: rule.to_string(),
            });
        } else if let Some((rule, at)) = g.tail_for(line, lang) {
            out.push(ChromeLine {
                start: span.start + at,
                end: span.end,
                rule: rule.to_string(),
            });
        }
    }
    out
}

/// True when `span` lies inside a chrome line.
pub fn is_chrome(chrome: &[ChromeLine], span: Span) -> bool {
    let i = chrome.partition_point(|c| c.end < span.end);
    chrome
        .get(i)
        .is_some_and(|c| c.start <= span.start && span.end <= c.end)
}
