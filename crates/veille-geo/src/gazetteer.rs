//! The gazetteer: countries, admin1 and admin2 units and populated places,
//! with a name index (folded names and aliases to entries).

use crate::fold::{fold, fold_into};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::io::Read;
use std::sync::OnceLock;
use veille_core::hash::FastMap;
use veille_core::{Error, Location};

const COUNTRIES: &str = include_str!("../../../data/gazetteer/countries.tsv");
const ADMIN1: &str = include_str!("../../../data/gazetteer/admin1.tsv");
const ADMIN2: &str = include_str!("../../../data/gazetteer/admin2.tsv");
const PLACES_GZ: &[u8] = include_bytes!("../../../data/gazetteer/places.tsv.gz");
const COMMON_WORDS: &str = include_str!("../../../data/geo/common_words.txt");
const NEVER_PLACES: &str = include_str!("../../../data/geo/never_places.txt");
const FORCE_WORDS: &str = include_str!("../../../data/geo/force_words.txt");
const MISSION_WORDS: &str = include_str!("../../../data/geo/mission_words.txt");
const ABBREVIATIONS: &str = include_str!("../../../data/geo/abbreviations.tsv");
const ACLED_COUNTRIES: &str = include_str!("../../../data/geo/acled-countries.tsv");
const PRESS_NAMES: &str = include_str!("../../../data/geo/press-names.tsv");
const PRESS_DEMONYMS: &str = include_str!("../../../data/geo/press-demonyms.tsv");
const ACLED_ADMIN: &str = include_str!("../../../data/geo/acled-admin.tsv");
const CONTINENTS: &str = include_str!("../../../data/gazetteer/continents.tsv");
const WORLD_REGIONS: &str = include_str!("../../../data/geo/world_regions.tsv");

static GLOBAL: OnceLock<Gazetteer> = OnceLock::new();

/// What a gazetteer entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Country,
    Admin1,
    Admin2,
    Place,
    /// "Africa", "Europe": named in news, never an event's place.
    Continent,
    /// "the Sahel", "the Horn of Africa", "the Red Sea": regions, seas and
    /// lakes across borders, named in news, never an event's place.
    WorldRegion,
}

impl Kind {
    /// A continent or world region: named in news, across countries,
    /// never an event's place.
    pub fn is_area(&self) -> bool {
        matches!(self, Kind::Continent | Kind::WorldRegion)
    }

    pub fn as_str(&self) -> &'static str {
        match self {
            Kind::Country => "country",
            Kind::Admin1 => "admin1",
            Kind::Admin2 => "admin2",
            Kind::Place => "place",
            Kind::Continent => "continent",
            Kind::WorldRegion => "world_region",
        }
    }
}

/// One gazetteer entry.
#[derive(Debug, Clone)]
pub struct Entry {
    pub kind: Kind,
    /// Name as users know it ("Ansongo" for "Ansongo Cercle").
    pub name: String,
    pub iso2: String,
    /// Index of the admin1 entry the entry lies in (itself for an admin1).
    pub admin1: Option<u32>,
    /// Index of the admin2 entry the entry lies in (itself for an admin2).
    pub admin2: Option<u32>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub population: u64,
    pub geonameid: Option<u64>,
}

/// The loaded gazetteer.
pub struct Gazetteer {
    pub entries: Vec<Entry>,
    names: NameIndex,
    demonyms: HashMap<String, u32>,
    country_by_iso: HashMap<String, u32>,
    /// Admin1 and admin2 codes ("ML.09", "ML.09.8631538") to entries.
    pub(crate) admin_codes: FastMap<String, u32>,
    common_words: std::collections::HashSet<String>,
    never_places: std::collections::HashSet<String>,
    /// Words for armed forces and their weapons, folded.
    force_words: std::collections::HashSet<String>,
    /// Words for a state's missions abroad (embassies, hospitals), folded.
    mission_words: std::collections::HashSet<String>,
    /// Longest name in tokens.
    pub max_tokens: usize,
    /// Admin1 units of each country, with their folded names.
    admin1_by_iso: HashMap<String, Vec<(u32, String)>>,
    /// Countries whose forces ACLED names with "the".
    with_article: std::collections::HashSet<String>,
    /// ACLED's names of admin units where they differ from the entry's
    /// name ("Idleb" for "Idlib", "Tillaberi" for "Tillabéri").
    acled_admin: HashMap<u32, String>,
    /// Those names folded, to their units (overlays may name units so).
    acled_admin_folded: HashMap<String, Vec<u32>>,
    /// "European", "africain": continents by their adjectives.
    continent_demonyms: HashMap<String, u32>,
    /// Countries whose ACLED admin1 is the gazetteer's admin2.
    admin1_is_admin2: std::collections::HashSet<String>,
    /// Territories ACLED codes as one admin1 of a larger country (Hong
    /// Kong, Macau): their admin1 is their own name, their admin2 the
    /// gazetteer's admin1.
    admin1_is_country: std::collections::HashSet<String>,
    /// ACLED's admin1 of the places of an admin2 unit, where ACLED splits
    /// the gazetteer's admin1 ("Shan-North" for Lashio District).
    admin1_of_admin2: HashMap<u32, String>,
    /// Each country's capital: country entry to the geonameid
    /// `countries.tsv` gives, then (once places are loaded) to the place.
    capital_ids: HashMap<u32, u64>,
    capitals: HashMap<u32, u32>,
    /// Each country's land neighbours, by ISO code.
    neighbours: HashMap<String, Vec<String>>,
    /// Scratch space for folding names while indexing them.
    key_buf: String,
    /// Each country's populated places with a point, built at the first
    /// [`Gazetteer::nearest_place`].
    places_by_country: std::sync::OnceLock<HashMap<String, Vec<u32>>>,
}

/// The name index: folded names to the entries they name.
///
/// A name is kept as the 64-bit SipHash digest of its folded form, not as a
/// string: with about 600,000 names, two of them share a digest with odds
/// near 1 in 50 million, and a word of text that is no name takes a
/// name's digest with odds near 1 in 3·10¹³ per lookup. In exchange the
/// index holds no string and builds with one probe per name, which is most
/// of what makes the gazetteer load in a fraction of a second.
#[derive(Default)]
struct NameIndex {
    /// Digest to an entry, or (with [`NameIndex::MANY`] set) to a list in
    /// `many`.
    map: HashMap<u64, u32, BuildHasherDefault<DigestHasher>>,
    many: Vec<Vec<u32>>,
}

impl NameIndex {
    const MANY: u32 = 1 << 31;

    fn with_capacity(n: usize) -> NameIndex {
        NameIndex {
            map: HashMap::with_capacity_and_hasher(n, Default::default()),
            many: Vec::new(),
        }
    }

    fn digest(folded: &str) -> u64 {
        let mut h = std::hash::DefaultHasher::new();
        h.write(folded.as_bytes());
        h.finish()
    }

    fn add(&mut self, digest: u64, idx: u32) {
        assert!(
            idx < Self::MANY,
            "more entries than the name index can hold"
        );
        match self.map.entry(digest) {
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert(idx);
            }
            std::collections::hash_map::Entry::Occupied(mut o) => {
                let cur = *o.get();
                if cur & Self::MANY != 0 {
                    let ids = &mut self.many[(cur & !Self::MANY) as usize];
                    if !ids.contains(&idx) {
                        ids.push(idx);
                    }
                } else if cur != idx {
                    *o.get_mut() = Self::MANY | self.many.len() as u32;
                    self.many.push(vec![cur, idx]);
                }
            }
        }
    }

    /// Makes `digest` name `idx` alone, whatever it named before.
    fn set(&mut self, digest: u64, idx: u32) {
        self.map.insert(digest, idx);
    }

    fn get(&self, folded: &str) -> &[u32] {
        match self.map.get(&Self::digest(folded)) {
            None => &[],
            Some(&i) if i & Self::MANY != 0 => &self.many[(i & !Self::MANY) as usize],
            Some(i) => std::slice::from_ref(i),
        }
    }
}

/// The keys of [`NameIndex`] are digests already: they hash to themselves.
#[derive(Default)]
struct DigestHasher(u64);

impl Hasher for DigestHasher {
    fn write(&mut self, _: &[u8]) {
        unreachable!("digests are hashed as u64")
    }

    fn write_u64(&mut self, i: u64) {
        self.0 = i;
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// The rows of places.tsv, parsed apart from the rest (on other threads
/// in [`Gazetteer::embedded`]), in two halves parsed side by side.
struct ParsedPlaces {
    text: String,
    parts: Vec<PlacesPart>,
}

/// Rows of places.tsv: entries without their admin units yet, the byte
/// ranges of their admin codes in the whole text, and the digests of their
/// names.
struct PlacesPart {
    rows: Vec<(Entry, std::ops::Range<usize>, std::ops::Range<usize>)>,
    /// Digests of the names of each row, in row order; row i's end at
    /// `name_ends[i]`.
    digests: Vec<u64>,
    name_ends: Vec<u32>,
    max_tokens: usize,
}

impl ParsedPlaces {
    fn parse(text: String) -> Result<ParsedPlaces, Error> {
        let body = text.split_once('\n').map_or("", |(_, body)| body);
        let half = body.len() / 2;
        let cut = body[half..].find('\n').map_or(body.len(), |i| half + i + 1);
        let (first, second) = body.split_at(cut);
        let base = text.as_ptr() as usize;
        let (first, second) = std::thread::scope(|s| {
            let second = s.spawn(|| PlacesPart::parse(second, base));
            let first = PlacesPart::parse(first, base);
            (
                first,
                second.join().expect("the places parser does not panic"),
            )
        });
        let parts = vec![first?, second?];
        Ok(ParsedPlaces { text, parts })
    }
}

impl PlacesPart {
    /// Parses whole lines of places.tsv (no header); `base` is the address
    /// of the text they are part of.
    fn parse(lines: &str, base: usize) -> Result<PlacesPart, Error> {
        let mut rows = Vec::with_capacity(lines.len() / 80);
        let mut digests = Vec::with_capacity(lines.len() / 25);
        let mut name_ends = Vec::with_capacity(lines.len() / 80);
        let mut max_tokens = 1;
        let mut key = String::new();
        let range = |f: &str| {
            let start = f.as_ptr() as usize - base;
            start..start + f.len()
        };
        for line in lines.lines().filter(|l| !l.trim().is_empty()) {
            let r: Vec<&str> = line.split('\t').collect();
            if r.len() < 10 {
                return Err(Error::Data {
                    file: "places.tsv.gz".into(),
                    why: format!("{} columns", r.len()),
                });
            }
            rows.push((
                Entry {
                    kind: Kind::Place,
                    name: r[1].to_string(),
                    iso2: r[5].to_string(),
                    admin1: None,
                    admin2: None,
                    lat: num(r.get(3)),
                    lon: num(r.get(4)),
                    population: num(r.get(8)).unwrap_or(0),
                    geonameid: num(r.first()),
                },
                range(r[6]),
                range(r[7]),
            ));
            for n in std::iter::once(r[1]).chain(list(r[2])) {
                fold_into(n, &mut key);
                if !key.is_empty() {
                    let tokens = key.bytes().filter(|&b| b == b' ').count() + 1;
                    max_tokens = max_tokens.max(tokens.min(6));
                    digests.push(NameIndex::digest(&key));
                }
            }
            name_ends.push(digests.len() as u32);
        }
        Ok(PlacesPart {
            rows,
            digests,
            name_ends,
            max_tokens,
        })
    }
}

fn rows_of(tsv: &str) -> impl Iterator<Item = Vec<&str>> {
    tsv.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.split('\t').collect())
}

/// The rows of a hand-written data file: lines neither blank nor comments,
/// split on tabs, each with its "file:line" for errors.
fn data_rows<'a>(tsv: &'a str, file: &'a str) -> impl Iterator<Item = (String, Vec<&'a str>)> + 'a {
    tsv.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(move |(n, l)| (format!("{file}:{}", n + 1), l.split('\t').collect()))
}

fn list(field: &str) -> impl Iterator<Item = &str> {
    field.split('|').map(str::trim).filter(|s| !s.is_empty())
}

fn word_list(file: &str) -> std::collections::HashSet<String> {
    file.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(fold)
        .collect()
}

fn num<T: std::str::FromStr>(s: Option<&&str>) -> Option<T> {
    s.and_then(|x| x.trim().parse().ok())
}

impl Gazetteer {
    /// The process-wide gazetteer: the embedded data plus the overlays given
    /// to [`Gazetteer::init_global`] (none when it was not called).
    pub fn global() -> &'static Gazetteer {
        GLOBAL.get_or_init(|| Gazetteer::embedded().expect("embedded gazetteer is valid"))
    }

    /// Loads the process-wide gazetteer with overlay files (`*.tsv` files,
    /// or folders of them read in file-name order). Call once at start,
    /// before any stage runs; errors name the file and line.
    pub fn init_global(overlays: &[std::path::PathBuf]) -> Result<&'static Gazetteer, Error> {
        if let Some(g) = GLOBAL.get() {
            return Ok(g);
        }
        let mut g = Gazetteer::embedded()?;
        for path in overlays {
            let io = |e: std::io::Error| Error::Data {
                file: path.display().to_string(),
                why: e.to_string(),
            };
            let mut files: Vec<std::path::PathBuf> = if path.is_dir() {
                std::fs::read_dir(path)
                    .map_err(io)?
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
                    .collect()
            } else {
                vec![path.clone()]
            };
            files.sort();
            for f in files {
                let text = std::fs::read_to_string(&f).map_err(io)?;
                let rows = crate::overlay::parse(&text, &f.display().to_string())?;
                g.apply_overlay(&rows)?;
            }
        }
        Ok(GLOBAL.get_or_init(|| g))
    }

    /// Loads the embedded data files.
    ///
    /// The places file (four fifths of the work) is inflated and parsed on
    /// other threads while this one builds countries and admin units.
    pub fn embedded() -> Result<Gazetteer, Error> {
        let (g, places) = std::thread::scope(|s| {
            let places = s.spawn(|| {
                let mut text = String::new();
                flate2::read::GzDecoder::new(PLACES_GZ)
                    .read_to_string(&mut text)
                    .map_err(|e| Error::Data {
                        file: "places.tsv.gz".into(),
                        why: e.to_string(),
                    })?;
                ParsedPlaces::parse(text)
            });
            let g = Gazetteer::from_admin_tsv(COUNTRIES, ADMIN1, ADMIN2);
            let places = places.join().expect("the places parser does not panic");
            (g, places)
        });
        let mut g = g?;
        g.add_places(places?);
        g.add_abbreviations(ABBREVIATIONS)?;
        g.use_acled_names(ACLED_COUNTRIES)?;
        g.use_press_names(PRESS_NAMES)?;
        g.add_press_demonyms(PRESS_DEMONYMS)?;
        g.use_acled_admin_names(ACLED_ADMIN)?;
        g.add_continents(CONTINENTS)?;
        g.add_world_regions(WORLD_REGIONS)?;
        Ok(g)
    }

    /// The continents of `data/gazetteer/continents.tsv` (format in the
    /// README there), with their names and adjectives.
    fn add_continents(&mut self, tsv: &str) -> Result<(), Error> {
        for r in rows_of(tsv) {
            if r.len() < 7 {
                return Err(Error::Data {
                    file: "continents.tsv".into(),
                    why: format!("{} columns", r.len()),
                });
            }
            let idx = self.push_entry(Entry {
                kind: Kind::Continent,
                name: r[2].to_string(),
                iso2: String::new(),
                admin1: None,
                admin2: None,
                lat: num(r.get(5)),
                lon: num(r.get(6)),
                population: 0,
                geonameid: num(r.get(1)),
            });
            for n in std::iter::once(r[2]).chain(list(r[3])) {
                self.index_name(n, idx);
            }
            for d in list(r[4]) {
                self.continent_demonyms.insert(fold(d), idx);
            }
        }
        Ok(())
    }

    /// The world regions of `data/geo/world_regions.tsv` (format in its
    /// header): name, aliases, rough centre.
    fn add_world_regions(&mut self, tsv: &str) -> Result<(), Error> {
        for (at, r) in data_rows(tsv, "data/geo/world_regions.tsv") {
            let coordinate = |i: usize| {
                num::<f64>(r.get(i)).ok_or_else(|| Error::Data {
                    file: at.clone(),
                    why: "expected name<TAB>aliases<TAB>latitude<TAB>longitude".into(),
                })
            };
            let (lat, lon) = (coordinate(2)?, coordinate(3)?);
            let idx = self.push_entry(Entry {
                kind: Kind::WorldRegion,
                name: r[0].trim().to_string(),
                iso2: String::new(),
                admin1: None,
                admin2: None,
                lat: Some(lat),
                lon: Some(lon),
                population: 0,
                geonameid: None,
            });
            for n in std::iter::once(r[0]).chain(list(r[1])) {
                self.index_name(n, idx);
            }
        }
        Ok(())
    }

    /// The continent an adjective names ("european").
    pub fn continent_demonym(&self, folded: &str) -> Option<u32> {
        self.continent_demonyms.get(folded).copied()
    }

    /// ACLED's names of admin units, from `data/geo/acled-admin.tsv`
    /// (its format is in the file): names without "Region", "Province
    /// du"..., without accents, and ACLED's own name where it differs more.
    /// Only the names written out change: text is still read with the
    /// gazetteer's names.
    fn use_acled_admin_names(&mut self, tsv: &str) -> Result<(), Error> {
        let mut prefixes: Vec<&str> = Vec::new();
        let mut suffixes: Vec<&str> = Vec::new();
        let mut names: HashMap<u32, &str> = HashMap::new();
        for (at, cols) in data_rows(tsv, "data/geo/acled-admin.tsv") {
            let bad = |why: String| Error::Data {
                file: at.clone(),
                why,
            };
            match cols[..] {
                ["strip-prefix", p] if !p.trim().is_empty() => prefixes.push(p),
                ["strip-suffix", p] if !p.trim().is_empty() => suffixes.push(p),
                ["name", code, name] if !name.trim().is_empty() => {
                    let idx = *self
                        .admin_codes
                        .get(code)
                        .ok_or_else(|| bad(format!("unknown admin code {code:?}")))?;
                    names.insert(idx, name);
                    // ACLED's name is a name of the unit in text too ("la
                    // province du Soum", GeoNames' Djelgodji; "la région du
                    // Nord-Ouest", GeoNames' North-West), unless it is one
                    // compass word ("Nord") or very short. (A compass name
                    // names a unit abroad only with its country in the
                    // sentence: see the resolver.)
                    let compass = crate::words::COMPASS.contains(&fold(name).as_str())
                        && !name.contains(['-', ' ']);
                    if !compass && name.chars().count() >= 4 {
                        self.index_name(name, idx);
                    }
                }
                ["level", iso, "admin2"] if self.country_by_iso.contains_key(iso) => {
                    self.admin1_is_admin2.insert(iso.to_string());
                }
                ["level", iso, "country"] if self.country_by_iso.contains_key(iso) => {
                    self.admin1_is_country.insert(iso.to_string());
                }
                ["split", prefix, name] if prefix.matches('.').count() >= 2 && !name.is_empty() => {
                    let units: Vec<u32> = self
                        .admin_codes
                        .iter()
                        .filter(|(code, _)| code.starts_with(prefix))
                        .map(|(_, &i)| i)
                        .collect();
                    if units.is_empty() {
                        return Err(bad(format!("no admin2 code starts with {prefix:?}")));
                    }
                    for u in units {
                        self.admin1_of_admin2.insert(u, name.to_string());
                    }
                }
                _ => {
                    return Err(bad("expected strip-prefix|strip-suffix<TAB>text, \
                         name<TAB>code<TAB>name, level<TAB>iso2<TAB>admin2|country \
                         or split<TAB>admin2 code prefix<TAB>name"
                        .into()))
                }
            }
        }
        let mut ids: Vec<u32> = self.admin_codes.values().copied().collect();
        ids.sort_unstable();
        for idx in ids {
            let own = &self.entries[idx as usize].name;
            let mut name: &str = names.get(&idx).copied().unwrap_or(own);
            for p in &prefixes {
                if let Some(rest) = name.strip_prefix(p) {
                    if rest.chars().count() >= 2 {
                        name = rest;
                        break;
                    }
                }
            }
            for p in &suffixes {
                if let Some(rest) = name.strip_suffix(p) {
                    if rest.chars().count() >= 2 {
                        name = rest;
                        break;
                    }
                }
            }
            let name = crate::fold::strip_accents(name);
            if name != *own {
                self.acled_admin_folded
                    .entry(fold(&name))
                    .or_default()
                    .push(idx);
                self.acled_admin.insert(idx, name);
            }
        }
        Ok(())
    }

    /// Admin units whose written name (ACLED's) folds to `folded`.
    pub fn by_written_name(&self, folded: &str) -> &[u32] {
        self.acled_admin_folded
            .get(folded)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// The name written out for an entry: ACLED's name of an admin unit,
    /// the entry's own name otherwise.
    pub fn written_name(&self, idx: u32) -> &str {
        self.acled_admin
            .get(&idx)
            .map(String::as_str)
            .unwrap_or(&self.entries[idx as usize].name)
    }

    /// ACLED's names of countries, from `data/geo/acled-countries.tsv`: the
    /// entry takes that name, and keeps its own as an alias.
    fn use_acled_names(&mut self, tsv: &str) -> Result<(), Error> {
        for (at, cols) in data_rows(tsv, "data/geo/acled-countries.tsv") {
            let bad = |why: String| Error::Data {
                file: at.clone(),
                why,
            };
            let [iso, name, article] = cols[..] else {
                return Err(bad("expected iso2<TAB>acled_name<TAB>article".into()));
            };
            let idx = *self
                .country_by_iso
                .get(iso)
                .ok_or_else(|| bad(format!("unknown country {iso:?}")))?;
            self.entries[idx as usize].name = name.to_string();
            self.index_name(name, idx);
            match article {
                "the" => {
                    self.with_article.insert(name.to_string());
                }
                "" => {}
                other => return Err(bad(format!("article {other:?}: the, or nothing"))),
            }
        }
        Ok(())
    }

    /// Short names the press gives one country alone, from
    /// `data/geo/press-names.tsv` ("Congo" for DR Congo): the name names
    /// that country only.
    fn use_press_names(&mut self, tsv: &str) -> Result<(), Error> {
        for (name, idx) in self.words_of_countries(tsv, "data/geo/press-names.tsv", "name")? {
            self.names.set(NameIndex::digest(&fold(name)), idx);
        }
        Ok(())
    }

    /// Demonyms the press writes that the country data lacks ("Saudi",
    /// "Kazakh"), from `data/geo/press-demonyms.tsv`.
    fn add_press_demonyms(&mut self, tsv: &str) -> Result<(), Error> {
        let rows = self.words_of_countries(tsv, "data/geo/press-demonyms.tsv", "demonym")?;
        for (demonym, idx) in rows {
            self.demonyms.insert(fold(demonym), idx);
        }
        Ok(())
    }

    /// The rows of a `word<TAB>iso2` file, each word with its country's
    /// entry; an error names the file, the line and what is wrong.
    fn words_of_countries<'t>(
        &self,
        tsv: &'t str,
        file: &'t str,
        word: &str,
    ) -> Result<Vec<(&'t str, u32)>, Error> {
        data_rows(tsv, file)
            .map(|(at, cols)| {
                let [w, iso] = cols[..] else {
                    return Err(Error::Data {
                        file: at,
                        why: format!("expected {word}<TAB>iso2"),
                    });
                };
                let idx = *self.country_by_iso.get(iso).ok_or_else(|| Error::Data {
                    file: at.clone(),
                    why: format!("unknown country {iso:?}"),
                })?;
                Ok((w, idx))
            })
            .collect()
    }

    /// A country's name after "Military Forces of": "the Philippines",
    /// "Mali".
    pub fn forces_of(&self, country: &str) -> String {
        if self.with_article.contains(country) {
            format!("the {country}")
        } else {
            country.to_string()
        }
    }

    /// Press abbreviations of admin1 units ("W.Va.", "B.C."), from
    /// `data/geo/abbreviations.tsv`.
    fn add_abbreviations(&mut self, tsv: &str) -> Result<(), Error> {
        for (n, line) in tsv.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let (abbr, code) = line.split_once('\t').ok_or_else(|| Error::Data {
                file: format!("data/geo/abbreviations.tsv:{}", n + 1),
                why: "expected abbreviation<TAB>admin1_code".into(),
            })?;
            let idx = *self
                .admin_codes
                .get(code.trim())
                .ok_or_else(|| Error::Data {
                    file: format!("data/geo/abbreviations.tsv:{}", n + 1),
                    why: format!("unknown admin1 code {code:?}"),
                })?;
            self.index_name(abbr.trim(), idx);
        }
        Ok(())
    }

    /// Builds a gazetteer from the four TSV files (see data/gazetteer/README.md).
    pub fn from_tsv(
        countries: &str,
        admin1: &str,
        admin2: &str,
        places: &str,
    ) -> Result<Gazetteer, Error> {
        let mut g = Gazetteer::from_admin_tsv(countries, admin1, admin2)?;
        g.add_places(ParsedPlaces::parse(places.to_string())?);
        Ok(g)
    }

    /// Countries, admin1 and admin2 units.
    fn from_admin_tsv(countries: &str, admin1: &str, admin2: &str) -> Result<Gazetteer, Error> {
        let mut g = Gazetteer {
            entries: Vec::with_capacity(300_000),
            names: NameIndex::with_capacity(800_000),
            demonyms: HashMap::new(),
            country_by_iso: HashMap::new(),
            admin_codes: FastMap::default(),
            common_words: word_list(COMMON_WORDS),
            never_places: word_list(NEVER_PLACES),
            force_words: word_list(FORCE_WORDS),
            mission_words: word_list(MISSION_WORDS),
            max_tokens: 1,
            admin1_by_iso: HashMap::new(),
            with_article: Default::default(),
            acled_admin: HashMap::new(),
            acled_admin_folded: HashMap::new(),
            continent_demonyms: HashMap::new(),
            admin1_of_admin2: HashMap::new(),
            admin1_is_admin2: Default::default(),
            admin1_is_country: Default::default(),
            capital_ids: HashMap::new(),
            capitals: HashMap::new(),
            neighbours: HashMap::new(),
            key_buf: String::new(),
            places_by_country: std::sync::OnceLock::new(),
        };
        let bad = |file: &str, why: String| Error::Data {
            file: file.into(),
            why,
        };
        for r in rows_of(countries) {
            if r.len() < 10 {
                return Err(bad("countries.tsv", format!("{} columns", r.len())));
            }
            let idx = g.push_entry(Entry {
                kind: Kind::Country,
                name: r[3].to_string(),
                iso2: r[0].to_string(),
                admin1: None,
                admin2: None,
                lat: num(r.get(7)),
                lon: num(r.get(8)),
                population: num(r.get(9)).unwrap_or(0),
                geonameid: num(r.get(2)),
            });
            g.country_by_iso.insert(r[0].to_string(), idx);
            if let Some(gid) = num::<u64>(r.get(10)) {
                g.capital_ids.insert(idx, gid);
            }
            if let Some(n) = r.get(11).filter(|n| !n.is_empty()) {
                let codes = n.split(',').map(str::to_string).collect();
                g.neighbours.insert(r[0].to_string(), codes);
            }
            for n in [r[3], r[4]].into_iter().chain(list(r[5])) {
                g.index_name(n, idx);
            }
            // A demonym shared by several countries ("French") goes to the most populous.
            for d in list(r[6]) {
                let pop = g.entries[idx as usize].population;
                let slot = g.demonyms.entry(fold(d)).or_insert(idx);
                if g.entries[*slot as usize].population < pop {
                    *slot = idx;
                }
            }
        }
        let mut admin1_by_code: HashMap<&str, u32> = HashMap::new();
        for r in rows_of(admin1) {
            if r.len() < 8 {
                return Err(bad("admin1.tsv", format!("{} columns", r.len())));
            }
            let idx = g.entries.len() as u32;
            g.push_entry(Entry {
                kind: Kind::Admin1,
                // "Tillabéri Region" is known as "Tillabéri", "Kaduna State" as "Kaduna".
                name: list(r[4])
                    .filter(|a| r[3].contains(a) && a.len() < r[3].len())
                    .max_by_key(|a| a.len())
                    .unwrap_or(r[3])
                    .to_string(),
                iso2: r[1].to_string(),
                admin1: Some(idx),
                admin2: None,
                lat: num(r.get(5)),
                lon: num(r.get(6)),
                population: num(r.get(7)).unwrap_or(0),
                geonameid: num(r.get(2)),
            });
            admin1_by_code.insert(r[0], idx);
            for n in std::iter::once(r[3]).chain(list(r[4])) {
                g.index_name(n, idx);
                // "Northern Darfur" is also written "North Darfur".
                for (long, short) in [
                    ("Northern ", "North "),
                    ("Southern ", "South "),
                    ("Eastern ", "East "),
                    ("Western ", "West "),
                ] {
                    if let Some(rest) = n.strip_prefix(long) {
                        g.index_name(&format!("{short}{rest}"), idx);
                    }
                }
            }
        }
        let mut admin2_by_code: HashMap<&str, u32> = HashMap::new();
        for r in rows_of(admin2) {
            if r.len() < 9 {
                return Err(bad("admin2.tsv", format!("{} columns", r.len())));
            }
            let idx = g.entries.len() as u32;
            // The name without "Cercle", "Département de", "District"...:
            // the shortest alias that is whole words of the name ("Ansongo"
            // for "Ansongo Cercle", "Ouallam" for "Département de Ouallam").
            let whole_words = |a: &str| {
                r[4].match_indices(a).any(|(i, _)| {
                    let before = r[4][..i].chars().next_back();
                    let after = r[4][i + a.len()..].chars().next();
                    before.is_none_or(|c| !c.is_alphanumeric())
                        && after.is_none_or(|c| !c.is_alphanumeric())
                })
            };
            let short = list(r[5])
                .filter(|a| a.chars().count() >= 3 && whole_words(a))
                .min_by_key(|a| a.len())
                .unwrap_or(r[4]);
            g.push_entry(Entry {
                kind: Kind::Admin2,
                name: short.to_string(),
                iso2: r[1].to_string(),
                admin1: admin1_by_code.get(r[2]).copied(),
                admin2: Some(idx),
                lat: num(r.get(6)),
                lon: num(r.get(7)),
                population: num(r.get(8)).unwrap_or(0),
                geonameid: num(r.get(3)),
            });
            admin2_by_code.insert(r[0], idx);
            for n in std::iter::once(r[4]).chain(list(r[5])) {
                g.index_name(n, idx);
            }
        }
        g.admin_codes = admin1_by_code
            .iter()
            .chain(admin2_by_code.iter())
            .map(|(k, v)| (k.to_string(), *v))
            .collect();
        Ok(g)
    }

    /// Adds the places parsed from places.tsv, in the units their admin
    /// codes name.
    fn add_places(&mut self, places: ParsedPlaces) {
        let text = &places.text;
        for p in places.parts {
            self.entries.reserve(p.rows.len());
            self.max_tokens = self.max_tokens.max(p.max_tokens);
            let mut start = 0;
            for ((mut e, a1, a2), end) in p.rows.into_iter().zip(p.name_ends) {
                e.admin1 = self.admin_codes.get(&text[a1]).copied();
                e.admin2 = self.admin_codes.get(&text[a2]).copied();
                let idx = self.push_entry(e);
                for &d in &p.digests[start..end as usize] {
                    self.names.add(d, idx);
                }
                start = end as usize;
            }
        }
        // (the capitals, now that their places are entries)
        let wanted: HashMap<u64, u32> = self.capital_ids.iter().map(|(&c, &g)| (g, c)).collect();
        for (i, e) in self.entries.iter().enumerate() {
            if e.kind == Kind::Place {
                if let Some(&country) = e.geonameid.and_then(|g| wanted.get(&g)) {
                    self.capitals.insert(country, i as u32);
                }
            }
        }
    }

    /// The capital of a country entry ("the Moroccan capital": Rabat).
    pub fn capital_of(&self, country: u32) -> Option<u32> {
        self.capitals.get(&country).copied()
    }

    pub(crate) fn push_entry(&mut self, e: Entry) -> u32 {
        let idx = self.entries.len() as u32;
        if e.kind == Kind::Admin1 {
            self.admin1_by_iso
                .entry(e.iso2.clone())
                .or_default()
                .push((idx, fold(&e.name)));
        }
        self.entries.push(e);
        idx
    }

    pub(crate) fn index_name(&mut self, name: &str, idx: u32) {
        let mut key = std::mem::take(&mut self.key_buf);
        fold_into(name, &mut key);
        if !key.is_empty() {
            self.max_tokens = self.max_tokens.max(key.split(' ').count().min(6));
            self.names.add(NameIndex::digest(&key), idx);
        }
        self.key_buf = key;
    }

    /// Entries whose name or alias folds to `folded`.
    pub fn lookup(&self, folded: &str) -> &[u32] {
        self.names.get(folded)
    }

    /// The country a demonym ("Malian", "nigérien") refers to.
    pub fn demonym(&self, folded: &str) -> Option<u32> {
        self.demonyms.get(folded).copied()
    }

    /// Whether two countries (ISO codes) share a land border.
    pub fn borders(&self, a: &str, b: &str) -> bool {
        self.neighbours
            .get(a)
            .is_some_and(|n| n.iter().any(|c| c == b))
    }

    /// The entry index of the country with this ISO code.
    pub fn country_index(&self, iso2: &str) -> Option<u32> {
        self.country_by_iso.get(iso2).copied()
    }

    pub fn country(&self, iso2: &str) -> Option<&Entry> {
        self.country_by_iso
            .get(iso2)
            .map(|&i| &self.entries[i as usize])
    }

    /// A word that is a place only by accident when alone and without a cue.
    pub fn is_common_word(&self, folded: &str) -> bool {
        self.common_words.contains(folded)
    }

    /// Words (folded, one or two) that name armed forces or their weapons
    /// ("air strikes", "armee"): see `data/geo/force_words.txt`.
    pub fn is_force_word(&self, folded: &str) -> bool {
        self.force_words.contains(folded)
    }

    /// Words (folded, one or two) for a state's missions and bodies that
    /// stand abroad ("embassy", "hopital"): see
    /// `data/geo/mission_words.txt`.
    pub fn is_mission_word(&self, folded: &str) -> bool {
        self.mission_words.contains(folded)
    }

    /// A word that is never a one-word place name (months, weekdays).
    pub fn is_never_place(&self, folded: &str) -> bool {
        self.never_places.contains(folded)
    }

    /// Admin1 units of a country with their folded names (for fuzzy
    /// matching of region names).
    pub fn admin1_of(&self, iso2: &str) -> impl Iterator<Item = (u32, &str)> + '_ {
        self.admin1_by_iso
            .get(iso2)
            .into_iter()
            .flatten()
            .map(|(i, name)| (*i, name.as_str()))
    }

    /// The populated place of a country nearest a point (a scan of the
    /// country's places: for the rare event told only by its distance from
    /// a town, "60 km south-east of Niamey").
    pub fn nearest_place(&self, iso2: &str, at: (f64, f64)) -> Option<u32> {
        let by_country = self.places_by_country.get_or_init(|| {
            let mut m: HashMap<String, Vec<u32>> = HashMap::new();
            for (i, e) in self.entries.iter().enumerate() {
                if e.kind == Kind::Place && e.lat.is_some() && e.lon.is_some() {
                    m.entry(e.iso2.clone()).or_default().push(i as u32);
                }
            }
            m
        });
        let mut best: Option<(f64, u32)> = None;
        for &i in by_country.get(iso2)? {
            let e = &self.entries[i as usize];
            let (Some(lat), Some(lon)) = (e.lat, e.lon) else {
                continue;
            };
            // (a cheap box first: one degree of latitude is 111 km)
            if best.is_some_and(|(d, _)| (lat - at.0).abs() * 111.0 > d) {
                continue;
            }
            let d = crate::distance_km(at, (lat, lon));
            if best.is_none_or(|(b, _)| d < b) {
                best = Some((d, i));
            }
        }
        best.map(|(_, i)| i)
    }

    /// The ACLED-style location of an entry.
    pub fn location(&self, idx: u32, geo_precision: u8) -> Location {
        let e = &self.entries[idx as usize];
        let country = self.country(&e.iso2);
        let name_of = |i: Option<u32>| i.map(|i| self.written_name(i).to_string());
        // ACLED's halves of a unit ("Shan-North"), by the entry's admin2.
        let split = e
            .admin2
            .and_then(|a2| self.admin1_of_admin2.get(&a2))
            .cloned();
        // Uganda's ACLED admin1 is a district, the gazetteer's admin2.
        let (admin1, admin2) = match e.admin2 {
            Some(a2) if self.admin1_is_admin2.contains(&e.iso2) => (Some(a2), None),
            _ => (e.admin1, e.admin2),
        };
        // Hong Kong's ACLED admin1 is Hong Kong, its districts admin2.
        let (split, admin1, admin2) = match country {
            Some(c) if self.admin1_is_country.contains(&e.iso2) => {
                (Some(c.name.clone()), None, admin1)
            }
            _ => (split, admin1, admin2),
        };
        Location {
            name: self.written_name(idx).to_string(),
            country: country
                .map(|c| c.name.clone())
                .unwrap_or_else(|| e.iso2.clone()),
            country_code: e.iso2.clone(),
            admin1: split.or_else(|| name_of(admin1)),
            admin2: name_of(admin2),
            admin3: None,
            latitude: e.lat,
            longitude: e.lon,
            geo_precision,
            geonames_id: e.geonameid,
            raw_name: None,
            feature: e.kind.as_str().to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_name_index_keeps_each_names_entries_in_order_once() {
        let mut index = NameIndex::with_capacity(4);
        let gao = NameIndex::digest("gao");
        for idx in [7, 3, 7, 9, 3] {
            index.add(gao, idx);
        }
        index.add(NameIndex::digest("menaka"), 5);
        index.add(NameIndex::digest("menaka"), 5);
        for i in 0..1000 {
            index.add(NameIndex::digest(&format!("place {i}")), 100 + i);
        }
        assert_eq!(index.get("gao"), &[7, 3, 9]);
        assert_eq!(index.get("menaka"), &[5]);
        assert_eq!(index.get("place 999"), &[1099]);
        assert!(index.get("ga").is_empty());
        assert!(index.get("").is_empty());
    }

    #[test]
    fn countries_take_acled_names_and_keep_their_own() {
        let g = Gazetteer::global();
        let tr = g.country("TR").unwrap();
        assert_eq!(tr.name, "Turkey");
        for name in ["turkey", "turkiye"] {
            assert!(
                g.lookup(name)
                    .iter()
                    .any(|&i| g.entries[i as usize].iso2 == "TR"),
                "{name}"
            );
        }
        assert_eq!(
            g.country("CD").unwrap().name,
            "Democratic Republic of Congo"
        );
        assert_eq!(g.forces_of("Philippines"), "the Philippines");
        assert_eq!(g.forces_of("Mali"), "Mali");
        let mut g2 = Gazetteer::embedded().unwrap();
        assert!(g2.use_acled_names("TR\tTurkey\tthe\textra\n").is_err());
        assert!(g2.use_acled_names("XX\tNowhere\t\n").is_err());
        assert!(g2.use_acled_names("TR\tTurkey\tthe\n").is_ok());
    }

    #[test]
    fn admin_units_are_written_as_acled_names_them() {
        let g = Gazetteer::global();
        // The admin names of the unit with this code.
        let at = |code: &str| {
            let l = g.location(g.admin_codes[code], 1);
            (l.admin1.unwrap_or_default(), l.admin2.unwrap_or_default())
        };
        assert_eq!(at("SY.12").0, "Idleb");
        assert_eq!(at("NE.09").0, "Tillaberi");
        assert_eq!(at("ML.05").0, "Segou");
        assert_eq!(at("CM.12").0, "Extreme-Nord");
        assert_eq!(at("YE.04").0, "Hadramawt");
        assert_eq!(at("BF.12.40"), ("Sahel".into(), "Soum".into()));
        assert_eq!(at("ML.04.7670549").1, "Douentza");
        assert_eq!(at("MM.11.MMR015D001").0, "Shan-North");
        assert_eq!(at("MM.11").0, "Shan");
        // Uganda's ACLED admin1 is the district.
        assert_eq!(at("UG.C.96"), ("Wakiso".into(), String::new()));
        // Text is still read with the gazetteer's names.
        let idlib = g.lookup("idlib");
        assert!(idlib.contains(&g.admin_codes["SY.12"]));
        assert_eq!(g.by_written_name("idleb"), &[g.admin_codes["SY.12"]]);
        assert!(g.lookup("soum").contains(&g.admin_codes["BF.12.40"]));
        let mut g2 = Gazetteer::embedded().unwrap();
        assert!(g2.use_acled_admin_names("name\tXX.99\tNowhere\n").is_err());
        assert!(g2.use_acled_admin_names("rename\tSY.12\tIdleb\n").is_err());
        assert!(g2.use_acled_admin_names("level\tUG\tadmin3\n").is_err());
        assert!(g2
            .use_acled_admin_names("split\tMM.99.X\tNowhere\n")
            .is_err());
        assert!(g2.use_acled_admin_names("name\tSY.12\tIdleb\n").is_ok());
    }

    #[test]
    fn loads_embedded_data_with_mali_regions() {
        let g = Gazetteer::global();
        assert!(g.entries.len() > 200_000);
        let menaka: Vec<&Entry> = g
            .lookup("menaka")
            .iter()
            .map(|&i| &g.entries[i as usize])
            .collect();
        assert!(
            menaka
                .iter()
                .any(|e| e.kind == Kind::Admin1 && e.iso2 == "ML"),
            "{menaka:?}"
        );
        assert!(g
            .admin1_of("ML")
            .any(|(i, _)| g.entries[i as usize].name == "Taoudénit"));
        let ansongo = g
            .lookup("ansongo")
            .iter()
            .map(|&i| g.location(i, 2))
            .find(|l| l.feature == "admin2")
            .unwrap();
        assert_eq!(
            (ansongo.name.as_str(), ansongo.admin1.as_deref()),
            ("Ansongo", Some("Gao"))
        );
        assert_eq!(
            g.demonym("malian")
                .map(|i| g.entries[i as usize].iso2.as_str()),
            Some("ML")
        );
        // Demonyms of the press the country data lacks.
        for (d, iso) in [("saudi", "SA"), ("kazakh", "KZ"), ("tadjiks", "TJ")] {
            assert_eq!(
                g.demonym(d).map(|i| g.entries[i as usize].iso2.as_str()),
                Some(iso),
                "{d}"
            );
        }
        // The press's "Congo" is DR Congo; the Republic keeps its long names.
        let isos = |name: &str| -> Vec<&str> {
            g.lookup(name)
                .iter()
                .map(|&i| g.entries[i as usize].iso2.as_str())
                .collect()
        };
        assert_eq!(isos("congo"), ["CD"]);
        assert!(isos("republique du congo").contains(&"CG"));
        assert!(isos("congo brazzaville").contains(&"CG"));
        assert_eq!(
            g.demonym("french")
                .map(|i| g.entries[i as usize].iso2.as_str()),
            Some("FR")
        );
        assert_eq!(
            g.demonym("nigerian")
                .map(|i| g.entries[i as usize].iso2.as_str()),
            Some("NG")
        );
        assert_eq!(g.country("NE").unwrap().name, "Niger");
    }
}
