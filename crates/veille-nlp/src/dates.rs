//! Date expressions in English and French, resolved against the publication
//! date and preferring the past (news reports what happened).
//!
//! Each mention has its span, its kind and, for dates and years, the
//! resolved period and its granularity (day, week, month, year; ACLED's time
//! precision follows from it). Bare years ("in 2012", "since 2012",
//! "between 2012 and 2015") are kind `year`: they place a sentence in history
//! but never date an event on their own. Durations ("for nine years",
//! "ten-year") and ages ("aged 50") are recognised so that nothing else takes
//! their numbers for dates or counts.

use crate::fastre::{FastRegex, Windows};
use aho_corasick::{AhoCorasick, MatchKind};
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use std::sync::OnceLock;
use veille_core::{DateKind, DateMention, Granularity, Span};

const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("janvier", 1),
    ("february", 2),
    ("feb", 2),
    ("février", 2),
    ("fevrier", 2),
    ("march", 3),
    ("mar", 3),
    ("mars", 3),
    ("april", 4),
    ("apr", 4),
    ("avril", 4),
    ("may", 5),
    ("mai", 5),
    ("june", 6),
    ("juin", 6),
    ("july", 7),
    ("juillet", 7),
    ("august", 8),
    ("aug", 8),
    ("août", 8),
    ("aout", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("septembre", 9),
    ("october", 10),
    ("oct", 10),
    ("octobre", 10),
    ("november", 11),
    ("nov", 11),
    ("novembre", 11),
    ("december", 12),
    ("dec", 12),
    ("décembre", 12),
    ("decembre", 12),
];

const WEEKDAYS: &[(&str, Weekday)] = &[
    ("monday", Weekday::Mon),
    ("lundi", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("mardi", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("mercredi", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("jeudi", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("vendredi", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("samedi", Weekday::Sat),
    ("sunday", Weekday::Sun),
    ("dimanche", Weekday::Sun),
];

fn month_of(w: &str) -> Option<u32> {
    let w = w.trim_end_matches('.').to_lowercase();
    MONTHS.iter().find(|m| m.0 == w).map(|m| m.1)
}

fn weekday_of(w: &str) -> Option<Weekday> {
    let w = w.to_lowercase();
    WEEKDAYS.iter().find(|d| d.0 == w).map(|d| d.1)
}

fn alternation<T>(items: &[(&str, T)]) -> String {
    let mut names: Vec<&str> = items.iter().map(|x| x.0).collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    names.join("|")
}

struct Patterns {
    anchored: FastRegex,
    age: FastRegex,
    duration: FastRegex,
    ago: FastRegex,
    iso: FastRegex,
    numeric: FastRegex,
    day_range: FastRegex,
    day_month: FastRegex,
    month_day: FastRegex,
    overnight: FastRegex,
    weekday: FastRegex,
    relative_day: FastRegex,
    relative_period: FastRegex,
    month: FastRegex,
    year: FastRegex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let m = alternation(MONTHS);
        let d = alternation(WEEKDAYS);
        let r = |p: String| FastRegex::new(&format!("(?i){p}")).expect("date pattern");
        let n = NUMBER_WORDS;
        Patterns {
            anchored: r(format!(
                r"\b(?:the day before|the previous day|the day earlier|a day earlier|the next day|the following day|a day later|la veille|le lendemain|the week before|the previous week|the following week|la semaine précédente|la semaine suivante|(\d{{1,2}}|{n}) (days|jours) (earlier|later|plus tôt|plus tard|auparavant))\b"
            )),
            age: r(format!(
                r"\baged\s+\d{{1,3}}\b|âgée?s?\s+de\s+\d{{1,3}}\s+ans\b|\b(?:\d{{1,3}}|{n})-year-old\b"
            )),
            duration: r(format!(
                r"\b(?:(?:for|over|in the past|in the last|during|pendant|durant|depuis|en)\s+)?(?:\d{{1,3}}|{n}|a|an|plusieurs|several|a few|quelques)(?:\s+|-)(?:years?|months?|weeks?|days?|decades?|hours?|ans|années|annees|mois|semaines|jours|heures|décennies)\b(?:\s+(ago))?"
            )),
            ago: r(format!(r"\bil y a\s+(\d{{1,3}}|{n})\s+(jours|semaines|mois)\b")),
            day_range: r(format!(
                r"\b(?:between|from|du|entre le|entre|night of|les|on)\s+(\d{{1,2}})(?:st|nd|rd|th|er)?(?:\s+(?:and|to|au|et le|et)\s+|\s*[-–]\s*)(\d{{1,2}})(?:st|nd|rd|th)?\s+({m})\.?(?:,?\s+(\d{{4}}))?\b"
            )),
            iso: r(r"\b(\d{4})-(\d{2})-(\d{2})\b".into()),
            numeric: r(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b".into()),
            day_month: r(format!(r"\b(\d{{1,2}})(?:st|nd|rd|th|er)?(?:\s+of)?\s+({m})\.?(?:,?\s+(\d{{4}}))?\b")),
            month_day: r(format!(r"\b({m})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?")),
            overnight: r(format!(
                r"\b(?:overnight|(?:during |in )?the night of|(?:dans )?la nuit (?:de|du))\s+({d})\s+(?:to|into|and|à|au)\s+({d})\b"
            )),
            weekday: r(format!(
                r"\b(last\s+|this\s+|ce\s+)?({d})\b(\s+dernier\b)?(?:\s+(?:night|morning|evening|afternoon|soir|matin|après-midi|apres-midi)\b|\s+soir-là)?"
            )),
            relative_day: r(r"\b(yesterday(?: morning| evening| afternoon)?|hier (?:soir|matin|après-midi)|the day before yesterday|avant-hier|hier|today|aujourd'hui|aujourd’hui|this morning|ce matin|last night|la nuit dernière|cette nuit|overnight)\b".into()),
            relative_period: r(r"\b(last week|la semaine dernière|la semaine passée|earlier this week|this week|cette semaine|last month|le mois dernier|le mois passé|earlier this month|this month|ce mois-ci|last year|l'an dernier|l’an dernier|l'année dernière|l’année dernière)\b".into()),
            month: r(format!(
                r"\b(in|since|during|until|by|from|early|mid|mid-|late|last|en|depuis|début|fin|mi-|courant|de)?\s*({m})\b(?:\s+(\d{{4}}))?"
            )),
            year: r(r"\b(in|since|between|from|until|by|during|mid-|mi-|early|late|en|depuis|entre|de|fin|début)?\s*((?:19|20)\d{2})\b(?:\s*(?:and|to|-|–|et|à)\s*((?:19|20)\d{2}))?".into()),
        }
    })
}

/// Words of which every date pattern holds one (or a digit): month and
/// weekday names, time units, relative days and periods. The patterns are
/// searched only around them (see [`date_windows`]).
const ANCHOR_WORDS: &[&str] = &[
    "day",
    "veille",
    "lendemain",
    "jour",
    "aged",
    "year",
    "ans",
    "année",
    "annee",
    "month",
    "mois",
    "week",
    "semaine",
    "decade",
    "décennie",
    "hour",
    "heure",
    "yesterday",
    "hier",
    "today",
    "aujourd",
    "morning",
    "matin",
    "night",
    "overnight",
    "nuit",
    "an dernier",
];

/// The stretches of a text each date pattern is searched in: a pattern
/// whose every match holds a month name is searched only around month
/// names, one that always holds a weekday around weekdays, the numeric
/// ones around digits, the others around any anchor.
struct DateWindows {
    any: Windows,
    digits: Windows,
    months: Windows,
    weekdays: Windows,
}

impl DateWindows {
    /// The whole text for every pattern.
    #[cfg(test)]
    fn whole(text: &str) -> DateWindows {
        DateWindows {
            any: Windows::whole(text),
            digits: Windows::whole(text),
            months: Windows::whole(text),
            weekdays: Windows::whole(text),
        }
    }
}

/// What an anchor of [`date_windows`] is.
#[derive(Clone, Copy, PartialEq)]
enum Anchor {
    Word,
    Month,
    Weekday,
    Digit,
}

/// The stretches of `text` the date patterns may match in: around digits
/// and words of [`ANCHOR_WORDS`], months and weekdays that begin a word.
fn date_windows(text: &str) -> DateWindows {
    static ANCHORS: OnceLock<(AhoCorasick, Vec<Anchor>)> = OnceLock::new();
    let (ac, kinds) = ANCHORS.get_or_init(|| {
        let mut words: Vec<String> = Vec::new();
        let mut kinds: Vec<Anchor> = Vec::new();
        let names = ANCHOR_WORDS
            .iter()
            .map(|w| (*w, Anchor::Word))
            .chain(MONTHS.iter().map(|m| (m.0, Anchor::Month)))
            .chain(WEEKDAYS.iter().map(|d| (d.0, Anchor::Weekday)));
        for (w, kind) in names {
            // ASCII letters match in any case; others as written, capitalised
            // or in capitals.
            words.push(w.to_string());
            kinds.push(kind);
            if !w.is_ascii() {
                let mut cs = w.chars();
                let first = cs.next().map(|c| c.to_uppercase().collect::<String>());
                words.push(first.unwrap_or_default() + cs.as_str());
                words.push(w.to_uppercase());
                kinds.extend([kind, kind]);
            }
        }
        words.extend((0..10).map(|d| d.to_string()));
        kinds.extend([Anchor::Digit; 10]);
        let ac = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&words)
            .expect("date anchors");
        (ac, kinds)
    });
    let anchors: Vec<(Anchor, usize, usize)> = ac
        .find_iter(text)
        .filter(|m| {
            text.as_bytes()[m.start()].is_ascii_digit()
                || !text[..m.start()]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
        })
        .map(|m| (kinds[m.pattern().as_usize()], m.start(), m.end()))
        .collect();
    let around = |only: Option<Anchor>| {
        Windows::around(
            text,
            anchors
                .iter()
                .filter(|a| only.is_none_or(|k| a.0 == k))
                .map(|a| (a.1, a.2)),
        )
    };
    DateWindows {
        any: around(None),
        digits: around(Some(Anchor::Digit)),
        months: around(Some(Anchor::Month)),
        weekdays: around(Some(Anchor::Weekday)),
    }
}

/// English month abbreviations that are also words or numbers.
const ENGLISH_SHORT: &[&str] = &[
    "jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec",
];

/// Number words that may count years, days or ages.
const NUMBER_WORDS: &str = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|vingt|trente|quarante|cinquante";

fn small_number(w: &str) -> Option<i64> {
    if let Ok(n) = w.parse() {
        return Some(n);
    }
    let w = w.to_lowercase();
    if matches!(w.as_str(), "one" | "un" | "une" | "a" | "an") {
        return Some(1);
    }
    match crate::numbers::word_value(&w) {
        Some((v, false)) => Some(v as i64),
        _ => None,
    }
}

fn month_start(y: i32, m: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, 1).expect("valid month")
}

fn month_end(y: i32, m: u32) -> NaiveDate {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    month_start(ny, nm) - Duration::days(1)
}

/// The latest `wd` on or before `pub_date` (strictly before when `strict`).
fn latest_weekday(pub_date: NaiveDate, wd: Weekday, strict: bool) -> NaiveDate {
    let back = (pub_date.weekday().num_days_from_monday() + 7 - wd.num_days_from_monday()) % 7;
    let back = if back == 0 && strict { 7 } else { back };
    pub_date - Duration::days(back as i64)
}

/// A day and month without a year: the latest one not after publication,
/// or this year's when it is at most a week after (a statement dated the
/// day after an item's date, "the vote on 20 December" a few days ahead):
/// not the same day almost a year before.
fn past_day(pub_date: NaiveDate, month: u32, day: u32) -> Option<NaiveDate> {
    let this = NaiveDate::from_ymd_opt(pub_date.year(), month, day)?;
    if this <= pub_date + Duration::days(7) {
        Some(this)
    } else {
        NaiveDate::from_ymd_opt(pub_date.year() - 1, month, day)
    }
}

/// Finds and resolves the date expressions of a text. Relative expressions
/// need `pub_date`; without it only absolute dates are returned.
pub fn find_dates(text: &str, pub_date: Option<NaiveDate>) -> Vec<DateMention> {
    find_dates_in(text, pub_date, &date_windows(text))
}

/// [`find_dates`], the patterns searched in `w` only.
fn find_dates_in(text: &str, pub_date: Option<NaiveDate>, w: &DateWindows) -> Vec<DateMention> {
    let p = patterns();
    let mut out: Vec<DateMention> = Vec::new();
    // Earlier patterns win: a span already claimed is not taken again.
    let add = |out: &mut Vec<DateMention>,
               s: usize,
               e: usize,
               kind: DateKind,
               period: Option<(NaiveDate, NaiveDate, Granularity)>| {
        let span = Span::new(s, e);
        if !out.iter().any(|d| d.span.overlaps(span)) {
            out.push(DateMention {
                span,
                kind,
                start: period.map(|x| x.0),
                end: period.map(|x| x.1),
                granularity: period.map(|x| x.2),
            });
        }
    };
    let day = |d: NaiveDate| Some((d, d, Granularity::Day));
    let num = |s: &str| s.parse::<u32>().ok();

    // "The day before, ...", "la veille", "three days earlier": days
    // counted from the date told just before, resolved once all are found.
    let mut anchored: Vec<(usize, i64, bool)> = Vec::new();
    for c in p.anchored.captures_in(text, &w.any) {
        let m = c.get(0).expect("match");
        let phrase = m.as_str().to_lowercase();
        // ("the day before the vote" is counted from the vote)
        if matches!(phrase.as_str(), "the day before" | "the week before")
            && !text[m.end()..].starts_with([',', '.', ';', ')'])
        {
            continue;
        }
        // ("the previous week", "la semaine suivante": the calendar week
        // before or after the one told)
        let week = phrase.contains("week") || phrase.contains("semaine");
        let days = match c.get(1) {
            Some(n) => small_number(n.as_str()).unwrap_or(1),
            None if week => 7,
            None => 1,
        };
        let later = [
            "next",
            "following",
            "later",
            "lendemain",
            "plus tard",
            "suivante",
        ]
        .iter()
        .any(|w| phrase.contains(w));
        anchored.push((out.len(), if later { days } else { -days }, week));
        add(&mut out, m.start(), m.end(), DateKind::Date, None);
    }
    for c in p.age.captures_in(text, &w.any) {
        let m = c.get(0).expect("match");
        add(&mut out, m.start(), m.end(), DateKind::Age, None);
    }
    for c in p.duration.captures_in(text, &w.any) {
        let m = c.get(0).expect("match");
        // "a 25-year-old man" is an age (the pattern above took it); "two days ago" a date.
        if text[m.end()..].starts_with("-old") {
            continue;
        }
        if c.get(1).is_some() {
            let words: Vec<&str> = m.as_str().split([' ', '-']).collect();
            let n = words.iter().find_map(|w| small_number(w)).unwrap_or(1);
            let unit = words.iter().rev().nth(1).copied().unwrap_or("");
            if let Some(pd) = pub_date {
                let back = if unit.starts_with("week") {
                    7 * n
                } else if unit.starts_with("day") {
                    n
                } else {
                    0
                };
                if back > 0 {
                    let d = pd - Duration::days(back);
                    add(&mut out, m.start(), m.end(), DateKind::Date, day(d));
                    continue;
                }
            }
        }
        add(&mut out, m.start(), m.end(), DateKind::Duration, None);
    }
    if let Some(pd) = pub_date {
        for c in p.ago.captures_in(text, &w.any) {
            let m = c.get(0).expect("match");
            let n = small_number(&c[1]).unwrap_or(1);
            let back = if c[2].starts_with("semaine") {
                7 * n
            } else if c[2].starts_with("jour") {
                n
            } else {
                0
            };
            if back > 0 {
                add(
                    &mut out,
                    m.start(),
                    m.end(),
                    DateKind::Date,
                    day(pd - Duration::days(back)),
                );
            }
        }
    }
    for c in p.iso.captures_in(text, &w.digits) {
        let m = c.get(0).expect("match");
        if let Some(d) = NaiveDate::from_ymd_opt(
            c[1].parse().unwrap_or(0),
            num(&c[2]).unwrap_or(0),
            num(&c[3]).unwrap_or(0),
        ) {
            add(&mut out, m.start(), m.end(), DateKind::Date, day(d));
        }
    }
    for c in p.numeric.captures_in(text, &w.digits) {
        let m = c.get(0).expect("match");
        let (a, b, y) = (
            num(&c[1]).unwrap_or(0),
            num(&c[2]).unwrap_or(0),
            c[3].parse().unwrap_or(0),
        );
        // Day first, as in French and most non-US sources, unless impossible.
        let d = NaiveDate::from_ymd_opt(y, b, a).or_else(|| NaiveDate::from_ymd_opt(y, a, b));
        if let Some(d) = d {
            add(&mut out, m.start(), m.end(), DateKind::Date, day(d));
        }
    }
    // "between 12 and 14 March", "du 3 au 5 mars": a range of days (ACLED:
    // week precision within seven days, month precision beyond).
    for c in p.day_range.captures_in(text, &w.months) {
        let m = c.get(0).expect("match");
        let (Some(d1), Some(d2), Some(month)) = (num(&c[1]), num(&c[2]), month_of(&c[3])) else {
            continue;
        };
        let resolve = |dd: u32| match c.get(4) {
            Some(y) => NaiveDate::from_ymd_opt(y.as_str().parse().unwrap_or(0), month, dd),
            None => pub_date.and_then(|pd| {
                past_day(pd, month, d1.min(dd))
                    .and_then(|first| NaiveDate::from_ymd_opt(first.year(), month, dd))
            }),
        };
        if let (Some(a), Some(b)) = (resolve(d1), resolve(d2)) {
            // "the night of 11 to 12 June", "la nuit du 11 au 12 juin": the
            // night's first day, as for "the night of Tuesday to Wednesday".
            let night = m
                .as_str()
                .get(..5)
                .is_some_and(|w| w.eq_ignore_ascii_case("night"))
                || text[..m.start()]
                    .trim_end()
                    .rsplit(char::is_whitespace)
                    .next()
                    .is_some_and(|w| w.eq_ignore_ascii_case("nuit"));
            if night && (b - a).num_days() == 1 {
                add(&mut out, m.start(), m.end(), DateKind::Date, day(a));
                continue;
            }
            if a <= b {
                let g = if (b - a).num_days() < 7 {
                    Granularity::Week
                } else {
                    Granularity::Month
                };
                add(
                    &mut out,
                    m.start(),
                    m.end(),
                    DateKind::Date,
                    Some((a, b, g)),
                );
            }
        }
    }
    for (re, day_first) in [(&p.day_month, true), (&p.month_day, false)] {
        for c in re.captures_in(text, &w.months) {
            let m = c.get(0).expect("match");
            let (dd, month) = if day_first {
                (num(&c[1]), month_of(&c[2]))
            } else {
                (num(&c[2]), month_of(&c[1]))
            };
            let (Some(dd), Some(month)) = (dd, month) else {
                continue;
            };
            // Short English month names double as words: they need a capital.
            let mname = if day_first { &c[2] } else { &c[1] };
            if ENGLISH_SHORT.contains(&mname.to_lowercase().as_str())
                && !mname.starts_with(char::is_uppercase)
            {
                continue;
            }
            let date = match c.get(3) {
                Some(y) => NaiveDate::from_ymd_opt(y.as_str().parse().unwrap_or(0), month, dd),
                None => pub_date.and_then(|pd| past_day(pd, month, dd)),
            };
            if let Some(d) = date {
                add(&mut out, m.start(), m.end(), DateKind::Date, day(d));
            }
        }
    }
    if let Some(pd) = pub_date {
        for c in p.overnight.captures_in(text, &w.weekdays) {
            let m = c.get(0).expect("match");
            if let Some(wd) = weekday_of(&c[1]) {
                let first = latest_weekday(pd, wd, false);
                // The event is dated to the morning the night ends on ("dans la
                // nuit de samedi à dimanche": Sunday), where the reports put
                // most night attacks and as ACLED-style notes date them (nine
                // of eleven such notes in our sets); a night that began on
                // the day of publication, whose morning is still to come, to
                // that day (not to the same night a week before).
                let dated = if first < pd {
                    first + Duration::days(1)
                } else {
                    first
                };
                add(&mut out, m.start(), m.end(), DateKind::Date, day(dated));
            }
        }
        for c in p.weekday.captures_in(text, &w.weekdays) {
            let m = c.get(0).expect("match");
            let Some(wd) = weekday_of(&c[2]) else {
                continue;
            };
            let strict = c
                .get(1)
                .is_some_and(|x| x.as_str().trim().eq_ignore_ascii_case("last"))
                || c.get(3).is_some();
            add(
                &mut out,
                m.start(),
                m.end(),
                DateKind::Date,
                day(latest_weekday(pd, wd, strict)),
            );
        }
        for c in p.relative_day.captures_in(text, &w.any) {
            let m = c.get(0).expect("match");
            let w = c[1].to_lowercase();
            let back = if w == "the day before yesterday" || w == "avant-hier" {
                2
            } else if w.starts_with("yesterday")
                || w.starts_with("hier")
                || matches!(
                    w.as_str(),
                    "last night" | "la nuit dernière" | "cette nuit" | "overnight"
                )
            {
                1
            } else {
                0
            };
            add(
                &mut out,
                m.start(),
                m.end(),
                DateKind::Date,
                day(pd - Duration::days(back)),
            );
        }
        for c in p.relative_period.captures_in(text, &w.any) {
            let m = c.get(0).expect("match");
            let w = c[1].to_lowercase().replace('’', "'");
            let past = w.starts_with("last")
                || w.contains("dernier")
                || w.contains("dernière")
                || w.contains("passé");
            let period = if w.contains("week") || w.contains("semaine") {
                let monday = latest_weekday(pd, Weekday::Mon, false);
                if past {
                    (
                        monday - Duration::days(7),
                        monday - Duration::days(1),
                        Granularity::Week,
                    )
                } else {
                    (monday, pd, Granularity::Week)
                }
            } else if w.contains("month") || w.contains("mois") {
                if past {
                    let (y, mo) = if pd.month() == 1 {
                        (pd.year() - 1, 12)
                    } else {
                        (pd.year(), pd.month() - 1)
                    };
                    (month_start(y, mo), month_end(y, mo), Granularity::Month)
                } else {
                    (month_start(pd.year(), pd.month()), pd, Granularity::Month)
                }
            } else {
                let y = pd.year() - 1;
                (month_start(y, 1), month_end(y, 12), Granularity::Year)
            };
            add(&mut out, m.start(), m.end(), DateKind::Date, Some(period));
        }
    }
    for c in p.month.captures_in(text, &w.months) {
        let m = c.get(0).expect("match");
        let name = c.get(2).expect("month");
        let Some(month) = month_of(name.as_str()) else {
            continue;
        };
        let cue = c.get(1).map(|x| x.as_str().to_lowercase());
        let year = c.get(3).and_then(|y| y.as_str().parse::<i32>().ok());
        // English month names double as words ("may", "march"): require a
        // capital and either a cue word or a year.
        let lname = name.as_str().to_lowercase();
        let english_word =
            lname == "may" || lname == "march" || ENGLISH_SHORT.contains(&lname.as_str());
        if english_word
            && (!name.as_str().starts_with(char::is_uppercase) || cue.is_none() && year.is_none())
        {
            continue;
        }
        // "sept" is also the French seven: alone it is a month only with a year.
        if matches!(lname.as_str(), "sept" | "sep") && year.is_none() {
            continue;
        }
        // A month's name joined into a compound is a name ("le Champ-de-Mars").
        // (not "mid-November", "mi-décembre")
        let cue_hyphen = cue.as_deref().is_some_and(|c| c.ends_with('-'));
        if !cue_hyphen && text[..name.start()].ends_with('-') || text[name.end()..].starts_with('-')
        {
            continue;
        }
        let y = match (year, pub_date) {
            (Some(y), _) => y,
            (None, Some(pd)) => {
                if month <= pd.month() {
                    pd.year()
                } else {
                    pd.year() - 1
                }
            }
            (None, None) => continue,
        };
        let (mut start, mut end) = (month_start(y, month), month_end(y, month));
        match cue.as_deref() {
            Some("early" | "début") => end = start + Duration::days(9),
            Some("mid" | "mid-" | "mi-") => {
                start += Duration::days(10);
                end = start + Duration::days(9);
            }
            Some("late" | "fin") => start = end - Duration::days(9),
            _ => {}
        }
        let s = c.get(1).map(|x| x.start()).unwrap_or(name.start());
        add(
            &mut out,
            s,
            m.end(),
            DateKind::Date,
            Some((start, end, Granularity::Month)),
        );
    }
    for c in p.year.captures_in(text, &w.digits) {
        let m = c.get(0).expect("match");
        let y1: i32 = c[2].parse().unwrap_or(0);
        let y2: i32 = c.get(3).and_then(|y| y.as_str().parse().ok()).unwrap_or(y1);
        let s = c
            .get(1)
            .map(|x| x.start())
            .unwrap_or(c.get(2).expect("year").start());
        add(
            &mut out,
            s,
            m.end(),
            DateKind::Year,
            Some((
                month_start(y1, 1),
                month_end(y2.max(y1), 12),
                Granularity::Year,
            )),
        );
    }
    // The anchor is the latest day told before the phrase (not one of these
    // phrases); with none, the phrase stays unresolved (it is still a date
    // of its own).
    let relative: Vec<usize> = anchored.iter().map(|a| a.0).collect();
    for &(i, shift, week) in &anchored {
        let at = out[i].span.start;
        let anchor = out
            .iter()
            .enumerate()
            .filter(|(k, d)| {
                d.span.start < at
                    && d.kind == DateKind::Date
                    && d.granularity == Some(Granularity::Day)
                    && !relative.contains(k)
            })
            .map(|(_, d)| d)
            .max_by_key(|d| d.span.start)
            .and_then(|d| d.start);
        if let Some(a) = anchor {
            let day = a + Duration::days(shift);
            if week {
                let monday = day - Duration::days(i64::from(day.weekday().num_days_from_monday()));
                out[i].start = Some(monday);
                out[i].end = Some(monday + Duration::days(6));
                out[i].granularity = Some(Granularity::Week);
            } else {
                out[i].start = Some(day);
                out[i].end = Some(day);
                out[i].granularity = Some(Granularity::Day);
            }
        }
    }
    out.sort_by_key(|d| d.span.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Date words in all their shapes, and filler long enough to part
    /// windows.
    const PIECES: &[&str] = &[
        "the day before",
        "la veille",
        "la semaine précédente",
        "le lendemain",
        "three days earlier",
        "deux jours plus tard",
        "aged 25",
        "âgée de 30 ans",
        "Âgé de 4 ans",
        "a 25-year-old",
        "five-year-old",
        "for two years",
        "in the past several weeks",
        "depuis plusieurs ANNÉES",
        "deux décennies",
        "two days ago",
        "il y a trois jours",
        "between 3 and 5 September 2024",
        "du 1er au 3 août",
        "2024-03-12",
        "12/03/2024",
        "12th of March, 2023",
        "March 12",
        "Dec. 3, 2021",
        "1er mai",
        "la nuit de mardi à mercredi",
        "overnight Tuesday into Wednesday",
        "last Monday night",
        "ce samedi soir",
        "LUNDI dernier",
        "yesterday morning",
        "hier soir",
        "avant-hier",
        "aujourd’hui",
        "this morning",
        "la nuit dernière",
        "last week",
        "l’an dernier",
        "earlier this month",
        "in mid-September",
        "mi-AOÛT",
        "en FÉVRIER 2020",
        "since 2012",
        "between 2015 and 2019",
        "mid-2020",
        "Americans",
        "transday",
        "plans",
        "overnightly",
        "Parisian dernier",
        "monday2",
        "x2024",
        "mayhem",
        "a",
        "the",
        ",",
        ".",
        " ",
        "\n",
        "é",
        "-",
        "’",
        "(",
        ")",
    ];

    fn filler(n: usize) -> String {
        "The committee discussed the proposal at length and said nothing else. ".repeat(n)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        /// Searching around anchors finds what searching everywhere finds.
        #[test]
        fn windows_miss_no_date(
            parts in proptest::collection::vec((0..PIECES.len(), 0usize..4), 0..40),
            pd in proptest::option::of(0i64..3000),
        ) {
            let mut text = String::new();
            for (i, f) in parts {
                text.push_str(PIECES[i]);
                text.push(' ');
                text.push_str(&filler(f));
            }
            let pd = pd.map(|n| d("2018-01-01") + Duration::days(n));
            prop_assert_eq!(
                find_dates(&text, pd),
                find_dates_in(&text, pd, &DateWindows::whole(&text))
            );
        }
    }

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn first(text: &str, pub_date: &str) -> DateMention {
        find_dates(text, Some(d(pub_date)))
            .into_iter()
            .next()
            .unwrap_or_else(|| panic!("no date in {text:?}"))
    }

    fn start(text: &str, pub_date: &str) -> NaiveDate {
        first(text, pub_date).start.unwrap()
    }

    #[test]
    fn a_day_days_after_publication_is_this_years_and_a_compound_no_month() {
        // "said on 15 November" in a note dated the 14th, "the vote on 20
        // December" a few days ahead: this year's, not last year's.
        assert_eq!(
            start(
                "The government said on 15 November that 19 died.",
                "2021-11-14"
            ),
            d("2021-11-15")
        );
        assert_eq!(
            start("The attack on 28 December killed 12.", "2024-01-03"),
            d("2023-12-28")
        );
        // "le Champ-de-Mars" names a place, not March.
        assert!(find_dates(
            "La police a dispersé la foule près du Champ-de-Mars.",
            Some(d("2019-02-07"))
        )
        .is_empty());
    }

    #[test]
    fn the_day_before_counts_from_the_date_told_before() {
        let t = "On 3 November 2024, a grenade exploded in Srinagar. The day before, a commander was killed. Three days later, police made arrests.";
        let dates = find_dates(t, Some(d("2024-11-05")));
        let of = |phrase: &str| {
            dates
                .iter()
                .find(|m| m.span.of(t) == phrase)
                .unwrap_or_else(|| panic!("{phrase:?} not found in {dates:?}"))
                .start
        };
        assert_eq!(of("The day before"), Some(d("2024-11-02")));
        assert_eq!(of("Three days later"), Some(d("2024-11-06")));
        let t = "Le 13 août 2023, la MINUSMA a quitté Ber. La veille, des affrontements avaient eu lieu.";
        let m = find_dates(t, Some(d("2023-08-14")));
        assert!(
            m.iter()
                .any(|x| x.span.of(t) == "La veille" && x.start == Some(d("2023-08-12"))),
            "{m:?}"
        );
        // Counted from something else: not a date of its own.
        let t = "Tensions rose the day before the vote.";
        assert!(find_dates(t, Some(d("2024-11-05"))).is_empty());
        // A week told from a day: the calendar week before it.
        let t = "On April 20, soldiers killed 60 villagers in Karma. Militants had ambushed troops the previous week.";
        let m = find_dates(t, Some(d("2023-04-27")));
        let week = m
            .iter()
            .find(|x| x.span.of(t) == "the previous week")
            .expect("a date");
        assert_eq!(
            (week.start, week.end),
            (Some(d("2023-04-10")), Some(d("2023-04-16")))
        );
        assert_eq!(week.granularity, Some(Granularity::Week));
    }

    #[test]
    fn weekdays_are_the_latest_before_publication() {
        // 2022-11-24 is a Thursday.
        let m = first("A camp was raided on Monday by gunmen", "2022-11-24");
        assert_eq!(
            m.event_period(),
            Some((d("2022-11-21"), d("2022-11-21"), 1))
        );
        assert_eq!(
            start("des hommes armés ont attaqué lundi dernier", "2022-11-21"),
            d("2022-11-14")
        );
        assert_eq!(start("mardi soir", "2022-11-24"), d("2022-11-22"));
        assert_eq!(
            start("overnight Tuesday to Wednesday", "2022-11-24"),
            d("2022-11-23")
        );
        assert_eq!(
            start("dans la nuit de mercredi à jeudi", "2022-11-24"),
            d("2022-11-24")
        );
        // (a night that began on the day of publication: that day, not the
        // same night a week before)
        assert_eq!(
            start("dans la nuit de mercredi à jeudi", "2022-11-23"),
            d("2022-11-23")
        );
    }

    #[test]
    fn months_and_periods() {
        let m = first("In September, a couple was stoned", "2022-11-24");
        assert_eq!(
            m.event_period(),
            Some((d("2022-09-01"), d("2022-09-30"), 3))
        );
        assert_eq!(start("en décembre", "2022-11-24"), d("2021-12-01"));
        let m = first("HRW reported last month that", "2022-11-24");
        assert_eq!(
            m.event_period(),
            Some((d("2022-10-01"), d("2022-10-31"), 3))
        );
        assert_eq!(start("le mois dernier", "2023-01-10"), d("2022-12-01"));
        assert_eq!(start("last week", "2022-11-24"), d("2022-11-14"));
        assert_eq!(
            first("last week", "2022-11-24").granularity,
            Some(Granularity::Week)
        );
        assert_eq!(start("yesterday", "2022-11-24"), d("2022-11-23"));
        assert_eq!(
            first("early November", "2022-11-24").end.unwrap(),
            d("2022-11-10")
        );
        assert_eq!(start("two days ago", "2022-11-24"), d("2022-11-22"));
        assert!(find_dates("They may come back in force", Some(d("2022-11-24"))).is_empty());
    }

    #[test]
    fn day_ranges() {
        let m = first(
            "Fighting raged between 12 and 14 March, residents said",
            "2022-11-24",
        );
        assert_eq!(
            m.event_period(),
            Some((d("2022-03-12"), d("2022-03-14"), 2))
        );
        assert_eq!(
            first("du 3 au 5 mars 2021", "2022-11-24").end.unwrap(),
            d("2021-03-05")
        );
        for night in [
            "On the night of 11 to 12 June 2022, gunmen attacked the town",
            "On the night of 11-12 June 2022, gunmen attacked the town",
            "Night of 11 to 12 June 2022: gunmen attacked the town",
            "dans la nuit du 11 au 12 juin 2022, des hommes armés ont attaqué",
        ] {
            assert_eq!(
                first(night, "2022-06-14").event_period(),
                Some((d("2022-06-11"), d("2022-06-11"), 1)),
                "{night}"
            );
        }
        // Two days named together: a range from the first.
        for pair in [
            "Les 13 et 14 novembre 2018, des hommes armés ont attaqué le quartier",
            "On 13 and 14 November 2018, gang members attacked the district",
            "On 13-14 November 2018, gang members attacked the district",
        ] {
            assert_eq!(
                first(pair, "2018-11-20").event_period(),
                Some((d("2018-11-13"), d("2018-11-14"), 2)),
                "{pair}"
            );
        }
    }

    #[test]
    fn explicit_dates() {
        assert_eq!(start("on 12 March 2022", "2022-11-24"), d("2022-03-12"));
        assert_eq!(start("on March 12, 2022", "2022-11-24"), d("2022-03-12"));
        assert_eq!(start("le 12/03/2022", "2022-11-24"), d("2022-03-12"));
        assert_eq!(start("le 3 avril", "2025-04-10"), d("2025-04-03"));
        assert_eq!(start("on 30 December", "2025-01-04"), d("2024-12-30"));
        assert_eq!(start("2022-03-12", "2022-11-24"), d("2022-03-12"));
    }

    #[test]
    fn years_durations_ages_are_not_dates() {
        let m = first(
            "Since 2012, an insurgency has killed thousands",
            "2022-11-24",
        );
        assert_eq!((m.kind, m.start), (DateKind::Year, Some(d("2012-01-01"))));
        assert_eq!(m.event_period(), None);
        let m = first("Between 2012 and 2015, he bore the brunt", "2022-11-24");
        assert_eq!(
            (m.start.unwrap().year(), m.end.unwrap().year(), m.kind),
            (2012, 2015, DateKind::Year)
        );
        let kinds: Vec<DateKind> = find_dates(
            "for nine years of a ten-year crisis, a man aged 50",
            Some(d("2022-11-24")),
        )
        .iter()
        .map(|m| m.kind)
        .collect();
        assert_eq!(
            kinds,
            vec![DateKind::Duration, DateKind::Duration, DateKind::Age]
        );
    }
}
