// The page's latency (run by scripts/bench.sh): how long after a keystroke the problem list shows
// the text with that keystroke in it, in headless Chromium (playwright-core, Debian's chromium),
// with a 1 000-character body. The page is served as scripts/serve.sh serves it, from a copy.
//
// Measured inside the page: from the keydown event's timestamp to the moment the list is drawn
// for a lint request made after that keystroke (a MutationObserver on #problems' data-seq,
// which the page sets when it draws; body's data-sent is the newest request), and to the next
// animation frame after that (the list on screen). Two ways of typing, each a letter then a
// Backspace in turn so that the body stays at 1 000 characters:
//   * keystroke by keystroke: one key, then a pause (150 ms), so every keystroke is alone;
//   * continuous: a key every 30 ms (a fast typist), where answers and keys overlap.
// Prints a Markdown table and writes it to OUT/page-latency.md (figures in OUT/page-latency.json).
//
//   node benches/page-latency.mjs [OUT_DIR] [KEYSTROKES]
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createStaticServer, stageWww } from '../scripts/serve.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = process.argv[2] ?? join(root, 'target', 'bench');
const keystrokes = Number(process.argv[3] ?? 200);

// A 1 000-character Russian body of the kind the issue measured: an order notice that drifts into
// promotion, with placeholders, a link and the promotional words that give findings.
const PARAGRAPH = 'Здравствуйте, {{1}}! Ваш заказ {{2}} доставлен в пункт выдачи по адресу {{3}}. '
  + 'Заберите его до конца недели. Только сегодня скидка 30% на следующую покупку, успейте! '
  + 'Подробности на сайте https://shop.example/orders и в приложении. Спасибо, что выбираете нас. ';
const BODY = PARAGRAPH.repeat(Math.ceil(1000 / PARAGRAPH.length)).slice(0, 1000);

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.round((sorted.length - 1) * p))];
}

function summary(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), max: sorted.at(-1) };
}

/** Installed in the page: records, per keystroke, when the list catches up with it. */
function probe() {
  const marks = []; // { t0, covers (request seq that includes it), dom, frame }
  let sentAtKeydown = 0;
  window.__latency = marks;
  window.addEventListener('keydown', (e) => {
    sentAtKeydown = Number(document.body.dataset.sent ?? 0);
    marks.push({ t0: e.timeStamp, covers: 0, dom: 0, frame: 0 });
  }, true);
  window.addEventListener('input', () => {
    // After the page's own handler (the window is the last to hear a bubbling event): if it sent
    // a request, that one covers the keystroke; if one was in flight, the next one will.
    const mark = marks.at(-1);
    const sent = Number(document.body.dataset.sent ?? 0);
    mark.covers = sent > sentAtKeydown ? sent : sent + 1;
  });
  const list = document.getElementById('problems');
  new MutationObserver(() => {
    const seq = Number(list.dataset.seq);
    const now = performance.now();
    for (const m of marks) {
      if (m.covers && !m.dom && seq >= m.covers) {
        m.dom = now - m.t0;
        requestAnimationFrame(() => { m.frame = performance.now() - m.t0; });
      }
    }
  }).observe(list, { attributes: true, attributeFilter: ['data-seq'] });
}

async function run() {
  const www = mkdtempSync(join(tmpdir(), 'walint-bench-www-'));
  cpSync(join(root, 'www'), www, { recursive: true, filter: (src) => !src.startsWith(join(root, 'www', 'pkg')) });
  stageWww({ www });
  const server = createStaticServer(www);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'chromium-profile-')), {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await context.newPage();
    await page.goto(`${base}/?lang=ru`);
    await page.waitForSelector('body[data-ready="1"]');
    await page.locator('input[name="category"][value="UTILITY"]').check();
    const body = page.locator('[data-field="body.text"]');
    await body.fill(BODY);
    await page.waitForFunction(() => document.body.dataset.lint === 'idle');
    const findings = await page.$$eval('#problems li.diag', (els) => els.reduce((n, li) => n + Number(li.dataset.count), 0));
    const groups = await page.locator('#problems li.diag').count();
    await body.click();
    await page.keyboard.press('Control+End');
    await page.evaluate(probe);

    const measure = async (gap) => {
      await page.evaluate(() => { window.__latency.length = 0; });
      for (let i = 0; i < keystrokes; i++) {
        await page.keyboard.press(i % 2 === 0 ? 'KeyA' : 'Backspace');
        await page.waitForTimeout(gap);
      }
      await page.waitForFunction(() => document.body.dataset.lint === 'idle');
      await page.waitForTimeout(100);
      const marks = await page.evaluate(() => window.__latency.filter((m) => m.dom > 0 && m.frame > 0));
      return { dom: summary(marks.map((m) => m.dom)), frame: summary(marks.map((m) => m.frame)), lost: keystrokes - marks.length };
    };
    await measure(150); // warm-up: JIT, the worker's caches
    const alone = await measure(150);
    const continuous = await measure(30);
    const length = (await body.inputValue()).length;
    return { body: length, findings, groups, keystrokes, alone, continuous };
  } finally {
    await context.close();
    server.close();
  }
}

const result = await run();
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'page-latency.json'), `${JSON.stringify(result, null, 2)}\n`);
const ms = (x) => `${x.toFixed(1)} ms`;
const row = (label, r) => `| ${label} | ${ms(r.dom.p50)} / ${ms(r.dom.p95)} | ${ms(r.frame.p50)} / ${ms(r.frame.p95)} | ${r.dom.n} of ${keystrokes} |`;
const table = [
  `Page latency in headless Chromium: a ${result.body}-character body with ${result.findings} findings in ${result.groups} problems; ${keystrokes} keystrokes each way (a letter, then Backspace).`,
  '',
  '| typing | keystroke → list drawn, p50 / p95 | keystroke → next frame, p50 / p95 | keystrokes measured |',
  '|---|---|---|---|',
  row('keystroke by keystroke (150 ms apart)', result.alone),
  row('continuous (a key every 30 ms)', result.continuous),
  '',
].join('\n');
writeFileSync(join(out, 'page-latency.md'), table);
console.log(table);
