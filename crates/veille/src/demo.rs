//! `veille demo`: a fresh database from the bundled corpus (data/demo/,
//! embedded in the binary) and a summary.

use crate::ingest::{ingest_inputs, Verbosity};
use anyhow::{Context, Result};
use rust_embed::RustEmbed;
use std::path::Path;
use veille_pipeline::Pipeline;
use veille_sources::{parse_manifest, Input};
use veille_store::Store;

#[derive(RustEmbed)]
#[folder = "../../data/demo/"]
struct Corpus;

/// Builds the demo database at `db` (replacing it) and prints a summary.
pub fn run(db: &Path) -> Result<()> {
    for suffix in ["", "-wal", "-shm"] {
        let p = format!("{}{suffix}", db.display());
        if Path::new(&p).exists() {
            std::fs::remove_file(&p).with_context(|| format!("removing old {p}"))?;
        }
    }
    let mut store = Store::open(db).with_context(|| format!("creating {}", db.display()))?;
    let manifest = Corpus::get("manifest.tsv")
        .map(|f| parse_manifest(&String::from_utf8_lossy(&f.data)))
        .unwrap_or_default();
    let mut names: Vec<String> = Corpus::iter()
        .filter(|n| n.starts_with("articles/"))
        .map(|n| n.to_string())
        .collect();
    names.sort();
    let inputs: Vec<Input> = names
        .iter()
        .filter_map(|name| {
            let file = name.trim_start_matches("articles/");
            let data = Corpus::get(name)?;
            Some(Input {
                name: file.to_string(),
                bytes: Ok(data.data.into_owned()),
                meta: manifest.get(file).cloned().unwrap_or_default(),
            })
        })
        .collect();
    println!(
        "veille demo: {} bundled articles -> {}",
        inputs.len(),
        db.display()
    );
    let report = ingest_inputs(
        &Pipeline::new().events_only(),
        &mut store,
        inputs.into_iter(),
        |_| {},
    );
    report.print(Verbosity::Normal);
    let s = store.summary()?;
    println!(
        "\n{} events, {} fatalities, from {} articles ({} skipped)",
        s.events, s.fatalities, s.articles, s.failures
    );
    println!("\nEvents by type:");
    for (t, n) in &s.by_type {
        println!("  {n:>4}  {t}");
    }
    println!("\nEvents by admin1:");
    for (a, n) in &s.by_admin1 {
        println!("  {n:>4}  {a}");
    }
    Ok(())
}

/// The clean texts and publication dates of the demo corpus (for benchmarks).
pub fn corpus_texts() -> Vec<(String, Option<chrono::NaiveDate>)> {
    let manifest = Corpus::get("manifest.tsv")
        .map(|f| parse_manifest(&String::from_utf8_lossy(&f.data)))
        .unwrap_or_default();
    let mut out = Vec::new();
    for name in Corpus::iter().filter(|n| n.starts_with("articles/")) {
        let file = name.trim_start_matches("articles/");
        let Some(data) = Corpus::get(&name) else {
            continue;
        };
        let meta = manifest.get(file).cloned().unwrap_or_default();
        let doc = veille_core::RawDocument {
            bytes: data.data.into_owned(),
            publication_date: meta.published,
            ..Default::default()
        };
        if let Ok(a) = veille_extract::extract(&doc) {
            out.push((a.text, a.publication_date));
        }
    }
    out
}
