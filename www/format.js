// WhatsApp's message formatting, parsed into a tree (never HTML):
//   *bold*  _italic_  ~strikethrough~  ```monospace```  `inline code`
// A marker opens at the start of the text or after a space or punctuation, and before a
// non-space; it closes after a non-space and before the end, a space or punctuation, on the
// same line. ``` blocks may span lines. Unclosed markers stay as they are written.

const INLINE = { '*': 'bold', _: 'italic', '~': 'strike', '`': 'code' };

/** The character (a whole surrogate pair) that ends just before index i. */
function charBefore(text, i) {
  if (i <= 0) return '';
  const low = text.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) return text.slice(i - 2, i);
  return text[i - 1];
}

function charAfter(text, i) {
  if (i >= text.length) return '';
  const cp = text.codePointAt(i);
  return String.fromCodePoint(cp);
}

const SEPARATOR = /^[\s\p{P}\p{S}]$/u;
const opensAt = (text, i) => {
  const before = charBefore(text, i);
  const after = charAfter(text, i + 1);
  return (before === '' || SEPARATOR.test(before)) && after !== '' && !/\s/u.test(after);
};
const closesAt = (text, j) => {
  const before = charBefore(text, j);
  const after = charAfter(text, j + 1);
  return before !== '' && !/\s/u.test(before) && (after === '' || SEPARATOR.test(after));
};

/**
 * Parses formatted text into nodes: { type: 'text', text } or
 * { type: 'bold' | 'italic' | 'strike', children } or { type: 'mono' | 'code', text }.
 */
export function parseFormatting(text) {
  const out = [];
  let plain = '';
  const flush = () => {
    if (plain) out.push({ type: 'text', text: plain });
    plain = '';
  };
  let i = 0;
  while (i < text.length) {
    if (text.startsWith('```', i)) {
      const close = text.indexOf('```', i + 3);
      if (close > i + 3) {
        flush();
        out.push({ type: 'mono', text: text.slice(i + 3, close) });
        i = close + 3;
        continue;
      }
    }
    const ch = text[i];
    const type = INLINE[ch];
    if (type && opensAt(text, i)) {
      const lineEnd = text.indexOf('\n', i);
      const limit = lineEnd === -1 ? text.length : lineEnd;
      let j = text.indexOf(ch, i + 2);
      while (j !== -1 && j < limit && !closesAt(text, j)) j = text.indexOf(ch, j + 1);
      if (j !== -1 && j < limit) {
        flush();
        const inner = text.slice(i + 1, j);
        out.push(type === 'code' ? { type, text: inner } : { type, children: parseFormatting(inner) });
        i = j + 1;
        continue;
      }
    }
    plain += ch;
    i += 1;
  }
  flush();
  return out;
}

const TAGS = { bold: 'strong', italic: 'em', strike: 's', mono: 'code', code: 'code' };

/**
 * DOM nodes for formatted text. `renderText(string)` turns plain runs into nodes (placeholders,
 * links); text only ever becomes text nodes.
 */
export function renderFormatted(text, renderText = (s) => [document.createTextNode(s)]) {
  const build = (nodes) => nodes.flatMap((n) => {
    if (n.type === 'text') return renderText(n.text);
    const el = document.createElement(TAGS[n.type]);
    el.className = `wa-${n.type}`;
    if (n.children) el.append(...build(n.children));
    else el.append(...renderText(n.text));
    return [el];
  });
  return build(parseFormatting(text));
}
