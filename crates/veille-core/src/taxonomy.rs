//! ACLED's event types and sub-event types, spelled exactly as ACLED does.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

macro_rules! named_enum {
    ($(#[$m:meta])* $name:ident { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum $name {
            $(#[serde(rename = $text)] $variant),+
        }

        impl $name {
            /// Every value, in ACLED's order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The name exactly as ACLED spells it.
            pub fn as_str(&self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, String> {
                $name::ALL
                    .iter()
                    .copied()
                    .find(|v| v.as_str().eq_ignore_ascii_case(s.trim()))
                    .ok_or_else(|| format!("unknown {}: {s:?}", stringify!($name)))
            }
        }
    };
}

named_enum!(
    /// ACLED's six event types.
    EventType {
        Battles => "Battles",
        ViolenceAgainstCivilians => "Violence against civilians",
        ExplosionsRemoteViolence => "Explosions/Remote violence",
        Riots => "Riots",
        Protests => "Protests",
        StrategicDevelopments => "Strategic developments",
    }
);

named_enum!(
    /// ACLED's 25 sub-event types.
    SubEventType {
        GovernmentRegainsTerritory => "Government regains territory",
        NonStateActorOvertakesTerritory => "Non-state actor overtakes territory",
        ArmedClash => "Armed clash",
        ExcessiveForceAgainstProtesters => "Excessive force against protesters",
        ProtestWithIntervention => "Protest with intervention",
        PeacefulProtest => "Peaceful protest",
        ViolentDemonstration => "Violent demonstration",
        MobViolence => "Mob violence",
        ChemicalWeapon => "Chemical weapon",
        AirDroneStrike => "Air/drone strike",
        SuicideBomb => "Suicide bomb",
        ShellingArtilleryMissileAttack => "Shelling/artillery/missile attack",
        RemoteExplosiveLandmineIed => "Remote explosive/landmine/IED",
        Grenade => "Grenade",
        SexualViolence => "Sexual violence",
        Attack => "Attack",
        AbductionForcedDisappearance => "Abduction/forced disappearance",
        Agreement => "Agreement",
        Arrests => "Arrests",
        ChangeToGroupActivity => "Change to group/activity",
        DisruptedWeaponsUse => "Disrupted weapons use",
        HeadquartersOrBaseEstablished => "Headquarters or base established",
        LootingPropertyDestruction => "Looting/property destruction",
        NonViolentTransferOfTerritory => "Non-violent transfer of territory",
        Other => "Other",
    }
);

impl SubEventType {
    /// The event type a sub-event type belongs to.
    pub fn event_type(&self) -> EventType {
        use SubEventType::*;
        match self {
            GovernmentRegainsTerritory | NonStateActorOvertakesTerritory | ArmedClash => {
                EventType::Battles
            }
            ExcessiveForceAgainstProtesters | ProtestWithIntervention | PeacefulProtest => {
                EventType::Protests
            }
            ViolentDemonstration | MobViolence => EventType::Riots,
            ChemicalWeapon
            | AirDroneStrike
            | SuicideBomb
            | ShellingArtilleryMissileAttack
            | RemoteExplosiveLandmineIed
            | Grenade => EventType::ExplosionsRemoteViolence,
            SexualViolence | Attack | AbductionForcedDisappearance => {
                EventType::ViolenceAgainstCivilians
            }
            Agreement
            | Arrests
            | ChangeToGroupActivity
            | DisruptedWeaponsUse
            | HeadquartersOrBaseEstablished
            | LootingPropertyDestruction
            | NonViolentTransferOfTerritory
            | Other => EventType::StrategicDevelopments,
        }
    }
}

const MAPPING_TSV: &str = include_str!("../../../data/taxonomy.tsv");

impl SubEventType {
    /// (PLOVER event type, CAMEO root code) from `data/taxonomy.tsv`; empty
    /// strings where there is none ("Other").
    pub fn plover_cameo(&self) -> (&'static str, &'static str) {
        MAPPING_TSV
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .map(|l| {
                let mut f = l.split('\t');
                (
                    f.next().unwrap_or(""),
                    f.next().unwrap_or("").trim(),
                    f.next().unwrap_or("").trim(),
                )
            })
            .find(|(name, _, _)| *name == self.as_str())
            .map(|(_, p, c)| (p, c))
            .unwrap_or(("", ""))
    }
}

impl EventType {
    /// ACLED's disorder type for the event type (for Strategic developments
    /// ACLED decides case by case; veille uses "Strategic developments").
    pub fn disorder_type(&self) -> &'static str {
        match self {
            EventType::Battles
            | EventType::ViolenceAgainstCivilians
            | EventType::ExplosionsRemoteViolence => "Political violence",
            EventType::Riots | EventType::Protests => "Demonstrations",
            EventType::StrategicDevelopments => "Strategic developments",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn six_types_twenty_five_sub_types() {
        assert_eq!(EventType::ALL.len(), 6);
        assert_eq!(SubEventType::ALL.len(), 25);
        for t in EventType::ALL {
            assert!(SubEventType::ALL.iter().any(|s| s.event_type() == *t));
        }
    }

    #[test]
    fn every_sub_type_has_a_mapping_row() {
        for s in SubEventType::ALL {
            let (plover, cameo) = s.plover_cameo();
            if *s != SubEventType::Other {
                assert!(
                    !plover.is_empty() && cameo.len() == 2,
                    "{s}: {plover:?} {cameo:?}"
                );
            }
        }
        assert_eq!(
            SubEventType::AirDroneStrike.plover_cameo(),
            ("ASSAULT", "19")
        );
    }

    #[test]
    fn names_round_trip_through_json() {
        let json = serde_json::to_string(&SubEventType::RemoteExplosiveLandmineIed).unwrap();
        assert_eq!(json, "\"Remote explosive/landmine/IED\"");
        let back: SubEventType = serde_json::from_str(&json).unwrap();
        assert_eq!(back, SubEventType::RemoteExplosiveLandmineIed);
        assert_eq!(
            "violence against civilians".parse::<EventType>().unwrap(),
            EventType::ViolenceAgainstCivilians
        );
    }
}
