//! Scoring against an ACLED-format export: each row's `notes` is coded as
//! an article published on its `event_date`, and the first event coded is
//! compared with the row (type, sub-type, fatalities, admin1, date).

use anyhow::{Context, Result};
use chrono::NaiveDate;
use std::collections::BTreeMap;
use std::path::Path;
use veille_core::{DocKind, RawDocument};
use veille_pipeline::Pipeline;

/// ACLED dates: `2020-12-31` or `31 December 2020`.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(s, "%d %B %Y"))
        .ok()
}

/// Case- and accent-insensitive comparison of names (ACLED writes Menaka,
/// Tombouctou, Segou).
pub fn same_name(a: &str, b: &str) -> bool {
    let fold = |s: &str| {
        veille_geo::fold::fold(s)
            .replace(['-', '\''], " ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    fold(a) == fold(b)
}

/// Admin unit names as two gazetteers may spell one unit: [`same_name`], or
/// equal once French compass words are read as English ones ("Nord-Kivu" /
/// "North Kivu", "Nord-Ouest" / "North-West"), or one letter apart in a name
/// of six letters or more ("Banadir" / "Banaadir").
pub fn same_admin_name(a: &str, b: &str) -> bool {
    if same_name(a, b) {
        return true;
    }
    let english = |s: &str| {
        veille_geo::fold::fold(s)
            .replace(['-', '\''], " ")
            .split_whitespace()
            .map(|w| match w {
                "nord" => "north",
                "sud" => "south",
                "est" => "east",
                "ouest" => "west",
                "centre" | "center" | "centrale" => "central",
                "northern" => "north",
                "southern" => "south",
                "eastern" => "east",
                "western" => "west",
                w => w,
            })
            .collect::<Vec<_>>()
            .join("")
    };
    // "El Nabatieh" / "Nabatieh", "Al Anbar" / "Anbar": the Arabic article.
    let bare = |s: &str| {
        let f = veille_geo::fold::fold(s);
        match f.split_once([' ', '-']) {
            Some((a, rest))
                if ["al", "el", "ar", "as", "ad", "an", "ash", "az", "at"].contains(&a) =>
            {
                rest.to_string()
            }
            _ => f,
        }
    };
    if bare(a) == bare(b) {
        return true;
    }
    let (x, y) = (english(a), english(b));
    if x == y || x.chars().count() >= 6 && veille_geo::fold::edit_distance(&x, &y) <= 1 {
        return true;
    }
    // One unit by two of its names ("Chittagong" and "Chattogram"): the
    // gazetteer's aliases of the unit named `a`.
    let gaz = veille_geo::Gazetteer::global();
    gaz.lookup(&veille_geo::fold::fold(b)).iter().any(|&i| {
        let e = &gaz.entries[i as usize];
        e.kind == veille_geo::Kind::Admin1
            && (same_name(&e.name, a) || same_name(gaz.written_name(i), a))
    })
}

/// An ACLED actor name without the years of its period: "Military Forces
/// of Mali (2021-)" is "Military Forces of Mali".
pub fn without_years(name: &str) -> String {
    let mut out = String::new();
    let mut rest = name;
    while let Some(open) = rest.find(" (") {
        let inner = &rest[open + 2..];
        let close = inner.find(')');
        let years = close.is_some_and(|c| {
            let t = &inner[..c];
            !t.is_empty() && t.chars().all(|ch| ch.is_ascii_digit() || ch == '-')
        });
        match (years, close) {
            (true, Some(c)) => {
                out.push_str(&rest[..open]);
                rest = &inner[c + 1..];
            }
            _ => {
                out.push_str(&rest[..open + 2]);
                rest = inner;
            }
        }
    }
    out.push_str(rest);
    out.trim().to_string()
}

/// Totals over the export.
#[derive(Debug, Default)]
pub struct Scores {
    pub rows: usize,
    pub coded: usize,
    pub event_type_right: usize,
    pub fatalities_right: usize,
    pub admin1_right: usize,
    pub date_right: usize,
    /// Rows with a gold actor1 (the export has the column), and those whose
    /// actor1 veille names the same (ACLED's years in brackets set aside).
    pub actor1_rows: usize,
    pub actor1_right: usize,
    /// Gold and predicted (or "-") event types and sub-types.
    pub types: Vec<(String, String)>,
    pub sub_types: Vec<(String, String)>,
    /// One line per row where a scored field differs: row number, gold
    /// fields, veille's fields, the notes (`miss` lines for type, sub-type,
    /// fatalities, admin1 and date, `actor1` lines for actor1).
    pub misses: Vec<String>,
}

/// Macro F1 over the gold labels.
pub fn macro_f1(pairs: &[(String, String)]) -> f64 {
    let mut counts: BTreeMap<&str, (usize, usize, usize)> = BTreeMap::new();
    for (g, p) in pairs {
        if g == p {
            counts.entry(g).or_default().0 += 1;
        } else {
            counts.entry(g).or_default().2 += 1;
            counts.entry(p).or_default().1 += 1;
        }
    }
    let gold: Vec<&str> = pairs.iter().map(|x| x.0.as_str()).collect();
    let labels: Vec<(&&str, &(usize, usize, usize))> =
        counts.iter().filter(|(l, _)| gold.contains(l)).collect();
    labels
        .iter()
        .map(|(_, c)| crate::f1(c.0, c.1, c.2))
        .sum::<f64>()
        / labels.len().max(1) as f64
}

/// Codes every row's notes and compares.
pub fn evaluate(csv_path: &Path, pipeline: &Pipeline) -> Result<Scores> {
    let mut reader = csv::Reader::from_path(csv_path)
        .with_context(|| format!("reading {}", csv_path.display()))?;
    let headers: Vec<String> = reader
        .headers()?
        .iter()
        .map(|h| h.trim().to_lowercase())
        .collect();
    let col = |name: &str| headers.iter().position(|h| h == name);
    let need = |name: &str| {
        col(name).with_context(|| format!("{}: no column {name:?}", csv_path.display()))
    };
    let (c_date, c_type, c_sub, c_admin1, c_fat, c_notes) = (
        need("event_date")?,
        need("event_type")?,
        need("sub_event_type")?,
        need("admin1")?,
        need("fatalities")?,
        need("notes")?,
    );
    let c_actor1 = col("actor1");
    let mut s = Scores::default();
    for record in reader.records() {
        let r = record?;
        let get = |i: usize| r.get(i).unwrap_or("").trim().to_string();
        s.rows += 1;
        let date = parse_date(&get(c_date));
        let doc = RawDocument {
            bytes: get(c_notes).into_bytes(),
            publication_date: date,
            kind: Some(DocKind::Text),
            ..Default::default()
        };
        // A note reports one event, in its first words: when the coder
        // finds more, the one whose evidence comes first is compared (then
        // the one whose type is told first: a later event may borrow the
        // lead's date).
        let event = pipeline.run(&doc).ok().and_then(|o| {
            o.events.into_iter().min_by_key(|e| {
                let first = |fields: &[&str]| {
                    e.evidence
                        .iter()
                        .filter(|x| fields.is_empty() || fields.contains(&x.field.as_str()))
                        .map(|x| x.start)
                        .min()
                        .unwrap_or(usize::MAX)
                };
                (first(&[]), first(&["event_type"]))
            })
        });
        let (gold_type, gold_sub) = (get(c_type), get(c_sub));
        let gold = format!(
            "{} / {} | {} | fat {} | {}",
            gold_type,
            gold_sub,
            get(c_admin1),
            get(c_fat),
            get(c_date)
        );
        match &event {
            Some(e) => {
                s.coded += 1;
                let type_ok = same_name(e.event_type.as_str(), &gold_type)
                    && same_name(e.sub_event_type.as_str(), &gold_sub);
                s.event_type_right += usize::from(same_name(e.event_type.as_str(), &gold_type));
                let fat_ok = get(c_fat).parse::<u64>().ok() == Some(e.fatalities.unwrap_or(0));
                s.fatalities_right += usize::from(fat_ok);
                let admin1 = e
                    .location
                    .as_ref()
                    .and_then(|l| l.admin1.clone())
                    .unwrap_or_default();
                let admin1_ok = same_admin_name(&admin1, &get(c_admin1));
                s.admin1_right += usize::from(admin1_ok);
                let date_ok = Some(e.event_date) == date && e.time_precision == 1;
                s.date_right += usize::from(date_ok);
                if let Some(gold) = c_actor1.map(get).filter(|g| !g.is_empty()) {
                    s.actor1_rows += 1;
                    let ours = e.actors.iter().find(|a| a.role == "actor1");
                    let right =
                        ours.is_some_and(|a| without_years(&a.name) == without_years(&gold));
                    s.actor1_right += usize::from(right);
                    if !right {
                        s.misses.push(format!(
                            "actor1\trow {}\t{gold}\tgot {}\t{}",
                            s.rows,
                            ours.map_or("-", |a| a.name.as_str()),
                            get(c_notes)
                        ));
                    }
                }
                if !(type_ok && fat_ok && admin1_ok && date_ok) {
                    s.misses.push(format!(
                        "miss\trow {}\t{gold}\tgot {} / {} | {} | fat {} | {}\t{}",
                        s.rows,
                        e.event_type.as_str(),
                        e.sub_event_type.as_str(),
                        admin1,
                        e.fatalities.map_or("-".into(), |f| f.to_string()),
                        e.event_date,
                        get(c_notes)
                    ));
                }
                s.types.push((
                    gold_type.to_lowercase(),
                    e.event_type.as_str().to_lowercase(),
                ));
                s.sub_types.push((
                    gold_sub.to_lowercase(),
                    e.sub_event_type.as_str().to_lowercase(),
                ));
            }
            None => {
                s.misses.push(format!(
                    "miss\trow {}\t{gold}\tgot no event\t{}",
                    s.rows,
                    get(c_notes)
                ));
                s.types.push((gold_type.to_lowercase(), "-".into()));
                s.sub_types.push((gold_sub.to_lowercase(), "-".into()));
            }
        }
    }
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_names() {
        assert_eq!(
            parse_date("31 December 2020"),
            NaiveDate::from_ymd_opt(2020, 12, 31)
        );
        assert_eq!(
            parse_date("2020-12-31"),
            NaiveDate::from_ymd_opt(2020, 12, 31)
        );
        assert_eq!(parse_date("12/31/2020"), None);
        assert!(same_name("Ménaka", "Menaka"));
        assert!(same_name("N’Djaména", "N'Djamena"));
        assert!(!same_name("Gao", "Mopti"));
        assert!(same_admin_name("Nord-Kivu", "North Kivu"));
        assert!(same_admin_name("Nord-Ouest", "North-West"));
        assert!(same_admin_name("Banadir", "Banaadir"));
        assert!(!same_admin_name("Nord", "Sud"));
        assert_eq!(
            without_years("Military Forces of Mali (2021-)"),
            "Military Forces of Mali"
        );
        assert_eq!(
            without_years("Police Forces of Colombia (2018-2022)"),
            "Police Forces of Colombia"
        );
        assert_eq!(
            without_years("Unidentified Armed Group (Mali)"),
            "Unidentified Armed Group (Mali)"
        );
        assert!(!same_admin_name("Kidal", "Kayes"));
        assert!(same_admin_name("Northern Darfur", "North Darfur"));
        assert!(same_admin_name("Nabatieh", "El Nabatieh"));
        assert!(!same_admin_name("Nabatieh", "El Bekaa"));
        // Another name of the same unit in the gazetteer.
        assert!(same_admin_name("Chittagong", "Chattogram"));
        assert!(!same_admin_name("Chittagong", "Dhaka"));
        let pairs = vec![("a".to_string(), "a".to_string()), ("b".into(), "a".into())];
        // a: tp1 fp1 -> 0.667; b: fn1 -> 0.
        assert!((macro_f1(&pairs) - 1.0 / 3.0).abs() < 1e-9);
    }
}
