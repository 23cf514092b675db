//! The figure grammar over tokens: a number (digits, words, scales, fractions), then what may
//! surround it — a unit or percent, a range's second end, a qualifier before or after, the
//! counted noun — each a small function of a token position.
//!
//! Only trigger tokens (a number literal, or a word the lexicon knows as numeric) start a parse,
//! so the cost on running text is one hash look-up per word.

use crate::claim::{Figure, FigureKind, Qualifier};
use crate::span::Span;

use super::lexicon::{Lexicon, PhraseWord, UnitDef, WordInfo, flag};
use super::noun;
use super::token::{Kind, Lit, Tok, tokenize_into};

/// Tokens of one text with their folded keys.
pub(super) struct Toks<'a> {
    pub text: &'a str,
    pub toks: Vec<Tok>,
    keys: String,
    key_spans: Vec<(usize, usize)>,
}

impl<'a> Toks<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut toks = Vec::new();
        tokenize_into(text, &mut toks);
        let mut keys = String::with_capacity(text.len());
        let mut key_spans = Vec::with_capacity(toks.len());
        for t in &toks {
            let s = keys.len();
            super::lexicon::fold(&text[t.start..t.end], &mut keys);
            key_spans.push((s, keys.len()));
        }
        Toks {
            text,
            toks,
            keys,
            key_spans,
        }
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// Append the tokens of `more`, a text that starts `at` bytes into this one's text.
    pub fn append(&mut self, more: &Toks, at: usize) {
        let k0 = self.keys.len();
        self.keys.push_str(&more.keys);
        for (t, &(s, e)) in more.toks.iter().zip(&more.key_spans) {
            self.toks.push(Tok {
                start: t.start + at,
                end: t.end + at,
                ..*t
            });
            self.key_spans.push((s + k0, e + k0));
        }
    }

    /// The tokens of `text[from..to]`, where tokens `a..b` are those inside it, `from` is where
    /// token `a` starts and nothing but whitespace lies between token `b - 1` and `to`: as
    /// [`Toks::new`] would make them of that text (tokens never span whitespace), without
    /// tokenising or folding again.
    pub fn window(&self, a: usize, b: usize, from: usize, to: usize) -> Toks<'a> {
        let b = b.min(self.toks.len());
        let a = a.min(b);
        let k0 = self.key_spans.get(a).map_or(0, |s| s.0);
        let k1 = b.checked_sub(1).map_or(k0, |i| self.key_spans[i].1.max(k0));
        let toks = self.toks[a..b]
            .iter()
            .enumerate()
            .map(|(n, t)| Tok {
                start: t.start - from,
                end: t.end - from,
                ws_before: t.ws_before && n > 0,
                ..*t
            })
            .collect();
        Toks {
            text: self.text.get(from..to).unwrap_or(""),
            toks,
            keys: self.keys[k0..k1].to_string(),
            key_spans: self.key_spans[a..b]
                .iter()
                .map(|&(s, e)| (s - k0, e - k0))
                .collect(),
        }
    }

    /// Folded key of token `i` ("" past the end).
    pub fn key(&self, i: usize) -> &str {
        self.key_spans
            .get(i)
            .and_then(|&(s, e)| self.keys.get(s..e))
            .unwrap_or("")
    }

    /// The token's text as written.
    pub fn raw(&self, i: usize) -> &'a str {
        self.toks
            .get(i)
            .and_then(|t| self.text.get(t.start..t.end))
            .unwrap_or("")
    }

    pub fn tok(&self, i: usize) -> Option<&Tok> {
        self.toks.get(i)
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.kind == Kind::Word)
    }

    pub fn punct(&self, i: usize) -> Option<char> {
        match self.tok(i)?.kind {
            Kind::Punct(c) => Some(c),
            _ => None,
        }
    }

    pub fn lit(&self, i: usize) -> Option<Lit> {
        match self.tok(i)?.kind {
            Kind::Num(l) => Some(l),
            _ => None,
        }
    }

    /// Token `i` follows token `i - 1` with no space.
    pub fn attached(&self, i: usize) -> bool {
        i > 0 && self.tok(i).is_some_and(|t| !t.ws_before)
    }

    /// A tab or a line break stands between token `i - 1` and token `i`: another table cell or
    /// line ("03 अप्रैल⟨tab⟩2547⟨tab⟩478": a date and two counts, not a date with a year).
    pub fn cell_break(&self, i: usize) -> bool {
        match (i.checked_sub(1).and_then(|p| self.tok(p)), self.tok(i)) {
            (Some(a), Some(b)) => self
                .text
                .get(a.end..b.start)
                .is_some_and(|g| g.contains(['\t', '\n'])),
            _ => false,
        }
    }
}

/// A parsed number: value and the tokens it covers.
#[derive(Debug, Clone, Copy)]
struct Num {
    value: f64,
    end: usize,
    /// The last scale applied (लाख in "5 लाख").
    scale: Option<f64>,
    ordinal: bool,
    /// One word token that may be an article (एक, one, a).
    article: bool,
    strict_article: bool,
    /// One ungrouped 4-digit integer literal, 1800–2100.
    year_like: bool,
    /// An ambiguous ordinal word (पहले, दूसरे, second).
    ambiguous: bool,
    /// One fraction word below one (half, आधा) alone.
    bare_fraction: bool,
    /// A decade written as its first year: "1960s".
    decade: bool,
}

/// Why no number was read at a position.
enum NumErr {
    /// Not a number here.
    No,
    /// A date, time, code or URL part: skip to this token.
    Skip(usize),
}

#[derive(Clone, Copy, PartialEq, Debug)]
enum Last {
    None,
    Small,
    Tens,
    Hundred,
    Scale,
    Digits,
}

/// One figure found: token range and value.
pub(super) struct Hit {
    pub span: Span,
    pub figure: Figure,
    /// The unit's factor (0.01 for cents, पैसे): a sub-unit that may add to the money before it.
    pub factor: f64,
    /// For a duration merged from parts: (total seconds, seconds of the smallest part, only
    /// years and months so far).
    pub parts: Option<(f64, f64, bool)>,
    /// A measure's dimension and unit size, for joining "7 feet 10 inches".
    pub measure: Option<(String, f64)>,
}

pub(super) struct Parser<'a, 'b> {
    pub t: &'b Toks<'a>,
    pub lex: &'b Lexicon,
    /// The lexicon entry of each token, looked up once.
    infos: Vec<Option<&'b WordInfo>>,
}

impl<'a, 'b> Parser<'a, 'b> {
    /// A parser over `t`, looking every word and mark up once.
    pub fn new(t: &'b Toks<'a>, lex: &'b Lexicon) -> Self {
        let infos = Self::look_up(t, lex);
        Parser { t, lex, infos }
    }

    /// The lexicon entry of every token of `t`.
    pub fn look_up(t: &Toks, lex: &'b Lexicon) -> Vec<Option<&'b WordInfo>> {
        (0..t.len())
            .map(|i| match t.tok(i).map(|k| k.kind) {
                Some(Kind::Word | Kind::Punct(_)) => lex.get(t.key(i)),
                _ => None,
            })
            .collect()
    }

    /// A parser over `t` with its look-ups made before ([`Parser::look_up`]).
    pub fn with_lookups(
        t: &'b Toks<'a>,
        lex: &'b Lexicon,
        infos: Vec<Option<&'b WordInfo>>,
    ) -> Self {
        Parser { t, lex, infos }
    }

    /// A parser over `t`, tokens `a..` of this parser's text ([`Toks::window`]), with the
    /// look-ups already made.
    pub fn window<'c>(&self, t: &'c Toks<'a>, a: usize) -> Parser<'a, 'c>
    where
        'b: 'c,
    {
        let a = a.min(self.infos.len());
        let b = (a + t.len()).min(self.infos.len());
        Parser {
            t,
            lex: self.lex,
            infos: self.infos[a..b].to_vec(),
        }
    }

    fn info(&self, i: usize) -> Option<&'b WordInfo> {
        self.infos.get(i).copied().flatten()
    }

    fn has(&self, i: usize, f: u32) -> bool {
        self.info(i).is_some_and(|w| w.has(f))
    }

    /// Cardinal value of word `i` (or of a literal), for range/fraction look-ahead.
    fn small_value(&self, i: usize) -> Option<f64> {
        if let Some(l) = self.t.lit(i) {
            return Some(l.value);
        }
        self.info(i).and_then(|w| w.card)
    }

    /// An ordinal formed by suffix: सातवां → 7, fourth → 4, hundredth → 100 (as scale).
    fn suffix_ordinal(&self, i: usize) -> Option<(f64, bool)> {
        if !self.t.is_word(i) {
            return None;
        }
        let key = self.t.key(i);
        for (suf, rep) in &self.lex.ordinal_suffix_rules {
            if let Some(base) = key.strip_suffix(suf.as_str()) {
                if base.is_empty() {
                    continue;
                }
                let mut b = String::with_capacity(base.len() + rep.len());
                b.push_str(base);
                b.push_str(rep);
                if let Some(w) = self.lex.get(&b) {
                    if let Some(c) = w.card {
                        return Some((c, false));
                    }
                    if let Some(s) = w.scale {
                        return Some((s, true));
                    }
                }
            }
        }
        None
    }

    /// The denominator an English plural ordinal names: "fifths" → 5, "hundredths" → 100,
    /// "firsts" → 1 ("seconds" is a unit of time, never a denominator).
    fn plural_ordinal(&self, i: usize) -> Option<f64> {
        let key = self.t.key(i);
        if !self.t.is_word(i) || !key.is_ascii() {
            return None;
        }
        let base = key.strip_suffix('s')?;
        let info = self.lex.get(base);
        let d = match info.and_then(|w| w.ord) {
            Some(v) => v,
            None => self
                .lex
                .ordinal_suffix_rules
                .iter()
                .find_map(|(suf, rep)| {
                    let b = base.strip_suffix(suf.as_str()).filter(|b| !b.is_empty())?;
                    let w = self.lex.get(&format!("{b}{rep}"))?;
                    w.card.or(w.scale.filter(|s| *s >= 100.0))
                })?,
        };
        (d != 2.0 && d >= 1.0).then_some(d)
    }

    /// A run-together English tens compound: "thirtyfirst" → (31, ordinal), "twentyone" → (21, not).
    fn tens_compound(&self, i: usize) -> Option<(f64, bool)> {
        let key = self.t.key(i);
        if !self.t.is_word(i) || !key.is_ascii() {
            return None;
        }
        for (w, v) in &self.lex.latin_tens {
            let Some(rest) = key.strip_prefix(w.as_str()) else {
                continue;
            };
            if rest.is_empty() {
                continue;
            }
            let info = self.lex.get(rest);
            if let Some(u) = info
                .and_then(|w| w.card)
                .filter(|u| (1.0..10.0).contains(u))
            {
                return Some((v + u, false));
            }
            if let Some(u) = info.and_then(|w| w.ord).filter(|u| (1.0..10.0).contains(u)) {
                return Some((v + u, true));
            }
            for (suf, rep) in &self.lex.ordinal_suffix_rules {
                if let Some(base) = rest.strip_suffix(suf.as_str())
                    && let Some(u) = self
                        .lex
                        .get(&format!("{base}{rep}"))
                        .and_then(|w| w.card)
                        .filter(|u| (1.0..10.0).contains(u))
                {
                    return Some((v + u, true));
                }
            }
        }
        None
    }

    /// An ordinal word (fifth, तीसरा, सातवां): (value, is_scale).
    fn ordinal_word(&self, i: usize) -> Option<(f64, bool)> {
        if let Some(v) = self.info(i).and_then(|w| w.ord) {
            return Some((v, false));
        }
        self.suffix_ordinal(i)
    }

    /// A date, time or code around the literal at `i`: returns the token to skip to.
    fn date_or_code(&self, i: usize) -> Option<usize> {
        let t = self.t;
        if t.lit(i).is_some_and(|l| l.is_code()) {
            return Some(i + 1);
        }
        // 0800 555 111, 007: a leading zero makes a phone number or an ID, not a quantity.
        if t.lit(i).is_some_and(|l| l.integer && l.int_digits > 1)
            && t.raw(i).starts_with(['0', '०'])
            && (t.lit(i + 1).is_some() || t.lit(i).is_some_and(|l| l.int_digits >= 5))
        {
            let mut j = i + 1;
            while t.lit(j).is_some() {
                j += 1;
            }
            return Some(j);
        }
        // 7 a.m., 3 p.m.: a time of day.
        if matches!(t.key(i + 1), "a" | "p")
            && t.punct(i + 2) == Some('.')
            && t.key(i + 3) == "m"
            && t.attached(i + 2)
            && t.attached(i + 3)
        {
            return Some(i + 4);
        }
        // 10:26, 02:58
        if t.punct(i + 1) == Some(':') && t.attached(i + 1) && t.lit(i + 2).is_some() {
            let mut j = i + 3;
            while t.punct(j) == Some(':') && t.lit(j + 1).is_some() {
                j += 2;
            }
            return Some(j);
        }
        if i >= 2 && t.punct(i - 1) == Some(':') && t.attached(i) && t.lit(i - 2).is_some() {
            return Some(i + 1);
        }
        // 27.07.2023, 1.2.3: the literal stopped before a second dot.
        if t.punct(i + 1) == Some('.')
            && t.attached(i + 1)
            && t.attached(i + 2)
            && t.lit(i + 2).is_some_and(|l| !l.integer)
        {
            return Some(i + 3);
        }
        // 27/07/2023, 2023-07-27, 27.07.2023, +1-222-2222-2222: three numbers joined by one mark.
        for sep in ['/', '-', '.', '–'] {
            if t.punct(i + 1) == Some(sep)
                && t.attached(i + 1)
                && t.lit(i + 2).is_some()
                && t.attached(i + 2)
                && t.punct(i + 3) == Some(sep)
                && t.attached(i + 3)
                && t.lit(i + 4).is_some()
            {
                let mut j = i + 5;
                while t.punct(j) == Some(sep) && t.lit(j + 1).is_some() && t.attached(j) {
                    j += 2;
                }
                return Some(j);
            }
        }
        // A name with a number: कोविड-19, G-20, MiG-29.
        if i >= 2
            && t.attached(i)
            && matches!(t.punct(i - 1), Some('-' | '‐'))
            && t.attached(i - 1)
            && t.is_word(i - 2)
            && !(i >= 3 && t.attached(i - 2) && t.lit(i - 3).is_some())
        {
            return Some(i + 1);
        }
        // Glued to letters that are not a unit or suffix: COVID19, 4G, 32a2aaa, बीएए2, 3डी.
        if i > 0 && t.attached(i) && t.is_word(i - 1) {
            let before_unit = !self.lex.units_before.candidates(t.key(i - 1)).is_empty();
            let known = self
                .info(i - 1)
                .is_some_and(|w| w.has(flag::YEAR_PREFIX) || w.has(flag::NEGATIVE));
            // Other scripts glued before digits are currency signs (元६१८, دج६२५०००).
            let latin_or_devanagari = t
                .raw(i - 1)
                .chars()
                .all(|c| c.is_ascii() || ('\u{0900}'..='\u{097F}').contains(&c));
            if !before_unit && !known && latin_or_devanagari {
                return Some(i + 1);
            }
        }
        if t.attached(i + 1) && t.is_word(i + 1) {
            let k = t.key(i + 1);
            let known = self.info(i + 1).is_some_and(|w| {
                w.has(flag::DIGIT_ORDINAL_SUFFIX)
                    || w.scale.is_some()
                    || w.vague.is_some()
                    || w.money_scale.is_some()
                    || w.has(flag::RANGE)
                    || w.has(flag::DATE)
            }) || self
                .lex
                .units_after
                .candidates(k)
                .iter()
                .any(|(_, u)| u.exact.as_deref().is_none_or(|w| w == t.raw(i + 1)));
            if !known {
                let mut j = i + 1;
                while t.attached(j) && t.tok(j).is_some() {
                    j += 1;
                }
                return Some(j);
            }
        }
        // Part of a URL or path: digits glued to '/', '=', '_' or '&'.
        let glued = |j: usize| matches!(t.punct(j), Some('/' | '=' | '_' | '&' | '#' | '@'));
        let plain_fraction = t.punct(i + 1) == Some('/')
            && t.lit(i + 2).is_some()
            && !(t.attached(i + 3) && t.tok(i + 3).is_some())
            && !(i > 0
                && t.attached(i)
                && t.tok(i - 1)
                    .is_some_and(|p| p.kind != Kind::Punct('-') && p.kind != Kind::Punct('−')));
        if !plain_fraction
            && ((i > 0 && t.attached(i) && glued(i - 1)) || (t.attached(i + 1) && glued(i + 1)))
        {
            let mut j = i + 1;
            while t.tok(j).is_some() && t.attached(j) {
                j += 1;
            }
            return Some(j);
        }
        None
    }

    /// A number at token `i`.
    ///
    /// `6,000` | `70वीं` | `पंद्रह सौ` | `एक हज़ार पाँच सौ बीस` | `6,000 मिलियन` | `सवा सौ` |
    /// `साढ़े चार लाख` | `डेढ़` | `twenty-one` | `a hundred and five` | `दो दशमलव सात` | `1/4`
    fn number(&self, i: usize) -> Result<Num, NumErr> {
        let t = self.t;
        let mut j = i;
        let mut total = 0.0f64;
        let mut current = 0.0f64;
        let mut last = Last::None;
        let mut scale = None;
        let mut ordinal = false;
        let mut ambiguous = false;
        let mut words = 0usize;
        let mut year_like = false;
        let mut first_info: Option<&WordInfo> = None;
        // When the last word read is a tens word: the number before it and the tens ("one
        // hundred thirty" → (100, 30)), for a compound denominator ("thirty-fifths").
        let mut tens_from: Option<(f64, f64, bool)> = None;
        while let Some(tok) = t.tok(j) {
            match tok.kind {
                Kind::Num(lit) => {
                    let fresh = last == Last::None
                        || (last == Last::Scale && current == 0.0)
                        || (last == Last::Hundred && lit.value < 100.0 && lit.integer);
                    if !fresh || (j > i && !tok.ws_before) {
                        break;
                    }
                    // the 1960s, 1990's: a decade, read as its first year
                    if j == i
                        && lit.integer
                        && !lit.grouped
                        && lit.int_digits == 4
                        && (1800.0..=2090.0).contains(&lit.value)
                        && lit.value % 10.0 == 0.0
                        && t.attached(j + 1)
                        && (t.raw(j + 1) == "s"
                            || (matches!(t.punct(j + 1), Some('\'' | '’'))
                                && t.attached(j + 2)
                                && t.raw(j + 2) == "s"))
                    {
                        let end = if t.raw(j + 1) == "s" { j + 2 } else { j + 3 };
                        return Ok(Num {
                            value: lit.value,
                            end,
                            scale: None,
                            ordinal: false,
                            article: false,
                            strict_article: false,
                            year_like: true,
                            ambiguous: false,
                            bare_fraction: false,
                            decade: true,
                        });
                    }
                    if let Some(skip) = self.date_or_code(j) {
                        if j == i {
                            return Err(NumErr::Skip(skip));
                        }
                        break;
                    }
                    let mut v = lit.value;
                    let mut k = j + 1;
                    // 10 000, 1 414 021 100: thousands grouped by single spaces (SI style) —
                    // a lead of one to three digits, then groups of exactly three.
                    if lit.integer && !lit.grouped && lit.int_digits <= 3 && !t.attached(j) {
                        // a group glued to a mark that continues it ("000/5", "000-7") is no group
                        let glued_mark = |x: usize| {
                            t.attached(x)
                                && t.lit(x).is_none()
                                && !t.is_word(x)
                                && !matches!(t.punct(x), Some('.' | ',' | ')' | '।'))
                        };
                        let (mut gv, mut gk, mut groups) = (v, k, 0);
                        while let Some(g) = t.lit(gk)
                            && g.integer
                            && !g.grouped
                            && g.int_digits == 3
                            && t.raw(gk).len() == 3
                            && t.text
                                .get(t.toks[gk - 1].end..t.toks[gk].start)
                                .is_some_and(|gap| matches!(gap, " " | "\u{a0}" | "\u{202f}"))
                            && !glued_mark(gk + 1)
                        {
                            gv = gv * 1000.0 + g.value;
                            gk += 1;
                            groups += 1;
                        }
                        // one group alone only before a unit ("10 000 dollars"): "116 123" is a
                        // phone number
                        if groups > 1 || (groups == 1 && self.unit_after(gk).is_some()) {
                            current += gv;
                            last = Last::Digits;
                            j = gk;
                            continue;
                        }
                    }
                    // 1/4, २००/५००: a fraction unless it could be a day/month date (26/11).
                    if lit.integer
                        && t.punct(k) == Some('/')
                        && t.attached(k)
                        && t.attached(k + 1)
                        && let Some(den) = t.lit(k + 1)
                        && den.integer
                        && den.value > 0.0
                    {
                        let date_like = v <= 31.0 && den.value <= 12.0 && v >= den.value;
                        if date_like {
                            return Err(NumErr::Skip(k + 2));
                        }
                        v /= den.value;
                        k += 2;
                    }
                    // 1.1^23, 2.5^-1, 10^+6: a power written with a caret
                    if t.punct(k) == Some('^') && t.attached(k) {
                        let neg = matches!(t.punct(k + 1), Some('-' | '−'));
                        let sign_at = usize::from(neg || t.punct(k + 1) == Some('+'));
                        if let Some(e) = t.lit(k + 1 + sign_at)
                            && e.integer
                            && (sign_at == 0 || t.attached(k + 1))
                            && t.attached(k + 1 + sign_at)
                            && e.value <= 308.0
                        {
                            let p = v.powf(if neg { -e.value } else { e.value });
                            if p.is_finite() {
                                v = p;
                                k += 2 + sign_at;
                            }
                        }
                    }
                    year_like = j == i
                        && k == j + 1
                        && lit.integer
                        && !lit.grouped
                        && lit.int_digits == 4
                        && (1800.0..=2100.0).contains(&v);
                    current += v;
                    last = Last::Digits;
                    j = k;
                    // 70वीं, 21st, २रा
                    if t.attached(j) && self.has(j, flag::DIGIT_ORDINAL_SUFFIX) && t.is_word(j) {
                        ordinal = true;
                        j += 1;
                        year_like = false;
                        break;
                    }
                }
                Kind::Word | Kind::Punct(_) => {
                    let info = self.info(j);
                    let is_latin = t.raw(j).is_ascii();
                    // twenty-one, thirty—first
                    // (also spaced on both sides: "fifty - two"; a range never runs down)
                    let spaced = t.tok(j).is_some_and(|x| x.ws_before)
                        && t.tok(j + 1).is_some_and(|x| x.ws_before);
                    if last == Last::Tens
                        && matches!(t.punct(j), Some('-' | '—' | '–'))
                        && ((t.attached(j) && t.attached(j + 1)) || spaced)
                        && (self
                            .info(j + 1)
                            .and_then(|w| w.card.or(w.ord))
                            .is_some_and(|v| (1.0..10.0).contains(&v))
                            || self
                                .suffix_ordinal(j + 1)
                                .is_some_and(|(v, s)| !s && (1.0..10.0).contains(&v))
                            || self
                                .plural_ordinal(j + 1)
                                .is_some_and(|v| (1.0..10.0).contains(&v)))
                    {
                        j += 1;
                        continue;
                    }
                    // three fifths, fifty-four hundredths, one hundred thirty-fifths (100/35),
                    // three twenty firsts (3/21): a plural ordinal after a number is its
                    // denominator; after a tens word it ends a compound denominator.
                    if last != Last::None
                        && let Some(d) = self.plural_ordinal(j)
                    {
                        // (spaced after an ordinary tens word, "one hundred and thirty
                        // fifths" is 130/5)
                        let hyphen = t.punct(j - 1) == Some('-') && t.attached(j);
                        let compound = (last == Last::Tens && d < 10.0)
                            .then_some(tens_from)
                            .flatten()
                            .filter(|(before, _, spoken)| *before > 0.0 && (*spoken || hyphen));
                        let v = match compound {
                            Some((before, tens, _)) => before / (tens + d),
                            None if d > 1.0 => (total + current) / d,
                            None => break,
                        };
                        total = 0.0;
                        current = v;
                        j += 1;
                        words += 1;
                        break;
                    }
                    // a hundred and five (but "a million and three quarters" is a fraction of
                    // the million, read after the loop)
                    // ("30 lakh and three hundred crore", "… and 3M" are two numbers: what
                    // follows "and" takes no scale as large as the last, nor a glued letter)
                    if matches!(last, Last::Hundred | Last::Scale)
                        && info.is_some_and(|w| w.has(flag::AND))
                        && (self.info(j + 1).is_some_and(|w| {
                            (w.card.is_some_and(|v| v < 100.0) || w.ord.is_some())
                                && !w.has(flag::STRICT_ARTICLE)
                        }) || t.lit(j + 1).is_some_and(|l| {
                            l.value < 100.0 && l.integer && !(t.attached(j + 2) && t.is_word(j + 2))
                        }))
                        && !self.number(j + 1).is_ok_and(|n| {
                            n.scale
                                .is_some_and(|s| scale.is_some_and(|ls| ls > 100.0 && s >= ls))
                        })
                        && !(last == Last::Scale
                            && self
                                .info(j + 2)
                                .and_then(|w| w.scale)
                                .is_some_and(|s| s < 1.0))
                    {
                        j += 1;
                        continue;
                    }
                    let Some(w) = info else {
                        // thirtyfirst, twentyone
                        if let Some((v, ord)) = self.tens_compound(j)
                            && can_add(current, last, v)
                        {
                            current += v;
                            j += 1;
                            words += 1;
                            if ord {
                                ordinal = true;
                                break;
                            }
                            last = Last::Small;
                            continue;
                        }
                        // An ordinal by suffix: सातवां, चालीसवीं, fourth, hundredth.
                        if let Some((v, is_scale)) = self.suffix_ordinal(j) {
                            if is_scale {
                                if let Some((nt, nc)) = apply_scale(total, current, last, v) {
                                    total = nt;
                                    current = nc;
                                    ordinal = true;
                                    j += 1;
                                    words += 1;
                                }
                            } else if can_add(current, last, v) {
                                current += v;
                                ordinal = true;
                                j += 1;
                                words += 1;
                            }
                        }
                        break;
                    };
                    if words == 0 && j == i {
                        first_info = Some(w);
                    }
                    if let Some(v) = w.card {
                        // one twenty two (122), nineteen seventy-three (1973): spoken English
                        // drops "hundred" between a number under 100 and a two-digit one.
                        // (a digit word or a teen first, not in a list of numbers, not "a")
                        if !can_add(current, last, v)
                            && is_latin
                            && t.is_word(i)
                            && t.raw(i).is_ascii()
                            && words == 1
                            && !first_info.is_some_and(|w| w.has(flag::STRICT_ARTICLE))
                            && !(i > 0 && self.info(i - 1).is_some_and(WordInfo::is_numeric))
                            && total == 0.0
                            && scale.is_none()
                            && last == Last::Small
                            && (1.0..20.0).contains(&current)
                            && (10.0..100.0).contains(&v)
                            && tok.ws_before
                        {
                            tens_from = Some((current, v, true));
                            current = current * 100.0 + v;
                            last = if v % 10.0 == 0.0 && v >= 20.0 {
                                Last::Tens
                            } else {
                                Last::Small
                            };
                            j += 1;
                            words += 1;
                            continue;
                        }
                        if !can_add(current, last, v) {
                            break;
                        }
                        tens_from = Some((total + current, v, false));
                        current += v;
                        last = if is_latin && (20.0..100.0).contains(&v) && v % 10.0 == 0.0 {
                            Last::Tens
                        } else {
                            Last::Small
                        };
                        if current >= 100.0 && current % 100.0 == 0.0 {
                            last = Last::Hundred;
                        }
                        j += 1;
                        words += 1;
                        continue;
                    }
                    if let Some(v) = w.frac {
                        if !(last == Last::None || (last == Last::Scale && current == 0.0)) {
                            break;
                        }
                        current = v;
                        last = Last::Small;
                        j += 1;
                        words += 1;
                        continue;
                    }
                    if let Some(p) = w.frac_prefix {
                        if !(last == Last::None || (last == Last::Scale && current == 0.0)) {
                            break;
                        }
                        // सवा दो सौ, साढ़े 3, पौने लाख
                        if let Some(v) = self.small_value(j + 1).filter(|v| *v < 100.0) {
                            current = v + p;
                            j += 2;
                        } else if self.info(j + 1).is_some_and(|w| w.scale.is_some())
                            || self.unit_after(j + 1).is_some()
                        {
                            // सवा लाख, पौने सौ, सवा किलो
                            current = 1.0 + p;
                            j += 1;
                        } else {
                            break;
                        }
                        last = Last::Small;
                        words += 1;
                        continue;
                    }
                    if let Some(s) = w
                        .vague
                        .filter(|_| last != Last::None && w.vague_bounds.is_none())
                        .or(w.scale)
                    {
                        // A bare scale starts a number only as a full word ("हजार", "thousand"),
                        // never as an abbreviation (k, bn) or a fraction (चौथाई).
                        if last == Last::None && (s < 1.0 || (is_latin && t.raw(j).len() < 4)) {
                            break;
                        }
                        // "two thousand thousand": a scale does not stack on itself (two
                        // figures, as "हजार करोड़" stacks two different scales).
                        if last == Last::Scale && current == 0.0 && scale == Some(s) {
                            break;
                        }
                        let Some((nt, nc)) = apply_scale(total, current, last, s) else {
                            break;
                        };
                        total = nt;
                        current = nc;
                        last = if s == 100.0 {
                            Last::Hundred
                        } else {
                            Last::Scale
                        };
                        scale = Some(s);
                        j += 1;
                        words += 1;
                        continue;
                    }
                    if let Some(v) = w.ord {
                        if !can_add(current, last, v) {
                            break;
                        }
                        current += v;
                        ordinal = true;
                        ambiguous = words == 0 && w.has(flag::AMBIGUOUS_ORDINAL);
                        j += 1;
                        words += 1;
                        break;
                    }
                    if let Some((v, is_scale)) = self.suffix_ordinal(j) {
                        if is_scale {
                            if let Some((nt, nc)) = apply_scale(total, current, last, v) {
                                total = nt;
                                current = nc;
                                ordinal = true;
                                j += 1;
                                words += 1;
                            }
                        } else if can_add(current, last, v) {
                            current += v;
                            ordinal = true;
                            j += 1;
                            words += 1;
                        }
                    }
                    break;
                }
            }
        }
        if j == i {
            return Err(NumErr::No);
        }
        let mut value = total + current;
        // a millionth, a trillionth: "a" before the ordinal of a scale is a fraction
        if ordinal
            && matches!(t.key(i), "a" | "an")
            && j == i + 2
            && value >= 100.0
            && (value.log10() - value.log10().round()).abs() < 1e-9
        {
            value = 1.0 / value;
            ordinal = false;
        }
        // दो दशमलव सात, two point five
        if !ordinal && value.fract() == 0.0 && self.has(j, flag::DECIMAL) {
            let mut k = j + 1;
            let mut place = 0.1;
            let mut any = false;
            while let Some(d) = self.info(k).and_then(|w| w.card).filter(|d| *d < 10.0) {
                value += d * place;
                place /= 10.0;
                k += 1;
                any = true;
            }
            // 1 point 1, 3 point 05: digits after the decimal word are its decimals
            if !any
                && let Some(l) = t.lit(k)
                && l.integer
                && !l.grouped
                && t.tok(k).is_some_and(|x| x.ws_before)
                && !(t.attached(k + 1) && t.lit(k + 1).is_none() && !t.is_word(k + 1))
            {
                value += l.value / 10f64.powi(l.int_digits as i32);
                k += 1;
                any = true;
            }
            if any {
                j = k;
                if let Some(s) = self.info(j).and_then(|w| w.scale).filter(|s| *s > 1.0) {
                    value *= s;
                    scale = Some(s);
                    j += 1;
                }
            }
        }
        // २ १/६: a whole number and a proper fraction.
        if !ordinal
            && value.fract() == 0.0
            && t.lit(i).is_some()
            && let Some(l) = t.lit(j)
            && t.tok(j).is_some_and(|x| x.ws_before)
            && t.punct(j + 1) == Some('/')
            && t.attached(j + 1)
            && let Some(d) = t.lit(j + 2)
            && t.attached(j + 2)
            && l.integer
            && d.integer
            && l.value < d.value
            && !(t.punct(j + 3) == Some('/') && t.attached(j + 3))
        {
            value += l.value / d.value;
            j += 3;
        }
        // एक सौ तैंतीस सही एक बटा दो, two and a half, दो और दो बटा सात, 3 million and a half
        if !ordinal && value.fract() == 0.0 && self.has(j, flag::MIXED) {
            let k = j + 1;
            let unit_of = scale
                .filter(|s| *s > 100.0 && value % s == 0.0)
                .unwrap_or(1.0);
            // The fraction and where it ends.
            let mut frac = None;
            if matches!(t.key(k), "a" | "an")
                && let Some(f) = self.info(k + 1).and_then(|w| w.frac)
                && f < 1.0
            {
                frac = Some((f, k + 2));
            } else if let Ok(fr) = self.number(k)
                && fr.value > 0.0
                && !fr.ordinal
            {
                if fr.value < 1.0 {
                    frac = Some((fr.value, fr.end));
                } else if fr.scale.is_some() && fr.value < unit_of {
                    // one billion and three quarters million, two billion and 500 million
                    value += fr.value;
                    j = fr.end;
                }
            }
            if let Some((f, e)) = frac {
                j = e;
                match self.info(j).and_then(|w| w.scale).filter(|s| *s > 100.0) {
                    // two and a half million
                    Some(s) if unit_of == 1.0 => {
                        value = (value + f) * s;
                        scale = Some(s);
                        j += 1;
                    }
                    // one billion and a quarter million
                    Some(s) => {
                        value += f * s;
                        j += 1;
                    }
                    // five billion and three quarters, 3 million and a half
                    None => value += f * unit_of,
                }
            }
        }
        // a third of, one fifth: a count over an ordinal is a fraction.
        if !ordinal
            && value.fract() == 0.0
            && (1.0..20.0).contains(&value)
            && j == i + 1
            && t.is_word(i)
            && let Some((d, false)) = self.ordinal_word(j)
            && d >= 3.0
            && (t.key(j + 1) == "of"
                || t.tok(j + 1)
                    .is_none_or(|x| matches!(x.kind, Kind::Punct(_))))
        {
            value /= d;
            j += 1;
        }
        // एक बटा चार
        // one - fourth, five - eighths: a fraction written with a spaced dash.
        if !ordinal
            && value.fract() == 0.0
            && (1.0..20.0).contains(&value)
            && j == i + 1
            && t.is_word(i)
            && t.punct(j) == Some('-')
            && t.tok(j).is_some_and(|x| x.ws_before)
            && t.tok(j + 1).is_some_and(|x| x.ws_before)
            && t.is_word(j + 1)
        {
            if let Some((d, false)) = self.ordinal_word(j + 1)
                && d >= 3.0
            {
                value /= d;
                j += 2;
            } else if let Some(s) = self.info(j + 1).and_then(|w| w.scale).filter(|s| *s < 1.0) {
                value *= s;
                j += 2;
            }
        }
        // half a dozen, two thirds of a million, a third of a billion.
        if !ordinal && value > 0.0 && value < 1.0 {
            let k = if t.key(j) == "of" { j + 1 } else { j };
            if matches!(t.key(k), "a" | "an")
                && t.raw(k + 1).len() >= 4
                && let Some(s) = self.info(k + 1).and_then(|w| w.scale).filter(|s| *s > 1.0)
            {
                value *= s;
                scale = Some(s);
                j = k + 2;
            }
        }
        // एक बटा चार, 1 over 3. The English "over" is also "more than" ("over 20 years",
        // "5 over 2019"): a fraction only between whole numbers, with no word after.
        if !ordinal
            && self.has(j, flag::OVER)
            && let Ok(den) = self.number(j + 1)
            && den.value > 0.0
            && !den.ordinal
            && (!t.raw(j).is_ascii()
                || (value.fract() == 0.0
                    && den.value.fract() == 0.0
                    && !den.year_like
                    && t.tok(den.end)
                        .is_none_or(|x| matches!(x.kind, Kind::Punct(_)))))
        {
            value /= den.value;
            j = den.end;
        }
        // तीन का इक्कीसवां, एक का पांचवां भाग, सौ की पांचवीं: X's N-th (part) is X / N — the
        // ordinal closes the clause or a part word follows it.
        if !ordinal
            && !year_like
            && value != 0.0
            && self.has(j, flag::PART_OF)
            && let Ok(den) = self.number(j + 1)
            && den.ordinal
            && den.value >= 2.0
            && (self.has(den.end, flag::PART)
                || t.tok(den.end)
                    .is_none_or(|x| matches!(x.kind, Kind::Punct(_))))
        {
            value /= den.value;
            j = den.end + usize::from(self.has(den.end, flag::PART));
        }
        // two out of five, one in five: a part of a whole.
        if !ordinal
            && value > 0.0
            && value.fract() == 0.0
            && let Some((&one_only, k)) =
                self.match_forward(j, self.lex.ratios.candidates(t.key(j)))
            && (!one_only || (value == 1.0 && !matches!(t.key(i), "a" | "an")))
            && let Ok(den) = self.number(k)
            && !den.ordinal
            && !den.year_like
            && den.value > value
            && den.value.fract() == 0.0
            && (!one_only || self.unit_after(den.end).is_none())
        {
            value /= den.value;
            j = den.end;
        }
        let single_word = words == 1 && j == i + 1;
        // "the couple", "the pair": not a count without "of".
        if single_word && first_info.is_some_and(|w| w.has(flag::NEEDS_OF)) && t.key(j) != "of" {
            return Err(NumErr::No);
        }
        let article = single_word && first_info.is_some_and(|w| w.has(flag::ARTICLE));
        let strict_article = single_word && first_info.is_some_and(|w| w.has(flag::STRICT_ARTICLE));
        Ok(Num {
            value,
            end: j,
            scale,
            ordinal,
            article,
            strict_article,
            year_like: year_like && j == i + 1,
            ambiguous: ambiguous && single_word,
            decade: false,
            bare_fraction: single_word
                && first_info.is_some_and(|w| w.frac.is_some_and(|f| f < 1.0)),
        })
    }

    /// Longest unit phrase starting at `j`: (unit, end token).
    fn unit_after(&self, j: usize) -> Option<(&'b UnitDef, usize)> {
        let cands = self.lex.units_after.candidates(self.t.key(j));
        self.match_forward(j, cands).filter(|(u, _)| {
            u.exact
                .as_deref()
                .is_none_or(|w| self.t.attached(j) && self.t.raw(j) == w)
        })
    }

    fn match_forward<T>(
        &self,
        j: usize,
        cands: &'b [(Vec<PhraseWord>, T)],
    ) -> Option<(&'b T, usize)> {
        'outer: for (words, v) in cands {
            for (k, w) in words.iter().enumerate() {
                if self.t.key(j + k) != w.key
                    || self.t.tok(j + k).is_none()
                    || (w.glued && !self.t.attached(j + k))
                {
                    continue 'outer;
                }
            }
            return Some((v, j + words.len()));
        }
        None
    }

    /// Longest phrase ending just before token `i` (not reaching below `floor`): (value, start).
    fn match_backward<T>(
        &self,
        i: usize,
        floor: usize,
        get: impl Fn(&str) -> &'b [(Vec<PhraseWord>, T)],
    ) -> Option<(&'b T, usize)> {
        if i == 0 || i <= floor {
            return None;
        }
        let cands = get(self.t.key(i - 1));
        'outer: for (words, v) in cands {
            let n = words.len();
            if n > i - floor {
                continue;
            }
            let s = i - n;
            for (k, w) in words.iter().enumerate() {
                if self.t.key(s + k) != w.key || (w.glued && !self.t.attached(s + k)) {
                    continue 'outer;
                }
            }
            return Some((v, s));
        }
        None
    }

    /// A number next to a month name or time-of-day word is part of a date or time.
    fn next_to_date_word(&self, i: usize, end: usize) -> bool {
        let t = self.t;
        let mut k = end;
        if matches!(t.punct(k), Some('.' | ',')) {
            k += 1;
        }
        if self.has(k, flag::DATE) && !(end..=k).any(|j| t.cell_break(j)) {
            return true;
        }
        if i == 0 || t.cell_break(i) {
            return false;
        }
        let mut b = i - 1;
        if matches!(t.punct(b), Some(',' | '.')) && b > 0 {
            if t.cell_break(b) {
                return false;
            }
            b -= 1;
        }
        // "Nov 30, 2024": the year after a day that follows a month.
        self.has(b, flag::DATE)
            || (t.lit(b).is_some() && b > 0 && !t.cell_break(b) && self.has(b - 1, flag::DATE))
    }

    /// The figure that starts at trigger token `i`; `floor` is the first token not yet claimed.
    /// Returns the hit (if any) and the token to continue from.
    pub fn figure_at(&self, i: usize, floor: usize) -> (Option<Hit>, usize) {
        let t = self.t;
        // Implicit one: पूरे दिन, सारा हफ्ता, all day, all-week, another hour; दिन भर.
        if self.has(i, flag::ONE_BEFORE) {
            let k = if matches!(t.punct(i + 1), Some('-')) && t.attached(i + 1) {
                i + 2
            } else {
                i + 1
            };
            if let Some((u, e)) = self
                .unit_after(k)
                .filter(|(u, _)| u.kind == FigureKind::Duration)
            {
                return (Some(self.implicit_one(i, e, u)), e);
            }
            return (None, i + 1);
        }
        if let Some((u, e)) = self.unit_after(i)
            && u.kind == FigureKind::Duration
            && self.has(e, flag::ONE_AFTER)
        {
            return (Some(self.implicit_one(i, e + 1, u)), e + 1);
        }
        // Vague plurals: हजारों सैनिकों, thousands of troops.
        if let Some(s) = self.info(i).and_then(|w| w.vague) {
            let bounds = self.info(i).and_then(|w| w.vague_bounds);
            let mut end = i + 1;
            let mut noun_from = end;
            if t.key(end) == "of" {
                noun_from = end + 1;
            } else if t.raw(i).is_ascii() && bounds.is_none() {
                // "millions due to …": an English vague plural counts a noun only with "of".
                noun_from = usize::MAX;
            }
            let mut unit = None;
            if let Some((u, e)) = self.unit_after(noun_from) {
                unit = Some((u.unit.clone(), u.kind));
                end = e;
            } else if let Some((n, e)) = noun::counted(self, noun_from) {
                unit = Some((n, FigureKind::Count));
                end = e;
            }
            let start = self.prefix_start(i, floor).0;
            let (unit, kind) = match unit {
                Some((u, k)) => (Some(u), k),
                None => (None, FigureKind::Count),
            };
            return (
                Some(self.hit(
                    start,
                    end,
                    Figure {
                        value: s,
                        unit,
                        qualifier: Qualifier::Vague,
                        min: Some(bounds.map_or(2.0 * s, |b| b.0)),
                        max: bounds.map(|b| b.1),
                        figure: kind,
                    },
                )),
                end,
            );
        }
        let num = match self.number(i) {
            Ok(n) => n,
            Err(NumErr::Skip(j)) => return (None, j.max(i + 1)),
            Err(NumErr::No) => return (None, i + 1),
        };
        // (a grouped amount, "$ 37,305.97 february expenses", is no day or year of a date)
        let grouped = t.lit(num.end - 1).is_some_and(|l| l.grouped);
        if !grouped && self.next_to_date_word(i, num.end) {
            return (None, num.end);
        }
        // कई लाख पर्यटक, several thousand people: vague, like हजारों.
        if let Some(s) = num.scale
            && num.end == i + 1
            && i > floor
            && self.has(i - 1, flag::SEVERAL)
        {
            let mut end = num.end;
            let mut noun = None;
            if t.key(end) == "of" || !t.raw(i).is_ascii() {
                let from = if t.key(end) == "of" { end + 1 } else { end };
                if let Some((n, e)) = noun::counted(self, from) {
                    noun = Some(n);
                    end = e;
                }
            }
            let figure = Figure {
                value: s,
                unit: noun,
                qualifier: Qualifier::Vague,
                min: Some(2.0 * s),
                max: None,
                figure: FigureKind::Count,
            };
            return (Some(self.hit(i - 1, end, figure)), end);
        }
        if num.ordinal {
            if num.ambiguous && !self.ordinal_in_context(i, num.end) {
                return (None, num.end);
            }
            // between the tenth and the fifteenth, 5th to 8th, पांचवें से आठवें: a range of ranks
            let the = |k: usize| if t.key(k) == "the" { k + 1 } else { k };
            let between = (i > floor && t.key(i - 1) == "between")
                || (i > floor + 1 && t.key(i - 1) == "the" && t.key(i - 2) == "between");
            // दसवें और पंद्रहवें के बीच: "and" with "between" after the second end
            let and_between = t.key(num.end) == "और"
                && self
                    .number(num.end + 1)
                    .is_ok_and(|n| n.ordinal && t.key(n.end) == "के" && t.key(n.end + 1) == "बीच");
            let conn = self.has(num.end, flag::RANGE)
                || (between && t.key(num.end) == "and")
                || and_between;
            if conn
                && let Ok(second) = self.number(the(num.end + 1))
                && second.ordinal
                && second.value > num.value
            {
                let end = second.end + if and_between { 2 } else { 0 };
                let hit = self.hit(
                    i,
                    end,
                    Figure {
                        value: num.value,
                        unit: None,
                        qualifier: Qualifier::Range,
                        min: Some(num.value),
                        max: Some(second.value),
                        figure: FigureKind::Ordinal,
                    },
                );
                return (Some(hit), end);
            }
            let hit = self.hit(
                i,
                num.end,
                Figure {
                    value: num.value,
                    unit: None,
                    qualifier: Qualifier::Exact,
                    min: None,
                    max: None,
                    figure: FigureKind::Ordinal,
                },
            );
            return (Some(hit), num.end);
        }
        let mut end = num.end;
        let mut value = num.value;
        let mut unit: Option<&UnitDef> = None;
        // £125m, $2.8bn: a glued letter scales an amount of money written with a symbol.
        if t.lit(num.end - 1).is_some()
            && t.attached(end)
            && let Some(ms) = self.info(end).and_then(|w| w.money_scale)
            && self
                .match_backward(i, floor, |k| self.lex.units_before.candidates(k))
                .is_some_and(|(u, _)| u.kind == FigureKind::Money)
        {
            value *= ms;
            end += 1;
        }
        // 1.2M, 1MM, 1,674.5 G: a scale letter in its exact case ("5 m" is metres, "5 g" grams).
        // Glued to a one-digit whole number it names a thing (3M, 4G, 5G), not an amount, unless
        // money comes before (US$ 1MM).
        if end > i
            && let Some(l) = t.lit(end - 1)
            && num.scale.is_none()
            && let Some(s) = self
                .lex
                .case_scales
                .iter()
                .find(|(w, _)| w == t.raw(end))
                .map(|(_, s)| *s)
        {
            let money_before = self
                .match_backward(i, floor, |k| self.lex.units_before.candidates(k))
                .is_some_and(|(u, _)| u.kind == FigureKind::Money);
            let plain = l.integer && !l.grouped;
            if t.attached(end) && plain && l.int_digits == 1 && !money_before {
                return (None, end + 1);
            }
            // Written apart, a letter after a plain whole number is a label ("section 5 B").
            if t.attached(end) || !plain || money_before {
                value *= s;
                end += 1;
            }
        }
        // 10-गैलन, 30-minutes: a unit after a hyphen; 3-डी, 3-D: a code, not a figure.
        if matches!(t.punct(end), Some('-' | '‐'))
            && t.attached(end)
            && t.attached(end + 1)
            && t.is_word(end + 1)
        {
            match self.unit_after(end + 1) {
                Some((u, e)) => {
                    unit = Some(u);
                    end = e;
                }
                None => return (None, end + 2),
            }
        }
        if unit.is_none() {
            // "rmb 10 usd 20": a number with its currency before it leaves the currency after it
            // to the next number.
            let money_before = self
                .match_backward(i, floor, |k| self.lex.units_before.candidates(k))
                .is_some_and(|(u, _)| u.kind == FigureKind::Money);
            let direct = self
                .unit_after(end)
                .filter(|(u, _)| !(money_before && u.kind == FigureKind::Money && u.factor >= 1.0));
            // a couple of days, fourth of a liter
            let of = (t.key(end) == "of")
                .then(|| self.unit_after(end + 1))
                .flatten()
                .filter(|(u, _)| u.kind != FigureKind::Percent);
            // एक और महीने, one more week: the article counts the unit after "और/more".
            let more = (num.article && !num.strict_article && matches!(t.key(end), "और" | "more"))
                .then(|| self.unit_after(end + 1))
                .flatten()
                .filter(|(u, _)| u.kind == FigureKind::Duration);
            // half an hour, a quarter of a mile
            let frac_a = (num.bare_fraction && matches!(t.key(end), "a" | "an"))
                .then(|| self.unit_after(end + 1))
                .flatten();
            if let Some((u, e)) = direct.or(of).or(frac_a).or(more) {
                unit = Some(u);
                end = e;
            }
        }
        // 75 USD million: a currency written before its scale.
        if unit.is_some_and(|u| u.kind == FigureKind::Money)
            && num.scale.is_none()
            && t.raw(end).chars().count() >= 4
            && let Some(s) = self.info(end).and_then(|w| w.scale).filter(|s| *s > 100.0)
        {
            value *= s;
            end += 1;
        }
        // an hour and a half, डेढ़ घंटा's long form "एक घंटा और आधा"
        if unit.is_some() && self.has(end, flag::MIXED) {
            let k = if matches!(t.key(end + 1), "a" | "an") {
                end + 2
            } else {
                end + 1
            };
            if let Some(f) = self.info(k).and_then(|w| w.frac).filter(|f| *f < 1.0) {
                value += f;
                end = k + 1;
            }
        }
        // Range: 5-6, 5 से 6, पांच से छह, 20 to 30, between 20 and 30.
        let mut range_max = None;
        let mut years = false;
        // (also before a currency sign: "between $5 and $10")
        let lead = self
            .match_backward(i, floor, |k| self.lex.units_before.candidates(k))
            .map_or(i, |(_, s)| s);
        let between = lead > 0 && matches!(t.key(lead - 1), "between" | "बीच");
        let and_between = matches!(t.key(end), "और" | "and")
            && self
                .number(end + 1)
                .is_ok_and(|n| t.key(n.end) == "के" && t.key(n.end + 1) == "बीच");
        // "8- to 16-metre": a suspended hyphen before the connector
        let suspended = matches!(t.punct(end), Some('-'))
            && t.attached(end)
            && t.tok(end + 1).is_some_and(|x| x.ws_before)
            && t.is_word(end + 1)
            && self.has(end + 1, flag::RANGE);
        if suspended {
            end += 1;
        }
        // "इटली - 827 - 12,462": a spaced hyphen that already separated cells earlier on the
        // line separates cells here too (deaths, cases), not the ends of a range.
        let cell_hyphen = t.punct(end) == Some('-')
            && !t.attached(end)
            && t.tok(end + 1).is_some_and(|x| x.ws_before)
            && t.tok(i).is_some_and(|x| {
                let line = t.text[..x.start].rsplit('\n').next().unwrap_or("");
                line.contains(" - ")
            });
        let conn = !cell_hyphen
            && (self.has(end, flag::RANGE) || (between && t.key(end) == "and") || and_between);
        // "between 2 g and about 7 g", "2 - ~7 litres": the second end may be approximate
        // (English only: "शून्य से करीब 23 डिग्री" is "about 23 below zero").
        let approx = t.raw(end).is_ascii()
            && value != 0.0
            && self
                .lex
                .quals_before
                .candidates(t.key(end + 1))
                .iter()
                .any(|(w, q)| w.len() == 1 && *q == Some(Qualifier::About))
            && self.starts_number(end + 2);
        let mut second_at = if approx { end + 2 } else { end + 1 };
        // "£15,001 से £19,999 तक", "$5 to $10": the second end repeats the currency written
        // before the first
        if !approx
            && let Some((u2, e2)) = self.match_forward(
                second_at,
                self.lex.units_before.candidates(t.key(second_at)),
            )
            && u2.kind == FigureKind::Money
            && self.starts_number(e2)
            && self
                .match_backward(i, floor, |k| self.lex.units_before.candidates(k))
                .is_some_and(|(u1, _)| u1.unit == u2.unit)
        {
            second_at = e2;
        }
        if conn
            && !(num.year_like && t.key(end) == "से" && !self.starts_number(end + 1))
            && let Ok(second) = self.number(second_at)
        {
            let mut lo = value;
            // 5-6 लाख: the scale of the second end applies to the first.
            if num.scale.is_none()
                && let Some(s) = second.scale
                && lo * s <= second.value
                && lo < second.value / s + 1.0
            {
                lo *= s;
            }
            let third_part = matches!(t.punct(second.end), Some('-' | '/' | '–'))
                && t.attached(second.end)
                && t.lit(second.end + 1).is_some();
            // 6-3, 6-7(6-8): a glued pair in a list of pairs or before a bracketed pair is a
            // score, not a range
            let glued_pair = t.punct(end) == Some('-')
                && t.attached(end)
                && t.attached(end + 1)
                && t.lit(i).is_some();
            let pair_at = |k: usize| {
                t.lit(k).is_some()
                    && t.punct(k + 1) == Some('-')
                    && t.attached(k + 1)
                    && t.attached(k + 2)
                    && t.lit(k + 2).is_some()
            };
            let in_list = glued_pair
                && ((t.punct(second.end) == Some('(') && t.attached(second.end))
                    || (t.punct(second.end) == Some(',') && pair_at(second.end + 1))
                    // (a bracketed pair glued to a score before it, "6-7(6-8)"; "(10-60 मिनट)"
                    // in words is a range)
                    || (i > floor + 1
                        && t.punct(i - 1) == Some('(')
                        && t.attached(i)
                        && t.attached(i - 1)
                        && t.lit(i - 2).is_some())
                    || (i > floor + 3 && t.punct(i - 1) == Some(',') && pair_at(i - 4)));
            if in_list {
                return (None, second.end);
            }
            // "33-33 मामले", "दो-दो": the same number twice is distributive (33 each), one figure.
            let distributive = second.value == lo
                && !second.ordinal
                && !third_part
                && t.punct(end) == Some('-')
                && t.attached(end)
                && t.attached(end + 1);
            if distributive {
                value = lo;
                end = second.end;
                if let Some((u, e)) = self.unit_after(end)
                    && unit.is_none()
                {
                    unit = Some(u);
                    end = e;
                }
            } else if second.value > lo && !second.ordinal && !third_part {
                value = lo;
                range_max = Some(second.value);
                years = num.year_like && second.year_like;
                end = second.end;
                if and_between {
                    end += 2;
                }
                // the unit after the second end, or glued to it by a hyphen ("16-metre")
                let hyphen = matches!(t.punct(end), Some('-' | '‐'))
                    && t.attached(end)
                    && t.attached(end + 1);
                let after = self
                    .unit_after(end)
                    .or_else(|| hyphen.then(|| self.unit_after(end + 1)).flatten());
                if let Some((u, e)) = after
                    && (unit.is_none() || unit.is_some_and(|x| x.unit == u.unit))
                {
                    unit = Some(u);
                    end = e;
                }
            } else if third_part {
                return (None, second.end + 2);
            } else if t.punct(end) == Some('-')
                && t.attached(end + 1)
                && t.lit(i).is_some()
                && t.lit(end + 1).is_some()
            {
                // 3-0, 3-2: a score, not a range (and not two figures); "12-cent-a-share" is
                // an amount.
                return (None, second.end);
            }
        }
        // Qualifier after: 40% से अधिक, एक महीने से भी कम, 10 or more.
        let mut qualifier = Qualifier::Exact;
        // "5000 के बराबर", "equal to 30": exact, with both bounds stated.
        let mut equal = false;
        if range_max.is_none()
            && !(num.year_like && unit.is_none())
            && let Some((q, e)) =
                self.match_forward(end, self.lex.quals_after.candidates(t.key(end)))
            // "संख्या 97 से बढ़कर 120 हो गई": a change from one number to the next, not a bound.
            && !(q.is_some() && self.starts_number(e))
            && !(t.key(e) == "than" && self.starts_number(e + 1))
        {
            match q {
                Some(q) => qualifier = *q,
                None => equal = true,
            }
            end = e;
        }
        // Negative: -5, −2°, minus five, माइनस पांच.
        let mut start = i;
        let mut sign = 1.0;
        let minus_sign = i > floor
            && matches!(t.punct(i - 1), Some('-' | '−'))
            && t.attached(i)
            && (i - 1 == 0 || t.tok(i - 1).is_some_and(|x| x.ws_before));
        // "fell to - 20 degrees": a spaced minus after a function word (a preposition, a verb
        // form) — not after a label ("शिवहर - 2" is a list), not a bullet at a line start
        // (in Hindi a spaced dash after a word is a dash between clauses: "… से अधिक - 66% से
        // थोड़ा ज्यादा")
        let spaced_minus = i > floor + 1
            && t.raw(i - 2).is_ascii()
            && matches!(t.punct(i - 1), Some('-' | '−'))
            && t.tok(i).is_some_and(|x| x.ws_before)
            && t.tok(i - 1).is_some_and(|x| x.ws_before)
            && t.is_word(i - 2)
            && t.lit(i - 2).is_none()
            && self.has(i - 2, flag::NOT_NOUN)
            && self.info(i - 2).is_none_or(|w| !w.is_numeric())
            && t.text
                .get(t.toks[i - 2].end..t.toks[i - 1].start)
                .is_some_and(|g| !g.contains('\n'));
        // "convert - 20 degrees": before a temperature a spaced minus after any word is a sign
        // (still not a bullet at a line start)
        let temperature = unit.is_some_and(|u| u.unit.starts_with('°') || u.unit == "degree");
        let spaced_minus = spaced_minus
            || (temperature
                && i > floor + 1
                && matches!(t.punct(i - 1), Some('-' | '−'))
                && t.tok(i).is_some_and(|x| x.ws_before)
                && t.tok(i - 1).is_some_and(|x| x.ws_before)
                && t.is_word(i - 2)
                && self.info(i - 2).is_none_or(|w| !w.is_numeric())
                && t.text
                    .get(t.toks[i - 2].end..t.toks[i - 1].start)
                    .is_some_and(|g| !g.contains('\n')));
        // "- 20 °C", "- 1 4/5", "- 10 k" alone on a line: a bullet carries words; a line that
        // holds only a spaced minus and a number (with its scale) or a temperature is a signed
        // value (a list of amounts, "- ₹ 5 crore", "- 5 km", stays a list)
        let line_start = |k: usize| {
            k == 0
                || t.text
                    .get(t.toks[k - 1].end..t.toks[k].start)
                    .is_some_and(|g| g.contains('\n'))
        };
        let spaced_minus = spaced_minus
            || (i > floor
                && matches!(t.punct(i - 1), Some('-' | '−'))
                && t.tok(i).is_some_and(|x| x.ws_before)
                && line_start(i - 1)
                && (temperature || unit.is_none())
                && (t.tok(end).is_none() || line_start(end)));
        let minus_sign = minus_sign || spaced_minus;
        if minus_sign || (i > floor && self.has(i - 1, flag::NEGATIVE)) {
            sign = -1.0;
            start = i - 1;
        }
        // 2 below zero, 15 degrees below zero
        if sign > 0.0
            && range_max.is_none()
            && let Some(n) = self.lex.negative_after.iter().find_map(|p| {
                p.iter()
                    .enumerate()
                    .all(|(k, w)| t.is_word(end + k) && t.key(end + k) == w)
                    .then_some(p.len())
            })
        {
            sign = -1.0;
            end += n;
        }
        if sign < 0.0 && range_max.is_none() {
            value = -value;
        }
        // Money or other unit before: ₹ 500, $ 300 million, Rs. 20.
        let mut before_unit = None;
        if unit.is_none()
            && let Some((u, s)) =
                self.match_backward(start, floor, |k| self.lex.units_before.candidates(k))
        {
            before_unit = Some(u);
            start = s;
        }
        let unit = unit.or(before_unit);
        // The counted noun: 6,000 troops, हजारों सैनिकों, 6,000 मिलियन कार्यों. A year-like
        // number takes only a plural or person noun ("2000 लोग", "2000 soldiers"); otherwise
        // "2005 चुनाव", "2017 gave" are a year and a word.
        let mut noun = None;
        if unit.is_none()
            && let Some((n, e)) = noun::counted(self, end)
            && (!num.year_like || self.plural_noun(e - 1))
        {
            noun = Some(n);
            end = e;
        }
        // Bare "half", "आधा" with nothing after them are nouns ("the Liverpool half"), except at
        // the start of a sentence or after the words that take an amount ("a half", "by half").
        let alone_ok = t.raw(i).is_ascii()
            && (i == 0
                || matches!(t.punct(i - 1), Some('.' | '!' | '?' | ';'))
                || (i > floor && self.has(i - 1, flag::FRACTION_ALONE)));
        if num.bare_fraction && unit.is_none() && noun.is_none() && t.key(end) != "of" && !alone_ok
        {
            return (None, end);
        }
        // "a second meeting", "a decades-long dispute": an article, not a duration.
        if num.strict_article
            && unit.is_some()
            && (self.info(num.end).is_some_and(|w| w.ord.is_some())
                || (matches!(t.punct(end), Some('-')) && t.attached(end) && t.is_word(end + 1)))
        {
            return (None, end);
        }
        // "equal to 5000": exact, with both bounds stated
        if range_max.is_none()
            && qualifier == Qualifier::Exact
            && !equal
            && let Some((None, s)) =
                self.match_backward(start, floor, |k| self.lex.quals_before.candidates(k))
        {
            equal = true;
            start = s;
        }
        let (pstart, pqual) = self.prefix_start(start, floor);
        if let Some(q) = pqual
            && range_max.is_none()
            && qualifier == Qualifier::Exact
            && !equal
        {
            qualifier = q;
            start = pstart;
        }
        // एक बयान में: an article, not a figure.
        if num.article && unit.is_none() && num.scale.is_none() && range_max.is_none() {
            let opener = matches!(t.punct(num.end), Some('“' | '"' | '‘' | '\'' | '(' | '«'));
            let word_follows = t.is_word(num.end)
                || t.lit(num.end).is_some()
                || (opener && t.is_word(num.end + 1));
            // "एक व्यक्ति की मौत", "एक की मौत", "one soldier": a count after all.
            // "negative one", "माइनस एक": a signed number is no article; "one two three", "एक दो
            // तीन": the first of a counted list of number words is a count.
            let card = |k: usize| {
                self.info(k)
                    .is_some_and(|w| w.card.is_some() && !w.has(flag::ARTICLE))
            };
            let counted = !num.strict_article
                && (self.has(num.end, flag::PERSON_NOUN)
                    || self.has(num.end, flag::POSTPOSITION)
                    || (sign < 0.0 && self.has(i - 1, flag::NEGATIVE))
                    || (card(num.end) && card(num.end + 1)));
            if !counted && (num.strict_article || word_follows || noun.is_some()) {
                return (None, num.end);
            }
        }
        // Years: 1946, सन 1990, in 2020.
        let mut kind = unit.map_or(FigureKind::Count, |u| u.kind);
        if years && unit.is_none() && noun.is_none() {
            kind = FigureKind::Year;
        }
        // A year in words needs a year word beside it: "सन उन्नीस सौ नब्बे", "उन्नीस सौ बीस ईस्वी".
        let year_before =
            i > floor && self.has(i - 1, flag::YEAR_PREFIX) && !self.has(i - 1, flag::NOT_NOUN);
        let year_after = self.has(num.end, flag::YEAR_PREFIX) && !self.has(num.end, flag::NOT_NOUN);
        // "उन्नीस सौ अट्ठाईस में": hundreds counted past ten ("उन्नीस सौ" = 1900) with a tail
        // and a postposition after them name a year (amounts say "एक हजार नौ सौ")
        let hundreds_year = !t.raw(i).is_ascii()
            && num.scale == Some(100.0)
            && value >= 1100.0
            && value % 100.0 != 0.0
            && self.has(num.end, flag::POSTPOSITION);
        // "दो हज़ार चौबीस में", "दो हज़ार चौबीस।": two thousand and a tail under a hundred, in
        // Hindi words, with a postposition after it or closing its sentence, is a year too (news
        // writes such amounts in digits)
        let thousands_year = !t.raw(i).is_ascii()
            && num.scale == Some(1000.0)
            && value > 2000.0
            && value < 2100.0
            && (self.has(num.end, flag::POSTPOSITION)
                || num.end >= t.len()
                || matches!(t.punct(num.end), Some('।' | '.' | '|' | '?' | '!')));
        let year_word = t.is_word(i)
            && value.fract() == 0.0
            && (1000.0..=2999.0).contains(&value)
            && (year_before || year_after || hundreds_year || thousands_year);
        if (num.year_like || year_word)
            && unit.is_none()
            && range_max.is_none()
            && qualifier == Qualifier::Exact
            && (noun.is_none() || year_word)
        {
            if year_word && year_after && !year_before {
                end = num.end + 1;
                noun = None;
            }
            kind = FigureKind::Year;
            if i > floor && self.has(i - 1, flag::YEAR_PREFIX) && !self.has(i - 1, flag::NOT_NOUN) {
                start = i - 1;
            }
        }
        // the 1960s: the years 1960 to 1969
        if num.decade && kind == FigureKind::Year && range_max.is_none() {
            range_max = Some(value + 9.0);
        }
        let factor = unit.map_or(1.0, |u| u.factor);
        let (min, max) = match qualifier {
            _ if range_max.is_some() => (Some(value * factor), range_max.map(|m| m * factor)),
            _ if equal => (Some(value * factor), Some(value * factor)),
            Qualifier::MoreThan | Qualifier::AtLeast => (Some(value * factor), None),
            Qualifier::LessThan | Qualifier::AtMost => (None, Some(value * factor)),
            _ => (None, None),
        };
        if range_max.is_some() {
            qualifier = Qualifier::Range;
        }
        let figure = Figure {
            value: value * factor,
            unit: unit.map(|u| u.unit.clone()).or(noun),
            qualifier,
            min,
            max,
            figure: kind,
        };
        let mut h = self.hit(start, end, figure);
        h.factor = factor;
        h.measure = unit.and_then(|u| u.measure.clone());
        (Some(h), end)
    }

    /// A noun that can follow a count that looks like a year: a plural ("soldiers", "सैनिकों")
    /// or a person noun.
    fn plural_noun(&self, k: usize) -> bool {
        let raw = self.t.raw(k);
        let latin_plural = raw.is_ascii() && raw.ends_with('s') && !raw.ends_with("ss");
        latin_plural
            || ["ों", "ओं", "यों"].iter().any(|s| raw.ends_with(s))
            || self.has(k, flag::PERSON_NOUN)
    }

    fn implicit_one(&self, start: usize, end: usize, u: &UnitDef) -> Hit {
        let mut h = self.hit(
            start,
            end,
            Figure {
                value: u.factor,
                unit: Some(u.unit.clone()),
                qualifier: Qualifier::Exact,
                min: None,
                max: None,
                figure: u.kind,
            },
        );
        h.factor = u.factor;
        h
    }

    /// True when a number can start at `j`.
    fn starts_number(&self, j: usize) -> bool {
        self.t.lit(j).is_some() || self.info(j).is_some_and(|w| w.is_numeric())
    }

    /// A qualifier written before token `i`: (new start, qualifier).
    fn prefix_start(&self, i: usize, floor: usize) -> (usize, Option<Qualifier>) {
        match self.match_backward(i, floor, |k| self.lex.quals_before.candidates(k)) {
            Some((Some(q), s)) => (s, Some(*q)),
            _ => (i, None),
        }
    }

    /// An ambiguous ordinal (पहले, दूसरे, second) is one only before a noun and not after a
    /// postposition or article: "पहले दौर" yes; "उससे पहले", "पहले ही", "एक दूसरे", "दूसरे देशों" no.
    fn ordinal_in_context(&self, i: usize, end: usize) -> bool {
        let t = self.t;
        let opener = matches!(t.punct(end), Some('“' | '"' | '‘' | '\''));
        let n = if opener { end + 1 } else { end };
        let not_after = i > 0
            && self
                .lex
                .not_after
                .get(t.key(i))
                .is_some_and(|list| list.iter().any(|w| w == t.key(i - 1)));
        if not_after {
            return false;
        }
        // "She finished second!": an English ordinal may end its phrase.
        if t.raw(i).is_ascii()
            && !opener
            && t.tok(end).is_none_or(|x| matches!(x.kind, Kind::Punct(_)))
        {
            return true;
        }
        if !t.is_word(n) {
            return false;
        }
        let next = self.info(n);
        if next.is_some_and(|w| w.has(flag::NOT_NOUN) || w.is_numeric()) {
            return false;
        }
        if t.raw(n).ends_with("ों") {
            return false;
        }
        // Hindi: "पहले दौर में", "दूसरी पारी की" — the noun phrase is closed by a postposition;
        // "पहले लायलपुर गए", "दूसरी ओर मेरी" are "earlier" and "other".
        if !t.raw(i).is_ascii() && !self.has(n + 1, flag::POSTPOSITION) {
            return false;
        }
        true
    }

    fn hit(&self, start: usize, end: usize, figure: Figure) -> Hit {
        let s = self.t.tok(start).map_or(0, |t| t.start);
        let e = end
            .checked_sub(1)
            .and_then(|k| self.t.tok(k))
            .map_or(s, |t| t.end)
            .max(s);
        Hit {
            span: Span::new(s, e),
            figure,
            factor: 1.0,
            parts: None,
            measure: None,
        }
    }

    /// True when token `i` can start a figure.
    pub fn is_trigger(&self, i: usize) -> bool {
        let t = self.t;
        match t.tok(i).map(|t| t.kind) {
            Some(Kind::Num(_)) => true,
            Some(Kind::Word) => match self.info(i) {
                Some(w) => {
                    w.is_numeric()
                        || w.has(flag::ONE_BEFORE)
                        || (self.has(i + 1, flag::ONE_AFTER) && self.unit_after(i).is_some())
                        || self.suffix_ordinal(i).is_some()
                }
                None => {
                    self.suffix_ordinal(i).is_some()
                        || self.tens_compound(i).is_some()
                        || (self.has(i + 1, flag::ONE_AFTER) && self.unit_after(i).is_some())
                }
            },
            _ => false,
        }
    }
}

/// Can `v` be added to the number read so far? "एक सौ पाँच" yes, "दो तीन" no, "twenty one" yes.
fn can_add(current: f64, last: Last, v: f64) -> bool {
    match last {
        Last::None => true,
        Last::Scale => current == 0.0 || (current % 100.0 == 0.0 && v < 100.0),
        Last::Hundred => v < 100.0,
        Last::Tens => (1.0..10.0).contains(&v),
        Last::Small | Last::Digits => false,
    }
}

/// Apply scale `s` to the number read so far; None when it cannot follow.
///
/// "पंद्रह सौ" = 1500; "एक हज़ार पाँच सौ" = 1500; "सत्ताईस सौ करोड़" = 2.7×10¹⁰;
/// "6,000 मिलियन" = 6×10⁹; "एक हजार करोड़" = 10¹⁰ (a larger scale multiplies all before it).
fn apply_scale(total: f64, current: f64, last: Last, s: f64) -> Option<(f64, f64)> {
    if s > 1.0 && s < 100.0 {
        // दर्जन / dozen multiplies only the small number before it: "तीन सौ और दो दर्जन" = 324.
        let c = if current == 0.0 { 1.0 } else { current };
        let small = c % 100.0;
        let small = if small == 0.0 { c } else { small };
        return Some((total, c - small + small * s));
    }
    if s == 100.0 {
        if last == Last::Hundred || current >= 100.0 && last != Last::Digits {
            return None;
        }
        let c = if current == 0.0 { 1.0 } else { current };
        if last == Last::Scale && current == 0.0 && total > 0.0 {
            return None;
        }
        return Some((total, c * 100.0));
    }
    if current == 0.0 {
        if total > 0.0 && total < s * 1000.0 || last == Last::None {
            // Stacked: "हजार करोड़", or a bare scale word.
            let t = if total == 0.0 { 1.0 } else { total };
            return Some((t * s, 0.0));
        }
        return None;
    }
    if total > 0.0 && total < s {
        return Some(((total + current) * s, 0.0));
    }
    Some((total + current * s, 0.0))
}
