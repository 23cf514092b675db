//! `tathya explain CODE`: what a finding code catches, why, and an example.

use anyhow::{Result, bail};

use super::Status;
use super::output::ColorChoice;
use tathya::report::Style;

#[derive(clap::Args, Debug)]
#[command(
    after_help = "Examples:\n  tathya explain           list every code\n  tathya explain Q001      one code, by code\n  tathya explain unbalanced-quote"
)]
pub struct Args {
    /// The code (`Q001`) or its name (`unbalanced-quote`); omit to list every code.
    pub code: Option<String>,
}

pub fn run(args: Args, color: ColorChoice) -> Result<Status> {
    let style = Style {
        color: color.enabled(),
    };
    match args.code {
        None => {
            for c in tathya::codes::all() {
                println!(
                    "{}  {:<28} {:<8} {}",
                    style.paint("1", c.code),
                    c.name,
                    c.severity.as_str(),
                    c.what
                );
            }
        }
        Some(code) => {
            let Some(c) = tathya::codes::lookup(&code) else {
                bail!("unknown code `{code}`; `tathya explain` lists them all");
            };
            println!(
                "{} {} ({})\n",
                style.paint("1", c.code),
                c.name,
                c.severity.as_str()
            );
            println!("What it catches:\n  {}\n", c.what);
            println!("Why it matters:\n  {}\n", c.why);
            println!("Example:\n  {}", c.example);
        }
    }
    Ok(Status::Clean)
}
