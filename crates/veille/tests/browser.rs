//! The dashboard in headless Chromium (tests/e2e/run.sh: Playwright drives
//! Debian's Chromium against `veille serve` on the demo database: load the
//! map, filter by a type, click an event, see its evidence highlighted, save
//! a screenshot in target/e2e/; then the large-database mode against a mock
//! of 1,000,000 events and against `veille serve` on 100,000 synthetic ones). Runs when Chromium and tests/e2e/node_modules
//! are present, or when VEILLE_TEST_BROWSER=1 (as .ci/run sets, which
//! installs them); otherwise skips with the reason.

use std::path::Path;
use std::process::Command;

#[test]
fn dashboard_in_a_real_browser() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let modules = root.join("tests/e2e/node_modules/playwright-core");
    let required = std::env::var("VEILLE_TEST_BROWSER").is_ok_and(|v| v == "1");
    let missing: Vec<String> = [
        (!Path::new(&chromium).exists())
            .then(|| format!("no Chromium at {chromium} (apt-get install -y chromium)")),
        (!modules.exists()).then(|| "no tests/e2e/node_modules (npm ci in tests/e2e)".to_string()),
        Command::new("node")
            .arg("--version")
            .output()
            .is_err()
            .then(|| "no node".to_string()),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !missing.is_empty() {
        assert!(
            !required,
            "VEILLE_TEST_BROWSER=1 but {}",
            missing.join("; ")
        );
        eprintln!("skipped: browser test needs {}", missing.join("; "));
        return;
    }
    let out = Command::new("bash")
        .arg(root.join("tests/e2e/run.sh"))
        .arg(env!("CARGO_BIN_EXE_veille"))
        .env("CHROMIUM", &chromium)
        .output()
        .expect("run tests/e2e/run.sh");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "browser test failed:\n{text}");
    assert!(text.contains(" passed, 0 failed"), "{text}");
}
