/**
 * A throw-away PostgreSQL database for one benchmark run: created on the server at `adminUrl`,
 * dropped (and the server checkpointed, so the next run does not pay for this one's writes) by
 * `drop()`.
 */
import pg from 'pg';

export async function freshDatabase(adminUrl, prefix) {
  const name = `${prefix}_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.query('CHECKPOINT').catch((error) => console.error(`warning: CHECKPOINT after a run failed (${error.message}); the next run may pay for this one's writes`));
      await c.end();
    },
  };
}
