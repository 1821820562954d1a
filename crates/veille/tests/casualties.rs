//! Fatalities, injured and abducted are separate counts of one clause.

mod common;

#[test]
fn killed_wounded_and_abducted_are_counted_apart() {
    let dir = common::temp_dir("casualties");
    let article = dir.join("a.txt");
    std::fs::write(
        &article,
        "Gunmen raid church in Kajuru\n\nGunmen abducted 31 worshippers during a raid on a church in Kajuru, Nigeria, on Sunday, killing one person and wounding five others, residents said.\n",
    )
    .unwrap();
    let out = common::veille(&[
        "extract",
        article.to_str().unwrap(),
        "--pub-date",
        "2025-03-24",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let e = &v["events"][0];
    assert_eq!(
        e["sub_event_type"], "Abduction/forced disappearance",
        "{e:#}"
    );
    assert_eq!(e["fatalities"], 1, "{e:#}");
    assert_eq!(e["injured"], 5, "{e:#}");
    assert_eq!(e["abducted"], 31, "{e:#}");
    assert_eq!(e["aggregate"], false);
    std::fs::remove_dir_all(&dir).unwrap();
}
