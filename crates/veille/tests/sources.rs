//! Inputs of every shape through `veille ingest`, `veille watch` against a
//! loopback HTTP server, configuration precedence, exit codes and `--since`.

mod common;

use serde_json::Value;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};

fn article(place: &str, n: &str) -> String {
    format!(
        "<html><head><title>Gunmen kill {n} in {place}</title></head><body><article><h1>Gunmen kill {n} in {place}</h1>\
         <p>Gunmen killed {n} villagers in the town of {place}, Mali, on Monday, local officials said.</p>\
         <p>The attackers arrived on motorcycles and set fire to the market before fleeing.</p></article></body></html>"
    )
}

fn json_summary(o: &std::process::Output) -> Value {
    let s = common::stdout(o);
    serde_json::from_str(s.lines().last().unwrap_or("")).unwrap_or_else(|e| panic!("{e}: {s}"))
}

#[test]
fn warc_jsonl_feeds_stdin_and_globs() {
    let dir = common::temp_dir("sources");
    let db = dir.join("s.db");
    let db = db.to_str().unwrap();

    // A CC-NEWS-like archive: two pages, an image, then a truncated record.
    let mut warc = Vec::new();
    veille_sources::warc::write_response(
        &mut warc,
        "https://news.example/mopti",
        "2025-04-15T08:00:00Z",
        "text/html; charset=utf-8",
        article("Mopti", "five").as_bytes(),
    )
    .unwrap();
    veille_sources::warc::write_response(
        &mut warc,
        "https://news.example/logo.png",
        "2025-04-15T08:00:00Z",
        "image/png",
        b"\x89PNG",
    )
    .unwrap();
    // Latin-1 bytes, charset only in the HTTP header.
    let latin1: Vec<u8> = article("Ségou", "six")
        .chars()
        .map(|c| c as u32 as u8)
        .collect();
    veille_sources::warc::write_response(
        &mut warc,
        "https://news.example/segou",
        "2025-04-15T08:00:00Z",
        "text/html; charset=iso-8859-1",
        &latin1,
    )
    .unwrap();
    let mut cut = Vec::new();
    veille_sources::warc::write_response(
        &mut cut,
        "https://news.example/cut",
        "2025-04-15T08:00:00Z",
        "text/html",
        article("Gao", "seven").as_bytes(),
    )
    .unwrap();
    warc.extend_from_slice(&cut[..cut.len() - 40]);
    std::fs::write(dir.join("crawl.warc.gz"), &warc).unwrap();

    let out = common::veille(&[
        "ingest",
        "--json",
        "--db",
        db,
        dir.join("crawl.warc.gz").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", common::stdout(&out));
    let s = json_summary(&out);
    assert_eq!(s["new"], 2, "{s}");
    assert_eq!(s["failed"].as_array().unwrap().len(), 1, "{s}");
    let why = s["failed"][0]["error"].as_str().unwrap();
    assert!(why.contains("record 4"), "{why}");

    let export = common::veille(&["export", "--format", "jsonl", "--db", db]);
    let events: Vec<Value> = common::stdout(&export)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let places: Vec<&str> = events
        .iter()
        .filter_map(|e| e["location"]["name"].as_str())
        .collect();
    assert!(places.contains(&"Ségou"), "{places:?}");
    assert!(places.contains(&"Mopti"), "{places:?}");
    let mopti = events
        .iter()
        .find(|e| e["location"]["name"] == "Mopti")
        .unwrap();
    assert_eq!(mopti["sources"][0]["url"], "https://news.example/mopti");
    // "on Monday" resolved against the crawl date when the page has none.
    assert_eq!(mopti["event_date"], "2025-04-14");

    // A JSON-lines dump with a bad line, a feed file, a glob, standard input.
    std::fs::create_dir_all(dir.join("more")).unwrap();
    std::fs::write(
        dir.join("more/dump.jsonl"),
        format!(
            "{}\nnot json\n",
            serde_json::json!({"url": "https://wire.example/kayes", "title": "Clash near Kayes",
                "text": "Soldiers clashed with militants near Kayes, Mali, on Sunday, the army said. Four militants were killed.",
                "published": "2025-04-15", "source": "Wire"})
        ),
    )
    .unwrap();
    std::fs::write(
        dir.join("more/feed.rss"),
        r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Sahel Wire</title>
<item><title>Protest in Bamako</title><link>https://sahel.example/p</link><guid>p1</guid><pubDate>Tue, 15 Apr 2025 08:00:00 GMT</pubDate>
<description>Hundreds of students protested peacefully in Bamako, Mali, on Monday against fee increases.</description></item>
</channel></rss>"#,
    )
    .unwrap();
    std::fs::write(
        dir.join("more/a.txt"),
        "Bomb kills two in Mopti\n\nA roadside bomb killed two soldiers near Mopti, Mali, on Saturday, officials said.\n",
    )
    .unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_veille"))
        .args([
            "ingest",
            "--json",
            "--db",
            db,
            &format!("{}/more/*.txt", dir.display()),
            &format!("{}/more/*.jsonl", dir.display()),
            &format!("{}/more/feed.rss", dir.display()),
            &format!("{}/more/*.nothing", dir.display()),
            "-",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"Gunmen kill three in Tombouctou\n\nGunmen killed three villagers in the town of Tombouctou, Mali, on 12 April 2025, local officials said.\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let s = json_summary(&out);
    assert_eq!(s["new"], 4, "{s}");
    let failed: Vec<String> = s["failed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| format!("{} {}", f["source"], f["error"]))
        .collect();
    assert_eq!(failed.len(), 2, "{failed:?}");
    assert!(failed[0].contains("dump.jsonl:2") && failed[0].contains("not a JSON line"));
    assert!(failed[1].contains("no file matches"));
    let export = common::veille(&["export", "--format", "jsonl", "--db", db]);
    let text = common::stdout(&export);
    for place in ["Kayes", "Bamako", "Tombouctou"] {
        assert!(text.contains(place), "no event in {place}: {text}");
    }
    // Everything again: nothing new, nothing doubled.
    let again = common::veille(&["ingest", "--quiet", "--db", db, dir.to_str().unwrap()]);
    let line = common::stdout(&again);
    assert!(line.contains(", new 0,"), "{line}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn configuration_precedence_and_exit_codes() {
    let dir = common::temp_dir("config");
    let cfg = dir.join("veille.toml");
    std::fs::write(&cfg, "db = \"from-file.db\"\nper_host_delay_secs = 0.5\n").unwrap();
    let run = |env: Option<&str>, extra: &[&str]| {
        let mut c = Command::new(env!("CARGO_BIN_EXE_veille"));
        c.args(["config", "--config", cfg.to_str().unwrap()])
            .args(extra);
        c.env_remove("VEILLE_DB");
        if let Some(v) = env {
            c.env("VEILLE_DB", v);
        }
        c.output().unwrap()
    };
    let o = run(None, &[]);
    let s = common::stdout(&o);
    assert!(
        s.contains("db = \"from-file.db\"  # ") && s.contains("veille.toml"),
        "{s}"
    );
    assert!(s.contains("per_host_delay_secs = 0.5"), "{s}");
    assert!(s.contains("bind = \"127.0.0.1:8080\"  # default"), "{s}");
    let s = common::stdout(&run(Some("from-env.db"), &[]));
    assert!(
        s.contains("db = \"from-env.db\"  # environment VEILLE_DB"),
        "{s}"
    );

    std::fs::write(&cfg, "db = 3\n").unwrap();
    let o = run(None, &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("veille.toml"));
    assert_eq!(common::veille(&["ingest"]).status.code(), Some(2));
    assert_eq!(
        common::veille(&["export", "--format", "xml", "--db", "none.db"])
            .status
            .code(),
        Some(2)
    );
    let help = common::stdout(&common::veille(&["ingest", "--help"]));
    assert!(help.contains("Example: veille ingest"), "{help}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn export_since_cursor() {
    let dir = common::temp_dir("since");
    let db = dir.join("c.db");
    let db = db.to_str().unwrap();
    std::fs::write(dir.join("a.html"), article("Mopti", "five")).unwrap();
    std::fs::write(
        dir.join("b.txt"),
        "Clash near Kayes\n\nSoldiers clashed with militants near Kayes, Mali, on 2 March 2025, the army said.\n",
    )
    .unwrap();
    common::veille(&["ingest", "--db", db, dir.join("a.html").to_str().unwrap()]);
    let first = common::veille(&["export", "--format", "jsonl", "--db", db]);
    let err = String::from_utf8_lossy(&first.stderr).to_string();
    let cursor = err
        .lines()
        .find_map(|l| l.strip_prefix("cursor "))
        .unwrap_or_else(|| panic!("no cursor in {err}"))
        .to_string();
    common::veille(&["ingest", "--db", db, dir.join("b.txt").to_str().unwrap()]);
    let since = common::veille(&[
        "export", "--format", "jsonl", "--db", db, "--since", &cursor,
    ]);
    let text = common::stdout(&since);
    assert_eq!(text.lines().count(), 1, "{text}");
    assert!(text.contains("Kayes"), "{text}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A tiny HTTP server on loopback; records each request's path and headers.
fn serve(requests: Arc<Mutex<Vec<String>>>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = format!("http://{}", listener.local_addr().unwrap());
    let base = addr.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut head = String::new();
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                    break;
                }
                head.push_str(&line);
            }
            let path = head.split_whitespace().nth(1).unwrap_or("/").to_string();
            requests.lock().unwrap().push(head.clone());
            let feed = format!(
                r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Loopback News</title>
<item><title>A</title><link>{base}/news/a.html</link><guid>a</guid><pubDate>Tue, 15 Apr 2025 08:00:00 GMT</pubDate></item>
<item><title>B</title><link>{base}/private/b.html</link><guid>b</guid></item>
<item><title>C</title><link>{base}/news/missing.html</link><guid>c</guid></item>
</channel></rss>"#
            );
            let (status, etag, body): (&str, &str, String) = match path.as_str() {
                "/robots.txt" => ("200 OK", "", "User-agent: *\nDisallow: /private/\n".into()),
                "/feed.xml" if head.contains("If-None-Match: \"v1\"") => {
                    ("304 Not Modified", "", String::new())
                }
                "/feed.xml" => ("200 OK", "\"v1\"", feed),
                "/broken.xml" => ("200 OK", "", "<rss><channel><item><title>x".into()),
                "/news/a.html" => ("200 OK", "", article("Mopti", "five")),
                _ => ("404 Not Found", "", "not here".into()),
            };
            let etag = if etag.is_empty() {
                String::new()
            } else {
                format!("ETag: {etag}\r\n")
            };
            let _ = write!(
                stream,
                "HTTP/1.1 {status}\r\nContent-Type: text/html; charset=utf-8\r\n{etag}Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
            let mut rest = Vec::new();
            let _ = reader.get_mut().set_nonblocking(true);
            let _ = reader.read_to_end(&mut rest);
        }
    });
    addr
}

#[test]
fn watch_polls_feeds_politely_and_survives_bad_ones() {
    let dir = common::temp_dir("watch");
    let requests = Arc::new(Mutex::new(Vec::new()));
    let base = serve(requests.clone());
    let cfg = dir.join("veille.toml");
    std::fs::write(&cfg, "per_host_delay_secs = 0\nretries = 0\n").unwrap();
    let feeds = dir.join("feeds.toml");
    std::fs::write(
        &feeds,
        format!(
            "interval_secs = 60\n[[feed]]\nurl = \"{base}/feed.xml\"\n[[feed]]\nurl = \"{base}/broken.xml\"\n[[feed]]\nurl = \"{base}/gone.xml\"\n"
        ),
    )
    .unwrap();
    let db = dir.join("w.db");
    let watch = || {
        common::veille(&[
            "watch",
            "--once",
            "--config",
            cfg.to_str().unwrap(),
            "--feeds",
            feeds.to_str().unwrap(),
            "--db",
            db.to_str().unwrap(),
        ])
    };
    let out = watch();
    let s = common::stdout(&out);
    assert!(
        out.status.success(),
        "{s}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(s.contains("broken.xml: not a valid"), "{s}");
    assert!(s.contains("gone.xml: feed unavailable: HTTP 404"), "{s}");
    assert!(s.contains("feed.xml: 3 items"), "{s}");
    let export = common::veille(&["export", "--format", "jsonl", "--db", db.to_str().unwrap()]);
    assert!(common::stdout(&export).contains("Mopti"));

    let out = watch();
    assert!(out.status.success());
    let reqs = requests.lock().unwrap().clone();
    let paths: Vec<&str> = reqs
        .iter()
        .map(|r| r.split_whitespace().nth(1).unwrap_or(""))
        .collect();
    assert!(!paths.contains(&"/private/b.html"), "{paths:?}");
    assert_eq!(
        paths.iter().filter(|p| **p == "/news/a.html").count(),
        1,
        "{paths:?}"
    );
    let feed_reqs: Vec<&String> = reqs
        .iter()
        .filter(|r| r.starts_with("GET /feed.xml"))
        .collect();
    assert_eq!(feed_reqs.len(), 2);
    assert!(
        feed_reqs[1].contains("If-None-Match: \"v1\""),
        "{}",
        feed_reqs[1]
    );
    assert!(reqs.iter().all(|r| r.contains("User-Agent: veille/")));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn every_subcommand_has_help_with_an_example() {
    for cmd in [
        "extract",
        "ingest",
        "watch",
        "config",
        "export",
        "serve",
        "nlp",
        "gazetteer",
        "gazetteer import",
        "eval",
        "eval acled",
        "eval events",
        "eval geoparse",
        "eval extraction",
        "bench",
        "bench extract",
        "bench geo",
        "bench code",
        "bench nlp",
        "bench warc",
        "bench api",
        "bench gazetteer",
        "demo",
    ] {
        let mut args: Vec<&str> = cmd.split(' ').collect();
        args.push("--help");
        let out = common::veille(&args);
        assert!(out.status.success(), "{cmd} --help failed");
        assert!(
            common::stdout(&out).contains("Example"),
            "veille {cmd} --help has no example"
        );
    }
}

#[test]
fn the_gazetteer_benchmark_loads_the_whole_gazetteer() {
    let out = common::veille(&["bench", "gazetteer", "--repeat", "1"]);
    let text = common::stdout(&out);
    assert!(out.status.success(), "{text}");
    let entries: usize = text
        .split(" entries)")
        .next()
        .and_then(|t| t.rsplit('(').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no entry count in {text}"));
    assert!(entries > 250_000, "{text}");
    let last = text.lines().last().unwrap_or_default();
    let ms: f64 = last
        .strip_prefix("gazetteer_load_ms ")
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("last line {last:?}"));
    assert!(ms > 0.0, "{text}");
}

#[test]
fn every_scrapinghub_page_goes_through_the_whole_pipeline() {
    // 181 real news pages of many sites and languages, through reading,
    // every stage and the store: none may fail (a stage that panics on one
    // of them is a bug; the pipeline reports it as an internal error).
    let dataset = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/eval/extraction/scrapinghub");
    if !dataset.join("html").is_dir() {
        eprintln!("skipped: ../shared/eval/extraction/scrapinghub is not present");
        return;
    }
    let out = common::veille(&[
        "bench",
        "warc",
        "--dataset",
        dataset.to_str().unwrap(),
        "--repeat",
        "1",
    ]);
    let text = common::stdout(&out);
    assert!(
        out.status.success(),
        "{text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(text.contains(" 0 failed"), "{text}");
}
