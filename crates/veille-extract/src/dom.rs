//! A small, fast HTML parser for extraction: one pass over the bytes builds
//! a flat tree (an arena of nodes, every string in one buffer).
//!
//! It is not a browser's parser. It keeps what extraction reads (elements,
//! the attributes of [`KEPT_ATTRIBUTES`], text with character references
//! decoded) and follows the HTML rules that change which block a text
//! belongs to: void elements, raw-text elements (`script`, `style`,
//! `title`, ...), implied end tags (`<p>` closed by a block, `<li>`,
//! `<dd>`/`<dt>`, table rows and cells, `<option>`), the head closed by the
//! first body element, and end tags that do not match an open element
//! ignored when a block lies in between. It skips what
//! extraction does not need: the adoption agency for misnested formatting
//! tags, foster parenting of text in tables, templates as fragments.
//!
//! Limits: elements nest at most [`MAX_DEPTH`] deep (deeper ones are kept,
//! flattened into the deepest open element), so a page of 100,000 nested
//! tags costs linear time and no recursion anywhere. The input is whatever
//! [`crate::decode`] accepted (64 MB at most).

use markup5ever::data::{C1_REPLACEMENTS, NAMED_ENTITIES};

/// Deepest element nesting kept as a tree.
pub const MAX_DEPTH: usize = 256;

pub type NodeId = u32;
const NONE: NodeId = u32::MAX;

#[derive(Debug, Clone, Copy)]
enum Kind {
    /// The document itself (node 0).
    Root,
    /// Name, then attributes (indices into `Dom::attrs`), and the name's
    /// code in [`TAGS`] (0 for other names).
    Element {
        name: (u32, u32),
        attrs: (u32, u32),
        code: u8,
    },
    Text((u32, u32)),
}

#[derive(Debug, Clone, Copy)]
struct Node {
    kind: Kind,
    parent: NodeId,
    first_child: NodeId,
    last_child: NodeId,
    next_sibling: NodeId,
}

/// A parsed page.
pub struct Dom {
    nodes: Vec<Node>,
    /// (name, value) spans in `buf`.
    attrs: Vec<((u32, u32), (u32, u32))>,
    /// Every name, attribute value and text of the page.
    buf: String,
}

/// Elements with no content and no end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "image",
];

/// Elements whose content is text up to their end tag; `true` when
/// character references are decoded in it (RCDATA).
fn raw_text(name: &str) -> Option<bool> {
    match name {
        "title" | "textarea" => Some(true),
        "script" | "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript"
        | "plaintext" => Some(false),
        _ => None,
    }
}

/// Start tags that close an open `<p>`.
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "li",
    "dd",
    "dt",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "listing",
    "section",
    "summary",
    "table",
    "ul",
    "xmp",
    "plaintext",
];

/// Elements an unmatched end tag does not cross (HTML's "special" category,
/// the ones that matter on news pages).
const SPECIAL: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "button",
    "caption",
    "center",
    "dd",
    "details",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hgroup",
    "html",
    "iframe",
    "li",
    "main",
    "menu",
    "nav",
    "object",
    "ol",
    "p",
    "pre",
    "section",
    "select",
    "summary",
    "table",
    "tbody",
    "td",
    "template",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// Elements that bound the scope in which an open `<p>` (or other element)
/// is looked for.
const SCOPE: &[&str] = &[
    "html", "table", "td", "th", "caption", "marquee", "object", "template", "button", "applet",
];

/// Elements that belong in `<head>`; any other start tag closes the head.
const HEAD_CONTENT: &[&str] = &[
    "meta", "link", "title", "script", "style", "base", "noscript", "template", "basefont",
    "bgsound",
];

/// Names the tree builder tests membership of, as small codes (0: any
/// other name) so that scope checks compare bytes, not strings.
const TAGS: &[&str] = &[
    "div",
    "a",
    "span",
    "p",
    "li",
    "ul",
    "ol",
    "td",
    "tr",
    "th",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "caption",
    "html",
    "head",
    "body",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "dd",
    "dt",
    "dl",
    "option",
    "optgroup",
    "button",
    "template",
    "object",
    "marquee",
    "applet",
    "select",
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dialog",
    "dir",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "header",
    "hgroup",
    "hr",
    "main",
    "menu",
    "nav",
    "pre",
    "listing",
    "section",
    "summary",
    "xmp",
    "plaintext",
    "iframe",
    "b",
    "big",
    "code",
    "em",
    "font",
    "i",
    "nobr",
    "s",
    "small",
    "strike",
    "strong",
    "tt",
    "u",
    "meta",
    "link",
    "title",
    "script",
    "style",
    "base",
    "noscript",
    "basefont",
    "bgsound",
    "area",
    "br",
    "col",
    "embed",
    "img",
    "input",
    "param",
    "source",
    "track",
    "wbr",
    "keygen",
    "image",
];

const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// The code of a name in [`TAGS`] (compile time).
const fn tag(name: &str) -> u8 {
    let mut i = 0;
    while i < TAGS.len() {
        if same(TAGS[i], name) {
            return i as u8 + 1;
        }
        i += 1;
    }
    panic!("name missing from TAGS")
}

const fn mask(names: &[&str]) -> u128 {
    let mut m = 0u128;
    let mut i = 0;
    while i < names.len() {
        m |= 1 << tag(names[i]);
        i += 1;
    }
    m
}

/// The attributes extraction reads ([`Dom::attr`] answers `None` for any
/// other): furniture words, hidden elements, metadata, the canonical link,
/// script types, dates, the page's language.
const KEPT_ATTRIBUTES: &[&str] = &[
    "class",
    "id",
    "role",
    "hidden",
    "aria-hidden",
    "style",
    "content",
    "property",
    "name",
    "itemprop",
    "rel",
    "href",
    "type",
    "datetime",
    "lang",
    "title",
];

/// [`KEPT_ATTRIBUTES`] packed.
const KEPT_PACKED: [u128; KEPT_ATTRIBUTES.len()] = {
    let mut out = [0u128; KEPT_ATTRIBUTES.len()];
    let mut i = 0;
    while i < KEPT_ATTRIBUTES.len() {
        out[i] = pack(KEPT_ATTRIBUTES[i]);
        i += 1;
    }
    out
};

/// Whether an attribute name (any case) is one extraction reads.
fn kept_attribute(name: &[u8]) -> bool {
    if name.len() > 16 {
        return false;
    }
    let mut key = 0u128;
    for (i, c) in name.iter().enumerate() {
        key |= (c.to_ascii_lowercase() as u128) << (8 * i);
    }
    KEPT_PACKED.contains(&key)
}

/// A name of at most 16 bytes as one number (its bytes, zero-padded; no
/// element name holds a zero byte), so a lookup compares numbers.
const fn pack(name: &str) -> u128 {
    let b = name.as_bytes();
    let mut k = 0u128;
    let mut i = 0;
    while i < b.len() {
        k |= (b[i] as u128) << (8 * i);
        i += 1;
    }
    k
}

/// [`TAGS`] packed, in the same order (the most frequent names first).
const PACKED: [u128; TAGS.len()] = {
    let mut out = [0u128; TAGS.len()];
    let mut i = 0;
    while i < TAGS.len() {
        assert!(TAGS[i].len() <= 16);
        out[i] = pack(TAGS[i]);
        i += 1;
    }
    out
};

/// The code of a lower-case element name (run time).
fn code_of(name: &str) -> u8 {
    if name.len() > 16 {
        return 0;
    }
    let key = pack(name);
    PACKED
        .iter()
        .position(|&t| t == key)
        .map_or(0, |i| i as u8 + 1)
}

fn has(mask: u128, code: u8) -> bool {
    code != 0 && mask & (1 << code) != 0
}

const M_VOID: u128 = mask(VOID);
const M_CLOSES_P: u128 = mask(CLOSES_P);
const M_SPECIAL: u128 = mask(SPECIAL);
const M_SCOPE: u128 = mask(SCOPE);
const M_HEAD_CONTENT: u128 = mask(HEAD_CONTENT);
const M_FORMATTING: u128 = mask(&[
    "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
]);
const M_HEADINGS: u128 = mask(&["h1", "h2", "h3", "h4", "h5", "h6"]);
const M_TABLE_SCOPE: u128 = mask(&["html", "table", "template"]);

impl Dom {
    /// Parses a page. Never fails: broken markup gives a best-effort tree.
    pub fn parse(src: &str) -> Dom {
        let mut b = Builder {
            dom: Dom {
                nodes: Vec::with_capacity(src.len() / 12 + 16),
                attrs: Vec::with_capacity(src.len() / 32 + 16),
                buf: String::with_capacity(src.len() + 16),
            },
            stack: Vec::with_capacity(64),
            codes: Vec::with_capacity(64),
            head: NONE,
            html_seen: false,
            body_seen: false,
            scratch: String::new(),
        };
        b.dom.nodes.push(Node {
            kind: Kind::Root,
            parent: NONE,
            first_child: NONE,
            last_child: NONE,
            next_sibling: NONE,
        });
        b.stack.push(0);
        b.codes.push(0);
        b.run(src);
        b.dom
    }

    pub fn root(&self) -> NodeId {
        0
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.len() <= 1
    }

    fn s(&self, (a, b): (u32, u32)) -> &str {
        &self.buf[a as usize..b as usize]
    }

    /// The element's lower-case name, or `None` for text and the root.
    pub fn name(&self, id: NodeId) -> Option<&str> {
        match self.nodes[id as usize].kind {
            Kind::Element { name, .. } => Some(self.s(name)),
            _ => None,
        }
    }

    pub fn is_element(&self, id: NodeId) -> bool {
        matches!(self.nodes[id as usize].kind, Kind::Element { .. })
    }

    /// The text of a text node.
    pub fn text(&self, id: NodeId) -> Option<&str> {
        match self.nodes[id as usize].kind {
            Kind::Text(t) => Some(self.s(t)),
            _ => None,
        }
    }

    /// An attribute's value (names are lower case; the first one wins).
    pub fn attr(&self, id: NodeId, name: &str) -> Option<&str> {
        let Kind::Element { attrs, .. } = self.nodes[id as usize].kind else {
            return None;
        };
        self.attrs[attrs.0 as usize..attrs.1 as usize]
            .iter()
            .find(|(n, _)| self.s(*n) == name)
            .map(|(_, v)| self.s(*v))
    }

    /// An element's attributes (name, value) in order; nothing for text.
    pub fn attributes(&self, id: NodeId) -> impl Iterator<Item = (&str, &str)> + '_ {
        let range = match self.nodes[id as usize].kind {
            Kind::Element { attrs, .. } => attrs.0 as usize..attrs.1 as usize,
            _ => 0..0,
        };
        self.attrs[range]
            .iter()
            .map(|&(n, v)| (self.s(n), self.s(v)))
    }

    pub fn parent(&self, id: NodeId) -> Option<NodeId> {
        let p = self.nodes[id as usize].parent;
        (p != NONE).then_some(p)
    }

    /// The node's children in order.
    pub fn children(&self, id: NodeId) -> Children<'_> {
        Children {
            dom: self,
            next: self.nodes[id as usize].first_child,
        }
    }

    /// The node's parent, its parent's parent, ... up to the root.
    pub fn ancestors(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        std::iter::successors(self.parent(id), |&p| self.parent(p))
    }

    /// Every element, in document order.
    pub fn elements(&self) -> impl Iterator<Item = NodeId> + '_ {
        (0..self.nodes.len() as NodeId).filter(|&i| self.is_element(i))
    }

    /// Elements with this name, in document order.
    pub fn named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = NodeId> + 'a {
        // (a name of TAGS is found by its code: no string compared per node)
        let code = code_of(name);
        (0..self.nodes.len() as NodeId).filter(move |&i| match self.nodes[i as usize].kind {
            Kind::Element { code: c, .. } if code != 0 => c == code,
            Kind::Element { name: n, .. } => self.s(n) == name,
            _ => false,
        })
    }

    /// The nodes under `id` (not `id` itself), in document order. Nodes are
    /// numbered in document order, so they are the numbers between `id`
    /// and the end of its subtree.
    pub fn descendants(&self, id: NodeId) -> std::ops::Range<NodeId> {
        id + 1..self.subtree_end(id)
    }

    /// One past the last node of `id`'s subtree.
    pub fn subtree_end(&self, id: NodeId) -> NodeId {
        let mut n = id;
        loop {
            let node = &self.nodes[n as usize];
            if node.next_sibling != NONE {
                return node.next_sibling;
            }
            if node.parent == NONE {
                return self.nodes.len() as NodeId;
            }
            n = node.parent;
        }
    }

    /// All the text under a node, in document order.
    pub fn text_content(&self, id: NodeId) -> String {
        let mut out = String::new();
        for i in std::iter::once(id).chain(self.descendants(id)) {
            if let Kind::Text(t) = self.nodes[i as usize].kind {
                out.push_str(self.s(t));
            }
        }
        out
    }
}

pub struct Children<'a> {
    dom: &'a Dom,
    next: NodeId,
}

impl Iterator for Children<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        if self.next == NONE {
            return None;
        }
        let id = self.next;
        self.next = self.dom.nodes[id as usize].next_sibling;
        Some(id)
    }
}

struct Builder {
    dom: Dom,
    /// Open elements (node ids), the root first.
    stack: Vec<NodeId>,
    /// Their name codes.
    codes: Vec<u8>,
    head: NodeId,
    html_seen: bool,
    body_seen: bool,
    /// The current tag's name (reused).
    scratch: String,
}

impl Builder {
    fn run(&mut self, src: &str) {
        let bytes = src.as_bytes();
        let mut i = 0;
        let mut text_from = 0;
        while let Some(off) = memchr::memchr(b'<', &bytes[i..]) {
            let lt = i + off;
            let next = bytes.get(lt + 1).copied().unwrap_or(0);
            if next == b'!' || next == b'?' || next == b'/' || next.is_ascii_alphabetic() {
                self.text(&src[text_from..lt]);
            }
            if next.is_ascii_alphabetic() {
                let Some((end, name, attrs_from, self_closing)) = self.start_tag(src, lt + 1)
                else {
                    // EOF inside a tag: the tag is dropped.
                    return;
                };
                i = end;
                text_from = end;
                let mut name_str = std::mem::take(&mut self.scratch);
                name_str.clear();
                name_str.push_str(self.dom.s(name));
                let code = code_of(&name_str);
                let void = has(M_VOID, code);
                let id = self.open(name, code, attrs_from, &name_str, void || self_closing);
                let raw = raw_text(&name_str);
                let close = match (raw, id) {
                    (Some(_), Some(_)) => Some(find_close(bytes, end, name_str.as_bytes())),
                    _ => None,
                };
                self.scratch = name_str;
                if let (Some(rc), Some(id), Some(close)) = (raw, id, close) {
                    // Content up to the matching end tag is text.
                    let content = &src[end..close.unwrap_or(bytes.len())];
                    if !content.is_empty() {
                        let start = self.dom.buf.len() as u32;
                        if rc {
                            decode_into(content, &mut self.dom.buf, false);
                        } else {
                            self.dom.buf.push_str(content);
                        }
                        let span = (start, self.dom.buf.len() as u32);
                        self.append(id, Kind::Text(span));
                    }
                    self.pop_to(id);
                    match close {
                        Some(c) => {
                            let gt = memchr::memchr(b'>', &bytes[c..])
                                .map_or(bytes.len(), |g| c + g + 1);
                            i = gt;
                            text_from = gt;
                        }
                        None => return,
                    }
                }
            } else if next == b'/' {
                let after = lt + 2;
                let gt = memchr::memchr(b'>', &bytes[after..]).map(|g| after + g);
                let Some(gt) = gt else { return };
                if bytes.get(after).is_some_and(u8::is_ascii_alphabetic) {
                    let name_end = bytes[after..gt]
                        .iter()
                        .position(|c| c.is_ascii_whitespace() || *c == b'/')
                        .map_or(gt, |p| after + p);
                    let name = src[after..name_end].to_ascii_lowercase();
                    self.close(&name);
                }
                // "</>" and "</ 3" are dropped (a bogus comment in HTML).
                i = gt + 1;
                text_from = i;
            } else if next == b'!' {
                let end = if bytes[lt..].starts_with(b"<!--") {
                    memchr::memmem::find(&bytes[lt + 4..], b"-->")
                        .map_or(bytes.len(), |p| lt + 4 + p + 3)
                } else {
                    memchr::memchr(b'>', &bytes[lt..]).map_or(bytes.len(), |p| lt + p + 1)
                };
                i = end;
                text_from = end;
            } else if next == b'?' {
                let end = memchr::memchr(b'>', &bytes[lt..]).map_or(bytes.len(), |p| lt + p + 1);
                i = end;
                text_from = end;
            } else {
                // A lone "<" is text.
                i = lt + 1;
            }
        }
        self.text(&src[text_from..]);
    }

    /// Reads a start tag from just after its "<": its name and attributes
    /// into the buffer. Returns where the tag ends, the name span, the first
    /// attribute index, and whether it closed itself ("/>"); `None` at EOF.
    fn start_tag(&mut self, src: &str, from: usize) -> Option<(usize, (u32, u32), u32, bool)> {
        let bytes = src.as_bytes();
        let mut i = from;
        while i < bytes.len()
            && !bytes[i].is_ascii_whitespace()
            && bytes[i] != b'/'
            && bytes[i] != b'>'
        {
            i += 1;
        }
        let name = self.push_lower(&src[from..i]);
        let attrs_from = self.dom.attrs.len() as u32;
        let mut self_closing = false;
        loop {
            while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
                self_closing = bytes[i] == b'/';
                i += 1;
            }
            if i >= bytes.len() {
                self.dom.attrs.truncate(attrs_from as usize);
                return None;
            }
            if bytes[i] == b'>' {
                return Some((i + 1, name, attrs_from, self_closing));
            }
            self_closing = false;
            // An attribute name: up to whitespace, "/", ">" or "=" (a
            // leading "=" belongs to the name).
            let n0 = i;
            i += 1;
            while i < bytes.len()
                && !bytes[i].is_ascii_whitespace()
                && !matches!(bytes[i], b'/' | b'>' | b'=')
            {
                i += 1;
            }
            let n1 = i;
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            let mut value = None;
            if i < bytes.len() && bytes[i] == b'=' {
                i += 1;
                while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                    i += 1;
                }
                if i < bytes.len() && (bytes[i] == b'"' || bytes[i] == b'\'') {
                    let q = bytes[i];
                    let Some(end) = memchr::memchr(q, &bytes[i + 1..]) else {
                        self.dom.attrs.truncate(attrs_from as usize);
                        return None;
                    };
                    value = Some(&src[i + 1..i + 1 + end]);
                    i = i + 1 + end + 1;
                } else {
                    let v0 = i;
                    while i < bytes.len() && !bytes[i].is_ascii_whitespace() && bytes[i] != b'>' {
                        i += 1;
                    }
                    value = Some(&src[v0..i]);
                }
            }
            // Only the attributes extraction reads are kept: the others
            // (src, srcset, data-*, on*, ...) are most of a modern page's
            // markup and were decoded and copied for nothing.
            if !kept_attribute(&bytes[n0..n1]) {
                continue;
            }
            let name_span = self.push_lower(&src[n0..n1]);
            let v0 = self.dom.buf.len() as u32;
            if let Some(v) = value {
                decode_into(v, &mut self.dom.buf, true);
            }
            let value_span = (v0, self.dom.buf.len() as u32);
            // Duplicate attributes: the first one wins.
            let dup = self.dom.attrs[attrs_from as usize..]
                .iter()
                .any(|(n, _)| self.dom.s(*n) == self.dom.s(name_span));
            if !dup {
                self.dom.attrs.push((name_span, value_span));
            }
        }
    }

    fn push_lower(&mut self, s: &str) -> (u32, u32) {
        let start = self.dom.buf.len() as u32;
        self.dom.buf.push_str(s);
        self.dom.buf[start as usize..].make_ascii_lowercase();
        (start, self.dom.buf.len() as u32)
    }

    fn current(&self) -> NodeId {
        *self.stack.last().expect("root stays open")
    }

    fn current_code(&self) -> u8 {
        *self.codes.last().expect("root stays open")
    }

    /// Closes the elements from stack position `pos` up (never the root).
    fn truncate(&mut self, pos: usize) {
        self.stack.truncate(pos.max(1));
        self.codes.truncate(pos.max(1));
    }

    /// Appends a node under `parent`; merges adjacent text.
    fn append(&mut self, parent: NodeId, kind: Kind) -> NodeId {
        let last = self.dom.nodes[parent as usize].last_child;
        if let (Kind::Text(new), true) = (kind, last != NONE) {
            if let Kind::Text(old) = &mut self.dom.nodes[last as usize].kind {
                if old.1 == new.0 {
                    old.1 = new.1;
                    return last;
                }
            }
        }
        let id = self.dom.nodes.len() as NodeId;
        self.dom.nodes.push(Node {
            kind,
            parent,
            first_child: NONE,
            last_child: NONE,
            next_sibling: NONE,
        });
        if last == NONE {
            self.dom.nodes[parent as usize].first_child = id;
        } else {
            self.dom.nodes[last as usize].next_sibling = id;
        }
        self.dom.nodes[parent as usize].last_child = id;
        id
    }

    fn text(&mut self, raw: &str) {
        if raw.is_empty() {
            return;
        }
        // Text in the head that is not blank starts the body.
        if self.current() == self.head && self.head != NONE && !raw.trim().is_empty() {
            self.pop_to(self.head);
        }
        let start = self.dom.buf.len() as u32;
        decode_into(raw, &mut self.dom.buf, false);
        let span = (start, self.dom.buf.len() as u32);
        let cur = self.current();
        self.append(cur, Kind::Text(span));
    }

    /// Position in the stack of the nearest open element with the code
    /// `target`, not looking past the elements in `bounds`.
    fn in_scope(&self, target: u8, bounds: u128) -> Option<usize> {
        for (pos, &c) in self.codes.iter().enumerate().rev() {
            if c == target {
                return Some(pos);
            }
            if has(bounds, c) {
                return None;
            }
        }
        None
    }

    /// Closes the nearest open element with the code `target` and all open
    /// inside it, when it is in scope.
    fn close_in_scope(&mut self, target: u8, bounds: u128) {
        if let Some(pos) = self.in_scope(target, bounds) {
            self.truncate(pos);
        }
    }

    fn pop_to(&mut self, id: NodeId) {
        if let Some(pos) = self.stack.iter().rposition(|&n| n == id) {
            self.truncate(pos);
        }
    }

    /// Opens element `n` (its name's `code` from [`code_of`]); returns it
    /// unless it was dropped (a second `<html>` or `<body>`).
    fn open(
        &mut self,
        name: (u32, u32),
        code: u8,
        attrs_from: u32,
        n: &str,
        leaf: bool,
    ) -> Option<NodeId> {
        let attrs = (attrs_from, self.dom.attrs.len() as u32);
        const HTML: u8 = tag("html");
        const HEAD: u8 = tag("head");
        const BODY: u8 = tag("body");
        match code {
            HTML => {
                if self.html_seen {
                    return None;
                }
                self.html_seen = true;
            }
            HEAD => {
                if self.head != NONE || self.body_seen {
                    return None;
                }
            }
            BODY => {
                if self.body_seen {
                    return None;
                }
                if self.head != NONE {
                    self.pop_to(self.head);
                }
                self.body_seen = true;
            }
            _ => {
                if self.head != NONE
                    && !has(M_HEAD_CONTENT, code)
                    && self.stack.contains(&self.head)
                {
                    self.pop_to(self.head);
                }
            }
        }
        if has(M_CLOSES_P, code) {
            self.close_in_scope(tag("p"), M_SCOPE);
        }
        match n {
            "li" => self.close_in_scope(code, mask(&["ul", "ol", "table", "html"])),
            "dd" | "dt" => {
                let bounds = mask(&["dl", "table", "html"]);
                let pos = self
                    .in_scope(tag("dd"), bounds)
                    .max(self.in_scope(tag("dt"), bounds));
                if let Some(pos) = pos {
                    self.truncate(pos);
                }
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" if has(M_HEADINGS, self.current_code()) => {
                self.truncate(self.stack.len() - 1);
            }
            "a" => self.close_in_scope(code, M_SCOPE),
            "option" | "optgroup" if self.current_code() == tag("option") => {
                self.truncate(self.stack.len() - 1);
            }
            "tr" => self.close_in_scope(code, mask(&["table", "html"])),
            "td" | "th" => {
                let bounds = mask(&["tr", "table", "html"]);
                let pos = self
                    .in_scope(tag("td"), bounds)
                    .max(self.in_scope(tag("th"), bounds));
                if let Some(pos) = pos {
                    self.truncate(pos);
                }
            }
            "tbody" | "thead" | "tfoot" => {
                for t in [tag("tbody"), tag("thead"), tag("tfoot")] {
                    self.close_in_scope(t, mask(&["table", "html"]));
                }
            }
            _ => {}
        }
        // At the depth limit the deepest element is closed first: the new one
        // becomes its sibling, and the tree stays MAX_DEPTH deep.
        if !leaf && self.stack.len() > MAX_DEPTH {
            self.truncate(self.stack.len() - 1);
        }
        let parent = self.current();
        let id = self.append(parent, Kind::Element { name, attrs, code });
        if code == HEAD {
            self.head = id;
        }
        if !leaf {
            self.stack.push(id);
            self.codes.push(code);
        }
        Some(id)
    }

    fn close(&mut self, name: &str) {
        let code = code_of(name);
        match name {
            "html" | "body" => return,
            "br" => {
                let br = self.push_lower("br");
                let at = self.dom.attrs.len() as u32;
                self.open(br, tag("br"), at, "br", true);
                return;
            }
            _ => {}
        }
        // A block's end tag closes it and whatever is open inside it, when it
        // is open within the scope (not outside the table cell we are in).
        if has(M_SPECIAL, code) {
            let pos = match name {
                "li" => self.in_scope(code, M_SCOPE | mask(&["ul", "ol"])),
                "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => ["h1", "h2", "h3", "h4", "h5", "h6"]
                    .iter()
                    .filter_map(|h| self.in_scope(code_of(h), M_SCOPE))
                    .max(),
                "tr" | "td" | "th" | "tbody" | "thead" | "tfoot" | "table" | "caption" => {
                    self.in_scope(code, M_TABLE_SCOPE)
                }
                _ => self.in_scope(code, M_SCOPE),
            };
            if let Some(pos) = pos {
                self.truncate(pos);
            }
            return;
        }
        // Any other end tag closes the nearest element of its name, unless a
        // block lies in between (then it is ignored); a formatting tag
        // ("</b>") may close blocks opened inside it.
        let formatting = has(M_FORMATTING, code);
        for pos in (1..self.stack.len()).rev() {
            let c = self.codes[pos];
            let same = if code != 0 {
                c == code
            } else {
                c == 0 && self.dom.name(self.stack[pos]) == Some(name)
            };
            if same {
                self.truncate(pos);
                return;
            }
            if has(M_SPECIAL, c) && !formatting || formatting && has(M_SCOPE, c) {
                return;
            }
        }
    }
}

/// Where the end tag `</name` of a raw-text element starts, from `from`.
fn find_close(bytes: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    if name == b"plaintext" {
        return None;
    }
    let mut j = from;
    while let Some(o) = memchr::memchr(b'<', &bytes[j..]) {
        let k = j + o;
        if bytes.get(k + 1) == Some(&b'/')
            && bytes.len() >= k + 2 + name.len()
            && bytes[k + 2..k + 2 + name.len()].eq_ignore_ascii_case(name)
            && bytes
                .get(k + 2 + name.len())
                .is_none_or(|c| c.is_ascii_whitespace() || *c == b'>' || *c == b'/')
        {
            return Some(k);
        }
        j = k + 1;
    }
    None
}

/// Appends `s` to `out` with character references decoded, CR LF and lone
/// CR made LF, and NUL dropped. In attribute values a legacy reference
/// without ";" followed by a letter, digit or "=" stays as written.
fn decode_into(s: &str, out: &mut String, in_attr: bool) {
    let bytes = s.as_bytes();
    if memchr::memchr3(b'&', b'\r', 0, bytes).is_none() {
        out.push_str(s);
        return;
    }
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\r' => {
                out.push_str(&s[copied..i]);
                out.push('\n');
                i += if bytes.get(i + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
                copied = i;
            }
            0 => {
                out.push_str(&s[copied..i]);
                i += 1;
                copied = i;
            }
            b'&' => {
                if let Some((len, c1, c2)) = char_ref(&bytes[i + 1..], in_attr) {
                    out.push_str(&s[copied..i]);
                    out.push(c1);
                    if let Some(c2) = c2 {
                        out.push(c2);
                    }
                    i += 1 + len;
                    copied = i;
                } else {
                    i += 1;
                }
            }
            _ => i += 1,
        }
    }
    out.push_str(&s[copied..]);
}

/// A character reference after "&": its length and the character(s).
fn char_ref(b: &[u8], in_attr: bool) -> Option<(usize, char, Option<char>)> {
    if b.first() == Some(&b'#') {
        let hex = matches!(b.get(1), Some(b'x' | b'X'));
        let start = if hex { 2 } else { 1 };
        let mut end = start;
        while end < b.len()
            && end - start < 10
            && (if hex {
                b[end].is_ascii_hexdigit()
            } else {
                b[end].is_ascii_digit()
            })
        {
            end += 1;
        }
        if end == start {
            return None;
        }
        let digits = std::str::from_utf8(&b[start..end]).ok()?;
        let n = u32::from_str_radix(digits, if hex { 16 } else { 10 }).unwrap_or(u32::MAX);
        let len = if b.get(end) == Some(&b';') {
            end + 1
        } else {
            end
        };
        let c = match n {
            0x80..=0x9f => C1_REPLACEMENTS[(n - 0x80) as usize].unwrap_or('\u{fffd}'),
            0 => '\u{fffd}',
            _ => char::from_u32(n).unwrap_or('\u{fffd}'),
        };
        return Some((len, c, None));
    }
    // Named: the longest name the table knows.
    let run = b
        .iter()
        .take(40)
        .position(|c| !c.is_ascii_alphanumeric())
        .unwrap_or(b.len().min(40));
    if run == 0 {
        return None;
    }
    let name = std::str::from_utf8(&b[..run]).ok()?;
    // The table also holds every prefix of a name, as (0, 0).
    let to_chars = |(c1, c2): (u32, u32)| {
        let c1 = char::from_u32(c1).filter(|&c| c != '\0')?;
        Some((c1, if c2 == 0 { None } else { char::from_u32(c2) }))
    };
    if b.get(run) == Some(&b';') {
        let key = format!("{name};");
        if let Some(&v) = NAMED_ENTITIES.get(key.as_str()) {
            let (c1, c2) = to_chars(v)?;
            return Some((run + 1, c1, c2));
        }
    }
    // Legacy references without ";" ("&amp", "&eacute"): a prefix of the run.
    for len in (2..=run.min(6)).rev() {
        if let Some(&v) = NAMED_ENTITIES.get(&name[..len]).filter(|v| v.0 != 0) {
            if in_attr && (len < run || b.get(run) == Some(&b'=')) {
                return None;
            }
            let (c1, c2) = to_chars(v)?;
            return Some((len, c1, c2));
        }
    }
    None
}

/// The text spans of a dom (tests).
#[cfg(test)]
fn outline(dom: &Dom, id: NodeId, out: &mut String) {
    if let Some(t) = dom.text(id) {
        out.push_str(t);
        return;
    }
    let name = dom.name(id);
    if let Some(n) = name {
        out.push('<');
        out.push_str(n);
        out.push('>');
    }
    for c in dom.children(id) {
        outline(dom, c, out);
    }
    if let Some(n) = name {
        out.push_str("</");
        out.push_str(n);
        out.push('>');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(src: &str) -> String {
        let dom = Dom::parse(src);
        let mut s = String::new();
        outline(&dom, dom.root(), &mut s);
        s
    }

    #[test]
    fn implied_end_tags() {
        assert_eq!(
            tree("<body><p>one<p>two<div>three</div><ul><li>a<li>b</ul>"),
            "<body><p>one</p><p>two</p><div>three</div><ul><li>a</li><li>b</li></ul></body>"
        );
        assert_eq!(
            tree("<table><tr><td>a<td>b<tr><td>c</table>x"),
            "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>x"
        );
        // An end tag with a block in between is ignored.
        assert_eq!(
            tree("<span><div>a</span>b</div>c"),
            "<span><div>ab</div>c</span>"
        );
        assert_eq!(tree("<a href=1>x<a href=2>y</a>"), "<a>x</a><a>y</a>");
    }

    #[test]
    fn head_closes_at_the_first_body_element() {
        let dom = Dom::parse(
            "<html><head><title>T &amp; U</title><meta charset=utf-8><div class=x>Body</div>",
        );
        let div = dom.named("div").next().unwrap();
        assert_eq!(dom.name(dom.parent(div).unwrap()), Some("html"));
        let title = dom.named("title").next().unwrap();
        assert_eq!(dom.text_content(title), "T & U");
        assert_eq!(dom.attr(div, "class"), Some("x"));
    }

    #[test]
    fn raw_text_and_references() {
        let dom = Dom::parse(
            "<p title='a&amp;b' class=\"&notit\" data-x=\"y\" ID=i>&eacute;t&eacute; &#8217;&#x27; &#150; &copy 5 &lt;b&gt; &nosuch;</p><script>if (a<b) x='</p>'</script><p>z</p>",
        );
        let p = dom.named("p").next().unwrap();
        assert_eq!(
            dom.text_content(p),
            "été \u{2019}' \u{2013} © 5 <b> &nosuch;"
        );
        assert_eq!(dom.attr(p, "title"), Some("a&b"));
        assert_eq!(dom.attr(p, "class"), Some("&notit"));
        // (attributes extraction does not read are not kept)
        assert_eq!(dom.attr(p, "data-x"), None);
        assert_eq!(dom.attr(p, "id"), Some("i"));
        assert_eq!(
            dom.attributes(p).collect::<Vec<_>>(),
            [("title", "a&b"), ("class", "&notit"), ("id", "i")]
        );
        let script = dom.named("script").next().unwrap();
        assert_eq!(dom.text_content(script), "if (a<b) x='</p>'");
        assert_eq!(dom.named("p").count(), 2);
    }

    #[test]
    fn hostile_input_is_bounded() {
        let deep = format!(
            "{}<p>deep text</p>{}",
            "<div>".repeat(100_000),
            "</div>".repeat(100_000)
        );
        let dom = Dom::parse(&deep);
        let p = dom.named("p").next().unwrap();
        assert_eq!(dom.text_content(p), "deep text");
        assert!(dom.ancestors(p).count() <= MAX_DEPTH);
        for src in [
            "<",
            "<a",
            "<a href='x",
            "</",
            "<!--",
            "<!doctype",
            "&",
            "&#",
            "&#x;",
            "&#99999999999;",
            "<p a=>",
            "<script>x",
        ] {
            let _ = Dom::parse(src);
        }
        assert_eq!(tree("a < b <3 </ 4>"), "a < b <3 ");
    }

    #[test]
    fn descendants_use_document_order() {
        let dom = Dom::parse("<div><p>a</p><p>b</p></div><p>c</p>");
        let div = dom.named("div").next().unwrap();
        let ps: Vec<_> = dom.named("p").collect();
        let under = |n| dom.descendants(div).contains(&n);
        assert!(under(ps[0]) && under(ps[1]) && !under(ps[2]));
    }
}
