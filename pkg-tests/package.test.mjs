// The package as its users get it: package.json `exports` for each runtime, ESM and CommonJS
// loading by name, and TypeScript declarations that compile (`tsc --noEmit`) and have no `any`.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { BIN, PKG, ROOT, consumerProject } from './helpers.mjs';

const pkg = JSON.parse(readFileSync(join(PKG, 'package.json'), 'utf8'));

test('package.json: name, version, exports and types that point at real files', () => {
  assert.equal(pkg.name, 'walint');
  assert.equal(pkg.version, readFileSync(join(ROOT, 'Cargo.toml'), 'utf8').match(/^version = "(.+)"$/m)[1]);
  assert.equal(pkg.type, 'module');
  const targets = [];
  const collect = (v) => (typeof v === 'string' ? targets.push(v) : Object.values(v).forEach(collect));
  collect(pkg.exports);
  for (const t of [...targets, pkg.main, pkg.module, pkg.types]) {
    assert.ok(existsSync(join(PKG, t)), `${t} is missing`);
  }
  const root = pkg.exports['.'];
  for (const condition of ['workerd', 'edge-light', 'deno', 'browser', 'node']) {
    assert.ok(root[condition]?.types && root[condition]?.default, condition);
    // TypeScript takes the first matching condition, so `types` must come first.
    assert.equal(Object.keys(root[condition])[0], 'types', condition);
  }
  assert.deepEqual(Object.keys(root).slice(-2), ['types', 'default']);
  assert.ok(existsSync(join(PKG, 'README.md')));
  assert.ok(pkg.files.every((f) => existsSync(join(PKG, f))));
});

test('the declarations have no `any`', () => {
  for (const dir of ['web', 'edge', 'node']) {
    for (const file of readdirSync(join(PKG, dir)).filter((f) => f.endsWith('.d.ts'))) {
      const text = readFileSync(join(PKG, dir, file), 'utf8');
      const hits = text.split('\n').filter((line) => /(^|[:<|,(]\s*)any\b|\bany\[\]/.test(line));
      assert.deepEqual(hits, [], `${dir}/${file}`);
    }
  }
  const types = readFileSync(join(PKG, 'web', 'walint.d.ts'), 'utf8');
  for (const name of ['LintOptions', 'Diagnostic', 'TextRange', 'DocRange', 'Fix', 'Edit', 'Stats', 'TemplateReport', 'Prediction', 'RuleInfo', 'LintResult', 'WalintError']) {
    assert.match(types, new RegExp(`export (interface|type) ${name}\\b`), name);
  }
  assert.match(types, /export function initSync\(/);
});

test('each runtime condition resolves to the right build, its .wasm with it', () => {
  const dir = consumerProject({
    'resolve.mjs': "console.log(import.meta.resolve('walint'), import.meta.resolve('walint/walint_bg.wasm'));",
  });
  const resolve = (conditions) =>
    execFileSync(process.execPath, [...conditions.map((c) => `--conditions=${c}`), 'resolve.mjs'], { cwd: dir, encoding: 'utf8' }).trim().split(' ');
  assert.match(resolve([])[0], /\/node\/walint\.js$/);
  // Edge runtimes get the build for speed; pages (and a page's Web Worker) the build for size.
  for (const c of ['workerd', 'edge-light', 'deno']) {
    const [glue, wasm] = resolve([c]);
    assert.match(glue, /\/edge\/walint\.js$/, c);
    assert.match(wasm, /\/edge\/walint_bg\.wasm$/, c);
  }
  for (const c of ['worker', 'browser']) {
    const [glue, wasm] = resolve([c]);
    assert.match(glue, /\/web\/walint\.js$/, c);
    assert.match(wasm, /\/web\/walint_bg\.wasm$/, c);
  }
});

test('Node: `import` and `require` by package name both work', () => {
  const dir = consumerProject({
    'esm.mjs': "import { Linter, version } from 'walint';\nconsole.log(JSON.stringify([version(), new Linter().lintText('Hi {{1}}{{2}}').templates[0].diagnostics.map((d) => d.rule)]));",
    'cjs.cjs': "const { Linter, version } = require('walint');\nconsole.log(JSON.stringify([version(), new Linter().lintText('Hi {{1}}{{2}}').templates[0].diagnostics.map((d) => d.rule)]));",
  });
  const outputs = ['esm.mjs', 'cjs.cjs'].map((f) => JSON.parse(execFileSync(process.execPath, [f], { cwd: dir, encoding: 'utf8' })));
  assert.deepEqual(outputs[0], outputs[1]);
  assert.equal(outputs[0][0], pkg.version);
  assert.ok(outputs[0][1].includes('placeholder-adjacent'), outputs[0][1].join(' '));
});

/** Runs `tsc --noEmit` on the TypeScript file in a consumer project; returns tsc's output. */
function tsc(file, compilerOptions) {
  const tsconfig = {
    compilerOptions: { strict: true, noEmit: true, skipLibCheck: false, target: 'ES2022', types: [], ...compilerOptions },
    files: [file],
  };
  const dir = consumerProject({ [file]: readFileSync(join(ROOT, 'pkg-tests', file), 'utf8'), 'tsconfig.json': JSON.stringify(tsconfig) });
  return spawnSync(join(BIN, 'tsc'), ['-p', dir], { encoding: 'utf8' });
}

test('tsc --noEmit: a Node consumer type-checks, and misuse is a type error', () => {
  const run = tsc('consumer-node.ts', { module: 'node16', moduleResolution: 'node16', lib: ['ES2022', 'ESNext.Disposable'] });
  assert.equal(run.status, 0, run.stdout + run.stderr);
});

test('tsc --noEmit: a browser/Worker consumer type-checks against the web build', () => {
  const run = tsc('consumer-web.ts', {
    module: 'ES2022',
    moduleResolution: 'bundler',
    customConditions: ['workerd'],
    lib: ['ES2022', 'DOM', 'ESNext.Disposable'],
  });
  assert.equal(run.status, 0, run.stdout + run.stderr);
});

test('tsc catches a type error in a consumer (the check is real)', () => {
  const run = spawnSync(join(BIN, 'tsc'), ['--version'], { encoding: 'utf8' });
  assert.equal(run.status, 0);
  const dir = consumerProject({
    'wrong.ts': "import { Linter } from 'walint';\nconst n: number = new Linter().lintText('x').templates[0].diagnostics[0].message;\n",
    'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, noEmit: true, module: 'node16', moduleResolution: 'node16', lib: ['ES2022', 'ESNext.Disposable'], types: [] }, files: ['wrong.ts'] }),
  });
  const wrong = spawnSync(join(BIN, 'tsc'), ['-p', dir], { encoding: 'utf8' });
  assert.notEqual(wrong.status, 0);
  assert.match(wrong.stdout, /Type 'string' is not assignable to type 'number'/);
});
