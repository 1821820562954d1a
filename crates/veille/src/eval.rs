//! `veille eval`: runs a benchmark and prints its scores.

use anyhow::Result;
use std::path::Path;
use veille_eval::extraction;

/// The ScrapingHub extraction benchmark: per-page table with `verbose`,
/// totals, and `F1 0.xxx` as the last line.
pub fn extraction(dataset: &Path, verbose: bool) -> Result<()> {
    let pages = extraction::load(dataset)?;
    let mut scores = Vec::with_capacity(pages.len());
    let mut failures = 0;
    if verbose {
        println!(
            "{:<66} {:>9} {:>9} {:>6}  note",
            "page", "precision", "recall", "exact"
        );
    }
    for page in &pages {
        let (pred, note) = match extraction::predict(page) {
            Ok(p) => (p, String::new()),
            Err(e) => {
                failures += 1;
                (String::new(), format!("failed: {e}"))
            }
        };
        let s = extraction::score_page(&page.truth, &pred);
        if verbose {
            let f = |x: Option<f64>| x.map(|v| format!("{v:.3}")).unwrap_or("-".into());
            println!(
                "{:<66} {:>9} {:>9} {:>6}  {note}",
                page.id,
                f(s.precision),
                f(s.recall),
                s.exact
            );
        }
        scores.push(s);
    }
    let t = extraction::totals(&scores, failures);
    println!("pages {} (failed {})", t.pages, t.failures);
    println!("precision {:.3}", t.precision);
    println!("recall {:.3}", t.recall);
    println!("accuracy {:.3}", t.accuracy);
    println!("F1 {:.3}", t.f1);
    Ok(())
}

/// Geoparsing on an LGL/TR-News file; `acc@161 0.xxx` as the last line.
pub fn geoparse(dataset: &Path, gaz: &veille_geo::Gazetteer, verbose: bool) -> Result<()> {
    let xml = std::fs::read_to_string(dataset)?;
    let articles = veille_eval::geoparse::parse(&xml)?;
    let s = veille_eval::geoparse::evaluate(&articles, gaz);
    if verbose {
        for (p, at) in &s.false_positives {
            println!("false-positive\t{p}\t{at}");
        }
        for (p, at) in &s.missed {
            println!("not-recognised\t{p}\t{at}");
        }
        for (article, phrase, chose, km) in &s.misses {
            let km = km.map(|k| format!("{k:.0} km")).unwrap_or("-".into());
            println!("miss\t{article}\t{phrase}\t{chose}\t{km}");
        }
    }
    println!(
        "articles {}, gold toponyms {}, predicted {}",
        s.articles, s.gold, s.predicted
    );
    let (p, r, f) = s.prf(s.exact_match, s.exact_match);
    println!("recognition exact: precision {p:.3} recall {r:.3} F1 {f:.3}");
    let (p, r, f) = s.prf(s.overlap_match_pred, s.overlap_match_gold);
    println!("recognition overlap: precision {p:.3} recall {r:.3} F1 {f:.3}");
    println!(
        "resolution of {} gold toponyms with coordinates: {} resolved, mean error {:.0} km, median {:.0} km",
        s.resolvable,
        s.resolved,
        s.mean_km(),
        s.median_km()
    );
    println!("acc@161 {:.3}", s.acc161());
    Ok(())
}

/// CASE 2021 event classification; `weighted-F1 0.xxx` (all 30 labels) last.
pub fn events(dataset: &Path, verbose: bool) -> Result<()> {
    use veille_eval::events;
    let rows = events::run(&events::load(dataset)?);
    let r = events::score(&rows);
    if verbose {
        println!(
            "{:<32} {:>5} {:>5} {:>5} {:>7} {:>6}",
            "label", "tp", "fp", "fn", "support", "F1"
        );
        for (label, (tp, fp, fn_, support)) in &r.per_label {
            let f = veille_eval::f1(*tp, *fp, *fn_);
            println!("{label:<32} {tp:>5} {fp:>5} {fn_:>5} {support:>7} {f:>6.3}");
        }
        for row in rows.iter().filter(|x| x.predicted != Some(x.gold.as_str())) {
            let snippet: String = row.text.chars().take(120).collect();
            println!(
                "miss\t{}\t{}\t{}\t{snippet}",
                row.id,
                row.gold,
                row.predicted.unwrap_or("-")
            );
        }
    }
    println!("snippets {} (no label for {})", rows.len(), r.unlabelled);
    println!("micro-F1 {:.3}", r.micro_f1);
    println!("macro-F1 {:.3}", r.macro_f1);
    println!(
        "weighted-F1 over the 25 ACLED labels {:.3}",
        r.weighted_f1_acled
    );
    println!("weighted-F1 {:.3}", r.weighted_f1);
    Ok(())
}

/// Cross-article de-duplication on a set of reports with gold incident ids
/// (`data/eval/dedup/reports.jsonl`): every report runs through the pipeline
/// into a fresh in-memory store, in publication order; two reports are
/// predicted to describe one incident when they are sources of a common
/// stored event. Pairwise precision, recall and F1 over all report pairs;
/// the last line is `pairwise-F1 0.xxx`.
pub fn dedup(dataset: &Path, verbose: bool) -> Result<()> {
    use anyhow::Context;
    use std::collections::{BTreeSet, HashMap};
    let text = std::fs::read_to_string(dataset)
        .with_context(|| format!("reading {}", dataset.display()))?;
    struct Report {
        id: String,
        incident: String,
        published: Option<chrono::NaiveDate>,
        doc: veille_core::RawDocument,
    }
    let mut reports = Vec::new();
    for (i, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let v: serde_json::Value = serde_json::from_str(line)
            .with_context(|| format!("{}:{}", dataset.display(), i + 1))?;
        let s = |k: &str| v[k].as_str().unwrap_or("").to_string();
        let published = s("published").parse().ok();
        reports.push(Report {
            id: s("id"),
            incident: s("incident"),
            published,
            doc: veille_core::RawDocument {
                bytes: format!("{}\n\n{}", s("title"), s("text")).into_bytes(),
                publication_date: published,
                outlet: Some(s("outlet")),
                url: Some(format!("https://eval.example/{}", s("id"))),
                ..Default::default()
            },
        });
    }
    reports.sort_by(|a, b| a.published.cmp(&b.published).then(a.id.cmp(&b.id)));
    let pipeline = veille_pipeline::Pipeline::new();
    let mut store = veille_store::Store::open_in_memory()?;
    let mut events: HashMap<String, BTreeSet<String>> = HashMap::new();
    let mut no_event = 0;
    for r in &reports {
        let out = pipeline
            .run(&r.doc)
            .with_context(|| format!("report {}", r.id))?;
        store.ingest(&out, &r.id)?;
        let ids: BTreeSet<String> = store.article_events(&out.article.id)?.into_iter().collect();
        if ids.is_empty() {
            no_event += 1;
            if verbose {
                println!("no event: {} ({})", r.id, r.incident);
            }
        }
        events.insert(r.id.clone(), ids);
    }
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    for (i, a) in reports.iter().enumerate() {
        for b in &reports[i + 1..] {
            let gold = a.incident == b.incident;
            let pred = !events[&a.id].is_disjoint(&events[&b.id]);
            match (gold, pred) {
                (true, true) => tp += 1,
                (false, true) => {
                    fp += 1;
                    if verbose {
                        println!(
                            "wrongly merged: {} ({}) + {} ({})",
                            a.id, a.incident, b.id, b.incident
                        );
                    }
                }
                (true, false) => {
                    fn_ += 1;
                    if verbose {
                        println!("not merged: {} + {} ({})", a.id, b.id, a.incident);
                    }
                }
                (false, false) => {}
            }
        }
    }
    let p = tp as f64 / (tp + fp).max(1) as f64;
    let r = tp as f64 / (tp + fn_).max(1) as f64;
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    println!(
        "{} reports, {} gold same-incident pairs; {} reports coded no event",
        reports.len(),
        tp + fn_,
        no_event
    );
    println!("pairs merged right {tp}, wrongly merged {fp}, missed {fn_}");
    println!("pairwise precision {p:.3}");
    println!("pairwise recall {r:.3}");
    println!("pairwise-F1 {f:.3}");
    Ok(())
}
