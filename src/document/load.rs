//! Reading inputs: files, directories (recursive, sorted), standard input, JSON Lines.
//!
//! Every failure is per document: [`RawDoc::text`] carries a [`LoadError`] and the batch
//! goes on. Nothing here panics on any input.

use std::io::{BufRead, Read};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Deserialize;

use crate::document::Lang;
use crate::error::LoadError;

/// Default size limit for one document: 16 MiB.
pub const DEFAULT_MAX_BYTES: u64 = 16 * 1024 * 1024;

/// A document as read, before analysis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawDoc {
    /// The path as given, `-` for standard input, or the record's `id`.
    pub id: String,
    /// The text, or why it could not be had.
    pub text: Result<String, LoadError>,
    /// Language stated by the record, if any.
    pub lang: Option<Lang>,
    /// Publication date stated by the record, if any.
    pub published: Option<NaiveDate>,
    /// The outlet named by the record (`outlet`, else `source`, else the host of `url`), if any.
    pub outlet: Option<String>,
}

impl RawDoc {
    fn err(id: impl Into<String>, e: LoadError) -> Self {
        RawDoc {
            id: id.into(),
            text: Err(e),
            lang: None,
            published: None,
            outlet: None,
        }
    }
}

/// Turn bytes into text, or say why not: binary, not UTF-8, empty, too large.
pub fn decode(bytes: Vec<u8>, max_bytes: u64) -> Result<String, LoadError> {
    if bytes.len() as u64 > max_bytes {
        return Err(LoadError::TooLarge {
            size: bytes.len() as u64,
            limit: max_bytes,
        });
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(LoadError::Binary { offset });
    }
    let text = String::from_utf8(bytes).map_err(|e| LoadError::NotUtf8 {
        offset: e.utf8_error().valid_up_to(),
    })?;
    check_text(text)
}

fn check_text(text: String) -> Result<String, LoadError> {
    if text.trim().is_empty() {
        return Err(LoadError::Empty);
    }
    Ok(text)
}

/// Read one file.
pub fn read_file(path: &Path, max_bytes: u64) -> RawDoc {
    let id = path.display().to_string();
    let text = read_limited(path, max_bytes).and_then(|b| decode(b, max_bytes));
    RawDoc {
        id,
        text,
        lang: None,
        published: None,
        outlet: None,
    }
}

fn read_limited(path: &Path, max_bytes: u64) -> Result<Vec<u8>, LoadError> {
    let file = std::fs::File::open(path).map_err(|e| LoadError::Io(e.to_string()))?;
    let meta = file.metadata().map_err(|e| LoadError::Io(e.to_string()))?;
    if meta.is_dir() {
        return Err(LoadError::Io("is a directory".into()));
    }
    if meta.len() > max_bytes {
        return Err(LoadError::TooLarge {
            size: meta.len(),
            limit: max_bytes,
        });
    }
    let mut buf = Vec::with_capacity(meta.len() as usize);
    // Read one byte past the limit so a file that grows while we read is still caught.
    file.take(max_bytes + 1)
        .read_to_end(&mut buf)
        .map_err(|e| LoadError::Io(e.to_string()))?;
    Ok(buf)
}

/// Read all of standard input (or any reader) as one document called `-`.
pub fn read_reader(id: &str, mut r: impl Read, max_bytes: u64) -> RawDoc {
    let mut buf = Vec::new();
    let text = match r.by_ref().take(max_bytes + 1).read_to_end(&mut buf) {
        Ok(_) => decode(buf, max_bytes),
        Err(e) => Err(LoadError::Io(e.to_string())),
    };
    RawDoc {
        id: id.to_string(),
        text,
        lang: None,
        published: None,
        outlet: None,
    }
}

/// Expand paths: a directory becomes every regular file below it, recursively, sorted by path;
/// hidden files and folders (a name starting with `.`) are skipped. A symbolic link to a folder is
/// followed once: a folder already read (a link loop, or two links to one folder) is not read
/// again. A path that does not exist stays in the list, so that reading it reports the error for
/// that document.
pub fn expand_paths(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut found = Vec::new();
            let mut seen = rustc_hash::FxHashSet::default();
            walk(p, &mut found, &mut seen);
            found.sort();
            out.extend(found);
        } else {
            out.push(p.clone());
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>, seen: &mut rustc_hash::FxHashSet<PathBuf>) {
    // Each real folder once, however many links lead to it.
    if let Ok(real) = std::fs::canonicalize(dir)
        && !seen.insert(real)
    {
        return;
    }
    let Ok(rd) = std::fs::read_dir(dir) else {
        // An unreadable directory is reported by reading it as a file.
        out.push(dir.to_path_buf());
        return;
    };
    for entry in rd.flatten() {
        let p = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        match entry.file_type() {
            Ok(t) if t.is_dir() => walk(&p, out, seen),
            // A link is read as what it points to: a folder is walked, anything else is a
            // document (a broken link then reports its error).
            Ok(t) if t.is_symlink() && p.is_dir() => walk(&p, out, seen),
            Ok(t) if t.is_file() || t.is_symlink() => out.push(p),
            _ => {}
        }
    }
}

#[derive(Deserialize)]
struct Record {
    id: Option<serde_json::Value>,
    text: Option<String>,
    lang: Option<String>,
    published: Option<String>,
    outlet: Option<serde_json::Value>,
    source: Option<serde_json::Value>,
    url: Option<serde_json::Value>,
}

/// The host of a URL without `www.` or a port: `https://www.bbc.com/hindi/x` → `bbc.com`.
pub fn url_host(url: &str) -> Option<&str> {
    let rest = url.trim().split_once("://").map_or(url.trim(), |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host.split(':').next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty() && host.contains('.')).then_some(host)
}

/// The outlet a record names: `outlet`, else `source`, else the host of `url` (strings only).
fn record_outlet(rec: &Record) -> Option<String> {
    let text = |v: &Option<serde_json::Value>| -> Option<String> {
        v.as_ref()
            .and_then(|v| v.as_str())
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from)
    };
    text(&rec.outlet)
        .or_else(|| text(&rec.source))
        .or_else(|| text(&rec.url).and_then(|u| url_host(&u).map(String::from)))
}

/// Parse one JSON Lines record (`id`, `text`, optional `lang`, `published`).
/// `source` names the input and `line` is 1-based, for ids and error messages.
pub fn parse_record(source: &str, line: usize, raw: &str, max_bytes: u64) -> RawDoc {
    let fallback_id = format!("{source}:{line}");
    if raw.len() as u64 > max_bytes {
        return RawDoc::err(
            fallback_id,
            LoadError::TooLarge {
                size: raw.len() as u64,
                limit: max_bytes,
            },
        );
    }
    let rec: Record = match serde_json::from_str(raw) {
        Ok(r) => r,
        Err(e) => {
            return RawDoc::err(
                fallback_id,
                LoadError::Record {
                    line,
                    message: format!("not a JSON object: {e}"),
                },
            );
        }
    };
    let outlet = record_outlet(&rec);
    let id = match rec.id {
        Some(serde_json::Value::String(s)) => s,
        Some(serde_json::Value::Number(n)) => n.to_string(),
        Some(_) => {
            return RawDoc::err(
                fallback_id,
                LoadError::Record {
                    line,
                    message: "`id` must be a string or number".into(),
                },
            );
        }
        None => {
            return RawDoc::err(
                fallback_id,
                LoadError::Record {
                    line,
                    message: "missing `id`".into(),
                },
            );
        }
    };
    let Some(text) = rec.text else {
        return RawDoc::err(
            id,
            LoadError::Record {
                line,
                message: "missing `text`".into(),
            },
        );
    };
    let lang = match rec.lang.as_deref().map(|l| (l, l.parse::<Lang>())) {
        None => None,
        Some((_, Ok(l))) => Some(l),
        Some((l, Err(_))) => {
            return RawDoc::err(
                id,
                LoadError::Record {
                    line,
                    message: format!("unknown `lang` {l:?} (hi, en or other)"),
                },
            );
        }
    };
    let published = match rec.published.as_deref() {
        None => None,
        Some(s) => match NaiveDate::parse_from_str(s.get(..10).unwrap_or(s), "%Y-%m-%d") {
            Ok(d) => Some(d),
            Err(_) => {
                return RawDoc::err(
                    id,
                    LoadError::Record {
                        line,
                        message: format!("`published` is not YYYY-MM-DD: {s:?}"),
                    },
                );
            }
        },
    };
    let text = if text.contains('\0') {
        Err(LoadError::Binary {
            offset: text.find('\0').unwrap_or(0),
        })
    } else {
        check_text(text)
    };
    RawDoc {
        id,
        text,
        lang,
        published,
        outlet,
    }
}

/// Stream the records of a JSON Lines reader, one [`RawDoc`] per non-blank line.
/// Lines that are not UTF-8 become per-record errors; a read error ends the stream with one error.
pub fn jsonl_records<R: BufRead>(
    source: &str,
    reader: R,
    max_bytes: u64,
) -> impl Iterator<Item = RawDoc> + use<R> {
    let source = source.to_string();
    let mut reader = reader;
    let mut line_no = 0usize;
    let mut done = false;
    std::iter::from_fn(move || {
        loop {
            if done {
                return None;
            }
            line_no += 1;
            let line = match read_line_bounded(&mut reader, max_bytes) {
                Ok(None) => return None,
                Ok(Some(Line::TooLong(size))) => {
                    return Some(RawDoc::err(
                        format!("{source}:{line_no}"),
                        LoadError::TooLarge {
                            size,
                            limit: max_bytes,
                        },
                    ));
                }
                Ok(Some(Line::Bytes(b))) => Ok(b),
                Err(e) => Err(e),
            };
            match line {
                Err(e) => {
                    done = true;
                    return Some(RawDoc::err(
                        format!("{source}:{line_no}"),
                        LoadError::Io(e.to_string()),
                    ));
                }
                Ok(bytes) => {
                    let bytes = bytes.strip_suffix(b"\r").unwrap_or(&bytes);
                    // A byte-order mark opens some exported files: it is not part of the record.
                    let bytes = if line_no == 1 {
                        bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
                    } else {
                        bytes
                    };
                    let Ok(raw) = std::str::from_utf8(bytes) else {
                        let offset = std::str::from_utf8(bytes)
                            .err()
                            .map_or(0, |e| e.valid_up_to());
                        return Some(RawDoc::err(
                            format!("{source}:{line_no}"),
                            LoadError::NotUtf8 { offset },
                        ));
                    };
                    if raw.trim().is_empty() {
                        continue;
                    }
                    return Some(parse_record(&source, line_no, raw, max_bytes));
                }
            }
        }
    })
}

pub(crate) enum Line {
    Bytes(Vec<u8>),
    /// A line longer than the limit, skipped to its end; its length in bytes.
    TooLong(u64),
}

/// One line (without its `\n`), never buffering more than `max_bytes` (plus a little for the
/// JSON around the text): a longer line is skipped to its end and reported by its length.
pub(crate) fn read_line_bounded<R: BufRead>(
    r: &mut R,
    max_bytes: u64,
) -> std::io::Result<Option<Line>> {
    // The record's JSON around the text (id, lang, published, escapes) is allowed on top.
    let cap = max_bytes.saturating_mul(2).saturating_add(4096);
    let mut buf: Vec<u8> = Vec::new();
    let mut size: u64 = 0;
    let mut any = false;
    loop {
        let chunk = match r.fill_buf() {
            Ok(c) => c,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            break;
        }
        any = true;
        let (part, found) = match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => (&chunk[..i], Some(i)),
            None => (chunk, None),
        };
        size += part.len() as u64;
        if size <= cap {
            buf.extend_from_slice(part);
        } else {
            buf = Vec::new();
        }
        let used = found.map_or(part.len(), |i| i + 1);
        r.consume(used);
        if found.is_some() {
            break;
        }
    }
    if !any {
        return Ok(None);
    }
    Ok(Some(if size > cap {
        Line::TooLong(size)
    } else {
        Line::Bytes(buf)
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn symlinked_folders_are_followed_once() {
        let d = std::env::temp_dir().join(format!("tathya-links-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(d.join("real/inner")).unwrap();
        std::fs::write(d.join("real/a.txt"), "a").unwrap();
        std::fs::write(d.join("real/inner/b.txt"), "b").unwrap();
        std::fs::create_dir_all(d.join("top")).unwrap();
        std::os::unix::fs::symlink(d.join("real"), d.join("top/linked")).unwrap();
        // A loop: a link inside the folder back to its parent.
        std::os::unix::fs::symlink(d.join("real"), d.join("real/inner/loop")).unwrap();
        let found = expand_paths(&[d.join("top")]);
        let names: Vec<String> = found
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["a.txt", "b.txt"], "{found:?}");
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn a_bom_opens_a_jsonl_file_and_long_lines_are_not_buffered() {
        let input = "\u{feff}{\"id\":\"a\",\"text\":\"पहला\"}\n{\"id\":\"b\",\"text\":\"x\",\"lang\":\"klingon\"}\n";
        let docs: Vec<_> = jsonl_records("in.jsonl", input.as_bytes(), 1000).collect();
        assert_eq!(docs[0].text.as_deref(), Ok("पहला"));
        assert!(
            matches!(&docs[1].text, Err(LoadError::Record { message, .. }) if message.contains("klingon"))
        );
        // A line far beyond the limit is an error of its own and the next record is read.
        let long = format!(
            "{{\"id\":\"big\",\"text\":\"{}\"}}\n{{\"id\":\"c\",\"text\":\"ok\"}}\n",
            "x".repeat(100_000)
        );
        let mut reader = std::io::BufReader::with_capacity(64, long.as_bytes());
        let line = read_line_bounded(&mut reader, 100).unwrap();
        assert!(matches!(line, Some(Line::TooLong(n)) if n > 100_000));
        let docs: Vec<_> = jsonl_records("in.jsonl", long.as_bytes(), 100).collect();
        assert_eq!(docs.len(), 2);
        assert!(matches!(docs[0].text, Err(LoadError::TooLarge { .. })));
        assert_eq!(docs[1].text.as_deref(), Ok("ok"));
    }

    #[test]
    fn bad_bytes_are_named() {
        assert_eq!(decode(vec![], 10), Err(LoadError::Empty));
        assert_eq!(decode(b"  \n".to_vec(), 10), Err(LoadError::Empty));
        assert_eq!(
            decode(vec![b'a', 0, b'b'], 10),
            Err(LoadError::Binary { offset: 1 })
        );
        assert_eq!(
            decode(vec![b'a', 0xff], 10),
            Err(LoadError::NotUtf8 { offset: 1 })
        );
        assert_eq!(
            decode(b"abcdef".to_vec(), 3),
            Err(LoadError::TooLarge { size: 6, limit: 3 })
        );
        assert_eq!(
            decode("नमस्ते".as_bytes().to_vec(), 100),
            Ok("नमस्ते".to_string())
        );
    }

    #[test]
    fn jsonl_records_keep_going_after_a_bad_line() {
        let input = "{\"id\":\"a\",\"text\":\"पहला\"}\nnot json\n\n{\"id\":7,\"text\":\"x\",\"lang\":\"en\",\"published\":\"2024-11-30\"}\n{\"text\":\"no id\"}\n";
        let docs: Vec<_> = jsonl_records("in.jsonl", input.as_bytes(), 1000).collect();
        assert_eq!(docs.len(), 4);
        assert_eq!(docs[0].text.as_deref(), Ok("पहला"));
        assert!(matches!(
            docs[1].text,
            Err(LoadError::Record { line: 2, .. })
        ));
        assert_eq!(docs[2].id, "7");
        assert_eq!(docs[2].lang, Some(Lang::En));
        assert_eq!(docs[2].published, NaiveDate::from_ymd_opt(2024, 11, 30));
        assert_eq!(docs[3].id, "in.jsonl:5");
        assert!(docs[3].text.is_err());
    }

    #[test]
    fn records_name_their_outlet_by_outlet_source_or_url_host() {
        let input = concat!(
            "{\"id\":\"a\",\"text\":\"x\",\"outlet\":\"Dainik Jagran\",\"url\":\"https://www.bbc.com/hindi\"}\n",
            "{\"id\":\"b\",\"text\":\"x\",\"source\":\"Amar Ujala\"}\n",
            "{\"id\":\"c\",\"text\":\"x\",\"url\":\"https://www.bbc.com:443/hindi/articles/1?x=y\"}\n",
            "{\"id\":\"d\",\"text\":\"x\",\"url\":\"not a url\",\"source\":7}\n",
        );
        let docs: Vec<_> = jsonl_records("in.jsonl", input.as_bytes(), 1000).collect();
        let outlets: Vec<Option<&str>> = docs.iter().map(|d| d.outlet.as_deref()).collect();
        assert_eq!(
            outlets,
            [
                Some("Dainik Jagran"),
                Some("Amar Ujala"),
                Some("bbc.com"),
                None
            ]
        );
    }
}
