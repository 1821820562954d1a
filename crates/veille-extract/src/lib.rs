//! Extraction: raw bytes (HTML or plain text) to a clean [`Article`].
//!
//! Pure: bytes in, article out. Steps: [`decode`] (gzip, BOM, charset),
//! kind detection, [`html`] (main-content blocks and metadata) or plain
//! text lines, then [`noise`] (line-level page noise and a duplicated title),
//! [`lang`] (English / French) and the content hash.

pub mod decode;
pub mod dom;
pub mod html;
pub mod lang;
pub mod noise;

use sha2::{Digest, Sha256};
use veille_core::{Article, DocKind, Error, RawDocument, RemovedNoise};

/// Extracts the clean article from a raw document.
///
/// Errors when the document holds no article text at all (an empty or
/// broken page): the caller records it and moves on.
pub fn extract(doc: &RawDocument) -> Result<Article, Error> {
    let decoded = decode::decode(&doc.bytes, doc.charset.as_deref())?;
    let kind = doc.kind.unwrap_or_else(|| detect_kind(&decoded));
    let page = match kind {
        DocKind::Html => html::extract_html(&decoded),
        DocKind::Text => html::Page::from_text(&decoded),
    };
    let mut sources = page.sources;
    if doc.url.is_some() {
        sources.insert("url".into(), "caller".into());
    }
    if doc.outlet.is_some() {
        sources.insert("outlet".into(), "caller".into());
    }
    let url = doc.url.clone().or(page.canonical_url.clone());
    let mut removed: Vec<RemovedNoise> = page.removed;
    let outlet = doc.outlet.as_deref().or(page.site_name.as_deref());
    let cleaned = noise::clean_blocks(&page.blocks, page.title.as_deref(), outlet, &mut removed);
    // A dateline or byline the page shows ("Publié le 21 mai 2025"): dropped
    // from the text as noise, kept as the date when nothing better says it.
    let dateline = || {
        removed
            .iter()
            .filter(|r| r.reason == "date or time line" || r.reason == "byline or dateline")
            .find_map(|r| html::dateline_date(&r.text))
    };
    let (publication_date, publication_date_source) = match doc.publication_date {
        Some(d) => (Some(d), Some("caller".to_string())),
        None => match page.date {
            Some((d, src)) => (Some(d), Some(src)),
            None => match url.as_deref().and_then(html::date_from_url) {
                Some(d) => (Some(d), Some("url".to_string())),
                None => match (dateline(), doc.fallback_date) {
                    (Some(d), _) => (Some(d), Some("dateline".to_string())),
                    (None, Some(d)) => (Some(d), Some("fetched".to_string())),
                    (None, None) => (None, None),
                },
            },
        },
    };
    let title = page.title.clone().or_else(|| {
        let first = cleaned.first().filter(|b| looks_like_title(b)).cloned();
        if first.is_some() {
            sources.insert("title".into(), "first line".into());
        }
        first
    });
    // The title opens the text exactly once, so that evidence in a headline
    // has offsets like any other sentence.
    let mut paragraphs: Vec<String> = Vec::with_capacity(cleaned.len() + 1);
    if let Some(t) = &title {
        if cleaned
            .first()
            .and_then(|b| b.lines().next())
            .map(|l| noise::same_line(l, t))
            != Some(true)
        {
            paragraphs.push(t.clone());
        }
    }
    paragraphs.extend(cleaned);
    let text = paragraphs.join("\n\n");
    let body_words = text.split_whitespace().count();
    if body_words < 5 {
        return Err(Error::Empty(format!(
            "{} words of text after extraction ({} input bytes)",
            body_words,
            doc.bytes.len()
        )));
    }
    let language = match page.lang.filter(|l| l == "en" || l == "fr") {
        Some(l) => l,
        None => {
            sources.insert("language".into(), "detected".into());
            lang::detect(&text).to_string()
        }
    };
    let id = content_hash(&text);
    Ok(Article {
        id,
        url,
        title,
        outlet: doc.outlet.clone().or(page.site_name),
        publication_date,
        publication_date_source,
        language,
        text,
        removed_noise: removed,
        authors: page.authors,
        metadata_sources: sources,
    })
}

/// Hex SHA-256 of the clean text: the article's identity in the store.
pub fn content_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// HTML when markup tags are found near the start, else text.
pub fn detect_kind(s: &str) -> DocKind {
    let head: String = s
        .trim_start()
        .chars()
        .take(2048)
        .collect::<String>()
        .to_ascii_lowercase();
    let tags = [
        "<!doctype html",
        "<html",
        "<head",
        "<body",
        "<p>",
        "<p ",
        "<div",
        "<meta",
        "<title",
    ];
    if head.starts_with('<') || tags.iter().any(|t| head.contains(t)) {
        DocKind::Html
    } else {
        DocKind::Text
    }
}

fn looks_like_title(line: &str) -> bool {
    let n = line.chars().count();
    (10..=200).contains(&n) && !line.ends_with('.') && !line.contains('\n')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(s: &str) -> RawDocument {
        RawDocument {
            bytes: s.as_bytes().to_vec(),
            ..Default::default()
        }
    }

    #[test]
    fn plain_text_drops_noise_and_duplicated_title() {
        let text = "Gunmen kill five in Mopti\nGunmen kill five in Mopti\nShare:\n\nGunmen killed five people in Mopti on Monday, officials said.\n\nAlso Read: Floods in Jakarta leave 3 dead\n\nRelated News";
        let a = extract(&doc(text)).unwrap();
        assert_eq!(a.title.as_deref(), Some("Gunmen kill five in Mopti"));
        assert_eq!(a.text.matches("Gunmen kill five in Mopti").count(), 1);
        assert!(!a.text.contains("Jakarta"));
        assert!(!a.text.contains("Share:"));
        assert!(!a.text.contains("Related News"));
        assert_eq!(a.removed_noise.len(), 4, "{:?}", a.removed_noise);
        assert_eq!(a.language, "en");
    }

    #[test]
    fn html_keeps_body_and_metadata() {
        let html = r#"<!doctype html><html lang="fr"><head><title>Attaque à Djibo - Le Sahel Info</title>
        <meta property="article:published_time" content="2025-04-14T08:00:00Z">
        <meta property="og:site_name" content="Le Sahel Info">
        <meta name="author" content="Par Aïcha Traoré et Moussa Diallo">
        <link rel="canonical" href="https://sahel.example/2025/04/attaque"></head>
        <body><nav><a href="/">Accueil</a> <a href="/monde">Monde</a></nav>
        <article><h1>Attaque à Djibo</h1>
        <p>Des hommes armés ont attaqué lundi un poste militaire à Djibo, tuant douze soldats.</p>
        <p>Lire aussi : <a href="/x">Inondations au Niger</a></p>
        <div class="share">Partager : Facebook Twitter</div>
        <p>L'armée a lancé une opération de ratissage dans la zone, selon une source sécuritaire.</p></article>
        <footer>© 2025 Le Sahel Info</footer></body></html>"#;
        let a = extract(&doc(html)).unwrap();
        assert_eq!(a.title.as_deref(), Some("Attaque à Djibo"));
        assert_eq!(a.language, "fr");
        assert_eq!(a.outlet.as_deref(), Some("Le Sahel Info"));
        assert_eq!(a.publication_date.unwrap().to_string(), "2025-04-14");
        assert!(
            a.text.starts_with("Attaque à Djibo\n\nDes hommes armés"),
            "{}",
            a.text
        );
        assert!(!a.text.contains("Inondations"));
        assert!(!a.text.contains("Accueil"));
        assert!(!a.text.contains("Facebook"));
        assert!(!a.text.contains("2025 Le Sahel"));
        assert_eq!(
            a.url.as_deref(),
            Some("https://sahel.example/2025/04/attaque")
        );
        assert_eq!(a.authors, ["Aïcha Traoré", "Moussa Diallo"]);
        let src = |k: &str| a.metadata_sources.get(k).map(String::as_str);
        assert_eq!(src("title"), Some("<h1>"));
        assert_eq!(src("url"), Some("link rel=canonical"));
        assert_eq!(src("outlet"), Some("meta:og:site_name"));
        assert_eq!(src("language"), Some("html lang"));
        assert_eq!(src("authors"), Some("meta:author"));
    }

    #[test]
    fn masthead_and_breadcrumb_lines_are_noise() {
        let text = "Police arrest 14 suspects in Kaduna\n\nLAKE CHAD HERALD\nHome > Nigeria > Security\n\nPolice in Kaduna State said on Tuesday they had arrested 14 people.\n";
        let a = extract(&RawDocument {
            bytes: text.as_bytes().to_vec(),
            outlet: Some("Lake Chad Herald".into()),
            ..Default::default()
        })
        .unwrap();
        assert!(
            !a.text.contains("HERALD") && !a.text.contains("Home >"),
            "{}",
            a.text
        );
        let reasons: Vec<&str> = a.removed_noise.iter().map(|r| r.reason.as_str()).collect();
        assert_eq!(reasons, ["site name", "navigation"]);
    }

    #[test]
    fn json_ld_authors_and_visible_dateline() {
        let html = r#"<html><head><title>Gunmen attack convoy</title>
        <script type="application/ld+json">{"@type":"NewsArticle","author":[{"@type":"Person","name":"By Jane Roe"},{"name":"John Doe"}]}</script>
        </head><body><div class="story"><p>Publié le 21 mai 2025 à 14h32</p>
        <p>Gunmen attacked a convoy near Gao on Monday, killing four soldiers, officials said.</p>
        <p>The army said it had launched an operation in the area, according to a statement.</p></div></body></html>"#;
        let a = extract(&doc(html)).unwrap();
        assert_eq!(a.authors, ["Jane Roe", "John Doe"]);
        assert_eq!(a.metadata_sources["authors"], "json-ld:author");
        assert_eq!(a.publication_date.unwrap().to_string(), "2025-05-21");
        assert_eq!(a.publication_date_source.as_deref(), Some("dateline"));
        assert_eq!(a.metadata_sources["language"], "detected");
        assert!(!a.text.contains("Publié"));
    }

    #[test]
    fn hostile_pages_are_bounded() {
        let story = "<p>Gunmen killed five people in Mopti on Monday, officials said.</p>";
        let deep = format!(
            "<html><body>{}{story}{}</body></html>",
            "<div>".repeat(100_000),
            "</div>".repeat(100_000)
        );
        let a = extract(&doc(&deep)).unwrap();
        assert!(a.text.contains("Gunmen killed five"), "{}", a.text);
        // A 50 MB page: one big article.
        let mut big = String::from("<html><body><article>");
        for i in 0.. {
            big.push_str(&format!(
                "<p>Officials said convoy {i} was attacked near the border on Monday.</p>\n"
            ));
            if big.len() > 50_000_000 {
                break;
            }
        }
        let a = extract(&doc(&big)).unwrap();
        assert!(a.text.len() > 40_000_000);
        // Truncated anywhere: what it holds.
        let page = format!("<html><head><title>Attack</title></head><body><article>{story}{story}");
        for cut in (0..page.len()).step_by(7) {
            let _ = extract(&doc(&page[..cut]));
        }
        let a = extract(&doc(&page[..page.len() - 20])).unwrap();
        assert!(a.text.contains("Gunmen killed five"));
    }

    #[test]
    fn broken_page_is_an_error() {
        let err = extract(&doc(
            "<html><head><title></title></head><body><div class=\"",
        ))
        .unwrap_err();
        assert!(matches!(err, Error::Empty(_)));
        assert!(extract(&RawDocument {
            bytes: vec![0xff, 0xfe, 0x00, 0x01, 0x9f],
            ..Default::default()
        })
        .is_err());
    }
}
