//! Sources: where documents come from, before the pure pipeline.
//!
//! Files, folders (recursive), glob patterns, standard input, JSON-lines
//! dumps, WARC archives (Common Crawl CC-NEWS layout), RSS and Atom feeds,
//! and pages fetched over HTTP ([`fetch`]). Each becomes a stream of
//! [`Input`]s: the bytes of one document, or why they could not be read,
//! with what the source knows (URL, outlet, dates, transport charset).
//!
//! This crate does I/O; the stages after it do not. A broken source never
//! stops a batch: it yields a failed input naming the file and position.

pub mod feed;
pub mod fetch;
mod files;
pub mod jsonl;
pub mod warc;

use chrono::NaiveDate;
use std::io::Read;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use veille_core::{DocKind, RawDocument};

pub use files::{collect, parse_manifest, EXTENSIONS};

/// Largest document accepted from any source (bytes, before decompression of
/// the page itself).
pub const MAX_DOCUMENT: usize = 64 << 20;

/// What a source knows about a document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Meta {
    pub url: Option<String>,
    pub outlet: Option<String>,
    /// Publication date given by the source (manifest, dump field, feed item).
    pub published: Option<NaiveDate>,
    /// When the page was fetched or crawled: used only when the page gives
    /// no publication date.
    pub fetched: Option<NaiveDate>,
    /// Charset declared by the transport (an HTTP `Content-Type` header).
    pub charset: Option<String>,
    /// Document kind when the source says it (a WET conversion is text).
    pub kind: Option<DocKind>,
}

/// One document from a source.
#[derive(Debug)]
pub struct Input {
    /// Name shown in reports and stored as the article's source: a path,
    /// `path:line`, `path#record` or a URL.
    pub name: String,
    /// The document's bytes, or why they could not be read.
    pub bytes: Result<Vec<u8>, String>,
    pub meta: Meta,
}

impl Input {
    /// An input that failed before it could be read.
    pub fn failed(name: impl Into<String>, why: impl Into<String>) -> Input {
        Input {
            name: name.into(),
            bytes: Err(why.into()),
            meta: Meta::default(),
        }
    }

    /// The document for the pipeline, or why there is none.
    pub fn into_document(self) -> Result<RawDocument, String> {
        let bytes = self.bytes?;
        Ok(RawDocument {
            bytes,
            url: self.meta.url,
            publication_date: self.meta.published,
            kind: self.meta.kind,
            outlet: self.meta.outlet,
            charset: self.meta.charset,
            fallback_date: self.meta.fetched,
        })
    }
}

/// How a unit's bytes are laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One article: HTML or text, maybe gzipped.
    Document,
    /// One JSON object per line (`.jsonl`, `.jsonl.gz`).
    JsonLines,
    /// A JSON array of objects, or one object (`.json`).
    JsonArray,
    /// WARC records (`.warc`, `.warc.gz`).
    Warc,
    /// An RSS 2.0, RSS 1.0 or Atom feed.
    Feed,
}

/// Where a unit's bytes come from.
#[derive(Debug, Clone)]
pub enum Origin {
    Path(PathBuf),
    Stdin,
    /// Nothing to read: why (a path that does not exist, a glob matching nothing).
    Missing(String),
}

/// A file (or standard input) holding one or many documents.
#[derive(Debug, Clone)]
pub struct Unit {
    pub name: String,
    pub origin: Origin,
    /// `None`: sniffed from the first bytes.
    pub format: Option<Format>,
    /// Size in bytes on disk (0 when unknown).
    pub size: u64,
    /// Metadata from a folder's `manifest.tsv`.
    pub meta: Meta,
}

impl Unit {
    /// Standard input, its format sniffed.
    pub fn stdin() -> Unit {
        Unit {
            name: "-".into(),
            origin: Origin::Stdin,
            format: None,
            size: 0,
            meta: Meta::default(),
        }
    }

    /// The unit's documents, read lazily. `progress` counts the bytes read
    /// from disk so far (for a progress bar over many units).
    pub fn inputs(&self, progress: Arc<AtomicU64>) -> Box<dyn Iterator<Item = Input>> {
        let name = self.name.clone();
        let reader: Box<dyn Read> = match &self.origin {
            Origin::Missing(why) => return Box::new(std::iter::once(Input::failed(name, why))),
            Origin::Stdin => Box::new(std::io::stdin()),
            Origin::Path(p) => match std::fs::File::open(p) {
                Ok(f) => Box::new(Counting {
                    inner: f,
                    count: progress,
                }),
                Err(e) => {
                    return Box::new(std::iter::once(Input::failed(
                        name,
                        format!("cannot read: {e}"),
                    )))
                }
            },
        };
        let mut reader = std::io::BufReader::with_capacity(1 << 16, reader);
        let format = match self.format {
            Some(f) => f,
            None => match sniff(&mut reader) {
                Ok(f) => f,
                Err(e) => {
                    return Box::new(std::iter::once(Input::failed(
                        name,
                        format!("cannot read: {e}"),
                    )))
                }
            },
        };
        match format {
            Format::Document => {
                let mut bytes = Vec::new();
                let read = (&mut reader)
                    .take(MAX_DOCUMENT as u64 + 1)
                    .read_to_end(&mut bytes);
                let bytes = match read {
                    Err(e) => Err(format!("cannot read: {e}")),
                    Ok(n) if n > MAX_DOCUMENT => Err(format!(
                        "larger than the {} MiB limit for one document",
                        MAX_DOCUMENT >> 20
                    )),
                    Ok(_) => Ok(bytes),
                };
                Box::new(std::iter::once(Input {
                    name,
                    bytes,
                    meta: self.meta.clone(),
                }))
            }
            Format::JsonLines => Box::new(jsonl::lines(name, gunzip_if_needed(reader))),
            Format::JsonArray => Box::new(jsonl::array(name, gunzip_if_needed(reader)).into_iter()),
            Format::Warc => Box::new(warc::documents(name, gunzip_if_needed(reader))),
            Format::Feed => {
                let mut bytes = Vec::new();
                match gunzip_if_needed(reader)
                    .take(MAX_DOCUMENT as u64 + 1)
                    .read_to_end(&mut bytes)
                {
                    Err(e) => Box::new(std::iter::once(Input::failed(
                        name,
                        format!("cannot read: {e}"),
                    ))),
                    Ok(_) => Box::new(feed::file_inputs(&name, &bytes).into_iter()),
                }
            }
        }
    }
}

/// Counts bytes read through it.
struct Counting<R> {
    inner: R,
    count: Arc<AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// A reader that decompresses gzip (several members, as in `.warc.gz`) when
/// the stream starts with gzip's magic bytes.
fn gunzip_if_needed<R: std::io::BufRead + 'static>(mut r: R) -> Box<dyn std::io::BufRead> {
    let gz = r
        .fill_buf()
        .map(|b| b.starts_with(&[0x1f, 0x8b]))
        .unwrap_or(false);
    if gz {
        Box::new(std::io::BufReader::with_capacity(
            1 << 16,
            flate2::bufread::MultiGzDecoder::new(r),
        ))
    } else {
        Box::new(r)
    }
}

/// Guesses the format from the first bytes (gzip looked through).
pub(crate) fn sniff<R: std::io::BufRead>(r: &mut R) -> std::io::Result<Format> {
    let head = r.fill_buf()?;
    let head: Vec<u8> = if head.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        // A truncated member still gives its first bytes.
        let _ = flate2::read::GzDecoder::new(head)
            .take(4096)
            .read_to_end(&mut out);
        out
    } else {
        head[..head.len().min(4096)].to_vec()
    };
    Ok(sniff_bytes(&head))
}

/// The format of a document that starts with `head`.
pub fn sniff_bytes(head: &[u8]) -> Format {
    let text = String::from_utf8_lossy(&head[..head.len().min(4096)]);
    let t = text.trim_start_matches('\u{feff}').trim_start();
    if t.starts_with("WARC/") {
        return Format::Warc;
    }
    if t.starts_with('{') {
        return Format::JsonLines;
    }
    if t.starts_with('[') {
        return Format::JsonArray;
    }
    if t.starts_with("<?xml")
        || t.starts_with("<rss")
        || t.starts_with("<feed")
        || t.starts_with("<rdf:RDF")
    {
        let lower = t.to_ascii_lowercase();
        if lower.contains("<rss") || lower.contains("<feed") || lower.contains("<rdf:rdf") {
            return Format::Feed;
        }
    }
    Format::Document
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffing() {
        assert_eq!(sniff_bytes(b"WARC/1.0\r\n"), Format::Warc);
        assert_eq!(sniff_bytes(b"\n{\"url\":1}"), Format::JsonLines);
        assert_eq!(sniff_bytes(b"[{}]"), Format::JsonArray);
        assert_eq!(
            sniff_bytes(b"<?xml version=\"1.0\"?>\n<rss version=\"2.0\">"),
            Format::Feed
        );
        assert_eq!(
            sniff_bytes(b"<feed xmlns=\"http://www.w3.org/2005/Atom\">"),
            Format::Feed
        );
        assert_eq!(sniff_bytes(b"<!doctype html><html>"), Format::Document);
        assert_eq!(
            sniff_bytes(b"<?xml version=\"1.0\"?><html>"),
            Format::Document
        );
        assert_eq!(sniff_bytes(b"Gunmen killed five."), Format::Document);
    }
}
