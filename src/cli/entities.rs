//! `tathya entities`: the canonical entities of a set of articles, with every mention.
//!
//! Entities are merged across documents by canonical name and kind (the alias tables and the
//! romanisation give one name per entity whatever the script), then names in no table are merged
//! when their romanisations are alike (`tathya::romanize::name_similarity` ≥ 0.9).

use std::collections::BTreeMap;
use std::io::Write;

use anyhow::Result;
use serde::Serialize;
use tathya::Options;
use tathya::report::escape;
use tathya::span::LineIndex;

use super::Status;
use super::input::InputArgs;
use super::output::{ColorChoice, Format};
use tathya::report::Style;

#[derive(clap::Args, Debug)]
#[command(
    after_help = "Prints one block per entity, in name order: its canonical name and kind (person,\norganisation, place), how many mentions in how many documents; the spellings seen with their\ncounts; then every mention as document:line:column and the words as written. Names in no alias\ntable are merged when their romanisations are alike, so a Hindi and an English spelling meet.\n\nExamples:\n  tathya entities tests/corpus/\n  tathya entities --format json tests/corpus/001_93327e7be077d1f2.txt\n  tathya entities --format jsonl folder/ > entities.jsonl   one entity per line"
)]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format (jsonl prints one entity per line).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// One mention of an entity in one document.
#[derive(Debug, Clone, Serialize)]
struct Mention {
    document: String,
    start: usize,
    end: usize,
    line: usize,
    column: usize,
    text: String,
}

/// An entity across documents.
#[derive(Debug, Clone, Serialize)]
struct Entity {
    entity: String,
    kind: String,
    mentions: Vec<Mention>,
}

#[derive(Serialize)]
struct Report<'a> {
    tathya: &'static str,
    /// The JSON contract version.
    contract: &'static str,
    entities: &'a [Entity],
}

pub fn run(args: Args, color: ColorChoice) -> Result<Status> {
    let style = Style {
        color: color.enabled(),
    };
    let g = args.input.grammars()?;
    let opts = Options {
        lang: args.input.lang,
        skip_mt: true,
    };
    let mut status = Status::Clean;
    let raws: Vec<_> = args.input.docs().collect();
    let progress = args.input.progress();
    let docs = super::input::analyze_all(raws, &opts, g, &progress, |_| {});
    progress.finish();
    let mut by: BTreeMap<(String, String), Vec<Mention>> = BTreeMap::new();
    for doc in &docs {
        if doc.is_failed() {
            status = Status::Error;
            super::input::report_failed(doc);
            continue;
        }
        let idx = LineIndex::new(&doc.text);
        for e in &doc.entities {
            let list = by.entry((e.entity.clone(), e.kind.clone())).or_default();
            for m in &e.mentions {
                let (line, column) = idx.line_col(&doc.text, m.start);
                list.push(Mention {
                    document: doc.id.clone(),
                    start: m.start,
                    end: m.end,
                    line,
                    column,
                    text: m.text.clone(),
                });
            }
        }
    }
    let entities = merge(by, g);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match args.format {
        Format::Text => {
            out.write_all(escape::listing(&render_text(&entities, &style), style.color).as_bytes())?
        }
        Format::Json => {
            let s = serde_json::to_string_pretty(&Report {
                tathya: env!("CARGO_PKG_VERSION"),
                contract: tathya::CONTRACT_VERSION,
                entities: &entities,
            })?;
            writeln!(out, "{}", escape::json(s))?;
        }
        Format::Jsonl => {
            for e in &entities {
                writeln!(out, "{}", escape::json(serde_json::to_string(e)?))?;
            }
        }
    }
    out.flush()?;
    Ok(status)
}

/// Merge entities of the same kind whose names are in no table and romanise alike.
fn merge(by: BTreeMap<(String, String), Vec<Mention>>, g: &tathya::Grammars) -> Vec<Entity> {
    let mut out: Vec<Entity> = Vec::new();
    for ((entity, kind), mentions) in by {
        let known = g.entity.lookup(&entity).is_some();
        let into = (!known)
            .then(|| {
                out.iter().position(|o| {
                    o.kind == kind
                        && g.entity.lookup(&o.entity).is_none()
                        && tathya::romanize::name_similarity(&o.entity, &entity) >= 0.9
                })
            })
            .flatten();
        match into {
            Some(i) => out[i].mentions.extend(mentions),
            None => out.push(Entity {
                entity,
                kind,
                mentions,
            }),
        }
    }
    for e in &mut out {
        e.mentions
            .sort_by(|a, b| (&a.document, a.start, a.end).cmp(&(&b.document, b.start, b.end)));
    }
    out
}

fn render_text(entities: &[Entity], style: &Style) -> String {
    let mut s = String::new();
    for e in entities {
        let docs: std::collections::BTreeSet<&str> =
            e.mentions.iter().map(|m| m.document.as_str()).collect();
        let mut spellings: BTreeMap<&str, usize> = BTreeMap::new();
        for m in &e.mentions {
            *spellings.entry(m.text.as_str()).or_default() += 1;
        }
        s.push_str(&format!(
            "{} ({}): {} mention{} in {} document{}\n",
            style.paint("1", &e.entity),
            e.kind,
            e.mentions.len(),
            if e.mentions.len() == 1 { "" } else { "s" },
            docs.len(),
            if docs.len() == 1 { "" } else { "s" },
        ));
        let sp: Vec<String> = spellings.iter().map(|(t, n)| format!("{t} ×{n}")).collect();
        s.push_str(&format!("    as: {}\n", sp.join(", ")));
        for m in &e.mentions {
            s.push_str(&format!(
                "    {}:{}:{}  {}\n",
                escape::terminal_line(&m.document),
                m.line,
                m.column,
                m.text
            ));
        }
    }
    s
}
