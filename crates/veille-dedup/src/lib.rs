//! Cross-article de-duplication: do two coded events describe one incident?
//!
//! Pure functions; the store asks them about candidate pairs it loads.

use chrono::{Duration, NaiveDate};
use veille_core::{Event, EventType};

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
/// outlets call one ambush a clash or an attack); dates within the
/// precision's slack (2 days for day precision); the same place (same
/// location name in the same admin1 and admin2), or within 30 km; actors
/// not contradicting (when both name a first actor, the names match); and
/// fatalities of the same order (neither more than three times the other
/// plus two).
pub fn same_incident(a: &Event, b: &Event) -> Option<String> {
    use EventType::*;
    let violent = |t| {
        matches!(
            t,
            Battles | ViolenceAgainstCivilians | ExplosionsRemoteViolence
        )
    };
    if a.event_type != b.event_type && !(violent(a.event_type) && violent(b.event_type)) {
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
    if !same_place && !near {
        return None;
    }
    let first = |e: &Event| {
        e.actors
            .iter()
            .find(|x| x.role == "actor1")
            .map(|x| x.name.clone())
    };
    if let (Some(x), Some(y)) = (first(a), first(b)) {
        let generic = |n: &str| n.starts_with("Unidentified") || n.starts_with("Civilians");
        if x != y && !generic(&x) && !generic(&y) {
            return None;
        }
    }
    if let (Some(x), Some(y)) = (a.fatalities, b.fatalities) {
        if x > 3 * y + 2 || y > 3 * x + 2 {
            return None;
        }
    }
    let place = if same_place {
        format!("same place ({})", la.name)
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
            injured: None,
            abducted: None,
            aggregate: false,
            source_attribution: None,
            notes: String::new(),
            evidence: vec![],
        }
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
        for b in [far, later, other_actor, protest] {
            assert!(same_incident(&a, &b).is_none(), "{}", b.id);
        }
    }
}
