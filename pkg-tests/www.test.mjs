// The page in www/, driven in headless Debian Chromium (playwright-core): typing, underlines,
// the problems list, fixes, JSON import, the preview, the prediction, the interface language,
// phone width, and what the page is not allowed to do (console errors, requests elsewhere, an
// older lint result over a newer one). Screenshots of the main states go to target/e2e/.
//
// The page is served the way scripts/serve.sh serves it (scripts/serve.mjs: the web build of
// pkg/ and the examples staged into www/pkg/), on 127.0.0.1 and a free port.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { ROOT, node } from './helpers.mjs';
import { createStaticServer, stageWww } from '../scripts/serve.mjs';

const SHOTS = join(ROOT, 'target', 'e2e');
let server;
let context;
let base;

before(async () => {
  stageWww();
  mkdirSync(SHOTS, { recursive: true });
  server = createStaticServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}`;
  context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'chromium-profile-')), {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    locale: 'en-US',
    viewport: { width: 1400, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await context?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
});

/**
 * Opens the page and records what must not happen: console errors, uncaught exceptions and
 * requests to anything but the test server. `done()` asserts them and closes the page.
 */
async function open({ path = '/', init = null } = {}) {
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
    else if (process.env.WWW_DEBUG) console.log(m.text());
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('request', (r) => requests.push(r.url()));
  page.on('worker', (w) => w.on('console', (m) => {
    if (m.type() === 'error') errors.push(`worker console: ${m.text()}`);
  }));
  if (init) await page.addInitScript(init);
  await page.goto(base + path);
  await page.waitForSelector('body[data-ready="1"]');
  await idle(page);
  return {
    page,
    requests,
    async done() {
      assert.deepEqual(errors, [], 'no console errors');
      const elsewhere = requests.filter((url) => new URL(url).origin !== base);
      assert.deepEqual(elsewhere, [], 'every request goes to the page’s own 127.0.0.1 server');
      assert.ok(requests.length > 0);
      await page.close();
    },
  };
}

/** Waits until no lint is pending or in flight. */
async function idle(page) {
  await page.waitForFunction(() => document.body.dataset.lint === 'idle');
}

const body = (page) => page.locator('[data-field="body.text"]');

/** Types at the end of the body, as a user would. */
async function typeInBody(page, text) {
  await body(page).click();
  await page.keyboard.press('Control+End');
  await body(page).pressSequentially(text);
  await idle(page);
}

/** The text under the marks of a rule, and where the first of them starts in the field. */
function marked(page, rule, key = 'body.text') {
  return page.evaluate(([rule, key]) => {
    const control = document.querySelector(`[data-field="${key}"]`);
    const backdrop = control.previousElementSibling;
    let offset = 0;
    let start = -1;
    let text = '';
    for (const node of backdrop.childNodes) {
      const hit = node.nodeName === 'MARK' && node.dataset.rules.split(' ').includes(rule);
      if (hit && start < 0) start = offset;
      if (hit) text += node.textContent;
      offset += node.textContent.length;
    }
    return { text, start, value: control.value };
  }, [rule, key]);
}

/** The problems list as [rule, message] pairs, in order. */
function listed(page) {
  return page.$$eval('#problems li.diag', (items) => items.map((li) => [li.dataset.rule, li.querySelector('.diag-message').textContent]));
}

/** What the Node build of the package says about the JSON the page shows in its JSON tab. */
async function expected(page, options) {
  const json = await page.inputValue('#json-text');
  const { templates: [report] } = new node.Linter(options).lint(json);
  const order = { error: 0, warning: 1, info: 2 };
  return {
    report,
    pairs: [...report.diagnostics].sort((a, b) => order[a.severity] - order[b.severity]).map((d) => [d.rule, d.message]),
  };
}

test('typing a shortener link underlines exactly the link, lists it and changes the prediction', async () => {
  const { page, requests, done } = await open();
  await page.screenshot({ path: join(SHOTS, 'empty.png') });
  assert.ok(requests.some((url) => url.endsWith('/pkg/walint_bg.wasm')), 'the worker’s .wasm request is recorded too');

  await typeInBody(page, 'Your order {{1}} has shipped. Track it here: ');
  await page.locator('[data-field="body.example.1"]').fill('A-1042');
  await idle(page);
  const before = { outcome: await page.getAttribute('#prediction', 'data-outcome'), text: await page.textContent('#prediction') };
  assert.equal((await marked(page, 'url-shortener')).text, '');

  await typeInBody(page, 'clck.ru/abc');
  const mark = await marked(page, 'url-shortener');
  assert.equal(mark.text, 'clck.ru/abc');
  assert.equal(mark.start, mark.value.indexOf('clck.ru/abc'));
  assert.equal(mark.value, 'Your order {{1}} has shipped. Track it here: clck.ru/abc');

  // The backdrop wraps like the textarea: same text, same height.
  const geometry = await page.evaluate(() => {
    const c = document.querySelector('[data-field="body.text"]');
    const b = c.previousElementSibling;
    return { same: b.textContent === c.value, backdrop: b.scrollHeight, control: c.clientHeight };
  });
  assert.ok(geometry.same);
  // Every control lets its backdrop show through.
  const opaque = await page.$$eval('.hl-control', (els) => els
    .filter((el) => getComputedStyle(el).backgroundColor !== 'rgba(0, 0, 0, 0)')
    .map((el) => el.dataset.field));
  assert.deepEqual(opaque, []);
  assert.ok(Math.abs(geometry.backdrop - geometry.control) <= 1, JSON.stringify(geometry));

  // Hovering the underlined link shows its message and help.
  const box = await page.locator('mark[data-rules~="url-shortener"]').first().boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForSelector('#tooltip:not([hidden])');
  const tip = await page.textContent('#tooltip');
  const shortener = (await expected(page, { lang: 'en' })).report.diagnostics.find((d) => d.rule === 'url-shortener');
  assert.ok(tip.includes(shortener.message) && tip.includes(shortener.help), tip);

  // The list and the prediction are the core's, for the template on screen.
  const want = await expected(page, { lang: 'en' });
  assert.deepEqual(await listed(page), want.pairs);
  const after = { outcome: await page.getAttribute('#prediction', 'data-outcome'), text: await page.textContent('#prediction') };
  assert.notEqual(after.text, before.text);
  assert.equal(after.outcome, want.report.prediction.outcome);
  assert.equal(after.outcome, 'rejected');
  assert.notEqual(before.outcome, 'rejected');
  assert.match(await page.textContent('#summary'), /error/);
  await page.mouse.move(5, 5);
  await page.screenshot({ path: join(SHOTS, 'problems.png') });
  await done();
});

test('emoji and Cyrillic before {{1}} {{2}}: the underline covers exactly the pair; the list selects it', async () => {
  const { page, done } = await open();
  const text = 'Привет 👋🏽 друг 🇷🇺👨‍👩‍👧, ёжик {{1}} {{2}} ждёт вас в магазине';
  await typeInBody(page, text);
  const mark = await marked(page, 'placeholder-adjacent');
  assert.equal(mark.value, text);
  assert.equal(mark.text, '{{1}} {{2}}');
  assert.equal(mark.start, text.indexOf('{{1}} {{2}}'));

  // Keyboard: Tab to the item in the list, Enter: the field gets the focus and the selection.
  const item = page.locator('#problems li[data-rule="placeholder-adjacent"] .diag-go');
  await item.focus();
  await page.keyboard.press('Enter');
  const selection = await page.evaluate(() => {
    const c = document.activeElement;
    return { field: c.dataset.field, text: c.value.slice(c.selectionStart, c.selectionEnd) };
  });
  assert.deepEqual(selection, { field: 'body.text', text: '{{1}} {{2}}' });
  await page.waitForSelector('#tooltip:not([hidden])');
  assert.match(await page.textContent('#tooltip'), /\{\{1\}\} and \{\{2\}\}/);
  // Moving the caret out of the range with the keyboard hides it again.
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('ArrowRight');
  await page.waitForSelector('#tooltip', { state: 'hidden' });
  await done();
});

test('switching to Russian changes the interface and the messages, and checks again', async () => {
  const { page, done } = await open();
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await typeInBody(page, 'Заказ {{1}}{{2}} готов, заберите по ссылке bit.ly/x');
  const english = await listed(page);
  assert.deepEqual(english, (await expected(page, { lang: 'en' })).pairs);

  await page.getByRole('button', { name: 'Русский' }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'ru');
  await idle(page);
  const russian = await listed(page);
  assert.deepEqual(russian, (await expected(page, { lang: 'ru' })).pairs);
  assert.deepEqual(russian.map(([rule]) => rule), english.map(([rule]) => rule));
  for (let i = 0; i < russian.length; i++) assert.notEqual(russian[i][1], english[i][1]);
  assert.match(russian.find(([rule]) => rule === 'url-shortener')[1], /сокращател/);
  assert.equal(await page.textContent('#problems-title'), 'Проблемы');
  assert.equal(await page.textContent('label[for="' + await body(page).getAttribute('id') + '"]'), 'Текст');
  assert.equal(await page.getAttribute('[data-lang="ru"]', 'aria-pressed'), 'true');
  assert.match(await page.textContent('#prediction'), /отклонят/);
  await page.screenshot({ path: join(SHOTS, 'russian.png') });

  // Back to English.
  await page.getByRole('button', { name: 'English' }).click();
  await idle(page);
  assert.deepEqual(await listed(page), english);
  await done();
});

test('importing a JSON file fills the fields; a file of several templates offers a choice', async () => {
  const { page, done } = await open();
  const file = join(ROOT, 'examples', 'ru', 'order_shipped.json');
  const template = JSON.parse(readFileSync(file, 'utf8'));
  await page.getByRole('tab', { name: 'JSON' }).click();
  await page.setInputFiles('#json-file', file);
  await page.waitForSelector('#panel-form:not([hidden])');
  await idle(page);

  const value = (key) => page.inputValue(`[data-field="${key}"]`);
  assert.equal(await value('name'), 'order_shipped');
  assert.equal(await value('language'), 'ru');
  assert.equal(await value('category'), 'UTILITY');
  assert.equal(await value('header.format'), 'TEXT');
  assert.equal(await value('header.text'), 'Заказ {{1}} отправлен');
  assert.equal(await value('header.example.1'), 'A-10293');
  assert.equal(await value('body.text'), template.components[1].text);
  assert.deepEqual([await value('body.example.1'), await value('body.example.2'), await value('body.example.3')], ['Анна', 'A-10293', '12 марта']);
  assert.equal(await value('footer.text'), 'Магазин «Ромашка»');
  const buttonTypes = await page.$$eval('[data-field$=".type"]', (els) => els.map((e) => e.value));
  assert.deepEqual(buttonTypes, ['URL']);
  assert.equal(await page.inputValue('[data-field$=".url"]'), 'https://example.ru/track/{{1}}');
  assert.equal(await page.inputValue('.url-example input'), 'https://example.ru/track/A-10293');
  // The JSON tab shows the same template, and the preview fills in the examples.
  assert.deepEqual(JSON.parse(await page.inputValue('#json-text')), template);
  const preview = await page.textContent('#preview');
  assert.ok(preview.includes('Здравствуйте, Анна! Ваш заказ A-10293'), preview);
  assert.ok(preview.includes('Заказ A-10293 отправлен') && preview.includes('Отследить заказ'), preview);
  assert.deepEqual(await listed(page), (await expected(page, { lang: 'en' })).pairs);

  // Several templates: the first is loaded, the others can be picked.
  const two = join(mkdtempSync(join(tmpdir(), 'walint-www-')), 'two.json');
  writeFileSync(two, JSON.stringify({ data: [template, { ...template, name: 'second_one' }] }));
  await page.getByRole('tab', { name: 'JSON' }).click();
  await page.setInputFiles('#json-file', two);
  await page.getByRole('tab', { name: 'JSON' }).click();
  await page.waitForSelector('#json-picker-wrap:not([hidden])');
  await page.selectOption('#json-picker', '1');
  await page.getByRole('tab', { name: 'Form' }).click();
  assert.equal(await value('name'), 'second_one');

  // Pasting broken JSON says where it breaks and leaves the form alone.
  await page.getByRole('tab', { name: 'JSON' }).click();
  await page.fill('#json-text', '{"name": "x",\n "components": [}');
  await page.waitForFunction(() => document.getElementById('json-status').dataset.kind === 'error');
  assert.match(await page.textContent('#json-status'), /line 2/);
  // Pasting a valid template applies it.
  await page.fill('#json-text', JSON.stringify({ name: 'pasted', language: 'en', category: 'MARKETING', components: [{ type: 'BODY', text: 'Hello *there*' }] }));
  await page.waitForFunction(() => document.getElementById('json-status').dataset.kind === 'ok');
  await idle(page);
  assert.equal(await value('name'), 'pasted');
  assert.equal(await value('body.text'), 'Hello *there*');
  await done();
});

test('JSON tab: copy to the clipboard, download, plain-text import; the draft survives a reload', async () => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
  const { page, done } = await open();
  await typeInBody(page, 'Ваш заказ {{1}} готов к выдаче.');
  await page.locator('[data-field="name"]').fill('order_ready');
  await idle(page);
  await page.getByRole('tab', { name: 'JSON' }).click();
  const shown = await page.inputValue('#json-text');
  assert.equal(JSON.parse(shown).components[0].text, 'Ваш заказ {{1}} готов к выдаче.');

  await page.getByRole('button', { name: 'Copy' }).click();
  await page.waitForFunction(() => document.getElementById('json-status').dataset.kind === 'ok');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), shown);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download' }).click()]);
  assert.equal(download.suggestedFilename(), 'order_ready.json');
  assert.equal(readFileSync(await download.path(), 'utf8'), shown);

  // A .txt file is a plain-text draft: its text becomes the body.
  const txt = join(ROOT, 'examples', 'ru', 'payment_received.txt');
  await page.setInputFiles('#json-file', txt);
  await page.waitForSelector('#panel-form:not([hidden])');
  await idle(page);
  assert.equal(await body(page).inputValue(), readFileSync(txt, 'utf8').trimEnd());
  assert.equal(await page.inputValue('[data-field="name"]'), 'payment_received');

  // Reloading the tab keeps the draft (sessionStorage: this tab only).
  await page.waitForTimeout(400);
  await page.reload();
  await page.waitForSelector('body[data-ready="1"]');
  await idle(page);
  assert.equal(await body(page).inputValue(), readFileSync(txt, 'utf8').trimEnd());
  await done();
});

test('check settings: owned domains and the Business-app profile change the findings and the limits', async () => {
  const { page, done } = await open();
  await typeInBody(page, 'Your order is ready, see https://shop.ru/orders for details.');
  const unowned = () => page.locator('#problems li[data-rule="unowned-domain"]');
  assert.equal(await unowned().getAttribute('class'), 'diag sev-info');
  await unowned().getByRole('button', { name: 'Set your domains' }).click();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'owned');
  await page.keyboard.type('shop.ru');
  await idle(page);
  assert.equal(await unowned().count(), 0);
  await page.locator('#owned').fill('other.ru, another.ru');
  await idle(page);
  assert.equal(await unowned().getAttribute('class'), 'diag sev-warning');
  assert.match(await unowned().textContent(), /shop\.ru/);
  assert.equal((await marked(page, 'unowned-domain')).text, 'https://shop.ru/orders');

  assert.match(await page.textContent('[data-counter="body.text"]'), /^\d+ \/ 1024/);
  await page.selectOption('#profile', 'business-app');
  await idle(page);
  assert.match(await page.textContent('[data-counter="body.text"]'), /^\d+ \/ 500$/);
  await body(page).fill(`Your order is ready. ${'Thank you for shopping with us. '.repeat(16)}`);
  await idle(page);
  assert.equal(await page.locator('#problems li[data-rule="body-too-long"]').count(), 1);
  assert.ok(await page.locator('[data-counter="body.text"]').evaluate((el) => el.classList.contains('over')));
  await page.selectOption('#profile', 'api');
  await idle(page);
  assert.equal(await page.locator('#problems li[data-rule="body-too-long"]').count(), 0);
  await done();
});

test('one-click fixes: a replace edit changes the text (and Ctrl+Z undoes it); add_component adds the footer', async () => {
  const { page, done } = await open();
  await typeInBody(page, 'Your order is ready. Details: http://shop.example/orders');
  const fix = page.locator('#problems li[data-rule="insecure-link"] .btn-fix');
  assert.equal(await fix.textContent(), 'Fix: use https://');
  await fix.click();
  await idle(page);
  assert.equal(await body(page).inputValue(), 'Your order is ready. Details: https://shop.example/orders');
  assert.equal(await page.locator('#problems li[data-rule="insecure-link"]').count(), 0);
  await page.keyboard.press('Control+z');
  await idle(page);
  assert.equal(await body(page).inputValue(), 'Your order is ready. Details: http://shop.example/orders');
  assert.equal(await page.locator('#problems li[data-rule="insecure-link"]').count(), 1);

  // A marketing text without a way to unsubscribe: the fix adds a footer.
  await body(page).fill('Big spring sale: 30% off all shoes this week only!');
  await idle(page);
  const optOut = (await expected(page, { lang: 'en' })).report.diagnostics.find((d) => d.rule === 'missing-opt-out');
  // It is about a place, not characters (an empty range): a bar there, taking no room.
  assert.equal(optOut.range.start_utf16, optOut.range.end_utf16);
  const caret = await marked(page, 'missing-opt-out');
  assert.deepEqual([caret.start, caret.text], [optOut.range.start_utf16, '']);
  const bar = await page.locator('mark.hl-caret[data-rules~="missing-opt-out"]').boundingBox();
  assert.ok(bar && bar.width >= 1 && bar.width <= 3 && bar.height > 0, JSON.stringify(bar));
  const aligned = await page.evaluate(() => {
    const c = document.querySelector('[data-field="body.text"]');
    const b = c.previousElementSibling;
    const range = document.createRange();
    range.selectNodeContents(b);
    const text = [...b.childNodes].find((n) => n.nodeType === Node.TEXT_NODE);
    const letters = document.createRange();
    letters.setStart(text, 0);
    letters.setEnd(text, 3);
    // The first letters sit where the control draws them (its padding box's left edge).
    const style = getComputedStyle(c);
    const left = c.getBoundingClientRect().left + parseFloat(style.borderLeftWidth) + parseFloat(style.paddingLeft);
    return { same: b.textContent === c.value, offset: letters.getBoundingClientRect().left - left };
  });
  assert.ok(aligned.same && Math.abs(aligned.offset) <= 0.5, JSON.stringify(aligned));
  await page.screenshot({ path: join(SHOTS, 'opt-out-caret.png') });
  const footer = optOut.fix.edits[0].component.text;
  await page.locator('#problems li[data-rule="missing-opt-out"] .btn-fix').click();
  await idle(page);
  assert.equal(await page.inputValue('[data-field="footer.text"]'), footer);
  assert.equal(await page.locator('#problems li[data-rule="missing-opt-out"]').count(), 0);
  assert.ok((await page.textContent('#preview')).includes(footer));
  await done();
});

test('the preview renders *bold*, _italic_, ~strike~ and ``` safely, with the example values', async () => {
  const { page, done } = await open();
  await typeInBody(page, 'Hi {{1}}, *Важно*: _скоро_ ~старая цена~ ```A-1 B-2``` <img src=x onerror="document.title=1"> 2*3*4');
  await page.locator('[data-field="body.example.1"]').fill('Анна');
  await idle(page);
  const preview = page.locator('#preview .wa-body');
  assert.equal(await preview.locator('strong').textContent(), 'Важно');
  assert.equal(await preview.locator('em').textContent(), 'скоро');
  assert.equal(await preview.locator('s').textContent(), 'старая цена');
  assert.equal(await preview.locator('code').textContent(), 'A-1 B-2');
  assert.equal(await page.locator('#preview img').count(), 0);
  const text = await preview.textContent();
  assert.ok(text.startsWith('Hi Анна, Важно: скоро старая цена A-1 B-2 <img src=x onerror="document.title=1"> 2*3*4'), text);
  assert.notEqual(await page.title(), '1');

  // Buttons show under the bubble; with more than three, two and "See all options".
  for (const label of ['One', 'Two', 'Three', 'Four']) {
    await page.getByRole('button', { name: 'Add a button' }).click();
    await page.keyboard.type(label);
  }
  await idle(page);
  assert.deepEqual(await page.$$eval('#preview .wa-button', (els) => els.map((e) => e.textContent.slice(1).trim())), ['One', 'Two', 'See all options']);
  await done();
});

test('buttons: add, reorder with the keyboard, change the type, remove; the JSON follows', async () => {
  const { page, done } = await open();
  await typeInBody(page, 'Your table is booked for {{1}}. See you soon.');
  const add = page.getByRole('button', { name: 'Add a button' });
  await add.click();
  await page.keyboard.type('Menu');
  await add.click();
  await page.keyboard.type('Call us');
  const labels = () => page.$$eval('[data-field$=".text"][data-field^="button."]', (els) => els.map((e) => e.value));
  assert.deepEqual(await labels(), ['Menu', 'Call us']);

  await page.getByRole('button', { name: 'Move button 2 up' }).focus();
  await page.keyboard.press('Enter');
  assert.deepEqual(await labels(), ['Call us', 'Menu']);
  // The focus stays on the moved button's controls.
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Move button 1 down');

  const firstType = page.locator('[data-field$=".type"]').first();
  await firstType.selectOption('PHONE_NUMBER');
  await page.locator('[data-field$=".phone_number"]').fill('8 999 123-45-67');
  await idle(page);
  const json = JSON.parse(await page.inputValue('#json-text'));
  assert.deepEqual(json.components.at(-1).buttons, [
    { type: 'PHONE_NUMBER', text: 'Call us', phone_number: '8 999 123-45-67' },
    { type: 'QUICK_REPLY', text: 'Menu' },
  ]);
  // The phone number's problem is underlined in its own field, and it has a fix.
  assert.equal((await marked(page, 'button-phone-number', await page.locator('[data-field$=".phone_number"]').getAttribute('data-field'))).text, '8 999 123-45-67');
  await page.locator('#problems li[data-rule="button-phone-number"] .btn-fix').click();
  await idle(page);
  assert.equal(await page.inputValue('[data-field$=".phone_number"]'), '+7 999 123-45-67');

  await page.getByRole('button', { name: 'Remove button 1' }).click();
  await idle(page);
  assert.deepEqual(await labels(), ['Menu']);
  assert.deepEqual(JSON.parse(await page.inputValue('#json-text')).components.at(-1).buttons, [{ type: 'QUICK_REPLY', text: 'Menu' }]);
  await done();
});

test('an older lint result never overwrites a newer one', async () => {
  // Hold back the answer to one request so that it arrives after the answer to a later one.
  const init = () => {
    const Native = window.Worker;
    window.__holdNextResult = false;
    window.Worker = class extends Native {
      addEventListener(type, listener, options) {
        if (type !== 'message') return super.addEventListener(type, listener, options);
        return super.addEventListener(type, (event) => {
          if (event.data?.type === 'result' && window.__holdNextResult) {
            window.__holdNextResult = false;
            setTimeout(() => listener.call(this, event), 2500);
          } else {
            listener.call(this, event);
          }
        }, options);
      }
    };
  };
  const { page, done } = await open({ init });
  await page.evaluate(() => { window.__holdNextResult = true; });
  await body(page).fill('Track it: clck.ru/abc'); // one input event: one request, answered and held back
  await page.waitForTimeout(400);
  const final = 'Your order has shipped and arrives tomorrow, thank you for shopping with us';
  await body(page).fill(final);
  await idle(page); // the answer to the newer text is shown first
  // The held answer arrives now, after the newer one, and is dropped.
  await page.waitForFunction(() => Number(document.body.dataset.dropped ?? 0) >= 1, null, { timeout: 5000 });
  await page.waitForTimeout(100);
  assert.equal(await body(page).inputValue(), final);
  assert.equal(await page.locator('#problems li[data-rule="url-shortener"]').count(), 0);
  assert.equal(await page.locator('mark[data-rules~="url-shortener"]').count(), 0);
  assert.deepEqual(await listed(page), (await expected(page, { lang: 'en' })).pairs);
  assert.equal(await page.getAttribute('[data-counter="body.text"]', 'data-length'), String(final.length));

  // Fast typing, with no waiting: the final state is the final text's.
  await body(page).fill('');
  const quick = 'Скидка 50% 🔥🔥 только сегодня: bit.ly/sale {{1}}{{2}} ждём вас!!!';
  await body(page).pressSequentially(quick, { delay: 0 });
  await idle(page);
  assert.equal(await body(page).inputValue(), quick);
  assert.deepEqual(await listed(page), (await expected(page, { lang: 'en' })).pairs);
  assert.equal((await marked(page, 'url-shortener')).text, 'bit.ly/sale');
  assert.equal(await page.getAttribute('[data-counter="body.text"]', 'data-length'), String(quick.length));
  await done();
});

test('phone width (360 px): one column, nothing wider than the screen', async () => {
  const { page, done } = await open();
  await page.setViewportSize({ width: 360, height: 780 });
  await page.selectOption('#example', 'ru/promo_as_utility.json');
  await page.waitForFunction(() => document.querySelector('[data-field="name"]').value === 'delivery_done_promo');
  await idle(page);
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    body: document.querySelector('[data-field="body.text"]').getBoundingClientRect().width,
  }));
  assert.ok(widths.page <= 360, `page is ${widths.page}px wide`);
  assert.ok(widths.body >= 280, `the body field is ${widths.body}px wide`);
  const mark = await marked(page, 'url-shortener');
  assert.equal(mark.text, 'clck.ru/3Fx9Qz');
  await page.screenshot({ path: join(SHOTS, 'phone.png') });
  await page.evaluate(() => document.getElementById('results').scrollIntoView());
  await page.screenshot({ path: join(SHOTS, 'phone-results.png') });
  await page.setViewportSize({ width: 1400, height: 900 });
  await done();
});

test('accessibility basics: every control has a label; tabs work with the arrow keys; results are live', async () => {
  const { page, done } = await open();
  await page.setViewportSize({ width: 1400, height: 1000 });
  await page.selectOption('#example', 'en/flash_sale.json');
  await page.waitForFunction(() => document.querySelector('[data-field="name"]').value === 'flash_sale');
  await idle(page);
  await page.evaluate(() => document.activeElement?.blur());
  await page.screenshot({ path: join(SHOTS, 'example.png') });
  const unlabelled = await page.$$eval('input, select, textarea, button', (els) => els
    .filter((el) => !(el.labels?.length || el.getAttribute('aria-label') || el.textContent.trim()))
    .map((el) => el.outerHTML.slice(0, 80)));
  assert.deepEqual(unlabelled, []);
  assert.equal(await page.getAttribute('#summary', 'aria-live'), 'polite');
  assert.match(await page.textContent('#summary'), /\d+ errors?/);

  await page.getByRole('tab', { name: 'Form' }).focus();
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.getAttribute('#tab-json', 'aria-selected'), 'true');
  assert.ok(await page.isVisible('#json-text'));
  await page.keyboard.press('ArrowLeft');
  assert.equal(await page.getAttribute('#tab-form', 'aria-selected'), 'true');
  await page.setViewportSize({ width: 1400, height: 900 });
  await done();
});
