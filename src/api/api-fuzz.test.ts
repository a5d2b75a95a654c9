/**
 * Fuzzing the HTTP API (issue #16): random methods, paths, query strings, headers and bodies,
 * with and without a token. Every answer is a well-formed HTTP answer below 500 (503 is allowed:
 * overload or an unavailable store), and every request is answered within a few seconds (no
 * hang). Bounded in time: the runs stop after FUZZ_MS.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExtractContext } from '../extract/create-extract-context.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { createApp } from './create-app.js';

const FUZZ_MS = 6000;
const ANSWER_MS = 5000;
const TOKEN = 'fuzz-token-0123456789abcdef';

let store: SqliteStore;
let apps: ReturnType<typeof createApp>[];
beforeAll(async () => {
  store = SqliteStore.open(':memory:');
  await store.migrate();
  const ctx = createExtractContext();
  // Small limits, so that large random bodies meet them too.
  apps = [
    createApp({ store, extractContext: () => ctx, maxBodyBytes: 4096 }),
    createApp({ store, extractContext: () => ctx, maxBodyBytes: 4096, access: { token: TOKEN, privateReads: true, corsOrigins: ['https://dash.example.org'] } }),
  ];
  // Something to read.
  await apps[0]!.request('/api/articles', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ id: 'fuzz-seed', text: 'Armenian forces shelled the town of Tartar on Monday, killing two civilians.', published: '2020-10-05' }),
  });
}, 60_000);
afterAll(async () => {
  await store.close();
});

const ROUTES = ['/', '/api/health', '/api/events', '/api/events/x', '/api/points', '/api/summary', '/api/places', '/api/sources', '/api/stories', '/api/stories/x', '/api/articles', '/api/articles/fuzz-seed', '/api/export', '/openapi.json', '/static/app.js', '/static/../../package.json', '/vendor/d3-geo.min.js', '/vendor/x'];
const PARAMS = ['from', 'to', 'type', 'sub_type', 'side', 'actor', 'outlet', 'story', 'ceasefire', 'q', 'bbox', 'background', 'limit', 'cursor', 'cell', 'format', 'x'];

const segment = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('%', '%E0%A4%A', '%00', '..', '%2F', '\u{1F600}', 'e1', '9999-12-31'));
const path = fc.oneof(
  fc.constantFrom(...ROUTES),
  fc.tuple(fc.constantFrom(...ROUTES), segment).map(([r, s]) => `${r}/${encodeURI(s).replace(/%25/g, '%')}`),
  fc.array(segment, { maxLength: 4 }).map((parts) => `/${parts.map((p) => encodeURIComponent(p)).join('/')}`),
);
const value = fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('', '-1', '0', '1e9', 'NaN', '2020-13-45', '2020-10-05', '9999-12-31', '45,39,47,40', 'true', 'acled-csv', 'geojson', 'jsonl', '%', 'AZE'));
const query = fc.array(fc.tuple(fc.constantFrom(...PARAMS), value), { maxLength: 4 }).map((pairs) => (pairs.length === 0 ? '' : `?${pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`));
const method = fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'PROPFIND');
const headers = fc.record(
  {
    'content-type': fc.constantFrom('application/json', 'application/x-ndjson', 'text/plain', 'text/html', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1', ''),
    origin: fc.constantFrom('https://evil.example', 'https://dash.example.org', 'null', 'http://localhost', 'not a url'),
    'sec-fetch-site': fc.constantFrom('cross-site', 'same-site', 'same-origin', 'none'),
    authorization: fc.constantFrom(`Bearer ${TOKEN}`, 'Bearer wrong-token-00000000', 'Bearer', 'Basic abc', 'Bearer ' + 'x'.repeat(300)),
    host: fc.constantFrom('localhost', '127.0.0.1:8787', 'evil.example', '[::1]:80', ''),
    'access-control-request-method': fc.constantFrom('POST', 'DELETE'),
  },
  { requiredKeys: [] },
);
const article = fc.record({ id: fc.string({ maxLength: 10 }), title: fc.string({ maxLength: 30 }), text: fc.string({ maxLength: 300 }), published: value }, { requiredKeys: [] });
const body = fc.oneof(
  fc.constant(undefined),
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.json({ maxDepth: 3 }),
  article.map((a) => JSON.stringify(a)),
  fc.array(article, { maxLength: 3 }).map((a) => JSON.stringify(a)),
  fc.uint8Array({ maxLength: 300 }),
  fc.integer({ min: 4000, max: 9000 }).map((n) => 'x'.repeat(n)),
);

describe('HTTP API fuzz', () => {
  it('answers every random request, never with a 5xx other than 503, never hanging', async () => {
    await fc.assert(
      // Half the requests look like a well-behaved client's, so that they reach the handlers.
      fc.asyncProperty(fc.integer({ min: 0, max: 1 }), method, path, query, fc.oneof(headers, fc.constantFrom({ 'content-type': 'application/json' }, { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` }, { 'content-type': 'application/x-ndjson', authorization: `Bearer ${TOKEN}` })), body, async (which, m, p, q, h, b) => {
        const init: RequestInit = { method: m, headers: Object.fromEntries(Object.entries(h).filter(([, v]) => v !== '')) };
        if (b !== undefined && m !== 'GET' && m !== 'HEAD') init.body = b;
        let res: Response;
        try {
          res = await Promise.race([
            Promise.resolve(apps[which]!.request(`http://localhost${p}${q}`, init)),
            new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ANSWER_MS} ms`)), ANSWER_MS)),
          ]);
        } catch (error) {
          // A request the Fetch API itself refuses to build (a forbidden method) is not the server's.
          if (error instanceof TypeError && /method|header|body/i.test(error.message)) return;
          throw error;
        }
        await res.arrayBuffer();
        expect(res.status === 503 || res.status < 500, `${m} ${p}${q} -> ${res.status}`).toBe(true);
      }),
      { numRuns: 100_000, interruptAfterTimeLimit: FUZZ_MS },
    );
  }, 60_000);
});
