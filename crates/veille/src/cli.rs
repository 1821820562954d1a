//! Subcommands.

use anyhow::{bail, Context, Result};
use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};
use std::io::Read;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use veille_core::{ExtractOutput, RawDocument};
use veille_pipeline::Pipeline;
use veille_store::{AnyStore, EventFilter, Store};

use crate::config::{Config, UsageError};
use crate::ingest::{ingest_units, Verbosity};

#[derive(Parser)]
#[command(
    name = "veille",
    version,
    about = "Turns news articles into a geolocated, de-duplicated database of political-violence events (ACLED-style)."
)]
pub struct Cli {
    /// Configuration file (default: ./veille.toml when it exists). Values in it
    /// are overridden by environment variables, which flags override.
    #[arg(long, global = true, env = "VEILLE_CONFIG")]
    pub config: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum OutFormat {
    Json,
    Text,
}

#[derive(Subcommand)]
pub enum Command {
    /// Run the whole pipeline on one article (HTML or text) and print the result; no database.
    ///
    /// Example: veille extract article.html --pub-date 2022-11-24 --format json
    Extract {
        /// File to read, or - for standard input.
        path: String,
        /// Publication date (YYYY-MM-DD); relative dates ("on Monday") resolve against it.
        #[arg(long)]
        pub_date: Option<NaiveDate>,
        /// URL of the article.
        #[arg(long)]
        url: Option<String>,
        #[arg(long, value_enum, default_value = "json")]
        format: OutFormat,
    },
    /// Run the pipeline on files, folders, globs or standard input and write
    /// articles and events to the store.
    ///
    /// Inputs: .html .htm .txt .md (gzipped or not); JSON dumps .jsonl .jsonl.gz
    /// .json (fields url, title, text or html, published, source); WARC and
    /// WARC.gz archives (HTTP responses, as Common Crawl writes them); RSS and
    /// Atom feeds (.rss .atom, or .xml that is a feed). Folders are read
    /// recursively; a quoted pattern such as 'pages/**/*.html' is a glob; - reads
    /// standard input (its format sniffed). A folder may hold a manifest.tsv
    /// (columns file, url, outlet, published) giving metadata. The same article
    /// ingested twice adds nothing. Exit code 1 when some inputs failed (each is
    /// listed with why and recorded in the store), 2 on usage errors.
    ///
    /// Example: veille ingest ./pages 'dumps/*.jsonl.gz' crawl.warc.gz --db events.db
    Ingest {
        /// Files, folders, glob patterns, or - for standard input.
        #[arg(required = true)]
        paths: Vec<String>,
        #[command(flatten)]
        db: DbArg,
        /// No progress bar; print only the final summary line.
        #[arg(long, conflicts_with = "json")]
        quiet: bool,
        /// No progress bar; print the summary as one JSON object.
        #[arg(long)]
        json: bool,
        /// With a PostgreSQL --db: only queue the documents, for `veille worker`s.
        #[arg(long)]
        queue: bool,
    },
    /// Process documents queued in PostgreSQL (`veille ingest --queue`):
    /// any number of workers on any number of machines share the queue
    /// (SELECT ... FOR UPDATE SKIP LOCKED); each job is stored with its
    /// completion in one transaction, retried with backoff, and failed for
    /// good after 3 attempts (`veille failed`, `veille retry`).
    ///
    /// Example: veille worker --db postgres://veille@db-host/veille --exit-when-empty
    Worker {
        #[command(flatten)]
        db: DbArg,
        /// Name in the jobs table (default: host name and process id).
        #[arg(long)]
        name: Option<String>,
        /// Jobs claimed at a time, then stored in one transaction.
        #[arg(long, default_value_t = 32)]
        batch: usize,
        /// Exit when nothing is queued instead of waiting for more.
        #[arg(long)]
        exit_when_empty: bool,
        /// Claim jobs whose worker has not beaten for this many seconds.
        #[arg(long, default_value_t = 60.0)]
        stale_secs: f64,
        /// First retry delay in seconds, doubled at each attempt.
        #[arg(long, default_value_t = 5.0)]
        backoff_secs: f64,
    },
    /// List what failed: jobs failed for good (PostgreSQL) and inputs
    /// recorded as failures, with why.
    ///
    /// Example: veille failed --db postgres://veille@db-host/veille
    Failed {
        #[command(flatten)]
        db: DbArg,
        #[arg(long)]
        json: bool,
    },
    /// Queue failed jobs again (all, or the ids given), attempts reset.
    ///
    /// Example: veille retry --db postgres://veille@db-host/veille 42 43
    Retry {
        #[command(flatten)]
        db: DbArg,
        ids: Vec<i64>,
    },
    /// Code every stored article again, from its stored text (after veille,
    /// its lexicons or its gazetteer changed). Events of the same incident keep
    /// their ids; the changes feed records each update, insert and deletion.
    ///
    /// Example: veille reprocess --db events.db
    Reprocess {
        #[command(flatten)]
        db: DbArg,
        #[arg(long)]
        json: bool,
    },
    /// Show an event, its sources, and why each source was merged into it.
    ///
    /// Example: veille explain ev-52c60501288c5dbf --db events.db
    Explain {
        id: String,
        #[command(flatten)]
        db: DbArg,
    },
    /// Poll RSS/Atom feeds and ingest new articles, politely (robots.txt,
    /// per-host delay, conditional GET, retries with backoff).
    ///
    /// feeds.toml holds `interval_secs = 900` and one [[feed]] table per feed
    /// with `url`, and optionally `interval_secs`, `outlet`, and `fetch_pages =
    /// false` to code the text the feed itself carries.
    ///
    /// Example: veille watch --feeds feeds.toml --db events.db
    Watch {
        /// Feeds file (default: the configuration's `feeds`, else ./feeds.toml).
        #[arg(long)]
        feeds: Option<PathBuf>,
        #[command(flatten)]
        db: DbArg,
        /// Poll every feed once, then exit.
        #[arg(long)]
        once: bool,
    },
    /// Rises in violence: per admin1 and admin2 and event type, the events of
    /// the last 7 days against the 90 days before, flagged when the Poisson
    /// chance of so many at the baseline rate is below 0.01 (at least 3 events).
    ///
    /// Example: veille alerts --db events.db --as-of 2025-04-20 --post
    Alerts {
        #[command(flatten)]
        db: DbArg,
        /// Date the 7-day window ends (default: the latest event date stored).
        #[arg(long)]
        as_of: Option<NaiveDate>,
        /// Print the alerts as JSON.
        #[arg(long)]
        json: bool,
        /// POST the alerts as JSON to the configured alerts_webhook
        /// (VEILLE_ALERTS_WEBHOOK), or to --webhook; nothing is sent when there
        /// are none.
        #[arg(long)]
        post: bool,
        #[arg(long)]
        webhook: Option<String>,
    },
    /// Print the effective configuration and where each value comes from
    /// (veille.toml, then environment variables, then flags).
    ///
    /// Example: VEILLE_DB=events.db veille config
    Config,
    /// Write the stored events (csv: ACLED columns then veille's; geojson; jsonl).
    ///
    /// Example: veille export --format csv --out events.csv --country Mali
    Export {
        #[arg(long, default_value = "csv")]
        format: String,
        /// Output file (standard output when absent).
        #[arg(long)]
        out: Option<PathBuf>,
        #[command(flatten)]
        db: DbArg,
        /// Country name or ISO alpha-2 code.
        #[arg(long)]
        country: Option<String>,
        #[arg(long)]
        admin1: Option<String>,
        /// ACLED event type, e.g. "Battles".
        #[arg(long)]
        event_type: Option<String>,
        #[arg(long)]
        date_from: Option<NaiveDate>,
        #[arg(long)]
        date_to: Option<NaiveDate>,
        /// Only events inserted or changed after this cursor of the changes
        /// feed; the export prints the latest cursor on standard error.
        #[arg(long)]
        since: Option<i64>,
    },
    /// Serve the API and the dashboard.
    ///
    /// Example: veille serve --db events.db --bind 127.0.0.1:8080
    Serve {
        #[command(flatten)]
        db: DbArg,
        /// Address to listen on (default 127.0.0.1:8080; VEILLE_BIND).
        #[arg(long)]
        bind: Option<SocketAddr>,
    },
    /// Sentences, dates and quantities of a text (the nlp stage alone), as JSON.
    ///
    /// Offsets count Unicode code points. Example:
    /// veille nlp --pub-date 2022-11-24 "A camp near Gao was raided on Monday, killing eleven people."
    Nlp {
        /// The text itself, or - to read standard input.
        text: String,
        /// Publication date that relative dates resolve against.
        #[arg(long)]
        pub_date: Option<NaiveDate>,
        /// Language hint (en or fr); the rules cover both at once, so it is informative only.
        #[arg(long)]
        lang: Option<String>,
    },
    /// Gazetteer tools.
    ///
    /// Example: veille gazetteer import --acled acled-mali.csv --out data/gazetteer/extra/acled-mali.tsv
    Gazetteer {
        #[command(subcommand)]
        what: GazetteerCommand,
    },
    /// Evaluate a stage against a public benchmark read from disk.
    ///
    /// Example: veille eval extraction --dataset ../shared/eval/extraction/scrapinghub --verbose
    Eval {
        #[command(subcommand)]
        what: EvalCommand,
    },
    /// Measure speed, on one thread, side by side with a peer where there is one.
    ///
    /// Example: veille bench extract --dataset ../shared/eval/extraction/scrapinghub
    Bench {
        #[command(subcommand)]
        what: BenchCommand,
    },
    /// Build a fresh database from the bundled demo corpus, print a summary and serve the dashboard.
    ///
    /// Example: veille demo --port 8080   (or --no-serve to stop after the summary)
    Demo {
        /// Database file to (re)create.
        #[arg(long, default_value = "veille-demo.db")]
        db: PathBuf,
        #[arg(long, default_value_t = 8080)]
        port: u16,
        /// Exit after the summary instead of serving the dashboard.
        #[arg(long)]
        no_serve: bool,
    },
}

/// Gazetteer subcommands.
#[derive(Subcommand)]
pub enum GazetteerCommand {
    /// Turn the location columns of an ACLED export you hold into a gazetteer
    /// overlay (places GeoNames lacks; known places within 10 km are skipped).
    ///
    /// Example: veille gazetteer import --acled acled-mali.csv --out data/gazetteer/extra/acled-mali.tsv
    Import {
        /// ACLED CSV export (columns country, admin1, admin2, location, latitude, longitude).
        #[arg(long)]
        acled: PathBuf,
        /// Overlay file to write (standard output when absent); put it in
        /// data/gazetteer/extra/ or a folder named by VEILLE_GAZETTEER_EXTRA.
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

/// Benchmarks `veille eval` knows.
#[derive(Subcommand)]
pub enum EvalCommand {
    /// Cross-article de-duplication: reports with gold incident ids go
    /// through the pipeline into a fresh store; pairwise precision and recall
    /// of "these two reports share an event". The last line is `pairwise-F1 0.xxx`.
    ///
    /// Example: veille eval dedup --dataset data/eval/dedup/reports.jsonl --verbose
    Dedup {
        #[arg(long, default_value = "data/eval/dedup/reports.jsonl")]
        dataset: PathBuf,
        /// Print every wrong merge, missed merge and report without an event.
        #[arg(long)]
        verbose: bool,
    },
    /// Score against an ACLED-format export you hold: each row's notes are
    /// coded as an article published on its event_date. The last line is
    /// `event_type macro-F1 X`.
    ///
    /// Example: veille eval acled --csv acled-export.csv --verbose
    Acled {
        #[arg(long)]
        csv: PathBuf,
        /// Print every row where a field differs (gold, then veille's).
        #[arg(long)]
        verbose: bool,
    },
    /// Event classification on CASE 2021 (30 labels, 25 ACLED sub-event types):
    /// micro, macro and weighted F1; the last line is `weighted-F1 0.xxx`.
    ///
    /// Example: veille eval events --dataset ../shared/eval/events/case2021 --verbose
    Events {
        /// Folder holding test_set_final_release_with_labels.tsv.
        #[arg(long, default_value = "../shared/eval/events/case2021")]
        dataset: PathBuf,
        /// Print the per-label table and every miss.
        #[arg(long)]
        verbose: bool,
    },
    /// Geoparsing on LGL or TR-News XML: toponym recognition P/R/F1, and
    /// resolution of the gold toponyms (error in km). The last line is `acc@161 0.xxx`.
    ///
    /// Example: veille eval geoparse --dataset ../shared/eval/geoparse/lgl.xml
    Geoparse {
        /// Corpus file (../shared/eval/geoparse/lgl.xml or TR-News.xml).
        #[arg(long)]
        dataset: PathBuf,
        /// Print every toponym resolved more than 161 km off, or not at all.
        #[arg(long)]
        verbose: bool,
    },
    /// Article extraction on the ScrapingHub benchmark (precision, recall, F1 of 4-token shingles).
    ///
    /// The last line printed is `F1 0.xxx`.
    ///
    /// Example: veille eval extraction --dataset ../shared/eval/extraction/scrapinghub --verbose
    Extraction {
        /// Folder with ground-truth.json and html/*.html.gz.
        #[arg(long, default_value = "../shared/eval/extraction/scrapinghub")]
        dataset: PathBuf,
        /// Print a line per page.
        #[arg(long)]
        verbose: bool,
    },
}

/// Benchmarks `veille bench` runs.
#[derive(Subcommand)]
pub enum BenchCommand {
    /// Extraction pages/s, then trafilatura on the same pages (scripts/bench-trafilatura.sh);
    /// the last line is `ratio_vs_trafilatura N.N`.
    ///
    /// Example: veille bench extract --dataset ../shared/eval/extraction/scrapinghub
    Extract {
        /// Folder of pages: ScrapingHub layout (html/*.html.gz) or *.html files.
        #[arg(long, default_value = "../shared/eval/extraction/scrapinghub")]
        dataset: PathBuf,
        /// Passes over the pages (mean pages/s); veille runs more passes until it has run two seconds.
        #[arg(long, default_value_t = 3)]
        repeat: usize,
        /// Skip the trafilatura run.
        #[arg(long)]
        no_peer: bool,
    },
    /// Articles/s through toponym recognition and resolution (sentence splitting
    /// included) on the texts of a geoparsing corpus.
    ///
    /// Example: veille bench geo --dataset ../shared/eval/geoparse/lgl.xml
    Geo {
        #[arg(long, default_value = "../shared/eval/geoparse/lgl.xml")]
        dataset: PathBuf,
        /// Minimum seconds to run.
        #[arg(long, default_value_t = 2.0)]
        seconds: f64,
    },
    /// Pages/s through `veille ingest` of a WARC.gz archive built from a folder
    /// of pages (one gzipped HTTP response record per page): reading, the whole
    /// pipeline and the SQLite store, timed over the passes after a first one
    /// (reported apart: it compiles the patterns the stages keep). The last
    /// line is `warc_pages_per_second N`.
    ///
    /// Example: veille bench warc --dataset ../shared/eval/extraction/scrapinghub
    Warc {
        /// Folder of pages: ScrapingHub layout (html/*.html.gz) or *.html files.
        #[arg(long, default_value = "../shared/eval/extraction/scrapinghub")]
        dataset: PathBuf,
        /// Timed passes after the first (a fresh database each).
        #[arg(long, default_value_t = 3)]
        repeat: usize,
    },
    /// The API's main query (events of one admin1 from a date, first page)
    /// on a store filled with synthetic events (kept between runs), timed in
    /// process; scripts/bench-api.sh then loads `veille serve` on it with wrk.
    /// The last line is `api_p99_ms N`.
    ///
    /// Example: veille bench api --events 1000000 --db /tmp/veille-bench-1m.db
    Api {
        #[arg(long, default_value_t = 1_000_000)]
        events: usize,
        #[arg(long, default_value = "veille-bench-api.db")]
        db: PathBuf,
        /// Queries timed.
        #[arg(long, default_value_t = 2000)]
        queries: usize,
    },
    /// Articles/s end to end (pipeline and store) on synthetic short
    /// plain-text articles: into a fresh SQLite file on one thread, or, with a
    /// PostgreSQL --db, queued and then processed by --workers worker threads
    /// (in a fresh schema of its own, dropped afterwards).
    ///
    /// Example: veille bench ingest --articles 5000
    Ingest {
        #[arg(long, default_value_t = 5000)]
        articles: usize,
        /// A PostgreSQL URL to measure workers on (default: SQLite).
        #[arg(long)]
        db: Option<String>,
        #[arg(long, default_value_t = 2)]
        workers: usize,
    },
    /// Articles/s through event coding alone (nlp and geo done beforehand) on
    /// the demo corpus.
    ///
    /// Example: veille bench code --seconds 5
    Code {
        /// Minimum seconds to run.
        #[arg(long, default_value_t = 2.0)]
        seconds: f64,
    },
    /// Sentences/s through the nlp stage (sentences, dates, quantities) on the demo corpus
    /// or on the text files of a folder.
    ///
    /// Example: veille bench nlp --seconds 5
    Nlp {
        #[arg(long)]
        dataset: Option<PathBuf>,
        /// Minimum seconds to run.
        #[arg(long, default_value_t = 2.0)]
        seconds: f64,
    },
    /// Time to load the embedded gazetteer (inflating and parsing its files,
    /// building the name index) and the memory it holds once loaded. The
    /// last line is `gazetteer_load_ms N` (the median).
    ///
    /// Example: veille bench gazetteer --repeat 5
    Gazetteer {
        /// Loads timed, each into a fresh gazetteer.
        #[arg(long, default_value_t = 5)]
        repeat: usize,
    },
}

/// The database option shared by subcommands.
#[derive(clap::Args)]
pub struct DbArg {
    /// SQLite database file (default: VEILLE_DB, the configuration's db, else veille.db).
    #[arg(long = "db")]
    pub path: Option<PathBuf>,
}

impl DbArg {
    /// The database path: this flag, else the environment, the file, the default.
    fn resolve(self, cfg: &mut Config) -> PathBuf {
        cfg.db.flag(self.path, "--db");
        cfg.db.value.clone()
    }
}

pub fn run(cli: Cli) -> Result<i32> {
    let mut cfg = Config::load(cli.config.as_deref())?;
    match cli.command {
        Command::Extract {
            path,
            pub_date,
            url,
            format,
        } => {
            let bytes = read_input(&path)?;
            let doc = RawDocument {
                bytes,
                url,
                publication_date: pub_date,
                ..Default::default()
            };
            let out = pipeline(&cfg)?
                .run(&doc)
                .with_context(|| format!("cannot extract {path}"))?;
            // (written, not printed: a closed pipe, `veille extract a.html |
            // head`, is an error main passes over, not a panic)
            let text = match format {
                OutFormat::Json => serde_json::to_string_pretty(&out)? + "\n",
                OutFormat::Text => render_text(&out),
            };
            std::io::Write::write_all(&mut std::io::stdout().lock(), text.as_bytes())?;
            Ok(0)
        }
        Command::Ingest {
            paths,
            db,
            quiet,
            json,
            queue,
        } => {
            let path = db.resolve(&mut cfg);
            let url = path.to_string_lossy().to_string();
            let units = veille_sources::collect(&paths);
            if queue {
                postgres_only(&url, "ingest --queue", "")?;
                let mut store =
                    veille_store::PgStore::connect(&url).context("connecting to PostgreSQL")?;
                let queued = crate::queue::enqueue(&mut store, &units)?;
                println!("queued {queued} documents");
                return Ok(0);
            }
            let pipeline = pipeline(&cfg)?.events_only();
            let mut store =
                AnyStore::open(&url).with_context(|| format!("opening {}", path.display()))?;
            let verbosity = if json {
                Verbosity::Json
            } else if quiet {
                Verbosity::Quiet
            } else {
                Verbosity::Normal
            };
            let report = ingest_units(&pipeline, &mut store, &units, verbosity);
            report.print(verbosity);
            Ok(if report.failed.is_empty() { 0 } else { 1 })
        }
        Command::Watch { feeds, db, once } => {
            cfg.feeds.flag(feeds, "--feeds");
            let feeds = crate::watch::FeedsFile::read(&cfg.feeds.value)?;
            let path = db.resolve(&mut cfg);
            sqlite_only(&path, "watch")?;
            let pipeline = pipeline(&cfg)?.events_only();
            let mut store =
                Store::open(&path).with_context(|| format!("opening {}", path.display()))?;
            let mut fetcher = veille_sources::fetch::Fetcher::new(cfg.fetch());
            crate::watch::run(&feeds, &mut fetcher, &pipeline, &mut store, once)?;
            Ok(0)
        }
        Command::Alerts {
            db,
            as_of,
            json,
            post,
            webhook,
        } => {
            let path = db.resolve(&mut cfg);
            sqlite_only(&path, "alerts")?;
            if !path.exists() {
                bail!(
                    "no database at {} (run veille ingest first, or pass --db)",
                    path.display()
                );
            }
            let alerts = Store::open(&path)?.alerts(as_of)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&alerts)?);
            } else {
                println!(
                    "as of {}: {} alert(s); rule: {}",
                    alerts.as_of.map(|d| d.to_string()).unwrap_or("-".into()),
                    alerts.alerts.len(),
                    alerts.rule
                );
                for a in &alerts.alerts {
                    println!(
                        "{:<8} {:<28} {:<30} last 7 days {:>3}, expected {:.2}, p {:.1e}",
                        a.level,
                        match &a.admin2 {
                            Some(d) => format!("{}, {} ({})", d, a.admin1, a.country),
                            None => format!("{} ({})", a.admin1, a.country),
                        },
                        a.event_type,
                        a.last7,
                        a.expected,
                        a.p_value
                    );
                }
            }
            cfg.alerts_webhook.flag(webhook.map(Some), "--webhook");
            if post && !alerts.alerts.is_empty() {
                let Some(url) = cfg.alerts_webhook.value.clone() else {
                    return Err(UsageError(
                        "--post: no webhook (set alerts_webhook, VEILLE_ALERTS_WEBHOOK or --webhook)".into(),
                    )
                    .into());
                };
                let status = veille_sources::fetch::post_json(
                    &cfg.fetch(),
                    &url,
                    &serde_json::to_value(&alerts)?,
                )
                .with_context(|| format!("posting alerts to {url}"))?;
                eprintln!(
                    "posted {} alert(s) to {url}: HTTP {status}",
                    alerts.alerts.len()
                );
            }
            Ok(0)
        }
        Command::Worker {
            db,
            name,
            batch,
            exit_when_empty,
            stale_secs,
            backoff_secs,
        } => {
            let url = db.resolve(&mut cfg).to_string_lossy().to_string();
            postgres_only(&url, "worker", "")?;
            let pipeline = pipeline(&cfg)?.events_only();
            let mut store =
                veille_store::PgStore::connect(&url).context("connecting to PostgreSQL")?;
            let report = crate::worker::run(
                &mut store,
                &pipeline,
                &crate::worker::Options {
                    name: name.unwrap_or_else(crate::worker::default_name),
                    batch,
                    stale_secs,
                    backoff_secs,
                    exit_when_empty,
                    poll_secs: 1.0,
                },
            )?;
            println!("{}", serde_json::to_string(&report)?);
            Ok(0)
        }
        Command::Failed { db, json } => {
            let url = db.resolve(&mut cfg).to_string_lossy().to_string();
            let mut store = AnyStore::open(&url).with_context(|| format!("opening {url}"))?;
            let jobs = match &mut store {
                AnyStore::Postgres(pg) => Some((pg.failed_jobs()?, pg.queue_counts()?)),
                AnyStore::Sqlite(_) => None,
            };
            let failures = store.failures()?;
            if json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&serde_json::json!({
                        "jobs": jobs.as_ref().map(|j| &j.0),
                        "queue": jobs.as_ref().map(|j| &j.1),
                        "failures": failures.iter().map(|(s, e)| serde_json::json!({"source": s, "error": e})).collect::<Vec<_>>(),
                    }))?
                );
            } else {
                if let Some((failed, counts)) = &jobs {
                    println!(
                        "queue: {} queued, {} running, {} done, {} failed",
                        counts.queued, counts.running, counts.done, counts.failed
                    );
                    for j in failed {
                        println!(
                            "job {} {} (after {} attempts): {}",
                            j.id, j.name, j.attempts, j.error
                        );
                    }
                }
                for (source, error) in &failures {
                    println!("{source}: {error}");
                }
            }
            Ok(0)
        }
        Command::Retry { db, ids } => {
            let url = db.resolve(&mut cfg).to_string_lossy().to_string();
            postgres_only(
                &url,
                "retry",
                ": with SQLite, run veille ingest on the inputs again",
            )?;
            let n = veille_store::PgStore::connect(&url)?.retry(&ids)?;
            println!("queued {n} failed jobs again");
            Ok(0)
        }
        Command::Reprocess { db, json } => {
            let path = db.resolve(&mut cfg);
            let url = path.to_string_lossy().to_string();
            if !veille_store::any::is_postgres(&url) && !path.exists() {
                bail!("no database at {}", path.display());
            }
            let pipeline = pipeline(&cfg)?.events_only();
            let mut store = AnyStore::open(&url).with_context(|| format!("opening {url}"))?;
            let report = store.reprocess(|a| {
                let doc = RawDocument {
                    bytes: a.text.clone().into_bytes(),
                    url: a.url.clone(),
                    outlet: a.outlet.clone(),
                    publication_date: a.publication_date.as_deref().and_then(|d| d.parse().ok()),
                    kind: Some(veille_core::DocKind::Text),
                    ..Default::default()
                };
                pipeline.run(&doc).map_err(|e| e.to_string())
            })?;
            if json {
                println!("{}", serde_json::to_string(&report)?);
            } else {
                for (source, why) in &report.failed {
                    println!("not re-coded {source}: {why}");
                }
                println!(
                    "{} articles re-coded; events {} -> {}: {} updated in place, {} new, {} deleted",
                    report.articles,
                    report.events_before,
                    report.events_after,
                    report.events_updated,
                    report.events_inserted,
                    report.events_deleted
                );
            }
            Ok(0)
        }
        Command::Explain { id, db } => {
            let url = db.resolve(&mut cfg).to_string_lossy().to_string();
            let mut store = AnyStore::open(&url).with_context(|| format!("opening {url}"))?;
            let Some((event, articles)) = store.event(&id)? else {
                bail!("no event {id}");
            };
            let e = &event.event;
            println!(
                "{} | {} / {} | {}",
                e.id, e.event_type, e.sub_event_type, e.event_date
            );
            if let Some(l) = &e.location {
                println!(
                    "place: {} ({}, {})",
                    l.name,
                    l.admin1.as_deref().unwrap_or("-"),
                    l.country
                );
            }
            let range = match (e.fatalities_low, e.fatalities_high) {
                (Some(lo), Some(hi)) if lo != hi => format!(" (reports say {lo} to {hi})"),
                _ => String::new(),
            };
            println!(
                "fatalities: {}{range} | {} source(s), {} outlet(s)",
                e.fatalities
                    .map(|f| f.to_string())
                    .unwrap_or("unknown".into()),
                event.sources.len(),
                event.outlets
            );
            for a in &articles {
                println!(
                    "\n- {} ({}, {})\n  {}",
                    a.title.as_deref().unwrap_or("(no title)"),
                    a.outlet.as_deref().unwrap_or("-"),
                    a.publication_date.as_deref().unwrap_or("-"),
                    a.reason
                );
                for ev in a.evidence.iter().filter(|v| v.field != "notes") {
                    println!("    {}: \"{}\"", ev.field, ev.text);
                }
            }
            Ok(0)
        }
        Command::Config => {
            print!("{}", cfg.render());
            Ok(0)
        }
        Command::Export {
            format,
            out,
            db,
            country,
            admin1,
            event_type,
            date_from,
            date_to,
            since,
        } => {
            let format: veille_server::export::Format = format.parse().map_err(UsageError)?;
            let path = db.resolve(&mut cfg);
            let url = path.to_string_lossy().to_string();
            if !veille_store::any::is_postgres(&url) && !path.exists() {
                bail!(
                    "no database at {} (run veille ingest first, or pass --db)",
                    path.display()
                );
            }
            let mut store = AnyStore::open(&url)?;
            let cursor = store.last_cursor()?;
            let filter = EventFilter {
                country,
                admin1,
                event_type,
                date_from,
                date_to,
                limit: None,
                since,
                ..Default::default()
            };
            let events = store.events(&filter)?;
            match out {
                Some(p) => {
                    let mut f = std::io::BufWriter::new(
                        std::fs::File::create(&p)
                            .with_context(|| format!("creating {}", p.display()))?,
                    );
                    veille_server::export::write(format, &events, &mut f)?;
                    std::io::Write::flush(&mut f)?;
                    eprintln!("wrote {} events to {}", events.len(), p.display());
                }
                None => {
                    veille_server::export::write(format, &events, &mut std::io::stdout().lock())?
                }
            }
            // For the next `--since`.
            eprintln!("cursor {cursor}");
            Ok(0)
        }
        Command::Serve { db, bind } => {
            let path = db.resolve(&mut cfg);
            sqlite_only(&path, "serve")?;
            cfg.bind.flag(bind, "--bind");
            if !path.exists() {
                bail!(
                    "no database at {} (run veille ingest or veille demo first)",
                    path.display()
                );
            }
            runtime()?.block_on(veille_server::serve(
                path,
                cfg.bind.value,
                server_options(&cfg),
            ))?;
            Ok(0)
        }
        Command::Gazetteer {
            what: GazetteerCommand::Import { acled, out },
        } => {
            let gaz = init_gazetteer(&cfg)?;
            let mut reader = csv::Reader::from_path(&acled)
                .with_context(|| format!("reading {}", acled.display()))?;
            let headers = reader.headers()?.clone();
            let mut rows = Vec::new();
            for r in reader.records() {
                let r = r?;
                rows.push(
                    headers
                        .iter()
                        .map(str::to_lowercase)
                        .zip(r.iter().map(str::to_string))
                        .collect(),
                );
            }
            let lines = veille_geo::overlay::rows_from_acled(gaz, &rows)?;
            let text = format!(
                "{}\n# from the ACLED export {} ({} rows, {} new locations); ACLED data: see your ACLED licence terms\n{}",
                veille_geo::overlay::HEADER,
                acled.display(),
                rows.len(),
                lines.len(),
                lines.iter().map(|l| format!("{l}\n")).collect::<String>()
            );
            match out {
                Some(p) => {
                    std::fs::write(&p, text).with_context(|| format!("writing {}", p.display()))?;
                    eprintln!("wrote {} places to {}", lines.len(), p.display());
                }
                None => print!("{text}"),
            }
            Ok(0)
        }
        Command::Nlp {
            text,
            pub_date,
            lang,
        } => {
            let text = if text == "-" {
                String::from_utf8(read_input("-")?).context("standard input is not UTF-8")?
            } else {
                text
            };
            if let Some(l) = &lang {
                if l != "en" && l != "fr" {
                    return Err(UsageError(format!("--lang: expected en or fr, got {l:?}")).into());
                }
            }
            println!(
                "{}",
                serde_json::to_string_pretty(&crate::nlp_json::analysis_json(&text, pub_date))?
            );
            Ok(0)
        }
        Command::Eval {
            what: EvalCommand::Acled { csv, verbose },
        } => {
            if !csv.exists() {
                bail!("no such file: {}", csv.display());
            }
            let s = veille_eval::acled::evaluate(&csv, &pipeline(&cfg)?)?;
            if verbose {
                for m in &s.misses {
                    println!("{m}");
                }
            }
            let share = |n: usize| n as f64 / s.rows.max(1) as f64;
            println!("rows {}, coded {}", s.rows, s.coded);
            println!("event_type accuracy {:.3}", share(s.event_type_right));
            println!(
                "sub_event_type macro-F1 {:.3}",
                veille_eval::acled::macro_f1(&s.sub_types)
            );
            println!("fatalities exact {:.3}", share(s.fatalities_right));
            println!("admin1 accuracy {:.3}", share(s.admin1_right));
            println!("date exact {:.3}", share(s.date_right));
            if s.actor1_rows > 0 {
                println!(
                    "actor1 exact {:.3} (of {} rows with one)",
                    s.actor1_right as f64 / s.actor1_rows as f64,
                    s.actor1_rows
                );
            }
            println!(
                "event_type macro-F1 {:.3}",
                veille_eval::acled::macro_f1(&s.types)
            );
            Ok(0)
        }
        Command::Eval {
            what: EvalCommand::Dedup { dataset, verbose },
        } => {
            if !dataset.exists() {
                bail!(
                    "dataset not found: {} (run from the repository root or pass --dataset)",
                    dataset.display()
                );
            }
            init_gazetteer(&cfg)?;
            crate::eval::dedup(&dataset, verbose)?;
            Ok(0)
        }
        Command::Eval {
            what: EvalCommand::Events { dataset, verbose },
        } => {
            if !dataset.exists() {
                bail!(
                    "dataset not found: {} (see ../shared/eval/events/case2021/README.md)",
                    dataset.display()
                );
            }
            crate::eval::events(&dataset, verbose)?;
            Ok(0)
        }
        Command::Eval {
            what: EvalCommand::Geoparse { dataset, verbose },
        } => {
            if !dataset.exists() {
                bail!(
                    "dataset not found: {} (see ../shared/eval/geoparse/README.md)",
                    dataset.display()
                );
            }
            let gaz = init_gazetteer(&cfg)?;
            crate::eval::geoparse(&dataset, gaz, verbose)?;
            Ok(0)
        }
        Command::Eval {
            what: EvalCommand::Extraction { dataset, verbose },
        } => {
            if !dataset.exists() {
                bail!(
                    "dataset not found: {} (see ../shared/eval/extraction/scrapinghub/README.md)",
                    dataset.display()
                );
            }
            crate::eval::extraction(&dataset, verbose)?;
            Ok(0)
        }
        Command::Bench {
            what:
                BenchCommand::Extract {
                    dataset,
                    repeat,
                    no_peer,
                },
        } => {
            crate::bench::extract(&dataset, repeat.max(1), !no_peer)?;
            Ok(0)
        }
        Command::Bench {
            what: BenchCommand::Geo { dataset, seconds },
        } => {
            if !dataset.exists() {
                bail!("dataset not found: {}", dataset.display());
            }
            let gaz = init_gazetteer(&cfg)?;
            crate::bench::geo(&dataset, seconds, gaz)?;
            Ok(0)
        }
        Command::Bench {
            what: BenchCommand::Warc { dataset, repeat },
        } => {
            init_gazetteer(&cfg)?;
            crate::bench::warc(&dataset, repeat.max(1))?;
            Ok(0)
        }
        Command::Bench {
            what:
                BenchCommand::Api {
                    events,
                    db,
                    queries,
                },
        } => {
            crate::bench::api(&db, events, queries.max(1))?;
            Ok(0)
        }
        Command::Bench {
            what:
                BenchCommand::Ingest {
                    articles,
                    db,
                    workers,
                },
        } => {
            init_gazetteer(&cfg)?;
            crate::bench::ingest(articles.max(1), db.as_deref(), workers)?;
            Ok(0)
        }
        Command::Bench {
            what: BenchCommand::Code { seconds },
        } => {
            let gaz = init_gazetteer(&cfg)?;
            crate::bench::code(seconds, gaz)?;
            Ok(0)
        }
        Command::Bench {
            what: BenchCommand::Gazetteer { repeat },
        } => {
            crate::bench::gazetteer(repeat.max(1))?;
            Ok(0)
        }
        Command::Bench {
            what: BenchCommand::Nlp { dataset, seconds },
        } => {
            crate::bench::nlp(dataset.as_deref(), seconds)?;
            Ok(0)
        }
        Command::Demo { db, port, no_serve } => {
            init_gazetteer(&cfg)?;
            crate::demo::run(&db)?;
            if !no_serve {
                runtime()?.block_on(veille_server::serve(
                    db,
                    SocketAddr::from(([127, 0, 0, 1], port)),
                    server_options(&cfg),
                ))?;
            }
            Ok(0)
        }
    }
}

/// Loads the gazetteer with the user's overlays: the configuration's
/// `gazetteer_extra` (`VEILLE_GAZETTEER_EXTRA`, folders or files separated by
/// ':'), by default `data/gazetteer/extra` when run from the repository.
fn init_gazetteer(cfg: &Config) -> Result<&'static veille_geo::Gazetteer> {
    veille_geo::Gazetteer::init_global(&cfg.gazetteer_extra.value)
        .context("loading gazetteer overlays")
}

/// The pipeline over the gazetteer with the user's overlays.
fn pipeline(cfg: &Config) -> Result<Pipeline> {
    init_gazetteer(cfg)?;
    Ok(Pipeline::new())
}

/// Commands that need the PostgreSQL job queue.
fn postgres_only(db: &str, command: &str, hint: &str) -> Result<()> {
    if !veille_store::any::is_postgres(db) {
        return Err(UsageError(format!(
            "veille {command} needs a PostgreSQL --db (postgres://...){hint}"
        ))
        .into());
    }
    Ok(())
}

/// Commands that read or write the SQLite store only, for now.
fn sqlite_only(db: &Path, command: &str) -> Result<()> {
    if veille_store::any::is_postgres(&db.to_string_lossy()) {
        return Err(UsageError(format!(
            "veille {command} works on a SQLite --db for now (PostgreSQL: ingest, worker, failed, retry, reprocess, explain, export)"
        ))
        .into());
    }
    Ok(())
}

fn server_options(cfg: &Config) -> veille_server::Options {
    veille_server::Options {
        token: cfg.api_token.value.clone(),
        max_body: cfg.max_page_bytes.value,
        cache: cfg.api_cache.value,
    }
}

fn runtime() -> Result<tokio::runtime::Runtime> {
    Ok(tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?)
}

fn read_input(path: &str) -> Result<Vec<u8>> {
    if path == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .context("reading standard input")?;
        return Ok(buf);
    }
    let p = Path::new(path);
    if !p.exists() {
        bail!("no such file: {path}");
    }
    std::fs::read(p).with_context(|| format!("reading {}", p.display()))
}

/// Human-readable rendering of an extraction.
pub fn render_text(out: &ExtractOutput) -> String {
    use std::fmt::Write;
    let mut s = String::new();
    let a = &out.article;
    let _ = writeln!(s, "title:     {}", a.title.as_deref().unwrap_or("-"));
    let _ = writeln!(
        s,
        "published: {}",
        a.publication_date
            .map(|d| d.to_string())
            .unwrap_or("-".into())
    );
    let _ = writeln!(s, "language:  {}", a.language);
    let _ = writeln!(s, "noise removed: {}", out.article.removed_noise.len());
    let _ = writeln!(s, "events:    {}", out.events.len());
    for e in &out.events {
        let loc = e
            .location
            .as_ref()
            .map(|l| {
                format!(
                    "{} ({}, {}), precision {}",
                    l.name,
                    l.admin1.as_deref().unwrap_or("-"),
                    l.country,
                    l.geo_precision
                )
            })
            .unwrap_or("-".into());
        let _ = writeln!(
            s,
            "\n  {} | {} / {}\n  date: {} (precision {}, \"{}\")\n  place: {}\n  fatalities: {}\n  actors: {}\n  notes: {}",
            e.id,
            e.event_type,
            e.sub_event_type,
            e.event_date,
            e.time_precision,
            e.date_text,
            loc,
            e.fatalities.map(|f| f.to_string()).unwrap_or("unknown".into()),
            e.actors.iter().map(|x| format!("{}: {}", x.role, x.name)).collect::<Vec<_>>().join("; "),
            e.notes
        );
    }
    for w in &out.warnings {
        let _ = writeln!(s, "warning: {w}");
    }
    s
}
