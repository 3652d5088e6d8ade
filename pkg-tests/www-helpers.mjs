// Shared by the page tests (www*.test.mjs): the page in www/ served the way scripts/serve.sh
// serves it (scripts/serve.mjs: the web build of pkg/ and the examples staged into pkg/), from a
// copy of its own for each test file so that test files may run side by side, on 127.0.0.1 and a
// free port, driven in headless Debian Chromium (playwright-core); what a page must never do
// (console errors, requests elsewhere); and axe-core, loaded into the page under test.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { ROOT, node } from './helpers.mjs';
import { createStaticServer, stageWww } from '../scripts/serve.mjs';

export { ROOT, node };
export const SHOTS = join(ROOT, 'target', 'e2e');
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let axeSource = null;

export const env = { base: '', context: null };
let server;

/** Starts the server and the browser for the test file (call at the top level of the file). */
export function useBrowser({ viewport = { width: 1400, height: 900 } } = {}) {
  before(async () => {
    const www = mkdtempSync(join(tmpdir(), 'walint-www-'));
    cpSync(join(ROOT, 'www'), www, { recursive: true, filter: (src) => !src.startsWith(join(ROOT, 'www', 'pkg')) });
    stageWww({ www });
    mkdirSync(SHOTS, { recursive: true });
    server = createStaticServer(www);
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    env.base = `http://127.0.0.1:${server.address().port}`;
    env.context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'chromium-profile-')), {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      headless: true,
      locale: 'en-US',
      viewport,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });
  after(async () => {
    await env.context?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
  });
}

/**
 * Opens the page and records what must not happen: console errors, uncaught exceptions and
 * requests to anything but the test server. `done()` asserts them and closes the page.
 * `fresh` (default) clears the page's storage first, so that each test starts from an empty page.
 */
export async function open({ path = '/', init = null, fresh = true, viewport = null } = {}) {
  const page = await env.context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  const errors = [];
  const requests = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
    else if (process.env.WWW_DEBUG) console.log(m.text());
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('request', (r) => requests.push(r.url()));
  page.on('worker', (w) => w.on('console', (m) => {
    if (m.type() === 'error') errors.push(`worker console: ${m.text()}`);
  }));
  if (fresh) {
    // The first load of this tab starts from an empty page; reloads keep what the page saved.
    await page.addInitScript(() => {
      if (sessionStorage.getItem('walint.test.started')) return;
      localStorage.clear();
      sessionStorage.setItem('walint.test.started', '1');
    });
  }
  if (init) await page.addInitScript(init);
  await page.goto(env.base + path);
  await ready(page);
  return {
    page,
    requests,
    errors,
    async done() {
      assert.deepEqual(errors, [], 'no console errors');
      const elsewhere = requests.filter((url) => new URL(url).origin !== env.base);
      assert.deepEqual(elsewhere, [], 'every request goes to the page’s own 127.0.0.1 server');
      assert.ok(requests.length > 0);
      await page.close();
    },
  };
}

export async function ready(page) {
  await page.waitForSelector('body[data-ready="1"]');
  await idle(page);
}

/** Waits until no lint is pending or in flight. */
export async function idle(page) {
  await page.waitForFunction(() => document.body.dataset.lint === 'idle');
}

export const body = (page) => page.locator('[data-field="body.text"]');

/** Types at the end of the body, as a user would. */
export async function typeInBody(page, text) {
  await body(page).click();
  await page.keyboard.press('Control+End');
  await body(page).pressSequentially(text);
  await idle(page);
}

/** Chooses a category in the form (the question at its top). */
export async function chooseCategory(page, category) {
  await page.locator(`input[name="category"][value="${category}"]`).check();
  await idle(page);
}

/** Loads an example from the menu, confirming the replacement if the page asks. */
export async function loadExample(page, file, name) {
  await page.selectOption('#example', file);
  if (await page.locator('#confirm[open]').count()) await page.click('#confirm-ok');
  await page.waitForFunction((n) => document.querySelector('[data-field="name"]').value === n, name);
  await idle(page);
}

/** The text under the marks of a rule, and where the first of them starts in the field. */
export function marked(page, rule, key = 'body.text') {
  return page.evaluate(([rule, key]) => {
    const control = document.querySelector(`[data-field="${key}"]`);
    const backdrop = control.previousElementSibling;
    let offset = 0;
    let start = -1;
    let text = '';
    let count = 0;
    for (const node of backdrop.childNodes) {
      const hit = node.nodeName === 'MARK' && node.dataset.rules.split(' ').includes(rule);
      if (hit && start < 0) start = offset;
      if (hit) {
        text += node.textContent;
        count += 1;
      }
      offset += node.textContent.length;
    }
    return { text, start, value: control.value, count };
  }, [rule, key]);
}

/** The problems list: one entry per group, [rule, message, count]. */
export function listed(page) {
  return page.$$eval('#problems li.diag', (items) => items.map((li) => [
    li.dataset.rule, li.querySelector('.diag-message').textContent, Number(li.dataset.count),
  ]));
}

/** The list as the JSON tab shows it: with the core's own messages. */
export async function listedCore(page) {
  const open = (await page.getAttribute('#tab-json', 'aria-selected')) === 'true';
  if (!open) await page.click('#tab-json');
  const list = await listed(page);
  if (!open) await page.click('#tab-form');
  return list;
}

/**
 * What the Node build of the package says about the document the page shows in its JSON tab,
 * for the template in the form: its report, and the list grouped as the page groups it, with
 * the core's messages ([rule, message of the first, count]).
 */
export async function expected(page, options) {
  const text = await jsonText(page);
  const active = await page.evaluate(() => Number(document.querySelector('#export:not([hidden]) tr[aria-current="true"]')?.dataset.index ?? 0));
  const report = new node.Linter(options).lint(text).templates[active];
  const order = { error: 0, warning: 1, info: 2 };
  const groups = new Map();
  for (const d of report.diagnostics) {
    const key = `${d.severity}|${d.rule}|${d.help ?? d.message}`;
    if (!groups.has(key)) groups.set(key, { d, n: 0 });
    groups.get(key).n += 1;
  }
  const grouped = [...groups.values()].sort((a, b) => order[a.d.severity] - order[b.d.severity]);
  return { report, groups: grouped.map(({ d, n }) => [d.rule, d.message, n]) };
}

/** The JSON tab's text (the tab is opened for it, and closed again if it was not open). */
export async function jsonText(page) {
  const open = (await page.getAttribute('#tab-json', 'aria-selected')) === 'true';
  if (!open) await page.click('#tab-json');
  const text = await page.inputValue('#json-text');
  if (!open) await page.click('#tab-form');
  return text;
}

/** Runs axe-core in the page; fails with the violations (rule, target, summary). */
export async function axe(page, label) {
  // Evaluated through the DevTools protocol: the page's Content-Security-Policy (no inline
  // scripts) stays as it is, and axe-core is never part of the page that ships.
  axeSource ??= readFileSync(AXE, 'utf8');
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id, impact: v.impact, nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary}`).slice(0, 3),
    }));
  });
  assert.deepEqual(violations, [], `axe-core violations (${label})`);
}

/** Whether an element's box lies within the viewport (no scrolling needed to see it). */
export function inView(page, selector) {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) return { ok: false, why: `${sel} not found` };
    const r = el.getBoundingClientRect();
    const ok = r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
    return { ok, rect: { top: r.top, bottom: r.bottom, left: r.left, right: r.right }, viewport: [innerWidth, innerHeight] };
  }, selector);
}
