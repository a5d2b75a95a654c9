import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MergedEvent } from '../store/records.js';
import type { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { createApp } from './create-app.js';
import { buildOpenApi } from './openapi.js';
import { openSampleStore } from './testing/sample-store.js';

let store: SqliteStore;
let app: Hono;
const logged: string[] = [];
beforeAll(async () => {
  store = await openSampleStore();
  app = createApp({ store, logError: (_e, path) => logged.push(path) });
});
afterAll(async () => {
  await store.close();
});

const get = async <T = Record<string, unknown>>(path: string, status = 200): Promise<T> => {
  const res = await app.request(path);
  expect(res.status, `${path}: ${res.status}`).toBe(status);
  return (await res.json()) as T;
};
const eventIds = async (query: string): Promise<string[]> => (await get<{ items: MergedEvent[] }>(`/api/events${query}`)).items.map((e) => e.id);

describe('GET /api/events', () => {
  it('lists in the stable order with a total', async () => {
    const body = await get<{ items: MergedEvent[]; next_cursor: string | null; total: number }>('/api/events');
    expect(body.items.map((e) => e.id)).toEqual(['m1', 'm2', 'm3', 'm4', 'm5']);
    expect(body.total).toBe(5);
    expect(body.next_cursor).toBeNull();
  });

  it.each([
    ['?from=2021-03-02', ['m3', 'm4']],
    ['?to=2021-03-01', ['m1', 'm2']],
    ['?from=2021-03-01&to=2021-03-09', ['m1', 'm2', 'm3']],
    ['?type=Battles', ['m2', 'm4']],
    ['?type=Battles&type=Strategic%20developments', ['m2', 'm4', 'm5']],
    ['?type=Battles,Strategic%20developments', ['m2', 'm4', 'm5']],
    ['?sub_type=Air%2Fdrone%20strike', ['m3']],
    ['?actor=government', ['m5']],
    ['?side=AZE', ['m1', 'm2', 'm3', 'm5']],
    ['?outlet=Beta%20Daily', ['m1', 'm3', 'm4']],
    ['?story=s1', ['m1', 'm2']],
    ['?ceasefire=true', ['m1', 'm2', 'm4']],
    ['?ceasefire=0', ['m3', 'm5']],
    ['?q=ammunition', ['m1', 'm3', 'm4']],
    ['?bbox=44,40,46,42', ['m2', 'm3', 'm5']],
    ['?background=true', ['m0', 'm1', 'm2', 'm3', 'm4', 'm5']],
    ['?side=AZE&ceasefire=true&outlet=Example%20Wire', ['m1', 'm2']],
    // Any case, and a sub-event type where a type is expected (the tables show sub-types).
    ['?type=battles', ['m2', 'm4']],
    ['?type=BATTLES,strategic%20developments', ['m2', 'm4', 'm5']],
    ['?type=air%2Fdrone%20strike', ['m3']],
    ['?type=Battles&type=Air%2Fdrone%20strike', ['m2', 'm3', 'm4']],
    ['?type=Explosions%2FRemote%20violence&sub_type=air%2Fdrone%20strike', ['m3']],
    ['?sub_type=armed%20clash', ['m2', 'm4']],
    ['?side=aze', ['m1', 'm2', 'm3', 'm5']],
  ])('filters %s', async (query, expected) => {
    expect(await eventIds(query)).toEqual(expected);
  });

  it('paginates with next_cursor, without gaps or repeats, total unchanged', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const body: { items: MergedEvent[]; next_cursor: string | null; total: number } = await get(`/api/events?limit=2&background=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(body.total).toBe(6);
      seen.push(...body.items.map((e) => e.id));
      cursor = body.next_cursor;
      pages++;
    } while (cursor !== null && pages < 10);
    expect(seen).toEqual(['m0', 'm1', 'm2', 'm3', 'm4', 'm5']);
    expect(pages).toBe(3);
  });

  it.each([
    ['?limit=0', 'query.limit'],
    ['?limit=501', 'query.limit'],
    ['?limit=abc', 'query.limit'],
    ['?from=yesterday', 'query.from'],
    ['?from=2021-05-01&to=2021-01-01', 'query.from'],
    ['?bbox=1,2,3', 'query.bbox'],
    ['?bbox=50,0,40,10', 'query.bbox'],
    ['?side=arm%20forces', 'query.side'],
    ['?side=XYZ', 'query.side'],
    ['?type=Armed%20clashes', 'query.type'],
    ['?type=Battles,bogus', 'query.type'],
    ['?sub_type=Battles', 'query.sub_type'],
    ['?ceasefire=maybe', 'query.ceasefire'],
    ['?cursor=not-a-cursor', 'query.cursor'],
    ['?colour=red', 'query'],
  ])('rejects %s with a problem naming %s', async (query, name) => {
    const res = await app.request(`/api/events${query}`);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const body = (await res.json()) as { status: number; detail: string; invalid_params?: { name: string }[]; title: string };
    expect(body.status).toBe(400);
    expect(body.detail).toContain(name);
    expect(JSON.stringify(body)).not.toMatch(/at .*\.(ts|js):\d+/);
  });
});

describe('GET /api/events/:id', () => {
  it('gives every report with its article text, its own claims and evidence spans, contradictions and story', async () => {
    const body = await get<{
      event: MergedEvent;
      reports: { article_id: string; article: { text: string; outlet: string }; event: { evidence: { start: number; end: number; text: string }[] } }[];
      story: { id: string; title: string };
    }>('/api/events/m1');
    expect(body.event.id).toBe('m1');
    expect(body.event.contradictions[0]?.field).toBe('fatalities');
    expect(body.story).toEqual({ id: 's1', title: 'Shelling around Fakeville' });
    expect(body.reports.map((r) => [r.article_id, r.article.outlet])).toEqual([['a1', 'Example Wire'], ['a2', 'Beta Daily']]);
    for (const r of body.reports) {
      for (const s of r.event.evidence) expect(r.article.text.slice(s.start, s.end)).toBe(s.text);
    }
  });

  it('is a 404 problem for an unknown id', async () => {
    const res = await app.request('/api/events/nope');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(((await res.json()) as { detail: string }).detail).toContain('nope');
  });
});

describe('aggregates, places, sources, stories, articles', () => {
  it('summarizes into map cells, weeks and ceasefire violations by accused side', async () => {
    const s = await get<{ total: number; located: number; cells: { count: number; lat: number; lon: number; event_id: string | null }[]; weeks: { week: string; count: number }[]; ceasefire: { week: string; side: string; count: number }[] }>(
      '/api/summary?cell=1',
    );
    expect(s.total).toBe(5);
    expect(s.located).toBe(4);
    expect(s.cells.reduce((n, c) => n + c.count, 0)).toBe(4);
    expect(s.weeks).toEqual([
      { week: '2021-03-01', count: 2, fatalities: 1 },
      { week: '2021-03-08', count: 1, fatalities: 3 },
      { week: '2021-04-19', count: 1, fatalities: 0 },
    ]);
    expect(s.ceasefire).toEqual([
      { week: '2021-03-01', side: 'ARM', count: 1 },
      { week: '2021-03-01', side: 'AZE', count: 1 },
      { week: '2021-04-19', side: 'ARM', count: 1 },
    ]);
    const narrow = await get<{ total: number }>('/api/summary?side=ARM&from=2021-04-01');
    expect(narrow.total).toBe(1);
    await get('/api/summary?cell=0', 400);
  });

  it.each(['/api/points', '/api/places', '/api/summary', '/api/export?format=jsonl'])('%s refuses an unknown type or side, naming the allowed values', async (route) => {
    const join = route.includes('?') ? '&' : '?';
    for (const [query, name, allowed] of [
      ['type=Armed%20clashes', 'query.type', 'Armed clash'],
      ['side=XYZ', 'query.side', 'HAMAS'],
    ] as const) {
      const res = await app.request(`${route}${join}${query}`);
      expect(res.status, `${route} ${query}`).toBe(400);
      const body = (await res.json()) as { detail: string; invalid_params: { name: string; reason: string }[] };
      expect(body.invalid_params[0]!.name).toBe(name);
      expect(body.detail).toContain(allowed);
    }
  });

  it('pages stories with limit and cursor, and refuses unknown parameters', async () => {
    const all = await get<{ items: { id: string }[]; next_cursor: string | null; total: number }>('/api/stories');
    expect(all.next_cursor).toBeNull();
    const ids: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { items: { id: string }[]; next_cursor: string | null; total: number } = await get(`/api/stories?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.total).toBe(all.total);
      expect(page.items.length).toBeLessThanOrEqual(1);
      ids.push(...page.items.map((s) => s.id));
      cursor = page.next_cursor;
      pages++;
    } while (cursor !== null && pages < 10);
    expect(ids).toEqual(all.items.map((s) => s.id));
    for (const bad of ['?colour=red', '?limit=0', '?limit=501', '?cursor=nope', '?side=ARM']) {
      const res = await app.request(`/api/stories${bad}`);
      expect(res.status, bad).toBe(400);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
    }
  });

  it('lists points, places and sources', async () => {
    const points = await get<{ items: { id: string }[] }>('/api/points?ceasefire=true');
    expect(points.items.map((p) => p.id)).toEqual(['m1', 'm2', 'm4']);
    const places = await get<{ items: { name: string; events: number }[] }>('/api/places');
    expect(places.items.map((p) => [p.name, p.events])).toEqual([['Fakeville', 1], ['Lakeside', 1], ['Northtown', 1], ['Testgrad', 1]]);
    const sources = await get<{ items: { outlet: string | null; articles: number }[] }>('/api/sources');
    expect(sources.items).toEqual([{ outlet: 'Beta Daily', articles: 1 }, { outlet: 'Example Wire', articles: 1 }, { outlet: null, articles: 1 }]);
    await get('/api/places?bbox=x', 400);
  });

  it('lists stories and shows one with its events', async () => {
    const stories = await get<{ items: { id: string; event_ids: string[] }[] }>('/api/stories');
    expect(stories.items).toHaveLength(1);
    expect(stories.items[0]!.event_ids).toEqual(['m1', 'm2']);
    const one = await get<{ story: { id: string }; events: MergedEvent[] }>('/api/stories/s1');
    expect(one.events.map((e) => e.id)).toEqual(['m1', 'm2']);
    await get('/api/stories/none', 404);
  });

  it('gives a stored article', async () => {
    const a = await get<{ article: { id: string; outlet: string }; events: unknown[] }>('/api/articles/a2');
    expect(a.article).toMatchObject({ id: 'a2', outlet: 'Beta Daily' });
    await get('/api/articles/zzz', 404);
  });

  it('answers unknown routes with a 404 problem', async () => {
    const res = await app.request('/api/nothing');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
  });
});

describe('GET /api/export', () => {
  it('streams each format with its media type, filtered', async () => {
    const csv = await app.request('/api/export?format=acled-csv&side=ARM');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect((await csv.text()).trim().split('\r\n')).toHaveLength(1 + 5);
    const geo = await app.request('/api/export?format=geojson&ceasefire=false');
    expect(geo.headers.get('content-type')).toBe('application/geo+json');
    const doc = (await geo.json()) as { type: string; features: { id: string }[] };
    expect(doc.type).toBe('FeatureCollection');
    expect(doc.features.map((f) => f.id)).toEqual(['m3', 'm5']);
    const jsonl = await app.request('/api/export?format=jsonl&story=s1');
    expect((await jsonl.text()).trim().split('\n').map((l) => (JSON.parse(l) as MergedEvent).id)).toEqual(['m1', 'm2']);
  });

  it('rejects a missing or unknown format', async () => {
    await get('/api/export', 400);
    const body = await get<{ detail: string }>('/api/export?format=xlsx', 400);
    expect(body.detail).toContain('acled-csv');
  });
});

describe('errors', () => {
  it('hides internal errors behind a generic 500 problem and logs them', async () => {
    const broken = createApp({
      store: { ...store, dialect: 'sqlite', listStories: () => Promise.reject(new Error('disk on fire at /secret/path.ts:12')) } as unknown as SqliteStore,
      logError: (_e, path) => logged.push(path),
    });
    const res = await broken.request('/api/stories');
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain('disk on fire');
    expect(text).not.toContain('/secret');
    expect(logged).toContain('/api/stories');
  });
});

describe('OpenAPI', () => {
  it('documents every route and only routes that exist', async () => {
    const doc = await get<{ openapi: string; paths: Record<string, Record<string, unknown>> }>('/openapi.json');
    expect(doc.openapi).toBe('3.1.0');
    const routes = app.routes
      .filter((r) => r.path === '/openapi.json' || r.path.startsWith('/api/'))
      .filter((r) => r.method !== 'ALL')
      .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`));
    expect(new Set(routes)).toEqual(new Set(documented));
    expect(routes.length).toBeGreaterThanOrEqual(12);
  });

  it('documents every filter parameter on the list route', () => {
    const params = ((buildOpenApi().paths as Record<string, { get: { parameters: { name: string }[] } }>)['/api/events']!.get.parameters).map((p) => p.name);
    expect(params).toEqual(['from', 'to', 'type', 'sub_type', 'actor', 'side', 'outlet', 'story', 'ceasefire', 'q', 'bbox', 'background', 'limit', 'cursor']);
  });
});

describe('the page and its files', () => {
  it('serves the page, its script and the offline base map', async () => {
    const page = await app.request('/');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Sitrep');
    expect((await app.request('/static/app.js')).headers.get('content-type')).toContain('javascript');
    const atlas = await app.request('/vendor/countries-50m.json');
    expect(((await atlas.json()) as { type: string }).type).toBe('Topology');
    expect((await app.request('/vendor/d3-geo.min.js')).status).toBe(200);
    expect((await app.request('/vendor/secret.js')).status).toBe(404);
    expect((await app.request('/static/..%2Fpackage.json')).status).toBe(404);
  });
});

describe('impossible dates', () => {
  it.each(['2020-13-45', '2020-99-99', '0000-00-00', '2020-02-30', '2021-02-29'])('%s is a 400 on every date filter, not a 500', async (d) => {
    for (const path of [`/api/events?from=${d}`, `/api/events?to=${d}`, `/api/points?from=${d}`, `/api/places?from=${d}`, `/api/summary?from=${d}`, `/api/export?format=geojson&from=${d}`]) {
      await get(path, 400);
    }
  });
  it('accepts a leap day', async () => {
    await get('/api/events?from=2020-02-29');
  });
});
