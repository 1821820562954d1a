// Shared by the browser tests: launches the system Chromium headless through
// playwright-core, records what must never happen (console errors, uncaught
// exceptions, failed requests, requests off the loopback), runs named checks
// and prints the closing "N passed, N failed" line.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function isLoopback(u) {
  let url;
  try { url = new URL(u); } catch { return true; }
  if (!/^(https?|wss?|ftp):$/.test(url.protocol)) return true; // data:, blob:, about:
  const h = url.hostname.replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h);
}

export function assert(cond, msg) { if (!cond) throw new Error(msg); }

/** `optional`: API paths that may answer 404 (their widget must then be hidden). */
export async function startBrowser({ optional = [] } = {}) {
  if (!fs.existsSync(CHROMIUM)) {
    console.error(`no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM)`);
    process.exit(2);
  }
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'veille-e2e-'));
  const t = {
    passed: 0, failures: [], problems: [], missing: new Set(), context: null, page: null,
    optionalPath(u) {
      try { const p = new URL(u).pathname; return optional.find((o) => p.endsWith(o)) || null; } catch { return null; }
    }
  };
  t.context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS,
    viewport: { width: 1440, height: 1000 }, timeout: 60000
  });
  const page = t.page = t.context.pages()[0] || await t.context.newPage();
  page.setDefaultTimeout(15000);
  page.on('request', (r) => {
    if (!isLoopback(r.url())) t.problems.push(`request to a non-loopback host: ${r.url()}`);
  });
  page.on('response', (r) => {
    const opt = t.optionalPath(r.url());
    if (opt && r.status() === 404) t.missing.add(opt);
    else if (r.status() >= 400) t.problems.push(`HTTP ${r.status()} for ${r.url()}`);
  });
  page.on('requestfailed', (r) => {
    const err = r.failure() ? r.failure().errorText : '';
    if (!/ERR_ABORTED/.test(err)) t.problems.push(`request failed: ${r.url()} (${err})`); // aborted = superseded by a newer view
  });
  page.on('pageerror', (e) => t.problems.push(`uncaught exception in the page: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const where = (m.location() || {}).url || '';
    // Chromium logs every 404 as a console error; allowed for the optional endpoints only.
    if (/Failed to load resource/.test(m.text()) && t.missing.has(t.optionalPath(where))) return;
    t.problems.push(`console error: ${m.text()} ${where}`);
  });

  /** Runs one named check; a failure stops the test (later checks depend on earlier ones). */
  t.check = async (name, fn) => {
    const t0 = Date.now();
    try {
      await fn();
      t.passed++;
      console.log(`ok   ${name} (${Date.now() - t0} ms)`);
    } catch (e) {
      t.failures.push(name);
      console.log(`FAIL ${name}: ${e && e.message ? e.message.split('\n')[0] : e}`);
      throw e;
    }
  };

  /** Closes the browser, reports and exits. */
  t.finish = async (err) => {
    if (err && !t.failures.length) {
      t.failures.push('setup');
      console.log(`FAIL ${err && err.stack ? err.stack : err}`);
    }
    const problems = [...new Set(t.problems)];
    if (problems.length) {
      if (!err) t.failures.push('no console errors / failed or foreign requests');
      for (const p of problems) console.log(`${err ? '     also:' : 'FAIL'} ${p}`);
    } else if (!err) {
      t.passed++;
      console.log('ok   no console error, uncaught exception, failed request or non-loopback request');
    }
    await t.context.close().catch(() => {});
    fs.rmSync(userDataDir, { recursive: true, force: true });
    console.log(`${t.passed} passed, ${t.failures.length} failed`);
    process.exit(t.failures.length ? 1 : 0);
  };
  return t;
}

/** The text of every evidence mark in the event panel's article bodies. */
export function panelMarks(page) {
  return page.$$eval('[data-testid="event-panel"] [data-testid="article-body"] [data-testid="evidence-mark"]',
    (ms) => ms.map((m) => m.textContent));
}
