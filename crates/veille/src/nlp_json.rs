//! The JSON shape printed by `veille nlp`.

use chrono::NaiveDate;
use serde_json::{json, Value};
use veille_core::{char_offsets, DateKind, Granularity, QuantityKind};

/// `{sentences:[{start,end}], dates:[...], quantities:[...]}` with code-point offsets.
pub fn analysis_json(text: &str, pub_date: Option<NaiveDate>) -> Value {
    let a = veille_nlp::analyze(text, pub_date);
    let sentences: Vec<Value> = a
        .sentences
        .iter()
        .map(|s| {
            let (start, end) = char_offsets(text, s.span);
            json!({ "start": start, "end": end })
        })
        .collect();
    let dates: Vec<Value> = a
        .dates
        .iter()
        .map(|d| {
            let (start, end) = char_offsets(text, d.span);
            json!({
                "text": d.span.of(text),
                "start": start,
                "end": end,
                "value": d.start.map(|x| x.to_string()),
                "end_value": d.end.map(|x| x.to_string()),
                "precision": d.granularity.map(|g| match g {
                    Granularity::Day => "day",
                    Granularity::Week => "week",
                    Granularity::Month => "month",
                    Granularity::Year => "year",
                }),
                "time_precision": d.granularity.map(|g| g.time_precision()),
                "kind": match d.kind {
                    DateKind::Date => "date",
                    DateKind::Year => "year",
                    DateKind::Duration => "duration",
                    DateKind::Age => "age",
                },
            })
        })
        .collect();
    let quantities: Vec<Value> = a
        .quantities
        .iter()
        .map(|q| {
            let (start, end) = char_offsets(text, q.span);
            json!({
                "text": q.span.of(text),
                "start": start,
                "end": end,
                "value": q.value,
                "low": q.low,
                "high": q.high,
                "unit": q.unit,
                "kind": match q.kind {
                    QuantityKind::Count => "count",
                    QuantityKind::Age => "age",
                    QuantityKind::Money => "money",
                    QuantityKind::Other => "other",
                },
            })
        })
        .collect();
    json!({ "sentences": sentences, "dates": dates, "quantities": quantities })
}
