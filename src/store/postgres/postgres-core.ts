/**
 * The SQL of the PostgreSQL store, one function per operation, each given the connection to run
 * on (a pool for single statements, a pinned client for multi-statement writes). No transaction
 * handling here: `PostgresStore` wraps the writes in a transaction or a savepoint.
 */
import type pg from 'pg';
import type { Diagnostic } from '../../model/diagnostic.js';
import type { ExtractionResult } from '../../model/extraction.js';
import type { ArticleEventRecord, ArticleSearchHit, ArticleSummary, ArticleText, EventFields, EventReport, FailureRecord, MergedEvent, Story, StoredArticle } from '../records.js';
import { ARTICLE_COLUMN_NAMES, type ArticleRow, articleTextOf, fromArticleRows, toArticleSummary } from '../sqlite/article-rows.js';
import { EVENT_COLUMN_NAMES, eventColumnValues } from '../sqlite/event-columns.js';
import { EVENT_ROW_COLUMNS, type EventSelectRow, type OutlineRow, type ParseJson, eventRowValues, fromEventRow } from '../sqlite/merged-event-rows.js';
import type { EventFilter, EventOutline, ListOptions, MergedEventFilter, OutletCount, SaveExtractionOptions, SaveResult, StoryChange, StoryRemainder } from '../store.js';
import { pgEventFilterSql, pgPageSql } from './pg-filter-sql.js';
import { pgArticleRowValues, pgText, pgValues, toColumns, toPgArticleRow, unnestSql } from './pg-rows.js';

/** Anything that runs a query: a pool or a client. */
export type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

const EVENT_TYPES = ['text', 'text', 'text', 'text', 'text', 'text', 'text', 'float8', 'float8', 'int4', 'int4', 'int2', 'int2'];
const ARTICLE_TYPES: Record<string, string> = { event_count: 'int4', statement_count: 'int4', diagnostic_count: 'int4' };
const UPDATABLE = ARTICLE_COLUMN_NAMES.filter((c) => c !== 'id');
const EVENT_COLS = EVENT_COLUMN_NAMES.join(', ');

/** The order of a merged event's reports: by report key, in code point order (see `MergedEvent.reports`). */
const REPORT_ORDER = `(r.article_id || '#' || r.article_event_id) COLLATE "C"`;

const SQL = {
  insertArticle: `INSERT INTO articles (${ARTICLE_COLUMN_NAMES.join(', ')}) VALUES (${ARTICLE_COLUMN_NAMES.map((c, i) => `$${i + 1}${ARTICLE_TYPES[c] ? `::${ARTICLE_TYPES[c]}` : ''}`).join(', ')})`,
  updateArticle: `UPDATE articles SET ${UPDATABLE.map((c, i) => `${c} = $${i + 1}`).join(', ')} WHERE id = $${UPDATABLE.length + 1}`,
  insertArticleEvents: `INSERT INTO article_events (article_id, event_id, ordinal, ${EVENT_COLS}, json, actor_names)
    SELECT * FROM ${unnestSql(['text', 'text', 'int4', ...EVENT_TYPES, 'text', 'text'])}`,
  insertStatements: `INSERT INTO article_statements (article_id, ordinal, statement_id, type, date, json)
    SELECT * FROM ${unnestSql(['text', 'int4', 'text', 'text', 'text', 'text'])}`,
  insertDiagnostics: `INSERT INTO article_diagnostics (article_id, ordinal, code, severity, json)
    SELECT * FROM ${unnestSql(['text', 'int4', 'text', 'text', 'text'])}`,
  upsertEvents: `INSERT INTO events (${EVENT_ROW_COLUMNS.join(', ')}, actor_names)
    SELECT * FROM ${unnestSql(['text', 'text', ...EVENT_TYPES, 'text', 'int4', 'int4', 'text', 'text', 'text'])}
    ON CONFLICT (id) DO UPDATE SET ${[...EVENT_ROW_COLUMNS.filter((c) => c !== 'id'), 'actor_names'].map((c) => `${c} = excluded.${c}`).join(', ')}`,
  // A report row's ordinal only identifies it (reports are read in REPORT_ORDER): reports an event
  // did not have are inserted after its highest ordinal, those it lost deleted, the rest untouched,
  // so a report joining an event of thousands is one row. Both see the statement's snapshot, so
  // new ordinals never meet the rows being deleted.
  insertReports: `INSERT INTO event_reports (event_id, ordinal, article_id, article_event_id)
    SELECT t.e, coalesce((SELECT max(x.ordinal) FROM event_reports x WHERE x.event_id = t.e), -1) + row_number() OVER (PARTITION BY t.e ORDER BY t.i), t.a, t.ae
    FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS t(e, a, ae, i)
    WHERE NOT EXISTS (SELECT 1 FROM event_reports x WHERE x.event_id = t.e AND x.article_id = t.a AND x.article_event_id = t.ae)`,
  deleteReports: `DELETE FROM event_reports r WHERE r.event_id = ANY($1::text[])
    AND NOT EXISTS (SELECT 1 FROM unnest($2::text[], $3::text[], $4::text[]) AS t(e, a, ae) WHERE t.e = r.event_id AND t.a = r.article_id AND t.ae = r.article_event_id)`,
  upsertStories: `INSERT INTO stories (id, title, first_date, last_date, places_json, updated_at)
    SELECT * FROM ${unnestSql(['text', 'text', 'text', 'text', 'text', 'text'])}
    ON CONFLICT (id) DO UPDATE SET title = excluded.title, first_date = excluded.first_date,
    last_date = excluded.last_date, places_json = excluded.places_json, updated_at = excluded.updated_at`,
  selectEvents: `SELECT e.id, e.story_id, e.json, e.sources_count, e.contradictions_json,
    (SELECT coalesce(json_agg(json_build_object('article_id', r.article_id, 'event_id', r.article_event_id) ORDER BY ${REPORT_ORDER}), '[]')::text
       FROM event_reports r WHERE r.event_id = e.id) AS reports_json
    FROM events e`,
  selectEventOutlines: `SELECT e.id, e.story_id, e.date,
    (SELECT coalesce(json_agg(json_build_object('article_id', r.article_id, 'event_id', r.article_event_id) ORDER BY ${REPORT_ORDER}), '[]')::text
       FROM event_reports r WHERE r.event_id = e.id) AS reports_json
    FROM events e`,
} as const;

/** The `actor_names` column: lower-cased actor1 and actor2 names, separated by a newline. */
function actorNames(event: EventFields): string {
  return pgText(`${event.actor1?.name ?? ''}\n${event.actor2?.name ?? ''}`.toLowerCase());
}

/** Serializes saves of one article id across connections (taken inside the save's transaction). */
async function lockArticle(db: Queryable, articleId: string): Promise<void> {
  await db.query("SELECT pg_advisory_xact_lock(hashtextextended(current_schema() || ':' || $1, 1))", [`sitrep:article:${articleId}`]);
}

export async function getContentHash(db: Queryable, articleId: string): Promise<string | null> {
  const { rows } = await db.query<{ content_hash: string }>('SELECT content_hash FROM articles WHERE id = $1', [articleId]);
  return rows[0]?.content_hash ?? null;
}

/** Saves one article; must run inside a transaction (or savepoint) on `db`. */
export async function saveExtraction(db: Queryable, result: ExtractionResult, opts: SaveExtractionOptions, now: string): Promise<SaveResult> {
  const articleId = result.article.id;
  await lockArticle(db, articleId);
  const previous = await getContentHash(db, articleId);
  if (previous === opts.contentHash) return { status: 'unchanged', articleId };
  const row = toPgArticleRow(result, opts.contentHash, opts.ingestedAt ?? now);
  // The writes go out as one statement (data-modifying CTEs, then the DELETE): one round trip
  // instead of five, and atomic on its own.
  const parts: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, values: readonly unknown[]): void => {
    const offset = params.length;
    parts.push(sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`));
    params.push(...values);
  };
  if (previous === null) {
    add(SQL.insertArticle, pgArticleRowValues(row));
  } else {
    add(SQL.updateArticle, [...UPDATABLE.map((c) => row[c]), row.id]);
    // Old rows go first (in their own statement: a CTE's delete and a sibling insert of the same
    // key would clash), then the new ones are inserted below.
    await db.query(
      'WITH e AS (DELETE FROM article_events WHERE article_id = $1), s AS (DELETE FROM article_statements WHERE article_id = $1) DELETE FROM article_diagnostics WHERE article_id = $1',
      [articleId],
    );
  }
  if (result.events.length > 0) {
    const rows = result.events.map((e, i) => [articleId, e.id, i, ...pgValues(eventColumnValues(e)), JSON.stringify(e), actorNames(e)]);
    add(SQL.insertArticleEvents, toColumns(rows, EVENT_COLUMN_NAMES.length + 5));
  }
  if (result.statements.length > 0) {
    const rows = result.statements.map((s, i) => [articleId, i, pgText(s.id), pgText(s.type), pgText(s.date ?? null), JSON.stringify(s)]);
    add(SQL.insertStatements, toColumns(rows, 6));
  }
  if (result.diagnostics.length > 0) {
    const rows = result.diagnostics.map((d, i) => [articleId, i, pgText(d.code), d.severity, JSON.stringify(d)]);
    add(SQL.insertDiagnostics, toColumns(rows, 5));
  }
  // The input now produced an article: an earlier failure of the same source is obsolete.
  params.push(pgText(result.article.source));
  await db.query(`WITH ${parts.map((sql, i) => `w${i} AS (${sql})`).join(', ')} DELETE FROM failures WHERE source = $${params.length}`, params);
  return { status: previous === null ? 'inserted' : 'updated', articleId };
}

export async function saveFailure(db: Queryable, source: string, diagnostics: readonly Diagnostic[], recordedAt: string): Promise<void> {
  await db.query(
    `INSERT INTO failures (source, diagnostics_json, recorded_at) VALUES ($1, $2, $3)
     ON CONFLICT (source) DO UPDATE SET diagnostics_json = excluded.diagnostics_json, recorded_at = excluded.recorded_at`,
    [pgText(source), JSON.stringify(diagnostics), recordedAt],
  );
}

export async function listFailures(db: Queryable): Promise<FailureRecord[]> {
  const { rows } = await db.query<{ source: string; diagnostics_json: string; recorded_at: string }>(
    'SELECT source, diagnostics_json, recorded_at FROM failures ORDER BY source',
  );
  return rows.map((r) => ({ source: r.source, diagnostics: JSON.parse(r.diagnostics_json) as Diagnostic[], recorded_at: r.recorded_at }));
}

export async function getArticle(db: Queryable, articleId: string): Promise<StoredArticle | null> {
  const { rows } = await db.query<ArticleRow>(`SELECT ${ARTICLE_COLUMN_NAMES.join(', ')} FROM articles WHERE id = $1`, [articleId]);
  const row = rows[0];
  if (row === undefined) return null;
  const json = async (table: string): Promise<string[]> =>
    (await db.query<{ json: string }>(`SELECT json FROM ${table} WHERE article_id = $1 ORDER BY ordinal`, [articleId])).rows.map((r) => r.json);
  return fromArticleRows(row, {
    events: await json('article_events'),
    statements: await json('article_statements'),
    diagnostics: await json('article_diagnostics'),
  });
}

export async function listArticles(db: Queryable, opts: ListOptions = {}): Promise<ArticleSummary[]> {
  const params: unknown[] = [];
  const page = pgPageSql(opts, params);
  const columns = ARTICLE_COLUMN_NAMES.filter((c) => c !== 'text').join(', ');
  const { rows } = await db.query<ArticleRow>(`SELECT ${columns} FROM articles ORDER BY id ${page}`, params);
  return rows.map(toArticleSummary);
}

export async function getArticleSummaries(db: Queryable, ids: readonly string[]): Promise<ArticleSummary[]> {
  if (ids.length === 0) return [];
  const columns = ARTICLE_COLUMN_NAMES.filter((c) => c !== 'text').join(', ');
  const { rows } = await db.query<ArticleRow>(`SELECT ${columns} FROM articles WHERE id = ANY($1::text[]) ORDER BY id`, [[...ids]]);
  return rows.map(toArticleSummary);
}

export async function getArticleTexts(db: Queryable, ids: readonly string[]): Promise<ArticleText[]> {
  if (ids.length === 0) return [];
  const { rows } = await db.query<ArticleRow>('SELECT id, content_hash, text, extra_json FROM articles WHERE id = ANY($1::text[]) ORDER BY id', [[...ids]]);
  return rows.map(articleTextOf);
}

export async function countArticles(db: Queryable): Promise<number> {
  return (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM articles')).rows[0]?.n ?? 0;
}

export async function listArticleEvents(db: Queryable, filter: EventFilter = {}, parse: ParseJson = (json) => JSON.parse(json)): Promise<ArticleEventRecord[]> {
  const f = pgEventFilterSql(filter, 'ae', 'column');
  const { rows } = await db.query<{ article_id: string; json: string }>(
    `SELECT ae.article_id, ae.json FROM article_events ae WHERE ${f.where}
     ORDER BY ae.date IS NULL, ae.date, ae.article_id, ae.ordinal ${f.page}`,
    f.params,
  );
  return rows.map((r) => ({ article_id: r.article_id, event: parse<ArticleEventRecord['event']>(r.json) }));
}

/** Plain words, all required; ranked by `-ts_rank` so that lower is better, as with SQLite's BM25. */
export async function searchArticles(db: Queryable, query: string, opts: ListOptions = {}): Promise<ArticleSearchHit[]> {
  const terms = query.match(/[\p{L}\p{N}]+/gu) ?? [];
  if (terms.length === 0) return [];
  const params: unknown[] = [terms.join(' ')];
  const page = pgPageSql(opts, params);
  const { rows } = await db.query<ArticleSearchHit>(
    `SELECT a.id, a.title,
       ts_headline('simple', a.text, q, 'StartSel=[, StopSel=], MaxWords=16, MinWords=6, MaxFragments=1, FragmentDelimiter=…') AS snippet,
       -ts_rank(a.fts, q) AS rank
     FROM articles a, plainto_tsquery('simple', $1) q
     WHERE a.fts @@ q ORDER BY rank, a.id ${page}`,
    params,
  );
  return rows.map((r) => ({ ...r, rank: Number(r.rank) }));
}

/** Replaces merged events; must run inside a transaction (or savepoint) on `db`. */
/**
 * In one statement (one round trip; data-modifying CTEs): removed events are deleted (their
 * reports with them, ON DELETE CASCADE), stories upserted, written events upserted in place, their
 * new reports inserted and lost ones deleted, and removed stories deleted (events still in
 * them get a null story, ON DELETE SET NULL). The sub-statements touch disjoint rows (an id
 * written twice is refused before); foreign keys, cascades and the story-count trigger run at
 * the end of the statement, when every sub-statement's rows are there.
 */
export async function replaceMergedEvents(db: Queryable, affected: readonly string[], events: readonly MergedEvent[], stories: StoryChange, now: string): Promise<void> {
  const parts: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, values: readonly unknown[]): void => {
    const offset = params.length;
    parts.push(`w${parts.length} AS (${sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`)})`);
    params.push(...values);
  };
  const written = new Set(events.map((e) => e.id));
  const gone = affected.filter((id) => !written.has(id));
  if (gone.length > 0) add('DELETE FROM events WHERE id = ANY($1::text[])', [gone]);
  const upsert = stories.upsert ?? [];
  if (upsert.length > 0) {
    const rows = upsert.map((s) => [s.id, pgText(s.title), s.first_date, s.last_date, JSON.stringify(s.places), now]);
    add(SQL.upsertStories, toColumns(rows, 6));
  }
  if (events.length > 0) {
    const rows = events.map((e) => [...pgValues(eventRowValues(e, now)), actorNames(e)]);
    add(SQL.upsertEvents, toColumns(rows, EVENT_ROW_COLUMNS.length + 1));
    const reports = toColumns(events.flatMap((e) => e.reports.map((r) => [e.id, r.article_id, r.event_id])), 3);
    add(SQL.insertReports, reports);
    add(SQL.deleteReports, [events.map((e) => e.id), ...reports]);
  }
  if (stories.remove !== undefined && stories.remove.length > 0) add('DELETE FROM stories WHERE id = ANY($1::text[])', [[...stories.remove]]);
  if (parts.length > 0) await db.query(`WITH ${parts.join(',\n')} SELECT 1`, params);
}

export async function getEvent(db: Queryable, eventId: string, parse?: ParseJson): Promise<MergedEvent | null> {
  const { rows } = await db.query<EventSelectRow>(`${SQL.selectEvents} WHERE e.id = $1`, [eventId]);
  return rows[0] === undefined ? null : fromEventRow(rows[0], parse);
}

export async function listEvents(db: Queryable, filter: MergedEventFilter = {}, parse?: ParseJson): Promise<MergedEvent[]> {
  const f = pgEventFilterSql(filter, 'e', 'reports');
  const { rows } = await db.query<EventSelectRow>(`${SQL.selectEvents} WHERE ${f.where} ORDER BY e.date IS NULL, e.date, e.id ${f.page}`, f.params);
  return rows.map((row) => fromEventRow(row, parse));
}

export async function listEventOutlines(db: Queryable, filter: MergedEventFilter = {}, parse: ParseJson = (json) => JSON.parse(json)): Promise<EventOutline[]> {
  const f = pgEventFilterSql(filter, 'e', 'reports');
  const { rows } = await db.query<OutlineRow>(`${SQL.selectEventOutlines} WHERE ${f.where} ORDER BY e.date IS NULL, e.date, e.id ${f.page}`, f.params);
  return rows.map((r) => ({ id: r.id, story_id: r.story_id, date: r.date, reports: parse<EventReport[]>(r.reports_json) }));
}

export async function countEvents(db: Queryable, filter: MergedEventFilter = {}): Promise<number> {
  const f = pgEventFilterSql({ ...filter, limit: undefined, offset: undefined }, 'e', 'reports');
  return (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM events e WHERE ${f.where}`, f.params)).rows[0]?.n ?? 0;
}

export async function listStories(db: Queryable): Promise<Story[]> {
  const { rows: stories } = await db.query<{ id: string; title: string; first_date: string | null; last_date: string | null; places_json: string }>(
    'SELECT id, title, first_date, last_date, places_json FROM stories ORDER BY first_date IS NULL, first_date, id',
  );
  const groupBy = async (sql: string): Promise<Map<string, string[]>> => {
    const groups = new Map<string, string[]>();
    for (const { k, v } of (await db.query<{ k: string; v: string }>(sql)).rows) {
      const list = groups.get(k);
      if (list === undefined) groups.set(k, [v]);
      else list.push(v);
    }
    return groups;
  };
  const eventIds = await groupBy('SELECT story_id AS k, id AS v FROM events WHERE story_id IS NOT NULL ORDER BY story_id, date IS NULL, date, id');
  const articleIds = await groupBy(
    `SELECT DISTINCT e.story_id AS k, r.article_id AS v FROM events e JOIN event_reports r ON r.event_id = e.id
     WHERE e.story_id IS NOT NULL ORDER BY 1, 2`,
  );
  return stories.map((s) => ({
    id: s.id,
    title: s.title,
    first_date: s.first_date,
    last_date: s.last_date,
    places: JSON.parse(s.places_json) as string[],
    event_ids: eventIds.get(s.id) ?? [],
    article_ids: articleIds.get(s.id) ?? [],
  }));
}

/**
 * See `Store.storyRemainders`; the same reads as in SQLite, so the same costs, in one round trip:
 * the excepted events per story, found by primary key (the list drives, not the stories), then
 * per story its record with its event count (kept by a trigger) and its first and last dated
 * events that are not excepted (walks along (story_id, date) that stop at the first such event).
 */
export async function storyRemainders(db: Queryable, storyIds: readonly string[], exceptEventIds: readonly string[]): Promise<StoryRemainder[]> {
  const ids = [...new Set(storyIds)];
  if (ids.length === 0) return [];
  const except = [...new Set(exceptEventIds)];
  const edge = (order: 'ASC' | 'DESC') =>
    `(SELECT e.date FROM events e WHERE e.story_id = s.id AND e.date IS NOT NULL AND NOT (e.id = ANY($2::text[])) ORDER BY e.date ${order} LIMIT 1)`;
  const { rows } = await db.query<{ id: string; title: string; first_date: string | null; last_date: string | null; places_json: string; total: number; excepted: number; first: string | null; last: string | null }>(
    `WITH excepted AS (
       SELECT story_id, count(*)::int AS n FROM events WHERE id = ANY($2::text[]) AND story_id = ANY($1::text[]) GROUP BY story_id
     )
     SELECT s.id, s.title, s.first_date, s.last_date, s.places_json, s.event_count AS total,
       coalesce(x.n, 0) AS excepted, ${edge('ASC')} AS first, ${edge('DESC')} AS last
     FROM stories s LEFT JOIN excepted x ON x.story_id = s.id WHERE s.id = ANY($1::text[])`,
    [ids, except],
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (r === undefined) return [];
    return [{
      story: { id: r.id, title: r.title, first_date: r.first_date, last_date: r.last_date, places: JSON.parse(r.places_json) as string[] },
      events: r.total - r.excepted,
      first_date: r.first,
      last_date: r.last,
    }];
  });
}

export async function getMeta(db: Queryable, key: string): Promise<string | null> {
  return (await db.query<{ value: string }>('SELECT value FROM meta WHERE key = $1', [key])).rows[0]?.value ?? null;
}

export async function setMeta(db: Queryable, key: string, value: string): Promise<void> {
  await db.query('INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, pgText(value)]);
}

export async function listOutlets(db: Queryable): Promise<OutletCount[]> {
  const { rows } = await db.query<OutletCount>(
    'SELECT outlet, count(*)::int AS articles FROM articles GROUP BY outlet ORDER BY articles DESC, outlet IS NULL, outlet COLLATE "C"',
  );
  return rows;
}
