// The linter, off the main thread. Requests:
//   { type: 'lint', seq, template, options }  → { type: 'result', seq, result } or { type: 'error', seq, error }
//   { type: 'check', seq, text, options }     → { type: 'checked', seq, error | null }  (why JSON text is unreadable)
// Every answer carries the request's `seq`; the page drops answers older than the newest one
// it has shown. When lint requests pile up while one runs, only the newest is linted.
import init, { Linter } from './pkg/walint.js';

const ready = init().then(
  () => {
    const version = new Linter().version;
    self.postMessage({ type: 'ready', version });
  },
  (e) => {
    self.postMessage({ type: 'failed', error: describe(e) });
    throw e;
  },
);

const linters = new Map();
function linterFor(options) {
  const key = JSON.stringify(options);
  let linter = linters.get(key);
  if (!linter) {
    linter = new Linter(options);
    if (linters.size > 8) {
      for (const old of linters.values()) old.free();
      linters.clear();
    }
    linters.set(key, linter);
  }
  return linter;
}

function describe(e) {
  return {
    message: e?.message ?? String(e),
    code: e?.code ?? 'internal',
    line: e?.line,
    column: e?.column,
    path: e?.path,
  };
}

let newest = null;
let scheduled = false;

self.addEventListener('message', (event) => {
  const msg = event.data;
  if (msg?.type === 'lint') {
    newest = msg;
    if (!scheduled) {
      scheduled = true;
      setTimeout(runNewest, 0);
    }
  } else if (msg?.type === 'check') {
    ready.then(() => {
      let error = null;
      try {
        linterFor(msg.options).lint(msg.text);
      } catch (e) {
        error = describe(e);
      }
      self.postMessage({ type: 'checked', seq: msg.seq, error });
    }, () => self.postMessage({ type: 'checked', seq: msg.seq, error: null }));
  }
});

async function runNewest() {
  try {
    await ready;
  } catch {
    scheduled = false;
    return;
  }
  scheduled = false;
  const msg = newest;
  newest = null;
  if (!msg) return;
  try {
    const result = linterFor(msg.options).lint(msg.template);
    self.postMessage({ type: 'result', seq: msg.seq, result });
  } catch (e) {
    self.postMessage({ type: 'error', seq: msg.seq, error: describe(e) });
  }
}
