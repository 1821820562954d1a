//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::PathBuf;
use std::process::{Command, Output};

pub fn veille(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_veille"))
        .args(args)
        .output()
        .expect("run veille")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).to_string()
}

/// Runs `veille` with `args`, asserts it succeeded, and returns its stdout.
pub fn run_ok(args: &[&str]) -> String {
    let out = veille(args);
    let s = stdout(&out);
    assert!(
        out.status.success(),
        "{s}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    s
}

/// The number after `key` on the line of `report` that starts with it
/// ("pairwise recall 0.926" for key "pairwise recall ").
pub fn value(report: &str, key: &str) -> f64 {
    report
        .lines()
        .find_map(|l| l.strip_prefix(key))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or_else(|| panic!("no {key:?} line in {report}"))
}

/// A fresh temporary directory for one test.
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("veille-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The shared example folder, if present next to the repository.
pub fn shared_example() -> Option<PathBuf> {
    let p =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/examples/mali-isgs-2022");
    p.join("article.txt").exists().then_some(p)
}

/// Towns a GeoNames gazetteer knows, for generated reports.
pub const TOWNS: &[&str] = &[
    "Mopti",
    "Gao",
    "Ségou",
    "Kayes",
    "Sikasso",
    "Tombouctou",
    "Kidal",
    "Djibo",
    "Dori",
    "Kaya",
    "Ouahigouya",
    "Tillabéri",
    "Diffa",
    "Maiduguri",
    "Niamey",
    "Bamako",
];

/// Writes `n` short plain-text reports `00000.txt`... into `dir`: report `i`
/// is an attack in `TOWNS[i % 16]` on the date `date_of(i)` gives
/// ("3 March 2025").
pub fn write_reports(dir: &std::path::Path, n: usize, date_of: impl Fn(usize) -> String) {
    std::fs::create_dir_all(dir).unwrap();
    for i in 0..n {
        let town = TOWNS[i % TOWNS.len()];
        let text = format!(
            "Attack near {town}, report {i}\n\nGunmen killed {} villagers near {town} on {}, local officials said in report number {i}.\n",
            2 + i % 9,
            date_of(i)
        );
        std::fs::write(dir.join(format!("{i:05}.txt")), text).unwrap();
    }
}

/// Starts `veille serve --db DB --bind 127.0.0.1:PORT` (plus `args`) on a
/// free port and waits until it answers; returns the child and the port.
pub fn serve(
    db: &std::path::Path,
    args: &[&str],
    env: &[(&str, &str)],
) -> (std::process::Child, u16) {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_veille"));
    cmd.arg("serve")
        .args(args)
        .args([
            "--db",
            db.to_str().unwrap(),
            "--bind",
            &format!("127.0.0.1:{port}"),
        ])
        .env_remove("VEILLE_API_TOKEN")
        .stderr(std::process::Stdio::null());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().unwrap();
    let up = (0..100).any(|_| {
        std::thread::sleep(std::time::Duration::from_millis(100));
        std::net::TcpStream::connect(("127.0.0.1", port)).is_ok()
    });
    if !up {
        let _ = child.kill();
        let _ = child.wait();
        panic!("veille serve did not start on port {port}");
    }
    (child, port)
}

/// Status and body of a GET (4xx and 5xx answers too).
pub fn http_get(url: &str) -> (u16, String) {
    match ureq::get(url).call() {
        Ok(r) => (r.status(), r.into_string().unwrap()),
        Err(ureq::Error::Status(c, r)) => (c, r.into_string().unwrap()),
        Err(e) => panic!("{url}: {e}"),
    }
}
