// The list of problems, grouped by severity, repeats folded into one entry with their count.
// Each entry is a button that takes you to the field (and selects the flagged characters); each
// occurrence of a repeated finding is one more small button; a fix, when the core offers one,
// and Dismiss (for warnings and notes: an error will be rejected whatever you think of it) are
// buttons too.
import { h, replaceChildren } from './dom.js';
import { t } from './i18n.js';
import { SEVERITIES } from './groups.js';

export { SEVERITIES };
const ICON = { error: '✕', warning: '!', info: 'i' };

/** A severity badge: an icon and a word, so that colour is never the only cue. */
export function badge(severity) {
  return h('span', { class: `sev-badge sev-${severity}` },
    h('span', { class: 'sev-icon', 'aria-hidden': 'true' }, ICON[severity]),
    h('span', {}, t(`sev.${severity}`)));
}

export const canDismiss = (severity) => severity !== 'error';

/**
 * Draws the list. `groups`: groups.groupFindings() of what is not dismissed. `view`:
 * { where(d), words(d) → { message, help }, excerpt(item) → the flagged text or null,
 *   dismissKey(group), dismissed: how many groups are dismissed, blank: the template is still empty }.
 */
export function renderProblems(root, groups, view) {
  const parts = [];
  if (view.blank) {
    parts.push(h('p', { class: 'muted invite' }, t('problems.invite')));
  } else if (groups.length === 0) {
    parts.push(h('p', { class: 'all-clear' }, t('problems.none')));
  }
  for (const severity of SEVERITIES) {
    const list = groups.filter((g) => g.severity === severity);
    if (list.length === 0) continue;
    parts.push(h('section', { class: `group group-${severity}`, 'aria-label': `${t(`group.${severity}`)}: ${list.length}` },
      h('h3', {}, t(`group.${severity}`), h('span', { class: 'group-count' }, ` ${list.length}`)),
      h('ul', { class: 'diag-list' }, list.map((g) => item(g, view)))));
  }
  if (view.dismissed > 0) {
    parts.push(h('p', { class: 'dismissed-note' },
      t('dismissed.count', { n: view.dismissed }), ' ',
      h('button', { type: 'button', class: 'btn btn-small', dataset: { action: 'undismiss' } }, t('dismissed.show'))));
  }
  replaceChildren(root, parts);
}

function item(g, view) {
  const first = g.items[0];
  const words = view.words(first.d);
  const count = g.items.length;
  const fixable = g.items.find((x) => x.d.fix);
  return h('li', { class: `diag sev-${g.severity}`, dataset: { id: first.id, rule: g.rule, key: g.key, count: String(count) } },
    h('button', { type: 'button', class: 'diag-go', dataset: { action: 'go', id: first.id }, title: t('problems.go', { where: view.where(first.d) }) },
      badge(g.severity),
      h('span', { class: 'diag-where' }, view.where(first.d)),
      count > 1 ? h('span', { class: 'diag-count', 'aria-label': t('problems.times', { n: count }) }, `${count}×`) : null,
      h('span', { class: 'diag-message' }, words.message)),
    words.help ? h('p', { class: 'diag-help' }, h('span', { class: 'help-label' }, t('help')), ' ', words.help) : null,
    count > 1 ? occurrences(g, view) : null,
    h('div', { class: 'diag-meta' },
      h('code', { class: 'diag-rule' }, g.rule),
      h('span', { class: 'diag-actions' },
        fixable ? h('button', { type: 'button', class: 'btn btn-fix', dataset: { action: 'fix', id: fixable.id } }, t('fix', { msg: fixable.d.fix.message })) : null,
        g.rule === 'unowned-domain' ? h('button', { type: 'button', class: 'btn btn-fix', dataset: { action: 'settings', id: first.id } }, t('owned.go')) : null,
        canDismiss(g.severity) ? h('button', { type: 'button', class: 'btn btn-small btn-dismiss', dataset: { action: 'dismiss', key: view.dismissKey(g) } }, t('dismiss')) : null)));
}

function occurrences(g, view) {
  return h('ul', { class: 'occurrences', 'aria-label': t('problems.places', { n: g.items.length }) },
    g.items.map((x, i) => h('li', {},
      h('button', { type: 'button', class: 'chip', dataset: { action: 'go', id: x.id } }, view.excerpt(x) ?? `${i + 1}`))));
}
