//! One handle over either store, chosen by the `--db` value: a
//! `postgres://` (or `postgresql://`) URL is PostgreSQL, anything else a
//! SQLite file.

use crate::{
    ActorCount, ArticleEvidence, EventFilter, IngestOutcome, PgStore, PlaceCount, ReprocessReport,
    Result, Store, StoredArticle, StoredEvent, Summary,
};
use veille_core::ExtractOutput;

/// The SQLite store or the PostgreSQL one. (One per process or worker
/// thread, so the PostgreSQL client's larger size does not matter.)
#[allow(clippy::large_enum_variant)]
pub enum AnyStore {
    Sqlite(Store),
    Postgres(PgStore),
}

/// Whether a `--db` value names a PostgreSQL database.
pub fn is_postgres(db: &str) -> bool {
    db.starts_with("postgres://") || db.starts_with("postgresql://")
}

impl AnyStore {
    /// Opens (creating and migrating) the store `db` names.
    pub fn open(db: &str) -> Result<AnyStore> {
        if is_postgres(db) {
            Ok(AnyStore::Postgres(PgStore::connect(db)?))
        } else {
            Ok(AnyStore::Sqlite(Store::open(std::path::Path::new(db))?))
        }
    }

    pub fn ingest(&mut self, out: &ExtractOutput, source: &str) -> Result<IngestOutcome> {
        match self {
            AnyStore::Sqlite(s) => s.ingest(out, source),
            AnyStore::Postgres(s) => s.ingest(out, source),
        }
    }

    pub fn has_article(&mut self, id: &str) -> Result<bool> {
        match self {
            AnyStore::Sqlite(s) => s.has_article(id),
            AnyStore::Postgres(s) => s.has_article(id),
        }
    }

    pub fn record_failure(&mut self, source: &str, error: &str) -> Result<()> {
        match self {
            AnyStore::Sqlite(s) => s.record_failure(source, error),
            AnyStore::Postgres(s) => s.record_failure(source, error),
        }
    }

    /// See [`Store::begin_batch`]; PostgreSQL commits each article.
    pub fn begin_batch(&mut self) -> Result<()> {
        match self {
            AnyStore::Sqlite(s) => s.begin_batch(),
            AnyStore::Postgres(_) => Ok(()),
        }
    }

    pub fn commit_batch(&mut self) -> Result<()> {
        match self {
            AnyStore::Sqlite(s) => s.commit_batch(),
            AnyStore::Postgres(_) => Ok(()),
        }
    }

    pub fn failures(&mut self) -> Result<Vec<(String, String)>> {
        match self {
            AnyStore::Sqlite(s) => s.failures(),
            AnyStore::Postgres(s) => s.failures(),
        }
    }

    pub fn events(&mut self, f: &EventFilter) -> Result<Vec<StoredEvent>> {
        match self {
            AnyStore::Sqlite(s) => s.events(f),
            AnyStore::Postgres(s) => s.events(f),
        }
    }

    pub fn event(&mut self, id: &str) -> Result<Option<(StoredEvent, Vec<ArticleEvidence>)>> {
        match self {
            AnyStore::Sqlite(s) => s.event(id),
            AnyStore::Postgres(s) => s.event(id),
        }
    }

    pub fn summary(&mut self) -> Result<Summary> {
        match self {
            AnyStore::Sqlite(s) => s.summary(),
            AnyStore::Postgres(s) => s.summary(),
        }
    }

    pub fn last_cursor(&mut self) -> Result<i64> {
        match self {
            AnyStore::Sqlite(s) => s.last_cursor(),
            AnyStore::Postgres(s) => s.last_cursor(),
        }
    }

    pub fn article(&mut self, id: &str) -> Result<Option<StoredArticle>> {
        match self {
            AnyStore::Sqlite(s) => s.article(id),
            AnyStore::Postgres(s) => s.article(id),
        }
    }

    /// Codes every stored article again (see [`Store::reprocess`]).
    pub fn reprocess(
        &mut self,
        code: impl FnMut(&StoredArticle) -> std::result::Result<ExtractOutput, String>,
    ) -> Result<ReprocessReport> {
        match self {
            AnyStore::Sqlite(s) => s.reprocess(code),
            AnyStore::Postgres(s) => s.reprocess(code),
        }
    }

    pub fn actors(&mut self, limit: usize) -> Result<Vec<ActorCount>> {
        match self {
            AnyStore::Sqlite(s) => s.actors(limit),
            AnyStore::Postgres(s) => s.actors(limit),
        }
    }

    pub fn places(&mut self, limit: usize) -> Result<Vec<PlaceCount>> {
        match self {
            AnyStore::Sqlite(s) => s.places(limit),
            AnyStore::Postgres(s) => s.places(limit),
        }
    }
}
