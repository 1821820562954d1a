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
        fatalities_low: None,
        fatalities_high: None,
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

/// A fresh schema to work in (dropped after the test), if configured.
pub fn pg_schema(name: &str) -> Option<veille_store::ScratchSchema> {
    let Ok(base) = std::env::var("VEILLE_TEST_PG") else {
        eprintln!("skipped the PostgreSQL half: VEILLE_TEST_PG is not set (.ci/run sets it)");
        return None;
    };
    let schema = format!("veille_t_{name}_{}", std::process::id());
    Some(veille_store::ScratchSchema::new(&base, &schema).expect("schema in VEILLE_TEST_PG"))
}

/// Each store, with the PostgreSQL schema it works in (dropped with it).
fn stores(name: &str) -> Vec<(String, AnyStore, Option<veille_store::ScratchSchema>)> {
    let dir = std::env::temp_dir().join(format!("veille-shared-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mut out = vec![(
        "sqlite".to_string(),
        AnyStore::open(dir.join("t.db").to_str().unwrap()).unwrap(),
        None,
    )];
    if let Some(schema) = pg_schema(name) {
        let store = AnyStore::open(&schema.url).unwrap();
        out.push(("postgres".into(), store, Some(schema)));
    }
    out
}

#[test]
fn same_article_twice_adds_nothing() {
    for (kind, mut s, _schema) in stores("twice") {
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
    for (kind, mut s, _schema) in stores("merge") {
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
        assert_eq!(
            (djibo.event.fatalities_low, djibo.event.fatalities_high),
            (Some(12), Some(14)),
            "{kind}: the range of the reported tolls"
        );
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
    for (kind, mut s, _schema) in stores("filters") {
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

fn at_url(mut o: ExtractOutput, url: &str) -> ExtractOutput {
    o.article.url = Some(url.into());
    o
}

fn with_actors(mut e: Event, actors: &[(&str, &str, u8)]) -> Event {
    e.actors = actors
        .iter()
        .map(|(name, role, inter)| veille_core::Actor {
            name: name.to_string(),
            role: role.to_string(),
            inter: *inter,
        })
        .collect();
    e
}

#[test]
fn a_new_version_of_a_page_replaces_its_events() {
    for (kind, mut s, _schema) in stores("versions") {
        s.ingest(
            &at_url(
                output(
                    "Djibo: 12 killed.",
                    "A",
                    vec![event("v1", "2025-04-14", 12, DJIBO)],
                ),
                "https://news.example/2025/djibo?utm_source=rss",
            ),
            "a",
        )
        .unwrap();
        s.ingest(
            &output(
                "Other outlet: 13 killed in Djibo.",
                "B",
                vec![event("x1", "2025-04-14", 13, DJIBO)],
            ),
            "b",
        )
        .unwrap();
        // The corrected page, at its address without the tracking parameter.
        let o = s
            .ingest(
                &at_url(
                    output(
                        "Djibo: 15 killed (updated).",
                        "A",
                        vec![event("v2", "2025-04-14", 15, DJIBO)],
                    ),
                    "https://www.news.example/2025/djibo/",
                ),
                "a2",
            )
            .unwrap();
        assert_eq!((o.replaced, o.events_merged), (1, 1), "{kind}");
        let events = s.events(&EventFilter::default()).unwrap();
        assert_eq!(events.len(), 1, "{kind}");
        assert_eq!(
            events[0].event.id, "v1",
            "{kind}: the incident keeps its id"
        );
        assert_eq!(events[0].event.fatalities, Some(15), "{kind}");
        assert_eq!(events[0].sources.len(), 2, "{kind}");
        assert!(!s.has_article("hash-Djibo: 12 killed.").unwrap(), "{kind}");
        let new = s.article("hash-Djibo: 15 killed (updated).").unwrap();
        assert_eq!(
            new.unwrap().canonical_url.as_deref(),
            Some("https://news.example/2025/djibo"),
            "{kind}"
        );

        // A page alone on its incident, corrected to no event: with no
        // other source the event goes; a new version of a page with no
        // events (a worker's one-statement path) replaces it too.
        let url = "https://news.example/2025/dori";
        s.ingest(
            &at_url(
                output("Dori page.", "C", vec![event("d1", "2025-05-02", 2, DORI)]),
                url,
            ),
            "c",
        )
        .unwrap();
        let before = s.last_cursor().unwrap();
        let o = s
            .ingest(
                &at_url(output("Dori page, retracted.", "C", vec![]), url),
                "c2",
            )
            .unwrap();
        assert_eq!((o.new_article, o.replaced), (true, 1), "{kind}");
        assert!(s.event("d1").unwrap().is_none(), "{kind}");
        assert!(
            s.last_cursor().unwrap() > before,
            "{kind}: a deletion is a change"
        );
        assert_eq!(s.summary().unwrap().articles, 3, "{kind}");
    }
}

#[test]
fn reprocess_keeps_ids_and_marks_articles_it_could_not_code() {
    for (kind, mut s, _schema) in stores("reprocess") {
        s.ingest(
            &output("Report A.", "A", vec![event("a1", "2025-04-14", 4, DJIBO)]),
            "a",
        )
        .unwrap();
        s.ingest(
            &output("Report B.", "B", vec![event("b1", "2025-06-01", 2, DORI)]),
            "b",
        )
        .unwrap();
        s.ingest(
            &output("Report C.", "C", vec![event("c1", "2025-07-01", 1, DORI)]),
            "c",
        )
        .unwrap();
        // New rules: A's event gets a new id and toll; B's is no event any
        // more; C cannot be coded (its event stays).
        // `c_codes`: whether report C can be coded.
        let rules = |a: &veille_store::StoredArticle, c_codes: bool| match a.text.as_str() {
            "Report A." => Ok(output(
                &a.text,
                "A",
                vec![event("a1-new", "2025-04-14", 5, DJIBO)],
            )),
            "Report B." => Ok(output(&a.text, "B", vec![])),
            _ if c_codes => Ok(output(
                &a.text,
                "C",
                vec![event("c1", "2025-07-01", 1, DORI)],
            )),
            _ => Err("the pipeline failed".to_string()),
        };
        let r = s.reprocess(|a| rules(a, false)).unwrap();
        assert_eq!(r.articles, 3, "{kind}");
        assert_eq!((r.events_before, r.events_after), (3, 2), "{kind}");
        assert_eq!(r.events_deleted, 1, "{kind}");
        assert_eq!(r.failed.len(), 1, "{kind}");
        let a1 = s.event("a1").unwrap().expect("a1 keeps its id").0;
        assert_eq!(a1.event.fatalities, Some(5), "{kind}");
        assert_eq!(a1.sources.len(), 1, "{kind}");
        assert!(s.event("c1").unwrap().is_some(), "{kind}");
        let c = s.article("hash-Report C.").unwrap().unwrap();
        assert_eq!(
            (c.status.as_str(), c.error.as_deref()),
            ("failed", Some("the pipeline failed")),
            "{kind}"
        );
        let a = s.article("hash-Report A.").unwrap().unwrap();
        assert_eq!((a.status.as_str(), a.error), ("coded", None), "{kind}");
        assert_eq!(a.events, vec!["a1".to_string()], "{kind}");
        // The same rules again: nothing changes, and the changes feed says
        // nothing (it said "update" for every re-coded event).
        let cursor = s.last_cursor().unwrap();
        let again = s.reprocess(|a| rules(a, true)).unwrap();
        assert_eq!(
            (
                again.events_inserted,
                again.events_updated,
                again.events_deleted
            ),
            (0, 0, 0),
            "{kind}"
        );
        assert_eq!(s.last_cursor().unwrap(), cursor, "{kind}");
    }
}

#[test]
fn actors_places_and_article_metadata_are_stored() {
    for (kind, mut s, _schema) in stores("catalogue") {
        let mut o = output(
            "Jihadists attacked soldiers near Djibo.",
            "A",
            vec![
                with_actors(
                    event("e1", "2025-04-14", 12, DJIBO),
                    &[
                        ("JNIM: Group for Support of Islam and Muslims", "actor1", 2),
                        ("Military Forces of Burkina Faso (2022-)", "actor2", 1),
                    ],
                ),
                with_actors(
                    event("e2", "2025-05-20", 3, DORI),
                    &[("JNIM: Group for Support of Islam and Muslims", "actor1", 2)],
                ),
            ],
        );
        o.article.authors = vec!["A. Reporter".into()];
        o.article
            .metadata_sources
            .insert("authors".into(), "json-ld:author".into());
        s.ingest(&o, "a").unwrap();
        // A second report of the Djibo clash: merged, no new actor rows.
        s.ingest(
            &output(
                "Djibo again.",
                "B",
                vec![with_actors(
                    event("e3", "2025-04-14", 14, DJIBO),
                    &[("JNIM: Group for Support of Islam and Muslims", "actor1", 2)],
                )],
            ),
            "b",
        )
        .unwrap();
        let actors = s.actors(10).unwrap();
        assert_eq!(actors.len(), 2, "{kind}: {actors:?}");
        assert_eq!(
            (
                actors[0].name.as_str(),
                actors[0].inter,
                actors[0].events,
                actors[0].fatalities
            ),
            ("JNIM: Group for Support of Islam and Muslims", 2, 2, 17),
            "{kind}"
        );
        assert_eq!(actors[1].events, 1, "{kind}");
        let places = s.places(10).unwrap();
        assert_eq!(places.len(), 2, "{kind}: {places:?}");
        let djibo = places.iter().find(|p| p.name == "Djibo").unwrap();
        assert_eq!(
            (
                djibo.events,
                djibo.fatalities,
                djibo.admin1.as_deref(),
                djibo.admin2.as_deref()
            ),
            (1, 14, Some("Sahel"), None),
            "{kind}"
        );
        assert_eq!(s.places(1).unwrap().len(), 1, "{kind}");
        let a = s
            .article("hash-Jihadists attacked soldiers near Djibo.")
            .unwrap()
            .unwrap();
        assert_eq!(a.authors, vec!["A. Reporter".to_string()], "{kind}");
        assert_eq!(
            a.metadata_sources.get("authors").map(String::as_str),
            Some("json-ld:author"),
            "{kind}"
        );
        assert_eq!((a.status.as_str(), a.events.len()), ("coded", 2), "{kind}");
    }
}

/// Workers complete jobs through their own path (one statement when the page
/// has no event): a new version of a page replaces the old one there too.
#[test]
fn a_worker_replaces_older_versions_of_a_page() {
    let Some(schema) = pg_schema("workerversions") else {
        return;
    };
    let mut s = veille_store::PgStore::connect(&schema.url).unwrap();
    let doc = |text: &str| {
        (
            text.to_string(),
            Ok(veille_core::RawDocument {
                bytes: text.as_bytes().to_vec(),
                ..Default::default()
            }),
        )
    };
    s.enqueue(&[doc("v1"), doc("v2"), doc("v3")]).unwrap();
    let jobs = s.claim("w1", 3, 60.0).unwrap();
    assert_eq!(jobs.len(), 3);
    let page = "https://news.example/djibo";
    let v1 = at_url(
        output("Version 1.", "A", vec![event("e1", "2025-04-14", 4, DJIBO)]),
        page,
    );
    let o = s.complete(&jobs[0], "w1", &v1).unwrap().unwrap();
    assert_eq!((o.new_article, o.events_new, o.replaced), (true, 1, 0));
    // The same incident, corrected: the event keeps its id.
    let v2 = at_url(
        output("Version 2.", "A", vec![event("e2", "2025-04-14", 6, DJIBO)]),
        &format!("{page}?utm_source=rss"),
    );
    let o = s.complete(&jobs[1], "w1", &v2).unwrap().unwrap();
    assert_eq!((o.events_new, o.replaced), (1, 1));
    let e = s.event("e1").unwrap().expect("the incident keeps its id").0;
    assert_eq!((e.event.fatalities, e.sources.len()), (Some(6), 1));
    // Retracted: no events, so the one-statement path; it must still
    // replace version 2 and delete its event.
    let v3 = at_url(output("Version 3.", "A", vec![]), page);
    let o = s.complete(&jobs[2], "w1", &v3).unwrap().unwrap();
    assert_eq!((o.new_article, o.replaced), (true, 1));
    assert!(s.event("e1").unwrap().is_none());
    assert!(!s.has_article("hash-Version 2.").unwrap());
    assert!(s.has_article("hash-Version 3.").unwrap());
    assert_eq!(s.queue_counts().unwrap().done, 3);
}

/// Two workers storing two versions of one page at the same moment: the
/// second's statement cannot see the first's uncommitted row, so without a
/// check both would stay. The store's commit waits for the first, fails, and
/// stores its version again, now replacing the first: one version is left.
#[test]
fn two_versions_of_a_page_stored_at_once_leave_one() {
    let Some(schema) = pg_schema("versionrace") else {
        return;
    };
    let page = "https://news.example/race";
    for events in [vec![], vec![event("e1", "2025-04-14", 4, DJIBO)]] {
        let mut s = veille_store::PgStore::connect(&schema.url).unwrap();
        let doc = veille_core::RawDocument {
            bytes: b"v".to_vec(),
            ..Default::default()
        };
        s.enqueue(&[("v".to_string(), Ok(doc))]).unwrap();
        let job = s.claim("w1", 1, 60.0).unwrap().remove(0);
        // The other worker's version: written, not yet committed.
        let mut other = postgres::Client::connect(&schema.url, postgres::NoTls).unwrap();
        other
            .batch_execute(&format!(
                "BEGIN; INSERT INTO articles (id, language, text, source, canonical_url)
                 VALUES ('hash-other', 'en', 'Other.', 'test', '{page}')"
            ))
            .unwrap();
        let mine = at_url(output("Mine.", "A", events.clone()), page);
        let worker = std::thread::spawn(move || {
            let o = s.complete(&job, "w1", &mine).unwrap().unwrap();
            (s, o)
        });
        std::thread::sleep(std::time::Duration::from_millis(400));
        other.batch_execute("COMMIT").unwrap();
        let (mut s, o) = worker.join().unwrap();
        assert_eq!((o.new_article, o.replaced), (true, 1), "{events:?}");
        assert!(!s.has_article("hash-other").unwrap(), "{events:?}");
        assert!(s.has_article("hash-Mine.").unwrap(), "{events:?}");
        // Again, from the start, for the other path (with events).
        other
            .batch_execute("TRUNCATE articles, jobs, event_sources, events, changes")
            .unwrap();
    }
}
