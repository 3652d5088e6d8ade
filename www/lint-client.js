// The page's side of the lint worker (lint-worker.js). A change is linted at once, with at most
// one request in flight: a change made while one is being linted waits for that answer and is
// sent the moment it arrives (before the answer is drawn, so that linting and drawing overlap),
// which makes the newest text always the next one linted. "Late" is reported when an answer
// takes longer than LATE_MS. Every request has a sequence number; an answer older than the one
// on screen is dropped.
//
// For the tests and the benchmark, <body> carries data-lint (idle | pending), data-sent (the
// newest request) and data-dropped (answers dropped).

const LATE_MS = 100;

export class LintClient {
  /**
   * `hooks`: { build() → { template (JSON text), options, fallback, keep } for a request now
   *   (`keep` comes back with its answer), result(answer, keep) for an answer newer than the
   *   one on screen, all(answer) for the newest lintAll, ready(version), failed(message),
   *   late(shown) }.
   */
  constructor(hooks) {
    this.hooks = hooks;
    this.sent = 0;
    this.applied = 0;
    this.dropped = 0;
    this.inFlight = 0;
    this.pending = false;
    this.lateTimer = null;
    this.kept = new Map(); // seq → keep
    this.checks = new Map();
    this.checkSeq = 0;
    this.allSeq = 0;
    this.worker = new Worker(new URL('./lint-worker.js', import.meta.url), { type: 'module' });
    this.worker.addEventListener('message', ({ data }) => this.#message(data));
    this.worker.addEventListener('error', (e) => hooks.failed(e.message || 'worker error'));
  }

  /** A change: lint it now, or as soon as the request in flight is answered. */
  request() {
    if (this.inFlight) this.pending = true;
    else this.#send();
    this.#busy();
  }

  /** Answers still on their way are about work that was replaced: drop them. */
  forget() {
    this.kept.clear();
  }

  /** Why the linter cannot read this JSON text: the core's error, or null. */
  check(text, options) {
    const seq = ++this.checkSeq;
    return new Promise((resolve) => {
      this.checks.set(seq, resolve);
      this.worker.postMessage({ type: 'check', seq, text, options });
    });
  }

  /** Lints a whole document (the export table); only the newest answer reaches hooks.all. */
  lintAll(document, options, fallback) {
    this.allSeq += 1;
    this.worker.postMessage({ type: 'lintAll', seq: this.allSeq, document, options, fallback });
  }

  #send() {
    this.pending = false;
    const { template, options, fallback, keep } = this.hooks.build();
    const seq = ++this.sent;
    this.kept.set(seq, keep);
    this.inFlight = seq;
    document.body.dataset.sent = String(seq);
    this.worker.postMessage({ type: 'lint', seq, template, options, fallback });
    this.lateTimer ??= setTimeout(() => {
      this.lateTimer = null;
      if (this.inFlight || this.pending) this.hooks.late(true);
    }, LATE_MS);
  }

  #message(data) {
    switch (data.type) {
      case 'ready':
        this.hooks.ready(data.version);
        break;
      case 'failed':
        this.hooks.failed(data.error.message);
        break;
      case 'result':
      case 'error':
        this.#answer(data);
        break;
      case 'all':
      case 'allError':
        if (data.seq === this.allSeq) this.hooks.all(data);
        break;
      case 'checked':
        this.checks.get(data.seq)?.(data.error);
        this.checks.delete(data.seq);
        break;
      default:
    }
  }

  #answer(data) {
    if (data.seq === this.inFlight) this.inFlight = 0;
    if (!this.inFlight && this.pending) this.#send();
    const keep = this.kept.get(data.seq);
    if (data.seq <= this.applied || keep === undefined) {
      this.dropped += 1;
      document.body.dataset.dropped = String(this.dropped);
    } else {
      for (const seq of this.kept.keys()) if (seq <= data.seq) this.kept.delete(seq);
      this.applied = data.seq;
      this.hooks.result(data, keep);
    }
    if (!this.inFlight && !this.pending) {
      clearTimeout(this.lateTimer);
      this.lateTimer = null;
      this.hooks.late(false);
    }
    this.#busy();
  }

  #busy() {
    document.body.dataset.lint = this.inFlight || this.pending ? 'pending' : 'idle';
  }
}
