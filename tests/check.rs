//! `tathya check` on the seeds, on constructed conflicts, and on the COVID multi-outlet clusters.

mod common;

use tathya::check::{self, CheckOptions, CheckReport, Verdict};
use tathya::{Document, Grammars, Options};

fn seed(name: &str) -> (String, String) {
    let dir = common::corpus_dir();
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    let p = files
        .iter()
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(name))
        .unwrap_or_else(|| panic!("no seed {name}"));
    (
        p.file_name().unwrap().to_string_lossy().into_owned(),
        std::fs::read_to_string(p).unwrap(),
    )
}

fn doc(id: &str, text: &str) -> Document {
    tathya::analyze(id, text.to_string(), None, &Options::default(), Grammars::builtin())
}

fn seeds() -> Vec<Document> {
    ["000", "001", "002", "003", "004"]
        .iter()
        .map(|n| {
            let (id, text) = seed(n);
            doc(&id, &text)
        })
        .collect()
}

fn run(docs: &[Document]) -> CheckReport {
    check::check(docs, &CheckOptions::default(), Grammars::builtin())
}

#[test]
#[ignore]
fn print_story_similarities() {
    let docs = seeds();
    for (i, j, s) in check::story::similarities(&docs, &Grammars::builtin().check) {
        println!("{} {} {:.3}  {:?} {:?}", &docs[i].id[..3], &docs[j].id[..3], s, docs[i].published, docs[j].published);
    }
}

#[test]
#[ignore]
fn print_sentence_match_similarities() {
    use tathya::check::align::DocView;
    use tathya::check::norm;
    let docs = seeds();
    let g = &Grammars::builtin().check;
    let views: Vec<DocView> = docs.iter().enumerate().map(|(i, d)| DocView::new(i, d, g)).collect();
    let mut df = std::collections::HashMap::new();
    let mut n = 0.0;
    for v in &views {
        for s in &v.sents {
            n += 1.0;
            for t in &s.terms {
                *df.entry(*t).or_insert(0.0) += 1.0;
            }
        }
    }
    let w = |t: u64| (1.0f64 + n / df.get(&t).copied().unwrap_or(1.0)).ln();
    for i in 0..views.len() {
        for j in i + 1..views.len() {
            let mut scores = Vec::new();
            for tau in [0.3, 0.4, 0.5] {
                let count = |a: &DocView, b: &DocView| {
                    a.sents.iter().filter(|s| s.dup_of.is_none() && s.terms.len() >= 3).filter(|s| b.sents.iter().any(|t| norm::overlap(&s.terms, &t.terms, w) >= tau)).count() as f64
                        / a.sents.iter().filter(|s| s.dup_of.is_none() && s.terms.len() >= 3).count().max(1) as f64
                };
                scores.push(format!("{:.2}/{:.2}", count(&views[i], &views[j]), count(&views[j], &views[i])));
            }
            println!("{} {} {}", &docs[i].id[..3], &docs[j].id[..3], scores.join("  "));
        }
    }
}

#[test]
#[ignore]
fn print_best_sentence_matches() {
    use tathya::check::align::DocView;
    use tathya::check::norm;
    let docs = seeds();
    let g = &Grammars::builtin().check;
    for (x, y) in [(0usize, 2usize), (1, 3)] {
        let pair = [docs[x].clone(), docs[y].clone()];
        let views: Vec<DocView> = pair.iter().enumerate().map(|(i, d)| DocView::new(i, d, g)).collect();
        let mut df = std::collections::HashMap::new();
        let mut n = 0.0;
        for v in &views {
            for s in v.sents.iter().filter(|s| s.dup_of.is_none()) {
                n += 1.0;
                for t in &s.terms {
                    *df.entry(*t).or_insert(0.0) += 1.0;
                }
            }
        }
        let w = |t: u64| (1.0f64 + n / df.get(&t).copied().unwrap_or(1.0)).ln();
        for s in &views[0].sents {
            let best = views[1]
                .sents
                .iter()
                .map(|t| (norm::overlap(&s.terms, &t.terms, w), t))
                .max_by(|a, b| a.0.total_cmp(&b.0));
            if let Some((sim, t)) = best {
                let a: String = pair[0].text[s.start..s.end].chars().take(70).collect();
                let b: String = pair[1].text[t.start..t.end].chars().take(70).collect();
                println!("{sim:.2}  {a}\n      {b}");
            }
        }
        println!("----");
    }
}

#[test]
#[ignore]
fn print_alignment() {
    use tathya::check::align::{self, DocView};
    let docs = seeds();
    let g = &Grammars::builtin().check;
    let pair = [docs[1].clone(), docs[3].clone()];
    let views: Vec<DocView> = pair.iter().enumerate().map(|(i, d)| DocView::new(i, d, g)).collect();
    let a = align::align(&views, &pair, g);
    println!("items {}", a.items.len());
    for gr in &a.groups {
        let texts: Vec<String> = gr.members.iter().map(|&i| { let it = &a.items[i]; format!("{}:{}", it.view, pair[it.view].text[it.start..it.end].chars().take(40).collect::<String>()) }).collect();
        println!("{:?} {:.2} {:?}", gr.kind, gr.sim, texts);
    }
}
