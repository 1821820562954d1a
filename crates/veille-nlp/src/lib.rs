//! Language-level normalisation of clean article text, English and French:
//! [`sentences`], [`dates`] resolved against the publication date, and
//! [`numbers`] (quantities with bounds). Pure functions of the text.

pub mod dates;
mod fastre;
pub mod numbers;
pub mod sentences;

pub use dates::find_dates;
pub use numbers::find_quantities;
pub use sentences::split_sentences;

use chrono::NaiveDate;
use veille_core::{DateMention, Quantity, Sentence};

/// Everything this stage finds in one article.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub sentences: Vec<Sentence>,
    pub dates: Vec<DateMention>,
    pub quantities: Vec<Quantity>,
}

/// Runs the whole stage on a clean text.
///
/// A number inside a date, an age or a length of time ("on Thursday, April
/// 2,", "for two years") counts nothing: it is no count (an age stays one,
/// of kind age).
pub fn analyze(text: &str, publication_date: Option<NaiveDate>) -> Analysis {
    let dates = find_dates(text, publication_date);
    let mut quantities = find_quantities(text);
    quantities.retain(|q| !q.is_count() || !dates.iter().any(|d| d.span.overlaps(q.span)));
    Analysis {
        sentences: split_sentences(text),
        dates,
        quantities,
    }
}
