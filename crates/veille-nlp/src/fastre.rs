//! Regexes with ASCII word boundaries, checked for Unicode ones afterwards.
//!
//! A Unicode `\b` makes the regex crate's lazy DFA give up on any non-ASCII
//! text (a curly quote, an accented letter) and fall back to its NFA
//! simulation, about ten times slower: on real news pages the date patterns
//! took half of the whole pipeline's time. An ASCII `\b` keeps the DFA; the
//! Unicode rule is restored by rejecting matches that begin or end inside a
//! word (a letter or digit, of any script, on both sides of the edge).
//! Inside a match the boundaries are ASCII ones, and a pattern must not put
//! `\b` next to a non-ASCII letter of its own (`\bâgée` could never match).

use regex::{Captures, Match, Regex};

/// A regex whose `\b` are ASCII word boundaries; matches that start or end
/// inside a Unicode word are skipped.
#[derive(Debug, Clone)]
pub struct FastRegex(Regex);

impl FastRegex {
    /// Compiles `pattern`, its `\b` turned into `(?-u:\b)`.
    pub fn new(pattern: &str) -> Result<FastRegex, regex::Error> {
        Regex::new(&pattern.replace(r"\b", r"(?-u:\b)")).map(FastRegex)
    }

    pub fn captures_iter<'r, 'h: 'r>(
        &'r self,
        hay: &'h str,
    ) -> impl Iterator<Item = Captures<'h>> + 'r {
        self.0.captures_iter(hay).filter(move |c| {
            c.get(0)
                .is_some_and(|m| unicode_bounded(hay, m.start(), m.end()))
        })
    }

    pub fn find_iter<'r, 'h: 'r>(&'r self, hay: &'h str) -> impl Iterator<Item = Match<'h>> + 'r {
        self.0
            .find_iter(hay)
            .filter(move |m| unicode_bounded(hay, m.start(), m.end()))
    }
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Whether `hay[start..end]` neither begins nor ends in the middle of a word.
pub fn unicode_bounded(hay: &str, start: usize, end: usize) -> bool {
    let m = &hay[start..end];
    let cut_before = m.chars().next().is_some_and(is_word)
        && hay[..start].chars().next_back().is_some_and(is_word);
    let cut_after = m.chars().next_back().is_some_and(is_word)
        && hay[end..].chars().next().is_some_and(is_word);
    !cut_before && !cut_after
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unicode_words_are_not_cut() {
        let re = FastRegex::new(r"(?i)\b(mai|avril)\b").unwrap();
        let found: Vec<&str> = re
            .find_iter("le maïs, en mai, éavril, Avril « mai »")
            .map(|m| m.as_str())
            .collect();
        assert_eq!(found, ["mai", "Avril", "mai"]);
        let digits = FastRegex::new(r"\b\d+\b").unwrap();
        let found: Vec<&str> = digits
            .find_iter("é12 x 34 ½5")
            .map(|m| m.as_str())
            .collect();
        assert_eq!(found, ["34"]);
    }
}
