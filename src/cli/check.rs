//! `tathya check`: do the sources agree? Groups articles into stories, aligns their claims and
//! reports what is corroborated, what conflicts and what rests on one source.

use std::io::{Seek, Write};
use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::ValueEnum;
use serde::Deserialize;
use tathya::check::{self, CheckOptions};
use tathya::report::{self, Style, escape};
use tathya::{Document, Options};

use super::Status;
use super::input::{InputArgs, InputFormat};
use super::output::{ColorChoice, FailOn};

/// What the terminal and Markdown reports list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ShowArg {
    /// Only conflicting claim groups.
    Conflicts,
    /// Conflicts, timing differences and single-source key claims; the rest as one count per story.
    #[default]
    Flagged,
    /// Every claim group, corroborated and single-source included.
    All,
}

/// Output formats of the check report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum CheckFormat {
    /// The terminal report, story by story.
    #[default]
    Text,
    /// The JSON report: stories, findings, documents.
    Json,
    /// One tagged JSON object per line: documents, stories, findings.
    Jsonl,
    /// A Markdown report.
    Markdown,
    /// One self-contained HTML page: summary, stories, articles with every claim highlighted.
    Html,
}

#[derive(clap::Args, Debug)]
#[command(
    after_help = "Examples:\n  tathya check tests/corpus/\n  tathya check --format json a.txt b.txt c.txt\n  tathya check --story a.txt,b.txt --story c.txt,d.txt folder/\n  tathya check --stories stories.toml --fail-on warning folder/\n  tathya check --show all tests/corpus/          every claim group, corroborated and single-source too\n  tathya claims --format jsonl tests/corpus/ | tathya check --input claims -   two stages, one report\n  tathya check --format html tests/corpus/ > report.html\n\nThe text report lists, story by story, its documents (outlet, file, date), then the conflicts (both\nsentences, the differing words marked), timing differences and single-source key claims, each with\nits members (outlet, file, line:column, sentence); the other groups are counted on one line\n(--show all lists them); then the findings and a line of totals.\n\nA stories manifest lists documents (by id, path suffix or file name) that form one story:\n  [[story]]\n  documents = [\"000_b1c8025b0e2ba5b4.txt\", \"002_5fa5028a7c2c55c0.txt\"]\n\nMemory: check puts each document aside in a temporary file once it is read and holds only its key\n(a few KB: id, date, sentence terms, frames); stories are formed from the keys, then read back,\ndecided and written a batch at a time. --format jsonl prints each document as it is read and each\nstory as it is decided (the findings last).\n\nExit codes: 0 clean, 1 a finding at or above --fail-on, 2 an input could not be read."
)]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    pub format: CheckFormat,
    /// Exit with 1 when a finding at or above this severity exists (info, warning, error, never).
    #[arg(long, default_value = "error", value_parser = FailOn::parse)]
    pub fail_on: FailOn,
    /// Which claim groups the text and Markdown reports list (JSON and HTML hold them all).
    #[arg(long, value_enum, default_value_t = ShowArg::Flagged)]
    pub show: ShowArg,
    /// Documents that form one story, comma-separated (repeat for more stories).
    #[arg(long = "story", value_name = "A,B,…")]
    pub story: Vec<String>,
    /// A TOML manifest of stories: `[[story]] documents = [...]`.
    #[arg(long, value_name = "FILE")]
    pub stories: Option<PathBuf>,
    /// Dated documents further apart than this many days are never one story.
    #[arg(long, default_value_t = 3)]
    pub window_days: i64,
    /// Skip the machine-translation stage.
    #[arg(long)]
    pub no_mt: bool,
    /// With --input claims and --count-stats or --pairs: the story key of this partition. Its
    /// own documents are those of this `story_key`; the others came from neighbour buckets so
    /// that every pair of documents within the window meets in one partition.
    #[arg(long, value_name = "STORY_KEY")]
    pub partition: Option<String>,
    /// Print the term frequencies that story scores use (JSON), counted over the documents read
    /// (with --partition: over those whose own `story_key` it is), and check nothing. A
    /// partitioned run sums every partition's counts and gives the sum to each reducer (--stats).
    #[arg(long)]
    pub count_stats: bool,
    /// Score stories with these run-wide term frequencies (the sum of every partition's
    /// --count-stats) instead of counting them over the documents read.
    #[arg(long, value_name = "FILE")]
    pub stats: Option<PathBuf>,
    /// Print this partition's share of story formation (JSON Lines: its documents and the story
    /// scores of the pairs whose earlier document it owns) and check nothing.
    #[arg(long)]
    pub pairs: bool,
    /// The inputs are every partition's --pairs lines (documents in input order): link them
    /// into stories as one machine would and print the stories (JSON Lines).
    #[arg(long)]
    pub link: bool,
    /// Check these stories (the --link output) instead of forming stories: each partition of
    /// the last stage holds whole stories.
    #[arg(long, value_name = "FILE")]
    pub plan: Option<PathBuf>,
}

/// Documents analysed (or read) at once, in parallel, before they are keyed and put aside.
const CHUNK: usize = 256;

#[derive(Deserialize)]
struct Manifest {
    #[serde(default)]
    story: Vec<ManifestStory>,
}

#[derive(Deserialize)]
struct ManifestStory {
    documents: Vec<String>,
}

pub fn run(args: Args, color: ColorChoice) -> Result<Status> {
    let g = args.input.grammars()?;
    let opts = Options {
        lang: args.input.lang,
        skip_mt: args.no_mt,
    };
    let mut stories: Vec<Vec<String>> = Vec::new();
    if let Some(path) = &args.stories {
        let text =
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        let m: Manifest =
            toml::from_str(&text).with_context(|| format!("parsing {}", path.display()))?;
        stories.extend(m.story.into_iter().map(|s| s.documents));
    }
    for s in &args.story {
        let names: Vec<String> = s
            .split(',')
            .map(str::trim)
            .filter(|x| !x.is_empty())
            .map(String::from)
            .collect();
        if !names.is_empty() {
            stories.push(names);
        }
    }
    if args.link {
        return link(&args);
    }
    if args.partition.is_some() && args.input.input != InputFormat::Claims {
        anyhow::bail!("--partition needs --input claims: the story keys are in the claims records");
    }
    if args.partition.is_some() && !(args.pairs || args.count_stats) {
        anyhow::bail!("--partition goes with --count-stats or --pairs");
    }
    let stdout = std::io::stdout();
    let mut w = std::io::BufWriter::new(stdout.lock());
    // Every document is read, counted, keyed and put aside; JSON Lines prints it at once.
    let mut run = check::stream::Run::new().context("creating the temporary store of documents")?;
    let mut ids = super::input::Ids::default();
    let mut status = Status::Clean;
    let mut failed: Vec<(String, Vec<String>)> = Vec::new();
    let mut story_keys: Vec<Option<String>> = Vec::new();
    let mut lines = (args.format == CheckFormat::Jsonl && !(args.pairs || args.count_stats))
        .then(|| report::check_json::LinesWriter::new(&mut w));
    let mut page = (args.format == CheckFormat::Html).then(report::html::CheckPage::default);
    let mut take = |docs: Vec<Document>, keys: Vec<Option<String>>| -> Result<()> {
        for d in &docs {
            ids.note(&d.id);
            if d.is_failed() {
                status = Status::Error;
                super::input::report_failed(d);
                failed.push((d.id.clone(), d.errors.clone()));
            }
            if let Some(l) = lines.as_mut() {
                l.document(d)?;
            }
            if let Some(p) = page.as_mut() {
                p.document(d);
            }
        }
        if args.partition.is_some() {
            story_keys.extend(keys);
        }
        run.add(&docs, g)?;
        Ok(())
    };
    if args.input.input == InputFormat::Claims {
        // The second stage: what `claims` analysed, read back.
        let mut records = args.input.records().peekable();
        while records.peek().is_some() {
            let (docs, keys): (Vec<Document>, Vec<Option<String>>) =
                records.by_ref().take(CHUNK).unzip();
            take(docs, keys)?;
        }
    } else {
        let progress = args.input.progress();
        let mut raws = args.input.docs().peekable();
        while raws.peek().is_some() {
            let chunk: Vec<_> = raws.by_ref().take(CHUNK).collect();
            let docs = super::input::analyze_all(chunk, &opts, g, &progress, |_| {});
            let n = docs.len();
            take(docs, vec![None; n])?;
        }
        progress.finish();
    }
    validate_stories(&stories, run.keys())?;
    let run_stats = match &args.stats {
        None => None,
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("reading {}", path.display()))?;
            let s: check::story::Stats = serde_json::from_str(&text)
                .with_context(|| format!("parsing {}", path.display()))?;
            Some(std::sync::Arc::new(s))
        }
    };
    let plan = match &args.plan {
        None => None,
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("reading {}", path.display()))?;
            let mut v = Vec::new();
            for (n, line) in text
                .lines()
                .enumerate()
                .filter(|(_, l)| !l.trim().is_empty())
            {
                v.push(
                    serde_json::from_str::<check::story::Planned>(line)
                        .with_context(|| format!("{}:{}", path.display(), n + 1))?,
                );
            }
            Some(std::sync::Arc::new(v))
        }
    };
    let copts = CheckOptions {
        window_days: args.window_days,
        stories,
        stats: run_stats,
        plan,
        ..CheckOptions::default()
    };
    let own = |i: usize| match &args.partition {
        None => true,
        Some(p) => story_keys.get(i).and_then(|k| k.as_deref()) == Some(p.as_str()),
    };
    if args.pairs || args.count_stats {
        return partition_stage(&args, run.keys(), &copts, own, status);
    }
    let style = Style {
        color: color.enabled(),
    };
    let show = match args.show {
        ShowArg::Conflicts => report::Show::Conflicts,
        ShowArg::Flagged => report::Show::Flagged,
        ShowArg::All => report::Show::All,
    };
    // Stories from the documents' keys, then each decided and written before the next.
    let all = run.stories(&copts);
    let mut fails = false;
    let mut note = |fs: &[tathya::finding::Finding]| {
        fails |= fs.iter().any(|f| args.fail_on.fails(f.severity));
    };
    match args.format {
        CheckFormat::Jsonl => {
            let mut l = lines.take().context("the JSON Lines writer")?;
            run.decide_each(all, g, |x| {
                note(x.findings);
                l.findings(x.findings);
                l.story(x.story)
            })?;
            l.finish()?;
        }
        CheckFormat::Text => {
            let mut t = report::check_text::Writer::new(&mut w, style, show, true);
            run.decide_each(all, g, |x| {
                note(x.findings);
                let docs = report::Docs::story(x.story, x.docs);
                t.findings(x.findings, docs);
                t.story(x.story, docs)
            })?;
            t.finish()?;
        }
        CheckFormat::Markdown => {
            let failed = failed.iter().map(|(id, e)| (id.as_str(), e.as_slice()));
            let mut m = report::check_markdown::Writer::new(&mut w, show, failed)?;
            run.decide_each(all, g, |x| {
                note(x.findings);
                m.findings(x.findings);
                m.story(x.story, report::Docs::story(x.story, x.docs))
            })?;
            m.finish()?;
        }
        CheckFormat::Json => {
            let mut j = report::check_json::ReportWriter::new(&mut w)?;
            run.decide_each(all, g, |x| {
                note(x.findings);
                j.findings(x.findings);
                j.story(x.story)
            })?;
            j.documents()?;
            for i in 0..run.len() {
                j.document(&run.document(i)?)?;
            }
            j.finish()?;
        }
        CheckFormat::Html => {
            let mut p = page.take().context("the HTML page")?;
            // The header counts the stories: they are written aside first.
            let mut body = std::io::BufWriter::new(
                tempfile::tempfile().context("creating a temporary file for the report")?,
            );
            run.decide_each(all, g, |x| {
                note(x.findings);
                let docs = report::Docs::story(x.story, x.docs);
                p.findings(x.findings, docs);
                p.story(&mut body, x.story, docs)
            })?;
            let mut body = body.into_inner().map_err(|e| e.into_error())?;
            p.head(&mut w)?;
            body.seek(std::io::SeekFrom::Start(0))?;
            std::io::copy(&mut body, &mut w)?;
            drop(body);
            p.articles(&mut w)?;
            for i in 0..run.len() {
                report::html::CheckPage::article(&mut w, i, &run.document(i)?)?;
            }
            report::html::CheckPage::tail(&mut w)?;
        }
    }
    w.flush()?;
    if status == Status::Clean && fails {
        status = Status::Findings;
    }
    Ok(status)
}

/// `--pairs` or `--count-stats`: a partition's share of story formation, from the documents' keys.
fn partition_stage(
    args: &Args,
    keys: &[check::story::DocKey],
    copts: &CheckOptions,
    own: impl Fn(usize) -> bool,
    status: Status,
) -> Result<Status> {
    if args.pairs {
        let mut w = std::io::BufWriter::new(std::io::stdout().lock());
        let docs_lines = check::story::link_docs(keys, copts, &own)
            .into_iter()
            .map(check::story::LinkLine::Doc);
        let pair_lines = check::story::scored_pairs(keys, copts, &own)
            .into_iter()
            .map(check::story::LinkLine::Pair);
        for l in docs_lines.chain(pair_lines) {
            serde_json::to_writer(&mut w, &l)?;
            w.write_all(b"\n")?;
        }
        w.flush()?;
        return Ok(status);
    }
    if args.count_stats {
        let s = check::story::stats(keys, copts, &own);
        let mut w = std::io::BufWriter::new(std::io::stdout().lock());
        serde_json::to_writer(&mut w, &s)?;
        w.write_all(b"\n")?;
        w.flush()?;
        return Ok(status);
    }
    Ok(status)
}

/// `--link`: every partition's documents and scored pairs in, the run's stories out.
fn link(args: &Args) -> Result<Status> {
    use std::io::BufRead;
    let mut docs = Vec::new();
    let mut pairs = Vec::new();
    let mut read = |name: &str, r: &mut dyn BufRead| -> Result<()> {
        for (n, line) in r.lines().enumerate() {
            let line = line.with_context(|| format!("reading {name}"))?;
            if line.trim().is_empty() {
                continue;
            }
            match serde_json::from_str(&line).with_context(|| format!("{name}:{}", n + 1))? {
                check::story::LinkLine::Doc(d) => docs.push(d),
                check::story::LinkLine::Pair(p) => pairs.push(p),
            }
        }
        Ok(())
    };
    for p in &args.input.paths {
        if p.as_os_str() == "-" {
            read("-", &mut std::io::stdin().lock())?;
        } else {
            let f = std::fs::File::open(p).with_context(|| format!("reading {}", p.display()))?;
            read(&p.display().to_string(), &mut std::io::BufReader::new(f))?;
        }
    }
    let copts = CheckOptions {
        window_days: args.window_days,
        ..CheckOptions::default()
    };
    let mut w = std::io::BufWriter::new(std::io::stdout().lock());
    for s in check::story::link_documents(&docs, &pairs, &copts) {
        let p = check::story::Planned {
            id: s.id,
            documents: s.documents,
            fixed: s.fixed,
            reason: s.reason,
        };
        serde_json::to_writer(&mut w, &p)?;
        w.write_all(b"\n")?;
    }
    w.flush()?;
    Ok(Status::Clean)
}

/// Every name in `--story`/`--stories` must match a document, and no document may be named by
/// two stories: either would silently change the grouping.
fn validate_stories(stories: &[Vec<String>], docs: &[check::story::DocKey]) -> Result<()> {
    let mut owner: Vec<Option<usize>> = vec![None; docs.len()];
    let mut problems: Vec<String> = Vec::new();
    for (k, names) in stories.iter().enumerate() {
        for name in names {
            let hits: Vec<usize> = (0..docs.len())
                .filter(|&i| tathya::check::story::names(&docs[i].id, name))
                .collect();
            if hits.is_empty() {
                problems.push(format!(
                    "story {} names {}, which matches no document",
                    k + 1,
                    escape::terminal_line(name)
                ));
            }
            for i in hits {
                match owner[i] {
                    Some(o) if o != k => problems.push(format!(
                        "{} is in story {} and story {}: a document belongs to one story",
                        escape::terminal_line(&docs[i].id),
                        o + 1,
                        k + 1
                    )),
                    _ => owner[i] = Some(k),
                }
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        anyhow::bail!("{}", problems.join("\n  "))
    }
}
