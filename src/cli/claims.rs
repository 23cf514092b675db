//! `tathya claims`: list what each article claims.

use std::io::Write;

use anyhow::Result;
use rayon::prelude::*;
use tathya::report::{self, Style, escape};
use tathya::{Document, Options, analyze_raw};

use super::Status;
use super::input::InputArgs;
use super::output::{ColorChoice, Format};

#[derive(clap::Args, Debug)]
#[command(
    after_help = "Examples:\n  tathya claims tests/corpus/\n  tathya claims --format json tests/corpus/000_b1c8025b0e2ba5b4.txt\n  tathya claims --input jsonl --format jsonl articles.jsonl > claims.jsonl\n  echo 'सेना के 6,000 सैनिक' | tathya claims -"
)]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Colour the listing.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Skip the machine-translation stage.
    #[arg(long)]
    pub no_mt: bool,
}

/// Documents are analysed in parallel in batches of this many and printed in input order, so
/// memory stays flat however many JSONL records stream through.
const BATCH: usize = 256;

pub fn run(args: Args) -> Result<Status> {
    let g = args.input.grammars()?;
    let opts = Options {
        lang: args.input.lang,
        skip_mt: args.no_mt,
    };
    let style = Style {
        color: args.color.enabled(),
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut status = Status::Clean;
    let mut all: Vec<Document> = Vec::new();
    let mut docs = args.input.docs();
    let mut first = true;
    let mut ids = super::input::Ids::default();
    // A live standard input is answered record by record, not after a batch fills up.
    let batch_size = if args.input.reads_stdin() { 1 } else { BATCH };
    loop {
        let batch: Vec<_> = docs.by_ref().take(batch_size).collect();
        if batch.is_empty() {
            break;
        }
        let analysed: Vec<Document> = batch
            .into_par_iter()
            .map(|raw| analyze_raw(raw, &opts, g))
            .collect();
        for doc in analysed {
            ids.note(&doc.id);
            if doc.is_failed() {
                status = Status::Error;
                eprintln!(
                    "tathya: {}: {}",
                    escape::terminal_line(&doc.id),
                    escape::terminal_line(&doc.errors.join("; "))
                );
            }
            match args.format {
                Format::Text => {
                    if !first {
                        out.write_all(b"\n")?;
                    }
                    let text = report::text::document(&doc, &style);
                    out.write_all(escape::listing(&text, style.color).as_bytes())?;
                }
                Format::Jsonl => {
                    out.write_all(report::json::document_line(&doc).as_bytes())?;
                    out.flush()?;
                }
                Format::Json => {
                    all.push(doc);
                    if all.len() == super::input::BUFFER_WARNING {
                        super::input::warn(
                            &tathya::document::BUFFERED_OUTPUT,
                            &format!(
                                "--format json keeps every document in memory until the last; \
                                 {} so far: --format jsonl prints each as it is analysed",
                                all.len()
                            ),
                        );
                    }
                }
            }
            first = false;
        }
        out.flush()?;
    }
    if args.format == Format::Json {
        out.write_all(report::json::claims(&all).as_bytes())?;
    }
    out.flush()?;
    Ok(status)
}
