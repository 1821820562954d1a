//! `veille ingest --queue`: documents into the PostgreSQL job queue.

use anyhow::Result;
use std::sync::atomic::AtomicU64;
use std::sync::Arc;
use veille_sources::Unit;
use veille_store::PgStore;

/// Jobs written per transaction.
const BATCH: usize = 500;

/// Queues every document of the units; returns how many.
pub fn enqueue(store: &mut PgStore, units: &[Unit]) -> Result<usize> {
    let counter = Arc::new(AtomicU64::new(0));
    let mut batch = Vec::with_capacity(BATCH);
    let mut total = 0;
    for input in units.iter().flat_map(|u| u.inputs(counter.clone())) {
        let name = input.name.clone();
        batch.push((name, input.into_document()));
        if batch.len() == BATCH {
            total += store.enqueue(&batch)?;
            batch.clear();
        }
    }
    if !batch.is_empty() {
        total += store.enqueue(&batch)?;
    }
    Ok(total)
}
