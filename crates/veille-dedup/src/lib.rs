//! Cross-article de-duplication: do two coded events describe one incident?
//!
//! Pure functions; the store asks them about candidate pairs it loads.

use chrono::{Duration, NaiveDate};
use veille_core::{Event, EventType, SubEventType};

/// Days of slack around an event date for its ACLED time precision.
pub fn date_slack(precision: u8) -> i64 {
    match precision {
        1 => 2,
        2 => 7,
        _ => 31,
    }
}

/// The period an event may have happened in, given its precision.
pub fn date_window(e: &Event) -> (NaiveDate, NaiveDate) {
    let slack = Duration::days(date_slack(e.time_precision));
    let end = match e.time_precision {
        1 => e.event_date,
        2 => e.event_date + Duration::days(6),
        _ => e.event_date + Duration::days(30),
    };
    (e.event_date - slack, end + slack)
}

/// Why `a` and `b` are one incident, or `None` when they are not.
///
/// Rules: compatible types (equal, or two kinds of political violence:
/// outlets call one ambush a clash or an attack; but an abduction or sexual
/// violence is only ever that, and strategic developments must agree on
/// their sub-type: a looting is not an arrest); dates within the
/// precision's slack (2 days for day precision); the same place (same
/// location name in the same admin1), within 30 km, or one report placing
/// it only at a region (admin1) or district (admin2) that contains the
/// other's place; actors not contradicting (when both name a first actor,
/// the names match, or two battles share a named side in either order; a
/// battle against named forces and an attack on civilians never match);
/// and fatalities of the same order (the larger at most five times the
/// smaller plus ten).
pub fn same_incident(a: &Event, b: &Event) -> Option<String> {
    use EventType::*;
    let violent = |t| {
        matches!(
            t,
            Battles | ViolenceAgainstCivilians | ExplosionsRemoteViolence
        )
    };
    // One demonstration is peaceful to one outlet and a riot to another
    // ("marched ... burned tyres"): ACLED's demonstrations, mob violence
    // apart.
    let demonstration = |e: &Event| {
        e.event_type == Protests || e.sub_event_type == SubEventType::ViolentDemonstration
    };
    if a.event_type != b.event_type
        && !(violent(a.event_type) && violent(b.event_type))
        && !(demonstration(a) && demonstration(b))
    {
        return None;
    }
    let strict = |e: &Event| {
        matches!(
            e.sub_event_type,
            SubEventType::AbductionForcedDisappearance
                | SubEventType::SexualViolence
                | SubEventType::AirDroneStrike
        ) || e.event_type == StrategicDevelopments
    };
    // (An air strike is told as one by every outlet. An abduction with
    // killings is an attack: one outlet tells the killings, another only
    // the abduction.)
    let abduction_or_attack = |e: &Event| {
        matches!(
            e.sub_event_type,
            SubEventType::AbductionForcedDisappearance | SubEventType::Attack
        )
    };
    if (strict(a) || strict(b))
        && a.sub_event_type != b.sub_event_type
        && !(abduction_or_attack(a) && abduction_or_attack(b))
    {
        return None;
    }
    let (a0, a1) = date_window(a);
    let (b0, b1) = date_window(b);
    let days_apart = (a.event_date - b.event_date).num_days().abs();
    if a1 < b.event_date || b1 < a.event_date || a0 > b1 || b0 > a1 {
        return None;
    }
    let (la, lb) = (a.location.as_ref()?, b.location.as_ref()?);
    if la.country_code != lb.country_code {
        return None;
    }
    let same_place = la.name == lb.name && la.admin1 == lb.admin1;
    let km = match (la.latitude, la.longitude, lb.latitude, lb.longitude) {
        (Some(x1), Some(y1), Some(x2), Some(y2)) => {
            Some(veille_geo::distance_km((x1, y1), (x2, y2)))
        }
        _ => None,
    };
    let near = km.is_some_and(|d| d <= 30.0);
    // A report that only names the region or district of the other's place.
    let contains = |x: &veille_core::Location, y: &veille_core::Location| match x.feature.as_str() {
        "admin1" => x.admin1.is_some() && x.admin1 == y.admin1,
        "admin2" => {
            x.admin2.is_some() && (x.admin2 == y.admin2 || Some(&x.name) == y.admin2.as_ref())
        }
        _ => false,
    };
    let within = contains(la, lb) || contains(lb, la);
    if !same_place && !near && !within {
        return None;
    }
    // Outlets name the sides of a fight in either order: actors contradict
    // only when both reports name a first actor and the named (not
    // generic) actors of the two share none.
    let generic = |n: &str| {
        ["Unidentified", "Civilians", "Protesters", "Rioters"]
            .iter()
            .any(|g| n.starts_with(g))
    };
    let named = |e: &Event| -> Vec<String> {
        e.actors
            .iter()
            .filter(|x| !generic(&x.name))
            .map(|x| x.name.clone())
            .collect()
    };
    let in_role = |e: &Event, role: &str| {
        e.actors
            .iter()
            .find(|x| x.role == role)
            .map(|x| x.name.clone())
    };
    if let (Some(x), Some(y)) = (in_role(a, "actor1"), in_role(b, "actor1")) {
        let (na, nb) = (named(a), named(b));
        // (Only between two reports of one kind of event: a battle and an
        // attack on civilians that share a militia are two incidents.)
        let shared = a.event_type == b.event_type && na.iter().any(|n| nb.contains(n));
        if x != y && !generic(&x) && !generic(&y) && !shared {
            return None;
        }
    }
    // A battle against named forces and an attack on civilians are two
    // incidents, whatever their places and days.
    if a.event_type != b.event_type {
        if let (Some(x), Some(y)) = (in_role(a, "actor2"), in_role(b, "actor2")) {
            let civilians = |n: &str| n.starts_with("Civilians");
            let other_side = if civilians(&x) { &y } else { &x };
            if civilians(&x) != civilians(&y) && !generic(other_side) {
                return None;
            }
        }
    }
    if let (Some(x), Some(y)) = (a.fatalities, b.fatalities) {
        // Early and later tolls differ (12, then 40); a ten-fold gap is
        // another incident.
        if x.max(y) > 5 * x.min(y) + 10 {
            return None;
        }
    }
    let place = if same_place {
        format!("same place ({})", la.name)
    } else if within && !near {
        format!(
            "one place within the other's area ({} / {})",
            la.name, lb.name
        )
    } else {
        format!(
            "{:.0} km apart ({} / {})",
            km.unwrap_or(0.0),
            la.name,
            lb.name
        )
    };
    Some(format!(
        "compatible types ({} / {}), dates {} day(s) apart, {}, compatible actors and fatalities",
        a.sub_event_type, b.sub_event_type, days_apart, place
    ))
}

/// Sorts events by date, then place, for stable output.
pub fn sort_events(events: &mut [Event]) {
    events.sort_by(|a, b| {
        a.event_date
            .cmp(&b.event_date)
            .then_with(|| {
                a.location
                    .as_ref()
                    .map(|l| &l.name)
                    .cmp(&b.location.as_ref().map(|l| &l.name))
            })
            .then_with(|| a.id.cmp(&b.id))
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use veille_core::{Actor, Location, SubEventType};

    fn event(
        date: &str,
        place: &str,
        lat: f64,
        fatalities: u64,
        actor: &str,
        sub: SubEventType,
    ) -> Event {
        Event {
            id: format!("{date}{place}"),
            event_type: sub.event_type(),
            sub_event_type: sub,
            event_date: date.parse().unwrap(),
            time_precision: 1,
            date_text: String::new(),
            location: Some(Location {
                name: place.into(),
                country: "Burkina Faso".into(),
                country_code: "BF".into(),
                admin1: Some("Sahel".into()),
                latitude: Some(lat),
                longitude: Some(-1.6),
                geo_precision: 1,
                ..Default::default()
            }),
            actors: vec![Actor {
                name: actor.into(),
                role: "actor1".into(),
                inter: 2,
            }],
            fatalities: Some(fatalities),
            fatalities_text: None,
            fatalities_low: None,
            fatalities_high: None,
            injured: None,
            abducted: None,
            aggregate: false,
            source_attribution: None,
            notes: String::new(),
            evidence: vec![],
        }
    }

    #[test]
    fn one_demonstration_peaceful_to_one_outlet_and_violent_to_another() {
        let march = |actor: &str, sub| event("2025-03-10", "Gao", 16.27, 0, actor, sub);
        let peaceful = march("Protesters (Mali)", SubEventType::PeacefulProtest);
        let riot = march("Rioters (Mali)", SubEventType::ViolentDemonstration);
        assert!(same_incident(&peaceful, &riot).is_some());
        // A lynching is no demonstration, and an arrest no protest.
        let mob = march("Rioters (Mali)", SubEventType::MobViolence);
        assert!(same_incident(&peaceful, &mob).is_none());
        let arrests = march("Police Forces of Mali", SubEventType::Arrests);
        assert!(same_incident(&peaceful, &arrests).is_none());
    }

    #[test]
    fn an_abduction_with_killings_told_as_an_attack_is_one_incident() {
        let raid = |sub| {
            event(
                "2025-07-24",
                "Tsafe",
                12.17,
                0,
                "Unidentified Armed Group",
                sub,
            )
        };
        let abduction = raid(SubEventType::AbductionForcedDisappearance);
        let attack = raid(SubEventType::Attack);
        assert!(same_incident(&abduction, &attack).is_some());
        // An air strike the same day nearby is another incident.
        let strike = raid(SubEventType::AirDroneStrike);
        assert!(same_incident(&strike, &attack).is_none());
        assert!(same_incident(&strike, &abduction).is_none());
    }

    #[test]
    fn same_ambush_from_two_outlets() {
        let a = event(
            "2025-04-14",
            "Djibo",
            14.10,
            12,
            "JNIM: Group for Support of Islam and Muslims",
            SubEventType::ArmedClash,
        );
        let b = event(
            "2025-04-15",
            "Djibo",
            14.10,
            14,
            "Unidentified Armed Group (Burkina Faso)",
            SubEventType::Attack,
        );
        assert!(same_incident(&a, &b).is_some());
    }

    #[test]
    fn distinct_incidents_stay_distinct() {
        let a = event(
            "2025-04-14",
            "Djibo",
            14.10,
            12,
            "JNIM: Group for Support of Islam and Muslims",
            SubEventType::ArmedClash,
        );
        let far = event(
            "2025-04-14",
            "Arbinda",
            13.0,
            12,
            "JNIM: Group for Support of Islam and Muslims",
            SubEventType::ArmedClash,
        );
        let later = event(
            "2025-04-20",
            "Djibo",
            14.10,
            12,
            "JNIM: Group for Support of Islam and Muslims",
            SubEventType::ArmedClash,
        );
        let other_actor = event(
            "2025-04-14",
            "Djibo",
            14.10,
            12,
            "Islamic State (Sahel)",
            SubEventType::ArmedClash,
        );
        let protest = event(
            "2025-04-14",
            "Djibo",
            14.10,
            0,
            "Protesters (Burkina Faso)",
            SubEventType::PeacefulProtest,
        );
        let ten_fold = event(
            "2025-04-14",
            "Djibo",
            14.10,
            150,
            "JNIM: Group for Support of Islam and Muslims",
            SubEventType::ArmedClash,
        );
        let abduction = event(
            "2025-04-14",
            "Djibo",
            14.10,
            12,
            "Unidentified Armed Group (Burkina Faso)",
            SubEventType::AbductionForcedDisappearance,
        );
        for b in [far, later, other_actor, protest, ten_fold, abduction] {
            assert!(same_incident(&a, &b).is_none(), "{}", b.id);
        }
    }

    #[test]
    fn a_report_naming_only_the_region_or_district_matches_its_places() {
        let town = event(
            "2025-04-14",
            "Arbinda",
            13.0,
            12,
            "JNIM: Group for Support of Islam and Muslims",
            SubEventType::ArmedClash,
        );
        let mut region = event(
            "2025-04-14",
            "Sahel",
            14.1,
            40,
            "Unidentified Armed Group (Burkina Faso)",
            SubEventType::Attack,
        );
        region.location.as_mut().unwrap().feature = "admin1".into();
        let why = same_incident(&town, &region).expect("region contains the town");
        assert!(why.contains("within the other's area"), "{why}");
        // A town 111 km away is not contained in another town.
        let mut other_town = region.clone();
        other_town.location.as_mut().unwrap().feature = "place".into();
        assert!(same_incident(&town, &other_town).is_none());
        // Another region is not.
        region.location.as_mut().unwrap().admin1 = Some("Nord".into());
        assert!(same_incident(&town, &region).is_none());
    }
}
