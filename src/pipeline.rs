//! The claims pipeline: bytes → [`Document`] → sentences → claims → findings.
//!
//! Each stage is a plain function of the previous stage's output; this file only calls them in
//! order. Documents are independent, so callers may run [`analyze`] on many threads.

use chrono::NaiveDate;

use crate::Grammars;
use crate::analysis::Document;
use crate::document::load::RawDoc;
use crate::document::{Lang, chrome, lang, sentence};
use crate::extract::metadata;
use crate::extract::{self, ExtractCtx};

/// Per-run options of the pipeline.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Force the language instead of detecting it by script.
    pub lang: Option<Lang>,
    /// Skip the machine-translation stage.
    pub skip_mt: bool,
}

/// Analyse one document's text.
///
/// `published` (from a JSONL record) wins over the date read from the page; relative times
/// ("शुक्रवार", "last Friday") resolve against it.
///
/// # Example
///
/// ```
/// use tathya::claim::ClaimKind;
/// use tathya::{Grammars, NaiveDate, Options, analyze};
///
/// let text = "सेना के 6,000 सैनिक शुक्रवार को सीमा पर पहुंचे।".to_string();
/// let published = NaiveDate::from_ymd_opt(2024, 12, 1); // a Sunday
/// let doc = analyze("a.txt", text, published, &Options::default(), Grammars::builtin());
///
/// let figure = &doc.claims[0];
/// assert_eq!(figure.text, "6,000 सैनिक");
/// assert!(matches!(&figure.detail, ClaimKind::Figure(f) if f.value == 6000.0));
/// // Spans are byte offsets into the text as given.
/// assert_eq!(&doc.text[figure.start..figure.end], "6,000 सैनिक");
///
/// let time = &doc.claims[1];
/// assert!(matches!(&time.detail, ClaimKind::Time(t) if t.value.as_deref() == Some("2024-11-29")));
/// ```
pub fn analyze(
    id: impl Into<String>,
    text: String,
    published: Option<NaiveDate>,
    opts: &Options,
    g: &Grammars,
) -> Document {
    let lang = opts.lang.unwrap_or_else(|| lang::detect(&text));
    let chrome = chrome::mark(&text, lang, &g.chrome);
    let meta = metadata::extract(&text, &chrome, lang, &g.time);
    let published_final = published.or(meta.published);
    let sentences = sentence::split(&text, &chrome, &g.sentence);
    // The token stream is made once, by the first stage that reads it.
    let tokens = std::cell::OnceCell::new();

    let ctx = ExtractCtx {
        text: &text,
        lang,
        sentences: &sentences,
        chrome: &chrome,
        published: published_final,
        grammars: g.extract(),
        tokens: &tokens,
    };
    let times = extract::time::extract(&ctx);
    // A number inside a date ("16 नवं. 2016", "2019-sep-1") belongs to the date: the figure
    // extractor does not know the time grammar, so overlaps are settled here, once.
    // Time spans sorted, with the furthest end of each prefix: one search per figure.
    let mut tspans: Vec<crate::span::Span> = times.iter().map(|t| t.span()).collect();
    tspans.sort();
    let reach: Vec<usize> = tspans
        .iter()
        .scan(0usize, |m, t| {
            *m = (*m).max(t.end);
            Some(*m)
        })
        .collect();
    let in_time = |f: crate::span::Span| {
        let k = tspans.partition_point(|t| t.start < f.end);
        k > 0 && reach[k - 1] > f.start
    };
    let mut claims: Vec<_> = extract::figure::extract(&ctx)
        .into_iter()
        .filter(|f| !in_time(f.span()))
        .collect();
    claims.extend(times);
    // Quotes, attributions and entities depend on each other, so one speech pass makes all three
    // (`quote::extract`, `attribution::extract` and `entity::extract` each run it alone).
    let speech = extract::speech::analyze(&ctx);
    let mut findings = speech.findings;
    claims.extend(speech.quotes);
    claims.extend(speech.attributions);
    claims.sort_by(|a, b| (a.start, a.end, a.kind_name()).cmp(&(b.start, b.end, b.kind_name())));
    cap_claims_per_sentence(&mut claims, &sentences, &mut findings);
    extract::frame::annotate(&ctx, &mut claims);
    let entities = extract::entity::from_mentions(&ctx, speech.mentions, &claims);
    // A figure a double cannot hold exactly says so (its text keeps the digits).
    for c in &claims {
        if let crate::claim::ClaimKind::Figure(f) = &c.detail
            && f.value.abs() >= 9_007_199_254_740_992.0
        {
            findings.push(crate::finding::Finding::new(
                &crate::finding::document::INEXACT_NUMBER,
                c.span(),
                format!(
                    "{} is beyond 2^53: the JSON value is approximate, the text exact",
                    c.text
                ),
            ));
        }
    }
    findings.sort_by(|a, b| (a.start, a.end, a.code).cmp(&(b.start, b.end, b.code)));

    let id = id.into();
    let mut doc = Document {
        outlet: crate::document::file_name(&id).to_string(),
        id,
        lang,
        published: published_final,
        published_span: if published.is_some() {
            None
        } else {
            meta.published_span
        },
        dateline: meta.dateline,
        chrome,
        sentences,
        sentence_mt: Vec::new(),
        claims,
        entities,
        findings,
        mt: None,
        errors: Vec::new(),
        text,
    };
    // An agency or outlet credited in the text names the outlet when no record does (the wire
    // names and their spellings are the check grammar's data).
    if let Some(w) = crate::check::origin::credit(&doc, &g.check) {
        doc.outlet = g.check.wires[w].name.clone();
    }
    if !opts.skip_mt {
        let tokens = tokens
            .into_inner()
            .unwrap_or_else(|| crate::tokens::Stream::new(&doc.text, &doc.sentences));
        crate::mt::analyze_stream(&mut doc, &tokens, &g.mt);
        doc.findings
            .sort_by(|a, b| (a.start, a.end, a.code).cmp(&(b.start, b.end, b.code)));
    }
    doc
}

/// Claims kept per sentence: 64, plus one per 8 bytes of the sentence. A dense table flattened
/// into one line keeps all its figures; "1,1,1,…" cannot make a claim of every two bytes (the
/// JSON would be 75 times the input).
pub const CLAIMS_PER_SENTENCE_BASE: usize = 64;
/// Bytes of sentence per claim allowed beyond [`CLAIMS_PER_SENTENCE_BASE`].
pub const BYTES_PER_CLAIM: usize = 8;

/// Keep the first claims of each sentence within its budget; say what was dropped (D001).
fn cap_claims_per_sentence(
    claims: &mut Vec<crate::claim::Claim>,
    sentences: &[crate::document::Sentence],
    findings: &mut Vec<crate::finding::Finding>,
) {
    let mut per: crate::tokens::FxHashMap<usize, usize> = Default::default();
    let mut dropped = 0usize;
    let mut first: Option<crate::span::Span> = None;
    claims.retain(|c| {
        let n = per.entry(c.sentence).or_default();
        *n += 1;
        let len = sentences.get(c.sentence).map_or(0, |s| s.end - s.start);
        let keep = *n <= CLAIMS_PER_SENTENCE_BASE + len / BYTES_PER_CLAIM;
        if !keep {
            dropped += 1;
            first.get_or_insert(c.span());
        }
        keep
    });
    if let Some(at) = first {
        findings.push(crate::finding::Finding::new(
            &crate::finding::document::LIMIT_REACHED,
            at,
            format!(
                "{dropped} claims dropped beyond {CLAIMS_PER_SENTENCE_BASE} per sentence plus one \
                 per {BYTES_PER_CLAIM} bytes of it"
            ),
        ));
    }
}

/// Analyse a document as loaded; a load error gives a failed document.
///
/// A panic inside the stages is a bug (the robustness tests and the fuzz target hunt for them);
/// should one remain, it fails this document only, with an error that says so, and the batch goes on.
pub fn analyze_raw(raw: RawDoc, opts: &Options, g: &Grammars) -> Document {
    match raw.text {
        Ok(text) => {
            let opts = Options {
                lang: opts.lang.or(raw.lang),
                ..opts.clone()
            };
            let id = raw.id.clone();
            let published = raw.published;
            let outlet = raw.outlet;
            let mut doc = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| analyze(raw.id, text, published, &opts, g)))
                .unwrap_or_else(|_| Document::failed(id, "internal error while analysing this document (a bug: please report it with the input)"));
            if let Some(o) = outlet {
                doc.outlet = o;
            }
            doc
        }
        Err(e) => {
            let mut doc = Document::failed(raw.id, e);
            if let Some(o) = raw.outlet {
                doc.outlet = o;
            }
            doc
        }
    }
}
