/**
 * The stores every store test runs against (architecture.md §6 "Store matrix"): SQLite in
 * memory and SQLite on a temporary file. A PostgreSQL entry joins when that store exists.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SqliteStore, type SqliteStoreOptions } from '../sqlite/sqlite-store.js';

/** An opened, migrated store and how to dispose of it. */
export interface TestStore {
  readonly store: SqliteStore;
  /** The file behind it, or `:memory:`. */
  readonly location: string;
  dispose(): Promise<void>;
}

export interface StoreKind {
  readonly name: string;
  open(options?: SqliteStoreOptions): Promise<TestStore>;
}

/** A fresh temporary directory, removed by the returned function. */
export function makeTempDir(): { dir: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-store-'));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

async function openMigrated(location: string, options: SqliteStoreOptions | undefined, cleanup: () => void): Promise<TestStore> {
  const store = SqliteStore.open(location, options);
  await store.migrate();
  return {
    store,
    location,
    dispose: async () => {
      await store.close();
      cleanup();
    },
  };
}

export const STORE_KINDS: readonly StoreKind[] = [
  { name: 'sqlite :memory:', open: (options) => openMigrated(':memory:', options, () => undefined) },
  {
    name: 'sqlite file',
    open: (options) => {
      const tmp = makeTempDir();
      return openMigrated(path.join(tmp.dir, 'test.db'), options, tmp.remove);
    },
  },
  {
    name: 'sqlite file, group commit',
    open: (options) => {
      const tmp = makeTempDir();
      return openMigrated(path.join(tmp.dir, 'test.db'), { groupCommit: 8, ...options }, tmp.remove);
    },
  },
];
