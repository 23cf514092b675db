//! `tathya claims`: list what each article claims.

use std::io::Write;

use anyhow::Result;
use tathya::report::{self, Style, escape};
use tathya::{Document, Options};

use super::Status;
use super::input::InputArgs;
use super::output::ColorChoice;

/// Output formats of the claims listing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum Format {
    /// A readable listing.
    #[default]
    Text,
    /// The JSON contract, pretty-printed.
    Json,
    /// One JSON document object per line.
    Jsonl,
    /// One self-contained HTML page with every claim highlighted in its article.
    Html,
}

#[derive(clap::Args, Debug)]
#[command(
    after_help = "The text listing prints, for each document, a header line (id, language, publication date,\nsentences and how many are page chrome, claims, dateline city), then one line per claim: its\nsentence, line:column (in characters), kind/sub-kind, value (a figure's number and unit, a time's\ndate, a quote's speaker and source chain, an attribution's source), and the text; warnings follow.\n--format html writes one page with every claim highlighted in its article.\n\nExamples:\n  tathya claims tests/corpus/\n  tathya claims --format json tests/corpus/000_b1c8025b0e2ba5b4.txt\n  tathya claims --input jsonl --format jsonl articles.jsonl > claims.jsonl\n  echo 'सेना के 6,000 सैनिक' | tathya claims -\n  tathya claims --format html tests/corpus/ > claims.html"
)]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Skip the machine-translation stage.
    #[arg(long)]
    pub no_mt: bool,
    /// Width of the publication-date buckets that `story_key` names (--format jsonl), in days.
    #[arg(long, default_value_t = 7, value_name = "DAYS")]
    pub bucket_days: i64,
    /// The story window `check` will use (its --window-days): `story_keys` adds each neighbour
    /// bucket within this many days, so a story across a bucket edge still meets in one reducer.
    #[arg(long, default_value_t = 3, value_name = "DAYS")]
    pub window_days: i64,
}

/// Documents are analysed in parallel in batches of this many and printed in input order, so
/// memory stays flat however many JSONL records stream through.
const BATCH: usize = 256;

pub fn run(args: Args, color: ColorChoice) -> Result<Status> {
    let g = args.input.grammars()?;
    let opts = Options {
        lang: args.input.lang,
        skip_mt: args.no_mt,
    };
    let style = Style {
        color: color.enabled(),
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let bucketing = tathya::analysis::record::Bucketing {
        bucket_days: args.bucket_days,
        window_days: args.window_days,
    };
    let mut status = Status::Clean;
    let mut all: Vec<Document> = Vec::new();
    let mut docs = args.input.docs();
    let mut first = true;
    let progress = args.input.progress();
    let mut ids = super::input::Ids::default();
    // A live standard input is answered record by record, not after a batch fills up.
    let batch_size = if args.input.reads_stdin() { 1 } else { BATCH };
    loop {
        let batch: Vec<_> = docs.by_ref().take(batch_size).collect();
        if batch.is_empty() {
            break;
        }
        let analysed = super::input::analyze_all(batch, &opts, g, &progress, |_| {});
        progress.suspend(|| -> Result<()> {
            for doc in analysed {
                ids.note(&doc.id);
                if doc.is_failed() {
                    status = Status::Error;
                    super::input::report_failed(&doc);
                }
                match args.format {
                    // A document that could not be read is reported once, on standard error.
                    Format::Text if doc.is_failed() => {}
                    Format::Text => {
                        if !first {
                            out.write_all(b"\n")?;
                        }
                        let text = report::text::document(&doc, &style);
                        out.write_all(escape::listing(&text, style.color).as_bytes())?;
                    }
                    Format::Jsonl => {
                        out.write_all(report::json::record_line(&doc, &bucketing).as_bytes())?;
                        out.flush()?;
                    }
                    Format::Json | Format::Html => {
                        all.push(doc);
                        if all.len() == super::input::BUFFER_WARNING {
                            super::input::warn(
                                &tathya::finding::document::BUFFERED_OUTPUT,
                                &format!(
                                    "--format {} keeps every document in memory until the last; \
                                     {} so far: --format jsonl prints each as it is analysed",
                                    if args.format == Format::Json {
                                        "json"
                                    } else {
                                        "html"
                                    },
                                    all.len()
                                ),
                            );
                        }
                    }
                }
                first = false;
            }
            out.flush()?;
            Ok(())
        })?;
    }
    progress.finish();
    match args.format {
        Format::Json => out.write_all(report::json::claims(&all).as_bytes())?,
        Format::Html => report::html::claims_report(&mut out, &all)?,
        _ => {}
    }
    out.flush()?;
    Ok(status)
}
