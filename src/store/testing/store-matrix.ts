/**
 * The stores every store test runs against (architecture.md §6 "Store matrix", Kysely's
 * `DIALECTS`): SQLite in memory, on a file, and with group commit; PostgreSQL too when `PG_URL`
 * is set (each test gets its own throw-away schema in that database, dropped afterwards).
 * `STORES=sqlite` or `STORES=postgres` narrows the list.
 *
 * Tests reach the database only through the helpers of {@link TestStore}, so the same test body
 * runs on every backend.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { PostgresStore } from '../postgres/postgres-store.js';
import { SqliteStore } from '../sqlite/sqlite-store.js';
import type { Store } from '../store.js';

/** Options a test may give any kind of store (SQLite-only ones are ignored elsewhere). */
export interface TestStoreOptions {
  readonly now?: () => string;
  readonly groupCommit?: number;
}

/** An opened, migrated store, backend-neutral helpers for white-box checks, and its disposal. */
export interface TestStore {
  readonly store: Store;
  /** The file behind it, `:memory:`, or the PostgreSQL URL (with its schema). */
  readonly location: string;
  /** A value that changes whenever any row of the store's tables is inserted, updated or deleted. */
  changeMarker(): Promise<string>;
  /** Runs `SELECT count(*) AS n …` (plain SQL both dialects accept) and returns n. */
  count(sql: string): Promise<number>;
  /** Makes every insert into `table` of a row with `article_id = articleId` fail with "injected failure". */
  failInserts(table: string, articleId: string): Promise<void>;
  dispose(): Promise<void>;
}

export interface StoreKind {
  readonly name: string;
  readonly dialect: 'sqlite' | 'postgres';
  open(options?: TestStoreOptions): Promise<TestStore>;
}

/** A fresh temporary directory, removed by the returned function. */
export function makeTempDir(): { dir: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-store-'));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

const TABLES = ['articles', 'article_events', 'article_statements', 'article_diagnostics', 'failures', 'stories', 'events', 'event_reports', 'meta'];

async function openSqlite(location: string, options: TestStoreOptions | undefined, cleanup: () => void): Promise<TestStore> {
  const store = SqliteStore.open(location, options);
  await store.migrate();
  const db = store.database;
  return {
    store,
    location,
    changeMarker: async () => String((db.prepare('SELECT total_changes() AS n').get() as { n: number }).n),
    count: async (sql) => (db.prepare(sql).get() as { n: number }).n,
    failInserts: async (table, articleId) => {
      db.exec(`CREATE TRIGGER boom_${table} BEFORE INSERT ON ${table} WHEN new.article_id = '${articleId}'
        BEGIN SELECT RAISE(ABORT, 'injected failure'); END`);
    },
    dispose: async () => {
      await store.close();
      cleanup();
    },
  };
}

/** `url` with `search_path` set to `schema` for every connection. */
export function withSearchPath(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

/**
 * A fresh schema in the database of `PG_URL`, a migrated {@link PostgresStore} on it, and a
 * disposal that drops the schema. Exported for the queue and worker tests.
 */
export async function openPostgresTestStore(pgUrl: string, options: TestStoreOptions = {}): Promise<TestStore & { store: PostgresStore; schema: string }> {
  const schema = `sitrep_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await admin.end();
  }
  const location = withSearchPath(pgUrl, schema);
  const store = PostgresStore.open(location, { ...(options.now === undefined ? {} : { now: options.now }), maxConnections: 4 });
  await store.migrate();
  const pool = store.pool;
  return {
    store,
    schema,
    location,
    changeMarker: async () => {
      const parts = TABLES.map((t) => `(SELECT count(*) || ':' || coalesce(max(xmin::text::bigint), 0) FROM ${t})`);
      const { rows } = await pool.query<{ m: string }>(`SELECT ${parts.join(` || '|' || `)} AS m`);
      return rows[0]?.m ?? '';
    },
    count: async (sql) => Number((await pool.query<{ n: string }>(sql)).rows[0]?.n),
    failInserts: async (table, articleId) => {
      await pool.query(`CREATE FUNCTION boom_${table}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$`);
      await pool.query(`CREATE TRIGGER boom_${table} BEFORE INSERT ON ${table} FOR EACH ROW WHEN (new.article_id = '${articleId}') EXECUTE FUNCTION boom_${table}()`);
    },
    dispose: async () => {
      await store.close();
      const cleanup = new pg.Client({ connectionString: pgUrl });
      await cleanup.connect();
      try {
        await cleanup.query(`DROP SCHEMA ${schema} CASCADE`);
      } finally {
        await cleanup.end();
      }
    },
  };
}

const ALL_KINDS: readonly StoreKind[] = [
  { name: 'sqlite :memory:', dialect: 'sqlite', open: (options) => openSqlite(':memory:', options, () => undefined) },
  {
    name: 'sqlite file',
    dialect: 'sqlite',
    open: (options) => {
      const tmp = makeTempDir();
      return openSqlite(path.join(tmp.dir, 'test.db'), options, tmp.remove);
    },
  },
  {
    name: 'sqlite file, group commit',
    dialect: 'sqlite',
    open: (options) => {
      const tmp = makeTempDir();
      return openSqlite(path.join(tmp.dir, 'test.db'), { groupCommit: 8, ...options }, tmp.remove);
    },
  },
];

/** The PostgreSQL URL tests use, or undefined (then PostgreSQL tests are skipped). */
export const PG_URL: string | undefined = process.env.PG_URL === undefined || process.env.PG_URL === '' ? undefined : process.env.PG_URL;

const pgUrl = PG_URL;
const POSTGRES_KIND: StoreKind | null =
  pgUrl === undefined ? null : { name: 'postgres', dialect: 'postgres', open: (options) => openPostgresTestStore(pgUrl, options) };

const only = process.env.STORES?.split(',').map((s) => s.trim()).filter(Boolean);

/** The store kinds of this run. */
export const STORE_KINDS: readonly StoreKind[] = [...ALL_KINDS, ...(POSTGRES_KIND === null ? [] : [POSTGRES_KIND])].filter(
  (k) => only === undefined || only.length === 0 || only.includes(k.dialect),
);
