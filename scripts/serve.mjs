#!/usr/bin/env node
// Serves the page in www/ on 127.0.0.1 (no dependencies: node:http only).
//
//   node scripts/serve.mjs [--port 8080] [--no-stage]
//
// Before serving it stages the generated part of the page into www/pkg/ (gitignored): the web
// build of the wasm package (pkg/web, made by scripts/build-wasm.sh) and the example templates
// of examples/en and examples/ru with an index. scripts/serve.sh builds the package first.
// The test (pkg-tests/www.test.mjs) imports stageWww and createStaticServer from here.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const WWW = join(ROOT, 'www');

/** The policy of www/index.html's meta tag, also sent as a header (workers take theirs from it). */
export const CSP = [
  "default-src 'self'",
  "connect-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ts': 'text/plain; charset=utf-8',
};

/**
 * Copies the web build of the package and the example templates into www/pkg/. Returns the
 * example index ([{file, lang, name, category}]). Throws when pkg/ has not been built.
 */
export function stageWww({ root = ROOT, www = join(root, 'www') } = {}) {
  const web = join(root, 'pkg', 'web');
  if (!existsSync(join(web, 'walint.js'))) {
    throw new Error(`${relative(process.cwd(), web) || web} is missing: run scripts/build-wasm.sh first`);
  }
  const out = join(www, 'pkg');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'examples'), { recursive: true });
  for (const name of readdirSync(web)) copyFileSync(join(web, name), join(out, name));

  const index = [];
  for (const lang of ['ru', 'en']) {
    const dir = join(root, 'examples', lang);
    if (!existsSync(dir)) continue;
    mkdirSync(join(out, 'examples', lang), { recursive: true });
    for (const file of readdirSync(dir).sort()) {
      if (!/\.(json|txt)$/.test(file)) continue;
      const text = readFileSync(join(dir, file), 'utf8');
      let name = file.replace(/\.(json|txt)$/, '');
      let category = null;
      if (file.endsWith('.json')) {
        try {
          const parsed = JSON.parse(text);
          const first = Array.isArray(parsed) ? parsed[0] : (parsed.data?.[0] ?? parsed);
          if (typeof first?.name === 'string' && first.name) name = first.name;
          if (typeof first?.category === 'string') category = first.category;
        } catch {
          continue; // not a template the page could load
        }
      }
      copyFileSync(join(dir, file), join(out, 'examples', lang, file));
      index.push({ file: `${lang}/${file}`, lang, name, category });
    }
  }
  writeFileSync(join(out, 'examples', 'index.json'), JSON.stringify(index, null, 2) + '\n');
  return index;
}

/** A static file server for `dir` (GET and HEAD; directories serve their index.html). */
export function createStaticServer(dir = WWW) {
  const base = resolve(dir);
  return createServer(async (req, res) => {
    const headers = {
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-cache',
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...headers, allow: 'GET, HEAD' }).end();
      return;
    }
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
    } catch {
      res.writeHead(400, headers).end();
      return;
    }
    let file = resolve(base, '.' + path);
    if (file !== base && !file.startsWith(base + sep)) {
      res.writeHead(403, headers).end();
      return;
    }
    try {
      let info = await stat(file);
      if (info.isDirectory()) {
        file = join(file, 'index.html');
        info = await stat(file);
      }
      res.writeHead(200, {
        ...headers,
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'content-length': info.size,
      });
      if (req.method === 'HEAD') res.end();
      else createReadStream(file).pipe(res);
    } catch {
      res.writeHead(404, { ...headers, 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
    }
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  const portArg = args.indexOf('--port');
  const port = Number(portArg >= 0 ? args[portArg + 1] : process.env.PORT ?? 8080);
  if (!args.includes('--no-stage')) {
    const index = stageWww();
    console.log(`staged pkg/web and ${index.length} example templates into www/pkg/`);
  }
  const server = createStaticServer();
  server.on('error', (e) => {
    console.error(`serve: ${e.message}`);
    process.exit(1);
  });
  server.listen(port, '127.0.0.1', () => {
    console.log(`walint page: http://127.0.0.1:${server.address().port}/  (Ctrl+C to stop)`);
  });
}
