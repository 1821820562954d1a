//! `/metrics` in Prometheus' text format: requests per route and status,
//! their total duration, and the store's counts.

use axum::extract::{MatchedPath, Request};
use axum::middleware::Next;
use axum::response::Response;
use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::{Arc, Mutex};
use std::time::Instant;

/// Request counters, keyed by route template and status.
#[derive(Default)]
pub struct Metrics {
    by_route: Mutex<BTreeMap<(String, u16), (u64, f64)>>,
}

/// Counts one request.
pub async fn track(metrics: Arc<Metrics>, req: Request, next: Next) -> Response {
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_string())
        .unwrap_or_else(|| "static".into());
    let t = Instant::now();
    let resp = next.run(req).await;
    if let Ok(mut m) = metrics.by_route.lock() {
        let e = m.entry((route, resp.status().as_u16())).or_default();
        e.0 += 1;
        e.1 += t.elapsed().as_secs_f64();
    }
    resp
}

fn escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

impl Metrics {
    /// The exposition text, with the store's (articles, events, failures).
    pub fn render(&self, (articles, events, failures): (u64, u64, u64)) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "# HELP veille_http_requests_total HTTP requests served, by route and status."
        );
        let _ = writeln!(out, "# TYPE veille_http_requests_total counter");
        let snapshot: Vec<((String, u16), (u64, f64))> = self
            .by_route
            .lock()
            .map(|m| m.iter().map(|(k, v)| (k.clone(), *v)).collect())
            .unwrap_or_default();
        for ((route, status), (n, _)) in &snapshot {
            let _ = writeln!(
                out,
                "veille_http_requests_total{{route=\"{}\",status=\"{status}\"}} {n}",
                escape(route)
            );
        }
        let _ = writeln!(out, "# HELP veille_http_request_seconds_total Time spent serving requests, by route and status.");
        let _ = writeln!(out, "# TYPE veille_http_request_seconds_total counter");
        for ((route, status), (_, secs)) in &snapshot {
            let _ = writeln!(
                out,
                "veille_http_request_seconds_total{{route=\"{}\",status=\"{status}\"}} {secs:.6}",
                escape(route)
            );
        }
        for (name, help, v) in [
            ("veille_articles", "Articles in the store.", articles),
            ("veille_events", "Events in the store.", events),
            ("veille_failures", "Inputs recorded as failed.", failures),
        ] {
            let _ = writeln!(out, "# HELP {name} {help}");
            let _ = writeln!(out, "# TYPE {name} gauge");
            let _ = writeln!(out, "{name} {v}");
        }
        out
    }
}
