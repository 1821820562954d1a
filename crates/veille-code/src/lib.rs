//! Event coding: from a clean article and the nlp and geo analyses to ACLED
//! events, each field backed by evidence spans.
//!
//! Per sentence: triggers ([`lexicon`]) minus modal or negated ones; the
//! highest-priority trigger class, read with the actors and victims around
//! it, gives the event type and sub-type ([`rules`]); then date, place,
//! actors, fatalities and source attribution from the same sentence, with
//! documented fall-backs. Sentences dated only in past years are history and
//! give no event. Events of one article describing the same incident are
//! merged.

pub mod lexicon;
pub mod rules;
mod words;

pub use lexicon::Lexicon;
pub use rules::{classify, code_article, code_prescanned, Label, Prescan};

use std::sync::OnceLock;

/// The embedded lexicon, loaded on first use.
pub fn lexicon() -> &'static Lexicon {
    static L: OnceLock<Lexicon> = OnceLock::new();
    L.get_or_init(|| Lexicon::embedded().expect("embedded lexicons are valid"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn embedded_lexicons_parse() {
        let l = super::Lexicon::embedded().unwrap();
        assert!(l.classes.len() >= 20);
        assert!(l.actors.iter().any(|a| a.name == "Islamic State (Sahel)"));
    }
}
