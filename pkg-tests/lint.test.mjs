// The built package in Node: results, UTF-16 ranges, options and errors.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { PKG, loadWeb, node, thrown } from './helpers.mjs';

const { Linter, version } = node;

const SMALL = {
  name: 'order_ready',
  language: 'en',
  category: 'UTILITY',
  components: [{ type: 'BODY', text: 'Hi {{1}}, your order {{2}} is ready.', example: { body_text: [['Ann', '42']] } }],
};

/** The value at a diagnostic's JSON path (`components[1].text`). */
function at(root, path) {
  return path.match(/[^.[\]]+/g).reduce((v, key) => v[/^\d+$/.test(key) ? Number(key) : key], root);
}

/**
 * Checks every unit of a range against the text it is in: the UTF-16 slice is `expected` (when
 * given), the UTF-8 bytes are the same characters, and line/column count characters.
 */
function checkRange(text, range, expected) {
  const slice = text.slice(range.start_utf16, range.end_utf16);
  if (expected !== undefined) assert.equal(slice, expected);
  const bytes = Buffer.from(text, 'utf8');
  assert.equal(bytes.subarray(range.start, range.end).toString('utf8'), slice, 'byte offsets');
  for (const [offset, line, column] of [
    [range.start_utf16, range.start_line, range.start_column],
    [range.end_utf16, range.end_line, range.end_column],
  ]) {
    const lines = text.slice(0, offset).split('\n');
    assert.equal(line, lines.length, 'line');
    assert.equal(column, [...lines.at(-1)].length + 1, 'column (characters)');
  }
  return slice;
}

test('UTF-16 ranges are JavaScript string indices in text with emoji, Cyrillic and {{1}}', () => {
  const linter = new Linter();
  const draft =
    'Привет 👋🏽, {{1}}{{2}}! Ваш код 🔑 {{ 3 } готов.\n' +
    'Пишите нам: wa.me/79990001122 🇷🇺 или звоните, {{1}}.';
  const [report] = linter.lintText(draft).templates;
  const flagged = new Map();
  for (const d of report.diagnostics) {
    assert.equal(d.path, 'components[0].text');
    if (d.range) flagged.set(d.rule, checkRange(draft, d.range));
    // A plain-text draft is its own document: the location is the same span.
    if (d.range && d.location) {
      assert.equal(d.location.start.offset, d.range.start);
      assert.equal(d.location.end.offset, d.range.end);
    }
  }
  assert.equal(flagged.get('placeholder-adjacent'), '{{1}}{{2}}');
  assert.equal(flagged.get('placeholder-syntax'), '{{ 3 }');
  assert.match(flagged.get('whatsapp-link'), /^wa\.me\/79990001122/);
  assert.equal(report.stats.body_length, draft.length, 'body_length is in UTF-16 units');
});

test('ranges inside JSON fields survive escapes (\\n, \\u00e9, surrogate pairs)', () => {
  const source =
    '{"name": "caf\\u00e9", "language": "ru", "category": "MARKETING", "components": [' +
    '{"type": "HEADER", "format": "TEXT", "text": "\\ud83d\\udc4b Привет\\nмир"},' +
    '{"type": "BODY", "text": "\\ud83c\\udf89 Скидка\\n{{1}}{{2}} \\u00e9 wa.me/123 {{ 3 }"}]}';
  const template = JSON.parse(source);
  const [report] = new Linter({ lang: 'ru' }).lint(source).templates;
  let checked = 0;
  for (const d of report.diagnostics) {
    if (!d.range) continue;
    const text = at(template, d.path);
    checkRange(text, d.range);
    checked += 1;
  }
  assert.ok(checked >= 4, `only ${checked} ranges`);
  const adjacent = report.diagnostics.find((d) => d.rule === 'placeholder-adjacent');
  assert.equal(at(template, adjacent.path).slice(adjacent.range.start_utf16, adjacent.range.end_utf16), '{{1}}{{2}}');
  // Its location points into the JSON source, at the `{{1}}` of the body.
  assert.equal(Buffer.from(source).subarray(adjacent.location.start.offset).toString().slice(0, 10), '{{1}}{{2}}');
});

test('results are plain objects with the documented fields', () => {
  const result = new Linter().lint(JSON.stringify([SMALL, { ...SMALL, name: 'Bad Name' }]));
  assert.deepEqual(Object.keys(result), ['templates']);
  assert.equal(result.templates.length, 2);
  const [ok, bad] = result.templates;
  assert.equal(Object.getPrototypeOf(ok), Object.prototype);
  assert.deepEqual(Object.keys(ok).sort(), ['diagnostics', 'name', 'path', 'prediction', 'stats']);
  assert.equal(ok.name, 'order_ready');
  assert.equal(ok.path, '[0]');
  assert.deepEqual(ok.stats, { body_length: 36, header_length: 0, footer_length: 0, placeholders: 2, links: 0, emoji: 0 });
  assert.equal(bad.path, '[1]');
  const name = bad.diagnostics.find((d) => d.rule === 'template-name');
  assert.deepEqual(Object.keys(name).sort(), ['component', 'fix', 'help', 'location', 'message', 'path', 'range', 'rule', 'severity']);
  assert.equal(name.severity, 'error');
  assert.equal(name.fix.edits[0].kind, 'replace');
  assert.equal(name.fix.edits[0].text, 'bad_name');
  for (const t of result.templates) {
    assert.ok(t.prediction === null || typeof t.prediction === 'object');
  }
});

test('objects, JSON text and {"data": [...]} give the same findings', () => {
  const linter = new Linter();
  const fromObject = linter.lint(SMALL);
  const fromText = linter.lint(JSON.stringify(SMALL, null, 2));
  const strip = (r) => r.templates.map((t) => ({ ...t, diagnostics: t.diagnostics.map((d) => ({ ...d, location: null })) }));
  assert.deepEqual(strip(fromObject), strip(fromText));
  const data = linter.lint({ data: [SMALL] });
  assert.equal(data.templates[0].path, 'data[0]');
  assert.deepEqual(data.templates[0].stats, fromObject.templates[0].stats);
});

test('the web build (initSync with a compiled module) gives the same results as the Node build', async () => {
  const web = await loadWeb();
  const source = readFileSync(join(PKG, '..', 'examples', 'en', 'bad_placeholders.json'), 'utf8');
  const options = { lang: 'ru', ownedDomains: ['shop.example'] };
  assert.deepEqual(new web.Linter(options).lint(source), new Linter(options).lint(source));
  assert.equal(web.version(), version());
});

test('options: defaults, profile, language, levels and disabled rules', () => {
  const long = `${'Текст уведомления о заказе. '.repeat(20)}{{1}}.`;
  const rulesOf = (linter) => linter.lintText(long).templates[0].diagnostics.map((d) => `${d.rule}:${d.severity}`);
  for (const same of [new Linter(undefined), new Linter(null), new Linter({})]) {
    assert.deepEqual(rulesOf(same), rulesOf(new Linter()));
  }
  assert.ok(!rulesOf(new Linter()).some((r) => r.startsWith('body-too-long')));
  assert.ok(rulesOf(new Linter({ profile: 'business-app' })).includes('body-too-long:error'));
  const ru = new Linter({ lang: 'ru', profile: 'business-app' }).lintText(long).templates[0].diagnostics;
  assert.match(ru.find((d) => d.rule === 'body-too-long').message, /[а-я]/);
  assert.ok(rulesOf(new Linter({ profile: 'business-app', rules: { 'body-too-long': 'info' } })).includes('body-too-long:info'));
  const disabled = rulesOf(new Linter({ profile: 'business-app', disabledRules: ['body-too-long'] }));
  assert.ok(!disabled.some((r) => r.startsWith('body-too-long')));
  // The owned domain is the business's own: a link there is not reported as foreign.
  const linkText = 'Ваш заказ {{1}} готов, подробнее на https://romashka-shop.ru/orders сегодня.';
  const linkRules = (o) => new Linter(o).lintText(linkText).templates[0].diagnostics.map((d) => d.rule);
  assert.ok(linkRules({ ownedDomains: ['partner.ru'] }).includes('unowned-domain'));
  assert.ok(!linkRules({ ownedDomains: ['romashka-shop.ru'] }).includes('unowned-domain'));
});

test('invalid options throw a clean Error naming the problem', () => {
  const cases = [
    [{ lang: 'de' }, /`lang` must be "en" or "ru", got "de"/],
    [{ profile: 'app' }, /`profile` must be "api" or "business-app"/],
    [{ ownedDomain: ['a'] }, /unknown option `ownedDomain`/],
    [{ ownedDomains: 'shop.ru' }, /not what a Linter takes: invalid type: string/],
    [{ disabledRules: ['no-such-rule'] }, /unknown rule `no-such-rule`/],
    [{ rules: { 'template-name': 'loud' } }, /rule `template-name`: the level must be "off", "info", "warning" or "error", got "loud"/],
    [{ rules: { nope: 'off' } }, /unknown rule `nope`/],
    ['api', /expected an object, got string/],
    [{ lang: 'ru', profile: 'x' }, /^неверные настройки walint/],
  ];
  for (const [options, message] of cases) {
    const e = thrown(() => new Linter(options));
    assert.ok(e instanceof Error, `${JSON.stringify(options)}: not an Error`);
    assert.equal(e.code, 'invalid_options');
    assert.match(e.message, message);
  }
});

test('bad inputs throw clean Errors, and the next call still works', () => {
  const linter = new Linter();
  const expected = linter.lint(SMALL);
  const again = () => assert.deepEqual(linter.lint(SMALL), expected);
  const cyclic = { name: 'x' };
  cyclic.self = cyclic;
  const cases = [
    // [input, method, code, message pattern, extra checks]
    ['{\n  "name": "x",\n  "components": [,]\n}', 'lint', 'unreadable_template', /^invalid JSON: .* \(line 3, column 18\)$/, { line: 3, column: 18, path: '' }],
    ['{"name": "x", "components": [{"type": "BODY", "text": 5}]}', 'lint', 'unreadable_template', /^components\[0\]\.text: expected a string, found (a )?number \(line 1, column \d+\)$/, { path: 'components[0].text' }],
    ['{"name": "a", "name": "b"}', 'lint', 'unreadable_template', /duplicate key "name"/, {}],
    ['"just a string"', 'lint', 'unreadable_template', /expected a template object/, {}],
    ['Hello {{1}}', 'lint', 'unreadable_template', /for a plain-text draft, use lintText\(\)/, {}],
    [42, 'lint', 'invalid_argument', /^lint\(\) expects a template: JSON text \(a string, or UTF-8 bytes in a Uint8Array or Buffer\), a plain object or an array, got number$/, {}],
    [null, 'lint', 'invalid_argument', /got null$/, {}],
    [undefined, 'lint', 'invalid_argument', /got undefined$/, {}],
    [() => SMALL, 'lint', 'invalid_argument', /got function$/, {}],
    [cyclic, 'lint', 'invalid_argument', /could not turn the object into JSON: .*circular/i, {}],
    [{ n: 1n }, 'lint', 'invalid_argument', /could not turn the object into JSON: .*BigInt/, {}],
    [{ ...SMALL, name: 5 }, 'lint', 'unreadable_template', /^name: expected a string/, { path: 'name' }],
    [SMALL, 'lintText', 'invalid_argument', /^lintText\(\) expects a string, got object$/, {}],
    [7, 'lintText', 'invalid_argument', /got number$/, {}],
    // Lone surrogates: in a string they would silently become U+FFFD; they are refused instead.
    ['Hi 👋'.slice(0, 4) + ' there', 'lintText', 'lone_surrogate', /lone surrogate \(\\ud83d\) at UTF-16 index 3/, { index: 3 }],
    ['{"name": "a\uDC00b"}', 'lint', 'lone_surrogate', /at UTF-16 index 11/, { index: 11 }],
    // In an object, JSON.stringify escapes it, and the JSON reader refuses the escape.
    [{ ...SMALL, name: 'x\uD800' }, 'lint', 'unreadable_template', /lone surrogate \\ud800.*\(line 1, column \d+ of JSON\.stringify\(template\)\)$/, { line: 1 }],
    // 5 MB strings are refused before they are copied into WebAssembly memory.
    ['x'.repeat(5_000_000), 'lintText', 'input_too_large', /5000000 UTF-16 code units; the limit is 1048576 bytes/, {}],
    ['{"name": "' + 'x'.repeat(5_000_000) + '"}', 'lint', 'input_too_large', /the input is too large/, {}],
    [{ ...SMALL, name: 'я'.repeat(600_000) }, 'lint', 'input_too_large', /bytes of UTF-8/, {}],
  ];
  for (const [input, method, code, message, extra] of cases) {
    const label = `${method}(${typeof input === 'string' ? JSON.stringify(input.slice(0, 40)) : typeof input})`;
    const e = thrown(() => linter[method](input));
    assert.ok(e instanceof Error, `${label}: not an Error: ${e}`);
    assert.equal(e.code, code, `${label}: ${e.message}`);
    assert.match(e.message, message, label);
    for (const [key, value] of Object.entries(extra)) assert.equal(e[key], value, `${label}: ${key}`);
    again();
  }
});

test('the size limit is 1 MiB of UTF-8 per call', () => {
  const linter = new Linter();
  assert.equal(Linter.maxInputBytes, 1024 * 1024);
  const atLimit = `Hello {{1}}, thanks.${' x'.repeat((Linter.maxInputBytes - 20) / 2)}`;
  assert.equal(Buffer.byteLength(atLimit), Linter.maxInputBytes);
  assert.equal(linter.lintText(atLimit).templates.length, 1);
  assert.equal(thrown(() => linter.lintText(`${atLimit}y`)).code, 'input_too_large');
});

test('rules() and version', () => {
  const en = new Linter().rules();
  const ru = new Linter({ lang: 'ru' }).rules();
  assert.ok(en.length >= 20);
  assert.deepEqual(en.map((r) => r.id), [...en.map((r) => r.id)].sort());
  assert.deepEqual(ru.map((r) => r.id), en.map((r) => r.id));
  for (const [i, r] of en.entries()) {
    assert.deepEqual(Object.keys(r).sort(), ['default_severity', 'id', 'summary']);
    assert.match(r.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    assert.ok(['error', 'warning', 'info'].includes(r.default_severity));
    assert.ok(r.summary.length > 10, r.id);
    assert.match(ru[i].summary, /[а-яё]/i, `${r.id}: the Russian summary`);
  }
  const cargoVersion = readFileSync(join(PKG, '..', 'Cargo.toml'), 'utf8').match(/^version = "(.+)"$/m)[1];
  assert.equal(version(), cargoVersion);
  assert.equal(new Linter().version, cargoVersion);
  assert.equal(JSON.parse(readFileSync(join(PKG, 'package.json'), 'utf8')).version, cargoVersion);
});

test('predictions have the shape the TypeScript declarations promise', async () => {
  const { exampleFiles, ROOT } = await import('./helpers.mjs');
  const linter = new Linter();
  const categories = ['MARKETING', 'UTILITY', 'AUTHENTICATION'];
  const reasons = ['INVALID_FORMAT', 'PROMOTIONAL', 'INCORRECT_CATEGORY', 'TAG_CONTENT_MISMATCH', 'ABUSIVE_CONTENT', 'SCAM'];
  let seen = 0;
  for (const file of exampleFiles()) {
    const source = readFileSync(join(ROOT, file), 'utf8');
    let result;
    try {
      result = file.endsWith('.txt') ? linter.lintText(source) : linter.lint(source);
    } catch {
      continue;
    }
    for (const { prediction: p } of result.templates) {
      if (p === null) continue;
      seen += 1;
      assert.deepEqual(Object.keys(p).sort(), ['approval_probability', 'category', 'confidence', 'flag_risk', 'outcome', 'reasons', 'rejection_reason', 'status']);
      assert.ok(['normal', 'low'].includes(p.confidence), p.confidence);
      assert.ok(['approved', 'rejected', 'recategorized'].includes(p.outcome), p.outcome);
      assert.ok(['APPROVED', 'REJECTED', 'PENDING'].includes(p.status), p.status);
      assert.ok(['low', 'medium', 'high'].includes(p.flag_risk), p.flag_risk);
      assert.deepEqual(Object.keys(p.category).sort(), ['basis', 'declared', 'predicted', 'probability']);
      assert.ok(['rules', 'model'].includes(p.category.basis), p.category.basis);
      assert.ok(p.category.declared === null || categories.includes(p.category.declared));
      assert.ok(categories.includes(p.category.predicted));
      assert.equal(typeof p.category.probability, 'number');
      assert.ok(p.rejection_reason === null || reasons.includes(p.rejection_reason), p.rejection_reason);
      assert.equal(typeof p.approval_probability, 'number');
      for (const r of p.reasons) {
        assert.deepEqual(Object.keys(r).sort(), ['factor', 'message', 'rules', 'weight', 'words']);
        assert.equal(typeof r.factor, 'string');
        assert.equal(typeof r.message, 'string');
        assert.equal(typeof r.weight, 'number');
        assert.ok(r.rules.every((x) => typeof x === 'string') && r.words.every((x) => typeof x === 'string'));
      }
    }
  }
  assert.ok(seen > 0, 'no prediction in any example');
});
