#!/usr/bin/env node
// Stream benchmark (not a test; needs `npm run build` first; PostgreSQL parts need a server):
// does ingest stay fast on a real news stream? Three streams, each ingested with the full
// resolver through what `sitrep ingest` runs (extraction threads, group commit, story passes):
// - realistic: bench/news-stream.mjs (several theatres, daily events in the same districts, 1-30
//   reports per event, syndicated copies, follow-ups with revised tolls, background paragraphs);
//   BENCH_ARTICLES articles (default 20,000; the acceptance size is 100,000: `--full`), into
//   SQLite and into PostgreSQL through the queue with 1 and with 2 `sitrep worker`s;
// - seeds: the five seed articles re-published one a day with new ids and dates (600);
// - copies: 10,000 copies (distinct ids) of one report of one happening.
// For each run: ms per article by tenth of the stream (and the ratio of the last tenth to the
// second), articles/s, peak RSS, store size, and the longest story (days) with a check that none
// is longer than 90 days. BENCH_PARTS picks runs (comma-separated: sqlite, api, pg1, pg2,
// seeds, copies; default all; api: stories per article, as POST /api/articles and `sitrep serve`), BENCH_MAX_SECONDS stops a run that takes longer (default 1200: the
// "before" runs did not finish), BENCH_PER_DAY sets the realistic stream's density (default
// 200 articles a day). Prints a table and writes bench/out/stream-<date>.json.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { SITREP_NODE_FLAGS, withSitrepFlags } from './node-flags.mjs';
import { rawArticle } from './lib/raw-article.mjs';
import { newsStream, oneHappening, seedRepublication } from './news-stream.mjs';
import { freshDatabase } from './lib/fresh-database.mjs';
import { hwmMb } from './lib/peak-memory.mjs';

withSitrepFlags();

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => import(join(root, 'dist', p));
const FULL = process.argv.includes('--full');
const N = Number(process.env.BENCH_ARTICLES ?? (FULL ? 100_000 : 20_000));
const PER_DAY = Number(process.env.BENCH_PER_DAY ?? 200);
const MAX_SECONDS = Number(process.env.BENCH_MAX_SECONDS ?? 1200);
const PARTS = new Set((process.env.BENCH_PARTS ?? 'sqlite,api,pg1,pg2,seeds,copies').split(','));
const PG_URL = process.env.PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const MAX_STORY_DAYS = 90;

const { openStore } = await dist('store/open-store.js');
const { createResolver } = await dist('resolve/create-resolver.js');
const { loadPacks } = await dist('packs/load-packs.js');
const { ArticleQueue } = await dist('queue/article-queue.js');
const { ingestItems } = await dist('pipeline/ingest-items.js');
const { threadExtractor, defaultExtractThreads } = await dist('pipeline/thread-extractor.js');
const { INGEST_STORE_OPTIONS } = await dist('cli/commands/ingest.js');
const THREADS = defaultExtractThreads();

const raw = rawArticle;
const seeds = readFileSync(join(root, '..', 'shared', 'corpus', 'seeds.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const STREAMS = {
  realistic: () => newsStream({ articles: N, perDay: PER_DAY }),
  seeds: () => seedRepublication(seeds, 600),
  copies: () => oneHappening(10_000),
};
const COUNTS = { realistic: N, seeds: 600, copies: 10_000 };

const round = (x, d = 2) => (x === null || x === undefined || !Number.isFinite(x) ? null : Math.round(x * 10 ** d) / 10 ** d);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const daysBetween = (a, b) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);

/** ms per article in each tenth of `ends` (completion times in ms, in order), and what they say. */
function byTenth(ends, t0) {
  const tenths = [];
  const n = ends.length;
  let prev = t0;
  for (let k = 1; k <= 10; k++) {
    const last = Math.floor((k * n) / 10) - 1;
    const first = Math.floor(((k - 1) * n) / 10);
    if (last < first) continue;
    tenths.push(round((ends[last] - prev) / (last - first + 1)));
    prev = ends[last];
  }
  return tenths;
}

/** Longest story (days from first to last date) and how many are longer than MAX_STORY_DAYS. */
function storySpans(stories) {
  let longest = 0;
  let over = 0;
  for (const s of stories) {
    if (!s.first_date || !s.last_date) continue;
    const d = daysBetween(s.first_date, s.last_date);
    longest = Math.max(longest, d);
    if (d > MAX_STORY_DAYS) over++;
  }
  return { stories: stories.length, longest_story_days: longest, stories_over_90_days: over };
}

function summary(name, store, ends, t0, extra) {
  const n = ends.length;
  const tenths = byTenth(ends, t0);
  const secs = (ends.at(-1) - t0) / 1000;
  // Halves (the seed stream's criterion) and the first and last thousand (the copies').
  const half = Math.floor(n / 2);
  const halves = n >= 2 ? [(ends[half - 1] - t0) / 1000, (ends[n - 1] - ends[half - 1]) / 1000] : [null, null];
  const k = Math.min(1000, Math.floor(n / 2));
  const thousands = k > 0 ? [(ends[k - 1] - t0) / k, (ends[n - 1] - ends[n - 1 - k]) / k] : [null, null];
  return {
    stream: name, store, articles: n, of: COUNTS[name], seconds: round(secs, 1), articles_per_s: round(n / secs, 1),
    ms_per_article_by_tenth: tenths, last_over_second_tenth: round(tenths[9] / tenths[1]),
    halves_s: halves.map((x) => round(x, 1)), second_over_first_half: round(halves[1] / halves[0]),
    first_last_thousand_ms: thousands.map((x) => round(x)), last_over_first_thousand: round(thousands[1] / thousands[0]),
    ...extra,
  };
}

async function runSqlite(name, perArticleStories = false) {
  const extractor = threadExtractor(THREADS);
  const resolver = createResolver(loadPacks());
  const dir = mkdtempSync(join(os.tmpdir(), 'sitrep-stream-'));
  const file = join(dir, 'stream.db');
  const store = await openStore(file, INGEST_STORE_OPTIONS);
  const ends = [];
  const start = performance.now();
  let stopped = false;
  function* items() {
    for (const a of STREAMS[name]()) {
      if (performance.now() - start > MAX_SECONDS * 1000) {
        stopped = true;
        return;
      }
      yield { kind: 'article', article: raw(a) };
    }
  }
  let lastLog = start;
  const counts = await ingestItems(items(), {
    store, extractor, resolver,
    // Stories per article, in the article's transaction: what POST /api/articles and `sitrep serve` do.
    ...(perArticleStories ? { storyBatch: 1 } : {}),
    onStep: (step) => {
      if (step.kind !== 'stored') return;
      const now = performance.now();
      ends.push(now);
      if (process.env.BENCH_VERBOSE && now - lastLog > 10_000) {
        lastLog = now;
        console.error(`${name} sqlite: ${ends.length} articles, ${(ends.length / ((now - start) / 1000)).toFixed(1)}/s`);
      }
    },
  });
  await store.flush();
  // Timed from the first article stored: thread start-up and pack loading are not the stream's cost.
  const t0 = ends.shift();
  const peak = Math.round(process.resourceUsage().maxRSS / 1024);
  const events = await store.countEvents({ includeBackground: true });
  const spans = storySpans(await store.listStories());
  await Promise.all([store.close(), extractor.close()]);
  const size = ['', '-wal'].map((s) => (existsSync(file + s) ? statSync(file + s).size : 0)).reduce((a, b) => a + b, 0);
  rmSync(dir, { recursive: true, force: true });
  return summary(name, perArticleStories ? 'sqlite, stories per article' : 'sqlite', ends, t0, { workers: 1, stopped_at_time_limit: stopped, failed: counts.failed, events, ...spans, peak_rss_mb: peak, store_mb: round(size / 1048576, 1) });
}


async function runPostgres(name, workers) {
  const db = await freshDatabase(PG_URL, 'sitrep_stream');
  try {
    await (await openStore(db.url)).close();
    const queue = await ArticleQueue.start(db.url, { supervise: false });
    let procs = [];
    try {
      let batch = [];
      for (const a of STREAMS[name]()) {
        batch.push(raw(a));
        if (batch.length === 500) {
          await queue.enqueue(batch);
          batch = [];
        }
      }
      if (batch.length) await queue.enqueue(batch);
      procs = Array.from({ length: workers }, () => spawn(process.execPath, [...SITREP_NODE_FLAGS, join(root, 'bin', 'sitrep.js'), 'worker', '--batch-size', '8'], {
        env: { ...process.env, SITREP_DB: db.url, SITREP_RESOLVER: 'default', SITREP_LOG_LEVEL: process.env.BENCH_WORKER_LOG ?? 'warn' },
        stdio: ['ignore', 'ignore', 'inherit'],
      }));
      const c = new pg.Client({ connectionString: db.url });
      await c.connect();
      const total = COUNTS[name];
      const tStart = Date.now();
      let peak = 0;
      let stopped = false;
      for (;;) {
        const { rows } = await c.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'sitrep-articles' AND state IN ('completed', 'failed')`);
        for (const p of procs) peak = Math.max(peak, hwmMb(p.pid) ?? 0);
        if (rows[0].n >= total) break;
        if (Date.now() - tStart > MAX_SECONDS * 1000) {
          stopped = true;
          break;
        }
        if (process.env.BENCH_VERBOSE) console.error(`${name} pg${workers}: ${rows[0].n} jobs done`);
        await sleep(2000);
      }
      await Promise.all(procs.map((p) => new Promise((r) => { p.on('exit', r); p.kill('SIGTERM'); })));
      procs = [];
      // Jobs in completion order (database clock); time from the first job's start.
      const jobs = (await c.query(`SELECT extract(epoch FROM started_on) * 1000 AS started, extract(epoch FROM completed_on) * 1000 AS completed, state FROM pgboss.job WHERE name = 'sitrep-articles' AND state = 'completed' ORDER BY completed_on`)).rows;
      const failed = (await c.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'sitrep-articles' AND state = 'failed'`)).rows[0].n;
      const size = (await c.query('SELECT pg_database_size(current_database())::bigint AS b')).rows[0].b;
      await c.end();
      const t0 = Math.min(...jobs.map((j) => Number(j.started)));
      const ends = jobs.map((j) => Number(j.completed));
      const store = await openStore(db.url);
      const events = await store.countEvents({ includeBackground: true });
      const spans = storySpans(await store.listStories());
      await store.close();
      return summary(name, 'postgres', ends, t0, { workers, stopped_at_time_limit: stopped, failed, events, ...spans, peak_rss_mb: peak, store_mb: round(Number(size) / 1048576, 1) });
    } finally {
      for (const p of procs) p.kill('SIGKILL');
      await queue.stop();
    }
  } finally {
    await db.drop();
  }
}

const rows = [];
const run = async (label, fn) => {
  console.error(`running ${label}...`);
  const r = await fn();
  console.error(JSON.stringify(r));
  rows.push(r);
};
if (PARTS.has('sqlite')) await run('realistic sqlite', () => runSqlite('realistic'));
if (PARTS.has('api')) await run('realistic sqlite, stories per article', () => runSqlite('realistic', true));
if (PARTS.has('seeds')) await run('seeds sqlite', () => runSqlite('seeds'));
if (PARTS.has('copies')) await run('copies sqlite', () => runSqlite('copies'));
if (PARTS.has('pg1')) await run('realistic pg 1 worker', () => runPostgres('realistic', 1));
if (PARTS.has('pg2')) await run('realistic pg 2 workers', () => runPostgres('realistic', 2));

const header = ['stream', 'store', 'workers', 'articles', 'articles/s', 'ms/article by tenth', 'last/2nd', 'longest story d', '>90 d', 'peak RSS MB', 'store MB'];
const cells = rows.map((r) => [r.stream, r.store, r.workers, `${r.articles}${r.articles < r.of - 1 ? ` of ${r.of}` : ''}`, r.articles_per_s, r.ms_per_article_by_tenth.join(' '), r.last_over_second_tenth, r.longest_story_days, r.stories_over_90_days, r.peak_rss_mb, r.store_mb].map(String));
const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
const line = (c) => c.map((x, i) => x.padEnd(widths[i])).join('  ');
console.log([line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n'));
for (const r of rows) {
  if (r.stream === 'seeds') console.log(`seeds: first 300 in ${r.halves_s[0]} s, second 300 in ${r.halves_s[1]} s (ratio ${r.second_over_first_half}, target <= 1.5); ${r.articles_per_s}/s (target >= 40)`);
  if (r.stream === 'copies') console.log(`copies: first thousand ${r.first_last_thousand_ms[0]} ms/article, last ${r.first_last_thousand_ms[1]} (ratio ${r.last_over_first_thousand}, target <= 1.5)`);
  if (r.stream === 'realistic') console.log(`realistic ${r.store} ${r.workers}: last tenth / second tenth ${r.last_over_second_tenth} (target <= 1.3), ${r.articles_per_s}/s`);
  if (r.stories_over_90_days > 0) console.log(`CHECK FAILED: ${r.stream} ${r.store}: ${r.stories_over_90_days} stories longer than ${MAX_STORY_DAYS} days (longest ${r.longest_story_days})`);
}
const outDir = join(root, 'bench', 'out');
mkdirSync(outDir, { recursive: true });
const out = join(outDir, `stream-${new Date().toISOString().slice(0, 10)}.json`);
writeFileSync(out, `${JSON.stringify({ machine: { cpus: os.cpus().length, node: process.version }, articles: N, per_day: PER_DAY, threads: THREADS, rows }, null, 2)}\n`);
console.log(`written ${out}`);
process.exitCode = rows.some((r) => r.stories_over_90_days > 0) ? 1 : 0;
