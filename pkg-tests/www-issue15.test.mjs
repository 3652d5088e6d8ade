// Issue 15, the page's part: "the form can show and edit what it can and says plainly what it
// cannot". Meta's own samples of a carousel, a limited-time offer and a flow button (the files
// walint's core is tested on) are pasted into the JSON tab; the form names what only the JSON
// tab edits, in English and Russian, and keeps it exactly as it was while the user edits the
// fields the form shows; findings inside such a part lead to the JSON tab.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  ROOT, SHOTS, axe, body, expected, idle, jsonText, open, typeInBody, useBrowser,
} from './www-helpers.mjs';

useBrowser();

const sample = (name) => JSON.parse(readFileSync(join(ROOT, 'tests', 'meta_samples', `${name}.json`), 'utf8'));
const notice = (page) => page.$$eval('#panel-form .json-only li', (els) => els.map((e) => e.textContent));

/** Pastes a template into the JSON tab and waits for the form to follow. */
async function paste(page, template) {
  await page.click('#tab-json');
  const sent = Number(await page.getAttribute('body', 'data-sent'));
  await page.fill('#json-text', JSON.stringify(template, null, 2));
  // Applied once it is linted: a request newer than any before the paste.
  await page.waitForFunction((n) => Number(document.body.dataset.sent) > n, sent);
  await idle(page);
  await page.click('#tab-form');
}

/** The page's verdict is the core's for the JSON it shows. */
async function sameVerdict(page) {
  const want = await expected(page, { lang: 'en' });
  assert.equal(await page.getAttribute('#summary', 'data-outcome'), want.report.prediction.outcome);
  return want.report;
}

test('a carousel: named in the form, kept exactly through edits of the body, its findings lead to the JSON tab', async () => {
  const carousel = sample('media_card_carousel');
  const { page, done } = await open();
  await paste(page, carousel);
  assert.deepEqual(await notice(page), ['This template has a carousel: edit it in the JSON tab.']);
  assert.match(await page.textContent('#panel-form .json-only'), /keeps these parts exactly as they are/);
  await axe(page, 'a carousel in the form');
  await page.screenshot({ path: join(SHOTS, 'carousel.png') });

  // Edit the body in the form: the JSON is the sample with that one text changed.
  await typeInBody(page, ' Today only.');
  const want = structuredClone(carousel);
  want.components[0].text += ' Today only.';
  assert.deepEqual(JSON.parse(await jsonText(page)), want);
  await sameVerdict(page);

  // In Russian too.
  await page.getByRole('button', { name: 'Русский' }).click();
  await idle(page);
  assert.deepEqual(await notice(page), ['В шаблоне есть карусель: измените её во вкладке JSON.']);
  await page.getByRole('button', { name: 'English' }).click();
  await idle(page);

  // A carousel of one card: the core's finding on it names the carousel, and going to it leads
  // to the way to the JSON tab.
  const oneCard = structuredClone(want);
  oneCard.components[1].cards.splice(1);
  await paste(page, oneCard);
  const report = await sameVerdict(page);
  assert.ok(report.diagnostics.some((d) => d.rule === 'carousel-cards' && d.severity === 'error'), 'the core reports the single card');
  const item = page.locator('#problems li[data-rule="carousel-cards"]').first();
  assert.equal(await item.locator('.diag-where').textContent(), 'carousel (JSON tab)');
  assert.equal(await page.getAttribute('#summary', 'data-outcome'), 'rejected');
  await item.locator('.diag-go').click();
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Open the JSON tab');
  await page.keyboard.press('Enter');
  assert.equal(await page.getAttribute('#tab-json', 'aria-selected'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'json-text');
  await done();
});

test('a limited-time offer: named, kept in its place while the body and a button label change', async () => {
  const offer = sample('limited_time_offer');
  const { page, done } = await open();
  await paste(page, offer);
  assert.deepEqual(await notice(page), ['This template has a limited-time offer: edit it in the JSON tab.']);
  // The parts the form shows are there: the image header (spelt "image" in the sample), the body,
  // the copy-code and link buttons.
  assert.equal(await page.inputValue('[data-field="header.format"]'), 'IMAGE');
  assert.equal(await page.inputValue('[data-field="header.handle"]'), '4::aW...');
  assert.equal(await page.locator('.button-row').count(), 2);
  await axe(page, 'a limited-time offer in the form');

  await typeInBody(page, ' Book by Friday.');
  const label = page.locator('.button-row').nth(1).locator('[data-field$=".text"]');
  await label.fill('Book now');
  await idle(page);
  const want = structuredClone(offer);
  want.components[2].text += ' Book by Friday.';
  want.components[3].buttons[1].text = 'Book now';
  assert.deepEqual(JSON.parse(await jsonText(page)), want);
  await sameVerdict(page);

  await page.getByRole('button', { name: 'Русский' }).click();
  await idle(page);
  assert.deepEqual(await notice(page), ['В шаблоне есть предложение с ограниченным сроком: измените его во вкладке JSON.']);
  await done();
});

test('a flow button: named, its label edited in the form, its flow kept', async () => {
  const flow = sample('flow_button');
  const { page, done } = await open();
  await paste(page, flow);
  assert.deepEqual(await notice(page), ['Button 1 opens a flow: edit its flow in the JSON tab.']);
  const row = page.locator('.button-row').first();
  assert.match(await row.textContent(), /Only the label is edited here/);
  // The row shows the label only: no link or phone fields made up for a flow.
  assert.equal(await row.locator('[data-field$=".url"], [data-field$=".phone_number"]').count(), 0);
  await axe(page, 'a flow button in the form');

  await row.locator('[data-field$=".text"]').fill('Open the flow');
  await idle(page);
  await typeInBody(page, ' now');
  const want = structuredClone(flow);
  want.components[1].buttons[0].text = 'Open the flow';
  want.components[0].text += ' now';
  assert.deepEqual(JSON.parse(await jsonText(page)), want);
  await sameVerdict(page);

  await page.getByRole('button', { name: 'Русский' }).click();
  await idle(page);
  assert.deepEqual(await notice(page), ['Кнопка 1 открывает WhatsApp Flow: его настройки правятся во вкладке JSON.']);
  assert.match(await row.textContent(), /Здесь правится только надпись/);
  await done();
});

test('a template the form edits whole has no notice', async () => {
  const { page, done } = await open();
  await paste(page, sample('document_header_phone_url'));
  assert.equal(await page.locator('#panel-form .json-only').count(), 0);
  await body(page).click();
  await done();
});
