//! Linear cost on hostile input: every extractor and the MT stage run on generated adversarial
//! documents at two sizes (8× apart), and what they produce and hold — claims, findings, JSON
//! bytes, peak memory allocated (counted per thread by a test allocator) —
//! grows at most about 8× too, never more than ~20× the input (22× allowed for JSON Lines, 24×
//! for the indented `--format json`: one quoted sentence of 16 bytes is a 300-byte JSON claim);
//! time is compared as a ratio with
//! a generous tolerance (a quadratic construction gives 64×, a linear one 8×).
//!
//! The cases are the reproducers of quadratic constructions seen before (a reporting verb
//! repeated in one sentence, short quoted sentences, nested quote marks, many short sentences
//! through the MT stage, ZWJ emoji, a real article repeated) and text generated from the speech
//! grammars' own word lists (every cue, verb and pronoun, in one endless sentence or in short
//! ones), which is where pairing constructions hide.

use std::time::{Duration, Instant};

use tathya::report::json;
use tathya::{Grammars, Options, analyze};

/// Counts the bytes this thread has allocated and the peak it reached: the peak memory of one
/// analysis, unaffected by tests running beside it on other threads.
mod counting {
    use std::alloc::{GlobalAlloc, Layout, System};
    use std::cell::Cell;

    pub struct Counting;

    thread_local! {
        static NOW: Cell<usize> = const { Cell::new(0) };
        static PEAK: Cell<usize> = const { Cell::new(0) };
    }

    fn add(n: usize) {
        let _ = NOW.try_with(|now| {
            let v = now.get() + n;
            now.set(v);
            let _ = PEAK.try_with(|p| p.set(p.get().max(v)));
        });
    }

    fn sub(n: usize) {
        let _ = NOW.try_with(|now| now.set(now.get().saturating_sub(n)));
    }

    // SAFETY: every call is passed on to the system allocator unchanged; the counters are
    // thread-local cells with constant initialisers, which never allocate.
    unsafe impl GlobalAlloc for Counting {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            add(layout.size());
            unsafe { System.alloc(layout) }
        }
        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            sub(layout.size());
            unsafe { System.dealloc(ptr, layout) }
        }
        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            sub(layout.size());
            add(new_size);
            unsafe { System.realloc(ptr, layout, new_size) }
        }
    }

    /// Starts measuring the peak from what is allocated now.
    pub fn reset_peak() {
        let now = NOW.with(Cell::get);
        PEAK.with(|p| p.set(now));
    }

    /// Bytes allocated at the peak since [`reset_peak`], above what was allocated then.
    pub fn peak_since(base: usize) -> usize {
        PEAK.with(Cell::get).saturating_sub(base)
    }

    pub fn now() -> usize {
        NOW.with(Cell::get)
    }
}

#[global_allocator]
static ALLOC: counting::Counting = counting::Counting;

const SMALL: usize = 16 * 1024;
const LARGE: usize = 8 * SMALL;
/// Largest allowed growth of output for 8× the input (8× plus slack for rounding of units).
const OUTPUT_RATIO: f64 = 10.0;
/// Largest allowed growth of time for 8× the input: generous, as the machine may be busy and a
/// debug build is noisy; a quadratic construction gives 64×.
const TIME_RATIO: f64 = 24.0;

/// `unit` repeated to `size` bytes (cut on a character boundary).
fn repeat(unit: &str, size: usize) -> String {
    let mut s = String::with_capacity(size + unit.len());
    while s.len() < size {
        s.push_str(unit);
    }
    let mut end = size;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s.truncate(end);
    s
}

/// A small deterministic generator (xorshift), so a failure reproduces.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// Every string in a grammar file's arrays.
fn grammar_words(path: &str) -> Vec<String> {
    let full = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    let text = std::fs::read_to_string(&full).expect("grammar file");
    let value: toml::Value = toml::from_str(&text).expect("grammar TOML");
    let mut out = Vec::new();
    fn walk(v: &toml::Value, out: &mut Vec<String>) {
        match v {
            toml::Value::String(s) if s.chars().count() <= 40 => out.push(s.clone()),
            toml::Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            toml::Value::Table(t) => t
                .iter()
                .filter(|(k, _)| k.as_str() != "examples")
                .for_each(|(_, x)| walk(x, out)),
            _ => {}
        }
    }
    walk(&value, &mut out);
    out
}

/// Words of the speech grammar mixed with names, figures and quote marks; `stop` ends a
/// sentence now and then (or never, for one endless sentence).
fn from_grammar(lang: &str, size: usize, stop: Option<&str>) -> String {
    let mut pieces = grammar_words(&format!("grammars/{lang}/speech.toml"));
    pieces.extend(
        [
            "“",
            "”",
            "‘",
            "’",
            "\"",
            "'",
            "सर्गेई लावरोव",
            "Sergei Lavrov",
            "6,000",
            "40%",
            "कल",
            "Monday",
            ",",
            ":",
        ]
        .map(String::from),
    );
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut s = String::with_capacity(size + 64);
    while s.len() < size {
        let k = (rng.next() % pieces.len() as u64) as usize;
        s.push_str(&pieces[k]);
        s.push(' ');
        if let Some(stop) = stop
            && rng.next().is_multiple_of(12)
        {
            s.push_str(stop);
        }
    }
    s
}

fn article() -> String {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/corpus/001_93327e7be077d1f2.txt");
    std::fs::read_to_string(p).expect("bundled corpus article") + "\n\n"
}

struct Cost {
    time: Duration,
    claims: usize,
    findings: usize,
    bytes: usize,
    /// Bytes of the `--format json` report of the document.
    report: usize,
    /// Peak bytes allocated while analysing and writing the document.
    peak: usize,
}

fn run(text: &str, skip_mt: bool) -> Cost {
    let g = Grammars::builtin();
    let opts = Options {
        lang: None,
        skip_mt,
    };
    // The faster of two runs: a busy machine slows one run, not both the same way.
    let mut best: Option<Cost> = None;
    for _ in 0..2 {
        let base = counting::now();
        counting::reset_peak();
        let t = Instant::now();
        let doc = analyze("case.txt", text.to_string(), None, &opts, g);
        let bytes = json::document_line(&doc).len();
        let time = t.elapsed();
        let report = json::claims(std::slice::from_ref(&doc)).len();
        let peak = counting::peak_since(base);
        if best.as_ref().is_none_or(|b| time < b.time) {
            best = Some(Cost {
                time,
                claims: doc.claims.len(),
                findings: doc.findings.len(),
                bytes,
                report,
                peak,
            });
        }
    }
    best.expect("two runs")
}

fn ratio(large: usize, small: usize) -> f64 {
    large.max(1) as f64 / small.max(1) as f64
}

fn check_case(name: &str, make: &dyn Fn(usize) -> String, skip_mt: bool) -> Vec<String> {
    let (a, b) = (make(SMALL), make(LARGE));
    let (ca, cb) = (run(&a, skip_mt), run(&b, skip_mt));
    let mut bad = Vec::new();
    let r_in = ratio(b.len(), a.len());
    for (what, r) in [
        ("claims", ratio(cb.claims, ca.claims)),
        ("findings", ratio(cb.findings, ca.findings)),
        ("JSON bytes", ratio(cb.bytes, ca.bytes)),
        ("peak memory", ratio(cb.peak, ca.peak)),
    ] {
        if r > OUTPUT_RATIO * r_in / 8.0 {
            bad.push(format!(
                "{name}: {what} grew {r:.1}× for {r_in:.1}× the input"
            ));
        }
    }
    for (text, c) in [(&a, &ca), (&b, &cb)] {
        // `--format json` indents each record of a document's lists by eight spaces and ends it
        // with a newline: two bytes more of slack per input unit than JSON Lines.
        for (format, bytes, most) in [("JSON Lines", c.bytes, 22), ("--format json", c.report, 24)]
        {
            if bytes > most * text.len() + 4096 {
                bad.push(format!(
                    "{name}: {bytes} bytes of {format} for {} bytes of input",
                    text.len()
                ));
            }
        }
    }
    let rt = cb.time.as_secs_f64() / ca.time.as_secs_f64().max(1e-3);
    // Below a few milliseconds a ratio says nothing.
    if cb.time > Duration::from_millis(100) && rt > TIME_RATIO {
        bad.push(format!(
            "{name}: time grew {rt:.1}× ({:?} → {:?}) for {r_in:.1}× the input",
            ca.time, cb.time
        ));
    }
    println!(
        "{name:<28} claims {:>6} → {:>6}  findings {:>5} → {:>5}  JSON {:>8} → {:>8}  peak {:>9} → {:>9}  time {:>8.1?} → {:>8.1?}",
        ca.claims,
        cb.claims,
        ca.findings,
        cb.findings,
        ca.bytes,
        cb.bytes,
        ca.peak,
        cb.peak,
        ca.time,
        cb.time
    );
    bad
}

type Case = (&'static str, Box<dyn Fn(usize) -> String>, bool);

fn cases() -> Vec<Case> {
    let art = article();
    vec![
        ("he said ×n", Box::new(|n| repeat("he said ", n)), false),
        ("कहा कि ×n", Box::new(|n| repeat("कहा कि ", n)), false),
        ("कहा ×n", Box::new(|n| repeat("कहा ", n)), true),
        (
            "\"Yes,\" he said. ×n",
            Box::new(|n| repeat("\"Yes,\" he said. ", n)),
            false,
        ),
        ("nested “‘ ×n", Box::new(|n| repeat("“‘", n)), false),
        (
            "opening “ then ’ ×n",
            Box::new(|n| repeat("“", n / 2) + &repeat("x’ ", n / 2)),
            false,
        ),
        (
            "5 सैनिक। ×n (MT)",
            Box::new(|n| repeat("5 सैनिक। ", n)),
            false,
        ),
        (
            "ZWJ emoji ×n (MT)",
            Box::new(|n| repeat("👨\u{200d}👩\u{200d}👧 ", n)),
            false,
        ),
        (
            "ZWJ emoji glued ×n (MT)",
            Box::new(|n| repeat("👨\u{200d}👩\u{200d}👧", n)),
            false,
        ),
        (
            "के अनुसार chain ×n",
            Box::new(|n| repeat("रॉयटर्स के हवाले से केसीएनए के अनुसार ", n) + "लावरोव ने कहा कि"),
            false,
        ),
        ("article ×n (MT)", Box::new(move |n| repeat(&art, n)), false),
        (
            "1, ×n (one endless figure list)",
            Box::new(|n| repeat("1,", n)),
            false,
        ),
        (
            "6,000 लाख करोड़ ×n",
            Box::new(|n| repeat("6,000 लाख करोड़ ", n)),
            false,
        ),
        ("डेढ़ ×n", Box::new(|n| repeat("डेढ़ ", n)), false),
        (
            "सोमवार 26 जुलाई 2023 ×n",
            Box::new(|n| repeat("सोमवार 26 जुलाई 2023 ", n)),
            false,
        ),
        (
            "Monday, July 26, 2023 at 10 a.m. ×n",
            Box::new(|n| repeat("Monday, July 26, 2023 at 10 a.m. ", n)),
            false,
        ),
        (
            "hi speech words, one sentence",
            Box::new(|n| from_grammar("hi", n, None)),
            false,
        ),
        (
            "hi speech words, sentences",
            Box::new(|n| from_grammar("hi", n, Some("। "))),
            false,
        ),
        (
            "en speech words, one sentence",
            Box::new(|n| from_grammar("en", n, None)),
            false,
        ),
        (
            "en speech words, sentences",
            Box::new(|n| from_grammar("en", n, Some(". "))),
            false,
        ),
    ]
}

#[test]
fn every_stage_grows_linearly_on_hostile_input() {
    let mut bad = Vec::new();
    for (name, make, skip_mt) in cases() {
        bad.extend(check_case(name, &*make, skip_mt));
    }
    assert!(bad.is_empty(), "superlinear growth:\n{}", bad.join("\n"));
}

#[test]
fn a_cap_that_bites_says_so() {
    let g = Grammars::builtin();
    let doc = analyze(
        "said.txt",
        repeat("he said ", 4096),
        None,
        &Options::default(),
        g,
    );
    let limits: Vec<_> = doc.findings.iter().filter(|f| f.code == "D001").collect();
    assert!(!limits.is_empty(), "no limit-reached finding");
    assert!(
        limits.iter().any(|f| f.message.contains("reporting verbs")),
        "{limits:?}"
    );
    // A real article reaches no limit.
    let doc = analyze("a.txt", article(), None, &Options::default(), g);
    assert!(doc.findings.iter().all(|f| f.code != "D001"));
    assert!(tathya::codes::lookup("D001").is_some());
}

/// A made-up word for story `s` (below 100), slot `k` (below 25): its first consonants spell the
/// story's number, its vowels the slot, from letters that no spelling fold merges.
fn made_up_word(s: usize, k: usize) -> String {
    const C: [char; 10] = ['क', 'ज', 'त', 'न', 'प', 'म', 'र', 'ल', 'स', 'ह'];
    const V: [&str; 5] = ["ा", "ि", "ु", "े", "ो"];
    format!(
        "{}{}{}{}{}{}",
        C[s % 10],
        V[k % 5],
        C[(s / 10) % 10],
        V[(k / 5) % 5],
        C[(s + k) % 10],
        V[(3 * s + k) % 5]
    )
}

/// Story `s` as three outlets report it: one accident told in words of its own (names, places,
/// nouns) around the cues the extractors read; the second report gives another death toll (a
/// conflict), the third leaves a sentence out.
fn story_reports(s: usize) -> Vec<(String, String)> {
    let w: Vec<String> = (0..25).map(|k| made_up_word(s, k)).collect();
    (0..3)
        .map(|k| {
            let dead = 10 + s % 7 + if k == 1 { 3 } else { 0 };
            let mut text = format!(
                "{a} ({b}), एजेंसी। {b} के {c} में सोमवार को {d} {e} {f} हुआ।\n\n\
{c} {g} में {dead} लोगों की मौत हो गई और {h} {i} में {} लोग घायल हो गए।\n\n\
{j} {k} ने बताया कि {l} {m} {b} के {n} में हैं।\n\n\
{j} ने कहा, \"{o} {p} {q} {r} की मदद {t} जाएगी।\"\n\n",
                20 + s % 5,
                a = w[0],
                b = w[1],
                c = w[2],
                d = w[3],
                e = w[4],
                f = w[5],
                g = w[6],
                h = w[7],
                i = w[8],
                j = w[9],
                k = w[10],
                l = w[11],
                m = w[12],
                n = w[13],
                o = w[14],
                p = w[15],
                q = w[16],
                r = w[17],
                t = w[18],
            );
            if k != 2 {
                text.push_str(&format!(
                    "{} के अनुसार {} {} में {} यात्री थे, {} {} {}।\n",
                    w[9],
                    w[19],
                    w[20],
                    40 + s % 9,
                    w[21],
                    w[22],
                    w[23]
                ));
            }
            (format!("s{s}/outlet{k}.txt"), text)
        })
        .collect()
}

/// What a streamed check of `stories` generated stories holds: stories found, heap per document
/// for the analysed documents and for their keys, and the peak heap while the stories are
/// decided and written (above what was in use when that began).
struct Held {
    stories: usize,
    groups: usize,
    per_doc: usize,
    key_per_doc: usize,
    decide_peak: usize,
}

fn streamed_check(stories: usize, batch: usize) -> Held {
    use tathya::check::CheckOptions;
    use tathya::check::stream::Run;
    use tathya::report::{Docs, Show, Style, check_text};
    let g = Grammars::builtin();
    let opts = Options {
        lang: None,
        skip_mt: true,
    };
    let date = chrono::NaiveDate::from_ymd_opt(2024, 3, 4);
    // Caches filled on first use are not the documents'.
    for (id, text) in story_reports(99) {
        drop(analyze(id, text, date, &opts, g));
    }
    let start = counting::now();
    let docs: Vec<tathya::Document> = (0..stories)
        .flat_map(story_reports)
        .map(|(id, text)| analyze(id, text, date, &opts, g))
        .collect();
    let n = docs.len();
    let per_doc = counting::now().saturating_sub(start) / n;
    let mut run = Run::new().expect("temporary store").batch_documents(batch);
    let before = counting::now();
    run.add(&docs, g).expect("store");
    let key_per_doc = counting::now().saturating_sub(before) / n;
    drop(docs);
    let found = run.stories(&CheckOptions::default());
    let count = found.len();
    let base = counting::now();
    counting::reset_peak();
    let mut groups = 0;
    let mut w = check_text::Writer::new(std::io::sink(), Style::default(), Show::All, false);
    run.decide_each(found, g, |x| {
        groups += x.story.groups.len();
        let docs = Docs::story(x.story, x.docs);
        w.findings(x.findings, docs);
        w.story(x.story, docs)
    })
    .expect("check");
    w.finish().expect("report");
    Held {
        stories: count,
        groups,
        per_doc,
        key_per_doc,
        decide_peak: counting::peak_since(base),
    }
}

/// `check` streams: with stories decided a few documents at a time, four times as many
/// independent stories take about the same peak memory to decide and write (a run that held
/// every story's documents and groups would take four times as much), and what it holds for the
/// whole run — each document's key — is a small part of the document.
#[test]
fn check_memory_per_story_stays_bounded() {
    // One thread, so that the per-thread counter sees every allocation of the check.
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("thread pool");
    let (small, large) = (6, 24);
    let (a, b) = pool.install(|| (streamed_check(small, 6), streamed_check(large, 6)));
    eprintln!(
        "check of {small} and {large} stories: peak while deciding {} and {} bytes; per document {} and {} bytes, its key {} and {} bytes",
        a.decide_peak, b.decide_peak, a.per_doc, b.per_doc, a.key_per_doc, b.key_per_doc
    );
    assert_eq!(a.stories, small, "each generated story is found");
    assert_eq!(b.stories, large, "each generated story is found");
    assert!(
        ratio(b.groups, a.groups) > 3.0,
        "the larger run decides about four times the groups ({} against {})",
        b.groups,
        a.groups
    );
    let r = ratio(b.decide_peak, a.decide_peak);
    assert!(
        r < 2.0,
        "deciding {large} stories took {r:.2}× the peak memory of {small} ({} against {} bytes)",
        b.decide_peak,
        a.decide_peak
    );
    assert!(
        b.key_per_doc * 4 < b.per_doc,
        "a document's key ({} bytes) is not small against the document ({} bytes)",
        b.key_per_doc,
        b.per_doc
    );
}
