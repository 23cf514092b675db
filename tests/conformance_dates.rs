//! Date conformance: the date and daterange cases of other extractors' suites
//! (`tests/suites/dates/`, see its README) run through the whole pipeline.
//!
//! A case passes when some time claim's resolved value matches the expected TIMEX:
//! `2016-01-12` exactly; `XXXX-05-29` by month and day; `XXXX-XX-15` by day; `XXXX-WXX-5` by
//! weekday; `1937-07` / `XXXX-07` by month; `2016-W47` by a week-grain claim of that ISO week;
//! `1990` by a time claim or a year figure of that value (standalone years are figures);
//! `(2016-11-04,2016-11-22,P18D)` by a range claim with both ends (each compared as above).
//! Open intervals, fiscal or school years (`FY2008`) and seasons of no year (`SU`) are not
//! produced and fail (a season with its year, `2016-SU`, is our value itself); an
//! "n-th weekday" form (`XXXX-04-WXX-1-#2`) passes with the day it names; an interval end the
//! peer writes as the first day of a month or year passes with that month or year, and a last
//! end written half-open (the first day after it) with the month or year before; an end with an
//! unknown century (`XX40-01-01`) passes with that decade in any century; `XXXX-07-W05` (the n-th
//! week of a month) by a week-grain claim of that week; `2016-W45-WE` (a weekend) by a range from
//! that week's Saturday to its Sunday; `1990/1991` by a range of those years; a value with
//! unknown parts (`XXXX-06-30`) passes when it is the expected TIMEX itself. Cases with a
//! `ref_date` are analysed as published on it; the others as published on 2020-06-15, so that
//! year-less dates resolve (only their month and day are compared). A `null` expectation passes
//! when no time claim is made. Duration lines are figures and are skipped.
//!
//! Rates are reported per source, language and kind; the failing list and the summary are a
//! snapshot (`snapshots/conformance_dates.snap`), so every grammar change shows as a diff.

mod common;

use std::collections::BTreeMap;
use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};
use serde::Deserialize;
use tathya::claim::{ClaimKind, FigureKind, Grain};
use tathya::{Grammars, Lang, Options};

/// Used as the publication date of cases without a `ref_date`.
const DEFAULT_PUBLISHED: &str = "2020-06-15";

#[derive(Debug, Deserialize)]
struct Case {
    lang: String,
    text: String,
    kind: String,
    /// A TIMEX string for dates (a number for the skipped durations).
    value: serde_json::Value,
    id: String,
    source: String,
    #[serde(default)]
    ref_date: Option<String>,
}

/// A claim's resolved time: value and grain, or a year figure.
#[derive(Debug)]
struct Got {
    value: String,
    grain: Option<Grain>,
    end: Option<String>,
}

fn date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// Does `got` satisfy the TIMEX `want`?
fn matches(want: &str, got: &Got) -> bool {
    // an interval "(start,end,duration)": both ends, each as a day TIMEX
    if let Some(inner) = want.strip_prefix('(').and_then(|w| w.strip_suffix(')')) {
        let mut parts = inner.split(',');
        let (Some(a), Some(b)) = (parts.next(), parts.next()) else {
            return false;
        };
        let Some(end) = &got.end else {
            return false;
        };
        let day = |v: &str| Got {
            value: v.to_string(),
            grain: Some(Grain::Day),
            end: None,
        };
        // An end the peer writes as the first day of a month or year ("2018-02-01" for
        // "फरवरी 2018", "2015-01-01" for "2015") is that month or year.
        let end_matches = |want: &str, v: &str| {
            matches(want, &day(v))
                || (v.len() == 7 && want.ends_with("-01") && want[..7] == *v)
                || (v.len() == 7
                    && want.starts_with("XXXX-")
                    && want.ends_with("-01")
                    && v[4..] == want[4..7])
                || (v.len() == 4 && want.ends_with("-01-01") && want[..4] == *v)
        };
        // A last end the peer writes half-open, as the first day after the month or year we
        // name ("2016-10-01" closing "2016 की तीसरी तिमाही", our to = "2016-09").
        let after = |v: &str| -> Option<String> {
            let y: i32 = v.get(..4)?.parse().ok()?;
            match v.len() {
                4 => Some(format!("{}-01-01", y + 1)),
                7 => {
                    let m: u32 = v.get(5..7)?.parse().ok()?;
                    Some(if m == 12 {
                        format!("{}-01-01", y + 1)
                    } else {
                        format!("{y}-{:02}-01", m + 1)
                    })
                }
                _ => None,
            }
        };
        // An unknown century ("XX40-01-01", the 40s) matches an end in any century.
        let same = |want: &str, v: &str| {
            want == v || (want.starts_with("XX") && v.len() == want.len() && want[2..] == v[2..])
        };
        let end_matches = |want: &str, v: &str| {
            end_matches(want, v)
                || (want.starts_with("XX")
                    && v.len() == 4
                    && want.ends_with("-01-01")
                    && want[2..4] == v[2..4])
        };
        return a.len() == 10
            && b.len() == 10
            && end_matches(a, &got.value)
            && (end_matches(b, end) || after(end).is_some_and(|x| same(b, &x)));
    }
    // a span of years "1990/1991": a range from the first year to the second
    if let Some((a, b)) = want.split_once('/')
        && a.len() == 4
        && b.len() == 4
    {
        return got.value == a && got.end.as_deref() == Some(b);
    }
    // a weekend, "2016-W45-WE" / "XXXX-WXX-WE": a range from the Saturday to the Sunday (of that
    // ISO week)
    if let Some(week) = want.strip_suffix("-WE") {
        return date(&got.value).is_some_and(|sat| {
            let iw = sat.iso_week();
            sat.weekday() == chrono::Weekday::Sat
                && got.end.as_deref().and_then(date) == sat.succ_opt()
                && (week == "XXXX-WXX" || week == format!("{}-W{:02}", iw.year(), iw.week()))
        });
    }
    let v = got.value.as_str();
    // our own TIMEX with unknown parts ("XXXX-06-30", "XXXX-WXX-5") is what the peer writes
    if v == want {
        return true;
    }
    let parts: Vec<&str> = want.split('-').collect();
    let is_num = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    match parts.as_slice() {
        [y] if is_num(y) => v == *y,
        [y, m] if is_num(y) && is_num(m) => v == want,
        ["XXXX", m] if is_num(m) => v.len() == 7 && v.ends_with(&format!("-{m}")),
        [y, w] if is_num(y) && w.starts_with('W') && is_num(&w[1..]) => {
            got.grain == Some(Grain::Week)
                && date(v).is_some_and(|d| {
                    let iw = d.iso_week();
                    iw.year().to_string() == *y && format!("W{:02}", iw.week()) == *w
                })
        }
        ["XXXX", "WXX", n] if is_num(n) => {
            date(v).is_some_and(|d| d.weekday().number_from_monday().to_string() == *n)
        }
        // the n-th week of a month, "XXXX-07-W05": a week-grain claim whose Monday is n-1 weeks
        // after the Monday of the week holding the month's first day
        [y, m, w] if is_num(m) && w.starts_with('W') && is_num(&w[1..]) => {
            got.grain == Some(Grain::Week)
                && date(v).is_some_and(|d| {
                    let year = if *y == "XXXX" {
                        // the month's year: the one the week's Sunday or Monday falls in
                        let sunday = d + chrono::Duration::days(6);
                        if format!("{:02}", sunday.month()) == *m {
                            sunday.year()
                        } else {
                            d.year()
                        }
                    } else {
                        match y.parse() {
                            Ok(y) => y,
                            Err(_) => return false,
                        }
                    };
                    let (Ok(mm), Ok(n)) = (m.parse::<u32>(), w[1..].parse::<i64>()) else {
                        return false;
                    };
                    NaiveDate::from_ymd_opt(year, mm, 1).is_some_and(|first| {
                        let first_monday = first
                            - chrono::Duration::days(i64::from(
                                first.weekday().num_days_from_monday(),
                            ));
                        d == first_monday + chrono::Duration::weeks(n - 1)
                    })
                })
        }
        // the n-th weekday of a month: "XXXX-04-WXX-1-#2" (the second Monday of April)
        [_, m, "WXX", w, n] if is_num(m) && is_num(w) && n.starts_with('#') => {
            date(v).is_some_and(|x| {
                format!("{:02}", x.month()) == *m
                    && x.weekday().number_from_monday().to_string() == *w
                    && format!("#{}", (x.day() - 1) / 7 + 1) == *n
            })
        }
        ["XXXX", "XX", d] if is_num(d) => date(v).is_some_and(|x| format!("{:02}", x.day()) == *d),
        ["XXXX", m, d] if is_num(m) && is_num(d) => date(v)
            .is_some_and(|x| format!("{:02}-{:02}", x.month(), x.day()) == format!("{m}-{d}")),
        [y, m, d] if is_num(y) && is_num(m) && is_num(d) => v == want,
        _ => false,
    }
}

fn suite_files() -> Vec<std::path::PathBuf> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/suites/dates");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/suites/dates exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    files.sort();
    files
}

#[test]
fn date_conformance() {
    let g = Grammars::builtin();
    let opts_for = |lang: &str| Options {
        lang: lang.parse::<Lang>().ok(),
        skip_mt: true,
    };
    // (source, lang, kind) → (passed, total)
    let mut rates: BTreeMap<(String, String, String), (usize, usize)> = BTreeMap::new();
    let mut failing = String::new();
    let (mut passed, mut total) = (0usize, 0usize);
    for file in suite_files() {
        let name = file.file_name().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let case: Case =
                serde_json::from_str(line).unwrap_or_else(|e| panic!("{name}:{}: {e}", n + 1));
            if case.kind != "date" && case.kind != "daterange" {
                continue;
            }
            let published = date(case.ref_date.as_deref().unwrap_or(DEFAULT_PUBLISHED));
            let doc = tathya::analyze(
                "case",
                case.text.clone(),
                published,
                &opts_for(&case.lang),
                g,
            );
            let mut got = Vec::new();
            let mut times = 0;
            for c in &doc.claims {
                match &c.detail {
                    ClaimKind::Time(t) => {
                        times += 1;
                        if let Some(v) = &t.value {
                            got.push(Got {
                                value: v.clone(),
                                grain: Some(t.grain),
                                end: t.until.clone(),
                            });
                        }
                    }
                    ClaimKind::Figure(f) if f.figure == FigureKind::Year => got.push(Got {
                        value: format!("{}", f.value),
                        grain: None,
                        end: None,
                    }),
                    _ => {}
                }
            }
            let want = case.value.as_str();
            let ok = match want {
                Some(want) => got.iter().any(|g| matches(want, g)),
                None => times == 0,
            };
            let e = rates
                .entry((case.source.clone(), case.lang.clone(), case.kind.clone()))
                .or_default();
            e.1 += 1;
            total += 1;
            if ok {
                e.0 += 1;
                passed += 1;
            } else {
                let values: Vec<&str> = got.iter().map(|g| g.value.as_str()).collect();
                writeln!(
                    failing,
                    "{} | {} | want {} | got {:?}",
                    case.id,
                    case.text.trim(),
                    want.unwrap_or("null"),
                    values
                )
                .unwrap();
            }
        }
    }
    let mut report = String::from("# summary (source lang kind: passed/total rate)\n");
    for ((source, lang, kind), (p, t)) in &rates {
        writeln!(
            report,
            "{source} {lang} {kind}: {p}/{t} {:.1}%",
            100.0 * *p as f64 / *t as f64
        )
        .unwrap();
    }
    // per language, dates and ranges together (the acceptance is stated per language)
    let mut by_lang: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for ((_, lang, _), (p, t)) in &rates {
        let e = by_lang.entry(lang.as_str()).or_default();
        e.0 += p;
        e.1 += t;
    }
    for (lang, (p, t)) in &by_lang {
        writeln!(
            report,
            "{lang}: {p}/{t} {:.1}%",
            100.0 * *p as f64 / (*t).max(1) as f64
        )
        .unwrap();
    }
    let rate = passed as f64 / total.max(1) as f64;
    writeln!(report, "all: {passed}/{total} {:.1}%", 100.0 * rate).unwrap();
    report.push_str("\n# failing cases (id | text | expected | resolved values)\n");
    report.push_str(&failing);
    common::settings().bind(|| insta::assert_snapshot!("conformance_dates", report));
    assert!(total > 400, "too few date cases: {total}");
    let date_only: (usize, usize) = rates
        .iter()
        .filter(|(k, _)| k.2 == "date")
        .fold((0, 0), |a, (_, v)| (a.0 + v.0, a.1 + v.1));
    let date_rate = date_only.0 as f64 / date_only.1.max(1) as f64;
    // Reached: date 207/240 (86.2%), all 362/439 (82.5%); Hindi 307/374 (82.1%), English 55/65
    // (84.6%). Standalone years are figures, so the year cases count the figure extractor's year
    // claims.
    assert!(
        date_rate >= 0.86,
        "date-kind pass rate fell to {date_rate:.3}"
    );
    assert!(rate >= 0.82, "date+daterange pass rate fell to {rate:.3}");
    for (lang, floor) in [("hi", 0.82), ("en", 0.84)] {
        let (p, t) = by_lang.get(lang).copied().unwrap_or_default();
        let r = p as f64 / t.max(1) as f64;
        assert!(r >= floor, "{lang} date+daterange pass rate fell to {r:.3}");
    }
}

#[test]
fn timex_matching() {
    let g = |v: &str| Got {
        value: v.into(),
        grain: Some(Grain::Day),
        end: None,
    };
    assert!(matches("XXXX-05-29", &g("2019-05-29")));
    assert!(!matches("XXXX-05-29", &g("2019-05-28")));
    assert!(matches("XXXX-WXX-5", &g("2024-11-29")));
    assert!(!matches("XXXX-WXX-5", &g("2024-11-30")));
    assert!(matches("XXXX-XX-15", &g("2016-10-15")));
    assert!(matches("1937-07", &g("1937-07")));
    assert!(matches("XXXX-07", &g("2016-07")));
    assert!(!matches("(2016-11-04,2016-11-22,P18D)", &g("2016-11-04")));
    let week = Got {
        value: "2016-11-07".into(),
        grain: Some(Grain::Week),
        end: None,
    };
    assert!(matches("2016-W45", &week));
    assert!(!matches("2016-W45", &g("2016-11-07")));
    // weeks of a month: November 2016 starts on a Tuesday, so its first week starts on 31 Oct
    let wk = |v: &str| Got {
        value: v.into(),
        grain: Some(Grain::Week),
        end: None,
    };
    assert!(matches("2016-11-W01", &wk("2016-10-31")));
    assert!(matches("XXXX-11-W01", &wk("2016-10-31")));
    assert!(matches("XXXX-11-W02", &wk("2016-11-07")));
    assert!(!matches("XXXX-11-W02", &wk("2016-10-31")));
    assert!(!matches("XXXX-11-W01", &g("2016-10-31")));
    // years: a span, and a decade of an unknown century
    let years = |a: &str, b: &str| Got {
        value: a.into(),
        grain: Some(Grain::Year),
        end: Some(b.into()),
    };
    let weekend = |a: &str, b: &str| Got {
        value: a.into(),
        grain: Some(Grain::Day),
        end: Some(b.into()),
    };
    assert!(matches("2016-W45-WE", &weekend("2016-11-12", "2016-11-13")));
    assert!(matches("XXXX-WXX-WE", &weekend("2016-11-12", "2016-11-13")));
    assert!(!matches(
        "2016-W46-WE",
        &weekend("2016-11-12", "2016-11-13")
    ));
    assert!(!matches(
        "XXXX-WXX-WE",
        &weekend("2016-11-11", "2016-11-12")
    ));
    assert!(matches("1990/1991", &years("1990", "1991")));
    assert!(!matches("1990/1991", &years("1990", "1992")));
    assert!(matches(
        "(XX40-01-01,XX50-01-01,P10Y)",
        &years("1940", "1949")
    ));
    assert!(matches(
        "(XX40-01-01,XX50-01-01,P10Y)",
        &years("2040", "2049")
    ));
    assert!(!matches(
        "(XX40-01-01,XX50-01-01,P10Y)",
        &years("1950", "1959")
    ));
    let range = Got {
        value: "2016-11-04".into(),
        grain: Some(Grain::Day),
        end: Some("2016-11-22".into()),
    };
    assert!(matches("(2016-11-04,2016-11-22,P18D)", &range));
    assert!(matches("(XXXX-11-04,XXXX-11-22,P18D)", &range));
    assert!(!matches("(2016-11-04,2016-11-23,P19D)", &range));
}
