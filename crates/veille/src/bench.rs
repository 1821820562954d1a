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
    // Timed like the peer: one untimed call first (one-time set-up such as
    // compiling patterns is not per-page work), then all passes, mean pages/s.
    // At least `repeat` passes and two seconds: a shorter run is mostly
    // the machine's noise.
    let _ = veille_extract::extract(&docs[0]);
    let mut failures = 0;
    let mut passes = 0;
    let t = Instant::now();
    while passes < repeat || t.elapsed().as_secs_f64() < 2.0 {
        failures = 0;
        for d in &docs {
            if veille_extract::extract(d).is_err() {
                failures += 1;
            }
        }
        passes += 1;
    }
    let secs = t.elapsed().as_secs_f64();
    let ours = (pages.len() * passes) as f64 / secs;
    println!(
        "veille extract: {} pages ({:.1} MB) x {passes} passes in {:.3} s: {:.1} pages/s on one thread ({} failed)",
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

/// Load time of the embedded gazetteer, and the memory one loaded
/// gazetteer holds (resident set before and after the first load; later
/// loads reuse memory the allocator keeps).
pub fn gazetteer(repeat: usize) -> Result<()> {
    let resident = || -> Option<u64> {
        let status = std::fs::read_to_string("/proc/self/status").ok()?;
        let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
        line.split_whitespace().nth(1)?.parse().ok()
    };
    let before = resident();
    let mut ms = Vec::with_capacity(repeat);
    let mut kept = None;
    for _ in 0..repeat {
        let t = Instant::now();
        let g = veille_geo::Gazetteer::embedded()?;
        ms.push(t.elapsed().as_secs_f64() * 1000.0);
        if kept.is_none() {
            if let (Some(b), Some(a)) = (before, resident()) {
                println!(
                    "resident memory: {} MB before the first load, {} MB after ({} entries)",
                    b / 1024,
                    a / 1024,
                    g.entries.len()
                );
            }
            kept = Some(g);
        }
    }
    let all: Vec<String> = ms.iter().map(|m| format!("{m:.0}")).collect();
    ms.sort_by(f64::total_cmp);
    println!("loads (ms, in order): {}", all.join(" "));
    println!("gazetteer_load_ms {:.0}", ms[ms.len() / 2]);
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
    // As `veille ingest` runs it: pages without a trigger word skip nlp,
    // geo and coding.
    let pipeline = veille_pipeline::Pipeline::new().events_only();
    let unit = veille_sources::collect(&[archive.display().to_string()]);
    // A first pass, timed apart: it compiles the patterns the stages keep
    // (regular expressions, automata; about a fifth of its instructions on
    // these pages) and builds the indexes they build on first use. A long
    // ingest pays that once; the passes after it show the steady rate.
    let cold = {
        let db = tmp.join("bench-cold.db");
        let mut store = veille_store::Store::open(&db)?;
        let t = Instant::now();
        let r = crate::ingest::ingest_units(
            &pipeline,
            &mut store,
            &unit,
            crate::ingest::Verbosity::Quiet,
        );
        r.read as f64 / t.elapsed().as_secs_f64()
    };
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
        "veille ingest WARC.gz: {} records ({:.1} MB compressed) x {repeat} passes in {secs:.3} s: {end_to_end:.1} pages/s on one thread, into SQLite ({} new, {} failed, {} events), after a first pass at {cold:.1} pages/s (patterns compiled on first use)",
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
    let rate = |pipeline: &veille_pipeline::Pipeline| {
        let t = Instant::now();
        for _ in 0..repeat {
            for d in &docs {
                let _ = pipeline.run(d);
            }
        }
        (docs.len() * repeat) as f64 / t.elapsed().as_secs_f64()
    };
    let alone = rate(&pipeline);
    let every_stage = rate(&veille_pipeline::Pipeline::new());
    println!(
        "pipeline alone (extract, nlp, geo, code) on the same pages: {alone:.1} pages/s on one thread ({every_stage:.1} with every stage on every page, as `veille extract` runs it); reading the archive and storing take the other {:.0}%",
        (100.0 * (1.0 - end_to_end / alone)).max(0.0)
    );
    stage_times(&docs, repeat);
    println!("warc_pages_per_second {end_to_end:.1}");
    std::fs::remove_dir_all(&tmp)?;
    Ok(())
}

/// Where the pipeline's time goes: each stage timed alone over `docs`,
/// in microseconds per page.
fn stage_times(docs: &[RawDocument], repeat: usize) {
    let gaz = veille_geo::Gazetteer::global();
    let lex = veille_code::lexicon();
    let mut spent = [std::time::Duration::ZERO; 4];
    let (mut pages, mut silent) = (0usize, 0usize);
    for _ in 0..repeat {
        for d in docs {
            let t = Instant::now();
            let Ok(article) = veille_extract::extract(d) else {
                continue;
            };
            spent[0] += t.elapsed();
            if veille_code::Prescan::new(&article.text, lex).codes_nothing(lex) {
                silent += 1;
            }
            let t = Instant::now();
            let nlp = veille_nlp::analyze(&article.text, article.publication_date);
            spent[1] += t.elapsed();
            let t = Instant::now();
            let geo = veille_geo::find_places(&article.text, &nlp.sentences, gaz);
            spent[2] += t.elapsed();
            let t = Instant::now();
            let _ = veille_code::code_article(&article, &nlp, &geo, gaz, lex);
            spent[3] += t.elapsed();
            pages += 1;
        }
    }
    let per = |d: std::time::Duration| d.as_secs_f64() * 1e6 / pages.max(1) as f64;
    println!(
        "per page, each stage alone: extract {:.0} us, nlp {:.0} us, geo {:.0} us, code {:.0} us",
        per(spent[0]),
        per(spent[1]),
        per(spent[2]),
        per(spent[3])
    );
    println!(
        "{} of {} pages have no trigger word: `veille ingest` skips nlp, geo and code for them",
        silent / repeat.max(1),
        pages / repeat.max(1)
    );
}

/// Admin1 units the synthetic events of `bench api` are spread over (as
/// ACLED names them, like the pipeline).
const BENCH_PLACES: &[(&str, &str, &str, f64, f64)] = &[
    ("Mali", "ML", "Mopti", 14.49, -4.19),
    ("Mali", "ML", "Gao", 16.27, -0.04),
    ("Mali", "ML", "Menaka", 15.92, 2.40),
    ("Mali", "ML", "Segou", 13.44, -6.26),
    ("Mali", "ML", "Tombouctou", 16.77, -3.01),
    ("Mali", "ML", "Kidal", 18.44, 1.41),
    ("Burkina Faso", "BF", "Sahel", 14.10, -0.10),
    ("Burkina Faso", "BF", "Nord", 13.58, -2.42),
    ("Burkina Faso", "BF", "Est", 12.06, 0.35),
    ("Burkina Faso", "BF", "Centre-Nord", 13.09, -1.08),
    ("Niger", "NE", "Tillaberi", 14.21, 1.45),
    ("Niger", "NE", "Diffa", 13.32, 12.61),
    ("Niger", "NE", "Tahoua", 14.89, 5.27),
    ("Nigeria", "NG", "Borno", 11.85, 13.16),
    ("Nigeria", "NG", "Zamfara", 12.17, 6.66),
    ("Nigeria", "NG", "Kaduna", 10.52, 7.44),
    ("Chad", "TD", "Lac", 13.46, 14.73),
    ("Cameroon", "CM", "Extreme-Nord", 10.59, 14.32),
];

/// `veille bench api`: fills a store with `n` synthetic events (once; kept
/// for the HTTP load test of scripts/bench-api.sh), then times the API's
/// main query (events of one admin1 from a date, first page) in process.
pub fn api(db: &Path, n: usize, queries: usize) -> Result<()> {
    use veille_core::{Actor, Article, Event, ExtractOutput, Location, SubEventType};
    let mut store = veille_store::Store::open(db)?;
    let have = store.count_events(&Default::default())? as usize;
    if have < n {
        let t = Instant::now();
        let types = [
            SubEventType::ArmedClash,
            SubEventType::Attack,
            SubEventType::RemoteExplosiveLandmineIed,
            SubEventType::AirDroneStrike,
            SubEventType::PeacefulProtest,
            SubEventType::MobViolence,
            SubEventType::AbductionForcedDisappearance,
            SubEventType::LootingPropertyDestruction,
        ];
        let start = chrono::NaiveDate::from_ymd_opt(2015, 1, 1).expect("date");
        let batch = 10_000;
        let mut i = have;
        while i < n {
            let events: Vec<Event> = (i..(i + batch).min(n))
                .map(|k| {
                    // A cheap deterministic spread (splitmix-like).
                    let h = (k as u64)
                        .wrapping_mul(0x9E37_79B9_7F4A_7C15)
                        .rotate_left(17);
                    let (country, cc, admin1, lat, lon) =
                        BENCH_PLACES[h as usize % BENCH_PLACES.len()];
                    let t = types[(h >> 8) as usize % types.len()];
                    let jitter = |s: u64| ((h >> s) % 1000) as f64 / 1000.0 - 0.5;
                    Event {
                        id: format!("ev-bench-{k:08}"),
                        event_type: t.event_type(),
                        sub_event_type: t,
                        event_date: start + chrono::Duration::days(((h >> 20) % 3950) as i64),
                        time_precision: 1,
                        date_text: "on Monday".into(),
                        location: Some(Location {
                            name: format!("{admin1} village {}", (h >> 32) % 200),
                            country: country.into(),
                            country_code: cc.into(),
                            admin1: Some(admin1.into()),
                            latitude: Some(lat + jitter(40)),
                            longitude: Some(lon + jitter(50)),
                            geo_precision: 1,
                            ..Default::default()
                        }),
                        actors: vec![Actor {
                            name: [
                                "JNIM",
                                "Islamic State (Sahel)",
                                "Unidentified Armed Group",
                                "Rioters",
                                "Protesters",
                            ][(h >> 12) as usize % 5]
                                .into(),
                            role: "actor1".into(),
                            inter: 2,
                        }],
                        fatalities: Some((h >> 44) % 12),
                        fatalities_text: None,
                        fatalities_low: None,
                        fatalities_high: None,
                        injured: None,
                        abducted: None,
                        aggregate: false,
                        source_attribution: None,
                        notes: format!("Synthetic event {k} in {admin1}."),
                        evidence: vec![],
                    }
                })
                .collect();
            let text = format!("Synthetic batch {i}.");
            store.import(
                &ExtractOutput {
                    article: Article {
                        id: veille_extract::content_hash(&text),
                        url: None,
                        title: None,
                        outlet: Some("bench".into()),
                        publication_date: None,
                        publication_date_source: None,
                        language: "en".into(),
                        text,
                        removed_noise: vec![],
                        authors: vec![],
                        metadata_sources: Default::default(),
                    },
                    events,
                    places: vec![],
                    warnings: vec![],
                },
                "veille bench api",
            )?;
            i += batch;
        }
        println!(
            "filled {} with {} synthetic events in {:.1} s",
            db.display(),
            n - have,
            t.elapsed().as_secs_f64()
        );
    }
    let total = store.count_events(&Default::default())?;
    let mut times = Vec::with_capacity(queries);
    for q in 0..queries {
        let (_, _, admin1, _, _) = BENCH_PLACES[q % BENCH_PLACES.len()];
        let f = veille_store::EventFilter {
            admin1: Some(admin1.into()),
            date_from: chrono::NaiveDate::from_ymd_opt(2016 + (q % 8) as i32, 1, 1),
            limit: Some(100),
            ..Default::default()
        };
        let t = Instant::now();
        let page = store.events_page_json(&f, veille_store::SortOrder::DateDesc, None)?;
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        if page.starts_with("{\"events\":[]") {
            bail!("no events for {admin1}");
        }
    }
    times.sort_by(f64::total_cmp);
    let pct = |p: f64| times[((times.len() - 1) as f64 * p) as usize];
    println!(
        "events query (admin1 + date_from, first page of 100, as the API's JSON) on {total} events, {queries} queries on one thread: p50 {:.2} ms, p99 {:.2} ms",
        pct(0.5),
        pct(0.99)
    );
    // The dashboard's other reads on the same store, each the median of 5
    // runs after one that warms the page cache.
    let all = veille_store::EventFilter::default();
    let battles = veille_store::EventFilter {
        event_type: Some("Battles".into()),
        limit: Some(100),
        ..Default::default()
    };
    let page = veille_store::EventFilter {
        limit: Some(100),
        ..Default::default()
    };
    // Each read returns how many items (cells, series, alerts) or bytes it
    // gave, printed with its time.
    type Read<'a> = (&'a str, Box<dyn Fn() -> Result<usize> + 'a>);
    let mopti = veille_store::EventFilter {
        bbox: Some([-5.0, 13.0, -2.0, 16.0]),
        ..Default::default()
    };
    let reads: Vec<Read> = vec![
        (
            "map cells, whole world (zoom 3)",
            Box::new(|| Ok(store.clusters(&all, 3)?.len())),
        ),
        (
            "map cells, zoom 7 around Mopti",
            Box::new(|| Ok(store.clusters(&mopti, 7)?.len())),
        ),
        (
            "time series by week and type",
            Box::new(|| Ok(store.timeseries(&all, "week", "type")?.len())),
        ),
        (
            "summary (counts by type and admin1)",
            Box::new(|| Ok(store.summary()?.by_admin1.len())),
        ),
        ("alerts", Box::new(|| Ok(store.alerts(None)?.alerts.len()))),
        (
            "page sorted by fatalities (bytes)",
            Box::new(|| {
                Ok(store
                    .events_page_json(&page, veille_store::SortOrder::FatalitiesDesc, None)?
                    .len())
            }),
        ),
        (
            "Battles sorted by fatalities (bytes)",
            Box::new(|| {
                Ok(store
                    .events_page_json(&battles, veille_store::SortOrder::FatalitiesDesc, None)?
                    .len())
            }),
        ),
    ];
    for (what, read) in &reads {
        let n = read()?;
        let mut t5: Vec<f64> = (0..5)
            .map(|_| {
                let t = Instant::now();
                read().map(|_| t.elapsed().as_secs_f64() * 1000.0)
            })
            .collect::<Result<_>>()?;
        t5.sort_by(f64::total_cmp);
        println!("  {what}: {:.1} ms ({n})", t5[2]);
    }
    println!("api_p99_ms {:.2}", pct(0.99));
    Ok(())
}

/// Synthetic short plain-text articles, one incident each (a new day each).
fn synthetic_articles(n: usize) -> Vec<RawDocument> {
    const TOWNS: &[&str] = &[
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
    let start = chrono::NaiveDate::from_ymd_opt(2010, 1, 1).expect("date");
    (0..n)
        .map(|i| {
            let d = start + chrono::Duration::days(i as i64);
            let t = TOWNS[i % TOWNS.len()];
            RawDocument {
                bytes: format!(
                    "Attack near {t}\n\nGunmen killed {} villagers near {t} on {}, local officials said (report {i}). \
                     The attackers fled on motorcycles towards the border, according to a security source who asked \
                     not to be named. Residents said the army arrived several hours later.\n",
                    2 + i % 9,
                    d.format("%-d %B %Y")
                )
                .into_bytes(),
                kind: Some(veille_core::DocKind::Text),
                ..Default::default()
            }
        })
        .collect()
}

/// `veille bench ingest`: plain-text articles end to end (pipeline and
/// store) into a fresh SQLite file on one thread; with a PostgreSQL `db`,
/// the same articles queued in a fresh schema (dropped after), then
/// processed by `workers` worker threads, each with its own connection,
/// reported per worker.
pub fn ingest(n: usize, db: Option<&str>, workers: usize) -> Result<()> {
    let docs = synthetic_articles(n);
    let pipeline = veille_pipeline::Pipeline::new().events_only();
    match db {
        None => {
            let dir =
                std::env::temp_dir().join(format!("veille-bench-ingest-{}", std::process::id()));
            std::fs::create_dir_all(&dir)?;
            let mut store = veille_store::Store::open(&dir.join("bench.db"))?;
            let t = Instant::now();
            for d in &docs {
                let out = pipeline.run(d)?;
                store.ingest(&out, "bench")?;
            }
            let rate = n as f64 / t.elapsed().as_secs_f64();
            std::fs::remove_dir_all(&dir)?;
            println!("veille ingest into SQLite: {n} plain-text articles on one thread: {rate:.0} articles/s");
            println!("ingest_articles_per_second {rate:.0}");
        }
        Some(base) => {
            // A fresh schema of its own, like the fresh SQLite file: articles
            // left by an earlier run would be skipped as already stored.
            let schema = format!("veille_bench_{}", std::process::id());
            let scratch = veille_store::ScratchSchema::new(base, &schema)?;
            let url = &scratch.url;
            let mut store = veille_store::PgStore::connect(url)?;
            let jobs: Vec<(String, std::result::Result<RawDocument, String>)> = docs
                .into_iter()
                .enumerate()
                .map(|(i, d)| (format!("bench-{i}"), Ok(d)))
                .collect();
            for chunk in jobs.chunks(1000) {
                store.enqueue(chunk)?;
            }
            let t = Instant::now();
            let reports: Vec<Result<crate::worker::WorkerReport>> = std::thread::scope(|s| {
                let handles: Vec<_> = (0..workers.max(1))
                    .map(|w| {
                        let pipeline = &pipeline;
                        s.spawn(move || -> Result<crate::worker::WorkerReport> {
                            let mut store = veille_store::PgStore::connect(url)?;
                            crate::worker::run(
                                &mut store,
                                pipeline,
                                &crate::worker::Options {
                                    name: format!("bench-{w}"),
                                    batch: 32,
                                    stale_secs: 60.0,
                                    backoff_secs: 1.0,
                                    exit_when_empty: true,
                                    poll_secs: 0.2,
                                },
                            )
                        })
                    })
                    .collect();
                handles
                    .into_iter()
                    .map(|h| {
                        h.join()
                            .unwrap_or_else(|_| Err(anyhow::anyhow!("worker panicked")))
                    })
                    .collect()
            });
            let secs = t.elapsed().as_secs_f64();
            let mut done = 0;
            for r in reports {
                let r = r?;
                println!("  {}: {} articles", r.worker, r.processed);
                done += r.processed;
            }
            let per_worker = done as f64 / secs / workers.max(1) as f64;
            println!(
                "veille worker x {workers} on PostgreSQL: {done} articles in {secs:.2} s: {:.0} articles/s in all, {per_worker:.0} per worker",
                done as f64 / secs
            );
            println!("ingest_articles_per_second_per_worker {per_worker:.0}");
        }
    }
    Ok(())
}
