#!/usr/bin/env node
// Start-up of extraction (#14: `sitrep extract` on one article in ≤ 1.5 s with the world loaded),
// split by stage, each in a fresh process under the bin's Node flags, STARTUP_RUNS times (default
// 5; the median of each stage is printed): Node's own start, module imports (zod, wink-nlp, the
// wink English model's module, then Sitrep's modules), building the wink pipeline from the model,
// the packs, the lexicon, the extraction context (matchers and indexes), and the first article
// (the data read on first use: frames, trigger senses, casualty grammar, the date parser, the
// gazetteer parts the article names). Then `sitrep extract --format jsonl` on that one article,
// end to end as a user runs it (process start to exit). Writes bench/out/startup.json. Not a test.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SITREP_NODE_FLAGS } from './node-flags.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'bench', 'out');
const seeds = join(root, '..', 'shared', 'corpus', 'seeds.jsonl');

if (process.env.STARTUP_CHILD) {
  // Child: time each stage in order (a module imported once is not imported again).
  const ms = { node: performance.now() };
  let last = performance.now();
  const lap = (name) => {
    const now = performance.now();
    ms[name] = now - last;
    last = now;
  };
  await import('zod');
  lap('import_zod');
  await import('wink-nlp');
  lap('import_wink_nlp');
  await import('wink-eng-lite-web-model');
  lap('import_wink_model');
  const { analyzeText } = await import(join(root, 'dist', 'nlp', 'analyze-text.js'));
  const { loadPacks } = await import(join(root, 'dist', 'packs', 'load-packs.js'));
  const { loadLexicon } = await import(join(root, 'dist', 'extract', 'lexicon.js'));
  const { createExtractContext } = await import(join(root, 'dist', 'extract', 'create-extract-context.js'));
  const { processArticle } = await import(join(root, 'dist', 'pipeline', 'process-article.js'));
  const { readInputs } = await import(join(root, 'dist', 'ingest', 'read-inputs.js'));
  lap('import_sitrep');
  analyzeText('Start.');
  lap('wink_pipeline');
  const packs = loadPacks();
  lap('packs');
  loadLexicon();
  lap('lexicon');
  const ctx = createExtractContext(packs);
  lap('context');
  for await (const item of readInputs([process.env.STARTUP_CHILD], {})) if (item.kind === 'article') processArticle(item.article, ctx);
  lap('first_article');
  ms.total = performance.now();
  process.stdout.write(JSON.stringify(ms));
} else {
  mkdirSync(outDir, { recursive: true });
  const runs = Number(process.env.STARTUP_RUNS ?? 5);
  const one = join(outDir, 'startup-one-article.jsonl');
  writeFileSync(one, `${readFileSync(seeds, 'utf8').split('\n')[0]}\n`);
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const splits = [];
  const endToEnd = [];
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(process.execPath, [...SITREP_NODE_FLAGS, fileURLToPath(import.meta.url)], { encoding: 'utf8', env: { ...process.env, STARTUP_CHILD: one } });
    if (r.status !== 0) throw new Error(`start-up child failed: ${r.stderr}`);
    splits.push(JSON.parse(r.stdout));
    const t0 = process.hrtime.bigint();
    const e = spawnSync(process.execPath, [...SITREP_NODE_FLAGS, join(root, 'bin', 'sitrep.js'), 'extract', '--format', 'jsonl', one], { encoding: 'utf8' });
    if (e.status !== 0) throw new Error(`sitrep extract failed: ${e.stderr}`);
    endToEnd.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const stages = Object.keys(splits[0]);
  const result = { runs, median_ms: Object.fromEntries(stages.map((k) => [k, Math.round(median(splits.map((s) => s[k])))])), sitrep_extract_one_article_ms: { median: Math.round(median(endToEnd)), min: Math.round(Math.min(...endToEnd)), max: Math.round(Math.max(...endToEnd)) } };
  console.log(`start-up (median of ${runs} fresh processes, ms): ${stages.filter((k) => k !== 'total').map((k) => `${k} ${result.median_ms[k]}`).join(', ')}; total ${result.median_ms.total}`);
  console.log(`sitrep extract, one article, end to end: median ${result.sitrep_extract_one_article_ms.median} ms (min ${result.sitrep_extract_one_article_ms.min}, max ${result.sitrep_extract_one_article_ms.max})`);
  writeFileSync(join(outDir, 'startup.json'), JSON.stringify(result, null, 2) + '\n');
}
