//! The HTML report: one self-contained page an editor can open, share and click through.
//!
//! `tathya check --format html` and `tathya claims --format html` write it. The page has no
//! external assets and needs no network; it reads fully with scripts off (a small inline script
//! only adds the filters: conflicts only, one outlet, one entity).
//!
//! Layout of the check report: a summary of counts, then story by story — conflicts first, both
//! sides next to each other with their outlets, frames and sentences, the differing words marked;
//! timing differences; corroborated claims with their independent origins; single-source claims
//! collapsed — then the findings, then every article in full with each claim highlighted in place
//! and machine-translation suspects marked with their reasons.
//!
//! Groups are rendered from their serialised form where the report does not need to know a field:
//! a verdict it has no section for gets its own section, and fields it does not know on a group
//! or a member (a figure's `frame`, say) are listed as they are. So new check fields show up
//! without a change here.
//!
//! Everything taken from the input is escaped: `& < > " '` become entities, and bidirectional
//! controls and other invisible control characters become visible `⟨U+202E⟩` marks, so an
//! article can neither inject markup nor reorder what the page shows.

use std::collections::{BTreeMap, BTreeSet};

use crate::tokens::FxHashMap as HashMap;
use std::fmt::Write as _;
use std::io::{self, Write};

use serde_json::Value;

use crate::analysis::Document;
use crate::check::{CheckReport, ClaimGroup, Member, Story};
use crate::claim::{Claim, ClaimKind};
use crate::finding::Finding;
use crate::report::text::describe;
use crate::report::{Docs, origin_name};
use crate::span::LineIndex;

/// Verdicts with their own section, in the order an editor reads them; any other verdict gets a
/// section after these, titled by its name.
const SECTIONS: &[(&str, &str)] = &[
    ("conflicting", "Conflicts"),
    ("timing", "Timing differences"),
    ("corroborated", "Corroborated"),
    ("single_source", "Single source"),
];

/// Member and group fields the report shows in its own way; others are listed as they are.
const MEMBER_FIELDS: &[&str] = &[
    "document", "claim", "sentence", "start", "end", "text", "value", "origin", "differs",
];
const GROUP_FIELDS: &[&str] = &[
    "id",
    "kind",
    "verdict",
    "score",
    "origins",
    "members",
    "explanation",
    "conflict",
    "key",
    "unsourced",
];

/// Preferred order of a frame's fields; others follow in name order.
const FRAME_ORDER: &[&str] = &["measure", "scope", "window", "as_of", "role"];

/// Most entities offered by the entity filter (those in the most documents first).
const MAX_ENTITY_FILTER: usize = 300;

// ------------------------------------------------------------------------------------ escaping

/// True for characters that reorder or hide text: bidirectional embeddings, overrides, isolates
/// and marks, and control characters other than tab and line breaks.
fn is_hidden_control(c: char) -> bool {
    matches!(c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        || (c.is_control() && !matches!(c, '\n' | '\t' | '\r'))
}

/// Escape `s` for an HTML text node: `&<>"'` as entities, hidden controls as a visible mark.
pub fn escape_text(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if is_hidden_control(c) => {
                let _ = write!(out, "<span class=\"ctl\">⟨U+{:04X}⟩</span>", c as u32);
            }
            c => out.push(c),
        }
    }
}

/// Escape `s` for a double-quoted attribute value (hidden controls as `⟨U+202E⟩`).
pub fn escape_attr(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' | '\r' | '\t' => out.push(' '),
            c if is_hidden_control(c) => {
                let _ = write!(out, "⟨U+{:04X}⟩", c as u32);
            }
            c => out.push(c),
        }
    }
}

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    escape_text(&mut out, s);
    out
}

fn attr(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    escape_attr(&mut out, s);
    out
}

/// A set of names as a filter attribute: `|IANS|Amar Ujala|`.
fn name_set<'a>(names: impl IntoIterator<Item = &'a str>) -> String {
    let set: BTreeSet<&str> = names.into_iter().collect();
    let mut s = String::from("|");
    for n in set {
        s.push_str(&n.replace('|', "¦"));
        s.push('|');
    }
    attr(&s)
}

// ------------------------------------------------------------------------------- highlighting

/// A highlight over `[start, end)` of a text: the tag to open it (the first time, and again when
/// it has to be reopened around a crossing highlight) and the tag that closes it.
struct Mark {
    start: usize,
    end: usize,
    first: String,
    again: String,
    close: &'static str,
}

impl Mark {
    fn new(start: usize, end: usize, first: String, close: &'static str) -> Self {
        Mark {
            start,
            end,
            again: first.clone(),
            first,
            close,
        }
    }
}

/// `text[from..to]` with every mark applied, properly nested: a mark that crosses the end of one
/// it sits in is closed there and reopened after it. Marks outside the range, empty, or not on
/// character boundaries are skipped.
fn render_marked(out: &mut String, text: &str, from: usize, to: usize, marks: Vec<Mark>) {
    let to = to.min(text.len());
    let mut marks: Vec<Mark> = marks
        .into_iter()
        .filter_map(|mut m| {
            m.start = m.start.max(from);
            m.end = m.end.min(to);
            (m.start < m.end && text.is_char_boundary(m.start) && text.is_char_boundary(m.end))
                .then_some(m)
        })
        .collect();
    // Outer marks first at the same start.
    marks.sort_by(|a, b| {
        (a.start, std::cmp::Reverse(a.end)).cmp(&(b.start, std::cmp::Reverse(b.end)))
    });
    let mut points: Vec<usize> = marks.iter().flat_map(|m| [m.start, m.end]).collect();
    points.push(from);
    points.push(to);
    points.sort_unstable();
    points.dedup();
    let mut stack: Vec<usize> = Vec::new();
    let mut opened = vec![false; marks.len()];
    let mut next = 0;
    let mut at = from;
    for p in points {
        if p < from || p > to || !text.is_char_boundary(p) {
            continue;
        }
        escape_text(out, text.get(at..p).unwrap_or(""));
        at = p;
        // Close what ends here; reopen what was closed only to keep the nesting.
        if let Some(deepest) = stack.iter().position(|&k| marks[k].end <= p) {
            let popped: Vec<usize> = stack.drain(deepest..).collect();
            for &k in popped.iter().rev() {
                out.push_str(marks[k].close);
            }
            for k in popped {
                if marks[k].end > p {
                    out.push_str(&marks[k].again);
                    stack.push(k);
                }
            }
        }
        while next < marks.len() && marks[next].start <= p {
            if marks[next].start == p {
                out.push_str(if opened[next] {
                    &marks[next].again
                } else {
                    &marks[next].first
                });
                opened[next] = true;
                stack.push(next);
            }
            next += 1;
        }
    }
    escape_text(out, text.get(at..to).unwrap_or(""));
    for &k in stack.iter().rev() {
        out.push_str(marks[k].close);
    }
}

// ----------------------------------------------------------------------------------- context

struct Ctx<'a> {
    docs: Docs<'a>,
    lines: HashMap<usize, LineIndex>,
}

impl<'a> Ctx<'a> {
    fn new(docs: Docs<'a>) -> Self {
        Ctx {
            docs,
            lines: HashMap::default(),
        }
    }

    fn pos(&mut self, doc: usize, offset: usize) -> String {
        let Some(d) = self.docs.get(doc) else {
            return String::new();
        };
        let idx = self
            .lines
            .entry(doc)
            .or_insert_with(|| LineIndex::new(&d.text));
        let (l, c) = idx.line_col(&d.text, offset);
        format!("{l}:{c}")
    }
}

/// The reasons each flagged sentence was flagged: the MT findings inside it.
fn mt_reasons(d: &Document) -> BTreeMap<usize, Vec<String>> {
    let mut out: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    for s in &d.sentences {
        if !d.sentence_mt(s).is_some_and(|m| m.flagged) {
            continue;
        }
        let reasons: Vec<String> = d
            .findings
            .iter()
            .filter(|f| f.code.starts_with('M') && f.start >= s.start && f.end <= s.end)
            .map(|f| format!("{} {}: {}", f.code, f.name, f.message))
            .collect();
        let reasons = if reasons.is_empty() {
            d.sentence_mt(s)
                .map(|m| m.codes.iter().map(|c| c.to_string()).collect())
                .unwrap_or_default()
        } else {
            reasons
        };
        out.insert(s.index, reasons);
    }
    out
}

fn sentence_span(d: &Document, index: usize) -> Option<(usize, usize)> {
    d.sentences
        .get(index)
        .filter(|s| s.index == index)
        .or_else(|| d.sentences.iter().find(|s| s.index == index))
        .map(|s| (s.start, s.end))
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn lang_attr(d: &Document) -> &'static str {
    match d.lang {
        crate::document::Lang::Hi => "hi",
        crate::document::Lang::En => "en",
        _ => "",
    }
}

/// A claim's one-line description for a tooltip: kind, value and, for a quote, speaker and
/// source chain; fields added to claims later (a figure's frame) follow as they are.
fn claim_title(c: &Claim) -> String {
    let (kind, value) = describe(c);
    let mut t = format!("{kind} · {value}");
    if let ClaimKind::Quote(q) = &c.detail
        && let Some(s) = &q.speaker
        && let Some(title) = &s.title
    {
        let _ = write!(t, " ({title})");
    }
    if let Ok(Value::Object(m)) = serde_json::to_value(c) {
        for (k, v) in &m {
            if !claim_field_known(k) {
                let _ = write!(t, " · {}: {}", k.replace('_', " "), plain(v));
            }
        }
    }
    t
}

/// Claim fields that `describe` already shows or that are positions.
fn claim_field_known(k: &str) -> bool {
    matches!(
        k,
        "start"
            | "end"
            | "sentence"
            | "text"
            | "kind"
            | "value"
            | "unit"
            | "qualifier"
            | "min"
            | "max"
            | "figure"
            | "time"
            | "grain"
            | "until"
            | "weekday_mismatch"
            | "quote"
            | "content"
            | "speaker"
            | "speaker_resolved"
            | "source"
            | "cue"
            | "via"
    )
}

/// A JSON value as plain words: objects as `key: value` pairs in a readable order.
fn plain(v: &Value) -> String {
    match v {
        Value::Null => "—".into(),
        Value::String(s) => s.clone(),
        Value::Array(a) => a.iter().map(plain).collect::<Vec<_>>().join(", "),
        Value::Object(m) => {
            if let Some(b) = brief(m) {
                return b;
            }
            ordered(m)
                .into_iter()
                .filter(|(k, v)| !v.is_null() && !matches!(k.as_str(), "start" | "end"))
                .map(|(k, v)| format!("{}: {}", k.replace('_', " "), plain(v)))
                .collect::<Vec<_>>()
                .join(" · ")
        }
        other => other.to_string(),
    }
}

/// A span-like object in a few words: its name or value, the words as written in quotes, and its
/// other short fields in brackets (`India “देशभर” (from default)`); byte offsets are left out.
fn brief(m: &serde_json::Map<String, Value>) -> Option<String> {
    let scalar = |k: &str| match m.get(k) {
        Some(Value::String(s)) if !s.is_empty() => Some(s.clone()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let text = scalar("text");
    let main = ["entity", "value", "name"]
        .iter()
        .find_map(|k| scalar(k))
        .or_else(|| text.clone())?;
    let mut out = main.clone();
    if let Some(t) = text.filter(|t| *t != main) {
        let _ = write!(out, " “{t}”");
    }
    let rest: Vec<String> = m
        .iter()
        .filter(|(k, _)| {
            !matches!(
                k.as_str(),
                "start" | "end" | "text" | "entity" | "value" | "name"
            )
        })
        .filter_map(|(k, v)| match v {
            Value::String(s) => Some(format!("{} {s}", k.replace('_', " "))),
            Value::Number(n) => Some(format!("{} {n}", k.replace('_', " "))),
            Value::Bool(true) => Some(k.replace('_', " ")),
            _ => None,
        })
        .collect();
    if !rest.is_empty() {
        let _ = write!(out, " ({})", rest.join(", "));
    }
    Some(out)
}

/// An object's fields, frame fields first in their usual order.
fn ordered(m: &serde_json::Map<String, Value>) -> Vec<(&String, &Value)> {
    let mut v: Vec<(&String, &Value)> = m.iter().collect();
    v.sort_by_key(|(k, _)| {
        (
            FRAME_ORDER
                .iter()
                .position(|f| f == k)
                .unwrap_or(FRAME_ORDER.len()),
            k.as_str(),
        )
    });
    v
}

/// Fields of `v` not in `known`, as a definition list (a frame object as one nested list).
fn extra_fields(out: &mut String, v: &Value, known: &[&str]) {
    let Value::Object(m) = v else { return };
    let extra: Vec<(&String, &Value)> = ordered(m)
        .into_iter()
        .filter(|(k, v)| !known.contains(&k.as_str()) && !v.is_null())
        .collect();
    if extra.is_empty() {
        return;
    }
    out.push_str("<dl class=\"extra\">");
    for (k, v) in extra {
        let _ = write!(
            out,
            "<div class=\"f-{}\"><dt>{}</dt><dd>",
            attr(k),
            esc(&k.replace('_', " "))
        );
        match v {
            Value::Object(inner) => {
                out.push_str("<dl class=\"frame\">");
                for (ik, iv) in ordered(inner) {
                    if iv.is_null() {
                        continue;
                    }
                    let _ = write!(
                        out,
                        "<div class=\"f-{}\"><dt>{}</dt><dd>{}</dd></div>",
                        attr(ik),
                        esc(&ik.replace('_', " ")),
                        esc(&plain(iv))
                    );
                }
                out.push_str("</dl>");
            }
            other => out.push_str(&esc(&plain(other))),
        }
        out.push_str("</dd></div>");
    }
    out.push_str("</dl>");
}

// ------------------------------------------------------------------------------------- page

const STYLE: &str = r#"
:root{--fg:#1b1b1b;--muted:#5d5d5d;--line:#d8d8d8;--bg:#fff;--soft:#f5f5f2;--bad:#b3261e;--badbg:#fde7e4;--warn:#8a5a00;--warnbg:#fff4d6;--ok:#1e6b32;--okbg:#e3f4e6}
*{box-sizing:border-box}
[hidden]{display:none!important}
body{margin:0;font:16px/1.55 "Noto Sans","Noto Sans Devanagari",system-ui,sans-serif;color:var(--fg);background:var(--bg);overflow-wrap:anywhere}
header.page,main{max-width:1100px;margin:0 auto;padding:12px 16px}
h1{font-size:1.5rem;margin:.4em 0}
h2{font-size:1.25rem;margin:1.2em 0 .4em;border-bottom:2px solid var(--line)}
h3{font-size:1.05rem;margin:1em 0 .4em}
.meta,.reason,.muted{color:var(--muted);font-size:.9rem}
.counts{display:flex;flex-wrap:wrap;gap:8px;margin:8px 0;padding:0}
.counts div{border:1px solid var(--line);border-radius:6px;padding:6px 10px;min-width:7.5em;background:var(--soft)}
.counts dt{font-size:.8rem;color:var(--muted)}.counts dd{margin:0;font-size:1.4rem;font-weight:700}
.counts .n-conflicting dd{color:var(--bad)}.counts .n-timing dd{color:var(--warn)}.counts .n-corroborated dd{color:var(--ok)}
#filters{display:flex;flex-wrap:wrap;gap:10px;align-items:center;padding:8px;border:1px solid var(--line);border-radius:6px;background:var(--soft)}
#filters select{max-width:100%}
table{border-collapse:collapse;width:100%;table-layout:fixed;font-size:.92rem}
th,td{border-bottom:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top}
.group{border:1px solid var(--line);border-radius:6px;padding:8px 10px;margin:10px 0}
.group.v-conflicting{border-left:5px solid var(--bad)}.group.v-timing{border-left:5px solid var(--warn)}.group.v-corroborated{border-left:5px solid var(--ok)}
.ghead{font-weight:600}.gid{font-family:monospace;font-weight:400;color:var(--muted)}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:10px;margin-top:8px}
.side{border:1px solid var(--line);border-radius:6px;padding:8px;background:var(--soft);min-width:0}
.side .value{font-size:1.15rem;font-weight:700;color:var(--bad)}
.v-timing .side .value{color:var(--warn)}
.outlet{font-weight:700}
.sent{margin:.3em 0 0}
mark.diff{background:var(--badbg);color:var(--bad);font-weight:700;outline:1px solid var(--bad);border-radius:2px}
.hl{text-decoration:underline 2px;text-underline-offset:3px}
ul.members{margin:.3em 0;padding-left:1.1em}
ul.members li{margin:.25em 0}
dl.extra,dl.frame{margin:.3em 0;display:flex;flex-wrap:wrap;gap:4px 12px;font-size:.9rem}
dl.extra dt,dl.frame dt{color:var(--muted);display:inline}dl.extra dt::after,dl.frame dt::after{content:": "}
dl.extra dd,dl.frame dd{display:inline;margin:0}
details>summary{cursor:pointer}
details.singles>summary,details.doc>summary{font-weight:600;padding:4px 0}
details.doc{border-top:1px solid var(--line);padding:6px 0}
.article{white-space:pre-wrap;background:var(--soft);border:1px solid var(--line);border-radius:6px;padding:10px;line-height:1.9}
.article .chrome{color:#8d8d8d}
mark.c{background:none;color:inherit;border-radius:3px;padding:0 1px;unicode-bidi:isolate}
mark.c-figure{background:#dbe9ff;box-shadow:inset 0 -2px #2f62c9}
mark.c-time{background:#dff3df;box-shadow:inset 0 -2px #2b8a3e}
mark.c-quote{background:#fff1c7}
mark.c-attribution{box-shadow:inset 0 -2px #8e44ad;background:#f3e5fb}
.mt{background:repeating-linear-gradient(135deg,transparent 0 6px,#fde7e4 6px 9px);border-bottom:2px dotted var(--bad)}
.mtflag{font-size:.7rem;font-weight:700;color:#fff;background:var(--bad);border-radius:3px;padding:0 3px;margin-right:3px;vertical-align:super}
.ctl{font-family:monospace;font-size:.8em;color:var(--bad);border:1px solid var(--bad);border-radius:2px}
.legend span{margin-right:10px}
.kind{font-family:monospace;font-size:.85rem}
.sev-error{color:var(--bad);font-weight:700}.sev-warning{color:var(--warn);font-weight:700}
@media (max-width:700px){.pair{grid-template-columns:1fr}body{font-size:15px}.counts div{min-width:6.5em}.hide-narrow{display:none}}
"#;

const SCRIPT: &str = r#"
(function(){
var f=document.getElementById('filters');if(!f)return;f.hidden=false;
function has(el,a,v){return !v||(el.getAttribute(a)||'').indexOf('|'+v+'|')>=0;}
function apply(){
var c=f.elements.conflicts&&f.elements.conflicts.checked,o=f.elements.outlet.value,e=f.elements.entity.value,any=c||o||e;
document.querySelectorAll('.group').forEach(function(g){g.hidden=!((!c||g.getAttribute('data-verdict')==='conflicting')&&has(g,'data-outlets',o)&&has(g,'data-entities',e));});
document.querySelectorAll('.vsec').forEach(function(s){s.hidden=!s.querySelector('.group:not([hidden])');});
document.querySelectorAll('.story').forEach(function(s){s.hidden=any&&!s.querySelector('.group:not([hidden])');});
document.querySelectorAll('.doc').forEach(function(d){d.hidden=!(has(d,'data-outlet',o)&&has(d,'data-entities',e));});
}
f.addEventListener('change',apply);apply();
})();
"#;

fn head(out: &mut String, title: &str) {
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<meta name=\"generator\" content=\"tathya {} (contract {})\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n\
<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        env!("CARGO_PKG_VERSION"),
        crate::CONTRACT_VERSION,
        esc(title)
    );
}

fn count(out: &mut String, class: &str, label: &str, n: usize) {
    let _ = write!(
        out,
        "<div class=\"n-{class}\" data-count=\"{class}\"><dt>{}</dt><dd>{n}</dd></div>",
        esc(label)
    );
}

/// What the page's header counts over every document: documents read, outlets, entities (in how
/// many documents each), MT-suspect sentences, and the documents that could not be read.
#[derive(Debug, Default)]
struct Summary {
    read: usize,
    outlets: BTreeSet<String>,
    entities: BTreeMap<String, usize>,
    mt: usize,
    failed: Vec<(String, String)>,
}

impl Summary {
    fn note(&mut self, d: &Document) {
        if d.is_failed() {
            self.failed.push((d.id.clone(), d.errors.join("; ")));
        } else {
            self.read += 1;
            if !self.outlets.contains(&d.outlet) {
                self.outlets.insert(d.outlet.clone());
            }
        }
        for e in &d.entities {
            match self.entities.get_mut(&e.entity) {
                Some(n) => *n += 1,
                None => {
                    self.entities.insert(e.entity.clone(), 1);
                }
            }
        }
        self.mt += d
            .sentences
            .iter()
            .filter(|s| d.sentence_mt(s).is_some_and(|m| m.flagged))
            .count();
    }
}

/// The filter bar: hidden until the script shows it, so a page without scripts shows no dead
/// controls.
fn filters(out: &mut String, sum: &Summary, with_conflicts: bool) {
    let mut entities: Vec<(&str, usize)> =
        sum.entities.iter().map(|(e, n)| (e.as_str(), *n)).collect();
    entities.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    entities.truncate(MAX_ENTITY_FILTER);
    entities.sort();
    out.push_str("<form id=\"filters\" hidden>");
    if with_conflicts {
        out.push_str("<label><input type=\"checkbox\" name=\"conflicts\"> conflicts only</label>");
    }
    out.push_str("<label>outlet <select name=\"outlet\"><option value=\"\">all outlets</option>");
    for o in &sum.outlets {
        let _ = write!(
            out,
            "<option value=\"{}\">{}</option>",
            attr(&o.replace('|', "¦")),
            esc(o)
        );
    }
    out.push_str("</select></label><label>entity <select name=\"entity\"><option value=\"\">all entities</option>");
    for (e, n) in entities {
        let _ = write!(
            out,
            "<option value=\"{}\">{} ({})</option>",
            attr(&e.replace('|', "¦")),
            esc(e),
            plural(n, "document", "documents")
        );
    }
    out.push_str("</select></label></form>\n");
}

fn legend(out: &mut String) {
    out.push_str(
        "<p class=\"legend muted\"><span><mark class=\"c c-figure\">figure</mark></span>\
<span><mark class=\"c c-time\">time</mark></span><span><mark class=\"c c-quote\">quote</mark></span>\
<span><mark class=\"c c-attribution\">attribution</mark></span>\
<span><span class=\"mt\"><span class=\"mtflag\">MT</span>machine-translation suspect</span></span>\
<span><mark class=\"diff\">differing word</mark></span></p>\n",
    );
}

// ------------------------------------------------------------------------------- the reports

/// Write the HTML check report of `r` over `docs`.
pub fn check_report<W: Write>(w: &mut W, r: &CheckReport, docs: &[Document]) -> io::Result<()> {
    let mut page = CheckPage::default();
    for d in docs {
        page.document(d);
    }
    let mut body = Vec::new();
    for s in &r.stories {
        page.story(&mut body, s, Docs::All(docs))?;
    }
    page.findings(&r.findings, Docs::All(docs));
    page.head(w)?;
    w.write_all(&body)?;
    drop(body);
    page.articles(w)?;
    for (i, d) in docs.iter().enumerate() {
        CheckPage::article(w, i, d)?;
    }
    CheckPage::tail(w)
}

/// The HTML check report built story by story, for a run too large to hold whole. The header
/// counts what comes after it, so the page is written in parts:
///
/// 1. [`CheckPage::document`] for every document, in input order (the header's counts, outlets
///    and entities);
/// 2. [`CheckPage::story`] for each story as it is decided, into a body kept aside (a file), and
///    [`CheckPage::findings`] for its findings;
/// 3. [`CheckPage::head`], then the body, then [`CheckPage::articles`], [`CheckPage::article`]
///    for every document in input order, and [`CheckPage::tail`].
#[derive(Debug, Default)]
pub struct CheckPage {
    sum: Summary,
    stories: usize,
    verdicts: BTreeMap<&'static str, usize>,
    findings: Vec<String>,
}

impl CheckPage {
    /// Count a document for the header.
    pub fn document(&mut self, d: &Document) {
        self.sum.note(d);
    }

    /// Write story `s` to `body`, reading its documents from `docs`.
    pub fn story<W: Write>(&mut self, body: &mut W, s: &Story, docs: Docs) -> io::Result<()> {
        self.stories += 1;
        for g in &s.groups {
            *self.verdicts.entry(g.verdict.as_str()).or_default() += 1;
        }
        let mut cx = Ctx::new(docs);
        let mut out = String::new();
        story(&mut out, &mut cx, s);
        body.write_all(out.as_bytes())
    }

    /// Note findings (their documents in `docs`), listed after the stories.
    pub fn findings(&mut self, findings: &[Finding], docs: Docs) {
        let mut cx = Ctx::new(docs);
        for f in findings {
            self.findings.push(finding_row(&mut cx, f));
        }
    }

    /// The page up to the stories: head, summary, filters, legend, the documents not read.
    pub fn head<W: Write>(&self, w: &mut W) -> io::Result<()> {
        let sum = &self.sum;
        let mut out = String::new();
        head(&mut out, "tathya · check report");
        let _ = write!(
            out,
            "<header class=\"page\">\n<h1>Check report</h1>\n<p class=\"meta\">{} from {} · tathya {} · contract {}</p>\n",
            plural(sum.read, "document", "documents"),
            plural(sum.outlets.len(), "outlet", "outlets"),
            env!("CARGO_PKG_VERSION"),
            crate::CONTRACT_VERSION
        );
        out.push_str("<section id=\"summary\"><dl class=\"counts\">");
        count(&mut out, "stories", "stories", self.stories);
        for (v, label) in [
            ("conflicting", "conflicts"),
            ("timing", "timing differences"),
            ("corroborated", "corroborated"),
            ("single_source", "single-source"),
        ] {
            count(
                &mut out,
                v,
                label,
                self.verdicts.get(v).copied().unwrap_or(0),
            );
        }
        for (v, n) in &self.verdicts {
            if !SECTIONS.iter().any(|(s, _)| s == v) {
                count(&mut out, v, &v.replace('_', " "), *n);
            }
        }
        count(&mut out, "mt", "MT-suspect sentences", sum.mt);
        count(&mut out, "findings", "findings", self.findings.len());
        out.push_str("</dl></section>\n");
        filters(&mut out, sum, true);
        out.push_str(
            "<noscript><p class=\"muted\">Filters need scripts; everything is shown.</p></noscript>\n",
        );
        legend(&mut out);
        out.push_str("</header>\n<main>\n");
        if !sum.failed.is_empty() {
            out.push_str("<section id=\"errors\"><h2>Not read</h2><ul>");
            for (id, errors) in &sum.failed {
                let _ = write!(out, "<li><b>{}</b>: {}</li>", esc(id), esc(errors));
            }
            out.push_str("</ul></section>\n");
        }
        w.write_all(out.as_bytes())
    }

    /// The findings, then the start of the articles.
    pub fn articles<W: Write>(&self, w: &mut W) -> io::Result<()> {
        if !self.findings.is_empty() {
            let mut out = String::new();
            let _ = write!(
                out,
                "<section id=\"findings\"><h2>Findings ({})</h2><table><thead><tr><th>code</th><th>article</th><th>message</th></tr></thead><tbody>",
                self.findings.len()
            );
            for row in &self.findings {
                out.push_str(row);
                if out.len() > 1 << 16 {
                    w.write_all(out.as_bytes())?;
                    out.clear();
                }
            }
            out.push_str("</tbody></table></section>\n");
            w.write_all(out.as_bytes())?;
        }
        w.write_all(b"<section id=\"articles\"><h2>Articles</h2>\n")
    }

    /// Document `d`, at input position `i`, in full.
    pub fn article<W: Write>(w: &mut W, i: usize, d: &Document) -> io::Result<()> {
        let at = [i];
        let one = [d];
        let mut cx = Ctx::new(Docs::Some {
            at: &at,
            docs: &one,
        });
        let mut out = String::new();
        article(&mut out, &mut cx, i, false);
        w.write_all(out.as_bytes())
    }

    /// The end of the page.
    pub fn tail<W: Write>(w: &mut W) -> io::Result<()> {
        let mut out = String::from("</section>\n</main>\n<script>");
        out.push_str(SCRIPT);
        out.push_str("</script>\n</body>\n</html>\n");
        w.write_all(out.as_bytes())
    }
}

/// Write the HTML claims report of `docs`: a summary, then every article with its claims
/// highlighted in place.
pub fn claims_report<W: Write>(w: &mut W, docs: &[Document]) -> io::Result<()> {
    let mut out = String::new();
    head(&mut out, "tathya · claims");
    let mut cx = Ctx::new(Docs::All(docs));
    let mut sum = Summary::default();
    for d in docs {
        sum.note(d);
    }
    let read = sum.read;
    let _ = write!(
        out,
        "<header class=\"page\">\n<h1>Claims</h1>\n<p class=\"meta\">{} · tathya {} · contract {}</p>\n",
        plural(read, "document", "documents"),
        env!("CARGO_PKG_VERSION"),
        crate::CONTRACT_VERSION
    );
    let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
    for c in docs.iter().flat_map(|d| &d.claims) {
        *kinds.entry(c.kind_name()).or_default() += 1;
    }
    out.push_str("<section id=\"summary\"><dl class=\"counts\">");
    count(&mut out, "documents", "documents", read);
    for k in ["figure", "time", "quote", "attribution"] {
        count(
            &mut out,
            k,
            &format!("{k}s"),
            kinds.get(k).copied().unwrap_or(0),
        );
    }
    count(&mut out, "mt", "MT-suspect sentences", sum.mt);
    out.push_str("</dl></section>\n");
    filters(&mut out, &sum, false);
    legend(&mut out);
    out.push_str("</header>\n<main>\n");
    w.write_all(out.as_bytes())?;
    articles(w, &mut cx, docs, docs.len() <= 3)?;
    let mut out = String::from("</main>\n<script>");
    out.push_str(SCRIPT);
    out.push_str("</script>\n</body>\n</html>\n");
    w.write_all(out.as_bytes())
}

// -------------------------------------------------------------------------------- stories

/// Entities named in a member's sentence.
fn member_entities<'a>(d: &'a Document, m: &Member) -> impl Iterator<Item = &'a str> {
    let span = sentence_span(d, m.sentence).unwrap_or((m.start, m.end));
    d.entities
        .iter()
        .filter(move |e| {
            e.mentions
                .iter()
                .any(|x| x.start >= span.0 && x.end <= span.1)
        })
        .map(|e| e.entity.as_str())
}

fn story(out: &mut String, cx: &mut Ctx, s: &Story) {
    let docs = cx.docs;
    let sdocs: Vec<&Document> = s.doc_indices.iter().filter_map(|&i| docs.get(i)).collect();
    let _ = write!(
        out,
        "<section class=\"story\" id=\"{}\" data-outlets=\"{}\" data-entities=\"{}\">\n<h2>Story {} · {}</h2>\n<p class=\"reason\">{}</p>\n",
        attr(&s.id),
        name_set(sdocs.iter().map(|d| d.outlet.as_str())),
        name_set(
            sdocs
                .iter()
                .flat_map(|d| d.entities.iter().map(|e| e.entity.as_str()))
        ),
        esc(&s.id),
        plural(s.documents.len(), "document", "documents"),
        esc(&s.reason)
    );
    out.push_str("<table class=\"docs\"><thead><tr><th>outlet</th><th>article</th><th>published</th><th class=\"hide-narrow\">claims</th><th>MT</th></tr></thead><tbody>");
    for &i in &s.doc_indices {
        let Some(d) = docs.get(i) else { continue };
        let flagged = d.mt.as_ref().map_or(0, |m| m.flagged);
        let _ = write!(
            out,
            "<tr><td class=\"outlet\">{}</td><td><a href=\"#doc-{i}\">{}</a></td><td>{}</td><td class=\"hide-narrow\">{}</td><td>{}</td></tr>",
            esc(&d.outlet),
            esc(crate::document::file_name(&d.id)),
            d.published
                .map(|p| p.format("%Y-%m-%d").to_string())
                .unwrap_or_else(|| "unknown".into()),
            d.claims.len(),
            if flagged > 0 {
                plural(flagged, "suspect sentence", "suspect sentences")
            } else {
                "—".into()
            }
        );
    }
    out.push_str("</tbody></table>\n");
    let mut verdicts: Vec<(String, String)> = SECTIONS
        .iter()
        .map(|(v, t)| (v.to_string(), t.to_string()))
        .collect();
    for g in &s.groups {
        let v = g.verdict.as_str();
        if !verdicts.iter().any(|(x, _)| x == v) {
            let title = v.replace('_', " ");
            verdicts.push((v.to_string(), title));
        }
    }
    for (verdict, title) in verdicts {
        let groups: Vec<&ClaimGroup> = s
            .groups
            .iter()
            .filter(|g| g.verdict.as_str() == verdict)
            .collect();
        if groups.is_empty() {
            continue;
        }
        let single = verdict == "single_source";
        if single {
            let _ = writeln!(
                out,
                "<details class=\"vsec singles v-{0}\" id=\"{3}-{0}\"><summary>{1} ({2})</summary>",
                attr(&verdict),
                esc(&title),
                groups.len(),
                attr(&s.id)
            );
        } else {
            let _ = writeln!(
                out,
                "<section class=\"vsec v-{0}\" id=\"{3}-{0}\"><h3>{1} ({2})</h3>",
                attr(&verdict),
                esc(&title),
                groups.len(),
                attr(&s.id)
            );
        }
        for g in groups {
            group(out, cx, g, &verdict);
        }
        out.push_str(if single {
            "</details>\n"
        } else {
            "</section>\n"
        });
    }
    out.push_str("</section>\n");
}

fn group(out: &mut String, cx: &mut Ctx, g: &ClaimGroup, verdict: &str) {
    let docs = cx.docs;
    let outlets: Vec<&str> = g
        .members
        .iter()
        .filter_map(|m| docs.get(m.doc).map(|d| d.outlet.as_str()))
        .chain(g.origins.iter().map(|o| origin_name(o, docs)))
        .collect();
    let entities: Vec<&str> = g
        .members
        .iter()
        .filter_map(|m| docs.get(m.doc).map(|d| (d, m)))
        .flat_map(|(d, m)| member_entities(d, m))
        .collect();
    let gv = serde_json::to_value(g).unwrap_or(Value::Null);
    let _ = write!(
        out,
        "<article class=\"group v-{v}\" id=\"{id}\" data-verdict=\"{v}\" data-kind=\"{k}\" data-outlets=\"{o}\" data-entities=\"{e}\">\n\
<p class=\"ghead\"><span class=\"gid\">{idt}</span> {k} · score {score:.2}{key}{uns} — {expl}</p>\n",
        v = attr(verdict),
        id = attr(&g.id),
        k = g.kind.as_str(),
        o = name_set(outlets),
        e = name_set(entities),
        idt = esc(&g.id),
        score = g.score,
        key = if g.key { " · <b>key claim</b>" } else { "" },
        uns = if g.unsourced { " · unsourced" } else { "" },
        expl = esc(&g.explanation)
    );
    extra_fields(out, &gv, GROUP_FIELDS);
    if !g.origins.is_empty() && verdict != "single_source" {
        let names: Vec<&str> = g.origins.iter().map(|o| origin_name(o, docs)).collect();
        let _ = writeln!(
            out,
            "<p class=\"origins\">{}: {}</p>",
            if g.origins.len() == 1 {
                "1 origin"
            } else {
                "independent origins"
            },
            esc(&names.join(", "))
        );
    }
    let pair = g.conflict.or_else(|| {
        (verdict == "conflicting" || verdict == "timing")
            .then(|| {
                let a = g.members.first()?;
                let b = g.members.iter().position(|m| m.value != a.value)?;
                Some([0, b])
            })
            .flatten()
    });
    let members_json: Vec<Value> = match &gv {
        Value::Object(m) => m
            .get("members")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default(),
        _ => Vec::new(),
    };
    match pair {
        Some([a, b]) if a < g.members.len() && b < g.members.len() => {
            out.push_str("<div class=\"pair\">");
            for k in [a, b] {
                out.push_str("<div class=\"side\">");
                member(out, cx, &g.members[k], members_json.get(k), true);
                out.push_str("</div>");
            }
            out.push_str("</div>\n");
            let rest: Vec<usize> = (0..g.members.len()).filter(|&k| k != a && k != b).collect();
            if !rest.is_empty() {
                let _ = write!(
                    out,
                    "<details><summary>{}</summary><ul class=\"members\">",
                    plural(rest.len(), "more member", "more members")
                );
                for k in rest {
                    out.push_str("<li>");
                    member(out, cx, &g.members[k], members_json.get(k), false);
                    out.push_str("</li>");
                }
                out.push_str("</ul></details>\n");
            }
        }
        _ => {
            out.push_str("<ul class=\"members\">");
            for (k, m) in g.members.iter().enumerate() {
                out.push_str("<li>");
                member(out, cx, m, members_json.get(k), false);
                out.push_str("</li>");
            }
            out.push_str("</ul>\n");
        }
    }
    out.push_str("</article>\n");
}

/// One member: its outlet, position, value, other fields (a frame) and its sentence with the
/// claim underlined and, on a side of a conflict, the differing words marked.
fn member(out: &mut String, cx: &mut Ctx, m: &Member, json: Option<&Value>, side: bool) {
    let docs = cx.docs;
    let Some(d) = docs.get(m.doc) else {
        let _ = write!(out, "{} {}", esc(&m.document), esc(&m.text));
        return;
    };
    let pos = cx.pos(m.doc, m.start);
    let origin = origin_name(&m.origin, docs);
    let _ = write!(
        out,
        "<div class=\"who\"><span class=\"outlet\">{}</span>{} · <a href=\"#doc-{}\">{}</a> {}",
        esc(&d.outlet),
        if origin != d.outlet {
            format!(" <span class=\"muted\">(origin {})</span>", esc(origin))
        } else {
            String::new()
        },
        m.doc,
        esc(crate::document::file_name(&d.id)),
        pos
    );
    if let Some(p) = d.published {
        let _ = write!(out, " · {}", p.format("%Y-%m-%d"));
    }
    out.push_str("</div>");
    let value = m
        .value
        .clone()
        .or_else(|| m.claim.and_then(|c| d.claims.get(c)).map(|c| describe(c).1));
    if let Some(v) = value {
        let _ = write!(out, "<div class=\"value\">{}</div>", esc(&v));
    }
    if let Some(j) = json {
        extra_fields(out, j, MEMBER_FIELDS);
    }
    if let Some(c) = m.claim.and_then(|c| d.claims.get(c))
        && let Ok(cv) = serde_json::to_value(c)
        && let Some(frame) = cv.get("frame")
        && json.is_none_or(|j| j.get("frame").is_none())
    {
        extra_fields(out, &serde_json::json!({ "frame": frame }), &[]);
    }
    let Some((s, e)) = sentence_span(d, m.sentence) else {
        let _ = write!(out, "<p class=\"sent\">{}</p>", esc(&m.text));
        return;
    };
    let mut marks = Vec::new();
    if m.claim.is_some() {
        marks.push(Mark::new(
            m.start,
            m.end,
            "<span class=\"hl\">".into(),
            "</span>",
        ));
    }
    if side {
        for [a, b] in &m.differs {
            marks.push(Mark::new(*a, *b, "<mark class=\"diff\">".into(), "</mark>"));
        }
    }
    let _ = write!(
        out,
        "<p class=\"sent\" lang=\"{}\" dir=\"auto\">",
        lang_attr(d)
    );
    render_marked(out, &d.text, s, e, marks);
    out.push_str("</p>");
}

/// One row of the findings table.
fn finding_row(cx: &mut Ctx, f: &Finding) -> String {
    let doc = f.document.as_deref().unwrap_or("");
    let place = match cx
        .docs
        .position(doc)
        .and_then(|i| Some((i, cx.docs.get(i)?)))
    {
        Some((i, d)) => format!(
            "<a href=\"#doc-{i}\">{}</a> {}",
            esc(&d.outlet),
            cx.pos(i, f.start)
        ),
        None => esc(doc),
    };
    format!(
        "<tr><td><span class=\"sev-{}\">{}</span> {}</td><td>{}</td><td>{}</td></tr>",
        f.severity.as_str(),
        esc(f.code),
        esc(f.name),
        place,
        esc(&f.message)
    )
}

// ------------------------------------------------------------------------------- articles

fn articles<W: Write>(w: &mut W, cx: &mut Ctx, docs: &[Document], open: bool) -> io::Result<()> {
    w.write_all(b"<section id=\"articles\"><h2>Articles</h2>\n")?;
    for i in 0..docs.len() {
        let mut out = String::new();
        article(&mut out, cx, i, open);
        w.write_all(out.as_bytes())?;
    }
    w.write_all(b"</section>\n")
}

/// One article in full inside a `<details>`: claims highlighted in place, MT suspects marked,
/// then the claims as a table and the MT reasons as a list.
fn article(out: &mut String, cx: &mut Ctx, i: usize, open: bool) {
    let Some(d) = cx.docs.get(i) else {
        return;
    };
    let flagged = d.mt.as_ref().map_or(0, |m| m.flagged);
    let _ = writeln!(
        out,
        "<details class=\"doc\" id=\"doc-{i}\" data-outlet=\"{}\" data-entities=\"{}\"{}><summary><span class=\"outlet\">{}</span>{} · {} · published {} · {}{}</summary>",
        name_set([d.outlet.as_str()]),
        name_set(d.entities.iter().map(|e| e.entity.as_str())),
        if open { " open" } else { "" },
        esc(&d.outlet),
        if d.outlet == crate::document::file_name(&d.id) {
            String::new()
        } else {
            format!(" — {}", esc(&d.id))
        },
        d.lang.as_str(),
        d.published
            .map(|p| p.format("%Y-%m-%d").to_string())
            .unwrap_or_else(|| "unknown".into()),
        plural(d.claims.len(), "claim", "claims"),
        if flagged > 0 {
            format!(
                " · {}",
                plural(flagged, "MT-suspect sentence", "MT-suspect sentences")
            )
        } else {
            String::new()
        }
    );
    if d.is_failed() {
        let _ = writeln!(
            out,
            "<p class=\"sev-error\">not read: {}</p></details>",
            esc(&d.errors.join("; "))
        );
        return;
    }
    if let Some(dl) = &d.dateline {
        let _ = write!(out, "<p class=\"muted\">dateline: {}</p>", esc(&dl.city));
    }
    let mut marks = Vec::new();
    for c in &d.chrome {
        marks.push(Mark::new(
            c.start,
            c.end,
            format!(
                "<span class=\"chrome\" title=\"page chrome: {}\">",
                attr(&c.rule)
            ),
            "</span>",
        ));
    }
    let reasons = mt_reasons(d);
    for s in &d.sentences {
        if let Some(r) = reasons.get(&s.index) {
            let score = d.sentence_mt(s).map_or(0.0, |m| m.score);
            let title = attr(&format!(
                "machine-translation suspect {score:.2}: {}",
                r.join("; ")
            ));
            marks.push(Mark {
                start: s.start,
                end: s.end,
                first: format!(
                    "<span class=\"mt\" id=\"doc-{i}-s{}\" title=\"{title}\"><span class=\"mtflag\">MT</span>",
                    s.index
                ),
                again: format!("<span class=\"mt\" title=\"{title}\">"),
                close: "</span>",
            });
        }
    }
    for (k, c) in d.claims.iter().enumerate() {
        let title = attr(&claim_title(c));
        marks.push(Mark {
            start: c.start,
            end: c.end,
            first: format!(
                "<mark class=\"c c-{}\" id=\"doc-{i}-c{k}\" title=\"{title}\">",
                c.kind_name()
            ),
            again: format!(
                "<mark class=\"c c-{} cont\" title=\"{title}\">",
                c.kind_name()
            ),
            close: "</mark>",
        });
    }
    let _ = write!(
        out,
        "<div class=\"article\" lang=\"{}\" dir=\"auto\">",
        lang_attr(d)
    );
    render_marked(out, &d.text, 0, d.text.len(), marks);
    out.push_str("</div>\n");
    if !d.claims.is_empty() {
        out.push_str("<details class=\"claims\"><summary>claims</summary><table><thead><tr><th style=\"width:4.5em\">at</th><th style=\"width:9em\">kind</th><th>value</th><th>text</th></tr></thead><tbody>");
        for (k, c) in d.claims.iter().enumerate() {
            let (kind, value) = describe(c);
            let pos = cx.pos(i, c.start);
            let _ = write!(
                out,
                "<tr><td><a href=\"#doc-{i}-c{k}\">{pos}</a></td><td class=\"kind\">{}</td><td>{}</td><td lang=\"{}\">{}</td></tr>",
                esc(&kind),
                esc(&value),
                lang_attr(d),
                esc(&c.text)
            );
        }
        out.push_str("</tbody></table></details>\n");
    }
    if !reasons.is_empty() {
        let _ = write!(
            out,
            "<h4>{}</h4><ul class=\"mtlist\">",
            plural(reasons.len(), "MT-suspect sentence", "MT-suspect sentences")
        );
        for (s, r) in &reasons {
            let Some(sent) = d.sentences.iter().find(|x| x.index == *s) else {
                continue;
            };
            let pos = cx.pos(i, sent.start);
            let score = d.sentence_mt(sent).map_or(0.0, |m| m.score);
            let _ = write!(
                out,
                "<li><a href=\"#doc-{i}-s{s}\">{pos}</a> score {score:.2}<ul>"
            );
            for reason in r {
                let _ = write!(out, "<li>{}</li>", esc(reason));
            }
            out.push_str("</ul></li>");
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</details>\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Grammars;
    use crate::check::{CheckOptions, check};

    fn marked(text: &str, marks: Vec<(usize, usize, &str)>) -> String {
        let mut out = String::new();
        let marks = marks
            .into_iter()
            .map(|(a, b, n)| {
                Mark::new(
                    a,
                    b,
                    format!("<{n}>"),
                    if n == "i" { "</i>" } else { "</b>" },
                )
            })
            .collect();
        render_marked(&mut out, text, 0, text.len(), marks);
        out
    }

    #[test]
    fn escaping_turns_markup_and_bidi_controls_into_text() {
        let mut s = String::new();
        escape_text(&mut s, "<script>alert('x')</script> & \"q\" \u{202E}cba");
        assert_eq!(
            s,
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot; <span class=\"ctl\">⟨U+202E⟩</span>cba"
        );
        let mut a = String::new();
        escape_attr(&mut a, "a\"b\u{2066}c\nd");
        assert_eq!(a, "a&quot;b⟨U+2066⟩c d");
    }

    #[test]
    fn frames_read_as_words_without_offsets() {
        let v = serde_json::json!({
            "measure": "cases",
            "scope": {"end": 61, "entity": "India", "from": "default", "start": 46, "text": "देशभर"},
            "as_of": {"start": 1, "end": 2, "text": "गुरुवार", "value": "2020-04-09"},
            "role": "value",
            "window": null
        });
        assert_eq!(
            plain(&v),
            "measure: cases · scope: India “देशभर” (from default) · as of: 2020-04-09 “गुरुवार” · role: value"
        );
    }

    #[test]
    fn any_marks_on_any_text_keep_the_text_and_balance_the_tags() {
        // A small linear congruential generator: deterministic, no dependency.
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = |n: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n.max(1)
        };
        let pieces = [
            "कि", "a", " ", "<", "&", "\u{202E}", "।", "\n", "6,000", "\"", "é",
        ];
        for _ in 0..500 {
            let text: String = (0..next(12)).map(|_| pieces[next(pieces.len())]).collect();
            let marks: Vec<(usize, usize, &str)> = (0..next(6))
                .map(|_| {
                    let a = next(text.len() + 2);
                    let b = a + next(text.len() + 2);
                    (a, b, if next(2) == 0 { "b" } else { "i" })
                })
                .collect();
            let out = marked(&text, marks);
            assert_eq!(
                out.matches("<b>").count(),
                out.matches("</b>").count(),
                "{text:?}: {out}"
            );
            assert_eq!(
                out.matches("<i>").count(),
                out.matches("</i>").count(),
                "{text:?}: {out}"
            );
            let plain = out
                .replace("<b>", "")
                .replace("</b>", "")
                .replace("<i>", "")
                .replace("</i>", "");
            assert_eq!(plain, esc(&text), "{text:?}");
            // Properly nested: a closing tag always closes the innermost open one.
            let mut stack = Vec::new();
            let mut rest = out.as_str();
            while let Some(k) = rest.find(['<']) {
                rest = &rest[k..];
                for (tag, open, name) in [
                    ("<b>", true, 'b'),
                    ("</b>", false, 'b'),
                    ("<i>", true, 'i'),
                    ("</i>", false, 'i'),
                ] {
                    if rest.starts_with(tag) {
                        if open {
                            stack.push(name);
                        } else {
                            assert_eq!(stack.pop(), Some(name), "{out}");
                        }
                    }
                }
                rest = &rest[1..];
            }
            assert!(stack.is_empty());
        }
    }

    #[test]
    fn crossing_highlights_nest_by_closing_and_reopening() {
        // b covers 0..4, i covers 2..6: the i is closed at 4 and reopened.
        assert_eq!(
            marked("abcdef", vec![(0, 4, "b"), (2, 6, "i")]),
            "<b>ab<i>cd</i></b><i>ef</i>"
        );
        // Nested and adjacent spans stay as they are.
        assert_eq!(
            marked("abcdef", vec![(0, 6, "b"), (1, 2, "i"), (2, 3, "i")]),
            "<b>a<i>b</i><i>c</i>def</b>"
        );
        // Out of range, empty or inside a character: skipped.
        assert_eq!(
            marked("कि", vec![(1, 2, "b"), (3, 3, "i"), (0, 99, "i")]),
            "<i>कि</i>"
        );
    }

    #[test]
    fn a_conflict_renders_both_sides_with_the_differing_words_marked() {
        let p = chrono::NaiveDate::from_ymd_opt(2023, 7, 27);
        let g = Grammars::builtin();
        let doc =
            |id: &str, t: &str| crate::analyze(id, t.to_string(), p, &crate::Options::default(), g);
        let docs = vec![
            doc(
                "a.txt",
                "किम जोंग उन ने बुधवार को रूस के रक्षा मंत्री सर्गेई शोइगु से मुलाकात की।\n<script>alert(1)</script>",
            ),
            doc(
                "b.txt",
                "किम जोंग उन ने गुरुवार को रूस के रक्षा मंत्री सर्गेई शोइगु से मुलाकात की।",
            ),
        ];
        let r = check(&docs, &CheckOptions::default(), g);
        let mut out = Vec::new();
        check_report(&mut out, &r, &docs).unwrap();
        let html = String::from_utf8(out).unwrap();
        assert!(
            html.contains("<article class=\"group v-conflicting\""),
            "{html}"
        );
        assert!(html.contains("<mark class=\"diff\">बुधवार</mark>"), "{html}");
        assert!(html.contains("<mark class=\"diff\">गुरुवार</mark>"), "{html}");
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert_eq!(
            html.matches("<script>").count(),
            1,
            "only the page's own script"
        );
        for (i, d) in docs.iter().enumerate() {
            for k in 0..d.claims.len() {
                assert!(
                    html.contains(&format!(" id=\"doc-{i}-c{k}\"")),
                    "claim {k} of {i}"
                );
            }
        }
    }
}
