/**
 * Stories that run longer than the window the story resolver recomputes (REACH_DAYS around each
 * new article): the same village shelled every 3 days for 60 days, each time reported by another
 * article. Every event must end in one story whose dates span the 60 days, whatever the order of
 * arrival, and no event may lose its story when the window slides past it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { shiftDay } from '../model/calendar.js';
import type { ExtractionResult } from '../model/extraction.js';
import { ingestExtraction } from '../store/ingest-extraction.js';
import type { Store } from '../store/store.js';
import { makeEvent, makeExtraction } from '../store/testing/extraction-fixtures.js';
import { STORE_KINDS, type TestStore } from '../store/testing/store-matrix.js';
import { createCoreferenceResolver } from './coreference-resolver.js';
import { MAX_STORY_DAYS, REACH_DAYS } from './story-resolver.js';

const resolver = createCoreferenceResolver();
const START = '2021-03-01';
const DAYS = Array.from({ length: 21 }, (_, k) => 3 * k); // day 0, 3, …, 60
const outlets = ['Wire A', 'Daily B', 'Monitor C'];

/** The article of day `day`: one shelling of Fakeville that day (no background, one statement). */
function report(day: number, events = true): ExtractionResult {
  const date = shiftDay(START, day);
  return makeExtraction(`shelled-${String(day).padStart(2, '0')}`, {
    outlet: outlets[day % outlets.length]!,
    published: shiftDay(date, 1),
    events: events ? [makeEvent('e1', { date })] : [],
  });
}

async function ingest(store: Store, days: readonly number[], version = 'v1', events = true): Promise<void> {
  for (const day of days) await ingestExtraction(store, report(day, events), `${version}-${day}`, { resolver });
}

/** Every event has a story, and every story's record spans exactly its events' dates. */
async function expectConsistentStories(store: Store): Promise<void> {
  const events = await store.listEvents({ includeBackground: true });
  expect(events.filter((e) => e.story_id === null).map((e) => e.date)).toEqual([]);
  const stories = await store.listStories();
  for (const s of stories) {
    const dates = events.filter((e) => e.story_id === s.id).map((e) => e.date!).sort();
    expect(dates.length).toBeGreaterThan(0);
    expect([s.first_date, s.last_date]).toEqual([dates[0], dates.at(-1)]);
  }
  expect(stories.reduce((n, s) => n + s.event_ids.length, 0)).toBe(events.length);
}

it('the stream is longer than the recompute window and shorter than a story may run (else these tests prove nothing)', () => {
  expect(2 * REACH_DAYS).toBeLessThan(DAYS.at(-1)!);
  expect(DAYS.at(-1)!).toBeLessThan(MAX_STORY_DAYS);
});

describe.each(STORE_KINDS)('stories longer than the recompute window, on $name', (kind) => {
  let t: TestStore;
  let store: Store;
  beforeEach(async () => {
    t = await kind.open();
    store = t.store;
  });
  afterEach(async () => {
    await t.dispose();
  });

  for (const [name, order] of [
    ['in date order', DAYS],
    ['in reverse date order', [...DAYS].reverse()],
    ['middle first, then outwards', [...DAYS].sort((a, b) => Math.abs(a - 30) - Math.abs(b - 30) || a - b)],
  ] as const) {
    it(`keeps a village shelled every 3 days for 60 days in one story, ${name}`, async () => {
      await ingest(store, order);
      const events = await store.listEvents();
      expect(events).toHaveLength(DAYS.length);
      expect(new Set(events.map((e) => e.story_id))).toEqual(new Set([expect.stringMatching(/^st_/)]));
      const stories = await store.listStories();
      expect(stories).toHaveLength(1);
      expect(stories[0]).toMatchObject({ first_date: START, last_date: shiftDay(START, 60), places: ['Fakeville'] });
      expect(stories[0]!.event_ids).toHaveLength(DAYS.length);
      await expectConsistentStories(store);
    });
  }

  it('keeps the story id and every event when an article in the middle is updated', async () => {
    await ingest(store, DAYS);
    const [before] = await store.listStories();
    await ingest(store, [30], 'v2');
    const after = await store.listStories();
    expect(after.map((s) => [s.id, s.first_date, s.last_date, s.event_ids.length])).toEqual([[before!.id, START, shiftDay(START, 60), DAYS.length]]);
    await expectConsistentStories(store);
  });

  it('keeps every event in a consistent story when a gap opens in the middle, and heals when it closes', async () => {
    await ingest(store, DAYS);
    const [before] = await store.listStories();
    // Day 27 gone: days 24 and 30 are still 6 days apart, one story.
    await ingest(store, [27], 'v2', false);
    expect((await store.listStories()).map((s) => s.id)).toEqual([before!.id]);
    await expectConsistentStories(store);
    // Day 30 gone too: 24 and 33 are 9 days apart. Only the window around day 30 is recomputed,
    // so which part keeps the old id is decided there (the part holding more of the story's
    // events in the window); the events outside it keep their story. Whatever the split, no
    // event loses its story and every record spans its events.
    await ingest(store, [30], 'v2', false);
    const split = await store.listStories();
    expect(split.length).toBeGreaterThan(1);
    expect(split.map((s) => s.id)).toContain(before!.id);
    await expectConsistentStories(store);
    // The gap closes again: one story over the 60 days, under the old id.
    await ingest(store, [27], 'v3');
    const healed = await store.listStories();
    expect(healed.map((s) => [s.id, s.first_date, s.last_date, s.event_ids.length])).toEqual([[before!.id, START, shiftDay(START, 60), DAYS.length - 1]]);
    await expectConsistentStories(store);
  });
  it('ends a story after MAX_STORY_DAYS: a village shelled every 3 days for 240 days makes several stories, none longer than allowed', async () => {
    const days = Array.from({ length: 81 }, (_, k) => 3 * k);
    await ingest(store, days);
    const stories = await store.listStories();
    expect(stories.length).toBeGreaterThan(1);
    for (const s of stories) {
      const span = (Date.parse(s.last_date!) - Date.parse(s.first_date!)) / 86_400_000;
      expect(span).toBeLessThanOrEqual(MAX_STORY_DAYS);
    }
    await expectConsistentStories(store);
  });

  it('keeps every story within MAX_STORY_DAYS when articles tie far-apart events together, in any order', async () => {
    // Each article reports the day's shelling and recalls (as news, not background) one of 100
    // days before: article links alone would chain 300 days into one story.
    const days = Array.from({ length: 31 }, (_, k) => 100 + 10 * k);
    const article = (day: number) =>
      makeExtraction(`recall-${day}`, {
        outlet: outlets[day % outlets.length]!,
        published: shiftDay(START, day + 1),
        events: [makeEvent('e1', { date: shiftDay(START, day) }), makeEvent('e2', { date: shiftDay(START, day - 100) })],
      });
    for (const day of [...days.filter((_, k) => k % 2 === 0), ...days.filter((_, k) => k % 2 === 1).reverse()]) await ingestExtraction(store, article(day), `h-${day}`, { resolver });
    const stories = await store.listStories();
    expect(stories.length).toBeGreaterThan(1);
    for (const s of stories) expect((Date.parse(s.last_date!) - Date.parse(s.first_date!)) / 86_400_000).toBeLessThanOrEqual(MAX_STORY_DAYS);
    await expectConsistentStories(store);
  });
});
