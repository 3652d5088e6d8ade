// The overview of a document with several templates (an array, or a `{"data": [...]}` export):
// one row per template with its name, category and language, the forecast and the problems the
// core found, and a button to open it in the form. Every template stays in the page's storage,
// so opening another one loses nothing.
import { h, replaceChildren } from './dom.js';
import { count, has, t } from './i18n.js';
import { SEVERITIES, countGroups, groupFindings } from './groups.js';

/** The forecast of a report, in words with its icon. */
export function verdict(report) {
  const outcome = report?.prediction?.outcome;
  if (!outcome) return null;
  return h('span', { class: `verdict verdict-${outcome}` },
    h('span', { class: 'verdict-icon', 'aria-hidden': 'true' }),
    t(`outcome.${outcome}`));
}

/** The problems of a report, counted as the list counts them (repeats once). */
function problems(report) {
  const n = countGroups(groupFindings(report.diagnostics.map((d, i) => ({ id: i, d }))));
  const parts = SEVERITIES.filter((s) => n[s] > 0).map((s) => count(n[s], s));
  return parts.length ? parts.join(', ') : t('export.clean');
}

/**
 * Draws the table into `root` (hidden for a single template). `reports[i]`: the core's report
 * of template i, or undefined while it is being checked.
 */
export function renderExport(root, work, reports) {
  root.hidden = work.templates.length < 2;
  if (root.hidden) {
    replaceChildren(root);
    return;
  }
  const cat = (c) => (typeof c === 'string' && has(`cat.${c}`) ? t(`cat.${c}`) : (c ?? '—'));
  replaceChildren(root,
    h('h2', { id: 'export-title' }, t('export.title', { n: work.templates.length })),
    h('p', { class: 'hint' }, t('export.hint')),
    h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': t('export.table') },
      h('table', { class: 'export-table' },
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col' }, t('export.col.n')),
          h('th', { scope: 'col' }, t('export.col.name')),
          h('th', { scope: 'col' }, t('export.col.verdict')),
          h('th', { scope: 'col' }, t('export.col.problems')),
          h('th', { scope: 'col' }, t('export.col.action')))),
        h('tbody', {}, work.templates.map((tpl, i) => {
          const name = typeof tpl.name === 'string' && tpl.name ? tpl.name : '—';
          const report = reports[i];
          const current = i === work.active;
          return h('tr', { 'aria-current': current ? 'true' : null, dataset: { index: String(i) } },
            h('td', {}, String(i + 1)),
            h('th', { scope: 'row' },
              h('span', { class: 'export-name' }, name),
              h('span', { class: 'export-meta' }, [cat(tpl.category), tpl.language].filter(Boolean).join(' · '))),
            h('td', {}, report ? verdict(report) ?? '—' : t('export.pending')),
            h('td', {}, report ? problems(report) : ''),
            h('td', {}, current
              ? h('span', { class: 'export-current' }, t('export.current'))
              : h('button', { type: 'button', class: 'btn btn-small', 'aria-label': t('export.open', { name }), dataset: { open: String(i) } }, t('export.openShort'))));
        })))));
}
