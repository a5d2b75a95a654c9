/**
 * #17 item 11: how an ingest run is split (one run, or two runs over halves; a run killed and
 * resumed is the same) may change stories only where README says: inside a neighbourhood of
 * events (a week and 50 km apart, step by step, or reported by one article) that spans more than
 * REACH_DAYS or more than STORY_REACH_KM. Everywhere else the stories, ids included, are the same.
 * The articles: the benchmark's realistic news stream (deterministic), 400 articles over 100 days.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain JavaScript module of the benchmarks, without types
import { newsStream } from '../bench/news-stream.mjs';
import { dayNumber } from '../src/model/calendar.js';
import { distanceKm } from '../src/model/geo.js';
import type { MergedEvent, Story } from '../src/store/records.js';
import { openStore } from '../src/store/open-store.js';
import { REACH_DAYS, STORY_REACH_KM } from '../src/resolve/story-resolver.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const tmp = mkdtempSync(path.join(os.tmpdir(), 'sitrep-story-split-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function ingest(db: string, file: string): void {
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'sitrep.js'), 'ingest', '--quiet', '--db', db, file], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  expect(r.status, r.stderr).toBe(0);
}

async function read(db: string): Promise<{ events: MergedEvent[]; stories: Story[] }> {
  const store = await openStore(db);
  try {
    return { events: await store.listEvents({ includeBackground: true }), stories: await store.listStories() };
  } finally {
    await store.close();
  }
}

const isLocal = (e: MergedEvent): boolean => Boolean(e.location && e.location.geo_precision < 3);

/**
 * Neighbourhoods as README defines them (written here independently of the resolver): events a
 * week (storyDays) and 50 km apart, step by step; located events one article reports; an
 * unlocated event with the located events of its first article.
 */
function neighbourhoods(events: readonly MergedEvent[]): MergedEvent[][] {
  const parent = events.map((_, i) => i);
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x]!)));
  const union = (a: number, b: number): void => {
    parent[find(a)] = find(b);
  };
  const byArticle = new Map<string, number>();
  events.forEach((e, i) => {
    if (!isLocal(e)) return;
    for (const r of e.reports) {
      const j = byArticle.get(r.article_id);
      if (j === undefined) byArticle.set(r.article_id, i);
      else union(i, j);
    }
  });
  events.forEach((e, i) => {
    if (isLocal(e)) return;
    const j = byArticle.get(e.reports.map((r) => r.article_id).sort()[0] ?? '');
    if (j !== undefined) union(i, j);
  });
  events.forEach((e, i) => {
    events.forEach((f, j) => {
      if (j <= i || !e.date || !f.date || !e.location || !f.location) return;
      if (Math.abs(dayNumber(e.date) - dayNumber(f.date)) <= 7 && distanceKm(e.location, f.location) <= 50) union(i, j);
    });
  });
  const out = new Map<number, MergedEvent[]>();
  events.forEach((e, i) => out.set(find(i), [...(out.get(find(i)) ?? []), e]));
  return [...out.values()];
}

function isShort(n: readonly MergedEvent[]): boolean {
  const days = n.filter((e) => e.date).map((e) => dayNumber(e.date!));
  if (days.length > 0 && Math.max(...days) - Math.min(...days) > REACH_DAYS) return false;
  const located = n.filter((e) => e.location && e.location.lat !== null);
  return located.every((a) => located.every((b) => distanceKm(a.location!, b.location!) <= STORY_REACH_KM));
}

describe('stories and how an ingest run was split', () => {
  let one: Awaited<ReturnType<typeof read>>;
  let halves: Awaited<ReturnType<typeof read>>;
  beforeAll(async () => {
    const articles = [...(newsStream({ articles: 400, perDay: 4 }) as Iterable<unknown>)].map((a) => JSON.stringify(a));
    const all = path.join(tmp, 'all.jsonl');
    const first = path.join(tmp, 'first.jsonl');
    const second = path.join(tmp, 'second.jsonl');
    writeFileSync(all, `${articles.join('\n')}\n`);
    writeFileSync(first, `${articles.slice(0, 200).join('\n')}\n`);
    writeFileSync(second, `${articles.slice(200).join('\n')}\n`);
    ingest(path.join(tmp, 'one.db'), all);
    ingest(path.join(tmp, 'halves.db'), first);
    ingest(path.join(tmp, 'halves.db'), second);
    one = await read(path.join(tmp, 'one.db'));
    halves = await read(path.join(tmp, 'halves.db'));
  }, 300_000);

  it('stores the same events, and gives a story to the same ones', () => {
    expect(halves.events.map((e) => e.id)).toEqual(one.events.map((e) => e.id));
    const storied = (s: Story[]) => s.flatMap((x) => x.event_ids).sort();
    expect(storied(halves.stories)).toEqual(storied(one.stories));
  });

  it('gives the same story, same id, to every event of a neighbourhood no longer than the recomputed window', () => {
    const storyOf = (s: Story[]) => new Map(s.flatMap((x) => x.event_ids.map((id) => [id, x.id] as const)));
    const a = storyOf(one.stories);
    const b = storyOf(halves.stories);
    const hoods = neighbourhoods(one.events.filter((e) => !e.background));
    const short = hoods.filter(isShort);
    expect(short.length).toBeGreaterThan(10);
    for (const n of short) for (const e of n) expect(b.get(e.id), e.id).toBe(a.get(e.id));
  });
});
