/* veille dashboard: plain ES2017, no build step, no network beyond this server.
 * All untrusted text goes through textContent / DOM nodes, never innerHTML.
 *
 * Two modes, chosen at load from /api/summary:
 *  - local: up to LOCAL_MAX events are loaded once; filtering, clustering and
 *    the timeline are computed in the page (works with the minimal API).
 *  - remote: more events than that; the server filters and aggregates
 *    (/api/map by bbox and zoom, /api/events with cursor pages,
 *    /api/stats/timeseries). Widgets whose endpoint is missing are hidden or
 *    fall back to what the page can compute from one page of events. */
(function () {
  'use strict';

  var TYPE_COLORS = {
    'Battles': '#d62728',
    'Violence against civilians': '#9467bd',
    'Explosions/Remote violence': '#ff7f0e',
    'Riots': '#8c564b',
    'Protests': '#1f77b4',
    'Strategic developments': '#2ca02c'
  };
  var OTHER_COLOR = '#777777';
  var INTER_LABELS = {
    0: 'unknown', 1: 'State forces', 2: 'Rebel group', 3: 'Political militia',
    4: 'Identity militia', 5: 'Rioters', 6: 'Protesters', 7: 'Civilians', 8: 'External/other forces'
  };
  var TIME_PRECISION = { 1: 'exact day', 2: 'within a week', 3: 'within a month' };
  var GEO_PRECISION = { 1: 'exact place', 2: 'near / part of region', 3: 'wider area (admin capital)' };
  var WEST_AFRICA = [[4, -18], [25, 25]];
  var LOCAL_MAX = 1000;    // at most this many events are handled in the page
  var PAGE_SIZE = 100;     // table page in remote mode
  var CLUSTER_CELL = 48;   // px: grid cell of client-side clustering
  // Natural Earth admin-1 boundaries in two files (see vendor/README.md): Africa, finer, and the rest of
  // the world, coarser; each fetched when the map first shows its area or the admin-1 filter is used.
  var AFRICA_BOUNDS = [[-35.5, -26], [38, 64]];
  var ADMIN1_PARTS = [
    { url: 'vendor/admin1-africa.json', inside: AFRICA_BOUNDS },
    { url: 'vendor/admin1-world.json', inside: null } // wanted when the view is not all within Africa
  ];
  var ADMIN1_MIN_ZOOM = 4; // admin-1 lines are drawn from this zoom on (too dense below)
  var DAY = 86400000;

  var state = {
    mode: 'local',
    events: [],            // local mode: every event
    filtered: [],          // local mode: events matching the filters
    byId: new Map(),       // every event object seen (both modes)
    summary: null,
    selected: null,
    detailSeq: 0,
    sort: 'date_desc',
    table: { rows: [], cursor: null },
    mapLayers: new Map(),  // event id -> marker currently on the map
    interval: null,
    bins: [],
    features: { map: true, timeseries: true },
    aborts: {}
  };
  var map, markerLayer, selectedRing = null;
  // admin-1 boundaries: fetched once, after the first load, when first wanted
  var admin1 = {
    allowed: false, borders: null, renderer: null, highlight: null, highlightKey: '',
    parts: ADMIN1_PARTS.map(function (p) { return { url: p.url, inside: p.inside, promise: null, topo: null, lines: null }; })
  };
  var countriesTopo = null;
  var COUNTRY_STYLE = { color: '#9a9a9a', weight: 0.7, fillColor: '#f3f1ea', fillOpacity: 1 };

  // ---------- helpers ----------
  function $(id) { return document.getElementById(id); }

  /** el('div', {class: 'x', href: url}, 'text', childNode, ...) */
  function el(tag, attrs) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      var v = attrs[k];
      if (v === null || v === undefined || v === false) return;
      if (k === 'class') node.className = v;
      else if (k === 'dataset') Object.assign(node.dataset, v);
      else if (k === 'style') Object.assign(node.style, v);
      else node.setAttribute(k, v === true ? '' : String(v));
    });
    for (var i = 2; i < arguments.length; i++) append(node, arguments[i]);
    return node;
  }
  function append(node, child) {
    if (child === null || child === undefined || child === false) return;
    if (Array.isArray(child)) child.forEach(function (c) { append(node, c); });
    else node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  var SVG_NS = 'http://www.w3.org/2000/svg';
  function svg(tag, attrs, text) {
    var node = document.createElementNS(SVG_NS, tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, String(attrs[k])); });
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function colorOf(type) { return TYPE_COLORS[type] || OTHER_COLOR; }
  function hasCoords(ev) {
    var l = ev.location || {};
    return typeof l.latitude === 'number' && typeof l.longitude === 'number';
  }
  function radiusOf(ev) {
    return typeof ev.fatalities === 'number' && ev.fatalities > 0 ? 5 + 3 * Math.sqrt(Math.min(ev.fatalities, 400)) : 5;
  }
  function fmtInt(n) { return Number(n).toLocaleString('en-US'); }
  function actorNames(ev) { return (ev.actors || []).map(function (a) { return a.name; }).join('; '); }
  function safeUrl(u) { return /^https?:\/\//i.test(u || '') ? u : null; }
  function setStatus(msg, isError) {
    var s = $('status');
    s.hidden = !msg;
    s.className = isError ? 'error' : '';
    s.textContent = msg || '';
  }
  function debounce(fn, ms) {
    var t = null;
    return function () { clearTimeout(t); t = setTimeout(fn, ms); };
  }
  /** Fetches JSON; a newer call on the same channel aborts the older one. */
  async function getJSON(url, channel) {
    var opts = { headers: { Accept: 'application/json' } };
    if (channel) {
      if (state.aborts[channel]) state.aborts[channel].abort();
      var ctl = new AbortController();
      state.aborts[channel] = ctl;
      opts.signal = ctl.signal;
    }
    var res = await fetch(url, opts);
    if (!res.ok) {
      var err = new Error(url.split('?')[0] + ': HTTP ' + res.status);
      err.status = res.status;
      throw err;
    }
    return res.json();
  }
  function isAbort(e) { return e && e.name === 'AbortError'; }
  /** An optional endpoint that is not there (yet): hide its widget quietly. */
  function isMissing(e) { return e && (e.status === 404 || e.status === 405 || e.status === 501); }

  // ---------- dates (UTC day numbers) ----------
  function dayOf(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || '');
    return m ? Math.round(Date.UTC(+m[1], +m[2] - 1, +m[3]) / DAY) : null;
  }
  function isoOf(day) { return new Date(day * DAY).toISOString().slice(0, 10); }
  /** Start of the period (day, ISO week from Monday, month) containing `day`. */
  function periodStart(day, interval) {
    if (interval === 'week') return day - ((new Date(day * DAY).getUTCDay() + 6) % 7);
    if (interval === 'month') { var d = new Date(day * DAY); return Math.round(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / DAY); }
    return day;
  }
  function periodEnd(start, interval) { // exclusive
    if (interval === 'week') return start + 7;
    if (interval === 'month') { var d = new Date(start * DAY); return Math.round(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / DAY); }
    return start + 1;
  }
  function intervalFor(spanDays) { return spanDays <= 60 ? 'day' : spanDays <= 730 ? 'week' : 'month'; }

  // ---------- filters ----------
  function currentFilter() {
    var minF = parseInt($('filter-min-fatalities').value, 10);
    return {
      type: $('filter-type').value,
      country: $('filter-country').value,
      admin1: $('filter-admin1').value,
      actor: $('filter-actor').value.trim(),
      from: $('filter-from').value,
      to: $('filter-to').value,
      minFat: isNaN(minF) ? 0 : minF,
      text: $('filter-text').value.trim(),
      inView: $('filter-inview').checked
    };
  }

  function viewBbox() {
    var b = map.getBounds();
    function c(v, lo, hi) { return Math.max(lo, Math.min(hi, v)); }
    var w = b.getWest(), e = b.getEast();
    if (e - w >= 360) { w = -180; e = 180; }
    return [c(w, -180, 180), c(b.getSouth(), -90, 90), c(e, -180, 180), c(b.getNorth(), -90, 90)]
      .map(function (v) { return +v.toFixed(4); });
  }

  /** Query parameters of the event filters, as the API names them. */
  function filterParams(f, opts) {
    opts = opts || {};
    var p = new URLSearchParams();
    if (f.type) p.set('event_type', f.type);
    if (f.country) p.set('country', f.country);
    if (f.admin1) p.set('admin1', f.admin1);
    if (f.actor) p.set('actor', f.actor);
    if (!opts.noDates && f.from) p.set('date_from', f.from);
    if (!opts.noDates && f.to) p.set('date_to', f.to);
    if (f.minFat > 0) p.set('min_fatalities', String(f.minFat));
    if (f.text) p.set('q', f.text);
    if (f.inView && !opts.noBbox && map) p.set('bbox', viewBbox().join(','));
    return p;
  }

  function matches(ev, f, opts) {
    opts = opts || {};
    var loc = ev.location || {};
    if (f.type && ev.event_type !== f.type) return false;
    if (f.country && loc.country !== f.country) return false;
    if (f.admin1 && loc.admin1 !== f.admin1) return false;
    if (!opts.noDates && f.from && !(ev.event_date >= f.from)) return false;
    if (!opts.noDates && f.to && !(ev.event_date <= f.to)) return false;
    if (f.minFat > 0 && !(typeof ev.fatalities === 'number' && ev.fatalities >= f.minFat)) return false;
    if (f.actor) {
      var a = f.actor.toLowerCase();
      if (!(ev.actors || []).some(function (x) { return (x.name || '').toLowerCase().indexOf(a) >= 0; })) return false;
    }
    if (f.text) {
      var hay = [ev.notes, loc.name, loc.admin1, loc.admin2, loc.country, ev.sub_event_type, actorNames(ev)].join(' ').toLowerCase();
      if (!f.text.toLowerCase().split(/\s+/).every(function (w) { return hay.indexOf(w) >= 0; })) return false;
    }
    if (f.inView && !opts.noBbox) {
      if (!hasCoords(ev)) return false;
      if (!map.getBounds().contains([loc.latitude, loc.longitude])) return false;
    }
    return true;
  }

  function fillSelect(sel, items, keep) {
    var first = sel.options[0];
    var prev = keep ? sel.value : '';
    clear(sel);
    sel.appendChild(first);
    items.forEach(function (it) { sel.appendChild(el('option', { value: it.value }, it.label)); });
    sel.value = items.some(function (it) { return it.value === prev; }) ? prev : '';
  }

  /** Places known to the page: [{country, admin1, n}] from the events or the summary. */
  function knownPlaces() {
    var m = new Map();
    if (state.mode === 'local') {
      state.events.forEach(function (ev) {
        var l = ev.location || {};
        if (!l.country) return;
        var k = l.country + '\u0000' + (l.admin1 || '');
        var cur = m.get(k) || { country: l.country, admin1: l.admin1 || '', n: 0 };
        cur.n++;
        m.set(k, cur);
      });
    } else {
      ((state.summary || {}).by_admin1 || []).forEach(function (pair) {
        var s = String(pair[0] || ''), i = s.lastIndexOf(', ');
        if (i < 0) return;
        m.set(s, { country: s.slice(i + 2), admin1: s.slice(0, i), n: pair[1] || 0 });
      });
    }
    return Array.from(m.values());
  }

  function refreshAdmin1Options() {
    var country = $('filter-country').value;
    var counts = new Map();
    knownPlaces().forEach(function (p) {
      if (!p.admin1 || (country && p.country !== country)) return;
      var k = p.admin1 + (country ? '' : ', ' + p.country);
      var cur = counts.get(p.admin1) || { n: 0, label: k };
      cur.n += p.n;
      counts.set(p.admin1, cur);
    });
    fillSelect($('filter-admin1'), Array.from(counts.keys()).sort().map(function (a) {
      return { value: a, label: counts.get(a).label + ' (' + fmtInt(counts.get(a).n) + ')' };
    }), true);
  }

  function initFilters() {
    var types = Object.keys(TYPE_COLORS);
    var seen = state.mode === 'local'
      ? state.events.map(function (ev) { return ev.event_type; })
      : ((state.summary || {}).by_type || []).map(function (p) { return p[0]; });
    seen.forEach(function (t) { if (t && types.indexOf(t) < 0) types.push(t); });
    fillSelect($('filter-type'), types.map(function (t) { return { value: t, label: t }; }));

    var countries = new Map();
    knownPlaces().forEach(function (p) { countries.set(p.country, (countries.get(p.country) || 0) + p.n); });
    fillSelect($('filter-country'), Array.from(countries.keys()).sort().map(function (c) {
      return { value: c, label: c + ' (' + fmtInt(countries.get(c)) + ')' };
    }));
    refreshAdmin1Options();

    // actor suggestions: the most frequent names among the loaded events
    var actors = new Map();
    state.events.forEach(function (ev) {
      (ev.actors || []).forEach(function (a) { if (a.name) actors.set(a.name, (actors.get(a.name) || 0) + 1); });
    });
    var dl = $('actor-list');
    clear(dl);
    Array.from(actors.entries()).sort(function (a, b) { return b[1] - a[1]; }).slice(0, 300)
      .forEach(function (e) { dl.appendChild(el('option', { value: e[0] })); });

    var form = $('filters');
    var later = debounce(applyFilters, 250);
    form.addEventListener('input', function (e) {
      if (e.target.matches('input[type=search], input[type=text], input[type=number]')) later();
    });
    form.addEventListener('change', function (e) {
      if (e.target.id === 'filter-country') refreshAdmin1Options();
      applyFilters();
    });
    form.addEventListener('reset', function () {
      setTimeout(function () { refreshAdmin1Options(); applyFilters(); }, 0);
    });
  }

  function setFilters(values) {
    if ('type' in values) $('filter-type').value = values.type || '';
    if ('country' in values) { $('filter-country').value = values.country || ''; refreshAdmin1Options(); }
    if ('admin1' in values) $('filter-admin1').value = values.admin1 || '';
    if ('from' in values) $('filter-from').value = values.from || '';
    if ('to' in values) $('filter-to').value = values.to || '';
    applyFilters();
  }

  function updateExportLinks(f) {
    var p = filterParams(f);
    ['csv', 'geojson'].forEach(function (fmt) {
      var q = new URLSearchParams(p);
      q.set('format', fmt);
      $('export-' + fmt).setAttribute('href', 'api/export?' + q.toString());
    });
  }

  function applyFilters() {
    var f = currentFilter();
    updateExportLinks(f);
    updateAdmin1();
    document.querySelectorAll('#sum-types .chip').forEach(function (c) { c.classList.toggle('active', !!f.type && c.dataset.type === f.type); });
    if (state.mode === 'local') {
      state.filtered = state.events.filter(function (ev) { return matches(ev, f); });
      renderMapLocal();
      renderTable(sortLocal(state.filtered), false);
      var noGeo = state.filtered.filter(function (ev) { return !hasCoords(ev); }).length;
      $('filter-count').textContent = fmtInt(state.filtered.length) + ' of ' + fmtInt(state.events.length) + ' shown' +
        (noGeo ? ' (' + noGeo + ' without coordinates, table only)' : '');
      renderTimelineLocal(f);
    } else {
      refreshMapRemote();
      refreshTableRemote(false);
      refreshTimelineRemote(f);
    }
  }

  // ---------- map ----------
  function initMap() {
    map = L.map('map', { zoomSnap: 0.5, worldCopyJump: true, minZoom: 2, maxZoom: 12 });
    map.attributionControl.setPrefix('Leaflet');
    map.attributionControl.addAttribution('Boundaries: Natural Earth');
    // countries (fill and borders), then admin-1 lines, then the country borders again (drawn only
    // while admin-1 is shown, so that the lines stay under them), all under the markers (overlay pane, 400)
    map.createPane('countries').style.zIndex = 350;
    map.createPane('admin1').style.zIndex = 355;
    map.createPane('borders').style.zIndex = 360;
    markerLayer = L.layerGroup().addTo(map);

    var legend = L.control({ position: 'bottomright' });
    legend.onAdd = function () {
      var box = el('div', { class: 'legend', 'data-testid': 'map-legend' }, el('strong', null, 'Event type'));
      Object.keys(TYPE_COLORS).forEach(function (t) {
        box.appendChild(el('div', null, el('span', { class: 'swatch', style: { background: TYPE_COLORS[t] } }), t));
      });
      box.appendChild(el('div', { class: 'legend-note' }, 'circle size ∝ √fatalities; numbered discs are clusters'));
      return box;
    };
    legend.addTo(map);

    var moved = debounce(function () {
      if (state.mode === 'remote') {
        refreshMapRemote();
        if ($('filter-inview').checked) { refreshTableRemote(false); refreshTimelineRemote(currentFilter()); }
      } else if ($('filter-inview').checked) {
        applyFilters();
      }
    }, 200);
    map.on('moveend', moved);
    map.on('zoomend', function () { if (state.mode === 'local' && !$('filter-inview').checked) renderMapLocal(); });
    map.on('moveend', updateAdmin1); // zooms end with a moveend too
  }

  /** `pending`: the fetch of the boundaries, started early; parsed once the events are drawn. */
  async function loadCountries(pending) {
    try {
      var res = await pending;
      if (!res.ok) throw new Error('HTTP ' + res.status);
      var topo = await res.json();
      var geo = topojson.feature(topo, topo.objects.countries);
      L.geoJSON(geo, {
        pane: 'countries',
        renderer: L.canvas({ pane: 'countries' }),
        interactive: false,
        style: COUNTRY_STYLE
      }).addTo(map);
      countriesTopo = topo;
    } catch (e) {
      console.warn('country outlines unavailable', e);
    }
  }

  // ---------- admin-1 boundaries ----------
  /** Fetches and prepares one file of admin-1 boundaries once; resolves to its topology, or to null when unavailable. */
  function loadAdmin1(part) {
    if (!part.promise) {
      part.promise = fetch(part.url).then(function (res) {
        if (!res.ok) throw new Error('HTTP ' + res.status);
        return res.json();
      }).then(function (topo) {
        var obj = topo.objects.admin1;
        if (!admin1.renderer) admin1.renderer = L.canvas({ pane: 'admin1' });
        // boundaries between two units of the same country only: the country borders are drawn apart
        var lines = topojson.mesh(topo, obj, function (a, b) {
          return a !== b && a.properties.admin === b.properties.admin;
        });
        part.lines = L.geoJSON(lines, {
          pane: 'admin1', renderer: admin1.renderer, interactive: false,
          style: { color: '#b3ad9f', weight: 0.6, dashArray: '3 2', fill: false }
        });
        // the country borders over the admin-1 lines: each border once, coasts included
        if (countriesTopo && !admin1.borders) {
          admin1.borders = L.geoJSON(topojson.mesh(countriesTopo, countriesTopo.objects.countries), {
            pane: 'borders', renderer: L.canvas({ pane: 'borders' }), interactive: false,
            style: { color: COUNTRY_STYLE.color, weight: COUNTRY_STYLE.weight, fill: false }
          });
        }
        part.topo = topo;
        return topo;
      }).catch(function (e) {
        console.warn('admin-1 boundaries unavailable: ' + part.url, e);
        return null;
      });
    }
    return part.promise;
  }

  /** Whether a file of admin-1 boundaries covers some of the map's view. */
  function partInView(part) {
    var view = map.getBounds();
    return part.inside ? view.intersects(L.latLngBounds(part.inside)) : !L.latLngBounds(AFRICA_BOUNDS).contains(view);
  }

  /** Shows the admin-1 lines from ADMIN1_MIN_ZOOM on, and the selected unit; loads each file when first needed. */
  function updateAdmin1() {
    if (!map || !admin1.allowed) return;
    var show = map.getZoom() >= ADMIN1_MIN_ZOOM, chosen = !!$('filter-admin1').value;
    admin1.parts.forEach(function (part) {
      if (!part.promise && (chosen || (show && partInView(part)))) {
        loadAdmin1(part).then(function (topo) { if (topo) updateAdmin1(); });
      }
      toggleLayer(part.lines, show);
    });
    highlightAdmin1();
    toggleLayer(admin1.borders, show || !!admin1.highlight);
  }
  function toggleLayer(layer, on) {
    if (!layer) return;
    if (on && !map.hasLayer(layer)) layer.addTo(map);
    else if (!on && map.hasLayer(layer)) map.removeLayer(layer);
  }

  var ADMIN1_GENERIC = new Set(['region', 'province', 'state', 'prefecture', 'governorate', 'department', 'departement',
    'district', 'division', 'county', 'municipality', 'ville', 'city', 'of', 'the', 'de', 'du', 'des', 'la', 'le', 'les', 'l', 'd']);
  /** 'Région de Tombouctou', 'Tombouctou Region', 'tombouctou' -> 'tombouctou'. */
  function admin1Key(s) {
    return String(s || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
      .split(/[^a-z0-9]+/).filter(function (w) { return w && !ADMIN1_GENERIC.has(w); }).join('');
  }

  /** The admin-1 features named `name` (any of their names) in one of the countries the events place it in. */
  function admin1Features(name, country) {
    var countries = new Set(), codes = new Set();
    if (country) countries.add(country);
    else knownPlaces().forEach(function (p) { if (p.admin1 === name) countries.add(p.country); });
    state.events.forEach(function (ev) {
      var l = ev.location || {};
      if (l.country_code && countries.has(l.country)) codes.add(String(l.country_code).toUpperCase());
    });
    var key = admin1Key(name);
    if (!key) return [];
    var feats = [];
    admin1.parts.forEach(function (part) {
      if (!part.topo) return;
      part.topo.objects.admin1.geometries.forEach(function (g) {
        var p = g.properties || {};
        if (countries.size && !countries.has(p.admin) && !codes.has(p.iso_a2)) return;
        if ([p.name].concat(String(p.name_alt || '').split('|')).some(function (n) { return admin1Key(n) === key; })) {
          feats.push(topojson.feature(part.topo, g));
        }
      });
    });
    return feats;
  }

  /** Outlines the unit chosen in the admin-1 filter (matched by name; nothing when no unit matches). */
  function highlightAdmin1() {
    var name = $('filter-admin1').value, country = $('filter-country').value;
    var loaded = admin1.parts.filter(function (p) { return p.topo; }).length;
    var key = name ? name + '\u0000' + country + '\u0000' + loaded : '';
    if (!loaded || key === admin1.highlightKey) return;
    admin1.highlightKey = key;
    if (admin1.highlight) { map.removeLayer(admin1.highlight); admin1.highlight = null; }
    var feats = name ? admin1Features(name, country) : [];
    $('map').dataset.admin1Highlight = String(feats.length);
    $('map').dataset.admin1HighlightOf = name + '|' + loaded; // the unit, and how many boundary files were searched
    if (!feats.length) return;
    admin1.highlight = L.geoJSON({ type: 'FeatureCollection', features: feats }, {
      pane: 'admin1', renderer: admin1.renderer, interactive: false,
      style: { color: '#a0522d', weight: 1.6, fillColor: '#e8b04b', fillOpacity: 0.18 }
    }).addTo(map);
  }

  function eventMarker(ev) {
    var m = L.circleMarker([ev.location.latitude, ev.location.longitude], {
      radius: radiusOf(ev), color: '#333', weight: 0.8,
      fillColor: colorOf(ev.event_type), fillOpacity: 0.78, className: 'event-marker'
    });
    m.on('add', function () {
      var p = m.getElement();
      if (p) { p.setAttribute('data-id', ev.id); p.setAttribute('data-testid', 'event-marker'); p.setAttribute('data-type', ev.event_type || ''); }
    });
    m.on('click', function () { selectEvent(ev.id, { fromMap: true }); });
    m.bindTooltip(function () {
      return el('div', null, el('strong', null, ev.event_type || ''), el('br'),
        (ev.event_date || '') + ' · ' + ((ev.location || {}).name || ''),
        ev.fatalities ? ' · ' + ev.fatalities + ' killed' : '');
    });
    return m;
  }

  /** A numbered disc; `types` (Map type -> count) colours it as a pie when known. */
  function clusterMarker(lat, lon, count, fatalities, types, onClick) {
    var size = Math.round(Math.min(56, 20 + 6 * Math.log10(Math.max(1, count))));
    var bg = '#5b6b7c';
    if (types && types.size) {
      var acc = 0, stops = [];
      Array.from(types.entries()).sort(function (a, b) { return b[1] - a[1]; }).forEach(function (e) {
        var a0 = acc / count * 360;
        acc += e[1];
        stops.push(colorOf(e[0]) + ' ' + a0.toFixed(1) + 'deg ' + (acc / count * 360).toFixed(1) + 'deg');
      });
      bg = 'conic-gradient(' + stops.join(', ') + ')';
    }
    var label = count >= 10000 ? Math.round(count / 1000) + 'k' : count >= 1000 ? (count / 1000).toFixed(1) + 'k' : String(count);
    var disc = el('div', { class: 'cluster', 'data-testid': 'map-cluster', 'data-count': count,
      style: { width: size + 'px', height: size + 'px', background: bg } }, el('span', null, label));
    var m = L.marker([lat, lon], {
      icon: L.divIcon({ className: 'cluster-icon', html: disc, iconSize: [size, size] }),
      keyboard: true, title: fmtInt(count) + ' events'
    });
    m.bindTooltip(function () {
      var box = el('div', null, el('strong', null, fmtInt(count) + ' events'),
        typeof fatalities === 'number' ? ' · ' + fmtInt(fatalities) + ' fatalities' : '');
      if (types) Array.from(types.entries()).sort(function (a, b) { return b[1] - a[1]; }).forEach(function (e) {
        box.appendChild(el('div', null, el('span', { class: 'swatch', style: { background: colorOf(e[0]) } }), e[0] + ': ' + e[1]));
      });
      box.appendChild(el('div', { class: 'muted' }, 'click to zoom in'));
      return box;
    });
    m.on('click', onClick);
    return m;
  }

  /** Zooms onto a cluster; when it cannot be split any more, lists its events. */
  function openCluster(latlng, members, bounds) {
    var atMax = map.getZoom() >= map.getMaxZoom() - 0.5;
    var samePlace = bounds && bounds.getNorthEast().equals(bounds.getSouthWest());
    if ((atMax || samePlace) && members && members.length) {
      var list = el('div', { class: 'cluster-list', 'data-testid': 'cluster-list' },
        el('strong', null, members.length + ' events here'),
        el('ul', null, members.slice(0, 50).map(function (ev) {
          var a = el('a', { href: '#event=' + encodeURIComponent(ev.id) }, (ev.event_date || '?') + ' — ' + (ev.event_type || '') +
            (ev.fatalities ? ' (' + ev.fatalities + ' killed)' : ''));
          a.addEventListener('click', function (e) { e.preventDefault(); map.closePopup(); selectEvent(ev.id, { fromMap: true }); });
          return el('li', null, el('span', { class: 'swatch', style: { background: colorOf(ev.event_type) } }), a);
        })));
      L.popup({ maxWidth: 320 }).setLatLng(latlng).setContent(list).openOn(map);
    } else if (bounds && bounds.isValid()) {
      map.fitBounds(bounds.pad(0.3), { maxZoom: Math.min(map.getMaxZoom(), map.getZoom() + 3) });
    } else {
      map.setView(latlng, Math.min(map.getMaxZoom(), map.getZoom() + 2));
    }
  }

  function setMapLayers(layers) {
    markerLayer.clearLayers();
    state.mapLayers = new Map();
    layers.forEach(function (x) {
      markerLayer.addLayer(x.layer);
      if (x.id) state.mapLayers.set(x.id, x.layer);
    });
    markSelectedOnMap();
  }

  /** Grid clustering in screen pixels at the current zoom; a lone event keeps its own marker. */
  function clusterLocal(events) {
    var zoom = map.getZoom(), grid = new Map();
    events.forEach(function (ev) {
      if (!hasCoords(ev)) return;
      var p = map.project([ev.location.latitude, ev.location.longitude], zoom);
      var key = Math.floor(p.x / CLUSTER_CELL) + ':' + Math.floor(p.y / CLUSTER_CELL);
      var g = grid.get(key);
      if (!g) grid.set(key, g = []);
      g.push(ev);
    });
    var singles = [], clusters = [];
    grid.forEach(function (g) {
      if (g.length === 1) { singles.push(g[0]); return; }
      var lat = 0, lon = 0, fat = 0, types = new Map();
      g.forEach(function (ev) {
        lat += ev.location.latitude; lon += ev.location.longitude;
        if (typeof ev.fatalities === 'number') fat += ev.fatalities;
        types.set(ev.event_type, (types.get(ev.event_type) || 0) + 1);
      });
      clusters.push({ lat: lat / g.length, lon: lon / g.length, members: g, fatalities: fat, types: types });
    });
    return { singles: singles, clusters: clusters };
  }

  function renderClustered(events) {
    var c = clusterLocal(events);
    var layers = [];
    // big circles first so that small ones stay on top and clickable
    c.singles.sort(function (a, b) { return radiusOf(b) - radiusOf(a); }).forEach(function (ev) {
      layers.push({ id: ev.id, layer: eventMarker(ev) });
    });
    c.clusters.forEach(function (cl) {
      var bounds = L.latLngBounds(cl.members.map(function (ev) { return [ev.location.latitude, ev.location.longitude]; }));
      layers.push({ layer: clusterMarker(cl.lat, cl.lon, cl.members.length, cl.fatalities, cl.types, function (e) {
        openCluster(e.latlng, cl.members, bounds);
      }) });
    });
    setMapLayers(layers);
    return c;
  }

  function renderMapLocal() {
    if (state.mode !== 'local') return;
    renderClustered(state.filtered);
  }

  async function refreshMapRemote() {
    var f = currentFilter();
    var p = filterParams(f, { noBbox: true });
    p.set('bbox', viewBbox().join(','));
    p.set('zoom', String(Math.round(map.getZoom())));
    var key = p.toString();
    if (key === state.mapKey) return; // this view is already shown (or on its way)
    state.mapKey = key;
    try {
      if (!state.features.map) throw Object.assign(new Error('no /api/map'), { status: 404 });
      var data = await getJSON('api/map?' + key, 'map');
      if (!state.mapFitted) {
        // first view: the whole world; then fit the map to where the events are
        state.mapFitted = true;
        var pts = (data.clusters || []).map(function (c) { return [c.lat, c.lon]; }).concat((data.events || []).filter(hasCoords)
          .map(function (ev) { return [ev.location.latitude, ev.location.longitude]; }));
        // clusters stand for areas around their centres: stay at a regional zoom at most
        if (pts.length > 1) map.fitBounds(L.latLngBounds(pts).pad(0.25), { padding: [30, 30], maxZoom: data.clusters && data.clusters.length ? 5 : 9 });
      }
      if (!data.clusters) {
        // few enough events in view: the server sends them whole and the page clusters them
        renderClustered((data.events || []).map(function (ev) { ev.id = String(ev.id); state.byId.set(ev.id, ev); return ev; }));
        return;
      }
      var layers = [];
      data.clusters.forEach(function (cl) {
        var ids = (cl.event_ids || (cl.event_id ? [cl.event_id] : [])).map(String);
        layers.push({ layer: clusterMarker(cl.lat, cl.lon, cl.count, cl.fatalities, null, function (e) {
          if (cl.count === 1 && ids.length === 1) { selectEvent(ids[0], { fromMap: true }); return; }
          openCluster(e.latlng, null, null);
        }) });
      });
      setMapLayers(layers);
    } catch (e) {
      if (isAbort(e)) return;
      state.mapKey = null;
      if (isMissing(e)) {
        // Older server: cluster one page of events in the page instead.
        state.features.map = false;
        var q = filterParams(f, { noBbox: true });
        q.set('limit', String(LOCAL_MAX));
        try {
          if (!state.fallback || state.fallback.key !== q.toString()) {
            var page = await getJSON('api/events?' + q.toString(), 'map');
            state.fallback = { key: q.toString(), events: (page.events || []).map(function (ev) {
              ev.id = String(ev.id); state.byId.set(ev.id, ev); return ev;
            }) };
            setStatus('This server has no /api/map: the map shows only the first ' + fmtInt(LOCAL_MAX) + ' matching events.');
          }
          var evs = state.fallback.events.filter(function (ev) { return matches(ev, f, { noBbox: true }); });
          if (!state.mapFitted) { state.mapFitted = true; fitInitialView(evs); }
          renderClustered(evs);
        } catch (e2) {
          if (!isAbort(e2)) setStatus('Could not load the map: ' + e2.message, true);
        }
      } else {
        setStatus('Could not load the map: ' + e.message, true);
      }
    }
  }

  function markSelectedOnMap() {
    if (selectedRing) { map.removeLayer(selectedRing); selectedRing = null; }
    var ev = state.selected && state.byId.get(state.selected);
    if (!ev || !hasCoords(ev)) return;
    selectedRing = L.circleMarker([ev.location.latitude, ev.location.longitude], {
      radius: radiusOf(ev) + 4, color: '#000', weight: 2.5, fill: false, interactive: false, className: 'selected-ring'
    }).addTo(map);
  }

  function fitInitialView(events) {
    var pts = events.filter(hasCoords).map(function (ev) {
      return [ev.location.latitude, ev.location.longitude];
    });
    if (pts.length === 0) map.fitBounds(WEST_AFRICA);
    else if (pts.length === 1) map.setView(pts[0], 7);
    else map.fitBounds(L.latLngBounds(pts), { padding: [30, 30], maxZoom: 9 });
  }

  // ---------- summary ----------
  function renderSummary() {
    var s = state.summary;
    var total = 0, byType = new Map(), count = state.events.length;
    if (s && typeof s.events === 'number') {
      count = s.events;
      total = s.fatalities || 0;
      (s.by_type || []).forEach(function (p) { byType.set(p[0], p[1]); });
    } else {
      state.events.forEach(function (ev) {
        if (typeof ev.fatalities === 'number') total += ev.fatalities;
        byType.set(ev.event_type, (byType.get(ev.event_type) || 0) + 1);
      });
    }
    $('sum-events').textContent = fmtInt(count);
    $('sum-fatalities').textContent = fmtInt(total);
    if (s && typeof s.articles === 'number') $('sum-articles').textContent = fmtInt(s.articles);
    else $('sum-articles-box').hidden = true;
    var box = $('sum-types');
    clear(box);
    Array.from(byType.entries()).sort(function (a, b) { return b[1] - a[1]; }).forEach(function (e) {
      var chip = el('button', { type: 'button', class: 'chip', title: 'Show only ' + (e[0] || '(none)'), dataset: { type: e[0] || '' } },
        el('span', { class: 'swatch', style: { background: colorOf(e[0]) } }), (e[0] || '(none)') + ': ' + fmtInt(e[1]));
      chip.addEventListener('click', function () {
        setFilters({ type: $('filter-type').value === e[0] ? '' : e[0] });
      });
      box.appendChild(chip);
    });
  }

  // ---------- timeline ----------
  /** bins: [{start, end (exclusive day numbers), total, fatalities, byType: Map}] */
  function binsFromEvents(events, interval) {
    var m = new Map();
    events.forEach(function (ev) {
      var d = dayOf(ev.event_date);
      if (d === null) return;
      var s = periodStart(d, interval);
      var b = m.get(s);
      if (!b) m.set(s, b = { start: s, end: periodEnd(s, interval), total: 0, fatalities: 0, byType: new Map() });
      b.total++;
      if (typeof ev.fatalities === 'number') b.fatalities += ev.fatalities;
      b.byType.set(ev.event_type, (b.byType.get(ev.event_type) || 0) + 1);
    });
    return Array.from(m.values()).sort(function (a, b) { return a.start - b.start; });
  }

  function renderTimelineLocal(f) {
    var days = state.events.map(function (ev) { return dayOf(ev.event_date); }).filter(function (d) { return d !== null; });
    if (!days.length) { $('timeline').hidden = true; return; }
    var lo = Math.min.apply(null, days), hi = Math.max.apply(null, days);
    var interval = intervalFor(hi - lo);
    var sel = state.events.filter(function (ev) { return matches(ev, f, { noDates: true }); });
    var range = [periodStart(lo, interval), periodEnd(periodStart(hi, interval), interval)];
    drawTimeline(binsFromEvents(sel, interval), interval, range);
    var inRange = sel.filter(function (ev) { return matches(ev, f); }).length;
    $('timeline-note').textContent = fmtInt(inRange) + ' events in the selected dates';
  }

  async function refreshTimelineRemote(f) {
    if (!state.features.timeseries) return;
    var p = filterParams(f, { noDates: true });
    p.set('by', 'type');
    var interval = state.interval || 'week';
    try {
      for (var tries = 0; tries < 2; tries++) {
        p.set('interval', interval);
        var data = await getJSON('api/stats/timeseries?' + p.toString(), 'timeseries');
        var bins = binsFromSeries(data, interval);
        var n = bins.length ? (bins[bins.length - 1].start - bins[0].start) : 0;
        var want = bins.length ? intervalFor(n) : interval;
        if (want === interval || tries === 1) break;
        interval = want;
      }
      state.interval = interval;
      if (!bins.length) { drawTimeline([], interval, null); $('timeline-note').textContent = 'no dated event matches'; return; }
      drawTimeline(bins, interval, [bins[0].start, bins[bins.length - 1].end]);
      var inRange = 0, total = 0;
      var from = dayOf(f.from), to = dayOf(f.to);
      bins.forEach(function (b) {
        total += b.total;
        if ((from === null || b.end > from) && (to === null || b.start <= to)) inRange += b.total;
      });
      $('timeline-note').textContent = (from === null && to === null ? '' : '≈ ') + fmtInt(inRange) + ' matching events' +
        (from === null && to === null ? '' : ' in the selected dates (of ' + fmtInt(total) + ')');
    } catch (e) {
      if (isAbort(e)) return;
      $('timeline').hidden = true;
      if (isMissing(e)) state.features.timeseries = false; // no such endpoint: stop asking
      else console.warn('timeline unavailable', e); // may work with the next filters
    }
  }

  function binsFromSeries(data, interval) {
    var m = new Map();
    (data.series || []).forEach(function (s) {
      (s.points || []).forEach(function (pt) {
        var d = dayOf(pt.period);
        if (d === null) return;
        var st = periodStart(d, interval);
        var b = m.get(st);
        if (!b) m.set(st, b = { start: st, end: periodEnd(st, interval), total: 0, fatalities: 0, byType: new Map() });
        b.total += pt.count || 0;
        b.fatalities += pt.fatalities || 0;
        b.byType.set(s.key, (b.byType.get(s.key) || 0) + (pt.count || 0));
      });
    });
    return Array.from(m.values()).sort(function (a, b) { return a.start - b.start; });
  }

  var TL = { h: 96, top: 6, bottom: 18, left: 4, right: 4 };

  function drawTimeline(bins, interval, range) {
    var box = $('timeline');
    box.hidden = false;
    state.bins = bins;
    state.interval = interval;
    state.tlRange = range;
    $('timeline-max').textContent = bins.length ? 'tallest bar ' + fmtInt(bins.reduce(function (m, b) { return Math.max(m, b.total); }, 0)) : '';
    $('timeline-interval').textContent = interval === 'day' ? 'daily' : interval === 'week' ? 'weekly' : 'monthly';
    var host = $('timeline-chart');
    clear(host);
    var w = Math.max(200, host.clientWidth || 600);
    var s = svg('svg', { width: w, height: TL.h, viewBox: '0 0 ' + w + ' ' + TL.h, 'data-testid': 'timeline-chart', role: 'img',
      'aria-label': 'Events per ' + interval + '; drag to select dates' });
    host.appendChild(s);
    if (!range) return;
    var x0 = range[0], x1 = range[1], pw = w - TL.left - TL.right, ph = TL.h - TL.top - TL.bottom;
    function x(day) { return TL.left + (day - x0) / Math.max(1, x1 - x0) * pw; }
    state.tlX = x;
    state.tlDay = function (px) { return x0 + (px - TL.left) / pw * (x1 - x0); };
    var max = bins.reduce(function (m, b) { return Math.max(m, b.total); }, 0) || 1;
    s.appendChild(svg('line', { x1: TL.left, x2: w - TL.right, y1: TL.top + ph + 0.5, y2: TL.top + ph + 0.5, class: 'tl-axis' }));
    var f = currentFilter(), from = dayOf(f.from), to = dayOf(f.to);
    var bars = svg('g', { class: 'tl-bars' });
    bins.forEach(function (b) {
      var bx = x(b.start), bw = Math.max(1, x(b.end) - bx - 1);
      var inSel = (from === null || b.end > from) && (to === null || b.start <= to);
      var g = svg('g', { class: 'tl-bin' + (inSel ? '' : ' out'), 'data-testid': 'timeline-bin', 'data-start': isoOf(b.start) });
      var y = TL.top + ph;
      Array.from(b.byType.entries()).sort(function (a, c) { return (a[0] || '').localeCompare(c[0] || ''); }).forEach(function (e) {
        var hgt = e[1] / max * ph;
        y -= hgt;
        g.appendChild(svg('rect', { x: bx.toFixed(1), y: y.toFixed(1), width: bw.toFixed(1), height: Math.max(0.5, hgt).toFixed(1), fill: colorOf(e[0]) }));
      });
      g.appendChild(svg('title', null, isoOf(b.start) + (interval === 'day' ? '' : ' – ' + isoOf(b.end - 1)) + ': ' +
        fmtInt(b.total) + ' events, ' + fmtInt(b.fatalities) + ' fatalities'));
      bars.appendChild(g);
    });
    s.appendChild(bars);
    // ticks: first, last and a few in between, on period starts
    var nTicks = Math.max(2, Math.min(8, Math.floor(w / 110)));
    for (var i = 0; i < nTicks; i++) {
      var d = periodStart(Math.round(x0 + (x1 - 1 - x0) * i / (nTicks - 1)), interval);
      if (d < x0) d = x0;
      var tx = x(d);
      s.appendChild(svg('line', { x1: tx, x2: tx, y1: TL.top + ph, y2: TL.top + ph + 4, class: 'tl-axis' }));
      s.appendChild(svg('text', { x: tx, y: TL.h - 3, class: 'tl-tick', 'text-anchor': i === 0 ? 'start' : i === nTicks - 1 ? 'end' : 'middle' },
        interval === 'month' ? isoOf(d).slice(0, 7) : isoOf(d)));
    }
    // brush: the current date filter
    var brush = svg('rect', { class: 'tl-brush', y: TL.top, height: ph, x: 0, width: 0, 'data-testid': 'timeline-brush' });
    s.appendChild(brush);
    state.tlBrush = brush;
    showBrush(from, to);
    $('timeline-clear').hidden = from === null && to === null;
  }

  function showBrush(from, to) {
    var b = state.tlBrush;
    if (!b || !state.tlRange) return;
    if (from === null && to === null) { b.setAttribute('width', 0); b.style.display = 'none'; return; }
    var a = state.tlX(from === null ? state.tlRange[0] : Math.max(from, state.tlRange[0]));
    var z = state.tlX(to === null ? state.tlRange[1] : Math.min(to + 1, state.tlRange[1]));
    b.style.display = '';
    b.setAttribute('x', Math.min(a, z).toFixed(1));
    b.setAttribute('width', Math.max(1, Math.abs(z - a)).toFixed(1));
  }

  /** Drag on the histogram to select dates (snapped to whole periods); a click selects one bar. */
  function initTimeline() {
    var host = $('timeline-chart');
    var drag = null;
    function localX(e) { var r = host.firstChild.getBoundingClientRect(); return e.clientX - r.left; }
    function snapped(px0, px1) {
      var d0 = state.tlDay(Math.min(px0, px1)), d1 = state.tlDay(Math.max(px0, px1));
      var iv = state.interval, lo = state.tlRange[0], hi = state.tlRange[1] - 1;
      var a = periodStart(Math.floor(Math.max(lo, Math.min(hi, d0))), iv);
      var z = periodEnd(periodStart(Math.floor(Math.max(lo, Math.min(hi, d1))), iv), iv) - 1;
      return [Math.max(a, lo), Math.min(z, hi)];
    }
    host.addEventListener('pointerdown', function (e) {
      if (!state.tlRange || e.button !== 0) return;
      drag = { x0: localX(e), x1: localX(e) };
      host.setPointerCapture(e.pointerId);
      e.preventDefault();
    });
    host.addEventListener('pointermove', function (e) {
      if (!drag) return;
      drag.x1 = localX(e);
      var r = snapped(drag.x0, drag.x1);
      showBrush(r[0], r[1]);
    });
    function end(e) {
      if (!drag) return;
      var d = drag;
      drag = null;
      try { host.releasePointerCapture(e.pointerId); } catch (_) { /* already released */ }
      var r = snapped(d.x0, d.x1);
      if (Math.abs(d.x1 - d.x0) < 3) {
        // a click: one period, or clear when it is the period already selected
        var f = currentFilter();
        if (f.from === isoOf(r[0]) && f.to === isoOf(r[1])) { setFilters({ from: '', to: '' }); return; }
      }
      setFilters({ from: isoOf(r[0]), to: isoOf(r[1]) });
    }
    host.addEventListener('pointerup', end);
    host.addEventListener('pointercancel', function () { drag = null; applyFilters(); });
    $('timeline-clear').addEventListener('click', function () { setFilters({ from: '', to: '' }); });
    window.addEventListener('resize', debounce(function () {
      if (state.mode === 'local') renderTimelineLocal(currentFilter());
      else if (state.bins.length) drawTimeline(state.bins, state.interval, state.tlRange);
    }, 150));
  }

  // ---------- alerts ----------
  async function loadAlerts() {
    var box = $('alerts');
    var data;
    try {
      data = await getJSON('api/alerts');
    } catch (e) {
      box.hidden = true;
      if (!isMissing(e)) console.warn('alerts unavailable', e);
      return;
    }
    var list = $('alerts-list');
    clear(list);
    var alerts = data.alerts || [];
    $('alerts-asof').textContent = data.as_of ? 'as of ' + data.as_of : '';
    $('alerts-rule').textContent = data.rule || '';
    $('alerts-rule-box').hidden = !data.rule;
    if (!alerts.length) list.appendChild(el('li', { class: 'muted' }, 'No unusual activity.'));
    alerts.forEach(function (a) {
      var place = [a.admin2, a.admin1, a.country].filter(Boolean).join(', ');
      var item = el('li', { class: 'alert level-' + String(a.level || 'info').replace(/[^a-z]/gi, ''), 'data-testid': 'alert' },
        el('span', { class: 'alert-level' }, a.level || '?'),
        el('span', { class: 'swatch', style: { background: colorOf(a.event_type) } }),
        el('strong', null, a.event_type || 'Events'), ' in ', place || '?', ': ',
        el('span', { class: 'nowrap' }, fmtInt(a.last7 || 0) + ' in 7 days'),
        el('span', { class: 'muted' }, ' (expected ' + (typeof a.expected === 'number' ? a.expected.toFixed(1) : '?') +
          (typeof a.p_value === 'number' ? ', p=' + (a.p_value < 0.001 ? a.p_value.toExponential(1) : a.p_value.toFixed(3)) : '') + ')'));
      item.tabIndex = 0;
      item.title = 'Show these events';
      function go() {
        var asOf = dayOf(data.as_of);
        setFilters({ type: a.event_type || '', country: a.country || '', admin1: a.admin1 || '',
          from: asOf === null ? '' : isoOf(asOf - 6), to: asOf === null ? '' : isoOf(asOf) });
      }
      item.addEventListener('click', go);
      item.addEventListener('keydown', function (e) { if (e.key === 'Enter') go(); });
      list.appendChild(item);
    });
    box.hidden = false;
  }

  // ---------- table ----------
  function sortLocal(events) {
    var s = state.sort;
    function byDate(a, b) { return (a.event_date || '').localeCompare(b.event_date || '') || String(a.id).localeCompare(String(b.id)); }
    return events.slice().sort(function (a, b) {
      if (s === 'date_asc') return byDate(a, b);
      if (s === 'fatalities_desc') return (b.fatalities || 0) - (a.fatalities || 0) || byDate(b, a);
      return byDate(b, a);
    });
  }

  function renderTable(events, more) {
    var tbody = $('events-table').tBodies[0];
    var frag = document.createDocumentFragment();
    events.forEach(function (ev) {
      var loc = ev.location || {};
      var tr = el('tr', { class: 'event-row' + (hasCoords(ev) ? '' : ' no-geo'), 'data-testid': 'event-row',
        dataset: { id: ev.id, type: ev.event_type || '' }, tabindex: 0,
        title: hasCoords(ev) ? null : 'no coordinates: not on the map' },
        el('td', { class: 'nowrap' }, ev.event_date || ''),
        el('td', { class: 'col-type' }, el('span', { class: 'swatch', style: { background: colorOf(ev.event_type) } }), ev.event_type || ''),
        el('td', null, ev.sub_event_type || ''),
        el('td', null, loc.name || ''),
        el('td', null, loc.admin1 || ''),
        el('td', null, loc.country || ''),
        el('td', { class: 'num' }, typeof ev.fatalities === 'number' ? String(ev.fatalities) : '–'),
        el('td', { class: 'actors' }, actorNames(ev)),
        el('td', { class: 'num' }, String((ev.sources || []).length)));
      if (ev.id === state.selected) tr.classList.add('selected');
      frag.appendChild(tr);
    });
    if (!events.length) {
      frag.appendChild(el('tr', { class: 'empty-row' }, el('td', { colspan: 9 },
        state.mode === 'remote' || state.events.length ? 'No event matches the filters.' : 'No events yet.')));
    }
    clear(tbody);
    tbody.appendChild(frag);
    $('table-more').hidden = !more;
    document.querySelectorAll('#events-table th[data-sort]').forEach(function (th) {
      var k = th.dataset.sort;
      var on = k === state.sort || (k === 'date_desc' && state.sort === 'date_asc');
      th.setAttribute('aria-sort', !on ? 'none' : state.sort === 'date_asc' ? 'ascending' : 'descending');
    });
  }

  async function refreshTableRemote(more) {
    var p = filterParams(currentFilter());
    p.set('limit', String(PAGE_SIZE));
    p.set('sort', state.sort);
    if (more && state.table.cursor) p.set('cursor', state.table.cursor);
    try {
      var data = await getJSON('api/events?' + p.toString(), 'table');
      var evs = (data.events || []).map(function (ev) { ev.id = String(ev.id); state.byId.set(ev.id, ev); return ev; });
      state.table.rows = more ? state.table.rows.concat(evs) : evs;
      state.table.cursor = data.next_cursor || null;
      renderTable(state.table.rows, !!state.table.cursor);
      $('filter-count').textContent = fmtInt(state.table.rows.length) + (state.table.cursor ? '+' : '') + ' events listed';
    } catch (e) {
      if (!isAbort(e)) setStatus('Could not load events: ' + e.message, true);
    }
  }

  function initTable() {
    $('events-table').tBodies[0].addEventListener('click', function (e) {
      var tr = e.target.closest('tr.event-row');
      if (tr) selectEvent(tr.dataset.id, { fromTable: true });
    });
    $('events-table').tBodies[0].addEventListener('keydown', function (e) {
      var tr = e.target.closest('tr.event-row');
      if (!tr) return;
      if (e.key === 'Enter') selectEvent(tr.dataset.id, { fromTable: true });
      else if (e.key === 'ArrowDown' && tr.nextElementSibling) { e.preventDefault(); tr.nextElementSibling.focus(); }
      else if (e.key === 'ArrowUp' && tr.previousElementSibling) { e.preventDefault(); tr.previousElementSibling.focus(); }
    });
    document.querySelectorAll('#events-table th[data-sort]').forEach(function (th) {
      th.addEventListener('click', function () {
        var k = th.dataset.sort;
        state.sort = k === 'date_desc' ? (state.sort === 'date_desc' ? 'date_asc' : 'date_desc') : k;
        if (state.mode === 'local') renderTable(sortLocal(state.filtered), false);
        else refreshTableRemote(false);
      });
    });
    $('table-more').addEventListener('click', function () { refreshTableRemote(true); });
  }

  // ---------- selection ----------
  function highlightRow(id, on) {
    var row = document.querySelector('#events-table tr.event-row[data-id="' + CSS.escape(id) + '"]');
    if (row) row.classList.toggle('selected', on);
    return row;
  }

  function selectEvent(id, opts) {
    opts = opts || {};
    id = String(id);
    if (state.selected && state.selected !== id) highlightRow(state.selected, false);
    state.selected = id;
    var row = highlightRow(id, true);
    if (row && !opts.fromTable) row.scrollIntoView({ block: 'nearest' });
    var ev = state.byId.get(id);
    if (ev && hasCoords(ev) && !opts.fromMap) {
      var ll = L.latLng(ev.location.latitude, ev.location.longitude);
      if (!map.getBounds().contains(ll)) map.panTo(ll);
    }
    markSelectedOnMap();
    if (location.hash !== '#event=' + encodeURIComponent(id)) history.replaceState(null, '', '#event=' + encodeURIComponent(id));
    if (ev) renderPanel(ev, null);
    else renderPanelLoading(id);
    loadDetail(id);
  }

  async function loadDetail(id) {
    var seq = ++state.detailSeq;
    try {
      var data = await getJSON('api/events/' + encodeURIComponent(id));
      if (seq !== state.detailSeq) return; // a newer selection won
      var ev = data.event || state.byId.get(id);
      if (!ev) throw new Error('no such event');
      ev.id = String(ev.id);
      if (!state.byId.has(ev.id)) state.byId.set(ev.id, ev);
      renderPanel(ev, data.articles || []);
      markSelectedOnMap();
      $('event-panel').dataset.loaded = 'true';
    } catch (e) {
      if (seq !== state.detailSeq) return;
      var box = $('article-text');
      if (!box) { renderPanelLoading(id); box = $('article-text'); }
      clear(box);
      box.appendChild(el('p', { class: 'error' }, 'Could not load the source articles: ' + e.message));
    }
  }

  // ---------- event panel ----------
  // Which evidence fields document which row of the panel.
  var FIELD_ROWS = [
    { label: 'Type', test: /^(event_type|sub_event_type|interaction)$/ },
    { label: 'Date', test: /date|time/ },
    { label: 'Location', test: /^(location|admin\d|country|place|geo)/ },
    { label: 'Actors', test: /^(actor|assoc|inter)/ },
    { label: 'Fatalities', test: /^(fatalit|injur|abduct)/ },
    { label: 'Notes', test: /^notes$/ },
    { label: 'Source attribution', test: /^source/ }
  ];
  function rowOfField(f) {
    for (var i = 0; i < FIELD_ROWS.length; i++) if (FIELD_ROWS[i].test.test(f)) return FIELD_ROWS[i].label;
    return null;
  }

  function renderPanelLoading(id) {
    var p = $('event-panel');
    p.classList.remove('empty');
    delete p.dataset.loaded;
    clear(p);
    p.appendChild(el('div', { class: 'panel-head' }, closeButton(), el('div', { class: 'event-id' }, 'id ' + id)));
    p.appendChild(el('div', { id: 'article-text' }, el('p', { class: 'muted' }, 'Loading…')));
  }

  function closeButton() {
    var b = el('button', { type: 'button', class: 'close', title: 'Close (Esc)', 'aria-label': 'Close', 'data-testid': 'panel-close' }, '×');
    b.addEventListener('click', closePanel);
    return b;
  }

  /** `articles` null while loading. Each field row lists the quotes it was read from. */
  function renderPanel(ev, articles) {
    var p = $('event-panel');
    p.classList.remove('empty');
    if (articles === null) delete p.dataset.loaded;
    p.dataset.eventId = ev.id;
    clear(p);
    var loc = ev.location || {};
    var tp = ev.time_precision, gp = loc.geo_precision;
    var place = [loc.name, loc.admin3, loc.admin2, loc.admin1, loc.country].filter(Boolean).join(', ');

    // evidence per panel row: [{field, text, outlet, markId}]
    var quotes = new Map(), others = [];
    var seenQuote = new Map();
    function addQuote(q) {
      var key = q.field + '\u0000' + q.text + '\u0000' + (q.outlet || '');
      if (seenQuote.has(key)) { seenQuote.get(key).n++; return; } // same words again in the same outlet
      q.n = 1;
      seenQuote.set(key, q);
      var row = rowOfField(q.field);
      if (!row) { others.push(q); return; }
      if (!quotes.has(row)) quotes.set(row, []);
      quotes.get(row).push(q);
    }
    var rendered = (articles || []).map(function (a, ai) {
      var r = renderArticle(a, ai);
      (a.evidence || []).forEach(function (e, i) {
        addQuote({ field: String(e.field || ''), text: e.text || '', outlet: a.outlet, markId: r.markIds[i] || null });
      });
      return r.node;
    });
    if (articles === null || !articles.length) {
      (ev.evidence || []).forEach(function (e) { addQuote({ field: String(e.field || ''), text: e.text || '' }); });
    }

    function sourcesOf(label) {
      var qs = quotes.get(label);
      if (!qs || !qs.length) return null;
      return el('ul', { class: 'field-sources', 'data-testid': 'field-sources' }, qs.map(function (q) {
        var quote = el('q', null, q.text);
        var item = el('li', null, el('code', null, q.field), ' ', quote, q.n > 1 ? el('span', { class: 'times' }, ' ×' + q.n) : null,
          q.outlet ? el('span', { class: 'muted' }, ' — ' + q.outlet) : null);
        if (q.markId) {
          item.classList.add('jump');
          item.title = 'Show in the article';
          item.addEventListener('click', function () { flashMark(q.markId); });
        }
        return item;
      }));
    }
    function field(label, value) {
      if (value === null || value === undefined || value === '') return null;
      return el('div', { class: 'field', dataset: { field: label } }, el('dt', null, label), el('dd', null, value, sourcesOf(label)));
    }

    var outlets = new Map();
    (ev.sources || []).forEach(function (s) { if (s.outlet) outlets.set(s.outlet, (outlets.get(s.outlet) || 0) + 1); });

    p.appendChild(el('div', { class: 'panel-head' },
      closeButton(),
      el('span', { class: 'type-badge', style: { background: colorOf(ev.event_type) } }, ev.event_type || '(no type)'),
      el('h2', null, ev.sub_event_type || ''),
      el('div', { class: 'event-id' }, 'id ' + ev.id)));

    p.appendChild(el('dl', { class: 'fields' },
      field('Type', [ev.event_type || '?', ev.sub_event_type ? ' / ' + ev.sub_event_type : '']),
      field('Date', [ev.event_date || '?', tp ? ' (time precision ' + tp + ': ' + (TIME_PRECISION[tp] || '?') + ')' : '',
        ev.date_text ? el('div', { class: 'quote' }, '“' + ev.date_text + '”') : null]),
      field('Location', [place || '?', loc.country_code ? ' [' + loc.country_code + ']' : '',
        el('div', { class: 'muted' }, hasCoords(ev) ? loc.latitude.toFixed(4) + ', ' + loc.longitude.toFixed(4) : 'no coordinates (not on map)',
          gp ? ' · geo precision ' + gp + ': ' + (GEO_PRECISION[gp] || '?') : '',
          loc.geonames_id ? ' · GeoNames ' + loc.geonames_id : '')]),
      field('Actors', (ev.actors || []).length ? el('ul', { class: 'actors' }, (ev.actors || []).map(function (a) {
        return el('li', null, el('strong', null, a.name || '?'), a.role ? ' — ' + a.role : '',
          a.inter !== null && a.inter !== undefined ? ' (inter ' + a.inter + ': ' + (INTER_LABELS[a.inter] || '?') + ')' : '');
      })) : '–'),
      field('Fatalities', [typeof ev.fatalities === 'number' ? String(ev.fatalities) : 'unknown',
        ev.fatalities_text ? el('div', { class: 'quote' }, '“' + ev.fatalities_text + '”') : null]),
      field('Notes', ev.notes),
      field('Source attribution', ev.source_attribution || (quotes.has('Source attribution') ? '–' : null)),
      field('Outlets', outlets.size ? el('ul', { class: 'outlets', 'data-testid': 'outlets' }, Array.from(outlets.keys()).sort().map(function (o) {
        return el('li', null, el('span', { class: 'outlet' }, o), outlets.get(o) > 1 ? ' (' + outlets.get(o) + ' articles)' : '');
      })) : null)));

    if (others.length) {
      p.appendChild(el('h3', null, 'Other evidence'));
      p.appendChild(el('ul', { class: 'evidence-list' }, others.map(function (q) {
        var li = el('li', null, el('code', null, q.field), ' “' + q.text + '”', q.outlet ? el('span', { class: 'muted' }, ' — ' + q.outlet) : null);
        if (q.markId) { li.classList.add('jump'); li.addEventListener('click', function () { flashMark(q.markId); }); }
        return li;
      })));
    }

    var sources = ev.sources || [];
    p.appendChild(el('h3', null, 'Sources (' + sources.length + ')'));
    p.appendChild(el('ul', { class: 'sources', 'data-testid': 'sources' }, sources.map(function (s) {
      var url = safeUrl(s.url);
      return el('li', null, el('span', { class: 'outlet' }, s.outlet || '?'), ' — ',
        url ? el('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, s.title || url) : (s.title || s.url || ''),
        s.publication_date ? el('span', { class: 'muted' }, ' (' + s.publication_date + ')') : null);
    })));

    p.appendChild(el('h3', null, 'Source articles ', el('span', { class: 'legend-inline' },
      ['type', 'date', 'location', 'actor', 'fatalities', 'notes'].map(function (k) {
        return el('mark', { class: 'evidence key', dataset: { field: k === 'type' ? 'event_type' : k === 'date' ? 'event_date' : k } }, k);
      }))));
    var box = el('div', { id: 'article-text', 'data-testid': 'articles' });
    p.appendChild(box);
    if (articles === null) box.appendChild(el('p', { class: 'muted' }, 'Loading…'));
    else if (!articles.length) box.appendChild(el('p', { class: 'muted' }, 'No article text stored.'));
    else rendered.forEach(function (n) { box.appendChild(n); });
  }

  function flashMark(id) {
    var m = document.getElementById(id);
    if (!m) return;
    m.scrollIntoView({ block: 'center', behavior: 'smooth' });
    m.classList.remove('flash');
    void m.offsetWidth; // restart the animation
    m.classList.add('flash');
  }

  function renderArticle(a, ai) {
    var url = safeUrl(a.url);
    var hl = highlightText(a.text || '', a.evidence || [], 'mark-' + ai + '-');
    var node = el('article', { class: 'article', 'data-testid': 'article', dataset: { articleId: a.id } },
      el('h4', null, url ? el('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, a.title || url) : (a.title || '(untitled)')),
      el('div', { class: 'muted' }, [a.outlet, a.publication_date, a.reason ? 'linked: ' + a.reason : null].filter(Boolean).join(' · ')),
      el('div', { class: 'article-body', 'data-testid': 'article-body' }, hl.nodes));
    return { node: node, markIds: hl.markIds };
  }

  /** Wraps the evidence spans of `text` (offsets in Unicode code points, not
   *  UTF-16 units) in <mark class="evidence">. Spans nest: a span inside
   *  another becomes a child mark, so each span keeps one element whose text is
   *  the whole quote; a span that crosses another's end is split in parts.
   *  Returns {nodes, markIds} where markIds[i] is the id of evidence[i]'s mark. */
  function highlightText(text, evidence, idPrefix) {
    var cps = Array.from(text), n = cps.length;
    var byRange = new Map(), spans = [], bad = 0;
    evidence.forEach(function (e, i) {
      if (!(Number.isInteger(e.start) && Number.isInteger(e.end) && e.start >= 0 && e.start < e.end && e.end <= n)) { bad++; return; }
      var key = e.start + ':' + e.end;
      var s = byRange.get(key);
      if (!s) {
        s = { start: e.start, end: e.end, fields: [], idx: [], ok: true, part: false, id: idPrefix + spans.length };
        byRange.set(key, s);
        spans.push(s);
      }
      s.fields.push(String(e.field || ''));
      s.idx.push(i);
      if (e.text && e.text !== cps.slice(e.start, e.end).join('')) s.ok = false;
    });
    if (bad) console.warn(bad + ' evidence span(s) out of range ignored');
    var markIds = [];
    spans.forEach(function (s) { s.idx.forEach(function (i) { markIds[i] = s.id; }); });

    function cmp(a, b) { return a.start - b.start || b.end - a.end; }
    var queue = spans.slice().sort(cmp);
    var root = { start: 0, end: n, children: [] };
    var stack = [root];
    while (queue.length) {
      var s = queue.shift();
      while (stack.length > 1 && stack[stack.length - 1].end <= s.start) stack.pop();
      var top = stack[stack.length - 1];
      if (s.end > top.end) { // crosses the end of the enclosing span: split there
        var rest = Object.assign({}, s, { start: top.end, part: true, id: null });
        s = Object.assign({}, s, { end: top.end, part: true });
        var k = 0;
        while (k < queue.length && cmp(queue[k], rest) <= 0) k++;
        queue.splice(k, 0, rest);
      }
      var node = Object.assign({}, s, { children: [] });
      top.children.push(node);
      stack.push(node);
    }

    function render(node) {
      var out = [], pos = node.start;
      node.children.forEach(function (c) {
        if (c.start > pos) out.push(cps.slice(pos, c.start).join(''));
        var mark = el('mark', {
          class: 'evidence' + (c.part ? ' part' : '') + (c.ok ? '' : ' mismatch'),
          id: c.id, 'data-testid': 'evidence-mark',
          title: 'evidence for ' + c.fields.join(', ') + (c.ok ? '' : ' (offsets do not match the quoted text)'),
          dataset: { field: c.fields[0], fields: c.fields.join(' ') }
        }, render(c));
        out.push(mark);
        pos = c.end;
      });
      if (pos < node.end) out.push(cps.slice(pos, node.end).join(''));
      return out;
    }
    return { nodes: render(root), markIds: markIds };
  }

  function closePanel() {
    if (state.selected) highlightRow(state.selected, false);
    state.selected = null;
    state.detailSeq++;
    markSelectedOnMap();
    var p = $('event-panel');
    clear(p);
    p.classList.add('empty');
    delete p.dataset.loaded;
    delete p.dataset.eventId;
    p.appendChild(el('p', { class: 'placeholder' }, 'Select an event in the table or on the map.'));
    history.replaceState(null, '', location.pathname + location.search);
  }

  // ---------- boot ----------
  async function main() {
    var t0 = performance.now();
    initMap();
    var countries = fetch('vendor/countries-50m.json');
    countries.catch(function () { /* reported by loadCountries */ });
    var alerts = loadAlerts();
    setStatus('Loading events…');
    try {
      state.summary = await getJSON('api/summary');
    } catch (e) {
      console.warn('summary unavailable', e);
    }
    var total = state.summary && typeof state.summary.events === 'number' ? state.summary.events : null;
    state.mode = total !== null && total > LOCAL_MAX ? 'remote' : 'local';
    document.body.dataset.mode = state.mode;
    try {
      if (state.mode === 'local') {
        var data = await getJSON('api/events?limit=' + LOCAL_MAX);
        if (data.next_cursor) state.mode = 'remote'; // more than the summary said
        else {
          state.events = (data.events || []).map(function (ev) { ev.id = String(ev.id); state.byId.set(ev.id, ev); return ev; });
          if (total === null && state.events.length >= LOCAL_MAX) state.mode = 'remote';
        }
      }
      setStatus(state.mode === 'remote'
        ? fmtInt(total || 0) + ' events: the server filters and aggregates them; the map clusters by area and the table loads ' +
          PAGE_SIZE + ' at a time.'
        : '');
    } catch (e) {
      setStatus('Could not load events: ' + e.message, true);
    }
    document.body.dataset.mode = state.mode;
    renderSummary();
    initFilters();
    initTable();
    initTimeline();
    if (state.mode === 'local') fitInitialView(state.events);
    else map.setView([15, 5], 2);
    applyFilters();
    await loadCountries(countries);
    await alerts;
    var m = /^#event=(.+)$/.exec(location.hash);
    if (m) selectEvent(decodeURIComponent(m[1]));
    document.addEventListener('keydown', function (e) {
      if (e.key === 'Escape' && state.selected && !e.target.closest('input, select, textarea')) closePanel();
    });
    document.body.dataset.ready = 'true';
    // since navigation start: what a person waits for, all of the page's requests included
    document.body.dataset.loadMs = String(Math.round(performance.now()));
    document.body.dataset.scriptMs = String(Math.round(performance.now() - t0));
    // admin-1 lines: after the first paint, so that they never delay the first load
    admin1.allowed = true;
    requestAnimationFrame(function () { setTimeout(updateAdmin1, 0); });
  }

  document.addEventListener('DOMContentLoaded', main);
})();
