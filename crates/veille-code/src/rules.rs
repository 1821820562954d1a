//! The coding rules. See the crate documentation for the outline; each
//! decision below says which ACLED codebook convention it follows.

use crate::lexicon::{lower_same_len, ActorDef, Hit, Lexicon, Scan};
use crate::words::WORDS;
use chrono::{Datelike, NaiveDate};
use regex::Regex;
use std::sync::{LazyLock, OnceLock};
use veille_core::{
    char_offsets, Actor, Article, DateKind, DateMention, Event, Evidence, Location, Span,
    SubEventType,
};
use veille_geo::toponyms::Toponym;
use veille_geo::{Gazetteer, GeoAnalysis, Kind};
use veille_nlp::Analysis;

/// Events of one article and what the coder wants a reader to know.
#[derive(Debug, Default)]
pub struct Coded {
    pub events: Vec<Event>,
    pub warnings: Vec<String>,
}

/// An event under construction, with what merging needs.
struct Draft {
    event: Event,
    priority: u32,
    sentence: usize,
    /// A bare toll with no doer and no date of its own ("One protester was
    /// killed."): more about the incident before it, not a new one.
    continuation: bool,
    /// No place named in its own sentence (its place, if any, was taken
    /// from the sentences before).
    placeless: bool,
    /// Its sentence adds to what came before ("Un assaillant a également
    /// été tué"): a toll to add, not another report of the same one.
    adds: bool,
    /// Its sentence revises an earlier toll ("the toll later rose to 63").
    update: bool,
    /// Its sentence tells a superseded toll ("the toll, initially put at
    /// 134, rose ...").
    initial: bool,
    /// Dated by a sentence after the lead or by the publication day: its
    /// lead names no day.
    borrowed_day: bool,
    /// Its toll counts the attackers ("Three assailants were killed when
    /// special forces stormed the building"): deaths on the other side,
    /// added to a toll of their victims, not another figure for it.
    attackers_toll: bool,
}

/// Whether one of the quantities is written starting with one of `words`
/// ("thousands of people", "des centaines").
fn counts_in(quantities: &[&veille_core::Quantity], text: &str, words: &[&str]) -> bool {
    quantities.iter().any(|q| {
        let t = q.span.of(text).to_lowercase();
        words.iter().any(|v| t.starts_with(v))
    })
}

/// Endings of English and French past participles ("attacked", "tués"):
/// such a word is a verb, not a name or its description.
const PARTICIPLE_ENDINGS: &[&str] = &["ed", "é", "és", "ée", "ées"];

/// Whether the count at `span` counts attackers: an attacker noun
/// (`attacker_nouns` in words.toml) within the two words after it ("Three assailants";
/// "killing ten people, four of the attackers" is not: a part of them,
/// unless no count stands before it in its sentence, "Two of the attackers
/// were killed in the exchange of fire that followed"). `counts` are the
/// counts of the clause the nlp stage found.
fn counts_attackers(text: &str, span: Span, counts: &[&veille_core::Quantity]) -> bool {
    // (or when no count stands before it in its clause: "Troops
    // 'neutralised' six of the attackers")
    let opens = !counts.iter().any(|q| q.span.end <= span.start);
    let part_of = |w: &&str| opens && matches!(*w, "of" | "the" | "des" | "d'entre");
    text[span.end..]
        .split_whitespace()
        .filter(|w| !part_of(w))
        .take(2)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .any(|w| WORDS.attacker_nouns.contains(&w.as_str()))
}

/// Whether a toll's words name one attacker ("The attacker was shot dead
/// by police", "l'assaillant a été abattu"): a death on the other side,
/// added to the victims' toll like a count of attackers.
fn names_an_attacker(text: &str, span: Span) -> bool {
    let said = span.of(text);
    said.split_whitespace().count() <= 3
        && said.split_whitespace().next_back().is_some_and(|w| {
            let w = w.to_lowercase();
            let w = w.trim_start_matches("l'").trim_start_matches("l’");
            WORDS.attacker_nouns.contains(&w)
        })
}

/// The verb-noun combinations of taking, retaking or handing over
/// territory whose verb may also take a place's name ([`places_taken`]).
fn territory_verbs(lex: &Lexicon) -> impl Iterator<Item = &crate::lexicon::Combination> {
    lex.combinations.iter().filter(|c| {
        !c.noun_first
            && matches!(
                lex.classes[c.class].name.as_str(),
                "takeover" | "retake" | "transfer"
            )
    })
}

/// The lexicon's whole-article hits, found from the clean text alone,
/// before the nlp and geo stages run.
pub struct Prescan {
    lower: String,
    scan: Scan,
}

impl Prescan {
    pub fn new(text: &str, lex: &Lexicon) -> Prescan {
        let lower = lower_same_len(text);
        let scan = lex.scan(text, &lower);
        Prescan { lower, scan }
    }

    /// True when the article can give no event whatever the other stages
    /// find: no trigger, and no verb of taking territory that a place's
    /// name could follow ("took Kidal"). Every event starts from a trigger
    /// of its sentence, so a caller that keeps only events may skip the
    /// nlp and geo stages for such an article.
    pub fn codes_nothing(&self, lex: &Lexicon) -> bool {
        self.scan.triggers.is_empty()
            && !territory_verbs(lex)
                .any(|c| c.verbs.iter().any(|v| self.lower.contains(v.as_str())))
    }
}

/// "captured Baghouz", "ont pris le contrôle de Kidal": a verb of taking,
/// retaking or handing over territory right before a place's name does so
/// to that place, as it does to "the town": a trigger of its class.
fn places_taken(lower: &str, geo: &GeoAnalysis, lex: &Lexicon, triggers: &mut Vec<Hit>) {
    let before = triggers.len();
    for c in territory_verbs(lex) {
        for t in geo.toponyms.iter().filter(|t| !t.mention.adjectival) {
            let head = lower[..t.mention.span.start].trim_end();
            for v in &c.verbs {
                let Some(rest) = head.strip_suffix(v.as_str()) else {
                    continue;
                };
                if rest.chars().next_back().is_some_and(char::is_alphanumeric) {
                    continue;
                }
                // (a participle as an adjective takes nothing: "the village
                // of Jit in the occupied West Bank", "Israeli-occupied")
                let prev = rest.trim_end();
                let prev_word = prev.rsplit(|c: char| !c.is_alphanumeric()).next();
                if rest.ends_with('-')
                    || v.ends_with("ed")
                        && matches!(prev_word, Some("the" | "a" | "an" | "its" | "their"))
                {
                    continue;
                }
                let span = Span::new(rest.len(), t.mention.span.end);
                if !triggers.iter().any(|h| h.span == span) {
                    triggers.push(Hit { id: c.class, span });
                }
                break;
            }
        }
    }
    if triggers.len() > before {
        triggers.sort_by_key(|h| (h.span.start, h.span.end));
    }
}

/// How many opening sentences (title included) share the lead's date.
const LEAD_SENTENCES: usize = 3;
/// How many sentences after an undated lead may give it its day.
const AFTER_LEAD_SENTENCES: usize = 3;

/// Codes the events of an article.
pub fn code_article(
    article: &Article,
    nlp: &Analysis,
    geo: &GeoAnalysis,
    gaz: &Gazetteer,
    lex: &'static Lexicon,
) -> Coded {
    code_prescanned(
        article,
        Prescan::new(&article.text, lex),
        nlp,
        geo,
        gaz,
        lex,
    )
}

/// [`code_article`] with the lexicon's hits already found.
pub fn code_prescanned(
    article: &Article,
    pre: Prescan,
    nlp: &Analysis,
    geo: &GeoAnalysis,
    gaz: &Gazetteer,
    lex: &'static Lexicon,
) -> Coded {
    let text = article.text.as_str();
    let Prescan { lower, mut scan } = pre;
    debug_assert_eq!(lower.len(), text.len(), "a prescan of another text");
    places_taken(&lower, geo, lex, &mut scan.triggers);
    let (triggers, deaths) = (&scan.triggers, &scan.deaths);
    let mut cues = Cues::of(text, &scan);
    // A group named "... Army" the lexicon does not know is an armed group.
    if let Some(armed) = lex
        .actors
        .iter()
        .position(|a| a.kind == "armed" && a.generic())
    {
        for h in cues.actors.iter_mut() {
            if named_army(text, h, gaz, lex) {
                h.id = armed;
            }
        }
    }
    // "Zambian soldiers", "soldats tchadiens", "Israeli air strikes": the
    // forces of the demonym's country, wherever the event is.
    let mut forces_of = forces_named_by_demonym(text, &cues.actors, gaz, lex);
    joint_forces(text, &mut cues.actors, &mut forces_of, gaz, lex);
    cues.actors
        .retain(|h| !lex.actors[h.id].demonym_only || forces_of.iter().any(|(s, _)| *s == h.span));
    let actors = &cues.actors;
    // Words naming actors: places inside them are who, not where.
    let actor_words: Vec<Span> = actors.iter().map(|a| a.span).collect();
    let mut out = Coded::default();
    let mut drafts: Vec<Draft> = Vec::new();

    for (si, sentence) in nlp.sentences.iter().enumerate() {
        let sspan = sentence.span;
        let inside = |s: Span| sspan.contains(s);
        // "The attack came less than a month after 71 soldiers were killed
        // at Inates": the incident just told, placed after an earlier one;
        // neither is news here, nor is the earlier toll this one's.
        if si > 0 && triggers.iter().any(|t| inside(t.span)) && looks_back(sspan.of(&lower)) {
            continue;
        }
        let Some(clause) = read_clause(text, sspan, triggers, &cues, nlp, lex, &mut out.warnings)
            .filter(|c| !c.only_background)
        else {
            // A toll reported on its own right after an event ("5 fatalities
            // reported.", "le bilan est d'au moins six morts") is that event's.
            let own_date = nlp
                .dates
                .iter()
                .any(|d| inside(d.span) && matches!(d.kind, DateKind::Date | DateKind::Year));
            let death_here = deaths.iter().any(|d| inside(d.span));
            // (not a war's toll: "The decade-long insurgency in northeast
            // Nigeria has killed more than 30,000 people")
            let history = deaths
                .iter()
                .any(|d| inside(d.span) && war_history(text, d.span));
            if death_here && !own_date && !history {
                let victims = named_victims(sspan, actors, &forces_of, lex, gaz, drafts.last());
                add_toll(drafts.last_mut(), si, text, sspan, nlp, lex, victims);
            }
            if !own_date {
                refine_place(drafts.last_mut(), si, text, sspan, geo, &actor_words);
            }
            continue;
        };
        // "Nine herders were killed ... in an attack blamed on a militia":
        // the claim or blame comes with the incident's toll, so the
        // incident is reported too; code it from the other triggers. A claim
        // alone ("JNIM claimed the assault on Sunday") stays uncoded.
        let clause = match clause.label {
            Label::NotEvent("attrib") if deaths.iter().any(|d| inside(d.span)) => {
                let rest: Vec<Hit> = triggers
                    .iter()
                    .copied()
                    .filter(|t| inside(t.span) && lex.classes[t.id].name != "attrib")
                    .collect();
                read_clause(text, sspan, &rest, &cues, nlp, lex, &mut out.warnings)
                    .unwrap_or(clause)
            }
            _ => clause,
        };
        let top = clause.top;
        // "Nineteen people were killed when their bus plunged off a bridge.
        // The accident ...": deaths in an accident reported next door.
        // Not when the article tells of violence elsewhere ("condemned the
        // attack").
        let near = |i: usize| nlp.sentences.get(i).map(|s| s.span);
        let violence = violence_elsewhere(triggers, clause.top.span, lex);
        let accident_near = [si.checked_sub(1).and_then(near), near(si + 1)]
            .into_iter()
            .flatten()
            .find_map(|s| accident_words(triggers, &cues.actors, s, lex))
            .filter(|_| clause.unattributed && !violence);
        let label = match (clause.violent_reading, accident_near) {
            (Some(v), _) if violence => bomb_elsewhere(text, triggers, sspan, v, lex),
            (_, Some(cause)) => Label::NotEvent(cause),
            _ => clause.label,
        };
        let sub = match label {
            Label::Event(sub) => sub,
            Label::NotEvent(what) => {
                // "... hurled a grenade at a police party. It exploded among
                // shoppers, killing 2 civilians": the explosion of the weapon
                // just told, its toll that event's.
                let weapon_before = drafts.last().is_some_and(|d| {
                    d.sentence + 1 == si
                        && d.event.event_type == veille_core::EventType::ExplosionsRemoteViolence
                });
                if NOT_VIOLENCE.contains(&what)
                    && weapon_before
                    && ["it ", "il ", "elle "]
                        .iter()
                        .any(|p| sspan.of(&lower).starts_with(p))
                {
                    let victims = named_victims(sspan, actors, &forces_of, lex, gaz, drafts.last());
                    add_toll(drafts.last_mut(), si, text, sspan, nlp, lex, victims);
                    continue;
                }
                out.warnings.push(format!(
                    "not coded (not a conflict event: {what}): {:?}",
                    sspan.of(text)
                ));
                continue;
            }
        };
        let sentence_actors = clause.actors;
        let patients = clause.patients;
        let allies = clause.allies;
        let doer_named = sentence_actors.iter().any(|a| {
            matches!(
                lex.actors[a.id].kind.as_str(),
                "state" | "armed" | "external"
            ) && !patients.contains(&a.span)
        });
        let bare_toll = lex.classes[top.id].name == "kill" && !doer_named;
        let quantities = clause.quantities;

        // Date.
        let Some(pub_date) = article
            .publication_date
            .or_else(|| nlp.dates.iter().find_map(|d| d.event_period()).map(|p| p.1))
        else {
            out.warnings.push(format!(
                "no publication date, event not dated: {:?}",
                sspan.of(text)
            ));
            continue;
        };
        // A lead that names no day at all ("Jihadists have killed 15
        // civilians in central Mali, the army said") is the news of the day
        // it was published, within the week before (time precision 2). The
        // date has no words in the text: an empty span.
        let mut borrowed_day = false;
        let undated_lead = article.publication_date.map(|published| DateMention {
            span: Span::new(sspan.start, sspan.start),
            kind: DateKind::Date,
            start: Some(published),
            end: Some(published),
            granularity: Some(veille_core::Granularity::Week),
        });
        // Durations and ages are not dates; years are (background) dates.
        let dateline = |d: &DateMention| {
            nlp.sentences
                .iter()
                .find(|s| s.span.contains(d.span))
                .is_some_and(|s| is_dateline(text, s.span, d.span))
        };
        let in_sentence: Vec<&DateMention> = nlp
            .dates
            .iter()
            .filter(|d| inside(d.span) && matches!(d.kind, DateKind::Date | DateKind::Year))
            .filter(|d| !dateline(d))
            // (the day of something only mentioned dates nothing of the
            // clause)
            .filter(|d| !dates_something_else(text, d.span))
            .filter(|d| !in_pluperfect_relative(text, sspan, d.span))
            // (nor one after a semicolon after the clause's trigger: "26
            // soldiers killed; the militants held parts of the town until
            // the army returned two days later"; a date opening the sentence
            // dates all of it)
            .filter(|d| {
                d.span.start < top.span.end || !text[top.span.end..d.span.start].contains(';')
            })
            .collect();
        // "On 2 August 2020 (night of 1-2 August)": a date in brackets
        // glosses one outside them, which dates the clause.
        let bracketed = |d: &DateMention| {
            let before = &text[sspan.start..d.span.start];
            before
                .rfind('(')
                .is_some_and(|o| before.rfind(')').is_none_or(|c| c < o))
        };
        let in_sentence: Vec<&DateMention> = if in_sentence.iter().any(|d| !bracketed(d)) {
            in_sentence.into_iter().filter(|d| !bracketed(d)).collect()
        } else {
            in_sentence
        };
        let history = |d: &DateMention| d.end.is_some_and(|e| e.year() < pub_date.year() - 1);
        // "held since August 2024": when a state began, not the event.
        let since = |d: &DateMention| {
            let said = d.span.of(text).to_lowercase();
            let before = text[..d.span.start].trim_end().to_lowercase();
            ["since", "depuis"].iter().any(|w| {
                said.starts_with(&format!("{w} "))
                    || before.ends_with(&format!(" {w}"))
                    || before == *w
            })
        };
        let usable = |d: &DateMention| {
            d.event_period().is_some_and(|p| p.0 <= pub_date)
                && !history(d)
                && !since(d)
                && !names_another_day(text, d.span)
        };
        // The lead's date; a dateline's only when the lead has no other.
        // Dates on a reporting verb ("said on Friday") come after the others.
        // ("Earlier this week, militants attacked a police post": another,
        // earlier incident's day, not the lead's)
        let told_earlier = |d: &DateMention| told_as_earlier(d.span.of(text));
        let lead_date = |datelines: bool, reporting: bool| {
            nlp.sentences.iter().take(LEAD_SENTENCES).find_map(|s| {
                nlp.dates.iter().find(|d| {
                    s.span.contains(d.span)
                        && usable(d)
                        && !told_earlier(d)
                        && dateline(d) == datelines
                        && is_reporting_date(text, s.span, d.span) == reporting
                })
            })
        };
        // An explicit date ("On 13 June 2025") over a relative one
        // ("overnight") in the same clause; a reporting date last.
        let explicit = |d: &DateMention| d.span.of(text).chars().any(|c| c.is_ascii_digit());
        let same_clause = |d: &DateMention| {
            let (a, b) = if d.span.start < top.span.start {
                (d.span.end, top.span.start)
            } else {
                (top.span.end, d.span.start)
            };
            a <= b && !text[a..b].contains([',', ';', '(', ')'])
        };
        let opens_sentence = |d: &DateMention| {
            let head = text[sspan.start..d.span.start].trim();
            matches!(head, "" | "On" | "on" | "Le" | "le")
                && text[d.span.end..sspan.end].trim_start().starts_with(',')
        };
        // "overnight", "last night": the night before publication, less
        // than a day named beside it ("an overnight attack on Tuesday").
        let night = |d: &DateMention| {
            matches!(
                d.span.of(text).to_lowercase().as_str(),
                "overnight" | "last night" | "la nuit dernière" | "cette nuit"
            )
        };
        // A bare toll dated only by its report ("Selon l'enquête publiée
        // en mars, 22 personnes ont été tuées"): the toll of an event told
        // before, not a day of its own.
        let reported_toll = bare_toll
            && si > 0
            && !in_sentence.is_empty()
            && in_sentence
                .iter()
                .all(|d| is_reporting_date(text, sspan, d.span));
        let date = if reported_toll {
            None
        } else if let Some(d) = in_sentence.iter().filter(|d| usable(d)).min_by_key(|d| {
            (
                is_reporting_date(text, sspan, d.span),
                // "On 10 May 2023, police arrested dozens ... for their
                // involvement in the attack ... on 9 May": a date opening
                // the sentence dates all of it.
                !opens_sentence(d),
                // "De violents heurts ont éclaté dimanche à Ajaccio ..., grièvement
                // blessé le 2 mars": the trigger's own clause's day over
                // one after a comma.
                !same_clause(d),
                !explicit(d),
                night(d),
                d.span.start.abs_diff(top.span.start),
            )
        }) {
            // Only a reporting date in a lead sentence ("bandits abducted 43
            // people, residents said on Friday"): the lead's own date of the
            // incident ("on Thursday night"), when it is not later.
            // (within the week before it: "they had retaken Gharyan, forces
            // said on Wednesday" is not dated by "The offensive began in
            // early April")
            let reporting = is_reporting_date(text, sspan, d.span);
            let event_day = lead_date(false, false).filter(|l| {
                let (Some(l), Some(said)) = (l.event_period(), d.event_period()) else {
                    return false;
                };
                reporting && si < LEAD_SENTENCES && l.0 <= said.0 && (said.0 - l.0).num_days() <= 7
            });
            // "On 28 November 2024, thousands rallied ... Riot police
            // dispersed the crowd overnight": after a lead dated that day
            // or the day after, the night of the lead's day.
            let that_night = lead_date(false, false).filter(|l| {
                let (Some(day), Some(n)) = (l.event_period(), d.event_period()) else {
                    return false;
                };
                si > 0 && night(d) && explicit(l) && (0..=1).contains(&(day.0 - n.0).num_days())
            });
            Some(event_day.or(that_night).unwrap_or(*d))
        } else if bare_toll
            && !in_sentence.is_empty()
            && in_sentence.iter().all(|d| {
                is_reporting_date(text, sspan, d.span)
                    && d.event_period()
                        .is_some_and(|p| p.0 > pub_date && (p.0 - pub_date).num_days() <= 7)
            })
        {
            // "The government said on 15 November that 19 gendarmes had been
            // killed", "the minister said the next day that 38 people were
            // killed", after an item dated the 14th or the 10th: the toll
            // of its event, told days later.
            None
        } else if !in_sentence.is_empty() {
            // Dated only by a year or in past years: background, not an event.
            out.warnings.push(format!(
                "not coded (background: its date {:?} is no day of a new event: an earlier year, after publication, a state's start or another day): {:?}",
                in_sentence[0].span.of(text),
                sspan.of(text)
            ));
            continue;
        } else if si < LEAD_SENTENCES {
            // (a day of the week before publication first, a reporting one
            // too, over an older date of something else: "a annoncé lundi
            // ... le Parlement issu des élections d'octobre 2021")
            let within_week = |d: &&DateMention| {
                d.event_period()
                    .is_some_and(|p| (pub_date - p.0).num_days() <= 7)
            };
            lead_date(false, false)
                .filter(within_week)
                .or_else(|| lead_date(false, true).filter(within_week))
                .or_else(|| lead_date(false, false))
                .or_else(|| lead_date(false, true))
                .or_else(|| lead_date(true, false))
                .or_else(|| lead_date(true, true))
                .or_else(|| {
                    // The lead names no day; the day of the first sentences
                    // after it when it is of the week before publication
                    // (a headline and a kicker before the story's first
                    // sentence, "The attack took place on Sunday"), else the
                    // publication day.
                    let recent = |d: &&DateMention| {
                        d.event_period()
                            .is_some_and(|p| (pub_date - p.0).num_days() <= 7)
                    };
                    let after_lead = nlp
                        .sentences
                        .iter()
                        .take(LEAD_SENTENCES + AFTER_LEAD_SENTENCES)
                        .find_map(|s| {
                            nlp.dates
                                .iter()
                                .filter(|d| s.span.contains(d.span) && usable(d))
                                .find(recent)
                        });
                    // Not a toll counted over time ("Jihadist violence has
                    // killed thousands"), which is no news of the day.
                    let cumulative = counts_in(&quantities, text, &WORDS.cumulative_amounts)
                        || !lex
                            .aggregate
                            .find(sspan.of(text), sspan.of(&lower))
                            .is_empty();
                    let undated = undated_lead.as_ref().filter(|_| !cumulative);
                    borrowed_day = undated.is_some();
                    undated.and(after_lead.or(undated))
                })
        } else {
            None
        };
        if date.is_none() && bare_toll {
            add_toll(drafts.last_mut(), si, text, sspan, nlp, lex, None);
            continue;
        }
        let Some(date) = date else {
            out.warnings.push(format!(
                "not coded (no date in the clause): {:?}",
                sspan.of(text)
            ));
            // It may still say where the event before it happened.
            refine_place(drafts.last_mut(), si, text, sspan, geo, &actor_words);
            continue;
        };

        // Place. (An earlier incident the story looks back to, told more
        // than a week before the lead's day, takes no place from the
        // sentences before it: "In January, militants killed 89 soldiers
        // at Chinagodrar" is not where the lead's attack was.)
        let lead_day = lead_date(false, false)
            .or_else(|| lead_date(true, false))
            .and_then(|d| d.event_period())
            .map_or(pub_date, |p| p.0);
        let looking_back = si > 0
            && date
                .event_period()
                .is_some_and(|p| (lead_day - p.1).num_days() > 7);
        let (location, place_spans) = locate(
            text,
            PlaceClause {
                si,
                source: clause.source,
                borrow: !looking_back,
                actor_words: &actor_words,
            },
            geo,
            gaz,
            nlp,
        );
        let placeless = !place_spans.iter().any(|p| sspan.contains(*p));

        // Actors.
        let country = location
            .as_ref()
            .map(|l| l.country.clone())
            .or_else(|| {
                geo.focus_country
                    .as_deref()
                    .and_then(|c| gaz.country(c))
                    .map(|c| c.name.clone())
            })
            // No place at all ("in the Horn of Africa nation"): the home
            // country of a named actor of the clause (Al Shabaab's Somalia).
            .or_else(|| {
                sentence_actors
                    .iter()
                    .find_map(|a| lex.actors[a.id].country.as_deref())
                    .and_then(|c| gaz.country(c))
                    .map(|c| c.name.clone())
            })
            .unwrap_or_else(|| "Unknown".into());
        let (mut actor_list, mut actor_spans) = assign_actors(
            sub,
            &sentence_actors,
            &patients,
            lex,
            &country,
            &forces_of,
            gaz,
        );
        rival_named_elsewhere(
            text,
            &mut actor_list,
            &actor_spans,
            actors,
            lex,
            &country,
            gaz,
        );
        // The first side's allies: ACLED's assoc_actor_1, several joined
        // by "; " as ACLED writes them.
        if actor_list.iter().any(|a| a.role == "actor1") {
            let mut names: Vec<String> = Vec::new();
            let mut inter = 0;
            for (k, h) in allies.iter().enumerate() {
                // "Russian paramilitaries of the Africa Corps": the unit named
                // after "of" is the ally.
                let described = allies.iter().skip(k + 1).any(|n| {
                    n.span.start >= h.span.end
                        && matches!(
                            text[h.span.end..n.span.start].trim(),
                            "of the" | "of" | "du" | "de la" | "des" | "de l'" | "de l’"
                        )
                });
                if described {
                    continue;
                }
                let name = fill(&lex.actors[h.id], &country, gaz);
                if actor_list.iter().all(|a| a.name != name) && !names.contains(&name) {
                    if names.is_empty() {
                        inter = lex.actors[h.id].inter;
                    }
                    names.push(name);
                    actor_spans.push(("assoc_actor_1".into(), h.span));
                }
            }
            if !names.is_empty() {
                actor_list.push(Actor {
                    name: names.join("; "),
                    role: "assoc_actor_1".into(),
                    inter,
                });
            }
        }

        // Codebook: a foreign state's forces taking a place (an invasion,
        // "Russian forces took full control of Avdiivka") are an actor
        // overtaking territory; only the country's own government regains.
        // (not foreign troops retaking a town for the government, "Rwandan
        // troops, fighting alongside Mozambican forces, recaptured ...":
        // the invaded state's forces are the other side)
        // (nor a place taken back: "regaining control of the main town
        // held by Ukrainian forces" is a government's own)
        let taken_back = WORDS
            .taken_back
            .iter()
            .any(|w| sspan.of(&lower).contains(w));
        let sub = if sub == SubEventType::GovernmentRegainsTerritory
            && !taken_back
            && actor_list
                .iter()
                .any(|a| a.role == "actor1" && a.inter == 8)
            && actor_list
                .iter()
                .any(|a| a.role == "actor2" && a.inter == 1)
        {
            SubEventType::NonStateActorOvertakesTerritory
        } else {
            sub
        };

        // Fatalities.
        // "following the killing of a student", "après la mort de Nahel":
        // a death named as the background of the event is not its toll.
        let background_death = |d: &Hit| {
            const DETERMINERS: &[&str] = &[
                "the", "a", "his", "her", "their", "la", "le", "l'", "l’", "sa", "son", "leur",
            ];
            // (and in a protest, what it is about: "protested over the
            // death in custody of Mahsa Amini")
            let grievance: &[Hit] = if sub.event_type() == veille_core::EventType::Protests {
                cues.grievance
            } else {
                &[]
            };
            // ("against the government's handling of the train collision
            // ..., which killed 57 people": what it is against, however
            // far)
            !grievance.is_empty() && relative_killing_in_cause(text, sspan, d.span, &cues)
                || WORDS
                    .death_nouns
                    .contains(&d.span.of(text).to_lowercase().as_str())
                    && cues.background.iter().chain(grievance).any(|c| {
                        c.span.end <= d.span.start && d.span.start - c.span.end <= 24 && {
                            // (the cue's own determiner counts: "over the")
                            let gap = text[c.span.end..d.span.start].to_lowercase();
                            let cue_last = c.span.of(text).split_whitespace().next_back();
                            let last = gap
                                .split_whitespace()
                                .next_back()
                                .or(cue_last)
                                .unwrap_or("")
                                .to_lowercase();
                            let last = last.as_str();
                            !gap.contains([',', ';', ':', '.'])
                                && gap.split_whitespace().count() <= 2
                                && (DETERMINERS.contains(&last)
                                    || DETERMINERS
                                        .iter()
                                        .any(|d| d.ends_with('\'') && last.ends_with(d)))
                        }
                    })
        };
        // (A peaceful protest has no toll: a death told with it is why it
        // was held, or it would be force against it.)
        let death_here = sub != SubEventType::PeacefulProtest
            && deaths.iter().any(|d| {
                inside(d.span)
                    && !clause.background.iter().any(|b| b.overlaps(d.span))
                    && !background_death(d)
            });
        let (fatalities, fatalities_span, fat_spans) = fatalities(
            text,
            sspan,
            &quantities,
            death_here,
            is_violent(sub.event_type()),
            clause.source,
            lex,
        );
        let attackers_toll = !fat_spans.is_empty()
            && fat_spans
                .iter()
                .all(|&s| counts_attackers(text, s, &quantities) || names_an_attacker(text, s));

        // Injured and abducted counts, and whether the clause sums up many incidents.
        let (injured, abducted) = casualties(text, &quantities, &fat_spans, lex);
        let clause_text = sspan.of(text);
        let clause_lower = lower_same_len(clause_text);
        let vague_many = counts_in(&quantities, text, &WORDS.vague_many);
        let aggregate = !lex.aggregate.find(clause_text, &clause_lower).is_empty()
            || vague_many && !lex.report_cues.find(clause_text, &clause_lower).is_empty();

        // Source (read with the clause).
        let attribution = clause.source;

        let mut evidence: Vec<(String, Span)> = vec![("event_type".into(), top.span)];
        if date.span.is_empty() {
            out.warnings.push(format!(
                "dated by the publication date (the lead names no day): {:?}",
                sspan.of(text)
            ));
        } else {
            evidence.insert(1, ("event_date".into(), date.span));
        }
        evidence.extend(place_spans.into_iter().map(|s| ("location".to_string(), s)));
        evidence.extend(actor_spans);
        evidence.extend(fat_spans.into_iter().map(|s| ("fatalities".to_string(), s)));
        if let Some(a) = attribution {
            evidence.push(("source_attribution".into(), a));
        }
        evidence.push(("notes".into(), sspan));

        let (event_date, _, time_precision) =
            date.event_period().expect("usable dates have a period");
        let notes = notes(
            sspan.of(text),
            event_date,
            time_precision,
            location.as_ref(),
        );
        let id = event_id(&article.id, sspan.start, sub.as_str());
        drafts.push(Draft {
            priority: lex.classes[top.id].priority,
            sentence: si,
            continuation: bare_toll && in_sentence.is_empty(),
            placeless,
            adds: adds_to_before(&clause_lower),
            update: toll_update(sspan.of(&lower)),
            initial: initial_toll(sspan.of(&lower)),
            attackers_toll,
            borrowed_day,
            event: Event {
                id,
                event_type: sub.event_type(),
                sub_event_type: sub,
                event_date,
                time_precision,
                date_text: date.span.of(text).to_string(),
                location,
                actors: actor_list,
                fatalities,
                fatalities_text: fatalities_span.map(|f| f.of(text).to_string()),
                fatalities_low: None,
                fatalities_high: None,
                injured,
                abducted,
                aggregate,
                source_attribution: attribution.map(|a| a.of(text).to_string()),
                notes,
                evidence: evidence
                    .into_iter()
                    .map(|(field, span)| {
                        let (start, end) = char_offsets(text, span);
                        Evidence {
                            field,
                            start,
                            end,
                            text: span.of(text).to_string(),
                        }
                    })
                    .collect(),
            },
        });
    }
    // The article's first sentence when it is its headline.
    let headline = nlp.sentences.first().is_some_and(|s| {
        article
            .title
            .as_deref()
            .is_some_and(|t| !t.trim().is_empty() && s.span.of(text).trim() == t.trim())
    });
    // A raid told as looting or burning whose toll came in a later sentence
    // ("shooting some and setting fire to a cell block. Police reported 41
    // dead") hurt people: an attack (codebook: looting is a raid in which
    // nobody is hurt).
    // So is a round-up whose toll came in a later sentence ("rounded up and
    // shot residents ... The prosecutor reported about 60 deaths"): arrests
    // kill nobody. (A toll in the arrest's own sentence is often what the
    // arrest was for: "suspect clé des attentats qui avaient fait 130
    // morts, avait été arrêté".)
    for d in drafts.iter_mut() {
        let later_toll = nlp.sentences.get(d.sentence).is_some_and(|s| {
            let (_, end) = char_offsets(text, s.span);
            d.event
                .evidence
                .iter()
                .any(|e| e.field == "fatalities" && e.start >= end)
        });
        if d.event.sub_event_type == SubEventType::Arrests
            && d.event.fatalities.unwrap_or(0) > 0
            && later_toll
        {
            d.event.sub_event_type = SubEventType::Attack;
            d.event.event_type = SubEventType::Attack.event_type();
        }
    }
    for d in drafts.iter_mut() {
        if d.event.sub_event_type == SubEventType::LootingPropertyDestruction
            && d.event.fatalities.unwrap_or(0) > 0
        {
            d.event.sub_event_type = SubEventType::Attack;
            d.event.event_type = SubEventType::Attack.event_type();
            // Its victims, told first, are the target; the raiders unnamed.
            let civilians_first = d
                .event
                .actors
                .iter()
                .any(|a| a.role == "actor1" && a.inter == 7);
            let no_target = d.event.actors.iter().all(|a| a.role != "actor2");
            if civilians_first && no_target {
                if let Some(g) = lex.actors.iter().find(|a| a.kind == "armed" && a.generic()) {
                    let country = d
                        .event
                        .location
                        .as_ref()
                        .map_or("Unknown", |l| l.country.as_str());
                    for a in d.event.actors.iter_mut().filter(|a| a.role == "actor1") {
                        a.role = "actor2".into();
                    }
                    for e in d.event.evidence.iter_mut().filter(|e| e.field == "actor1") {
                        e.field = "actor2".into();
                    }
                    d.event.actors.insert(
                        0,
                        Actor {
                            name: fill(g, country, gaz),
                            role: "actor1".into(),
                            inter: g.inter,
                        },
                    );
                }
            }
        }
    }
    claimed_by(text, nlp, &mut drafts, actors, lex, gaz);
    out.events = merge_same_incident(drafts, headline);
    for e in &mut out.events {
        succeed(e, lex);
        // Codebook: an intervention is force without lethal or serious
        // injuries; protesters who died ("fired tear gas ..., triggering a
        // stampede in which 52 people died") met excessive force.
        if e.sub_event_type == SubEventType::ProtestWithIntervention
            && e.fatalities.is_some_and(|n| n > 0)
        {
            e.sub_event_type = SubEventType::ExcessiveForceAgainstProtesters;
        }
        // Codebook: a strategic development or a peaceful protest kills
        // nobody; a toll told with one is another event's ("reached an
        // agreement to end the protests ... Seven people died during the
        // unrest"), coded apart when it is told as one.
        if (e.event_type == veille_core::EventType::StrategicDevelopments
            || e.sub_event_type == SubEventType::PeacefulProtest)
            && e.fatalities.is_some_and(|n| n > 0)
        {
            e.fatalities = Some(0);
            e.fatalities_text = None;
            e.evidence.retain(|x| x.field != "fatalities");
        }
    }
    out
}

/// Actors as they were on the event's day: the Taliban after 15 August 2021
/// are Afghanistan's state forces, and the territory they take is then
/// regained by a government.
fn succeed(e: &mut Event, lex: &Lexicon) {
    for a in &mut e.actors {
        let Some(next) = lex
            .actors
            .iter()
            .find(|d| d.name == a.name)
            .and_then(|d| d.became.as_ref())
            .filter(|n| e.event_date >= n.from)
        else {
            continue;
        };
        a.name = next.name.clone();
        a.inter = next.inter;
        if a.role == "actor1"
            && next.inter == 1
            && e.sub_event_type == SubEventType::NonStateActorOvertakesTerritory
        {
            e.sub_event_type = SubEventType::GovernmentRegainsTerritory;
        }
    }
}

/// "JNIM claimed responsibility", "L'État islamique au Sahel est soupçonné
/// d'être à l'origine de l'attaque": an event with an unidentified armed
/// group as its first side takes the one armed group named with a claim or
/// a suspicion in its own sentence or the sentences after it, up to the next
/// event's with a place of its own.
fn claimed_by(
    text: &str,
    nlp: &Analysis,
    drafts: &mut [Draft],
    actors: &[Hit],
    lex: &Lexicon,
    gaz: &Gazetteer,
) {
    // (a later draft with no place of its own, or a bare toll, is more of
    // the same incident: "L'attaque a été revendiquée par ...")
    let starts: Vec<Option<usize>> = drafts
        .iter()
        .map(|d| (!d.placeless && !d.continuation).then_some(d.sentence))
        .collect();
    for (k, d) in drafts.iter_mut().enumerate() {
        let Some(a1) = d.event.actors.iter_mut().find(|a| a.role == "actor1") else {
            continue;
        };
        if !a1.name.starts_with("Unidentified Armed Group") {
            continue;
        }
        let until = starts
            .iter()
            .skip(k + 1)
            .flatten()
            .copied()
            .find(|&s| s > d.sentence)
            .unwrap_or(nlp.sentences.len());
        let mut named: Vec<&Hit> = Vec::new();
        for sentence in &nlp.sentences[d.sentence..until] {
            let sspan = sentence.span;
            let lower = sspan.of(text).to_lowercase();
            if !WORDS.claim_words.iter().any(|w| lower.contains(w)) {
                continue;
            }
            named.extend(actors.iter().filter(|h| {
                let def = &lex.actors[h.id];
                sspan.contains(h.span) && def.kind == "armed" && !def.generic()
            }));
        }
        // One group (named once or more); with several, who claimed what
        // is not clear.
        let Some(&h) = named.first() else {
            continue;
        };
        if named.iter().any(|n| n.id != h.id) {
            continue;
        }
        let def = &lex.actors[h.id];
        // (named in the event's country: "Islamic State (Afghanistan)", the
        // country the unidentified group was given)
        let country = a1
            .name
            .strip_prefix("Unidentified Armed Group (")
            .and_then(|r| r.strip_suffix(')'))
            .unwrap_or("Unknown")
            .to_string();
        a1.name = fill(def, &country, gaz);
        a1.inter = def.inter;
        let (start, end) = char_offsets(text, h.span);
        d.event.evidence.retain(|e| e.field != "actor1");
        d.event.evidence.push(Evidence {
            field: "actor1".into(),
            start,
            end,
            text: h.span.of(text).to_string(),
        });
    }
}

/// Gives the last event a toll reported in a later sentence of its own
/// ("5 fatalities reported.", "One person was killed during the attack"),
/// when that sentence is at most two after it and the event has none yet.
fn add_toll(
    last: Option<&mut Draft>,
    si: usize,
    text: &str,
    sspan: Span,
    nlp: &Analysis,
    lex: &Lexicon,
    victims: Option<(Actor, Span)>,
) {
    // A vague toll ("Plusieurs civils", coded 3) yields to a later count.
    let vague = |l: &Draft| vague_toll(&l.event);
    // "The toll later rose to 63": a revised toll replaces the first.
    let lower = sspan.of(text).to_lowercase();
    let update = toll_update(&lower);
    // "The rebels claimed to have killed 47 soldiers": a claim, no toll.
    if WORDS.kill_claims.iter().any(|c| lower.contains(c)) {
        return;
    }
    // "Un assaillant a également été tué": more deaths of the same event.
    let also = adds_to_before(&lower);
    let one_named = |l: &Draft| one_named_toll(&l.event);
    // (not to a peaceful protest, which has none)
    let Some(last) = last.filter(|l| {
        si <= l.sentence + 2
            && l.event.sub_event_type != SubEventType::PeacefulProtest
            && (matches!(l.event.fatalities, None | Some(0))
                || vague(l)
                || update
                || also
                || one_named(l))
    }) else {
        return;
    };
    let before = if also && !update && !vague(last) && !one_named(last) {
        last.event.fatalities.unwrap_or(0)
    } else {
        0
    };
    let quantities: Vec<&veille_core::Quantity> = nlp
        .quantities
        .iter()
        .filter(|q| sspan.contains(q.span) && q.is_count())
        .collect();
    // "Local sources later put the toll at around 160": a rough figure from
    // elsewhere does not revise a precise one (ACLED keeps the lowest).
    let rough = quantities.iter().all(|q| q.low != Some(q.value));
    if update && rough && last.event.fatalities.is_some_and(|f| f > 0) && !vague(last) {
        return;
    }
    let source =
        attribution(sspan.of(text)).map(|(s, e)| Span::new(sspan.start + s, sspan.start + e));
    let (n, span, spans) = fatalities(text, sspan, &quantities, true, true, source, lex);
    // "..., adding that nobody was killed": a toll of zero, where none was.
    if n == Some(0) && span.is_none() && last.event.fatalities.is_none() {
        last.event.fatalities = Some(0);
    }
    if let (Some(n), Some(span)) = (n, span) {
        last.event.fatalities = Some(before + n);
        if before == 0 {
            last.event.fatalities_text = Some(span.of(text).to_string());
            last.event.evidence.retain(|e| e.field != "fatalities");
        }
        for sp in spans {
            let (start, end) = char_offsets(text, sp);
            last.event.evidence.push(Evidence {
                field: "fatalities".into(),
                start,
                end,
                text: sp.of(text).to_string(),
            });
        }
        // "Gunmen attacked a post. Three soldiers lost their lives.": the
        // side hit was armed.
        if let Some((victim, vspan)) = victims.filter(|_| n > 0) {
            if victims_were_armed(&mut last.event, &victim) {
                let (start, end) = char_offsets(text, vspan);
                last.event.evidence.push(Evidence {
                    field: "actor2".into(),
                    start,
                    end,
                    text: vspan.of(text).to_string(),
                });
            }
        }
    }
}

/// Whether an event's toll is one person named as killed ("Qassem
/// Soleimani a été tué"): a later count of all the dead ("Sept personnes
/// ont péri dans le raid") is the toll.
fn one_named_toll(e: &Event) -> bool {
    e.fatalities == Some(1)
        && e.fatalities_text.as_deref().is_some_and(|t| {
            t.split_whitespace()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        })
}

/// Whether an event's toll is a vague amount ("Plusieurs civils", coded 3).
fn vague_toll(e: &Event) -> bool {
    e.fatalities_text.as_deref().is_some_and(|t| {
        let first = t.split_whitespace().next().unwrap_or("").to_lowercase();
        [
            "several",
            "plusieurs",
            "a",
            "few",
            "quelques",
            "many",
            "de",
            "des",
            "dozens",
            "scores",
            "numerous",
            "nombreux",
            "some",
            "certains",
        ]
        .contains(&first.as_str())
    })
}

/// Whether a lower-cased sentence adds to what the one before told ("also",
/// "également").
fn adds_to_before(lower: &str) -> bool {
    [" also ", " également ", " aussi ", "in addition"]
        .iter()
        .any(|c| lower.contains(c))
}

/// Whether a lower-cased sentence places the incident just told after an
/// earlier one: "The attack came less than a month after ...", "L'attaque
/// intervient deux semaines après ...".
fn looks_back(lower: &str) -> bool {
    const SUBJECTS: &[&str] = &[
        "the ", "this ", "that ", "it ", "l'", "la ", "le ", "cette ", "cet ", "ce ", "elle ",
        "il ",
    ];
    if !SUBJECTS.iter().any(|s| lower.starts_with(s)) {
        return false;
    }
    let Some((i, verb)) = WORDS
        .happened_verbs
        .iter()
        .filter_map(|v| lower.find(v).map(|i| (i, v)))
        .min_by_key(|x| x.0)
    else {
        return false;
    };
    // (the verb of the opening words: "The attack came", not a clause far on)
    if lower[..i].split_whitespace().count() > 4 {
        return false;
    }
    // (an incident for subject, "The attack", "L'embuscade": not "This
    // happened after gunmen stormed the village", which tells the incident
    // after "after")
    let subject = &lower[..i];
    // ("Elle survient un mois après ...": the incident just told, by its
    // pronoun; "It comes after ...")
    let pronoun = matches!(subject.trim(), "elle" | "il" | "it");
    if !pronoun
        && !WORDS.incident_nouns.iter().any(|n| {
            subject
                .split([' ', '\'', '’'])
                .any(|w| w.strip_suffix('s').unwrap_or(w) == *n || w == *n)
        })
    {
        return false;
    }
    let rest = &lower[i + verb.len()..];
    let window = format!(" {}", &rest[..rest.floor_char_boundary(50)]);
    [
        " after ",
        " après ",
        " following ",
        " just days after",
        " à la suite ",
    ]
    .iter()
    .any(|a| window.contains(a))
}

/// Whether a lower-cased sentence tells a toll that was superseded: "the
/// toll, initially put at 134, rose", "un premier bilan faisait état de".
fn initial_toll(lower: &str) -> bool {
    WORDS.initial_tolls.iter().any(|c| lower.contains(c))
}

/// Whether `lower` (lower-cased words between two tolls, or a sentence)
/// reports a later, revised toll: "the toll was later raised to", "le
/// bilan s'est ensuite alourdi".
fn toll_update(lower: &str) -> bool {
    let later = WORDS.later_words.iter().any(|c| lower.contains(c));
    let revised = WORDS.revised_words.iter().any(|c| lower.contains(c));
    // "local sources later put the toll at 86": another source's figure
    // for the same deaths (ACLED keeps the lowest), not a revision.
    let other_source = WORDS.other_sources.iter().any(|c| lower.contains(c));
    later && revised && !other_source
}

/// Gives the last event a finer place named in a later sentence that
/// reports no event of its own ("The blast happened south of Fada
/// N'Gourma"): one or two sentences after it, in the event's country (and
/// region, when the event has one), finer than what the event has.
fn refine_place(
    last: Option<&mut Draft>,
    si: usize,
    text: &str,
    sspan: Span,
    geo: &GeoAnalysis,
    actor_words: &[Span],
) {
    let Some(last) = last.filter(|l| si <= l.sentence + 2) else {
        return;
    };
    let Some(current) = last.event.location.clone() else {
        return;
    };
    let best = geo
        .toponyms
        .iter()
        .filter(|t| t.sentence == si && may_be_event_place(text, sspan, t, actor_words))
        .filter_map(|t| t.mention.location.as_ref().map(|l| (t, l)))
        .filter(|(_, l)| {
            l.country_code == current.country_code
                && coarseness(l) < coarseness(&current)
                && (coarseness(&current) == 3 || l.admin1 == current.admin1)
        })
        .min_by_key(|(t, l)| (coarseness(l), t.mention.span.start));
    if let Some((t, l)) = best {
        last.event.location = Some(l.clone());
        last.placeless = false;
        // The summary names the place: write it again.
        if let Some(sentence) = last
            .event
            .evidence
            .iter()
            .find(|e| e.field == "notes")
            .map(|e| e.text.clone())
        {
            last.event.notes = notes(
                &sentence,
                last.event.event_date,
                last.event.time_precision,
                Some(l),
            );
        }
        last.event.evidence.retain(|e| e.field != "location");
        let (start, end) = char_offsets(text, t.mention.span);
        last.event.evidence.push(Evidence {
            field: "location".into(),
            start,
            end,
            text: t.mention.span.of(text).to_string(),
        });
    }
}

/// A date that names another occasion: "the Oct. 9 general election",
/// "the 9 October vote" (the date between "the" and a noun), "la
/// présidentielle du 18 avril" (an occasion's noun, then "du" and the date),
/// and the dates of [`dates_something_else`].
fn names_another_day(text: &str, date: Span) -> bool {
    if dates_something_else(text, date) {
        return true;
    }
    let wider = text[text.floor_char_boundary(date.start.saturating_sub(24))..date.start]
        .trim_end()
        .to_lowercase();
    if let Some(noun) = wider.strip_suffix(" du") {
        if noun
            .split_whitespace()
            .next_back()
            .is_some_and(|w| WORDS.occasions.contains(&w))
        {
            return true;
        }
    }
    let before = text[text.floor_char_boundary(date.start.saturating_sub(8))..date.start]
        .trim_end()
        .to_lowercase();
    let after = text[date.end..].trim_start();
    let next: String = after
        .chars()
        .take_while(|c| c.is_alphabetic() || *c == '-')
        .collect();
    (before.ends_with(" the") || before == "the" && date.start <= 8)
        && next.chars().next().is_some_and(char::is_lowercase)
        && ![
            "and", "or", "at", "in", "on", "when", "as", "after", "before", "to", "by", "for",
            "from", "until", "through", "of",
        ]
        .contains(&next.as_str())
}

/// Whether `span` lies in an aside that tells part of a count (", dont un
/// policier lynché par des fidèles,", ", including two lynched by a
/// mob"), up to the next comma or the clause's end.
fn in_part_aside(text: &str, sentence: Span, span: Span) -> bool {
    opened_by_last_comma(
        text,
        sentence,
        span,
        &["dont ", "including ", "among them ", "parmi lesquels "],
    )
    .is_some()
}

/// The words between the last comma of `sentence` before `span` and
/// `span`, when they open with one of `cues` and hold no semicolon: the
/// aside or relative clause `span` stands in. (Only the last comma may
/// open it, none being inside; cues after a comma are never capitalised,
/// so nothing is lowered: this runs for every trigger, date and actor.)
fn opened_by_last_comma<'a>(
    text: &'a str,
    sentence: Span,
    span: Span,
    cues: &[&str],
) -> Option<&'a str> {
    let before = &text[sentence.start..span.start];
    let opened = &before[before.rfind(", ")? + 2..];
    (cues.iter().any(|c| opened.starts_with(c)) && !opened.contains(';')).then_some(opened)
}

/// A date in a relative clause in the pluperfect: what happened before,
/// not the clause's event ("took control of the city, which federal forces
/// had captured in November 2020", "la ville, que l'armée avait reprise en
/// 2013").
fn in_pluperfect_relative(text: &str, sentence: Span, span: Span) -> bool {
    let pronouns = ["which ", "who ", "que ", "qui ", "où ", "where "];
    let Some(relative) = opened_by_last_comma(text, sentence, span, &pronouns) else {
        return false;
    };
    // (the relative clause runs on to the next comma: "which federal
    // forces had captured")
    let after = &text[span.start..sentence.end];
    let end = after.find([',', ';']).unwrap_or(after.len());
    relative
        .split_whitespace()
        .chain(after[..end].split_whitespace())
        .any(|w| matches!(w, "had" | "avait" | "avaient"))
}

/// A date of something the clause only mentions: the day a plan is for
/// ("an election set for December 12") or the day before on which something
/// was announced ("le plan de réformes annoncé la veille", a participle
/// with no auxiliary before it: not "l'armée a annoncé mardi").
fn dates_something_else(text: &str, date: Span) -> bool {
    // (compared without allocating: this runs for every date of every clause)
    let before = text[..date.start].trim_end();
    let ends_with = |w: &str| {
        before.len() >= w.len()
            && before.is_char_boundary(before.len() - w.len())
            && before[before.len() - w.len()..].eq_ignore_ascii_case(w)
            && before[..before.len() - w.len()]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
    };
    if WORDS.scheduled_for.iter().any(|w| ends_with(w)) {
        return true;
    }
    // "the deadliest day of the unrest that followed Pedro Castillo's
    // removal in December 2022": a date in a relative clause on what came
    // before is that earlier thing's.
    let window = &before[before.floor_char_boundary(before.len().saturating_sub(120))..];
    let clause = &window[window.rfind([',', ';', '(', ':', '.']).map_or(0, |i| i + 1)..];
    // (two cheap looks first: this runs for every date of every clause)
    if (clause.contains("follow") || clause.contains("began") || clause.contains("suivi"))
        && [
            " that followed ",
            " which followed ",
            " that began with ",
            " which began with ",
            " qui a suivi ",
            " qui ont suivi ",
            " qui avait suivi ",
        ]
        .iter()
        .any(|w| clause.contains(w))
    {
        return true;
    }
    // "rallied on Sunday against a rise in gas prices, after price caps were
    // lifted on Jan. 1": a date in an "after" clause, when the event's own
    // weekday came before it in the sentence, is that earlier thing's.
    if window.contains("after") || window.contains("après") {
        let sentence = &before[before.rfind(". ").map_or(0, |i| i + 2)..];
        let lower = sentence.to_lowercase();
        if let Some(at) = [" after ", " après que ", " après qu'", " après qu’"]
            .iter()
            .filter_map(|w| lower.rfind(w))
            .max()
        {
            let (own, then) = lower.split_at(at);
            let weekday_before =
                crate::lexicon::words(own).any(|(_, w)| WORDS.weekdays.contains(&w));
            // (a verb of its own: an auxiliary, a past in "-ed" or an
            // irregular one; not "after talks on Jan. 1")
            let verb_after = crate::lexicon::words(then).skip(1).any(|(_, w)| {
                w.len() > 4 && w.ends_with("ed")
                    || [
                        "was", "were", "had", "has", "have", "been", "began", "broke", "took",
                        "fell", "came", "went", "left", "struck", "fled", "rose", "a", "ont",
                        "avait", "avaient", "été",
                    ]
                    .contains(&w)
            });
            if weekday_before && verb_after {
                return true;
            }
        }
    }
    // "en mémoire de Nahel, 17 ans, tué le 27 juin par un policier": the
    // day of a death told in an apposition (its participle right after a
    // comma) is that death's.
    let head = ["le", "on", "the"]
        .iter()
        .find_map(|w| {
            before
                .strip_suffix(w)
                .filter(|h| h.ends_with(' '))
                .map(str::trim_end)
        })
        .unwrap_or(before);
    if let Some((rest, last)) = head.rsplit_once(' ') {
        if matches!(
            last.to_lowercase().as_str(),
            "tué" | "tuée" | "tués" | "tuées" | "killed" | "mort" | "morte" | "décédé" | "décédée"
        ) && rest.trim_end().ends_with(',')
        {
            return true;
        }
    }
    let said = date.of(text);
    let day_before = [
        "la veille",
        "l'avant-veille",
        "the day before",
        "the previous day",
        "a day earlier",
    ]
    .iter()
    .any(|p| said.eq_ignore_ascii_case(p));
    if !day_before {
        return false;
    }
    let wider = text[text.floor_char_boundary(date.start.saturating_sub(40))..date.start]
        .trim_end()
        .to_lowercase();
    let words: Vec<&str> = wider
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let auxiliary = |w: &str| {
        [
            "a", "ont", "avait", "avaient", "est", "sont", "été", "has", "have", "had", "was",
            "were", "is", "are", "been",
        ]
        .contains(&w)
    };
    matches!(
        words.as_slice(),
        [.., before, last]
            if WORDS.announced_participles.contains(last) && !auxiliary(before)
    )
}

/// A dateline ("OUAGADOUGOU, June 5 (Reuters) -"): the day of the report,
/// not of the event.
fn is_dateline(text: &str, sentence: Span, date: Span) -> bool {
    let after = text[date.end..sentence.end].trim_start();
    let before = &text[sentence.start..date.start];
    let near_start = before.chars().count() <= 40;
    // (a date told in a sentence is none: "On 30 October 2014 (night of
    // 30-31 October), soldiers ...")
    let told = before.split_whitespace().next_back().is_some_and(|w| {
        ["on", "le", "in", "en", "the", "du"].contains(&w.to_lowercase().as_str())
    });
    near_start
        && !told
        && (after.starts_with('(')
            || after.starts_with("- ")
            || after.starts_with("– ")
            || after.starts_with("— ")
            || after.starts_with(": "))
}

/// A date attached to a reporting verb ("the government said on Saturday"):
/// when the report came, a weaker witness of the event's day than any other.
fn is_reporting_date(text: &str, sentence: Span, date: Span) -> bool {
    let before = text[sentence.start..date.start].to_lowercase();
    let before = before.trim_end();
    let before = [" on", " in", " en", " le"]
        .iter()
        .find_map(|p| before.strip_suffix(p))
        .unwrap_or(before)
        .trim_end();
    [
        "said",
        "published",
        "released",
        "publié",
        "publiée",
        "publiés",
        "publiées",
        "announced",
        "reported",
        "told",
        "stated",
        "confirmed",
        "added",
        "a annoncé",
        "a indiqué",
        "a déclaré",
        "a affirmé",
        "ont annoncé",
        "a précisé",
    ]
    .iter()
    .any(|v| before.ends_with(v))
}

/// Whether a toponym of the clause `sspan` may be where its event happened.
/// Demonyms name a country, not a place; a dateline is where the reporter
/// was; a place inside an actor's name ("Islamic State Sahel Province",
/// "Katiba Macina") is who, not where; a destination ("fled towards
/// Nigeria", "se replier vers la frontière") is where people went after.
fn may_be_event_place(
    text: &str,
    sspan: Span,
    t: &veille_geo::toponyms::Toponym,
    actor_words: &[Span],
) -> bool {
    (!t.mention.adjectival || names_a_site(text, t))
        && !attributive_country(text, t)
        && !in_a_slogan(text, t.mention.span)
        && t.mention.cue.as_deref() != Some("dateline")
        && !actor_words.iter().any(|a| a.overlaps(t.mention.span))
        && !is_destination(text, sspan, t.mention.span)
        && !names_a_group(text, t.mention.span)
        && !garrison_of_a_unit(text, sspan, t.mention.span)
        && !is_cause_elsewhere(text, sspan, t.mention.span)
}

/// A place that names where a military unit is garrisoned, not where it
/// fought: "trois soldats du 1er régiment de chasseurs de
/// Thierville-sur-Meuse ont été tués au Mali", "a soldier of the 2nd
/// Regiment based in Pau".
fn garrison_of_a_unit(text: &str, sspan: Span, place: Span) -> bool {
    let from = text.floor_char_boundary(place.start.saturating_sub(60).max(sspan.start));
    let before = &text[from..place.start];
    let before = &before[before.rfind([',', ';', '.', '(']).map_or(0, |i| i + 1)..];
    // (compared without allocating: this runs for every place of a clause)
    let ends_with = |l: &str| {
        before.len() >= l.len()
            && before.is_char_boundary(before.len() - l.len())
            && before[before.len() - l.len()..].eq_ignore_ascii_case(l)
    };
    if ![
        "de ",
        "d'",
        "d’",
        "of ",
        "from ",
        "based in ",
        "basé à ",
        "basés à ",
        "stationed in ",
    ]
    .iter()
    .any(|l| ends_with(l))
    {
        return false;
    }
    let before = before.to_lowercase();
    // (the unit's name runs up to the place: three words at most after the
    // unit word, none of them a place's kind: not "an army brigade base in
    // the border city of Cucuta")
    let words: Vec<&str> = crate::lexicon::words(&before).map(|(_, w)| w).collect();
    words
        .iter()
        .rposition(|w| WORDS.military_units.contains(w))
        .is_some_and(|i| {
            let rest = &words[i + 1..];
            rest.len() <= 3
                && !rest.iter().any(|w| {
                    [
                        "base", "camp", "city", "town", "village", "area", "region", "border",
                    ]
                    .contains(w)
                })
        })
}

/// Whether a place opens the name of a site that stands in it ("Baghdad
/// International Airport", "Kramatorsk railway station"): adjectival to a
/// geoparser, but where an event there happened.
fn names_a_site(text: &str, t: &veille_geo::toponyms::Toponym) -> bool {
    let after = text[t.mention.span.end..]
        .split_whitespace()
        .take(2)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect::<Vec<_>>();
    match after.as_slice() {
        [one, ..] if matches!(one.as_str(), "airport" | "airbase") => true,
        [one, two] => {
            matches!(one.as_str(), "international" | "railway" | "train" | "bus")
                && matches!(two.as_str(), "airport" | "station")
        }
        _ => false,
    }
}

/// Whether a trigger of force is a few people hurt ("Quatre manifestants
/// ont été blessés", "some protesters were injured", "Plusieurs personnes
/// ont été blessées"): what dispersing a crowd does, an intervention; not
/// excessive force, which is deaths, live fire, beatings or many wounded.
/// So is a crush in which nobody died ("Quatre manifestants ont été
/// légèrement blessés dans la bousculade").
fn few_hurt(text: &str, sspan: Span, t: &Hit, lex: &Lexicon) -> bool {
    if lex.classes[t.id].name != "force" {
        return false;
    }
    let said = t.span.of(text).to_lowercase();
    if matches!(said.as_str(), "stampede" | "bousculade") {
        let sentence = sspan.of(text).to_lowercase();
        return !lex
            .death_words
            .iter()
            .any(|d| sentence.contains(d.as_str()));
    }
    if !lex.injured.contains(&said) {
        return false;
    }
    let before = lowered_before(text, sspan, t.span, 60);
    let words: Vec<&str> = before
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect();
    words
        .iter()
        .rev()
        .take(5)
        .any(|w| WORDS.few.contains(w) || w.parse::<u32>().is_ok_and(|n| n <= 5))
}

/// Whether trigger `t` is named with its own date ("du massacre du 28
/// septembre 2009", "the massacre of 11 July 1995": at most two words
/// between) in a year before that of another date of its sentence.
fn dated_earlier(text: &str, sspan: Span, t: &Hit, dates: &[DateMention]) -> bool {
    let year = |d: &DateMention| {
        let said = d.span.of(text);
        said.split(|c: char| !c.is_ascii_digit())
            .any(|w| w.len() == 4)
            .then(|| d.start.map(|s| s.year()))
            .flatten()
    };
    let own = dates.iter().find(|d| {
        sspan.contains(d.span)
            && d.span.start >= t.span.end
            && d.span.start - t.span.end <= 24
            && text[t.span.end..d.span.start].split_whitespace().count() <= 2
            && !text[t.span.end..d.span.start].contains([',', ';', '.'])
    });
    let Some(own_year) = own.and_then(year) else {
        return false;
    };
    dates
        .iter()
        .filter(|d| sspan.contains(d.span) && Some(d.span) != own.map(|o| o.span))
        .filter_map(year)
        .any(|y| y > own_year)
}

/// Whether trigger `t` is an infinitive ("to hand over", "de remettre")
/// after an agreement's trigger in its sentence, with no stop between:
/// what the agreement says will be done.
fn agreed_to_do(text: &str, sspan: Span, t: &Hit, triggers: &[Hit], lex: &Lexicon) -> bool {
    let before = lowered_before(text, sspan, t.span, 40);
    let infinitive = before
        .split_whitespace()
        .next_back()
        .is_some_and(|w| matches!(w, "to" | "de" | "d'" | "à"));
    // (or a second verb of an infinitive after the agreement: "... to hand
    // over their heavy weapons and cede the crossing")
    let joined = before.ends_with(" and") || before.ends_with(" et");
    triggers.iter().any(|a| {
        lex.classes[a.id].name == "agreement"
            && sspan.contains(a.span)
            && a.span.end <= t.span.start
            && {
                let between = text[a.span.end..t.span.start].to_lowercase();
                !between.contains([';', '.'])
                    && (infinitive
                        || joined && [" to ", " de "].iter().any(|w| between.contains(w)))
            }
    })
}

/// Whether a trigger of retaking ground is a crowd pushed back ("pushed
/// back part of the crowd", "Les jeunes ... ont été repoussés"; a crowd's
/// word anywhere in its sentence): police dispersing a protest, no
/// territory retaken.
fn crowd_pushed_back(text: &str, sspan: Span, t: &Hit, lex: &Lexicon) -> bool {
    // (and a fight repelled: "repoussés", "pushed back")
    let class = lex.classes[t.id].name.as_str();
    if class != "retake" && class != "clash" {
        return false;
    }
    let said = t.span.of(text).to_lowercase();
    let repelled = ["repouss", "pushed back", "repelled"]
        .iter()
        .any(|w| said.starts_with(w));
    if class == "clash" && !repelled {
        return false;
    }
    sspan
        .of(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .any(|w| WORDS.crowd_nouns.contains(&w.to_lowercase().as_str()))
}

/// Whether a place is in the words of a sign, banner or chant, quoted
/// ("the sign reading 'Embassy of France in Niger'", "chanting "Down
/// with France""): what was written or shouted, not where.
fn in_a_slogan(text: &str, place: Span) -> bool {
    let start = text.floor_char_boundary(place.start.saturating_sub(80));
    let before = &text[start..place.start];
    let Some(open) = before.rfind(['\'', '"', '“', '‘', '«']) else {
        return false;
    };
    // (an apostrophe inside a word is no quote: "Niger's")
    let quote = &before[open..];
    let word_before = before[..open].ends_with(|c: char| c.is_alphanumeric());
    if word_before || quote.contains(['”', '’', '»']) || quote.len() > 60 {
        return false;
    }
    // (a name in quotes that the place ends: "the 'March for Freedom'",
    // « la Marche pour Gaza »)
    let inside = quote[quote.chars().next().map_or(0, char::len_utf8)..].trim_start();
    let closes = text[place.end..]
        .trim_start_matches(' ')
        .starts_with(['\'', '"', '”', '’', '»']);
    let title = inside.split_whitespace().all(|w| {
        w.starts_with(char::is_uppercase)
            || matches!(
                w,
                "for" | "of" | "the" | "and" | "pour" | "de" | "du" | "des" | "la" | "le" | "et"
            )
    });
    if closes
        && title
        && inside.starts_with(char::is_uppercase)
        && inside.split_whitespace().count() >= 2
    {
        return true;
    }
    let lead = before[..open].to_lowercase();
    let lead = lead.trim_end().trim_end_matches(':').trim_end();
    WORDS.slogan_cues.iter().any(|c| lead.ends_with(c))
}

/// Whether a country's name is used as an adjective of the people or
/// forces after it ("13 US service members", "UN peacekeepers"): whose,
/// not where.
fn attributive_country(text: &str, t: &veille_geo::toponyms::Toponym) -> bool {
    let country = t
        .mention
        .location
        .as_ref()
        .is_some_and(|l| l.feature == "country");
    country && {
        let next = text[t.mention.span.end..]
            .strip_prefix(' ')
            .and_then(|rest| rest.split(|c: char| !c.is_alphabetic()).next())
            .unwrap_or("");
        WORDS.attributive_nouns.contains(&next)
    }
}

/// A country's capital named by the country ("the Moroccan capital", "la
/// capitale malienne", "Mali's capital", "the capital of Niger", "la
/// capitale du Niger") in sentence `si`, and the words naming it.
fn capital_named(
    text: &str,
    si: usize,
    sspan: Span,
    geo: &GeoAnalysis,
    gaz: &Gazetteer,
) -> Option<(u32, Span)> {
    // "la capitale malienne": a French demonym is no toponym of its own.
    let french = || {
        let sentence = sspan.of(text);
        let lower = sentence.to_lowercase();
        if lower.len() != sentence.len() {
            return None;
        }
        lower.match_indices("capitale ").find_map(|(at, cue)| {
            let rest = &sentence[at + cue.len()..];
            let word: String = rest
                .chars()
                .take_while(|c| c.is_alphabetic() || *c == '-')
                .collect();
            let country = gaz.demonym(&veille_geo::fold::fold(&word))?;
            let span = Span::new(sspan.start + at, sspan.start + at + cue.len() + word.len());
            gaz.capital_of(country).map(|c| (c, span))
        })
    };
    let named = geo
        .toponyms
        .iter()
        .filter(|t| t.sentence == si)
        .find_map(|t| {
            let idx = t.entry?;
            if gaz.entries[idx as usize].kind != Kind::Country {
                return None;
            }
            let m = t.mention.span;
            let adjectival = t.mention.adjectival;
            // After it: "the Moroccan capital", "Mali's capital".
            let after = &text[m.end..sspan.end];
            // (an abbreviation is an adjective: "the U.S. capital")
            let said = &text[m.start..m.end];
            let abbreviation = said.ends_with('.')
                || said.len() <= 3 && said.chars().all(|c| c.is_ascii_uppercase());
            let lead = if adjectival || abbreviation {
                Some(" ")
            } else {
                ["'s ", "’s "].into_iter().find(|p| after.starts_with(p))
            };
            let after_span = lead.and_then(|lead| {
                let rest = after.strip_prefix(lead)?;
                let n = rest
                    .find(|c: char| !c.is_alphanumeric())
                    .unwrap_or(rest.len());
                let word = rest[..n].to_lowercase();
                let next = rest[n..]
                    .split_whitespace()
                    .next()
                    .unwrap_or("")
                    .trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase();
                // (not "the Malian capital markets", "capital punishment")
                let money = &WORDS.capital_money;
                let lower = rest.to_lowercase();
                // ("South Korea's National Assembly", "the Kenyan
                // parliament": the state's seat is in its capital)
                let seat = (lower.len() == rest.len())
                    .then(|| {
                        WORDS
                            .seats_of_state
                            .iter()
                            .find(|s| starts_phrase(&lower, s))
                            // (lower-casing may shift bytes and even out:
                            // the seat's end must be one in the text too)
                            .filter(|s| rest.is_char_boundary(s.len()))
                    })
                    .flatten();
                if let Some(seat) = seat {
                    return Some(Span::new(m.start, m.end + lead.len() + seat.len()));
                }
                (word == "capital" && !money.contains(&next.as_str()))
                    .then(|| Span::new(m.start, m.end + lead.len() + n))
            });
            // Before it: "la capitale malienne", "the capital of Niger".
            let before_span = || {
                let raw = text[sspan.start..m.start].trim_end();
                let lower = raw.to_lowercase();
                let cues: &[&str] = if adjectival {
                    &WORDS.capital_cues_adjectival
                } else {
                    &WORDS.capital_cues_of
                };
                let cue = cues.iter().find(|c| lower.ends_with(*c))?;
                let start = raw.len().checked_sub(cue.len())?;
                raw.is_char_boundary(start)
                    .then(|| Span::new(sspan.start + start, m.end))
            };
            let span = after_span.or_else(before_span)?;
            gaz.capital_of(idx).map(|c| (c, span))
        });
    // "dans plusieurs quartiers de la capitale", "outside parliament": the
    // capital of the country the article is about, when no word says
    // whose ("the regional capital", "la capitale régionale", "the state
    // parliament" are others).
    let bare = || {
        let country = gaz.country_index(geo.focus_country.as_deref()?)?;
        let capital = gaz.capital_of(country)?;
        let sentence = sspan.of(text);
        let lower = sentence.to_lowercase();
        if lower.len() != sentence.len() {
            return None;
        }
        for cue in &WORDS.bare_capital_cues {
            for (at, _) in lower.match_indices(cue) {
                if lower[..at].ends_with(|c: char| c.is_alphanumeric()) {
                    continue;
                }
                let before = lower[..at].trim_end();
                let after = &lower[at + cue.len()..];
                let next = after
                    .split_whitespace()
                    .next()
                    .unwrap_or("")
                    .trim_matches(|c: char| !c.is_alphanumeric());
                let whose = &WORDS.capital_whose;
                let other_seat = ["state", "regional", "provincial", "local", "county"]
                    .iter()
                    .any(|w| before.ends_with(w));
                let word_ends = after.chars().next().is_none_or(|c| !c.is_alphanumeric());
                // (a demonym after it names whose: "la capitale malienne")
                let demonym = gaz.demonym(&veille_geo::fold::fold(next)).is_some();
                if word_ends && !whose.contains(&next) && !other_seat && !demonym {
                    let span = Span::new(sspan.start + at, sspan.start + at + cue.len());
                    return Some((capital, span));
                }
            }
        }
        None
    };
    named.or_else(french).or_else(bare)
}

/// Whether `text` starts with the words `phrase`, whole.
fn starts_phrase(text: &str, phrase: &str) -> bool {
    text.strip_prefix(phrase)
        .is_some_and(|r| r.chars().next().is_none_or(|c| !c.is_alphanumeric()))
}

/// A place named as whom a crowd stood with or against, not where it
/// stood: "marched through the Moroccan capital in solidarity with
/// Palestinians in Gaza", "chanting slogans against Israel's
/// bombardment"; or where what it answered happened ("following the
/// arrest of Imran Khan in Islamabad, supporters rioted in Lahore").
fn is_cause_elsewhere(text: &str, sentence: Span, place: Span) -> bool {
    let before = lowered_before(text, sentence, place, 60);
    let clause = before.rsplit([',', ';', '(']).next().unwrap_or("");
    [
        "solidarity with",
        "in sympathy with",
        "solidarité avec",
        // (and what it asked for: "calling on President Joe Biden to
        // support a ceasefire in Gaza"; not "in support of", "en soutien
        // aux VDP à Djibo", which troops say too, nor "despite a ceasefire
        // in Idlib")
        "calling for",
        "calling on",
        "called for",
        // (what the crowd was against: "chanting slogans against Israel's
        // bombardment")
        "slogans against",
        "chanting against",
        "chanted against",
        "protest against",
        "protests against",
        "protesting against",
        "protested against",
        "slogans hostiles",
        // (where the arrest the crowd answered happened: "following the
        // arrest of former PM Imran Khan in Islamabad, PTI supporters
        // rioted in Lahore"; not a killing's place, where crowds often
        // gather: "riots broke out after the death of a teenager in
        // Nanterre")
        "following the arrest of",
        "after the arrest of",
        "après l'arrestation de",
        "à la suite de l'arrestation de",
        "suite à l'arrestation de",
    ]
    .iter()
    .any(|c| clause.contains(c))
}

/// A place named as where people went or came from, not where the event
/// was: "fled to Bamako", "heading towards Niger", "repartir vers le
/// Nigeria", "the wounded were taken to Gao", "driving from La Mora".
fn is_destination(text: &str, sentence: Span, place: Span) -> bool {
    let before = lowered_before(text, sentence, place, 30);
    let before = before.trim_end();
    let before = ["the", "la", "le", "les", "l'", "l’"]
        .iter()
        .find_map(|a| before.strip_suffix(a).filter(|b| b.ends_with(' ')))
        .unwrap_or(before)
        .trim_end();
    WORDS.destination_cues.iter().any(|c| before.ends_with(c))
}

/// The `chars` characters of its sentence before `place`, lowercased.
fn lowered_before(text: &str, sentence: Span, place: Span, chars: usize) -> String {
    let from = text[..place.start]
        .char_indices()
        .rev()
        .nth(chars)
        .map_or(0, |(i, _)| i)
        .max(sentence.start);
    text[from..place.start].to_lowercase()
}

/// How a place is written with the units that contain it, as ACLED's
/// notes write the event's place: 0 for the place before them ("in
/// Ziguinchor (Ziguinchor, Ziguinchor)"), 1 for a unit inside the brackets,
/// 2 for a place named otherwise (in passing: "sentenced in Dakar").
fn bracketed(text: &str, sentence: Span, t: &Toponym, all: &[&Toponym]) -> u8 {
    let (start, end) = (t.mention.span.start, t.mention.span.end);
    let after = &text[end..sentence.end];
    // (by units of its own country: "the border area with Niger and
    // Burkina Faso (Karimama commune)" names a Beninese commune, the
    // event's, not Burkina Faso's)
    let country = |t: &Toponym| t.mention.location.as_ref().map(|l| l.country_code.clone());
    let qualified = after.starts_with(" (")
        && after.find(')').is_some_and(|close| {
            all.iter().any(|o| {
                o.mention.span.start > end
                    && o.mention.span.end <= end + close
                    && (country(o).is_none() || country(o) == country(t))
            })
        });
    if qualified {
        return 0;
    }
    let inside = text[sentence.start..start].rfind('(').is_some_and(|open| {
        let open = sentence.start + open;
        !text[open..start].contains(')')
            && text[..open].ends_with(|c: char| c.is_alphabetic() || c == ' ')
            && after
                .find(')')
                .is_some_and(|close| !after[..close].contains('('))
    });
    if inside {
        1
    } else {
        2
    }
}

/// A place named as where people come from ("residents of Petare ...
/// marched in Caracas"): the event's place only when the sentence names no
/// other place as fine.
fn is_origin(text: &str, sentence: Span, place: Span) -> bool {
    let before = lowered_before(text, sentence, place, 40);
    let before = before.trim_end();
    // "a trader of Igbo origin", "d'origine malienne": a descent, no place.
    let after = &text[place.end..sentence.end.max(place.end)];
    let starts = |w: &str| {
        after
            .get(..w.len())
            .is_some_and(|a| a.eq_ignore_ascii_case(w))
    };
    if (before.ends_with(" of") && (starts(" origin") || starts(" descent")))
        || before.ends_with("d'origine")
        || before.ends_with("d’origine")
    {
        return true;
    }
    [
        "residents of",
        "inhabitants of",
        "natives of",
        "people from",
        "villagers from",
        "displaced from",
        "originally from",
        "habitants de",
        "originaires de",
        "venus de",
        "travelling from",
        "traveling from",
        "coming from",
        "en provenance de",
        "venant de",
    ]
    .iter()
    .any(|c| before.ends_with(c))
}

/// "five decades of war that killed more than 220,000 people", "une guerre
/// qui a tué des milliers de personnes": a trigger told of a war, a
/// conflict or an insurgency in a relative clause is its history, not an
/// incident.
fn war_history(text: &str, trigger: Span) -> bool {
    let from = text.floor_char_boundary(trigger.start.saturating_sub(48));
    let before = text[from..trigger.start].to_lowercase();
    let mut words: Vec<&str> = before
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .collect();
    let mut perfect = false;
    while words.last().is_some_and(|w| {
        matches!(
            *w,
            "has" | "have" | "had" | "already" | "a" | "ont" | "avait" | "avaient" | "déjà"
        )
    }) {
        perfect |= words.last() != Some(&"already") && words.last() != Some(&"déjà");
        words.pop();
    }
    // (the war's noun at most three words before: "a rebellion in the
    // south that has killed more than 120,000 people")
    let n = words.len();
    let war_near = |from: usize, to: usize| words[from..to].iter().any(|w| WORDS.wars.contains(w));
    n >= 2 && matches!(words[n - 1], "that" | "which" | "qui") && war_near(n.saturating_sub(5), n - 1)
        // (or the war itself, told in the perfect: "The decade-long
        // insurgency in northeast Nigeria has killed more than 30,000
        // people")
        || perfect && n >= 1 && war_near(n.saturating_sub(4), n)
}

/// "The community has clashed with drug gangs for more than a decade",
/// "les deux communautés s'affrontent depuis des années": a perfect or
/// present tense with a span of years tells a lasting state, no incident.
fn lasting(text: &str, sentence: Span, trigger: Span) -> bool {
    static SPAN: OnceLock<Regex> = OnceLock::new();
    let span = SPAN.get_or_init(|| {
        Regex::new(
            r"(?i)^[^.;:,]{0,60}?\b(?:for (?:(?:more than|over|nearly|almost|some|at least) )?(?:a|an|\d+|two|three|four|five|several|many) (?:years?|decades?)|for (?:years|decades)|since (?:the )?(?:early |late |mid-)?(?:19|20)\d\ds?|depuis (?:(?:plus de|près de) )?(?:des|\d+|deux|trois|quatre|cinq|plusieurs) (?:ans|années|décennies))\b",
        )
        .expect("lasting span")
    });
    let before = lowered_before(text, sentence, trigger, 40);
    let auxiliary = before
        .split_whitespace()
        .rev()
        .take(6)
        .any(|w| matches!(w, "has" | "have" | "had" | "s'affrontent" | "se battent"))
        || trigger
            .of(text)
            .get(..9)
            .is_some_and(|w| w.eq_ignore_ascii_case("s'affront"));
    let after = &text[trigger.end..sentence.end];
    // ("les échanges de tirs ... se poursuivent quasi quotidiennement à la
    // frontière depuis le 8 octobre", "fighting has continued since")
    static GOES_ON: OnceLock<Regex> = OnceLock::new();
    let goes_on = GOES_ON.get_or_init(|| {
        Regex::new(
            r"(?i)^[^.;:,]{0,70}?\b(?:se poursuivent|se poursuit|continuent|continue|persistent|have continued|has continued|have persisted|has persisted)\b[^.;:]{0,60}?\b(?:depuis|since)\b",
        )
        .expect("goes on")
    });
    // (the expression searched only when its last word is there: it runs
    // for every trigger)
    let since = || {
        let head = &after[..after.floor_char_boundary(200.min(after.len()))];
        ["since", "Since", "depuis", "Depuis"]
            .iter()
            .any(|w| head.contains(w))
    };
    auxiliary && span.is_match(after) || since() && goes_on.is_match(after)
}

/// Distance from which a place named as a reference point ("195 km north
/// of Mogadishu") is no longer where the event was.
const FAR_REFERENCE_KM: f64 = 50.0;

/// A place named as a distant reference point ("a camp in Hiraan region,
/// about 195 km (120 miles) north of Mogadishu", "à 150 km au nord de
/// Niamey"): the event's place only when the sentence names no other.
/// (A near one, "à une douzaine de kilomètres de Mokolo", is where ACLED
/// codes the event.)
fn is_far_reference(text: &str, sentence: Span, place: Span) -> bool {
    distance_from(text, sentence, place).is_some_and(|(km, _)| km >= FAR_REFERENCE_KM)
}

/// The distance in km written before a place as a reference point ("195 km
/// north of", "à une soixantaine de kilomètres au sud-est de"), with the
/// compass bearing from the place when one is written.
fn distance_from(text: &str, sentence: Span, place: Span) -> Option<(f64, Option<f64>)> {
    let before = lowered_before(text, sentence, place, 70);
    let before = before.trim_end();
    let links = ["of", "from", "de", "du", "d'", "d’", "de la"];
    if !links.iter().any(|l| {
        before
            .strip_suffix(l)
            .is_some_and(|r| r.is_empty() || r.ends_with(' '))
            || l.ends_with(['\'', '’']) && before.ends_with(l)
    }) {
        return None;
    }
    // The last distance written in the window, in km.
    let words: Vec<&str> = before
        .split(|c: char| c.is_whitespace() || c == '(' || c == ')')
        .filter(|w| !w.is_empty())
        .collect();
    let unit_at = words.iter().rposition(|w| {
        matches!(
            w.trim_end_matches(','),
            "km" | "kms" | "kilometres" | "kilometers" | "kilomètres" | "miles" | "mi"
        )
    })?;
    // ("120 miles" in brackets after "195 km": the first unit is the one
    // the sentence gives.)
    let unit_at = words[..unit_at]
        .iter()
        .rposition(|w| matches!(*w, "km" | "kilometres" | "kilometers" | "kilomètres"))
        .filter(|&k| unit_at - k <= 2)
        .unwrap_or(unit_at);
    let miles = words[unit_at].starts_with("mi");
    // ("une centaine de kilomètres": the figure before "de".)
    let figure = match unit_at.checked_sub(1).map(|k| words[k]) {
        Some("de" | "d'" | "d’") => unit_at.checked_sub(2).map(|k| words[k]),
        w => w,
    };
    // ("une soixantaine", "sixty": round figures in words.)
    const ROUND: [(&str, f64); 18] = [
        ("dizaine", 10.0),
        ("quinzaine", 15.0),
        ("vingtaine", 20.0),
        ("trentaine", 30.0),
        ("quarantaine", 40.0),
        ("cinquantaine", 50.0),
        ("soixantaine", 60.0),
        ("centaine", 100.0),
        ("ten", 10.0),
        ("twenty", 20.0),
        ("thirty", 30.0),
        ("forty", 40.0),
        ("fifty", 50.0),
        ("sixty", 60.0),
        ("seventy", 70.0),
        ("eighty", 80.0),
        ("ninety", 90.0),
        ("hundred", 100.0),
    ];
    let amount = figure.and_then(|w| {
        ROUND
            .iter()
            .find(|(r, _)| w.trim_end_matches('s') == *r)
            .map(|(_, v)| *v)
            .or_else(|| w.replace(',', "").parse::<f64>().ok())
    });
    // ("des dizaines de kilomètres de", "a few miles from": no figure, near.)
    let km = amount? * if miles { 1.609 } else { 1.0 };
    // ("au sud-est de", "north-west of", "à l'est de")
    let bearing = words[unit_at + 1..].iter().find_map(|w| {
        let w = w.trim_start_matches("l'").trim_start_matches("l’");
        Some(match w.replace('-', "").as_str() {
            "north" | "nord" => 0.0,
            "northeast" | "nordest" => 45.0,
            "east" | "est" => 90.0,
            "southeast" | "sudest" => 135.0,
            "south" | "sud" => 180.0,
            "southwest" | "sudouest" => 225.0,
            "west" | "ouest" => 270.0,
            "northwest" | "nordouest" => 315.0,
            _ => return None,
        })
    });
    Some((km, bearing))
}

/// "White Army", "Arakan Army", "Sudan People's Liberation Army": "Army"
/// after a name that is no country or nationality names a group of its
/// own, not the state's army ("Nigerian Army", "the Army", "United States
/// Army" are).
fn named_army(text: &str, h: &Hit, gaz: &Gazetteer, lex: &Lexicon) -> bool {
    if lex.actors[h.id].kind != "state" || h.span.of(text) != "Army" {
        return false;
    }
    let mut run: Vec<&str> = text[..h.span.start]
        .strip_suffix(' ')
        .unwrap_or("")
        .rsplit(' ')
        .take(4)
        .take_while(|w| w.starts_with(char::is_uppercase) && !w.ends_with(['.', ',', ':', ';']))
        .collect();
    run.reverse();
    if run.first() == Some(&"The") {
        run.remove(0);
    }
    if run.is_empty() {
        return false;
    }
    let name = veille_geo::fold::fold(&run.join(" "));
    let country = gaz
        .lookup(&name)
        .iter()
        .any(|&i| gaz.entries[i as usize].kind == Kind::Country);
    !(country || run.len() == 1 && gaz.demonym(&name).is_some())
}

/// An actor's name for an event in `country`: its name there
/// ([`ActorDef::name_in`]) with `{country}` filled, ACLED's "Military Forces
/// of the Philippines" but "Civilians (Philippines)".
fn fill(actor: &ActorDef, country: &str, gaz: &Gazetteer) -> String {
    let template = actor.name_in(country);
    if template.contains("Forces of {country}") {
        template.replace("{country}", &gaz.forces_of(country))
    } else {
        template.replace("{country}", country)
    }
}

/// Generic state forces named with a demonym, and the demonym's country:
/// the word before in English ("Zambian soldiers", "South Sudanese
/// troops"), the word after in French ("soldats zambiens", "frappes
/// aériennes israéliennes").
fn forces_named_by_demonym(
    text: &str,
    hits: &[Hit],
    gaz: &Gazetteer,
    lex: &Lexicon,
) -> Vec<(Span, String)> {
    let country_of = |words: &[&str]| demonym_country(words, gaz, lex);
    hits.iter()
        .filter(|h| {
            let a = &lex.actors[h.id];
            a.kind == "state" && a.generic()
        })
        .filter_map(|h| {
            let from = text.floor_char_boundary(h.span.start.saturating_sub(40));
            // (within the line: a title's last word is no demonym of the
            // body's first)
            let line = &text[from..h.span.start];
            let line = &line[line.rfind('\n').map_or(0, |i| i + 1)..];
            let three: Vec<&str> = line
                .strip_suffix(' ')
                .map(|b| b.rsplit(' ').take(3).collect())
                .unwrap_or_default();
            let before = &three[..three.len().min(2)];
            let to = text.ceil_char_boundary((h.span.end + 40).min(text.len()));
            let after: Vec<&str> = text[h.span.end..to]
                .strip_prefix(' ')
                .map(|a| a.split([' ', ',', '.', ';', ')']).take(3).collect())
                .unwrap_or_default();
            // "avions de combat russes", "forces de sécurité nigériennes":
            // the demonym after the noun's complement.
            let after_complement = match after.as_slice() {
                ["de", noun, demonym] if noun.starts_with(char::is_lowercase) => Some(*demonym),
                _ => None,
            };
            let two = (before.len() == 2).then(|| [before[1], before[0]]);
            // "Russian Shahed drone", "Iranian Fateh missiles": a weapon's
            // model between the demonym and the weapon.
            let model = two.filter(|w| w[1].starts_with(|c: char| c.is_uppercase()));
            // "Iraqi Counter-Terrorism Service units": a unit's name of two
            // words.
            let unit_name = (three.len() == 3
                && three[..2]
                    .iter()
                    .all(|w| w.starts_with(|c: char| c.is_uppercase())))
            .then(|| three[2]);
            // "a Syrian government helicopter", "Syrian regime warplanes".
            let government = two.filter(|w| {
                ["government", "regime", "pro-government"].contains(&w[1].to_lowercase().as_str())
            });
            two.and_then(|w| country_of(&w))
                .or_else(|| before.first().and_then(|w| country_of(&[w])))
                .or_else(|| {
                    before
                        .first()
                        .and_then(|w| country_as_adjective(w, gaz, lex))
                })
                .or_else(|| model.and_then(|w| country_of(&[w[0]])))
                .or_else(|| model.and_then(|w| country_as_adjective(w[0], gaz, lex)))
                .or_else(|| government.and_then(|w| country_of(&[w[0]])))
                .or_else(|| unit_name.and_then(|w| country_of(&[w])))
                .or_else(|| after.first().and_then(|w| country_of(&[w])))
                .or_else(|| after_complement.and_then(|w| country_of(&[w])))
                .map(|c| (h.span, c))
        })
        .collect()
}

/// The country whose forces a demonym of one or two words names, as the
/// lexicon's own actor for them writes it ("Military Forces of Turkey",
/// where the gazetteer says Türkiye).
fn demonym_country(words: &[&str], gaz: &Gazetteer, lex: &Lexicon) -> Option<String> {
    let word = |w: &str| w.chars().all(|c| c.is_alphabetic() || c == '-') && !w.is_empty();
    if !words.iter().all(|w| word(w)) {
        return None;
    }
    let i = gaz.demonym(&veille_geo::fold::fold(&words.join(" ")))?;
    forces_country(i, gaz, lex)
}

/// A country's abbreviation used as an adjective, as English does with
/// "US forces", "U.S. troops", "UK warplanes": the country whose forces it
/// names.
fn country_as_adjective(word: &str, gaz: &Gazetteer, lex: &Lexicon) -> Option<String> {
    let letters: String = word.chars().filter(|&c| c != '.').collect();
    if !(2..=4).contains(&letters.len()) || !letters.chars().all(|c| c.is_ascii_uppercase()) {
        return None;
    }
    let i = gaz
        .lookup(&veille_geo::fold::fold(&letters))
        .iter()
        .copied()
        .find(|&i| gaz.entries[i as usize].kind == veille_geo::Kind::Country)?;
    forces_country(i, gaz, lex)
}

/// The name the lexicon's own actor gives the forces of country `i`
/// ("Military Forces of Turkey", where the gazetteer says Türkiye), else
/// the gazetteer's name of the country.
fn forces_country(i: u32, gaz: &Gazetteer, lex: &Lexicon) -> Option<String> {
    let iso = &gaz.entries[i as usize].iso2;
    // (not a faction's: "Military Forces of Yemen Supreme Political
    // Council")
    let own = lex.actors.iter().find_map(|a| {
        let rest = a.name.strip_prefix("Military Forces of ")?;
        let bare = rest.strip_prefix("the ").unwrap_or(rest);
        let same = a.country.as_deref() == Some(iso.as_str())
            && gaz.lookup(&veille_geo::fold::fold(bare)).contains(&i);
        same.then_some(bare)
    });
    own.map(str::to_string)
        .or_else(|| gaz.country(iso).map(|c| c.name.clone()))
}

/// "Rwandan and Mozambican troops": a demonym joined to a state's forces
/// names a second army fighting alongside. It becomes an actor of its own
/// (the forces of its country) right where the demonym stands, so the
/// joined subjects read as the first side and its ally.
fn joint_forces(
    text: &str,
    hits: &mut Vec<Hit>,
    forces_of: &mut Vec<(Span, String)>,
    gaz: &Gazetteer,
    lex: &Lexicon,
) {
    let Some(generic) = lex
        .actors
        .iter()
        .position(|a| a.kind == "state" && a.demonym_only)
    else {
        return;
    };
    let mut joined = Vec::new();
    for h in hits.iter().filter(|h| lex.actors[h.id].kind == "state") {
        // (after the forces' own demonym too: "US and UK forces")
        let before = &text[..h.span.start];
        let own_demonym = forces_of.iter().any(|(s, _)| *s == h.span);
        let Some(head) = before.strip_suffix(" and ").or_else(|| {
            let word = before.strip_suffix(' ')?.rfind(' ')?;
            own_demonym.then(|| before[..word + 1].strip_suffix(" and "))?
        }) else {
            continue;
        };
        let start = head
            .rfind(|c: char| !(c.is_alphabetic() || c == '-'))
            .map_or(0, |i| {
                i + head[i..].chars().next().map_or(1, char::len_utf8)
            });
        let word = &head[start..];
        if !word.starts_with(|c: char| c.is_uppercase()) {
            continue;
        }
        // ("US and UK forces": a country's abbreviation as well)
        let Some(country) =
            demonym_country(&[word], gaz, lex).or_else(|| country_as_adjective(word, gaz, lex))
        else {
            continue;
        };
        let span = Span::new(start, head.len());
        if hits.iter().any(|o| o.span.overlaps(span)) {
            continue;
        }
        joined.push((Hit { id: generic, span }, country));
    }
    for (hit, country) in joined {
        forces_of.push((hit.span, country));
        hits.push(hit);
    }
    hits.sort_by_key(|h| (h.span.start, h.span.end));
}

/// A name that says where a group comes from, not where it was: "Nuer
/// militiamen", "Fulani herders", "Liverpool forward Luis Diaz".
fn names_a_group(text: &str, place: Span) -> bool {
    let next = text[place.end..]
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphabetic())
        .to_lowercase();
    WORDS.group_nouns.contains(&next.as_str())
}

/// What a clause reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    /// A conflict event of this ACLED sub-event type.
    Event(SubEventType),
    /// Something else: the trigger class's name ("natural_disaster",
    /// "manmade_disaster", "org_crime", "diplo", "attrib").
    NotEvent(&'static str),
}

/// One clause read for coding.
struct Clause<'a> {
    top: Hit,
    priority: u32,
    label: Label,
    /// Actors in role order: agents, then by position, then patients.
    actors: Vec<Hit>,
    /// Spans of the actors the clause says were hit ("soldiers were killed").
    patients: Vec<Span>,
    /// Actors fighting alongside a side ("backed by the Africa Corps").
    allies: Vec<Hit>,
    quantities: Vec<&'a veille_core::Quantity>,
    /// A killing or attack word with nobody named who could have done it
    /// (no armed group, state force or crowd): an accident when the text
    /// around says so ([`accident_words`]).
    unattributed: bool,
    /// The reading an accident word in the sentence set aside.
    violent_reading: Option<Label>,
    /// Who the sentence's report is attributed to ("police said").
    source: Option<Span>,
    /// Triggers that are the background of the clause's incident
    /// ("following the killing of a student"): their deaths are not its toll.
    background: Vec<Span>,
    /// All its triggers are background ("The strike came a month after
    /// heavy fighting"): in an article, no new incident.
    only_background: bool,
}

/// Whether the article tells of violence outside `span` (a clause's own
/// trigger): an attack or a means of attack ("condemned the attack"), so
/// that deaths next to an explosion are no accident.
fn violence_elsewhere(triggers: &[Hit], span: Span, lex: &Lexicon) -> bool {
    triggers.iter().any(|t| {
        !span.contains(t.span)
            && matches!(
                lex.classes[t.id].name.as_str(),
                "attack" | "ambush" | "suicide" | "ied" | "shelling" | "grenade" | "airstrike"
            )
    })
}

/// An explosion's killing read as violence because the article tells of a
/// bomb or a bomber elsewhere ("An explosion tore through the avenue,
/// killing six ... a woman suspected of planting the bomb") is that bomb.
fn bomb_elsewhere(
    text: &str,
    triggers: &[Hit],
    sentence: Span,
    reading: Label,
    lex: &Lexicon,
) -> Label {
    let blast = |t: &Hit| {
        sentence.contains(t.span)
            && lex.classes[t.id].name == "manmade_disaster"
            && t.span.of(text).to_lowercase().starts_with("explo")
    };
    if reading != Label::Event(SubEventType::Attack) || !triggers.iter().any(blast) {
        return reading;
    }
    let means = |class: &str| {
        triggers
            .iter()
            .any(|t| !sentence.contains(t.span) && lex.classes[t.id].name == class)
    };
    if means("suicide") {
        Label::Event(SubEventType::SuicideBomb)
    } else if means("ied") {
        Label::Event(SubEventType::RemoteExplosiveLandmineIed)
    } else {
        reading
    }
}

/// Causes of death that are not violence: accidents and diseases.
const NOT_VIOLENCE: [&str; 2] = ["manmade_disaster", "epidemic"];

/// The cause `span` names when it holds an accident or disease word
/// ("explosion", "crash", "cholera") and nobody who could have done harm (an
/// armed group, state forces, a crowd).
fn accident_words(
    triggers: &[Hit],
    actors: &[Hit],
    span: Span,
    lex: &'static Lexicon,
) -> Option<&'static str> {
    if actors
        .iter()
        .any(|a| span.contains(a.span) && perpetrator(&lex.actors[a.id].kind))
    {
        return None;
    }
    triggers
        .iter()
        .filter(|t| span.contains(t.span))
        .map(|t| lex.classes[t.id].name.as_str())
        .find(|c| NOT_VIOLENCE.contains(c))
}

/// An actor kind that can do violence (not civilians).
fn perpetrator(kind: &str) -> bool {
    matches!(
        kind,
        "state" | "armed" | "external" | "rioters" | "protesters"
    )
}

/// What an actor mention does in its clause, read from the words around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Part {
    /// Named as the doer: "killed by X", "an attack by X", "une attaque de X".
    Agent,
    /// Nothing said either way (the first named is taken as the doer).
    Unmarked,
    /// Named as the one hit: "X were killed", "X ont été tués", "X killed in".
    Patient,
    /// Named as helping another actor: "backed by X", "appuyés par X",
    /// "alongside X"; never the other side of the fight.
    Ally,
}

fn grammatical_role(text: &str, sentence: Span, mention: Span) -> Part {
    static AGENT: OnceLock<Regex> = OnceLock::new();
    static PATIENT: OnceLock<Regex> = OnceLock::new();
    let agent = AGENT.get_or_init(|| {
        Regex::new(
            r"(?i)(?:^|[^\w])(?:(?:killed|attacked|ambushed|wounded|injured|targeted|shot|abducted|kidnapped|executed|massacred|murdered|beheaded|raided|stormed|carried out|claimed|perpetrated|tués|tuées|tué|attaqués|attaquée|attaqué|blessés|visés|ciblés|enlevés|exécutés|abattus|commise?s?|perpétrée?s?|revendiquée?s?)(?:\s+\w+)?\s+(?:by|par)|blamed on|attributed to|attribuée?s? aux?|imputée?s? aux?|(?:attack|assault|ambush|raid|offensive)s? (?:by|from|of)|(?:attaque|assaut|embuscade|offensive|incursion)s? (?:de|des|du|d'))(?:\s+[\w'’-]+){0,2}\s*$",
        )
        .expect("agent cue")
    });
    let patient = PATIENT.get_or_init(|| {
        Regex::new(
            r"(?i)^[\s,)\]]*(?:\([^)]{1,20}\)\s*)?(?:[\w'’-]+\s+){0,2}?(?:(?:were|was|have been|has been|had been|are being|got|ont été|a été|avaient été|sont|est)\s+(?:[\w-]+\s+)?(?:killed|attacked|ambushed|wounded|injured|targeted|shot|abducted|kidnapped|executed|massacred|murdered|beheaded|slain|overrun|tués|tué|tuées|attaqués|attaqué|attaquée|blessés|blessé|visés|visé|ciblés|ciblé|enlevés|enlevé|abattus|abattu|exécutés|pris pour cible|pris à partie|tombés|arrested|detained|captured|apprehended|arrêtés|arrêté|interpellés|interpellé|capturés)|died|perished|lost their lives|sont morts|ont péri|ont trouvé la mort|ont perdu la vie|(?:killed|wounded|injured|attacked|ambushed|targeted|tués|blessés|abattus|attaquée?s?|visée?s?|ciblée?s?)\s*(?:in|by|during|as|when|on|near|after|according|dans|lors|par|près|selon|,|:|;|\.|$)|killed\s+and\s+(?:[\w-]+\s+){1,2}(?:wounded|injured|hurt))",
        )
        .expect("patient cue")
    });
    let before_start = text[sentence.start..mention.start]
        .char_indices()
        .rev()
        .nth(40)
        .map_or(sentence.start, |(i, _)| sentence.start + i);
    let before = text[before_start..mention.start].to_lowercase();
    let before = before.trim_end();
    let before = ["the", "les", "des", "la", "le", "l'", "l’"]
        .iter()
        .find_map(|a| before.strip_suffix(a).filter(|b| b.ends_with(' ')))
        .unwrap_or(before)
        .trim_end();
    // (each cue's last occurrence, all cues found in one pass: this runs
    // for every actor of every clause)
    static ALLY_CUES: LazyLock<aho_corasick::AhoCorasick> =
        LazyLock::new(|| aho_corasick::AhoCorasick::new(&WORDS.ally_cues).expect("ally cues"));
    let mut found: Vec<(usize, usize)> = ALLY_CUES
        .find_overlapping_iter(before)
        .map(|m| (m.pattern().as_usize(), m.start()))
        .collect();
    found.sort_unstable();
    let last_of = |k: usize| found.iter().rev().find(|f| f.0 == k).map(|f| f.1);
    let ally = WORDS.ally_cues.iter().enumerate().any(|(k, c)| {
        // Right before the name, or naming what the name is a part of:
        // "backed by Russian paramilitaries of the Africa Corps", "appuyés
        // par des éléments de la force Barkhane" (not "backed by soldiers
        // killed Fulani residents").
        // Or after a word or two that describe it: "backed by local clan
        // militias" (not a verb: "backed by soldiers killed ...").
        last_of(k).is_some_and(|at| {
            let gap = &before[at + c.len()..];
            let words: Vec<&str> = gap.split_whitespace().collect();
            let described = gap.starts_with(' ')
                && words.len() <= 2
                && words.iter().all(|w| {
                    w.chars().all(char::is_alphabetic)
                        && !PARTICIPLE_ENDINGS.iter().any(|e| w.ends_with(e))
                });
            gap.is_empty()
                || described
                || gap.starts_with(' ')
                    && !gap.contains([',', ';', '.', '(', ')'])
                    && gap.split_whitespace().count() <= 5
                    && [" of", " from", " du", " de", " de la", " des", " d'", " d’"]
                        .iter()
                        .any(|p| gap.ends_with(p))
        })
    });
    // Allies first, even over "by": "backed by Russian paramilitaries".
    if ally {
        return Part::Ally;
    }
    // Who the dead were: "77 personnes ont été tuées, pour la plupart des
    // élèves gendarmes", "killed 20 people, including two soldiers": a
    // death word at most three words before a comma, then a cue of a part,
    // then at most three words before the name.
    let dead_word = |w: &str| {
        matches!(
            w.trim_matches(|c: char| !c.is_alphanumeric()),
            "killed" | "dead" | "died" | "tués" | "tuées" | "tué" | "morts" | "mortes"
        )
    };
    // (or the death told after the aside: "Twenty-five people, including a
    // police officer, were killed")
    let dead_after_aside = || {
        let after = &text[mention.end..sentence.end];
        after.split_once(',').is_some_and(|(inside, rest)| {
            inside.split_whitespace().count() <= 1
                && rest.split_whitespace().take(4).any(&dead_word)
        })
    };
    let among_dead = before.rsplit_once(',').is_some_and(|(head, tail)| {
        let tail = tail.trim_start();
        [
            "including",
            "among them",
            "mostly",
            "most of them",
            "pour la plupart",
            "en majorité",
            "dont",
            "parmi lesquels",
            "parmi eux",
            "notamment",
        ]
        .iter()
        .any(|c| {
            tail.strip_prefix(c).is_some_and(|rest| {
                (rest.is_empty() || rest.starts_with(' ')) && rest.split_whitespace().count() <= 3
            })
        }) && (head.split_whitespace().rev().take(4).any(dead_word) || dead_after_aside())
    });
    if among_dead {
        return Part::Patient;
    }
    // The side a place is taken from: "retake Ber from rebels", "repris
    // aux jihadistes".
    static TAKEN_FROM: OnceLock<Regex> = OnceLock::new();
    let taken_from = TAKEN_FROM.get_or_init(|| {
        Regex::new(
            r"(?i)\b(?:retake|retakes|retook|retaken|recapture[sd]?|regain(?:s|ed)?|seize[sd]?|capture[sd]?|took|take[sn]?|wrest(?:s|ed)?|reprise?s?|reprend|reprennent|arrachée?s?)\b.{0,50}\b(?:from|aux|des mains d[eu]s?)$",
        )
        .expect("taken-from cue")
    });
    // "declared victory over Islamic State": the side defeated.
    if taken_from.is_match(before)
        || ["victory over", "victoire sur", "defeat of", "défaite d"]
            .iter()
            .any(|c| before.ends_with(c))
    {
        return Part::Patient;
    }
    // (an opening quote is no word: "une attaque de « terroristes »")
    let raw_before = text[before_start..mention.start]
        .trim_end_matches(|c: char| c.is_whitespace() || "«“\"‘".contains(c));
    if agent.is_match(raw_before) {
        return Part::Agent;
    }
    // What an attack is on: "an attack by Islamist militants on a
    // gendarmerie post", "une attaque contre un poste de l'armée" (a word
    // of what is hit and "of" may stand between).
    static TARGET: OnceLock<Regex> = OnceLock::new();
    let target = TARGET.get_or_init(|| {
        Regex::new(
            r"(?i)\b(?:attacks?|assaults?|raids?|ambush(?:es)?|offensive|attaques?|assauts?|embuscades?|offensives?)\b(?:\s+[\w'’-]+){0,4}?\s+(?:on|against|upon|contre|visant)(?:\s+(?:an?|the|un|une|le|la|les|l'|l’|des|two|three|several|plusieurs|deux|trois))?(?:\s+[\w-]+\s+(?:of\s+the|of|de\s+la|de\s+l['’]|de|du|des|d['’]))?\s*$",
        )
        .expect("target cue")
    });
    if target.is_match(raw_before) {
        return Part::Patient;
    }
    let after = &text[mention.end..sentence.end];
    let after_end = after.char_indices().nth(60).map_or(after.len(), |(i, _)| i);
    if patient.is_match(&after[..after_end]) {
        return Part::Patient;
    }
    // (After the passive cues: "soldiers killed by a bomb" is no subject.)
    // The subject of an active violent verb: "jihadists stormed the town",
    // "des hommes armés ont attaqué".
    static SUBJECT: OnceLock<Regex> = OnceLock::new();
    let subject = SUBJECT.get_or_init(|| {
        Regex::new(
            r"(?i)^[\s)\]]*(?:,[^,]{0,40},\s*)?(?:of\s+(?:the\s+)?(?-i:\p{Lu})[\w'’-]*(?:\s+(?-i:\p{Lu})[\w'’-]*){0,3}\s*(?:\([^)]{0,40}\)\s*)?)?(?:\w+ly\s+|also\s+|then\s+|have\s+|had\s+|has\s+)?(?:attacked|stormed|killed|raided|ambushed|abducted|kidnapped|shot|opened fire|clashed|torched|looted|burned|burnt|executed|massacred|overran|seized|captured|besieged|struck|targeted|caught|beat|stoned|lynched|hacked|retake|retakes|retook|recaptured?|regained?|drove|expelled|repelled|routed|pushed back|ont repris|a repris|ont chassé|ont repoussé|ont attaqué|a attaqué|ont tué|a tué|ont enlevé|a enlevé|ont pris d'assaut|ont incendié|ont exécuté|ont ouvert le feu|ont tendu|ont pris|se sont emparés|ont assiégé|ont ciblé)\b",
        )
        .expect("subject cue")
    });
    let after_all = &text[mention.end..sentence.end];
    let window = after_all
        .char_indices()
        .nth(80)
        .map_or(after_all.len(), |(i, _)| i);
    if subject.is_match(&after_all[..window]) {
        // "The army and Africa Corps retake Ber": the second of two joined
        // subjects fights alongside the first ("clashes between X and Y"
        // has no verb after Y).
        let joined = [" and", " et", " &"].iter().any(|c| before.ends_with(c));
        return if joined { Part::Ally } else { Part::Agent };
    }
    // The first of two joined subjects: "The army and Africa Corps retake".
    static JOINED_SUBJECT: OnceLock<Regex> = OnceLock::new();
    let joined_subject = JOINED_SUBJECT.get_or_init(|| {
        Regex::new(r"(?i)^\s*(?:and|et|&)\s+(?:[\w'’()-]+\s+){1,5}?(?:have\s+|has\s+|had\s+)?(?:retake|retook|recaptured?|regained?|attacked|stormed|killed|raided|ambushed|overran|seized|captured|ont repris|ont attaqué|ont tué)\b")
            .expect("joined subject cue")
    });
    if let Some(m) = joined_subject.find(&after_all[..window]) {
        // (the verb passive, both were hit: "At least 169 Afghan civilians
        // and 13 US service members were killed")
        let said = m.as_str().to_lowercase();
        let passive = [" were ", " was ", " been ", " été ", " sont ", " est "]
            .iter()
            .any(|w| said.contains(w));
        return if passive { Part::Patient } else { Part::Agent };
    }
    // The object of an active verb of killing, counted or described: "they
    // killed three soldiers", "killing two Malian soldiers", "tuant deux
    // militaires" (not "was killed when Al Shabaab fighters attacked").
    if object_of_violence(&text[before_start..mention.start]) {
        return Part::Patient;
    }
    Part::Unmarked
}

/// Whether the text right before a name ends with an active violent verb
/// and at most four words of count or description ("killed at least 20",
/// not "was killed when").
fn object_of_violence(before: &str) -> bool {
    let words: Vec<&str> = before.split_whitespace().collect();
    let lower = |w: &str| w.to_lowercase();
    let verb = |w: &str| {
        let w = lower(w);
        let w = w.as_str();
        WORDS.object_verbs.contains(&w)
            || WORDS.ambush_verbs.contains(&w)
            || WORDS.attack_verbs.contains(&w)
    };
    let Some(at) = words
        .iter()
        .rposition(|w| verb(w))
        .filter(|&i| words.len() - i <= 5)
    else {
        return false;
    };
    let unit = |w: &&str| WORDS.unit_nouns.contains(&lower(w).as_str());
    // ("attacked the camp": a post or a town, not who was in it)
    if WORDS.attack_verbs.contains(&lower(words[at]).as_str()) && !words[at + 1..].iter().any(unit)
    {
        return false;
    }
    words[at + 1..].iter().all(|w| {
        w.chars().all(|c| c.is_ascii_digit() || c == ',')
            || w.starts_with(char::is_uppercase) && w.chars().all(|c| c.is_alphabetic() || c == '-')
            || WORDS
                .object_count_words
                .contains(&w.to_lowercase().as_str())
            || unit(w)
    })
}

/// The lexicon's hits over a whole article, found once and read by each
/// sentence (a search per sentence cost more than the search itself).
struct Cues<'s> {
    modality: Vec<Hit>,
    /// Death words ("killed", "dead").
    deaths: &'s [Hit],
    actors: Vec<Hit>,
    /// "with the help of", "backed by": a trigger right after is the means
    /// or the backing, not the incident.
    support: &'s [Hit],
    /// Seizure and discovery verbs ("seized", "found"): with a weapon noun,
    /// disrupted weapons use even with no trigger word in the sentence.
    seizure: &'s [Hit],
    /// "after", "amid", "weeks of": a trigger noun right after is the
    /// background of another trigger of the sentence.
    background: &'s [Hit],
    /// "against", "justice for": in a protest, a trigger right after is
    /// what the protest is about.
    grievance: &'s [Hit],
}

impl<'s> Cues<'s> {
    fn of(text: &str, scan: &'s Scan) -> Cues<'s> {
        Cues {
            // Not a modal when part of a compound ("would-be suicide
            // bombers blew themselves up").
            modality: scan
                .modality
                .iter()
                .copied()
                .filter(|m| !text[m.span.end..].starts_with('-'))
                .collect(),
            deaths: &scan.deaths,
            // "a former army soldier", "un ancien militaire": no longer
            // of the force; a civilian (ACLED codes attacks on them as
            // violence against civilians).
            actors: scan
                .actors
                .iter()
                .copied()
                .filter(|a| {
                    // (the last few words only: not the whole text per hit)
                    let from = text.floor_char_boundary(a.span.start.saturating_sub(24));
                    let before = text[from..a.span.start].to_lowercase();
                    let last = before.trim_end().rsplit([' ', '\n']).next().unwrap_or("");
                    !(before.ends_with("ex-")
                        || matches!(
                            last,
                            "former" | "retired" | "ancien" | "ancienne" | "anciens" | "anciennes"
                        ))
                })
                .collect(),
            support: &scan.support,
            seizure: &scan.seizure,
            background: &scan.background,
            grievance: &scan.grievance,
        }
    }
}

/// The strongest reading of a sentence: its highest-priority trigger (those
/// after a modal or negation excluded), the actors and counts around it, and
/// the label they give.
fn read_clause<'a>(
    text: &str,
    sspan: Span,
    triggers: &[Hit],
    cues: &Cues,
    nlp: &'a Analysis,
    lex: &'static Lexicon,
    warnings: &mut Vec<String>,
) -> Option<Clause<'a>> {
    let (modality, actors) = (&cues.modality, &cues.actors);
    let inside = |s: Span| sspan.contains(s);
    let support: Vec<Span> = cues
        .support
        .iter()
        .map(|h| h.span)
        .filter(|s| inside(*s))
        .collect();
    let sentence_triggers: Vec<Hit> = triggers
        .iter()
        .copied()
        .filter(|t| inside(t.span))
        // "with the help of air strikes": a means, not the incident.
        .filter(|t| {
            !support
                .iter()
                .any(|s| s.end <= t.span.start && t.span.start - s.end <= 5)
        })
        // (A report that is no event stays one when attempted: "thwarted
        // an attempt to smuggle migrants" is about smuggling; but a negated
        // flood or claim, which outranks violence, is no flood.)
        .filter(|t| {
            let class = &lex.classes[t.id];
            let modal = !(class.not_event && class.priority < 50)
                && modality.iter().any(|m| {
                    inside(m.span) && m.span.end <= t.span.start && t.span.start - m.span.end <= 40
                });
            if modal {
                warnings.push(format!(
                    "not coded (modal or negated): {:?}",
                    sspan.of(text)
                ));
            }
            !modal
        })
        .collect();
    // A cue in the clause after byte `from` and before trigger `t`, with at
    // most `words` words and none of `stops` between them.
    let cue_before = |cues: &[Hit], from: usize, t: &Hit, words: usize, stops: &[char]| {
        cues.iter().any(|c| {
            inside(c.span) && from <= c.span.start && c.span.end <= t.span.start && {
                let gap = &text[c.span.end..t.span.start];
                !gap.contains(stops) && gap.split_whitespace().count() <= words
            }
        })
    };
    // A cue at most five words before a trigger, in the same clause.
    let just_after = |cues: &[Hit], t: &Hit| {
        // A trigger that is itself a verb starts a clause of its own
        // ("protesters demanding his resignation threw stones").
        // (Not a gerund: "following the killing of a student".)
        let first = t.span.of(text).split_whitespace().next().unwrap_or("");
        let verb = lex.verbs.contains(&first.to_lowercase()) && !first.ends_with("ing");
        !verb
            && cues.iter().any(|b| {
                inside(b.span) && b.span.end <= t.span.start && {
                    let gap = &text[b.span.end..t.span.start];
                    !gap.contains([',', ';', ':']) && gap.split_whitespace().count() <= 5
                    // A verb between makes a clause of its own ("after the
                    // vehicle hit a mine", "after troops stormed the base");
                    // a word in "-ed" right before the trigger is its
                    // adjective ("unauthorised protests").
                    && {
                        let words: Vec<String> =
                            gap.split_whitespace().map(str::to_lowercase).collect();
                        !words.iter().enumerate().any(|(i, w)| {
                            lex.verbs.contains(w) || w.ends_with("ed") && i + 1 < words.len()
                        })
                    }
                }
            })
    };
    // (however far after the cue, a killing told in a relative clause,
    // in a sentence that tells no force on the crowd: "against the
    // government's handling of the train collision near Tempi, in Larissa
    // regional unit, which killed 57")
    let cause_told_before = |t: &Hit| {
        match lex.classes[t.id].name.as_str() {
            "kill" => relative_killing_in_cause(text, sspan, t.span, cues),
            // ("over a wave of violence against women that included the
            // rape and murder of a student": no force met a rape)
            "sexual" => relative_in_cause(text, sspan, t.span, cues).is_some(),
            _ => false,
        }
    };
    let passive = |t: &Hit| {
        let after = text[t.span.end..].trim_start();
        ["by ", "par "].iter().any(|w| {
            after
                .get(..w.len())
                .is_some_and(|a| a.eq_ignore_ascii_case(w))
        })
    };
    // (and a passive participle past a comma: "réclamer justice pour
    // Moussa Diop, tué par la police"; not a verb's: "were killed by")
    let participle_of_cause = |t: &Hit| {
        lex.classes[t.id].name == "kill"
            && passive(t)
            && cues.grievance.iter().any(|c| {
                inside(c.span) && c.span.end <= t.span.start && {
                    let gap = &text[c.span.end..t.span.start];
                    !gap.contains([';', ':', '.'])
                        && gap.split_whitespace().count() <= 8
                        && !gap
                            .split_whitespace()
                            .any(|w| lex.verbs.contains(&w.to_lowercase()))
                }
            })
    };
    // (and a word of no conflict event in the list of what it is against:
    // "contre la classe politique, la corruption et la crise économique")
    let listed_grievance = |t: &Hit| {
        lex.classes[t.id].not_event
            && cues.grievance.iter().any(|c| {
                inside(c.span)
                    && c.span.end <= t.span.start
                    && !text[c.span.end..t.span.start].contains([';', ':', '.'])
            })
    };
    // "a protest against police brutality", "demanding justice for students
    // killed": in a protest, what it is against is not what happened.
    // (force met at a protest tells one too: "opened fire on protesters
    // ..., angered by the alleged rape of a girl")
    let protest = sentence_triggers.iter().any(|t| {
        matches!(
            lex.classes[t.id].name.as_str(),
            "protest" | "excessive" | "intervention"
        )
    });
    let sentence_triggers: Vec<Hit> = sentence_triggers
        .iter()
        .copied()
        .filter(|t| !few_hurt(text, sspan, t, lex) && !crowd_pushed_back(text, sspan, t, lex))
        // "l'ouverture du procès du massacre du 28 septembre 2009" in a
        // sentence dated 2022: an incident named with its own earlier year
        // is what is remembered or tried, not what happened.
        .filter(|t| !dated_earlier(text, sspan, t, &nlp.dates))
        // "drones struck the refinery ..., who said several other drones
        // were shot down": others than the event's were intercepted.
        .filter(|t| {
            lex.classes[t.id].name != "intercept"
                || !words_before(text, t.span.start, 1)
                    .iter()
                    .any(|w| w == "other" || w == "autres")
        })
        // "handed the drone base over", "the last US military aircraft
        // took off from Kabul": a strike word naming a thing.
        .filter(|t| {
            lex.classes[t.id].name != "airstrike" || {
                let rest = text[t.span.end..sspan.end].trim_start();
                let after = rest[..rest.floor_char_boundary(24.min(rest.len()))].to_lowercase();
                !WORDS.strike_thing_after.iter().any(|w| {
                    after
                        .strip_prefix(&**w)
                        .is_some_and(|r| !r.starts_with(|c: char| c.is_alphanumeric()))
                })
            }
        })
        // "agreed to a deal to hand over their heavy weapons and cede the
        // border crossing": what an agreement says will be done is its
        // content, no transfer yet.
        .filter(|t| {
            !matches!(
                lex.classes[t.id].name.as_str(),
                "transfer" | "withdrawal" | "takeover" | "retake"
            ) || !agreed_to_do(text, sspan, t, triggers, lex)
        })
        // "opened fire when villagers confronted them": civilians standing
        // up to armed men fight no battle; what the armed men did is the
        // event.
        .filter(|t| {
            lex.classes[t.id].name != "clash"
                || !t.span.of(text).to_lowercase().starts_with("confront")
                || !actors.iter().any(|a| {
                    inside(a.span)
                        && a.span.end <= t.span.start
                        && lex.actors[a.id].kind == "civilians"
                        && text[a.span.end..t.span.start].split_whitespace().count() == 0
                })
        })
        .filter(|t| {
            // (a crowd storming is what it did, never what it is against)
            !protest
                || matches!(lex.classes[t.id].name.as_str(), "protest" | "storm")
                || !just_after(cues.grievance, t)
                    && !cause_told_before(t)
                    && !participle_of_cause(t)
                    && !listed_grievance(t)
        })
        .collect();
    // "agreed a ceasefire after weeks of fighting": the fighting is the
    // background of the agreement; it is not the incident, but it still
    // tells there was fighting. Not a verb ("after gunmen attacked") nor
    // the people of a trigger ("after stone-throwing protesters clashed").
    let background = |t: &Hit| {
        let words = t.span.of(text);
        let first = words.split_whitespace().next().unwrap_or("");
        let last = words.split_whitespace().next_back().unwrap_or("");
        // (not hours of it: "overran the post after hours of fighting" is
        // one incident; looked at last, as it is the dearest)
        let hours = || {
            lowered_before(text, sspan, t.span, 24)
                .split_whitespace()
                .any(|w| matches!(w, "hours" | "heures" | "minutes"))
        };
        !PARTICIPLE_ENDINGS.iter().any(|e| first.ends_with(e))
            && !["ers", "ors", "ants", "ists"]
                .iter()
                .any(|e| last.ends_with(e))
            && just_after(cues.background, t)
            && !hours()
    };
    // What the background did is background too: "a day after a knife
    // attack killed three girls", "after a canopy collapsed, killing 15
    // people", "après la mort de Nahel, 17 ans, tué par le tir d'un
    // policier": the verb right after a background trigger, the participle
    // after its comma, a passive participle ("killed by") soon after.
    let mut ordered: Vec<&Hit> = sentence_triggers.iter().collect();
    ordered.sort_by_key(|t| t.span.start);
    let mut chained: Vec<Span> = Vec::new();
    let mut last: Option<(Span, bool)> = None;
    // (An accident's or a disaster's toll is its own: "a canopy collapsed,
    // killing 15 people".)
    let disaster = |p: Span| {
        sentence_triggers.iter().any(|x| {
            x.span == p
                && matches!(
                    lex.classes[x.id].name.as_str(),
                    "manmade_disaster" | "natural_disaster" | "epidemic"
                )
        })
    };
    // "... after his lawyer was shot dead in the capital days earlier":
    // what the clause tells before such words happened on another day.
    let clause_text = sspan.of(text);
    let earlier_at = ["earlier", "plus tôt", "auparavant"]
        .iter()
        .any(|w| clause_text.contains(w))
        .then(|| {
            let lower = lower_same_len(clause_text);
            [
                " days earlier",
                " weeks earlier",
                " months earlier",
                " years earlier",
                " jours plus tôt",
                " semaines plus tôt",
                " mois plus tôt",
                " jours auparavant",
                " semaines auparavant",
            ]
            .iter()
            .filter_map(|p| lower.find(p))
            .min()
            .map(|i| sspan.start + i)
        })
        .flatten();
    for t in ordered {
        let mut bg = background(t);
        // (only what the background cue before it introduces: "rioters set
        // cars on fire ... following the killing of a teenager two days
        // earlier")
        if !bg
            && earlier_at.is_some_and(|at| {
                t.span.end <= at
                    && cues
                        .background
                        .iter()
                        .any(|c| sspan.contains(c.span) && c.span.end <= t.span.start)
            })
        {
            bg = true;
            chained.push(t.span);
        }
        if !bg && (war_history(text, t.span) || lasting(text, sspan, t.span)) {
            bg = true;
            chained.push(t.span);
        }
        // "après la mort de Nahel, 17 ans, tué par le tir d'un policier":
        // a passive participle a few words after a background cue.
        if !bg && passive(t) && cue_before(cues.background, 0, t, 8, &[';', ':']) {
            bg = true;
            chained.push(t.span);
        }
        if let Some((p, was_bg)) =
            last.filter(|(p, b)| (*b || disaster(*p)) && p.end <= t.span.start)
        {
            let gap = text[p.end..t.span.start].to_lowercase();
            let words = gap.split_whitespace().count();
            let trigger = t.span.of(text).to_lowercase();
            // (right after it: "after stone-throwing protesters clashed"
            // is the incident itself)
            let verb_of_it = was_bg && words == 0 && !gap.contains([',', ';', ':']);
            let participle = gap.trim_end().ends_with(',')
                && words <= 6
                && !gap.contains([';', ':'])
                && [
                    "killing", "leaving", "wounding", "tuant", "faisant", "blessant",
                ]
                .iter()
                .any(|w| trigger.starts_with(w));
            let passive_soon = was_bg && words <= 6 && !gap.contains([';', ':']) && passive(t);
            // ("three months after the collapse of a railway station
            // canopy killed 15 people": a disaster's own killing verb)
            let disaster_verb = disaster(p)
                && words <= 6
                && !gap.contains([',', ';', ':'])
                && lex.classes[t.id].name == "kill"
                && !passive(t);
            // (not the people of a trigger: "after stone-throwing
            // protesters clashed")
            let people = ["ers", "ors", "ants", "ists"]
                .iter()
                .any(|e| trigger.ends_with(e));
            // (nor what says it was no conflict: "poisonous gas leaked")
            let not_event = lex.classes[t.id].not_event;
            if !bg
                && !people
                && !not_event
                && (verb_of_it || participle || passive_soon || disaster_verb)
            {
                bg = true;
                chained.push(t.span);
            }
        }
        last = Some((t.span, bg));
    }
    let background = |t: &Hit| background(t) || chained.contains(&t.span);
    // "after an alleged chemical attack which killed 250": when what is
    // left is only a killing or an attack, it is the background's own
    // toll, and the means (chemical, mine, air strike ...) is the event.
    let class_of = |t: &Hit| lex.classes[t.id].name.as_str();
    let generic = |t: &Hit| matches!(class_of(t), "kill" | "attack" | "ambush" | "force");
    let means = |t: &Hit| {
        matches!(
            class_of(t),
            "suicide" | "airstrike" | "ied" | "shelling" | "grenade" | "chemical"
        )
    };
    let only_generic = sentence_triggers
        .iter()
        .filter(|t| !background(t))
        .all(generic);
    let background = |t: &Hit| background(t) && !(only_generic && means(t));
    // "took part in the Aurat March", "a participé à une marche": taking
    // part in a protest is the protest, when the sentence tells nothing
    // else (not "arrested for taking part in protests").
    let joined_protest = |t: &Hit| {
        class_of(t) == "protest" && {
            let before = lowered_before(text, sspan, t.span, 60);
            WORDS
                .joined_protest
                .iter()
                .filter_map(|c| before.rfind(c).map(|i| &before[i + c.len()..]))
                .any(|gap| {
                    !gap.contains([',', ';', ':', '.']) && gap.split_whitespace().count() <= 4
                })
        }
    };
    // (a not-event word after it is what the march asked: "calling for a
    // ceasefire"; not one before it, "expelled three diplomats for taking
    // part in ... protests")
    let first_joined = sentence_triggers.iter().find(|t| joined_protest(t));
    let only_joined = first_joined.is_some_and(|j| {
        sentence_triggers.iter().all(|t| {
            joined_protest(t) || lex.classes[t.id].not_event && t.span.start > j.span.start
        })
    });
    let background = |t: &Hit| background(t) && !(only_joined && joined_protest(t));
    let foreground = sentence_triggers.iter().any(|t| !background(t));
    // "The strike came a month after heavy fighting in the town": a
    // sentence that tells only the background of the incident.
    let only_background = !foreground && !sentence_triggers.is_empty();
    let background_spans: Vec<Span> = sentence_triggers
        .iter()
        .filter(|t| foreground && background(t))
        .map(|t| t.span)
        .collect();
    // "police fired tear gas shells, some dropped from drones": drones that
    // drop tear gas on a crowd make no air strike.
    let tear_gas = sentence_triggers.iter().any(|t| {
        class_of(t) == "intervention" && {
            let w = t.span.of(text).to_lowercase();
            w.contains("tear") || w.contains("lacrymo")
        }
    });
    // "au terme d'une offensive appuyée par des drones", "backed by air
    // strikes": air power named as support of another action is not the
    // event, when the clause tells that action.
    let supporting = |t: &Hit| {
        class_of(t) == "airstrike" && {
            let before = lowered_before(text, sspan, t.span, 30);
            let before = before.trim_end();
            [
                "appuyée par des",
                "appuyé par des",
                "appuyés par des",
                "appuyées par des",
                "soutenue par des",
                "soutenu par des",
                "soutenus par des",
                "avec l'appui de",
                "avec l'appui des",
                "backed by",
                "supported by",
                "with the support of",
                "with support from",
                "aided by",
            ]
            .iter()
            // (a word or two may say whose: "backed by Russian air strikes")
            .filter_map(|c| before.rfind(c).map(|i| &before[i + c.len()..]))
            .any(|gap| !gap.contains([',', ';', '.']) && gap.split_whitespace().count() <= 2)
        }
    };
    // "stormed an ATMIS base using VBIEDs and heavy weapons": explosives
    // named with the guns of a ground assault are its means; the assault
    // is the event (an IED alone on a convoy stays an IED).
    // A ground assault told in the same sentence, the explosives or
    // shells its means: guns fired or a place stormed, fighting sparked
    // ("detonated explosives and opened fire on the congregation",
    // "detonating VBIEDs at the gates before storming the base", "with
    // heavy weapons and mortar shells, sparking several hours of
    // fighting"). Not a suicide bombing, which stays one ("a suicide
    // bomber blew himself up ... after which gunmen stormed the hotel").
    let ground_assault = || {
        let sentence_lower = sspan.of(text).to_lowercase();
        WORDS
            .ground_assault
            .iter()
            .any(|w| sentence_lower.contains(w))
    };
    let assault_means = |t: &Hit| {
        let class = class_of(t);
        matches!(class, "ied" | "grenade" | "shelling")
            && sentence_triggers
                .iter()
                .any(|o| matches!(class_of(o), "attack" | "clash" | "storm"))
            && ground_assault()
            || matches!(class, "ied" | "suicide" | "grenade") && {
                let before = lowered_before(text, sspan, t.span, 30);
                // (a word or two may describe them: "using vehicle-borne
                // explosive devices")
                let means = [" using", " with", " à l'aide de", " au moyen de", " avec"]
                    .iter()
                    .filter_map(|c| before.rfind(c).map(|i| &before[i + c.len()..]))
                    .any(|gap| {
                        !gap.contains([',', ';', '.']) && gap.split_whitespace().count() <= 2
                    });
                let after = text[t.span.end..sspan.end].to_lowercase();
                let after = &after[..after.floor_char_boundary(50)];
                means
                    && [
                        "heavy weapons",
                        "small arms",
                        "gunfire",
                        "automatic weapons",
                        "armes lourdes",
                        "armes automatiques",
                    ]
                    .iter()
                    .any(|g| after.contains(g))
            }
    };
    let supporting = |t: &Hit| supporting(t) || assault_means(t);
    // (an attack is such an action too: "attacked the FAMa camp using ...")
    let other_action = sentence_triggers
        .iter()
        .any(|t| !supporting(t) && (lex.classes[t.id].priority >= 50 || class_of(t) == "attack"));
    // ("Au moins 43 personnes ont été tuées ... lors de la répression ...
    // d'une manifestation, dont un policier lynché par des fidèles": one
    // of the dead, told in an aside, is no event of its own kind.)
    let asides: Vec<Span> = sentence_triggers
        .iter()
        .filter(|t| in_part_aside(text, sspan, t.span))
        .map(|t| t.span)
        .collect();
    let aside = |t: &Hit| asides.contains(&t.span);
    let outside_asides = asides.len() < sentence_triggers.len();
    let top = match sentence_triggers
        .iter()
        .filter(|t| !foreground || !background(t))
        .filter(|t| !(tear_gas && class_of(t) == "airstrike"))
        .filter(|t| !(other_action && supporting(t)))
        .filter(|t| !(outside_asides && aside(t)))
        .max_by_key(|t| (lex.classes[t.id].priority, std::cmp::Reverse(t.span.start)))
    {
        Some(t) => *t,
        // "Two firearms were seized", "the pistols were discovered": no
        // trigger word, but weapons seized or found (not after a negation).
        None => {
            let seized = cues.seizure.iter().find(|h| {
                inside(h.span)
                    && !modality.iter().any(|m| {
                        inside(m.span)
                            && m.span.end <= h.span.start
                            && h.span.start - m.span.end <= 40
                    })
            })?;
            let clause = sspan.of(text);
            if lex.weapons.find(clause, &lower_same_len(clause)).is_empty() {
                return None;
            }
            Hit {
                id: lex.classes.iter().position(|c| c.name == "disrupted")?,
                span: seized.span,
            }
        }
    };
    // "Rangers arrested former Prime Minister Imran Khan ... in a corruption
    // case": the arrest of a political figure is the event (ACLED's
    // Arrests), whatever the charge.
    // The same over a rape case the figure is accused in ("l'opposant
    // Ousmane Sonko a été arrêté ... dans une affaire de viol"), and over a
    // rally when the figure is who was arrested ("police arrested opposition
    // candidate Bobi Wine as he arrived to hold a campaign rally").
    let arrest_of = |figure: &dyn Fn(&Hit) -> bool| {
        sentence_triggers
            .iter()
            .copied()
            .find(|t| lex.classes[t.id].name == "arrest" && figure(t))
    };
    let top = match lex.classes[top.id].name.as_str() {
        "org_crime" | "sexual" => {
            arrest_of(&|t: &Hit| political_figure_near(text, sspan, t.span)).unwrap_or(top)
        }
        "protest" | "intervention" => {
            arrest_of(&|t: &Hit| political_figure_arrested(text, t.span)).unwrap_or(top)
        }
        _ => top,
    };
    // "Islamist militants overran an army base in Mansila, killing more than
    // 100 soldiers": a post overrun, with no word of the place held
    // afterwards, is a battle (codebook: territory changes hands only when
    // the group takes control of it).
    let top = match lex.classes.iter().position(|c| c.name == "clash") {
        Some(clash)
            if class_of(&top) == "takeover"
                && overran_a_post(text, top.span)
                && !sentence_triggers.iter().any(|t| {
                    !t.span.overlaps(top.span) && matches!(class_of(t), "takeover" | "retake")
                }) =>
        {
            Hit {
                id: clash,
                span: top.span,
            }
        }
        _ => top,
    };
    // "launched artillery and drone attacks followed by ground assaults on
    // Armenian positions": fire from afar backing fighting on the ground is
    // a battle (codebook: Armed clash).
    let on_the_ground = |t: &&Hit| {
        class_of(t) == "clash" && {
            let said = t.span.of(text).to_lowercase();
            said.contains("ground") || said.contains("terrest") || said.contains("au sol")
        }
    };
    let top = match sentence_triggers.iter().find(on_the_ground) {
        Some(ground) if matches!(class_of(&top), "airstrike" | "shelling") => *ground,
        _ => top,
    };
    let class = &lex.classes[top.id];
    // (A killing in a protest's background is why it was held, not force
    // it met: "protested following the killing of a student by police";
    // so is unrest or fighting before it: "gathered ... after a wave of
    // night-time unrest".)
    let protest_top = matches!(class.name.as_str(), "protest" | "intervention");
    // ("Protests erupted in Bamako on Monday after soldiers killed a young
    // man": a killing in a clause of its own after the protest and a
    // background cue is why it was held, too.)
    let killing_after_cue = |t: &Hit| {
        lex.classes[t.id].name == "kill"
            && top.span.end <= t.span.start
            && cue_before(cues.background, top.span.end, t, 6, &[',', ';', ':'])
    };
    let why = |t: &Hit| {
        protest_top
            && foreground
            && (background(t)
                && matches!(
                    lex.classes[t.id].name.as_str(),
                    "kill" | "force" | "attack" | "unrest" | "clash"
                )
                || killing_after_cue(t))
    };
    // "opened fire on migrants, wounding six people, before being
    // arrested": the attacker's arrest after the attack, no raid's.
    let attackers_arrest = |t: &Hit| {
        lex.classes[t.id].name == "arrest" && top.span.end <= t.span.start && {
            let before = lowered_before(text, sspan, t.span, 24);
            let before = before.trim_end();
            WORDS.arrest_afterwards.iter().any(|c| before.ends_with(c))
        }
    };
    let classes: Vec<&str> = sentence_triggers
        .iter()
        .filter(|t| !why(t) && !attackers_arrest(t))
        .map(|t| lex.classes[t.id].name.as_str())
        .collect();
    // Who the report is attributed to is no side ("Gunmen attacked a bank,
    // police said").
    let source =
        attribution(sspan.of(text)).map(|(s, e)| Span::new(sspan.start + s, sspan.start + e));
    let mut sentence_actors: Vec<Hit> = actors
        .iter()
        .copied()
        .filter(|a| inside(a.span) && !source.is_some_and(|s| s.contains(a.span)))
        // (nor who did what a pluperfect relative clause looks back to:
        // "took control of the city, which federal forces had captured")
        .filter(|a| !in_pluperfect_relative(text, sspan, a.span))
        .collect();
    // "IS Sahel militants", "FAMa soldiers", "fighters of JNIM": a generic
    // noun right next to a named actor is that actor, not a second one.
    let generic = |h: &Hit| lex.actors[h.id].generic();
    // ("Boko Haram (JAS) militants": the name again in brackets is the
    // same mention.)
    sentence_actors.dedup_by(|b, a| {
        a.id == b.id && a.span.end <= b.span.start && text[a.span.end..b.span.start].trim() == "("
    });
    let absorbed: Vec<Span> = sentence_actors
        .windows(2)
        .filter(|w| w[0].span.end <= w[1].span.start)
        .filter_map(|w| {
            let gap = text[w[0].span.end..w[1].span.start].trim_matches([' ', '-']);
            // (a name's acronym or faction in brackets joins nothing else:
            // "Boko Haram (JAS, Bakura faction) militants")
            let gap = match gap.strip_prefix('(').and_then(|g| g.strip_suffix(')')) {
                Some(inner)
                    if !inner.contains(['(', ')']) && inner.split_whitespace().count() <= 6 =>
                {
                    ""
                }
                _ => gap,
            }
            .to_lowercase();
            // "IS Sahel militants", "JNIM-linked jihadists".
            let after_name = !generic(&w[0])
                && generic(&w[1])
                && matches!(
                    gap.as_str(),
                    "" | "linked" | "affiliated" | "allied" | "loyal"
                );
            // "fighters of JNIM", "les jihadistes du GSIM", "fighters from
            // the al-Qaeda-linked JNIM", "jihadistes du groupe GSIM": the
            // link, then at most three words that join nothing else.
            let linked_by = |link: &str| {
                gap == link
                    || gap.strip_prefix(link).is_some_and(|rest| {
                        let words: Vec<&str> = rest.split_whitespace().collect();
                        rest.starts_with(' ')
                            && words.len() <= 3
                            && !rest.contains([',', ';', '(', ')'])
                            && !words.iter().any(|w| {
                                ["and", "or", "against", "with", "et", "ou", "contre", "avec"]
                                    .contains(w)
                            })
                    })
            };
            let before_name = generic(&w[0])
                && !generic(&w[1])
                && [
                    "of",
                    "of the",
                    "from",
                    "from the",
                    "du",
                    "de",
                    "des",
                    "de l'",
                    "de l’",
                    "d'",
                    "d’",
                    "linked with",
                    "linked to",
                    "linked to the",
                    "affiliated with",
                    "affiliated to",
                    "loyal to",
                    "allied to",
                    "allied with",
                    "belonging to",
                    "liés à",
                    "liés au",
                    "affiliés à",
                    "affiliés au",
                    "proches de",
                    "proches du",
                    "appartenant à",
                    "appartenant au",
                ]
                .iter()
                .any(|link| linked_by(link));
            if after_name {
                Some(w[1].span)
            } else if before_name {
                Some(w[0].span)
            } else {
                None
            }
        })
        .collect();
    sentence_actors.retain(|h| !absorbed.contains(&h.span));
    // One mention per actor.
    let mut seen = Vec::new();
    sentence_actors.retain(|a| {
        let new = !seen.contains(&a.id);
        seen.push(a.id);
        new
    });
    // Who did it and who suffered it: agents ("killed by X", "une attaque de
    // X") first, then actors in the order they are named, then patients
    // ("X were killed", "X ont été tués").
    let roles: Vec<Part> = sentence_actors
        .iter()
        .map(|a| grammatical_role(text, sspan, a.span))
        .collect();
    // Civilians who did it ("residents caught a young man ... and beat him
    // to death"): with no armed side, mob violence.
    let agents_of = |kinds: &[&str]| {
        sentence_actors
            .iter()
            .zip(&roles)
            .any(|(a, r)| *r == Part::Agent && kinds.contains(&lex.actors[a.id].kind.as_str()))
    };
    let civilian_agents = agents_of(&["civilians"]) && !agents_of(&["state", "armed", "external"]);
    let mut order: Vec<usize> = (0..sentence_actors.len()).collect();
    order.sort_by_key(|&i| roles[i]);
    let patients: Vec<Span> = order
        .iter()
        .filter(|&&i| roles[i] == Part::Patient)
        .map(|&i| sentence_actors[i].span)
        .collect();
    // Allies of a named side are left out of the sides ("the army, backed
    // by the Africa Corps, retook Ber from rebels": the army and rebels);
    // they become the first side's associated actor.
    let allies: Vec<Hit> = order
        .iter()
        .filter(|&&i| roles[i] == Part::Ally)
        .map(|&i| sentence_actors[i])
        .collect();
    let sentence_actors: Vec<Hit> = order
        .iter()
        .filter(|&&i| roles[i] != Part::Ally)
        .map(|&i| sentence_actors[i])
        .collect();
    let kinds: Vec<&str> = sentence_actors
        .iter()
        .map(|h| lex.actors[h.id].kind.as_str())
        .collect();
    // Soldiers or fighters on the receiving end make it a fight between
    // two armed sides (codebook: Battles), whoever started it.
    let armed_patient = sentence_actors
        .iter()
        .zip(&kinds)
        .any(|(a, k)| patients.contains(&a.span) && matches!(*k, "state" | "armed" | "external"));
    let quantities: Vec<&veille_core::Quantity> = nlp
        .quantities
        .iter()
        .filter(|q| inside(q.span) && q.is_count())
        .collect();
    // A count of soldiers or fighters next to a death or injury word
    // ("killing 5 soldiers", "11 militants were killed"); not the count of
    // those who did it ("Dozens of militants arrived ... and opened fire").
    let hurt_near = |q: &veille_core::Quantity| {
        let (s, e) = (q.span.start, q.span.end);
        // (further when no comma comes between: "Vingt soldats nigériens
        // et un civil ont été tués", but for an aside: "Seven policemen,
        // including a senior superintendent, and an 18-month-old child
        // were killed")
        let without_aside = |between: &str| -> usize {
            PART_ASIDES
                .iter()
                .find_map(|cue| {
                    let at = between.find(cue)?;
                    let close = between[at + cue.len()..].find(',')?;
                    Some(between.len() - (cue.len() + close + 1))
                })
                .filter(|_| between.matches(',').count() == 2)
                .unwrap_or(usize::MAX)
        };
        cues.deaths.iter().filter(|d| inside(d.span)).any(|d| {
            d.span.start >= e
                && (d.span.start - e <= 40
                    || d.span.start - e <= 64 && !text[e..d.span.start].contains([',', ';'])
                    || d.span.start - e <= 160 && without_aside(&text[e..d.span.start]) <= 64)
                || d.span.end <= s && s - d.span.end <= 20
        }) || text[q.span.end..sspan.end]
            .split_whitespace()
            .take(4)
            .any(|w| {
                let w = w
                    .trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase();
                lex.injured.contains(&w) || lex.abducted.contains(&w)
            })
    };
    // ("four members of a family" are no members of an armed group)
    let family = |h: &str| {
        ["family", "famille", "household"]
            .iter()
            .any(|f| h.contains(f))
    };
    let armed_victims = armed_patient
        || quantities.iter().any(|q| {
            q.head.as_deref().is_some_and(|h| {
                h.split(' ')
                    .next()
                    .is_some_and(|w| WORDS.armed_nouns.contains(&w))
                    && !family(h)
            }) && hurt_near(q)
        });
    // Weapons seized or found, with no fighting in the clause: disrupted
    // weapons use, whatever weapon words the clause also holds.
    let clause = sspan.of(text);
    let clause_lower = lower_same_len(clause);
    let fighting = [
        "kill",
        "clash",
        "ambush",
        "takeover",
        "retake",
        "abduct",
        "suicide",
        "airstrike",
        "shelling",
        "chemical",
    ];
    // A trigger that is itself a weapon noun ("rockets", "IEDs") tells of
    // no fighting when weapons are seized or found.
    let weapons: Vec<Span> = lex
        .weapons
        .find(clause, &clause_lower)
        .iter()
        .map(|h| Span::new(sspan.start + h.span.start, sspan.start + h.span.end))
        .collect();
    let disrupted = !class.not_event
        && !sentence_triggers.iter().any(|t| {
            fighting.contains(&lex.classes[t.id].name.as_str())
                && !weapons
                    .iter()
                    .any(|w| w.start < t.span.end && t.span.start < w.end)
        })
        && cues.seizure.iter().any(|h| inside(h.span))
        && !weapons.is_empty();
    let unattributed =
        matches!(class.name.as_str(), "kill" | "attack") && !kinds.iter().any(|k| perpetrator(k));
    let violent = if class.not_event {
        None
    } else if disrupted {
        Some(Label::Event(SubEventType::DisruptedWeaponsUse))
    } else {
        sub_event_type(
            class.name.as_str(),
            &classes,
            &sentence_actors,
            &kinds,
            armed_victims,
        )
        .map(|sub| match sub {
            // Grenades by the dozen that police or gendarmes fire at a
            // crowd are crowd control, not a grenade attack ("aux gendarmes,
            // qui ont tiré des milliers de grenades"): the crowd's event.
            // (not one grenade thrown: "a grenade was hurled into a truck as
            // residents fought back after soldiers shot at protesters")
            SubEventType::Grenade
                if top.span.of(text).ends_with("grenades")
                    && kinds.iter().any(|k| matches!(*k, "protesters" | "rioters"))
                    && kinds.contains(&"state")
                    && !kinds.iter().any(|k| matches!(*k, "armed" | "external")) =>
            {
                let next = [
                    "clash",
                    "riot",
                    "loot",
                    "excessive",
                    "intervention",
                    "protest",
                ]
                .into_iter()
                .find(|c| classes.contains(c))
                .unwrap_or("intervention");
                sub_event_type(next, &classes, &sentence_actors, &kinds, armed_victims)
                    .unwrap_or(sub)
            }
            SubEventType::Attack if civilian_agents => SubEventType::MobViolence,
            // "drove a car packed with explosives into the academy and
            // detonated it, killing 21 people including himself"
            SubEventType::RemoteExplosiveLandmineIed if bomber_died(sspan.of(text)) => {
                SubEventType::SuicideBomb
            }
            sub => sub,
        })
        .map(Label::Event)
    };
    // "A chemical leak ... has killed ten people": an accident; "cholera
    // killed 20": a disease (unless the article tells of violence elsewhere:
    // `violent_reading`).
    let cause = classes
        .iter()
        .find(|c| NOT_VIOLENCE.contains(c))
        .filter(|_| unattributed);
    let (label, violent_reading) = match (class.not_event, cause) {
        (true, _) => (Label::NotEvent(class.name.as_str()), None),
        (false, Some(cause)) => (Label::NotEvent(cause), violent),
        (false, None) => (violent?, None),
    };
    Some(Clause {
        top,
        priority: class.priority,
        label,
        actors: sentence_actors,
        patients,
        allies,
        quantities,
        unattributed,
        violent_reading,
        source,
        background: background_spans,
        only_background,
    })
}

/// Classifies a short text (a snippet, a note): the label of its strongest
/// clause, or `None` when nothing in it is a trigger. Unlike coding, no date
/// or place is required.
pub fn classify(text: &str, nlp: &Analysis, lex: &'static Lexicon) -> Option<Label> {
    let lower = lower_same_len(text);
    let scan = lex.scan(text, &lower);
    let triggers = &scan.triggers;
    let cues = Cues::of(text, &scan);
    let mut ignored = Vec::new();
    let clauses: Vec<Clause> = nlp
        .sentences
        .iter()
        .filter_map(|s| read_clause(text, s.span, triggers, &cues, nlp, lex, &mut ignored))
        .collect();
    let best = clauses
        .iter()
        .max_by_key(|c| (c.priority, std::cmp::Reverse(c.top.span.start)))?;
    // "19 people were killed when their bus plunged ... in the accident".
    let top = best.top.span;
    if violence_elsewhere(triggers, top, lex) {
        if let Some(v) = best.violent_reading {
            let sentence = nlp
                .sentences
                .iter()
                .map(|s| s.span)
                .find(|s| s.contains(top));
            return Some(match sentence {
                Some(s) => bomb_elsewhere(text, triggers, s, v, lex),
                None => v,
            });
        }
    } else if best.unattributed {
        if let Some(cause) = accident_words(triggers, &cues.actors, Span::new(0, text.len()), lex) {
            return Some(Label::NotEvent(cause));
        }
    }
    // Codebook: protesters who turn violent make a riot (as coding merges
    // one demonstration's sentences).
    let protest = |l: Label| matches!(l, Label::Event(s) if s.event_type() == veille_core::EventType::Protests);
    let riot = Label::Event(SubEventType::ViolentDemonstration);
    if protest(best.label) && clauses.iter().any(|c| c.label == riot) {
        return Some(riot);
    }
    Some(best.label)
}

fn is_violent(t: veille_core::EventType) -> bool {
    use veille_core::EventType::*;
    matches!(
        t,
        Battles | ViolenceAgainstCivilians | ExplosionsRemoteViolence
    )
}

/// The ACLED sub-event type for a clause's trigger classes and actors.
fn sub_event_type(
    top: &str,
    classes: &[&str],
    actors: &[Hit],
    kinds: &[&str],
    armed_victims: bool,
) -> Option<SubEventType> {
    use SubEventType::*;
    let kind_of = |h: &Hit| {
        actors
            .iter()
            .position(|a| a.span == h.span)
            .map(|i| kinds[i])
            .unwrap_or("")
    };
    let has = |c: &str| classes.contains(&c);
    let any_kind = |k: &str| kinds.contains(&k);
    let crowd = any_kind("rioters") || any_kind("protesters");
    let civilians = any_kind("civilians");
    let fighters: Vec<&Hit> = actors
        .iter()
        .filter(|a| matches!(kind_of(a), "state" | "armed" | "external"))
        .collect();
    Some(match top {
        "suicide" => SuicideBomb,
        "airstrike" => AirDroneStrike,
        "ied" => RemoteExplosiveLandmineIed,
        "shelling" => ShellingArtilleryMissileAttack,
        "grenade" => Grenade,
        "sexual" => SexualViolence,
        // "an angry crowd grabbed two men ... lynched them": the mob's.
        "abduct" if has("mob") && !any_kind("armed") => MobViolence,
        // Codebook: an abduction with killings reported is an attack
        // ("killing 41 people ... and abducting six others").
        "abduct" if has("kill") => {
            return sub_event_type("kill", classes, actors, kinds, armed_victims);
        }
        "abduct" => AbductionForcedDisappearance,
        // A crowd storming parliament, whatever the police then did (tear
        // gas, arrests, live fire): a riot, when no armed group did it.
        // ("stormed and set fire to the residence", which its words say
        // alone: the storming is the strongest reading)
        "protest" | "intervention" | "excessive" | "attack" | "clash" | "arrest" | "kill"
        | "force" | "loot" | "storm"
            if has("storm") && !any_kind("armed") && !any_kind("external") =>
        {
            ViolentDemonstration
        }
        // (by an armed group: "gunmen stormed and set fire to a church")
        "storm" => return sub_event_type("attack", classes, actors, kinds, armed_victims),
        // Codebook: territory retaken by a non-state group is still "Non-state
        // actor overtakes territory".
        // Codebook: territory that changes hands without fighting.
        "retake" | "takeover" if has("transfer") && !has("clash") && !has("kill") => {
            NonViolentTransferOfTerritory
        }
        // A place an armed group takes after the army left ("JNIM took
        // control of Bani after the army withdrew", "IS recaptured Palmyra
        // after Syrian forces pulled out") changes hands without fighting;
        // one state forces take or regain after the other side left ("the
        // SAF regained control of Wad Madani after the RSF withdrew") ends a
        // battle for it.
        // (a base the army takes over after peacekeepers left it, too:
        // "FAMa took over the base after MINUSMA completed its withdrawal")
        "retake" | "takeover"
            if has("withdrawal")
                && !has("clash")
                && !has("kill")
                && (fighters.first().is_none_or(|a| kind_of(a) != "state")
                    || any_kind("external")) =>
        {
            NonViolentTransferOfTerritory
        }
        "retake" if fighters.first().is_some_and(|a| kind_of(a) == "armed") => {
            NonStateActorOvertakesTerritory
        }
        "retake" => GovernmentRegainsTerritory,
        // "captured the town after a night of fighting with troops, who
        // retreated from their bases": a withdrawal forced by fighting is
        // territory taken by the first side named.
        "transfer" | "withdrawal" if has("clash") || has("kill") => {
            if fighters.first().is_some_and(|a| kind_of(a) == "state") {
                GovernmentRegainsTerritory
            } else {
                NonStateActorOvertakesTerritory
            }
        }
        "takeover" => {
            // Codebook: territory taken by state forces is "Government regains territory".
            if fighters.first().is_some_and(|a| kind_of(a) == "state") {
                GovernmentRegainsTerritory
            } else {
                NonStateActorOvertakesTerritory
            }
        }
        // Codebook: force on protesters who fight, loot or burn is a riot
        // (excessive force is force on peaceful protesters).
        "excessive" if has("clash") || has("loot") || has("riot") => ViolentDemonstration,
        "excessive" => ExcessiveForceAgainstProtesters,
        "mob" => MobViolence,
        // Armed men who block a road and kill: no protest ("armed men
        // blocked the highway ... and shot dead 23 people"). The violence.
        "protest"
            if !crowd
                && any_kind("armed")
                && !any_kind("state")
                && ["kill", "attack", "abduct"].iter().any(|c| has(c)) =>
        {
            let next = ["abduct", "kill", "attack"]
                .into_iter()
                .find(|c| has(c))
                .unwrap_or("attack");
            return sub_event_type(next, classes, actors, kinds, armed_victims);
        }
        // Force on protesters who are not fighting: excessive force (not
        // when the crowd burns or loots: "some broke away to attack the
        // French embassy, setting fire to its outer door").
        // ("a crowd beat a man to death ... during a rally": the crowd's
        // killing, mob violence)
        "protest" if has("kill") && any_kind("rioters") && !any_kind("state") => MobViolence,
        // (police or soldiers among the dead of a protest, "Protesters
        // armed with spears and axes killed seven police officers", "Five
        // people, including a police officer, were killed ... when
        // protesters set fire to churches": the crowd fought, a riot)
        "protest" | "intervention" if has("kill") && armed_victims && !any_kind("armed") => {
            ViolentDemonstration
        }
        // (nor when the crowd burns and nobody is killed, "commerces
        // incendiés ... des dizaines de gendarmes blessés")
        "protest" | "intervention"
            if !(has("clash") || has("riot") || has("loot") && (has("attack") || !has("kill")))
                && (has("kill") || has("force") || has("attack") && any_kind("state")) =>
        {
            ExcessiveForceAgainstProtesters
        }
        // Protesters fighting or destroying: a riot (ACLED's violent demonstration).
        "protest" | "intervention" if has("clash") || has("loot") || has("unrest") => {
            ViolentDemonstration
        }
        "intervention" if has("riot") => ViolentDemonstration,
        "intervention" => ProtestWithIntervention,
        "riot" => ViolentDemonstration,
        "protest" if has("arrest") || has("intervention") => ProtestWithIntervention,
        "protest" => PeacefulProtest,
        // Crowds fighting one another, no police, soldiers nor armed group,
        // and no protest: mob violence ("clashes between Hausa and Adara
        // youths").
        "clash" if crowd && !any_kind("protesters") && fighters.is_empty() && !has("protest") => {
            MobViolence
        }
        // Protesters or rioters fighting the police, no armed group: a riot.
        "clash" if crowd && !any_kind("armed") => ViolentDemonstration,
        "clash" => ArmedClash,
        // Raids that end in arrests, without deaths, are arrests.
        "attack" if has("arrest") && !has("kill") => Arrests,
        // Codebook: a raid in which nobody is hurt, only property taken or
        // destroyed ("raided the camps and made off with the cattle. No
        // casualties"), is looting.
        "attack" if has("loot") && !has("kill") && !has("force") && !has("abduct") && !crowd => {
            LootingPropertyDestruction
        }
        "ambush" | "kill" | "attack" => {
            // Codebook: violence by an armed group on unarmed people is
            // Violence against civilians; between two armed, organised sides
            // it is a Battle.
            let distinct_fighters = {
                let mut ids: Vec<usize> = fighters.iter().map(|a| a.id).collect();
                ids.dedup();
                ids.len()
            };
            if any_kind("protesters") && armed_victims && !any_kind("armed") {
                // Protesters who killed police officers ("Protesters armed
                // with spears and axes killed seven police officers"): a
                // riot, not force on them.
                ViolentDemonstration
            } else if any_kind("protesters")
                && !any_kind("rioters")
                && any_kind("state")
                && !any_kind("armed")
                && !civilians
            {
                // Codebook: state forces killing or attacking protesters
                // is excessive force, though no word of protest is in the
                // clause ("police opened fire on striking miners, killing
                // 34").
                ExcessiveForceAgainstProtesters
            } else if crowd && !civilians && distinct_fighters == 0 {
                ViolentDemonstration
            } else if top == "kill" && any_kind("rioters") && distinct_fighters == 0 {
                // A crowd killing people, no armed side: mob violence ("a
                // crowd of villagers ... beat two herders to death").
                MobViolence
            } else if armed_victims || !civilians && (distinct_fighters >= 2 || top == "ambush") {
                // Civilians hit and no fighter among the dead: an attack on
                // civilians, even when the clause names other armed groups
                // ("soldiers killed 7 civilians accused of helping jihadists").
                ArmedClash
            } else {
                Attack
            }
        }
        // Codebook: looting by demonstrators is a violent demonstration,
        // by a crowd that is not demonstrating (looters, "groups of men
        // armed with sticks looted and torched foreign-owned shops") mob
        // violence.
        "loot" if any_kind("protesters") => ViolentDemonstration,
        "loot" if any_kind("rioters") && fighters.is_empty() && !has("unrest") && !has("riot") => {
            MobViolence
        }
        "loot" if crowd => ViolentDemonstration,
        "loot" => LootingPropertyDestruction,
        // Codebook: only state forces arrest; armed groups seizing people abduct them.
        "arrest" if !any_kind("state") && any_kind("armed") && !armed_victims => {
            AbductionForcedDisappearance
        }
        "arrest" => Arrests,
        "base" => HeadquartersOrBaseEstablished,
        "agreement" => Agreement,
        "chemical" => ChemicalWeapon,
        "disrupted" | "intercept" => DisruptedWeaponsUse,
        "transfer" | "withdrawal" => NonViolentTransferOfTerritory,
        "change_group" => ChangeToGroupActivity,
        "other_sd" => Other,
        _ => return None,
    })
}

/// An actor (index in the lexicon) and the span naming it, if it is named.
type Role = (usize, Option<Span>);

/// "Fighting between ISGS and other jihadists": a generic rival of a named
/// group is the other named non-state group of the article, when the
/// article names exactly one (in the Sahel, JNIM for the Islamic State's
/// rivals). Left generic when it names none or several.
fn rival_named_elsewhere(
    text: &str,
    actors: &mut [Actor],
    spans: &[(String, Span)],
    article_actors: &[Hit],
    lex: &Lexicon,
    country: &str,
    gaz: &Gazetteer,
) {
    let [first, second] = actors else { return };
    let Some(&(_, span)) = spans.iter().find(|(role, _)| role == "actor2") else {
        return;
    };
    let generic_armed = |a: &Actor| a.name.starts_with("Unidentified Armed Group");
    if generic_armed(first) || !generic_armed(second) {
        return;
    }
    let before = text[..span.start].to_lowercase();
    let rival = ["other", "rival", "autres", "rivaux", "rivales"]
        .iter()
        .any(|w| before.trim_end().ends_with(w));
    if !rival {
        return;
    }
    // "other jihadists" are jihadists: only jihadist groups qualify.
    let said = span.of(text).to_lowercase();
    let jihadists = ["jihad", "djihad", "islamist", "islamiste"]
        .iter()
        .any(|w| said.contains(w));
    // (Named as in the event's country: the Islamic State in Mali is the
    // Islamic State (Sahel), no other group than ISGS.)
    let name_of = |i: usize| fill(&lex.actors[i], country, gaz);
    let mut others: Vec<(String, u8)> = article_actors
        .iter()
        .map(|h| h.id)
        .filter(|&i| {
            let a = &lex.actors[i];
            a.kind == "armed" && !a.generic() && (a.jihadist || !jihadists)
        })
        .map(|i| (name_of(i), lex.actors[i].inter))
        .filter(|(name, _)| *name != first.name)
        .collect();
    others.sort_unstable();
    others.dedup();
    if let [(name, inter)] = &others[..] {
        second.name = name.clone();
        second.inter = *inter;
    }
}

/// Actors and their roles for a sub-event type.
fn assign_actors(
    sub: SubEventType,
    hits: &[Hit],
    patients: &[Span],
    lex: &Lexicon,
    country: &str,
    forces_of: &[(Span, String)],
    gaz: &Gazetteer,
) -> (Vec<Actor>, Vec<(String, Span)>) {
    use veille_core::EventType::*;
    let def = |h: &Hit| &lex.actors[h.id];
    let generic = |kind: &str| {
        lex.actors
            .iter()
            .position(|a| a.kind == kind && a.generic())
    };
    let police = lex
        .actors
        .iter()
        .position(|a| a.name.starts_with("Police Forces of"));
    let named = |i: usize| fill(&lex.actors[i], country, gaz);
    let of_kind = |kinds: &[&str]| {
        hits.iter()
            .filter(|h| kinds.contains(&def(h).kind.as_str()))
            .copied()
            .collect::<Vec<Hit>>()
    };
    let fighters = of_kind(&["state", "armed", "external"]);
    let civilians = of_kind(&["civilians"]);
    let crowd = of_kind(&["protesters", "rioters"]);
    let state = of_kind(&["state", "external"]);
    // (Two states' forces are one actor of the lexicon told apart by their
    // demonyms: "Ukrainian air defence intercepted Russian drones",
    // "Russian forces attacked Ukrainian positions".)
    let whose = |h: &Hit| forces_of.iter().find(|(f, _)| *f == h.span).map(|(_, c)| c);
    let other_state =
        |h: &Hit, f: &Hit| h.span != f.span && whose(h).is_some() && whose(h) != whose(f);

    // (actor index, span if mentioned)
    let (a1, a2): (Option<Role>, Option<Role>) = match sub.event_type() {
        ViolenceAgainstCivilians => (
            fighters
                .iter()
                .find(|h| !patients.contains(&h.span))
                .map(|h| (h.id, Some(h.span)))
                .or(generic("armed").map(|g| (g, None))),
            civilians
                .first()
                .map(|h| (h.id, Some(h.span)))
                .or(generic("civilians").map(|g| (g, None))),
        ),
        // Fighters come agents first and patients last: "soldiers were
        // killed by jihadists" is jihadists (actor1) against the military;
        // with only the side that was hit named, the other is unidentified.
        Battles => match fighters.as_slice() {
            [only] if patients.contains(&only.span) => (
                generic("armed").map(|g| (g, None)),
                Some((only.id, Some(only.span))),
            ),
            // Two names of one side ("Burkinabe soldiers ... the army")
            // are one side.
            _ => (
                fighters.first().map(|h| (h.id, Some(h.span))),
                fighters
                    .iter()
                    .find(|h| {
                        Some(named(h.id)) != fighters.first().map(|f| named(f.id))
                            || fighters.first().is_some_and(|f| other_state(h, f))
                    })
                    .map(|h| (h.id, Some(h.span))),
            ),
        },
        ExplosionsRemoteViolence => {
            // Never the side that was hit ("six soldiers killed by a
            // roadside bomb": the unidentified bombers against the army).
            let doers: Vec<&Hit> = fighters
                .iter()
                .filter(|h| !patients.contains(&h.span))
                .collect();
            let perpetrator = if sub == SubEventType::AirDroneStrike {
                doers
                    .iter()
                    .find(|h| matches!(def(h).kind.as_str(), "state" | "external"))
                    .or(doers.first())
                    .copied()
            } else if matches!(
                sub,
                SubEventType::RemoteExplosiveLandmineIed | SubEventType::SuicideBomb
            ) {
                // Bombs and mines are armed groups' weapons: a state force
                // named without a role ("struck an army vehicle") is their
                // target, and the bombers unidentified when unnamed.
                doers.iter().find(|h| def(h).kind == "armed").copied()
            } else {
                doers
                    .iter()
                    .find(|h| def(h).kind == "armed")
                    .or(doers.first())
                    .copied()
            };
            let target = hits.iter().find(|h| {
                Some(h.span) != perpetrator.map(|p| p.span) && def(h).kind != "protesters"
            });
            (
                perpetrator
                    .map(|h| (h.id, Some(h.span)))
                    .or(generic("armed").map(|g| (g, None))),
                target.map(|h| (h.id, Some(h.span))),
            )
        }
        Protests => (
            // ("Des jeunes ont manifesté": youths who protest are protesters)
            crowd
                .first()
                .map(|h| match generic("protesters") {
                    Some(g) if def(h).kind == "rioters" => (g, Some(h.span)),
                    _ => (h.id, Some(h.span)),
                })
                .or(generic("protesters").map(|g| (g, None))),
            if sub == SubEventType::PeacefulProtest {
                None
            } else {
                state
                    .first()
                    .map(|h| (h.id, Some(h.span)))
                    .or(police.map(|g| (g, None)))
            },
        ),
        Riots => (
            // A mob of a named group ("Israeli settlers rampaged through
            // the town"): that group.
            fighters
                .iter()
                .find(|h| {
                    sub == SubEventType::MobViolence
                        && def(h).kind == "armed"
                        && !def(h).generic()
                        && !patients.contains(&h.span)
                })
                .map(|h| (h.id, Some(h.span)))
                .or(generic("rioters").map(|g| {
                    (
                        g,
                        crowd
                            .iter()
                            .find(|h| def(h).kind == "rioters")
                            .map(|h| h.span),
                    )
                })),
            // A mob's victim is a person, not the police who came after.
            if sub == SubEventType::MobViolence {
                civilians.first()
            } else {
                state.first().or(civilians.first())
            }
            .map(|h| (h.id, Some(h.span)))
            .or(if sub == SubEventType::MobViolence {
                generic("civilians").map(|g| (g, None))
            } else {
                None
            }),
        ),
        StrategicDevelopments => {
            if sub == SubEventType::Arrests {
                let other = hits
                    .iter()
                    .find(|h| !matches!(def(h).kind.as_str(), "state"));
                (
                    state
                        .first()
                        .map(|h| (h.id, Some(h.span)))
                        .or(police.map(|g| (g, None))),
                    other.map(|h| (h.id, Some(h.span))),
                )
            } else {
                let first = fighters.first().or(hits.first());
                let second = hits.iter().find(|h| {
                    first.is_none_or(|f| h.id != f.id || h.span != f.span && whose(h) != whose(f))
                });
                (
                    first.map(|h| (h.id, Some(h.span))),
                    second.map(|h| (h.id, Some(h.span))),
                )
            }
        }
    };
    let mut actors = Vec::new();
    let mut spans = Vec::new();
    for (role, a) in [("actor1", a1), ("actor2", a2)] {
        if let Some((i, span)) = a {
            // A state's forces named by a demonym: abroad, external forces
            // (ACLED's inter 8).
            let abroad = span
                .and_then(|s| forces_of.iter().find(|(f, _)| *f == s))
                .map(|(_, c)| c);
            let name = match abroad {
                Some(c) => fill(&lex.actors[i], c, gaz),
                None => named(i),
            };
            // One actor is never both sides.
            if actors.iter().any(|x: &Actor| x.name == name) {
                continue;
            }
            let inter = match abroad {
                Some(c) if c != country => 8,
                _ => lex.actors[i].inter,
            };
            actors.push(Actor {
                name,
                role: role.into(),
                inter,
            });
            if let Some(s) = span {
                spans.push((role.to_string(), s));
            }
        }
    }
    (actors, spans)
}

/// Fatalities of the clause: the sum of counts of people next to a death
/// word; an indefinite singular ("a soldier", "an unmarried couple")
/// otherwise; `None` when deaths are reported without a number; 0 when the
/// clause reports no death (ACLED codes 0 then).
/// Whether a bombing's clause counts its bomber among the dead
/// ("including himself", "y compris le kamikaze").
fn bomber_died(clause: &str) -> bool {
    let lower = clause.to_lowercase();
    [
        "including himself",
        "including herself",
        "including the bomber",
        "including the attacker",
        "including the driver",
        "dont le conducteur",
        "y compris le conducteur",
        "killing himself and",
        "killing herself and",
        "y compris lui-même",
        "y compris le kamikaze",
        "dont le kamikaze",
        "dont l'assaillant",
    ]
    .iter()
    .any(|c| lower.contains(c))
}

/// Whether the words right after an arrest word are a political figure's
/// title ("arrested opposition presidential candidate Robert Kyagulanyi",
/// "arrested former Prime Minister ..."): the figure is who was arrested.
fn political_figure_arrested(text: &str, arrest: Span) -> bool {
    let to = text.ceil_char_boundary((arrest.end + 40).min(text.len()));
    let after = text[arrest.end..to]
        .split_whitespace()
        .take(4)
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ");
    let after = after.strip_prefix("the ").unwrap_or(&after);
    // ("arrested opposition supporters" are protesters)
    [
        "opposition leader",
        "opposition presidential",
        "opposition candidate",
        "opposition figure",
        "opposition politician",
        "opposition lawmaker",
        "opposition party leader",
        "former prime minister",
        "former president",
        "prime minister",
        "l'opposant",
        "l'ancien président",
        "l'ancien premier ministre",
        "le chef de l'opposition",
    ]
    .iter()
    .any(|t| after.starts_with(t))
}

/// Whether a political figure's title is within a few words of an arrest
/// word: "arrested former Prime Minister Imran Khan", "l'opposant X a été
/// interpellé".
fn political_figure_near(text: &str, sentence: Span, arrest: Span) -> bool {
    let from = text.floor_char_boundary(arrest.start.saturating_sub(60).max(sentence.start));
    let to = text.ceil_char_boundary((arrest.end + 60).min(sentence.end));
    let near = text[from..to].to_lowercase();
    WORDS.political_titles.iter().any(|t| near.contains(t))
}

/// Where a clause turns to an earlier incident: "..., three weeks after a
/// bombing killed 40", "Rioters threw bricks ..., a day after three girls
/// were killed", "..., deux jours après l'attaque qui avait fait 12 morts"
/// (the offset in `lower` of the comma before the cue).
fn earlier_incident_at(lower: &str) -> Option<usize> {
    static CUE: OnceLock<Regex> = OnceLock::new();
    let cue = CUE.get_or_init(|| {
        Regex::new(r"\b(?:hours?|days?|weeks?|months?|years?|heures|jours|semaines|mois|ans?) (?:after|since|après|depuis)\b")
            .expect("earlier incident cue")
    });
    let at = cue.find(lower)?.start();
    lower[..at].rfind([',', ';', '(']).filter(|&c| c + 40 >= at)
}

/// Whether the words right after a count (`after`, lower-cased) make it
/// the subject of a verb of speaking: "[one] protester told", "[deux]
/// témoins ont raconté" (not "[nine], officials said").
fn speaker(after: &str) -> bool {
    let mut words = Vec::new();
    for w in after.split_whitespace().take(8) {
        if w.starts_with(|c: char| !c.is_alphanumeric()) {
            break;
        }
        let bare = w.trim_end_matches(|c: char| !c.is_alphanumeric());
        words.push(bare);
        if bare.len() != w.len() {
            break;
        }
    }
    // A speech verb among those words, at most four ("told", "protester told",
    // "two aid workers told Reuters", "témoins ont raconté", "[a] local
    // elected official said").
    let Some(verb) = words.iter().position(|w| WORDS.speech_verbs.contains(w)) else {
        return false;
    };
    if verb < 4 {
        return true;
    }
    // Or after a participle and its agent of two words at most ("[a]
    // local elected official reached by telephone said", "[un]
    // responsable joint par l'AFP a indiqué").
    words[..verb]
        .iter()
        .position(|w| matches!(*w, "by" | "par"))
        .is_some_and(|by| {
            (1..=4).contains(&by)
                && verb - by <= 3
                && (words[by - 1].ends_with("ed")
                    || matches!(
                        words[by - 1],
                        "joint"
                            | "jointe"
                            | "joints"
                            | "contacté"
                            | "contactée"
                            | "interrogé"
                            | "interrogée"
                            | "cité"
                            | "citée"
                    ))
        })
}

/// "adding that nobody was killed", "aucun mort n'est à déplorer": every
/// death word of the clause denied by a word that says nobody, so the toll
/// is known to be zero (a count elsewhere in the clause is no toll).
fn no_one_died(lower: &str, is_death: &dyn Fn(&str) -> bool) -> bool {
    // "PTI claimed several supporters were killed, but no fatalities were
    // confirmed": a claim nobody confirmed.
    if WORDS.unconfirmed_deaths.iter().any(|c| lower.contains(c)) {
        return true;
    }
    let mut deaths = 0;
    for part in lower.split([',', ';', ':', '.']) {
        let words: Vec<&str> = part.split_whitespace().collect();
        for (i, w) in words.iter().enumerate() {
            if !is_death(w) {
                continue;
            }
            deaths += 1;
            let from = i.saturating_sub(5);
            // ("Une personne a été tuée": a person, not "personne", nobody)
            let nobody = |k: usize| {
                WORDS.nobody.contains(&words[k])
                    && !(k > 0 && ["une", "la", "cette", "chaque"].contains(&words[k - 1]))
            };
            let before = &words[from..i];
            let denied = (from..i).any(nobody)
                || before.windows(2).any(|p| p == ["no", "one"])
                // "aucun mort", "no deaths", "pas de morts": the noun itself
                || i > 0 && ["no", "aucun", "aucune", "de"].contains(&words[i - 1])
                    && (words[i - 1] != "de" || i > 1 && words[i - 2] == "pas");
            if !denied {
                return false;
            }
        }
    }
    deaths > 0
}

fn fatalities(
    text: &str,
    sspan: Span,
    quantities: &[&veille_core::Quantity],
    death_here: bool,
    violent: bool,
    source: Option<Span>,
    lex: &Lexicon,
) -> (Option<u64>, Option<Span>, Vec<Span>) {
    if !death_here {
        // A violent event's toll is unknown unless reported; a protest,
        // riot or strategic development without a death has none (ACLED 0).
        return (if violent { None } else { Some(0) }, None, vec![]);
    }
    // A word, its punctuation trimmed, is a death word ("killed,").
    let is_death = |w: &str| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        lex.death_words.iter().any(|d| d == w)
    };
    // (The clause lower-cased once, byte for byte: offsets stay valid.)
    let clause_lower = lower_same_len(sspan.of(text));
    // ("29 people of 18 nationalities": no count of people; "one of the
    // deadliest clashes": nobody)
    let people: Vec<&veille_core::Quantity> = quantities
        .iter()
        .filter(|q| {
            q.unit
                .as_deref()
                .is_none_or(|u| !WORDS.not_people_units.contains(&u))
                && !one_of_the_most(&clause_lower[q.span.end - sspan.start..])
        })
        .copied()
        .collect();
    let quantities = &people[..];
    if no_one_died(&clause_lower, &is_death) {
        return (Some(0), None, vec![]);
    }
    // "Fatalities were not reported; thousands of residents had fled": no
    // toll told, and no other death word.
    // (each phrase says "not", "no", "aucun" or "pas": one cheap look first)
    let told_not = ["not ", "no ", "aucun", "pas "]
        .iter()
        .any(|w| clause_lower.contains(w));
    if let Some(told) = WORDS
        .unreported_tolls
        .iter()
        .find(|c| told_not && clause_lower.contains(*c))
    {
        if !clause_lower
            .replacen(told, "", 1)
            .split_whitespace()
            .any(is_death)
        {
            return (if violent { None } else { Some(0) }, None, vec![]);
        }
    }
    // "one protester told Reuters", "deux témoins ont raconté": who speaks
    // is not who died.
    let speaks = |q: &&&veille_core::Quantity| speaker(&clause_lower[q.span.end - sspan.start..]);
    // "killed a teenager ..., three weeks after a suicide car bombing in
    // Pulwama killed 40": the deaths of an earlier incident the clause
    // looks back to, after its own.
    let earlier_from = earlier_incident_at(&clause_lower).map(|i| sspan.start + i);
    // (every death word after that cue: no death of this clause's own)
    if let Some(at) = earlier_from {
        if !clause_lower[..at - sspan.start]
            .split_whitespace()
            .any(is_death)
        {
            return (if violent { None } else { Some(0) }, None, vec![]);
        }
    }
    // "Six humanitaires français de l'ONG Acted, leur guide et leur
    // chauffeur nigériens ont été tués": the people listed as the subject
    // of the passive death, each person told by a determiner one.
    if let Some((n, whole, spans)) =
        subject_list_toll(text, sspan, &clause_lower, quantities, &is_death, source)
    {
        return (Some(n), Some(whole), spans);
    }
    let kept: Vec<&veille_core::Quantity> = quantities
        .iter()
        .filter(|q| !speaks(q) && earlier_from.is_none_or(|at| q.span.start < at))
        .copied()
        .collect();
    // (whether the filter above left out an earlier incident's count)
    let dropped_earlier =
        earlier_from.is_some_and(|at| quantities.iter().any(|q| q.span.start >= at));
    let quantities = &kept[..];
    let within = |s: Span| &clause_lower[s.start - sspan.start..s.end - sspan.start];
    // With several counts in the clause, the toll is the counts next to a
    // death word ("Hundreds of fighters attacked ..., killing at least 30
    // soldiers": 30, not 130).
    // The word linking a count to what comes before it ("the toll at
    // five", "bilan de 12 morts": "at", "de"), and the lower-cased words
    // before that, without "at least" and the like.
    let link_before = |q: &veille_core::Quantity| -> (&'static str, String) {
        let before = text[sspan.start..q.span.start].to_lowercase();
        let before = before
            .trim_end()
            .trim_end_matches("at least")
            .trim_end_matches("some")
            .trim_end_matches("about")
            .trim_end_matches("au moins")
            .trim_end();
        // "a tué mardi deux policières", "ont tué samedi soir 12 civils": the
        // day between the verb and its count.
        let mut before = before;
        while let Some((head, last)) = before.rsplit_once(' ') {
            if !WORDS.day_words.contains(&last) {
                break;
            }
            before = head.trim_end();
        }
        let (link, before) = ["at", "to", "of", "à", "de"]
            .iter()
            .find_map(|p| {
                before
                    .strip_suffix(p)
                    .filter(|b| b.ends_with(' '))
                    .map(|b| (*p, b))
            })
            .unwrap_or(("", before));
        (link, before.trim_end().to_string())
    };
    // "Police revised the death toll from Monday's bombing to 84": a toll's
    // new figure, however far from the word toll.
    let revised_to = |q: &veille_core::Quantity, link: &str| {
        matches!(link, "to" | "à")
            && (clause_lower.contains("toll") || clause_lower.contains("bilan"))
            && WORDS.toll_revisions.iter().any(|v| {
                clause_lower[..q.span.start - sspan.start]
                    .split(|c: char| !c.is_alphanumeric() && c != '\'')
                    .any(|w| w == *v)
            })
    };
    let next_to_death = |q: &veille_core::Quantity| {
        let (link, before) = link_before(q);
        let before = before.as_str();
        let revised_to = revised_to(q, link);
        // (an aside between commas is skipped: "Five soldiers and two
        // officers, including a lieutenant colonel, were killed")
        let mut after = text[q.span.end..sspan.end].to_lowercase();
        for cue in PART_ASIDES {
            if let Some(i) = after.find(cue) {
                if let Some(j) = after[i + cue.len()..].find(',') {
                    after.replace_range(i..i + cue.len() + j + 1, "");
                }
            }
        }
        // "the death toll ... has risen to nearly 20", "le bilan s'élève à 12".
        let toll_rose = (clause_lower.contains("toll") || clause_lower.contains("bilan"))
            && [
                "risen",
                "rose",
                "raised",
                "climbed",
                "reached",
                "stands",
                "stood",
                "s'élève",
                "passé",
                "grimpé",
            ]
            .iter()
            .any(|v| before.ends_with(v));
        toll_rose
            || revised_to
            // (not across the end of a quotation: "'... counting our
            // dead,' one protester told Reuters" names a speaker)
            || before
                .rsplit(' ')
                .next()
                .is_some_and(|w| is_death(w) && !w.ends_with(['\'', '"', '’', '”', '»']))
            // (six words, not counting quotes, dashes and auxiliaries: "57
            // « terroristes » ont été neutralisés", "Cinquante-trois soldats
            // maliens et un civil ont été tués")
            || after
                .split_whitespace()
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .filter(|w| !AUXILIARIES.contains(w))
                .take(6)
                .any(is_death)
    };
    // A count joined to one next to a death word is one too ("killed
    // several commanders and dozens of fighters").
    let mut near: Vec<&&veille_core::Quantity> = Vec::new();
    for q in quantities {
        // (the next count after it: "shooting dead one student and
        // abducting 27 students, 3 staff members and 12 of their relatives"
        // joins none of the abducted to the dead)
        let joined = near.last().is_some_and(|p| {
            p.span.end <= q.span.start
                && !quantities
                    .iter()
                    .any(|o| o.span.start >= p.span.end && o.span.end <= q.span.start)
                && {
                    let gap = text[p.span.end..q.span.start].to_lowercase();
                    gap.len() <= 40
                        && [" and", " et", ",", " as well as"]
                            .iter()
                            .any(|j| gap.trim_end().ends_with(j))
                        && !gap.split_whitespace().any(is_death)
                }
        });
        if next_to_death(q) || joined {
            near.push(q);
        }
    }
    // And one joined to a later one: "20 soldiers and one civilian were killed".
    for (k, q) in quantities.iter().enumerate().rev() {
        if near.iter().any(|n| n.span == q.span) {
            continue;
        }
        let joined = quantities[k + 1..].first().is_some_and(|next| {
            near.iter().any(|n| n.span == next.span) && q.span.end <= next.span.start && {
                let gap = format!(
                    " {}",
                    text[q.span.end..next.span.start].to_lowercase().trim()
                );
                gap.len() <= 40
                    && [" and", " et", ","].iter().any(|j| gap.ends_with(j))
                    && !gap.split_whitespace().any(is_death)
            }
        });
        if joined {
            near.push(q);
        }
    }
    // "Three suicide bombers killed at least 30 people", "Des centaines
    // d'hommes armés ont tué 30 civils": a count right before an active
    // death verb and its object's count is who killed, not who died.
    // "Around 30 masked gunmen killed a Kosovo police officer": attackers
    // counted before an active death verb and its object, up to a dozen
    // words on ("two unidentified gunmen riding in tandem on a motorcycle
    // shot dead a barangay kagawad").
    let attackers_who_killed = |q: &veille_core::Quantity| {
        counts_attackers(text, q.span, quantities) && {
            let words: Vec<&str> = clause_lower[q.span.end - sspan.start..]
                .split_whitespace()
                .take(12)
                .collect();
            words.iter().position(|w| is_death(w)).is_some_and(|i| {
                i > 0
                    && !words[..i]
                        .iter()
                        .any(|w| PASSIVE_AUXILIARIES.contains(w) || w.ends_with([',', ';', ':']))
                    && words.get(i + 1).is_some_and(|o| {
                        o.starts_with(|c: char| c.is_ascii_digit())
                            || [
                                "a", "an", "the", "one", "two", "three", "his", "her", "their",
                                "un", "une", "le", "la", "les", "deux", "trois",
                            ]
                            .contains(o)
                    })
            })
        }
    };
    let killers: Vec<Span> = near
        .iter()
        .filter(|q| {
            attackers_who_killed(q)
                || near.iter().any(|o| {
                    o.span.start > q.span.end && {
                        let gap = text[q.span.end..o.span.start].to_lowercase();
                        let words: Vec<&str> = gap.split_whitespace().collect();
                        words.len() <= 8
                        && !gap.contains([',', ';', ':'])
                        && words.last().is_some_and(|w| is_death(w))
                        // (not a passive: "Five soldiers were killed")
                        && !words.iter().any(|w| PASSIVE_AUXILIARIES.contains(w))
                    }
                })
        })
        .map(|q| q.span)
        .collect();
    near.retain(|q| !killers.contains(&q.span));
    // "opened fire on dozens of young guests, killing eleven": a count
    // before a comma and a killing participle with a count of its own is
    // who was fired on, not who died.
    let targets: Vec<Span> = near
        .iter()
        .filter(|q| {
            near.iter().any(|o| {
                o.span.start > q.span.end && {
                    let gap = text[q.span.end..o.span.start].to_lowercase();
                    let gap = gap.trim_end();
                    gap.split_whitespace().count() <= 8
                        && gap.matches(',').count() == 1
                        && !gap.contains([';', ':'])
                        && [", killing", ", tuant"].iter().any(|p| gap.ends_with(p))
                }
            })
        })
        .map(|q| q.span)
        .collect();
    near.retain(|q| !targets.contains(&q.span));
    // "The government first announced 95 dead before revising the toll
    // down to 35": the revised figure replaces the counts before it.
    if let Some(revised) = near
        .iter()
        .rev()
        .find(|q| revised_to(q, link_before(q).0))
        .map(|q| q.span.start)
    {
        near.retain(|q| q.span.start >= revised);
    }
    // "8 civilians, including 3 children, were killed": a count after
    // "including" is part of the one before it; the toll is the whole.
    let part = |q: &veille_core::Quantity| {
        // "killing 20 people, 18 of them women".
        let after = text[q.span.end..sspan.end].to_lowercase();
        if ["of them", "of whom", "d'entre eux", "d’entre eux"]
            .iter()
            .any(|c| after.trim_start().starts_with(c))
        {
            return true;
        }
        let before = text[sspan.start..q.span.start].to_lowercase();
        let before = before.trim_end().trim_end_matches(',').trim_end();
        [
            "including",
            "among them",
            "among whom",
            "of whom",
            "of them",
            "dont",
            "parmi eux",
            "parmi lesquels",
            "parmi lesquelles",
            "notamment",
        ]
        .iter()
        .any(|c| before.ends_with(c))
            // ("six people, including the pastor and two of his sons": the
            // second of the parts listed)
            || ["including ", "dont ", "notamment ", "y compris "]
                .iter()
                .filter_map(|c| before.rfind(c).map(|i| &before[i + c.len()..]))
                .any(|gap| {
                    (gap.ends_with(" and") || gap.ends_with(" et"))
                        && !gap.contains([',', ';', ':', '.'])
                        && gap.split_whitespace().count() <= 5
                        && !gap.split_whitespace().any(is_death)
                })
    };
    // "27 morts, dont 19 assaillants et 8 soldats": a count joined to a
    // part is a part too.
    near.sort_by_key(|q| q.span.start);
    let mut parts: Vec<Span> = Vec::new();
    // "killing nine people, three women and six children", "at least 20
    // people were killed: four police officers, two civilians and 14
    // gunmen": counts right after a count that add up to it break it down.
    let listed = |a: &veille_core::Quantity, b: &veille_core::Quantity| {
        let gap = text[a.span.end..b.span.start].to_lowercase();
        let gap = gap.trim_end();
        gap.len() <= 40 && [" and", " et", ",", ":"].iter().any(|j| gap.ends_with(j))
    };
    for k in 0..near.len() {
        let mut sum = 0;
        let mut end = k;
        while end + 1 < near.len() && listed(near[end], near[end + 1]) && sum < near[k].value {
            end += 1;
            sum += near[end].value;
        }
        // ("four elderly people, three women and a man": the last part one
        // person)
        let and_one = end > k
            && sum + 1 == near[k].value
            && one_more_after(text, near[end].span.end, sspan.end, lex).is_some();
        if end >= k + 2 && sum == near[k].value || and_one {
            parts.extend(near[k + 1..=end].iter().map(|q| q.span));
        }
    }
    for (k, q) in near.iter().enumerate() {
        let joined_to_part = k > 0 && parts.contains(&near[k - 1].span) && {
            let gap = text[near[k - 1].span.end..q.span.start].to_lowercase();
            let gap = gap.trim_end();
            // (not after the comma that closes an aside: "Trente-cinq
            // civils, dont trente et une femmes, et sept militaires")
            gap.len() <= 40
                && [" and", " et", ","].iter().any(|j| gap.ends_with(j))
                && !gap.ends_with(", et")
        };
        if part(q) || joined_to_part {
            parts.push(q.span);
        }
    }
    let mut wholes: Vec<&&veille_core::Quantity> = Vec::new();
    near.retain(|q| {
        if !parts.contains(&q.span) {
            return true;
        }
        // (the whole of "dont 19 assaillants et 8 soldats" is before both)
        if let Some(whole) = quantities
            .iter()
            .rfind(|w| w.span.end <= q.span.start && !parts.contains(&w.span))
        {
            wholes.push(whole);
        }
        false
    });
    for w in wholes {
        if !near.iter().any(|n| n.span == w.span) {
            near.push(w);
        }
    }
    near.sort_by_key(|q| q.span.start);
    // (Counts joined to one next to a death word are next to it too:
    // "Thirty-one Maoists and two jawans were killed".)
    let joined_to_death = !near.is_empty();
    let quantities: Vec<&veille_core::Quantity> = if near.is_empty() {
        // (none, when the clause's counts next to its death words were an
        // earlier incident's: the others say nothing of deaths)
        if dropped_earlier {
            Vec::new()
        } else {
            // (nor a count in a "when" clause after the death word: "were
            // killed when a group of 24 armed men attacked" counts the
            // attackers, not the dead; nor one before a person whose death
            // the clause tells: "fired tear gas at thousands of protesters
            // ..., and rights groups said a man was shot dead")
            let one_dead_at =
                singular_passive_death(&clause_lower, &is_death, lex).map(|at| sspan.start + at);
            // (and no count of attackers who killed, however far from the
            // death word: "two unidentified gunmen riding in tandem on a
            // motorcycle shot dead a barangay kagawad")
            quantities
                .iter()
                .filter(|q| !killers.contains(&q.span) && !attackers_who_killed(q))
                .filter(|q| one_dead_at.is_none_or(|at| q.span.start > at))
                .filter(|q| {
                    let before = within(Span::new(sspan.start, q.span.start));
                    let words: Vec<&str> = before.split_whitespace().collect();
                    !words.iter().rposition(|w| is_death(w)).is_some_and(|i| {
                        words[i + 1..].iter().any(|w| {
                            matches!(*w, "when" | "lorsque" | "quand") || w.starts_with("lorsqu")
                        })
                    })
                })
                .copied()
                .collect()
        }
    } else {
        near.into_iter().copied().collect()
    };
    let mut total = 0u64;
    let mut spans: Vec<Span> = Vec::new();
    // "At least 61 people were killed, while doctors put the toll above
    // 100", "... JNIM claimed to have killed hundreds": another source's
    // figure for the same deaths, not more deaths. ACLED codes the lowest:
    // a lower exact figure replaces the first ("Amnesty said at least 66
    // were killed; officials put the toll at 19": 19), a higher or vague
    // one ("plusieurs centaines") is left out.
    // The words between the last count kept and `q`, lower-cased (none
    // when they overlap: "more than 100 protesters" and "100").
    let gap_after = |q: &veille_core::Quantity, spans: &[Span]| {
        let p = spans.last()?;
        text.get(p.end..q.span.start).map(str::to_lowercase)
    };
    let alternative = |q: &veille_core::Quantity, spans: &[Span]| {
        gap_after(q, spans).is_some_and(|gap| {
            // (not "an estimated 30 militants": a count of its own)
            [
                "put the toll",
                "put the death toll",
                "put the number",
                "other estimates",
                "some estimates",
                "estimates put",
                "estimated the toll",
                "estimated the death toll",
                "claimed to have killed",
                "claimed it killed",
                "claimed it had killed",
                "claims to have killed",
                "claimed the killing of",
                "d'autres estimations",
                "estimations avancent",
                "avancent un bilan",
                "avance un bilan",
                "avancé un bilan",
                "avancé le chiffre",
                "avance le chiffre",
                "avancent le chiffre",
                "put the figure",
                "revendiqué la mort",
                "revendique la mort",
                // ("... put the toll at 46 dead; a collective later claimed
                // that 210 people had been killed")
                "claimed that",
                "claims that",
                "selon d'autres",
                "other sources",
                "d'autres sources",
            ]
            .iter()
            .any(|c| gap.contains(c))
            // "at least four gunmen dead, while residents said more than a
            // dozen bodies ...": another source's word.
            || ["while ", "whereas ", "but ", "tandis qu", "alors qu", "mais "].iter().any(|w| {
                gap.find(w).is_some_and(|i| {
                    let rest = &gap[i..];
                    [" said", " say", " reported", " told", " put ", " gave", " affirm", " confirm", " parlent", " évoqu", " font état", " selon"]
                        .iter()
                        .any(|v| rest.contains(v))
                })
            })
        })
    };
    // "killed at least 79 people ..., raising an earlier toll of 50": the
    // figure the count replaced.
    let superseded = |q: &veille_core::Quantity, spans: &[Span]| {
        gap_after(q, spans).is_some_and(|gap| {
            [
                "earlier toll",
                "previous toll",
                "initial toll",
                "earlier figure",
                "previous figure",
                "précédent bilan",
                "bilan précédent",
                "bilan initial",
                "premier bilan",
            ]
            .iter()
            .any(|c| gap.contains(c))
        })
    };
    // "Police initially reported 41 dead; the prosecutor's office later put
    // the toll at 46", "le bilan s'est ensuite alourdi à 12": an update
    // replaces the earlier figure (ACLED codes the latest report).
    let updated = |q: &veille_core::Quantity, spans: &[Span]| {
        spans.last().is_some_and(|p| {
            let Some(gap) = text.get(p.end..q.span.start) else {
                return false;
            };
            let gap = gap.to_lowercase();
            toll_update(&gap) || WORDS.total_words.iter().any(|w| gap.contains(w))
        })
    };
    // "25 deaths across the country that day", "un bilan d'une cinquantaine
    // de morts pour tout le pays", "22 morts depuis le début du mouvement":
    // a national or running total, not this event's toll.
    let overall = |q: &veille_core::Quantity| {
        let rest = within(Span::new(q.span.end, sspan.end));
        let rest = &rest[..rest.find([';', '.']).unwrap_or(rest.len())];
        let rest = &rest[..rest.floor_char_boundary(60)];
        let before = within(Span::new(sspan.start, q.span.start));
        let before = &before[before.ceil_char_boundary(before.len().saturating_sub(30))..];
        [
            "across the country",
            "nationwide",
            "throughout the country",
            "nationally",
            "since the start",
            "since the beginning",
            "since the protests began",
            "so far this year",
            "dans tout le pays",
            "pour tout le pays",
            "pour l'ensemble du pays",
            "à travers le pays",
            "depuis le début",
            "depuis le 1er",
        ]
        .iter()
        .any(|c| rest.contains(c))
            || [
                "nationwide",
                "national toll",
                "bilan national",
                "overall toll",
            ]
            .iter()
            .any(|c| before.contains(c))
    };
    // "The rebels claimed to have killed 47 soldiers": a side's claim is
    // no toll, even when it is the first count of its clause.
    let may_claim = ["claim", "affirm", "revendiqu"]
        .iter()
        .any(|c| clause_lower.contains(c));
    // (A claim stops at a semicolon: "revendique la mort d'environ 200
    // soldats ; des sources locales font état d'au moins une centaine de
    // tués" counts the hundred.)
    let claimed = |q: &veille_core::Quantity| {
        let before = within(Span::new(sspan.start, q.span.start));
        let own = before.rsplit(';').next().unwrap_or_default();
        may_claim && WORDS.kill_claims.iter().any(|c| own.contains(c))
    };
    // "Trois kamikazes, dont deux femmes, se sont fait exploser": a count
    // in an aside of parts ("dont", "including") is part of the count
    // before it, never a toll of its own.
    let part_of = |q: &veille_core::Quantity| {
        let from = text.floor_char_boundary(q.span.start.saturating_sub(24).max(sspan.start));
        let before = lower_same_len(&text[from..q.span.start]);
        let before = before.trim_end();
        PART_ASIDES
            .iter()
            .map(|c| c.trim_end())
            .chain([", parmi eux"])
            .any(|c| before.ends_with(c))
    };
    for q in &quantities {
        if overall(q) || spans.is_empty() && claimed(q) || part_of(q) {
            continue;
        }
        if updated(q, &spans) {
            // ("Local sources later put the toll at around 160": a rough
            // figure from elsewhere, not a revision; ACLED keeps the lowest.)
            if q.low != Some(q.value) {
                continue;
            }
            total = 0;
            spans.clear();
        } else if superseded(q, &spans) {
            continue;
        } else if alternative(q, &spans) {
            // ("three people were killed, while police confirmed one death":
            // one)
            if spans.len() == 1 && q.low == Some(q.value) && q.value < total {
                total = q.value;
                spans = vec![q.span];
            }
            continue;
        }
        let Some(head) = q.head.as_deref() else {
            // A bare number is a toll only right after one ("the toll has
            // risen to nearly 20,").
            if next_to_death(q) {
                total += q.value;
                spans.push(q.span);
            }
            continue;
        };
        let words: Vec<&str> = head.split(' ').collect();
        // The noun counted ("six Nigerien soldiers" counts soldiers).
        let counted = q.unit.as_deref().unwrap_or(words[0]);
        let person = lex.people.iter().any(|p| p == counted || p == words[0]);
        if !person {
            // Any other noun counts people when the count sits right next to
            // a death word ("killed 4 fishermen", "11 VDP were killed"),
            // unless it names things ("killed 40 cattle").
            let thing = lex.things.iter().any(|t| t == counted || t == words[0]);
            // ("killing more than 100 soldiers, two security sources said":
            // who told it)
            let informants = words
                .iter()
                .take(2)
                .any(|w| matches!(*w, "sources" | "source" | "witnesses" | "témoins"));
            if thing || informants || !(joined_to_death || next_to_death(q)) {
                continue;
            }
        }
        // "abducted 31 worshippers": the verb before the count says who they are.
        let not_deaths = lex.not_dead.iter().chain(&lex.injured).chain(&lex.abducted);
        if words_before(text, q.span.start, 2)
            .iter()
            .any(|w| not_deaths.clone().any(|n| n == w))
        {
            continue;
        }
        // With no count next to a death word, a count whose own verb, a
        // few words on, is an injury or an abduction is no toll ("a été
        // tué et six autres journalistes, dont deux de l'AFP, ont été
        // blessés": one dead, six wounded).
        if !joined_to_death && own_verb_spares(text, q.span.end, sspan.end, lex) {
            continue;
        }
        // (Up to a conjunction: "six morts et 81 blessés" are six dead.)
        let head3 = words
            .iter()
            .take(3)
            .take_while(|w| !["and", "et", "or", "ou"].contains(w))
            .copied()
            .collect::<Vec<_>>()
            .join(" ");
        if lex
            .not_dead
            .iter()
            .any(|n| head3.split(' ').any(|w| w == n) || head3.starts_with(n.as_str()))
            && !named_victims_die(&words, lex)
        {
            continue;
        }
        total += q.value;
        spans.push(q.span);
    }
    if !spans.is_empty() {
        // "killing herself and 8 others": the bomber too.
        // (Lowered byte for byte: the offset below must stay one of `text`.)
        let before = lower_same_len(&text[sspan.start..spans[0].start]);
        let before = before.trim_end();
        let start = ["himself and", "herself and", "lui-même et", "elle-même et"]
            .iter()
            .find(|p| before.ends_with(*p))
            .map(|p| {
                total += 1;
                sspan.start + before.len() - p.len()
            })
            .unwrap_or(spans[0].start);
        // "killed an indigenous leader and four members of the guard": one
        // person joined before the count.
        let start = match one_more_before(before, lex) {
            Some(at) if start == spans[0].start => {
                total += 1;
                sspan.start + at
            }
            _ => start,
        };
        // "killing three soldiers and a civilian who was walking nearby",
        // "13 civils ... et la kamikaze": one more person after the count.
        let last = spans[spans.len() - 1].end;
        let mut end = last;
        if let Some(one) = one_more_after(text, last, sspan.end, lex) {
            total += 1;
            end = one;
        } else if let Some(bomber) = bomber_too(text, last, sspan.end) {
            total += 1;
            end = bomber;
        }
        let whole = Span::new(start, end);
        return (Some(total), Some(whole), spans);
    }
    // "a soldier was killed", "an unmarried couple ... stoned to death"
    static SINGULAR: OnceLock<Regex> = OnceLock::new();
    let re = SINGULAR.get_or_init(|| {
        Regex::new(r"(?i)\b(?:a|an|one|un|une|the|le|la|his|her|their|son|sa|leur)\s+")
            .expect("singular")
    });
    let sentence = sspan.of(text);
    let lower = sentence.to_lowercase();
    let death_at: Vec<usize> = lex
        .death_words
        .iter()
        .flat_map(|d| lower.match_indices(d.as_str()).map(|(i, _)| i))
        .collect();
    for article in re.find_iter(sentence) {
        // The up to four words after the article, within the phrase ("a
        // senior Islamic Jihad commander").
        let rest = &sentence[article.end()..];
        // (a definite one only as the subject of its death: "le jeune
        // homme est mort sur place", "the driver was killed")
        // (and so is a possessive one: "his bodyguard was killed", "son
        // chauffeur a été tué")
        let definite = matches!(
            article.as_str().trim().to_lowercase().as_str(),
            "the" | "le" | "la" | "his" | "her" | "their" | "son" | "sa" | "leur"
        );
        if definite && !dies_after(rest) {
            continue;
        }
        let phrase = &rest[..rest
            .find([',', ';', '.', ':', '(', ')'])
            .unwrap_or(rest.len())];
        let words: Vec<(usize, &str)> = phrase
            .split_whitespace()
            .take(4)
            .map(|w| (w.as_ptr() as usize - sentence.as_ptr() as usize, w))
            .collect();
        let Some(&(_, first)) = words.first() else {
            continue;
        };
        let end_of = |&(at, w): &(usize, &str)| at + w.len();
        // Only next to a death word: "a health worker said" is no toll.
        let last_end = words.last().map_or(article.end(), end_of);
        // (or the subject of a passive death further on, past where it
        // was: "A Christian student at a college in northwestern Nigeria
        // was beaten to death")
        let passive_death = || {
            // (`lower` may differ from the sentence in bytes: no slice
            // off a character's middle)
            if !lower.is_char_boundary(last_end.min(lower.len())) {
                return false;
            }
            let last_end = last_end.min(lower.len());
            let after =
                &lower[last_end..lower.floor_char_boundary((last_end + 80).min(lower.len()))];
            let Some(verb) = [" was ", " a été "]
                .iter()
                .filter_map(|v| after.find(v).map(|i| i + v.len()))
                .min()
            else {
                return false;
            };
            !after[..verb].contains([',', ';'])
                && death_at
                    .iter()
                    .any(|&d| d >= last_end + verb && d <= last_end + verb + 16)
        };
        if !death_at
            .iter()
            .any(|&d| d.abs_diff(article.start()) <= 40 || d.abs_diff(last_end) <= 40)
            && !passive_death()
        {
            continue;
        }
        // Who killed is not who died ("the killing of a teenager by a
        // police officer"), nor who speaks ("one protester told Reuters"),
        // nor one of the dead already counted ("Les victimes, dont un
        // adolescent").
        let before = lower[..article.start()].trim_end();
        if [
            " by",
            " par",
            "dont",
            "including",
            "among them",
            "parmi eux",
        ]
        .iter()
        .any(|w| before.ends_with(w))
        {
            continue;
        }
        if speaker(&lower[article.end()..]) {
            continue;
        }
        let span_to = |end: usize| Span::new(sspan.start + article.start(), sspan.start + end);
        // "a 19-year-old", "un jeune de 17 ans": one person.
        let first = first.to_lowercase();
        if first.ends_with("-year-old") && first.starts_with(|ch: char| ch.is_ascii_digit()) {
            let span = span_to(end_of(&words[0]));
            return (Some(1), Some(span), vec![span]);
        }
        // "a former army soldier", "an unmarried couple" (adjective, noun)
        // or "a man accused" (noun): the last word naming people.
        for w in words.iter().rev() {
            let word = w.1.trim_matches(|c: char| !c.is_alphanumeric());
            if let Some(&n) = lex.singular.get(&word.to_lowercase()) {
                let span = span_to(end_of(w));
                let n = n + u64::from(n == 1 && companion_after(text, span.end, sspan.end));
                return (Some(n), Some(span), vec![span]);
            }
        }
        // "Gunmen shot dead a polio vaccinator": right after a killing
        // verb, "a" or "an" and a noun phrase is one victim whatever the
        // noun, unless it names things ("killed a cow") or an amount ("a
        // number of", "a dozen").
        let indefinite = matches!(article.as_str().trim().to_lowercase().as_str(), "a" | "an");
        if indefinite && WORDS.killed_words.iter().any(|k| before.ends_with(k)) {
            // (the noun phrase ends before a preposition or a relative word)
            let noun_phrase: Vec<&(usize, &str)> = words
                .iter()
                .take_while(|(_, w)| {
                    !matches!(
                        *w,
                        "in" | "at"
                            | "on"
                            | "near"
                            | "as"
                            | "who"
                            | "whom"
                            | "from"
                            | "during"
                            | "outside"
                            | "inside"
                            | "and"
                            | "with"
                            | "after"
                            | "while"
                    )
                })
                .collect();
            let cleaned = |w: &str| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            };
            let thing = noun_phrase.iter().any(|(_, w)| {
                let w = cleaned(w);
                WORDS.amount_nouns.contains(&w.as_str())
                    || lex.things.iter().any(|t| *t == w || *t == format!("{w}s"))
            });
            if let (false, Some(last)) = (thing, noun_phrase.last()) {
                let span = span_to(end_of(last));
                return (Some(1), Some(span), vec![span]);
            }
        }
    }
    // "He died at the scene", "the driver later died of his injuries".
    static ONE_DIED: OnceLock<Regex> = OnceLock::new();
    let re = ONE_DIED.get_or_init(|| {
        Regex::new(
            r"(?i)\b(?:(?:he|she|il|elle)|(?:the|le|la|l')\s*([\p{L}-]+))\s+(?:later\s+|subsequently\s+|then\s+|also\s+|ensuite\s+|plus tard\s+)?(?:had\s+|has\s+)?(?:died|succumbed|was killed|was shot dead|est mort|est morte|est décédée?|a succombé|a été tuée?)\b",
        )
        .expect("one died")
    });
    if let Some(c) = re.captures(sentence) {
        let one = c
            .get(1)
            .is_none_or(|w| lex.singular.get(&w.as_str().to_lowercase()) == Some(&1));
        if one {
            let m = c.get(0).expect("match");
            let span = Span::new(sspan.start + m.start(), sspan.start + m.end());
            return (Some(1), Some(span), vec![span]);
        }
    }
    // "Journalist Lourdes Maldonado was shot dead", "killing student Abu
    // Sayed", "Fernando Villavicencio a été abattu": a person named by a
    // first and last name is one death.
    static NAMED: OnceLock<Regex> = OnceLock::new();
    let re = NAMED.get_or_init(|| {
        let name = r"\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}[\p{Ll}'’-]+){1,3}";
        Regex::new(&format!(
            r"(?:^|[^\p{{L}}])({name})(?:,[^,]{{1,60}},)?\s+(?:was|has been|had been|a été|avait été)\s+(?:shot dead|shot and killed|killed|assassinated|murdered|gunned down|stabbed to death|beaten to death|lynched|tué|tuée|abattu|abattue|assassiné|assassinée)\b"
        ))
        .expect("named person")
    });
    let after_verb = named_after_killing(sentence);
    let matches = re
        .captures_iter(sentence)
        .filter_map(|c| c.get(1))
        .map(|m| (m.start(), m.as_str()))
        .chain(after_verb);
    for (_, name) in matches {
        // Two or more capitalised words after any leading people noun
        // ("Journalist Lourdes Maldonado"), none a people noun and together
        // no actor of the lexicon ("Abu Sayed", not "Islamic State" nor
        // "Boko Haram").
        let people_noun = |w: &str| {
            let w = w.to_lowercase();
            lex.people.contains(&w) || lex.singular.contains_key(&w)
        };
        let all: Vec<(usize, &str)> = name
            .split_whitespace()
            .map(|w| (w.as_ptr() as usize - sentence.as_ptr() as usize, w))
            .collect();
        let civilian = |w: &str| lex.civilian_words.contains(&w.to_lowercase());
        let lead = all
            .iter()
            .take_while(|(_, w)| people_noun(w) || civilian(w))
            .count();
        let words = &all[lead..];
        // (not a group: "Islamic State", "Boko Haram")
        let rest = words
            .iter()
            .map(|(_, w)| w.to_lowercase())
            .collect::<Vec<_>>()
            .join(" ");
        let actor_or_group = lex.alias_words.contains(&rest)
            || lex
                .alias_phrases
                .iter()
                .any(|al| rest.contains(al.as_str()));
        if actor_or_group || words.len() < 2 || words.iter().any(|(_, w)| people_noun(w)) {
            continue;
        }
        let (start, last) = (words[0].0, words[words.len() - 1]);
        let span = Span::new(sspan.start + start, sspan.start + last.0 + last.1.len());
        let n = 1 + u64::from(companion_after(text, span.end, sspan.end));
        return (Some(n), Some(span), vec![span]);
    }
    (None, None, vec![])
}

/// The names right after a verb of killing ("killing student protester Abu
/// Sayed", "killed Afghan Taliban leader Mullah Akhtar Mansour as he
/// travelled", "shot dead city councillor Marielle Franco (PSOL)"): of
/// the capitalised runs before the phrase ends (a comma, a bracket, "in",
/// "as", "à" ...), the last one; its offset in `sentence` and its text.
fn named_after_killing(sentence: &str) -> Vec<(usize, &str)> {
    static VERB: OnceLock<Regex> = OnceLock::new();
    let verb = VERB.get_or_init(|| {
        Regex::new(r"(?i)\b(?:killing|killed|assassinating|assassinated|murdering|murdered|shot dead|shooting dead|gunned down|tuant|assassinant|a tué|ont tué|a assassiné|ont assassiné)\s+")
            .expect("killing verb")
    });
    const STOPS: &[&str] = &[
        "in", "at", "on", "near", "as", "while", "when", "after", "and", "à", "dans", "près",
        "alors", "lors", "et",
    ];
    const PARTICLES: &[&str] = &[
        "de", "da", "del", "dos", "bin", "ben", "van", "von", "el", "al",
    ];
    let mut out = Vec::new();
    for v in verb.find_iter(sentence) {
        // (not "the killing of ...", nor a killing the clause gives as a
        // reason or an occasion: "in retaliation for the US drone strike
        // that killed ... Qassem Soleimani", "marking the anniversary of")
        let clause_start = sentence[..v.start()].rfind([';', ':']).map_or(0, |i| i + 1);
        let before = sentence[clause_start..v.start()].to_lowercase();
        let reason = WORDS.reason_cues.iter().any(|c| before.contains(c));
        if reason
            || sentence[v.end()..].starts_with(['o', 'd']) && {
                let next = sentence[v.end()..].split_whitespace().next().unwrap_or("");
                matches!(next, "of" | "de" | "du" | "des")
            }
        {
            continue;
        }
        let rest = &sentence[v.end()..];
        let phrase = &rest[..rest
            .find([',', ';', '.', ':', '(', '"'])
            .unwrap_or(rest.len())];
        let mut runs: Vec<(usize, usize)> = Vec::new();
        let mut current: Option<(usize, usize)> = None;
        for w in phrase.split_whitespace().take(10) {
            if STOPS.contains(&w) {
                break;
            }
            let at = w.as_ptr() as usize - sentence.as_ptr() as usize;
            let capital = w.starts_with(|c: char| c.is_uppercase());
            let particle = PARTICLES.contains(&w) || w.starts_with("al-") || w.starts_with("el-");
            match (&mut current, capital, particle) {
                (Some(r), _, true) | (Some(r), true, _) => r.1 = at + w.len(),
                (None, true, _) => current = Some((at, at + w.len())),
                (cur, _, _) => {
                    if let Some(r) = cur.take() {
                        runs.push(r);
                    }
                }
            }
        }
        runs.extend(current);
        if let Some(&(start, end)) = runs.last() {
            let text = &sentence[start..end];
            let words: Vec<&str> = text.split_whitespace().collect();
            if words.len() >= 2 && !words.last().is_some_and(|w| PARTICLES.contains(w)) {
                out.push((start, text));
            }
        }
    }
    out
}

/// "... Marielle Franco (PSOL) and her driver", "Baha Abu al-Ata, and his
/// wife", "et son chauffeur": one more person killed with the one named.
fn companion_after(text: &str, from: usize, end: usize) -> bool {
    static COMPANION: OnceLock<Regex> = OnceLock::new();
    let re = COMPANION.get_or_init(|| {
        Regex::new(r"(?i)^(?:\s*\([^)]{1,30}\))?(?:,[^,]{1,40})?,?\s+(?:and|et)\s+(?:his|her|their|son|sa)\s+(?:wife|husband|son|daughter|driver|bodyguard|brother|sister|child|mother|father|épouse|femme|mari|fils|fille|chauffeur|frère|sœur|garde du corps)\b")
            .expect("companion")
    });
    let to = text.ceil_char_boundary((from + 80).min(end));
    re.is_match(&text[from..to])
}

/// "three soldiers and a civilian", "13 civils, dont huit enfants, et la
/// kamikaze": one person joined to a count right after its noun (an aside
/// between commas skipped), as the end of those words.
fn one_more_after(text: &str, from: usize, end: usize, lex: &Lexicon) -> Option<usize> {
    static ONE: OnceLock<Regex> = OnceLock::new();
    let re = ONE.get_or_init(|| {
        Regex::new(r"(?i)^\s+[\p{L}-]+(?:\s+[\p{L}-]+)?(?:,[^,]{1,40},)?\s+(?:and|et)\s+(?:a|an|one|un|une|the|le|la|their|his|her|leur|son|sa)\s+([\p{L}-]+)(?:\s+([\p{L}-]+))?")
            .expect("one more")
    });
    let to = text.ceil_char_boundary((from + 90).min(end));
    let c = re.captures(&text[from..to])?;
    let article = c.get(0)?.as_str().to_lowercase();
    let definite = [" the ", " le ", " la "]
        .iter()
        .any(|a| article.contains(a));
    // The noun, or the word after an adjective ("a Somali civilian").
    [c.get(1), c.get(2)].into_iter().flatten().find_map(|noun| {
        let word = noun.as_str().to_lowercase();
        let bomber = matches!(
            word.as_str(),
            "bomber" | "kamikaze" | "attacker" | "assailant" | "gunman" | "assaillant"
        );
        // ("a civilian", not "the soldiers' commander" nor "a few"; the
        // bomber named with "the")
        let one = lex.singular.get(&word) == Some(&1) && !definite;
        (one || bomber).then(|| from + noun.end())
    })
}

/// The toll of a list of people as the subject of a passive death ("Six
/// humanitaires ..., leur guide et leur chauffeur nigériens ont été tués":
/// 8; "L'ambassadeur d'Italie ..., Luca Attanasio, un carabinier de son
/// escorte et leur chauffeur congolais ont été tués": 3) or as the object of
/// a killing ("killed six French aid workers, their Nigerien guide and
/// their driver on Sunday": 8); see [`list_toll`].
fn subject_list_toll(
    text: &str,
    sspan: Span,
    lower: &str,
    quantities: &[&veille_core::Quantity],
    is_death: &dyn Fn(&str) -> bool,
    source: Option<Span>,
) -> Option<(u64, Span, Vec<Span>)> {
    if let Some(at) = passive_deaths(
        lower,
        &[" ont été ", " were ", " have been ", " had been "],
        is_death,
    )
    .min()
    {
        // (after a dateline: "NIAMEY, 9 août (AFP) - Six humanitaires")
        let start = [" - ", " – ", " — "]
            .iter()
            .filter_map(|d| lower[..at].rfind(d).map(|i| i + d.len()))
            .max()
            .unwrap_or(0);
        return list_toll(text, sspan, start, at, quantities, false);
    }
    // The object of an active killing, up to the first word of when or
    // where.
    // (the clause may start with the verb: "killing 12 soldiers, ...")
    let (verb, len) = ["killed ", "killing ", "ont tué ", "a tué ", "tuant "]
        .iter()
        .filter_map(|v| {
            lower
                .match_indices(v)
                .find(|(i, _)| *i == 0 || lower[..*i].ends_with(' '))
                .map(|(i, _)| (i, v.len()))
        })
        .min()?;
    let start = verb + len;
    let rest = &lower[start..];
    let end = [
        " on ",
        " in ",
        " at ",
        " near ",
        " during ",
        " when ",
        " as ",
        " after ",
        " before ",
        " while ",
        " dans ",
        " à ",
        " au ",
        " près ",
        " lors ",
        " le ",
        " lundi",
        " mardi",
        " mercredi",
        " jeudi",
        " vendredi",
        " samedi",
        " dimanche",
        " pendant ",
        " après ",
        " avant ",
        " alors ",
        " selon ",
        ", according",
        ", said",
    ]
    .iter()
    .filter_map(|c| rest.find(c))
    .min()
    .unwrap_or(rest.len());
    // (one item is no list: nothing more to read)
    if list_separators(&rest[..end]).is_empty() {
        return None;
    }
    // (nor who said it: "..., a volunteer, the army said")
    let end = source
        .map(|s| s.start - sspan.start)
        .filter(|&s| s > start)
        .map(|s| lower[..s].trim_end_matches([' ', ',']).len() - start)
        .map_or(end, |a| a.min(end));
    list_toll(text, sspan, start, start + end, quantities, true)
}

/// The toll of the list of people in `clause[start..end]`: a count is its
/// value, a determiner and a singular noun one person, a name after an item
/// that item's apposition. Only for lists of at least two items, one of
/// them a single person; the toll, its span and the counts' spans.
fn list_toll(
    text: &str,
    sspan: Span,
    start: usize,
    at: usize,
    quantities: &[&veille_core::Quantity],
    names: bool,
) -> Option<(u64, Span, Vec<Span>)> {
    let clause = sspan.of(text);
    let subject = &clause[start..at];
    if subject.contains(['(', ')', ';', ':', '"', '«']) {
        return None;
    }
    // Items: split at commas and at the conjunctions.
    let mut items: Vec<(usize, &str)> = Vec::new();
    let mut from = 0;
    let sep = list_separators(subject);
    for (s, e) in sep {
        items.push((from, &subject[from..s]));
        from = e;
    }
    items.push((from, &subject[from..]));
    let (mut total, mut people, mut counted, mut named) = (0u64, 0usize, 0usize, 0usize);
    // (the count that opens the list, if one does)
    let mut first_count = None;
    let mut spans = Vec::new();
    // (whether the item before was a determiner's person, whom a name
    // after it is)
    let mut titled = false;
    for (k, (off, item)) in items.iter().enumerate() {
        let item_start = sspan.start + start + off + (item.len() - item.trim_start().len());
        let item = item.trim();
        let first = item.split_whitespace().next()?;
        let first_lower = first.to_lowercase();
        if let Some(q) = quantities.iter().find(|q| q.span.start == item_start) {
            if k == 0 {
                first_count = Some(q.value);
            }
            total += q.value;
            counted += 1;
            spans.push(q.span);
            titled = false;
            continue;
        }
        // (no count inside a person's item: "The army said 12 soldiers",
        // "an estimated 30 militants")
        let item_end = item_start + item.len();
        if quantities
            .iter()
            .any(|q| q.span.start > item_start && q.span.start < item_end)
        {
            return None;
        }
        let elided = ["l'", "l’"].iter().any(|d| first_lower.starts_with(d));
        let determiner = elided
            || [
                "le", "la", "leur", "son", "sa", "un", "une", "the", "a", "an", "his", "her",
                "its", "their",
            ]
            .contains(&first_lower.as_str());
        if determiner {
            // (a plural noun after the determiner: "their drivers")
            let noun = if elided {
                first_lower
                    .trim_start_matches("l'")
                    .trim_start_matches("l’")
                    .to_string()
            } else {
                item.split_whitespace().nth(1)?.to_lowercase()
            };
            if noun.is_empty()
                || noun.ends_with(['s', 'x'])
                || noun.starts_with(|c: char| c.is_ascii_digit())
            {
                return None;
            }
            total += 1;
            counted += 1;
            people += 1;
            titled = true;
        } else if k > 0 && titled && first.starts_with(|c: char| c.is_uppercase()) {
            // an apposition: "..., Luca Attanasio, ..."
            titled = false;
        } else if names && person_named(item) {
            // a person by name: "killing IRGC Quds Force commander Qassem
            // Soleimani, ... Abu Mahdi al-Muhandis and eight others"
            total += 1;
            counted += 1;
            people += 1;
            named += 1;
        } else {
            return None;
        }
    }
    // (names alone are no list of the dead: a count or a person told by a
    // determiner among them)
    if counted < 2 || people == 0 || named == counted {
        return None;
    }
    // "Deux journalistes de la chaîne, la correspondante Farah Omar et le
    // caméraman Rabih Maamari, ont été tués": the people after a count
    // that are as many as it name them, an apposition.
    if let Some(n) = first_count.filter(|&n| people as u64 == n && counted == people + 1) {
        total = n;
    }
    let whole = Span::new(sspan.start + start, sspan.start + at);
    if spans.is_empty() {
        spans.push(whole);
    }
    Some((total, whole, spans))
}

/// Whether a list's item names a person: two to ten words, no digit, a
/// capitalised first word that is no preposition, and a last word that is
/// a capitalised name, not an acronym ("IRGC Quds Force commander Qassem
/// Soleimani", "Abu Mahdi al-Muhandis"; not "VDP", "On 20 May").
fn person_named(item: &str) -> bool {
    let words: Vec<&str> = item.split_whitespace().collect();
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    let surname = last.rsplit('-').next().is_some_and(|w| {
        w.starts_with(char::is_uppercase) && w.chars().skip(1).any(char::is_lowercase)
    });
    (2..=10).contains(&words.len())
        && !item.chars().any(|c| c.is_ascii_digit())
        && first.starts_with(char::is_uppercase)
        && ![
            "On",
            "In",
            "At",
            "Le",
            "La",
            "Les",
            "En",
            "Au",
            "Selon",
            "According",
        ]
        .contains(first)
        && surname
        && !words.iter().any(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "said" | "says" | "told" | "reported" | "selon" | "according"
            )
        })
}

/// Where a list of people splits into items: ", ", " et ", " and ", ", et
/// ", ", and " (start and end of each separator in `s`).
fn list_separators(s: &str) -> Vec<(usize, usize)> {
    static SEP: OnceLock<Regex> = OnceLock::new();
    let re = SEP.get_or_init(|| Regex::new(r",?\s+(?:et|and)\s+|,\s+").expect("list separator"));
    re.find_iter(s).map(|m| (m.start(), m.end())).collect()
}

/// Where each auxiliary of `auxiliaries` (with its spaces: " were ") stands
/// right before a death word, within two words ("were shot dead", "ont été
/// tués"), in `lower`: offsets of the auxiliaries, in the order of the list.
fn passive_deaths<'a>(
    lower: &'a str,
    auxiliaries: &'a [&'a str],
    is_death: &'a dyn Fn(&str) -> bool,
) -> impl Iterator<Item = usize> + 'a {
    auxiliaries.iter().flat_map(move |aux| {
        lower.match_indices(aux).filter_map(move |(i, a)| {
            let after = &lower[i + a.len()..];
            after.split_whitespace().take(2).any(is_death).then_some(i)
        })
    })
}

/// "a man was shot dead", "un policier a été tué": one person, told by an
/// article and a singular noun, as the subject of a passive death word;
/// where the article starts in `lower`.
fn singular_passive_death(
    lower: &str,
    is_death: &dyn Fn(&str) -> bool,
    lex: &Lexicon,
) -> Option<usize> {
    for at in passive_deaths(lower, &[" was ", " a été "], is_death) {
        let words: Vec<(usize, &str)> = lower[..at]
            .split_whitespace()
            .map(|w| (w.as_ptr() as usize - lower.as_ptr() as usize, w))
            .collect();
        let Some(&(_, noun)) = words.last() else {
            continue;
        };
        let noun = noun.trim_matches(|c: char| !c.is_alphanumeric());
        if lex.singular.get(noun) != Some(&1) {
            continue;
        }
        let article = words
            .iter()
            .rev()
            .skip(1)
            .take(3)
            .find(|(_, w)| matches!(*w, "a" | "an" | "one" | "un" | "une"));
        if let Some(&(start, _)) = article {
            return Some(start);
        }
    }
    None
}

/// Whether the up to four words of `rest` are the subject of a death told
/// right after them ("jeune homme est mort", "driver was killed").
fn dies_after(rest: &str) -> bool {
    let rest = rest[..rest.floor_char_boundary(60)].to_lowercase();
    // (the offset of each word, up to the fifth, and whether a stop ends it)
    let mut words = Vec::new();
    for w in rest.split_whitespace().take(5) {
        words.push((
            w.as_ptr() as usize - rest.as_ptr() as usize,
            w.ends_with([',', ';', '.']),
        ));
    }
    for k in 1..words.len() {
        if words[k - 1].1 {
            return false;
        }
        let after = &rest[words[k].0..];
        if [
            "est mort",
            "est morte",
            "a été tué",
            "a été tuée",
            "a succombé",
            "died",
            "was killed",
            "was shot dead",
            "succumbed",
        ]
        .iter()
        .any(|d| after.starts_with(d))
        {
            return true;
        }
    }
    false
}

/// Auxiliaries of a passive death ("were killed", "ont été tués"): no word
/// between a count and its death word.
const AUXILIARIES: &[&str] = &[
    "was", "were", "been", "have", "has", "had", "is", "are", "ont", "été", "sont", "avaient",
    "avait", "étaient",
];

/// The auxiliaries of a passive: "soldiers were killed" tells
/// who died, "gunmen have killed" who killed.
const PASSIVE_AUXILIARIES: &[&str] = &[
    "was", "were", "been", "is", "are", "été", "sont", "était", "étaient",
];

/// Whether the words after a count make it one of a superlative's ("one
/// of the deadliest clashes", "one of the worst"): no count of people.
fn one_of_the_most(after: &str) -> bool {
    let mut words = after.split_whitespace();
    words.next() == Some("of")
        && words
            .next()
            .is_some_and(|d| ["the", "its", "their", "his", "her"].contains(&d))
        && words.next().is_some_and(|w| {
            let w = w.trim_end_matches(|c: char| !c.is_alphanumeric());
            w.ends_with("iest") && w != "priest" || WORDS.superlatives.contains(&w)
        })
}

/// "an indigenous leader and four members", "Un soldat et trois civils",
/// "un soldat a été tué et sept assaillants": one person joined right
/// before a count; where those words start in
/// `before` (the lowered words before the count, trimmed).
fn one_more_before(before: &str, lex: &Lexicon) -> Option<usize> {
    static ONE: OnceLock<Regex> = OnceLock::new();
    let re = ONE.get_or_init(|| {
        Regex::new(r"(?i)\b(?:a|an|one|un|une|their|his|her|leur|son|sa)((?:\s+[\p{L}-]+){1,3}?)(?:\s+(?:was|a\s+été)\s+(?:killed|shot\s+dead|tuée?|abattue?))?\s+(?:and|et)$")
            .expect("one more before")
    });
    let c = re.captures(before)?;
    // (the noun is the last word: "an indigenous leader", "a civilian", "a
    // police head constable")
    let noun = c.get(1)?.as_str().split_whitespace().last()?;
    (lex.singular.get(noun) == Some(&1)).then(|| c.get(0).map_or(0, |m| m.start()))
}

/// "... were killed, as well as the bomber", "; the bomber was also
/// killed", "ainsi que le kamikaze", "killing 21 cadets and himself": the
/// bomber died too, told after the count (ACLED counts the bomber); the end
/// of those words.
fn bomber_too(text: &str, from: usize, end: usize) -> Option<usize> {
    static BOMBER: OnceLock<Regex> = OnceLock::new();
    let re = BOMBER.get_or_init(|| {
        Regex::new(
            r"(?i)^(?:\s+[\p{L}-]+(?:\s+[\p{L}-]+)?\s+(?:and|et)\s+(?:himself|herself|lui-même|elle-même)\b|[^.]{0,80}?(?:\b(?:as well as|along with|ainsi que)\s+(?:the|le|la)\s+(?:suicide\s+)?(?:bomber|kamikaze)\b|\b(?:the|le|la)\s+(?:suicide\s+)?(?:bomber|kamikaze)\s+(?:was also killed|also died|a également été tuée?|a aussi été tuée?|est également morte?)\b))",
        )
        .expect("bomber too")
    });
    let to = text.ceil_char_boundary((from + 140).min(end));
    re.find(&text[from..to]).map(|m| from + m.end())
}

/// Whether the words after a count, up to eight (an aside between commas
/// skipped) and before a conjunction or a stop, hold an injury,
/// abduction or survival word ("six autres journalistes, dont deux de
/// l'AFP, ont été blessés").
/// Whether the people a count names by what befell them first are said to
/// die right after: "soixante déplacés ont été tués", "60 displaced people
/// were killed", "two detained men were executed" (the count's first words,
/// up to a comma or a conjunction). Not the missing, who are only feared dead.
fn named_victims_die(head: &[&str], lex: &Lexicon) -> bool {
    if matches!(head.first(), Some(&("missing" | "disparus" | "portés"))) {
        return false;
    }
    head.iter()
        .skip(1)
        .take(4)
        .take_while(|w| !matches!(**w, "," | ";" | "and" | "et" | "or" | "ou" | "but" | "mais"))
        .any(|w| lex.death_words.iter().any(|d| d == w))
}

fn own_verb_spares(text: &str, from: usize, end: usize, lex: &Lexicon) -> bool {
    // (eight words and an aside fit in 160 bytes)
    let end = text.floor_char_boundary(end.min(from + 160));
    let after = text[from..end].to_lowercase();
    let after = match after.split_once(',') {
        Some((head, rest)) if head.split_whitespace().count() <= 3 => {
            let rest = rest.split_once(',').map_or(rest, |(_, r)| r);
            format!("{head} {rest}")
        }
        _ => after,
    };
    let spares = lex.injured.iter().chain(&lex.abducted).chain(&lex.not_dead);
    after
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .take(8)
        .take_while(|w| !matches!(*w, "and" | "et" | "or" | "ou" | "while" | "but" | "mais"))
        .any(|w| spares.clone().any(|n| n == w))
}

/// Counts of injured and of abducted people in a clause: counts with an
/// injury or abduction word right after them ("five were wounded") or right
/// before them ("abducted 31 worshippers").
fn casualties(
    text: &str,
    quantities: &[&veille_core::Quantity],
    dead: &[Span],
    lex: &Lexicon,
) -> (Option<u64>, Option<u64>) {
    let (mut injured, mut abducted) = (None, None);
    // (not a count of the dead: "19 hostages and two attackers were killed")
    for q in quantities.iter().filter(|q| !dead.contains(&q.span)) {
        // Two words after the count: "five were wounded", "15 people injured".
        let after: Vec<&str> = q.head.as_deref().unwrap_or("").split(' ').take(2).collect();
        let before = words_before(text, q.span.start, 2);
        let has = |list: &[String]| {
            after
                .iter()
                .copied()
                .chain(before.iter().map(String::as_str))
                .any(|w| list.iter().any(|x| x == w))
        };
        if has(&lex.injured) {
            *injured.get_or_insert(0) += q.value;
        } else if has(&lex.abducted) {
            *abducted.get_or_insert(0) += q.value;
        }
    }
    (injured, abducted)
}

/// The last `n` words before byte `at`, lower-cased, nearest first, not
/// past a conjunction: the words of the count's own phrase ("19 hostages
/// and two attackers were killed": none before "two").
fn words_before(text: &str, at: usize, n: usize) -> Vec<String> {
    text[..at]
        .split_whitespace()
        .rev()
        .map(str::to_lowercase)
        .take_while(|w| !["and", "et"].contains(&w.as_str()))
        .take(n)
        .collect()
}

/// The clause [`locate`] places: its sentence, who its report is
/// attributed to, whether it may take the place of the sentences before
/// it, and the words naming its actors.
struct PlaceClause<'a> {
    si: usize,
    source: Option<Span>,
    borrow: bool,
    actor_words: &'a [Span],
}

/// Where the clause's event happened, and the spans that say so.
fn locate(
    text: &str,
    clause: PlaceClause,
    geo: &GeoAnalysis,
    gaz: &Gazetteer,
    nlp: &Analysis,
) -> (Option<Location>, Vec<Span>) {
    let PlaceClause {
        si,
        source,
        borrow,
        actor_words,
    } = clause;
    let sspan = nlp.sentences[si].span;
    let attribution_start = source.map_or(usize::MAX, |s| s.start);
    // A source in brackets ("entre 80 000 personnes (selon la préfecture)
    // et 400 000 ... ont manifesté à Paris") holds only its own words; one
    // that ends the clause, all after it.
    let bracketed_source = source.is_some_and(|s| text[s.end..].starts_with(')'));
    let source_side_of = |t: &veille_geo::toponyms::Toponym| {
        let at = t.mention.span.start;
        match source {
            Some(s) if bracketed_source => s.start <= at && at < s.end,
            _ => at >= attribution_start,
        }
    };
    let here: Vec<&veille_geo::toponyms::Toponym> = geo
        .toponyms
        .iter()
        .filter(|t| t.sentence == si && may_be_event_place(text, sspan, t, actor_words))
        .collect();
    let resolved = |t: &&veille_geo::toponyms::Toponym| t.entry.is_some();
    let main: Vec<&veille_geo::toponyms::Toponym> = here
        .iter()
        .copied()
        .filter(resolved)
        .filter(|t| !source_side_of(t))
        .collect();
    let source_side: Vec<&veille_geo::toponyms::Toponym> = here
        .iter()
        .copied()
        .filter(resolved)
        .filter(|t| source_side_of(t))
        .collect();
    let unknown = here.iter().find(|t| t.entry.is_none());
    let rank = |t: &&veille_geo::toponyms::Toponym| match gaz.entries
        [t.entry.expect("resolved") as usize]
        .kind
    {
        Kind::Place => 0,
        Kind::Admin2 => 1,
        Kind::Admin1 => 2,
        // (continents and world regions are not among the toponyms)
        Kind::Country | Kind::Continent | Kind::WorldRegion => 3,
    };
    // "à une soixantaine de kilomètres au sud-est de Niamey", "about 200 km
    // northwest of Mogadishu": the event was not in the town but at that
    // distance and bearing from it, in the unit of the populated place
    // nearest there (geo_precision 2).
    let offset = |t: &Toponym| -> Option<Location> {
        let (km, bearing) = distance_from(text, sspan, t.mention.span)?;
        let from = t.mention.location.as_ref()?;
        let (Some(bearing), Some(lat), Some(lon)) = (bearing, from.latitude, from.longitude) else {
            return None;
        };
        if km < FAR_REFERENCE_KM {
            return None;
        }
        let at = veille_geo::destination((lat, lon), bearing, km);
        let near = gaz.nearest_place(&from.country_code, at)?;
        let mut loc = gaz.location(near, 2);
        (loc.latitude, loc.longitude) = (Some(at.0), Some(at.1));
        Some(loc)
    };
    if let Some(village) = unknown {
        // Codebook: an unknown village is coded at the nearest known larger
        // unit, with geo_precision 2; the written name is kept.
        let base = main
            .iter()
            .chain(source_side.iter())
            .filter(|t| rank(t) <= 1)
            .min_by_key(|t| rank(t));
        if let Some(b) = base {
            if let Some(mut loc) = offset(b) {
                loc.raw_name = Some(village.mention.text.clone());
                return (Some(loc), vec![village.mention.span, b.mention.span]);
            }
            let entry = &gaz.entries[b.entry.expect("resolved") as usize];
            let idx = entry.admin2.unwrap_or(b.entry.expect("resolved"));
            let mut loc = gaz.location(idx, 2);
            loc.raw_name = Some(village.mention.text.clone());
            return (Some(loc), vec![village.mention.span, b.mention.span]);
        }
    }
    let order = |t: &&veille_geo::toponyms::Toponym, sentence: Span, all: &[&Toponym]| {
        (
            bracketed(text, sentence, t, all),
            is_far_reference(text, sentence, t.mention.span),
            rank(t),
            is_origin(text, sentence, t.mention.span),
            t.mention.span.start,
        )
    };
    // "tués à Kouré, à une soixantaine de kilomètres de Niamey, a annoncé
    // le gouverneur de la région de Tillabéri": when the clause's only
    // places are points distances are measured from, a place the source
    // names (its region, its town) is nearer the event.
    let far_only = !main.is_empty()
        && main
            .iter()
            .all(|t| is_far_reference(text, sspan, t.mention.span));
    let speakers: Vec<&Toponym> = source_side
        .iter()
        .copied()
        .filter(|t| rank(t) <= 2)
        .collect();
    let main = if far_only && !speakers.is_empty() {
        speakers
    } else {
        main
    };
    // "marched through the Moroccan capital", "dans la capitale malienne",
    // "Mali's capital", "the capital of Niger": the country's capital, over
    // a country the clause names (not a distance's reference, "600 km from
    // the Malian capital", nor a destination).
    // (looked for only when the clause names nothing finer)
    let coarse = main.iter().map(&rank).min().is_none_or(|r| r >= 3);
    let capital = coarse
        .then(|| capital_named(text, si, sspan, geo, gaz))
        .flatten();
    if let Some((capital, span)) = capital.filter(|&(_, span)| {
        // (with its article: "from the Malian capital")
        let span = ["the ", "The ", "la ", "La "]
            .iter()
            .find(|a| text[sspan.start..span.start].ends_with(*a))
            .map_or(span, |a| Span::new(span.start - a.len(), span.end));
        !is_far_reference(text, sspan, span) && !is_destination(text, sspan, span)
    }) {
        return (Some(gaz.location(capital, 1)), vec![span]);
    }
    if let Some(best) = main.iter().min_by_key(|t| order(t, sspan, &here)) {
        // A unit written with its brackets ("le département du Mayo-Tsanaga
        // (Extrême-Nord)") yields to a town of the sentence inside it ("à
        // une douzaine de kilomètres de Mokolo"): the finer place.
        let inside = |t: &&&Toponym| {
            let (Some(u), Some(p)) = (&best.mention.location, &t.mention.location) else {
                return false;
            };
            let km = match (u.latitude, u.longitude, p.latitude, p.longitude) {
                (Some(a), Some(b), Some(c), Some(d)) => veille_geo::distance_km((a, b), (c, d)),
                _ => f64::INFINITY,
            };
            u.country_code == p.country_code
                && u.admin1 == p.admin1
                && match u.feature.as_str() {
                    "admin1" => true,
                    // (a unit without a point: the region decides)
                    "admin2" => {
                        p.admin2.as_ref() == Some(&u.name)
                            || p.admin2.is_none() && (km <= 100.0 || km.is_infinite())
                    }
                    _ => false,
                }
        };
        let finer = (rank(best) > 0)
            .then(|| main.iter().filter(|t| rank(t) == 0).find(inside))
            .flatten();
        let best = finer.unwrap_or(best);
        if let Some(loc) = offset(best) {
            return (Some(loc), vec![best.mention.span]);
        }
        return (best.mention.location.clone(), vec![best.mention.span]);
    }
    // Earlier sentences of the same paragraph, nearest first (when
    // `borrow`).
    let paragraph = nlp.sentences[si].paragraph;
    for prev in (0..si)
        .rev()
        .take_while(|&p| borrow && nlp.sentences[p].paragraph == paragraph)
    {
        let cands: Vec<&veille_geo::toponyms::Toponym> = geo
            .toponyms
            .iter()
            .filter(|t| {
                t.sentence == prev
                    && t.entry.is_some()
                    && may_be_event_place(text, nlp.sentences[prev].span, t, actor_words)
            })
            .collect();
        if let Some(best) = cands
            .iter()
            .min_by_key(|t| order(t, nlp.sentences[prev].span, &cands))
        {
            return (best.mention.location.clone(), vec![best.mention.span]);
        }
    }
    if !borrow {
        // (nor the story's region: its country only)
        let country = geo
            .focus_country
            .as_deref()
            .and_then(|f| gaz.country_index(f));
        return (country.map(|c| gaz.location(c, 3)), vec![]);
    }
    // (an unknown place of the clause, "the central Malian town of
    // Nampala", is no dateline's town: the story's region without it)
    (focus_location(text, geo, gaz, unknown.is_some()), vec![])
}

/// "overran an army base", "overrun a police post", "overran the post at
/// Inata", "overrunning part of the base": a takeover word whose object is
/// one military or police position or a part of it (an article, at most
/// two words, a word for a post), not a town.
fn overran_a_post(text: &str, trigger: Span) -> bool {
    // (the verb alone, or the verb and its object: "overran an army base")
    let from = text[trigger.start..].to_lowercase();
    let Some(after) = ["overran ", "overrun ", "overrunning "]
        .iter()
        .find_map(|v| from.strip_prefix(v))
    else {
        return false;
    };
    let after = ["part of ", "parts of "]
        .iter()
        .find_map(|p| after.strip_prefix(p))
        .unwrap_or(after);
    let words: Vec<&str> = after
        .split_whitespace()
        .take(4)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .collect();
    matches!(words.first(), Some(&"a" | &"an" | &"the"))
        && words[1..]
            .iter()
            .take(3)
            .position(|w| WORDS.posts.contains(w))
            .is_some_and(|i| {
                // (nothing after the article but words of who holds it)
                words[1..1 + i].iter().all(|w| {
                    [
                        "army",
                        "military",
                        "police",
                        "gendarmerie",
                        "security",
                        "government",
                        "forward",
                        "remote",
                        "small",
                        "large",
                    ]
                    .contains(w)
                })
            })
}

/// A capital or country that speaks for its government ("New Delhi
/// accused Islamabad", "Washington said", "Kaboul a dénoncé"): not a place
/// where anything happened.
fn speaks_for_a_government(text: &str, place: Span) -> bool {
    text[place.end..]
        .split_whitespace()
        .next()
        .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase())
        .is_some_and(|w| WORDS.government_speech_verbs.contains(&w.as_str()))
}

/// The article's focus region, then its focus country (geo_precision 3).
fn focus_location(
    text: &str,
    geo: &GeoAnalysis,
    gaz: &Gazetteer,
    no_dateline: bool,
) -> Option<Location> {
    let focus = geo.focus_country.as_deref()?;
    // (count, first mention) per admin1 unit: the most named, then the
    // first named.
    let mut counts: Vec<(u32, usize, usize)> = Vec::new();
    for (k, t) in geo.toponyms.iter().enumerate() {
        let Some(e) = t.entry else { continue };
        if t.mention.adjectival
            || speaks_for_a_government(text, t.mention.span)
            || no_dateline && t.mention.cue.as_deref() == Some("dateline")
        {
            continue;
        }
        let e = &gaz.entries[e as usize];
        if e.iso2 != focus {
            continue;
        }
        if let Some(a1) = e.admin1 {
            match counts.iter_mut().find(|c| c.0 == a1) {
                Some(c) => c.1 += 1,
                None => counts.push((a1, 1, k)),
            }
        }
    }
    if let Some((a1, _, _)) = counts.iter().max_by_key(|c| (c.1, std::cmp::Reverse(c.2))) {
        return Some(gaz.location(*a1, 3));
    }
    let country = geo.toponyms.iter().find(|t| {
        t.entry.is_some_and(|e| {
            gaz.entries[e as usize].kind == Kind::Country && gaz.entries[e as usize].iso2 == focus
        })
    })?;
    Some(gaz.location(country.entry.expect("resolved"), 3))
}

/// Byte range (in the sentence) of who the information is attributed to.
fn attribution(sentence: &str) -> Option<(usize, usize)> {
    static RE: OnceLock<[Regex; 3]> = OnceLock::new();
    let [according, said, inverted] = RE.get_or_init(|| {
        [
            Regex::new(r"(?i)\b(?:according to|selon|citing|d'après)\s+([^,.;:\x22“”()]+)").expect("attribution"),
            Regex::new(r",\s*([^,]{3,80}?)\s+(?:said|told|reported|say|says|claimed|confirmed|a déclaré|ont déclaré|a indiqué|ont indiqué|a annoncé|ont annoncé|a affirmé|ont affirmé|a confirmé)\b").expect("said"),
            // The verb first: "..., a annoncé l'armée.", "..., said a
            // police spokesman."
            Regex::new(r",\s*(?:said|a annoncé|ont annoncé|a indiqué|ont indiqué|a déclaré|ont déclaré|a affirmé|ont affirmé|a précisé|ont précisé|a rapporté|ont rapporté|a ajouté|a expliqué)\s+([^,.;:\x22“”]{3,80})\s*(?:[.;]|$)").expect("inverted"),
        ]
    });
    // "L'armée a annoncé s'être emparée de Kidal", "the army said it had
    // retaken": who tells of what it did itself is a side, not a source.
    let own_deed = |c: &regex::Captures| {
        // (a day may come between: "a annoncé mardi s'être emparée")
        let after: Vec<&str> = sentence[c.get(0).map_or(0, |m| m.end())..]
            .split_whitespace()
            .take(4)
            .collect();
        let after = after.join(" ");
        [
            "s'être",
            "s’être",
            "avoir",
            "être",
            "having",
            "to have",
            "it had",
            "it has",
            "they had",
            "they have",
        ]
        .iter()
        .any(|w| after.starts_with(w) || after.contains(&format!(" {w}")))
    };
    let c = according
        .captures(sentence)
        .or_else(|| said.captures(sentence).filter(|c| !own_deed(c)))
        .or_else(|| inverted.captures(sentence))?;
    let m = c.get(1)?;
    let end = m.start() + m.as_str().trim_end().len();
    // (not the dateline before it: "BAMAKO, Tuesday (AFP) - Mali's army
    // said" is the army's word)
    let start = [" - ", " – ", " — "]
        .iter()
        .filter_map(|d| m.as_str().rfind(d).map(|i| m.start() + i + d.len()))
        .max()
        .unwrap_or(m.start());
    (start < end).then_some((start, end))
}

fn notes(sentence: &str, date: NaiveDate, precision: u8, location: Option<&Location>) -> String {
    let when = match precision {
        1 => format!("On {}", date.format("%-d %B %Y")),
        2 => format!("In the week of {}", date.format("%-d %B %Y")),
        _ => format!("In {}", date.format("%B %Y")),
    };
    let place = location
        .map(|l| {
            let mut parts = vec![l.name.clone()];
            if let Some(a) = &l.admin1 {
                if a != &l.name {
                    parts.push(a.clone());
                }
            }
            if l.country != l.name {
                parts.push(l.country.clone());
            }
            format!(", in {}", parts.join(", "))
        })
        .unwrap_or_default();
    format!("{when}{place}: {}", sentence.trim())
}

/// Stable id from the article and the clause (FNV-1a, 64 bits).
fn event_id(article_id: &str, start: usize, sub: &str) -> String {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in article_id
        .bytes()
        .chain(start.to_le_bytes())
        .chain(sub.bytes())
    {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    format!("ev-{h:016x}")
}

/// How fine a location is: 0 a place, 1 admin2, 2 admin1, 3 country.
fn coarseness(l: &Location) -> u8 {
    match l.feature.as_str() {
        "place" => 0,
        "admin2" => 1,
        "admin1" => 2,
        _ => 3,
    }
}

/// Two dates of one article can be one incident's: equal, or one is a
/// week or a month ("this week") that holds the other day.
/// Whether a date's words tell it as before the story's day ("Earlier
/// this week", "la semaine dernière"): another incident's day.
fn told_as_earlier(said: &str) -> bool {
    let said = said.to_lowercase();
    ["earlier", "plus tôt", "last week", "la semaine dernière"]
        .iter()
        .any(|w| said.starts_with(w))
}

/// The asides that name a part of a count before them ("20 people,
/// including two soldiers, were killed").
const PART_ASIDES: [&str; 4] = [
    ", including ",
    ", among them ",
    ", dont ",
    ", parmi lesquels ",
];

fn same_period(a: &Event, b: &Event) -> bool {
    if a.event_date == b.event_date {
        return true;
    }
    // "Earlier this week, militants attacked a police post": a period told
    // as before the story's day holds no day of it.
    let earlier = |e: &Event| {
        e.evidence
            .iter()
            .any(|x| x.field == "event_date" && told_as_earlier(&x.text))
    };
    let holds = |coarse: &Event, fine: &Event| {
        if earlier(coarse) {
            return false;
        }
        let days = match coarse.time_precision {
            2 => 7,
            3 => 31,
            _ => return false,
        };
        fine.time_precision < coarse.time_precision
            && fine.event_date >= coarse.event_date
            && (fine.event_date - coarse.event_date).num_days() < days
            && (coarse.time_precision != 3 || fine.event_date.month() == coarse.event_date.month())
    };
    holds(a, b) || holds(b, a)
}

/// Two locations of one article can be one incident's: equal, or one
/// contains the other (a town and its region or country).
fn compatible_places(a: Option<&Location>, b: Option<&Location>) -> bool {
    let (Some(a), Some(b)) = (a, b) else {
        return true;
    };
    if a.country_code != b.country_code {
        return false;
    }
    if a.name == b.name && a.admin1 == b.admin1 {
        return true;
    }
    let (fine, coarse) = if coarseness(a) <= coarseness(b) {
        (a, b)
    } else {
        (b, a)
    };
    match coarseness(coarse) {
        3 => true,
        2 => fine.admin1 == coarse.admin1,
        1 => {
            coarseness(fine) == 0
                && (fine.admin2 == coarse.admin2
                    || fine.admin2.as_ref() == Some(&coarse.name)
                    // GeoNames gives many towns no district: near its seat,
                    // or anywhere in its region when the district has no
                    // point ("Hodan district" and Mogadishu).
                    || fine.admin2.is_none()
                        && fine.admin1 == coarse.admin1
                        && km(fine, coarse).is_none_or(|d| d <= 50.0))
        }
        _ => km(a, b).is_some_and(|d| d <= 10.0) && a.admin1 == b.admin1,
    }
}

/// Distance between two located places, when both have coordinates.
fn km(a: &Location, b: &Location) -> Option<f64> {
    match (a.latitude, a.longitude, b.latitude, b.longitude) {
        (Some(x1), Some(y1), Some(x2), Some(y2)) => {
            Some(veille_geo::distance_km((x1, y1), (x2, y2)))
        }
        _ => None,
    }
}

/// When `base` has one unidentified armed side and `other`, a report of
/// the same incident, names exactly one armed group `base` lacks, while
/// they agree on the rest: that group takes the unidentified one's role (its
/// evidence, read from `other`, follows it there).
fn name_unidentified_side(base: &mut Event, other: &Event) {
    let unidentified = |a: &Actor| a.name.starts_with("Unidentified Armed Group");
    let mut vague = base
        .actors
        .iter()
        .enumerate()
        .filter(|(_, a)| unidentified(a));
    let (Some((k, _)), None) = (vague.next(), vague.next()) else {
        return;
    };
    let rest_agree = base
        .actors
        .iter()
        .enumerate()
        .all(|(i, a)| i == k || other.actors.iter().any(|o| o.name == a.name));
    let mut named = other.actors.iter().filter(|o| {
        !unidentified(o)
            && (2..=4).contains(&o.inter)
            && !base.actors.iter().any(|a| a.name == o.name)
    });
    let (Some(group), None) = (named.next(), named.next()) else {
        return;
    };
    if !rest_agree {
        return;
    }
    let role = base.actors[k].role.clone();
    base.evidence.retain(|e| e.field != role);
    base.actors[k] = Actor {
        role,
        ..group.clone()
    };
}

/// Makes an attack whose victims no word named (civilians by default) a
/// battle against `victim`, an armed side a later sentence names as the
/// dead (codebook: violence against soldiers or fighters is a battle).
/// False, and nothing changed, when the attack names its victims or
/// `victim` is its own doer.
fn victims_were_armed(e: &mut Event, victim: &Actor) -> bool {
    use veille_core::EventType::*;
    let named_victims = e.evidence.iter().any(|x| x.field == "actor2");
    let doer = e
        .actors
        .iter()
        .any(|a| a.role == "actor1" && a.name == victim.name);
    if e.sub_event_type != SubEventType::Attack || named_victims || doer {
        return false;
    }
    e.event_type = Battles;
    e.sub_event_type = SubEventType::ArmedClash;
    e.actors.retain(|a| a.role != "actor2");
    e.actors.push(Actor {
        role: "actor2".into(),
        ..victim.clone()
    });
    true
}

/// The side hit named by a toll's draft (a battle's, its victims named:
/// "Three soldiers were killed") for [`victims_were_armed`].
fn armed_victims(base: &mut Event, other: &Event) {
    let named = |role: &str| other.evidence.iter().any(|x| x.field == role);
    if other.event_type != veille_core::EventType::Battles {
        return;
    }
    // (the side the toll names, not the unidentified one it supplied)
    let first = base.actors.iter().find(|a| a.role == "actor1");
    if let Some(hit) = other.actors.iter().find(|a| {
        named(&a.role) && matches!(a.inter, 1..=4 | 8) && first.is_none_or(|f| f.name != a.name)
    }) {
        victims_were_armed(base, hit);
    }
}

/// The armed side a toll told on its own names among its dead ("Three
/// soldiers lost their lives", "Trois VDP ont perdu la vie"): a state's
/// forces or a named group (not "two assailants"), with its span.
fn named_victims(
    sspan: Span,
    actors: &[Hit],
    forces_of: &[(Span, String)],
    lex: &Lexicon,
    gaz: &Gazetteer,
    last: Option<&Draft>,
) -> Option<(Actor, Span)> {
    let country = last?.event.location.as_ref()?.country.clone();
    let h = actors.iter().find(|h| {
        let d = &lex.actors[h.id];
        sspan.contains(h.span)
            && (matches!(d.kind.as_str(), "state" | "external")
                || d.kind == "armed" && !d.generic())
    })?;
    let abroad = forces_of.iter().find(|(f, _)| *f == h.span).map(|(_, c)| c);
    let name = fill(&lex.actors[h.id], abroad.unwrap_or(&country), gaz);
    let inter = match abroad {
        Some(c) if *c != country => 8,
        _ => lex.actors[h.id].inter,
    };
    let actor = Actor {
        name,
        role: "actor2".into(),
        inter,
    };
    Some((actor, h.span))
}

/// Whether a killing at `at` is told in a relative clause ("which
/// killed", "qui a tué") after a protest's grievance cue, in a sentence
/// that tells no force on the crowd outside that clause: what the protest
/// is about.
fn relative_killing_in_cause(text: &str, sentence: Span, at: Span, cues: &Cues) -> bool {
    let Some(pronoun) = relative_in_cause(text, sentence, at, cues) else {
        return false;
    };
    // "fired tear gas at mourners ... after the funeral of Mahsa Amini, a
    // 22-year-old woman who died after being arrested": the one mourned
    // died before, whatever force the crowd met.
    let mourned = cues.grievance.iter().any(|c| {
        sentence.contains(c.span)
            && c.span.end <= pronoun
            && WORDS
                .mourning_cues
                .contains(&c.span.of(text).to_lowercase().as_str())
    });
    if mourned {
        return true;
    }
    // Force told outside the relative clause is force on the crowd ("police
    // fired on protesters denouncing ..."); inside it, it is how the mourned
    // died ("the funeral of a student who was shot dead by police").
    let clause_end = text[at.end..sentence.end]
        .find([',', ';', ':', '.', '('])
        .map_or(sentence.end, |i| at.end + i);
    let outside = format!(
        "{} {}",
        &text[sentence.start..pronoun],
        &text[clause_end..sentence.end]
    )
    .to_lowercase();
    !WORDS
        .protest_force_words
        .iter()
        .any(|w| outside.contains(w))
}

/// Where the relative pronoun is ("which", "that", "who", "qui", among the
/// five words before `at`) when a protest's grievance cue comes before it.
fn relative_in_cause(text: &str, sentence: Span, at: Span, cues: &Cues) -> Option<usize> {
    let words: Vec<_> = crate::lexicon::words(&text[sentence.start..at.start]).collect();
    let pronoun = words
        .into_iter()
        .rev()
        .take(5)
        .find(|(_, w)| matches!(w.to_lowercase().as_str(), "which" | "that" | "who" | "qui"))
        .map(|(i, _)| sentence.start + i)?;
    cues.grievance
        .iter()
        .any(|c| sentence.contains(c.span) && c.span.end <= pronoun)
        .then_some(pronoun)
}

/// Whether `a` is an attack that killed and `b` an abduction (of the
/// same incident): the attack is the event.
fn killing_over_abduction(a: &Event, b: &Event) -> bool {
    a.sub_event_type == SubEventType::Attack
        && a.fatalities.is_some_and(|f| f > 0)
        // (or rapes told after the killings: "tuant au moins 26 personnes
        // ... Des maisons ont été incendiées et plusieurs femmes violées")
        && matches!(
            b.sub_event_type,
            SubEventType::AbductionForcedDisappearance | SubEventType::SexualViolence
        )
}

/// Gives a battle's two sides the roles an earlier report of it gave them,
/// when that report names the same two sides the other way round.
fn sides_in_order_of(base: &mut Event, earlier: &Event) {
    use veille_core::EventType::Battles;
    let side = |e: &Event, role: &str| {
        e.actors
            .iter()
            .find(|a| a.role == role)
            .map(|a| a.name.clone())
    };
    let (a1, a2) = (side(base, "actor1"), side(base, "actor2"));
    let swapped = a1.is_some()
        && a2.is_some()
        && a1 == side(earlier, "actor2")
        && a2 == side(earlier, "actor1");
    if base.event_type != Battles || earlier.event_type != Battles || !swapped {
        return;
    }
    let swap = |role: &mut String| {
        *role = match role.as_str() {
            "actor1" => "actor2".into(),
            "actor2" => "actor1".into(),
            _ => std::mem::take(role),
        }
    };
    for a in base.actors.iter_mut() {
        swap(&mut a.role);
    }
    for x in base.evidence.iter_mut() {
        swap(&mut x.field);
    }
    base.actors.sort_by(|a, b| a.role.cmp(&b.role));
}

/// Merges drafts of one article that describe one incident: same date,
/// compatible places (see [`compatible_places`]) and compatible types (the
/// same type, two kinds of political violence, or a protest and the riot it
/// turned into). The most specific trigger's draft is kept, with the finest
/// place; fatalities take the highest count; evidence is pooled.
/// Whether `t` is a side's withdrawal told after the capture `o` ("Malian
/// troops took control of Kidal ... Separatist fighters said they had
/// withdrawn from the town"): the loser's account of a capture, which stays
/// the capture (codebook: a withdrawal before a capture ends a battle).
fn withdrawal_told_after(t: &Draft, o: &Draft) -> bool {
    let withdrew = t.event.evidence.iter().any(|x| {
        x.field == "event_type" && {
            let said = x.text.to_lowercase();
            [
                "withdr",
                "retir",
                "pulled out",
                "retreat",
                "abandon",
                "quitté",
                "fled",
                "deserted",
                "fui",
            ]
            .iter()
            .any(|w| said.contains(w))
        }
    });
    t.event.sub_event_type == SubEventType::NonViolentTransferOfTerritory
        && matches!(
            o.event.sub_event_type,
            SubEventType::GovernmentRegainsTerritory
                | SubEventType::NonStateActorOvertakesTerritory
        )
        && o.sentence < t.sentence
        && withdrew
}

/// Whether a word of an event's sentences (its notes evidence), lower-cased
/// and without punctuation, is one `word` accepts.
fn notes_say(e: &Event, word: impl Fn(&str) -> bool) -> bool {
    e.evidence.iter().any(|x| {
        x.field == "notes"
            && x.text
                .split_whitespace()
                .any(|w| word(&w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase()))
    })
}

fn merge_same_incident(drafts: Vec<Draft>, headline: bool) -> Vec<Event> {
    use veille_core::EventType::*;
    // Looting or burning reported next to an attack or a riot is part of it
    // (codebook: coded as one event, the attack or the riot).
    let looting = |e: &Event| e.sub_event_type == SubEventType::LootingPropertyDestruction;
    let excessive = |e: &Event| e.sub_event_type == SubEventType::ExcessiveForceAgainstProtesters;
    // Territory taken without a fight, told by one sentence as a takeover.
    let transfer = |e: &Event| e.sub_event_type == SubEventType::NonViolentTransferOfTerritory;
    let territory = |e: &Event| {
        matches!(
            e.sub_event_type,
            SubEventType::NonStateActorOvertakesTerritory
                | SubEventType::GovernmentRegainsTerritory
        )
    };
    let compatible = |a: &Event, b: &Event| {
        let (ta, tb) = (a.event_type, b.event_type);
        transfer(a) && territory(b)
            || territory(a) && transfer(b)
            || ta == tb
            || is_violent(ta) && is_violent(tb)
            || (is_violent(ta) || ta == Riots) && looting(b)
            || looting(a) && (is_violent(tb) || tb == Riots)
            || matches!((ta, tb), (Protests, Riots) | (Riots, Protests))
    };
    // "Police arrested 49 of them": arrests told right after a protest,
    // naming no place of their own, were made at it (codebook: a protest
    // met with arrests is a protest with intervention).
    let arrests_at = |a: &Event, b: &Event| {
        a.event_type == Protests && b.sub_event_type == SubEventType::Arrests
    };
    // A title that names no side ("Parliament stormed in Nairobi", "Drones
    // over Kyiv") and the body's event on that day there, whatever types
    // their words gave them: one incident, as the body tells it.
    let titled = |title: &Draft, body: &Draft| {
        headline
            && title.sentence == 0
            && body.sentence > 0
            && !title
                .event
                .evidence
                .iter()
                .any(|x| x.field == "actor1" || x.field == "actor2")
    };
    // "Des jeunes ont manifesté à Boghé ... Des heurts ont éclaté avec les
    // forces de l'ordre": clashes (told by a word of clashing, not a toll)
    // of police or soldiers with no armed group among the sides, at most two
    // sentences from a protest or a riot of their day and place, before or
    // after it ("At least seven people were killed as security forces
    // clashed with supporters of ... Protesters burned tyres"), are the
    // crowd's (codebook: a violent demonstration), merged with it below.
    let mut drafts = drafts;
    for i in 0..drafts.len() {
        let (before, rest) = drafts.split_at_mut(i);
        let (d, after) = rest.split_first_mut().expect("draft i");
        let clash_word = d.event.evidence.iter().any(|x| {
            x.field == "event_type" && WORDS.clash_words.contains(&x.text.to_lowercase().as_str())
        });
        // (before the crowd's own report, the clash names it: "clashed
        // with supporters of", not "royal guards")
        let crowd_told = || {
            notes_say(&d.event, |w| {
                WORDS.crowd_nouns.contains(&w)
                    || matches!(w, "supporters" | "partisans" | "sympathisants")
            })
        };
        // (or at a protest, naming no side: "De violents heurts ont éclaté
        // dimanche à Ajaccio en marge d'une manifestation")
        let at_protest = || {
            d.event.actors.is_empty()
                && notes_say(&d.event, |w| {
                    matches!(
                        w,
                        "manifestation" | "protest" | "demonstration" | "rally" | "march"
                    )
                })
        };
        let crowd_clash = d.event.sub_event_type == SubEventType::ArmedClash
            && clash_word
            && (d.event.actors.iter().any(|a| a.inter == 1)
                && d.event
                    .actors
                    .iter()
                    .all(|a| matches!(a.inter, 1 | 5 | 6 | 7))
                || at_protest())
            && before.iter().chain(after.iter()).any(|p| {
                matches!(p.event.event_type, Protests | Riots)
                    && (p.sentence < d.sentence && d.sentence <= p.sentence + 2
                        || p.sentence > d.sentence
                            && p.sentence <= d.sentence + 2
                            && (crowd_told() || at_protest()))
                    && same_period(&p.event, &d.event)
                    && compatible_places(p.event.location.as_ref(), d.event.location.as_ref())
            });
        if crowd_clash {
            d.event.event_type = Riots;
            d.event.sub_event_type = SubEventType::ViolentDemonstration;
        }
    }
    let mut kept: Vec<Draft> = Vec::new();
    for d in drafts {
        // "8 civilians, including 3 children, were killed.": a bare toll
        // naming no place of its own is the toll of the event just before,
        // whatever place the sentences before lent it.
        let last = kept.len().checked_sub(1);
        // A report naming no place right after an event of its kind on its
        // day ("Vingt-trois militaires ont été tués ..." after the ambush
        // near Teguey) is that event again, whatever place the sentences
        // before lent it (a capital where a statement was read).
        // ("Amnesty said at least 66 people were killed" after security
        // forces opened fire on protesters: the toll of that force.)
        let follows = last.is_some_and(|i| {
            let (a, b) = (&kept[i].event, &d.event);
            d.placeless
                && same_period(a, b)
                && (compatible(a, b)
                    || excessive(a) && matches!(b.event_type, ViolenceAgainstCivilians | Battles)
                    || arrests_at(a, b)
                    // "Soldiers opened fire on the crowd, killing three
                    // people" right after the riot: force used on that
                    // crowd, whose toll it is.
                    || a.event_type == Riots
                        && b.event_type == ViolenceAgainstCivilians
                        && b.actors.iter().any(|x| x.role == "actor1" && x.inter == 1))
        });
        let same = if d.continuation && d.placeless || follows {
            last.and_then(|i| kept.get_mut(i))
        } else {
            kept.iter_mut().find(|k| {
                let (a, b) = (&k.event, &d.event);
                // A bare toll took the lead's date; it is the event before it.
                (same_period(a, b) || d.continuation)
                    && (compatible_places(a.location.as_ref(), b.location.as_ref())
                    // A title naming no place the gazetteer knows ("Embuscade
                    // près de Teguey") is the body's incident wherever.
                    || titled(k, &d) && k.placeless
                    || titled(&d, k) && d.placeless
                    // The title's place and the body's for one kind of
                    // event on one day in one region ("Kaduna's Kajuru").
                    || a.sub_event_type == b.sub_event_type
                        && a.location.as_ref().and_then(|l| l.admin1.as_ref()).is_some()
                        && a.location.as_ref().map(|l| (&l.country_code, &l.admin1))
                            == b.location.as_ref().map(|l| (&l.country_code, &l.admin1)))
                    && (compatible(a, b) || d.continuation || titled(k, &d) || titled(&d, k))
            })
        };
        match same {
            Some(k) => {
                // The report that names the sides says more than one that
                // does not ("Attack on the Djibo base" as a title, then the
                // sentence naming soldiers and VDP).
                let named_sides = |e: &Event| {
                    e.evidence
                        .iter()
                        .filter(|x| x.field == "actor1" || x.field == "actor2")
                        .count()
                };
                // Codebook: protesters who turn violent make a riot.
                let riot = |e: &Event| e.event_type == Riots;
                // (but protesters killed by security forces, told first,
                // met excessive force whatever is told of the crowd after:
                // "Au moins 30 manifestants ont été tués ... lorsque les
                // forces de l'ordre ont tiré à balles réelles", then
                // barricades)
                // (not when police are among the dead, "dont une dizaine de
                // policiers": the crowd fought too)
                let police_among_dead = |e: &Event| {
                    e.evidence.iter().filter(|x| x.field == "notes").any(|x| {
                        let notes = x.text.to_lowercase();
                        ["dont ", "including ", "among them "].iter().any(|c| {
                            notes.match_indices(c).any(|(i, _)| {
                                let after: String = notes[i + c.len()..].chars().take(40).collect();
                                [
                                    "polic",
                                    "gendarme",
                                    "soldat",
                                    "soldier",
                                    "officer",
                                    "militaire",
                                ]
                                .iter()
                                .any(|w| after.contains(w))
                            })
                        })
                    })
                };
                let killed_first = |x: &Draft, y: &Draft| {
                    excessive(&x.event)
                        && x.event.fatalities.is_some_and(|n| n > 0)
                        && !police_among_dead(&x.event)
                        && riot(&y.event)
                        && x.sentence < y.sentence
                };
                let base_first = if d.continuation {
                    true
                } else if titled(k, &d) != titled(&d, k) {
                    titled(&d, k)
                } else if transfer(&d.event) != transfer(&k.event)
                    && !withdrawal_told_after(&d, k)
                    && !withdrawal_told_after(k, &d)
                {
                    transfer(&k.event)
                } else if killed_first(k, &d) != killed_first(&d, k) {
                    killed_first(k, &d)
                } else if riot(&d.event) != riot(&k.event) {
                    riot(&k.event)
                } else if excessive(&d.event) != excessive(&k.event) {
                    excessive(&k.event)
                } else if looting(&d.event) != looting(&k.event) {
                    looting(&d.event)
                } else if killing_over_abduction(&d.event, &k.event) && d.sentence < k.sentence
                    || killing_over_abduction(&k.event, &d.event) && k.sentence < d.sentence
                {
                    // An attack told as killing first, its abductions after
                    // ("killed 41 people ... and abducted six others"), is
                    // an attack; abductions told first, their killings
                    // after, stay abductions.
                    killing_over_abduction(&k.event, &d.event)
                } else if d.borrowed_day != k.borrowed_day {
                    // The sentence that tells the day, over a headline
                    // dated by the sentences after it.
                    d.borrowed_day
                } else if d.priority != k.priority {
                    d.priority < k.priority
                } else if named_sides(&d.event) != named_sides(&k.event) {
                    named_sides(&d.event) < named_sides(&k.event)
                } else {
                    // A headline says less than the body's sentence about it
                    // ("... in Tillabéri", then "near Téra").
                    !(headline && k.sentence == 0)
                };
                // (the title, when the report kept aside is the title)
                let other_sentence = if base_first { d.sentence } else { k.sentence };
                let other_is_title = headline && other_sentence == 0;
                let adds = d.adds && (d.continuation || d.placeless) && !vague_toll(&d.event);
                // Two reports of one toll ("Au moins quatre soldats ... tués",
                // then "Un élu avance le chiffre de sept"): ACLED codes the
                // lowest, unless the later report revises the toll or the
                // lower one is vague ("several", coded 3).
                let later_revises = if d.sentence >= k.sentence {
                    d.update
                } else {
                    k.update
                };
                let (vague_d, vague_k) = (vague_toll(&d.event), vague_toll(&k.event));
                // The attackers' deaths and their victims': both (not a
                // vague "several assailants were also neutralised").
                let other_side = d.attackers_toll != k.attackers_toll && !vague_d && !vague_k;
                let (initial_d, initial_k) = (d.initial, k.initial);
                let (mut base, other) = if !base_first {
                    (d.event, k.event.clone())
                } else {
                    (k.event.clone(), d.event)
                };
                // Whose toll the merged event keeps: both (added), the
                // other's (its evidence replaces the base's), or the base's
                // (the other's figure is no evidence of it).
                let mut toll_from = "both";
                base.fatalities = match (base.fatalities, other.fatalities) {
                    // (a peaceful protest has none: "a largely peaceful
                    // march. At least 19 people have died in a week of
                    // unrest")
                    (a, _) if base.sub_event_type == SubEventType::PeacefulProtest => a,
                    // "tuant deux soldats. Un assaillant a également été tué."
                    // (not a vague "several assailants were also neutralised")
                    (Some(a), Some(b)) if adds || other_side => Some(a + b),
                    (Some(a), Some(b)) if a != b => {
                        let (other_later, other_vague, base_vague) = if base_first {
                            (d.sentence >= k.sentence, vague_d, vague_k)
                        } else {
                            (k.sentence > d.sentence, vague_k, vague_d)
                        };
                        let (other_initial, base_initial) = if base_first {
                            (initial_d, initial_k)
                        } else {
                            (initial_k, initial_d)
                        };
                        let (other_named, base_named) =
                            (one_named_toll(&other), one_named_toll(&base));
                        let take_other = if a == 0 || b == 0 {
                            b > a
                        } else if other_initial != base_initial {
                            base_initial
                        } else if base_named != other_named {
                            base_named
                        } else if later_revises {
                            other_later
                        } else if base_vague != other_vague {
                            base_vague
                        } else {
                            b < a
                        };
                        if take_other {
                            base.fatalities_text = other.fatalities_text.clone();
                            toll_from = "other";
                            Some(b)
                        } else {
                            toll_from = "base";
                            Some(a)
                        }
                    }
                    (None, Some(b)) => {
                        base.fatalities_text = other.fatalities_text.clone();
                        Some(b)
                    }
                    (a, _) => a,
                };
                // A raid read as looting (nobody hurt in its own sentence)
                // whose toll follows is violence ("... before setting fire
                // to the market. 44 civilians were killed").
                if looting(&base)
                    && is_violent(other.event_type)
                    && other.fatalities.is_some_and(|f| f > 0)
                {
                    base.event_type = other.event_type;
                    base.sub_event_type = other.sub_event_type;
                }
                // A car bomb driven in whose toll counts its driver ("21
                // people were killed, including the driver"): a suicide bomb.
                let bomber_counted = other
                    .evidence
                    .iter()
                    .any(|x| x.field == "notes" && bomber_died(&x.text));
                if base.sub_event_type == SubEventType::RemoteExplosiveLandmineIed && bomber_counted
                {
                    base.sub_event_type = SubEventType::SuicideBomb;
                }
                // An attack whose victims the lead left unnamed (civilians
                // by default) and the toll after it names as soldiers or
                // fighters ("Gunmen attacked a post in Kaya. Three soldiers
                // were killed."): a fight between two armed sides
                // (codebook: Battles), the side hit named by the toll.
                let toll_after = base_first && (d.continuation || d.placeless);
                if toll_after {
                    armed_victims(&mut base, &other);
                }
                // (a place lent by the sentences before is no place)
                let base_placeless = if base_first { k.placeless } else { d.placeless };
                let other_placeless = if base_first { d.placeless } else { k.placeless };
                let finer = match (&base.location, &other.location) {
                    (None, Some(_)) => true,
                    (Some(_), Some(_)) if base_placeless != other_placeless => !other_placeless,
                    (Some(a), Some(b)) => coarseness(b) < coarseness(a),
                    _ => false,
                };
                if finer {
                    base.location = other.location.clone();
                    base.evidence.retain(|e| e.field != "location");
                }
                if arrests_at(&base, &other) {
                    if base.sub_event_type == SubEventType::PeacefulProtest {
                        base.sub_event_type = SubEventType::ProtestWithIntervention;
                    }
                    // (those who arrested them are the protest's other side)
                    if base.actors.len() == 1 {
                        if let Some(a) = other.actors.iter().find(|a| a.role == "actor1") {
                            base.actors.push(Actor {
                                role: "actor2".into(),
                                ..a.clone()
                            });
                        }
                    }
                }
                // The same side named in one report and left unidentified in
                // the other ("onze assaillants" in the title, JNIM in the
                // body): the name.
                name_unidentified_side(&mut base, &other);
                // Who attacked whom is the first report's ("ISWAP militants
                // attacked a military base. ... troops repelled the attack
                // and killed several militants": ISWAP first).
                let other_first = if base_first {
                    d.sentence < k.sentence
                } else {
                    k.sentence < d.sentence
                };
                if other_first {
                    sides_in_order_of(&mut base, &other);
                }
                if base.source_attribution.is_none() {
                    base.source_attribution = other.source_attribution.clone();
                }
                // The other side of the incident, when only one report names
                // it (a title naming no side names none).
                let other_named = other
                    .evidence
                    .iter()
                    .any(|x| x.field == "actor1" || x.field == "actor2");
                if base.actors.is_empty() {
                    if other_named || !other_is_title {
                        base.actors = other.actors.clone();
                    }
                } else if base.actors.len() == 1 && base.event_type == other.event_type {
                    if let Some(a) = other.actors.iter().find(|a| a.name != base.actors[0].name) {
                        base.actors.push(Actor {
                            role: "actor2".into(),
                            ..a.clone()
                        });
                    }
                }
                // An actor's evidence follows the actor to its role in the merged event.
                let role_in_base = |field: &str| {
                    let name = &other.actors.iter().find(|a| a.role == field)?.name;
                    base.actors
                        .iter()
                        .find(|a| &a.name == name)
                        .map(|a| a.role.clone())
                };
                base.injured = base.injured.max(other.injured);
                base.abducted = base.abducted.max(other.abducted);
                base.aggregate |= other.aggregate;
                if toll_from == "other" {
                    base.evidence.retain(|x| x.field != "fatalities");
                }
                for mut e in other.evidence.clone() {
                    if e.field == "fatalities" && toll_from == "base" {
                        continue;
                    }
                    if e.field == "actor1" || e.field == "actor2" {
                        match role_in_base(&e.field) {
                            Some(role) => e.field = role,
                            None => continue,
                        }
                    }
                    let location_kept = e.field == "location"
                        && !finer
                        && base.evidence.iter().any(|x| x.field == "location");
                    if !location_kept && !base.evidence.contains(&e) {
                        base.evidence.push(e);
                    }
                }
                k.priority = k.priority.max(d.priority);
                k.sentence = k.sentence.min(d.sentence);
                k.placeless = k.placeless && d.placeless;
                k.event = base;
            }
            None => kept.push(d),
        }
    }
    // A state of emergency or a curfew is the report's event only when it
    // tells nothing else ("décrété l'état d'urgence ... après une journée
    // de violentes manifestations": the riot).
    let other = |e: &Event| e.sub_event_type == SubEventType::Other;
    let anything_else = kept.iter().any(|k| !other(&k.event));
    kept.into_iter()
        .map(|k| k.event)
        .filter(|e| !(anything_else && other(e)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{classify, grammatical_role, Label, Part};
    use veille_core::{Span, SubEventType};

    /// The label `classify` gives a text.
    fn label(text: &str) -> Option<Label> {
        classify(text, &veille_nlp::analyze(text, None), crate::lexicon())
    }

    fn event(text: &str) -> Option<SubEventType> {
        match label(text) {
            Some(Label::Event(s)) => Some(s),
            _ => None,
        }
    }

    #[test]
    fn a_place_on_a_sign_or_in_a_chant_is_no_event_place() {
        let at = |t: &str, w: &str| {
            let i = t.find(w).unwrap();
            Span::new(i, i + w.len())
        };
        let t = "Protesters tore down the sign reading 'Embassy of France in Niger' and set fire to a door.";
        assert!(super::in_a_slogan(t, at(t, "France")));
        let t = "Crowds marched chanting \"Down with France\" in Niamey.";
        assert!(super::in_a_slogan(t, at(t, "France")));
        assert!(!super::in_a_slogan(t, at(t, "Niamey")));
        // (a witness's words tell where)
        let t = "\"They attacked us in Gao,\" a witness said.";
        assert!(!super::in_a_slogan(t, at(t, "Gao")));
        let t = "Niger's junta rallied supporters in Niamey.";
        assert!(!super::in_a_slogan(t, at(t, "Niamey")));
        // (a march's name in quotes; not a witness's words)
        let t = "The 'March for Freedom' drew 100,000 people to central Minsk.";
        assert!(super::in_a_slogan(t, at(t, "Freedom")));
        assert!(!super::in_a_slogan(t, at(t, "Minsk")));
        let t = "\"They attacked us in Gao\" a witness said.";
        assert!(!super::in_a_slogan(t, at(t, "Gao")));
    }

    #[test]
    fn took_flight_or_power_is_no_territory_taken() {
        for t in [
            "Des hommes armés ont attaqué le poste, tuant deux soldats, puis ont pris la fuite.",
            "Des milliers de partisans des militaires qui ont pris le pouvoir ont manifesté à Niamey.",
        ] {
            let e = event(t);
            assert!(
                !matches!(
                    e,
                    Some(SubEventType::NonStateActorOvertakesTerritory)
                        | Some(SubEventType::GovernmentRegainsTerritory)
                ),
                "{t}: {e:?}"
            );
        }
    }

    #[test]
    fn a_crowd_burning_a_door_before_tear_gas_is_a_riot() {
        // (tear gas fired is no force on the crowd, tear-gas grenades no
        // grenade attack)
        for t in [
            "Des manifestants ont tenté de forcer l'entrée de l'ambassade, mettant le feu à une porte, avant d'être dispersés par des tirs de gaz lacrymogène.",
            "Des manifestants ont tenté de pénétrer dans l'ambassade, mettant le feu à une porte, avant d'être dispersés par des tirs de grenades lacrymogènes.",
            "Des manifestants ont attaqué l'ambassade, incendiant des barrières et jetant des pierres sur le bâtiment.",
        ] {
            assert_eq!(event(t), Some(SubEventType::ViolentDemonstration), "{t}");
        }
    }

    #[test]
    fn a_device_that_exploded_is_an_explosive() {
        assert_eq!(
            event("Deux soldats ont été tués lorsqu'un engin a explosé au passage de leur convoi."),
            Some(SubEventType::RemoteExplosiveLandmineIed)
        );
    }

    #[test]
    fn what_angered_protesters_fired_on_is_no_event() {
        assert_eq!(
            event("Security forces opened fire on protesters who gathered after Friday prayers in Zahedan, angered by the alleged rape of a girl by a police commander."),
            Some(SubEventType::ExcessiveForceAgainstProtesters)
        );
    }

    #[test]
    fn yellow_vests_fighting_the_police_riot() {
        assert_eq!(
            event("Le centre de Paris a connu samedi de violents affrontements entre « gilets jaunes » et forces de l'ordre."),
            Some(SubEventType::ViolentDemonstration)
        );
        assert_eq!(
            event("The arrest triggered gunbattles that killed 29 people, including 10 soldiers."),
            Some(SubEventType::ArmedClash)
        );
    }

    #[test]
    fn parts_of_a_town_held_in_a_fight_are_no_town_taken() {
        assert_eq!(
            event("Troops raided a hideout, triggering clashes with gunmen who occupied parts of the city and set buildings on fire."),
            Some(SubEventType::ArmedClash)
        );
    }

    #[test]
    fn flags_burnt_at_a_protest_are_no_riot() {
        for t in [
            "Protesters burned US and Belgian flags; police dispersed them with tear gas.",
            "Des manifestants ont brûlé des drapeaux français avant d'être dispersés par la police.",
        ] {
            assert_eq!(event(t), Some(SubEventType::ProtestWithIntervention), "{t}");
        }
    }

    #[test]
    fn aircraft_that_struck_are_an_air_strike() {
        assert_eq!(
            event("Des avions de combat russes ont frappé un marché, tuant neuf civils."),
            Some(SubEventType::AirDroneStrike)
        );
    }

    #[test]
    fn air_strikes_backed_by_whom_support_the_advance() {
        assert_eq!(
            event(
                "Government forces, backed by Russian air strikes, regained control of the town."
            ),
            Some(SubEventType::GovernmentRegainsTerritory)
        );
    }

    #[test]
    fn bodies_recovered_are_no_territory_regained() {
        assert_eq!(event("43 bodies were recovered the next day."), None);
        assert_eq!(
            event("The army recovered the town from the rebels."),
            Some(SubEventType::GovernmentRegainsTerritory)
        );
    }

    #[test]
    fn deaths_in_an_accident_are_no_violence() {
        for text in [
            "A chemical leak at a plant near the village has killed ten people.",
            "Nineteen people were killed when their bus plunged off a bridge. The accident happened on an icy road.",
        ] {
            assert_eq!(label(text), Some(Label::NotEvent("manmade_disaster")), "{text}");
        }
        // Somebody who could have done it is named: violence.
        assert_eq!(
            event("Gunmen killed ten people near the plant, hours after an explosion there."),
            Some(SubEventType::Attack)
        );
        // Set on fire: arson, not a fire.
        assert_ne!(
            label("The assailants surrounded the village at dawn, shooting residents and setting huts on fire."),
            Some(Label::NotEvent("manmade_disaster"))
        );
    }

    #[test]
    fn acled_note_forms() {
        // A raid in which nobody is hurt: looting.
        assert_eq!(
            event("Militants raided several pastoral camps and made off with hundreds of head of cattle. No casualties were reported."),
            Some(SubEventType::LootingPropertyDestruction)
        );
        // People carried off are abducted; animals taken away are not.
        assert_eq!(
            event("Militants intercepted a bus near the town and carried off six passengers."),
            Some(SubEventType::AbductionForcedDisappearance)
        );
        assert_ne!(
            event("The attackers also took away hundreds of animals."),
            Some(SubEventType::AbductionForcedDisappearance)
        );
        assert_eq!(
            event("Army engineers detected and neutralised an improvised explosive device buried on the road."),
            Some(SubEventType::DisruptedWeaponsUse)
        );
        // What the victims were suspected of is background.
        assert_eq!(
            event("An angry crowd grabbed two men suspected of belonging to a kidnapping ring and lynched them."),
            Some(SubEventType::MobViolence)
        );
        assert_eq!(
            event(
                "Militants stormed the airport, engaging soldiers in gunfights that lasted hours."
            ),
            Some(SubEventType::ArmedClash)
        );
        // Force on protesters who burn and fight: a riot.
        assert_eq!(
            event("Demonstrators ransacked the office, set it on fire and clashed with police, who used tear gas and live ammunition."),
            Some(SubEventType::ViolentDemonstration)
        );
        // Civilians or a crowd who kill, no armed side: mob violence.
        assert_eq!(
            event("Residents of Markala (Segou, Segou) caught a young man they accused of theft and beat him to death before the police arrived."),
            Some(SubEventType::MobViolence)
        );
        assert_eq!(
            event("A crowd of villagers descended on a herders' camp, burned the huts and beat two herders to death."),
            Some(SubEventType::MobViolence)
        );
        assert_eq!(
            event("Gunmen killed three villagers in the market."),
            Some(SubEventType::Attack)
        );
        // A chief or a cleric is a civilian: killing one is an attack,
        // whoever he was accused of helping.
        assert_eq!(
            event("Separatist fighters shot dead a traditional ruler in a village, accusing him of collaborating with the army."),
            Some(SubEventType::Attack)
        );
        // A promise is not an event.
        assert_eq!(
            event("Officials and bandit leaders signed a peace deal under which the bandits undertook to stop attacking farmers."),
            Some(SubEventType::Agreement)
        );
    }

    #[test]
    fn who_a_report_is_attributed_to_is_no_side() {
        assert_eq!(
            event("Gunmen attacked a bank in the town on Monday, police said."),
            Some(SubEventType::Attack)
        );
    }

    #[test]
    fn deaths_next_to_an_explosion_are_violence_when_the_article_says_attack() {
        let text = "Twelve people were killed when an explosion tore through a market in Bama, a militia member said. The government condemned the attack.";
        assert_eq!(event(text), Some(SubEventType::Attack));
    }

    #[test]
    fn an_explosion_whose_bomb_the_article_names_is_a_bomb() {
        let text = "An explosion tore through the busy avenue on Sunday, killing six people. Police detained a woman suspected of planting the bomb.";
        assert_eq!(event(text), Some(SubEventType::RemoteExplosiveLandmineIed));
    }

    #[test]
    fn the_side_in_a_convoy_ambushed_is_hit() {
        for text in [
            "Militants ambushed a convoy of VDP and civilians near Titao on Thursday.",
            "Militants ambushed VDP and civilians near Titao on Thursday.",
        ] {
            assert_eq!(event(text), Some(SubEventType::ArmedClash), "{text}");
        }
        // (a camp attacked is no side hit)
        assert_eq!(
            event("Gunmen attacked a camp of displaced people near Titao on Thursday."),
            Some(SubEventType::Attack)
        );
    }

    #[test]
    fn fire_from_afar_with_ground_assaults_is_a_battle() {
        assert_eq!(
            event("Azerbaijani forces launched artillery and drone attacks followed by ground assaults on Armenian positions on Tuesday."),
            Some(SubEventType::ArmedClash)
        );
    }

    #[test]
    fn weapons_told_another_way_are_their_kind_of_event() {
        for (text, sub) in [
            (
                "The United States dropped its largest non-nuclear bomb on a network of caves on Thursday.",
                SubEventType::AirDroneStrike,
            ),
            (
                "Un cylindre de chlore largué par un hélicoptère a frappé un immeuble de Douma samedi.",
                SubEventType::ChemicalWeapon,
            ),
            (
                "Un homme armé a ouvert le feu dimanche soir dans la grande mosquée de Québec.",
                SubEventType::Attack,
            ),
            (
                "La prise de la ville par les rebelles intervient une semaine après le début de l'offensive.",
                SubEventType::NonStateActorOvertakesTerritory,
            ),
        ] {
            assert_eq!(event(text), Some(sub), "{text}");
        }
    }

    #[test]
    fn what_a_crowd_or_a_force_did_told_another_way() {
        for (text, sub) in [
            (
                "Syrian troops moved into the city of Manbij on Tuesday, filling the vacuum left by withdrawing U.S. troops under a deal aimed at fending off a Turkish offensive.",
                SubEventType::NonViolentTransferOfTerritory,
            ),
            (
                "Islamist militants raided a girls' boarding school in Dapchi on Monday, and parents said dozens of students were unaccounted for after the attack.",
                SubEventType::AbductionForcedDisappearance,
            ),
            (
                "Protesters occupied the state broadcaster and attacked the National Assembly in Bamako on Friday, and one person was killed when security forces fired to disperse crowds.",
                SubEventType::ViolentDemonstration,
            ),
            (
                "Hundreds of Israeli settlers rampaged through the town on Sunday night, setting fire to dozens of homes.",
                SubEventType::MobViolence,
            ),
        ] {
            assert_eq!(event(text), Some(sub), "{text}");
        }
    }

    #[test]
    fn set_27s_wordings_code_their_kind() {
        for (text, sub) in [
            (
                "A shell hit a trolleybus stop in central Donetsk on Thursday, killing 13 people.",
                SubEventType::ShellingArtilleryMissileAttack,
            ),
            (
                "Taliban fighters seized the border crossing at Spin Boldak on Wednesday.",
                SubEventType::NonStateActorOvertakesTerritory,
            ),
            (
                "ISWAP militants attacked and overran the base in Baga after heavy fighting with troops, taking control of the town.",
                SubEventType::NonStateActorOvertakesTerritory,
            ),
            (
                "Former FARC commander Ivan Marquez announced that he and a group of ex-rebel leaders were taking up arms again.",
                SubEventType::ChangeToGroupActivity,
            ),
            (
                "La Russie a déployé des soldats à l'aéroport de Qamichli pour y établir une base.",
                SubEventType::HeadquartersOrBaseEstablished,
            ),
            (
                "Des avions ont mené, à la demande des autorités, des frappes contre une colonne de pick-up dimanche.",
                SubEventType::AirDroneStrike,
            ),
            (
                "A crowd beat a man to death during a rally on Sunday.",
                SubEventType::MobViolence,
            ),
            (
                "Protesters armed with spears and axes killed seven police officers on Monday.",
                SubEventType::ViolentDemonstration,
            ),
            (
                "A young man was shot dead by police on Wednesday, prompting protests in several cities.",
                SubEventType::Attack,
            ),
            (
                "Des violences ont éclaté lundi à Nouméa en marge d'une mobilisation contre la réforme du corps électoral, avec des commerces incendiés et des dizaines de gendarmes blessés.",
                SubEventType::ViolentDemonstration,
            ),
        ] {
            assert_eq!(event(text), Some(sub), "{text}");
        }
    }

    #[test]
    fn talks_called_off_are_no_agreement() {
        assert_eq!(
            event("The government called off peace talks with the ELN on Friday."),
            None
        );
    }

    #[test]
    fn deaths_from_a_disease_and_attempted_crimes_are_no_violence() {
        assert_eq!(
            label("A cholera outbreak has killed 20 people in the camp."),
            Some(Label::NotEvent("epidemic"))
        );
        // Looting during a lockdown is looting.
        assert_eq!(
            event("Gunmen looted a shop in the town during the COVID-19 lockdown."),
            Some(SubEventType::LootingPropertyDestruction)
        );
        assert_eq!(
            label("Troops thwarted an attempt to smuggle 45 migrants to Cyprus."),
            Some(Label::NotEvent("org_crime"))
        );
        // A negated flood outranks nothing.
        assert_eq!(
            event("Gunmen attacked the village, and the deaths were not caused by the flood."),
            Some(SubEventType::Attack)
        );
    }

    #[test]
    fn a_trigger_noun_after_after_is_background() {
        assert_eq!(
            event("The two sides agreed a ceasefire after weeks of fighting in the region."),
            Some(SubEventType::Agreement)
        );
        // A verb after "after" is an incident of its own.
        assert_eq!(
            event("Troops clashed with rebels after the rebels attacked a convoy."),
            Some(SubEventType::ArmedClash)
        );
        // Forced out by the fighting: the territory changed hands by force.
        assert_eq!(
            event("Militants entered the town after a night of fighting with soldiers, who retreated from their bases."),
            Some(SubEventType::NonStateActorOvertakesTerritory)
        );
    }

    #[test]
    fn what_a_protest_is_against_is_not_what_happened() {
        assert_eq!(
            event("Thousands marched in a peaceful protest against police brutality."),
            Some(SubEventType::PeacefulProtest)
        );
        assert_eq!(
            event("Des jeunes ont manifesté à Gao pour dénoncer les enlèvements de chauffeurs."),
            Some(SubEventType::PeacefulProtest)
        );
        assert_eq!(
            event("Des milliers de personnes ont défilé pour réclamer l'égalité salariale, de meilleures rentes et la fin des violences sexistes."),
            Some(SubEventType::PeacefulProtest)
        );
        // (a camp cleared is the protest met)
        assert_eq!(
            event("Police moved onto the campus, clearing a building the students had occupied and dismantling their protest encampment."),
            Some(SubEventType::ProtestWithIntervention)
        );
        // The people of a trigger after "after" are no background; a
        // curfew for a disease does not make a riot a disaster.
        assert_eq!(
            event("The city was rocked by violence after stone-throwing protesters clashed with police. Demonstrators returned on Monday to rally."),
            Some(SubEventType::ViolentDemonstration)
        );
        assert_eq!(
            event("Youths defied the coronavirus curfew and threw stones at police."),
            Some(SubEventType::ViolentDemonstration)
        );
    }

    #[test]
    fn a_verb_and_a_noun_of_territory_or_base_are_a_trigger() {
        assert_eq!(
            event("Al-Shabaab militants seized a village near the border on Sunday."),
            Some(SubEventType::NonStateActorOvertakesTerritory)
        );
        assert_eq!(
            event("Turkish troops have set up two new military bases in the district."),
            Some(SubEventType::HeadquartersOrBaseEstablished)
        );
        assert_eq!(
            event("Government forces pushed the militants out of several villages."),
            Some(SubEventType::GovernmentRegainsTerritory)
        );
        // Noun first.
        assert_eq!(
            event("Three new observation points were set up by Turkish troops in the countryside."),
            Some(SubEventType::HeadquartersOrBaseEstablished)
        );
        // A weapon word in between: weapons seized, no territory.
        assert_eq!(
            event("Soldiers seized weapons and ammunition at the rebel base."),
            Some(SubEventType::DisruptedWeaponsUse)
        );
    }

    #[test]
    fn weapon_nouns_seized_tell_of_no_fighting() {
        assert_eq!(
            event("Special forces destroyed dozens of machine guns, rockets and IEDs during an operation."),
            Some(SubEventType::DisruptedWeaponsUse)
        );
        // Codebook: excessive force is lethal or serious force; dispersal
        // or suppression alone is an intervention.
        assert_eq!(
            event("Police suppressed a peaceful student demonstration in the city."),
            Some(SubEventType::ProtestWithIntervention)
        );
        // A few light injuries from the dispersal are still an
        // intervention; dozens wounded are excessive force.
        assert_eq!(
            event("La police a dispersé les manifestants à coups de gaz lacrymogènes. Plusieurs manifestants ont été légèrement blessés."),
            Some(SubEventType::ProtestWithIntervention)
        );
        assert_eq!(
            event("Security forces fired tear gas to disperse the protesters, leaving several people injured."),
            Some(SubEventType::ProtestWithIntervention)
        );
        assert_eq!(
            event("Police used tear gas and batons to stop the marchers, and some protesters were injured."),
            Some(SubEventType::ProtestWithIntervention)
        );
        assert_eq!(
            event("Dozens of protesters were injured as security forces fired tear gas to disperse them."),
            Some(SubEventType::ExcessiveForceAgainstProtesters)
        );
        // A demonstration that turns violent later in the text is a riot.
        assert_eq!(
            event("Thousands of demonstrators marched on Saturday. Later, rioters threw stones at the police."),
            Some(SubEventType::ViolentDemonstration)
        );
    }

    #[test]
    fn weapons_seized_without_a_trigger_word_are_disrupted_use() {
        assert_eq!(
            event("Two firearms and several rounds were seized during the search."),
            Some(SubEventType::DisruptedWeaponsUse)
        );
        assert_eq!(event("No weapons were found during the search."), None);
    }

    #[test]
    fn a_modal_word_in_a_compound_is_no_modal() {
        assert_eq!(
            event("Two would-be suicide bombers blew themselves up before reaching their target."),
            Some(SubEventType::SuicideBomb)
        );
        assert_eq!(
            event("Militants would attack the town, officials feared."),
            None
        );
    }

    #[test]
    fn a_verb_after_the_cue_makes_no_background() {
        assert_eq!(
            event(
                "Four soldiers were killed after their vehicle hit a ground mine laid by rebels."
            ),
            Some(SubEventType::RemoteExplosiveLandmineIed)
        );
    }

    #[test]
    fn a_count_of_attackers_is_no_count_of_victims() {
        assert_eq!(
            event("Dozens of militants arrived on motorcycles and opened fire, scattering terrified residents."),
            Some(SubEventType::Attack)
        );
        assert_eq!(
            event("Militants ambushed a patrol, killing 11 soldiers."),
            Some(SubEventType::ArmedClash)
        );
    }

    #[test]
    fn a_longer_phrase_that_is_no_whole_word_hides_no_shorter_one() {
        // ... at the same start: "grenade attack" in "grenade attacks".
        assert_eq!(
            event("Militants carried out two grenade attacks on a market."),
            Some(SubEventType::Grenade)
        );
        // "hand grenade" is a trigger; in "hand grenades" it is not a whole
        // word, and "grenades" must still be found.
        assert_eq!(
            event("Militants attacked the office with hand grenades, injuring an editor."),
            Some(SubEventType::Grenade)
        );
    }

    /// The part the words `who` play in `sentence` (the whole text).
    fn part(sentence: &str, who: &str) -> Part {
        let at = sentence.find(who).expect("the words are in the sentence");
        grammatical_role(
            sentence,
            Span::new(0, sentence.len()),
            Span::new(at, at + who.len()),
        )
    }

    #[test]
    fn the_side_a_place_is_taken_from_is_hit() {
        assert_eq!(
            part("Soldiers retook Ber from rebels on Sunday.", "rebels"),
            Part::Patient
        );
        assert_eq!(
            part(
                "L'armée a repris la ville aux jihadistes dimanche.",
                "jihadistes"
            ),
            Part::Patient
        );
        // Without "from", the same words after the verb say nothing.
        assert_eq!(
            part("Soldiers retook Ber with rebels nearby.", "rebels"),
            Part::Unmarked
        );
    }

    #[test]
    fn the_counted_object_of_a_killing_is_hit() {
        assert_eq!(
            part("They killed three soldiers on Monday.", "soldiers"),
            Part::Patient
        );
        assert_eq!(
            part(
                "Gunmen stormed the post, killing at least 12 Malian soldiers.",
                "Malian"
            ),
            Part::Patient
        );
        assert_eq!(
            part(
                "Des hommes armés ont tué lundi, tuant deux militaires.",
                "militaires"
            ),
            Part::Patient
        );
        // (a clause after the killing names its doer)
        let s = "Four soldiers were killed when Al Shabaab fighters attacked a base.";
        assert_ne!(part(s, "Al Shabaab"), Part::Patient);
        let s = "A woman was killed when Ukrainian shells hit a street.";
        assert_ne!(part(s, "Ukrainian"), Part::Patient);
    }

    #[test]
    fn what_an_attack_is_on_is_hit() {
        let s = "An attack by Islamist militants on a gendarmerie post killed 53 people.";
        assert_eq!(part(s, "gendarmerie"), Part::Patient);
        assert_eq!(part(s, "militants"), Part::Agent);
        let s = "Une attaque contre un poste de l'armée a fait 12 morts.";
        assert_eq!(part(s, "armée"), Part::Patient);
        // (an opening quote is no word between the cue and the name)
        let s = "Vingt soldats ont été tués lors d'une attaque de « terroristes » près de Tassia.";
        assert_eq!(part(s, "terroristes"), Part::Agent);
    }

    #[test]
    fn joined_subjects_fight_together() {
        let s = "The army and Wagner retook Ber on Sunday.";
        assert_eq!(part(s, "army"), Part::Agent);
        assert_eq!(part(s, "Wagner"), Part::Ally);
        // Two sides of a clash are not joined subjects of one verb.
        let clash = "Clashes between the army and rebels left 12 dead.";
        assert_ne!(part(clash, "rebels"), Part::Ally);
        assert_ne!(part(clash, "army"), Part::Agent);
    }
}
