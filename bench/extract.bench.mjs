#!/usr/bin/env node
// `npm run bench`: extraction throughput and peak memory through the same code path as
// `sitrep extract --format jsonl` (read → clean → date → extract → serialise), on one core (Node
// runs it on one thread), over two corpora: the seed corpus repeated to 5,000 articles and the
// development corpus (../shared/corpus/dev, ~150 articles of 20+ conflicts) repeated to 3,000.
// Each corpus runs in its own process, so each peak RSS is its own. Not a test.
// Prints articles per wall-clock second and per CPU second of the process (steadier under load).
// BENCH_ARTICLES sets the seed count (the dev count is 3/5 of it); BENCH_CORPUS=seeds|dev runs one.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withSitrepFlags } from './node-flags.mjs';

withSitrepFlags();

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'bench', 'out');
mkdirSync(outDir, { recursive: true });
const N = Number(process.env.BENCH_ARTICLES ?? 5000);
const corpora = {
  seeds: { file: join(root, '..', 'shared', 'corpus', 'seeds.jsonl'), n: N },
  dev: { file: join(root, '..', 'shared', 'corpus', 'dev', 'articles.jsonl'), n: Math.round((N * 3) / 5) },
};
const which = process.env.BENCH_ONE;

if (!which) {
  // Parent: one child process per corpus, then one JSON with both.
  const wanted = process.env.BENCH_CORPUS ? [process.env.BENCH_CORPUS] : Object.keys(corpora);
  const results = {};
  for (const name of wanted) {
    const r = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', env: { ...process.env, BENCH_ONE: name } });
    process.stdout.write(r.stdout);
    if (r.status !== 0) process.exit(r.status ?? 1);
    results[name] = JSON.parse(readFileSync(join(outDir, `extract-${name}.json`), 'utf8'));
  }
  writeFileSync(join(outDir, 'extract.json'), JSON.stringify(results, null, 2) + '\n');
} else {
  const { file, n } = corpora[which];
  const source = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const input = join(outDir, `${which}-x${n}.jsonl`);
  const lines = [];
  for (let i = 0; i < n; i++) {
    const s = source[i % source.length];
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
  let inBytes = 0;
  const t1 = performance.now();
  const cpu0 = process.cpuUsage();
  for await (const item of readInputs([input], {})) {
    if (item.kind !== 'article') continue;
    const r = processArticle(item.article, ctx);
    bytes += JSON.stringify(r).length;
    inBytes += item.article.text?.length ?? 0;
    articles++;
    events += r.events.length;
  }
  const secs = (performance.now() - t1) / 1000;
  // CPU time of this process (user + system): steadier than the wall clock when other work shares the cores.
  const cpu = process.cpuUsage(cpu0);
  const cpuSecs = (cpu.user + cpu.system) / 1e6;
  const peakMb = process.resourceUsage().maxRSS / 1024;
  const result = {
    corpus: which,
    articles,
    events,
    seconds: Number(secs.toFixed(2)),
    articles_per_second: Math.round(articles / secs),
    cpu_seconds: Number(cpuSecs.toFixed(2)),
    articles_per_cpu_second: Math.round(articles / cpuSecs),
    mean_article_kb: Number((inBytes / articles / 1024).toFixed(1)),
    startup_ms: Math.round(tLoad),
    peak_rss_mb: Math.round(peakMb),
    output_mb: Number((bytes / 1e6).toFixed(1)),
    node_flags: process.execArgv,
  };
  console.log(`extract (${which}): ${articles} articles (${result.mean_article_kb} KB on average) in ${result.seconds} s = ${result.articles_per_second} articles/s on one core (${result.articles_per_cpu_second} per CPU second; node ${process.execArgv.join(' ')}); packs+lexicon load ${result.startup_ms} ms; peak RSS ${result.peak_rss_mb} MB; ${events} events`);
  writeFileSync(join(outDir, `extract-${which}.json`), JSON.stringify(result, null, 2) + '\n');
}
