//! Subcommands.

use anyhow::{bail, Context, Result};
use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};
use std::io::Read;
use std::path::Path;
use veille_core::{ExtractOutput, RawDocument};
use veille_pipeline::Pipeline;

#[derive(Parser)]
#[command(name = "veille", version, about = "Turns news articles into a geolocated, de-duplicated database of political-violence events (ACLED-style).")]
pub struct Cli {
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
}

pub fn run(cli: Cli) -> Result<i32> {
    match cli.command {
        Command::Extract { path, pub_date, url, format } => {
            let bytes = read_input(&path)?;
            let doc = RawDocument { bytes, url, publication_date: pub_date, ..Default::default() };
            let out = Pipeline::new().run(&doc).with_context(|| format!("cannot extract {path}"))?;
            match format {
                OutFormat::Json => println!("{}", serde_json::to_string_pretty(&out)?),
                OutFormat::Text => print!("{}", render_text(&out)),
            }
            Ok(0)
        }
    }
}

fn read_input(path: &str) -> Result<Vec<u8>> {
    if path == "-" {
        let mut buf = Vec::new();
        std::io::stdin().read_to_end(&mut buf).context("reading standard input")?;
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
    let _ = writeln!(s, "published: {}", a.publication_date.map(|d| d.to_string()).unwrap_or("-".into()));
    let _ = writeln!(s, "language:  {}", a.language);
    let _ = writeln!(s, "noise removed: {}", out.article.removed_noise.len());
    let _ = writeln!(s, "events:    {}", out.events.len());
    for e in &out.events {
        let loc = e.location.as_ref().map(|l| format!("{} ({}, {})", l.name, l.admin1.as_deref().unwrap_or("-"), l.country)).unwrap_or("-".into());
        let _ = writeln!(
            s,
            "\n  {} | {} / {}\n  date: {} (precision {}, \"{}\")\n  place: {}\n  fatalities: {}\n  actors: {}\n  {}",
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

