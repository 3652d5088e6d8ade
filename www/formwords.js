// In the form, a finding speaks of the form's own fields. The core writes for Meta's JSON
// ("no `example.body_text` values", 'add "example": {"body_text": [[…]]}'); someone filling in
// the form has the fields "Example for {{1}}" in front of them instead. For the findings whose
// core wording names JSON keys, this gives the form's words and the fields to mark and focus.
// The JSON tab shows the core's message as it is.
import { t } from './i18n.js';
import { placeholders } from './model.js';

const PART = /^(header|body)(?:\.examples)?$/;
const BUTTON = /^button\.([^.]+)(?:\.(\w+))?$/;

function phList(names) {
  return names.map((n) => `{{${n}}}`).join(', ');
}

/**
 * The form's wording of a finding `d` about field `key` (model.fieldFor), given the form's
 * `state` and the check `settings`: { message, help, targets (field keys to mark), focus }, or
 * null when the core's own wording already speaks of what the form shows.
 */
export function formWording(d, key, state, settings) {
  const part = PART.exec(key)?.[1];
  if (d.rule === 'placeholder-example' && part && !d.range) {
    const names = placeholders(state[part].text);
    const empty = names.filter((n) => (state[part].examples[n] ?? '').trim() === '');
    if (empty.length > 0) {
      const targets = empty.map((n) => `${part}.example.${n}`);
      return {
        message: t(empty.length === 1 ? 'fw.example.one' : 'fw.example.many', { list: phList(empty) }),
        help: t('fw.example.help'),
        targets,
        focus: targets[0],
      };
    }
  }
  // (A Business-app broadcast's form asks no category: there the core's words stay.)
  if (d.rule === 'template-category' && key === 'category' && state.category === '' && settings.profile !== 'business-app') {
    return { message: t('fw.category.none'), help: null, targets: ['category'], focus: 'category' };
  }
  if (d.rule === 'component-multiplicity' && key === 'body' && state.body.text === '') {
    return { message: t('fw.body.empty'), help: t('fw.body.help'), targets: ['body.text'], focus: 'body.text' };
  }
  const button = BUTTON.exec(key);
  const b = button && state.buttons.find((x) => x.id === button[1]);
  if (b) {
    const n = state.buttons.indexOf(b) + 1;
    const field = (f, message, help) => ({
      message: t(message, { n }), help: help ? t(help, { n }) : null, targets: [`button.${b.id}.${f}`], focus: `button.${b.id}.${f}`,
    });
    if (d.rule === 'button-label' && b.text.trim() === '' && b.type !== 'COPY_CODE') return field('text', 'fw.button.label');
    if (d.rule === 'button-url' && b.url.trim() === '') return field('url', 'fw.button.url');
    if (d.rule === 'button-phone-number' && b.phone_number.trim() === '') return field('phone_number', 'fw.button.phone');
    if (d.rule === 'button-url-variable' && b.example.trim() === '' && placeholders(b.url).length > 0) {
      return field('example', 'fw.button.urlExample', 'fw.button.urlExample.help');
    }
  }
  if (d.rule === 'unowned-domain' && settings.validOwned.length === 0) {
    return { message: t('fw.owned.none'), help: null, targets: [], focus: null };
  }
  return null;
}
