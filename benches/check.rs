//! `check` at 1k, 10k and 100k documents, as `tathya check` runs it: documents analysed in
//! chunks, keyed and put aside ([`tathya::check::stream::Run`]), stories formed from the keys, then
//! decided and written (the text report, to nowhere) one batch of stories at a time.
//!
//! ```sh
//! cargo bench --bench check                                  # 1k and 10k, then criterion on 1k
//! TATHYA_BENCH_BIG=1 cargo bench --bench check               # 1k, 10k and 100k (a few minutes)
//! TATHYA_BENCH_SIZES=1000,5000 cargo bench --bench check -- --test   # these sizes, one run each
//! ```
//!
//! Each size prints the time to analyse the documents (not part of `check`), the wall and CPU time
//! of the check itself (keys and store, stories, decisions and report; CPU time, all threads, is
//! what to compare across sizes on a shared machine), the peak heap in use during the check
//! (a counting allocator, above what was in use before it; the keys alone are what is in use once
//! every document was added) and the process's peak resident size
//! for the whole size, analysis included (`VmHWM` of `/proc/self/status`, reset before each size
//! where `/proc/self/clear_refs` allows; Linux only).
//!
//! The documents come from the bundled corpus, replicated and perturbed into the shape of a news
//! feed: document `i` belongs to replica `r = i / 20` of seed `r % 5`; every replica renames the
//! seed's words that the figure, time and speech grammars do not list (names of people and places,
//! most nouns and verbs) with a suffix of its own, so
//! replicas are different stories while the figures, times, quotes and cues the extractors read
//! stay; within a replica each document is a variant of the seed (a weekday moved, digits
//! shifted, one line dropped), so stories hold conflicts, timing differences and agreement; and
//! replicas are published on days spread over 60 days (a replica's documents within two days of
//! each other). At 100k documents that is 1,700 documents a day and 5,000 stories.

use std::alloc::{GlobalAlloc, Layout, System};
use std::collections::HashSet;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use tathya::check::CheckOptions;
use tathya::check::stream::Run;
use tathya::report::{self, Docs, Show, Style};
use tathya::{Document, Grammars, Options, analyze};

struct Counting;

static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is passed on to the system allocator unchanged; the counters are atomics.
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

/// Documents of one replica (one story).
const PER_REPLICA: usize = 20;
/// Days the publication dates spread over.
const DAYS: u64 = 60;
/// Documents analysed at once (as `tathya check` does).
const CHUNK: usize = 256;

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

/// Every word the figure, time and speech grammars list (`grammars/{hi,en}/{numbers,units,time,
/// speech}.toml`): what the extractors need to find claims.
fn grammar_words() -> HashSet<String> {
    fn walk_value(v: &toml::Value, out: &mut HashSet<String>) {
        match v {
            // Entries are words and short phrases; longer strings are examples to read.
            toml::Value::String(s) if s.split_whitespace().count() <= 4 => {
                for w in s.split(|c: char| !c.is_alphanumeric() && !is_mark(c)) {
                    if !w.is_empty() {
                        out.insert(w.to_string());
                    }
                }
            }
            toml::Value::Array(a) => a.iter().for_each(|x| walk_value(x, out)),
            // Examples are sentences to read, not words the grammar lists.
            toml::Value::Table(t) => t
                .iter()
                .filter(|(k, _)| !k.starts_with("example"))
                .for_each(|(_, x)| walk_value(x, out)),
            _ => {}
        }
    }
    let mut out = HashSet::new();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("grammars");
    for lang in ["hi", "en"] {
        for file in ["numbers", "units", "time", "speech"] {
            let path = dir.join(lang).join(format!("{file}.toml"));
            if let Ok(text) = std::fs::read_to_string(&path)
                && let Ok(v) = toml::from_str::<toml::Value>(&text)
            {
                walk_value(&v, &mut out);
            }
        }
    }
    out
}

/// Devanagari vowel signs, virama and nasal marks: parts of a word.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{900}'..='\u{903}' | '\u{93a}'..='\u{94f}' | '\u{951}'..='\u{957}' | '\u{962}' | '\u{963}')
}

/// Replica `r`'s suffixes: `r` in base 33 over the consonants क … ह, and in base 26 over
/// `q` … `p` for words in Latin letters.
fn suffix(r: usize) -> (String, String) {
    let (mut a, mut b) = (String::new(), String::new());
    let mut x = r;
    loop {
        a.push(char::from_u32(0x915 + (x % 33) as u32).unwrap_or('क'));
        x /= 33;
        if x == 0 {
            break;
        }
    }
    let mut x = r;
    loop {
        b.push(char::from(b'a' + ((x + 16) % 26) as u8));
        x /= 26;
        if x == 0 {
            return (a, b);
        }
    }
}

/// `text` with every word of three or more letters that those grammars do not list renamed by the
/// replica's suffix.
fn rename(text: &str, known: &HashSet<String>, suffix: &(String, String)) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        out.push_str(word);
        let letters = word.chars().all(|c| c.is_alphabetic() || is_mark(c));
        if letters && word.chars().count() >= 3 && !known.contains(word.as_str()) {
            out.push_str(if word.is_ascii() {
                &suffix.1
            } else {
                &suffix.0
            });
        }
        word.clear();
    };
    for c in text.chars() {
        if c.is_alphanumeric() || is_mark(c) {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

struct Seeds {
    texts: Vec<(String, String)>,
    known: HashSet<String>,
}

impl Seeds {
    fn load() -> Self {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus");
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        files.sort();
        Seeds {
            texts: files
                .iter()
                .map(|p| {
                    let name = p.file_name().unwrap().to_string_lossy().to_string();
                    (name, std::fs::read_to_string(p).unwrap())
                })
                .collect(),
            known: grammar_words(),
        }
    }

    /// Document `i` of the feed: its id, text and publication date.
    fn doc(&self, i: usize) -> (String, String, NaiveDate) {
        let r = i / PER_REPLICA;
        let k = i % PER_REPLICA;
        let (name, seed) = &self.texts[r % self.texts.len()];
        let text = rename(&perturb(seed, k), &self.known, &suffix(r));
        // A replica's day from a hash of its number; its documents within two days of it.
        let day = (r as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 40;
        let base = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
        let date = base + chrono::Duration::days((day % DAYS) as i64 + (k % 3) as i64);
        (format!("r{r}/{k}/{name}"), text, date)
    }
}

/// Peak resident size of the process so far (`VmHWM`), in bytes.
fn peak_rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// CPU time the process has used so far (user and system, all threads; `/proc/self/stat`, in
/// clock ticks of 1/100 s).
fn cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which may hold spaces) in parentheses.
    let rest = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks: u64 = f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?;
    Some(Duration::from_millis(ticks * 10))
}

/// Start the peak resident size again from the present size (Linux: `/proc/self/clear_refs`).
fn reset_peak_rss() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

/// `n` documents of the feed, analysed in chunks in parallel and added to a run.
/// Wall and CPU time of analysing and of adding, in that order.
fn analysed(
    seeds: &Seeds,
    n: usize,
    run: &mut Run,
    g: &Grammars,
) -> (Duration, Duration, Duration) {
    use rayon::prelude::*;
    let opts = Options {
        lang: None,
        skip_mt: true,
    };
    let (mut analysing, mut adding, mut adding_cpu) =
        (Duration::ZERO, Duration::ZERO, Duration::ZERO);
    for start in (0..n).step_by(CHUNK) {
        let t = Instant::now();
        let docs: Vec<Document> = (start..(start + CHUNK).min(n))
            .into_par_iter()
            .map(|i| {
                let (id, text, date) = seeds.doc(i);
                analyze(id, text, Some(date), &opts, g)
            })
            .collect();
        analysing += t.elapsed();
        let t = Instant::now();
        let c = cpu_time().unwrap_or_default();
        run.add(&docs, g).unwrap();
        adding += t.elapsed();
        adding_cpu += cpu_time().unwrap_or_default().saturating_sub(c);
    }
    (analysing, adding, adding_cpu)
}

/// Stories of `run`, decided and written as the text report to nowhere; (stories, groups,
/// findings).
fn check(run: &Run, g: &Grammars) -> (usize, usize, usize) {
    let stories = run.stories(&CheckOptions::default());
    let n = stories.len();
    let (mut groups, mut findings) = (0, 0);
    let mut w = report::check_text::Writer::new(
        std::io::sink(),
        Style { color: false },
        Show::Flagged,
        true,
    );
    run.decide_each(stories, g, |x| {
        groups += x.story.groups.len();
        findings += x.findings.len();
        let docs = Docs::story(x.story, x.docs);
        w.findings(x.findings, docs);
        w.story(x.story, docs)
    })
    .unwrap();
    w.finish().unwrap();
    (n, groups, findings)
}

fn bench(c: &mut Criterion) {
    let g = Grammars::builtin();
    let seeds = Seeds::load();
    let big = std::env::var_os("TATHYA_BENCH_BIG").is_some();
    // `cargo test --all-targets` runs this binary in a debug build (criterion's test mode): a
    // smoke run at two small sizes, not the measurement.
    let smoke = cfg!(debug_assertions) || std::env::args().any(|a| a == "--test");
    let sizes: Vec<usize> = match std::env::var("TATHYA_BENCH_SIZES") {
        Ok(list) => list
            .split(',')
            .filter_map(|x| x.trim().parse().ok())
            .collect(),
        Err(_) if smoke => vec![40, 80],
        Err(_) if big => vec![1_000, 10_000, 100_000],
        Err(_) => vec![1_000, 10_000],
    };
    let mut times: Vec<(usize, f64, f64)> = Vec::new();
    for &n in &sizes {
        let rss_reset = reset_peak_rss();
        let mut run = Run::new().unwrap();
        let before = CURRENT.load(Ordering::Relaxed);
        PEAK.store(before, Ordering::Relaxed);
        let (analysing, adding, adding_cpu) = analysed(&seeds, n, &mut run, g);
        let keyed = CURRENT.load(Ordering::Relaxed).saturating_sub(before);
        let t = Instant::now();
        let c = cpu_time().unwrap_or_default();
        let (stories, groups, findings) = check(&run, g);
        let deciding = t.elapsed();
        let cpu = (adding_cpu + cpu_time().unwrap_or_default().saturating_sub(c)).as_secs_f64();
        let heap = PEAK.load(Ordering::Relaxed).saturating_sub(before);
        let took = (adding + deciding).as_secs_f64();
        let rss = peak_rss().map_or("?".to_string(), |b| {
            format!(
                "{:.0} MB{}",
                b as f64 / 1e6,
                if rss_reset { "" } else { " (process)" }
            )
        });
        eprintln!(
            "check {n:>6} documents: {took:>8.2} s, CPU {cpu:.2} s (keys and store {:.2} s, stories, decisions and report {:.2} s), \
peak heap {:>7.1} MB (keys {:.1} MB), peak RSS {rss}; {stories} stories, {groups} groups, {findings} findings; analysis {:.2} s",
            adding.as_secs_f64(),
            deciding.as_secs_f64(),
            heap as f64 / 1e6,
            keyed as f64 / 1e6,
            analysing.as_secs_f64(),
        );
        times.push((n, took, cpu));
    }
    for w in times.windows(2) {
        let ((a, ta, ca), (b, tb, cb)) = (w[0], w[1]);
        let r = b as f64 / a as f64;
        eprintln!(
            "check {a} → {b} documents: time × {:.1}, CPU time × {:.1} (linear × {r:.0}, n log n × {:.1})",
            tb / ta,
            cb / ca.max(0.01),
            r * (b as f64).ln() / (a as f64).ln()
        );
    }
    // Criterion on the smallest size: stories, decisions and report over a run made once.
    let n = sizes.iter().copied().min().unwrap_or(1_000);
    let mut run = Run::new().unwrap();
    analysed(&seeds, n, &mut run, g);
    let mut group = c.benchmark_group("check");
    group.sample_size(10);
    group.bench_function(format!("{n}_documents"), |b| {
        b.iter(|| std::hint::black_box(check(&run, g)))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
