//! Bytes to a UTF-8 string: gzip, byte-order marks, declared charsets, and a
//! fallback for pages that lie about their encoding.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};
use std::borrow::Cow;
use std::io::Read;
use veille_core::Error;

/// Largest decompressed size accepted from a gzip input.
const MAX_GUNZIP: u64 = 64 << 20;

/// Decodes raw input to text: borrowed from `bytes` when they are already
/// the UTF-8 text (most pages: no copy of a page of hundreds of kilobytes).
pub fn decode<'a>(bytes: &'a [u8], transport_charset: Option<&str>) -> Result<Cow<'a, str>, Error> {
    if bytes.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        flate2::read::MultiGzDecoder::new(bytes)
            .take(MAX_GUNZIP)
            .read_to_end(&mut out)
            .map_err(|e| Error::Unreadable(format!("bad gzip data: {e}")))?;
        return decode_plain(&out, transport_charset).map(|t| Cow::Owned(t.into_owned()));
    }
    decode_plain(bytes, transport_charset)
}

/// [`decode`] of bytes that are not gzipped.
fn decode_plain<'a>(
    bytes: &'a [u8],
    transport_charset: Option<&str>,
) -> Result<Cow<'a, str>, Error> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return Ok(text);
    }
    if looks_binary(bytes) {
        return Err(Error::Unreadable("binary data, not text or HTML".into()));
    }
    let declared = declared_charset(bytes);
    // A valid UTF-8 page is UTF-8 whatever it declares: pages often lie.
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(Cow::Borrowed(s));
    }
    // The transport's charset (HTTP header) comes before the page's own.
    let transport = transport_charset.and_then(|c| Encoding::for_label(c.trim().as_bytes()));
    let enc = transport
        .filter(|e| *e != UTF_8)
        .or(declared.filter(|e| *e != UTF_8))
        .unwrap_or(WINDOWS_1252);
    let (text, _, _) = enc.decode(bytes);
    Ok(text)
}

fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    let controls = head
        .iter()
        .filter(|&&b| b == 0 || (b < 0x09) || (0x0e..0x20).contains(&b) && b != 0x1b)
        .count();
    controls > 0 && controls * 20 > head.len().max(1) || head.contains(&0)
}

/// The charset declared in a `<meta>` tag within the first 4 KiB.
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    let pos = lower.windows(8).position(|w| w == b"charset=")? + 8;
    let rest = &head[pos..];
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_'))
        .unwrap_or(rest.len());
    Encoding::for_label(&rest[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin1_page_declared_and_undeclared() {
        let mut page = b"<meta charset=\"iso-8859-1\"><p>Tu\xe9s \xe0 M\xe9naka</p>".to_vec();
        assert!(decode(&page, None).unwrap().contains("Tués à Ménaka"));
        page.drain(..24);
        assert!(decode(&page, None).unwrap().contains("Tués à Ménaka"));
    }

    #[test]
    fn transport_charset_before_meta() {
        let page = b"<meta charset=\"iso-8859-1\"><p>\xcc\xe0\xeb\xe8</p>";
        assert!(decode(page, Some("windows-1251")).unwrap().contains("Мали"));
        assert!(!decode(page, None).unwrap().contains("Мали"));
        // Valid UTF-8 stays UTF-8 whatever the header says.
        assert!(decode("<p>Ménaka</p>".as_bytes(), Some("iso-8859-1"))
            .unwrap()
            .contains("Ménaka"));
    }

    #[test]
    fn utf8_bom_and_gzip() {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        std::io::Write::write_all(&mut gz, "\u{feff}Ménaka".as_bytes()).unwrap();
        let bytes = gz.finish().unwrap();
        assert_eq!(decode(&bytes, None).unwrap(), "Ménaka");
    }
}
