//! Serving: the HTTP API, the embedded dashboard and the export formats.
//!
//! Reads go through `veille-store` queries; the one write (`POST
//! /api/articles`) runs the pipeline and hands its output to the store.
//! Every query value is a bound SQL parameter; static files come only from
//! the embedded assets; page and body sizes are capped.

mod cache;
pub mod export;
mod metrics;
mod openapi;
#[cfg(feature = "parquet")]
mod parquet;

use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Path as UrlPath, Query, State};
use axum::http::{header, HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use rust_embed::RustEmbed;
use serde::Deserialize;
use serde_json::json;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use utoipa::IntoParams;
use veille_store::{EventFilter, SortOrder, Store};

#[derive(RustEmbed)]
#[folder = "assets/"]
struct Assets;

/// How the server runs.
#[derive(Debug, Clone)]
pub struct Options {
    /// Bearer token that `POST /api/articles` requires; without one, posting
    /// is refused.
    pub token: Option<String>,
    /// Largest request body, in bytes (413 above it).
    pub max_body: usize,
    /// Keep answers of API GETs until the store changes.
    pub cache: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            token: None,
            max_body: 10 << 20,
            cache: true,
        }
    }
}

/// Largest page of events.
pub const MAX_PAGE: usize = 1000;
/// Page size when `limit` is absent.
pub const DEFAULT_PAGE: usize = 100;
/// Up to this many matching events `/api/map` returns them all; above, cells.
pub const MAP_EVENTS: u64 = 2000;

/// Open connections to the store, reused across requests. At most `slots`
/// queries run at once: a query is CPU work (the pages it reads are in
/// memory once warm), so running more of them than there are cores only adds
/// thread switches, and each extra connection would be opened and closed
/// again. Requests over the limit wait their turn on the async side.
struct Pool {
    path: PathBuf,
    idle: Mutex<Vec<Store>>,
    slots: tokio::sync::Semaphore,
}

impl Pool {
    fn new(path: PathBuf) -> Pool {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        Pool {
            path,
            idle: Mutex::new(Vec::new()),
            slots: tokio::sync::Semaphore::new((2 * cores).max(4)),
        }
    }

    fn get(&self) -> Result<Store, veille_store::StoreError> {
        let idle = self.idle.lock().ok().and_then(|mut v| v.pop());
        match idle {
            Some(s) => Ok(s),
            None => Store::open(&self.path),
        }
    }

    fn put(&self, s: Store) {
        if let Ok(mut v) = self.idle.lock() {
            v.push(s);
        }
    }
}

#[derive(Clone)]
struct AppState {
    pool: Arc<Pool>,
    options: Arc<Options>,
    metrics: Arc<metrics::Metrics>,
    cache: Arc<cache::Cache>,
}

/// An API error: a status and a JSON message.
struct ApiError(StatusCode, String);

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.0, Json(json!({ "error": self.1 }))).into_response()
    }
}

fn bad(m: impl Into<String>) -> ApiError {
    ApiError(StatusCode::BAD_REQUEST, m.into())
}

fn store_error(e: veille_store::StoreError) -> ApiError {
    match e {
        veille_store::StoreError::Invalid(m) => bad(m),
        other => internal(other),
    }
}

fn internal<E: std::fmt::Display>(e: E) -> ApiError {
    tracing::error!("internal error: {e}");
    ApiError(StatusCode::INTERNAL_SERVER_ERROR, e.to_string())
}

/// Runs a store query off the async threads, on a pooled connection.
async fn with_store<T, F>(state: &AppState, f: F) -> Result<T, ApiError>
where
    T: Send + 'static,
    F: FnOnce(&mut Store) -> Result<T, ApiError> + Send + 'static,
{
    let pool = state.pool.clone();
    let _slot = state.pool.slots.acquire().await.map_err(internal)?;
    tokio::task::spawn_blocking(move || {
        let mut store = pool.get().map_err(internal)?;
        let out = f(&mut store);
        pool.put(store);
        out
    })
    .await
    .map_err(internal)?
}

/// Query parameters of the event endpoints. Every filter is optional; an
/// unparsable value is a 400 naming the parameter.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EventQuery {
    /// Country name or ISO alpha-2 code.
    pub country: Option<String>,
    pub admin1: Option<String>,
    pub admin2: Option<String>,
    /// ACLED event type, e.g. "Battles" (alias: `type`).
    pub event_type: Option<String>,
    #[serde(rename = "type")]
    pub type_: Option<String>,
    /// ACLED sub-event type, e.g. "Armed clash".
    pub sub_event_type: Option<String>,
    /// Part of an actor's name, case-insensitive.
    pub actor: Option<String>,
    /// YYYY-MM-DD, inclusive.
    pub date_from: Option<String>,
    /// YYYY-MM-DD, inclusive.
    pub date_to: Option<String>,
    /// min_lon,min_lat,max_lon,max_lat
    pub bbox: Option<String>,
    pub min_fatalities: Option<String>,
    /// Words of the notes, actors and place (all must occur).
    pub q: Option<String>,
    /// Page size, 1 to 1000 (default 100).
    pub limit: Option<String>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
    /// date_desc (default), date_asc or fatalities_desc.
    pub sort: Option<String>,
    /// Only events changed after this cursor of the changes feed.
    pub since: Option<String>,
}

fn nonempty(v: &Option<String>) -> Option<String> {
    v.as_deref()
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_string)
}

fn parse_num<T: std::str::FromStr>(
    name: &str,
    v: &Option<String>,
    what: &str,
) -> Result<Option<T>, ApiError> {
    nonempty(v)
        .map(|x| {
            x.parse::<T>()
                .map_err(|_| bad(format!("parameter {name}: expected {what}, got {x:?}")))
        })
        .transpose()
}

impl EventQuery {
    /// The store filter, `limit` applied as given (`None`: no limit).
    pub(crate) fn filter(&self) -> Result<EventFilter, ApiError> {
        let date =
            |name: &str, v: &Option<String>| -> Result<Option<chrono::NaiveDate>, ApiError> {
                parse_num(name, v, "a date YYYY-MM-DD")
            };
        let event_type = nonempty(&self.event_type).or_else(|| nonempty(&self.type_));
        if let Some(t) = &event_type {
            t.parse::<veille_core::EventType>()
                .map_err(|_| bad(format!("parameter event_type: unknown event type {t:?}")))?;
        }
        let sub_event_type = nonempty(&self.sub_event_type);
        if let Some(t) = &sub_event_type {
            t.parse::<veille_core::SubEventType>().map_err(|_| {
                bad(format!(
                    "parameter sub_event_type: unknown sub-event type {t:?}"
                ))
            })?;
        }
        let bbox = nonempty(&self.bbox)
            .map(|b| {
                let v: Vec<f64> = b
                    .split(',')
                    .map(|x| x.trim().parse::<f64>())
                    .collect::<Result<_, _>>()
                    .map_err(|_| bad(format!("parameter bbox: expected 4 numbers, got {b:?}")))?;
                match v[..] {
                    [x0, y0, x1, y1] if x0 <= x1 && y0 <= y1 => Ok([x0, y0, x1, y1]),
                    _ => Err(bad(format!(
                        "parameter bbox: expected min_lon,min_lat,max_lon,max_lat, got {b:?}"
                    ))),
                }
            })
            .transpose()?;
        let limit: Option<usize> = parse_num("limit", &self.limit, "an integer from 1 to 1000")?;
        if limit.is_some_and(|l| l == 0 || l > MAX_PAGE) {
            return Err(bad(format!(
                "parameter limit: expected an integer from 1 to {MAX_PAGE}"
            )));
        }
        Ok(EventFilter {
            country: nonempty(&self.country),
            admin1: nonempty(&self.admin1),
            admin2: nonempty(&self.admin2),
            event_type,
            sub_event_type,
            actor: nonempty(&self.actor),
            date_from: date("date_from", &self.date_from)?,
            date_to: date("date_to", &self.date_to)?,
            bbox,
            min_fatalities: parse_num("min_fatalities", &self.min_fatalities, "a whole number")?,
            q: nonempty(&self.q),
            limit,
            since: parse_num("since", &self.since, "a cursor (integer)")?,
        })
    }

    fn sort(&self) -> Result<SortOrder, ApiError> {
        nonempty(&self.sort)
            .map(|s| {
                s.parse()
                    .map_err(|m: String| bad(format!("parameter sort: {m}")))
            })
            .transpose()
            .map(Option::unwrap_or_default)
    }
}

/// Events matching the filters, a page at a time.
#[utoipa::path(get, path = "/api/events", params(EventQuery),
    responses((status = 200, description = "`{events: [...], next_cursor}`; pass `next_cursor` back as `cursor`"),
              (status = 400, description = "a bad parameter, named in `error`")))]
async fn events(
    State(s): State<AppState>,
    Query(q): Query<EventQuery>,
) -> Result<Response, ApiError> {
    let mut filter = q.filter()?;
    filter.limit = Some(filter.limit.unwrap_or(DEFAULT_PAGE));
    let sort = q.sort()?;
    let cursor = nonempty(&q.cursor);
    let page = with_store(&s, move |st| {
        st.events_page_json(&filter, sort, cursor.as_deref())
            .map_err(store_error)
    })
    .await?;
    Ok(([(header::CONTENT_TYPE, "application/json")], page).into_response())
}

/// One event with each source article's text and evidence spans.
#[utoipa::path(get, path = "/api/events/{id}", params(("id" = String, Path, description = "event id")),
    responses((status = 200, description = "`{event, articles: [{id, url, title, outlet, text, evidence, reason}]}`"),
              (status = 404, description = "no such event")))]
async fn event(
    State(s): State<AppState>,
    UrlPath(id): UrlPath<String>,
) -> Result<Response, ApiError> {
    let key = id.clone();
    match with_store(&s, move |st| st.event(&key).map_err(store_error)).await? {
        Some((event, articles)) => {
            Ok(Json(json!({ "event": event, "articles": articles })).into_response())
        }
        None => Err(ApiError(StatusCode::NOT_FOUND, format!("no event {id}"))),
    }
}

/// One stored article, with the ids of its events.
#[utoipa::path(get, path = "/api/articles/{id}", params(("id" = String, Path, description = "article id (SHA-256 of its clean text)")),
    responses((status = 200, description = "the article"), (status = 404, description = "no such article")))]
async fn article(
    State(s): State<AppState>,
    UrlPath(id): UrlPath<String>,
) -> Result<Response, ApiError> {
    let key = id.clone();
    match with_store(&s, move |st| st.article(&key).map_err(store_error)).await? {
        Some(a) => Ok(Json(a).into_response()),
        None => Err(ApiError(StatusCode::NOT_FOUND, format!("no article {id}"))),
    }
}

/// Metadata of a posted article.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PostQuery {
    pub url: Option<String>,
    /// YYYY-MM-DD
    pub published: Option<String>,
    pub outlet: Option<String>,
}

/// Ingests one article: an HTML or text body (metadata in the query), or a
/// JSON object with `url`, `title`, `text` or `html`, `published`, `source`.
#[utoipa::path(post, path = "/api/articles", params(PostQuery),
    responses((status = 200, description = "`{article_id, new_article, events_new, events_merged, events}`"),
              (status = 401, description = "no or wrong bearer token"),
              (status = 403, description = "no token configured: posting is off"),
              (status = 413, description = "body over the size cap"),
              (status = 422, description = "no article text in the body")),
    security(("bearer" = [])))]
async fn post_article(
    State(s): State<AppState>,
    Query(q): Query<PostQuery>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let Some(token) = s.options.token.clone() else {
        return Err(ApiError(
            StatusCode::FORBIDDEN,
            "posting articles is off: set api_token in veille.toml or VEILLE_API_TOKEN".into(),
        ));
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("");
    if !constant_time_eq(given.as_bytes(), token.as_bytes()) {
        return Err(ApiError(
            StatusCode::UNAUTHORIZED,
            "missing or wrong bearer token".into(),
        ));
    }
    let is_json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    let input = if is_json {
        let v: serde_json::Value =
            serde_json::from_slice(&body).map_err(|e| bad(format!("body: not JSON: {e}")))?;
        veille_sources::jsonl::from_value("api".into(), &v)
    } else {
        veille_sources::Input {
            name: "api".into(),
            bytes: Ok(body.to_vec()),
            meta: veille_sources::Meta {
                url: nonempty(&q.url),
                outlet: nonempty(&q.outlet),
                published: parse_num("published", &q.published, "a date YYYY-MM-DD")?,
                ..Default::default()
            },
        }
    };
    let source = input
        .meta
        .url
        .clone()
        .map(|u| format!("api {u}"))
        .unwrap_or_else(|| "api".into());
    let doc = input
        .into_document()
        .map_err(|why| ApiError(StatusCode::UNPROCESSABLE_ENTITY, why))?;
    with_store(&s, move |st| {
        let out = match veille_pipeline::Pipeline::new().run(&doc) {
            Ok(o) => o,
            Err(e) => {
                let _ = st.record_failure(&source, &e.to_string());
                return Err(ApiError(StatusCode::UNPROCESSABLE_ENTITY, e.to_string()));
            }
        };
        let outcome = st.ingest(&out, &source).map_err(store_error)?;
        let events = st.article_events(&out.article.id).map_err(store_error)?;
        Ok(Json(json!({
            "article_id": out.article.id,
            "new_article": outcome.new_article,
            "events_new": outcome.events_new,
            "events_merged": outcome.events_merged,
            "events": events,
            "warnings": out.warnings,
        }))
        .into_response())
    })
    .await
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// How the time series is cut.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SeriesQuery {
    /// day, week (from Monday; default) or month.
    pub interval: Option<String>,
    /// type (default), admin1 or all.
    pub by: Option<String>,
}

/// Event counts and fatalities per period and per type or admin1.
#[utoipa::path(get, path = "/api/stats/timeseries", params(SeriesQuery, EventQuery),
    responses((status = 200, description = "`{interval, by, series: [{key, points: [{period, count, fatalities}]}]}`"),
              (status = 400, description = "a bad parameter")))]
async fn timeseries(
    State(s): State<AppState>,
    Query(sq): Query<SeriesQuery>,
    Query(q): Query<EventQuery>,
) -> Result<Response, ApiError> {
    let filter = q.filter()?;
    let interval = nonempty(&sq.interval).unwrap_or_else(|| "week".into());
    let by = nonempty(&sq.by).unwrap_or_else(|| "type".into());
    let (i, b) = (interval.clone(), by.clone());
    let series = with_store(&s, move |st| {
        st.timeseries(&filter, &i, &b).map_err(|e| match e {
            veille_store::StoreError::Invalid(m) => bad(format!("parameter {m}")),
            other => internal(other),
        })
    })
    .await?;
    Ok(Json(json!({ "interval": interval, "by": by, "series": series })).into_response())
}

/// The date alerts are computed at.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AlertQuery {
    /// YYYY-MM-DD; default: the latest event date stored.
    pub as_of: Option<String>,
}

/// Rises in violence: per admin1 and admin2 and event type, the last 7 days
/// against the 90 days before (Poisson rule stated in `rule`).
#[utoipa::path(get, path = "/api/alerts", params(AlertQuery),
    responses((status = 200, description = "`{as_of, rule, alerts: [{country, admin1, admin2, event_type, last7, baseline90, expected, p_value, level}]}`")))]
async fn alerts(
    State(s): State<AppState>,
    Query(q): Query<AlertQuery>,
) -> Result<Response, ApiError> {
    let as_of = parse_num("as_of", &q.as_of, "a date YYYY-MM-DD")?;
    let a = with_store(&s, move |st| st.alerts(as_of).map_err(store_error)).await?;
    Ok(Json(a).into_response())
}

/// Where the changes feed is read from.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ChangesQuery {
    /// Cursor after which to list changes (default 0: from the start).
    pub since: Option<String>,
    /// At most this many (1 to 1000, default 1000).
    pub limit: Option<String>,
}

/// Every insert of and merge into an event, with a monotonic cursor.
#[utoipa::path(get, path = "/api/changes", params(ChangesQuery),
    responses((status = 200, description = "`{changes: [{cursor, event_id, kind, at}], next_since}`")))]
async fn changes(
    State(s): State<AppState>,
    Query(q): Query<ChangesQuery>,
) -> Result<Response, ApiError> {
    let since: i64 = parse_num("since", &q.since, "a cursor (integer)")?.unwrap_or(0);
    let limit: usize =
        parse_num("limit", &q.limit, "an integer from 1 to 1000")?.unwrap_or(MAX_PAGE);
    if limit == 0 || limit > MAX_PAGE {
        return Err(bad(format!(
            "parameter limit: expected an integer from 1 to {MAX_PAGE}"
        )));
    }
    let list = with_store(&s, move |st| st.changes(since, limit).map_err(store_error)).await?;
    let next = list.last().map(|c| c.cursor).unwrap_or(since);
    Ok(Json(json!({ "changes": list, "next_since": next })).into_response())
}

/// How long a list to give.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    /// At most this many (1 to 1000, default 100).
    pub limit: Option<String>,
}

impl ListQuery {
    fn limit(&self) -> Result<usize, ApiError> {
        let limit: usize =
            parse_num("limit", &self.limit, "an integer from 1 to 1000")?.unwrap_or(100);
        if limit == 0 || limit > MAX_PAGE {
            return Err(bad(format!(
                "parameter limit: expected an integer from 1 to {MAX_PAGE}"
            )));
        }
        Ok(limit)
    }
}

/// The actors of the stored events (actor1 or actor2), most events first.
#[utoipa::path(get, path = "/api/actors", params(ListQuery),
    responses((status = 200, description = "`[{name, inter, events, fatalities}]`")))]
async fn actors(
    State(s): State<AppState>,
    Query(q): Query<ListQuery>,
) -> Result<Response, ApiError> {
    let limit = q.limit()?;
    Ok(
        Json(with_store(&s, move |st| st.actors(limit).map_err(store_error)).await?)
            .into_response(),
    )
}

/// The places of the stored events, most events first.
#[utoipa::path(get, path = "/api/places", params(ListQuery),
    responses((status = 200, description = "`[{name, country_code, country, admin1, admin2, latitude, longitude, geo_precision, events, fatalities}]`")))]
async fn places(
    State(s): State<AppState>,
    Query(q): Query<ListQuery>,
) -> Result<Response, ApiError> {
    let limit = q.limit()?;
    Ok(
        Json(with_store(&s, move |st| st.places(limit).map_err(store_error)).await?)
            .into_response(),
    )
}

/// The map's zoom level.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MapQuery {
    /// Leaflet zoom, 0 to 20 (default 4).
    pub zoom: Option<String>,
}

/// What the map shows for a view: every event when few match, else cells
/// of a grid that fits the zoom (server-side aggregation).
#[utoipa::path(get, path = "/api/map", params(MapQuery, EventQuery),
    responses((status = 200, description = "`{total, events: [...]}` or `{total, clusters: [{lat, lon, count, fatalities, event_id}]}`")))]
async fn map(
    State(s): State<AppState>,
    Query(mq): Query<MapQuery>,
    Query(q): Query<EventQuery>,
) -> Result<Response, ApiError> {
    let zoom: u8 = parse_num("zoom", &mq.zoom, "an integer from 0 to 20")?.unwrap_or(4);
    if zoom > 20 {
        return Err(bad("parameter zoom: expected an integer from 0 to 20"));
    }
    let mut filter = q.filter()?;
    filter.limit = None;
    let body = with_store(&s, move |st| {
        let total = st.count_events(&filter).map_err(store_error)?;
        if total <= MAP_EVENTS {
            let events = st.events(&filter).map_err(store_error)?;
            Ok(json!({ "total": total, "events": events }))
        } else {
            let clusters = st.clusters(&filter, zoom).map_err(store_error)?;
            Ok(json!({ "total": total, "clusters": clusters }))
        }
    })
    .await?;
    Ok(Json(body).into_response())
}

/// Counts by type and admin1.
#[utoipa::path(get, path = "/api/summary", responses((status = 200, description = "counts by type and admin1")))]
async fn summary(State(s): State<AppState>) -> Result<Response, ApiError> {
    Ok(Json(with_store(&s, |st| st.summary().map_err(store_error)).await?).into_response())
}

/// The export format.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExportQuery {
    /// csv (default; ACLED's columns then veille's), geojson, jsonl, parquet (when built with it).
    pub format: Option<String>,
}

/// The filtered events as a file.
#[utoipa::path(get, path = "/api/export", params(ExportQuery, EventQuery),
    responses((status = 200, description = "the file"), (status = 400, description = "a bad parameter")))]
async fn export_route(
    State(s): State<AppState>,
    Query(eq): Query<ExportQuery>,
    Query(q): Query<EventQuery>,
) -> Result<Response, ApiError> {
    let format: export::Format = nonempty(&eq.format)
        .unwrap_or_else(|| "csv".into())
        .parse()
        .map_err(|m: String| bad(format!("parameter format: {m}")))?;
    let filter = q.filter()?;
    let events = with_store(&s, move |st| st.events(&filter).map_err(store_error)).await?;
    let mut body = Vec::new();
    export::write(format, &events, &mut body).map_err(internal)?;
    let name = format!("veille-events.{}", format.extension());
    Ok((
        [
            (header::CONTENT_TYPE, format.content_type().to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        body,
    )
        .into_response())
}

async fn metrics_route(State(s): State<AppState>) -> Result<Response, ApiError> {
    let counts = with_store(&s, |st| st.counts().map_err(store_error)).await?;
    Ok((
        [(header::CONTENT_TYPE, "text/plain; version=0.0.4")],
        s.metrics.render(counts),
    )
        .into_response())
}

async fn asset(uri: Uri) -> Response {
    let path = uri.path().trim_start_matches('/');
    let path = if path.is_empty() { "index.html" } else { path };
    // Only names of embedded files are served: no file system access.
    match Assets::get(path) {
        Some(file) => {
            let mime = mime_guess::from_path(path).first_or_octet_stream();
            (
                [(header::CONTENT_TYPE, mime.as_ref().to_string())],
                file.data.into_owned(),
            )
                .into_response()
        }
        None => ApiError(StatusCode::NOT_FOUND, format!("no such page: /{path}")).into_response(),
    }
}

/// The application's routes over the store at `db`.
pub fn router(db: PathBuf, options: Options) -> Router {
    let state = AppState {
        pool: Arc::new(Pool::new(db)),
        metrics: Arc::new(metrics::Metrics::default()),
        cache: Arc::new(cache::Cache::default()),
        options: Arc::new(options.clone()),
    };
    Router::new()
        .route("/api/events", get(events))
        .route("/api/events/{id}", get(event))
        .route("/api/articles", axum::routing::post(post_article))
        .route("/api/articles/{id}", get(article))
        .route("/api/stats/timeseries", get(timeseries))
        .route("/api/alerts", get(alerts))
        .route("/api/changes", get(changes))
        .route("/api/map", get(map))
        .route("/api/summary", get(summary))
        .route("/api/actors", get(actors))
        .route("/api/places", get(places))
        .route("/api/export", get(export_route))
        .route("/openapi.json", get(|| async { Json(openapi::document()) }))
        .route("/healthz", get(|| async { "ok" }))
        .route("/metrics", get(metrics_route))
        .fallback(get(asset))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            |st: State<AppState>, req: axum::extract::Request, next: axum::middleware::Next| async move {
                if !st.0.options.cache || !cache::applies(&req) {
                    return next.run(req).await;
                }
                match with_store(&st.0, |s| s.generation().map_err(store_error)).await {
                    Ok(generation) => st.0.cache.handle(generation, req, next).await,
                    Err(e) => e.into_response(),
                }
            },
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            |st: State<AppState>, req, next| async move {
                metrics::track(st.0.metrics, req, next).await
            },
        ))
        .layer(DefaultBodyLimit::max(options.max_body))
        // A declared length over the cap is refused before any byte is read.
        .layer(axum::middleware::from_fn_with_state(
            options.max_body,
            |max: State<usize>, req: axum::extract::Request, next: axum::middleware::Next| async move {
                let declared = req
                    .headers()
                    .get(header::CONTENT_LENGTH)
                    .and_then(|v| v.to_str().ok())
                    .and_then(|v| v.parse::<usize>().ok());
                if declared.is_some_and(|n| n > max.0) {
                    return ApiError(
                        StatusCode::PAYLOAD_TOO_LARGE,
                        format!("body of {} bytes is over the {} byte limit", declared.unwrap_or(0), max.0),
                    )
                    .into_response();
                }
                next.run(req).await
            },
        ))
        .with_state(state)
}

/// Serves the API and dashboard until interrupted (Ctrl-C).
pub async fn serve(db: PathBuf, addr: SocketAddr, options: Options) -> anyhow::Result<()> {
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| anyhow::anyhow!("cannot listen on {addr}: {e}"))?;
    eprintln!(
        "veille: dashboard at http://{}/ (Ctrl-C to stop)",
        listener.local_addr()?
    );
    axum::serve(listener, router(db, options))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    Ok(())
}
