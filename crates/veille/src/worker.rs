//! `veille worker`: claims a batch of queued documents from PostgreSQL,
//! runs the pipeline on each, then stores the batch's articles and marks
//! their jobs done in one transaction (job by job when the batch cannot be
//! stored whole, so that a bad article fails alone); failed attempts are
//! retried with backoff and failed for good after three.

use anyhow::Result;
use serde::Serialize;
use std::time::Duration;
use veille_pipeline::Pipeline;
use veille_store::pg::{Job, PgStore};
use veille_store::IngestOutcome;

/// How a worker runs.
#[derive(Debug, Clone)]
pub struct Options {
    /// Name in the jobs table (host and process id by default).
    pub name: String,
    /// Jobs claimed at a time.
    pub batch: usize,
    /// A running job whose worker has not beaten for this long is claimed again.
    pub stale_secs: f64,
    /// First retry delay; doubled at each attempt.
    pub backoff_secs: f64,
    /// Stop when nothing is queued, instead of waiting for more.
    pub exit_when_empty: bool,
    /// Seconds between two looks at an empty queue.
    pub poll_secs: f64,
}

/// What a worker did.
#[derive(Debug, Default, Serialize)]
pub struct WorkerReport {
    pub worker: String,
    pub processed: u64,
    pub events_new: u64,
    pub events_merged: u64,
    pub duplicates: u64,
    pub retried: u64,
    pub failed: u64,
    /// Jobs another worker had taken over (this one's heartbeat went stale).
    pub lost: u64,
}

/// The default worker name: host name and process id.
pub fn default_name() -> String {
    let host = std::fs::read_to_string("/etc/hostname")
        .map(|h| h.trim().to_string())
        .unwrap_or_else(|_| "host".into());
    format!("{host}-{}", std::process::id())
}

/// Works until the queue is empty (`exit_when_empty`) or forever.
pub fn run(store: &mut PgStore, pipeline: &Pipeline, o: &Options) -> Result<WorkerReport> {
    let mut r = WorkerReport {
        worker: o.name.clone(),
        ..Default::default()
    };
    loop {
        let jobs = store.claim(&o.name, o.batch.max(1), o.stale_secs)?;
        if jobs.is_empty() {
            if o.exit_when_empty && store.queue_counts()?.queued == 0 {
                return Ok(r);
            }
            std::thread::sleep(Duration::from_secs_f64(o.poll_secs));
            continue;
        }
        // The pipeline first, job by job; then the batch's articles are
        // stored together (one transaction, a few statements).
        let coded = code(store, pipeline, o, &jobs, &mut r)?;
        let done: Vec<(&Job, &veille_core::ExtractOutput)> =
            coded.iter().map(|(j, out)| (*j, out)).collect();
        let stored = store.complete_batch(&o.name, &done);
        if let Some(why) = &stored.one_by_one {
            tracing::debug!("{}: {} jobs stored one by one: {why}", o.name, done.len());
        }
        for ((job, _), result) in done.iter().zip(stored.jobs) {
            match result {
                Ok(outcome) => tally(&mut r, o, job, outcome),
                Err(e) => fail(store, o, job, &format!("store: {e}"), false, &mut r)?,
            }
        }
    }
}

/// Runs the pipeline on each claimed job, beating the heartbeat on the
/// rest of the batch every few seconds; a job the pipeline fails on is
/// failed (or queued again) at once.
fn code<'j>(
    store: &mut PgStore,
    pipeline: &Pipeline,
    o: &Options,
    jobs: &'j [Job],
    r: &mut WorkerReport,
) -> Result<Vec<(&'j Job, veille_core::ExtractOutput)>> {
    let mut beat = std::time::Instant::now();
    let mut coded = Vec::with_capacity(jobs.len());
    for (i, job) in jobs.iter().enumerate() {
        if beat.elapsed().as_secs_f64() > o.stale_secs / 6.0 {
            let rest: Vec<i64> = jobs[i..].iter().map(|j| j.id).collect();
            store.heartbeat(&o.name, &rest)?;
            beat = std::time::Instant::now();
        }
        let result = match &job.input_error {
            // The input could not be read when it was queued: nothing to retry.
            Some(why) => Err((why.clone(), true)),
            None => pipeline.run(&job.input).map_err(|e| (e.to_string(), false)),
        };
        match result {
            Ok(out) => coded.push((job, out)),
            Err((why, permanent)) => fail(store, o, job, &why, permanent, r)?,
        }
    }
    Ok(coded)
}

/// Counts a stored job: `None` when another worker had taken it over.
fn tally(r: &mut WorkerReport, o: &Options, job: &Job, outcome: Option<IngestOutcome>) {
    match outcome {
        Some(outcome) => {
            r.processed += 1;
            if outcome.new_article {
                r.events_new += outcome.events_new as u64;
                r.events_merged += outcome.events_merged as u64;
            } else {
                r.duplicates += 1;
            }
            tracing::info!("{}: job {} ({}) done", o.name, job.id, job.name);
        }
        None => {
            r.lost += 1;
            tracing::warn!(
                "{}: job {} was taken over by another worker",
                o.name,
                job.id
            );
        }
    }
}

fn fail(
    store: &mut PgStore,
    o: &Options,
    job: &Job,
    why: &str,
    permanent: bool,
    r: &mut WorkerReport,
) -> Result<()> {
    if store.fail(job, &o.name, why, permanent, o.backoff_secs)? {
        r.failed += 1;
        tracing::warn!("{}: job {} ({}) failed: {why}", o.name, job.id, job.name);
    } else {
        r.retried += 1;
        tracing::info!(
            "{}: job {} ({}) attempt {} failed, will retry: {why}",
            o.name,
            job.id,
            job.name,
            job.attempts
        );
    }
    Ok(())
}
