#!/usr/bin/env node
// Ingest benchmark (not a test; needs `npm run build` first and a PostgreSQL server):
// - SQLite: articles/s of what `sitrep ingest` runs (ingestItems: extraction threads, 64 articles
//   per commit, background checkpoints; BENCH_THREADS sets the thread count), and the latency
//   from handing an article to the pipeline to its savepoint (BENCH_ELU=1 also prints the main
//   thread's busy time and the process's CPU per article); BENCH_SQLITE_ONLY=1 skips PostgreSQL;
// - PostgreSQL: the same articles enqueued, then processed by 1 and by 2 `sitrep worker`
//   processes (throughput from the job table's start and completion times, so process start-up
//   does not count);
// - PostgreSQL at 50 articles/s offered load: p50/p99 article-to-event latency (enqueue → merged
//   event committed), from pg-boss's created_on/completed_on, with 1 and 2 workers polling an
//   empty queue every BENCH_POLL_MS (default 10) ms;
// - peak memory (VmHWM) of every process.
// Each mode runs with the identity merge and with the real resolver (BENCH_RESOLVER picks).
// Prints a table and writes bench/out/ingest-<date>.json. Env: PG_URL (a server to create
// throw-away databases on; default postgres://postgres@127.0.0.1:5432/postgres),
// BENCH_ARTICLES (default 1000), BENCH_LOAD_SECONDS (default 10), BENCH_PARTS (default
// sqlite,pg-rate,pg-latency). Settings for experiments (recorded in the JSON): BENCH_AHEAD (SQLite
// articles in extraction ahead of the one stored; default what `sitrep ingest` uses), BENCH_SIGN
// (1/0: body signatures in the extraction threads or in the storing thread; default as `sitrep
// ingest`), BENCH_CONCURRENCY (slots per `sitrep worker`; default 1).
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { SITREP_NODE_FLAGS, withSitrepFlags } from './node-flags.mjs';
import { freshDatabase } from './lib/fresh-database.mjs';
import { hwmMb } from './lib/peak-memory.mjs';

withSitrepFlags();

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => join(root, 'dist', p);
const N = Number(process.env.BENCH_ARTICLES ?? 1000);
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 10);
const RATE = 50;
/** Articles processed before timing starts (SQLite) or left out of the rate (PostgreSQL workers). */
const WARMUP = Number(process.env.BENCH_WARMUP ?? 300);
/** Articles sent at the offered rate before the latency is counted (workers' JIT warm-up). */
const LATENCY_WARMUP = Number(process.env.BENCH_LATENCY_WARMUP ?? 250);
const RESOLVERS = (process.env.BENCH_RESOLVER ?? 'identity,default').split(',');
const PG_URL = process.env.PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const { readInputs } = await import(dist('ingest/read-inputs.js'));
const { createExtractContext } = await import(dist('extract/create-extract-context.js'));
const { mergeIdentity } = await import(dist('store/merge-identity.js'));
const { openStore } = await import(dist('store/open-store.js'));
const { createResolver } = await import(dist('resolve/create-resolver.js'));
const { loadPacks } = await import(dist('packs/load-packs.js'));
const { ArticleQueue } = await import(dist('queue/article-queue.js'));
const { ingestItems } = await import(dist('pipeline/ingest-items.js'));
const { inlineExtractor } = await import(dist('pipeline/extractor.js'));
const { threadExtractor, defaultExtractThreads } = await import(dist('pipeline/thread-extractor.js'));
const { INGEST_STORE_OPTIONS } = await import(dist('cli/commands/ingest.js'));
/** Extraction threads of the SQLite run (as `sitrep ingest --threads`; default one per extra core). */
const THREADS = process.env.BENCH_THREADS === undefined ? defaultExtractThreads() : Number(process.env.BENCH_THREADS);
/** A positive integer from the environment, or undefined when unset; anything else stops the bench. */
function envCount(name) {
  const raw = process.env[name];
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return n;
}
/** Articles extracted ahead of the one being stored (BENCH_AHEAD; default: what `sitrep ingest` uses). */
const AHEAD_COUNT = envCount('BENCH_AHEAD');
const AHEAD = AHEAD_COUNT === undefined ? {} : { ahead: AHEAD_COUNT };
/** Where body signatures are computed (BENCH_SIGN=1: extraction threads, 0: storing thread; default as `sitrep ingest`). */
const SIGN = process.env.BENCH_SIGN === undefined ? {} : { bodySignatures: process.env.BENCH_SIGN === '1' };
/** Slots per `sitrep worker` (BENCH_CONCURRENCY; default the worker's, 1). */
const CONCURRENCY = envCount('BENCH_CONCURRENCY');
const ONLY_SQLITE = process.env.BENCH_SQLITE_ONLY === '1';
/** Which parts run (BENCH_PARTS, comma-separated: sqlite, pg-rate, pg-latency; default all). */
const PARTS = new Set((process.env.BENCH_PARTS ?? (ONLY_SQLITE ? 'sqlite' : 'sqlite,pg-rate,pg-latency')).split(','));

const seeds = [];
for await (const item of readInputs([join(root, '..', 'shared', 'corpus', 'seeds.jsonl')], {})) if (item.kind === 'article') seeds.push(item.article);
/**
 * n distinct articles as a stream of separate happenings: every 15 consecutive articles are the
 * five seeds three times over (three outlets carrying the same wire copy), moved to their own
 * month and year by rewriting the years and month names in the text and the publication date.
 * Reports of one happening merge (one event, copies counted once); different slots do not, so
 * the store grows the way a desk's does instead of piling every article onto five events.
 */
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** Target months have 31 days, so every day of a source month stays valid. */
const LONG_MONTHS = [1, 3, 5, 7, 8, 10, 12];
const MONTH_RE = new RegExp(`\\b(${MONTHS.join('|')})\\b`, 'g');
const OUTLETS = ['Wire A', 'Daily B', 'Agency C'];
function moved(s, slot) {
  const years = -(slot % 40);
  const rotation = Math.floor(slot / 40) % LONG_MONTHS.length;
  const month = (m) => LONG_MONTHS[(m - 1 + rotation) % LONG_MONTHS.length];
  const shiftText = (t) => t.replace(/\b(19|20)\d\d\b/g, (y) => String(Number(y) + years)).replace(MONTH_RE, (m) => MONTHS[month(MONTHS.indexOf(m) + 1) - 1]);
  const published = s.published
    ? `${Number(s.published.slice(0, 4)) + years}-${String(month(Number(s.published.slice(5, 7)))).padStart(2, '0')}${s.published.slice(7)}`
    : s.published;
  return { ...s, text: shiftText(s.text), title: s.title ? shiftText(s.title) : s.title, published };
}
const articles = (n, tag, firstSlot = 0) => Array.from({ length: n }, (_, i) => {
  const s = seeds[i % seeds.length];
  const slot = firstSlot + Math.floor(i / (seeds.length * OUTLETS.length));
  const copy = Math.floor(i / seeds.length) % OUTLETS.length;
  return { ...moved(s, slot), id: `${s.id}-${tag}${i}`, outlet: OUTLETS[copy] };
});
const pct = (sorted, p) => (sorted.length === 0 ? null : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]);
const round = (x, d = 1) => (x === null ? null : Math.round(x * 10 ** d) / 10 ** d);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function benchSqlite(resolverName) {
  // What `sitrep ingest` does on SQLite: extraction threads, group commit, ingestItems.
  const extractor = THREADS > 0 ? threadExtractor(THREADS, SIGN) : inlineExtractor(createExtractContext());
  const resolver = resolverName === 'identity' ? mergeIdentity : createResolver(loadPacks());
  const dir = mkdtempSync(join(os.tmpdir(), 'sitrep-bench-'));
  const store = await openStore(join(dir, 'bench.db'), INGEST_STORE_OPTIONS);
  const asItems = function* (list, started) {
    for (const article of list) {
      started?.set(article.id, performance.now());
      yield { kind: 'article', article };
    }
  };
  // Warm-up (not timed): the JIT, the extraction threads and the store's caches settle, as in a long-running ingest.
  await ingestItems(asItems(articles(WARMUP, 'w')), { store, extractor, resolver, ...AHEAD });
  const list = articles(N, 's', Math.ceil(WARMUP / 15));
  const started = new Map();
  const lat = [];
  const elu0 = performance.eventLoopUtilization();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const counts = await ingestItems(asItems(list, started), { store, extractor, resolver, ...AHEAD, onStep: (step) => { if (step.raw) lat.push(performance.now() - started.get(step.raw.id)); } });
  await store.flush();
  const secs = (performance.now() - t0) / 1000;
  if (process.env.BENCH_ELU) { const u = performance.eventLoopUtilization(elu0); const c = process.cpuUsage(cpu0); console.error(`main thread busy ${(100 * u.utilization).toFixed(0)}%, ${(u.active / N).toFixed(2)} ms/article; process CPU ${((c.user + c.system) / 1000 / N).toFixed(2)} ms/article (system ${(c.system / 1000 / N).toFixed(2)})`); }
  if (counts.inserted !== N) throw new Error(`SQLite bench: ${counts.inserted} of ${N} articles inserted (${JSON.stringify(counts)})`);
  const events = await store.countEvents();
  await Promise.all([store.close(), extractor.close()]);
  rmSync(dir, { recursive: true, force: true });
  lat.sort((x, y) => x - y);
  return { store: 'sqlite', workers: 1, threads: THREADS, resolver: resolverName, articles: N, articles_per_s: round(N / secs), p50_ms: round(pct(lat, 50)), p99_ms: round(pct(lat, 99)), events, peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024), offered_per_s: null };
}

/** Idle workers poll the queue this often in the latency runs (SITREP_WORKER_POLL_MS; the default 100 ms would dominate p99). */
const LATENCY_POLL_MS = Number(process.env.BENCH_POLL_MS ?? 10);

function startWorkers(n, url, resolverName, batchSize, pollMs = 100) {
  return Array.from({ length: n }, () => spawn(process.execPath, [...SITREP_NODE_FLAGS, join(root, 'bin', 'sitrep.js'), 'worker', '--batch-size', String(batchSize), ...(CONCURRENCY === undefined ? [] : ['--concurrency', String(CONCURRENCY)])], {
    env: { ...process.env, SITREP_DB: url, SITREP_RESOLVER: resolverName, SITREP_LOG_LEVEL: process.env.BENCH_WORKER_LOG ?? 'warn', SITREP_WORKER_POLL_MS: String(pollMs) },
    stdio: ['ignore', 'ignore', 'inherit'],
  }));
}

async function stopWorkers(procs) {
  const peaks = procs.map((p) => hwmMb(p.pid));
  await Promise.all(procs.map((p) => new Promise((r) => { p.on('exit', r); p.kill('SIGTERM'); })));
  return Math.max(...peaks.filter((x) => x !== null));
}

/** Job timings from pg-boss (database clock): latency and the processing window. */
async function jobTimes(url) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const { rows } = await c.query(`SELECT extract(epoch FROM completed_on - created_on) * 1000 AS lat_ms,
      extract(epoch FROM created_on) AS created, extract(epoch FROM started_on) AS started, extract(epoch FROM completed_on) AS completed, state
    FROM pgboss.job WHERE name = 'sitrep-articles'`);
  await c.end();
  return rows.map((r) => ({ lat: Number(r.lat_ms), created: Number(r.created), started: Number(r.started), completed: Number(r.completed), state: r.state }));
}

async function waitCompleted(url, n, timeoutMs) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const end = Date.now() + timeoutMs;
  try {
    while (Date.now() < end) {
      const { rows } = await c.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'sitrep-articles' AND state = 'completed'`);
      if (rows[0].n >= n) return true;
      await sleep(100);
    }
    return false;
  } finally {
    await c.end();
  }
}

/** Runs `fn(url, queue)` on a fresh, migrated database with the article queue created (what `sitrep ingest` does first), then drops it. */
async function withQueueDatabase(fn) {
  const db = await freshDatabase(PG_URL, 'sitrep_bench');
  try {
    await (await openStore(db.url)).close();
    const queue = await ArticleQueue.start(db.url, { supervise: false });
    try {
      return await fn(db.url, queue);
    } finally {
      await queue.stop();
    }
  } finally {
    await db.drop();
  }
}

async function benchPgThroughput(workers, resolverName) {
  return withQueueDatabase(async (url, queue) => {
    const list = articles(N, 'p');
    for (let i = 0; i < list.length; i += 500) await queue.enqueue(list.slice(i, i + 500));
    const procs = startWorkers(workers, url, resolverName, 8);
    const done = await waitCompleted(url, N, 600_000);
    const peak = await stopWorkers(procs);
    const jobs = (await jobTimes(url)).filter((j) => j.state === 'completed');
    // Steady state: the rate between the WARMUP-th completion and the last (start-up, pack loading
    // and the JIT's warm-up are left out, as for SQLite).
    const ends = jobs.map((j) => j.completed).sort((a, b) => a - b);
    const skip = Math.min(WARMUP, Math.floor(ends.length / 2));
    const window = ends.at(-1) - ends[skip];
    return { store: 'postgres', workers, resolver: resolverName, articles: jobs.length, articles_per_s: done ? round((ends.length - 1 - skip) / window) : null, p50_ms: null, p99_ms: null, events: null, peak_rss_mb: peak, offered_per_s: null };
  });
}

async function benchPgLatency(workers, resolverName) {
  return withQueueDatabase(async (url, queue) => {
    const procs = startWorkers(workers, url, resolverName, 1, LATENCY_POLL_MS);
    await sleep(3000); // workers loaded and polling
    // The first LATENCY_WARMUP articles (at the same rate) warm the workers up and are not counted.
    const list = articles(LATENCY_WARMUP + RATE * LOAD_SECONDS, 'l');
    const t0 = performance.now();
    for (let i = 0; i < list.length; i++) {
      const due = t0 + (i * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      await queue.enqueue([list[i]]);
    }
    await waitCompleted(url, list.length, 180_000);
    const peak = await stopWorkers(procs);
    const lat = (await jobTimes(url))
      .filter((j) => j.state === 'completed')
      .sort((a, b) => a.created - b.created)
      .slice(LATENCY_WARMUP)
      .map((j) => j.lat)
      .sort((a, b) => a - b);
    return { store: 'postgres', workers, resolver: resolverName, articles: lat.length, articles_per_s: null, p50_ms: round(pct(lat, 50)), p99_ms: round(pct(lat, 99)), events: null, peak_rss_mb: peak, offered_per_s: RATE };
  });
}

// SQLite first: after a PostgreSQL run the server goes on writing and cleaning up for a while, and
// on 2 cores SQLite measured after the PostgreSQL runs was slower (315 and 328 articles/s in two
// full runs, against 330-357 alone in the same hours). Each throw-away database is also dropped
// with a CHECKPOINT, so no run pays for the previous one's writes.
const rows = [];
if (PARTS.has('sqlite')) for (const r of RESOLVERS) rows.push(await benchSqlite(r));
for (const r of RESOLVERS) {
  if (PARTS.has('pg-rate')) for (const w of [1, 2]) rows.push(await benchPgThroughput(w, r));
  if (PARTS.has('pg-latency')) for (const w of [1, 2]) rows.push(await benchPgLatency(w, r));
  console.error(`done: resolver ${r}`);
}
rows.sort((a, b) => RESOLVERS.indexOf(a.resolver) - RESOLVERS.indexOf(b.resolver));

const header = ['store', 'workers', 'resolver', 'articles', 'offered/s', 'articles/s', 'p50 ms', 'p99 ms', 'peak RSS MB'];
const cells = rows.map((r) => [r.store, r.workers, r.resolver, r.articles, r.offered_per_s ?? '-', r.articles_per_s ?? '-', r.p50_ms ?? '-', r.p99_ms ?? '-', r.peak_rss_mb ?? '-'].map(String));
const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
const line = (c) => c.map((x, i) => x.padEnd(widths[i])).join('  ');
console.log([line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n'));
const outDir = join(root, 'bench', 'out');
mkdirSync(outDir, { recursive: true });
const out = join(outDir, `ingest-${new Date().toISOString().slice(0, 10)}.json`);
writeFileSync(out, `${JSON.stringify({ machine: { cpus: os.cpus().length, node: process.version }, articles: N, load_seconds: LOAD_SECONDS, settings: { threads: THREADS, ...AHEAD, ...SIGN, concurrency: CONCURRENCY ?? 1 }, rows }, null, 2)}\n`);
console.log(`written ${out}`);
