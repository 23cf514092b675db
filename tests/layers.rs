//! Layers that only look down: every module of the library imports only from its own layer or
//! a lower one, so the input types can be read (and changed) without the stages above them.
//!
//! The table below places each top-level module of `src/`; the test reads every `src/**/*.rs`,
//! finds the `crate::…` paths in its code (`use` lines and paths in expressions and types alike)
//! and fails naming `file:line` for each path into a higher layer. Unit tests (`#[cfg(test)]`
//! items and `tests.rs` files) may drive a module through the whole pipeline and are not
//! counted; comments and doc examples are skipped. The binary (`main.rs`, `cli/`) is the top.

use std::path::{Path, PathBuf};

/// Layer of each top-level module, lowest first.
const LAYERS: &[(&str, u8)] = &[
    // The input: text as read, its spans, sentences, chrome, language; grammar file loading.
    ("span", 0),
    ("error", 0),
    ("grammar", 0),
    ("document", 0),
    // Tokens and romanisation over the input.
    ("tokens", 1),
    ("romanize", 1),
    // Extractors and what they make.
    ("claim", 2),
    ("finding", 2),
    ("extract", 2),
    // The analysed document and the machine-translation stage that annotates it.
    ("analysis", 3),
    ("mt", 3),
    // Cross-source checking of analysed documents.
    ("check", 4),
    // Composition: the pipeline and the bundle of every stage's grammar.
    ("pipeline", 5),
    ("grammars", 5),
    ("codes", 5),
    // Rendering.
    ("report", 6),
];

/// Items re-exported at the crate root (`crate::analyze`), by the layer they come from.
const ROOT_ITEMS: &[(&str, u8)] = &[
    ("Span", 0),
    ("LoadError", 0),
    ("GrammarError", 0),
    ("GrammarSet", 0),
    ("Lang", 0),
    ("Sentence", 0),
    ("NaiveDate", 0),
    ("CONTRACT_VERSION", 0),
    ("Claim", 2),
    ("ClaimKind", 2),
    ("Finding", 2),
    ("Severity", 2),
    ("Document", 3),
    ("Options", 5),
    ("analyze", 5),
    ("analyze_raw", 5),
    ("Grammars", 5),
];

fn layer_of(name: &str) -> Option<u8> {
    LAYERS
        .iter()
        .chain(ROOT_ITEMS)
        .find(|(n, _)| *n == name)
        .map(|&(_, l)| l)
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("src is readable")
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// The lines of `text` that are library code, with their numbers: comment lines and
/// `#[cfg(test)]` items (to the brace that closes them) are left out.
fn code_lines(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut skip_depth: Option<i64> = None;
    let mut pending_test = false;
    for (i, line) in text.lines().enumerate() {
        let t = line.trim_start();
        if let Some(d) = skip_depth.as_mut() {
            *d += t.matches('{').count() as i64 - t.matches('}').count() as i64;
            if *d <= 0 {
                skip_depth = None;
            }
            continue;
        }
        if t.starts_with("//") {
            continue;
        }
        if t.starts_with("#[cfg(test)]") {
            pending_test = true;
            continue;
        }
        if pending_test {
            if t.starts_with("#[") || t.is_empty() {
                continue;
            }
            pending_test = false;
            let d = t.matches('{').count() as i64 - t.matches('}').count() as i64;
            if d > 0 {
                skip_depth = Some(d);
            }
            continue;
        }
        out.push((i + 1, line));
    }
    out
}

/// The first segment after each `crate::` in a line, with `use crate::{a, b}` groups expanded.
fn crate_paths(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(k) = rest.find("crate::") {
        let before = &rest[..k];
        rest = &rest[k + "crate::".len()..];
        // `tathya_crate::`, `other_crate::` are not this crate.
        if before.ends_with(|c: char| c.is_alphanumeric() || c == '_') {
            continue;
        }
        if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            for part in group[..end].split(',') {
                let name: String = part
                    .trim()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() {
                    out.push(name);
                }
            }
            continue;
        }
        let name: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        if !name.is_empty() {
            out.push(name);
        }
    }
    out
}

#[test]
fn modules_import_only_from_their_layer_or_below() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut errors = Vec::new();
    let mut checked = 0;
    for f in &files {
        let rel = f
            .strip_prefix(&src)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        // The crate root re-exports everything; the binary is the top layer.
        if rel == "lib.rs"
            || rel == "main.rs"
            || rel.starts_with("cli/")
            || rel.ends_with("/tests.rs")
        {
            continue;
        }
        let module = rel.split(['/', '.']).next().unwrap();
        let Some(own) = layer_of(module) else {
            errors.push(format!(
                "src/{rel}: module `{module}` has no layer in the table"
            ));
            continue;
        };
        let text = std::fs::read_to_string(f).unwrap();
        for (n, line) in code_lines(&text) {
            for target in crate_paths(line) {
                checked += 1;
                match layer_of(&target) {
                    None => errors.push(format!(
                        "src/{rel}:{n}: `crate::{target}` has no layer in the table"
                    )),
                    Some(l) if l > own => errors.push(format!(
                        "src/{rel}:{n}: `{module}` (layer {own}) imports `crate::{target}` \
                         (layer {l})"
                    )),
                    Some(_) => {}
                }
            }
        }
    }
    assert!(
        checked > 100,
        "only {checked} crate paths found: is the reader broken?"
    );
    // A module the table names must exist (a stale row would hide a renamed module).
    for (m, _) in LAYERS {
        if !src.join(format!("{m}.rs")).is_file() && !src.join(m).join("mod.rs").is_file() {
            errors.push(format!(
                "the table names `{m}`, which is not a module of src/"
            ));
        }
    }
    assert!(
        errors.is_empty(),
        "{} imports from a higher layer:\n{}",
        errors.len(),
        errors.join("\n")
    );
}

#[test]
fn the_reader_sees_grouped_paths_and_skips_tests() {
    assert_eq!(
        crate_paths("use crate::{claim::Claim, span::Span};"),
        ["claim", "span"]
    );
    assert_eq!(
        crate_paths("let x = crate::mt::apply(crate::span::Span::new(0, 1));"),
        ["mt", "span"]
    );
    assert!(crate_paths("use other_crate::mt;").is_empty());
    let text = "use crate::span::Span;\n#[cfg(test)]\nmod tests {\n    use crate::pipeline::analyze;\n}\nfn f() {}\n";
    let lines: Vec<usize> = code_lines(text).into_iter().map(|(n, _)| n).collect();
    assert_eq!(lines, [1, 6]);
}
