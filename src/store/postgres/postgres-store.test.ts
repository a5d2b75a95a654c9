/**
 * PostgreSQL-only store checks (the shared suite in `../store.test.ts` runs on PostgreSQL too
 * when PG_URL is set): exact round trips of odd strings, migrations under concurrency, and the
 * HTTP API's filters checked against the SQLite store as an oracle.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SECOND_TEXT, THIRD_TEXT, openSampleStore, sampleEvents } from '../../api/testing/sample-store.js';
import type { ExtractionResult } from '../../model/extraction.js';
import type { MergedEventFilter, Store } from '../store.js';
import { makeEvent, makeExtraction, spanOf } from '../testing/extraction-fixtures.js';
import { PG_URL, openPostgresTestStore } from '../testing/store-matrix.js';
import { postgresMigrations } from './migrations.js';
import { PostgresStore } from './postgres-store.js';

type PgTestStore = Awaited<ReturnType<typeof openPostgresTestStore>>;

/** The sample data of `openSampleStore`, written to any store. */
async function fillSample(store: Store): Promise<void> {
  const a2Event = makeEvent('e1', { evidence: [spanOf(SECOND_TEXT, 'A drone struck an ammunition depot')], claims: [], field_spans: {} });
  const a3Event = makeEvent('e1', { evidence: [spanOf(THIRD_TEXT, 'Delegations met in Lakeside')], claims: [], field_spans: {} });
  await store.saveExtraction(makeExtraction('a1', { outlet: 'Example Wire' }), { contentHash: 'h-a1' });
  await store.saveExtraction(makeExtraction('a2', { text: SECOND_TEXT, outlet: 'Beta Daily', events: [a2Event] }), { contentHash: 'h-a2' });
  await store.saveExtraction(makeExtraction('a3', { text: THIRD_TEXT, outlet: null, published: null, events: [a3Event] }), { contentHash: 'h-a3' });
  await store.replaceMergedEvents([], sampleEvents(), {
    upsert: [{ id: 's1', title: 'Shelling around Fakeville', first_date: '2021-03-01', last_date: '2021-03-01', places: ['Fakeville', 'Testgrad'] }],
  });
}

/** A promise and the function that settles it (lets a test hold a transaction open). */
function signal(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe.skipIf(PG_URL === undefined)('PostgresStore', () => {
  let t: PgTestStore;
  beforeEach(async () => {
    t = await openPostgresTestStore(PG_URL!);
  });
  afterEach(async () => {
    await t.dispose();
  });

  it('round-trips arbitrary strings (NUL, lone surrogates, any Unicode) and numbers exactly', async () => {
    let saves = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          id: fc.string({ minLength: 1, maxLength: 12 }),
          text: fc.string({ unit: 'binary', maxLength: 200 }),
          title: fc.option(fc.string({ unit: 'binary', maxLength: 40 })),
          fatalities: fc.option(fc.nat()),
          lat: fc.option(fc.double({ min: -90, max: 90, noNaN: true }).map((x) => (Object.is(x, -0) ? 0 : x))),
          place: fc.string({ unit: 'binary', maxLength: 20 }),
        }),
        async ({ id, text, title, fatalities, lat, place }) => {
          const base = makeExtraction(id, { text, events: [] });
          const event = makeEvent('e1', {
            fatalities,
            location: { name: place, source_text: place, country: null, admin1: null, admin2: null, lat, lon: null, geo_precision: 3 },
            evidence: [{ start: 0, end: text.length, text }],
          });
          const result: ExtractionResult = { ...base, article: { ...base.article, title }, events: [event] };
          await t.store.saveExtraction(result, { contentHash: `h${++saves}` });
          expect((await t.store.getArticle(id))?.extraction).toStrictEqual(result);
        },
      ),
      { numRuns: 80 },
    );
    // The cases that PostgreSQL text cannot hold as such, at least once each.
    const odd = makeExtraction('nul\u0000id-free', { text: 'Title\u0000 with NUL\n\nBody \ud800 half pair.', events: [] });
    const fixed: ExtractionResult = { ...odd, article: { ...odd.article, id: 'odd', outlet: 'Out\u0000let' } };
    await t.store.saveExtraction(fixed, { contentHash: 'x' });
    expect((await t.store.getArticle('odd'))?.extraction).toStrictEqual(fixed);
    expect(await t.store.getArticleTexts(['odd'])).toEqual([{ id: 'odd', content_hash: 'x', text: fixed.article.text }]);
    expect((await t.store.searchArticles('half pair')).map((h) => h.id)).toEqual(['odd']);
  });

  it('runs a flat transaction without savepoints; a failure in it cannot be committed', async () => {
    const statements: string[] = [];
    const spy = (client: { query: (...args: unknown[]) => unknown }): void => {
      const query = client.query.bind(client);
      client.query = (...args: unknown[]) => {
        const q = args[0] as string | { text: string };
        statements.push(typeof q === 'string' ? q : q.text);
        return query(...args);
      };
    };
    t.store.pool.once('acquire', spy);
    await t.store.transactionPg((tx) => tx.transaction((inner) => inner.saveExtraction(makeExtraction('a1'), { contentHash: 'h1' })), { flat: true });
    expect(statements.some((q) => /SAVEPOINT/.test(q))).toBe(false);
    expect((await t.store.getArticle('a1'))?.extraction.article.id).toBe('a1');
    // A failed write inside is not undone on its own: the transaction cannot go on or commit,
    // even when the caller catches the error (PostgreSQL would roll back silently on COMMIT).
    const twice = makeExtraction('a2', { events: [makeEvent('e1'), makeEvent('e1')] });
    await expect(
      t.store.transactionPg(async (tx) => {
        await tx.saveExtraction(makeExtraction('a3'), { contentHash: 'h3' });
        await tx.saveExtraction(twice, { contentHash: 'h2' }).catch(() => undefined);
      }, { flat: true }),
    ).rejects.toMatchObject({ code: 'store/write-failed', message: expect.stringMatching(/failed earlier \(save article a2\)/) });
    expect(await t.store.getArticleSummaries(['a2', 'a3'])).toEqual([]);
    // Not flat: the failed write rolls back to its savepoint and the transaction goes on.
    await t.store.transactionPg(async (tx) => {
      await tx.saveExtraction(makeExtraction('a3'), { contentHash: 'h3' });
      await tx.saveExtraction(twice, { contentHash: 'h2' }).catch(() => undefined);
    });
    expect((await t.store.getArticleSummaries(['a2', 'a3'])).map((a) => a.id)).toEqual(['a3']);
  });

  it('migrates once when several processes start at once, and refuses a newer schema', async () => {
    const others = [0, 1, 2].map(() => PostgresStore.open(t.location, { maxConnections: 1 }));
    try {
      const results = await Promise.all(others.map((s) => s.migrate()));
      expect(results.flat()).toEqual([]);
      expect(await t.store.getMeta('schema_version')).toBe(postgresMigrations.at(-1)?.id);
      await t.store.pool.query("INSERT INTO migrations (id, applied_at) VALUES ('9000_future', 'x')");
      await expect(others[0]!.migrate()).rejects.toMatchObject({ code: 'store/schema-too-new' });
    } finally {
      await Promise.all(others.map((s) => s.close()));
    }
  });

  it('reports an unmigrated database and an unreachable server as store errors', async () => {
    await t.store.pool.query('DROP TABLE event_reports, events');
    await expect(t.store.listEvents()).rejects.toMatchObject({ code: 'store/not-migrated' });
    const nowhere = PostgresStore.open('postgres://postgres@127.0.0.1:1/none');
    await expect(nowhere.migrate()).rejects.toMatchObject({ code: 'store/open-failed' });
    await nowhere.close();
  });

  it('takes merge locks only inside a transaction, and they serialize two transactions', async () => {
    await expect(t.store.lockMerge('theatre:x')).rejects.toMatchObject({ code: 'store/invalid-argument' });
    const order: string[] = [];
    const { promise: held, resolve: release } = signal();
    const { promise: firstLocked, resolve: locked } = signal();
    const first = t.store.transactionPg(async (tx) => {
      await tx.lockMerge('theatre:x');
      locked();
      await held;
      order.push('first');
    });
    await firstLocked;
    const second = t.store.transactionPg(async (tx) => {
      await tx.lockMerge('theatre:x');
      order.push('second');
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(order).toEqual([]);
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(['first', 'second']);
  });

  it('commits asynchronously only when asked (workers), from the first query on', async () => {
    const fast = PostgresStore.open(PG_URL!, { synchronousCommit: false });
    const normal = PostgresStore.open(PG_URL!);
    try {
      expect((await fast.pool.query('SHOW synchronous_commit')).rows[0].synchronous_commit).toBe('off');
      expect((await normal.pool.query('SHOW synchronous_commit')).rows[0].synchronous_commit).toBe('on');
    } finally {
      await fast.close();
      await normal.close();
    }
  });

  it('takes several merge locks in one call: shared ones coexist, an exclusive one waits for them', async () => {
    await expect(t.store.lockMerges([{ key: 'theatre:x', shared: true }])).rejects.toMatchObject({ code: 'store/invalid-argument' });
    const order: string[] = [];
    const { promise: held, resolve: release } = signal();
    const { promise: firstLocked, resolve: locked } = signal();
    const first = t.store.transactionPg(async (tx) => {
      await tx.lockMerges([{ key: 'theatre:x', shared: true }, { key: 'theatre:x:w1', shared: false }]);
      locked();
      await held;
      order.push('first');
    });
    await firstLocked;
    // Another week of the same theatre: not blocked by the first transaction.
    await t.store.transactionPg(async (tx) => {
      await tx.lockMerges([{ key: 'theatre:x', shared: true }, { key: 'theatre:x:w4', shared: false }]);
      order.push('other week');
    });
    // The whole theatre, exclusively: waits until the first transaction ends.
    const whole = t.store.transactionPg(async (tx) => {
      await tx.lockMerges([{ key: 'theatre:x', shared: false }]);
      order.push('whole theatre');
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(order).toEqual(['other week']);
    release();
    await Promise.all([first, whole]);
    expect(order).toEqual(['other week', 'first', 'whole theatre']);
  });

  it('answers the HTTP API filters exactly as the SQLite store does', async () => {
    await fillSample(t.store);
    const oracle = await openSampleStore();
    try {
      const filters: MergedEventFilter[] = [
        {},
        { includeBackground: true },
        { bbox: { west: 46, south: 39, east: 47, north: 40 } },
        { bbox: { west: 44, south: 40, east: 46, north: 42 } },
        { actor: 'government of' },
        { actor: 'ARMENIA' },
        { outlet: 'Beta Daily' },
        { ceasefireViolation: false },
        { text: 'ammunition depot' },
        { text: 'truce Lakeside' },
        { text: '"OR*' },
        { storyId: 's1', includeBackground: true },
        { side: 'AZE', from: '2021-01-01', to: '2021-12-31' },
        { limit: 2, offset: 1 },
      ];
      for (const filter of filters) {
        expect(await t.store.listEvents(filter), JSON.stringify(filter)).toStrictEqual(await oracle.listEvents(filter));
        expect(await t.store.countEvents(filter)).toBe(await oracle.countEvents(filter));
      }
      // Keyset paging walks the same sequence.
      const walk = async (store: Store): Promise<string[]> => {
        const seen: string[] = [];
        let after: MergedEventFilter['after'];
        for (let i = 0; i < 10; i++) {
          const page = await store.listEvents({ includeBackground: true, limit: 2, ...(after === undefined ? {} : { after }) });
          if (page.length === 0) break;
          seen.push(...page.map((e) => e.id));
          const last = page[page.length - 1]!;
          after = { date: last.date ?? null, id: last.id };
        }
        return seen;
      };
      expect(await walk(t.store)).toEqual(await walk(oracle));
      expect(await t.store.listOutlets()).toEqual(await oracle.listOutlets());
      expect(await t.store.getArticleSummaries(['a3', 'zz', 'a1'])).toEqual(
        (await oracle.getArticleSummaries(['a3', 'zz', 'a1'])).map((s) => ({ ...s, ingested_at: expect.any(String) })),
      );
      expect(await t.store.listStories()).toStrictEqual(await oracle.listStories());
    } finally {
      await oracle.close();
    }
  });
});
