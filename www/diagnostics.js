// The list of problems, grouped by severity. Each item is a button that takes you to the field
// (and selects the flagged characters); a fix, when the core offers one, is one more button.
import { h, replaceChildren } from './dom.js';
import { t } from './i18n.js';

export const SEVERITIES = ['error', 'warning', 'info'];
const ICON = { error: '✕', warning: '!', info: 'i' };

/** A severity badge: an icon and a word, so that colour is never the only cue. */
export function badge(severity) {
  return h('span', { class: `sev-badge sev-${severity}` },
    h('span', { class: 'sev-icon', 'aria-hidden': 'true' }, ICON[severity]),
    h('span', {}, t(`sev.${severity}`)));
}

/**
 * Draws the grouped list. `diags`: [{ id, d }] where `d` is the core's diagnostic;
 * `whereOf(d)` names the field it is in.
 */
export function renderProblems(root, diags, whereOf) {
  if (diags.length === 0) {
    replaceChildren(root, h('p', { class: 'all-clear' }, t('problems.none')));
    return;
  }
  const groups = SEVERITIES.map((severity) => {
    const items = diags.filter(({ d }) => d.severity === severity);
    if (items.length === 0) return null;
    return h('section', { class: `group group-${severity}`, 'aria-label': `${t(`group.${severity}`)}: ${items.length}` },
      h('h3', {}, t(`group.${severity}`), h('span', { class: 'group-count' }, ` ${items.length}`)),
      h('ul', { class: 'diag-list' }, items.map(({ id, d }) => item(id, d, whereOf(d)))));
  });
  replaceChildren(root, groups);
}

function item(id, d, where) {
  return h('li', { class: `diag sev-${d.severity}`, dataset: { id, rule: d.rule } },
    h('button', { type: 'button', class: 'diag-go', dataset: { action: 'go', id }, title: t('problems.go', { where }) },
      badge(d.severity),
      h('span', { class: 'diag-where' }, where),
      h('span', { class: 'diag-message' }, d.message)),
    d.help ? h('p', { class: 'diag-help' }, h('span', { class: 'help-label' }, t('help')), ' ', d.help) : null,
    h('div', { class: 'diag-meta' },
      h('code', { class: 'diag-rule' }, d.rule),
      d.fix ? h('button', { type: 'button', class: 'btn btn-fix', dataset: { action: 'fix', id } }, t('fix', { msg: d.fix.message })) : null,
      d.rule === 'unowned-domain' ? h('button', { type: 'button', class: 'btn btn-fix', dataset: { action: 'settings', id } }, t('owned.go')) : null));
}
