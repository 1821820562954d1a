//! HTML pages: main-content blocks and metadata.
//!
//! The main content is found without per-site rules: paragraphs score their
//! parent (and half their grandparent) by text length, link-heavy blocks do
//! not count; the best-scoring element (widened to its enclosing `<article>`)
//! is the body. Navigation, share bars, related lists, comments, cookie and
//! newsletter boxes are dropped by tag and by class/id words.

use chrono::NaiveDate;
use regex::Regex;
use scraper::node::Node;
use scraper::{ElementRef, Html, Selector};
use std::collections::HashMap;
use std::sync::OnceLock;
use veille_core::RemovedNoise;

/// What the extractor found in a page before line-level cleaning.
#[derive(Debug, Default)]
pub struct Page {
    pub title: Option<String>,
    pub date: Option<(NaiveDate, String)>,
    pub canonical_url: Option<String>,
    pub site_name: Option<String>,
    pub lang: Option<String>,
    /// Text blocks (paragraphs) in reading order.
    pub blocks: Vec<String>,
    pub removed: Vec<RemovedNoise>,
}

impl Page {
    /// A plain-text article: blank lines separate paragraphs, the first line
    /// is the title when it looks like one.
    pub fn from_text(text: &str) -> Page {
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        let mut blocks = Vec::new();
        let mut current = String::new();
        for line in text.lines() {
            if line.trim().is_empty() {
                if !current.is_empty() {
                    blocks.push(std::mem::take(&mut current));
                }
            } else {
                if !current.is_empty() {
                    current.push('\n');
                }
                current.push_str(line.trim());
            }
        }
        if !current.is_empty() {
            blocks.push(current);
        }
        let title = blocks
            .first()
            .and_then(|b| b.lines().next())
            .filter(|l| {
                let n = l.chars().count();
                (8..=200).contains(&n)
                    && !l.ends_with('.')
                    && crate::noise::noise_reason(l).is_none()
            })
            .map(str::to_string);
        Page {
            title,
            blocks,
            ..Default::default()
        }
    }
}

const SKIP_TAGS: &[&str] = &[
    "script",
    "style",
    "noscript",
    "nav",
    "footer",
    "aside",
    "iframe",
    "svg",
    "button",
    "select",
    "template",
    "figure",
    "figcaption",
    "object",
    "video",
    "audio",
    "canvas",
    "head",
];
const BLOCK_TAGS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "pre",
    "dd",
    "dt",
    "td",
    "th",
    "caption",
];
const INLINE_TAGS: &[&str] = &[
    "a", "span", "strong", "em", "b", "i", "u", "font", "small", "big", "abbr", "cite", "q", "sub",
    "sup", "time", "mark", "br", "label", "code",
];

fn noisy_attr() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?i)(^|[-_\s])(share|sharing|sharebar|social|sociaux|related|recommend(ed|ations)?|comments?|commentaires?|cookies?|consent|gdpr|newsletter|subscribe|subscription|abonnement|outbrain|taboola|breadcrumbs?|popup|modal|also-read|read-more|lire-aussi|more-stories)([-_\s]|$)",
        )
        .expect("attr pattern")
    })
}

/// Class or id words that mark furniture only on small elements: a wrapper
/// such as "content-with-sidebar-wrp" may hold the article itself.
fn weak_noisy_attr() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?i)(^|[-_\s])(promo|advert(isement)?|ads?|pub|banner|sidebar|widget|menu|nav|navbar|navigation|footer|author-bio|tags|trending|aside)([-_\s]|$)",
        )
        .expect("weak attr pattern")
    })
}

/// Characters of visible text under an element, outside links, scripts and
/// styles (stops counting at `limit`).
fn text_chars(el: &ElementRef, limit: usize) -> usize {
    let mut n = 0;
    for node in el.descendants() {
        if let Node::Text(t) = node.value() {
            let hidden = node.ancestors().take_while(|a| a.id() != el.id()).any(|a| {
                a.value().as_element().is_some_and(|e| {
                    matches!(e.name(), "script" | "style" | "noscript" | "a" | "template")
                })
            });
            if !hidden {
                n += t.trim().len();
                if n >= limit {
                    break;
                }
            }
        }
    }
    n
}

thread_local! {
    /// Visible text of the page being extracted: an element holding most of
    /// it is the content, never furniture.
    static PAGE_TEXT: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

fn is_noise_element(el: &ElementRef) -> bool {
    let v = el.value();
    let name = v.name();
    if SKIP_TAGS.contains(&name) {
        return true;
    }
    if name == "header" && el.select(&sel("h1")).next().is_none() {
        return true;
    }
    if v.attr("hidden").is_some() || v.attr("aria-hidden") == Some("true") {
        return true;
    }
    if matches!(
        v.attr("role"),
        Some("navigation" | "banner" | "contentinfo" | "complementary")
    ) {
        return true;
    }
    if name == "body" || name == "html" || name == "main" || name == "article" {
        return false;
    }
    // Some sites wrap the whole page in a <form>: only small forms are furniture.
    if name == "form" {
        let page = PAGE_TEXT.with(|p| p.get());
        return text_chars(el, (page / 2).max(600)) < (page / 2).max(600);
    }
    let attrs = format!(
        "{} {}",
        v.attr("class").unwrap_or(""),
        v.attr("id").unwrap_or("")
    );
    let strong = noisy_attr().is_match(&attrs);
    let weak = !strong && weak_noisy_attr().is_match(&attrs);
    if !strong && !weak {
        return false;
    }
    // Furniture words in the class of an element holding most of the page's
    // text ("content-with-sidebar-wrp", "box article modal-enabled") name a
    // wrapper, not furniture.
    let page = PAGE_TEXT.with(|p| p.get());
    let half = (page / 2).max(600);
    let chars = text_chars(el, half);
    if chars >= half {
        return false;
    }
    // A small element named like furniture is furniture; a mid-sized one only
    // for the strong words (share bars, comments, related lists).
    strong || chars < 600
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("selector")
}

struct Block {
    text: String,
    link_chars: usize,
    /// The element holding the block, then its ancestors up to `<body>`.
    chain: Vec<ego_tree::NodeId>,
}

/// Walks the body and cuts it into text blocks: block elements (`p`,
/// headings, list items, ...) and runs of text directly inside containers.
#[derive(Default)]
struct Collector {
    blocks: Vec<Block>,
    pending: String,
    pending_links: usize,
}

impl Collector {
    fn flush(&mut self, chain: &[ego_tree::NodeId]) {
        let text = normalize(&self.pending);
        if !text.is_empty() {
            self.blocks.push(Block {
                text,
                link_chars: self.pending_links,
                chain: chain.to_vec(),
            });
        }
        self.pending.clear();
        self.pending_links = 0;
    }

    /// `chain[0]` is `el`.
    fn walk(&mut self, el: ElementRef, chain: &mut Vec<ego_tree::NodeId>) {
        for child in el.children() {
            match child.value() {
                Node::Text(t) => self.pending.push_str(t),
                Node::Element(e) => {
                    let Some(child_el) = ElementRef::wrap(child) else {
                        continue;
                    };
                    if is_noise_element(&child_el) {
                        continue;
                    }
                    let name = e.name();
                    if name == "br" {
                        self.pending.push('\n');
                    } else if INLINE_TAGS.contains(&name) {
                        let mut links = 0;
                        inline_text(child_el, &mut self.pending, &mut links, name == "a");
                        self.pending_links += links;
                    } else if BLOCK_TAGS.contains(&name) {
                        self.flush(chain);
                        let (mut text, mut links) = (String::new(), 0);
                        block_text(child_el, &mut text, &mut links);
                        let text = normalize(&text);
                        if !text.is_empty() {
                            self.blocks.push(Block {
                                text,
                                link_chars: links,
                                chain: chain.clone(),
                            });
                        }
                    } else {
                        self.flush(chain);
                        chain.insert(0, child_el.id());
                        self.walk(child_el, chain);
                        self.flush(chain);
                        chain.remove(0);
                    }
                }
                _ => {}
            }
        }
    }
}

/// Text of an inline element; `links` counts characters inside `<a>`.
fn inline_text(el: ElementRef, out: &mut String, links: &mut usize, in_link: bool) {
    for child in el.children() {
        match child.value() {
            Node::Text(t) => {
                out.push_str(t);
                if in_link {
                    *links += t.chars().count();
                }
            }
            Node::Element(e) if e.name() == "br" => out.push('\n'),
            Node::Element(e) => {
                if let Some(c) = ElementRef::wrap(child) {
                    if !is_noise_element(&c) {
                        inline_text(c, out, links, in_link || e.name() == "a");
                    }
                }
            }
            _ => {}
        }
    }
}

/// Text of a block element; nested blocks (`li > p`) start new lines.
fn block_text(el: ElementRef, out: &mut String, links: &mut usize) {
    for child in el.children() {
        match child.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(e) if e.name() == "br" => out.push('\n'),
            Node::Element(e) => {
                let Some(c) = ElementRef::wrap(child) else {
                    continue;
                };
                if is_noise_element(&c) {
                    continue;
                }
                if INLINE_TAGS.contains(&e.name()) {
                    inline_text(c, out, links, e.name() == "a");
                } else {
                    out.push('\n');
                    block_text(c, out, links);
                    out.push('\n');
                }
            }
            _ => {}
        }
    }
}

/// Collapses runs of spaces inside lines; keeps single line breaks.
fn normalize(s: &str) -> String {
    s.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Empties `<script>` (but JSON-LD), `<style>` and `<svg>` elements before
/// parsing: on news pages they are more than half of the bytes and none of
/// the text, and the HTML tokenizer walks them character by character. The
/// elements stay (empty), so the page's structure is unchanged; a script
/// ends at the first `</script`, as in HTML.
pub fn strip_raw_blocks(source: &str) -> std::borrow::Cow<'_, str> {
    let bytes = source.as_bytes();
    let lower_at = |i: usize, pat: &[u8]| {
        bytes.len() >= i + pat.len() && bytes[i..i + pat.len()].eq_ignore_ascii_case(pat)
    };
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut i = 0;
    while let Some(off) = memchr::memchr(b'<', &bytes[i..]) {
        let at = i + off;
        i = at + 1;
        let tag: &[u8] = if lower_at(at + 1, b"script") {
            b"script"
        } else if lower_at(at + 1, b"style") {
            b"style"
        } else if lower_at(at + 1, b"svg") {
            b"svg"
        } else {
            continue;
        };
        // The name must end there: <scripts> or <svgx> are other elements.
        let after = at + 1 + tag.len();
        if !bytes
            .get(after)
            .is_some_and(|c| c.is_ascii_whitespace() || *c == b'>' || *c == b'/')
        {
            continue;
        }
        let Some(gt) = memchr::memchr(b'>', &bytes[after..]).map(|g| after + g) else {
            break;
        };
        if bytes[gt - 1] == b'/' {
            i = gt + 1;
            continue;
        }
        let open = &source[at..gt];
        if tag == b"script" && open.to_ascii_lowercase().contains("ld+json") {
            i = gt + 1;
            continue;
        }
        // Find the closing tag, case-insensitively.
        let mut j = gt + 1;
        let close = loop {
            match memchr::memchr(b'<', &bytes[j..]) {
                None => break None,
                Some(o) => {
                    let k = j + o;
                    if bytes.get(k + 1) == Some(&b'/') && lower_at(k + 2, tag) {
                        break Some(k);
                    }
                    j = k + 1;
                }
            }
        };
        let Some(close) = close else { break };
        if close > gt + 1 {
            let o = out.get_or_insert_with(|| String::with_capacity(source.len() / 2));
            o.push_str(&source[copied..=gt]);
            copied = close;
        }
        i = close + 2;
    }
    match out {
        None => std::borrow::Cow::Borrowed(source),
        Some(mut o) => {
            o.push_str(&source[copied..]);
            std::borrow::Cow::Owned(o)
        }
    }
}

/// Extracts blocks and metadata from an HTML page.
pub fn extract_html(source: &str) -> Page {
    let source = strip_raw_blocks(source);
    let doc = Html::parse_document(&source);
    let metas = Metas::of(&doc);
    let mut page = Page {
        lang: doc
            .select(&sel("html"))
            .next()
            .and_then(|h| h.value().attr("lang"))
            .map(|l| l.chars().take(2).collect::<String>().to_lowercase()),
        site_name: metas.get(&["og:site_name", "application-name"]),
        canonical_url: doc
            .select(&sel("link[rel=canonical]"))
            .next()
            .and_then(|l| l.value().attr("href"))
            .map(str::to_string)
            .or_else(|| metas.get(&["og:url"])),
        date: publication_date(&doc, &metas),
        ..Default::default()
    };
    page.title = title(&doc, &metas, page.site_name.as_deref());

    let root = doc.root_element();
    let body = doc.select(&sel("body")).next().unwrap_or(root);
    PAGE_TEXT.with(|p| p.set(text_chars(&body, usize::MAX)));
    let mut collector = Collector::default();
    let mut chain = vec![body.id()];
    collector.walk(body, &mut chain);
    collector.flush(&chain);

    let container = main_container(&doc, &collector.blocks);
    for block in collector.blocks {
        if let Some(c) = container {
            if !block.chain.contains(&c) {
                continue;
            }
        }
        let chars = block.text.chars().count();
        if block.link_chars * 2 > chars && chars < 300 {
            page.removed.push(RemovedNoise {
                text: block.text,
                reason: "link block".into(),
            });
            continue;
        }
        page.blocks.push(block.text);
    }
    page
}

/// An element that says it is the article body (schema.org `articleBody`,
/// or a class such as "article-body", "entry-content", "story__text") and
/// holds a real text: the body, whatever the scores say.
fn declared_body(doc: &Html) -> Option<ego_tree::NodeId> {
    static CLASS: OnceLock<Regex> = OnceLock::new();
    let class = CLASS.get_or_init(|| {
        Regex::new(r"(?i)(^|\s|[-_])(article|story|entry|post|news|main)[-_]{0,2}(body|content|text)([-_]?(inner|wrapper|container))?(\s|$)")
            .expect("body class")
    });
    let mut best: Option<(usize, ego_tree::NodeId)> = None;
    for el in doc.select(&sel(
        "[itemprop=articleBody], div[class], section[class], article[class]",
    )) {
        let declared = el.value().attr("itemprop") == Some("articleBody")
            || el.value().attr("class").is_some_and(|c| class.is_match(c));
        if !declared || is_noise_element(&el) {
            continue;
        }
        let chars = text_chars(&el, usize::MAX);
        if chars >= 400 && best.is_none_or(|b| chars > b.0) {
            best = Some((chars, el.id()));
        }
    }
    best.map(|b| b.1)
}

/// The element holding the article body, when one stands out.
fn main_container(doc: &Html, blocks: &[Block]) -> Option<ego_tree::NodeId> {
    if let Some(body) = declared_body(doc) {
        return Some(body);
    }
    let mut score: HashMap<ego_tree::NodeId, f64> = HashMap::new();
    for b in blocks {
        let chars = b.text.chars().count();
        if chars < 25 || b.link_chars * 2 > chars {
            continue;
        }
        // The holder gets the block's length, its parent half of it.
        if let Some(holder) = b.chain.first() {
            *score.entry(*holder).or_default() += chars as f64;
        }
        if let Some(parent) = b.chain.get(1) {
            *score.entry(*parent).or_default() += chars as f64 / 2.0;
        }
    }
    let best = score.into_iter().max_by(|a, b| a.1.total_cmp(&b.1))?.0;
    // Widen to an enclosing articleBody, or to an <article> close above
    // (a page-wide <article> would bring its related-story lists along).
    let node = doc.tree.get(best)?;
    for (depth, anc) in node.ancestors().enumerate() {
        if let Some(el) = ElementRef::wrap(anc) {
            let body = el.value().attr("itemprop") == Some("articleBody");
            if body || el.value().name() == "article" && depth < 2 {
                return Some(anc.id());
            }
        }
    }
    Some(best)
}

/// The page's `<meta>` contents by property, name or itemprop (lower-cased),
/// collected in one pass; the first non-empty one wins.
struct Metas(HashMap<String, String>);

impl Metas {
    fn of(doc: &Html) -> Metas {
        let mut map = HashMap::new();
        for m in doc.select(&sel("meta[content]")) {
            let v = m.value();
            let Some(content) = v.attr("content").map(str::trim).filter(|c| !c.is_empty()) else {
                continue;
            };
            for attr in ["property", "name", "itemprop"] {
                if let Some(key) = v.attr(attr) {
                    map.entry(key.trim().to_lowercase())
                        .or_insert_with(|| content.to_string());
                }
            }
        }
        Metas(map)
    }

    /// The first of `names` the page declares.
    fn get(&self, names: &[&str]) -> Option<String> {
        names
            .iter()
            .find_map(|n| self.0.get(&n.to_lowercase()).cloned())
    }
}

fn title(doc: &Html, metas: &Metas, site: Option<&str>) -> Option<String> {
    let h1 = doc
        .select(&sel("h1"))
        .next()
        .map(|h| normalize(&h.text().collect::<String>()));
    let raw = metas
        .get(&["og:title", "twitter:title"])
        .or_else(|| {
            doc.select(&sel("title"))
                .next()
                .map(|t| t.text().collect::<String>())
        })
        .map(|t| normalize(&t))
        .filter(|t| !t.is_empty());
    let stripped = raw.map(|t| strip_site_suffix(&t, site));
    match (h1, stripped) {
        (Some(h), Some(t)) if !h.is_empty() && (t.contains(&h) || h.contains(&t)) => Some(h),
        (_, Some(t)) => Some(t),
        (Some(h), None) if !h.is_empty() => Some(h),
        _ => None,
    }
}

/// "Headline - Outlet" to "Headline".
fn strip_site_suffix(t: &str, site: Option<&str>) -> String {
    for sep in [" | ", " - ", " – ", " — ", " :: ", " · "] {
        if let Some(pos) = t.rfind(sep) {
            let (head, tail) = (&t[..pos], &t[pos + sep.len()..]);
            let tail_is_site = site.is_some_and(|s| s.eq_ignore_ascii_case(tail.trim()))
                || tail.split_whitespace().count() <= 4
                    && head.chars().count() > tail.chars().count();
            if tail_is_site && !head.trim().is_empty() {
                return head.trim().to_string();
            }
        }
    }
    t.to_string()
}

fn iso_date(s: &str) -> Option<NaiveDate> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| Regex::new(r"(\d{4})-(\d{2})-(\d{2})").expect("date pattern"));
    let c = re.captures(s)?;
    NaiveDate::from_ymd_opt(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)
}

/// A `/2025/04/14/` or `/2025-04-14/` date in a URL.
pub fn date_from_url(url: &str) -> Option<NaiveDate> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:[/-]|$)").expect("url date")
    });
    let c = re.captures(url)?;
    NaiveDate::from_ymd_opt(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)
}

fn publication_date(doc: &Html, metas: &Metas) -> Option<(NaiveDate, String)> {
    const META: &[&str] = &[
        "article:published_time",
        "og:published_time",
        "datePublished",
        "pubdate",
        "publishdate",
        "publish-date",
        "date",
        "dc.date",
        "dc.date.issued",
        "DC.date.issued",
        "sailthru.date",
        "parsely-pub-date",
    ];
    for name in META {
        if let Some(d) = metas.get(&[name]).as_deref().and_then(iso_date) {
            return Some((d, format!("meta:{name}")));
        }
    }
    for script in doc.select(&sel("script[type=\"application/ld+json\"]")) {
        let text: String = script.text().collect();
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(&text) {
            if let Some(d) = find_json_date(&v) {
                return Some((d, "json-ld:datePublished".into()));
            }
        }
    }
    for t in doc.select(&sel("[itemprop=datePublished], time[datetime]")) {
        let v = t.value();
        if let Some(d) = v.attr("datetime").or(v.attr("content")).and_then(iso_date) {
            return Some((d, format!("<{}>", v.name())));
        }
    }
    None
}

fn find_json_date(v: &serde_json::Value) -> Option<NaiveDate> {
    match v {
        serde_json::Value::Object(map) => map
            .get("datePublished")
            .and_then(|d| d.as_str())
            .and_then(iso_date)
            .or_else(|| map.values().find_map(find_json_date)),
        serde_json::Value::Array(items) => items.iter().find_map(find_json_date),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_ld_date_and_site_suffix() {
        let page = extract_html(
            r#"<html><head><title>Drone strike hits market | Sahel Daily</title>
            <script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2025-05-02T10:00:00+01:00"}]}</script>
            </head><body><div class="content"><p>A drone strike hit a market in the town of Kidal on Thursday, residents said.</p>
            <p>Officials did not comment on the strike, which witnesses said killed several people.</p></div>
            <div class="related-posts"><p>Floods hit the capital, dozens dead, reports said on Monday.</p></div></body></html>"#,
        );
        assert_eq!(page.title.as_deref(), Some("Drone strike hits market"));
        assert_eq!(page.date.unwrap().0.to_string(), "2025-05-02");
        assert_eq!(page.blocks.len(), 2, "{:?}", page.blocks);
        assert_eq!(
            date_from_url("https://x.example/2024/11/03/story"),
            NaiveDate::from_ymd_opt(2024, 11, 3)
        );
    }
}

#[cfg(test)]
mod raw_block_tests {
    use super::strip_raw_blocks;

    #[test]
    fn scripts_styles_and_svgs_are_emptied_json_ld_kept() {
        let page = r#"<html><head><SCRIPT src="a.js"></SCRIPT><script>var x = "<p>not text</p>";</script>
<style>p { color: red }</style><script type="application/ld+json">{"datePublished":"2025-01-02"}</script>
<scripts>keep</scripts></head><body><svg viewBox="0 0 1 1"><path d="M0"/></svg><p>Story.</p><script>tail()</Script ></body></html>"#;
        let s = strip_raw_blocks(page);
        assert!(
            !s.contains("not text")
                && !s.contains("color: red")
                && !s.contains("M0")
                && !s.contains("tail()")
        );
        assert!(
            s.contains("datePublished")
                && s.contains("<scripts>keep</scripts>")
                && s.contains("<p>Story.</p>")
        );
        assert!(s.contains("<script></script>") && !s.contains("<script>var"));
        // Nothing to strip: the page itself, not a copy.
        assert!(matches!(
            strip_raw_blocks("<p>x</p>"),
            std::borrow::Cow::Borrowed(_)
        ));
        // An unclosed script is left to the parser.
        assert!(strip_raw_blocks("<script>never closed").contains("never closed"));
    }
}
