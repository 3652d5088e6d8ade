// Repeated findings, grouped: one entry per rule and advice (the same help, or the same message
// when there is no help) and severity, with every occurrence still underlined. Four promotional
// words with the same help are one problem "4×", not four.
export const SEVERITIES = ['error', 'warning', 'info'];

/** The key a finding is grouped by. */
const groupKey = (d) => `${d.severity}|${d.rule}|${d.help ?? d.message}`;

/**
 * Groups `items` ([{ id, d }]) in severity order, then in order of first occurrence:
 * [{ key, severity, rule, d (the first finding), items }].
 */
export function groupFindings(items) {
  const groups = new Map();
  for (const item of items) {
    const key = groupKey(item.d);
    if (!groups.has(key)) groups.set(key, { key, severity: item.d.severity, rule: item.d.rule, d: item.d, items: [] });
    groups.get(key).items.push(item);
  }
  const rank = (s) => SEVERITIES.indexOf(s);
  return [...groups.values()].sort((a, b) => rank(a.severity) - rank(b.severity));
}

/** Counts of groups by severity. */
export function countGroups(groups) {
  const n = { error: 0, warning: 0, info: 0 };
  for (const g of groups) n[g.severity] += 1;
  return n;
}
