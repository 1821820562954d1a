//! Shared types of the veille pipeline.
//!
//! Every stage crate depends on this one and on nothing else of ours
//! except the stages before it. The JSON shape of [`ExtractOutput`] is the
//! project's output contract (see ARCHITECTURE.md): fields may be added,
//! never renamed.

pub mod hash;
pub mod taxonomy;
pub mod text;
pub mod words;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use taxonomy::{EventType, SubEventType};
pub use text::{char_offsets, Span};

/// Error type shared by the pure stages.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The input has no usable article text.
    #[error("no article text: {0}")]
    Empty(String),
    /// The input could not be decoded or parsed.
    #[error("unreadable input: {0}")]
    Unreadable(String),
    /// A data file shipped with veille is malformed.
    #[error("bad data file {file}: {why}")]
    Data { file: String, why: String },
    /// A stage failed on this document: a bug in veille, caught so that the
    /// rest of the batch goes on.
    #[error("internal error (a bug in veille; please report it with this input): {0}")]
    Internal(String),
}

/// What the caller knows about a document before extraction.
#[derive(Debug, Clone, Default)]
pub struct RawDocument {
    /// Raw bytes as read from disk, HTTP or an archive.
    pub bytes: Vec<u8>,
    /// Where it came from, if known.
    pub url: Option<String>,
    /// Publication date supplied by the caller (feed metadata, `--pub-date`).
    /// Takes precedence over dates found in the page.
    pub publication_date: Option<NaiveDate>,
    /// Hint of the content type ("html", "text"); detected when `None`.
    pub kind: Option<DocKind>,
    /// Outlet name supplied by the caller.
    pub outlet: Option<String>,
    /// Charset declared by the transport (an HTTP `Content-Type` header);
    /// used for bytes that are not valid UTF-8, before a `<meta>` charset.
    pub charset: Option<String>,
    /// When the document was fetched or crawled: the publication date only
    /// when neither the caller nor the page gives one.
    pub fallback_date: Option<NaiveDate>,
}

/// The two document kinds the extractor understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DocKind {
    Html,
    Text,
}

/// A line or block dropped from the article as page noise, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RemovedNoise {
    pub text: String,
    pub reason: String,
}

/// The clean article: output of `veille-extract`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable id: hex SHA-256 of the clean text (the content hash).
    pub id: String,
    pub url: Option<String>,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub publication_date: Option<NaiveDate>,
    /// Where the publication date came from ("caller", "meta:article:published_time", ...).
    pub publication_date_source: Option<String>,
    /// ISO 639-1 code ("en", "fr") or "und".
    pub language: String,
    /// Clean text; every span in the output indexes into it in code points.
    pub text: String,
    pub removed_noise: Vec<RemovedNoise>,
    /// Authors the page names (meta tags, JSON-LD, byline markup).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<String>,
    /// Where each metadata field came from: "title", "language", "url",
    /// "outlet", "authors" to a source such as "og:title", "<h1>",
    /// "html lang", "detected", "json-ld:author", "caller".
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub metadata_sources: std::collections::BTreeMap<String, String>,
}

/// A sentence of the clean text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// Byte span in the article text.
    pub span: Span,
    /// Index of the paragraph (blank-line separated block) it belongs to.
    pub paragraph: usize,
}

/// ACLED time precision: 1 day, 2 week or approximate, 3 month or longer.
pub type TimePrecision = u8;

/// What a temporal expression is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateKind {
    /// A day, week, month or relative period that can date an event.
    Date,
    /// A bare year or range of years ("in 2012", "since 2012"): background.
    Year,
    /// A length of time ("for nine years", "ten-year"): never a date.
    Duration,
    /// An age ("aged 50", "25-year-old"): never a date.
    Age,
}

/// How fine a resolved period is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Granularity {
    Day,
    Week,
    Month,
    Year,
}

impl Granularity {
    /// ACLED's time precision: 1 day, 2 week, 3 month or longer.
    pub fn time_precision(&self) -> TimePrecision {
        match self {
            Granularity::Day => 1,
            Granularity::Week => 2,
            Granularity::Month | Granularity::Year => 3,
        }
    }
}

/// A temporal expression, resolved against the publication date when it is
/// a date or a year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateMention {
    pub span: Span,
    pub kind: DateKind,
    /// First day of the period (dates and years).
    pub start: Option<NaiveDate>,
    /// Last day of the period (dates and years).
    pub end: Option<NaiveDate>,
    /// How fine the period is (dates and years).
    pub granularity: Option<Granularity>,
}

impl DateMention {
    /// The resolved period of a datable expression (kind `Date`).
    pub fn event_period(&self) -> Option<(NaiveDate, NaiveDate, TimePrecision)> {
        match (self.kind, self.start, self.end, self.granularity) {
            (DateKind::Date, Some(s), Some(e), Some(g)) => Some((s, e, g.time_precision())),
            _ => None,
        }
    }
}

/// What a number counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuantityKind {
    /// People or things.
    Count,
    Age,
    Money,
    /// Years, durations, times, distances, percentages, days of the month.
    Other,
}

/// A number expression ("eleven", "60,000", "dozens", "a couple").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    pub span: Span,
    pub kind: QuantityKind,
    /// Best single value (ACLED convention for vague amounts).
    pub value: u64,
    /// Lower bound; `None` when unbounded ("up to 20").
    pub low: Option<u64>,
    /// Upper bound; `None` when unbounded ("at least 14").
    pub high: Option<u64>,
    /// The noun counted ("soldiers" in "five Malian soldiers"), lower-cased.
    pub unit: Option<String>,
    /// The words right after the number within the clause (up to four), lower-cased.
    pub head: Option<String>,
}

impl Quantity {
    pub fn is_count(&self) -> bool {
        self.kind == QuantityKind::Count
    }
}

/// A place mention resolved (or not) against the gazetteer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaceMention {
    pub span: Span,
    /// Surface form as written.
    pub text: String,
    pub location: Option<Location>,
    /// Context cue that made this a place ("in", "near", "region", "village of" ...).
    pub cue: Option<String>,
    /// The mention is a demonym or an adjective ("Malian"): tells the country, not a place.
    pub adjectival: bool,
}

/// Where an event happened, as in ACLED.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Location {
    pub name: String,
    pub country: String,
    pub country_code: String,
    pub admin1: Option<String>,
    pub admin2: Option<String>,
    pub admin3: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    /// 1 town, 2 near a town or in a district, 3 region.
    pub geo_precision: u8,
    pub geonames_id: Option<u64>,
    /// Name written in the article when the event was placed at a larger unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub raw_name: Option<String>,
    /// Kind of gazetteer entry: "country", "admin1", "admin2", "place".
    #[serde(default)]
    pub feature: String,
}

/// An actor of an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    pub name: String,
    /// actor1, actor2, assoc_actor_1, assoc_actor_2.
    pub role: String,
    /// ACLED inter code 0-8.
    pub inter: u8,
}

/// The words behind one field of an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    pub field: String,
    /// Offset in code points into `article.text`.
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// A coded event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub id: String,
    pub event_type: EventType,
    pub sub_event_type: SubEventType,
    /// First day of the period when imprecise.
    pub event_date: NaiveDate,
    pub time_precision: TimePrecision,
    pub date_text: String,
    pub location: Option<Location>,
    pub actors: Vec<Actor>,
    pub fatalities: Option<u64>,
    pub fatalities_text: Option<String>,
    /// The lowest and highest tolls of the reports merged into this event
    /// (`fatalities` is the highest, the latest reports' count); absent
    /// for an event from one report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fatalities_low: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fatalities_high: Option<u64>,
    /// People reported injured in this event; `None` when not reported.
    #[serde(default)]
    pub injured: Option<u64>,
    /// People reported abducted, taken hostage or missing; `None` when not reported.
    #[serde(default)]
    pub abducted: Option<u64>,
    /// The clause sums up many incidents (a report of "hundreds killed" over
    /// months): its counts are not one incident's.
    #[serde(default)]
    pub aggregate: bool,
    pub source_attribution: Option<String>,
    pub notes: String,
    pub evidence: Vec<Evidence>,
}

/// The output contract of `veille extract` and of the API.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExtractOutput {
    pub article: Article,
    pub events: Vec<Event>,
    pub places: Vec<PlaceMention>,
    pub warnings: Vec<String>,
}
