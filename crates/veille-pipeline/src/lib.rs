//! The pure pipeline for one document: extract -> nlp -> geo -> code.
//!
//! No I/O here: callers (the CLI, the server, workers) read the bytes and
//! hand the output to the store.

use veille_core::{char_offsets, Error, ExtractOutput, PlaceMention, RawDocument, Span};
use veille_geo::Gazetteer;

/// The loaded knowledge (gazetteer, lexicons) the stages need.
pub struct Pipeline {
    gazetteer: &'static Gazetteer,
    lexicon: &'static veille_code::Lexicon,
    /// Whether the output lists every place the text names, or only the
    /// events (see [`Pipeline::events_only`]).
    places: bool,
}

impl Default for Pipeline {
    fn default() -> Self {
        Self::new()
    }
}

impl Pipeline {
    /// Loads the embedded data (once per process).
    pub fn new() -> Pipeline {
        Pipeline {
            gazetteer: Gazetteer::global(),
            lexicon: veille_code::lexicon(),
            places: true,
        }
    }

    /// A pipeline for callers that keep the events and not the places the
    /// text names (ingest, workers, feeds): an article with no trigger word
    /// at all can give no event, so after extraction it skips the nlp, geo
    /// and coding stages, and its `places` are left empty. Its events and
    /// warnings are those of the full pipeline.
    pub fn events_only(mut self) -> Pipeline {
        self.places = false;
        self
    }

    /// Runs every stage on one document.
    ///
    /// Errors only when the document has no article text; everything the
    /// coder could not decide is in `warnings`.
    /// A panic in a stage is caught and returned as [`Error::Internal`], so
    /// one document never aborts a batch.
    pub fn run(&self, doc: &RawDocument) -> Result<ExtractOutput, Error> {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.stages(doc))).unwrap_or_else(
            |panic| {
                let why = panic
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "panic".into());
                Err(Error::Internal(why))
            },
        )
    }

    fn stages(&self, doc: &RawDocument) -> Result<ExtractOutput, Error> {
        let article = veille_extract::extract(doc)?;
        let pre = veille_code::Prescan::new(&article.text, self.lexicon);
        let (coded, toponyms) = if !self.places && pre.codes_nothing(self.lexicon) {
            (veille_code::rules::Coded::default(), Vec::new())
        } else {
            let nlp = veille_nlp::analyze(&article.text, article.publication_date);
            let geo = veille_geo::find_places(&article.text, &nlp.sentences, self.gazetteer);
            let coded = veille_code::code_prescanned(
                &article,
                pre,
                &nlp,
                &geo,
                self.gazetteer,
                self.lexicon,
            );
            (coded, geo.toponyms)
        };
        let mut warnings = coded.warnings;
        if article.publication_date.is_none() {
            warnings.push(
                "no publication date found: relative dates were not resolved (use --pub-date)"
                    .into(),
            );
        }
        let text = &article.text;
        // Output offsets count code points, like evidence spans.
        let places = toponyms
            .into_iter()
            .map(|t| {
                let (start, end) = char_offsets(text, t.mention.span);
                PlaceMention {
                    span: Span { start, end },
                    ..t.mention
                }
            })
            .collect();
        let mut events = coded.events;
        veille_dedup::sort_events(&mut events);
        Ok(ExtractOutput {
            article,
            events,
            places,
            warnings,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(bytes: Vec<u8>) -> RawDocument {
        RawDocument {
            bytes,
            fallback_date: chrono::NaiveDate::from_ymd_opt(2025, 4, 15),
            ..Default::default()
        }
    }

    /// A capital named by its country places the event there; a country
    /// named last in its sentence ("in the U.S.") is no panic.
    #[test]
    fn a_capital_named_by_its_country_is_the_event_place() {
        let p = Pipeline::new();
        let place = |text: &str| {
            let out = p.run(&doc(text.as_bytes().to_vec())).unwrap();
            let e = out.events.first().expect("an event");
            e.location.as_ref().map(|l| l.name.clone())
        };
        for (text, want) in [
            ("Thousands of people marched through the Moroccan capital on Sunday in solidarity with Palestinians in Gaza.", "Rabat"),
            ("Des centaines de personnes ont manifesté dimanche dans la capitale malienne.", "Bamako"),
            ("Protesters gathered in Niger's capital on Sunday.", "Niamey"),
            ("Tens of thousands of demonstrators marched through the U.S. capital on Saturday, calling for a ceasefire in Gaza.", "Washington"),
            // a seat of the state stands in its capital
            ("Thousands of protesters gathered outside South Korea's National Assembly on Tuesday.", "Seoul"),
            ("Hundreds of people protested outside the Kenyan parliament on Tuesday.", "Nairobi"),
            // "the capital" alone: the capital of the country the text is about
            ("Des manifestants ont été dispersés jeudi au Tchad. La police a tiré des gaz lacrymogènes sur les manifestants dans plusieurs quartiers de la capitale.", "N'Djamena"),
            // (not another body's seat)
            ("Hundreds of farmers protested outside the European Parliament in Strasbourg on Tuesday.", "Strasbourg"),
        ] {
            assert_eq!(place(text).as_deref(), Some(want), "{text}");
        }
        // (a distance's reference point is no event place)
        assert_ne!(
            place("Gunmen killed five people 600 km from the Malian capital.").as_deref(),
            Some("Bamako")
        );
        for text in [
            "Gunmen killed five people in the U.S.",
            "Gunmen killed five people near the Malian",
            "Gunmen killed five people in Mali's",
        ] {
            p.run(&doc(text.as_bytes().to_vec())).unwrap();
        }
    }

    /// Two states' forces named by their demonyms are the two sides.
    #[test]
    fn two_armies_named_by_demonyms_are_two_sides() {
        let p = Pipeline::new();
        let text = "Russian forces attacked Ukrainian positions near Robotyne on Saturday.";
        let out = p.run(&doc(text.as_bytes().to_vec())).unwrap();
        let e = out.events.first().expect("an event");
        let names: Vec<&str> = e.actors.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(e.sub_event_type.to_string(), "Armed clash");
        assert!(
            names
                .iter()
                .any(|n| n.starts_with("Military Forces of Russia")),
            "{names:?}"
        );
        assert!(
            names
                .iter()
                .any(|n| n.starts_with("Military Forces of Ukraine")),
            "{names:?}"
        );
    }

    /// An attack whose victims the next sentence names as soldiers or
    /// fighters is a battle against them; the side that attacked, told
    /// first, stays first when a later sentence names both the other way.
    #[test]
    fn armed_victims_told_after_an_attack_make_a_battle() {
        let p = Pipeline::new();
        let sides = |text: &str| {
            let out = p.run(&doc(text.as_bytes().to_vec())).unwrap();
            assert_eq!(out.events.len(), 1, "{text}: {:?}", out.events);
            let e = &out.events[0];
            let side = |role: &str| {
                e.actors
                    .iter()
                    .find(|a| a.role == role)
                    .map(|a| a.name.clone())
                    .unwrap_or_default()
            };
            (
                e.sub_event_type.to_string(),
                side("actor1"),
                side("actor2"),
                e.fatalities,
            )
        };
        for text in [
            "Gunmen attacked a post in Kaya on Monday. Three soldiers lost their lives.",
            "Gunmen attacked a post in Kaya on Monday. Three soldiers were killed.",
            "Gunmen attacked a post in Kaya on Monday. They killed three soldiers.",
        ] {
            let (sub, a1, a2, fatalities) = sides(text);
            assert_eq!(sub, "Armed clash", "{text}");
            assert!(a1.starts_with("Unidentified Armed Group"), "{text}: {a1}");
            assert!(
                a2.starts_with("Military Forces of Burkina Faso"),
                "{text}: {a2}"
            );
            assert_eq!(fatalities, Some(3), "{text}");
        }
        // (victims left unnamed, or civilians, stay civilians)
        let (sub, _, a2, _) =
            sides("Gunmen attacked a village in Kaya on Monday. Three civilians lost their lives.");
        assert_eq!(sub, "Attack");
        assert!(a2.starts_with("Civilians"), "{a2}");
        let (sub, a1, a2, _) = sides(
            "ISWAP militants attacked a military base in Malam Fatori, Borno, on Monday. \
             Two soldiers were killed; troops repelled the attack and killed several militants.",
        );
        assert_eq!(sub, "Armed clash");
        assert_eq!(a1, "Islamic State (West Africa)");
        assert!(a2.starts_with("Military Forces of Nigeria"), "{a2}");
    }

    /// Protests told as a march one takes part in, or about a killing
    /// elsewhere; a foreign army's conquest; an abduction named only as an
    /// adjective; explosives as the means of a ground assault.
    #[test]
    fn marches_conquests_and_adjectives() {
        let p = Pipeline::new();
        let sub = |text: &str| {
            let out = p.run(&doc(text.as_bytes().to_vec())).unwrap();
            out.events
                .first()
                .map(|e| (e.sub_event_type.to_string(), e.fatalities))
        };
        let sub_of = |text: &str| sub(text).map(|s| s.0);
        for text in [
            "Several hundred women took part in the Aurat March in Lahore on Friday.",
            "Members of youth organisations held a march in Kochi on Sunday.",
        ] {
            assert_eq!(sub_of(text).as_deref(), Some("Peaceful protest"), "{text}");
        }
        let text = "Around 12,000 people gathered in Athens on Sunday to protest against the \
                    government's handling of the train collision near Tempi, which killed 57 people.";
        assert_eq!(sub(text), Some(("Peaceful protest".into(), Some(0))));
        // (the death of the mourned, however told: a funeral, a relative
        // clause with its own force words, a participle past a comma)
        for text in [
            "Hundreds of people protested in Kano at the funeral of a student who was shot \
             dead by police last week, demanding justice.",
            "Des centaines de personnes ont manifesté samedi à Dakar lors des funérailles d'un jeune \
             homme tué par la police.",
            "Des centaines de personnes ont manifesté samedi à Dakar pour réclamer justice pour \
             Moussa Diop, tué par la police.",
        ] {
            assert_eq!(sub(text), Some(("Peaceful protest".into(), Some(0))), "{text}");
        }
        // (but force on the crowd outside that clause, or a verb's
        // passive, is the protest's own)
        for text in [
            "Police fired on hundreds of people protesting in Kano against the killing of a \
             student who was shot dead last week; two protesters were killed.",
            "Protesters demanding fuel subsidies were shot dead by police in Kano on Monday.",
        ] {
            assert_eq!(
                sub_of(text).as_deref(),
                Some("Excessive force against protesters"),
                "{text}"
            );
        }
        let text = "Russian forces took full control of Avdiivka, in Ukraine's Donetsk region, \
                    on Saturday after Ukrainian troops withdrew.";
        assert_eq!(
            sub_of(text).as_deref(),
            Some("Non-state actor overtakes territory")
        );
        let text =
            "Rebels attacked soldiers searching for the kidnapped pilot in Nduga on Saturday, \
                    killing six soldiers.";
        assert_eq!(sub_of(text).as_deref(), Some("Armed clash"));
        let text = "JNIM militants attacked the army camp in Bourem on Tuesday using \
                    vehicle-borne explosive devices and heavy weapons, killing 10 soldiers.";
        assert_eq!(sub_of(text).as_deref(), Some("Armed clash"));
        let text = "Militants attacked a military convoy near Bourem on Tuesday using an IED, \
                    killing three soldiers.";
        assert_eq!(
            sub_of(text).as_deref(),
            Some("Remote explosive/landmine/IED")
        );
    }

    /// A sentence dated in an earlier year is background: no event, and a
    /// warning that says so with its date.
    #[test]
    fn an_old_date_is_told_in_a_warning() {
        let p = Pipeline::new();
        let text = "On 24 October 2020, gunmen attacked a school in Kumba, killing seven pupils.";
        let out = p.run(&doc(text.as_bytes().to_vec())).unwrap();
        assert!(out.events.is_empty(), "{:?}", out.events);
        assert!(
            out.warnings
                .iter()
                .any(|w| w.contains("background") && w.contains("24 October 2020")),
            "{:?}",
            out.warnings
        );
    }

    /// The day something is planned for is no event's day: the weekday is.
    #[test]
    fn a_day_planned_for_is_no_event_date() {
        let p = Pipeline::new();
        for text in [
            "Tens of thousands of people marched in Algiers on Friday, rejecting a presidential \
             election set for December 12.",
            "Un étudiant a été tué vendredi à Saint-Louis lors de heurts entre la police et des \
             jeunes qui protestaient contre le report de l'élection présidentielle prévue le 25 \
             février.",
        ] {
            let out = p.run(&doc(text.as_bytes().to_vec())).unwrap();
            let dates: Vec<_> = out.events.iter().map(|e| e.event_date).collect();
            assert_eq!(
                dates,
                [chrono::NaiveDate::from_ymd_opt(2025, 4, 11).unwrap()],
                "{text}"
            );
        }
    }

    /// A reporting day dates the lead's incident only with a day of the
    /// week before it; a day before that is the offensive's, not the
    /// town's retaking.
    #[test]
    fn a_reporting_day_is_not_dated_by_an_older_lead_date() {
        let p = Pipeline::new();
        let text = "Forces allied to the government said on Monday they had retaken the town \
                    of Gharyan, Libya. The offensive on the capital began in early January.";
        let out = p.run(&doc(text.as_bytes().to_vec())).unwrap();
        let retaken = out
            .events
            .iter()
            .find(|e| e.sub_event_type.to_string() == "Government regains territory")
            .expect("the town retaken");
        assert_eq!(
            retaken.event_date,
            chrono::NaiveDate::from_ymd_opt(2025, 4, 14).unwrap()
        );
    }

    /// A day before on which something only mentioned was announced dates
    /// nothing of the clause: the weekday does; a crowd gathered on a square
    /// against a list of grievances is a protest, whatever the list holds.
    #[test]
    fn the_day_before_an_announcement_and_a_list_of_grievances() {
        let p = Pipeline::new();
        let text = "Lundi, des milliers de personnes se sont rassemblées sur la place des \
                    Martyrs à Beyrouth, au Liban. Les manifestants ont réclamé la démission du \
                    gouvernement malgré le plan de réformes annoncé la veille.";
        let out = p.run(&doc(text.as_bytes().to_vec())).unwrap();
        let dates: Vec<_> = out.events.iter().map(|e| e.event_date).collect();
        assert_eq!(
            dates,
            [chrono::NaiveDate::from_ymd_opt(2025, 4, 14).unwrap()]
        );
        let text = "Lundi, des milliers de personnes se sont de nouveau rassemblées sur la place \
                    Al-Nour à Tripoli, au Liban, contre la classe politique, la corruption et la \
                    crise économique.";
        let out = p.run(&doc(text.as_bytes().to_vec())).unwrap();
        let subs: Vec<String> = out
            .events
            .iter()
            .map(|e| e.sub_event_type.to_string())
            .collect();
        assert_eq!(subs, ["Peaceful protest"], "{:?}", out.warnings);
    }

    /// An events-only pipeline gives the events and warnings of the full
    /// one on every document, skipping the stages only where no trigger is.
    #[test]
    fn events_only_changes_nothing_but_places() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/demo/articles");
        let mut docs: Vec<RawDocument> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| doc(std::fs::read(e.unwrap().path()).unwrap()))
            .collect();
        assert!(docs.len() >= 20, "demo articles in {}", dir.display());
        for text in [
            // no trigger word at all: stages skipped
            "The city council of Lyon approved the new tram line on Monday. Works start in May in Villeurbanne.",
            "Le festival de Ouagadougou a ouvert ses portes samedi devant des milliers de spectateurs.",
            // no trigger word, but a verb of taking before a place's name
            "Rebels captured Kidal on Monday, residents said.",
        ] {
            docs.push(doc(text.as_bytes().to_vec()));
        }
        let (full, lean) = (Pipeline::new(), Pipeline::new().events_only());
        let (mut skipped, mut events) = (0, 0);
        for d in &docs {
            let (a, b) = match (full.run(d), lean.run(d)) {
                (Ok(a), Ok(b)) => (a, b),
                // (the demo's broken file fails alike)
                (a, b) => {
                    assert_eq!(a.unwrap_err().to_string(), b.unwrap_err().to_string());
                    continue;
                }
            };
            assert_eq!(a.events, b.events, "{:?}", a.article.title);
            assert_eq!(a.warnings, b.warnings, "{:?}", a.article.title);
            assert_eq!(a.article, b.article);
            if b.places.is_empty() && !a.places.is_empty() {
                skipped += 1;
                assert!(a.events.is_empty());
            } else {
                assert_eq!(a.places, b.places);
            }
            events += b.events.len();
        }
        assert!(skipped >= 2, "skipped {skipped}");
        let took = lean.run(docs.last().unwrap()).unwrap();
        assert_eq!(took.events.len(), 1, "{:?}", took.warnings);
        assert!(events > 20);
    }
}
