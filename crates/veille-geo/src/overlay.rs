//! User overlays: `data/gazetteer/extra/*.tsv` rows that add places missing
//! from GeoNames or amend existing ones (format in
//! `data/gazetteer/extra/README.md`), and the conversion of an ACLED export's
//! location columns into such rows.

use crate::fold::fold;
use crate::gazetteer::{Entry, Gazetteer, Kind};
use veille_core::Error;

/// The overlay header line.
pub const HEADER: &str =
    "geonameid\tname\taliases\tlat\tlon\tiso2\tadmin1_code\tadmin2_code\tpopulation\tfeature";

/// One parsed overlay row, admin units still as written.
#[derive(Debug, Clone, PartialEq)]
pub struct OverlayRow {
    /// `file:line`, for error messages.
    pub origin: String,
    pub geonameid: Option<u64>,
    pub name: String,
    pub aliases: Vec<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub iso2: String,
    pub admin1: Option<String>,
    pub admin2: Option<String>,
    pub population: Option<u64>,
}

/// Parses an overlay file's text.
pub fn parse(text: &str, file: &str) -> Result<Vec<OverlayRow>, Error> {
    let bad = |line: usize, why: String| Error::Data {
        file: format!("{file}:{line}"),
        why,
    };
    let mut rows = Vec::new();
    let mut header_seen = false;
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        if !header_seen {
            if line.trim_end() != HEADER {
                return Err(bad(
                    n,
                    format!("the first line must be the header {HEADER:?}"),
                ));
            }
            header_seen = true;
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() != 10 {
            return Err(bad(
                n,
                format!("expected 10 tab-separated fields, found {}", f.len()),
            ));
        }
        let opt = |s: &str| Some(s.trim()).filter(|s| !s.is_empty()).map(str::to_string);
        let num = |s: &str, what: &str| -> Result<Option<f64>, Error> {
            opt(s)
                .map(|v| {
                    v.parse::<f64>()
                        .map_err(|_| bad(n, format!("{what}: not a number: {v:?}")))
                })
                .transpose()
        };
        let geonameid = opt(f[0])
            .map(|v| {
                v.parse()
                    .map_err(|_| bad(n, format!("geonameid: not a number: {v:?}")))
            })
            .transpose()?;
        let lat = num(f[3], "lat")?;
        let lon = num(f[4], "lon")?;
        if lat.is_some_and(|v| !(-90.0..=90.0).contains(&v))
            || lon.is_some_and(|v| !(-180.0..=180.0).contains(&v))
        {
            return Err(bad(n, "coordinates out of range".into()));
        }
        let name = opt(f[1]).ok_or_else(|| bad(n, "name is required".into()))?;
        let iso2 = opt(f[5])
            .ok_or_else(|| bad(n, "iso2 is required".into()))?
            .to_uppercase();
        if geonameid.is_none() && (lat.is_none() || lon.is_none()) {
            return Err(bad(n, "a new place needs lat and lon".into()));
        }
        rows.push(OverlayRow {
            origin: format!("{file}:{n}"),
            geonameid,
            name,
            aliases: f[2]
                .split('|')
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(str::to_string)
                .collect(),
            lat,
            lon,
            iso2,
            admin1: opt(f[6]),
            admin2: opt(f[7]),
            population: opt(f[8])
                .map(|v| {
                    v.parse()
                        .map_err(|_| bad(n, format!("population: not a number: {v:?}")))
                })
                .transpose()?,
        });
    }
    Ok(rows)
}

impl Gazetteer {
    /// An admin unit of `kind` in `iso2` (within `within` when given) by code
    /// or by name.
    fn admin_unit(
        &self,
        kind: Kind,
        iso2: &str,
        within: Option<u32>,
        code_or_name: &str,
    ) -> Option<u32> {
        if let Some(&i) = self.admin_codes.get(code_or_name) {
            return Some(i);
        }
        let key = fold(code_or_name);
        let by_name = self.lookup(&key).iter();
        by_name
            .chain(self.by_written_name(&key))
            .copied()
            .find(|&i| {
                let e = &self.entries[i as usize];
                e.kind == kind && e.iso2 == iso2 && within.is_none_or(|w| e.admin1 == Some(w))
            })
    }

    /// Applies overlay rows in order; an unknown country or admin unit is an
    /// error naming the row.
    pub fn apply_overlay(&mut self, rows: &[OverlayRow]) -> Result<usize, Error> {
        let mut applied = 0;
        for r in rows {
            let bad = |why: String| Error::Data {
                file: r.origin.clone(),
                why,
            };
            if self.country(&r.iso2).is_none() {
                return Err(bad(format!("unknown country code {:?}", r.iso2)));
            }
            let admin1 = match &r.admin1 {
                Some(a) => Some(
                    self.admin_unit(Kind::Admin1, &r.iso2, None, a)
                        .ok_or_else(|| bad(format!("unknown admin1 {a:?} in {}", r.iso2)))?,
                ),
                None => None,
            };
            let admin2 = match &r.admin2 {
                Some(a) => Some(
                    self.admin_unit(Kind::Admin2, &r.iso2, admin1, a)
                        .ok_or_else(|| bad(format!("unknown admin2 {a:?} in {}", r.iso2)))?,
                ),
                None => None,
            };
            let admin1 = admin1.or_else(|| admin2.and_then(|a| self.entries[a as usize].admin1));
            let existing = r.geonameid.and_then(|id| {
                self.entries
                    .iter()
                    .position(|e| e.kind == Kind::Place && e.geonameid == Some(id))
                    .map(|i| i as u32)
            });
            let idx = match existing {
                Some(i) => {
                    let e = &mut self.entries[i as usize];
                    e.lat = r.lat.or(e.lat);
                    e.lon = r.lon.or(e.lon);
                    e.population = r.population.unwrap_or(e.population);
                    e.admin1 = admin1.or(e.admin1);
                    e.admin2 = admin2.or(e.admin2);
                    i
                }
                None => self.push_entry(Entry {
                    kind: Kind::Place,
                    name: r.name.clone(),
                    iso2: r.iso2.clone(),
                    admin1,
                    admin2,
                    lat: r.lat,
                    lon: r.lon,
                    population: r.population.unwrap_or(0),
                    geonameid: r.geonameid,
                }),
            };
            for n in std::iter::once(&r.name).chain(r.aliases.iter()) {
                self.index_name(n, idx);
            }
            applied += 1;
        }
        Ok(applied)
    }
}

/// Turns the location columns of an ACLED export (CSV with a header naming
/// `country`, `admin1`, `admin2`, `location`, `latitude`, `longitude`) into
/// overlay rows: one per distinct location, skipping places the gazetteer
/// already has under that name within 10 km. Returns the rows and the
/// number of export rows read.
pub fn rows_from_acled(
    gaz: &Gazetteer,
    csv_rows: &[std::collections::HashMap<String, String>],
) -> Result<Vec<String>, Error> {
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for (i, row) in csv_rows.iter().enumerate() {
        let get = |k: &str| {
            row.get(k)
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
        };
        let bad = |why: String| Error::Data {
            file: format!("ACLED row {}", i + 2),
            why,
        };
        let (Some(country), Some(location), Some(lat), Some(lon)) = (
            get("country"),
            get("location"),
            get("latitude"),
            get("longitude"),
        ) else {
            return Err(bad("needs country, location, latitude and longitude".into()));
        };
        let lat: f64 = lat.parse().map_err(|_| bad(format!("latitude {lat:?}")))?;
        let lon: f64 = lon.parse().map_err(|_| bad(format!("longitude {lon:?}")))?;
        let iso2 = gaz
            .lookup(&fold(&country))
            .iter()
            .map(|&i| &gaz.entries[i as usize])
            .find(|e| e.kind == Kind::Country)
            .map(|e| e.iso2.clone())
            .ok_or_else(|| bad(format!("unknown country {country:?}")))?;
        if !seen.insert((
            iso2.clone(),
            fold(&location),
            (lat * 1000.0).round() as i64,
            (lon * 1000.0).round() as i64,
        )) {
            continue;
        }
        let known = gaz.lookup(&fold(&location)).iter().any(|&i| {
            let e = &gaz.entries[i as usize];
            e.iso2 == iso2
                && match (e.lat, e.lon) {
                    (Some(a), Some(b)) => crate::distance_km((a, b), (lat, lon)) <= 10.0,
                    _ => false,
                }
        });
        if known {
            continue;
        }
        let clean = |s: Option<String>| s.unwrap_or_default().replace(['\t', '|', '\n'], " ");
        // ACLED writes sub-locations as "Town - Neighbourhood": keep the whole as the name.
        let admin1 = clean(get("admin1")).to_string();
        let admin2 = clean(get("admin2")).to_string();
        let admin1_ok =
            admin1.is_empty() || gaz.admin_unit(Kind::Admin1, &iso2, None, &admin1).is_some();
        let admin2_ok =
            admin2.is_empty() || gaz.admin_unit(Kind::Admin2, &iso2, None, &admin2).is_some();
        out.push(format!(
            "\t{}\t\t{:.5}\t{:.5}\t{}\t{}\t{}\t\tP",
            clean(Some(location)),
            lat,
            lon,
            iso2,
            if admin1_ok { admin1 } else { String::new() },
            if admin2_ok { admin2 } else { String::new() },
        ));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlay_adds_a_village_under_its_district() {
        let mut g = Gazetteer::embedded().unwrap();
        let text = format!("{HEADER}\n# test row\n\tKoulikoro-Sud Test Village\tKST Village\t15.70\t0.49\tML\tGao\tAnsongo\t\tP\n");
        let rows = parse(&text, "test.tsv").unwrap();
        assert_eq!(g.apply_overlay(&rows).unwrap(), 1);
        let idx = g.lookup("kst village")[0];
        let loc = g.location(idx, 1);
        assert_eq!(
            (loc.admin1.as_deref(), loc.admin2.as_deref()),
            (Some("Gao"), Some("Ansongo"))
        );
    }

    #[test]
    fn overlay_errors_name_the_line() {
        let mut g = Gazetteer::embedded().unwrap();
        let err = parse(&format!("{HEADER}\n\tX\t\t\t\tML\t\t\t\tP\n"), "a.tsv")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("a.tsv:2") && err.contains("lat and lon"),
            "{err}"
        );
        let rows = parse(
            &format!("{HEADER}\n\tX\t\t1\t1\tML\tNowhere\t\t\tP\n"),
            "b.tsv",
        )
        .unwrap();
        let err = g.apply_overlay(&rows).unwrap_err().to_string();
        assert!(err.contains("b.tsv:2") && err.contains("Nowhere"), "{err}");
        assert!(parse("name\n", "c.tsv").is_err());
    }
}
