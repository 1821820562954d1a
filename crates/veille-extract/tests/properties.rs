//! The extractor on any input: no panic, and an article whose id is the hash
//! of its text, whose text is valid and whose paragraphs are trimmed. Inputs
//! are built from the pieces that break HTML parsers (unclosed and misnested
//! tags, raw-text elements, references, comments, attributes without
//! quotes) and from arbitrary bytes.
//!
//! `PROPTEST_CASES=200000 cargo test -p veille-extract --release --test properties`
//! runs it longer (a stand-in for `cargo fuzz run extract` where cargo-fuzz
//! is not installed).

use proptest::prelude::*;
use veille_core::RawDocument;

const PIECES: &[&str] = &[
    "<html>",
    "</html>",
    "<head>",
    "</head>",
    "<body>",
    "</body>",
    "<p>",
    "</p>",
    "<div class=\"article-body\">",
    "<div class='share'>",
    "</div>",
    "<article>",
    "</article>",
    "<table>",
    "<tr>",
    "<td>",
    "</td>",
    "</table>",
    "<ul>",
    "<li>",
    "</li>",
    "</ul>",
    "<a href=x>",
    "</a>",
    "<b>",
    "</b>",
    "<br>",
    "<br/>",
    "</br>",
    "<script>",
    "</script>",
    "<style>",
    "</style>",
    "<title>",
    "</title>",
    "<textarea>",
    "<noscript>",
    "<!--",
    "-->",
    "<!doctype html>",
    "<?xml ?>",
    "<",
    ">",
    "</",
    "/>",
    "&",
    "&amp;",
    "&eacute;",
    "&#8217;",
    "&#x1F600;",
    "&#0;",
    "&#xD800;",
    "&notit;",
    "&copy",
    "\"",
    "'",
    "=",
    " ",
    "\n",
    "\r",
    "\u{0}",
    "é",
    "’",
    "Gunmen killed five people in Mopti on Monday, officials said.",
    "Des hommes armés ont tué douze soldats à Djibo.",
    "Share:",
    "Also Read: floods in Jakarta",
    "<meta property=\"article:published_time\" content=\"2025-04-14\">",
    "<h1>",
    "</h1>",
    "<time datetime=\"2025-13-45\">",
    "<plaintext>",
    "<form>",
    "</form>",
    "<header>",
    "<nav>",
];

fn check(bytes: Vec<u8>) {
    let doc = RawDocument {
        bytes,
        ..Default::default()
    };
    if let Ok(a) = veille_extract::extract(&doc) {
        assert_eq!(a.id, veille_extract::content_hash(&a.text));
        assert!(a.text.split_whitespace().count() >= 5);
        for p in a.text.split("\n\n") {
            assert_eq!(p, p.trim(), "untrimmed paragraph in {:?}", a.text);
        }
    }
}

proptest! {
    #[test]
    fn html_pieces_never_panic(pieces in prop::collection::vec(prop::sample::select(PIECES), 0..120)) {
        check(pieces.concat().into_bytes());
    }

    #[test]
    fn any_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        check(bytes);
    }

    #[test]
    fn any_text_never_panics(text in "\\PC{0,400}") {
        check(format!("<html><body><p>{text}</p></body></html>").into_bytes());
        check(text.into_bytes());
    }
}
