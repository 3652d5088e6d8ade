// The review forecast's details: the expected status, the chance of approval, the risk of being
// flagged later, the category (and whether Meta's rules decide it) and the reasons, as the core
// gives them (in the chosen language), and a plain line when the forecast is less certain (no
// word list for the template's language). The verdict itself is said once, in the summary at the
// top of the results. The root carries the core's values (data-outcome, data-status, …) for tests.
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
  Object.assign(root.dataset, {
    outcome: p.outcome,
    status: p.status,
    category: profile === 'business-app' ? '' : p.category.predicted,
    reason: p.rejection_reason ?? '',
    confidence: p.confidence ?? '',
    basis: p.category.basis ?? '',
  });
  const low = p.confidence === 'low';
  const cat = (c) => (has(`cat.${c}`) ? t(`cat.${c}`) : c);
  const declared = p.category.declared
    ? t('pcategory.declared', { cat: cat(p.category.declared) })
    : t('pcategory.undeclared');
  // The same reason twice says nothing new: one line per message.
  const seen = new Set();
  // The core's reason for a low confidence is the plain line below the facts.
  const reasons = [...p.reasons]
    .filter((r) => !(low && r.factor === 'no-word-list'))
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
        p.category.basis === 'rules' ? h('span', { class: 'basis' }, t('pcategory.rules')) : null,
      ]),
      p.rejection_reason ? row(t('reason'), has(`reason.${p.rejection_reason}`) ? t(`reason.${p.rejection_reason}`) : p.rejection_reason) : null,
    ),
    low ? h('p', { class: 'confidence-low' }, t(profile === 'business-app' ? 'confidence.low.app' : 'confidence.low')) : null,
    reasons.length ? h('h3', {}, t('why')) : null,
    reasons.length ? h('ul', { class: 'reasons' }, reasons.map((r) => h('li', {}, r.message))) : null,
    h('p', { class: 'muted small' }, t('disclaimer')),
  );
}
