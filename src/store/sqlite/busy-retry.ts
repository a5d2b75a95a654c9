/**
 * Waiting for another process's write. SQLite lets one connection write at a time; a second
 * process (two `sitrep ingest` runs, or `sitrep ingest` while `sitrep serve` takes a POST) finds
 * the write lock taken. The connection's own busy handler waits only briefly (`BUSY_TIMEOUT_MS`,
 * synchronously, so a server's event loop is never held long); after that the whole unit of work
 * (a write or a transaction, which had done nothing yet: taking the lock is its first step) is
 * tried again after a short asynchronous pause, until `waitMs` have passed.
 *
 * Fairness: SQLite does not queue waiters, so a writer that commits and at once begins again
 * could keep the lock for its whole run. A connection that commits a group of writes therefore
 * pauses {@link YIELD_MS} before its next one (`GroupCommit.yieldMs`: once a second while another
 * process writes too, once every 5 s alone), longer than a waiter's gap between tries, and groups
 * are committed at least every second (`MAX_GROUP_OPEN_MS`): a waiting process gets in within
 * 5 s, then takes turns about every second.
 */
import { setTimeout as sleep } from 'node:timers/promises';

/** The connection's synchronous busy timeout (`PRAGMA busy_timeout`). */
export const BUSY_TIMEOUT_MS = 20;

/** Default total wait for the write lock before a write fails (2 minutes). */
export const DEFAULT_BUSY_WAIT_MS = 120_000;

/** Pause between two tries (plus up to as much again at random, so two waiters do not beat together). */
export const RETRY_PAUSE_MS = 5;

/** How long a connection that committed a group leaves the lock free before its next write. */
export const YIELD_MS = 30;

/** True when `error`, or an error it wraps, is SQLite's "database is locked" (`SQLITE_BUSY…`). */
export function isBusyError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('SQLITE_BUSY')) return true;
  }
  return false;
}

/**
 * Runs `attempt` (synchronously the first time); while it fails with SQLITE_BUSY and `retryable()`
 * says nothing of it was done (no transaction left open), tries again after a pause, for up to
 * `waitMs` in all. The last error is thrown through `giveUp` (to say how long it waited).
 */
export function retryWhileBusy<T>(attempt: () => T, retryable: () => boolean, waitMs: number, giveUp: (error: unknown, waitedMs: number) => unknown): T | Promise<T> {
  try {
    return attempt();
  } catch (error) {
    if (!isBusyError(error) || !retryable() || waitMs <= 0) throw error;
    return retryLater(attempt, retryable, Date.now(), waitMs, giveUp);
  }
}

async function retryLater<T>(attempt: () => T, retryable: () => boolean, started: number, waitMs: number, giveUp: (error: unknown, waitedMs: number) => unknown): Promise<T> {
  for (;;) {
    await sleep(RETRY_PAUSE_MS + Math.random() * RETRY_PAUSE_MS);
    try {
      return attempt();
    } catch (error) {
      const waited = Date.now() - started;
      if (!isBusyError(error) || !retryable()) throw error;
      if (waited >= waitMs) throw giveUp(error, waited);
    }
  }
}
