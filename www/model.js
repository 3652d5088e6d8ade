// The editor's state, and Meta's message_templates JSON built from it and read into it.
//
// The state holds what the form edits (name, language, category, header, body, footer,
// buttons) and keeps everything else of an imported template (unknown fields, OTP settings,
// carousels, ...) so that the JSON round-trips. toTemplate() also says which form field each
// JSON path is, so that a diagnostic's `path` (e.g. `components[1].text`) finds its field.

export const HEADER_FORMATS = ['TEXT', 'IMAGE', 'VIDEO', 'DOCUMENT', 'LOCATION', 'GIF'];
export const BUTTON_TYPES = ['QUICK_REPLY', 'URL', 'PHONE_NUMBER', 'COPY_CODE', 'OTP'];
export const CATEGORIES = ['MARKETING', 'UTILITY', 'AUTHENTICATION'];

let lastId = 0;
const newId = () => `b${++lastId}`;

export function emptyState(lang = 'en') {
  return {
    name: 'new_template',
    language: lang === 'ru' ? 'ru' : 'en_US',
    category: '', // asked first, never assumed
    header: { present: false, format: 'TEXT', text: '', examples: {}, handle: '', exampleExtra: {}, extra: {} },
    body: { text: '', examples: {}, exampleExtra: {}, extra: {} },
    footer: { text: '', extra: {} },
    buttons: [],
    buttonsExtra: {},
    extra: {},
    others: [],
  };
}

export function newButton(type = 'QUICK_REPLY') {
  const b = { id: newId(), type, text: '', url: '', phone_number: '', example: '', extra: {} };
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
const str = (v) => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));
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
    case 'OTP':
      return ['text'];
    default:
      return ['text', 'url', 'phone_number'];
  }
}

/**
 * Builds the template. Returns { template, fields } where `fields` maps JSON paths to field
 * keys of the form (`body.text`, `button.b3.url`, `body.example.1`, `header`, ...).
 */
export function toTemplate(state) {
  const fields = new Map([['components', 'components']]);
  const t = {};
  for (const key of ['name', 'language', 'category']) {
    fields.set(key, key);
    if (key in state.extra) t[key] = state.extra[key];
    else if (key !== 'category' || state.category !== '') t[key] = state[key]; // no category chosen yet: none written
  }
  for (const [key, value] of Object.entries(state.extra)) if (!(key in t)) t[key] = value;
  const components = [];
  const at = () => `components[${components.length}]`;

  if (state.header.present) {
    const path = at();
    const c = { type: 'HEADER' };
    fields.set(path, 'header');
    fields.set(`${path}.format`, 'header.format');
    if (state.header.format !== '') c.format = state.header.format;
    const example = { ...state.header.exampleExtra };
    if (state.header.format === 'TEXT') {
      if (state.header.text !== '') c.text = state.header.text;
      fields.set(`${path}.text`, 'header.text');
      addExamples(example, state.header.text, state.header.examples, 'header_text', `${path}.example`, 'header', fields, false);
    } else if (state.header.handle !== '') {
      example.header_handle = [state.header.handle];
    }
    fields.set(`${path}.example.header_handle`, 'header.handle');
    fields.set(`${path}.example`, 'header.examples');
    if (hasAny(example)) c.example = example;
    Object.assign(c, state.header.extra);
    components.push(c);
  }

  {
    const path = at();
    const c = { type: 'BODY' };
    fields.set(path, 'body');
    if (state.body.text !== '') c.text = state.body.text;
    fields.set(`${path}.text`, 'body.text');
    const example = { ...state.body.exampleExtra };
    addExamples(example, state.body.text, state.body.examples, 'body_text', `${path}.example`, 'body', fields, true);
    fields.set(`${path}.example`, 'body.examples');
    if (hasAny(example)) c.example = example;
    Object.assign(c, state.body.extra);
    components.push(c);
  }

  if (state.footer.text !== '' || hasAny(state.footer.extra)) {
    const path = at();
    fields.set(path, 'footer');
    fields.set(`${path}.text`, 'footer.text');
    const c = { type: 'FOOTER' };
    if (state.footer.text !== '') c.text = state.footer.text;
    Object.assign(c, state.footer.extra);
    components.push(c);
  }

  if (state.buttons.length > 0 || hasAny(state.buttonsExtra)) {
    const path = at();
    fields.set(path, 'buttons');
    fields.set(`${path}.buttons`, 'buttons');
    const buttons = state.buttons.map((b, i) => {
      const bp = `${path}.buttons[${i}]`;
      fields.set(bp, `button.${b.id}`);
      fields.set(`${bp}.type`, `button.${b.id}.type`);
      if ('__raw' in b.extra) return b.extra.__raw;
      const out = b.type === '' ? {} : { type: b.type };
      for (const f of buttonFields(b.type)) {
        if (f === 'example') {
          out.example = b.example;
          fields.set(`${bp}.example`, `button.${b.id}.example`);
        } else {
          out[f] = b[f];
          fields.set(`${bp}.${f}`, `button.${b.id}.${f}`);
        }
      }
      if (b.type === 'URL' && placeholders(b.url).length > 0 && b.example !== '') {
        out.example = [b.example];
        fields.set(`${bp}.example`, `button.${b.id}.example`);
        fields.set(`${bp}.example[0]`, `button.${b.id}.example`);
      }
      return Object.assign(out, b.extra);
    });
    components.push({ type: 'BUTTONS', buttons, ...state.buttonsExtra });
  }

  for (const other of state.others) components.push(structuredClone(other));
  t.components = components;
  return { template: t, fields };
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
    example[`${key}_named_params`] = names.map((n) => ({ param_name: n, example: values[n] ?? '' }));
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
  for (const [key, value] of Object.entries(t)) {
    // An empty category stays in the JSON as it came (the form writes none until one is chosen).
    if (['name', 'language', 'category'].includes(key) && typeof value === 'string' && !(key === 'category' && value === '')) s[key] = value;
    else if (key !== 'components') s.extra[key] = value;
  }
  const components = Array.isArray(t.components) ? t.components : [];
  if ('components' in t && !Array.isArray(t.components)) s.extra.components = t.components;
  const taken = new Set();
  for (const c of components) {
    const type = isObject(c) && typeof c.type === 'string' ? c.type.toUpperCase() : null;
    if (!type || taken.has(type) || !['HEADER', 'BODY', 'FOOTER', 'BUTTONS'].includes(type)) {
      s.others.push(c);
      continue;
    }
    taken.add(type);
    const rest = { ...c };
    delete rest.type;
    if (type === 'BUTTONS') {
      const list = Array.isArray(c.buttons) ? c.buttons : [];
      s.buttons = list.map(readButton);
      delete rest.buttons;
      if ('buttons' in c && !Array.isArray(c.buttons)) rest.buttons = c.buttons;
      s.buttonsExtra = rest;
      continue;
    }
    const part = type === 'HEADER' ? s.header : type === 'BODY' ? s.body : s.footer;
    if (type === 'HEADER') {
      s.header.present = true;
      s.header.format = typeof c.format === 'string' ? c.format : '';
      delete rest.format;
      if ('format' in c && typeof c.format !== 'string') rest.format = c.format;
    }
    if (typeof c.text === 'string') {
      part.text = c.text;
      delete rest.text;
    }
    if (type !== 'FOOTER' && isObject(c.example)) {
      readExamples(part, c.example, type === 'HEADER' ? 'header_text' : 'body_text');
      delete rest.example;
    }
    part.extra = rest;
  }
  return s;
}

function readExamples(part, example, key) {
  const extra = { ...example };
  const names = placeholders(part.text);
  const positional = names.filter((n) => /^\d+$/.test(n));
  let row = example[key];
  if (Array.isArray(row) && key === 'body_text' && Array.isArray(row[0])) row = row[0];
  if (Array.isArray(row) && row.every((v) => typeof v === 'string')) {
    row.forEach((v, i) => {
      part.examples[positional[i] ?? String(i + 1)] = v;
    });
    delete extra[key];
  }
  const named = example[`${key}_named_params`];
  if (Array.isArray(named) && named.every((p) => isObject(p) && typeof p.param_name === 'string')) {
    for (const p of named) part.examples[p.param_name] = str(p.example);
    delete extra[`${key}_named_params`];
  }
  if (key === 'header_text' && Array.isArray(example.header_handle) && typeof example.header_handle[0] === 'string'
      && example.header_handle.length === 1) {
    part.handle = example.header_handle[0];
    delete extra.header_handle;
  }
  part.exampleExtra = extra;
}

function readButton(raw) {
  const b = newButton(isObject(raw) && typeof raw.type === 'string' ? raw.type : '');
  b.extra = {};
  if (!isObject(raw)) {
    b.extra.__raw = raw;
    return b;
  }
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'type' && typeof value === 'string') continue;
    if (['text', 'url', 'phone_number'].includes(key) && typeof value === 'string') b[key] = value;
    else if (key === 'example' && typeof value === 'string') b.example = value;
    else if (key === 'example' && Array.isArray(value) && value.length === 1 && typeof value[0] === 'string') b.example = value[0];
    else b.extra[key] = value;
  }
  return b;
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
