//! Embeds every file under `grammars/` so that a grammar file cannot be forgotten:
//! the list is made here, and a test checks that every embedded file is read by a module.

use std::fmt::Write as _;
use std::path::Path;

fn walk(dir: &Path, root: &Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<_> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            walk(&p, root, out);
        } else if p.extension().is_some_and(|e| e == "toml") {
            let rel = p
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            out.push(rel);
        }
    }
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("grammars");
    println!("cargo:rerun-if-changed=grammars");
    let mut files = Vec::new();
    walk(&root, &root, &mut files);
    for f in &files {
        println!("cargo:rerun-if-changed=grammars/{f}");
    }
    let mut code = String::from(
        "/// Every grammar file embedded at build time: (path under grammars/, contents).\npub static BUILTIN: &[(&str, &str)] = &[\n",
    );
    for f in &files {
        let abs = root.join(f);
        writeln!(
            code,
            "    ({f:?}, include_str!({:?})),",
            abs.to_string_lossy()
        )
        .unwrap();
    }
    code.push_str("];\n");
    let out = Path::new(&std::env::var("OUT_DIR").unwrap()).join("grammars.rs");
    std::fs::write(out, code).unwrap();
}
