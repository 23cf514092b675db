//! Rendering: the readable listing and the JSON contract. Renderers return strings, or write to a
//! writer they are given (the check reports, story by story as each is decided); only the binary
//! chooses where output goes.

pub mod check_json;
pub mod check_markdown;
pub mod check_text;
pub mod escape;
pub mod html;
pub mod json;
pub mod mt;
pub mod text;

use crate::analysis::Document;
use crate::check::Story;

/// Which claim groups the terminal and Markdown check reports list (the JSON and HTML reports
/// always hold every group).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Show {
    /// Only conflicting groups.
    Conflicts,
    /// What an editor should look at: conflicts, timing differences and any other verdict that
    /// is neither corroborated nor single-source, and single-source key claims (headline or
    /// lead); the rest is counted on one line.
    #[default]
    Flagged,
    /// Every group.
    All,
}

impl Show {
    /// True when the report lists `g`.
    pub fn lists(self, g: &crate::check::ClaimGroup) -> bool {
        let v = g.verdict.as_str();
        match self {
            Show::All => true,
            Show::Conflicts => v == "conflicting",
            Show::Flagged => {
                !matches!(v, "corroborated" | "single_source") || (v == "single_source" && g.key)
            }
        }
    }
}

/// The documents a report reads, by input position: every document of the run, or only those of
/// the story being written (a run too large to hold every document writes its stories one at a
/// time, each with its own documents).
#[derive(Debug, Clone, Copy)]
pub enum Docs<'a> {
    /// Every document, in input order.
    All(&'a [Document]),
    /// Some documents: `at` their input positions (ascending), `docs` the documents.
    Some {
        /// Input positions, ascending.
        at: &'a [usize],
        /// The documents at those positions.
        docs: &'a [&'a Document],
    },
}

impl<'a> Docs<'a> {
    /// A story's documents: `docs` in the order of its [`Story::doc_indices`].
    pub fn story(s: &'a Story, docs: &'a [&'a Document]) -> Self {
        Docs::Some {
            at: &s.doc_indices,
            docs,
        }
    }

    /// The document at input position `i`, when it is here.
    pub fn get(&self, i: usize) -> Option<&'a Document> {
        match *self {
            Docs::All(d) => d.get(i),
            Docs::Some { at, docs } => at.binary_search(&i).ok().and_then(|k| docs.get(k).copied()),
        }
    }

    /// Every document here with its input position, in input order.
    pub fn iter(&self) -> Box<dyn Iterator<Item = (usize, &'a Document)> + 'a> {
        match *self {
            Docs::All(d) => Box::new(d.iter().enumerate()),
            Docs::Some { at, docs } => Box::new(at.iter().copied().zip(docs.iter().copied())),
        }
    }

    /// The input position of the first document here with this id.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.iter().find(|(_, d)| d.id == id).map(|(i, _)| i)
    }
}

/// The outlet name to show for an origin: an origin named after a document's file (a document
/// that credits no wire) stands for that document's outlet.
pub fn origin_name<'a>(origin: &'a str, docs: Docs<'a>) -> &'a str {
    docs.iter()
        .map(|(_, d)| d)
        .find(|d| d.outlet != origin && crate::document::file_name(&d.id) == origin)
        .map_or(origin, |d| d.outlet.as_str())
}

/// Who published a document and which file it is: `IANS 000_….txt`, or only the file name when
/// the outlet is not known apart from it.
pub fn outlet_and_file(d: &crate::analysis::Document) -> String {
    let file = crate::document::file_name(&d.id);
    if d.outlet == file {
        file.to_string()
    } else {
        format!("{} {file}", d.outlet)
    }
}

/// Colour choice for terminal output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Style {
    /// Emit ANSI colours.
    pub color: bool,
}

impl Style {
    /// `s` wrapped in the ANSI code `code` (`"1"` bold, `"31;1"` bold red) when colour is on.
    pub fn paint(&self, code: &str, s: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
}

pub use crate::claim::quoted;
