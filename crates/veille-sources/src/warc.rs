//! WARC archives (ISO 28500; WARC/1.0 and 1.1), plain or gzipped record by
//! record as Common Crawl writes them (CC-NEWS).
//!
//! `response` records holding an HTTP response become documents: the HTTP
//! status must be 2xx and the payload HTML or text; the charset comes from
//! the HTTP `Content-Type` header; chunked transfer and gzip or deflate
//! content encodings still present in the payload are undone. `resource`
//! records of HTML or text and `conversion` records (WET plain text) are
//! documents too. Other records (`request`, `metadata`, `warcinfo`,
//! redirects, images) are passed over silently.
//!
//! A damaged archive yields a failed input naming the record number and its
//! offset in the (decompressed) stream, then ends: records before it stand.

use crate::{Input, Meta, MAX_DOCUMENT};
use chrono::NaiveDate;
use std::io::{BufRead, Read, Write};
use veille_core::DocKind;

/// One WARC record.
#[derive(Debug)]
pub struct Record {
    /// 1-based position in the archive.
    pub number: usize,
    /// Offset of the record's first byte in the decompressed stream.
    pub offset: u64,
    /// Header fields in order, names as written.
    pub headers: Vec<(String, String)>,
    pub block: Vec<u8>,
}

impl Record {
    /// A header's value (names compare case-insensitively).
    pub fn header(&self, name: &str) -> Option<&str> {
        header(&self.headers, name)
    }
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// Reads records one after the other.
pub struct Reader<R> {
    r: R,
    offset: u64,
    number: usize,
    done: bool,
}

impl<R: BufRead> Reader<R> {
    pub fn new(r: R) -> Self {
        Reader {
            r,
            offset: 0,
            number: 0,
            done: false,
        }
    }

    fn read_line(&mut self, line: &mut Vec<u8>) -> std::io::Result<usize> {
        line.clear();
        let n = (&mut self.r).take(64 << 10).read_until(b'\n', line)?;
        self.offset += n as u64;
        Ok(n)
    }

    fn next_record(&mut self) -> Result<Option<Record>, String> {
        let mut line = Vec::new();
        // Records are separated by blank lines.
        loop {
            let n = self
                .read_line(&mut line)
                .map_err(|e| format!("cannot read after offset {}: {e}", self.offset))?;
            if n == 0 {
                return Ok(None);
            }
            if !line.iter().all(u8::is_ascii_whitespace) {
                break;
            }
        }
        let offset = self.offset - line.len() as u64;
        self.number += 1;
        if !line.starts_with(b"WARC/") {
            return Err(format!(
                "not a WARC record at offset {offset}: {:?}",
                String::from_utf8_lossy(&line[..line.len().min(40)]).trim_end()
            ));
        }
        let mut headers = Vec::new();
        loop {
            let number = self.number;
            let n = self
                .read_line(&mut line)
                .map_err(|e| format!("record {number} at offset {offset} cannot be read: {e}"))?;
            if n == 0 {
                return Err(format!(
                    "truncated record {} headers at offset {offset}",
                    self.number
                ));
            }
            let l = String::from_utf8_lossy(&line);
            let l = l.trim_end_matches(['\r', '\n']);
            if l.is_empty() {
                break;
            }
            if let Some((k, v)) = l.split_once(':') {
                headers.push((k.trim().to_string(), v.trim().to_string()));
            }
        }
        let len: u64 = header(&headers, "Content-Length")
            .and_then(|v| v.parse().ok())
            .ok_or_else(|| {
                format!(
                    "record {} at offset {offset} has no valid Content-Length",
                    self.number
                )
            })?;
        let mut block = Vec::with_capacity(len.min(MAX_DOCUMENT as u64) as usize);
        if len > MAX_DOCUMENT as u64 {
            // Too large to be an article: skip over it.
            let skipped = std::io::copy(&mut (&mut self.r).take(len), &mut std::io::sink())
                .map_err(|e| e.to_string())?;
            self.offset += skipped;
            if skipped < len {
                return Err(format!(
                    "truncated record {} at offset {offset}: {skipped} of {len} bytes",
                    self.number
                ));
            }
        } else {
            let got = (&mut self.r)
                .take(len)
                .read_to_end(&mut block)
                .map_err(|e| {
                    format!(
                        "record {} at offset {offset} cannot be read: {e}",
                        self.number
                    )
                })?;
            self.offset += got as u64;
            if (got as u64) < len {
                return Err(format!(
                    "truncated record {} at offset {offset}: {got} of {len} bytes",
                    self.number
                ));
            }
        }
        Ok(Some(Record {
            number: self.number,
            offset,
            headers,
            block,
        }))
    }
}

impl<R: BufRead> Iterator for Reader<R> {
    type Item = Result<Record, String>;

    /// The next record, or an error after which the iteration ends.
    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        match self.next_record() {
            Ok(Some(r)) => Some(Ok(r)),
            Ok(None) => {
                self.done = true;
                None
            }
            Err(e) => {
                self.done = true;
                Some(Err(e))
            }
        }
    }
}

/// The documents of a WARC stream (already decompressed), read lazily.
pub fn documents<R: BufRead + 'static>(name: String, r: R) -> impl Iterator<Item = Input> {
    Reader::new(r).filter_map(move |rec| match rec {
        Err(why) => Some(Input::failed(name.clone(), why)),
        Ok(rec) => {
            let doc_name = format!("{name}#{}", rec.number);
            match record_document(&rec) {
                Ok(Some((bytes, meta))) => Some(Input {
                    name: doc_name,
                    bytes: Ok(bytes),
                    meta,
                }),
                Ok(None) => None,
                Err(why) => Some(Input::failed(
                    doc_name,
                    format!("record at offset {}: {why}", rec.offset),
                )),
            }
        }
    })
}

/// The document a record holds, if it holds one.
pub fn record_document(rec: &Record) -> Result<Option<(Vec<u8>, Meta)>, String> {
    let kind = rec.header("WARC-Type").unwrap_or("").to_ascii_lowercase();
    let content_type = rec
        .header("Content-Type")
        .unwrap_or("")
        .to_ascii_lowercase();
    let mut meta = Meta {
        url: rec
            .header("WARC-Target-URI")
            .map(|u| u.trim_matches(['<', '>']).to_string()),
        fetched: rec
            .header("WARC-Date")
            .and_then(|d| d.get(..10))
            .and_then(|d| d.parse::<NaiveDate>().ok()),
        ..Meta::default()
    };
    match kind.as_str() {
        "response" if content_type.starts_with("application/http") => {
            let resp = parse_http(&rec.block)?;
            if !(200..300).contains(&resp.status) {
                return Ok(None);
            }
            let ct = header(&resp.headers, "Content-Type")
                .unwrap_or("text/html")
                .to_ascii_lowercase();
            if !is_document_type(&ct) {
                return Ok(None);
            }
            meta.charset = charset_of(&ct);
            if ct.starts_with("text/plain") {
                meta.kind = Some(DocKind::Text);
            }
            Ok(Some((resp.body, meta)))
        }
        "resource" | "conversion" if is_document_type(&content_type) || content_type.is_empty() => {
            meta.charset = charset_of(&content_type);
            if kind == "conversion" || content_type.starts_with("text/plain") {
                meta.kind = Some(DocKind::Text);
            }
            Ok(Some((rec.block.clone(), meta)))
        }
        _ => Ok(None),
    }
}

fn is_document_type(ct: &str) -> bool {
    ct.starts_with("text/html")
        || ct.starts_with("application/xhtml")
        || ct.starts_with("text/plain")
}

/// The `charset` parameter of a `Content-Type` value.
pub fn charset_of(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| v.trim().trim_matches(['"', '\'']).to_ascii_lowercase())
            .filter(|v| !v.is_empty())
    })
}

/// An HTTP response held in a record.
#[derive(Debug)]
pub struct HttpResponse {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

/// Parses an HTTP/1.x response: status line, headers, body with chunked
/// transfer and content encodings undone.
pub fn parse_http(block: &[u8]) -> Result<HttpResponse, String> {
    let (head_end, body_start) = find_head_end(block).ok_or("HTTP headers without an end")?;
    let head = String::from_utf8_lossy(&block[..head_end]);
    let mut lines = head.lines();
    let status_line = lines.next().unwrap_or("");
    let mut parts = status_line.split_whitespace();
    let proto = parts.next().unwrap_or("");
    if !proto.starts_with("HTTP/") {
        return Err(format!("not an HTTP response: {status_line:?}"));
    }
    let status: u16 = parts
        .next()
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| format!("bad HTTP status line: {status_line:?}"))?;
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    let mut body = block[body_start..].to_vec();
    if header(&headers, "Transfer-Encoding")
        .is_some_and(|v| v.to_ascii_lowercase().contains("chunked"))
    {
        body = dechunk(&body)?;
    }
    match header(&headers, "Content-Encoding").map(|v| v.trim().to_ascii_lowercase()) {
        Some(e) if e == "gzip" || e == "x-gzip" => {
            let mut out = Vec::new();
            flate2::read::MultiGzDecoder::new(&body[..])
                .take(MAX_DOCUMENT as u64)
                .read_to_end(&mut out)
                .map_err(|e| format!("bad gzip content encoding: {e}"))?;
            body = out;
        }
        Some(e) if e == "deflate" => {
            let mut out = Vec::new();
            flate2::read::ZlibDecoder::new(&body[..])
                .take(MAX_DOCUMENT as u64)
                .read_to_end(&mut out)
                .map_err(|e| format!("bad deflate content encoding: {e}"))?;
            body = out;
        }
        Some(e) if !e.is_empty() && e != "identity" => {
            return Err(format!("unsupported content encoding {e:?}"))
        }
        _ => {}
    }
    Ok(HttpResponse {
        status,
        headers,
        body,
    })
}

/// End of the header block and start of the body (CRLF CRLF, or LF LF).
fn find_head_end(b: &[u8]) -> Option<(usize, usize)> {
    let crlf = memchr::memmem::find(b, b"\r\n\r\n").map(|i| (i, i + 4));
    // (an LF LF counts only before the first CRLF CRLF: the body is not
    // searched when the headers end first, as they nearly always do)
    let within = crlf.map_or(b.len(), |(i, _)| (i + 2).min(b.len()));
    let lf = memchr::memmem::find(&b[..within], b"\n\n").map(|i| (i, i + 2));
    match (crlf, lf) {
        (Some(a), Some(b)) => Some(if a.0 <= b.0 { a } else { b }),
        (a, b) => a.or(b),
    }
}

fn dechunk(mut b: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(b.len());
    loop {
        let nl = b
            .iter()
            .position(|&c| c == b'\n')
            .ok_or("chunked body: missing chunk size")?;
        let size_text = String::from_utf8_lossy(&b[..nl]);
        let size_text = size_text.trim().split(';').next().unwrap_or("").trim();
        let size = usize::from_str_radix(size_text, 16)
            .map_err(|_| format!("chunked body: bad chunk size {size_text:?}"))?;
        b = &b[nl + 1..];
        if size == 0 {
            return Ok(out);
        }
        if b.len() < size {
            return Err("chunked body: truncated chunk".into());
        }
        out.extend_from_slice(&b[..size]);
        b = &b[size..];
        b = b
            .strip_prefix(b"\r\n")
            .or_else(|| b.strip_prefix(b"\n"))
            .unwrap_or(b);
    }
}

/// Writes one `response` record, gzipped as its own member at gzip's default
/// level (as Common Crawl's Java writers do), holding an HTTP 200 response
/// with `body`. Used to build archives for benchmarks and tests.
pub fn write_response<W: Write>(
    out: &mut W,
    url: &str,
    date: &str,
    content_type: &str,
    body: &[u8],
) -> std::io::Result<()> {
    let mut http = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    http.extend_from_slice(body);
    let mut rec = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {url}\r\nWARC-Date: {date}\r\nWARC-Record-ID: <urn:uuid:{:08x}-0000-4000-8000-000000000000>\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
        fxhash(url.as_bytes()),
        http.len()
    )
    .into_bytes();
    rec.extend_from_slice(&http);
    rec.extend_from_slice(b"\r\n\r\n");
    let mut gz = flate2::write::GzEncoder::new(out, flate2::Compression::default());
    gz.write_all(&rec)?;
    gz.finish()?;
    Ok(())
}

fn fxhash(b: &[u8]) -> u32 {
    b.iter().fold(0x811c9dc5u32, |h, &c| {
        (h ^ c as u32).wrapping_mul(0x01000193)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::BufReader;

    fn archive() -> Vec<u8> {
        let mut v = Vec::new();
        let mut info = flate2::write::GzEncoder::new(&mut v, flate2::Compression::fast());
        info.write_all(
            b"WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 5\r\n\r\nhello\r\n\r\n",
        )
        .unwrap();
        info.finish().unwrap();
        write_response(
            &mut v,
            "https://news.example/a",
            "2025-04-15T08:00:00Z",
            "text/html; charset=ISO-8859-1",
            b"<html><body><p>Caf\xe9 attack.</p></body></html>",
        )
        .unwrap();
        write_response(
            &mut v,
            "https://news.example/logo.png",
            "2025-04-15T08:00:01Z",
            "image/png",
            b"\x89PNG",
        )
        .unwrap();
        v
    }

    fn read(bytes: Vec<u8>) -> Vec<Input> {
        let r = BufReader::new(flate2::read::MultiGzDecoder::new(std::io::Cursor::new(
            bytes,
        )));
        documents("a.warc.gz".into(), r).collect()
    }

    #[test]
    fn responses_become_documents() {
        let docs = read(archive());
        assert_eq!(docs.len(), 1, "{docs:?}");
        assert_eq!(docs[0].name, "a.warc.gz#2");
        assert_eq!(docs[0].meta.url.as_deref(), Some("https://news.example/a"));
        assert_eq!(docs[0].meta.charset.as_deref(), Some("iso-8859-1"));
        assert_eq!(docs[0].meta.fetched.unwrap().to_string(), "2025-04-15");
        assert!(docs[0].bytes.as_ref().unwrap().starts_with(b"<html>"));
    }

    #[test]
    fn truncation_is_reported_with_position() {
        let mut a = archive();
        let full = read(a.clone()).len();
        a.truncate(a.len() - 30);
        let docs = read(a);
        assert_eq!(docs.len(), full + 1);
        let why = docs.last().unwrap().bytes.as_ref().unwrap_err();
        assert!(why.contains("record 3") || why.contains("offset"), "{why}");
    }

    #[test]
    fn chunked_and_gzip_payloads() {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(b"<p>hello world</p>").unwrap();
        let body = gz.finish().unwrap();
        let mut chunked = format!("{:x}\r\n", 5).into_bytes();
        chunked.extend_from_slice(&body[..5]);
        chunked.extend_from_slice(format!("\r\n{:x};ext=1\r\n", body.len() - 5).as_bytes());
        chunked.extend_from_slice(&body[5..]);
        chunked.extend_from_slice(b"\r\n0\r\n\r\n");
        let mut block =
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n"
                .to_vec();
        block.extend_from_slice(&chunked);
        let r = parse_http(&block).unwrap();
        assert_eq!(r.body, b"<p>hello world</p>");
        assert!(parse_http(b"garbage").is_err());
        assert_eq!(
            charset_of("text/html; Charset=\"UTF-8\""),
            Some("utf-8".into())
        );
    }

    #[test]
    fn not_a_warc() {
        let docs: Vec<Input> = documents("x.warc".into(), &b"hello\n"[..]).collect();
        assert_eq!(docs.len(), 1);
        assert!(docs[0]
            .bytes
            .as_ref()
            .unwrap_err()
            .contains("not a WARC record"));
    }
}
