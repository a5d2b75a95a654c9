import type { InputFormat, RawArticle } from '../model/article.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { ArticleFields } from './article-fields.js';
import { contentId } from './content-id.js';

/** Where an article came from and what to fill in when its fields are silent. */
export interface RawArticleContext {
  readonly format: InputFormat;
  readonly source: string;
  /** The id when the fields carry none (a file name); otherwise a hash of the content is used. */
  readonly fallbackId?: string | null;
  /** The `--published` date, applied only when the fields carry none. */
  readonly flagPublished: string | null;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Builds the RawArticle for read fields. Exactly one body is kept: `text` wins over `html`
 * when both are given. The id is the fields' id, else `fallbackId`, else {@link contentId} of
 * title and body. `published` comes from metadata (`publishedSource: 'metadata'`), else from the
 * flag (`'flag'`). Diagnostics are stamped with the article id.
 */
export function makeRawArticle(fields: ArticleFields, ctx: RawArticleContext): RawArticle {
  const text = fields.text;
  const html = text === null ? fields.html : null;
  const id = fields.id ?? ctx.fallbackId ?? contentId(fields.title, text ?? html);
  const fromMetadata = fields.published !== null;
  const published = fields.published ?? ctx.flagPublished;
  return {
    id,
    source: ctx.source,
    format: ctx.format,
    title: fields.title === null ? null : fields.title.trim(),
    text,
    html,
    url: fields.url === null ? null : fields.url.trim(),
    outlet: fields.outlet === null ? null : fields.outlet.trim(),
    published,
    publishedSource: fromMetadata ? 'metadata' : published === null ? null : 'flag',
    language: fields.language === null ? null : fields.language.trim(),
    diagnostics: ctx.diagnostics.map((d) => (d.articleId === undefined ? { ...d, articleId: id } : d)),
  };
}
