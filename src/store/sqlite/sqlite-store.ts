/**
 * The default {@link Store}: SQLite through better-sqlite3 (WAL, `synchronous=NORMAL`, foreign
 * keys on, prepared statements cached). The work is synchronous (`SqliteCore`); this class adds
 * the async interface, one-at-a-time access around asynchronous transactions, and error mapping.
 *
 * @example
 * ```ts
 * const store = SqliteStore.open('sitrep.db');
 * await store.migrate();
 * await store.saveExtraction(result, { contentHash: contentHash(result.article, result.versions ?? {}) });
 * await store.close();
 * ```
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { NearKind, ReportAppend, StoredSummary } from '../event-summary.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import type { ExtractionResult } from '../../model/extraction.js';
import { StoreError, type StoreErrorCode, toStoreError } from '../errors.js';
import type { ArticleEventRecord, ArticleSearchHit, ArticleSummary, ArticleText, EventAggregates, EventPoint, FailureRecord, MergedEvent, Story, StoredArticle } from '../records.js';
import type {
  EventFilter,
  EventOutline,
  ListOptions,
  MergedEventFilter,
  MigrationResult,
  OutletCount,
  SaveExtractionOptions,
  SaveResult,
  Store,
  StoryAssignment,
  StoryChange,
  StoryDebt,
  StoryDebtEvent,
  StoryRemainder,
} from '../store.js';
import type { BackgroundCheckpoint } from './background-checkpoint.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { DEFAULT_BUSY_WAIT_MS, retryWhileBusy } from './busy-retry.js';
import { SerialLock } from './serial-lock.js';
import type { JsonParseCache } from '../json-parse-cache.js';
import { SqliteCore, type SqliteCoreOptions } from './sqlite-core.js';

/** Options of {@link SqliteStore}. */
export interface SqliteStoreOptions extends SqliteCoreOptions {
  /**
   * Serve reads made outside a transaction from a second connection to the same file, so they
   * never wait for a write transaction in progress (they see what was committed before it, as
   * WAL readers do), and let a long write transaction give the event loop back every
   * {@link TX_YIELD_MS} between its statements. For `sitrep serve`: a health check or a page's
   * read stays fast while a large article is stored. File databases without group commit only
   * (a group's articles are not visible to other connections until it commits); ignored
   * otherwise. Default false.
   */
  readonly separateReader?: boolean;
}

/**
 * With a separate reader, a write transaction that has run this long without a break lets
 * queued I/O (HTTP requests, reads on the reader) run before its next statement.
 */
export const TX_YIELD_MS = 15;

/** The connection shared by a store and its transaction handles. */
interface Shared {
  readonly core: SqliteCore;
  /** The connection of reads outside transactions (option `separateReader`), or null. */
  readonly reader: SqliteCore | null;
  readonly lock: SerialLock;
  /** Total wait for another process's write lock (`busy-retry.ts`). */
  readonly busyWaitMs: number;
  closed: boolean;
}

/** Codes of the operations that write (and so take the write lock first). */
const WRITES: ReadonlySet<StoreErrorCode> = new Set(['store/write-failed', 'store/migration-failed']);

/** State of one open transaction handle. */
interface TxState {
  open: boolean;
  depth: number;
  /** `performance.now()` when the transaction last gave the event loop back (or began). */
  ranSince: number;
}

/** SQLite implementation of {@link Store}. */
export class SqliteStore implements Store {
  readonly dialect = 'sqlite' as const;
  readonly #shared: Shared;
  readonly #tx: TxState | null;

  /**
   * Wraps an open better-sqlite3 connection (its pragmas are set here). Prefer
   * {@link SqliteStore.open}. The `internal` parameter is for transaction handles only.
   */
  constructor(db: Database.Database, options: SqliteStoreOptions = {}, internal?: { shared: Shared; tx: TxState }) {
    this.#tx = internal?.tx ?? null;
    if (internal !== undefined) {
      this.#shared = internal.shared;
      return;
    }
    const reader = options.separateReader === true && !db.memory && (options.groupCommit ?? 1) <= 1 ? new SqliteCore(new Database(db.name)) : null;
    const shared: Shared = { core: new SqliteCore(db, options), reader, lock: new SerialLock(), busyWaitMs: options.busyWaitMs ?? DEFAULT_BUSY_WAIT_MS, closed: false };
    // An idle group commits under the lock, so never inside someone's transaction.
    shared.core.batch.onIdle = () => {
      if (shared.closed) return;
      shared.lock.run(() => shared.core.batch.commit()).catch((error: unknown) => shared.core.batch.defer(error));
    };
    this.#shared = shared;
  }

  /**
   * Opens (creating it and its directory if needed) the SQLite file `filename`, or an in-memory
   * database for `:memory:`. Does not migrate: call `migrate()` (or use `openStore()`).
   */
  static open(filename: string, options: SqliteStoreOptions = {}): SqliteStore {
    try {
      if (filename !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(filename)), { recursive: true });
      return new SqliteStore(new Database(filename), options);
    } catch (error) {
      throw toStoreError(error, 'store/open-failed', `Cannot open the SQLite database "${filename}"`);
    }
  }

  /** The underlying connection, for tests and maintenance tools. */
  get database(): Database.Database {
    return this.#shared.core.db;
  }

  /** The background checkpoint thread (option `backgroundCheckpoint`), or null. */
  get checkpoints(): BackgroundCheckpoint | null {
    return this.#shared.core.checkpoints;
  }

  /** The connection's cache of parsed event JSON (its hit and miss counts). */
  get parsed(): JsonParseCache {
    return this.#shared.core.parsed;
  }

  /** Runs synchronous work on the core, after any transaction in progress (unless we are in it). */
  #run<T>(code: StoreErrorCode, what: string, fn: (core: SqliteCore) => T): Promise<T> {
    if (this.#shared.closed) return Promise.reject(new StoreError('store/closed', `Cannot ${what}: the store is closed.`));
    const guarded = (): T => {
      // Checked again here: a queued call may run after close().
      if (this.#shared.closed) throw new StoreError('store/closed', `Cannot ${what}: the store is closed.`);
      try {
        return fn(this.#shared.core);
      } catch (error) {
        throw mapError(error, code, what);
      }
    };
    const tx = this.#tx;
    if (tx !== null) {
      if (!tx.open) {
        return Promise.reject(new StoreError('store/transaction-closed', `Cannot ${what}: its transaction has ended.`));
      }
      if (this.#shared.reader !== null && performance.now() - tx.ranSince > TX_YIELD_MS) {
        // A long transaction (a large article's events and stories): let the reader's callers in.
        return turnOfEventLoop().then(() => {
          if (!tx.open) throw new StoreError('store/transaction-closed', `Cannot ${what}: its transaction has ended.`);
          tx.ranSince = performance.now();
          return guarded();
        });
      }
      try {
        return Promise.resolve(guarded());
      } catch (error) {
        return Promise.reject(error);
      }
    }
    const reader = this.#shared.reader;
    if (reader !== null && !WRITES.has(code)) {
      try {
        return Promise.resolve(fn(reader));
      } catch (error) {
        return Promise.reject(mapError(error, code, what));
      }
    }
    if (!WRITES.has(code)) return this.#shared.lock.run(guarded);
    return this.#shared.lock.run(() => this.#whenWritable(guarded, what));
  }

  /**
   * Runs `unit`, a write or a transaction's start, waiting its turn when another process holds
   * the write lock (`busy-retry.ts`): after this connection committed a busy group it first
   * leaves the lock free a moment; a unit that finds the lock taken is tried again until
   * `busyWaitMs`. Synchronous when neither happens.
   */
  #whenWritable<T>(unit: () => T, what: string): T | Promise<T> {
    const { core, busyWaitMs } = this.#shared;
    const attempt = (): T | Promise<T> =>
      retryWhileBusy(unit, () => !core.db.inTransaction && !this.#shared.closed, busyWaitMs, (error, waited) =>
        new StoreError(
          error instanceof StoreError ? error.code : 'store/write-failed',
          `Cannot ${what}: another process kept the database locked for ${(waited / 1000).toFixed(1)} s (${error instanceof Error ? error.message : String(error)})`,
          { cause: error },
        ),
      );
    const pause = core.batch.yieldMs();
    return pause > 0 ? sleep(pause).then(attempt) : attempt();
  }

  migrate(): Promise<MigrationResult[]> {
    return this.#run('store/migration-failed', 'migrate the database', (c) => c.migrate());
  }

  async transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    if (this.#shared.closed) throw new StoreError('store/closed', 'Cannot start a transaction: the store is closed.');
    const db = this.#shared.core.db;
    if (this.#tx !== null) {
      if (!this.#tx.open) throw new StoreError('store/transaction-closed', 'Cannot nest a transaction: its transaction has ended.');
      const name = `sitrep_sp${++this.#tx.depth}`;
      db.exec(`SAVEPOINT ${name}`);
      try {
        const value = await fn(this);
        db.exec(`RELEASE ${name}`);
        return value;
      } catch (error) {
        db.exec(`ROLLBACK TO ${name}`);
        db.exec(`RELEASE ${name}`);
        throw error;
      } finally {
        this.#tx.depth -= 1;
      }
    }
    return this.#shared.lock.run(async () => {
      if (this.#shared.closed) throw new StoreError('store/closed', 'Cannot start a transaction: the store is closed.');
      const core = this.#shared.core;
      await this.#whenWritable(() => {
        try {
          core.txBegin();
        } catch (error) {
          throw mapError(error, 'store/write-failed', 'start a transaction');
        }
      }, 'start a transaction');
      const tx: TxState = { open: true, depth: 0, ranSince: performance.now() };
      const handle = new SqliteStore(db, {}, { shared: this.#shared, tx });
      let value: T;
      try {
        value = await fn(handle);
      } catch (error) {
        tx.open = false;
        try {
          core.txEnd(false);
        } catch {
          // The rollback's own failure must not hide why the transaction failed.
        }
        throw error;
      }
      tx.open = false;
      try {
        core.txEnd(true);
      } catch (error) {
        throw mapError(error, 'store/write-failed', 'commit a transaction');
      }
      return value;
    });
  }

  saveExtraction(result: ExtractionResult, opts: SaveExtractionOptions): Promise<SaveResult> {
    return this.#run('store/write-failed', `save article ${result.article.id}`, (c) => c.saveExtraction(result, opts));
  }

  getContentHash(articleId: string): Promise<string | null> {
    return this.#run('store/query-failed', 'read a content hash', (c) => c.getContentHash(articleId));
  }

  saveFailure(source: string, diagnostics: readonly Diagnostic[], opts: { readonly recordedAt?: string } = {}): Promise<void> {
    return this.#run('store/write-failed', `save the failure of ${source}`, (c) => c.saveFailure(source, diagnostics, opts.recordedAt));
  }

  listFailures(): Promise<FailureRecord[]> {
    return this.#run('store/query-failed', 'list failures', (c) => c.listFailures());
  }

  getArticle(articleId: string): Promise<StoredArticle | null> {
    return this.#run('store/query-failed', `read article ${articleId}`, (c) => c.getArticle(articleId));
  }

  listArticles(opts?: ListOptions): Promise<ArticleSummary[]> {
    return this.#run('store/query-failed', 'list articles', (c) => c.listArticles(opts));
  }

  getArticleSummaries(ids: readonly string[]): Promise<ArticleSummary[]> {
    return this.#run('store/query-failed', 'read article summaries', (c) => c.getArticleSummaries(ids));
  }

  getArticleTexts(ids: readonly string[]): Promise<ArticleText[]> {
    return this.#run('store/query-failed', 'read article texts', (c) => c.getArticleTexts(ids));
  }

  countArticles(): Promise<number> {
    return this.#run('store/query-failed', 'count articles', (c) => c.countArticles());
  }

  listArticleEvents(filter?: EventFilter): Promise<ArticleEventRecord[]> {
    return this.#run('store/query-failed', 'list article events', (c) => c.listArticleEvents(filter));
  }

  searchArticles(query: string, opts?: ListOptions): Promise<ArticleSearchHit[]> {
    return this.#run('store/query-failed', 'search articles', (c) => c.searchArticles(query, opts));
  }

  replaceMergedEvents(affectedEventIds: readonly string[], newEvents: readonly MergedEvent[], stories?: StoryChange): Promise<void> {
    return this.#run('store/write-failed', 'replace merged events', (c) => c.replaceMergedEvents(affectedEventIds, newEvents, stories));
  }

  getEvent(eventId: string): Promise<MergedEvent | null> {
    return this.#run('store/query-failed', `read event ${eventId}`, (c) => c.getEvent(eventId));
  }

  listEvents(filter?: MergedEventFilter): Promise<MergedEvent[]> {
    return this.#run('store/query-failed', 'list events', (c) => c.listEvents(filter));
  }

  listEventOutlines(filter?: MergedEventFilter): Promise<EventOutline[]> {
    return this.#run('store/query-failed', 'list event outlines', (c) => c.listEventOutlines(filter));
  }

  countEvents(filter?: MergedEventFilter): Promise<number> {
    return this.#run('store/query-failed', 'count events', (c) => c.countEvents(filter));
  }

  listEventPoints(filter?: MergedEventFilter): Promise<EventPoint[]> {
    return this.#run('store/query-failed', 'list event points', (c) => c.listEventPoints(filter));
  }

  aggregateEvents(filter: MergedEventFilter, cellDegrees: number): Promise<EventAggregates> {
    return this.#run('store/query-failed', 'aggregate events', (c) => c.aggregateEvents(filter, cellDegrees));
  }

  listOutlets(): Promise<OutletCount[]> {
    return this.#run('store/query-failed', 'list outlets', (c) => c.listOutlets());
  }

  listStories(): Promise<Story[]> {
    return this.#run('store/query-failed', 'list stories', (c) => c.listStories());
  }

  recordStoryDebt(freshEventIds: readonly string[], replaced: readonly StoryDebtEvent[]): Promise<void> {
    return this.#run('store/write-failed', 'record story debt', (c) => c.recordStoryDebt(freshEventIds, replaced));
  }

  nearKinds(filter: EventFilter): Promise<{ complete: boolean; kinds: NearKind[] }> {
    return this.#run('store/query-failed', 'read event kinds', (c) => c.nearKinds(filter));
  }

  readEventSummary(eventId: string): Promise<StoredSummary | null> {
    return this.#run('store/query-failed', `read the summary of event ${eventId}`, (c) => c.readEventSummary(eventId));
  }

  appendReport(append: ReportAppend): Promise<void> {
    return this.#run('store/write-failed', `add a report to event ${append.event_id}`, (c) => c.appendReport(append));
  }

  readStoryDebt(): Promise<StoryDebt> {
    return this.#run('store/query-failed', 'read story debt', (c) => c.readStoryDebt());
  }

  settleStoryDebt(assignments: readonly StoryAssignment[], stories: StoryChange): Promise<void> {
    return this.#run('store/write-failed', 'settle story debt', (c) => c.settleStoryDebt(assignments, stories));
  }

  storyRemainders(storyIds: readonly string[], exceptEventIds: readonly string[]): Promise<StoryRemainder[]> {
    return this.#run('store/query-failed', 'read story remainders', (c) => c.storyRemainders(storyIds, exceptEventIds));
  }

  getMeta(key: string): Promise<string | null> {
    return this.#run('store/query-failed', `read setting ${key}`, (c) => c.getMeta(key));
  }

  setMeta(key: string, value: string): Promise<void> {
    return this.#run('store/write-failed', `write setting ${key}`, (c) => c.setMeta(key, value));
  }

  flush(): Promise<void> {
    if (this.#tx !== null) return Promise.resolve();
    return this.#run('store/write-failed', 'commit grouped writes', (c) => c.batch.flush());
  }

  async close(): Promise<void> {
    if (this.#tx !== null) throw new StoreError('store/invalid-argument', 'Cannot close the store from inside a transaction.');
    if (this.#shared.closed) return;
    // Let a transaction in progress finish first, then commit any open group.
    const shared = this.#shared;
    let failure: unknown = null;
    await shared.lock.run(async () => {
      if (shared.closed) return;
      try {
        shared.core.batch.flush();
      } catch (error) {
        failure = error;
      }
      shared.closed = true;
      // The checkpoint thread's connection goes first: closing the last one checkpoints and removes the log.
      await shared.core.checkpoints?.close();
      shared.reader?.db.close();
      shared.core.db.close();
    });
    if (failure !== null) throw mapError(failure, 'store/write-failed', 'commit grouped writes on close');
  }
}

/**
 * Resolves after a whole turn of the event loop, its I/O included: one `setImmediate` started
 * from an I/O callback (an HTTP request, a worker's message) runs before the next poll for I/O,
 * the second one after it.
 */
function turnOfEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
}

/** Driver errors become StoreErrors; a missing table means the database was never migrated. */
function mapError(error: unknown, code: StoreErrorCode, what: string): StoreError {
  if (error instanceof StoreError) return error;
  if (error instanceof Error && /no such table/.test(error.message)) {
    return new StoreError('store/not-migrated', `Cannot ${what}: the database is not migrated (${error.message}). Call migrate() first.`, {
      cause: error,
    });
  }
  return toStoreError(error, code, `Cannot ${what}`);
}
