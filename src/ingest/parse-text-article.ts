import type { InputFormat } from '../model/article.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { IngestItem } from '../model/ingest-item.js';
import { NO_FIELDS, type ArticleFields } from './article-fields.js';
import { contentId } from './content-id.js';
import { ingestDiagnostic } from './ingest-diagnostic.js';
import { makeRawArticle } from './make-raw-article.js';

/** What a single-article text or HTML input needs besides its content. */
export interface SingleArticleContext {
  readonly source: string;
  /** The file name without extension; null for stdin (a content hash is used). */
  readonly fileId: string | null;
  /** Metadata from a `NAME.meta.json` sidecar; its `text`/`html` are ignored. */
  readonly sidecar: ArticleFields | null;
  readonly flagPublished: string | null;
  readonly diagnostics: readonly Diagnostic[];
}

const FIRST_LINE = /^[ \t\f\v\r\n\u00a0\ufeff]*([^\r\n]*)(?:\r?\n|\r|$)/;

/**
 * A plain-text article: the first non-empty line is the title, the rest the body (`text` does
 * not repeat the title line). A sidecar's fields win over the derived title and the file-name id.
 * A file with a title line and nothing else is an `ingest/missing-body` failure.
 */
export function parseTextArticle(content: string, ctx: SingleArticleContext): IngestItem {
  const m = FIRST_LINE.exec(content) as RegExpExecArray;
  const titleLine = (m[1] as string).trim();
  const body = content.slice(m[0].length);
  const meta = ctx.sidecar ?? NO_FIELDS;
  const id = meta.id ?? ctx.fileId ?? contentId(content);
  if (body.trim() === '') {
    return {
      kind: 'failure',
      source: ctx.source,
      id,
      diagnostics: [...ctx.diagnostics, ingestDiagnostic('ingest/missing-body', ctx.source, `${ctx.source}: a title line but no body text`, id)],
    };
  }
  const fields: ArticleFields = { ...meta, id, title: meta.title ?? (titleLine === '' ? null : titleLine), text: body, html: null };
  return { kind: 'article', article: makeRawArticle(fields, { ...ctx, format: 'txt' }) };
}

/**
 * A whole HTML page (or fragment): kept raw in `html`; title, outlet, url, date and language are
 * read from its tags by the clean stage. The id is the sidecar's, else the file name, else a hash.
 * `--published` is set here as a provisional `flag` date; page metadata found while cleaning wins.
 */
export function parseHtmlArticle(content: string, ctx: SingleArticleContext, format: InputFormat = 'html'): IngestItem {
  const meta = ctx.sidecar ?? NO_FIELDS;
  const fields: ArticleFields = { ...meta, id: meta.id ?? ctx.fileId ?? contentId(content), text: null, html: content };
  return { kind: 'article', article: makeRawArticle(fields, { ...ctx, format }) };
}
