import { DOMParser } from 'linkedom';
import type { Diagnostic } from '../model/diagnostic.js';
import type { IngestItem } from '../model/ingest-item.js';
import type { ArticleFields } from './article-fields.js';
import { contentId } from './content-id.js';
import { ingestDiagnostic } from './ingest-diagnostic.js';
import { makeRawArticle } from './make-raw-article.js';
import { normalizePublished } from './normalize-published.js';

/** The few DOM members the feed reader uses (the project compiles without the DOM lib). */
interface XmlElement {
  readonly tagName: string;
  readonly textContent: string | null;
  readonly innerHTML: string;
  readonly children: ArrayLike<XmlElement>;
  getAttribute(name: string): string | null;
  getElementsByTagName(name: string): ArrayLike<XmlElement>;
}

/** Where a feed comes from. */
export interface FeedContext {
  readonly source: string;
  readonly flagPublished: string | null;
  readonly diagnostics: readonly Diagnostic[];
}

const PARSER = new DOMParser();
const TAGS = /<[^>]*>/g;
const HAS_TAG = /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>/i;

/**
 * An RSS 2.0 / RSS 1.0 (RDF) or Atom feed: each `<item>` / `<entry>` becomes an article with
 * source `path#n`. Title; link (Atom: `rel="alternate"` or the first link); `pubDate`,
 * `dc:date`, `published` or `updated`; body from `content:encoded`, `content`, `description`
 * or `summary` (as html, or as text when it holds no tags); outlet from the channel/feed title;
 * language from `<language>` or `xml:lang`. The id is a hash of the guid/Atom id (else link, else content), so a re-fetched
 * item keeps its id. Items without a body are `ingest/missing-body` failures; a document with no
 * items is one `ingest/invalid-feed` failure.
 */
export function parseFeed(xml: string, ctx: FeedContext): IngestItem[] {
  let root: XmlElement;
  try {
    root = (PARSER.parseFromString(xml, 'text/xml') as unknown as { documentElement: XmlElement }).documentElement;
  } catch (err) {
    return [invalid(ctx, `cannot parse XML (${err instanceof Error ? err.message : String(err)})`)];
  }
  if (root === null || root === undefined) return [invalid(ctx, 'cannot parse XML')];
  const isAtom = root.tagName.toLowerCase() === 'feed';
  const entries = Array.from(root.getElementsByTagName(isAtom ? 'entry' : 'item'));
  if (entries.length === 0) return [invalid(ctx, `no <${isAtom ? 'entry' : 'item'}> elements (not an RSS/Atom feed?)`)];
  const channel = isAtom ? root : (first(root, 'channel') ?? root);
  const outlet = directText(channel, 'title');
  const language = root.getAttribute('xml:lang') ?? directText(channel, 'language') ?? directText(channel, 'dc:language');
  return entries.map((entry, i) => {
    const n = i + 1;
    const source = `${ctx.source}#${n}`;
    const item = isAtom ? readAtomEntry(entry) : readRssItem(entry);
    const diagnostics = [...ctx.diagnostics];
    let published: string | null = null;
    if (item.date !== null) {
      published = normalizePublished(item.date);
      if (published === null) {
        const why = `${ctx.source} item ${n}: unreadable date ${JSON.stringify(item.date.slice(0, 40))}; ignored`;
        diagnostics.push(ingestDiagnostic('ingest/invalid-date', ctx.source, why));
      }
    }
    const id = contentId(item.guid ?? item.link ?? `${item.title ?? ''}\n${item.body?.html ?? item.body?.text ?? ''}`);
    if (item.body === null) {
      diagnostics.push(ingestDiagnostic('ingest/missing-body', ctx.source, `${ctx.source} item ${n}: no description or content`));
      return { kind: 'failure', source, id, diagnostics };
    }
    const fields: ArticleFields = {
      id,
      title: item.title,
      text: item.body.text,
      html: item.body.html,
      url: item.link,
      outlet,
      published,
      language: entry.getAttribute('xml:lang') ?? language,
    };
    const format = isAtom ? 'atom' : 'rss';
    return { kind: 'article', article: makeRawArticle(fields, { format, source, flagPublished: ctx.flagPublished, diagnostics }) };
  });
}

interface FeedEntry {
  readonly title: string | null;
  readonly link: string | null;
  readonly guid: string | null;
  readonly date: string | null;
  readonly body: FeedBody | null;
}

/** An item's body: markup, or plain text when it holds no tags. */
interface FeedBody {
  readonly html: string | null;
  readonly text: string | null;
}

function readRssItem(item: XmlElement): FeedEntry {
  return {
    title: directText(item, 'title'),
    link: directText(item, 'link') ?? item.getAttribute('rdf:about'),
    guid: directText(item, 'guid'),
    date: directText(item, 'pubDate') ?? directText(item, 'dc:date') ?? directText(item, 'published'),
    body: bodyOf(directText(item, 'content:encoded') ?? directText(item, 'description'), false),
  };
}

function readAtomEntry(entry: XmlElement): FeedEntry {
  let link: string | null = null;
  for (const child of Array.from(entry.children)) {
    if (child.tagName !== 'link') continue;
    const rel = child.getAttribute('rel');
    const href = child.getAttribute('href');
    if (href !== null && (rel === null || rel === 'alternate')) {
      link = href.trim();
      break;
    }
    link ??= href;
  }
  const titleEl = child(entry, 'title');
  const title = titleEl === null ? null : atomText(titleEl);
  return {
    title: title === null ? null : title.replace(TAGS, '').trim() || null,
    link,
    guid: directText(entry, 'id'),
    date: directText(entry, 'published') ?? directText(entry, 'updated'),
    body: atomBody(child(entry, 'content')) ?? atomBody(child(entry, 'summary')),
  };
}

/**
 * Atom text constructs: `type="xhtml"` holds markup, `html` escaped markup, `text` (the default)
 * plain text; an untyped one that holds tags is read as markup, as feeds in the wild do.
 */
function atomBody(el: XmlElement | null): FeedBody | null {
  if (el === null) return null;
  const type = el.getAttribute('type');
  const value = type === 'xhtml' ? el.innerHTML : el.textContent;
  return bodyOf(value, type === 'html' || type === 'xhtml' || type?.includes('html') === true);
}

function bodyOf(value: string | null | undefined, isHtml: boolean): FeedBody | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  return isHtml || HAS_TAG.test(value) ? { html: value, text: null } : { html: null, text: value };
}

function atomText(el: XmlElement): string | null {
  const value = el.getAttribute('type') === 'xhtml' ? el.innerHTML : el.textContent;
  return value === null || value.trim() === '' ? null : value;
}

/** The trimmed text of the first direct child named `tag`, or null. */
function directText(parent: XmlElement, tag: string): string | null {
  const el = child(parent, tag);
  const text = el?.textContent?.trim();
  return text === undefined || text === '' ? null : text;
}

function child(parent: XmlElement, tag: string): XmlElement | null {
  for (const c of Array.from(parent.children)) if (c.tagName === tag) return c;
  return null;
}

function first(parent: XmlElement, tag: string): XmlElement | null {
  return parent.getElementsByTagName(tag)[0] ?? null;
}

function invalid(ctx: FeedContext, why: string): IngestItem {
  return {
    kind: 'failure',
    source: ctx.source,
    id: null,
    diagnostics: [...ctx.diagnostics, ingestDiagnostic('ingest/invalid-feed', ctx.source, `${ctx.source}: ${why}`)],
  };
}
