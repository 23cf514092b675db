//! Throughput of the claims pipeline over the bundled corpus, in MB/s (release mode):
//! `cargo bench --bench extract`.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use tathya::{Grammars, Options, analyze};

fn corpus() -> Vec<(String, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    files
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| {
            (
                p.display().to_string(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let docs = corpus();
    let g = Grammars::builtin();
    let bytes: usize = docs.iter().map(|(_, t)| t.len()).sum();
    let mut group = c.benchmark_group("claims");
    group.throughput(Throughput::Bytes(bytes as u64));
    let opts = Options {
        lang: None,
        skip_mt: true,
    };
    group.bench_function("corpus_no_mt", |b| {
        b.iter(|| {
            for (id, text) in &docs {
                std::hint::black_box(analyze(id.clone(), text.clone(), None, &opts, g));
            }
        })
    });
    let opts = Options::default();
    group.bench_function("corpus_full", |b| {
        b.iter(|| {
            for (id, text) in &docs {
                std::hint::black_box(analyze(id.clone(), text.clone(), None, &opts, g));
            }
        })
    });
    group.finish();

    // The figure extractor alone over the same (Hindi) text: its share of the budget.
    let mut group = c.benchmark_group("figures");
    group.throughput(Throughput::Bytes(bytes as u64));
    let fg = &g.figure;
    group.bench_function("parse_figures_corpus", |b| {
        b.iter(|| {
            for (_, text) in &docs {
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
