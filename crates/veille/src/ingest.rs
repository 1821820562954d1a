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
    /// Groups the next documents into one commit (see `Store::begin_batch`).
    fn begin_batch(&mut self) -> veille_store::Result<()> {
        Ok(())
    }
    fn commit_batch(&mut self) -> veille_store::Result<()> {
        Ok(())
    }
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
    fn begin_batch(&mut self) -> veille_store::Result<()> {
        Store::begin_batch(self)
    }
    fn commit_batch(&mut self) -> veille_store::Result<()> {
        Store::commit_batch(self)
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
    fn begin_batch(&mut self) -> veille_store::Result<()> {
        AnyStore::begin_batch(self)
    }
    fn commit_batch(&mut self) -> veille_store::Result<()> {
        AnyStore::commit_batch(self)
    }
}

/// A store whose documents are each committed alone.
struct Unbatched<'s, S: Sink + ?Sized>(&'s mut S);

impl<S: Sink + ?Sized> Sink for Unbatched<'_, S> {
    fn ingest(
        &mut self,
        out: &veille_core::ExtractOutput,
        source: &str,
    ) -> veille_store::Result<IngestOutcome> {
        self.0.ingest(out, source)
    }
    fn record_failure(&mut self, source: &str, error: &str) -> veille_store::Result<()> {
        self.0.record_failure(source, error)
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
    // Standard input may be a stream that pauses ("tail -f dump.jsonl |
    // veille ingest -"): each document is committed when it is read, and no
    // transaction stays open while the stream waits.
    let streamed = units
        .iter()
        .any(|u| matches!(u.origin, veille_sources::Origin::Stdin));
    let mut unbatched;
    let store: &mut dyn Sink = if streamed {
        unbatched = Unbatched(store);
        &mut unbatched
    } else {
        store
    };
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

/// Documents stored between two commits at most, and the longest time
/// between them: a crash loses at most this much work, which the next run
/// redoes (articles already stored are recognised and skipped).
const BATCH_DOCUMENTS: usize = 500;
const BATCH_SECONDS: f64 = 1.0;

/// Runs documents through the pipeline into the store; `after_each` sees the
/// report after every document. Stored documents are committed in batches
/// (each document in a savepoint of its own, so a failing one is rolled back
/// alone); when a commit fails, the documents of its batch are reported as
/// failed with the reason.
pub fn ingest_inputs(
    pipeline: &Pipeline,
    store: &mut (impl Sink + ?Sized),
    inputs: impl Iterator<Item = Input>,
    mut after_each: impl FnMut(&Report),
) -> Report {
    let started = Instant::now();
    let mut report = Report::default();
    let mut batch: Vec<(String, IngestOutcome)> = Vec::new();
    let mut batch_started = Instant::now();
    begin(store);
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
                batch.push((name, o));
            }
            Ok(_) => {
                report.duplicates += 1;
                tracing::info!("duplicate {name}: already stored");
            }
            Err(why) => fail(store, &mut report, name, why),
        }
        if batch.len() >= BATCH_DOCUMENTS || batch_started.elapsed().as_secs_f64() >= BATCH_SECONDS
        {
            commit(store, &mut report, &mut batch);
            batch_started = Instant::now();
            begin(store);
        }
        after_each(&report);
    }
    commit(store, &mut report, &mut batch);
    report.seconds = started.elapsed().as_secs_f64();
    report
}

/// Opens a batch; without one, each document is committed alone.
fn begin(store: &mut (impl Sink + ?Sized)) {
    if let Err(e) = store.begin_batch() {
        tracing::warn!("cannot open a batch, committing each document alone: {e}");
    }
}

/// Records a document that could not be stored.
fn fail(store: &mut (impl Sink + ?Sized), report: &mut Report, name: String, why: String) {
    if let Err(e) = store.record_failure(&name, &why) {
        tracing::error!("cannot record failure of {name}: {e}");
    }
    tracing::info!("skipped {name}: {why}");
    report.failed.push(Failure {
        source: name,
        error: why,
    });
}

/// Commits the batch; when that fails, its documents were not stored.
fn commit(
    store: &mut (impl Sink + ?Sized),
    report: &mut Report,
    batch: &mut Vec<(String, IngestOutcome)>,
) {
    if let Err(e) = store.commit_batch() {
        tracing::error!("commit of {} documents failed: {e}", batch.len());
        for (name, o) in batch.drain(..) {
            report.new -= 1;
            report.events_new -= o.events_new;
            report.events_merged -= o.events_merged;
            report.replaced -= o.replaced;
            fail(store, report, name, format!("store: commit failed: {e}"));
        }
    }
    batch.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A store whose commits fail: what it was given is lost.
    #[derive(Default)]
    struct LosingStore {
        stored: Vec<String>,
        failures: Vec<String>,
        batches: usize,
    }

    impl Sink for LosingStore {
        fn ingest(
            &mut self,
            out: &veille_core::ExtractOutput,
            source: &str,
        ) -> veille_store::Result<IngestOutcome> {
            self.stored.push(source.to_string());
            Ok(IngestOutcome {
                new_article: true,
                events_new: out.events.len(),
                ..Default::default()
            })
        }
        fn record_failure(&mut self, source: &str, _: &str) -> veille_store::Result<()> {
            self.failures.push(source.to_string());
            Ok(())
        }
        fn begin_batch(&mut self) -> veille_store::Result<()> {
            self.batches += 1;
            Ok(())
        }
        fn commit_batch(&mut self) -> veille_store::Result<()> {
            Err(veille_store::StoreError::Invalid("disk full".into()))
        }
    }

    #[test]
    fn documents_of_a_batch_that_cannot_be_committed_are_reported_failed() {
        let text = "Gunmen killed five villagers in Djibo, Burkina Faso, on Monday.";
        let inputs = (0..3).map(|i| Input {
            name: format!("doc{i}.txt"),
            bytes: Ok(format!("{text} Report {i}.").into_bytes()),
            meta: Default::default(),
        });
        let mut store = LosingStore::default();
        let report = ingest_inputs(&Pipeline::new(), &mut store, inputs, |_| {});
        assert_eq!(store.stored.len(), 3);
        assert_eq!(store.batches, 1);
        assert_eq!((report.read, report.new, report.events_new), (3, 0, 0));
        assert_eq!(report.failed.len(), 3);
        assert!(report.failed[0].error.contains("commit failed: "));
        assert_eq!(store.failures, ["doc0.txt", "doc1.txt", "doc2.txt"]);
    }

    #[test]
    fn a_stream_commits_each_document_alone() {
        let inputs = (0..2).map(|i| Input {
            name: format!("doc{i}.txt"),
            bytes: Ok(
                format!("Gunmen killed five villagers in Djibo on Monday. Report {i}.")
                    .into_bytes(),
            ),
            meta: Default::default(),
        });
        let mut store = LosingStore::default();
        let report = ingest_inputs(&Pipeline::new(), &mut Unbatched(&mut store), inputs, |_| {});
        assert_eq!(store.batches, 0);
        assert_eq!((report.new, report.failed.len()), (2, 0));
    }
}
