//! Output helpers: colour choice, broken pipes.

use std::io::IsTerminal;

use clap::ValueEnum;

/// When to colour the terminal listing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ColorChoice {
    /// Colour when standard output is a terminal and NO_COLOR is not set.
    #[default]
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

impl ColorChoice {
    pub fn enabled(self) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
            }
        }
    }
}

/// Output formats of the claims listing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum Format {
    /// A readable listing.
    #[default]
    Text,
    /// The JSON contract, pretty-printed.
    Json,
    /// One JSON document object per line.
    Jsonl,
}

/// True when the error is a closed output pipe (`tathya claims … | head`), which is not a failure.
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// The `--fail-on` threshold: a severity, or `never`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FailOn(pub Option<tathya::Severity>);

impl FailOn {
    /// Parse `info`, `warning`, `error` or `never`.
    pub fn parse(s: &str) -> Result<Self, String> {
        if s == "never" {
            return Ok(FailOn(None));
        }
        s.parse::<tathya::Severity>()
            .map(|v| FailOn(Some(v)))
            .map_err(|_| format!("unknown level `{s}` (info, warning, error, never)"))
    }

    /// True when a finding of severity `s` fails the run.
    pub fn fails(self, s: tathya::Severity) -> bool {
        self.0.is_some_and(|t| s >= t)
    }
}

/// A progress bar on standard error (documents, MB/s, ETA) while documents are analysed; shown
/// only when standard error is a terminal and `--quiet` is not given.
pub struct Progress {
    bar: Option<indicatif::ProgressBar>,
    docs: std::sync::atomic::AtomicUsize,
}

impl Progress {
    /// A bar over `total_bytes` (0 when unknown: then a spinner with the rate).
    pub fn new(total_bytes: u64, quiet: bool) -> Self {
        let show = !quiet && std::io::stderr().is_terminal();
        let bar = show.then(|| {
            let bar = if total_bytes > 0 {
                indicatif::ProgressBar::new(total_bytes)
            } else {
                indicatif::ProgressBar::new_spinner()
            };
            let template = if total_bytes > 0 {
                "{msg} · {decimal_bytes}/{decimal_total_bytes} · {decimal_bytes_per_sec} · ETA {eta} {wide_bar}"
            } else {
                "{spinner} {msg} · {decimal_bytes} · {decimal_bytes_per_sec}"
            };
            if let Ok(style) = indicatif::ProgressStyle::with_template(template) {
                bar.set_style(style);
            }
            bar.set_draw_target(indicatif::ProgressDrawTarget::stderr_with_hz(4));
            bar
        });
        Progress {
            bar,
            docs: std::sync::atomic::AtomicUsize::new(0),
        }
    }

    /// One more document of `bytes` analysed.
    pub fn tick(&self, bytes: usize) {
        if let Some(bar) = &self.bar {
            let n = self.docs.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
            bar.inc(bytes as u64);
            bar.set_message(plural(n, "document", "documents"));
        }
    }

    /// Run `f` (which prints) with the bar hidden.
    pub fn suspend<T>(&self, f: impl FnOnce() -> T) -> T {
        match &self.bar {
            Some(bar) => bar.suspend(f),
            None => f(),
        }
    }

    /// Remove the bar before the report is printed.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// `1 document`, `2 documents`.
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
