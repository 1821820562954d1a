//! Scale-out on PostgreSQL: 5,000 queued articles, 4 `veille worker`
//! processes, each article processed once; a broken input retried and failed
//! after 3 attempts, listed by `veille failed`, queued again by `veille
//! retry`. Needs VEILLE_TEST_PG (`.ci/run` starts PostgreSQL and sets it);
//! skips with the reason otherwise.

mod common;

use std::process::{Command, Stdio};

/// A fresh schema (dropped after the test) and a connection to it.
fn pg_schema(name: &str) -> Option<(veille_store::ScratchSchema, postgres::Client)> {
    let Ok(base) = std::env::var("VEILLE_TEST_PG") else {
        eprintln!("skipped: VEILLE_TEST_PG is not set (.ci/run starts PostgreSQL and sets it)");
        return None;
    };
    let name = format!("veille_w_{name}_{}", std::process::id());
    let schema = veille_store::ScratchSchema::new(&base, &name).expect("schema in VEILLE_TEST_PG");
    let c = postgres::Client::connect(&schema.url, postgres::NoTls).expect("connect to the schema");
    Some((schema, c))
}

#[test]
fn four_workers_process_each_article_once() {
    let Some((schema, mut pg)) = pg_schema("four") else {
        return;
    };
    let url = schema.url.clone();
    let dir = common::temp_dir("workers");
    let corpus = dir.join("corpus");
    // One incident per report: a new day each.
    let start = chrono::NaiveDate::from_ymd_opt(2010, 1, 1).unwrap();
    common::write_reports(&corpus, 5000, |i| {
        (start + chrono::Duration::days(i as i64))
            .format("%-d %B %Y")
            .to_string()
    });
    std::fs::write(
        corpus.join("zz-broken.html"),
        [0u8, 159, 146, 150, 0, 1, 2, 3].repeat(100),
    )
    .unwrap();

    let q = common::veille(&["ingest", "--queue", "--db", &url, corpus.to_str().unwrap()]);
    assert!(q.status.success(), "{}", String::from_utf8_lossy(&q.stderr));
    assert!(
        common::stdout(&q).contains("queued 5001"),
        "{}",
        common::stdout(&q)
    );

    let workers: Vec<_> = (0..4)
        .map(|i| {
            Command::new(env!("CARGO_BIN_EXE_veille"))
                .args([
                    "worker",
                    "--db",
                    &url,
                    "--exit-when-empty",
                    "--backoff-secs",
                    "0",
                    "--batch",
                    "16",
                    "--name",
                    &format!("w{i}"),
                ])
                .stdout(Stdio::piped())
                .stderr(Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut processed = 0;
    for w in workers {
        let out = w.wait_with_output().unwrap();
        assert!(out.status.success());
        let r: serde_json::Value = serde_json::from_str(common::stdout(&out).trim()).unwrap();
        assert_eq!(r["lost"], 0, "{r}");
        assert!(
            r["processed"].as_u64().unwrap() > 0,
            "a worker did nothing: {r}"
        );
        processed += r["processed"].as_u64().unwrap();
    }
    assert_eq!(processed, 5000);
    let row = pg
        .query_one(
            "SELECT COUNT(*) FILTER (WHERE status = 'done'), COUNT(DISTINCT article_id), COUNT(*) FILTER (WHERE status = 'failed'),
                    (SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM events), (SELECT COUNT(*) FROM event_sources)
             FROM jobs",
            &[],
        )
        .unwrap();
    let (done, distinct, failed, articles, events, links): (i64, i64, i64, i64, i64, i64) = (
        row.get(0),
        row.get(1),
        row.get(2),
        row.get(3),
        row.get(4),
        row.get(5),
    );
    assert_eq!((done, distinct, failed, articles), (5000, 5000, 1, 5000));
    // Each article codes its own incident: nothing lost, nothing doubled.
    assert_eq!(events, links);
    assert!(events >= 4900, "{events}");

    let f = common::veille(&["failed", "--db", &url]);
    let text = common::stdout(&f);
    assert!(text.contains("zz-broken.html (after 3 attempts)"), "{text}");
    let r = common::veille(&["retry", "--db", &url]);
    assert!(common::stdout(&r).contains("queued 1 failed jobs again"));
    let st: String = pg
        .query_one(
            "SELECT status FROM jobs WHERE name LIKE '%zz-broken.html'",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(st, "queued");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A worker stores its claimed batch in one transaction. The events must
/// come out as storing one report at a time makes them: an incident
/// reported twice in one batch is one event, as is one reported in two
/// batches, with the same tolls. Checked against the SQLite store on the
/// de-duplication set, in batches of 7 so that pairs fall both within and
/// across batches.
#[test]
fn a_batch_is_stored_as_one_report_at_a_time() {
    let Some((schema, _pg)) = pg_schema("batch") else {
        return;
    };
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/eval/dedup/reports.jsonl"
    );
    let mut docs: Vec<(String, String, veille_core::RawDocument)> = std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            let s = |k: &str| v[k].as_str().unwrap().to_string();
            let doc = veille_core::RawDocument {
                bytes: format!("{}\n\n{}", s("title"), s("text")).into_bytes(),
                publication_date: s("published").parse().ok(),
                outlet: Some(s("outlet")),
                url: Some(format!("https://eval.example/{}", s("id"))),
                ..Default::default()
            };
            (s("published"), s("id"), doc)
        })
        .collect();
    docs.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
    let pipeline = veille_pipeline::Pipeline::new();
    let report_of: std::collections::HashMap<String, String> = docs
        .iter()
        .map(|(_, id, d)| (pipeline.run(d).unwrap().article.id, id.clone()))
        .collect();

    // Each report: its events, each as the reports it merges and its tolls.
    type Coded = Vec<(String, Vec<(Vec<String>, [Option<u64>; 3])>)>;
    let coded = |store: &mut veille_store::AnyStore| -> Coded {
        let mut out = Vec::new();
        for (_, id, d) in &docs {
            let article = pipeline.run(d).unwrap().article.id;
            let mut events = Vec::new();
            for e in store.article(&article).unwrap().unwrap().events {
                let (e, _) = store.event(&e).unwrap().unwrap();
                let mut sources: Vec<String> = e
                    .sources
                    .iter()
                    .map(|s| report_of[&s.article_id].clone())
                    .collect();
                sources.sort();
                let f = &e.event;
                events.push((sources, [f.fatalities_low, f.fatalities, f.fatalities_high]));
            }
            events.sort();
            out.push((id.clone(), events));
        }
        out
    };

    let mut one_at_a_time =
        veille_store::AnyStore::Sqlite(veille_store::Store::open_in_memory().unwrap());
    for (_, id, d) in &docs {
        one_at_a_time.ingest(&pipeline.run(d).unwrap(), id).unwrap();
    }

    let mut pg = veille_store::PgStore::connect(&schema.url).unwrap();
    let jobs: Vec<_> = docs
        .iter()
        .map(|(_, id, d)| (id.clone(), Ok(d.clone())))
        .collect();
    pg.enqueue(&jobs).unwrap();
    let (mut merges, mut batches) = (0, 0);
    loop {
        let claimed = pg.claim("w1", 7, 60.0).unwrap();
        if claimed.is_empty() {
            break;
        }
        let outs: Vec<_> = claimed
            .iter()
            .map(|j| pipeline.run(&j.input).unwrap())
            .collect();
        let done: Vec<_> = claimed.iter().zip(&outs).collect();
        let stored = pg.complete_batch("w1", &done);
        if claimed.len() > 1 {
            assert_eq!(stored.one_by_one, None, "the batch path was not taken");
            batches += 1;
        }
        for r in stored.jobs {
            let r = r.unwrap().expect("the job is still this worker's");
            assert!(r.new_article);
            merges += r.events_merged;
        }
    }
    assert!(
        batches > 10 && merges > 20,
        "{batches} batches, {merges} merges"
    );
    let pg_coded = coded(&mut veille_store::AnyStore::Postgres(pg));
    let sqlite_coded = coded(&mut one_at_a_time);
    assert_eq!(pg_coded.len(), docs.len());
    for (a, b) in sqlite_coded.iter().zip(&pg_coded) {
        assert_eq!(a, b, "report {} stored in a batch differs", a.0);
    }
}
