/**
 * #17 item 1 through the built CLI: `sitrep ingest seeds.jsonl` then `sitrep ingest seeds/` (the
 * same article ids, no outlet or date) keeps every ACLED `source` cell, and the run says what it
 * did; a third run changes nothing.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const corpus = path.resolve(root, '..', 'shared', 'corpus');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'sitrep-reingest-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function sitrep(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'sitrep.js'), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, SITREP_DB: '', SITREP_VERBOSE: '' }, timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** sitrep_id → source of every exported event. */
function sources(db: string): Record<string, string> {
  const csv = sitrep('export', '--db', db, '--format', 'acled-csv', '--background');
  expect(csv.code).toBe(0);
  const rows = parse(csv.stdout, { columns: true }) as Record<string, string>[];
  return Object.fromEntries(rows.map((r) => [r.sitrep_id, r.source]));
}

describe('re-ingesting the raw seeds after seeds.jsonl', () => {
  it('keeps the ACLED source cells and reports the metadata it kept', () => {
    const db = path.join(tmp, 'news.db');
    expect(sitrep('ingest', '--db', db, path.join(corpus, 'seeds.jsonl')).code).toBe(0);
    const before = sources(db);
    expect(Object.values(before).filter((s) => s.includes('SouthFront')).length).toBeGreaterThan(0);
    const second = sitrep('ingest', '--db', db, path.join(corpus, 'seeds'));
    expect(second.code).toBe(0);
    expect(second.stderr).toMatch(/stored metadata kept for 5 article\(s\)/);
    expect(sources(db)).toEqual(before);
    const third = sitrep('ingest', '--db', db, path.join(corpus, 'seeds'));
    expect(third.stderr).toMatch(/0 new, 0 updated, 5 unchanged/);
    expect(sources(db)).toEqual(before);
  });
});
