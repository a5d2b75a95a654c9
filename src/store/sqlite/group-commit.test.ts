import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestExtraction } from '../ingest-extraction.js';
import { makeEvent, makeExtraction } from '../testing/extraction-fixtures.js';
import { makeTempDir } from '../testing/store-matrix.js';
import { SqliteStore } from './sqlite-store.js';

/** Articles a second connection (another process, in effect) can see. */
function committedArticles(file: string): number {
  const reader = new Database(file, { readonly: true });
  try {
    return (reader.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
  } finally {
    reader.close();
  }
}

describe('group commit', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let file: string;
  beforeEach(() => {
    tmp = makeTempDir();
    file = path.join(tmp.dir, 'g.db');
  });
  afterEach(() => tmp.remove());

  it('commits every `size` articles, and the rest on flush or close', async () => {
    const store = SqliteStore.open(file, { groupCommit: 3, groupCommitIdleMs: 60_000 });
    await store.migrate();
    for (let i = 0; i < 4; i++) await ingestExtraction(store, makeExtraction(`a${i}`), 'h');
    expect(await store.countArticles()).toBe(4); // the writer sees its own group
    expect(committedArticles(file)).toBe(3);
    await store.flush();
    expect(committedArticles(file)).toBe(4);
    await store.saveExtraction(makeExtraction('a4'), { contentHash: 'h' });
    expect(committedArticles(file)).toBe(4);
    await store.close();
    expect(committedArticles(file)).toBe(5);
  });

  it('commits an unfinished group after the idle delay', async () => {
    const store = SqliteStore.open(file, { groupCommit: 100, groupCommitIdleMs: 20 });
    await store.migrate();
    await ingestExtraction(store, makeExtraction('a1'), 'h');
    expect(committedArticles(file)).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(committedArticles(file)).toBe(1);
    await store.close();
  });

  it('rolls back only the failing article of a group', async () => {
    const store = SqliteStore.open(file, { groupCommit: 10, groupCommitIdleMs: 60_000 });
    await store.migrate();
    await ingestExtraction(store, makeExtraction('a1'), 'h');
    await expect(ingestExtraction(store, makeExtraction('bad', { events: [makeEvent('e1'), makeEvent('e1')] }), 'h')).rejects.toMatchObject({
      code: 'store/write-failed',
    });
    await expect(
      ingestExtraction(store, makeExtraction('bad2'), 'h', { resolver: { id: 'x', resolve: () => Promise.reject(new Error('no')) } }),
    ).rejects.toThrow('no');
    await ingestExtraction(store, makeExtraction('a2'), 'h');
    await store.close();
    const reopened = SqliteStore.open(file);
    expect((await reopened.listArticles()).map((a) => a.id)).toEqual(['a1', 'a2']);
    expect(await reopened.countEvents()).toBe(4);
    await reopened.close();
  });
});
