//! Polite HTTP fetching for `veille watch`: a real User-Agent, timeouts, a
//! size cap, robots.txt honoured (RFC 9309), a minimum delay between two
//! requests to one host, retries with exponential backoff on network errors,
//! 429 and 5xx, and conditional GET (ETag, Last-Modified).

use crate::warc::charset_of;
use std::collections::HashMap;
use std::io::Read;
use std::time::{Duration, Instant};

/// How to fetch.
#[derive(Debug, Clone)]
pub struct Config {
    pub user_agent: String,
    pub timeout: Duration,
    /// Largest body accepted, in bytes.
    pub max_bytes: usize,
    /// Minimum time between two requests to one host.
    pub per_host_delay: Duration,
    /// Attempts after the first, on network errors, 429 and 5xx.
    pub retries: u32,
    /// First backoff; doubled at each retry.
    pub backoff: Duration,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            user_agent: format!(
                "veille/{} (+https://github.com/veille-project/veille)",
                env!("CARGO_PKG_VERSION")
            ),
            timeout: Duration::from_secs(30),
            max_bytes: 10 << 20,
            per_host_delay: Duration::from_secs(2),
            retries: 3,
            backoff: Duration::from_secs(2),
        }
    }
}

/// Validators from an earlier response, for a conditional GET.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// What a GET gave.
#[derive(Debug)]
pub enum Fetched {
    /// 304: unchanged since the validators.
    NotModified,
    Page {
        /// URL after redirects.
        url: String,
        body: Vec<u8>,
        charset: Option<String>,
        content_type: Option<String>,
        validators: Validators,
    },
}

/// Why a fetch failed.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    #[error("disallowed by {0}")]
    Robots(String),
    #[error("HTTP {0}")]
    Status(u16),
    #[error("larger than the {0} byte limit")]
    TooLarge(usize),
    #[error("bad URL {0:?}")]
    BadUrl(String),
    #[error("{0}")]
    Network(String),
}

/// A fetcher: one per process, reused across requests.
pub struct Fetcher {
    agent: ureq::Agent,
    cfg: Config,
    robots: HashMap<String, (Robots, Instant)>,
    last_request: HashMap<String, Instant>,
}

/// How long a host's robots.txt is trusted.
const ROBOTS_TTL: Duration = Duration::from_secs(3600);

impl Fetcher {
    pub fn new(cfg: Config) -> Fetcher {
        let agent = ureq::AgentBuilder::new()
            .user_agent(&cfg.user_agent)
            .timeout_connect(cfg.timeout.min(Duration::from_secs(10)))
            .timeout(cfg.timeout)
            .redirects(5)
            .build();
        Fetcher {
            agent,
            cfg,
            robots: HashMap::new(),
            last_request: HashMap::new(),
        }
    }

    pub fn config(&self) -> &Config {
        &self.cfg
    }

    /// GETs a page if robots.txt allows it, waiting for the host's turn,
    /// retrying transient failures.
    pub fn get(
        &mut self,
        url: &str,
        validators: Option<&Validators>,
    ) -> Result<Fetched, FetchError> {
        let (origin, path) = split_url(url).ok_or_else(|| FetchError::BadUrl(url.to_string()))?;
        if !self.allowed(&origin, &path) {
            return Err(FetchError::Robots(format!("{origin}/robots.txt")));
        }
        self.get_raw(&origin, url, validators)
    }

    fn get_raw(
        &mut self,
        origin: &str,
        url: &str,
        validators: Option<&Validators>,
    ) -> Result<Fetched, FetchError> {
        let mut attempt = 0;
        loop {
            self.wait_turn(origin);
            let mut req = self.agent.get(url);
            if let Some(v) = validators {
                if let Some(e) = &v.etag {
                    req = req.set("If-None-Match", e);
                }
                if let Some(lm) = &v.last_modified {
                    req = req.set("If-Modified-Since", lm);
                }
            }
            let transient = match req.call() {
                Ok(resp) => return self.read(resp),
                Err(ureq::Error::Status(code, resp)) => {
                    if code == 429 || code >= 500 {
                        tracing::debug!("{url}: HTTP {code}, {:?}", resp.header("Retry-After"));
                        FetchError::Status(code)
                    } else {
                        return Err(FetchError::Status(code));
                    }
                }
                Err(ureq::Error::Transport(t)) => FetchError::Network(t.to_string()),
            };
            if attempt >= self.cfg.retries {
                return Err(transient);
            }
            let wait = self.cfg.backoff * 2u32.pow(attempt);
            tracing::info!("{url}: {transient}; retrying in {wait:?}");
            std::thread::sleep(wait);
            attempt += 1;
        }
    }

    fn read(&self, resp: ureq::Response) -> Result<Fetched, FetchError> {
        if resp.status() == 304 {
            return Ok(Fetched::NotModified);
        }
        let url = resp.get_url().to_string();
        let content_type = resp.header("Content-Type").map(str::to_string);
        let validators = Validators {
            etag: resp.header("ETag").map(str::to_string),
            last_modified: resp.header("Last-Modified").map(str::to_string),
        };
        let max = self.cfg.max_bytes;
        if resp
            .header("Content-Length")
            .and_then(|l| l.parse::<usize>().ok())
            .is_some_and(|l| l > max)
        {
            return Err(FetchError::TooLarge(max));
        }
        let mut body = Vec::new();
        resp.into_reader()
            .take(max as u64 + 1)
            .read_to_end(&mut body)
            .map_err(|e| FetchError::Network(format!("reading the body: {e}")))?;
        if body.len() > max {
            return Err(FetchError::TooLarge(max));
        }
        Ok(Fetched::Page {
            url,
            body,
            charset: content_type.as_deref().and_then(charset_of),
            content_type,
            validators,
        })
    }

    /// Sleeps until the host's minimum delay has passed since its last request.
    fn wait_turn(&mut self, origin: &str) {
        if let Some(last) = self.last_request.get(origin) {
            let due = *last + self.cfg.per_host_delay;
            let now = Instant::now();
            if due > now {
                std::thread::sleep(due - now);
            }
        }
        self.last_request.insert(origin.to_string(), Instant::now());
    }

    /// Whether robots.txt of `origin` lets us fetch `path`.
    fn allowed(&mut self, origin: &str, path: &str) -> bool {
        let fresh = self
            .robots
            .get(origin)
            .is_some_and(|(_, at)| at.elapsed() < ROBOTS_TTL);
        if !fresh {
            let robots = match self.get_raw(origin, &format!("{origin}/robots.txt"), None) {
                Ok(Fetched::Page { body, .. }) => Robots::parse(&String::from_utf8_lossy(&body)),
                // No robots.txt (4xx): everything is allowed (RFC 9309 2.3.1.3).
                Err(FetchError::Status(c)) if (400..500).contains(&c) => Robots::default(),
                Ok(Fetched::NotModified) => Robots::default(),
                // Unreachable (5xx, network): assume complete disallow (2.3.1.4).
                Err(e) => {
                    tracing::warn!("{origin}/robots.txt unreachable ({e}): not fetching from this host for now");
                    Robots::disallow_all()
                }
            };
            self.robots
                .insert(origin.to_string(), (robots, Instant::now()));
        }
        let agent = self
            .cfg
            .user_agent
            .split('/')
            .next()
            .unwrap_or("veille")
            .to_string();
        self.robots[origin].0.allows(&agent, path)
    }
}

/// POSTs a JSON document (an alert webhook), with the fetcher's User-Agent
/// and timeout; the status when it is not 2xx is an error.
pub fn post_json(cfg: &Config, url: &str, body: &serde_json::Value) -> Result<u16, FetchError> {
    split_url(url).ok_or_else(|| FetchError::BadUrl(url.to_string()))?;
    let agent = ureq::AgentBuilder::new()
        .user_agent(&cfg.user_agent)
        .timeout(cfg.timeout)
        .build();
    match agent.post(url).send_json(body.clone()) {
        Ok(r) => Ok(r.status()),
        Err(ureq::Error::Status(code, _)) => Err(FetchError::Status(code)),
        Err(ureq::Error::Transport(t)) => Err(FetchError::Network(t.to_string())),
    }
}

/// `scheme://host[:port]` and the path with its query.
pub fn split_url(url: &str) -> Option<(String, String)> {
    let (scheme, rest) = url.split_once("://")?;
    if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
        return None;
    }
    let (host, path) = match rest.find(['/', '?', '#']) {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, "/"),
    };
    if host.is_empty() {
        return None;
    }
    let path = path.split('#').next().unwrap_or("/");
    let path = if path.starts_with('/') {
        path.to_string()
    } else {
        format!("/{path}")
    };
    Some((
        format!(
            "{}://{}",
            scheme.to_ascii_lowercase(),
            host.to_ascii_lowercase()
        ),
        path,
    ))
}

/// A robots.txt group: its user-agent tokens (lowercase) and its rules
/// (allow?, path pattern).
type Group = (Vec<String>, Vec<(bool, String)>);

/// The rules of one robots.txt.
#[derive(Debug, Clone, Default)]
pub struct Robots {
    groups: Vec<Group>,
    disallow_all: bool,
}

impl Robots {
    fn disallow_all() -> Robots {
        Robots {
            groups: Vec::new(),
            disallow_all: true,
        }
    }

    /// Parses robots.txt (RFC 9309): groups of `user-agent` lines followed by
    /// `allow` and `disallow` rules; other lines are ignored.
    pub fn parse(text: &str) -> Robots {
        let mut groups: Vec<Group> = Vec::new();
        let mut in_agents = false;
        for line in text.lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            let Some((k, v)) = line.split_once(':') else {
                continue;
            };
            let (k, v) = (k.trim().to_ascii_lowercase(), v.trim());
            match k.as_str() {
                "user-agent" => {
                    if !in_agents {
                        groups.push((Vec::new(), Vec::new()));
                        in_agents = true;
                    }
                    if let Some(g) = groups.last_mut() {
                        g.0.push(v.to_ascii_lowercase());
                    }
                }
                "allow" | "disallow" => {
                    in_agents = false;
                    if let Some(g) = groups.last_mut() {
                        if !v.is_empty() {
                            g.1.push((k == "allow", v.to_string()));
                        }
                    }
                }
                _ => {}
            }
        }
        Robots {
            groups,
            disallow_all: false,
        }
    }

    /// Whether `agent` may fetch `path`: the group naming the agent (else
    /// `*`); the longest matching rule wins, allow on a tie.
    pub fn allows(&self, agent: &str, path: &str) -> bool {
        if self.disallow_all {
            return false;
        }
        let agent = agent.to_ascii_lowercase();
        let named: Vec<&Group> = self
            .groups
            .iter()
            .filter(|g| {
                g.0.iter()
                    .any(|a| a != "*" && agent.starts_with(a.as_str()))
            })
            .collect();
        let groups = if named.is_empty() {
            self.groups
                .iter()
                .filter(|g| g.0.iter().any(|a| a == "*"))
                .collect()
        } else {
            named
        };
        let mut best: Option<(usize, bool)> = None;
        for (allow, pattern) in groups.iter().flat_map(|g| g.1.iter()) {
            if pattern_matches(pattern, path) {
                let len = pattern.len();
                best = match best {
                    Some((l, a)) if l > len || (l == len && a) => Some((l, a)),
                    _ => Some((len, *allow)),
                };
            }
        }
        best.is_none_or(|(_, allow)| allow)
    }
}

/// A robots.txt path pattern: a prefix, with `*` for any run and `$` for the end.
fn pattern_matches(pattern: &str, path: &str) -> bool {
    let (pattern, anchored) = match pattern.strip_suffix('$') {
        Some(p) => (p, true),
        None => (pattern, false),
    };
    let parts: Vec<&str> = pattern.split('*').collect();
    let mut pos = 0;
    for (i, part) in parts.iter().enumerate() {
        if i == 0 {
            if !path.starts_with(part) {
                return false;
            }
            pos = part.len();
        } else if i == parts.len() - 1 && anchored {
            return path.len() >= pos + part.len() && path.ends_with(part);
        } else {
            match path[pos..].find(part) {
                Some(j) => pos += j + part.len(),
                None => return false,
            }
        }
    }
    !anchored || pos == path.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn robots_rules() {
        let r = Robots::parse(
            "User-agent: *\nDisallow: /private/\nAllow: /private/ok\nDisallow: /*.pdf$\n\nUser-agent: badbot\nUser-agent: other\nDisallow: /\n",
        );
        assert!(r.allows("veille", "/news/1"));
        assert!(!r.allows("veille", "/private/x"));
        assert!(r.allows("veille", "/private/ok.html"));
        assert!(!r.allows("veille", "/a/b.pdf"));
        assert!(r.allows("veille", "/a/b.pdf?x=1"));
        assert!(!r.allows("BadBot", "/news/1"));
        assert!(Robots::parse("").allows("veille", "/"));
        assert!(!Robots::disallow_all().allows("veille", "/"));
        let named =
            Robots::parse("User-agent: veille\nDisallow: /x\n\nUser-agent: *\nDisallow: /\n");
        assert!(named.allows("veille", "/news"));
        assert!(!named.allows("veille", "/x/1"));
    }

    #[test]
    fn urls() {
        assert_eq!(
            split_url("HTTPS://News.Example:8443/a/b?c=1#frag"),
            Some(("https://news.example:8443".into(), "/a/b?c=1".into()))
        );
        assert_eq!(
            split_url("http://x.example"),
            Some(("http://x.example".into(), "/".into()))
        );
        assert_eq!(split_url("ftp://x.example/a"), None);
        assert_eq!(split_url("not a url"), None);
    }
}
