//! Calendar arithmetic: an [`Expr`] and the publication date give a value.
//!
//! News reports the past, so a date or month without a year, and a bare weekday, resolve to the
//! most recent one on or before the publication date (the same day counts) — except a date at most
//! 45 days ahead, which news announces ("3 मई तक" on 27 April is this 3 May). A weekday after
//! "बीते/पिछले/last" is the one strictly before, after "अगले/next" the one strictly after; weeks
//! run Monday to Sunday and a week's value is its Monday. Without a publication date, anything that
//! needs one stays unresolved (null); a date that names its year resolves anyway.

use chrono::{Datelike, Days, NaiveDate};

use super::lexicon::{Direction, Unit};
use super::parse::{Expr, Found, MonthRef, WeekOf, in_year};
use crate::claim::{Grain, TimeKind};

/// A resolved time expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub value: Option<String>,
    /// What sort of expression.
    pub kind: TimeKind,
    /// How precise.
    pub grain: Grain,
    /// A weekday beside a date that disagrees with it.
    pub weekday_mismatch: bool,
    /// The last day of a range.
    pub until: Option<String>,
    /// A range's ends (set for ranges written with two ends).
    pub from: Option<String>,
    /// A range's last end.
    pub to: Option<String>,
}

fn day(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn month(y: i32, m: u32) -> String {
    format!("{y:04}-{m:02}")
}

fn weekday_of(d: NaiveDate) -> u32 {
    d.weekday().number_from_monday()
}

/// The Monday of `d`'s week.
fn monday(d: NaiveDate) -> Option<NaiveDate> {
    d.checked_sub_days(Days::new(u64::from(d.weekday().num_days_from_monday())))
}

fn shift_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n.unsigned_abs()))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

fn shift_months(y: i32, m: u32, n: i64) -> Option<(i32, u32)> {
    let idx = i64::from(y) * 12 + i64::from(m) - 1 + n;
    let y = i32::try_from(idx.div_euclid(12)).ok()?;
    Some((y, idx.rem_euclid(12) as u32 + 1))
}

/// The most recent `month`-`day` on or before `p` (looking back up to eight years, for 29 Feb).
/// A day a few weeks ahead ("3 मई तक लॉकडाउन" on 27 April) is that day, not last year's.
fn recent_date(p: NaiveDate, m: u32, d: u32) -> Option<NaiveDate> {
    if let Some(x) = NaiveDate::from_ymd_opt(p.year(), m, d)
        .into_iter()
        .chain(NaiveDate::from_ymd_opt(p.year() + 1, m, d))
        .find(|x| *x > p && (*x - p).num_days() <= AHEAD_DAYS)
    {
        return Some(x);
    }
    (0..=8).find_map(|back| NaiveDate::from_ymd_opt(p.year() - back, m, d).filter(|x| *x <= p))
}

/// How far after publication a date without a year is still read as ahead: news reports the past,
/// and announces the weeks to come (a lockdown's end, a poll, a hearing).
const AHEAD_DAYS: i64 = 45;

/// The most recent day `d` of a month on or before `p` (looking back a year).
fn recent_day_of_month(p: NaiveDate, d: u32) -> Option<NaiveDate> {
    (0..12).find_map(|back| {
        let (y, m) = shift_months(p.year(), p.month(), -back)?;
        NaiveDate::from_ymd_opt(y, m, d).filter(|x| *x <= p)
    })
}

/// The first day `d` of a month on or after `p` (looking ahead a year): "15 को लौटेंगे".
fn next_day_of_month(p: NaiveDate, d: u32) -> Option<NaiveDate> {
    (0..12).find_map(|ahead| {
        let (y, m) = shift_months(p.year(), p.month(), ahead)?;
        NaiveDate::from_ymd_opt(y, m, d).filter(|x| *x >= p)
    })
}

/// The day `d` of a month nearest to `p` (a year back, a month ahead) that falls on `weekday`:
/// the weekday is the only clue to the month.
fn day_of_month_on_weekday(p: NaiveDate, d: u32, weekday: u32) -> Option<NaiveDate> {
    (-12i64..=1)
        .filter_map(|n| {
            let (y, m) = shift_months(p.year(), p.month(), n)?;
            NaiveDate::from_ymd_opt(y, m, d).filter(|x| weekday_of(*x) == weekday)
        })
        .min_by_key(|x| ((*x - p).num_days().abs(), *x > p))
}

/// The `weekday` on or before `p` (`strict`: before), or after `p` (`after`).
fn weekday_near(p: NaiveDate, weekday: u32, strict: bool, after: bool) -> Option<NaiveDate> {
    let cur = i64::from(weekday_of(p));
    let w = i64::from(weekday);
    if after {
        let mut n = (w - cur).rem_euclid(7);
        if n == 0 {
            n = 7;
        }
        shift_days(p, n)
    } else {
        let mut n = (cur - w).rem_euclid(7);
        if n == 0 && strict {
            n = 7;
        }
        shift_days(p, -n)
    }
}

fn dir_offset(dir: Direction) -> i64 {
    match dir {
        Direction::Last => -1,
        Direction::This => 0,
        Direction::Next => 1,
    }
}

/// Resolve `e` against the publication date `p`.
pub fn resolve(e: Expr, p: Option<NaiveDate>) -> Resolved {
    let mut r = Resolved {
        value: None,
        kind: TimeKind::Relative,
        grain: Grain::Day,
        weekday_mismatch: false,
        until: None,
        from: None,
        to: None,
    };
    match e {
        Expr::Date {
            year,
            month: m,
            day: d,
            weekday,
        } => {
            r.kind = TimeKind::Date;
            let date = match year {
                Some(y) => NaiveDate::from_ymd_opt(y, m, d),
                None => p.and_then(|p| recent_date(p, m, d)),
            };
            if let (Some(date), Some(w)) = (date, weekday) {
                r.weekday_mismatch = weekday_of(date) != w;
            }
            r.value = date.map(day);
            let exists = NaiveDate::from_ymd_opt(2000, m, d).is_some();
            // no year and nothing to take it from: what the text says, the year unknown
            if year.is_none() && p.is_none() && exists {
                r.value = Some(format!("XXXX-{m:02}-{d:02}"));
            }
            // a day its month does not have ("31 जून", "2019-02-29"): kept as written, with no
            // year chosen for it when none is written (no year has a 31 June)
            if date.is_none() && (year.is_some() || !exists) {
                r.value = Some(match year {
                    Some(y) => format!("{y:04}-{m:02}-{d:02}"),
                    None => format!("XXXX-{m:02}-{d:02}"),
                });
            }
        }
        Expr::DayOfMonthIn { day: d, dir } => {
            r.kind = TimeKind::Relative;
            // (a day the month does not have, "the 31st of this month" in November, is kept as
            // written)
            r.value = p
                .and_then(|p| shift_months(p.year(), p.month(), dir_offset(dir)))
                .map(|(y, m)| match NaiveDate::from_ymd_opt(y, m, d) {
                    Some(x) => day(x),
                    None => format!("{y:04}-{m:02}-{d:02}"),
                });
        }
        Expr::MonthOfYear { month: m, dir } => {
            r.grain = Grain::Month;
            r.value = p
                .and_then(|p| p.year().checked_add(dir_offset(dir) as i32))
                .map(|y| month(y, m));
        }
        Expr::DayOfMonth {
            day: d,
            weekday,
            ahead,
        } => {
            r.kind = TimeKind::Date;
            let date = p.and_then(|p| {
                match weekday {
                    Some(w) => day_of_month_on_weekday(p, d, w),
                    None if ahead => next_day_of_month(p, d),
                    None => None,
                }
                .or_else(|| recent_day_of_month(p, d))
            });
            if let (Some(date), Some(w)) = (date, weekday) {
                r.weekday_mismatch = weekday_of(date) != w;
            }
            r.value = date.map(day);
            if p.is_none() {
                r.value = Some(format!("XXXX-XX-{d:02}"));
            }
        }
        Expr::Month {
            year,
            month: m,
            dir,
        } => {
            r.kind = if dir.is_some() {
                TimeKind::Relative
            } else {
                TimeKind::Month
            };
            r.grain = Grain::Month;
            r.value = match (year, dir, p) {
                (Some(y), _, _) => Some(month(y, m)),
                (None, None, Some(p)) => Some(month(
                    if m <= p.month() {
                        p.year()
                    } else {
                        p.year() - 1
                    },
                    m,
                )),
                (None, Some(Direction::Last), Some(p)) => Some(month(
                    if m < p.month() {
                        p.year()
                    } else {
                        p.year() - 1
                    },
                    m,
                )),
                (None, Some(Direction::This), Some(p)) => Some(month(p.year(), m)),
                (None, Some(Direction::Next), Some(p)) => Some(month(
                    if m > p.month() {
                        p.year()
                    } else {
                        p.year() + 1
                    },
                    m,
                )),
                (None, None, None) => Some(format!("XXXX-{m:02}")),
                (None, _, None) => None,
            };
        }
        Expr::Weekday { weekday, dir } => {
            r.kind = if dir.is_some() {
                TimeKind::Relative
            } else {
                TimeKind::Weekday
            };
            r.value = p
                .and_then(|p| match dir {
                    None => weekday_near(p, weekday, false, false),
                    Some(Direction::Last) => weekday_near(p, weekday, true, false),
                    Some(Direction::Next) => weekday_near(p, weekday, false, true),
                    Some(Direction::This) => {
                        monday(p).and_then(|m| shift_days(m, i64::from(weekday) - 1))
                    }
                })
                .map(day);
            if p.is_none() && dir.is_none() {
                r.value = Some(format!("XXXX-WXX-{weekday}"));
            }
        }
        Expr::Weekend { dir } => {
            r.kind = TimeKind::Range;
            let sat = p
                .and_then(monday)
                .and_then(|m| shift_days(m, 7 * dir_offset(dir) + 5));
            r.from = sat.map(day);
            r.to = sat.and_then(|d| shift_days(d, 1)).map(day);
            r.value.clone_from(&r.from);
            r.until.clone_from(&r.to);
        }
        Expr::WeekdaysAhead { n, weekday } => {
            r.value = p
                .and_then(|p| weekday_near(p, weekday, false, true))
                .and_then(|d| shift_days(d, 7 * (i64::from(n) - 1)))
                .map(day);
        }
        Expr::WeekdayOfWeek { weekday, dir } => {
            r.value = p
                .and_then(monday)
                .and_then(|m| shift_days(m, 7 * dir_offset(dir) + i64::from(weekday) - 1))
                .map(day);
        }
        Expr::Range { from, to } => {
            r.kind = TimeKind::Range;
            let end = match to.0 {
                Some(y) => NaiveDate::from_ymd_opt(y, to.1, to.2),
                None => p.and_then(|p| recent_date(p, to.1, to.2)),
            };
            let start = end.and_then(|e| {
                let m = from.1.unwrap_or(to.1);
                let y = from.0.unwrap_or(if (m, from.2) > (to.1, to.2) {
                    e.year() - 1
                } else {
                    e.year()
                });
                NaiveDate::from_ymd_opt(y, m, from.2)
            });
            if let (Some(s), Some(e)) = (start, end)
                && s <= e
            {
                r.value = Some(day(s));
                r.until = Some(day(e));
            } else if p.is_none() && to.0.is_none() {
                let m = from.1.unwrap_or(to.1);
                r.value = Some(format!("XXXX-{m:02}-{:02}", from.2));
                r.until = Some(format!("XXXX-{:02}-{:02}", to.1, to.2));
            }
            r.from.clone_from(&r.value);
            r.to.clone_from(&r.until);
        }
        Expr::RangeIn { from, to, dir } => {
            r.kind = TimeKind::Range;
            let ym = p.and_then(|p| shift_months(p.year(), p.month(), dir_offset(dir)));
            let s = ym.and_then(|(y, m)| NaiveDate::from_ymd_opt(y, m, from));
            let e = ym.and_then(|(y, m)| NaiveDate::from_ymd_opt(y, m, to));
            if let (Some(s), Some(e)) = (s, e) {
                r.value = Some(day(s));
                r.until = Some(day(e));
                r.from.clone_from(&r.value);
                r.to.clone_from(&r.until);
            }
        }
        Expr::Year { year } => {
            r.kind = TimeKind::Year;
            r.grain = Grain::Year;
            r.value = Some(format!("{year:04}"));
        }
        Expr::NthWeekday { n, weekday, month } => {
            r.kind = TimeKind::Date;
            let ym = match month {
                MonthRef::Named {
                    year: Some(y),
                    month,
                } => Some((y, month)),
                MonthRef::Named { year: None, month } => p.map(|p| {
                    if month <= p.month() {
                        (p.year(), month)
                    } else {
                        (p.year() - 1, month)
                    }
                }),
                MonthRef::Rel(dir) => {
                    p.and_then(|p| shift_months(p.year(), p.month(), dir_offset(dir)))
                }
                // "हर महीने के दूसरे शनिवार": the next one, on or after publication
                MonthRef::Every => {
                    r.value = p
                        .and_then(|p| {
                            (0..2).find_map(|ahead| {
                                let (y, m) = shift_months(p.year(), p.month(), ahead)?;
                                nth_weekday(y, m, n, weekday).filter(|d| *d >= p)
                            })
                        })
                        .map(day);
                    return r;
                }
            };
            r.value = ym.and_then(|(y, m)| nth_weekday(y, m, n, weekday)).map(day);
        }
        Expr::Clock => {
            r.kind = TimeKind::Clock;
        }
        Expr::Part {
            n,
            months,
            year,
            dir,
        } => {
            r.kind = TimeKind::Range;
            r.grain = Grain::Month;
            // (year, first month) of the part
            let first = match (n, year, dir, p) {
                (Some(n), Some(y), _, _) => Some((y, (n - 1) * months + 1)),
                (Some(n), None, Some(d), Some(p)) => {
                    Some((p.year() + dir_offset(d) as i32, (n - 1) * months + 1))
                }
                (Some(n), None, None, Some(p)) => {
                    // the most recent such part begun by publication
                    let m = (n - 1) * months + 1;
                    Some((
                        if m <= p.month() {
                            p.year()
                        } else {
                            p.year() - 1
                        },
                        m,
                    ))
                }
                (None, _, Some(d), Some(p)) => {
                    let cur = (p.month() - 1) / months * months + 1;
                    shift_months(p.year(), cur, dir_offset(d) * i64::from(months))
                }
                _ => None,
            };
            if let Some((y, m)) = first
                && let Some((ly, lm)) = shift_months(y, m, i64::from(months) - 1)
            {
                r.from = Some(month(y, m));
                r.to = Some(month(ly, lm));
                r.value.clone_from(&r.from);
                r.until.clone_from(&r.to);
            }
        }
        Expr::NthWeek { n, of } => {
            r.kind = TimeKind::Date;
            r.grain = Grain::Week;
            let d = match of {
                WeekOf::Year(y) if n > 0 => {
                    NaiveDate::from_isoywd_opt(y, n as u32, chrono::Weekday::Mon)
                }
                WeekOf::Current => p.and_then(|p| {
                    NaiveDate::from_isoywd_opt(p.iso_week().year(), n as u32, chrono::Weekday::Mon)
                }),
                WeekOf::Year(y) => NaiveDate::from_isoywd_opt(y, 53, chrono::Weekday::Mon)
                    .or_else(|| NaiveDate::from_isoywd_opt(y, 52, chrono::Weekday::Mon)),
                WeekOf::Month(m) => {
                    let ym = match m {
                        MonthRef::Named {
                            year: Some(y),
                            month,
                        } => Some((y, month)),
                        MonthRef::Named { year: None, month } => p.map(|p| {
                            if month <= p.month() {
                                (p.year(), month)
                            } else {
                                (p.year() - 1, month)
                            }
                        }),
                        MonthRef::Rel(dir) => {
                            p.and_then(|p| shift_months(p.year(), p.month(), dir_offset(dir)))
                        }
                        // "every month's first week": publication's month
                        MonthRef::Every => p.map(|p| (p.year(), p.month())),
                    };
                    // the Monday-to-Sunday week holding day 1 + 7(n-1), or the last day
                    ym.and_then(|(y, m)| {
                        let day = if n > 0 {
                            let first = NaiveDate::from_ymd_opt(y, m, 1)?;
                            let d = shift_days(first, 7 * i64::from(n - 1))?;
                            (d.month() == m).then_some(d)?
                        } else {
                            let (ny, nm) = shift_months(y, m, 1)?;
                            NaiveDate::from_ymd_opt(ny, nm, 1)?.pred_opt()?
                        };
                        monday(day)
                    })
                }
            };
            r.value = d.map(day);
        }
        Expr::Decade { start } => {
            r.kind = TimeKind::Range;
            r.grain = Grain::Year;
            // "90 के दशक": the latest such decade begun by publication, or the century unknown
            let full = match (start < 100, p) {
                (false, _) => Some(start),
                (true, Some(p)) => {
                    let y = p.year() / 100 * 100 + start;
                    Some(if y > p.year() { y - 100 } else { y })
                }
                (true, None) => None,
            };
            let (from, to) = match full {
                Some(s) => (format!("{s:04}"), format!("{:04}", s + 9)),
                None => (format!("XX{start:02}"), format!("XX{:02}", start + 9)),
            };
            r.from = Some(from);
            r.to = Some(to);
            r.value.clone_from(&r.from);
            r.until.clone_from(&r.to);
        }
        Expr::Within { count, unit, more } => {
            r.kind = TimeKind::Range;
            let end = p.and_then(|p| land(p, count, unit, more, 1));
            if let (Some(p), Some(e)) = (p, end) {
                r.value = Some(day(p));
                r.until = Some(day(e));
            }
        }
        Expr::Decades { count, dir } => {
            r.kind = TimeKind::Range;
            r.grain = Grain::Year;
            if let Some(p) = p {
                let this = p.year().div_euclid(10) * 10;
                let n = i32::try_from(count).unwrap_or(i32::MAX).min(100);
                let (from, to) = match dir {
                    Direction::Next => (this + 10, this + 10 * n + 9),
                    _ => (this - 10 * n, this - 1),
                };
                r.value = Some(format!("{from:04}"));
                r.until = Some(format!("{to:04}"));
            }
        }
        Expr::Easter { offset, year } => {
            // a year-less feast: the latest one on or before publication
            let d = match (year, p) {
                (Some(y), _) => easter(y).and_then(|e| shift_days(e, offset)),
                (None, Some(p)) => [p.year(), p.year() - 1].into_iter().find_map(|y| {
                    easter(y)
                        .and_then(|e| shift_days(e, offset))
                        .filter(|d| *d <= p)
                }),
                (None, None) => None,
            };
            r.kind = TimeKind::Date;
            r.value = d.map(day);
        }
        Expr::Years { from, to } => {
            r.kind = TimeKind::Range;
            r.grain = Grain::Year;
            r.value = Some(format!("{from:04}"));
            r.until = Some(format!("{to:04}"));
        }
        Expr::Season { code, year, dir } => {
            r.grain = Grain::Season;
            r.kind = if dir.is_some() {
                TimeKind::Relative
            } else {
                TimeKind::Season
            };
            let y = match (year, dir) {
                (Some(y), _) => Some(y),
                (None, Some(d)) => p.map(|p| p.year() + dir_offset(d) as i32),
                (None, None) => None,
            };
            r.value = Some(match y {
                Some(y) => format!("{y:04}-{code}"),
                None => format!("XXXX-{code}"),
            });
        }
        Expr::Now => {
            r.value = p.map(day);
        }
        Expr::BareWeekend { past } => {
            r.kind = TimeKind::Range;
            let sat = p.and_then(|p| {
                if past {
                    // the last Saturday on or before publication
                    let back = (i64::from(weekday_of(p)) - 6).rem_euclid(7);
                    shift_days(p, -back)
                } else {
                    monday(p).and_then(|m| shift_days(m, 5))
                }
            });
            r.value = sat.map(day);
            r.until = sat.and_then(|d| shift_days(d, 1)).map(day);
        }
        Expr::Stretch { count, unit, dir } => {
            let n = u64::from(count);
            let far = |p: NaiveDate, back: bool| match unit {
                Unit::Day | Unit::Week => {
                    let days = if unit == Unit::Week { 7 * n } else { n };
                    if back {
                        p.checked_sub_days(Days::new(days))
                    } else {
                        p.checked_add_days(Days::new(days))
                    }
                }
                Unit::Month | Unit::Year => {
                    let months = chrono::Months::new(
                        u32::try_from(if unit == Unit::Year { 12 * n } else { n }).ok()?,
                    );
                    if back {
                        p.checked_sub_months(months)
                    } else {
                        p.checked_add_months(months)
                    }
                }
            };
            let (s, e) = match (p, dir) {
                (Some(p), Direction::Next) => {
                    let s = shift_days(p, 1);
                    (s, s.and_then(|s| far(s, false)))
                }
                (Some(p), _) => (far(p, true), Some(p)),
                (None, _) => (None, None),
            };
            if let (Some(s), Some(e)) = (s, e) {
                r.value = Some(day(s));
                r.until = Some(day(e));
            }
        }
        Expr::Period { unit, dir } => {
            let n = dir_offset(dir);
            (r.grain, r.value) = period(unit, n, p);
        }
        Expr::Ago {
            count,
            unit,
            more,
            ahead,
            anchor,
        } => {
            let sign = if ahead { 1 } else { -1 };
            let base = match anchor {
                None => p,
                Some(Some(n)) => p.and_then(|p| shift_days(p, n)),
                Some(None) => None,
            };
            if more == (0, 0, 0) && anchor.is_none() {
                (r.grain, r.value) = period(unit, sign * i64::from(count), base);
            } else {
                // a compound duration or a named day counted from: the day it lands on
                let d = base.and_then(|b| land(b, count, unit, more, sign));
                r.grain = Grain::Day;
                r.value = d.map(day);
            }
        }
        Expr::DeicticWeekday {
            offset,
            magnitude,
            weekday,
        } => {
            let date = p.and_then(|p| match offset {
                Some(n) => shift_days(p, n),
                // कल + weekday: the side of publication that has that weekday
                None => [-magnitude, magnitude]
                    .into_iter()
                    .filter_map(|n| shift_days(p, n))
                    .find(|d| weekday_of(*d) == weekday),
            });
            if let Some(d) = date {
                r.weekday_mismatch = weekday_of(d) != weekday;
            }
            r.value = date.map(day);
        }
        Expr::FiscalYear { start, dir } => {
            r.kind = TimeKind::Range;
            r.grain = Grain::Month;
            let start = match (start, dir, p) {
                (Some(y), _, _) => Some(y),
                (None, Some(d), Some(p)) => {
                    let cur = if p.month() >= 4 {
                        p.year()
                    } else {
                        p.year() - 1
                    };
                    Some(cur + dir_offset(d) as i32)
                }
                _ => None,
            };
            if let Some(y) = start {
                r.from = Some(month(y, 4));
                r.to = Some(month(y + 1, 3));
                r.value.clone_from(&r.from);
                r.until.clone_from(&r.to);
            }
        }
        Expr::Deictic { offset } => {
            r.value = p.zip(offset).and_then(|(p, n)| shift_days(p, n)).map(day);
        }
    }
    r
}

/// The day a duration of `count unit` after (years, months, weeks) `more` lands on from `b`,
/// ahead (`sign` 1) or back (-1).
fn land(
    b: NaiveDate,
    count: u32,
    unit: Unit,
    more: (u32, u32, u32),
    sign: i64,
) -> Option<NaiveDate> {
    let (y, m, w) = more;
    let (mut years, mut months, mut days) = (i64::from(y), i64::from(m), 7 * i64::from(w));
    let c = i64::from(count);
    match unit {
        Unit::Day => days += c,
        Unit::Week => days += 7 * c,
        Unit::Month => months += c,
        Unit::Year => years += c,
    }
    let total_months = u32::try_from(12 * years + months).ok()?;
    let b = if total_months == 0 {
        b
    } else if sign > 0 {
        b.checked_add_months(chrono::Months::new(total_months))?
    } else {
        b.checked_sub_months(chrono::Months::new(total_months))?
    };
    shift_days(b, sign * days)
}

/// Easter Sunday of year `y` (Gregorian; the anonymous algorithm of 1876).
fn easter(y: i32) -> Option<NaiveDate> {
    let a = y.rem_euclid(19);
    let (b, c) = (y.div_euclid(100), y.rem_euclid(100));
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(y, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// The `n`-th `weekday` of month `m` of `y` (`n` = -1: the last).
fn nth_weekday(y: i32, m: u32, n: i32, weekday: u32) -> Option<NaiveDate> {
    if n < 0 {
        let (ny, nm) = shift_months(y, m, 1)?;
        let last = NaiveDate::from_ymd_opt(ny, nm, 1)?.pred_opt()?;
        let back = (i64::from(weekday_of(last)) - i64::from(weekday)).rem_euclid(7);
        return shift_days(last, -back);
    }
    let first = NaiveDate::from_ymd_opt(y, m, 1)?;
    let ahead = (i64::from(weekday) - i64::from(weekday_of(first))).rem_euclid(7);
    let d = shift_days(first, ahead + 7 * i64::from(n - 1))?;
    (d.month() == m).then_some(d)
}

/// Year and month-day of a resolved day or month value (`None` for X or year values).
fn parts_of(v: &str) -> Option<(i32, u32, u32)> {
    let mut it = v.split('-');
    let y = it.next()?.parse().ok()?;
    let m = it.next()?.parse().ok()?;
    let d = it.next().map_or(Some(1), |d| d.parse().ok())?;
    Some((y, m, d))
}

fn month_day(e: Expr) -> Option<(u32, u32)> {
    match e {
        Expr::Date {
            year: None,
            month,
            day,
            ..
        } => Some((month, day)),
        Expr::Month {
            year: None,
            month,
            dir: None,
        } => Some((month, 1)),
        _ => None,
    }
}

fn year_of(e: Expr) -> Option<i32> {
    match e {
        Expr::Date { year, .. } | Expr::Month { year, .. } => year,
        Expr::Year { year } => Some(year),
        _ => None,
    }
}

/// Resolve a found expression: one time, or a range of two (the end without a year takes the
/// other's, the start falling before the end), with the time of day stated with it.
pub fn resolve_found(f: &Found, p: Option<NaiveDate>) -> Resolved {
    let mut r = match f.until {
        None => resolve(f.expr, p),
        Some(to) => {
            let (mut a, mut b) = (f.expr, to);
            match (year_of(a), year_of(b)) {
                (None, Some(y)) => {
                    if let (Some(x), Some(z)) = (month_day(a), month_day(b)) {
                        a = in_year(a, if x > z { y - 1 } else { y });
                    }
                }
                (Some(y), None) => {
                    if let (Some(x), Some(z)) = (month_day(a), month_day(b)) {
                        b = in_year(b, if z < x { y + 1 } else { y });
                    }
                }
                _ => {}
            }
            // a year-less end after a start that is not a year-less date ("अभी से और 15 नवंबर
            // के बीच", "from today to 15 November") falls on or after it
            if year_of(b).is_none()
                && month_day(a).is_none()
                && let Some(z) = month_day(b)
                && let Some((y, m, d)) = resolve(a, p).value.as_deref().and_then(parts_of)
            {
                b = in_year(b, if z < (m, d) { y + 1 } else { y });
            }
            let rb = resolve(b, p);
            // a year-less start falls on or before its end
            if year_of(a).is_none()
                && let (Some(x), Some((y, m, d))) =
                    (month_day(a), rb.value.as_deref().and_then(parts_of))
            {
                a = in_year(a, if x > (m, d) { y - 1 } else { y });
            }
            let ra = resolve(a, p);
            // "सोम से शुक्र तक": a bare weekday ending a range falls after its start
            let mut rb = rb;
            if let Expr::Weekday { dir: None, .. } = b
                && let (Some(x), Some(y)) = (
                    ra.value
                        .as_deref()
                        .and_then(|v| NaiveDate::parse_from_str(v, "%Y-%m-%d").ok()),
                    rb.value
                        .as_deref()
                        .and_then(|v| NaiveDate::parse_from_str(v, "%Y-%m-%d").ok()),
                )
                && y < x
            {
                rb.value = shift_days(y, 7 * ((x - y).num_days() / 7 + 1)).map(day);
            }
            let grain = ra.grain.max(rb.grain);
            Resolved {
                value: ra.value.clone(),
                kind: TimeKind::Range,
                grain,
                weekday_mismatch: ra.weekday_mismatch || rb.weekday_mismatch,
                until: rb.value.clone(),
                from: ra.value,
                to: rb.value,
            }
        }
    };
    if r.kind == TimeKind::Range && r.from.is_none() && r.value.is_some() {
        r.from.clone_from(&r.value);
        r.to.clone_from(&r.until);
    }
    r
}

/// `n` units from `p`: a day, the Monday of a week, a month or a year.
fn period(unit: Unit, n: i64, p: Option<NaiveDate>) -> (Grain, Option<String>) {
    match unit {
        Unit::Day => (Grain::Day, p.and_then(|p| shift_days(p, n)).map(day)),
        Unit::Week => (
            Grain::Week,
            p.and_then(monday)
                .and_then(|m| shift_days(m, 7 * n))
                .map(day),
        ),
        Unit::Month => (
            Grain::Month,
            p.and_then(|p| shift_months(p.year(), p.month(), n))
                .map(|(y, m)| month(y, m)),
        ),
        Unit::Year => (
            Grain::Year,
            p.and_then(|p| p.year().checked_add(i32::try_from(n).ok()?))
                .map(|y| format!("{y:04}")),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
    }

    fn v(e: Expr, pubd: &str) -> Option<String> {
        resolve(e, p(pubd)).value
    }

    #[test]
    fn bare_weekdays_count_back_including_the_day_itself() {
        // 2024-12-01 is a Sunday
        let wd = |w| Expr::Weekday {
            weekday: w,
            dir: None,
        };
        assert_eq!(v(wd(5), "2024-12-01").as_deref(), Some("2024-11-29"));
        assert_eq!(v(wd(6), "2024-12-01").as_deref(), Some("2024-11-30"));
        assert_eq!(v(wd(7), "2024-12-01").as_deref(), Some("2024-12-01"));
    }

    #[test]
    fn last_and_next_weekdays_are_strict() {
        let last = Expr::Weekday {
            weekday: 6,
            dir: Some(Direction::Last),
        };
        // 2024-11-30 is a Saturday: "last Saturday" is a week before
        assert_eq!(v(last, "2024-11-30").as_deref(), Some("2024-11-23"));
        let next = Expr::Weekday {
            weekday: 1,
            dir: Some(Direction::Next),
        };
        assert_eq!(v(next, "2024-12-02").as_deref(), Some("2024-12-09"));
    }

    #[test]
    fn easter_is_computed_for_its_year() {
        for (y, want) in [
            (2000, "2000-04-23"),
            (2016, "2016-03-27"),
            (2019, "2019-04-21"),
            (2024, "2024-03-31"),
            (2038, "2038-04-25"),
            (1818, "1818-03-22"),
        ] {
            assert_eq!(easter(y).map(day).as_deref(), Some(want), "{y}");
        }
        // a year-less feast: the latest on or before publication
        let e = Expr::Easter {
            offset: 1,
            year: None,
        };
        assert_eq!(v(e, "2024-03-31").as_deref(), Some("2023-04-10"));
        assert_eq!(v(e, "2024-04-01").as_deref(), Some("2024-04-01"));
    }

    #[test]
    fn spans_from_publication_and_whole_decades() {
        let within = Expr::Within {
            count: 12,
            unit: Unit::Day,
            more: (1, 1, 0),
        };
        let r = resolve(within, p("2024-01-31"));
        assert_eq!(r.value.as_deref(), Some("2024-01-31"));
        // a year and a month, then twelve days
        assert_eq!(r.until.as_deref(), Some("2025-03-12"));
        let last = Expr::Decades {
            count: 2,
            dir: Direction::Last,
        };
        let r = resolve(last, p("2020-01-01"));
        assert_eq!(
            (r.value.as_deref(), r.until.as_deref()),
            (Some("2000"), Some("2019"))
        );
        let next = Expr::Decades {
            count: 1,
            dir: Direction::Next,
        };
        let r = resolve(next, p("2019-12-31"));
        assert_eq!(
            (r.value.as_deref(), r.until.as_deref()),
            (Some("2020"), Some("2029"))
        );
    }

    #[test]
    fn yearless_dates_and_months_take_the_nearest_past_year() {
        let d = |m, dd| Expr::Date {
            year: None,
            month: m,
            day: dd,
            weekday: None,
        };
        assert_eq!(v(d(7, 26), "2023-07-27").as_deref(), Some("2023-07-26"));
        assert_eq!(v(d(12, 31), "2023-07-27").as_deref(), Some("2022-12-31"));
        // a few weeks ahead: this year's (or next year's, across new year)
        assert_eq!(v(d(5, 3), "2020-04-27").as_deref(), Some("2020-05-03"));
        assert_eq!(v(d(1, 10), "2023-12-20").as_deref(), Some("2024-01-10"));
        assert_eq!(v(d(9, 30), "2023-07-27").as_deref(), Some("2022-09-30"));
        assert_eq!(v(d(2, 29), "2023-07-27").as_deref(), Some("2020-02-29"));
        // (no year has a 31 June: kept as written, the year unknown)
        assert_eq!(v(d(6, 31), "2023-07-27").as_deref(), Some("XXXX-06-31"));
        let written = Expr::Date {
            year: Some(2019),
            month: 2,
            day: 29,
            weekday: None,
        };
        assert_eq!(v(written, "2023-07-27").as_deref(), Some("2019-02-29"));
        let m = |mm| Expr::Month {
            year: None,
            month: mm,
            dir: None,
        };
        assert_eq!(v(m(6), "2024-12-01").as_deref(), Some("2024-06"));
        assert_eq!(v(m(12), "2024-11-30").as_deref(), Some("2023-12"));
    }

    #[test]
    fn weeks_start_on_monday() {
        let e = Expr::Period {
            unit: Unit::Week,
            dir: Direction::This,
        };
        assert_eq!(v(e, "2023-07-27").as_deref(), Some("2023-07-24"));
        let e = Expr::WeekdayOfWeek {
            weekday: 7,
            dir: Direction::Last,
        };
        assert_eq!(v(e, "2016-11-07").as_deref(), Some("2016-11-06"));
    }

    #[test]
    fn periods_and_counts_back() {
        let e = |u, d| Expr::Period { unit: u, dir: d };
        assert_eq!(
            v(e(Unit::Year, Direction::Last), "2024-01-05").as_deref(),
            Some("2023")
        );
        assert_eq!(
            v(e(Unit::Month, Direction::Last), "2024-01-05").as_deref(),
            Some("2023-12")
        );
        assert_eq!(
            v(e(Unit::Day, Direction::Last), "2024-03-01").as_deref(),
            Some("2024-02-29")
        );
        let ago = Expr::Ago {
            count: 3,
            unit: Unit::Day,
            more: (0, 0, 0),
            ahead: false,
            anchor: None,
        };
        assert_eq!(v(ago, "2024-12-01").as_deref(), Some("2024-11-28"));
    }

    #[test]
    fn ranges_and_stretches_have_both_ends() {
        let r = resolve(
            Expr::Range {
                from: (None, None, 19),
                to: (None, 11, 20),
            },
            p("2016-11-07"),
        );
        // (twelve days ahead: this November's, announced)
        assert_eq!(
            (r.value.as_deref(), r.until.as_deref()),
            (Some("2016-11-19"), Some("2016-11-20"))
        );
        let r = resolve(
            Expr::Range {
                from: (None, None, 19),
                to: (None, 11, 20),
            },
            p("2016-09-07"),
        );
        assert_eq!(
            (r.value.as_deref(), r.until.as_deref()),
            (Some("2015-11-19"), Some("2015-11-20"))
        );
        // a range across the new year takes the earlier year for its start
        let r = resolve(
            Expr::Range {
                from: (None, Some(12), 28),
                to: (None, 1, 3),
            },
            p("2024-01-10"),
        );
        assert_eq!(
            (r.value.as_deref(), r.until.as_deref()),
            (Some("2023-12-28"), Some("2024-01-03"))
        );
        let r = resolve(
            Expr::Stretch {
                count: 3,
                unit: Unit::Week,
                dir: Direction::Last,
            },
            p("2016-11-07"),
        );
        assert_eq!(
            (r.value.as_deref(), r.until.as_deref()),
            (Some("2016-10-17"), Some("2016-11-07"))
        );
        let r = resolve(
            Expr::Stretch {
                count: 3,
                unit: Unit::Month,
                dir: Direction::Next,
            },
            p("2016-11-07"),
        );
        assert_eq!(
            (r.value.as_deref(), r.until.as_deref()),
            (Some("2016-11-08"), Some("2017-02-08"))
        );
    }

    #[test]
    fn nth_weekdays_of_a_month() {
        let e = |n, month| Expr::NthWeekday {
            n,
            weekday: 5,
            month,
        };
        // July 2024 begins on a Monday: its Fridays are the 5th, 12th, 19th and 26th
        let july = MonthRef::Named {
            year: Some(2024),
            month: 7,
        };
        assert_eq!(v(e(1, july), "2024-12-01").as_deref(), Some("2024-07-05"));
        assert_eq!(v(e(-1, july), "2024-12-01").as_deref(), Some("2024-07-26"));
        assert_eq!(v(e(5, july), "2024-12-01"), None);
        let next = MonthRef::Rel(Direction::Next);
        assert_eq!(v(e(2, next), "2024-11-20").as_deref(), Some("2024-12-13"));
    }

    #[test]
    fn compound_durations_land_on_a_day() {
        let ago = |ahead, anchor| Expr::Ago {
            count: 21,
            unit: Unit::Day,
            more: (0, 1, 0),
            ahead,
            anchor,
        };
        assert_eq!(
            v(ago(false, None), "2017-11-23").as_deref(),
            Some("2017-10-02")
        );
        assert_eq!(
            v(ago(true, None), "2017-11-23").as_deref(),
            Some("2018-01-13")
        );
        // counted from tomorrow
        assert_eq!(
            v(ago(true, Some(Some(1))), "2017-11-23").as_deref(),
            Some("2018-01-14")
        );
        assert_eq!(v(ago(true, Some(None)), "2017-11-23"), None);
    }

    #[test]
    fn weekday_beside_a_date_is_checked() {
        let e = |w| Expr::Date {
            year: None,
            month: 7,
            day: 26,
            weekday: Some(w),
        };
        assert!(!resolve(e(3), p("2023-07-27")).weekday_mismatch);
        assert!(resolve(e(2), p("2023-07-27")).weekday_mismatch);
    }

    #[test]
    fn without_a_publication_date_only_written_years_resolve() {
        let e = Expr::Date {
            year: Some(2023),
            month: 7,
            day: 26,
            weekday: None,
        };
        assert_eq!(resolve(e, None).value.as_deref(), Some("2023-07-26"));
        let e = Expr::Weekday {
            weekday: 6,
            dir: None,
        };
        // what is known stays: the weekday, with year and week unknown
        assert_eq!(resolve(e, None).value.as_deref(), Some("XXXX-WXX-6"));
        assert_eq!(resolve(e, None).kind, TimeKind::Weekday);
        let e = Expr::Date {
            year: None,
            month: 6,
            day: 30,
            weekday: None,
        };
        assert_eq!(resolve(e, None).value.as_deref(), Some("XXXX-06-30"));
        let e = Expr::DayOfMonth {
            day: 15,
            weekday: None,
            ahead: false,
        };
        assert_eq!(resolve(e, None).value.as_deref(), Some("XXXX-XX-15"));
        // with a publication date: the last 15th by it, or in a clause about the future the next
        let p = NaiveDate::from_ymd_opt(2024, 11, 20);
        assert_eq!(resolve(e, p).value.as_deref(), Some("2024-11-15"));
        let e = Expr::DayOfMonth {
            day: 15,
            weekday: None,
            ahead: true,
        };
        assert_eq!(resolve(e, p).value.as_deref(), Some("2024-12-15"));
        let e = Expr::DayOfMonth {
            day: 20,
            weekday: None,
            ahead: true,
        };
        assert_eq!(resolve(e, p).value.as_deref(), Some("2024-11-20"));
        // a day its month never has is kept as written, with no year
        let e = Expr::Date {
            year: None,
            month: 6,
            day: 31,
            weekday: None,
        };
        assert_eq!(resolve(e, None).value.as_deref(), Some("XXXX-06-31"));
        let e = Expr::Period {
            unit: Unit::Year,
            dir: Direction::Last,
        };
        assert_eq!(resolve(e, None).value, None);
    }
}
