// Odd inputs to the package get clear answers: bytes, non-plain objects, a freed Linter, owned
// domains that are not domains, an empty draft.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT, loadWeb, node, thrown } from './helpers.mjs';

const { Linter } = node;
const EXAMPLE = readFileSync(join(ROOT, 'examples/ru/order_shipped.json'), 'utf8');

test('lint() reads a Buffer or a Uint8Array as UTF-8 JSON', () => {
  const linter = new Linter({ lang: 'ru' });
  const expected = linter.lint(EXAMPLE);
  assert.ok(expected.templates[0].diagnostics.length > 0);
  assert.deepEqual(linter.lint(Buffer.from(EXAMPLE, 'utf8')), expected);
  assert.deepEqual(linter.lint(new TextEncoder().encode(EXAMPLE)), expected);
  const e = thrown(() => linter.lint(Uint8Array.of(0x7b, 0x22, 0xff, 0x22, 0x7d)));
  assert.equal(e.code, 'invalid_argument');
  assert.equal(e.index, 2);
  assert.match(e.message, /UTF-8/);
  const big = thrown(() => linter.lint(new Uint8Array(Linter.maxInputBytes + 1)));
  assert.equal(big.code, 'input_too_large');
  // lintText takes text only, as its types say.
  assert.equal(thrown(() => linter.lintText(Buffer.from('Привет'))).code, 'invalid_argument');
});

test('lint() refuses a Map, a Set, a Date: they are not templates (a Map was linted as {})', () => {
  const linter = new Linter();
  for (const [value, name] of [
    [new Map([['name', 'x']]), 'a Map'],
    [new Set(), 'a Set'],
    [new Date(0), 'a Date'],
    [/x/, 'a RegExp'],
    [Promise.resolve(), 'a Promise'],
  ]) {
    const e = thrown(() => linter.lint(value));
    assert.equal(e.code, 'invalid_argument', name);
    assert.match(e.message, new RegExp(`got ${name}$`));
  }
  // Plain objects, objects without a prototype and class instances are read as JSON.
  const template = JSON.parse(EXAMPLE);
  const expected = linter.lint(template);
  assert.deepEqual(linter.lint(Object.assign(Object.create(null), template)), expected);
  class Template {
    constructor(fields) {
      Object.assign(this, fields);
    }
  }
  assert.deepEqual(linter.lint(new Template(template)), expected);
});

test('a freed Linter throws a coded error, in its language', async () => {
  for (const pkg of [node, await loadWeb()]) {
    for (const [lang, words] of [['en', /was freed/], ['ru', /освобождён/]]) {
      const linter = new pkg.Linter({ lang });
      assert.ok(linter.lint(EXAMPLE).templates.length === 1);
      linter.free();
      for (const call of [
        () => linter.lint(EXAMPLE),
        () => linter.lintText('Привет'),
        () => linter.rules(),
        () => linter.version,
      ]) {
        const e = thrown(call);
        assert.equal(e.code, 'freed');
        assert.match(e.message, words);
      }
      linter.free(); // a second free() does nothing
    }
    assert.equal(new pkg.Linter().lintText('Привет, {{1}}!').templates.length, 1, 'new linters still work');
  }
});

test('owned domains must be domains a business can own; *.shop.ru is shop.ru', () => {
  for (const domain of ['', 'exa mple..com', 'shop', 'co.uk', '192.168.0.1']) {
    const e = thrown(() => new Linter({ ownedDomains: [domain] }));
    assert.equal(e.code, 'invalid_options', domain);
    assert.ok(e.message.includes(`"${domain}"`), e.message);
  }
  const e = thrown(() => new Linter({ lang: 'ru', ownedDomains: ['shop'] }));
  assert.match(e.message, /общая доменная зона/);
  const draft = 'Ваш заказ готов: https://m.shop.ru/orders и https://www.shop.ru/help.';
  const findings = (linter) => linter.lintText(draft).templates[0].diagnostics.filter((d) => d.rule === 'unowned-domain');
  assert.deepEqual(findings(new Linter({ ownedDomains: ['*.shop.ru'] })), []);
  assert.deepEqual(findings(new Linter({ ownedDomains: ['shop.ru'] })), []);
  assert.equal(findings(new Linter({ ownedDomains: ['other.ru'] })).length, 2);
});

test('an empty draft is an error, and predicted rejected', () => {
  for (const draft of ['', '   \n\t']) {
    const [report] = new Linter().lintText(draft).templates;
    const empty = report.diagnostics.find((d) => d.rule === 'component-multiplicity');
    assert.equal(empty?.severity, 'error', JSON.stringify(draft));
    assert.equal(report.prediction.outcome, 'rejected');
  }
});
