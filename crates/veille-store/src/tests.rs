use super::*;
use veille_core::{Article, Location, SubEventType};

fn output(text: &str, events: Vec<Event>) -> ExtractOutput {
    ExtractOutput {
        article: Article {
            id: format!("hash-{text}"),
            url: Some(format!("https://example.org/{}", text.len())),
            title: Some(text.into()),
            outlet: Some(format!("Outlet {}", text.len())),
            publication_date: "2025-04-16".parse().ok(),
            publication_date_source: None,
            language: "en".into(),
            text: text.into(),
            removed_noise: vec![],
        },
        events,
        places: vec![],
        warnings: vec![],
    }
}

fn event(id: &str, date: &str, fatalities: u64) -> Event {
    Event {
        id: id.into(),
        event_type: SubEventType::ArmedClash.event_type(),
        sub_event_type: SubEventType::ArmedClash,
        event_date: date.parse().unwrap(),
        time_precision: 1,
        date_text: "on Monday".into(),
        location: Some(Location {
            name: "Djibo".into(),
            country: "Burkina Faso".into(),
            country_code: "BF".into(),
            admin1: Some("Sahel".into()),
            latitude: Some(14.1),
            longitude: Some(-1.63),
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
        notes: String::new(),
        evidence: vec![],
    }
}

#[test]
fn same_article_twice_adds_nothing() {
    let mut s = Store::open_in_memory().unwrap();
    let out = output(
        "Gunmen attacked Djibo on Monday.",
        vec![event("e1", "2025-04-14", 12)],
    );
    let first = s.ingest(&out, "a.html").unwrap();
    assert_eq!(
        first,
        IngestOutcome {
            new_article: true,
            events_new: 1,
            events_merged: 0
        }
    );
    let again = s.ingest(&out, "a-copy.html").unwrap();
    assert!(!again.new_article);
    assert_eq!(s.summary().unwrap().events, 1);
    assert_eq!(s.summary().unwrap().articles, 1);
}

#[test]
fn two_outlets_one_incident() {
    let mut s = Store::open_in_memory().unwrap();
    s.ingest(
        &output(
            "First outlet's report.",
            vec![event("e1", "2025-04-14", 12)],
        ),
        "a",
    )
    .unwrap();
    let o = s
        .ingest(
            &output(
                "Second, longer outlet report.",
                vec![event("e2", "2025-04-14", 14)],
            ),
            "b",
        )
        .unwrap();
    assert_eq!((o.events_new, o.events_merged), (0, 1));
    let events = s.events(&EventFilter::default()).unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].sources.len(), 2);
    assert_eq!(events[0].outlets, 2);
    assert_eq!(events[0].event.fatalities, Some(14));
    let (_, articles) = s.event("e1").unwrap().unwrap();
    assert!(
        articles[1].reason.starts_with("merged: "),
        "{}",
        articles[1].reason
    );
    // A different week is a different incident.
    s.ingest(
        &output("A third report, later.", vec![event("e3", "2025-04-24", 3)]),
        "c",
    )
    .unwrap();
    assert_eq!(s.events(&EventFilter::default()).unwrap().len(), 2);
}

#[test]
fn failures_are_recorded_and_files_reopen() {
    let dir = std::env::temp_dir().join(format!("veille-store-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("t.db");
    {
        let mut s = Store::open(&path).unwrap();
        s.record_failure("broken.html", "no article text").unwrap();
    }
    let s = Store::open(&path).unwrap();
    assert_eq!(
        s.failures().unwrap(),
        vec![("broken.html".to_string(), "no article text".to_string())]
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn changes_cursor_filters_events() {
    let mut s = Store::open_in_memory().unwrap();
    assert_eq!(s.last_cursor().unwrap(), 0);
    s.ingest(
        &output("One report.", vec![event("e1", "2025-04-14", 2)]),
        "a",
    )
    .unwrap();
    let cursor = s.last_cursor().unwrap();
    assert!(cursor > 0);
    let since = |s: &Store, c| {
        s.events(&EventFilter {
            since: Some(c),
            ..Default::default()
        })
        .unwrap()
        .len()
    };
    assert_eq!(since(&s, 0), 1);
    assert_eq!(since(&s, cursor), 0);
    s.ingest(
        &output(
            "Another, a month later.",
            vec![event("e2", "2025-05-20", 1)],
        ),
        "b",
    )
    .unwrap();
    assert_eq!(since(&s, cursor), 1);
    assert!(s.last_cursor().unwrap() > cursor);
}

#[test]
fn feed_state_and_items() {
    let mut s = Store::open_in_memory().unwrap();
    let feed = "https://wire.example/rss";
    assert_eq!(s.feed_state(feed).unwrap(), FeedState::default());
    s.record_poll(
        feed,
        Some("\"v1\""),
        Some("Tue, 15 Apr 2025 08:00:00 GMT"),
        None,
    )
    .unwrap();
    // A 304 keeps the validators; an error is remembered.
    s.record_poll(feed, None, None, Some("HTTP 500")).unwrap();
    let st = s.feed_state(feed).unwrap();
    assert_eq!(st.etag.as_deref(), Some("\"v1\""));
    assert_eq!(st.last_error.as_deref(), Some("HTTP 500"));
    assert!(!s.item_seen(feed, "a-1").unwrap());
    s.record_item(feed, "a-1", Some("https://wire.example/a"), "ingested")
        .unwrap();
    assert!(s.item_seen(feed, "a-1").unwrap());
    assert!(!s.item_seen("https://other.example/rss", "a-1").unwrap());
}
