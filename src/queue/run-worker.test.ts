/**
 * The worker against the real PostgreSQL (skipped without PG_URL): concurrent merges of one
 * event's reports by two workers, dead-lettering after the last retry, graceful release.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../ops/logger.js';
import { PG_URL } from '../store/testing/store-matrix.js';
import { PostgresStore } from '../store/postgres/postgres-store.js';
import type { ArticleQueue } from './article-queue.js';
import type { MergeLockKeys } from './merge-lock-keys.js';
import { readQueueStats } from './read-queue-stats.js';
import { type RunningWorker, runWorker } from './run-worker.js';
import { fakeProcess, openQueueTestbed, rawArticle, readThenWriteResolver } from './testing/queue-fixtures.js';

type Testbed = Awaited<ReturnType<typeof openQueueTestbed>>;

const oneKey: MergeLockKeys = () => [{ key: 'theatre:test', shared: false }];
const noLock: MergeLockKeys = () => [];

async function waitFor(what: string, cond: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await cond()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe.skipIf(PG_URL === undefined)('worker on PostgreSQL', () => {
  let bed: Testbed;
  const stores: PostgresStore[] = [];
  const workers: RunningWorker[] = [];
  beforeEach(async () => {
    bed = await openQueueTestbed(PG_URL!, { retryLimit: 1, retryDelaySeconds: 1 });
  });
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.stop()));
    await Promise.all(stores.splice(0).map((s) => s.close()));
    await bed.dispose();
  });

  /** A worker with its own store connection pool and queue client, as a separate process would have. */
  async function startWorker(lockKeys: MergeLockKeys, extra: { batchSize?: number; delayMs?: number; queue?: ArticleQueue; logLines?: string[] } = {}): Promise<{ worker: RunningWorker; queue: ArticleQueue }> {
    const store = PostgresStore.open(bed.t.location, { maxConnections: 2 });
    stores.push(store);
    const queue = extra.queue ?? (await bed.openQueue());
    const slow = extra.delayMs ?? 0;
    const worker = runWorker({
      store,
      queue,
      process: slow === 0 ? fakeProcess : (raw) => {
        const until = Date.now() + slow;
        while (Date.now() < until) { /* busy, as extraction is */ }
        return fakeProcess(raw);
      },
      versions: { extractor: 'test' },
      lockKeys,
      resolver: readThenWriteResolver(),
      batchSize: extra.batchSize ?? 1,
      pollIntervalMs: 10,
      ...(extra.logLines ? { logger: createLogger({ level: 'info', write: (line) => void extra.logLines!.push(line) }) } : {}),
    });
    workers.push(worker);
    return { worker, queue };
  }

  async function raceTwoWorkers(lockKeys: MergeLockKeys, pairs: number): Promise<{ events: number; reports: number[] }> {
    const producer = await bed.openQueue({ supervise: false });
    // Two reports of each event, next to each other in the queue (pg-boss orders by insert time,
    // then by random id, so each pair is one insert): the two workers take one each, at once.
    for (let i = 0; i < pairs; i++) await producer.enqueue([rawArticle(`p${i}a`, i), rawArticle(`p${i}b`, i)]);
    // Both queue clients connected first, so that the two workers start together.
    const [q1, q2] = await Promise.all([bed.openQueue(), bed.openQueue()]);
    await Promise.all([startWorker(lockKeys, { queue: q1 }), startWorker(lockKeys, { queue: q2 })]);
    await waitFor('every job', async () => (await readQueueStats(producer)).completed === pairs * 2);
    const events = await bed.t.store.listEvents({ includeBackground: true });
    return { events: events.length, reports: events.map((e) => e.reports.length) };
  }

  it('merges reports of one event processed by two workers at the same time into one event (advisory lock)', async () => {
    const result = await raceTwoWorkers(oneKey, 6);
    expect(result).toEqual({ events: 6, reports: [2, 2, 2, 2, 2, 2] });
    expect(await bed.t.store.countArticles()).toBe(12);
  });

  it('without the lock the same race duplicates events (the test can fail)', async () => {
    const result = await raceTwoWorkers(noLock, 6);
    expect(result.events).toBeGreaterThan(6);
  });

  it('retries a failing job with backoff, then moves it to the dead-letter queue with its error', async () => {
    const producer = await bed.openQueue({ supervise: false });
    await producer.enqueue([rawArticle('good1', 1), rawArticle('poison1', 2), rawArticle('good2', 3)]);
    await startWorker(oneKey);
    await waitFor('the dead letter', async () => (await readQueueStats(producer)).dead_letters === 1);
    const stats = await readQueueStats(producer);
    expect(stats).toMatchObject({ completed: 2, failed: 1, queued: 0, retrying: 0, active: 0, dead_letters: 1 });
    expect(stats.last_dead_letters[0]).toMatchObject({ article_id: 'poison1', error: 'cannot process poison1' });
    expect((await bed.t.store.listArticles()).map((a) => a.id)).toEqual(['good1', 'good2']);
  });

  it('on stop finishes the job in hand and releases the rest of its batch uncounted; a new worker takes them', async () => {
    const producer = await bed.openQueue({ supervise: false });
    await producer.enqueue(Array.from({ length: 10 }, (_, i) => rawArticle(`s${i}`, i)));
    const logLines: string[] = [];
    const { worker } = await startWorker(oneKey, { batchSize: 10, delayMs: 40, logLines });
    await waitFor('a first article', async () => (await bed.t.store.countArticles()) >= 1);
    const summary = await worker.stop();
    expect(summary.released).toBeGreaterThan(0);
    expect(summary.completed + summary.released).toBe(10);
    const stats = await readQueueStats(producer);
    expect(stats).toMatchObject({ active: 0, queued: summary.released, retrying: 0 });
    expect(await bed.t.store.countArticles()).toBe(summary.completed);
    // Each job's line says where its time went: 40 ms of (busy) extraction, the lock, the store.
    const done = logLines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l['msg'] === 'job done');
    expect(done).toHaveLength(summary.completed);
    for (const l of done) {
      expect(l).toMatchObject({ jobId: expect.any(String), status: 'inserted', extractMs: expect.any(Number), lockMs: expect.any(Number), storeMs: expect.any(Number) });
      expect(l['extractMs']).toBeGreaterThanOrEqual(39); // the busy wait counts whole ms of Date.now()
      expect(l['ms']).toBeGreaterThanOrEqual((l['extractMs'] as number) + (l['storeMs'] as number) - 1);
    }

    await startWorker(oneKey, { batchSize: 10 });
    await waitFor('the rest', async () => (await readQueueStats(producer)).completed === 10);
    expect(await bed.t.store.countArticles()).toBe(10);
    expect((await readQueueStats(producer)).failed).toBe(0);
  });
});
