// The card for underlined text: the problems at the pointer or at the caret, repeats folded
// with their count, each with its help and what can be done there and then (Fix, Dismiss). It
// never takes the focus. At the pointer it opens under the underline; at the caret it keeps
// clear of the field being typed in (below it, above it or beside it), so that it never
// covers the lines you are writing.
import { h, replaceChildren } from './dom.js';
import { t } from './i18n.js';
import { badge, canDismiss } from './diagnostics.js';
import { idsAtPoint, markElement, markRectAtPoint } from './highlight.js';

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

const GRACE_MS = 300;
const NAVIGATION = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown']);

/**
 * When the card shows: under the pointer on an underline (and while the pointer crosses over to
 * the card), and at the caret when it is in an underline (said once to screen readers). Escape
 * closes it until the caret or the pointer leaves those findings; scrolling moves the caret's
 * card along and never brings a closed one back.
 */
export class UnderlineTips {
  /**
   * `form`: the root of the highlighted controls. `hooks`: { marks(key, value) → [{ start, end,
   * id }], entries(ids) → the card's entries, speech(ids) → what to say, announce(text),
   * fix(id), dismiss(key) }.
   */
  constructor(form, hooks) {
    this.form = form;
    this.hooks = hooks;
    this.hover = null; // the ids under the pointer
    this.hoverTimer = null;
    this.caretKey = ''; // the field and ids at the caret
    this.suppressed = null; // what Escape closed
    const el = tip();
    form.addEventListener('mousemove', (e) => this.#pointer(e));
    form.addEventListener('mouseleave', () => this.#hoverOff());
    el.addEventListener('mouseleave', () => this.#hoverOff());
    el.addEventListener('click', (e) => this.#action(e));
    form.addEventListener('keyup', (e) => {
      if (NAVIGATION.has(e.key)) this.atCaret(e.target);
    });
    form.addEventListener('mouseup', (e) => this.atCaret(e.target, false));
    form.addEventListener('focusin', (e) => this.atCaret(e.target));
    form.addEventListener('focusout', (e) => {
      if (el.contains(e.relatedTarget)) return;
      this.caretKey = '';
      if (!this.hover) hideTooltip();
    });
    document.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape' || el.hidden) return;
      this.suppressed = this.hover ?? this.caretKey;
      this.hover = null;
      hideTooltip();
    });
    window.addEventListener('scroll', () => {
      // The card is fixed to the screen: follow the caret's mark, or go away.
      this.hover = null;
      if (!this.caretKey) hideTooltip();
      else this.atCaret(document.activeElement, false);
    }, { passive: true });
  }

  /** An edit: the card goes, and the caret's findings are to be found anew. */
  reset() {
    hideTooltip();
    this.caretKey = '';
  }

  /** Shows the findings at the caret of a focused control (`speak`: say them, once). */
  atCaret(control, speak = true) {
    if (!control?.classList?.contains('hl-control') || !this.form.contains(control)) {
      if (!this.hover) hideTooltip();
      return;
    }
    const [s, e] = [control.selectionStart, control.selectionEnd];
    const marks = this.hooks.marks(control.dataset.field, control.value)
      .filter((m) => (s === e ? m.start <= s && s <= m.end : m.start < e && s < m.end));
    const ids = [...new Set(marks.map((m) => m.id))];
    if (ids.length === 0) {
      this.caretKey = '';
      this.suppressed = null;
      if (!this.hover) hideTooltip();
      return;
    }
    const key = `${control.dataset.field}:${ids.join(' ')}`;
    const mark = markElement(control.previousElementSibling, ids);
    const rect = mark?.getClientRects()[0] ?? control.getBoundingClientRect();
    if (!this.hover && this.suppressed !== key) showTooltip(rect, this.hooks.entries(ids), control.getBoundingClientRect());
    if (speak && key !== this.caretKey) this.hooks.announce(this.hooks.speech(ids));
    this.caretKey = key;
  }

  #pointer(e) {
    const control = e.target.closest?.('.hl-control');
    const backdrop = control?.previousElementSibling;
    const ids = control ? idsAtPoint(backdrop, e.clientX, e.clientY) : [];
    if (ids.length === 0) {
      this.#hoverOff();
      return;
    }
    clearTimeout(this.hoverTimer);
    const key = ids.join(' ');
    if (this.hover !== key && this.suppressed !== key) {
      this.hover = key;
      const rect = markRectAtPoint(backdrop, e.clientX, e.clientY) ?? control.getBoundingClientRect();
      showTooltip(rect, this.hooks.entries(ids));
    }
  }

  /** The pointer left the underline: the card stays a moment, and while the pointer is on it. */
  #hoverOff() {
    if (!this.hover) return;
    clearTimeout(this.hoverTimer);
    this.hoverTimer = setTimeout(() => {
      const el = tip();
      if (el.matches(':hover') || el.contains(document.activeElement)) return;
      this.hover = null;
      this.atCaret(document.activeElement, false);
    }, GRACE_MS);
  }

  #action(e) {
    const button = e.target.closest('button[data-action]');
    if (!button) return;
    if (button.dataset.action === 'fix') this.hooks.fix(button.dataset.id);
    else if (button.dataset.action === 'dismiss') this.hooks.dismiss(button.dataset.key);
    this.hover = null;
    hideTooltip();
  }
}
