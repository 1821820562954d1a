//! Geoparsing on the LGL and TR-News corpora (XML schema described in
//! `../shared/eval/geoparse/README.md`): toponym recognition (exact and
//! overlapping span match) and resolution of the gold toponyms, measured by
//! great-circle error (accuracy within 161 km, mean and median error).

use anyhow::{Context, Result};
use regex::Regex;
use std::sync::OnceLock;
use veille_core::{char_offsets, Span};
use veille_geo::Gazetteer;

/// A gold toponym: byte span into the article text and, when annotated, its point.
#[derive(Debug, Clone)]
pub struct GoldToponym {
    pub span: Span,
    pub phrase: String,
    pub point: Option<(f64, f64)>,
}

/// An article of the corpus.
#[derive(Debug, Clone)]
pub struct Article {
    pub id: String,
    pub text: String,
    pub toponyms: Vec<GoldToponym>,
}

fn tag<'a>(xml: &'a str, name: &str) -> Option<&'a str> {
    let open = format!("<{name}");
    let start = xml.find(&open)?;
    let body_start = start + xml[start..].find('>')? + 1;
    let end = body_start + xml[body_start..].find(&format!("</{name}>"))?;
    Some(&xml[body_start..end])
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// Byte offset of the `n`th character of `text` (the corpus counts characters).
fn byte_at(text: &str, n: usize) -> usize {
    text.char_indices()
        .nth(n)
        .map(|(b, _)| b)
        .unwrap_or(text.len())
}

/// Parses a corpus file. Offsets that do not point at the phrase (TR-News
/// has some one character off) are moved to the nearest occurrence.
pub fn parse(xml: &str) -> Result<Vec<Article>> {
    static ARTICLE: OnceLock<Regex> = OnceLock::new();
    static TOPONYM: OnceLock<Regex> = OnceLock::new();
    let article_re = ARTICLE
        .get_or_init(|| Regex::new(r#"(?s)<article\b([^>]*)>(.*?)</article>"#).expect("article"));
    static DOCID: OnceLock<Regex> = OnceLock::new();
    let docid_re = DOCID.get_or_init(|| Regex::new(r#"docid="([^"]*)""#).expect("docid"));
    let toponym_re =
        TOPONYM.get_or_init(|| Regex::new(r"(?s)<toponym>(.*?)</toponym>").expect("toponym"));
    let mut out = Vec::new();
    for (k, a) in article_re.captures_iter(xml).enumerate() {
        let attrs = &a[1];
        let body = &a[2];
        let id = docid_re
            .captures(attrs)
            .map(|c| c[1].to_string())
            .unwrap_or_else(|| k.to_string());
        let raw_text = tag(body, "text").with_context(|| format!("article {id}: no <text>"))?;
        let text = match raw_text.trim_start().strip_prefix("<![CDATA[") {
            Some(rest) => rest
                .rsplit_once("]]>")
                .map(|x| x.0)
                .unwrap_or(rest)
                .to_string(),
            None => unescape(raw_text),
        };
        let mut toponyms = Vec::new();
        for t in toponym_re.captures_iter(body) {
            let t = &t[1];
            let (Some(start), Some(phrase)) = (
                tag(t, "start").and_then(|v| v.trim().parse::<usize>().ok()),
                tag(t, "phrase"),
            ) else {
                continue;
            };
            let phrase = unescape(phrase.trim());
            if phrase.is_empty() {
                continue;
            }
            let point = match (
                tag(t, "lat").and_then(|v| v.trim().parse::<f64>().ok()),
                tag(t, "lon").and_then(|v| v.trim().parse::<f64>().ok()),
            ) {
                (Some(lat), Some(lon)) => Some((lat, lon)),
                _ => None,
            };
            let want = byte_at(&text, start);
            let found = text
                .match_indices(phrase.as_str())
                .map(|(b, _)| b)
                .min_by_key(|b| b.abs_diff(want));
            let Some(b) = found else { continue };
            toponyms.push(GoldToponym {
                span: Span::new(b, b + phrase.len()),
                phrase,
                point,
            });
        }
        out.push(Article { id, text, toponyms });
    }
    Ok(out)
}

/// Recognition and resolution scores over a corpus.
#[derive(Debug, Clone, Default)]
pub struct Scores {
    pub articles: usize,
    pub gold: usize,
    pub predicted: usize,
    pub exact_match: usize,
    pub overlap_match_gold: usize,
    pub overlap_match_pred: usize,
    pub resolvable: usize,
    pub resolved: usize,
    pub within_161: usize,
    pub errors_km: Vec<f64>,
    /// Recognition errors: predicted phrases no gold toponym overlaps, and
    /// gold phrases no prediction overlaps, each with where it is (the
    /// article's id, a tab, the words around it).
    pub false_positives: Vec<(String, String)>,
    pub missed: Vec<(String, String)>,
    /// Wrong or missing resolutions: (article, phrase, what veille chose, error km).
    pub misses: Vec<(String, String, String, Option<f64>)>,
}

impl Scores {
    pub fn prf(&self, tp_pred: usize, tp_gold: usize) -> (f64, f64, f64) {
        let p = tp_pred as f64 / self.predicted.max(1) as f64;
        let r = tp_gold as f64 / self.gold.max(1) as f64;
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }

    /// Share of gold toponyms with coordinates resolved within 161 km
    /// (unresolved ones count as wrong).
    pub fn acc161(&self) -> f64 {
        self.within_161 as f64 / self.resolvable.max(1) as f64
    }

    pub fn mean_km(&self) -> f64 {
        self.errors_km.iter().sum::<f64>() / self.errors_km.len().max(1) as f64
    }

    pub fn median_km(&self) -> f64 {
        let mut v = self.errors_km.clone();
        v.sort_by(f64::total_cmp);
        v.get(v.len() / 2).copied().unwrap_or(0.0)
    }
}

/// Runs recognition and gold-span resolution over the articles.
pub fn evaluate(articles: &[Article], gaz: &Gazetteer) -> Scores {
    let mut s = Scores::default();
    for a in articles {
        s.articles += 1;
        let sentences = veille_nlp::split_sentences(&a.text);
        let found = veille_geo::find_places(&a.text, &sentences, gaz);
        // The corpora annotate demonyms ("Russian") as toponyms: count them.
        // (continents and streets are toponyms too, for the corpora)
        let predicted: Vec<Span> = found
            .toponyms
            .iter()
            .chain(&found.continents)
            .chain(&found.streets)
            .map(|t| t.mention.span)
            .collect();
        s.gold += a.toponyms.len();
        s.predicted += predicted.len();
        s.exact_match += predicted
            .iter()
            .filter(|p| a.toponyms.iter().any(|g| g.span == **p))
            .count();
        s.overlap_match_pred += predicted
            .iter()
            .filter(|p| a.toponyms.iter().any(|g| g.span.overlaps(**p)))
            .count();
        s.overlap_match_gold += a
            .toponyms
            .iter()
            .filter(|g| predicted.iter().any(|p| g.span.overlaps(*p)))
            .count();
        s.false_positives.extend(
            predicted
                .iter()
                .filter(|p| !a.toponyms.iter().any(|g| g.span.overlaps(**p)))
                .map(|p| {
                    let phrase = p.of(&a.text).to_string();
                    (phrase, in_context(a, *p))
                }),
        );
        s.missed.extend(
            a.toponyms
                .iter()
                .filter(|g| !predicted.iter().any(|p| g.span.overlaps(*p)))
                .map(|g| (g.phrase.clone(), in_context(a, g.span))),
        );

        let spans: Vec<Span> = a.toponyms.iter().map(|g| g.span).collect();
        let resolved = veille_geo::toponyms::resolve_spans(&a.text, &sentences, &spans, gaz);
        for (g, r) in a.toponyms.iter().zip(resolved) {
            let Some(point) = g.point else { continue };
            s.resolvable += 1;
            let miss = |what: String, km: Option<f64>| (a.id.clone(), g.phrase.clone(), what, km);
            let Some(idx) = r else {
                s.misses.push(miss("not in the gazetteer".into(), None));
                continue;
            };
            let e = &gaz.entries[idx as usize];
            let (Some(lat), Some(lon)) = (e.lat, e.lon) else {
                s.misses.push(miss(
                    format!("{} ({}, no coordinates)", e.name, e.iso2),
                    None,
                ));
                continue;
            };
            s.resolved += 1;
            let km = veille_geo::distance_km(point, (lat, lon));
            if km <= 161.0 {
                s.within_161 += 1;
            } else {
                let l = gaz.location(idx, 1);
                s.misses.push(miss(
                    format!(
                        "{} ({}, {}, {})",
                        l.name,
                        l.feature,
                        l.admin1.unwrap_or_default(),
                        l.country_code
                    ),
                    Some(km),
                ));
            }
            s.errors_km.push(km);
        }
    }
    s
}

/// Where a mention is, for reports: the article's id and the words around
/// it, the mention in brackets.
fn in_context(a: &Article, span: Span) -> String {
    let text = &a.text;
    let from = text.floor_char_boundary(span.start.saturating_sub(50));
    let to = text.ceil_char_boundary(span.end + 50);
    let flat = |s: &str| s.replace(['\n', '\t'], " ");
    format!(
        "{}\t{}[[{}]]{}",
        a.id,
        flat(&text[from..span.start]),
        flat(span.of(text)),
        flat(&text[span.end..to])
    )
}

/// Code-point offsets of a span (for reports).
pub fn chars(text: &str, span: Span) -> (usize, usize) {
    char_offsets(text, span)
}
