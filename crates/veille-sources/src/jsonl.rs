//! JSON-lines dumps (`.jsonl`, `.jsonl.gz`) and JSON arrays (`.json`): one
//! document per object.
//!
//! Fields: `url`; `title`; `text` (plain text) or `html` (a page); `published`
//! (or `date`): a date or date-time whose first ten characters are
//! `YYYY-MM-DD`; `source` (or `outlet`): the outlet's name. A line that is
//! not such an object becomes a failed input named `file:line`.

use crate::{Input, Meta, MAX_DOCUMENT};
use serde_json::Value;
use std::io::{BufRead, Read};

/// The documents of a JSON-lines stream, read lazily.
pub fn lines<R: BufRead + 'static>(name: String, reader: R) -> impl Iterator<Item = Input> {
    let mut lines = reader.split(b'\n').enumerate();
    let mut done = false;
    std::iter::from_fn(move || loop {
        if done {
            return None;
        }
        let (i, line) = lines.next()?;
        let doc_name = format!("{name}:{}", i + 1);
        let line = match line {
            Ok(l) => l,
            Err(e) => {
                // A truncated gzip stream or an unreadable file: report the
                // line we stopped at and end the stream.
                done = true;
                return Some(Input::failed(doc_name, format!("cannot read further: {e}")));
            }
        };
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        if line.len() > MAX_DOCUMENT {
            return Some(Input::failed(
                doc_name,
                "line longer than the document size limit",
            ));
        }
        let text = String::from_utf8_lossy(&line);
        return Some(match serde_json::from_str::<Value>(&text) {
            Ok(v) => from_value(doc_name, &v),
            Err(e) => Input::failed(doc_name, format!("not a JSON line: {e}")),
        });
    })
}

/// The documents of a `.json` file: an array of objects, or one object.
pub fn array<R: Read>(name: String, mut reader: R) -> Vec<Input> {
    let mut bytes = Vec::new();
    if let Err(e) = reader.read_to_end(&mut bytes) {
        return vec![Input::failed(name, format!("cannot read: {e}"))];
    }
    match serde_json::from_slice::<Value>(&bytes) {
        Ok(Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, v)| from_value(format!("{name}#{}", i + 1), v))
            .collect(),
        Ok(v) => vec![from_value(name, &v)],
        Err(e) => vec![Input::failed(name, format!("not JSON: {e}"))],
    }
}

/// One document from a JSON object.
pub fn from_value(name: String, v: &Value) -> Input {
    if !v.is_object() {
        return Input::failed(name, "not a JSON object");
    }
    let s = |k: &str| {
        v.get(k)
            .and_then(|x| x.as_str())
            .map(str::trim)
            .filter(|x| !x.is_empty())
            .map(str::to_string)
    };
    let bytes = match (s("html"), s("text")) {
        (Some(html), _) => Ok(html.into_bytes()),
        (None, Some(t)) => {
            // The title opens a plain-text article.
            let full = match s("title") {
                Some(title) if !t.starts_with(&title) => format!("{title}\n\n{t}"),
                _ => t,
            };
            Ok(full.into_bytes())
        }
        (None, None) => Err("no \"text\" or \"html\" field".to_string()),
    };
    let published = s("published")
        .or_else(|| s("date"))
        .and_then(|d| d.get(..10).and_then(|x| x.parse().ok()));
    Input {
        name,
        bytes,
        meta: Meta {
            url: s("url"),
            outlet: s("source").or_else(|| s("outlet")),
            published,
            ..Meta::default()
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_with_bad_ones() {
        let data = "{\"url\":\"u1\",\"title\":\"T\",\"text\":\"Body.\",\"published\":\"2025-04-02T10:00:00Z\",\"source\":\"X\"}\n\nnot json\n{\"url\":\"u2\"}\n[1]\n";
        let got: Vec<Input> = lines("d.jsonl".into(), std::io::Cursor::new(data)).collect();
        assert_eq!(got.len(), 4);
        assert_eq!(got[0].bytes.as_ref().unwrap(), b"T\n\nBody.");
        assert_eq!(got[0].meta.published.unwrap().to_string(), "2025-04-02");
        assert_eq!(got[0].meta.outlet.as_deref(), Some("X"));
        assert_eq!(got[1].name, "d.jsonl:3");
        assert!(got[1]
            .bytes
            .as_ref()
            .unwrap_err()
            .contains("not a JSON line"));
        assert!(got[2].bytes.as_ref().unwrap_err().contains("no \"text\""));
        assert!(got[3]
            .bytes
            .as_ref()
            .unwrap_err()
            .contains("not a JSON object"));
    }

    #[test]
    fn arrays() {
        let got = array("a.json".into(), &b"[{\"html\":\"<p>x</p>\"},{}]"[..]);
        assert_eq!(got[1].name, "a.json#2");
        assert!(got[0].bytes.is_ok() && got[1].bytes.is_err());
        assert!(array("b.json".into(), &b"[{"[..])[0].bytes.is_err());
    }
}
