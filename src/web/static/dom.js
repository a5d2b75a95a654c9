// Safe DOM building: text is always set as text nodes, never parsed as HTML.
const SVG_NS = 'http://www.w3.org/2000/svg';

/** Creates an HTML element; string children become text nodes. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  for (const child of children.flat()) if (child !== null && child !== undefined && child !== false) node.append(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  return node;
}

/** Creates an SVG element. */
export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  setAttrs(node, attrs);
  for (const child of children.flat()) if (child !== null && child !== undefined) node.append(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  return node;
}

function setAttrs(node, attrs) {
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') node.addEventListener(k.slice(2), v);
    // Through the CSSOM: the page's Content-Security-Policy refuses style attributes in markup.
    else if (k === 'style') node.style.cssText = String(v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
}

/**
 * The article text as nodes, with the given spans wrapped in <mark class=...>. Spans are
 * {start, end, cls, title}; overlapping spans are merged (the first class wins).
 */
export function highlighted(text, spans) {
  const sorted = spans.filter((s) => s && s.end > s.start && s.start >= 0 && s.end <= text.length).sort((a, b) => a.start - b.start || b.end - a.end);
  const frag = document.createDocumentFragment();
  let at = 0;
  for (const s of sorted) {
    if (s.end <= at) continue;
    const start = Math.max(s.start, at);
    if (start > at) frag.append(document.createTextNode(text.slice(at, start)));
    frag.append(el('mark', { class: s.cls, title: s.title ?? null }, text.slice(start, s.end)));
    at = s.end;
  }
  if (at < text.length) frag.append(document.createTextNode(text.slice(at)));
  return frag;
}

/** Removes every child of `node`. */
export function clear(node) {
  while (node.firstChild) node.firstChild.remove();
  return node;
}
