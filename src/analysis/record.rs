//! Claims records: one analysed document as one JSON line, written by `claims --format jsonl`
//! and read back by `check --input claims`, so extraction and checking run as two stages (on one
//! machine through a pipe, or as the map and reduce stages of a partitioned job).
//!
//! A record is the document's JSON (contract v1) plus three fields (contract 1.1):
//!
//! - `text`: the text exactly as read, which every span points into;
//! - `story_key`: the publication-date bucket the document belongs to (`2020-03-30/7d`: the
//!   bucket's first day and its width; `undated` without a date);
//! - `story_keys`: every bucket whose reducer must see the document: its own first, then each
//!   neighbour bucket that lies within the story window of its date.
//!
//! Neighbouring keys meet through the halo: a pair of documents can share a story only when
//! their dates are within the window, and the earlier one's bucket receives the later one (every
//! document also goes to each bucket within the window before it). So each bucket's reducer scores
//! the pairs whose earlier document it owns, with run-wide term frequencies (the sum of every
//! bucket's own counts), exactly as one machine scores them. Linking those pairs into stories is
//! one small step over the pairs alone (`check --link`); the documents of each story then go to
//! one reducer (`check --plan`). The key holds no entity: check joins documents on shared
//! sentences and frames as well as names, and two outlets may lead with different people, so an
//! entity in the partition key would split stories that one machine keeps together.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize};

use crate::analysis::Document;
use crate::mt::{DocumentMt, SentenceMt};

/// The key of documents without a publication date: they form one partition of their own.
pub const UNDATED: &str = "undated";

/// How documents are bucketed into story keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bucketing {
    /// Width of a date bucket, in days (at least 1).
    pub bucket_days: i64,
    /// The story window of `check` (`--window-days`): documents further apart are never one story.
    pub window_days: i64,
}

impl Default for Bucketing {
    fn default() -> Self {
        Bucketing {
            bucket_days: 7,
            window_days: 3,
        }
    }
}

/// Days since 1970-01-01.
fn day_number(d: NaiveDate) -> i64 {
    i64::from(d.num_days_from_ce()) - 719_163
}

impl Bucketing {
    fn width(&self) -> i64 {
        self.bucket_days.max(1)
    }

    /// The key of the bucket numbered `b`.
    fn key_of(&self, b: i64) -> String {
        let first = NaiveDate::from_num_days_from_ce_opt(
            i32::try_from(b * self.width() + 719_163).unwrap_or(i32::MAX),
        );
        match first {
            Some(d) => format!("{}/{}d", d.format("%Y-%m-%d"), self.width()),
            None => format!("b{b}/{}d", self.width()),
        }
    }

    /// The document's own story key.
    pub fn key(&self, published: Option<NaiveDate>) -> String {
        match published {
            Some(d) => self.key_of(day_number(d).div_euclid(self.width())),
            None => UNDATED.to_string(),
        }
    }

    /// Every key whose reducer must see a document published on `published`: its own bucket
    /// first, then the buckets that hold a day within the window of it (in date order).
    pub fn keys(&self, published: Option<NaiveDate>) -> Vec<String> {
        let Some(d) = published else {
            return vec![UNDATED.to_string()];
        };
        let t = day_number(d);
        let w = self.width();
        let h = self.window_days.max(0);
        let own = t.div_euclid(w);
        let mut out = vec![self.key_of(own)];
        for b in (t - h).div_euclid(w)..=(t + h).div_euclid(w) {
            if b != own {
                out.push(self.key_of(b));
            }
        }
        out
    }
}

/// A claims record as written: the document, its text and its story keys.
#[derive(Serialize)]
pub struct Record<'a> {
    /// The document's JSON (contract v1).
    #[serde(flatten)]
    pub doc: &'a Document,
    /// The text as read.
    pub text: &'a str,
    /// The document's own date bucket.
    pub story_key: String,
    /// Every bucket whose reducer must see it (own first).
    pub story_keys: Vec<String>,
}

impl<'a> Record<'a> {
    /// The record of `doc`.
    pub fn new(doc: &'a Document, b: &Bucketing) -> Self {
        Record {
            doc,
            text: &doc.text,
            story_key: b.key(doc.published),
            story_keys: b.keys(doc.published),
        }
    }
}

#[derive(Deserialize)]
struct KeyOnly {
    #[serde(default)]
    story_key: Option<String>,
    #[serde(default)]
    text: Option<serde::de::IgnoredAny>,
    #[serde(default)]
    errors: Vec<serde::de::IgnoredAny>,
}

/// Read one claims record: the document as `claims` analysed it, and its story key (when the
/// record has one). A line that is not a record (a document's JSON without its `text` is not)
/// is an error; the caller reports it and goes on.
pub fn read(line: &str) -> Result<(Document, Option<String>), serde_json::Error> {
    let doc: Document = serde_json::from_str(line)?;
    let k = serde_json::from_str::<KeyOnly>(line)?;
    if k.text.is_none() && k.errors.is_empty() {
        return Err(serde::de::Error::custom(
            "no `text`: claims records are written by `tathya claims --format jsonl`",
        ));
    }
    Ok((doc, k.story_key))
}

/// A claims record is larger than its text (sentences, claims, entities): lines up to this many
/// times the largest text are read.
pub const RECORD_SIZE_FACTOR: u64 = 16;

/// Every claims record of `reader`, lazily, in order: the document and its story key. A line that
/// cannot be read (not UTF-8, too long, not a record) becomes a failed document named
/// `source:line`, and reading goes on; blank lines are skipped.
pub fn records<R: std::io::BufRead>(
    source: &str,
    mut reader: R,
    max_bytes: u64,
) -> impl Iterator<Item = (Document, Option<String>)> + use<R> {
    use crate::document::load::{Line, read_line_bounded};
    let source = source.to_string();
    let mut line_no = 0usize;
    let mut done = false;
    let max = max_bytes.saturating_mul(RECORD_SIZE_FACTOR);
    std::iter::from_fn(move || {
        loop {
            if done {
                return None;
            }
            line_no += 1;
            let at = || format!("{source}:{line_no}");
            let bytes = match read_line_bounded(&mut reader, max) {
                Ok(None) => return None,
                Ok(Some(Line::TooLong(size))) => {
                    return Some((
                        Document::failed(
                            at(),
                            format!("a claims record of {size} bytes is over the limit of {max}"),
                        ),
                        None,
                    ));
                }
                Ok(Some(Line::Bytes(b))) => b,
                Err(e) => {
                    done = true;
                    return Some((Document::failed(at(), e), None));
                }
            };
            let bytes = bytes.strip_suffix(b"\r").unwrap_or(&bytes);
            let line = match std::str::from_utf8(bytes) {
                Ok(l) => l,
                Err(e) => {
                    return Some((
                        Document::failed(
                            at(),
                            format!("not UTF-8 at byte {} of the line", e.valid_up_to()),
                        ),
                        None,
                    ));
                }
            };
            let line = line.strip_prefix('\u{feff}').unwrap_or(line);
            if line.trim().is_empty() {
                continue;
            }
            return Some(match read(line) {
                Ok(x) => x,
                Err(e) => (
                    Document::failed(at(), format!("not a claims record: {e}")),
                    None,
                ),
            });
        }
    })
}

/// Reads a `YYYY-MM-DD` date (or null).
pub(crate) fn de_date<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    match Option::<String>::deserialize(d)? {
        None => Ok(None),
        Some(s) => NaiveDate::parse_from_str(&s, "%Y-%m-%d")
            .map(Some)
            .map_err(serde::de::Error::custom),
    }
}

/// The MT fields as written (`SentenceMt` and `DocumentMt` only serialise).
#[derive(Deserialize)]
struct SentenceMtWire {
    #[serde(deserialize_with = "crate::claim::de_num")]
    score: f64,
    flagged: bool,
    codes: Vec<String>,
}

#[derive(Deserialize)]
struct DocumentMtWire {
    #[serde(deserialize_with = "crate::claim::de_num")]
    suspect_share: f64,
    flagged: usize,
    disclosed_automatic: bool,
    translation_tags: bool,
}

pub(crate) fn de_sentence_mt<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<SentenceMt>, D::Error> {
    Ok(
        Option::<SentenceMtWire>::deserialize(d)?.map(|w| SentenceMt {
            score: w.score,
            flagged: w.flagged,
            codes: w.codes.iter().map(|c| crate::finding::intern(c)).collect(),
        }),
    )
}

pub(crate) fn de_document_mt<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<DocumentMt>, D::Error> {
    Ok(
        Option::<DocumentMtWire>::deserialize(d)?.map(|w| DocumentMt {
            suspect_share: w.suspect_share,
            flagged: w.flagged,
            disclosed_automatic: w.disclosed_automatic,
            translation_tags: w.translation_tags,
        }),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
    }

    #[test]
    fn keys_hold_every_bucket_within_the_window() {
        let b = Bucketing {
            bucket_days: 7,
            window_days: 3,
        };
        // 1970-01-01 + 7k: buckets start on Thursdays.
        assert_eq!(b.key(day("2020-04-02")), "2020-04-02/7d");
        assert_eq!(b.key(day("2020-04-08")), "2020-04-02/7d");
        assert_eq!(b.keys(day("2020-04-05")), vec!["2020-04-02/7d"]);
        assert_eq!(
            b.keys(day("2020-04-02")),
            vec!["2020-04-02/7d", "2020-03-26/7d"]
        );
        assert_eq!(
            b.keys(day("2020-04-07")),
            vec!["2020-04-02/7d", "2020-04-09/7d"]
        );
        assert_eq!(b.keys(None), vec![UNDATED]);
        // Any two dates within the window: the earlier one's bucket holds both.
        for a in 0..40 {
            for k in 0..=3 {
                let (x, y) = (
                    NaiveDate::from_ymd_opt(2020, 3, 1).unwrap() + chrono::Days::new(a),
                    NaiveDate::from_ymd_opt(2020, 3, 1).unwrap() + chrono::Days::new(a + k),
                );
                let own = b.key(Some(x));
                assert!(b.keys(Some(y)).contains(&own), "{x} {y}");
            }
        }
    }

    #[test]
    fn a_window_wider_than_a_bucket_reaches_several_buckets() {
        let b = Bucketing {
            bucket_days: 1,
            window_days: 2,
        };
        assert_eq!(b.keys(day("2020-04-02")).len(), 5);
    }
}
