//! `check` over many documents: 1k by default; 10k and 100k with `TATHYA_BENCH_BIG=1`, or any
//! sizes with `TATHYA_BENCH_SIZES`:
//!
//! ```sh
//! cargo bench --bench check                                  # 1k documents
//! TATHYA_BENCH_BIG=1 cargo bench --bench check               # 1k, 10k, 100k (needs ~4 GB)
//! TATHYA_BENCH_SIZES=1000,5000,10000 cargo bench --bench check -- --test   # one run each
//! ```
//!
//! The documents themselves dominate memory (every one holds its text, sentences and claims):
//! the 100k run needs a few GB before `check` starts.
//!
//! Documents are made from the seed corpus: each seed is perturbed (a weekday moved, figures
//! changed, a sentence dropped) into variants that are analysed once; the variants are then
//! replicated into blocks published ten days apart, so the corpus holds many stories of about
//! forty documents each — the shape of a news feed. Before criterion runs, one check per size
//! prints its wall time and the peak heap growth during the check (a counting allocator), so
//! linear growth can be read off directly.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use tathya::check::{self, CheckOptions};
use tathya::{Document, Grammars, Options, analyze};

struct Counting;

static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(l) };
        if !p.is_null() {
            let now = CURRENT.fetch_add(l.size(), Ordering::Relaxed) + l.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        unsafe { System.dealloc(p, l) };
        CURRENT.fetch_sub(l.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

const WEEKDAYS: [&str; 7] = [
    "सोमवार",
    "मंगलवार",
    "बुधवार",
    "गुरुवार",
    "शुक्रवार",
    "शनिवार",
    "रविवार",
];

/// Variant `k` of a text: every k-th weekday moved on, digits shifted, one line dropped.
fn perturb(text: &str, k: usize) -> String {
    let mut t = text.to_string();
    if k % 3 == 1 {
        for (i, w) in WEEKDAYS.iter().enumerate() {
            if let Some(at) = t.find(w) {
                t.replace_range(at..at + w.len(), WEEKDAYS[(i + k) % 7]);
                break;
            }
        }
    }
    if k % 3 == 2 {
        t = t
            .chars()
            .map(|c| match c.to_digit(10) {
                Some(d) if c.is_ascii_digit() => {
                    char::from_digit((d + k as u32) % 10, 10).unwrap_or(c)
                }
                _ => c,
            })
            .collect();
    }
    let lines: Vec<&str> = t.lines().collect();
    if k > 0 && lines.len() > 4 {
        let drop = k % lines.len();
        t = lines
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != drop)
            .map(|(_, l)| *l)
            .collect::<Vec<_>>()
            .join("\n");
    }
    t
}

fn variants(per_seed: usize) -> Vec<Document> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    let g = Grammars::builtin();
    let opts = Options {
        lang: None,
        skip_mt: true,
    };
    let mut out = Vec::new();
    for p in files
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
    {
        let text = std::fs::read_to_string(p).unwrap();
        for k in 0..per_seed {
            out.push(analyze(
                format!("{}#{k}", p.display()),
                perturb(&text, k),
                None,
                &opts,
                g,
            ));
        }
    }
    out
}

/// `n` documents: the variants replicated in blocks published ten days apart.
fn corpus(variants: &[Document], n: usize) -> Vec<Document> {
    let base = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
    (0..n)
        .map(|i| {
            let v = &variants[i % variants.len()];
            let block = i / variants.len();
            let mut d = v.clone();
            d.id = format!("{}@{block}", v.id);
            // Seeds a year apart keep their offset; every block moves ten days on.
            let own = v
                .published
                .map_or(0, |p| (p - base).num_days().rem_euclid(3));
            d.published = Some(base + chrono::Duration::days(block as i64 * 10 + own));
            d
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let g = Grammars::builtin();
    let vars = variants(20);
    let big = std::env::var_os("TATHYA_BENCH_BIG").is_some();
    let sizes: Vec<usize> = match std::env::var("TATHYA_BENCH_SIZES") {
        Ok(list) => list
            .split(',')
            .filter_map(|x| x.trim().parse().ok())
            .collect(),
        Err(_) if big => vec![1_000, 10_000, 100_000],
        Err(_) => vec![1_000],
    };
    let opts = CheckOptions::default();
    for &n in &sizes {
        let docs = corpus(&vars, n);
        let before = CURRENT.load(Ordering::Relaxed);
        PEAK.store(before, Ordering::Relaxed);
        let t = std::time::Instant::now();
        let r = check::check(&docs, &opts, g);
        let took = t.elapsed();
        let peak = PEAK.load(Ordering::Relaxed).saturating_sub(before);
        let groups: usize = r.stories.iter().map(|s| s.groups.len()).sum();
        eprintln!(
            "check {n:>6} documents: {:>8.3} s, peak heap growth {:>8.1} MB, {} stories, {groups} groups, {} findings",
            took.as_secs_f64(),
            peak as f64 / 1e6,
            r.stories.len(),
            r.findings.len()
        );
        drop(r);
        let mut group = c.benchmark_group("check");
        group.sample_size(10);
        group.bench_function(format!("{n}_documents"), |b| {
            b.iter(|| std::hint::black_box(check::check(&docs, &opts, g)))
        });
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
