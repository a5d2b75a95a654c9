import type Database from 'better-sqlite3';
import { StoreError } from '../errors.js';
import type { MigrationResult } from '../store.js';
import type { SqliteMigration } from './migrations.js';

/** A {@link StoreError} from a failed migration, with the per-migration outcome. */
export class MigrationError extends StoreError {
  readonly results: readonly MigrationResult[];

  constructor(message: string, results: readonly MigrationResult[], cause: unknown) {
    super('store/migration-failed', message, { cause });
    this.name = 'MigrationError';
    this.results = results;
  }
}

/**
 * Applies the pending `migrations` to `db`, in order, one `BEGIN IMMEDIATE` transaction each,
 * recording each in the `migrations` table and the last id in `meta.schema_version`.
 *
 * Idempotent: a second call returns `[]`. Refuses (`store/schema-too-new`) a database that has a
 * migration this code does not know, i.e. one written by a newer Sitrep, before changing anything.
 */
export function runMigrations(db: Database.Database, migrations: readonly SqliteMigration[], now: () => string): MigrationResult[] {
  db.exec('CREATE TABLE IF NOT EXISTS migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
  const known = new Set(migrations.map((m) => m.id));
  const applied = (db.prepare('SELECT id FROM migrations ORDER BY id').all() as { id: string }[]).map((r) => r.id);
  const unknown = applied.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new StoreError(
      'store/schema-too-new',
      `The database was migrated by a newer version of Sitrep (migration ${unknown.join(', ')} is unknown to this one). ` +
        'Upgrade Sitrep or use another database file.',
    );
  }

  const results: MigrationResult[] = [];
  const record = db.prepare('INSERT INTO migrations (id, applied_at) VALUES (?, ?)');
  for (const [index, migration] of migrations.entries()) {
    const apply = db.transaction(() => {
      // Re-checked inside the write lock: another process may have applied it meanwhile.
      if (db.prepare('SELECT 1 FROM migrations WHERE id = ?').get(migration.id) !== undefined) return false;
      db.exec(migration.up);
      record.run(migration.id, now());
      return true;
    });
    try {
      if (apply.immediate()) {
        results.push({ migrationName: migration.id, direction: 'Up', status: 'Success' });
      }
    } catch (error) {
      results.push({ migrationName: migration.id, direction: 'Up', status: 'Error' });
      const reason = error instanceof Error ? error.message : String(error);
      migrations.slice(index + 1).forEach((m) => results.push({ migrationName: m.id, direction: 'Up', status: 'NotExecuted' }));
      throw new MigrationError(`Migration ${migration.id} failed: ${reason}`, results, error);
    }
  }
  const last = migrations[migrations.length - 1];
  if (results.length > 0 && last !== undefined) {
    // The meta table exists only once the first migration ran, so this is prepared late.
    db.prepare(
      "INSERT INTO meta (key, value) VALUES ('schema_version', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    ).run(last.id);
  }
  return results;
}
