// The WhatsApp-style preview: a chat bubble with the header, the formatted body with the
// example values in place of the placeholders, the footer and the buttons. Built from DOM
// nodes only: what the user typed is always text.
import { h, replaceChildren } from './dom.js';
import { renderFormatted } from './format.js';
import { has, t } from './i18n.js';

const PLACEHOLDER = /\{\{([A-Za-z0-9_]+)\}\}/g;
const LINK = /\b(?:https?:\/\/|www\.)[^\s<>"']+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:ru|com|org|net|io|me|ly|su|рф|info|biz|shop|app|store)(?:\/[^\s<>"']*)?/giu;

/** Plain text with placeholders filled in from `values` and links styled as links. */
function textWith(values) {
  return (s) => {
    const nodes = [];
    let last = 0;
    for (const m of s.matchAll(PLACEHOLDER)) {
      if (m.index > last) nodes.push(...links(s.slice(last, m.index)));
      const value = values[m[1]];
      nodes.push(value
        ? h('span', { class: 'wa-value', title: m[0] }, value)
        : h('span', { class: 'wa-missing' }, m[0]));
      last = m.index + m[0].length;
    }
    if (last < s.length) nodes.push(...links(s.slice(last)));
    return nodes;
  };
}

function links(s) {
  const nodes = [];
  let last = 0;
  for (const m of s.matchAll(LINK)) {
    let url = m[0].replace(/[.,!?;:)»]+$/u, '');
    if (m.index > last) nodes.push(document.createTextNode(s.slice(last, m.index)));
    nodes.push(h('span', { class: 'wa-link' }, url));
    last = m.index + url.length;
  }
  if (last < s.length) nodes.push(document.createTextNode(s.slice(last)));
  return nodes;
}

const ICONS = { URL: '↗', PHONE_NUMBER: '☎', QUICK_REPLY: '↩', COPY_CODE: '⧉', OTP: '⧉', VOICE_CALL: '✆', ALL: '☰' };

function buttonLabel(b) {
  if (b.type === 'COPY_CODE') return t('preview.code');
  if (b.text) return b.text;
  if (b.type === 'OTP') return t('preview.code');
  return '';
}

/** Draws the preview of `state` into `root`. */
export function renderPreview(root, state) {
  const bubble = [];
  const header = state.header;
  if (header.present) {
    if (header.format === 'TEXT') {
      if (header.text) {
        bubble.push(h('p', { class: 'wa-header' }, ...textWith(header.examples)(header.text)));
      }
    } else if (header.format) {
      const label = has(`preview.media.${header.format}`) ? t(`preview.media.${header.format}`) : header.format;
      bubble.push(h('div', { class: `wa-media wa-media-${header.format.toLowerCase()}`, role: 'img', 'aria-label': label },
        h('span', { class: 'wa-media-icon', 'aria-hidden': 'true' }, mediaIcon(header.format)),
        h('span', { class: 'wa-media-label' }, label)));
    }
  }

  let bodyText = state.body.text;
  const auth = state.category.toUpperCase() === 'AUTHENTICATION';
  if (!bodyText && auth) {
    bodyText = t('preview.auth.body');
    if (state.body.extra.add_security_recommendation === true) bodyText += ` ${t('preview.auth.security')}`;
  }
  const values = auth && !state.body.text ? { 1: '123456', ...state.body.examples } : state.body.examples;
  if (bodyText) {
    bubble.push(h('p', { class: 'wa-body' }, ...renderFormatted(bodyText, textWith(values))));
  } else if (!header.present) {
    bubble.push(h('p', { class: 'wa-body wa-empty' }, t('preview.empty')));
  }

  let footer = state.footer.text;
  if (!footer && Number.isFinite(state.footer.extra.code_expiration_minutes)) {
    footer = t('preview.auth.expiry', { n: state.footer.extra.code_expiration_minutes });
  }
  if (footer) bubble.push(h('p', { class: 'wa-footer' }, footer));
  const now = new Date();
  bubble.push(h('span', { class: 'wa-time', 'aria-hidden': 'true' },
    `${String(now.getHours()).padStart(2, '0')}:${String(now.getMinutes()).padStart(2, '0')}`));

  // WhatsApp shows up to three buttons; with more, two and "See all options".
  const shown = state.buttons.length > 3 ? state.buttons.slice(0, 2) : state.buttons;
  const buttons = shown.map((b) => h('li', { class: 'wa-button' },
    h('span', { class: 'wa-button-icon', 'aria-hidden': 'true' }, ICONS[b.type] ?? '•'),
    h('span', {}, buttonLabel(b) || '\u00a0')));
  if (state.buttons.length > 3) {
    buttons.push(h('li', { class: 'wa-button' },
      h('span', { class: 'wa-button-icon', 'aria-hidden': 'true' }, ICONS.ALL),
      h('span', {}, t('preview.seeAll'))));
  }

  replaceChildren(root,
    h('div', { class: 'wa-message' },
      h('div', { class: 'wa-bubble' }, ...bubble),
      buttons.length ? h('ul', { class: 'wa-buttons' }, ...buttons) : null));
}

function mediaIcon(format) {
  return { IMAGE: '🖼', VIDEO: '▶', DOCUMENT: '📄', LOCATION: '📍', GIF: 'GIF', PRODUCT: '🛍' }[format] ?? '▣';
}
