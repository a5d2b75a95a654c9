/**
 * #17 item 2: `sitrep ceasefires` (the built CLI) and `GET /api/summary` (which the page's chart
 * draws) blame the same sides for the same violations on the seed corpus: one rule,
 * `src/report/ceasefire-attribution.ts`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/api/create-app.js';
import { blamedSides, UNKNOWN_SIDE } from '../src/report/ceasefire-attribution.js';
import { openStore } from '../src/store/open-store.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const seeds = path.resolve(root, '..', 'shared', 'corpus', 'seeds.jsonl');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'sitrep-ceasefire-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function sitrep(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'sitrep.js'), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, SITREP_DB: '' }, timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('ceasefire attribution', () => {
  it('the attacker and every accused side count, each once per event', () => {
    expect(blamedSides({ side1: 'AZE', accused: ['AZE'] })).toEqual(['AZE']);
    expect(blamedSides({ side1: 'AZE', accused: ['ARM', 'ARM'] })).toEqual(['ARM', 'AZE']);
    expect(blamedSides({ side1: null, accused: ['ARM'] })).toEqual(['ARM']);
    expect(blamedSides({ side1: null, accused: [] })).toEqual([UNKNOWN_SIDE]);
  });

  it('sitrep ceasefires and /api/summary give the same counts per side on the seeds', async () => {
    const db = path.join(tmp, 'seeds.db');
    expect(sitrep('ingest', '--db', db, seeds).code).toBe(0);
    const cli = sitrep('ceasefires', '--db', db, '--format', 'jsonl');
    expect(cli.code).toBe(0);
    const reports = cli.stdout.trim().split('\n').map((l) => JSON.parse(l) as { violations: number; by_accused_side: Record<string, number>; event_ids: string[] });
    const cliSides: Record<string, number> = {};
    for (const r of reports) for (const [side, n] of Object.entries(r.by_accused_side)) cliSides[side] = (cliSides[side] ?? 0) + n;
    const cliEvents = new Set(reports.flatMap((r) => r.event_ids));
    expect(cliEvents.size).toBeGreaterThan(0);

    const store = await openStore(db);
    try {
      const app = createApp({ store });
      const summary = (await (await app.request('/api/summary')).json()) as { ceasefire: { week: string; side: string; count: number }[] };
      const apiSides: Record<string, number> = {};
      for (const c of summary.ceasefire) apiSides[c.side] = (apiSides[c.side] ?? 0) + c.count;
      // Every dated violation of the seeds falls under a known ceasefire, so the two cover the same events.
      expect(await store.countEvents({ ceasefireViolation: true })).toBe(cliEvents.size);
      expect(apiSides).toEqual(cliSides);
      // Each event counts at most once per side.
      for (const n of Object.values(apiSides)) expect(n).toBeLessThanOrEqual(cliEvents.size);
    } finally {
      await store.close();
    }
  });
});
