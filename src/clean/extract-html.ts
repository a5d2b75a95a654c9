import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { Block } from './block.js';
import { ELEMENT_NODE, type DomDocument, type DomNode } from './dom-node.js';
import { htmlBlocks } from './html-blocks.js';
import { readHtmlMetadata, type HtmlMetadata } from './html-metadata.js';
import { textBlocks } from './normalize-text.js';

/** How the body of a page was found. */
export type HtmlMethod =
  | 'readability' // Readability picked the article container
  | 'fragment' // markup without <html>/<body> (feed items, stored bodies): every block is kept
  | 'dom-fallback' // Readability found too little: all blocks outside nav/header/footer/aside/form
  | 'strip-tags'; // the parser failed: tags removed with regular expressions

/** A page's metadata and body blocks. */
export interface HtmlExtraction extends HtmlMetadata {
  readonly blocks: readonly Block[];
  readonly method: HtmlMethod;
}

/** Below this many characters of text, Readability's pick is not trusted. */
const MIN_ARTICLE_CHARS = 140;
/**
 * Readability's time grows steeply with element nesting (measured with linkedom: depth 100
 * 0.2 s, 400 1.7 s, 1,000 16 s); real pages stay under ~60. Deeper documents skip it.
 */
const MAX_READABILITY_DEPTH = 120;
/** Readability refuses documents with more elements than this (it throws; we fall back). */
const MAX_READABILITY_ELEMENTS = 30_000;
const PAGE = /<(?:html|head|body|title)[\s>]/i;
const EMPTY_META: HtmlMetadata = { title: null, outlet: null, url: null, published: null, language: null };

/**
 * HTML → title, metadata and body paragraphs, with `@mozilla/readability` on `linkedom`.
 * Fragments skip Readability (they are the article already), and so do documents nested over
 * 120 elements deep or with over 30,000 elements (Readability slows down badly on those). When
 * Readability returns nothing or under 140 characters, the whole page minus its chrome is used. Malformed markup never
 * throws: the parser is lenient, and if it fails anyway the tags are stripped with regexes.
 */
export function extractHtml(html: string): HtmlExtraction {
  const isPage = PAGE.test(html);
  let document: DomDocument;
  try {
    document = parse(isPage ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`);
  } catch {
    return { ...EMPTY_META, blocks: stripTags(html), method: 'strip-tags' };
  }
  if (!isPage) return { ...EMPTY_META, blocks: rootBlocks(document, false), method: 'fragment' };
  const meta = readHtmlMetadata(document);
  let article: ReturnType<Readability<DomNode>['parse']> = null;
  if (document.documentElement !== null && !deeperThan(document.documentElement, MAX_READABILITY_DEPTH)) {
    try {
      article = new Readability<DomNode>(document as never, {
        serializer: (node: unknown) => node as DomNode,
        maxElemsToParse: MAX_READABILITY_ELEMENTS,
      }).parse();
    } catch {
      article = null;
    }
  }
  const blocks = article?.content ? htmlBlocks(article.content) : [];
  const title = meta.title ?? (article?.title?.trim() || null);
  if (textLength(blocks) >= MIN_ARTICLE_CHARS) return { ...meta, title, blocks, method: 'readability' };
  try {
    // Readability modified the document: read the page again, without its chrome.
    return { ...meta, title, blocks: rootBlocks(parse(html), true), method: 'dom-fallback' };
  } catch {
    return { ...meta, title, blocks: stripTags(html), method: 'strip-tags' };
  }
}

function parse(html: string): DomDocument {
  return parseHTML(html).document as unknown as DomDocument;
}

function rootBlocks(document: DomDocument, skipChrome: boolean): Block[] {
  const body = document.body;
  // linkedom leaves <body> empty when a page has <html> but no <body>: walk the whole tree then.
  const root = body !== null && body.childNodes.length > 0 ? body : document.documentElement;
  return root === null ? [] : htmlBlocks(root, { skipChrome });
}

/** True when some element is nested more than `limit` deep (iterative: no stack overflow). */
function deeperThan(root: DomNode, limit: number): boolean {
  const stack: [DomNode, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [DomNode, number];
    if (depth > limit) return true;
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) {
      const child = children[i] as DomNode;
      if (child.nodeType === ELEMENT_NODE) stack.push([child, depth + 1]);
    }
  }
  return false;
}

function textLength(blocks: readonly Block[]): number {
  let n = 0;
  for (const b of blocks) n += b.text.length;
  return n;
}

const STRIP_SKIPPED = /<(script|style|noscript|template|svg|head)\b[\s\S]*?<\/\1\s*>/gi;
const STRIP_BLOCK = /<\/?(?:p|div|br|li|h[1-6]|tr|td|th|blockquote|section|article|header|footer|figcaption|pre|ul|ol|table)\b[^>]*>/gi;
const STRIP_TAG = /<[^>]*>?/g;
const ENTITY = /&(?:#(\d{1,7})|#x([\da-f]{1,6})|(amp|lt|gt|quot|apos|nbsp));/gi;
const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Last resort for markup the parser rejects: drop scripts and tags, keep block boundaries as lines. */
function stripTags(html: string): Block[] {
  const text = html
    .replace(STRIP_SKIPPED, ' ')
    .replace(STRIP_BLOCK, '\n')
    .replace(STRIP_TAG, '')
    .replace(ENTITY, (_, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
      const code = dec !== undefined ? Number(dec) : hex !== undefined ? parseInt(hex, 16) : -1;
      if (code >= 0) return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
      return NAMED[(name as string).toLowerCase()] ?? '';
    });
  return textBlocks(text);
}
