//! The JSON contract (version 1): `{"tathya": "<version>", "documents": [...]}`; JSON Lines is
//! one document object per line.

use serde::Serialize;

use crate::analysis::Document;

#[derive(Serialize)]
struct ClaimsReport<'a> {
    tathya: &'static str,
    /// The JSON contract version.
    contract: &'static str,
    documents: &'a [Document],
}

/// The whole claims report with a final newline: indented down to the lists of a document
/// (sentences, claims, entities, findings), each record of those lists on one line — readable,
/// greppable, and about the size of JSON Lines rather than twice it (see [`shallow`]).
pub fn claims(docs: &[Document]) -> String {
    let mut s = shallow(
        &ClaimsReport {
            tathya: env!("CARGO_PKG_VERSION"),
            contract: crate::CONTRACT_VERSION,
            documents: docs,
        },
        RECORD_DEPTH,
    )
    .unwrap_or_else(|e| format!("{{\"error\": {:?}}}", e.to_string()));
    s.push('\n');
    super::escape::json(s)
}

/// Containers opened above a record of a document's lists: the report object, `documents`,
/// the document object, and the list itself.
const RECORD_DEPTH: usize = 4;

/// `value` as JSON, indented by two spaces for the first `depth` levels of nesting and compact
/// below: what is at `depth` and deeper is written on one line. Pretty printing of every level
/// makes a claim of a short sentence ten lines and the report twice the size of its compact
/// form; short hostile sentences ("\"Yes,\" he said." repeated) then give ~45× their input.
pub fn shallow<T: Serialize + ?Sized>(value: &T, depth: usize) -> serde_json::Result<String> {
    let mut out = Vec::with_capacity(128);
    let mut ser = serde_json::Serializer::with_formatter(&mut out, Shallow::new(depth));
    value.serialize(&mut ser)?;
    // serde_json writes only UTF-8.
    Ok(String::from_utf8(out).unwrap_or_default())
}

/// A [`serde_json::ser::Formatter`] that is pretty down to a depth and compact below it.
struct Shallow {
    pretty: serde_json::ser::PrettyFormatter<'static>,
    compact: serde_json::ser::CompactFormatter,
    /// Containers open now.
    open: usize,
    limit: usize,
}

impl Shallow {
    fn new(limit: usize) -> Self {
        Shallow {
            pretty: serde_json::ser::PrettyFormatter::new(),
            compact: serde_json::ser::CompactFormatter,
            open: 0,
            limit,
        }
    }
}

/// Calls the pretty formatter when `$pretty` holds, else the compact one.
macro_rules! either {
    ($self:ident, $pretty:expr, $method:ident ( $($arg:expr),* )) => {
        if $pretty {
            serde_json::ser::Formatter::$method(&mut $self.pretty, $($arg),*)
        } else {
            serde_json::ser::Formatter::$method(&mut $self.compact, $($arg),*)
        }
    };
}

impl serde_json::ser::Formatter for Shallow {
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        let pretty = self.open < self.limit;
        self.open += 1;
        either!(self, pretty, begin_array(w))
    }
    fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open -= 1;
        either!(self, self.open < self.limit, end_array(w))
    }
    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        either!(self, self.open <= self.limit, begin_array_value(w, first))
    }
    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        either!(self, self.open <= self.limit, end_array_value(w))
    }
    fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        let pretty = self.open < self.limit;
        self.open += 1;
        either!(self, pretty, begin_object(w))
    }
    fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open -= 1;
        either!(self, self.open < self.limit, end_object(w))
    }
    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        either!(self, self.open <= self.limit, begin_object_key(w, first))
    }
    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        either!(self, self.open <= self.limit, begin_object_value(w))
    }
    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        either!(self, self.open <= self.limit, end_object_value(w))
    }
}

/// One claims record as a single JSON line, with a final newline: the document, its text and its
/// story keys ([`crate::analysis::record`]), what `check --input claims` reads.
pub fn record_line(doc: &Document, b: &crate::analysis::record::Bucketing) -> String {
    let mut s = serde_json::to_string(&crate::analysis::record::Record::new(doc, b))
        .unwrap_or_else(|e| {
            format!(
                "{{\"id\": {:?}, \"errors\": [{:?}]}}",
                doc.id,
                e.to_string()
            )
        });
    s.push('\n');
    super::escape::json(s)
}

/// One document as a single JSON line, with a final newline.
pub fn document_line(doc: &Document) -> String {
    let mut s = serde_json::to_string(doc).unwrap_or_else(|e| {
        format!(
            "{{\"id\": {:?}, \"errors\": [{:?}]}}",
            doc.id,
            e.to_string()
        )
    });
    s.push('\n');
    super::escape::json(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shallow_is_pretty_above_the_depth_and_compact_below() {
        let v = serde_json::json!({"a": [{"b": [1, 2], "c": null}, {"b": [], "c": "x"}], "d": {}});
        let s = shallow(&v, 2).unwrap();
        assert_eq!(
            s,
            "{\n  \"a\": [\n    {\"b\":[1,2],\"c\":null},\n    {\"b\":[],\"c\":\"x\"}\n  ],\n  \"d\": {}\n}"
        );
        // Same value as the compact form, whatever the depth.
        for depth in 0..5 {
            let back: serde_json::Value =
                serde_json::from_str(&shallow(&v, depth).unwrap()).unwrap();
            assert_eq!(back, v);
        }
        assert_eq!(shallow(&v, 0).unwrap(), serde_json::to_string(&v).unwrap());
        assert_eq!(
            shallow(&v, 9).unwrap(),
            serde_json::to_string_pretty(&v).unwrap()
        );
    }
}
