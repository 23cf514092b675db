//! Figures: counts, percents, ordinals, durations, money, measures and years.
//!
//! Why this shape: news text is mostly words that are not numbers, so the extractor tokenises
//! once (`token`), looks each word up once in a folded lexicon (`lexicon`), and runs the
//! number grammar (`parse`) only at trigger tokens — a number literal or a numeric word. The
//! words live in `grammars/{hi,en}/{numbers,units}.toml`; the structure (how scales stack, where a
//! qualifier may stand, when एक is an article) lives in code.
//!
//! Values are read literally: "6,000 मिलियन" is 6×10⁹ even though a reader suspects a
//! mistranslation (a later rule flags it). Vague plurals (हजारों, thousands of) get
//! `value` = the scale (their order of magnitude), `min` = 2 × scale (a plural means at least
//! two of them), no `max`, qualifier `vague`. Qualifiers set bounds: more_than/at_least give
//! `min` = value, less_than/at_most give `max` = value, a range gives both.
//!
//! Neighbouring figures that state one quantity are joined: an amount and its sub-unit
//! ("20 dollars 43 cents" = 20.43 USD), a duration and its smaller parts ("2 साल, 3 महीना" =
//! 27 months; with days or hours, in seconds), and two open bounds ("1000 से ज़्यादा और 1500 से
//! कम" = range 1000–1500).
//!
//! एक/one is a count, not an article, only with a scale, unit or range, before a person noun
//! ("एक व्यक्ति की मौत") or a postposition ("एक की मौत"), or when no word follows; "a"/"an" only
//! with a scale or unit ("a hundred", "a kg").
//!
//! Not figures: numbers inside URLs and codes, times of day (10:26), dates and their parts
//! (26 जुलाई, 1 Dec 2024, 27.07.2023 — the time extractor owns them), and एक/one/a used as an
//! article ("एक बयान में"). A literal that is a date-like "26/11" is skipped rather than read as
//! a fraction; "1/4" and "२००/५००" are fractions.

mod lexicon;
mod noun;
mod parse;
mod token;

use crate::claim::{Claim, ClaimKind, Figure};
use crate::document::Lang;
use crate::error::GrammarError;
use crate::extract::ExtractCtx;
use crate::grammar::GrammarSet;
use crate::span::Span;

use lexicon::{Lexicon, NumbersFile, UnitsFile};

/// The grammar files the figure extractor reads.
const FILES: [(&str, &str); 2] = [
    ("hi/numbers.toml", "hi/units.toml"),
    ("en/numbers.toml", "en/units.toml"),
];

/// Number words, scales, units and qualifiers of Hindi and English, compiled for look-up.
#[derive(Debug)]
pub struct FigureGrammar {
    lex: Lexicon,
}

impl FigureGrammar {
    /// Load and compile `grammars/{hi,en}/{numbers,units}.toml`.
    pub fn load(set: &GrammarSet) -> Result<Self, GrammarError> {
        let mut lex = Lexicon::default();
        for (numbers, units) in FILES {
            lex.add_numbers(set.parse::<NumbersFile>(numbers)?);
            lex.add_units(units, set.parse::<UnitsFile>(units)?)?;
        }
        Ok(FigureGrammar { lex })
    }
}

/// The longest run of whole words at the start of `text` that [`parse_figures`] reads as one
/// plain whole number (no unit, no range, nothing counted), cut only at whitespace: (value,
/// bytes taken). The figure parser would take a range or a counted noun with a longer run
/// ("उन्नीस सौ अस्सी से … तक स्कूल"), so shorter runs are tried until one is the whole number.
///
/// The text is tokenised and looked up once; each shorter run reuses the first tokens. Nothing is
/// parsed when none of the first five tokens is a digit, a number word or an ordinal (a figure
/// may open with a qualifier of up to four words before its number: "कम से कम पाँच").
pub fn plain_number_prefix(text: &str, g: &FigureGrammar) -> Option<(f64, usize)> {
    let toks = parse::Toks::new(text);
    let p = parse::Parser::new(&toks, &g.lex);
    plain_number_in(&p)
}

/// [`plain_number_prefix`] over a parser's whole text.
fn plain_number_in(p: &parse::Parser) -> Option<(f64, usize)> {
    let (toks, text) = (p.t, p.t.text);
    if !(0..toks.len().min(5)).any(|i| p.is_trigger(i)) {
        return None;
    }
    // whitespace cuts, longest first: the text's end, then before each token after a space
    let mut cuts: Vec<(usize, usize)> = vec![(toks.len(), text.len())];
    for k in (1..toks.len()).rev() {
        let t = toks.tok(k)?;
        let prev_end = toks.tok(k - 1)?.end;
        if let Some(gap) = text.get(prev_end..t.start)
            && let Some(ws) = gap.char_indices().find(|(_, c)| c.is_whitespace())
        {
            cuts.push((k, prev_end + ws.0));
        }
    }
    cuts.into_iter().find_map(|(k, e)| {
        let sub = toks.window(0, k, 0, e);
        let sp = p.window(&sub, 0);
        let (span, f) = figures_of(&sp, sub.text).into_iter().next()?;
        (span.start == 0
            && span.end == e
            && f.unit.is_none()
            && f.max.is_none()
            && f.value.fract() == 0.0)
            .then_some((f.value, e))
    })
}

/// Numbers in words read at many places of one text ([`plain_number_prefix`] at each): the
/// text is tokenised and looked up once, and each place reads a window of its tokens.
pub struct NumberReader<'a> {
    toks: parse::Toks<'a>,
    infos: Vec<Option<&'a lexicon::WordInfo>>,
    g: &'a FigureGrammar,
    /// Where the text starts in the document.
    base: usize,
}

impl<'a> NumberReader<'a> {
    /// A reader of `doc[start..end]`.
    pub fn new(doc: &'a str, start: usize, end: usize, g: &'a FigureGrammar) -> Self {
        let toks = parse::Toks::new(doc.get(start..end).unwrap_or(""));
        let infos = parse::Parser::look_up(&toks, &g.lex);
        NumberReader {
            toks,
            infos,
            g,
            base: start,
        }
    }

    /// [`plain_number_prefix`] of `doc[pos..stop]` (document offsets inside the reader's text).
    pub fn plain_number_at(&self, pos: usize, stop: usize) -> Option<(f64, usize)> {
        let (from, to) = (pos.checked_sub(self.base)?, stop.checked_sub(self.base)?);
        let t = &self.toks;
        let a = t.toks.partition_point(|x| x.start < from);
        let b = t.toks.partition_point(|x| x.end <= to);
        if t.tok(a).is_none_or(|x| x.start != from) || a > b {
            // the place is inside a token of this reading
            return plain_number_prefix(t.text.get(from..to)?, self.g);
        }
        let mut sub = t.window(a, b, from, to);
        let mut infos = self.infos[a..b].to_vec();
        // a word cut by the window's end is read as cut
        if let Some(x) = t.tok(b).filter(|x| x.start < to) {
            let tail = parse::Toks::new(t.text.get(x.start..to)?);
            infos.extend(parse::Parser::look_up(&tail, &self.g.lex));
            sub.append(&tail, x.start - from);
        }
        let p = parse::Parser::with_lookups(&sub, &self.g.lex, infos);
        plain_number_in(&p)
    }
}

/// Every figure in `text`, with its byte span, in text order.
///
/// The lexicons of both languages are used whatever `lang` says (Hindi pages carry English
/// words and digits; scripts never collide), so `lang` is accepted for callers' clarity only.
pub fn parse_figures(text: &str, _lang: Lang, g: &FigureGrammar) -> Vec<(Span, Figure)> {
    let toks = parse::Toks::new(text);
    let p = parse::Parser::new(&toks, &g.lex);
    figures_of(&p, text)
}

/// The figures a parser finds over its tokens of `text`.
fn figures_of(p: &parse::Parser, text: &str) -> Vec<(Span, Figure)> {
    let toks = p.t;
    let mut hits: Vec<parse::Hit> = Vec::new();
    let mut i = 0;
    let mut floor = 0;
    while i < toks.len() {
        if !p.is_trigger(i) {
            i += 1;
            continue;
        }
        let (hit, next) = p.figure_at(i, floor);
        if let Some(h) = hit {
            hits.push(h);
            floor = next;
        }
        i = next.max(i + 1);
    }
    merge(text, hits)
        .into_iter()
        .map(|h| (h.span, h.figure))
        .collect()
}

/// Seconds in a canonical duration unit.
fn seconds(unit: &str) -> Option<f64> {
    Some(match unit {
        "second" => 1.0,
        "minute" => 60.0,
        "hour" => 3600.0,
        "day" => 86400.0,
        "week" => 604800.0,
        "month" => 30.0 * 86400.0,
        "year" => 365.0 * 86400.0,
        _ => return None,
    })
}

/// Join neighbouring figures that state one quantity:
/// - "20 dollars 43 cents", "तेरह डॉलर पैंतालीस सेंट": money and its sub-unit → 20.43 in the main unit;
/// - "2 साल, 3 महीना", "1 साल 2 दिन 3 घंटा और 4 सेकंड": a duration and smaller ones → one
///   duration, in months when only years and months are involved, else in seconds;
/// - "1000 से ज़्यादा और 1500 से कम", "more than 10 and less than 40": two open bounds → a range.
fn merge(text: &str, hits: Vec<parse::Hit>) -> Vec<parse::Hit> {
    let mut out: Vec<parse::Hit> = Vec::with_capacity(hits.len());
    for h in hits {
        if let Some(prev) = out.last_mut()
            && let Some(between) = text.get(prev.span.end..h.span.start)
        {
            let between = between.trim().trim_matches(',').trim();
            let joiner = matches!(between, "" | "और" | "and" | "," | "व");
            let (a, b) = (&prev.figure, &h.figure);
            use crate::claim::{FigureKind as K, Qualifier as Q};
            let both_exact = a.qualifier == Q::Exact && b.qualifier == Q::Exact;
            // "more than 1 dollar and 42 cents": the bound moves with the amount.
            if joiner
                && b.qualifier == Q::Exact
                && a.qualifier != Q::Range
                && a.figure == K::Money
                && b.figure == K::Money
                && h.factor < 1.0
                && prev.factor >= 1.0
                && b.value < 1.0
            {
                let v = a.value;
                for bound in [&mut prev.figure.min, &mut prev.figure.max] {
                    if let Some(x) = bound.as_mut().filter(|x| **x == v) {
                        *x += b.value;
                    }
                }
                prev.figure.value += b.value;
                prev.span = Span::new(prev.span.start, h.span.end);
                prev.factor = 1.0 - f64::EPSILON;
                continue;
            }
            if joiner
                && both_exact
                && a.figure == K::Duration
                && b.figure == K::Duration
                && let Some(ub) = b.unit.as_deref()
                && let Some(sb) = seconds(ub)
            {
                let (sa_total, sa_last, months_only) = match prev.parts {
                    Some(p) => p,
                    None => match a.unit.as_deref().and_then(seconds) {
                        Some(sa) => (
                            a.value * sa,
                            sa,
                            matches!(a.unit.as_deref(), Some("year" | "month")),
                        ),
                        None => (f64::NAN, 0.0, false),
                    },
                };
                if sb < sa_last && sa_total.is_finite() {
                    let total = sa_total + b.value * sb;
                    let months_only = months_only && ub == "month";
                    if months_only {
                        // 2 साल, 3 महीना = 27 months (a year is 12 months here, not 365 days).
                        let m =
                            |v: f64, u: Option<&str>| if u == Some("year") { v * 12.0 } else { v };
                        prev.figure.value = m(a.value, a.unit.as_deref()) + b.value;
                        prev.figure.unit = Some("month".to_string());
                    } else {
                        prev.figure.value = total;
                        prev.figure.unit = Some("second".to_string());
                    }
                    prev.parts = Some((total, sb, months_only));
                    prev.span = Span::new(prev.span.start, h.span.end);
                    continue;
                }
            }
            // "5 ft 10 in", "6 feet 2 in": after feet, a bare whole number under twelve followed
            // by "in" is inches (alone, "in" is a preposition and no unit).
            if joiner
                && both_exact
                && a.figure == K::Measure
                && a.unit.as_deref() == Some("ft")
                && b.figure == K::Count
                && b.unit.is_none()
                && b.value.fract() == 0.0
                && (1.0..12.0).contains(&b.value)
                && let Some((dim, size)) = prev.measure.clone()
                && let Some(rest) = text.get(h.span.end..)
                && let Some(after) = rest.strip_prefix(' ').and_then(|r| r.strip_prefix("in"))
                && !after.starts_with(|c: char| c.is_alphanumeric())
            {
                prev.figure.value = a.value * 12.0 + b.value;
                prev.figure.unit = Some("in".to_string());
                prev.measure = Some((dim, size / 12.0));
                prev.span = Span::new(prev.span.start, h.span.end + 3);
                continue;
            }
            // "7 feet 10 inches", "2 km and 1 metre": parts of one measure, in the smaller unit.
            if joiner
                && both_exact
                && a.figure == K::Measure
                && b.figure == K::Measure
                && let (Some((da, sa)), Some((db, sb))) = (&prev.measure, &h.measure)
                && da == db
                && sb < sa
            {
                prev.figure.value = a.value * sa / sb + b.value;
                prev.figure.unit = b.unit.clone();
                prev.measure = h.measure.clone();
                prev.span = Span::new(prev.span.start, h.span.end);
                continue;
            }
            // A whole amount of money followed by a whole count under 100 may be its cents:
            // "$3 and fourteen", "5 pounds and twenty" — a number word after "and" that ends the
            // clause (spoken prices drop the sub-unit); "15 dollars 50", "$20 43" — bare digits
            // right after the amount.
            let clause_end = text.get(h.span.end..).is_some_and(|r| {
                let r = r.trim_start();
                r.is_empty() || r.starts_with(['.', ',', ';', '!', '?', ')', '।'])
            });
            let written = text.get(h.span.start..h.span.end);
            let cents_shape = both_exact
                && a.figure == K::Money
                && prev.factor >= 1.0
                && a.value.fract() == 0.0
                && b.figure == K::Count
                && b.unit.is_none()
                && b.value.fract() == 0.0
                && (1.0..100.0).contains(&b.value);
            let spoken = between == "and"
                && clause_end
                && a.value < 1000.0
                && written.is_some_and(|s| s.chars().all(|c| c.is_alphabetic() || c == '-'));
            let digits = matches!(between, "" | "and")
                && written.is_some_and(|s| s.bytes().all(|c| c.is_ascii_digit()));
            if cents_shape && (spoken || digits) {
                prev.figure.value += b.value / 100.0;
                prev.span = Span::new(prev.span.start, h.span.end);
                prev.factor = 1.0 - f64::EPSILON;
                continue;
            }
            let lower = matches!(a.qualifier, Q::MoreThan | Q::AtLeast);
            let upper = matches!(b.qualifier, Q::LessThan | Q::AtMost);
            let conj = matches!(between, "" | "और" | "and" | "पर" | "but" | "लेकिन" | ",");
            if conj
                && lower
                && upper
                && a.figure == b.figure
                && let (Some(lo), Some(hi)) = (a.min, b.max)
                && hi > lo
            {
                prev.figure.max = Some(hi);
                prev.figure.qualifier = Q::Range;
                prev.span = Span::new(prev.span.start, h.span.end);
                continue;
            }
        }
        out.push(h);
    }
    out
}

/// Every figure in the body sentences (page chrome is skipped).
pub fn extract(ctx: &ExtractCtx) -> Vec<Claim> {
    let g = &ctx.grammars.figure;
    let mut out = Vec::new();
    for s in ctx.body() {
        let Some(text) = ctx.text.get(s.start..s.end) else {
            continue;
        };
        for (span, fig) in parse_figures(text, ctx.lang, g) {
            out.push(Claim::new(
                ctx.text,
                span.shift(s.start),
                s.index,
                ClaimKind::Figure(fig),
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests;
