//! Properties over any input: no panic, every span inside the text on
//! character boundaries, sentences in order and not overlapping, low bound
//! not above the high one.

use chrono::NaiveDate;
use proptest::prelude::*;

fn check(text: &str, pub_date: Option<NaiveDate>) {
    let a = veille_nlp::analyze(text, pub_date);
    let ok = |s: veille_core::Span| {
        s.start <= s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end)
    };
    let mut last = 0;
    for s in &a.sentences {
        assert!(
            ok(s.span) && s.span.start >= last,
            "sentence {:?} in {text:?}",
            s.span
        );
        last = s.span.end;
    }
    for d in &a.dates {
        assert!(ok(d.span), "date {:?} in {text:?}", d.span);
        if let (Some(s), Some(e)) = (d.start, d.end) {
            assert!(s <= e, "period {s}..{e} for {:?}", d.span.of(text));
        }
        if let (Some((s, _, _)), Some(p)) = (d.event_period(), pub_date) {
            assert!(
                s <= p || d.span.of(text).chars().any(|c| c.is_ascii_digit()),
                "relative date after publication: {:?}",
                d.span.of(text)
            );
        }
    }
    for q in &a.quantities {
        assert!(ok(q.span), "quantity {:?} in {text:?}", q.span);
        if let (Some(l), Some(h)) = (q.low, q.high) {
            assert!(l <= h, "bounds {l}..{h} for {:?}", q.span.of(text));
        }
        if q.kind != veille_core::QuantityKind::Count {
            assert!(
                q.unit.is_none(),
                "only counts have a unit: {:?}",
                q.span.of(text)
            );
        }
    }
}

/// Words the rules react to, mixed with noise, so that generated inputs hit them.
const WORDS: &[&str] = &[
    "on",
    "Monday",
    "lundi",
    "dernier",
    "last",
    "week",
    "month",
    "mois",
    "In",
    "September",
    "en",
    "mars",
    "2012",
    "since",
    "between",
    "and",
    "at",
    "least",
    "some",
    "60,000",
    "60 000",
    "eleven",
    "vingt-et-un",
    "quatre-vingt-dix",
    "dozens",
    "of",
    "une",
    "dizaine",
    "aged",
    "50",
    "36",
    "year-old",
    "for",
    "nine",
    "years",
    "ten-year",
    "overnight",
    "Tuesday",
    "to",
    "Wednesday",
    "dans",
    "la",
    "nuit",
    "de",
    "mardi",
    "à",
    "mercredi",
    "12",
    "March",
    "12/03/2022",
    "2022-03-12",
    "le",
    "1er",
    "Gen.",
    "M.",
    "Mme",
    "Dr",
    "St.",
    "\"",
    "«",
    "»",
    ".",
    ",",
    "!",
    "?",
    "\n",
    "\n\n",
    "—",
    "BAMAKO",
    "(AFP)",
    "-",
    "é",
    "👍",
    "killed",
    "tués",
    "people",
    "soldiers",
    "$",
    "5",
    "million",
    "naira",
    "%",
    "km",
    "ago",
    "il",
    "y",
    "a",
    "jours",
];

fn sentence() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 0..40).prop_map(|w| w.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn any_text_any_date(text in ".{0,300}", days in 0i64..20000) {
        let pub_date = NaiveDate::from_ymd_opt(1990, 1, 1).unwrap() + chrono::Duration::days(days);
        check(&text, Some(pub_date));
        check(&text, None);
    }

    #[test]
    fn news_like_text(text in sentence(), days in 0i64..20000) {
        let pub_date = NaiveDate::from_ymd_opt(1990, 1, 1).unwrap() + chrono::Duration::days(days);
        check(&text, Some(pub_date));
    }
}
