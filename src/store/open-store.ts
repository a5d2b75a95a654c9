/**
 * Choosing and opening the store from a spec: `--db`, else `SITREP_DB`, else `./sitrep.db`.
 */
import { StoreError } from './errors.js';
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
}

const POSTGRES = /^postgres(?:ql)?:\/\//i;

/**
 * Opens the store named by `spec` and migrates it. A `postgres://` or `postgresql://` URL means
 * PostgreSQL (not available yet: throws `store/postgres-unavailable`); `:memory:` an in-memory
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
  if (POSTGRES.test(chosen)) {
    throw new StoreError(
      'store/postgres-unavailable',
      'PostgreSQL storage is not available in this version of Sitrep yet. ' +
        'Use a SQLite file instead: --db ./sitrep.db (or SITREP_DB=./sitrep.db).',
    );
  }
  const filename = chosen.replace(/^sqlite:(?:\/\/)?/i, '');
  const store = SqliteStore.open(filename === '' ? DEFAULT_DB : filename, { groupCommit: DEFAULT_GROUP_COMMIT, ...options });
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

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
