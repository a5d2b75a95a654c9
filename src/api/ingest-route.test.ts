import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExtractContext } from '../extract/create-extract-context.js';
import { inlineExtractor, type Extractor } from '../pipeline/extractor.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { createApp } from './create-app.js';
import type { IngestResponse } from './ingest-articles.js';

/** Invented news items (our own sentences). */
const ONE = {
  id: 'own-1',
  title: 'Shelling reported in Tartar',
  text: 'Shelling reported in Tartar\n\nAzerbaijani forces said Armenian artillery shelled the town of Tartar on Monday, killing two civilians.',
  outlet: 'Own Test Wire',
  published: '2020-10-06',
};
const TWO = {
  id: 'own-2',
  title: 'Drone shot down near Stepanakert',
  text: 'Drone shot down near Stepanakert\n\nArmenian air defence shot down an Azerbaijani drone near Stepanakert on Sunday, the defence ministry said.',
  outlet: 'Another Own Wire',
  published: '2020-10-05',
};

let store: SqliteStore;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  store = SqliteStore.open(':memory:');
  await store.migrate();
  app = createApp({ store, maxBodyBytes: 64 * 1024 });
});
afterAll(async () => {
  await store.close();
});

const post = (body: string, type = 'application/json'): Promise<Response> =>
  Promise.resolve(app.request('/api/articles', { method: 'POST', body, headers: { 'content-type': type } }));

describe('POST /api/articles', () => {
  it('ingests one JSON article and returns the events it produced', async () => {
    const res = await post(JSON.stringify(ONE));
    expect(res.status).toBe(201);
    const body = (await res.json()) as IngestResponse;
    expect(body.articles).toHaveLength(1);
    const a = body.articles[0]!;
    expect(a).toMatchObject({ id: 'own-1', status: 'inserted' });
    expect(a.events.length).toBeGreaterThan(0);
    expect(a.events.some((e) => e.sub_event_type === 'Shelling/artillery/missile attack' && e.fatalities === 2 && e.location !== null)).toBe(true);
    expect(a.merged_event_ids.length).toBeGreaterThan(0);
    const listed = (await (await app.request('/api/events?outlet=Own%20Test%20Wire')).json()) as { total: number };
    expect(listed.total).toBe(a.merged_event_ids.length);
  }, 60_000);

  it('is idempotent: the same article again is unchanged (200)', async () => {
    const res = await post(JSON.stringify(ONE));
    expect(res.status).toBe(200);
    expect(((await res.json()) as IngestResponse).articles[0]).toMatchObject({ id: 'own-1', status: 'unchanged', events: [] });
  });

  it('ingests a batch as JSON lines and as a JSON array', async () => {
    const res = await post(`${JSON.stringify(TWO)}\n${JSON.stringify(ONE)}\n`, 'application/x-ndjson');
    expect(res.status).toBe(201);
    const body = (await res.json()) as IngestResponse;
    expect(body.articles.map((a) => [a.id, a.status])).toEqual([['own-2', 'inserted'], ['own-1', 'unchanged']]);
    const arr = await post(JSON.stringify([{ ...TWO, id: 'own-3' }]));
    expect(((await arr.json()) as IngestResponse).articles[0]?.id).toBe('own-3');
  });

  it('ingests plain text with the first line as title (with an API token: see access-control.ts)', async () => {
    const token = 'route-test-token-0123456789';
    const withToken = createApp({ store, maxBodyBytes: 64 * 1024, access: { token } });
    const body = 'Clashes near Fuzuli\n\nHeavy fighting broke out near Fuzuli on Tuesday, officials in Baku said.';
    const res = await withToken.request('/api/articles', { method: 'POST', body, headers: { 'content-type': 'text/plain', authorization: `Bearer ${token}` } });
    expect(res.status).toBe(201);
    expect(((await res.json()) as IngestResponse).articles[0]?.title).toBe('Clashes near Fuzuli');
  });

  it('reports bad bodies as problems', async () => {
    const empty = await post('');
    expect(empty.status).toBe(400);
    expect(empty.headers.get('content-type')).toBe('application/problem+json');
    const broken = await post('{"id": "x", "text": ');
    expect(broken.status).toBe(422);
    expect(((await broken.json()) as { detail: string }).detail.length).toBeGreaterThan(0);
    const big = await post(JSON.stringify({ ...ONE, id: 'big', text: 'word '.repeat(20_000) }));
    expect(big.status).toBe(413);
  });

  it('keeps good lines of a batch and lists the bad ones as failures', async () => {
    const res = await post(`not json at all\n${JSON.stringify({ ...ONE, id: 'own-4' })}\n`, 'application/x-ndjson');
    expect(res.status).toBe(201);
    const body = (await res.json()) as IngestResponse;
    expect(body.articles.map((a) => a.id)).toEqual(['own-4']);
    expect(body.failures).toHaveLength(1);
  });
});

describe('POST /api/articles under load', () => {
  it('answers 503 with Retry-After beyond the ingests it handles at once', async () => {
    const ctx = createExtractContext();
    const inline = inlineExtractor(ctx);
    // Extraction that takes a moment, so that requests overlap.
    const slow: Extractor = { ...inline, extract: (raw) => new Promise((resolve) => setTimeout(() => resolve(inline.extract(raw)), 300)) };
    const busy = createApp({ store, extractor: () => slow, maxConcurrentIngests: 2 });
    const send = (id: string) =>
      Promise.resolve(busy.request('/api/articles', { method: 'POST', body: JSON.stringify({ ...ONE, id }), headers: { 'content-type': 'application/json' } }));
    const answers = await Promise.all(['load-1', 'load-2', 'load-3', 'load-4'].map(send));
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 201, 503, 503]);
    const refused = answers.find((r) => r.status === 503)!;
    expect(refused.headers.get('retry-after')).toBe('5');
    expect(((await refused.json()) as { type: string }).type).toContain('busy');
    // Once they are done, the next one is taken.
    expect((await send('load-5')).status).toBe(201);
  }, 60_000);
});
