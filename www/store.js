// The page's memory: the work (every template of the draft or of a pasted export), the settings,
// and the work that a replacement (an example, an import, a template switch) put aside, so that
// Undo brings it back, even after a reload. Kept in localStorage under a versioned key; this
// device only, nothing is sent anywhere.
import { templatesOf } from './model.js';

const KEY = 'walint.page.v2';
const V1_KEY = 'walint.page'; // version 1: sessionStorage { template, settings, lang }
const HISTORY_MAX = 10;

/**
 * The work: `templates` (Meta's JSON objects), `active` (the one in the form), `shape` (how the
 * document held them: 'single', 'array' or 'data' for a `{"data": [...]}` response, whose other
 * keys are kept in `wrapper`) and `dismissed` (per template: the keys of dismissed findings).
 */
export function singleWork(template) {
  return { templates: [template], active: 0, shape: 'single', wrapper: null, dismissed: [[]] };
}

/**
 * The work of a parsed JSON document, or null when it holds no template or something that is
 * not one (refused whole rather than dropped silently).
 */
export function workOfDocument(doc) {
  const templates = templatesOf(doc);
  if (templates.length === 0 || !templates.every((x) => x && typeof x === 'object' && !Array.isArray(x))) return null;
  let shape = 'single';
  let wrapper = null;
  if (Array.isArray(doc)) {
    shape = 'array';
  } else if (doc.data === templatesOf(doc)) {
    shape = 'data';
    wrapper = { ...doc };
    delete wrapper.data;
  }
  return { templates, active: 0, shape, wrapper, dismissed: templates.map(() => []) };
}

/** The JSON document of the work, in the shape it came in. */
export function documentOf(work) {
  if (work.shape === 'data') return { ...(work.wrapper ?? {}), data: work.templates };
  if (work.shape === 'array' || work.templates.length !== 1) return work.templates;
  return work.templates[0];
}

function valid(data) {
  return data && typeof data === 'object' && data.v === 2 && data.work
    && Array.isArray(data.work.templates) && data.work.templates.length > 0;
}

/** What the page kept: { work, settings, lang, undo, redo }, or null. */
export function loadStore() {
  try {
    const data = JSON.parse(localStorage.getItem(KEY) ?? 'null');
    if (valid(data)) {
      const { work } = data;
      work.active = Math.min(Math.max(0, Number(work.active) || 0), work.templates.length - 1);
      if (!Array.isArray(work.dismissed)) work.dismissed = [];
      work.dismissed = work.templates.map((_, i) => (Array.isArray(work.dismissed[i]) ? work.dismissed[i] : []));
      return { ...data, undo: Array.isArray(data.undo) ? data.undo : [], redo: Array.isArray(data.redo) ? data.redo : [] };
    }
  } catch { /* unreadable: try the older form */ }
  try {
    const old = JSON.parse(sessionStorage.getItem(V1_KEY) ?? 'null');
    if (old?.template && typeof old.template === 'object') {
      return { v: 2, work: singleWork(old.template), settings: old.settings ?? {}, lang: old.lang, undo: [], redo: [] };
    }
  } catch { /* nothing kept */ }
  return null;
}

/** Writes everything; returns false when storage is full or disabled. */
export function saveStore({ work, settings, lang, undo, redo }) {
  try {
    localStorage.setItem(KEY, JSON.stringify({
      v: 2, work, settings, lang, undo: undo.slice(-HISTORY_MAX), redo: redo.slice(-HISTORY_MAX),
    }));
    return true;
  } catch {
    return false;
  }
}
