//! # tathya — claims, cross-source consistency and machine-translation signals for news
//!
//! tathya (तथ्य, "fact") reads news articles — Hindi first, English too — and lists the claims
//! each makes (figures, times, quotations, attributions) with exact byte spans, checks them across
//! outlets, and flags sentences that look machine-translated.
//!
//! ## Design decisions
//!
//! - **Spans are byte offsets into the text as read** ([`Span`]). Nothing is normalised in place;
//!   matching code that needs normalised text keeps its own map back. Line and column (in
//!   characters) are computed only when rendering ([`span::LineIndex`]).
//! - **Stages are plain functions** ([`pipeline::analyze`]): document → chrome → metadata →
//!   sentences → extractors → entities → MT. No stage reaches back.
//! - **Grammars are data** ([`grammar`]): word lists and patterns live in `grammars/`, embedded at
//!   build time and replaceable at run time; each file carries examples that run as tests.
//! - **Findings are data** ([`Finding`]) with stable codes ([`codes`]).
//! - **The library never prints** and never panics on input; bad input becomes a per-document
//!   error ([`Document::errors`]).
//! - **Output is deterministic**: claims, findings and entities are sorted; no hash order leaks.

pub mod analysis;
pub mod check;
pub mod claim;
pub mod codes;
pub mod document;
pub mod error;
pub mod extract;
pub mod finding;
pub mod grammar;
mod grammars;
pub mod mt;
pub mod pipeline;
pub mod report;
pub mod romanize;
pub mod span;
pub mod tokens;

pub use analysis::Document;
pub use claim::{Claim, ClaimKind};
pub use document::{Lang, Sentence};
pub use error::{GrammarError, LoadError};
pub use finding::{Finding, Severity};
pub use grammar::GrammarSet;
pub use grammars::Grammars;
pub use pipeline::{Options, analyze, analyze_raw};
pub use span::Span;

/// The calendar date type [`analyze`] takes for a publication date (re-exported from `chrono`).
pub use chrono::NaiveDate;

/// The JSON contract version, printed as `"contract"` beside the tool's version (`"tathya"`) in
/// every JSON report, and by `tathya --version`.
pub const CONTRACT_VERSION: &str = "1";
