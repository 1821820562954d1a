// End-to-end test of the veille dashboard in headless Chromium.
//
//   VEILLE_URL  base URL of a running `veille serve` on the demo database (required)
//   CHROMIUM    path of the Chromium binary (default /usr/bin/chromium)
//   SCREENSHOT  where to save a PNG of the page (default dashboard.png)
//
// Exits 0 and prints "N passed, 0 failed" when every check passes; otherwise
// prints what failed and exits 1. Fails too on a console error or uncaught
// exception in the page, and on any request to a host that is not loopback.
// Optional endpoints that a server may not have yet (/api/alerts,
// /api/stats/timeseries, /api/map) may answer 404: the page must then hide
// their widget, which is checked instead.
import { startBrowser, assert, panelMarks } from './harness.mjs';

const BASE = process.env.VEILLE_URL;
const SCREENSHOT = process.env.SCREENSHOT || 'dashboard.png';
const TYPE = process.env.FILTER_TYPE || 'Battles';

if (!BASE) {
  console.error('dashboard.mjs: set VEILLE_URL to the base URL of a running veille server (e.g. http://127.0.0.1:8091/)');
  process.exit(2);
}
const base = new URL(BASE.endsWith('/') ? BASE : BASE + '/');
const t = await startBrowser({ optional: ['/api/alerts', '/api/stats/timeseries', '/api/map'] });
const { page, check, missing } = t;
try {
  // ---- the page loads, with the map and its markers ----
  let apiEvents;
  await check('API lists the demo events', async () => {
    const res = await page.request.get(new URL('api/events?limit=1000', base).href);
    assert(res.ok(), `GET api/events: HTTP ${res.status()}`);
    apiEvents = (await res.json()).events;
    assert(apiEvents.length > 0, 'no events in the database: run `veille demo --no-serve --db …` first');
    assert(apiEvents.some((e) => e.event_type === TYPE), `no "${TYPE}" event in the demo database`);
  });

  let loadMs;
  // The target (under a second) is printed; the assertion, generous so that
  // a busy machine does not fail it, catches a page that never settles.
  await check('dashboard loads (map, markers, table); target under a second, printed', async () => {
    const t0 = Date.now();
    await page.goto(base.href, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('body[data-ready="true"]');
    await page.locator('#map.leaflet-container').waitFor();
    await page.locator('[data-testid="event-marker"], [data-testid="map-cluster"]').first().waitFor();
    await page.locator('[data-testid="event-row"]').first().waitFor();
    loadMs = Date.now() - t0;
    // the page's own count, from navigation start to everything drawn (boundaries included)
    const inPage = Number(await page.getAttribute('body', 'data-load-ms'));
    console.log(`     first load ${inPage} ms from navigation start (${loadMs} ms as seen by the test driver; target 1000 ms)`);
    assert(inPage < 5000, `first load took ${inPage} ms`);
  });

  await check('map shows country boundaries and every located event (as a marker or in a cluster)', async () => {
    const located = apiEvents.filter((e) => typeof e.location?.latitude === 'number').length;
    const onMap = await page.evaluate(() => {
      let n = document.querySelectorAll('[data-testid="event-marker"]').length;
      document.querySelectorAll('[data-testid="map-cluster"]').forEach((c) => { n += Number(c.dataset.count); });
      return n;
    });
    assert(onMap === located, `map shows ${onMap} events, the API has ${located} with coordinates`);
    assert(await page.locator('.leaflet-countries-pane canvas').count() > 0, 'no country boundaries layer');
    const rows = await page.locator('[data-testid="event-row"]').count();
    assert(rows === apiEvents.length, `table shows ${rows} rows, the API has ${apiEvents.length} events`);
  });

  await check('markers are coloured by type and sized by fatalities', async () => {
    const markers = await page.$$eval('[data-testid="event-marker"]', (ps) => ps.map((p) => ({
      type: p.dataset.type, fill: p.getAttribute('fill'), d: p.getAttribute('d')
    })));
    assert(markers.length > 0, 'no single-event marker on the map');
    const fills = new Map();
    for (const m of markers) {
      if (fills.has(m.type)) assert(fills.get(m.type) === m.fill, `two colours for ${m.type}`);
      fills.set(m.type, m.fill);
    }
  });

  await check('optional widgets are shown when their endpoint exists, hidden when it is missing', async () => {
    const alertsShown = await page.isVisible('[data-testid="alerts"]');
    if (missing.has('/api/alerts')) assert(!alertsShown, 'alerts shown although /api/alerts is missing');
    else assert(alertsShown, 'alerts list not shown');
    assert(await page.isVisible('[data-testid="timeline"]'), 'timeline not shown');
    assert(await page.locator('[data-testid="timeline-bin"]').count() > 0, 'timeline has no bars');
    if (missing.size) console.log(`     endpoints not on this server yet: ${[...missing].join(', ')}`);
  });

  // ---- filter by type ----
  await check(`filtering by type "${TYPE}" leaves only that type in the table and on the map`, async () => {
    await page.selectOption('[data-testid="filter-type"]', TYPE);
    const want = apiEvents.filter((e) => e.event_type === TYPE).length;
    await page.waitForFunction(([t, n]) => {
      const rows = [...document.querySelectorAll('[data-testid="event-row"]')];
      return rows.length === n && rows.every((r) => r.dataset.type === t);
    }, [TYPE, want]);
    const cells = await page.$$eval('[data-testid="event-row"] td.col-type', (tds) => tds.map((td) => td.textContent.trim()));
    assert(cells.length === want && cells.every((c) => c === TYPE), `table types: ${[...new Set(cells)].join(', ')}`);
    const markerTypes = await page.$$eval('[data-testid="event-marker"]', (ps) => [...new Set(ps.map((p) => p.dataset.type))]);
    assert(markerTypes.every((t) => t === TYPE), `map still shows ${markerTypes.join(', ')}`);
    const href = await page.getAttribute('[data-testid="export-csv"]', 'href');
    assert(href.includes('event_type=' + encodeURIComponent(TYPE).replace(/%20/g, '+')) || href.includes('event_type=' + encodeURIComponent(TYPE)),
      `CSV export link ignores the filter: ${href}`);
  });

  await check('country/admin1, actor and fatalities filters narrow the table to matching events', async () => {
    const rowIds = () => page.$$eval('[data-testid="event-row"]', (rs) => rs.map((r) => r.dataset.id).sort());
    const expect = async (pred, what) => {
      const want = apiEvents.filter(pred).map((e) => String(e.id)).sort();
      assert(want.length > 0, `the demo has no event for ${what}`);
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid="event-row"]').length === n, want.length)
        .catch(() => {});
      const got = await rowIds();
      assert(JSON.stringify(got) === JSON.stringify(want), `${what}: table has ${got.length} events, expected ${want.length}`);
    };
    await page.click('[data-testid="filter-reset"]');
    const place = apiEvents.find((e) => e.location?.admin1 && e.location?.country);
    await page.selectOption('[data-testid="filter-country"]', place.location.country);
    await page.selectOption('[data-testid="filter-admin1"]', place.location.admin1);
    await expect((e) => e.location?.country === place.location.country && e.location?.admin1 === place.location.admin1,
      `${place.location.admin1}, ${place.location.country}`);
    await page.click('[data-testid="filter-reset"]');
    const actor = apiEvents.flatMap((e) => e.actors || []).map((a) => a.name).find(Boolean);
    await page.fill('[data-testid="filter-actor"]', actor);
    await expect((e) => (e.actors || []).some((a) => (a.name || '').toLowerCase().includes(actor.toLowerCase())), `actor "${actor}"`);
    await page.click('[data-testid="filter-reset"]');
    await page.fill('[data-testid="filter-min-fatalities"]', '10');
    await expect((e) => typeof e.fatalities === 'number' && e.fatalities >= 10, 'at least 10 fatalities');
    await page.click('[data-testid="filter-reset"]');
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="event-row"]').length === n, apiEvents.length);
    await page.selectOption('[data-testid="filter-type"]', TYPE);
    await page.waitForFunction((t) => [...document.querySelectorAll('[data-testid="event-row"]')].every((r) => r.dataset.type === t), TYPE);
  });

  await check('admin-1 boundaries: choosing a unit fetches both boundary files and outlines it', async () => {
    const pairs = [...new Map(apiEvents.filter((e) => e.location?.admin1 && e.location?.country)
      .map((e) => [e.location.country + '|' + e.location.admin1, e.location])).values()];
    let outlined = 0;
    for (const loc of pairs) {
      await page.selectOption('[data-testid="filter-country"]', loc.country);
      await page.selectOption('[data-testid="filter-admin1"]', loc.admin1);
      await page.waitForFunction((k) => document.getElementById('map').dataset.admin1HighlightOf === k, loc.admin1 + '|2');
      if (Number(await page.getAttribute('#map', 'data-admin1-highlight')) > 0) outlined++;
      await page.click('[data-testid="filter-reset"]');
    }
    const files = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname)
      .filter((p) => /admin1-(africa|world)\.json$/.test(p)));
    assert(files.some((f) => f.endsWith('admin1-africa.json')) && files.some((f) => f.endsWith('admin1-world.json')),
      `boundary files fetched: ${JSON.stringify(files)}`);
    console.log(`     ${outlined} of ${pairs.length} admin-1 units of the demo outlined (Natural Earth's older units miss some)`);
    assert(outlined >= pairs.length / 2, `only ${outlined} of ${pairs.length} admin-1 units outlined`);
    // back to the type filter that the next checks expect
    await page.selectOption('[data-testid="filter-type"]', TYPE);
    await page.waitForFunction((t) => [...document.querySelectorAll('[data-testid="event-row"]')].every((r) => r.dataset.type === t), TYPE);
  });

  await check('brushing the timeline filters by date', async () => {
    const bins = page.locator('[data-testid="timeline-bin"]:not(.out)');
    const n = await bins.count();
    assert(n > 0, 'no timeline bar for the filtered type');
    const box = await bins.first().boundingBox();
    const chart = await page.locator('[data-testid="timeline-chart"]').boundingBox();
    const y = chart.y + chart.height / 2;
    await page.mouse.move(chart.x + 3, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, y, { steps: 4 });
    await page.mouse.up();
    const to = await page.inputValue('[data-testid="filter-to"]');
    assert(/^\d{4}-\d{2}-\d{2}$/.test(to), `brush did not set the end date (got "${to}")`);
    const want = apiEvents.filter((e) => e.event_type === TYPE && e.event_date <= to).length;
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="event-row"]').length === n, want);
    await page.click('[data-testid="timeline-clear"]');
    await page.waitForFunction(() => !document.querySelector('[data-testid="filter-to"]').value);
  });

  // ---- the event panel ----
  await check('clicking an event shows its source article with the evidence highlighted', async () => {
    const row = page.locator('[data-testid="event-row"]').first();
    const id = await row.getAttribute('data-id');
    await row.click();
    await page.waitForSelector(`[data-testid="event-panel"][data-event-id="${id}"][data-loaded="true"]`);
    const res = await page.request.get(new URL('api/events/' + encodeURIComponent(id), base).href);
    const detail = await res.json();
    const texts = new Set(detail.articles.flatMap((a) => a.evidence.map((e) => e.text)).filter(Boolean));
    assert(texts.size > 0, `event ${id} has no evidence`);
    const marks = await panelMarks(page);
    assert(marks.length > 0, 'no highlighted evidence in the article');
    const hit = marks.filter((t) => texts.has(t));
    assert(hit.length > 0, `no highlighted span equals an evidence text; marks: ${JSON.stringify(marks.slice(0, 5))}`);
    // every evidence span of every article is highlighted with exactly its text
    for (const t of texts) assert(marks.includes(t), `evidence "${t}" is not highlighted as one element`);
    const body = await page.locator('[data-testid="article-body"]').first().textContent();
    assert(body === detail.articles[0].text, 'the article text is altered by the highlighting');
    const outlets = await page.locator('[data-testid="outlets"] li').allTextContents();
    for (const s of detail.event.sources) assert(outlets.some((o) => o.startsWith(s.outlet)), `outlet ${s.outlet} not listed`);
    assert(await page.locator('[data-testid="field-sources"]').count() > 0, 'no per-field source quotes');
    console.log(`     event ${id}: ${hit.length} highlighted spans match the API's evidence`);
  });

  await check('the event is highlighted in the table and selectable from the map', async () => {
    assert(await page.locator('[data-testid="event-row"].selected').count() === 1, 'selected row not highlighted');
    await page.click('[data-testid="panel-close"]');
    await page.waitForSelector('[data-testid="event-panel"].empty');
    const marker = page.locator('[data-testid="event-marker"]').first();
    if (await marker.count()) {
      const id = await marker.getAttribute('data-id');
      await marker.click({ force: true });
      await page.waitForSelector(`[data-testid="event-panel"][data-event-id="${id}"][data-loaded="true"]`);
    }
  });

  // the screenshot: the selected event, its article scrolled to the first highlighted span
  await page.locator('[data-testid="event-panel"] [data-testid="evidence-mark"]').first().evaluate((m) => {
    const p = document.getElementById('event-panel');
    p.scrollTop += m.getBoundingClientRect().top - p.getBoundingClientRect().top - 120;
    window.scrollTo(0, 0);
  });
  await page.waitForTimeout(200);
  await page.screenshot({ path: SCREENSHOT });
  console.log(`     screenshot: ${SCREENSHOT}`);

  await check('clicking a cluster zooms in or lists its events', async () => {
    const cluster = page.locator('[data-testid="map-cluster"]').first();
    if (await cluster.count() === 0) return; // nothing dense enough to cluster at this zoom
    const before = await page.locator('[data-testid="event-marker"]').count();
    await cluster.click();
    await page.waitForFunction(([b]) => document.querySelector('[data-testid="cluster-list"]') ||
      document.querySelectorAll('[data-testid="event-marker"]').length > b, [before]);
  });


  await t.finish();
} catch (e) {
  await t.finish(e);
}
