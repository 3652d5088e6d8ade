// The page: wires the form, the JSON tab, the lint worker and the results together.
//
// Linting runs in a Web Worker (lint-worker.js), debounced while typing. Every request has a
// sequence number; an answer is shown only when it is newer than the one on screen, so an older
// result never overwrites a newer one. Each request keeps a snapshot of the texts it linted:
// underlines are drawn against the snapshot and carried over edits elsewhere in the text
// (highlight.shiftRange) until the next result arrives.
import { h, replaceChildren } from './dom.js';
import { applyI18n, count, detectLang, has, lang, setLang, t } from './i18n.js';
import {
  applyEditsToTemplate, emptyState, fieldFor, fieldRef, fromTemplate, toTemplate,
} from './model.js';
import { Editor } from './editor.js';
import { idsAtPoint, markElement, renderBackdrop, shiftRange, worst } from './highlight.js';
import { renderPreview } from './preview.js';
import { renderPrediction } from './prediction.js';
import { SEVERITIES, renderProblems } from './diagnostics.js';
import { JsonTab } from './jsontab.js';
import { hideTooltip, showTooltip } from './tooltip.js';

const DEBOUNCE_MS = 150;
const STORAGE_KEY = 'walint.page';
const $ = (id) => document.getElementById(id);

const app = {
  state: null,
  settings: { profile: 'api', owned: '' },
  sent: 0, // the newest request's sequence number
  applied: 0, // the sequence number of the result on screen
  dropped: 0, // answers that came after a newer one and were thrown away
  timer: null,
  requests: new Map(), // seq → { json, fields, texts }
  current: null, // { seq, json, fields, texts, report, error }
  failed: null,
  version: null,
  checks: new Map(),
  hover: null,
  caretIds: '',
};

// ---- the worker ------------------------------------------------------------------------------

const worker = new Worker(new URL('./lint-worker.js', import.meta.url), { type: 'module' });
worker.addEventListener('message', ({ data }) => {
  switch (data.type) {
    case 'ready':
      app.version = data.version;
      $('version').textContent = `· ${t('app.version', { v: data.version })}`;
      break;
    case 'failed':
      app.failed = data.error.message;
      renderSummary();
      break;
    case 'result':
    case 'error':
      receive(data);
      break;
    case 'checked':
      app.checks.get(data.seq)?.(data.error);
      app.checks.delete(data.seq);
      break;
    default:
  }
});
worker.addEventListener('error', (e) => {
  app.failed = e.message || 'worker error';
  renderSummary();
});

function lintOptions() {
  return {
    lang: lang(),
    profile: app.settings.profile,
    ownedDomains: app.settings.owned.split(/[\s,;]+/).filter(Boolean),
  };
}

/** Sends the template to the worker now. */
function lintNow() {
  clearTimeout(app.timer);
  app.timer = null;
  const { template, fields } = toTemplate(app.state);
  const json = JSON.stringify(template);
  const texts = new Map();
  for (const key of new Set(fields.values())) {
    const ref = fieldRef(app.state, key);
    if (ref) texts.set(key, ref.get());
  }
  for (const [key, control] of editorTextKeys()) if (!texts.has(key)) texts.set(key, control.value);
  const seq = ++app.sent;
  app.requests.set(seq, { json, fields, texts });
  worker.postMessage({ type: 'lint', seq, template: json, options: lintOptions() });
  updateBusy();
}

function scheduleLint() {
  clearTimeout(app.timer);
  app.timer = setTimeout(lintNow, DEBOUNCE_MS);
  updateBusy();
}

function receive(data) {
  const request = app.requests.get(data.seq);
  if (data.seq <= app.applied || !request) {
    app.dropped += 1;
    document.body.dataset.dropped = String(app.dropped);
    return;
  }
  for (const seq of app.requests.keys()) if (seq <= data.seq) app.requests.delete(seq);
  app.applied = data.seq;
  app.current = {
    seq: data.seq,
    ...request,
    report: data.type === 'result' ? (data.result.templates[0] ?? null) : null,
    error: data.type === 'error' ? data.error : null,
  };
  renderResults();
  updateBusy();
  document.body.dataset.ready = '1';
}

function updateBusy() {
  const idle = app.timer === null && app.applied === app.sent;
  document.body.dataset.lint = idle ? 'idle' : 'pending';
}

/** `check(text)`: why the worker's linter cannot read this JSON text (or null). */
let checkSeq = 0;
function check(text) {
  const seq = ++checkSeq;
  return new Promise((resolve) => {
    app.checks.set(seq, resolve);
    worker.postMessage({ type: 'check', seq, text, options: lintOptions() });
  });
}

// ---- results ---------------------------------------------------------------------------------

/** The diagnostics on screen, with ids: [{ id, d }]. */
function diagnostics() {
  return (app.current?.report?.diagnostics ?? []).map((d, i) => ({ id: `d${i}`, d }));
}

function keyOf(d) {
  return fieldFor(app.current.fields, d.path);
}

/** The marks of a field: its ranges, carried over to the field's current text. */
function marksFor(key, value) {
  if (!app.current?.report) return [];
  const old = app.current.texts.get(key);
  if (old === undefined) return [];
  const marks = [];
  for (const { id, d } of diagnostics()) {
    if (!d.range || keyOf(d) !== key) continue;
    const r = shiftRange(d.range.start_utf16, d.range.end_utf16, old, value);
    if (r) marks.push({ ...r, id, severity: d.severity, rule: d.rule });
  }
  return marks;
}

function* editorTextKeys() {
  for (const [key, control] of editor.highlighted()) yield [key, control];
}

function renderMarks(only = null) {
  for (const [key, control, backdrop] of editor.highlighted()) {
    if (only && key !== only) continue;
    renderBackdrop(backdrop, control.value, marksFor(key, control.value));
  }
}

/** Field borders and aria-invalid from the problems of each field and section. */
function renderFieldStates() {
  const byKey = new Map();
  for (const { d } of diagnostics()) {
    const key = keyOf(d);
    if (!byKey.has(key)) byKey.set(key, []);
    byKey.get(key).push(d);
  }
  for (const el of document.querySelectorAll('#panel-form [data-field]')) {
    const list = byKey.get(el.dataset.field) ?? [];
    const sev = list.length ? worst(list) : null;
    if (sev === 'error') el.setAttribute('aria-invalid', 'true');
    else el.removeAttribute('aria-invalid');
    const box = el.closest('.field');
    for (const s of SEVERITIES) box?.classList.toggle(`has-${s}`, sev === s);
  }
  for (const el of document.querySelectorAll('#panel-form [data-containers]')) {
    const list = el.dataset.containers.split(' ').flatMap((k) => byKey.get(k) ?? []);
    const sev = list.length ? worst(list) : null;
    for (const s of SEVERITIES) el.classList.toggle(`box-${s}`, sev === s);
  }
}

function whereOf(d) {
  const key = keyOf(d);
  const button = /^button\.([^.]+)(?:\.(\w+))?$/.exec(key);
  if (button) {
    const n = app.state.buttons.findIndex((b) => b.id === button[1]) + 1;
    const k = button[2] ? `where.button.${button[2]}` : 'where.button';
    return n > 0 ? t(has(k) ? k : 'where.button', { n }) : t('where.buttons');
  }
  const example = /^(header|body)\.example\.(.+)$/.exec(key);
  if (example) return t('where.example', { where: t(`where.${example[1]}`), ph: `{{${example[2]}}}` });
  return has(`where.${key}`) ? t(`where.${key}`) : key;
}

/** Lengths for the counters: the core's stats when the result is for the text on screen. */
function counterLengths() {
  const report = app.current?.report;
  if (!report || app.current.json !== JSON.stringify(toTemplate(app.state).template)) return {};
  return {
    'body.text': report.stats.body_length,
    'header.text': report.stats.header_length,
    'footer.text': report.stats.footer_length,
  };
}

function renderSummary() {
  let text;
  let kind = 'ok';
  if (app.failed) {
    text = t('summary.failed', { msg: app.failed });
    kind = 'error';
  } else if (!app.current) {
    text = t('summary.loading');
    kind = 'info';
  } else if (app.current.error) {
    text = t('summary.lintFailed', { msg: app.current.error.message });
    kind = 'error';
  } else {
    const n = { error: 0, warning: 0, info: 0 };
    for (const { d } of diagnostics()) n[d.severity] += 1;
    const parts = SEVERITIES.filter((s) => n[s] > 0).map((s) => count(n[s], s));
    text = parts.length ? `${parts.join(', ')}.` : t('summary.none');
    const outcome = app.current.report?.prediction?.outcome;
    if (outcome) text += ` ${t(`outcome.${outcome}`)}.`;
    kind = n.error ? 'error' : n.warning ? 'warning' : 'ok';
  }
  const el = $('summary');
  if (el.textContent !== text) el.textContent = text;
  el.dataset.kind = kind;
}

function renderResults() {
  renderMarks();
  renderFieldStates();
  renderProblems($('problems'), diagnostics(), whereOf);
  $('problems').dataset.seq = String(app.current?.seq ?? 0);
  renderPrediction($('prediction'), app.current?.report?.prediction ?? null);
  editor.updateCounters(counterLengths(), app.settings.profile);
  const optionsError = app.current?.error?.code === 'invalid_options' ? app.current.error.message : '';
  $('owned-error').textContent = optionsError;
  renderSummary();
}

// ---- the editor ------------------------------------------------------------------------------

const editor = new Editor($('panel-form'), {
  onInput(key) {
    hideTooltip();
    app.caretIds = '';
    renderMarks(key);
    editor.updateCounters(counterLengths(), app.settings.profile);
    renderPreview($('preview'), app.state);
    jsonTab.refresh(true);
    scheduleLint();
    save();
  },
  onStructure() {
    editor.render(app.state);
    afterChange('form');
  },
  announce,
});

/** After the template changed shape (or was replaced): redraw, lint at once, save. */
function afterChange(source) {
  hideTooltip();
  renderMarks();
  renderFieldStates();
  editor.updateCounters(counterLengths(), app.settings.profile);
  renderPreview($('preview'), app.state);
  if (source !== 'json') jsonTab.refresh(true);
  lintNow();
  save();
}

function loadTemplate(template, source) {
  app.state = fromTemplate(template);
  editor.render(app.state);
  afterChange(source);
}

function loadText(text, name) {
  const state = emptyState(lang());
  if (name && /^[a-z0-9_]+$/.test(name)) state.name = name;
  state.body.text = text.replace(/\r\n?/g, '\n').replace(/\n$/, '');
  app.state = state;
  editor.render(app.state);
  afterChange('file');
}

function announce(text) {
  const el = $('announce');
  el.textContent = '';
  // A fresh text node, a moment later, so that the same words are announced again.
  setTimeout(() => { el.textContent = text; }, 50);
}

// ---- underline tooltips: pointer and caret ---------------------------------------------------

function diagsByIds(ids) {
  const all = diagnostics();
  return ids.map((id) => all.find((x) => x.id === id)?.d).filter(Boolean);
}

const form = $('panel-form');
form.addEventListener('mousemove', (e) => {
  const control = e.target.closest?.('.hl-control');
  const ids = control ? idsAtPoint(control.previousElementSibling, e.clientX, e.clientY) : [];
  if (ids.length) {
    const key = ids.join(' ');
    if (app.hover !== key) {
      app.hover = key;
      const mark = [...control.previousElementSibling.querySelectorAll('mark')]
        .flatMap((m) => [...m.getClientRects()].map((r) => ({ m, r })))
        .find(({ r }) => e.clientX >= r.left && e.clientX <= r.right && e.clientY >= r.top && e.clientY <= r.bottom);
      showTooltip(mark?.r ?? control.getBoundingClientRect(), diagsByIds(ids));
    }
  } else if (app.hover) {
    app.hover = null;
    caretTooltip(document.activeElement, false);
  }
});
form.addEventListener('mouseleave', () => {
  if (app.hover) {
    app.hover = null;
    caretTooltip(document.activeElement, false);
  }
});

/** Shows the problems at the caret of a focused control (and says them once to screen readers). */
function caretTooltip(control, speak = true) {
  if (!control?.classList?.contains('hl-control') || !form.contains(control)) {
    if (!app.hover) hideTooltip();
    return;
  }
  const [s, e] = [control.selectionStart, control.selectionEnd];
  const marks = marksFor(control.dataset.field, control.value)
    .filter((m) => (s === e ? m.start <= s && s <= m.end : m.start < e && s < m.end));
  const ids = [...new Set(marks.map((m) => m.id))];
  if (ids.length === 0) {
    app.caretIds = '';
    if (!app.hover) hideTooltip();
    return;
  }
  const mark = markElement(control.previousElementSibling, ids);
  const rect = mark?.getClientRects()[0] ?? control.getBoundingClientRect();
  if (!app.hover) showTooltip(rect, diagsByIds(ids));
  const key = `${control.dataset.field}:${ids.join(' ')}`;
  if (speak && key !== app.caretIds) {
    announce(diagsByIds(ids).map((d) => `${t(`sev.${d.severity}`)}: ${d.message}`).join('. '));
  }
  app.caretIds = key;
}

const NAVIGATION = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown']);
form.addEventListener('keyup', (e) => {
  if (NAVIGATION.has(e.key)) caretTooltip(e.target);
});
form.addEventListener('mouseup', (e) => caretTooltip(e.target, false));
form.addEventListener('focusin', (e) => caretTooltip(e.target));
form.addEventListener('focusout', () => {
  app.caretIds = '';
  if (!app.hover) hideTooltip();
});
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape') hideTooltip();
});
window.addEventListener('scroll', () => {
  // The tooltip is fixed to the screen: follow the caret's mark, or go away.
  app.hover = null;
  if (!app.caretIds) hideTooltip();
  else caretTooltip(document.activeElement, false);
}, { passive: true });

// ---- the problems list: go to a field, apply a fix ------------------------------------------

$('problems').addEventListener('click', (e) => {
  const button = e.target.closest('button[data-action]');
  if (!button) return;
  const found = diagnostics().find((x) => x.id === button.dataset.id);
  if (!found) return;
  if (button.dataset.action === 'go') goTo(found);
  else if (button.dataset.action === 'fix') applyFix(found.d);
  else if (button.dataset.action === 'settings') {
    $('owned').focus({ preventScroll: true });
    $('owned').scrollIntoView({ block: 'center' });
  }
});

function goTo({ id, d }) {
  showTab('form');
  const key = keyOf(d);
  let control = editor.control(key);
  if (!control || control.closest('[hidden]')) {
    const box = [key, key.split('.').slice(0, 2).join('.'), key.split('.')[0]]
      .map((k) => editor.container(k))
      .find((el) => el && !el.hidden);
    control = box?.querySelector('input, textarea, select, button:not([disabled])') ?? null;
  }
  if (!control) return;
  control.focus({ preventScroll: true });
  const backdrop = control.classList.contains('hl-control') ? control.previousElementSibling : null;
  if (d.range && backdrop && control.dataset.field === key) {
    const r = shiftRange(d.range.start_utf16, d.range.end_utf16, app.current.texts.get(key) ?? control.value, control.value);
    if (r) control.setSelectionRange(r.start, r.end);
  }
  const target = (backdrop && markElement(backdrop, [id])) || control;
  target.scrollIntoView({ block: 'center' });
  caretTooltip(control);
}

function applyFix(d) {
  const edits = d.fix?.edits ?? [];
  if (edits.length === 0) return;
  if (edits.every((e) => e.kind === 'replace')) {
    // Edit the fields in place, as typing would: the caret lands there and Ctrl+Z undoes it.
    const byKey = new Map();
    for (const e of edits) {
      const key = app.current.fields.get(e.path);
      const ref = key && fieldRef(app.state, key);
      const r = ref && shiftRange(e.range.start_utf16, e.range.end_utf16, app.current.texts.get(key) ?? '', ref.get());
      if (!r) {
        lintNow(); // the text moved under the fix: check again, and offer it afresh
        return;
      }
      if (!byKey.has(key)) byKey.set(key, []);
      byKey.get(key).push({ ...r, text: e.text });
    }
    showTab('form');
    for (const [key, list] of byKey) editor.replaceRanges(key, list);
    lintNow();
  } else {
    const { template } = toTemplate(app.state);
    if (!applyEditsToTemplate(template, edits)) return;
    loadTemplate(template, 'fix');
    showTab('form');
    const added = edits.find((e) => e.kind === 'add_component')?.component?.type?.toUpperCase();
    const focus = { FOOTER: 'footer.text', HEADER: 'header.format', BODY: 'body.text' }[added];
    editor.control(focus ?? 'body.text')?.focus();
  }
  announce(t('fix.done', { msg: d.fix.message }));
}

// ---- tabs ------------------------------------------------------------------------------------

const tabs = [$('tab-form'), $('tab-json')];
function showTab(name) {
  for (const tab of tabs) {
    const selected = tab.id === `tab-${name}`;
    tab.setAttribute('aria-selected', String(selected));
    tab.tabIndex = selected ? 0 : -1;
    $(tab.getAttribute('aria-controls')).hidden = !selected;
  }
  if (name === 'form') editor.resize();
  else jsonTab.refresh();
  hideTooltip();
}
for (const tab of tabs) {
  tab.addEventListener('click', () => showTab(tab.id.slice(4)));
  tab.addEventListener('keydown', (e) => {
    const i = tabs.indexOf(tab);
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    const target = tabs[(next + tabs.length) % tabs.length];
    showTab(target.id.slice(4));
    target.focus();
  });
}

const jsonTab = new JsonTab({
  textarea: $('json-text'),
  status: $('json-status'),
  file: $('json-file'),
  copy: $('json-copy'),
  download: $('json-download'),
  picker: $('json-picker'),
  pickerWrap: $('json-picker-wrap'),
  pickerLabel: $('json-picker-label'),
}, {
  current: () => `${JSON.stringify(toTemplate(app.state).template, null, 2)}\n`,
  load: loadTemplate,
  loadText,
  check,
  showForm: () => showTab('form'),
  announce,
});

// ---- settings, examples, language ------------------------------------------------------------

$('profile').addEventListener('change', () => {
  app.settings.profile = $('profile').value;
  lintNow();
  save();
});
$('owned').addEventListener('input', () => {
  app.settings.owned = $('owned').value;
  scheduleLint();
  save();
});

let exampleIndex = [];
async function loadExampleIndex() {
  try {
    const response = await fetch('pkg/examples/index.json');
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    exampleIndex = await response.json();
  } catch {
    exampleIndex = [];
  }
  renderExampleOptions();
}

function renderExampleOptions() {
  const select = $('example');
  const value = select.value;
  const group = (l) => h('optgroup', { label: t(`examples.${l}`) },
    exampleIndex.filter((x) => x.lang === l).map((x) => h('option', { value: x.file },
      x.category ? `${x.name} · ${has(`cat.${x.category}`) ? t(`cat.${x.category}`) : x.category}` : x.name)));
  const langs = lang() === 'ru' ? ['ru', 'en'] : ['en', 'ru'];
  replaceChildren(select,
    h('option', { value: '' }, t('examples.choose')),
    h('option', { value: '#empty' }, t('examples.empty')),
    langs.map(group));
  select.value = value;
}

$('example').addEventListener('change', async () => {
  const select = $('example');
  const file = select.value;
  if (!file) return;
  if (file === '#empty') {
    jsonTab.clearBundle();
    loadTemplate(toTemplate(emptyState(lang())).template, 'example');
    announce(t('examples.loaded', { name: t('examples.empty') }));
    return;
  }
  try {
    const response = await fetch(`pkg/examples/${file}`);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const text = await response.text();
    jsonTab.clearBundle();
    if (file.endsWith('.txt')) loadText(text, file.split('/').pop().replace(/\.txt$/, ''));
    else loadTemplate(JSON.parse(text), 'example');
    announce(t('examples.loaded', { name: exampleIndex.find((x) => x.file === file)?.name ?? file }));
  } catch (e) {
    announce(t('examples.failed', { msg: e.message }));
  }
});

function updateLangButtons() {
  for (const b of document.querySelectorAll('[data-lang]')) b.setAttribute('aria-pressed', String(b.dataset.lang === lang()));
}

function switchLang(next) {
  if (next === lang()) return;
  setLang(next);
  applyI18n();
  updateLangButtons();
  editor.render(app.state);
  renderExampleOptions();
  renderPreview($('preview'), app.state);
  if (app.version) $('version').textContent = `· ${t('app.version', { v: app.version })}`;
  renderResults(); // the page's words now; the core's messages with the next result
  lintNow();
  save();
}
for (const b of document.querySelectorAll('[data-lang]')) b.addEventListener('click', () => switchLang(b.dataset.lang));

window.addEventListener('resize', () => {
  editor.resize();
  renderMarks();
  hideTooltip();
});

// ---- the draft survives a reload of this tab (sessionStorage: this tab only, this device only) --

let saveTimer = null;
function save() {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(() => {
    try {
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify({
        template: toTemplate(app.state).template, settings: app.settings, lang: lang(),
      }));
    } catch { /* storage full or disabled: nothing to keep */ }
  }, 300);
}

function restore() {
  try {
    return JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null');
  } catch {
    return null;
  }
}

// ---- start -----------------------------------------------------------------------------------

const saved = restore();
setLang(saved?.lang ?? detectLang());
applyI18n();
updateLangButtons();
if (saved?.settings) Object.assign(app.settings, saved.settings);
$('profile').value = app.settings.profile;
$('owned').value = app.settings.owned;
try {
  app.state = saved?.template ? fromTemplate(saved.template) : emptyState(lang());
} catch {
  app.state = emptyState(lang());
}
editor.render(app.state);
renderPreview($('preview'), app.state);
renderSummary();
jsonTab.refresh(true);
lintNow();
loadExampleIndex();
