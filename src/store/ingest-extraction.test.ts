import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExtractionResult } from '../model/extraction.js';
import { contentHash } from './content-hash.js';
import type { EventResolver } from './event-resolver.js';
import { ingestExtraction } from './ingest-extraction.js';
import { identityEventId } from './merge-identity.js';
import { makeEvent, makeExtraction } from './testing/extraction-fixtures.js';
import { STORE_KINDS, type TestStore } from './testing/store-matrix.js';

const hashOf = (r: ExtractionResult): string => contentHash(r.article, r.versions ?? { extractor: 'test' });

describe.each(STORE_KINDS)('ingestExtraction on $name', (kind) => {
  let t: TestStore;
  beforeEach(async () => {
    t = await kind.open();
  });
  afterEach(async () => {
    await t.dispose();
  });

  it('identity merge: one merged event per news event, background left out', async () => {
    const a1 = makeExtraction('a1');
    const a2 = makeExtraction('a2', { outlet: null });
    expect(await ingestExtraction(t.store, a1, hashOf(a1))).toMatchObject({ status: 'inserted', writtenEvents: 2, removedEvents: 0 });
    await ingestExtraction(t.store, a2, hashOf(a2));

    const events = await t.store.listEvents({ includeBackground: true });
    expect(events).toHaveLength(4);
    const byReport = new Map(events.map((e) => [`${e.reports[0]?.article_id}/${e.reports[0]?.event_id}`, e]));
    expect([...byReport.keys()].sort()).toEqual(['a1/e1', 'a1/e2', 'a2/e1', 'a2/e2']);
    const e1 = byReport.get('a1/e1');
    const source = a1.events[0];
    expect(e1?.id).toBe(identityEventId('a1', 'e1'));
    expect(e1).toMatchObject({ story_id: null, sources: 1, contradictions: [], reports: [{ article_id: 'a1', event_id: 'e1' }] });
    // The Event fields are carried over; per-article extensions are not.
    expect(e1).toMatchObject({ event_type: source?.event_type, date: source?.date, actor1: source?.actor1, location: source?.location, claims: source?.claims, evidence: source?.evidence });
    expect(e1).not.toHaveProperty('field_spans');
    expect(e1).not.toHaveProperty('rules');
    expect(await t.store.listStories()).toEqual([]);
  });

  it('re-ingesting is unchanged; an updated article replaces only its own merged events', async () => {
    const a1 = makeExtraction('a1');
    const a2 = makeExtraction('a2');
    await ingestExtraction(t.store, a1, hashOf(a1));
    await ingestExtraction(t.store, a2, hashOf(a2));
    const before = await t.store.listEvents();
    expect(await ingestExtraction(t.store, a1, hashOf(a1))).toMatchObject({ status: 'unchanged', writtenEvents: 0 });
    expect(await t.store.listEvents()).toStrictEqual(before);

    const a1v2 = makeExtraction('a1', { text: 'Quiet day\n\nNothing happened near Fakeville.', events: [makeEvent('e7', { fatalities: 1, evidence: [] })] });
    expect(await ingestExtraction(t.store, a1v2, hashOf(a1v2))).toMatchObject({ status: 'updated', removedEvents: 2, writtenEvents: 1 });
    const after = await t.store.listEvents();
    expect(after.map((e) => e.reports.map((r) => `${r.article_id}/${r.event_id}`)).flat().sort()).toEqual(['a1/e7', 'a2/e1', 'a2/e2']);
    expect(after.find((e) => e.reports[0]?.article_id === 'a1')?.fatalities).toBe(1);
  });

  it('a resolver failure rolls back the article too, so a retry inserts it', async () => {
    const failing: EventResolver = { id: 'resolve/failing', resolve: () => Promise.reject(new Error('resolver broke')) };
    const a1 = makeExtraction('a1');
    await expect(ingestExtraction(t.store, a1, hashOf(a1), { resolver: failing })).rejects.toThrow('resolver broke');
    expect(await t.store.countArticles()).toBe(0);
    expect(await ingestExtraction(t.store, a1, hashOf(a1))).toMatchObject({ status: 'inserted' });
    expect(await t.store.countEvents()).toBe(2);
  });

  it('accepts a replacement resolver that merges reports across articles into stories', async () => {
    // Joins every news event of the same sub-event type and date into one merged event.
    const byType: EventResolver = {
      id: 'resolve/test-by-type',
      async resolve({ store, result }) {
        const existing = await store.listEvents({ includeBackground: true });
        const events = result.events
          .filter((e) => !e.background)
          .map((e) => {
            const { id, field_spans: _f, rules: _r, control: _c, ...fields } = e;
            const same = existing.find((m) => m.sub_event_type === e.sub_event_type && m.date === e.date);
            const reports = [...(same?.reports ?? []), { article_id: result.article.id, event_id: id }];
            return { ...fields, id: same?.id ?? `m-${e.sub_event_type}`, story_id: 'st1', reports, sources: reports.length, contradictions: [] };
          });
        return { removeEventIds: [], events, stories: { upsert: [{ id: 'st1', title: 'Fakeville', first_date: '2021-03-01', last_date: '2021-03-01', places: ['Fakeville'] }] } };
      },
    };
    for (const id of ['a1', 'a2', 'a3']) {
      const r = makeExtraction(id);
      await ingestExtraction(t.store, r, hashOf(r), { resolver: byType });
    }
    const events = await t.store.listEvents();
    expect(events.map((e) => [e.id, e.sources, e.reports.length])).toEqual([
      ['m-Armed clash', 3, 3],
      ['m-Shelling/artillery/missile attack', 3, 3],
    ]);
    const [story] = await t.store.listStories();
    expect(story?.event_ids).toEqual(['m-Armed clash', 'm-Shelling/artillery/missile attack']);
    expect(story?.article_ids).toEqual(['a1', 'a2', 'a3']);
  });
});
