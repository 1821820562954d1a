//! RSS (0.9x, 1.0, 2.0) and Atom feeds, parsed by `feed-rs`.
//!
//! An item becomes a document from what the feed itself holds (full content
//! when the feed carries it, else the summary) when a feed file is ingested;
//! `veille watch` fetches the linked page instead.

use crate::{Input, Meta};
use chrono::NaiveDate;

/// One item of a feed.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// The item's id (guid), or its link when it has none.
    pub id: String,
    pub url: Option<String>,
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
    /// Full content if the feed carries it, else the summary (HTML or text).
    pub body: Option<String>,
}

/// A parsed feed.
#[derive(Debug, Clone)]
pub struct Feed {
    pub title: Option<String>,
    pub items: Vec<Item>,
}

/// Parses a feed.
pub fn parse(bytes: &[u8]) -> Result<Feed, String> {
    let f =
        feed_rs::parser::parse(bytes).map_err(|e| format!("not a valid RSS or Atom feed: {e}"))?;
    let items = f
        .entries
        .into_iter()
        .map(|e| {
            let url = e
                .links
                .iter()
                .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
                .or(e.links.first())
                .map(|l| l.href.trim().to_string())
                .filter(|h| !h.is_empty());
            let content = e
                .content
                .and_then(|c| c.body)
                .filter(|b| !b.trim().is_empty());
            let summary = e
                .summary
                .map(|t| t.content)
                .filter(|b| !b.trim().is_empty());
            Item {
                id: if e.id.is_empty() {
                    url.clone().unwrap_or_default()
                } else {
                    e.id
                },
                url,
                title: e.title.map(|t| t.content.trim().to_string()),
                published: e.published.or(e.updated).map(|d| d.date_naive()),
                body: content.or(summary),
            }
        })
        .collect();
    Ok(Feed {
        title: f.title.map(|t| t.content.trim().to_string()),
        items,
    })
}

/// The documents of a feed file: one per item, from the text the feed holds.
pub fn file_inputs(name: &str, bytes: &[u8]) -> Vec<Input> {
    let feed = match parse(bytes) {
        Ok(f) => f,
        Err(why) => return vec![Input::failed(name, why)],
    };
    feed.items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let doc_name = match &item.url {
                Some(u) => format!("{name}#{} {u}", i + 1),
                None => format!("{name}#{}", i + 1),
            };
            let bytes = match &item.body {
                Some(body) => Ok(item_page(item.title.as_deref(), body).into_bytes()),
                None => Err(
                    "feed item has no content or summary (veille watch fetches the linked page)"
                        .to_string(),
                ),
            };
            Input {
                name: doc_name,
                bytes,
                meta: Meta {
                    url: item.url.clone(),
                    outlet: feed.title.clone(),
                    published: item.published,
                    ..Meta::default()
                },
            }
        })
        .collect()
}

/// An HTML page holding a feed item's title and body, for the extractor.
pub fn item_page(title: Option<&str>, body: &str) -> String {
    let title = title.map(escape).unwrap_or_default();
    let body = if body.contains('<') {
        body.to_string()
    } else {
        body.split("\n\n")
            .map(|p| format!("<p>{}</p>", escape(p.trim())))
            .collect()
    };
    format!(
        "<!doctype html><html><head><title>{title}</title></head><body><article><h1>{title}</h1>{body}</article></body></html>"
    )
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Sahel Wire</title><link>https://wire.example/</link>
<item><title>Gunmen kill five in Mopti</title><link>https://wire.example/a</link><guid>a-1</guid>
<pubDate>Tue, 15 Apr 2025 08:00:00 GMT</pubDate>
<description>Gunmen killed five villagers near Mopti, Mali, on Monday, officials said.</description></item>
<item><title>No body</title><link>https://wire.example/b</link></item>
</channel></rss>"#;

    const ATOM: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Le Fil</title><id>urn:x</id><updated>2025-04-15T00:00:00Z</updated>
<entry><title>Attaque à Djibo</title><id>urn:1</id><link rel="alternate" href="https://fil.example/1"/>
<updated>2025-04-15T09:00:00Z</updated><content type="html">&lt;p&gt;Des hommes armés ont attaqué Djibo lundi.&lt;/p&gt;</content></entry>
</feed>"#;

    #[test]
    fn rss_items() {
        let f = parse(RSS.as_bytes()).unwrap();
        assert_eq!(f.title.as_deref(), Some("Sahel Wire"));
        assert_eq!(f.items.len(), 2);
        assert_eq!(f.items[0].id, "a-1");
        assert_eq!(f.items[0].url.as_deref(), Some("https://wire.example/a"));
        assert_eq!(f.items[0].published.unwrap().to_string(), "2025-04-15");
        let inputs = file_inputs("f.rss", RSS.as_bytes());
        let page = String::from_utf8(inputs[0].bytes.clone().unwrap()).unwrap();
        assert!(page.contains("<title>Gunmen kill five in Mopti</title>"));
        assert!(page.contains("<p>Gunmen killed five"));
        assert_eq!(inputs[0].meta.outlet.as_deref(), Some("Sahel Wire"));
        assert!(inputs[1].bytes.is_err());
    }

    #[test]
    fn atom_entries_and_bad_feeds() {
        let f = parse(ATOM.as_bytes()).unwrap();
        assert_eq!(f.items[0].url.as_deref(), Some("https://fil.example/1"));
        assert!(f.items[0]
            .body
            .as_deref()
            .unwrap()
            .contains("<p>Des hommes"));
        assert_eq!(f.items[0].published.unwrap().to_string(), "2025-04-15");
        let bad = file_inputs("bad.rss", b"<rss><channel><item>");
        assert_eq!(bad.len(), 1);
        assert!(bad[0].bytes.as_ref().unwrap_err().contains("not a valid"));
    }
}
