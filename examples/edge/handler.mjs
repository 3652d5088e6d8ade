// Pre-validation of WhatsApp message templates at the edge: one runtime-neutral handler (Web
// `Request` in, `Response` out) that the Cloudflare Worker (worker.mjs) and the Deno server
// (deno.mjs) both export.
//
//   POST /lint   body: a template in Meta's message_templates JSON (one template, an array, or
//                {"data": [...]}); optional query: ?lang=en|ru&profile=api|business-app
//                &owned_domain=shop.example (repeatable)
//   200  {"templates": [...], "summary": {"errors", "warnings", "infos"}}
//   400  the body is not JSON (or not UTF-8), or a query option is invalid
//   404  another path          405  another method
//   413  a body over 64 KiB, or more than 50 templates in one request
// The answer lists at most 500 findings (the rest are counted in one), so that any request
// costs a few milliseconds of CPU and its answer stays well under 1 MB.
//   422  JSON that walint cannot read as a template (with the JSON path, line and column)
// Errors are {"error": {"code", "message", ...}}.
//
// In your own project, import from the package instead: `import { initSync, Linter } from 'walint'`.
import { initSync, Linter } from '../../pkg/edge/walint.js';

export const MAX_BODY_BYTES = 64 * 1024;
/** How much of a body over the limit is read and dropped so that its 413 reaches the client. */
const DRAIN_BYTES = 1024 * 1024;
/** Templates one request may hold: each gets a prediction, and CPU is billed per request. */
export const MAX_TEMPLATES = 50;
/** Findings one answer lists; the rest are counted in a closing finding. */
export const MAX_FINDINGS = 500;

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };
const encoder = new TextEncoder();

function json(status, body, headers = {}) {
  // Bytes, not the string: a runtime checks a string body for lone surrogates before encoding
  // it (a scan of the whole answer), and JSON.stringify never writes any.
  const bytes = encoder.encode(JSON.stringify(body));
  return new Response(bytes, { status, headers: { ...JSON_HEADERS, ...headers } });
}

function failure(status, code, message, details = {}, headers = {}) {
  return json(status, { error: { code, message, ...details } }, headers);
}

/**
 * Reads the body as bytes, or `null` when it is longer than `limit`. A body that is too long is
 * still read to its end (and dropped) up to `DRAIN_BYTES`: a runtime that stops reading while the
 * client is still sending may reset the connection, and the client then never sees the 413.
 * Beyond that the reading stops at once.
 */
async function readCapped(request, limit) {
  const declared = Number(request.headers.get('content-length'));
  const tooLong = Number.isFinite(declared) && declared > limit;
  if (tooLong && declared > DRAIN_BYTES) return null;
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > DRAIN_BYTES) {
      await reader.cancel();
      return null;
    }
    if (size <= limit) chunks.push(value);
  }
  if (tooLong || size > limit) return null;
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/**
 * Builds the handler. `wasmModule` is a compiled `WebAssembly.Module` (Workers get one by
 * importing the .wasm file; they may not compile from bytes). `defaults` are LintOptions
 * applied to every request; the query can change `lang`, `profile` and `ownedDomains`.
 */
export function makeHandler(wasmModule, defaults = {}) {
  initSync({ module: wasmModule });
  // One Linter per distinct set of options; a handful in practice.
  const linters = new Map();
  const linterFor = (options) => {
    const key = JSON.stringify(options);
    let linter = linters.get(key);
    if (!linter) {
      linter = new Linter(options);
      if (linters.size >= 32) {
        const [oldestKey, oldest] = linters.entries().next().value;
        linters.delete(oldestKey);
        oldest.free();
      }
      linters.set(key, linter);
    }
    return linter;
  };

  return {
    async fetch(request) {
      const url = new URL(request.url);
      if (url.pathname !== '/lint') {
        return failure(404, 'not_found', `no such endpoint: ${url.pathname} (use POST /lint)`);
      }
      if (request.method !== 'POST') {
        return failure(405, 'method_not_allowed', `${request.method} is not allowed: use POST`, {}, { allow: 'POST' });
      }
      const bytes = await readCapped(request, MAX_BODY_BYTES);
      if (bytes === null) {
        return failure(413, 'payload_too_large', `the body is larger than ${MAX_BODY_BYTES} bytes`);
      }
      let text;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        return failure(400, 'invalid_json', 'the body is not UTF-8 text');
      }
      let parsed;
      try {
        parsed = JSON.parse(text);
      } catch (e) {
        return failure(400, 'invalid_json', `the body is not JSON: ${e.message}`);
      }
      const count = Array.isArray(parsed)
        ? parsed.length
        : Array.isArray(parsed?.data) && !('components' in parsed)
          ? parsed.data.length
          : 1;
      if (count > MAX_TEMPLATES) {
        return failure(413, 'too_many_templates', `the body holds ${count} templates; one request takes at most ${MAX_TEMPLATES}`);
      }

      const options = { maxFindings: MAX_FINDINGS, ...defaults };
      for (const [param, key] of [['lang', 'lang'], ['profile', 'profile']]) {
        const value = url.searchParams.get(param);
        if (value !== null) options[key] = value;
      }
      const domains = url.searchParams.getAll('owned_domain');
      if (domains.length) options.ownedDomains = [...(defaults.ownedDomains ?? []), ...domains];

      let linter;
      try {
        linter = linterFor(options);
      } catch (e) {
        return failure(400, e.code ?? 'invalid_options', e.message);
      }
      try {
        // Lint the body as sent, so that every `location` points into it: its bytes (UTF-8, as
        // checked above), copied into WebAssembly as they are rather than encoded again from
        // the string, less the byte order mark that TextDecoder dropped. The answer comes back
        // as JSON bytes, the listed findings counted in `summary`: no JavaScript objects built
        // only to be printed.
        const source = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
        const answer = linter.lintJson(source, { summary: true });
        return new Response(answer, { status: 200, headers: JSON_HEADERS });
      } catch (e) {
        if (e.code === 'unreadable_template') {
          return failure(422, e.code, e.message, { path: e.path, line: e.line, column: e.column });
        }
        return failure(500, e.code ?? 'internal', e.message);
      }
    },
  };
}
