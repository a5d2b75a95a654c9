/**
 * Two connections (two processes, in effect) writing one SQLite file: a write that finds the
 * lock taken waits its turn instead of failing with "database is locked"; past `busyWaitMs` it
 * fails with a message that says so; a connection that keeps writing in groups leaves the lock
 * free between groups, so the other one gets in.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestExtraction } from '../ingest-extraction.js';
import { makeExtraction } from '../testing/extraction-fixtures.js';
import { makeTempDir } from '../testing/store-matrix.js';
import { BUSY_TIMEOUT_MS, isBusyError } from './busy-retry.js';
import { SqliteStore } from './sqlite-store.js';

describe('waiting for another writer', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let file: string;
  beforeEach(async () => {
    tmp = makeTempDir();
    file = path.join(tmp.dir, 'busy.db');
    const setup = SqliteStore.open(file);
    await setup.migrate();
    await setup.close();
  });
  afterEach(() => tmp.remove());

  /** Holds the write lock from another connection for `ms`. */
  function holdLock(ms: number): Promise<void> {
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    return new Promise((resolve) =>
      setTimeout(() => {
        other.exec('COMMIT');
        other.close();
        resolve();
      }, ms),
    );
  }

  it('a write and a transaction wait for the lock, well past the busy timeout', async () => {
    for (const groupCommit of [1, 8]) {
      const store = SqliteStore.open(file, { groupCommit });
      const held = holdLock(BUSY_TIMEOUT_MS * 8);
      const started = Date.now();
      await store.saveFailure(`bad-${groupCommit}.txt`, []);
      await ingestExtraction(store, makeExtraction(`waited-${groupCommit}`), 'h');
      expect(Date.now() - started).toBeGreaterThanOrEqual(BUSY_TIMEOUT_MS * 8 - 20);
      await held;
      await store.close();
    }
    const check = SqliteStore.open(file);
    expect(await check.countArticles()).toBe(2);
    await check.close();
  });

  it('gives up after busyWaitMs with a message naming the wait', async () => {
    const store = SqliteStore.open(file, { busyWaitMs: 100 });
    const held = holdLock(1500);
    const error = await store.saveFailure('x.txt', []).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(isBusyError(error)).toBe(true);
    expect((error as Error).message).toMatch(/another process kept the database locked for \d+\.\d s/);
    await held;
    // Nothing was left open: the store writes again.
    await store.saveFailure('y.txt', []);
    await store.close();
  });

  it('two connections writing groups at once both get through', async () => {
    const a = SqliteStore.open(file, { groupCommit: 1000, groupCommitIdleMs: 200 });
    const b = SqliteStore.open(file, { groupCommit: 1000, groupCommitIdleMs: 200 });
    // Each keeps its group open for 2.5 s of writes (longer than a group may stay open): without
    // the commit after MAX_GROUP_OPEN_MS and the pause after it, one would wait for the other's
    // whole run, or fail.
    const writer = async (store: SqliteStore, tag: string): Promise<number[]> => {
      const waits: number[] = [];
      const end = Date.now() + 2500;
      for (let i = 0; Date.now() < end; i++) {
        const t = Date.now();
        await ingestExtraction(store, makeExtraction(`${tag}${i}`), 'h');
        waits.push(Date.now() - t);
        await new Promise((r) => setTimeout(r, 5));
      }
      return waits;
    };
    const [wa, wb] = await Promise.all([writer(a, 'a'), writer(b, 'b')]);
    await Promise.all([a.close(), b.close()]);
    const check = SqliteStore.open(file);
    expect(await check.countArticles()).toBe(wa.length + wb.length);
    await check.close();
    // Both made progress during those seconds (neither starved until the other was done).
    expect(Math.min(wa.length, wb.length)).toBeGreaterThan(5);
  });
});
