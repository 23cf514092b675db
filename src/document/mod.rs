//! Documents as read: the text, its language, page chrome and sentences.
//!
//! This is the input layer: nothing here knows the stages that read it. What they make of a
//! document (claims, entities, findings, machine-translation scores, the publication date and
//! dateline) is the analysed [`Document`](crate::Document) of `crate::analysis`.

pub mod chrome;
pub mod lang;
pub mod load;
pub mod sentence;

pub use chrome::ChromeLine;
pub use lang::Lang;
pub use sentence::Sentence;

/// The file name of a document id without its folders: the outlet name of last resort.
pub fn file_name(id: &str) -> &str {
    id.rsplit(['/', '\\']).next().unwrap_or(id)
}
