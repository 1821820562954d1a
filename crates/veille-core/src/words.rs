//! Named word lists kept in TOML data files (`data/lexicon/words.toml` for
//! the event coder; `data/geo/cue_words.toml`, which toponym recognition
//! turns into constants at build time, is checked against this reading):
//! knowledge of how English and French say things, out of the code.
//!
//! [`word_lists!`](crate::word_lists) declares the lists a crate reads; the
//! file must hold each of them and no other, so a renamed or forgotten list
//! fails the crate's tests instead of silently matching nothing.

use std::collections::BTreeMap;

/// Parses `text` (the contents of the file named `file`) as a table of
/// lists of strings and takes out `keys`, in their order. Every key must
/// be there and no other. The words live as long as the program (they are
/// parsed once, never freed).
pub fn take_lists(text: &str, file: &str, keys: &[&str]) -> Result<Vec<Vec<&'static str>>, String> {
    let mut table: BTreeMap<String, Vec<String>> =
        toml::from_str(text).map_err(|e| format!("{file}: {e}"))?;
    let lists = keys
        .iter()
        .map(|key| {
            table
                .remove(*key)
                .map(|list| list.into_iter().map(leak).collect())
                .ok_or_else(|| format!("{file} has no list `{key}`"))
        })
        .collect::<Result<Vec<_>, _>>()?;
    match table.keys().next() {
        Some(unknown) => Err(format!("{file}: unknown list `{unknown}`")),
        None => Ok(lists),
    }
}

fn leak(word: String) -> &'static str {
    Box::leak(word.into_boxed_str())
}

/// Declares `struct Words` with one `Vec<&'static str>` field per list and
/// `Words::parse(text)`, which reads them from a TOML file's text (see
/// [`take_lists`]).
///
/// ```
/// veille_core::word_lists! { "example.toml"; colours, shapes }
/// let w = Words::parse("colours = [\"red\"]\nshapes = []").unwrap();
/// assert_eq!(w.colours, ["red"]);
/// assert!(Words::parse("colours = []").is_err());
/// ```
#[macro_export]
macro_rules! word_lists {
    ($file:literal; $($name:ident),* $(,)?) => {
        /// One field per list of the data file, each documented there.
        pub(crate) struct Words {
            $(pub(crate) $name: Vec<&'static str>,)*
        }

        impl Words {
            /// Parses the lists; every list must be there, and no other.
            pub(crate) fn parse(text: &str) -> Result<Words, String> {
                let mut lists = $crate::words::take_lists(
                    text,
                    $file,
                    &[$(stringify!($name)),*],
                )?
                .into_iter();
                Ok(Words { $($name: lists.next().unwrap_or_default(),)* })
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_come_out_in_the_order_asked() {
        let lists = take_lists("b = [\"x\"]\na = [\"y\", \"z\"]", "t.toml", &["a", "b"]).unwrap();
        assert_eq!(lists, vec![vec!["y", "z"], vec!["x"]]);
    }

    #[test]
    fn a_missing_an_unknown_or_a_malformed_list_is_an_error() {
        let err = take_lists("a = []", "t.toml", &["a", "b"]).unwrap_err();
        assert_eq!(err, "t.toml has no list `b`");
        let err = take_lists("a = []\nc = []", "t.toml", &["a"]).unwrap_err();
        assert_eq!(err, "t.toml: unknown list `c`");
        let err = take_lists("a = [1]", "t.toml", &["a"]).unwrap_err();
        assert!(err.starts_with("t.toml: "), "{err}");
    }
}
