// The web build in a real page (headless Debian Chromium driven by playwright-core): the page
// from the README (`await init()`, then a Linter on every keystroke), served on 127.0.0.1.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { PKG, node } from './helpers.mjs';

const PAGE = `<!doctype html>
<meta charset="utf-8">
<textarea id="draft" rows="4" cols="80"></textarea>
<p id="status">loading</p>
<pre id="out"></pre>
<script type="module">
  import init, { Linter } from '/pkg/web/walint.js';
  await init();
  const linter = new Linter({ lang: 'ru' });
  const draft = document.getElementById('draft');
  draft.addEventListener('input', () => {
    const { templates: [report] } = linter.lintText(draft.value);
    document.getElementById('status').textContent = report.diagnostics.length + ' findings';
    document.getElementById('out').textContent = JSON.stringify({
      report,
      flagged: report.diagnostics.filter((d) => d.range).map((d) => [d.rule, draft.value.slice(d.range.start_utf16, d.range.end_utf16)]),
    });
  });
  document.body.dataset.ready = '1';
</script>`;

const TYPES = { '.js': 'text/javascript', '.wasm': 'application/wasm' };
let server;
let context;
let base;

before(async () => {
  server = createServer(async (req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (path === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
    } else if (path.startsWith('/pkg/web/') && !path.includes('..')) {
      try {
        const body = await readFile(join(PKG, path.slice('/pkg/'.length)));
        res.writeHead(200, { 'content-type': TYPES[path.slice(path.lastIndexOf('.'))] ?? 'application/octet-stream' }).end(body);
      } catch {
        res.writeHead(404).end();
      }
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}/`;
  context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'chromium-profile-')), {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await context?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
});

test('a page lints as you type; ranges index the textarea value', async () => {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  await page.goto(base);
  await page.waitForSelector('body[data-ready="1"]');
  const text = 'Привет 👋🏽, {{1}}{{2}}! Код 🔑 {{ 3 } на wa.me/79990001122';
  await page.locator('#draft').pressSequentially(text);
  await page.waitForFunction((t) => document.getElementById('draft').value === t && document.getElementById('out').textContent.length > 0, text);
  await page.waitForFunction(
    (n) => JSON.parse(document.getElementById('out').textContent).report.stats.body_length === n,
    text.length,
  );
  const { report, flagged } = JSON.parse(await page.textContent('#out'));
  assert.deepEqual(report, new node.Linter({ lang: 'ru' }).lintText(text).templates[0]);
  const byRule = Object.fromEntries(flagged);
  assert.equal(byRule['placeholder-adjacent'], '{{1}}{{2}}');
  assert.equal(byRule['placeholder-syntax'], '{{ 3 }');
  assert.match(await page.textContent('#status'), /^\d+ findings$/);
  assert.deepEqual(errors, []);
  await page.close();
});
