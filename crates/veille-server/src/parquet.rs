//! Parquet export: the CSV's columns (ACLED's, then veille's) with types:
//! counts and codes as INT64, coordinates as DOUBLE, `aggregate` as BOOLEAN,
//! the rest as UTF-8 strings; unknown values are nulls. One row group,
//! Snappy-compressed.

use crate::export::{row, CSV_COLUMNS};
use parquet::basic::Compression;
use parquet::data_type::{BoolType, ByteArray, ByteArrayType, DoubleType, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;
use std::io::Write;
use std::sync::Arc;
use veille_store::StoredEvent;

const INTEGERS: &[&str] = &[
    "year",
    "time_precision",
    "inter1",
    "inter2",
    "interaction",
    "geo_precision",
    "fatalities",
    "timestamp",
    "sources_count",
    "outlets_count",
    "injured",
    "abducted",
];
const FLOATS: &[&str] = &["latitude", "longitude"];
const BOOLEANS: &[&str] = &["aggregate"];

fn schema() -> String {
    let fields: Vec<String> = CSV_COLUMNS
        .iter()
        .map(|c| {
            if INTEGERS.contains(c) {
                format!("OPTIONAL INT64 {c};")
            } else if FLOATS.contains(c) {
                format!("OPTIONAL DOUBLE {c};")
            } else if BOOLEANS.contains(c) {
                format!("OPTIONAL BOOLEAN {c};")
            } else {
                format!("OPTIONAL BYTE_ARRAY {c} (UTF8);")
            }
        })
        .collect();
    format!("message event {{ {} }}", fields.join(" "))
}

fn io(e: parquet::errors::ParquetError) -> std::io::Error {
    std::io::Error::other(e)
}

/// Writes the events as one Parquet file.
pub fn write(events: &[StoredEvent], out: &mut dyn Write) -> std::io::Result<()> {
    let timestamp = chrono::Utc::now().timestamp().to_string();
    let rows: Vec<Vec<String>> = events.iter().map(|e| row(e, &timestamp)).collect();
    let schema = Arc::new(parse_message_type(&schema()).map_err(io)?);
    let props = Arc::new(
        WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .build(),
    );
    let mut buf = Vec::new();
    let mut writer = SerializedFileWriter::new(&mut buf, schema, props).map_err(io)?;
    let mut group = writer.next_row_group().map_err(io)?;
    let mut i = 0;
    while let Some(mut col) = group.next_column().map_err(io)? {
        let name = CSV_COLUMNS[i];
        let cells: Vec<&str> = rows.iter().map(|r| r[i].as_str()).collect();
        let defs: Vec<i16> = cells.iter().map(|c| i16::from(!c.is_empty())).collect();
        let present = cells.iter().filter(|c| !c.is_empty());
        if INTEGERS.contains(&name) {
            let v: Vec<i64> = present.map(|c| c.parse().unwrap_or(0)).collect();
            col.typed::<Int64Type>()
                .write_batch(&v, Some(&defs), None)
                .map_err(io)?;
        } else if FLOATS.contains(&name) {
            let v: Vec<f64> = present.map(|c| c.parse().unwrap_or(f64::NAN)).collect();
            col.typed::<DoubleType>()
                .write_batch(&v, Some(&defs), None)
                .map_err(io)?;
        } else if BOOLEANS.contains(&name) {
            let v: Vec<bool> = present.map(|c| *c == "true").collect();
            col.typed::<BoolType>()
                .write_batch(&v, Some(&defs), None)
                .map_err(io)?;
        } else {
            let v: Vec<ByteArray> = present.map(|c| ByteArray::from(*c)).collect();
            col.typed::<ByteArrayType>()
                .write_batch(&v, Some(&defs), None)
                .map_err(io)?;
        }
        col.close().map_err(io)?;
        i += 1;
    }
    group.close().map_err(io)?;
    writer.close().map_err(io)?;
    out.write_all(&buf)
}

#[cfg(test)]
mod tests {
    use super::*;
    use parquet::file::reader::{FileReader, SerializedFileReader};
    use veille_core::{Event, Location, SubEventType};

    #[test]
    fn parquet_round_trip() {
        let event = Event {
            id: "ev-1".into(),
            event_type: SubEventType::ArmedClash.event_type(),
            sub_event_type: SubEventType::ArmedClash,
            event_date: "2025-04-14".parse().unwrap(),
            time_precision: 1,
            date_text: "on Monday".into(),
            actors: vec![],
            fatalities: Some(12),
            fatalities_text: None,
            fatalities_low: None,
            fatalities_high: None,
            injured: None,
            abducted: None,
            aggregate: false,
            source_attribution: None,
            notes: "Clash at Djibo.".into(),
            evidence: vec![],
            location: Some(Location {
                name: "Djibo".into(),
                country: "Burkina Faso".into(),
                country_code: "BF".into(),
                latitude: Some(14.1),
                longitude: Some(-1.63),
                geo_precision: 1,
                ..Default::default()
            }),
        };
        let events = vec![
            StoredEvent {
                event: event.clone(),
                sources: vec![],
                outlets: 0,
            },
            StoredEvent {
                event: Event {
                    id: "ev-2".into(),
                    fatalities: None,
                    ..event
                },
                sources: vec![],
                outlets: 0,
            },
        ];
        let mut out = Vec::new();
        write(&events, &mut out).unwrap();
        let path =
            std::env::temp_dir().join(format!("veille-parquet-{}.parquet", std::process::id()));
        std::fs::write(&path, &out).unwrap();
        let reader = SerializedFileReader::new(std::fs::File::open(&path).unwrap()).unwrap();
        let meta = reader.metadata();
        assert_eq!(meta.file_metadata().num_rows(), 2);
        let names: Vec<&str> = meta
            .file_metadata()
            .schema_descr()
            .columns()
            .iter()
            .map(|c| c.name())
            .collect();
        assert_eq!(names, CSV_COLUMNS);
        let rows: Vec<String> = reader
            .get_row_iter(None)
            .unwrap()
            .map(|r| r.unwrap().to_string())
            .collect();
        assert!(rows[0].contains("fatalities: 12"), "{}", rows[0]);
        assert!(rows[1].contains("fatalities: null"), "{}", rows[1]);
        assert!(rows[0].contains("latitude: 14.1"), "{}", rows[0]);
        std::fs::remove_file(&path).unwrap();
    }
}
