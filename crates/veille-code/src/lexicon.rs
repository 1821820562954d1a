//! The coder's knowledge, loaded from `data/lexicon/triggers.toml` and
//! `data/actors.toml` (embedded at build time).

use aho_corasick::{AhoCorasick, MatchKind};
use serde::Deserialize;
use std::collections::HashMap;
use veille_core::{Error, Span};

const TRIGGERS_TOML: &str = include_str!("../../../data/lexicon/triggers.toml");
const ACTORS_TOML: &str = include_str!("../../../data/actors.toml");

#[derive(Deserialize)]
struct TriggerFile {
    class: Vec<ClassDef>,
    modality: Terms,
    support: Terms,
    death: Terms,
    not_dead: Terms,
    people: Terms,
    things: Terms,
    singular: SingularDef,
    seizure: Terms,
    weapons: Terms,
    injured: Terms,
    abducted: Terms,
    aggregate: AggregateDef,
    #[serde(default)]
    combination: Vec<CombinationDef>,
    background: Terms,
    grievance: Terms,
    verbs: Terms,
    #[serde(default)]
    mask: Vec<MaskDef>,
}

#[derive(Deserialize)]
struct MaskDef {
    class: String,
    terms: Vec<String>,
}

#[derive(Deserialize)]
struct CombinationDef {
    class: String,
    within: usize,
    #[serde(default)]
    noun_first: bool,
    verbs: Vec<String>,
    nouns: Vec<String>,
}

#[derive(Deserialize)]
struct AggregateDef {
    terms: Vec<String>,
    report_cues: Vec<String>,
}

#[derive(Deserialize)]
struct ClassDef {
    name: String,
    priority: u32,
    #[serde(default)]
    kind: Option<String>,
    terms: Vec<String>,
}

#[derive(Deserialize)]
struct Terms {
    terms: Vec<String>,
}

#[derive(Deserialize)]
struct SingularDef {
    terms: HashMap<String, u64>,
}

#[derive(Deserialize)]
struct ActorFile {
    actor: Vec<ActorDef>,
}

/// One actor of `data/actors.toml`.
#[derive(Debug, Clone, Deserialize)]
pub struct ActorDef {
    pub name: String,
    pub inter: u8,
    pub kind: String,
    pub country: Option<String>,
    /// A jihadist group: what "other jihadists" in a story about a rival
    /// group refers to.
    #[serde(default)]
    pub jihadist: bool,
    /// Aliases that name this actor only next to a demonym ("Israeli air
    /// strikes", "frappes aériennes russes"): alone they name no side.
    #[serde(default)]
    pub demonym_only: bool,
    /// What the actor became on a date: ACLED names the Taliban "Military
    /// Forces of Afghanistan (2021-)" from 15 August 2021.
    #[serde(default)]
    pub became: Option<Successor>,
    /// The actor's name in some countries, by the country's name as veille
    /// writes it: the Islamic State is "Islamic State (Sahel)" in Mali,
    /// "Islamic State ({country})" elsewhere.
    #[serde(default)]
    pub by_country: std::collections::BTreeMap<String, String>,
    /// A community whose armed men ACLED codes as its ethnic militia: its
    /// name with the words that say they are armed or fight ("Murle
    /// youths", "armed Murle", "Meitei mob") are aliases too.
    #[serde(default)]
    pub community: Option<String>,
    pub aliases: Vec<String>,
}

/// The aliases a community's name makes with the words that say its men
/// are armed or fight ("Murle youths", "armed Murle", "miliciens murle").
fn community_aliases(name: &str) -> Vec<String> {
    const AFTER: &[&str] = &[
        "militia",
        "militias",
        "militiamen",
        "gunmen",
        "fighters",
        "militants",
        "youths",
        "youth",
        "mob",
        "mobs",
    ];
    const BEFORE: &[&str] = &["armed", "milice", "milices", "miliciens"];
    AFTER
        .iter()
        .map(|w| format!("{name} {w}"))
        .chain(BEFORE.iter().map(|w| format!("{w} {name}")))
        .collect()
}

impl ActorDef {
    /// A description of whoever it is in the event's country ("Unidentified
    /// Armed Group ({country})", "Civilians ({country})"), not a named
    /// actor. A named group with names by country (the Islamic State's
    /// branches) is named, even when its other name is a template.
    pub fn generic(&self) -> bool {
        self.name.contains("{country}") && self.by_country.is_empty()
    }

    /// The name template for an event in `country`.
    pub fn name_in(&self, country: &str) -> &str {
        self.by_country
            .get(country)
            .map(String::as_str)
            .unwrap_or(&self.name)
    }
}

/// An actor's identity from a date on.
#[derive(Debug, Clone, Deserialize)]
pub struct Successor {
    /// First day of the new identity.
    pub from: chrono::NaiveDate,
    pub name: String,
    pub inter: u8,
}

/// A phrase list matched on word boundaries.
pub struct PhraseSet(PhraseSets);

/// Several phrase lists searched in one pass over a text.
pub struct PhraseSets {
    /// Matches lower-cased text (case-insensitive phrases).
    folded: AhoCorasick,
    /// The set and entry of each folded pattern.
    folded_tags: Vec<(usize, usize)>,
    /// Matches the original text (acronyms).
    exact: AhoCorasick,
    exact_tags: Vec<(usize, usize)>,
    sets: usize,
}

/// A phrase found in a text: which entry, where.
#[derive(Debug, Clone, Copy)]
pub struct Hit {
    pub id: usize,
    pub span: Span,
}

fn is_acronym(s: &str) -> bool {
    s.chars().filter(|c| c.is_uppercase()).count() >= 2
}

/// Lower-cases without changing byte offsets (characters whose lower case
/// has another UTF-8 length are kept as they are).
pub fn lower_same_len(text: &str) -> String {
    // Most sentences of English and French news are ASCII: a byte-wise copy.
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    // Otherwise runs of ASCII are lower-cased whole, then the character after
    // each run on its own.
    veille_core::text::lowercase_by_runs(text, |c, out| {
        let mut l = c.to_lowercase();
        out.push(match (l.next(), l.next()) {
            (Some(x), None) if x.len_utf8() == c.len_utf8() => x,
            _ => c,
        });
        true
    })
    .expect("never given up")
}

impl PhraseSets {
    /// Each set is its phrases (`(phrase, entry id)`) and whether phrases
    /// with two or more capitals match exactly (acronyms); all others match
    /// case-insensitively.
    pub fn new(sets: &[(&[(String, usize)], bool)]) -> Result<PhraseSets, Error> {
        let (mut fp, mut ft, mut ep, mut et) = (vec![], vec![], vec![], vec![]);
        for (set, (phrases, case_by_acronym)) in sets.iter().enumerate() {
            for (p, id) in phrases.iter() {
                if *case_by_acronym && is_acronym(p) {
                    ep.push(p.clone());
                    et.push((set, *id));
                } else {
                    fp.push(lower_same_len(p));
                    ft.push((set, *id));
                }
            }
        }
        let build = |pats: &[String]| {
            // A DFA: more memory, searched about twice as fast as the
            // default NFA over every article's whole text. Every match,
            // overlapping ones too, so that one pass serves all the sets and
            // a longer phrase that is no whole word ("hand grenade" in "hand
            // grenades") hides no shorter one ("grenades").
            AhoCorasick::builder()
                .match_kind(MatchKind::Standard)
                .kind(Some(aho_corasick::AhoCorasickKind::DFA))
                .build(pats)
                .map_err(|e| Error::Data {
                    file: "lexicon".into(),
                    why: e.to_string(),
                })
        };
        Ok(PhraseSets {
            folded: build(&fp)?,
            folded_tags: ft,
            exact: build(&ep)?,
            exact_tags: et,
            sets: sets.len(),
        })
    }

    /// Whole-word hits in `text` (with `lower` its [`lower_same_len`]), per
    /// set: where hits of one set overlap, the one starting first wins, then
    /// the longer, then the lower entry id.
    pub fn find_all(&self, text: &str, lower: &str) -> Vec<Vec<Hit>> {
        let boundary = |s: usize, e: usize| {
            let before = text[..s]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            // (a term ending in an elision runs into its word: "d'un")
            let elided = text[..e].ends_with(['\'', '’']);
            let after = elided
                || text[e..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric());
            before && after
        };
        let mut per_set: Vec<Vec<Hit>> = vec![Vec::new(); self.sets];
        for (ac, hay, tags) in [
            (&self.folded, lower, &self.folded_tags),
            (&self.exact, text, &self.exact_tags),
        ] {
            for m in ac.find_overlapping_iter(hay) {
                if boundary(m.start(), m.end()) {
                    let (set, id) = tags[m.pattern().as_usize()];
                    per_set[set].push(Hit {
                        id,
                        span: Span::new(m.start(), m.end()),
                    });
                }
            }
        }
        for hits in &mut per_set {
            // Sorted by start, a hit overlaps a kept one exactly when it
            // starts before the furthest end kept so far.
            hits.sort_by_key(|h| (h.span.start, std::cmp::Reverse(h.span.len()), h.id));
            let mut end = 0;
            let mut kept = 0;
            for i in 0..hits.len() {
                let h = hits[i];
                if kept == 0 || h.span.start >= end {
                    end = end.max(h.span.end);
                    hits[kept] = h;
                    kept += 1;
                }
            }
            hits.truncate(kept);
        }
        per_set
    }
}

impl PhraseSet {
    /// `phrases[i]` belongs to entry `ids[i]`. With `case_by_acronym`, phrases
    /// with two or more capitals match exactly, the others case-insensitively;
    /// without, all match case-insensitively.
    pub fn new(phrases: &[(String, usize)], case_by_acronym: bool) -> Result<PhraseSet, Error> {
        Ok(PhraseSet(PhraseSets::new(&[(phrases, case_by_acronym)])?))
    }

    /// Whole-word hits in `text` (with `lower` its [`lower_same_len`]); where
    /// two overlap, the one starting first wins, then the longer.
    pub fn find(&self, text: &str, lower: &str) -> Vec<Hit> {
        self.0.find_all(text, lower).pop().unwrap_or_default()
    }
}

/// An event-trigger class.
#[derive(Debug, Clone)]
pub struct TriggerClass {
    pub name: String,
    pub priority: u32,
    /// The class reports something that is not a conflict event (a flood, a
    /// crime, a diplomatic step, a claim of responsibility).
    pub not_event: bool,
}

/// The words of `s` (runs of letters, digits and hyphens) with their offsets.
/// Whether a flag or an effigy is what a burning word at `span` burnt,
/// within four words of the same clause ("burned US and Belgian flags",
/// "brûlé des drapeaux français"): a gesture at a protest, no property
/// destroyed. `lower` is the text lower-cased.
fn burns_a_symbol(lower: &str, span: Span) -> bool {
    const SYMBOLS: &[&str] = &[
        "flag", "flags", "effigy", "effigies", "drapeau", "drapeaux", "effigie",
    ];
    let rest = &lower[span.end..];
    let rest = &rest[..rest.find(['.', ';', ',', '\n']).unwrap_or(rest.len())];
    // (another verb first is another deed: "setting a door alight and
    // waving Russian flags")
    for (_, w) in words(rest).take(4) {
        if SYMBOLS.contains(&w) {
            return true;
        }
        if w.ends_with("ing") || w.ends_with("ed") || w.ends_with("ant") {
            return false;
        }
    }
    false
}

pub(crate) fn words(s: &str) -> impl Iterator<Item = (usize, &str)> {
    let word = |c: char| c.is_alphanumeric() || c == '-';
    s.char_indices()
        .filter(move |&(i, c)| word(c) && s[..i].chars().next_back().is_none_or(|p| !word(p)))
        .map(move |(i, _)| {
            let end = s[i..].find(|c: char| !word(c)).map_or(s.len(), |e| i + e);
            (i, &s[i..end])
        })
}

/// Whether `span` lies in a quoted slogan: "placards reading 'End SARS
/// now' and 'Stop killing us'", "chanting \"stop the killings\"",
/// "scandant « Arrêtez de nous tuer »" (an opening quote at most 60 bytes
/// before it, not closed before it, after a word of placards or chants at
/// most 40 bytes before the quote).
fn in_slogan(lower: &str, span: Span) -> bool {
    let from = lower.floor_char_boundary(span.start.saturating_sub(60));
    let before = &lower[from..span.start];
    let Some(open) = before.rfind(['‘', '“', '"', '«', '\'']) else {
        return false;
    };
    // (an apostrophe inside a word is no quote: "police's")
    let quote = before[open..].chars().next().unwrap_or(' ');
    if quote == '\''
        && before[..open]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
    {
        return false;
    }
    let inside = &before[open + quote.len_utf8()..];
    if inside.contains(['’', '”', '»']) || quote == '"' && inside.contains('"') {
        return false;
    }
    let lead = &before[before.floor_char_boundary(open.saturating_sub(40))..open];
    SLOGAN_CUES.iter().any(|w| lead.contains(w))
}

/// Words of placards and chants before a slogan's quote.
const SLOGAN_CUES: [&str; 11] = [
    "placard",
    "banner",
    "sign",
    "reading",
    "chant",
    "shout",
    "slogan",
    "pancarte",
    "banderole",
    "scand",
    "criant",
];

/// "ont pris des fidèles en otage", "took 20 people hostage": a taking
/// verb whose object, within its next four words, is hostages took people,
/// not a place (not "seized the town of Kidal and took hostages").
fn takes_hostages(lower: &str, span: Span) -> bool {
    words(&lower[span.end..])
        .take(4)
        .any(|(_, w)| matches!(w, "otage" | "otages" | "hostage" | "hostages"))
}

/// A verb and a noun a few words after it that together are a trigger of
/// `class` ("seized a village"); not when a weapon word is between them.
pub struct Combination {
    pub class: usize,
    pub within: usize,
    /// The noun comes before the verb ("three points were set up").
    pub noun_first: bool,
    pub nouns: std::collections::HashSet<String>,
    /// The nouns of several words ("state broadcaster", "border post").
    pub phrases: Vec<String>,
    /// The verbs, lower-cased.
    pub verbs: Vec<String>,
}

impl Combination {
    /// The length of the combination's noun that starts with `word`, at
    /// `at` of the lower-cased `s`: the word itself, or a noun of several
    /// words from it.
    fn noun_at(&self, s: &str, at: usize, word: &str) -> Option<usize> {
        if self.nouns.contains(word) {
            return Some(word.len());
        }
        self.phrases
            .iter()
            .filter(|n| {
                s[at..].starts_with(n.as_str())
                    && s[at + n.len()..]
                        .chars()
                        .next()
                        .is_none_or(|c| !c.is_alphanumeric())
            })
            .map(String::len)
            .max()
    }
}

/// What a whole text holds of the lexicons searched over whole articles,
/// found in one pass ([`Lexicon::scan`]).
pub struct Scan {
    /// Trigger phrases and verb-noun combinations, in text order.
    pub triggers: Vec<Hit>,
    pub deaths: Vec<Hit>,
    pub modality: Vec<Hit>,
    pub actors: Vec<Hit>,
    pub support: Vec<Hit>,
    pub seizure: Vec<Hit>,
    pub background: Vec<Hit>,
    pub grievance: Vec<Hit>,
}

/// Whether a trigger's words hold the month "March" rather than a march:
/// "March" capitalised next to a number or after a word of time ("in
/// March in Geneva", "the March 28 election", "last March"), not "the
/// Aurat March in Lahore" nor "held a march".
fn month_of_march(text: &str, span: Span) -> bool {
    let said = span.of(text);
    let Some(at) = said.find("March") else {
        return false;
    };
    let at = span.start + at;
    let after = text[at + "March".len()..].trim_start();
    let before = text[..at].trim_end();
    let prev = before
        .rsplit(|c: char| !c.is_alphanumeric() && c != '-')
        .next()
        .unwrap_or("")
        .trim_end_matches('-')
        .to_lowercase();
    const TIME_WORDS: &[&str] = &[
        "in", "of", "on", "last", "next", "early", "late", "mid", "since", "until", "till", "from",
        "by", "this", "and", "to", "between", "before", "after", "during", "end",
    ];
    after.starts_with(|c: char| c.is_ascii_digit())
        || prev.chars().next().is_some_and(|c| c.is_ascii_digit())
        || TIME_WORDS.contains(&prev.as_str())
        || prev.is_empty()
}

/// Whether a trigger is one past participle right after an article or a
/// possessive: an adjective of what it names, not an event ("searching
/// for the kidnapped New Zealand pilot", "the looted shops").
fn adjective(text: &str, span: Span) -> bool {
    let said = span.of(text);
    let participle = !said.contains(' ')
        && ["ed", "é", "és", "ée", "ées"]
            .iter()
            .any(|e| said.ends_with(e));
    if !participle {
        return false;
    }
    let before = text[..span.start].trim_end_matches(' ');
    if before.len() + 1 != span.start {
        return false;
    }
    let prev = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase();
    // (English articles before English participles only: "a arrêté" is a
    // French verb)
    if said.ends_with("ed") {
        // (or after "of" or "for" before a noun: "in support of jailed
        // opposition leader Alexei Navalny", not "of killed by")
        let next = text[span.end..]
            .split_whitespace()
            .next()
            .unwrap_or("")
            .trim_matches(|c: char| !c.is_alphanumeric());
        matches!(
            prev.as_str(),
            "the" | "a" | "an" | "their" | "his" | "her" | "its"
        ) || matches!(prev.as_str(), "of" | "for")
            && next.chars().next().is_some_and(char::is_lowercase)
            && !matches!(
                next,
                "by" | "in"
                    | "on"
                    | "at"
                    | "for"
                    | "after"
                    | "during"
                    | "since"
                    | "over"
                    | "with"
                    | "without"
                    | "and"
                    | "or"
                    | "to"
                    | "from"
            )
    } else {
        matches!(prev.as_str(), "les" | "leurs")
    }
}

/// Whether the death word "corps" (French: bodies) is an English army
/// unit: "the Lahore corps commander", "the Marine Corps", "the Islamic
/// Revolutionary Guard Corps" (not "Les corps de trois civils").
fn army_corps(text: &str, span: Span) -> bool {
    let said = span.of(text);
    if !said.eq_ignore_ascii_case("corps") {
        return false;
    }
    // (capitalised within a sentence, or before its commander; "Les
    // corps" opens a sentence)
    let sentence_start = text[..span.start]
        .trim_end()
        .ends_with(['.', '!', '?', '\n'])
        || span.start == 0;
    let next = text[span.end..].split_whitespace().next().unwrap_or("");
    let next = next.trim_end_matches(|c: char| !c.is_alphabetic());
    // ("la réforme du corps électoral", "le corps diplomatique", "press
    // corps": a body of people, no dead)
    let before = text[..span.start]
        .split_whitespace()
        .next_back()
        .unwrap_or("");
    said.starts_with(char::is_uppercase) && !sentence_start
        || matches!(
            next,
            "commander"
                | "commanders"
                | "headquarters"
                | "électoral"
                | "diplomatique"
                | "enseignant"
        )
        || matches!(before, "press" | "diplomatic" | "peace" | "marine")
}

/// Whether the death word "toll" is a road's: "the Lekki toll gate", "a
/// toll plaza", "toll road".
fn road_toll(text: &str, span: Span) -> bool {
    let next = text[span.end..]
        .trim_start_matches([' ', '-'])
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
        .to_lowercase();
    span.of(text).eq_ignore_ascii_case("toll")
        && matches!(
            next.as_str(),
            "gate" | "gates" | "plaza" | "road" | "roads" | "booth" | "booths" | "bridge" | "free"
        )
}

/// Drops the trigger hits that lie inside a mask phrase of their class
/// ("riot" in "riot police"); `masks` hold class indices.
fn unmasked(triggers: Vec<Hit>, masks: &[Hit]) -> Vec<Hit> {
    if masks.is_empty() {
        return triggers;
    }
    triggers
        .into_iter()
        .filter(|t| {
            !masks
                .iter()
                .any(|m| m.id == t.id && m.span.start <= t.span.start && t.span.end <= m.span.end)
        })
        .collect()
}

/// All of the coder's lexicons.
pub struct Lexicon {
    pub classes: Vec<TriggerClass>,
    /// The one-word death terms, for checks next to a count.
    pub death_words: Vec<String>,
    pub not_dead: Vec<String>,
    pub people: Vec<String>,
    /// Nouns of things and animals: a count of them is never a toll.
    pub things: Vec<String>,
    pub singular: HashMap<String, u64>,
    pub actors: Vec<ActorDef>,
    /// Weapon nouns (with a seizure verb: disrupted weapons use).
    pub weapons: PhraseSet,
    /// Words after a count that make it injured, or abducted, people.
    pub injured: Vec<String>,
    pub abducted: Vec<String>,
    /// Phrases of many incidents, and report cues (aggregate events).
    pub aggregate: PhraseSet,
    pub report_cues: PhraseSet,
    pub combinations: Vec<Combination>,
    /// How many sets of masks (one per class) the whole-article search
    /// holds, after the grievance cues.
    mask_sets: usize,
    /// The lists searched over whole articles, in one automaton (one pass
    /// per article, [`Lexicon::scan`]): triggers, death words, modality
    /// (negation, threats, fears), actor aliases, support ("backed by"),
    /// seizure verbs, background cues ("after", "amid"), grievance cues
    /// ("against"), masks ("riot police"), then each combination's verbs.
    pub whole: PhraseSets,
    /// Common verbs that are not past participles in "-ed" ("hit", "was"):
    /// between a background cue and a trigger they make a clause of its own.
    pub verbs: std::collections::HashSet<String>,
    /// Every actor alias, lower-cased; those of several words apart; and
    /// the civilians' (what names a person's group, not a person).
    pub alias_words: std::collections::HashSet<String>,
    pub alias_phrases: Vec<String>,
    pub civilian_words: std::collections::HashSet<String>,
}

fn terms(list: &[String]) -> Vec<(String, usize)> {
    list.iter().map(|t| (t.clone(), 0)).collect()
}

impl Lexicon {
    /// Loads the embedded data files.
    pub fn embedded() -> Result<Lexicon, Error> {
        Lexicon::from_toml(TRIGGERS_TOML, ACTORS_TOML)
    }

    pub fn from_toml(triggers: &str, actors: &str) -> Result<Lexicon, Error> {
        let bad = |file: &str, e: toml::de::Error| Error::Data {
            file: file.into(),
            why: e.to_string(),
        };
        let t: TriggerFile =
            toml::from_str(triggers).map_err(|e| bad("data/lexicon/triggers.toml", e))?;
        let mut a: ActorFile = toml::from_str(actors).map_err(|e| bad("data/actors.toml", e))?;
        for d in &mut a.actor {
            if let Some(c) = &d.community {
                d.aliases.extend(community_aliases(c));
            }
        }
        let mut trig = Vec::new();
        for (i, c) in t.class.iter().enumerate() {
            trig.extend(c.terms.iter().map(|x| (x.clone(), i)));
        }
        let class_of = |name: &str, what: &str| {
            t.class
                .iter()
                .position(|d| d.name == name)
                .ok_or_else(|| Error::Data {
                    file: "data/lexicon/triggers.toml".into(),
                    why: format!("{what} of unknown class {name:?}"),
                })
        };
        // One set per class: masks of two classes may overlap ("tirs de
        // grenades lacrymogènes" masks force, "grenades lacrymogènes" a
        // grenade), and a set keeps one of overlapping hits.
        let mut masks: Vec<Vec<(String, usize)>> = Vec::new();
        for m in &t.mask {
            let class = class_of(&m.class, "mask")?;
            let terms = m.terms.iter().map(|x| (x.clone(), class));
            match masks
                .iter_mut()
                .find(|set| set.first().is_some_and(|x| x.1 == class))
            {
                Some(set) => set.extend(terms),
                None => masks.push(terms.collect()),
            }
        }
        let mut combinations = Vec::new();
        let mut combination_verbs = Vec::new();
        for c in &t.combination {
            let class = class_of(&c.class, "combination")?;
            combinations.push(Combination {
                class,
                within: c.within,
                noun_first: c.noun_first,
                nouns: c.nouns.iter().map(|n| lower_same_len(n)).collect(),
                phrases: c
                    .nouns
                    .iter()
                    .filter(|n| n.contains([' ', '\'', '’']))
                    .map(|n| lower_same_len(n))
                    .collect(),
                verbs: c.verbs.iter().map(|v| lower_same_len(v)).collect(),
            });
            combination_verbs.push(terms(&c.verbs));
        }
        let mut act = Vec::new();
        for (i, d) in a.actor.iter().enumerate() {
            act.extend(d.aliases.iter().map(|x| (x.clone(), i)));
        }
        let lists = [
            (trig, true),
            (terms(&t.death.terms), false),
            (terms(&t.modality.terms), false),
            (act, true),
            (terms(&t.support.terms), false),
            (terms(&t.seizure.terms), false),
            (terms(&t.background.terms), false),
            (terms(&t.grievance.terms), false),
        ];
        let mut whole: Vec<(&[(String, usize)], bool)> =
            lists.iter().map(|(l, c)| (l.as_slice(), *c)).collect();
        whole.extend(masks.iter().map(|m| (m.as_slice(), false)));
        whole.extend(combination_verbs.iter().map(|v| (v.as_slice(), false)));
        let whole = PhraseSets::new(&whole)?;
        Ok(Lexicon {
            classes: t
                .class
                .iter()
                .map(|c| TriggerClass {
                    name: c.name.clone(),
                    priority: c.priority,
                    not_event: c.kind.as_deref() == Some("not_event"),
                })
                .collect(),
            death_words: t
                .death
                .terms
                .iter()
                .filter(|w| !w.contains(' '))
                .map(|w| w.to_lowercase())
                .collect(),
            not_dead: t.not_dead.terms,
            people: t.people.terms,
            things: t.things.terms,
            singular: t.singular.terms,
            weapons: PhraseSet::new(&terms(&t.weapons.terms), true)?,
            injured: t.injured.terms,
            abducted: t.abducted.terms,
            aggregate: PhraseSet::new(&terms(&t.aggregate.terms), false)?,
            report_cues: PhraseSet::new(&terms(&t.aggregate.report_cues), false)?,
            alias_words: a
                .actor
                .iter()
                .flat_map(|d| &d.aliases)
                .map(|x| x.to_lowercase())
                .collect(),
            alias_phrases: a
                .actor
                .iter()
                .flat_map(|d| &d.aliases)
                .filter(|x| x.contains(' '))
                .map(|x| x.to_lowercase())
                .collect(),
            civilian_words: a
                .actor
                .iter()
                .filter(|d| d.kind == "civilians")
                .flat_map(|d| &d.aliases)
                .map(|x| x.to_lowercase())
                .collect(),
            actors: a.actor,
            mask_sets: masks.len(),
            combinations,
            whole,
            verbs: t.verbs.terms.iter().map(|v| v.to_lowercase()).collect(),
        })
    }

    /// The hits of the whole-article lists in a text (`lower` its
    /// [`lower_same_len`]), in one pass; verb-noun combinations join the
    /// trigger hits.
    pub fn scan(&self, text: &str, lower: &str) -> Scan {
        let mut sets = self.whole.find_all(text, lower).into_iter();
        let mut next = || sets.next().unwrap_or_default();
        let (triggers, deaths, modality, actors, support, seizure, background, grievance) = (
            next(),
            next(),
            next(),
            next(),
            next(),
            next(),
            next(),
            next(),
        );
        let masks: Vec<Hit> = (0..self.mask_sets).flat_map(|_| next()).collect();
        // (no slogan where no word of placards or chants is: one look per
        // article, not one per hit)
        let slogans = SLOGAN_CUES.iter().any(|w| lower.contains(w));
        let in_slogan = |span: Span| slogans && in_slogan(lower, span);
        let deaths: Vec<Hit> = deaths
            .into_iter()
            .filter(|d| !army_corps(text, d.span) && !road_toll(text, d.span) && !in_slogan(d.span))
            .collect();
        let mut triggers = unmasked(triggers, &masks);
        // (a disaster's participle stays: "the crashed airliner" tells of
        // a crash)
        triggers.retain(|t| {
            !month_of_march(text, t.span)
                && !in_slogan(t.span)
                && (self.classes[t.id].not_event || !adjective(text, t.span))
                && (self.classes[t.id].name != "loot" || !burns_a_symbol(lower, t.span))
                && (self.classes[t.id].name != "takeover" || !takes_hostages(lower, t.span))
        });
        // (a combination's verb in a mask of its class says nothing of it
        // either: "ont pris d'assaut le poste" is no takeover)
        let verbs: Vec<Vec<Hit>> = sets
            .zip(&self.combinations)
            .map(|(verbs, c)| {
                verbs
                    .into_iter()
                    .filter(|v| {
                        !masks
                            .iter()
                            .any(|m| m.id == c.class && m.span.overlaps(v.span))
                    })
                    .collect()
            })
            .collect();
        debug_assert_eq!(verbs.len(), self.combinations.len());
        Scan {
            triggers: self.combine(text, lower, triggers, &verbs),
            deaths,
            modality,
            actors,
            support,
            seizure,
            background,
            grievance,
        }
    }

    /// Where the clause of `rest` ends: at ";", "!", "?", a line break or a
    /// full stop, but not the dot of an initial ("the U.S. Capitol") or of a
    /// number ("3.5").
    fn clause_stop(rest: &str) -> usize {
        let b = rest.as_bytes();
        for (i, &c) in b.iter().enumerate() {
            match c {
                b';' | b'!' | b'?' | b'\n' => return i,
                b'.' => {
                    let next_word = b.get(i + 1).is_none_or(|n| n.is_ascii_whitespace());
                    let initial = i >= 1
                        && b[i - 1].is_ascii_uppercase()
                        && (i < 2 || !b[i - 2].is_ascii_alphabetic());
                    if next_word && !initial {
                        return i;
                    }
                }
                _ => {}
            }
        }
        rest.len()
    }

    /// Adds to `hits` the verb-noun combinations whose verbs are `verbs`
    /// (one list per combination).
    fn combine(&self, text: &str, lower: &str, mut hits: Vec<Hit>, verbs: &[Vec<Hit>]) -> Vec<Hit> {
        let before = hits.len();
        for (c, verbs) in self.combinations.iter().zip(verbs) {
            for &v in verbs {
                if c.noun_first {
                    let before = &lower[..v.span.start];
                    let from = before
                        .rfind(['.', ';', '!', '?', '\n'])
                        .map_or(0, |i| i + 1);
                    let seg: Vec<(usize, &str)> = words(&before[from..]).collect();
                    if let Some((start, _)) = seg
                        .iter()
                        .rev()
                        .take(c.within)
                        .find(|(start, w)| c.noun_at(&before[from..], *start, w).is_some())
                    {
                        hits.push(Hit {
                            id: c.class,
                            span: Span::new(from + start, v.span.end),
                        });
                    }
                    continue;
                }
                let rest = &lower[v.span.end..];
                let stop = Self::clause_stop(&text[v.span.end..]);
                // (a possessive's "s" is no word: "seized the junta's
                // North-eastern Regional Military Command")
                let possessive =
                    |&(start, w): &(usize, &str)| w == "s" && rest[..start].ends_with(['\'', '’']);
                for (start, w) in words(&rest[..stop])
                    .filter(|x| !possessive(x))
                    .take(c.within)
                {
                    if let Some(len) = c.noun_at(&rest[..stop], start, w) {
                        let gap = Span::new(v.span.end, v.span.end + start);
                        let gap_text = gap.of(text);
                        if self.weapons.find(gap_text, gap.of(lower)).is_empty() {
                            hits.push(Hit {
                                id: c.class,
                                span: Span::new(v.span.start, gap.end + len),
                            });
                        }
                        break;
                    }
                }
            }
        }
        if hits.len() > before {
            hits.sort_by_key(|h| (h.span.start, h.span.end));
        }
        hits
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn lower_same_len_is_the_character_by_character_one() {
        let by_char = |text: &str| -> String {
            text.chars()
                .map(|c| {
                    let mut l = c.to_lowercase();
                    match (l.next(), l.next()) {
                        (Some(x), None) if x.len_utf8() == c.len_utf8() => x,
                        _ => c,
                    }
                })
                .collect()
        };
        for t in [
            "",
            "ABC",
            "Élysée À PARIS “Quoted”",
            "x\u{130}Y\u{1e9e}Z",
            "KELVIN \u{212a}",
            "ΣΑ ok",
        ] {
            assert_eq!(super::lower_same_len(t), by_char(t), "{t:?}");
            assert_eq!(super::lower_same_len(t).len(), t.len());
        }
    }
    use super::{adjective, army_corps, lower_same_len, month_of_march, PhraseSets};
    use veille_core::Span;

    /// A phrase ending in an elision matches before the word it runs into;
    /// other phrases only as whole words.
    #[test]
    fn elided_phrases_run_into_their_word() {
        let phrases = [("obsèques d'".to_string(), 0), ("over the".to_string(), 1)];
        let sets = PhraseSets::new(&[(&phrases, false)]).unwrap();
        let hits = |text: &str| {
            sets.find_all(text, &lower_same_len(text))[0]
                .iter()
                .map(|h| h.span.of(text).to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(hits("lors des obsèques d'un jeune homme"), ["obsèques d'"]);
        assert_eq!(hits("a row over their pay, over the cuts"), ["over the"]);
        assert!(hits("a row over thereof").is_empty());
    }

    fn at(text: &str, words: &str) -> Span {
        let i = text.find(words).expect("the words are in the text");
        Span::new(i, i + words.len())
    }

    #[test]
    fn the_month_is_no_march() {
        for (text, words, month) in [
            (
                "Women took part in the Aurat March in Lahore.",
                "March in",
                false,
            ),
            ("Hundreds held a march in Kochi.", "a march", false),
            ("It was held in March in Geneva.", "March in", true),
            ("Ahead of the March 28 election.", "the March", true),
            ("From January to March the fighting went on.", "March", true),
            (
                "Fighting resumed in mid-March near the border.",
                "March",
                true,
            ),
        ] {
            assert_eq!(month_of_march(text, at(text, words)), month, "{text}");
        }
    }

    #[test]
    fn an_army_corps_is_no_bodies() {
        for (text, unit) in [
            ("stormed the house of the Lahore corps commander", true),
            ("two members of the Islamic Revolutionary Guard Corps", true),
            ("Les corps de trois civils ont été retrouvés.", false),
            ("Ils ont retrouvé les corps de trois civils.", false),
        ] {
            let words = if text.contains("Corps") {
                "Corps"
            } else {
                "corps"
            };
            assert_eq!(army_corps(text, at(text, words)), unit, "{text}");
        }
    }

    #[test]
    fn a_participle_after_an_article_is_an_adjective() {
        let t = "soldiers searching for the kidnapped pilot";
        assert!(adjective(t, at(t, "kidnapped")));
        let t = "gunmen kidnapped the pilot";
        assert!(!adjective(t, at(t, "kidnapped")));
        // (a French auxiliary is no English article)
        let t = "La police a arrêté lundi Rached Ghannouchi";
        assert!(!adjective(t, at(t, "arrêté")));
    }

    #[test]
    fn lowering_keeps_every_byte_offset() {
        for text in [
            "Gunmen KILLED 12 in Djibo",
            "Des hommes armés ONT ATTAQUÉ Ménaka, l’ÉTAT",
            "İstanbul and ẞ keep their length",
            "",
        ] {
            let lower = lower_same_len(text);
            assert_eq!(lower.len(), text.len(), "{text}");
            for (a, b) in text.char_indices().zip(lower.char_indices()) {
                assert_eq!(a.0, b.0, "{text}");
            }
        }
        assert_eq!(lower_same_len("ABC déF"), "abc déf");
        assert_eq!(lower_same_len("ONT ATTAQUÉ"), "ont attaqué");
        assert_eq!(lower_same_len("İ"), "İ");
    }
}
