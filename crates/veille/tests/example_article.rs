//! The article that started the project: gold events E1 and E2, and none of
//! the forbidden ones (skipped with a reason when ../shared is absent).

mod common;

use serde_json::Value;

fn events() -> Option<(Value, Vec<Value>)> {
    let Some(dir) = common::shared_example() else {
        eprintln!("skipped: ../shared/examples/mali-isgs-2022/article.txt is not present");
        return None;
    };
    let article = dir.join("article.txt");
    let out = common::veille(&[
        "extract",
        article.to_str().unwrap(),
        "--pub-date",
        "2022-11-24",
        "--format",
        "json",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let events = v["events"].as_array().unwrap().clone();
    Some((v, events))
}

#[test]
fn gold_e1_camp_raid_near_gao() {
    let Some((_, events)) = events() else { return };
    let e1 = events
        .iter()
        .find(|e| e["fatalities"] == 11)
        .unwrap_or_else(|| panic!("no event with 11 fatalities in {events:#?}"));
    assert_eq!(e1["event_type"], "Violence against civilians");
    assert_eq!(e1["sub_event_type"], "Attack");
    assert_eq!(e1["event_date"], "2022-11-21");
    assert_eq!(e1["time_precision"], 1);
    assert_eq!(e1["location"]["admin1"], "Gao");
    assert_eq!(e1["location"]["country"], "Mali");
    assert_eq!(e1["location"]["geo_precision"], 2);
    assert_eq!(e1["source_attribution"], "local officials and aid workers");
    let actors: Vec<&str> = e1["actors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    assert!(
        actors
            .iter()
            .any(|a| a.starts_with("Unidentified Armed Group")),
        "{actors:?}"
    );
    assert!(
        actors.iter().any(|a| a.starts_with("Civilians")),
        "{actors:?}"
    );
}

#[test]
fn gold_e2_stoning_in_september_in_ansongo() {
    let Some((_, events)) = events() else { return };
    let e2 = events
        .iter()
        .find(|e| e["fatalities"] == 2)
        .unwrap_or_else(|| panic!("no event with 2 fatalities in {events:#?}"));
    assert_eq!(e2["event_type"], "Violence against civilians");
    assert!(
        e2["event_date"].as_str().unwrap().starts_with("2022-09"),
        "{}",
        e2["event_date"]
    );
    assert_eq!(e2["time_precision"], 3);
    assert_eq!(e2["location"]["admin1"], "Gao");
    assert_eq!(e2["location"]["admin2"], "Ansongo");
    assert_eq!(e2["location"]["geo_precision"], 2);
    assert_eq!(e2["location"]["raw_name"], "Tin-Hama");
}

#[test]
fn gold_e3_isgs_offensive_against_other_jihadists_in_march() {
    let Some((_, events)) = events() else { return };
    let e3 = events
        .iter()
        .find(|e| e["sub_event_type"] == "Armed clash")
        .unwrap_or_else(|| panic!("no armed clash in {events:#?}"));
    assert!(
        e3["event_date"].as_str().unwrap().starts_with("2022-03"),
        "{e3:#}"
    );
    assert_eq!(e3["time_precision"], 3);
    assert_eq!(e3["location"]["country"], "Mali");
    assert_eq!(e3["location"]["geo_precision"], 3);
    let admin1 = e3["location"]["admin1"].as_str().unwrap();
    // gold: Gao or Ménaka, which ACLED (and veille) writes without its accent.
    assert!(admin1 == "Gao" || admin1 == "Menaka", "{admin1}");
    assert_eq!(e3["fatalities"], Value::Null);
    let actor = |role: &str| {
        e3["actors"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["role"] == role)
            .map(|a| a["name"].as_str().unwrap().to_string())
    };
    assert_eq!(actor("actor1").as_deref(), Some("Islamic State (Sahel)"));
    // "other jihadists": the article's one other jihadist group (it names
    // JNIM as "al-Qaeda jihadists" and by its long name).
    assert_eq!(
        actor("actor2").as_deref(),
        Some("JNIM: Group for Support of Islam and Muslims")
    );
}

#[test]
fn nothing_forbidden() {
    let Some((v, events)) = events() else { return };
    let text = v["article"]["text"].as_str().unwrap();
    assert!(!text.contains("Also Read"), "noise left in the text");
    assert_eq!(
        text.matches("Citizens escape as jihadists").count(),
        1,
        "title not collapsed"
    );
    for e in &events {
        let country = e["location"]["country"].as_str().unwrap_or("");
        assert!(
            ![
                "Syria",
                "Iraq",
                "Israel",
                "India",
                "Turkey",
                "Niger",
                "Burkina Faso",
                "Nigeria"
            ]
            .contains(&country),
            "event in {country}: {e:#}"
        );
        assert_ne!(e["location"]["name"], "Bamako");
        assert!(
            e["event_date"].as_str().unwrap() >= "2022-01-01",
            "background dated as event: {e:#}"
        );
        for ev in e["evidence"].as_array().unwrap() {
            let s = ev["start"].as_u64().unwrap() as usize;
            let t = ev["end"].as_u64().unwrap() as usize;
            let slice: String = text.chars().skip(s).take(t - s).collect();
            assert_eq!(
                slice,
                ev["text"].as_str().unwrap(),
                "evidence offsets are code points into article.text"
            );
        }
    }
    // One event per incident.
    let mut keys: Vec<(String, String)> = events
        .iter()
        .map(|e| (e["event_date"].to_string(), e["sub_event_type"].to_string()))
        .collect();
    let n = keys.len();
    keys.dedup();
    assert_eq!(keys.len(), n);
}

#[test]
fn standard_input_and_text_format() {
    let Some(dir) = common::shared_example() else {
        eprintln!("skipped: ../shared/examples is not present");
        return;
    };
    use std::io::Write;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_veille"))
        .args([
            "extract",
            "-",
            "--pub-date",
            "2022-11-24",
            "--format",
            "text",
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(&std::fs::read(dir.join("article.txt")).unwrap())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(s.contains("2022-11-21"), "{s}");
}

#[test]
fn aggregate_reports_are_flagged() {
    let Some((_, events)) = events() else { return };
    let hrw = events
        .iter()
        .find(|e| e["fatalities"] == 100)
        .expect("the HRW report is coded");
    assert_eq!(hrw["aggregate"], true, "{hrw:#}");
    for e in events
        .iter()
        .filter(|e| e["fatalities"] == 11 || e["fatalities"] == 2)
    {
        assert_eq!(e["aggregate"], false, "{e:#}");
    }
}
