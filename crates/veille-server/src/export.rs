//! Export formats: ACLED-style CSV, GeoJSON, JSON lines, and Parquet (the
//! CSV's columns, typed) when built with the `parquet` feature.

use serde_json::json;
use std::io::Write;
use std::str::FromStr;
use veille_store::StoredEvent;

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Geojson,
    Jsonl,
    Parquet,
}

impl FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.to_ascii_lowercase().as_str() {
            "csv" => Ok(Format::Csv),
            "geojson" => Ok(Format::Geojson),
            "jsonl" => Ok(Format::Jsonl),
            "parquet" if cfg!(feature = "parquet") => Ok(Format::Parquet),
            "parquet" => Err(
                "this veille was built without Parquet support (cargo build --release --features parquet)"
                    .into(),
            ),
            other => Err(format!(
                "unknown format {other:?} (csv, geojson, jsonl{})",
                if cfg!(feature = "parquet") { " or parquet" } else { "" }
            )),
        }
    }
}

impl Format {
    pub fn extension(&self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Geojson => "geojson",
            Format::Jsonl => "jsonl",
            Format::Parquet => "parquet",
        }
    }

    pub fn content_type(&self) -> &'static str {
        match self {
            Format::Csv => "text/csv; charset=utf-8",
            Format::Geojson => "application/geo+json",
            Format::Jsonl => "application/x-ndjson",
            Format::Parquet => "application/vnd.apache.parquet",
        }
    }
}

/// ACLED's published columns, in ACLED's order, then veille's own (sources, evidence, id, casualties, PLOVER and CAMEO codes from data/taxonomy.tsv).
pub const CSV_COLUMNS: &[&str] = &[
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
    "sources_count",
    "outlets_count",
    "evidence",
    "veille_id",
    "injured",
    "abducted",
    "aggregate",
    "plover",
    "cameo_root",
];

/// Writes events in a format.
pub fn write(format: Format, events: &[StoredEvent], out: &mut dyn Write) -> std::io::Result<()> {
    match format {
        Format::Jsonl => {
            for e in events {
                serde_json::to_writer(&mut *out, e)?;
                out.write_all(b"\n")?;
            }
            Ok(())
        }
        Format::Geojson => {
            let features: Vec<serde_json::Value> = events
                .iter()
                .map(|e| {
                    let l = e.event.location.as_ref();
                    let geometry = match (l.and_then(|l| l.longitude), l.and_then(|l| l.latitude)) {
                        (Some(x), Some(y)) => json!({ "type": "Point", "coordinates": [x, y] }),
                        _ => serde_json::Value::Null,
                    };
                    json!({ "type": "Feature", "id": e.event.id, "geometry": geometry, "properties": e })
                })
                .collect();
            serde_json::to_writer_pretty(
                &mut *out,
                &json!({ "type": "FeatureCollection", "features": features }),
            )?;
            out.write_all(b"\n")
        }
        Format::Csv => write_csv(events, out),
        #[cfg(feature = "parquet")]
        Format::Parquet => crate::parquet::write(events, out),
        #[cfg(not(feature = "parquet"))]
        Format::Parquet => Err(std::io::Error::other(
            "this veille was built without Parquet support",
        )),
    }
}

fn write_csv(events: &[StoredEvent], out: &mut dyn Write) -> std::io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(CSV_COLUMNS)?;
    let timestamp = chrono::Utc::now().timestamp().to_string();
    for s in events {
        w.write_record(row(s, &timestamp))?;
    }
    w.flush()
}

/// ISO 3166-1 numeric code (ACLED's `iso`) and ACLED region of a country,
/// from `data/gazetteer/regions.tsv`.
fn region_of(iso2: &str) -> Option<(Option<u16>, &'static str)> {
    static TABLE: std::sync::OnceLock<
        std::collections::HashMap<&'static str, (Option<u16>, &'static str)>,
    > = std::sync::OnceLock::new();
    TABLE
        .get_or_init(|| {
            include_str!("../../../data/gazetteer/regions.tsv")
                .lines()
                .filter(|l| !l.starts_with('#') && !l.starts_with("iso2\t"))
                .filter_map(|l| {
                    let mut f = l.split('\t');
                    let (iso2, numeric, region) = (f.next()?, f.next()?, f.next()?);
                    Some((iso2, (numeric.parse().ok(), region)))
                })
                .collect()
        })
        .get(iso2)
        .copied()
}

/// One event as the values of [`CSV_COLUMNS`] (empty for unknown).
pub fn row(s: &StoredEvent, timestamp: &str) -> Vec<String> {
    let e = &s.event;
    let l = e.location.clone().unwrap_or_default();
    let actor = |role: &str| e.actors.iter().find(|a| a.role == role);
    let name = |role: &str| actor(role).map(|a| a.name.clone()).unwrap_or_default();
    let inter = |role: &str| actor(role).map(|a| a.inter).unwrap_or(0);
    let (i1, i2) = (inter("actor1"), inter("actor2"));
    // ACLED's numeric interaction: the two inter codes, smaller first
    // (a one-sided event pairs its code with 0).
    let interaction = match (i1, i2) {
        (0, _) => String::new(),
        (a, 0) => format!("{a}0"),
        (a, b) => format!("{}{}", a.min(b), a.max(b)),
    };
    let opt = |v: Option<f64>| v.map(|x| x.to_string()).unwrap_or_default();
    let outlets: Vec<String> = s
        .sources
        .iter()
        .filter_map(|x| x.outlet.clone().or(x.url.clone()))
        .collect();
    let evidence: Vec<String> = e
        .evidence
        .iter()
        .map(|v| format!("{}@{}-{}", v.field, v.start, v.end))
        .collect();
    vec![
        format!("{}-{}", l.country_code, e.id),
        e.event_date.to_string(),
        e.event_date.format("%Y").to_string(),
        e.time_precision.to_string(),
        e.event_type.disorder_type().to_string(),
        e.event_type.to_string(),
        e.sub_event_type.to_string(),
        name("actor1"),
        name("assoc_actor_1"),
        if i1 == 0 {
            String::new()
        } else {
            i1.to_string()
        },
        name("actor2"),
        name("assoc_actor_2"),
        if i2 == 0 {
            String::new()
        } else {
            i2.to_string()
        },
        interaction,
        if i2 == 7 {
            "Civilian targeting".into()
        } else {
            String::new()
        },
        region_of(&l.country_code)
            .and_then(|r| r.0)
            .map(|n| n.to_string())
            .unwrap_or_default(),
        region_of(&l.country_code)
            .map(|r| r.1.to_string())
            .unwrap_or_default(),
        l.country.clone(),
        l.admin1.clone().unwrap_or_default(),
        l.admin2.clone().unwrap_or_default(),
        l.admin3.clone().unwrap_or_default(),
        l.raw_name
            .clone()
            .map(|r| format!("{} ({r})", l.name))
            .unwrap_or(l.name.clone()),
        opt(l.latitude),
        opt(l.longitude),
        if l.geo_precision == 0 {
            String::new()
        } else {
            l.geo_precision.to_string()
        },
        outlets.join("; "),
        String::new(),
        e.notes.clone(),
        e.fatalities.map(|f| f.to_string()).unwrap_or_default(),
        String::new(),
        timestamp.to_string(),
        s.sources.len().to_string(),
        s.outlets.to_string(),
        evidence.join(" "),
        e.id.clone(),
        e.injured.map(|n| n.to_string()).unwrap_or_default(),
        e.abducted.map(|n| n.to_string()).unwrap_or_default(),
        e.aggregate.to_string(),
        e.sub_event_type.plover_cameo().0.to_string(),
        e.sub_event_type.plover_cameo().1.to_string(),
    ]
}
