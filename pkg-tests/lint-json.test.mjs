// lintJson() prints the result as UTF-8 JSON in Rust: it must be byte for byte what
// JSON.stringify(lint()) gives (numbers as JavaScript prints them, key order, escapes), on every
// example and corpus template and on the edge handler's hostile bodies, in both builds.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT, exampleFiles, loadWeb, node, thrown } from './helpers.mjs';

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Every template the tests can lint as JSON: examples/*.json, the corpus' templates, and
 * bodies built to produce thousands of findings, escapes and odd characters. */
function inputs() {
  const out = exampleFiles()
    .filter((f) => f.endsWith('.json'))
    .map((f) => [f, readFileSync(join(ROOT, f), 'utf8')]);
  for (const folder of ['en', 'ru', 'intl']) {
    const dir = join(ROOT, 'tests/corpus', folder);
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
      const record = JSON.parse(readFileSync(join(dir, name), 'utf8'));
      out.push([`tests/corpus/${folder}/${name}`, JSON.stringify(record.template)]);
    }
  }
  const findings = JSON.stringify({ name: 'A B', components: [{ type: 'BODY', text: '{{1}}{{2}} bit.ly/x СКИДКА!!! '.repeat(30) }] });
  out.push(
    ['broken placeholders and links', JSON.stringify({ name: 'a', language: 'en', category: 'UTILITY', components: [{ type: 'BODY', text: '{{ 1 } bit.ly/x '.repeat(3900) }] })],
    ['50 templates full of findings', `[${Array(50).fill(findings).join(',')}]`],
    ['emoji', JSON.stringify({ components: [{ type: 'BODY', text: '🔥'.repeat(15000) }] })],
    // Quotes, backslashes, control characters, U+2028/U+2029, U+007F and non-BMP characters in
    // the texts that findings quote back.
    ['escapes', JSON.stringify({ name: 'q"\\\u0001\u007f', language: 'en', category: 'MARKETING', components: [{ type: 'BODY', text: 'Tab\there "quoted" \\ back\u2028line\u2029para \u0000\u001f\u0008\u000c 𝒳 {{1}}\n\n\n\n{{2}} bit.ly/"x" СКИДКА!!!' }, { type: 'FOOTER', text: '\r\n' }] })],
  );
  return out;
}

function sameAsStringify(linter, label, input) {
  const expected = JSON.stringify(linter.lint(input));
  const bytes = linter.lintJson(input);
  assert.ok(bytes instanceof Uint8Array, label);
  const got = decoder.decode(bytes);
  if (got !== expected) {
    let at = 0;
    while (got[at] === expected[at]) at++;
    assert.fail(`${label}: lintJson differs from JSON.stringify(lint()) at ${at}: ${JSON.stringify(got.slice(at - 40, at + 40))} vs ${JSON.stringify(expected.slice(at - 40, at + 40))}`);
  }
}

for (const [build, load] of [['node', async () => node], ['web', loadWeb]]) {
  test(`${build}: lintJson() is byte for byte JSON.stringify(lint()), with and without options`, async () => {
    const { Linter } = await load();
    const all = inputs();
    assert.ok(all.length > 600, `${all.length} inputs`);
    for (const options of [{}, { lang: 'ru', maxFindings: 500 }, { profile: 'business-app', ownedDomains: ['shop.example'] }]) {
      const linter = new Linter(options);
      for (const [label, text] of all) {
        sameAsStringify(linter, `${label} ${JSON.stringify(options)}`, text);
      }
      // The other input forms read the same way.
      const [label, text] = all[0];
      sameAsStringify(linter, `${label} as bytes`, new TextEncoder().encode(text));
      sameAsStringify(linter, `${label} as an object`, JSON.parse(text));
      linter.free();
    }
  });

  test(`${build}: lintJson(template, { summary: true }) adds the listed findings by severity`, async () => {
    const { Linter } = await load();
    const linter = new Linter({ maxFindings: 500 });
    for (const [label, text] of inputs().slice(-5)) {
      const result = linter.lint(text);
      const summary = { errors: 0, warnings: 0, infos: 0 };
      for (const t of result.templates) for (const d of t.diagnostics) summary[`${d.severity}s`] += 1;
      const got = decoder.decode(linter.lintJson(text, { summary: true }));
      assert.equal(got, JSON.stringify({ ...result, summary }), label);
      assert.equal(decoder.decode(linter.lintJson(text, { summary: false })), JSON.stringify(result), label);
    }
    assert.ok(JSON.parse(decoder.decode(linter.lintJson(inputs().at(-4)[1], { summary: true }))).summary.warnings > 0);
  });

  test(`${build}: lintJson() fails as lint() does; no options is no summary`, async () => {
    const { Linter } = await load();
    const linter = new Linter({ lang: 'ru' });
    for (const input of ['{"name": ', 'Привет, {{1}}', 42, new Map(), '\ud83d']) {
      const expected = thrown(() => linter.lint(input));
      const got = thrown(() => linter.lintJson(input));
      assert.equal(got.code, expected.code, String(input));
      assert.equal(got.message, expected.message, String(input));
    }
    for (const options of [undefined, null, {}, { summary: undefined }]) {
      assert.equal(decoder.decode(linter.lintJson('{}', options)), JSON.stringify(linter.lint('{}')));
    }
    linter.free();
    assert.equal(thrown(() => linter.lintJson('{}')).code, 'freed');
  });
}
