//! The demo corpus end to end: ingest, de-duplication, exports, the API.

mod common;

use serde_json::Value;

#[test]
fn demo_builds_summary_and_skips_broken_page() {
    let dir = common::temp_dir("demo");
    let db = dir.join("demo.db");
    let out = common::veille(&["demo", "--no-serve", "--db", db.to_str().unwrap()]);
    let s = common::stdout(&out);
    assert!(
        out.status.success(),
        "{s}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(s.contains("skipped 24-broken-truncated.html"), "{s}");
    for t in [
        "Battles",
        "Violence against civilians",
        "Explosions/Remote violence",
        "Riots",
        "Protests",
        "Strategic developments",
    ] {
        assert!(s.contains(t), "no {t} in the summary:\n{s}");
    }
    assert!(s.contains("Events by admin1:"));

    // The two outlets' reports of the Djibo attack are one event with two sources.
    let json = common::veille(&["export", "--format", "jsonl", "--db", db.to_str().unwrap()]);
    assert!(json.status.success());
    let events: Vec<Value> = common::stdout(&json)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let djibo: Vec<&Value> = events
        .iter()
        .filter(|e| e["location"]["name"] == "Djibo")
        .collect();
    assert_eq!(djibo.len(), 1, "{djibo:#?}");
    assert_eq!(djibo[0]["sources"].as_array().unwrap().len(), 2);
    assert_eq!(djibo[0]["outlets"], 2);
    assert_eq!(djibo[0]["event_date"], "2025-04-14");

    // Exports.
    let csv = common::veille(&["export", "--format", "csv", "--db", db.to_str().unwrap()]);
    let csv = common::stdout(&csv);
    assert!(csv.starts_with("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"));
    assert_eq!(csv.lines().count(), events.len() + 1);
    // ACLED's iso is the ISO 3166-1 numeric code; its region, ACLED's name.
    assert!(csv.contains(",466,Western Africa,Mali,"), "{csv}");
    let geo_path = dir.join("events.geojson");
    let g = common::veille(&[
        "export",
        "--format",
        "geojson",
        "--out",
        geo_path.to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
    ]);
    assert!(g.status.success());
    let geo: Value = serde_json::from_str(&std::fs::read_to_string(&geo_path).unwrap()).unwrap();
    assert_eq!(geo["type"], "FeatureCollection");
    assert_eq!(geo["features"].as_array().unwrap().len(), events.len());
    let bad = common::veille(&["export", "--format", "xml", "--db", db.to_str().unwrap()]);
    assert!(!bad.status.success());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn ingest_twice_adds_nothing_and_broken_files_do_not_stop_the_batch() {
    let dir = common::temp_dir("ingest");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(
        input.join("a.txt"),
        "Gunmen kill five in Mopti\n\nGunmen killed five villagers in the town of Mopti, Mali, on Monday, local officials said.\n",
    )
    .unwrap();
    std::fs::write(
        input.join("manifest.tsv"),
        "file\turl\toutlet\tpublished\na.txt\thttps://x.example/a\tX News\t2025-05-07\n",
    )
    .unwrap();
    std::fs::write(input.join("b.html"), [0u8, 159, 146, 150, 0, 1, 2]).unwrap();
    let db = dir.join("t.db");
    let first = common::veille(&[
        "ingest",
        input.to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
    ]);
    let s = common::stdout(&first);
    assert_eq!(
        first.status.code(),
        Some(1),
        "some inputs failed: exit 1\n{s}"
    );
    assert!(
        s.contains("read 2, new 1, duplicates 0, failed 1, events new 1"),
        "{s}"
    );
    let second = common::veille(&[
        "ingest",
        input.join("a.txt").to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
    ]);
    let s = common::stdout(&second);
    assert_eq!(second.status.code(), Some(0));
    assert!(s.contains("read 1, new 0, duplicates 1"), "{s}");
    let json = common::veille(&["export", "--format", "jsonl", "--db", db.to_str().unwrap()]);
    let e: Value = serde_json::from_str(common::stdout(&json).lines().next().unwrap()).unwrap();
    assert_eq!(e["event_date"], "2025-05-05");
    assert_eq!(e["fatalities"], 5);
    assert_eq!(e["location"]["name"], "Mopti");
    std::fs::remove_dir_all(&dir).unwrap();
}

fn get(port: u16, path: &str) -> (u16, String) {
    common::http_get(&format!("http://127.0.0.1:{port}{path}"))
}

#[test]
fn serve_api_and_dashboard() {
    let dir = common::temp_dir("serve");
    let db = dir.join("demo.db");
    assert!(
        common::veille(&["demo", "--no-serve", "--db", db.to_str().unwrap()])
            .status
            .success()
    );
    let (mut child, port) = common::serve(&db, &[], &[]);
    let (status, body) = get(port, "/");
    assert_eq!(status, 200);
    assert!(body.contains("id=\"map\""), "dashboard page");
    assert_eq!(get(port, "/vendor/leaflet.js").0, 200);
    let (status, body) = get(port, "/api/events?limit=1000");
    assert_eq!(status, 200);
    let v: Value = serde_json::from_str(&body).unwrap();
    let events = v["events"].as_array().unwrap();
    assert!(events.len() >= 15);
    let id = events[0]["id"].as_str().unwrap();
    let (status, body) = get(port, &format!("/api/events/{id}"));
    assert_eq!(status, 200);
    let v: Value = serde_json::from_str(&body).unwrap();
    let article = &v["articles"][0];
    let text: Vec<char> = article["text"].as_str().unwrap().chars().collect();
    for ev in article["evidence"].as_array().unwrap() {
        let (s, e) = (
            ev["start"].as_u64().unwrap() as usize,
            ev["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            text[s..e].iter().collect::<String>(),
            ev["text"].as_str().unwrap()
        );
    }
    let (status, body) = get(port, "/api/events?date_from=yesterday");
    assert_eq!(status, 400);
    assert!(body.contains("date_from"), "{body}");
    assert_eq!(get(port, "/api/events/ev-nope").0, 404);
    let (status, body) = get(port, "/api/export?format=csv");
    assert_eq!(status, 200);
    assert!(body.contains("event_id_cnty"));
    child.kill().unwrap();
    let _ = child.wait();
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn jsonl_dumps_gzipped_or_not() {
    let dir = common::temp_dir("jsonl");
    let lines = [
        r#"{"url":"https://x.example/1","title":"Gunmen kill five in Mopti","text":"Gunmen killed five villagers in the town of Mopti, Mali, on Monday, local officials said.","published":"2025-05-07T10:00:00Z","source":"X News"}"#,
        r#"{"url":"https://y.example/2","html":"<html><body><article><h1>Protest in Dakar</h1><p>Hundreds of students marched peacefully in Dakar, Senegal, on Tuesday to demand the payment of their grants, organisers said.</p></article></body></html>","published":"2025-05-07","source":"Y Daily"}"#,
        r#"{"url": "broken"#,
        r#"{"url":"https://z.example/3","title":"No body"}"#,
    ];
    std::fs::write(dir.join("dump.jsonl"), lines.join("\n")).unwrap();
    let db = dir.join("t.db");
    let out = common::veille(&[
        "ingest",
        dir.join("dump.jsonl").to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
    ]);
    let s = common::stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{s}");
    assert!(s.contains("read 4, new 2, duplicates 0, failed 2"), "{s}");
    assert!(
        s.contains("dump.jsonl:3") && s.contains("not a JSON line"),
        "{s}"
    );
    assert!(
        s.contains("dump.jsonl:4") && s.contains("no \"text\" or \"html\" field"),
        "{s}"
    );
    // The same dump gzipped adds nothing new.
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    std::io::Write::write_all(&mut gz, lines[..2].join("\n").as_bytes()).unwrap();
    std::fs::write(dir.join("dump.jsonl.gz"), gz.finish().unwrap()).unwrap();
    let out = common::veille(&[
        "ingest",
        dir.join("dump.jsonl.gz").to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
    ]);
    let s = common::stdout(&out);
    assert!(s.contains("read 2, new 0, duplicates 2"), "{s}");
    let json = common::veille(&["export", "--format", "jsonl", "--db", db.to_str().unwrap()]);
    let events: Vec<Value> = common::stdout(&json)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let types: Vec<&str> = events
        .iter()
        .map(|e| e["event_type"].as_str().unwrap())
        .collect();
    assert!(
        types.contains(&"Violence against civilians") && types.contains(&"Protests"),
        "{types:?}"
    );
    let mopti = events
        .iter()
        .find(|e| e["location"]["name"] == "Mopti")
        .unwrap();
    assert_eq!(mopti["event_date"], "2025-05-05");
    assert_eq!(mopti["sources"][0]["outlet"], "X News");
    std::fs::remove_dir_all(&dir).unwrap();
}
