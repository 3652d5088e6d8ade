// Compiled with `tsc --noEmit` against the built package (pkg-tests/package.test.mjs), as a Node
// ESM project that depends on `walint`. Every `@ts-expect-error` must be an error, so loose
// (`any`) types fail the check too.
import {
  Linter,
  version,
  type Diagnostic,
  type DocRange,
  type Edit,
  type Fix,
  type LintOptions,
  type JsonAnswerOptions,
  type LintResult,
  type Prediction,
  type RuleInfo,
  type Stats,
  type TemplateReport,
  type TextRange,
  type WalintError,
} from 'walint';

// No @types/node here: the package's types must stand on their own.
declare const console: { log(...values: unknown[]): void };

const options: LintOptions = {
  profile: 'business-app',
  ownedDomains: ['shop.ru'],
  lang: 'ru',
  disabledRules: ['template-name'],
  rules: { 'body-too-long': 'warning', 'placeholder-density': 'off' },
};
const linter = new Linter(options);
new Linter();

const fromObject: LintResult = linter.lint({
  name: 'order_ready',
  language: 'ru',
  category: 'UTILITY',
  components: [{ type: 'BODY', text: 'Заказ {{1}} готов', example: { body_text: [['42']] } }],
});
const fromJson: LintResult = linter.lint('{"name": "x"}');
const fromData: LintResult = linter.lint({ data: [{ name: 'x' }] });
const fromText: LintResult = linter.lintText('Привет, {{1}}!');
const answer: Uint8Array = linter.lintJson('{"name": "x"}', { summary: true });
const answerOptions: JsonAnswerOptions = { summary: false };
const plainAnswer: Uint8Array = linter.lintJson({ name: 'x' }, answerOptions);

const report: TemplateReport = fromObject.templates[0];
const name: string | null = report.name;
const where: string = report.path;
const stats: Stats = report.stats;
const counts: number = stats.body_length + stats.header_length + stats.footer_length + stats.placeholders + stats.links + stats.emoji;

function describe(d: Diagnostic): string {
  const range: TextRange | null = d.range;
  const location: DocRange | null = d.location;
  const fix: Fix | null = d.fix;
  const at = range ? `${range.start_utf16}..${range.end_utf16} (${range.start_line}:${range.start_column})` : '';
  const line = location ? location.start.line : 0;
  const edits: Edit[] = fix ? fix.edits : [];
  const changes = edits.map((e) => (e.kind === 'replace' ? `${e.path} ${e.range.start}: ${e.text}` : `${e.path} + ${e.component.type ?? ''}`));
  const severity: 'error' | 'warning' | 'info' = d.severity;
  return `${d.rule} ${severity} ${d.component ?? '-'} ${d.message} ${d.help ?? ''} ${at} ${line} ${changes.join()}`;
}

function explain(p: Prediction | null): string {
  if (p === null) return 'no prediction';
  const outcome: 'approved' | 'rejected' | 'recategorized' = p.outcome;
  const status: 'APPROVED' | 'REJECTED' | 'PENDING' = p.status;
  const category: 'MARKETING' | 'UTILITY' | 'AUTHENTICATION' = p.category.predicted;
  const declared: string | null = p.category.declared;
  const reason: string | null = p.rejection_reason;
  const why = p.reasons.map((r) => `${r.factor} ${r.message} ${r.weight} ${r.rules.join()} ${r.words.join()}`);
  return `${outcome} ${status} ${p.flag_risk} ${category} ${declared} ${p.category.probability} ${reason} ${p.approval_probability} ${why}`;
}

const rules: RuleInfo[] = linter.rules();
const ids: string[] = rules.map((r) => `${r.id} ${r.default_severity} ${r.summary.length}`);
const versions: string = `${version()} ${linter.version} ${Linter.maxInputBytes + 1}`;

try {
  linter.lint('{');
} catch (e) {
  const error = e as WalintError;
  const code: WalintError['code'] = error.code;
  const position = `${error.path ?? ''} ${error.line ?? 0}:${error.column ?? 0} ${error.index ?? -1}`;
  console.log(code, position, error.message);
}

linter.free();

// @ts-expect-error: a profile is "api" or "business-app"
new Linter({ profile: 'pro' });
// @ts-expect-error: option names are camelCase
new Linter({ owned_domains: ['shop.ru'] });
// @ts-expect-error: a level is off, info, warning or error
new Linter({ rules: { 'body-too-long': 'fatal' } });
// @ts-expect-error: lint takes JSON text or a template object
linter.lint(42);
// @ts-expect-error: lintJson's options are an object
linter.lintJson('{}', true);
// @ts-expect-error: lintText takes a string
linter.lintText({ text: 'hi' });
// @ts-expect-error: data fields are snake_case, as in the CLI's JSON
fromText.templates[0].diagnostics[0].range?.startUtf16;
// @ts-expect-error: a severity is a closed set
const fatal: 'fatal' = fromText.templates[0].diagnostics[0].severity;
// @ts-expect-error: version is read-only
linter.version = '2';

console.log(name, where, counts, fromJson, fromData, describe, explain, ids, versions, fatal, answer, plainAnswer);
