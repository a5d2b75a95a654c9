/**
 * Access control of the HTTP API (issue #16): with a token, anonymous writes are refused; without
 * one, browser writes from other origins and non-JSON writes (no-cors "simple" requests) are
 * refused; a Host that is not an IP, localhost or an allowed name is refused (DNS rebinding);
 * CORS is off unless origins are listed, with preflight; security headers on every answer.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { createApp } from './create-app.js';
import { startServer, type RunningServer } from './start-server.js';

const TOKEN = 'test-token-0123456789abcdef';
const ARTICLE = JSON.stringify({
  id: 'acl-1',
  title: 'Shelling reported in Tartar',
  text: 'Azerbaijani forces said Armenian artillery shelled the town of Tartar on Monday, killing two civilians.',
  published: '2020-10-06',
});

let store: SqliteStore;
beforeAll(async () => {
  store = SqliteStore.open(':memory:');
  await store.migrate();
});
afterAll(async () => {
  await store.close();
});

const request = (app: ReturnType<typeof createApp>, path: string, init: RequestInit & { headers?: Record<string, string> } = {}): Promise<Response> =>
  Promise.resolve(app.request(path, init));

describe('with a token', () => {
  const app = () => createApp({ store, access: { token: TOKEN } });

  it('refuses an anonymous write (401) and a wrong token, and accepts the right one', async () => {
    const a = app();
    const anonymous = await request(a, '/api/articles', { method: 'POST', body: ARTICLE, headers: { 'content-type': 'application/json' } });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(anonymous.headers.get('content-type')).toBe('application/problem+json');
    const wrong = await request(a, '/api/articles', { method: 'POST', body: ARTICLE, headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}x` } });
    expect(wrong.status).toBe(401);
    expect(await store.countArticles()).toBe(0);
    const ok = await request(a, '/api/articles', { method: 'POST', body: ARTICLE, headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` } });
    expect(ok.status).toBe(201);
  }, 60_000);

  it('lets a token holder post plain text; reads stay open unless private', async () => {
    const a = app();
    const text = await request(a, '/api/articles', {
      method: 'POST',
      body: 'Clashes near Fuzuli\n\nHeavy fighting broke out near Fuzuli on Tuesday, officials in Baku said.',
      headers: { 'content-type': 'text/plain', authorization: `Bearer ${TOKEN}` },
    });
    expect(text.status).toBe(201);
    expect((await request(a, '/api/health')).status).toBe(200);
    const closed = createApp({ store, access: { token: TOKEN, privateReads: true } });
    expect((await request(closed, '/api/health')).status).toBe(401);
    expect((await request(closed, '/openapi.json')).status).toBe(401);
    expect((await request(closed, '/api/health', { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
    // The page itself still loads (its data calls need the token).
    expect((await request(closed, '/')).status).toBe(200);
  });

  it('refuses tokens that are too short or badly formed', () => {
    expect(() => createApp({ store, access: { token: 'short' } })).toThrow(/at least 16/);
    expect(() => createApp({ store, access: { token: 'has spaces in it, long enough' } })).toThrow(/only letters/);
  });
});

describe('without a token', () => {
  const app = () => createApp({ store });

  it('refuses a cross-origin no-cors text/plain write (the attack in the report)', async () => {
    const a = app();
    const before = await store.countArticles();
    // What a page on another origin sends with fetch(url, {mode: 'no-cors', method: 'POST', headers: {'Content-Type': 'text/plain'}}).
    const res = await request(a, 'http://127.0.0.1:8787/api/articles', {
      method: 'POST',
      body: ARTICLE.replace('acl-1', 'acl-evil'),
      headers: { host: '127.0.0.1:8787', origin: 'https://evil.example', 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors', 'content-type': 'text/plain' },
    });
    expect(res.status).toBe(403);
    // Without Origin and Sec-Fetch-Site (an old browser), the text/plain type alone is refused.
    const bare = await request(a, '/api/articles', { method: 'POST', body: ARTICLE.replace('acl-1', 'acl-evil'), headers: { 'content-type': 'text/plain' } });
    expect(bare.status).toBe(415);
    const form = await request(a, '/api/articles', { method: 'POST', body: 'a=b', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(form.status).toBe(415);
    // Sec-Fetch-Site alone (a privacy extension stripped Origin) is enough to refuse.
    const site = await request(a, '/api/articles', { method: 'POST', body: ARTICLE.replace('acl-1', 'acl-evil'), headers: { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' } });
    expect(site.status).toBe(403);
    expect(await store.countArticles()).toBe(before);
  });

  it('accepts JSON writes from scripts and from the page itself', async () => {
    const a = app();
    const script = await request(a, '/api/articles', { method: 'POST', body: ARTICLE.replace('acl-1', 'acl-2'), headers: { 'content-type': 'application/json' } });
    expect(script.status).toBe(201);
    const page = await request(a, 'http://127.0.0.1:8787/api/articles', {
      method: 'POST',
      body: ARTICLE.replace('acl-1', 'acl-3'),
      headers: { host: '127.0.0.1:8787', origin: 'http://127.0.0.1:8787', 'sec-fetch-site': 'same-origin', 'content-type': 'application/json; charset=utf-8' },
    });
    expect(page.status).toBe(201);
  }, 60_000);

  it('refuses a Host that is not an IP, localhost or an allowed name (DNS rebinding)', async () => {
    const a = app();
    const rebound = await request(a, 'http://evil.example:8787/api/events', { headers: { host: 'evil.example:8787' } });
    expect(rebound.status).toBe(403);
    expect(((await rebound.json()) as { type: string }).type).toContain('host-not-allowed');
    for (const host of ['127.0.0.1:8787', 'localhost:8787', '[::1]:8787', '10.1.2.3']) {
      expect((await request(a, `http://${host}/api/health`, { headers: { host } })).status).toBe(200);
    }
    const named = createApp({ store, access: { allowedHosts: ['sitrep.example.org'] } });
    expect((await request(named, 'http://sitrep.example.org/api/health', { headers: { host: 'Sitrep.Example.org' } })).status).toBe(200);
  });
});

describe('CORS and preflight', () => {
  it('is off by default: OPTIONS answers 204 without a grant; a preflight from elsewhere is refused', async () => {
    const a = createApp({ store });
    const plain = await request(a, '/api/events', { method: 'OPTIONS' });
    expect(plain.status).toBe(204);
    expect(plain.headers.get('allow')).toContain('POST');
    const preflight = await request(a, '/api/articles', { method: 'OPTIONS', headers: { origin: 'https://dash.example.org', 'access-control-request-method': 'POST' } });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const read = await request(a, '/api/health', { headers: { origin: 'https://dash.example.org' } });
    expect(read.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('grants listed origins only', async () => {
    const a = createApp({ store, access: { token: TOKEN, corsOrigins: ['https://dash.example.org'] } });
    const preflight = await request(a, '/api/articles', {
      method: 'OPTIONS',
      headers: { origin: 'https://dash.example.org', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://dash.example.org');
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    const read = await request(a, '/api/health', { headers: { origin: 'https://dash.example.org' } });
    expect(read.headers.get('access-control-allow-origin')).toBe('https://dash.example.org');
    const write = await request(a, '/api/articles', {
      method: 'POST',
      body: ARTICLE.replace('acl-1', 'acl-cors'),
      headers: { origin: 'https://dash.example.org', 'sec-fetch-site': 'cross-site', 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    });
    expect([200, 201]).toContain(write.status);
    const other = await request(a, '/api/health', { headers: { origin: 'https://other.example.org' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  }, 60_000);
});

describe('security headers', () => {
  it('are on the page, the API and error answers', async () => {
    const a = createApp({ store });
    for (const path of ['/', '/api/health', '/api/nothing-here', '/static/app.js']) {
      const res = await request(a, path);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });
});

describe('startServer', () => {
  let server: RunningServer | undefined;
  afterAll(async () => {
    await server?.close();
  });

  it('binds a non-loopback host only with a token', async () => {
    await expect(startServer({ store, port: 0, host: '0.0.0.0' })).rejects.toThrow(/needs an API token/);
    server = await startServer({ store, port: 0, host: '127.0.0.1' });
    // Over real HTTP: the Host check sees the header the client sent.
    const port = server.port;
    const rebound = await new Promise<number>((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port, path: '/api/health', headers: { host: `rebind.example:${port}` } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
    });
    expect(rebound).toBe(403);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });
});
