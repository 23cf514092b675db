//! Throughput of the claims pipeline in MB/s (release mode): `cargo bench --bench extract`.
//!
//! Two inputs: the bundled corpus (`tests/corpus`), and — when `../shared` is beside the checkout —
//! native Hindi news as JSON Lines, built in memory from the COVID digests
//! (`corpora/hi_covid_5outlets`, one record per file) and BBC Hindi
//! (`corpora/hi_bbc_hindi_news`), read record by record as `claims --input jsonl` reads it. Each
//! input runs the whole pipeline with the MT stage and without it (`--no-mt`), each document
//! written as its JSON Lines line, beside a plain regex scan of the same bytes (`\w+`, every word
//! counted) as the yardstick; before criterion starts, one timed pass per input prints MB/s (per
//! CPU second of the benchmark thread where Linux tells it, so the figure holds per core on a
//! shared machine) and the ratio to the regex scan.
//!
//! `TATHYA_BENCH_QUICK=1` prints the one-pass figures and skips criterion. Run as a test
//! (`--test`, or unoptimised) it reads the bundled corpus only and prints nothing.

use std::time::Instant;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use tathya::document::load::{self, RawDoc};
use tathya::{Grammars, Options, analyze_raw};

/// One input: named JSON Lines records, as a reader would get them.
struct Input {
    name: &'static str,
    lines: Vec<String>,
}

impl Input {
    fn bytes(&self) -> usize {
        self.lines.iter().map(|l| l.len() + 1).sum()
    }
}

fn record(id: &str, text: &str) -> String {
    serde_json::json!({"id": id, "text": text}).to_string()
}

/// The `.txt` files of `dir`, sorted: (file name, text).
fn txt_files(dir: &std::path::Path) -> Vec<(String, String)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(p).unwrap(),
            )
        })
        .collect()
}

fn txt_records(dir: &std::path::Path) -> Vec<String> {
    txt_files(dir)
        .iter()
        .map(|(name, text)| record(name, text))
        .collect()
}

fn inputs() -> Vec<Input> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = vec![Input {
        name: "corpus",
        lines: txt_records(&root.join("tests/corpus")),
    }];
    let shared = root.join("../shared/corpora");
    if shared.is_dir() {
        let mut lines = txt_records(&shared.join("hi_covid_5outlets"));
        let bbc = shared.join("hi_bbc_hindi_news/bbc_hindi_test.jsonl");
        lines.extend(
            std::fs::read_to_string(bbc)
                .unwrap()
                .lines()
                .filter(|l| !l.trim().is_empty())
                .map(str::to_string),
        );
        out.push(Input {
            name: "news_jsonl",
            lines,
        });
    } else {
        eprintln!("../shared is absent: benchmarking the bundled corpus only");
    }
    out
}

/// The whole of `claims --input jsonl --format jsonl` for one input, minus the file system.
fn claims(input: &Input, opts: &Options, g: &Grammars) -> usize {
    let mut written = 0;
    for (i, line) in input.lines.iter().enumerate() {
        let raw: RawDoc = load::parse_record(input.name, i + 1, line, load::DEFAULT_MAX_BYTES);
        let doc = analyze_raw(raw, opts, g);
        written += tathya::report::json::document_line(&doc).len();
    }
    written
}

fn regex_scan(input: &Input, re: &regex::Regex) -> usize {
    input.lines.iter().map(|l| re.find_iter(l).count()).sum()
}

/// Nanoseconds this thread has run on a CPU (Linux), so a figure stays per core on a loaded
/// machine; `None` elsewhere.
fn thread_cpu_ns() -> Option<u64> {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

/// MB/s of one run of `f` over `bytes`: per CPU second of this thread where the OS says, else
/// per wall-clock second.
fn mbps(bytes: usize, f: impl FnOnce() -> usize) -> f64 {
    let (t, cpu) = (Instant::now(), thread_cpu_ns());
    std::hint::black_box(f());
    let secs = match (cpu, thread_cpu_ns()) {
        (Some(a), Some(b)) if b > a => (b - a) as f64 / 1e9,
        _ => t.elapsed().as_secs_f64(),
    };
    bytes as f64 / 1e6 / secs
}

fn bench(c: &mut Criterion) {
    let g = Grammars::builtin();
    let re = regex::Regex::new(r"\w+").unwrap();
    let full = Options::default();
    let no_mt = Options {
        lang: None,
        skip_mt: true,
    };
    // `cargo test --all-targets` runs benchmarks once, unoptimised: the bundled corpus is enough.
    let testing = cfg!(debug_assertions) || std::env::args().any(|a| a == "--test");
    let mut inputs = inputs();
    if testing {
        inputs.truncate(1);
    }
    // Warm the grammars (the MT lexicon is built on first use) and the regex once.
    claims(&inputs[0], &full, g);
    regex_scan(&inputs[0], &re);
    for input in inputs.iter().filter(|_| !testing) {
        let bytes = input.bytes();
        let scan = mbps(bytes, || regex_scan(input, &re));
        let with_mt = mbps(bytes, || claims(input, &full, g));
        let without = mbps(bytes, || claims(input, &no_mt, g));
        eprintln!(
            "{}: {:.2} MB in {} records | regex \\w+ scan {scan:.1} MB/s | claims {with_mt:.2} MB/s ({:.1}x slower than the scan) | --no-mt {without:.2} MB/s ({:.1}x)",
            input.name,
            bytes as f64 / 1e6,
            input.lines.len(),
            scan / with_mt,
            scan / without,
        );
    }
    if std::env::var_os("TATHYA_BENCH_QUICK").is_some() {
        return;
    }
    for input in &inputs {
        let mut group = c.benchmark_group(input.name);
        group.throughput(Throughput::Bytes(input.bytes() as u64));
        if input.bytes() > 1_000_000 {
            group.sample_size(10);
        }
        group.bench_function("regex_scan", |b| b.iter(|| regex_scan(input, &re)));
        group.bench_function("claims", |b| b.iter(|| claims(input, &full, g)));
        group.bench_function("claims_no_mt", |b| b.iter(|| claims(input, &no_mt, g)));
        group.finish();
    }

    // The figure extractor alone over the bundled (Hindi) text: its share of the budget.
    let texts: Vec<String> =
        txt_files(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus"))
            .into_iter()
            .map(|(_, t)| t)
            .collect();
    let mut group = c.benchmark_group("figures");
    group.throughput(Throughput::Bytes(
        texts.iter().map(String::len).sum::<usize>() as u64,
    ));
    let fg = &g.figure;
    group.bench_function("parse_figures_corpus", |b| {
        b.iter(|| {
            for text in &texts {
                std::hint::black_box(tathya::extract::figure::parse_figures(
                    text,
                    tathya::Lang::Hi,
                    fg,
                ));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
