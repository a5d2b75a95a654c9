/**
 * #17 item 7: the acled-csv export of the seed corpus loads in pandas with ACLED's published
 * columns (fixture `test/fixtures/acled-columns.csv`) and ACLED's dtypes, and the GeoJSON export
 * opens in GDAL (`ogrinfo`). Without python3 or GDAL on the machine the check says so and skips;
 * without pandas the Python check falls back to the csv module and says so.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const seeds = path.resolve(root, '..', 'shared', 'corpus', 'seeds.jsonl');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'sitrep-acled-tools-'));
const db = path.join(tmp, 'seeds.db');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function run(cmd: string, args: string[]): { code: number | null; stdout: string; stderr: string; missing: boolean } {
  const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', env: { ...process.env, SITREP_DB: '' }, timeout: 120_000 });
  return { code: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', missing: (r.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT' };
}
const sitrep = (...args: string[]) => run(process.execPath, [path.join(root, 'bin', 'sitrep.js'), ...args]);

beforeAll(() => {
  const ingest = sitrep('ingest', '--db', db, seeds);
  expect(ingest.code, ingest.stderr).toBe(0);
}, 120_000);

describe('exports read by the tools analysts use', () => {
  it('the ACLED CSV loads in pandas with ACLED’s columns and dtypes', () => {
    const csv = path.join(tmp, 'events.csv');
    // Dated, located events only: the columns checked as integers are then never empty.
    expect(sitrep('export', '--db', db, '--format', 'acled-csv', '--from', '1900-01-01', '--bbox=-180,-90,180,90', '--output', csv).code).toBe(0);
    const check = run('python3', [path.join(root, 'test', 'tools', 'check-acled-csv.py'), csv, path.join(root, 'test', 'fixtures', 'acled-columns.csv')]);
    if (check.missing) {
      console.warn('skipped: python3 is not installed');
      return;
    }
    expect(check.code, check.stderr).toBe(0);
    const result = JSON.parse(check.stdout) as { reader: string; rows: number; dtypes: Record<string, string> };
    if (!result.reader.startsWith('pandas')) console.warn(`pandas check: ${result.reader}`);
    expect(result.rows).toBeGreaterThan(0);
  });

  it('the GeoJSON opens in GDAL', () => {
    const geojson = path.join(tmp, 'events.geojson');
    expect(sitrep('export', '--db', db, '--format', 'geojson', '--output', geojson).code).toBe(0);
    const info = run('ogrinfo', ['-ro', '-so', '-al', geojson]);
    if (info.missing) {
      console.warn('skipped: GDAL (ogrinfo) is not installed (apt-get install gdal-bin)');
      return;
    }
    expect(info.code, info.stderr).toBe(0);
    expect(info.stdout).toMatch(/Geometry: Point/);
    expect(info.stdout).toMatch(/Feature Count: [1-9]/);
  });
});
