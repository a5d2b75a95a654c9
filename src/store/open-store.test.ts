import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StoreError } from './errors.js';
import { openStore } from './open-store.js';
import { postgresMigrations } from './postgres/migrations.js';
import { SqliteStore } from './sqlite/sqlite-store.js';
import { makeExtraction } from './testing/extraction-fixtures.js';
import { PG_URL, makeTempDir } from './testing/store-matrix.js';

describe('openStore', () => {
  it('opens PostgreSQL for postgres:// URLs (spec or SITREP_DB); an unreachable server is store/open-failed', async () => {
    for (const spec of ['postgres://u@127.0.0.1:1/db', 'postgresql://127.0.0.1:1/sitrep', 'POSTGRES://127.0.0.1:1/x']) {
      const error = await openStore(spec).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreError);
      expect((error as StoreError).code).toBe('store/open-failed');
    }
    await expect(openStore(undefined, { env: { SITREP_DB: 'postgres://127.0.0.1:1/db' } })).rejects.toMatchObject({ code: 'store/open-failed' });
  });

  it.skipIf(PG_URL === undefined)('opens a migrated PostgreSQL store from PG_URL', async () => {
    const store = await openStore(undefined, { env: { SITREP_DB: PG_URL } });
    try {
      expect(store.dialect).toBe('postgres');
      expect(await store.getMeta('schema_version')).toBe(postgresMigrations.at(-1)?.id);
    } finally {
      await store.close();
    }
  });

  it('opens a migrated in-memory store', async () => {
    const store = await openStore(':memory:');
    expect(store.dialect).toBe('sqlite');
    expect(await store.countArticles()).toBe(0);
    await store.close();
  });

  it('prefers the spec over SITREP_DB, creates missing directories, and persists across opens', async () => {
    const tmp = makeTempDir();
    try {
      const fromEnv = path.join(tmp.dir, 'env', 'env.db');
      const fromSpec = path.join(tmp.dir, 'nested', 'dir', 'spec.db');
      const store = await openStore(fromSpec, { env: { SITREP_DB: fromEnv } });
      await store.saveExtraction(makeExtraction('a1'), { contentHash: 'h' });
      await store.close();
      expect(fs.existsSync(fromSpec)).toBe(true);
      expect(fs.existsSync(fromEnv)).toBe(false);

      const viaEnv = await openStore(undefined, { env: { SITREP_DB: `sqlite:${fromSpec}` } });
      expect(await viaEnv.countArticles()).toBe(1);
      await viaEnv.close();
    } finally {
      tmp.remove();
    }
  });

  it('reports a database from newer code and closes it', async () => {
    const tmp = makeTempDir();
    try {
      const file = path.join(tmp.dir, 'new.db');
      const raw = SqliteStore.open(file);
      await raw.migrate();
      raw.database.prepare("INSERT INTO migrations (id, applied_at) VALUES ('9000_future', 'x')").run();
      await raw.close();
      await expect(openStore(file)).rejects.toMatchObject({ code: 'store/schema-too-new' });
    } finally {
      tmp.remove();
    }
  });

  it('wraps an unopenable path as store/open-failed', async () => {
    const tmp = makeTempDir();
    try {
      fs.writeFileSync(path.join(tmp.dir, 'file'), 'x');
      await expect(openStore(path.join(tmp.dir, 'file', 'db.sqlite'))).rejects.toMatchObject({ code: 'store/open-failed' });
    } finally {
      tmp.remove();
    }
  });
});
