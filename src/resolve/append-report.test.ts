/**
 * The fast path for one more report of a merged event (append-report.ts): copies of one report
 * are added without reading the event's reports, and the store ends exactly where the full path
 * (every report re-read and re-merged) ends, summaries included.
 */
import { describe, expect, it } from 'vitest';
import { createResolver } from './create-resolver.js';
import { createExtractContext } from '../extract/create-extract-context.js';
import { processArticle } from '../pipeline/process-article.js';
import type { ExtractionResult } from '../model/extraction.js';
import type { MergedEvent } from '../store/records.js';
import { ingestExtraction } from '../store/ingest-extraction.js';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';

const ctx = createExtractContext();
const WIRE = 'KHARKIV (Wire A) - Russian forces shelled Kharkiv on 3 March 2023, killing four civilians and injuring 12, the regional governor said.\n\nRussia launched its full-scale invasion of Ukraine on 24 February 2022.';
const OTHER = 'Russian troops hit Kharkiv with artillery on 3 March 2023. Five people were killed, Ukrainian officials said, and the strikes damaged a school.';

function article(id: string, text: string, outlet: string | null, published = '2023-03-04'): ExtractionResult {
  return processArticle(
    { id, source: id, format: 'jsonl', title: 'Shelling in Kharkiv', text, html: null, url: null, outlet, published, publishedSource: 'metadata', language: 'en', diagnostics: [] },
    ctx,
  );
}

/** What one resolve read of stored reports: rows of article events, report outlines and other articles' summaries. */
interface Reads {
  articleEvents: number;
  outlineReports: number;
  summaries: number;
}
let ingesting = '';

/** `store` with every call of `transaction` handing out a store that counts what the resolver reads into `reads`. */
function counting(store: Store, reads: Reads): Store {
  const wrap = (s: Store): Store =>
    new Proxy(s, {
      get(target, prop) {
        const value = Reflect.get(target, prop, target) as unknown;
        if (typeof value !== 'function') return value;
        const f = value as (...args: unknown[]) => unknown;
        if (prop === 'transaction') return (fn: (tx: Store) => Promise<unknown>) => f.call(target, (tx: Store) => fn(wrap(tx)));
        return async (...args: unknown[]) => {
          const out = await f.apply(target, args);
          if (prop === 'listArticleEvents') reads.articleEvents += (out as unknown[]).length;
          if (prop === 'listEventOutlines') reads.outlineReports += (out as { reports: unknown[] }[]).reduce((n, e) => n + e.reports.length, 0);
          if (prop === 'getArticleSummaries') reads.summaries += (out as { id: string }[]).filter((a) => a.id !== ingesting).length;
          return out;
        };
      },
    });
  return wrap(store);
}

/** Everything the API and exports read of the merged events, and each event's stored summary. */
async function snapshot(store: Store) {
  const events = await store.listEvents({ includeBackground: true });
  const summaries = await Promise.all(events.map(async (e) => (await store.readEventSummary!(e.id))?.summary ?? null));
  return {
    events: events.map((e) => JSON.stringify(e)),
    one: await Promise.all(events.map(async (e) => JSON.stringify(await store.getEvent(e.id)))),
    stories: JSON.stringify(await store.listStories()),
    points: JSON.stringify(await store.listEventPoints!({ includeBackground: true })),
    aggregates: JSON.stringify(await store.aggregateEvents!({}, 1)),
    summaries: JSON.stringify(summaries),
  };
}

describe('one more report of a merged event', () => {
  it('adds copies without reading the event reports, and ends where the full recompute ends', async () => {
    const outlets = ['Wire A', 'Daily B', 'Gazette C', null];
    const stream: ExtractionResult[] = [];
    for (let i = 0; i < 60; i++) stream.push(article(`copy-${i}`, WIRE, outlets[i % outlets.length]!));
    // An article whose key sorts first (it renames the event: the full path), then copies again
    // (fast); a later copy of an outlet (it supersedes that outlet's earlier reports, so the
    // following copies take the full path) and another account (another source, its toll differs).
    stream.splice(30, 0, article('a-first', WIRE, 'Wire A'));
    stream.splice(50, 0, article('copy-late', WIRE, 'Daily B', '2023-03-05'));
    stream.splice(55, 0, article('other-1', OTHER, 'Herald D'));
    const fast = await openStore(':memory:');
    const full = await openStore(':memory:');
    const fastResolver = createResolver();
    const fullResolver = createResolver(undefined, { appendReports: false });
    const reads: Reads = { articleEvents: 0, outlineReports: 0, summaries: 0 };
    const counted = counting(fast, reads);
    const perArticle: Reads[] = [];
    for (const [i, result] of stream.entries()) {
      Object.assign(reads, { articleEvents: 0, outlineReports: 0, summaries: 0 });
      ingesting = result.article.id;
      await ingestExtraction(counted, result, `hash-${i}`, { resolver: fastResolver });
      perArticle.push({ ...reads });
      await ingestExtraction(full, result, `hash-${i}`, { resolver: fullResolver });
    }
    // The copies that are not among the three smallest article ids (those story clustering reads)
    // and come before the later copy read nothing of the event's reports (one article summary at
    // most: the event's first article, to tell a copy without an outlet is a near-duplicate).
    const smallest = (i: number) => stream.slice(0, i + 1).map((s) => s.article.id).sort().slice(0, 3);
    const fastCopies = stream.map((s, i) => ({ id: s.article.id, i })).filter(({ id, i }) => i < 50 && /^copy-\d+$/.test(id) && !smallest(i).includes(id));
    expect(fastCopies).toHaveLength(45);
    const bounded = (r: Reads) => ({ ...r, summaries: r.summaries <= 1 ? 0 : r.summaries });
    expect(fastCopies.map(({ id, i }) => ({ id, ...bounded(perArticle[i]!) }))).toEqual(fastCopies.map(({ id }) => ({ id, articleEvents: 0, outlineReports: 0, summaries: 0 })));
    // The others read the event's reports: the full path.
    for (const i of [30, 50, 55, stream.length - 1]) expect(perArticle[i]!.articleEvents).toBeGreaterThan(30);

    const a = await snapshot(fast);
    const b = await snapshot(full);
    expect(a).toEqual(b);
    const events = await fast.listEvents();
    expect(events).toHaveLength(1);
    expect(events[0]!.reports).toHaveLength(stream.length);
    // Claims and evidence are still given per report, with their article.
    expect(new Set(events[0]!.evidence.map((s) => (s as { article_id?: string }).article_id)).size).toBe(stream.length);
    await fast.close();
    await full.close();
  });
});

describe('claims and evidence of a summarised event', () => {
  it('are read anew after an article update that leaves the summary and report keys as they were', async () => {
    const store = await openStore(':memory:');
    const resolver = createResolver();
    for (let i = 0; i < 5; i++) await ingestExtraction(store, article(`copy-${i}`, WIRE, 'Wire A'), `hash-${i}`, { resolver });
    const [before] = await store.listEvents();
    const summary = (await store.readEventSummary!(before!.id))?.summary;
    const evidenceOf = (e: MergedEvent | null | undefined, articleId: string) => e!.evidence.filter((s) => (s as { article_id?: string }).article_id === articleId).map((s) => [s.start, s.end]);
    // The same report with a longer ending of its sentence: its evidence changes, its fields do not.
    const updated = article('copy-3', WIRE.replace('the regional governor said.', 'the regional governor told reporters on Friday.'), 'Wire A');
    await ingestExtraction(store, updated, 'hash-3b', { resolver });
    const after = await store.getEvent(before!.id);
    expect(after!.reports).toEqual(before!.reports);
    // (So what was read before would still be taken for current, were it not dropped.)
    expect((await store.readEventSummary!(before!.id))?.summary).toEqual(summary);
    const stored = (await store.getArticle('copy-3'))!.extraction.events.filter((e) => !e.background).flatMap((e) => e.evidence.map((s) => [s.start, s.end]));
    expect(evidenceOf(after, 'copy-3')).toEqual(stored);
    expect(evidenceOf(after, 'copy-3')).not.toEqual(evidenceOf(before, 'copy-3'));
    await store.close();
  });
});
