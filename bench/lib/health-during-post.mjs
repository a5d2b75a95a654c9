// Times `GET /api/health` on a `sitrep serve` process while it ingests one large article.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { startServeProcess } from './serve-process.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** A `kb`-KB article of the dev corpus's sentences on one line. */
export function longArticle(kb, id = 'long-line') {
  const dev = fs.readFileSync(path.resolve(root, '..', 'shared', 'corpus', 'dev', 'articles.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const words = dev.map((a) => (a.text ?? '').replace(/\s+/g, ' ')).join(' ');
  let text = '';
  while (text.length < kb * 1024) text += words + ' ';
  return { id, title: 'One long line', published: '2020-10-05', text: text.slice(0, kb * 1024) };
}

/**
 * Starts a server, warms its extraction thread with a small article (unless `warm` is false:
 * then the large POST is the server's first), then posts a `kb`-KB one and times health checks
 * (one every `everyMs`) until the POST answers.
 */
export async function healthDuringPost(kb, everyMs = 25, warm = true) {
  const server = await startServeProcess();
  try {
    const post = (article) =>
      fetch(`${server.url}/api/articles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof article === 'string' ? article : JSON.stringify(article) });
    // Built before the clock starts: the bench's own work on the body is not the server's latency.
    const body = JSON.stringify(longArticle(kb));
    if (warm) {
      const first = await post({ id: 'warm', title: 'Warm', published: '2020-10-05', text: 'Armenian forces shelled the town of Tartar on Monday, killing two civilians.' });
      await first.arrayBuffer();
    }
    const latencies = [];
    const at = [];
    let done = false;
    // The bench's own event loop: a late timer here (a loaded machine) is not the server's fault.
    const own = monitorEventLoopDelay({ resolution: 10 });
    own.enable();
    const started = performance.now();
    const posting = (async () => {
      try {
        const res = await post(body);
        await res.arrayBuffer();
        return res.status;
      } catch (error) {
        return `failed (${error.cause?.message ?? error.message}; server: ${server.stderr().trim().split('\n').slice(-2).join(' / ')})`;
      } finally {
        done = true;
      }
    })();
    while (!done) {
      const t = performance.now();
      try {
        const res = await fetch(`${server.url}/api/health`);
        await res.arrayBuffer();
      } catch (error) {
        throw new Error(`GET /api/health failed (${error.cause?.message ?? error.message}); server said: ${server.stderr().trim().split('\n').slice(-3).join(' / ')}`);
      }
      latencies.push(performance.now() - t);
      at.push(t - started);
      await new Promise((r) => setTimeout(r, everyMs));
    }
    const status = await posting;
    const postMs = performance.now() - started;
    own.disable();
    const sorted = [...latencies].sort((a, b) => a - b);
    const worst = latencies.indexOf(sorted.at(-1));
    return { status, postMs, latencies, max: sorted.at(-1) ?? 0, median: sorted[Math.floor(sorted.length / 2)] ?? 0, maxAtMs: at[worst] ?? 0, benchLoopDelayMaxMs: own.max / 1e6 };
  } finally {
    await server.stop();
  }
}
