import { MAX_RANGE_DAYS } from '../sqlite/event-filter-sql.js';
import { shiftDay } from '../../model/calendar.js';
import { StoreError } from '../errors.js';
import type { MergedEventFilter } from '../store.js';

/** A WHERE clause (`TRUE` when empty), its positional parameters, and the paging clause. */
export interface PgFilterSql {
  readonly where: string;
  readonly params: unknown[];
  /** `LIMIT $n OFFSET $m`, or an empty string. */
  readonly page: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The PostgreSQL version of `eventFilterSql` (same filter, same meaning): builds the WHERE clause
 * over a table with the shared event columns, with `$n` parameters appended to `params`. Lists
 * are bound as one array parameter (`= ANY($n)`), so one filter shape gives one SQL text.
 */
export function pgEventFilterSql(
  filter: MergedEventFilter,
  alias: string,
  articleScope: 'column' | 'reports',
  params: unknown[] = [],
): PgFilterSql {
  const clauses: string[] = [];
  const bind = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  for (const key of ['from', 'to'] as const) {
    const value = filter[key];
    if (value !== undefined && !DATE.test(value)) {
      throw new StoreError('store/invalid-argument', `Event filter "${key}" must be YYYY-MM-DD, got "${value}".`);
    }
  }
  if (filter.from !== undefined) {
    // As in SQLite: a lower bound on `date` itself lets the index serve the window.
    clauses.push(`coalesce(${alias}.date_end, ${alias}.date) >= ${bind(filter.from)}`);
    clauses.push(`${alias}.date >= ${bind(shiftDay(filter.from, -MAX_RANGE_DAYS))}`);
  }
  if (filter.to !== undefined) clauses.push(`${alias}.date <= ${bind(filter.to)}`);
  if (filter.eventTypes !== undefined) clauses.push(`${alias}.event_type = ANY(${bind([...filter.eventTypes])}::text[])`);
  if (filter.subEventTypes !== undefined) clauses.push(`${alias}.sub_event_type = ANY(${bind([...filter.subEventTypes])}::text[])`);
  if (filter.side !== undefined) {
    const p = bind(filter.side);
    clauses.push(`(${alias}.side1 = ${p} OR ${alias}.side2 = ${p})`);
  }
  if (filter.includeBackground !== true) clauses.push(`${alias}.background = 0`);
  if (filter.articleId !== undefined) {
    const p = bind(filter.articleId);
    clauses.push(
      articleScope === 'column'
        ? `${alias}.article_id = ${p}`
        : `${alias}.id IN (SELECT r.event_id FROM event_reports r WHERE r.article_id = ${p})`,
    );
  }
  if (filter.articleIds !== undefined) {
    const p = bind([...filter.articleIds]);
    clauses.push(
      articleScope === 'column'
        ? `${alias}.article_id = ANY(${p}::text[])`
        : `${alias}.id IN (SELECT r.event_id FROM event_reports r WHERE r.article_id = ANY(${p}::text[]))`,
    );
  }
  if (filter.storyId !== undefined) clauses.push(`${alias}.story_id = ${bind(filter.storyId)}`);
  if (filter.updatedSince !== undefined) clauses.push(`${alias}.updated_at >= ${bind(filter.updatedSince)}`);
  addApiClauses(filter, alias, articleScope, clauses, bind);
  return { where: clauses.length > 0 ? clauses.join(' AND ') : 'TRUE', params, page: pgPageSql(filter, params) };
}

/** `LIMIT $n OFFSET $m` for the paging options that are set (validated), appending the params. */
export function pgPageSql(opts: { readonly limit?: number; readonly offset?: number }, params: unknown[]): string {
  for (const key of ['limit', 'offset'] as const) {
    const value = opts[key];
    if (value !== undefined && (!Number.isInteger(value) || value < 0)) {
      throw new StoreError('store/invalid-argument', `"${key}" must be a non-negative integer, got ${value}.`);
    }
  }
  if (opts.limit === undefined && opts.offset === undefined) return '';
  params.push(opts.limit ?? null, opts.offset ?? 0);
  return `LIMIT $${params.length - 1} OFFSET $${params.length}`;
}

const articleIdsSql = (alias: string, articleScope: 'column' | 'reports', articleWhere: string): string =>
  articleScope === 'column'
    ? `${alias}.article_id IN (SELECT a.id FROM articles a WHERE ${articleWhere})`
    : `${alias}.id IN (SELECT r.event_id FROM event_reports r JOIN articles a ON a.id = r.article_id WHERE ${articleWhere})`;

/** The filters added for the HTTP API (bbox, actor, outlet, ceasefire, text, keyset cursor), as in SQLite. */
function addApiClauses(
  filter: MergedEventFilter,
  alias: string,
  articleScope: 'column' | 'reports',
  clauses: string[],
  bind: (value: unknown) => string,
): void {
  if (filter.nearBox !== undefined) {
    const b = filter.nearBox;
    if (![b.west, b.south, b.east, b.north].every(Number.isFinite)) throw new StoreError('store/invalid-argument', 'Event filter "nearBox" must be finite.');
    clauses.push(`(${alias}.lat IS NULL OR (${alias}.lon BETWEEN ${bind(b.west)} AND ${bind(b.east)} AND ${alias}.lat BETWEEN ${bind(b.south)} AND ${bind(b.north)}))`);
  }
  const { bbox } = filter;
  if (bbox !== undefined) {
    const values = [bbox.west, bbox.south, bbox.east, bbox.north];
    if (!values.every(Number.isFinite) || bbox.west > bbox.east || bbox.south > bbox.north) {
      throw new StoreError('store/invalid-argument', 'Event filter "bbox" must be finite with west <= east and south <= north.');
    }
    clauses.push(
      `${alias}.lon BETWEEN ${bind(bbox.west)} AND ${bind(bbox.east)} AND ${alias}.lat BETWEEN ${bind(bbox.south)} AND ${bind(bbox.north)}`,
    );
  }
  if (filter.actor !== undefined) clauses.push(`strpos(${alias}.actor_names, ${bind(filter.actor.toLowerCase())}) > 0`);
  if (filter.outlet !== undefined) clauses.push(articleIdsSql(alias, articleScope, `a.outlet = ${bind(filter.outlet)}`));
  if (filter.ceasefireViolation !== undefined) clauses.push(`${alias}.ceasefire_violation = ${filter.ceasefireViolation ? 1 : 0}`);
  if (filter.text !== undefined) {
    const terms = filter.text.match(/[\p{L}\p{N}]+/gu) ?? [];
    clauses.push(terms.length === 0 ? 'FALSE' : articleIdsSql(alias, articleScope, `a.fts @@ plainto_tsquery('simple', ${bind(terms.join(' '))})`));
  }
  if (filter.after !== undefined) {
    if (articleScope === 'column') throw new StoreError('store/invalid-argument', 'The "after" cursor applies to merged events only.');
    const { date, id } = filter.after;
    if (date !== null && !DATE.test(date)) {
      throw new StoreError('store/invalid-argument', `Cursor date must be YYYY-MM-DD or null, got "${date}".`);
    }
    // The order is (date IS NULL, date, id): dated events first, undated ones last.
    if (date === null) {
      clauses.push(`(${alias}.date IS NULL AND ${alias}.id > ${bind(id)})`);
    } else {
      const d = bind(date);
      clauses.push(`(${alias}.date > ${d} OR (${alias}.date = ${d} AND ${alias}.id > ${bind(id)}) OR ${alias}.date IS NULL)`);
    }
  }
}
