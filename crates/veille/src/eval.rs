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
