//! `veille bench`: speed on one thread, reported next to a peer run on the
//! same input in the same session (machines are noisy; ratios travel better
//! than absolute numbers).

use anyhow::{bail, Context, Result};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Instant;
use veille_core::RawDocument;

/// Pages of a folder: `html/*.html.gz` (ScrapingHub layout) or `*.html`,
/// `*.htm`, `*.html.gz` directly inside; sorted by name.
fn load_pages(dir: &Path) -> Result<Vec<(String, Vec<u8>)>> {
    let folder = if dir.join("html").is_dir() {
        dir.join("html")
    } else {
        dir.to_path_buf()
    };
    let mut names: Vec<PathBuf> = std::fs::read_dir(&folder)
        .with_context(|| format!("reading {}", folder.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let n = p.to_string_lossy().to_lowercase();
            [".html", ".htm", ".html.gz", ".htm.gz"]
                .iter()
                .any(|s| n.ends_with(s))
        })
        .collect();
    names.sort();
    let mut pages = Vec::with_capacity(names.len());
    for p in names {
        let raw = std::fs::read(&p)?;
        let bytes = if raw.starts_with(&[0x1f, 0x8b]) {
            let mut out = Vec::new();
            flate2::read::GzDecoder::new(&raw[..]).read_to_end(&mut out)?;
            out
        } else {
            raw
        };
        pages.push((p.display().to_string(), bytes));
    }
    if pages.is_empty() {
        bail!("no pages in {}", folder.display());
    }
    Ok(pages)
}

/// Extraction speed, then trafilatura's on the same pages.
pub fn extract(dataset: &Path, repeat: usize, peer: bool) -> Result<()> {
    if !dataset.exists() {
        bail!("dataset not found: {}", dataset.display());
    }
    let pages = load_pages(dataset)?;
    let bytes: usize = pages.iter().map(|p| p.1.len()).sum();
    let docs: Vec<RawDocument> = pages
        .iter()
        .map(|(_, b)| RawDocument {
            bytes: b.clone(),
            ..Default::default()
        })
        .collect();
    // Timed like the peer: all passes, mean pages/s.
    let mut failures = 0;
    let t = Instant::now();
    for _ in 0..repeat {
        failures = 0;
        for d in &docs {
            if veille_extract::extract(d).is_err() {
                failures += 1;
            }
        }
    }
    let secs = t.elapsed().as_secs_f64();
    let ours = (pages.len() * repeat) as f64 / secs;
    println!(
        "veille extract: {} pages ({:.1} MB) x {repeat} passes in {:.3} s: {:.1} pages/s on one thread ({} failed)",
        pages.len(),
        bytes as f64 / 1e6,
        secs,
        ours,
        failures
    );
    if !peer {
        return Ok(());
    }
    let script = Path::new("scripts/bench-trafilatura.sh");
    if !script.exists() {
        println!(
            "peer skipped: scripts/bench-trafilatura.sh not found (run from the repository root)"
        );
        return Ok(());
    }
    let out = std::process::Command::new("bash")
        .arg(script)
        .arg("--dataset")
        .arg(dataset)
        .arg("--repeat")
        .arg(repeat.to_string())
        .stderr(std::process::Stdio::inherit())
        .output()
        .context("running scripts/bench-trafilatura.sh")?;
    if !out.status.success() {
        bail!("scripts/bench-trafilatura.sh failed ({})", out.status);
    }
    let line = String::from_utf8_lossy(&out.stdout);
    let v: serde_json::Value =
        serde_json::from_str(line.trim()).with_context(|| format!("peer output: {line}"))?;
    let theirs = v["pages_per_second"]
        .as_f64()
        .context("peer output has no pages_per_second")?;
    println!(
        "trafilatura {}: {} pages, {:.1} pages/s on one thread (mean over {} passes)",
        v["version"].as_str().unwrap_or("?"),
        v["pages"],
        theirs,
        v["repeat"]
    );
    println!("ratio_vs_trafilatura {:.1}", ours / theirs);
    Ok(())
}

/// Sentences per second through the nlp stage.
pub fn nlp(dataset: Option<&Path>, seconds: f64) -> Result<()> {
    let texts: Vec<(String, Option<chrono::NaiveDate>)> = match dataset {
        Some(dir) => load_pages(dir)
            .or_else(|_| -> Result<Vec<(String, Vec<u8>)>> {
                let mut v = Vec::new();
                for e in std::fs::read_dir(dir)? {
                    let p = e?.path();
                    if p.extension().is_some_and(|x| x == "txt") {
                        v.push((p.display().to_string(), std::fs::read(&p)?));
                    }
                }
                Ok(v)
            })?
            .into_iter()
            .filter_map(|(_, b)| {
                veille_extract::extract(&RawDocument {
                    bytes: b,
                    ..Default::default()
                })
                .ok()
            })
            .map(|a| (a.text, a.publication_date))
            .collect(),
        None => crate::demo::corpus_texts(),
    };
    if texts.is_empty() {
        bail!("no texts to run on");
    }
    let (mut sentences, mut passes) = (0usize, 0usize);
    let t = Instant::now();
    while t.elapsed().as_secs_f64() < seconds {
        for (text, date) in &texts {
            let a = veille_nlp::analyze(text, *date);
            sentences += a.sentences.len();
        }
        passes += 1;
    }
    let s = t.elapsed().as_secs_f64();
    println!(
        "veille nlp: {} texts x {passes} passes, {sentences} sentences in {s:.2} s: {:.0} sentences/s on one thread",
        texts.len(),
        sentences as f64 / s
    );
    Ok(())
}

/// Articles per second through recognition and resolution of toponyms.
pub fn geo(dataset: &Path, seconds: f64, gaz: &veille_geo::Gazetteer) -> Result<()> {
    let articles = veille_eval::geoparse::parse(&std::fs::read_to_string(dataset)?)?;
    if articles.is_empty() {
        bail!("no articles in {}", dataset.display());
    }
    let chars: usize = articles.iter().map(|a| a.text.chars().count()).sum();
    let (mut done, mut toponyms) = (0usize, 0usize);
    let t = Instant::now();
    while t.elapsed().as_secs_f64() < seconds {
        for a in &articles {
            let sentences = veille_nlp::split_sentences(&a.text);
            toponyms += veille_geo::find_places(&a.text, &sentences, gaz)
                .toponyms
                .len();
            done += 1;
        }
    }
    let s = t.elapsed().as_secs_f64();
    println!(
        "veille geo: {} articles (mean {} characters) x {} passes, {} toponyms, {s:.2} s: {:.0} articles/s on one thread",
        articles.len(),
        chars / articles.len(),
        done / articles.len(),
        toponyms,
        done as f64 / s
    );
    Ok(())
}

/// Articles per second through event coding alone.
pub fn code(seconds: f64, gaz: &'static veille_geo::Gazetteer) -> Result<()> {
    let lex = veille_code::lexicon();
    let prepared: Vec<_> = crate::demo::corpus_texts()
        .into_iter()
        .filter_map(|(text, date)| {
            let doc = RawDocument {
                bytes: text.into_bytes(),
                publication_date: date,
                ..Default::default()
            };
            let article = veille_extract::extract(&doc).ok()?;
            let nlp = veille_nlp::analyze(&article.text, article.publication_date);
            let geo = veille_geo::find_places(&article.text, &nlp.sentences, gaz);
            Some((article, nlp, geo))
        })
        .collect();
    let (mut done, mut events) = (0usize, 0usize);
    let t = Instant::now();
    while t.elapsed().as_secs_f64() < seconds {
        for (a, nlp, geo) in &prepared {
            events += veille_code::code_article(a, nlp, geo, gaz, lex)
                .events
                .len();
            done += 1;
        }
    }
    let s = t.elapsed().as_secs_f64();
    println!(
        "veille code: {} demo articles x {} passes, {events} events, {s:.2} s: {:.0} articles/s on one thread",
        prepared.len(),
        done / prepared.len().max(1),
        done as f64 / s
    );
    Ok(())
}

/// WARC.gz ingest end to end: an archive built from the pages of `dataset`
/// (one gzipped HTTP response record per page, as CC-NEWS) is read, every
/// page runs through the pipeline and lands in a fresh SQLite store; then
/// the same pages through the pipeline alone, to show where the time goes.
pub fn warc(dataset: &Path, repeat: usize) -> Result<()> {
    if !dataset.exists() {
        bail!("dataset not found: {}", dataset.display());
    }
    let pages = load_pages(dataset)?;
    let tmp = std::env::temp_dir().join(format!("veille-bench-warc-{}", std::process::id()));
    std::fs::create_dir_all(&tmp)?;
    let archive = tmp.join("pages.warc.gz");
    {
        let mut f = std::io::BufWriter::new(std::fs::File::create(&archive)?);
        for (i, (_, body)) in pages.iter().enumerate() {
            veille_sources::warc::write_response(
                &mut f,
                &format!("https://bench.example/page/{i}"),
                "2026-11-01T00:00:00Z",
                "text/html",
                body,
            )?;
        }
        std::io::Write::flush(&mut f)?;
    }
    let size = std::fs::metadata(&archive)?.len();
    let pipeline = veille_pipeline::Pipeline::new();
    let unit = veille_sources::collect(&[archive.display().to_string()]);
    let mut total = std::time::Duration::ZERO;
    let mut report = crate::ingest::Report::default();
    for pass in 0..repeat {
        let db = tmp.join(format!("bench-{pass}.db"));
        let mut store = veille_store::Store::open(&db)?;
        let t = Instant::now();
        report = crate::ingest::ingest_units(
            &pipeline,
            &mut store,
            &unit,
            crate::ingest::Verbosity::Quiet,
        );
        total += t.elapsed();
    }
    let secs = total.as_secs_f64();
    let end_to_end = (report.read * repeat) as f64 / secs;
    println!(
        "veille ingest WARC.gz: {} records ({:.1} MB compressed) x {repeat} passes in {secs:.3} s: {end_to_end:.1} pages/s on one thread, into SQLite ({} new, {} failed, {} events)",
        report.read,
        size as f64 / 1e6,
        report.new,
        report.failed.len(),
        report.events_new + report.events_merged
    );
    // The pipeline alone on the same pages, already decompressed in memory.
    let docs: Vec<RawDocument> = pages
        .into_iter()
        .map(|(_, bytes)| RawDocument {
            bytes,
            fallback_date: chrono::NaiveDate::from_ymd_opt(2026, 11, 1),
            ..Default::default()
        })
        .collect();
    let t = Instant::now();
    for _ in 0..repeat {
        for d in &docs {
            let _ = pipeline.run(d);
        }
    }
    let alone = (docs.len() * repeat) as f64 / t.elapsed().as_secs_f64();
    println!(
        "pipeline alone (extract, nlp, geo, code) on the same pages: {alone:.1} pages/s on one thread; reading the archive and storing take the other {:.0}%",
        (100.0 * (1.0 - end_to_end / alone)).max(0.0)
    );
    println!("warc_pages_per_second {end_to_end:.1}");
    std::fs::remove_dir_all(&tmp)?;
    Ok(())
}
