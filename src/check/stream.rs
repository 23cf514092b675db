//! A check run too large to hold: documents are added one at a time and kept on disk, stories are
//! formed from their light keys, and each story is loaded, decided and handed on before the next.
//!
//! What a run holds for its whole length is, per document, its [`DocKey`] (id, date, two word
//! hashes, the terms of its distinct sentences, its frames: a few kilobytes) and where its record
//! lies in the spill file; per story, its document positions. A story's documents, their views
//! and its claim groups are held only while it is decided and written, a batch of stories at a
//! time (about [`BATCH_DOCUMENTS`] documents), so memory grows with the keys, not with the texts,
//! claims or reports. The result is that of [`super::check`], story for story.

use std::fs::File;
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};
use std::sync::Mutex;

use rayon::prelude::*;
use serde::Serialize;

use super::story::DocKey;
use super::{CheckOptions, ClaimGroup, Story};
use crate::analysis::Document;
use crate::check::norm::CheckGrammar;
use crate::finding::Finding;

/// Documents loaded at once to decide a batch of stories (a larger story is a batch alone).
pub const BATCH_DOCUMENTS: usize = 512;

/// Analysed documents kept in an unnamed temporary file (removed when the store is dropped, or
/// by the system should the process die), each as its claims record: the document's JSON with
/// its text.
pub struct Store {
    file: Mutex<BufWriter<File>>,
    at: Vec<(u64, usize)>,
    end: u64,
}

#[derive(Serialize)]
struct Stored<'a> {
    #[serde(flatten)]
    doc: &'a Document,
    text: &'a str,
}

impl Store {
    /// An empty store in the system's temporary folder.
    pub fn new() -> io::Result<Self> {
        Ok(Store {
            file: Mutex::new(BufWriter::with_capacity(1 << 16, tempfile::tempfile()?)),
            at: Vec::new(),
            end: 0,
        })
    }

    /// Add `d` after the documents already stored.
    pub fn push(&mut self, d: &Document) -> io::Result<()> {
        let bytes = serde_json::to_vec(&Stored {
            doc: d,
            text: &d.text,
        })?;
        let f = self.file.get_mut().map_err(|_| io::Error::other("store"))?;
        f.write_all(&bytes)?;
        self.at.push((self.end, bytes.len()));
        self.end += bytes.len() as u64;
        Ok(())
    }

    /// Documents stored.
    pub fn len(&self) -> usize {
        self.at.len()
    }

    /// True when nothing was stored.
    pub fn is_empty(&self) -> bool {
        self.at.is_empty()
    }

    /// The `i`-th document stored, read back.
    pub fn get(&self, i: usize) -> io::Result<Document> {
        let (start, len) = *self
            .at
            .get(i)
            .ok_or_else(|| io::Error::other(format!("no document {i} in the store")))?;
        let mut bytes = vec![0u8; len];
        {
            let mut f = self.file.lock().map_err(|_| io::Error::other("store"))?;
            f.flush()?;
            let file = f.get_mut();
            file.seek(SeekFrom::Start(start))?;
            file.read_exact(&mut bytes)?;
            file.seek(SeekFrom::End(0))?;
        }
        Ok(serde_json::from_slice(&bytes)?)
    }
}

/// A decided story: the story with its groups, its documents (in the order of
/// [`Story::doc_indices`]) and its findings.
pub struct Decided<'a> {
    /// The story, its groups filled in.
    pub story: &'a Story,
    /// Its documents.
    pub docs: &'a [&'a Document],
    /// Its findings, sorted.
    pub findings: &'a [Finding],
}

/// A check run over documents added one at a time (see the module docs).
pub struct Run {
    keys: Vec<DocKey>,
    store: Store,
    batch: usize,
}

impl Run {
    /// An empty run.
    pub fn new() -> io::Result<Self> {
        Ok(Run {
            keys: Vec::new(),
            store: Store::new()?,
            batch: BATCH_DOCUMENTS,
        })
    }

    /// Decide stories a batch of about `documents` documents at a time (not fewer than one
    /// story) instead of [`BATCH_DOCUMENTS`].
    pub fn batch_documents(mut self, documents: usize) -> Self {
        self.batch = documents;
        self
    }

    /// Add documents, in input order: their keys are made (in parallel) and the documents stored.
    pub fn add<G: AsRef<CheckGrammar> + ?Sized>(
        &mut self,
        docs: &[Document],
        g: &G,
    ) -> io::Result<()> {
        self.keys.extend(super::story::keys(docs, g.as_ref()));
        for d in docs {
            self.store.push(d)?;
        }
        Ok(())
    }

    /// The documents' keys, in input order.
    pub fn keys(&self) -> &[DocKey] {
        &self.keys
    }

    /// The document at input position `i`, read back.
    pub fn document(&self, i: usize) -> io::Result<Document> {
        self.store.get(i)
    }

    /// Documents added.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// True when no document was added.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// The run's stories ([`super::stories`]), their groups empty.
    pub fn stories(&self, opts: &CheckOptions) -> Vec<Story> {
        super::stories(&self.keys, opts)
    }

    /// Decide `stories` in order, a batch at a time (in parallel within a batch), and hand each
    /// to `each` as it is decided; a story and its documents are dropped once `each` returns.
    pub fn decide_each<G: AsRef<CheckGrammar> + ?Sized>(
        &self,
        stories: Vec<Story>,
        g: &G,
        mut each: impl FnMut(Decided) -> io::Result<()>,
    ) -> io::Result<()> {
        let g: &CheckGrammar = g.as_ref();
        let mut rest = stories.into_iter().peekable();
        while rest.peek().is_some() {
            let mut batch: Vec<Story> = Vec::new();
            let mut n = 0;
            while let Some(s) =
                rest.next_if(|s| batch.is_empty() || n + s.doc_indices.len() <= self.batch)
            {
                n += s.doc_indices.len();
                batch.push(s);
            }
            let loaded: Vec<Vec<Document>> = batch
                .par_iter()
                .map(|s| s.doc_indices.iter().map(|&i| self.store.get(i)).collect())
                .collect::<io::Result<_>>()?;
            let decided: Vec<(Vec<ClaimGroup>, Vec<Finding>)> = batch
                .par_iter()
                .zip(&loaded)
                .map(|(s, docs)| {
                    let refs: Vec<&Document> = docs.iter().collect();
                    super::decide(s, &refs, g)
                })
                .collect();
            for ((mut s, docs), (groups, findings)) in batch.into_iter().zip(loaded).zip(decided) {
                s.groups = groups;
                let refs: Vec<&Document> = docs.iter().collect();
                each(Decided {
                    story: &s,
                    docs: &refs,
                    findings: &findings,
                })?;
            }
        }
        Ok(())
    }
}
