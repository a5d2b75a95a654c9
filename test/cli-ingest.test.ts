/**
 * `sitrep ingest` on SQLite, end to end through the built CLI: extraction threads and grouped
 * commits store the same events as extraction in one thread; bad files in the batch get a
 * diagnostic naming them and the rest goes through; re-ingesting changes nothing; the database
 * is closed cleanly (no write-ahead log left behind).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const seeds = path.resolve(root, '..', 'shared', 'corpus', 'seeds.jsonl');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'sitrep-cli-ingest-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function sitrep(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'sitrep.js'), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, SITREP_DB: '' }, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const events = (db: string): unknown[] =>
  sitrep('events', '--db', db, '--format', 'jsonl', '--background').stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));

describe('sitrep ingest (SQLite)', () => {
  const empty = path.join(tmp, 'empty.txt');
  const binary = path.join(tmp, 'photo.txt');
  writeFileSync(empty, '');
  writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0xff, 0xfe, 0, 1, 2, 3]));

  it('stores the same events with extraction threads as without, and reports bad files by name', () => {
    const threaded = path.join(tmp, 'threaded.db');
    const single = path.join(tmp, 'single.db');
    const a = sitrep('ingest', '--db', threaded, '--threads', '2', seeds, 'examples', empty, binary);
    const b = sitrep('ingest', '--db', single, '--threads', '0', seeds, 'examples', empty, binary);
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    for (const run of [a, b]) {
      expect(run.stderr).toContain(`${empty}:`);
      expect(run.stderr).toContain(`${binary}:`);
      expect(run.stderr).toMatch(/ingested 7 new, 0 updated, 0 unchanged, 2 failed/);
    }
    // Before anything else opens it: a clean close checkpoints and removes the log.
    expect(existsSync(`${threaded}-wal`)).toBe(false);
    const stored = events(threaded);
    expect(stored.length).toBeGreaterThan(5);
    expect(stored).toEqual(events(single));
  });

  it('changes nothing when the same inputs are ingested again', () => {
    const db = path.join(tmp, 'again.db');
    expect(sitrep('ingest', '--db', db, seeds, 'examples').code).toBe(0);
    const before = events(db);
    const again = sitrep('ingest', '--db', db, seeds, 'examples');
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/ingested 0 new, 0 updated, 7 unchanged, 0 failed/);
    expect(events(db)).toEqual(before);
  });

  it('rejects a bad --threads value as a usage error', () => {
    const r = sitrep('ingest', '--threads', 'many', seeds);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--threads/);
  });
});
