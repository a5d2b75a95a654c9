/**
 * `ingestItems`, the loop behind `sitrep ingest` on SQLite: results are stored in input order
 * whatever order extraction finishes in, unchanged articles are not extracted again, a failing
 * extraction or a bad input fails that item only, and the store ends up as with a plain loop.
 */
import { describe, expect, it } from 'vitest';
import { createExtractContext } from '../extract/create-extract-context.js';
import type { RawArticle } from '../model/article.js';
import type { IngestItem } from '../model/ingest-item.js';
import { readInputs } from '../ingest/read-inputs.js';
import { createResolver } from '../resolve/create-resolver.js';
import { loadPacks } from '../packs/load-packs.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { dumpStore } from '../store/testing/dump-store.js';
import { inlineExtractor, type Extractor } from './extractor.js';
import { ingestItems, type IngestStep } from './ingest-items.js';
import { processArticle } from './process-article.js';
import { bodySignature } from '../resolve/near-duplicate-grouper.js';
import { mergeIdentity } from '../store/merge-identity.js';
import type { ExtractionHints } from '../model/extraction.js';

const SEEDS = new URL('../../../shared/corpus/seeds.jsonl', import.meta.url).pathname;

async function seedItems(): Promise<IngestItem[]> {
  const items: IngestItem[] = [];
  for await (const item of readInputs([SEEDS], {})) items.push(item);
  return items;
}

const ctx = createExtractContext();

/** The inline extractor, but each result arrives after a delay that differs per article (out of order). */
function shuffledExtractor(fail?: string): Extractor & { calls: string[] } {
  const inline = inlineExtractor(ctx);
  const calls: string[] = [];
  return {
    ...inline,
    threads: 4,
    calls,
    async extract(raw: RawArticle) {
      calls.push(raw.id);
      const delay = (raw.id.charCodeAt(raw.id.length - 1) * 7) % 23;
      await new Promise((r) => setTimeout(r, delay));
      if (raw.id === fail) throw new Error('thread died');
      return inline.extract(raw);
    },
  };
}

async function openMemory(): Promise<SqliteStore> {
  const store = SqliteStore.open(':memory:');
  await store.migrate();
  return store;
}

describe('ingestItems', () => {
  it('stores in input order when extraction finishes out of order, with the same result as one at a time', async () => {
    const items = await seedItems();
    expect(items.length).toBeGreaterThanOrEqual(5);
    const resolver = createResolver(loadPacks());

    const plain = await openMemory();
    const plainCounts = await ingestItems(items, { store: plain, extractor: inlineExtractor(ctx), resolver });

    const ahead = await openMemory();
    const steps: IngestStep[] = [];
    const counts = await ingestItems(items, { store: ahead, extractor: shuffledExtractor(), resolver, ahead: 4, onStep: (s) => steps.push(s) });

    expect(counts).toEqual(plainCounts);
    expect(counts.inserted).toBe(items.length);
    expect(steps.map((s) => (s.kind === 'failure' ? s.source : s.raw.id))).toEqual(items.map((i) => (i.kind === 'article' ? i.article.id : i.source)));
    expect(await dumpStore(ahead)).toEqual(await dumpStore(plain));
    await Promise.all([plain.close(), ahead.close()]);
  });

  it('remembers each article by its body signature, computed here when the extraction threads leave it', async () => {
    const items = await seedItems();
    const remembered = new Map<string, unknown>();
    const spy = () => ({ ...mergeIdentity, remember: (id: string, _hash: string, hints: ExtractionHints) => void remembered.set(id, hints.bodySignature) });
    // threads that sign nothing (one thread, as on a 2-core machine): signed here
    await ingestItems(items, { store: await openMemory(), extractor: shuffledExtractor(), resolver: spy() });
    const articles = items.flatMap((i) => (i.kind === 'article' ? [i.article] : []));
    expect(remembered.size).toBe(articles.length);
    for (const a of articles) expect(remembered.get(a.id)).toEqual(bodySignature(processArticle(a, ctx).article.text));
    // extraction in this thread: left to the resolver, which signs only articles that share a cluster
    remembered.clear();
    await ingestItems(items, { store: await openMemory(), extractor: inlineExtractor(ctx), resolver: spy() });
    expect([...remembered.values()].every((s) => s === undefined)).toBe(true);
  });

  it('does not extract unchanged articles again', async () => {
    const items = await seedItems();
    const store = await openMemory();
    await ingestItems(items, { store, extractor: inlineExtractor(ctx) });
    const extractor = shuffledExtractor();
    const counts = await ingestItems(items, { store, extractor });
    expect(counts).toMatchObject({ inserted: 0, updated: 0, unchanged: items.length, failed: 0 });
    expect(extractor.calls).toEqual([]);
    await store.close();
  });

  it('fails only the item whose extraction fails, and records inputs that are not articles', async () => {
    const items = await seedItems();
    const broken = items[1]!.kind === 'article' ? items[1]!.article.id : '';
    const bad: IngestItem = { kind: 'failure', source: 'feed.jsonl:7', id: null, diagnostics: [{ code: 'ingest/bad-json', severity: 'error', message: 'not JSON', source: 'feed.jsonl:7' }] };
    const store = await openMemory();
    const steps: IngestStep[] = [];
    const counts = await ingestItems([...items.slice(0, 3), bad, ...items.slice(3)], { store, extractor: shuffledExtractor(broken), onStep: (s) => steps.push(s) });
    expect(counts).toMatchObject({ inserted: items.length - 1, failed: 2 });
    const failed = steps.filter((s) => s.kind === 'error');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ stage: 'extract', message: 'thread died' });
    expect((failed[0] as { raw: RawArticle }).raw.id).toBe(broken);
    expect(await store.getContentHash(broken)).toBeNull();
    expect((await store.listFailures()).map((f) => f.source)).toEqual(['feed.jsonl:7']);
    await store.close();
  });

  it('stores the last of several copies of one article in the window, as one at a time would', async () => {
    const items = await seedItems();
    const first = items.find((i) => i.kind === 'article')!;
    if (first.kind !== 'article') throw new Error('no article');
    const edited: IngestItem = { ...first, article: { ...first.article, text: `${first.article.text}\n\nA paragraph added later.` } };
    const stored: string[] = [];
    for (const ahead of [1, 4]) {
      const store = await openMemory();
      await ingestItems([first], { store, extractor: inlineExtractor(ctx) });
      // The store holds the original; the batch has the edit, then the original again.
      const counts = await ingestItems([edited, first], { store, extractor: shuffledExtractor(), ahead });
      expect(counts).toMatchObject({ updated: 2, unchanged: 0 });
      stored.push((await store.getArticle(first.article.id))!.extraction.article.text);
      await store.close();
    }
    expect(stored[1]).toBe(stored[0]);
    expect(stored[0]).not.toContain('A paragraph added later.');
  });

  it('keeps at most `ahead` articles in extraction at once', async () => {
    const items = await seedItems();
    let inFlight = 0;
    let most = 0;
    const inline = inlineExtractor(ctx);
    const extractor: Extractor = {
      ...inline,
      threads: 1,
      async extract(raw) {
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise((r) => setTimeout(r, 2));
        inFlight--;
        return inline.extract(raw);
      },
    };
    const store = await openMemory();
    await ingestItems([...items, ...items.map((i) => (i.kind === 'article' ? { ...i, article: { ...i.article, id: `${i.article.id}-b` } } : i))], { store, extractor, ahead: 3 });
    expect(most).toBe(3);
    await store.close();
  });

  it('stores each article of a slow stream when it arrives, with its stories, without waiting for the next ones', async () => {
    const items = await seedItems();
    const store = await openMemory();
    const resolver = createResolver(loadPacks());
    /** Polls until `ready()` holds; false after 5 s. */
    const waitFor = async (ready: () => Promise<boolean>): Promise<boolean> => {
      for (const until = Date.now() + 5000; Date.now() < until; await new Promise((r) => setTimeout(r, 5))) if (await ready()) return true;
      return false;
    };
    const settled: boolean[] = [];
    // A feed that sends the next article only once the previous one is stored and has its story
    // (a stream whose next article comes much later).
    async function* feed(): AsyncGenerator<IngestItem> {
      for (const [i, item] of items.entries()) {
        if (i > 0) {
          settled.push(
            await waitFor(async () => (await store.countArticles()) === i && (await store.listEvents({ includeBackground: true })).every((e) => e.story_id !== null)),
          );
        }
        yield item;
      }
    }
    const counts = await ingestItems(feed(), { store, extractor: shuffledExtractor(), resolver });
    expect(counts.inserted).toBe(items.length);
    expect(settled).toEqual(items.slice(1).map(() => true));
    await store.close();
  });
});

