import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { StoreError } from '../errors.js';
import { makeTempDir } from '../testing/store-matrix.js';
import { migrations } from './migrations.js';
import { MigrationError, runMigrations } from './run-migrations.js';
import { SqliteStore } from './sqlite-store.js';

const now = (): string => '2024-01-01T00:00:00.000Z';

describe('runMigrations', () => {
  it('applies every migration once, then nothing (idempotent), also after reopening a file', async () => {
    const tmp = makeTempDir();
    try {
      const file = path.join(tmp.dir, 'm.db');
      const first = SqliteStore.open(file);
      const results = await first.migrate();
      expect(results.map((r) => [r.migrationName, r.status])).toEqual(migrations.map((m) => [m.id, 'Success']));
      expect(await first.migrate()).toEqual([]);
      expect(await first.getMeta('schema_version')).toBe(migrations[migrations.length - 1]?.id);
      await first.close();

      const again = SqliteStore.open(file);
      expect(await again.migrate()).toEqual([]);
      const tables = again.database.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
      expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['articles', 'article_events', 'events', 'event_reports', 'stories', 'meta', 'migrations', 'articles_fts', 'failures']));
      expect(again.database.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(again.database.pragma('foreign_keys', { simple: true })).toBe(1);
      await again.close();
    } finally {
      tmp.remove();
    }
  });

  it('refuses a database migrated by newer code, before changing anything', () => {
    const db = new Database(':memory:');
    runMigrations(db, migrations, now);
    db.prepare('INSERT INTO migrations (id, applied_at) VALUES (?, ?)').run('9999_from_the_future', now());
    expect(() => runMigrations(db, migrations, now)).toThrow(StoreError);
    try {
      runMigrations(db, migrations, now);
    } catch (error) {
      expect((error as StoreError).code).toBe('store/schema-too-new');
      expect((error as StoreError).message).toMatch(/9999_from_the_future/);
    }
  });

  it('rolls back a failing migration and reports Success / Error / NotExecuted', () => {
    const db = new Database(':memory:');
    const list = [
      { id: '0001_a', up: 'CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL); CREATE TABLE a (x);' },
      { id: '0002_b', up: 'CREATE TABLE b (x); CREATE TABLE a (x);' },
      { id: '0003_c', up: 'CREATE TABLE c (x);' },
    ];
    let caught: unknown;
    try {
      runMigrations(db, list, now);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(MigrationError);
    const failure = caught as MigrationError;
    expect(failure.code).toBe('store/migration-failed');
    expect(failure.results.map((r) => r.status)).toEqual(['Success', 'Error', 'NotExecuted']);
    // 0002 left nothing behind: table b does not exist, and it is not recorded.
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'b'").get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT id FROM migrations').all()).toEqual([{ id: '0001_a' }]);
  });

  it('maps use before migration to store/not-migrated', async () => {
    const store = SqliteStore.open(':memory:');
    await expect(store.countArticles()).rejects.toMatchObject({ code: 'store/not-migrated' });
    await store.close();
  });
});
