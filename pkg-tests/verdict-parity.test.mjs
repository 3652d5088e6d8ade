// One verdict everywhere: the native CLI (`walint check --no-config --format json`), the npm
// package (its Node build) and the page (in Chromium, linting in its worker) give the same
// outcome, status, category and rejection reason for the same templates: every template file of
// examples/, and the cases of the issue (an offer code in a UTILITY order notice, a discount
// in a UTILITY shipping notice, an empty draft). Files reach the page the way a user's do,
// through its file import. None of the three ever says "approved" above an error-level finding.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT, exampleFiles, nativeCli, node } from './helpers.mjs';
import { idle, open, useBrowser } from './www-helpers.mjs';
import { t } from '../www/i18n.js';

useBrowser();

const ISSUE = mkdtempSync(join(tmpdir(), 'walint-verdict-'));
const issueCase = (name, template) => {
  const path = join(ISSUE, name);
  writeFileSync(path, typeof template === 'string' ? template : JSON.stringify(template, null, 2));
  return path;
};
const CASES = [
  ...exampleFiles().map((f) => join(ROOT, f)),
  issueCase('order_code_as_utility.json', {
    name: 'order_confirmed',
    language: 'en_US',
    category: 'UTILITY',
    components: [{
      type: 'BODY',
      text: 'Your order {{1}} is confirmed and will arrive on {{2}}. Use code SAVE20 for 20% off your next order.',
      example: { body_text: [['A-1042', 'May 3']] },
    }],
  }),
  issueCase('shipped_save_as_utility.json', {
    name: 'order_shipped',
    language: 'en_US',
    category: 'UTILITY',
    components: [{
      type: 'BODY',
      text: 'Your order {{1}} has shipped. Save 15% on your next order.',
      example: { body_text: [['A-1042']] },
    }],
  }),
  issueCase('empty_draft.txt', ''),
];
const isDraft = (path) => path.endsWith('.txt');
const verdictOf = (p) => ({ outcome: p.outcome, status: p.status, category: p.category.predicted, reason: p.rejection_reason });
const hasError = (report) => report.diagnostics.some((d) => d.severity === 'error');

/** What the CLI says of every case: path → its report. */
function cliReports() {
  const run = spawnSync(nativeCli(), ['check', '--no-config', '--format', 'json', ...CASES], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.ok([0, 1, 2].includes(run.status), `walint exited ${run.status}: ${run.stderr}`);
  const files = JSON.parse(run.stdout).files;
  assert.equal(files.length, CASES.length);
  return new Map(files.map((f, i) => {
    assert.equal(f.error, undefined, `${CASES[i]}: ${JSON.stringify(f.error)}`);
    assert.equal(f.templates.length, 1, CASES[i]);
    return [CASES[i], f.templates[0]];
  }));
}

/** What the package says of every case. */
function packageReports() {
  const linter = new node.Linter({ lang: 'en' });
  return new Map(CASES.map((path) => {
    const source = readFileSync(path, 'utf8');
    return [path, (isDraft(path) ? linter.lintText(source) : linter.lint(source)).templates[0]];
  }));
}

/** Imports a file into the page (confirming the replacement) and waits for its answer. */
async function importFile(page, path) {
  const sent = Number(await page.getAttribute('body', 'data-sent'));
  await page.setInputFiles('#json-file', path);
  // The file is read first; then the page asks before replacing the work (not the first time).
  const linted = (n) => Number(document.body.dataset.sent) > n;
  await page.waitForFunction((n) => Number(document.body.dataset.sent) > n || document.querySelector('#confirm[open]'), sent);
  if (await page.locator('#confirm[open]').count()) await page.click('#confirm-ok');
  await page.waitForFunction(linted, sent);
  await idle(page);
}

/** What the page shows: the summary's verdict, the forecast's facts, the errors it lists. */
function shown(page) {
  return page.evaluate(() => {
    const prediction = document.getElementById('prediction');
    const facts = [...prediction.querySelectorAll('.facts dd')].map((dd) => dd.textContent);
    return {
      kind: document.getElementById('summary').dataset.kind,
      summary: document.getElementById('summary').textContent,
      outcome: document.getElementById('summary').dataset.outcome,
      status: prediction.dataset.status ?? '',
      category: prediction.dataset.category ?? '',
      reason: prediction.dataset.reason ?? '',
      facts,
      errors: document.querySelectorAll('#problems .group-error li.diag').length,
    };
  });
}

test('the CLI, the package and the page give one verdict for every example and every case of the issue', async () => {
  const cli = cliReports();
  const pkg = packageReports();
  const { page, done } = await open();
  const outcomes = new Set();
  for (const path of CASES) {
    const name = path.startsWith(ROOT) ? path.slice(ROOT.length + 1) : path;
    const [c, p] = [cli.get(path), pkg.get(path)];
    // The CLI and the package: the same report, and no approval above an error.
    assert.deepEqual(p, c, `${name}: the package's report is the CLI's`);
    const want = verdictOf(c.prediction);
    outcomes.add(want.outcome);
    if (hasError(c)) assert.notEqual(want.outcome, 'approved', `${name}: approved above an error`);

    await importFile(page, path);
    const got = await shown(page);
    if (isDraft(path) && readFileSync(path, 'utf8').trim() === '') {
      // An empty draft: the core rejects it; the page, as on its first screen, judges nothing
      // until there is text (issue 16), and never says it would be approved.
      assert.equal(want.outcome, 'rejected', `${name}: the core rejects an empty draft`);
      assert.equal(got.kind, 'invite', name);
      assert.equal(got.outcome, '', name);
      assert.doesNotMatch(got.summary, /approved|rejected/i, name);
      continue;
    }
    assert.deepEqual(
      { outcome: got.outcome, status: got.status, category: got.category, reason: got.reason || null },
      want,
      `${name}: the page's verdict is the core's`,
    );
    // What is on screen says the same, in words.
    assert.ok(got.summary.startsWith(`${t(`outcome.${want.outcome}`)}.`), `${name}: ${got.summary}`);
    assert.equal(got.facts[0], t(`status.${want.status}`), name);
    assert.ok(got.facts[3].startsWith(`${t(`cat.${want.category}`)},`), `${name}: ${got.facts[3]}`);
    if (want.reason) assert.equal(got.facts[4], t(`reason.${want.reason}`), name);
    else assert.equal(got.facts.length, 4, `${name}: no rejection reason shown`);
    // The page lists the errors the core found, and never says "approved" above one.
    assert.equal(got.errors > 0, hasError(c), `${name}: errors listed`);
    if (got.errors > 0) {
      assert.notEqual(got.outcome, 'approved', name);
      // ("Likely approved as Marketing" is the core's recategorization, which an error that a
      // UTILITY template is promotional leads to: Meta approves it, in another category.)
      assert.ok(!got.summary.startsWith(`${t('outcome.approved')}.`), `${name}: ${got.summary}`);
    }
  }
  // The set covers all three outcomes.
  assert.deepEqual([...outcomes].sort(), ['approved', 'recategorized', 'rejected']);
  // The issue's cases: an offer makes a UTILITY notice MARKETING by Meta's rules.
  for (const file of ['order_code_as_utility.json', 'shipped_save_as_utility.json']) {
    const p = cli.get(join(ISSUE, file)).prediction;
    assert.equal(p.category.predicted, 'MARKETING', file);
    assert.equal(p.category.basis, 'rules', file);
  }
  await done();
});

test('the page gives the package’s verdict for Meta’s samples of every template type, never "approved" above an error', async () => {
  const dir = join(ROOT, 'tests', 'meta_samples');
  const samples = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'manifest.json').sort();
  assert.ok(samples.length >= 20, samples.join(' '));
  const linter = new node.Linter({ lang: 'en' });
  const { page, done } = await open();
  for (const file of samples) {
    const path = join(dir, file);
    const report = linter.lint(readFileSync(path, 'utf8')).templates[0];
    const want = verdictOf(report.prediction);
    if (hasError(report)) assert.notEqual(want.outcome, 'approved', `${file}: approved above an error`);
    await importFile(page, path);
    const got = await shown(page);
    assert.deepEqual({ outcome: got.outcome, status: got.status, category: got.category, reason: got.reason || null }, want, file);
    assert.equal(got.errors > 0, hasError(report), `${file}: errors listed`);
    if (got.errors > 0) assert.notEqual(got.outcome, 'approved', file);
  }
  await done();
});
