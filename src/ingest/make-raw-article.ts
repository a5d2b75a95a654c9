import type { InputFormat, RawArticle } from '../model/article.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { ArticleFields } from './article-fields.js';
import { contentId } from './content-id.js';
import { ingestDiagnostic } from './ingest-diagnostic.js';
import { wellFormed } from './well-formed-text.js';

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
export function makeRawArticle(given: ArticleFields, ctx: RawArticleContext): RawArticle {
  const { fields, repaired } = wellFormedFields(given);
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
    diagnostics: [
      ...ctx.diagnostics.map((d) => (d.articleId === undefined ? { ...d, articleId: id } : d)),
      ...(repaired.length === 0
        ? []
        : [ingestDiagnostic('ingest/ill-formed-unicode', ctx.source, `article ${id}: lone UTF-16 surrogates in ${repaired.join(', ')} replaced with U+FFFD`, id)]),
    ],
  };
}

const TEXT_FIELDS = ['id', 'title', 'text', 'html', 'url', 'outlet', 'published', 'language'] as const;

/** The fields with lone surrogates replaced (`well-formed-text.ts`), and the names of those changed. */
function wellFormedFields(fields: ArticleFields): { fields: ArticleFields; repaired: string[] } {
  const repaired: string[] = [];
  const out: Record<string, string | null> = { ...fields };
  for (const name of TEXT_FIELDS) {
    const value = fields[name];
    if (value === null) continue;
    const fixed = wellFormed(value);
    if (fixed.replaced === 0) continue;
    out[name] = fixed.text;
    repaired.push(`"${name}" (${fixed.replaced})`);
  }
  return repaired.length === 0 ? { fields, repaired } : { fields: out as unknown as ArticleFields, repaired };
}
