#!/usr/bin/env node
// Takes the README screenshot: the page over a store filled from ../shared/corpus/seeds.jsonl
// (with `sitrep ingest`), map, timeline and event list (no article text in the picture). Needs `npm run build` and /usr/bin/chromium.
// Usage: node bench/web-screenshot.mjs [OUT.png]   (default docs/screenshot.png)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../dist/api/start-server.js';
import { openStore } from '../dist/store/open-store.js';

const out = process.argv[2] ?? 'docs/screenshot.png';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-shot-'));
const db = path.join(dir, 'seeds.db');
execFileSync(process.execPath, ['bin/sitrep.js', 'ingest', '--db', db, path.join('..', 'shared', 'corpus', 'seeds.jsonl')], { stdio: ['ignore', 'ignore', 'inherit'] });
const store = await openStore(db);
const server = await startServer({ store, port: 0 });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  await page.goto(`${server.url}/`);
  await page.waitForSelector('body[data-ready="1"]');
  // The events list, not a dossier: a dossier shows third-party article text, which must not be
  // committed (a screenshot is a copy too).
  fs.mkdirSync(path.dirname(out), { recursive: true });
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await server.close();
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
