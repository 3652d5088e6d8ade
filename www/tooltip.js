// One tooltip for the underlined text: the problems at the pointer or at the caret, with their
// help. It never takes the focus; Escape hides it.
import { h, replaceChildren } from './dom.js';
import { t } from './i18n.js';
import { badge } from './diagnostics.js';

const tip = () => document.getElementById('tooltip');

/** Shows `diags` next to `rect` (client coordinates). */
export function showTooltip(rect, diags) {
  const el = tip();
  replaceChildren(el, diags.map((d) => h('div', { class: `tip-item sev-${d.severity}` },
    h('p', { class: 'tip-message' }, badge(d.severity), ' ', d.message),
    d.help ? h('p', { class: 'tip-help' }, h('span', { class: 'help-label' }, t('help')), ' ', d.help) : null)));
  el.hidden = false;
  const margin = 8;
  const width = Math.min(360, window.innerWidth - 2 * margin);
  el.style.maxWidth = `${width}px`;
  const box = el.getBoundingClientRect();
  let left = Math.min(Math.max(margin, rect.left), window.innerWidth - box.width - margin);
  let top = rect.bottom + 6;
  if (top + box.height > window.innerHeight - margin && rect.top - box.height - 6 > margin) top = rect.top - box.height - 6;
  el.style.left = `${Math.max(margin, left)}px`;
  el.style.top = `${top}px`;
}

export function hideTooltip() {
  const el = tip();
  if (!el.hidden) {
    el.hidden = true;
    replaceChildren(el);
  }
}

export const tooltipShown = () => !tip().hidden;
