import type { Diagnostic } from '../model/diagnostic.js';
import type { IngestItem } from '../model/ingest-item.js';
import { readArticleFields } from './article-fields.js';
import { ingestDiagnostic } from './ingest-diagnostic.js';
import { makeRawArticle } from './make-raw-article.js';

/** Where a batch of article objects comes from. */
export interface BatchContext {
  /** The file path, or `-` for stdin. */
  readonly source: string;
  readonly format: 'json' | 'jsonl';
  readonly flagPublished: string | null;
  /** File-level diagnostics (e.g. invalid UTF-8) attached to every article of the file. */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * A `.json` file: one article object, or an array of them (item `n` gets source `path#n`,
 * 1-based). Unparseable JSON is one `ingest/invalid-json` failure for the file; an empty array
 * an `ingest/no-articles` failure (severity warning).
 */
export function parseJsonBatch(text: string, ctx: BatchContext): IngestItem[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return [failure(ctx, ctx.source, ingestDiagnostic('ingest/invalid-json', ctx.source, `${ctx.source}: invalid JSON (${errorText(err)})`))];
  }
  if (!Array.isArray(value)) return [articleFromValue(value, null, ctx)];
  if (value.length === 0) {
    return [failure(ctx, ctx.source, ingestDiagnostic('ingest/no-articles', ctx.source, `${ctx.source}: empty JSON array`))];
  }
  return value.map((item, i) => articleFromValue(item, i + 1, ctx));
}

/**
 * One JSONL line (`n` is its 1-based line number). Blank lines yield null; a line that does not
 * parse is an `ingest/invalid-json` failure for that line only.
 */
export function parseJsonLine(line: string, n: number, ctx: BatchContext): IngestItem | null {
  if (line.trim() === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    const source = `${ctx.source}#${n}`;
    return failure(ctx, source, ingestDiagnostic('ingest/invalid-json', ctx.source, `${ctx.source} line ${n}: invalid JSON (${errorText(err)})`));
  }
  return articleFromValue(value, n, ctx);
}

/**
 * One parsed article object; `n` is its line or item number, null for a lone object. Anything
 * but an object is `ingest/invalid-article`; an object without `text` or `html`
 * `ingest/missing-body`. A missing id becomes a content hash.
 */
export function articleFromValue(value: unknown, n: number | null, ctx: BatchContext): IngestItem {
  const source = n === null ? ctx.source : `${ctx.source}#${n}`;
  const where = n === null ? ctx.source : `${ctx.source} ${ctx.format === 'jsonl' ? 'line' : 'item'} ${n}`;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const what = Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value;
    return failure(ctx, source, ingestDiagnostic('ingest/invalid-article', ctx.source, `${where}: expected an article object, got ${what}`));
  }
  const { fields, diagnostics } = readArticleFields(value as Record<string, unknown>, ctx.source, where);
  if (fields.text === null && fields.html === null) {
    const missing = ingestDiagnostic('ingest/missing-body', ctx.source, `${where}: article has neither "text" nor "html"`);
    return { kind: 'failure', source, id: fields.id, diagnostics: [...ctx.diagnostics, ...diagnostics, missing] };
  }
  const article = makeRawArticle(fields, {
    format: ctx.format,
    source,
    flagPublished: ctx.flagPublished,
    diagnostics: [...ctx.diagnostics, ...diagnostics],
  });
  return { kind: 'article', article };
}

/** A failure item carrying the file-level diagnostics too (invalid UTF-8 may be why JSON broke). */
function failure(ctx: BatchContext, source: string, diagnostic: Diagnostic): IngestItem {
  return { kind: 'failure', source, id: null, diagnostics: [...ctx.diagnostics, diagnostic] };
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
