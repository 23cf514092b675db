//! Times: dates, weekdays, months and relative expressions, resolved against the publication date.
//!
//! Hindi and English share one pipeline: [`token`] splits a sentence into words and numbers
//! (numeric dates are read there by nom parsers), [`parse`] matches the shapes of time
//! expressions over the tokens with words from `grammars/{hi,en}/time.toml`, and [`resolve`]
//! turns them into calendar values against the document's publication date. Standalone years
//! ("1946 में") and durations ("तीन दिन") are figures, not times; times of day are not claimed.
//!
//! The same lexicon reads the publication date in bylines (see [`crate::extract::metadata`]),
//! so the metadata grammar is compiled with this one.

pub mod lexicon;
pub mod parse;
pub mod resolve;
pub mod token;

use chrono::NaiveDate;

use crate::claim::{Claim, ClaimKind, Time};
use crate::error::GrammarError;
use crate::extract::ExtractCtx;
use crate::extract::figure::{self, FigureGrammar};
use crate::extract::metadata::MetadataGrammar;
use crate::grammar::GrammarSet;
use crate::span::Span;
use crate::tokens::FxHashMap;

use lexicon::Lexicon;
use parse::Expr;

/// Month and weekday names, relative expressions, and the metadata (byline, dateline) patterns
/// that read dates with them.
#[derive(Debug)]
pub struct TimeGrammar {
    /// Words of both languages.
    pub lexicon: Lexicon,
    /// Byline labels, URL date paths and dateline patterns (`grammars/dateline.toml`).
    pub metadata: MetadataGrammar,
}

impl TimeGrammar {
    /// Load `hi/time.toml`, `en/time.toml` and `dateline.toml`.
    pub fn load(set: &GrammarSet) -> Result<Self, GrammarError> {
        Ok(TimeGrammar {
            lexicon: Lexicon::load(set)?,
            metadata: MetadataGrammar::load(set)?,
        })
    }
}

/// The time expressions in `text[start..end]`, unresolved. With the figure grammar, years
/// written in words are read too ("पच्चीस जनवरी अठारह सौ तिरेपन").
pub fn find(
    text: &str,
    start: usize,
    end: usize,
    g: &TimeGrammar,
    figures: Option<&FigureGrammar>,
) -> Vec<parse::Found> {
    let toks = token::tokenize(text, start, end);
    // The date rules ask for a number in words at many words, some more than once: each answer
    // is remembered, and the figure grammar reads each place once.
    let memo: std::cell::RefCell<FxHashMap<usize, Option<(f64, usize)>>> = Default::default();
    let reader = std::cell::OnceCell::new();
    let words = |pos: usize| -> Option<(f64, usize)> {
        if let Some(&r) = memo.borrow().get(&pos) {
            return r;
        }
        // a year in words is a few words long: look no further than 80 bytes
        let mut stop = end.min(pos.saturating_add(80));
        while !text.is_char_boundary(stop) {
            stop -= 1;
        }
        let fg = figures?;
        let r = reader
            .get_or_init(|| figure::NumberReader::new(text, start, end, fg))
            .plain_number_at(pos, stop);
        memo.borrow_mut().insert(pos, r);
        r
    };
    parse::find(
        text,
        &toks,
        &g.lexicon,
        figures.map(|_| &words as parse::NumberWords),
    )
}

/// Dates that name their year in `text[start..end]` ("1 Dec 2024", "2024-11-30",
/// "Thu, 27 Jul 2023", "27 जुलाई 2023"), for reading bylines.
pub fn absolute_dates(
    text: &str,
    start: usize,
    end: usize,
    g: &TimeGrammar,
) -> Vec<(Span, NaiveDate)> {
    find(text, start, end, g, None)
        .into_iter()
        .filter_map(|f| match f.expr {
            Expr::Date {
                year: Some(y),
                month,
                day,
                ..
            } if f.until.is_none() => {
                NaiveDate::from_ymd_opt(y, month, day).map(|d| (Span::new(f.core.0, f.core.1), d))
            }
            _ => None,
        })
        .collect()
}

/// Every time expression in the body sentences.
pub fn extract(ctx: &ExtractCtx) -> Vec<Claim> {
    let g = &ctx.grammars.time;
    let mut out = Vec::new();
    for s in ctx.body() {
        for f in find(ctx.text, s.start, s.end, g, Some(ctx.grammars.figure)) {
            let r = resolve::resolve_found(&f, ctx.published);
            out.push(Claim::new(
                ctx.text,
                Span::new(f.start, f.end),
                s.index,
                ClaimKind::Time(Time {
                    value: r.value,
                    time: r.kind,
                    grain: r.grain,
                    until: r.until,
                    from: r.from,
                    to: r.to,
                    clock: f.tod.clock.map(|(h, m)| format!("{h:02}:{m:02}")),
                    part: f.tod.part,
                    weekday_mismatch: r.weekday_mismatch,
                }),
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::Grammars;
    use crate::claim::ClaimKind;
    use crate::pipeline::{Options, analyze};

    /// (text, value, kind) of every time claim in `text` published on `published`.
    fn times(text: &str, published: Option<&str>) -> Vec<(String, Option<String>, String)> {
        let p = published.and_then(|p| chrono::NaiveDate::parse_from_str(p, "%Y-%m-%d").ok());
        let doc = analyze(
            "t",
            text.to_string(),
            p,
            &Options::default(),
            Grammars::builtin(),
        );
        doc.claims
            .iter()
            .filter_map(|c| match &c.detail {
                ClaimKind::Time(t) => Some((
                    c.text.clone(),
                    t.value.clone(),
                    serde_json::to_value(t.time)
                        .unwrap()
                        .as_str()
                        .unwrap()
                        .to_string(),
                )),
                _ => None,
            })
            .collect()
    }

    fn one(text: &str, published: &str) -> (String, Option<String>, String) {
        let t = times(text, Some(published));
        assert_eq!(t.len(), 1, "{text}: {t:?}");
        t.into_iter().next().unwrap()
    }

    #[test]
    fn seed_weekdays_resolve_against_publication() {
        let t = times(
            "रूसी मंत्री शुक्रवार को पहुंचे। उन्होंने शनिवार को दौरा किया। मीडिया ने रविवार को बताया।",
            Some("2024-12-01"),
        );
        let v: Vec<_> = t.iter().map(|x| x.1.as_deref().unwrap_or("-")).collect();
        assert_eq!(v, ["2024-11-29", "2024-11-30", "2024-12-01"]);
    }

    #[test]
    fn weekday_and_date_in_brackets_are_one_date() {
        let (text, v, kind) = one("किम ने बुधवार (26 जुलाई) को मुलाकात की।", "2023-07-27");
        assert_eq!(text, "बुधवार (26 जुलाई)");
        assert_eq!(v.as_deref(), Some("2023-07-26"));
        assert_eq!(kind, "date");
    }

    #[test]
    fn english_dates_in_three_orders() {
        assert_eq!(
            one("Signed on Nov 30, 2024.", "2024-12-05").1.as_deref(),
            Some("2024-11-30")
        );
        assert_eq!(
            one("It began 1 Dec 2024 at noon.", "2024-12-05")
                .1
                .as_deref(),
            Some("2024-12-01")
        );
        assert_eq!(
            one("It ends December 1 this time.", "2024-12-05").0,
            "December 1"
        );
    }

    #[test]
    fn unresolvable_times_keep_what_is_known() {
        let t = times(
            "लावरोव ने शनिवार को कहा। जून में क्षेत्र खोला। पिछले साल समझौता हुआ। तीस जून और ३० जून।",
            None,
        );
        let v: Vec<_> = t.iter().map(|x| x.1.as_deref().unwrap_or("-")).collect();
        assert_eq!(
            v,
            ["XXXX-WXX-6", "XXXX-06", "-", "XXXX-06-30", "XXXX-06-30"],
            "{t:?}"
        );
    }

    /// (text, value, until, clock, part) of a time claim.
    type Detail = (
        String,
        Option<String>,
        Option<String>,
        Option<String>,
        String,
    );

    /// (text, value, until, clock, part) of each time claim.
    fn detail(text: &str, published: Option<&str>) -> Vec<Detail> {
        let p = published.and_then(|p| chrono::NaiveDate::parse_from_str(p, "%Y-%m-%d").ok());
        let doc = analyze(
            "t",
            text.to_string(),
            p,
            &Options::default(),
            Grammars::builtin(),
        );
        doc.claims
            .iter()
            .filter_map(|c| match &c.detail {
                ClaimKind::Time(t) => Some((
                    c.text.clone(),
                    t.value.clone(),
                    t.until.clone(),
                    t.clock.clone(),
                    t.part
                        .map(|p| {
                            serde_json::to_value(p)
                                .unwrap()
                                .as_str()
                                .unwrap()
                                .to_string()
                        })
                        .unwrap_or_default(),
                )),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn two_times_joined_are_one_range() {
        let t = detail(
            "बैठक सोमवार से बुधवार तक चली। योजना 2014 से 2018 के बीच चली। \
             वे 1 जनवरी 2015 और 5 फरवरी 2018 के बीच बाहर रहे।",
            Some("2024-11-30"),
        );
        let got: Vec<_> = t
            .iter()
            .map(|x| (x.0.as_str(), x.1.as_deref(), x.2.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("सोमवार से बुधवार तक", Some("2024-11-25"), Some("2024-11-27")),
                ("2014 से 2018 के बीच", Some("2014"), Some("2018")),
                (
                    "1 जनवरी 2015 और 5 फरवरी 2018 के बीच",
                    Some("2015-01-01"),
                    Some("2018-02-05")
                ),
            ]
        );
        // "and" without "between" or a closer is a list, not a range
        assert_eq!(
            detail("He came on Monday and Friday.", Some("2024-11-30")).len(),
            2
        );
    }

    #[test]
    fn times_of_day_go_with_their_day() {
        let t = detail(
            "सोमवार रात हमला हुआ। कल सुबह 10 बजे बैठक होगी। Polls close on Friday at 6 pm.",
            Some("2024-11-30"),
        );
        let got: Vec<_> = t
            .iter()
            .map(|x| (x.0.as_str(), x.3.as_deref(), x.4.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("सोमवार रात", None, "night"),
                ("कल सुबह 10 बजे", Some("10:00"), "morning"),
                ("Friday at 6 pm", Some("18:00"), ""),
            ]
        );
        // a clock time alone is a claim of its own, its day unstated
        let t = detail(
            "मतदान सुबह 8 बजे तक चला। Figures as of 6 pm.",
            Some("2024-11-30"),
        );
        let got: Vec<_> = t.iter().map(|x| (x.0.as_str(), x.3.as_deref())).collect();
        assert_eq!(got, [("सुबह 8 बजे", Some("08:00")), ("6 pm", Some("18:00"))]);
        assert!(t.iter().all(|x| x.1.is_none()));
        // रात 10 बजे is 22:00, रात 2 बजे is 02:00
        let t = detail("रात 10 बजे और रात 2 बजे धमाके हुए।", None);
        let got: Vec<_> = t.iter().map(|x| x.3.as_deref()).collect();
        assert_eq!(got, [Some("22:00"), Some("02:00")]);
    }

    #[test]
    fn kal_takes_its_sign_from_the_tense() {
        assert_eq!(
            one("वह कल दिल्ली गया था।", "2024-11-30").1.as_deref(),
            Some("2024-11-29")
        );
        assert_eq!(
            one("वह कल दिल्ली जाएगा।", "2024-11-30").1.as_deref(),
            Some("2024-12-01")
        );
        assert_eq!(one("कल की बात अलग है।", "2024-11-30").1, None);
    }

    #[test]
    fn not_times() {
        for s in [
            "10:30 का स्कोर।",
            "हादसे में 2000 से 2500 लोग घायल हुए।",
            "Between 1,000 and 1,500 people came.",
            "यह 1946 में बना।",
            "6,000 सैनिक और 70वीं वर्षगांठ।",
            "पिछले दिनों कई बैठकें हुईं।",
            "चुनाव से दो दिन पहले प्रचार थमा।",
            "You may go.",
            "प्रदर्शनकारियों ने मार्च निकाला।",
            // a number before को counts people unless a cue makes it a day
            "जिनमें से 56 को छुट्टी दे दी गई और बाकी 4 को मुंबई भेजा गया।",
            // digits with a slash and no cue: a bowler's figures
            "He took 4/22 in ten overs.",
            "The fiscal deficit widened.",
            "He finished on the 3rd lap.",
        ] {
            assert!(
                times(s, Some("2024-11-30")).is_empty(),
                "{s}: {:?}",
                times(s, Some("2024-11-30"))
            );
        }
    }

    #[test]
    fn range_json_keeps_one_end_key_for_the_byte_offset() {
        let text = "सम्मेलन 19 से 20 नवंबर तक चला।";
        let p = chrono::NaiveDate::from_ymd_opt(2024, 12, 1);
        let doc = analyze(
            "t",
            text.to_string(),
            p,
            &Options::default(),
            Grammars::builtin(),
        );
        let c = doc.claims.iter().find(|c| c.kind_name() == "time").unwrap();
        let json = serde_json::to_string(c).unwrap();
        assert_eq!(json.matches("\"end\"").count(), 1, "{json}");
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["end"], serde_json::json!(c.end));
        assert_eq!(v["until"], serde_json::json!("2024-11-20"));
    }

    /// Random mixtures of time words, digits, marks and punctuation: no panic, and every span is
    /// on character boundaries and slices to the claim's text.
    #[test]
    fn random_fragments_give_valid_spans() {
        const PARTS: &[&str] = &[
            "26",
            "जुलाई",
            " ",
            "(",
            ")",
            "-",
            "/",
            ".",
            "2024",
            "बुधवार",
            "से",
            "तक",
            "पिछले",
            "दो",
            "दिन",
            "पहले",
            "कल",
            "था",
            "१२",
            "Nov",
            ",",
            "३१",
            "\u{200d}",
            "फ़",
            "ँ",
            "।",
            "\n",
            "0",
            "99",
            "5/5",
            "10:30",
            "%",
            "उन्नीस",
            "सौ",
            "हज़ार",
            "the",
            "of",
            "last",
            "Friday",
            "21st",
            "इस",
            "सप्ताह",
            "तारीख",
            "1 Dec 2024",
            "Updated:",
            "Seoulसियोल :",
            "एजेंसी",
            "é",
            "\t",
        ];
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let g = Grammars::builtin();
        for _ in 0..800 {
            let mut text = String::new();
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let n = (seed >> 59) as usize + 1;
            for _ in 0..n {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                text.push_str(PARTS[(seed >> 33) as usize % PARTS.len()]);
            }
            let p = chrono::NaiveDate::from_ymd_opt(2024, 12, 1);
            for published in [p, None] {
                let doc = analyze("r", text.clone(), published, &Options::default(), g);
                for c in &doc.claims {
                    assert!(c.start < c.end && c.end <= text.len(), "{text:?}: {c:?}");
                    assert_eq!(text.get(c.start..c.end), Some(c.text.as_str()), "{text:?}");
                }
                if let Some(d) = &doc.dateline {
                    assert_eq!(text.get(d.start..d.end), Some(d.text.as_str()));
                }
                if let Some(s) = doc.published_span {
                    assert!(text.get(s.start..s.end).is_some());
                }
            }
        }
    }

    #[test]
    fn no_input_panics() {
        for s in [
            "",
            "(",
            "1/",
            "३१-",
            "Nov 31, 2024",
            "9999-99-99",
            "बुधवार (",
            "२०२४-१२-०१",
        ] {
            let _ = times(s, Some("2024-11-30"));
            let _ = times(s, None);
        }
    }
}

/// The seed articles' times, publication dates and datelines (issue 2's acceptance).
#[cfg(test)]
mod seeds {
    use crate::Grammars;
    use crate::claim::ClaimKind;
    use crate::pipeline::{Options, analyze};

    fn check(
        text: &str,
        published: Option<&str>,
        city: Option<&str>,
        want: &[(&str, Option<&str>)],
    ) {
        let doc = analyze(
            "seed",
            text.to_string(),
            None,
            &Options::default(),
            Grammars::builtin(),
        );
        assert_eq!(doc.published.map(|d| d.to_string()).as_deref(), published);
        assert_eq!(doc.dateline.as_ref().map(|d| d.city.as_str()), city);
        let times: Vec<(&str, Option<&str>)> = doc
            .claims
            .iter()
            .filter_map(|c| match &c.detail {
                ClaimKind::Time(t) => Some((c.text.as_str(), t.value.as_deref())),
                _ => None,
            })
            .collect();
        for w in want {
            assert!(times.contains(w), "missing {w:?} in {times:?}");
        }
    }

    #[test]
    fn seed_000() {
        check(
            include_str!("../../../tests/corpus/000_b1c8025b0e2ba5b4.txt"),
            Some("2024-12-01"),
            Some("सियोल"),
            &[
                ("शुक्रवार", Some("2024-11-29")),
                ("शनिवार", Some("2024-11-30")),
                ("रविवार", Some("2024-12-01")),
                ("जून", Some("2024-06")),
                ("पिछले दिन", Some("2024-11-30")),
            ],
        );
    }

    #[test]
    fn seed_001() {
        check(
            include_str!("../../../tests/corpus/001_93327e7be077d1f2.txt"),
            Some("2023-07-27"),
            Some("सियोल"),
            &[
                ("गुरुवार", Some("2023-07-27")),
                ("बुधवार", Some("2023-07-26")),
                ("इस सप्ताह", Some("2023-07-24")),
            ],
        );
    }

    #[test]
    fn seed_002() {
        check(
            include_str!("../../../tests/corpus/002_5fa5028a7c2c55c0.txt"),
            Some("2024-11-30"),
            None,
            &[("बीते शुक्रवार", Some("2024-11-29"))],
        );
    }

    #[test]
    fn seed_003() {
        check(
            include_str!("../../../tests/corpus/003_9cdd1d268ee3f9b1.txt"),
            Some("2023-07-27"),
            None,
            &[
                ("बुधवार (26 जुलाई)", Some("2023-07-26")),
                ("इस सप्ताह", Some("2023-07-24")),
            ],
        );
    }

    #[test]
    fn seed_004_has_no_date_so_times_keep_what_they_say() {
        check(
            include_str!("../../../tests/corpus/004_e88fc5b0d66a22c9.txt"),
            None,
            None,
            &[
                ("शनिवार", Some("XXXX-WXX-6")),
                ("जून", Some("XXXX-06")),
                ("पिछले साल", None),
                ("अक्टूबर", Some("XXXX-10")),
            ],
        );
    }
}
