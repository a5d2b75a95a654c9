import type pg from 'pg';
import { StoreError } from '../errors.js';
import { MigrationError } from '../sqlite/run-migrations.js';
import type { MigrationResult } from '../store.js';
import type { PostgresMigration } from './migrations.js';

/** Advisory lock key that serializes migrations of one database across processes. */
const MIGRATION_LOCK = 'sitrep:migrations';

/**
 * Applies the pending `migrations` on `client`, in order, one transaction each, recording each in
 * the `migrations` table and the last id in `meta.schema_version`.
 *
 * Safe with many processes starting at once (workers on several machines): each migration's
 * transaction takes an advisory lock and re-checks whether it already ran. Idempotent: a second
 * call returns `[]`. Refuses (`store/schema-too-new`) a database that has a migration this code
 * does not know, before changing anything.
 */
export async function runPostgresMigrations(
  client: pg.PoolClient,
  migrations: readonly PostgresMigration[],
  now: () => string,
): Promise<MigrationResult[]> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS migrations (id text COLLATE "C" PRIMARY KEY, applied_at text NOT NULL)');
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
  const known = new Set(migrations.map((m) => m.id));
  const applied = (await client.query<{ id: string }>('SELECT id FROM migrations ORDER BY id')).rows.map((r) => r.id);
  const unknown = applied.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new StoreError(
      'store/schema-too-new',
      `The database was migrated by a newer version of Sitrep (migration ${unknown.join(', ')} is unknown to this one). ` +
        'Upgrade Sitrep or use another database.',
    );
  }

  const results: MigrationResult[] = [];
  for (const [index, migration] of migrations.entries()) {
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [MIGRATION_LOCK]);
      // Re-checked under the lock: another process may have applied it meanwhile.
      const done = await client.query('SELECT 1 FROM migrations WHERE id = $1', [migration.id]);
      if (done.rowCount === 0) {
        await client.query(migration.up);
        await client.query('INSERT INTO migrations (id, applied_at) VALUES ($1, $2)', [migration.id, now()]);
        await client.query(
          "INSERT INTO meta (key, value) VALUES ('schema_version', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
          [migration.id],
        );
        results.push({ migrationName: migration.id, direction: 'Up', status: 'Success' });
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      results.push({ migrationName: migration.id, direction: 'Up', status: 'Error' });
      migrations.slice(index + 1).forEach((m) => results.push({ migrationName: m.id, direction: 'Up', status: 'NotExecuted' }));
      const reason = error instanceof Error ? error.message : String(error);
      throw new MigrationError(`Migration ${migration.id} failed: ${reason}`, results, error);
    }
  }
  return results;
}
