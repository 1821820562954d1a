//! Users add the villages GeoNames lacks: an ACLED export becomes an
//! overlay, and the overlay places events.

mod common;

#[test]
fn acled_export_to_overlay_to_event_place() {
    let dir = common::temp_dir("overlay");
    let csv = dir.join("acled.csv");
    std::fs::write(
        &csv,
        "event_id_cnty,event_date,country,admin1,admin2,admin3,location,latitude,longitude\n\
         MLI1,2024-01-02,Mali,Gao,Ansongo,Ouattagouna,Kelkasso Nord,15.1800,0.7200\n\
         MLI2,2024-01-03,Mali,Gao,Gao,Gao,Gao,16.2717,-0.0447\n\
         MLI3,2024-01-04,Mali,Gao,Ansongo,Ouattagouna,Kelkasso Nord,15.1800,0.7200\n",
    )
    .unwrap();
    let extra = dir.join("extra");
    std::fs::create_dir_all(&extra).unwrap();
    let out = common::veille(&[
        "gazetteer",
        "import",
        "--acled",
        csv.to_str().unwrap(),
        "--out",
        extra.join("acled.tsv").to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let overlay = std::fs::read_to_string(extra.join("acled.tsv")).unwrap();
    let rows: Vec<&str> = overlay
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("geonameid"))
        .collect();
    assert_eq!(
        rows.len(),
        1,
        "Gao is known and the repeat is one place: {overlay}"
    );
    assert!(
        rows[0].contains("Kelkasso Nord") && rows[0].contains("\tML\tGao\tAnsongo\t"),
        "{}",
        rows[0]
    );

    let article = dir.join("a.txt");
    std::fs::write(
        &article,
        "Gunmen kill four herders in Kelkasso Nord\n\nGunmen killed four herders in the village of Kelkasso Nord, in Mali's Gao region, on Sunday, a local official said.\n",
    )
    .unwrap();
    let run = |extra_dir: Option<&std::path::Path>| {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_veille"));
        cmd.args([
            "extract",
            article.to_str().unwrap(),
            "--pub-date",
            "2024-01-09",
        ]);
        match extra_dir {
            Some(d) => cmd.env("VEILLE_GAZETTEER_EXTRA", d),
            None => cmd.env("VEILLE_GAZETTEER_EXTRA", ""),
        };
        let o = cmd.output().unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        v["events"][0]["location"].clone()
    };
    let with = run(Some(&extra));
    assert_eq!(with["name"], "Kelkasso Nord", "{with:#}");
    assert_eq!(with["admin2"], "Ansongo");
    assert_eq!(with["geo_precision"], 1);
    let without = run(None);
    assert_ne!(without["name"], "Kelkasso Nord", "{without:#}");

    // A broken overlay is an error naming its file and line.
    std::fs::write(
        extra.join("zz-bad.tsv"),
        format!("{}\n\tX\t\t1\t1\tML\tNowhere\t\t\tP\n", veille_header()),
    )
    .unwrap();
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_veille"));
    let o = cmd
        .args(["extract", article.to_str().unwrap()])
        .env("VEILLE_GAZETTEER_EXTRA", &extra)
        .output()
        .unwrap();
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("zz-bad.tsv:2") && err.contains("Nowhere"),
        "{err}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

fn veille_header() -> &'static str {
    "geonameid\tname\taliases\tlat\tlon\tiso2\tadmin1_code\tadmin2_code\tpopulation\tfeature"
}
