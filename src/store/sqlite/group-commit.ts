/**
 * Optional group commit: many article transactions share one SQLite transaction, each of them a
 * savepoint inside it. Every article stays atomic (a failure rolls back its savepoint only), but
 * up to `size` articles are made durable together, when the group is full, after `idleMs` without
 * writes, on `flush()` or on `close()`. A commit per article costs ~0.4 ms of WAL page writes on a
 * file; grouping 64 cuts a full ingest (save + merge) from ~0.7 to ~0.3 ms per article.
 *
 * The trade-off: a crash loses the last uncommitted group (never half an article), and other
 * connections see a group's articles only once it commits.
 */
import type Database from 'better-sqlite3';
import { StoreError } from '../errors.js';
import { YIELD_MS } from './busy-retry.js';

/** Without another writer seen lately, the lock is left free this often (a newcomer's first wait). */
const LONE_YIELD_EVERY_MS = 5000;
/** Another writer seen within this long counts as present. */
const OTHER_WRITER_MEMORY_MS = 10_000;

export class GroupCommit {
  readonly #db: Database.Database;
  /** Units of work per commit; 1 or less disables grouping. */
  readonly size: number;
  readonly #idleMs: number;
  readonly #maxOpenMs: number;
  #open = false;
  #openedAt = 0;
  /** Until when (ms since the epoch) the next group should wait: see {@link yieldMs}. */
  #yieldUntil = 0;
  #lastYield = 0;
  /** `PRAGMA data_version` at the last commit, and when it last showed another writer. */
  #dataVersion = -1;
  #otherWriterAt = 0;
  #pending = 0;
  #timer: NodeJS.Timeout | null = null;
  #deferredError: unknown = null;
  /** Called (outside any caller's work) when the idle delay expires; set by the owner to commit under its lock. */
  onIdle: () => void = () => this.commit();
  /** Called inside the group transaction just before its COMMIT (work deferred to commit time). */
  beforeCommit: () => void = () => {};
  /** Called after each successful commit of a group. */
  onCommit: () => void = () => {};

  /**
   * `maxOpenMs`: a group is committed once it has been open this long, however few units it
   * holds, so that another process waiting for the write lock gets its turn (`busy-retry.ts`).
   */
  constructor(db: Database.Database, size: number, idleMs: number, maxOpenMs = Number.POSITIVE_INFINITY) {
    this.#db = db;
    this.size = size;
    this.#idleMs = idleMs;
    this.#maxOpenMs = maxOpenMs;
  }

  /**
   * Milliseconds the next group should wait before it begins: after a group committed while
   * writes kept coming (full or too old), the lock is left free for {@link YIELD_MS}, at most once
   * per `maxOpenMs` while another process writes too (once per 5 s otherwise), so that a process
   * waiting for it can take it (SQLite does not queue waiters): at most 3% of a busy writer's
   * time with another writer, 0.6% alone. 0 otherwise.
   */
  yieldMs(): number {
    if (this.#open) return 0;
    return Math.max(0, this.#yieldUntil - Date.now());
  }

  get enabled(): boolean {
    return this.size > 1;
  }

  /** True while a group transaction is open. */
  get isOpen(): boolean {
    return this.#open;
  }

  /** Opens the group transaction if none is open (takes the write lock now). */
  begin(): void {
    this.#throwDeferred();
    if (this.#open) {
      if (!this.#db.inTransaction) {
        this.#open = false;
        this.#pending = 0;
        throw new StoreError('store/write-failed', 'SQLite rolled back the current group of writes (see the previous error); those articles were not saved.');
      }
      return;
    }
    this.#db.exec('BEGIN IMMEDIATE');
    this.#open = true;
    this.#openedAt = Date.now();
  }

  /** Counts one finished unit of work: commits a full group, else (re)arms the idle commit. */
  done(): void {
    this.#pending += 1;
    if (this.#pending >= this.size || Date.now() - this.#openedAt >= this.#maxOpenMs) {
      this.commit();
      const now = Date.now();
      if (!this.#db.memory && now - this.#lastYield >= this.#yieldEvery(now)) {
        this.#lastYield = now;
        this.#yieldUntil = now + YIELD_MS;
      }
    } else this.#arm();
  }

  /**
   * How often to leave the lock free: every `maxOpenMs` while another connection has written
   * lately (`PRAGMA data_version` changes only for other connections' commits), else every
   * {@link LONE_YIELD_EVERY_MS}, so that a process that has not got in yet still does.
   */
  #yieldEvery(now: number): number {
    const version = this.#db.pragma('data_version', { simple: true }) as number;
    if (this.#dataVersion >= 0 && version !== this.#dataVersion) this.#otherWriterAt = now;
    this.#dataVersion = version;
    return now - this.#otherWriterAt < OTHER_WRITER_MEMORY_MS ? this.#maxOpenMs : Math.max(this.#maxOpenMs, LONE_YIELD_EVERY_MS);
  }

  /** Commits the open group now (no-op when none is open). */
  commit(): void {
    if (this.#timer !== null) {
      clearTimeout(this.#timer);
      this.#timer = null;
    }
    const wasOpen = this.#open;
    this.#open = false;
    this.#pending = 0;
    if (!wasOpen) return;
    if (!this.#db.inTransaction) {
      throw new StoreError('store/write-failed', 'SQLite rolled back the last group of writes before it could be committed.');
    }
    try {
      this.beforeCommit();
      this.#db.exec('COMMIT');
    } catch (error) {
      if (this.#db.inTransaction) this.#db.exec('ROLLBACK');
      throw new StoreError('store/write-failed', `Committing a group of writes failed: ${error instanceof Error ? error.message : String(error)}`, {
        cause: error,
      });
    }
    this.onCommit();
  }

  /** Records an error from an idle commit, to be thrown by the next write, flush or close. */
  defer(error: unknown): void {
    this.#deferredError = error;
  }

  #throwDeferred(): void {
    if (this.#deferredError === null) return;
    const error = this.#deferredError;
    this.#deferredError = null;
    throw error;
  }

  /** Commits now and rethrows an earlier idle-commit failure. */
  flush(): void {
    this.#throwDeferred();
    this.commit();
  }

  #arm(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.onIdle();
    }, this.#idleMs);
    // Not unref'd on purpose: a program that forgets close() still gets its last group committed.
  }
}
