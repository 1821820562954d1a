//! Fatalities, injured and abducted are separate counts of one clause;
//! actors take their roles from the clause (who hit whom); reports of one
//! incident in several sentences of an article make one event.

mod common;

#[test]
fn killed_wounded_and_abducted_are_counted_apart() {
    let dir = common::temp_dir("casualties");
    let article = dir.join("a.txt");
    std::fs::write(
        &article,
        "Gunmen raid church in Kajuru\n\nGunmen abducted 31 worshippers during a raid on a church in Kajuru, Nigeria, on Sunday, killing one person and wounding five others, residents said.\n",
    )
    .unwrap();
    let out = common::veille(&[
        "extract",
        article.to_str().unwrap(),
        "--pub-date",
        "2025-03-24",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let e = &v["events"][0];
    // Codebook: an abduction with killings reported is an attack.
    assert_eq!(e["sub_event_type"], "Attack", "{e:#}");
    assert_eq!(e["fatalities"], 1, "{e:#}");
    assert_eq!(e["injured"], 5, "{e:#}");
    assert_eq!(e["abducted"], 31, "{e:#}");
    assert_eq!(e["aggregate"], false);
    std::fs::remove_dir_all(&dir).unwrap();
}

fn events(name: &str, text: &str, pub_date: &str) -> Vec<serde_json::Value> {
    extract(name, text, pub_date)["events"]
        .as_array()
        .unwrap()
        .clone()
}

/// The one event of an article (failing when there are none or several).
fn the_event(name: &str, text: &str, pub_date: &str) -> serde_json::Value {
    let found = events(name, text, pub_date);
    assert_eq!(found.len(), 1, "{name}: {found:#?}");
    found[0].clone()
}

/// `veille extract` of `text` published on `pub_date`: the whole output.
fn extract(name: &str, text: &str, pub_date: &str) -> serde_json::Value {
    let dir = common::temp_dir(name);
    let article = dir.join("a.txt");
    std::fs::write(&article, text).unwrap();
    let out = common::veille(&["extract", article.to_str().unwrap(), "--pub-date", pub_date]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    v
}

/// The sub-event type of the first event of an article.
fn first_sub_type(name: &str, text: &str, pub_date: &str) -> String {
    events(name, text, pub_date)[0]["sub_event_type"]
        .as_str()
        .unwrap()
        .to_string()
}

/// The actor of `role` in an event (JSON), if any.
fn actor_in<'e>(e: &'e serde_json::Value, role: &str) -> Option<&'e serde_json::Value> {
    e["actors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["role"] == role)
}

fn actor(e: &serde_json::Value, role: &str) -> String {
    actor_in(e, role)
        .map(|a| a["name"].as_str().unwrap().to_string())
        .unwrap_or_default()
}

#[test]
fn an_abduction_without_killings_stays_an_abduction() {
    let e = &events(
        "abduction-alone",
        "About a dozen armed men arrived by boat at a resort on Samal island, Philippines, late on Monday, took four hostages and fled out to sea; no one was hurt, police said.\n",
        "2015-09-22",
    )[0];
    assert_eq!(
        e["sub_event_type"], "Abduction/forced disappearance",
        "{e:#}"
    );
}

#[test]
fn protesters_who_died_met_excessive_force() {
    // Deaths in a stampede the forces' tear gas set off: more than an
    // intervention.
    let e = &events(
        "stampede",
        "Ethiopian security forces fired tear gas and warning shots at anti-government protesters in Bishoftu on Sunday, triggering a stampede in which at least 52 people died, the government said.\n",
        "2016-10-02",
    )[0];
    assert_eq!(
        e["sub_event_type"], "Excessive force against protesters",
        "{e:#}"
    );
    assert_eq!(e["fatalities"], 52, "{e:#}");
}

#[test]
fn a_distant_reference_point_is_not_the_place() {
    let e = &events(
        "far-reference",
        "U.S. aircraft and drones struck an al Shabaab training camp in Somalia's Hiraan region, about 195 km (120 miles) north of Mogadishu, on Saturday, killing more than 150 fighters, the Pentagon said.\n",
        "2016-03-07",
    )[0];
    assert_eq!(e["location"]["admin1"], "Hiraan", "{e:#}");
}

#[test]
fn a_march_that_went_home_calmly_on_the_day_it_was_held() {
    // "s'est dispersé dans le calme" is no dispersal by the police; "la
    // présidentielle du 18 avril" is the day of another occasion.
    let v = events(
        "calm-march",
        "Des milliers de manifestants ont défilé vendredi dans le centre d'Alger contre un cinquième mandat du président Abdelaziz Bouteflika, candidat à la présidentielle du 18 avril. La police n'est pas intervenue et le cortège s'est dispersé dans le calme.\n",
        "2019-02-22",
    );
    assert_eq!(v.len(), 1, "{v:#?}");
    assert_eq!(v[0]["sub_event_type"], "Peaceful protest", "{:#}", v[0]);
    assert_eq!(v[0]["event_date"], "2019-02-22", "{:#}", v[0]);
}

#[test]
fn a_source_named_after_its_verb_is_no_side() {
    // "..., a annoncé l'armée": the army told of the killing, it did not
    // fight.
    let e = &events(
        "inverted-source",
        "Treize jeunes hommes ont été tués samedi par des hommes armés près de Ziguinchor, a annoncé l'armée.\n",
        "2018-01-06",
    )[0];
    assert_eq!(e["sub_event_type"], "Attack", "{e:#}");
    assert_eq!(actor(e, "actor2"), "Civilians (Senegal)", "{e:#}");
    assert_eq!(e["source_attribution"], "l'armée", "{e:#}");
}

#[test]
fn one_person_named_as_killed_then_the_count_of_all_the_dead() {
    let e = &events(
        "one-named",
        "Le général iranien Qassem Soleimani a été tué vendredi dans une frappe de drone américaine près de l'aéroport international de Bagdad, a annoncé le Pentagone. Sept personnes ont péri dans le raid, selon des responsables irakiens.\n",
        "2020-01-03",
    )[0];
    assert_eq!(e["fatalities"], 7, "{e:#}");
}

#[test]
fn what_someone_is_recovering_from_is_background() {
    let v = events(
        "recovering",
        "Russian police detained Kremlin critic Alexei Navalny at Moscow's Sheremetyevo airport on Sunday, after he spent five months recovering from a nerve agent poisoning.\n",
        "2021-01-17",
    );
    assert_eq!(v.len(), 1, "{v:#?}");
    assert_eq!(v[0]["sub_event_type"], "Arrests", "{:#}", v[0]);
}

#[test]
fn who_announces_its_own_deed_is_a_side_not_a_source() {
    // A French dateline, then the army telling what it did.
    let e = &events(
        "own-deed",
        "Bamako, 14 nov 2023 (AFP) - L'armée malienne a annoncé mardi s'être emparée de Kidal, bastion des rebelles séparatistes touareg du CSP dans le nord du pays.\n",
        "2023-11-14",
    )[0];
    assert_eq!(e["sub_event_type"], "Government regains territory", "{e:#}");
    assert_eq!(actor(e, "actor1"), "Military Forces of Mali", "{e:#}");
    assert_eq!(e["location"]["admin1"], "Kidal", "{e:#}");
}

#[test]
fn marches_that_defiled_and_brasilia_in_acleds_words() {
    let e = &events(
        "defile",
        "Quelque 80 000 personnes ont défilé jeudi à Paris contre le projet de réforme des retraites.\n",
        "2023-01-19",
    )[0];
    assert_eq!(e["sub_event_type"], "Peaceful protest", "{e:#}");
    let e = &events(
        "brasilia",
        "Des milliers de partisans de Jair Bolsonaro ont envahi dimanche le Congrès à Brasilia, brisant des vitres.\n",
        "2023-01-08",
    )[0];
    assert_eq!(e["location"]["admin1"], "Distrito Federal", "{e:#}");
}

#[test]
fn a_war_that_killed_thousands_is_the_history_of_an_agreement() {
    let v = events(
        "war-history",
        "Colombian President Juan Manuel Santos and FARC leader Rodrigo Londono signed a peace agreement in Cartagena on Monday, ending more than five decades of war that killed more than 220,000 people.\n",
        "2016-09-26",
    );
    assert_eq!(v.len(), 1, "{v:#?}");
    assert_eq!(v[0]["sub_event_type"], "Agreement", "{:#}", v[0]);
}

#[test]
fn a_toll_broken_down_and_an_age_range_are_not_added() {
    let e = &events(
        "breakdown",
        "Gunmen ambushed three vehicles near Bavispe, in the Mexican state of Sonora, on Monday, killing at least nine people, three women and six children, officials said.\n",
        "2019-11-04",
    )[0];
    assert_eq!(e["fatalities"], 9, "{e:#}");
    let e = &events(
        "age-range",
        "Four boys, aged between nine and eleven, were killed on Wednesday when shells fired from an Israeli gunboat hit a beach near the Gaza City port, Gaza health officials said.\n",
        "2014-07-16",
    )[0];
    assert_ne!(e["fatalities"], 20, "{e:#}");
    assert_ne!(e["fatalities"], 24, "{e:#}");
}

#[test]
fn soldiers_killed_by_jihadists_is_a_battle_with_the_jihadists_first() {
    let ev = events(
        "roles-en",
        "Jihadists kill 12 soldiers in Burkina Faso\n\nTwelve soldiers were killed by suspected jihadists on Sunday in an ambush near Djibo in northern Burkina Faso, the army said on Monday.\n\nSeveral assailants were also neutralised during the fighting, according to a statement.\n",
        "2022-06-18",
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    let e = &ev[0];
    assert_eq!(e["sub_event_type"], "Armed clash", "{e:#}");
    assert_eq!(
        actor(e, "actor1"),
        "Unidentified Armed Group (Burkina Faso)"
    );
    assert_eq!(actor(e, "actor2"), "Military Forces of Burkina Faso");
    assert_eq!(e["fatalities"], 12);
}

#[test]
fn french_soldiers_killed_in_an_attack_by_jihadists_are_actor2() {
    let ev = events(
        "roles-fr",
        "Mali : des militaires tués dans une attaque près de Boni\n\nDes militaires maliens ont été tués mardi dans une attaque de jihadistes présumés près de Boni, dans le centre du Mali, a indiqué l'armée malienne dans un communiqué.\n\nSelon des sources locales, quatre soldats ont été tués et six autres blessés.\n",
        "2022-06-18",
    );
    // One incident; "Boni" is not the German city of Bonn (one of its
    // alternate names) in an article about Mali.
    assert_eq!(ev.len(), 1, "{ev:#?}");
    let e = &ev[0];
    assert_eq!(e["event_type"], "Battles", "{e:#}");
    assert_eq!(e["location"]["country"], "Mali", "{e:#}");
    assert_eq!(actor(e, "actor1"), "Unidentified Armed Group (Mali)");
    assert_eq!(actor(e, "actor2"), "Military Forces of Mali");
    assert_eq!(e["fatalities"], 4);
    assert_eq!(e["injured"], 6);
}

#[test]
fn forces_named_by_a_demonym_are_that_countrys_wherever_they_fight() {
    let ev = events(
        "demonym-air",
        "Israeli air strikes on Gaza killed 20 people on Monday, the health ministry said.\n",
        "2025-01-14",
    );
    let e = &ev[0];
    assert_eq!(e["sub_event_type"], "Air/drone strike", "{e:#}");
    assert_eq!(actor(e, "actor1"), "Military Forces of Israel");
    assert_eq!(e["location"]["country"], "Palestine", "{e:#}");
    // The lexicon's name for the country's forces; the French order.
    let ev = events(
        "demonym-fr",
        "Des frappes aériennes turques ont tué cinq combattants à Duhok lundi.\n",
        "2025-01-14",
    );
    assert_eq!(actor(&ev[0], "actor1"), "Military Forces of Turkey");
    // A country with no actor of its own in the lexicon: external forces.
    let ev = events(
        "demonym-zm",
        "Zambian soldiers killed five militants in Cabo Delgado on Monday.\n",
        "2025-01-14",
    );
    assert_eq!(actor(&ev[0], "actor1"), "Military Forces of Zambia");
    assert_eq!(actor_in(&ev[0], "actor1").unwrap()["inter"], 8);
    // Without a demonym, "air strikes" names no side.
    let ev = events(
        "demonym-none",
        "Air strikes on Idlib killed 12 civilians on Monday.\n",
        "2025-01-14",
    );
    assert_eq!(ev[0]["location"]["country"], "Syria", "{:#}", ev[0]);
    assert!(!actor(&ev[0], "actor1").starts_with("Military Forces"));
}

#[test]
fn with_no_place_the_actors_are_of_the_named_groups_country() {
    // "the Horn of Africa nation" is no place (not the German town Horn):
    // the soldiers are Somalia's, Al Shabaab's country.
    let ev = events(
        "home-country",
        "Al-Shabaab militants attacked a base in the Horn of Africa nation on Monday, killing seven soldiers.\n",
        "2025-01-14",
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert!(ev[0]["location"].is_null(), "{:#}", ev[0]);
    assert_eq!(actor(&ev[0], "actor1"), "Al Shabaab");
    assert_eq!(actor(&ev[0], "actor2"), "Military Forces of Somalia");
}

#[test]
fn a_lead_that_names_no_day_is_the_news_of_the_publication_week() {
    for (name, text) in [
        (
            "undated-en",
            "Jihadists killed 15 civilians in central Mali, the army said.\n",
        ),
        (
            "undated-fr",
            "Des jihadistes ont tué 15 civils dans le centre du Mali, a indiqué l'armée.\n",
        ),
    ] {
        let v = extract(name, text, "2026-11-20");
        let e = &v["events"][0];
        assert_eq!(e["event_date"], "2026-11-20", "{v:#}");
        assert_eq!(e["time_precision"], 2);
        assert_eq!(e["fatalities"], 15);
        // No words of the text date it: no evidence, a warning instead.
        let fields: Vec<&str> = e["evidence"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x["field"].as_str().unwrap())
            .collect();
        assert!(!fields.contains(&"event_date"), "{fields:?}");
        assert!(v["warnings"].as_array().unwrap().iter().any(|w| w
            .as_str()
            .unwrap()
            .starts_with("dated by the publication date")));
    }
    // A toll counted over years is no news of the day.
    let ev = events(
        "undated-cumulative",
        "Jihadist violence has killed thousands of people in Mali.\n",
        "2026-11-20",
    );
    assert!(ev.is_empty(), "{ev:#?}");
    // A headline and a kicker before the story: the day its first sentences
    // tell, and the story's sentence, not the headline, as the event's notes.
    let ev = events(
        "undated-headline",
        "Gunmen kill 20 villagers in Burkina Faso\n\nBurkina Faso\n\nGunmen kill 20 villagers in Burkina Faso\n\nTwenty villagers were killed on Sunday when gunmen attacked Seytenga, in Seno province, local sources said.\n",
        "2026-11-20",
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0]["event_date"], "2026-11-15");
    assert_eq!(ev[0]["time_precision"], 1);
    assert!(
        ev[0]["notes"]
            .as_str()
            .unwrap()
            .contains("Twenty villagers"),
        "{:#}",
        ev[0]
    );
}

#[test]
fn the_attackers_killed_are_added_to_their_victims() {
    let ev = events(
        "attackers-added",
        "Islamist gunmen attacked a hotel in Ouagadougou on Friday night, killing 30 people, the government said. Three assailants were killed when special forces stormed the building.\n",
        "2016-01-16",
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0]["fatalities"], 33, "{:#}", ev[0]);
    // Counts joined by "and" before one death word; hostages killed are
    // not abducted.
    let ev = events(
        "hostages-and-attackers",
        "At least 19 hostages and two attackers were killed in Bamako on Friday, the government said.\n",
        "2016-01-16",
    );
    assert_eq!(ev[0]["fatalities"], 21, "{:#}", ev[0]);
    assert!(ev[0]["abducted"].is_null(), "{:#}", ev[0]);
    // Two figures for the same dead: the lowest, as before.
    let ev = events(
        "attackers-not-added",
        "Gunmen attacked a hotel in Ouagadougou on Friday night, killing 30 people, the government said. A hospital source put the toll at 35.\n",
        "2016-01-16",
    );
    assert_eq!(ev[0]["fatalities"], 30, "{:#}", ev[0]);
}

#[test]
fn a_group_named_by_country_that_claimed_an_attack_is_named_in_its_country() {
    let ev = events(
        "claim-by-country",
        "A suicide bomber struck crowds outside Kabul airport on Thursday, killing at least 60 people, officials said. The Islamic State claimed responsibility.\n",
        "2021-08-27",
    );
    assert_eq!(
        actor(&ev[0], "actor1"),
        "Islamic State (Afghanistan)",
        "{:#}",
        ev[0]
    );
}

#[test]
fn the_day_of_a_date_is_no_death_and_a_peaceful_march_has_none() {
    let ev = events(
        "date-number",
        "Gunmen stormed a college in Garissa at dawn on Thursday, April 2, killing 147 people, the minister said.\n",
        "2015-04-02",
    );
    assert_eq!(ev[0]["fatalities"], 147, "{:#}", ev[0]);
    let ev = events(
        "peaceful-no-toll",
        "More than a million people marched in Santiago on Friday in a largely peaceful demonstration. At least 19 people have died in a week of unrest.\n",
        "2019-10-25",
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0]["sub_event_type"], "Peaceful protest");
    assert_eq!(ev[0]["fatalities"], 0);
}

#[test]
fn a_capital_speaking_for_its_government_is_no_place_of_the_event() {
    let ev = events(
        "speaking-capital",
        "At least 40 policemen were killed on Thursday when a suicide bomber rammed a car into their convoy, officials said. A group claimed the attack at Lethpora in Pulwama district. New Delhi accused Islamabad of harbouring the group.\n",
        "2019-02-14",
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(
        ev[0]["location"]["admin1"], "Jammu and Kashmir",
        "{:#}",
        ev[0]
    );
}

#[test]
fn a_junta_is_the_forces_of_the_events_country() {
    let ev = events(
        "junta",
        "Rebels overran the last junta outposts around Paletwa, in Myanmar's Chin State, on Monday.\n",
        "2024-01-15",
    );
    assert!(
        ev[0]["actors"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["name"] == "Military Forces of Myanmar"),
        "{:#}",
        ev[0]
    );
}

#[test]
fn allies_described_by_a_word_or_two_are_allies() {
    let ev = events(
        "ally-described",
        "Somali government forces backed by local clan militias have captured the coastal town of Harardhere on Monday, officials said.\n",
        "2023-01-17",
    );
    assert_eq!(
        ev[0]["sub_event_type"], "Government regains territory",
        "{:#}",
        ev[0]
    );
    assert_eq!(actor(&ev[0], "actor1"), "Military Forces of Somalia");
    assert_eq!(actor(&ev[0], "actor2"), "");
}

#[test]
fn a_seat_of_power_stormed_is_a_riot_whatever_words_between() {
    let ev = events(
        "storm-between",
        "Des manifestants ont pris d'assaut vendredi l'Assemblée nationale à Bamako.\n",
        "2020-07-11",
    );
    assert_eq!(
        ev[0]["sub_event_type"], "Violent demonstration",
        "{:#}",
        ev[0]
    );
    assert_eq!(actor(&ev[0], "actor1"), "Rioters (Mali)");
}

#[test]
fn french_handmade_devices_are_ieds() {
    let ev = events(
        "engins-artisanaux",
        "Au moins huit personnes ont été tuées mardi dans deux explosions d'engins artisanaux dans le nord du Bénin.\n",
        "2022-02-09",
    );
    assert_eq!(
        ev[0]["sub_event_type"], "Remote explosive/landmine/IED",
        "{:#}",
        ev[0]
    );
    assert_eq!(ev[0]["fatalities"], 8);
}

#[test]
fn a_post_taken_by_storm_is_attacked_not_taken() {
    let ev = events(
        "pris-d-assaut",
        "Des dizaines d'assaillants lourdement armés ont pris d'assaut dimanche le poste de gendarmerie d'Inata, dans la province du Soum, tuant 53 personnes.\n",
        "2021-11-15",
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_ne!(
        ev[0]["sub_event_type"],
        "Non-state actor overtakes territory"
    );
    assert_eq!(ev[0]["location"]["country"], "Burkina Faso", "{:#}", ev[0]);
    // Seizing the camp is taking it.
    let ev = events(
        "s-emparant",
        "Le 11 mai 2025, des combattants du JNIM ont pris d'assaut Djibo, s'emparant pendant plusieurs heures du camp militaire.\n",
        "2025-05-12",
    );
    assert_eq!(
        ev[0]["sub_event_type"], "Non-state actor overtakes territory",
        "{:#}",
        ev[0]
    );
}

#[test]
fn where_the_victims_came_from_is_not_where_they_were_attacked() {
    let ev = events(
        "origin",
        "Gunmen ambushed three vehicles carrying women and children in northern Mexico on Monday, killing at least nine people, officials said. The victims were driving from La Mora in Sonora toward Chihuahua state when they were attacked on a dirt road near Bavispe.\n",
        "2019-11-04",
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0]["location"]["name"], "Bavispe", "{:#}", ev[0]);
    assert_eq!(ev[0]["location"]["admin1"], "Sonora");
}

#[test]
fn a_killing_a_protest_was_held_after_is_no_force_and_no_toll() {
    for (name, text) in [
        ("grievance-en", "Protests erupted in Bamako on Monday after soldiers killed a young man.\n"),
        ("grievance-fr", "Des jeunes ont manifesté lundi à Bamako après que des soldats ont tué un jeune homme dimanche.\n"),
    ] {
        let ev = events(name, text, "2026-11-20");
        assert_eq!(ev.len(), 1, "{ev:#?}");
        assert_eq!(ev[0]["sub_event_type"], "Peaceful protest", "{:#}", ev[0]);
        assert_eq!(ev[0]["fatalities"], 0);
        // (youths who protest are protesters, not rioters)
        assert_eq!(actor(&ev[0], "actor1"), "Protesters (Mali)");
        assert_eq!(actor(&ev[0], "actor2"), "");
    }
    // Killed at the protest: force against it.
    let ev = events(
        "grievance-not",
        "Protesters marched in Conakry on Thursday; police fired tear gas and killed two of them.\n",
        "2026-11-20",
    );
    assert_eq!(
        ev[0]["sub_event_type"],
        "Excessive force against protesters"
    );
    assert_eq!(ev[0]["fatalities"], 2);
}

#[test]
fn the_group_that_claimed_an_attack_is_its_author() {
    let ev = events(
        "claim-en",
        "An army vehicle was blown up by an explosive device near Gorom-Gorom on Saturday. JNIM claimed responsibility. Four soldiers were killed.\n",
        "2024-10-07",
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(
        actor(&ev[0], "actor1"),
        "JNIM: Group for Support of Islam and Muslims"
    );
    let ev = events(
        "claim-fr",
        "Des hommes armés ont attaqué lundi un poste de gendarmerie à Djibo, tuant onze gendarmes. L'attaque a été revendiquée par l'État islamique au Sahel.\n",
        "2022-06-14",
    );
    assert_eq!(actor(&ev[0], "actor1"), "Islamic State (Sahel)", "{ev:#?}");
    // Two groups blamed: who did it is not clear.
    let ev = events(
        "claim-two",
        "Gunmen attacked a gendarmerie post in Djibo on Monday, killing eleven gendarmes. Officials suspected JNIM or the Islamic State Sahel Province.\n",
        "2022-06-14",
    );
    assert_eq!(
        actor(&ev[0], "actor1"),
        "Unidentified Armed Group (Burkina Faso)",
        "{ev:#?}"
    );
}

#[test]
fn houses_burned_in_the_attack_are_part_of_the_attack() {
    let ev = events(
        "looting-merge",
        "Burkina : une quarantaine de civils tués dans le nord\n\nUne quarantaine de civils ont été tués jeudi dans une attaque attribuée à des jihadistes contre le village de Seytenga, dans la province du Séno, a annoncé le gouvernement samedi.\n\nLes assaillants ont incendié des maisons et des boutiques.\n",
        "2022-06-18",
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0]["sub_event_type"], "Attack");
    assert_eq!(ev[0]["fatalities"], 40);
}

#[test]
fn soldiers_killed_by_a_roadside_bomb_are_its_target_not_its_author() {
    let ev = events(
        "ied-roles",
        "Six Nigerien soldiers killed by roadside bomb near Tillaberi\n\nSix soldiers were killed on Tuesday when their vehicle struck an improvised explosive device north of Tillaberi, the defence ministry said.\n",
        "2025-05-21",
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    let e = &ev[0];
    assert_eq!(
        e["sub_event_type"], "Remote explosive/landmine/IED",
        "{e:#}"
    );
    assert_eq!(actor(e, "actor1"), "Unidentified Armed Group (Niger)");
    assert_eq!(actor(e, "actor2"), "Military Forces of Niger");
    assert_eq!(e["fatalities"], 6);
}

#[test]
fn allies_of_the_army_are_never_the_other_side() {
    // Joined subjects fight together; the side a town is taken from is the
    // other one; "backed by paramilitaries of X" makes X an ally.
    let ev = events(
        "allies",
        "Army and Africa Corps retake Gourma-Rharous from rebels\n\nThe Malian army, backed by Russian paramilitaries of the Africa Corps, regained control of Gourma-Rharous on Sunday after two days of fighting with rebels, the military said.\n",
        "2025-03-18",
    );
    assert!(!ev.is_empty(), "{ev:#?}");
    for e in &ev {
        assert_ne!(actor(e, "actor2"), "Africa Corps", "{e:#}");
        assert_ne!(actor(e, "actor1"), "Africa Corps", "{e:#}");
    }
    let e = &ev[0];
    assert_eq!(e["event_type"], "Battles", "{e:#}");
    assert_eq!(actor(e, "actor1"), "Military Forces of Mali", "{e:#}");
    // The ally is the first side's associated actor, named by its unit.
    assert_eq!(actor(e, "assoc_actor_1"), "Africa Corps", "{e:#}");
}

#[test]
fn a_later_toll_of_neutralised_attackers_is_the_events_toll() {
    // "neutralising" (the gerund) is a killing word like "neutralised".

    let ev = events(
        "same-side-toll",
        "Army retakes Gourma-Rharous from rebels\n\nThe Malian army regained control of Gourma-Rharous on Sunday after two days of fighting with rebels, the military said.\n\nIn a statement read on state television, the FAMa said units had entered the town after neutralising seven terrorists.\n",
        "2025-03-18",
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0]["fatalities"], 7, "{:#}", ev[0]);
}

/// A toll in a sentence of its own, naming no place, is the toll of the
/// event before it, whatever place the sentences between lend it; a count
/// after "including" is part of the one before it.
#[test]
fn a_toll_of_its_own_belongs_to_the_event_before_it() {
    let e = events(
        "tollafter",
        "On 18 March 2024, a drone operated by the Malian army hit a pick-up truck on the outskirts of Kidal. \
         Local sources said the occupants were civilians heading to Algeria. 8 civilians, including 3 children, were killed.\n",
        "2024-03-18",
    );
    assert_eq!(e.len(), 1, "{e:#?}");
    assert_eq!(e[0]["sub_event_type"], "Air/drone strike", "{:#}", e[0]);
    assert_eq!(e[0]["fatalities"], 8, "{:#}", e[0]);
    assert_eq!(e[0]["location"]["name"], "Kidal", "{:#}", e[0]);
}

/// A raid read as looting in its own sentence is an attack when its toll
/// follows.
#[test]
fn a_raid_whose_toll_follows_is_violence() {
    let e = events(
        "raidtoll",
        "On 21 March 2025, IS Sahel militants surrounded the mosque of Fambita in Tillaberi during Friday prayers and fired on worshippers, before setting fire to the market. 44 civilians were killed and 13 injured.\n",
        "2025-03-22",
    );
    assert_eq!(e.len(), 1, "{e:#?}");
    assert_eq!(e[0]["sub_event_type"], "Attack", "{:#}", e[0]);
    assert_eq!(e[0]["fatalities"], 44, "{:#}", e[0]);
}

/// A headline and its body's sentence are one event: the body names the
/// side the headline leaves unidentified, and says who reported it.
#[test]
fn the_body_names_the_side_the_headline_leaves_unidentified() {
    let e = events(
        "headlinesides",
        "Deux soldats et neuf assaillants tués dans des combats près de Dori\n\nDeux soldats burkinabè et neuf assaillants ont été tués dimanche lors d'affrontements entre l'armée et des combattants du JNIM près de Dori, dans le nord du Burkina Faso, selon des sources sécuritaires.\n",
        "2025-03-24",
    );
    assert_eq!(e.len(), 1, "{e:#?}");
    assert_eq!(actor(&e[0], "actor1"), "Military Forces of Burkina Faso");
    assert_eq!(
        actor(&e[0], "actor2"),
        "JNIM: Group for Support of Islam and Muslims",
        "{:#}",
        e[0]
    );
    assert_eq!(e[0]["source_attribution"], "des sources sécuritaires");
    assert_eq!(e[0]["fatalities"], 11, "{:#}", e[0]);
}

/// Two names of one side ("Burkinabe soldiers", "the army") are one side,
/// never both; "fighters from the al-Qaeda-linked JNIM" are JNIM.
#[test]
fn one_side_named_twice_is_one_side() {
    for (text, other) in [
        (
            "Two Burkinabe soldiers and nine assailants were killed on Sunday in clashes between the army and JNIM fighters near Dori, security sources said.\n",
            "JNIM: Group for Support of Islam and Muslims",
        ),
        (
            "Fighters from the al-Qaeda-linked JNIM ambushed a Burkinabe army convoy on Sunday near Dori, security sources said.\n",
            "JNIM: Group for Support of Islam and Muslims",
        ),
    ] {
        let e = events("onesidetwice", text, "2025-03-24");
        assert_eq!(e.len(), 1, "{e:#?}");
        let sides = [actor(&e[0], "actor1"), actor(&e[0], "actor2")];
        assert!(
            sides.contains(&"Military Forces of Burkina Faso".to_string())
                && sides.contains(&other.to_string()),
            "{text}: {sides:?}"
        );
    }
}

/// A bomb that struck an army vehicle: the bombers (unidentified) against
/// the army, not the army against itself.
#[test]
fn a_bomb_that_struck_the_army_is_the_bombers_against_the_army() {
    let e = events(
        "bombarmy",
        "A roadside bomb struck a Nigerien army vehicle on Tuesday near Tillabéri, killing three soldiers, a local official said.\n",
        "2025-07-16",
    );
    assert_eq!(e.len(), 1, "{e:#?}");
    assert_eq!(e[0]["sub_event_type"], "Remote explosive/landmine/IED");
    assert_eq!(actor(&e[0], "actor1"), "Unidentified Armed Group (Niger)");
    assert_eq!(actor(&e[0], "actor2"), "Military Forces of Niger");
    assert_eq!(e[0]["fatalities"], 3);
}

/// "Une dizaine de militaires ont perdu la vie": a toll of about ten.
#[test]
fn lost_their_lives_in_french_is_a_toll() {
    let e = events(
        "perdulavie",
        "Une dizaine de militaires ont perdu la vie lundi dans une embuscade près de Douentza, selon des sources sécuritaires.\n",
        "2025-01-14",
    );
    assert_eq!(e.len(), 1, "{e:#?}");
    assert_eq!(e[0]["fatalities"], 10, "{:#}", e[0]);
}

/// Headline and body name two towns for one incident: the body's sentence,
/// which says more, gives the event its place.
#[test]
fn the_body_places_the_event_the_headline_names_loosely() {
    let e = events(
        "headlineplace",
        "Mali: six soldiers killed in ambush in Mopti\n\nSix Malian soldiers were killed on Monday when their patrol was ambushed near Douentza, in central Mali, a military source said.\n",
        "2025-01-14",
    );
    assert_eq!(e.len(), 1, "{e:#?}");
    assert_eq!(e[0]["location"]["name"], "Douentza", "{:#}", e[0]);
}

/// "Riot police", "tear gas shells", "stun grenades" say how a crowd was
/// handled: no riot, no shelling, no grenade attack.
#[test]
fn riot_police_and_tear_gas_shells_are_an_intervention() {
    for text in [
        "Hundreds of students marched to the education ministry in Dakar on Tuesday; riot police fired tear gas shells to disperse them.\n",
        "Thousands of opposition supporters rallied in Conakry on Thursday. Anti-riot police threw stun grenades and arrested a dozen people.\n",
    ] {
        let e = events("riotpolice", text, "2025-05-16");
        assert_eq!(e.len(), 1, "{e:#?}");
        assert_eq!(e[0]["sub_event_type"], "Protest with intervention", "{text}");
    }
}

/// Drones or missiles intercepted are disrupted weapons use, not a strike.
#[test]
fn drones_shot_down_are_disrupted_weapons_use() {
    let e = events(
        "intercepted",
        "Air defence units shot down nine drones over Belgorod on Sunday, the defence ministry said. No casualties were reported.\n",
        "2025-05-19",
    );
    assert_eq!(e.len(), 1, "{e:#?}");
    assert_eq!(
        e[0]["sub_event_type"], "Disrupted weapons use",
        "{:#}",
        e[0]
    );
}

/// "Aircraft struck" is an air strike.
#[test]
fn aircraft_that_struck_made_an_air_strike() {
    let e = events(
        "aircraftstruck",
        "Israeli aircraft struck a building in Tyre on Tuesday, killing four people, the health ministry said.\n",
        "2025-05-21",
    );
    assert_eq!(e.len(), 1, "{e:#?}");
    assert_eq!(e[0]["sub_event_type"], "Air/drone strike", "{:#}", e[0]);
    assert_eq!(e[0]["fatalities"], 4);
}

/// "Held since February 2025" says when the state began: the event's date
/// is the day it ended.
#[test]
fn a_month_since_which_a_town_was_held_is_not_the_event_date() {
    let e = events(
        "sincemonth",
        "On 3 May 2025, the army regained control of Bukavu, held by M23 rebels since February 2025.\n",
        "2025-05-04",
    );
    assert_eq!(e.len(), 1, "{e:#?}");
    assert_eq!(e[0]["event_date"], "2025-05-03", "{:#}", e[0]);
}

/// A bomber who killed herself and six others: seven dead.
#[test]
fn a_bomber_who_killed_herself_and_others_is_counted() {
    let e = events(
        "herself",
        "A female suicide bomber blew herself up at a market in Gwoza on Monday, killing herself and 6 others.\n",
        "2025-05-20",
    );
    assert_eq!(e.len(), 1, "{e:#?}");
    assert_eq!(e[0]["fatalities"], 7, "{:#}", e[0]);
}

/// "He died" after a mob beat a man: one dead. "The killing of a student by
/// a police officer" last week is why youths rioted, not their toll.
#[test]
fn one_who_died_is_one_and_who_killed_is_none() {
    let e = events(
        "hedied",
        "On Saturday, a mob in Kano beat a man accused of stealing a phone. He died before police arrived.\n",
        "2025-05-25",
    );
    assert_eq!(e.len(), 1, "{e:#?}");
    assert_eq!(e[0]["sub_event_type"], "Mob violence", "{:#}", e[0]);
    assert_eq!(e[0]["fatalities"], 1, "{:#}", e[0]);
    let e = events(
        "bywhom",
        "Youths burned tyres and threw stones at police in Dakar on Friday following the killing of a student by a police officer.\n",
        "2025-05-25",
    );
    assert_eq!(e.len(), 1, "{e:#?}");
    assert_eq!(e[0]["event_type"], "Riots", "{:#}", e[0]);
    assert_eq!(e[0]["fatalities"], 0, "{:#}", e[0]);
}

/// "Gang members looted pharmacies": who acted is a gang, what happened is
/// looting (a robbery stays crime, no event).
#[test]
fn gang_members_looting_is_looting() {
    let e = events(
        "gangloot",
        "On 2 April 2024, gang members looted shops and set fire to several houses in Delmas, Haiti. No casualties were reported.\n",
        "2024-04-03",
    );
    assert_eq!(e.len(), 1, "{e:#?}");
    assert_eq!(
        e[0]["sub_event_type"], "Looting/property destruction",
        "{:#}",
        e[0]
    );
    let e = events(
        "gangrobbery",
        "On 2 April 2024, gang members robbed a bank in Delmas, Haiti.\n",
        "2024-04-03",
    );
    assert!(e.is_empty(), "{e:#?}");
}

/// "The Kachin Independence Army seized a military outpost": a group
/// named "... Army" that is no country's army takes territory from the
/// military; "the Nigerian Army" is the state's.
#[test]
fn an_army_named_after_no_country_is_an_armed_group() {
    let e = events(
        "namedarmy",
        "On 4 March 2025, the Kachin Independence Army seized a military outpost near Bhamo, Myanmar.\n",
        "2025-03-05",
    );
    assert_eq!(e.len(), 1, "{e:#?}");
    assert_eq!(
        e[0]["sub_event_type"], "Non-state actor overtakes territory",
        "{:#}",
        e[0]
    );
    assert_eq!(actor(&e[0], "actor2"), "Military Forces of Myanmar");
    let e = events(
        "statearmy",
        "On 4 March 2025, the Nigerian Army repelled an attack by ISWAP fighters in Monguno, killing 12 militants.\n",
        "2025-03-05",
    );
    assert_eq!(e.len(), 1, "{e:#?}");
    let sides = [actor(&e[0], "actor1"), actor(&e[0], "actor2")];
    assert!(
        sides.contains(&"Military Forces of Nigeria".to_string()),
        "{sides:?}"
    );
}

/// Protesters whose demand is named before what they did: what they did is
/// the event ("demanding his resignation threw stones": a riot); where they
/// came from is not where it happened.
#[test]
fn protesters_demanding_something_then_throwing_stones_riot() {
    let e = events(
        "demandstones",
        "On 3 June 2025, students demanding the minister's resignation threw stones at police in Dakar. Police fired tear gas.\n",
        "2025-06-04",
    );
    assert_eq!(e.len(), 1, "{e:#?}");
    assert_eq!(
        e[0]["sub_event_type"], "Violent demonstration",
        "{:#}",
        e[0]
    );
    let e = events(
        "residentsof",
        "On 3 June 2025, residents of Pikine marched in Dakar to denounce power cuts.\n",
        "2025-06-04",
    );
    assert_eq!(e.len(), 1, "{e:#?}");
    assert_eq!(e[0]["location"]["name"], "Dakar", "{:#}", e[0]);
}

/// "Fourteen people, twelve of them soldiers": fourteen dead, not 26; "a
/// 19-year-old" is one.
#[test]
fn a_part_of_a_toll_and_an_age_count_right() {
    let e = events(
        "ofthem",
        "Fourteen people, twelve of them soldiers, were killed when militants attacked a military post near Djibo on Monday.\n",
        "2025-04-15",
    );
    assert_eq!(e[0]["fatalities"], 14, "{:#}", e[0]);
    let e = events(
        "yearold",
        "On 28 July 2022, security forces fired live ammunition at protesters in Conakry, killing a 19-year-old.\n",
        "2022-07-29",
    );
    assert_eq!(e[0]["fatalities"], 1, "{:#}", e[0]);
}

/// A body found is no weapons find; taken "to an unknown location" is a
/// forced disappearance, not an arrest.
#[test]
fn bodies_found_and_people_taken_to_unknown_places() {
    let e = events(
        "bodyfound",
        "On 14 August 2023, gang members abducted and raped a girl in San Pedro Sula, Honduras. Her body was found the following morning on a roadside.\n",
        "2023-08-15",
    );
    assert!(
        e.iter()
            .all(|x| x["sub_event_type"] != "Disrupted weapons use"),
        "{e:#?}"
    );
    let e = events(
        "unknownplace",
        "On 5 March 2023, soldiers detained an activist at his home in Melitopol, Ukraine, and took him to an unknown location.\n",
        "2023-03-06",
    );
    assert_eq!(
        e[0]["sub_event_type"], "Abduction/forced disappearance",
        "{:#}",
        e[0]
    );
}

/// An ACLED note names the event's place with the units that contain it;
/// a place named in passing before it is not the event's.
#[test]
fn the_place_written_with_its_units_is_the_events() {
    let e = events(
        "bracketplace",
        "On 1 June 2023, hours after the opposition leader was sentenced in Dakar, his supporters in Ziguinchor (Ziguinchor, Ziguinchor) burned tyres and threw stones at police.\n",
        "2023-06-02",
    );
    assert_eq!(e[0]["location"]["name"], "Ziguinchor", "{:#}", e[0]);
}

/// A sentence that only tells what came before ("The strike came a month
/// after heavy fighting in the town") adds no incident.
#[test]
fn a_sentence_of_background_only_adds_no_event() {
    let e = events(
        "bgonly",
        "On 25 August 2024, a Malian army drone struck a gathering in Tinzaouaten, Kidal region, killing 21 civilians. The strike came a month after heavy fighting in the town.\n",
        "2024-08-26",
    );
    assert_eq!(e.len(), 1, "{e:#?}");
    assert_eq!(e[0]["sub_event_type"], "Air/drone strike", "{:#}", e[0]);
}

#[test]
fn another_sources_toll_is_not_added() {
    // ACLED codes the lowest figure; a second source's estimate or the
    // perpetrator's claim is the same deaths again.
    for (text, toll) in [
        (
            "RSF kill civilians in Ardamata\n\nRSF fighters killed Masalit civilians in Ardamata, near El Geneina, Sudan, on Sunday. At least 100 civilians were killed, according to local sources, while other estimates put the toll at over 800.\n",
            100,
        ),
        (
            "Sit-in dispersed in Khartoum\n\nSecurity forces violently dispersed the sit-in outside the army headquarters in Khartoum, Sudan, on Monday, shooting protesters. At least 61 people were killed, according to the health ministry, while doctors' committees put the toll above 100.\n",
            61,
        ),
        (
            "Attaque à Barsalogho\n\nDes combattants du JNIM ont ouvert le feu sur des civils à Barsalogho, au Burkina Faso, samedi. Au moins 133 personnes ont été tuées, selon des sources locales ; d'autres estimations avancent plusieurs centaines de morts.\n",
            133,
        ),
        // An estimated count is a count of its own, not another source's.
        (
            "Clashes near Djibo\n\nThe army said 12 soldiers and an estimated 30 militants were killed in clashes near Djibo, Burkina Faso, on Monday.\n",
            42,
        ),
    ] {
        let e = &events("alt-toll", text, "2024-08-26")[0];
        assert_eq!(e["fatalities"], toll, "{e:#}");
    }
}

#[test]
fn counts_joined_to_a_part_of_the_toll_are_parts() {
    let e = &events(
        "dont-et",
        "Attaque contre le détachement de Djibo\n\nDes hommes armés du JNIM ont attaqué le détachement militaire de Djibo, au Burkina Faso, vendredi. Les affrontements avec l'armée ont fait 27 morts, dont 19 assaillants et 8 soldats.\n",
        "2023-05-27",
    )[0];
    assert_eq!(e["fatalities"], 27, "{e:#}");
    // The whole is counted when its part is vague or joined to it.
    for (text, toll) in [
        ("Frappe près d'Abeibara\n\nLe 17 mars 2024, une frappe de drone a touché un véhicule près d'Abeibara, au Mali, tuant huit personnes dont des enfants, selon des notables locaux.\n", 8),
        ("Frappe près d'Abeibara\n\nLe 17 mars 2024, une frappe de drone a touché un véhicule près d'Abeibara, au Mali, tuant huit personnes dont trois enfants.\n", 8),
    ] {
        let e = &events("dont-vague", text, "2024-03-18")[0];
        assert_eq!(e["fatalities"], toll, "{e:#}");
    }
}

#[test]
fn a_place_regained_by_the_army_after_the_other_side_left_is_a_battle() {
    let sub = |name: &str, text: &str| first_sub_type(name, text, "2025-01-12");
    assert_eq!(
        sub(
            "regained",
            "Army retakes Wad Madani\n\nThe Sudanese army regained control of Wad Madani, Sudan, on Saturday after the RSF withdrew from the city. No fatalities were reported.\n",
        ),
        "Government regains territory"
    );
    // An armed group moving in after the army left: no fight for the place.
    assert_eq!(
        sub(
            "took-over",
            "JNIM takes Bani\n\nJNIM militants took control of the village of Bani, Burkina Faso, on Saturday after the army withdrew.\n",
        ),
        "Non-violent transfer of territory"
    );
}

#[test]
fn a_crowd_storming_parliament_riots_whatever_the_police_do() {
    let sub = |name: &str, text: &str| first_sub_type(name, text, "2024-06-26");
    assert_eq!(
        sub(
            "storm-grievance",
            "Unrest in Tobruk\n\nProtesters denouncing power cuts and political deadlock stormed the House of Representatives building in Tobruk, Libya, on Friday, setting parts of it on fire.\n",
        ),
        "Violent demonstration"
    );
    assert_eq!(
        // (the title, naming no side, is the same riot: one event)
        sub(
            "storm-force",
            "Parliament stormed in Nairobi\n\nProtesters breached police lines and stormed the Parliament buildings in Nairobi, Kenya, on Tuesday. Police fired tear gas and live bullets, killing at least five people.\n",
        ),
        "Violent demonstration"
    );
    // Gunmen storming a building attack it.
    assert_ne!(
        sub(
            "storm-gunmen",
            "Gunmen storm hotel in Mogadishu\n\nAl-Shabaab gunmen stormed the building of a hotel in Mogadishu, Somalia, on Tuesday, killing at least five people.\n",
        ),
        "Violent demonstration"
    );
}

#[test]
fn french_rape_drones_intercepted_and_gang_coalitions() {
    let first = |name: &str, text: &str| {
        let e = events(name, text, "2024-12-05");
        assert_eq!(e.len(), 1, "{e:#?}");
        e[0]["sub_event_type"].as_str().unwrap().to_string()
    };
    assert_eq!(
        first(
            "viol",
            "Violences près de Sake\n\nDes éléments armés ont violé trois femmes déplacées près de Sake, au Nord-Kivu, lundi.\n",
        ),
        "Sexual violence"
    );
    // "violé" of an agreement is a violation, not a rape.
    assert_ne!(
        first(
            "viole-accord",
            "Trêve rompue à Sake\n\nLes rebelles ont violé le cessez-le-feu à Sake, au Nord-Kivu, lundi.\n",
        ),
        "Sexual violence"
    );
    // (the title's "Drones", naming no side, is the same incident)
    assert_eq!(
        first(
            "intercepted",
            "Drones over Kyiv\n\nUkrainian air defence intercepted at least 8 Russian Shahed drones over Kyiv, Ukraine, on Monday. No one was hurt.\n",
        ),
        "Disrupted weapons use"
    );
    assert_eq!(
        first(
            "gang-coalition",
            "Cabaret pillé\n\nDes membres de la coalition de gangs Viv Ansanm ont pillé et incendié plusieurs maisons à Cabaret, en Haïti, mercredi.\n",
        ),
        "Looting/property destruction"
    );
}

#[test]
fn a_revised_toll_replaces_the_first_and_national_totals_are_not_the_events() {
    for (text, pub_date, toll) in [
        (
            "Prison riot in Guayaquil\n\nOn 12 November 2021, rival gangs fought inside the Litoral prison in Guayaquil, Ecuador. Authorities initially reported at least 58 inmates killed; the toll was later raised to 68.\n",
            "2021-11-13",
            68,
        ),
        (
            "Blast in Khar\n\nOn 30 July 2023, a suicide bomber blew himself up at a convention in Khar, Pakistan. Officials initially said 44 people had been killed. The toll later rose to 63, with more than 100 injured.\n",
            "2023-07-31",
            63,
        ),
        (
            "Quota protests in Dhaka\n\nOn 18 July 2024, students protesting the job quota system clashed with police in Rampura (Dhaka), Bangladesh, and set fire to a building. At least three people were killed in the area; local media reported at least 25 deaths across the country that day.\n",
            "2024-07-19",
            3,
        ),
        (
            "Manifestations à Moundou\n\nLe 20 octobre 2022, des manifestants ont incendié des bâtiments publics à Moundou, au Tchad. Le gouvernement a annoncé un bilan d'une cinquantaine de morts pour tout le pays ; des sources locales évoquent une douzaine de morts à Moundou.\n",
            "2022-10-21",
            12,
        ),
    ] {
        let e = &events("revised-toll", text, pub_date)[0];
        assert_eq!(e["fatalities"], toll, "{e:#}");
    }
}

#[test]
fn one_victim_named_by_several_words_and_counts_joined_to_a_toll() {
    for (text, pub_date, toll, sub) in [
        (
            "Leader killed near El Estor\n\nOn 19 June 2022, unidentified men shot dead a Q'eqchi' community leader near El Estor, Guatemala.\n",
            "2022-06-20",
            1,
            "Attack",
        ),
        // No longer a soldier: a civilian.
        (
            "Killing in Spin Boldak\n\nOn 5 April 2022, Taliban members shot dead a former army soldier at his home in Spin Boldak, Kandahar, Afghanistan.\n",
            "2022-04-06",
            1,
            "Attack",
        ),
        (
            "Clash in Bijapur\n\nOn 9 February 2025, security forces exchanged fire with Maoist cadres in a forest in Bijapur district, Chhattisgarh, India. Thirty-one Maoists and two jawans were killed, and two other personnel were injured, police said.\n",
            "2025-02-10",
            33,
            "Armed clash",
        ),
    ] {
        let e = &events("one-victim", text, pub_date)[0];
        assert_eq!(e["fatalities"], toll, "{e:#}");
        assert_eq!(e["sub_event_type"], sub, "{e:#}");
    }
}

#[test]
fn what_happened_the_day_before_is_an_event_of_its_own() {
    let e = events(
        "day-before",
        "Grenade attack in Srinagar\n\nOn 3 November 2024, suspected militants hurled a grenade at security personnel near the Sunday market in Srinagar, India. The grenade missed and exploded among shoppers, injuring 12 people. The day before, a Lashkar-e-Taiba commander was killed in an encounter in Srinagar's Khanyar area.\n",
        "2024-11-04",
    );
    let grenade = e
        .iter()
        .find(|e| e["sub_event_type"] == "Grenade")
        .unwrap_or_else(|| panic!("{e:#?}"));
    assert_eq!(grenade["event_date"], "2024-11-03", "{grenade:#}");
    assert!(grenade["fatalities"].is_null(), "{grenade:#}");
    assert!(
        e.iter()
            .any(|e| e["event_date"] == "2024-11-02" && e["fatalities"] == 1),
        "{e:#?}"
    );
    // A camp handed over, and the clash of the eve apart from it.
    let e = events(
        "handed-over",
        "Retrait de la MINUSMA\n\nLe 13 août 2023, la MINUSMA a remis son camp de Ber (cercle de Tombouctou) aux FAMa, plus tôt que prévu. La veille, des affrontements avaient opposé l'armée aux groupes armés de la CMA près de la localité.\n",
        "2023-08-14",
    );
    assert!(
        e.iter().any(
            |e| e["sub_event_type"] == "Non-violent transfer of territory"
                && e["event_date"] == "2023-08-13"
        ),
        "{e:#?}"
    );
    assert!(
        e.iter()
            .any(|e| e["sub_event_type"] == "Armed clash" && e["event_date"] == "2023-08-12"),
        "{e:#?}"
    );
}

#[test]
fn found_dead_is_a_killing_and_a_burning_raid_with_a_toll_an_attack() {
    let sub = first_sub_type(
        "found-dead",
        "Mayor found dead\n\nOn 6 October 2024, the mayor of Chilpancingo, Alejandro Arcos, was found dead in the city, Guerrero state authorities said, Mexico.\n",
        "2024-10-07",
    );
    assert_eq!(sub, "Attack");
    let e = &events(
        "prison-raid",
        "Prison attack in Tamara\n\nOn 20 June 2023, gang members attacked rival inmates at the women's prison in Tamara, Honduras, shooting some and setting fire to a cell block. Police initially reported 41 dead; the public prosecutor's office later put the toll at 46 women.\n",
        "2023-06-21",
    )[0];
    assert_eq!(e["sub_event_type"], "Attack", "{e:#}");
    assert_eq!(e["fatalities"], 46, "{e:#}");
    let role = |r: &str| {
        e["actors"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["role"] == r)
            .map(|a| a["name"].as_str().unwrap().to_string())
    };
    // (Gang members ACLED does not name: its "Unidentified Gang".)
    assert_eq!(
        role("actor1").as_deref(),
        Some("Unidentified Gang (Honduras)"),
        "{e:#}"
    );
    assert_eq!(
        role("actor2").as_deref(),
        Some("Civilians (Honduras)"),
        "{e:#}"
    );
}

#[test]
fn a_toll_told_next_without_a_place_is_the_events() {
    // The capital where the statement was read lends no place, and the
    // sentence with the toll is the ambush again.
    let e = events(
        "ambush-toll",
        "Embuscade près de Teguey\n\nLe 20 mars 2024, une unité de l'armée nigérienne est tombée dans une embuscade tendue par des « terroristes » près de Teguey, dans la région de Tillabéri, selon un communiqué du ministère de la Défense lu à la télévision publique à Niamey. Vingt-trois militaires ont été tués et dix-sept blessés ; l'armée affirme qu'une trentaine d'assaillants ont été neutralisés.\n",
        "2024-03-21",
    );
    assert_eq!(e.len(), 1, "{e:#?}");
    assert_eq!(e[0]["fatalities"], 53, "{:#}", e[0]);
    assert_eq!(e[0]["location"]["admin1"], "Tillaberi", "{:#}", e[0]);
    // Deaths reported after force used on protesters are that force's.
    let e = events(
        "zahedan",
        "Zahedan\n\nOn 30 September 2022, security forces opened fire on worshippers and protesters outside a mosque in Zahedan, Iran, after Friday prayers. Amnesty International said at least 66 people were killed.\n",
        "2022-10-01",
    );
    assert_eq!(e.len(), 1, "{e:#?}");
    assert_eq!(
        e[0]["sub_event_type"], "Excessive force against protesters",
        "{:#}",
        e[0]
    );
    assert_eq!(e[0]["fatalities"], 66, "{:#}", e[0]);
}

#[test]
fn armed_men_on_a_road_and_armed_youths_with_cattle_are_no_crowd() {
    let sub = |name: &str, text: &str, date: &str| first_sub_type(name, text, date);
    assert_eq!(
        sub(
            "highway",
            "Passengers killed in Musakhel\n\nOn 26 August 2024, armed men blocked the highway in Musakhel district, Balochistan, Pakistan, pulled passengers out of trucks and buses, checked their identity cards and shot dead 23 people, police said.\n",
            "2024-08-27"
        ),
        "Attack"
    );
    let e = &events(
        "cattle",
        "Cattle raid near Panyagor\n\nOn 24 February 2023, armed youths raided a cattle camp near Panyagor (Twic East county), South Sudan, and took about 300 head of cattle, local officials said. No casualties were reported.\n",
        "2023-02-25",
    )[0];
    assert_eq!(e["sub_event_type"], "Looting/property destruction", "{e:#}");
    assert_ne!(e["location"]["country"], "Cameroon", "{e:#}");
}

#[test]
fn other_sources_claims_asides_and_added_deaths() {
    for (text, pub_date, toll) in [
        // Another source's figure after "while ... said": not more deaths.
        (
            "Karma killings\n\nOn 20 April 2023, men in army uniforms killed residents of Karma, near Ouahigouya, Burkina Faso. The prosecutor gave a provisional toll of 60 dead, while a local association said 147 people had been killed.\n",
            "2023-04-21",
            60,
        ),
        // An aside between commas does not hide the death word.
        (
            "Attack in Mir Ali\n\nOn 16 March 2024, militants attacked a security post in Mir Ali, Khyber Pakhtunkhwa, Pakistan. Five soldiers and two officers, including a lieutenant colonel, were killed.\n",
            "2024-03-17",
            7,
        ),
        // Words in quotes do not push the death word away.
        (
            "Attaque d'Inatès\n\nLe 10 décembre 2019, des assaillants ont attaqué le camp militaire d'Inatès, dans la région de Tillabéri, au Niger. 71 soldats ont été tués et 12 blessés, tandis que 57 « terroristes » ont été neutralisés.\n",
            "2019-12-11",
            128,
        ),
        // A rough figure given later by others is not a revision.
        (
            "Solhan\n\nOn 5 June 2021, gunmen stormed the village of Solhan, in Burkina Faso's Sahel region, killing at least 132 civilians, the government said. Local sources later put the toll at around 160.\n",
            "2021-06-06",
            132,
        ),
        // The other side's claim in the next sentence is no toll.
        (
            "Tinzaouatene\n\nOn 27 July 2024, rebels routed a column of Malian soldiers near Tinzaouatene, in the Kidal region, Mali. Dozens were killed on both sides, according to local sources. The rebels claimed to have killed 47 Malian soldiers and 84 Wagner fighters.\n",
            "2024-07-28",
            12,
        ),
        (
            "Tinzaouatene\n\nOn 27 July 2024, Tuareg rebels routed a column of Malian soldiers and Wagner mercenaries near Tinzaouatene, in the Kidal region, after three days of fighting. Dozens were killed on both sides, according to local sources. The rebels claimed to have killed 47 Malian soldiers and 84 Wagner fighters, figures that could not be independently verified.\n",
            "2024-07-28",
            12,
        ),
        // Another source's figure in a sentence of its own: ACLED keeps
        // the lowest.
        (
            "Embuscade près de Boulkessi\n\nAu moins six soldats ont été tués jeudi 9 mai 2024 dans une embuscade près de Boulkessi, dans la région de Mopti, au Mali, selon une source militaire. Un notable local avance le chiffre de onze militaires tués.\n",
            "2024-05-10",
            6,
        ),
        (
            "Attack on Dhusamareb base\n\nThree soldiers were killed when militants attacked an army base near Dhusamareb, Somalia, on 2 March 2024, an officer said. The militants later said on their radio that they had killed 20 soldiers.\n",
            "2024-03-03",
            3,
        ),
        // A toll first put lower and then raised: the later one.
        (
            "Massacre in Kiwanja\n\nOn 4 April 2023, rebels killed at least 48 villagers in Kiwanja, Nord-Kivu, DR Congo. Officials said the toll, initially put at 30, rose as more bodies were found.\n",
            "2023-04-05",
            48,
        ),
        // The incident placed after an earlier one: the earlier toll is
        // not this one's, and no event.
        (
            "Attack on Fada\n\nOn 3 May 2022, gunmen killed 9 soldiers near Fada N'Gourma, Burkina Faso. The attack came two weeks after 40 soldiers were killed in Djibo.\n",
            "2022-05-04",
            9,
        ),
        // "also killed": more deaths of the same event.
        (
            "Porga\n\nLe 2 décembre 2021, des hommes armés ont attaqué une position de l'armée béninoise à Porga, au Bénin, tuant deux soldats. Un assaillant a également été tué.\n",
            "2021-12-03",
            3,
        ),
    ] {
        let all = events("sources", text, pub_date);
        let e = &all[0];
        assert_eq!(e["fatalities"], toll, "{e:#}");
        if text.contains("came two weeks after") {
            assert_eq!(all.len(), 1, "{all:#?}");
        }
    }
}

#[test]
fn women_seized_a_base_handed_over_and_a_crowd_that_grabs() {
    let sub = |name: &str, text: &str, date: &str| first_sub_type(name, text, date);
    assert_eq!(
        sub(
            "seized-women",
            "Women abducted near Liki\n\nOn 12 January 2023, suspected jihadists seized about 50 women who had gone to pick wild leaves near Liki, in Burkina Faso's Soum province, residents said.\n",
            "2023-01-13"
        ),
        "Abduction/forced disappearance"
    );
    assert_eq!(
        sub(
            "handing-over",
            "Ber\n\nOn 13 August 2023, UN peacekeepers pulled out of their camp at Ber, Mali, handing it over to the Malian army earlier than planned.\n",
            "2023-08-14"
        ),
        "Non-violent transfer of territory"
    );
    assert_eq!(
        sub(
            "bombs-dropped",
            "Monastery bombed\n\nOn 2 February 2024, a military jet dropped three bombs on a village in Kani township, Sagaing region, Myanmar, killing 5 civilians.\n",
            "2024-02-03"
        ),
        "Air/drone strike"
    );
    assert_eq!(
        sub(
            "crowd-grabbed",
            "Lynching in Tessaoua\n\nOn 17 August 2025, an angry crowd in Tessaoua, Niger, seized two men suspected of belonging to a kidnapping ring, lynched them and burned their bodies.\n",
            "2025-08-18"
        ),
        "Mob violence"
    );
}

#[test]
fn myanmar_armed_organisations_by_their_initials() {
    let e = &events(
        "lashio",
        "Lashio\n\nThe MNDAA said on Saturday, 3 August 2024, it had seized the military headquarters in Lashio, in Myanmar's Shan State.\n",
        "2024-08-04",
    )[0];
    assert_eq!(
        e["sub_event_type"], "Non-state actor overtakes territory",
        "{e:#}"
    );
    assert_eq!(
        actor(e, "actor1"),
        "MNDAA: Myanmar National Democratic Alliance Army",
        "{e:#}"
    );
}

#[test]
fn the_taliban_are_a_rebel_group_until_they_took_kabul() {
    let e = &events(
        "kunduz-2019",
        "Kunduz\n\nOn 2 May 2019, Taliban militants captured a district centre in Kunduz province, Afghanistan, after clashes with Afghan security forces.\n",
        "2019-05-03",
    )[0];
    assert_eq!(
        e["sub_event_type"], "Non-state actor overtakes territory",
        "{e:#}"
    );
    assert_eq!(actor(e, "actor1"), "Taliban", "{e:#}");
    assert_eq!(
        actor(e, "actor2"),
        "Military Forces of Afghanistan",
        "{e:#}"
    );
    let e = &events(
        "panjshir-2023",
        "Panjshir\n\nOn 2 May 2023, Taliban forces captured a village held by the National Resistance Front in Panjshir province, Afghanistan.\n",
        "2023-05-03",
    )[0];
    assert_eq!(e["sub_event_type"], "Government regains territory", "{e:#}");
    assert_eq!(
        actor(e, "actor1"),
        "Military Forces of Afghanistan",
        "{e:#}"
    );
}

#[test]
fn the_islamic_state_is_named_by_the_branch_of_the_events_country() {
    for (name, text, date, branch) in [
        (
            "indelimane-2019",
            "Indelimane\n\nOn 1 November 2019, Islamic State fighters overran an army post at Indelimane, in north-eastern Mali's Menaka region, killing 53 people.\n",
            "2019-11-02",
            "Islamic State (Sahel)",
        ),
        (
            "tarmiyah-2021",
            "Tarmiyah\n\nOn 3 March 2021, Islamic State militants killed five soldiers in an ambush near Tarmiyah, north of Baghdad, Iraq.\n",
            "2021-03-04",
            "Islamic State (Iraq)",
        ),
        (
            "palmyra-2022",
            "Palmyra\n\nOn 3 March 2022, ISIS fighters attacked a Syrian army checkpoint near Palmyra, killing 8 soldiers.\n",
            "2022-03-04",
            "Islamic State (Syria)",
        ),
    ] {
        let e = &events(name, text, date)[0];
        assert_eq!(actor(e, "actor1"), branch, "{e:#}");
    }
}

#[test]
fn communities_armed_men_are_their_ethnic_militia_and_gangs_are_named() {
    for (name, text, date, who) in [
        (
            "bor-2022",
            "Bor\n\nOn 18 January 2022, armed Murle youths raided a cattle camp near Bor (Bor South, Jonglei), South Sudan, killing two herders.\n",
            "2022-01-19",
            "Murle Ethnic Militia (South Sudan)",
        ),
        (
            "pont-sonde-2024",
            "Pont-Sondé\n\nOn 3 October 2024, members of the Gran Grif gang stormed Pont-Sonde (Saint-Marc, Artibonite), Haiti, shooting residents in their homes. At least 70 people were killed.\n",
            "2024-10-04",
            "Gran Grif Gang",
        ),
    ] {
        let e = &events(name, text, date)[0];
        assert_eq!(actor(e, "actor1"), who, "{e:#}");
    }
}

#[test]
fn weapons_and_air_defences_are_the_forces_their_demonym_names() {
    let e = &events(
        "belgorod-2024",
        "Belgorod\n\nOn 16 March 2024, Russian air defence systems intercepted seven Ukrainian drones over Belgorod, Russia.\n",
        "2024-03-17",
    )[0];
    assert_eq!(e["sub_event_type"], "Disrupted weapons use", "{e:#}");
    assert_eq!(actor(e, "actor1"), "Military Forces of Russia", "{e:#}");
    assert_eq!(actor(e, "actor2"), "Military Forces of Ukraine", "{e:#}");
    let e = &events(
        "odesa-2024",
        "Odesa\n\nOn 2 March 2024, a Russian Shahed drone struck a residential building in Odesa, Ukraine, killing 12 civilians.\n",
        "2024-03-03",
    )[0];
    assert_eq!(actor(e, "actor1"), "Military Forces of Russia", "{e:#}");
}

#[test]
fn dead_and_wounded_counted_together_in_french_are_told_apart() {
    let e = &events(
        "istiklal-2022",
        "Attentat à Istanbul\n\nUne bombe a explosé dimanche 13 novembre 2022 sur l'avenue Istiklal, à Istanbul, faisant six morts et 81 blessés, selon le vice-président turc.\n",
        "2022-11-13",
    )[0];
    assert_eq!(
        e["sub_event_type"], "Remote explosive/landmine/IED",
        "{e:#}"
    );
    assert_eq!(e["fatalities"], 6, "{e:#}");
    assert_eq!(e["injured"], 81, "{e:#}");
}

#[test]
fn a_person_named_as_killed_is_one_death() {
    for (name, text, date) in [
        (
            "tijuana-2022",
            "Journalist killed\n\nJournalist Lourdes Maldonado was shot dead in her car outside her home in Tijuana, Mexico, on Sunday, 23 January 2022, state prosecutors said.\n",
            "2022-01-24",
        ),
        (
            "rangpur-2024",
            "Rangpur\n\nPolice opened fire on students protesting against job quotas in Rangpur, Bangladesh, on Tuesday, 16 July 2024, killing student Abu Sayed, officials said.\n",
            "2024-07-17",
        ),
    ] {
        let e = &events(name, text, date)[0];
        assert_eq!(e["fatalities"], 1, "{e:#}");
    }
    // A group is no person.
    let e = &events(
        "menaka-2023",
        "Menaka\n\nOn Monday, 7 August 2023, Islamic State fighters killed soldiers near Menaka, Mali.\n",
        "2023-08-10",
    )[0];
    assert_eq!(e["fatalities"], serde_json::Value::Null, "{e:#}");
}

#[test]
fn what_the_background_did_is_background_too() {
    // The knife attack of the day before killed three; the riot killed no one.
    let e = &events(
        "southport-2024",
        "Southport\n\nOn 30 July 2024, rioters threw bricks and bottles at police outside a mosque in Southport, England, a day after a knife attack killed three girls at a dance class.\n",
        "2024-07-31",
    )[0];
    assert_eq!(e["event_type"], "Riots", "{e:#}");
    assert_eq!(e["fatalities"], 0, "{e:#}");
    // The teenager killed by a police officer is why the youths rioted.
    let e = &events(
        "nanterre-2023",
        "Nanterre\n\nDe violents heurts ont opposé mardi 27 juin 2023 au soir des jeunes aux forces de l'ordre à Nanterre, en France, quelques heures après la mort de Nahel, 17 ans, tué par le tir d'un policier lors d'un contrôle routier.\n",
        "2023-06-28",
    )[0];
    assert_eq!(e["sub_event_type"], "Violent demonstration", "{e:#}");
    assert_eq!(e["fatalities"], 0, "{e:#}");
    // A killing a protest follows is why it was held, not force it met.
    let e = &events(
        "dhaka-2024",
        "Dhaka\n\nHundreds of students protested in Dhaka, Bangladesh, on Monday, 2 August 2024, following the killing of a student by police last week.\n",
        "2024-08-03",
    )[0];
    assert_eq!(e["sub_event_type"], "Peaceful protest", "{e:#}");
    assert_eq!(e["fatalities"], 0, "{e:#}");
    // An accident's toll is the accident's.
    let all = events(
        "novi-sad-2025",
        "Novi Sad\n\nOn 1 February 2025, students blocked roads in Novi Sad, Serbia, three months after a railway station canopy collapsed in the city, killing 15 people.\n",
        "2025-02-02",
    );
    assert!(
        all.iter()
            .all(|e| e["event_type"] != "Violence against civilians"),
        "{all:#?}"
    );
}

#[test]
fn a_place_taken_without_resistance_changes_hands_without_violence() {
    let e = &events(
        "rostov-2023",
        "Rostov\n\nFighters of the Wagner private military group took control of the Southern Military District headquarters in Rostov-on-Don, Russia, early on Saturday, 24 June 2023, without meeting resistance. No shots were fired.\n",
        "2023-06-24",
    )[0];
    assert_eq!(
        e["sub_event_type"], "Non-violent transfer of territory",
        "{e:#}"
    );
}

#[test]
fn a_date_that_names_another_occasion_is_not_the_events() {
    let e = &events(
        "maputo-2024",
        "Maputo\n\nSupporters of the opposition threw stones at police in central Maputo, Mozambique, on Thursday during a march against the results of the Oct. 9 general election, police said.\n",
        "2024-11-08",
    )[0];
    assert_eq!(e["event_date"], "2024-11-07", "{e:#}");
}

#[test]
fn a_place_named_right_after_a_verb_of_taking_is_taken() {
    let e = &events(
        "kidal-2023",
        "Kidal\n\nOn 14 November 2023, Malian troops captured Kidal from CMA rebels.\n",
        "2023-11-15",
    )[0];
    assert_eq!(e["sub_event_type"], "Government regains territory", "{e:#}");
    let e = &events(
        "djibo-2024",
        "Djibo\n\nOn 3 March 2024, JNIM fighters seized Djibo, Burkina Faso.\n",
        "2024-03-05",
    )[0];
    assert_eq!(
        e["sub_event_type"], "Non-state actor overtakes territory",
        "{e:#}"
    );
}

#[test]
fn of_two_sources_tolls_the_lowest_is_kept() {
    let e = &events(
        "maputo-toll-2024",
        "Maputo\n\nOpposition supporters threw stones at police in central Maputo, Mozambique, on Thursday, 7 November 2024. Police fired tear gas and live rounds; the civil society platform Decide said three people were killed in the capital, while police confirmed one death.\n",
        "2024-11-08",
    )[0];
    assert_eq!(e["fatalities"], 1, "{e:#}");
}

#[test]
fn what_happened_after_this_is_the_incident() {
    // "The attack came two weeks after ..." looks back; "This happened
    // after gunmen stormed ..." tells the incident.
    let e = events(
        "djibo-panic",
        "Panic in Djibo\n\nPanic spread in Djibo, Burkina Faso, on 3 May 2022. This happened after gunmen stormed the village, killing 12 people.\n",
        "2022-05-04",
    );
    assert_eq!(e.len(), 1, "{e:#?}");
    assert_eq!(e[0]["fatalities"], 12, "{:#}", e[0]);
}

#[test]
fn communal_militias_are_named_by_their_community() {
    let e = &events(
        "yelwata",
        "Yelwata\n\nSuspected Fulani herdsmen attacked Yelwata village in Guma, Benue state, Nigeria, on 13 June 2025, killing 12 villagers.\n",
        "2025-06-14",
    )[0];
    assert_eq!(
        actor(e, "actor1"),
        "Fulani Ethnic Militia (Nigeria)",
        "{e:#}"
    );
    assert_eq!(actor(e, "actor2"), "Civilians (Nigeria)", "{e:#}");
    let e = &events(
        "ogossagou",
        "Ogossagou\n\nDogon hunters killed 15 Fulani civilians in the village of Ogossagou, Mali, on 23 March 2019.\n",
        "2019-03-24",
    )[0];
    assert_eq!(actor(e, "actor1"), "Dogon Ethnic Militia (Mali)", "{e:#}");
}

#[test]
fn units_by_acled_names_and_a_town_inside_a_bracketed_unit() {
    // GeoNames calls the province Djelgodji; ACLED and the press, Soum.
    let e = &events(
        "soum",
        "Enlèvement dans le Soum\n\nLe 9 mars 2024, des hommes armés non identifiés ont enlevé cinq commerçants sur l'axe Djibo-Namssiguia, dans la province du Soum, au Burkina Faso, selon des sources locales.\n",
        "2024-03-10",
    )[0];
    assert_eq!(e["location"]["country"], "Burkina Faso", "{e:#}");
    assert_eq!(e["location"]["admin1"], "Sahel", "{e:#}");
    // The town the sentence names, not its district written with brackets.
    let e = &events(
        "mokolo",
        "Mokolo\n\nLe 20 septembre 2025, des éléments de Boko Haram ont attaqué un village situé à une douzaine de kilomètres de Mokolo, dans le département du Mayo-Tsanaga (Extrême-Nord), et enlevé une quinzaine de personnes.\n",
        "2025-09-21",
    )[0];
    assert_eq!(e["location"]["name"], "Mokolo", "{e:#}");
    assert_eq!(e["location"]["admin1"], "Extreme-Nord", "{e:#}");
}

#[test]
fn another_sources_toll_is_no_evidence_of_the_one_kept() {
    let e = &events(
        "boulkessi",
        "Embuscade près de Boulkessi\n\nAu moins six soldats ont été tués jeudi 9 mai 2024 dans une embuscade près de Boulkessi, dans la région de Mopti, au Mali, selon une source militaire. Un notable local avance le chiffre de onze militaires tués.\n",
        "2024-05-10",
    )[0];
    assert_eq!(e["fatalities"], 6, "{e:#}");
    let toll_evidence: Vec<&str> = e["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|x| x["field"] == "fatalities")
        .map(|x| x["text"].as_str().unwrap())
        .collect();
    assert!(!toll_evidence.is_empty(), "{e:#}");
    assert!(
        toll_evidence.iter().all(|t| !t.contains("onze")),
        "{toll_evidence:?}"
    );
}

#[test]
fn the_rsf_and_the_imbonerakure_by_the_words_the_press_uses() {
    let e = &events(
        "port-sudan",
        "Port Sudan\n\nOn 4 May 2025, RSF drones struck an air base near the airport of Port Sudan, Sudan.\n",
        "2025-05-05",
    )[0];
    assert_eq!(actor(e, "actor1"), "Rapid Support Forces", "{e:#}");
    let e = &events(
        "ngozi",
        "Ngozi\n\nOn 9 September 2023, Imbonerakure members beat an opposition party member to death in Ngozi, Burundi.\n",
        "2023-09-10",
    )[0];
    assert_eq!(actor(e, "actor1"), "Imbonerakure", "{e:#}");
}

#[test]
fn two_armies_named_by_two_demonyms_retake_a_town_together() {
    let e = &events(
        "mocimboa",
        "Mocimboa\n\nOn 8 August 2021, Rwandan and Mozambican troops recaptured the port town of Mocimboa da Praia from insurgents.\n",
        "2021-08-09",
    )[0];
    assert_eq!(e["sub_event_type"], "Government regains territory", "{e:#}");
    assert_eq!(actor(e, "actor1"), "Military Forces of Rwanda", "{e:#}");
    assert_eq!(
        actor(e, "assoc_actor_1"),
        "Military Forces of Mozambique",
        "{e:#}"
    );
}

#[test]
fn nobody_killed_and_a_speaker_are_no_toll() {
    // "nobody was killed" is a toll of zero, not the count before it.
    let e = &events(
        "liki",
        "Liki\n\nArmed men abducted about 50 women near the village of Liki, outside Arbinda in Burkina Faso's Soum province, on 12 January 2023. A few of the women managed to escape, the official said, adding that nobody was killed.\n",
        "2023-01-13",
    );
    assert_eq!(e.len(), 1, "{e:#?}");
    assert_eq!(e[0]["fatalities"], 0, "{:#}", e[0]);
    // The protester who speaks after a quotation did not die.
    let e = &events(
        "ouaga",
        "Ouagadougou\n\nPolice fired tear gas on 27 November 2021 to disperse hundreds of protesters in central Ouagadougou, Burkina Faso. 'We are tired of counting our dead,' one protester told Reuters.\n",
        "2021-11-28",
    )[0];
    assert_eq!(e["sub_event_type"], "Protest with intervention", "{e:#}");
    assert_eq!(e["fatalities"], 0, "{e:#}");
}

#[test]
fn bombs_by_the_words_around_them() {
    let e = &events(
        "kasindi",
        "Kasindi\n\nA bomb planted in a Pentecostal church exploded during a service in Kasindi, in Congo's North Kivu province, on 15 January 2023, killing seventeen people.\n",
        "2023-01-16",
    )[0];
    assert_eq!(
        e["sub_event_type"], "Remote explosive/landmine/IED",
        "{e:#}"
    );
    assert_eq!(e["fatalities"], 17, "{e:#}");
    let e = &events(
        "afgoye",
        "Mogadishu\n\nA suicide truck bomb exploded at a checkpoint in Mogadishu, Somalia, on 28 December 2019, killing at least 79 people.\n",
        "2019-12-29",
    )[0];
    assert_eq!(e["sub_event_type"], "Suicide bomb", "{e:#}");
    let e = &events(
        "jammu",
        "Jammu\n\nA grenade thrown at a bus station in Jammu, India, on 7 March 2019 killed a teenager and wounded 32 other people, police said, three weeks after a suicide car bombing in Pulwama killed 40 paramilitary police.\n",
        "2019-03-08",
    )[0];
    assert_eq!(e["sub_event_type"], "Grenade", "{e:#}");
    assert_eq!(e["fatalities"], 1, "{e:#}");
    // A car bomb whose driver died with his victims.
    let e = &events(
        "bogota",
        "Bogota\n\nOn 17 January 2019, a militant drove a car loaded with explosives into a police academy in Bogota, Colombia, and detonated it, killing 21 people including himself.\n",
        "2019-01-18",
    )[0];
    assert_eq!(e["sub_event_type"], "Suicide bomb", "{e:#}");
}

#[test]
fn a_town_sixty_kilometres_away_is_a_reference_point() {
    // "à une soixantaine de kilomètres de Niamey": Niamey is where the
    // distance is measured from; the region named is where it happened.
    let e = &events(
        "koure",
        "Kouré\n\nSix humanitaires français ont été tués le 9 août 2020 par des hommes armés dans la réserve de girafes de Kouré, à une soixantaine de kilomètres de Niamey, a annoncé le gouverneur de la région de Tillabéri.\n",
        "2020-08-10",
    )[0];
    assert_eq!(e["location"]["admin1"], "Tillaberi", "{e:#}");
}

#[test]
fn soldiers_firing_on_the_rioting_crowd_is_the_riots_toll() {
    let e = events(
        "ouaga-2014",
        "Ouagadougou\n\nOn 30 October 2014, thousands of rioters stormed the National Assembly in Ouagadougou, Burkina Faso, and set it on fire. Soldiers opened fire on the crowd, killing three people.\n",
        "2014-10-31",
    );
    assert_eq!(e.len(), 1, "{e:#?}");
    assert_eq!(
        e[0]["sub_event_type"], "Violent demonstration",
        "{:#}",
        e[0]
    );
    assert_eq!(e[0]["fatalities"], 3, "{:#}", e[0]);
}

#[test]
fn a_states_forces_named_by_a_demonym_and_the_side_defeated() {
    let e = &events(
        "mosul",
        "Mosul\n\nIraqi forces retook Mosul from Islamic State on 10 July 2017.\n",
        "2017-07-11",
    )[0];
    assert_eq!(e["sub_event_type"], "Government regains territory", "{e:#}");
    assert_eq!(actor(e, "actor1"), "Military Forces of Iraq", "{e:#}");
    let e = &events(
        "mosul-victory",
        "Mosul\n\nIraq's prime minister declared victory over Islamic State in Mosul on 10 July 2017 after troops drove the last militants from the Old City.\n",
        "2017-07-11",
    )[0];
    assert_eq!(e["sub_event_type"], "Government regains territory", "{e:#}");
    // "rebel forces" are no state's.
    let e = &events(
        "gao-rebels",
        "Gao\n\nRebel forces attacked Gao, Mali, on 10 July 2017.\n",
        "2017-07-11",
    )[0];
    assert_ne!(actor(e, "actor1"), "Military Forces of Mali", "{e:#}");
}

#[test]
fn a_political_figures_arrest_whatever_the_charge() {
    let e = &events(
        "imran-khan",
        "Islamabad\n\nOn 9 May 2023, paramilitary Rangers arrested former Prime Minister Imran Khan at the Islamabad High Court, Pakistan, in a corruption case.\n",
        "2023-05-10",
    );
    assert_eq!(e.len(), 1, "{e:#?}");
    assert_eq!(e[0]["sub_event_type"], "Arrests", "{:#}", e[0]);
    // An arrest for a crime is still no conflict event.
    let e = events(
        "kano-drugs",
        "Kano\n\nPolice arrested two men for drug trafficking in Kano, Nigeria, on 9 May 2023.\n",
        "2023-05-10",
    );
    assert!(e.is_empty(), "{e:#?}");
}

#[test]
fn storming_the_us_capitol_a_killing_the_day_before_and_a_rocket_launcher() {
    // The dot of "U.S." ends no clause: "stormed the U.S. Capitol" is a
    // crowd storming, not a clash with the police it met.
    let e = &events(
        "capitol",
        "Capitol\n\nHundreds of supporters of President Donald Trump stormed the U.S. Capitol in Washington on 6 January 2021, clashing with police and smashing windows.\n",
        "2021-01-07",
    )[0];
    assert_eq!(e["sub_event_type"], "Violent demonstration", "{e:#}");
    // "au lendemain de la mort de Nahel, tué par un policier": why the riot
    // broke out, not an event of that night.
    let e = events(
        "nanterre",
        "Nanterre\n\nDe nouvelles violences ont éclaté le 28 juin 2023 à Nanterre, au lendemain de la mort de Nahel, 17 ans, tué par un policier lors d'un contrôle routier. Des émeutiers ont incendié des voitures et tiré des mortiers d'artifice sur les forces de l'ordre.\n",
        "2023-06-29",
    );
    assert_eq!(e.len(), 1, "{e:#?}");
    assert_eq!(
        e[0]["sub_event_type"], "Violent demonstration",
        "{:#}",
        e[0]
    );
    // A rocket launcher in an exchange of fire is no shelling.
    let e = &events(
        "tayouneh",
        "Tayouneh\n\nSept personnes ont été tuées le 14 octobre 2021 à Beyrouth lors d'échanges de tirs dans le secteur de Tayouneh. Des hommes armés ont riposté à la kalachnikov et au lance-roquettes.\n",
        "2021-10-15",
    )[0];
    assert_eq!(e["sub_event_type"], "Armed clash", "{e:#}");
}

#[test]
fn victims_named_after_the_killing_verb() {
    let e = &events(
        "marielle",
        "Rio\n\nOn 14 March 2018, unidentified gunmen shot dead city councillor Marielle Franco (PSOL) and her driver Anderson Gomes in their car in Rio de Janeiro, Brazil.\n",
        "2018-03-15",
    )[0];
    assert_eq!(e["fatalities"], 2, "{e:#}");
    let e = &events(
        "mansour",
        "Balochistan\n\nA U.S. drone strike on 21 May 2016 killed Afghan Taliban leader Mullah Akhtar Mansour as he travelled by car in Pakistan's Balochistan province.\n",
        "2016-05-22",
    )[0];
    assert_eq!(e["fatalities"], 1, "{e:#}");
    // Not the victim of the strike the attack avenges.
    let e = &events(
        "ain-al-asad",
        "Anbar\n\nIran fired ballistic missiles at the Ain al-Asad air base in Iraq's Anbar province on 8 January 2020, in retaliation for the US drone strike that killed commander Qassem Soleimani.\n",
        "2020-01-09",
    )[0];
    assert!(e["fatalities"].is_null(), "{e:#}");
}

#[test]
fn what_happened_days_earlier_or_before_it_is_not_this_event() {
    // "a day after three girls were killed": the riot has no deaths.
    let e = &events(
        "southport",
        "Southport\n\nOn 30 July 2024, rioters threw bricks at a mosque and at police officers in Southport, England, a day after three young girls were killed in a knife attack.\n",
        "2024-07-31",
    )[0];
    assert_eq!(e["sub_event_type"], "Violent demonstration", "{e:#}");
    assert_eq!(e["fatalities"], 0, "{e:#}");
    // "... were shot dead ... days earlier": why they marched.
    let e = events(
        "maputo",
        "Maputo\n\nMozambican police fired tear gas on 21 October 2024 to disperse supporters of Venancio Mondlane in central Maputo. Mondlane called the protest after his lawyer and a party official were shot dead in their car days earlier.\n",
        "2024-10-22",
    );
    assert_eq!(e.len(), 1, "{e:#?}");
    assert_eq!(
        e[0]["sub_event_type"], "Protest with intervention",
        "{:#}",
        e[0]
    );
    // "Elle survient un mois après ...": the earlier attacks' toll is theirs.
    let e = &events(
        "indelimane",
        "Indelimane\n\nCinquante-trois soldats maliens ont été tués le 1er novembre 2019 dans l'attaque d'un poste militaire à Indelimane, dans la région de Ménaka, au Mali. Elle survient un mois après les attaques contre les camps de Boulkessi et Mondoro, qui avaient fait 38 morts.\n",
        "2019-11-02",
    )[0];
    assert_eq!(e["fatalities"], 53, "{e:#}");
    // A rebellion's toll over decades is history.
    let e = &events(
        "milf",
        "Manila\n\nThe Philippine government and the Moro Islamic Liberation Front signed a final peace agreement in Manila on 27 March 2014, to end a rebellion in the south that has killed more than 120,000 people.\n",
        "2014-03-28",
    )[0];
    assert_eq!(e["sub_event_type"], "Agreement", "{e:#}");
}

#[test]
fn territory_bases_and_demolitions_in_the_words_the_press_uses() {
    let e = &events(
        "kidal-2023",
        "Kidal\n\nLe 14 novembre 2023, l'armée malienne a pris mardi le contrôle de Kidal, bastion des rebelles touareg dans le nord du Mali.\n",
        "2023-11-15",
    )[0];
    assert_eq!(e["sub_event_type"], "Government regains territory", "{e:#}");
    let e = &events(
        "kherson",
        "Kherson\n\nOn 11 November 2022, Ukrainian forces re-entered Kherson city, Ukraine, after Russian forces completed their withdrawal.\n",
        "2022-11-12",
    )[0];
    assert_eq!(e["sub_event_type"], "Government regains territory", "{e:#}");
    let e = &events(
        "qamishli",
        "Qamishli\n\nL'armée russe a déployé le 14 novembre 2019 des hélicoptères de combat sur l'aéroport de Qamichli, en Syrie, où elle installe une base aérienne.\n",
        "2019-11-15",
    )[0];
    assert_eq!(
        e["sub_event_type"], "Headquarters or base established",
        "{e:#}"
    );
    let e = &events(
        "sur-bahir",
        "Sur Bahir\n\nOn 22 July 2019, Israeli forces demolished around 10 Palestinian residential buildings in Sur Bahir, West Bank.\n",
        "2019-07-23",
    )[0];
    assert_eq!(e["sub_event_type"], "Looting/property destruction", "{e:#}");
}

#[test]
fn an_opposition_figures_arrest_over_the_charge_and_the_rally() {
    let e = &events(
        "sonko",
        "Dakar\n\nLe 3 mars 2021, à Dakar, au Sénégal, l'opposant Ousmane Sonko a été arrêté par les gendarmes alors qu'il se rendait au tribunal pour répondre à une convocation dans une affaire de viol.\n",
        "2021-03-04",
    )[0];
    assert_eq!(e["sub_event_type"], "Arrests", "{e:#}");
    let e = &events(
        "bobi-wine",
        "Luuka\n\nUgandan police arrested opposition presidential candidate Robert Kyagulanyi on 18 November 2020 in Luuka district, Uganda, as he arrived to hold a campaign rally.\n",
        "2020-11-19",
    )[0];
    assert_eq!(e["sub_event_type"], "Arrests", "{e:#}");
    // Protesters arrested at a rally stay a protest met with arrests.
    let e = &events(
        "kampala-rally",
        "Kampala\n\nPolice fired tear gas and arrested opposition supporters at a rally in Kampala, Uganda, on 18 November 2020.\n",
        "2020-11-19",
    )[0];
    assert_eq!(e["sub_event_type"], "Protest with intervention", "{e:#}");
}

#[test]
fn another_sources_later_toll_is_not_a_revision() {
    let e = &events(
        "seytenga",
        "Seytenga\n\nOn 11 June 2022, IS Sahel militants attacked Seytenga, Burkina Faso, killing at least 79 civilians according to the government; local sources later put the toll at 86.\n",
        "2022-06-12",
    )[0];
    assert_eq!(e["fatalities"], 79, "{e:#}");
}

#[test]
fn storming_and_burning_by_a_crowd_or_by_gunmen() {
    let e = &events(
        "jinnah-house",
        "Lahore\n\nOn 9 May 2023, supporters of Imran Khan stormed and set fire to the residence of a senior army commander in Lahore, Pakistan.\n",
        "2023-05-10",
    )[0];
    assert_eq!(e["sub_event_type"], "Violent demonstration", "{e:#}");
    let e = &events(
        "kaduna-church",
        "Kaduna\n\nOn 9 May 2023, gunmen stormed and set fire to a church in Kaduna, Nigeria.\n",
        "2023-05-10",
    )[0];
    assert_eq!(e["event_type"], "Violence against civilians", "{e:#}");
    let e = &events(
        "terrain",
        "Juba\n\nOn 11 July 2016, South Sudanese soldiers rampaged through the Terrain hotel compound in Juba, raping several foreign aid workers.\n",
        "2016-07-12",
    )[0];
    assert_eq!(e["sub_event_type"], "Sexual violence", "{e:#}");
}

#[test]
fn the_bomber_told_after_the_count_and_foreign_troops_by_their_country() {
    // (one event: "US soldiers" says whose, not where)
    let e = &the_event(
        "airport-gate",
        "Kabul\n\nOn 26 August 2021, a suicide bomber struck a crowd at a gate of the airport in Kabul, Afghanistan. At least 60 Afghan civilians and 13 US soldiers were killed, as well as the bomber.\n",
        "2021-08-27",
    );
    assert_eq!(e["sub_event_type"], "Suicide bomb", "{e:#}");
    assert_eq!(e["fatalities"], 74, "{e:#}");
    assert_eq!(e["location"]["admin1"], "Kabul", "{e:#}");
    let e = &events(
        "idp-camp",
        "Maroua\n\nOn 2 August 2020, a suicide bomber blew herself up in a camp for displaced people near Mozogo, Cameroon. Eleven civilians were killed and nine injured; the bomber was also killed.\n",
        "2020-08-03",
    )[0];
    assert_eq!(e["fatalities"], 12, "{e:#}");
}

#[test]
fn one_victim_far_from_the_verb_and_police_firing_on_strikers() {
    let e = &events(
        "sokoto-student",
        "Sokoto\n\nA Christian student at a teachers' college in northern Nigeria was beaten to death by a mob on Thursday, police said.\n",
        "2022-05-13",
    )[0];
    assert_eq!(e["sub_event_type"], "Mob violence", "{e:#}");
    assert_eq!(e["fatalities"], 1, "{e:#}");
    let e = &events(
        "strikers",
        "Rustenburg\n\nSouth African police opened fire on striking workers at a mine near Rustenburg on Thursday, killing 12, officials said.\n",
        "2012-08-17",
    )[0];
    assert_eq!(
        e["sub_event_type"], "Excessive force against protesters",
        "{e:#}"
    );
}

#[test]
fn explosives_or_shells_opening_a_ground_assault_are_its_means() {
    // (on worshippers: an attack; on a base, with fighting: a clash)
    let e = &events(
        "church-assault",
        "Kaduna\n\nOn 5 June 2022, gunmen detonated explosives and opened fire on worshippers at a church in Kaduna, Nigeria, killing 22 people.\n",
        "2022-06-06",
    )[0];
    assert_eq!(e["sub_event_type"], "Attack", "{e:#}");
    let e = &events(
        "camp-assault",
        "Niamey\n\nOn 10 December 2019, militants attacked an army camp near Ayorou, Niger, with heavy weapons and mortar shells, sparking hours of fighting with the soldiers.\n",
        "2019-12-11",
    )[0];
    assert_eq!(e["sub_event_type"], "Armed clash", "{e:#}");
    // A suicide bombing stays one, guns after it or not.
    let e = &events(
        "beach-hotel",
        "Mogadishu\n\nOn 2 August 2024, a suicide bomber blew himself up at a beach hotel in Mogadishu, Somalia, after which gunmen stormed the building, killing 30 people.\n",
        "2024-08-03",
    )[0];
    assert_eq!(e["sub_event_type"], "Suicide bomb", "{e:#}");
}

#[test]
fn people_raped_are_no_toll() {
    let e = &events(
        "compound",
        "Juba\n\nOn 11 July 2016, soldiers stormed a hotel compound in Juba, South Sudan. They raped several foreign women and shot dead a local journalist.\n",
        "2016-07-12",
    )[0];
    assert_eq!(e["fatalities"], 1, "{e:#}");
}

#[test]
fn a_source_in_brackets_keeps_the_place_after_it() {
    let e = &events(
        "retraites",
        "Retraites\n\nLe 19 janvier 2023, entre 80 000 personnes (selon la préfecture de police) et 400 000 (selon la CGT) ont manifesté à Paris contre la réforme des retraites. Plus d'un million de personnes ont défilé dans toute la France.\n",
        "2023-01-20",
    )[0];
    assert_eq!(e["location"]["name"], "Paris", "{e:#}");
    assert_eq!(e["source_attribution"], "la préfecture de police", "{e:#}");
}

#[test]
fn a_toll_revised_to_a_new_figure() {
    let e = &events(
        "police-lines",
        "PESHAWAR, Feb 2 - Police revised the death toll from Monday's suicide bombing at a mosque in Peshawar, Pakistan, to 84 from 101.\n",
        "2023-02-02",
    )[0];
    assert_eq!(e["fatalities"], 84, "{e:#}");
}

#[test]
fn parts_inside_an_including_aside_and_one_person_joined_to_a_count() {
    for (name, text, want) in [
        (
            "church-silgadji",
            "Dori\n\nGunmen killed six people, including the pastor and two of his sons, in an attack on a church in Silgadji, Burkina Faso, on Sunday.\n",
            6,
        ),
        (
            "hotel-kismayo",
            "Kismayo\n\nAt least 26 people, including a prominent journalist and several politicians, were killed when a suicide car bomber rammed a hotel in Kismayo, Somalia, on Friday.\n",
            26,
        ),
        (
            "dantewada",
            "Raipur\n\nTen policemen and their civilian driver were killed on Wednesday when Maoist rebels blew up their vehicle with a roadside bomb in Dantewada, India.\n",
            11,
        ),
        (
            "tacueyo",
            "Bogota\n\nGunmen killed an indigenous leader and four members of the community's guard in Toribio, Cauca, Colombia, on Tuesday.\n",
            5,
        ),
    ] {
        let e = the_event(name, text, "2019-04-26");
        assert_eq!(e["fatalities"], want, "{name}: {e:#}");
    }
}

#[test]
fn a_crush_nobody_died_in_is_no_excessive_force() {
    let text = "Kaya\n\nDes centaines de manifestants ont bloqué samedi à Kaya, au Burkina Faso, un convoi de l'armée française. Les militaires ont utilisé des gaz lacrymogènes pour disperser la foule. Quatre manifestants ont été légèrement blessés dans la bousculade.\n";
    assert_eq!(
        first_sub_type("kaya-crush", text, "2021-11-20"),
        "Protest with intervention"
    );
    let text = "Kaya\n\nHundreds of protesters blocked a French army convoy in Kaya, Burkina Faso, on Saturday. Two protesters died in a stampede when soldiers fired tear gas.\n";
    assert_eq!(
        first_sub_type("kaya-deaths", text, "2021-11-20"),
        "Excessive force against protesters"
    );
}

#[test]
fn the_arrest_of_a_protest_leader_is_an_arrest() {
    for (name, text) in [
        (
            "sowore",
            "Lagos\n\nOn 3 August 2019, agents of the Department of State Services arrested Omoyele Sowore at his hotel in Lagos, Nigeria, two days before the protests he had called for.\n",
        ),
        (
            "parit",
            "Bangkok\n\nThai police on Saturday arrested Parit Chiwarak, a student leader of the anti-government protests, in Bangkok on charges including sedition.\n",
        ),
    ] {
        assert_eq!(first_sub_type(name, text, "2019-08-03"), "Arrests", "{name}");
    }
}

#[test]
fn a_crowd_pushed_back_is_dispersed_and_unrest_before_a_rally_is_its_background() {
    for (name, text, want) in [
        (
            "bardo",
            "Tunis\n\nOn 26 January 2021, hundreds of protesters gathered near the parliament in Bardo, Tunisia. Police blocked access with metal barriers and pushed back part of the crowd, detaining several people.\n",
            "Protest with intervention",
        ),
        (
            "yopougon",
            "Abidjan\n\nLa police a dispersé jeudi à coups de gaz lacrymogènes des dizaines de manifestants à Yopougon, en Côte d'Ivoire. Les jeunes, qui scandaient des slogans hostiles au chef de l'Etat, ont été repoussés vers les quartiers voisins.\n",
            "Protest with intervention",
        ),
        (
            "tunis-rally",
            "Tunis\n\nOn 26 January 2021, hundreds of protesters gathered in Tunis, Tunisia, after a wave of night-time unrest.\n",
            "Peaceful protest",
        ),
    ] {
        let e = the_event(name, text, "2021-01-28");
        assert_eq!(e["sub_event_type"], want, "{name}: {e:#}");
    }
}

#[test]
fn a_rape_a_protest_is_held_over_is_no_event_of_its_own() {
    let text = "Cape Town\n\nSouth African police used stun grenades and water cannon on Wednesday to disperse hundreds of women protesting in Cape Town, South Africa, over a wave of violence against women that included the rape and murder of a university student last month.\n";
    let e = the_event("cape-town", text, "2019-09-05");
    assert_eq!(e["sub_event_type"], "Protest with intervention");
    assert_eq!(e["fatalities"], 0);
}

#[test]
fn villagers_confronting_armed_men_fight_no_battle() {
    let text = "Ramallah\n\nA Palestinian was shot dead on Friday when Israeli settlers attacked the village of Burqa, in the West Bank. Residents said the settlers opened fire when villagers confronted them.\n";
    assert_eq!(first_sub_type("burqa", text, "2023-08-05"), "Attack");
}

#[test]
fn a_school_demolished_is_property_destroyed() {
    let text = "Hebron\n\nIsraeli forces demolished a donor-funded primary school in Masafer Yatta, in the West Bank, on Wednesday.\n";
    assert_eq!(
        first_sub_type("masafer-yatta", text, "2022-11-24"),
        "Looting/property destruction"
    );
}

#[test]
fn what_an_agreement_says_will_be_handed_over_is_its_content() {
    let text = "Beirut\n\nSyrian rebels in Deraa, Syria, agreed on Friday to a Russian-brokered deal to hand over their heavy weapons and cede the border crossing with Jordan.\n";
    assert_eq!(first_sub_type("deraa", text, "2018-07-07"), "Agreement");
    // (a transfer told after the agreement, as done, is still one)
    let found = events(
        "deraa-done",
        "Beirut\n\nSyrian rebels in Deraa, Syria, agreed on Friday to a ceasefire; on Saturday they handed over the border crossing to government forces.\n",
        "2018-07-08",
    );
    assert!(
        found.iter().any(|e| e["sub_event_type"] != "Agreement"),
        "{found:#?}"
    );
}

#[test]
fn protesters_killed_by_forces_told_first_met_excessive_force() {
    let text = "N'Djamena\n\nAu moins 30 manifestants ont été tués jeudi à N'Djamena, au Tchad, lorsque les forces de l'ordre ont tiré à balles réelles sur des protestataires. Les manifestants avaient érigé des barricades dans plusieurs quartiers.\n";
    assert_eq!(
        first_sub_type("ndjamena", text, "2022-10-21"),
        "Excessive force against protesters"
    );
    // (not when police are among the dead, nor in violent demonstrations)
    for (name, text) in [
        (
            "ndjamena-police",
            "N'Djamena\n\nUne cinquantaine de personnes, dont une dizaine de policiers, ont été tuées jeudi à N'Djamena, au Tchad, lors de manifestations. Des manifestants ont incendié le siège d'un parti, tandis que les forces de l'ordre tiraient à balles réelles.\n",
        ),
        (
            "zinder",
            "Zinder\n\nCinq personnes ont été tuées jeudi à Zinder, au Niger, lors de violentes manifestations contre une caricature. Des centaines de jeunes ont incendié trois églises.\n",
        ),
    ] {
        assert_eq!(
            first_sub_type(name, text, "2022-10-21"),
            "Violent demonstration",
            "{name}"
        );
    }
}

#[test]
fn a_signed_declaration_a_base_handed_back_and_drones_brought_down() {
    for (name, text, want) in [
        (
            "khartoum-declaration",
            "Khartoum\n\nOn 17 August 2019, the Transitional Military Council and the Forces of Freedom and Change signed the Constitutional Declaration in Khartoum, Sudan.\n",
            "Agreement",
        ),
        (
            "faya",
            "N'Djamena\n\nL'armée française a rétrocédé jeudi à l'armée tchadienne sa base de Faya-Largeau, au Tchad.\n",
            "Non-violent transfer of territory",
        ),
        (
            "kremlin",
            "Moscow\n\nRussia said on Wednesday that its forces had brought down two drones over the Kremlin in Moscow, Russia.\n",
            "Disrupted weapons use",
        ),
    ] {
        assert_eq!(first_sub_type(name, text, "2019-08-18"), want, "{name}");
    }
}

#[test]
fn a_massacre_on_trial_is_no_toll() {
    let text = "Conakry\n\nLe 28 septembre 2022, des centaines de personnes se sont rassemblées devant le tribunal de Dixinn à Conakry, en Guinée, à l'occasion de l'ouverture du procès du massacre du 28 septembre 2009.\n";
    let e = the_event("conakry-trial", text, "2022-09-29");
    assert_eq!(e["sub_event_type"], "Peaceful protest");
    assert_eq!(e["fatalities"], 0);
}

#[test]
fn the_post_overrun_is_a_battle() {
    let text = "Ouagadougou\n\nHundreds of militants on motorbikes overran the post at Inata, in Burkina Faso's Soum province, on Sunday after hours of fighting, killing 53 gendarmes.\n";
    assert_eq!(first_sub_type("inata", text, "2021-11-15"), "Armed clash");
    // ("after hours of fighting" is the same incident: its toll is the
    // battle's)
    assert_eq!(
        events("inata-toll", text, "2021-11-15")[0]["fatalities"],
        53
    );
}

#[test]
fn reinforcements_sent_change_a_group_s_activity() {
    let text = "Quneitra\n\nThe Syrian military has reinforced its air defence systems near Quneitra, Syria, on Monday.\n";
    assert_eq!(
        first_sub_type("idlib-reinforcements", text, "2020-02-10"),
        "Change to group/activity"
    );
}

#[test]
fn a_claim_stops_at_its_semicolon() {
    let text = "Ouagadougou\n\nDes centaines de combattants ont attaqué dimanche le camp militaire de Djibo, dans le nord du Burkina Faso. Le groupe revendique la mort d'environ 200 soldats ; des sources locales font état d'au moins une centaine de tués parmi les militaires.\n";
    assert_eq!(
        the_event("djibo-claim", text, "2025-05-12")["fatalities"],
        100
    );
}

#[test]
fn attackers_counted_in_a_when_clause_are_no_toll() {
    let text = "N'Djamena\n\nSeventeen assailants and one member of the presidential guard were killed when a group of 30 armed men attacked the presidency in N'Djamena, Chad, on Wednesday evening, a spokesman said.\n";
    let e = &events("ndjamena-when", text, "2025-01-09")[0];
    assert_eq!(e["fatalities"], 18, "{e:#}");
    assert_eq!(e["sub_event_type"], "Armed clash", "{e:#}");
}

#[test]
fn who_the_dead_mostly_were_is_who_was_hit() {
    let text = "Bamako\n\nDes jihadistes ont attaqué mardi à l'aube un camp militaire de Bamako, au Mali. Au moins 40 personnes ont été tuées, pour la plupart des élèves gendarmes.\n";
    let e = &events("gendarmes-dead", text, "2024-09-17")[0];
    assert_eq!(e["sub_event_type"], "Armed clash", "{e:#}");
    assert_eq!(e["fatalities"], 40, "{e:#}");
}

#[test]
fn a_drone_base_handed_over_is_no_strike() {
    let text = "Agadez\n\nUS forces handed the drone base over to the Nigerien army at a ceremony outside Agadez, Niger, on Monday.\n";
    assert_eq!(
        first_sub_type("drone-base", text, "2024-08-05"),
        "Non-violent transfer of territory"
    );
    // (a withdrawal completed, and a drone facility, are no strike either)
    let text = "Agadez\n\nThe United States military on Monday completed its withdrawal from Air Base 201 near Agadez, handing the drone facility over to Niger's armed forces, the two countries said.\n";
    let e = &events("drone-facility", text, "2024-08-05")[0];
    assert_eq!(
        e["sub_event_type"], "Non-violent transfer of territory",
        "{e:#}"
    );
    assert_eq!(e["location"]["name"], "Agadez", "{e:#}");
}

#[test]
fn drones_neutralised_are_intercepted_not_dead() {
    let text = "Moscou\n\nDeux drones ont été neutralisés dans la nuit de mercredi au-dessus de Moscou par les défenses antiaériennes russes, selon la présidence.\n";
    let e = the_event("drones-neutralised", text, "2023-05-03");
    assert_eq!(e["sub_event_type"], "Disrupted weapons use", "{e:#}");
    assert_ne!(e["fatalities"], 2, "{e:#}");
}

#[test]
fn other_drones_shot_down_leave_the_strike_a_strike() {
    let text = "Ryazan\n\nUkrainian drones struck the oil refinery in Ryazan, Russia, on Thursday, the regional governor said, adding that several other drones were shot down over the region.\n";
    assert_eq!(
        first_sub_type("other-drones", text, "2025-08-14"),
        "Air/drone strike"
    );
}

#[test]
fn what_angered_a_crowd_is_no_event() {
    let text = "Zahedan\n\nSecurity forces opened fire with live ammunition on protesters who gathered near a police station in Zahedan, Iran, on Friday, angered by accusations that a police commander had raped a girl. Rights groups said at least 40 people were killed.\n";
    let e = the_event("angered-by", text, "2022-09-30");
    assert_eq!(
        e["sub_event_type"], "Excessive force against protesters",
        "{e:#}"
    );
}

#[test]
fn an_overnight_attack_on_a_named_day_is_of_that_day() {
    let text = "Kyiv\n\nUkraine's air defences shot down all 12 missiles that Russia fired at Kyiv in an overnight attack on Tuesday, the military said.\n";
    let e = &events("overnight-tuesday", text, "2023-05-16")[0];
    assert_eq!(e["event_date"], "2023-05-16", "{e:#}");
}

#[test]
fn a_crowd_dispersed_overnight_after_a_dated_rally_is_one_event() {
    let text = "Tbilisi\n\nOn 28 November 2024, thousands of protesters rallied outside parliament in Tbilisi, Georgia. Riot police dispersed the crowd overnight with water cannon and tear gas.\n";
    let e = the_event("overnight-dispersal", text, "2024-11-28");
    assert_eq!(e["sub_event_type"], "Protest with intervention", "{e:#}");
    assert_eq!(e["event_date"], "2024-11-28", "{e:#}");
}

#[test]
fn deaths_nobody_confirmed_are_no_toll() {
    let text = "Islamabad\n\nOn 26 November 2024, opposition supporters reached the centre of Islamabad, Pakistan, demanding the release of their leader. Police used tear gas to disperse them overnight. The party claimed several supporters were killed, but no fatalities were confirmed.\n";
    let e = the_event("unconfirmed-deaths", text, "2024-11-26");
    assert_eq!(e["fatalities"], 0, "{e:#}");
}

#[test]
fn the_taliban_taking_kabul_were_not_yet_its_state() {
    let text = "Kabul\n\nTaliban fighters entered Kabul on Sunday and took control of the presidential palace, Afghanistan, officials said.\n";
    assert_eq!(
        first_sub_type("kabul-taliban", text, "2021-08-15"),
        "Non-state actor overtakes territory"
    );
}

#[test]
fn bombs_that_fell_on_a_camp_are_shelling() {
    let text = "Goma\n\nLe 3 mai 2024, des bombes sont tombées sur le camp de déplacés de Mugunga, à l'ouest de Goma (Nord-Kivu), en RDC. Selon l'ONU, 35 personnes ont été tuées. Son directeur a dénoncé un crime.\n";
    let e = &events("bombs-fell", text, "2024-05-03")[0];
    assert_eq!(
        e["sub_event_type"], "Shelling/artillery/missile attack",
        "{e:#}"
    );
    assert_eq!(e["location"]["admin1"], "Nord-Kivu", "{e:#}");
}

#[test]
fn irritant_gas_and_stun_grenades_are_an_intervention() {
    let text = "Ottawa\n\nLa police a utilisé samedi du gaz irritant et des grenades assourdissantes contre les manifestants qui occupent le centre-ville d'Ottawa, au Canada.\n";
    assert_eq!(
        first_sub_type("gaz-irritant", text, "2022-02-19"),
        "Protest with intervention"
    );
}

#[test]
fn people_killed_and_others_wounded_were_hit() {
    let text = "Mekelle\n\nOn 22 June 2021, an Ethiopian Air Force airstrike hit the market of Togoga village in Tigray, Ethiopia. Health workers reported 64 people killed and dozens wounded; the military said it had targeted rebel fighters.\n";
    let e = the_event("people-killed-and-wounded", text, "2021-06-22");
    assert_eq!(e["sub_event_type"], "Air/drone strike", "{e:#}");
    assert_eq!(e["fatalities"], 64, "{e:#}");
}

#[test]
fn one_officer_named_before_a_count_is_one_more_dead() {
    let text = "New Delhi\n\nOn 24 February 2020, rival groups fought with stones and sticks in Maujpur, Delhi, India. A police head constable and four civilians were killed.\n";
    assert_eq!(
        events("head-constable", text, "2020-02-24")[0]["fatalities"],
        5
    );
}

#[test]
fn armed_gangs_storming_a_prison_after_clashes_with_police_fight_a_battle() {
    let text = "Port-au-Prince\n\nDes gangs armés ont pris d'assaut samedi soir la prison de Port-au-Prince, en Haïti, après des heures d'affrontements avec les policiers qui la gardaient. Au moins douze personnes ont été tuées.\n";
    assert_eq!(
        first_sub_type("haiti-prison", text, "2024-03-03"),
        "Armed clash"
    );
}

#[test]
fn who_a_massacre_is_linked_to_is_no_fighting() {
    let text = "Samaniego\n\nOn 15 August 2020, unidentified gunmen burst into a gathering of young people in Samaniego, Narino, Colombia, and shot dead eight of them. Authorities linked the massacre to armed groups fighting over drug trafficking routes.\n";
    assert_eq!(first_sub_type("samaniego", text, "2020-08-15"), "Attack");
}

#[test]
fn the_day_of_a_death_told_in_an_apposition_is_not_the_riot_s() {
    let text = "Nanterre\n\nNANTERRE, 29 juin (AFP) - La marche blanche organisée jeudi à Nanterre, en France, en mémoire de Nahel, 17 ans, tué le 27 juin par un policier, a dégénéré : des jeunes ont incendié des voitures et lancé des projectiles sur les forces de l'ordre.\n";
    let e = &events("nahel-march", text, "2023-06-29")[0];
    assert_eq!(e["event_date"], "2023-06-29", "{e:#}");
}

#[test]
fn one_person_shot_dead_is_the_toll_not_the_crowd_fired_at() {
    let text = "Accra\n\nACCRA, May 8 (Reuters) - Police fired tear gas at thousands of students in Accra, Ghana, on Tuesday, and witnesses said a man was shot dead near the university.\n";
    assert_eq!(
        events("crowd-one-dead", text, "2024-05-08")[0]["fatalities"],
        1
    );
}

#[test]
fn auxiliaries_do_not_part_a_count_from_its_death_word() {
    let text = "Djibo\n\nVingt-deux soldats burkinabè et un civil ont été tués lundi dans l'attaque d'un poste militaire à Djibo, au Burkina Faso.\n";
    assert_eq!(events("aux-count", text, "2024-03-05")[0]["fatalities"], 23);
}

#[test]
fn another_source_s_figure_is_no_second_toll() {
    let text = "Kaya\n\nDes hommes armés ont attaqué dimanche le village de Dablo, près de Kaya, au Burkina Faso. Le gouvernement a annoncé un bilan de 12 morts; une association locale a avancé le chiffre de 40 tués.\n";
    assert_eq!(
        events("other-figure", text, "2024-03-04")[0]["fatalities"],
        12
    );
}

#[test]
fn a_subsequent_toll_replaces_the_initial_one() {
    let text = "Maiduguri\n\nOn 3 March 2024, a suicide bomber blew herself up at a market in Maiduguri, Borno, Nigeria. Officials initially reported 10 dead and 30 injured; subsequent tolls reached 15 dead.\n";
    assert_eq!(
        events("subsequent-toll", text, "2024-03-03")[0]["fatalities"],
        15
    );
}

#[test]
fn a_bomber_killing_others_and_himself_is_one_more_dead() {
    let text = "Kandahar\n\nOn 4 March 2024, a man drove a car packed with explosives into a police station in Kandahar, Afghanistan, and detonated it, killing 9 officers and himself.\n";
    assert_eq!(
        events("and-himself", text, "2024-03-04")[0]["fatalities"],
        10
    );
}

#[test]
fn people_listed_as_the_subject_of_a_passive_death_add_up() {
    let text = "Tillabéri\n\nTrois employés d'une ONG, leur guide et leur chauffeur ont été tués samedi par des hommes armés près de Tillabéri, au Niger.\n";
    assert_eq!(
        events("subject-list", text, "2024-03-09")[0]["fatalities"],
        5
    );
    // (a name after a person is that person, told again)
    let text = "Koutiala\n\nLe maire de Koutiala, Abdoulaye Traoré, un policier de son escorte et leur chauffeur ont été tués mardi dans une embuscade près de Koutiala, au Mali.\n";
    assert_eq!(
        events("subject-apposition", text, "2024-03-05")[0]["fatalities"],
        3
    );
}

#[test]
fn a_round_up_with_a_toll_is_an_attack_not_arrests() {
    let text = "Ouahigouya\n\nOn 2 May 2023, soldiers entered the village of Tangaye, Yatenga, Burkina Faso, and rounded up residents accused of helping jihadists. The local prosecutor reported about 30 deaths.\n";
    let e = &events("round-up", text, "2023-05-02")[0];
    assert_eq!(e["sub_event_type"], "Attack", "{e:#}");
    assert_eq!(e["fatalities"], 30, "{e:#}");
}

#[test]
fn a_policeman_firing_at_a_driver_who_died_is_an_attack_with_one_dead() {
    let text = "Lyon\n\nLe 4 juillet 2023, à Vénissieux, près de Lyon, en France, un policier a tiré sur un automobiliste qui avait refusé d'obtempérer; le jeune homme est mort sur place.\n";
    let e = &the_event("tire-sur", text, "2023-07-04");
    assert_eq!(e["sub_event_type"], "Attack", "{e:#}");
    assert_eq!(e["fatalities"], 1, "{e:#}");
}

#[test]
fn a_group_signing_a_peace_accord_makes_an_agreement() {
    let text = "Bamako\n\nLe 20 juin 2015, une coalition de groupes armés a signé à Bamako, au Mali, l'accord pour la paix et la réconciliation.\n";
    assert_eq!(
        first_sub_type("accord-paix", text, "2015-06-20"),
        "Agreement"
    );
}

#[test]
fn protesters_storming_a_legislature_riot() {
    let text = "Maseru\n\nOn 3 May 2021, protesters used poles to smash through doors and storm the Legislative Council building in Maseru, Lesotho.\n";
    assert_eq!(
        first_sub_type("storm-legco", text, "2021-05-03"),
        "Violent demonstration"
    );
}

#[test]
fn an_attentat_is_an_attack() {
    let text = "Maiduguri\n\nUn attentat a fait trois morts lundi 3 mai 2021 dans un marché de Maiduguri, au Nigeria.\n";
    let e = &the_event("attentat", text, "2021-05-03");
    assert_eq!(e["event_type"], "Violence against civilians", "{e:#}");
    assert_eq!(e["fatalities"], 3, "{e:#}");
}

#[test]
fn drones_intercepted_after_a_long_determiner_are_disrupted_weapons_use() {
    let text = "Tel Aviv\n\nOn 14 April 2024, Israeli air defences intercepted most of the more than 200 drones launched at Tel Aviv, Israel, overnight.\n";
    assert_eq!(
        first_sub_type("intercept-most", text, "2024-04-14"),
        "Disrupted weapons use"
    );
}

#[test]
fn the_last_troops_completing_a_withdrawal_change_their_activity() {
    let text = "Niamey\n\nLes derniers soldats français ont quitté le Niger vendredi 22 décembre 2023, achevant le retrait exigé par le régime militaire de Niamey.\n";
    assert_eq!(
        first_sub_type("retrait", text, "2023-12-22"),
        "Change to group/activity"
    );
}

#[test]
fn where_the_arrest_a_crowd_answered_happened_is_not_where_it_rioted() {
    let text = "Karachi\n\nOn 9 May 2023, following the arrest of an opposition leader in Islamabad, his supporters rioted in Karachi, Pakistan, setting fire to vehicles and clashing with police.\n";
    let e = &events("arrest-elsewhere", text, "2023-05-09")[0];
    assert_eq!(e["location"]["name"], "Karachi", "{e:#}");
}

#[test]
fn a_named_group_with_its_acronym_in_brackets_is_one_side() {
    // "Boko Haram (JAS) militants" are Boko Haram, not unidentified
    // militants; a faction in the brackets too.
    for (name, text) in [
        (
            "kawuri-2024",
            "Kawuri\n\nOn 14 January 2024, Boko Haram (JAS) militants attacked farmers working in their fields near Kawuri (Konduga, Borno), killing 8 of them.\n",
        ),
        (
            "boma-2020",
            "Boma\n\nOn 14 January 2024, Boko Haram (JAS, Bakura faction) militants attacked farmers near Kawuri (Konduga, Borno), killing 8 of them.\n",
        ),
    ] {
        let e = &events(name, text, "2024-01-14")[0];
        assert_eq!(
            actor(e, "actor1"),
            "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad",
            "{e:#}"
        );
    }
}

#[test]
fn a_countrys_abbreviation_or_a_government_names_whose_forces() {
    // "US and UK forces": the United States' forces strike the Houthis,
    // not the other way round.
    let e = &events(
        "hudaydah-2024",
        "Hudaydah\n\nOn 24 February 2024, US and UK forces carried out several airstrikes on Houthi positions near Al Hudaydah airport in Yemen.\n",
        "2024-02-25",
    )[0];
    assert_eq!(e["sub_event_type"], "Air/drone strike", "{e:#}");
    assert_eq!(
        actor(e, "actor1"),
        "Military Forces of the United States",
        "{e:#}"
    );
    // "a Syrian government helicopter", "des avions de combat russes".
    let e = &events(
        "saraqib-2018",
        "Saraqib\n\nOn 4 February 2018, a Syrian government helicopter dropped a barrel bomb on Saraqib, killing 3 people.\n",
        "2018-02-05",
    )[0];
    assert_eq!(actor(e, "actor1"), "Military Forces of Syria", "{e:#}");
    let e = &events(
        "jisr-2023",
        "Idleb\n\nLe 25 juin 2023, des avions de combat russes ont frappé un marché à Idleb, en Syrie, tuant neuf civils.\n",
        "2023-06-25",
    )[0];
    assert_eq!(actor(e, "actor1"), "Military Forces of Russia", "{e:#}");
}

#[test]
fn who_killed_and_what_was_counted_are_no_deaths() {
    for (name, text, date, toll) in [
        // The bombers who killed are not among the 30 they killed.
        (
            "konduga-2019",
            "Konduga\n\nThree suicide bombers killed at least 30 people on Sunday night at a hall in Konduga, Nigeria, emergency officials said.\n",
            "2019-06-17",
            30,
        ),
        // Nationalities are no people.
        (
            "splendid-2016",
            "Ouagadougou\n\nAu moins 29 personnes de 18 nationalités ont été tuées vendredi soir dans l'attaque de l'hôtel Splendid, à Ouagadougou, au Burkina Faso.\n",
            "2016-01-16",
            29,
        ),
        // People listed as the object of a killing add up.
        (
            "koure-2020",
            "Koure\n\nGunmen on motorcycles killed six French aid workers, their Nigerien guide and their driver on Sunday in a giraffe reserve near Koure, Niger, officials said.\n",
            "2020-08-10",
            8,
        ),
        // "une soixantaine" is about sixty.
        (
            "karma-2023",
            "Karma\n\nLe 20 avril 2023, des hommes armés ont tué une soixantaine de civils dans le village de Karma, près de Ouahigouya, au Burkina Faso.\n",
            "2023-04-20",
            60,
        ),
        // One soldier killed and seven assailants "neutralised": eight.
        (
            "kati-2022",
            "Kati\n\nLe 22 juillet 2022, des jihadistes ont attaqué le camp militaire de Kati, au Mali. Selon l'état-major, un soldat a été tué et sept assaillants ont été neutralisés.\n",
            "2022-07-22",
            8,
        ),
    ] {
        let e = &events(name, text, date)[0];
        assert_eq!(e["fatalities"], toll, "{name}: {e:#}");
    }
    // A toll gate is no death toll: shots at a crowd killed nobody named.
    let e = &events(
        "lekki-2020",
        "Lagos\n\nNigerian soldiers opened fire on Tuesday evening on hundreds of protesters gathered at the Lekki toll gate in Lagos, witnesses said.\n",
        "2020-10-21",
    )[0];
    assert_eq!(e["fatalities"], 0, "{e:#}");
}

#[test]
fn a_toll_told_the_day_after_is_the_events() {
    // A note dated on the day of the bombing tells the minister's toll of
    // the next day: it is the bombing's.
    let e = &the_event(
        "besiktas-2016",
        "Istanbul\n\nOn 10 December 2016, a car bomb exploded near the Vodafone Arena stadium in Besiktas, Istanbul, targeting riot police buses. Interior Minister Suleyman Soylu said the next day that 38 people were killed.\n",
        "2016-12-10",
    );
    assert_eq!(e["fatalities"], 38, "{e:#}");
    assert_eq!(e["event_date"], "2016-12-10", "{e:#}");
}

#[test]
fn a_capture_claimed_is_a_capture_and_combat_dress_no_fighting() {
    let e = &events(
        "goma-2025",
        "Goma\n\nLe 27 janvier 2025, des combattants du M23 sont entrés dans Goma, en RDC, et ont revendiqué la prise de la ville.\n",
        "2025-01-27",
    )[0];
    assert_eq!(
        e["sub_event_type"], "Non-state actor overtakes territory",
        "{e:#}"
    );
    let e = &events(
        "crocus-2024",
        "Krasnogorsk\n\nGunmen in combat fatigues opened fire on concert-goers at the Crocus City Hall in Krasnogorsk, Russia, on Friday evening, killing at least 60 people.\n",
        "2024-03-23",
    )[0];
    assert_eq!(e["sub_event_type"], "Attack", "{e:#}");
    // A crowd that overran police lines took no territory.
    let e = &events(
        "capitol-2021",
        "Washington\n\nOn 6 January 2021, supporters of President Donald Trump overran police lines and stormed the US Capitol in Washington.\n",
        "2021-01-06",
    )[0];
    assert_eq!(e["sub_event_type"], "Violent demonstration", "{e:#}");
}

#[test]
fn an_earlier_incident_looked_back_to_borrows_neither_place_nor_date() {
    // The background attack at Chinagodrar (no gazetteer knows it) is not
    // placed in Niamey, the dateline's city: its country only.
    let ev = events(
        "koure-background",
        "NIAMEY (Reuters) - Gunmen on motorcycles killed six French aid workers on Sunday in a giraffe reserve near Koure, about 60 km southeast of Niamey, officials said. In January, militants killed 89 soldiers in an attack on a military base at Chinagodrar, near the Malian border.\n",
        "2020-08-10",
    );
    let back = ev
        .iter()
        .find(|e| e["fatalities"] == 89)
        .unwrap_or_else(|| panic!("{ev:#?}"));
    assert_eq!(back["location"]["feature"], "country", "{back:#}");
    assert_eq!(back["location"]["country"], "Niger", "{back:#}");
    // A pluperfect relative clause's date and actors are not the clause's
    // event's: TPLF fighters took Mekelle on Monday.
    let ev = events(
        "mekelle-2021",
        "Tigrayan forces entered Mekelle, the capital of Ethiopia's Tigray region, on Monday after federal troops withdrew, residents told Reuters. Crowds celebrated in the streets as fighters loyal to the Tigray People's Liberation Front (TPLF) took control of the city, which federal forces had captured in November 2020.\n",
        "2021-06-28",
    );
    let took = ev
        .iter()
        .find(|e| e["event_type"] == "Battles")
        .unwrap_or_else(|| panic!("{ev:#?}"));
    assert_eq!(
        took["sub_event_type"], "Non-state actor overtakes territory",
        "{took:#}"
    );
    assert_eq!(took["event_date"], "2021-06-28", "{took:#}");
}

#[test]
fn a_death_told_in_an_aside_and_a_car_loaded_with_explosives() {
    // One of the dead, lynched, told in a "dont" aside, does not make the
    // army's crackdown on a protest mob violence.
    let e = &events(
        "goma-2023",
        "GOMA, 31 août (AFP) - Au moins 43 personnes ont été tuées mercredi à Goma lors de la répression par l'armée d'une manifestation interdite d'une secte contre la présence de la Monusco, dont un policier lynché par des fidèles, selon un bilan officiel.\n",
        "2023-08-31",
    )[0];
    assert_eq!(
        e["sub_event_type"], "Excessive force against protesters",
        "{e:#}"
    );
    assert_eq!(e["fatalities"], 43, "{e:#}");
    // A car loaded with explosives is a bombing, not a shooting.
    let e = &events(
        "bogota-2019",
        "Bogota\n\nOn 17 January 2019, a car loaded with about 80 kg of pentolite was driven into the General Santander police cadet school in southern Bogota, Colombia, and detonated. Authorities said 21 people were killed.\n",
        "2019-01-17",
    )[0];
    assert_eq!(e["event_type"], "Explosions/Remote violence", "{e:#}");
}

#[test]
fn named_people_and_a_count_killed_add_up_where_an_airport_stands() {
    // Two people by name and "eight others": ten, at Baghdad's airport
    // (the drone's country says whose, not where).
    let e = &events(
        "baghdad-2020",
        "Baghdad\n\nOn 3 January 2020, a US MQ-9 drone fired missiles at two vehicles leaving Baghdad International Airport, killing IRGC Quds Force commander Qassem Soleimani, Popular Mobilization Forces deputy chief Abu Mahdi al-Muhandis and eight others.\n",
        "2020-01-03",
    )[0];
    assert_eq!(e["fatalities"], 10, "{e:#}");
    assert_eq!(e["location"]["country"], "Iraq", "{e:#}");
    assert_eq!(
        actor(e, "actor1"),
        "Military Forces of the United States",
        "{e:#}"
    );
    // A source named after the count adds nobody.
    let e = &events(
        "source-after-count",
        "Gunmen killed 12 soldiers near Djibo, Burkina Faso, on Sunday, the army said.\n",
        "2024-03-18",
    )[0];
    assert_eq!(e["fatalities"], 12, "{e:#}");
}

#[test]
fn a_toll_restated_as_a_whole_is_counted_once() {
    for (name, text, date, toll) in [
        (
            "tunis-2015",
            "TUNIS, mardi (AFP) - Un attentat contre un bus de la garde présidentielle a tué 12 agents mardi à Tunis, selon le ministère de l'Intérieur, qui a évoqué un treizième corps, probablement celui de l'assaillant, soit 13 morts au total.\n",
            "2015-11-24",
            13,
        ),
        (
            "hanau-2020",
            "HANAU, Germany, Wednesday (Reuters) - A gunman killed nine people at two shisha bars in Hanau late on Wednesday and was later found dead at his home along with his mother, bringing the death toll to 11, police said.\n",
            "2020-02-19",
            11,
        ),
    ] {
        let e = &events(name, text, date)[0];
        assert_eq!(e["fatalities"], toll, "{e:#}");
    }
}

#[test]
fn a_car_bomb_whose_toll_counts_its_driver_is_a_suicide_bomb() {
    let e = &events(
        "bogota-driver",
        "On 17 January 2019, an ELN member drove a car loaded with explosives into the police academy in Bogota, Colombia, where it detonated during a ceremony. 21 people were killed, including the driver, and dozens injured.\n",
        "2019-01-17",
    )[0];
    assert_eq!(e["sub_event_type"], "Suicide bomb", "{e:#}");
    assert_eq!(e["fatalities"], 21, "{e:#}");
}

#[test]
fn a_toll_dated_by_its_report_is_the_toll_of_the_event_before_it() {
    // ("publiée en mars" dates the inquiry, not the deaths; "la nuit du 11
    // au 12" is the night's first day)
    let e = the_event(
        "bounti-2021",
        "Le 3 janvier 2021, une frappe aérienne de la force Barkhane a touché un rassemblement près du village de Bounti, au Mali. Selon l'enquête de la MINUSMA publiée en mars, 22 personnes ont été tuées, dont 19 civils.\n",
        "2021-01-03",
    );
    assert_eq!(e["sub_event_type"], "Air/drone strike", "{e:#}");
    assert_eq!(e["fatalities"], 22, "{e:#}");
    let e = &events(
        "seytenga-2022",
        "On the night of 11 to 12 June 2022, militants attacked Seytenga, Burkina Faso, going from house to house and killing 86 civilians.\n",
        "2022-06-14",
    )[0];
    assert_eq!(e["event_date"], "2022-06-11", "{e:#}");
}

#[test]
fn a_force_that_says_after_a_dateline_what_it_did_is_a_side() {
    // ("BAMAKO, Tuesday (AFP) - Mali's army said" is the army's word, not a
    // source reaching back into the dateline)
    let e = &events(
        "kidal-2023",
        "BAMAKO, Tuesday (AFP) - Mali's army said on Tuesday it had taken control of Kidal, the northern stronghold of mainly Tuareg separatist rebels, after several days of fighting.\n",
        "2023-11-14",
    )[0];
    assert_eq!(e["sub_event_type"], "Government regains territory", "{e:#}");
    assert_eq!(e["location"]["name"], "Kidal", "{e:#}");
    assert!(
        actor(e, "actor1").starts_with("Military Forces of Mali"),
        "{e:#}"
    );
}

#[test]
fn a_mob_of_a_named_group_is_that_group() {
    let e = &events(
        "huwara-2023",
        "NABLUS, West Bank, Sunday (AP) - Hundreds of Israeli settlers rampaged through the Palestinian town of Huwara on Sunday night, setting fire to dozens of homes and cars.\n",
        "2023-02-26",
    )[0];
    assert_eq!(e["sub_event_type"], "Mob violence", "{e:#}");
    assert_eq!(actor(e, "actor1"), "Settlers (Israel)", "{e:#}");
}

#[test]
fn a_capture_the_losers_call_a_withdrawal_stays_a_capture() {
    let e = &events(
        "kidal-withdrawn",
        "BAMAKO, Tuesday (Reuters) - Malian troops took control of the northern town of Kidal on Tuesday after several days of advancing through rebel-held territory, the president said. Tuareg-led separatist fighters said they had withdrawn from the town for strategic reasons.\n",
        "2023-11-14",
    )[0];
    assert_eq!(e["sub_event_type"], "Government regains territory", "{e:#}");
}

#[test]
fn an_electoral_body_is_no_dead_and_a_fatal_wound_is_a_death() {
    let e = &events(
        "noumea-2024",
        "NOUMÉA, lundi (AFP) - Des violences ont éclaté lundi à Nouméa en marge d'une mobilisation indépendantiste contre la réforme du corps électoral, avec des commerces incendiés, des barrages routiers et des dizaines de gendarmes et policiers blessés.\n",
        "2024-05-13",
    )[0];
    assert_eq!(e["fatalities"], 0, "{e:#}");
    let e = &events(
        "tripoli-2021",
        "BEYROUTH, mercredi (AFP) - Un manifestant a été mortellement blessé par balle mercredi soir à Tripoli, dans le nord du Liban, lors d'affrontements entre des jeunes et les forces de sécurité.\n",
        "2021-01-27",
    )[0];
    assert_eq!(e["fatalities"], 1, "{e:#}");
    // ("Pau D'Arco" is one name: not Arco, Italy)
    let e = &events(
        "pau-darco-2017",
        "On 24 May 2017, police carrying out warrants at a farm in Pau D'Arco (Pau D'Arco, Para) opened fire on landless workers, killing 10 people.\n",
        "2017-05-24",
    )[0];
    assert_eq!(e["location"]["country"], "Brazil", "{e:#}");
}

#[test]
fn an_unknown_town_of_the_story_is_not_the_datelines_town() {
    let e = &events(
        "nampala-2016",
        "BAMAKO, Tuesday (Reuters) - Gunmen attacked an army base in the central Malian town of Nampala on Tuesday, killing 17 soldiers, the defence ministry said.\n",
        "2016-07-19",
    )[0];
    assert_eq!(e["location"]["country"], "Mali", "{e:#}");
    assert_ne!(e["location"]["admin1"], "Bamako", "{e:#}");
}

#[test]
fn an_event_told_by_its_distance_from_a_town_is_placed_there() {
    // ("à une quarantaine de kilomètres d'Abidjan" is a distance, not a
    // toll; a Beninese commune in brackets after two neighbours' names is
    // the event's place)
    let e = &events(
        "koure-2020",
        "NIAMEY, 9 août 2020 (AFP) - Huit personnes ont été tuées dimanche par des hommes armés dans la réserve de girafes de Kouré, à une soixantaine de kilomètres au sud-est de Niamey.\n",
        "2020-08-09",
    )[0];
    assert_eq!(e["location"]["admin1"], "Tillaberi", "{e:#}");
    assert_eq!(e["location"]["geo_precision"], 2, "{e:#}");
    let e = &events(
        "grand-bassam-2016",
        "ABIDJAN, 13 mars 2016 (AFP) - Des hommes armés ont ouvert le feu dimanche sur des baigneurs de la plage de Grand-Bassam, station balnéaire située à une quarantaine de kilomètres d'Abidjan, tuant 16 personnes.\n",
        "2016-03-13",
    )[0];
    assert_eq!(e["fatalities"], 16, "{e:#}");
    let e = &events(
        "karimama-2025",
        "On 17 April 2025, JNIM militants attacked two Beninese army positions in W National Park, near the border area with Niger and Burkina Faso (Karimama commune), killing 54 soldiers.\n",
        "2025-04-17",
    )[0];
    assert_eq!(e["location"]["admin2"], "Karimama", "{e:#}");
    // Hong Kong is one ACLED admin1, its districts admin2.
    let e = &events(
        "yuen-long-2019",
        "HONG KONG, July 22 (Reuters) - Scores of men in white T-shirts attacked commuters at Yuen Long railway station late on Sunday, leaving 45 people injured.\n",
        "2019-07-22",
    )[0];
    assert_eq!(e["location"]["admin1"], "Hong Kong", "{e:#}");
}

#[test]
fn crowds_looting_police_grenades_and_plots_follow_the_codebook() {
    let e = &events(
        "jeppestown-2019",
        "On 2 September 2019, groups of men armed with sticks and iron bars looted and torched foreign-owned shops in Jeppestown, Johannesburg.\n",
        "2019-09-02",
    )[0];
    assert_eq!(e["sub_event_type"], "Mob violence", "{e:#}");
    let e = &events(
        "sainte-soline-2023",
        "Le 25 mars 2023, de violents affrontements ont opposé des groupes de manifestants, qui ont incendié des fourgons, aux gendarmes, qui ont tiré des milliers de grenades, à Sainte-Soline.\n",
        "2023-03-25",
    )[0];
    assert_eq!(e["sub_event_type"], "Violent demonstration", "{e:#}");
    let e = &events(
        "whitmer-2020",
        "On 7 October 2020, FBI agents arrested several men in Ypsilanti, Michigan, as part of an alleged plot to kidnap the state's governor.\n",
        "2020-10-07",
    )[0];
    assert_eq!(e["sub_event_type"], "Arrests", "{e:#}");
    let e = &events(
        "tombouctou-2021",
        "TOMBOUCTOU (Mali), 14 déc 2021 (AFP) - La force française Barkhane a officiellement remis mardi aux Forces armées maliennes (FAMa) sa base de Tombouctou.\n",
        "2021-12-14",
    )[0];
    assert_eq!(
        e["sub_event_type"], "Non-violent transfer of territory",
        "{e:#}"
    );
    // What a protest is against is no attack.
    let e = &events(
        "ouagadougou-2022",
        "On 22 January 2022, several hundred people gathered in central Ouagadougou to protest against the government's failure to stem jihadist attacks.\n",
        "2022-01-22",
    )[0];
    assert_eq!(e["event_type"], "Protests", "{e:#}");
}

#[test]
fn a_lasting_feud_an_earlier_removal_and_two_days_are_read_as_told() {
    // "has clashed ... for more than a decade" is no incident.
    let e = &events(
        "lebaron-2019",
        "MEXICO CITY, Nov 5 (Reuters) - Suspected cartel gunmen killed nine members of the LeBaron family, three women and six children, when they ambushed their cars on a dirt road in Sonora on Monday, officials said. The Mormon-descended community has clashed with drug gangs for more than a decade.\n",
        "2019-11-05",
    );
    assert_eq!(e.len(), 1, "{e:#?}");
    assert_eq!(e[0]["sub_event_type"], "Attack", "{e:#?}");
    // The date of what the unrest followed is not the toll's.
    let e = &events(
        "juliaca-2023",
        "On 9 January 2023, protesters tried to storm the airport in Juliaca; police responded with live ammunition and tear gas. Seventeen civilians were killed, the deadliest day of the unrest that followed Pedro Castillo's removal in December 2022.\n",
        "2023-01-09",
    );
    assert_eq!(e[0]["fatalities"], 17, "{e:#?}");
    assert_eq!(e[0]["event_date"], "2023-01-09", "{e:#?}");
    let e = &events(
        "la-saline-2018",
        "Les 13 et 14 novembre 2018, des hommes armés appartenant à des gangs ont attaqué le quartier de La Saline, à Port-au-Prince, tuant au moins 26 personnes.\n",
        "2018-11-13",
    )[0];
    assert_eq!(e["event_date"], "2018-11-13", "{e:#}");
    assert_eq!(e["fatalities"], 26, "{e:#}");
}

#[test]
fn a_datelines_day_a_breakdown_and_an_apposition_add_no_dead() {
    // "16 jan" is a dateline's day; the town is Lebanon's Tripoli all
    // through once the dateline says so.
    let e = &events(
        "tripoli-2021",
        "TRIPOLI (Liban), 28 jan 2021 (AFP) - Deux personnes ont été tuées jeudi soir lorsque des manifestants ont mis le feu au siège de la municipalité de Tripoli, grande ville du nord du Liban.\n",
        "2021-01-28",
    )[0];
    assert_eq!(e["fatalities"], 2, "{e:#}");
    assert_eq!(e["location"]["country"], "Lebanon", "{e:#}");
    let e = &events(
        "villa-union-2019",
        "On 30 November 2019, gunmen of the Cartel del Noreste attacked the municipal building in Villa Union. At least 20 people were killed: four police officers, two civilians and 14 gunmen.\n",
        "2019-11-30",
    )[0];
    assert_eq!(e["fatalities"], 20, "{e:#}");
    let e = &events(
        "tayr-harfa-2023",
        "BEYROUTH, 21 nov 2023 (AFP) - Deux journalistes de la chaîne Al-Mayadeen, la correspondante Farah Omar et le caméraman Rabih Maamari, ont été tués mardi par une frappe israélienne dans le sud du Liban. Les échanges de tirs entre le Hezbollah et l'armée israélienne se poursuivent quasi quotidiennement à la frontière depuis le 8 octobre.\n",
        "2023-11-21",
    );
    assert_eq!(e.len(), 1, "{e:#?}");
    assert_eq!(e[0]["sub_event_type"], "Air/drone strike", "{e:#?}");
    assert_eq!(e[0]["fatalities"], 2, "{e:#?}");
}

#[test]
fn circumstances_names_and_histories_are_not_the_event() {
    // An ambush in a sandstorm is no natural disaster.
    let e = &events(
        "tinzaouatene-2024",
        "On 27 July 2024, CSP-PSD fighters ambushed a convoy of Malian soldiers and Wagner Group mercenaries near Tinzaouatene during a sandstorm.\n",
        "2024-07-27",
    )[0];
    assert_eq!(e["sub_event_type"], "Armed clash", "{e:#}");
    // Protesters occupying a state broadcaster's premises riot.
    let e = &events(
        "ortm-2020",
        "On 10 July 2020, some demonstrators occupied the premises of the state broadcaster ORTM in Bamako and blocked two bridges.\n",
        "2020-07-10",
    )[0];
    assert_eq!(e["sub_event_type"], "Violent demonstration", "{e:#}");
    // A march's name in quotes is no place.
    let e = &events(
        "minsk-2020",
        "On 16 August 2020, the 'March for Freedom' drew well over 100,000 people to central Minsk to demand the resignation of Alexander Lukashenko. The crowd gathered around the Stela monument.\n",
        "2020-08-16",
    )[0];
    assert_eq!(e["location"]["name"], "Minsk", "{e:#}");
    // A group's trade since the 1990s is its history, not this battle.
    let e = &events(
        "bohol-2017",
        "MANILA, April 11 (Reuters) - Philippine troops clashed with Abu Sayyaf militants on the island of Bohol on Tuesday, killing six of the gunmen, the military said. The Abu Sayyaf has made money from kidnapping for ransom since the 1990s.\n",
        "2017-04-11",
    )[0];
    assert_eq!(e["sub_event_type"], "Armed clash", "{e:#}");
    // A camp left and handed over; weapons handed over end a struggle.
    let e = &events(
        "ber-2023",
        "BAMAKO, 13 août 2023 (AFP) - La Minusma a annoncé dimanche avoir quitté de manière anticipée son camp de Ber, dans la région de Tombouctou, et l'avoir remis à l'armée malienne.\n",
        "2023-08-13",
    )[0];
    assert_eq!(
        e["sub_event_type"], "Non-violent transfer of territory",
        "{e:#}"
    );
    let e = &events(
        "farc-2017",
        "On 27 June 2017, the FARC completed the handover of its individual weapons to the UN mission at a ceremony in Mesetas, formally ending its existence as an armed group.\n",
        "2017-06-27",
    )[0];
    assert_eq!(e["sub_event_type"], "Change to group/activity", "{e:#}");
}

#[test]
fn a_wars_toll_is_not_the_incidents_and_a_bracketed_unit_is_one() {
    let e = &events(
        "auno-2020",
        "MAIDUGURI, Nigeria, Feb 10 (Reuters) - Islamist insurgents killed 30 people outside the town of Auno on Sunday, the Borno state governor's office said. The decade-long insurgency in northeast Nigeria has killed more than 30,000 people.\n",
        "2020-02-10",
    )[0];
    assert_eq!(e["fatalities"], 30, "{e:#}");
    // (GeoNames also calls Jinzhou, China, "Chin")
    let e = &events(
        "paletwa-2024",
        "On 15 January 2024, the Arakan Army announced it had seized full control of Paletwa town and township (Chin) after overrunning the last junta positions in the area.\n",
        "2024-01-15",
    )[0];
    assert_eq!(e["location"]["country"], "Myanmar", "{e:#}");
}

#[test]
fn counts_that_are_no_toll_stay_out_of_it() {
    let toll = |name: &str, text: &str| {
        the_event(name, &format!("{text}\n"), "2024-03-15")["fatalities"].clone()
    };
    // A toll not told, and people who fled, are no deaths.
    let t = "Government troops retook the town of Hit from Islamic State fighters on Monday, the army said. Fatalities were not reported; hundreds of families had fled the fighting.";
    assert_eq!(toll("unreported", t), serde_json::Value::Null);
    // "one of the worst" counts nobody.
    let t = "Rival clans fought near the village of Akom in Enga province on Sunday. Police said 12 men were killed, one of the worst clashes in the province this year.";
    assert_eq!(toll("one-of-the-worst", t), 12);
    // The gunmen who killed are not the dead.
    let t = "Around 20 gunmen killed a police officer in Mitrovica on Sunday, officials said.";
    assert_eq!(toll("gunmen-killed-one", t), 1);
    // The abducted after a comma are not joined to the dead before them.
    let t = "Gunmen stormed a boarding school in Kagara on Wednesday, shooting dead one guard and abducting 40 pupils, 2 teachers and 5 cooks, officials said.";
    assert_eq!(toll("dead-then-abducted", t), 1);
    // A day between a French verb of killing and its count.
    let t = "Des hommes armés ont tué jeudi trois gendarmes à Gaoua, dans le sud-ouest du Burkina Faso, selon une source sécuritaire.";
    assert_eq!(toll("tue-jeudi-trois", t), 3);
}

#[test]
fn the_weapon_that_exploded_next_is_the_events_own() {
    let e = the_event(
        "grenade-it-exploded",
        "Suspected militants threw a grenade at a police patrol in a market in Anantnag on Tuesday. It exploded among vendors, killing three people and wounding 12, police said.\n",
        "2024-03-15",
    );
    assert_eq!(e["sub_event_type"], "Grenade", "{e:#}");
    assert_eq!(e["fatalities"], 3, "{e:#}");
    // An explosion with no weapon told before stays an accident.
    let found = events(
        "gas-it-killed",
        "A gas cylinder exploded in a restaurant in Kano on Monday. It killed five people, the fire service said.\n",
        "2024-03-15",
    );
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn what_a_crowd_mourns_or_protests_is_no_event_and_aircraft_that_fire_strike_from_the_air() {
    let sub = |name: &str, text: &str| {
        let e = the_event(name, &format!("{text}\n"), "2022-09-17");
        (
            e["sub_event_type"].as_str().unwrap().to_string(),
            e["fatalities"].clone(),
        )
    };
    let (s, _) = sub(
        "protesting-the-rape",
        "Worshippers protesting the alleged rape of a girl by a police officer marched to a police station in Zahedan on Friday; security forces opened fire, killing at least 40 people, Amnesty International said.",
    );
    assert_eq!(s, "Excessive force against protesters");
    let (s, toll) = sub(
        "mourned-died-before",
        "Police fired tear gas at mourners in Saqqez on Saturday after the funeral of Jina Amini, a young woman who died in the custody of the morality police, a rights group said.",
    );
    assert_eq!(
        (s.as_str(), toll),
        ("Protest with intervention", serde_json::json!(0))
    );
    let (s, _) = sub(
        "helicopters-fired-on",
        "Army helicopters fired on a village school in Tabayin township, Sagaing region, on Friday, killing 11 people, residents said.",
    );
    assert_eq!(s, "Air/drone strike");
    let (s, _) = sub(
        "part-of-the-base",
        "Militants attacked the army camp at Dioura on Sunday, overrunning part of the base and burning vehicles; 21 soldiers were killed.",
    );
    assert_eq!(s, "Armed clash");
    let (s, _) = sub(
        "unit-named-by-demonym",
        "Iraqi Counter-Terrorism Service units retook the centre of Ramadi from Islamic State on Monday.",
    );
    assert_eq!(s, "Government regains territory");
}

#[test]
fn a_units_garrison_and_a_demonym_are_no_event_places() {
    let place = |name: &str, text: &str, date: &str| {
        let e = the_event(name, &format!("{text}\n"), date);
        e["location"].clone()
    };
    let l = place(
        "garrison",
        "PARIS (AFP) - Deux soldats français du 2e régiment de hussards de Haguenau ont été tués samedi au Mali lorsque leur véhicule a sauté sur un engin explosif, a annoncé l'Élysée.",
        "2021-01-02",
    );
    assert_eq!(l["country"], "Mali", "{l:#}");
    // ("Kazakh" is also one of GeoNames' names of Petropavl)
    let l = place(
        "kazakh-town",
        "Hundreds of residents of the western Kazakh oil town of Zhanaozen rallied on Sunday against a rise in the price of gas.",
        "2022-01-02",
    );
    assert_eq!(l["name"], "Zhanaozen", "{l:#}");
    // A brigade's base in a city is in that city.
    let l = place(
        "brigade-base",
        "A car bomb exploded inside an army brigade base in the Colombian border city of Cucuta on Tuesday, injuring 36 people.",
        "2021-06-15",
    );
    assert_eq!(l["country"], "Colombia", "{l:#}");
}

#[test]
fn a_date_in_an_after_clause_is_what_came_before() {
    let date = |name: &str, text: &str| {
        the_event(name, &format!("{text}\n"), "2022-01-08")["event_date"].clone()
    };
    // (8 January 2022 was a Saturday)
    let d = date(
        "rallied-after",
        "Hundreds of residents rallied in Zhanaozen on Sunday against a sharp rise in the price of gas, after price caps were lifted on Jan. 1.",
    );
    assert_eq!(d, "2022-01-02");
    let d = date(
        "arrested-after",
        "Police arrested 20 people in Nairobi on Tuesday after protests that began on Jan. 3.",
    );
    assert_eq!(d, "2022-01-04");
}

#[test]
fn a_date_after_a_semicolon_is_the_next_clauses() {
    let e = the_event(
        "semicolon-later",
        "On 3 June 2016, militants attacked army positions in Bosso and overran the town. The government reported 26 soldiers killed; the militants held the town until the army returned two days later.\n",
        "2016-06-03",
    );
    assert_eq!(e["fatalities"], 26, "{e:#}");
    // A date opening the sentence dates all of it.
    let e = the_event(
        "semicolon-opening-date",
        "On 8 September 2022, Ukrainian troops entered Balakliia and raised the flag over the town administration; the recapture was confirmed two days later.\n",
        "2022-09-10",
    );
    assert_eq!(e["event_date"], "2022-09-08", "{e:#}");
}

#[test]
fn a_date_in_brackets_glosses_the_one_before_it() {
    let e = the_event(
        "bracketed-night",
        "On 2 August 2020 (night of 1-2 August), fighters attacked a camp for displaced people in Nguetechewe; a suicide bomber killed 17 civilians.\n",
        "2020-08-03",
    );
    assert_eq!(e["event_date"], "2020-08-02", "{e:#}");
}

#[test]
fn the_side_of_a_country_picks_the_reading_and_a_destination_is_none() {
    let place = |name: &str, text: &str, date: &str| {
        the_event(name, &format!("{text}\n"), date)["location"].clone()
    };
    // (GeoNames has a Jolo in Sulu and one in Central Luzon)
    let l = place(
        "jolo-south",
        "A suicide bomber killed at least 14 people in the town of Jolo in the southern Philippines on Monday, the army said.",
        "2020-08-24",
    );
    assert_eq!(
        l["admin1"], "Bangsamoro Autonomous Region in Muslim Mindanao",
        "{l:#}"
    );
    let l = place(
        "flew-him-to",
        "Police arrested Santa Cruz Governor Luis Fernando Camacho in Santa Cruz on Wednesday and flew him to La Paz, the government said.",
        "2022-12-28",
    );
    assert_eq!(l["admin1"], "Santa Cruz", "{l:#}");
}

#[test]
fn a_descent_is_no_place_and_a_french_units_adjective_is_its_name() {
    let place = |name: &str, text: &str, date: &str| {
        the_event(name, &format!("{text}\n"), date)["location"].clone()
    };
    let l = place(
        "of-igbo-origin",
        "On 2 June 2016, a mob attacked and killed a trader of Igbo origin at a market in Kano, police said.",
        "2016-06-02",
    );
    assert_eq!(l["admin1"], "Kano", "{l:#}");
    let l = place(
        "logone-occidental",
        "Au moins 42 personnes ont été tuées mercredi dans des violences entre éleveurs et agriculteurs dans la province du Logone occidental, selon le gouvernement tchadien.",
        "2024-05-15",
    );
    assert_eq!(l["admin1"], "Logone Occidental", "{l:#}");
}

#[test]
fn a_fatal_wound_is_a_death_and_an_attackers_arrest_no_raid() {
    let e = the_event(
        "mortellement-blesse",
        "Un manifestant a été mortellement blessé par balles mercredi soir à Tripoli, dans le nord du Liban, selon une source médicale.\n",
        "2021-01-28",
    );
    assert_eq!(e["fatalities"], 1, "{e:#}");
    let e = the_event(
        "before-being-arrested",
        "A man opened fire from his car on migrants in the town of Macerata on Saturday, wounding six people before being arrested, police said.\n",
        "2018-02-03",
    );
    assert_eq!(e["sub_event_type"], "Attack", "{e:#}");
    // A raid that ends in arrests stays an arrest.
    let e = the_event(
        "raid-arrests",
        "Police raided a house in Lagos on Monday and arrested 12 suspects.\n",
        "2018-02-03",
    );
    assert_eq!(e["sub_event_type"], "Arrests", "{e:#}");
}

#[test]
fn the_attacker_shot_dead_is_added_to_the_victims() {
    let e = the_event(
        "attacker-shot-dead",
        "A gunman killed three people at a school in Uvalde on Tuesday. The attacker was shot dead by police.\n",
        "2022-05-24",
    );
    assert_eq!(e["fatalities"], 4, "{e:#}");
}

#[test]
fn a_revised_or_later_toll_replaces_the_first_and_speakers_are_no_dead() {
    let toll =
        |name: &str, text: &str, date: &str| the_event(name, text, date)["fatalities"].clone();
    // The figure a toll was revised to, in the same sentence.
    assert_eq!(
        toll(
            "revising-the-toll",
            "Gunmen raided the village of Koro on Monday, killing at least 30 people, the governor said, before revising the toll to 37.\n",
            "2022-06-14",
        ),
        37
    );
    // A toll told as the first one, after the one that superseded it.
    assert_eq!(
        toll(
            "d-abord",
            "Le bilan de l'attaque jihadiste contre le camp militaire de Tillia s'est alourdi à 40 soldats tués mardi, selon des sources sécuritaires. L'armée avait d'abord fait état de 12 militaires tués.\n",
            "2021-03-23",
        ),
        40
    );
    // Who told it is not among the dead.
    assert_eq!(
        toll(
            "aid-workers-told",
            "An air strike on a market in Idlib killed 18 people on Friday, two aid workers told AFP.\n",
            "2021-03-19",
        ),
        18
    );
    // Prisoners are counted apart from the dead.
    assert_eq!(
        toll(
            "faits-prisonniers",
            "Selon l'armée, plus de 50 rebelles ont été tués samedi et 20 faits prisonniers, contre trois morts dans ses rangs.\n",
            "2021-04-17",
        ),
        53
    );
}

#[test]
fn a_region_abroad_named_as_a_place_is_where_even_with_other_countries_named() {
    let e = the_event(
        "tibesti",
        "Rival groups of gold miners clashed on Sunday near the Libyan border in Tibesti, killing 12 people. Many of the miners came from Sudan.\n",
        "2022-05-23",
    );
    assert_eq!(e["location"]["admin1"], "Tibesti", "{e:#}");
}

#[test]
fn a_long_unit_name_after_a_takeover_verb_and_a_marche_blanche() {
    let e = the_event(
        "regional-command",
        "The Arakan Army said on Sunday it had seized the junta's Western Regional Military Command headquarters near Sittwe.\n",
        "2024-08-04",
    );
    assert_eq!(
        e["sub_event_type"], "Non-state actor overtakes territory",
        "{e:#}"
    );
    let e = the_event(
        "marche-blanche",
        "Plusieurs milliers de personnes ont participé samedi à une marche blanche à Nantes en hommage aux victimes de l'incendie d'un immeuble.\n",
        "2023-04-15",
    );
    assert_eq!(e["sub_event_type"], "Peaceful protest", "{e:#}");
}

#[test]
fn a_crowds_clashes_a_person_killed_and_deaths_of_an_earlier_incident() {
    // Clashes with the police told right after a protest are the crowd's.
    let e = the_event(
        "heurts-after-a-protest",
        "Des jeunes ont manifesté samedi à Kiffa pour dénoncer la mort d'un détenu. Des heurts ont éclaté avec les forces de l'ordre; un manifestant a été tué par balle.\n",
        "2023-05-31",
    );
    assert_eq!(e["sub_event_type"], "Violent demonstration", "{e:#}");
    assert_eq!(e["fatalities"], 1, "{e:#}");
    // "Une personne" is somebody ("personne" alone is nobody).
    let e = the_event(
        "une-personne",
        "Une personne a été tuée mardi à Moundou lorsque les forces de l'ordre ont tiré pour disperser des manifestants.\n",
        "2021-04-28",
    );
    assert_eq!(e["fatalities"], 1, "{e:#}");
    // Deaths of an incident some hours or months before are not the crowd's.
    let e = the_event(
        "hours-after",
        "Police fired tear gas at hundreds of protesters in Kenema on Monday, hours after soldiers killed two people at a checkpoint.\n",
        "2023-05-31",
    );
    assert_eq!(e["sub_event_type"], "Protest with intervention", "{e:#}");
    assert_eq!(e["fatalities"], 0, "{e:#}");
    let e = the_event(
        "canopy-collapse",
        "Thousands of students protested in Novi Sad on Saturday, three months after the collapse of a railway station canopy killed 15 people.\n",
        "2025-02-01",
    );
    assert_eq!(e["sub_event_type"], "Peaceful protest", "{e:#}");
}

#[test]
fn a_claimed_higher_toll_an_asides_end_and_the_people_fired_on() {
    let toll = |name: &str, text: &str| the_event(name, text, "2023-05-31")["fatalities"].clone();
    // Another source's higher claim is left out (ACLED codes the lowest).
    assert_eq!(
        toll(
            "later-claimed-that",
            "Gunmen attacked the village of Gao-Gao on Monday. Officials put the toll at 20 dead; a local association later claimed that 75 people had been killed.\n",
        ),
        20
    );
    // The comma that ends an aside ends its parts: "et trois gendarmes" is
    // more dead, not part of the twelve.
    assert_eq!(
        toll(
            "aside-then-et",
            "Douze civils, dont dix enfants, et trois gendarmes ont été tués lundi lors d'une attaque contre le village de Kpendjal.\n",
        ),
        15
    );
    // Who was fired on is not who died.
    assert_eq!(
        toll(
            "fired-on-dozens",
            "Gunmen burst into a wedding party in Celaya on Saturday and opened fire on dozens of young guests, killing nine at the scene.\n",
        ),
        9
    );
}

#[test]
fn a_clubs_player_is_no_place() {
    let e = the_event(
        "liverpool-forward",
        "The mother of Leeds forward Carlos Mena was kidnapped by gunmen at her home in Maicao, in northern Colombia, on Sunday, police said.\n",
        "2024-03-11",
    );
    assert_eq!(e["location"]["country_code"], "CO", "{e:#}");
}

#[test]
fn a_bomb_ripping_through_a_quoted_reprise_and_hostages_taken() {
    let e = the_event(
        "ripped-through",
        "A bomb ripped through a crowded bus station in Gombe on Tuesday evening, killing 14 people, police said.\n",
        "2015-11-18",
    );
    assert_eq!(
        e["sub_event_type"], "Remote explosive/landmine/IED",
        "{e:#}"
    );
    let e = the_event(
        "quoted-reprise",
        "L'état-major a annoncé samedi la « reprise » de la ville de Ber par l'armée malienne, après le départ des rebelles.\n",
        "2023-08-19",
    );
    assert_eq!(e["sub_event_type"], "Government regains territory", "{e:#}");
    // Hostages taken are no territory taken.
    let e = the_event(
        "pris-en-otage",
        "Deux hommes armés ont pris des fidèles en otage dans une église de Rouen mardi et ont égorgé le prêtre.\n",
        "2016-07-26",
    );
    assert_eq!(e["event_type"], "Violence against civilians", "{e:#}");
}

/// Attackers counted before a long description of them and the death
/// verb are who killed, not who died, however far the verb: the toll is
/// the one victim.
#[test]
fn attackers_counted_far_before_the_killing_are_no_toll() {
    let e = the_event(
        "gunmen-in-tandem",
        "Caloocan\n\nOn 12 November 2017, two unidentified gunmen riding in tandem on a motorcycle shot dead a barangay kagawad outside his house in Caloocan City.\n",
        "2017-11-12",
    );
    assert_eq!(e["fatalities"], 1, "{e:#}");
}

/// Who speaks of the toll is no victim, however the speaker is described:
/// "A local elected official said he believed the toll was higher" gives
/// no toll of one.
#[test]
fn a_speaker_described_in_four_words_is_no_victim() {
    let e = the_event(
        "elected-official-said",
        "Bourem\n\nGunmen attacked Bourem on Tuesday. A local elected official said he believed the toll was higher.\n",
        "2023-09-12",
    );
    assert!(e["fatalities"].is_null(), "{e:#}");
    // (nor with a participle and its agent before the verb)
    let e = the_event(
        "official-reached-by-telephone",
        "Bourem\n\nGunmen attacked Bourem on Tuesday. A local elected official reached by telephone said he believed the toll was higher.\n",
        "2023-09-12",
    );
    assert!(e["fatalities"].is_null(), "{e:#}");
}

/// A single victim named by a compound trade ("photojournalist") is a toll
/// of one, in English and French.
#[test]
fn a_photojournalist_shot_dead_is_a_toll_of_one() {
    let e = the_event(
        "photojournalist",
        "Tijuana\n\nA photojournalist who covered crime in Tijuana, Mexico, was shot dead outside his home on Monday, prosecutors said.\n",
        "2022-01-18",
    );
    assert_eq!(e["fatalities"], 1, "{e:#}");
    let e = the_event(
        "photojournaliste",
        "Goma\n\nUn photojournaliste a été abattu lundi à Goma, dans l'est de la République démocratique du Congo, selon la police.\n",
        "2022-01-18",
    );
    assert_eq!(e["fatalities"], 1, "{e:#}");
}

/// People a count names by what befell them before are a toll when they
/// are said to die right after: "soixante déplacés ont été tués" (but the
/// missing are not: "18 missing feared dead").
#[test]
fn displaced_people_killed_are_a_toll() {
    let e = the_event(
        "deplaces-tues",
        "Ituri\n\nAu moins soixante déplacés ont été tués mardi soir lors d'une attaque de miliciens contre le site de Plaine Savo, dans le territoire de Djugu, en Ituri.\n",
        "2022-02-02",
    );
    assert_eq!(e["fatalities"], 60, "{e:#}");
    let e = the_event(
        "displaced-killed",
        "Ituri\n\nGunmen attacked a camp near Bunia, in Ituri, on Tuesday; 60 displaced people were killed, officials said.\n",
        "2022-02-02",
    );
    assert_eq!(e["fatalities"], 60, "{e:#}");
}

/// A truck bombing is an explosion, and its toll told first is the toll of
/// the suicide bombing the next sentence tells in a district of the same
/// city (a district the gazetteer has no point for).
#[test]
fn a_truck_bombing_and_its_bomber_in_a_district_are_one_event() {
    let e = the_event(
        "truck-bombing",
        "Mogadishu\n\nThe death toll from Saturday's truck bombing at a busy junction in Mogadishu has risen to 358, Somalia's information minister said on Friday. The suicide bomber detonated a truck packed with explosives near the Safari Hotel in Hodan district, officials said.\n",
        "2017-10-20",
    );
    assert_eq!(e["sub_event_type"], "Suicide bomb", "{e:#}");
    assert_eq!(e["fatalities"], 358, "{e:#}");
    assert_eq!(e["event_date"], "2017-10-14", "{e:#}");
}

/// An agreement kills nobody: the toll of the unrest it ends, told with
/// it, is not its toll (codebook: strategic developments and peaceful
/// protests have no fatalities).
#[test]
fn an_agreement_has_no_toll() {
    let e = &events(
        "agreement-toll",
        "Quito\n\nEcuador's President Lenin Moreno and indigenous leaders reached an agreement in Quito late on Sunday to end nearly two weeks of violent protests, with the government agreeing to withdraw a decree. Seven people died during the unrest, according to the ombudsman's office.\n",
        "2019-10-13",
    )[0];
    assert_eq!(e["sub_event_type"], "Agreement", "{e:#}");
    assert_eq!(e["fatalities"], 0, "{e:#}");
}

/// One person named with a possessive and said to die is a toll of one:
/// "His bodyguard was killed", "Son chauffeur a été tué".
#[test]
fn his_bodyguard_killed_is_a_toll_of_one() {
    let e = the_event(
        "his-bodyguard",
        "Niafunke\n\nGunmen abducted opposition leader Soumaila Cisse near Niafunke, Mali, on Wednesday. His bodyguard was killed and two other members of his team were wounded, his party said.\n",
        "2020-03-26",
    );
    assert_eq!(e["fatalities"], 1, "{e:#}");
    let e = the_event(
        "son-chauffeur",
        "Niafunké\n\nDes hommes armés ont attaqué mercredi un convoi près de Niafunké, au Mali. Son chauffeur a été tué, selon son parti.\n",
        "2020-03-26",
    );
    assert_eq!(e["fatalities"], 1, "{e:#}");
}

/// Bombers who "detonated explosive belts" are suicide bombers; explosive
/// belts seized in a cache are no bombing (the plural alone is no trigger).
#[test]
fn explosive_belts_detonated_are_a_suicide_bombing() {
    let text = "Kerman\n\nTwo attackers detonated explosive belts among the crowd near the tomb in Kerman, Iran, on Wednesday, killing 84 people, officials said.\n";
    assert_eq!(
        first_sub_type("explosive-belts", text, "2024-01-03"),
        "Suicide bomb"
    );
    let text = "Hawija\n\nIraqi army units seized a weapons cache containing rockets and explosive belts near Hawija, Kirkuk, on Thursday.\n";
    assert_eq!(
        first_sub_type("belts-seized", text, "2023-11-09"),
        "Disrupted weapons use"
    );
}

/// Security forces who clash with a candidate's supporters, told before
/// the crowd's own report, met a violent demonstration (codebook); clashes
/// with royal guards stay a battle.
#[test]
fn a_clash_with_supporters_before_their_riot_is_the_riot() {
    let text = "Kampala\n\nAt least seven people were killed in Kampala on Wednesday as security forces clashed with supporters of opposition presidential candidate Bobi Wine, who had been arrested earlier in the day. Protesters burned tyres and threw stones at police, who responded with tear gas, witnesses said.\n";
    let e = &events("supporters-clash", text, "2020-11-18")[0];
    assert_eq!(e["sub_event_type"], "Violent demonstration", "{e:#}");
    assert_eq!(e["fatalities"], 7, "{e:#}");
    let text = "Kasese\n\nAt least 55 people, including fourteen police officers, were killed in clashes between Ugandan security forces and royal guards of the Rwenzururu kingdom in the western town of Kasese, police said. Troops stormed the palace of King Charles Wesley Mumbere on Sunday and arrested him.\n";
    assert_eq!(
        first_sub_type("royal-guards", text, "2016-11-27"),
        "Armed clash"
    );
}

/// Soldiers among the dead of an attack make it a battle, however long the
/// count's words before its death verb: "Vingt soldats nigériens et un
/// civil ont été tués".
#[test]
fn soldiers_and_a_civilian_killed_in_an_attack_are_a_battle() {
    let text = "Tassia\n\nVingt soldats nigériens et un civil ont été tués mardi lors d'une attaque de terroristes près de Tassia, dans la région de Tillabéri.\n";
    let e = the_event("soldats-et-un-civil", text, "2024-06-25");
    assert_eq!(e["sub_event_type"], "Armed clash", "{e:#}");
    assert_eq!(e["fatalities"], 21, "{e:#}");
}

/// A participle of taking used as an adjective before a place takes
/// nothing: settlers who attacked a village "in the occupied West Bank"
/// attacked it.
#[test]
fn the_occupied_west_bank_is_no_takeover() {
    let text = "Jit\n\nDozens of Israeli settlers attacked the Palestinian village of Jit in the occupied West Bank on Thursday evening, setting fire to homes and cars and killing a 23-year-old man, the Palestinian health ministry said.\n";
    let e = &events("occupied-west-bank", text, "2024-08-15")[0];
    assert_eq!(e["sub_event_type"], "Attack", "{e:#}");
    assert_eq!(e["fatalities"], 1, "{e:#}");
}

/// Explosions that target someone are bombings, not accidents; so are
/// bombs placed (plural too).
#[test]
fn explosions_targeting_vehicles_are_remote_explosives() {
    let text = "Jalalabad\n\nThree explosions targeting Taliban vehicles in the eastern Afghan city of Jalalabad on Saturday killed at least two people, witnesses said.\n";
    assert_eq!(
        first_sub_type("explosions-targeting", text, "2021-09-18"),
        "Remote explosive/landmine/IED"
    );
    let text = "Jalalabad\n\nTwo people were killed in Jalalabad on Saturday by bombs placed on the roadside, witnesses said.\n";
    assert_eq!(
        first_sub_type("bombs-placed", text, "2021-09-18"),
        "Remote explosive/landmine/IED"
    );
}

/// A date opening the sentence ("On 10 May 2023, ...") dates all of it,
/// over a date of something its object names ("the attack ... on 9 May").
#[test]
fn a_date_opening_the_sentence_dates_it() {
    let text = "Rawalpindi\n\nOn 10 May 2023, police arrested dozens of PTI supporters in Rawalpindi, Pakistan, for their alleged involvement in the attack on the gate of the army headquarters on 9 May.\n";
    let e = &events("opening-date", text, "2023-05-11")[0];
    assert_eq!(e["sub_event_type"], "Arrests", "{e:#}");
    assert_eq!(e["event_date"], "2023-05-10", "{e:#}");
}

/// A night that began on the day of publication is dated to that day, not
/// to the same night a week before ("dans la nuit de jeudi à vendredi" in a
/// report published on the Thursday).
#[test]
fn a_night_begun_on_the_day_of_publication_is_that_day() {
    let text = "Roubaix\n\nDes bâtiments publics ont été incendiés et plusieurs commerces pillés dans la nuit de jeudi à vendredi à Roubaix (Nord), selon la préfecture.\n";
    let e = &events("nuit-de-jeudi", text, "2023-06-29")[0];
    assert_eq!(e["event_date"], "2023-06-29", "{e:#}");
}

/// Prosecutors who "took over the investigation" took no territory.
#[test]
fn taking_over_an_investigation_is_no_takeover() {
    let text = "Hanau\n\nA gunman shot dead nine people at two shisha bars in the German city of Hanau late on Wednesday, police said. Federal prosecutors took over the investigation, citing indications of a xenophobic motive.\n";
    let e = the_event("took-over-investigation", text, "2020-02-20");
    assert_eq!(e["sub_event_type"], "Attack", "{e:#}");
}

/// Armed men among the dead named in an aside before the death verb make
/// the fight a battle: "Twenty-five people, including a police officer,
/// were killed ... in a police raid against drug traffickers".
#[test]
fn a_police_officer_among_the_dead_makes_a_battle() {
    let text = "Rio de Janeiro\n\nTwenty-five people, including a police officer, were killed on Thursday in a police raid against drug traffickers in the Jacarezinho favela in Rio de Janeiro, police said.\n";
    let e = &events("police-officer-among-dead", text, "2021-05-06")[0];
    assert_eq!(e["sub_event_type"], "Armed clash", "{e:#}");
    assert_eq!(e["fatalities"], 25, "{e:#}");
}

/// A participle after "of" before a noun describes someone, it tells no
/// arrest: "rallied in support of jailed opposition leader Alexei Navalny"
/// (the arrests at the rally make it a protest with intervention).
#[test]
fn a_jailed_leader_supported_is_no_arrest() {
    let text = "St Petersburg\n\nPolice detained hundreds of people in St Petersburg, Russia, on Saturday as thousands rallied in support of jailed opposition leader Alexei Navalny.\n";
    assert_eq!(
        first_sub_type("jailed-leader", text, "2021-01-23"),
        "Protest with intervention"
    );
}

/// A protest that "degenerated" ("une manifestation qui a dégénéré") turned
/// into a riot.
#[test]
fn a_protest_that_degenerated_is_a_riot() {
    let text = "Kidal\n\nDeux manifestants ont été tués et plusieurs autres blessés lundi à Kidal, dans le nord-est du Mali, lors d'une manifestation qui a dégénéré à l'aéroport de la ville, selon des sources locales.\n";
    let e = the_event("manifestation-degeneree", text, "2016-04-18");
    assert_eq!(e["sub_event_type"], "Violent demonstration", "{e:#}");
    assert_eq!(e["fatalities"], 2, "{e:#}");
}

/// Words of violence in a quoted slogan are no violence: "placards reading
/// 'End SARS now' and 'Stop killing us'" on a peaceful march.
#[test]
fn a_slogan_against_killing_is_no_force() {
    let text = "Enugu\n\nHundreds of young people marched through Enugu, Nigeria, on Monday to demand the scrapping of the police's Special Anti-Robbery Squad. Carrying placards reading 'End SARS now' and 'Stop killing us', the protesters walked to the Government House, where an official received their petition.\n";
    let e = the_event("slogan", text, "2020-10-12");
    assert_eq!(e["sub_event_type"], "Peaceful protest", "{e:#}");
}

/// Crowds clashing with one another, no police, soldiers nor armed group,
/// and no protest, are a mob.
#[test]
fn youths_clashing_with_one_another_are_a_mob() {
    let text = "Kajuru\n\nA quarrel between porters at a market in Kajuru, Kaduna State, escalated on Thursday into clashes between Hausa and Adara youths, police said.\n";
    assert_eq!(
        first_sub_type("youths-clash", text, "2018-10-18"),
        "Mob violence"
    );
}

/// "Earlier this week" in the lead's next sentence dates another, earlier
/// incident, not the lead's: the raid told with only a reporting day is
/// dated by it.
#[test]
fn earlier_this_week_is_not_the_leads_day() {
    let text = "Lamu\n\nSuspected Al Shabaab militants killed nine men in a night raid on Jima village, near Witu in Kenya's coastal Lamu County, police said on Saturday. Earlier this week, militants attacked a police post in nearby Pandanguo.\n";
    let found = events("earlier-this-week", text, "2017-07-08");
    let raid = found
        .iter()
        .find(|e| e["fatalities"] == 9)
        .expect("the raid");
    assert_eq!(raid["event_date"], "2017-07-08", "{raid:#}");
    assert_eq!(raid["sub_event_type"], "Attack", "{raid:#}");
}

/// Clashes at a protest, naming no side, dated by their own clause's day
/// (not by a date after a comma, "grièvement blessé le 2 mars"), are the
/// riot the next sentence tells.
#[test]
fn clashes_at_a_protest_are_its_riot_on_their_own_day() {
    let text = "Ajaccio\n\nDe violents heurts ont éclaté dimanche à Ajaccio en marge d'une manifestation de soutien à Yvan Colonna, grièvement blessé le 2 mars lors d'une agression à la prison d'Arles. Des centaines de jeunes ont lancé des cocktails Molotov et des pierres contre les forces de l'ordre devant la préfecture, qui ont riposté à coups de gaz lacrymogènes.\n";
    let e = the_event("heurts-en-marge", text, "2022-03-13");
    assert_eq!(e["sub_event_type"], "Violent demonstration", "{e:#}");
    assert_eq!(e["event_date"], "2022-03-13", "{e:#}");
}

/// A dateless lead sentence takes a day of the week before publication,
/// even a reporting one, over an older date of something else the lead
/// names ("a annoncé lundi ... des élections d'octobre 2021").
#[test]
fn a_lead_borrows_a_recent_day_over_an_old_date() {
    let text = "Bagdad\n\nLe dirigeant chiite Moqtada Sadr a annoncé lundi son retrait de la vie politique, dans un message publié depuis Najaf. Cette annonce intervient après des mois de blocage politique, le Parlement issu des élections d'octobre 2021 n'ayant réussi à désigner ni président ni Premier ministre. Peu après, l'armée a décrété un couvre-feu dans la capitale, Bagdad.\n";
    let found = events("sadr", text, "2022-08-29");
    assert!(!found.is_empty());
    for e in &found {
        assert_eq!(e["event_date"], "2022-08-29", "{e:#}");
    }
}

/// Policemen counted before an aside and their death verb are the dead, so
/// protesters who attacked them rioted: "Seven policemen, including a
/// senior superintendent, and a child were killed when protesters ...
/// attacked security forces".
#[test]
fn policemen_killed_by_protesters_past_an_aside_are_a_riot() {
    let text = "Tikapur\n\nSeven policemen, including a senior superintendent, and an 18-month-old child were killed on Monday when protesters demanding a separate province attacked security forces in Tikapur, in western Nepal, officials said.\n";
    let e = &events("policemen-aside", text, "2015-08-24")[0];
    assert_eq!(e["sub_event_type"], "Violent demonstration", "{e:#}");
}

/// Shells "containing chemical substances" are a chemical weapon.
#[test]
fn shells_of_chemical_substances_are_a_chemical_weapon() {
    let text = "Marea\n\nDes dizaines de civils ont souffert de problèmes respiratoires vendredi après le tir d'une cinquantaine d'obus contenant des « substances chimiques » sur la ville de Marea, dans le nord de la province d'Alep, en Syrie.\n";
    assert_eq!(
        first_sub_type("substances-chimiques", text, "2015-08-21"),
        "Chemical weapon"
    );
}

/// A count in an aside of parts ("Trois kamikazes, dont deux femmes, se
/// sont fait exploser") is never a toll of its own: the toll stays the
/// report's 27, not two.
#[test]
fn a_count_of_parts_is_no_toll() {
    let text = "Koulfoua\n\nAu moins vingt-sept personnes ont été tuées samedi dans un triple attentat-suicide sur le marché de l'île de Koulfoua, au Tchad. Trois kamikazes, dont deux femmes, se sont fait exploser en pleine affluence; ils ne sont pas inclus dans ce bilan provisoire, a précisé cette source.\n";
    let e = the_event("dont-deux-femmes", text, "2015-12-05");
    assert_eq!(e["fatalities"], 27, "{e:#}");
}

/// Students left "unaccounted for" or "missing" after gunmen attacked their
/// school were abducted.
#[test]
fn students_missing_after_a_school_attack_were_abducted() {
    let text = "Kankara\n\nGunmen on motorcycles attacked a secondary school in Kankara in northwestern Katsina state late on Friday, and hundreds of students remained unaccounted for, police said on Saturday.\n";
    assert_eq!(
        first_sub_type("students-unaccounted", text, "2020-12-12"),
        "Abduction/forced disappearance"
    );
}
