//! Spans and the byte / code-point offset conversion used for evidence.

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into a UTF-8 string.
///
/// Stages work in bytes (cheap slicing); the output contract counts code
/// points, converted once by [`char_offsets`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The text under the span.
    pub fn of<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// Converts a byte span into code-point offsets of the same text.
pub fn char_offsets(text: &str, span: Span) -> (usize, usize) {
    let start = text[..span.start].chars().count();
    let len = text[span.start..span.end].chars().count();
    (start, start + len)
}

/// `text` lower-cased a run of ASCII at a time (most of any English or
/// French text); each other character is handed to `other` with the output
/// so far, which appends what it stands for, or answers `false` to give up
/// (then `None`).
pub fn lowercase_by_runs(
    text: &str,
    mut other: impl FnMut(char, &mut String) -> bool,
) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    loop {
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        let from = out.len();
        out.push_str(&rest[..ascii]);
        out[from..].make_ascii_lowercase();
        rest = &rest[ascii..];
        let Some(c) = rest.chars().next() else {
            return Some(out);
        };
        if !other(c, &mut out) {
            return None;
        }
        rest = &rest[c.len_utf8()..];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_points_not_bytes() {
        let text = "à Ménaka, mardi";
        let start = text.find("Ménaka").unwrap();
        let span = Span::new(start, start + "Ménaka".len());
        assert_eq!(char_offsets(text, span), (2, 8));
        let chars: Vec<char> = text.chars().collect();
        assert_eq!(chars[2..8].iter().collect::<String>(), "Ménaka");
    }
}
