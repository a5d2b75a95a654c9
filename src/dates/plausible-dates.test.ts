/**
 * Date sanity (issue #16): calendar-end placeholders and far-future event years are not stored;
 * the story pass and later ingests stay green; a failed story pass never blocks later runs; over
 * HTTP, a batch stores every good item and reports every bad one.
 */
import { describe, expect, it } from 'vitest';
import { createApp } from '../api/create-app.js';
import type { IngestResponse } from '../api/ingest-articles.js';
import { createExtractContext } from '../extract/create-extract-context.js';
import type { RawArticle } from '../model/article.js';
import type { IngestItem } from '../model/ingest-item.js';
import { shiftDay } from '../model/calendar.js';
import { loadPacks } from '../packs/load-packs.js';
import { inlineExtractor } from '../pipeline/extractor.js';
import { ingestItems } from '../pipeline/ingest-items.js';
import { processArticle } from '../pipeline/process-article.js';
import { createResolver } from '../resolve/create-resolver.js';
import type { EventResolver } from '../store/event-resolver.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { isPlausibleDay, latestPlausibleDay } from './plausible-dates.js';

const ctx = createExtractContext();
const extractor = inlineExtractor(ctx);
const resolver = createResolver(loadPacks());

const raw = (id: string, published: string | null, text: string): RawArticle => ({
  id,
  source: `${id}.json`,
  format: 'json',
  title: null,
  text,
  html: null,
  url: null,
  outlet: 'Own Test Wire',
  published,
  publishedSource: published === null ? null : 'metadata',
  language: null,
  diagnostics: [],
});
const SHELLING = 'Armenian forces shelled the town of Tartar on Monday, killing three civilians, the Azerbaijani defence ministry said.';
const FAR_EVENT = 'Azerbaijani forces attacked Armenian positions near Hadrut on 27 September 2999, killing five soldiers, the ministry said.';

async function openMemory(): Promise<SqliteStore> {
  const store = SqliteStore.open(':memory:');
  await store.migrate();
  return store;
}

describe('plausible days', () => {
  it('keeps 1900-01-01 up to tomorrow, nothing outside', () => {
    const latest = latestPlausibleDay(new Date('2026-12-07T23:59:00Z'));
    expect(latest).toBe('2026-12-08');
    expect(isPlausibleDay('1900-01-01', latest)).toBe(true);
    expect(isPlausibleDay('2026-12-08T10:00:00Z', latest)).toBe(true);
    expect(isPlausibleDay('1899-12-31', latest)).toBe(false);
    expect(isPlausibleDay('2026-12-09', latest)).toBe(false);
    expect(isPlausibleDay('9999-12-31', latest)).toBe(false);
    expect(isPlausibleDay('0001-01-01', latest)).toBe(false);
    expect(isPlausibleDay('2020-02-30', latest)).toBe(false);
  });

  it('day arithmetic stays within years 1..9999', () => {
    expect(shiftDay('9999-12-31', 90)).toBe('9999-12-31');
    expect(shiftDay('0001-01-01', -90)).toBe('0001-01-01');
    expect(shiftDay('2020-12-31', 1)).toBe('2021-01-01');
  });
});

describe('processArticle date sanity', () => {
  it('drops a placeholder publication date with a diagnostic naming the article', () => {
    for (const placeholder of ['9999-12-31', '0001-01-01', '1899-06-01T10:00:00Z']) {
      const result = processArticle(raw('placeholder', placeholder, SHELLING), ctx);
      expect(result.article.published).toBeNull();
      const d = result.diagnostics.find((x) => x.code === 'dates/implausible-publication-date');
      expect(d?.articleId).toBe('placeholder');
      expect(d?.message).toContain('article placeholder');
      expect(d?.message).toContain(placeholder.slice(0, 10));
    }
  });

  it('leaves an event of year 2999 undated, with a diagnostic', () => {
    const result = processArticle(raw('far', '2020-10-05', FAR_EVENT), ctx);
    expect(result.article.published).toBe('2020-10-05');
    expect(result.events.length).toBeGreaterThan(0);
    const latest = latestPlausibleDay();
    for (const e of result.events) {
      for (const d of [e.date, e.date_end]) if (d !== null) expect(isPlausibleDay(d, latest)).toBe(true);
    }
    expect(result.diagnostics.some((d) => d.code === 'dates/implausible-event-date' && d.articleId === 'far' && d.message.includes('2999'))).toBe(true);
  });
});

describe('ingest with calendar-end dates', () => {
  it('leaves the store usable and later ingests green', async () => {
    const store = await openMemory();
    const items: IngestItem[] = [
      raw('good', '2020-10-01', SHELLING),
      raw('bad-9999', '9999-12-31', SHELLING),
      raw('bad-0001', '0001-01-01', SHELLING),
      raw('far-event', '2020-10-05', FAR_EVENT),
    ].map((article) => ({ kind: 'article', article }));
    const counts = await ingestItems(items, { store, extractor, resolver });
    expect(counts).toMatchObject({ inserted: 4, failed: 0 });
    for (const e of await store.listEvents({ includeBackground: true })) if (e.date !== null) expect(isPlausibleDay(e.date)).toBe(true);
    const later = await ingestItems([{ kind: 'article', article: raw('later', '2020-10-02', SHELLING.replace('Tartar', 'Barda')) }], { store, extractor, resolver });
    expect(later).toMatchObject({ inserted: 1, failed: 0 });
    expect((await store.readStoryDebt()).recorded).toBe(0);
    await store.close();
  });

  it('a story debt that fails twice is discarded: the run after the failed one is green', async () => {
    const store = await openMemory();
    let failures = 2;
    const flaky: EventResolver = {
      ...resolver,
      resolveStories: (s, debt) => (failures-- > 0 ? Promise.reject(new Error('story clustering broke')) : resolver.resolveStories!(s, debt)),
    };
    const article = (id: string): IngestItem => ({ kind: 'article', article: raw(id, '2020-10-01', SHELLING.replace('Tartar', id)) });
    await expect(ingestItems([article('a1'), article('a2')], { store, extractor, resolver: flaky })).rejects.toThrow(/story clustering broke/);
    expect((await store.readStoryDebt()).recorded).toBeGreaterThan(0);
    // The next run tries the debt again, fails, discards it and goes on: its own article gets its story.
    const discarded: number[] = [];
    const counts = await ingestItems([article('a3')], { store, extractor, resolver: flaky, onStoryDebtDiscarded: (n) => discarded.push(n) });
    expect(counts).toMatchObject({ inserted: 1, failed: 0 });
    expect(discarded).toHaveLength(1);
    expect(discarded[0]).toBeGreaterThan(0);
    expect((await store.readStoryDebt()).recorded).toBe(0);
    expect(await store.countArticles()).toBe(3);
    await store.close();
  });
});

describe('POST /api/articles batch', () => {
  it('stores every good item and reports every bad one', async () => {
    const store = await openMemory();
    // A resolver that cannot store one article stands for any per-article store failure.
    const breaking: EventResolver = {
      ...resolver,
      resolve: (input) => (input.result.article.id === 'bad' ? Promise.reject(new Error('cannot merge this one')) : resolver.resolve(input)),
    };
    const app = createApp({ store, extractContext: () => ctx, resolver: () => breaking });
    const body = [
      { id: 'good-1', text: SHELLING, published: '2020-10-01' },
      { id: 'bad', text: SHELLING.replace('Tartar', 'Barda'), published: '2020-10-01' },
      { id: 'good-2', text: SHELLING.replace('Tartar', 'Goris'), published: '9999-12-31' },
    ];
    const res = await app.request('/api/articles', { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(201);
    const out = (await res.json()) as IngestResponse;
    expect(out.articles.map((a) => a.id)).toEqual(['good-1', 'good-2']);
    expect(out.failures).toHaveLength(1);
    expect(out.failures[0]!.diagnostics[0]).toMatchObject({ code: 'store/write-failed', articleId: 'bad' });
    expect(out.articles[1]!.diagnostics.some((d) => d.code === 'dates/implausible-publication-date')).toBe(true);
    expect(await store.countArticles()).toBe(2);
    await store.close();
  });
});
