//! Fuzz the figure parser: no input may panic it, and every span it returns must lie on UTF-8
//! character boundaries inside the text, with start < end.
//!
//! Run from the repository root (needs `cargo install cargo-fuzz`):
//! `mkdir -p fuzz/corpus/figure && cargo +nightly fuzz run figure fuzz/corpus/figure fuzz/seeds`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tathya::Grammars;
use tathya::document::Lang;
use tathya::extract::figure::parse_figures;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let g = &Grammars::builtin().figure;
    for lang in [Lang::Hi, Lang::En] {
        for (span, fig) in parse_figures(&text, lang, g) {
            assert!(span.start < span.end, "empty or reversed span {span:?}");
            assert!(span.end <= text.len(), "span {span:?} past the end");
            assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            assert!(!fig.value.is_nan(), "NaN value for {:?}", &text[span.start..span.end]);
        }
    }
});
