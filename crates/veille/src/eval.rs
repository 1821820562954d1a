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
        for p in &s.false_positives {
            println!("false-positive\t{p}");
        }
        for p in &s.missed {
            println!("not-recognised\t{p}");
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
