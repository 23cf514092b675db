//! The rendered `tathya mt` listing of the machine-translated seed article, as an editor reads it.

mod common;

use tathya::report::Style;

#[test]
fn seed_004_listing() {
    let path = common::corpus_dir().join("004_e88fc5b0d66a22c9.txt");
    let text = std::fs::read_to_string(&path).expect("seed 004");
    let doc = common::analyze(&text, None, None);
    let mut doc = doc;
    doc.id = "004_e88fc5b0d66a22c9.txt".into();
    let listing = tathya::report::mt::text(&doc, None, &Style { color: false });
    common::settings().bind(|| insta::assert_snapshot!("mt_listing_004", listing));
}
