/**
 * WAL checkpoints in a background thread (`sitrep ingest`'s store): the writer's connection no
 * longer checkpoints, the thread does, the log stays bounded, and everything written is there
 * after close and reopen, with the log removed.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestExtraction } from '../ingest-extraction.js';
import { makeExtraction } from '../testing/extraction-fixtures.js';
import { makeTempDir } from '../testing/store-matrix.js';
import { LOG_CEILING_FRAMES } from './background-checkpoint.js';
import { SqliteStore } from './sqlite-store.js';

describe('background checkpoints', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let file: string;
  beforeEach(() => {
    tmp = makeTempDir();
    file = path.join(tmp.dir, 'c.db');
  });
  afterEach(() => tmp.remove());

  it('checkpoints in the thread, keeps the log bounded and loses nothing', async () => {
    const store = SqliteStore.open(file, { groupCommit: 16, backgroundCheckpoint: true });
    await store.migrate();
    expect(store.database.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    const checkpoints = () => store.checkpoints!.completed;
    let biggestLog = 0;
    for (let i = 0; i < 3000; i++) {
      await ingestExtraction(store, makeExtraction(`a${i}`), `h${i}`);
      if (i % 100 === 99) {
        // Let the thread's replies in, as the ingest loop does between articles.
        await new Promise((r) => setTimeout(r, 5));
        if (existsSync(`${file}-wal`)) biggestLog = Math.max(biggestLog, statSync(`${file}-wal`).size);
      }
    }
    await store.flush();
    expect(checkpoints()).toBeGreaterThan(0);
    // Without restarts the log would hold every page written (~90 MB here): the writer restarts
    // it at the latest when the file passes the ceiling, so it ends within a commit of it
    // however slow the thread's checkpoints are.
    expect(store.checkpoints!.restarts).toBeGreaterThan(0);
    expect(biggestLog).toBeLessThan((LOG_CEILING_FRAMES + 2000) * 4096);
    await store.close();
    expect(existsSync(`${file}-wal`)).toBe(false);
    const again = SqliteStore.open(file);
    expect(await again.countArticles()).toBe(3000);
    await again.close();
  });

  it('is off by default and for in-memory databases', async () => {
    const plain = SqliteStore.open(file);
    expect(plain.checkpoints).toBeNull();
    await plain.close();
    const memory = SqliteStore.open(':memory:', { backgroundCheckpoint: true });
    expect(memory.checkpoints).toBeNull();
    await memory.close();
  });
});
