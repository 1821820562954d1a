//! English / French identification by function-word counts.
//!
//! Enough for the two languages veille codes; other languages come out as
//! "und" and are still stored.

const EN: &[&str] = &[
    "the", "of", "and", "to", "in", "was", "were", "is", "are", "that", "by", "with", "on", "for",
    "from", "said", "has", "have", "had", "at", "it", "people", "killed",
];
const FR: &[&str] = &[
    "le", "la", "les", "des", "de", "du", "et", "en", "un", "une", "est", "sont", "dans", "par",
    "pour", "sur", "au", "aux", "ont", "été", "qui", "selon", "a",
];

/// Returns "en", "fr" or "und".
pub fn detect(text: &str) -> &'static str {
    let (mut en, mut fr) = (0usize, 0usize);
    for w in text
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .take(4000)
    {
        // (no allocation for the many words no list holds: every listed
        // word is at most six characters long, and an ASCII word is compared
        // ignoring case)
        let (in_en, in_fr) = if w.is_ascii() {
            if w.len() > 6 {
                continue;
            }
            let is = |list: &[&str]| list.iter().any(|l| l.eq_ignore_ascii_case(w));
            (is(EN), is(FR))
        } else {
            let w = w.to_lowercase();
            (EN.contains(&w.as_str()), FR.contains(&w.as_str()))
        };
        en += usize::from(in_en);
        fr += usize::from(in_fr);
    }
    if en.max(fr) < 3 {
        "und"
    } else if en >= fr {
        "en"
    } else {
        "fr"
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn english_and_french() {
        assert_eq!(
            super::detect("Gunmen killed eleven people in the camp on Monday, officials said."),
            "en"
        );
        assert_eq!(super::detect("Des hommes armés ont tué onze personnes dans le camp lundi, selon des sources locales."), "fr");
        assert_eq!(super::detect("Lorem ipsum"), "und");
    }
}
