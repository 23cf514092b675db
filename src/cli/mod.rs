//! Command-line interface. Exit codes: 0 clean, 1 a finding at or above `--fail-on`, 2 an error
//! (a document that could not be read, a bad grammar, bad arguments).

mod check;
mod claims;
mod entities;
mod explain;
mod input;
mod mt;
mod output;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Exit status of a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    /// Everything read, no finding at or above the threshold.
    Clean = 0,
    /// A finding at or above `--fail-on`.
    Findings = 1,
    /// Something could not be read or run.
    Error = 2,
}

#[derive(Parser, Debug)]
#[command(
    name = "tathya",
    version = concat!(env!("CARGO_PKG_VERSION"), " (JSON contract 1)"),
    about = "Claims, cross-source consistency and machine-translation signals for Hindi and English news",
    long_about = "tathya (तथ्य, \"fact\") reads news articles — Hindi first, English too — and lists the \
figures, times, quotations and attributions each one claims, with exact spans.",
    after_help = "Examples:\n  tathya claims tests/corpus/                 list the claims of every article in a folder\n  tathya claims --format json article.txt     the JSON contract\n  cat articles.jsonl | tathya claims --input jsonl --format jsonl -\n  tathya explain Q001                         what a finding code means\n\nExit codes: 0 clean, 1 findings at or above --fail-on, 2 an input could not be read."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Colour the terminal output (auto: when standard output is a terminal and NO_COLOR is unset).
    #[arg(long, value_enum, global = true, default_value_t = output::ColorChoice::Auto)]
    color: output::ColorChoice,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// List the figures, times, quotes and attributions each article claims.
    Claims(claims::Args),
    /// Check claims across outlets: stories, corroborated, conflicting and single-source claims.
    Check(check::Args),
    /// List the canonical entities (people, organisations, places) the articles mention.
    Entities(entities::Args),
    /// Explain a finding code (or list them all).
    Explain(explain::Args),
    /// List the sentences that look machine-translated, with the reasons.
    Mt(mt::Args),
}

/// Parse arguments and run.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Claims(a) => claims::run(a, cli.color),
        Command::Check(a) => check::run(a, cli.color),
        Command::Entities(a) => entities::run(a, cli.color),
        Command::Explain(a) => explain::run(a, cli.color),
        Command::Mt(a) => mt::run(a, cli.color),
    };
    match result {
        Ok(status) => ExitCode::from(status as u8),
        Err(e) => {
            if output::is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            eprintln!("tathya: error: {e:#}");
            ExitCode::from(Status::Error as u8)
        }
    }
}
