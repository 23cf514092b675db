//! Input options shared by every subcommand that reads articles.

use std::io::BufReader;
use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::ValueEnum;
use tathya::document::load::{self, RawDoc};
use tathya::{GrammarSet, Grammars, Lang};

/// How inputs are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum InputFormat {
    /// Each file is one article (directories are read recursively, sorted).
    #[default]
    Text,
    /// Each file is JSON Lines: one record per line with `id` and `text`, optional `lang` and `published`.
    Jsonl,
    /// Claims records as `claims --format jsonl` writes them, checked without a second analysis
    /// (`check` only).
    Claims,
}

#[derive(clap::Args, Debug, Clone)]
pub struct InputArgs {
    /// Files or directories to read; `-` reads standard input.
    #[arg(value_name = "PATHS", required = true)]
    pub paths: Vec<PathBuf>,
    /// How to read the inputs.
    #[arg(long, value_enum, default_value_t = InputFormat::Text)]
    pub input: InputFormat,
    /// Force the language instead of detecting it by script (hi, en, other).
    #[arg(long, value_parser = parse_lang)]
    pub lang: Option<Lang>,
    /// Read grammar files from DIR, replacing the built-in ones of the same name.
    #[arg(long, value_name = "DIR")]
    pub grammars: Option<PathBuf>,
    /// Largest document to read, in bytes.
    #[arg(long, default_value_t = load::DEFAULT_MAX_BYTES)]
    pub max_bytes: u64,
    /// No progress bar (it is shown on standard error only when that is a terminal).
    #[arg(long, short)]
    pub quiet: bool,
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    s.parse()
}

/// Documents held for `--format json` before a warning that it buffers.
pub const BUFFER_WARNING: usize = 1000;

/// Print a warning with its finding code on standard error.
pub fn warn(code: &tathya::finding::CodeDoc, message: &str) {
    eprintln!(
        "tathya: warning[{}]: {}",
        code.code,
        tathya::report::escape::terminal_line(message)
    );
}

/// Print a document that could not be read or analysed on standard error: its id and errors,
/// one line, escaped.
pub fn report_failed(doc: &tathya::Document) {
    eprintln!(
        "tathya: {}: {}",
        tathya::report::escape::terminal_line(&doc.id),
        tathya::report::escape::terminal_line(&doc.errors.join("; "))
    );
}

/// Ids seen so far in a run: a second document with one id is a warning.
#[derive(Default)]
pub struct Ids(tathya::tokens::FxHashSet<String>);

impl Ids {
    /// Note `id`; warn when it was seen before.
    pub fn note(&mut self, id: &str) {
        if !self.0.insert(id.to_string()) {
            warn(
                &tathya::finding::document::DUPLICATE_ID,
                &format!(
                    "duplicate id {id:?}: two documents have this id and cannot be told apart"
                ),
            );
        }
    }
}

impl InputArgs {
    /// True when a path is `-` (standard input).
    pub fn reads_stdin(&self) -> bool {
        self.paths.iter().any(|p| p.as_os_str() == "-")
    }

    /// Compile the grammars (built-in, or with overrides).
    pub fn grammars(&self) -> Result<&'static Grammars> {
        match &self.grammars {
            None => Ok(Grammars::builtin()),
            Some(dir) => {
                let set = GrammarSet::with_overrides(dir)?;
                let g = Grammars::from_set(&set).context("loading grammars")?;
                Ok(Box::leak(Box::new(g)))
            }
        }
    }

    /// A progress bar over the inputs' total size (shown only on a terminal, never with --quiet).
    pub fn progress(&self) -> super::output::Progress {
        let quiet = self.quiet || !std::io::IsTerminal::is_terminal(&std::io::stderr());
        let total = if quiet || self.paths.iter().any(|p| p.as_os_str() == "-") {
            0
        } else {
            load::expand_paths(&self.paths)
                .iter()
                .filter_map(|p| std::fs::metadata(p).ok())
                .map(|m| m.len())
                .sum()
        };
        super::output::Progress::new(total, quiet)
    }

    /// Every claims record (`--input claims`), lazily, in order: the document as analysed and its
    /// story key.
    pub fn records(&self) -> Box<dyn Iterator<Item = (tathya::Document, Option<String>)> + '_> {
        use tathya::analysis::record;
        let max = self.max_bytes;
        Box::new(self.paths.iter().flat_map(
            move |p| -> Box<dyn Iterator<Item = (tathya::Document, Option<String>)>> {
                if p.as_os_str() == "-" {
                    Box::new(record::records("-", BufReader::new(std::io::stdin()), max))
                } else {
                    Box::new(
                        load::expand_paths(std::slice::from_ref(p))
                            .into_iter()
                            .flat_map(
                                move |f| -> Box<
                                    dyn Iterator<Item = (tathya::Document, Option<String>)>,
                                > {
                                    let id = f.display().to_string();
                                    match std::fs::File::open(&f) {
                                        Ok(file) => Box::new(record::records(
                                            &id,
                                            BufReader::new(file),
                                            max,
                                        )),
                                        Err(e) => Box::new(std::iter::once((
                                            tathya::Document::failed(id, e),
                                            None,
                                        ))),
                                    }
                                },
                            ),
                    )
                }
            },
        ))
    }

    /// Every input document, lazily, in order.
    pub fn docs(&self) -> Box<dyn Iterator<Item = RawDoc> + '_> {
        let max = self.max_bytes;
        match self.input {
            InputFormat::Claims => Box::new(self.paths.iter().map(|p| RawDoc {
                id: p.display().to_string(),
                text: Err(tathya::LoadError::Io(
                    "--input claims is read by `tathya check` only".to_string(),
                )),
                lang: None,
                published: None,
                outlet: None,
            })),
            InputFormat::Text => Box::new(self.paths.iter().flat_map(
                move |p| -> Box<dyn Iterator<Item = RawDoc>> {
                    if p.as_os_str() == "-" {
                        Box::new(std::iter::once(load::read_reader(
                            "-",
                            std::io::stdin().lock(),
                            max,
                        )))
                    } else {
                        Box::new(
                            load::expand_paths(std::slice::from_ref(p))
                                .into_iter()
                                .map(move |f| load::read_file(&f, max)),
                        )
                    }
                },
            )),
            InputFormat::Jsonl => Box::new(self.paths.iter().flat_map(
                move |p| -> Box<dyn Iterator<Item = RawDoc>> {
                    if p.as_os_str() == "-" {
                        Box::new(load::jsonl_records(
                            "-",
                            BufReader::new(std::io::stdin()),
                            max,
                        ))
                    } else {
                        let files = load::expand_paths(std::slice::from_ref(p));
                        Box::new(files.into_iter().flat_map(
                            move |f| -> Box<dyn Iterator<Item = RawDoc>> {
                                let id = f.display().to_string();
                                match std::fs::File::open(&f) {
                                    Ok(file) => Box::new(load::jsonl_records(
                                        &id,
                                        BufReader::new(file),
                                        max,
                                    )),
                                    Err(e) => Box::new(std::iter::once(RawDoc {
                                        id,
                                        text: Err(tathya::LoadError::Io(e.to_string())),
                                        lang: None,
                                        published: None,
                                        outlet: None,
                                    })),
                                }
                            },
                        ))
                    }
                },
            )),
        }
    }
}

/// `raws` analysed in parallel, in their order, each ticking `progress` by its size once `then`
/// has run on it (a second stage on the analysed document, or nothing).
pub fn analyze_all(
    raws: Vec<RawDoc>,
    opts: &tathya::Options,
    g: &Grammars,
    progress: &super::output::Progress,
    then: impl Fn(&mut tathya::Document) + Sync,
) -> Vec<tathya::Document> {
    use rayon::prelude::*;
    raws.into_par_iter()
        .map(|raw| {
            let mut d = tathya::analyze_raw(raw, opts, g);
            then(&mut d);
            progress.tick(d.text.len());
            d
        })
        .collect()
}
