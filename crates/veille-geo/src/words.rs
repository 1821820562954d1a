//! The cue words toponym recognition reads, from
//! `data/geo/cue_words.toml`: the words around a name that say it is a
//! place, a person, a street or an institution, in English and French,
//! kept out of the code. `build.rs` turns each list into a constant array
//! named after it (`region_heads` is `REGION_HEADS`): the recogniser asks
//! them about every token, and constants cost nothing to reach. A list the
//! code names and the file lacks fails the build.

include!(concat!(env!("OUT_DIR"), "/cue_words.rs"));

#[cfg(test)]
mod tests {
    use super::*;

    const CUE_WORDS_TOML: &str = include_str!("../../../data/geo/cue_words.toml");

    #[test]
    fn the_build_reads_the_file_as_a_toml_parser_does() {
        let names: Vec<&str> = ALL.iter().map(|(name, _)| *name).collect();
        let lists =
            veille_core::words::take_lists(CUE_WORDS_TOML, "cue_words.toml", &names).unwrap();
        assert_eq!(lists.len(), ALL.len());
        for ((name, built), parsed) in ALL.iter().zip(&lists) {
            assert_eq!(built, parsed, "{name}");
            assert!(!built.is_empty(), "{name}");
        }
    }

    #[test]
    fn lists_compared_lowercased_are_lowercase_and_the_others_capitalised() {
        // The street lists and the name prefixes keep their case.
        let cased = [
            NAME_PREFIXES,
            STREET_SUFFIXES,
            STREET_ABBREVIATIONS,
            NUMBERED_ROADS,
            NOT_STREET_NAMES,
        ];
        for (name, words) in ALL {
            for w in *words {
                if cased.contains(words) {
                    assert!(w.starts_with(char::is_uppercase), "{name}: {w}");
                } else {
                    assert_eq!(*w, w.to_lowercase(), "{name}: {w}");
                }
            }
        }
    }
}
