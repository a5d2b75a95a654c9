#!/usr/bin/env node
// `npm run bench`: every benchmark in turn (each also runs alone: `node bench/<name>.mjs`).
// Not tests; numbers go to standard output and bench/out/*.json. A benchmark that cannot run here
// (no PostgreSQL server, no Chromium) says so and the others still run.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const benches = [
  ['extract.bench.mjs', 'extraction: articles/s on one core and peak memory (seed corpus x 5,000)'],
  ['startup.bench.mjs', 'start-up of extraction by stage (imports, wink model, packs, lexicon, context, first article) and sitrep extract on one article'],
  ['resolve.bench.mjs', 'ingest with cross-article merging: 10,000 articles, ms per article by thousand'],
  ['ingest.bench.mjs', 'ingest: SQLite and PostgreSQL with 1 and 2 workers, p50/p99 latency at 50 articles/s'],
  ['stream.bench.mjs', 'a realistic news stream, seed re-publication and 10,000 copies of one happening: ms per article by tenth (--full: 100,000 articles)'],
  ['web-50k.mjs', 'web page: first view over 50,000 events in headless Chromium'],
];
let failed = 0;
for (const [file, what] of benches) {
  if (only.length && !only.some((o) => file.startsWith(o))) continue;
  console.log(`\n== ${file}: ${what}`);
  const r = spawnSync(process.execPath, [join(here, file)], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    console.log(`(${file} exited ${r.status ?? r.signal})`);
  }
}
process.exitCode = failed ? 1 : 0;
