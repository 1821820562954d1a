//! The HTTP API against a real server on loopback, over the demo database.

mod common;

use serde_json::Value;
use std::process::Child;

struct Server {
    child: Child,
    base: String,
    dir: std::path::PathBuf,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn start(name: &str, token: Option<&str>) -> Server {
    let dir = common::temp_dir(name);
    let db = dir.join("demo.db");
    assert!(
        common::veille(&["demo", "--no-serve", "--db", db.to_str().unwrap()])
            .status
            .success()
    );
    // A small body cap, to see the 413.
    std::fs::write(dir.join("veille.toml"), "max_page_bytes = 200000\n").unwrap();
    let env: Vec<(&str, &str)> = token.map(|t| ("VEILLE_API_TOKEN", t)).into_iter().collect();
    let (child, port) = common::serve(
        &db,
        &["--config", dir.join("veille.toml").to_str().unwrap()],
        &env,
    );
    Server {
        child,
        base: format!("http://127.0.0.1:{port}"),
        dir,
    }
}

/// Status and body of a GET.
fn get(s: &Server, path: &str) -> (u16, String) {
    common::http_get(&format!("{}{path}", s.base))
}

fn get_json(s: &Server, path: &str) -> Value {
    let (status, body) = get(s, path);
    assert_eq!(status, 200, "{path}: {body}");
    serde_json::from_str(&body).unwrap()
}

fn post(s: &Server, path: &str, token: Option<&str>, ctype: &str, body: &[u8]) -> (u16, String) {
    let mut req = ureq::post(&format!("{}{path}", s.base)).set("Content-Type", ctype);
    if let Some(t) = token {
        req = req.set("Authorization", &format!("Bearer {t}"));
    }
    match req.send_bytes(body) {
        Ok(r) => (r.status(), r.into_string().unwrap()),
        Err(ureq::Error::Status(c, r)) => (c, r.into_string().unwrap()),
        Err(e) => panic!("{path}: {e}"),
    }
}

#[test]
fn events_pages_filters_and_errors() {
    let s = start("api-events", None);
    let all = get_json(&s, "/api/events?limit=1000");
    let n = all["events"].as_array().unwrap().len();
    assert!(n >= 15, "{n}");
    assert!(all["next_cursor"].is_null());
    // Walk pages of 4: every event once, in the same order.
    let mut ids = Vec::new();
    let mut path = "/api/events?limit=4".to_string();
    loop {
        let page = get_json(&s, &path);
        ids.extend(
            page["events"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| e["id"].clone()),
        );
        match page["next_cursor"].as_str() {
            Some(c) => path = format!("/api/events?limit=4&cursor={c}"),
            None => break,
        }
    }
    let expected: Vec<Value> = all["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].clone())
        .collect();
    assert_eq!(ids, expected);

    let battles = get_json(&s, "/api/events?event_type=Battles&limit=1000");
    assert!(battles["events"]
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["event_type"] == "Battles"));
    let sahel = get_json(&s, "/api/events?bbox=-6,10,4,16&limit=1000");
    for e in sahel["events"].as_array().unwrap() {
        let lon = e["location"]["longitude"].as_f64().unwrap();
        assert!((-6.0..=4.0).contains(&lon), "{e}");
    }
    let first = &all["events"][0];
    let actor = first["actors"][0]["name"].as_str().unwrap();
    let by_actor = get_json(
        &s,
        &format!("/api/events?actor={}&limit=1000", actor.replace(' ', "%20")),
    );
    assert!(by_actor["events"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["id"] == first["id"]));
    let word = first["location"]["name"].as_str().unwrap();
    let by_text = get_json(&s, &format!("/api/events?q={}", word.replace(' ', "%20")));
    assert!(
        !by_text["events"].as_array().unwrap().is_empty(),
        "q={word}"
    );
    let deadly = get_json(
        &s,
        "/api/events?min_fatalities=5&sort=fatalities_desc&limit=1000",
    );
    let f: Vec<u64> = deadly["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["fatalities"].as_u64().unwrap())
        .collect();
    assert!(
        f.iter().all(|x| *x >= 5) && f.windows(2).all(|w| w[0] >= w[1]),
        "{f:?}"
    );

    for (path, param) in [
        ("/api/events?limit=0", "limit"),
        ("/api/events?limit=5000", "limit"),
        ("/api/events?bbox=1,2,3", "bbox"),
        ("/api/events?sort=random", "sort"),
        ("/api/events?min_fatalities=-3", "min_fatalities"),
        ("/api/events?event_type=Picnics", "event_type"),
        ("/api/events?cursor=garbage", "cursor"),
        ("/api/stats/timeseries?interval=hourly", "interval"),
        ("/api/alerts?as_of=soon", "as_of"),
        ("/api/map?zoom=99", "zoom"),
    ] {
        let (status, body) = get(&s, path);
        assert_eq!(status, 400, "{path}: {body}");
        let v: Value = serde_json::from_str(&body).unwrap();
        assert!(
            v["error"].as_str().unwrap().contains(param),
            "{path}: {body}"
        );
    }
    // Static files come from the embedded assets only.
    for path in [
        "/../Cargo.toml",
        "/%2e%2e/%2e%2e/Cargo.toml",
        "/vendor/../../Cargo.toml",
    ] {
        assert_eq!(get(&s, path).0, 404, "{path}");
    }
}

#[test]
fn event_article_stats_alerts_changes_map_docs_metrics() {
    let s = start("api-misc", None);
    let all = get_json(&s, "/api/events?limit=1000");
    let ev = &all["events"][0];
    let one = get_json(&s, &format!("/api/events/{}", ev["id"].as_str().unwrap()));
    let article_id = one["articles"][0]["id"].as_str().unwrap();
    let a = get_json(&s, &format!("/api/articles/{article_id}"));
    assert!(a["text"].as_str().unwrap().len() > 50);
    assert!(a["events"].as_array().unwrap().contains(&ev["id"]));
    assert_eq!(get(&s, "/api/articles/nope").0, 404);

    let ts = get_json(&s, "/api/stats/timeseries?interval=month&by=type");
    let total: u64 = ts["series"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|x| x["points"].as_array().unwrap().iter())
        .map(|p| p["count"].as_u64().unwrap())
        .sum();
    assert_eq!(total as usize, all["events"].as_array().unwrap().len());

    let alerts = get_json(&s, "/api/alerts");
    assert!(alerts["rule"].as_str().unwrap().contains("Poisson"));
    assert!(alerts["as_of"].is_string());

    let changes = get_json(&s, "/api/changes?since=0&limit=5");
    assert_eq!(changes["changes"].as_array().unwrap().len(), 5);
    let next = changes["next_since"].as_i64().unwrap();
    let more = get_json(&s, &format!("/api/changes?since={next}"));
    assert!(more["changes"][0]["cursor"].as_i64().unwrap() > next);

    let actors = get_json(&s, "/api/actors?limit=3");
    let actors = actors.as_array().unwrap();
    assert!(!actors.is_empty() && actors.len() <= 3, "{actors:?}");
    assert!(
        actors[0]["events"].as_u64().unwrap()
            >= actors[actors.len() - 1]["events"].as_u64().unwrap()
    );
    assert!(actors[0]["name"].is_string() && actors[0]["inter"].is_u64());
    let places = get_json(&s, "/api/places");
    let in_places: u64 = places
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["events"].as_u64().unwrap())
        .sum();
    let located = all["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["location"].is_object())
        .count();
    assert_eq!(
        in_places as usize, located,
        "every located event has its place"
    );
    assert_eq!(get(&s, "/api/actors?limit=0").0, 400);

    let map = get_json(&s, "/api/map?zoom=4");
    assert_eq!(
        map["total"].as_u64().unwrap() as usize,
        all["events"].as_array().unwrap().len()
    );
    assert!(map["events"].is_array());

    let doc = get_json(&s, "/openapi.json");
    for p in [
        "/api/events",
        "/api/events/{id}",
        "/api/articles",
        "/api/alerts",
        "/api/changes",
        "/api/stats/timeseries",
        "/api/actors",
        "/api/places",
    ] {
        assert!(doc["paths"][p].is_object(), "no {p} in openapi.json");
    }
    assert_eq!(get(&s, "/healthz"), (200, "ok".into()));
    let (status, metrics) = get(&s, "/metrics");
    assert_eq!(status, 200);
    assert!(
        metrics.contains("veille_http_requests_total{route=\"/api/events\",status=\"200\"}"),
        "{metrics}"
    );
    assert!(metrics.contains("veille_events "), "{metrics}");
}

#[test]
fn posting_articles_needs_the_token_and_respects_the_cap() {
    let s = start("api-post", Some("s3cret"));
    let text = b"Gunmen kill four in Koro\n\nGunmen killed four villagers near Koro, Mali, on Sunday, local officials said.\n";
    let q = "/api/articles?published=2025-05-06&outlet=Test%20Wire";
    // An answer kept by the cache is dropped when the store changes.
    let before = get_json(&s, "/api/events?q=Koro");
    assert_eq!(get_json(&s, "/api/events?q=Koro"), before);
    assert_eq!(post(&s, q, None, "text/plain", text).0, 401);
    assert_eq!(post(&s, q, Some("wrong"), "text/plain", text).0, 401);
    let (status, body) = post(&s, q, Some("s3cret"), "text/plain", text);
    assert_eq!(status, 200, "{body}");
    let v: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(v["new_article"], true);
    assert!(!v["events"].as_array().unwrap().is_empty(), "{body}");
    let e = get_json(
        &s,
        &format!("/api/events/{}", v["events"][0].as_str().unwrap()),
    );
    assert_eq!(e["event"]["event_date"], "2025-05-04");
    let after = get_json(&s, "/api/events?q=Koro");
    assert_eq!(
        after["events"].as_array().unwrap().len(),
        before["events"].as_array().unwrap().len() + 1,
        "{after}"
    );
    let (_, again) = post(&s, q, Some("s3cret"), "text/plain", text);
    assert!(again.contains("\"new_article\":false"), "{again}");
    let json = serde_json::json!({"title": "Clash near Gao", "text": "Soldiers clashed with militants near Gao, Mali, on 3 May 2025, the army said.", "url": "https://x.example/gao"});
    let (status, body) = post(
        &s,
        "/api/articles",
        Some("s3cret"),
        "application/json",
        json.to_string().as_bytes(),
    );
    assert_eq!(status, 200, "{body}");
    let (status, _) = post(
        &s,
        "/api/articles",
        Some("s3cret"),
        "application/json",
        b"{not json",
    );
    assert_eq!(status, 400);
    let (status, _) = post(
        &s,
        "/api/articles",
        Some("s3cret"),
        "text/plain",
        b"too short",
    );
    assert_eq!(status, 422);
    // Over the cap: refused from the declared length, before the body is
    // read (a client writing the body may see the connection closed first).
    {
        use std::io::{Read, Write};
        let addr = s.base.trim_start_matches("http://");
        let mut tcp = std::net::TcpStream::connect(addr).unwrap();
        tcp.set_read_timeout(Some(std::time::Duration::from_secs(20)))
            .unwrap();
        write!(
            tcp,
            "POST /api/articles HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer s3cret\r\nContent-Type: text/plain\r\nContent-Length: 300000\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let _ = tcp.write_all(&[b'a'; 4096]);
        let mut resp = String::new();
        let _ = tcp.read_to_string(&mut resp);
        assert!(resp.starts_with("HTTP/1.1 413"), "{resp}");
    }

    let off = start("api-post-off", None);
    assert_eq!(
        post(&off, "/api/articles", Some("s3cret"), "text/plain", text).0,
        403
    );
}

#[test]
fn alerts_command_prints_and_posts_to_a_webhook() {
    let dir = common::temp_dir("alerts");
    let db = dir.join("a.db");
    for (i, (place, day)) in [
        ("Mopti", 12),
        ("Djenné", 14),
        ("Koro", 16),
        ("Ténenkou", 18),
    ]
    .iter()
    .enumerate()
    {
        std::fs::write(
            dir.join(format!("{i}.txt")),
            format!("Gunmen kill villagers in {place}\n\nGunmen killed five villagers in {place}, Mali, on {day} April 2025, local officials said.\n"),
        )
        .unwrap();
    }
    let ingest = common::veille(&[
        "ingest",
        "--quiet",
        "--db",
        db.to_str().unwrap(),
        dir.to_str().unwrap(),
    ]);
    assert!(ingest.status.success(), "{}", common::stdout(&ingest));
    let out = common::veille(&["alerts", "--json", "--db", db.to_str().unwrap()]);
    let v: Value = serde_json::from_str(&common::stdout(&out)).unwrap();
    let alerts = v["alerts"].as_array().unwrap();
    assert!(
        alerts
            .iter()
            .any(|a| a["admin1"] == "Mopti" && a["admin2"].is_null() && a["last7"] == 4),
        "{v:#}"
    );

    // The webhook: a loopback listener that keeps the request.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    let got = std::thread::spawn(move || {
        use std::io::{BufRead, BufReader, Read, Write};
        let (mut stream, _) = listener.accept().unwrap();
        let mut r = BufReader::new(stream.try_clone().unwrap());
        let (mut head, mut len) = (String::new(), 0usize);
        loop {
            let mut line = String::new();
            r.read_line(&mut line).unwrap();
            if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                len = v.trim().parse().unwrap();
            }
            if line == "\r\n" {
                break;
            }
            head.push_str(&line);
        }
        let mut body = vec![0; len];
        r.read_exact(&mut body).unwrap();
        stream
            .write_all(b"HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n")
            .unwrap();
        (head, String::from_utf8(body).unwrap())
    });
    let out = common::veille(&[
        "alerts",
        "--post",
        "--webhook",
        &url,
        "--db",
        db.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(common::stdout(&out).contains("Mopti"));
    let (head, body) = got.join().unwrap();
    assert!(head.starts_with("POST /hook"), "{head}");
    let posted: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(posted["alerts"], v["alerts"]);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `veille bench api` on a small synthetic store: the main query and the
/// dashboard's other reads run and are reported (the figures are not
/// checked: timing belongs to the bench, not to tests).
#[test]
fn bench_api_reports_the_dashboard_reads() {
    let dir = common::temp_dir("bench-api");
    let db = dir.join("bench.db");
    let out = common::veille(&[
        "bench",
        "api",
        "--events",
        "3000",
        "--db",
        db.to_str().unwrap(),
        "--queries",
        "20",
    ]);
    let text = common::stdout(&out);
    assert!(
        out.status.success(),
        "{text}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(text.contains("on 3000 events"), "{text}");
    for read in [
        "map cells, whole world (zoom 3)",
        "time series by week and type",
        "alerts",
        "Battles sorted by fatalities (bytes)",
    ] {
        assert!(text.contains(&format!("  {read}: ")), "{read}: {text}");
    }
    assert!(
        text.lines().last().unwrap().starts_with("api_p99_ms "),
        "{text}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
