/**
 * `sitrep serve` keeps answering reads while it extracts (issue #16): extraction runs in a worker
 * thread, so `GET /api/health` stays fast during a 1 MB `POST /api/articles` (it used to wait for
 * the whole extraction: 4.9 s behind a 200 KB article). The bound here leaves room for a loaded
 * CI machine; `node bench/serve-responsive.bench.mjs` reports the maximum.
 */
import { describe, expect, it } from 'vitest';
import { healthDuringPost } from '../bench/lib/health-during-post.mjs';

describe('reads during a large POST', () => {
  it('GET /api/health answers in well under 200 ms while a 1 MB article is extracted', async () => {
    const r = await healthDuringPost(1024);
    expect(r.status).toBe(201);
    // Extraction takes seconds: many health checks ran meanwhile.
    expect(r.latencies.length).toBeGreaterThan(20);
    const sorted = [...r.latencies].sort((a, b) => a - b);
    expect(sorted[Math.floor(sorted.length * 0.9)]).toBeLessThan(200);
    expect(r.max).toBeLessThan(1000);
  }, 120_000);
});
