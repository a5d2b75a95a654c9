import { StoreError } from '../errors.js';
import { shiftDay } from '../../model/calendar.js';

/** Longest date range (`date` to `date_end`) an event may have; longer ones are cut by window filters. */
export const MAX_RANGE_DAYS = 31;


import type { MergedEventFilter } from '../store.js';

/** A WHERE clause (without the keyword; `1` when empty) and its named parameters. */
export interface FilterSql {
  readonly where: string;
  readonly params: Record<string, string | number>;
  /** `LIMIT … OFFSET …`, or an empty string. */
  readonly page: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Builds the WHERE clause for an event filter over a table with the shared event columns
 * (`alias.date`, `alias.side1`…). Lists are bound as one JSON parameter (`IN json_each(?)`), so
 * a filter shape always yields the same SQL text and its prepared statement is reused.
 *
 * `articleScope` says how "reported by article X" is expressed for this table: article events
 * have an `article_id` column, merged events go through `event_reports`.
 */
export function eventFilterSql(filter: MergedEventFilter, alias: string, articleScope: 'column' | 'reports'): FilterSql {
  const clauses: string[] = [];
  const params: Record<string, string | number> = {};
  for (const key of ['from', 'to'] as const) {
    const value = filter[key];
    if (value !== undefined && !DATE.test(value)) {
      throw new StoreError('store/invalid-argument', `Event filter "${key}" must be YYYY-MM-DD, got "${value}".`);
    }
  }
  if (filter.from !== undefined) {
    // The second bound lets the date index serve the window (an event's range never spans more
    // than MAX_RANGE_DAYS), so a window query costs the window, not the whole history.
    clauses.push(`coalesce(${alias}.date_end, ${alias}.date) >= @from`, `${alias}.date >= @fromLow`);
    params.from = filter.from;
    params.fromLow = shiftDay(filter.from, -MAX_RANGE_DAYS);
  }
  if (filter.to !== undefined) {
    clauses.push(`${alias}.date <= @to`);
    params.to = filter.to;
  }
  if (filter.eventTypes !== undefined) {
    clauses.push(`${alias}.event_type IN (SELECT value FROM json_each(@eventTypes))`);
    params.eventTypes = JSON.stringify(filter.eventTypes);
  }
  if (filter.subEventTypes !== undefined) {
    clauses.push(`${alias}.sub_event_type IN (SELECT value FROM json_each(@subEventTypes))`);
    params.subEventTypes = JSON.stringify(filter.subEventTypes);
  }
  if (filter.side !== undefined) {
    clauses.push(`(${alias}.side1 = @side OR ${alias}.side2 = @side)`);
    params.side = filter.side;
  }
  if (filter.includeBackground !== true) clauses.push(`${alias}.background = 0`);
  if (filter.articleId !== undefined) {
    clauses.push(
      articleScope === 'column'
        ? `${alias}.article_id = @articleId`
        : // IN (not EXISTS): drives the query from the event_reports_article index instead of scanning events.
          `${alias}.id IN (SELECT r.event_id FROM event_reports r WHERE r.article_id = @articleId)`,
    );
    params.articleId = filter.articleId;
  }
  if (filter.articleIds !== undefined) {
    clauses.push(
      articleScope === 'column'
        ? `${alias}.article_id IN (SELECT value FROM json_each(@articleIds))`
        : `${alias}.id IN (SELECT r.event_id FROM event_reports r WHERE r.article_id IN (SELECT value FROM json_each(@articleIds)))`,
    );
    params.articleIds = JSON.stringify(filter.articleIds);
  }
  if (filter.storyId !== undefined) {
    clauses.push(`${alias}.story_id = @storyId`);
    params.storyId = filter.storyId;
  }
  if (filter.updatedSince !== undefined) {
    clauses.push(`${alias}.updated_at >= @updatedSince`);
    params.updatedSince = filter.updatedSince;
  }
  addApiClauses(filter, alias, articleScope, clauses, params);
  return { where: clauses.length > 0 ? clauses.join(' AND ') : '1', params, page: pageSql(filter, params) };
}

/** `LIMIT @limit OFFSET @offset` for the paging options that are set (validated), adding the params. */
export function pageSql(opts: { readonly limit?: number; readonly offset?: number }, params: Record<string, string | number>): string {
  for (const key of ['limit', 'offset'] as const) {
    const value = opts[key];
    if (value !== undefined && (!Number.isInteger(value) || value < 0)) {
      throw new StoreError('store/invalid-argument', `"${key}" must be a non-negative integer, got ${value}.`);
    }
  }
  if (opts.limit === undefined && opts.offset === undefined) return '';
  params.limit = opts.limit ?? -1;
  params.offset = opts.offset ?? 0;
  return 'LIMIT @limit OFFSET @offset';
}

const articleIdsSql = (alias: string, articleScope: 'column' | 'reports', articleWhere: string): string =>
  articleScope === 'column'
    ? `${alias}.article_id IN (SELECT a.id FROM articles a WHERE ${articleWhere})`
    : `${alias}.id IN (SELECT r.event_id FROM event_reports r JOIN articles a ON a.id = r.article_id WHERE ${articleWhere})`;

/** The filters added for the HTTP API: bbox, actor, outlet, ceasefire, text and the keyset cursor. */
function addApiClauses(
  filter: MergedEventFilter,
  alias: string,
  articleScope: 'column' | 'reports',
  clauses: string[],
  params: Record<string, string | number>,
): void {
  if (filter.nearBox !== undefined) {
    const b = filter.nearBox;
    if (![b.west, b.south, b.east, b.north].every(Number.isFinite)) throw new StoreError('store/invalid-argument', 'Event filter "nearBox" must be finite.');
    clauses.push(`(${alias}.lat IS NULL OR (${alias}.lon BETWEEN @nearWest AND @nearEast AND ${alias}.lat BETWEEN @nearSouth AND @nearNorth))`);
    Object.assign(params, { nearWest: b.west, nearSouth: b.south, nearEast: b.east, nearNorth: b.north });
  }
  const { bbox } = filter;
  if (bbox !== undefined) {
    const values = [bbox.west, bbox.south, bbox.east, bbox.north];
    if (!values.every(Number.isFinite) || bbox.west > bbox.east || bbox.south > bbox.north) {
      throw new StoreError('store/invalid-argument', `Event filter "bbox" must be finite with west <= east and south <= north.`);
    }
    clauses.push(`${alias}.lon BETWEEN @bboxWest AND @bboxEast AND ${alias}.lat BETWEEN @bboxSouth AND @bboxNorth`);
    Object.assign(params, { bboxWest: bbox.west, bboxSouth: bbox.south, bboxEast: bbox.east, bboxNorth: bbox.north });
  }
  if (filter.actor !== undefined) {
    clauses.push(
      `(instr(lower(json_extract(${alias}.json, '$.actor1.name')), @actor) > 0 OR instr(lower(json_extract(${alias}.json, '$.actor2.name')), @actor) > 0)`,
    );
    params.actor = filter.actor.toLowerCase();
  }
  if (filter.outlet !== undefined) {
    clauses.push(articleIdsSql(alias, articleScope, 'a.outlet = @outlet'));
    params.outlet = filter.outlet;
  }
  if (filter.ceasefireViolation !== undefined) {
    clauses.push(`${alias}.ceasefire_violation = ${filter.ceasefireViolation ? 1 : 0}`);
  }
  if (filter.text !== undefined) {
    // Plain words, each quoted: FTS5 operators in user input are taken literally.
    const terms = filter.text.match(/[\p{L}\p{N}]+/gu) ?? [];
    if (terms.length === 0) {
      clauses.push('0');
    } else {
      clauses.push(articleIdsSql(alias, articleScope, 'a.seq IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH @text)'));
      params.text = terms.map((t) => `"${t}"`).join(' ');
    }
  }
  if (filter.after !== undefined) {
    if (articleScope === 'column') throw new StoreError('store/invalid-argument', 'The "after" cursor applies to merged events only.');
    const { date, id } = filter.after;
    if (date !== null && !DATE.test(date)) {
      throw new StoreError('store/invalid-argument', `Cursor date must be YYYY-MM-DD or null, got "${date}".`);
    }
    // The order is (date IS NULL, date, id): dated events first, undated ones last.
    if (date === null) {
      clauses.push(`(${alias}.date IS NULL AND ${alias}.id > @afterId)`);
    } else {
      clauses.push(`(${alias}.date > @afterDate OR (${alias}.date = @afterDate AND ${alias}.id > @afterId) OR ${alias}.date IS NULL)`);
      params.afterDate = date;
    }
    params.afterId = id;
  }
}
