//! A worker's batch of jobs stored in one transaction of four statements,
//! whatever the batch's size: marking the jobs done with their articles and
//! taking the merge locks; reading every event's merge candidates; writing
//! the new and merged events, their sources and changes; and the commit.
//! Stored one job at a time, each article costs about five round trips and
//! as many statement executions on the server, which in a run of short
//! articles was about half of all the CPU time of workers and server.
//!
//! The result is the one job-by-job storing would give, in the order of the
//! batch: an event of the batch is a merge candidate of the later ones, as
//! it would be once stored. What this path does not handle (a page with an
//! older version to replace, one page twice in the batch, a lost race) is
//! left to [`PgStore::complete`], job by job.

use super::{event_countries, EventParams, Job, PgStore, Prepared};
use crate::{canonical_url, merge, ArticleColumns, Candidates, IngestOutcome, Result};
use std::collections::HashMap;
use veille_core::{Event, ExtractOutput};

/// The batch's first statement: marks the jobs still this worker's done,
/// inserts their articles (already stored ones are skipped) and takes the
/// merge locks of all the batch's event countries, sorted. Does nothing
/// when a page of the batch has an older version stored (`$15` counts
/// them). Returns the ids of the jobs marked done and of the articles new.
const COMPLETE: &str = "
WITH i AS (SELECT * FROM unnest($1::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                                $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[])
               AS t(job, id, url, outlet, title, published, language, text, source, warnings, canonical, authors, msources)),
     o AS (SELECT 1 FROM i JOIN articles a ON a.canonical_url = i.canonical AND a.id <> i.id),
     j AS (UPDATE jobs SET status = 'done', done_at = now(), article_id = i.id, bytes = NULL FROM i
           WHERE jobs.id = i.job AND jobs.worker = $2 AND jobs.status = 'running' AND NOT EXISTS (SELECT 1 FROM o)
           RETURNING jobs.id),
     a AS (INSERT INTO articles (id, url, outlet, title, publication_date, language, text, source, warnings,
               canonical_url, authors, metadata_sources)
           SELECT i.id, i.url, i.outlet, i.title, i.published, i.language, i.text, i.source, i.warnings,
                  i.canonical, i.authors, i.msources
           FROM i WHERE i.job IN (SELECT id FROM j)
           ON CONFLICT (id) DO NOTHING RETURNING id),
     l AS (SELECT pg_advisory_xact_lock(hashtext('veille-merge:' || c))
           FROM (SELECT DISTINCT c FROM unnest($15::text[]) c ORDER BY c) s
           WHERE EXISTS (SELECT 1 FROM a))
SELECT (SELECT count(*) FROM o), ARRAY(SELECT id FROM j), ARRAY(SELECT id FROM a), (SELECT count(*) FROM l)";

/// Every event's merge candidates in its country (`$1` numbers the events),
/// as the one-event `candidates` statement reads them, in date order.
const CANDIDATES: &str = "
SELECT t.k, e.json FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::float8[], $6::float8[],
                               $7::float8[], $8::float8[], $9::text[])
           AS t(k, country, d0, d1, lat0, lat1, lon0, lon1, admin1)
JOIN events e ON e.country_code = t.country AND e.event_date BETWEEN t.d0 AND t.d1
    AND ((e.latitude BETWEEN t.lat0 AND t.lat1 AND e.longitude BETWEEN t.lon0 AND t.lon1)
         OR e.admin1 IS NOT DISTINCT FROM t.admin1)
ORDER BY t.k, e.event_date";

/// The batch's writes: new events (`$1`-`$18`), merged stored events'
/// tolls and JSON (`$19`-`$21`), sources (`$22`-`$25`) and changes
/// (`$26`-`$27`), each list in the order job-by-job storing would write it.
const WRITE: &str = "
WITH e AS (INSERT INTO events (id, event_type, sub_event_type, event_date, time_precision, country_code, country,
               admin1, admin2, latitude, longitude, actors, fatalities, search, json, place_id, actor1, actor2)
           SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[], $7::text[],
                                $8::text[], $9::text[], $10::float8[], $11::float8[], $12::text[], $13::bigint[],
                                $14::text[], $15::text[], $16::bigint[], $17::text[], $18::text[])
           ON CONFLICT (id) DO NOTHING RETURNING id),
     u AS (UPDATE events SET fatalities = t.fatalities, json = t.json, updated_at = now()
           FROM unnest($19::text[], $20::bigint[], $21::text[]) AS t(id, fatalities, json) WHERE events.id = t.id),
     s AS (INSERT INTO event_sources (event_id, article_id, json, reason)
           SELECT event_id, article_id, json, reason
           FROM unnest($22::text[], $23::text[], $24::text[], $25::text[]) WITH ORDINALITY
               AS t(event_id, article_id, json, reason, n)
           ORDER BY n ON CONFLICT DO NOTHING)
INSERT INTO changes (event_id, kind)
    SELECT c.id, c.kind FROM unnest($26::text[], $27::text[]) WITH ORDINALITY AS c(id, kind, n)
    WHERE c.kind <> 'insert' OR c.id IN (SELECT id FROM e)
    ORDER BY c.n";

/// The events the batch wrote or will write, in their latest state.
#[derive(Default)]
struct Touched {
    events: Vec<Event>,
    /// Inserted by this batch (else a stored event, read as a candidate).
    new: Vec<bool>,
    /// A later report of the batch was merged into it.
    merged: Vec<bool>,
    at: HashMap<String, usize>,
}

impl Touched {
    fn add(&mut self, e: Event, new: bool) -> usize {
        let k = self.events.len();
        self.at.insert(e.id.clone(), k);
        self.events.push(e);
        self.new.push(new);
        self.merged.push(false);
        k
    }
}

/// Rows of the event sources and changes, in writing order.
#[derive(Default)]
struct Log {
    source_event: Vec<String>,
    source_article: Vec<String>,
    source_json: Vec<String>,
    source_reason: Vec<String>,
    change_event: Vec<String>,
    change_kind: Vec<&'static str>,
}

impl Log {
    fn source(&mut self, event: &str, article: &str, json: String, reason: String) {
        self.source_event.push(event.to_string());
        self.source_article.push(article.to_string());
        self.source_json.push(json);
        self.source_reason.push(reason);
    }

    fn change(&mut self, event: &str, kind: &'static str) {
        self.change_event.push(event.to_string());
        self.change_kind.push(kind);
    }
}

impl Candidates {
    /// Whether the candidates statement would read `e` (an event of this
    /// batch, not yet stored).
    fn admits(&self, e: &Event) -> bool {
        let l = e.location.as_ref();
        let date = e.event_date.to_string();
        let (lat, lon) = (
            l.and_then(|l| l.latitude).unwrap_or(f64::NAN),
            l.and_then(|l| l.longitude).unwrap_or(f64::NAN),
        );
        self.country == l.map(|l| l.country_code.clone())
            && self.from <= date
            && date <= self.to
            && ((self.lat0 <= lat && lat <= self.lat1 && self.lon0 <= lon && lon <= self.lon1)
                || self.admin1 == l.and_then(|l| l.admin1.clone()))
    }
}

/// What storing a batch did.
#[derive(Debug)]
pub struct BatchOutcome {
    /// One result per job, in order: `None` when the job is no longer this
    /// worker's (nothing was written for it).
    pub jobs: Vec<Result<Option<IngestOutcome>>>,
    /// Why the batch was stored job by job, when it was.
    pub one_by_one: Option<String>,
}

impl PgStore {
    /// Stores the outputs of a batch of this worker's jobs and marks the
    /// jobs done, as [`PgStore::complete`] does for each, in order, but in
    /// one transaction of a few statements. A batch this path cannot take,
    /// or whose transaction fails, is stored job by job, so that a bad
    /// article fails alone.
    pub fn complete_batch(
        &mut self,
        worker: &str,
        done: &[(&Job, &ExtractOutput)],
    ) -> BatchOutcome {
        let why = if done.len() < 2 {
            "a single job".to_string()
        } else if !one_version_each(done) {
            "one page twice in the batch".to_string()
        } else {
            match self.complete_batch_once(worker, done) {
                Ok(Some(outcomes)) => {
                    return BatchOutcome {
                        jobs: outcomes.into_iter().map(Ok).collect(),
                        one_by_one: None,
                    }
                }
                Ok(None) => "a page with an older version to replace".to_string(),
                Err(e) => e.to_string(),
            }
        };
        BatchOutcome {
            jobs: done
                .iter()
                .map(|(job, out)| self.complete(job, worker, out))
                .collect(),
            one_by_one: Some(why),
        }
    }

    /// `None` when a page of the batch has an older version (nothing is
    /// written).
    fn complete_batch_once(
        &mut self,
        worker: &str,
        done: &[(&Job, &ExtractOutput)],
    ) -> Result<Option<Vec<Option<IngestOutcome>>>> {
        let arts: Vec<_> = done.iter().map(|(_, o)| &o.article).collect();
        let text = |f: &dyn Fn(&veille_core::Article) -> Option<String>| -> Vec<Option<String>> {
            arts.iter().map(|a| f(a)).collect()
        };
        let jobs: Vec<i64> = done.iter().map(|(j, _)| j.id).collect();
        let ids = text(&|a| Some(a.id.clone()));
        let urls = text(&|a| a.url.clone());
        let outlets = text(&|a| a.outlet.clone());
        let titles = text(&|a| a.title.clone());
        let languages = text(&|a| Some(a.language.clone()));
        let texts = text(&|a| Some(a.text.clone()));
        let sources: Vec<&str> = done.iter().map(|(j, _)| j.name.as_str()).collect();
        let (mut dates, mut canonical, mut warnings, mut authors, mut metadata) =
            (vec![], vec![], vec![], vec![], vec![]);
        let mut countries = Vec::new();
        for (_, out) in done {
            let c = ArticleColumns::of(out)?;
            dates.push(c.date);
            canonical.push(c.canonical);
            warnings.push(c.warnings);
            authors.push(c.authors);
            metadata.push(c.metadata);
            countries.extend(event_countries(out));
        }
        self.sql.known.begin();
        let mut tx = self.client.transaction()?;
        let row = tx.query_one(
            COMPLETE,
            &[
                &jobs, &worker, &ids, &urls, &outlets, &titles, &dates, &languages, &texts,
                &sources, &warnings, &canonical, &authors, &metadata, &countries,
            ],
        )?;
        let (older, mine, new): (i64, Vec<i64>, Vec<String>) = (row.get(0), row.get(1), row.get(2));
        if older > 0 {
            return Ok(None);
        }
        // The events of the new articles, numbered in batch order.
        let events: Vec<(&str, &Event)> = done
            .iter()
            .filter(|(_, o)| new.contains(&o.article.id))
            .flat_map(|(_, o)| o.events.iter().map(|e| (o.article.id.as_str(), e)))
            .collect();
        let windows: Vec<Candidates> = events.iter().map(|(_, e)| Candidates::of(e)).collect();
        let stored = stored_candidates(&mut tx, &self.sql, &windows)?;
        let (touched, log, counts) = merge_in_order(&events, &windows, &stored)?;
        if !log.change_event.is_empty() {
            write(&mut tx, &mut self.sql, &touched, &log)?;
        }
        tx.commit()?;
        self.sql.known.committed();
        Ok(Some(
            done.iter()
                .map(|(job, out)| {
                    mine.contains(&job.id).then(|| {
                        let id = out.article.id.as_str();
                        let (events_new, events_merged) =
                            counts.get(id).copied().unwrap_or_default();
                        IngestOutcome {
                            new_article: new.iter().any(|n| n == id),
                            events_new,
                            events_merged,
                            replaced: 0,
                        }
                    })
                })
                .collect(),
        ))
    }
}

/// Each event of the batch's new articles, in batch order, merged into the
/// first candidate (stored or earlier in the batch) of the same incident,
/// or added: as storing them one at a time would.
fn merge_in_order<'a>(
    events: &[(&'a str, &Event)],
    windows: &[Candidates],
    stored: &HashMap<usize, Vec<String>>,
) -> Result<Merged<'a>> {
    let mut touched = Touched::default();
    let mut log = Log::default();
    let mut counts: HashMap<&str, (usize, usize)> = HashMap::new();
    for (k, ((article, e), window)) in events.iter().zip(windows).enumerate() {
        // In date order, as the statement reads them once the batch's
        // earlier events are stored; those merged into are read in
        // their merged state.
        let mut candidates: Vec<(String, usize)> = Vec::new();
        for json in stored.get(&k).into_iter().flatten() {
            let c: Event = serde_json::from_str(json)?;
            let at = match touched.at.get(&c.id) {
                Some(&t) => t,
                None => touched.add(c, false),
            };
            candidates.push((touched.events[at].event_date.to_string(), at));
        }
        for (t, ev) in touched.events.iter().enumerate() {
            if touched.new[t] && window.admits(ev) {
                candidates.push((ev.event_date.to_string(), t));
            }
        }
        candidates.sort_by(|a, b| a.0.cmp(&b.0));
        let matched = candidates.iter().find_map(|&(_, t)| {
            veille_dedup::same_incident(&touched.events[t], e).map(|why| (t, why))
        });
        let count = counts.entry(article).or_default();
        match matched {
            Some((t, why)) => {
                merge(&mut touched.events[t], e);
                touched.merged[t] = true;
                let id = touched.events[t].id.clone();
                log.source(
                    &id,
                    article,
                    serde_json::to_string(e)?,
                    format!("merged: {why}"),
                );
                log.change(&id, "merge");
                count.1 += 1;
            }
            None => {
                let json = serde_json::to_string(e)?;
                log.source(&e.id, article, json, "new event".into());
                log.change(&e.id, "insert");
                touched.add((*e).clone(), true);
                count.0 += 1;
            }
        }
    }
    Ok((touched, log, counts))
}

/// What [`merge_in_order`] makes of a batch: the events touched, the rows
/// to write, and per article its new and merged events.
type Merged<'a> = (Touched, Log, HashMap<&'a str, (usize, usize)>);

/// No two jobs of the batch store one page (by text or by address): the
/// batch statement could not tell which one stored it.
fn one_version_each(done: &[(&Job, &ExtractOutput)]) -> bool {
    let mut seen = std::collections::HashSet::new();
    done.iter().all(|(_, o)| {
        seen.insert(o.article.id.clone())
            && o.article
                .url
                .as_deref()
                .is_none_or(|u| seen.insert(format!("url {}", canonical_url(u))))
    })
}

/// The stored events each window (by number) reads, in date order.
fn stored_candidates(
    tx: &mut postgres::Transaction,
    sql: &Prepared,
    windows: &[Candidates],
) -> Result<HashMap<usize, Vec<String>>> {
    let mut found: HashMap<usize, Vec<String>> = HashMap::new();
    let in_country: Vec<(i32, &Candidates)> = windows
        .iter()
        .enumerate()
        .filter(|(_, w)| w.country.is_some())
        .map(|(k, w)| (k as i32, w))
        .collect();
    if !in_country.is_empty() {
        let col = |f: &dyn Fn(&Candidates) -> Option<String>| -> Vec<Option<String>> {
            in_country.iter().map(|(_, w)| f(w)).collect()
        };
        let num = |f: &dyn Fn(&Candidates) -> f64| -> Vec<f64> {
            in_country.iter().map(|(_, w)| f(w)).collect()
        };
        let ks: Vec<i32> = in_country.iter().map(|(k, _)| *k).collect();
        let rows = tx.query(
            CANDIDATES,
            &[
                &ks,
                &col(&|w| w.country.clone()),
                &col(&|w| Some(w.from.clone())),
                &col(&|w| Some(w.to.clone())),
                &num(&|w| w.lat0),
                &num(&|w| w.lat1),
                &num(&|w| w.lon0),
                &num(&|w| w.lon1),
                &col(&|w| w.admin1.clone()),
            ],
        )?;
        for r in rows {
            let k: i32 = r.get(0);
            found.entry(k as usize).or_default().push(r.get(1));
        }
    }
    // Events without a country: rare, one statement each.
    for (k, w) in windows
        .iter()
        .enumerate()
        .filter(|(_, w)| w.country.is_none())
    {
        let rows = tx.query(
            &sql.candidates_no_country,
            &[
                &w.country, &w.from, &w.to, &w.lat0, &w.lat1, &w.lon0, &w.lon1, &w.admin1,
            ],
        )?;
        found
            .entry(k)
            .or_default()
            .extend(rows.iter().map(|r| r.get::<_, String>(0)));
    }
    Ok(found)
}

/// Writes the batch's new and merged events, sources and changes.
fn write(
    tx: &mut postgres::Transaction,
    sql: &mut Prepared,
    touched: &Touched,
    log: &Log,
) -> Result<()> {
    let mut rows = Vec::new();
    let (mut merged_id, mut merged_fatalities, mut merged_json) = (vec![], vec![], vec![]);
    for (k, e) in touched.events.iter().enumerate() {
        if touched.new[k] {
            rows.push(EventParams::of(tx, sql, e)?);
        } else if touched.merged[k] {
            merged_id.push(e.id.clone());
            merged_fatalities.push(e.fatalities.map(|f| f as i64));
            merged_json.push(serde_json::to_string(e)?);
        }
    }
    macro_rules! col {
        ($f:ident) => {
            rows.iter().map(|p| p.$f.clone()).collect::<Vec<_>>()
        };
    }
    let (id, event_type, sub_event_type, date) =
        (col!(id), col!(event_type), col!(sub_event_type), col!(date));
    let (time_precision, country_code, country, admin1, admin2) = (
        col!(time_precision),
        col!(country_code),
        col!(country),
        col!(admin1),
        col!(admin2),
    );
    let (latitude, longitude, actors, fatalities, search, json) = (
        col!(latitude),
        col!(longitude),
        col!(actors),
        col!(fatalities),
        col!(search),
        col!(json),
    );
    let (place_id, actor1, actor2) = (col!(place_id), col!(actor1), col!(actor2));
    tx.execute(
        WRITE,
        &[
            &id,
            &event_type,
            &sub_event_type,
            &date,
            &time_precision,
            &country_code,
            &country,
            &admin1,
            &admin2,
            &latitude,
            &longitude,
            &actors,
            &fatalities,
            &search,
            &json,
            &place_id,
            &actor1,
            &actor2,
            &merged_id,
            &merged_fatalities,
            &merged_json,
            &log.source_event,
            &log.source_article,
            &log.source_json,
            &log.source_reason,
            &log.change_event,
            &log.change_kind,
        ],
    )?;
    Ok(())
}
