#!/usr/bin/env node
// `npm run bench`: extraction throughput and peak memory over the seed corpus repeated to
// 5,000 articles, through the same code path as `sitrep extract --format jsonl` (read → clean →
// date → extract → serialise), on one core (Node runs it on one thread). Not a test.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withSitrepFlags } from './node-flags.mjs';

withSitrepFlags();

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const N = Number(process.env.BENCH_ARTICLES ?? 5000);
const seeds = readFileSync(join(root, '..', 'shared', 'corpus', 'seeds.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const outDir = join(root, 'bench', 'out');
mkdirSync(outDir, { recursive: true });
const input = join(outDir, `seeds-x${N}.jsonl`);
const lines = [];
for (let i = 0; i < N; i++) {
  const s = seeds[i % seeds.length];
  lines.push(JSON.stringify({ ...s, id: `${s.id}-${i}` }));
}
writeFileSync(input, lines.join('\n') + '\n');

const { readInputs } = await import(join(root, 'dist', 'ingest', 'read-inputs.js'));
const { createExtractContext } = await import(join(root, 'dist', 'extract', 'create-extract-context.js'));
const { processArticle } = await import(join(root, 'dist', 'pipeline', 'process-article.js'));

const t0 = performance.now();
const ctx = createExtractContext();
const tLoad = performance.now() - t0;
let articles = 0;
let events = 0;
let bytes = 0;
const t1 = performance.now();
for await (const item of readInputs([input], {})) {
  if (item.kind !== 'article') continue;
  const r = processArticle(item.article, ctx);
  bytes += JSON.stringify(r).length;
  articles++;
  events += r.events.length;
}
const secs = (performance.now() - t1) / 1000;
const peakMb = process.resourceUsage().maxRSS / 1024;
const result = {
  articles,
  events,
  seconds: Number(secs.toFixed(2)),
  articles_per_second: Math.round(articles / secs),
  startup_ms: Math.round(tLoad),
  peak_rss_mb: Math.round(peakMb),
  output_mb: Number((bytes / 1e6).toFixed(1)),
  node_flags: process.execArgv,
};
console.log(`extract: ${articles} articles in ${result.seconds} s = ${result.articles_per_second} articles/s on one core (node ${process.execArgv.join(" ")}); packs+lexicon load ${result.startup_ms} ms; peak RSS ${result.peak_rss_mb} MB; ${events} events`);
writeFileSync(join(outDir, 'extract.json'), JSON.stringify(result, null, 2) + '\n');
