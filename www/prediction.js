// The prediction card: what Meta's review will likely do, in plain words. The reasons come
// from the core, already in the chosen language.
import { h, replaceChildren } from './dom.js';
import { has, t } from './i18n.js';

const percent = (p) => Math.round(p * 100);

function row(label, value, cls = '') {
  return [h('dt', {}, label), h('dd', { class: cls }, value)];
}

/** Draws `prediction` (or its absence) into `root`. */
export function renderPrediction(root, prediction) {
  if (!prediction) {
    replaceChildren(root, h('p', { class: 'muted' }, t('prediction.none')));
    root.dataset.outcome = '';
    return;
  }
  const p = prediction;
  root.dataset.outcome = p.outcome;
  const cat = (c) => (has(`cat.${c}`) ? t(`cat.${c}`) : c);
  const declared = p.category.declared
    ? t('pcategory.declared', { cat: cat(p.category.declared) })
    : t('pcategory.undeclared');
  const reasons = [...p.reasons]
    .filter((r) => r.message)
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));

  replaceChildren(root,
    h('p', { class: `outcome outcome-${p.outcome}` },
      h('span', { class: 'outcome-icon', 'aria-hidden': 'true' }, { approved: '✓', rejected: '✕', recategorized: '↻' }[p.outcome] ?? '?'),
      h('span', { class: 'outcome-text' }, t(`outcome.${p.outcome}`))),
    h('dl', { class: 'facts' },
      row(t('status'), t(`status.${p.status}`), `status-${p.status.toLowerCase()}`),
      row(t('approval'), `${percent(p.approval_probability)}\u00a0%`),
      row(t('flag'), t(`flag.${p.flag_risk}`), `risk-${p.flag_risk}`),
      row(t('pcategory'), [
        t('pcategory.value', { cat: cat(p.category.predicted), p: percent(p.category.probability) }),
        h('span', { class: 'muted' }, ` (${declared})`),
      ]),
      p.rejection_reason ? row(t('reason'), has(`reason.${p.rejection_reason}`) ? t(`reason.${p.rejection_reason}`) : p.rejection_reason) : null,
    ),
    reasons.length ? h('h3', {}, t('why')) : null,
    reasons.length ? h('ul', { class: 'reasons' }, reasons.map((r) => h('li', {}, r.message))) : null,
    h('p', { class: 'muted small' }, t('disclaimer')),
  );
}
