// The editor's state, and Meta's message_templates JSON built from it and read into it.
//
// The state holds what the form edits (name, language, category, header, body, footer,
// buttons) and keeps everything else of an imported template (unknown fields, OTP settings,
// carousels, ...) so that the JSON round-trips: toTemplate(fromTemplate(x)) is x. A part the
// user has not edited is written back exactly as it came (its `source`, while the form's view
// of it is still what it was when read: `seen`); an edited part is rebuilt from the form and
// keeps its other keys; the parts stay in their order, and the parts the form cannot edit
// (jsonOnly() lists them) are kept whole. toTemplate() also says which form field each JSON
// path is, so that a diagnostic's `path` (e.g. `components[1].text`) finds its field.

export const HEADER_FORMATS = ['TEXT', 'IMAGE', 'VIDEO', 'DOCUMENT', 'LOCATION', 'GIF'];
export const BUTTON_TYPES = ['QUICK_REPLY', 'URL', 'PHONE_NUMBER', 'COPY_CODE', 'OTP', 'VOICE_CALL'];
export const CATEGORIES = ['MARKETING', 'UTILITY', 'AUTHENTICATION'];

let lastId = 0;
const newId = () => `b${++lastId}`;

export function emptyState(lang = 'en') {
  return {
    name: 'new_template',
    language: lang === 'ru' ? 'ru' : 'en_US',
    category: '', // asked first, never assumed
    header: { present: false, format: 'TEXT', text: '', examples: {}, handle: '', exampleExtra: {}, extra: {}, source: null, seen: '' },
    body: { text: '', examples: {}, exampleExtra: {}, extra: {}, kept: true, source: null, seen: '' },
    footer: { text: '', extra: {}, source: null, seen: '' },
    buttons: [],
    buttonsExtra: {},
    buttonsSource: null, // the BUTTONS component as it came, and the form's view of it then
    buttonsSeen: '',
    extra: {},
    others: [], // components the form does not edit, kept whole
    layout: [], // the order of the components as they came: 'HEADER' … 'BUTTONS', or an index into `others`
    absent: [], // 'name' and 'language' when the template came without them (a draft): not written while empty
  };
}

export function newButton(type = 'QUICK_REPLY') {
  const b = { id: newId(), type, text: '', url: '', phone_number: '', example: '', extra: {}, source: null, seen: '' };
  if (type === 'OTP') b.extra.otp_type = 'COPY_CODE';
  return b;
}

/** Well-formed placeholders of a text, distinct: positional ones by number, then named ones. */
export function placeholders(text) {
  const seen = new Set();
  for (const m of String(text).matchAll(/\{\{([A-Za-z0-9_]+)\}\}/g)) seen.add(m[1]);
  const all = [...seen];
  const positional = all.filter((p) => /^\d+$/.test(p)).sort((a, b) => Number(a) - Number(b));
  return [...positional, ...all.filter((p) => !/^\d+$/.test(p))];
}

const isNamed = (list) => list.length > 0 && list.every((p) => !/^\d+$/.test(p));
const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const hasAny = (o) => Object.keys(o).length > 0;

/** Which buttons fields the form shows (and writes) for a type. */
export function buttonFields(type) {
  switch (type) {
    case 'QUICK_REPLY':
      return ['text'];
    case 'URL':
      return ['text', 'url'];
    case 'PHONE_NUMBER':
      return ['text', 'phone_number'];
    case 'COPY_CODE':
      return ['example'];
    default:
      // OTP, VOICE_CALL, and the types only the JSON tab edits (FLOW, CATALOG, MPM, SPM, …):
      // the label; the rest of the button is kept as it is.
      return ['text'];
  }
}

/** The form's view of a part or a button: what the user can change in it. */
function view(part) {
  return JSON.stringify({ ...part, id: undefined, source: undefined, seen: undefined, kept: undefined });
}

/** A part as it came while the form has not changed it, else null. */
const untouched = (part) => (part.source !== null && view(part) === part.seen ? structuredClone(part.source) : null);

/** `value` spelt as the template spelt it (`body` stays `body`) while it is the same word. */
const spelt = (value, original) => (typeof original === 'string' && original.toUpperCase() === value ? original : value);

const buttonsView = (state) => JSON.stringify([state.buttons.map(view), state.buttonsExtra]);

const PARTS = ['HEADER', 'BODY', 'FOOTER', 'BUTTONS'];

/** The order to write the components in: as they came, and a part added since in its usual place. */
function layoutOf(state) {
  const order = [...state.layout];
  for (const part of PARTS) {
    if (order.includes(part)) continue;
    const i = PARTS.indexOf(part);
    const before = PARTS.slice(0, i).reverse().find((p) => order.includes(p));
    const after = PARTS.slice(i + 1).find((p) => order.includes(p));
    order.splice(before ? order.indexOf(before) + 1 : after ? order.indexOf(after) : 0, 0, part);
  }
  return order;
}

/**
 * Builds the template. Returns { template, fields } where `fields` maps JSON paths to field
 * keys of the form (`body.text`, `button.b3.url`, `body.example.1`, `header`, `other.0`, ...).
 */
export function toTemplate(state) {
  const fields = new Map([['components', 'components']]);
  const t = {};
  for (const key of ['name', 'language', 'category']) {
    fields.set(key, key);
    if (key in state.extra) t[key] = state.extra[key];
    else if (key === 'category' ? state.category !== '' : state[key] !== '' || !state.absent.includes(key)) t[key] = state[key];
  }
  for (const [key, value] of Object.entries(state.extra)) if (!(key in t)) t[key] = value;
  const components = [];
  for (const slot of layoutOf(state)) {
    const path = `components[${components.length}]`;
    const c = typeof slot === 'number' ? otherComponent(state, slot, path, fields) : WRITERS[slot](state, path, fields);
    if (c !== null) components.push(c);
  }
  t.components = components;
  return { template: t, fields };
}

function otherComponent(state, i, path, fields) {
  fields.set(path, `other.${i}`);
  return structuredClone(state.others[i]);
}

const WRITERS = {
  HEADER(state, path, fields) {
    const header = state.header;
    if (!header.present) return null;
    fields.set(path, 'header');
    fields.set(`${path}.format`, 'header.format');
    if (header.format === 'TEXT') fields.set(`${path}.text`, 'header.text');
    fields.set(`${path}.example.header_handle`, 'header.handle');
    fields.set(`${path}.example`, 'header.examples');
    const example = { ...header.exampleExtra };
    if (header.format === 'TEXT') {
      addExamples(example, header.text, header.examples, 'header_text', `${path}.example`, 'header', fields, false);
    } else if (header.handle !== '') {
      example.header_handle = [header.handle];
    }
    const kept = untouched(header);
    if (kept) return kept;
    const c = { type: spelt('HEADER', header.source?.type) };
    if (header.format !== '') c.format = spelt(header.format, header.source?.format);
    if (header.format === 'TEXT' && header.text !== '') c.text = header.text;
    if (hasAny(example)) c.example = example;
    return Object.assign(c, header.extra);
  },

  BODY(state, path, fields) {
    const body = state.body;
    fields.set(path, 'body');
    fields.set(`${path}.text`, 'body.text');
    fields.set(`${path}.example`, 'body.examples');
    const example = { ...body.exampleExtra };
    addExamples(example, body.text, body.examples, 'body_text', `${path}.example`, 'body', fields, true);
    const kept = untouched(body);
    if (kept) return kept;
    if (!body.kept && body.text === '' && !hasAny(example) && !hasAny(body.extra)) return null;
    const c = { type: spelt('BODY', body.source?.type) };
    if (body.text !== '') c.text = body.text;
    if (hasAny(example)) c.example = example;
    return Object.assign(c, body.extra);
  },

  FOOTER(state, path, fields) {
    const footer = state.footer;
    const kept = untouched(footer);
    if (!kept && footer.text === '' && !hasAny(footer.extra)) return null;
    fields.set(path, 'footer');
    fields.set(`${path}.text`, 'footer.text');
    if (kept) return kept;
    const c = { type: spelt('FOOTER', footer.source?.type) };
    if (footer.text !== '') c.text = footer.text;
    return Object.assign(c, footer.extra);
  },

  BUTTONS(state, path, fields) {
    const same = state.buttonsSource !== null && buttonsView(state) === state.buttonsSeen;
    if (!same && state.buttons.length === 0 && !hasAny(state.buttonsExtra)) return null;
    fields.set(path, 'buttons');
    fields.set(`${path}.buttons`, 'buttons');
    const buttons = state.buttons.map((b, i) => writeButton(b, `${path}.buttons[${i}]`, fields));
    if (same) return structuredClone(state.buttonsSource);
    return { type: spelt('BUTTONS', state.buttonsSource?.type), buttons, ...state.buttonsExtra };
  },
};

function writeButton(b, path, fields) {
  fields.set(path, `button.${b.id}`);
  fields.set(`${path}.type`, `button.${b.id}.type`);
  const out = b.type === '' ? {} : { type: spelt(b.type, b.source?.type) };
  // A field the button came without stays out while the form leaves it empty.
  const had = (f) => !b.source || (isObject(b.source) && f in b.source);
  for (const f of buttonFields(b.type)) {
    fields.set(`${path}.${f}`, `button.${b.id}.${f}`);
    if (b[f] !== '' || had(f)) out[f] = b[f];
  }
  if (b.type === 'URL') {
    fields.set(`${path}.example`, `button.${b.id}.example`);
    fields.set(`${path}.example[0]`, `button.${b.id}.example`);
    if (b.example !== '' && (placeholders(b.url).length > 0 || (b.source && had('example')))) out.example = [b.example];
  }
  if ('__raw' in b.extra) return b.extra.__raw;
  return untouched(b) ?? Object.assign(out, b.extra);
}

/** Writes the example values of `text`'s placeholders (only once at least one is filled in). */
function addExamples(example, text, values, key, path, field, fields, rows) {
  const names = placeholders(text);
  if (names.length === 0) return;
  const filled = names.some((n) => (values[n] ?? '') !== '');
  names.forEach((n, i) => {
    if (isNamed(names)) {
      fields.set(`${path}.${key}_named_params[${i}]`, `${field}.example.${n}`);
      fields.set(`${path}.${key}_named_params[${i}].example`, `${field}.example.${n}`);
      fields.set(`${path}.${key}_named_params[${i}].param_name`, `${field}.example.${n}`);
    } else {
      fields.set(rows ? `${path}.${key}[0][${i}]` : `${path}.${key}[${i}]`, `${field}.example.${n}`);
    }
  });
  if (!filled) return;
  if (isNamed(names)) {
    // Named ones need no place: an example not given is left out, as it would be in JSON.
    example[`${key}_named_params`] = names.filter((n) => (values[n] ?? '') !== '').map((n) => ({ param_name: n, example: values[n] }));
  } else {
    const row = names.map((n) => values[n] ?? '');
    example[key] = rows ? [row] : row;
  }
}

/** The field key for a diagnostic's path: the path itself or its nearest mapped parent. */
export function fieldFor(fields, path) {
  let p = path ?? '';
  while (p) {
    if (fields.has(p)) return fields.get(p);
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    if (cut <= 0) break;
    p = p.slice(0, cut);
  }
  return fields.has(p) ? fields.get(p) : 'components';
}

/** Reads and writes a text field of the state by its key. */
export function fieldRef(state, key) {
  const parts = key.split('.');
  if (parts.length === 1 && ['name', 'language', 'category'].includes(key)) {
    return { get: () => state[key], set: (v) => { state[key] = v; delete state.extra[key]; } };
  }
  if (parts[0] === 'header' || parts[0] === 'body' || parts[0] === 'footer') {
    const part = state[parts[0]];
    if (parts[1] === 'text') return { get: () => part.text, set: (v) => { part.text = v; } };
    if (parts[1] === 'handle') return { get: () => part.handle, set: (v) => { part.handle = v; } };
    if (parts[1] === 'example' && parts.length === 3) {
      return { get: () => part.examples[parts[2]] ?? '', set: (v) => { part.examples[parts[2]] = v; } };
    }
  }
  if (parts[0] === 'button' && parts.length === 3) {
    const b = state.buttons.find((x) => x.id === parts[1]);
    if (b && ['text', 'url', 'phone_number', 'example'].includes(parts[2])) {
      return { get: () => b[parts[2]], set: (v) => { b[parts[2]] = v; } };
    }
  }
  return null;
}

/**
 * Reads one template (an object in Meta's format) into a state. Throws a TypeError when it is
 * not an object.
 */
export function fromTemplate(t) {
  if (!isObject(t)) throw new TypeError('a template is a JSON object');
  const s = emptyState();
  s.name = '';
  s.language = '';
  s.category = '';
  s.body.kept = false;
  s.absent = ['name', 'language'].filter((key) => !(key in t));
  for (const [key, value] of Object.entries(t)) {
    // An empty category stays in the JSON as it came (the form writes none until one is chosen).
    if (['name', 'language', 'category'].includes(key) && typeof value === 'string' && !(key === 'category' && value === '')) s[key] = value;
    else if (key !== 'components') s.extra[key] = value;
  }
  const components = Array.isArray(t.components) ? t.components : [];
  if ('components' in t && !Array.isArray(t.components)) s.extra.components = t.components;
  for (const c of components) {
    const type = isObject(c) && typeof c.type === 'string' ? c.type.toUpperCase() : null;
    if (!type || s.layout.includes(type) || !PARTS.includes(type)) {
      s.layout.push(s.others.length);
      s.others.push(c);
      continue;
    }
    s.layout.push(type);
    const rest = { ...c };
    delete rest.type;
    if (type === 'BUTTONS') {
      const list = Array.isArray(c.buttons) ? c.buttons : [];
      s.buttons = list.map(readButton);
      delete rest.buttons;
      if ('buttons' in c && !Array.isArray(c.buttons)) rest.buttons = c.buttons;
      s.buttonsExtra = rest;
      s.buttonsSource = c;
      s.buttonsSeen = buttonsView(s);
      continue;
    }
    const part = type === 'HEADER' ? s.header : type === 'BODY' ? s.body : s.footer;
    if (type === 'HEADER') {
      s.header.present = true;
      s.header.format = typeof c.format === 'string' ? c.format.toUpperCase() : '';
      delete rest.format;
      if ('format' in c && typeof c.format !== 'string') rest.format = c.format;
    }
    if (type === 'BODY') s.body.kept = true;
    // A header's text is the form's only for a TEXT header; any other keeps it as it came.
    if (typeof c.text === 'string' && (type !== 'HEADER' || s.header.format === 'TEXT')) {
      part.text = c.text;
      delete rest.text;
    }
    if (type !== 'FOOTER' && isObject(c.example)) {
      readExamples(part, c.example, type === 'HEADER' ? 'header_text' : 'body_text');
      delete rest.example;
    }
    part.extra = rest;
    part.source = c;
    part.seen = view(part);
  }
  return s;
}

/** `{"param_name": "name", "example": "Anna"}` and nothing else: what the form writes back. */
const isNamedExample = (p) => isObject(p) && Object.keys(p).length === 2 && typeof p.param_name === 'string' && typeof p.example === 'string';

function readExamples(part, example, key) {
  const extra = { ...example };
  const names = placeholders(part.text);
  const positional = names.filter((n) => /^\d+$/.test(n));
  // The kind of examples the text's placeholders take is read into the form; the other kind, if
  // any, is kept as it came.
  const named = isNamed(names);
  let row = example[key];
  if (Array.isArray(row) && key === 'body_text' && Array.isArray(row[0]) && row.length === 1) row = row[0];
  if (positional.length > 0 && Array.isArray(row) && row.every((v) => typeof v === 'string')) {
    row.forEach((v, i) => {
      part.examples[positional[i] ?? String(i + 1)] = v;
    });
    delete extra[key];
  }
  const params = example[`${key}_named_params`];
  if (named && Array.isArray(params) && params.every(isNamedExample)) {
    for (const p of params) part.examples[p.param_name] = p.example;
    delete extra[`${key}_named_params`];
  }
  if (key === 'header_text' && Array.isArray(example.header_handle) && typeof example.header_handle[0] === 'string'
      && example.header_handle.length === 1) {
    part.handle = example.header_handle[0];
    delete extra.header_handle;
  }
  part.exampleExtra = extra;
}

/** A button: the fields the form shows for its type, and everything else kept as it came. */
function readButton(raw) {
  const b = newButton(isObject(raw) && typeof raw.type === 'string' ? raw.type.toUpperCase() : '');
  b.extra = {};
  if (!isObject(raw)) {
    b.extra.__raw = raw;
    return b;
  }
  const shown = new Set(buttonFields(b.type));
  if (b.type === 'URL') shown.add('example');
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'type' && typeof value === 'string') continue;
    if (shown.has(key) && ['text', 'url', 'phone_number'].includes(key) && typeof value === 'string') b[key] = value;
    else if (shown.has(key) && key === 'example' && typeof value === 'string') b.example = value;
    else if (shown.has(key) && key === 'example' && Array.isArray(value) && value.length === 1 && typeof value[0] === 'string') b.example = value[0];
    else b.extra[key] = value;
  }
  b.source = raw;
  b.seen = view(b);
  return b;
}

/**
 * A field of a button's other types that the JSON held, brought into the form when the button
 * becomes a type that shows it (a phone number kept aside on a quick reply, then made a call).
 */
export function adoptButtonFields(b) {
  const shown = new Set(buttonFields(b.type));
  if (b.type === 'URL') shown.add('example');
  for (const key of shown) {
    const value = b.extra[key];
    if (typeof value === 'string') {
      b[key] = value;
      delete b.extra[key];
    } else if (key === 'example' && Array.isArray(value) && value.length === 1 && typeof value[0] === 'string') {
      b.example = value[0];
      delete b.extra.example;
    }
  }
}

const OTP_APP_KEYS = ['autofill_text', 'zero_tap_terms_accepted', 'supported_apps', 'package_name', 'signature_hash'];

/** Whether only the JSON tab edits some of a button: the notice's key for it, or null. */
export function jsonOnlyButton(b) {
  if (b.type === 'FLOW') return 'jo.flow';
  if (['CATALOG', 'MPM', 'SPM'].includes(b.type)) return 'jo.catalog';
  const oneTap = ['ONE_TAP', 'ZERO_TAP'].includes(String(b.extra.otp_type).toUpperCase());
  if (b.type === 'OTP' && (oneTap || OTP_APP_KEYS.some((k) => k in b.extra))) return 'jo.otp';
  if (b.type !== '' && !BUTTON_TYPES.includes(b.type)) return 'jo.buttonType';
  return null;
}

/**
 * What the template holds that the form cannot edit (docs/template-types.md), for the notice
 * that says so: [{ key (of i18n.js), vars, container (the form's key for its findings) }].
 * The form keeps all of it as it came.
 */
export function jsonOnly(state) {
  const out = [];
  state.others.forEach((c, i) => {
    const type = isObject(c) && typeof c.type === 'string' ? c.type : null;
    const upper = type?.toUpperCase();
    const key = { CAROUSEL: 'jo.carousel', LIMITED_TIME_OFFER: 'jo.lto', CALL_PERMISSION_REQUEST: 'jo.callPermission' }[upper]
      ?? (type === null ? 'jo.untyped' : PARTS.includes(upper) ? 'jo.second' : 'jo.component');
    out.push({ key, vars: { type }, container: `other.${i}` });
  });
  const { format } = state.header;
  if (state.header.present && format === 'PRODUCT') out.push({ key: 'jo.productHeader', vars: {}, container: 'header' });
  else if (state.header.present && format !== '' && !HEADER_FORMATS.includes(format)) {
    out.push({ key: 'jo.headerFormat', vars: { format }, container: 'header' });
  }
  state.buttons.forEach((b, i) => {
    const key = jsonOnlyButton(b);
    if (key) out.push({ key, vars: { n: i + 1, type: b.type }, container: `button.${b.id}` });
  });
  if ('message_send_ttl_seconds' in state.extra) out.push({ key: 'jo.ttl', vars: {}, container: 'template' });
  return out;
}

/** Whether the form is still untouched in substance: no text, no header, footer or buttons. */
export function isBlank(state) {
  return state.body.text === '' && !state.header.present && state.footer.text === ''
    && state.buttons.length === 0 && state.others.length === 0 && Object.keys(state.buttonsExtra).length === 0;
}

/** The templates in a parsed JSON document: one template, an array, or `{"data": [...]}`. */
export function templatesOf(doc) {
  if (Array.isArray(doc)) return doc;
  if (isObject(doc) && !('components' in doc) && Array.isArray(doc.data)) return doc.data;
  return [doc];
}

/** Applies `replace` edits to a string (UTF-16 ranges), last first. */
export function applyReplaceEdits(text, edits) {
  const sorted = [...edits].sort((a, b) => b.range.start_utf16 - a.range.start_utf16);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.range.start_utf16) + e.text + out.slice(e.range.end_utf16);
  return out;
}

/** `components[1].example.body_text[0][2]` → ['components', 1, 'example', 'body_text', 0, 2]. */
export function parsePath(path) {
  const keys = [];
  for (const m of String(path).matchAll(/([^.[\]]+)|\[(\d+)\]/g)) keys.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  return keys;
}

/**
 * Applies a fix's edits to a template object (replace: a UTF-16 range of a string field;
 * add_component: a component added to `components`). Returns false when an edit does not fit.
 */
export function applyEditsToTemplate(template, edits) {
  const replaces = new Map();
  for (const e of edits) {
    if (e.kind === 'add_component') {
      if (!Array.isArray(template.components)) template.components = [];
      template.components.push(structuredClone(e.component));
    } else if (e.kind === 'replace') {
      if (!replaces.has(e.path)) replaces.set(e.path, []);
      replaces.get(e.path).push(e);
    } else {
      return false;
    }
  }
  for (const [path, list] of replaces) {
    const keys = parsePath(path);
    let parent = template;
    for (const k of keys.slice(0, -1)) parent = parent?.[k];
    const last = keys[keys.length - 1];
    if (!parent || typeof parent[last] !== 'string') return false;
    parent[last] = applyReplaceEdits(parent[last], list);
  }
  return true;
}

/**
 * The state after a fix's edits (add_component, replace), or null when an edit does not fit. A
 * part the fix adds (a footer) goes in its usual place, not after the buttons.
 */
export function fixedState(state, edits) {
  const { template } = toTemplate(state);
  const had = new Set(template.components.map((c) => (isObject(c) && typeof c.type === 'string' ? c.type.toUpperCase() : null)));
  if (!applyEditsToTemplate(template, edits)) return null;
  const next = fromTemplate(template);
  for (const e of edits) {
    const type = e.kind === 'add_component' && typeof e.component?.type === 'string' ? e.component.type.toUpperCase() : null;
    if (type && !had.has(type)) next.layout = next.layout.filter((slot) => slot !== type);
  }
  return next;
}
