//! Fuzz `check` on two documents: the input is split at the first 0xFF byte (never valid UTF-8,
//! so it cannot be part of either text) into two articles, both analysed, then compared. No
//! input may panic; every member of a claim group must point at a real claim; every renderer
//! (text, JSON, JSONL, Markdown) must run.
//!
//! Run from the repository root (needs `cargo install cargo-fuzz`):
//! `mkdir -p fuzz/corpus/check && cargo +nightly fuzz run check fuzz/corpus/check fuzz/seeds`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tathya::check::{CheckOptions, check};
use tathya::report::{Style, check_json, check_markdown, check_text};
use tathya::{Grammars, Options, analyze};

fuzz_target!(|data: &[u8]| {
    let (a, b) = match data.iter().position(|&b| b == 0xFF) {
        Some(i) => (&data[..i], &data[i + 1..]),
        // Without a separator the document is compared with a copy of itself: duplicates are
        // a case of their own.
        None => (data, data),
    };
    let g = Grammars::builtin();
    let opts = Options { lang: None, skip_mt: true };
    let docs = vec![
        analyze("a.txt", String::from_utf8_lossy(a).into_owned(), None, &opts, g),
        analyze("b.txt", String::from_utf8_lossy(b).into_owned(), None, &opts, g),
    ];
    let report = check(&docs, &CheckOptions::default(), g);
    for s in &report.stories {
        for gr in &s.groups {
            for m in &gr.members {
                assert!(m.doc < docs.len(), "member of an unknown document");
            }
        }
    }
    let _ = check_json::report(&report, &docs);
    let _ = check_json::lines(&report, &docs);
    let _ = check_markdown::report(&report, &docs);
    let _ = check_text::report(&report, &docs, &Style { color: false });
});
