#!/usr/bin/env python3
"""Writes data/gazetteer/regions.tsv: ACLED's region and the ISO 3166-1
numeric code (ACLED's `iso` column) of every country.

ACLED names regions after the UN geoscheme's subregions, with its own
groupings; npm world-countries (ODbL 1.0) carries each country's subregion.
The mapping below turns one into the other; the overrides are the countries
ACLED files elsewhere than the UN does (Iran in the Middle East, the
Caucasus with Central Asia, Mexico in Central America, South Sudan in
Eastern Africa).

Usage: scripts/build-regions.py PATH/TO/world-countries-5.1.0.tgz > data/gazetteer/regions.tsv
(scripts/build-gazetteer.sh fetches that package with its checksum.)
"""
import json
import sys
import tarfile

SUBREGION = {
    "Western Africa": "Western Africa",
    "Middle Africa": "Middle Africa",
    "Eastern Africa": "Eastern Africa",
    "Southern Africa": "Southern Africa",
    "Northern Africa": "Northern Africa",
    "Western Asia": "Middle East",
    "Southern Asia": "South Asia",
    "South-Eastern Asia": "Southeast Asia",
    "Eastern Asia": "East Asia",
    "Central Asia": "Caucasus and Central Asia",
    "Northern Europe": "Europe",
    "Western Europe": "Europe",
    "Southern Europe": "Europe",
    "Eastern Europe": "Europe",
    "Central Europe": "Europe",
    "Southeast Europe": "Europe",
    "North America": "North America",
    "Central America": "Central America",
    "South America": "South America",
    "Caribbean": "Caribbean",
    "Australia and New Zealand": "Oceania",
    "Melanesia": "Oceania",
    "Micronesia": "Oceania",
    "Polynesia": "Oceania",
    "": "Antarctica",
}
OVERRIDES = {
    "IR": "Middle East",
    "AM": "Caucasus and Central Asia",
    "AZ": "Caucasus and Central Asia",
    "GE": "Caucasus and Central Asia",
    "MX": "Central America",
    "SS": "Eastern Africa",
}


def main(path: str) -> None:
    with tarfile.open(path) as t:
        countries = json.load(t.extractfile("package/countries.json"))
    print("# ACLED region and ISO 3166-1 numeric code of each country (by ISO alpha-2). Built by")
    print("# scripts/build-regions.py from npm world-countries 5.1.0 (Mohammed Le Doze, ODbL 1.0: this file is under ODbL 1.0).")
    print("iso2\tiso_numeric\tregion")
    for c in sorted(countries, key=lambda c: c["cca2"]):
        region = OVERRIDES.get(c["cca2"]) or SUBREGION[c["subregion"]]
        numeric = int(c["ccn3"]) if c.get("ccn3") else ""
        print(f"{c['cca2']}\t{numeric}\t{region}")


if __name__ == "__main__":
    main(sys.argv[1])
