//! `tathya mt`: which sentences look machine-translated, and why. Exits 1 when a sentence is
//! flagged (like a linter with findings), 2 when an input could not be read.

use std::io::Write;

use anyhow::{Context, Result, bail};
use rayon::prelude::*;
use tathya::mt::report as mt_report;
use tathya::report::{Style, escape};
use tathya::{Document, Options, analyze_raw};

use super::Status;
use super::input::InputArgs;
use super::output::{ColorChoice, Format};

#[derive(clap::Args, Debug)]
#[command(
    after_help = "Examples:\n  tathya mt tests/corpus/                          flagged sentences with their reasons\n  tathya mt --threshold 0.2 article.txt            every sentence scoring 0.2 or more\n  tathya mt --format json article.txt\n  tathya mt --original english.txt hindi.txt       check the translation against its original\n  tathya explain M001                              what a rule catches"
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
    /// Colour the listing.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

pub fn run(args: Args) -> Result<Status> {
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
    if original.is_some() && raws.len() != 1 {
        bail!(
            "--original takes exactly one translated document, got {}",
            raws.len()
        );
    }
    let docs: Vec<Document> = raws
        .into_par_iter()
        .map(|raw| {
            let mut d = analyze_raw(raw, &opts, g);
            if let Some(o) = &original {
                tathya::mt::bilingual::analyze(&mut d, o, g);
            }
            d
        })
        .collect();
    let style = Style {
        color: args.color.enabled(),
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut status = Status::Clean;
    for d in &docs {
        if d.is_failed() {
            status = Status::Error;
            eprintln!(
                "tathya: {}: {}",
                escape::terminal_line(&d.id),
                escape::terminal_line(&d.errors.join("; "))
            );
        } else if d.mt.as_ref().is_some_and(|m| m.flagged > 0) {
            status = status.max(Status::Findings);
        }
    }
    match args.format {
        Format::Text => {
            for (i, d) in docs.iter().enumerate() {
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
