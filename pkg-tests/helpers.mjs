// Shared by the pkg-tests: where things are, and how to load the built package (pkg/, made by
// scripts/build-wasm.sh) the ways its users do.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const PKG = join(ROOT, 'pkg');
export const WASM = join(PKG, 'web', 'walint_bg.wasm');
export const BIN = join(ROOT, 'node_modules', '.bin');

if (!existsSync(join(PKG, 'package.json'))) {
  throw new Error('pkg/ is missing: run scripts/build-wasm.sh first');
}

/** The Node build (CommonJS; initialises itself). */
export const node = createRequire(import.meta.url)(join(PKG, 'node', 'walint.js'));

/** The web build, initialised with initSync from a compiled module, as in a Worker. */
export async function loadWeb() {
  const web = await import(join(PKG, 'web', 'walint.js'));
  const exports = web.initSync({ module: new WebAssembly.Module(readFileSync(WASM)) });
  return { ...web, memory: exports.memory };
}

/** Every template file of examples/, as the CLI finds them (*.json, *.txt), sorted. */
export function exampleFiles() {
  const out = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(json|txt)$/i.test(entry.name)) out.push(relative(ROOT, path));
    }
  };
  walk(join(ROOT, 'examples'));
  return out.sort();
}

/** Builds the native CLI (debug) and returns its path. */
export function nativeCli() {
  execFileSync('cargo', ['build', '--locked', '--quiet', '--bin', 'walint'], { cwd: ROOT, stdio: 'inherit' });
  return join(ROOT, 'target', 'debug', 'walint');
}

/**
 * A throwaway project that depends on the package by name, as `npm install walint` would:
 * node_modules/walint is a link to pkg/.
 */
export function consumerProject(files = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'walint-consumer-'));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(PKG, join(dir, 'node_modules', 'walint'), 'dir');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** Captures what a function throws (or fails when it does not throw). */
export function thrown(fn) {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected an exception');
}
