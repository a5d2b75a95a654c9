/**
 * Story passes in batches (`sitrep ingest` on SQLite): the stories come out as when every article
 * assigns them in its own transaction, whatever the batch size; a debt left by an interrupted
 * ingest is settled by the next run; a failing pass loses no article and leaves its debt.
 */
import { describe, expect, it } from 'vitest';
import { createExtractContext } from '../extract/create-extract-context.js';
import type { RawArticle } from '../model/article.js';
import type { IngestItem } from '../model/ingest-item.js';
import { readInputs } from '../ingest/read-inputs.js';
import { inlineExtractor } from '../pipeline/extractor.js';
import { ingestItems } from '../pipeline/ingest-items.js';
import { processArticle } from '../pipeline/process-article.js';
import { loadPacks } from '../packs/load-packs.js';
import { contentHash } from '../store/content-hash.js';
import type { EventResolver } from '../store/event-resolver.js';
import { ingestExtraction } from '../store/ingest-extraction.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { dumpStore } from '../store/testing/dump-store.js';
import { createResolver } from './create-resolver.js';
import { settleStoryDebt } from './story-debt.js';

const SEEDS = new URL('../../../shared/corpus/seeds.jsonl', import.meta.url).pathname;
const ctx = createExtractContext();
const extractor = inlineExtractor(ctx);
const resolver = createResolver(loadPacks());

async function seeds(): Promise<RawArticle[]> {
  const out: RawArticle[] = [];
  for await (const item of readInputs([SEEDS], {})) if (item.kind === 'article') out.push(item.article);
  return out;
}

/**
 * The seed articles as several outlets' copies (one story's many reports), some moved a month
 * earlier (separate happenings in other windows; no seed is dated in January), and two later versions of already sent articles
 * (updates, whose old events leave their stories).
 */
async function stream(): Promise<IngestItem[]> {
  const base = await seeds();
  const moved = (a: RawArticle, tag: string, months: number): RawArticle => {
    const shift = (t: string) =>
      t.replace(/\b(January|February|March|April|May|June|July|August|September|October|November|December)\b/g, (m) => {
        const names = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
        return names[(names.indexOf(m) + months + 12) % 12]!;
      });
    const published = a.published ? `${a.published.slice(0, 5)}${String(((Number(a.published.slice(5, 7)) - 1 + months + 12) % 12) + 1).padStart(2, '0')}${a.published.slice(7)}` : a.published;
    return { ...a, id: `${a.id}-${tag}`, outlet: `Outlet ${tag}`, text: a.text === null ? null : shift(a.text), title: a.title ? shift(a.title) : a.title, published };
  };
  const articles: RawArticle[] = [];
  for (const tag of ['a', 'b', 'c']) for (const a of base) articles.push(moved(a, tag, 0));
  for (const tag of ['d', 'e']) for (const a of base) articles.push(moved(a, tag, -1));
  // Updates: an article sent again with a paragraph dropped.
  for (const a of articles.slice(0, 2)) articles.push({ ...a, text: (a.text ?? '').split('\n\n').slice(0, -1).join('\n\n') });
  return articles.map((article) => ({ kind: 'article', article }));
}

async function openMemory(): Promise<SqliteStore> {
  const store = SqliteStore.open(':memory:');
  await store.migrate();
  return store;
}

async function storyDebtRows(store: SqliteStore): Promise<number> {
  return (store.database.prepare('SELECT count(*) AS n FROM story_debt').get() as { n: number }).n;
}

describe('story passes in batches', () => {
  it('give the stories of one pass per article, for any batch size', async () => {
    const items = await stream();
    const perArticle = await openMemory();
    await ingestItems(items, { store: perArticle, extractor, resolver, storyBatch: 1 });
    const expected = await dumpStore(perArticle);
    expect(expected.stories.length).toBeGreaterThan(2);
    expect(expected.events.every((e) => e.story_id !== null)).toBe(true);

    for (const storyBatch of [4, 64]) {
      const batched = await openMemory();
      await ingestItems(items, { store: batched, extractor, resolver, storyBatch });
      expect(await storyDebtRows(batched)).toBe(0);
      expect(await dumpStore(batched), `story batch ${storyBatch}`).toEqual(expected);
      await batched.close();
    }
    await perArticle.close();
  });

  it('leaves a debt when the ingest stops between passes, which the next run settles', async () => {
    const items = await stream();
    const expectedStore = await openMemory();
    await ingestItems(items, { store: expectedStore, extractor, resolver, storyBatch: 1 });
    const expected = await dumpStore(expectedStore);

    // An ingest that stored its articles and was killed before its pass.
    const store = await openMemory();
    for (const item of items) {
      if (item.kind !== 'article') continue;
      const result = processArticle(item.article, ctx);
      await ingestExtraction(store, result, contentHash(item.article, extractor.versions), { resolver, deferStories: true });
    }
    expect(await storyDebtRows(store)).toBeGreaterThan(0);
    expect((await store.listEvents({ includeBackground: true })).some((e) => e.story_id === null)).toBe(true);
    expect(await store.listStories()).toEqual([]);

    // The next run (here with nothing to store) settles the debt first.
    await ingestItems([], { store, extractor, resolver });
    expect(await storyDebtRows(store)).toBe(0);
    expect(await dumpStore(store)).toEqual(expected);
    await Promise.all([store.close(), expectedStore.close()]);
  });

  it('keeps the version of an event from before the batch when the batch changes it twice', async () => {
    const store = await openMemory();
    const reports = [{ article_id: 'a1', event_id: 'ev1' }];
    await store.transaction(async (tx) => {
      await tx.recordStoryDebt!(['e2'], [{ id: 'e1', story_id: 'st_old', date: '2020-12-12', reports }]);
      // Later in the batch: e1 (now written without a story) is replaced again, e2 too.
      await tx.recordStoryDebt!(['e1'], [{ id: 'e1', story_id: null, date: '2020-12-13', reports }, { id: 'e2', story_id: null, date: null, reports: [] }]);
    });
    const debt = await store.readStoryDebt();
    expect(debt.recorded).toBe(2);
    // e2 was created by the batch: no earlier version; e1 and e2 are not stored, so nothing is fresh.
    expect(debt.replaced).toEqual([{ id: 'e1', story_id: 'st_old', date: '2020-12-12', reports }]);
    expect(debt.fresh).toEqual([]);
    await store.settleStoryDebt([], {});
    expect((await store.readStoryDebt()).recorded).toBe(0);
    await store.close();
  });

  it('stores every article when a pass fails, keeps its debt, and ends with the error', async () => {
    const items = await stream();
    const failing: EventResolver = {
      ...resolver,
      resolveStories: () => Promise.reject(new Error('story clustering broke')),
    };
    const store = await openMemory();
    await expect(ingestItems(items, { store, extractor, resolver: failing, storyBatch: 4 })).rejects.toThrow(
      /assigning stories failed \(the articles are stored; their stories are assigned by the next ingest\): story clustering broke/,
    );
    expect(await store.countArticles()).toBe(items.length - 2);
    // After the failed pass the rest were assigned stories per article; the first batch's debt waits.
    expect(await storyDebtRows(store)).toBeGreaterThan(0);
    expect(await settleStoryDebt(store, resolver)).toBeGreaterThan(0);
    expect(await storyDebtRows(store)).toBe(0);
    expect((await store.listEvents({ includeBackground: true })).every((e) => e.story_id !== null)).toBe(true);
    await store.close();
  });
});
