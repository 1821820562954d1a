// Browser test of the dashboard's large-database mode: server-side clusters
// by bbox and zoom, cursor pages in the table, server time series, alerts,
// the event panel. Two servers:
//   - with VEILLE_URL, a real `veille serve` on a store of synthetic events
//     (`veille bench api --events 1000000` makes one): the page against the
//     real queries at that size;
//   - without it, mock-server.mjs (the API contract on synthetic data, made in
//     memory), whose articles also carry evidence offsets in code points
//     around astral characters, and whose two alerts are known.
//
//   VEILLE_URL  base URL of a real server (optional; see above)
//   EVENTS      number of synthetic events of the mock (default 1000000)
//   CHROMIUM    path of the Chromium binary (default /usr/bin/chromium)
//   SCREENSHOT  where to save a PNG of the page (default dashboard-large.png)
import { startBrowser, assert, panelMarks } from './harness.mjs';
import { startMock } from './mock-server.mjs';

const SCREENSHOT = process.env.SCREENSHOT || 'dashboard-large.png';
const REAL = process.env.VEILLE_URL ? new URL(process.env.VEILLE_URL.endsWith('/') ? process.env.VEILLE_URL : process.env.VEILLE_URL + '/').href : null;

let mock = null, EVENTS;
if (REAL) {
  EVENTS = (await (await fetch(REAL + 'api/summary')).json()).events;
  console.log(`     veille serve with ${EVENTS.toLocaleString('en-US')} events on ${REAL}`);
} else {
  EVENTS = Number(process.env.EVENTS || 1000000);
  mock = await startMock({ events: EVENTS });
  console.log(`     mock server with ${EVENTS.toLocaleString('en-US')} events on ${mock.url} (${mock.stats.genMs} ms to generate)`);
}
const BASE = REAL || mock.url;
const t = await startBrowser();
const { page, check } = t;
const apiCalls = [];
page.on('request', (r) => { if (r.url().includes('/api/')) apiCalls.push(new URL(r.url())); });
const rows = () => page.$$eval('[data-testid="event-row"]', (rs) => rs.map((r) => ({
  id: r.dataset.id, type: r.dataset.type, date: r.cells[0].textContent, admin1: r.cells[4].textContent,
  fat: r.cells[6].textContent === '–' ? -1 : Number(r.cells[6].textContent)
})));
const tableSettled = () => page.waitForFunction(() => !document.querySelector('[data-testid="filter-count"]').textContent.startsWith('loading'));

try {
  await page.addInitScript(() => {
    window.__longest = 0;
    try {
      new PerformanceObserver((l) => l.getEntries().forEach((e) => { window.__longest = Math.max(window.__longest, e.duration); }))
        .observe({ type: 'longtask', buffered: true });
    } catch { /* no long task API */ }
  });

  await check('loads in remote mode: server clusters on the map, a first page in the table', async () => {
    const t0 = Date.now();
    await page.goto(BASE);
    await page.waitForSelector('body[data-ready="true"][data-mode="remote"]');
    await page.locator('[data-testid="map-cluster"]').first().waitFor();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="event-row"]').length === 100);
    console.log(`     ready in ${Date.now() - t0} ms`);
    const total = await page.$$eval('[data-testid="map-cluster"]', (cs) => cs.reduce((s, c) => s + Number(c.dataset.count), 0));
    assert(total > 0.9 * EVENTS, `clusters hold ${total} events`);
    assert(!apiCalls.some((u) => u.pathname === '/api/events' && Number(u.searchParams.get('limit')) > 100), 'the page asked for more than one table page of events');
    assert(await page.isVisible('[data-testid="table-more"]'), 'no "load more" button');
  });

  if (REAL) await check('the alerts listed are those of the server', async () => {
    const want = (await (await page.request.get(BASE + 'api/alerts')).json()).alerts.length;
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="alert"]').length === n &&
      (n > 0 || /No unusual activity/.test(document.getElementById('alerts-list').textContent)), want);
    console.log(`     ${want} alerts`);
  });

  if (!REAL) await check('alerts are listed and clicking one filters to its place, type and week', async () => {
    const alerts = page.locator('[data-testid="alert"]');
    assert(await alerts.count() === 2, 'expected the 2 alerts of the mock');
    await alerts.first().click();
    await page.waitForFunction(() => {
      const r = [...document.querySelectorAll('[data-testid="event-row"]')];
      return r.length > 0 && r.every((x) => x.dataset.type === 'Battles' && x.cells[4].textContent === 'Mopti');
    });
    assert(await page.inputValue('[data-testid="filter-from"]') === '2024-12-24', 'alert did not set the week');
    const lastMap = apiCalls.filter((u) => u.pathname === '/api/map').pop();
    assert(lastMap.searchParams.get('admin1') === 'Mopti' && lastMap.searchParams.get('event_type') === 'Battles', `map not filtered: ${lastMap}`);
    await page.click('[data-testid="filter-reset"]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="event-row"]').length === 100 &&
      new Set([...document.querySelectorAll('[data-testid="event-row"]')].map((r) => r.dataset.type)).size > 1);
  });

  await check('type filter, "load more" (cursor) and sorting by fatalities go through the server', async () => {
    await page.selectOption('[data-testid="filter-type"]', 'Riots');
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="event-row"]')].every((r) => r.dataset.type === 'Riots'));
    await page.click('[data-testid="table-more"]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="event-row"]').length === 200);
    const r = await rows();
    assert(r.every((x) => x.type === 'Riots'), 'a non-Riots row after load more');
    assert(new Set(r.map((x) => x.id)).size === 200, 'load more repeated rows');
    assert(r.every((x, i) => i === 0 || r[i - 1].date >= x.date), 'rows not newest first');
    assert(apiCalls.some((u) => u.searchParams.get('cursor')), 'no cursor sent');
    await page.click('#events-table th[data-sort="fatalities_desc"]');
    await page.waitForFunction(() => {
      const f = [...document.querySelectorAll('[data-testid="event-row"]')].map((x) => x.cells[6].textContent);
      return f.length === 100 && f[0] !== '–' && Number(f[0]) >= Number(f[99] === '–' ? 0 : f[99]);
    });
    const s = await rows();
    assert(s.every((x, i) => i === 0 || s[i - 1].fat >= x.fat), 'not sorted by fatalities');
    await page.click('#events-table th[data-sort="date_desc"]');
    await tableSettled();
  });

  await check('the timeline comes from the server and brushing it filters the table', async () => {
    await page.locator('[data-testid="timeline-bin"]').first().waitFor();
    const bins = await page.locator('[data-testid="timeline-bin"]').count();
    assert(bins > 10, `only ${bins} bars`);
    const chart = await page.locator('[data-testid="timeline-chart"]').boundingBox();
    const y = chart.y + chart.height / 2;
    await page.mouse.move(chart.x + chart.width * 0.4, y);
    await page.mouse.down();
    await page.mouse.move(chart.x + chart.width * 0.5, y, { steps: 5 });
    await page.mouse.up();
    const from = await page.inputValue('[data-testid="filter-from"]');
    const to = await page.inputValue('[data-testid="filter-to"]');
    assert(from && to && from < to, `brush set ${from}..${to}`);
    await page.waitForFunction(([a, b]) => {
      const r = [...document.querySelectorAll('[data-testid="event-row"]')];
      return r.length > 0 && r.every((x) => x.cells[0].textContent >= a && x.cells[0].textContent <= b);
    }, [from, to]);
  });

  await check('zooming into a cluster asks the server for that area at the new zoom', async () => {
    // the clusters of the brushed dates may still be on their way: a new answer redraws them
    await page.waitForLoadState('networkidle');
    const before = apiCalls.filter((u) => u.pathname === '/api/map').length;
    const z0 = Number(apiCalls.filter((u) => u.pathname === '/api/map').pop().searchParams.get('zoom'));
    // the biggest cluster
    const handle = await page.evaluateHandle(() => [...document.querySelectorAll('[data-testid="map-cluster"]')]
      .sort((a, b) => b.dataset.count - a.dataset.count)[0]);
    await handle.asElement().click();
    await page.waitForFunction((n) => performance.getEntriesByType('resource').filter((r) => r.name.includes('/api/map?')).length > n, before);
    await page.waitForTimeout(400);
    const last = apiCalls.filter((u) => u.pathname === '/api/map').pop();
    assert(Number(last.searchParams.get('zoom')) > z0, `zoom ${last.searchParams.get('zoom')} after ${z0}`);
    await page.locator('[data-testid="map-cluster"], [data-testid="event-marker"]').first().waitFor();
  });

  await check(REAL ? 'an event from the table shows its source article'
    : 'an event from the table shows its article with code-point evidence spans (astral characters)', async () => {
    const row = page.locator('[data-testid="event-row"]').first();
    const id = await row.getAttribute('data-id');
    await row.click();
    await page.waitForSelector(`[data-testid="event-panel"][data-event-id="${id}"][data-loaded="true"]`);
    const detail = await (await page.request.get(BASE + 'api/events/' + id)).json();
    const marks = await panelMarks(page);
    for (const e of detail.articles[0].evidence) assert(marks.includes(e.text), `evidence ${e.field} "${e.text}" not highlighted exactly; marks ${JSON.stringify(marks)}`);
    const body = await page.locator('[data-testid="article-body"]').first().textContent();
    assert(body === detail.articles[0].text, 'article text altered');
  });

  // The target (no task over 300 ms) is reported, not asserted: a timed
  // assertion fails on a busy 2-core machine. The assertion catches a
  // freeze.
  await check('the page never freezes (no main-thread task over 2 s; target 300 ms, printed)', async () => {
    const longest = await page.evaluate(() => window.__longest);
    console.log(`     longest main-thread task: ${Math.round(longest)} ms (target 300 ms)`);
    assert(longest < 2000, `a task took ${Math.round(longest)} ms`);
  });

  await page.screenshot({ path: SCREENSHOT });
  console.log(`     screenshot: ${SCREENSHOT}`);
  await t.finish();
} catch (e) {
  await t.finish(e);
}
