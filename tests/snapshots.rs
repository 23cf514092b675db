//! Regression reports: for every article in `tests/corpus/`, the readable listing and the JSON
//! are kept as snapshots under `snapshots/`, so a grammar or parser change shows as a diff.

mod common;

use tathya::report::{self, Style};
use tathya::{Grammars, Options};

fn analyse(path: &std::path::Path) -> tathya::Document {
    let id = format!(
        "tests/corpus/{}",
        path.file_name().unwrap().to_string_lossy()
    );
    let raw = tathya::document::load::read_file(path, tathya::document::load::DEFAULT_MAX_BYTES);
    let raw = tathya::document::load::RawDoc { id, ..raw };
    tathya::analyze_raw(raw, &Options::default(), Grammars::builtin())
}

#[test]
fn corpus_listing() {
    common::settings().bind(|| {
        insta::glob!("corpus/*.txt", |path| {
            let doc = analyse(path);
            insta::assert_snapshot!(
                "corpus_claims",
                report::text::document(&doc, &Style::default())
            );
        });
    });
}

#[test]
fn corpus_json() {
    common::settings().bind(|| {
        insta::glob!("corpus/*.txt", |path| {
            let doc = analyse(path);
            let json = serde_json::to_string_pretty(&doc).unwrap();
            insta::assert_snapshot!("corpus_json", json);
        });
    });
}

#[test]
fn corpus_is_bundled() {
    let n = std::fs::read_dir(common::corpus_dir()).unwrap().count();
    assert!(
        n >= 5,
        "the five seeds at least belong in tests/corpus ({n} files)"
    );
}
