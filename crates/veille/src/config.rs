//! Configuration: `veille.toml`, then environment variables, then flags,
//! each overriding the one before. `veille config` prints the result and
//! where each value came from.

use anyhow::{Context, Result};
use serde::Deserialize;
use std::fmt::Display;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

/// The file's keys (all optional).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileConfig {
    db: Option<PathBuf>,
    bind: Option<SocketAddr>,
    gazetteer_extra: Option<Vec<PathBuf>>,
    feeds: Option<PathBuf>,
    user_agent: Option<String>,
    per_host_delay_secs: Option<f64>,
    timeout_secs: Option<f64>,
    max_page_bytes: Option<usize>,
    retries: Option<u32>,
    backoff_secs: Option<f64>,
    api_token: Option<String>,
    alerts_webhook: Option<String>,
    api_cache: Option<bool>,
}

/// Where a value came from.
#[derive(Debug, Clone, PartialEq)]
pub enum Origin {
    Default,
    File(PathBuf),
    Env(&'static str),
    Flag(&'static str),
}

impl Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Origin::Default => write!(f, "default"),
            Origin::File(p) => write!(f, "{}", p.display()),
            Origin::Env(v) => write!(f, "environment {v}"),
            Origin::Flag(n) => write!(f, "flag {n}"),
        }
    }
}

/// A value and where it came from.
#[derive(Debug, Clone)]
pub struct Setting<T> {
    pub value: T,
    pub origin: Origin,
}

impl<T> Setting<T> {
    fn new(value: T) -> Self {
        Setting {
            value,
            origin: Origin::Default,
        }
    }

    fn file(&mut self, v: Option<T>, path: &Path) {
        if let Some(v) = v {
            self.value = v;
            self.origin = Origin::File(path.to_path_buf());
        }
    }

    fn env(&mut self, var: &'static str, parse: impl Fn(&str) -> Result<T>) -> Result<()> {
        if let Some(v) = std::env::var_os(var) {
            let v = v.to_string_lossy();
            if !v.is_empty() {
                self.value = parse(&v).with_context(|| format!("environment variable {var}"))?;
                self.origin = Origin::Env(var);
            }
        }
        Ok(())
    }

    /// A command-line flag, when given, wins.
    pub fn flag(&mut self, v: Option<T>, name: &'static str) {
        if let Some(v) = v {
            self.value = v;
            self.origin = Origin::Flag(name);
        }
    }
}

/// The effective configuration.
#[derive(Debug, Clone)]
pub struct Config {
    /// The file read, if any.
    pub file: Option<PathBuf>,
    pub db: Setting<PathBuf>,
    pub bind: Setting<SocketAddr>,
    pub gazetteer_extra: Setting<Vec<PathBuf>>,
    pub feeds: Setting<PathBuf>,
    pub user_agent: Setting<String>,
    pub per_host_delay_secs: Setting<f64>,
    pub timeout_secs: Setting<f64>,
    pub max_page_bytes: Setting<usize>,
    pub retries: Setting<u32>,
    pub backoff_secs: Setting<f64>,
    /// Bearer token for `POST /api/articles` (none: posting is off).
    pub api_token: Setting<Option<String>>,
    /// URL that `veille alerts --post` sends the alerts to.
    pub alerts_webhook: Setting<Option<String>>,
    /// Keep API answers until the store changes.
    pub api_cache: Setting<bool>,
}

/// A configuration error: the command line or a configuration file is wrong
/// (exit code 2).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

impl Config {
    /// Reads `explicit` (an error if missing), else `./veille.toml` if it
    /// exists, then the environment.
    pub fn load(explicit: Option<&Path>) -> Result<Config> {
        let fetch = veille_sources::fetch::Config::default();
        let mut c = Config {
            file: None,
            db: Setting::new(PathBuf::from("veille.db")),
            bind: Setting::new(SocketAddr::from(([127, 0, 0, 1], 8080))),
            gazetteer_extra: Setting::new(
                Some(PathBuf::from("data/gazetteer/extra"))
                    .filter(|p| p.is_dir())
                    .into_iter()
                    .collect(),
            ),
            feeds: Setting::new(PathBuf::from("feeds.toml")),
            user_agent: Setting::new(fetch.user_agent),
            per_host_delay_secs: Setting::new(fetch.per_host_delay.as_secs_f64()),
            timeout_secs: Setting::new(fetch.timeout.as_secs_f64()),
            max_page_bytes: Setting::new(fetch.max_bytes),
            retries: Setting::new(fetch.retries),
            backoff_secs: Setting::new(fetch.backoff.as_secs_f64()),
            api_token: Setting::new(None),
            alerts_webhook: Setting::new(None),
            api_cache: Setting::new(true),
        };
        let path = match explicit {
            Some(p) if !p.exists() => {
                return Err(UsageError(format!("no configuration file at {}", p.display())).into())
            }
            Some(p) => Some(p.to_path_buf()),
            None => Some(PathBuf::from("veille.toml")).filter(|p| p.exists()),
        };
        if let Some(path) = &path {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("reading {}", path.display()))?;
            let f: FileConfig = toml::from_str(&text)
                .map_err(|e| UsageError(format!("{}: {e}", path.display())))?;
            c.db.file(f.db, path);
            c.bind.file(f.bind, path);
            c.gazetteer_extra.file(f.gazetteer_extra, path);
            c.feeds.file(f.feeds, path);
            c.user_agent.file(f.user_agent, path);
            c.per_host_delay_secs.file(f.per_host_delay_secs, path);
            c.timeout_secs.file(f.timeout_secs, path);
            c.max_page_bytes.file(f.max_page_bytes, path);
            c.retries.file(f.retries, path);
            c.backoff_secs.file(f.backoff_secs, path);
            c.api_token.file(f.api_token.map(Some), path);
            c.alerts_webhook.file(f.alerts_webhook.map(Some), path);
            c.api_cache.file(f.api_cache, path);
            c.file = Some(path.clone());
        }
        let usage = |e: anyhow::Error| anyhow::Error::from(UsageError(format!("{e:#}")));
        c.db.env("VEILLE_DB", |v| Ok(PathBuf::from(v)))
            .map_err(usage)?;
        c.bind
            .env("VEILLE_BIND", |v| Ok(v.parse()?))
            .map_err(usage)?;
        c.gazetteer_extra
            .env("VEILLE_GAZETTEER_EXTRA", |v| {
                Ok(std::env::split_paths(v)
                    .filter(|p| !p.as_os_str().is_empty())
                    .collect())
            })
            .map_err(usage)?;
        c.feeds
            .env("VEILLE_FEEDS", |v| Ok(PathBuf::from(v)))
            .map_err(usage)?;
        c.user_agent
            .env("VEILLE_USER_AGENT", |v| Ok(v.to_string()))
            .map_err(usage)?;
        c.api_token
            .env("VEILLE_API_TOKEN", |v| Ok(Some(v.to_string())))
            .map_err(usage)?;
        c.alerts_webhook
            .env("VEILLE_ALERTS_WEBHOOK", |v| Ok(Some(v.to_string())))
            .map_err(usage)?;
        c.api_cache
            .env("VEILLE_API_CACHE", |v| match v {
                "1" | "true" => Ok(true),
                "0" | "false" => Ok(false),
                _ => anyhow::bail!("expected 0 or 1, got {v:?}"),
            })
            .map_err(usage)?;
        Ok(c)
    }

    /// The fetcher's settings.
    pub fn fetch(&self) -> veille_sources::fetch::Config {
        veille_sources::fetch::Config {
            user_agent: self.user_agent.value.clone(),
            timeout: std::time::Duration::from_secs_f64(self.timeout_secs.value.max(0.1)),
            max_bytes: self.max_page_bytes.value,
            per_host_delay: std::time::Duration::from_secs_f64(
                self.per_host_delay_secs.value.max(0.0),
            ),
            retries: self.retries.value,
            backoff: std::time::Duration::from_secs_f64(self.backoff_secs.value.max(0.0)),
        }
    }

    /// `veille config`: one `key = value  # origin` line each, TOML-shaped.
    pub fn render(&self) -> String {
        fn line<T: serde::Serialize>(key: &str, s: &Setting<T>) -> String {
            let v = toml::Value::try_from(&s.value)
                .map(|v| v.to_string())
                .unwrap_or_else(|_| "?".into());
            format!("{key} = {v}  # {}\n", s.origin)
        }
        let mut out = match &self.file {
            Some(p) => format!("# configuration file: {}\n", p.display()),
            None => "# no configuration file (./veille.toml or --config)\n".to_string(),
        };
        out += &line("db", &self.db);
        out += &line("bind", &self.bind.clone_map(|b| b.to_string()));
        out += &line("gazetteer_extra", &self.gazetteer_extra);
        out += &line("feeds", &self.feeds);
        out += &line("user_agent", &self.user_agent);
        out += &line("per_host_delay_secs", &self.per_host_delay_secs);
        out += &line("timeout_secs", &self.timeout_secs);
        out += &line("max_page_bytes", &self.max_page_bytes);
        out += &line("retries", &self.retries);
        out += &line("backoff_secs", &self.backoff_secs);
        // The token itself is a secret: only whether one is set.
        out += &line(
            "api_token",
            &self
                .api_token
                .clone_map(|t| if t.is_some() { "(set)" } else { "(none)" }),
        );
        out += &line("api_cache", &self.api_cache);
        out += &line(
            "alerts_webhook",
            &self
                .alerts_webhook
                .clone_map(|w| w.clone().unwrap_or_else(|| "(none)".into())),
        );
        out
    }
}

impl<T> Setting<T> {
    fn clone_map<U>(&self, f: impl Fn(&T) -> U) -> Setting<U> {
        Setting {
            value: f(&self.value),
            origin: self.origin.clone(),
        }
    }
}
