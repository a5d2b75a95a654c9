/**
 * Mapping between an {@link ExtractionResult} and the rows of `articles`, `article_events`,
 * `article_statements` and `article_diagnostics`. The JSON columns are authoritative; the other
 * columns are copies for filtering. Article fields the schema has no column for (extensions added
 * to `ArticleOutput` later) go to `extra_json`, so reading back is deep-equal to what was saved.
 * So does any field holding a lone UTF-16 surrogate, which SQLite's UTF-8 text would replace
 * by U+FFFD (three bytes) and so shift every span; JSON keeps it escaped.
 */
import type { Diagnostic } from '../../model/diagnostic.js';
import type { ArticleEvent, Statement } from '../../model/event.js';
import type { ArticleOutput, ExtractionResult } from '../../model/extraction.js';
import type { ArticleSummary, ArticleText, StoredArticle } from '../records.js';

/** The `articles` row, as selected with `SELECT *`. */
export interface ArticleRow {
  readonly id: string;
  readonly source: string;
  readonly title: string | null;
  readonly outlet: string | null;
  readonly url: string | null;
  readonly published: string | null;
  readonly published_source: string | null;
  readonly published_confidence: string | null;
  readonly language: string;
  readonly text: string;
  readonly extra_json: string | null;
  readonly versions_json: string | null;
  readonly event_count: number;
  readonly statement_count: number;
  readonly diagnostic_count: number;
  readonly content_hash: string;
  readonly ingested_at: string;
}

/** Columns of `articles` that hold an `ArticleOutput` field of the same name. */
const ARTICLE_FIELDS = [
  'id',
  'source',
  'title',
  'outlet',
  'url',
  'published',
  'published_source',
  'published_confidence',
  'language',
  'text',
] as const satisfies readonly (keyof ArticleOutput)[];

const ARTICLE_FIELD_SET: ReadonlySet<string> = new Set(ARTICLE_FIELDS);

/** A surrogate code unit that is not half of a pair (with `u`, pairs are one code point). */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/** SQL column list of {@link ArticleRow} (without `seq`). */
export const ARTICLE_COLUMN_NAMES: readonly (keyof ArticleRow)[] = [
  ...ARTICLE_FIELDS,
  'extra_json',
  'versions_json',
  'event_count',
  'statement_count',
  'diagnostic_count',
  'content_hash',
  'ingested_at',
];

/** The values of `row` in the order of {@link ARTICLE_COLUMN_NAMES}, for positional binding. */
export function articleRowValues(row: ArticleRow): (string | number | null)[] {
  return ARTICLE_COLUMN_NAMES.map((c) => row[c]);
}

/** The `articles` row for a result. */
export function toArticleRow(result: ExtractionResult, contentHash: string, ingestedAt: string): ArticleRow {
  const a = result.article;
  const extra: Record<string, unknown> = {};
  let hasExtra = false;
  for (const [key, value] of Object.entries(a)) {
    const lossy = typeof value === 'string' && LONE_SURROGATE.test(value);
    if ((!ARTICLE_FIELD_SET.has(key) || lossy) && value !== undefined) {
      extra[key] = value;
      hasExtra = true;
    }
  }
  return {
    id: a.id,
    source: a.source,
    title: a.title ?? null,
    outlet: a.outlet ?? null,
    url: a.url ?? null,
    published: a.published ?? null,
    published_source: a.published_source ?? null,
    published_confidence: a.published_confidence ?? null,
    language: a.language,
    text: a.text,
    extra_json: hasExtra ? JSON.stringify(extra) : null,
    versions_json: result.versions === undefined ? null : JSON.stringify(result.versions),
    event_count: result.events.length,
    statement_count: result.statements.length,
    diagnostic_count: result.diagnostics.length,
    content_hash: contentHash,
    ingested_at: ingestedAt,
  };
}

/** The JSON columns of an article's child rows, in article order. */
export interface ArticleChildren {
  readonly events: readonly string[];
  readonly statements: readonly string[];
  readonly diagnostics: readonly string[];
}

/** Rebuilds the saved {@link StoredArticle} from its row and child JSON. */
/** The text `fromArticleRows` gives an article: the column, unless `extra_json` holds an exact copy. */
export function articleTextOf(row: Pick<ArticleRow, 'id' | 'content_hash' | 'text' | 'extra_json'>): ArticleText {
  const extra = row.extra_json === null ? null : (JSON.parse(row.extra_json) as Record<string, unknown>);
  const text = extra !== null && Object.hasOwn(extra, 'text') ? (extra['text'] as string) : row.text;
  return { id: row.id, content_hash: row.content_hash, text };
}

export function fromArticleRows(row: ArticleRow, children: ArticleChildren): StoredArticle {
  const article: ArticleOutput = {
    id: row.id,
    source: row.source,
    title: row.title,
    outlet: row.outlet,
    url: row.url,
    published: row.published,
    published_source: row.published_source as ArticleOutput['published_source'],
    published_confidence: row.published_confidence as ArticleOutput['published_confidence'],
    language: row.language,
    text: row.text,
    // Last: extension fields, and exact copies of fields the text columns could not hold.
    ...(row.extra_json === null ? {} : (JSON.parse(row.extra_json) as Record<string, unknown>)),
  };
  const extraction: ExtractionResult = {
    article,
    events: children.events.map((json) => JSON.parse(json) as ArticleEvent),
    statements: children.statements.map((json) => JSON.parse(json) as Statement),
    diagnostics: children.diagnostics.map((json) => JSON.parse(json) as Diagnostic),
    ...(row.versions_json === null ? {} : { versions: JSON.parse(row.versions_json) as Record<string, string> }),
  };
  return { extraction, content_hash: row.content_hash, ingested_at: row.ingested_at };
}

/** What a resolver needs of an article's summary. */
export type SummaryFields = Pick<ArticleSummary, 'id' | 'outlet' | 'published' | 'title' | 'content_hash'>;

/**
 * The summary fields every store gives back for `result` saved under `contentHash`, so a caller
 * need not read back what it has just saved; null when a text column of either store could not
 * hold one of them as given (a lone surrogate becomes U+FFFD in SQLite's UTF-8 text, PostgreSQL
 * drops a NUL; their exact copies go to `extra_json`, which summaries do not read).
 */
export function summaryAsSaved(result: ExtractionResult, contentHash: string): SummaryFields | null {
  const { id, outlet, published, title } = result.article;
  for (const field of [outlet, published, title]) {
    if (typeof field === 'string' && (LONE_SURROGATE.test(field) || field.includes('\u0000'))) return null;
  }
  return { id, outlet: outlet ?? null, published: published ?? null, title: title ?? null, content_hash: contentHash };
}

/** The listing view of an article row. */
export function toArticleSummary(row: ArticleRow): ArticleSummary {
  return {
    id: row.id,
    source: row.source,
    title: row.title,
    outlet: row.outlet,
    url: row.url,
    published: row.published,
    language: row.language,
    event_count: row.event_count,
    statement_count: row.statement_count,
    diagnostic_count: row.diagnostic_count,
    content_hash: row.content_hash,
    ingested_at: row.ingested_at,
  };
}
