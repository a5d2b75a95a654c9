/**
 * The PostgreSQL {@link Store}, through a `pg` connection pool, for many workers on many machines
 * sharing one database. Same contract as the SQLite store, with one difference that MVCC brings:
 * callers outside a transaction do not wait for it; they read what was committed before it.
 *
 * Writes of several statements (`saveExtraction`, `replaceMergedEvents`) run in their own
 * transaction, or in a savepoint inside an open one. A transaction handle pins one pooled client.
 *
 * @example
 * ```ts
 * const store = PostgresStore.open('postgres://postgres@127.0.0.1:5432/sitrep');
 * await store.migrate();
 * await store.transaction(async (tx) => { await tx.lockMerge('theatre:nagorno-karabakh'); ... });
 * await store.close();
 * ```
 */
import { withStartupOption } from './startup-options.js';
import { JsonParseCache, PARSE_CACHE_CHARS } from '../json-parse-cache.js';
import pg from 'pg';
import type { Diagnostic } from '../../model/diagnostic.js';
import type { ExtractionResult } from '../../model/extraction.js';
import { StoreError, type StoreErrorCode, toStoreError } from '../errors.js';
import type { ArticleEventRecord, ArticleSearchHit, ArticleSummary, ArticleText, FailureRecord, MergedEvent, Story, StoredArticle } from '../records.js';
import type { EventFilter, EventOutline, ListOptions, MergedEventFilter, MigrationResult, OutletCount, SaveExtractionOptions, SaveResult, Store, StoryChange, StoryRemainder } from '../store.js';
import { postgresMigrations } from './migrations.js';
import * as core from './postgres-core.js';
import { runPostgresMigrations } from './run-postgres-migrations.js';

/** Options of {@link PostgresStore}. */
export interface PostgresStoreOptions {
  /** Returns the current time as an ISO date-time; injectable for tests. */
  readonly now?: () => string;
  /** Pool size (default 10). A worker needs its concurrency plus one. */
  readonly maxConnections?: number;
  /** `application_name` shown in `pg_stat_activity` (default `sitrep`). */
  readonly applicationName?: string;
  /**
   * false: this store's commits do not wait for the WAL flush (`synchronous_commit = off`). A
   * server crash may then lose the last fraction of a second of commits, never corrupt them.
   * Workers use it: a job's completion is committed (synchronously) after its article's
   * transaction, later in the WAL, so a completion that survives implies its article did too,
   * and a lost article's job is simply retried. Default true.
   */
  readonly synchronousCommit?: boolean;
}

interface Shared {
  /** Parsed event JSON by its text, shared by the store's transactions (see `json-parse-cache.ts`). */
  readonly parsed: JsonParseCache;
  readonly pool: pg.Pool;
  readonly now: () => string;
  closed: boolean;
}

interface TxState {
  readonly client: pg.PoolClient;
  open: boolean;
  depth: number;
  /** Nested writes and transactions take no savepoint (see `TransactionOptions.flat`). */
  readonly flat: boolean;
  /** What failed outside a savepoint: PostgreSQL has aborted the transaction, so it can only roll back. */
  failed: string | null;
}

/** Options of {@link PostgresStore.transactionPg}. */
export interface TransactionOptions {
  /**
   * true: writes of several statements and nested transactions inside run without a savepoint
   * of their own, which saves two round trips each. The price: a failed statement fails the whole
   * transaction (it cannot be caught and continued from; the commit then throws). For callers
   * that abandon the transaction on any error anyway, such as a worker's job. Default false.
   */
  readonly flat?: boolean;
}

/** PostgreSQL implementation of {@link Store}. */
export class PostgresStore implements Store {
  readonly dialect = 'postgres' as const;
  readonly #shared: Shared;
  readonly #tx: TxState | null;
  readonly #parse = <T>(json: string): T => this.#shared.parsed.parse<T>(json);

  private constructor(shared: Shared, tx: TxState | null) {
    this.#shared = shared;
    this.#tx = tx;
  }

  /** Creates the pool for `url` (no connection is made until the first call). Does not migrate. */
  static open(url: string, options: PostgresStoreOptions = {}): PostgresStore {
    const pool = new pg.Pool({
      // a startup parameter, so it is set before the first query (no extra round trip)
      connectionString: options.synchronousCommit === false ? withStartupOption(url, '-c synchronous_commit=off') : url,
      max: options.maxConnections ?? 10,
      application_name: options.applicationName ?? 'sitrep',
    });
    // An idle client's error (server restart) must not crash the process; the next query reports it.
    pool.on('error', () => undefined);
    return new PostgresStore({ pool, now: options.now ?? (() => new Date().toISOString()), closed: false, parsed: new JsonParseCache(PARSE_CACHE_CHARS) }, null);
  }

  /** The pool, for tests and maintenance tools. */
  get pool(): pg.Pool {
    return this.#shared.pool;
  }

  /** True inside a transaction handle. */
  get inTransaction(): boolean {
    return this.#tx !== null;
  }

  #check(what: string): void {
    if (this.#shared.closed) throw new StoreError('store/closed', `Cannot ${what}: the store is closed.`);
    if (this.#tx !== null && !this.#tx.open) throw new StoreError('store/transaction-closed', `Cannot ${what}: its transaction has ended.`);
  }

  /** Runs a read or a single-statement write on the transaction's client, or on the pool. */
  async #run<T>(code: StoreErrorCode, what: string, fn: (db: core.Queryable) => Promise<T>): Promise<T> {
    this.#check(what);
    try {
      return await fn(this.#tx?.client ?? this.#shared.pool);
    } catch (error) {
      if (this.#tx !== null) this.#tx.failed ??= what;
      throw mapError(error, code, what);
    }
  }

  /**
   * Runs a write atomically: a savepoint inside a transaction (none in a flat one), else its own
   * transaction, or none for a `single` statement (atomic on its own).
   */
  async #write<T>(what: string, fn: (db: core.Queryable) => Promise<T>, single = false): Promise<T> {
    this.#check(what);
    const tx = this.#tx;
    try {
      if (tx?.flat) return await fn(tx.client);
      if (tx !== null) return await withSavepoint(tx, () => fn(tx.client));
      return single ? await fn(this.#shared.pool) : await withTransaction(this.#shared.pool, fn);
    } catch (error) {
      if (tx?.flat) tx.failed ??= what;
      throw mapError(error, 'store/write-failed', what);
    }
  }

  async migrate(): Promise<MigrationResult[]> {
    this.#check('migrate the database');
    let client: pg.PoolClient;
    try {
      client = await this.#shared.pool.connect();
    } catch (error) {
      throw toStoreError(error, 'store/open-failed', 'Cannot connect to PostgreSQL');
    }
    try {
      return await runPostgresMigrations(client, postgresMigrations, this.#shared.now);
    } catch (error) {
      throw toStoreError(error, 'store/migration-failed', 'Cannot migrate the database');
    } finally {
      client.release();
    }
  }

  async transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    return this.transactionPg((tx) => fn(tx));
  }

  /** {@link transaction} with the PostgreSQL handle (for {@link lockMerge}) and {@link TransactionOptions}. */
  async transactionPg<T>(fn: (tx: PostgresStore) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    this.#check('start a transaction');
    if (this.#tx?.flat) return fn(this);
    if (this.#tx !== null) return withSavepoint(this.#tx, () => fn(this));
    let client: pg.PoolClient;
    try {
      client = await this.#shared.pool.connect();
      await client.query('BEGIN');
    } catch (error) {
      throw mapError(error, 'store/write-failed', 'start a transaction');
    }
    const state: TxState = { client, open: true, depth: 0, flat: options.flat === true, failed: null };
    const handle = new PostgresStore(this.#shared, state);
    let value: T;
    try {
      value = await fn(handle);
    } catch (error) {
      state.open = false;
      await client.query('ROLLBACK').catch(() => undefined);
      client.release();
      throw error;
    }
    state.open = false;
    if (state.failed !== null) {
      // COMMIT would roll back silently: say so instead.
      await client.query('ROLLBACK').catch(() => undefined);
      client.release();
      throw new StoreError('store/write-failed', `Cannot commit a transaction: it failed earlier (${state.failed}) and was rolled back.`);
    }
    try {
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      client.release();
      throw mapError(error, 'store/write-failed', 'commit a transaction');
    }
    client.release();
    return value;
  }

  /**
   * Serializes merges in one neighbourhood (a theatre, a story…) across every connection and
   * machine: takes `pg_advisory_xact_lock` on a 64-bit hash of `key`, held until the transaction
   * ends. Only inside a transaction. Lock several keys in a fixed (sorted) order to avoid deadlock.
   */
  async lockMerge(key: string): Promise<void> {
    return this.lockMerges([{ key, shared: false }]);
  }

  /**
   * {@link lockMerge} for several keys in one round trip, taken in the given order (rows of
   * `unnest` are read, and their locks taken, in array order). `shared` locks have many holders
   * at once and exclude only exclusive holders of the same key (a theatre held shared by
   * week-level mergers and exclusively by a merge that needs the whole theatre).
   */
  async lockMerges(locks: readonly { readonly key: string; readonly shared: boolean }[]): Promise<void> {
    if (this.#tx === null) throw new StoreError('store/invalid-argument', 'lockMerges() needs a transaction: call it on the handle of transactionPg().');
    if (locks.length === 0) return;
    const hash = "hashtextextended(current_schema() || ':' || t.k, 0)";
    await this.#run('store/write-failed', `lock merge neighbourhoods ${locks.map((l) => l.key).join(', ')}`, (db) =>
      db.query(
        `SELECT CASE WHEN t.s THEN (SELECT 1 FROM pg_advisory_xact_lock_shared(${hash})) ELSE (SELECT 1 FROM pg_advisory_xact_lock(${hash})) END
         FROM unnest($1::text[], $2::boolean[]) AS t(k, s)`,
        [locks.map((l) => `sitrep:merge:${l.key}`), locks.map((l) => l.shared)],
      ),
    );
  }

  saveExtraction(result: ExtractionResult, opts: SaveExtractionOptions): Promise<SaveResult> {
    return this.#write(`save article ${result.article.id}`, (db) => core.saveExtraction(db, result, opts, this.#shared.now()));
  }

  getContentHash(articleId: string): Promise<string | null> {
    return this.#run('store/query-failed', 'read a content hash', (db) => core.getContentHash(db, articleId));
  }

  saveFailure(source: string, diagnostics: readonly Diagnostic[], opts: { readonly recordedAt?: string } = {}): Promise<void> {
    return this.#run('store/write-failed', `save the failure of ${source}`, (db) => core.saveFailure(db, source, diagnostics, opts.recordedAt ?? this.#shared.now()));
  }

  listFailures(): Promise<FailureRecord[]> {
    return this.#run('store/query-failed', 'list failures', core.listFailures);
  }

  getArticle(articleId: string): Promise<StoredArticle | null> {
    return this.#run('store/query-failed', `read article ${articleId}`, (db) => core.getArticle(db, articleId));
  }

  listArticles(opts?: ListOptions): Promise<ArticleSummary[]> {
    return this.#run('store/query-failed', 'list articles', (db) => core.listArticles(db, opts));
  }

  getArticleSummaries(ids: readonly string[]): Promise<ArticleSummary[]> {
    return this.#run('store/query-failed', 'read article summaries', (db) => core.getArticleSummaries(db, ids));
  }

  getArticleTexts(ids: readonly string[]): Promise<ArticleText[]> {
    return this.#run('store/query-failed', 'read article texts', (db) => core.getArticleTexts(db, ids));
  }

  countArticles(): Promise<number> {
    return this.#run('store/query-failed', 'count articles', core.countArticles);
  }

  listArticleEvents(filter?: EventFilter): Promise<ArticleEventRecord[]> {
    return this.#run('store/query-failed', 'list article events', (db) => core.listArticleEvents(db, filter, this.#parse));
  }

  searchArticles(query: string, opts?: ListOptions): Promise<ArticleSearchHit[]> {
    return this.#run('store/query-failed', 'search articles', (db) => core.searchArticles(db, query, opts));
  }

  async replaceMergedEvents(affectedEventIds: readonly string[], newEvents: readonly MergedEvent[], stories: StoryChange = {}): Promise<void> {
    const ids = new Set<string>();
    for (const event of newEvents) {
      if (event.reports.length === 0) throw new StoreError('store/invalid-argument', `Merged event ${event.id} has no reports.`);
      if (ids.has(event.id)) throw new StoreError('store/invalid-argument', `Merged event ${event.id} is written twice.`);
      ids.add(event.id);
    }
    await this.#write('replace merged events', (db) => core.replaceMergedEvents(db, affectedEventIds, newEvents, stories, this.#shared.now()), true);
  }

  getEvent(eventId: string): Promise<MergedEvent | null> {
    return this.#run('store/query-failed', `read event ${eventId}`, (db) => core.getEvent(db, eventId, this.#parse));
  }

  listEvents(filter?: MergedEventFilter): Promise<MergedEvent[]> {
    return this.#run('store/query-failed', 'list events', (db) => core.listEvents(db, filter, this.#parse));
  }

  listEventOutlines(filter?: MergedEventFilter): Promise<EventOutline[]> {
    return this.#run('store/query-failed', 'list event outlines', (db) => core.listEventOutlines(db, filter, this.#parse));
  }

  countEvents(filter?: MergedEventFilter): Promise<number> {
    return this.#run('store/query-failed', 'count events', (db) => core.countEvents(db, filter));
  }

  listStories(): Promise<Story[]> {
    return this.#run('store/query-failed', 'list stories', core.listStories);
  }

  storyRemainders(storyIds: readonly string[], exceptEventIds: readonly string[]): Promise<StoryRemainder[]> {
    return this.#run('store/query-failed', 'read story remainders', (db) => core.storyRemainders(db, storyIds, exceptEventIds));
  }

  /** Outlets with their article counts, most articles first, then by name. */
  listOutlets(): Promise<OutletCount[]> {
    return this.#run('store/query-failed', 'list outlets', core.listOutlets);
  }

  getMeta(key: string): Promise<string | null> {
    return this.#run('store/query-failed', `read setting ${key}`, (db) => core.getMeta(db, key));
  }

  setMeta(key: string, value: string): Promise<void> {
    return this.#run('store/write-failed', `write setting ${key}`, (db) => core.setMeta(db, key, value));
  }

  /** Every write is committed when its call (or transaction) returns: nothing to flush. */
  async flush(): Promise<void> {
    this.#check('flush');
  }

  async close(): Promise<void> {
    if (this.#tx !== null) throw new StoreError('store/invalid-argument', 'Cannot close the store from inside a transaction.');
    if (this.#shared.closed) return;
    this.#shared.closed = true;
    await this.#shared.pool.end();
  }
}

async function withSavepoint<T>(tx: TxState, fn: () => Promise<T>): Promise<T> {
  const name = `sitrep_sp${++tx.depth}`;
  try {
    await tx.client.query(`SAVEPOINT ${name}`);
    try {
      const value = await fn();
      await tx.client.query(`RELEASE SAVEPOINT ${name}`);
      return value;
    } catch (error) {
      await tx.client.query(`ROLLBACK TO SAVEPOINT ${name}`);
      await tx.client.query(`RELEASE SAVEPOINT ${name}`);
      throw error;
    }
  } finally {
    tx.depth -= 1;
  }
}

async function withTransaction<T>(pool: pg.Pool, fn: (db: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const value = await fn(client);
    await client.query('COMMIT');
    return value;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Driver errors become StoreErrors; an undefined table (42P01) means the database was never migrated. */
function mapError(error: unknown, code: StoreErrorCode, what: string): StoreError {
  if (error instanceof StoreError) return error;
  if ((error as { code?: unknown }).code === '42P01') {
    return new StoreError('store/not-migrated', `Cannot ${what}: the database is not migrated (${(error as Error).message}). Call migrate() first.`, { cause: error });
  }
  if ((error as { code?: unknown }).code === 'ECONNREFUSED') {
    return toStoreError(error, 'store/open-failed', `Cannot ${what}: PostgreSQL refused the connection`);
  }
  return toStoreError(error, code, `Cannot ${what}`);
}
