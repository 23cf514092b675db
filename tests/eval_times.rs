//! Recall of the calendar TIME-ARG spans of the FIRE 2018 disaster corpus
//! (`../shared/corpora/hi_fire2018_disaster_events`, not bundled: its licence keeps it out of the
//! repository). Run with `cargo test --test eval_times -- --ignored --nocapture`; it skips, saying
//! so, when `../shared` is absent.
//!
//! A TIME-ARG span counts when it names a calendar day, month or relative day — a weekday, a
//! month, पिछले/बीते/गत, आज/कल/परसों — per the time grammar's own words (times of day such as
//! "शाम पांच बजे" are not calendar times and are not counted). It is recalled when a time claim
//! overlaps it. The corpus pages carry no publication date, so values are not checked here.

mod common;

use tathya::{ClaimKind, Grammars};

#[test]
#[ignore = "evaluation over ../shared; run with --ignored"]
fn fire_time_recall() {
    let Some(corpus) = common::fire_corpus("TIME-ARG") else {
        return;
    };
    let lx = &Grammars::builtin().time.lexicon;
    let calendar_word = |w: &str| {
        let n = tathya::extract::time::lexicon::normalize(w);
        lx.month(&n).is_some_and(|m| !m.1)
            || lx.weekday(&n).is_some_and(|d| !d.1)
            || ["पिछले", "बीते", "गत", "आज", "कल", "परसों"].contains(&n.as_str())
    };
    let (mut total, mut recalled) = (0usize, 0usize);
    let mut misses = Vec::new();
    for fd in &corpus {
        for &(s, e) in &fd.spans {
            let span = &fd.doc.text[s..e];
            if !span
                .split(|c: char| !(c.is_alphanumeric() || ('\u{0900}'..='\u{097F}').contains(&c)))
                .any(calendar_word)
            {
                continue;
            }
            total += 1;
            let hit = fd
                .doc
                .claims
                .iter()
                .any(|c| matches!(c.detail, ClaimKind::Time(_)) && c.start < e && s < c.end);
            if hit {
                recalled += 1;
            } else if misses.len() < 40 {
                misses.push(span.to_string());
            }
        }
    }
    let recall = recalled as f64 / total.max(1) as f64;
    println!(
        "FIRE 2018 calendar TIME-ARG spans: {total}; recalled by a time claim: {recalled} ({:.1}%)",
        recall * 100.0
    );
    println!("first misses: {misses:#?}");
    assert!(total > 0);
    assert!(recall >= 0.93, "recall {recall:.3} below 0.93");
}
