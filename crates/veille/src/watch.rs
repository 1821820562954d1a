//! `veille watch`: polls RSS/Atom feeds, fetches new articles politely and
//! ingests them. A feed that is down or malformed is logged and retried at
//! its next turn; nothing stops the loop.

use crate::ingest::{ingest_inputs, Report};
use anyhow::{Context, Result};
use serde::Deserialize;
use std::path::Path;
use std::time::{Duration, Instant};
use veille_pipeline::Pipeline;
use veille_sources::fetch::{Fetched, Fetcher, Validators};
use veille_sources::{feed, Input, Meta};
use veille_store::Store;

/// `feeds.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeedsFile {
    /// Default seconds between two polls of a feed.
    #[serde(default = "default_interval")]
    pub interval_secs: u64,
    #[serde(default, rename = "feed")]
    pub feeds: Vec<FeedConfig>,
}

/// One `[[feed]]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeedConfig {
    pub url: String,
    /// Seconds between polls (the file's `interval_secs` when absent).
    pub interval_secs: Option<u64>,
    /// Outlet name for its articles (the feed's title when absent).
    pub outlet: Option<String>,
    /// Fetch each item's page (default); false codes the text the feed
    /// itself carries (feeds with full content).
    #[serde(default = "yes")]
    pub fetch_pages: bool,
}

fn default_interval() -> u64 {
    900
}

fn yes() -> bool {
    true
}

impl FeedsFile {
    pub fn read(path: &Path) -> Result<FeedsFile> {
        let text =
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        let f: FeedsFile = toml::from_str(&text)
            .map_err(|e| crate::config::UsageError(format!("{}: {e}", path.display())))?;
        if f.feeds.is_empty() {
            return Err(crate::config::UsageError(format!(
                "{}: no [[feed]] entries",
                path.display()
            ))
            .into());
        }
        Ok(f)
    }
}

/// What one poll of one feed did.
#[derive(Debug, Default)]
pub struct PollReport {
    pub not_modified: bool,
    pub items: usize,
    pub already_seen: usize,
    pub ingest: Report,
}

/// Polls one feed: conditional GET, then every item not seen before.
pub fn poll(
    feed_cfg: &FeedConfig,
    fetcher: &mut Fetcher,
    pipeline: &Pipeline,
    store: &mut Store,
) -> Result<PollReport, String> {
    let url = &feed_cfg.url;
    let state = store.feed_state(url).map_err(|e| format!("store: {e}"))?;
    let validators = Validators {
        etag: state.etag,
        last_modified: state.last_modified,
    };
    let fetched = match fetcher.get(url, Some(&validators)) {
        Ok(f) => f,
        Err(e) => {
            let why = format!("feed unavailable: {e}");
            let _ = store.record_poll(url, None, None, Some(&why));
            return Err(why);
        }
    };
    let (body, new_validators) = match fetched {
        Fetched::NotModified => {
            let _ = store.record_poll(url, None, None, None);
            return Ok(PollReport {
                not_modified: true,
                ..Default::default()
            });
        }
        Fetched::Page {
            body, validators, ..
        } => (body, validators),
    };
    let parsed = match feed::parse(&body) {
        Ok(f) => f,
        Err(why) => {
            // Keep the old validators so that a fixed feed is read again.
            let _ = store.record_poll(url, None, None, Some(&why));
            return Err(why);
        }
    };
    let mut report = PollReport {
        items: parsed.items.len(),
        ..Default::default()
    };
    let outlet = feed_cfg.outlet.clone().or(parsed.title.clone());
    let mut inputs: Vec<(String, Input)> = Vec::new();
    for item in &parsed.items {
        if store.item_seen(url, &item.id).unwrap_or(false) {
            report.already_seen += 1;
            continue;
        }
        let meta = Meta {
            url: item.url.clone(),
            outlet: outlet.clone(),
            published: item.published,
            ..Meta::default()
        };
        let name = item
            .url
            .clone()
            .unwrap_or_else(|| format!("{url}#{}", item.id));
        let from_feed = || {
            item.body
                .as_deref()
                .map(|b| feed::item_page(item.title.as_deref(), b).into_bytes())
                .ok_or_else(|| "feed item has no content".to_string())
        };
        let bytes = match (&item.url, feed_cfg.fetch_pages) {
            (Some(page_url), true) => match fetcher.get(page_url, None) {
                Ok(Fetched::Page {
                    body,
                    charset,
                    url: final_url,
                    ..
                }) => {
                    inputs.push((
                        item.id.clone(),
                        Input {
                            name: name.clone(),
                            bytes: Ok(body),
                            meta: Meta {
                                url: Some(final_url),
                                charset,
                                fetched: Some(chrono::Utc::now().date_naive()),
                                ..meta
                            },
                        },
                    ));
                    continue;
                }
                Ok(Fetched::NotModified) => Err("HTTP 304 without validators".to_string()),
                Err(e) => Err(format!("cannot fetch {page_url}: {e}")),
            },
            _ => from_feed(),
        };
        inputs.push((item.id.clone(), Input { name, bytes, meta }));
    }
    let ids: Vec<(String, Option<String>)> = inputs
        .iter()
        .map(|(id, i)| (id.clone(), i.meta.url.clone()))
        .collect();
    // What became of each item, told apart by which counter moved.
    let mut outcomes: Vec<String> = Vec::new();
    let (mut failed, mut duplicates) = (0, 0);
    report.ingest = ingest_inputs(pipeline, store, inputs.into_iter().map(|(_, i)| i), |r| {
        outcomes.push(if r.failed.len() > failed {
            r.failed.last().map(|f| f.error.clone()).unwrap_or_default()
        } else if r.duplicates > duplicates {
            "duplicate".into()
        } else {
            "ingested".into()
        });
        failed = r.failed.len();
        duplicates = r.duplicates;
    });
    for ((id, item_url), outcome) in ids.iter().zip(outcomes) {
        let _ = store.record_item(url, id, item_url.as_deref(), &outcome);
    }
    let _ = store.record_poll(
        url,
        new_validators.etag.as_deref(),
        new_validators.last_modified.as_deref(),
        None,
    );
    Ok(report)
}

/// Polls every feed at its interval, forever, or once each with `once`.
pub fn run(
    feeds: &FeedsFile,
    fetcher: &mut Fetcher,
    pipeline: &Pipeline,
    store: &mut Store,
    once: bool,
) -> Result<()> {
    let mut due: Vec<Instant> = vec![Instant::now(); feeds.feeds.len()];
    loop {
        let now = Instant::now();
        for (i, f) in feeds.feeds.iter().enumerate() {
            if due[i] > now {
                continue;
            }
            match poll(f, fetcher, pipeline, store) {
                Ok(r) if r.not_modified => tracing::info!("{}: not modified", f.url),
                Ok(r) => {
                    let line = format!(
                        "{}: {} items, {} seen before; {}",
                        f.url,
                        r.items,
                        r.already_seen,
                        r.ingest.line()
                    );
                    tracing::info!("{line}");
                    println!("{line}");
                    for fail in &r.ingest.failed {
                        tracing::warn!("{}: skipped {}: {}", f.url, fail.source, fail.error);
                    }
                }
                Err(why) => {
                    tracing::warn!("{}: {why}", f.url);
                    println!("{}: {why}", f.url);
                }
            }
            due[i] = Instant::now()
                + Duration::from_secs(f.interval_secs.unwrap_or(feeds.interval_secs).max(1));
        }
        if once {
            return Ok(());
        }
        let next = due.iter().min().copied().unwrap_or_else(Instant::now);
        std::thread::sleep(next.saturating_duration_since(Instant::now()));
    }
}
