// Issue 16, "The page, second version": one test per numbered point of the issue, each from a
// state before, through what a user does, to the state after; axe-core on the main states;
// screenshots of desktop and phone to target/e2e/ with the verdict and the first problems
// checked to be on screen without scrolling.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  SHOTS, axe, body, chooseCategory, env, expected, idle, inView, jsonText, listed, listedCore, loadExample, marked, open, ready,
  typeInBody, useBrowser,
} from './www-helpers.mjs';

useBrowser();

const summary = (page) => page.textContent('#summary');

/** A `{"data": [...]}` export of three templates. */
const EXPORT = {
  data: [
    { name: 'order_ready', language: 'en_US', category: 'UTILITY', components: [{ type: 'BODY', text: 'Your order is ready for pickup at our store on Main Street.' }] },
    { name: 'spring_sale', language: 'en_US', category: 'UTILITY', components: [{ type: 'BODY', text: 'Spring sale! 50% off everything, today only: bit.ly/sale' }] },
    { name: 'visit_again', language: 'en_US', category: 'MARKETING', components: [{ type: 'BODY', text: 'We miss you! Come back this week for new arrivals.' }, { type: 'FOOTER', text: 'Reply STOP to unsubscribe' }] },
  ],
  paging: { cursors: { before: 'MAZDZD', after: 'MjQZD' } },
};

test('1. one verdict, the core’s, over the list: "Likely approved" turns to "Likely rejected" when an error appears', async () => {
  const { page, done } = await open();
  await chooseCategory(page, 'UTILITY');
  await typeInBody(page, 'Your order has shipped and arrives tomorrow.');
  // Before: no error, and the core predicts approval.
  let want = await expected(page, { lang: 'en' });
  assert.equal(want.report.diagnostics.filter((d) => d.severity === 'error').length, 0);
  assert.equal(want.report.prediction.outcome, 'approved');
  assert.equal(await page.getAttribute('#summary', 'data-outcome'), 'approved');
  assert.match(await summary(page), /^Likely approved\./);
  // The verdict is said once on the page.
  const verdicts = () => page.evaluate(() => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let n = 0;
    while (walker.nextNode()) if (/Likely (approved|rejected)/.test(walker.currentNode.textContent)) n += 1;
    return n;
  });
  assert.equal(await verdicts(), 1);

  await typeInBody(page, ' Track it: clck.ru/abc');

  // After: an error in the list, and the summary says what the core says (never "approved").
  want = await expected(page, { lang: 'en' });
  assert.equal(want.report.prediction.outcome, 'rejected');
  assert.equal(await page.getAttribute('#summary', 'data-outcome'), 'rejected');
  assert.match(await summary(page), /^Likely rejected\. 1 error\./);
  assert.equal(await verdicts(), 1);
  assert.equal(await page.locator('#problems .group-error li.diag').count(), 1);
  // Its reasons are the core's, each once.
  const reasons = [...new Set(want.report.prediction.reasons.map((r) => r.message))];
  assert.deepEqual((await page.$$eval('#prediction .reasons li', (els) => els.map((e) => e.textContent))).sort(), reasons.sort());
  await done();
});

test('2. nothing is lost: an example asks first, Undo and Ctrl+Z bring the draft back; every template of an export keeps its edits across reloads', async () => {
  const { page, done } = await open();
  await chooseCategory(page, 'UTILITY');
  const draft = 'Мой черновик: заказ {{1}} готов.';
  await typeInBody(page, draft);

  // Choosing an example asks first; Cancel keeps the draft.
  await page.selectOption('#example', 'en/flash_sale.json');
  await page.waitForSelector('#confirm[open]');
  assert.match(await page.textContent('#confirm-text'), /flash_sale.*Undo/s);
  await axe(page, 'the confirmation');
  await page.click('#confirm-cancel');
  await page.waitForSelector('#confirm:not([open])', { state: 'attached' });
  assert.equal(await body(page).inputValue(), draft);

  // OK replaces it; Undo in the toast brings it back.
  await page.selectOption('#example', 'en/flash_sale.json');
  await page.click('#confirm-ok');
  await page.waitForFunction(() => document.querySelector('[data-field="name"]').value === 'flash_sale');
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.waitForFunction((text) => document.querySelector('[data-field="body.text"]').value === text, draft);
  // And Ctrl+Z right after a replacement does the same.
  await page.selectOption('#example', 'ru/order_shipped.json');
  await page.click('#confirm-ok');
  await page.waitForFunction(() => document.querySelector('[data-field="name"]').value === 'order_shipped');
  await page.keyboard.press('Control+z');
  await page.waitForFunction((text) => document.querySelector('[data-field="body.text"]').value === text, draft);
  await idle(page);
  // A reload keeps the draft, and what was put aside: the example loaded over it last.
  await page.selectOption('#example', 'en/order_confirmation.json');
  await page.click('#confirm-ok');
  await page.waitForFunction(() => document.querySelector('[data-field="name"]').value !== 'new_template');
  await idle(page);
  await page.reload();
  await ready(page);
  await page.getByRole('button', { name: 'Bring back the previous work' }).click();
  await page.waitForFunction((text) => document.querySelector('[data-field="body.text"]').value === text, draft);
  await idle(page);
  await page.reload();
  await ready(page);
  assert.equal(await body(page).inputValue(), draft);

  // An export of three templates: edits to template 2 survive opening template 3 and a reload.
  await page.click('#tab-json');
  await page.fill('#json-text', JSON.stringify(EXPORT));
  await page.waitForSelector('#export:not([hidden])');
  await idle(page);
  assert.equal(await page.locator('#export tbody tr').count(), 3);
  await page.click('#tab-form');
  await page.getByRole('button', { name: 'Open spring_sale' }).click();
  await idle(page);
  await body(page).fill('Spring news: the new collection is in our shops.');
  await page.getByRole('button', { name: 'Open visit_again' }).click();
  await idle(page);
  assert.equal(await page.inputValue('[data-field="name"]'), 'visit_again');
  await page.reload();
  await ready(page);
  assert.equal(await page.locator('#export tbody tr').count(), 3);
  assert.equal(await page.inputValue('[data-field="name"]'), 'visit_again');
  await page.getByRole('button', { name: 'Open spring_sale' }).click();
  await idle(page);
  assert.equal(await body(page).inputValue(), 'Spring news: the new collection is in our shops.');
  const doc = JSON.parse(await jsonText(page));
  assert.deepEqual(doc.data.map((x) => x.name), ['order_ready', 'spring_sale', 'visit_again']);
  assert.deepEqual(doc.paging, EXPORT.paging);
  assert.equal(doc.data[1].components[0].text, 'Spring news: the new collection is in our shops.');
  assert.deepEqual(doc.data[2], EXPORT.data[2]);
  await done();
});

test('3. the verdict and the first problems are on screen without scrolling: Russian desktop, phone, and while typing', async () => {
  const { page, done } = await open();
  await page.getByRole('button', { name: 'Русский' }).click();
  await loadExample(page, 'ru/promo_as_utility.json', 'delivery_done_promo');
  await page.evaluate(() => document.activeElement?.blur());
  await page.evaluate(() => window.scrollTo(0, 0));
  for (const [label, sel] of [['verdict', '#summary'], ['first problem', '#problems li.diag']]) {
    const where = await inView(page, sel);
    assert.ok(where.ok, `desktop: the ${label} is on screen: ${JSON.stringify(where)}`);
  }
  assert.match(await summary(page), /^Скорее всего/);
  assert.equal(await page.textContent('#problems-title'), 'Проблемы');
  await page.screenshot({ path: join(SHOTS, 'desktop-ru.png') });
  await axe(page, 'Russian, problems');

  // While typing far down the form, the results stay in view.
  await body(page).scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await body(page).click();
  await page.keyboard.press('Control+End');
  await body(page).pressSequentially(' bit.ly/x');
  await idle(page);
  assert.ok((await inView(page, '#summary')).ok, 'desktop, typing: the verdict is on screen');
  assert.ok((await inView(page, '#problems li.diag')).ok, 'desktop, typing: the first problem is on screen');

  // Phone width: the verdict, the counts and the first problem are pinned to the bottom.
  await page.setViewportSize({ width: 360, height: 780 });
  await page.evaluate(() => window.scrollTo(0, 0));
  for (const sel of ['#summary', '#first-problem']) {
    const where = await inView(page, sel);
    assert.ok(where.ok, `phone: ${sel} is on screen: ${JSON.stringify(where)}`);
  }
  const first = await listed(page);
  assert.ok((await page.textContent('#first-problem')).includes(first[0][1]), 'the pinned problem is the first of the list');
  await page.screenshot({ path: join(SHOTS, 'phone-ru.png') });
  await axe(page, 'phone');
  // Typing on the phone: still in view, and choosing the pinned problem goes to its field.
  await body(page).click();
  await page.keyboard.type(' ок');
  await idle(page);
  assert.ok((await inView(page, '#summary')).ok, 'phone, typing: the verdict is on screen');
  await page.click('#first-problem');
  assert.ok(await page.evaluate(() => document.activeElement.closest('#panel-form') !== null));
  await page.setViewportSize({ width: 1400, height: 900 });
  await done();
});

test('4. the form speaks of its own fields: the missing examples point at the empty "Example for {{1}}" fields', async () => {
  const { page, done } = await open();
  await page.getByRole('button', { name: 'Русский' }).click();
  await chooseCategory(page, 'UTILITY');
  await typeInBody(page, 'Здравствуйте, {{1}}! Ваш заказ {{2}} готов к выдаче.');
  // Before: the core writes for JSON; the form says which of its fields to fill in, and marks them.
  const item = page.locator('#problems li[data-rule="placeholder-example"]');
  const text = await item.textContent();
  assert.doesNotMatch(text, /example\.body_text|"example"|`/);
  assert.match(text, /Заполните примеры значений для \{\{1\}\}, \{\{2\}\}/);
  for (const n of ['1', '2']) assert.equal(await page.getAttribute(`[data-field="body.example.${n}"]`, 'aria-invalid'), 'true');
  // Choosing the problem focuses the first empty example, not the Bold button.
  await item.locator('.diag-go').click();
  assert.equal(await page.evaluate(() => document.activeElement.dataset.field), 'body.example.1');
  // After filling one in, the other is still asked for, where it is.
  await page.keyboard.type('Анна');
  await idle(page);
  assert.equal(await page.getAttribute('[data-field="body.example.1"]', 'aria-invalid'), null);
  assert.equal(await page.getAttribute('[data-field="body.example.2"]', 'aria-invalid'), 'true');
  assert.match(await page.textContent('#problems'), /пример \{\{2\}\}/);
  // The JSON tab shows the core's own message.
  await page.click('#tab-json');
  assert.match(await page.textContent('#problems'), /example\.body_text|значения/);

  // A text in the footer and none in the body: "the BODY component has no text" in form words.
  await page.click('#tab-form');
  await body(page).fill('');
  await page.fill('[data-field="footer.text"]', 'Магазин «Ромашка»');
  await idle(page);
  assert.deepEqual((await listed(page)).find(([rule]) => rule === 'component-multiplicity')?.[1], 'Текст сообщения пуст.');
  assert.doesNotMatch(await page.textContent('#problems'), /BODY|--owned-domain/);
  await done();
});

test('5. repeats are grouped with their count, each still underlined; the reasons say each thing once', async () => {
  // The core's reasons, delivered twice each as an older core did: the page shows each once.
  const init = () => {
    const Native = window.Worker;
    window.Worker = class extends Native {
      addEventListener(type, listener, options) {
        if (type !== 'message') return super.addEventListener(type, listener, options);
        return super.addEventListener(type, (event) => {
          const p = event.data?.type === 'result' ? event.data.result.templates[0]?.prediction : null;
          if (p) p.reasons = [...p.reasons, ...p.reasons];
          listener.call(this, event);
        }, options);
      }
    };
  };
  const { page, done } = await open({ init });
  await page.getByRole('button', { name: 'Русский' }).click();
  await chooseCategory(page, 'MARKETING');
  const draft = 'Скидка 50% на всё! Только сегодня акция, успейте купить по выгодной цене';
  await typeInBody(page, draft);
  const want = await expected(page, { lang: 'ru' });
  const promo = want.report.diagnostics.filter((d) => d.rule === 'promotional-wording');
  assert.ok(promo.length >= 4, `the core reports ${promo.length} promotional words`);
  // One entry with the count, one button per occurrence, every occurrence underlined.
  const group = page.locator('#problems li[data-rule="promotional-wording"]');
  assert.equal(await group.count(), 1);
  assert.equal(await group.getAttribute('data-count'), String(promo.length));
  assert.equal(await group.locator('.diag-count').textContent(), `${promo.length}×`);
  assert.equal(await group.locator('.occurrences .chip').count(), promo.length);
  const underlined = await marked(page, 'promotional-wording');
  for (const d of promo) {
    const words = draft.slice(d.range.start_utf16, d.range.end_utf16);
    assert.ok(underlined.text.includes(words.slice(0, 4)), `«${words}» is underlined`);
  }
  // The counts are of problems, not of occurrences.
  const groups = want.groups;
  assert.equal(groups.length, (await listed(page)).length);
  assert.match(await summary(page), new RegExp(`${groups.filter(([, , ]) => true).length} предупреждени`));
  // A chip takes you to its occurrence.
  await group.locator('.occurrences .chip').nth(1).click();
  const selected = await page.evaluate(() => {
    const c = document.activeElement;
    return c.value.slice(c.selectionStart, c.selectionEnd);
  });
  assert.equal(selected, draft.slice(promo[1].range.start_utf16, promo[1].range.end_utf16));
  // The tooltip stacks repeats at one place into one entry.
  await page.keyboard.press('Escape');
  const overlap = promo.find((d, i) => promo.some((e, j) => j !== i && e.range.start_utf16 < d.range.end_utf16 && d.range.start_utf16 < e.range.end_utf16));
  if (overlap) {
    const box = await page.locator('mark[data-rules~="promotional-wording"]').filter({ hasText: 'выгодн' }).first().boundingBox();
    await page.mouse.move(box.x + 3, box.y + box.height / 2);
    await page.waitForSelector('#tooltip:not([hidden])');
    assert.equal(await page.locator('#tooltip .tip-item[data-rule="promotional-wording"]').count(), 1);
    assert.match(await page.textContent('#tooltip .tip-item[data-rule="promotional-wording"]'), /2×/);
  }
  // "Почему": each reason once, though the answer carried each twice.
  const shown = await page.$$eval('#prediction .reasons li', (els) => els.map((e) => e.textContent));
  assert.equal(shown.length, new Set(want.report.prediction.reasons.map((r) => r.message)).size);
  assert.equal(new Set(shown).size, shown.length);
  await done();
});

test('6. the first screen invites instead of scolding: no verdict, the category asked first with what each means and costs', async () => {
  const { page, done } = await open();
  // Before: untouched.
  assert.equal(await page.getAttribute('#summary', 'data-kind'), 'invite');
  assert.match(await summary(page), /Choose what the message is for/);
  assert.doesNotMatch(await page.textContent('#results'), /Likely|error/i);
  assert.equal(await page.locator('#problems li.diag').count(), 0);
  assert.equal(await page.locator('[aria-invalid="true"]').count(), 0);
  assert.equal(await page.locator('input[name="category"]:checked').count(), 0, 'no category assumed');
  const firstSection = await page.$eval('#panel-form > :first-child', (el) => el.querySelector('legend')?.textContent);
  assert.equal(firstSection, 'What is this message for?');
  for (const c of ['MARKETING', 'UTILITY', 'AUTHENTICATION']) {
    const describedBy = await page.getAttribute(`input[name="category"][value="${c}"]`, 'aria-describedby');
    const text = await page.textContent(`#${describedBy}`);
    assert.ok(text.length > 30, `${c} has a line on what it is for`);
    assert.ok(await page.locator(`#${describedBy} .choice-price`).count(), `${c} says what it costs`);
  }
  await page.screenshot({ path: join(SHOTS, 'empty.png') });
  await axe(page, 'empty');
  // After choosing a category and writing, the verdict comes.
  await chooseCategory(page, 'UTILITY');
  assert.equal(await page.getAttribute('#summary', 'data-kind'), 'invite');
  await typeInBody(page, 'Your order has shipped.');
  assert.match(await summary(page), /^Likely/);
  await done();
});

test('7. JSON tab: Copy and Download refuse broken JSON; line numbers mark the error; the status follows the language; an export is one overview', async () => {
  await env.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.base });
  const { page, done } = await open();
  await chooseCategory(page, 'UTILITY');
  await typeInBody(page, 'Your order is ready.');
  await page.click('#tab-json');
  await page.evaluate(() => navigator.clipboard.writeText('what was there'));
  const broken = '{\n  "name": "x",\n  "components": [}\n}\n';
  await page.fill('#json-text', broken);
  await page.waitForFunction(() => document.getElementById('json-status').dataset.kind === 'error');
  // Line numbers, the broken line marked; the button puts the caret there.
  assert.equal(await page.textContent('.gutter-error'), '3');
  assert.match(await page.textContent('#json-status'), /line 3/);
  await page.getByRole('button', { name: 'Show the place' }).click();
  const caret = await page.evaluate(() => {
    const ta = document.getElementById('json-text');
    return ta.value.slice(0, ta.selectionStart).split('\n').length;
  });
  assert.equal(caret, 3);
  // Copy refuses, and says so; the clipboard keeps what it had.
  await page.getByRole('button', { name: 'Copy' }).click();
  await page.waitForFunction(() => /Not copied/.test(document.getElementById('json-status').textContent));
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'what was there');
  // Download refuses too: no file.
  let downloads = 0;
  page.on('download', () => { downloads += 1; });
  await page.getByRole('button', { name: 'Download' }).click();
  await page.waitForFunction(() => /Not downloaded/.test(document.getElementById('json-status').textContent));
  await page.waitForTimeout(300);
  assert.equal(downloads, 0);
  // The status follows the interface language, the core's words too.
  await page.getByRole('button', { name: 'Русский' }).click();
  await page.waitForFunction(() => /Не скачано/.test(document.getElementById('json-status').textContent));
  assert.match(await page.textContent('#json-status'), /строка 3/);
  await page.getByRole('button', { name: 'English' }).click();
  await page.waitForFunction(() => /Not downloaded/.test(document.getElementById('json-status').textContent));
  await axe(page, 'JSON tab with an error');

  // An export of three templates: one table with every verdict; opening one keeps the others in the text.
  await page.fill('#json-text', JSON.stringify(EXPORT, null, 2));
  await page.waitForSelector('#export:not([hidden])');
  await idle(page);
  await page.waitForFunction(() => !/Checking/.test(document.getElementById('export').textContent));
  const { node } = await import('./www-helpers.mjs');
  const reports = new node.Linter({ lang: 'en' }).lint(JSON.stringify(EXPORT)).templates;
  const rows = await page.$$eval('#export tbody tr', (trs) => trs.map((tr) => ({
    name: tr.querySelector('.export-name').textContent, verdict: tr.querySelector('.verdict')?.className ?? '',
  })));
  assert.deepEqual(rows.map((r) => r.name), EXPORT.data.map((x) => x.name));
  rows.forEach((r, i) => assert.ok(r.verdict.includes(`verdict-${reports[i].prediction.outcome}`), `${r.name}: ${r.verdict}`));
  await page.screenshot({ path: join(SHOTS, 'export.png') });
  await axe(page, 'export table');
  await page.getByRole('button', { name: 'Open visit_again' }).click();
  await idle(page);
  await page.click('#tab-json');
  assert.deepEqual(JSON.parse(await page.inputValue('#json-text')).data.map((x) => x.name), ['order_ready', 'spring_sale', 'visit_again']);
  // Copy and Download then take the whole, valid document.
  await page.getByRole('button', { name: 'Copy' }).click();
  await page.waitForFunction(() => document.getElementById('json-status').dataset.kind === 'ok');
  assert.equal(JSON.parse(await page.evaluate(() => navigator.clipboard.readText())).data.length, 3);
  await done();
});

test('8. your domains are shown as typed (шоп.рф, not punycode); the Business-app profile drops categories and prices', async () => {
  const { page, done } = await open();
  await chooseCategory(page, 'UTILITY');
  await typeInBody(page, 'Your order is ready: https://шоп.рф/orders');
  await page.fill('#owned', 'шоп.рф');
  await idle(page);
  assert.equal(await page.inputValue('#owned'), 'шоп.рф');
  assert.equal(await page.textContent('#owned-list'), 'Checked as yours: шоп.рф');
  assert.equal(await page.locator('#problems li[data-rule="unowned-domain"]').count(), 0);
  await page.reload();
  await ready(page);
  assert.equal(await page.inputValue('#owned'), 'шоп.рф');

  // The Business-app profile: no category question, no prices, no category in the forecast.
  assert.equal(await page.locator('input[name="category"]').count(), 3);
  assert.ok(await page.locator('.choice-price').count() > 0);
  assert.match(await page.textContent('#prediction'), /Category/);
  await page.selectOption('#profile', 'business-app');
  await idle(page);
  assert.equal(await page.locator('input[name="category"]').count(), 0);
  assert.equal(await page.locator('.choice-price').count(), 0);
  assert.match(await page.textContent('.category-question'), /no category and no price/);
  assert.doesNotMatch(await page.textContent('#prediction'), /Category/);
  await page.selectOption('#profile', 'api');
  await idle(page);
  assert.equal(await page.locator('input[name="category"]:checked').getAttribute('value'), 'UTILITY');
  await done();
});

test('8b. a domain that is not one is refused next to the field, and the last valid list stays in use', async () => {
  const { page, done } = await open();
  await chooseCategory(page, 'UTILITY');
  await typeInBody(page, 'Your order is ready: https://shop.ru/orders and https://m.shop.ru/app');
  const unowned = page.locator('#problems li[data-rule="unowned-domain"]');
  await page.fill('#owned', 'shop.ru');
  await idle(page);
  assert.equal(await unowned.count(), 0);
  assert.equal(await page.getAttribute('#owned', 'aria-invalid'), 'false');
  // Each thing that is not a domain is refused, in the core's words, and the list in use stays.
  for (const [typed, named] of [['shop.ru, shop', /"shop"/], ['shop.ru, shop..ru', /"shop\.\.ru"/]]) {
    await page.fill('#owned', typed);
    await idle(page);
    assert.match(await page.textContent('#owned-error'), named);
    assert.equal(await page.getAttribute('#owned', 'aria-invalid'), 'true');
    assert.equal(await page.textContent('#owned-list'), 'Still checking with the last valid list: shop.ru');
    assert.equal(await unowned.count(), 0, 'still checked with shop.ru');
  }
  await axe(page, 'a refused domain');
  // The refusal follows the interface language.
  await page.getByRole('button', { name: 'Русский' }).click();
  await idle(page);
  assert.match(await page.textContent('#owned-error'), /«shop\.\.ru»/);
  assert.doesNotMatch(await page.textContent('#owned-error'), /this is not a domain/);
  await page.getByRole('button', { name: 'English' }).click();
  await idle(page);
  // "*.shop.ru" is shop.ru and its subdomains: accepted, and both links are yours.
  await page.fill('#owned', '*.shop.ru');
  await idle(page);
  assert.equal(await page.textContent('#owned-error'), '');
  assert.equal(await page.textContent('#owned-list'), 'Checked as yours: *.shop.ru');
  assert.equal(await unowned.count(), 0);
  // A list that is valid again is the one in use: another domain makes the links foreign.
  await page.fill('#owned', 'other.example');
  await idle(page);
  assert.equal(await unowned.count(), 1);
  await done();
});

test('8c. a Business-app broadcast is not asked for a category: none in the form, the findings or the forecast', async () => {
  const { page, done } = await open();
  await page.selectOption('#profile', 'business-app');
  await typeInBody(page, 'Hello! New arrivals in our shop this week, come and see.');
  // The core asks nothing about a name, a language or a category, and declares none.
  const want = await expected(page, { lang: 'en', profile: 'business-app' });
  assert.deepEqual(want.report.diagnostics.filter((d) => d.rule.startsWith('template-')), []);
  assert.equal(want.report.prediction.category.declared, null);
  assert.ok(await page.locator('#problems li.diag').count() > 0, 'there are findings to read');
  assert.equal(await page.locator('input[name="category"]').count(), 0);
  assert.equal(await page.locator('#problems li[data-rule^="template-"]').count(), 0);
  assert.equal(await page.getAttribute('#prediction', 'data-category'), '');
  // No category by name (the content may still "read as marketing") and no price, in either language.
  const results = await page.textContent('#results');
  assert.doesNotMatch(results, /categor|price|cost/i);
  assert.doesNotMatch(results, /MARKETING|UTILITY|AUTHENTICATION|Marketing|Utility|Authentication/);
  await page.getByRole('button', { name: 'Русский' }).click();
  await idle(page);
  const ru = await page.textContent('#results');
  assert.match(ru, /Скорее всего/);
  assert.doesNotMatch(ru, /категори|цен[аыуе]|стоим|дорож/i);
  assert.doesNotMatch(ru, /MARKETING|UTILITY|AUTHENTICATION|Маркетинг|Сервисн|Аутентифик/);
  await done();
});

test('9. the tooltip is a card you can act on: Fix and Dismiss in it, Escape keeps it closed through scrolling, the caret card keeps clear of the text, a place finding can be hovered', async () => {
  const { page, done } = await open();
  await page.setViewportSize({ width: 1400, height: 700 });
  await chooseCategory(page, 'UTILITY');
  await typeInBody(page, 'Your order is ready. Details: http://shop.example/orders');
  // Fix from the card.
  const box = await page.locator('mark[data-rules~="insecure-link"]').first().boundingBox();
  await page.mouse.move(box.x + 4, box.y + box.height / 2);
  await page.waitForSelector('#tooltip:not([hidden])');
  const fix = page.locator('#tooltip .btn-fix');
  assert.equal(await fix.textContent(), 'Fix: use https://');
  await axe(page, 'the card');
  const fixBox = await fix.boundingBox();
  await page.mouse.move(fixBox.x + 5, fixBox.y + 5, { steps: 4 }); // across to the card: it stays
  await fix.click();
  await idle(page);
  assert.equal(await body(page).inputValue(), 'Your order is ready. Details: https://shop.example/orders');

  // Escape closes the caret's card, and scrolling does not bring it back.
  await body(page).fill('Your order is ready. Visit http://shop.example/orders today');
  await idle(page);
  await body(page).click();
  await page.keyboard.press('Control+End');
  for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowLeft');
  await page.waitForSelector('#tooltip:not([hidden])');
  // It keeps clear of the field being typed in.
  const [tip, field] = await Promise.all([page.locator('#tooltip').boundingBox(), body(page).boundingBox()]);
  const overlaps = tip.y < field.y + field.height && field.y < tip.y + tip.height && tip.x < field.x + field.width && field.x < tip.x + tip.width;
  assert.ok(!overlaps, `card ${JSON.stringify(tip)} and field ${JSON.stringify(field)}`);
  await page.keyboard.press('Escape');
  await page.waitForSelector('#tooltip', { state: 'hidden' });
  await page.mouse.wheel(0, 120);
  await page.waitForTimeout(200);
  assert.equal(await page.locator('#tooltip:not([hidden])').count(), 0);
  await page.evaluate(() => window.scrollTo(0, 0));

  // Dismiss a warning from the card: it leaves the list and the underlines, and can come back.
  await body(page).fill('Big spring sale: 30% off all shoes this week only!');
  await idle(page);
  const optOut = page.locator('#problems li[data-rule="missing-opt-out"]');
  assert.equal(await optOut.count(), 1);
  // The place finding (a bar between letters) is found a few pixels beside it.
  const bar = await page.locator('mark.hl-caret[data-rules~="missing-opt-out"]').boundingBox();
  assert.ok(bar.width <= 3);
  await page.mouse.move(bar.x + bar.width + 5, bar.y + bar.height / 2);
  await page.waitForSelector('#tooltip .tip-item[data-rule="missing-opt-out"]');
  await page.locator('#tooltip .tip-item[data-rule="missing-opt-out"] .btn-dismiss').click();
  await idle(page);
  assert.equal(await optOut.count(), 0);
  assert.equal(await page.locator('mark[data-rules~="missing-opt-out"]').count(), 0);
  assert.match(await page.textContent('#problems'), /Dismissed: 1\./);
  // A dismissal holds in the other language too.
  await page.getByRole('button', { name: 'Русский' }).click();
  await idle(page);
  assert.equal(await optOut.count(), 0);
  assert.match(await page.textContent('#problems'), /Скрыто: 1\./);
  await page.getByRole('button', { name: 'English' }).click();
  await idle(page);
  await page.getByRole('button', { name: 'Show them again' }).click();
  assert.equal(await optOut.count(), 1);
  await page.setViewportSize({ width: 1400, height: 900 });
  await done();
});

test('10. severities differ by shape and icon, not only colour (also under deuteranopia)', async () => {
  const { page, done } = await open();
  await chooseCategory(page, 'UTILITY');
  await typeInBody(page, 'Заказ {{1}}{{2}} готов, подробности http://shop.example и https://shop.ru/x');
  const style = (sev) => page.$eval(`.hl-backdrop mark.hl-span.hl-${sev}`, (el) => {
    const s = getComputedStyle(el);
    return { line: s.textDecorationStyle, color: s.textDecorationColor, tint: s.backgroundColor };
  });
  const [error, warning, info] = [await style('error'), await style('warning'), await style('info')];
  assert.deepEqual([error.line, warning.line, info.line], ['solid', 'wavy', 'dotted']);
  // Each line stands out from its tint on the white field: at least 3:1.
  const rgb = (c) => c.match(/[\d.]+/g).map(Number);
  const over = ([r, g, b, a = 1]) => [r, g, b].map((v) => v * a + 255 * (1 - a));
  const lum = (c) => {
    const [r, g, b] = c.map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a, b) => (Math.max(lum(a), lum(b)) + 0.05) / (Math.min(lum(a), lum(b)) + 0.05);
  for (const [name, s] of Object.entries({ error, warning, info })) {
    const r = ratio(rgb(s.color), over(rgb(s.tint)));
    assert.ok(r >= 3, `${name}: ${r.toFixed(2)}:1`);
  }
  // The list's and the summary's icons differ by shape and glyph.
  const icons = await page.$$eval('#problems .group h3 + ul > li:first-child .sev-icon', (els) => els.map((e) => e.textContent));
  assert.equal(new Set(icons).size, icons.length);
  const shapes = await page.$$eval('#summary .count-icon', (els) => els.map((e) => `${getComputedStyle(e).borderRadius} ${getComputedStyle(e).clipPath}`));
  assert.equal(new Set(shapes).size, shapes.length);
  // Under deuteranopia the marks still differ by their lines.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setEmulatedVisionDeficiency', { type: 'deuteranopia' });
  await page.locator('.hl-wrap').first().evaluate((el) => el.closest('fieldset').scrollIntoView());
  await page.locator('[data-field="body.text"]').screenshot({ path: join(SHOTS, 'deuteranopia.png') });
  await cdp.send('Emulation.setEmulatedVisionDeficiency', { type: 'none' });
  await done();
});

test('11. the list follows every change within a frame of the answer, one request in flight, "Checking…" only when an answer is late', async () => {
  // Count the lint requests, hold answers back on demand, and note when the list is drawn.
  const init = () => {
    const Native = window.Worker;
    window.__posted = 0;
    window.__held = [];
    window.__hold = false;
    window.__drawnWithin = [];
    window.Worker = class extends Native {
      postMessage(message, ...rest) {
        if (message?.type === 'lint') window.__posted += 1;
        return super.postMessage(message, ...rest);
      }
      addEventListener(type, listener, options) {
        if (type !== 'message') return super.addEventListener(type, listener, options);
        return super.addEventListener(type, (event) => {
          if (event.data?.type !== 'result') return listener.call(this, event);
          const deliver = () => {
            listener.call(this, event);
            // Right after the page handled the answer, in the same task: is the list drawn for it?
            window.__drawnWithin.push(document.getElementById('problems').dataset.seq === String(event.data.seq));
          };
          if (window.__hold) window.__held.push(deliver);
          else deliver();
        }, options);
      }
    };
  };
  const { page, done } = await open({ init });
  await chooseCategory(page, 'UTILITY');
  await typeInBody(page, 'Your order ');
  // One input event: a request at once, in the same task (no pause waited for).
  const posted = await page.evaluate(() => {
    const c = document.querySelector('[data-field="body.text"]');
    const before = window.__posted;
    c.value += 'is';
    c.dispatchEvent(new Event('input', { bubbles: true }));
    return window.__posted - before;
  });
  assert.equal(posted, 1);
  await idle(page);
  assert.ok((await page.evaluate(() => window.__drawnWithin)).every(Boolean), 'each answer drawn before the page yields');

  // A slow answer: typing on sends nothing more until it is back, and "Checking…" appears.
  await page.evaluate(() => { window.__hold = true; });
  const start = await page.evaluate(() => window.__posted);
  await body(page).pressSequentially(' ready: clck.ru/a', { delay: 5 });
  assert.equal(await page.evaluate(() => window.__posted) - start, 1, 'one request in flight');
  await page.waitForSelector('#checking:not([hidden])');
  assert.equal(await page.locator('#problems li[data-rule="url-shortener"]').count(), 0);
  // The answer comes: the newest text is linted next, and the list is the final text's.
  await page.evaluate(() => {
    window.__hold = false;
    for (const deliver of window.__held.splice(0)) deliver();
  });
  await idle(page);
  assert.equal(await page.evaluate(() => window.__posted) - start, 2);
  assert.ok(await page.isHidden('#checking'));
  assert.equal((await marked(page, 'url-shortener')).text, 'clck.ru/a');
  assert.deepEqual(await listedCore(page), (await expected(page, { lang: 'en' })).groups);
  await done();
});
