//! Toponym recognition and resolution.
//!
//! Recognition: capitalised word runs (with lower-case connectors such as
//! "de", "el", "of" inside) looked up in the gazetteer, longest first, with
//! demonyms ("Malian") as adjectival country mentions. A run that is part of
//! a longer proper name ("Moussa Ag Achertoumen") or a common word alone
//! without a place cue is dropped. Unknown names with a settlement cue
//! ("Tin-Hama village", "village de X") are kept unresolved for the coder to
//! fall back on a larger unit. Region names with a one- or two-letter typo
//! are matched only when a region cue follows ("Menka regions").
//!
//! Resolution: the article's focus country (country names, demonyms and
//! place candidates), the cue (region -> admin1, district -> admin2), the
//! admin hierarchy the text supports, then population.

use crate::fold::{edit_distance, fold};
use crate::gazetteer::{Entry, Gazetteer, Kind};
use crate::words::{
    ACCORD_WORDS, ACCORD_WORDS_FR, ADMIN_WORDS, ARABIC_ARTICLES, BRACKETED_UNIT_WORDS, COMPASS,
    CONNECTORS, DISTRICT_WORDS, FACILITY_ARTICLES_FR, FACILITY_WORDS, FACILITY_WORDS_FR,
    HYPHEN_ARTICLES, INSTITUTION_WORDS, LANDFORM_WORDS, NAME_ADJECTIVES, NAME_PREFIXES,
    OCCASION_WORDS, PERSON_OBJECT_VERBS, PERSON_TITLES, PLACE_MODIFIERS, PLACE_QUALIFIERS,
    REGION_HEADS, SENTENCE_OPENERS, SETTLEMENT_WORDS, SPEECH,
};
use std::collections::HashMap;
use veille_core::hash::FastSet;
use veille_core::{PlaceMention, Sentence, Span};

/// A recognised toponym with its gazetteer entry.
#[derive(Debug, Clone)]
pub struct Toponym {
    pub mention: PlaceMention,
    /// Chosen gazetteer entry; `None` for an unknown settlement.
    pub entry: Option<u32>,
    /// Index of the sentence it is in.
    pub sentence: usize,
}

/// What the geo stage finds in one article.
#[derive(Debug, Clone, Default)]
pub struct GeoAnalysis {
    /// Places: countries, admin units and towns.
    pub toponyms: Vec<Toponym>,
    /// Continents and world regions named ("Africa", "European", "the
    /// Sahel", "the Red Sea"): toponyms too, but never where an event
    /// happened, so kept apart.
    pub continents: Vec<Toponym>,
    /// Streets, roads and highways ("Memphis Street", "Highway 19"): no
    /// gazetteer entry, no location, never an event's place.
    pub streets: Vec<Toponym>,
    /// ISO alpha-2 of the country the article is mostly about.
    pub focus_country: Option<String>,
}

/// An elided article between the words of a name ("Afrique de l'Ouest",
/// "Corne de l'Afrique"); the tokenizer leaves it out of the next word.
const ELIDED_GAPS: &[&str] = &[" l'", " l’", " d'", " d’"];

#[derive(Debug, Clone)]
pub(crate) struct Token {
    pub(crate) span: Span,
    /// Surface without a possessive "'s".
    pub(crate) word_end: usize,
    pub(crate) sentence: usize,
}

pub(crate) fn tokenize(text: &str, sentences: &[Sentence]) -> Vec<Token> {
    let mut out = Vec::new();
    // (one buffer for every sentence's characters)
    let mut chars: Vec<(usize, char)> = Vec::new();
    for (si, s) in sentences.iter().enumerate() {
        let body = s.span.of(text);
        let mut start: Option<usize> = None;
        chars.clear();
        chars.extend(
            body.char_indices()
                .chain(std::iter::once((body.len(), ' '))),
        );
        for (k, &(i, c)) in chars.iter().enumerate() {
            // Initialisms keep their periods: "U.S.", "W.Va.", "B.C.".
            let initialism = c == '.'
                && start.is_some_and(|st| {
                    let prev = chars[k - 1].1;
                    let next = chars.get(k + 1).map(|x| x.1).unwrap_or(' ');
                    let so_far = &body[st..i];
                    prev.is_alphabetic()
                        && (prev.is_uppercase() && next.is_uppercase() || so_far.contains('.'))
                });
            let inner = c.is_alphanumeric()
                || initialism
                || (matches!(c, '\'' | '’' | '-') && start.is_some());
            match (start, inner) {
                (None, true) => start = Some(i),
                (Some(mut st), false) => {
                    // French elision before a name: "d'Inékar", "l'Azawad"
                    // (looked for only when an apostrophe, ' or the first
                    // byte of ’, is the word's second or third byte).
                    let wb = &body.as_bytes()[st..i];
                    let apostrophe = |k: usize| wb.get(k).is_some_and(|&b| b == b'\'' || b == 0xE2);
                    let elisions: &[&str] = if apostrophe(1) || apostrophe(2) {
                        &["d'", "d’", "l'", "l’", "D'", "D’", "L'", "L’", "qu'", "qu’"]
                    } else {
                        &[]
                    };
                    for elided in elisions {
                        if let Some(rest) = body[st..i].strip_prefix(elided) {
                            if rest.chars().next().is_some_and(char::is_uppercase) {
                                st += elided.len();
                            }
                            break;
                        }
                    }
                    let mut w = &body[st..i];
                    w = w.trim_end_matches(['\'', '’', '-']);
                    // A party's letter before a lawmaker's town, "R-Marshall",
                    // "DFL-Minneapolis": the town.
                    let hyphen = w.as_bytes().contains(&b'-');
                    if let Some((party, rest)) = hyphen.then(|| w.split_once('-')).flatten() {
                        if matches!(party, "R" | "D" | "I" | "DFL")
                            && rest.chars().next().is_some_and(char::is_uppercase)
                        {
                            st += party.len() + 1;
                            w = rest;
                        }
                    }
                    // "Northbrook-based", "Atlanta-area": the place.
                    if let Some((place, what)) = hyphen.then(|| w.rsplit_once('-')).flatten() {
                        if matches!(what, "based" | "area" | "headquartered")
                            && place.chars().next().is_some_and(char::is_uppercase)
                        {
                            w = place;
                        }
                    }
                    let full = st + w.len();
                    let word_end = st
                        + w.strip_suffix("'s")
                            .or_else(|| w.strip_suffix("’s"))
                            .map(str::len)
                            .unwrap_or(w.len());
                    if !w.is_empty() {
                        out.push(Token {
                            span: Span::new(s.span.start + st, s.span.start + full),
                            word_end: s.span.start + word_end,
                            sentence: si,
                        });
                    }
                    start = None;
                }
                _ => {}
            }
        }
    }
    out
}

/// Bytes in the longest of [`ARABIC_ARTICLES`].
const LONGEST_ARABIC_ARTICLE: usize = {
    let mut longest = 0;
    let mut i = 0;
    while i < ARABIC_ARTICLES.len() {
        if ARABIC_ARTICLES[i].len() > longest {
            longest = ARABIC_ARTICLES[i].len();
        }
        i += 1;
    }
    longest
};

pub(crate) fn capitalised(w: &str) -> bool {
    let b = w.as_bytes();
    match b.first() {
        None => return false,
        Some(c) if c.is_ascii_uppercase() => return true,
        Some(c) if !c.is_ascii() && w.starts_with(char::is_uppercase) => return true,
        _ => {}
    }
    // "al-Numan", "el-Fasher", "ad-Dali": a name behind its article (asked
    // of nearly every word of every article: the hyphen is looked for only
    // where an article's would be)
    b.iter()
        .take(LONGEST_ARABIC_ARTICLE + 1)
        .position(|&c| c == b'-')
        .is_some_and(|i| {
            ARABIC_ARTICLES.contains(&&w[..i]) && w[i + 1..].starts_with(char::is_uppercase)
        })
}

fn lower_word(text: &str, t: &Token) -> String {
    let w = t.span.of(text);
    if w.is_ascii() {
        w.to_ascii_lowercase()
    } else {
        w.to_lowercase()
    }
}

struct Candidate {
    first: usize,
    last: usize,
    entries: Vec<u32>,
    adjectival: bool,
    cue: Option<String>,
    fuzzy: bool,
    /// Index of the given span when resolving given toponyms.
    gold: Option<usize>,
    /// The name ends with a period the tokenizer left out ("Ill.").
    period: bool,
    /// Its words folded ([`fold`]), as names are looked up and compared.
    key: String,
}

/// Recognises and resolves the toponyms of an article.
pub fn find_places(text: &str, sentences: &[Sentence], gaz: &Gazetteer) -> GeoAnalysis {
    let tokens = tokenize(text, sentences);
    let (cands, unknown) = recognize(text, &tokens, gaz);
    let (resolved, focus) = resolve(text, &tokens, cands, gaz);
    let mut out = GeoAnalysis {
        focus_country: focus,
        toponyms: Vec::new(),
        continents: Vec::new(),
        streets: Vec::new(),
    };
    for (c, best) in resolved {
        let e = &gaz.entries[best as usize];
        let precision = match e.kind {
            Kind::Place if matches!(c.cue.as_deref(), Some("near")) => 2,
            Kind::Place => 1,
            Kind::Admin2 => 2,
            Kind::Admin1 | Kind::Country | Kind::Continent | Kind::WorldRegion => 3,
        };
        let span = Span::new(
            tokens[c.first].span.start,
            tokens[c.last].word_end + usize::from(c.period),
        );
        let list = if e.kind.is_area() {
            &mut out.continents
        } else {
            &mut out.toponyms
        };
        list.push(Toponym {
            mention: PlaceMention {
                span,
                text: span.of(text).to_string(),
                location: Some(gaz.location(best, precision)),
                cue: c.cue.clone(),
                adjectival: c.adjectival,
            },
            entry: Some(best),
            sentence: tokens[c.first].sentence,
        });
    }
    for (i, cue) in unknown {
        let span = Span::new(tokens[i].span.start, tokens[i].word_end);
        out.toponyms.push(Toponym {
            mention: PlaceMention {
                span,
                text: span.of(text).to_string(),
                location: None,
                cue: Some(cue),
                adjectival: false,
            },
            entry: None,
            sentence: tokens[i].sentence,
        });
    }
    out.toponyms.sort_by_key(|t| t.mention.span.start);
    // (a street whose words hold a place found above stays that place:
    // "Kabul Road" is still Kabul)
    for (span, sentence) in crate::streets::find_streets(text, &tokens) {
        let taken = out
            .toponyms
            .iter()
            .chain(&out.continents)
            .any(|t| t.mention.span.overlaps(span));
        if !taken {
            out.streets.push(Toponym {
                mention: PlaceMention {
                    span,
                    text: span.of(text).to_string(),
                    location: None,
                    cue: Some("street".into()),
                    adjectival: false,
                },
                entry: None,
                sentence,
            });
        }
    }
    out
}

/// Resolves toponyms whose spans are given (an evaluation's gold
/// toponyms), with the whole article as context: the same focus country,
/// hierarchy and population rules as [`find_places`]. `None` where the
/// name is not in the gazetteer.
pub fn resolve_spans(
    text: &str,
    sentences: &[Sentence],
    spans: &[Span],
    gaz: &Gazetteer,
) -> Vec<Option<u32>> {
    let tokens = tokenize(text, sentences);
    let (mut cands, _) = recognize(text, &tokens, gaz);
    for (gi, span) in spans.iter().enumerate() {
        let covered: Vec<usize> = (0..tokens.len())
            .filter(|&k| tokens[k].span.start < span.end && span.start < tokens[k].span.end)
            .collect();
        let (Some(&first), Some(&last)) = (covered.first(), covered.last()) else {
            continue;
        };
        // (Two given toponyms may share a token: "Fargo-Moorhead".)
        cands.retain(|c| c.gold.is_some() || c.last < first || c.first > last);
        let surface = span.of(text);
        let key = fold(surface);
        let (mut entries, adjectival) =
            match gaz.demonym(&key).or_else(|| gaz.continent_demonym(&key)) {
                Some(c) => (vec![c], true),
                None => (lookup_arabic(gaz, surface, &key), false),
            };
        if entries.is_empty() {
            let trimmed = key
                .strip_suffix("'s")
                .unwrap_or(&key)
                .trim_start_matches("the ");
            entries = gaz.lookup(trimmed).to_vec();
        }
        if surface.chars().count() <= 3 && surface.chars().all(|c| c.is_uppercase()) {
            entries.retain(|&e| gaz.entries[e as usize].kind == Kind::Country);
        }
        cands.push(Candidate {
            first,
            last,
            entries,
            adjectival,
            cue: cue(text, &tokens, first, last),
            fuzzy: false,
            gold: Some(gi),
            period: false,
            key: fold(&text[tokens[first].span.start..tokens[last].word_end]),
        });
    }
    let (resolved, _) = resolve(text, &tokens, cands, gaz);
    let mut out = vec![None; spans.len()];
    for (c, best) in resolved {
        if let Some(g) = c.gold {
            out[g] = Some(best);
        }
    }
    out
}

/// The gazetteer entries of a name; for a name the gazetteer lacks that
/// starts with a hyphenated Arabic article ("As-Sweida", "Ad-Damazin",
/// "El-Fasher"), those of the name without it ("Sweida"): transliterations
/// write the article in many ways, GeoNames' alternate names seldom all.
fn lookup_arabic(gaz: &Gazetteer, surface: &str, key: &str) -> Vec<u32> {
    let entries = gaz.lookup(key);
    if !entries.is_empty() {
        return entries.to_vec();
    }
    // A final "h" after "a" or "e" is written or not ("Hodeidah" and
    // "Hodeida", "Raqqa" and "Raqqah"): the other spelling, for a name of
    // one word of six letters or more.
    if !key.contains(' ') && key.chars().count() >= 6 {
        let other = if key.ends_with("ah") || key.ends_with("eh") {
            key[..key.len() - 1].to_string()
        } else if key.ends_with('a') || key.ends_with('e') {
            format!("{key}h")
        } else {
            String::new()
        };
        if !other.is_empty() {
            // (only places: a person's name may be a unit's too)
            let found: Vec<u32> = gaz
                .lookup(&other)
                .iter()
                .copied()
                .filter(|&e| gaz.entries[e as usize].kind != Kind::Country)
                .collect();
            if !found.is_empty() {
                return found;
            }
        }
    }
    let Some((article, rest)) = surface.split_once('-') else {
        return Vec::new();
    };
    let rest_key = fold(rest);
    if !HYPHEN_ARTICLES.contains(&article.to_lowercase().as_str())
        || rest_key.chars().count() < 4
        || !rest.starts_with(|c: char| c.is_uppercase())
    {
        return Vec::new();
    }
    gaz.lookup(&rest_key).to_vec()
}

/// Finds candidate toponyms: gazetteer names, demonyms, unknown
/// settlements with a cue, region names to match fuzzily.
fn recognize(
    text: &str,
    tokens: &[Token],
    gaz: &Gazetteer,
) -> (Vec<Candidate>, Vec<(usize, String)>) {
    let mut cands: Vec<Candidate> = Vec::new();
    let mut unknown: Vec<(usize, String)> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let w = &text[tokens[i].span.start..tokens[i].word_end];
        let region_head = !capitalised(w) && REGION_HEADS.contains(&w);
        if !capitalised(w) && !region_head {
            i += 1;
            continue;
        }
        let mut matched = false;
        for n in (1..=gaz.max_tokens).rev() {
            let last = i + n - 1;
            if last >= tokens.len() || !run_ok(text, tokens, i, last) || region_head && n == 1 {
                continue;
            }
            let surface = &text[tokens[i].span.start..tokens[last].word_end];
            let key = fold(surface);
            // A demonym ("Malian", "Sri Lankan") is an adjective before it is a place.
            {
                if let Some(c) = gaz.demonym(&key).or_else(|| gaz.continent_demonym(&key)) {
                    cands.push(Candidate {
                        first: i,
                        last,
                        entries: vec![c],
                        adjectival: true,
                        cue: None,
                        fuzzy: false,
                        gold: None,
                        period: false,
                        key,
                    });
                    i = last + 1;
                    matched = true;
                    break;
                }
            }
            // "FAMa": capitals inside a word part make an acronym, not a place.
            // Initialisms with periods ("W.Va.") are not acronyms of this kind.
            // Names built on a prefix are no acronyms ("DeKalb", "McMinn",
            // "DuPage", "LaVista").
            let prefixed = |part: &str| {
                NAME_PREFIXES.iter().any(|p| {
                    part.strip_prefix(p).is_some_and(|r| {
                        let mut cs = r.chars();
                        cs.next().is_some_and(char::is_uppercase)
                            && r.chars().count() >= 2
                            && cs.all(char::is_lowercase)
                    })
                })
            };
            let inner_capitals = surface.split([' ', '-', '\'', '’']).any(|part| {
                !part.contains('.')
                    && part.chars().skip(1).any(char::is_uppercase)
                    && !part.chars().all(|c| !c.is_lowercase())
                    && !prefixed(part)
            });
            if inner_capitals {
                continue;
            }
            let mut entries = lookup_arabic(gaz, surface, &key);
            if region_head {
                entries.retain(|&e| gaz.entries[e as usize].kind == Kind::WorldRegion);
            }
            // Press abbreviations end with a period the tokenizer leaves out
            // ("Springfield, Ill."): only right after "Place, ", where the
            // press puts them ("Mass." alone ends a sentence about a church).
            let mut period = false;
            if entries.is_empty() && n == 1 && text[tokens[last].span.end..].starts_with('.') {
                let after_place = i > 0
                    && text[tokens[i - 1].span.end..tokens[i].span.start] == *", "
                    && capitalised(tokens[i - 1].span.of(text));
                if after_place {
                    entries = gaz.lookup(&format!("{key}.")).to_vec();
                    entries.retain(|&e| gaz.entries[e as usize].kind == Kind::Admin1);
                    period = !entries.is_empty();
                }
            }
            // Short all-capital words ("IS", "UN", "AFP") are acronyms; only
            // country codes such as "DRC" or "USA" stand for places.
            if surface.chars().count() <= 3 && surface.chars().all(|c| c.is_uppercase()) {
                entries.retain(|&e| gaz.entries[e as usize].kind == Kind::Country);
            }
            if !entries.is_empty() {
                cands.push(Candidate {
                    first: i,
                    last,
                    entries,
                    adjectival: false,
                    cue: cue(text, tokens, i, last),
                    fuzzy: false,
                    gold: None,
                    period,
                    key,
                });
                i = last + 1;
                matched = true;
                break;
            }
        }
        // (a lowercase region head that opens no world region's name is
        // an ordinary word: no unknown place)
        if !matched && region_head {
            i += 1;
            continue;
        }
        if !matched {
            let c = cue(text, tokens, i, i);
            match c.as_deref() {
                Some("village" | "town") if w.chars().count() >= 3 => {
                    unknown.push((i, c.unwrap_or_default()))
                }
                Some("region") if w.chars().count() >= 5 => cands.push(Candidate {
                    first: i,
                    last: i,
                    entries: vec![],
                    adjectival: false,
                    cue: c,
                    fuzzy: true,
                    gold: None,
                    period: false,
                    key: fold(w),
                }),
                _ => {}
            }
            i += 1;
        }
    }

    // Surnames: the second word of "Firstname Lastname" pairs that are not
    // places themselves; alone later ("Walsh said") they are people too.
    let mut surnames: FastSet<String> = FastSet::default();
    // First names: the first word of such a pair told as a person's name
    // ("Nine-year-old Georgia Stevens", "Georgia Stevens said"); alone later
    // ("Georgia began skating at four") it is the person.
    let mut first_names: FastSet<String> = FastSet::default();
    for k in 1..tokens.len() {
        let (a, b) = (&tokens[k - 1], &tokens[k]);
        let pair_adjacent = a.sentence == b.sentence
            && &text[a.span.end..b.span.start] == " "
            && a.word_end == a.span.end;
        // ("Although Edmonton ...", "Greater Toronto": a word capitalised
        // because it opens the sentence, or a place's own modifier, makes no
        // first name.)
        let opens_sentence = k == 1 || tokens[k - 2].sentence != a.sentence;
        // (the cheap looks first: most pairs are no two capitalised words)
        if !(pair_adjacent && capitalised(a.span.of(text)) && capitalised(b.span.of(text))) {
            continue;
        }
        let a_lower = lower_word(text, a);
        // (nor does an adverb anywhere, "the annual Distinctly Dublin
        // contest": not the "-ly" of first names such as Kelly or Emily)
        let adverb = a_lower.chars().count() >= 6
            && [
                "ally", "tly", "ely", "sly", "bly", "dly", "nly", "ply", "wly", "ghly",
            ]
            .iter()
            .any(|e| a_lower.ends_with(e));
        let function_word = opens_sentence
            && (SENTENCE_OPENERS.contains(&a_lower.as_str()) || a_lower.ends_with("ly"))
            || adverb;
        if !function_word
            && !PLACE_MODIFIERS.contains(&a_lower.as_str())
            && !PLACE_QUALIFIERS.contains(&a_lower.as_str())
        {
            let a_word = fold(a.span.of(text));
            let pair = fold(&text[a.span.start..b.word_end]);
            if gaz.lookup(&pair).is_empty()
                && !gaz.is_common_word(&a_word)
                && gaz.demonym(&a_word).is_none()
            {
                let b_word = fold(&text[b.span.start..b.word_end]);
                // Exactly two capitalised words, the second no region, city,
                // common word or institution ("Cookville Fire Department").
                // ("Nine-year-old Georgia Stevens": a capitalised word
                // before whose parts are not all capitalised is no name.)
                let name_before = !opens_sentence
                    && capitalised_after(text, tokens, k - 2)
                    && tokens[k - 2].span.of(text).split('-').all(capitalised);
                let alone = !capitalised_after(text, tokens, k) && !name_before;
                if alone
                    && person_pair(text, tokens, k - 1)
                    && !names_region_or_city(gaz, &b_word)
                    && !gaz.is_common_word(&b_word)
                    && ![
                        INSTITUTION_WORDS,
                        FACILITY_WORDS,
                        ADMIN_WORDS,
                        DISTRICT_WORDS,
                        SETTLEMENT_WORDS,
                    ]
                    .iter()
                    .any(|words| words.contains(&b_word.as_str()))
                {
                    first_names.insert(a_word);
                }
                surnames.insert(b_word);
            }
        }
    }
    // "with killing Welch", "stabbed Welch": a single name that is the
    // object of a verb done only to people; "McDonald, 24, of Archer": a
    // name told with an age. Alone later they are people, not places.
    for k in 0..tokens.len() {
        let b = &tokens[k];
        let name = &text[b.span.start..b.word_end];
        if !capitalised(name) || capitalised_after(text, tokens, k) {
            continue;
        }
        let object = k > 0 && {
            let a = &tokens[k - 1];
            a.sentence == b.sentence
                && &text[a.span.end..b.span.start] == " "
                && PERSON_OBJECT_VERBS.contains(&lower_word(text, a).as_str())
        };
        let aged = {
            let rest = &text.as_bytes()[b.span.end..];
            let digits = rest
                .iter()
                .skip(2)
                .take_while(|c| c.is_ascii_digit())
                .count();
            rest.starts_with(b", ")
                && (1..=3).contains(&digits)
                && rest.get(2 + digits) == Some(&b',')
        };
        if object || aged {
            surnames.insert(fold(name));
        }
    }
    // "Tyrise M. Bell", "Marsha J. Moore": a given name and an initial
    // before a word make it a surname; "Stevens & Wilkinson": names joined
    // by an ampersand are a firm's. Alone later ("Eggers shot Bell") they
    // are people, not places.
    for k in 2..tokens.len() {
        let (g, a, b) = (&tokens[k - 2], &tokens[k - 1], &tokens[k]);
        if g.sentence != b.sentence || a.sentence != b.sentence {
            continue;
        }
        let word = |t: &Token| &text[t.span.start..t.word_end];
        let named = |t: &Token| {
            let w = word(t);
            capitalised(w)
                && w.chars().count() >= 2
                && w.chars().skip(1).all(char::is_lowercase)
                && !gaz.is_common_word(&fold(w))
        };
        let initial = a.span.of(text).len() == 1
            && capitalised(a.span.of(text))
            && &text[a.span.end..b.span.start] == ". "
            && &text[g.span.end..a.span.start] == " "
            && named(g)
            && gaz.demonym(&fold(word(g))).is_none();
        if initial && named(b) {
            surnames.insert(fold(word(b)));
        }
        // ("Minneapolis & St. Paul": two towns, a region or a city of
        // 100,000 is no partner of a firm.)
        let partner = |t: &Token| named(t) && !names_region_or_city(gaz, &fold(word(t)));
        let firm = &text[a.span.end..b.span.start] == " & " && partner(a) && partner(b);
        if firm {
            surnames.insert(fold(word(a)));
            surnames.insert(fold(word(b)));
        }
    }

    // Filters: part of a longer proper name (unless it names an
    // institution, below), common word without a cue.
    cands.retain(|c| {
        if c.adjectival {
            return true;
        }
        let single = c.first == c.last;
        let key = c.key.as_str();
        if gaz.is_never_place(key) || single && c.cue.is_none() && gaz.is_common_word(key) {
            return false;
        }
        // "Twic East county": a common word glued to another name is part of
        // it, whatever cue follows (not Cameroon's East region).
        if single && gaz.is_common_word(key) && glued_to_name(text, tokens, c.first, c.last, false)
        {
            return false;
        }
        let major = c
            .entries
            .iter()
            .any(|&e| matches!(gaz.entries[e as usize].kind, Kind::Country | Kind::Admin1));
        if single && c.cue.is_none() && !major && surnames.contains(key) {
            return false;
        }
        if single && c.cue.is_none() && first_names.contains(key) {
            return false;
        }
        // "St. Patrick's Day", "St. Mary's Hospital": a saint's day or
        // house, not the place of that name.
        let saint = c.first > 0 && {
            let p = &tokens[c.first - 1];
            let gap = &text[p.span.end..tokens[c.first].span.start];
            p.sentence == tokens[c.first].sentence
                && matches!(gap, " " | ". ")
                && matches!(
                    p.span.of(text),
                    "St" | "St." | "Ste" | "Ste." | "Saint" | "Sainte"
                )
        };
        // (told by the possessive before a name: "St. Patrick's Day")
        let saints_day = || {
            let t = &tokens[c.last];
            t.word_end < t.span.end && capitalised_after(text, tokens, c.last)
        };
        if single && saint && saints_day() {
            return false;
        }
        // "at Lincoln Dinner", "the Lincoln Day Dinner": a place's name
        // glued to an occasion's word names the occasion, cue or not.
        // (A country's or region's stays: "Mexico Day" is still Mexico's.)
        if !major && next_word_in(text, tokens, c.last, OCCASION_WORDS) {
            return false;
        }
        // "Moore said", "Mr. Nelson": a person, not a place. A country or
        // a large region "says" things as its government does; "Nelson" (a
        // New Zealand region of 100,000) or "Mary" (a province of
        // Turkmenistan) saying something is a person.
        let speaks = c.entries.iter().any(|&e| {
            let e = &gaz.entries[e as usize];
            e.kind == Kind::Country || e.kind == Kind::Admin1 && e.population >= MAJOR_REGION
        });
        if single && c.cue.is_none() && !speaks && person_context(text, tokens, c.first) {
            return false;
        }
        // "Al-Karama Square", "Tahrir Street": the name of a square or a
        // street, not the place of that name elsewhere; unless that is a
        // region or a large city ("Kabul Road" leads to Kabul).
        let large = || {
            c.entries
                .iter()
                .any(|&e| gaz.entries[e as usize].population >= 100_000)
        };
        // (A square or a stadium leads nowhere: "Independence Square in
        // Bamako" is no Independence, Missouri, however large.)
        if !major
            && names_facility(text, tokens, c.last)
            && (!large() || next_word_in(text, tokens, c.last, &["square", "stadium"]))
        {
            return false;
        }
        // "at Buulo Mareer": a small town's name followed by a capitalised
        // word that is no other place, no unit word and no day or month is
        // the first word of a longer name (a village the gazetteer lacks),
        // cue or not ("in Gao Monday" is still Gao).
        if single && !major && !large() && c.cue.is_some() && longer_name(text, tokens, c.last, gaz)
        {
            return false;
        }
        // "Joaquin 'El Chapo' Guzman": a name before a quoted nickname and
        // another name is a person's first name.
        // (and the nickname is no place: "El Chapo")
        if !major
            && (single && before_nickname(text, tokens[c.last].span.end)
                || is_nickname(text, tokens[c.first].span.start, tokens[c.last].span.end))
        {
            return false;
        }
        // "Arc de Triomphe", "Palais de Justice": a small place's name
        // before "de" and a capitalised word (no place) is the first word of
        // a monument's or a building's name.
        if single && !major && !large() && french_compound(text, tokens, c.last, gaz) {
            return false;
        }
        // "the Boma peninsula", "Mosul Dam", "the Kabul River": a feature
        // named after a town is not the town, however large.
        if !major && names_landform(text, tokens, c.last) {
            return false;
        }
        // "the Faladie neighbourhood" (of Bamako): a part of a town the
        // text names, not the village of that name elsewhere.
        if !major && !large() && neighbourhood_after(text, tokens, c.last) {
            return false;
        }
        // "place de l'Opéra", "rue de Ségou", "le quartier de Faladié": the
        // same in French, the street word first.
        if !major && facility_before(text, tokens, c.first) && !large() {
            return false;
        }
        c.cue.is_some()
            || !glued_to_name(text, tokens, c.first, c.last, major || large())
            || names_institution(text, tokens, c.last)
            || abbreviated_country(text, tokens, c, gaz)
            || names_its_unit(text, tokens, c)
    });
    // "U.S. Army", "Texas Department of Transportation", "Gao Police": the
    // place names an institution. It is a toponym (the corpora annotate it)
    // that tells whose institution, not where anything happened: kept,
    // marked adjectival. ("U.S. Census", "U.S. Sen. Byrd": an abbreviated
    // country before a capitalised word is the country's, whatever word.)
    for c in cands.iter_mut().filter(|c| !c.adjectival) {
        if glued_to_name(text, tokens, c.first, c.last, true)
            && (names_institution(text, tokens, c.last)
                || abbreviated_country(text, tokens, c, gaz)
                || names_its_unit(text, tokens, c))
        {
            c.adjectival = true;
        }
    }

    // "US and Belgian flags", "US and French troops": a country's name
    // joined to a demonym is adjectival like it.
    for k in 1..cands.len() {
        let (c, d) = (&cands[k - 1], &cands[k]);
        let joined = d.adjectival
            && !c.adjectival
            && d.first == c.last + 2
            && matches!(tokens[c.last + 1].span.of(text), "and" | "et")
            && c.entries
                .iter()
                .all(|&e| gaz.entries[e as usize].kind == Kind::Country);
        if joined {
            cands[k - 1].adjectival = true;
        }
    }
    // "the Algiers agreement", "l'accord d'Alger", "the Minsk talks": the
    // place names an accord or its talks, not where anything happened.
    for c in cands.iter_mut().filter(|c| !c.adjectival) {
        if names_accord(text, tokens, c.first, c.last) {
            c.adjectival = true;
        }
    }

    (cands, unknown)
}

/// Whether tokens first..=last name an accord or talks: a lowercase accord
/// word right after ("the Algiers agreement") or a French one before with
/// "de" ("l'accord d'Alger", "les accords de Minsk").
fn names_accord(text: &str, tokens: &[Token], first: usize, last: usize) -> bool {
    let after =
        word_after(text, tokens, last).is_some_and(|n| ACCORD_WORDS.contains(&n.span.of(text)));
    let before = first > 0 && {
        let (p, f) = (&tokens[first - 1], &tokens[first]);
        p.sentence == f.sentence
            && matches!(&text[p.span.end..f.span.start], " de " | " d'" | " d’")
            && {
                // ("l'accord": the article the tokenizer leaves on)
                let w = lower_word(text, p);
                let w = w
                    .strip_prefix("l'")
                    .or_else(|| w.strip_prefix("l’"))
                    .unwrap_or(&w);
                ACCORD_WORDS_FR.contains(&w)
            }
    };
    after || before
}

/// Chooses each candidate's entry: focus country, cue, hierarchy,
/// population. Returns the resolved candidates and the focus country.
/// Distinct names with a reading in one admin1 unit that make it the
/// region a story is set in (with more than any other unit has), and what
/// that adds to those readings' score.
const ADMIN1_MIN_NAMES: usize = 3;
const ADMIN1_BONUS: f64 = 15.0;

/// What a reading in the county (admin2 unit) that most of the text's
/// names point to gets, besides.
const ADMIN2_BONUS: f64 = 15.0;
/// What a reading in that county gets when the text names the county as
/// one ("Paris and Henry County"), however populous a namesake elsewhere.
const ADMIN2_NAMED_BONUS: f64 = 40.0;
/// A reading this many times as populous elsewhere keeps its lead ("Denver"
/// in a story set in Pennsylvania is still Colorado's).
const ADMIN1_LARGER: u64 = 100;

fn resolve(
    text: &str,
    tokens: &[Token],
    mut cands: Vec<Candidate>,
    gaz: &Gazetteer,
) -> (Vec<(Candidate, u32)>, Option<String>) {
    // A press abbreviation of a region after a name and a comma that has
    // no reading in it is part of another name: "Bogota, D.C." is
    // ACLED's name of Colombia's capital district, not Washington's.
    let stray: Vec<(usize, usize)> = cands
        .iter()
        .filter(|c| c.key.contains('.') && !c.adjectival && c.gold.is_none())
        .filter(|c| {
            c.entries
                .iter()
                .all(|&e| gaz.entries[e as usize].kind == Kind::Admin1)
        })
        .filter(|c| {
            cands.iter().any(|d| {
                d.last < c.first
                    && d.last + 2 >= c.first
                    && text[tokens[d.last].word_end..tokens[c.first].span.start].trim() == ","
                    && !d
                        .entries
                        .iter()
                        .any(|&e| c.entries.contains(&e) || in_any(gaz, &c.entries, e))
            })
        })
        .map(|c| (c.first, c.last))
        .collect();
    cands.retain(|c| !stray.contains(&(c.first, c.last)));
    // "Palestine, Texas", "Paris, Ky.", "Alexandria, Egypt": a name right
    // before a comma and the region or country it lies in is the place
    // there, whatever else it could name (keyed by the name's first and
    // last tokens).
    // (with `districts`, a name right before or "in" a district too: "La
    // Mora in Bavispe municipality"; not in a bracketed list, whose
    // districts are read below)
    let units = |d: &Candidate, districts: bool| -> Vec<u32> {
        d.entries
            .iter()
            .copied()
            .filter(|&e| match gaz.entries[e as usize].kind {
                Kind::Admin1 | Kind::Country => true,
                Kind::Admin2 => districts,
                _ => false,
            })
            .collect()
    };
    let regions_of = |d: &Candidate| units(d, false);
    let units_of = |d: &Candidate| units(d, true);
    // ("La Mora in Sonora", "Bavispe in Sonora state": "in" does the same,
    // and so does "in the northern Mexican state of Sonora".)
    let qualifier_of = |c: &Candidate| {
        cands.iter().find(|d| {
            d.first > c.last
                && d.first <= c.last + 8
                && tokens[d.first].sentence == tokens[c.last].sentence
                && qualifying_gap(&text[tokens[c.last].word_end..tokens[d.first].span.start])
                    .is_some()
        })
    };
    let mut qualifiers: HashMap<(usize, usize), Vec<u32>> = cands
        .iter()
        .filter_map(|c| {
            let q = units_of(qualifier_of(c)?);
            let fits = c.entries.iter().any(|&i| in_any(gaz, &q, i));
            fits.then_some(((c.first, c.last), q))
        })
        .collect();
    // A name "in" a region or country with no reading there is a place the
    // gazetteer lacks (a village of that name elsewhere is not it): the
    // region or country stands for it.
    let lacking: Vec<(usize, Vec<u32>)> = cands
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.adjectival && c.gold.is_none())
        .filter_map(|(k, c)| {
            let d = qualifier_of(c)?;
            let gap = qualifying_gap(&text[tokens[c.last].word_end..tokens[d.first].span.start]);
            // ("Palma in Mozambique's Cabo Delgado province" is not the
            // Spanish city either)
            let units = units_of(d);
            let elsewhere = c.entries.iter().all(|&i| {
                matches!(gaz.entries[i as usize].kind, Kind::Place | Kind::Admin2)
                    && !in_any(gaz, &units, i)
            });
            (gap == Some(Gap::In) && !units.is_empty() && elsewhere).then_some((k, units))
        })
        .collect();
    for (k, units) in lacking {
        cands[k].entries = units;
    }
    // "Nasir (Nasir, Upper Nile)", "Djibo (Soum, Sahel)": names in brackets
    // right after a name, nothing but names, are the units that contain it
    // (ACLED's notes write every place so). The readings of the name, and
    // of the names in the brackets, outside them are other places of that
    // name: dropped, and the name with them when none is inside (a village
    // the gazetteer lacks; the units named stand for it). A bracketed name
    // that is a town, not a unit ("Kfar Kila (Marjaayoun, Nabatiyeh)"),
    // stands for its admin1 unit when no unit named holds the name ("Oicha
    // (Beni, Nord-Kivu)": not Bolivia's Beni); a name the gazetteer lacks
    // is passed over when another is known. The name before the brackets is
    // then qualified as "Palestine, Texas" is.
    let mut contained: Vec<(usize, Vec<u32>)> = Vec::new();
    let mut bracketed: Vec<((usize, usize), Vec<u32>)> = Vec::new();
    let name_like = |p: &str| {
        p.starts_with(|c: char| c.is_uppercase())
            && p.split_whitespace().count() <= 4
            && p.chars().all(|c| c.is_alphabetic() || " -'’.".contains(c))
    };
    let inside = |i: usize, start: usize, end: usize| {
        tokens[cands[i].first].span.start >= start && tokens[cands[i].last].word_end <= end
    };
    let mut read_brackets: Vec<usize> = Vec::new();
    for (k, c) in cands.iter().enumerate() {
        // (also "Taizz city (Al Qahirah, Taizz)", and the first of a pair,
        // "Rampura and Badda (Dhaka)")
        let after = &text[tokens[c.last].word_end..];
        let pair = paired_name(after);
        let word = pair
            + [" city", " town", " village", " ville"]
                .iter()
                .find(|w| {
                    after[pair..]
                        .strip_prefix(**w)
                        .is_some_and(|r| r.starts_with(" ("))
                })
                .map_or(0, |w| w.len());
        let Some(open) = after[word..].strip_prefix(" (") else {
            continue;
        };
        let Some(close) = open.find(')') else {
            continue;
        };
        let start = tokens[c.last].word_end + word + 2;
        let inner: Vec<usize> = (0..cands.len())
            .filter(|&i| inside(i, start, start + close))
            .collect();
        let names: Vec<String> = inner
            .iter()
            .map(|&i| {
                text[tokens[cands[i].first].span.start..tokens[cands[i].last].word_end].to_string()
            })
            .collect();
        let parts: Vec<&str> = open[..close].split(',').map(str::trim).collect();
        // (a part may carry the article the name lacks, "El Nabatieh", or
        // the word for its unit, "Kani township", "Soum province")
        let is_part = |n: &str| {
            parts.iter().any(|p| {
                *p == n
                    || p.split_once(' ').is_some_and(|(a, rest)| {
                        rest == n && ARABIC_ARTICLES.contains(&a.to_lowercase().as_str())
                    })
                    || p.strip_prefix(n)
                        .and_then(|r| r.strip_prefix(' '))
                        .is_some_and(|w| {
                            let w = w.to_lowercase();
                            ADMIN_WORDS.contains(&w.as_str())
                                || DISTRICT_WORDS.contains(&w.as_str())
                                || BRACKETED_UNIT_WORDS.contains(&w.as_str())
                        })
            })
        };
        let only_names = !inner.is_empty()
            && parts.iter().all(|p| name_like(p))
            && names.iter().all(|n| is_part(n));
        if !only_names {
            continue;
        }
        let units: Vec<u32> = inner.iter().flat_map(|&i| regions_of(&cands[i])).collect();
        // (not the name itself again: "Nasir (Nasir, Upper Nile)" names
        // the county of the town)
        let outer_name = &text[tokens[c.first].span.start..tokens[c.last].word_end];
        let of_towns: Vec<u32> = inner
            .iter()
            .zip(&names)
            .filter(|(_, n)| n.as_str() != outer_name)
            .flat_map(|(&i, _)| &cands[i].entries)
            .filter_map(|&e| gaz.entries[e as usize].admin1)
            .collect();
        // The units, else the towns' units, that hold a reading of the
        // name; else the units (the name is a village the gazetteer lacks).
        let holding = |q: &[u32]| -> Vec<u32> {
            q.iter()
                .copied()
                .filter(|&u| c.entries.iter().any(|&e| in_any(gaz, &[u], e)))
                .collect()
        };
        // (for the first of a pair, the bracketed towns' units only when no
        // unit is named: "Rampura and Badda (Dhaka)" are in Dhaka division,
        // not in the state of India's Dhaka, which has a Rampura)
        let of_towns = if pair > 0 && !units.is_empty() {
            Vec::new()
        } else {
            holding(&of_towns)
        };
        let q = [holding(&units), of_towns, units]
            .into_iter()
            .find(|q| !q.is_empty())
            .unwrap_or_default();
        if q.is_empty() {
            continue;
        }
        read_brackets.push(start);
        bracketed.push(((c.first, c.last), q.clone()));
        contained.push((k, q.clone()));
        contained.extend(inner.iter().map(|&i| (i, q.clone())));
    }
    // "the village of Monjane (Cabo Delgado, Palma)": before the brackets
    // a name the gazetteer lacks, in them names that still hold one
    // another: Palma is the district of Cabo Delgado, not Mallorca's. Each
    // keeps its readings that hold, or lie in, a unit another names, when
    // every one has such a reading.
    let mut held: Vec<(usize, Vec<u32>)> = Vec::new();
    for (open, _) in text.match_indices(" (") {
        let start = open + 2;
        let Some(close) = text[start..].find(')') else {
            continue;
        };
        let parts: Vec<&str> = text[start..start + close]
            .split(',')
            .map(str::trim)
            .collect();
        // "Paletwa town and township (Chin)": one name in brackets after a
        // place the gazetteer lacks is its unit, when it names one (Chin
        // State, not Jinzhou, which GeoNames also calls Chin).
        if !read_brackets.contains(&start) && parts.len() == 1 && name_like(parts[0]) {
            let only: Vec<usize> = (0..cands.len())
                .filter(|&i| inside(i, start, start + close) && !cands[i].adjectival)
                .collect();
            if let [i] = only[..] {
                let units: Vec<u32> = cands[i]
                    .entries
                    .iter()
                    .copied()
                    .filter(|&e| {
                        matches!(gaz.entries[e as usize].kind, Kind::Admin1 | Kind::Admin2)
                    })
                    .collect();
                if !units.is_empty() && units.len() < cands[i].entries.len() {
                    held.push((i, units));
                }
            }
            continue;
        }
        if read_brackets.contains(&start) || parts.len() < 2 || !parts.iter().all(|p| name_like(p))
        {
            continue;
        }
        let inner: Vec<usize> = (0..cands.len())
            .filter(|&i| inside(i, start, start + close))
            .collect();
        if inner.len() < 2 {
            continue;
        }
        let fits: Vec<(usize, Vec<u32>)> = inner
            .iter()
            .map(|&i| {
                let others: Vec<u32> = inner
                    .iter()
                    .filter(|&&j| j != i)
                    .flat_map(|&j| units_of(&cands[j]))
                    .collect();
                let keep = cands[i]
                    .entries
                    .iter()
                    .copied()
                    .filter(|&e| {
                        in_any(gaz, &others, e) || others.iter().any(|&u| in_any(gaz, &[e], u))
                    })
                    .collect();
                (i, keep)
            })
            .collect();
        if fits
            .iter()
            .all(|(_, keep): &(usize, Vec<u32>)| !keep.is_empty())
        {
            held.extend(fits);
        }
    }
    for (k, q) in contained {
        cands[k]
            .entries
            .retain(|&i| q.contains(&i) || in_any(gaz, &q, i));
    }
    for (k, keep) in held {
        cands[k].entries = keep;
    }
    for (key, q) in bracketed {
        qualifiers.entry(key).or_insert(q);
    }
    // One name, one place: a name the article once qualifies with its
    // country ("TRIPOLI (Liban), 28 jan (AFP) - ... la municipalité de
    // Tripoli") is that place where it repeats it bare.
    // (by a country only: "Russia, Ohio" names a town there, and the
    // article's other "Russia" is still the country; nor a name the
    // brackets or the comma of another qualify with)
    let by_country = |c: &Candidate| {
        qualifiers.get(&(c.first, c.last)).is_some_and(|q| {
            q.iter()
                .all(|&u| gaz.entries[u as usize].kind == Kind::Country)
        })
    };
    let settled: Vec<(String, Vec<u32>)> = cands
        .iter()
        .filter(|c| !c.adjectival && by_country(c))
        .filter_map(|c| {
            let keep: Vec<u32> = c
                .entries
                .iter()
                .copied()
                .filter(|&i| within_qualifier(gaz, &qualifiers, c, i))
                .collect();
            (!keep.is_empty()).then(|| (c.key.clone(), keep))
        })
        .collect();
    if !settled.is_empty() {
        for c in cands.iter_mut() {
            let qualifying = text[..tokens[c.first].span.start]
                .trim_end()
                .ends_with(['(', ',']);
            let country = c
                .entries
                .iter()
                .any(|&e| gaz.entries[e as usize].kind == Kind::Country);
            if c.adjectival || qualifying || country || qualifiers.contains_key(&(c.first, c.last))
            {
                continue;
            }
            if let Some((_, keep)) = settled.iter().find(|(k, _)| *k == c.key) {
                if c.entries.iter().any(|e| keep.contains(e)) {
                    c.entries.retain(|e| keep.contains(e));
                }
            }
        }
    }
    // Focus country.
    let mut weight: HashMap<String, f64> = HashMap::new();
    let continent = |c: &Candidate| {
        c.entries
            .iter()
            .any(|&e| gaz.entries[e as usize].kind.is_area())
    };
    let mut voted: HashMap<String, f64> = HashMap::new();
    // What names other than the country's own say for each country: place
    // names and demonyms.
    let mut support: HashMap<String, f64> = HashMap::new();
    let mut country_votes: Vec<(&Candidate, String)> = Vec::new();
    let mut towns_not_countries: std::collections::HashSet<String> = Default::default();
    let mut deferred: HashMap<String, f64> = HashMap::new();
    for c in cands.iter().filter(|c| !continent(c)) {
        // "Palestine, Texas" votes for the country of Texas.
        if let Some(&i) = c
            .entries
            .iter()
            .find(|&&i| within_qualifier(gaz, &qualifiers, c, i))
        {
            *weight
                .entry(gaz.entries[i as usize].iso2.clone())
                .or_default() += 1.0;
            continue;
        }
        // A country name counts twice for that country only; a demonym once;
        // an ambiguous place name splits one vote among its countries.
        // ("Georgia", also a US state, is not a vote for Georgia alone.)
        let country = c
            .entries
            .iter()
            .find(|&&e| gaz.entries[e as usize].kind == Kind::Country)
            .filter(|&&k| {
                let iso = &gaz.entries[k as usize].iso2;
                !c.entries.iter().any(|&x| {
                    let o = &gaz.entries[x as usize];
                    o.kind == Kind::Admin1 && o.iso2 != *iso
                })
            });
        if let Some(&country) = country {
            let w = if c.adjectival { 1.0 } else { 2.0 };
            let iso = &gaz.entries[country as usize].iso2;
            // "près de la frontière avec le Burkina Faso": the country
            // across the border, where it did not happen (a tie-breaker).
            if c.cue.as_deref() == Some("border") {
                *weight.entry(iso.clone()).or_default() += w * DEFERRED_SAY;
                continue;
            }
            // "An Israeli air strike hit Jabalia", "Russian shelling killed
            // three in Kupiansk", "frappes israéliennes": who fought, maybe
            // not where (weighed below, once every place has voted).
            // ("the Indonesian hospital" in Gaza: whose, never where)
            if c.adjectival && next_to_words(text, tokens, c, &|p| gaz.is_mission_word(p)) {
                *weight.entry(iso.clone()).or_default() += w * DEFERRED_SAY;
                continue;
            }
            if c.adjectival && next_to_words(text, tokens, c, &|p| gaz.is_force_word(p)) {
                *deferred.entry(iso.clone()).or_default() += w;
                continue;
            }
            // ("a US drone strike killed two fighters near Jilib", "UK
            // forces": a country's abbreviation before its forces says
            // whose, as a demonym does.)
            let surface = &text[tokens[c.first].span.start..tokens[c.last].word_end];
            let abbreviation = surface
                .chars()
                .all(|ch| ch.is_ascii_uppercase() || ch == '.');
            if !c.adjectival
                && abbreviation
                && words_after(text, tokens, c, &|p| gaz.is_force_word(p))
            {
                *deferred.entry(iso.clone()).or_default() += 1.0;
                continue;
            }
            if c.adjectival {
                *weight.entry(iso.clone()).or_default() += w;
                *support.entry(iso.clone()).or_default() += w;
            } else {
                country_votes.push((c, iso.clone()));
            }
            continue;
        }
        // A repeated place name says less each time: "Dublin" fifteen
        // times in a story on Dublin, Ohio, is one name that Ireland's
        // capital fits best, told again (the k-th time counts 1/k).
        let surface = c.key.as_str();
        let times = voted.entry(surface.to_string()).or_insert(0.0);
        *times += 1.0;
        let say = 1.0 / *times;
        // Each country's share follows how well its best entry fits: named
        // by its own name rather than one of its alternate names, and an
        // admin unit when the text says "province of" or "region".
        // And how prominent it is: "Dhaka" is Bangladesh's capital far
        // more often than the village in Bihar, "Tripoli" Libya's before
        // Greece's (a power of the population, with a floor).
        let mut fit: HashMap<&str, f64> = HashMap::new();
        for &e in &c.entries {
            let e = &gaz.entries[e as usize];
            let mut f = if folds_to(&e.name, surface) { 1.0 } else { 0.5 };
            f *= ((e.population + 1000) as f64).powf(0.35);
            if matches!(e.kind, Kind::Admin1 | Kind::Admin2)
                && matches!(c.cue.as_deref(), Some("region" | "district"))
            {
                f *= 3.0;
            }
            let best = fit.entry(e.iso2.as_str()).or_default();
            *best = best.max(f);
        }
        let total: f64 = fit.values().sum();
        // A region named by its own name, and nothing of that name in
        // another country ("Ohio"), tells its country as a country name
        // would.
        // (So does a unit its cue names as one: "dans la province du
        // Soum".)
        let unit_cue = matches!(c.cue.as_deref(), Some("region" | "district"));
        let region = fit.len() == 1
            && c.entries.iter().any(|&i| {
                let e = &gaz.entries[i as usize];
                e.kind == Kind::Admin1 && folds_to(&e.name, surface)
                    || matches!(e.kind, Kind::Admin1 | Kind::Admin2) && unit_cue
            });
        // A name that is no entry's own ("Inata" for Japan's Inada) says
        // less of its country.
        // (units keep their say: "Anderson County" is GeoNames' "Anderson")
        let by_own_name = c.entries.iter().any(|&i| {
            let e = &gaz.entries[i as usize];
            e.kind != Kind::Place || folds_to(&e.name, surface)
        });
        let say = if by_own_name || unit_cue {
            say
        } else {
            say / 2.0
        };
        let say = if region && !c.adjectival {
            2.0 * say
        } else {
            say
        };
        for (iso, f) in fit {
            *weight.entry(iso.to_string()).or_default() += say * f / total;
            *support.entry(iso.to_string()).or_default() += say * f / total;
        }
    }
    // Forces named by a demonym and a place in a neighbouring country
    // ("Israeli air strike ... Jabalia", "Russian shelling ... Kupiansk"):
    // the forces fought abroad, the demonym breaks ties only. Otherwise it
    // is a demonym like any other ("Malian soldiers ... near Boni" is no
    // Bonn).
    let abroad_nearby = |iso: &str| {
        cands.iter().filter(|c| !c.adjectival).any(|c| {
            c.entries.iter().any(|&e| {
                let e = &gaz.entries[e as usize];
                e.kind != Kind::Country && gaz.borders(iso, &e.iso2)
            })
        })
    };
    for (iso, w) in deferred {
        let say = if abroad_nearby(&iso) {
            DEFERRED_SAY
        } else {
            1.0
        };
        *weight.entry(iso.clone()).or_default() += w * say;
        *support.entry(iso).or_default() += w * say;
    }
    // A country name counts twice for that country, unless it is also a
    // town of a country the other names point to and that country much
    // less: "Palestine" in a story that names Elkhart and Anderson County
    // is the Texas town.
    for (c, iso) in country_votes {
        let say = |i: &str| support.get(i).copied().unwrap_or(0.0);
        let surface = c.key.as_str();
        let town_of = c
            .entries
            .iter()
            .map(|&i| &gaz.entries[i as usize])
            .filter(|e| e.kind == Kind::Place && e.iso2 != iso && folds_to(&e.name, surface))
            .map(|e| e.iso2.as_str())
            .find(|t| say(t) >= 2.0 && say(&iso) * 4.0 <= say(t));
        if let Some(t) = town_of {
            *weight.entry(t.to_string()).or_default() += 2.0;
            towns_not_countries.insert(surface.to_string());
        } else {
            *weight.entry(iso).or_default() += 2.0;
        }
    }
    let focus = weight
        .iter()
        .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(a.0)))
        .map(|x| x.0.clone());

    // Fuzzy region names, only within the focus country.
    if let Some(f) = &focus {
        for c in cands.iter_mut().filter(|c| c.fuzzy) {
            let key = c.key.as_str();
            let max = if key.chars().count() >= 8 { 2 } else { 1 };
            let best = gaz
                .admin1_of(f)
                .map(|(i, name)| (i, edit_distance(key, name)))
                .filter(|(_, d)| *d <= max)
                .min_by_key(|(_, d)| *d);
            if let Some((idx, _)) = best {
                c.entries = vec![idx];
            }
        }
    }
    cands.retain(|c| !c.entries.is_empty());

    // Small places abroad: a place outside the focus country is kept only
    // when it is a large city or its country is named in the same sentence
    // ("Ber" in an article on Mali is not the Greek town).
    if let Some(f) = &focus {
        let named_countries: Vec<(usize, String)> = cands
            .iter()
            .filter(|c| {
                c.entries.len() == 1 && gaz.entries[c.entries[0] as usize].kind == Kind::Country
            })
            .map(|c| {
                (
                    tokens[c.first].sentence,
                    gaz.entries[c.entries[0] as usize].iso2.clone(),
                )
            })
            .collect();
        // And a known city or region of one country, by its own name, in
        // the sentence ("the port of Hodeidah ... the health ministry in
        // Sanaa"): that country is named too, for the other names.
        let known_places: Vec<(usize, usize, String)> = cands
            .iter()
            .enumerate()
            .filter(|(_, c)| !c.adjectival)
            .filter_map(|(k, c)| {
                let first = &gaz.entries[*c.entries.first()? as usize];
                let surface = c.key.as_str();
                let one_country = c
                    .entries
                    .iter()
                    .all(|&e| gaz.entries[e as usize].iso2 == first.iso2);
                let known = c.entries.iter().any(|&e| {
                    let e = &gaz.entries[e as usize];
                    folds_to(&e.name, surface)
                        && (e.kind == Kind::Admin1 || e.population >= 100_000)
                });
                (one_country && known && first.kind != Kind::Country)
                    .then(|| (k, tokens[c.first].sentence, first.iso2.clone()))
            })
            .collect();
        for (k, c) in cands.iter_mut().enumerate().filter(|(_, c)| !c.adjectival) {
            let sentence = tokens[c.first].sentence;
            let before = c.entries.clone();
            let surface = c.key.as_str();
            let qualified: Vec<u32> = before
                .iter()
                .copied()
                .filter(|&i| within_qualifier(gaz, &qualifiers, c, i))
                .collect();
            // (whether the name has a reading in the focus country at all)
            let read_here = before.iter().any(|&i| gaz.entries[i as usize].iso2 == *f);
            // (and whether words around it say it is a place: "in", "region")
            let cued = c.cue.as_deref().is_some_and(|k| k != "dateline");
            c.entries.retain(|&e| {
                if qualified.contains(&e) {
                    return true;
                }
                let e = &gaz.entries[e as usize];
                // A city abroad named by one of its many foreign alternate
                // names ("Boni" for Bonn) must be a very large one.
                // ("Marawi" is Marawi City's own name, less the word.)
                let by_own_name = folds_to(&e.name, surface)
                    || e.name
                        .strip_suffix(" City")
                        .is_some_and(|n| folds_to(n, surface));
                // "dans le Sud", "in the North": a compass word names a unit
                // abroad only with its country in the sentence.
                let compass = COMPASS.contains(&surface);
                if compass && e.iso2 != *f {
                    return named_countries
                        .iter()
                        .any(|(s, iso)| *s == sentence && *iso == e.iso2);
                }
                e.iso2 == *f
                    || e.kind == Kind::Country
                    || e.kind.is_area()
                    || e.population >= 1_000_000
                    || by_own_name && e.population >= 100_000
                    // "near the Libyan border in Tibesti", "dans la province
                    // du Kanem" in a story about miners from Sudan: a region
                    // abroad named by its own name, told as a place, when
                    // the name has no reading in the focus country.
                    || by_own_name && e.kind == Kind::Admin1 && !read_here && cued
                    || named_countries
                        .iter()
                        .any(|(s, iso)| *s == sentence && *iso == e.iso2)
                    || known_places
                        .iter()
                        .any(|(j, s, iso)| *j != k && *s == sentence && *iso == e.iso2)
            });
            // A given toponym keeps its candidates: it is a place, only not a likely one.
            if c.entries.is_empty() && c.gold.is_some() {
                c.entries = before;
            }
        }
        cands.retain(|c| !c.entries.is_empty());
    }

    // Admin1 units the text names: support for the hierarchy.
    let named_admin1: Vec<u32> = cands
        .iter()
        .flat_map(|c| {
            c.entries
                .iter()
                .copied()
                .filter(|&e| gaz.entries[e as usize].kind == Kind::Admin1)
        })
        .collect();

    // Countries the text names without ambiguity, by name or demonym
    // ("Russia", "a French woman"): a town abroad there is the likelier
    // reading of its name ("Paris" in a story set in New Jersey about a
    // French passenger).
    // (a country's name that is also a town's counts: "Russia", also a
    // village in Ohio)
    let named_countries: std::collections::HashSet<&str> = cands
        .iter()
        .filter(|c| c.entries.len() == 1 || !c.adjectival)
        .filter_map(|c| {
            c.entries
                .iter()
                .map(|&i| &gaz.entries[i as usize])
                .find(|e| e.kind == Kind::Country)
        })
        .map(|e| e.iso2.as_str())
        .collect();

    // The region the story is set in, when several of its names have a
    // reading in one admin1 unit of the focus country and fewer in any
    // other ("Watertown", "Delano", "Plainview" and "Scott County" are all
    // in Minnesota): readings there are the likelier.
    // And the second-level unit: "New London", "Mt. Pleasant" and
    // "Winfield" all have a reading in Henry County, Iowa (and "Paris and
    // Henry County" one in Henry County, Tennessee): two names or more,
    // and more than in any other county.
    let (focus_admin1, focus_admin2) = {
        let mut in1: Vec<(u32, &str)> = Vec::new();
        let mut in2: Vec<(u32, &str)> = Vec::new();
        for c in cands.iter().filter(|c| !c.adjectival) {
            let surface = c.key.as_str();
            for &i in &c.entries {
                let e = &gaz.entries[i as usize];
                if focus.as_deref() != Some(e.iso2.as_str()) {
                    continue;
                }
                let admin1 = if e.kind == Kind::Admin1 {
                    Some(i)
                } else {
                    e.admin1
                };
                let admin2 = if e.kind == Kind::Admin2 {
                    Some(i)
                } else {
                    e.admin2
                };
                in1.extend(admin1.map(|u| (u, surface)));
                in2.extend(admin2.map(|u| (u, surface)));
            }
        }
        (
            unit_of_most_names(in1, ADMIN1_MIN_NAMES),
            unit_of_most_names(in2, 2),
        )
    };
    // (that county named as a county: "Paris and Henry County")
    let focus_admin2_named = focus_admin2.is_some_and(|u| {
        cands
            .iter()
            .any(|c| !c.adjectival && c.entries.contains(&u) && c.first < c.last)
    });

    // Anchors: places the text names without ambiguity (one reading, not a
    // country). An ambiguous name is more likely the reading near them
    // ("Gainesville" in a story that also names Lake Lanier's towns).
    let anchors: Vec<(f64, f64)> = cands
        .iter()
        .filter(|c| c.entries.len() == 1 && !c.adjectival)
        .map(|c| &gaz.entries[c.entries[0] as usize])
        .filter(|e| e.kind != Kind::Country)
        .filter_map(|e| Some((e.lat?, e.lon?)))
        .collect();
    let near_anchor = |e: &Entry| -> f64 {
        let (Some(lat), Some(lon)) = (e.lat, e.lon) else {
            return 0.0;
        };
        let d = anchors
            .iter()
            .map(|&a| crate::distance_km(a, (lat, lon)))
            .fold(f64::INFINITY, f64::min);
        if d <= 150.0 {
            35.0
        } else if d <= 400.0 {
            12.0
        } else {
            0.0
        }
    };
    // "in the southern Philippines", "dans le nord du Mali": the side of a
    // country the text names, for the names its places share ("Jolo" is a
    // town of Sulu and one of Central Luzon).
    let sides: Vec<(&str, (i8, i8))> = cands
        .iter()
        .filter(|c| c.entries.len() == 1)
        .filter_map(|c| {
            let e = &gaz.entries[c.entries[0] as usize];
            (e.kind == Kind::Country)
                .then(|| country_side(text, tokens[c.first].span.start))
                .flatten()
                .map(|side| (e.iso2.as_str(), side))
        })
        .collect();
    let on_side = |e: &Entry| -> bool {
        let Some(country) = gaz.country(&e.iso2) else {
            return false;
        };
        let (Some(clat), Some(clon), Some(lat), Some(lon)) =
            (country.lat, country.lon, e.lat, e.lon)
        else {
            return false;
        };
        sides.iter().any(|&(iso, (ns, ew))| {
            iso == e.iso2
                && (ns == 0 || (lat - clat) * f64::from(ns) > 0.0)
                && (ew == 0 || (lon - clon) * f64::from(ew) > 0.0)
        })
    };
    let mut resolved = Vec::with_capacity(cands.len());
    for c in cands {
        let within = |i: u32| within_qualifier(gaz, &qualifiers, &c, i);
        let surface = c.key.as_str();
        // "Palestine" in a story on Anderson County, Texas, "Lebanon" in
        // one on Boone County, Indiana: a country nothing else in the text
        // points to yields to a town of that name in the focus country,
        // near the places the text names without ambiguity.
        // (only a name that is also a country's: not worth measuring
        // nearness for every other name)
        let has_country = c
            .entries
            .iter()
            .any(|&i| gaz.entries[i as usize].kind == Kind::Country);
        let local_town = has_country
            && c.entries.iter().any(|&i| {
                let e = &gaz.entries[i as usize];
                e.kind == Kind::Place
                    && focus.as_deref() == Some(e.iso2.as_str())
                    && folds_to(&e.name, surface)
                    && (near_anchor(e) >= 35.0
                        || towns_not_countries.contains(surface)
                            && focus_admin1.is_some()
                            && e.admin1 == focus_admin1)
            });
        let unsupported = |e: &Entry| {
            e.kind == Kind::Country
                && focus.as_deref() != Some(e.iso2.as_str())
                && support.get(&e.iso2).copied().unwrap_or(0.0) < 0.5
        };
        let largest = c
            .entries
            .iter()
            .map(|&i| gaz.entries[i as usize].population + 1000)
            .max()
            .unwrap_or(0);
        let base: Vec<(u32, f64)> = c
            .entries
            .iter()
            .map(|&i| {
                let mut s = score(gaz, i, &c, focus.as_deref(), &named_admin1, &weight);
                {
                    let e = &gaz.entries[i as usize];
                    if c.entries.len() > 1
                        && e.kind != Kind::Country
                        && focus.as_deref() != Some(e.iso2.as_str())
                        && named_countries.contains(e.iso2.as_str())
                    {
                        s += NAMED_COUNTRY_BONUS;
                        // The capital of a country the text names is that
                        // capital, however near the text's other places a
                        // village of its name is ("Moscow" in a story on
                        // flights from New York to Russia is no Moscow,
                        // Pennsylvania).
                        if gaz.country_index(&e.iso2).and_then(|k| gaz.capital_of(k)) == Some(i) {
                            s += NAMED_CAPITAL_BONUS;
                        }
                    }
                }
                if local_town && unsupported(&gaz.entries[i as usize]) {
                    s -= 190.0;
                }
                // (of the readings of one name, those on the side of their
                // country the text names)
                if c.entries.len() > 1
                    && !sides.is_empty()
                    && matches!(gaz.entries[i as usize].kind, Kind::Place | Kind::Admin2)
                    && on_side(&gaz.entries[i as usize])
                {
                    s += SIDE_BONUS;
                }
                // (a reading in the focus admin1 or admin2 unit, or the
                // unit itself, not much smaller than the largest reading)
                if c.entries.len() > 1 {
                    let e = &gaz.entries[i as usize];
                    let large_enough = (e.population + 1000) * ADMIN1_LARGER >= largest;
                    for (focus_unit, own, bonus, named) in [
                        (focus_admin1, e.admin1, ADMIN1_BONUS, false),
                        (focus_admin2, e.admin2, ADMIN2_BONUS, focus_admin2_named),
                    ] {
                        // (named, the county's places gain more; a bare
                        // "Koro" in "le cercle de Koro" is still the town)
                        let member = own == focus_unit && Some(i) != focus_unit;
                        if named && member {
                            s += ADMIN2_NAMED_BONUS;
                        } else if focus_unit.is_some()
                            && (own == focus_unit || Some(i) == focus_unit)
                            && large_enough
                        {
                            s += bonus;
                        }
                    }
                }
                if within(i) {
                    s += 300.0;
                }
                // Named by one of its alternate names ("Paris" for the
                // Russian village of Parizh): the lesser reading.
                if !folds_to(&gaz.entries[i as usize].name, surface) {
                    s -= 12.0;
                }
                (i, s)
            })
            .collect();
        let top = base.iter().map(|b| b.1).fold(f64::NEG_INFINITY, f64::max);
        // Nearness can add at most 35: only readings within that of the
        // best are worth measuring.
        let best = base
            .iter()
            .map(|&(i, s)| {
                let near = if c.entries.len() > 1 && s + 35.0 >= top {
                    near_anchor(&gaz.entries[i as usize])
                } else {
                    0.0
                };
                (i, s + near)
            })
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .map(|x| x.0)
            .expect("non-empty");
        resolved.push((c, best));
    }
    (resolved, focus)
}

/// What a reading abroad in a country the text names gets.
const NAMED_COUNTRY_BONUS: f64 = 10.0;

/// What the capital of a country the text names gets besides: as much as
/// nearness to the text's other places can add.
const NAMED_CAPITAL_BONUS: f64 = 35.0;

/// What a reading abroad within this distance of the focus country's
/// centre point gets, as a reading in it does.
const NEAR_FOCUS_BONUS: f64 = 15.0;
/// For a reading of a shared name on the side of its country the text
/// names ("the town of Jolo in the southern Philippines").
const SIDE_BONUS: f64 = 20.0;
const NEAR_FOCUS_KM: f64 = 250.0;

/// Population from which a city is what its name means, before a region
/// named like it.
const LARGE_CITY: u64 = 500_000;

fn score(
    gaz: &Gazetteer,
    idx: u32,
    c: &Candidate,
    focus: Option<&str>,
    named_admin1: &[u32],
    weight: &HashMap<String, f64>,
) -> f64 {
    let e = &gaz.entries[idx as usize];
    let mut s = 0.0;
    // The article's country helps, but does not beat a much larger place
    // abroad ("London" in a story set in the United States).
    if Some(e.iso2.as_str()) == focus {
        s += 15.0;
    } else if e.kind != Kind::Country {
        // Just across its border ("Gaza" in a story on Israel is not
        // Mozambique's province): near the focus country's centre point.
        let near = |c: &Entry| -> Option<bool> {
            let km = crate::distance_km((c.lat?, c.lon?), (e.lat?, e.lon?));
            Some(km <= NEAR_FOCUS_KM)
        };
        if focus.and_then(|f| gaz.country(f)).and_then(near) == Some(true) {
            s += NEAR_FOCUS_BONUS;
        }
    }
    let country_named = c
        .entries
        .iter()
        .any(|&x| gaz.entries[x as usize].kind == Kind::Country);
    // "Georgia" in a story set in the United States is the state: a
    // country abroad yields to a region of the focus country of that name,
    // when the text is clearly about the focus country and names nothing
    // else of the other ("Niger" in a story on Nigeria and the Sahel stays
    // the country).
    let w = |iso: &str| weight.get(iso).copied().unwrap_or(0.0);
    let focus_region_too = e.kind == Kind::Country
        && focus.is_some_and(|f| {
            e.iso2 != f
                && w(f) >= 3.0
                && w(&e.iso2) * 3.0 <= w(f)
                && c.entries.iter().any(|&x| {
                    let o = &gaz.entries[x as usize];
                    o.kind == Kind::Admin1 && o.iso2 == f
                })
        });
    // "the Sahel region" is the world region, save in a story set in
    // Burkina Faso, whose Sahel region it then is.
    let own_unit_of_world_region = Some(e.iso2.as_str()) == focus
        && c.entries
            .iter()
            .any(|&x| gaz.entries[x as usize].kind == Kind::WorldRegion);
    s += match (e.kind, c.cue.as_deref()) {
        (Kind::Admin1 | Kind::Admin2, Some("region" | "district"))
            if country_named || own_unit_of_world_region =>
        {
            250.0
        }
        (Kind::Country, _) if focus_region_too => 10.0,
        (Kind::Country | Kind::Continent | Kind::WorldRegion, _) => 200.0,
        (Kind::Admin1, Some("region")) => 60.0,
        (Kind::Admin2, Some("district")) => 60.0,
        (Kind::Place, Some("village" | "town" | "near" | "in")) => 30.0,
        // ("the central city of Hama" is the city, not its governorate)
        (Kind::Admin1 | Kind::Admin2, Some("village" | "town")) => 0.0,
        (Kind::Place, _) => 20.0,
        (Kind::Admin1, _) => 25.0,
        (Kind::Admin2, _) => 10.0,
    };
    // A place or district named like a region of its country that it is not
    // in ("California, Maryland" for "California") is the lesser reading;
    // not a large city ("Maputo" is the city, not Maputo Province, which
    // GeoNames also calls "Maputo").
    if matches!(e.kind, Kind::Place | Kind::Admin2) && e.population < LARGE_CITY {
        let shadowed = c.entries.iter().any(|&x| {
            let o = &gaz.entries[x as usize];
            o.kind == Kind::Admin1 && o.iso2 == e.iso2 && e.admin1 != Some(x)
        });
        if shadowed {
            s -= 50.0;
        }
    }
    // ... and a large city is the reading of its name over the region
    // named like it, with or without a cue ("in central Maputo").
    if e.kind == Kind::Place && e.population >= LARGE_CITY {
        let region_too = c.entries.iter().any(|&x| {
            let o = &gaz.entries[x as usize];
            o.kind == Kind::Admin1 && o.iso2 == e.iso2
        });
        if region_too {
            s += 15.0;
        }
    }
    // The admin1 unit the text names elsewhere supports its places.
    // Not when the region's name is this very mention ("Minnesota" is also
    // an alternate name of the town of Minneota).
    if let Some(a1) = e.admin1 {
        if e.kind != Kind::Admin1 && named_admin1.contains(&a1) && !c.entries.contains(&a1) {
            s += 30.0;
        }
    }
    s + 3.0 * ((e.population + 1) as f64).log10()
}

/// The unit with readings of the most distinct names, at least `min` and
/// strictly more than any other unit; `readings` pairs a unit with a name.
fn unit_of_most_names(mut readings: Vec<(u32, &str)>, min: usize) -> Option<u32> {
    readings.sort_unstable();
    readings.dedup();
    let mut best: Option<(usize, u32)> = None;
    let mut tied = false;
    for run in readings.chunk_by(|a, b| a.0 == b.0) {
        let n = run.len();
        match best {
            Some((m, _)) if n < m => {}
            Some((m, _)) if n == m => tied = true,
            _ => {
                best = Some((n, run[0].0));
                tied = false;
            }
        }
    }
    best.filter(|&(n, _)| n >= min && !tied).map(|(_, u)| u)
}

/// What a forces' demonym ("Israeli air strike") fighting next door, or a
/// mission's ("the Indonesian hospital"), says of the focus country,
/// against a place name's one.
const DEFERRED_SAY: f64 = 0.01;

/// Whether a demonym or a country's name used as one is followed by one
/// or two words `is_word` accepts (folded: "Israeli air strike", "U.S.
/// drone") or, as French writes it, preceded by them ("frappes
/// israéliennes", "l'armée malienne").
fn next_to_words(
    text: &str,
    tokens: &[Token],
    c: &Candidate,
    is_word: &dyn Fn(&str) -> bool,
) -> bool {
    let start = tokens[c.first].span.start;
    let end = tokens[c.last].word_end;
    let after = &text[end..text.ceil_char_boundary((end + 40).min(text.len()))];
    let before = &text[text.floor_char_boundary(start.saturating_sub(40))..start];
    let words = |s: &str| -> Vec<String> {
        s.split(|ch: char| !ch.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(fold)
            .collect()
    };
    // (the word right before, in the same clause: not "... killed 12
    // soldiers. Malian officials said")
    let before = if before
        .trim_end()
        .ends_with(|ch: char| ch.is_alphanumeric() || ch == '\'' || ch == '’')
    {
        before
    } else {
        ""
    };
    let (after, before) = (words(after), words(before));
    let (a, b) = (after.iter().take(2), before.iter().rev().take(2));
    let phrases = |w: Vec<&String>| -> Vec<String> {
        match w.as_slice() {
            [] => vec![],
            [one] => vec![one.to_string()],
            [one, two, ..] => vec![one.to_string(), format!("{one} {two}")],
        }
    };
    let after_says = phrases(a.collect()).iter().any(|p| is_word(p));
    let mut b: Vec<&String> = b.collect();
    // ("frappes aeriennes israeliennes": the two words before, in order)
    let before_says = b.first().is_some_and(|w| is_word(w)) || {
        b.reverse();
        b.len() == 2 && is_word(&format!("{} {}", b[0], b[1]))
    };
    after_says || before_says
}

/// Whether the one or two words right after candidate `c`, in its clause,
/// are words `is_word` knows ("US drone", "UK forces").
fn words_after(
    text: &str,
    tokens: &[Token],
    c: &Candidate,
    is_word: &dyn Fn(&str) -> bool,
) -> bool {
    let end = tokens[c.last].word_end;
    let after = &text[end..text.ceil_char_boundary((end + 40).min(text.len()))];
    if !after.starts_with(' ') {
        return false;
    }
    // (a model's name between: "a US MQ-9 drone", "US F-16 jets")
    let mut words: Vec<String> = after
        .split_whitespace()
        .take(3)
        .map(str::to_string)
        .collect();
    if words.first().is_some_and(|w| {
        w.chars().any(|ch| ch.is_ascii_digit())
            || w.chars().filter(|ch| ch.is_uppercase()).count() >= 2
    }) {
        words.remove(0);
    }
    let words: Vec<String> = words
        .iter()
        .flat_map(|w| w.split(|ch: char| !ch.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .take(2)
        .map(fold)
        .collect();
    match words.as_slice() {
        [] => false,
        [one] => is_word(one),
        [one, two, ..] => is_word(one) || is_word(&format!("{one} {two}")),
    }
}

/// How the words between a name and the next one tie them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gap {
    /// "Palestine, Texas"
    Comma,
    /// "La Mora in Sonora", "near La Mora in the northern Mexican state of
    /// Sonora", "Kouré, dans la région de Tillabéri"
    In,
}

/// Whether the words between two names say the second holds the first: a
/// comma, "in", or "in the ... state of" (a unit word, up to three words
/// before it), "dans la région de".
fn qualifying_gap(gap: &str) -> Option<Gap> {
    let gap = gap.trim();
    match gap {
        "," => return Some(Gap::Comma),
        "in" => return Some(Gap::In),
        _ => {}
    }
    let words: Vec<&str> = gap.split_whitespace().collect();
    // "al-Baghdadi in western Anbar province", "in north-eastern Borno"
    let side = |w: &str| {
        let w = w.strip_suffix("ern").unwrap_or(w).replace('-', "");
        matches!(
            w.as_str(),
            "north"
                | "south"
                | "east"
                | "west"
                | "northeast"
                | "northwest"
                | "southeast"
                | "southwest"
                | "central"
        )
    };
    if let ["in", sides @ ..] = words.as_slice() {
        if (1..=2).contains(&sides.len()) && sides.iter().all(|w| side(w)) {
            return Some(Gap::In);
        }
    }
    let [first, middle @ .., unit, last] = words.as_slice() else {
        return None;
    };
    let unit = unit.to_lowercase();
    let linked = matches!((*first, *last), ("in", "of") | ("dans", "de"));
    let is_unit = ADMIN_WORDS.contains(&unit.as_str()) || DISTRICT_WORDS.contains(&unit.as_str());
    (linked
        && is_unit
        && middle.len() <= 4
        && middle
            .iter()
            .all(|w| !w.contains([',', ';', '.', '(', ')'])))
    .then_some(Gap::In)
}

/// Whether entry `i` (not a country) lies in one of the regions,
/// districts or countries `q`.
fn in_any(gaz: &Gazetteer, q: &[u32], i: u32) -> bool {
    let e = &gaz.entries[i as usize];
    e.kind != Kind::Country
        && q.iter().any(|&q| match gaz.entries[q as usize].kind {
            Kind::Country => gaz.entries[q as usize].iso2 == e.iso2,
            Kind::Admin2 => e.admin2 == Some(q) && q != i,
            _ => e.admin1 == Some(q) && q != i,
        })
}

/// The side of a country the words before its name at `start` tell, as
/// (north +1 / south -1, east +1 / west -1): "southern Philippines", "the
/// north-east of Nigeria", "le nord-ouest du Mali"; none for "central".
fn country_side(text: &str, start: usize) -> Option<(i8, i8)> {
    let before = text[text.floor_char_boundary(start.saturating_sub(24))..start].to_lowercase();
    let mut before = before.trim_end();
    for link in ["du", "de la", "de l'", "de l’", "of", "of the"] {
        if let Some(b) = before.strip_suffix(link).filter(|b| b.ends_with(' ')) {
            before = b.trim_end();
            break;
        }
    }
    let word: String = before
        .rsplit(' ')
        .next()?
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect();
    let word = word.strip_suffix("ern").unwrap_or(&word);
    Some(match word {
        "north" | "nord" => (1, 0),
        "south" | "sud" => (-1, 0),
        "east" | "est" => (0, 1),
        "west" | "ouest" => (0, -1),
        "northeast" | "nordest" => (1, 1),
        "northwest" | "nordouest" => (1, -1),
        "southeast" | "sudest" => (-1, 1),
        "southwest" | "sudouest" => (-1, -1),
        _ => return None,
    })
}

/// Whether entry `i` of candidate `c` lies in the region or country named
/// right after it ("Palestine, Texas").
fn within_qualifier(
    gaz: &Gazetteer,
    qualifiers: &HashMap<(usize, usize), Vec<u32>>,
    c: &Candidate,
    i: u32,
) -> bool {
    qualifiers
        .get(&(c.first, c.last))
        .is_some_and(|q| in_any(gaz, q, i))
}

/// Tokens first..=last form one name: same sentence, separated by single
/// spaces or hyphens, capitalised except inner connectors.
fn run_ok(text: &str, tokens: &[Token], first: usize, last: usize) -> bool {
    for k in first..=last {
        let t = &tokens[k];
        if t.sentence != tokens[first].sentence {
            return false;
        }
        if k > first {
            let gap = &text[tokens[k - 1].span.end..t.span.start];
            let elided = ELIDED_GAPS.contains(&gap);
            if gap != " " && !elided || tokens[k - 1].word_end != tokens[k - 1].span.end {
                return false;
            }
        }
        let w = t.span.of(text);
        if !capitalised(w) {
            // (lower-cased only here: most words of a run are capitalised)
            let lower = w.to_lowercase();
            let connector = k > first && k < last && CONNECTORS.contains(&lower.as_str());
            // ("la province du Logone occidental", "le Kasaï oriental")
            let adjective = k > first && k == last && NAME_ADJECTIVES.contains(&lower.as_str());
            let head = k < last && REGION_HEADS.contains(&lower.as_str());
            if !connector && !head && !adjective {
                return false;
            }
        }
    }
    true
}

/// A capitalised word right before or after the run: the run is part of a
/// longer name (a person, an organisation), unless that word is a generic
/// place word ("Region") or the sentence starts right before.
fn glued_to_name(text: &str, tokens: &[Token], first: usize, last: usize, qualified: bool) -> bool {
    let generic = |t: &Token| {
        let l = lower_word(text, t);
        ADMIN_WORDS.contains(&l.as_str())
            || DISTRICT_WORDS.contains(&l.as_str())
            || SETTLEMENT_WORDS.contains(&l.as_str())
    };
    // "El Nabatieh", "Al Anbar": the Arabic article of the name itself.
    let article = |t: &Token| ARABIC_ARTICLES.contains(&lower_word(text, t).as_str());
    let adjacent =
        |a: &Token, b: &Token| a.sentence == b.sentence && &text[a.span.end..b.span.start] == " ";
    // "Northeast Georgia", "Southern Kordofan", "Greater Accra": a compass
    // or size word before a name qualifies the place, it is no other name
    // (when `qualified`: callers say so for regions and large cities, not
    // for a small town's name, "East College" is a street).
    let qualifier =
        |t: &Token| qualified && PLACE_QUALIFIERS.contains(&lower_word(text, t).as_str());
    // "Mocimboa da Praia", "Vila do Conde": a Portuguese name's last words
    // ("Praia" is Cape Verde's capital).
    if first >= 2 {
        let (c, p) = (&tokens[first - 2], &tokens[first - 1]);
        if adjacent(c, p)
            && adjacent(p, &tokens[first])
            && matches!(p.span.of(text), "da" | "do" | "das" | "dos")
            && capitalised(c.span.of(text))
        {
            return true;
        }
    }
    // "Pau D'Arco", "Santa Barbara D'Oeste": a name's capital elided
    // article ties its last word to the words before.
    if first > 0 {
        let p = &tokens[first - 1];
        if p.sentence == tokens[first].sentence
            && matches!(&text[p.span.end..tokens[first].span.start], " D'" | " D’")
            && capitalised(p.span.of(text))
        {
            return true;
        }
    }
    if first > 0 {
        let p = &tokens[first - 1];
        let sentence_start = first == 0 || tokens[first - 1].sentence != tokens[first].sentence;
        if !sentence_start
            && adjacent(p, &tokens[first])
            && capitalised(p.span.of(text))
            && !generic(p)
            && !article(p)
            && !qualifier(p)
        {
            // "Also Read", "Mr", a title: only a preceding sentence-initial word is harmless.
            let p_is_first_of_sentence = first < 2 || tokens[first - 2].sentence != p.sentence;
            if !p_is_first_of_sentence {
                return true;
            }
        }
    }
    if let Some(n) = tokens.get(last + 1) {
        if adjacent(&tokens[last], n)
            && capitalised(n.span.of(text))
            && !generic(n)
            && tokens[last].word_end == tokens[last].span.end
        {
            return true;
        }
        // "Ain al-Asad", "Tell el-Kebir": an Arabic name's next word with
        // its article.
        let arabic_next = n.span.of(text).split_once('-').is_some_and(|(a, rest)| {
            ARABIC_ARTICLES.contains(&a) && rest.chars().next().is_some_and(char::is_uppercase)
        });
        if adjacent(&tokens[last], n) && arabic_next {
            return true;
        }
    }
    false
}

/// Whether the word right after token `last` continues a name: adjacent,
/// capitalised, not a unit or settlement word, not a day or a month, and
/// no place's name itself.
fn longer_name(text: &str, tokens: &[Token], last: usize, gaz: &Gazetteer) -> bool {
    let Some(n) = word_after(text, tokens, last).filter(|n| capitalised(n.span.of(text))) else {
        return false;
    };
    let word = lower_word(text, n);
    let folded = crate::fold::fold(&word);
    !(ADMIN_WORDS.contains(&word.as_str())
        || DISTRICT_WORDS.contains(&word.as_str())
        || SETTLEMENT_WORDS.contains(&word.as_str())
        || gaz.is_never_place(&folded)
        || !gaz.lookup(&folded).is_empty())
}

/// Whether a quoted nickname and a capitalised name follow byte `end`
/// ("Joaquin 'El Chapo' Guzman", "Mohammed « Abou » Diallo").
fn before_nickname(text: &str, end: usize) -> bool {
    let rest = &text[end..];
    let Some(r) = rest.strip_prefix(' ') else {
        return false;
    };
    let Some(open) = r.chars().next() else {
        return false;
    };
    let close = match open {
        '\'' => '\'',
        '"' => '"',
        '‘' => '’',
        '“' => '”',
        '«' => '»',
        _ => return false,
    };
    let inner = &r[open.len_utf8()..];
    let Some(k) = inner.find(close) else {
        return false;
    };
    let nickname = inner[..k].trim();
    !nickname.is_empty()
        && nickname.len() <= 30
        && nickname.split_whitespace().all(capitalised)
        && inner[k + close.len_utf8()..]
            .strip_prefix(' ')
            .is_some_and(capitalised)
}

/// Whether the word right after token `last` is "neighbourhood" (or
/// "neighborhood", "suburb"), capitalised or not.
fn neighbourhood_after(text: &str, tokens: &[Token], last: usize) -> bool {
    word_after(text, tokens, last).is_some_and(|n| {
        matches!(
            lower_word(text, n).as_str(),
            "neighbourhood" | "neighborhood" | "suburb"
        )
    })
}

/// Whether bytes start..end are a nickname quoted between two names.
fn is_nickname(text: &str, start: usize, end: usize) -> bool {
    const QUOTES: &[(char, char)] = &[('\'', '\''), ('"', '"'), ('‘', '’'), ('“', '”')];
    let before = &text[..start];
    let after = &text[end..];
    QUOTES.iter().any(|&(open, close)| {
        before.strip_suffix(open).is_some_and(|b| {
            b.strip_suffix(' ')
                .is_some_and(|b| b.rsplit(' ').next().is_some_and(capitalised))
        }) && after
            .strip_prefix(close)
            .and_then(|a| a.strip_prefix(' '))
            .is_some_and(capitalised)
    })
}

/// Whether the words after token `last` are "de", "du" or "des" and a
/// capitalised word that names no place: a longer French name.
fn french_compound(text: &str, tokens: &[Token], last: usize, gaz: &Gazetteer) -> bool {
    word_after(text, tokens, last).is_some_and(|d| matches!(d.span.of(text), "de" | "du" | "des"))
        && word_after(text, tokens, last + 1).is_some_and(|n| {
            capitalised(n.span.of(text))
                && gaz
                    .lookup(&fold(&text[n.span.start..n.word_end]))
                    .is_empty()
        })
}

/// The word right after token `k`: in its sentence, one space away, with
/// no possessive on token `k` ("Gao's" runs into no longer name).
fn word_after<'t>(text: &str, tokens: &'t [Token], k: usize) -> Option<&'t Token> {
    let t = &tokens[k];
    tokens.get(k + 1).filter(|n| {
        n.sentence == t.sentence
            && &text[t.span.end..n.span.start] == " "
            && t.word_end == t.span.end
    })
}

/// `fold(name) == folded`, without allocating for plain ASCII names (the
/// common case, checked for every reading of every ambiguous name).
fn folds_to(name: &str, folded: &str) -> bool {
    if !name.is_ascii() {
        return fold(name) == folded;
    }
    let mut a = name
        .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
        .filter(|w| !w.is_empty());
    let mut b = folded.split(' ');
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) if x.eq_ignore_ascii_case(y) && !x.contains('`') => {}
            // "St. Louis" is named "Saint Louis" by its own name too.
            (Some(x), Some(y)) if abbreviation_of(x, y) => {}
            _ => return false,
        }
    }
}

/// Whether a name's word `x` is the abbreviation of the folded word `y`
/// ("St." of "saint", "Mt." of "mount", "Ft." of "fort").
fn abbreviation_of(x: &str, y: &str) -> bool {
    const ABBREVIATIONS: &[(&str, &str)] = &[
        ("st", "saint"),
        ("ste", "sainte"),
        ("mt", "mount"),
        ("ft", "fort"),
    ];
    let x = x.strip_suffix('.').unwrap_or(x);
    ABBREVIATIONS
        .iter()
        .any(|&(a, full)| x.eq_ignore_ascii_case(a) && y == full)
}

/// Whether the one-word name at token `i` is used as a person's: followed
/// by a speech verb ("Moore said") or preceded by a title ("Mr. Nelson").
/// Whether a folded name names a country, a region, or a town of 100,000.
fn names_region_or_city(gaz: &Gazetteer, folded: &str) -> bool {
    gaz.lookup(folded).iter().any(|&e| {
        let e = &gaz.entries[e as usize];
        matches!(e.kind, Kind::Country | Kind::Admin1) || e.population >= 100_000
    })
}

/// Population from which a region's name "says" things as a region's
/// government, not as a person.
const MAJOR_REGION: u64 = 500_000;

/// Whether the two words from token `i` are told as a person's name: after
/// an age ("Nine-year-old Georgia Stevens") or a verb of speech ("said
/// Cory Stevens"), or before one ("Georgia Stevens said") or an age
/// ("Georgia Stevens, 9,").
fn person_pair(text: &str, tokens: &[Token], i: usize) -> bool {
    let sentence = tokens[i].sentence;
    let before = i
        .checked_sub(1)
        .map(|p| &tokens[p])
        .filter(|p| p.sentence == sentence && &text[p.span.end..tokens[i].span.start] == " ");
    let after = tokens
        .get(i + 2)
        .filter(|n| n.sentence == sentence && &text[tokens[i + 1].span.end..n.span.start] == " ");
    let aged_before = before.is_some_and(|p| {
        let w = lower_word(text, p);
        w.ends_with("-old") || SPEECH.contains(&w.as_str())
    });
    let speech_after = after.is_some_and(|n| SPEECH.contains(&lower_word(text, n).as_str()));
    let rest = &text[tokens[i + 1].span.end..];
    let aged_after = rest
        .strip_prefix(", ")
        .map(|r| r.trim_start_matches(|c: char| c.is_ascii_digit()))
        .is_some_and(|r| r.len() < rest.len() - 2 && r.starts_with(','));
    aged_before || speech_after || aged_after
}

fn person_context(text: &str, tokens: &[Token], i: usize) -> bool {
    let same = |k: usize| {
        tokens
            .get(k)
            .is_some_and(|t| t.sentence == tokens[i].sentence)
    };
    let next_is_speech = same(i + 1) && {
        let n = &tokens[i + 1];
        &text[tokens[i].span.end..n.span.start] == " "
            && SPEECH.contains(&lower_word(text, n).as_str())
    };
    let prev_is_title = i > 0 && same(i - 1) && {
        let p = &tokens[i - 1];
        let gap = &text[p.span.end..tokens[i].span.start];
        (gap == " " || gap == ". ") && PERSON_TITLES.contains(&lower_word(text, p).as_str())
    };
    next_is_speech || prev_is_title
}

/// Whether the word after token `last` is a capitalised street or square
/// word ("Square").
fn names_facility(text: &str, tokens: &[Token], last: usize) -> bool {
    next_word_in(text, tokens, last, FACILITY_WORDS)
}

/// Whether the word right after token `last`, capitalised or not, is one
/// of the landform words (`landform_words` in `data/geo/cue_words.toml`).
fn names_landform(text: &str, tokens: &[Token], last: usize) -> bool {
    tokens.get(last + 1).is_some_and(|t| {
        t.sentence == tokens[last].sentence
            && &text[tokens[last].span.end..t.span.start] == " "
            && tokens[last].word_end == tokens[last].span.end
            && LANDFORM_WORDS.contains(&lower_word(text, t).as_str())
    })
}

/// The length of " and Badda" at the start of `after` (" and ", " et ", ", "
/// and one to three capitalised words), or 0.
fn paired_name(after: &str) -> usize {
    for sep in [" and ", " et ", ", "] {
        let Some(mut rest) = after.strip_prefix(sep) else {
            continue;
        };
        let mut n = sep.len();
        let mut words = 0;
        while words < 3 && rest.starts_with(|ch: char| ch.is_uppercase()) {
            let end = rest
                .find(|ch: char| !(ch.is_alphabetic() || ch == '-' || ch == '\'' || ch == '’'))
                .unwrap_or(rest.len());
            n += end;
            rest = &rest[end..];
            words += 1;
            match rest.strip_prefix(' ') {
                Some(r) if r.starts_with(|ch: char| ch.is_uppercase()) => {
                    n += 1;
                    rest = r;
                }
                _ => break,
            }
        }
        if words > 0 && rest.starts_with(" (") {
            return n;
        }
    }
    0
}

/// Whether token `first` comes right after a French street or square word
/// and its article: "place de l'Opéra", "rue du Niger", "pont de Gao".
fn facility_before(text: &str, tokens: &[Token], first: usize) -> bool {
    let start = tokens[first].span.start;
    let before = text[text.floor_char_boundary(start.saturating_sub(20))..start].to_lowercase();
    FACILITY_ARTICLES_FR.iter().any(|a| {
        before.strip_suffix(a).is_some_and(|b| {
            let b = b.strip_suffix(' ').unwrap_or(b);
            FACILITY_WORDS_FR.iter().any(|w| {
                b.strip_suffix(w)
                    .is_some_and(|r| r.is_empty() || r.ends_with([' ', '\'', '’']))
            })
        })
    })
}

/// Whether a candidate is a country written as an abbreviation ("U.S.",
/// "UK", "DRC"): no person or firm is called that, so a capitalised word
/// after it ("U.S. Census", "UK Border Force") is the country's.
fn abbreviated_country(text: &str, tokens: &[Token], c: &Candidate, gaz: &Gazetteer) -> bool {
    let written = &text[tokens[c.first].span.start..tokens[c.last].word_end];
    written.chars().filter(char::is_ascii_uppercase).count() <= 3
        && written.chars().any(|ch| ch.is_ascii_uppercase())
        && written
            .chars()
            .all(|ch| ch.is_ascii_uppercase() || ch == '.')
        && c.entries
            .iter()
            .any(|&e| gaz.entries[e as usize].kind == Kind::Country)
}

/// Whether a name of several words ends with its unit's word ("Walker
/// County", "Readington Township"): a place even at the head of a longer
/// name ("the Walker County Fair Queen", "Walker County Judge Danny
/// Pierce"), where it tells whose, not where.
fn names_its_unit(text: &str, tokens: &[Token], c: &Candidate) -> bool {
    c.first < c.last
        && capitalised(tokens[c.last].span.of(text))
        && DISTRICT_WORDS.contains(&lower_word(text, &tokens[c.last]).as_str())
}

/// Whether the word after token `last` is an institution word ("Army").
fn names_institution(text: &str, tokens: &[Token], last: usize) -> bool {
    // "Texas Southern University", "Dublin Veterans Project": within the
    // run of capitalised words right after the name (up to four).
    let mut k = last;
    while k < last + 4 && capitalised_after(text, tokens, k) {
        if next_word_in(text, tokens, k, INSTITUTION_WORDS) {
            return true;
        }
        k += 1;
    }
    false
}

/// Whether the word right after token `k`, in its sentence and one space
/// away, is capitalised.
fn capitalised_after(text: &str, tokens: &[Token], k: usize) -> bool {
    tokens.get(k + 1).is_some_and(|n| {
        n.sentence == tokens[k].sentence
            && &text[tokens[k].span.end..n.span.start] == " "
            && capitalised(n.span.of(text))
    })
}

/// Whether the word right after token `last`, in its sentence, is
/// capitalised and one of `words` (lower-case).
fn next_word_in(text: &str, tokens: &[Token], last: usize, words: &[&str]) -> bool {
    capitalised_after(text, tokens, last)
        && words.contains(&lower_word(text, &tokens[last + 1]).as_str())
}

/// The place cue around tokens first..=last, if any.
fn cue(text: &str, tokens: &[Token], first: usize, last: usize) -> Option<String> {
    let sentence = tokens[first].sentence;
    let word = |k: usize| {
        tokens
            .get(k)
            .filter(|t| t.sentence == sentence)
            .map(|t| lower_word(text, t))
    };
    // After: "Gao region", "Gao and Menka regions", "Tin-Hama village".
    let mut k = last + 1;
    // Skip "and X" / "et X" coordinations.
    while word(k).as_deref().is_some_and(|w| w == "and" || w == "et")
        && tokens
            .get(k + 1)
            .is_some_and(|t| capitalised(t.span.of(text)))
    {
        k += 2;
    }
    if let Some(w) = word(k) {
        if ADMIN_WORDS.contains(&w.as_str()) {
            return Some("region".into());
        }
        if DISTRICT_WORDS.contains(&w.as_str()) {
            return Some("district".into());
        }
        if matches!(w.as_str(), "village" | "villages" | "hamlet" | "locality") {
            return Some("village".into());
        }
    }
    // A dateline: "OUAGADOUGOU —", "BAMAKO (AFP) -" at the start of a sentence.
    let at_sentence_start = first == 0 || tokens[first - 1].sentence != sentence;
    let surface = &text[tokens[first].span.start..tokens[last].span.end];
    let rest = text[tokens[last].span.end..].trim_start();
    if at_sentence_start
        && surface
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
        && rest.starts_with(['—', '–', '-', '(', ',', ':'])
    {
        return Some("dateline".into());
    }
    // ... or in title case with its agency, a date between: "Bakou (AFP)
    // -", "Bamako, 14 nov 2023 (AFP) -".
    if at_sentence_start {
        let agency_then_dash = |r: &str| {
            r.find(')').is_some_and(|close| {
                close <= 24 && r[close + 1..].trim_start().starts_with(['—', '–', '-'])
            })
        };
        let dated = rest.strip_prefix(',').and_then(|r| {
            let open = r.find('(')?;
            (open <= 24 && r[..open].chars().any(|c| c.is_ascii_digit())).then(|| &r[open + 1..])
        });
        if rest.strip_prefix('(').is_some_and(agency_then_dash)
            || dated.is_some_and(agency_then_dash)
        {
            return Some("dateline".into());
        }
    }
    // ... and the place qualifying a dateline, which also tells where the
    // reporter was: "ZIGUINCHOR (Sénégal) —", "MAIDUGURI, Nigeria —", "TYR
    // (Liban), 8 août (AFP) -": a capitalised dateline word opens the
    // sentence, and a dash follows the place before anything else is said.
    let opening = tokens[..first]
        .iter()
        .rposition(|t| t.sentence != sentence)
        .map_or(0, |k| k + 1);
    if opening < first && tokens[first].span.start - tokens[opening].span.start <= 40 {
        let pre = &text[tokens[opening].span.start..tokens[first].span.start];
        let head = pre.split([',', ' ', '(']).next().unwrap_or("");
        let dateline_word = head.chars().filter(|c| c.is_alphabetic()).count() >= 3
            && head.chars().all(|c| !c.is_lowercase());
        let end = tokens[last].span.end;
        let to = text.ceil_char_boundary((end + 40).min(text.len()));
        let post = &text[end..to];
        let dash = post.find(['—', '–']).or_else(|| post.find(" - "));
        if dateline_word
            && !pre.contains(['—', '–'])
            && !pre.contains(" - ")
            && dash.is_some_and(|d| !post[..d].contains(['.', ';']))
        {
            return Some("dateline".into());
        }
    }
    // Before: "village of X", "région de X", "near X", "in X", "à X".
    let before = |back: usize| first.checked_sub(back).and_then(word);
    let b1 = before(1);
    let b2 = before(2);
    // The other side of a border: "near the border with Burkina Faso",
    // "près de la frontière avec le Niger".
    let article =
        |w: &Option<String>| matches!(w.as_deref(), Some("the" | "le" | "la" | "l" | "les"));
    let (w, border) = if article(&b1) {
        (b2.clone(), before(3))
    } else {
        (b1.clone(), b2.clone())
    };
    if matches!(w.as_deref(), Some("with" | "avec"))
        && matches!(
            border.as_deref(),
            Some("border" | "borders" | "frontier" | "frontière" | "frontières")
        )
    {
        return Some("border".into());
    }
    match (b2.as_deref(), b1.as_deref()) {
        (Some("region" | "région" | "province"), Some("of" | "de" | "du")) => {
            Some("region".into())
        }
        (
            Some("cercle" | "district" | "department" | "département" | "commune"),
            Some("of" | "de" | "d"),
        ) => Some("district".into()),
        (Some("village" | "localité" | "hamlet"), Some("of" | "de" | "d")) => {
            Some("village".into())
        }
        (Some("town" | "city" | "ville"), Some("of" | "de" | "d")) => Some("town".into()),
        (_, Some("near" | "outside" | "around" | "près" | "autour" | "environs")) => {
            Some("near".into())
        }
        (Some("près"), Some("de" | "d")) => Some("near".into()),
        (_, Some("in" | "at" | "à" | "dans" | "en" | "into" | "from")) => Some("in".into()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn places(text: &str) -> GeoAnalysis {
        let sentences = vec![Sentence {
            span: Span::new(0, text.len()),
            paragraph: 0,
        }];
        find_places(text, &sentences, Gazetteer::global())
    }

    /// The toponym `g` found for the words `text`.
    fn mention<'g>(g: &'g GeoAnalysis, text: &str) -> &'g Toponym {
        g.toponyms
            .iter()
            .find(|t| t.mention.text == text)
            .unwrap_or_else(|| panic!("no toponym {text:?}"))
    }

    #[test]
    fn region_typo_and_focus() {
        let g =
            places("In March, ISGS launched an offensive in the Gao and Menka regions of Mali.");
        assert_eq!(g.focus_country.as_deref(), Some("ML"));
        let names: Vec<(String, String)> = g
            .toponyms
            .iter()
            .map(|t| {
                (
                    t.mention.text.clone(),
                    t.mention.location.as_ref().unwrap().feature.clone(),
                )
            })
            .collect();
        assert!(
            names.contains(&("Gao".into(), "admin1".into())),
            "{names:?}"
        );
        assert!(
            names.contains(&("Menka".into(), "admin1".into())),
            "{names:?}"
        );
    }

    /// Forces named by a demonym fighting next door, and a state's mission
    /// abroad, do not make the story theirs.
    #[test]
    fn forces_and_missions_abroad_are_not_the_focus() {
        for (text, focus) in [
            (
                "An Israeli air strike killed 12 people in Khan Younis on Tuesday.",
                "PS",
            ),
            (
                "Russian shelling killed three people in Kupiansk on Tuesday.",
                "UA",
            ),
            (
                "Des frappes israéliennes ont tué 12 personnes à Khan Younès mardi.",
                "PS",
            ),
            // (a mission: whose, not where)
            (
                "The director of the Indonesian hospital in Jabalia said 50 people were killed.",
                "PS",
            ),
            // (forces next to no neighbour's place: a demonym like any other)
            (
                "Malian soldiers killed 20 jihadists near Boni on Tuesday.",
                "ML",
            ),
        ] {
            let g = places(text);
            assert_eq!(g.focus_country.as_deref(), Some(focus), "{text}");
        }
    }

    /// The toponyms' words, in text order.
    #[test]
    fn a_surname_after_an_initial_or_in_a_firm_is_a_person_later() {
        let text = "The inquest looked at the death of Tyrise M. Bell in Las Vegas. \
                    Officer Michael Eggers shot Bell after a chase. \
                    The city owes design firm Stevens & Wilkinson money. \
                    Stevens offered to continue working on the hotel.";
        let g = places(text);
        let found = mentioned(&g);
        assert!(found.contains(&"Las Vegas"), "{found:?}");
        for name in ["Bell", "Stevens", "Wilkinson"] {
            assert!(!found.contains(&name), "{name}: {found:?}");
        }
        // Without the person's full name, Bell is the place.
        let g = places("Two people were shot in Bell, California.");
        let found = mentioned(&g);
        assert!(found.contains(&"Bell"), "{found:?}");
    }

    #[test]
    fn a_name_stabbed_or_told_with_an_age_is_a_person_later() {
        let text = "Prosecutors charged a teenager with killing Welch in Independence. \
                    Welch went to a residence on East Elm Street. \
                    Deputies chatted with McDonald, 24, of Archer. \
                    McDonald had been carrying a bag.";
        let g = places(text);
        let found = mentioned(&g);
        assert!(found.contains(&"Independence"), "{found:?}");
        for name in ["Welch", "McDonald"] {
            assert!(!found.contains(&name), "{name}: {found:?}");
        }
    }

    #[test]
    fn an_adverb_before_a_place_makes_no_first_name() {
        let text = "The league runs the annual Distinctly Dublin calendar contest. \
                    The Singers are Dublin's community chorus.";
        let g = places(text);
        let found = mentioned(&g);
        assert!(found.contains(&"Dublin"), "{found:?}");
    }

    #[test]
    fn a_county_heading_a_longer_name_is_the_county_whose_it_is() {
        let text = "The 2008 Walker County Fair Queen met Walker County Judge Danny Pierce.";
        let g = places(text);
        let t = mention(&g, "Walker County");
        assert!(t.mention.adjectival, "{:?}", t.mention);
    }

    #[test]
    fn a_place_an_accord_is_named_after_is_no_place_of_the_event() {
        for (text, name) in [
            (
                "The CMA signed the Algiers agreement during a ceremony in Bamako.",
                "Algiers",
            ),
            (
                "La CMA a signé l'accord d'Alger lors d'une cérémonie à Bamako.",
                "Alger",
            ),
        ] {
            let g = places(text);
            assert!(mention(&g, name).mention.adjectival, "{text}");
            assert!(!mention(&g, "Bamako").mention.adjectival, "{text}");
        }
    }

    #[test]
    fn monuments_nicknames_and_neighbourhoods_are_no_towns() {
        let g = places("Des voitures incendiées et l'Arc de Triomphe saccagé : le centre de Paris a connu des affrontements.");
        let found = mentioned(&g);
        assert!(!found.contains(&"Arc"), "{found:?}");
        assert!(found.contains(&"Paris"), "{found:?}");
        let g = places(
            "Mexican forces captured a son of drug lord Joaquin 'El Chapo' Guzman in Culiacan.",
        );
        let found = mentioned(&g);
        assert!(
            !found
                .iter()
                .any(|m| m.contains("Joaquin") || m.contains("Chapo")),
            "{found:?}"
        );
        let g = places(
            "JNIM attacked the gendarmerie school in the Faladie neighbourhood of Bamako, Mali.",
        );
        let found = mentioned(&g);
        assert!(!found.contains(&"Faladie"), "{found:?}");
        assert!(found.contains(&"Bamako"), "{found:?}");
    }

    #[test]
    fn saint_spelt_out_is_the_own_name_of_a_st_town() {
        // St. Louis, Missouri, not the village of Saint Louis, Michigan.
        let g = places("Students protested in Saint Louis, United States, on Friday.");
        let t = mention(&g, "Saint Louis");
        let loc = t.mention.location.as_ref().unwrap();
        assert_eq!(loc.admin1.as_deref(), Some("Missouri"), "{loc:?}");
    }

    #[test]
    fn a_city_named_without_its_city_word_is_named_by_its_own_name() {
        let g = places("Fighting erupted in the southern city of Marawi on Tuesday. President Duterte, on a visit to Moscow, declared martial law.");
        assert_eq!(unit_of(&g, "Marawi").0, "PH");
    }

    #[test]
    fn a_country_joined_to_a_demonym_is_adjectival() {
        let g = places("Protesters in Kinshasa burned US and Belgian flags.");
        assert!(mention(&g, "US").mention.adjectival);
        assert!(!mention(&g, "Kinshasa").mention.adjectival);
    }

    fn mentioned(g: &GeoAnalysis) -> Vec<&str> {
        g.toponyms.iter().map(|t| t.mention.text.as_str()).collect()
    }

    /// (country code, admin1) of the toponym `text`.
    fn unit_of(g: &GeoAnalysis, text: &str) -> (String, Option<String>) {
        let l = mention(g, text).mention.location.clone().expect("resolved");
        (l.country_code, l.admin1)
    }

    #[test]
    fn a_repeated_name_does_not_outvote_the_region_named() {
        // Ireland's capital fits "Dublin" best, but the story is in Ohio.
        let g = places("Artists in Dublin won grants on Monday. Dublin has many painters, and Dublin residents cheered. A show opens in Dublin in May; Dublin schools will take part. The city is a suburb of Columbus in central Ohio.");
        assert_eq!(g.focus_country.as_deref(), Some("US"));
        assert_eq!(unit_of(&g, "Dublin").1.as_deref(), Some("Ohio"));
    }

    #[test]
    fn a_country_name_is_the_town_of_the_country_the_other_names_point_to() {
        // Elkhart and Anderson County are American names only; Palestine,
        // Texas, is their county seat.
        let g = places("A man from Elkhart was indicted by an Anderson County grand jury. He was jailed in Palestine.");
        assert_eq!(g.focus_country.as_deref(), Some("US"));
        assert_eq!(
            unit_of(&g, "Palestine"),
            ("US".into(), Some("Texas".into()))
        );
        // Not when the other names point to the country itself.
        let g = places("Israeli troops raided Jenin and Nablus, the Palestinian health ministry said. Palestine condemned the raid.");
        assert_eq!(unit_of(&g, "Palestine").0, "PS");
    }

    #[test]
    fn continents_are_named_but_kept_apart() {
        let g = places("European ministers met in Brussels on Monday to discuss aid to Africa.");
        let names: Vec<&str> = g
            .continents
            .iter()
            .map(|t| t.mention.text.as_str())
            .collect();
        assert_eq!(names, ["European", "Africa"]);
        assert!(g.continents[0].mention.adjectival);
        let africa = g.continents[1].mention.location.as_ref().unwrap();
        assert_eq!(
            (africa.feature.as_str(), africa.geonames_id),
            ("continent", Some(6255146))
        );
        assert!(g.toponyms.iter().all(|t| t.mention.text != "Africa"));
        assert_eq!(g.focus_country.as_deref(), Some("BE"));
    }

    /// The world regions and continents named, in text order.
    fn regions(g: &GeoAnalysis) -> Vec<&str> {
        g.continents
            .iter()
            .map(|t| t.mention.text.as_str())
            .collect()
    }

    #[test]
    fn world_regions_seas_and_lakes_are_no_towns_or_countries() {
        let g = places(
            "Al-Shabaab attacked a base in the Horn of Africa nation, as the Middle East \
             and the Gulf of Guinea saw more violence.",
        );
        assert_eq!(
            regions(&g),
            ["Horn of Africa", "Middle East", "Gulf of Guinea"]
        );
        assert!(g.toponyms.is_empty(), "{:?}", mentioned(&g));
        let g = places(
            "Des pirates ont attaqué un navire dans le golfe de Guinée, loin de la mer Rouge, \
             du bassin du lac Tchad et de l'Afrique de l'Ouest.",
        );
        assert_eq!(
            regions(&g),
            [
                "golfe de Guinée",
                "mer Rouge",
                "bassin du lac Tchad",
                "Afrique de l'Ouest"
            ]
        );
        assert!(g.toponyms.is_empty(), "{:?}", mentioned(&g));
        let sahel = places("Gunmen killed five civilians in central Mali, the latest violence to hit the Sahel region.");
        assert_eq!(regions(&sahel), ["Sahel"]);
        assert_eq!(mentioned(&sahel), ["Mali"]);
    }

    #[test]
    fn a_world_region_named_like_a_unit_of_the_focus_country_is_the_unit() {
        let g = places("Jihadists attacked an army post in the Sahel region of Burkina Faso.");
        assert_eq!(unit_of(&g, "Sahel"), ("BF".into(), Some("Sahel".into())));
        let g = places(
            "Des hommes armés ont tué huit civils dans la région du Sahel, au Burkina Faso.",
        );
        assert_eq!(unit_of(&g, "Sahel"), ("BF".into(), Some("Sahel".into())));
    }

    #[test]
    fn a_name_in_a_region_is_the_place_there_or_the_region() {
        // "in" qualifies as a comma does.
        let g =
            places("They were attacked near Springfield in Illinois and Springfield in Missouri.");
        let units: Vec<Option<String>> = g
            .toponyms
            .iter()
            .filter(|t| t.mention.text == "Springfield")
            .map(|t| t.mention.location.as_ref().unwrap().admin1.clone())
            .collect();
        assert_eq!(units, [Some("Illinois".into()), Some("Missouri".into())]);
        // A village the gazetteer has only elsewhere: the region stands for it.
        let g = places("The victims were driving from La Mora in Sonora toward the border.");
        let l = mention(&g, "La Mora").mention.location.clone().unwrap();
        assert_eq!(
            (l.feature.as_str(), l.admin1.as_deref()),
            ("admin1", Some("Sonora"))
        );
        // ... however the unit is told ("in the northern Mexican state of",
        // "dans l'État de"), but not past a comma.
        let g = places(
            "Gunmen ambushed the families near La Mora in the northern Mexican state of Sonora.",
        );
        let l = mention(&g, "La Mora").mention.location.clone().unwrap();
        assert_eq!(
            (l.feature.as_str(), l.admin1.as_deref()),
            ("admin1", Some("Sonora"))
        );
        assert_eq!(qualifying_gap(" dans la région de "), Some(Gap::In));
        assert_eq!(qualifying_gap(" in the state of "), Some(Gap::In));
        assert_eq!(qualifying_gap(" in the army, which of "), None);
        assert_eq!(qualifying_gap(" in the north of "), None);
        assert_eq!(qualifying_gap(" in western "), Some(Gap::In));
        assert_eq!(qualifying_gap(" in north-eastern "), Some(Gap::In));
        assert_eq!(qualifying_gap(" in Western "), None);
        // ACLED's "Bogota, D.C." is no Washington; "Washington, D.C." is.
        let g = places("Thousands marched in Bogota (Bogota, D.C.) against the government.");
        assert_eq!(unit_of(&g, "Bogota").0, "CO");
        assert!(g.toponyms.iter().all(|t| t.mention.text != "D.C."));
        let g = places("Thousands marched in Washington, D.C., on Saturday.");
        assert_eq!(unit_of(&g, "D.C.").0, "US");
        // (a town that is in the district stays the town)
        let g = places("Gunmen attacked a bar in Culiacan in Culiacan municipality, Sinaloa.");
        let l = mention(&g, "Culiacan").mention.location.clone().unwrap();
        assert_eq!(l.feature, "place");
        // "The city of X" is the city, not the region named like it.
        let g = places("Rebels seized the central city of Hama, a week after capturing Aleppo.");
        let l = mention(&g, "Hama").mention.location.clone().unwrap();
        assert_eq!(l.feature, "place");
        // A people's name opening a group's is no town ("English, Indiana").
        let g = places("LONDON - Supporters of the English Defence League rioted in Southport.");
        assert!(g.toponyms.iter().all(|t| t.mention.text != "English"));
        assert_eq!(unit_of(&g, "Southport").0, "GB");
        // ... or the district.
        let g =
            places("Gunmen ambushed the families near La Mora in Bavispe municipality, Sonora.");
        let l = mention(&g, "La Mora").mention.location.clone().unwrap();
        assert_eq!(
            (l.feature.as_str(), l.admin1.as_deref()),
            ("admin2", Some("Sonora"))
        );
        // Not for a name that is a country's too.
        let g = places("Protesters rallied in Tbilisi in Georgia.");
        assert_eq!(unit_of(&g, "Tbilisi").0, "GE");
        // A town in a country where the gazetteer has only its district
        // ("Circunscrição de Palma"), not Mallorca's Palma.
        let g =
            places("Insurgents attacked the town of Palma in Mozambique's Cabo Delgado province.");
        assert_eq!(
            unit_of(&g, "Palma"),
            ("MZ".into(), Some("Cabo Delgado".into()))
        );
    }

    #[test]
    fn a_city_abroad_by_another_spelling_with_its_capital_in_the_sentence() {
        // "Hodeidah" is GeoNames' "Hodeida" (a final h written or not);
        // Sanaa in the sentence names Yemen for it, in a story on Israel.
        let g = places("Israeli jets struck the port of Hodeidah, the health ministry in Sanaa said. Israel said Tel Aviv was hit.");
        assert_eq!(g.focus_country.as_deref(), Some("IL"));
        assert_eq!(
            unit_of(&g, "Hodeidah"),
            ("YE".into(), Some("Al Hudaydah".into()))
        );
    }

    #[test]
    fn a_feature_named_after_a_town_is_not_the_town() {
        let g = places("Boko Haram attacked a base on the Boma peninsula in Lac province, Chad.");
        assert_eq!(mentioned(&g), ["Lac", "Chad"]);
    }

    #[test]
    fn a_unit_named_as_one_outvotes_a_town_abroad_named_by_an_alternate_name() {
        // Japan's Inada is "Inata" only by an alternate name.
        let g = places("Des assaillants ont attaqué le poste de gendarmerie d'Inata, dans la province du Soum.");
        assert_eq!(g.focus_country.as_deref(), Some("BF"));
        assert_eq!(unit_of(&g, "Soum"), ("BF".into(), Some("Sahel".into())));
        assert!(!mentioned(&g).contains(&"Inata"), "{:?}", mentioned(&g));
    }

    #[test]
    fn a_name_with_an_elided_article_is_one_name() {
        let g = places("Des soldats ont été tués en Côte d'Ivoire et en Côte d’Ivoire.");
        assert_eq!(mentioned(&g), ["Côte d'Ivoire", "Côte d’Ivoire"]);
        assert_eq!(g.focus_country.as_deref(), Some("CI"));
    }

    #[test]
    fn a_town_abroad_in_a_country_the_text_names() {
        // A story set in New Jersey, where a French woman flies to Paris.
        let g = places("A French woman flew from Newark, New Jersey, to San Francisco instead of Paris. She reached Paris later.");
        assert_eq!(g.focus_country.as_deref(), Some("US"));
        assert_eq!(unit_of(&g, "Paris").0, "FR");
    }

    #[test]
    fn a_sentence_opener_before_a_place_makes_no_person() {
        // "Although Edmonton", "Overall Toronto": no first name and surname,
        // so the names stay places in every sentence.
        // Nor does a determiner: "Another Gainesville business".
        let text = "The report ranks cities. Although Edmonton did well, it is dear. Life in Edmonton is dear, and Toronto agrees. Overall Toronto leads. Another Gainesville business moved. A handful of Gainesville companies stayed.";
        let mut sentences = Vec::new();
        let mut start = 0;
        for (i, _) in text.match_indices(". ") {
            sentences.push(Sentence {
                span: Span::new(start, i + 1),
                paragraph: 0,
            });
            start = i + 2;
        }
        sentences.push(Sentence {
            span: Span::new(start, text.len()),
            paragraph: 0,
        });
        let g = find_places(text, &sentences, Gazetteer::global());
        let n = |name: &str| g.toponyms.iter().filter(|t| t.mention.text == name).count();
        assert_eq!((n("Edmonton"), n("Toronto"), n("Gainesville")), (2, 2, 2));
    }

    #[test]
    fn a_pair_of_names_before_brackets_lies_in_the_unit_bracketed() {
        // Rampura is a common Indian name, and India has a Dhaka too.
        let g = places("Students clashed with police in Rampura and Badda (Dhaka) and set fire to the broadcaster's building.");
        assert_eq!(unit_of(&g, "Dhaka").0, "BD");
        assert!(g
            .toponyms
            .iter()
            .all(|t| t.mention.location.as_ref().unwrap().country_code != "IN"));
    }

    #[test]
    fn names_with_a_capital_after_a_prefix_are_places_not_acronyms() {
        let g = places("Deputies in DeKalb County and McMinn County searched the woods; FAMa soldiers were not there.");
        let names = mentioned(&g);
        assert_eq!(names, ["DeKalb County", "McMinn County"]);
    }

    #[test]
    fn a_word_that_names_a_town_by_accident_needs_a_cue() {
        let g = places("Man charged after the Duma vote, Columbus police said.");
        assert!(g
            .toponyms
            .iter()
            .all(|t| t.mention.text != "Man" && t.mention.text != "Duma"));
        let g = places("Fighting broke out in Man, Côte d'Ivoire, on Monday.");
        assert_eq!(unit_of(&g, "Man").0, "CI");
    }

    #[test]
    fn a_place_name_told_as_a_first_name_is_the_person_later() {
        let text = "INNISFAIL - Nine-year-old Georgia Stevens is lacing her skates. \
                    Georgia began skating at four in Alberta. \
                    \"She works hard,\" said Cory Stevens, Georgia's father.";
        let g = places(text);
        let found = mentioned(&g);
        assert!(!found.contains(&"Georgia"), "{found:?}");
        assert!(found.contains(&"Alberta"), "{found:?}");
        // Without a person's name, Georgia is the place.
        let g = places("Georgia began a vaccination drive in Tbilisi and Batumi.");
        assert_eq!(unit_of(&g, "Georgia").0, "GE");
    }

    #[test]
    fn the_white_house_is_no_town() {
        let g = places("Protesters gathered outside the White House in Washington on Sunday.");
        let found = mentioned(&g);
        assert!(!found.contains(&"White House"), "{found:?}");
        assert!(found.contains(&"Washington"), "{found:?}");
    }

    #[test]
    fn a_place_glued_to_an_occasion_names_the_occasion() {
        let g = places("The county clerk was honored at Lincoln Dinner in London, Kentucky.");
        let found = mentioned(&g);
        assert!(!found.contains(&"Lincoln"), "{found:?}");
        assert!(found.contains(&"London"), "{found:?}");
    }

    #[test]
    fn a_saints_day_is_no_place() {
        let g = places("St. Patrick's Day parades were held in Chicago and in St. Louis.");
        let found = mentioned(&g);
        assert!(!found.contains(&"Patrick"), "{found:?}");
        assert!(found.contains(&"Chicago"), "{found:?}");
    }

    #[test]
    fn a_town_in_the_county_the_text_names_beats_a_capital_abroad() {
        // Paris, Tennessee lies in Henry County; Paris, France is 200 times
        // as populous, but France is not named.
        let g = places(
            "Paris and Henry County are rich in history and art, and the Henry County class toured the academy in Paris.",
        );
        assert_eq!(
            unit_of(&g, "Paris"),
            ("US".to_string(), Some("Tennessee".to_string()))
        );
    }

    #[test]
    fn a_square_or_a_palace_named_after_a_place_is_not_that_place() {
        // Independence, Missouri has 120,000 people: a road named after a
        // city that large leads there, a square does not.
        let g = places("Thousands gathered at Independence Square in Bamako, Mali.");
        let found = mentioned(&g);
        assert!(!found.contains(&"Independence"), "{found:?}");
        assert!(found.contains(&"Bamako"), "{found:?}");
        let g = places("Des milliers de personnes ont manifesté devant le Palais fédéral à Berne.");
        let found = mentioned(&g);
        assert!(!found.contains(&"Palais"), "{found:?}");
    }

    #[test]
    fn a_small_region_that_speaks_is_a_person() {
        let g = places("Police went to Independence, Missouri. The music was loud, Nelson said.");
        let found = mentioned(&g);
        assert!(!found.contains(&"Nelson"), "{found:?}");
        // A country speaks as its government does.
        let g = places("Talks resumed in Geneva on Monday, Russia said.");
        assert_eq!(unit_of(&g, "Russia").0, "RU");
        let g = places("The Jewish community of Odessa gathered on Sunday.");
        assert!(g.toponyms.iter().all(|t| t.mention.text != "Jewish"));
    }

    #[test]
    fn streets_and_districts_are_not_towns_elsewhere() {
        // Opéra is a village in Provence; the square is in Paris.
        let g =
            places("Des manifestants ont brisé des vitrines près de la place de l'Opéra, à Paris.");
        assert!(g.toponyms.iter().all(|t| t.mention.text != "Opéra"));
        assert_eq!(unit_of(&g, "Paris").0, "FR");
        // The Arabic article does not glue the name to another.
        let g = places("An Israeli drone struck a motorcycle in Aitaroun (Bent Jbeil, El Nabatieh), killing two men.");
        assert_eq!(unit_of(&g, "Nabatieh").0, "LB");
        // Al Qahirah (Cairo's Arabic name) is here a district of Taizz.
        let g = places(
            "Houthi forces shelled residential neighbourhoods in Taizz city (Al Qahirah, Taizz).",
        );
        assert!(g
            .toponyms
            .iter()
            .all(|t| t.mention.location.as_ref().unwrap().country_code == "YE"));
    }

    #[test]
    fn arabic_article_written_with_a_hyphen() {
        // The gazetteer has "Sweida", not "As-Sweida"; "Al-Karama Square"
        // names a square, not Dubai's Al Karama.
        let g = places("Hundreds of people gathered in Al-Karama Square in As-Sweida on Friday.");
        assert_eq!(unit_of(&g, "As-Sweida").0, "SY");
        assert_eq!(g.focus_country.as_deref(), Some("SY"));
    }

    #[test]
    fn a_place_just_across_the_focus_country_border_beats_one_far_away() {
        // Gaza is also a province of Mozambique, more populous than the city.
        let g = places("Israeli air strikes on Gaza killed 20 people on Monday.");
        assert_eq!(unit_of(&g, "Gaza").0, "PS");
    }

    #[test]
    fn names_of_one_region_resolve_there_together() {
        // Each of these names a town in several states; only Minnesota has
        // them all. Denver, 100 times larger in Colorado, stays there.
        let g = places("Schools in Watertown, Delano and Plainview closed; Denver sent help, Scott County officials said.");
        for name in ["Watertown", "Delano", "Plainview", "Scott County"] {
            assert_eq!(unit_of(&g, name).1.as_deref(), Some("Minnesota"), "{name}");
        }
        assert_eq!(unit_of(&g, "Denver").1.as_deref(), Some("Colorado"));
    }

    #[test]
    fn a_name_shared_by_towns_abroad_votes_for_the_largest() {
        // Libya's capital, not the Greek town of 26,000 (alphabetical ties
        // used to pick Greece).
        let g = places("The Presidential Council announced a ceasefire in Tripoli after two days of fighting between rival forces.");
        assert_eq!(unit_of(&g, "Tripoli").0, "LY");
    }

    #[test]
    fn bracketed_towns_stand_for_their_units() {
        // Nabatiyeh is not a spelling the gazetteer has; Marjaayoun is a town.
        let g = places("Israeli forces shelled the outskirts of Kfar Kila (Marjaayoun, Nabatiyeh) after a missile was fired towards Metula.");
        assert_eq!(unit_of(&g, "Kfar Kila").0, "LB");
        // Beni is also a Bolivian region, which does not hold Oicha; the town
        // of Beni's region does.
        let g = places("ADF militants attacked civilians in Oicha (Beni, Nord-Kivu), killing 18.");
        assert_eq!(
            unit_of(&g, "Oicha"),
            ("CD".into(), Some("Nord-Kivu".into()))
        );
        // The county named like its town is no clue to the town's region:
        // not one of the Nasirs of Egypt.
        let g = places(
            "The White Army overran the garrison in Nasir (Nasir, Upper Nile) and took the town.",
        );
        assert!(g.toponyms.iter().all(|t| t
            .mention
            .location
            .as_ref()
            .is_none_or(|l| l.country_code != "EG")));
    }

    #[test]
    fn unknown_village_and_names() {
        let g = places("A couple was stoned to death in Tin-Hama village, according to Moussa Ag Achertoumen, a worker in Ansongo, Mali.");
        let tin = g
            .toponyms
            .iter()
            .find(|t| t.mention.text == "Tin-Hama")
            .expect("unknown village kept");
        assert!(tin.mention.location.is_none());
        assert!(g.toponyms.iter().all(|t| t.mention.text != "Moussa"));
        let ansongo = mention(&g, "Ansongo");
        assert_eq!(
            ansongo.mention.location.as_ref().unwrap().admin1.as_deref(),
            Some("Gao")
        );
    }

    #[test]
    fn georgia_is_the_state_in_a_story_about_the_united_states() {
        let g = places(
            "Storms hit Atlanta and Savannah on Monday. Officials in Macon said roads in Georgia were closed, and Alabama sent crews.",
        );
        let georgia = mention(&g, "Georgia");
        let l = georgia.mention.location.as_ref().unwrap();
        assert_eq!(
            (l.country_code.as_str(), l.feature.as_str()),
            ("US", "admin1")
        );
        // An ambiguous town takes the reading near the places named without
        // ambiguity: Macon, Georgia, not Macon, France.
        let macon = mention(&g, "Macon");
        assert_eq!(
            macon.mention.location.as_ref().unwrap().admin1.as_deref(),
            Some("Georgia")
        );
    }

    #[test]
    fn georgia_named_again_and_again_stays_the_state() {
        // Each mention of "Georgia" is half a vote for the country; many of
        // them must not outweigh a story full of the state's counties.
        let g = places(
            "Schools in Northeast Georgia are reviewing their policies. Georgia law allows it. \
             Clarke County and Oconee County changed theirs, Barrow County and Madison County did not. \
             Teachers in Athens said Georgia had cut budgets. Georgia's board meets in Atlanta.",
        );
        for t in g.toponyms.iter().filter(|t| t.mention.text == "Georgia") {
            let l = t.mention.location.as_ref().unwrap();
            assert_eq!(
                (l.country_code.as_str(), l.feature.as_str()),
                ("US", "admin1")
            );
        }
    }

    #[test]
    fn a_name_before_its_region_is_the_place_there() {
        let g = places("The fair opens in Palestine, Texas, on Saturday.");
        let p = mention(&g, "Palestine");
        let l = p.mention.location.as_ref().unwrap();
        assert_eq!(
            (l.country_code.as_str(), l.admin1.as_deref()),
            ("US", Some("Texas"))
        );
    }

    #[test]
    fn names_in_brackets_after_a_name_are_its_units() {
        // The Egyptian Nasir is not in South Sudan's Upper Nile: the name
        // stands for a place the gazetteer lacks, its region for it.
        let g = places("Militiamen overran a garrison in Nasir (Nasir, Upper Nile) on Tuesday.");
        assert!(
            !g.toponyms.iter().any(|t| t.mention.text == "Nasir"),
            "{:?}",
            g.toponyms
        );
        let l = mention(&g, "Upper Nile").mention.location.clone().unwrap();
        assert_eq!(l.country_code, "SS");
        // Inside them, the reading there is kept.
        let g = places("Gunmen attacked Djibo (Soum, Sahel) on Sunday.");
        let l = mention(&g, "Djibo").mention.location.clone().unwrap();
        assert_eq!(
            (l.country_code.as_str(), l.admin1.as_deref()),
            ("BF", Some("Sahel"))
        );
        // A part may name its unit's kind ("Kani township"): Japan's Kani
        // is not in Myanmar's Sagaing, which stands for the town.
        let g = places(
            "PDF forces ambushed a column near Kani town (Kani township, Yinmarbin, Sagaing).",
        );
        assert!(
            !g.toponyms.iter().any(|t| t
                .mention
                .location
                .as_ref()
                .is_some_and(|l| l.country_code == "JP")),
            "{:?}",
            g.toponyms
        );
        let l = mention(&g, "Sagaing").mention.location.clone().unwrap();
        assert_eq!(l.country_code, "MM");
        // Before them a village the gazetteer lacks: the names in them
        // still hold one another (Palma the district of Cabo Delgado, not
        // Mallorca's), in either order.
        for text in [
            "Insurgents attacked the village of Monjane (Cabo Delgado, Palma) on Sunday.",
            "Insurgents attacked the village of Monjane (Palma, Cabo Delgado) on Sunday.",
        ] {
            let g = places(text);
            let l = mention(&g, "Palma").mention.location.clone().unwrap();
            assert_eq!(
                (l.country_code.as_str(), l.admin1.as_deref()),
                ("MZ", Some("Cabo Delgado")),
                "{text}"
            );
        }
        // Brackets that are not only names say nothing of containment.
        let g = places("Fighting near Menaka (close to the border with Niger) continued.");
        assert_eq!(
            mention(&g, "Menaka")
                .mention
                .location
                .as_ref()
                .unwrap()
                .country_code,
            "ML"
        );
    }

    #[test]
    fn the_capital_of_a_named_country_beats_a_village_near_the_story() {
        let g = places("The airline, based in Rego Park, New York, will fly from Baltimore and from Washington's Dulles Airport to Moscow. United Airlines will start flights to Russia next Sunday. American Airlines flies to Moscow from Chicago, and Delta flies between Moscow and New York and Atlanta.");
        let l = mention(&g, "Moscow").mention.location.clone().unwrap();
        assert_eq!(l.country_code, "RU");
    }

    #[test]
    fn names_of_one_county_hold_one_another() {
        let g = places("Cipolli, New London on the record. Ever since New London Police Chief Tom Cipolli made a public appeal, residents have asked why. The Mount Pleasant News has reviewed documents, and a lawyer from Winfield spoke at the hearing.");
        for name in ["New London", "Mount Pleasant", "Winfield"] {
            let l = mention(&g, name).mention.location.clone().unwrap();
            assert_eq!(l.admin1.as_deref(), Some("Iowa"), "{name}");
        }
    }

    #[test]
    fn a_place_before_based_or_after_a_party_letter_is_a_toponym() {
        let g = places("Rep. Torrey Westrom, R-Elbow Lake, and an Atlanta-based group spoke.");
        assert_eq!(
            mention(&g, "Elbow Lake")
                .mention
                .location
                .as_ref()
                .unwrap()
                .country_code,
            "US"
        );
        assert_eq!(
            mention(&g, "Atlanta")
                .mention
                .location
                .as_ref()
                .unwrap()
                .admin1
                .as_deref(),
            Some("Georgia")
        );
        // (where a convoy was bound is no place found: "Djibo-bound")
        let g = places("JNIM claims ambush on Djibo-bound convoy near Bourzanga.");
        assert!(g.toponyms.iter().all(|t| t.mention.text != "Djibo"));
    }

    #[test]
    fn the_country_across_a_border_is_not_where_it_happened() {
        for text in [
            "Des jihadistes ont attaqué un poste de l'armée ivoirienne à Kafolo, près de la frontière avec le Burkina Faso.",
            "Jihadists attacked an Ivorian army post at Kafolo, near the border with Burkina Faso.",
        ] {
            let g = places(text);
            let l = mention(&g, "Kafolo").mention.location.clone().unwrap();
            assert_eq!(l.country_code, "CI", "{text}");
        }
    }

    #[test]
    fn a_place_named_by_its_own_name_beats_one_named_by_an_alternate_name() {
        // Parizh, a village in Russia, is also called "Paris".
        let g = places("Officials in Moscow and Novosibirsk said talks would resume in Paris.");
        let p = mention(&g, "Paris");
        assert_eq!(p.mention.location.as_ref().unwrap().country_code, "FR");
    }

    #[test]
    fn a_countrys_abbreviation_before_its_forces_says_whose_not_where() {
        // "a US drone strike ... near Jilib": Somalia's Jilib, not a
        // story about the United States that has no Jilib.
        let g = places("A US drone strike killed two al Shabaab fighters near Jilib on Monday.");
        let jilib = mention(&g, "Jilib");
        assert_eq!(jilib.mention.location.as_ref().unwrap().country_code, "SO");
    }

    #[test]
    fn demonyms_are_adjectival() {
        let g = places("The Nigerian Army said Malian troops were in Niger.");
        let nig = mention(&g, "Nigerian");
        assert!(nig.mention.adjectival);
        assert_eq!(nig.mention.location.as_ref().unwrap().country_code, "NG");
        let niger = mention(&g, "Niger");
        assert_eq!(niger.mention.location.as_ref().unwrap().feature, "country");
    }

    #[test]
    fn french_pronouns_are_no_places() {
        // "Il" is a place in Kenya.
        let g = places("Il s'agit de l'attaque la plus meurtrière contre l'armée burkinabè.");
        assert!(
            g.toponyms.iter().all(|t| t.mention.text != "Il"),
            "{:?}",
            g.toponyms
        );
    }

    #[test]
    fn a_place_opening_an_institutions_name_is_adjectival() {
        // The institution word may come a few capitalised words later.
        let g = places("She attended law school at Texas Southern University in Houston.");
        assert!(mention(&g, "Texas").mention.adjectival);
        assert!(!mention(&g, "Houston").mention.adjectival);
        let g = places("The Dublin Veterans Project is moving closer to its goal.");
        assert!(mention(&g, "Dublin").mention.adjectival);
        // An officeholder's or a census's country or state.
        let g =
            places("It fell, according to U.S. Census estimates. Alaska Gov. Sarah Palin said so.");
        assert!(mention(&g, "U.S.").mention.adjectival);
        assert!(mention(&g, "Alaska").mention.adjectival);
        // A byline in capitals is no abbreviated country.
        let g = places("BY CHAD KLIMACK Advocate Reporter. The council met in Newark.");
        assert!(g.toponyms.iter().all(|t| t.mention.text != "CHAD"));
    }

    #[test]
    fn a_dateline_in_title_case_with_its_agency() {
        let g =
            places("Bakou (AFP) - Sept civils ont été tués par une frappe de missile sur Gandja.");
        assert_eq!(
            mention(&g, "Bakou").mention.cue.as_deref(),
            Some("dateline")
        );
        assert_eq!(mention(&g, "Gandja").mention.cue.as_deref(), None);
        // (and the country qualifying it)
        let g = places("ZIGUINCHOR (Sénégal) — Des jeunes ont lancé des pierres à Ziguinchor.");
        assert_eq!(
            mention(&g, "Sénégal").mention.cue.as_deref(),
            Some("dateline")
        );
        let g = places("MAIDUGURI, Nigeria — Troops recaptured the town of Baga on Saturday.");
        assert_eq!(
            mention(&g, "Nigeria").mention.cue.as_deref(),
            Some("dateline")
        );
    }

    #[test]
    fn a_french_dateline_with_its_date_and_agency() {
        let g = places(
            "Cotonou, 1 mai 2019 (AFP) - Deux touristes ont été enlevés dans le nord du Bénin.",
        );
        assert_eq!(
            mention(&g, "Cotonou").mention.cue.as_deref(),
            Some("dateline")
        );
    }

    #[test]
    fn a_portuguese_names_last_words_are_no_town_of_their_own() {
        // "Praia" is Cape Verde's capital.
        let g = places(
            "Forces recaptured the town of Mocimboa da Praia (Mocimboa da Praia, Cabo Delgado).",
        );
        assert!(g.toponyms.iter().all(|t| t.mention.text != "Praia"));
        mention(&g, "Cabo Delgado");
    }

    #[test]
    fn an_arabic_names_next_word_with_its_article_is_part_of_it() {
        // "Ain" alone is a French department and several towns.
        let g =
            places("Missiles struck the Ain al-Asad air base in Iraq's western Anbar province.");
        assert!(g.toponyms.iter().all(|t| t.mention.text != "Ain"));
        mention(&g, "Anbar");
    }

    #[test]
    fn a_large_city_is_not_the_region_named_like_it() {
        // GeoNames calls Maputo Province "Maputo" too.
        let g = places("Mozambique's president signed a peace agreement in Maputo on Tuesday.");
        let maputo = mention(&g, "Maputo").mention.location.as_ref().unwrap();
        assert_eq!(maputo.feature, "place");
        // Without the cue too.
        let g =
            places("Police fired tear gas at supporters gathered in central Maputo, Mozambique.");
        let maputo = mention(&g, "Maputo").mention.location.as_ref().unwrap();
        assert_eq!(maputo.feature, "place");
    }

    #[test]
    fn a_compass_word_before_a_name_qualifies_the_place() {
        let g = places("Most Northeast Georgia school systems have not had layoffs.");
        mention(&g, "Georgia");
        let g = places("She moved to North Texas in 1973.");
        mention(&g, "Texas");
        // ("Historic Dublin" makes no surname of Dublin for the article.)
        let g =
            places("The festival fills Historic Dublin every May. Dublin's chorus sings there.");
        assert!(g.toponyms.iter().any(|t| t.mention.text == "Dublin"));
        // Not for common words: "East College" is a street.
        let g = places("The parade runs from East College to Route 159.");
        assert!(g.toponyms.iter().all(|t| t.mention.text != "College"));
    }

    #[test]
    fn a_small_towns_name_starting_a_longer_name_is_not_the_town() {
        // GeoNames has Buulobarde as "Buulo"; Buulo Mareer is another place.
        let g = places(
            "Fighters stormed a base at Buulo Mareer, 120 km southwest of Mogadishu in Somalia's Lower Shabelle region.",
        );
        assert!(g.toponyms.iter().all(|t| t.mention.text != "Buulo"));
        mention(&g, "Lower Shabelle");
        // A day after the name is no part of it.
        let g = places("Gunmen killed five people in Gao Monday.");
        mention(&g, "Gao");
    }

    #[test]
    fn acleds_compound_compass_names_are_read() {
        // GeoNames calls Cameroon's region North-West; ACLED and the French
        // press, Nord-Ouest.
        let g = places(
            "Au moins 22 civils ont été tués à Ngarbuh, dans la région du Nord-Ouest du Cameroun. Un habitant a été joint depuis Bamenda.",
        );
        let l = mention(&g, "Nord-Ouest").mention.location.as_ref().unwrap();
        assert_eq!(l.country_code, "CM");
    }
}
