//! Document metadata: the publication date (bylines, datelines, ISO dates, URL date paths) and
//! the dateline city.
//!
//! Scraped pages carry their date in bylines that are page chrome ("1 Dec 2024 8:23 AM GMT",
//! "Updated: Thu, 27 Jul 2023 10:26 AM (IST)"), so this stage reads every line, chrome included.
//! Dates are read with the time lexicon (so every month spelling it knows works here) and must
//! name their year. Precedence, documented with the data in `grammars/dateline.toml`:
//! a "Published" label, then a byline (an "Updated" label, a line the chrome grammar marks as a
//! byline, or a line that is only a date and a time), then a date with its year in the dateline
//! ("NEW DELHI, June 2, 2023 (Reuters)"), then a `/YYYY/MM/DD/` path in a URL. Within
//! one level the first line in the page wins. A body sentence that merely mentions a date is
//! never taken for the publication date.
//!
//! Cost: the time parser runs on a line only when it can yield a date — it has a published or
//! updated label, the chrome grammar marked it a byline, or it is short enough (no danda, few
//! words) to be only a date and a time. A one-line JSONL article body is thus never parsed here.

use aho_corasick::AhoCorasick;
use chrono::{Datelike, NaiveDate};
use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::document::chrome::ChromeLine;
use crate::document::{Lang, chrome};
use crate::error::GrammarError;
use crate::extract::time::{self, TimeGrammar};
use crate::grammar::GrammarSet;
use crate::span::Span;

const FILE: &str = "dateline.toml";

/// A dateline: the place (and agency) an article was filed from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dateline {
    /// The dateline as written ("सियोल (दक्षिण कोरिया), एजेंसी।").
    pub text: String,
    /// The city ("सियोल").
    pub city: String,
    /// First byte of the dateline.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// What the metadata stage reads from a page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Metadata {
    /// Publication date.
    pub published: Option<NaiveDate>,
    /// Where it was read.
    pub published_span: Option<Span>,
    /// The dateline, if any.
    pub dateline: Option<Dateline>,
}

#[derive(Debug, Deserialize)]
struct RawPattern {
    name: String,
    regex: String,
    /// Only on the lead paragraph: the first non-chrome line of at least `lead_min_chars`.
    #[serde(default)]
    lead_only: bool,
}

#[derive(Debug, Deserialize)]
struct RawFile {
    published_labels: Vec<String>,
    updated_labels: Vec<String>,
    byline_rules: Vec<String>,
    date_line_max_words: usize,
    published_years: [i32; 2],
    time_of_day: String,
    url_date: String,
    dateline_lines: usize,
    lead_min_chars: usize,
    agencies: Vec<String>,
    #[serde(default)]
    not_city_words: Vec<String>,
    #[serde(default)]
    pattern: Vec<RawPattern>,
}

/// Compiled metadata patterns (`grammars/dateline.toml`).
#[derive(Debug)]
pub struct MetadataGrammar {
    published_labels: Vec<String>,
    updated_labels: Vec<String>,
    byline_rules: Vec<String>,
    date_line_max_words: usize,
    published_years: [i32; 2],
    time_of_day: Regex,
    url_date: Regex,
    dateline_lines: usize,
    lead_min_chars: usize,
    agencies: Vec<String>,
    not_city_words: Vec<String>,
    /// (name, pattern, lead paragraph only)
    patterns: Vec<(String, Regex, bool)>,
    /// Every published and updated label, ignoring ASCII case: a cheap test before `label_end`.
    any_label: AhoCorasick,
}

/// One Devanagari word (letters and signs, no danda, no digits).
const DEV_WORD: &str = r"[\x{0900}-\x{0963}\x{0971}-\x{097F}\x{200C}\x{200D}]+";

impl MetadataGrammar {
    /// Load `dateline.toml`.
    pub fn load(set: &GrammarSet) -> Result<Self, GrammarError> {
        let raw: RawFile = set.parse(FILE)?;
        let compile = |p: &str| {
            Regex::new(p).map_err(|e| GrammarError::Invalid {
                file: FILE.into(),
                message: format!("bad regex {p:?}: {e}"),
            })
        };
        let mut agencies = raw.agencies.clone();
        agencies.sort_by_key(|a| std::cmp::Reverse(a.len()));
        let agency = agencies
            .iter()
            .map(|a| regex::escape(a))
            .collect::<Vec<_>>()
            .join("|");
        let patterns = raw
            .pattern
            .iter()
            .map(|p| {
                let src = p
                    .regex
                    .replace("{dev}", DEV_WORD)
                    .replace("{agency}", &agency);
                compile(&src).map(|r| (p.name.clone(), r, p.lead_only))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let lower = |v: &[String]| v.iter().map(|l| l.to_lowercase()).collect::<Vec<_>>();
        let mut published_labels = lower(&raw.published_labels);
        let mut updated_labels = lower(&raw.updated_labels);
        published_labels.sort_by_key(|a| std::cmp::Reverse(a.len()));
        updated_labels.sort_by_key(|a| std::cmp::Reverse(a.len()));
        let any_label = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(published_labels.iter().chain(&updated_labels))
            .map_err(|e| GrammarError::Invalid {
                file: FILE.into(),
                message: format!("labels: {e}"),
            })?;
        Ok(MetadataGrammar {
            any_label,
            published_labels,
            updated_labels,
            byline_rules: raw.byline_rules,
            date_line_max_words: raw.date_line_max_words,
            published_years: raw.published_years,
            time_of_day: compile(&raw.time_of_day)?,
            url_date: compile(&raw.url_date)?,
            dateline_lines: raw.dateline_lines,
            lead_min_chars: raw.lead_min_chars,
            agencies: raw.agencies.clone(),
            not_city_words: raw.not_city_words.clone(),
            patterns,
        })
    }
}

/// Lines of `text` as (start, end) byte offsets, without the newline (or a trailing `\r`).
fn lines(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut pos = 0;
    chrome::line_breaks(text)
        .chain(std::iter::once(text.len()))
        .map(move |end| {
            let start = pos;
            pos = end + 1;
            (start, start + text[start..end].trim_end_matches('\r').len())
        })
}

/// Byte offset in `line` just after a `label` followed by optional spaces and a colon.
fn label_end(line: &str, labels: &[String]) -> Option<usize> {
    let lower = line.to_lowercase();
    if lower.len() != line.len() {
        return None;
    }
    labels.iter().find_map(|l| {
        lower.match_indices(l.as_str()).find_map(|(i, _)| {
            // "Published: …", JSON-LD's `"datePublished": "…"`, and at the start of a line
            // without a colon: "Updated Fri, 03 Apr 2020 07:14 AM IST"
            let rest = &lower[i + l.len()..];
            let trimmed = rest.trim_start_matches([' ', '\t', '"', '\'']);
            if trimmed.starts_with(':') {
                Some(i + l.len() + (rest.len() - trimmed.len()) + 1)
            } else {
                let at_start = lower[..i].trim().is_empty();
                let word_ends = rest.starts_with([' ', '\t']);
                (at_start && word_ends).then_some(i + l.len())
            }
        })
    })
}

/// Most words one absolute date can span ("Thursday, 27 July 2023" is four), with a margin.
const MAX_DATE_WORDS: usize = 10;
/// Most words one match of `time_of_day` can remove ("10:26 AM (IST)" is four; each needs a colon).
const TIME_OF_DAY_WORDS: usize = 5;

/// A lower bound on the words the date-only test counts: whitespace-separated chunks holding an
/// ASCII letter or digit or a Devanagari letter or sign (U+0900–U+093F), each at least one word.
fn min_words(line: &str) -> usize {
    line.split_ascii_whitespace()
        .filter(|chunk| {
            let b = chunk.as_bytes();
            b.iter().any(u8::is_ascii_alphanumeric)
                || b.windows(2).any(|w| w[0] == 0xE0 && w[1] == 0xA4)
        })
        .count()
}

/// The publication date of one line and its precedence (0 published label, 1 byline).
fn line_date(
    text: &str,
    (ls, le): (usize, usize),
    chrome_rule: Option<&str>,
    g: &TimeGrammar,
) -> Option<(u8, Span, NaiveDate)> {
    let m = &g.metadata;
    let line = text.get(ls..le)?;
    if !line.bytes().any(|b| b.is_ascii_digit()) && !line.chars().any(|c| ('०'..='९').contains(&c))
    {
        return None;
    }
    // Cheap guards before the time parser: a line can only give a date through a label, a
    // chrome byline, or by being (nearly) only a date. A line with no label that is not a byline
    // and has a danda, or more words than a date, a time of day and `date_line_max_words` can
    // cover, cannot — so a one-line JSONL article body is never parsed here.
    let byline = chrome_rule.is_some_and(|r| m.byline_rules.iter().any(|b| b == r));
    let date_only_possible = byline
        || (!line.contains('।')
            && min_words(line)
                <= m.date_line_max_words
                    + MAX_DATE_WORDS
                    + TIME_OF_DAY_WORDS * line.bytes().filter(|&b| b == b':').count());
    // every label is in the line, ignoring ASCII case, before `label_end` lower-cases the line
    let any_label = m.any_label.is_match(line);
    if !date_only_possible && !any_label {
        return None;
    }
    let pub_label = any_label
        .then(|| label_end(line, &m.published_labels))
        .flatten();
    let upd_label = any_label
        .then(|| label_end(line, &m.updated_labels))
        .flatten();
    let [lo, hi] = m.published_years;
    let dates: Vec<(Span, NaiveDate)> = time::absolute_dates(text, ls, le, g)
        .into_iter()
        .filter(|(_, d)| (lo..=hi).contains(&d.year()))
        .collect();
    let (first_span, first_date) = *dates.first()?;
    let after = |cut: usize| dates.iter().find(|(s, _)| s.start >= ls + cut).copied();
    if let Some((s, d)) = pub_label.and_then(after) {
        return Some((0, s, d));
    }
    if let Some((s, d)) = upd_label.and_then(after) {
        return Some((1, s, d));
    }
    if byline {
        return Some((1, first_span, first_date));
    }
    // a line that is only a date (and a time, and maybe a glued city)
    let rest = format!(
        "{}{}",
        &text[ls..first_span.start],
        &text[first_span.end..le]
    );
    let rest = m.time_of_day.replace_all(&rest, "");
    let words = rest
        .split(|c: char| !(c.is_alphanumeric() || ('\u{0900}'..='\u{0963}').contains(&c)))
        .filter(|w| !w.is_empty())
        .count();
    (words <= m.date_line_max_words && !line.contains('।')).then_some((1, first_span, first_date))
}

/// Read the publication date and dateline of `text`.
pub fn extract(text: &str, chrome: &[ChromeLine], _lang: Lang, g: &TimeGrammar) -> Metadata {
    let m = &g.metadata;
    // the chrome rule of the line (ls, le), if it is chrome
    let rule_of = |ls: usize, le: usize| {
        chrome
            .iter()
            .find(|c| ls <= c.start && c.start <= le)
            .map(|c| c.rule.as_str())
    };
    let mut best: Option<(u8, Span, NaiveDate)> = None;
    for (ls, le) in lines(text) {
        let trimmed = text.get(ls..le).map(str::trim).unwrap_or("");
        if trimmed.is_empty() {
            continue;
        }
        if let Some(c) = line_date(text, (ls, le), rule_of(ls, le), g)
            && best.is_none_or(|b| c.0 < b.0)
        {
            best = Some(c);
            if c.0 == 0 {
                break;
            }
        }
    }
    let dateline = dateline(text, chrome, m);
    // A dateline that carries a year dates the article when no label or byline does.
    if best.is_none()
        && let Some(d) = &dateline
    {
        let [lo, hi] = m.published_years;
        best = time::absolute_dates(text, d.start, d.end, g)
            .into_iter()
            .find(|(_, day)| (lo..=hi).contains(&day.year()))
            .map(|(span, day)| (2, span, day));
    }
    if best.is_none()
        && let Some(c) = m.url_date.captures(text)
    {
        let num = |i: usize| c.get(i).and_then(|x| x.as_str().parse::<u32>().ok());
        if let (Some(y), Some(mo), Some(d), Some(all)) = (num(1), num(2), num(3), c.get(0)) {
            let span_start = c.get(1).map_or(all.start(), |x| x.start());
            let span_end = c.get(3).map_or(all.end(), |x| x.end());
            if let Some(date) = i32::try_from(y)
                .ok()
                .filter(|y| (m.published_years[0]..=m.published_years[1]).contains(y))
                .and_then(|y| NaiveDate::from_ymd_opt(y, mo, d))
            {
                best = Some((3, Span::new(span_start, span_end), date));
            }
        }
    }
    Metadata {
        published: best.map(|b| b.2),
        published_span: best.map(|b| b.1),
        dateline,
    }
}

fn title_case(s: &str) -> String {
    if s.chars().any(|c| c.is_ascii_lowercase()) {
        return s.to_string();
    }
    s.split(' ')
        .map(|w| {
            let mut cs = w.chars();
            match cs.next() {
                Some(f) => f
                    .to_uppercase()
                    .chain(cs.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}

/// The city without a trailing agency ("अलीगढ़ जेएनएन" → "अलीगढ़"); None when nothing is left or a
/// word is never part of a city ("कोरोना वायरस:").
fn clean_city(city: &str, m: &MetadataGrammar) -> Option<String> {
    let mut words: Vec<&str> = city.split_whitespace().collect();
    while words
        .last()
        .is_some_and(|w| m.agencies.iter().any(|a| a == w))
    {
        words.pop();
    }
    let bad = words.is_empty()
        || words
            .iter()
            .any(|w| m.not_city_words.iter().any(|n| n == w) || m.agencies.iter().any(|a| a == w));
    (!bad).then(|| words.join(" "))
}

/// The first dateline in the first lines of the page that are not chrome.
fn dateline(text: &str, chrome: &[ChromeLine], m: &MetadataGrammar) -> Option<Dateline> {
    let is_chrome = |s: usize, e: usize| chrome.iter().any(|c| c.start < e.max(s + 1) && s < c.end);
    let mut lead_seen = false;
    lines(text)
        .filter(|&(s, e)| text.get(s..e).is_some_and(|l| !l.trim().is_empty()) && !is_chrome(s, e))
        .take(m.dateline_lines)
        .find_map(|(s, e)| {
            let line = text.get(s..e)?;
            let body = line.trim_start();
            let off = s + line.len() - body.len();
            let is_lead = !lead_seen && body.chars().count() >= m.lead_min_chars;
            lead_seen |= is_lead;
            m.patterns.iter().find_map(|(_, re, lead_only)| {
                if *lead_only && !is_lead {
                    return None;
                }
                let c = re.captures(body)?;
                let all = c.get(0)?;
                let city = c.name("city")?;
                let matched = all.as_str().trim_end();
                let city = clean_city(city.as_str(), m)?;
                Some(Dateline {
                    text: matched.to_string(),
                    city: title_case(&city),
                    start: off + all.start(),
                    end: off + all.start() + matched.len(),
                })
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::chrome;

    fn meta(text: &str) -> Metadata {
        let g = crate::Grammars::builtin();
        let lang = crate::document::lang::detect(text);
        let ch = chrome::mark(text, lang, &g.chrome);
        extract(text, &ch, lang, &g.time)
    }

    fn date(s: &str) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
    }

    #[test]
    fn byline_forms_of_the_seeds() {
        for (text, want, span) in [
            (
                "Rani Sahu\n1 Dec 2024 8:23 AM GMT\nबाकी",
                "2024-12-01",
                "1 Dec 2024",
            ),
            (
                "विदेश\nनई दिल्लीNov 30, 2024 / 02:58 pm\n",
                "2024-11-30",
                "Nov 30, 2024",
            ),
            (
                "By Jagran NewsUpdated: Thu, 27 Jul 2023 10:26 AM (IST)\n",
                "2023-07-27",
                "Thu, 27 Jul 2023",
            ),
            (
                "अपडेटेड: 27 जुलाई 2023 10:26 AM\n",
                "2023-07-27",
                "27 जुलाई 2023",
            ),
            ("2024-11-30T08:00:00+05:30\n", "2024-11-30", "2024-11-30"),
            (
                "Updated Fri, 03 Apr 2020 07:14 AM IST\nसरकार ने कहा कि 12 अप्रैल 2020 तक बंद रहेगा।",
                "2020-04-03",
                "Fri, 03 Apr 2020",
            ),
            (
                "Publish Date: Thu, 27 Jul 2023 10:26 AM (IST)\n",
                "2023-07-27",
                "Thu, 27 Jul 2023",
            ),
        ] {
            let m = meta(text);
            assert_eq!(m.published, date(want), "{text}");
            assert_eq!(
                m.published_span.map(|s| s.slice(text)),
                Some(span),
                "{text}"
            );
        }
    }

    #[test]
    fn published_label_beats_updated_and_url() {
        let text =
            "Updated: 2 Dec 2024\nPublished: 1 Dec 2024\n![x](https://a.com/img/2020/01/05/a.jpg)";
        assert_eq!(meta(text).published, date("2024-12-01"));
    }

    #[test]
    fn url_date_path_is_the_fallback() {
        let text = "शीर्षक\n![x](https://feeds.example.com/images/2023/07/27/abc.jpg?w=1)\nकिम ने 12 जून 2021 को कहा।";
        let m = meta(text);
        assert_eq!(m.published, date("2023-07-27"));
        assert_eq!(m.published_span.map(|s| s.slice(text)), Some("2023/07/27"));
    }

    #[test]
    fn table_rows_and_implausible_years_are_not_bylines() {
        assert_eq!(meta("28 मार्च\t918\n29 मार्च\t1024\t106\n").published, None);
        assert_eq!(meta("12 June 1024\n").published, None);
    }

    #[test]
    fn a_date_inside_a_body_sentence_is_not_the_publication_date() {
        let text = "उत्तर कोरिया और रूस ने 19 जून 2024 को प्योंगयांग में एक रक्षा संधि पर हस्ताक्षर किए थे।";
        assert_eq!(meta(text).published, None);
        let text = "The report was updated on 2 Dec 2024 after the vote in the state assembly.";
        assert_eq!(meta(text).published, None);
    }

    #[test]
    fn datelines() {
        for (text, city, written) in [
            (
                "x\nSeoulसियोल : रूस के रक्षा मंत्री रवाना हो गए।",
                "सियोल",
                "Seoulसियोल :",
            ),
            (
                "सियोल (दक्षिण कोरिया), एजेंसी। किम ने मुलाकात की।",
                "सियोल",
                "सियोल (दक्षिण कोरिया), एजेंसी।",
            ),
            (
                "नई दिल्ली, एजेंसी । सरकार ने कहा।",
                "नई दिल्ली",
                "नई दिल्ली, एजेंसी ।",
            ),
            (
                "(पत्रिका ब्यूरो,गुवाहाटी): असम में बाढ़।",
                "गुवाहाटी",
                "(पत्रिका ब्यूरो,गुवाहाटी):",
            ),
            (
                "NEW DELHI (Reuters) - India said.",
                "New Delhi",
                "NEW DELHI (Reuters) -",
            ),
            (
                "नई दिल्ली, 27 जुलाई (भाषा) सरकार ने कहा।",
                "नई दिल्ली",
                "नई दिल्ली, 27 जुलाई (भाषा)",
            ),
            (
                "नई दिल्ली, 2 जून 2023 (भाषा) सरकार ने कहा।",
                "नई दिल्ली",
                "नई दिल्ली, 2 जून 2023 (भाषा)",
            ),
            (
                "NEW DELHI, June 2, 2023 (Reuters) - India said.",
                "New Delhi",
                "NEW DELHI, June 2, 2023 (Reuters) -",
            ),
        ] {
            let d = meta(text)
                .dateline
                .unwrap_or_else(|| panic!("no dateline in {text}"));
            assert_eq!(d.city, city);
            assert_eq!(d.text, written);
            assert_eq!(&text[d.start..d.end], written);
        }
    }

    #[test]
    fn a_dateline_with_a_year_dates_the_article_below_bylines() {
        for (text, want) in [
            (
                "NEW DELHI, June 2, 2023 (Reuters) - India said.",
                "2023-06-02",
            ),
            ("नई दिल्ली, 2 जून 2023 (भाषा) सरकार ने कहा।", "2023-06-02"),
            // a byline wins over the dateline
            (
                "1 Dec 2024 8:23 AM GMT\nनई दिल्ली, 2 जून 2023 (भाषा) सरकार ने कहा।",
                "2024-12-01",
            ),
        ] {
            assert_eq!(meta(text).published, date(want), "{text}");
        }
        // without a year the dateline gives no date
        assert_eq!(
            meta("नई दिल्ली, 27 जुलाई (भाषा) सरकार ने कहा।").published,
            None
        );
    }

    #[test]
    fn kickers_and_plain_sentences_are_not_datelines() {
        for text in [
            "Russia And North Korea: किम जोंग ने समर्थन का वादा किया।",
            "रूसी विदेश मंत्री ने कहा कि कोरिया ने समर्थन किया।",
            "North Korea-Russia: नॉर्थ कोरिया में विजय दिवस।",
            // a Hindi kicker on a short headline line is not a dateline
            "यूक्रेन युद्ध: रूस ने नया हमला किया",
            "कोरोना वायरस: देश में संक्रमण के मामले लगातार बढ़ रहे हैं और सरकार ने राज्यों को नए दिशानिर्देश जारी किए हैं ताकि हालात काबू में रहें।",
            "(इनपुट- भाषा, एएनआई)",
        ] {
            assert_eq!(meta(text).dateline, None, "{text}");
        }
    }
}
