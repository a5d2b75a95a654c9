/**
 * The synchronous SQLite implementation behind `SqliteStore` (which adds the async facade,
 * locking and error mapping). Statements are prepared once per SQL text and cached; multi-row
 * writes run inside better-sqlite3 transaction functions, which become savepoints when an outer
 * transaction is already open.
 */
import type Database from 'better-sqlite3';
import type { Diagnostic } from '../../model/diagnostic.js';
import type { ExtractionResult } from '../../model/extraction.js';
import { StoreError } from '../errors.js';
import type {
  ArticleEventRecord,
  ArticleSearchHit,
  ArticleSummary,
  ArticleText,
  EventAggregates,
  EventPoint,
  EventReport,
  FailureRecord,
  MergedEvent,
  Story,
  StoredArticle,
} from '../records.js';
import type {
  EventFilter,
  EventOutline,
  ListOptions,
  MergedEventFilter,
  MigrationResult,
  OutletCount,
  SaveExtractionOptions,
  SaveResult,
  StoryAssignment,
  StoryChange,
  StoryDebt,
  StoryDebtEvent,
  StoryRemainder,
} from '../store.js';
import { ARTICLE_COLUMN_NAMES, type ArticleRow, articleRowValues, articleTextOf, fromArticleRows, toArticleRow, toArticleSummary } from './article-rows.js';
import { EVENT_COLUMN_NAMES, eventColumnValues } from './event-columns.js';
import { eventFilterSql, pageSql } from './event-filter-sql.js';
import { BackgroundCheckpoint } from './background-checkpoint.js';
import { BUSY_TIMEOUT_MS } from './busy-retry.js';
import { GroupCommit } from './group-commit.js';
import { JsonParseCache, PARSE_CACHE_CHARS } from '../json-parse-cache.js';
import { EVENT_ROW_COLUMNS, type EventSelectRow, type OutlineRow, derivedClaims, eventRowValues, fromEventRow } from './merged-event-rows.js';
import { attachSummary, summaryJsonOf, summaryOf, type EventKind, type EventSummary, type KindEvent, type NearKind, type ReportAppend, type StoredSummary } from '../event-summary.js';
import type { EventFields } from '../records.js';
import { migrations } from './migrations.js';
import { runMigrations } from './run-migrations.js';
import { blamedSides } from '../../report/ceasefire-attribution.js';

type Params = Record<string, unknown>;

const EVENT_COLS = EVENT_COLUMN_NAMES.join(', ');
const placeholders = (n: number): string => Array.from({ length: n }, () => '?').join(', ');
const UPDATABLE_ARTICLE_COLUMNS = ARTICLE_COLUMN_NAMES.filter((c) => c !== 'id');

/**
 * The order of a merged event's reports: by report key (`article_id#event_id`, as `mergeReports`
 * sorts them; SQLite's binary collation is code point order, which is JavaScript's string order
 * for every character outside the astral planes).
 */
const REPORT_ORDER = "r.article_id || '#' || r.article_event_id";

/**
 * The claims of merged event `e` (one column `c`, each claim's JSON): those in its JSON, and for a
 * summarised event (whose JSON keeps none) those of its reports' article events.
 */
const CLAIMS_OF_EVENT = `SELECT c.value AS c FROM json_each(e.json, '$.claims') c
  UNION ALL
  SELECT c.value FROM event_reports r JOIN article_events ae ON ae.article_id = r.article_id AND ae.event_id = r.article_event_id,
    json_each(ae.json, '$.claims') c
  WHERE r.event_id = e.id AND e.summary_json IS NOT NULL AND instr(ae.json, '"accuses"') > 0`;

const SQL = {
  insertArticle: `INSERT INTO articles (${ARTICLE_COLUMN_NAMES.join(', ')}) VALUES (${placeholders(ARTICLE_COLUMN_NAMES.length)})`,
  // Parameters: the columns after `id`, then `id`.
  updateArticle: `UPDATE articles SET ${UPDATABLE_ARTICLE_COLUMNS.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`,
  insertArticleEvent: `INSERT INTO article_events (article_id, event_id, ordinal, ${EVENT_COLS}, json)
    VALUES (${placeholders(EVENT_COLUMN_NAMES.length + 4)})`,
  insertStatement: `INSERT INTO article_statements (article_id, ordinal, statement_id, type, date, json)
    VALUES (?, ?, ?, ?, ?, ?)`,
  insertDiagnostic: 'INSERT INTO article_diagnostics (article_id, ordinal, code, severity, json) VALUES (?, ?, ?, ?, ?)',
  // A rewritten event is updated in place, not deleted and inserted: the row keeps its place in
  // the table and only the reports that changed are written (see `#writeReports`).
  upsertEvent: `INSERT INTO events (${EVENT_ROW_COLUMNS.join(', ')}, summary_json) VALUES (${placeholders(EVENT_ROW_COLUMNS.length + 1)})
    ON CONFLICT (id) DO UPDATE SET ${[...EVENT_ROW_COLUMNS.filter((c) => c !== 'id'), 'summary_json'].map((c) => `${c} = excluded.${c}`).join(', ')}`,
  // One more report of a summarised event (`appendReport`): the row's fields, counts and summary.
  appendEvent: `UPDATE events SET ${[...EVENT_COLUMN_NAMES, 'json', 'sources_count', 'contradictions_json', 'updated_at', 'summary_json'].map((c) => `${c} = ?`).join(', ')},
    reports_count = reports_count + 1 WHERE id = ?`,
  nextReportOrdinal: 'SELECT coalesce(max(ordinal), -1) + 1 AS n FROM event_reports WHERE event_id = ?',
  insertKind: `INSERT INTO event_kinds (event_id, signature, article_id, ${EVENT_COLS}, json) VALUES (${placeholders(EVENT_COLUMN_NAMES.length + 4)})`,
  reportEvents: `SELECT r.article_id, r.article_event_id, ae.json FROM event_reports r
    JOIN article_events ae ON ae.article_id = r.article_id AND ae.event_id = r.article_event_id WHERE r.event_id = ?`,
  // A report row's ordinal only identifies it within its event (the order is that of REPORT_ORDER),
  // so a report that sorts between two others is one insert, not a shift of every row after it.
  reportRows: "SELECT ordinal, article_id || '#' || article_event_id AS key FROM event_reports WHERE event_id = ?",
  insertReport: 'INSERT INTO event_reports (event_id, ordinal, article_id, article_event_id) VALUES (?, ?, ?, ?)',
  deleteReport: 'DELETE FROM event_reports WHERE event_id = ? AND ordinal = ?',
  upsertStory: `INSERT INTO stories (id, title, first_date, last_date, places_json, updated_at) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET title = excluded.title, first_date = excluded.first_date,
    last_date = excluded.last_date, places_json = excluded.places_json, updated_at = excluded.updated_at`,
  selectEvents: `SELECT e.id, e.story_id, e.json, e.sources_count, e.contradictions_json, e.summary_json,
    (SELECT json_group_array(json_object('article_id', r.article_id, 'event_id', r.article_event_id) ORDER BY ${REPORT_ORDER})
       FROM event_reports r WHERE r.event_id = e.id) AS reports_json
    FROM events e`,
  selectEventOutlines: `SELECT e.id, e.story_id, e.date,
    (SELECT json_group_array(json_object('article_id', r.article_id, 'event_id', r.article_event_id) ORDER BY ${REPORT_ORDER})
       FROM event_reports r WHERE r.event_id = e.id) AS reports_json
    FROM events e`,
} as const;

/**
 * A story's first (`ASC`) or last (`DESC`) dated event not in a JSON list of ids: a walk along
 * (story_id, date) from either end that stops at the first such event, so it passes over the
 * listed ones only (a window), never the whole story.
 */
export const storyEdgeSql = (order: 'ASC' | 'DESC'): string =>
  `SELECT date FROM events WHERE story_id = ? AND date IS NOT NULL AND id NOT IN (SELECT value FROM json_each(?))
   ORDER BY date ${order} LIMIT 1`;

/** Most summarised events whose derived claims a connection keeps (`#derivedClaims`). */
const DERIVED_CACHE_EVENTS = 4096;

/** Options of the SQLite store. */
export interface SqliteCoreOptions {
  /** Returns the current time as an ISO date-time; injectable for tests. */
  readonly now?: () => string;
  /**
   * Article transactions per SQLite commit (see `group-commit.ts`). Default 1: every article
   * transaction commits on its own. `openStore()` uses 64.
   */
  readonly groupCommit?: number;
  /** With group commit, commit an unfinished group after this many ms without writes (default 200). */
  readonly groupCommitIdleMs?: number;
  /**
   * Checkpoint the WAL in a background thread instead of inside commits (see
   * `background-checkpoint.ts`); file databases only. Default false.
   */
  readonly backgroundCheckpoint?: boolean;
  /**
   * How long a write waits for another process's write to finish before it fails (default
   * `DEFAULT_BUSY_WAIT_MS`, 2 minutes; see `busy-retry.ts`).
   */
  readonly busyWaitMs?: number;
}

/** A group of writes is committed once it has been open this long (see `busy-retry.ts`). */
export const MAX_GROUP_OPEN_MS = 1000;

/** Synchronous store operations on one better-sqlite3 connection. */
export class SqliteCore {
  readonly db: Database.Database;
  readonly now: () => string;
  readonly batch: GroupCommit;
  /** The checkpoint thread, when `backgroundCheckpoint` is on. */
  readonly checkpoints: BackgroundCheckpoint | null;
  /** > 0 while an asynchronous transaction (`txBegin`…`txEnd`) is open. */
  #txDepth = 0;
  readonly #statements = new Map<string, Database.Statement>();
  /** Parsed event JSON by its text (see `json-parse-cache.ts`): what the resolver reads again and again. */
  readonly parsed = new JsonParseCache(PARSE_CACHE_CHARS);
  readonly #parse = <T>(json: string): T => this.parsed.parse<T>(json);
  readonly #saveTx: Database.Transaction<(result: ExtractionResult, opts: SaveExtractionOptions) => SaveResult>;
  readonly #replaceTx: Database.Transaction<(affected: readonly string[], events: readonly MergedEvent[], stories: StoryChange) => void>;
  readonly #recordDebtTx: Database.Transaction<(fresh: readonly string[], replaced: readonly StoryDebtEvent[]) => void>;
  readonly #settleDebtTx: Database.Transaction<(assignments: readonly StoryAssignment[], stories: StoryChange) => void>;
  readonly #appendTx: Database.Transaction<(append: ReportAppend) => void>;
  /** Claims and evidence of summarised events as last read (`#derivedClaims`). */
  readonly #derived = new Map<string, { key: string; value: Pick<MergedEvent, 'claims' | 'evidence'> }>();
  #derivedVersion = -1;

  constructor(db: Database.Database, options: SqliteCoreOptions = {}) {
    this.db = db;
    this.now = options.now ?? (() => new Date().toISOString());
    if (!db.memory) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // Short: a longer wait for another process's write is asynchronous (`busy-retry.ts`).
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    this.batch = new GroupCommit(db, options.groupCommit ?? 1, options.groupCommitIdleMs ?? 200, MAX_GROUP_OPEN_MS);
    this.checkpoints = options.backgroundCheckpoint === true && !db.memory ? new BackgroundCheckpoint(db, db.name) : null;
    this.batch.onCommit = () => this.#committed();
    this.batch.beforeCommit = () => this.#indexPending();
    this.#saveTx = db.transaction((result: ExtractionResult, opts: SaveExtractionOptions) => this.#save(result, opts));
    this.#replaceTx = db.transaction((affected: readonly string[], events: readonly MergedEvent[], stories: StoryChange) => this.#replace(affected, events, stories));
    this.#recordDebtTx = db.transaction((fresh: readonly string[], replaced: readonly StoryDebtEvent[]) => this.#recordDebt(fresh, replaced));
    this.#settleDebtTx = db.transaction((assignments: readonly StoryAssignment[], stories: StoryChange) => this.#settleDebt(assignments, stories));
    this.#appendTx = db.transaction((append: ReportAppend) => this.#append(append));
  }

  /** The cached prepared statement for `sql`. */
  stmt(sql: string): Database.Statement {
    let statement = this.#statements.get(sql);
    if (statement === undefined) {
      statement = this.db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  migrate(): MigrationResult[] {
    this.batch.flush();
    return runMigrations(this.db, migrations, this.now);
  }

  /**
   * Runs a write transaction function as one unit: a savepoint inside an open asynchronous
   * transaction or group, else its own `BEGIN IMMEDIATE` transaction (taking the write lock up
   * front, so its read-then-write cannot fail with SQLITE_BUSY), or a savepoint in a new group.
   */
  #write<A extends unknown[], T>(tx: Database.Transaction<(...args: A) => T>, ...args: A): T {
    if (this.#txDepth > 0 || (this.db.inTransaction && !this.batch.isOpen)) return tx(...args);
    if (!this.batch.enabled) {
      const value = tx.immediate(...args);
      this.#committed();
      return value;
    }
    this.batch.begin();
    let value: T;
    try {
      value = tx(...args);
    } catch (error) {
      this.#countQuietly();
      throw error;
    }
    this.batch.done();
    return value;
  }

  /** Counts a failed unit without letting a commit error hide the unit's own error. */
  #countQuietly(): void {
    try {
      this.batch.done();
    } catch (commitError) {
      this.batch.defer(commitError);
    }
  }

  /** Opens an asynchronous transaction: `BEGIN IMMEDIATE`, or a savepoint in the group. */
  txBegin(): void {
    if (this.batch.enabled) {
      this.batch.begin();
      this.db.exec('SAVEPOINT sitrep_tx');
    } else {
      this.db.exec('BEGIN IMMEDIATE');
    }
    this.#txDepth += 1;
  }

  /** Ends the asynchronous transaction opened by {@link txBegin}: commit (release) or roll back. */
  txEnd(ok: boolean): void {
    this.#txDepth -= 1;
    if (this.batch.enabled) {
      if (this.db.inTransaction) {
        if (!ok) this.db.exec('ROLLBACK TO sitrep_tx');
        this.db.exec('RELEASE sitrep_tx');
      }
      if (ok) this.batch.done();
      else this.#countQuietly();
      return;
    }
    if (!this.db.inTransaction) return;
    if (!ok) {
      this.db.exec('ROLLBACK');
      return;
    }
    try {
      this.#indexPending();
      this.db.exec('COMMIT');
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
    this.#committed();
  }

  /**
   * Indexes the articles queued for full-text search (migration 0005) in the open transaction:
   * called before every commit that may have written articles, so committed data is indexed.
   */
  #indexPending(): void {
    const { n } = this.stmt('SELECT EXISTS (SELECT 1 FROM articles_fts_pending) AS n').get() as { n: number };
    if (n === 0) return;
    this.stmt('INSERT INTO articles_fts (rowid, title, text) SELECT a.seq, a.title, a.text FROM articles_fts_pending p JOIN articles a ON a.seq = p.seq').run();
    this.stmt('DELETE FROM articles_fts_pending').run();
  }

  /**
   * Makes this connection's own uncommitted articles searchable before a full-text query (read
   * your writes inside an open group); outside a transaction everything committed is indexed.
   */
  #searchable(): void {
    if (this.db.inTransaction) this.#indexPending();
  }

  /** {@link eventFilterSql}, after {@link #searchable} when the filter searches text. */
  #filterSql(filter: MergedEventFilter, alias: string, articleScope: 'column' | 'reports'): ReturnType<typeof eventFilterSql> {
    if (filter.text !== undefined) this.#searchable();
    return eventFilterSql(filter, alias, articleScope);
  }

  /** After a commit: asks the checkpoint thread, if any, for a checkpoint. */
  #committed(): void {
    this.checkpoints?.request();
  }

  saveExtraction(result: ExtractionResult, opts: SaveExtractionOptions): SaveResult {
    return this.#write(this.#saveTx, result, opts);
  }

  #save(result: ExtractionResult, opts: SaveExtractionOptions): SaveResult {
    const articleId = result.article.id;
    const previous = this.getContentHash(articleId);
    if (previous === opts.contentHash) return { status: 'unchanged', articleId };
    const row = toArticleRow(result, opts.contentHash, opts.ingestedAt ?? this.now());
    if (previous === null) {
      this.stmt(SQL.insertArticle).run(articleRowValues(row));
    } else {
      // Its events change under the same report keys: claims read from them are stale.
      this.#derived.clear();
      this.stmt(SQL.updateArticle).run(...UPDATABLE_ARTICLE_COLUMNS.map((c) => row[c]), row.id);
      for (const table of ['article_events', 'article_statements', 'article_diagnostics']) {
        this.stmt(`DELETE FROM ${table} WHERE article_id = ?`).run(articleId);
      }
    }
    const insertEvent = this.stmt(SQL.insertArticleEvent);
    result.events.forEach((event, ordinal) => {
      insertEvent.run(articleId, event.id, ordinal, ...eventColumnValues(event), JSON.stringify(event));
    });
    const insertStatement = this.stmt(SQL.insertStatement);
    result.statements.forEach((s, ordinal) => {
      insertStatement.run(articleId, ordinal, s.id, s.type, s.date ?? null, JSON.stringify(s));
    });
    const insertDiagnostic = this.stmt(SQL.insertDiagnostic);
    result.diagnostics.forEach((d, ordinal) => {
      insertDiagnostic.run(articleId, ordinal, d.code, d.severity, JSON.stringify(d));
    });
    // The input now produced an article: an earlier failure of the same source is obsolete.
    this.stmt('DELETE FROM failures WHERE source = ?').run(result.article.source);
    // Its own transaction (not in a group or an asynchronous one): index it before that commits.
    if (this.#txDepth === 0 && !this.batch.isOpen) this.#indexPending();
    return { status: previous === null ? 'inserted' : 'updated', articleId };
  }

  getContentHash(articleId: string): string | null {
    const row = this.stmt('SELECT content_hash FROM articles WHERE id = ?').get(articleId) as { content_hash: string } | undefined;
    return row?.content_hash ?? null;
  }

  saveFailure(source: string, diagnostics: readonly Diagnostic[], recordedAt?: string): void {
    this.stmt(
      `INSERT INTO failures (source, diagnostics_json, recorded_at) VALUES (?, ?, ?)
       ON CONFLICT (source) DO UPDATE SET diagnostics_json = excluded.diagnostics_json, recorded_at = excluded.recorded_at`,
    ).run(source, JSON.stringify(diagnostics), recordedAt ?? this.now());
  }

  listFailures(): FailureRecord[] {
    const rows = this.stmt('SELECT source, diagnostics_json, recorded_at FROM failures ORDER BY source').all() as {
      source: string;
      diagnostics_json: string;
      recorded_at: string;
    }[];
    return rows.map((r) => ({ source: r.source, diagnostics: JSON.parse(r.diagnostics_json) as Diagnostic[], recorded_at: r.recorded_at }));
  }

  getArticle(articleId: string): StoredArticle | null {
    const row = this.stmt('SELECT * FROM articles WHERE id = ?').get(articleId) as ArticleRow | undefined;
    if (row === undefined) return null;
    const json = (table: string): string[] =>
      (this.stmt(`SELECT json FROM ${table} WHERE article_id = ? ORDER BY ordinal`).all(articleId) as { json: string }[]).map((r) => r.json);
    return fromArticleRows(row, {
      events: json('article_events'),
      statements: json('article_statements'),
      diagnostics: json('article_diagnostics'),
    });
  }

  listArticles(opts: ListOptions = {}): ArticleSummary[] {
    const params: Params = {};
    const page = pageSql(opts, params as Record<string, number>);
    const columns = ARTICLE_COLUMN_NAMES.filter((c) => c !== 'text').join(', ');
    const rows = this.stmt(`SELECT ${columns} FROM articles ORDER BY id ${page}`).all(params) as ArticleRow[];
    return rows.map(toArticleSummary);
  }

  getArticleSummaries(ids: readonly string[]): ArticleSummary[] {
    if (ids.length === 0) return [];
    const columns = ARTICLE_COLUMN_NAMES.filter((c) => c !== 'text').join(', ');
    const rows = this.stmt(`SELECT ${columns} FROM articles WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`).all(JSON.stringify(ids)) as ArticleRow[];
    return rows.map(toArticleSummary);
  }

  getArticleTexts(ids: readonly string[]): ArticleText[] {
    if (ids.length === 0) return [];
    const rows = this.stmt('SELECT id, content_hash, text, extra_json FROM articles WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id').all(JSON.stringify(ids)) as ArticleRow[];
    return rows.map(articleTextOf);
  }

  countArticles(): number {
    return (this.stmt('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
  }

  listArticleEvents(filter: EventFilter = {}): ArticleEventRecord[] {
    const f = this.#filterSql(filter, 'ae', 'column');
    const rows = this.stmt(
      `SELECT ae.article_id, ae.json FROM article_events ae WHERE ${f.where}
       ORDER BY ae.date IS NULL, ae.date, ae.article_id, ae.ordinal ${f.page}`,
    ).all(f.params) as { article_id: string; json: string }[];
    return rows.map((r) => ({ article_id: r.article_id, event: this.#parse<ArticleEventRecord['event']>(r.json) }));
  }

  searchArticles(query: string, opts: ListOptions = {}): ArticleSearchHit[] {
    this.#searchable();
    // Plain words, each quoted: FTS5 operators in user input are taken literally, not parsed.
    const terms = query.match(/[\p{L}\p{N}]+/gu) ?? [];
    if (terms.length === 0) return [];
    const params: Record<string, string | number> = { q: terms.map((t) => `"${t}"`).join(' ') };
    const page = pageSql(opts, params);
    return this.stmt(
      `SELECT a.id, a.title, snippet(articles_fts, 1, '[', ']', '…', 16) AS snippet, bm25(articles_fts) AS rank
       FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
       WHERE articles_fts MATCH @q ORDER BY rank, a.id ${page}`,
    ).all(params) as ArticleSearchHit[];
  }

  replaceMergedEvents(affected: readonly string[], events: readonly MergedEvent[], stories: StoryChange = {}): void {
    for (const event of events) {
      if (event.reports.length === 0) {
        throw new StoreError('store/invalid-argument', `Merged event ${event.id} has no reports.`);
      }
    }
    this.#write(this.#replaceTx, affected, events, stories);
  }

  #replace(affected: readonly string[], events: readonly MergedEvent[], stories: StoryChange): void {
    const now = this.now();
    const written = new Set<string>();
    for (const e of events) {
      if (written.has(e.id)) throw new StoreError('store/invalid-argument', `Merged event ${e.id} is written twice.`);
      written.add(e.id);
    }
    // Removed events take their reports with them (ON DELETE CASCADE); written ones are upserted.
    const gone = affected.filter((id) => !written.has(id));
    if (gone.length > 0) this.stmt('DELETE FROM events WHERE id IN (SELECT value FROM json_each(?))').run(JSON.stringify(gone));
    this.#upsertStories(stories, now);
    const upsertEvent = this.stmt(SQL.upsertEvent);
    for (const event of events) {
      const summary = summaryJsonOf(event);
      // Kinds change only with the summary (a story rewrite carries the summary it read).
      const sameKinds = summary !== undefined && summary === this.#storedSummary(event.id);
      upsertEvent.run(...eventRowValues(event, now, true), summary ?? null);
      this.#writeReports(event);
      if (!sameKinds) this.#writeKinds(event.id, summary === undefined ? undefined : summaryOf(event));
    }
    this.#removeStories(stories);
  }

  /**
   * The event's compatibility kinds (`event_kinds`) from its summary. An event without one (not
   * made by the resolver's `mergeReports`) has none, and the store then no longer vouches that
   * every event has its kinds (`meta.event_kinds`, which `nearKinds` reports).
   */
  #writeKinds(eventId: string, summary: EventSummary | undefined): void {
    this.stmt('DELETE FROM event_kinds WHERE event_id = ?').run(eventId);
    if (summary === undefined) {
      this.stmt("DELETE FROM meta WHERE key = 'event_kinds'").run();
      return;
    }
    const insert = this.stmt(SQL.insertKind);
    for (const k of summary.kinds) insert.run(eventId, k.signature, k.article, ...eventColumnValues(kindColumns(k)), JSON.stringify(k.event));
  }

  /**
   * The kinds of stored events matching `filter` (date window, types, box: as `listArticleEvents`
   * filters reports; a kind's `date_end` is its reports' latest), and whether every stored event
   * has its kinds. One row per distinct account of an event, not per report.
   */
  nearKinds(filter: EventFilter): { complete: boolean; kinds: NearKind[] } {
    const complete = this.getMeta('event_kinds') === 'complete';
    if (!complete) return { complete, kinds: [] };
    const f = this.#filterSql({ ...filter, articleId: undefined, articleIds: undefined }, 'k', 'column');
    const rows = this.stmt(`SELECT k.event_id, e.sources_count, k.article_id, k.json FROM event_kinds k JOIN events e ON e.id = k.event_id WHERE ${f.where} ${f.page}`)
      .raw()
      .all(f.params) as [string, number, string, string][];
    return { complete, kinds: rows.map(([event_id, sources, article_id, json]) => ({ event_id, sources, article_id, event: this.#parse<KindEvent>(json) })) };
  }

  /** The stored summary text of an event (null when it has none or is not stored). */
  #storedSummary(eventId: string): string | null {
    return (this.stmt('SELECT summary_json FROM events WHERE id = ?').pluck().get(eventId) as string | null | undefined) ?? null;
  }

  /** A stored event's summary, story and source count; null when it has no summary. */
  readEventSummary(eventId: string): StoredSummary | null {
    const row = this.stmt('SELECT id, story_id, sources_count, summary_json FROM events WHERE id = ?').get(eventId) as
      | { id: string; story_id: string | null; sources_count: number; summary_json: string | null }
      | undefined;
    if (row === undefined || row.summary_json === null) return null;
    return { id: row.id, story_id: row.story_id, sources: row.sources_count, summary: JSON.parse(row.summary_json) as EventSummary };
  }

  appendReport(append: ReportAppend): void {
    this.#write(this.#appendTx, append);
  }

  /** Adds one report to a summarised event: its row, one report row, its kinds. Reads no other report. */
  #append(a: ReportAppend): void {
    const { sources, contradictions, ...json } = a.fields;
    const changed = this.stmt(SQL.appendEvent).run(
      ...eventColumnValues(json),
      JSON.stringify(json),
      sources,
      JSON.stringify(contradictions),
      this.now(),
      JSON.stringify(a.summary),
      a.event_id,
    );
    if (changed.changes !== 1) throw new StoreError('store/invalid-argument', `Merged event ${a.event_id} is not stored.`);
    const { n } = this.stmt(SQL.nextReportOrdinal).get(a.event_id) as { n: number };
    this.stmt(SQL.insertReport).run(a.event_id, n, a.report.article_id, a.report.event_id);
    this.#writeKinds(a.event_id, a.summary);
  }

  /**
   * Makes the event's report rows those of `event.reports`: rows of reports it no longer has are
   * deleted, reports it did not have are inserted after the highest ordinal; the others are only
   * read (one small row each), so a report joining an event of thousands writes one row.
   */
  #writeReports(event: MergedEvent): void {
    const rows = this.stmt(SQL.reportRows).raw().all(event.id) as [number, string][];
    const stored = new Map<string, number>();
    let next = 0;
    for (const [ordinal, key] of rows) {
      stored.set(key, ordinal);
      if (ordinal >= next) next = ordinal + 1;
    }
    const insert = this.stmt(SQL.insertReport);
    for (const r of event.reports) {
      const key = `${r.article_id}#${r.event_id}`;
      if (stored.delete(key)) continue;
      insert.run(event.id, next++, r.article_id, r.event_id);
    }
    if (stored.size === 0) return;
    const remove = this.stmt(SQL.deleteReport);
    for (const ordinal of stored.values()) remove.run(event.id, ordinal);
  }

  /** Writes `stories.upsert` (before the events that point to them). */
  #upsertStories(stories: StoryChange, now: string): void {
    const upsertStory = this.stmt(SQL.upsertStory);
    for (const s of stories.upsert ?? []) upsertStory.run(s.id, s.title, s.first_date, s.last_date, JSON.stringify(s.places), now);
  }

  /** Deletes `stories.remove` (after the events are written; events still pointing to them get null). */
  #removeStories(stories: StoryChange): void {
    if (stories.remove === undefined || stories.remove.length === 0) return;
    this.stmt('DELETE FROM stories WHERE id IN (SELECT value FROM json_each(?))').run(JSON.stringify(stories.remove));
  }

  recordStoryDebt(freshEventIds: readonly string[], replaced: readonly StoryDebtEvent[]): void {
    this.#write(this.#recordDebtTx, freshEventIds, replaced);
  }

  #recordDebt(fresh: readonly string[], replaced: readonly StoryDebtEvent[]): void {
    // The first record of an event since the last pass wins: its version from before the batch.
    const record = this.stmt('INSERT INTO story_debt (event_id, replaced_json) VALUES (?, ?) ON CONFLICT (event_id) DO NOTHING');
    for (const e of replaced) record.run(e.id, JSON.stringify({ id: e.id, story_id: e.story_id, date: e.date, reports: e.reports }));
    for (const id of fresh) record.run(id, null);
  }

  readStoryDebt(): StoryDebt {
    const rows = this.stmt('SELECT replaced_json FROM story_debt ORDER BY event_id').all() as { replaced_json: string | null }[];
    if (rows.length === 0) return { recorded: 0, fresh: [], replaced: [] };
    const replaced = rows.flatMap((r) => (r.replaced_json === null ? [] : [JSON.parse(r.replaced_json) as StoryDebtEvent]));
    const fresh = (this.stmt(`${SQL.selectEvents} WHERE e.id IN (SELECT event_id FROM story_debt) ORDER BY e.id`).all() as EventSelectRow[]).map((row) =>
      this.#fromEventRow(row),
    );
    return { recorded: rows.length, fresh, replaced };
  }

  settleStoryDebt(assignments: readonly StoryAssignment[], stories: StoryChange): void {
    this.#write(this.#settleDebtTx, assignments, stories);
  }

  #settleDebt(assignments: readonly StoryAssignment[], stories: StoryChange): void {
    const now = this.now();
    this.#upsertStories(stories, now);
    // Only the story column changes: no rewrite of the event's JSON, reports or other indexes.
    const assign = this.stmt('UPDATE events SET story_id = ?, updated_at = ? WHERE id = ? AND story_id IS NOT ?');
    for (const a of assignments) assign.run(a.story_id, now, a.event_id, a.story_id);
    this.#removeStories(stories);
    this.stmt('DELETE FROM story_debt').run();
  }

  getEvent(eventId: string): MergedEvent | null {
    const row = this.stmt(`${SQL.selectEvents} WHERE e.id = ?`).get(eventId) as EventSelectRow | undefined;
    return row === undefined ? null : this.#fromEventRow(row);
  }

  listEvents(filter: MergedEventFilter = {}): MergedEvent[] {
    const f = this.#filterSql(filter, 'e', 'reports');
    const rows = this.stmt(`${SQL.selectEvents} WHERE ${f.where} ORDER BY e.date IS NULL, e.date, e.id ${f.page}`).all(
      f.params,
    ) as EventSelectRow[];
    return rows.map((row) => this.#fromEventRow(row));
  }

  /** A merged event from its row; a summarised event's claims and evidence are read from its reports' article events. */
  #fromEventRow(row: EventSelectRow): MergedEvent {
    const event = fromEventRow(row, this.#parse);
    if (row.summary_json === null || row.summary_json === undefined) return event;
    // Read back with its summary, so a rewrite of its story alone keeps it.
    return attachSummary({ ...event, ...this.#derivedClaims(row.id, row.reports_json, row.summary_json) }, row.summary_json);
  }

  /**
   * A summarised event's claims and evidence, from its reports' article events. Kept per event
   * while its reports and summary are unchanged (the story pass reads every event of its window
   * each time), until an article is updated (its events change under the same report keys) or
   * another connection commits (`data_version`).
   */
  #derivedClaims(eventId: string, reportsJson: string, summaryJson: string): Pick<MergedEvent, 'claims' | 'evidence'> {
    const version = this.db.pragma('data_version', { simple: true }) as number;
    if (version !== this.#derivedVersion) {
      this.#derived.clear();
      this.#derivedVersion = version;
    }
    const key = `${reportsJson}\u0000${summaryJson}`;
    const cached = this.#derived.get(eventId);
    if (cached !== undefined && cached.key === key) return cached.value;
    const value = derivedClaims(this.stmt(SQL.reportEvents).raw().all(eventId) as [string, string, string][], this.#parse);
    if (this.#derived.size >= DERIVED_CACHE_EVENTS) this.#derived.clear();
    this.#derived.set(eventId, { key, value });
    return value;
  }

  listEventOutlines(filter: MergedEventFilter = {}): EventOutline[] {
    const f = this.#filterSql(filter, 'e', 'reports');
    const rows = this.stmt(`${SQL.selectEventOutlines} WHERE ${f.where} ORDER BY e.date IS NULL, e.date, e.id ${f.page}`).all(f.params) as OutlineRow[];
    return rows.map((r) => ({ id: r.id, story_id: r.story_id, date: r.date, reports: this.#parse<EventReport[]>(r.reports_json) }));
  }

  countEvents(filter: MergedEventFilter = {}): number {
    const f = this.#filterSql({ ...filter, limit: undefined, offset: undefined }, 'e', 'reports');
    return (this.stmt(`SELECT count(*) AS n FROM events e WHERE ${f.where}`).get(f.params) as { n: number }).n;
  }

  listEventPoints(filter: MergedEventFilter = {}): EventPoint[] {
    const f = this.#filterSql(filter, 'e', 'reports');
    const rows = this.stmt(
      `SELECT e.id, e.date, e.date_end, e.event_type, e.sub_event_type, e.place_name, e.lat, e.lon, e.fatalities, e.injured,
         e.side1, e.side2, e.ceasefire_violation, e.background, e.story_id,
         (SELECT json_group_array(s) FROM (SELECT DISTINCT json_extract(c, '$.accused.side') AS s
            FROM (${CLAIMS_OF_EVENT}) WHERE json_extract(c, '$.stance') = 'accuses' AND s IS NOT NULL ORDER BY s)) AS accused
       FROM events e WHERE ${f.where} ORDER BY e.date IS NULL, e.date, e.id ${f.page}`,
    ).all(f.params) as (Omit<EventPoint, 'ceasefire_violation' | 'background' | 'accused'> & {
      ceasefire_violation: number;
      background: number;
      accused: string;
    })[];
    return rows.map((r) => ({
      ...r,
      ceasefire_violation: r.ceasefire_violation === 1,
      background: r.background === 1,
      accused: JSON.parse(r.accused) as string[],
    }));
  }

  aggregateEvents(filter: MergedEventFilter, cellDegrees: number): EventAggregates {
    if (!Number.isFinite(cellDegrees) || cellDegrees <= 0) {
      throw new StoreError('store/invalid-argument', `Cell size must be a positive number of degrees, got ${cellDegrees}.`);
    }
    const f = this.#filterSql({ ...filter, limit: undefined, offset: undefined }, 'e', 'reports');
    const params = { ...f.params, cell: cellDegrees };
    const all = <T>(sql: string): T[] => this.stmt(sql).all(params) as T[];
    const totals = this.stmt(
      `SELECT count(*) AS total, coalesce(sum(e.lat IS NOT NULL AND e.lon IS NOT NULL), 0) AS located,
         coalesce(sum(e.date IS NULL), 0) AS undated, coalesce(sum(e.fatalities), 0) AS fatalities,
         min(e.date) AS first_date, max(coalesce(e.date_end, e.date)) AS last_date
       FROM events e WHERE ${f.where}`,
    ).get(f.params) as Pick<EventAggregates, 'total' | 'located' | 'undated' | 'fatalities' | 'first_date' | 'last_date'>;
    const cells = all<EventAggregates['cells'][number]>(
      `SELECT CAST(floor(e.lon / @cell) AS INTEGER) AS gx, CAST(floor(e.lat / @cell) AS INTEGER) AS gy, e.event_type,
         count(*) AS count, coalesce(sum(e.fatalities), 0) AS fatalities, sum(e.lat) AS lat_sum, sum(e.lon) AS lon_sum,
         min(e.lon) AS west, min(e.lat) AS south, max(e.lon) AS east, max(e.lat) AS north, min(e.id) AS first_id,
         min(e.place_name) AS place_min, max(e.place_name) AS place_max
       FROM events e WHERE ${f.where} AND e.lat IS NOT NULL AND e.lon IS NOT NULL GROUP BY gx, gy, e.event_type`,
    );
    const days = all<EventAggregates['days'][number]>(
      `SELECT e.date, count(*) AS count, coalesce(sum(e.fatalities), 0) AS fatalities FROM events e
       WHERE ${f.where} AND e.date IS NOT NULL GROUP BY e.date`,
    );
    const violations = this.stmt(
      `SELECT e.date, e.side1, CASE WHEN e.summary_json IS NOT NULL OR instr(e.json, '"accuses"') > 0 THEN
         (SELECT json_group_array(DISTINCT json_extract(c, '$.accused.side')) FROM (${CLAIMS_OF_EVENT})
          WHERE json_extract(c, '$.stance') = 'accuses' AND json_extract(c, '$.accused.side') IS NOT NULL) END AS accused
       FROM events e WHERE ${f.where} AND e.ceasefire_violation = 1 AND e.date IS NOT NULL`,
    )
      .raw(true)
      .all(f.params) as [string, string | null, string | null][];
    const blamed = new Map<string, number>();
    for (const [date, side1, accused] of violations) {
      for (const side of blamedSides({ side1, accused: accused ? (JSON.parse(accused) as string[]) : [] })) blamed.set(`${date}|${side}`, (blamed.get(`${date}|${side}`) ?? 0) + 1);
    }
    const ceasefire = [...blamed.entries()].map(([k, count]) => {
      const at = k.indexOf('|');
      return { date: k.slice(0, at), side: k.slice(at + 1), count };
    });
    const types = all<EventAggregates['types'][number]>(`SELECT e.event_type, count(*) AS count FROM events e WHERE ${f.where} GROUP BY e.event_type`);
    // One scan grouped by the pair of sides; an event counts once per distinct side.
    const perSide = new Map<string, number>();
    for (const r of all<{ side1: string | null; side2: string | null; count: number }>(
      `SELECT e.side1, e.side2, count(*) AS count FROM events e WHERE ${f.where} GROUP BY e.side1, e.side2`,
    )) {
      if (r.side1 !== null) perSide.set(r.side1, (perSide.get(r.side1) ?? 0) + r.count);
      if (r.side2 !== null && r.side2 !== r.side1) perSide.set(r.side2, (perSide.get(r.side2) ?? 0) + r.count);
    }
    const sides = [...perSide.entries()].map(([side, count]) => ({ side, count }));
    return { ...totals, cells, days, ceasefire, types, sides };
  }

  listOutlets(): OutletCount[] {
    return this.stmt('SELECT outlet, count(*) AS articles FROM articles GROUP BY outlet ORDER BY articles DESC, outlet IS NULL, outlet').all() as OutletCount[];
  }

  listStories(): Story[] {
    const stories = this.stmt(
      'SELECT id, title, first_date, last_date, places_json FROM stories ORDER BY first_date IS NULL, first_date, id',
    ).all() as { id: string; title: string; first_date: string | null; last_date: string | null; places_json: string }[];
    const eventIds = this.#groupBy(
      `SELECT story_id AS k, id AS v FROM events WHERE story_id IS NOT NULL ORDER BY story_id, date IS NULL, date, id`,
    );
    const articleIds = this.#groupBy(
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

  storyRemainders(storyIds: readonly string[], exceptEventIds: readonly string[]): StoryRemainder[] {
    const ids = [...new Set(storyIds)];
    if (ids.length === 0) return [];
    const except = JSON.stringify([...new Set(exceptEventIds)]);
    // Excepted events per story, looked up by id: CROSS JOIN keeps the list as the outer loop,
    // so this costs the list, not the stories (which may hold thousands of events).
    const excepted = new Map(
      (this.stmt(
        `SELECT e.story_id AS id, count(*) AS n FROM json_each(?) j CROSS JOIN events e ON e.id = j.value
         WHERE e.story_id IS NOT NULL GROUP BY e.story_id`,
      ).all(except) as { id: string; n: number }[]).map((r) => [r.id, r.n]),
    );
    const out: StoryRemainder[] = [];
    for (const id of ids) {
      // event_count is kept by triggers (migration 0003): no count over the story's events.
      const s = this.stmt('SELECT id, title, first_date, last_date, places_json, event_count FROM stories WHERE id = ?').get(id) as
        | { id: string; title: string; first_date: string | null; last_date: string | null; places_json: string; event_count: number }
        | undefined;
      if (s === undefined) continue;
      const events = s.event_count - (excepted.get(id) ?? 0);
      const edge = (order: 'ASC' | 'DESC'): string | null =>
        events === 0 ? null : ((this.stmt(storyEdgeSql(order)).get(id, except) as { date: string } | undefined)?.date ?? null);
      out.push({
        story: { id: s.id, title: s.title, first_date: s.first_date, last_date: s.last_date, places: JSON.parse(s.places_json) as string[] },
        events,
        first_date: edge('ASC'),
        last_date: edge('DESC'),
      });
    }
    return out;
  }

  #groupBy(sql: string): Map<string, string[]> {
    const groups = new Map<string, string[]>();
    for (const { k, v } of this.stmt(sql).all() as { k: string; v: string }[]) {
      const list = groups.get(k);
      if (list === undefined) groups.set(k, [v]);
      else list.push(v);
    }
    return groups;
  }

  getMeta(key: string): string | null {
    const row = this.stmt('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value ?? null;
  }

  setMeta(key: string, value: string): void {
    this.stmt('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }
}

/** The filter columns of an event kind's row (its representative's, with the kind's latest end date). */
function kindColumns(k: EventKind): EventFields {
  return {
    ...k.event,
    date_end: k.end,
    date_source: null,
    actor2: null,
    fatalities: null,
    injured: null,
    ceasefire_violation: false,
    background: false,
    claims: [],
    evidence: [],
  };
}
