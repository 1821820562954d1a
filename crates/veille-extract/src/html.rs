//! HTML pages: main-content blocks and metadata.
//!
//! The main content is found without per-site rules: paragraphs score their
//! parent (and half their grandparent) by text length, link-heavy blocks do
//! not count; the best-scoring element (widened to its enclosing `<article>`)
//! is the body. Navigation, share bars, related lists, comments, cookie and
//! newsletter boxes are dropped by tag and by class/id words.

use crate::dom::{Dom, NodeId};
use chrono::NaiveDate;
use regex::Regex;
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
    /// Authors the page names.
    pub authors: Vec<String>,
    /// Where each field came from ("title" -> "og:title", ...).
    pub sources: std::collections::BTreeMap<String, String>,
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
        let mut sources = std::collections::BTreeMap::new();
        if title.is_some() {
            sources.insert("title".to_string(), "first line".to_string());
        }
        Page {
            title,
            blocks,
            sources,
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
            r"(?i)(^|[-_\s])(promo|advert(isement)?|ads?|pub|banner|sidebar|widget|menu|nav|navbar|navigation|footer|author-bio|tags|trending|aside|gallery|slideshow|carousel|captions?|credits?|print|hidden|d-none|sr-only|screen-reader-text|visually-?hidden)([-_\s]|$)",
        )
        .expect("weak attr pattern")
    })
}

/// (class, id) -> (strong, weak) furniture words.
type AttrCache<'a> = veille_core::hash::FastMap<(&'a str, &'a str), (bool, bool)>;

/// The parsed page and what the walk asks of it many times: characters of
/// visible text under each node, outside links, scripts and styles.
struct Ctx<'a> {
    dom: &'a Dom,
    visible: Vec<u32>,
    /// Visible text of the whole page: an element holding most of it is the
    /// content, never furniture.
    page_text: usize,
    attr_cache: std::cell::RefCell<AttrCache<'a>>,
}

impl<'a> Ctx<'a> {
    fn new(dom: &'a Dom) -> Ctx<'a> {
        // Nodes are in document order: children after their parent, so one
        // backward pass sums every subtree.
        let mut visible = vec![0u32; dom.len()];
        for id in (1..dom.len() as NodeId).rev() {
            if let Some(t) = dom.text(id) {
                visible[id as usize] = trimmed_len(t) as u32;
            }
            let hidden = dom
                .name(id)
                .is_some_and(|n| matches!(n, "script" | "style" | "noscript" | "a" | "template"));
            if let (false, Some(p)) = (hidden, dom.parent(id)) {
                visible[p as usize] += visible[id as usize];
            }
        }
        Ctx {
            dom,
            visible,
            page_text: 0,
            attr_cache: Default::default(),
        }
    }

    /// Whether class and id hold strong or weak furniture words; pages
    /// repeat the same classes, so each pair is matched once.
    fn attr_words(&self, class: &'a str, ident: &'a str) -> (bool, bool) {
        let key = (class, ident);
        if let Some(&hit) = self.attr_cache.borrow().get(&key) {
            return hit;
        }
        // camelCase names are words too ("NewsletterModule", "PromoSmall").
        let mut attrs = String::with_capacity(class.len() + ident.len() + 8);
        let mut prev_lower = false;
        for c in class
            .chars()
            .chain(std::iter::once(' '))
            .chain(ident.chars())
        {
            if prev_lower && c.is_ascii_uppercase() {
                attrs.push(' ');
            }
            prev_lower = c.is_ascii_lowercase();
            attrs.push(c);
        }
        // Embedded posts ("social-media-embed") are quoted content.
        let embed = attrs.contains("embed");
        let strong = !embed && noisy_attr().is_match(&attrs);
        let hit = (
            strong,
            !strong && !embed && weak_noisy_attr().is_match(&attrs),
        );
        self.attr_cache.borrow_mut().insert(key, hit);
        hit
    }

    /// Characters of visible text under an element.
    fn text_chars(&self, id: NodeId) -> usize {
        self.visible[id as usize] as usize
    }

    fn is_noise_element(&self, id: NodeId) -> bool {
        let dom = self.dom;
        let Some(name) = dom.name(id) else {
            return false;
        };
        if SKIP_TAGS.contains(&name) {
            return true;
        }
        if name == "header" && !dom.descendants(id).any(|d| dom.name(d) == Some("h1")) {
            return true;
        }
        // The six attributes asked of every element, in one look at its
        // attributes (each name is there once: the parser keeps the first).
        let (mut hidden, mut aria_hidden, mut role) = (false, None, None);
        let (mut class, mut ident, mut style) = (None, None, None);
        for (n, v) in dom.attributes(id) {
            match n {
                "hidden" => hidden = true,
                "aria-hidden" => aria_hidden = Some(v),
                "role" => role = Some(v),
                "class" => class = Some(v),
                "id" => ident = Some(v),
                "style" => style = Some(v),
                _ => {}
            }
        }
        if hidden || aria_hidden == Some("true") {
            return true;
        }
        if matches!(
            role,
            Some("navigation" | "banner" | "contentinfo" | "complementary")
        ) {
            return true;
        }
        if name == "body" || name == "html" || name == "main" || name == "article" {
            return false;
        }
        let half = (self.page_text / 2).max(600);
        // Some sites wrap the whole page in a <form>: only small forms are furniture.
        if name == "form" {
            return self.text_chars(id) < half;
        }
        // Hidden by its style: furniture when small, like the weak words.
        let styled_hidden = style.is_some_and(|st: &str| {
            let st = st.to_ascii_lowercase().replace(' ', "");
            st.contains("display:none") || st.contains("visibility:hidden")
        });
        if class.is_none() && ident.is_none() && !styled_hidden {
            return false;
        }
        let (strong, weak_words) = self.attr_words(class.unwrap_or(""), ident.unwrap_or(""));
        let weak = !strong && (styled_hidden || weak_words);
        if !strong && !weak {
            return false;
        }
        // Furniture words in the class of an element holding most of the page's
        // text ("content-with-sidebar-wrp", "box article modal-enabled") name a
        // wrapper, not furniture.
        let chars = self.text_chars(id);
        if chars >= half {
            return false;
        }
        // A small element named like furniture is furniture; a mid-sized one only
        // for the strong words (share bars, comments, related lists).
        strong || chars < 600
    }
}

struct Block {
    text: String,
    link_chars: usize,
    /// The element holding the block, then its ancestors up to `<body>`.
    chain: Vec<NodeId>,
}

/// `char::is_whitespace` on an ASCII byte: space, tab, LF, VT, FF, CR.
fn ascii_white_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r')
}

/// `t.trim().len()`, without decoding characters when both ends are ASCII
/// (nearly every text node of a page).
fn trimmed_len(t: &str) -> usize {
    let space = ascii_white_space;
    let b = t.as_bytes();
    let Some(s) = b.iter().position(|&c| !space(c)) else {
        return 0;
    };
    let e = b.iter().rposition(|&c| !space(c)).map_or(s, |e| e + 1);
    if !b[s].is_ascii() || !b[e - 1].is_ascii() {
        return t.trim().len();
    }
    e - s
}

/// Walks the body and cuts it into text blocks: block elements (`p`,
/// headings, list items, ...) and runs of text directly inside containers.
struct Collector<'c, 'a> {
    ctx: &'c Ctx<'a>,
    blocks: Vec<Block>,
    pending: String,
    pending_links: usize,
}

impl Collector<'_, '_> {
    fn flush(&mut self, chain: &[NodeId]) {
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

    /// `chain[0]` is `el`. Recursion is bounded by the parser's depth limit.
    fn walk(&mut self, el: NodeId, chain: &mut Vec<NodeId>) {
        let dom = self.ctx.dom;
        for child in dom.children(el) {
            if let Some(t) = dom.text(child) {
                self.pending.push_str(t);
                continue;
            }
            let Some(name) = dom.name(child) else {
                continue;
            };
            if self.ctx.is_noise_element(child) {
                continue;
            }
            if name == "br" {
                self.pending.push('\n');
            } else if INLINE_TAGS.contains(&name) {
                let mut links = 0;
                inline_text(self.ctx, child, &mut self.pending, &mut links, name == "a");
                self.pending_links += links;
            } else if BLOCK_TAGS.contains(&name) && !layout_cell(dom, child, name) {
                self.flush(chain);
                let (mut text, mut links) = (String::new(), 0);
                block_text(self.ctx, child, &mut text, &mut links);
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
                chain.insert(0, child);
                self.walk(child, chain);
                self.flush(chain);
                chain.remove(0);
            }
        }
    }
}

/// A table cell used for page layout (it holds paragraphs or divisions):
/// walked as a container, not read as one block.
fn layout_cell(dom: &Dom, el: NodeId, name: &str) -> bool {
    matches!(name, "td" | "th")
        && dom
            .descendants(el)
            .any(|d| matches!(dom.name(d), Some("p" | "div" | "table")))
}

/// Text of an inline element; `links` counts characters inside `<a>`.
fn inline_text(ctx: &Ctx, el: NodeId, out: &mut String, links: &mut usize, in_link: bool) {
    let dom = ctx.dom;
    for child in dom.children(el) {
        if let Some(t) = dom.text(child) {
            out.push_str(t);
            if in_link {
                *links += t.chars().count();
            }
        } else if let Some(name) = dom.name(child) {
            if name == "br" {
                out.push('\n');
            } else if !ctx.is_noise_element(child) {
                inline_text(ctx, child, out, links, in_link || name == "a");
            }
        }
    }
}

/// Text of a block element; nested blocks (`li > p`) start new lines.
fn block_text(ctx: &Ctx, el: NodeId, out: &mut String, links: &mut usize) {
    let dom = ctx.dom;
    for child in dom.children(el) {
        if let Some(t) = dom.text(child) {
            out.push_str(t);
            continue;
        }
        let Some(name) = dom.name(child) else {
            continue;
        };
        if name == "br" {
            out.push('\n');
        } else if ctx.is_noise_element(child) {
            continue;
        } else if INLINE_TAGS.contains(&name) {
            inline_text(ctx, child, out, links, name == "a");
        } else {
            out.push('\n');
            block_text(ctx, child, out, links);
            out.push('\n');
        }
    }
}

/// Collapses runs of spaces inside lines; keeps single line breaks, drops
/// blank lines and the spaces at both ends of each line.
fn normalize(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    let mut newline = false;
    // Runs of other characters are copied whole: the separator before a
    // run is decided at its first character, as the flags say nothing
    // inside it. Bytes are read one by one; only the lead bytes of the
    // non-ASCII white space (U+0085 and U+00A0 after 0xC2, U+1680 after
    // 0xE1, U+2000 to U+205F after 0xE2, U+3000 after 0xE3) are decoded.
    let mut run: Option<usize> = None;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let (white, len) = if c < 0x80 {
            (ascii_white_space(c), 1)
        } else if matches!(c, 0xC2 | 0xE1 | 0xE2 | 0xE3) {
            let ch = s[i..].chars().next().expect("a character starts here");
            (ch.is_whitespace(), ch.len_utf8())
        } else {
            (false, 1)
        };
        if white {
            if let Some(from) = run.take() {
                out.push_str(&s[from..i]);
            }
            if c == b'\n' {
                newline = true;
            } else {
                space = true;
            }
        } else if run.is_none() {
            if !out.is_empty() {
                if newline {
                    out.push('\n');
                } else if space {
                    out.push(' ');
                }
            }
            space = false;
            newline = false;
            run = Some(i);
        }
        i += len;
    }
    if let Some(from) = run {
        out.push_str(&s[from..]);
    }
    out
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
            let o = out.get_or_insert_with(|| String::with_capacity(source.len()));
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
    let dom = Dom::parse(&source);
    let metas = Metas::of(&dom);
    // The page's JSON-LD blocks, parsed once for the date and the authors.
    let json_ld: Vec<serde_json::Value> = dom
        .named("script")
        .filter(|&s| dom.attr(s, "type") == Some("application/ld+json"))
        .filter_map(|s| serde_json::from_str(&dom.text_content(s)).ok())
        .collect();
    let first_attr = |tag: &str, filter: &dyn Fn(NodeId) -> bool, attr: &str| {
        dom.named(tag)
            .filter(|&e| filter(e))
            .find_map(|e| dom.attr(e, attr))
            .map(str::to_string)
    };
    let mut sources = std::collections::BTreeMap::new();
    let mut source = |field: &str, from: String| {
        sources.insert(field.to_string(), from);
    };
    let lang = dom
        .named("html")
        .next()
        .and_then(|h| dom.attr(h, "lang"))
        .map(|l| l.chars().take(2).collect::<String>().to_lowercase())
        .filter(|l| !l.is_empty());
    if lang.is_some() {
        source("language", "html lang".into());
    }
    let site_name = metas
        .get_with(&["og:site_name", "application-name"])
        .map(|(v, from)| {
            source("outlet", format!("meta:{from}"));
            v
        });
    let canonical_url =
        match first_attr("link", &|l| dom.attr(l, "rel") == Some("canonical"), "href") {
            Some(u) => {
                source("url", "link rel=canonical".into());
                Some(u)
            }
            None => metas.get_with(&["og:url"]).map(|(v, from)| {
                source("url", format!("meta:{from}"));
                v
            }),
        };
    let title = title(&dom, &metas, site_name.as_deref()).map(|(t, from)| {
        source("title", from);
        t
    });
    let authors = authors(&dom, &metas, &json_ld).map(|(a, from)| {
        source("authors", from);
        a
    });
    let mut page = Page {
        lang,
        site_name,
        canonical_url,
        title,
        authors: authors.unwrap_or_default(),
        date: publication_date(&dom, &metas, &json_ld),
        sources,
        ..Default::default()
    };

    let body = dom.named("body").next().unwrap_or(dom.root());
    let mut ctx = Ctx::new(&dom);
    ctx.page_text = ctx.text_chars(body);
    let mut collector = Collector {
        ctx: &ctx,
        blocks: Vec::new(),
        pending: String::new(),
        pending_links: 0,
    };
    let mut chain = vec![body];
    collector.walk(body, &mut chain);
    collector.flush(&chain);
    let blocks = collector.blocks;

    let container = main_container(&ctx, &blocks);
    let parts = container.map(|c| article_parts(&dom, c));
    for block in blocks {
        if let Some(parts) = &parts {
            if !block.chain.iter().any(|n| parts.contains(n)) {
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

/// The container and the other parts of a story cut into sections (text,
/// a figure, text, a quote box, text): elements with the same tag and class
/// as the container, close to it in the tree.
fn article_parts(dom: &Dom, container: NodeId) -> Vec<NodeId> {
    let mut parts = vec![container];
    let (Some(name), Some(class)) = (dom.name(container), dom.attr(container, "class")) else {
        return parts;
    };
    // Grid classes ("span12", "col-md-8 pull-left") name a layout, not a
    // kind of content.
    let grid = |w: &str| {
        w.starts_with("span")
            || w.starts_with("col-")
            || w.starts_with("pull-")
            || matches!(
                w,
                "row" | "row-fluid" | "container" | "container-fluid" | "clearfix"
            )
    };
    if class.split_whitespace().all(grid) {
        return parts;
    }
    let Some(scope) = dom.ancestors(container).take(6).last() else {
        return parts;
    };
    let depth = dom.ancestors(container).count();
    for el in dom.descendants(scope) {
        if el != container
            && dom.name(el) == Some(name)
            && dom.attr(el, "class") == Some(class)
            && dom.ancestors(el).count() == depth
        {
            parts.push(el);
        }
    }
    parts
}

/// An element that says it is the article body (schema.org `articleBody`,
/// or a class such as "article-body", "entry-content", "story__text") and
/// holds a real text: the body, whatever the scores say.
fn declared_body(ctx: &Ctx) -> Option<NodeId> {
    static CLASS: OnceLock<Regex> = OnceLock::new();
    let class = CLASS.get_or_init(|| {
        Regex::new(r"(?i)(^|\s|[-_])(article|story|entry|post|news|main)[-_]{0,2}(body|content|text)([-_]?(inner|wrapper|container))?(\s|$)")
            .expect("body class")
    });
    let dom = ctx.dom;
    let mut best: Option<(usize, NodeId)> = None;
    for el in dom.elements() {
        let declared = dom.attr(el, "itemprop") == Some("articleBody")
            || matches!(dom.name(el), Some("div" | "section" | "article"))
                && dom.attr(el, "class").is_some_and(|c| class.is_match(c));
        if !declared || ctx.is_noise_element(el) {
            continue;
        }
        let chars = ctx.text_chars(el);
        if chars >= 400 && best.is_none_or(|b| chars > b.0) {
            best = Some((chars, el));
        }
    }
    best.map(|b| b.1)
}

/// The element holding the article body, when one stands out.
fn main_container(ctx: &Ctx, blocks: &[Block]) -> Option<NodeId> {
    if let Some(body) = declared_body(ctx) {
        return Some(body);
    }
    let dom = ctx.dom;
    let mut score: HashMap<NodeId, f64> = HashMap::new();
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
    // Ties go to the first element in the page.
    let best = score
        .into_iter()
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))?
        .0;
    // Widen to an enclosing articleBody, or to an <article> close above
    // (a page-wide <article> would bring its related-story lists along).
    for (depth, anc) in dom.ancestors(best).enumerate() {
        let body = dom.attr(anc, "itemprop") == Some("articleBody");
        if body || dom.name(anc) == Some("article") && depth < 2 {
            return Some(anc);
        }
    }
    Some(best)
}

/// The page's `<meta>` contents by property, name or itemprop (lower-cased),
/// collected in one pass; the first non-empty one wins.
struct Metas(HashMap<String, String>);

impl Metas {
    fn of(dom: &Dom) -> Metas {
        let mut map = HashMap::new();
        for m in dom.named("meta") {
            let Some(content) = dom
                .attr(m, "content")
                .map(str::trim)
                .filter(|c| !c.is_empty())
            else {
                continue;
            };
            for attr in ["property", "name", "itemprop"] {
                if let Some(key) = dom.attr(m, attr) {
                    map.entry(key.trim().to_lowercase())
                        .or_insert_with(|| content.to_string());
                }
            }
        }
        Metas(map)
    }

    /// The first of `names` the page declares.
    fn get(&self, names: &[&str]) -> Option<String> {
        self.get_with(names).map(|(v, _)| v)
    }

    /// The first of `names` the page declares, and that name.
    fn get_with<'n>(&self, names: &[&'n str]) -> Option<(String, &'n str)> {
        names
            .iter()
            .find_map(|n| self.0.get(&n.to_lowercase()).map(|v| (v.clone(), *n)))
    }
}

/// The headline and where it came from: the page's `<h1>` when the
/// `og:title` or `<title>` agrees with it, else that title without the site
/// name.
fn title(dom: &Dom, metas: &Metas, site: Option<&str>) -> Option<(String, String)> {
    let h1 = dom
        .named("h1")
        .next()
        .map(|h| normalize(&dom.text_content(h)));
    let raw = metas
        .get_with(&["og:title", "twitter:title"])
        .map(|(t, from)| (t, format!("meta:{from}")))
        .or_else(|| {
            dom.named("title")
                .next()
                .map(|t| (dom.text_content(t), "<title>".to_string()))
        })
        .map(|(t, from)| (normalize(&t), from))
        .filter(|(t, _)| !t.is_empty());
    let stripped = raw.map(|(t, from)| (strip_site_suffix(&t, site), from));
    match (h1, stripped) {
        (Some(h), Some((t, _))) if !h.is_empty() && (t.contains(&h) || h.contains(&t)) => {
            Some((h, "<h1>".into()))
        }
        (_, Some(t)) => Some(t),
        (Some(h), None) if !h.is_empty() => Some((h, "<h1>".into())),
        _ => None,
    }
}

/// The authors a page names, and where: JSON-LD `author`, then author meta
/// tags, then `rel=author` or `itemprop=author` markup. Web addresses (a
/// profile page in `article:author`) are not names.
fn authors(
    dom: &Dom,
    metas: &Metas,
    json_ld: &[serde_json::Value],
) -> Option<(Vec<String>, String)> {
    fn json_authors(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::String(s) => out.push(s.clone()),
            serde_json::Value::Array(items) => items.iter().for_each(|i| json_authors(i, out)),
            serde_json::Value::Object(m) => {
                if let Some(n) = m.get("name") {
                    json_authors(n, out);
                }
            }
            _ => {}
        }
    }
    fn find_author(v: &serde_json::Value) -> Option<&serde_json::Value> {
        match v {
            serde_json::Value::Object(map) => map
                .get("author")
                .or_else(|| map.values().find_map(find_author)),
            serde_json::Value::Array(items) => items.iter().find_map(find_author),
            _ => None,
        }
    }
    let clean = |names: Vec<String>| -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for raw in names {
            for part in raw
                .split([';', '|'])
                .flat_map(|p| p.split(" and "))
                .flat_map(|p| p.split(" et "))
            {
                let mut name = normalize(part).replace('\n', " ");
                for by in ["By ", "by ", "BY ", "Par ", "par ", "PAR "] {
                    if let Some(rest) = name.strip_prefix(by) {
                        name = rest.trim().to_string();
                    }
                }
                let name = name.trim_matches([',', ' ', '.']).to_string();
                let plausible = !name.is_empty()
                    && name.chars().count() <= 100
                    && !name.contains("://")
                    && !name.starts_with("www.")
                    && name.chars().any(char::is_alphabetic);
                if plausible && !out.iter().any(|o| o.eq_ignore_ascii_case(&name)) && out.len() < 10
                {
                    out.push(name);
                }
            }
        }
        out
    };
    for v in json_ld {
        if let Some(a) = find_author(v) {
            let mut names = Vec::new();
            json_authors(a, &mut names);
            let names = clean(names);
            if !names.is_empty() {
                return Some((names, "json-ld:author".into()));
            }
        }
    }
    for name in [
        "author",
        "article:author",
        "parsely-author",
        "sailthru.author",
        "dc.creator",
        "byl",
    ] {
        if let Some(v) = metas.get(&[name]) {
            let names = clean(vec![v]);
            if !names.is_empty() {
                return Some((names, format!("meta:{name}")));
            }
        }
    }
    let marked: Vec<String> = dom
        .elements()
        .filter(|&e| {
            dom.attr(e, "rel") == Some("author") || dom.attr(e, "itemprop") == Some("author")
        })
        .map(|e| {
            // An author block may name the person in an itemprop=name child.
            dom.descendants(e)
                .find(|&d| dom.attr(d, "itemprop") == Some("name"))
                .map(|d| {
                    dom.attr(d, "content")
                        .map(str::to_string)
                        .unwrap_or_else(|| dom.text_content(d))
                })
                .unwrap_or_else(|| dom.text_content(e))
        })
        .collect();
    let names = clean(marked);
    (!names.is_empty()).then(|| (names, "<rel=author>, <itemprop=author>".into()))
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

/// A full date written in a visible dateline or byline, in English or
/// French: "November 20, 2019", "Tue, Nov 19, 2019", "20 novembre 2019",
/// "1er mai 2025", "2019-11-20". Numeric day/month dates are read only when
/// unambiguous ("21/05/2025").
pub fn dateline_date(line: &str) -> Option<NaiveDate> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        let month = r"(jan|janv|january|janvier|feb|févr|fév|february|février|mar|march|mars|apr|avr|april|avril|may|mai|jun|june|juin|jul|juil|july|juillet|aug|august|août|sep|sept|september|septembre|oct|october|octobre|nov|november|novembre|dec|déc|december|décembre)\.?";
        Regex::new(&format!(
            r"(?i)\b{month}\s+(\d{{1,2}}),?\s+((?:19|20)\d{{2}})\b|\b(\d{{1,2}})(?:er|st|nd|rd|th)?\s+{month}\s+((?:19|20)\d{{2}})\b|\b(\d{{1,2}})/(\d{{1,2}})/((?:19|20)\d{{2}})\b"
        ))
        .expect("dateline pattern")
    });
    if let Some(d) = iso_date(line) {
        return Some(d);
    }
    let c = re.captures(line)?;
    let month_no = |m: &str| {
        let m = m.trim_end_matches('.').to_lowercase();
        let key: String = m.chars().take(3).collect();
        Some(match key.as_str() {
            "jan" => 1,
            "feb" | "fév" => 2,
            "mar" => 3,
            "apr" | "avr" => 4,
            "may" | "mai" => 5,
            "jun" | "jui" if m.starts_with("juin") || m.starts_with("jun") => 6,
            "jul" | "jui" => 7,
            "aug" | "aoû" => 8,
            "sep" => 9,
            "oct" => 10,
            "nov" => 11,
            "dec" | "déc" => 12,
            _ => return None,
        })
    };
    let (y, m, d) = if let Some(mo) = c.get(1) {
        (
            c[3].parse().ok()?,
            month_no(mo.as_str())?,
            c[2].parse().ok()?,
        )
    } else if let Some(day) = c.get(4) {
        (
            c[6].parse().ok()?,
            month_no(&c[5])?,
            day.as_str().parse().ok()?,
        )
    } else {
        let (a, b): (u32, u32) = (c[7].parse().ok()?, c[8].parse().ok()?);
        let (d, m) = match (a > 12, b > 12) {
            (true, false) => (a, b),
            (false, true) => (b, a),
            _ => return None,
        };
        (c[9].parse().ok()?, m, d)
    };
    NaiveDate::from_ymd_opt(y, m, d)
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

fn publication_date(
    dom: &Dom,
    metas: &Metas,
    json_ld: &[serde_json::Value],
) -> Option<(NaiveDate, String)> {
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
    if let Some(d) = json_ld.iter().find_map(find_json_date) {
        return Some((d, "json-ld:datePublished".into()));
    }
    for t in dom.elements() {
        let name = dom.name(t).unwrap_or("");
        let published = dom.attr(t, "itemprop") == Some("datePublished");
        if !(published || name == "time" && dom.attr(t, "datetime").is_some()) {
            continue;
        }
        let value = dom.attr(t, "datetime").or(dom.attr(t, "content"));
        if let Some(d) = value.and_then(iso_date) {
            return Some((d, format!("<{name}>")));
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
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        for (line, want) in [
            ("11:21 pm CST, Tuesday, November 19, 2019", d(2019, 11, 19)),
            ("Nov. 20, 2019 - 11:28 AMT", d(2019, 11, 20)),
            ("Publié le 1er juin 2025 à 14h32", d(2025, 6, 1)),
            ("Mis à jour le 21 juillet 2025", d(2025, 7, 21)),
            ("By Staff Reporter | 15 April 2025", d(2025, 4, 15)),
            ("Publié le 21/05/2025", d(2025, 5, 21)),
            ("Posted 2025-03-02T10:00", d(2025, 3, 2)),
            ("05/06/2025", None),
            ("Tuesday", None),
        ] {
            assert_eq!(dateline_date(line), want, "{line}");
        }
    }
}

#[cfg(test)]
mod raw_block_tests {
    use super::strip_raw_blocks;

    /// The character-by-character version `normalize` replaced.
    fn normalize_char_by_char(s: &str) -> String {
        let mut out = String::with_capacity(s.len());
        let mut space = false;
        let mut newline = false;
        for c in s.chars() {
            if c == '\n' {
                newline = true;
            } else if c.is_whitespace() {
                space = true;
            } else {
                if !out.is_empty() {
                    if newline {
                        out.push('\n');
                    } else if space {
                        out.push(' ');
                    }
                }
                space = false;
                newline = false;
                out.push(c);
            }
        }
        out
    }

    #[test]
    fn normalize_is_the_character_by_character_version() {
        for t in [
            "",
            " ",
            "a",
            "  a  b \n\n c\u{a0}d\t\r\n",
            "\n x",
            "été \u{2003} à\n\u{85}y",
            "word",
            "x\x0b\x0cy",
            "a\u{1680}b\u{2028}c\u{202f}d\u{205f}e\u{3000}f\u{2019}g\u{e9}h\u{1e9e}",
            "\u{85}\u{a0}\u{2000}",
        ] {
            assert_eq!(super::normalize(t), normalize_char_by_char(t), "{t:?}");
        }
        // Strings drawn from an alphabet of every kind of character the
        // byte reading tells apart (a fixed generator: the same each run).
        let alphabet = [
            'a',
            ' ',
            '\n',
            '\t',
            '\r',
            '\x0b',
            'é',
            '\u{85}',
            '\u{a0}',
            '\u{1680}',
            '\u{2003}',
            '\u{2019}',
            '\u{3000}',
            '\u{3001}',
            '\u{1e9e}',
            '\u{1f600}',
        ];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..2000 {
            let mut t = String::new();
            for _ in 0..(seed % 12) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                t.push(alphabet[(seed % alphabet.len() as u64) as usize]);
            }
            seed = seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
            assert_eq!(super::normalize(&t), normalize_char_by_char(&t), "{t:?}");
        }
    }

    #[test]
    fn trimmed_len_is_the_trimmed_length() {
        for t in [
            "",
            " ",
            "a",
            " a ",
            "\t\x0b x \x0c\r\n",
            "\u{a0}x\u{a0}",
            " é ",
            "\u{2003}",
            "x\u{85}",
            " \u{3000}y ",
        ] {
            assert_eq!(super::trimmed_len(t), t.trim().len(), "{t:?}");
        }
    }

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
