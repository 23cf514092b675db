//! Grammars are data: word lists and patterns per language in `grammars/<lang>/*.toml`.
//!
//! Every file under `grammars/` is embedded at build time (see `build.rs`); `--grammars DIR`
//! replaces any of them at run time. Each module that needs data owns a typed view of its
//! files and builds it from a [`GrammarSet`] with [`GrammarSet::parse`], which records which
//! files were read, so a test can fail on a file that nothing reads.
//!
//! Every file may carry `[[example]]` tables (input → expected claims); `tests/grammar_examples.rs`
//! runs them all through the whole pipeline.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::Mutex;

use serde::de::DeserializeOwned;

use crate::error::GrammarError;

mod builtin {
    include!(concat!(env!("OUT_DIR"), "/grammars.rs"));
}

/// The raw grammar files: path under `grammars/` → TOML text.
#[derive(Debug)]
pub struct GrammarSet {
    files: BTreeMap<String, String>,
    read: Mutex<BTreeSet<String>>,
}

impl GrammarSet {
    /// The files embedded at build time.
    pub fn builtin() -> Self {
        GrammarSet {
            files: builtin::BUILTIN
                .iter()
                .map(|(p, t)| (p.to_string(), t.to_string()))
                .collect(),
            read: Mutex::new(BTreeSet::new()),
        }
    }

    /// The embedded files, with every `*.toml` under `dir` replacing (or adding to) them.
    pub fn with_overrides(dir: &Path) -> Result<Self, GrammarError> {
        let mut set = Self::builtin();
        let mut stack = vec![dir.to_path_buf()];
        if !dir.is_dir() {
            return Err(GrammarError::Dir {
                dir: dir.display().to_string(),
            });
        }
        while let Some(d) = stack.pop() {
            let rd = std::fs::read_dir(&d).map_err(|e| GrammarError::Io {
                file: d.display().to_string(),
                message: e.to_string(),
            })?;
            for entry in rd.flatten() {
                let p = entry.path();
                if p.is_dir() {
                    stack.push(p);
                } else if p.extension().is_some_and(|e| e == "toml") {
                    let rel = p
                        .strip_prefix(dir)
                        .unwrap_or(&p)
                        .to_string_lossy()
                        .replace('\\', "/");
                    let text = std::fs::read_to_string(&p).map_err(|e| GrammarError::Io {
                        file: p.display().to_string(),
                        message: e.to_string(),
                    })?;
                    if !set.files.contains_key(&rel) {
                        // The nearest known path, for the message.
                        let example = set
                            .files
                            .keys()
                            .max_by(|a, b| {
                                strsim::normalized_levenshtein(a, &rel)
                                    .total_cmp(&strsim::normalized_levenshtein(b, &rel))
                            })
                            .cloned()
                            .unwrap_or_default();
                        return Err(GrammarError::Unknown { file: rel, example });
                    }
                    set.files.insert(rel, text);
                }
            }
        }
        Ok(set)
    }

    /// A set made of the given files only (for tests and embedding users).
    pub fn from_files<I, P, T>(files: I) -> Self
    where
        I: IntoIterator<Item = (P, T)>,
        P: Into<String>,
        T: Into<String>,
    {
        GrammarSet {
            files: files
                .into_iter()
                .map(|(p, t)| (p.into(), t.into()))
                .collect(),
            read: Mutex::new(BTreeSet::new()),
        }
    }

    /// Paths of all files in the set, sorted.
    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.files.keys().map(String::as_str)
    }

    /// The raw text of `path`.
    pub fn text(&self, path: &str) -> Option<&str> {
        self.files.get(path).map(String::as_str)
    }

    /// Parse `path` as `T`, recording that it was read. A missing file is an error.
    pub fn parse<T: DeserializeOwned>(&self, path: &str) -> Result<T, GrammarError> {
        let text = self.files.get(path).ok_or_else(|| GrammarError::Missing {
            file: path.to_string(),
        })?;
        self.read
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(path.to_string());
        toml::from_str(text).map_err(|e| GrammarError::Parse {
            file: path.to_string(),
            message: e.to_string(),
        })
    }

    /// Parse every file whose path starts with `prefix` (e.g. `"hi/mt/"`), sorted by path.
    pub fn parse_all<T: DeserializeOwned>(
        &self,
        prefix: &str,
    ) -> Result<Vec<(String, T)>, GrammarError> {
        let paths: Vec<String> = self
            .files
            .keys()
            .filter(|p| p.starts_with(prefix))
            .cloned()
            .collect();
        paths
            .into_iter()
            .map(|p| self.parse(&p).map(|t| (p, t)))
            .collect()
    }

    /// The files read so far by [`GrammarSet::parse`].
    pub fn read_files(&self) -> BTreeSet<String> {
        self.read.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }
}

/// Examples that every grammar file may carry: `[[example]]` tables.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct ExampleFile {
    /// The examples, in file order.
    #[serde(default)]
    pub example: Vec<Example>,
}

/// One example: a text, what must be found in it, and what must not.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct Example {
    /// The input document.
    pub text: String,
    /// Language (defaults to the file's folder, `hi` or `en`).
    #[serde(default)]
    pub lang: Option<String>,
    /// Publication date to resolve relative times against (`YYYY-MM-DD`).
    #[serde(default)]
    pub published: Option<String>,
    /// Items that must be found: each table is matched as a subset of a claim's, chrome line's,
    /// finding's, entity's or sentence's JSON (`kind` = `figure`, `time`, `quote`, `attribution`,
    /// `chrome`, `finding`, `entity`, `sentence`, `meta`).
    #[serde(default)]
    pub expect: Vec<toml::Table>,
    /// Items that must not be found, matched the same way.
    #[serde(default)]
    pub absent: Vec<toml::Table>,
}

/// Parse the examples of one grammar file's text.
pub fn examples(text: &str) -> Result<Vec<Example>, toml::de::Error> {
    toml::from_str::<ExampleFile>(text).map(|f| f.example)
}
