// The form: template name, language and category; header, body, footer and buttons; and a notice
// naming what only the JSON tab edits (a carousel, a flow button, ...), which the form keeps as it
// came. Every text
// control carries `data-field` (the key model.js maps JSON paths to) and sits on a highlight
// backdrop (highlight.js). Text edits update the state in place; changes of structure (header
// type, buttons added, moved or removed) re-render the form and keep the focus.
import { h, replaceChildren, uid } from './dom.js';
import { has, t } from './i18n.js';
import {
  BUTTON_TYPES, CATEGORIES, HEADER_FORMATS, adoptButtonFields, buttonFields, fieldRef, jsonOnly, jsonOnlyButton, newButton, placeholders,
} from './model.js';
import { autoSize, syncScroll } from './highlight.js';

const LANGUAGE_CODES = ['ru', 'en', 'en_US', 'en_GB', 'es', 'es_MX', 'pt_BR', 'de', 'fr', 'it', 'uk', 'kk', 'uz', 'tr', 'ar', 'id', 'hi'];
const FORMAT_MARKERS = [
  { marker: '*', label: 'fmt.bold', glyph: 'B', cls: 'fmt-bold' },
  { marker: '_', label: 'fmt.italic', glyph: 'I', cls: 'fmt-italic' },
  { marker: '~', label: 'fmt.strike', glyph: 'S', cls: 'fmt-strike' },
  { marker: '```', label: 'fmt.mono', glyph: '</>', cls: 'fmt-mono' },
];
const LIMITS = { 'header.text': 60, 'footer.text': 60 };

/** A labelled text control on a highlight backdrop. */
function textField({ key, label, value, multiline = false, hint = null, counter = false, attrs = {}, toolbar = null }) {
  const id = uid('f');
  const hintId = hint ? uid('hint') : null;
  const counterId = counter ? uid('count') : null;
  const control = h(multiline ? 'textarea' : 'input', {
    id,
    class: 'hl-control',
    type: multiline ? null : 'text',
    rows: multiline ? 3 : null,
    spellcheck: 'false',
    autocomplete: 'off',
    'aria-describedby': [counterId, hintId].filter(Boolean).join(' ') || null,
    dataset: { field: key },
    ...attrs,
  });
  control.value = value ?? '';
  return h('div', { class: 'field' },
    h('div', { class: 'label-row' },
      h('label', { for: id }, label),
      counter ? h('span', { class: 'counter', id: counterId, dataset: { counter: key } }) : null),
    toolbar,
    h('div', { class: `hl-wrap${multiline ? ' hl-multi' : ''}` },
      h('div', { class: 'hl-backdrop', 'aria-hidden': 'true' }),
      control),
    hint ? h('p', { class: 'hint', id: hintId }, hint) : null);
}

function selectField({ key, label, value, options, focusKey }) {
  const id = uid('f');
  const select = h('select', { id, dataset: { field: key, focusKey: focusKey ?? key } },
    options.map(([v, text]) => h('option', { value: v, selected: v === value }, text)));
  select.value = value;
  return h('div', { class: 'field' }, h('div', { class: 'label-row' }, h('label', { for: id }, label)), select);
}

export class Editor {
  /**
   * `onInput(key)`: a field's text changed. `onStructure()`: the template's shape changed.
   * `announce(text)`: say something to screen readers. `showJson()`: open the JSON tab.
   */
  constructor(root, { onInput, onStructure, announce, showJson }) {
    this.root = root;
    this.cb = { onInput, onStructure, announce, showJson };
    this.state = null;
    root.addEventListener('input', (e) => this.#onInput(e));
    root.addEventListener('change', (e) => this.#onChange(e));
    root.addEventListener('click', (e) => this.#onClick(e));
    root.addEventListener('scroll', (e) => this.#sync(e.target), true);
    root.addEventListener('keyup', (e) => this.#sync(e.target));
    root.addEventListener('pointerup', (e) => this.#sync(e.target));
  }

  /** Draws the form for `state`; `profile` decides whether the category is asked. */
  render(state, profile = this.profile ?? 'api') {
    this.state = state;
    this.profile = profile;
    const focus = this.#saveFocus();
    replaceChildren(this.root,
      this.#categorySection(),
      this.#jsonOnlyNotice(),
      this.#templateSection(),
      this.#headerSection(),
      this.#bodySection(),
      this.#footerSection(),
      this.#buttonsSection());
    this.resize();
    this.#restoreFocus(focus);
  }

  /** The control of a field key. */
  control(key) {
    const k = CSS.escape(key);
    // A group of radio buttons (the category) is its checked one, or its first.
    return this.root.querySelector(`[data-field="${k}"]:checked`) ?? this.root.querySelector(`[data-field="${k}"]`);
  }

  /** The section or row a container key (`buttons`, `button.b2`, `header`, ...) stands for. */
  container(key) {
    return this.root.querySelector(`[data-containers~="${CSS.escape(key)}"]`);
  }

  backdrop(key) {
    return this.control(key)?.parentElement.querySelector('.hl-backdrop') ?? null;
  }

  /** Every highlighted control: [key, control, backdrop]. */
  highlighted() {
    return [...this.root.querySelectorAll('.hl-control')].map((c) => [c.dataset.field, c, c.previousElementSibling]);
  }

  resize() {
    for (const ta of this.root.querySelectorAll('textarea')) autoSize(ta);
    for (const c of this.root.querySelectorAll('.hl-control')) this.#sync(c);
  }

  /**
   * Replaces UTF-16 ranges of a field's text as typing would (so Ctrl+Z undoes it), falling
   * back to setting the value. `edits`: [{ start, end, text }].
   */
  replaceRanges(key, edits) {
    const control = this.control(key);
    const ref = fieldRef(this.state, key);
    if (!control || !ref) return false;
    control.focus();
    let expected = control.value;
    for (const e of [...edits].sort((a, b) => b.start - a.start)) {
      expected = expected.slice(0, e.start) + e.text + expected.slice(e.end);
      control.setSelectionRange(e.start, e.end);
      let done = false;
      try {
        done = e.text === '' ? document.execCommand('delete') : document.execCommand('insertText', false, e.text);
      } catch {
        done = false;
      }
      if (!done || control.value !== expected) {
        control.value = expected;
        control.dispatchEvent(new Event('input', { bubbles: true }));
      }
    }
    const first = Math.min(...edits.map((e) => e.start));
    const last = edits.find((e) => e.start === first);
    control.setSelectionRange(first + last.text.length, first + last.text.length);
    return true;
  }

  /** Counters: `lengths` maps field keys to UTF-16 lengths (from the core's stats when current). */
  updateCounters(lengths, profile) {
    for (const el of this.root.querySelectorAll('.counter')) {
      const key = el.dataset.counter;
      const n = lengths[key] ?? fieldRef(this.state, key)?.get().length ?? 0;
      let max = LIMITS[key] ?? 25;
      let advice = null;
      if (key === 'body.text') {
        max = profile === 'business-app' ? 500 : 1024;
        advice = profile === 'business-app' ? null : 1000;
      }
      el.textContent = advice ? `${n} / ${max} (${t('counter.advice', { n: advice })})` : `${n} / ${max}`;
      el.setAttribute('aria-label', t('counter.aria', { n, max }));
      el.classList.toggle('over', n > max);
      el.classList.toggle('near', n <= max && advice !== null && n > advice);
      el.dataset.length = String(n);
    }
  }

  #sync(target) {
    if (target?.classList?.contains('hl-control')) syncScroll(target, target.previousElementSibling);
  }

  #saveFocus() {
    const el = document.activeElement;
    if (!el || !this.root.contains(el)) return null;
    return {
      key: el.dataset.field ?? el.dataset.focusKey ?? null,
      start: el.selectionStart ?? null,
      end: el.selectionEnd ?? null,
      fallback: el.closest('[data-containers]')?.dataset.containers.split(' ')[0] ?? null,
    };
  }

  #restoreFocus(focus) {
    if (!focus?.key) return;
    let el = this.control(focus.key) ?? this.root.querySelector(`[data-focus-key="${CSS.escape(focus.key)}"]`);
    if (!el || el.disabled) {
      const box = focus.fallback && this.container(focus.fallback);
      el = box?.querySelector('select, input, textarea, button:not([disabled])') ?? null;
    }
    if (!el) return;
    el.focus();
    if (focus.start !== null && typeof el.setSelectionRange === 'function' && el.dataset.field === focus.key) {
      try {
        el.setSelectionRange(focus.start, focus.end);
      } catch { /* not a text control */ }
    }
  }

  #onInput(e) {
    const el = e.target;
    const key = el.dataset.field;
    if (!key) return;
    const ref = fieldRef(this.state, key);
    if (!ref) return;
    ref.set(el.value);
    if (el.tagName === 'TEXTAREA') autoSize(el);
    this.#sync(el);
    if (key === 'body.text' || key === 'header.text') this.#refreshExamples(key.split('.')[0]);
    const button = /^button\.([^.]+)\.url$/.exec(key);
    if (button) {
      const example = this.container(`button.${button[1]}`)?.querySelector('.url-example');
      if (example) example.hidden = placeholders(el.value).length === 0;
    }
    this.cb.onInput(key);
  }

  #onChange(e) {
    const el = e.target;
    const key = el.dataset.field;
    if (key === 'header.format') {
      const header = this.state.header;
      header.present = el.value !== 'NONE';
      if (header.present) header.format = el.value === '(missing)' ? '' : el.value;
      this.cb.onStructure();
      return;
    }
    const typed = /^button\.([^.]+)\.type$/.exec(key ?? '');
    if (typed) {
      const b = this.state.buttons.find((x) => x.id === typed[1]);
      if (!b) return;
      b.type = el.value === '(missing)' ? '' : el.value;
      adoptButtonFields(b);
      if (b.type === 'OTP' && !('otp_type' in b.extra)) b.extra.otp_type = 'COPY_CODE';
      if (b.type !== 'OTP' && b.extra.otp_type === 'COPY_CODE' && Object.keys(b.extra).length === 1) delete b.extra.otp_type;
      this.cb.onStructure();
    }
  }

  #onClick(e) {
    const el = e.target.closest('[data-action]');
    if (!el || !this.root.contains(el)) return;
    const { action, id, marker } = el.dataset;
    const list = this.state.buttons;
    const index = list.findIndex((b) => b.id === id);
    switch (action) {
      case 'add-button': {
        const b = newButton('QUICK_REPLY');
        list.push(b);
        this.cb.onStructure();
        this.control(`button.${b.id}.text`)?.focus();
        this.cb.announce(t('button.added', { n: list.length }));
        break;
      }
      case 'remove': {
        list.splice(index, 1);
        this.cb.onStructure();
        const next = list[Math.min(index, list.length - 1)];
        (next ? this.root.querySelector(`[data-focus-key="remove.${next.id}"]`) : this.root.querySelector('[data-action="add-button"]'))?.focus();
        this.cb.announce(t('button.removed', { n: index + 1 }));
        break;
      }
      case 'up':
      case 'down': {
        const to = action === 'up' ? index - 1 : index + 1;
        if (to < 0 || to >= list.length) return;
        [list[index], list[to]] = [list[to], list[index]];
        this.cb.onStructure();
        // Stay on the moved button: on the same arrow, or on the other one at either end.
        const same = this.root.querySelector(`[data-focus-key="${action}.${id}"]`);
        const other = this.root.querySelector(`[data-focus-key="${action === 'up' ? 'down' : 'up'}.${id}"]`);
        (same && !same.disabled ? same : other)?.focus();
        this.cb.announce(t('button.moved', { n: to + 1 }));
        break;
      }
      case 'fmt':
        this.#format(marker);
        break;
      case 'open-json':
        this.cb.showJson();
        break;
      default:
    }
  }

  #format(marker) {
    const ta = this.control('body.text');
    if (!ta) return;
    ta.focus();
    const [s, e] = [ta.selectionStart, ta.selectionEnd];
    const selected = ta.value.slice(s, e);
    this.replaceRanges('body.text', [{ start: s, end: e, text: marker + selected + marker }]);
    ta.setSelectionRange(s + marker.length, s + marker.length + selected.length);
  }

  #refreshExamples(part) {
    const old = this.root.querySelector(`[data-examples="${part}"]`);
    if (!old) return;
    const names = placeholders(this.state[part].text).join(' ');
    if (old.dataset.names === names) return;
    old.replaceWith(this.#examplesBlock(part));
  }

  #examplesBlock(part) {
    const st = this.state[part];
    const names = placeholders(st.text);
    const block = h('fieldset', { class: 'examples', hidden: names.length === 0, dataset: { examples: part, names: names.join(' '), containers: `${part}.examples` } });
    if (names.length) {
      block.append(h('legend', {}, t('examples.legend')),
        ...names.map((n) => textField({ key: `${part}.example.${n}`, label: t('example.for', { ph: `{{${n}}}` }), value: st.examples[n] ?? '' })));
    }
    return block;
  }

  /**
   * The category, asked first with what each one is for and what it costs (as Meta's own editor
   * does); a Business-app broadcast has none, and says so instead.
   */
  #categorySection() {
    if (this.profile === 'business-app') {
      return h('section', { class: 'card section category-question', dataset: { containers: 'category' } },
        h('p', { class: 'note' }, t('cq.app')));
    }
    // A known category spelt in lower case (as in some of Meta's samples) is that category.
    const current = CATEGORIES.includes(this.state.category.toUpperCase()) ? this.state.category.toUpperCase() : this.state.category;
    const choices = [...CATEGORIES];
    if (current && !CATEGORIES.includes(current)) choices.push(current);
    const hintId = uid('hint');
    return h('fieldset', { class: 'card section category-question', 'aria-describedby': hintId, dataset: { containers: 'category' } },
      h('legend', {}, t('cq.legend')),
      h('p', { class: 'hint', id: hintId }, t('cq.hint')),
      h('div', { class: 'choices' }, choices.map((c) => {
        const known = CATEGORIES.includes(c);
        const id = uid('cat');
        const descId = `${id}-d`;
        return h('div', { class: 'choice' },
          h('input', { type: 'radio', id, name: 'category', value: c, checked: c === current, 'aria-describedby': descId, dataset: { field: 'category', focusKey: `category.${c}` } }),
          h('label', { for: id }, known ? t(`cat.${c}`) : t('cq.other', { cat: c })),
          known ? h('span', { class: 'choice-desc', id: descId },
            h('span', {}, t(`cq.${c}`)), ' ',
            h('span', { class: 'choice-price' }, t(`cq.${c}.price`))) : h('span', { id: descId }));
      })));
  }

  #templateSection() {
    const s = this.state;
    const listId = uid('langs');
    return h('fieldset', { class: 'card section', dataset: { containers: 'template' } },
      h('legend', {}, t('sec.template')),
      h('div', { class: 'grid-2' },
        textField({ key: 'name', label: t('name'), value: s.name, hint: t('name.hint') }),
        textField({ key: 'language', label: t('language'), value: s.language, hint: t('language.hint'), attrs: { list: listId } })),
      h('datalist', { id: listId }, LANGUAGE_CODES.map((c) => h('option', { value: c }))));
  }

  #headerSection() {
    const header = this.state.header;
    const value = !header.present ? 'NONE' : header.format === '' ? '(missing)' : header.format;
    const options = [['NONE', t('format.NONE')], ...HEADER_FORMATS.map((f) => [f, t(`format.${f}`)])];
    if (value === '(missing)') options.push(['(missing)', t('format.missing')]);
    else if (!options.some(([v]) => v === value)) options.push([value, has(`format.${value}`) ? t(`format.${value}`) : value]);
    const parts = [selectField({ key: 'header.format', label: t('header.format'), value, options })];
    if (header.present && header.format === 'TEXT') {
      parts.push(textField({ key: 'header.text', label: t('header.text'), value: header.text, counter: true }));
      parts.push(this.#examplesBlock('header'));
    } else if (header.present && header.format === 'LOCATION') {
      parts.push(h('p', { class: 'hint' }, t('header.location.hint')));
    } else if (header.present && header.format !== '' && !HEADER_FORMATS.includes(header.format)) {
      parts.push(h('p', { class: 'hint' }, t('jo.header.kept')));
    } else if (header.present) {
      parts.push(textField({ key: 'header.handle', label: t('header.handle'), value: header.handle, hint: t('header.handle.hint') }));
    }
    return h('fieldset', { class: 'card section', dataset: { containers: 'header header.examples' } },
      h('legend', {}, t('sec.header')), ...parts);
  }

  #bodySection() {
    const toolbar = h('div', { class: 'toolbar', role: 'toolbar', 'aria-label': t('fmt.toolbar') },
      FORMAT_MARKERS.map((m) => h('button', {
        type: 'button',
        class: `btn btn-small ${m.cls}`,
        'aria-label': t(m.label),
        title: t(m.label),
        dataset: { action: 'fmt', marker: m.marker, focusKey: `fmt.${m.cls}` },
      }, m.glyph)));
    return h('fieldset', { class: 'card section', dataset: { containers: 'body components' } },
      h('legend', {}, t('sec.body')),
      textField({ key: 'body.text', label: t('body.text'), value: this.state.body.text, multiline: true, counter: true, hint: t('body.hint'), toolbar }),
      this.#examplesBlock('body'));
  }

  #footerSection() {
    const extra = Object.keys(this.state.footer.extra);
    return h('fieldset', { class: 'card section', dataset: { containers: 'footer' } },
      h('legend', {}, t('sec.footer')),
      textField({ key: 'footer.text', label: t('footer.text'), value: this.state.footer.text, counter: true }),
      extra.length ? h('p', { class: 'hint' }, t('footer.extra', { keys: extra.join(', ') })) : null);
  }

  #buttonsSection() {
    const list = this.state.buttons;
    return h('fieldset', { class: 'card section', dataset: { containers: 'buttons' } },
      h('legend', {}, t('sec.buttons')),
      list.length
        ? h('ol', { class: 'button-list' }, list.map((b, i) => this.#buttonRow(b, i, list.length)))
        : h('p', { class: 'muted' }, t('buttons.none')),
      h('button', { type: 'button', class: 'btn', dataset: { action: 'add-button', focusKey: 'add-button' } },
        h('span', { 'aria-hidden': 'true' }, '+ '), t('button.add')));
  }

  #buttonRow(b, i, total) {
    const n = i + 1;
    const types = BUTTON_TYPES.map((type) => [type, t(`btype.${type}`)]);
    if (b.type === '') types.push(['(missing)', t('btype.missing')]);
    else if (!BUTTON_TYPES.includes(b.type)) types.push([b.type, b.type]);
    const fields = [selectField({
      key: `button.${b.id}.type`, label: t('button.type'), value: b.type === '' ? '(missing)' : b.type, options: types,
    })];
    for (const f of buttonFields(b.type)) {
      if (f === 'text') fields.push(textField({ key: `button.${b.id}.text`, label: t('button.text'), value: b.text, counter: true }));
      if (f === 'url') fields.push(textField({ key: `button.${b.id}.url`, label: t('button.url'), value: b.url, attrs: { inputmode: 'url' } }));
      if (f === 'phone_number') {
        fields.push(textField({ key: `button.${b.id}.phone_number`, label: t('button.phone_number'), value: b.phone_number, hint: t('button.phone.hint'), attrs: { inputmode: 'tel' } }));
      }
      if (f === 'example') fields.push(textField({ key: `button.${b.id}.example`, label: t('button.code'), value: b.example }));
    }
    if (jsonOnlyButton(b)) {
      fields.push(h('p', { class: 'hint' }, t('jo.button.kept')));
    }
    if (b.type === 'URL') {
      const example = textField({ key: `button.${b.id}.example`, label: t('button.urlExample'), value: b.example, attrs: { inputmode: 'url' } });
      example.classList.add('url-example');
      example.hidden = placeholders(b.url).length === 0;
      fields.push(example);
    }
    const action = (name, glyph, label, disabled) => h('button', {
      type: 'button',
      class: 'btn btn-icon',
      'aria-label': label,
      title: label,
      disabled,
      dataset: { action: name, id: b.id, focusKey: `${name}.${b.id}` },
    }, glyph);
    return h('li', { class: 'button-row', dataset: { containers: `button.${b.id}` } },
      h('fieldset', {},
        h('legend', {}, t('button.n', { n })),
        h('div', { class: 'button-fields' }, fields),
        h('div', { class: 'row-actions' },
          action('up', '↑', t('button.up', { n }), i === 0),
          action('down', '↓', t('button.down', { n }), i === total - 1),
          action('remove', '✕', t('button.remove', { n }), false))));
  }

  /** What the form cannot edit, said plainly, with the way to the JSON tab. */
  #jsonOnlyNotice() {
    const items = jsonOnly(this.state);
    if (items.length === 0) return null;
    const titleId = uid('jo');
    const others = items.map((x) => x.container).filter((c) => c.startsWith('other.'));
    return h('section', { class: 'card section json-only', 'aria-labelledby': titleId, dataset: others.length ? { containers: others.join(' ') } : null },
      h('h3', { id: titleId }, t('jo.title')),
      h('ul', {}, items.map(({ key, vars }) => h('li', {}, t(key, vars)))),
      h('p', { class: 'hint' }, t('jo.kept')),
      h('button', { type: 'button', class: 'btn', dataset: { action: 'open-json', focusKey: 'open-json' } }, t('jo.open')));
  }

}

