// The review forecast's details: the expected status, the chance of approval, the risk of being
// flagged later, the category and the reasons, as the core gives them (in the chosen language).
// The verdict itself is said once, in the summary at the top of the results.
import { h, replaceChildren } from './dom.js';
import { has, t } from './i18n.js';

const percent = (p) => Math.round(p * 100);

function row(label, value, cls = '') {
  return [h('dt', {}, label), h('dd', { class: cls }, value)];
}

/**
 * Draws `prediction` (or its absence) into `root`. `profile`: a Business-app broadcast has no
 * template category, so the category row is left out there.
 */
export function renderPrediction(root, prediction, profile = 'api') {
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
  // The same reason twice says nothing new: one line per message.
  const seen = new Set();
  const reasons = [...p.reasons]
    .filter((r) => r.message && !seen.has(r.message) && seen.add(r.message))
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));

  replaceChildren(root,
    h('dl', { class: 'facts' },
      row(t('status'), t(`status.${p.status}`), `status-${p.status.toLowerCase()}`),
      row(t('approval'), `${percent(p.approval_probability)}\u00a0%`),
      row(t('flag'), t(`flag.${p.flag_risk}`), `risk-${p.flag_risk}`),
      profile === 'business-app' ? null : row(t('pcategory'), [
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
