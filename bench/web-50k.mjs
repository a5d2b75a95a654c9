#!/usr/bin/env node
// Web bench: a 50,000-event synthetic store over the theatre, served locally, loaded in Debian's
// Chromium; reports the first-view time (navigation → map, timeline and list drawn). Target < 2 s.
// Needs `npm run build` and /usr/bin/chromium. Usage: node bench/web-50k.mjs [EVENTS]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../dist/api/start-server.js';
import { fillSyntheticStore } from '../dist/api/testing/synthetic-store.js';
import { SqliteStore } from '../dist/store/sqlite/sqlite-store.js';

const N = Number(process.argv[2] ?? 50_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-web-bench-'));
const t0 = performance.now();
const store = SqliteStore.open(path.join(dir, 'bench.db'));
await store.migrate();
await fillSyntheticStore(store, { events: N });
console.log(`store: ${N} events in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
const server = await startServer({ store, port: 0 });

for (const route of ['/api/summary?cell=0.2', '/api/events?limit=50', '/api/events?limit=50&side=AZE&ceasefire=true&bbox=45,39,47,40.5']) {
  const s = performance.now();
  const res = await fetch(server.url + route);
  const bytes = (await res.arrayBuffer()).byteLength;
  console.log(`GET ${route}: ${res.status}, ${(performance.now() - s).toFixed(0)} ms, ${(bytes / 1024).toFixed(0)} KB`);
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const times = [];
try {
  for (let run = 0; run < 3; run++) {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const start = performance.now();
    await page.goto(`${server.url}/`);
    await page.waitForSelector('body[data-ready="1"]', { timeout: 30_000 });
    const ms = performance.now() - start;
    times.push(ms);
    const markers = await page.locator('#map circle.marker').count();
    const items = await page.locator('#event-list li').count();
    console.log(`first view run ${run + 1}: ${ms.toFixed(0)} ms (${markers} map clusters, ${items} list items)`);
    if (run === 0) {
      fs.mkdirSync('screenshots', { recursive: true });
      await page.screenshot({ path: 'screenshots/web-50k.png' });
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
const best = Math.min(...times);
const worst = Math.max(...times);
console.log(`first view with ${N} events: best ${best.toFixed(0)} ms, worst ${worst.toFixed(0)} ms (target < 2000 ms): ${worst < 2000 ? 'PASS' : 'FAIL'}`);
process.exitCode = worst < 2000 ? 0 : 1;
