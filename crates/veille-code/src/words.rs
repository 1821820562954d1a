//! The word lists the rules read, from `data/lexicon/words.toml`: knowledge
//! of how English and French tell things (which verbs make a side the one
//! hit, which words name a seat of state, ...) kept out of the code.

use std::sync::LazyLock;

const WORDS_TOML: &str = include_str!("../../../data/lexicon/words.toml");

/// The embedded word lists, parsed on first use (the file is compiled in;
/// a test parses it, so a broken file fails the build's tests).
pub(crate) static WORDS: LazyLock<Words> =
    LazyLock::new(|| Words::parse(WORDS_TOML).expect("data/lexicon/words.toml is valid"));

veille_core::word_lists! {
    "words.toml";
    attacker_nouns,
    cumulative_amounts,
    taken_back,
    death_nouns,
    vague_many,
    claim_words,
    kill_claims,
    happened_verbs,
    incident_nouns,
    later_words,
    initial_tolls,
    revised_words,
    other_sources,
    occasions,
    scheduled_for,
    crowd_nouns,
    announced_participles,
    strike_thing_after,
    unconfirmed_deaths,
    capital_money,
    capital_cues_adjectival,
    capital_cues_of,
    capital_whose,
    seats_of_state,
    bare_capital_cues,
    wars,
    ally_cues,
    object_verbs,
    total_words,
    ambush_verbs,
    attack_verbs,
    unit_nouns,
    object_count_words,
    joined_protest,
    armed_nouns,
    political_titles,
    speech_verbs,
    nobody,
    killed_words,
    amount_nouns,
    reason_cues,
    posts,
    government_speech_verbs,
    protest_force_words,
    attributive_nouns,
    not_people_units,
    slogan_cues,
    ground_assault,
    few,
    toll_revisions,
    unreported_tolls,
    superlatives,
    day_words,
    mourning_cues,
    military_units,
    weekdays,
    destination_cues,
    arrest_afterwards,
    clash_words,
    group_nouns,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lists_parse_and_are_lowercase() {
        let words = Words::parse(WORDS_TOML).unwrap();
        assert!(words.object_verbs.contains(&"killed"));
        let all = [
            &words.seats_of_state,
            &words.armed_nouns,
            &words.speech_verbs,
        ];
        for w in all.into_iter().flatten() {
            assert_eq!(*w, w.to_lowercase(), "{w}");
        }
    }

    #[test]
    fn every_seat_of_the_state_is_a_bare_capital_cue() {
        for seat in &WORDS.seats_of_state {
            let bare = format!("the {seat}");
            assert!(WORDS.bare_capital_cues.contains(&bare.as_str()), "{seat}");
        }
    }

    #[test]
    fn a_missing_or_unknown_list_is_an_error() {
        let missing = WORDS_TOML.replace("posts = [", "postes = [");
        let err = Words::parse(&missing).err().unwrap();
        assert!(err.contains("no list `posts`"), "{err}");
        let extra = format!("{WORDS_TOML}\nextra = [\"x\"]\n");
        let err = Words::parse(&extra).err().unwrap();
        assert!(err.contains("unknown list `extra`"), "{err}");
    }
}
