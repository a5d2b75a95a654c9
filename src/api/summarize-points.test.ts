import { describe, expect, it } from 'vitest';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import type { MergedEventFilter } from '../store/store.js';
import { openSampleStore } from './testing/sample-store.js';
import { fillSyntheticStore } from './testing/synthetic-store.js';
import { type Summary, summarize, summarizePoints, weekOf } from './summarize-points.js';

/** Cell centres are float sums in different orders: compare them to 1e-3 degrees. */
const coarse = (s: Summary): Summary => ({ ...s, cells: s.cells.map((c) => ({ ...c, lat: Math.round(c.lat * 1e3) / 1e3, lon: Math.round(c.lon * 1e3) / 1e3 })) });

describe('summaries', () => {
  it('weeks start on Monday', () => {
    expect(weekOf('2020-09-27')).toBe('2020-09-21');
    expect(weekOf('2020-09-28')).toBe('2020-09-28');
    expect(weekOf('2021-01-03')).toBe('2020-12-28');
  });

  it.each([
    ['sample', {}, 1],
    ['sample, side', { side: 'ARM' }, 0.05],
    ['sample, background', { includeBackground: true }, 0.1],
  ] as const)('the SQL aggregation equals the aggregation of points (%s)', async (_name, filter: MergedEventFilter, cell) => {
    const store = await openSampleStore();
    try {
      expect(coarse(summarize(await store.aggregateEvents(filter, cell), cell))).toEqual(coarse(summarizePoints(await store.listEventPoints(filter), cell)));
    } finally {
      await store.close();
    }
  });

  it('the SQL aggregation equals the aggregation of points on 3,000 synthetic events', async () => {
    const store = SqliteStore.open(':memory:');
    await store.migrate();
    try {
      await fillSyntheticStore(store, { events: 3000, seed: 7 });
      for (const [filter, cell] of [[{}, 0.12], [{ ceasefireViolation: true, bbox: { west: 45, south: 39, east: 47, north: 41 } }, 0.5]] as const) {
        const fromSql = summarize(await store.aggregateEvents(filter, cell), cell);
        const fromPoints = summarizePoints(await store.listEventPoints(filter), cell);
        expect(coarse(fromSql)).toEqual(coarse(fromPoints));
        expect(fromSql.cells.reduce((n, c) => n + c.count, 0)).toBe(fromSql.located);
      }
      const all = summarize(await store.aggregateEvents({}, 0.12), 0.12);
      expect(all.total).toBe(3000);
      expect(all.ceasefire.reduce((n, c) => n + c.count, 0)).toBe(await store.countEvents({ ceasefireViolation: true }));
    } finally {
      await store.close();
    }
  }, 30_000);
});
