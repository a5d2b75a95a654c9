/**
 * Request bodies over the limit (issue #16), against a real `sitrep serve` process: a chunked
 * body is read only up to the limit (10 MB) and refused with 413, the server's peak memory rising
 * by far less than the body; a declared Content-Length over the limit is refused before reading.
 * The 1 GB measurement is `node bench/body-limit.bench.mjs`.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postChunked } from '../bench/lib/chunked-post.mjs';
import { startServeProcess } from '../bench/lib/serve-process.mjs';

let server: Awaited<ReturnType<typeof startServeProcess>>;
beforeAll(async () => {
  server = await startServeProcess();
  await fetch(`${server.url}/api/health`);
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

describe('body limit', () => {
  it('refuses a 300 MB chunked body early, without holding it', async () => {
    const before = server.memory();
    const res = await postChunked(`${server.url}/api/articles`, 300);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ status: 413, type: expect.stringContaining('too-large') });
    // The answer came long before the upload could have ended.
    expect(res.sentMB).toBeLessThan(100);
    const after = server.memory();
    if (before !== null && after !== null) expect(after.peakMB - before.rssMB).toBeLessThan(50);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  }, 60_000);

  it('refuses a declared Content-Length over the limit before reading, on any route', async () => {
    for (const route of ['/api/articles', '/api/events']) {
      const status = await new Promise<number>((resolve, reject) => {
        const req = http.request(`${server.url}${route}`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(2 * 1024 ** 3) } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
          req.destroy();
        });
        req.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' || e.code === 'EPIPE' ? undefined : reject(e)));
        req.write('{"id":');
      });
      expect(status).toBe(413);
    }
  }, 30_000);
});
