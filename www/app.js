// The page: wires the form, the JSON tab, the linter and the results together.
//
// Every change is linted (lint-client.js: one request in flight, the newest text next, the list
// drawn in the task that receives the answer). Each request keeps a snapshot of the texts it
// linted: underlines are drawn against the snapshot and carried over edits elsewhere in the text
// (highlight.shiftRange) until the next answer arrives.
//
// The work (the draft, or every template of a pasted export) lives in store.js; whatever
// replaces it (an example, an import, another template of the export) asks first when there is
// work to lose, and Undo (or Ctrl+Z) brings the previous work back.
import { h, replaceChildren } from './dom.js';
import { applyI18n, count, detectLang, has, lang, setLang, t } from './i18n.js';
import {
  emptyState, fieldFor, fieldRef, fixedState, fromTemplate, isBlank, toTemplate,
} from './model.js';
import { Editor } from './editor.js';
import { markElement, renderBackdrop, shiftRange, worst } from './highlight.js';
import { renderPreview } from './preview.js';
import { renderPrediction } from './prediction.js';
import { SEVERITIES, renderProblems } from './diagnostics.js';
import { countGroups, groupFindings } from './groups.js';
import { formWording } from './formwords.js';
import { JsonTab } from './jsontab.js';
import { renderExport, verdict } from './exports.js';
import { UnderlineTips, hideTooltip } from './tooltip.js';
import { documentOf, loadStore, saveStore, singleWork, workOfDocument } from './store.js';
import { LintClient } from './lint-client.js';
import { confirmReplace, hideNotice, notify } from './notice.js';

const SAVE_DELAY_MS = 300;
const $ = (id) => document.getElementById(id);
const clone = (x) => structuredClone(x);

const app = {
  work: null, // store.js: every template, the active one, dismissed findings
  state: null, // the form's state of the active template
  settings: { profile: 'api', owned: '', validOwned: [] },
  undo: [], // works put aside by replacements, newest last
  redo: [],
  undoArmed: false, // Ctrl+Z means Undo until the next edit
  redoArmed: false,
  current: null, // { seq, json, fields, texts, report, error }
  all: { reports: [] }, // the export table's reports
  failed: null,
  version: null,
};

// ---- linting (lint-client.js) ---------------------------------------------------------------

const ownedList = (text) => text.split(/[\s,;]+/).filter(Boolean);

function lintOptions(owned = ownedList(app.settings.owned)) {
  return { lang: lang(), profile: app.settings.profile, ownedDomains: owned };
}

/** The options to fall back on when the domains are refused: the last list that was valid. */
const fallbackOptions = () => lintOptions(app.settings.validOwned);

const linter = new LintClient({
  build() {
    const { template, fields } = toTemplate(app.state);
    const json = JSON.stringify(template);
    // The texts linted, to carry the underlines over edits made before the answer comes.
    const texts = new Map();
    for (const key of new Set(fields.values())) {
      const ref = fieldRef(app.state, key);
      if (ref) texts.set(key, ref.get());
    }
    for (const [key, control] of editor.highlighted()) if (!texts.has(key)) texts.set(key, control.value);
    const owned = ownedList(app.settings.owned);
    return { template: json, options: lintOptions(owned), fallback: fallbackOptions(), keep: { json, fields, texts, owned } };
  },
  result(data, keep) {
    app.current = {
      seq: data.seq,
      ...keep,
      report: data.type === 'result' ? (data.result.templates[0] ?? null) : null,
      error: data.type === 'error' ? data.error : null,
    };
    settleOwned(keep.owned, data);
    renderResults();
    document.body.dataset.ready = '1';
  },
  all(data) {
    app.all.reports = data.type === 'all' ? data.result.templates : app.work.templates.map(() => null);
    renderExportTable();
  },
  ready(version) {
    app.version = version;
    $('version').textContent = `· ${t('app.version', { v: version })}`;
  },
  failed(message) {
    app.failed = message;
    renderSummary();
  },
  late(shown) {
    $('checking').hidden = !shown;
  },
});

const requestLint = () => linter.request();
const check = (text) => linter.check(text, fallbackOptions());

/** Lints every template of a multi-template work, for the table. */
function lintAll() {
  if (app.work.templates.length < 2) return;
  syncWork();
  app.all = { reports: [] };
  renderExportTable();
  linter.lintAll(JSON.stringify(documentOf(app.work)), lintOptions(), fallbackOptions());
}

function renderExportTable() {
  const reports = app.work.templates.map((_, i) => (i === app.work.active && app.current?.report ? app.current.report : app.all.reports[i]));
  renderExport($('export'), app.work, reports);
}

// ---- the domains: shown as typed, refused ones said next to the field ------------------------

function settleOwned(owned, data) {
  if (data.optionsError) {
    $('owned-error').textContent = data.optionsError.message;
  } else if (data.type === 'result') {
    app.settings.validOwned = owned;
    $('owned-error').textContent = '';
  }
  renderOwnedList();
}

function renderOwnedList() {
  const list = app.settings.validOwned.join(', ') || t('owned.empty');
  const refused = $('owned-error').textContent !== '';
  $('owned-list').textContent = app.settings.owned.trim() === '' && !refused ? '' : t(refused ? 'owned.kept' : 'owned.list', { list });
  $('owned').setAttribute('aria-invalid', String(refused));
}

// ---- results ---------------------------------------------------------------------------------

const formShown = () => !$('panel-form').hidden;
const blank = () => isBlank(app.state);

/** Every diagnostic on screen, with ids: [{ id, d }]. */
function diagnostics() {
  return (app.current?.report?.diagnostics ?? []).map((d, i) => ({ id: `d${i}`, d }));
}

const dismissedKeys = () => new Set(app.work.dismissed[app.work.active] ?? []);

/**
 * The key a group is dismissed by: its rule and severity and the field of its first occurrence,
 * not its words, so that a dismissal holds in both languages.
 */
const dismissKeyOf = (g) => `${g.severity}|${g.rule}|${keyOf(g.items[0].d)}`;

/** Every group of the answer on screen, dismissed or not. */
const allGroups = () => groupFindings(diagnostics());

/** The diagnostics not dismissed (none while the form is still blank). */
function shown() {
  if (blank()) return [];
  const dismissed = dismissedKeys();
  return allGroups().filter((g) => !dismissed.has(dismissKeyOf(g))).flatMap((g) => g.items);
}

function keyOf(d) {
  return fieldFor(app.current.fields, d.path);
}

/** The words for a finding: the form's own in the form, the core's in the JSON tab. */
function wordsOf(d) {
  const own = formShown() ? formWording(d, keyOf(d), app.state, app.settings) : null;
  return own ?? { message: d.message, help: d.help };
}

/** The marks of a field: its ranges, carried over to the field's current text. */
function marksFor(key, value) {
  if (!app.current?.report) return [];
  const old = app.current.texts.get(key);
  if (old === undefined) return [];
  const marks = [];
  for (const { id, d } of shown()) {
    if (!d.range || keyOf(d) !== key) continue;
    const r = shiftRange(d.range.start_utf16, d.range.end_utf16, old, value);
    if (r) marks.push({ ...r, id, severity: d.severity, rule: d.rule });
  }
  return marks;
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
  const add = (key, d) => {
    if (!byKey.has(key)) byKey.set(key, []);
    byKey.get(key).push(d);
  };
  for (const { d } of shown()) {
    const key = keyOf(d);
    add(key, d);
    for (const target of formWording(d, key, app.state, app.settings)?.targets ?? []) if (target !== key) add(target, d);
  }
  for (const el of document.querySelectorAll('#panel-form [data-field]')) {
    const list = byKey.get(el.dataset.field) ?? [];
    const sev = list.length ? worst(list) : null;
    if (sev === 'error') el.setAttribute('aria-invalid', 'true');
    else el.removeAttribute('aria-invalid');
    const box = el.closest('.field, .choice');
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
  const other = /^other\.(\d+)$/.exec(key);
  if (other) return t('where.other', { type: app.state.others[Number(other[1])]?.type ?? '—' });
  const example = /^(header|body)\.example\.(.+)$/.exec(key);
  if (example) return t('where.example', { where: t(`where.${example[1]}`), ph: `{{${example[2]}}}` });
  if (d.rule === 'placeholder-example' && /^(header|body)$/.test(key)) return t(`where.${key}.examples`);
  return has(`where.${key}`) ? t(`where.${key}`) : key;
}

/** The flagged text of an occurrence, as it is in its field now (or null). */
function excerptOf({ d }) {
  if (!d.range || d.range.end_utf16 === d.range.start_utf16) return null;
  const key = keyOf(d);
  const ref = fieldRef(app.state, key);
  const old = app.current.texts.get(key);
  if (!ref || old === undefined) return null;
  const r = shiftRange(d.range.start_utf16, d.range.end_utf16, old, ref.get());
  const text = r ? ref.get().slice(r.start, r.end) : '';
  return text.length > 40 ? `${text.slice(0, 39)}…` : text || null;
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

/** The summary at the top of the results: the core's verdict and the counts, always in view. */
function renderSummary() {
  const el = $('summary');
  let kind = 'ok';
  let outcome = '';
  let parts;
  if (app.failed) {
    parts = [t('summary.failed', { msg: app.failed })];
    kind = 'error';
  } else if (!app.current) {
    parts = [t(app.version ? 'summary.checking' : 'summary.loading')];
    kind = 'info';
  } else if (app.current.error) {
    parts = [t('summary.lintFailed', { msg: app.current.error.message })];
    kind = 'error';
  } else if (blank()) {
    parts = [t('summary.invite')];
    kind = 'invite';
  } else {
    const n = countGroups(groupFindings(shown()));
    const counts = SEVERITIES.filter((s) => n[s] > 0).map((s) => h('span', { class: `count count-${s}` },
      h('span', { class: 'count-icon', 'aria-hidden': 'true' }), count(n[s], s)));
    const v = verdict(app.current.report);
    outcome = app.current.report?.prediction?.outcome ?? '';
    parts = [
      v ? [v, '. '] : null,
      counts.length ? h('span', { class: 'counts' }, counts.flatMap((c, i) => (i ? [', ', c] : [c])), '.') : t('summary.none'),
    ];
    kind = n.error ? 'error' : n.warning ? 'warning' : 'ok';
  }
  replaceChildren(el, parts);
  el.dataset.kind = kind;
  el.dataset.outcome = outcome;
  renderFirstProblem();
}

/** The first problem, next to the verdict (shown where the list is out of view: phones). */
function renderFirstProblem() {
  const button = $('first-problem');
  const first = app.current?.report && !app.current.error ? groupFindings(shown())[0] : null;
  button.hidden = !first;
  if (!first) {
    replaceChildren(button);
    return;
  }
  const { message } = wordsOf(first.d);
  button.dataset.id = first.items[0].id;
  button.dataset.severity = first.severity;
  button.setAttribute('aria-label', t('first.label', { msg: message }));
  replaceChildren(button,
    h('span', { class: `count-icon sev-${first.severity}`, 'aria-hidden': 'true' }),
    h('span', { class: 'first-text' }, message));
}

function renderList() {
  const groups = groupFindings(shown());
  renderProblems($('problems'), groups, {
    where: whereOf,
    words: wordsOf,
    excerpt: excerptOf,
    dismissKey: dismissKeyOf,
    dismissed: blank() ? 0 : allGroups().filter((g) => dismissedKeys().has(dismissKeyOf(g))).length,
    blank: blank(),
  });
  $('problems').dataset.seq = String(app.current?.seq ?? 0);
}

function renderResults() {
  renderMarks();
  renderFieldStates();
  renderList();
  renderPrediction($('prediction'), blank() ? null : (app.current?.report?.prediction ?? null), app.settings.profile);
  editor.updateCounters(counterLengths(), app.settings.profile);
  renderSummary();
  if (app.work.templates.length > 1) renderExportTable();
}

// ---- the editor ------------------------------------------------------------------------------

const editor = new Editor($('panel-form'), {
  onInput(key) {
    app.undoArmed = false;
    app.redoArmed = false;
    tips.reset();
    renderMarks(key);
    editor.updateCounters(counterLengths(), app.settings.profile);
    renderPreview($('preview'), app.state);
    jsonTab.refresh(true);
    requestLint();
    save();
  },
  onStructure() {
    app.undoArmed = false;
    editor.render(app.state, app.settings.profile);
    afterChange('form');
  },
  announce,
  showJson() {
    showTab('json');
    $('json-text').focus();
  },
});

/** After the template changed shape (or was replaced): redraw, lint at once, save. */
function afterChange(source) {
  hideTooltip();
  renderMarks();
  renderFieldStates();
  editor.updateCounters(counterLengths(), app.settings.profile);
  renderPreview($('preview'), app.state);
  if (source !== 'json') jsonTab.refresh(true);
  requestLint();
  save();
}

function announce(text) {
  const el = $('announce');
  el.textContent = '';
  // A fresh text node, a moment later, so that the same words are announced again.
  setTimeout(() => { el.textContent = text; }, 50);
}

// ---- the work: replacements ask first and can be undone; switching templates loses nothing ----

/** Writes the form's template back into the work. */
function syncWork() {
  if (app.state) app.work.templates[app.work.active] = toTemplate(app.state).template;
}

/** Whether the work holds nothing worth asking about: one template with no text. */
function workIsBlank() {
  if (app.work.templates.length !== 1) return false;
  try {
    return isBlank(fromTemplate(app.work.templates[0]));
  } catch {
    return false;
  }
}

/** Puts the active template of the work into the form. */
function loadActive(source = 'load') {
  try {
    app.state = fromTemplate(app.work.templates[app.work.active]);
  } catch {
    app.state = emptyState(lang());
  }
  editor.render(app.state, app.settings.profile);
  app.current = null;
  linter.forget(); // answers still on their way are about the work that was replaced
  afterChange(source);
  renderResults();
  lintAll();
  renderExportTable();
}

/**
 * Replaces the work with `next` after asking (when there is work to lose); the old work goes on
 * the undo stack. `ask`: { text, ok } for the confirmation. Resolves to whether it happened.
 */
async function replaceWork(next, ask, done) {
  syncWork();
  const blankBefore = workIsBlank();
  if (!blankBefore && !(await confirmReplace(ask))) return false;
  if (!blankBefore) app.undo.push(clone(app.work)); // an empty form is nothing to bring back
  app.redo = [];
  app.work = next;
  loadActive();
  app.undoArmed = !blankBefore;
  toast(done, blankBefore ? null : 'undo');
  announce(done);
  return true;
}

function undo() {
  if (app.undo.length === 0) return;
  syncWork();
  app.redo.push(clone(app.work));
  app.work = app.undo.pop();
  loadActive();
  app.undoArmed = app.undo.length > 0;
  app.redoArmed = true;
  toast(t('toast.undone'), 'redo');
  announce(t('toast.undone'));
}

function redo() {
  if (app.redo.length === 0) return;
  syncWork();
  app.undo.push(clone(app.work));
  app.work = app.redo.pop();
  loadActive();
  app.undoArmed = true;
  app.redoArmed = app.redo.length > 0;
  toast(t('toast.redone'), 'undo');
  announce(t('toast.redone'));
}

/**
 * Opens template `i` of the work. Nothing is replaced: the edits of the one in the form stay in
 * the work, and opening it again brings them back.
 */
function openTemplate(i) {
  if (i === app.work.active || !app.work.templates[i]) return;
  syncWork();
  app.work.active = i;
  loadActive();
  const name = app.work.templates[i].name ?? '—';
  toast(t('toast.opened', { n: i + 1, name }));
  announce(t('toast.opened', { n: i + 1, name }));
  editor.control('body.text')?.focus({ preventScroll: true });
}

$('export').addEventListener('click', (e) => {
  const button = e.target.closest('button[data-open]');
  if (button) openTemplate(Number(button.dataset.open));
});

document.addEventListener('keydown', (e) => {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
  const key = e.key.toLowerCase();
  if (key === 'z' && !e.shiftKey && app.undoArmed && app.undo.length) {
    e.preventDefault();
    undo();
  } else if (((key === 'z' && e.shiftKey) || key === 'y') && app.redoArmed && app.redo.length) {
    e.preventDefault();
    redo();
  }
}, true);

/** Says what just happened, with Undo or Redo; and keeps the top bar's Undo button current. */
function toast(text, action = null) {
  renderHistory();
  notify(text, action, action === 'undo' ? undo : action === 'redo' ? redo : null);
}

/** The Undo button at the top, there as long as replaced work can be brought back (reloads too). */
function renderHistory() {
  $('undo').hidden = app.undo.length === 0;
}
$('undo').addEventListener('click', () => undo());

// ---- the card at the pointer and at the caret (tooltip.js) ------------------------------------

function diagsByIds(ids) {
  const all = diagnostics();
  return ids.map((id) => all.find((x) => x.id === id)).filter(Boolean);
}

const tips = new UnderlineTips($('panel-form'), {
  marks: marksFor,
  /** The card's entries for a stack of findings, repeats folded. */
  entries(ids) {
    const dismissKeys = new Map(allGroups().map((g) => [g.key, dismissKeyOf(g)]));
    return groupFindings(diagsByIds(ids)).map((g) => ({
      d: g.d,
      count: g.items.length,
      words: wordsOf(g.d),
      id: (g.items.find((x) => x.d.fix) ?? g.items[0]).id,
      key: dismissKeys.get(g.key),
    }));
  },
  speech: (ids) => diagsByIds(ids).map(({ d }) => `${t(`sev.${d.severity}`)}: ${wordsOf(d).message}`).join('. '),
  announce,
  fix(id) {
    const found = diagnostics().find((x) => x.id === id);
    if (found) applyFix(found.d);
  },
  dismiss,
});

// ---- the problems list: go to a field, apply a fix, dismiss ----------------------------------

$('problems').addEventListener('click', (e) => {
  const button = e.target.closest('button[data-action]');
  if (!button) return;
  const { action } = button.dataset;
  if (action === 'dismiss') return dismiss(button.dataset.key);
  if (action === 'undismiss') return undismiss();
  const found = diagnostics().find((x) => x.id === button.dataset.id);
  if (!found) return;
  if (action === 'go') goTo(found);
  else if (action === 'fix') applyFix(found.d);
  else if (action === 'settings') {
    $('owned').focus({ preventScroll: true });
    $('owned').scrollIntoView({ block: 'center' });
  }
});
$('first-problem').addEventListener('click', () => {
  const found = diagnostics().find((x) => x.id === $('first-problem').dataset.id);
  if (found) goTo(found);
});

function dismiss(key) {
  const list = app.work.dismissed[app.work.active] ?? (app.work.dismissed[app.work.active] = []);
  if (!list.includes(key)) list.push(key);
  renderResults();
  save();
}

function undismiss() {
  app.work.dismissed[app.work.active] = [];
  renderResults();
  save();
}

function goTo({ id, d }) {
  showTab('form');
  const key = keyOf(d);
  const focus = formWording(d, key, app.state, app.settings)?.focus;
  let control = editor.control(focus ?? key);
  if (!control || control.closest('[hidden]')) {
    const box = [key, key.split('.').slice(0, 2).join('.'), key.split('.')[0]]
      .map((k) => editor.container(k))
      .find((el) => el && !el.hidden);
    control = box?.querySelector('.hl-control, select, input') ?? box?.querySelector('button:not([disabled])') ?? null;
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
  tips.atCaret(control);
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
        requestLint(); // the text moved under the fix: check again, and offer it afresh
        return;
      }
      if (!byKey.has(key)) byKey.set(key, []);
      byKey.get(key).push({ ...r, text: e.text });
    }
    showTab('form');
    for (const [key, list] of byKey) editor.replaceRanges(key, list);
    requestLint();
  } else {
    const next = fixedState(app.state, edits);
    if (!next) return;
    app.state = next;
    editor.render(app.state, app.settings.profile);
    afterChange('fix');
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
  else jsonTab.shown();
  hideTooltip();
  if (app.current) {
    renderList(); // the form's words, or the core's in the JSON tab
    renderFirstProblem();
  }
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

/**
 * The work of a plain-text draft (a .txt file): its text is the body, and nothing else, as the
 * CLI and the package read it (a draft has no name, language or category until they are filled
 * in), so that the draft gets the same verdict everywhere.
 */
function textWork(text) {
  return singleWork({ components: [{ type: 'BODY', text: text.replace(/\r\n?/g, '\n').replace(/\n$/, '') }] });
}

const jsonTab = new JsonTab({
  textarea: $('json-text'),
  gutter: $('json-gutter'),
  status: $('json-status'),
  file: $('json-file'),
  copy: $('json-copy'),
  download: $('json-download'),
}, {
  text() {
    syncWork();
    return `${JSON.stringify(documentOf(app.work), null, 2)}\n`;
  },
  apply(doc) {
    // The text was edited: the same work, changed; every template of it is kept.
    const next = workOfDocument(doc);
    next.active = Math.min(app.work.active, next.templates.length - 1);
    next.dismissed = next.templates.map((_, i) => app.work.dismissed[i] ?? []);
    app.work = next;
    app.undoArmed = false;
    app.state = fromTemplate(app.work.templates[app.work.active]);
    editor.render(app.state, app.settings.profile);
    afterChange('json');
    lintAll();
    renderExportTable();
  },
  import: (doc, file) => replaceWork(workOfDocument(doc),
    { text: t('confirm.import', { file }), ok: t('confirm.import.ok') }, t('json.loaded', { file })),
  importText: (text, file) => replaceWork(textWork(text),
    { text: t('confirm.import', { file }), ok: t('confirm.import.ok') }, t('json.loaded', { file })),
  check,
  showForm: () => showTab('form'),
  announce,
});
$('json-text').addEventListener('input', () => {
  app.undoArmed = false;
  app.redoArmed = false;
});

// ---- settings, examples, language ------------------------------------------------------------

$('profile').addEventListener('change', () => {
  app.settings.profile = $('profile').value;
  editor.render(app.state, app.settings.profile);
  renderResults();
  requestLint();
  lintAll();
  save();
});
$('owned').addEventListener('input', () => {
  app.settings.owned = $('owned').value;
  requestLint();
  save();
});
$('owned').addEventListener('change', () => lintAll());

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
  const group = (l) => h('optgroup', { label: t(`examples.${l}`) },
    exampleIndex.filter((x) => x.lang === l).map((x) => h('option', { value: x.file },
      x.category ? `${x.name} · ${has(`cat.${x.category}`) ? t(`cat.${x.category}`) : x.category}` : x.name)));
  const langs = lang() === 'ru' ? ['ru', 'en'] : ['en', 'ru'];
  replaceChildren(select,
    h('option', { value: '' }, t('examples.choose')),
    h('option', { value: '#empty' }, t('examples.empty')),
    langs.map(group));
  select.value = '';
}

$('example').addEventListener('change', async () => {
  const select = $('example');
  const file = select.value;
  select.value = ''; // a menu of actions: it always reads "Load an example…"
  if (!file) return;
  if (file === '#empty') {
    const empty = singleWork(toTemplate(emptyState(lang())).template);
    await replaceWork(empty, { text: t('confirm.empty'), ok: t('confirm.empty.ok') }, t('examples.loaded', { name: t('examples.empty') }));
    return;
  }
  const name = exampleIndex.find((x) => x.file === file)?.name ?? file;
  try {
    const response = await fetch(`pkg/examples/${file}`);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const text = await response.text();
    const next = file.endsWith('.txt') ? textWork(text) : workOfDocument(JSON.parse(text));
    if (!next) throw new Error(t('json.notTemplate'));
    await replaceWork(next, { text: t('confirm.example', { name }), ok: t('confirm.example.ok') }, t('examples.loaded', { name }));
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
  editor.render(app.state, app.settings.profile);
  renderExampleOptions();
  renderPreview($('preview'), app.state);
  renderOwnedList();
  if (app.version) $('version').textContent = `· ${t('app.version', { v: app.version })}`;
  renderResults(); // the page's words now; the core's messages with the next result
  jsonTab.relabel();
  hideNotice();
  requestLint();
  lintAll();
  save();
}
for (const b of document.querySelectorAll('[data-lang]')) b.addEventListener('click', () => switchLang(b.dataset.lang));

window.addEventListener('resize', () => {
  editor.resize();
  renderMarks();
  hideTooltip();
});

// ---- storage ---------------------------------------------------------------------------------

let saveTimer = null;
function saveNow() {
  clearTimeout(saveTimer);
  saveTimer = null;
  syncWork();
  const data = { work: app.work, settings: app.settings, lang: lang(), undo: app.undo, redo: app.redo };
  // Storage full: the work comes first, the history of replaced work second.
  if (!saveStore(data)) saveStore({ ...data, undo: [], redo: [] });
}
function save() {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(saveNow, SAVE_DELAY_MS);
}
window.addEventListener('pagehide', () => {
  if (saveTimer) saveNow();
});
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden' && saveTimer) saveNow();
});

// ---- start -----------------------------------------------------------------------------------

const saved = loadStore();
setLang(saved?.lang ?? detectLang());
applyI18n();
updateLangButtons();
if (saved?.settings) Object.assign(app.settings, saved.settings);
if (!Array.isArray(app.settings.validOwned)) app.settings.validOwned = [];
$('profile').value = app.settings.profile;
$('owned').value = app.settings.owned;
renderOwnedList();
app.undo = saved?.undo ?? [];
app.redo = saved?.redo ?? [];
app.work = saved?.work ?? singleWork(toTemplate(emptyState(lang())).template);
try {
  app.state = fromTemplate(app.work.templates[app.work.active]);
} catch {
  app.state = emptyState(lang());
}
editor.render(app.state, app.settings.profile);
renderPreview($('preview'), app.state);
renderSummary();
jsonTab.refresh(true);
requestLint();
lintAll();
renderExportTable();
renderHistory();
loadExampleIndex();
