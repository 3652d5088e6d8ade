// The linter, off the main thread. Requests:
//   { type: 'lint', seq, template, options, fallback }  → { type: 'result', seq, result, optionsError }
//                                                          or { type: 'error', seq, error }
//   { type: 'lintAll', seq, document, options, fallback } → { type: 'all', seq, result } or { type: 'allError', seq, error }
//   { type: 'check', seq, text, options }                 → { type: 'checked', seq, error | null }
// `fallback`: the options to lint with when `options` are refused (code invalid_options, e.g. a
// domain that is not one); the result then carries `optionsError`, so the page can say what is
// wrong next to the field and keep checking with the last options that were valid.
// The page keeps one lint in flight; should requests still pile up, only the newest of each
// kind is linted, the single template first (it is what the user is typing).
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

/** The linter for `options`, or for `fallback` when `options` are refused: [linter, optionsError]. */
function linterOrFallback(options, fallback) {
  try {
    return [linterFor(options), null];
  } catch (e) {
    if (e?.code !== 'invalid_options' || !fallback) throw e;
    return [linterFor(fallback), describe(e)];
  }
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

const newest = { lint: null, lintAll: null };
let scheduled = false;

self.addEventListener('message', (event) => {
  const msg = event.data;
  if (msg?.type === 'lint' || msg?.type === 'lintAll') {
    newest[msg.type] = msg;
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
  const kind = newest.lint ? 'lint' : 'lintAll';
  const msg = newest[kind];
  newest[kind] = null;
  if (msg) {
    try {
      const [linter, optionsError] = linterOrFallback(msg.options, msg.fallback);
      const result = linter.lint(kind === 'lint' ? msg.template : msg.document);
      self.postMessage({ type: kind === 'lint' ? 'result' : 'all', seq: msg.seq, result, optionsError });
    } catch (e) {
      self.postMessage({ type: kind === 'lint' ? 'error' : 'allError', seq: msg.seq, error: describe(e) });
    }
  }
  scheduled = Boolean(newest.lint || newest.lintAll);
  if (scheduled) setTimeout(runNewest, 0);
}
