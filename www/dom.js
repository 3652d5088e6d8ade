// A tiny DOM builder. Text always goes in as text nodes: nothing here parses HTML, so
// template text typed by the user can never become markup.

/**
 * h('button', { class: 'x', type: 'button', dataset: { k: 'v' }, on: { click } }, 'text', node)
 * Props: `class`, `text`, `dataset`, `on`, `hidden`, `value`, `checked`, `disabled`,
 * `selected`; anything else is set as an attribute (skipped when null, undefined or false).
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    switch (key) {
      case 'class':
        el.className = value;
        break;
      case 'text':
        el.textContent = value;
        break;
      case 'dataset':
        Object.assign(el.dataset, value);
        break;
      case 'on':
        for (const [type, fn] of Object.entries(value)) el.addEventListener(type, fn);
        break;
      case 'hidden':
      case 'value':
      case 'checked':
      case 'disabled':
      case 'selected':
        el[key] = value;
        break;
      default:
        el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the children of `el`. */
export function replaceChildren(el, ...children) {
  el.replaceChildren();
  append(el, children);
}

/** A unique element id with a prefix. */
let counter = 0;
export function uid(prefix = 'id') {
  counter += 1;
  return `${prefix}-${counter}`;
}
