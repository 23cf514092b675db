//! Every grammar file's `[[example]]` tables run through the whole pipeline, and every grammar
//! file on disk must be read by some module (a file nothing reads is a file someone forgot to wire in).

mod common;

use tathya::{GrammarSet, Grammars, Lang};

#[test]
fn every_grammar_file_is_wired_in() {
    let set = GrammarSet::builtin();
    let g = Grammars::from_set(&set).expect("built-in grammars compile");
    let on_disk: Vec<String> = set.paths().map(str::to_string).collect();
    assert!(!on_disk.is_empty());
    let unread: Vec<&String> = on_disk.iter().filter(|p| !g.files.contains(*p)).collect();
    assert!(
        unread.is_empty(),
        "grammar files that no module reads: {unread:?}"
    );
}

#[test]
fn every_grammar_example_holds() {
    let set = GrammarSet::builtin();
    let mut failures = Vec::new();
    let mut count = 0;
    for path in set.paths() {
        let text = set.text(path).unwrap();
        let examples = tathya::grammar::examples(text)
            .unwrap_or_else(|e| panic!("{path}: bad [[example]] tables: {e}"));
        let default_lang = match path.split('/').next() {
            Some("hi") => Some(Lang::Hi),
            Some("en") => Some(Lang::En),
            _ => None,
        };
        for (i, ex) in examples.iter().enumerate() {
            count += 1;
            let lang = ex
                .lang
                .as_deref()
                .map(|l| l.parse::<Lang>().expect("example lang"))
                .or(default_lang);
            let doc = common::analyze(&ex.text, lang, ex.published.as_deref());
            let items = common::items(&doc);
            for want in &ex.expect {
                let want = serde_json::to_value(want).unwrap();
                if !items.iter().any(|it| common::subset(&want, it)) {
                    let kind = want.get("kind").cloned().unwrap_or_default();
                    let found: Vec<_> = items
                        .iter()
                        .filter(|it| it.get("kind") == Some(&kind))
                        .collect();
                    failures.push(format!(
                        "{path} example {i} ({:?}): expected {want}\n    found: {found:?}",
                        ex.text
                    ));
                }
            }
            for bad in &ex.absent {
                let bad = serde_json::to_value(bad).unwrap();
                if let Some(hit) = items.iter().find(|it| common::subset(&bad, it)) {
                    failures.push(format!(
                        "{path} example {i} ({:?}): must not find {bad}\n    found: {hit}",
                        ex.text
                    ));
                }
            }
        }
    }
    assert!(count > 0, "no grammar examples at all");
    assert!(
        failures.is_empty(),
        "{} grammar example failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
