//! The time matcher: reads time expressions off a sentence's tokens.
//!
//! Each shape is a small function that, given a token index, returns the expression that starts
//! there and the last token it takes; [`find`] tries them all at every token and keeps the longest,
//! so "बुधवार (26 जुलाई)" is one date, not a weekday and a date. Words come from the lexicon
//! (`grammars/*/time.toml`); only the shapes are code.

use super::lexicon::{Deictic, Direction, Holiday, Lexicon, Unit};
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
        /// In a clause in the future tense: the next such day, not the last.
        ahead: bool,
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
    /// "दो दिन पहले", "three weeks ago", "1 महीने और 21 दिन पहले", "2 years 21 days later":
    /// a duration back (or ahead) from publication, or from a named day ("आज से दो दिन बाद").
    Ago {
        /// How many units.
        count: u32,
        /// Of what (the smallest unit stated, when there are several).
        unit: Unit,
        /// Whole years, months and weeks stated before `count unit` in a compound duration.
        more: (u32, u32, u32),
        /// Ahead (बाद, later) instead of back.
        ahead: bool,
        /// Days from publication of the day counted from ("कल से"), if not publication itself;
        /// `None` inside when the anchor's sign is unknown.
        anchor: Option<Option<i64>>,
    },
    /// A year, kept only as an end of a range ("2014 से 2018"): standalone years are figures.
    Year {
        /// The year.
        year: i32,
    },
    /// The n-th (or last) weekday of a month: "जुलाई के पहले शुक्रवार", "the second Monday of
    /// next month", "इस महीने के आखिरी रविवार".
    NthWeekday {
        /// 1–5, or -1 for the last.
        n: i32,
        /// ISO weekday.
        weekday: u32,
        /// The month: named (with its year, if written) or relative.
        month: MonthRef,
    },
    /// A range of days in a relative month: "इस महीने 4 से 22 तक", "अगले महीने 4-23".
    RangeIn {
        /// First day.
        from: u32,
        /// Last day.
        to: u32,
        /// Which month.
        dir: Direction,
    },
    /// A weekend, Saturday to Sunday, of a named week: "इस सप्ताहांत", "next weekend".
    Weekend {
        /// Which week's.
        dir: Direction,
    },
    /// The n-th coming weekday: "two Sundays from now", "three Fridays later".
    WeekdaysAhead {
        /// How many of them (the first is the next one after publication).
        n: u32,
        /// ISO weekday.
        weekday: u32,
    },
    /// A time of day alone ("सुबह 8 बजे तक", "as of 6 pm"): its day is not stated.
    Clock,
    /// A quarter or half of a year: "2016 की तीसरी तिमाही", "इस साल की पहली छमाही", "the
    /// third quarter of 2016"; or the one before/after this one: "पिछली तिमाही", "next quarter".
    Part {
        /// 1-based index of the part (None: relative to publication's part, by `dir`).
        n: Option<u32>,
        /// Months in the part: 3 (quarter) or 6 (half).
        months: u32,
        /// The year: written, relative, or (both None) the one publication falls in.
        year: Option<i32>,
        /// Which year (with `n`), or which part (without it).
        dir: Option<Direction>,
    },
    /// The n-th (or last) week of a year or a month: "2015 का दूसरा सप्ताह", "जुलाई के आखिरी
    /// हफ्ते", "the first week of October".
    NthWeek {
        /// 1–53, or -1 for the last.
        n: i32,
        /// A year (written), or a month.
        of: WeekOf,
    },
    /// A decade: "1970 के दशक", "the 1990s" (first year).
    Decade {
        /// Its first year.
        start: i32,
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
    /// A span from publication to a duration ahead: "5 दिनों के भीतर", "आगामी 3 साल के अंदर".
    Within {
        /// How many units (the last stated).
        count: u32,
        /// Of what (the smallest unit stated).
        unit: Unit,
        /// Whole years, months and weeks stated before `count unit`.
        more: (u32, u32, u32),
    },
    /// The last or next few whole decades: "पिछले दो दशकों" (ending with the decade before
    /// publication's), "the next three decades".
    Decades {
        /// How many decades.
        count: u32,
        /// Back or ahead.
        dir: Direction,
    },
    /// A feast that moves with Easter: "ईस्टर सोमवार 2017", "Good Friday".
    Easter {
        /// Days from Easter Sunday.
        offset: i64,
        /// Year as written.
        year: Option<i32>,
    },
    /// A season with its year written ("2016 की गर्मियों", "summer of 2016") or named by a
    /// direction ("पिछली सर्दियों", "next spring").
    Season {
        /// TIMEX3 code: SP, SU, FA, WI.
        code: &'static str,
        /// Year as written.
        year: Option<i32>,
        /// Which one.
        dir: Option<Direction>,
    },
    /// "अभी", "now": publication day, kept only as a range's end ("22 जनवरी से अभी तक").
    Now,
    /// A range of years whose end is written with two digits: "उन्नीस सौ बीस से छब्बीस तक",
    /// "1990 से 95 तक".
    Years {
        /// First year.
        from: i32,
        /// Last year.
        to: i32,
    },
    /// A weekend named alone ("सप्ताहांत पर"): the last one in a past clause, else the one of
    /// publication's week.
    BareWeekend {
        /// The clause is in the past tense.
        past: bool,
    },
    /// An Indian fiscal year, 1 April to 31 March: "वित्त वर्ष 2019-20", "FY21", "fiscal 2021",
    /// "पिछले वित्त वर्ष".
    FiscalYear {
        /// The calendar year it starts in, when written.
        start: Option<i32>,
        /// Which one, relative to publication's (when no year is written).
        dir: Option<Direction>,
    },
    /// "आज", "yesterday", "कल": days from publication; `None` when the sign is unknown.
    Deictic {
        /// The offset in days, if known.
        offset: Option<i64>,
    },
}

/// A month a weekday is counted in: named, or relative to publication.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MonthRef {
    /// "जुलाई", "July 2024".
    Named {
        /// Year as written.
        year: Option<i32>,
        /// 1–12.
        month: u32,
    },
    /// "इस महीने", "next month".
    Rel(Direction),
    /// "हर महीने", "every month": a day that comes back each month.
    Every,
}

/// What a week is counted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WeekOf {
    /// A year as written.
    Year(i32),
    /// A month.
    Month(MonthRef),
    /// The year publication falls in: "सप्ताह 10", "week 10".
    Current,
}

/// A time of day: a clock time ("8 बजे", "6 pm" = 18:00) and/or a part of the day ("रात").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TimeOfDay {
    /// Hour and minute, 24-hour.
    pub clock: Option<(u32, u32)>,
    /// Part of the day.
    pub part: Option<crate::claim::DayPart>,
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
    /// The other end, when the expression is the first end of a range ("2014 से 2018",
    /// "सोमवार से बुधवार तक").
    pub until: Option<Expr>,
    /// A time of day stated with it ("सोमवार रात", "कल सुबह 10 बजे").
    pub tod: TimeOfDay,
    /// The bytes of the expression without the time of day: (start, end).
    pub core: (usize, usize),
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

/// A stated duration: (last count, its unit, (years, months, weeks) before it, last token).
type Duration = (u32, Unit, (u32, u32, u32), usize);

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
                match self.day(k) {
                    Some((n, last, false)) => Some((n, last)),
                    Some(_) => None,
                    // a number word beyond the day words: "चालीस", "forty"
                    None => {
                        let t = &self.toks[k];
                        let (v, len) = (self.words?)(t.start)?;
                        let last =
                            (k..self.toks.len()).find(|&i| self.toks[i].end == t.start + len)?;
                        (v.fract() == 0.0 && (1.0..=1000.0).contains(&v))
                            .then_some((v as u32, last))
                    }
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
        // "nineteen zero one", "twenty oh five": the hundreds as a number, then zero and a digit
        if let Some(h) = self.word(k).and_then(|w| self.lx.day(w))
            && !h.ordinal
            && (10..=20).contains(&h.value)
            && self.tight(k)
            && self.word(k + 1).is_some_and(|w| self.lx.is_year_zero(w))
            && self.tight(k + 1)
            && let Some(u) = self.word(k + 2).and_then(|w| self.lx.day(w))
            && !u.ordinal
            && !u.tens
            && u.value < 10
        {
            return Some(((h.value * 100 + u.value) as i32, k + 2));
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
        // "Oct2", "सितंबर23": a day glued to its month
        if let Some(t) = self.toks.get(k + 1)
            && t.start == self.toks[k].end
            && t.kind == TokKind::Other
            && let Some(s) = self.text.get(t.start..t.end)
            && (1..=2).contains(&s.len())
            && s.bytes().all(|b| b.is_ascii_digit())
            && let Ok(day) = s.parse::<u32>()
            && (1..=31).contains(&day)
            && self.toks.get(k + 2).is_none_or(|n| n.start > t.end)
        {
            let (year, last) = self.then_year(k + 1);
            return Some((last, year, month, day));
        }
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

    /// Month and day in digits, no year: after a day preposition month first ("on 4-22", "on
    /// 4/22", as English writes them; a fraction is not written after "on"); with a slash and a
    /// date cue before ("by 4/22") or after ("4/22 को", "22/4 तक") when only one order is a real
    /// day; "on 4.22" when only month first is ("on 4.5 percent" stays a decimal). Without a cue
    /// "4/22" stays a figure (a bowler's 4 for 22).
    fn on_month_day(&self, k: usize) -> Option<Hit> {
        let t = self.toks.get(k)?;
        let small = |i: usize| match self.toks.get(i)?.kind {
            TokKind::Num {
                value,
                digits: 1..=2,
                ordinal: false,
            } => Some(value),
            _ => None,
        };
        let (a, b, last, mark) = match t.kind {
            TokKind::Num { .. } => {
                let a = small(k)?;
                let n = self.toks.get(k + 1)?;
                let g = self.text.get(t.end..n.start)?;
                if !(g == "-" || g == "/") {
                    return None;
                }
                (a, small(k + 1)?, k + 1, g)
            }
            TokKind::Other => {
                let (x, y) = self.text.get(t.start..t.end)?.split_once('.')?;
                let num = |s: &str| {
                    ((1..=2).contains(&s.len()) && s.bytes().all(|c| c.is_ascii_digit()))
                        .then(|| s.parse::<u32>().ok())
                        .flatten()
                };
                (num(x)?, num(y)?, k, ".")
            }
            _ => return None,
        };
        // nothing numeric may continue it ("on 4-22-2019" is a fuller date)
        if self
            .toks
            .get(last + 1)
            .is_some_and(|n| n.start == self.toks[last].end)
            || self.text.get(self.toks[last].end..).is_some_and(|r| {
                r.starts_with(['/', '-', '.']) && r[1..].starts_with(|c: char| c.is_ascii_digit())
            })
        {
            return None;
        }
        let before = |is: &dyn Fn(&str) -> bool| {
            k > 0 && self.tight(k - 1) && self.word(k - 1).is_some_and(is)
        };
        let on = before(&|w| self.lx.is_day_preposition(w));
        let cue = before(&|w| self.lx.is_numeric_date_cue_before(w))
            || (self.tight(last)
                && self
                    .word(last + 1)
                    .is_some_and(|w| self.lx.is_numeric_date_cue_after(w)));
        let real = |m: u32, d: u32| chrono::NaiveDate::from_ymd_opt(2000, m, d).is_some();
        let (m, d) = match mark {
            "." => {
                let closes = last + 1 >= self.toks.len()
                    || !self.tight(last)
                    || self
                        .word(last + 1)
                        .is_some_and(|w| self.lx.is_day_follower(w));
                if !(on && closes && real(a, b) && !real(b, a)) {
                    return None;
                }
                (a, b)
            }
            _ if on && real(a, b) => (a, b),
            "/" if cue && real(a, b) != real(b, a) => {
                if real(a, b) {
                    (a, b)
                } else {
                    (b, a)
                }
            }
            _ => return None,
        };
        Some((
            last,
            Expr::Date {
                year: None,
                month: m,
                day: d,
                weekday: None,
            },
            false,
        ))
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

    /// पिछले/अगले + count + unit: "पिछले दो दिनों", "next three months", "पिछले दो दशकों"; the
    /// count may come first: "5 पिछले वर्षों", "2 आगामी महीनों".
    fn stretch(&self, k: usize) -> Option<Hit> {
        let (dir, count, ul) = if let Some((dir, dl)) = self.direction(k) {
            if !self.tight(dl) {
                return None;
            }
            let (count, cl) = self.count(dl + 1)?;
            (dir, count, cl + 1)
        } else {
            let (count, cl) = self.count(k)?;
            if !self.tight(cl) {
                return None;
            }
            let (dir, dl) = self.direction(cl + 1)?;
            // (only a plural unit: "2 अगले दिनों", not "दो अगले दिन")
            if !self.word(dl + 1).is_some_and(|w| self.lx.is_plural_unit(w)) {
                return None;
            }
            (dir, count, dl + 1)
        };
        if dir == Direction::This || !self.tight(ul - 1) {
            return None;
        }
        let w = self.word(ul)?;
        if self.lx.is_decade(w) {
            return Some((ul, Expr::Decades { count, dir }, false));
        }
        let unit = self.lx.unit(w)?;
        Some((ul, Expr::Stretch { count, unit, dir }, false))
    }

    /// A duration from publication as a span: count unit [count unit…] के भीतर|के अंदर, with
    /// "आगामी" before it or not, in a clause that is not in the past (a past clause counts from
    /// its own events), and not counted from an event named before it ("घटना के 5 दिनों के
    /// भीतर").
    fn within(&self, k: usize) -> Option<Hit> {
        let mut dk = k;
        // "within 3 years", not "within 3 years of independence"
        let opener = self.tight(k) && self.word(k).is_some_and(|w| self.lx.is_within_opener(w));
        if opener {
            dk = k + 1;
        }
        if let Some((Direction::Next, dl)) = self.direction(dk)
            && self.tight(dl)
        {
            dk = dl + 1;
        }
        if k > 0
            && self.gap(k - 1).is_some()
            && self
                .word(k - 1)
                .is_some_and(|w| self.lx.is_month_day_link(w))
        {
            return None;
        }
        let (count, unit, more, ul) = self.duration(dk)?;
        let closes = |i: usize| {
            self.gap(i).is_some()
                && self
                    .word(i + 1)
                    .is_some_and(|w| self.lx.is_day_month_link(w) || self.lx.is_ago_blocker(w))
        };
        let last = if opener {
            if closes(ul) {
                return None;
            }
            ul
        } else {
            if !self.tight(ul) {
                return None;
            }
            self.lx
                .within_closers()
                .iter()
                .find_map(|p| self.phrase(ul + 1, p))?
        };
        if self.tense_after(last) == Some(true) {
            return None;
        }
        Some((last, Expr::Within { count, unit, more }, false))
    }

    /// Words of a name at `k..`, with spaces, hyphens, dots or apostrophes between them ("St.
    /// Patrick's Day"): the last token.
    fn name_phrase(&self, k: usize, p: &[String]) -> Option<usize> {
        let loose = |a: usize| {
            let (x, y) = (self.toks.get(a)?, self.toks.get(a + 1)?);
            let g = self.text.get(x.end..y.start)?;
            (g.chars().count() <= 3
                && g.chars()
                    .all(|c| matches!(c, ' ' | '\u{a0}' | '-' | '.' | '\'' | '’')))
            .then_some(())
        };
        let mut last = k;
        for (n, w) in p.iter().enumerate() {
            let i = k + n;
            if n > 0 {
                loose(i - 1)?;
            }
            if self.word(i) != Some(w.as_str()) {
                return None;
            }
            last = i;
        }
        (!p.is_empty()).then_some(last)
    }

    /// A named day, with its year before it ("2010 के पृथ्वी दिवस") or after it ("ईस्टर 2019",
    /// "Christmas 2020") or none: "गणतंत्र दिवस", "ईस्टर सोमवार".
    fn holiday(&self, k: usize) -> Option<Hit> {
        let (mut year, mut at) = (None, k);
        if let Some((y, yl)) = self.year_at(k)
            && self.gap(yl).is_some()
        {
            let lk = self.skip(yl + 1, |w| self.lx.is_week_weekday_link(w));
            if lk > yl + 1 && self.gap(lk - 1).is_some() {
                year = Some(y);
                at = lk;
            }
        }
        let (last, h) = self
            .lx
            .holidays()
            .iter()
            .find_map(|(p, h)| self.name_phrase(at, p).map(|l| (l, *h)))?;
        let (year, last) = if year.is_some() {
            (year, last)
        } else {
            self.then_year(last)
        };
        let e = match h {
            Holiday::Fixed(month, day) => Expr::Date {
                year,
                month,
                day,
                weekday: None,
            },
            Holiday::Easter(offset) => Expr::Easter { offset, year },
        };
        Some((last, e, false))
    }

    /// "अभी", "now": kept only when it ends a range.
    fn now(&self, k: usize) -> Option<Hit> {
        self.word(k)
            .is_some_and(|w| self.lx.is_now(w))
            .then_some((k, Expr::Now, false))
    }

    /// A part of a year named by a letter and its number, glued: "Q3", "h2", with the year
    /// before it ("2019 H2", "2019-h2", "2017 के q1") or after it ("Q1 2020").
    fn letter_part(&self, k: usize) -> Option<Hit> {
        // (months, n, last token) of "q3" at token i
        let part_at = |i: usize| -> Option<(u32, u32, usize)> {
            let months = self.word(i).and_then(|w| self.lx.part_letter(w))?;
            let (t, n) = (self.toks.get(i)?, self.toks.get(i + 1)?);
            if n.start != t.end {
                return None;
            }
            let digits = self.text.get(n.start..n.end)?;
            let v: u32 = match digits.len() {
                1 => digits.parse().ok()?,
                _ => return None,
            };
            // nothing glued after it ("Q3FY24" names a fiscal year's quarter)
            if self.toks.get(i + 2).is_some_and(|x| x.start == n.end) {
                return None;
            }
            ((1..=12 / months).contains(&v)).then_some((months, v, i + 1))
        };
        let (mut year, mut at) = (None, k);
        if let Some((y, yl)) = self.year_at(k)
            && self.gap(yl).is_some()
        {
            let lk = self.skip(yl + 1, |w| self.lx.is_week_weekday_link(w));
            if lk > yl + 1 && self.gap(lk - 1).is_none() {
                return None;
            }
            year = Some(y);
            at = lk;
        }
        let (months, n, mut last) = part_at(at)?;
        if year.is_none() {
            // alone a letter and a number name other things ("हैप्लोटाइप H1-H58")
            let (y, l) = self.then_year(last);
            year = Some(y?);
            last = l;
        }
        let e = Expr::Part {
            n: Some(n),
            months,
            year,
            dir: None,
        };
        Some((last, e, false))
    }

    /// A week by its number in the year of publication: "सप्ताह 10", "week 10" (no word may
    /// follow the number: "सप्ताह 2 बार" is a count).
    fn week_number(&self, k: usize) -> Option<Hit> {
        let w = self.word(k)?;
        if self.lx.unit(w) != Some(Unit::Week) || self.lx.is_plural_unit(w) || !self.tight(k) {
            return None;
        }
        let TokKind::Num {
            value,
            digits: 1..=2,
            ordinal: false,
        } = self.toks.get(k + 1)?.kind
        else {
            return None;
        };
        if !(1..=53).contains(&value)
            || self
                .word(k + 2)
                .is_some_and(|w| self.tight(k + 1) && !self.lx.is_month_postposition(w))
        {
            return None;
        }
        let e = Expr::NthWeek {
            n: value as i32,
            of: WeekOf::Current,
        };
        Some((k + 1, e, false))
    }

    /// A weekday's short name joined to another weekday by a range link or "या"/"और": "सोम से
    /// शुक्र तक", "सोम या मंगल" (alone a short name means something else: मंगल = Mars).
    fn short_weekday(&self, k: usize) -> Option<Hit> {
        let (weekday, true) = self.weekday(k)? else {
            return None;
        };
        let linked = |i: usize, j: usize| {
            self.gap(i).is_some()
                && self.gap(i + 1).is_some()
                && self.word(i + 1).is_some_and(|w| {
                    self.lx.is_range_link(w) || self.lx.is_range_and(w) || self.lx.is_alternative(w)
                })
                && self.weekday(j).is_some()
        };
        let joined = linked(k, k + 2) || (k >= 2 && linked(k - 2, k - 2));
        joined.then_some((k, Expr::Weekday { weekday, dir: None }, false))
    }

    /// A year, से, and the last year's two digits (in digits or a number word), closed by तक
    /// or a range closer: "उन्नीस सौ बीस से छब्बीस तक", "1990 से 95 तक" ("2011-12" written
    /// with a hyphen is a fiscal year, not read here).
    fn short_year_range(&self, k: usize) -> Option<Hit> {
        let (from, yl) = self.year_at(k)?;
        self.gap(yl)?;
        if !self.word(yl + 1).is_some_and(|w| self.lx.is_range_link(w)) {
            return None;
        }
        self.gap(yl + 1)?;
        let t = self.toks.get(yl + 2)?;
        let (n, nl) = match t.kind {
            TokKind::Num {
                value,
                digits: 2,
                ordinal: false,
            } => (value as i32, yl + 2),
            TokKind::Word => {
                let (v, len) = (self.words?)(t.start)?;
                if t.start + len != t.end || v.fract() != 0.0 || !(1.0..100.0).contains(&v) {
                    return None;
                }
                (v as i32, yl + 2)
            }
            _ => return None,
        };
        if n <= from % 100 {
            return None;
        }
        let last = self.range_tail(nl);
        (last > nl).then_some((
            last,
            Expr::Years {
                from,
                to: from / 100 * 100 + n,
            },
            false,
        ))
    }

    /// Two days written as numbers with a slash, joined by a dash or से: "2/28-3/1", "10/1 से
    /// 11/7 तक", "5/1 से 5/7, 2020 तक". Both ends are read in one order: day first (as news in
    /// India writes), unless only month first makes both real days.
    fn slash_range(&self, k: usize) -> Option<Hit> {
        let small = |i: usize| match self.toks.get(i)?.kind {
            TokKind::Num {
                value,
                digits: 1..=2,
                ordinal: false,
            } => Some(value),
            _ => None,
        };
        let slash = |i: usize| {
            let (x, y) = (self.toks.get(i)?, self.toks.get(i + 1)?);
            let g = self.text.get(x.end..y.start)?;
            (g.len() <= 3 && g.trim_matches(' ') == "/").then_some(())
        };
        let pair = |i: usize| -> Option<(u32, u32)> {
            let a = small(i)?;
            slash(i)?;
            Some((a, small(i + 1)?))
        };
        let (a, b) = pair(k)?;
        let g = self.gap(k + 1)?;
        let c_at = if g.trim_matches(' ') == "-" {
            k + 2
        } else if g.trim_matches(' ').is_empty()
            && self.word(k + 2).is_some_and(|w| self.lx.is_range_link(w))
            && self.gap(k + 2).is_some()
        {
            k + 3
        } else {
            return None;
        };
        let (c, d) = pair(c_at)?;
        let mut last = c_at + 1;
        // nothing numeric may continue it ("10/1-11/2/2017" ends in a fuller date)
        if self
            .toks
            .get(last + 1)
            .is_some_and(|n| n.start == self.toks[last].end)
            || self
                .text
                .get(self.toks[last].end..)
                .is_some_and(|r| r.starts_with('/'))
        {
            return None;
        }
        let real = |m: u32, d: u32| chrono::NaiveDate::from_ymd_opt(2000, m, d).is_some();
        let ((m1, d1), (m2, d2)) = if real(b, a) && real(d, c) {
            ((b, a), (d, c))
        } else if real(a, b) && real(c, d) {
            ((a, b), (c, d))
        } else {
            return None;
        };
        let (year, yl) = self.then_year(last);
        last = self.range_tail(yl);
        let e = Expr::Range {
            from: (None, Some(m1), d1),
            to: (year, m2, d2),
        };
        Some((last, e, false))
    }

    /// An Indian fiscal year: a fiscal word, then its two years ("वित्त वर्ष 2019-20", "FY
    /// 2020-21", "FY2020-21") or the year it ends in ("FY21", "fiscal 2021", "वित्त वर्ष 2021"),
    /// or a direction before it ("पिछले वित्त वर्ष", "this fiscal year").
    fn fiscal_year(&self, k: usize) -> Option<Hit> {
        let (dir, at) = match self.direction(k) {
            Some((d, dl)) if self.tight(dl) => (Some(d), dl + 1),
            _ => (None, k),
        };
        let pl = self
            .lx
            .fiscal_years()
            .iter()
            .find_map(|p| self.phrase(at, p))?;
        if let Some(d) = dir {
            return Some((
                pl,
                Expr::FiscalYear {
                    start: None,
                    dir: Some(d),
                },
                false,
            ));
        }
        // digits at token i: (value, digit count), glued to the fiscal word or after a space
        let digits_at = |i: usize| -> Option<(u32, usize)> {
            let t = self.toks.get(i)?;
            let s = self.text.get(t.start..t.end)?;
            if !(s.len() == 2 || s.len() == 4) || !s.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            Some((s.parse().ok()?, s.len()))
        };
        let first = pl + 1;
        let t = self.toks.get(first)?;
        let glued = t.start == self.toks[pl].end;
        if !glued
            && self
                .gap(pl)
                .is_none_or(|g| !g.trim_matches([' ', '\u{a0}']).is_empty())
        {
            return None;
        }
        let (y, n) = digits_at(first)?;
        let full = |v: u32, n: usize| if n == 4 { v as i32 } else { 2000 + v as i32 };
        let y = full(y, n);
        if !(1900..=2099).contains(&y) {
            return None;
        }
        // the second year: "-20", "–2021", "/21"
        let second = self.toks.get(first + 1).and_then(|u| {
            let g = self.text.get(self.toks[first].end..u.start)?;
            if !matches!(g, "-" | "–" | "/") {
                return None;
            }
            let (v, m) = digits_at(first + 1)?;
            let z = if m == 4 {
                v as i32
            } else {
                y / 100 * 100 + v as i32
            };
            (z == y + 1).then_some(first + 1)
        });
        let (start, last) = match second {
            Some(l) => (y, l),
            None => (y - 1, first),
        };
        // nothing numeric may continue it ("FY 2020-21-22")
        if self
            .toks
            .get(last + 1)
            .is_some_and(|u| u.start == self.toks[last].end)
        {
            return None;
        }
        Some((
            last,
            Expr::FiscalYear {
                start: Some(start),
                dir: None,
            },
            false,
        ))
    }

    /// A season with its year before it ("2016 की गर्मियों") or after it ("गर्मी 2016",
    /// "summer of 2016"), or a direction ("पिछली सर्दियों", "this summer"). Alone a season word
    /// is not a time: "गर्मी" is also heat, "fall" a drop.
    fn season(&self, k: usize) -> Option<Hit> {
        let season_at = |i: usize| self.word(i).and_then(|w| self.lx.season(w));
        // year [की|के|of] season
        if let Some((y, yl)) = self.year_at(k)
            && self.gap(yl).is_some()
        {
            let sk = self.skip(yl + 1, |w| self.lx.is_week_weekday_link(w));
            let code = season_at(sk)?;
            let e = Expr::Season {
                code,
                year: Some(y),
                dir: None,
            };
            return Some((sk, e, false));
        }
        // direction season
        if let Some((dir, dl)) = self.direction(k) {
            if !self.tight(dl) {
                return None;
            }
            let code = season_at(dl + 1)?;
            if self
                .word(dl + 1)
                .is_some_and(|w| self.lx.is_season_with_year_only(w))
            {
                return None;
            }
            let e = Expr::Season {
                code,
                year: None,
                dir: Some(dir),
            };
            return Some((dl + 1, e, false));
        }
        // season [of] year
        let code = season_at(k)?;
        self.gap(k)?;
        let yk = self.skip(k + 1, |w| self.lx.is_day_month_link(w));
        let (y, yl) = self.year_at(yk)?;
        let e = Expr::Season {
            code,
            year: Some(y),
            dir: None,
        };
        Some((yl, e, false))
    }

    /// A weekend word alone ("सप्ताहांत पर", "उस वीकेंड"); not a habit ("हर सप्ताहांत").
    fn weekend_bare(&self, k: usize) -> Option<Hit> {
        if !self.word(k).is_some_and(|w| self.lx.is_weekend(w)) {
            return None;
        }
        if k > 0 && self.tight(k - 1) && self.word(k - 1).is_some_and(|w| self.lx.is_generic(w)) {
            return None;
        }
        let past = self.tense_after(k) == Some(true);
        Some((k, Expr::BareWeekend { past }, false))
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
                    ahead: false,
                },
            ))
        };
        let (last, expr) = expr_last?;
        Some((last, expr, paren))
    }

    /// A day of the month alone: "22 तारीख"; "on 15", "for the 22nd", "on the 27" closing a
    /// clause (an ordinal may go on with a link word: "on the 15th and …"; a bare ordinal, "the
    /// 21st meeting", is no day); and, in Hindi, a day number before "को" with a cue — a
    /// demonstrative ("उस 27 को"), a subject pronoun ("मैं 15 को लौटूंगा"), an ordinal form
    /// ("15वीं को") or a run of days after a date with its month ("1 मई को 301, 2 को 308", which
    /// gives the day its month). Without a cue "12 को" counts people ("इनमें से 12 को छुट्टी").
    fn day_of_month(&self, k: usize) -> Option<Hit> {
        let (day, last, ordinal) = self.day(k)?;
        // (a clause about the future: "15 को लौटेंगे", "will resume on the 18th")
        let ahead = self.tense_after(last) == Some(false) || self.future_before(k);
        let alone = Expr::DayOfMonth {
            day,
            weekday: None,
            ahead,
        };
        let marker = self.gap(last).is_some()
            && self
                .word(last + 1)
                .is_some_and(|w| self.lx.is_day_marker(w));
        if marker {
            let ahead = self.tense_after(last + 1) == Some(false) || self.future_before(k);
            let e = Expr::DayOfMonth {
                day,
                weekday: None,
                ahead,
            };
            return Some((last + 1, e, false));
        }
        let digits = matches!(self.toks[k].kind, TokKind::Num { digits, .. } if digits <= 2);
        // "उस 27 को", "मैं 15 को", "15वीं को", "1 मई को 301, 2 को 308"
        if digits
            && self.tight(last)
            && self
                .word(last + 1)
                .is_some_and(|w| self.lx.is_day_postposition(w))
        {
            if let Some((month, year, first)) = self.run_of_days(k)
                && day > first
            {
                let e = Expr::Date {
                    year,
                    month,
                    day,
                    weekday: None,
                };
                return Some((last, e, false));
            }
            let cue = k > 0
                && self.tight(k - 1)
                && self
                    .word(k - 1)
                    .is_some_and(|w| self.lx.is_day_demonstrative(w) || self.lx.is_day_subject(w));
            if cue || ordinal {
                return Some((last, alone, false));
            }
        }
        // a day number after "on" / "the" that nothing follows in its clause
        let prep = |i: usize, the: bool| {
            self.tight(i)
                && self.word(i).is_some_and(|w| {
                    if the {
                        self.lx.is_day_preposition_the(w)
                    } else {
                        self.lx.is_day_preposition(w)
                    }
                })
        };
        let before = (k > 0 && prep(k - 1, false))
            || (k > 1
                && self.tight(k - 1)
                && self.word(k - 1).is_some_and(|w| self.lx.is_day_prefix(w))
                && prep(k - 2, true));
        let closes = last + 1 >= self.toks.len()
            || !self.tight(last)
            || (ordinal
                && self
                    .word(last + 1)
                    .is_some_and(|w| self.lx.is_day_follower(w)));
        (before && closes && (digits || ordinal)).then_some((last, alone, false))
    }

    /// The month (and year) of a date that opens a run of days before token `k`, with only
    /// numbers, commas and "को"/"और" between: "1 मई को 301, 2 को 308, 3 को" → (5, None, 1).
    fn run_of_days(&self, k: usize) -> Option<(u32, Option<i32>, u32)> {
        let mut i = k;
        for _ in 0..48 {
            i = i.checked_sub(1)?;
            self.gap(i)?;
            let t = self.toks.get(i)?;
            match t.kind {
                TokKind::Num { .. } | TokKind::Other => continue,
                TokKind::Date(_) => return None,
                TokKind::Word => {}
            }
            let w = t.norm.as_ref();
            if let Some((month, false)) = self.lx.month(w) {
                let (first, _, _) = self.day(i.checked_sub(1)?)?;
                self.gap(i - 1)?;
                let (year, _) = self.then_year(i);
                return Some((month, year, first));
            }
            if !(self.lx.is_day_postposition(w) || self.lx.is_range_and(w)) {
                return None;
            }
        }
        None
    }

    /// year month: "2015 जून"
    fn year_month(&self, k: usize) -> Option<Hit> {
        let year = self.year(k)?;
        let g = self.gap(k)?;
        let (month, _) = self.month(k + 1)?;
        // 2019-sep-1, 2019/Sep/01: the day after the month, joined by the same mark
        if matches!(g, "-" | "/")
            && self.gap(k + 1) == Some(g)
            && let Some(TokKind::Num {
                value,
                digits: 1..=2,
                ordinal: false,
            }) = self.toks.get(k + 2).map(|t| t.kind)
            && chrono::NaiveDate::from_ymd_opt(year, month, value).is_some()
        {
            return Some((
                k + 2,
                Expr::Date {
                    year: Some(year),
                    month,
                    day: value,
                    weekday: None,
                },
                false,
            ));
        }
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
        let mut n = dl + 1;
        // "अगले शुक्रवार", "next Friday": the Friday of next week; "आगामी शुक्रवार", "the coming
        // Friday": the next one
        if dir == Direction::Next
            && let Some((weekday, false)) = self.weekday(n)
            && !self.word(k).is_some_and(|w| self.lx.is_coming(w))
        {
            return Some((n, Expr::WeekdayOfWeek { weekday, dir }, false));
        }
        // "इस कैलेंडर वर्ष", "last calendar year"
        if self.word(n).is_some_and(|w| self.lx.is_year_qualifier(w))
            && self.tight(n)
            && self.word(n + 1).and_then(|w| self.lx.unit(w)) == Some(Unit::Year)
        {
            n += 1;
        }
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
        if self.lx.is_weekend(w) {
            return Some((n, Expr::Weekend { dir }, false));
        }
        let unit = self.lx.unit(w)?;
        if self.lx.is_plural_unit(w) || (unit == Unit::Day && dir == Direction::This) {
            return None;
        }
        if unit == Unit::Month && self.gap(n).is_some() {
            let dk = self.skip(n + 1, |x| self.lx.is_month_day_link(x));
            // इस महीने 4 से 22 तक | अगले महीने 4-23
            if let Some((from, fl, _)) = self.day(dk)
                && let Some(g) = self.gap(fl)
            {
                let next = if g.contains('-') || g.contains('–') {
                    Some(fl + 1)
                } else {
                    self.word(fl + 1)
                        .filter(|w| self.lx.is_range_link(w) && self.gap(fl + 1).is_some())
                        .map(|_| fl + 2)
                };
                if let Some((to, tl, _)) = next.and_then(|x| self.day(x))
                    && to > from
                {
                    let last = self.range_tail(tl);
                    return Some((last, Expr::RangeIn { from, to, dir }, false));
                }
            }
            // इस महीने 21 तारीख | अगले महीने की 20 तारीख
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

    /// The end or start of a period, read as the period: "साल के अंत में", "पिछले महीने की
    /// शुरुआत", "the end of the year", "the start of next month".
    fn period_edge(&self, k: usize) -> Option<Hit> {
        let unit_at = |u: usize| {
            let w = self.word(u)?;
            let unit = self.lx.unit(w)?;
            (!self.lx.is_plural_unit(w)).then_some(unit)
        };
        let dir_unit = |u: usize| match self.direction(u) {
            Some((dir, dl)) if self.tight(dl) => unit_at(dl + 1).map(|x| (dir, x, dl + 1)),
            _ => unit_at(u).map(|x| (Direction::This, x, u)),
        };
        // [dir] unit link edge
        if let Some((dir, unit, ul)) = dir_unit(k)
            && self.gap(ul).is_some()
            && self
                .word(ul + 1)
                .is_some_and(|w| self.lx.is_week_weekday_link(w) || self.lx.is_month_day_link(w))
            && self.gap(ul + 1).is_some()
            && self.word(ul + 2).is_some_and(|w| self.lx.is_period_edge(w))
        {
            return Some((ul + 2, Expr::Period { unit, dir }, false));
        }
        // [the] edge of [the] [dir] unit
        let k0 = self.skip(k, |w| self.lx.is_day_prefix(w));
        if !self.word(k0).is_some_and(|w| self.lx.is_period_edge(w)) {
            return None;
        }
        self.gap(k0)?;
        let of = self.word(k0 + 1)?;
        if !self.lx.is_day_month_link(of) {
            return None;
        }
        self.gap(k0 + 1)?;
        let u = self.skip(k0 + 2, |w| self.lx.is_day_prefix(w));
        let (dir, unit, ul) = dir_unit(u)?;
        Some((ul, Expr::Period { unit, dir }, false))
    }

    /// One or more `count unit` pairs ("2 वर्ष 1 माह 21 दिन", "1 month and 21 days") from token
    /// `k`: (last count, smallest unit, (years, months, weeks) before it, last token).
    fn duration(&self, k: usize) -> Option<Duration> {
        let mut more = (0u32, 0u32, 0u32);
        let mut at = k;
        let mut found: Option<(u32, Unit, usize)> = None;
        while let Some((count, cl)) = self.count(at) {
            if !self.tight(cl) {
                break;
            }
            let Some(unit) = self.word(cl + 1).and_then(|w| self.lx.unit(w)) else {
                break;
            };
            // a smaller unit must follow a larger one ("2 वर्ष 21 दिन", not "2 दिन 3 साल")
            if let Some((c, u, _)) = found {
                if unit >= u {
                    break;
                }
                match u {
                    Unit::Year => more.0 += c,
                    Unit::Month => more.1 += c,
                    Unit::Week => more.2 += c,
                    Unit::Day => break,
                }
            }
            found = Some((count, unit, cl + 1));
            let next = cl + 2;
            at = match self.word(next) {
                Some(w) if self.lx.is_duration_link(w) && self.gap(cl + 1).is_some() => next + 1,
                _ if self.gap(cl + 1).is_some() => next,
                _ => break,
            };
        }
        let (count, unit, last) = found?;
        Some((count, unit, more, last))
    }

    /// count unit ago|ahead: "दो दिन पहले", "three weeks ago", "1 महीने और 21 दिन पहले";
    /// from a named day: "आज से दो दिन बाद", "कल से चार दिन बाद". Counting ahead from
    /// publication needs the future tense ("2 वर्ष 21 दिन बाद रहूंगा"): in the past it is
    /// counted from the story's own events.
    fn ago(&self, k: usize) -> Option<Hit> {
        let mut anchor = None;
        let mut dk = k;
        if let Some((dl, d)) = self
            .lx
            .deictic()
            .iter()
            .find_map(|(p, d)| self.phrase(k, p).map(|l| (l, *d)))
            && self.gap(dl).is_some()
            && self.word(dl + 1).is_some_and(|w| self.lx.is_ago_blocker(w))
            && self.gap(dl + 1).is_some()
        {
            let offset = if d.ambiguous {
                self.tense_after(dl + 1)
                    .map(|past| if past { -d.offset } else { d.offset })
            } else {
                Some(d.offset)
            };
            anchor = Some(offset);
            dk = dl + 2;
        } else if k > 0
            && self.gap(k - 1).is_some()
            && self.word(k - 1).is_some_and(|w| self.lx.is_ago_blocker(w))
        {
            return None;
        }
        let (count, unit, more, ul) = self.duration(dk)?;
        // "दो सप्ताह में निकलूंगा", "I will leave in 3 weeks": the day that many units ahead,
        // when the clause is in the future tense
        let in_hi = self.tight(ul)
            && self
                .word(ul + 1)
                .is_some_and(|w| self.lx.is_within_after(w))
            && self.tense_after(ul + 1) == Some(false);
        let in_en = dk == k
            && k > 0
            && self.tight(k - 1)
            && self
                .word(k - 1)
                .is_some_and(|w| self.lx.is_within_before(w))
            && self.future_before(k);
        // "आज से दो दिन में": counted from a named day, "in" is ahead whatever the tense
        let in_anchored = anchor.is_some()
            && self.tight(ul)
            && self
                .word(ul + 1)
                .is_some_and(|w| self.lx.is_within_after(w));
        if in_anchored {
            let e = Expr::Ago {
                count,
                unit,
                more,
                ahead: true,
                anchor,
            };
            return Some((ul + 1, e, false));
        }
        // "two days after today", "three weeks before yesterday": counted from the day named
        if anchor.is_none()
            && self.tight(ul)
            && let Some(after) = self.word(ul + 1).and_then(|w| self.lx.anchor_link(w))
            && self.gap(ul + 1).is_some()
            && let Some((dl, d)) = self
                .lx
                .deictic()
                .iter()
                .find_map(|(p, d)| self.phrase(ul + 2, p).map(|l| (l, *d)))
            && !d.ambiguous
        {
            let e = Expr::Ago {
                count,
                unit,
                more,
                ahead: after,
                anchor: Some(Some(d.offset)),
            };
            return Some((dl, e, false));
        }
        if anchor.is_none() && (in_hi || in_en) {
            let e = Expr::Ago {
                count,
                unit,
                more,
                ahead: true,
                anchor: Some(Some(0)),
            };
            return Some((if in_hi { ul + 1 } else { ul }, e, false));
        }
        if !self.tight(ul) {
            return None;
        }
        if let Some(last) = self.lx.ago().iter().find_map(|p| self.phrase(ul + 1, p)) {
            let e = Expr::Ago {
                count,
                unit,
                more,
                ahead: false,
                anchor,
            };
            return Some((last, e, false));
        }
        let (last, now) = match self
            .lx
            .ahead_now()
            .iter()
            .find_map(|p| self.phrase(ul + 1, p))
        {
            Some(l) => (l, true),
            None => (
                self.lx
                    .ahead()
                    .iter()
                    .find_map(|p| self.phrase(ul + 1, p))?,
                false,
            ),
        };
        // (or "I will leave 2 years 21 days later": a future marker before an English count)
        let relative_to_now = now
            || anchor.is_some()
            || self.tense_after(last) == Some(false)
            || (dk == k && self.future_before(k));
        if !relative_to_now
            || (k > 0
                && self.gap(k - 1).is_some()
                && self
                    .word(k - 1)
                    .is_some_and(|w| self.lx.is_month_day_link(w)))
        {
            return None;
        }
        let e = Expr::Ago {
            count,
            unit,
            more,
            ahead: true,
            anchor,
        };
        Some((last, e, false))
    }

    /// A part of a year: [year|इस साल] [की|of] ordinal तिमाही|छमाही [of year]; पिछली/अगली
    /// तिमाही.
    fn year_part(&self, k: usize) -> Option<Hit> {
        let part_months = |i: usize| self.word(i).and_then(|w| self.lx.year_part(w));
        // पिछली तिमाही | next quarter
        if let Some((dir, dl)) = self.direction(k)
            && self.tight(dl)
            && let Some(months) = part_months(dl + 1)
            && self
                .word(dl + 1)
                .is_some_and(|w| self.lx.is_bare_year_part(w))
        {
            let e = Expr::Part {
                n: None,
                months,
                year: None,
                dir: Some(dir),
            };
            return Some((dl + 1, e, false));
        }
        // the year first: "2016 की", "इस साल की"
        let (mut year, mut ydir, mut at) = (None, None, k);
        if let Some((y, yl)) = self.year_at(k) {
            year = Some(y);
            at = yl + 1;
        } else if let Some((dir, dl)) = self.direction(k)
            && self.tight(dl)
            && self.word(dl + 1).and_then(|w| self.lx.unit(w)) == Some(Unit::Year)
        {
            ydir = Some(dir);
            at = dl + 2;
        }
        if at > k {
            self.gap(at - 1)?;
            at = self.skip(at, |w| self.lx.is_week_weekday_link(w));
        }
        let k0 = self.skip(at, |w| self.lx.is_day_prefix(w));
        let n = self.week_ordinal(k0)?;
        if !self.tight(k0) {
            return None;
        }
        let months = part_months(k0 + 1)?;
        let n = if n < 0 { 12 / months } else { n as u32 };
        if n > 12 / months {
            return None;
        }
        let mut last = k0 + 1;
        let bare = at == k;
        if year.is_none() && ydir.is_none() && self.gap(last).is_some() {
            let yk = self.skip(last + 1, |w| self.lx.is_day_month_link(w));
            if yk > last + 1 {
                if let Some(y) = self.year(yk) {
                    year = Some(y);
                    last = yk;
                } else if let Some((dir, dl)) = self.direction(yk)
                    && self.tight(dl)
                    && self.word(dl + 1).and_then(|w| self.lx.unit(w)) == Some(Unit::Year)
                {
                    ydir = Some(dir);
                    last = dl + 1;
                }
            }
        }
        // "the second half", "the third quarter" of a match: without a year, only a word that
        // names nothing but a part of a year (तिमाही) counts
        if bare
            && year.is_none()
            && ydir.is_none()
            && !self.lx.is_bare_year_part(self.word(k0 + 1)?)
        {
            return None;
        }
        let e = Expr::Part {
            n: Some(n),
            months,
            year,
            dir: ydir,
        };
        Some((last, e, false))
    }

    /// The n-th week of a year or month: [year|month] का ordinal सप्ताह; the ordinal week of
    /// year|month.
    fn nth_week(&self, k: usize) -> Option<Hit> {
        let week = |i: usize| self.word(i).and_then(|w| self.lx.unit(w)) == Some(Unit::Week);
        let of_at = |i: usize| -> Option<(WeekOf, usize)> {
            if let Some((m, ml)) = self.month_ref(i) {
                return Some((WeekOf::Month(m), ml));
            }
            self.year_at(i).map(|(y, yl)| (WeekOf::Year(y), yl))
        };
        // year|month, link, ordinal, week
        if let Some((of, ol)) = of_at(k)
            && self.gap(ol).is_some()
            && self
                .word(ol + 1)
                .is_some_and(|w| self.lx.is_week_weekday_link(w))
            && self.gap(ol + 1).is_some()
            && let Some(n) = self.week_ordinal(ol + 2)
            && self.tight(ol + 2)
            && week(ol + 3)
        {
            return Some((ol + 3, Expr::NthWeek { n, of }, false));
        }
        // [the] ordinal week of|in year|month
        let k0 = self.skip(k, |w| self.lx.is_day_prefix(w));
        let n = self.week_ordinal(k0)?;
        if !self.tight(k0) || !week(k0 + 1) {
            return None;
        }
        self.gap(k0 + 1)?;
        let link = self.word(k0 + 2)?;
        if !(self.lx.is_day_month_link(link) || self.lx.is_month_preposition(link)) {
            return None;
        }
        self.gap(k0 + 2)?;
        let (of, last) = of_at(k0 + 3)?;
        Some((last, Expr::NthWeek { n, of }, false))
    }

    /// "1970 के दशक", "दो हजार के दशक" (a year ending in 0, in digits or words, before a decade
    /// word).
    fn decade(&self, k: usize) -> Option<Hit> {
        // "1970 के दशक"; "90 के दशक", "सत्तर के दशक": a decade of an unknown century (under 100)
        let short = || -> Option<(i32, usize)> {
            let t = self.toks.get(k)?;
            match t.kind {
                TokKind::Num {
                    value,
                    digits: 2,
                    ordinal: false,
                } => Some((value as i32, k)),
                TokKind::Word => {
                    let (v, len) = (self.words?)(t.start)?;
                    (t.start + len == t.end && v.fract() == 0.0 && (10.0..100.0).contains(&v))
                        .then_some((v as i32, k))
                }
                _ => None,
            }
        };
        let (start, yl) = self.year_at(k).or_else(short)?;
        if start % 10 != 0 || self.gap(yl).is_none() {
            return None;
        }
        let dk = self.skip(yl + 1, |w| self.lx.is_week_weekday_link(w));
        let w = self.word(dk)?;
        self.lx
            .is_decade(w)
            .then_some((dk, Expr::Decade { start }, false))
    }

    /// A year and a month in digits: "2015-3", "11/2016", "2016 - 11", "11 /2016" — not
    /// "2011-12", a fiscal year.
    fn numeric_month(&self, k: usize) -> Option<Hit> {
        // one hyphen or slash, with a space on either side or none
        let joined = |a: usize| {
            let (x, y) = (self.toks.get(a)?, self.toks.get(a + 1)?);
            let g = self.text.get(x.end..y.start)?;
            let mark = g.trim_matches(' ');
            (g.len() <= 3 && (mark == "-" || mark == "/")).then_some(())
        };
        let small = |i: usize| match self.toks.get(i)?.kind {
            TokKind::Num {
                value,
                digits: 1..=2,
                ordinal: false,
            } if (1..=12).contains(&value) => Some(value),
            _ => None,
        };
        // nothing numeric may continue it ("2015-3-4" is a date, "11/2016/7" is not a month)
        let open = |i: usize| {
            self.toks.get(i + 1).is_some_and(|t| {
                t.kind != TokKind::Word
                    && self
                        .text
                        .get(self.toks[i].end..t.start)
                        .is_some_and(str::is_empty)
            }) || self.text.get(self.toks[i].end..).is_some_and(|r| {
                r.starts_with(['-', '/']) && r[1..].starts_with(|c: char| c.is_ascii_digit())
            })
        };
        if let Some(year) = self.year(k) {
            joined(k)?;
            let month = small(k + 1)?;
            if month == (year as u32 + 1) % 100 || open(k + 1) {
                return None;
            }
            return Some((
                k + 1,
                Expr::Month {
                    year: Some(year),
                    month,
                    dir: None,
                },
                false,
            ));
        }
        let month = small(k)?;
        joined(k)?;
        let year = self.year(k + 1)?;
        if open(k + 1)
            || (k > 0
                && self
                    .text
                    .get(self.toks[k - 1].end..self.toks[k].start)
                    .is_some_and(|g| matches!(g.trim_matches(' '), "-" | "/")))
        {
            return None;
        }
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

    /// "the 20th of next month": a day of a relative month, the day first.
    fn day_of_rel_month(&self, k: usize) -> Option<Hit> {
        let k0 = self.skip(k, |w| self.lx.is_day_prefix(w));
        let (day, dl, _) = self.day(k0)?;
        self.gap(dl)?;
        let mk = self.skip(dl + 1, |w| self.lx.is_day_month_link(w));
        if mk == dl + 1 {
            return None;
        }
        match self.month_ref(mk)? {
            (MonthRef::Rel(dir), last) => Some((last, Expr::DayOfMonthIn { day, dir }, false)),
            _ => None,
        }
    }

    /// A future marker ("will") earlier in the clause of token `k` (back to a comma, a
    /// semicolon or a clause-breaking word).
    fn future_before(&self, k: usize) -> bool {
        let mut i = k;
        while i > 0 {
            let g = self
                .text
                .get(self.toks[i - 1].end..self.toks[i].start)
                .unwrap_or("");
            if g.contains([',', ';', ':']) {
                return false;
            }
            i -= 1;
            match self.word(i) {
                Some(w) if self.lx.is_future_marker(w) => return true,
                Some(w) if self.lx.is_clause_break(w) => return false,
                _ => {}
            }
        }
        false
    }

    /// A year alone, kept only as a range's end.
    fn year_only(&self, k: usize) -> Option<Hit> {
        // in digits, or in words ("उन्नीस सौ नब्बे से उन्नीस सौ इक्यानबे"); a round hundred in
        // words is an amount ("one thousand to one thousand and five hundred")
        let (year, last) = self.year_at(k)?;
        if last > k && year % 100 == 0 {
            return None;
        }
        Some((last, Expr::Year { year }, false))
    }

    /// An ordinal of a weekday in a month: "पहले", "second", "2nd", "आखिरी" (-1).
    fn week_ordinal(&self, k: usize) -> Option<i32> {
        match self.toks.get(k)?.kind {
            TokKind::Num {
                value,
                ordinal: true,
                ..
            } if (1..=5).contains(&value) => Some(value as i32),
            TokKind::Word => {
                let w = self.word(k)?;
                if self.lx.is_last_ordinal(w) {
                    return Some(-1);
                }
                let d = self.lx.day(w)?;
                (d.ordinal && (1..=5).contains(&d.value)).then_some(d.value as i32)
            }
            _ => None,
        }
    }

    /// A month to count weekdays in: "जुलाई [2024]", "इस महीने", "next month".
    fn month_ref(&self, k: usize) -> Option<(MonthRef, usize)> {
        if let Some((month, _)) = self.month(k) {
            let (year, last) = self.then_year(k);
            return Some((MonthRef::Named { year, month }, last));
        }
        let month_unit = |i: usize| self.word(i).and_then(|w| self.lx.unit(w)) == Some(Unit::Month);
        // "हर महीने", "every month"
        if self.word(k).is_some_and(|w| self.lx.is_generic(w)) {
            return (self.tight(k) && month_unit(k + 1)).then_some((MonthRef::Every, k + 1));
        }
        let (dir, dl) = self.direction(k)?;
        (self.tight(dl) && month_unit(dl + 1)).then_some((MonthRef::Rel(dir), dl + 1))
    }

    /// The n-th weekday of a month: "जुलाई के पहले शुक्रवार", "इस महीने के आखिरी रविवार"
    /// (month first), "the first Friday of July", "the 2nd Monday of next month" (month last).
    fn nth_weekday(&self, k: usize) -> Option<Hit> {
        // month, link, ordinal, weekday
        if let Some((month, ml)) = self.month_ref(k)
            && self.gap(ml).is_some()
            && self
                .word(ml + 1)
                .is_some_and(|w| self.lx.is_week_weekday_link(w))
            && self.gap(ml + 1).is_some()
            && let Some(n) = self.week_ordinal(ml + 2)
            && self.tight(ml + 2)
            && let Some((weekday, false)) = self.weekday(ml + 3)
        {
            return Some((ml + 3, Expr::NthWeekday { n, weekday, month }, false));
        }
        // [the] ordinal weekday of|in month
        let k0 = self.skip(k, |w| self.lx.is_day_prefix(w));
        let n = self.week_ordinal(k0)?;
        if !self.tight(k0) {
            return None;
        }
        let (weekday, false) = self.weekday(k0 + 1)? else {
            return None;
        };
        self.gap(k0 + 1)?;
        let link = self.word(k0 + 2)?;
        if !(self.lx.is_day_month_link(link) || self.lx.is_month_preposition(link)) {
            return None;
        }
        self.gap(k0 + 2)?;
        let (month, last) = self.month_ref(k0 + 3)?;
        Some((last, Expr::NthWeekday { n, weekday, month }, false))
    }

    /// "तक" or "के बीच" after a range's last token: the new last token.
    fn range_tail(&self, last: usize) -> usize {
        if self.gap(last).is_none() {
            return last;
        }
        if let Some(l) = self
            .lx
            .range_closers()
            .iter()
            .find_map(|p| self.phrase(last + 1, p))
        {
            return l;
        }
        if self.word(last + 1).is_some_and(|w| self.lx.is_range_end(w)) {
            return last + 1;
        }
        last
    }

    /// A clock time at token `k`: "8", "10:30", "6pm", "6 pm" → (hour, minute, pm?, last).
    fn clock_tok(&self, k: usize) -> Option<(u32, u32, Option<bool>, usize)> {
        let t = self.toks.get(k)?;
        if !matches!(t.kind, TokKind::Num { ordinal: false, .. } | TokKind::Other) {
            return None;
        }
        let s = self.text.get(t.start..t.end)?;
        let digit = |c: char| match c {
            '0'..='9' => c.to_digit(10),
            '\u{0966}'..='\u{096F}' => Some(c as u32 - 0x0966),
            _ => None,
        };
        let mut chars = s.chars().peekable();
        let num = |chars: &mut std::iter::Peekable<std::str::Chars<'_>>, max: usize| {
            let mut v = 0u32;
            let mut n = 0;
            while n < max
                && let Some(d) = chars.peek().and_then(|c| digit(*c))
            {
                v = v * 10 + d;
                n += 1;
                chars.next();
            }
            (n > 0).then_some((v, n))
        };
        let (h, _) = num(&mut chars, 2)?;
        let mut m = 0;
        if chars.peek().is_some_and(|c| *c == ':' || *c == '.') {
            chars.next();
            let (mm, n) = num(&mut chars, 2)?;
            if n != 2 {
                return None;
            }
            m = mm;
        }
        let rest: String = chars.collect::<String>().to_ascii_lowercase();
        let mut ampm = match rest.as_str() {
            "" => None,
            r if self.lx.is_morning_marker(r) => Some(false),
            r if self.lx.is_evening_marker(r) => Some(true),
            _ => return None,
        };
        let mut last = k;
        if ampm.is_none()
            && self.tight(k)
            && let Some(w) = self.word(k + 1)
        {
            if self.lx.is_morning_marker(w) {
                ampm = Some(false);
                last = k + 1;
            } else if self.lx.is_evening_marker(w) {
                ampm = Some(true);
                last = k + 1;
            }
        }
        (h <= 24 && m < 60 && (ampm.is_none() || (1..=12).contains(&h)))
            .then_some((h, m, ampm, last))
    }

    /// A time of day at token `k`: "सुबह 8 बजे", "रात 10:30 बजे", "रात", "6 pm", "noon".
    fn time_of_day(&self, k: usize) -> Option<(TimeOfDay, usize)> {
        use crate::claim::DayPart;
        if let Some(w) = self.word(k)
            && let Some((h, part)) = self.lx.clock_word(w)
        {
            let tod = TimeOfDay {
                clock: Some((h, 0)),
                part: Some(part),
            };
            return Some((tod, k));
        }
        let part = self.word(k).and_then(|w| self.lx.part(w));
        let ck = if part.is_some() { k + 1 } else { k };
        let clock = (part.is_none() || self.tight(k))
            .then(|| self.clock_tok(ck))
            .flatten()
            .and_then(|(h, m, ampm, last)| {
                let marker = self.tight(last)
                    && self
                        .word(last + 1)
                        .is_some_and(|w| self.lx.is_clock_marker(w));
                let colon = self
                    .text
                    .get(self.toks[ck].start..self.toks[ck].end)
                    .is_some_and(|s| s.contains(':'));
                if ampm.is_none() && !marker && !(colon && part.is_some()) {
                    return None;
                }
                let h = match (ampm, part) {
                    (Some(true), _) if h < 12 => h + 12,
                    (Some(false), _) if h == 12 => 0,
                    (None, Some(DayPart::Afternoon | DayPart::Evening)) if h < 12 => h + 12,
                    (None, Some(DayPart::Night)) if (6..12).contains(&h) => h + 12,
                    _ => h,
                };
                Some(((h % 24, m), if marker { last + 1 } else { last }))
            });
        match (part, clock) {
            (_, Some((c, last))) => Some((
                TimeOfDay {
                    clock: Some(c),
                    part,
                },
                last,
            )),
            (Some(p), None) => Some((
                TimeOfDay {
                    clock: None,
                    part: Some(p),
                },
                k,
            )),
            (None, None) => None,
        }
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

    /// "two Sundays from now", "three Mondays later": a count of a weekday, then ahead.
    fn weekdays_ahead(&self, k: usize) -> Option<Hit> {
        let (n, cl) = self.count(k)?;
        if !(2..=52).contains(&n) || !self.tight(cl) {
            return None;
        }
        let w = self.word(cl + 1)?;
        let (weekday, false) = self
            .lx
            .weekday(w)
            .or_else(|| w.strip_suffix('s').and_then(|x| self.lx.weekday(x)))?
        else {
            return None;
        };
        if !self.tight(cl + 1) {
            return None;
        }
        let last = self
            .lx
            .ahead_now()
            .iter()
            .chain(self.lx.ahead())
            .find_map(|p| self.phrase(cl + 2, p))?;
        Some((last, Expr::WeekdaysAhead { n, weekday }, false))
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
            // (a number word two tokens before "दशक" starts a decade: "सत्तर के दशक")
            TokKind::Word => {
                self.lx.may_start(&t.norm) || self.word(k + 2).is_some_and(|w| self.lx.is_decade(w))
            }
            TokKind::Num { .. } | TokKind::Date(_) => true,
            // ("on 4.22": a month and day that read as a decimal)
            TokKind::Other => return self.on_month_day(k),
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
            self.on_month_day(k),
            self.month_only(k),
            self.day_of_month(k),
            self.deictic(k, |l| self.tense_after(l)),
            self.weekday_bare(k),
            self.weekdays_ahead(k),
            self.nth_weekday(k),
            self.year_part(k),
            self.nth_week(k),
            self.decade(k),
            self.period_edge(k),
            self.numeric_month(k),
            self.day_of_rel_month(k),
            self.year_only(k),
            self.within(k),
            self.weekend_bare(k),
            self.holiday(k),
            self.now(k),
            self.letter_part(k),
            self.week_number(k),
            self.short_weekday(k),
            self.short_year_range(k),
            self.slash_range(k),
            self.season(k),
            self.fiscal_year(k),
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

/// True for expressions that name one day, so a time of day can go with them.
fn day_level(e: Expr) -> bool {
    matches!(
        e,
        Expr::Date { .. }
            | Expr::DayOfMonth { .. }
            | Expr::Weekday { .. }
            | Expr::WeekdayOfWeek { .. }
            | Expr::DayOfMonthIn { .. }
            | Expr::Deictic { .. }
            | Expr::DeicticWeekday { .. }
            | Expr::NthWeekday { .. }
            | Expr::Easter { .. }
    )
}

/// True for expressions that can be an end of a range written with two ends.
fn range_end(e: Expr) -> bool {
    day_level(e)
        || matches!(
            e,
            Expr::Month { .. }
                | Expr::Year { .. }
                | Expr::MonthOfYear { .. }
                | Expr::Part { .. }
                | Expr::Now
        )
}

/// `e` with year `y` where it states none (a date, a month, a range of days): a year read beside
/// it, or the year an end of a range takes from the other end ([`super::resolve`]).
pub(super) fn in_year(e: Expr, y: i32) -> Expr {
    match e {
        Expr::Date {
            year: None,
            month,
            day,
            weekday,
        } => Expr::Date {
            year: Some(y),
            month,
            day,
            weekday,
        },
        Expr::Month {
            year: None,
            month,
            dir: None,
        } => Expr::Month {
            year: Some(y),
            month,
            dir: None,
        },
        Expr::Range { from, to } if to.0.is_none() => Expr::Range {
            from,
            to: (Some(y), to.1, to.2),
        },
        e => e,
    }
}

/// One expression over tokens `first..=last`.
#[derive(Clone, Copy)]
struct Piece {
    first: usize,
    last: usize,
    expr: Expr,
    paren: bool,
    tod: TimeOfDay,
    /// The last token before a time of day was added.
    core_last: usize,
}

impl M<'_> {
    /// A time of day after a day at token `last` ("सोमवार रात", "कल सुबह 10 बजे", "Friday at
    /// 6 pm", "सोमवार को रात 8 बजे"): (time of day, its last token).
    fn tod_after(&self, last: usize) -> Option<(TimeOfDay, usize)> {
        self.gap(last)?;
        let k = self.skip(last + 1, |w| self.lx.is_clock_link(w));
        if k > last + 1 && !self.tight(last + 1) {
            return None;
        }
        self.time_of_day(k)
    }

    /// A clock time over tokens `k..=last` said of a habit: "every day at 6", "हर रोज सुबह 8
    /// बजे", "5.30pm on a Saturday".
    fn habitual(&self, k: usize, last: usize) -> bool {
        let generic = |i: usize| self.word(i).is_some_and(|w| self.lx.is_generic(w));
        let before = (1..=2).any(|n| k >= n && generic(k - n) && self.gap(k - n).is_some());
        let after = self.gap(last).is_some() && {
            let a = self.skip(last + 1, |w| self.lx.is_clock_link(w));
            generic(a)
        };
        before || after
    }

    /// The link between pieces `a` and `b` makes them one range.
    fn links(&self, a: &Piece, b: &Piece) -> bool {
        if !(range_end(a.expr) && range_end(b.expr)) {
            return false;
        }
        if let (Expr::Year { year: x }, Expr::Year { year: y }) = (a.expr, b.expr) {
            // "2000 से 2500 लोग" is a range of people: two bare years are a range of years only
            // when nothing but a closer, a postposition or the end of the clause follows
            if x >= y {
                return false;
            }
            let tail = self.range_tail(b.last);
            let opener = a.first > 0
                && self
                    .word(a.first - 1)
                    .is_some_and(|w| self.lx.is_range_opener(w));
            // (a tilde joins nothing but ends of a range: "2014 ~ 2018")
            let tilde = b.first == a.last + 1
                && self
                    .text
                    .get(self.toks[a.last].end..self.toks[b.first].start)
                    .is_some_and(|g| g.trim_matches(' ') == "~");
            let free = tail > b.last
                || opener
                || tilde
                || b.last + 1 >= self.toks.len()
                || self.gap(b.last).is_none_or(|g| g.contains(','))
                || self.word(b.last + 1).is_some_and(|w| {
                    self.lx.is_month_postposition(w)
                        || self.lx.is_month_preposition(w)
                        || self.lx.is_era(w)
                });
            if !free {
                return false;
            }
        }
        match b.first.checked_sub(a.last + 1) {
            Some(0) => {
                let g = self
                    .text
                    .get(self.toks[a.last].end..self.toks[b.first].start)
                    .unwrap_or("")
                    .trim_matches([' ', '\u{a0}']);
                matches!(g, "-" | "–" | "—" | "~")
            }
            Some(1) => {
                let Some(w) = self.word(a.last + 1) else {
                    return false;
                };
                if self.gap(a.last).is_none() || self.gap(a.last + 1).is_none() {
                    return false;
                }
                if self.lx.is_range_link(w) {
                    return true;
                }
                let opener = a.first > 0
                    && self
                        .word(a.first - 1)
                        .is_some_and(|x| self.lx.is_range_opener(x));
                let closer = self.gap(b.last).is_some()
                    && self
                        .lx
                        .range_closers()
                        .iter()
                        .any(|p| self.phrase(b.last + 1, p).is_some());
                self.lx.is_range_and(w) && (opener || closer)
            }
            // "1 जनवरी से लेकर 22 जनवरी तक"; "अभी से और 15 नवंबर के बीच"
            Some(2) => {
                let closer = || {
                    self.gap(b.last).is_some()
                        && self
                            .lx
                            .range_closers()
                            .iter()
                            .any(|p| self.phrase(b.last + 1, p).is_some())
                };
                self.word(a.last + 1)
                    .is_some_and(|w| self.lx.is_range_link(w))
                    && self.word(a.last + 2).is_some_and(|w| {
                        self.lx.is_range_link_after(w) || (self.lx.is_range_and(w) && closer())
                    })
                    && (a.last..=a.last + 2).all(|i| self.gap(i).is_some())
            }
            _ => false,
        }
    }
}

/// Every time expression in `toks` (tokens of one sentence of `text`), left to right, longest
/// first, not overlapping. Two times joined as a range's ends ("2014 से 2018", "सोमवार से
/// बुधवार तक") are one expression with `until`; a time of day goes with the day before it, or
/// stands alone when it has a clock time ("सुबह 8 बजे तक").
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
    let mut pieces: Vec<Piece> = Vec::new();
    let mut k = 0;
    while k < toks.len() {
        match m.at(k) {
            Some((last, expr, paren)) => {
                let mut p = Piece {
                    first: k,
                    last,
                    expr,
                    paren,
                    tod: TimeOfDay::default(),
                    core_last: last,
                };
                if !paren
                    && day_level(expr)
                    && let Some((tod, tl)) = m.tod_after(last)
                {
                    p.tod = tod;
                    p.last = tl;
                }
                pieces.push(p);
                k = p.last + 1;
            }
            None => match m.time_of_day(k) {
                Some((tod, tl)) if tod.clock.is_some() && !m.habitual(k, tl) => {
                    pieces.push(Piece {
                        first: k,
                        last: tl,
                        expr: Expr::Clock,
                        paren: false,
                        tod,
                        core_last: tl,
                    });
                    k = tl + 1;
                }
                _ => k += 1,
            },
        }
    }
    // "2020 में 26 जून से 28 जून तक": a year, then में / in, gives its year to what follows;
    // `gives[i]`: piece i is such a year
    let mut gives = vec![false; pieces.len()];
    for i in 0..pieces.len().saturating_sub(1) {
        if let Expr::Year { year } = pieces[i].expr
            && pieces[i + 1].first == pieces[i].last + 2
            && m.word(pieces[i].last + 1)
                .is_some_and(|w| lx.is_year_link(w))
            && m.gap(pieces[i].last).is_some()
            && m.gap(pieces[i].last + 1).is_some()
        {
            gives[i] = true;
            pieces[i + 1].expr = in_year(pieces[i + 1].expr, year);
            if let Some(next) = pieces.get_mut(i + 2)
                && !matches!(next.expr, Expr::Year { .. })
            {
                next.expr = in_year(next.expr, year);
            }
        }
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < pieces.len() {
        let a = pieces[i];
        let end_of = |p: &Piece, last: usize| {
            let mut end = toks[last].end;
            if p.paren {
                let rest = text.get(end..).unwrap_or("");
                let trimmed = rest.trim_start_matches([' ', '\u{a0}']);
                if trimmed.starts_with(')') {
                    end += rest.len() - trimmed.len() + 1;
                }
            }
            end
        };
        // "a से b तक": one range from `a` to `b`, its tail ("तक", "के बीच") included
        let range_found = |a: &Piece, b: &Piece| {
            let last = m.range_tail(b.last);
            let end = if last == b.last {
                end_of(b, last)
            } else {
                toks[last].end
            };
            Found {
                start: toks[a.first].start,
                end,
                expr: a.expr,
                until: Some(b.expr),
                tod: TimeOfDay::default(),
                core: (toks[a.first].start, end),
            }
        };
        // a clock time before its day: "8:30 pm on Wednesday", "सुबह 10 बजे सोमवार को"
        if let Some(b) = pieces.get(i + 1)
            && a.expr == Expr::Clock
            && day_level(b.expr)
            && b.tod == TimeOfDay::default()
            && m.gap(a.last).is_some()
            && (b.first == a.last + 1
                || (b.first == a.last + 2
                    && m.word(a.last + 1).is_some_and(|w| m.lx.is_clock_link(w))
                    && m.gap(a.last + 1).is_some()))
        {
            out.push(Found {
                start: toks[a.first].start,
                end: end_of(b, b.last),
                expr: b.expr,
                until: None,
                tod: a.tod,
                core: (toks[b.first].start, end_of(b, b.core_last)),
            });
            i += 2;
            continue;
        }
        // "2016 में अप्रैल से 2017 में जून तक": a range's end is the piece a year gives its year
        // to, written from that year
        if let (Some(y), Some(c)) = (pieces.get(i + 1), pieces.get(i + 2))
            && gives[i + 1]
            && !a.paren
            && !matches!(a.expr, Expr::Year { .. })
        {
            let b = Piece {
                first: y.first,
                ..*c
            };
            if m.links(&a, &b) {
                out.push(range_found(&a, &b));
                i += 3;
                continue;
            }
        }
        if let Some(b) = pieces.get(i + 1)
            && !a.paren
            && m.links(&a, b)
        {
            out.push(range_found(&a, b));
            i += 2;
            continue;
        }
        i += 1;
        if matches!(a.expr, Expr::Year { .. } | Expr::Now) {
            continue;
        }
        let last = if matches!(a.expr, Expr::Range { .. }) {
            m.range_tail(a.last)
        } else {
            a.last
        };
        out.push(Found {
            start: toks[a.first].start,
            end: end_of(&a, last),
            expr: a.expr,
            until: None,
            tod: a.tod,
            core: (
                toks[a.first].start,
                end_of(
                    &a,
                    if a.core_last == a.last {
                        last
                    } else {
                        a.core_last
                    },
                ),
            ),
        });
    }
    out
}
