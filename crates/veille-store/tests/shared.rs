//! One suite, both stores: SQLite always; PostgreSQL when VEILLE_TEST_PG
//! names a database (`.ci/run` starts one; locally the PostgreSQL half skips
//! with the reason). Each PostgreSQL test works in a schema of its own.

use veille_core::{Article, Event, ExtractOutput, Location, SubEventType};
use veille_store::{AnyStore, EventFilter};

fn output(text: &str, outlet: &str, events: Vec<Event>) -> ExtractOutput {
    ExtractOutput {
        article: Article {
            id: format!("hash-{text}"),
            url: Some(format!("https://example.org/{}", text.replace(' ', "-"))),
            title: Some(text.into()),
            outlet: Some(outlet.into()),
            publication_date: "2025-04-16".parse().ok(),
            publication_date_source: None,
            language: "en".into(),
            text: text.into(),
            removed_noise: vec![],
            authors: vec![],
            metadata_sources: Default::default(),
        },
        events,
        places: vec![],
        warnings: vec![],
    }
}

fn event(id: &str, date: &str, fatalities: u64, place: (&str, f64, f64)) -> Event {
    Event {
        id: id.into(),
        event_type: SubEventType::ArmedClash.event_type(),
        sub_event_type: SubEventType::ArmedClash,
        event_date: date.parse().unwrap(),
        time_precision: 1,
        date_text: "on Monday".into(),
        location: Some(Location {
            name: place.0.into(),
            country: "Burkina Faso".into(),
            country_code: "BF".into(),
            admin1: Some("Sahel".into()),
            latitude: Some(place.1),
            longitude: Some(place.2),
            geo_precision: 1,
            ..Default::default()
        }),
        actors: vec![],
        fatalities: Some(fatalities),
        fatalities_text: None,
        injured: None,
        abducted: None,
        aggregate: false,
        source_attribution: None,
        notes: format!("Clash at {}.", place.0),
        evidence: vec![],
    }
}

const DJIBO: (&str, f64, f64) = ("Djibo", 14.1, -1.63);
const DORI: (&str, f64, f64) = ("Dori", 14.03, -0.03);

/// A PostgreSQL URL whose connections use a fresh schema, if configured.
pub fn pg_url(name: &str) -> Option<String> {
    let Ok(base) = std::env::var("VEILLE_TEST_PG") else {
        eprintln!("skipped the PostgreSQL half: VEILLE_TEST_PG is not set (.ci/run sets it)");
        return None;
    };
    let schema = format!("veille_t_{name}_{}", std::process::id());
    Some(veille_store::PgStore::fresh_schema(&base, &schema).expect("schema in VEILLE_TEST_PG"))
}

fn stores(name: &str) -> Vec<(String, AnyStore)> {
    let dir = std::env::temp_dir().join(format!("veille-shared-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mut out = vec![(
        "sqlite".to_string(),
        AnyStore::open(dir.join("t.db").to_str().unwrap()).unwrap(),
    )];
    if let Some(url) = pg_url(name) {
        out.push(("postgres".into(), AnyStore::open(&url).unwrap()));
    }
    out
}

#[test]
fn same_article_twice_adds_nothing() {
    for (kind, mut s) in stores("twice") {
        let out = output(
            "Gunmen attacked Djibo.",
            "A",
            vec![event("e1", "2025-04-14", 12, DJIBO)],
        );
        let first = s.ingest(&out, "a.html").unwrap();
        assert!(first.new_article && first.events_new == 1, "{kind}");
        let again = s.ingest(&out, "copy.html").unwrap();
        assert!(!again.new_article && again.events_new == 0, "{kind}");
        assert!(
            s.has_article("hash-Gunmen attacked Djibo.").unwrap(),
            "{kind}"
        );
        let sum = s.summary().unwrap();
        assert_eq!(
            (sum.articles, sum.events, sum.fatalities),
            (1, 1, 12),
            "{kind}"
        );
    }
}

#[test]
fn reports_of_one_incident_merge_and_others_stay_apart() {
    for (kind, mut s) in stores("merge") {
        s.ingest(
            &output("First.", "A", vec![event("e1", "2025-04-14", 12, DJIBO)]),
            "a",
        )
        .unwrap();
        let o = s
            .ingest(
                &output(
                    "Second, other words.",
                    "B",
                    vec![event("e2", "2025-04-14", 14, DJIBO)],
                ),
                "b",
            )
            .unwrap();
        assert_eq!((o.events_new, o.events_merged), (0, 1), "{kind}");
        // Same day, 150 km away: another incident.
        let o = s
            .ingest(
                &output(
                    "Third, in Dori.",
                    "C",
                    vec![event("e3", "2025-04-14", 3, DORI)],
                ),
                "c",
            )
            .unwrap();
        assert_eq!((o.events_new, o.events_merged), (1, 0), "{kind}");
        let events = s.events(&EventFilter::default()).unwrap();
        assert_eq!(events.len(), 2, "{kind}");
        let djibo = events.iter().find(|e| e.event.id == "e1").unwrap();
        assert_eq!((djibo.sources.len(), djibo.outlets), (2, 2), "{kind}");
        assert_eq!(djibo.event.fatalities, Some(14), "{kind}");
        let (_, articles) = s.event("e1").unwrap().unwrap();
        assert!(
            articles.iter().any(|a| a.reason.starts_with("merged: ")),
            "{kind}"
        );
        assert!(s.event("nope").unwrap().is_none());
    }
}

#[test]
fn filters_changes_and_failures() {
    for (kind, mut s) in stores("filters") {
        s.ingest(
            &output("One.", "A", vec![event("e1", "2025-04-14", 2, DJIBO)]),
            "a",
        )
        .unwrap();
        let cursor = s.last_cursor().unwrap();
        assert!(cursor > 0, "{kind}");
        s.ingest(
            &output("Two.", "B", vec![event("e2", "2025-05-20", 7, DORI)]),
            "b",
        )
        .unwrap();
        let count = |s: &mut AnyStore, f: EventFilter| s.events(&f).unwrap().len();
        assert_eq!(
            count(
                &mut s,
                EventFilter {
                    since: Some(cursor),
                    ..Default::default()
                }
            ),
            1,
            "{kind}"
        );
        assert_eq!(
            count(
                &mut s,
                EventFilter {
                    min_fatalities: Some(5),
                    ..Default::default()
                }
            ),
            1,
            "{kind}"
        );
        assert_eq!(
            count(
                &mut s,
                EventFilter {
                    country: Some("BF".into()),
                    ..Default::default()
                }
            ),
            2,
            "{kind}"
        );
        assert_eq!(
            count(
                &mut s,
                EventFilter {
                    date_from: "2025-05-01".parse().ok(),
                    ..Default::default()
                }
            ),
            1,
            "{kind}"
        );
        assert_eq!(
            count(
                &mut s,
                EventFilter {
                    q: Some("dori".into()),
                    ..Default::default()
                }
            ),
            1,
            "{kind}"
        );
        assert_eq!(
            count(
                &mut s,
                EventFilter {
                    bbox: Some([-2.0, 13.5, -1.0, 14.5]),
                    ..Default::default()
                }
            ),
            1,
            "{kind}"
        );
        s.record_failure("broken.html", "no article text").unwrap();
        s.record_failure("broken.html", "no article text").unwrap();
        assert_eq!(
            s.failures().unwrap(),
            vec![("broken.html".to_string(), "no article text".to_string())],
            "{kind}"
        );
    }
}
