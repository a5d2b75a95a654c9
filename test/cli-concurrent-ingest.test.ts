/**
 * Two `sitrep ingest` processes on one SQLite file (issue #16): each waits its turn for the write
 * lock instead of failing with "database is locked". Here a third connection first holds the
 * lock for longer than SQLite's old 5 s busy timeout, then both runs, on disjoint halves of a
 * corpus, contend for it; both must exit 0 and everything must be stored.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const dev = path.resolve(root, '..', 'shared', 'corpus', 'dev', 'articles.jsonl');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'sitrep-concurrent-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function sitrep(...args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'bin', 'sitrep.js'), ...args], { cwd: root, env: { ...process.env, SITREP_DB: '' } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('two sitrep ingest processes on one database', () => {
  it('both wait their turn, exit 0 and store everything', async () => {
    const lines = readFileSync(dev, 'utf8').trim().split('\n').slice(0, 48);
    const halves = [lines.filter((_, i) => i % 2 === 0), lines.filter((_, i) => i % 2 === 1)].map((half, n) => {
      const file = path.join(tmp, `half-${n}.jsonl`);
      writeFileSync(file, `${half.join('\n')}\n`);
      return file;
    });
    const db = path.join(tmp, 'shared.db');
    const holder = new Database(db);
    holder.pragma('journal_mode = WAL');
    holder.exec('BEGIN IMMEDIATE');
    // Extraction in the storing thread (--threads 0) keeps each run's group of writes open longest.
    const runs = halves.map((half) => sitrep('ingest', '--db', db, '--threads', '0', half));
    await new Promise((r) => setTimeout(r, 6000));
    holder.exec('COMMIT');
    holder.close();
    const [a, b] = await Promise.all(runs);
    expect(a!.stderr).not.toMatch(/locked/);
    expect(b!.stderr).not.toMatch(/locked/);
    expect(a!.code).toBe(0);
    expect(b!.code).toBe(0);
    const check = new Database(db, { readonly: true });
    const ids = (check.prepare('SELECT id FROM articles').all() as { id: string }[]).map((r) => r.id).sort();
    check.close();
    expect(ids).toEqual(lines.map((l) => (JSON.parse(l) as { id: string }).id).sort());
  }, 120_000);
});
