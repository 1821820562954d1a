//! Read-side queries for the API and exports: filtered pages of events with
//! keyset cursors, time series, map clusters, alerts, the changes feed and
//! articles. Every value reaches SQL as a bound parameter.

use crate::{EventFilter, Result, Store, StoreError, StoredEvent};
use chrono::{Duration, NaiveDate};
use rusqlite::types::ToSql;
use rusqlite::{params, params_from_iter, OptionalExtension};
use serde::Serialize;
use std::collections::BTreeMap;
use std::str::FromStr;

/// An event's stored JSON and its id.
type JsonAndId = (String, String);

/// Orders of event pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortOrder {
    #[default]
    DateDesc,
    DateAsc,
    FatalitiesDesc,
}

impl FromStr for SortOrder {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Self, String> {
        match s {
            "date_desc" | "-date" => Ok(SortOrder::DateDesc),
            "date_asc" | "date" => Ok(SortOrder::DateAsc),
            "fatalities_desc" | "-fatalities" => Ok(SortOrder::FatalitiesDesc),
            other => Err(format!(
                "unknown sort {other:?} (date_desc, date_asc or fatalities_desc)"
            )),
        }
    }
}

/// One page of events and the cursor of the next.
#[derive(Debug, Clone, Serialize)]
pub struct Page {
    pub events: Vec<StoredEvent>,
    /// Pass back as `cursor` for the next page; `None` on the last.
    pub next_cursor: Option<String>,
}

/// Counts per period for one key (an event type or an admin1).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Series {
    pub key: String,
    pub points: Vec<Point>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Point {
    /// First day of the period.
    pub period: String,
    pub count: u64,
    pub fatalities: u64,
}

/// Events grouped in one map cell.
#[derive(Debug, Clone, Serialize)]
pub struct Cluster {
    pub lat: f64,
    pub lon: f64,
    pub count: u64,
    pub fatalities: u64,
    /// The event's id when the cell holds one event.
    pub event_id: Option<String>,
}

/// A rise in violence somewhere.
#[derive(Debug, Clone, Serialize)]
pub struct Alert {
    pub country: String,
    pub admin1: String,
    /// `None` for an alert on the whole admin1.
    pub admin2: Option<String>,
    pub event_type: String,
    /// Events in the last 7 days (up to `as_of`).
    pub last7: u64,
    /// Events in the 90 days before them.
    pub baseline90: u64,
    /// Events expected in 7 days at the baseline rate.
    pub expected: f64,
    /// Chance of at least `last7` events at the baseline rate (Poisson).
    pub p_value: f64,
    /// "high" (p < 0.001) or "elevated" (p < 0.01).
    pub level: String,
}

/// Alerts and the rule that raised them.
#[derive(Debug, Clone, Serialize)]
pub struct Alerts {
    pub as_of: Option<NaiveDate>,
    pub rule: String,
    pub alerts: Vec<Alert>,
}

/// An actor of the stored events, with how many events name it as actor1
/// or actor2.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ActorCount {
    pub name: String,
    /// ACLED inter code, as first coded.
    pub inter: u8,
    pub events: u64,
    pub fatalities: u64,
}

/// A place of the stored events, with how many events happened there.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PlaceCount {
    pub name: String,
    pub country_code: String,
    pub country: String,
    pub admin1: Option<String>,
    pub admin2: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub geo_precision: u8,
    pub events: u64,
    pub fatalities: u64,
}

/// The actors listing: most events (as actor1 or actor2) first.
pub(crate) const ACTORS_SQL: &str = "SELECT a.name, a.inter, COUNT(*), CAST(COALESCE(SUM(x.fatalities), 0) AS BIGINT)
    FROM actors a JOIN (
        SELECT actor1 AS actor, fatalities FROM events WHERE actor1 IS NOT NULL
        UNION ALL SELECT actor2, fatalities FROM events WHERE actor2 IS NOT NULL AND (actor1 IS NULL OR actor2 <> actor1)
    ) x ON x.actor = a.name
    GROUP BY a.name, a.inter ORDER BY 3 DESC, 1 LIMIT ";

/// The places listing: most events first.
pub(crate) const PLACES_SQL: &str = "SELECT p.name, p.country_code, p.country, p.admin1, p.admin2, p.latitude, p.longitude,
        p.geo_precision, COUNT(*), CAST(COALESCE(SUM(e.fatalities), 0) AS BIGINT)
    FROM places p JOIN events e ON e.place_id = p.id
    GROUP BY p.id, p.name, p.country_code, p.country, p.admin1, p.admin2, p.latitude, p.longitude, p.geo_precision
    ORDER BY 9 DESC, 1, p.id LIMIT ";

/// An empty admin unit is stored as "" (for the places key): `None`.
pub(crate) fn unit(s: String) -> Option<String> {
    (!s.is_empty()).then_some(s)
}

/// One entry of the changes feed.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Change {
    pub cursor: i64,
    pub event_id: String,
    /// insert or merge.
    pub kind: String,
    pub at: String,
}

/// A stored article.
#[derive(Debug, Clone, Serialize)]
pub struct StoredArticle {
    pub id: String,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub publication_date: Option<String>,
    pub language: String,
    pub text: String,
    pub source: String,
    pub ingested_at: String,
    pub warnings: Vec<String>,
    /// The address this page's versions share ([`crate::canonical_url`]).
    pub canonical_url: Option<String>,
    /// "coded", or "failed" when its last re-coding failed (its events are
    /// then those of the coding before).
    pub status: String,
    /// Why the last re-coding failed.
    pub error: Option<String>,
    pub authors: Vec<String>,
    /// Where each metadata field came from (as in the extract output).
    pub metadata_sources: std::collections::BTreeMap<String, String>,
    /// Events this article is a source of.
    pub events: Vec<String>,
}

/// The alert rule, as stated to users.
pub const ALERT_RULE: &str = "per admin1 and per admin2 and event type: events in the 7 days up to as_of against the 90 days before; an alert when at least 3 events and the Poisson chance of that many at the baseline rate ((baseline + 0.5) x 7 / 90) is below 0.01 (high below 0.001)";

/// A filter's WHERE clause and its parameters.
fn where_clause(f: &EventFilter) -> (String, Vec<Box<dyn ToSql>>) {
    let mut w: Vec<&str> = vec!["1 = 1"];
    let mut p: Vec<Box<dyn ToSql>> = Vec::new();
    if let Some(c) = &f.country {
        w.push("(country = ? OR country_code = ?)");
        p.push(Box::new(c.clone()));
        p.push(Box::new(c.clone()));
    }
    let exact = [
        ("admin1 = ?", &f.admin1),
        ("admin2 = ?", &f.admin2),
        ("event_type = ?", &f.event_type),
        ("sub_event_type = ?", &f.sub_event_type),
    ];
    for (clause, v) in exact {
        if let Some(v) = v {
            w.push(clause);
            p.push(Box::new(v.clone()));
        }
    }
    if let Some(a) = &f.actor {
        w.push("actors LIKE ? ESCAPE '\\'");
        let escaped = a
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_");
        p.push(Box::new(format!("%{escaped}%")));
    }
    if let Some(d) = f.date_from {
        w.push("event_date >= ?");
        p.push(Box::new(d.to_string()));
    }
    if let Some(d) = f.date_to {
        w.push("event_date <= ?");
        p.push(Box::new(d.to_string()));
    }
    if let Some([x0, y0, x1, y1]) = f.bbox {
        w.push("longitude BETWEEN ? AND ? AND latitude BETWEEN ? AND ?");
        for v in [x0, x1, y0, y1] {
            p.push(Box::new(v));
        }
    }
    if let Some(n) = f.min_fatalities {
        w.push("fatalities >= ?");
        p.push(Box::new(n as i64));
    }
    if let Some(q) = f.q.as_deref().and_then(fts_query) {
        w.push("id IN (SELECT id FROM events_fts WHERE events_fts MATCH ?)");
        p.push(Box::new(q));
    }
    if let Some(c) = f.since {
        w.push("id IN (SELECT event_id FROM changes WHERE cursor > ?)");
        p.push(Box::new(c));
    }
    (w.join(" AND "), p)
}

/// Words of a search as an FTS5 query of quoted terms (all must occur), so
/// that no user input is read as FTS syntax.
fn fts_query(q: &str) -> Option<String> {
    let terms: Vec<String> = q
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(|t| format!("\"{t}\""))
        .collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

/// Poisson P(X >= k) for mean `lambda`.
pub fn poisson_tail(k: u64, lambda: f64) -> f64 {
    if k == 0 {
        return 1.0;
    }
    // 1 - P(X <= k - 1), the terms built up in floating point.
    let mut term = (-lambda).exp();
    let mut cdf = term;
    for i in 1..k {
        term *= lambda / i as f64;
        cdf += term;
    }
    (1.0 - cdf).max(0.0)
}

impl Store {
    /// A page of events: at most `f.limit` (all when `None`), after `cursor`.
    pub fn events_page(
        &self,
        f: &EventFilter,
        sort: SortOrder,
        cursor: Option<&str>,
    ) -> Result<Page> {
        let (rows, next_cursor) = self.page_rows(f, sort, cursor)?;
        let mut parsed = Vec::with_capacity(rows.len());
        for (json, _) in &rows {
            parsed.push(serde_json::from_str(json)?);
        }
        let events = self.stored_many(parsed)?;
        Ok(Page {
            events,
            next_cursor,
        })
    }

    /// The same page as [`Store::events_page`], as its JSON text, written
    /// without parsing the stored events: each event's stored JSON (the
    /// output contract) gets its `sources` and `outlets` spliced in before
    /// its closing brace. This is what the API serves; a test checks that it
    /// reads as the same JSON as the serialized [`Page`].
    pub fn events_page_json(
        &self,
        f: &EventFilter,
        sort: SortOrder,
        cursor: Option<&str>,
    ) -> Result<String> {
        let (rows, next_cursor) = self.page_rows(f, sort, cursor)?;
        let mut sources = self.sources_of(rows.iter().map(|(_, id)| id.as_str()))?;
        let mut out =
            String::with_capacity(rows.iter().map(|(j, _)| j.len() + 300).sum::<usize>() + 64);
        out.push_str("{\"events\":[");
        for (i, (json, id)) in rows.iter().enumerate() {
            let open = json
                .trim_end()
                .strip_suffix('}')
                .filter(|o| o.trim_start().starts_with('{') && o.trim() != "{")
                // (a stored row that is not an object is the store's fault,
                // not the request's: not `Invalid`, which is a 400)
                .ok_or_else(|| {
                    StoreError::Json(<serde_json::Error as serde::de::Error>::custom(format!(
                        "event {id}: stored JSON is not an object"
                    )))
                })?;
            let src = sources.remove(id).unwrap_or_default();
            if i > 0 {
                out.push(',');
            }
            out.push_str(open);
            out.push_str(",\"sources\":");
            out.push_str(&serde_json::to_string(&src)?);
            out.push_str(&format!(",\"outlets\":{}}}", crate::outlet_count(&src)));
        }
        out.push_str("],\"next_cursor\":");
        out.push_str(&serde_json::to_string(&next_cursor)?);
        out.push('}');
        Ok(out)
    }

    /// The stored JSON and id of a page's events, and the next cursor.
    fn page_rows(
        &self,
        f: &EventFilter,
        sort: SortOrder,
        cursor: Option<&str>,
    ) -> Result<(Vec<JsonAndId>, Option<String>)> {
        let (mut clause, mut p) = where_clause(f);
        let (order, key_expr) = match sort {
            SortOrder::DateDesc => ("event_date DESC, id DESC", "event_date"),
            SortOrder::DateAsc => ("event_date ASC, id ASC", "event_date"),
            SortOrder::FatalitiesDesc => (
                "COALESCE(fatalities, -1) DESC, id DESC",
                "COALESCE(fatalities, -1)",
            ),
        };
        if let Some(c) = cursor {
            let (key, id) = c
                .split_once('.')
                .ok_or_else(|| StoreError::Invalid(format!("bad cursor {c:?}")))?;
            let cmp = if sort == SortOrder::DateAsc { ">" } else { "<" };
            clause.push_str(&format!(
                " AND ({key_expr} {cmp} ? OR ({key_expr} = ? AND id {cmp} ?))"
            ));
            if sort == SortOrder::FatalitiesDesc {
                let k: i64 = key
                    .parse()
                    .map_err(|_| StoreError::Invalid(format!("bad cursor {c:?}")))?;
                p.push(Box::new(k));
                p.push(Box::new(k));
            } else {
                p.push(Box::new(key.to_string()));
                p.push(Box::new(key.to_string()));
            }
            p.push(Box::new(id.to_string()));
        }
        let limit = f.limit.map(|l| l as i64 + 1).unwrap_or(-1);
        p.push(Box::new(limit));
        let sql = format!(
            "SELECT json, event_date, COALESCE(fatalities, -1), id FROM events WHERE {clause} ORDER BY {order} LIMIT ?"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut rows: Vec<(String, String, i64, String)> = stmt
            .query_map(params_from_iter(p.iter()), |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })?
            .collect::<std::result::Result<_, _>>()?;
        let more = f.limit.is_some_and(|l| rows.len() > l);
        rows.truncate(f.limit.unwrap_or(rows.len()));
        let next_cursor = if more {
            rows.last().map(|(_, date, fat, id)| match sort {
                SortOrder::FatalitiesDesc => format!("{fat}.{id}"),
                _ => format!("{date}.{id}"),
            })
        } else {
            None
        };
        Ok((
            rows.into_iter()
                .map(|(json, _, _, id)| (json, id))
                .collect(),
            next_cursor,
        ))
    }

    /// Number of events matching a filter.
    pub fn count_events(&self, f: &EventFilter) -> Result<u64> {
        let (clause, p) = where_clause(f);
        let sql = format!("SELECT COUNT(*) FROM events WHERE {clause}");
        Ok(self
            .conn
            .prepare_cached(&sql)?
            .query_row(params_from_iter(p.iter()), |r| r.get::<_, i64>(0))? as u64)
    }

    /// Event counts and fatalities per period (`day`, `week` from Monday,
    /// `month`), per event type (`by` = "type"), admin1 ("admin1") or in all.
    pub fn timeseries(&self, f: &EventFilter, interval: &str, by: &str) -> Result<Vec<Series>> {
        let period = match interval {
            "day" => "event_date",
            "week" => "date(event_date, '-' || ((CAST(strftime('%w', event_date) AS INTEGER) + 6) % 7) || ' days')",
            "month" => "substr(event_date, 1, 7) || '-01'",
            other => {
                return Err(StoreError::Invalid(format!(
                    "interval {other:?}: expected day, week or month"
                )))
            }
        };
        let key = match by {
            "type" => "event_type",
            "admin1" => "COALESCE(admin1, '(unknown)')",
            "all" | "" => "'all'",
            other => {
                return Err(StoreError::Invalid(format!(
                    "by {other:?}: expected type, admin1 or all"
                )))
            }
        };
        let (clause, p) = where_clause(f);
        let sql = format!(
            "SELECT {key}, {period} AS period, COUNT(*), COALESCE(SUM(fatalities), 0) FROM events WHERE {clause}
             GROUP BY 1, 2 ORDER BY 1, 2"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params_from_iter(p.iter()), |r| {
            Ok((
                r.get::<_, String>(0)?,
                Point {
                    period: r.get(1)?,
                    count: r.get::<_, i64>(2)? as u64,
                    fatalities: r.get::<_, i64>(3)? as u64,
                },
            ))
        })?;
        let mut by_key: BTreeMap<String, Vec<Point>> = BTreeMap::new();
        for r in rows {
            let (k, point) = r?;
            by_key.entry(k).or_default().push(point);
        }
        Ok(by_key
            .into_iter()
            .map(|(key, points)| Series { key, points })
            .collect())
    }

    /// Events with coordinates grouped in cells of a grid fine enough for a
    /// map at `zoom` (about 64 screen pixels per cell).
    pub fn clusters(&self, f: &EventFilter, zoom: u8) -> Result<Vec<Cluster>> {
        let cell = 360.0 / f64::from(1u32 << zoom.min(20)) / 4.0;
        let (clause, mut p) = where_clause(f);
        let sql = format!(
            "SELECT AVG(latitude), AVG(longitude), COUNT(*), COALESCE(SUM(fatalities), 0), MIN(id)
             FROM events WHERE {clause} AND latitude IS NOT NULL AND longitude IS NOT NULL
             GROUP BY CAST((latitude + 90.0) / ? AS INTEGER), CAST((longitude + 180.0) / ? AS INTEGER)
             ORDER BY 3 DESC"
        );
        p.push(Box::new(cell));
        p.push(Box::new(cell));
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params_from_iter(p.iter()), |r| {
            let count = r.get::<_, i64>(2)? as u64;
            Ok(Cluster {
                lat: r.get(0)?,
                lon: r.get(1)?,
                count,
                fatalities: r.get::<_, i64>(3)? as u64,
                event_id: if count == 1 { r.get(4)? } else { None },
            })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// Alerts as of a date (default: the latest event date stored); see
    /// [`ALERT_RULE`].
    pub fn alerts(&self, as_of: Option<NaiveDate>) -> Result<Alerts> {
        let as_of = match as_of {
            Some(d) => Some(d),
            None => self
                .conn
                .query_row("SELECT MAX(event_date) FROM events", [], |r| {
                    r.get::<_, Option<String>>(0)
                })?
                .and_then(|d| d.parse().ok()),
        };
        let Some(day) = as_of else {
            return Ok(Alerts {
                as_of,
                rule: ALERT_RULE.into(),
                alerts: vec![],
            });
        };
        let recent_start = (day - Duration::days(7)).to_string();
        let base_start = (day - Duration::days(97)).to_string();
        let mut stmt = self.conn.prepare_cached(
            "SELECT COALESCE(country, ''), admin1, admin2, event_type,
                    SUM(event_date > ?1), SUM(event_date <= ?1)
             FROM events WHERE event_date > ?2 AND event_date <= ?3 AND admin1 IS NOT NULL
             GROUP BY 1, 2, 3, 4",
        )?;
        type Key = (String, String, Option<String>, String);
        let mut counts: BTreeMap<Key, (u64, u64)> = BTreeMap::new();
        let rows = stmt.query_map(params![recent_start, base_start, day.to_string()], |r| {
            Ok((
                (
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, Option<String>>(2)?,
                    r.get::<_, String>(3)?,
                ),
                (r.get::<_, i64>(4)? as u64, r.get::<_, i64>(5)? as u64),
            ))
        })?;
        for r in rows {
            let ((country, admin1, admin2, t), (recent, base)) = r?;
            // The admin1 total, and the admin2 unit when there is one.
            let whole = counts
                .entry((country.clone(), admin1.clone(), None, t.clone()))
                .or_default();
            whole.0 += recent;
            whole.1 += base;
            if admin2.is_some() {
                let unit = counts.entry((country, admin1, admin2, t)).or_default();
                unit.0 += recent;
                unit.1 += base;
            }
        }
        let mut alerts: Vec<Alert> = counts
            .into_iter()
            .filter_map(|((country, admin1, admin2, event_type), (last7, base))| {
                let expected = (base as f64 + 0.5) * 7.0 / 90.0;
                let p_value = poisson_tail(last7, expected);
                (last7 >= 3 && p_value < 0.01).then(|| Alert {
                    country,
                    admin1,
                    admin2,
                    event_type,
                    last7,
                    baseline90: base,
                    expected,
                    p_value,
                    level: if p_value < 0.001 { "high" } else { "elevated" }.into(),
                })
            })
            .collect();
        alerts.sort_by(|a, b| {
            a.p_value
                .total_cmp(&b.p_value)
                .then(b.last7.cmp(&a.last7))
                .then(a.admin2.is_some().cmp(&b.admin2.is_some()))
        });
        Ok(Alerts {
            as_of,
            rule: ALERT_RULE.into(),
            alerts,
        })
    }

    /// The actors of the stored events, most events first.
    pub fn actors(&self, limit: usize) -> Result<Vec<ActorCount>> {
        let mut stmt = self.conn.prepare(&format!("{ACTORS_SQL}{limit}"))?;
        let rows = stmt.query_map([], |r| {
            Ok(ActorCount {
                name: r.get(0)?,
                inter: r.get(1)?,
                events: r.get::<_, i64>(2)? as u64,
                fatalities: r.get::<_, i64>(3)? as u64,
            })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// The places of the stored events, most events first.
    pub fn places(&self, limit: usize) -> Result<Vec<PlaceCount>> {
        let mut stmt = self.conn.prepare(&format!("{PLACES_SQL}{limit}"))?;
        let rows = stmt.query_map([], |r| {
            Ok(PlaceCount {
                name: r.get(0)?,
                country_code: r.get(1)?,
                country: r.get(2)?,
                admin1: unit(r.get(3)?),
                admin2: unit(r.get(4)?),
                latitude: r.get(5)?,
                longitude: r.get(6)?,
                geo_precision: r.get(7)?,
                events: r.get::<_, i64>(8)? as u64,
                fatalities: r.get::<_, i64>(9)? as u64,
            })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// The changes feed after `since`, oldest first.
    pub fn changes(&self, since: i64, limit: usize) -> Result<Vec<Change>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT cursor, event_id, kind, at FROM changes WHERE cursor > ?1 ORDER BY cursor LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![since, limit as i64], |r| {
            Ok(Change {
                cursor: r.get(0)?,
                event_id: r.get(1)?,
                kind: r.get(2)?,
                at: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// One stored article with the events it is a source of.
    pub fn article(&self, id: &str) -> Result<Option<StoredArticle>> {
        let row = self
            .conn
            .query_row(
                "SELECT id, url, outlet, title, publication_date, language, text, source, ingested_at, warnings,
                        canonical_url, status, error, authors, metadata_sources
                 FROM articles WHERE id = ?1",
                [id],
                |r| {
                    Ok((
                        StoredArticle {
                            id: r.get(0)?,
                            url: r.get(1)?,
                            outlet: r.get(2)?,
                            title: r.get(3)?,
                            publication_date: r.get(4)?,
                            language: r.get(5)?,
                            text: r.get(6)?,
                            source: r.get(7)?,
                            ingested_at: r.get(8)?,
                            warnings: vec![],
                            canonical_url: r.get(10)?,
                            status: r.get(11)?,
                            error: r.get(12)?,
                            authors: vec![],
                            metadata_sources: Default::default(),
                            events: vec![],
                        },
                        [r.get::<_, String>(9)?, r.get(13)?, r.get(14)?],
                    ))
                },
            )
            .optional()?;
        let Some((mut a, [warnings, authors, sources])) = row else {
            return Ok(None);
        };
        a.warnings = serde_json::from_str(&warnings)?;
        a.authors = serde_json::from_str(&authors)?;
        a.metadata_sources = serde_json::from_str(&sources)?;
        a.events = self.article_events(id)?;
        Ok(Some(a))
    }

    /// A value that changes whenever anything readable changes (an event
    /// inserted or merged into, an article or a failure recorded): a cache of
    /// answers stays valid while it stays the same.
    pub fn generation(&self) -> Result<(i64, i64, i64)> {
        Ok(self.conn.prepare_cached(
            "SELECT (SELECT COALESCE(MAX(cursor), 0) FROM changes), (SELECT COALESCE(MAX(rowid), 0) FROM articles),
                    (SELECT COALESCE(MAX(rowid), 0) FROM failures)",
        )?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?)
    }

    /// Counts for `/metrics`: articles, events, failures.
    pub fn counts(&self) -> Result<(u64, u64, u64)> {
        Ok(self.conn.query_row(
            "SELECT (SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM events), (SELECT COUNT(*) FROM failures)",
            [],
            |r| {
                Ok((
                    r.get::<_, i64>(0)? as u64,
                    r.get::<_, i64>(1)? as u64,
                    r.get::<_, i64>(2)? as u64,
                ))
            },
        )?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn poisson_tails() {
        assert!((poisson_tail(0, 2.0) - 1.0).abs() < 1e-12);
        assert!((poisson_tail(1, 2.0) - (1.0 - (-2.0f64).exp())).abs() < 1e-12);
        // P(X >= 3 | 0.04) is about 1e-5.
        let p = poisson_tail(3, 0.04);
        assert!(p > 5e-6 && p < 2e-5, "{p}");
        assert!(poisson_tail(3, 5.0) > 0.8);
    }

    #[test]
    fn fts_queries_are_quoted_terms() {
        assert_eq!(
            fts_query("Djibo attack"),
            Some("\"Djibo\" \"attack\"".into())
        );
        // FTS syntax in user input is only words.
        assert_eq!(fts_query("\" OR *"), Some("\"OR\"".into()));
        assert_eq!(fts_query("\"*"), None);
    }
}
