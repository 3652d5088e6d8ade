// WebAssembly memory never shrinks, so a leak shows as a growing memory.buffer. After a
// warm-up, 100 000 lints (results, errors, plain text, a large template now and then) and a
// few thousand Linters created and freed must not grow it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT, loadWeb } from './helpers.mjs';

const LINTS = 100_000;

test(`memory does not grow over ${LINTS} lints`, async () => {
  const { Linter, memory } = await loadWeb();
  const linter = new Linter({ lang: 'ru', ownedDomains: ['romashka-shop.ru'] });
  const large = readFileSync(join(ROOT, 'examples', 'ru', 'spring_collection.json'), 'utf8');
  const small = JSON.stringify({
    name: 'order_ready',
    language: 'ru',
    category: 'UTILITY',
    components: [{ type: 'BODY', text: 'Здравствуйте, {{1}}! Заказ №{{2}} готов 📦', example: { body_text: [['Анна', '42']] } }],
  });
  const draft = 'Привет 👋🏽 {{1}}{{2}}! Скидка до 50% на https://bit.ly/x {{ 3 }';
  const inputs = [
    () => linter.lint(small),
    () => linter.lintText(draft),
    () => linter.lint({ name: 'Bad Name', components: [{ type: 'BODY', text: '{{1}} {{2}}' }] }),
    () => linter.lint('{"name": "x", "components": [}'),
    () => linter.lintText('a\uD800b'),
    () => linter.lint(42),
  ];
  let diagnostics = 0;
  let errors = 0;
  const run = (n) => {
    for (let i = 0; i < n; i++) {
      try {
        const result = i % 1000 === 999 ? linter.lint(large) : inputs[i % inputs.length]();
        diagnostics += result.templates[0].diagnostics.length;
      } catch (e) {
        assert.ok(e instanceof Error);
        errors += 1;
      }
    }
  };

  run(5_000);
  const before = memory.buffer.byteLength;
  run(LINTS);
  const afterLints = memory.buffer.byteLength;
  for (let i = 0; i < 5_000; i++) new Linter({ disabledRules: ['template-name'] }).free();
  const afterLinters = memory.buffer.byteLength;
  console.log(`memory: ${before} bytes after warm-up, ${afterLints} after ${LINTS} lints, ${afterLinters} after 5000 Linters`);

  assert.ok(diagnostics > LINTS, `the lints found ${diagnostics} diagnostics`);
  assert.ok(errors > LINTS / 3, `${errors} errors`);
  // Allow one 64 KiB page of slack for allocator fragmentation; a leak of even a few bytes per
  // call would take far more than that.
  assert.ok(afterLints - before <= 65536, `grew by ${afterLints - before} bytes over ${LINTS} lints`);
  assert.ok(afterLinters - afterLints <= 65536, `grew by ${afterLinters - afterLints} bytes over 5000 Linters`);
});
