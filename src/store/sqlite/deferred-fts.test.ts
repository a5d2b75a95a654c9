import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { makeExtraction } from '../testing/extraction-fixtures.js';
import { SqliteStore } from './sqlite-store.js';

// Full-text indexing happens once per commit (migration 0005): these tests check that what is
// committed is always searchable, that updates and deletes leave the index consistent with the
// articles, and that nothing stays queued after a commit.

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function tempDb(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-fts-'));
  dirs.push(dir);
  return path.join(dir, 'fts.db');
}

async function open(file: string, groupCommit: number): Promise<SqliteStore> {
  const store = SqliteStore.open(file, { groupCommit });
  await store.migrate();
  return store;
}

const article = (id: string, words: string) => makeExtraction(id, { text: `${words}\n\nFakeville was shelled on Monday by ${words}.`, events: [], statements: [], diagnostics: [] });

/** Whether the FTS index matches the articles table exactly (SQLite's own check), and the queue length. */
function indexState(file: string): { consistent: boolean; queued: number } {
  const db = new Database(file, { readonly: false });
  try {
    let consistent = true;
    try {
      db.prepare("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)").run();
    } catch {
      consistent = false;
    }
    const { n } = db.prepare('SELECT count(*) AS n FROM articles_fts_pending').get() as { n: number };
    return { consistent, queued: n };
  } finally {
    db.close();
  }
}

describe('deferred full-text indexing', () => {
  it('indexes a group of articles when the group commits, not before', async () => {
    const file = tempDb();
    const store = await open(file, 64);
    for (const [id, word] of [['a1', 'Quillonbrook'], ['a2', 'Zarvenhollow'], ['a3', 'Quillonbrook']] as const) {
      await store.transaction(async (tx) => {
        await tx.saveExtraction(article(id, word), { contentHash: `h-${id}` });
      });
    }
    // Still inside the open group: another connection sees neither the articles nor the index.
    const reader = new Database(file, { readonly: true });
    expect((reader.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n).toBe(0);
    await store.flush();
    expect((reader.prepare("SELECT count(*) AS n FROM articles_fts WHERE articles_fts MATCH 'quillonbrook'").get() as { n: number }).n).toBe(2);
    reader.close();
    expect((await store.searchArticles('Quillonbrook')).map((h) => h.id).sort()).toEqual(['a1', 'a3']);
    expect((await store.searchArticles('Zarvenhollow')).map((h) => h.id)).toEqual(['a2']);
    await store.close();
    expect(indexState(file)).toEqual({ consistent: true, queued: 0 });
  });

  it('keeps the index equal to the articles through updates in and across groups', async () => {
    const file = tempDb();
    const store = await open(file, 64);
    await store.saveExtraction(article('a1', 'Quillonbrook'), { contentHash: 'h1' });
    // Updated before its group committed: only the new text is indexed.
    await store.saveExtraction(article('a1', 'Zarvenhollow'), { contentHash: 'h2' });
    await store.flush();
    expect(await store.searchArticles('Quillonbrook')).toEqual([]);
    expect((await store.searchArticles('Zarvenhollow')).map((h) => h.id)).toEqual(['a1']);
    // Updated after it was indexed: the old words leave the index.
    await store.saveExtraction(article('a1', 'Merrowfield'), { contentHash: 'h3' });
    await store.flush();
    expect(await store.searchArticles('Zarvenhollow')).toEqual([]);
    expect((await store.searchArticles('Merrowfield')).map((h) => h.id)).toEqual(['a1']);
    await store.close();
    expect(indexState(file)).toEqual({ consistent: true, queued: 0 });
  });

  it('indexes at once without group commit, and a rolled-back article leaves nothing queued', async () => {
    const file = tempDb();
    const store = await open(file, 1);
    await store.saveExtraction(article('a1', 'Quillonbrook'), { contentHash: 'h1' });
    expect((await store.searchArticles('Quillonbrook')).map((h) => h.id)).toEqual(['a1']);
    await expect(
      store.transaction(async (tx) => {
        await tx.saveExtraction(article('a2', 'Zarvenhollow'), { contentHash: 'h2' });
        throw new Error('merge failed');
      }),
    ).rejects.toThrow('merge failed');
    await store.transaction(async (tx) => {
      await tx.saveExtraction(article('a3', 'Merrowfield'), { contentHash: 'h3' });
    });
    expect(await store.searchArticles('Zarvenhollow')).toEqual([]);
    expect((await store.searchArticles('Merrowfield')).map((h) => h.id)).toEqual(['a3']);
    await store.close();
    expect(indexState(file)).toEqual({ consistent: true, queued: 0 });
  });
});
