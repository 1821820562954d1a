//! Streets, roads and highways: "Memphis Street", "S. Main St.", "West
//! 16th Street", "Highway 19", "County Road 35", "Interstate 395", "I-75".
//!
//! No gazetteer holds them, yet they are places (the corpora annotate them
//! as toponyms) and they tell where in a town something happened. They are
//! found from their shape (capitalised words and a street word, or a road
//! word and a number) and kept apart from the places events are coded at,
//! with no location.

use crate::toponyms::{capitalised, Token};
use crate::words::{NOT_STREET_NAMES, NUMBERED_ROADS, STREET_ABBREVIATIONS, STREET_SUFFIXES};
use veille_core::Span;

/// Spans of the streets and roads of `tokens` and their sentences, in text
/// order.
pub(crate) fn find_streets(text: &str, tokens: &[Token]) -> Vec<(Span, usize)> {
    let word = |t: &Token| t.span.of(text);
    // Token `b` right after token `a` in its sentence, one space between
    // (or ". " after an initial: "N. Main St.").
    let adjacent = |a: &Token, b: &Token| {
        let gap = &text[a.span.end..b.span.start];
        a.sentence == b.sentence
            && (gap == " " || gap == ". " && word(a).chars().count() == 1 && capitalised(word(a)))
    };
    let name_word = |t: &Token| {
        let w = word(t);
        t.word_end == t.span.end
            && !NOT_STREET_NAMES.contains(&w)
            && (capitalised(w)
                || w.starts_with(|c: char| c.is_ascii_digit())
                    && ["st", "nd", "rd", "th"].iter().any(|s| w.ends_with(s)))
    };
    let mut out: Vec<(Span, usize)> = Vec::new();
    for (k, t) in tokens.iter().enumerate() {
        let w = word(t);
        let period = text[t.span.end..].starts_with('.');
        let suffix = STREET_SUFFIXES.contains(&w) || STREET_ABBREVIATIONS.contains(&w) && period;
        let county_road = w == "Road"
            && k > 0
            && word(&tokens[k - 1]) == "County"
            && tokens
                .get(k + 1)
                .is_some_and(|n| word(n).starts_with(|c: char| c.is_ascii_digit()));
        if suffix && k > 0 && !county_road {
            // Up to three name words before it.
            let mut first = k;
            while first > 0
                && k - first < 3
                && adjacent(&tokens[first - 1], &tokens[first])
                && name_word(&tokens[first - 1])
            {
                first -= 1;
            }
            if first < k {
                let end = t.span.end + usize::from(STREET_ABBREVIATIONS.contains(&w));
                out.push((Span::new(tokens[first].span.start, end), t.sentence));
            }
            continue;
        }
        // "I-75"
        if let Some(n) = w.strip_prefix("I-") {
            if !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) {
                out.push((t.span, t.sentence));
            }
            continue;
        }
        let number_after = tokens
            .get(k + 1)
            .filter(|n| adjacent(t, n) && word(n).starts_with(|c: char| c.is_ascii_digit()));
        let Some(number) = number_after else {
            continue;
        };
        // "Highway 19", "State Highway 360", "County Road 35".
        if NUMBERED_ROADS.contains(&w) || county_road {
            let qualified = k > 0
                && adjacent(&tokens[k - 1], t)
                && matches!(word(&tokens[k - 1]), "State" | "County" | "Federal");
            let first = if county_road || qualified { k - 1 } else { k };
            out.push((
                Span::new(tokens[first].span.start, number.span.end),
                t.sentence,
            ));
        }
    }
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::find_streets;

    fn streets_of(text: &str) -> Vec<&str> {
        let sentences = veille_nlp::split_sentences(text);
        let tokens = crate::toponyms::tokenize(text, &sentences);
        find_streets(text, &tokens)
            .into_iter()
            .map(|(s, _)| s.of(text))
            .collect()
    }

    #[test]
    fn streets_roads_and_highways() {
        assert_eq!(
            streets_of(
                "Police went to his Memphis Street home, then to 420 Augusta St., Alexandria."
            ),
            ["Memphis Street", "Augusta St."]
        );
        assert_eq!(
            streets_of(
                "The crash on S. Main St. closed West 16th Street and Highway 19 for hours."
            ),
            ["S. Main St.", "West 16th Street", "Highway 19"]
        );
        assert_eq!(
            streets_of("Water washed out County Road 35 and part of Interstate 395 near I-75."),
            ["County Road 35", "Interstate 395", "I-75"]
        );
        // A sentence's opening word is no name; a saint's "St." opens a name.
        assert_eq!(
            streets_of("The Road to Damascus. St. Marys River rose."),
            Vec::<&str>::new()
        );
        assert_eq!(
            streets_of("They marched down the main street and Route 9."),
            ["Route 9"]
        );
    }
}
