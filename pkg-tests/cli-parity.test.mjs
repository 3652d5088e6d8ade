// One source of truth: the package reports exactly what the native CLI reports
// (`walint check --no-config --format json`) for every template file in examples/.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT, exampleFiles, nativeCli, node, thrown } from './helpers.mjs';

const { Linter } = node;
const cli = nativeCli();
const files = exampleFiles();

function cliReport(args) {
  const run = spawnSync(cli, ['check', '--no-config', '--format', 'json', ...args, ...files], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.ok(run.status === 0 || run.status === 1 || run.status === 2, `walint exited ${run.status}: ${run.stderr}`);
  const report = JSON.parse(run.stdout);
  assert.deepEqual(report.files.map((f) => f.path), files);
  return report;
}

const variants = [
  { args: [], options: {} },
  {
    args: ['--lang', 'ru', '--profile', 'business-app', '--owned-domain', 'romashka-shop.ru', '--owned-domain', 'shop.example'],
    options: { lang: 'ru', profile: 'business-app', ownedDomains: ['romashka-shop.ru', 'shop.example'] },
  },
];

test('examples/ has templates of both kinds', () => {
  assert.ok(files.some((f) => f.endsWith('.json')), files.join(' '));
  assert.ok(files.some((f) => f.endsWith('.txt')), files.join(' '));
});

for (const { args, options } of variants) {
  test(`the package and the CLI agree on every example (${args.join(' ') || 'defaults'})`, () => {
    const report = cliReport(args);
    const linter = new Linter(options);
    let diagnostics = 0;
    for (const file of report.files) {
      const source = readFileSync(join(ROOT, file.path), 'utf8');
      const lint = () => (file.path.endsWith('.txt') ? linter.lintText(source) : linter.lint(source));
      if (file.error) {
        // A file the CLI cannot read: the package refuses it with the same message.
        const e = thrown(lint);
        assert.equal(e.code, 'unreadable_template', file.path);
        assert.ok(e.message.startsWith(file.error.message), `${file.path}: ${e.message}`);
        assert.equal(e.line, file.error.line);
        assert.equal(e.column, file.error.column);
        continue;
      }
      const result = lint();
      assert.equal(result.templates.length, file.templates.length, file.path);
      for (const [i, expected] of file.templates.entries()) {
        const got = result.templates[i];
        assert.deepEqual(got.diagnostics, expected.diagnostics, `${file.path} [${i}] diagnostics`);
        assert.deepEqual(got, expected, `${file.path} [${i}]`);
        diagnostics += got.diagnostics.length;
      }
    }
    assert.ok(diagnostics > 10, `only ${diagnostics} diagnostics in examples/`);
  });
}

test('rules() lists what `walint rules --json` lists', () => {
  for (const lang of ['en', 'ru']) {
    const native = JSON.parse(execFileSync(cli, ['rules', '--json', '--lang', lang], { encoding: 'utf8' }));
    const wasm = new Linter({ lang }).rules().map(({ id, default_severity, summary }) => ({ id, default_severity, summary }));
    assert.deepEqual(wasm, native);
  }
});
