//! Quantities in English and French: digits with either separator, number
//! words up to the millions, approximations with bounds ("at least", "près
//! de") and vague amounts from `data/nlp/vague_amounts.tsv` (ACLED's
//! reported-fatality conventions). Ages, years, durations, days of month and
//! money get their own `kind`; only `count` quantities count people or things.

use crate::fastre::FastRegex as Regex;
use std::sync::OnceLock;
use veille_core::{Quantity, QuantityKind, Span};

const VAGUE_TSV: &str = include_str!("../../../data/nlp/vague_amounts.tsv");
const COUNT_NOUNS: &str = include_str!("../../../data/nlp/count_nouns.txt");

fn count_nouns() -> &'static std::collections::HashSet<&'static str> {
    static SET: OnceLock<std::collections::HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        COUNT_NOUNS
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    })
}

struct Vague {
    phrase: String,
    value: u64,
    low: u64,
    high: u64,
}

/// All the vague phrases, pattern ids in table order.
fn vague_matcher() -> &'static aho_corasick::AhoCorasick {
    static AC: OnceLock<aho_corasick::AhoCorasick> = OnceLock::new();
    AC.get_or_init(|| {
        aho_corasick::AhoCorasick::new(vague_table().iter().map(|v| v.phrase.as_str()))
            .expect("vague phrases")
    })
}

fn vague_table() -> &'static [Vague] {
    static TABLE: OnceLock<Vec<Vague>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut rows: Vec<Vague> = VAGUE_TSV
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .map(|l| {
                let f: Vec<&str> = l.split('\t').collect();
                let n = |i: usize| {
                    f.get(i)
                        .and_then(|x| x.trim().parse().ok())
                        .expect("vague_amounts.tsv: bad number")
                };
                Vague {
                    phrase: f[0].to_lowercase(),
                    value: n(1),
                    low: n(2),
                    high: n(3),
                }
            })
            .collect();
        // Longest phrase first, so "dozens of" wins over "dozens".
        rows.sort_by_key(|v| std::cmp::Reverse(v.phrase.len()));
        rows
    })
}

/// Value of one English or French number word, and whether it is a scale
/// word (hundred, thousand, million) that multiplies what precedes it.
pub(crate) fn word_value(w: &str) -> Option<(u64, bool)> {
    // (value, is_scale)
    let v = match w {
        "zero" | "zéro" => 0,
        "one" => 1,
        "two" | "deux" => 2,
        "three" | "trois" => 3,
        "four" | "quatre" => 4,
        "five" | "cinq" => 5,
        "six" => 6,
        "seven" | "sept" => 7,
        "eight" | "huit" => 8,
        "nine" | "neuf" => 9,
        "ten" | "dix" => 10,
        "eleven" | "onze" => 11,
        "twelve" | "douze" => 12,
        "thirteen" | "treize" => 13,
        "fourteen" | "quatorze" => 14,
        "fifteen" | "quinze" => 15,
        "sixteen" | "seize" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" | "vingt" | "vingts" => 20,
        "thirty" | "trente" => 30,
        "forty" | "quarante" => 40,
        "fifty" | "cinquante" => 50,
        "sixty" | "soixante" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "hundred" | "cent" | "cents" => return Some((100, true)),
        "thousand" | "mille" => return Some((1000, true)),
        "dozen" | "douzaine" | "douzaines" => return Some((12, true)),
        "million" | "millions" => return Some((1_000_000, true)),
        _ => return None,
    };
    Some((v, false))
}

/// Value of a run of number words ("one hundred and twenty-five",
/// "quatre-vingt-dix", "vingt et un").
fn parse_words(words: &[&str]) -> Option<u64> {
    let (mut total, mut current) = (0u64, 0u64);
    let mut prev: Option<&str> = None;
    let mut any = false;
    for w in words {
        let w = *w;
        if matches!(w, "and" | "et" | "a" | "un" | "une") {
            if matches!(w, "un" | "une") && prev == Some("et") {
                current += 1;
                any = true;
            }
            prev = Some(w);
            continue;
        }
        let (v, scale) = word_value(w)?;
        any = true;
        if scale {
            if v == 100 {
                current = current.max(1) * 100;
            } else {
                total += current.max(1) * v;
                current = 0;
            }
        } else if v == 20 && prev == Some("quatre") {
            current = current - 4 + 80;
        } else {
            current += v;
        }
        prev = Some(w);
    }
    any.then_some(total + current)
}

fn re(cell: &'static OnceLock<Regex>, pat: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pat).expect("number pattern"))
}

/// Lower-case, with a fast path for ASCII characters (most of any news
/// text); `None` when a character's lower case has another byte length
/// (rare letters: "Ⱥ" grows, "Ɦ" shrinks, and the two may even out), as
/// offsets into it would not be offsets into the text.
fn lowercase(text: &str) -> Option<String> {
    veille_core::text::lowercase_by_runs(text, |c, out| {
        let before = out.len();
        out.extend(c.to_lowercase());
        out.len() - before == c.len_utf8()
    })
}

/// Finds the quantities of a text.
pub fn find_quantities(text: &str) -> Vec<Quantity> {
    let lower = lowercase(text);
    // Lower-casing may change byte lengths (rare letters); fall back to the text.
    let hay = lower.as_deref().unwrap_or(text);
    let mut found: Vec<(Span, u64, u64, u64)> = Vec::new();

    // Vague amounts first (they contain number-like words: "une dizaine").
    // Every phrase's occurrences in one pass over the text, then taken
    // phrase by phrase in table order (longest first).
    let mut hits: Vec<(usize, usize)> = vague_matcher()
        .find_overlapping_iter(hay)
        .map(|m| (m.pattern().as_usize(), m.start()))
        .collect();
    hits.sort_unstable();
    let mut h = 0;
    for (i, v) in vague_table().iter().enumerate() {
        let mut from = 0;
        while h < hits.len() && hits[h].0 == i {
            let s = hits[h].1;
            h += 1;
            if s < from {
                continue;
            }
            let e = s + v.phrase.len();
            from = e;
            if !boundary(hay, s, e) || found.iter().any(|f| f.0.overlaps(Span::new(s, e))) {
                continue;
            }
            // "dozens of villagers": the amount is "dozens".
            let phrase = &hay[s..e];
            let trimmed = phrase
                .strip_suffix(" of")
                .or_else(|| phrase.strip_suffix(" de"))
                .unwrap_or(phrase);
            found.push((Span::new(s, s + trimmed.len()), v.value, v.low, v.high));
        }
    }

    // "1.5 million", "1,5 milliard"
    static DECIMAL_SCALE: OnceLock<Regex> = OnceLock::new();
    let decimal = re(
        &DECIMAL_SCALE,
        r"\b(\d+)[.,](\d)\s+(millions?|milliards?|billions?)\b",
    );
    for c in decimal.captures_iter(hay) {
        let m = c.get(0).expect("match");
        let span = Span::new(m.start(), m.end());
        if found.iter().any(|f| f.0.overlaps(span)) {
            continue;
        }
        let whole: u64 = c[1].parse().unwrap_or(0);
        let tenth: u64 = c[2].parse().unwrap_or(0);
        let scale: u64 = if c[3].starts_with("million") {
            1_000_000
        } else {
            1_000_000_000
        };
        let v = whole * scale + tenth * scale / 10;
        found.push((span, v, v, v));
    }

    static DIGITS: OnceLock<Regex> = OnceLock::new();
    let digits = re(&DIGITS, r"\b\d{1,3}(?:[,.\u{a0}\u{202f} ]\d{3})+\b|\b\d+\b");
    for m in digits.find_iter(hay) {
        let span = Span::new(m.start(), m.end());
        if found.iter().any(|f| f.0.overlaps(span)) {
            continue;
        }
        // "10.30" is a time, "1.5" a decimal: only thousands groups of 3.
        let cleaned: String = m.as_str().chars().filter(|c| c.is_ascii_digit()).collect();
        if let Ok(v) = cleaned.parse::<u64>() {
            // "5 million", "2 milliards"
            let rest = &hay[span.end..];
            let scaled = [
                ("million", 1_000_000u64),
                ("milliard", 1_000_000_000),
                ("billion", 1_000_000_000),
                ("thousand", 1000),
                ("mille", 1000),
            ]
            .iter()
            .find_map(|(w, k)| {
                let t = rest.strip_prefix(' ')?;
                t.starts_with(w).then(|| {
                    let len = 1 + t.find(|c: char| !c.is_alphabetic()).unwrap_or(t.len());
                    (v.saturating_mul(*k), span.end + len)
                })
            });
            match scaled {
                Some((v, end)) => found.push((Span::new(span.start, end), v, v, v)),
                None => found.push((span, v, v, v)),
            }
        }
    }

    let tokens = letter_runs(hay);
    let mut i = 0;
    while i < tokens.len() {
        if word_value(tokens[i].2).is_none() {
            i += 1;
            continue;
        }
        let mut j = i;
        let mut run: Vec<&str> = Vec::new();
        while j < tokens.len() {
            let t = tokens[j].2;
            let gap = &hay[tokens[j.max(1) - 1].1.min(tokens[j].0)..tokens[j].0];
            if j > i && !(gap.trim().is_empty() || gap == "-") {
                break;
            }
            let joiner = matches!(t, "and" | "et" | "un" | "une");
            if word_value(t).is_some() || joiner && j + 1 < tokens.len() && j > i {
                run.push(t);
                j += 1;
            } else {
                break;
            }
        }
        while run.last().is_some_and(|w| word_value(w).is_none())
            && !(run.len() >= 2
                && matches!(run[run.len() - 1], "un" | "une")
                && run[run.len() - 2] == "et")
        {
            run.pop();
            j -= 1;
        }
        // "a hundred", "a thousand"
        let mut s = tokens[i].0;
        if i > 0 && tokens[i - 1].2 == "a" && word_value(tokens[i].2).is_some_and(|v| v.1) {
            s = tokens[i - 1].0;
        }
        let span = Span::new(s, tokens[j - 1].1);
        if let Some(v) = parse_words(&run) {
            if !found.iter().any(|f| f.0.overlaps(span)) {
                found.push((span, v, v, v));
            }
        }
        i = j.max(i + 1);
    }

    found.sort_by_key(|f| f.0.start);
    let mut out: Vec<Quantity> = Vec::with_capacity(found.len());
    for (span, value, low, high) in found {
        let after = &hay[span.end..];
        let (cue_start, low, high) = approximate(hay, span.start, value, low, high);
        let prev_age = out.last().is_some_and(|q: &Quantity| {
            q.kind == QuantityKind::Age && {
                let gap = hay[q.span.end..span.start].trim();
                matches!(gap, "and" | "et" | "," | "to" | "à")
            }
        });
        let kind = if prev_age {
            QuantityKind::Age
        } else {
            kind_of(&hay[..span.start], after, value, span.of(hay))
        };
        let (low, high) = if kind == QuantityKind::Count {
            (low, high)
        } else {
            (Some(value), Some(value))
        };
        let span = if kind == QuantityKind::Count {
            Span::new(cue_start, span.end)
        } else {
            span
        };
        // "as many as 200": the cue's "many" is not an amount of its own.
        while out.last().is_some_and(|q| q.span.end > span.start) {
            out.pop();
        }
        out.push(Quantity {
            span,
            kind,
            value,
            low,
            high,
            unit: if kind == QuantityKind::Count {
                unit(after)
            } else {
                None
            },
            head: head_words(after),
        });
    }
    out
}

/// The runs of letters of `hay` (start, end, text): its words, for number
/// words. A scan of the characters (a regex's `find_iter` cost about a
/// thousand instructions per word).
fn letter_runs(hay: &str) -> Vec<(usize, usize, &str)> {
    let mut out = Vec::with_capacity(hay.len() / 6);
    let mut start = None;
    for (i, c) in hay.char_indices() {
        match (c.is_alphabetic(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i, &hay[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, hay.len(), &hay[s..]));
    }
    out
}

fn boundary(hay: &str, s: usize, e: usize) -> bool {
    let before_ok = hay[..s]
        .chars()
        .next_back()
        .map(|c| !c.is_alphanumeric())
        .unwrap_or(true);
    let after_ok = hay[e..]
        .chars()
        .next()
        .map(|c| !c.is_alphanumeric())
        .unwrap_or(true);
    before_ok && after_ok
}

/// Bounds from a modifier right before the number, and where the
/// expression starts (the modifier belongs to it: "at least 14").
fn approximate(
    hay: &str,
    start: usize,
    value: u64,
    low: u64,
    high: u64,
) -> (usize, Option<u64>, Option<u64>) {
    let before = &hay[..start];
    let b = before.trim_end();
    let round = |x: f64| x.round() as u64;
    let cue = |words: &[&str]| {
        words
            .iter()
            .find(|w| {
                b.ends_with(**w)
                    && b[..b.len() - w.len()]
                        .chars()
                        .next_back()
                        .is_none_or(|c| !c.is_alphanumeric())
            })
            .map(|w| b.len() - w.len())
    };
    if let Some(s) = cue(&[
        "at least",
        "au moins",
        "no fewer than",
        "pas moins de",
        "au minimum",
    ]) {
        (s, Some(value), None)
    } else if let Some(s) = cue(&[
        "more than",
        "over",
        "plus de",
        "upwards of",
        "in excess of",
        "above",
    ]) {
        (s, Some(value + 1), None)
    } else if let Some(s) = cue(&["up to", "as many as", "jusqu'à", "at most", "au plus"]) {
        (s, None, Some(value))
    } else if let Some(s) = cue(&["less than", "fewer than", "moins de", "under"]) {
        (s, None, Some(value.saturating_sub(1)))
    } else if let Some(s) = cue(&[
        "nearly",
        "almost",
        "près de",
        "presque",
        "close to",
        "pas loin de",
    ]) {
        (s, Some(round(value as f64 * 0.9)), Some(value))
    } else if let Some(s) = cue(&[
        "some",
        "about",
        "around",
        "approximately",
        "roughly",
        "environ",
        "quelque",
        "an estimated",
        "une estimation de",
    ]) {
        (
            s,
            Some(round(value as f64 * 0.9)),
            Some(round(value as f64 * 1.1)),
        )
    } else {
        (start, Some(low), Some(high))
    }
}

/// Words after a number that make it a time, a distance, a share or a date,
/// not a count of people.
const MEASURES: &[&str] = &[
    "year",
    "years",
    "month",
    "months",
    "week",
    "weeks",
    "day",
    "days",
    "hour",
    "hours",
    "minute",
    "minutes",
    "decade",
    "decades",
    "ans",
    "an",
    "années",
    "mois",
    "semaine",
    "semaines",
    "jour",
    "jours",
    "heure",
    "heures",
    "km",
    "kilometres",
    "kilometers",
    "kilomètres",
    "miles",
    "percent",
    "per cent",
    "pour cent",
    "h",
    "p.m.",
    "a.m.",
    "pm",
    "am",
    "o'clock",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    // (abbreviated, as AFP's datelines write them: "ZINDER, 16 jan 2015")
    "jan",
    "janv",
    "feb",
    "fév",
    "févr",
    "apr",
    "avr",
    "jun",
    "jul",
    "juil",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "déc",
    "times",
    "fois",
    "metres",
    "mètres",
    "degrees",
];

/// Whether `text` starts with one of the words, as a whole word.
fn word_at(text: &str, words: &[&str]) -> bool {
    words.iter().any(|x| {
        text.starts_with(x)
            && (x.ends_with(|c: char| !c.is_alphanumeric())
                || text[x.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric()))
    })
}

fn kind_of(before: &str, after: &str, value: u64, raw: &str) -> QuantityKind {
    let b = before.trim_end();
    let a = after.trim_start();
    // Whole words only: "mai" (May) must not match "maisons".
    let a_word = |w: &[&str]| word_at(a, w);
    let b_word = |w: &[&str]| w.iter().any(|x| b.ends_with(x));
    // "un enfant de 12 ans" is an age; "plus de 10 ans" a duration.
    let de_n_ans =
        b_word(&[" de"]) && !b_word(&["plus de", "moins de", "près de"]) && a_word(&["ans"]);
    // "aged between nine and eleven" (the range's end: below).
    if b_word(&[
        "aged between",
        "aged from",
        "ages between",
        "âgés entre",
        "âgées entre",
    ]) {
        return QuantityKind::Age;
    }
    if b_word(&[
        "aged",
        "age",
        "âgé de",
        "âgée de",
        "âgés de",
        "âgées de",
        "age of",
        "l'âge de",
    ]) || after.starts_with("-year-old")
        || a_word(&["years old", "year old"])
        || de_n_ans
    {
        return QuantityKind::Age;
    }
    const CURRENCIES: &[&str] = &[
        "dollars",
        "euros",
        "francs",
        "fcfa",
        "cfa",
        "naira",
        "cedis",
        "pounds",
        "usd",
        "dinars",
        "livres",
        "us dollars",
    ];
    // Only the words next to the number count (the rest of the text would
    // be lower-cased once per number).
    let after_de: String = a
        .strip_prefix("de ")
        .or_else(|| a.strip_prefix("d'"))
        .or_else(|| a.strip_prefix("of "))
        .unwrap_or(a)
        .chars()
        .take(24)
        .flat_map(char::to_lowercase)
        .collect();
    let scaled = raw.contains("million") || raw.contains("milliard") || raw.contains("billion");
    if b_word(&["$", "€", "£", "us$", "usd", "eur"])
        || a_word(CURRENCIES)
        || scaled && CURRENCIES.iter().any(|c| after_de.starts_with(c))
    {
        return QuantityKind::Money;
    }
    let is_year =
        raw.len() == 4 && (1900..=2099).contains(&value) && raw.chars().all(|c| c.is_ascii_digit());
    let other = is_year
        || b_word(&["no.", "n°", "number", "numéro", "page", "route", "rn"])
        || [
            "-year", "-month", "-day", "-hour", "-minute", "-week", "-km", "%",
        ]
        .iter()
        .any(|x| after.starts_with(x))
        || after.starts_with(':') && after[1..].starts_with(|c: char| c.is_ascii_digit())
        || a.starts_with('%')
        || a_word(MEASURES)
        // "une quarantaine de kilomètres", "dozens of miles"
        || word_at(&after_de, MEASURES);
    if other {
        QuantityKind::Other
    } else {
        QuantityKind::Count
    }
}

/// The noun a count counts: a known count noun within two words after the
/// number (skipping "of"/"de"), else the next word when it is not a verb-like
/// function word.
fn unit(after: &str) -> Option<String> {
    let clause_end = after
        .find(['.', ',', ';', ':', '(', ')'])
        .unwrap_or(after.len());
    let words: Vec<&str> = after[..clause_end]
        .split(|c: char| !(c.is_alphabetic() || c == '-' || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_start_matches("d'").trim_start_matches("d’"))
        .filter(|w| !w.is_empty() && !matches!(*w, "of" | "de" | "des" | "d"))
        .take(2)
        .collect();
    let nouns = count_nouns();
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let is_noun = |w: &str| nouns.contains(w);
    // Participles and adjectives that are also nouns ("displaced people").
    const ADJECTIVE_TOO: &[&str] = &[
        "displaced",
        "injured",
        "wounded",
        "dead",
        "armed",
        "unarmed",
        "suspected",
        "alleged",
        "déplacés",
        "blessés",
        "morts",
        "présumés",
    ];
    let plural = |w: &str| w.ends_with('s') || w.ends_with('x');
    match (
        lower.first().map(String::as_str),
        lower.get(1).map(String::as_str),
    ) {
        (Some(w0), _) if is_noun(w0) && !ADJECTIVE_TOO.contains(&w0) => {
            return Some(w0.to_string())
        }
        (Some(_), Some(w1)) if is_noun(w1) => return Some(w1.to_string()),
        (Some(w0), Some(w1)) if plural(w1) && !plural(w0) => return Some(w1.to_string()),
        (Some(w0), _) if is_noun(w0) => return Some(w0.to_string()),
        _ => {}
    }
    let first = words.first()?.to_lowercase();
    const NOT_NOUNS: &[&str] = &[
        "were", "was", "are", "is", "have", "had", "has", "and", "or", "in", "on", "at", "to",
        "from", "ont", "sont", "ont-ils", "et", "ou", "à", "en", "dans", "who", "which", "qui",
        "that", "killed", "tués", "more", "other",
    ];
    (!NOT_NOUNS.contains(&first.as_str())).then_some(first)
}

/// The words right after a number, up to four and within the clause,
/// lower-cased, skipping "of" / "de".
fn head_words(after: &str) -> Option<String> {
    let clause_end = after
        .find(['.', ',', ';', ':', '(', ')'])
        .unwrap_or(after.len());
    let words: Vec<&str> = after[..clause_end]
        .split(|c: char| !(c.is_alphabetic() || c == '-'))
        .filter(|w| !w.is_empty() && !matches!(*w, "of" | "de" | "d" | "des"))
        .take(4)
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

#[cfg(test)]
mod tests {

    #[test]
    fn lowercase_is_the_character_by_character_one() {
        let by_char = |text: &str| -> Option<String> {
            let mut out = String::new();
            for c in text.chars() {
                let before = out.len();
                out.extend(c.to_lowercase());
                if out.len() - before != c.len_utf8() {
                    return None;
                }
            }
            Some(out)
        };
        for t in [
            "",
            "ABC def",
            "Élysée À PARIS",
            "“Quoted” – dash",
            "x\u{130}y",
            "ẞtraße",
            "Ωmega ΣΑ",
        ] {
            assert_eq!(super::lowercase(t), by_char(t), "{t:?}");
        }
    }
    use super::*;

    fn values(t: &str) -> Vec<(u64, bool)> {
        find_quantities(t)
            .iter()
            .map(|q| (q.value, q.is_count()))
            .collect()
    }

    #[test]
    fn words_and_digits() {
        assert_eq!(values("killing eleven people"), vec![(11, true)]);
        assert_eq!(
            values("one hundred and twenty-five soldiers"),
            vec![(125, true)]
        );
        assert_eq!(
            values("quatre-vingt-dix civils et vingt et un soldats"),
            vec![(90, true), (21, true)]
        );
        assert_eq!(
            values("60,000 or 60 000 or 60.000 people"),
            vec![(60000, true), (60000, true), (60000, true)]
        );
        assert_eq!(values("une dizaine de civils"), vec![(10, true)]);
        assert_eq!(
            values("dozens of villagers and hundreds of others"),
            vec![(12, true), (100, true)]
        );
    }

    #[test]
    fn ages_years_durations_money() {
        let kinds: Vec<QuantityKind> = find_quantities("a couple aged 50 and 36 were stoned")
            .iter()
            .map(|q| q.kind)
            .collect();
        assert_eq!(
            kinds,
            vec![QuantityKind::Count, QuantityKind::Age, QuantityKind::Age]
        );
        assert_eq!(
            values("since 2012 and for nine years, a ten-year crisis"),
            vec![(2012, false), (9, false), (10, false)]
        );
        let q = find_quantities("a ransom of 5 million naira on 12 March");
        assert_eq!((q[0].value, q[0].kind), (5_000_000, QuantityKind::Money));
        assert_eq!(q[1].kind, QuantityKind::Other);
        // A vague amount of a measure is no count either.
        assert_eq!(
            values("à une quarantaine de kilomètres, après une dizaine d'heures, dozens of miles"),
            vec![(40, false), (10, false), (12, false)]
        );
        // A dateline's day, its month abbreviated.
        assert_eq!(
            values("ZINDER (Niger), 16 jan 2015 (AFP) - Cinq personnes"),
            vec![(16, false), (2015, false), (5, true)]
        );
    }

    #[test]
    fn bounds_units_and_spans() {
        let t = "some 60,000 people had arrived";
        let q = &find_quantities(t)[0];
        assert_eq!((q.value, q.low, q.high), (60000, Some(54000), Some(66000)));
        assert_eq!(q.span.of(t), "some 60,000");
        assert_eq!(q.unit.as_deref(), Some("people"));
        let t = "at least 14 Malian soldiers were killed";
        let q = &find_quantities(t)[0];
        assert_eq!((q.value, q.low, q.high), (14, Some(14), None));
        assert_eq!(q.span.of(t), "at least 14");
        assert_eq!(q.unit.as_deref(), Some("soldiers"));
        let q = &find_quantities("up to 20 houses")[0];
        assert_eq!(
            (q.low, q.high, q.unit.as_deref()),
            (None, Some(20), Some("houses"))
        );
        // The cue's "many" is not a vague amount of its own: quantities
        // never overlap.
        let t = "as many as 200 have been killed";
        let q = find_quantities(t);
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!((q[0].span.of(t), q[0].high), ("as many as 200", Some(200)));
    }
}
