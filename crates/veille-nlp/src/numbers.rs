//! Quantities in English and French: digits with either separator, number
//! words up to the millions, approximations with bounds ("at least", "près
//! de") and vague amounts from `data/nlp/vague_amounts.tsv` (ACLED's
//! reported-fatality conventions). Ages, years, durations, days of month and
//! money are flagged `not_a_count`.

use regex::Regex;
use std::sync::OnceLock;
use veille_core::{Quantity, Span};

const VAGUE_TSV: &str = include_str!("../../../data/nlp/vague_amounts.tsv");

struct Vague {
    phrase: String,
    value: u64,
    low: u64,
    high: u64,
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

fn word_value(w: &str) -> Option<(u64, bool)> {
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
        "million" | "millions" => return Some((1_000_000, true)),
        _ => return None,
    };
    Some((v, false))
}

/// Value of a run of number words ("one hundred and twenty-five",
/// "quatre-vingt-dix", "vingt et un").
fn parse_words(words: &[String]) -> Option<u64> {
    let (mut total, mut current) = (0u64, 0u64);
    let mut prev: Option<&str> = None;
    let mut any = false;
    for w in words {
        let w = w.as_str();
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

/// Finds the quantities of a text.
pub fn find_quantities(text: &str) -> Vec<Quantity> {
    let lower = text.to_lowercase();
    // Lower-casing may change byte lengths (rare letters); fall back to the text.
    let hay = if lower.len() == text.len() {
        lower.as_str()
    } else {
        text
    };
    let mut found: Vec<(Span, u64, u64, u64)> = Vec::new();

    // Vague amounts first (they contain number-like words: "une dizaine").
    for v in vague_table() {
        let mut from = 0;
        while let Some(p) = hay[from..].find(&v.phrase) {
            let s = from + p;
            let e = s + v.phrase.len();
            from = e;
            if !boundary(hay, s, e) || found.iter().any(|f| f.0.overlaps(Span::new(s, e))) {
                continue;
            }
            found.push((Span::new(s, e), v.value, v.low, v.high));
        }
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

    static WORDS: OnceLock<Regex> = OnceLock::new();
    let words = re(&WORDS, r"[\p{L}]+");
    let tokens: Vec<(usize, usize, String)> = words
        .find_iter(hay)
        .map(|m| (m.start(), m.end(), m.as_str().to_string()))
        .collect();
    let mut i = 0;
    while i < tokens.len() {
        if word_value(&tokens[i].2).is_none() {
            i += 1;
            continue;
        }
        let mut j = i;
        let mut run: Vec<String> = Vec::new();
        while j < tokens.len() {
            let t = &tokens[j].2;
            let gap = &hay[tokens[j.max(1) - 1].1.min(tokens[j].0)..tokens[j].0];
            if j > i && !(gap.trim().is_empty() || gap == "-") {
                break;
            }
            let joiner = matches!(t.as_str(), "and" | "et" | "un" | "une");
            if word_value(t).is_some() || joiner && j + 1 < tokens.len() && j > i {
                run.push(t.clone());
                j += 1;
            } else {
                break;
            }
        }
        while run.last().is_some_and(|w| word_value(w).is_none())
            && !(run.len() >= 2
                && matches!(run[run.len() - 1].as_str(), "un" | "une")
                && run[run.len() - 2] == "et")
        {
            run.pop();
            j -= 1;
        }
        // "a hundred", "a thousand"
        let mut s = tokens[i].0;
        if i > 0 && tokens[i - 1].2 == "a" && word_value(&tokens[i].2).is_some_and(|v| v.1) {
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
        let before = &hay[..span.start];
        let after = &hay[span.end..];
        let (low, high) = approximate(before, value, low, high);
        let prev_age = out.last().is_some_and(|q: &Quantity| {
            q.not_a_count && {
                let gap = hay[q.span.end..span.start].trim();
                gap == "and" || gap == "et" || gap == ","
            }
        });
        out.push(Quantity {
            span,
            value,
            low,
            high,
            not_a_count: prev_age || not_a_count(before, after, value, span.of(hay)),
            head: head_words(after),
        });
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

/// Bounds from a modifier right before the number.
fn approximate(before: &str, value: u64, low: u64, high: u64) -> (u64, u64) {
    let b = before.trim_end();
    let ends = |w: &[&str]| w.iter().any(|x| b.ends_with(x));
    if ends(&["at least", "au moins", "no fewer than", "pas moins de"]) {
        (
            value,
            high.max(value)
                .saturating_mul(if high == value { 2 } else { 1 }),
        )
    } else if ends(&["more than", "over", "plus de", "upwards of", "in excess of"]) {
        (value + 1, high.max(value * 2))
    } else if ends(&[
        "up to",
        "as many as",
        "jusqu'à",
        "at most",
        "less than",
        "fewer than",
        "moins de",
    ]) {
        (low.min(value / 2).max(1).min(value), value)
    } else if ends(&[
        "some",
        "about",
        "around",
        "nearly",
        "almost",
        "approximately",
        "roughly",
        "près de",
        "environ",
        "quelque",
        "quelques",
        "une centaine de",
        "around",
    ]) {
        (value - value / 10, value + value / 10)
    } else {
        (low, high)
    }
}

fn not_a_count(before: &str, after: &str, value: u64, raw: &str) -> bool {
    let b = before.trim_end();
    let a = after.trim_start();
    let a_word = |w: &[&str]| w.iter().any(|x| a.starts_with(x));
    let b_word = |w: &[&str]| w.iter().any(|x| b.ends_with(x));
    let is_year =
        raw.len() == 4 && (1900..=2099).contains(&value) && raw.chars().all(|c| c.is_ascii_digit());
    is_year
        || b_word(&[
            "aged",
            "age",
            "âgé de",
            "âgée de",
            "âgés de",
            "âgées de",
            "$",
            "€",
            "£",
            "us$",
            "no.",
            "n°",
            "number",
        ])
        || after.starts_with("-year")
        || after.starts_with("-month")
        || after.starts_with("-day")
        || after.starts_with('%')
        || a_word(&[
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
            "decade",
            "ans",
            "an ",
            "mois",
            "semaine",
            "jour",
            "heure",
            "minutes",
            "km",
            "kilomet",
            "kilomèt",
            "miles",
            "percent",
            "per cent",
            "pour cent",
            "dollars",
            "euros",
            "francs",
            "fcfa",
            "cfa",
            "naira",
            "million dollars",
            "billion",
            "milliard",
            "h ",
            "p.m",
            "a.m",
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
            "times",
            "fois",
        ])
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
    use super::*;

    fn values(t: &str) -> Vec<(u64, bool)> {
        find_quantities(t)
            .iter()
            .map(|q| (q.value, q.not_a_count))
            .collect()
    }

    #[test]
    fn words_and_digits() {
        assert_eq!(values("killing eleven people"), vec![(11, false)]);
        assert_eq!(
            values("one hundred and twenty-five soldiers"),
            vec![(125, false)]
        );
        assert_eq!(
            values("quatre-vingt-dix civils et vingt et un soldats"),
            vec![(90, false), (21, false)]
        );
        assert_eq!(
            values("60,000 or 60 000 or 60.000 people"),
            vec![(60000, false), (60000, false), (60000, false)]
        );
        assert_eq!(values("une dizaine de civils"), vec![(10, false)]);
        assert_eq!(
            values("dozens of villagers and hundreds of others"),
            vec![(12, false), (100, false)]
        );
    }

    #[test]
    fn ages_years_durations_money() {
        assert_eq!(
            values("a couple aged 50 and 36 were stoned"),
            vec![(2, false), (50, true), (36, true)]
        );
        assert_eq!(
            values("since 2012 and for nine years, a ten-year crisis"),
            vec![(2012, true), (9, true), (10, true)]
        );
        assert_eq!(
            values("a ransom of 5 million naira on 12 March"),
            vec![(5_000_000, true), (12, true)]
        );
    }

    #[test]
    fn bounds_and_heads() {
        let q = &find_quantities("some 60,000 people had arrived")[0];
        assert_eq!((q.value, q.low, q.high), (60000, 54000, 66000));
        assert_eq!(q.head.as_deref(), Some("people had arrived"));
        let q = &find_quantities("at least 14 soldiers were killed")[0];
        assert_eq!((q.value, q.low), (14, 14));
        assert_eq!(
            q.head.as_deref().unwrap().split(' ').next(),
            Some("soldiers")
        );
    }
}
