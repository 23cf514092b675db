//! Recall of the CASUALTIES-ARG figures of the FIRE 2018 disaster corpus
//! (`../shared/corpora/hi_fire2018_disaster_events`, not bundled: its licence keeps it out of the
//! repository). Run with `cargo test --release --test eval_fire -- --ignored --nocapture`;
//! it skips, saying so, when `../shared` is absent.
//!
//! A casualty span counts when it contains a number (digits or a number word the figure grammar
//! knows); it is recalled when a figure claim overlaps it.

mod common;

use tathya::ClaimKind;

#[test]
#[ignore = "evaluation over ../shared; run with --ignored"]
fn fire_casualty_recall() {
    let Some(corpus) = common::fire_corpus("CASUALTIES-ARG") else {
        return;
    };
    let number_words = [
        "एक",
        "दो",
        "तीन",
        "चार",
        "पांच",
        "पाँच",
        "छह",
        "छः",
        "सात",
        "आठ",
        "नौ",
        "दस",
        "ग्यारह",
        "बारह",
        "दर्जन",
        "सैकड़ों",
        "हजारों",
        "हज़ारों",
        "सौ",
        "हजार",
        "हज़ार",
        "लाख",
        "करोड़",
        "बीस",
        "तीस",
        "चालीस",
        "पचास",
    ];
    let (mut total, mut recalled, mut no_number) = (0usize, 0usize, 0usize);
    let mut misses = Vec::new();
    for fd in &corpus {
        for &(s, e) in &fd.spans {
            let span = &fd.doc.text[s..e];
            let has_number = span
                .chars()
                .any(|c| c.is_ascii_digit() || ('०'..='९').contains(&c))
                || span
                    .split_whitespace()
                    .any(|w| number_words.iter().any(|n| w.starts_with(n)));
            if !has_number {
                no_number += 1;
                continue;
            }
            total += 1;
            let hit = fd
                .doc
                .claims
                .iter()
                .any(|c| matches!(c.detail, ClaimKind::Figure(_)) && c.start < e && s < c.end);
            if hit {
                recalled += 1;
            } else if misses.len() < 40 {
                misses.push(span.to_string());
            }
        }
    }
    let recall = recalled as f64 / total.max(1) as f64;
    println!(
        "FIRE 2018 CASUALTIES-ARG with a number: {total}; recalled by a figure claim: {recalled} ({:.1}%); spans without a number, not counted: {no_number}",
        recall * 100.0
    );
    println!("first misses: {misses:#?}");
    assert!(total > 0);
    assert!(recall >= 0.85, "recall {recall:.3} below 0.85");
}
