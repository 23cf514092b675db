//! The time matcher: reads time expressions off a sentence's tokens.
//!
//! Each shape is a small function that, given a token index, returns the expression that starts
//! there and the last token it takes; [`find`] tries them all at every token and keeps the longest,
//! so "बुधवार (26 जुलाई)" is one date, not a weekday and a date. Words come from the lexicon
//! (`grammars/*/time.toml`); only the shapes are code.

use super::lexicon::{Deictic, Direction, Lexicon, Unit};
use super::token::{TokKind, Token};

/// A time expression before resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expr {
    /// A day of a month: "26 जुलाई", "Nov 30, 2024", "27.07.2023"; with the weekday written
    /// beside it, if any ("बुधवार (26 जुलाई)").
    Date {
        /// Year as written.
        year: Option<i32>,
        /// 1–12.
        month: u32,
        /// 1–31.
        day: u32,
        /// ISO weekday written beside the date.
        weekday: Option<u32>,
    },
    /// A day of the month without a month: "22 तारीख", "Friday the 22nd".
    DayOfMonth {
        /// 1–31.
        day: u32,
        /// ISO weekday written beside it.
        weekday: Option<u32>,
    },
    /// A month: "जून", "जून 2024", "पिछले जून".
    Month {
        /// Year as written.
        year: Option<i32>,
        /// 1–12.
        month: u32,
        /// पिछले / इस / अगले.
        dir: Option<Direction>,
    },
    /// A weekday: "शुक्रवार", "बीते शुक्रवार", "next Monday".
    Weekday {
        /// ISO weekday.
        weekday: u32,
        /// पिछले / इस / अगले.
        dir: Option<Direction>,
    },
    /// A weekday of a named week: "अगले हफ्ते रविवार", "last week Sunday".
    WeekdayOfWeek {
        /// ISO weekday.
        weekday: u32,
        /// Which week.
        dir: Direction,
    },
    /// A day of a named month: "इस महीने 21 तारीख", "अगले महीने की 20 तारीख".
    DayOfMonthIn {
        /// 1–31.
        day: u32,
        /// Which month.
        dir: Direction,
    },
    /// A month of a named year: "अगले साल जून में", "last year in March" is not one (only adjacent).
    MonthOfYear {
        /// 1–12.
        month: u32,
        /// Which year.
        dir: Direction,
    },
    /// A range of days: "19 से 20 नवंबर", "2-3 दिसंबर 1984", "22 जनवरी से 5 फरवरी तक".
    Range {
        /// First day as written: year, month (None: the end's), day.
        from: (Option<i32>, Option<u32>, u32),
        /// Last day as written: year, month, day.
        to: (Option<i32>, u32, u32),
    },
    /// The last or next few units: "पिछले तीन दिनों", "अगले 3 महीने", "the past two weeks".
    Stretch {
        /// How many units.
        count: u32,
        /// Of what.
        unit: Unit,
        /// Back from publication (Last) or ahead (Next).
        dir: Direction,
    },
    /// A whole period: "पिछले साल", "इस सप्ताह", "last month", "पिछले दिन".
    Period {
        /// Day, week, month or year.
        unit: Unit,
        /// Which one.
        dir: Direction,
    },
    /// "दो दिन पहले", "three weeks ago".
    Ago {
        /// How many units.
        count: u32,
        /// Of what.
        unit: Unit,
    },
    /// "आज मंगलवार", "कल (बुधवार)": a deictic word with the weekday it names; the weekday
    /// settles the sign of an ambiguous कल.
    DeicticWeekday {
        /// The offset in days, if the tense gave it.
        offset: Option<i64>,
        /// The offset's size, for ambiguous words.
        magnitude: i64,
        /// ISO weekday written beside it.
        weekday: u32,
    },
    /// "आज", "yesterday", "कल": days from publication; `None` when the sign is unknown.
    Deictic {
        /// The offset in days, if known.
        offset: Option<i64>,
    },
}

/// One expression found, over tokens `first..=last` and bytes `start..end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The expression.
    pub expr: Expr,
}

/// Reads a number written in words at a byte offset: (value, bytes taken). The figure grammar
/// knows number words; dates borrow it for years in words ("उन्नीस सौ नब्बे").
pub type NumberWords<'a> = &'a dyn Fn(usize) -> Option<(f64, usize)>;

struct M<'a> {
    text: &'a str,
    toks: &'a [Token<'a>],
    lx: &'a Lexicon,
    words: Option<NumberWords<'a>>,
}

/// (last token, expression, closing bracket taken)
type Hit = (usize, Expr, bool);

impl<'a> M<'a> {
    fn word(&self, k: usize) -> Option<&'a str> {
        self.toks
            .get(k)
            .filter(|t| t.kind == TokKind::Word)
            .map(|t| t.norm.as_ref())
    }

    /// The text between tokens `a` and `a + 1`, when it is only spaces and light punctuation
    /// (a tab separates table cells: "29 मार्च\t1024" is a date and a count, not a date).
    fn gap(&self, a: usize) -> Option<&'a str> {
        let (x, y) = (self.toks.get(a)?, self.toks.get(a + 1)?);
        let g = self.text.get(x.end..y.start)?;
        let ok = g.chars().count() <= 5
            && g.chars()
                .all(|c| matches!(c, ' ' | '\u{a0}' | ',' | '(' | ')' | '-' | '–' | '.' | '/'));
        ok.then_some(g)
    }

    /// Token `a + 1` follows `a` with at most spaces (and a hyphen) between.
    fn tight(&self, a: usize) -> bool {
        self.gap(a)
            .is_some_and(|g| g.chars().all(|c| matches!(c, ' ' | '\u{a0}' | '-')))
    }

    fn phrase(&self, k: usize, p: &[String]) -> Option<usize> {
        let mut last = k;
        for (n, w) in p.iter().enumerate() {
            let i = k + n;
            if n > 0 && !self.tight(i - 1) {
                return None;
            }
            if self.word(i) != Some(w.as_str()) {
                return None;
            }
            last = i;
        }
        (!p.is_empty()).then_some(last)
    }

    fn direction(&self, k: usize) -> Option<(Direction, usize)> {
        self.lx
            .directions()
            .iter()
            .find_map(|(p, d)| self.phrase(k, p).map(|last| (*d, last)))
    }

    fn month(&self, k: usize) -> Option<(u32, bool)> {
        self.word(k).and_then(|w| self.lx.month(w))
    }

    fn weekday(&self, k: usize) -> Option<(u32, bool)> {
        self.word(k).and_then(|w| self.lx.weekday(w))
    }

    fn year(&self, k: usize) -> Option<i32> {
        match self.toks.get(k)?.kind {
            TokKind::Num {
                value,
                digits: 4,
                ordinal: false,
            } if (1000..=2999).contains(&value) => Some(value as i32),
            _ => None,
        }
    }

    /// A day number: "26", "22nd", "पहली", "twenty second". Returns (day, last, ordinal).
    fn day(&self, k: usize) -> Option<(u32, usize, bool)> {
        match self.toks.get(k)?.kind {
            TokKind::Num {
                value,
                digits,
                ordinal,
            } if digits <= 2 && (1..=31).contains(&value) => Some((value, k, ordinal)),
            TokKind::Word => {
                let w = self.lx.day(self.word(k)?)?;
                if self.tight(k) && self.word(k + 1).is_some_and(|x| self.lx.is_scale(x)) {
                    return None;
                }
                if w.tens
                    && self.tight(k)
                    && let Some(u) = self.word(k + 1).and_then(|x| self.lx.day(x))
                    && u.value < 10
                    && !u.tens
                    && w.value + u.value <= 31
                {
                    return Some((w.value + u.value, k + 1, u.ordinal));
                }
                Some((w.value, k, w.ordinal))
            }
            _ => None,
        }
    }

    /// A count before a unit: digits, a cardinal day word, "a".
    fn count(&self, k: usize) -> Option<(u32, usize)> {
        match self.toks.get(k)?.kind {
            TokKind::Num {
                value,
                ordinal: false,
                ..
            } if value > 0 && value <= 1000 => Some((value, k)),
            TokKind::Word => {
                let w = self.word(k)?;
                if let Some(n) = self.lx.count(w) {
                    return Some((n, k));
                }
                match self.day(k)? {
                    (n, last, false) => Some((n, last)),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// An optional year after token `last`.
    fn then_year(&self, last: usize) -> (Option<i32>, usize) {
        match self.gap(last).and_then(|_| self.year_at(last + 1)) {
            Some((y, l)) => (Some(y), l),
            None => (None, last),
        }
    }

    /// A year at token `k`, in digits or in words ("दो हज़ार पाँच"): (year, last token).
    fn year_at(&self, k: usize) -> Option<(i32, usize)> {
        if let Some(y) = self.year(k) {
            return Some((y, k));
        }
        let t = self.toks.get(k)?;
        // a year in words starts with a number word ("उन्नीस सौ नब्बे", "दो हज़ार पाँच")
        if t.kind != TokKind::Word || self.lx.day(&t.norm).is_none() {
            return None;
        }
        let (v, len) = (self.words?)(t.start)?;
        let end = t.start + len;
        let last = (k..self.toks.len()).find(|&i| self.toks[i].end == end)?;
        let ok = v.fract() == 0.0 && (1000.0..=2999.0).contains(&v) && last > k;
        ok.then_some((v as i32, last))
    }

    /// Skip one link word at `k` (e.g. "of", "की"), if `is_link` says so.
    fn skip(&self, k: usize, is_link: impl Fn(&str) -> bool) -> usize {
        match self.word(k) {
            Some(w) if is_link(w) && self.gap(k).is_some() => k + 1,
            _ => k,
        }
    }

    /// day month [year] | month day [year] | numeric — the core of a date.
    fn date_core(&self, k: usize) -> Option<(usize, Option<i32>, u32, u32)> {
        if let TokKind::Date(d) = self.toks.get(k)?.kind {
            return Some((k, d.year, d.month, d.day));
        }
        // [the] day [of] month [year]
        let k0 = self.skip(k, |w| self.lx.is_day_prefix(w));
        if let Some((day, dl, _)) = self.day(k0)
            && self.gap(dl).is_some()
        {
            let mk = self.skip(dl + 1, |w| self.lx.is_day_month_link(w));
            if let Some((month, _)) = self.month(mk) {
                let (year, last) = self.then_year(mk);
                return Some((last, year, month, day));
            }
        }
        // month [the|की] day [तारीख] [, year]
        let (month, _) = self.month(k)?;
        self.gap(k)?;
        if self.year(k + 1).is_some() {
            return None;
        }
        let dk = self.skip(k + 1, |w| self.lx.is_month_day_link(w));
        let (day, mut last, _) = self.day(dk)?;
        if self.gap(last).is_some()
            && let Some(w) = self.word(last + 1)
            && self.lx.is_day_marker(w)
        {
            last += 1;
        }
        let (year, last) = self.then_year(last);
        Some((last, year, month, day))
    }

    fn date(&self, k: usize) -> Option<Hit> {
        let (last, year, month, day) = self.date_core(k)?;
        Some((
            last,
            Expr::Date {
                year,
                month,
                day,
                weekday: None,
            },
            false,
        ))
    }

    /// date|day (-|से|to) date|day [तक]
    fn range(&self, k: usize) -> Option<Hit> {
        let (start_last, from) = match self.date_core(k) {
            Some((l, y, m, d)) => (l, (y, Some(m), d)),
            None => {
                let (d, l, _) = self.day(k)?;
                (l, (None, None, d))
            }
        };
        let g = self.gap(start_last)?;
        let next = if g.contains('-') || g.contains('–') {
            start_last + 1
        } else {
            let w = self.word(start_last + 1)?;
            if !self.lx.is_range_link(w) || self.gap(start_last + 1).is_none() {
                return None;
            }
            start_last + 2
        };
        let (mut last, to) = match (self.date_core(next), from) {
            (Some((l, y, m, d)), _) => (l, (y, m, d)),
            // "Nov 19-20": the end takes the start's month and year
            (None, (y, Some(m), d0)) => {
                let (d, l, _) = self.day(next)?;
                if d <= d0 {
                    return None;
                }
                (l, (y, m, d))
            }
            (None, _) => return None,
        };
        if from.1.is_none() && from.2 >= to.2 {
            return None;
        }
        if self.gap(last).is_some() && self.word(last + 1).is_some_and(|w| self.lx.is_range_end(w))
        {
            last += 1;
        }
        Some((last, Expr::Range { from, to }, false))
    }

    /// पिछले/अगले + count + unit: "पिछले दो दिनों", "next three months"
    fn stretch(&self, k: usize) -> Option<Hit> {
        let (dir, dl) = self.direction(k)?;
        if dir == Direction::This || !self.tight(dl) {
            return None;
        }
        let (count, cl) = self.count(dl + 1)?;
        if !self.tight(cl) {
            return None;
        }
        let unit = self.lx.unit(self.word(cl + 1)?)?;
        Some((cl + 1, Expr::Stretch { count, unit, dir }, false))
    }

    /// weekday [,(] date [)] | weekday [the] day(ordinal or तारीख)
    fn weekday_date(&self, k: usize) -> Option<Hit> {
        let (weekday, _) = self.weekday(k)?;
        let g = self.gap(k)?;
        let paren = g.contains('(');
        let expr_last = if let Some((last, year, month, day)) = self.date_core(k + 1) {
            Some((
                last,
                Expr::Date {
                    year,
                    month,
                    day,
                    weekday: Some(weekday),
                },
            ))
        } else {
            let dk = self.skip(k + 1, |w| self.lx.is_day_prefix(w));
            let (day, last, ordinal) = self.day(dk)?;
            let marker = self.gap(last).is_some()
                && self
                    .word(last + 1)
                    .is_some_and(|w| self.lx.is_day_marker(w));
            (ordinal || marker).then_some((
                if marker { last + 1 } else { last },
                Expr::DayOfMonth {
                    day,
                    weekday: Some(weekday),
                },
            ))
        };
        let (last, expr) = expr_last?;
        Some((last, expr, paren))
    }

    /// 22 तारीख — a bare ordinal ("the 21st meeting") is not a day of the month.
    fn day_of_month(&self, k: usize) -> Option<Hit> {
        let (day, last, _) = self.day(k)?;
        let marker = self.gap(last).is_some()
            && self
                .word(last + 1)
                .is_some_and(|w| self.lx.is_day_marker(w));
        marker.then_some((last + 1, Expr::DayOfMonth { day, weekday: None }, false))
    }

    /// year month: "2015 जून"
    fn year_month(&self, k: usize) -> Option<Hit> {
        let year = self.year(k)?;
        self.gap(k)?;
        let (month, _) = self.month(k + 1)?;
        Some((
            k + 1,
            Expr::Month {
                year: Some(year),
                month,
                dir: None,
            },
            false,
        ))
    }

    /// month year | month (when not ambiguous, or supported)
    fn month_only(&self, k: usize) -> Option<Hit> {
        let (month, short) = self.month(k)?;
        if let Some((year, yl)) = self.gap(k).and_then(|_| self.year_at(k + 1)) {
            return Some((
                yl,
                Expr::Month {
                    year: Some(year),
                    month,
                    dir: None,
                },
                false,
            ));
        }
        if short {
            return None;
        }
        let w = self.word(k)?;
        if self.lx.is_ambiguous_month(w) {
            let tok = self.toks.get(k)?;
            let latin = w.is_ascii();
            let supported = if latin {
                tok.capital
                    && k > 0
                    && self.gap(k - 1).is_some()
                    && self
                        .word(k - 1)
                        .is_some_and(|p| self.lx.is_month_preposition(p))
            } else {
                self.tight(k)
                    && self
                        .word(k + 1)
                        .is_some_and(|p| self.lx.is_month_postposition(p))
            };
            if !supported {
                return None;
            }
        }
        Some((
            k,
            Expr::Month {
                year: None,
                month,
                dir: None,
            },
            false,
        ))
    }

    /// पिछले/इस/अगले + weekday | week [के] weekday | unit | month
    fn relative(&self, k: usize) -> Option<Hit> {
        let (dir, dl) = self.direction(k)?;
        if !self.tight(dl) {
            return None;
        }
        let n = dl + 1;
        if let Some((weekday, false)) = self.weekday(n) {
            return Some((
                n,
                Expr::Weekday {
                    weekday,
                    dir: Some(dir),
                },
                false,
            ));
        }
        if let Some((month, false)) = self.month(n) {
            return Some((
                n,
                Expr::Month {
                    year: None,
                    month,
                    dir: Some(dir),
                },
                false,
            ));
        }
        let w = self.word(n)?;
        let unit = self.lx.unit(w)?;
        if self.lx.is_plural_unit(w) || (unit == Unit::Day && dir == Direction::This) {
            return None;
        }
        if unit == Unit::Month && self.gap(n).is_some() {
            // इस महीने 21 तारीख | अगले महीने की 20 तारीख
            let dk = self.skip(n + 1, |x| self.lx.is_month_day_link(x));
            if let Some((day, dl, ordinal)) = self.day(dk) {
                let marker = self.gap(dl).is_some()
                    && self.word(dl + 1).is_some_and(|w| self.lx.is_day_marker(w));
                if marker || ordinal {
                    let last = if marker { dl + 1 } else { dl };
                    return Some((last, Expr::DayOfMonthIn { day, dir }, false));
                }
            }
        }
        if unit == Unit::Year && self.gap(n).is_some() {
            // अगले साल जून में
            let mk = self.skip(n + 1, |x| self.lx.is_month_day_link(x));
            if let Some((month, false)) = self.month(mk) {
                return Some((mk, Expr::MonthOfYear { month, dir }, false));
            }
        }
        if unit == Unit::Week && self.tight(n) {
            let wk = self.skip(n + 1, |x| self.lx.is_week_weekday_link(x));
            if let Some((weekday, false)) = self.weekday(wk)
                && self.tight(wk - 1)
            {
                return Some((wk, Expr::WeekdayOfWeek { weekday, dir }, false));
            }
        }
        Some((n, Expr::Period { unit, dir }, false))
    }

    /// count unit ago: "दो दिन पहले", "three weeks ago"
    fn ago(&self, k: usize) -> Option<Hit> {
        if k > 0
            && self.gap(k - 1).is_some()
            && self.word(k - 1).is_some_and(|w| self.lx.is_ago_blocker(w))
        {
            return None;
        }
        let (count, cl) = self.count(k)?;
        if !self.tight(cl) {
            return None;
        }
        let unit = self.lx.unit(self.word(cl + 1)?)?;
        if !self.tight(cl + 1) {
            return None;
        }
        let last = self.lx.ago().iter().find_map(|p| self.phrase(cl + 2, p))?;
        Some((last, Expr::Ago { count, unit }, false))
    }

    fn deictic(&self, k: usize, tense: impl Fn(usize) -> Option<bool>) -> Option<Hit> {
        let (last, d): (usize, Deictic) = self
            .lx
            .deictic()
            .iter()
            .find_map(|(p, d)| self.phrase(k, p).map(|l| (l, *d)))?;
        // "कल-कारखाने" (factories), "आज-कल" (nowadays): a hyphenated compound, not a day
        let hyphen = |a: usize| self.gap(a).is_some_and(|g| g == "-");
        if hyphen(last) || (k > 0 && hyphen(k - 1)) {
            return None;
        }
        let offset = if d.ambiguous {
            tense(last).map(|past| if past { -d.offset } else { d.offset })
        } else {
            Some(d.offset)
        };
        // "आज मंगलवार को", "कल (बुधवार)": the weekday names the same day
        if let Some(g) = self.gap(last)
            && let Some((weekday, false)) = self.weekday(last + 1)
        {
            let expr = Expr::DeicticWeekday {
                offset,
                magnitude: d.offset,
                weekday,
            };
            return Some((last + 1, expr, g.contains('(')));
        }
        Some((last, Expr::Deictic { offset }, false))
    }

    /// weekday of next week: "Sunday of next week"
    fn weekday_of_week(&self, k: usize) -> Option<Hit> {
        let (weekday, false) = self.weekday(k)? else {
            return None;
        };
        let dk = self.skip(k + 1, |w| self.lx.is_day_month_link(w));
        if dk == k + 1 {
            return None;
        }
        let (dir, dl) = self.direction(dk)?;
        if !self.tight(dl) || self.word(dl + 1).and_then(|w| self.lx.unit(w)) != Some(Unit::Week) {
            return None;
        }
        Some((dl + 1, Expr::WeekdayOfWeek { weekday, dir }, false))
    }

    fn weekday_bare(&self, k: usize) -> Option<Hit> {
        // "every Friday", "हर शुक्रवार", "on a Saturday": a habit, not a day
        if k > 0 && self.tight(k - 1) && self.word(k - 1).is_some_and(|w| self.lx.is_generic(w)) {
            return None;
        }
        match self.weekday(k)? {
            (weekday, false) => Some((k, Expr::Weekday { weekday, dir: None }, false)),
            _ => None,
        }
    }

    /// The tense of the clause after token `k`: Some(true) past, Some(false) future.
    fn tense_after(&self, k: usize) -> Option<bool> {
        let mut words = Vec::new();
        let mut i = k + 1;
        while i < self.toks.len() {
            if self
                .text
                .get(self.toks[i - 1].end..self.toks[i].start)
                .is_some_and(|g| g.contains(','))
            {
                break;
            }
            match self.word(i) {
                Some(w) if self.lx.is_clause_break(w) => break,
                Some(w) => words.push(w),
                None => {}
            }
            i += 1;
        }
        let tail = &words[words.len().saturating_sub(3)..];
        let past = tail.iter().any(|w| self.lx.is_past(w));
        let future = tail.iter().any(|w| {
            self.lx
                .future_endings
                .iter()
                .any(|e| w.ends_with(e.as_str()))
        });
        match (past, future) {
            (true, false) => Some(true),
            (false, true) => Some(false),
            _ => None,
        }
    }

    fn at(&self, k: usize) -> Option<Hit> {
        let t = self.toks.get(k)?;
        let may_start = match t.kind {
            TokKind::Word => self.lx.may_start(&t.norm),
            TokKind::Num { .. } | TokKind::Date(_) => true,
            TokKind::Other => false,
        };
        if !may_start {
            return None;
        }
        let candidates = [
            self.weekday_date(k),
            self.weekday_of_week(k),
            self.relative(k),
            self.stretch(k),
            self.range(k),
            self.year_month(k),
            self.ago(k),
            self.date(k),
            self.month_only(k),
            self.day_of_month(k),
            self.deictic(k, |l| self.tense_after(l)),
            self.weekday_bare(k),
        ];
        let mut best: Option<Hit> = None;
        for c in candidates.into_iter().flatten() {
            if best.is_none_or(|b| c.0 > b.0) {
                best = Some(c);
            }
        }
        best
    }
}

/// Every time expression in `toks` (tokens of one sentence of `text`), left to right, longest
/// first, not overlapping.
///
/// `words`, when given, reads numbers in words (for years: "पच्चीस जनवरी अठारह सौ तिरेपन").
pub fn find(
    text: &str,
    toks: &[Token<'_>],
    lx: &Lexicon,
    words: Option<NumberWords<'_>>,
) -> Vec<Found> {
    let m = M {
        text,
        toks,
        lx,
        words,
    };
    let mut out = Vec::new();
    let mut k = 0;
    while k < toks.len() {
        match m.at(k) {
            Some((last, expr, paren)) => {
                let start = toks[k].start;
                let mut end = toks[last].end;
                if paren {
                    let rest = text.get(end..).unwrap_or("");
                    let trimmed = rest.trim_start_matches([' ', '\u{a0}']);
                    if trimmed.starts_with(')') {
                        end += rest.len() - trimmed.len() + 1;
                    }
                }
                out.push(Found { start, end, expr });
                k = last + 1;
            }
            None => k += 1,
        }
    }
    out
}
