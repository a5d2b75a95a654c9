/**
 * Test helpers for the queue and worker: a throw-away store schema plus a throw-away pg-boss
 * schema, invented raw articles, and a placeholder resolver that reads then writes (as the real
 * resolver does through the Store interface), slowly, so that unserialized merges would collide.
 */
import pg from 'pg';
import type { RawArticle } from '../../model/article.js';
import type { ExtractionResult } from '../../model/extraction.js';
import type { EventResolver, MergedEventChange } from '../../store/event-resolver.js';
import type { MergedEvent } from '../../store/records.js';
import { makeEvent, makeExtraction } from '../../store/testing/extraction-fixtures.js';
import { openPostgresTestStore } from '../../store/testing/store-matrix.js';
import { ArticleQueue, type ArticleQueueOptions } from '../article-queue.js';

/** A store schema and a queue schema in the database of `pgUrl`, and their disposal. */
export async function openQueueTestbed(pgUrl: string, queueOptions: ArticleQueueOptions = {}) {
  const t = await openPostgresTestStore(pgUrl);
  const bossSchema = `${t.schema}_boss`;
  const queues: ArticleQueue[] = [];
  const openQueue = async (options: ArticleQueueOptions = {}): Promise<ArticleQueue> => {
    const q = await ArticleQueue.start(pgUrl, { schema: bossSchema, maintenanceIntervalSeconds: 1, ...queueOptions, ...options });
    queues.push(q);
    return q;
  };
  return {
    t,
    bossSchema,
    openQueue,
    dispose: async () => {
      await Promise.all(queues.map((q) => q.stop().catch(() => undefined)));
      await t.dispose();
      const c = new pg.Client({ connectionString: pgUrl });
      await c.connect();
      try {
        await c.query(`DROP SCHEMA IF EXISTS ${bossSchema} CASCADE`);
      } finally {
        await c.end();
      }
    },
  };
}

/** An invented raw article whose text says which event (`key`) it reports. */
export function rawArticle(id: string, key: number): RawArticle {
  return {
    id,
    source: `test/${id}.txt`,
    format: 'txt',
    title: `Report ${key}`,
    text: `Report ${key}\n\nEvent number ${key} happened.`,
    html: null,
    url: null,
    outlet: `Outlet ${id}`,
    published: '2021-03-02',
    publishedSource: 'metadata',
    language: 'en',
    diagnostics: [],
  };
}

/** A fake extraction: one news event per article, dated and placed by the article's key. */
export function fakeProcess(raw: RawArticle): ExtractionResult {
  const key = Number(/Report (\d+)/.exec(raw.title ?? '')?.[1] ?? 0);
  if (raw.id.startsWith('poison')) throw new Error(`cannot process ${raw.id}`);
  const date = `2021-03-${String((key % 28) + 1).padStart(2, '0')}`;
  const base = makeEvent('e1', { date, claims: [] });
  const event = { ...base, location: base.location === null ? null : { ...base.location, name: `Place ${key}` } };
  return makeExtraction(raw.id, { events: [event], statements: [], diagnostics: [], outlet: raw.outlet, versions: { extractor: 'test' } });
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Placeholder resolver: for each news event, reads the merged events of the same type, date
 * and place; waits `delayMs`; then joins the one it found or creates a new one. Without a lock
 * around read and write, two concurrent reports of one event both create it.
 */
export function readThenWriteResolver(delayMs = 30): EventResolver {
  return {
    id: 'resolve/test-read-then-write',
    async resolve({ store, result, previous }): Promise<MergedEventChange> {
      const articleId = result.article.id;
      const events: MergedEvent[] = [];
      for (const e of result.events.filter((x) => !x.background)) {
        const dated = e.date ?? undefined;
        const candidates = await store.listEvents({ eventTypes: [e.event_type], ...(dated === undefined ? {} : { from: dated, to: dated }) });
        const match = candidates.find((c) => c.location?.name === e.location?.name);
        await sleep(delayMs);
        const report = { article_id: articleId, event_id: e.id };
        if (match !== undefined) {
          events.push({ ...match, reports: [...match.reports, report], sources: match.sources + 1 });
        } else {
          const { id, field_spans: _f, control: _c, rules: _r, mentions: _m, ...fields } = e;
          events.push({ ...fields, id: `ev-${articleId}-${id}`, story_id: null, reports: [report], sources: 1, contradictions: [] });
        }
      }
      return { removeEventIds: previous.map((p) => p.id), events };
    },
  };
}
