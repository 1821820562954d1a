//! Feeding documents from sources through the pipeline into the store, with
//! a progress bar and a summary. A broken input is recorded with why and
//! skipped; it never stops the batch.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde::Serialize;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Instant;
use veille_pipeline::Pipeline;
use veille_sources::{Input, Unit};
use veille_store::{AnyStore, IngestOutcome, Store};

/// Where ingested articles go: the SQLite store or either store.
pub trait Sink {
    fn ingest(
        &mut self,
        out: &veille_core::ExtractOutput,
        source: &str,
    ) -> veille_store::Result<IngestOutcome>;
    fn record_failure(&mut self, source: &str, error: &str) -> veille_store::Result<()>;
}

impl Sink for Store {
    fn ingest(
        &mut self,
        out: &veille_core::ExtractOutput,
        source: &str,
    ) -> veille_store::Result<IngestOutcome> {
        Store::ingest(self, out, source)
    }
    fn record_failure(&mut self, source: &str, error: &str) -> veille_store::Result<()> {
        Store::record_failure(self, source, error)
    }
}

impl Sink for AnyStore {
    fn ingest(
        &mut self,
        out: &veille_core::ExtractOutput,
        source: &str,
    ) -> veille_store::Result<IngestOutcome> {
        AnyStore::ingest(self, out, source)
    }
    fn record_failure(&mut self, source: &str, error: &str) -> veille_store::Result<()> {
        AnyStore::record_failure(self, source, error)
    }
}

/// What a batch did.
#[derive(Debug, Default, Serialize)]
pub struct Report {
    pub read: usize,
    pub new: usize,
    pub duplicates: usize,
    pub failed: Vec<Failure>,
    pub events_new: usize,
    pub events_merged: usize,
    /// Earlier versions of pages (same URL) replaced by a new one.
    pub replaced: usize,
    pub seconds: f64,
}

/// An input that was skipped, and why.
#[derive(Debug, Serialize)]
pub struct Failure {
    pub source: String,
    pub error: String,
}

/// How much to print while ingesting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verbosity {
    /// A progress bar on a terminal, then the summary.
    Normal,
    /// The summary line only.
    Quiet,
    /// No bar; the summary as one JSON object.
    Json,
}

/// Failures listed by name in the text summary; the rest are counted.
const FAILURES_SHOWN: usize = 100;

impl Report {
    /// The one-line summary.
    pub fn line(&self) -> String {
        format!(
            "read {}, new {}, duplicates {}, failed {}, events new {}, events merged into existing {}{}",
            self.read,
            self.new,
            self.duplicates,
            self.failed.len(),
            self.events_new,
            self.events_merged,
            if self.replaced > 0 {
                format!(", earlier versions of pages replaced {}", self.replaced)
            } else {
                String::new()
            }
        )
    }

    /// Prints the summary: failures with their reasons, then the counts.
    pub fn print(&self, verbosity: Verbosity) {
        match verbosity {
            Verbosity::Json => println!(
                "{}",
                serde_json::to_string(self).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
            ),
            Verbosity::Quiet => println!("{}", self.line()),
            Verbosity::Normal => {
                for f in self.failed.iter().take(FAILURES_SHOWN) {
                    println!("skipped {}: {}", f.source, f.error);
                }
                if self.failed.len() > FAILURES_SHOWN {
                    println!(
                        "... and {} more failures (all are in the store's failures table)",
                        self.failed.len() - FAILURES_SHOWN
                    );
                }
                println!(
                    "{} ({:.1} s, {:.0} documents/s)",
                    self.line(),
                    self.seconds,
                    self.read as f64 / self.seconds.max(1e-9)
                );
            }
        }
    }
}

/// Ingests every document of the units, with a progress bar over their bytes.
pub fn ingest_units(
    pipeline: &Pipeline,
    store: &mut impl Sink,
    units: &[Unit],
    verbosity: Verbosity,
) -> Report {
    let total: u64 = units.iter().map(|u| u.size).sum();
    let bar = progress_bar(total, verbosity);
    let counter = Arc::new(AtomicU64::new(0));
    let inputs = units.iter().flat_map(|u| u.inputs(counter.clone()));
    let report = ingest_inputs(pipeline, store, inputs, |r| {
        bar.set_position(counter.load(Ordering::Relaxed));
        bar.set_message(format!(
            "{} documents, {} events, {} failed",
            r.read,
            r.events_new + r.events_merged,
            r.failed.len()
        ));
    });
    bar.finish_and_clear();
    report
}

fn progress_bar(total: u64, verbosity: Verbosity) -> ProgressBar {
    if verbosity != Verbosity::Normal {
        return ProgressBar::hidden();
    }
    // Drawn only when standard error is a terminal.
    let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
    let template = if total > 0 {
        "{spinner} [{elapsed_precise}] {wide_bar} {bytes}/{total_bytes} {binary_bytes_per_sec} ETA {eta} {msg}"
    } else {
        "{spinner} [{elapsed_precise}] {bytes} {binary_bytes_per_sec} {msg}"
    };
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style);
    }
    bar
}

/// Runs documents through the pipeline into the store; `after_each` sees the
/// report after every document.
pub fn ingest_inputs(
    pipeline: &Pipeline,
    store: &mut impl Sink,
    inputs: impl Iterator<Item = Input>,
    mut after_each: impl FnMut(&Report),
) -> Report {
    let started = Instant::now();
    let mut report = Report::default();
    for input in inputs {
        report.read += 1;
        let name = input.name.clone();
        let result = input.into_document().and_then(|doc| {
            let out = pipeline.run(&doc).map_err(|e| e.to_string())?;
            store.ingest(&out, &name).map_err(|e| format!("store: {e}"))
        });
        match result {
            Ok(o) if o.new_article => {
                report.new += 1;
                report.events_new += o.events_new;
                report.events_merged += o.events_merged;
                report.replaced += o.replaced;
                tracing::info!(
                    "ingested {name}: {} new events, {} merged",
                    o.events_new,
                    o.events_merged
                );
            }
            Ok(_) => {
                report.duplicates += 1;
                tracing::info!("duplicate {name}: already stored");
            }
            Err(why) => {
                if let Err(e) = store.record_failure(&name, &why) {
                    tracing::error!("cannot record failure of {name}: {e}");
                }
                tracing::info!("skipped {name}: {why}");
                report.failed.push(Failure {
                    source: name,
                    error: why,
                });
            }
        }
        after_each(&report);
    }
    report.seconds = started.elapsed().as_secs_f64();
    report
}
