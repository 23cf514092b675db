//! `tathya mt`: which sentences look machine-translated, and why. Exits 1 when a flagged
//! sentence holds a finding at or above `--fail-on` (by default any flagged sentence, like a
//! linter with findings), 2 when an input could not be read.

use std::io::Write;

use anyhow::{Context, Result, bail};
use tathya::report::mt as mt_report;
use tathya::report::{Style, escape};
use tathya::{Document, Options};

use super::Status;
use super::input::InputArgs;
use super::output::{ColorChoice, FailOn, Format};

#[derive(clap::Args, Debug)]
#[command(
    after_help = "For each document: its id, a summary line (how many body sentences are flagged and what share,\nwhether it discloses an automatic feed or keeps translation tags), then each flagged sentence\n(or each scoring at least --threshold) as line:column, score and rule codes, the sentence, and one\nline per reason (code, rule name, the words, why). `tathya explain CODE` says what a rule catches.\n\nExamples:\n  tathya mt tests/corpus/                          flagged sentences with their reasons\n  tathya mt --threshold 0.2 article.txt            every sentence scoring 0.2 or more\n  tathya mt --format json article.txt\n  tathya mt --original english.txt hindi.txt       check the translation against its original\n  tathya mt --fail-on never folder/                list without failing the run\n  tathya explain M001                              what a rule catches\n\nExit codes: 0 nothing flagged at --fail-on, 1 a flagged sentence with a finding at or above\n--fail-on, 2 an input could not be read."
)]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,
    /// List sentences scoring at or above this (default: the flagged ones).
    #[arg(long, value_name = "SCORE")]
    pub threshold: Option<f64>,
    /// The English original of the (single) Hindi input: adds number, name, negation, date,
    /// length and repetition parity checks.
    #[arg(long, value_name = "FILE")]
    pub original: Option<std::path::PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Exit with 1 when a flagged sentence holds a finding at or above this severity (info,
    /// warning, error, never); info: any flagged sentence.
    #[arg(long, default_value = "info", value_parser = FailOn::parse)]
    pub fail_on: FailOn,
}

pub fn run(args: Args, color: ColorChoice) -> Result<Status> {
    let g = args.input.grammars()?;
    if let Some(t) = args.threshold
        && !(0.0..=1.0).contains(&t)
    {
        bail!("--threshold must be between 0 and 1, not {t}");
    }
    let original = match &args.original {
        // The original goes through the same checks as any input: an empty, binary or
        // oversized original is an error, not an empty comparison.
        Some(p) => Some(
            tathya::document::load::read_file(p, args.input.max_bytes)
                .text
                .with_context(|| format!("reading the original {}", p.display()))?,
        ),
        None => None,
    };
    let opts = Options {
        lang: args.input.lang,
        skip_mt: original.is_some(),
    };
    let raws: Vec<_> = args.input.docs().collect();
    let progress = args.input.progress();
    if original.is_some() && raws.len() != 1 {
        bail!(
            "--original takes exactly one translated document, got {}",
            raws.len()
        );
    }
    let docs = super::input::analyze_all(raws, &opts, g, &progress, |d| {
        if let Some(o) = &original {
            tathya::mt::bilingual::analyze(d, o, g);
        }
    });
    progress.finish();
    let style = Style {
        color: color.enabled(),
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut status = Status::Clean;
    for d in &docs {
        if d.is_failed() {
            status = Status::Error;
            super::input::report_failed(d);
        } else if fails(d, args.fail_on) {
            status = status.max(Status::Findings);
        }
    }
    match args.format {
        Format::Text => {
            // A document that could not be read is reported once, on standard error.
            for (i, d) in docs.iter().filter(|d| !d.is_failed()).enumerate() {
                if i > 0 {
                    out.write_all(b"\n")?;
                }
                let text = mt_report::text(d, args.threshold, &style);
                out.write_all(escape::listing(&text, style.color).as_bytes())?;
            }
        }
        Format::Json => out.write_all(mt_report::json(&docs, args.threshold).as_bytes())?,
        Format::Jsonl => {
            for d in &docs {
                out.write_all(mt_report::json_line(d, args.threshold).as_bytes())?;
            }
        }
    }
    out.flush()?;
    Ok(status)
}

/// True when a flagged sentence of `d` holds an MT finding at or above the threshold.
fn fails(d: &Document, fail_on: FailOn) -> bool {
    d.sentences
        .iter()
        .filter(|s| d.sentence_mt(s).is_some_and(|m| m.flagged))
        .any(|s| {
            fail_on.0 == Some(tathya::Severity::Info)
                || d.findings.iter().any(|f| {
                    f.code.starts_with('M')
                        && f.start >= s.start
                        && f.end <= s.end
                        && fail_on.fails(f.severity)
                })
        })
}
