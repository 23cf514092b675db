//! Cross-source consistency: do the outlets agree?
//!
//! `check` takes analysed documents ([`Document`]s with their claims) and answers, claim by claim,
//! what several outlets corroborate, what conflicts, and what rests on one source:
//!
//! 1. [`story`] groups documents into stories: publication dates within a window and a weighted
//!    overlap of their specific words and entities (words that many documents share count little),
//!    so the same people a year apart, or a different visit, are a different story. Users can fix
//!    the grouping ([`CheckOptions::stories`]).
//! 2. [`align`] aligns comparable items across a story's documents: sentences (statements) by
//!    shared anchors, then figures by unit and value in similar context, times by date and event,
//!    quotes by speaker and content. Candidates come from blocking keys (rare words, units, value
//!    buckets), never from all pairs, so the cost grows about linearly with the corpus.
//! 3. [`verdict`] decides each group: corroborated (two or more independent origins — copies of
//!    one wire count once), conflicting (incompatible values for the same anchor, qualifiers
//!    respected), or single source; with a score, a one-line explanation and every member span.
//! 4. [`findings`] turns conflicts, single-source key claims and unsourced figures into
//!    [`Finding`]s with stable codes.
//!
//! A run too large to hold ([`stream`]) keeps only each document's key ([`story::DocKey`]) in
//! memory, forms the stories from the keys ([`stories`]) and decides each story ([`decide`]) with
//! its documents read back, one batch of stories at a time; [`check`] does the same in memory.
//!
//! Everything here is deterministic: documents, stories, groups and members are sorted by input
//! order and byte offsets; hash maps are only looked up, never iterated into output.

pub mod align;
pub mod anchored;
pub mod findings;
pub mod frames;
pub mod norm;
pub mod origin;
pub mod story;
pub mod stream;
pub mod verdict;

use serde::Serialize;

use crate::analysis::Document;
use crate::check::norm::CheckGrammar;
use crate::claim::ser_num;
use crate::finding::{CodeDoc, Finding};

pub use findings::CODES;

/// How `check` runs.
#[derive(Debug, Clone)]
pub struct CheckOptions {
    /// Two dated documents whose publication dates are further apart than this many days are
    /// never in one story.
    pub window_days: i64,
    /// Least similarity of two documents' specific words for them to share a story (0–1).
    pub story_threshold: f64,
    /// Fixed stories: each list names documents (by id, path suffix or file name) that form one
    /// story. Documents named nowhere are grouped automatically among themselves.
    pub stories: Vec<Vec<String>>,
    /// Run-wide term frequencies for story scores, when the documents checked are one partition
    /// of a larger run ([`story::Stats`]); none: counted over the documents checked.
    pub stats: Option<std::sync::Arc<story::Stats>>,
    /// Stories decided by the link stage of a partitioned run ([`story::Planned`]): when given,
    /// `check` does not cluster but checks the planned stories whose documents it has.
    pub plan: Option<std::sync::Arc<Vec<story::Planned>>>,
}

impl Default for CheckOptions {
    fn default() -> Self {
        CheckOptions {
            window_days: 3,
            story_threshold: story::DEFAULT_THRESHOLD,
            stories: Vec::new(),
            stats: None,
            plan: None,
        }
    }
}

/// The result of a check: stories with their claim groups, and findings across documents.
#[derive(Debug, Clone, Serialize)]
pub struct CheckReport {
    /// Stories in order of their first document.
    pub stories: Vec<Story>,
    /// Findings, sorted by story, severity (highest first), document and offset.
    pub findings: Vec<Finding>,
}

/// Documents about one event, and what they claim in common.
#[derive(Debug, Clone, Serialize)]
pub struct Story {
    /// `S1`, `S2` … in order of the stories' first documents.
    pub id: String,
    /// Document ids, in input order.
    pub documents: Vec<String>,
    /// True when the user fixed this grouping.
    pub fixed: bool,
    /// Why the documents were put together (or kept apart).
    pub reason: String,
    /// Claim groups: corroborated and conflicting first, then single-source.
    pub groups: Vec<ClaimGroup>,
    /// Positions of the documents in the input.
    #[serde(skip)]
    pub doc_indices: Vec<usize>,
}

/// What a group compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupKind {
    /// Figures: value, unit or counted noun, context.
    Figure,
    /// Times: resolved date and the event at that time.
    Time,
    /// Quotes: speaker and content.
    Quote,
    /// Sentences that state the same thing (shared anchors), claims or not.
    Statement,
}

impl GroupKind {
    /// The name used in JSON.
    pub fn as_str(&self) -> &'static str {
        match self {
            GroupKind::Figure => "figure",
            GroupKind::Time => "time",
            GroupKind::Quote => "quote",
            GroupKind::Statement => "statement",
        }
    }
}

/// The verdict on a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Two or more independent origins say the same.
    Corroborated,
    /// Members disagree on the value for the same anchor, at the same reference time.
    Conflicting,
    /// Members give different values at different reference times: an update to show, not a
    /// contradiction.
    Timing,
    /// Only one origin says it.
    SingleSource,
}

impl Verdict {
    /// The name used in JSON.
    pub fn as_str(&self) -> &'static str {
        match self {
            Verdict::Corroborated => "corroborated",
            Verdict::Conflicting => "conflicting",
            Verdict::Timing => "timing",
            Verdict::SingleSource => "single_source",
        }
    }
}

/// Comparable claims (or sentences) across a story's documents.
#[derive(Debug, Clone, Serialize)]
pub struct ClaimGroup {
    /// `S1.G3`: the story and the group's position in it.
    pub id: String,
    /// What is compared.
    pub kind: GroupKind,
    /// The verdict.
    pub verdict: Verdict,
    /// Confidence in the verdict, in [0, 1].
    #[serde(serialize_with = "ser_num")]
    pub score: f64,
    /// Independent origins behind the members (a wire, or an outlet's own report).
    pub origins: Vec<String>,
    /// Every member span, in input order of documents, then by offset.
    pub members: Vec<Member>,
    /// One line for a person.
    pub explanation: String,
    /// For a conflicting group: the two members (indices into `members`) that disagree most.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conflict: Option<[usize; 2]>,
    /// A claim an editor would check first (in the headline or lead).
    pub key: bool,
    /// No member's sentence names a source.
    pub unsourced: bool,
}

impl ClaimGroup {
    /// The two members (indices into `members`) a report shows side by side: the pair that
    /// disagrees most where the group has one ([`ClaimGroup::conflict`]), else its first and last.
    pub fn shown_pair(&self) -> [usize; 2] {
        self.conflict
            .unwrap_or([0, self.members.len().saturating_sub(1)])
    }
}

/// One member of a group: a claim (or a sentence) in one document.
#[derive(Debug, Clone, Serialize)]
pub struct Member {
    /// The document id.
    pub document: String,
    /// Index into that document's claims; null for a statement (a whole sentence).
    pub claim: Option<usize>,
    /// Index of the sentence in the document.
    pub sentence: usize,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The span's text.
    pub text: String,
    /// The value compared, as a short string (`40% से अधिक` → `>40%`; a date; a speaker).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// The origin this member is counted under.
    pub origin: String,
    /// In a conflict, the byte spans of the member's sentence whose words differ from the other
    /// side's sentence.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub differs: Vec<[usize; 2]>,
    /// For a figure: its frame (measure, place, window, reference time, role), as extracted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub frame: Option<crate::extract::frame::Frame>,
    /// Position of the document in the input.
    #[serde(skip)]
    pub doc: usize,
}

/// Check `docs`: stories, claim groups, verdicts and findings, all held in memory.
///
/// Documents that failed to load take no part. The grammars give the comparison data
/// ([`CheckGrammar`]: pass the crate's [`Grammars`](crate::Grammars) or its `check` field). A run too large to hold every document and every story's groups at once
/// forms its stories from the documents' keys ([`story::DocKey`], [`stories`]) and decides and
/// writes them one at a time ([`decide`]), as `tathya check` does; the result is the same.
pub fn check<G: AsRef<CheckGrammar> + ?Sized>(
    docs: &[Document],
    opts: &CheckOptions,
    g: &G,
) -> CheckReport {
    use rayon::prelude::*;
    let g: &CheckGrammar = g.as_ref();
    let keys = story::keys(docs, g);
    let mut stories = stories(&keys, opts);
    drop(keys);
    let decided: Vec<(Vec<ClaimGroup>, Vec<Finding>)> = stories
        .par_iter()
        .map(|s| {
            let sd: Vec<&Document> = s.doc_indices.iter().map(|&i| &docs[i]).collect();
            decide(s, &sd, g)
        })
        .collect();
    let mut findings = Vec::new();
    for (s, (gs, fs)) in stories.iter_mut().zip(decided) {
        s.groups = gs;
        findings.extend(fs);
    }
    CheckReport { stories, findings }
}

/// The stories of a run, formed from its documents' keys (in input order): the planned ones
/// when [`CheckOptions::plan`] is given, else found by [`story::cluster`]. Their groups are
/// empty until [`decide`]d.
pub fn stories(keys: &[story::DocKey], opts: &CheckOptions) -> Vec<Story> {
    match &opts.plan {
        Some(plan) => story::planned(keys, plan),
        None => story::cluster(keys, opts),
    }
}

/// Decide one story: align its documents' claims, give each group its verdict, and raise the
/// story's findings (sorted by severity, highest first, then document and offset). `docs` are
/// the story's documents in the order of [`Story::doc_indices`]; members name documents by
/// their input position, as there.
pub fn decide<G: AsRef<CheckGrammar> + ?Sized>(
    s: &Story,
    docs: &[&Document],
    g: &G,
) -> (Vec<ClaimGroup>, Vec<Finding>) {
    let cg: &CheckGrammar = g.as_ref();
    let views: Vec<align::DocView> = docs
        .iter()
        .enumerate()
        .map(|(k, d)| align::DocView::new(k, d, cg))
        .collect();
    let origins = origin::Origins::new(&views, docs, cg);
    let aligned = align::align(&views, docs, cg);
    let mut groups = verdict::decide(&s.id, aligned, &views, &origins, docs, cg);
    // Findings read the members' claims by their position in `docs`, before they are renamed.
    let found = findings::findings(s, &groups, docs);
    for m in groups.iter_mut().flat_map(|g| g.members.iter_mut()) {
        m.doc = s.doc_indices.get(m.doc).copied().unwrap_or(usize::MAX);
    }
    (groups, found)
}

/// Every code `check` can raise (re-exported for `tathya explain`).
pub fn codes() -> &'static [CodeDoc] {
    CODES
}
