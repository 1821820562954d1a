//! Serving: the HTTP API, the embedded dashboard and the export formats.
//!
//! Reads the store only; writing stays in `veille-store`.

pub mod export;
#[cfg(feature = "parquet")]
mod parquet;

use axum::extract::{Path as UrlPath, Query, State};
use axum::http::{header, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use rust_embed::RustEmbed;
use serde_json::json;
use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use veille_store::{EventFilter, Store};

#[derive(RustEmbed)]
#[folder = "assets/"]
struct Assets;

#[derive(Clone)]
struct AppState {
    db: Arc<PathBuf>,
}

/// An API error: a status and a JSON message.
struct ApiError(StatusCode, String);

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.0, Json(json!({ "error": self.1 }))).into_response()
    }
}

fn internal<E: std::fmt::Display>(e: E) -> ApiError {
    ApiError(StatusCode::INTERNAL_SERVER_ERROR, e.to_string())
}

/// Runs a store query off the async threads.
async fn with_store<T, F>(state: &AppState, f: F) -> Result<T, ApiError>
where
    T: Send + 'static,
    F: FnOnce(&Store) -> Result<T, veille_store::StoreError> + Send + 'static,
{
    let db = state.db.clone();
    tokio::task::spawn_blocking(move || {
        let store = Store::open(&db).map_err(internal)?;
        f(&store).map_err(internal)
    })
    .await
    .map_err(internal)?
}

/// Parses the event filters of a query string; 400 names a bad parameter.
pub fn parse_filter(q: &HashMap<String, String>) -> Result<EventFilter, String> {
    let date = |k: &str| -> Result<Option<chrono::NaiveDate>, String> {
        q.get(k)
            .filter(|v| !v.is_empty())
            .map(|v| {
                v.parse()
                    .map_err(|_| format!("parameter {k}: expected a date YYYY-MM-DD, got {v:?}"))
            })
            .transpose()
    };
    let text = |k: &str| q.get(k).filter(|v| !v.is_empty()).cloned();
    let limit = q
        .get("limit")
        .map(|v| {
            v.parse::<usize>()
                .map_err(|_| format!("parameter limit: expected a positive integer, got {v:?}"))
        })
        .transpose()?;
    let event_type = text("event_type").or_else(|| text("type"));
    if let Some(t) = &event_type {
        t.parse::<veille_core::EventType>()
            .map_err(|_| format!("parameter event_type: unknown event type {t:?}"))?;
    }
    Ok(EventFilter {
        country: text("country"),
        admin1: text("admin1"),
        event_type,
        date_from: date("date_from")?,
        date_to: date("date_to")?,
        limit,
        since: None,
    })
}

async fn events(
    State(s): State<AppState>,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, ApiError> {
    let filter = parse_filter(&q).map_err(|m| ApiError(StatusCode::BAD_REQUEST, m))?;
    let events = with_store(&s, move |st| st.events(&filter)).await?;
    Ok(Json(json!({ "events": events, "next_cursor": null })).into_response())
}

async fn event(
    State(s): State<AppState>,
    UrlPath(id): UrlPath<String>,
) -> Result<Response, ApiError> {
    let key = id.clone();
    match with_store(&s, move |st| st.event(&key)).await? {
        Some((event, articles)) => {
            Ok(Json(json!({ "event": event, "articles": articles })).into_response())
        }
        None => Err(ApiError(StatusCode::NOT_FOUND, format!("no event {id}"))),
    }
}

async fn summary(State(s): State<AppState>) -> Result<Response, ApiError> {
    Ok(Json(with_store(&s, |st| st.summary()).await?).into_response())
}

async fn export_route(
    State(s): State<AppState>,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, ApiError> {
    let format: export::Format = q
        .get("format")
        .map(String::as_str)
        .unwrap_or("csv")
        .parse()
        .map_err(|m: String| ApiError(StatusCode::BAD_REQUEST, format!("parameter format: {m}")))?;
    let filter = parse_filter(&q).map_err(|m| ApiError(StatusCode::BAD_REQUEST, m))?;
    let events = with_store(&s, move |st| st.events(&filter)).await?;
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

async fn asset(uri: Uri) -> Response {
    let path = uri.path().trim_start_matches('/');
    let path = if path.is_empty() { "index.html" } else { path };
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
pub fn router(db: PathBuf) -> Router {
    Router::new()
        .route("/api/events", get(events))
        .route("/api/events/{id}", get(event))
        .route("/api/summary", get(summary))
        .route("/api/export", get(export_route))
        .route("/healthz", get(|| async { "ok" }))
        .fallback(get(asset))
        .with_state(AppState { db: Arc::new(db) })
}

/// Serves the API and dashboard until interrupted (Ctrl-C).
pub async fn serve(db: PathBuf, addr: SocketAddr) -> anyhow::Result<()> {
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| anyhow::anyhow!("cannot listen on {addr}: {e}"))?;
    eprintln!(
        "veille: dashboard at http://{}/ (Ctrl-C to stop)",
        listener.local_addr()?
    );
    axum::serve(listener, router(db))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    Ok(())
}
