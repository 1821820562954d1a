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

/// Stretches of a text where matches may lie: every match of the regexes
/// searched with [`FastRegex::captures_in`] contains one of the anchors the
/// windows were built from and reaches at most [`Windows::REACH`] bytes
/// before or after it. The rest of the text is not searched.
#[derive(Debug, Clone)]
pub struct Windows(Vec<(usize, usize)>);

impl Windows {
    /// Bytes a match may reach before and after its anchor.
    pub const REACH: usize = 96;

    /// Windows around the given anchors (byte spans, in order of start).
    pub fn around(hay: &str, anchors: impl Iterator<Item = (usize, usize)>) -> Windows {
        let mut out: Vec<(usize, usize)> = Vec::new();
        for (s, e) in anchors {
            let mut ws = s.saturating_sub(Self::REACH);
            while !hay.is_char_boundary(ws) {
                ws -= 1;
            }
            let mut we = (e + Self::REACH).min(hay.len());
            while !hay.is_char_boundary(we) {
                we += 1;
            }
            // Not inside a word: the end of the window is a word's end.
            we += hay[we..]
                .char_indices()
                .find(|&(_, c)| !is_word(c))
                .map_or(hay.len() - we, |(i, _)| i);
            match out.last_mut() {
                Some(last) if ws <= last.1 => last.1 = last.1.max(we),
                _ => out.push((ws, we)),
            }
        }
        Windows(out)
    }

    /// The whole text as one window.
    #[cfg(test)]
    pub fn whole(hay: &str) -> Windows {
        Windows(vec![(0, hay.len())])
    }
}

impl FastRegex {
    /// The matches of [`FastRegex::captures_iter`] that lie in `windows`:
    /// all of them when every match holds an anchor and stays within reach.
    pub fn captures_in<'h>(&self, hay: &'h str, windows: &Windows) -> Vec<Captures<'h>> {
        let mut out = Vec::new();
        for &(ws, we) in &windows.0 {
            // The text up to the window's end (it ends after a word), searched
            // from its start: look-behind sees the text before.
            let sub = &hay[..we];
            let mut pos = ws;
            while pos < we {
                let Some(c) = self.0.captures_at(sub, pos) else {
                    break;
                };
                let m = c.get(0).expect("match");
                pos = if m.end() > m.start() {
                    m.end()
                } else {
                    m.end() + sub[m.end()..].chars().next().map_or(1, char::len_utf8)
                };
                if unicode_bounded(hay, m.start(), m.end()) {
                    out.push(c);
                }
            }
        }
        out
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
