#!/usr/bin/env node
// Ingest (store + cross-article merging) of 10,000 articles made from the seed corpus with varied
// dates and places, into a fresh SQLite file; prints the time per article for each thousand so the
// first and last thousand can be compared (merging must stay flat as the store grows). The articles
// are already extracted (extraction is measured by extract.bench.mjs). Not a test.
// BENCH_PROFILE_FROM=n writes a CPU profile of the articles from n on to bench/out/resolve.cpuprofile
// (started late so that it shows what costs more as the store grows, not the warm-up).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withSitrepFlags } from './node-flags.mjs';
import { rawArticle } from './lib/raw-article.mjs';

withSitrepFlags();

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const N = Number(process.env.BENCH_ARTICLES ?? 10_000);
const STEP = Number(process.env.BENCH_STEP ?? 1000);
const dist = (p) => import(join(root, 'dist', p));
const { createExtractContext } = await dist('extract/create-extract-context.js');
const { processArticle } = await dist('pipeline/process-article.js');
const { loadPacks } = await dist('packs/load-packs.js');
const { createResolver } = await dist('resolve/create-resolver.js');
const { ingestExtraction } = await dist('store/ingest-extraction.js');
const { openStore } = await dist('store/open-store.js');

const ctx = createExtractContext();
const packs = loadPacks();
const seeds = readFileSync(join(root, '..', 'shared', 'corpus', 'seeds.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const extracted = seeds.map((o) => processArticle(rawArticle(o), ctx));
// Villages and towns of the theatre to move events around.
// (the seeds' theatre by id: packs are sorted by id and more theatres came before it)
const places = packs.theatres.find((t) => t.id === 'nagorno-karabakh').places.filter((p) => p.kind === 'village' || p.kind === 'town').slice(0, 2000);

// Deterministic pseudo-random numbers (mulberry32), so every run ingests the same articles.
let seed = 42;
const rand = () => { seed = (seed + 0x6d2b79f5) | 0; let t = Math.imul(seed ^ (seed >>> 15), 1 | seed); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
const shift = (date, days) => (date ? new Date(Date.parse(date) + days * 86_400_000).toISOString().slice(0, 10) : date);
const outlets = ['Wire A', 'Wire B', 'Daily C', 'Agency D', 'Monitor E', null];

// The seed articles were published on different dates (up to 20 months apart). Each is moved so
// that its publication date falls on "now" of the stream; without that (BENCH_ALIGN=0, the stream
// of earlier runs) the seeds form three streams months apart, and once the main one reaches the
// dates another covered at the start (about article 4,200), the reports around "now" are ~30%
// denser and every article costs more, whatever the store's size.
const align = process.env.BENCH_ALIGN !== '0';
const anchor = Date.parse(extracted[0].article.published);
const offsets = extracted.map((x) => (align ? Math.round((anchor - Date.parse(x.article.published)) / 86_400_000) : 0));

function variant(i) {
  const base = extracted[i % extracted.length];
  // A stream: articles arrive in rough date order (7 a day, reporting events of the last ten
  // days), so the store grows while the density of reports around "now" stays that of a busy desk.
  const days = Math.floor(i / 7) - Math.floor(rand() * 10) - 1500 + offsets[i % extracted.length];
  const place = places[Math.floor(rand() * places.length)];
  const move = (loc) => (loc && loc.geo_precision < 3 ? { ...loc, name: place.name, source_text: place.name, lat: place.lat, lon: place.lon } : loc);
  return {
    ...base,
    article: { ...base.article, id: `bench-${i}`, outlet: outlets[i % outlets.length], published: shift(base.article.published, days) },
    events: base.events.map((e) => ({ ...e, date: shift(e.date, days), location: move(e.location) })),
  };
}

const outDir = join(root, 'bench', 'out');
mkdirSync(outDir, { recursive: true });
const dbFile = join(outDir, 'resolve-bench.db');
rmSync(dbFile, { force: true });
rmSync(`${dbFile}-wal`, { force: true });
const store = await openStore(dbFile);
const resolver = createResolver(packs);
const perThousand = [];
const profileFrom = process.env.BENCH_PROFILE_FROM === undefined ? null : Number(process.env.BENCH_PROFILE_FROM);
let session = null;
let t = performance.now();
const t0 = t;
for (let i = 0; i < N; i++) {
  if (i === profileFrom) {
    const { Session } = await import('node:inspector/promises');
    session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  await ingestExtraction(store, variant(i), `h${i}`, { resolver });
  if ((i + 1) % STEP === 0) {
    const now = performance.now();
    perThousand.push(Number(((now - t) / STEP).toFixed(2)));
    if (process.env.BENCH_VERBOSE) console.log(`${i + 1}: ${((now - t) / STEP).toFixed(2)} ms/article`);
    t = now;
  }
}
if (session) {
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(join(outDir, 'resolve.cpuprofile'), JSON.stringify(profile));
  session.disconnect();
}
const events = await store.countEvents();
const storyList = await store.listStories();
const stories = storyList.length;
// Stories: located events without one (should be none), and the largest story.
const located = await store.listEvents({ includeBackground: true });
const noStory = located.filter((e) => e.story_id === null).length;
const noStoryLocated = located.filter((e) => e.story_id === null && e.location && e.location.geo_precision < 3).length;
const largest = storyList.reduce((a, s) => (a === null || s.event_ids.length > a.event_ids.length ? s : a), null);
await store.close();
const secs = (performance.now() - t0) / 1000;
const result = { articles: N, aligned: align, seconds: Number(secs.toFixed(1)), articles_per_second: Math.round(N / secs), ms_per_article_by_thousand: perThousand, first_thousand_ms: perThousand[0], last_thousand_ms: perThousand.at(-1), events, stories, events_without_story: noStory, located_events_without_story: noStoryLocated, largest_story: largest ? { events: largest.event_ids.length, first_date: largest.first_date, last_date: largest.last_date } : null, peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024) };
console.log(`ingest+resolve${align ? '' : ' (BENCH_ALIGN=0)'}: ${N} articles in ${result.seconds} s (${result.articles_per_second}/s); ms per article by thousand: ${perThousand.join(' ')}; first ${result.first_thousand_ms} ms, last ${result.last_thousand_ms} ms; ${events} events, ${stories} stories; ${noStory} events without a story (${noStoryLocated} located); largest story ${largest ? `${largest.event_ids.length} events, ${largest.first_date} to ${largest.last_date}` : 'none'}; peak RSS ${result.peak_rss_mb} MB`);
writeFileSync(join(outDir, 'resolve.json'), JSON.stringify(result, null, 2) + '\n');
