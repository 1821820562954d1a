//! Crash safety: `veille ingest` killed with SIGKILL at random points of a
//! 2,000-article run, then restarted, ends with every article stored once
//! and exactly the events of an uninterrupted run.

mod common;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn ingest(db: &std::path::Path, dir: &std::path::Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_veille"));
    c.args([
        "ingest",
        "--quiet",
        "--db",
        db.to_str().unwrap(),
        dir.to_str().unwrap(),
    ])
    .stdout(Stdio::null())
    .stderr(Stdio::null());
    c
}

/// Events as (id, sources, fatalities), sorted.
fn events(db: &std::path::Path) -> Vec<(String, usize, Option<u64>)> {
    let out = common::veille(&["export", "--format", "jsonl", "--db", db.to_str().unwrap()]);
    assert!(out.status.success());
    let mut v: Vec<(String, usize, Option<u64>)> = common::stdout(&out)
        .lines()
        .map(|l| {
            let e: serde_json::Value = serde_json::from_str(l).unwrap();
            (
                e["id"].as_str().unwrap().to_string(),
                e["sources"].as_array().unwrap().len(),
                e["fatalities"].as_u64(),
            )
        })
        .collect();
    v.sort();
    v
}

/// (new, duplicates) when the corpus is ingested once more: every article
/// already stored is a duplicate.
fn reingest(db: &std::path::Path, dir: &std::path::Path) -> (u64, u64) {
    let out = common::veille(&[
        "ingest",
        "--json",
        "--db",
        db.to_str().unwrap(),
        dir.to_str().unwrap(),
    ]);
    let v: serde_json::Value = serde_json::from_str(common::stdout(&out).trim()).unwrap();
    (
        v["new"].as_u64().unwrap(),
        v["duplicates"].as_u64().unwrap(),
    )
}

#[test]
fn sigkill_mid_ingest_loses_and_doubles_nothing() {
    let dir = common::temp_dir("crash");
    let corpus = dir.join("corpus");
    // Towns come back every 16 reports, days every 16: reports merge.
    common::write_reports(&corpus, 2000, |i| {
        let month = ["January", "February", "March", "April"][(i / (16 * 28)) % 4];
        format!("{} {month} 2025", 1 + (i / 16) % 28)
    });

    let clean = dir.join("clean.db");
    let t = Instant::now();
    assert!(ingest(&clean, &corpus).status().unwrap().success());
    let full = t.elapsed();

    let crashed = dir.join("crashed.db");
    // Kill points spread over the run, from a seed printed for reruns.
    let mut seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64;
    eprintln!("crash test seed {seed}, clean run {full:?}");
    for _ in 0..5 {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let at = full.mul_f64(0.05 + 0.5 * ((seed >> 33) as f64 / (1u64 << 31) as f64));
        let mut child = ingest(&crashed, &corpus).spawn().unwrap();
        std::thread::sleep(at.min(Duration::from_secs(60)));
        child.kill().unwrap(); // SIGKILL
        let _ = child.wait();
    }
    assert!(ingest(&crashed, &corpus).status().unwrap().success());

    let (clean_events, crashed_events) = (events(&clean), events(&crashed));
    assert!(clean_events.len() > 100, "{}", clean_events.len());
    assert_eq!(crashed_events, clean_events);
    assert_eq!(reingest(&crashed, &corpus), (0, 2000));
    std::fs::remove_dir_all(&dir).unwrap();
}
