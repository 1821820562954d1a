//! The matcher on any input: no panic, spans inside the text on character
//! boundaries, resolved entries that exist, given spans answered one each.

use proptest::prelude::*;
use veille_core::Span;
use veille_geo::Gazetteer;

const WORDS: &[&str] = &[
    "in",
    "near",
    "the",
    "village",
    "of",
    "région",
    "de",
    "Gao",
    "Menka",
    "Ménaka",
    "Ansongo",
    "Tin-Hama",
    "Mali",
    "Malian",
    "Niger",
    "Nigerian",
    "Army",
    "Bamako",
    "MALI",
    "Paris",
    "London",
    "Texas",
    "region",
    "regions",
    "and",
    "et",
    "à",
    "près",
    "Monday",
    "May",
    "IS",
    "FAMa",
    "Moussa",
    "Ag",
    "Achertoumen",
    "N'Djamena",
    "N’Djaména",
    "—",
    "(AFP)",
    ".",
    ",",
    "'s",
    "\n",
    "Kidal",
    "cercle",
    "district",
    "Province",
    "St.",
    "New",
    "York",
    "🙂",
    "É",
    "Zamfara",
    "State",
];

fn check(text: &str) {
    let gaz = Gazetteer::global();
    let sentences = veille_nlp::split_sentences(text);
    let g = veille_geo::find_places(text, &sentences, gaz);
    for t in &g.toponyms {
        let s = t.mention.span;
        assert!(
            s.start < s.end
                && s.end <= text.len()
                && text.is_char_boundary(s.start)
                && text.is_char_boundary(s.end),
            "{s:?} in {text:?}"
        );
        assert!(t.entry.is_none_or(|e| (e as usize) < gaz.entries.len()));
        assert!(t.sentence < sentences.len());
    }
    let spans: Vec<Span> = g.toponyms.iter().map(|t| t.mention.span).collect();
    assert_eq!(
        veille_geo::toponyms::resolve_spans(text, &sentences, &spans, gaz).len(),
        spans.len()
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_text(text in ".{0,200}") {
        check(&text);
    }

    #[test]
    fn place_like_text(words in prop::collection::vec(prop::sample::select(WORDS), 0..40)) {
        check(&words.join(" "));
    }
}
