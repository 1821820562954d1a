/* veille dashboard: plain ES2017, no build step. All untrusted text goes
 * through textContent / DOM nodes, never innerHTML. */
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

  var state = { events: [], byId: new Map(), markers: new Map(), selected: null, detailSeq: 0 };
  var map, markerLayer;

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
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function colorOf(type) { return TYPE_COLORS[type] || OTHER_COLOR; }
  function hasCoords(ev) {
    var l = ev.location || {};
    return typeof l.latitude === 'number' && typeof l.longitude === 'number';
  }
  function radiusOf(ev) {
    return typeof ev.fatalities === 'number' && ev.fatalities > 0 ? 5 + 3 * Math.sqrt(ev.fatalities) : 5;
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
  async function getJSON(url) {
    var res = await fetch(url, { headers: { Accept: 'application/json' } });
    if (!res.ok) throw new Error(url + ': HTTP ' + res.status);
    return res.json();
  }

  // ---------- map ----------
  function initMap() {
    map = L.map('map', { zoomSnap: 0.5, worldCopyJump: true, minZoom: 2, maxZoom: 12 });
    map.attributionControl.setPrefix('Leaflet');
    map.attributionControl.addAttribution('Boundaries: Natural Earth');
    map.createPane('countries').style.zIndex = 350;
    markerLayer = L.layerGroup().addTo(map);

    var legend = L.control({ position: 'bottomright' });
    legend.onAdd = function () {
      var box = el('div', { class: 'legend' }, el('strong', null, 'Event type'));
      Object.keys(TYPE_COLORS).forEach(function (t) {
        box.appendChild(el('div', null, el('span', { class: 'swatch', style: { background: TYPE_COLORS[t] } }), t));
      });
      box.appendChild(el('div', { class: 'legend-note' }, 'circle size ∝ √fatalities'));
      return box;
    };
    legend.addTo(map);
  }

  async function loadCountries() {
    try {
      var topo = await getJSON('vendor/countries-50m.json');
      var geo = topojson.feature(topo, topo.objects.countries);
      L.geoJSON(geo, {
        pane: 'countries',
        renderer: L.canvas({ pane: 'countries' }),
        interactive: false,
        style: { color: '#9a9a9a', weight: 0.7, fillColor: '#f3f1ea', fillOpacity: 1 }
      }).addTo(map);
    } catch (e) {
      console.warn('country outlines unavailable', e);
    }
  }

  function buildMarkers() {
    state.events.forEach(function (ev) {
      if (!hasCoords(ev)) return;
      var m = L.circleMarker([ev.location.latitude, ev.location.longitude], {
        radius: radiusOf(ev), color: '#333', weight: 0.8,
        fillColor: colorOf(ev.event_type), fillOpacity: 0.75, className: 'event-marker'
      });
      m.on('add', function () { var p = m.getElement(); if (p) p.setAttribute('data-id', ev.id); });
      m.on('click', function () { selectEvent(ev.id, { fromMap: true }); });
      m.bindTooltip(function () {
        return el('div', null, el('strong', null, ev.event_type || ''), el('br'),
          (ev.event_date || '') + ' · ' + ((ev.location || {}).name || ''),
          ev.fatalities ? ' · ' + ev.fatalities + ' killed' : '');
      });
      state.markers.set(ev.id, m);
    });
  }

  function fitInitialView() {
    var pts = state.events.filter(hasCoords).map(function (ev) {
      return [ev.location.latitude, ev.location.longitude];
    });
    if (pts.length === 0) map.fitBounds(WEST_AFRICA);
    else if (pts.length === 1) map.setView(pts[0], 7);
    else map.fitBounds(L.latLngBounds(pts), { padding: [30, 30], maxZoom: 9 });
  }

  // ---------- summary ----------
  function renderSummary(more) {
    var total = 0, byType = new Map();
    state.events.forEach(function (ev) {
      if (typeof ev.fatalities === 'number') total += ev.fatalities;
      byType.set(ev.event_type, (byType.get(ev.event_type) || 0) + 1);
    });
    $('sum-events').textContent = fmtInt(state.events.length) + (more ? '+' : '');
    $('sum-fatalities').textContent = fmtInt(total);
    var box = $('sum-types');
    clear(box);
    Array.from(byType.entries()).sort(function (a, b) { return b[1] - a[1]; }).forEach(function (e) {
      box.appendChild(el('span', { class: 'chip', dataset: { type: e[0] || '' } },
        el('span', { class: 'swatch', style: { background: colorOf(e[0]) } }), (e[0] || '(none)') + ': ' + fmtInt(e[1])));
    });
  }

  // ---------- filters ----------
  function initFilters() {
    var typeSel = $('filter-type');
    var types = Object.keys(TYPE_COLORS);
    state.events.forEach(function (ev) {
      if (ev.event_type && types.indexOf(ev.event_type) < 0) types.push(ev.event_type);
    });
    types.forEach(function (t) { typeSel.appendChild(el('option', { value: t }, t)); });

    var countries = new Map();
    state.events.forEach(function (ev) {
      var c = (ev.location || {}).country;
      if (c) countries.set(c, (countries.get(c) || 0) + 1);
    });
    Array.from(countries.keys()).sort().forEach(function (c) {
      $('filter-country').appendChild(el('option', { value: c }, c + ' (' + countries.get(c) + ')'));
    });

    var form = $('filters');
    form.addEventListener('input', applyFilters);
    form.addEventListener('change', applyFilters);
    form.addEventListener('reset', function () { setTimeout(applyFilters, 0); });
  }

  function currentFilter() {
    var minF = parseInt($('filter-min-fatalities').value, 10);
    return {
      type: $('filter-type').value,
      country: $('filter-country').value,
      from: $('filter-from').value,
      to: $('filter-to').value,
      minFat: isNaN(minF) ? 0 : minF,
      text: $('filter-text').value.trim().toLowerCase()
    };
  }

  function matches(ev, f) {
    if (f.type && ev.event_type !== f.type) return false;
    if (f.country && (ev.location || {}).country !== f.country) return false;
    if (f.from && !(ev.event_date >= f.from)) return false;
    if (f.to && !(ev.event_date <= f.to)) return false;
    if (f.minFat > 0 && !(typeof ev.fatalities === 'number' && ev.fatalities >= f.minFat)) return false;
    if (f.text && (ev.notes || '').toLowerCase().indexOf(f.text) < 0) return false;
    return true;
  }

  function applyFilters() {
    var f = currentFilter();
    var shown = state.events.filter(function (ev) { return matches(ev, f); });
    markerLayer.clearLayers();
    // big circles first so that small ones stay on top and clickable
    shown.slice().sort(function (a, b) { return radiusOf(b) - radiusOf(a); }).forEach(function (ev) {
      var m = state.markers.get(ev.id);
      if (m) markerLayer.addLayer(m);
    });
    renderTable(shown);
    var noGeo = shown.filter(function (ev) { return !hasCoords(ev); }).length;
    $('filter-count').textContent = fmtInt(shown.length) + ' of ' + fmtInt(state.events.length) + ' shown' +
      (noGeo ? ' (' + noGeo + ' without coordinates, table only)' : '');
  }

  // ---------- table ----------
  function renderTable(events) {
    var tbody = $('events-table').tBodies[0];
    var frag = document.createDocumentFragment();
    events.forEach(function (ev) {
      var loc = ev.location || {};
      var tr = el('tr', { class: 'event-row' + (hasCoords(ev) ? '' : ' no-geo'), dataset: { id: ev.id },
        title: hasCoords(ev) ? null : 'no coordinates: not on the map' },
        el('td', { class: 'nowrap' }, ev.event_date || ''),
        el('td', null, el('span', { class: 'swatch', style: { background: colorOf(ev.event_type) } }), ev.event_type || ''),
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
        state.events.length ? 'No event matches the filters.' : 'No events yet.')));
    }
    clear(tbody);
    tbody.appendChild(frag);
  }

  function initTable() {
    $('events-table').tBodies[0].addEventListener('click', function (e) {
      var tr = e.target.closest('tr.event-row');
      if (tr) selectEvent(tr.dataset.id, { fromTable: true });
    });
  }

  // ---------- selection ----------
  function highlight(id, on) {
    var m = state.markers.get(id);
    if (m) {
      m.setStyle(on ? { color: '#000', weight: 3 } : { color: '#333', weight: 0.8 });
      if (on && map.hasLayer(m)) m.bringToFront();
    }
    var row = document.querySelector('#events-table tr.event-row[data-id="' + CSS.escape(id) + '"]');
    if (row) row.classList.toggle('selected', on);
    return row;
  }

  function selectEvent(id, opts) {
    opts = opts || {};
    var ev = state.byId.get(id);
    if (!ev) return;
    if (state.selected && state.selected !== id) highlight(state.selected, false);
    state.selected = id;
    var row = highlight(id, true);
    if (row && !opts.fromTable) row.scrollIntoView({ block: 'nearest' });
    var m = state.markers.get(id);
    if (m && !opts.fromMap && map.hasLayer(m)) map.panTo(m.getLatLng());
    if (location.hash !== '#event=' + encodeURIComponent(id)) history.replaceState(null, '', '#event=' + encodeURIComponent(id));
    renderPanel(ev, null);
    loadDetail(id);
  }

  async function loadDetail(id) {
    var seq = ++state.detailSeq;
    try {
      var data = await getJSON('api/events/' + encodeURIComponent(id));
      if (seq !== state.detailSeq) return; // a newer selection won
      renderPanel(data.event || state.byId.get(id), data.articles || []);
    } catch (e) {
      if (seq !== state.detailSeq) return;
      var box = $('article-text');
      clear(box);
      box.appendChild(el('p', { class: 'error' }, 'Could not load the source articles: ' + e.message));
    }
  }

  // ---------- event panel ----------
  function field(label, value) {
    return value === null || value === undefined || value === '' ? null
      : el('div', { class: 'field' }, el('dt', null, label), el('dd', null, value));
  }

  function renderPanel(ev, articles) {
    var p = $('event-panel');
    p.classList.remove('empty');
    clear(p);
    var loc = ev.location || {};
    var tp = ev.time_precision, gp = loc.geo_precision;
    var place = [loc.name, loc.admin3, loc.admin2, loc.admin1, loc.country].filter(Boolean).join(', ');

    p.appendChild(el('div', { class: 'panel-head' },
      el('button', { type: 'button', class: 'close', title: 'Close', 'aria-label': 'Close' }, '×'),
      el('span', { class: 'type-badge', style: { background: colorOf(ev.event_type) } }, ev.event_type || '(no type)'),
      el('h2', null, ev.sub_event_type || ''),
      el('div', { class: 'event-id' }, 'id ' + ev.id)));
    p.querySelector('.close').addEventListener('click', closePanel);

    p.appendChild(el('dl', { class: 'fields' },
      field('Date', [ev.event_date || '?', tp ? ' (time precision ' + tp + ': ' + (TIME_PRECISION[tp] || '?') + ')' : '',
        ev.date_text ? el('div', { class: 'quote' }, '“' + ev.date_text + '”') : null]),
      field('Location', [place || '?', loc.country_code ? ' [' + loc.country_code + ']' : '']),
      field('Coordinates', hasCoords(ev) ? loc.latitude.toFixed(4) + ', ' + loc.longitude.toFixed(4) : 'none (not on map)'),
      field('Geo precision', gp ? gp + ': ' + (GEO_PRECISION[gp] || '?') : null),
      field('GeoNames id', loc.geonames_id),
      field('Actors', (ev.actors || []).length ? el('ul', { class: 'actors' }, (ev.actors || []).map(function (a) {
        return el('li', null, el('strong', null, a.name || '?'), a.role ? ' — ' + a.role : '',
          a.inter !== null && a.inter !== undefined ? ' (inter ' + a.inter + ': ' + (INTER_LABELS[a.inter] || '?') + ')' : '');
      })) : null),
      field('Fatalities', [typeof ev.fatalities === 'number' ? String(ev.fatalities) : 'unknown',
        ev.fatalities_text ? el('div', { class: 'quote' }, '“' + ev.fatalities_text + '”') : null]),
      field('Notes', ev.notes),
      field('Source attribution', ev.source_attribution)));

    var sources = ev.sources || [];
    p.appendChild(el('h3', null, 'Sources (' + sources.length + ')'));
    p.appendChild(el('ul', { class: 'sources' }, sources.map(function (s) {
      var url = safeUrl(s.url);
      return el('li', null, el('span', { class: 'outlet' }, s.outlet || '?'), ' — ',
        url ? el('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, s.title || url) : (s.title || s.url || ''),
        s.publication_date ? el('span', { class: 'muted' }, ' (' + s.publication_date + ')') : null);
    })));

    if ((ev.evidence || []).length) {
      p.appendChild(el('h3', null, 'Evidence'));
      p.appendChild(el('ul', { class: 'evidence-list' }, ev.evidence.map(function (e) {
        return el('li', null, el('code', null, e.field), ' “' + (e.text || '') + '”');
      })));
    }

    p.appendChild(el('h3', null, 'Source articles'));
    var box = el('div', { id: 'article-text' });
    p.appendChild(box);
    if (articles === null) box.appendChild(el('p', { class: 'muted' }, 'Loading…'));
    else if (!articles.length) box.appendChild(el('p', { class: 'muted' }, 'No article text stored.'));
    else articles.forEach(function (a) { box.appendChild(renderArticle(a)); });
  }

  function renderArticle(a) {
    var url = safeUrl(a.url);
    return el('article', { class: 'article', dataset: { articleId: a.id } },
      el('h4', null, url ? el('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, a.title || url) : (a.title || '(untitled)')),
      el('div', { class: 'muted' }, [a.outlet, a.publication_date].filter(Boolean).join(' · ')),
      el('div', { class: 'article-body' }, highlightText(a.text || '', a.evidence || [])));
  }

  /** Split `text` at evidence span boundaries (offsets in Unicode code points)
   *  and wrap covered segments in <mark class="evidence">. Handles overlaps. */
  function highlightText(text, evidence) {
    var cps = Array.from(text);
    var spans = evidence.filter(function (e) {
      return Number.isInteger(e.start) && Number.isInteger(e.end) && e.start >= 0 && e.start < e.end && e.end <= cps.length;
    }).map(function (e) {
      var slice = cps.slice(e.start, e.end).join('');
      return { field: String(e.field || ''), start: e.start, end: e.end, ok: !e.text || e.text === slice };
    }).sort(function (a, b) { return a.start - b.start || b.end - a.end; });
    if (spans.length < evidence.length) console.warn('evidence spans out of range ignored', evidence);

    var cuts = new Set([0, cps.length]);
    spans.forEach(function (s) { cuts.add(s.start); cuts.add(s.end); });
    var bounds = Array.from(cuts).sort(function (a, b) { return a - b; });
    var out = [];
    for (var i = 0; i + 1 < bounds.length; i++) {
      var a = bounds[i], b = bounds[i + 1];
      var seg = cps.slice(a, b).join('');
      var cover = spans.filter(function (s) { return s.start <= a && s.end >= b; });
      if (!cover.length) { out.push(seg); continue; }
      var fields = cover.map(function (s) { return s.field; });
      var mark = el('mark', { class: 'evidence' + (cover.length > 1 ? ' overlap' : ''), title: fields.join(', '),
        dataset: { field: fields[0] } }, seg);
      if (cover.some(function (s) { return !s.ok; })) mark.classList.add('mismatch');
      out.push(mark);
    }
    return out;
  }

  function closePanel() {
    if (state.selected) highlight(state.selected, false);
    state.selected = null;
    state.detailSeq++;
    var p = $('event-panel');
    clear(p);
    p.classList.add('empty');
    p.appendChild(el('p', { class: 'placeholder' }, 'Select an event in the table or on the map.'));
    history.replaceState(null, '', location.pathname + location.search);
  }

  // ---------- boot ----------
  async function main() {
    initMap();
    var countries = loadCountries();
    var data = { events: [] };
    try {
      setStatus('Loading events…');
      data = await getJSON('api/events?limit=5000');
      setStatus(data.next_cursor ? 'Only the first ' + fmtInt((data.events || []).length) +
        ' events are loaded; use the exports for the full set.' : '');
    } catch (e) {
      setStatus('Could not load events: ' + e.message, true);
    }
    state.events = (data.events || []).slice().sort(function (a, b) {
      return (b.event_date || '').localeCompare(a.event_date || '') || String(a.id).localeCompare(String(b.id));
    });
    state.events.forEach(function (ev) { ev.id = String(ev.id); state.byId.set(ev.id, ev); });
    renderSummary(!!data.next_cursor);
    buildMarkers();
    initFilters();
    initTable();
    applyFilters();
    fitInitialView();
    await countries;
    var m = /^#event=(.+)$/.exec(location.hash);
    if (m && state.byId.has(decodeURIComponent(m[1]))) selectEvent(decodeURIComponent(m[1]));
  }

  document.addEventListener('DOMContentLoaded', main);
})();
