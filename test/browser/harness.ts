/**
 * Browser-test helpers: Debian's Chromium (apt-get install chromium) driven by playwright-core,
 * and a server over a store filled from the seed corpus in ../shared (read at test time, never
 * copied into the repository).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { startServer, type RunningServer } from '../../src/api/start-server.js';
import { createExtractContext } from '../../src/extract/create-extract-context.js';
import { readInputs } from '../../src/ingest/read-inputs.js';
import { EXTRACTOR_VERSION, processArticle } from '../../src/pipeline/process-article.js';
import { contentHash } from '../../src/store/content-hash.js';
import { ingestExtraction } from '../../src/store/ingest-extraction.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';

export const CHROMIUM = '/usr/bin/chromium';
export const HAS_CHROMIUM = fs.existsSync(CHROMIUM);
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SEEDS = path.resolve(REPO_ROOT, '..', 'shared', 'corpus', 'seeds.jsonl');
/** Git-ignored. */
export const SCREENSHOTS = path.join(REPO_ROOT, 'screenshots');

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Launches the system Chromium. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/** A migrated in-memory store with the seed corpus ingested the way `sitrep ingest` does it. */
export async function seedStore(): Promise<SqliteStore> {
  const store = SqliteStore.open(':memory:');
  await store.migrate();
  const ctx = createExtractContext();
  const versions = { extractor: EXTRACTOR_VERSION, ...ctx.versions };
  for await (const item of readInputs([SEEDS])) {
    if (item.kind !== 'article') continue;
    const result = processArticle(item.article, ctx);
    await ingestExtraction(store, result, contentHash(item.article, versions));
  }
  return store;
}

export type { Browser, RunningServer };
export { startServer };
