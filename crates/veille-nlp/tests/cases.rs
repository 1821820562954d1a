//! Table-driven cases for dates and quantities, English and French
//! (`tests/cases/*.tsv`; the conventions are in each file's header and in
//! the crate documentation). Every failing row is listed before the test fails.

use chrono::NaiveDate;
use veille_core::{DateKind, Granularity, QuantityKind};

fn rows(file: &str) -> Vec<(usize, Vec<String>)> {
    file.lines()
        .enumerate()
        .skip(1)
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| (i + 1, l.split('\t').map(|f| f.trim().to_string()).collect()))
        .collect()
}

fn kind_name(k: DateKind) -> &'static str {
    match k {
        DateKind::Date => "date",
        DateKind::Year => "year",
        DateKind::Duration => "duration",
        DateKind::Age => "age",
    }
}

fn granularity_name(g: Option<Granularity>) -> &'static str {
    match g {
        Some(Granularity::Day) => "day",
        Some(Granularity::Week) => "week",
        Some(Granularity::Month) => "month",
        Some(Granularity::Year) => "year",
        None => "",
    }
}

#[test]
fn date_cases() {
    let file = include_str!("cases/dates.tsv");
    let mut failures = Vec::new();
    let mut count = 0;
    for (line, f) in rows(file) {
        count += 1;
        let [pub_date, text, expr, kind, value, end_value, precision] = &f[..] else {
            failures.push(format!("line {line}: expected 7 columns, got {}", f.len()));
            continue;
        };
        let pd: NaiveDate = pub_date
            .parse()
            .unwrap_or_else(|_| panic!("line {line}: bad pub_date {pub_date}"));
        let found = veille_nlp::find_dates(text, Some(pd));
        if expr == "-" {
            if !found.is_empty() {
                let got: Vec<&str> = found.iter().map(|d| d.span.of(text)).collect();
                failures.push(format!(
                    "line {line}: expected no date in {text:?}, found {got:?}"
                ));
            }
            continue;
        }
        let Some(m) = found.iter().find(|d| d.span.of(text) == expr) else {
            let got: Vec<&str> = found.iter().map(|d| d.span.of(text)).collect();
            failures.push(format!(
                "line {line}: {expr:?} not found in {text:?} (found {got:?})"
            ));
            continue;
        };
        let got = (
            kind_name(m.kind),
            m.start.map(|d| d.to_string()).unwrap_or_default(),
            m.end.map(|d| d.to_string()).unwrap_or_default(),
            granularity_name(m.granularity),
        );
        let want = (
            kind.as_str(),
            value.clone(),
            end_value.clone(),
            precision.as_str(),
        );
        let want = if matches!(want.0, "duration" | "age") {
            (want.0, String::new(), String::new(), "")
        } else {
            want
        };
        let got = if matches!(got.0, "duration" | "age") {
            (got.0, String::new(), String::new(), "")
        } else {
            got
        };
        if got != want {
            failures.push(format!(
                "line {line}: {expr:?} (pub {pub_date}) in {text:?}: got {got:?}, want {want:?}"
            ));
        }
    }
    assert!(count >= 150, "only {count} date cases");
    assert!(
        failures.is_empty(),
        "{} of {count} date cases fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn quantity_cases() {
    let file = include_str!("cases/quantities.tsv");
    let mut failures = Vec::new();
    let mut count = 0;
    for (line, f) in rows(file) {
        count += 1;
        let mut f = f.clone();
        f.resize(7, String::new());
        let [text, expr, kind, value, low, high, unit] = &f[..] else {
            unreachable!()
        };
        let found = veille_nlp::find_quantities(text);
        let Some(q) = found.iter().find(|q| q.span.of(text) == expr) else {
            let got: Vec<&str> = found.iter().map(|q| q.span.of(text)).collect();
            failures.push(format!(
                "line {line}: {expr:?} not found in {text:?} (found {got:?})"
            ));
            continue;
        };
        let k = match q.kind {
            QuantityKind::Count => "count",
            QuantityKind::Age => "age",
            QuantityKind::Money => "money",
            QuantityKind::Other => "other",
        };
        let opt = |x: Option<u64>| x.map(|v| v.to_string()).unwrap_or_default();
        let got = (
            k,
            q.value.to_string(),
            opt(q.low),
            opt(q.high),
            q.unit.clone().unwrap_or_default(),
        );
        let want = (
            kind.as_str(),
            value.clone(),
            low.clone(),
            high.clone(),
            unit.clone(),
        );
        if got != want {
            failures.push(format!(
                "line {line}: {expr:?} in {text:?}: got {got:?}, want {want:?}"
            ));
        }
    }
    assert!(count >= 150, "only {count} quantity cases");
    assert!(
        failures.is_empty(),
        "{} of {count} quantity cases fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
