import { normalizePublished } from '../ingest/normalize-published.js';
import type { DomDocument } from './dom-node.js';
import { normalizeLine } from './normalize-text.js';

/** Article metadata read from a page's tags; null where the page says nothing. */
export interface HtmlMetadata {
  readonly title: string | null;
  readonly outlet: string | null;
  readonly url: string | null;
  /** Normalised ISO date or date-time (see `normalizePublished`). */
  readonly published: string | null;
  /** Primary language subtag, lower case (`en-US` → `en`). */
  readonly language: string | null;
}

type Json = Record<string, unknown>;

const ARTICLE_TYPE = /Article|BlogPosting|Report|LiveBlog/i;
const DATE_META = [
  'article:published_time', 'og:published_time', 'datepublished', 'pubdate', 'publishdate', 'publish-date', 'publish_date',
  'dc.date.issued', 'dc.date', 'dcterms.created', 'dcterms.issued', 'sailthru.date', 'parsely-pub-date', 'article.published', 'date',
];

/**
 * Reads title (`og:title`, `twitter:title`, JSON-LD `headline`, `<title>`), outlet
 * (`og:site_name`, JSON-LD `publisher.name`, `application-name`), canonical url
 * (`<link rel=canonical>`, `og:url`, JSON-LD `url`), publication date (`article:published_time`,
 * JSON-LD `datePublished` of a NewsArticle/Article, then common `<meta>` names) and language
 * (`<html lang>`, `content-language`, `og:locale`, JSON-LD `inLanguage`). Read before
 * Readability runs: it modifies the document. Never throws; bad JSON-LD is skipped.
 */
export function readHtmlMetadata(document: DomDocument): HtmlMetadata {
  const meta = new Map<string, string>();
  for (const el of Array.from(document.querySelectorAll('meta'))) {
    const attr = (name: string): string | null | undefined => el.getAttribute?.(name);
    const key = (attr('property') ?? attr('name') ?? attr('itemprop') ?? attr('http-equiv'))?.toLowerCase();
    const content = attr('content')?.trim();
    if (key !== undefined && content !== undefined && content !== '' && !meta.has(key)) meta.set(key, content);
  }
  const ld = jsonLdArticle(document);
  const ldString = (key: string): string | null => (ld !== null && typeof ld[key] === 'string' ? (ld[key] as string) : null);
  const publisher = ld?.['publisher'];
  const publisherName = typeof publisher === 'object' && publisher !== null && !Array.isArray(publisher) ? (publisher as Json)['name'] : null;

  const title = meta.get('og:title') ?? meta.get('twitter:title') ?? ldString('headline') ?? nonEmpty(document.title);
  const outlet = meta.get('og:site_name') ?? (typeof publisherName === 'string' ? publisherName : null) ?? meta.get('application-name');
  const canonical = Array.from(document.querySelectorAll('link[rel="canonical"]'))[0]?.getAttribute?.('href');
  const url = nonEmpty(canonical) ?? meta.get('og:url') ?? ldString('url');
  const language =
    nonEmpty(document.documentElement?.getAttribute?.('lang')) ?? meta.get('content-language') ?? meta.get('og:locale') ?? ldString('inLanguage');
  let published: string | null = null;
  for (const candidate of [meta.get('article:published_time'), ldString('datePublished'), ...DATE_META.map((k) => meta.get(k))]) {
    published = candidate === undefined || candidate === null ? null : normalizePublished(candidate);
    if (published !== null) break;
  }
  return {
    title: clean(title),
    outlet: clean(outlet),
    url: clean(url),
    published,
    language: language === null || language === undefined ? null : primaryLanguage(language),
  };
}

/** `en-US`, `en_GB`, `EN` → `en`; null for anything that is not a language tag. */
export function primaryLanguage(tag: string): string | null {
  const m = /^\s*([a-z]{2,3})(?:[-_][a-z0-9]+)*\s*$/i.exec(tag);
  return m === null ? null : (m[1] as string).toLowerCase();
}

/** The first JSON-LD object typed as an article (searching arrays and `@graph`), else the first with `datePublished`. */
function jsonLdArticle(document: DomDocument): Json | null {
  let dated: Json | null = null;
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    let value: unknown;
    try {
      value = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const queue: unknown[] = [value];
    for (let i = 0; i < queue.length && i < 200; i++) {
      const item = queue[i];
      if (Array.isArray(item)) queue.push(...item);
      else if (typeof item === 'object' && item !== null) {
        const obj = item as Json;
        const type = obj['@type'];
        const types = Array.isArray(type) ? type : [type];
        if (types.some((t) => typeof t === 'string' && ARTICLE_TYPE.test(t))) return obj;
        if (dated === null && typeof obj['datePublished'] === 'string') dated = obj;
        if (obj['@graph'] !== undefined) queue.push(obj['@graph']);
      }
    }
  }
  return dated;
}

function nonEmpty(s: string | null | undefined): string | null {
  return s === null || s === undefined || s.trim() === '' ? null : s.trim();
}

function clean(s: string | null | undefined): string | null {
  return s === null || s === undefined ? null : nonEmpty(normalizeLine(s));
}
