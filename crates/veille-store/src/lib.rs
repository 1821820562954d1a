//! The event store. Only this crate writes to the database.
//!
//! SQLite (embedded, WAL) with versioned migrations embedded in the binary.
//! Ingest is idempotent (an article's id is the hash of its clean text) and
//! transactional (an article and its events land together or not at all).
//! Events from different articles that describe one incident are merged
//! (rules in `veille-dedup`); the merged event lists every source.

use chrono::{NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use std::path::Path;
use veille_core::{Event, ExtractOutput};

/// Store errors.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database: {0}")]
    Sql(#[from] rusqlite::Error),
    #[error("PostgreSQL: {0}")]
    Postgres(#[from] postgres::Error),
    /// A request the store cannot answer as asked (a bad cursor or interval).
    #[error("{0}")]
    Invalid(String),
    #[error("stored JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("database {path} has schema version {found}, newer than this veille ({known}); upgrade veille")]
    TooNew {
        path: String,
        found: i64,
        known: i64,
    },
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// Schema migrations, applied in order; `PRAGMA user_version` counts them.
const MIGRATIONS: &[&str] = &[
    r#"
CREATE TABLE articles (
    id               TEXT PRIMARY KEY,          -- SHA-256 of the clean text
    url              TEXT,
    outlet           TEXT,
    title            TEXT,
    publication_date TEXT,
    language         TEXT NOT NULL,
    text             TEXT NOT NULL,
    source           TEXT NOT NULL,             -- file path or feed the article came from
    warnings         TEXT NOT NULL DEFAULT '[]',
    ingested_at      TEXT NOT NULL
);
CREATE INDEX articles_url ON articles(url);
CREATE TABLE events (
    id             TEXT PRIMARY KEY,
    event_type     TEXT NOT NULL,
    sub_event_type TEXT NOT NULL,
    event_date     TEXT NOT NULL,
    time_precision INTEGER NOT NULL,
    country_code   TEXT,
    country        TEXT,
    admin1         TEXT,
    fatalities     INTEGER,
    json           TEXT NOT NULL,               -- the event as in the output contract
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);
CREATE INDEX events_date ON events(country_code, event_date);
CREATE TABLE event_sources (
    event_id   TEXT NOT NULL REFERENCES events(id),
    article_id TEXT NOT NULL REFERENCES articles(id),
    json       TEXT NOT NULL,                   -- this article's version of the event, with its evidence
    reason     TEXT NOT NULL,                   -- why the article was linked: 'new event' or the merge rule
    PRIMARY KEY (event_id, article_id)
);
CREATE TABLE failures (
    source   TEXT NOT NULL,
    error    TEXT NOT NULL,
    at       TEXT NOT NULL,
    PRIMARY KEY (source, error)
);
CREATE TABLE changes (
    cursor   INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id TEXT NOT NULL,
    kind     TEXT NOT NULL,                     -- insert, merge
    at       TEXT NOT NULL
);
"#,
    r#"
CREATE TABLE feeds (
    url           TEXT PRIMARY KEY,
    etag          TEXT,
    last_modified TEXT,
    polled_at     TEXT,
    last_error    TEXT
);
CREATE TABLE feed_items (
    feed_url TEXT NOT NULL,
    item_id  TEXT NOT NULL,
    url      TEXT,
    outcome  TEXT NOT NULL,                     -- ingested, duplicate, or the error
    at       TEXT NOT NULL,
    PRIMARY KEY (feed_url, item_id)
);
"#,
    r#"
ALTER TABLE events ADD COLUMN admin2 TEXT;
ALTER TABLE events ADD COLUMN latitude REAL;
ALTER TABLE events ADD COLUMN longitude REAL;
ALTER TABLE events ADD COLUMN actors TEXT;      -- actor names joined by '|'
UPDATE events SET
    admin2 = json_extract(json, '$.location.admin2'),
    latitude = json_extract(json, '$.location.latitude'),
    longitude = json_extract(json, '$.location.longitude'),
    actors = (SELECT group_concat(json_extract(value, '$.name'), '|') FROM json_each(events.json, '$.actors'));
CREATE INDEX events_admin1_date ON events(admin1, event_date, id);
CREATE INDEX events_date_id ON events(event_date, id);
CREATE INDEX events_lat_lon ON events(latitude, longitude);
CREATE INDEX changes_event ON changes(event_id);
CREATE VIRTUAL TABLE events_fts USING fts5(id UNINDEXED, body, tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO events_fts (id, body)
    SELECT id, json_extract(json, '$.notes') || ' ' || COALESCE(actors, '') || ' ' || COALESCE(json_extract(json, '$.location.name'), '')
    FROM events;
"#,
    // Covering indexes: the summary, time series and map cells read a few
    // columns of every event; without them each scan reads every event's JSON.
    r#"
CREATE INDEX events_type_date_fat ON events(event_type, event_date, fatalities);
CREATE INDEX events_place_fat ON events(admin1, country, fatalities);
CREATE INDEX events_coords_fat ON events(latitude, longitude, fatalities, id);
DROP INDEX events_lat_lon;
"#,
    // The search rows share their event's rowid: rewriting or removing one
    // finds it by rowid instead of scanning the whole index for its id.
    r#"
DELETE FROM events_fts;
INSERT INTO events_fts (rowid, id, body)
    SELECT rowid, id, json_extract(json, '$.notes') || ' ' || COALESCE(actors, '') || ' ' || COALESCE(json_extract(json, '$.location.name'), '')
    FROM events;
"#,
    // Articles: the address a page's versions share, the state of their
    // coding, and the metadata the extractor found. Actors and places as
    // tables of their own, linked from the events.
    r#"
ALTER TABLE articles ADD COLUMN canonical_url TEXT;   -- filled by Store::open from url (canonical_url())
ALTER TABLE articles ADD COLUMN status TEXT NOT NULL DEFAULT 'coded'; -- coded, or failed: its last re-coding failed
ALTER TABLE articles ADD COLUMN error TEXT;           -- why, when failed
ALTER TABLE articles ADD COLUMN authors TEXT NOT NULL DEFAULT '[]';
ALTER TABLE articles ADD COLUMN metadata_sources TEXT NOT NULL DEFAULT '{}';
DROP INDEX articles_url;
DROP INDEX changes_event;                       -- no query reads changes by event
CREATE INDEX articles_canonical ON articles(canonical_url) WHERE canonical_url IS NOT NULL;
CREATE TABLE actors (
    name  TEXT PRIMARY KEY,                     -- normalised name, as in the events (every role)
    inter INTEGER NOT NULL                      -- ACLED inter code, as first coded
);
ALTER TABLE events ADD COLUMN actor1 TEXT;      -- names in actors
ALTER TABLE events ADD COLUMN actor2 TEXT;
CREATE TABLE places (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL,
    country_code  TEXT NOT NULL,
    country       TEXT NOT NULL,
    admin1        TEXT NOT NULL DEFAULT '',
    admin2        TEXT NOT NULL DEFAULT '',
    latitude      REAL,
    longitude     REAL,
    geo_precision INTEGER NOT NULL,
    geonames_id   INTEGER,
    UNIQUE (country_code, admin1, admin2, name)
);
ALTER TABLE events ADD COLUMN place_id INTEGER REFERENCES places(id);
INSERT OR IGNORE INTO actors (name, inter)
    SELECT json_extract(value, '$.name'), json_extract(value, '$.inter') FROM events, json_each(events.json, '$.actors');
UPDATE events SET
    actor1 = (SELECT json_extract(value, '$.name') FROM json_each(events.json, '$.actors') WHERE json_extract(value, '$.role') = 'actor1'),
    actor2 = (SELECT json_extract(value, '$.name') FROM json_each(events.json, '$.actors') WHERE json_extract(value, '$.role') = 'actor2');
INSERT OR IGNORE INTO places (name, country_code, country, admin1, admin2, latitude, longitude, geo_precision, geonames_id)
    SELECT json_extract(json, '$.location.name'), json_extract(json, '$.location.country_code'),
           json_extract(json, '$.location.country'), COALESCE(json_extract(json, '$.location.admin1'), ''),
           COALESCE(json_extract(json, '$.location.admin2'), ''), json_extract(json, '$.location.latitude'),
           json_extract(json, '$.location.longitude'), json_extract(json, '$.location.geo_precision'),
           json_extract(json, '$.location.geonames_id')
    FROM events WHERE json_extract(json, '$.location') IS NOT NULL;
UPDATE events SET place_id = (
    SELECT p.id FROM places p
    WHERE p.country_code = json_extract(events.json, '$.location.country_code')
      AND p.admin1 = COALESCE(json_extract(events.json, '$.location.admin1'), '')
      AND p.admin2 = COALESCE(json_extract(events.json, '$.location.admin2'), '')
      AND p.name = json_extract(events.json, '$.location.name'));
"#,
    // Pages sorted by fatalities (the dashboard's "most deadly first"): read
    // from the start of this index instead of sorting every event (3.8 s on
    // 1,000,000 events without it, 5 ms with it).
    r#"
CREATE INDEX events_fatalities ON events(COALESCE(fatalities, -1), id);
"#,
];

/// The migration that added `articles.canonical_url` (its rows are filled
/// in Rust, by [`canonical_url`]).
const CANONICAL_URL_MIGRATION: i64 = 6;

/// The outcome of ingesting one article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct IngestOutcome {
    /// False when the article was already stored (nothing was written).
    pub new_article: bool,
    pub events_new: usize,
    pub events_merged: usize,
    /// Earlier versions of the same page (same URL, other text) whose
    /// events this version replaced.
    pub replaced: usize,
}

/// An article an event was reported in.
#[derive(Debug, Clone, Serialize)]
pub struct SourceRef {
    pub article_id: String,
    pub url: Option<String>,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub publication_date: Option<String>,
}

/// An event with its sources.
#[derive(Debug, Clone, Serialize)]
pub struct StoredEvent {
    #[serde(flatten)]
    pub event: Event,
    pub sources: Vec<SourceRef>,
    /// Number of distinct outlets among the sources.
    pub outlets: usize,
}

/// A source article with its own evidence for an event.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleEvidence {
    pub id: String,
    pub url: Option<String>,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub publication_date: Option<String>,
    pub text: String,
    pub evidence: Vec<veille_core::Evidence>,
    /// Why this article is linked to the event.
    pub reason: String,
}

/// Filters for listing events. Text filters compare exactly, except
/// `actor` (a case-insensitive part of any actor's name) and `q` (words of
/// the notes, actors and place, accents ignored).
#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    /// Country name or ISO alpha-2 code.
    pub country: Option<String>,
    pub admin1: Option<String>,
    pub admin2: Option<String>,
    pub event_type: Option<String>,
    pub sub_event_type: Option<String>,
    pub actor: Option<String>,
    pub date_from: Option<NaiveDate>,
    pub date_to: Option<NaiveDate>,
    /// min_lon, min_lat, max_lon, max_lat.
    pub bbox: Option<[f64; 4]>,
    pub min_fatalities: Option<u64>,
    pub q: Option<String>,
    pub limit: Option<usize>,
    /// Only events changed (inserted or merged into) after this cursor of
    /// the changes feed.
    pub since: Option<i64>,
}

/// What the store remembers of a polled feed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FeedState {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub polled_at: Option<String>,
    pub last_error: Option<String>,
}

/// What `veille reprocess` did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ReprocessReport {
    pub articles: usize,
    /// Articles the pipeline could not code again: (source, why); their old
    /// events stay.
    pub failed: Vec<(String, String)>,
    pub events_before: usize,
    pub events_after: usize,
    /// Events rewritten in place (same id), by a re-coded report or a merge.
    pub events_updated: usize,
    pub events_inserted: usize,
    pub events_deleted: usize,
}

impl ReprocessReport {
    /// Records how many distinct events the re-coding changed in one way
    /// ("insert", "update" (merges too) or "delete").
    pub(crate) fn count_changes(&mut self, kind: &str, events: usize) {
        match kind {
            "insert" => self.events_inserted = events,
            "update" => self.events_updated = events,
            "delete" => self.events_deleted = events,
            _ => {}
        }
    }
}

/// Counts for the summary printed by `veille demo`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    pub articles: usize,
    pub failures: usize,
    pub events: usize,
    pub fatalities: u64,
    pub by_type: Vec<(String, usize)>,
    pub by_admin1: Vec<(String, usize)>,
}

/// A connection to the store.
pub struct Store {
    conn: Connection,
}

fn now() -> String {
    Utc::now().to_rfc3339()
}

impl Store {
    /// Opens (creating if needed) a SQLite store and migrates it.
    pub fn open(path: &Path) -> Result<Store> {
        let conn = Connection::open(path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        // Up to 64 MiB of page cache per connection (a ceiling, filled as
        // pages are read). With SQLite's default 2 MiB, a page of API
        // results (a few hundred B-tree pages on a large store) keeps being
        // evicted and read again from the OS: about a third more requests
        // per second with this (`scripts/bench-api.sh`).
        conn.pragma_update(None, "cache_size", -65536i64)?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        Store::init(conn, &path.display().to_string())
    }

    /// An in-memory store (tests).
    pub fn open_in_memory() -> Result<Store> {
        Store::init(Connection::open_in_memory()?, ":memory:")
    }

    fn init(conn: Connection, path: &str) -> Result<Store> {
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // Every statement is prepared once and kept (there are about thirty):
        // an ingested document runs a dozen, and preparing them each time
        // was a fifth of storing it.
        conn.set_prepared_statement_cache_capacity(64);
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        let known = MIGRATIONS.len() as i64;
        if version > known {
            return Err(StoreError::TooNew {
                path: path.into(),
                found: version,
                known,
            });
        }
        for (i, m) in MIGRATIONS.iter().enumerate().skip(version as usize) {
            let tx = conn.unchecked_transaction()?;
            tx.execute_batch(m)?;
            tx.pragma_update(None, "user_version", (i + 1) as i64)?;
            tx.commit()?;
        }
        // Addresses stored before the canonical_url column existed.
        if version >= CANONICAL_URL_MIGRATION {
            return Ok(Store { conn });
        }
        let missing: Vec<(i64, String)> = {
            let mut stmt = conn.prepare(
                "SELECT rowid, url FROM articles WHERE canonical_url IS NULL AND url IS NOT NULL",
            )?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            rows.collect::<std::result::Result<_, _>>()?
        };
        if !missing.is_empty() {
            let tx = conn.unchecked_transaction()?;
            for (rowid, url) in &missing {
                tx.prepare_cached("UPDATE articles SET canonical_url = ?2 WHERE rowid = ?1")?
                    .execute(params![rowid, canonical_url(url)])?;
            }
            tx.commit()?;
        }
        Ok(Store { conn })
    }

    pub fn has_article(&self, id: &str) -> Result<bool> {
        Ok(self
            .conn
            .prepare_cached("SELECT 1 FROM articles WHERE id = ?1")?
            .query_row([id], |_| Ok(()))
            .optional()?
            .is_some())
    }

    /// Opens a transaction that the next [`Store::ingest`] calls join,
    /// each in a savepoint of its own, until [`Store::commit_batch`]: one
    /// commit for many articles. Other writers wait for the commit
    /// (within the busy timeout).
    pub fn begin_batch(&mut self) -> Result<()> {
        if self.conn.is_autocommit() {
            // IMMEDIATE: the write lock now, so another writer's commit
            // cannot invalidate what this batch has read.
            self.conn.execute_batch("BEGIN IMMEDIATE")?;
        }
        Ok(())
    }

    /// Commits the transaction opened by [`Store::begin_batch`], if any.
    pub fn commit_batch(&mut self) -> Result<()> {
        if !self.conn.is_autocommit() {
            self.conn.execute_batch("COMMIT")?;
        }
        Ok(())
    }

    /// Stores an article and its events in one transaction, merging events
    /// into stored ones that describe the same incident.
    pub fn ingest(&mut self, out: &ExtractOutput, source: &str) -> Result<IngestOutcome> {
        let a = &out.article;
        if self.has_article(&a.id)? {
            return Ok(IngestOutcome::default());
        }
        // A savepoint: its own transaction, or a part of the batch opened by
        // [`Store::begin_batch`] that an error rolls back alone.
        let tx = self.conn.savepoint()?;
        let at = now();
        // A new version of a page already stored replaces it.
        let mut older: Vec<String> = Vec::new();
        if let Some(url) = &a.url {
            let mut stmt =
                tx.prepare_cached("SELECT id FROM articles WHERE canonical_url = ?1 AND id <> ?2")?;
            let rows =
                stmt.query_map(params![canonical_url(url), a.id], |r| r.get::<_, String>(0))?;
            for r in rows {
                older.push(r?);
            }
        }
        let mut reuse = Vec::new();
        for old in &older {
            reuse.extend(retract(&tx, old, &at)?);
        }
        let mut outcome = ingest_tx(&tx, out, source, &at, &mut reuse)?;
        deleted(&tx, &reuse, &at)?;
        outcome.replaced = older.len();
        tx.commit()?;
        Ok(outcome)
    }

    /// Codes every stored article again with `code` (the pipeline run on
    /// its stored text), oldest first, each in its own transaction: events
    /// of the same incident keep their ids; the changes feed records every
    /// update, insert and deletion.
    pub fn reprocess(
        &mut self,
        mut code: impl FnMut(&StoredArticle) -> std::result::Result<ExtractOutput, String>,
    ) -> Result<ReprocessReport> {
        let before = self
            .conn
            .query_row("SELECT COUNT(*) FROM events", [], |r| r.get::<_, i64>(0))?;
        let cursor = self.last_cursor()?;
        let ids: Vec<String> = {
            let mut stmt = self
                .conn
                .prepare("SELECT id FROM articles ORDER BY publication_date, ingested_at, id")?;
            let rows = stmt.query_map([], |r| r.get(0))?;
            rows.collect::<std::result::Result<_, _>>()?
        };
        let mut report = ReprocessReport::default();
        for id in ids {
            let Some(article) = self.article(&id)? else {
                continue;
            };
            report.articles += 1;
            let out = match code(&article) {
                Ok(o) => o,
                Err(why) => {
                    self.conn
                        .prepare_cached(
                            "UPDATE articles SET status = 'failed', error = ?2 WHERE id = ?1",
                        )?
                        .execute(params![id, why])?;
                    report.failed.push((article.source.clone(), why));
                    continue;
                }
            };
            if out.article.id == id && self.coded_as(&id, &out)? {
                self.conn
                    .prepare_cached(
                        "UPDATE articles SET status = 'coded', error = NULL WHERE id = ?1",
                    )?
                    .execute([&id])?;
                continue;
            }
            let tx = self.conn.transaction()?;
            let at = now();
            let since: i64 =
                tx.query_row("SELECT COALESCE(MAX(cursor), 0) FROM changes", [], |r| {
                    r.get(0)
                })?;
            let before = linked_events(&tx, &id)?;
            let mut reuse = retract(&tx, &id, &at)?;
            // The article itself, re-read: its text may be cleaned better now.
            let source = article.source.clone();
            let exists: bool = tx
                .query_row(
                    "SELECT 1 FROM articles WHERE id = ?1",
                    [&out.article.id],
                    |_| Ok(()),
                )
                .optional()?
                .is_some();
            if !exists {
                ingest_tx(&tx, &out, &source, &at, &mut reuse)?;
            }
            deleted(&tx, &reuse, &at)?;
            forget_unchanged(&tx, &before, since)?;
            tx.commit()?;
        }
        let after = self
            .conn
            .query_row("SELECT COUNT(*) FROM events", [], |r| r.get::<_, i64>(0))?;
        let mut stmt = self.conn.prepare(
            "SELECT CASE kind WHEN 'merge' THEN 'update' ELSE kind END, COUNT(DISTINCT event_id)
             FROM changes WHERE cursor > ?1 GROUP BY 1",
        )?;
        let rows = stmt.query_map([cursor], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))
        })?;
        for r in rows {
            let (kind, n) = r?;
            report.count_changes(&kind, n as usize);
        }
        report.events_before = before as usize;
        report.events_after = after as usize;
        Ok(report)
    }

    /// Whether `out`'s events are, JSON for JSON and in order, the versions
    /// stored for article `id`: its re-coding changes nothing.
    fn coded_as(&self, id: &str, out: &ExtractOutput) -> Result<bool> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT json FROM event_sources WHERE article_id = ?1 ORDER BY rowid",
        )?;
        let stored = stmt
            .query_map([id], |r| r.get::<_, String>(0))?
            .collect::<std::result::Result<Vec<_>, _>>()?;
        Ok(same_versions(&stored, &out.events))
    }

    /// Stores an article and events as they are, without looking for stored
    /// events of the same incidents: for bulk loads of data already
    /// de-duplicated (an archive, synthetic benchmark data). One transaction;
    /// an article already stored adds nothing.
    pub fn import(&mut self, out: &ExtractOutput, source: &str) -> Result<IngestOutcome> {
        if self.has_article(&out.article.id)? {
            return Ok(IngestOutcome::default());
        }
        let tx = self.conn.transaction()?;
        let at = now();
        insert_article(&tx, out, source, &at)?;
        for e in &out.events {
            insert_new_event(&tx, e, &out.article.id, &serde_json::to_string(e)?, &at)?;
        }
        tx.commit()?;
        Ok(IngestOutcome {
            new_article: true,
            events_new: out.events.len(),
            ..Default::default()
        })
    }

    /// Records an input that could not be processed, with why.
    pub fn record_failure(&mut self, source: &str, error: &str) -> Result<()> {
        self.conn
            .prepare_cached(
                "INSERT OR REPLACE INTO failures (source, error, at) VALUES (?1, ?2, ?3)",
            )?
            .execute(params![source, error, now()])?;
        Ok(())
    }

    /// Recorded failures: (source, error).
    pub fn failures(&self) -> Result<Vec<(String, String)>> {
        let mut stmt = self
            .conn
            .prepare("SELECT source, error FROM failures ORDER BY source")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    fn stored(&self, event: Event) -> Result<StoredEvent> {
        let mut one = self.stored_many(vec![event])?;
        Ok(one.pop().expect("one event in, one out"))
    }

    /// Events with their sources, read in one query for all of them.
    fn stored_many(&self, events: Vec<Event>) -> Result<Vec<StoredEvent>> {
        let mut by_event = self.sources_of(events.iter().map(|e| e.id.as_str()))?;
        Ok(events
            .into_iter()
            .map(|e| {
                let sources = by_event.remove(&e.id).unwrap_or_default();
                with_sources(e, sources)
            })
            .collect())
    }

    /// The source articles of events, by event id, oldest first.
    pub(crate) fn sources_of<'a>(
        &self,
        ids: impl Iterator<Item = &'a str>,
    ) -> Result<std::collections::HashMap<String, Vec<SourceRef>>> {
        let ids = serde_json::to_string(&ids.collect::<Vec<_>>())?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT s.event_id, a.id, a.url, a.title, a.outlet, a.publication_date FROM event_sources s JOIN articles a ON a.id = s.article_id
             WHERE s.event_id IN (SELECT value FROM json_each(?1)) ORDER BY a.publication_date, a.id",
        )?;
        let mut by_event: std::collections::HashMap<String, Vec<SourceRef>> =
            std::collections::HashMap::new();
        let rows = stmt.query_map([ids], |r| {
            Ok((
                r.get::<_, String>(0)?,
                SourceRef {
                    article_id: r.get(1)?,
                    url: r.get(2)?,
                    title: r.get(3)?,
                    outlet: r.get(4)?,
                    publication_date: r.get(5)?,
                },
            ))
        })?;
        for r in rows {
            let (id, src) = r?;
            by_event.entry(id).or_default().push(src);
        }
        Ok(by_event)
    }
}

/// An event with its sources and the count of distinct outlets among them.
fn with_sources(event: Event, sources: Vec<SourceRef>) -> StoredEvent {
    StoredEvent {
        outlets: outlet_count(&sources),
        event,
        sources,
    }
}

/// The count of distinct outlets among an event's sources (an article with
/// no outlet counts by its address, or else by itself).
pub(crate) fn outlet_count(sources: &[SourceRef]) -> usize {
    let mut outlets: Vec<&str> = sources
        .iter()
        .map(|s| {
            s.outlet
                .as_deref()
                .or(s.url.as_deref())
                .unwrap_or(&s.article_id)
        })
        .collect();
    outlets.sort_unstable();
    outlets.dedup();
    outlets.len()
}

impl Store {
    /// Events matching a filter, newest first (all of them unless `limit`).
    pub fn events(&self, f: &EventFilter) -> Result<Vec<StoredEvent>> {
        Ok(self.events_page(f, SortOrder::DateDesc, None)?.events)
    }

    /// One event with the text of each source article and its evidence.
    pub fn event(&self, id: &str) -> Result<Option<(StoredEvent, Vec<ArticleEvidence>)>> {
        let json: Option<String> = self
            .conn
            .query_row("SELECT json FROM events WHERE id = ?1", [id], |r| r.get(0))
            .optional()?;
        let Some(json) = json else { return Ok(None) };
        let event = self.stored(serde_json::from_str(&json)?)?;
        let mut stmt = self.conn.prepare(
            "SELECT a.id, a.url, a.title, a.outlet, a.publication_date, a.text, s.json, s.reason
             FROM event_sources s JOIN articles a ON a.id = s.article_id WHERE s.event_id = ?1 ORDER BY a.publication_date, a.id",
        )?;
        let rows = stmt.query_map([id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, Option<String>>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, Option<String>>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, String>(6)?,
                r.get::<_, String>(7)?,
            ))
        })?;
        let mut articles = Vec::new();
        for r in rows {
            let (aid, url, title, outlet, publication_date, text, ejson, reason) = r?;
            let version: Event = serde_json::from_str(&ejson)?;
            articles.push(ArticleEvidence {
                id: aid,
                url,
                title,
                outlet,
                publication_date,
                text,
                evidence: version.evidence,
                reason,
            });
        }
        Ok(Some((event, articles)))
    }

    /// The events an article is a source of.
    pub fn article_events(&self, article_id: &str) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare(
            "SELECT event_id FROM event_sources WHERE article_id = ?1 ORDER BY event_id",
        )?;
        let rows = stmt.query_map([article_id], |r| r.get(0))?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// The latest cursor of the changes feed (0 when nothing changed yet).
    pub fn last_cursor(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("SELECT COALESCE(MAX(cursor), 0) FROM changes", [], |r| {
                r.get(0)
            })?)
    }

    /// What is known of a feed from earlier polls.
    pub fn feed_state(&self, url: &str) -> Result<FeedState> {
        Ok(self
            .conn
            .query_row(
                "SELECT etag, last_modified, polled_at, last_error FROM feeds WHERE url = ?1",
                [url],
                |r| {
                    Ok(FeedState {
                        etag: r.get(0)?,
                        last_modified: r.get(1)?,
                        polled_at: r.get(2)?,
                        last_error: r.get(3)?,
                    })
                },
            )
            .optional()?
            .unwrap_or_default())
    }

    /// Records a poll of a feed: its validators (kept when `None`) and error.
    pub fn record_poll(
        &mut self,
        url: &str,
        etag: Option<&str>,
        last_modified: Option<&str>,
        error: Option<&str>,
    ) -> Result<()> {
        self.conn.prepare_cached(
            "INSERT INTO feeds (url, etag, last_modified, polled_at, last_error) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT(url) DO UPDATE SET etag = COALESCE(?2, etag), last_modified = COALESCE(?3, last_modified),
                 polled_at = ?4, last_error = ?5",
        )?
        .execute(
            params![url, etag, last_modified, now(), error],
        )?;
        Ok(())
    }

    /// Whether a feed item was already handled.
    pub fn item_seen(&self, feed_url: &str, item_id: &str) -> Result<bool> {
        Ok(self
            .conn
            .query_row(
                "SELECT 1 FROM feed_items WHERE feed_url = ?1 AND item_id = ?2",
                [feed_url, item_id],
                |_| Ok(()),
            )
            .optional()?
            .is_some())
    }

    /// Records what became of a feed item.
    pub fn record_item(
        &mut self,
        feed_url: &str,
        item_id: &str,
        url: Option<&str>,
        outcome: &str,
    ) -> Result<()> {
        self.conn.prepare_cached(
            "INSERT OR REPLACE INTO feed_items (feed_url, item_id, url, outcome, at) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(
            params![feed_url, item_id, url, outcome, now()],
        )?;
        Ok(())
    }

    /// Counts by type and by admin1.
    pub fn summary(&self) -> Result<Summary> {
        let count = |sql: &str| -> Result<usize> {
            Ok(self.conn.query_row(sql, [], |r| r.get::<_, i64>(0))? as usize)
        };
        let group = |sql: &str| -> Result<Vec<(String, usize)>> {
            let mut stmt = self.conn.prepare(sql)?;
            let rows = stmt.query_map([], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)? as usize))
            })?;
            Ok(rows.collect::<std::result::Result<_, _>>()?)
        };
        Ok(Summary {
            articles: count("SELECT COUNT(*) FROM articles")?,
            failures: count("SELECT COUNT(*) FROM failures")?,
            events: count("SELECT COUNT(*) FROM events")?,
            fatalities: count("SELECT COALESCE(SUM(fatalities), 0) FROM events")? as u64,
            by_type: group("SELECT event_type, COUNT(*) FROM events GROUP BY event_type ORDER BY COUNT(*) DESC, event_type")?,
            by_admin1: group(
                "SELECT COALESCE(admin1, '(unknown)') || ', ' || COALESCE(country, '?'), n
                 FROM (SELECT admin1, country, COUNT(*) AS n FROM events GROUP BY admin1, country) ORDER BY n DESC, 1",
            )?,
        })
    }
}

fn insert_article(tx: &Connection, out: &ExtractOutput, source: &str, at: &str) -> Result<()> {
    let a = &out.article;
    let c = ArticleColumns::of(out)?;
    tx.prepare_cached(
        "INSERT INTO articles (id, url, outlet, title, publication_date, language, text, source, warnings, ingested_at,
             canonical_url, authors, metadata_sources)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?
    .execute(params![
        a.id,
        a.url,
        a.outlet,
        a.title,
        c.date,
        a.language,
        a.text,
        source,
        c.warnings,
        at,
        c.canonical,
        c.authors,
        c.metadata,
    ])?;
    Ok(())
}

/// Inserts an event that matched no stored one, its index rows, its link to
/// the article and its change.
fn insert_new_event(
    tx: &Connection,
    e: &Event,
    article_id: &str,
    json: &str,
    at: &str,
) -> Result<()> {
    insert_event_row(tx, e, json, at)?;
    tx.prepare_cached(
        "INSERT OR IGNORE INTO event_sources (event_id, article_id, json, reason) VALUES (?1, ?2, ?3, 'new event')",
    )?
    .execute(
        params![e.id, article_id, json],
    )?;
    tx.prepare_cached("INSERT INTO changes (event_id, kind, at) VALUES (?1, 'insert', ?2)")?
        .execute(params![e.id, at])?;
    Ok(())
}

/// Inserts an event's row and its search text (nothing if the id exists).
fn insert_event_row(tx: &Connection, e: &Event, json: &str, at: &str) -> Result<()> {
    write_event_row(tx, e, json, at, false)
}

/// Writes an event's row and its search text: a new row (nothing when the
/// id exists), or with `replace` the stored row rewritten from `e`.
fn write_event_row(tx: &Connection, e: &Event, json: &str, at: &str, replace: bool) -> Result<()> {
    let sql = if replace {
        "UPDATE events SET event_type = ?2, sub_event_type = ?3, event_date = ?4, time_precision = ?5, country_code = ?6,
             country = ?7, admin1 = ?8, fatalities = ?9, json = ?10, updated_at = ?11, admin2 = ?12, latitude = ?13,
             longitude = ?14, actors = ?15, place_id = ?16, actor1 = ?17, actor2 = ?18
         WHERE id = ?1"
    } else {
        "INSERT OR IGNORE INTO events (id, event_type, sub_event_type, event_date, time_precision, country_code, country, admin1, fatalities, json, created_at, updated_at,
             admin2, latitude, longitude, actors, place_id, actor1, actor2)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)"
    };
    let l = e.location.as_ref();
    let place_id = match l {
        Some(l) => Some(place_id(tx, l)?),
        None => None,
    };
    let written = tx.prepare_cached(sql)?.execute(params![
        e.id,
        e.event_type.as_str(),
        e.sub_event_type.as_str(),
        e.event_date.to_string(),
        e.time_precision,
        l.map(|l| l.country_code.clone()),
        l.map(|l| l.country.clone()),
        l.and_then(|l| l.admin1.clone()),
        e.fatalities.map(|f| f as i64),
        json,
        at,
        l.and_then(|l| l.admin2.clone()),
        l.and_then(|l| l.latitude),
        l.and_then(|l| l.longitude),
        actor_names(e),
        place_id,
        actor_in(e, "actor1"),
        actor_in(e, "actor2"),
    ])?;
    if written > 0 {
        if replace {
            delete_search_row(tx, &e.id)?;
        }
        for a in &e.actors {
            tx.prepare_cached("INSERT OR IGNORE INTO actors (name, inter) VALUES (?1, ?2)")?
                .execute(params![a.name, a.inter])?;
        }
        tx.prepare_cached(
            "INSERT INTO events_fts (rowid, id, body) VALUES ((SELECT rowid FROM events WHERE id = ?1), ?1, ?2)",
        )?
        .execute(
            params![e.id, search_text(e)],
        )?;
    }
    Ok(())
}

/// Stores an article (new to the store) and its events in `tx`: each event
/// merges into a stored one of the same incident, else takes the id of a
/// just-retracted event of the same incident (`reuse`, a re-coded or
/// corrected report), else is new.
fn ingest_tx(
    tx: &Connection,
    out: &ExtractOutput,
    source: &str,
    at: &str,
    reuse: &mut Vec<Event>,
) -> Result<IngestOutcome> {
    let a = &out.article;
    insert_article(tx, out, source, at)?;
    let mut outcome = IngestOutcome {
        new_article: true,
        ..Default::default()
    };
    for e in &out.events {
        let json = serde_json::to_string(e)?;
        let mut candidates: Vec<Event> = Vec::new();
        {
            let c = Candidates::of(e);
            let mut stmt = tx.prepare_cached(
                "SELECT json FROM events WHERE country_code IS ?1 AND event_date BETWEEN ?2 AND ?3
                   AND ((latitude BETWEEN ?4 AND ?5 AND longitude BETWEEN ?6 AND ?7) OR admin1 IS ?8)
                 ORDER BY event_date",
            )?;
            let rows = stmt.query_map(
                params![c.country, c.from, c.to, c.lat0, c.lat1, c.lon0, c.lon1, c.admin1],
                |r| r.get::<_, String>(0),
            )?;
            for r in rows {
                candidates.push(serde_json::from_str(&r?)?);
            }
        }
        let matched = candidates
            .into_iter()
            .find_map(|c| veille_dedup::same_incident(&c, e).map(|why| (c, why)));
        match matched {
            Some((mut stored, why)) => {
                merge(&mut stored, e);
                rewrite_event(tx, &stored)?;
                tx.prepare_cached(
                    "INSERT OR IGNORE INTO event_sources (event_id, article_id, json, reason) VALUES (?1, ?2, ?3, ?4)",
                )?
                .execute(
                    params![stored.id, a.id, json, format!("merged: {why}")],
                )?;
                tx.prepare_cached(
                    "INSERT INTO changes (event_id, kind, at) VALUES (?1, 'merge', ?2)",
                )?
                .execute(params![stored.id, at])?;
                outcome.events_merged += 1;
            }
            None => {
                let old = reuse
                    .iter()
                    .position(|r| veille_dedup::same_incident(r, e).is_some());
                match old {
                    Some(k) => {
                        // The same incident as an event this article replaces: its id.
                        let old = reuse.remove(k);
                        let mut kept = e.clone();
                        kept.id = old.id.clone();
                        let json = serde_json::to_string(&kept)?;
                        insert_event_row(tx, &kept, &json, at)?;
                        tx.prepare_cached(
                            "INSERT OR IGNORE INTO event_sources (event_id, article_id, json, reason) VALUES (?1, ?2, ?3, 'new event')",
                        )?
                        .execute(
                            params![kept.id, a.id, json],
                        )?;
                        tx.prepare_cached(
                            "INSERT INTO changes (event_id, kind, at) VALUES (?1, 'update', ?2)",
                        )?
                        .execute(params![kept.id, at])?;
                    }
                    None => insert_new_event(tx, e, &a.id, &json, at)?,
                }
                outcome.events_new += 1;
            }
        }
    }
    Ok(outcome)
}

/// Takes an article out of the store: its links go; an event with other
/// sources is rebuilt from them (the earliest report, the highest toll); an
/// event left without sources is removed and returned, for a new version of
/// the article to take its id.
fn retract(tx: &Connection, article_id: &str, at: &str) -> Result<Vec<Event>> {
    let linked: Vec<String> = {
        let mut stmt =
            tx.prepare_cached("SELECT event_id FROM event_sources WHERE article_id = ?1")?;
        let rows = stmt.query_map([article_id], |r| r.get(0))?;
        rows.collect::<std::result::Result<_, _>>()?
    };
    tx.prepare_cached("DELETE FROM event_sources WHERE article_id = ?1")?
        .execute([article_id])?;
    let mut gone = Vec::new();
    for id in linked {
        let versions: Vec<Event> = {
            let mut stmt = tx.prepare_cached(
                "SELECT json FROM event_sources WHERE event_id = ?1 ORDER BY rowid",
            )?;
            let rows = stmt.query_map([&id], |r| r.get::<_, String>(0))?;
            let mut v = Vec::new();
            for r in rows {
                v.push(serde_json::from_str::<Event>(&r?)?);
            }
            v
        };
        match versions.split_first() {
            None => {
                let json: Option<String> = tx
                    .query_row("SELECT json FROM events WHERE id = ?1", [&id], |r| r.get(0))
                    .optional()?;
                delete_search_row(tx, &id)?;
                tx.prepare_cached("DELETE FROM events WHERE id = ?1")?
                    .execute([&id])?;
                if let Some(json) = json {
                    gone.push(serde_json::from_str(&json)?);
                }
            }
            Some((first, rest)) => {
                let mut rebuilt = first.clone();
                rebuilt.id = id.clone();
                for v in rest {
                    merge(&mut rebuilt, v);
                }
                rewrite_event(tx, &rebuilt)?;
                tx.prepare_cached(
                    "INSERT INTO changes (event_id, kind, at) VALUES (?1, 'update', ?2)",
                )?
                .execute(params![id, at])?;
            }
        }
    }
    tx.prepare_cached("DELETE FROM articles WHERE id = ?1")?
        .execute([article_id])?;
    Ok(gone)
}

/// The id of a place in the places table, added when new.
fn place_id(tx: &Connection, l: &veille_core::Location) -> Result<i64> {
    let (admin1, admin2) = (
        l.admin1.as_deref().unwrap_or(""),
        l.admin2.as_deref().unwrap_or(""),
    );
    let known = tx
        .prepare_cached(
            "SELECT id FROM places WHERE country_code = ?1 AND admin1 = ?2 AND admin2 = ?3 AND name = ?4",
        )?
        .query_row(params![l.country_code, admin1, admin2, l.name], |r| r.get(0))
        .optional()?;
    if let Some(id) = known {
        return Ok(id);
    }
    tx.prepare_cached(
        "INSERT INTO places (name, country_code, country, admin1, admin2, latitude, longitude, geo_precision, geonames_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![
        l.name,
        l.country_code,
        l.country,
        admin1,
        admin2,
        l.latitude,
        l.longitude,
        l.geo_precision,
        l.geonames_id.map(|g| g as i64),
    ])?;
    Ok(tx.last_insert_rowid())
}

/// Removes an event's search row (by its rowid: the event must still exist).
fn delete_search_row(tx: &Connection, id: &str) -> Result<()> {
    tx.prepare_cached(
        "DELETE FROM events_fts WHERE rowid = (SELECT rowid FROM events WHERE id = ?1)",
    )?
    .execute([id])?;
    Ok(())
}

/// The stored events an article is a source of, as (id, JSON).
fn linked_events(tx: &Connection, article_id: &str) -> Result<Vec<(String, String)>> {
    let mut stmt = tx.prepare(
        "SELECT e.id, e.json FROM event_sources s JOIN events e ON e.id = s.event_id
         WHERE s.article_id = ?1",
    )?;
    let rows = stmt.query_map([article_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<std::result::Result<_, _>>()?)
}

/// Takes back the changes (after cursor `since`) that re-coding an article
/// wrote for events it left as they were (`before`: id, JSON), so that a
/// client syncing the feed is not sent every event again.
fn forget_unchanged(tx: &Connection, before: &[(String, String)], since: i64) -> Result<()> {
    for (id, json) in before {
        let now: Option<String> = tx
            .query_row("SELECT json FROM events WHERE id = ?1", [id], |r| r.get(0))
            .optional()?;
        if now.as_deref() == Some(json.as_str()) {
            tx.prepare_cached("DELETE FROM changes WHERE cursor > ?1 AND event_id = ?2")?
                .execute(params![since, id])?;
        }
    }
    Ok(())
}

/// Records the deletion of retracted events no new report took over.
fn deleted(tx: &Connection, gone: &[Event], at: &str) -> Result<()> {
    for e in gone {
        tx.prepare_cached("INSERT INTO changes (event_id, kind, at) VALUES (?1, 'delete', ?2)")?
            .execute(params![e.id, at])?;
    }
    Ok(())
}

/// Rewrites a stored event's row and search text from `e`.
fn rewrite_event(tx: &Connection, e: &Event) -> Result<()> {
    write_event_row(tx, e, &serde_json::to_string(e)?, &now(), true)
}

/// Where stored events that may be the same incident as `e` are: its
/// country, its date window (widened by a month), and its place (within
/// about 35 km, a box, or the same admin1 for the same place name).
pub(crate) struct Candidates {
    pub country: Option<String>,
    pub from: String,
    pub to: String,
    pub lat0: f64,
    pub lat1: f64,
    pub lon0: f64,
    pub lon1: f64,
    pub admin1: Option<String>,
}

impl Candidates {
    pub fn of(e: &Event) -> Candidates {
        let (from, to) = veille_dedup::date_window(e);
        let l = e.location.as_ref();
        let (lat, lon) = (
            l.and_then(|l| l.latitude).unwrap_or(f64::NAN),
            l.and_then(|l| l.longitude).unwrap_or(f64::NAN),
        );
        let dlon = 0.32 / lat.to_radians().cos().abs().max(0.1);
        Candidates {
            country: l.map(|l| l.country_code.clone()),
            from: (from - chrono::Duration::days(31)).to_string(),
            to: to.to_string(),
            lat0: lat - 0.32,
            lat1: lat + 0.32,
            lon0: lon - dlon,
            lon1: lon + dlon,
            admin1: l.and_then(|l| l.admin1.clone()),
        }
    }
}

/// Whether `events` are, JSON for JSON and in order, an article's `stored`
/// versions of its events (its re-coding changes nothing).
pub(crate) fn same_versions(stored: &[String], events: &[Event]) -> bool {
    stored.len() == events.len()
        && stored
            .iter()
            .zip(events)
            .all(|(s, e)| serde_json::to_string(e).is_ok_and(|j| &j == s))
}

/// The columns of an article's row that are derived from its extract
/// output (the same in both stores).
pub(crate) struct ArticleColumns {
    pub date: Option<String>,
    /// The extraction's warnings, as JSON.
    pub warnings: String,
    pub canonical: Option<String>,
    /// Authors, as JSON.
    pub authors: String,
    /// Where each metadata field came from, as JSON.
    pub metadata: String,
}

impl ArticleColumns {
    pub(crate) fn of(out: &ExtractOutput) -> Result<ArticleColumns> {
        let a = &out.article;
        Ok(ArticleColumns {
            date: a.publication_date.map(|d| d.to_string()),
            warnings: serde_json::to_string(&out.warnings)?,
            canonical: a.url.as_deref().map(canonical_url),
            authors: serde_json::to_string(&a.authors)?,
            metadata: serde_json::to_string(&a.metadata_sources)?,
        })
    }
}

/// What a new report adds to the stored event of the same incident: the
/// higher death toll (a later count), and the range of the reported tolls.
pub(crate) fn merge(stored: &mut Event, e: &Event) {
    let tolls = [
        stored.fatalities_low,
        stored.fatalities,
        stored.fatalities_high,
        e.fatalities_low,
        e.fatalities,
        e.fatalities_high,
    ];
    let known = || tolls.iter().flatten().copied();
    stored.fatalities_low = known().min();
    stored.fatalities_high = known().max();
    if e.fatalities > stored.fatalities {
        stored.fatalities = e.fatalities;
        stored.fatalities_text = e.fatalities_text.clone();
    }
}

/// The name of an event's actor in `role` ("actor1", "actor2").
fn actor_in<'e>(e: &'e Event, role: &str) -> Option<&'e str> {
    e.actors
        .iter()
        .find(|a| a.role == role)
        .map(|a| a.name.as_str())
}

/// An event's actor names joined by '|' (the `actors` column).
fn actor_names(e: &Event) -> String {
    e.actors
        .iter()
        .map(|a| a.name.as_str())
        .collect::<Vec<_>>()
        .join("|")
}

/// What full-text search sees of an event: notes, actors, place.
fn search_text(e: &Event) -> String {
    format!(
        "{} {} {}",
        e.notes,
        actor_names(e).replace('|', " "),
        e.location.as_ref().map(|l| l.name.as_str()).unwrap_or("")
    )
}

pub mod any;
mod canonical;
pub mod pg;
pub use canonical::canonical_url;
mod query;
pub use any::AnyStore;
pub use pg::{PgStore, ScratchSchema};
pub use query::{
    ActorCount, Alert, Alerts, Change, Cluster, Page, PlaceCount, Series, SortOrder, StoredArticle,
};

#[cfg(test)]
mod tests;
