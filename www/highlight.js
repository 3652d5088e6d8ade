// Underlines in a text field: a backdrop element behind a transparent textarea or input, with
// the same text, font and wrapping, in which the flagged characters are <mark> elements.
// Ranges are UTF-16 offsets (JavaScript string indices), as the core reports them.
import { h, replaceChildren } from './dom.js';

const RANK = { info: 1, warning: 2, error: 3 };

/** The worst severity of a list of marks. */
export function worst(marks) {
  return marks.reduce((w, m) => (RANK[m.severity] > RANK[w] ? m.severity : w), 'info');
}

/**
 * Cuts [0, length) at every mark's edges. `marks`: [{ start, end, severity, rule, id }].
 * Returns [{ start, end, marks }] covering the whole text; empty marks are left out.
 */
export function segments(length, marks) {
  const usable = marks.filter((m) => m.end > m.start && m.start >= 0 && m.end <= length);
  const cuts = new Set([0, length]);
  for (const m of usable) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i], points[i + 1]];
    out.push({ start, end, marks: usable.filter((m) => m.start <= start && m.end >= end) });
  }
  return out;
}

/**
 * The empty marks (a finding about a place rather than characters, such as a missing opt-out
 * reported at the start of the body), by offset: [[offset, marks]], in order.
 */
function points(length, marks) {
  const at = new Map();
  for (const m of marks) {
    if (m.end !== m.start || m.start < 0 || m.start > length) continue;
    if (!at.has(m.start)) at.set(m.start, []);
    at.get(m.start).push(m);
  }
  return [...at].sort((a, b) => a[0] - b[0]);
}

function markFor(marks, className, piece) {
  return h('mark', {
    class: `hl ${className} hl-${worst(marks)}`,
    dataset: {
      ids: marks.map((m) => m.id).join(' '),
      rules: [...new Set(marks.map((m) => m.rule))].join(' '),
    },
  }, ...(piece ? [piece] : []));
}

/** Fills the backdrop with the text and its marks; an empty mark is a caret between letters. */
export function renderBackdrop(backdrop, text, marks) {
  const carets = points(text.length, marks);
  const nodes = [];
  const caretsBefore = (offset) => {
    while (carets.length > 0 && carets[0][0] <= offset) nodes.push(markFor(carets.shift()[1], 'hl-caret'));
  };
  for (const seg of segments(text.length, marks)) {
    caretsBefore(seg.start);
    const piece = text.slice(seg.start, seg.end);
    nodes.push(seg.marks.length === 0 ? piece : markFor(seg.marks, 'hl-span', piece));
  }
  caretsBefore(text.length);
  // A textarea shows an empty last line after a final line break; a block does not.
  if (text.endsWith('\n')) nodes.push('\u200b');
  replaceChildren(backdrop, nodes);
}

/**
 * Where a range of `oldText` is in `newText`, when the edit between them did not touch it;
 * `null` when it did. Keeps underlines in place while the next result is on its way.
 */
export function shiftRange(start, end, oldText, newText) {
  if (oldText === newText) return { start, end };
  const max = Math.min(oldText.length, newText.length);
  let prefix = 0;
  while (prefix < max && oldText.charCodeAt(prefix) === newText.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < max - prefix &&
    oldText.charCodeAt(oldText.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix)
  ) suffix++;
  if (end <= prefix && !(start === end && start === prefix)) return { start, end };
  const oldChangeEnd = oldText.length - suffix;
  if (start >= oldChangeEnd) {
    const delta = newText.length - oldText.length;
    return { start: start + delta, end: end + delta };
  }
  return null;
}

/** How far beside a place finding (a bar between letters) the pointer still finds it, in px. */
const CARET_REACH = 7;

/**
 * The ids of the marks under a point of the screen (client coordinates). A place finding is a
 * 2-px bar: it is found within a few pixels on either side, or it could hardly be hovered.
 */
export function idsAtPoint(backdrop, x, y) {
  const ids = new Set();
  for (const mark of backdrop.querySelectorAll('mark')) {
    const reach = mark.classList.contains('hl-caret') ? CARET_REACH : 0;
    for (const r of mark.getClientRects()) {
      if (x >= r.left - reach && x <= r.right + reach && y >= r.top && y <= r.bottom) {
        for (const id of mark.dataset.ids.split(' ')) ids.add(id);
      }
    }
  }
  return [...ids];
}

/** The rect of the mark under a point (as idsAtPoint finds it), or null. */
export function markRectAtPoint(backdrop, x, y) {
  for (const mark of backdrop.querySelectorAll('mark')) {
    const reach = mark.classList.contains('hl-caret') ? CARET_REACH : 0;
    for (const r of mark.getClientRects()) {
      if (x >= r.left - reach && x <= r.right + reach && y >= r.top && y <= r.bottom) return r;
    }
  }
  return null;
}

/** The first <mark> showing one of `ids`, to place a tooltip at. */
export function markElement(backdrop, ids) {
  for (const mark of backdrop.querySelectorAll('mark')) {
    if (mark.dataset.ids.split(' ').some((id) => ids.includes(id))) return mark;
  }
  return null;
}

/** Keeps the backdrop scrolled with its control (inputs scroll sideways). */
export function syncScroll(control, backdrop) {
  backdrop.scrollLeft = control.scrollLeft;
  backdrop.scrollTop = control.scrollTop;
}

/** Grows a textarea to fit its text, so that it never scrolls (and the backdrop stays aligned). */
export function autoSize(textarea) {
  textarea.style.height = 'auto';
  const border = textarea.offsetHeight - textarea.clientHeight;
  textarea.style.height = `${textarea.scrollHeight + border}px`;
}
