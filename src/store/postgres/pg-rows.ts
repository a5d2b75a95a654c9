/**
 * Row values for PostgreSQL. The SQLite row mappings (`../sqlite/*-rows.ts`, `event-columns.ts`)
 * are reused unchanged; this adds the one thing PostgreSQL text cannot hold that SQLite can: the
 * NUL character. A NUL is dropped from plain text columns (copies for filtering and search) and
 * the exact article field is kept in `extra_json`, which `fromArticleRows` reads last, so a round
 * trip stays deep-equal. JSON columns need nothing: `JSON.stringify` escapes NUL as `\u0000`.
 */
import type { ExtractionResult } from '../../model/extraction.js';
import { ARTICLE_COLUMN_NAMES, type ArticleRow, toArticleRow } from '../sqlite/article-rows.js';
import type { EventColumnValue } from '../sqlite/event-columns.js';

const NUL = /\u0000/g;
const HAS_NUL = /\u0000/;

/** `value` with NUL characters removed when it is a string. */
export function pgText<T>(value: T): T {
  return (typeof value === 'string' && HAS_NUL.test(value) ? value.replace(NUL, '') : value) as T;
}

/** Column values with NULs removed from strings. */
export function pgValues(values: readonly EventColumnValue[]): EventColumnValue[] {
  return values.map(pgText);
}

/** The `articles` row for a result, safe for PostgreSQL text (see the module comment). */
export function toPgArticleRow(result: ExtractionResult, contentHash: string, ingestedAt: string): ArticleRow {
  const row = toArticleRow(result, contentHash, ingestedAt);
  const lossy: Record<string, unknown> = {};
  let any = false;
  for (const [key, value] of Object.entries(result.article)) {
    if (typeof value === 'string' && HAS_NUL.test(value)) {
      lossy[key] = value;
      any = true;
    }
  }
  if (!any) return row;
  const extra = { ...(row.extra_json === null ? {} : (JSON.parse(row.extra_json) as Record<string, unknown>)), ...lossy };
  const cleaned: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) cleaned[key] = pgText(value);
  return { ...(cleaned as unknown as ArticleRow), extra_json: JSON.stringify(extra) };
}

/** The values of `row` in the order of `ARTICLE_COLUMN_NAMES`. */
export function pgArticleRowValues(row: ArticleRow): (string | number | null)[] {
  return ARTICLE_COLUMN_NAMES.map((c) => row[c]);
}

/**
 * Transposes rows into one array per column, for `INSERT … SELECT * FROM unnest($1::t[], …)`:
 * one statement and one round trip for any number of rows.
 */
export function toColumns(rows: readonly (readonly unknown[])[], width: number): unknown[][] {
  const columns: unknown[][] = Array.from({ length: width }, () => []);
  for (const row of rows) {
    for (let i = 0; i < width; i++) columns[i]!.push(row[i] ?? null);
  }
  return columns;
}

/** `unnest($1::text[], $2::int[], …)` for the given PostgreSQL element types. */
export function unnestSql(types: readonly string[], first = 1): string {
  return `unnest(${types.map((t, i) => `$${first + i}::${t}[]`).join(', ')})`;
}
