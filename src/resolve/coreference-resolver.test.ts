/**
 * Cross-article resolution on the real seed corpus (read from ../shared at test time): one event
 * per happening, sources, contradictions, stories, and independence from the ingestion order.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createResolver } from './create-resolver.js';
import { createExtractContext } from '../extract/create-extract-context.js';
import { loadPacks } from '../packs/load-packs.js';
import { processArticle } from '../pipeline/process-article.js';
import type { ExtractionResult } from '../model/extraction.js';
import { ingestExtraction } from '../store/ingest-extraction.js';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { summaryAsSaved } from '../store/sqlite/article-rows.js';

const ctx = createExtractContext();
const resolver = createResolver(loadPacks());
const seeds: ExtractionResult[] = readFileSync(new URL('../../../shared/corpus/seeds.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => {
    const o = JSON.parse(line) as { id: string; title: string; text: string; outlet?: string; published: string };
    return processArticle(
      { id: o.id, source: o.id, format: 'jsonl', title: o.title, text: o.text, html: null, url: null, outlet: o.outlet ?? null, published: o.published, publishedSource: 'metadata', language: 'en', diagnostics: [] },
      ctx,
    );
  });

async function ingestAll(order: readonly number[], twice = false): Promise<Store> {
  const store = await openStore(':memory:');
  for (const round of twice ? [0, 1] : [0]) {
    void round;
    for (const i of order) await ingestExtraction(store, seeds[i]!, `hash-${seeds[i]!.article.id}`, { resolver });
  }
  return store;
}

/** Events and stories without storage timestamps, in a canonical order. */
async function snapshot(store: Store) {
  const events = (await store.listEvents({ includeBackground: true })).map((e) => JSON.stringify(e)).sort();
  const stories = (await store.listStories()).map((s) => JSON.stringify(s)).sort();
  return { events, stories };
}

describe('coreference across the seed articles', () => {
  it('merges the 12 December 2020 advance reported by 000, 001 and 002: one event per village', async () => {
    const store = await ingestAll([0, 1, 2, 3, 4]);
    const events = await store.listEvents();
    // 002's "captured Khtsaberd and Khin Taher": two villages, two events (ACLED: one per
    // location); 000 names only the Hadrut district and 001 an advance "in the direction of" both.
    const advance = events.filter((e) => e.event_type === 'Battles' && e.date === '2020-12-12');
    expect(advance.map((e) => e.location?.name).sort()).toEqual(['Hin Tagher', 'Khtsaberd']);
    const e = advance.find((x) => x.location?.name === 'Khtsaberd')!;
    expect(e.reports.map((r) => r.article_id.slice(0, 3)).sort()).toEqual(['000', '001', '002']);
    expect(e.sources).toBeGreaterThanOrEqual(2);
    const other = advance.find((x) => x.location?.name === 'Hin Tagher')!;
    expect(other.reports.map((r) => r.article_id.slice(0, 3))).toContain('002');
    const initiator = e.contradictions.find((c) => c.field === 'actor1');
    expect(initiator?.values.map((v) => v.value).sort()).toEqual(['ARM', 'AZE']);
    const control = advance.flatMap((x) => x.contradictions).find((c) => c.field === 'control:Hin Tagher');
    expect(control?.values.map((v) => v.value).sort()).toEqual(['ARM', 'AZE']);
    expect(e.claims.every((c) => typeof (c as { article_id?: string }).article_id === 'string')).toBe(true);
  });

  it('forms three stories: December 2020, September 2020 and August 2022', async () => {
    const store = await ingestAll([4, 2, 0, 3, 1]);
    const stories = await store.listStories();
    expect(stories).toHaveLength(3);
    const byFirst: Record<string, (typeof stories)[number]> = Object.fromEntries(stories.map((s) => [s.first_date ?? '', s]));
    expect(byFirst['2020-09-27']?.article_ids.map((a) => a.slice(0, 3))).toEqual(['004']);
    expect(byFirst['2022-08-03']?.article_ids.map((a) => a.slice(0, 3))).toEqual(['003']);
    const december = stories.find((s) => s.first_date?.startsWith('2020-12'));
    expect(december?.article_ids.map((a) => a.slice(0, 3)).sort()).toEqual(['000', '001', '002']);
  });

  it('gives the same events and stories whatever the order, and re-ingesting changes nothing', async () => {
    const reference = await snapshot(await ingestAll([0, 1, 2, 3, 4]));
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray([0, 1, 2, 3, 4], { minLength: 5, maxLength: 5 }), fc.boolean(), async (order, twice) => {
        expect(await snapshot(await ingestAll(order, twice))).toEqual(reference);
      }),
      { numRuns: 25 },
    );
  });

  it('keeps Stepanakert shelled on 27 September and on 2 October as two events', async () => {
    const store = await openStore(':memory:');
    const base = seeds[4]!;
    const shelling = base.events.find((e) => e.sub_event_type.startsWith('Shelling'))!;
    const later: ExtractionResult = {
      ...base,
      article: { ...base.article, id: 'later-report', outlet: 'Another Outlet', published: '2020-10-02' },
      events: [{ ...shelling, date: '2020-10-02' }],
      statements: [],
    };
    await ingestExtraction(store, base, 'h1', { resolver });
    await ingestExtraction(store, later, 'h2', { resolver });
    const shellings = (await store.listEvents()).filter((e) => e.sub_event_type.startsWith('Shelling'));
    expect(shellings.map((e) => e.date).sort()).toEqual(['2020-09-27', '2020-10-02']);
  });

  it('lets a later article of the same outlet supersede its earlier report', async () => {
    const store = await openStore(':memory:');
    const first = seeds[2]!;
    const battle = first.events.find((e) => e.event_type === 'Battles')!;
    const update: ExtractionResult = {
      ...first,
      article: { ...first.article, id: 'southfront-update', published: '2020-12-14' },
      events: [{ ...battle, injured: 9 }],
      statements: [],
    };
    await ingestExtraction(store, first, 'h1', { resolver });
    await ingestExtraction(store, update, 'h2', { resolver });
    const merged = (await store.listEvents()).find((e) => e.event_type === 'Battles' && e.location?.name === battle.location?.name)!;
    expect(merged.injured).toBe(9);
    expect((merged as unknown as { superseded: { article_id: string; superseded_by: string }[] }).superseded).toEqual([
      { article_id: first.article.id, event_id: battle.id, superseded_by: 'southfront-update' },
    ]);
    expect(merged.sources).toBe(1);
  });

  it('counts a syndicated copy (ads inserted, headline changed) as the same source', async () => {
    const store = await openStore(':memory:');
    const original = seeds[0]!;
    const paragraphs = original.article.text.split('\n\n');
    const copyText = ['Breaking: new fighting in Karabakh', ...paragraphs.slice(1).flatMap((p, i) => (i % 2 ? [p, 'ADVERTISEMENT'] : [p]))].join('\n\n');
    const copy: ExtractionResult = {
      ...original,
      article: { ...original.article, id: 'copy-of-000', outlet: 'Aggregator Daily', text: copyText },
    };
    await ingestExtraction(store, original, 'h0', { resolver });
    await ingestExtraction(store, copy, 'h-copy', { resolver });
    // (the Hadrut clash: 11 December in the Russian statement, 12 December by publication)
    const battle = (await store.listEvents()).find((e) => e.event_type === 'Battles' && (e.date === '2020-12-11' || e.date === '2020-12-12'))!;
    expect(battle.reports.map((r) => r.article_id).sort()).toEqual([original.article.id, 'copy-of-000'].sort());
    expect(battle.sources).toBe(1);
  });

  it('splits an event again when an updated article no longer reports it', async () => {
    const store = await openStore(':memory:');
    await ingestExtraction(store, seeds[0]!, 'h0', { resolver });
    await ingestExtraction(store, seeds[1]!, 'h1', { resolver });
    const merged = (await store.listEvents()).filter((e) => e.reports.length > 1);
    expect(merged.length).toBeGreaterThan(0);
    const emptied: ExtractionResult = { ...seeds[1]!, events: [] };
    await ingestExtraction(store, emptied, 'h1-v2', { resolver });
    const after = await store.listEvents();
    expect(after.every((e) => e.reports.every((r) => r.article_id === seeds[0]!.article.id))).toBe(true);
    expect(after.length).toBe(seeds[0]!.events.filter((e) => !e.background).length);
  });

  // Two stores with 000 and 001 stored; `third` (002, which joins their 12 December event) is
  // resolved in each: once given its summary as saved (`summaryAsSaved`), once without.
  const resolveBothWays = async (third: ExtractionResult) => {
    const prepared = async (): Promise<Store> => {
      const store = await openStore(':memory:');
      for (const i of [0, 1]) await ingestExtraction(store, seeds[i]!, `hash-${i}`, { resolver });
      await store.saveExtraction(third, { contentHash: 'hash-2' });
      return store;
    };
    const summariesRead = (store: Store): string[][] => {
      const asked: string[][] = [];
      const read = store.getArticleSummaries.bind(store);
      store.getArticleSummaries = (ids) => {
        asked.push([...ids]);
        return read(ids);
      };
      return asked;
    };
    const withHash = await prepared();
    const askedWith = summariesRead(withHash);
    const saved = summaryAsSaved(third, 'hash-2');
    const given = await resolver.resolve({ store: withHash, result: third, previous: [], ...(saved ? { saved } : {}) });
    const without = await prepared();
    const askedWithout = summariesRead(without);
    const readBack = await resolver.resolve({ store: without, result: third, previous: [] });
    return { given, readBack, askedWith: askedWith.flat(), askedWithout: askedWithout.flat() };
  };

  it('takes the saved article\'s own summary from the result when given it, and decides the same', async () => {
    const { given, readBack, askedWith, askedWithout } = await resolveBothWays(seeds[2]!);
    expect(given).toEqual(readBack);
    expect(given.events.some((e) => e.reports.length === 3)).toBe(true);
    const own = seeds[2]!.article.id;
    expect(askedWithout).toContain(own);
    expect(askedWith).not.toContain(own);
  });

  it('reads the saved article back when its outlet or title is not stored as given (lone surrogate, NUL)', async () => {
    for (const article of [{ outlet: 'Wire \ud800' }, { title: 'Clashes\u0000 at dawn' }]) {
      const third: ExtractionResult = { ...seeds[2]!, article: { ...seeds[2]!.article, ...article } };
      const { given, readBack, askedWith } = await resolveBothWays(third);
      expect(askedWith).toContain(third.article.id);
      expect(given).toEqual(readBack);
    }
  });
});
