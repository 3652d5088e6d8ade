// The card for underlined text: the problems at the pointer or at the caret, repeats folded
// with their count, each with its help and what can be done there and then (Fix, Dismiss). It
// never takes the focus. At the pointer it opens under the underline; at the caret it keeps
// clear of the field being typed in (below it, above it or beside it), so that it never
// covers the lines you are writing.
import { h, replaceChildren } from './dom.js';
import { t } from './i18n.js';
import { badge, canDismiss } from './diagnostics.js';

const tip = () => document.getElementById('tooltip');
const MARGIN = 8;
const GAP = 6;

/**
 * Shows `entries` ([{ d, count, words: { message, help }, id, key }]) for `anchor` (a client
 * rect: the underline). `around`: the rect of the field to keep clear of (the caret's field),
 * or null (at the pointer).
 */
export function showTooltip(anchor, entries, around = null) {
  const el = tip();
  replaceChildren(el, entries.map(({ d, count, words, id, key }) => h('div', { class: `tip-item sev-${d.severity}`, dataset: { rule: d.rule } },
    h('p', { class: 'tip-message' }, badge(d.severity), ' ',
      count > 1 ? h('span', { class: 'diag-count', 'aria-label': t('problems.times', { n: count }) }, `${count}×`) : null,
      count > 1 ? ' ' : null, words.message),
    words.help ? h('p', { class: 'tip-help' }, h('span', { class: 'help-label' }, t('help')), ' ', words.help) : null,
    d.fix || canDismiss(d.severity) ? h('p', { class: 'tip-actions' },
      d.fix ? h('button', { type: 'button', class: 'btn btn-fix', dataset: { action: 'fix', id } }, t('fix', { msg: d.fix.message })) : null,
      canDismiss(d.severity) ? h('button', { type: 'button', class: 'btn btn-small btn-dismiss', dataset: { action: 'dismiss', key } }, t('dismiss')) : null) : null)));
  el.hidden = false;
  el.style.maxWidth = `${Math.min(380, window.innerWidth - 2 * MARGIN)}px`;
  el.style.left = '0px';
  el.style.top = '0px';
  const box = el.getBoundingClientRect();
  const { left, top } = around ? clearOf(around, anchor, box) : under(anchor, box);
  el.style.left = `${Math.round(left)}px`;
  el.style.top = `${Math.round(top)}px`;
}

const clampX = (x, box) => Math.max(MARGIN, Math.min(x, window.innerWidth - box.width - MARGIN));
const fitsY = (y, box) => y >= MARGIN && y + box.height <= window.innerHeight - MARGIN;

/** Under the underline, or over it when there is no room below. */
function under(anchor, box) {
  const below = anchor.bottom + GAP;
  const above = anchor.top - box.height - GAP;
  return { left: clampX(anchor.left, box), top: fitsY(below, box) || !fitsY(above, box) ? below : above };
}

/** Outside the field: below it, above it, beside it; else on the side of the caret's line with more room. */
function clearOf(field, anchor, box) {
  const x = clampX(anchor.left, box);
  if (fitsY(field.bottom + GAP, box)) return { left: x, top: field.bottom + GAP };
  if (fitsY(field.top - box.height - GAP, box)) return { left: x, top: field.top - box.height - GAP };
  const y = Math.max(MARGIN, Math.min(anchor.top, window.innerHeight - box.height - MARGIN));
  if (window.innerWidth - field.right - GAP - MARGIN >= box.width) return { left: field.right + GAP, top: y };
  if (field.left - GAP - MARGIN >= box.width) return { left: field.left - GAP - box.width, top: y };
  const roomBelow = window.innerHeight - anchor.bottom;
  return roomBelow >= anchor.top
    ? { left: x, top: anchor.bottom + GAP }
    : { left: x, top: Math.max(MARGIN, anchor.top - box.height - GAP) };
}

export function hideTooltip() {
  const el = tip();
  if (!el.hidden) {
    el.hidden = true;
    replaceChildren(el);
  }
}
