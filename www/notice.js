// The two ways the page speaks up about the work: a confirmation before something replaces it
// (a modal <dialog>; Escape or Cancel keeps the work), and a notice of what just happened, with
// the action that reverses it (Undo, Redo). The notice stays 20 s, or while it has the focus.
import { h, replaceChildren } from './dom.js';
import { t } from './i18n.js';

const $ = (id) => document.getElementById(id);
const NOTICE_MS = 20_000;

/** Asks before a replacement: `text` says what replaces what, `ok` names the action. */
export function confirmReplace({ text, ok }) {
  const dialog = $('confirm');
  $('confirm-title').textContent = t('confirm.title');
  $('confirm-text').textContent = text;
  $('confirm-ok').textContent = ok;
  return new Promise((resolve) => {
    const finish = (answer) => {
      dialog.removeEventListener('close', onCancel);
      $('confirm-ok').removeEventListener('click', onOk);
      $('confirm-cancel').removeEventListener('click', onCancel);
      if (dialog.open) dialog.close();
      resolve(answer);
    };
    const onOk = () => finish(true);
    const onCancel = () => finish(false);
    dialog.addEventListener('close', onCancel);
    $('confirm-ok').addEventListener('click', onOk);
    $('confirm-cancel').addEventListener('click', onCancel);
    dialog.showModal();
    $('confirm-cancel').focus();
  });
}

let timer = null;
let handler = null;

/** Shows `text`, with a button for `action` ('undo' or 'redo', or null) that calls `onAction`. */
export function notify(text, action = null, onAction = null) {
  const el = $('toast');
  handler = onAction;
  replaceChildren(el,
    h('span', { class: 'toast-text' }, text),
    action ? h('button', { type: 'button', class: 'btn btn-small', dataset: { action } }, t(action)) : null,
    h('button', { type: 'button', class: 'btn btn-small btn-icon', 'aria-label': t('toast.close'), dataset: { action: 'close' } }, '✕'));
  el.hidden = false;
  clearTimeout(timer);
  timer = setTimeout(() => {
    if (!el.contains(document.activeElement)) el.hidden = true;
  }, NOTICE_MS);
}

export function hideNotice() {
  $('toast').hidden = true;
}

$('toast').addEventListener('click', (e) => {
  const action = e.target.closest('button')?.dataset.action;
  if (!action) return;
  hideNotice();
  if (action !== 'close') handler?.();
});
