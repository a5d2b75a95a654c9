import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ArticleEvent } from '../model/event.js';
import type { ExtractionResult } from '../model/extraction.js';
import { contentHash } from './content-hash.js';
import { ingestExtraction } from './ingest-extraction.js';
import { SqliteStore } from './sqlite/sqlite-store.js';
import { dumpStore } from './testing/dump-store.js';
import { makeEvent, makeExtraction } from './testing/extraction-fixtures.js';

const IDS = ['a', 'b', 'c', 'd'] as const;

/** Version `v` of article `id`: different texts, outlets and event sets per version. */
function version(id: string, v: number): ExtractionResult {
  const events: ArticleEvent[] = [makeEvent('e1', { fatalities: v })];
  if (v % 2 === 1) events.push(makeEvent('e2', { background: true }));
  if (v === 2) events.push(makeEvent('e3', { date: null, sub_event_type: 'Armed clash', event_type: 'Battles' }));
  return makeExtraction(id, { events, outlet: `Outlet ${v % 2}`, text: `Version ${v} of ${id}\n\nFakeville was shelled again (${v}).` });
}

const FIXED_TIME = '2024-01-01T00:00:00.000Z';

async function freshStore(): Promise<SqliteStore> {
  const store = SqliteStore.open(':memory:', { now: () => FIXED_TIME });
  await store.migrate();
  return store;
}

async function ingestAll(store: SqliteStore, sequence: readonly ExtractionResult[]): Promise<void> {
  for (const r of sequence) await ingestExtraction(store, r, contentHash(r.article, { extractor: 'test' }), { ingestedAt: FIXED_TIME });
}

describe('store property', () => {
  it('any sequence of saves (repeats, updates, any order) leaves the state of saving each last version once', async () => {
    const step = fc.record({ id: fc.constantFrom(...IDS), v: fc.integer({ min: 0, max: 3 }) });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 14 }), async (steps) => {
        const actual = await freshStore();
        const expected = await freshStore();
        try {
          await ingestAll(actual, steps.map((s) => version(s.id, s.v)));
          const last = new Map(steps.map((s) => [s.id, s.v]));
          // The oracle: each article's final version, saved once, in a fixed (sorted) order.
          await ingestAll(expected, [...last.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([id, v]) => version(id, v)));
          expect(await dumpStore(actual)).toStrictEqual(await dumpStore(expected));
        } finally {
          await actual.close();
          await expected.close();
        }
      }),
      { numRuns: 60 },
    );
  });

  it('any set of articles saved in any order, with repeats, gives the same state', async () => {
    const articles = fc.uniqueArray(fc.record({ id: fc.constantFrom(...IDS), v: fc.integer({ min: 0, max: 3 }) }), {
      minLength: 1,
      maxLength: 4,
      selector: (s) => s.id,
    });
    await fc.assert(
      fc.asyncProperty(
        articles.chain((set) =>
          fc.tuple(fc.constant(set), fc.shuffledSubarray([...set, ...set], { minLength: 2 * set.length }), fc.shuffledSubarray(set, { minLength: set.length })),
        ),
        async ([, orderA, orderB]) => {
          const a = await freshStore();
          const b = await freshStore();
          try {
            await ingestAll(a, orderA.map((s) => version(s.id, s.v)));
            await ingestAll(b, orderB.map((s) => version(s.id, s.v)));
            expect(await dumpStore(a)).toStrictEqual(await dumpStore(b));
          } finally {
            await a.close();
            await b.close();
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('round-trips arbitrary strings and numbers in articles and events', async () => {
    const store = await freshStore();
    let saves = 0;
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.record({
            id: fc.string({ minLength: 1, maxLength: 12 }),
            text: fc.string({ unit: 'binary', maxLength: 200 }),
            title: fc.option(fc.string({ unit: 'binary', maxLength: 40 })),
            fatalities: fc.option(fc.nat()),
            // JSON has no -0: a stored -0 reads back as 0.
            lat: fc.option(fc.double({ min: -90, max: 90, noNaN: true }).map((x) => (Object.is(x, -0) ? 0 : x))),
            place: fc.string({ unit: 'grapheme', maxLength: 20 }),
          }),
          async ({ id, text, title, fatalities, lat, place }) => {
            const base = makeExtraction(id, { text, events: [] });
            const event = makeEvent('e1', {
              fatalities,
              location: { name: place, source_text: place, country: null, admin1: null, admin2: null, lat, lon: null, geo_precision: 3 },
              evidence: [{ start: 0, end: text.length, text }],
            });
            const result: ExtractionResult = { ...base, article: { ...base.article, title }, events: [event] };
            await store.saveExtraction(result, { contentHash: `h${++saves}` });
            expect((await store.getArticle(id))?.extraction).toStrictEqual(result);
          },
        ),
        { numRuns: 150 },
      );
    } finally {
      await store.close();
    }
  });
});
