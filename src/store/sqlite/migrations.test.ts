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

  it('counts the events of stories stored before 0003_story_size, then keeps the counts', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    const upTo = migrations.findIndex((m) => m.id === '0003_story_size');
    runMigrations(db, migrations.slice(0, upTo), now);
    db.exec(`INSERT INTO stories (id, title, places_json, updated_at) VALUES ('s1', 'T', '[]', 'x'), ('s2', 'U', '[]', 'x')`);
    const event = db.prepare(`INSERT INTO events (id, story_id, event_type, sub_event_type, date, ceasefire_violation, background, json,
      reports_count, sources_count, contradictions_json, updated_at) VALUES (?, ?, 'Battles', 'Armed clash', '2021-03-01', 0, 0, '{}', 1, 1, '[]', 'x')`);
    for (const [id, story] of [['m1', 's1'], ['m2', 's1'], ['m3', null]]) event.run(id, story);
    runMigrations(db, migrations, now);
    const counts = () => db.prepare('SELECT id, event_count AS n FROM stories ORDER BY id').all();
    expect(counts()).toEqual([{ id: 's1', n: 2 }, { id: 's2', n: 0 }]);
    event.run('m4', 's2');
    db.prepare("UPDATE events SET story_id = 's2' WHERE id = 'm1'").run();
    db.prepare("UPDATE events SET story_id = 's1' WHERE id = 'm3'").run();
    db.prepare("DELETE FROM events WHERE id = 'm2'").run();
    expect(counts()).toEqual([{ id: 's1', n: 1 }, { id: 's2', n: 2 }]);
    db.prepare("DELETE FROM stories WHERE id = 's2'").run();
    expect(counts()).toEqual([{ id: 's1', n: 1 }]);
    expect(db.prepare("SELECT count(*) AS n FROM events WHERE story_id IS NULL").get()).toEqual({ n: 2 });
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
