//! CASE 2021 shared task 2 (fine-grained event classification): 30 labels,
//! 25 of them ACLED sub-event types. Each snippet is classified by the
//! coder's clause reading ([`veille_code::classify`]); a snippet with no
//! trigger gets no label (a miss for its gold label).

use crate::f1;
use anyhow::{bail, Context, Result};
use std::collections::BTreeMap;
use std::path::Path;
use veille_code::Label;
use veille_core::SubEventType;

/// The CASE label of a veille label.
pub fn case_label(l: Label) -> &'static str {
    use SubEventType::*;
    match l {
        Label::NotEvent("natural_disaster" | "epidemic") => "NATURAL_DISASTER",
        Label::NotEvent("manmade_disaster") => "MAN_MADE_DISASTER",
        Label::NotEvent("org_crime") => "ORG_CRIME",
        Label::NotEvent("diplo") => "DIPLO",
        Label::NotEvent("attrib") => "ATTRIB",
        Label::NotEvent(_) => "OTHER",
        Label::Event(s) => match s {
            AbductionForcedDisappearance => "ABDUCT_DISSAP",
            Agreement => "AGREEMENT",
            AirDroneStrike => "AIR_STRIKE",
            ArmedClash => "ARMED_CLASH",
            Arrests => "ARREST",
            ShellingArtilleryMissileAttack => "ART_MISS_ATTACK",
            Attack => "ATTACK",
            ChangeToGroupActivity => "CHANGE_TO_GROUP_ACT",
            ChemicalWeapon => "CHEM_WEAP",
            DisruptedWeaponsUse => "DISR_WEAP",
            ExcessiveForceAgainstProtesters => "FORCE_AGAINST_PROTEST",
            GovernmentRegainsTerritory => "GOV_REGAINS_TERIT",
            Grenade => "GRENADE",
            HeadquartersOrBaseEstablished => "HQ_ESTABLISHED",
            MobViolence => "MOB_VIOL",
            NonStateActorOvertakesTerritory => "NON_STATE_ACTOR_OVERTAKES_TER",
            NonViolentTransferOfTerritory => "NON_VIOL_TERRIT_TRANSFER",
            Other => "OTHER",
            PeacefulProtest => "PEACE_PROTEST",
            LootingPropertyDestruction => "PROPERTY_DISTRUCT",
            ProtestWithIntervention => "PROTEST_WITH_INTER",
            RemoteExplosiveLandmineIed => "REM_EXPLOS",
            SexualViolence => "SEX_VIOL",
            SuicideBomb => "SUIC_BOMB",
            ViolentDemonstration => "VIOL_DEMONSTR",
        },
    }
}

/// The five CASE labels that are not ACLED sub-event types.
pub const NOT_ACLED: &[&str] = &[
    "ORG_CRIME",
    "NATURAL_DISASTER",
    "MAN_MADE_DISASTER",
    "DIPLO",
    "ATTRIB",
];

/// One snippet: gold label and prediction.
pub struct Row {
    pub id: String,
    pub text: String,
    pub gold: String,
    pub predicted: Option<&'static str>,
}

/// Reads `test_set_final_release_with_labels.tsv` (id, EventSnippet, SubType).
pub fn load(dir: &Path) -> Result<Vec<(String, String, String)>> {
    let file = dir.join("test_set_final_release_with_labels.tsv");
    let text =
        std::fs::read_to_string(&file).with_context(|| format!("reading {}", file.display()))?;
    let mut rows = Vec::new();
    for (n, line) in text.lines().enumerate().skip(1) {
        if line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 3 {
            bail!(
                "{}:{}: expected 3 tab-separated fields",
                file.display(),
                n + 1
            );
        }
        rows.push((
            f[0].to_string(),
            f[1].to_string(),
            f[f.len() - 1].trim().to_string(),
        ));
    }
    Ok(rows)
}

/// Classifies every snippet.
pub fn run(rows: &[(String, String, String)]) -> Vec<Row> {
    let lex = veille_code::lexicon();
    rows.iter()
        .map(|(id, text, gold)| {
            let nlp = veille_nlp::analyze(text, None);
            Row {
                id: id.clone(),
                text: text.clone(),
                gold: gold.clone(),
                predicted: veille_code::classify(text, &nlp, lex).map(case_label),
            }
        })
        .collect()
}

/// Per-label counts: true positives, false positives, false negatives, gold support.
pub type Counts = (usize, usize, usize, usize);

/// Counts per label, with micro, macro and weighted F1 over them.
type Scored = (BTreeMap<String, Counts>, f64, f64, f64);

/// Per-label counts and F1 summaries.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// label -> (tp, fp, fn, support)
    pub per_label: BTreeMap<String, Counts>,
    pub micro_f1: f64,
    pub macro_f1: f64,
    pub weighted_f1: f64,
    pub weighted_f1_acled: f64,
    pub unlabelled: usize,
}

/// Scores predictions: micro, macro and support-weighted F1 over the gold
/// labels; weighted F1 restricted to rows whose gold label is an ACLED type.
pub fn score(rows: &[Row]) -> Report {
    let weighted = |rows: &[&Row]| -> Scored {
        let mut m: BTreeMap<String, Counts> = BTreeMap::new();
        for r in rows {
            m.entry(r.gold.clone()).or_default().3 += 1;
            match r.predicted {
                Some(p) if p == r.gold => m.entry(r.gold.clone()).or_default().0 += 1,
                Some(p) => {
                    m.entry(p.to_string()).or_default().1 += 1;
                    m.entry(r.gold.clone()).or_default().2 += 1;
                }
                None => m.entry(r.gold.clone()).or_default().2 += 1,
            }
        }
        let labels: Vec<(&String, &Counts)> = m.iter().filter(|(_, v)| v.3 > 0).collect();
        let total: usize = labels.iter().map(|(_, v)| v.3).sum();
        let macro_f1 =
            labels.iter().map(|(_, v)| f1(v.0, v.1, v.2)).sum::<f64>() / labels.len().max(1) as f64;
        let weighted = labels
            .iter()
            .map(|(_, v)| f1(v.0, v.1, v.2) * v.3 as f64)
            .sum::<f64>()
            / total.max(1) as f64;
        let (tp, fp, fn_) = m
            .values()
            .fold((0, 0, 0), |a, v| (a.0 + v.0, a.1 + v.1, a.2 + v.2));
        (m, f1(tp, fp, fn_), macro_f1, weighted)
    };
    let all: Vec<&Row> = rows.iter().collect();
    let (per_label, micro_f1, macro_f1, weighted_f1) = weighted(&all);
    let acled: Vec<&Row> = rows
        .iter()
        .filter(|r| !NOT_ACLED.contains(&r.gold.as_str()))
        .collect();
    let (_, _, _, weighted_f1_acled) = weighted(&acled);
    Report {
        per_label,
        micro_f1,
        macro_f1,
        weighted_f1,
        weighted_f1_acled,
        unlabelled: rows.iter().filter(|r| r.predicted.is_none()).count(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores() {
        let row = |g: &str, p: Option<&'static str>| Row {
            id: String::new(),
            text: String::new(),
            gold: g.into(),
            predicted: p,
        };
        let rows = vec![
            row("ATTACK", Some("ATTACK")),
            row("ATTACK", Some("ARMED_CLASH")),
            row("DIPLO", None),
            row("ARMED_CLASH", Some("ARMED_CLASH")),
        ];
        let r = score(&rows);
        // ATTACK: tp1 fn1 -> F1 0.667; ARMED_CLASH: tp1 fp1 -> 0.667; DIPLO 0.
        assert!((r.macro_f1 - (2.0 / 3.0 * 2.0) / 3.0).abs() < 1e-9, "{r:?}");
        assert!(
            (r.weighted_f1 - (2.0 / 3.0 * 2.0 + 2.0 / 3.0) / 4.0).abs() < 1e-9,
            "{r:?}"
        );
        assert_eq!(r.unlabelled, 1);
        assert_eq!(
            case_label(Label::Event(SubEventType::ArmedClash)),
            "ARMED_CLASH"
        );
    }
}
