//! Fuzz the whole `claims` pipeline (chrome, metadata, sentences, every extractor, entities and
//! the machine-translation stage) and every renderer of its result: no input may panic, every
//! claim, finding and sentence span must lie on character boundaries inside the text, and the
//! JSON output must stay bounded by the input (at most ~20× plus a constant).
//!
//! Run from the repository root (needs `cargo install cargo-fuzz`):
//! `mkdir -p fuzz/corpus/claims && cargo +nightly fuzz run claims fuzz/corpus/claims fuzz/seeds`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tathya::document::Lang;
use tathya::report::{json, text};
use tathya::{Grammars, Options, Span, analyze};

fn check_span(text: &str, s: Span, what: &str) {
    assert!(s.start <= s.end, "{what}: reversed span {s:?}");
    assert!(s.end <= text.len(), "{what}: span {s:?} past the end ({})", text.len());
    assert!(
        text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
        "{what}: span {s:?} cuts a character"
    );
}

fuzz_target!(|data: &[u8]| {
    // The first byte picks the language (detected, Hindi, English) and whether MT runs, so one
    // corpus explores every path.
    let Some((&mode, rest)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(rest).into_owned();
    let lang = match mode % 3 {
        0 => None,
        1 => Some(Lang::Hi),
        _ => Some(Lang::En),
    };
    let opts = Options { lang, skip_mt: mode & 4 != 0 };
    let g = Grammars::builtin();
    let doc = analyze("fuzz.txt", text, None, &opts, g);
    let t = &doc.text;
    for s in &doc.sentences {
        check_span(t, s.span(), "sentence");
    }
    for c in &doc.claims {
        check_span(t, c.span(), "claim");
    }
    for f in &doc.findings {
        check_span(t, f.span(), "finding");
    }
    let line = json::document_line(&doc);
    assert!(
        line.len() <= 20 * t.len() + 64 * 1024,
        "JSON of {} bytes for {} bytes of input",
        line.len(),
        t.len()
    );
    let _ = text::document(&doc, &tathya::report::Style { color: false });
});
