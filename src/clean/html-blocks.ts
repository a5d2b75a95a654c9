import type { Block, BlockHint } from './block.js';
import { ELEMENT_NODE, TEXT_NODE, type DomNode } from './dom-node.js';
import { normalizeLine } from './normalize-text.js';

/** Elements that start and end a paragraph. */
const BLOCK_ELEMENTS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'CAPTION', 'CENTER', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET',
  'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP', 'HR', 'LI', 'MAIN', 'NAV',
  'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);
/** Elements whose content is never article text. */
const SKIPPED = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'MATH', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'VIDEO', 'AUDIO',
  'BUTTON', 'SELECT', 'INPUT', 'TEXTAREA', 'HEAD', 'TITLE', 'META', 'LINK',
]);
/** Also skipped when walking a whole page without Readability: site chrome. */
const CHROME = new Set(['NAV', 'HEADER', 'FOOTER', 'ASIDE', 'FORM', 'MENU', 'DIALOG']);
const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'dialog', 'alertdialog', 'menu']);
const HINTS: Readonly<Record<string, BlockHint>> = {
  H1: 'heading', H2: 'heading', H3: 'heading', H4: 'heading', H5: 'heading', H6: 'heading',
  BLOCKQUOTE: 'quote', FIGCAPTION: 'caption', CAPTION: 'caption',
};

/** Options of {@link htmlBlocks}. */
export interface HtmlBlocksOptions {
  /** Skip navigation, header, footer, aside, form and hidden elements (for pages Readability could not read). */
  readonly skipChrome?: boolean;
}

/**
 * The paragraphs of a DOM subtree: text is gathered until a block element (`<p>`, `<div>`,
 * `<li>`, `<h2>`, `<br>`…) opens or closes, then becomes one block with whitespace collapsed.
 * Headings, block quotes and figure captions carry a hint. Iterative, so deeply nested markup
 * cannot overflow the stack.
 */
export function htmlBlocks(root: DomNode, opts: HtmlBlocksOptions = {}): Block[] {
  const blocks: Block[] = [];
  const hints: BlockHint[] = [];
  let buffer = '';
  const flush = (): void => {
    if (buffer !== '') {
      const text = normalizeLine(buffer);
      if (text !== '') blocks.push({ text, hint: hints[hints.length - 1] ?? null });
      buffer = '';
    }
  };
  // A stack of nodes to enter, and of markers to leave an element (its hint and block status).
  const stack: (DomNode | { readonly leave: string })[] = [root];
  while (stack.length > 0) {
    const item = stack.pop() as DomNode | { readonly leave: string };
    if ('leave' in item) {
      if (BLOCK_ELEMENTS.has(item.leave)) flush();
      if (HINTS[item.leave] !== undefined) hints.pop();
      continue;
    }
    if (item.nodeType === TEXT_NODE) {
      buffer += item.textContent ?? '';
      continue;
    }
    if (item.nodeType !== ELEMENT_NODE) continue;
    const name = item.nodeName.toUpperCase();
    if (SKIPPED.has(name) || (opts.skipChrome === true && isChrome(item, name))) continue;
    if (BLOCK_ELEMENTS.has(name)) flush();
    const hint = HINTS[name];
    if (hint !== undefined) hints.push(innerHint(hints, hint));
    stack.push({ leave: name });
    const children = item.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as DomNode);
  }
  flush();
  return blocks;
}

/** A caption or quote keeps its kind for headings inside it; otherwise the innermost hint wins. */
function innerHint(hints: readonly BlockHint[], hint: BlockHint): BlockHint {
  const outer = hints[hints.length - 1];
  return outer === 'caption' ? 'caption' : hint;
}

function isChrome(node: DomNode, name: string): boolean {
  if (CHROME.has(name)) return true;
  const role = node.getAttribute?.('role');
  if (role !== null && role !== undefined && CHROME_ROLES.has(role.toLowerCase())) return true;
  const hidden = node.getAttribute?.('hidden');
  return (hidden !== null && hidden !== undefined) || node.getAttribute?.('aria-hidden') === 'true';
}
