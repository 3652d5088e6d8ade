// The page's form model (www/model.js), without a browser: every template walint has on file
// (the labelled corpus, Meta's samples, the peers' cases, examples/) goes through the form and
// comes back exactly as it was, untouched or with a field the form shows edited; what the form
// cannot edit is listed for its notice and kept whole, in its place.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  adoptButtonFields, buttonFields, emptyState, fixedState, fromTemplate, jsonOnly, newButton, toTemplate,
} from '../www/model.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const roundTrip = (t) => toTemplate(fromTemplate(t)).template;

/** [where, template] for every template object on file. */
function templatesOnFile() {
  const out = [];
  const walk = (dir, visit) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path, visit);
      else if (name.endsWith('.json')) visit(path, JSON.parse(readFileSync(path, 'utf8')));
    }
  };
  const add = (where, t) => {
    if (isObject(t)) out.push([where, t]);
  };
  walk(join(ROOT, 'tests', 'corpus'), (path, record) => add(relative(ROOT, path), record.template));
  walk(join(ROOT, 'tests', 'meta_samples'), (path, t) => {
    if (!path.endsWith('manifest.json')) add(relative(ROOT, path), t);
  });
  walk(join(ROOT, 'tests', 'peers'), (path, cases) => {
    for (const c of cases) add(`${relative(ROOT, path)}:${c.id}`, c.template);
  });
  walk(join(ROOT, 'examples'), (path, t) => add(relative(ROOT, path), t));
  return out;
}

const ALL = templatesOnFile();
const componentOf = (t, type) => (Array.isArray(t.components) ? t.components : [])
  .find((c) => isObject(c) && typeof c.type === 'string' && c.type.toUpperCase() === type);

test('walint’s templates on file are many, and of every kind the form cannot edit', () => {
  assert.ok(ALL.length > 700, `${ALL.length} templates`);
  const kinds = new Set(ALL.flatMap(([, t]) => jsonOnly(fromTemplate(t)).map((x) => x.key)));
  for (const key of ['jo.carousel', 'jo.lto', 'jo.callPermission', 'jo.productHeader', 'jo.flow', 'jo.catalog', 'jo.otp', 'jo.ttl', 'jo.component']) {
    assert.ok(kinds.has(key), `a template with ${key}`);
  }
});

test('every template comes back from the form exactly as it was', () => {
  for (const [where, t] of ALL) assert.deepEqual(roundTrip(t), t, where);
});

test('editing the body changes the body’s text and nothing else', () => {
  let n = 0;
  for (const [where, t] of ALL) {
    const body = componentOf(t, 'BODY');
    if (body && body.text !== undefined && typeof body.text !== 'string') continue;
    const state = fromTemplate(t);
    state.body.text += ' (edited)';
    const want = structuredClone(t);
    const wantBody = componentOf(want, 'BODY');
    if (!wantBody) continue; // the form adds a body: see below
    wantBody.text = `${wantBody.text ?? ''} (edited)`;
    assert.deepEqual(toTemplate(state).template, want, where);
    n += 1;
  }
  assert.ok(n > 700, `${n} bodies edited`);
});

test('editing a button’s first field, or a text header, changes that and nothing else', () => {
  let buttons = 0;
  let headers = 0;
  for (const [where, t] of ALL) {
    const block = componentOf(t, 'BUTTONS');
    const raw = block?.buttons?.[0];
    if (isObject(raw) && typeof raw.type === 'string') {
      const state = fromTemplate(t);
      const b = state.buttons[0];
      const field = buttonFields(b.type)[0];
      if (raw[field] === undefined || typeof raw[field] === 'string') {
        b[field] += 'X';
        const want = structuredClone(t);
        componentOf(want, 'BUTTONS').buttons[0][field] = `${raw[field] ?? ''}X`;
        assert.deepEqual(toTemplate(state).template, want, `${where}: button ${field}`);
        buttons += 1;
      }
    }
    const header = componentOf(t, 'HEADER');
    if (header && typeof header.format === 'string' && header.format.toUpperCase() === 'TEXT' && typeof header.text === 'string') {
      const state = fromTemplate(t);
      state.header.text += 'X';
      const want = structuredClone(t);
      componentOf(want, 'HEADER').text += 'X';
      assert.deepEqual(toTemplate(state).template, want, `${where}: header`);
      headers += 1;
    }
  }
  assert.ok(buttons > 250 && headers > 100, `${buttons} buttons, ${headers} headers edited`);
});

const CAROUSEL = {
  name: 'summer_cards',
  language: 'en_US',
  category: 'MARKETING',
  components: [
    { type: 'body', text: 'Our picks for you, {{1}}.', example: { body_text: [['Anna']] } },
    {
      type: 'carousel',
      cards: [1, 2].map((n) => ({
        components: [
          { type: 'header', format: 'image', example: { header_handle: [`4::card${n}`] } },
          { type: 'body', text: `Card ${n}` },
          { type: 'buttons', buttons: [{ type: 'quick_reply', text: 'More' }] },
        ],
      })),
    },
  ],
};

test('a carousel: listed for the notice, and kept whole and in its place when the form adds and edits', () => {
  const state = fromTemplate(CAROUSEL);
  assert.deepEqual(jsonOnly(state).map((x) => [x.key, x.container]), [['jo.carousel', 'other.0']]);
  state.body.text = 'Our new picks for you, {{1}}.';
  state.header.present = true;
  state.header.format = 'TEXT';
  state.header.text = 'Summer';
  state.footer.text = 'Reply STOP to unsubscribe';
  const { template, fields } = toTemplate(state);
  assert.deepEqual(template.components.map((c) => c.type), ['HEADER', 'body', 'FOOTER', 'carousel']);
  assert.deepEqual(template.components[3], CAROUSEL.components[1]);
  assert.deepEqual(template.components[1], { type: 'body', text: 'Our new picks for you, {{1}}.', example: { body_text: [['Anna']] } });
  // A finding inside the carousel belongs to it, not to a field of the form.
  assert.equal(fields.get('components[3]'), 'other.0');
});

test('a limited-time offer, a flow button, one-tap settings and a TTL are listed and kept', () => {
  const t = {
    name: 'offer',
    language: 'en_US',
    category: 'MARKETING',
    message_send_ttl_seconds: 3600,
    components: [
      { type: 'HEADER', format: 'IMAGE', example: { header_handle: ['4::x'] } },
      { type: 'LIMITED_TIME_OFFER', limited_time_offer: { text: 'Ends soon', has_expiration: true } },
      { type: 'BODY', text: 'Hi {{1}}, 20% off.', example: { body_text: [['Anna']] } },
      {
        type: 'BUTTONS',
        buttons: [
          { type: 'FLOW', text: 'Book', flow_id: '123', flow_action: 'navigate', navigate_screen: 'START' },
          { type: 'OTP', otp_type: 'ONE_TAP', text: 'Copy', autofill_text: 'Fill', supported_apps: [{ package_name: 'a.b', signature_hash: 'K8a/AINcGX7' }] },
          { type: 'CATALOG', text: 'View catalog' },
        ],
      },
    ],
  };
  const state = fromTemplate(t);
  assert.deepEqual(jsonOnly(state).map((x) => x.key), ['jo.lto', 'jo.flow', 'jo.otp', 'jo.catalog', 'jo.ttl']);
  state.body.text = 'Hi {{1}}, 25% off.';
  for (const b of state.buttons) b.text += '!';
  const want = structuredClone(t);
  want.components[2].text = 'Hi {{1}}, 25% off.';
  for (const b of want.components[3].buttons) b.text += '!';
  assert.deepEqual(toTemplate(state).template, want);
});

test('a draft stays a draft: no name or language written while they are empty', () => {
  const draft = { components: [{ type: 'BODY', text: 'Hello' }] };
  const state = fromTemplate(draft);
  state.body.text = 'Hello there';
  assert.deepEqual(toTemplate(state).template, { components: [{ type: 'BODY', text: 'Hello there' }] });
  state.name = 'greeting';
  assert.deepEqual(Object.keys(toTemplate(state).template), ['name', 'components']);
  // A new template of the form has them.
  assert.deepEqual(Object.keys(toTemplate(emptyState('en')).template), ['name', 'language', 'components']);
});

test('a button made another type takes up the field the JSON held for it', () => {
  const state = fromTemplate({ components: [{ type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Call', phone_number: '+15550100' }] }] });
  const [b] = state.buttons;
  assert.equal(b.phone_number, '');
  b.type = 'PHONE_NUMBER';
  adoptButtonFields(b);
  assert.equal(b.phone_number, '+15550100');
  assert.deepEqual(toTemplate(state).template.components[0].buttons, [{ type: 'PHONE_NUMBER', text: 'Call', phone_number: '+15550100' }]);
  // A button added in the form writes its fields, empty or not, so that findings find them.
  state.buttons.push(newButton('URL'));
  assert.deepEqual(toTemplate(state).template.components[0].buttons[1], { type: 'URL', text: '', url: '' });
});

test('a footer added by a fix goes before the buttons; a fix that does not fit changes nothing', () => {
  const t = {
    name: 'sale', language: 'en_US', category: 'MARKETING',
    components: [{ type: 'BODY', text: 'Big sale!' }, { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Shop', url: 'https://shop.example' }] }],
  };
  const footer = { type: 'FOOTER', text: 'Reply STOP to unsubscribe' };
  const next = fixedState(fromTemplate(t), [{ kind: 'add_component', component: footer }]);
  assert.deepEqual(toTemplate(next).template.components, [t.components[0], footer, t.components[1]]);
  assert.equal(fixedState(fromTemplate(t), [{ kind: 'replace', path: 'components[5].text', range: { start_utf16: 0, end_utf16: 1 }, text: 'x' }]), null);
});
