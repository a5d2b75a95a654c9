/**
 * Crash safety of `sitrep worker` as a real process (skipped without PG_URL): killed with
 * SIGKILL in the middle of a batch, then restarted, it loses nothing; every article is inserted
 * exactly once and the store equals a clean single-process SQLite run of the same articles.
 * Then SIGTERM stops it gracefully (exit code 0). Reads the seed corpus from ../shared at test
 * time (its texts are not copied into the repository).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createExtractContext } from '../extract/create-extract-context.js';
import { readInputs } from '../ingest/read-inputs.js';
import type { RawArticle } from '../model/article.js';
import { loadPacks } from '../packs/load-packs.js';
import { EXTRACTOR_VERSION, processArticle } from '../pipeline/process-article.js';
import { createResolver } from '../resolve/create-resolver.js';
import { contentHash } from '../store/content-hash.js';
import { ingestExtraction } from '../store/ingest-extraction.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { dumpStore } from '../store/testing/dump-store.js';
import { PG_URL } from '../store/testing/store-matrix.js';
import { readQueueStats } from './read-queue-stats.js';
import { openQueueTestbed } from './testing/queue-fixtures.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SEEDS = path.resolve(root, '..', 'shared', 'corpus', 'seeds.jsonl');
const COPIES = 12;

async function seedArticles(): Promise<RawArticle[]> {
  const seeds: RawArticle[] = [];
  for await (const item of readInputs([SEEDS], {})) if (item.kind === 'article') seeds.push(item.article);
  // Copies with their own ids and one changed word each, so every article is distinct.
  return Array.from({ length: COPIES }, (_, k) => seeds.map((s) => ({ ...s, id: `${s.id}-c${k}`, title: `${s.title ?? ''} (${k})` }))).flat();
}

interface Child {
  readonly proc: ChildProcess;
  readonly lines: string[];
  readonly exited: Promise<number | null>;
}

function spawnWorker(env: Record<string, string>): Child {
  const proc = spawn(path.join(root, 'node_modules', '.bin', 'vite-node'), [path.join(root, 'src/queue/testing/cli-entry.ts'), '--', 'worker', '--batch-size', '8'], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const lines: string[] = [];
  let rest = '';
  proc.stderr!.on('data', (chunk: Buffer) => {
    const parts = (rest + chunk.toString('utf8')).split('\n');
    rest = parts.pop() ?? '';
    lines.push(...parts);
  });
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return { proc, lines, exited };
}

async function waitFor(what: string, cond: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await cond()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const jobLines = (lines: readonly string[]): { msg: string; status?: string; articleId?: string }[] =>
  lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { msg: string; status?: string; articleId?: string });

describe.skipIf(PG_URL === undefined)('sitrep worker crash safety', () => {
  let bed: Awaited<ReturnType<typeof openQueueTestbed>>;
  const children: Child[] = [];
  beforeEach(async () => {
    bed = await openQueueTestbed(PG_URL!);
  });
  afterEach(async () => {
    for (const c of children.splice(0)) if (c.proc.exitCode === null) c.proc.kill('SIGKILL');
    await bed.dispose();
  });

  it('loses nothing when killed mid-batch: after restart every article is processed once and the store equals a single-process run', async () => {
    const articles = await seedArticles();
    // The queue's settings come from whoever creates it first: here the producer.
    const producer = await bed.openQueue({ supervise: false, expireInSeconds: 3 });
    await producer.enqueue(articles);
    const env = {
      SITREP_DB: bed.t.location,
      SITREP_QUEUE_SCHEMA: bed.bossSchema,
      SITREP_QUEUE_EXPIRE_S: '3',
      SITREP_QUEUE_MAINTENANCE_S: '1',
    };

    const first = spawnWorker(env);
    children.push(first);
    // Killed while it holds claimed jobs, in the middle of its second batch of 8 (jobs 9-16):
    // at 10 stored, six more are claimed. (Waiting for 15 cut it too close to the batch's end:
    // with ~25 ms jobs the worker sometimes finished job 16 and was fetching the next batch,
    // holding nothing, when it was killed.)
    await waitFor('some articles stored and a batch in hand', async () => (await bed.t.store.countArticles()) >= 10 && (await readQueueStats(producer)).active > 0);
    first.proc.kill('SIGKILL');
    await first.exited;
    const atKill = await readQueueStats(producer);
    // Killed in the middle of a batch: it held claimed jobs it never finished.
    expect(atKill.active).toBeGreaterThan(0);
    expect(atKill.completed).toBeLessThan(articles.length);

    const second = spawnWorker(env);
    children.push(second);
    await waitFor('every job completed', async () => (await readQueueStats(producer)).completed === articles.length, 90_000).catch(async (error: unknown) => {
      throw new Error(`${String(error)}; stats ${JSON.stringify(await readQueueStats(producer))}; worker said: ${second.lines.slice(-8).join('\n')}`);
    });
    second.proc.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(jobLines(second.lines).map((l) => l.msg)).toContain('shutdown done');

    const stats = await readQueueStats(producer);
    expect(stats).toMatchObject({ completed: articles.length, failed: 0, active: 0, queued: 0, retrying: 0, dead_letters: 0 });
    // Processed once in effect: each article inserted exactly once across both runs.
    const inserted = [...first.lines, ...second.lines].length > 0 ? jobLines([...first.lines, ...second.lines]).filter((l) => l.msg === 'job done' && l.status === 'inserted').map((l) => l.articleId) : [];
    // The killed run may have committed an article whose log line it never wrote: count from the store too.
    expect(new Set(inserted).size).toBe(inserted.length);
    expect(await bed.t.store.countArticles()).toBe(articles.length);

    // The oracle: one process, SQLite, the same articles in order.
    const oracle = SqliteStore.open(':memory:');
    await oracle.migrate();
    try {
      const ctx = createExtractContext();
      const resolver = createResolver(loadPacks());
      const versions = { extractor: EXTRACTOR_VERSION, ...ctx.versions };
      for (const raw of articles) await ingestExtraction(oracle, processArticle(raw, ctx), contentHash(raw, versions), { resolver });
      const [actual, expected] = [await dumpStore(bed.t.store), await dumpStore(oracle)];
      expect(actual.articles).toStrictEqual(expected.articles);
      expect(actual.events).toStrictEqual(expected.events);
      expect(actual.stories).toStrictEqual(expected.stories);
    } finally {
      await oracle.close();
    }
  }, 180_000);
});
