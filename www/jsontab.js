// The JSON tab: the whole document in Meta's message_templates JSON (one template, an array, or
// a `{"data": [...]}` response: every template of it, never only the one in the form), with
// line numbers. Edits apply as soon as the text is valid; when it is not, the status says where
// (line and column, marked in the gutter, with a button that puts the caret there) and Copy and
// Download refuse rather than hand on broken JSON. File import, copy and download.
import { h, replaceChildren } from './dom.js';
import { t } from './i18n.js';
import { templatesOf } from './model.js';

const APPLY_DELAY_MS = 300;

export class JsonTab {
  /**
   * `els`: { textarea, gutter, status, file, copy, download }.
   * `hooks`: { text() → the document's JSON text, apply(doc) (the text was edited into a valid
   *   document), import(doc, fileName) → Promise<boolean>, importText(text, name) → Promise<boolean>,
   *   check(text) → Promise<core error | null>, showForm(), announce(text) }.
   */
  constructor(els, hooks) {
    this.els = els;
    this.hooks = hooks;
    this.dirty = false;
    this.stale = true;
    this.timer = null;
    this.state = null; // the status: { key, vars, kind, at, text } (text: the JSON it is about)
    this.errorLine = 0;
    els.textarea.addEventListener('input', () => {
      this.dirty = true;
      this.#gutter();
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.#applyEdit(), APPLY_DELAY_MS);
    });
    els.textarea.addEventListener('scroll', () => { els.gutter.scrollTop = els.textarea.scrollTop; });
    els.file.addEventListener('change', () => this.#import());
    els.copy.addEventListener('click', () => this.#copy());
    els.download.addEventListener('click', () => this.#download());
    els.status.addEventListener('click', (e) => {
      if (e.target.closest('[data-action="goto"]')) this.#goTo();
    });
  }

  get visible() {
    return !this.els.textarea.closest('[hidden]');
  }

  /**
   * Shows the document's JSON, unless the user is in the middle of editing it (`force` wins).
   * While the tab is hidden the text is only marked stale: it is rebuilt when the tab is shown.
   */
  refresh(force = false) {
    if (this.dirty && !force) return;
    clearTimeout(this.timer);
    this.dirty = false;
    if (!this.visible) {
      this.stale = true;
      return;
    }
    this.stale = false;
    const text = this.hooks.text();
    if (this.els.textarea.value !== text) {
      this.els.textarea.value = text;
      if (this.state?.kind === 'error') this.#setStatus(null);
    }
    this.#gutter();
  }

  /** The tab was shown. */
  shown() {
    if (this.stale) this.refresh();
  }

  /** Says the status again in the interface language (a core message is asked for again). */
  async relabel() {
    const s = this.state;
    if (!s) return;
    if (s.kind === 'error' && s.text !== undefined) {
      const problem = await this.#problem(s.text);
      if (problem) this.#setStatus({ ...s, vars: { ...s.vars, msg: problem.message }, at: problem.at });
      return;
    }
    this.#render();
  }

  #setStatus(state) {
    this.state = state;
    this.errorLine = state?.at?.line ?? 0;
    this.#render();
    this.#gutter();
  }

  #render() {
    const s = this.state;
    const { status } = this.els;
    if (!s) {
      replaceChildren(status);
      delete status.dataset.kind;
      return;
    }
    status.dataset.kind = s.kind;
    replaceChildren(status,
      h('span', {}, t(s.key, s.vars)),
      s.at ? [' ', h('button', { type: 'button', class: 'btn btn-small', dataset: { action: 'goto' } }, t('json.goto'))] : null);
  }

  /** Line numbers beside the text (it never wraps), the line of an error marked. */
  #gutter() {
    const lines = this.els.textarea.value.split('\n').length;
    const { gutter } = this.els;
    if (gutter.dataset.lines === String(lines) && gutter.dataset.error === String(this.errorLine)) return;
    gutter.dataset.lines = String(lines);
    gutter.dataset.error = String(this.errorLine);
    const before = [];
    for (let i = 1; i < Math.min(this.errorLine, lines + 1); i++) before.push(i);
    const after = [];
    for (let i = Math.max(this.errorLine + 1, 1); i <= lines; i++) after.push(i);
    replaceChildren(gutter,
      before.length ? `${before.join('\n')}\n` : '',
      this.errorLine > 0 && this.errorLine <= lines ? h('mark', { class: 'gutter-error' }, String(this.errorLine)) : null,
      this.errorLine > 0 && this.errorLine <= lines && after.length ? '\n' : '',
      after.join('\n'));
    gutter.scrollTop = this.els.textarea.scrollTop;
  }

  /** Puts the caret at the error's line and column. */
  #goTo() {
    const at = this.state?.at;
    if (!at) return;
    const ta = this.els.textarea;
    const lines = ta.value.split('\n');
    let offset = 0;
    for (let i = 0; i < Math.min(at.line - 1, lines.length); i++) offset += lines[i].length + 1;
    const line = lines[Math.min(at.line, lines.length) - 1] ?? '';
    offset += Math.min(Math.max(0, (at.column ?? 1) - 1), line.length);
    ta.focus();
    ta.setSelectionRange(offset, Math.min(offset + 1, ta.value.length));
  }

  /**
   * Why `text` is not a document of templates: { message, at } or null when it is one (then
   * `doc` is the parsed document).
   */
  async #problem(text) {
    let doc;
    try {
      doc = JSON.parse(text);
    } catch (e) {
      const error = await this.hooks.check(text);
      const at = error?.line ? { line: error.line, column: error.column ?? 1 } : null;
      const why = error?.message ?? e.message;
      return { message: at && !/line \d|строк/.test(why) ? `${t('json.at', at)}: ${why}` : why, at };
    }
    const templates = templatesOf(doc);
    if (templates.length === 0 || !templates.every((x) => x && typeof x === 'object' && !Array.isArray(x))) {
      return { message: t('json.notTemplate'), at: null };
    }
    return null;
  }

  async #applyEdit() {
    const text = this.els.textarea.value;
    const problem = await this.#problem(text);
    if (this.els.textarea.value !== text) return; // edited again meanwhile: that edit applies
    if (problem) {
      this.#setStatus({ key: 'json.invalid', vars: { msg: problem.message }, kind: 'error', at: problem.at, text });
      return;
    }
    this.hooks.apply(JSON.parse(text));
    this.dirty = false;
    this.#setStatus({ key: 'json.applied', vars: {}, kind: 'ok' });
  }

  async #import() {
    const file = this.els.file.files?.[0];
    if (!file) return;
    let text;
    try {
      text = await file.text();
    } catch (e) {
      this.#setStatus({ key: 'json.readFailed', vars: { file: file.name, msg: e.message }, kind: 'error' });
      return;
    } finally {
      this.els.file.value = '';
    }
    let ok;
    if (/\.txt$/i.test(file.name) || !/^\s*[{[]/.test(text)) {
      ok = await this.hooks.importText(text, file.name);
    } else {
      const problem = await this.#problem(text);
      if (problem) {
        this.#setStatus({ key: 'json.readFailed', vars: { file: file.name, msg: problem.message }, kind: 'error' });
        return;
      }
      ok = await this.hooks.import(JSON.parse(text), file.name);
    }
    if (!ok) return;
    this.refresh(true);
    this.#setStatus({ key: 'json.loaded', vars: { file: file.name }, kind: 'ok' });
    this.hooks.announce(t('json.loaded', { file: file.name }));
    this.hooks.showForm();
  }

  async #copy() {
    const text = this.els.textarea.value;
    const problem = await this.#problem(text);
    if (problem) {
      this.#setStatus({ key: 'json.notCopied', vars: { msg: problem.message }, kind: 'error', at: problem.at, text });
      return;
    }
    try {
      await navigator.clipboard.writeText(text);
      this.#setStatus({ key: 'json.copied', vars: {}, kind: 'ok' });
    } catch (e) {
      // Older browsers, or no clipboard permission: copy the selection instead.
      this.els.textarea.select();
      if (document.execCommand('copy')) this.#setStatus({ key: 'json.copied', vars: {}, kind: 'ok' });
      else this.#setStatus({ key: 'json.copyFailed', vars: { msg: e.message }, kind: 'error' });
    }
  }

  async #download() {
    const text = this.els.textarea.value;
    const problem = await this.#problem(text);
    if (problem) {
      this.#setStatus({ key: 'json.notDownloaded', vars: { msg: problem.message }, kind: 'error', at: problem.at, text });
      return;
    }
    const templates = templatesOf(JSON.parse(text));
    const first = templates[0];
    let name = templates.length > 1 ? 'templates' : 'template';
    if (templates.length === 1 && typeof first?.name === 'string' && /^[\w-]+$/.test(first.name)) name = first.name;
    const url = URL.createObjectURL(new Blob([text.endsWith('\n') ? text : `${text}\n`], { type: 'application/json' }));
    const a = h('a', { href: url, download: `${name}.json`, hidden: true });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    this.#setStatus({ key: 'json.downloaded', vars: { file: `${name}.json` }, kind: 'ok' });
  }
}
