//! The PostgreSQL store, for many workers on many machines: the same
//! articles, events, sources, failures and changes as the SQLite store, plus
//! the job queue workers share (`SELECT … FOR UPDATE SKIP LOCKED`).
//!
//! Merging is serialised per country with a transaction-scoped advisory
//! lock, so that two workers coding two reports of one incident at once
//! still make one event. An article and its job's completion commit
//! together: a worker killed mid-job leaves the job to be claimed again
//! (after its heartbeat goes stale) and nothing half-written.

use crate::{
    merge, search_text, ArticleEvidence, Candidates, EventFilter, IngestOutcome, Result, SourceRef,
    StoreError, StoredEvent, Summary,
};
use postgres::{Client, NoTls, Statement, Transaction};
use serde::Serialize;
use veille_core::{Event, ExtractOutput};

/// Schema migrations, applied in order; `veille_schema` counts them.
const MIGRATIONS: &[&str] = &[r#"
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
"#];

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
    /// Returns (the job was still this worker's, the article is new).
    complete_and_insert: Statement,
}

impl Prepared {
    fn new(c: &mut Client) -> Result<Prepared> {
        Ok(Prepared {
            insert_article: c.prepare(
                "INSERT INTO articles (id, url, outlet, title, publication_date, language, text, source, warnings)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (id) DO NOTHING",
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
            // statement, when the event row is there.
            insert_event: c.prepare(
                "WITH e AS (
                     INSERT INTO events (id, event_type, sub_event_type, event_date, time_precision, country_code, country,
                         admin1, admin2, latitude, longitude, actors, fatalities, search, json)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
                     ON CONFLICT (id) DO NOTHING RETURNING id),
                      s AS (INSERT INTO event_sources (event_id, article_id, json, reason)
                            VALUES ($1, $16, $15, 'new event') ON CONFLICT DO NOTHING)
                 INSERT INTO changes (event_id, kind) SELECT id, 'insert' FROM e",
            )?,
            complete_and_insert: c.prepare(
                "WITH j AS (UPDATE jobs SET status = 'done', done_at = now(), article_id = $3, bytes = NULL
                            WHERE id = $1 AND worker = $2 AND status = 'running' RETURNING id),
                      a AS (INSERT INTO articles (id, url, outlet, title, publication_date, language, text, source, warnings)
                            SELECT $3, $4, $5, $6, $7, $8, $9, $10, $11 WHERE EXISTS (SELECT 1 FROM j)
                            ON CONFLICT (id) DO NOTHING RETURNING id),
                      l AS (SELECT pg_advisory_xact_lock(hashtext('veille-merge:' || c))
                            FROM (SELECT DISTINCT c FROM unnest($12::text[]) c ORDER BY c) s
                            WHERE EXISTS (SELECT 1 FROM a))
                 SELECT (SELECT count(*) FROM j), (SELECT count(*) FROM a), (SELECT count(*) FROM l)",
            )?,
        })
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
        tx.commit()?;
        // A commit need not wait for its WAL flush: a crash can lose the
        // last few commits, but an article and its job's completion are
        // one transaction, so a lost completion means the job runs again.
        client.batch_execute("SET synchronous_commit = off")?;
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

    /// Drops a schema made by [`PgStore::fresh_schema`].
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
        let mut tx = self.client.transaction()?;
        let outcome = ingest_tx(&mut tx, &self.sql, out, source)?;
        tx.commit()?;
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
            "UPDATE jobs SET status = 'running', worker = $1, heartbeat_at = now(), attempts = attempts + 1
             WHERE id IN (
                 SELECT id FROM jobs
                 WHERE (status = 'queued' AND run_after <= now())
                    OR (status = 'running' AND heartbeat_at < now() - make_interval(secs => $3))
                 ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED)
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
        let a = &out.article;
        let (date, warnings, countries) = (
            a.publication_date.map(|d| d.to_string()),
            serde_json::to_string(&out.warnings)?,
            event_countries(out),
        );
        let params: [&(dyn postgres::types::ToSql + Sync); 12] = [
            &job.id,
            &worker,
            &a.id,
            &a.url,
            &a.outlet,
            &a.title,
            &date,
            &a.language,
            &a.text,
            &job.name,
            &warnings,
            &countries,
        ];
        if out.events.is_empty() {
            // Most pages of a news stream: one statement, its own
            // transaction, without BEGIN and COMMIT round trips.
            let row = self
                .client
                .query_one(&self.sql.complete_and_insert, &params)?;
            let (mine, inserted): (i64, i64) = (row.get(0), row.get(1));
            return Ok((mine > 0).then(|| IngestOutcome {
                new_article: inserted > 0,
                ..Default::default()
            }));
        }
        let mut tx = self.client.transaction()?;
        let row = tx.query_one(&self.sql.complete_and_insert, &params)?;
        let (mine, inserted): (i64, i64) = (row.get(0), row.get(1));
        if mine == 0 {
            return Ok(None);
        }
        let outcome = if inserted == 0 {
            IngestOutcome::default()
        } else {
            // The merge locks are held: each event's candidates are read by
            // a later statement, which sees every event committed before.
            ingest_events(&mut tx, &self.sql, out)?
        };
        tx.commit()?;
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
    sql: &Prepared,
    out: &ExtractOutput,
    source: &str,
) -> Result<IngestOutcome> {
    let a = &out.article;
    let inserted = tx.execute(
        &sql.insert_article,
        &[
            &a.id,
            &a.url,
            &a.outlet,
            &a.title,
            &a.publication_date.map(|d| d.to_string()),
            &a.language,
            &a.text,
            &source,
            &serde_json::to_string(&out.warnings)?,
        ],
    )?;
    if inserted == 0 {
        return Ok(IngestOutcome::default());
    }
    // Merges in one country one at a time (sorted: no deadlock).
    for c in &event_countries(out) {
        tx.execute(&sql.merge_lock, &[c])?;
    }
    ingest_events(tx, sql, out)
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
    sql: &Prepared,
    out: &ExtractOutput,
) -> Result<IngestOutcome> {
    let a = &out.article;
    let mut outcome = IngestOutcome {
        new_article: true,
        ..Default::default()
    };
    for e in &out.events {
        let json = serde_json::to_string(e)?;
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
                        &json,
                        &format!("merged: {why}"),
                    ],
                )?;
                outcome.events_merged += 1;
            }
            None => {
                let l = e.location.as_ref();
                tx.execute(
                    &sql.insert_event,
                    &[
                        &e.id,
                        &e.event_type.as_str(),
                        &e.sub_event_type.as_str(),
                        &e.event_date.to_string(),
                        &i32::from(e.time_precision),
                        &l.map(|l| l.country_code.clone()),
                        &l.map(|l| l.country.clone()),
                        &l.and_then(|l| l.admin1.clone()),
                        &l.and_then(|l| l.admin2.clone()),
                        &l.and_then(|l| l.latitude),
                        &l.and_then(|l| l.longitude),
                        &crate::actor_names(e),
                        &e.fatalities.map(|f| f as i64),
                        &search_text(e),
                        &json,
                        &a.id,
                    ],
                )?;
                outcome.events_new += 1;
            }
        }
    }
    Ok(outcome)
}
