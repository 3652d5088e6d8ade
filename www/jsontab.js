// The JSON tab: Meta's message_templates JSON of the template, editable (the form follows as
// soon as the text is a valid template), file import, copy to the clipboard and download.
import { h, replaceChildren } from './dom.js';
import { t } from './i18n.js';
import { templatesOf } from './model.js';

const APPLY_DELAY_MS = 300;

export class JsonTab {
  /**
   * `els`: { textarea, status, file, copy, download, picker, pickerWrap }.
   * `hooks`: { current() → JSON text of the template, load(template, source), loadText(text, name),
   *            check(text) → Promise<error | null>, showForm(), announce(text) }.
   */
  constructor(els, hooks) {
    this.els = els;
    this.hooks = hooks;
    this.dirty = false;
    this.bundle = [];
    this.timer = null;
    els.textarea.addEventListener('input', () => {
      this.dirty = true;
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.#apply(els.textarea.value, 'json'), APPLY_DELAY_MS);
    });
    els.file.addEventListener('change', () => this.#import());
    els.copy.addEventListener('click', () => this.#copy());
    els.download.addEventListener('click', () => this.#download());
    els.picker.addEventListener('change', () => {
      const template = this.bundle[Number(els.picker.value)];
      if (template) {
        this.hooks.load(template, 'picker');
        this.refresh(true);
      }
    });
  }

  /** Shows the template's JSON, unless the user is in the middle of editing it (`force` wins). */
  refresh(force = false) {
    if (this.dirty && !force) return;
    clearTimeout(this.timer);
    this.dirty = false;
    const text = this.hooks.current();
    if (this.els.textarea.value !== text) this.els.textarea.value = text;
  }

  /** Forgets the templates of the last multi-template document. */
  clearBundle() {
    this.bundle = [];
    this.els.pickerWrap.hidden = true;
  }

  #status(text, kind = 'info') {
    this.els.status.textContent = text;
    this.els.status.dataset.kind = kind;
  }

  /** Reads JSON text; on success loads its (first) template. Returns true when it did. */
  async #apply(text, source, fileName = null) {
    let doc;
    try {
      doc = JSON.parse(text);
    } catch (e) {
      const why = (await this.hooks.check(text))?.message ?? e.message;
      this.#status(fileName ? t('json.readFailed', { file: fileName, msg: why }) : t('json.invalid', { msg: why }), 'error');
      return false;
    }
    const templates = templatesOf(doc).filter((x) => x && typeof x === 'object' && !Array.isArray(x));
    if (templates.length === 0) {
      const msg = t('json.notTemplate');
      this.#status(fileName ? t('json.readFailed', { file: fileName, msg }) : t('json.invalid', { msg }), 'error');
      return false;
    }
    this.bundle = templates;
    this.#fillPicker();
    this.hooks.load(templates[0], source);
    this.#status(fileName ? t('json.loaded', { file: fileName }) : t('json.applied'), 'ok');
    return true;
  }

  #fillPicker() {
    const { picker, pickerWrap } = this.els;
    pickerWrap.hidden = this.bundle.length < 2;
    if (this.bundle.length < 2) return;
    this.els.pickerLabel.textContent = t('json.many', { n: this.bundle.length });
    replaceChildren(picker, this.bundle.map((tpl, i) =>
      h('option', { value: String(i) }, `${i + 1}. ${typeof tpl.name === 'string' && tpl.name ? tpl.name : '—'}`)));
    picker.value = '0';
  }

  async #import() {
    const file = this.els.file.files?.[0];
    if (!file) return;
    let text;
    try {
      text = await file.text();
    } catch (e) {
      this.#status(t('json.readFailed', { file: file.name, msg: e.message }), 'error');
      return;
    } finally {
      this.els.file.value = '';
    }
    let ok;
    if (/\.txt$/i.test(file.name) || !/^\s*[{[]/.test(text)) {
      this.clearBundle();
      this.hooks.loadText(text, file.name.replace(/\.[^.]*$/, ''));
      this.#status(t('json.loaded', { file: file.name }), 'ok');
      ok = true;
    } else {
      ok = await this.#apply(text, 'file', file.name);
    }
    if (ok) {
      this.refresh(true);
      this.hooks.announce(t('json.loaded', { file: file.name }));
      this.hooks.showForm();
    }
  }

  async #copy() {
    const text = this.els.textarea.value;
    try {
      await navigator.clipboard.writeText(text);
      this.#status(t('json.copied'), 'ok');
    } catch (e) {
      // Older browsers, or no clipboard permission: copy the selection instead.
      this.els.textarea.select();
      if (document.execCommand('copy')) this.#status(t('json.copied'), 'ok');
      else this.#status(t('json.copyFailed', { msg: e.message }), 'error');
    }
  }

  #download() {
    const text = this.els.textarea.value;
    let name = 'template';
    try {
      const first = templatesOf(JSON.parse(text))[0];
      if (typeof first?.name === 'string' && /^[\w-]+$/.test(first.name)) name = first.name;
    } catch { /* keep the default name */ }
    const url = URL.createObjectURL(new Blob([text.endsWith('\n') ? text : `${text}\n`], { type: 'application/json' }));
    const a = h('a', { href: url, download: `${name}.json`, hidden: true });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    this.#status(t('json.downloaded', { file: `${name}.json` }), 'ok');
  }
}
