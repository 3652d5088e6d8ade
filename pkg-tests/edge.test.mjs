// examples/edge in real edge runtimes on 127.0.0.1: the Cloudflare Worker in workerd (through
// miniflare) and the Deno server (`deno serve`). Both must answer the same way.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Miniflare } from 'miniflare';
import { BIN, PKG, ROOT, node } from './helpers.mjs';

const TEMPLATE = readFileSync(join(ROOT, 'examples', 'en', 'bad_placeholders.json'), 'utf8');

async function startWorker() {
  const mf = new Miniflare({
    modules: true,
    scriptPath: join(ROOT, 'examples', 'edge', 'worker.mjs'),
    modulesRoot: ROOT,
    modulesRules: [
      { type: 'ESModule', include: ['**/*.mjs', '**/*.js'] },
      { type: 'CompiledWasm', include: ['**/*.wasm'] },
    ],
    compatibilityDate: '2025-01-01',
    host: '127.0.0.1',
    port: 0,
  });
  const url = await mf.ready;
  return { url: new URL('/', url).href, stop: () => mf.dispose() };
}

async function startDeno() {
  const child = spawn(
    join(BIN, 'deno'),
    ['serve', '--host', '127.0.0.1', '--port', '0', `--allow-read=${PKG}`, join(ROOT, 'examples', 'edge', 'deno.mjs')],
    {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1', DENO_NO_PROMPT: '1', DENO_DIR: mkdtempSync(join(tmpdir(), 'deno-dir-')) },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let log = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`deno did not start within 30 s:\n${log}`)), 30_000);
    const onData = (chunk) => {
      log += chunk;
      // `deno serve` prints "Listening on http://127.0.0.1:PORT/" (on stderr).
      const m = log.match(/Listening on (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`deno exited with ${code}:\n${log}`)));
  });
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}

const post = (base, body, { path = '/lint', headers = {}, method = 'POST' } = {}) =>
  fetch(new URL(path, base), { method, body, headers: { 'content-type': 'application/json', ...headers } });

for (const [runtime, start] of [
  ['workerd (miniflare)', startWorker],
  ['deno serve', startDeno],
]) {
  describe(`examples/edge in ${runtime}`, () => {
    let server;
    before(async () => {
      server = await start();
    });
    after(async () => {
      await server?.stop();
    });

    test('POST /lint → 200 with the same result as the package, plus a summary', async () => {
      const res = await post(server.url, TEMPLATE);
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type'), /^application\/json/);
      const body = await res.json();
      const expected = new node.Linter().lint(TEMPLATE);
      assert.deepEqual(body.templates, expected.templates);
      const all = expected.templates.flatMap((t) => t.diagnostics);
      assert.ok(all.length > 0);
      assert.deepEqual(body.summary, {
        errors: all.filter((d) => d.severity === 'error').length,
        warnings: all.filter((d) => d.severity === 'warning').length,
        infos: all.filter((d) => d.severity === 'info').length,
      });
    });

    test('a body that starts with a byte order mark gets the answer of the body without it', async () => {
      const utf8 = new TextEncoder().encode(TEMPLATE);
      const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
      const [plain, marked] = await Promise.all([post(server.url, utf8), post(server.url, withBom)]);
      assert.equal(marked.status, 200);
      const answer = await plain.text();
      assert.ok(JSON.parse(answer).templates[0].diagnostics.some((d) => d.location), answer);
      assert.equal(await marked.text(), answer);
    });

    test('query options reach the linter (lang, profile, owned_domain)', async () => {
      const res = await post(server.url, TEMPLATE, { path: '/lint?lang=ru&profile=business-app&owned_domain=shop.example' });
      assert.equal(res.status, 200);
      const expected = new node.Linter({ lang: 'ru', profile: 'business-app', ownedDomains: ['shop.example'] }).lint(TEMPLATE);
      assert.deepEqual((await res.json()).templates, expected.templates);
      const bad = await post(server.url, TEMPLATE, { path: '/lint?lang=de' });
      assert.equal(bad.status, 400);
      assert.equal((await bad.json()).error.code, 'invalid_options');
    });

    test('invalid JSON → 400 with a JSON error', async () => {
      for (const body of ['{"name": ', 'not json at all', '']) {
        const res = await post(server.url, body);
        assert.equal(res.status, 400, body);
        const { error } = await res.json();
        assert.equal(error.code, 'invalid_json');
        assert.match(error.message, /not JSON/);
      }
    });

    test('JSON that is not a readable template → 422 with the path, line and column', async () => {
      const res = await post(server.url, '{\n  "name": "x",\n  "components": [{"type": "BODY", "text": 5}]\n}');
      assert.equal(res.status, 422);
      const { error } = await res.json();
      assert.deepEqual(
        { code: error.code, path: error.path, line: error.line },
        { code: 'unreadable_template', path: 'components[0].text', line: 3 },
      );
      assert.match(error.message, /^components\[0\]\.text: expected a string/);
      const dup = await post(server.url, '{"name": "a", "name": "b"}');
      assert.equal(dup.status, 422);
      assert.match((await dup.json()).error.message, /duplicate key/);
    });

    test('a body over 64 KiB → 413, with or without a Content-Length', async () => {
      const big = JSON.stringify({ name: 'x'.repeat(70_000) });
      const res = await post(server.url, big);
      assert.equal(res.status, 413);
      assert.equal((await res.json()).error.code, 'payload_too_large');
      // Streamed (chunked): the handler counts the bytes itself.
      const chunks = [big.slice(0, 40_000), big.slice(40_000)];
      const stream = new ReadableStream({
        pull(controller) {
          const next = chunks.shift();
          if (next === undefined) controller.close();
          else controller.enqueue(new TextEncoder().encode(next));
        },
      });
      const streamed = await fetch(new URL('/lint', server.url), { method: 'POST', body: stream, duplex: 'half' });
      assert.equal(streamed.status, 413);
      // Just under the limit is fine.
      const fits = JSON.stringify({ ...JSON.parse(TEMPLATE), padding: 'x'.repeat(60_000) });
      assert.equal((await post(server.url, fits)).status, 200);
    });

    test('any body within 64 KiB gets a bounded answer: at most 50 templates, 500 findings, well under 1 MB', async () => {
      // 64 KiB of tiny templates: refused before linting (each would cost a prediction).
      const many = `[${Array(51).fill(TEMPLATE).join(',')}]`;
      const refused = await post(server.url, many);
      assert.equal(refused.status, 413);
      assert.equal((await refused.json()).error.code, 'too_many_templates');
      const data = await post(server.url, `{"data": ${many}}`);
      assert.equal(data.status, 413);
      // Hostile bodies just under 64 KiB: a body of broken placeholders, 50 templates of
      // findings, a body of emoji.
      const hostile = [
        JSON.stringify({ name: 'a', language: 'en', category: 'UTILITY', components: [{ type: 'BODY', text: '{{ 1 } bit.ly/x '.repeat(3900) }] }),
        `[${Array(50).fill(JSON.stringify({ name: 'A B', components: [{ type: 'BODY', text: '{{1}}{{2}} bit.ly/x СКИДКА!!! '.repeat(30) }] })).join(',')}]`,
        JSON.stringify({ components: [{ type: 'BODY', text: '🔥'.repeat(15000) }] }),
      ];
      for (const body of hostile) {
        assert.ok(new TextEncoder().encode(body).length <= 64 * 1024, `${body.length}`);
        const res = await post(server.url, body);
        assert.equal(res.status, 200);
        const text = await res.text();
        assert.ok(text.length < 1 << 20, `${text.length} bytes`);
        const { templates } = JSON.parse(text);
        const listed = templates.reduce((n, t) => n + t.diagnostics.length, 0);
        assert.ok(listed <= 501, `${listed} findings`);
      }
    });

    test('other methods → 405, other paths → 404', async () => {
      for (const method of ['GET', 'PUT', 'DELETE']) {
        const res = await fetch(new URL('/lint', server.url), { method });
        assert.equal(res.status, 405, method);
        assert.equal(res.headers.get('allow'), 'POST');
        assert.equal((await res.json()).error.code, 'method_not_allowed');
      }
      const res = await post(server.url, TEMPLATE, { path: '/other' });
      assert.equal(res.status, 404);
      await res.body?.cancel();
    });
  });
}
