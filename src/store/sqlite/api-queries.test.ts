import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSampleStore } from '../../api/testing/sample-store.js';
import { StoreError } from '../errors.js';
import type { MergedEventFilter } from '../store.js';
import type { SqliteStore } from './sqlite-store.js';

describe('SQLite store: API queries (bbox, actor, outlet, ceasefire, text, cursor, points, outlets)', () => {
  let store: SqliteStore;
  beforeEach(async () => {
    store = await openSampleStore();
  });
  afterEach(async () => {
    await store.close();
  });
  const ids = async (filter: MergedEventFilter): Promise<string[]> => (await store.listEvents(filter)).map((e) => e.id);

  it('keeps the stable order and the old filters', async () => {
    expect(await ids({})).toEqual(['m1', 'm2', 'm3', 'm4', 'm5']);
    expect(await ids({ includeBackground: true })).toEqual(['m0', 'm1', 'm2', 'm3', 'm4', 'm5']);
  });

  it('filters by bounding box, actor, outlet, ceasefire and text', async () => {
    expect(await ids({ bbox: { west: 46, south: 39, east: 47, north: 40 } })).toEqual(['m1']);
    expect(await ids({ bbox: { west: 44, south: 40, east: 46, north: 42 } })).toEqual(['m2', 'm3', 'm5']);
    expect(await ids({ actor: 'government of' })).toEqual(['m5']);
    expect(await ids({ actor: 'ARMENIA' })).toEqual(['m1', 'm2', 'm3', 'm4', 'm5']);
    expect(await ids({ outlet: 'Beta Daily' })).toEqual(['m1', 'm3', 'm4']);
    expect(await ids({ outlet: 'Nobody' })).toEqual([]);
    expect(await ids({ ceasefireViolation: true })).toEqual(['m1', 'm2', 'm4']);
    expect(await ids({ ceasefireViolation: false })).toEqual(['m3', 'm5']);
    expect(await ids({ text: 'ammunition depot' })).toEqual(['m1', 'm3', 'm4']);
    expect(await ids({ text: 'truce Lakeside' })).toEqual(['m5']);
    expect(await ids({ text: '"OR*' })).toEqual([]);
    expect(await store.countEvents({ outlet: 'Beta Daily', ceasefireViolation: true })).toBe(2);
  });

  it('pages with a keyset cursor over dated and undated events without gaps or repeats', async () => {
    const seen: string[] = [];
    let after: MergedEventFilter['after'];
    for (let i = 0; i < 10; i++) {
      const page = await store.listEvents({ limit: 2, ...(after ? { after } : {}) });
      if (page.length === 0) break;
      seen.push(...page.map((e) => e.id));
      const last = page[page.length - 1]!;
      after = { date: last.date, id: last.id };
    }
    expect(seen).toEqual(['m1', 'm2', 'm3', 'm4', 'm5']);
    expect(await ids({ after: { date: null, id: 'm5' } })).toEqual([]);
    expect(await ids({ after: { date: '2021-03-01', id: 'm1' } })).toEqual(['m2', 'm3', 'm4', 'm5']);
  });

  it('rejects bad boxes and cursors', async () => {
    await expect(store.listEvents({ bbox: { west: 5, south: 0, east: 1, north: 1 } })).rejects.toBeInstanceOf(StoreError);
    await expect(store.listEvents({ after: { date: 'yesterday', id: 'x' } })).rejects.toThrow(/Cursor date/);
    await expect(store.listArticleEvents({ after: { date: null, id: 'x' } } as MergedEventFilter)).rejects.toThrow(/merged events only/);
  });

  it('projects points with accused sides, and counts outlets', async () => {
    const points = await store.listEventPoints({});
    expect(points.map((p) => p.id)).toEqual(['m1', 'm2', 'm3', 'm4', 'm5']);
    expect(points[0]).toMatchObject({ id: 'm1', lat: 39.5, lon: 46.75, side1: 'ARM', side2: 'AZE', ceasefire_violation: true, story_id: 's1', accused: ['ARM'], fatalities: 1 });
    expect(points[2]).toMatchObject({ id: 'm3', accused: ['AZE'], fatalities: 3, ceasefire_violation: false, place_name: 'Northtown' });
    expect(points[3]).toMatchObject({ id: 'm4', lat: null, accused: [] });
    expect((await store.listEventPoints({ side: 'AZE', limit: 1 })).map((p) => p.id)).toEqual(['m1']);
    expect(await store.listOutlets()).toEqual([
      { outlet: 'Beta Daily', articles: 1 },
      { outlet: 'Example Wire', articles: 1 },
      { outlet: null, articles: 1 },
    ]);
  });
});
