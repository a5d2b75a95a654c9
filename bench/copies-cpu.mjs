#!/usr/bin/env node
// CPU per article of the copies stream (bench/stream.bench.mjs's 'copies': copies with distinct
// ids of one report of one happening), in one thread (extraction inline), by 250 articles: the
// process's user + system time, which a loaded machine changes less than wall time, so two
// builds can be compared in the same hour. Needs `npm run build`.
// Usage: node bench/copies-cpu.mjs [ARTICLES (default 1500)] [ROOT of another checkout to measure, default this one]
// BENCH_STREAM=realistic measures the realistic stream (bench/news-stream.mjs, 200 articles a day) the same way.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withSitrepFlags } from './node-flags.mjs';
import { rawArticle } from './lib/raw-article.mjs';

withSitrepFlags();
const N = Number(process.argv[2] ?? 1500);
const root = resolve(process.argv[3] ?? join(dirname(fileURLToPath(import.meta.url)), '..'));
const { oneHappening, newsStream } = await import(join(root, 'bench/news-stream.mjs'));
const stream = process.env.BENCH_STREAM === 'realistic' ? () => newsStream({ articles: N, perDay: 200 }) : () => oneHappening(N);
const d = (p) => import(join(root, 'dist', p));
const { openStore } = await d('store/open-store.js');
const { createResolver } = await d('resolve/create-resolver.js');
const { loadPacks } = await d('packs/load-packs.js');
const { ingestItems } = await d('pipeline/ingest-items.js');
const { inlineExtractor } = await d('pipeline/extractor.js');
const { INGEST_STORE_OPTIONS } = await d('cli/commands/ingest.js');
const raw = rawArticle;
const dir = mkdtempSync(join(os.tmpdir(), 'sitrep-cpu-'));
const store = await openStore(join(dir, 's.db'), INGEST_STORE_OPTIONS);
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const marks = [];
let n = 0;
function* items() { for (const a of stream()) yield { kind: 'article', article: raw(a) }; }
await ingestItems(items(), { store, extractor: inlineExtractor(), resolver: createResolver(loadPacks()), onStep: (s) => { if (s.kind === 'stored') { n++; if (n % 250 === 0 || n === 1) marks.push([n, cpu(), performance.now()]); } } });
await store.close();
rmSync(dir, { recursive: true, force: true });
const rows = [];
for (let i = 1; i < marks.length; i++) rows.push(`${marks[i - 1][0]}-${marks[i][0]}: ${((marks[i][1] - marks[i - 1][1]) / (marks[i][0] - marks[i - 1][0])).toFixed(1)} ms CPU/article (${((marks[i][2] - marks[i - 1][2]) / (marks[i][0] - marks[i - 1][0])).toFixed(1)} wall)`);
console.log(rows.join('\n'));
