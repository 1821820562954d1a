//! The ScrapingHub (Zyte) article-extraction benchmark, with its metric
//! reimplemented exactly as its README defines it: 4-token shingles of `\w+`
//! tokens, per-page tp/fp/fn normalised to weigh each page equally, mean
//! page precision and recall, F1 of the means, and "accuracy" as the share
//! of pages whose token lists are identical.

use anyhow::{bail, Context, Result};
use regex::Regex;
use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use veille_core::RawDocument;

/// One page of the benchmark.
pub struct Page {
    pub id: String,
    pub html: Vec<u8>,
    pub truth: String,
    pub url: Option<String>,
}

/// Loads the pages and ground truth of a ScrapingHub-layout folder
/// (`ground-truth.json`, `html/<id>.html.gz`).
pub fn load(dir: &Path) -> Result<Vec<Page>> {
    let gt_path = dir.join("ground-truth.json");
    if !gt_path.exists() {
        bail!(
            "{} not found: is {} the ScrapingHub benchmark folder?",
            gt_path.display(),
            dir.display()
        );
    }
    let gt: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&gt_path)?).context("ground-truth.json")?;
    let obj = gt
        .as_object()
        .context("ground-truth.json is not an object")?;
    let mut pages = Vec::with_capacity(obj.len());
    for (id, v) in obj {
        let file: PathBuf = dir.join("html").join(format!("{id}.html.gz"));
        let raw = std::fs::read(&file).with_context(|| format!("reading {}", file.display()))?;
        let mut html = Vec::new();
        flate2::read::GzDecoder::new(&raw[..])
            .read_to_end(&mut html)
            .with_context(|| format!("gunzip {}", file.display()))?;
        pages.push(Page {
            id: id.clone(),
            html,
            truth: v["articleBody"].as_str().unwrap_or("").to_string(),
            url: v["url"].as_str().map(str::to_string),
        });
    }
    pages.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(pages)
}

fn tokens(text: &str) -> Vec<&str> {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"\w+").expect("token pattern"))
        .find_iter(text)
        .map(|m| m.as_str())
        .collect()
}

fn shingles<'a>(toks: &[&'a str]) -> HashMap<Vec<&'a str>, i64> {
    let mut out = HashMap::new();
    if toks.is_empty() {
        return out;
    }
    if toks.len() < 4 {
        *out.entry(toks.to_vec()).or_default() += 1;
        return out;
    }
    for w in toks.windows(4) {
        *out.entry(w.to_vec()).or_default() += 1;
    }
    out
}

/// Per-page scores.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageScore {
    /// Normalised true positives, false positives, false negatives.
    pub tp: f64,
    pub fp: f64,
    pub fn_: f64,
    pub precision: Option<f64>,
    pub recall: Option<f64>,
    pub exact: bool,
}

/// Scores one prediction against the truth.
pub fn score_page(truth: &str, pred: &str) -> PageScore {
    let (tt, pt) = (tokens(truth), tokens(pred));
    let (ts, ps) = (shingles(&tt), shingles(&pt));
    let (mut tp, mut fp, mut fn_) = (0i64, 0i64, 0i64);
    for (k, &t) in &ts {
        let p = ps.get(k).copied().unwrap_or(0);
        tp += t.min(p);
        fn_ += (t - p).max(0);
    }
    for (k, &p) in &ps {
        let t = ts.get(k).copied().unwrap_or(0);
        fp += (p - t).max(0);
    }
    let sum = (tp + fp + fn_) as f64;
    let (tp, fp, fn_) = if sum > 0.0 {
        (tp as f64 / sum, fp as f64 / sum, fn_ as f64 / sum)
    } else {
        (0.0, 0.0, 0.0)
    };
    let ratio = |num: f64, other: f64| {
        if fp == 0.0 && fn_ == 0.0 {
            1.0
        } else if num == 0.0 && other == 0.0 {
            0.0
        } else {
            num / (num + other)
        }
    };
    PageScore {
        tp,
        fp,
        fn_,
        precision: (tp + fp > 0.0).then(|| ratio(tp, fp)),
        recall: (tp + fn_ > 0.0).then(|| ratio(tp, fn_)),
        exact: tt == pt,
    }
}

/// Benchmark totals.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Totals {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub accuracy: f64,
    pub pages: usize,
    pub failures: usize,
}

/// Averages page scores as the benchmark does.
pub fn totals(scores: &[PageScore], failures: usize) -> Totals {
    let mean = |xs: Vec<f64>| {
        if xs.is_empty() {
            0.0
        } else {
            xs.iter().sum::<f64>() / xs.len() as f64
        }
    };
    let precision = mean(scores.iter().filter_map(|s| s.precision).collect());
    let recall = mean(scores.iter().filter_map(|s| s.recall).collect());
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    let accuracy = scores.iter().filter(|s| s.exact).count() as f64 / scores.len().max(1) as f64;
    Totals {
        precision,
        recall,
        f1,
        accuracy,
        pages: scores.len(),
        failures,
    }
}

/// The body text veille extracts from a page, as the benchmark compares it:
/// the clean text without the title line veille puts first (the benchmark's
/// truth is the article body only). A failure is an empty prediction.
pub fn predict(page: &Page) -> std::result::Result<String, String> {
    let doc = RawDocument {
        bytes: page.html.clone(),
        url: page.url.clone(),
        ..Default::default()
    };
    let article = veille_extract::extract(&doc).map_err(|e| e.to_string())?;
    Ok(body_without_title(&article.text, article.title.as_deref()).to_string())
}

fn body_without_title<'a>(text: &'a str, title: Option<&str>) -> &'a str {
    match (title, text.split_once("\n\n")) {
        (Some(t), Some((first, rest))) if first == t => rest,
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metric_edge_cases() {
        let s = score_page(
            "the army took the town on Monday",
            "the army took the town on Monday",
        );
        assert_eq!(
            (s.precision, s.recall, s.exact),
            (Some(1.0), Some(1.0), true)
        );
        let s = score_page("a b c d e", "");
        assert_eq!((s.precision, s.recall), (None, Some(0.0)));
        let s = score_page("", "");
        assert_eq!((s.precision, s.recall), (None, None));
        // Short texts are one shingle.
        let s = score_page("a b", "a b");
        assert_eq!(s.precision, Some(1.0));
        // Half the predicted shingles are wrong.
        let s = score_page("a b c d e", "a b c d e x y z w");
        assert!(s.precision.unwrap() < 1.0 && s.recall == Some(1.0));
        let t = totals(
            &[score_page("a b c d", "a b c d"), score_page("a b c d", "")],
            1,
        );
        assert_eq!((t.precision, t.recall), (1.0, 0.5));
        assert!((t.f1 - 2.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn title_is_not_part_of_the_body() {
        assert_eq!(
            body_without_title("Title\n\nBody text.", Some("Title")),
            "Body text."
        );
        assert_eq!(
            body_without_title("Body first.\n\nMore.", Some("Title")),
            "Body first.\n\nMore."
        );
    }
}
