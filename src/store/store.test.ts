import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExtractionResult } from '../model/extraction.js';
import { contentHash } from './content-hash.js';
import { StoreError } from './errors.js';
import type { MergedEvent } from './records.js';
import { FIXTURE_TEXT, makeEvent, makeExtraction } from './testing/extraction-fixtures.js';
import { STORE_KINDS, type TestStore } from './testing/store-matrix.js';

const hashOf = (r: ExtractionResult): string => contentHash(r.article, r.versions ?? { extractor: 'test' });

describe.each(STORE_KINDS)('Store on $name', (kind) => {
  let t: TestStore;
  beforeEach(async () => {
    t = await kind.open();
  });
  afterEach(async () => {
    await t.dispose();
  });

  describe('saveExtraction', () => {
    it('inserts, then is unchanged without writing, then updates replacing the rows', async () => {
      const v1 = makeExtraction('a1');
      expect(await t.store.saveExtraction(v1, { contentHash: 'h1', ingestedAt: '2024-01-01T00:00:00Z' })).toEqual({ status: 'inserted', articleId: 'a1' });
      const before = await t.changeMarker();
      expect(await t.store.saveExtraction(v1, { contentHash: 'h1', ingestedAt: '2024-02-02T00:00:00Z' })).toEqual({ status: 'unchanged', articleId: 'a1' });
      expect(await t.changeMarker()).toBe(before);
      expect((await t.store.getArticle('a1'))?.ingested_at).toBe('2024-01-01T00:00:00Z');

      const v2 = makeExtraction('a1', { events: [makeEvent('e9', { fatalities: 3 })], statements: [], diagnostics: [] });
      expect(await t.store.saveExtraction(v2, { contentHash: 'h2', ingestedAt: '2024-03-03T00:00:00Z' })).toEqual({ status: 'updated', articleId: 'a1' });
      const stored = await t.store.getArticle('a1');
      expect(stored?.extraction).toStrictEqual(v2);
      expect(stored?.content_hash).toBe('h2');
      expect(stored?.ingested_at).toBe('2024-03-03T00:00:00Z');
      const events = await t.store.listArticleEvents({ includeBackground: true });
      expect(events.map((e) => e.event.id)).toEqual(['e9']);
      expect(await t.store.countArticles()).toBe(1);
      expect(await t.store.getContentHash('a1')).toBe('h2');
      expect(await t.store.getContentHash('nope')).toBeNull();
    });

    it('round-trips an extraction exactly, including extension fields, versions and odd Unicode', async () => {
      const text = 'Ünïcödé 😀 title\n\nA lone surrogate \ud800 here; Ստեփանակերտ and Xankəndi. Fakeville was shelled.';
      const base = makeExtraction('u1', { text, events: [makeEvent('e1', {}, FIXTURE_TEXT)], versions: { extractor: '0.1.0', 'theatre:am-az': '3' } });
      const result: ExtractionResult = {
        ...base,
        article: { ...base.article, published: null, published_source: null, published_confidence: null, outlet: null, extra_field: { nested: [1, 'x'] } } as ExtractionResult['article'],
        events: [
          makeEvent('e1', { control: [{ place: 'Fakeville', holder: 'AZE', claimant: null, evidence: { start: 0, end: 3, text: 'Üni' } }] }),
          makeEvent('e2', { date: null, date_precision: null, date_source: null, actor1: null, actor2: null, location: null, field_spans: {} }),
        ],
        statements: [{ id: 's1', type: 'call', speaker: null, target: null, date: null, about_event: null, evidence: { start: 1, end: 2, text: 'n' } }],
        diagnostics: [{ code: 'clean/x', severity: 'warning', message: 'm', source: 'p.txt' }],
      };
      await t.store.saveExtraction(result, { contentHash: hashOf(result) });
      expect((await t.store.getArticle('u1'))?.extraction).toStrictEqual(result);
      expect(await t.store.getArticle('missing')).toBeNull();
    });

    it('leaves nothing of an article whose save throws midway, and keeps other articles', async () => {
      await t.store.saveExtraction(makeExtraction('ok'), { contentHash: 'h' });
      await t.failInserts('article_statements', 'bad');
      const error = await t.store.saveExtraction(makeExtraction('bad'), { contentHash: 'h' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreError);
      expect((error as StoreError).code).toBe('store/write-failed');
      expect((error as StoreError).message).toMatch(/injected failure/);
      // The article row and its events were written before the statement insert failed: all rolled back.
      expect(await t.store.getArticle('bad')).toBeNull();
      for (const table of ['article_events', 'article_statements', 'article_diagnostics']) {
        expect(await t.count(`SELECT count(*) AS n FROM ${table} WHERE article_id = 'bad'`)).toBe(0);
      }
      expect(await t.store.searchArticles('Fakeville')).toHaveLength(1);
      expect((await t.store.getArticle('ok'))?.extraction).toStrictEqual(makeExtraction('ok'));
    });

    it('keeps the previous version when an update fails midway (duplicate event id)', async () => {
      const v1 = makeExtraction('a1');
      await t.store.saveExtraction(v1, { contentHash: 'h1' });
      const broken = makeExtraction('a1', { events: [makeEvent('e1'), makeEvent('e1')] });
      await expect(t.store.saveExtraction(broken, { contentHash: 'h2' })).rejects.toMatchObject({ code: 'store/write-failed' });
      const stored = await t.store.getArticle('a1');
      expect(stored?.content_hash).toBe('h1');
      expect(stored?.extraction).toStrictEqual(v1);
    });
  });

  describe('queries', () => {
    beforeEach(async () => {
      await t.store.saveExtraction(makeExtraction('a1'), { contentHash: 'h' });
      const late = makeExtraction('a2', { published: '2021-05-02', outlet: 'Other Desk' });
      await t.store.saveExtraction({ ...late, events: late.events.map((e) => (e.background ? e : { ...e, date: '2021-05-01' })) }, { contentHash: 'h' });
    });

    it('lists and counts articles as summaries, with paging', async () => {
      const all = await t.store.listArticles();
      expect(all.map((a) => [a.id, a.event_count, a.statement_count, a.diagnostic_count, a.outlet])).toEqual([
        ['a1', 3, 1, 1, 'Example Wire'],
        ['a2', 3, 1, 1, 'Other Desk'],
      ]);
      expect(all[0]).not.toHaveProperty('text');
      expect((await t.store.listArticles({ limit: 1, offset: 1 })).map((a) => a.id)).toEqual(['a2']);
      expect(await t.store.countArticles()).toBe(2);
      await expect(t.store.listArticles({ limit: -1 })).rejects.toMatchObject({ code: 'store/invalid-argument' });
    });

    it('reads the texts and content hashes of several articles at once, as getArticle has them', async () => {
      await t.store.saveExtraction(makeExtraction('a3', { text: 'Another headline\n\nAnother body.' }), { contentHash: 'h3' });
      const texts = await t.store.getArticleTexts(['a3', 'missing', 'a1']);
      expect(texts.map((a) => [a.id, a.content_hash])).toEqual([['a1', 'h'], ['a3', 'h3']]);
      for (const a of texts) expect(a.text).toBe((await t.store.getArticle(a.id))!.extraction.article.text);
      expect(await t.store.getArticleTexts([])).toEqual([]);
    });

    it('filters article events by background, date range, side, type and article', async () => {
      const ids = async (f: Parameters<typeof t.store.listArticleEvents>[0]): Promise<string[]> =>
        (await t.store.listArticleEvents(f)).map((r) => `${r.article_id}/${r.event.id}`);
      expect(await ids({})).toEqual(['a1/e1', 'a1/e2', 'a2/e1', 'a2/e2']);
      expect(await ids({ includeBackground: true })).toEqual(['a1/e3', 'a2/e3', 'a1/e1', 'a1/e2', 'a2/e1', 'a2/e2']);
      expect(await ids({ from: '2021-04-01' })).toEqual(['a2/e1', 'a2/e2']);
      expect(await ids({ from: '2021-03-01', to: '2021-03-01' })).toEqual(['a1/e1', 'a1/e2']);
      expect(await ids({ eventTypes: ['Battles'] })).toEqual(['a1/e2', 'a2/e2']);
      expect(await ids({ subEventTypes: ['Shelling/artillery/missile attack', 'Agreement'], includeBackground: true })).toEqual(['a1/e3', 'a2/e3', 'a1/e1', 'a2/e1']);
      expect(await ids({ side: 'AZE', articleId: 'a2' })).toEqual(['a2/e1', 'a2/e2']);
      expect(await ids({ articleIds: ['a2', 'nope'] })).toEqual(['a2/e1', 'a2/e2']);
      expect(await ids({ articleIds: [] })).toEqual([]);
      expect(await ids({ side: 'RUS' })).toEqual([]);
      expect(await ids({ limit: 1, offset: 2 })).toEqual(['a2/e1']);
      await expect(t.store.listArticleEvents({ from: 'March' })).rejects.toMatchObject({ code: 'store/invalid-argument' });
    });

    it('searches titles and texts; user input cannot inject FTS syntax', async () => {
      const hits = await t.store.searchArticles('testgrad soldiers');
      expect(hits.map((h) => h.id)).toEqual(['a1', 'a2']);
      expect(hits[0]?.snippet).toMatch(/\[Testgrad\]/);
      expect(await t.store.searchArticles('Nowhereville')).toEqual([]);
      expect(await t.store.searchArticles('AND OR ( "')).toEqual([]);
      expect((await t.store.searchArticles('fakeville', { limit: 1 })).length).toBe(1);
    });

    it('keeps failures per source, replaced by a later failure or cleared by a successful save', async () => {
      const diag = { code: 'ingest/bad-json', severity: 'error' as const, message: 'Unexpected token' };
      await t.store.saveFailure('in/x.json', [diag], { recordedAt: '2024-01-01' });
      await t.store.saveFailure('in/x.json', [diag, diag], { recordedAt: '2024-01-02' });
      await t.store.saveFailure('fixtures/a3.txt', [diag]);
      expect((await t.store.listFailures()).map((f) => [f.source, f.diagnostics.length])).toEqual([
        ['fixtures/a3.txt', 1],
        ['in/x.json', 2],
      ]);
      await t.store.saveExtraction(makeExtraction('a3'), { contentHash: 'h' });
      expect((await t.store.listFailures()).map((f) => f.source)).toEqual(['in/x.json']);
    });

    it('stores meta values', async () => {
      expect(await t.store.getMeta('packs')).toBeNull();
      await t.store.setMeta('packs', '{"core":"1"}');
      await t.store.setMeta('packs', '{"core":"2"}');
      expect(await t.store.getMeta('packs')).toBe('{"core":"2"}');
    });
  });

  describe('merged events and stories', () => {
    const merged = (id: string, articleId: string, overrides: Partial<MergedEvent> = {}): MergedEvent => {
      const { id: _id, field_spans: _f, rules: _r, control: _c, ...fields } = makeEvent('e1');
      return { ...fields, id, story_id: null, reports: [{ article_id: articleId, event_id: 'e1' }], sources: 1, contradictions: [], ...overrides };
    };

    beforeEach(async () => {
      await t.store.saveExtraction(makeExtraction('a1'), { contentHash: 'h' });
      await t.store.saveExtraction(makeExtraction('a2'), { contentHash: 'h' });
    });

    it('rewrites an event whose reports gained one that sorts between two and lost another', async () => {
      const r = (article_id: string, event_id: string) => ({ article_id, event_id });
      await t.store.replaceMergedEvents([], [merged('m1', 'a1', { reports: [r('a1', 'e1'), r('a1', 'e3'), r('a2', 'e1')] })]);
      const rewritten = merged('m1', 'a1', { reports: [r('a1', 'e1'), r('a1', 'e2'), r('a1', 'e3')] });
      await t.store.replaceMergedEvents(['m1'], [rewritten]);
      expect((await t.store.getEvent('m1'))!.reports).toStrictEqual(rewritten.reports);
      expect(await t.count("SELECT count(*) AS n FROM event_reports WHERE event_id = 'm1'")).toBe(3);
      const again = merged('m1', 'a1', { reports: [r('a1', 'e0'), r('a1', 'e2'), r('a2', 'e1')] });
      await t.store.replaceMergedEvents(['m1'], [again]);
      expect((await t.store.listEventOutlines())[0]!.reports).toStrictEqual(again.reports);
      expect(await t.count("SELECT count(*) AS n FROM event_reports WHERE event_id = 'm1'")).toBe(3);
    });

    it('round-trips merged events with reports and contradictions, and replaces them', async () => {
      const m1 = merged('m1', 'a1', {
        reports: [{ article_id: 'a2', event_id: 'e2' }, { article_id: 'a1', event_id: 'e1' }],
        sources: 2,
        contradictions: [{ field: 'fatalities', values: [{ value: 3, claimants: ['ARM'] }, { value: null, claimants: ['AZE'] }] }],
        story_id: 's1',
      });
      await t.store.replaceMergedEvents([], [m1, merged('m2', 'a2', { date: '2021-02-01' })], {
        upsert: [{ id: 's1', title: 'Shelling around Fakeville', first_date: '2021-03-01', last_date: '2021-03-01', places: ['Fakeville'] }],
      });
      // reports come back in report-key order, whatever order they were written in
      expect(await t.store.getEvent('m1')).toStrictEqual({ ...m1, reports: [...m1.reports].reverse() });
      expect((await t.store.listEvents()).map((e) => e.id)).toEqual(['m2', 'm1']);
      expect((await t.store.listEvents({ articleId: 'a2', storyId: 's1' })).map((e) => e.id)).toEqual(['m1']);
      expect(await t.store.countEvents({ articleId: 'a2' })).toBe(2);
      // an event reported by several of the listed articles comes once
      expect((await t.store.listEvents({ articleIds: ['a1', 'a2'] })).map((e) => e.id)).toEqual(['m2', 'm1']);
      expect((await t.store.listEvents({ articleIds: ['a1'] })).map((e) => e.id)).toEqual(['m1']);
      // outlines: the same events in the same order, with only id, story, date and reports
      const outline = ({ id, story_id, date, reports }: MergedEvent) => ({ id, story_id, date, reports });
      for (const filter of [{}, { articleIds: ['a1', 'a2'] }, { articleIds: ['a1'] }, { storyId: 's1' }, { from: '2021-02-01', to: '2021-02-01' }]) {
        expect(await t.store.listEventOutlines(filter)).toStrictEqual((await t.store.listEvents(filter)).map(outline));
      }
      expect((await t.store.listEventOutlines({ articleIds: ['a2'] })).map((e) => e.id)).toEqual(['m2', 'm1']);
      expect(await t.store.listStories()).toStrictEqual([
        { id: 's1', title: 'Shelling around Fakeville', first_date: '2021-03-01', last_date: '2021-03-01', places: ['Fakeville'], event_ids: ['m1'], article_ids: ['a1', 'a2'] },
      ]);

      await t.store.replaceMergedEvents(['m1'], [merged('m3', 'a1')], { remove: ['s1'] });
      expect((await t.store.listEvents()).map((e) => e.id)).toEqual(['m2', 'm3']);
      expect(await t.store.getEvent('m1')).toBeNull();
      expect(await t.count("SELECT count(*) AS n FROM event_reports WHERE event_id = 'm1'")).toBe(0);
      expect(await t.store.listStories()).toEqual([]);
      expect(await t.store.listEvents({ updatedSince: '9999-01-01' })).toEqual([]);
    });

    it('nulls story_id when a story is removed, and rejects invalid changes atomically', async () => {
      await t.store.replaceMergedEvents([], [merged('m1', 'a1', { story_id: 's1' })], {
        upsert: [{ id: 's1', title: 'T', first_date: null, last_date: null, places: [] }],
      });
      await t.store.replaceMergedEvents([], [], { remove: ['s1'] });
      expect((await t.store.getEvent('m1'))?.story_id).toBeNull();

      await expect(t.store.replaceMergedEvents(['m1'], [merged('m4', 'no-such-article')])).rejects.toMatchObject({ code: 'store/write-failed' });
      await expect(t.store.replaceMergedEvents(['m1'], [merged('m5', 'a1', { reports: [] })])).rejects.toMatchObject({ code: 'store/invalid-argument' });
      // Neither failed call removed m1.
      expect((await t.store.listEvents()).map((e) => e.id)).toEqual(['m1']);
    });

    it('rewrites an event with fewer, other and more reports, and rejects one id written twice', async () => {
      const two = [{ article_id: 'a1', event_id: 'e1' }, { article_id: 'a2', event_id: 'e1' }];
      await t.store.replaceMergedEvents([], [merged('m1', 'a1', { reports: two, sources: 2 })]);
      await t.store.replaceMergedEvents(['m1'], [merged('m1', 'a2', { sources: 1 })]);
      expect((await t.store.getEvent('m1'))?.reports).toEqual([{ article_id: 'a2', event_id: 'e1' }]);
      expect(await t.count("SELECT count(*) AS n FROM event_reports WHERE event_id = 'm1'")).toBe(1);
      const three = [...two, { article_id: 'a2', event_id: 'e2' }];
      await t.store.replaceMergedEvents(['m1'], [merged('m1', 'a1', { reports: three, sources: 2, date: '2021-05-05' })]);
      expect(await t.store.getEvent('m1')).toMatchObject({ reports: three, sources: 2, date: '2021-05-05' });
      expect(await t.store.listEvents({ articleId: 'a2' })).toHaveLength(1);

      await expect(t.store.replaceMergedEvents(['m1'], [merged('m1', 'a1'), merged('m1', 'a2')])).rejects.toMatchObject({ code: 'store/invalid-argument' });
      expect((await t.store.getEvent('m1'))?.reports).toEqual(three);

      // In one call: an event moved to a new story, another removed, the emptied story removed;
      // the stories' event counts follow.
      const story = (id: string) => ({ id, title: id, first_date: null, last_date: null, places: [] });
      await t.store.replaceMergedEvents([], [merged('m1', 'a1', { story_id: 's1' }), merged('m2', 'a2', { story_id: 's1' })], { upsert: [story('s1')] });
      expect((await t.store.storyRemainders(['s1'], [])).map((r) => r.events)).toEqual([2]);
      await t.store.replaceMergedEvents(['m1', 'm2'], [merged('m1', 'a2', { story_id: 's2' })], { upsert: [story('s2')], remove: ['s1'] });
      expect((await t.store.listEvents()).map((e) => [e.id, e.story_id, e.reports.map((r) => r.article_id)])).toEqual([['m1', 's2', ['a2']]]);
      expect((await t.store.storyRemainders(['s1', 's2'], [])).map((r) => [r.story.id, r.events])).toEqual([['s2', 1]]);
    });

    it('tells what remains of stories without some of their events: count, dated span and record', async () => {
      await t.store.replaceMergedEvents(
        [],
        [
          merged('m1', 'a1', { story_id: 's1', date: '2021-03-01' }),
          merged('m2', 'a1', { story_id: 's1', date: '2021-02-01' }),
          merged('m3', 'a2', { story_id: 's1', date: '2021-04-01' }),
          merged('m4', 'a2', { story_id: 's1', date: null }),
          merged('m5', 'a2', { story_id: 's2', date: '2021-03-05' }),
          merged('m6', 'a2', { date: '2021-03-06' }),
        ],
        {
          upsert: [
            { id: 's1', title: 'Long', first_date: '2021-02-01', last_date: '2021-04-01', places: ['Fakeville'] },
            { id: 's2', title: 'Short', first_date: '2021-03-05', last_date: '2021-03-05', places: [] },
          ],
        },
      );
      const s1 = { id: 's1', title: 'Long', first_date: '2021-02-01', last_date: '2021-04-01', places: ['Fakeville'] };
      const s2 = { id: 's2', title: 'Short', first_date: '2021-03-05', last_date: '2021-03-05', places: [] };
      // Without m1 and m3, s1 keeps m2 (its only dated event left) and the undated m4; s2 keeps
      // nothing; m6 (no story) and unknown or repeated ids change nothing.
      expect(await t.store.storyRemainders(['s2', 'nope', 's1', 's2'], ['m3', 'm1', 'm5', 'm6', 'zz', 'm3'])).toStrictEqual([
        { story: s2, events: 0, first_date: null, last_date: null },
        { story: s1, events: 2, first_date: '2021-02-01', last_date: '2021-02-01' },
      ]);
      // Nothing excepted: the whole story; an undated event counts but has no date.
      expect(await t.store.storyRemainders(['s1'], [])).toStrictEqual([{ story: s1, events: 4, first_date: '2021-02-01', last_date: '2021-04-01' }]);
      expect(await t.store.storyRemainders(['s1'], ['m1', 'm2', 'm3'])).toStrictEqual([{ story: s1, events: 1, first_date: null, last_date: null }]);
      expect(await t.store.storyRemainders([], ['m1'])).toEqual([]);
      // A story window (the story resolver's read) sees only the story's events in it.
      expect((await t.store.listEvents({ storyId: 's1', from: '2021-02-15', to: '2021-03-31' })).map((e) => e.id)).toEqual(['m1']);

      // The counts follow every write: m2 deleted, m3 moved to s2, m7 new in s2.
      await t.store.replaceMergedEvents(['m2'], [merged('m3', 'a2', { story_id: 's2', date: '2021-04-01' }), merged('m7', 'a1', { story_id: 's2', date: '2021-01-15' })]);
      expect((await t.store.storyRemainders(['s1', 's2'], [])).map((r) => [r.story.id, r.events, r.first_date, r.last_date])).toEqual([
        ['s1', 2, '2021-03-01', '2021-03-01'],
        ['s2', 3, '2021-01-15', '2021-04-01'],
      ]);
      // A removed story takes its count with it; made again, it counts from its new events only.
      await t.store.replaceMergedEvents([], [], { remove: ['s1'] });
      expect((await t.store.getEvent('m1'))?.story_id).toBeNull();
      expect(await t.store.storyRemainders(['s1'], [])).toEqual([]);
      await t.store.replaceMergedEvents([], [merged('m8', 'a1', { story_id: 's1', date: '2021-05-01' })], { upsert: [s1] });
      expect((await t.store.storyRemainders(['s1'], [])).map((r) => r.events)).toEqual([1]);
    });
  });

  describe('transactions and lifecycle', () => {
    it('commits or rolls back everything done through the handle', async () => {
      await expect(
        t.store.transaction(async (tx) => {
          await tx.saveExtraction(makeExtraction('a1'), { contentHash: 'h' });
          await tx.setMeta('k', 'v');
          throw new Error('abort');
        }),
      ).rejects.toThrow('abort');
      expect(await t.store.countArticles()).toBe(0);
      expect(await t.store.getMeta('k')).toBeNull();

      const value = await t.store.transaction(async (tx) => {
        await tx.saveExtraction(makeExtraction('a1'), { contentHash: 'h' });
        // A nested transaction that fails rolls back only itself.
        await tx.transaction(async (inner) => {
          await inner.setMeta('k', 'inner');
          throw new Error('inner');
        }).catch(() => undefined);
        return tx.countArticles();
      });
      expect(value).toBe(1);
      expect(await t.store.countArticles()).toBe(1);
      expect(await t.store.getMeta('k')).toBeNull();
    });

    it('makes other callers wait for an open transaction, and refuses a handle used after it ended', async () => {
      let handle: Parameters<Parameters<typeof t.store.transaction>[0]>[0] | undefined;
      const order: string[] = [];
      const tx = t.store.transaction(async (h) => {
        handle = h;
        await h.saveExtraction(makeExtraction('a1'), { contentHash: 'h' });
        await new Promise((resolve) => setTimeout(resolve, 20));
        order.push('tx-end');
        throw new Error('rollback');
      });
      const outside = t.store.countArticles().then((n) => {
        order.push(`outside:${n}`);
        return n;
      });
      await expect(tx).rejects.toThrow('rollback');
      expect(await outside).toBe(0);
      // SQLite makes other callers wait; PostgreSQL (MVCC) lets them read what was committed before.
      if (kind.dialect === 'sqlite') expect(order).toEqual(['tx-end', 'outside:0']);
      else expect([...order].sort()).toEqual(['outside:0', 'tx-end']);
      await expect(handle?.countArticles()).rejects.toMatchObject({ code: 'store/transaction-closed' });
    });

    it('rejects calls after close; closing twice is harmless', async () => {
      await t.store.close();
      await t.store.close();
      await expect(t.store.countArticles()).rejects.toMatchObject({ code: 'store/closed' });
    });
  });
});
