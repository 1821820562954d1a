//! A cache of GET answers of the API, valid while the store's generation
//! (latest change, article and failure) is unchanged: a dashboard's repeated
//! queries are served without re-running them; any write anywhere (this
//! server, `veille ingest`, a worker) makes every entry stale.

use axum::body::{to_bytes, Body, Bytes, HttpBody};
use axum::extract::Request;
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::collections::HashMap;
use std::sync::Mutex;

/// Entries kept; the cache is emptied when full.
const MAX_ENTRIES: usize = 4096;
/// Largest answer kept.
const MAX_BODY: u64 = 16 << 20;

type Generation = (i64, i64, i64);

/// Whether a request's answer may be cached: GETs of the API but exports.
pub fn applies(req: &Request) -> bool {
    let path = req.uri().path();
    req.method() == Method::GET && path.starts_with("/api/") && path != "/api/export"
}

#[derive(Default)]
pub struct Cache {
    entries: Mutex<HashMap<String, (Generation, HeaderValue, Bytes)>>,
}

impl Cache {
    /// Answers `req` from the cache when `generation` matches, else runs it
    /// and keeps a 200 answer.
    pub async fn handle(&self, generation: Generation, req: Request, next: Next) -> Response {
        let key = req.uri().to_string();
        let hit = self
            .entries
            .lock()
            .ok()
            .and_then(|m| m.get(&key).filter(|e| e.0 == generation).cloned());
        if let Some((_, ctype, body)) = hit {
            return (
                [
                    (header::CONTENT_TYPE, ctype),
                    (
                        header::HeaderName::from_static("x-cache"),
                        HeaderValue::from_static("hit"),
                    ),
                ],
                body,
            )
                .into_response();
        }
        let resp = next.run(req).await;
        if resp.status() != StatusCode::OK {
            return resp;
        }
        let (parts, body) = resp.into_parts();
        // Only answers of a known, moderate size are kept.
        if body.size_hint().upper().is_none_or(|n| n > MAX_BODY) {
            return Response::from_parts(parts, body);
        }
        let bytes = match to_bytes(body, MAX_BODY as usize).await {
            Ok(b) => b,
            Err(e) => {
                tracing::error!("reading an API answer: {e}");
                return StatusCode::INTERNAL_SERVER_ERROR.into_response();
            }
        };
        if let (Some(ctype), Ok(mut m)) = (
            parts.headers.get(header::CONTENT_TYPE).cloned(),
            self.entries.lock(),
        ) {
            if m.len() >= MAX_ENTRIES {
                m.clear();
            }
            m.insert(key, (generation, ctype, bytes.clone()));
        }
        Response::from_parts(parts, Body::from(bytes))
    }
}
