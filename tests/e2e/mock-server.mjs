// A stand-in for `veille serve` with many synthetic events (default 1,000,000),
// implementing the dashboard's API contract in memory: /api/summary,
// /api/events (filters, sort, cursor pages), /api/events/{id}, /api/map
// (grid aggregation by bbox and zoom), /api/stats/timeseries, /api/alerts, and
// the dashboard's files from crates/veille-server/assets. It exists to test
// the dashboard's large-database mode; it is not the real server.
//
//   node mock-server.mjs [--events N] [--port P] [--missing map,stats/timeseries,alerts]   (on 127.0.0.1)
//   or: import { startMock } from './mock-server.mjs'
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ASSETS = path.resolve(HERE, '../../crates/veille-server/assets');
const TYPES = ['Battles', 'Violence against civilians', 'Explosions/Remote violence', 'Riots', 'Protests', 'Strategic developments'];
const SUBTYPES = ['Armed clash', 'Attack', 'Air/drone strike', 'Violent demonstration', 'Peaceful protest', 'Arrests'];
// [country, admin1, lat, lon, weight]
const PLACES = [
  ['Mali', 'Mopti', 14.49, -4.19, 9], ['Mali', 'Gao', 16.27, -0.04, 6], ['Mali', 'Tombouctou', 16.77, -3.0, 4],
  ['Mali', 'Ségou', 13.43, -6.26, 3], ['Burkina Faso', 'Sahel', 14.1, -0.15, 8], ['Burkina Faso', 'Est', 12.06, 0.35, 5],
  ['Burkina Faso', 'Centre-Nord', 13.1, -1.08, 4], ['Niger', 'Tillabéri', 14.21, 1.45, 7], ['Niger', 'Diffa', 13.32, 12.61, 3],
  ['Nigeria', 'Borno', 11.85, 13.16, 9], ['Nigeria', 'Zamfara', 12.17, 6.25, 6], ['Nigeria', 'Kaduna', 10.52, 7.44, 5],
  ['Nigeria', 'Lagos', 6.52, 3.38, 2], ['Cameroon', 'Far North', 10.59, 14.32, 4], ['Chad', 'Lac', 13.45, 14.5, 2],
  ['Senegal', 'Dakar', 14.69, -17.44, 1], ['Ghana', 'Greater Accra', 5.6, -0.19, 1]
];
const DAY0 = Math.round(Date.UTC(2022, 0, 1) / 86400000);
const DAYS = 3 * 365;

function rng(seed) { // mulberry32
  return function () {
    seed |= 0; seed = (seed + 0x6D2B79F5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const iso = (d) => new Date(d * 86400000).toISOString().slice(0, 10);
const dayOf = (s) => { const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s || ''); return m ? Math.round(Date.UTC(+m[1], +m[2] - 1, +m[3]) / 86400000) : null; };

export function makeData(n) {
  const r = rng(42);
  const lat = new Float32Array(n), lon = new Float32Array(n), day = new Uint16Array(n);
  const type = new Uint8Array(n), place = new Uint8Array(n), fat = new Int16Array(n);
  const wsum = PLACES.reduce((s, p) => s + p[4], 0);
  for (let i = 0; i < n; i++) {
    let w = r() * wsum, k = 0;
    while (w > PLACES[k][4]) { w -= PLACES[k][4]; k++; }
    const p = PLACES[k];
    const g = Math.sqrt(-2 * Math.log(r() + 1e-12)) * Math.cos(2 * Math.PI * r());
    const h = Math.sqrt(-2 * Math.log(r() + 1e-12)) * Math.cos(2 * Math.PI * r());
    lat[i] = p[2] + g * 0.9; lon[i] = p[3] + h * 0.9; place[i] = k;
    type[i] = Math.floor(r() * r() * TYPES.length);
    fat[i] = r() < 0.1 ? -1 : Math.floor(Math.pow(r(), 6) * 60);
    day[i] = Math.floor(r() * DAYS);
  }
  // newest first, ties by index: the default order of /api/events
  const byDate = Uint32Array.from({ length: n }, (_, i) => i).sort((a, b) => day[b] - day[a] || a - b);
  const rank = new Uint32Array(n); // position in byDate
  byDate.forEach((e, pos) => { rank[e] = pos; });
  return { n, lat, lon, day, type, place, fat, byDate, rank, byFat: null };
}

function eventOf(D, i) {
  const p = PLACES[D.place[i]];
  return {
    id: 'mock-' + i, event_type: TYPES[D.type[i]], sub_event_type: SUBTYPES[D.type[i]],
    event_date: iso(DAY0 + D.day[i]), time_precision: 1, date_text: 'on ' + iso(DAY0 + D.day[i]),
    location: { name: p[1] + ' village ' + (i % 97), country: p[0], country_code: null, admin1: p[1], admin2: null,
      latitude: +D.lat[i].toFixed(5), longitude: +D.lon[i].toFixed(5), geo_precision: 2 },
    actors: [{ name: 'Armed group ' + (i % 13), role: 'actor1', inter: 2 }, { name: 'Civilians (' + p[0] + ')', role: 'actor2', inter: 7 }],
    fatalities: D.fat[i] < 0 ? null : D.fat[i],
    notes: `Synthetic ${TYPES[D.type[i]].toLowerCase()} event ${i} in ${p[1]}, ${p[0]}.`,
    evidence: [], sources: [{ article_id: 'art-' + i, url: 'https://mock.example/a/' + i, title: 'Report ' + i, outlet: 'Mock Wire', publication_date: iso(DAY0 + D.day[i]) }],
    outlets: 1
  };
}

/** The article of event i: code-point offsets, with astral characters before the spans. */
function articleOf(D, i) {
  const ev = eventOf(D, i);
  const parts = [['', '🛰️ Dépêche 𝔐𝔬𝔠𝔨 — '], ['location', ev.location.admin1], ['', ' : des « '], ['actor1', ev.actors[0].name],
    ['', ' » ont attaqué 😢 le village '], ['event_date', ev.event_date], ['', '. Bilan : '],
    ['fatalities', String(ev.fatalities ?? 'inconnu')], ['', ' morts, selon des sources locales 👀.']];
  let text = '', pos = 0;
  const evidence = [];
  for (const [field, s] of parts) {
    const len = Array.from(s).length;
    if (field) evidence.push({ field, start: pos, end: pos + len, text: s });
    text += s; pos += len;
  }
  evidence.push({ field: 'notes', start: 0, end: pos, text });
  ev.evidence = evidence;
  return { event: ev, articles: [{ id: 'art-' + i, url: ev.sources[0].url, title: ev.sources[0].title, outlet: 'Mock Wire',
    publication_date: ev.event_date, text, evidence, reason: 'new event' }] };
}

function parseFilter(q) {
  const f = {};
  if (q.get('event_type')) f.type = TYPES.indexOf(q.get('event_type'));
  if (q.get('country')) f.country = q.get('country');
  if (q.get('admin1')) f.admin1 = q.get('admin1');
  if (q.get('actor')) f.actor = q.get('actor').toLowerCase();
  if (q.get('date_from')) f.from = dayOf(q.get('date_from')) - DAY0;
  if (q.get('date_to')) f.to = dayOf(q.get('date_to')) - DAY0;
  if (q.get('min_fatalities')) f.minFat = Number(q.get('min_fatalities'));
  if (q.get('bbox')) f.bbox = q.get('bbox').split(',').map(Number);
  if (q.get('q')) f.q = q.get('q').toLowerCase();
  return f;
}
function matcher(D, f) {
  const places = PLACES.map((p) => (!f.country || p[0] === f.country) && (!f.admin1 || p[1] === f.admin1));
  return (i) => {
    if (f.type !== undefined && D.type[i] !== f.type) return false;
    if (!places[D.place[i]]) return false;
    if (f.from !== undefined && D.day[i] < f.from) return false;
    if (f.to !== undefined && D.day[i] > f.to) return false;
    if (f.minFat && !(D.fat[i] >= f.minFat)) return false;
    if (f.bbox && (D.lon[i] < f.bbox[0] || D.lat[i] < f.bbox[1] || D.lon[i] > f.bbox[2] || D.lat[i] > f.bbox[3])) return false;
    if (f.actor && !('armed group ' + (i % 13)).includes(f.actor) && !('civilians (' + PLACES[D.place[i]][0] + ')').toLowerCase().includes(f.actor)) return false;
    if (f.q && !eventOf(D, i).notes.toLowerCase().includes(f.q)) return false;
    return true;
  };
}

function handleApi(D, url, stats, missing) {
  const q = url.searchParams, p = url.pathname;
  if (missing.some((m) => p === '/api/' + m || p.startsWith('/api/' + m + '/'))) return null;
  if (p === '/api/summary') {
    const byType = new Map(), byAdmin1 = new Map();
    let fat = 0;
    for (let i = 0; i < D.n; i++) {
      byType.set(TYPES[D.type[i]], (byType.get(TYPES[D.type[i]]) || 0) + 1);
      const pl = PLACES[D.place[i]];
      byAdmin1.set(pl[1] + ', ' + pl[0], (byAdmin1.get(pl[1] + ', ' + pl[0]) || 0) + 1);
      if (D.fat[i] > 0) fat += D.fat[i];
    }
    return { articles: D.n, failures: 0, events: D.n, fatalities: fat,
      by_type: [...byType].sort((a, b) => b[1] - a[1]), by_admin1: [...byAdmin1].sort((a, b) => b[1] - a[1]) };
  }
  if (p.startsWith('/api/events/')) {
    const i = Number(decodeURIComponent(p.slice(12)).replace(/^mock-/, ''));
    if (!Number.isInteger(i) || i < 0 || i >= D.n) return null;
    return articleOf(D, i);
  }
  if (p === '/api/events') {
    const f = parseFilter(q), ok = matcher(D, f);
    const limit = Math.min(1000, Number(q.get('limit') || 100));
    let order = D.byDate, rev = false;
    if (q.get('sort') === 'date_asc') rev = true;
    if (q.get('sort') === 'fatalities_desc') {
      if (!D.byFat) D.byFat = Uint32Array.from(D.byDate).sort((a, b) => D.fat[b] - D.fat[a] || D.rank[a] - D.rank[b]);
      order = D.byFat;
    }
    let pos = Number(q.get('cursor') || 0);
    const out = [];
    for (; pos < D.n && out.length < limit; pos++) {
      const i = order[rev ? D.n - 1 - pos : pos];
      if (ok(i)) out.push(eventOf(D, i));
    }
    stats.pages++;
    return { events: out, next_cursor: pos < D.n ? String(pos) : null };
  }
  if (p === '/api/map') {
    const f = parseFilter(q), ok = matcher(D, f);
    const zoom = Math.max(0, Math.min(18, Number(q.get('zoom') || 4)));
    const cell = 360 / Math.pow(2, zoom) / 4; // about 64 px at 256 px per tile
    const cells = new Map();
    let total = 0;
    const few = [];
    for (let i = 0; i < D.n; i++) {
      if (!ok(i)) continue;
      total++;
      if (few.length <= 300) few.push(i);
      const key = Math.floor(D.lon[i] / cell) * 100000 + Math.floor(D.lat[i] / cell);
      let c = cells.get(key);
      if (!c) cells.set(key, c = { lat: 0, lon: 0, count: 0, fatalities: 0, event_id: null });
      c.lat += D.lat[i]; c.lon += D.lon[i]; c.count++;
      if (D.fat[i] > 0) c.fatalities += D.fat[i];
      if (c.count === 1) c.event_id = 'mock-' + i;
    }
    stats.maps++;
    // the shape of `veille serve`: {total, events} when few match, else {total, clusters}
    if (total <= 300) return { total, events: few.map((i) => eventOf(D, i)) };
    return { total, clusters: [...cells.values()].map((c) => ({ ...c, lat: c.lat / c.count, lon: c.lon / c.count, event_id: c.count === 1 ? c.event_id : null })) };
  }
  if (p === '/api/stats/timeseries') {
    const f = parseFilter(q), ok = matcher(D, f);
    const interval = q.get('interval') || 'week', by = q.get('by') || 'type';
    const series = new Map();
    for (let i = 0; i < D.n; i++) {
      if (!ok(i)) continue;
      const d = DAY0 + D.day[i];
      let s = d;
      if (interval === 'week') s = d - ((new Date(d * 86400000).getUTCDay() + 6) % 7);
      if (interval === 'month') { const t = new Date(d * 86400000); s = Math.round(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), 1) / 86400000); }
      const key = by === 'admin1' ? PLACES[D.place[i]][1] : TYPES[D.type[i]];
      let m = series.get(key);
      if (!m) series.set(key, m = new Map());
      let pt = m.get(s);
      if (!pt) m.set(s, pt = { period: iso(s), count: 0, fatalities: 0 });
      pt.count++;
      if (D.fat[i] > 0) pt.fatalities += D.fat[i];
    }
    return { interval, by, series: [...series].map(([key, m]) => ({ key, points: [...m.values()].sort((a, b) => a.period.localeCompare(b.period)) })) };
  }
  if (p === '/api/alerts') {
    return { as_of: iso(DAY0 + DAYS - 1), rule: 'last 7 days against the previous 12 weeks (Poisson, p < 0.01)', alerts: [
      { country: 'Mali', admin1: 'Mopti', admin2: null, event_type: 'Battles', last7: 512, expected: 401.5, p_value: 0.00001, level: 'high' },
      { country: 'Nigeria', admin1: 'Borno', admin2: null, event_type: 'Riots', last7: 61, expected: 44.2, p_value: 0.008, level: 'medium' }
    ] };
  }
  return null;
}

const MIME = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.png': 'image/png' };

/** `missing`: endpoints to answer 404 for, e.g. ['map', 'stats/timeseries', 'alerts'] (an older server). */
export function startMock({ events = 1000000, port = 0, missing = [] } = {}) {
  const t0 = Date.now();
  const D = makeData(events);
  const stats = { pages: 0, maps: 0, genMs: Date.now() - t0 };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    if (url.pathname.startsWith('/api/')) {
      let body;
      try { body = handleApi(D, url, stats, missing); } catch (e) { res.writeHead(500); res.end(String(e)); return; }
      if (!body) { res.writeHead(404, { 'content-type': 'application/json' }); res.end('{"error":"not found"}'); return; }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
      return;
    }
    const rel = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname.slice(1));
    const file = path.resolve(ASSETS, rel);
    if (!file.startsWith(ASSETS + path.sep) || !fs.existsSync(file)) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { 'content-type': MIME[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => {
    resolve({ server, url: `http://127.0.0.1:${server.address().port}/`, stats, close: () => new Promise((r) => server.close(r)) });
  }));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (k, d) => { const i = process.argv.indexOf(k); return i > 0 ? Number(process.argv[i + 1]) : d; };
  const mi = process.argv.indexOf('--missing');
  const m = await startMock({ events: arg('--events', 1000000), port: arg('--port', 8092),
    missing: mi > 0 ? process.argv[mi + 1].split(',') : [] });
  console.log(`mock veille with ${m.stats.genMs} ms of data generation listening on ${m.url}`);
}
