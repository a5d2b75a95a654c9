/**
 * Choosing and opening the store from a spec: `--db`, else `SITREP_DB`, else `./sitrep.db`.
 */
import { PostgresStore } from './postgres/postgres-store.js';
import { SqliteStore, type SqliteStoreOptions } from './sqlite/sqlite-store.js';
import type { Store } from './store.js';

/** The SQLite file used when neither `--db` nor `SITREP_DB` is given. */
export const DEFAULT_DB = './sitrep.db';

/** Article transactions per SQLite commit in stores opened by {@link openStore}. */
export const DEFAULT_GROUP_COMMIT = 1;

export interface OpenStoreOptions extends SqliteStoreOptions {
  /** Where `SITREP_DB` is read; defaults to `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Apply pending migrations on open (default true). */
  readonly migrate?: boolean;
  /** PostgreSQL pool size (default 10); ignored for SQLite. */
  readonly maxConnections?: number;
}

const POSTGRES = /^postgres(?:ql)?:\/\//i;

/**
 * Opens the store named by `spec` and migrates it. A `postgres://` or `postgresql://` URL means
 * PostgreSQL (`PostgresStore`; `store/open-failed` when the server cannot be reached); `:memory:` an in-memory
 * SQLite database; anything else a SQLite file path (an optional `sqlite:` prefix is dropped).
 *
 * SQLite commits each article in its own transaction by default ({@link DEFAULT_GROUP_COMMIT}); pass
 * `groupCommit: N` to commit N articles at once (each stays atomic; a crash loses the open group). Always `close()` (or `flush()`) so the last group is committed.
 *
 * @example
 * ```ts
 * const store = await openStore(flags.db); // --db, else SITREP_DB, else ./sitrep.db
 * ```
 */
export async function openStore(spec?: string, options: OpenStoreOptions = {}): Promise<Store> {
  const env = options.env ?? process.env;
  const chosen = nonEmpty(spec) ?? nonEmpty(env.SITREP_DB) ?? DEFAULT_DB;
  let store: Store;
  if (isPostgresSpec(chosen)) {
    store = PostgresStore.open(chosen, {
      ...(options.now === undefined ? {} : { now: options.now }),
      ...(options.maxConnections === undefined ? {} : { maxConnections: options.maxConnections }),
    });
  } else {
    const filename = chosen.replace(/^sqlite:(?:\/\/)?/i, '');
    store = SqliteStore.open(filename === '' ? DEFAULT_DB : filename, { groupCommit: DEFAULT_GROUP_COMMIT, ...options });
  }
  if (options.migrate !== false) {
    try {
      await store.migrate();
    } catch (error) {
      await store.close();
      throw error;
    }
  }
  return store;
}

/** True when `spec` (a `--db` value or `SITREP_DB`) names a PostgreSQL database. */
export function isPostgresSpec(spec: string | undefined): boolean {
  return spec !== undefined && POSTGRES.test(spec);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
