use super::*;
use veille_core::{Article, Location, SubEventType};

fn output(text: &str, events: Vec<Event>) -> ExtractOutput {
    ExtractOutput {
        article: Article {
            id: format!("hash-{text}"),
            url: Some(format!("https://example.org/{}", text.replace(' ', "-"))),
            title: Some(text.into()),
            outlet: Some(format!("Outlet {}", text.len())),
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
        fatalities_low: None,
        fatalities_high: None,
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
            events_merged: 0,
            replaced: 0
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

fn many(s: &mut Store) {
    // Ten distinct events: dates a week apart, so none merges.
    for i in 0..10u64 {
        let mut e = event(
            &format!("m{i}"),
            &(NaiveDate::from_ymd_opt(2025, 1, 6).unwrap() + chrono::Duration::days(7 * i as i64))
                .to_string(),
            i,
        );
        e.notes = format!("Militants attacked the market of Djibo, report {i}.");
        e.actors = vec![veille_core::Actor {
            name: if i % 2 == 0 {
                "JNIM"
            } else {
                "Military Forces of Burkina Faso"
            }
            .into(),
            role: "actor1".into(),
            inter: 2,
        }];
        s.ingest(&output(&format!("Report number {i}."), vec![e]), "x")
            .unwrap();
    }
}

#[test]
fn pages_with_cursors_and_filters() {
    let mut s = Store::open_in_memory().unwrap();
    many(&mut s);
    let f = EventFilter {
        limit: Some(4),
        ..Default::default()
    };
    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let page = s
            .events_page(&f, SortOrder::DateDesc, cursor.as_deref())
            .unwrap();
        seen.extend(page.events.iter().map(|e| e.event.id.clone()));
        match page.next_cursor {
            Some(c) => cursor = Some(c),
            None => break,
        }
    }
    assert_eq!(
        seen,
        ["m9", "m8", "m7", "m6", "m5", "m4", "m3", "m2", "m1", "m0"]
    );
    let by_fatalities = s
        .events_page(&f, SortOrder::FatalitiesDesc, Some("5.m5"))
        .unwrap();
    let ids: Vec<&str> = by_fatalities
        .events
        .iter()
        .map(|e| e.event.id.as_str())
        .collect();
    assert_eq!(ids, ["m4", "m3", "m2", "m1"]);
    assert!(s
        .events_page(&f, SortOrder::DateAsc, Some("nonsense"))
        .is_err());

    let count = |f: EventFilter| s.count_events(&f).unwrap();
    assert_eq!(
        count(EventFilter {
            actor: Some("jnim".into()),
            ..Default::default()
        }),
        5
    );
    assert_eq!(
        count(EventFilter {
            actor: Some("%".into()),
            ..Default::default()
        }),
        0
    );
    assert_eq!(
        count(EventFilter {
            q: Some("market report 3".into()),
            ..Default::default()
        }),
        1
    );
    assert_eq!(
        count(EventFilter {
            q: Some("\" OR".into()),
            ..Default::default()
        }),
        0
    );
    assert_eq!(
        count(EventFilter {
            q: Some("\"*".into()),
            ..Default::default()
        }),
        10
    );
    assert_eq!(
        count(EventFilter {
            min_fatalities: Some(7),
            ..Default::default()
        }),
        3
    );
    assert_eq!(
        count(EventFilter {
            bbox: Some([-2.0, 14.0, -1.0, 15.0]),
            ..Default::default()
        }),
        10
    );
    assert_eq!(
        count(EventFilter {
            bbox: Some([0.0, 14.0, 1.0, 15.0]),
            ..Default::default()
        }),
        0
    );
    assert_eq!(
        count(EventFilter {
            sub_event_type: Some("Armed clash".into()),
            ..Default::default()
        }),
        10
    );
    assert_eq!(
        count(EventFilter {
            admin2: Some("Soum".into()),
            ..Default::default()
        }),
        0
    );
}

#[test]
fn the_json_page_reads_as_the_serialized_page() {
    let mut s = Store::open_in_memory().unwrap();
    many(&mut s);
    // A merged event (two outlets, one article with no outlet and a title
    // that needs escaping), so that sources and outlets are not trivial.
    s.ingest(
        &output("First report.", vec![event("j1", "2025-04-14", 2)]),
        "a",
    )
    .unwrap();
    let mut second = output(
        "A \"quoted\" report from Ménaka\\.",
        vec![event("j2", "2025-04-14", 3)],
    );
    second.article.outlet = None;
    let merged = s.ingest(&second, "b").unwrap();
    assert_eq!(merged.events_merged, 1);
    for sort in [
        SortOrder::DateDesc,
        SortOrder::DateAsc,
        SortOrder::FatalitiesDesc,
    ] {
        for limit in [Some(3), Some(100), None] {
            let f = EventFilter {
                limit,
                ..Default::default()
            };
            let mut cursor: Option<String> = None;
            let mut pages = 0;
            loop {
                let page = s.events_page(&f, sort, cursor.as_deref()).unwrap();
                let json = s.events_page_json(&f, sort, cursor.as_deref()).unwrap();
                let read: serde_json::Value = serde_json::from_str(&json).unwrap();
                assert_eq!(
                    read,
                    serde_json::to_value(&page).unwrap(),
                    "{sort:?} {limit:?} {cursor:?}"
                );
                pages += 1;
                match page.next_cursor {
                    Some(c) => cursor = Some(c),
                    None => break,
                }
            }
            assert_eq!(pages, if limit == Some(3) { 4 } else { 1 });
        }
    }
    let all = s
        .events_page(&EventFilter::default(), SortOrder::DateDesc, None)
        .unwrap();
    let j1 = all.events.iter().find(|e| e.event.id == "j1").unwrap();
    assert_eq!((j1.sources.len(), j1.outlets), (2, 2));
}

#[test]
fn timeseries_clusters_changes_and_articles() {
    let mut s = Store::open_in_memory().unwrap();
    many(&mut s);
    let f = EventFilter::default();
    let weekly = s.timeseries(&f, "week", "type").unwrap();
    assert_eq!(weekly.len(), 1);
    assert_eq!(weekly[0].key, "Battles");
    assert_eq!(weekly[0].points.len(), 10);
    assert_eq!(weekly[0].points[0].period, "2025-01-06");
    let monthly = s.timeseries(&f, "month", "admin1").unwrap();
    assert_eq!(monthly[0].key, "Sahel");
    assert_eq!(monthly[0].points[0].period, "2025-01-01");
    assert_eq!(monthly[0].points.iter().map(|p| p.count).sum::<u64>(), 10);
    assert!(s.timeseries(&f, "year", "type").is_err());
    let clusters = s.clusters(&f, 3).unwrap();
    assert_eq!(clusters.len(), 1);
    assert_eq!(clusters[0].count, 10);
    assert_eq!(clusters[0].fatalities, 45);
    let changes = s.changes(0, 3).unwrap();
    assert_eq!(changes.len(), 3);
    assert_eq!(changes[0].kind, "insert");
    assert!(changes[1].cursor > changes[0].cursor);
    let a = s.article("hash-Report number 3.").unwrap().unwrap();
    assert_eq!(a.events, ["m3"]);
    assert!(s.article("nope").unwrap().is_none());
}

#[test]
fn alerts_on_a_rise() {
    let mut s = Store::open_in_memory().unwrap();
    // A quiet baseline: one event in the 90 days before; then four in a week.
    let mut add = |id: &str, date: &str, place: (&str, f64)| {
        let mut e = event(id, date, 1);
        let l = e.location.as_mut().unwrap();
        l.name = place.0.into();
        l.latitude = Some(place.1);
        l.admin2 = Some("Soum".into());
        s.ingest(&output(&format!("Report {id}."), vec![e]), "x")
            .unwrap();
    };
    add("b1", "2025-02-01", ("Arbinda", 13.0));
    for (i, d) in ["2025-04-14", "2025-04-15", "2025-04-16", "2025-04-18"]
        .iter()
        .enumerate()
    {
        add(
            &format!("r{i}"),
            d,
            (
                ["Djibo", "Arbinda", "Baraboulé", "Tongomayel"][i],
                13.0 + i as f64,
            ),
        );
    }
    let a = s.alerts(None).unwrap();
    assert_eq!(a.as_of.unwrap().to_string(), "2025-04-18");
    assert_eq!(a.alerts.len(), 2, "{:#?}", a.alerts);
    let whole = a.alerts.iter().find(|x| x.admin2.is_none()).unwrap();
    assert_eq!(
        (whole.admin1.as_str(), whole.last7, whole.baseline90),
        ("Sahel", 4, 1)
    );
    assert_eq!(whole.level, "high");
    // A month later nothing is rising.
    assert!(s
        .alerts("2025-05-30".parse().ok())
        .unwrap()
        .alerts
        .is_empty());
}

#[test]
fn version_2_databases_are_migrated_with_their_events_indexed() {
    let conn = rusqlite::Connection::open_in_memory().unwrap();
    for m in &MIGRATIONS[..2] {
        conn.execute_batch(m).unwrap();
    }
    conn.pragma_update(None, "user_version", 2).unwrap();
    let e = event("old", "2025-04-14", 3);
    conn.execute(
        "INSERT INTO events (id, event_type, sub_event_type, event_date, time_precision, country_code, country, admin1, fatalities, json, created_at, updated_at)
         VALUES ('old', 'Battles', 'Armed clash', '2025-04-14', 1, 'BF', 'Burkina Faso', 'Sahel', 3, ?1, 'x', 'x')",
        [serde_json::to_string(&e).unwrap()],
    )
    .unwrap();
    let s = Store::init(conn, ":memory:").unwrap();
    let f = EventFilter {
        bbox: Some([-2.0, 14.0, -1.0, 15.0]),
        q: Some("Djibo".into()),
        ..Default::default()
    };
    assert_eq!(s.count_events(&f).unwrap(), 1);
}

fn at_url(mut o: ExtractOutput, url: &str) -> ExtractOutput {
    o.article.url = Some(url.into());
    o
}

#[test]
fn a_new_version_of_a_page_replaces_its_events() {
    let mut s = Store::open_in_memory().unwrap();
    let url = "https://news.example/djibo";
    s.ingest(
        &at_url(
            output("Djibo: 12 killed.", vec![event("v1", "2025-04-14", 12)]),
            url,
        ),
        "a",
    )
    .unwrap();
    // Another outlet on the same incident, and an unrelated event of the page.
    s.ingest(
        &output(
            "Other outlet: 13 killed in Djibo.",
            vec![event("x1", "2025-04-14", 13)],
        ),
        "b",
    )
    .unwrap();
    let cursor = s.last_cursor().unwrap();
    // The corrected page: the toll revised to 15.
    let o = s
        .ingest(
            &at_url(
                output(
                    "Djibo: 15 killed (updated).",
                    vec![event("v2", "2025-04-14", 15)],
                ),
                url,
            ),
            "a2",
        )
        .unwrap();
    assert_eq!((o.replaced, o.events_merged), (1, 1));
    let events = s.events(&EventFilter::default()).unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].event.id, "v1", "the incident keeps its id");
    assert_eq!(events[0].event.fatalities, Some(15));
    assert_eq!(events[0].sources.len(), 2, "{:?}", events[0].sources);
    assert!(!s.has_article("hash-Djibo: 12 killed.").unwrap());
    // One search row per event, after rewrites too.
    let search = |s: &Store, q: &str| {
        s.count_events(&EventFilter {
            q: Some(q.into()),
            ..Default::default()
        })
        .unwrap()
    };
    assert_eq!(search(&s, "Djibo"), 1);
    let kinds: Vec<String> = s
        .changes(cursor, 100)
        .unwrap()
        .into_iter()
        .map(|c| c.kind)
        .collect();
    assert!(
        kinds.contains(&"update".to_string()) && kinds.contains(&"merge".to_string()),
        "{kinds:?}"
    );

    // A page corrected so that its event is gone: the event is deleted.
    let mut t = Store::open_in_memory().unwrap();
    t.ingest(
        &at_url(output("Page one.", vec![event("p1", "2025-04-14", 2)]), url),
        "a",
    )
    .unwrap();
    let c = t.last_cursor().unwrap();
    t.ingest(&at_url(output("Page one, retracted.", vec![]), url), "a2")
        .unwrap();
    assert!(t.events(&EventFilter::default()).unwrap().is_empty());
    assert_eq!(search(&t, "Djibo"), 0);
    assert_eq!(t.changes(c, 10).unwrap()[0].kind, "delete");
}

#[test]
fn reprocess_keeps_ids_of_the_same_incidents() {
    let mut s = Store::open_in_memory().unwrap();
    s.ingest(
        &output("Report A.", vec![event("a1", "2025-04-14", 4)]),
        "a",
    )
    .unwrap();
    s.ingest(
        &output("Report B.", vec![event("b1", "2025-06-01", 2)]),
        "b",
    )
    .unwrap();
    // New rules: A's event gets a new id and toll; B's event is no event any more.
    let r = s
        .reprocess(|a| {
            let events = if a.text == "Report A." {
                vec![event("a1-new", "2025-04-14", 5)]
            } else {
                vec![]
            };
            Ok(output(&a.text, events))
        })
        .unwrap();
    assert_eq!(r.articles, 2);
    assert_eq!((r.events_before, r.events_after), (2, 1));
    assert_eq!(r.events_deleted, 1);
    let events = s.events(&EventFilter::default()).unwrap();
    assert_eq!(events[0].event.id, "a1");
    assert_eq!(events[0].event.fatalities, Some(5));
    assert_eq!(events[0].sources.len(), 1);
}

#[test]
fn a_batch_commits_once_and_a_failing_article_is_rolled_back_alone() {
    let dir = std::env::temp_dir().join(format!("veille-batch-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("t.db");
    let first = output("Gunmen attacked Djibo.", vec![event("e1", "2025-04-14", 3)]);
    // Its second event cannot be written (a trigger refuses it) after the
    // article and the first event were.
    let broken = output(
        "Clashes in Gao and Kidal.",
        vec![event("e2", "2025-03-01", 1), event("e2b", "2025-12-20", 2)],
    );
    let last = output(
        "Soldiers killed in Menaka.",
        vec![event("e3", "2025-06-02", 4)],
    );
    {
        let mut s = Store::open(&path).unwrap();
        s.conn
            .execute_batch(
                "CREATE TEMP TRIGGER refuse BEFORE INSERT ON events WHEN NEW.id = 'e2b'
                 BEGIN SELECT RAISE(ABORT, 'refused'); END",
            )
            .unwrap();
        s.begin_batch().unwrap();
        assert!(s.ingest(&first, "a.html").unwrap().new_article);
        assert!(s.ingest(&broken, "b.html").is_err());
        s.commit_batch().unwrap();
        // A batch never committed (the process died) leaves nothing.
        s.begin_batch().unwrap();
        assert!(s.ingest(&last, "c.html").unwrap().new_article);
    }
    let s = Store::open(&path).unwrap();
    let summary = s.summary().unwrap();
    assert_eq!((summary.articles, summary.events), (1, 1));
    assert!(!s.has_article(&broken.article.id).unwrap());
    std::fs::remove_dir_all(&dir).unwrap();
}
