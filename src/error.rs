//! The library's typed errors. A per-document load error is kept on the document
//! ([`crate::Document::errors`]); a grammar error stops the run before any document is read.

use thiserror::Error;

/// A grammar file could not be used.
#[derive(Debug, Error, Clone, PartialEq)]
pub enum GrammarError {
    /// A module needs a file the set does not have.
    #[error("grammar file `{file}` is missing")]
    Missing {
        /// The file's path under `grammars/`.
        file: String,
    },
    /// A file is not valid TOML for its schema.
    #[error("grammar file `{file}`: {message}")]
    Parse {
        /// The file's path under `grammars/`.
        file: String,
        /// What the TOML parser said.
        message: String,
    },
    /// A file parsed but its content is wrong (a bad pattern, a duplicate word …).
    #[error("grammar file `{file}`: {message}")]
    Invalid {
        /// The file's path under `grammars/`.
        file: String,
        /// What is wrong.
        message: String,
    },
    /// A file in the override directory replaces no built-in grammar file (a typo in its name
    /// or folder would otherwise be ignored silently).
    #[error(
        "grammar file `{file}` in the override directory is not a grammar file tathya reads (expected a path such as {example})"
    )]
    Unknown {
        /// The file's path under the override directory.
        file: String,
        /// A known path, for the message.
        example: String,
    },
    /// The override directory does not exist.
    #[error("grammar directory `{dir}` does not exist or is not a directory")]
    Dir {
        /// The directory as given.
        dir: String,
    },
    /// The override directory could not be read.
    #[error("cannot read `{file}`: {message}")]
    Io {
        /// The path.
        file: String,
        /// The OS error.
        message: String,
    },
}

/// Why a document could not be read.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// The OS refused to read it.
    #[error("cannot read: {0}")]
    Io(String),
    /// The bytes are not UTF-8.
    #[error("not valid UTF-8 (first bad byte at offset {offset})")]
    NotUtf8 {
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
    /// The bytes look binary (a NUL byte).
    #[error("binary content (NUL byte at offset {offset}); not a text article")]
    Binary {
        /// Byte offset of the first NUL.
        offset: usize,
    },
    /// Nothing but white space.
    #[error("empty document")]
    Empty,
    /// Larger than the limit.
    #[error("too large: {size} bytes (limit {limit}; raise it with --max-bytes)")]
    TooLarge {
        /// Size in bytes.
        size: u64,
        /// The limit in force.
        limit: u64,
    },
    /// A JSON Lines record is malformed.
    #[error("line {line}: {message}")]
    Record {
        /// 1-based line number in the JSONL input.
        line: usize,
        /// What is wrong with it.
        message: String,
    },
}
