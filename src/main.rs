//! The `tathya` binary: argument parsing, reading inputs, printing reports, exit codes.
//! It is the only place that prints.

mod cli;

fn main() -> std::process::ExitCode {
    cli::run()
}
