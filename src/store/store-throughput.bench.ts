/**
 * Save throughput: 5,000 small extraction results (1 article + 3 events + 1 statement +
 * 1 diagnostic = 6 rows; ingest adds 2 merged events + 2 reports = 10 rows) on a temporary
 * SQLite file, one transaction per article, committed each or grouped.
 * Run with `npx vitest bench --run src/store`; one iteration = 5,000 articles.
 */
import path from 'node:path';
import { bench, describe } from 'vitest';
import type { ExtractionResult } from '../model/extraction.js';
import { ingestExtraction } from './ingest-extraction.js';
import { SqliteStore } from './sqlite/sqlite-store.js';
import { makeExtraction } from './testing/extraction-fixtures.js';
import { makeTempDir } from './testing/store-matrix.js';

const COUNT = 5000;
const results: ExtractionResult[] = Array.from({ length: COUNT }, (_, i) => makeExtraction(`bench-${i}`));

async function timed(label: string, groupCommit: number, rowsPerArticle: number, save: (store: SqliteStore, r: ExtractionResult) => Promise<unknown>): Promise<void> {
  const tmp = makeTempDir();
  const store = SqliteStore.open(path.join(tmp.dir, 'bench.db'), { groupCommit });
  await store.migrate();
  const start = performance.now();
  for (const r of results) await save(store, r);
  await store.close();
  const s = (performance.now() - start) / 1000;
  tmp.remove();
  console.log(`${label}: ${COUNT} articles in ${(s * 1000).toFixed(0)} ms = ${Math.round(COUNT / s)} articles/s, ${Math.round((COUNT * rowsPerArticle) / s)} rows/s`);
}

const once = { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 };
const save = (s: SqliteStore, r: ExtractionResult): Promise<unknown> => s.saveExtraction(r, { contentHash: 'h' });
const ingest = (s: SqliteStore, r: ExtractionResult): Promise<unknown> => ingestExtraction(s, r, 'h');

describe('store throughput (temp file, 5,000 articles)', () => {
  bench('saveExtraction, commit per article', () => timed('save, commit each', 1, 6, save), once);
  bench('saveExtraction, group commit 64', () => timed('save, group 64', 64, 6, save), once);
  bench('ingestExtraction (save + identity merge), commit per article', () => timed('ingest, commit each', 1, 10, ingest), once);
  bench('ingestExtraction (save + identity merge), group commit 64', () => timed('ingest, group 64', 64, 10, ingest), once);
});
