/**
 * #17 item 1: re-ingesting an article id from an input without metadata never erases the stored
 * metadata; a different value is an update the run reports. On every store of the matrix
 * (PostgreSQL too when `PG_URL` is set), through `sitrep ingest`'s loop, `POST /api/articles`
 * and (PostgreSQL) the queue worker's job.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createExtractContext } from '../extract/create-extract-context.js';
import { readInputs } from '../ingest/read-inputs.js';
import type { RawArticle } from '../model/article.js';
import type { IngestItem } from '../model/ingest-item.js';
import { exportEvents } from '../export/export-events.js';
import { ingestArticles } from '../api/ingest-articles.js';
import { ingestArticleJob } from '../queue/ingest-article-job.js';
import { PostgresStore } from '../store/postgres/postgres-store.js';
import { STORE_KINDS, type TestStore } from '../store/testing/store-matrix.js';
import type { Store } from '../store/store.js';
import { inlineExtractor } from './extractor.js';
import { ingestItems, type IngestStep } from './ingest-items.js';
import { processArticle } from './process-article.js';
import { mergeMetadata } from './stored-metadata.js';

const SEEDS_JSONL = new URL('../../../shared/corpus/seeds.jsonl', import.meta.url).pathname;
const SEEDS_DIR = new URL('../../../shared/corpus/seeds/', import.meta.url).pathname;

const ctx = createExtractContext();
const extractor = inlineExtractor(ctx);

async function items(...paths: string[]): Promise<IngestItem[]> {
  const out: IngestItem[] = [];
  for await (const item of readInputs(paths, {})) out.push(item);
  return out;
}

async function acledSources(store: Store): Promise<string[]> {
  let csv = '';
  for await (const chunk of exportEvents(store, 'acled-csv', { includeBackground: true })) csv += chunk;
  const { parse } = await import('csv-parse/sync');
  const rows = parse(csv, { columns: true }) as Record<string, string>[];
  return rows.map((r) => `${r.sitrep_id}=${r.source}`).sort();
}

async function outlets(store: Store): Promise<Record<string, string | null>> {
  return Object.fromEntries((await store.listArticles()).map((a) => [a.id, a.outlet]));
}

function raw(over: Partial<RawArticle>): RawArticle {
  return { id: 'a1', source: 'x.txt', format: 'txt', title: 'T', text: 'Body.', html: null, url: null, outlet: null, published: null, publishedSource: null, language: null, diagnostics: [], ...over };
}

describe('mergeMetadata', () => {
  const stored = { title: 'T', url: 'https://e.org/a', outlet: 'Outlet A', published: '2020-12-12', published_source: 'metadata', language: 'en' };

  it('keeps every stored field the input lacks and reports which', () => {
    const m = mergeMetadata(raw({}), stored);
    expect(m.kept).toEqual(['url', 'outlet', 'published', 'language']);
    expect(m.raw.outlet).toBe('Outlet A');
    expect(m.raw.published).toBe('2020-12-12');
    expect(m.raw.publishedSource).toBe('metadata');
    expect(m.changed).toEqual([]);
    expect(m.diagnostics.map((d) => [d.code, d.severity, d.articleId])).toEqual([['ingest/metadata-kept', 'info', 'a1']]);
  });

  it('takes a different value as an update, with a warning naming the article and the field', () => {
    const m = mergeMetadata(raw({ outlet: 'Outlet B', url: 'https://e.org/a', published: '2020-12-12T08:00:00Z', language: 'en-GB' }), stored);
    expect(m.raw.outlet).toBe('Outlet B');
    expect(m.changed).toEqual([{ field: 'outlet', from: 'Outlet A', to: 'Outlet B' }]);
    const warning = m.diagnostics.find((d) => d.code === 'ingest/metadata-changed');
    expect(warning?.severity).toBe('warning');
    expect(warning?.message).toContain('a1');
    expect(warning?.message).toContain('outlet changed from "Outlet A" to "Outlet B"');
  });

  it('does not keep a publication date that was inferred from the text', () => {
    const m = mergeMetadata(raw({}), { ...stored, published_source: 'text' });
    expect(m.kept).not.toContain('published');
    expect(m.raw.published).toBeNull();
  });
});

describe.each(STORE_KINDS.filter((k) => k.name !== 'sqlite file' && k.name !== 'sqlite file, group commit'))('re-ingesting without metadata on $name', (kind) => {
  let t: TestStore | null = null;
  afterEach(async () => {
    await t?.dispose();
    t = null;
  });

  it('seeds.jsonl then the raw seeds/ folder: outlets and ACLED source cells stay, and the run says so', async () => {
    t = await kind.open();
    const store = t.store;
    const first = await ingestItems(await items(SEEDS_JSONL), { store, extractor });
    expect(first.inserted).toBe(5);
    const outletsBefore = await outlets(store);
    expect(Object.values(outletsBefore).filter((o) => o !== null).length).toBe(3);
    const sourcesBefore = await acledSources(store);
    expect(sourcesBefore.some((s) => s.endsWith('=SouthFront'))).toBe(true);

    const steps: IngestStep[] = [];
    const second = await ingestItems(await items(SEEDS_DIR), { store, extractor, onStep: (s) => steps.push(s) });
    expect(second.failed).toBe(0);
    expect(second.metadataKept).toBe(5);
    expect(second.metadataChanged).toBe(0);
    expect(await outlets(store)).toEqual(outletsBefore);
    expect(await acledSources(store)).toEqual(sourcesBefore);
    // The stored diagnostics of an updated article record what was kept.
    const kept = steps.flatMap((s) => (s.kind === 'stored' ? s.result.diagnostics : s.kind === 'unchanged' ? (s.merge?.diagnostics ?? []) : [])).filter((d) => d.code === 'ingest/metadata-kept');
    expect(kept.map((d) => d.articleId).sort()).toEqual(Object.keys(outletsBefore).sort());
    expect(kept.find((d) => d.articleId === '002_8833171a5437b043')?.message).toContain('"SouthFront"');
    const published = Object.fromEntries((await store.listArticles()).map((a) => [a.id, a.published]));
    expect(published['003_c7f74c004c9612a9']).toBe('2022-08-03');
    // The raw text alone dates 004 from weak cues (low confidence); the kept metadata date stands.
    const a004 = await store.getArticle('004_922ec93c98972236');
    expect(a004?.extraction.article.published_source).toBe('metadata');
    expect(a004?.extraction.article.published_confidence).not.toBe('low');

    // Idempotent: the same folder again changes nothing.
    const third = await ingestItems(await items(SEEDS_DIR), { store, extractor });
    expect(third.unchanged).toBe(5);
    expect(third.inserted + third.updated).toBe(0);
    expect(await acledSources(store)).toEqual(sourcesBefore);
  });

  it('a changed outlet is an update the run counts and warns about', async () => {
    t = await kind.open();
    const store = t.store;
    const seeds = await items(SEEDS_JSONL);
    await ingestItems(seeds, { store, extractor });
    const moved = seeds.map((it) => (it.kind === 'article' && it.article.id === '002_8833171a5437b043' ? { ...it, article: { ...it.article, outlet: 'South Front Mirror' } } : it));
    const steps: IngestStep[] = [];
    const counts = await ingestItems(moved, { store, extractor, onStep: (s) => steps.push(s) });
    expect(counts.metadataChanged).toBe(1);
    expect(counts.updated).toBe(1);
    expect((await outlets(store))['002_8833171a5437b043']).toBe('South Front Mirror');
    const warning = steps.flatMap((s) => (s.kind === 'stored' ? s.result.diagnostics : [])).find((d) => d.code === 'ingest/metadata-changed');
    expect(warning?.articleId).toBe('002_8833171a5437b043');
    expect(warning?.message).toContain('outlet');
  });

  it('POST /api/articles without an outlet keeps the stored one', async () => {
    t = await kind.open();
    const store = t.store;
    const line = (await items(SEEDS_JSONL)).find((i) => i.kind === 'article' && i.article.id === '002_8833171a5437b043');
    if (line?.kind !== 'article') throw new Error('seed 002 missing');
    const a = line.article;
    const body = (o: Record<string, unknown>) => new TextEncoder().encode(JSON.stringify(o));
    await ingestArticles(store, extractor, body({ id: a.id, title: a.title, text: a.text, outlet: a.outlet, published: a.published }), 1e7, 'application/json');
    const again = await ingestArticles(store, extractor, body({ id: a.id, title: a.title, text: a.text }), 1e7, 'application/json');
    expect(again.articles[0]?.status).toBe('unchanged');
    expect(again.articles[0]?.diagnostics.map((d) => d.code)).toContain('ingest/metadata-kept');
    expect((await outlets(store))[a.id]).toBe('SouthFront');
  });

  it.runIf(kind.dialect === 'postgres')('the queue worker keeps the stored outlet too', async () => {
    t = await kind.open();
    const store = t.store as PostgresStore;
    const seeds = await items(SEEDS_JSONL);
    const dir = await items(SEEDS_DIR);
    const deps = { process: (r: RawArticle) => processArticle(r, ctx), versions: extractor.versions, lockKeys: () => [] };
    for (const it of seeds) if (it.kind === 'article') await ingestArticleJob(store, it.article, deps);
    const before = await outlets(store);
    const outcomes = [];
    for (const it of dir) if (it.kind === 'article') outcomes.push(await ingestArticleJob(store, it.article, deps));
    expect(outcomes.filter((o) => (o.metadataKept ?? []).includes('published')).length).toBe(5);
    expect(await outlets(store)).toEqual(before);
  });
});
