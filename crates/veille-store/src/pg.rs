//! The PostgreSQL store, for many workers on many machines: the same
//! articles, events, sources, failures and changes as the SQLite store, plus
//! the job queue workers share (`SELECT … FOR UPDATE SKIP LOCKED`).
//!
//! Merging is serialised per country with a transaction-scoped advisory
//! lock, so that two workers coding two reports of one incident at once
//! still make one event. An article and its job's completion commit
//! together: a worker killed mid-job leaves the job to be claimed again
//! (after its heartbeat goes stale) and nothing half-written.

use crate::query::{unit, ACTORS_SQL, PLACES_SQL};
use crate::{
    canonical_url, merge, search_text, ActorCount, ArticleColumns, ArticleEvidence, Candidates,
    EventFilter, IngestOutcome, PlaceCount, ReprocessReport, Result, SourceRef, StoreError,
    StoredArticle, StoredEvent, Summary,
};
use postgres::{Client, NoTls, Statement, Transaction};

mod batch;
pub use batch::BatchOutcome;
use serde::Serialize;
use veille_core::{Event, ExtractOutput};

/// Schema migrations, applied in order; `veille_schema` counts them.
const MIGRATIONS: &[&str] = &[
    r#"
CREATE TABLE articles (
    id               TEXT PRIMARY KEY,
    url              TEXT,
    outlet           TEXT,
    title            TEXT,
    publication_date TEXT,
    language         TEXT NOT NULL,
    text             TEXT NOT NULL,
    source           TEXT NOT NULL,
    warnings         TEXT NOT NULL DEFAULT '[]',
    ingested_at      TIMESTAMPTZ NOT NULL DEFAULT now()
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
    admin2         TEXT,
    latitude       DOUBLE PRECISION,
    longitude      DOUBLE PRECISION,
    actors         TEXT,
    fatalities     BIGINT,
    search         TEXT NOT NULL DEFAULT '',
    json           TEXT NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX events_country_date ON events(country_code, event_date);
CREATE INDEX events_admin1_date ON events(admin1, event_date, id);
CREATE TABLE event_sources (
    event_id   TEXT NOT NULL REFERENCES events(id),
    article_id TEXT NOT NULL REFERENCES articles(id),
    json       TEXT NOT NULL,
    reason     TEXT NOT NULL,
    PRIMARY KEY (event_id, article_id)
);
CREATE INDEX event_sources_article ON event_sources(article_id);
CREATE TABLE failures (
    source TEXT NOT NULL,
    error  TEXT NOT NULL,
    at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (source, error)
);
CREATE TABLE changes (
    cursor   BIGSERIAL PRIMARY KEY,
    event_id TEXT NOT NULL,
    kind     TEXT NOT NULL,
    at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX changes_event ON changes(event_id);
CREATE TABLE jobs (
    id           BIGSERIAL PRIMARY KEY,
    name         TEXT NOT NULL,
    bytes        BYTEA,
    input_error  TEXT,
    url          TEXT,
    outlet       TEXT,
    published    TEXT,
    fetched      TEXT,
    charset      TEXT,
    kind         TEXT,
    status       TEXT NOT NULL DEFAULT 'queued',   -- queued, running, done, failed
    attempts     INTEGER NOT NULL DEFAULT 0,
    last_error   TEXT,
    worker       TEXT,
    run_after    TIMESTAMPTZ NOT NULL DEFAULT now(),
    heartbeat_at TIMESTAMPTZ,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    done_at      TIMESTAMPTZ,
    article_id   TEXT
);
CREATE INDEX jobs_ready ON jobs(status, run_after, id);
"#,
    // As SQLite's migration 6: articles' canonical address, coding state and
    // metadata; actors and places tables. And an order for an event's
    // sources (SQLite has its rowid).
    r#"
ALTER TABLE articles ADD COLUMN canonical_url TEXT;
ALTER TABLE articles ADD COLUMN status TEXT NOT NULL DEFAULT 'coded';
ALTER TABLE articles ADD COLUMN error TEXT;
ALTER TABLE articles ADD COLUMN authors TEXT NOT NULL DEFAULT '[]';
ALTER TABLE articles ADD COLUMN metadata_sources TEXT NOT NULL DEFAULT '{}';
DROP INDEX articles_url;
DROP INDEX changes_event;                       -- no query reads changes by event
CREATE INDEX articles_canonical ON articles(canonical_url) WHERE canonical_url IS NOT NULL;
ALTER TABLE event_sources ADD COLUMN seq BIGSERIAL;
CREATE TABLE actors (
    name  TEXT PRIMARY KEY,
    inter INTEGER NOT NULL
);
ALTER TABLE events ADD COLUMN actor1 TEXT;
ALTER TABLE events ADD COLUMN actor2 TEXT;
CREATE TABLE places (
    id            BIGSERIAL PRIMARY KEY,
    name          TEXT NOT NULL,
    country_code  TEXT NOT NULL,
    country       TEXT NOT NULL,
    admin1        TEXT NOT NULL DEFAULT '',
    admin2        TEXT NOT NULL DEFAULT '',
    latitude      DOUBLE PRECISION,
    longitude     DOUBLE PRECISION,
    geo_precision INTEGER NOT NULL,
    geonames_id   BIGINT,
    UNIQUE (country_code, admin1, admin2, name)
);
-- No foreign key: its check locks the place's row (FOR KEY SHARE) in every
-- worker inserting an event there; only the store writes these ids.
ALTER TABLE events ADD COLUMN place_id BIGINT;
-- A claim walks the queued jobs in id order and the running ones by
-- heartbeat: neither scans the done ones.
DROP INDEX jobs_ready;
CREATE INDEX jobs_queued ON jobs(id) WHERE status = 'queued';
CREATE INDEX jobs_running ON jobs(heartbeat_at) WHERE status = 'running';
INSERT INTO actors (name, inter)
    SELECT a->>'name', (a->>'inter')::int FROM events, jsonb_array_elements(events.json::jsonb->'actors') a
    ON CONFLICT DO NOTHING;
UPDATE events SET
    actor1 = (SELECT a->>'name' FROM jsonb_array_elements(json::jsonb->'actors') a WHERE a->>'role' = 'actor1' LIMIT 1),
    actor2 = (SELECT a->>'name' FROM jsonb_array_elements(json::jsonb->'actors') a WHERE a->>'role' = 'actor2' LIMIT 1);
INSERT INTO places (name, country_code, country, admin1, admin2, latitude, longitude, geo_precision, geonames_id)
    SELECT l->>'name', l->>'country_code', l->>'country', COALESCE(l->>'admin1', ''), COALESCE(l->>'admin2', ''),
           (l->>'latitude')::float8, (l->>'longitude')::float8, (l->>'geo_precision')::int, (l->>'geonames_id')::bigint
    FROM (SELECT json::jsonb->'location' AS l FROM events) x WHERE jsonb_typeof(l) = 'object'
    ON CONFLICT DO NOTHING;
UPDATE events SET place_id = p.id FROM places p
    WHERE p.country_code = events.json::jsonb->'location'->>'country_code'
      AND p.admin1 = COALESCE(events.json::jsonb->'location'->>'admin1', '')
      AND p.admin2 = COALESCE(events.json::jsonb->'location'->>'admin2', '')
      AND p.name = events.json::jsonb->'location'->>'name';
"#,
    // One stored version per page. Checked at commit, so that a transaction
    // can add a page's new version before it takes the old one out; two
    // workers storing two versions of a page at the same moment cannot both
    // commit, and the one that fails stores its version again, now seeing
    // the other ([`PgStore::complete`]).
    r#"
DROP INDEX articles_canonical;
ALTER TABLE articles ADD CONSTRAINT articles_one_version UNIQUE (canonical_url) DEFERRABLE INITIALLY DEFERRED;
"#,
];

/// A write that failed only because of a concurrent one, and succeeds when
/// done again: another version of the same page committed meanwhile
/// (`articles_one_version`), or the deadlock that the two versions' merge
/// locks can make (PostgreSQL breaks it by failing one).
fn lost_race(e: &StoreError) -> bool {
    let StoreError::Postgres(e) = e else {
        return false;
    };
    e.as_db_error().is_some_and(|d| {
        *d.code() == postgres::error::SqlState::T_R_DEADLOCK_DETECTED
            || (*d.code() == postgres::error::SqlState::UNIQUE_VIOLATION
                && d.constraint() == Some("articles_one_version"))
    })
}

/// Times a write is done again after [`lost_race`].
const RACE_RETRIES: usize = 3;

/// Runs `write`, again after each [`lost_race`], up to [`RACE_RETRIES`] times.
fn retrying<T>(mut write: impl FnMut() -> Result<T>) -> Result<T> {
    let mut tries = 0;
    loop {
        match write() {
            Err(e) if lost_race(&e) && tries < RACE_RETRIES => tries += 1,
            r => return r,
        }
    }
}

/// The migration that added `articles.canonical_url`.
const CANONICAL_URL_MIGRATION: i64 = 2;

/// Attempts before a job is failed for good.
pub const MAX_ATTEMPTS: i32 = 3;

/// A queued document, as a worker claims it.
#[derive(Debug, Clone)]
pub struct Job {
    pub id: i64,
    pub attempts: i32,
    pub input: veille_core::RawDocument,
    /// Name of the input (path, `file:line`, URL).
    pub name: String,
    /// Why the input could not be read, when it could not.
    pub input_error: Option<String>,
}

/// What the queue holds, by state.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct QueueCounts {
    pub queued: i64,
    pub running: i64,
    pub done: i64,
    pub failed: i64,
}

/// A job that failed for good.
#[derive(Debug, Clone, Serialize)]
pub struct FailedJob {
    pub id: i64,
    pub name: String,
    pub attempts: i32,
    pub error: String,
}

/// A connection to the PostgreSQL store.
pub struct PgStore {
    client: Client,
    /// The ingest path's statements, parsed and planned once per connection
    /// (a plain query string costs a parse round trip every time).
    sql: Prepared,
}

/// Prepared statements of the ingest and job path.
struct Prepared {
    insert_article: Statement,
    merge_lock: Statement,
    /// Stored events that may be the same incident, in a country (`=`
    /// so that the (country, date) index is used: `IS NOT DISTINCT FROM`
    /// would scan every country's events of the period).
    candidates: Statement,
    /// The same for an event without a country.
    candidates_no_country: Statement,
    /// Updates a merged event, links the article, records the change: one
    /// round trip.
    merge_event: Statement,
    /// Inserts a new event, links the article, records the change: one
    /// round trip.
    insert_event: Statement,
    /// A queued job's whole first step: marks the job done, inserts the
    /// article and takes the merge locks of its events' countries (sorted,
    /// so that two workers never wait on each other), in one round trip.
    /// Returns (the job was still this worker's, the article is new, the
    /// locks taken, older versions of the page). Without leave to replace
    /// older versions (`$14`), a page with older versions is left alone.
    complete_and_insert: Statement,
    /// Rewrites a stored event from its new version (its actors too).
    rewrite_event: Statement,
    /// The stored articles with the same canonical address, but another text.
    older_versions: Statement,
    /// A place's id, the place added when new.
    add_place: Statement,
    /// Actors added when new.
    add_actors: Statement,
    known: Known,
}

impl Prepared {
    fn new(c: &mut Client) -> Result<Prepared> {
        Ok(Prepared {
            insert_article: c.prepare(
                "INSERT INTO articles (id, url, outlet, title, publication_date, language, text, source, warnings,
                     canonical_url, authors, metadata_sources)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (id) DO NOTHING",
            )?,
            merge_lock: c.prepare("SELECT pg_advisory_xact_lock(hashtext('veille-merge:' || $1))")?,
            candidates: c.prepare(
                "SELECT json FROM events WHERE country_code = $1 AND event_date BETWEEN $2 AND $3
                   AND ((latitude BETWEEN $4 AND $5 AND longitude BETWEEN $6 AND $7) OR admin1 IS NOT DISTINCT FROM $8)
                 ORDER BY event_date",
            )?,
            candidates_no_country: c.prepare(
                "SELECT json FROM events WHERE $1::text IS NULL AND country_code IS NULL AND event_date BETWEEN $2 AND $3
                   AND ((latitude BETWEEN $4 AND $5 AND longitude BETWEEN $6 AND $7) OR admin1 IS NOT DISTINCT FROM $8)
                 ORDER BY event_date",
            )?,
            merge_event: c.prepare(
                "WITH u AS (UPDATE events SET fatalities = $2, json = $3, updated_at = now() WHERE id = $1),
                      s AS (INSERT INTO event_sources (event_id, article_id, json, reason)
                            VALUES ($1, $4, $5, $6) ON CONFLICT DO NOTHING)
                 INSERT INTO changes (event_id, kind) VALUES ($1, 'merge')",
            )?,
            // The source row's foreign key is checked at the end of the
            // statement, when the event row is there. The place and actors
            // are added before (`EventParams::of`).
            insert_event: c.prepare(
                "WITH e AS (
                     INSERT INTO events (id, event_type, sub_event_type, event_date, time_precision, country_code, country,
                         admin1, admin2, latitude, longitude, actors, fatalities, search, json, place_id, actor1, actor2)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
                     ON CONFLICT (id) DO NOTHING RETURNING id),
                      s AS (INSERT INTO event_sources (event_id, article_id, json, reason)
                            VALUES ($1, $19, $15, 'new event') ON CONFLICT DO NOTHING)
                 INSERT INTO changes (event_id, kind) SELECT id, $20 FROM e",
            )?,
            rewrite_event: c.prepare(
                "UPDATE events SET event_type = $2, sub_event_type = $3, event_date = $4, time_precision = $5,
                     country_code = $6, country = $7, admin1 = $8, admin2 = $9, latitude = $10, longitude = $11,
                     actors = $12, fatalities = $13, search = $14, json = $15, place_id = $16,
                     actor1 = $17, actor2 = $18, updated_at = now()
                 WHERE id = $1",
            )?,
            // A place of the country cannot be added meanwhile: the
            // country's merge lock is held.
            add_place: c.prepare(
                "WITH p AS (
                     INSERT INTO places (name, country_code, country, admin1, admin2, latitude, longitude, geo_precision, geonames_id)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING RETURNING id)
                 SELECT id FROM p UNION ALL
                 SELECT id FROM places WHERE country_code = $2 AND admin1 = $4 AND admin2 = $5 AND name = $1",
            )?,
            add_actors: c.prepare(
                "INSERT INTO actors (name, inter) SELECT n, i FROM unnest($1::text[], $2::int[]) t(n, i)
                 ON CONFLICT DO NOTHING",
            )?,
            known: Known::default(),
            older_versions: c.prepare(
                "SELECT id FROM articles WHERE canonical_url = $1 AND id <> $2 ORDER BY id",
            )?,
            complete_and_insert: c.prepare(
                "WITH o AS (SELECT id FROM articles WHERE $13::text IS NOT NULL AND canonical_url = $13 AND id <> $3),
                      j AS (UPDATE jobs SET status = 'done', done_at = now(), article_id = $3, bytes = NULL
                            WHERE id = $1 AND worker = $2 AND status = 'running'
                              AND ($14 OR NOT EXISTS (SELECT 1 FROM o)) RETURNING id),
                      a AS (INSERT INTO articles (id, url, outlet, title, publication_date, language, text, source, warnings,
                                canonical_url, authors, metadata_sources)
                            SELECT $3, $4, $5, $6, $7, $8, $9, $10, $11, $13, $15, $16 WHERE EXISTS (SELECT 1 FROM j)
                            ON CONFLICT (id) DO NOTHING RETURNING id),
                      l AS (SELECT pg_advisory_xact_lock(hashtext('veille-merge:' || c))
                            FROM (SELECT DISTINCT c FROM (
                                      SELECT unnest($12::text[]) c
                                      UNION SELECT COALESCE(e.country_code, '') FROM o
                                          JOIN event_sources s ON s.article_id = o.id JOIN events e ON e.id = s.event_id
                                  ) u ORDER BY c) s
                            WHERE EXISTS (SELECT 1 FROM a))
                 SELECT (SELECT count(*) FROM j), (SELECT count(*) FROM a), (SELECT count(*) FROM l),
                        (SELECT count(*) FROM o)",
            )?,
        })
    }
}

/// Places and actors this connection knows are stored (they are never
/// deleted), so that an event's insert need not look for them; what the
/// current transaction added counts once it commits.
#[derive(Default)]
struct Known {
    places: std::collections::HashMap<PlaceKey, i64>,
    actors: std::collections::HashSet<String>,
    new_places: Vec<(PlaceKey, i64)>,
    new_actors: Vec<String>,
}

/// A place's key in the places table: country code, admin1, admin2, name.
type PlaceKey = (String, String, String, String);

impl Known {
    /// The transaction committed: what it added is stored.
    fn committed(&mut self) {
        self.places.extend(self.new_places.drain(..));
        self.actors.extend(self.new_actors.drain(..));
    }

    /// A transaction begins: nothing of an earlier, failed one counts.
    fn begin(&mut self) {
        self.new_places.clear();
        self.new_actors.clear();
    }
}

impl PgStore {
    /// Connects (`postgres://user:password@host/db`) and migrates.
    pub fn connect(url: &str) -> Result<PgStore> {
        let mut client = Client::connect(url, NoTls)?;
        let mut tx = client.transaction()?;
        // One migrator at a time, across machines.
        tx.execute("SELECT pg_advisory_xact_lock(7461736)", &[])?;
        tx.batch_execute("CREATE TABLE IF NOT EXISTS veille_schema (version INTEGER NOT NULL)")?;
        let version: i64 = tx
            .query_one("SELECT COUNT(*) FROM veille_schema", &[])?
            .get(0);
        let known = MIGRATIONS.len() as i64;
        if version > known {
            return Err(StoreError::TooNew {
                path: url.split('@').next_back().unwrap_or(url).to_string(),
                found: version,
                known,
            });
        }
        for (i, m) in MIGRATIONS.iter().enumerate().skip(version as usize) {
            tx.batch_execute(m)?;
            tx.execute(
                "INSERT INTO veille_schema (version) VALUES ($1)",
                &[&(i as i32 + 1)],
            )?;
        }
        if version < CANONICAL_URL_MIGRATION {
            // Addresses stored before the canonical_url column existed.
            let rows = tx.query(
                "SELECT id, url FROM articles WHERE canonical_url IS NULL AND url IS NOT NULL",
                &[],
            )?;
            for r in rows {
                let (id, url): (String, String) = (r.get(0), r.get(1));
                tx.execute(
                    "UPDATE articles SET canonical_url = $2 WHERE id = $1",
                    &[&id, &canonical_url(&url)],
                )?;
            }
        }
        tx.commit()?;
        // A commit need not wait for its WAL flush: a crash can lose the
        // last few commits, but an article and its job's completion are
        // one transaction, so a lost completion means the job runs again.
        client.batch_execute("SET synchronous_commit = off")?;
        // Events and their sources' versions are a few kB of JSON each:
        // LZ4 compresses them several times faster than the default pglz
        // (a server built without LZ4 keeps pglz).
        let _ = client.batch_execute("SET default_toast_compression = lz4");
        let sql = Prepared::new(&mut client)?;
        Ok(PgStore { client, sql })
    }

    /// Makes an empty schema `schema` in the database at `url` (dropping one
    /// of that name) and returns a URL whose connections work in it: how a
    /// benchmark or a test gets a store of its own in a shared database.
    pub fn fresh_schema(url: &str, schema: &str) -> Result<String> {
        check_schema_name(schema)?;
        let mut c = Client::connect(url, NoTls)?;
        c.batch_execute(&format!(
            "DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}"
        ))?;
        let sep = if url.contains('?') { '&' } else { '?' };
        Ok(format!("{url}{sep}options=-c%20search_path%3D{schema}"))
    }

    /// Drops a schema made by [`PgStore::fresh_schema`] (see also
    /// [`ScratchSchema`]).
    pub fn drop_schema(url: &str, schema: &str) -> Result<()> {
        check_schema_name(schema)?;
        let mut c = Client::connect(url, NoTls)?;
        c.batch_execute(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE"))?;
        Ok(())
    }

    pub fn has_article(&mut self, id: &str) -> Result<bool> {
        Ok(self
            .client
            .query_opt("SELECT 1 FROM articles WHERE id = $1", &[&id])?
            .is_some())
    }

    /// Stores an article and its events in one transaction, merging events
    /// into stored ones of the same incident.
    pub fn ingest(&mut self, out: &ExtractOutput, source: &str) -> Result<IngestOutcome> {
        retrying(|| self.ingest_once(out, source))
    }

    fn ingest_once(&mut self, out: &ExtractOutput, source: &str) -> Result<IngestOutcome> {
        self.sql.known.begin();
        let mut tx = self.client.transaction()?;
        let outcome = ingest_tx(&mut tx, &mut self.sql, out, source)?;
        tx.commit()?;
        self.sql.known.committed();
        Ok(outcome)
    }

    pub fn record_failure(&mut self, source: &str, error: &str) -> Result<()> {
        insert_failure(&mut self.client, source, error)
    }

    pub fn failures(&mut self) -> Result<Vec<(String, String)>> {
        Ok(self
            .client
            .query("SELECT source, error FROM failures ORDER BY source", &[])?
            .iter()
            .map(|r| (r.get(0), r.get(1)))
            .collect())
    }

    fn sources(&mut self, event_id: &str) -> Result<Vec<SourceRef>> {
        Ok(self
            .client
            .query(
                "SELECT a.id, a.url, a.title, a.outlet, a.publication_date FROM event_sources s JOIN articles a ON a.id = s.article_id
                 WHERE s.event_id = $1 ORDER BY a.publication_date, a.id",
                &[&event_id],
            )?
            .iter()
            .map(|r| SourceRef {
                article_id: r.get(0),
                url: r.get(1),
                title: r.get(2),
                outlet: r.get(3),
                publication_date: r.get(4),
            })
            .collect())
    }

    /// Events matching a filter, newest first. Supports country, admin1,
    /// admin2, event and sub-event type, actor, dates, bounding box,
    /// minimum fatalities, words (`q`), `since` and `limit`.
    pub fn events(&mut self, f: &EventFilter) -> Result<Vec<StoredEvent>> {
        let mut w: Vec<String> = vec!["TRUE".into()];
        let mut p: Vec<Box<dyn postgres::types::ToSql + Sync>> = Vec::new();
        let mut add =
            |clause: &str, v: Box<dyn postgres::types::ToSql + Sync>, w: &mut Vec<String>| {
                p.push(v);
                w.push(clause.replace('#', &format!("${}", p.len())));
            };
        if let Some(c) = &f.country {
            add(
                "(country = # OR country_code = #)",
                Box::new(c.clone()),
                &mut w,
            );
        }
        for (col, v) in [
            ("admin1", &f.admin1),
            ("admin2", &f.admin2),
            ("event_type", &f.event_type),
            ("sub_event_type", &f.sub_event_type),
        ] {
            if let Some(v) = v {
                add(&format!("{col} = #"), Box::new(v.clone()), &mut w);
            }
        }
        if let Some(a) = &f.actor {
            add(
                "strpos(lower(actors), lower(#)) > 0",
                Box::new(a.clone()),
                &mut w,
            );
        }
        if let Some(d) = f.date_from {
            add("event_date >= #", Box::new(d.to_string()), &mut w);
        }
        if let Some(d) = f.date_to {
            add("event_date <= #", Box::new(d.to_string()), &mut w);
        }
        if let Some([x0, y0, x1, y1]) = f.bbox {
            add("longitude >= #", Box::new(x0), &mut w);
            add("longitude <= #", Box::new(x1), &mut w);
            add("latitude >= #", Box::new(y0), &mut w);
            add("latitude <= #", Box::new(y1), &mut w);
        }
        if let Some(n) = f.min_fatalities {
            add("fatalities >= #", Box::new(n as i64), &mut w);
        }
        if let Some(q) = &f.q {
            for word in q
                .split(|c: char| !c.is_alphanumeric())
                .filter(|t| !t.is_empty())
            {
                add(
                    "strpos(lower(search), lower(#)) > 0",
                    Box::new(word.to_string()),
                    &mut w,
                );
            }
        }
        if let Some(c) = f.since {
            add(
                "id IN (SELECT event_id FROM changes WHERE cursor > #)",
                Box::new(c),
                &mut w,
            );
        }
        let limit = f.limit.map(|l| format!(" LIMIT {l}")).unwrap_or_default();
        let sql = format!(
            "SELECT json FROM events WHERE {} ORDER BY event_date DESC, id DESC{limit}",
            w.join(" AND ")
        );
        let params: Vec<&(dyn postgres::types::ToSql + Sync)> =
            p.iter().map(|b| b.as_ref()).collect();
        let rows = self.client.query(&sql, &params)?;
        let mut out = Vec::with_capacity(rows.len());
        for r in rows {
            let event: Event = serde_json::from_str(r.get::<_, &str>(0))?;
            let sources = self.sources(&event.id)?;
            out.push(crate::with_sources(event, sources));
        }
        Ok(out)
    }

    /// One event with the text of each source article and its evidence.
    pub fn event(&mut self, id: &str) -> Result<Option<(StoredEvent, Vec<ArticleEvidence>)>> {
        let Some(row) = self
            .client
            .query_opt("SELECT json FROM events WHERE id = $1", &[&id])?
        else {
            return Ok(None);
        };
        let event: Event = serde_json::from_str(row.get::<_, &str>(0))?;
        let sources = self.sources(&event.id)?;
        let stored = crate::with_sources(event, sources);
        let mut articles = Vec::new();
        for r in self.client.query(
            "SELECT a.id, a.url, a.title, a.outlet, a.publication_date, a.text, s.json, s.reason
             FROM event_sources s JOIN articles a ON a.id = s.article_id WHERE s.event_id = $1 ORDER BY a.publication_date, a.id",
            &[&id],
        )? {
            let version: Event = serde_json::from_str(r.get::<_, &str>(6))?;
            articles.push(ArticleEvidence {
                id: r.get(0),
                url: r.get(1),
                title: r.get(2),
                outlet: r.get(3),
                publication_date: r.get(4),
                text: r.get(5),
                evidence: version.evidence,
                reason: r.get(7),
            });
        }
        Ok(Some((stored, articles)))
    }

    /// One stored article with the events it is a source of.
    pub fn article(&mut self, id: &str) -> Result<Option<StoredArticle>> {
        let Some(r) = self.client.query_opt(
            "SELECT id, url, outlet, title, publication_date, language, text, source, ingested_at::text, warnings,
                    canonical_url, status, error, authors, metadata_sources
             FROM articles WHERE id = $1",
            &[&id],
        )?
        else {
            return Ok(None);
        };
        let events = self
            .client
            .query(
                "SELECT event_id FROM event_sources WHERE article_id = $1 ORDER BY event_id",
                &[&id],
            )?
            .iter()
            .map(|e| e.get(0))
            .collect();
        Ok(Some(StoredArticle {
            id: r.get(0),
            url: r.get(1),
            outlet: r.get(2),
            title: r.get(3),
            publication_date: r.get(4),
            language: r.get(5),
            text: r.get(6),
            source: r.get(7),
            ingested_at: r.get(8),
            warnings: serde_json::from_str(r.get(9))?,
            canonical_url: r.get(10),
            status: r.get(11),
            error: r.get(12),
            authors: serde_json::from_str(r.get(13))?,
            metadata_sources: serde_json::from_str(r.get(14))?,
            events,
        }))
    }

    /// Codes every stored article again with `code`, as the SQLite store's
    /// `reprocess` does: oldest first, each in its own transaction holding
    /// the merge locks of the countries of its old and new events; events
    /// of the same incident keep their ids. Workers may run meanwhile.
    pub fn reprocess(
        &mut self,
        mut code: impl FnMut(&StoredArticle) -> std::result::Result<ExtractOutput, String>,
    ) -> Result<ReprocessReport> {
        let count = |c: &mut Client| -> Result<usize> {
            Ok(c.query_one("SELECT COUNT(*) FROM events", &[])?
                .get::<_, i64>(0) as usize)
        };
        let before = count(&mut self.client)?;
        let cursor = self.last_cursor()?;
        let ids: Vec<String> = self
            .client
            .query(
                "SELECT id FROM articles ORDER BY publication_date, ingested_at, id",
                &[],
            )?
            .iter()
            .map(|r| r.get(0))
            .collect();
        let mut report = ReprocessReport::default();
        for id in ids {
            let Some(article) = self.article(&id)? else {
                continue;
            };
            report.articles += 1;
            let out = match code(&article) {
                Ok(o) => o,
                Err(why) => {
                    self.client.execute(
                        "UPDATE articles SET status = 'failed', error = $2 WHERE id = $1",
                        &[&id, &why],
                    )?;
                    report.failed.push((article.source.clone(), why));
                    continue;
                }
            };
            // Coded as before (the same text, the same events, JSON for
            // JSON): nothing to do.
            let stored: Vec<String> = self
                .client
                .query(
                    "SELECT json FROM event_sources WHERE article_id = $1 ORDER BY seq",
                    &[&id],
                )?
                .iter()
                .map(|r| r.get(0))
                .collect();
            if out.article.id == id && crate::same_versions(&stored, &out.events) {
                self.client.execute(
                    "UPDATE articles SET status = 'coded', error = NULL WHERE id = $1",
                    &[&id],
                )?;
                continue;
            }
            self.sql.known.begin();
            let mut tx = self.client.transaction()?;
            lock_countries(&mut tx, &self.sql, &out, std::slice::from_ref(&id))?;
            // The events of the locked countries change only in this
            // transaction now: none of their changes after `since` is
            // another's.
            let since: i64 = tx
                .query_one("SELECT COALESCE(MAX(cursor), 0) FROM changes", &[])?
                .get(0);
            let linked: Vec<(String, String)> = tx
                .query(
                    "SELECT e.id, e.json FROM event_sources s JOIN events e ON e.id = s.event_id
                     WHERE s.article_id = $1",
                    &[&id],
                )?
                .iter()
                .map(|r| (r.get(0), r.get(1)))
                .collect();
            let mut reuse = retract(&mut tx, &mut self.sql, &id)?;
            // The article itself, re-read: its text may be cleaned better now.
            if insert_article(&mut tx, &mut self.sql, &out, &article.source)? > 0 {
                ingest_events(&mut tx, &mut self.sql, &out, &mut reuse)?;
            }
            deleted(&mut tx, &reuse)?;
            // The changes written for events left as they were are taken
            // back (as in the SQLite store).
            for (event, json) in &linked {
                tx.execute(
                    "DELETE FROM changes WHERE cursor > $1 AND event_id = $2
                       AND EXISTS (SELECT 1 FROM events WHERE id = $2 AND json = $3)",
                    &[&since, event, json],
                )?;
            }
            tx.commit()?;
            self.sql.known.committed();
        }
        report.events_before = before;
        report.events_after = count(&mut self.client)?;
        for r in self.client.query(
            "SELECT CASE kind WHEN 'merge' THEN 'update' ELSE kind END, COUNT(DISTINCT event_id)
             FROM changes WHERE cursor > $1 GROUP BY 1",
            &[&cursor],
        )? {
            report.count_changes(r.get(0), r.get::<_, i64>(1) as usize);
        }
        Ok(report)
    }

    /// The actors of the stored events, most events first.
    pub fn actors(&mut self, limit: usize) -> Result<Vec<ActorCount>> {
        Ok(self
            .client
            .query(&format!("{ACTORS_SQL}{limit}"), &[])?
            .iter()
            .map(|r| ActorCount {
                name: r.get(0),
                inter: r.get::<_, i32>(1) as u8,
                events: r.get::<_, i64>(2) as u64,
                fatalities: r.get::<_, i64>(3) as u64,
            })
            .collect())
    }

    /// The places of the stored events, most events first.
    pub fn places(&mut self, limit: usize) -> Result<Vec<PlaceCount>> {
        Ok(self
            .client
            .query(&format!("{PLACES_SQL}{limit}"), &[])?
            .iter()
            .map(|r| PlaceCount {
                name: r.get(0),
                country_code: r.get(1),
                country: r.get(2),
                admin1: unit(r.get(3)),
                admin2: unit(r.get(4)),
                latitude: r.get(5),
                longitude: r.get(6),
                geo_precision: r.get::<_, i32>(7) as u8,
                events: r.get::<_, i64>(8) as u64,
                fatalities: r.get::<_, i64>(9) as u64,
            })
            .collect())
    }

    pub fn last_cursor(&mut self) -> Result<i64> {
        Ok(self
            .client
            .query_one("SELECT COALESCE(MAX(cursor), 0) FROM changes", &[])?
            .get(0))
    }

    /// Counts by type and by admin1.
    pub fn summary(&mut self) -> Result<Summary> {
        let mut count = |sql: &str| -> Result<usize> {
            Ok(self.client.query_one(sql, &[])?.get::<_, i64>(0) as usize)
        };
        let articles = count("SELECT COUNT(*) FROM articles")?;
        let failures = count("SELECT COUNT(*) FROM failures")?;
        let events = count("SELECT COUNT(*) FROM events")?;
        let fatalities = count("SELECT COALESCE(SUM(fatalities), 0)::BIGINT FROM events")? as u64;
        let mut group = |sql: &str| -> Result<Vec<(String, usize)>> {
            Ok(self
                .client
                .query(sql, &[])?
                .iter()
                .map(|r| (r.get::<_, String>(0), r.get::<_, i64>(1) as usize))
                .collect())
        };
        Ok(Summary {
            articles,
            failures,
            events,
            fatalities,
            by_type: group("SELECT event_type, COUNT(*) FROM events GROUP BY event_type ORDER BY COUNT(*) DESC, event_type")?,
            by_admin1: group(
                "SELECT COALESCE(admin1, '(unknown)') || ', ' || COALESCE(country, '?'), COUNT(*) FROM events GROUP BY 1 ORDER BY COUNT(*) DESC, 1",
            )?,
        })
    }

    // ---- the job queue ----

    /// Queues documents (one transaction for all).
    pub fn enqueue(
        &mut self,
        jobs: &[(
            String,
            std::result::Result<veille_core::RawDocument, String>,
        )],
    ) -> Result<usize> {
        let mut tx = self.client.transaction()?;
        let stmt = tx.prepare(
            "INSERT INTO jobs (name, bytes, input_error, url, outlet, published, fetched, charset, kind)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )?;
        for (name, doc) in jobs {
            match doc {
                Ok(d) => {
                    let kind = d.kind.map(|k| format!("{k:?}").to_lowercase());
                    tx.execute(
                        &stmt,
                        &[
                            name,
                            &d.bytes,
                            &None::<String>,
                            &d.url,
                            &d.outlet,
                            &d.publication_date.map(|x| x.to_string()),
                            &d.fallback_date.map(|x| x.to_string()),
                            &d.charset,
                            &kind,
                        ],
                    )?;
                }
                Err(why) => {
                    tx.execute(
                        &stmt,
                        &[
                            name,
                            &None::<Vec<u8>>,
                            why,
                            &None::<String>,
                            &None::<String>,
                            &None::<String>,
                            &None::<String>,
                            &None::<String>,
                            &None::<String>,
                        ],
                    )?;
                }
            }
        }
        tx.commit()?;
        Ok(jobs.len())
    }

    /// Claims up to `n` jobs for `worker`: queued ones that are due, and
    /// running ones whose worker stopped beating for `stale_secs`.
    pub fn claim(&mut self, worker: &str, n: usize, stale_secs: f64) -> Result<Vec<Job>> {
        let rows = self.client.query(
            "WITH q AS (SELECT id FROM jobs WHERE status = 'queued' AND run_after <= now()
                        ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED),
                  st AS (SELECT id FROM jobs WHERE status = 'running' AND heartbeat_at < now() - make_interval(secs => $3)
                         ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED)
             UPDATE jobs SET status = 'running', worker = $1, heartbeat_at = now(), attempts = attempts + 1
             WHERE id IN (SELECT id FROM (SELECT id FROM q UNION ALL SELECT id FROM st) x ORDER BY id LIMIT $2)
             RETURNING id, attempts, name, bytes, input_error, url, outlet, published, fetched, charset, kind",
            &[&worker, &(n as i64), &stale_secs],
        )?;
        let mut jobs: Vec<Job> = rows
            .iter()
            .map(|r| {
                let date = |i: usize| r.get::<_, Option<String>>(i).and_then(|d| d.parse().ok());
                Job {
                    id: r.get(0),
                    attempts: r.get(1),
                    name: r.get(2),
                    input_error: r.get(4),
                    input: veille_core::RawDocument {
                        bytes: r.get::<_, Option<Vec<u8>>>(3).unwrap_or_default(),
                        url: r.get(5),
                        outlet: r.get(6),
                        publication_date: date(7),
                        fallback_date: date(8),
                        charset: r.get(9),
                        kind: match r.get::<_, Option<String>>(10).as_deref() {
                            Some("html") => Some(veille_core::DocKind::Html),
                            Some("text") => Some(veille_core::DocKind::Text),
                            _ => None,
                        },
                    },
                }
            })
            .collect();
        jobs.sort_by_key(|j| j.id);
        Ok(jobs)
    }

    /// Tells the queue `worker` is alive and still on these jobs.
    pub fn heartbeat(&mut self, worker: &str, ids: &[i64]) -> Result<()> {
        self.client.execute(
            "UPDATE jobs SET heartbeat_at = now() WHERE worker = $1 AND status = 'running' AND id = ANY($2)",
            &[&worker, &ids],
        )?;
        Ok(())
    }

    /// Stores a job's article and marks the job done, in one transaction.
    /// `None` when the job is no longer this worker's (it was reclaimed):
    /// nothing is written.
    pub fn complete(
        &mut self,
        job: &Job,
        worker: &str,
        out: &ExtractOutput,
    ) -> Result<Option<IngestOutcome>> {
        retrying(|| self.complete_once(job, worker, out))
    }

    fn complete_once(
        &mut self,
        job: &Job,
        worker: &str,
        out: &ExtractOutput,
    ) -> Result<Option<IngestOutcome>> {
        let a = &out.article;
        let (c, countries) = (ArticleColumns::of(out)?, event_countries(out));
        let params = |replace: &'static bool| -> [&(dyn postgres::types::ToSql + Sync); 16] {
            [
                &job.id,
                &worker,
                &a.id,
                &a.url,
                &a.outlet,
                &a.title,
                &c.date,
                &a.language,
                &a.text,
                &job.name,
                &c.warnings,
                &countries,
                &c.canonical,
                replace,
                &c.authors,
                &c.metadata,
            ]
        };
        if out.events.is_empty() {
            // Most pages of a news stream: one statement, its own
            // transaction, without BEGIN and COMMIT round trips; unless the
            // page has older versions to take out (the statement then does
            // nothing and says so).
            let row = self
                .client
                .query_one(&self.sql.complete_and_insert, &params(&false))?;
            let (mine, inserted, older): (i64, i64, i64) = (row.get(0), row.get(1), row.get(3));
            if mine > 0 || older == 0 {
                return Ok((mine > 0).then(|| IngestOutcome {
                    new_article: inserted > 0,
                    ..Default::default()
                }));
            }
        }
        self.sql.known.begin();
        let mut tx = self.client.transaction()?;
        let row = tx.query_one(&self.sql.complete_and_insert, &params(&true))?;
        let (mine, inserted): (i64, i64) = (row.get(0), row.get(1));
        if mine == 0 {
            return Ok(None);
        }
        let outcome = if inserted == 0 {
            IngestOutcome::default()
        } else {
            // The merge locks are held (those of the older versions' events
            // too): each event's candidates are read by a later statement,
            // which sees every event committed before.
            let older = older_versions(&mut tx, &self.sql, out)?;
            replace_and_ingest(&mut tx, &mut self.sql, out, &older)?
        };
        tx.commit()?;
        self.sql.known.committed();
        Ok(Some(outcome))
    }

    /// Records a failed attempt: the job is queued again after a backoff
    /// (`backoff_secs` x 2^(attempts-1)), or failed for good after
    /// [`MAX_ATTEMPTS`] or when `permanent` (the input itself is bad). A
    /// job failed for good is also in `failures`.
    pub fn fail(
        &mut self,
        job: &Job,
        worker: &str,
        error: &str,
        permanent: bool,
        backoff_secs: f64,
    ) -> Result<bool> {
        let mut tx = self.client.transaction()?;
        let give_up = permanent || job.attempts >= MAX_ATTEMPTS;
        let n = tx.execute(
            "UPDATE jobs SET status = $3, last_error = $4, worker = NULL,
                 run_after = now() + make_interval(secs => $5 * power(2, GREATEST(attempts - 1, 0)))
             WHERE id = $1 AND worker = $2 AND status = 'running'",
            &[
                &job.id,
                &worker,
                &(if give_up { "failed" } else { "queued" }),
                &error,
                &backoff_secs,
            ],
        )?;
        if n > 0 && give_up {
            insert_failure(&mut tx, &job.name, error)?;
        }
        tx.commit()?;
        Ok(give_up)
    }

    pub fn queue_counts(&mut self) -> Result<QueueCounts> {
        let mut c = QueueCounts::default();
        for r in self
            .client
            .query("SELECT status, COUNT(*) FROM jobs GROUP BY status", &[])?
        {
            let n: i64 = r.get(1);
            match r.get::<_, &str>(0) {
                "queued" => c.queued = n,
                "running" => c.running = n,
                "done" => c.done = n,
                "failed" => c.failed = n,
                _ => {}
            }
        }
        Ok(c)
    }

    pub fn failed_jobs(&mut self) -> Result<Vec<FailedJob>> {
        Ok(self
            .client
            .query(
                "SELECT id, name, attempts, COALESCE(last_error, '') FROM jobs WHERE status = 'failed' ORDER BY id",
                &[],
            )?
            .iter()
            .map(|r| FailedJob {
                id: r.get(0),
                name: r.get(1),
                attempts: r.get(2),
                error: r.get(3),
            })
            .collect())
    }

    /// Queues failed jobs again (all when `ids` is empty), attempts reset.
    pub fn retry(&mut self, ids: &[i64]) -> Result<u64> {
        Ok(if ids.is_empty() {
            self.client.execute(
                "UPDATE jobs SET status = 'queued', attempts = 0, run_after = now(), worker = NULL WHERE status = 'failed'",
                &[],
            )?
        } else {
            self.client.execute(
                "UPDATE jobs SET status = 'queued', attempts = 0, run_after = now(), worker = NULL WHERE status = 'failed' AND id = ANY($1)",
                &[&ids],
            )?
        })
    }
}

/// A fresh schema (as [`PgStore::fresh_schema`] makes) dropped with this
/// value: what a test or a benchmark works in. It is kept when the thread
/// is panicking, so that a failed test's tables can be looked at.
pub struct ScratchSchema {
    base: String,
    name: String,
    /// A URL whose connections work in the schema.
    pub url: String,
}

impl ScratchSchema {
    pub fn new(base: &str, name: &str) -> Result<ScratchSchema> {
        Ok(ScratchSchema {
            url: PgStore::fresh_schema(base, name)?,
            base: base.to_string(),
            name: name.to_string(),
        })
    }
}

impl Drop for ScratchSchema {
    fn drop(&mut self) {
        if !std::thread::panicking() {
            if let Err(e) = PgStore::drop_schema(&self.base, &self.name) {
                eprintln!("schema {} left in place: {e}", self.name);
            }
        }
    }
}

/// Records a failure (the latest time only, when it is recorded again).
fn insert_failure(c: &mut impl postgres::GenericClient, source: &str, error: &str) -> Result<()> {
    c.execute(
        "INSERT INTO failures (source, error) VALUES ($1, $2)
         ON CONFLICT (source, error) DO UPDATE SET at = now()",
        &[&source, &error],
    )?;
    Ok(())
}

/// The ingest of one article inside a transaction.
fn ingest_tx(
    tx: &mut Transaction,
    sql: &mut Prepared,
    out: &ExtractOutput,
    source: &str,
) -> Result<IngestOutcome> {
    if insert_article(tx, sql, out, source)? == 0 {
        return Ok(IngestOutcome::default());
    }
    // The countries of the events of the page's older versions too.
    let older = older_versions(tx, sql, out)?;
    lock_countries(tx, sql, out, &older)?;
    replace_and_ingest(tx, sql, out, &older)
}

/// Takes the merge locks of the countries of `out`'s events and of the
/// events the stored `articles` are sources of: one country at a time,
/// sorted, so that two transactions never wait on each other.
fn lock_countries(
    tx: &mut Transaction,
    sql: &Prepared,
    out: &ExtractOutput,
    articles: &[String],
) -> Result<()> {
    let mut countries = event_countries(out);
    countries.extend(article_countries(tx, articles)?);
    countries.sort();
    countries.dedup();
    for c in &countries {
        tx.execute(&sql.merge_lock, &[c])?;
    }
    Ok(())
}

/// Inserts an article's row; 0 when it was already stored.
fn insert_article(
    tx: &mut Transaction,
    sql: &mut Prepared,
    out: &ExtractOutput,
    source: &str,
) -> Result<u64> {
    let (a, c) = (&out.article, ArticleColumns::of(out)?);
    Ok(tx.execute(
        &sql.insert_article,
        &[
            &a.id,
            &a.url,
            &a.outlet,
            &a.title,
            &c.date,
            &a.language,
            &a.text,
            &source,
            &c.warnings,
            &c.canonical,
            &c.authors,
            &c.metadata,
        ],
    )?)
}

/// The stored articles that are older versions of this output's page.
fn older_versions(
    tx: &mut Transaction,
    sql: &Prepared,
    out: &ExtractOutput,
) -> Result<Vec<String>> {
    let Some(url) = &out.article.url else {
        return Ok(vec![]);
    };
    Ok(tx
        .query(&sql.older_versions, &[&canonical_url(url), &out.article.id])?
        .iter()
        .map(|r| r.get(0))
        .collect())
}

/// The countries of the events articles are sources of ("" for none).
fn article_countries(tx: &mut Transaction, ids: &[String]) -> Result<Vec<String>> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    Ok(tx
        .query(
            "SELECT DISTINCT COALESCE(e.country_code, '') FROM event_sources s JOIN events e ON e.id = s.event_id
             WHERE s.article_id = ANY($1)",
            &[&ids],
        )?
        .iter()
        .map(|r| r.get(0))
        .collect())
}

/// With a new article's row written and the merge locks held: takes the
/// page's `older` versions out, then merges or inserts the new events (an
/// event of an incident an older version reported keeps its id).
fn replace_and_ingest(
    tx: &mut Transaction,
    sql: &mut Prepared,
    out: &ExtractOutput,
    older: &[String],
) -> Result<IngestOutcome> {
    let mut reuse = Vec::new();
    for id in older {
        reuse.extend(retract(tx, sql, id)?);
    }
    let mut outcome = ingest_events(tx, sql, out, &mut reuse)?;
    deleted(tx, &reuse)?;
    outcome.replaced = older.len();
    Ok(outcome)
}

/// Takes an article out of the store (as the SQLite store's `retract`):
/// an event with other sources is rebuilt from them; an event left without
/// sources is removed and returned.
fn retract(tx: &mut Transaction, sql: &mut Prepared, article_id: &str) -> Result<Vec<Event>> {
    let linked: Vec<String> = tx
        .query(
            "DELETE FROM event_sources WHERE article_id = $1 RETURNING event_id",
            &[&article_id],
        )?
        .iter()
        .map(|r| r.get(0))
        .collect();
    let mut gone = Vec::new();
    for id in linked {
        let versions = tx
            .query(
                "SELECT json FROM event_sources WHERE event_id = $1 ORDER BY seq",
                &[&id],
            )?
            .iter()
            .map(|r| serde_json::from_str::<Event>(r.get::<_, &str>(0)))
            .collect::<std::result::Result<Vec<_>, _>>()?;
        match versions.split_first() {
            None => {
                let row =
                    tx.query_opt("DELETE FROM events WHERE id = $1 RETURNING json", &[&id])?;
                if let Some(r) = row {
                    gone.push(serde_json::from_str(r.get::<_, &str>(0))?);
                }
            }
            Some((first, rest)) => {
                let mut rebuilt = first.clone();
                rebuilt.id = id.clone();
                for v in rest {
                    merge(&mut rebuilt, v);
                }
                let p = EventParams::of(tx, sql, &rebuilt)?;
                tx.execute(&sql.rewrite_event, &p.refs())?;
                tx.execute(
                    "INSERT INTO changes (event_id, kind) VALUES ($1, 'update')",
                    &[&id],
                )?;
            }
        }
    }
    tx.execute("DELETE FROM articles WHERE id = $1", &[&article_id])?;
    Ok(gone)
}

/// Records the deletion of retracted events no new report took over.
fn deleted(tx: &mut Transaction, gone: &[Event]) -> Result<()> {
    for e in gone {
        tx.execute(
            "INSERT INTO changes (event_id, kind) VALUES ($1, 'delete')",
            &[&e.id],
        )?;
    }
    Ok(())
}

/// The values of an event's row (`$1` to `$18` of the insert and rewrite
/// statements).
struct EventParams {
    id: String,
    event_type: &'static str,
    sub_event_type: &'static str,
    date: String,
    time_precision: i32,
    country_code: Option<String>,
    country: Option<String>,
    admin1: Option<String>,
    admin2: Option<String>,
    latitude: Option<f64>,
    longitude: Option<f64>,
    actors: String,
    fatalities: Option<i64>,
    search: String,
    json: String,
    place_id: Option<i64>,
    actor1: Option<String>,
    actor2: Option<String>,
}

impl EventParams {
    /// The values of `e`'s row, its place and actors added to their tables
    /// when new.
    fn of(tx: &mut Transaction, sql: &mut Prepared, e: &Event) -> Result<EventParams> {
        let l = e.location.as_ref();
        let place_id = match l {
            Some(l) => Some(place_id(tx, sql, l)?),
            None => None,
        };
        add_actors(tx, sql, e)?;
        Ok(EventParams {
            id: e.id.clone(),
            event_type: e.event_type.as_str(),
            sub_event_type: e.sub_event_type.as_str(),
            date: e.event_date.to_string(),
            time_precision: i32::from(e.time_precision),
            country_code: l.map(|l| l.country_code.clone()),
            country: l.map(|l| l.country.clone()),
            admin1: l.and_then(|l| l.admin1.clone()),
            admin2: l.and_then(|l| l.admin2.clone()),
            latitude: l.and_then(|l| l.latitude),
            longitude: l.and_then(|l| l.longitude),
            actors: crate::actor_names(e),
            fatalities: e.fatalities.map(|f| f as i64),
            search: search_text(e),
            json: serde_json::to_string(e)?,
            place_id,
            actor1: crate::actor_in(e, "actor1").map(str::to_string),
            actor2: crate::actor_in(e, "actor2").map(str::to_string),
        })
    }

    fn refs(&self) -> [&(dyn postgres::types::ToSql + Sync); 18] {
        [
            &self.id,
            &self.event_type,
            &self.sub_event_type,
            &self.date,
            &self.time_precision,
            &self.country_code,
            &self.country,
            &self.admin1,
            &self.admin2,
            &self.latitude,
            &self.longitude,
            &self.actors,
            &self.fatalities,
            &self.search,
            &self.json,
            &self.place_id,
            &self.actor1,
            &self.actor2,
        ]
    }
}

/// The id of a place in the places table, added when new.
fn place_id(tx: &mut Transaction, sql: &mut Prepared, l: &veille_core::Location) -> Result<i64> {
    let key: PlaceKey = (
        l.country_code.clone(),
        l.admin1.clone().unwrap_or_default(),
        l.admin2.clone().unwrap_or_default(),
        l.name.clone(),
    );
    let known = &sql.known;
    if let Some(id) = known.places.get(&key).or_else(|| {
        known
            .new_places
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, id)| id)
    }) {
        return Ok(*id);
    }
    let id: i64 = tx
        .query_one(
            &sql.add_place,
            &[
                &key.3,
                &key.0,
                &l.country,
                &key.1,
                &key.2,
                &l.latitude,
                &l.longitude,
                &i32::from(l.geo_precision),
                &l.geonames_id.map(|g| g as i64),
            ],
        )?
        .get(0);
    sql.known.new_places.push((key, id));
    Ok(id)
}

/// Adds an event's actors to the actors table when new.
fn add_actors(tx: &mut Transaction, sql: &mut Prepared, e: &Event) -> Result<()> {
    let known = &sql.known;
    let new: Vec<&veille_core::Actor> = e
        .actors
        .iter()
        .filter(|a| !known.actors.contains(&a.name) && !known.new_actors.contains(&a.name))
        .collect();
    if new.is_empty() {
        return Ok(());
    }
    let names: Vec<&str> = new.iter().map(|a| a.name.as_str()).collect();
    let inters: Vec<i32> = new.iter().map(|a| i32::from(a.inter)).collect();
    tx.execute(&sql.add_actors, &[&names, &inters])?;
    sql.known
        .new_actors
        .extend(names.into_iter().map(str::to_string));
    Ok(())
}

/// A schema name is written into SQL: letters, digits and "_" only.
fn check_schema_name(schema: &str) -> Result<()> {
    if schema
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '_')
    {
        Ok(())
    } else {
        Err(StoreError::Invalid(format!("bad schema name {schema:?}")))
    }
}

/// The countries of an output's events, sorted, once each ("" for none).
fn event_countries(out: &ExtractOutput) -> Vec<String> {
    let mut countries: Vec<String> = out
        .events
        .iter()
        .map(|e| {
            e.location
                .as_ref()
                .map(|l| l.country_code.clone())
                .unwrap_or_default()
        })
        .collect();
    countries.sort();
    countries.dedup();
    countries
}

/// Merges or inserts the events of a new article (its row written and the
/// merge locks of its countries held).
fn ingest_events(
    tx: &mut Transaction,
    sql: &mut Prepared,
    out: &ExtractOutput,
    reuse: &mut Vec<Event>,
) -> Result<IngestOutcome> {
    let a = &out.article;
    let mut outcome = IngestOutcome {
        new_article: true,
        ..Default::default()
    };
    for e in &out.events {
        let c = Candidates::of(e);
        let rows = tx.query(
            if c.country.is_some() {
                &sql.candidates
            } else {
                &sql.candidates_no_country
            },
            &[
                &c.country, &c.from, &c.to, &c.lat0, &c.lat1, &c.lon0, &c.lon1, &c.admin1,
            ],
        )?;
        let mut matched = None;
        for r in rows {
            let candidate: Event = serde_json::from_str(r.get::<_, &str>(0))?;
            if let Some(why) = veille_dedup::same_incident(&candidate, e) {
                matched = Some((candidate, why));
                break;
            }
        }
        match matched {
            Some((mut stored, why)) => {
                merge(&mut stored, e);
                tx.execute(
                    &sql.merge_event,
                    &[
                        &stored.id,
                        &stored.fatalities.map(|f| f as i64),
                        &serde_json::to_string(&stored)?,
                        &a.id,
                        &serde_json::to_string(e)?,
                        &format!("merged: {why}"),
                    ],
                )?;
                outcome.events_merged += 1;
            }
            None => {
                // The same incident as an event this article replaces: its id.
                let old = reuse
                    .iter()
                    .position(|r| veille_dedup::same_incident(r, e).is_some());
                let (p, kind) = match old {
                    Some(k) => {
                        let mut kept = e.clone();
                        kept.id = reuse.remove(k).id;
                        (EventParams::of(tx, sql, &kept)?, "update")
                    }
                    None => (EventParams::of(tx, sql, e)?, "insert"),
                };
                let mut params = p.refs().to_vec();
                params.push(&a.id);
                params.push(&kind);
                tx.execute(&sql.insert_event, &params)?;
                outcome.events_new += 1;
            }
        }
    }
    Ok(outcome)
}
