//! The pure pipeline for one document: extract -> nlp -> geo -> code.
//!
//! No I/O here: callers (the CLI, the server, workers) read the bytes and
//! hand the output to the store.

use veille_core::{char_offsets, Error, ExtractOutput, PlaceMention, RawDocument, Span};
use veille_geo::Gazetteer;

/// The loaded knowledge (gazetteer, lexicons) the stages need.
pub struct Pipeline {
    gazetteer: &'static Gazetteer,
    lexicon: &'static veille_code::Lexicon,
}

impl Default for Pipeline {
    fn default() -> Self {
        Self::new()
    }
}

impl Pipeline {
    /// Loads the embedded data (once per process).
    pub fn new() -> Pipeline {
        Pipeline {
            gazetteer: Gazetteer::global(),
            lexicon: veille_code::lexicon(),
        }
    }

    /// Runs every stage on one document.
    ///
    /// Errors only when the document has no article text; everything the
    /// coder could not decide is in `warnings`.
    /// A panic in a stage is caught and returned as [`Error::Internal`], so
    /// one document never aborts a batch.
    pub fn run(&self, doc: &RawDocument) -> Result<ExtractOutput, Error> {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.stages(doc))).unwrap_or_else(
            |panic| {
                let why = panic
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "panic".into());
                Err(Error::Internal(why))
            },
        )
    }

    fn stages(&self, doc: &RawDocument) -> Result<ExtractOutput, Error> {
        let article = veille_extract::extract(doc)?;
        let nlp = veille_nlp::analyze(&article.text, article.publication_date);
        let geo = veille_geo::find_places(&article.text, &nlp.sentences, self.gazetteer);
        let coded = veille_code::code_article(&article, &nlp, &geo, self.gazetteer, self.lexicon);
        let mut warnings = coded.warnings;
        if article.publication_date.is_none() {
            warnings.push(
                "no publication date found: relative dates were not resolved (use --pub-date)"
                    .into(),
            );
        }
        let text = &article.text;
        // Output offsets count code points, like evidence spans.
        let places = geo
            .toponyms
            .into_iter()
            .map(|t| {
                let (start, end) = char_offsets(text, t.mention.span);
                PlaceMention {
                    span: Span { start, end },
                    ..t.mention
                }
            })
            .collect();
        let mut events = coded.events;
        veille_dedup::sort_events(&mut events);
        Ok(ExtractOutput {
            article,
            events,
            places,
            warnings,
        })
    }
}
