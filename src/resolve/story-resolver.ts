/**
 * Stories: developing situations that group events (a week of clashes around one corridor).
 * Two events belong to one story when they are at most `storyDays` apart and either near each
 * other or in the same theatre; stories are the connected components of that relation over the
 * stored events, so they too do not depend on arrival order.
 */
import { createHash } from 'node:crypto';
import { distanceKm } from '../model/geo.js';
import { shiftDay } from '../model/calendar.js';
import type { MergedEvent, StoryRecord } from '../store/records.js';
import type { StoryChange, Store } from '../store/store.js';
import { clusterStories, storyTitle as clusterTitle, type StoryItem } from './stories/index.js';

/** What story clustering reads of an article: the evidence, places and sides of the events it reports. */
function articleItems(events: readonly MergedEvent[]): StoryItem[] {
  const byArticle = new Map<string, { dates: string[]; text: string[]; places: StoryItem['places'][]; actors: string[]; types: string[] }>();
  for (const e of events) {
    for (const r of e.reports) {
      const a = byArticle.get(r.article_id) ?? { dates: [], text: [], places: [], actors: [], types: [] };
      if (e.date) a.dates.push(e.date);
      for (const s of e.evidence) if ((s as { article_id?: string }).article_id === r.article_id) a.text.push(s.text);
      const l = e.location;
      if (l && l.lat !== null && l.lon !== null) a.places.push([{ lat: l.lat, lon: l.lon, name: l.name, admin: l.admin2 ?? l.admin1 }]);
      for (const side of [e.actor1?.side, e.actor2?.side]) if (side) a.actors.push(side);
      a.types.push(e.sub_event_type);
      byArticle.set(r.article_id, a);
    }
  }
  return [...byArticle.entries()].map(([id, a]) => ({
    id,
    date: a.dates.sort()[0] ?? null,
    text: [...new Set(a.text)].join(' '),
    places: a.places.flatMap((p) => p ?? []),
    actors: [...new Set(a.actors)].sort(),
    type: a.types.sort()[0] ?? null,
  }));
}

/** Splits nearby events into stories along the article clusters that report them. */
function splitByArticleClusters(events: readonly MergedEvent[]): MergedEvent[][] {
  const items = articleItems(events);
  if (items.length <= 1) return [[...events]];
  const groups = clusterStories(items);
  const groupOf = new Map<string, number>();
  groups.forEach((ids, i) => ids.forEach((id) => groupOf.set(id, i)));
  // Union-find over groups: an event reported by articles of two groups joins them.
  const parent = groups.map((_, i) => i);
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x]!)));
  for (const e of events) {
    if (!isLocal(e)) continue;
    const gs = e.reports.map((r) => groupOf.get(r.article_id)).filter((g): g is number => g !== undefined);
    for (const g of gs.slice(1)) parent[find(g)] = find(gs[0]!);
  }
  const out = new Map<number, MergedEvent[]>();
  for (const e of events) {
    // An event goes with the articles of its canonical (first) report.
    const g = groupOf.get([...e.reports].map((r) => r.article_id).sort()[0] ?? '');
    const key = g === undefined ? -1 - out.size : find(g);
    out.set(key, [...(out.get(key) ?? []), e]);
  }
  return [...out.values()];
}

/** A located event (town, village, area): one that can tie articles into a story. */
function isLocal(e: MergedEvent): boolean {
  return Boolean(e.location && e.location.geo_precision < 3);
}

/** Story title from the events' places, kinds and dates. */
function eventTitle(events: readonly MergedEvent[]): string {
  return clusterTitle(
    events.map((e) => ({
      id: e.id,
      date: e.date,
      text: '',
      places: e.location && e.location.lat !== null && e.location.lon !== null && e.location.geo_precision < 3 ? [{ lat: e.location.lat, lon: e.location.lon, name: e.location.name, admin: e.location.admin2 ?? e.location.admin1 }] : [],
      type: e.sub_event_type,
    })),
  );
}

export interface StoryOptions {
  readonly storyDays?: number;
  readonly storyKm?: number;
}


/**
 * Events are in one story when one article reports both, or when they are at most `storyDays`
 * apart and `storyKm` or less from each other. Components of that relation, found with an index
 * by article and by grid cell, so a busy window costs near-linear time.
 */
function components(events: readonly MergedEvent[], o: Required<StoryOptions>): MergedEvent[][] {
  const parent = events.map((_, i) => i);
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x]!)));
  const union = (x: number, y: number) => {
    const rx = find(x);
    const ry = find(y);
    if (rx !== ry) parent[Math.max(rx, ry)] = Math.min(rx, ry);
  };
  const byArticle = new Map<string, number>();
  events.forEach((e, i) => {
    // Country- or region-level events ("martial law in Azerbaijan") are told by every article of a
    // period: as glue they would chain a whole war into one story, so they do not link articles.
    if (!isLocal(e)) return;
    for (const r of e.reports) {
      const j = byArticle.get(r.article_id);
      if (j === undefined) byArticle.set(r.article_id, i);
      else union(i, j);
    }
  });
  // A non-local event joins the story of the located events of its canonical (first) article.
  events.forEach((e, i) => {
    if (isLocal(e)) return;
    const j = byArticle.get([...e.reports].map((r) => r.article_id).sort()[0] ?? '');
    if (j !== undefined) union(i, j);
  });
  // Grid cells of about storyKm: neighbours can only be in the 3x3 cells around.
  const cellDeg = o.storyKm / 111;
  const cells = new Map<string, number[]>();
  const cellOf = (e: MergedEvent) => (e.location?.lat != null && e.location.lon != null ? [Math.floor(e.location.lat / cellDeg), Math.floor(e.location.lon / cellDeg)] as const : null);
  events.forEach((e, i) => {
    const c = cellOf(e);
    if (!c || !e.date) return;
    const key = `${c[0]},${c[1]}`;
    cells.set(key, [...(cells.get(key) ?? []), i]);
  });
  const maxMs = o.storyDays * 86_400_000;
  events.forEach((e, i) => {
    const c = cellOf(e);
    if (!c || !e.date) return;
    const t = Date.parse(e.date);
    for (let dy = -1; dy <= 1; dy++) {
      for (let dx = -1; dx <= 1; dx++) {
        for (const j of cells.get(`${c[0] + dy},${c[1] + dx}`) ?? []) {
          if (j <= i) continue;
          const f = events[j]!;
          if (Math.abs(Date.parse(f.date!) - t) <= maxMs && distanceKm(e.location!, f.location!) <= o.storyKm) union(i, j);
        }
      }
    }
  });
  const out = new Map<number, MergedEvent[]>();
  events.forEach((e, i) => out.set(find(i), [...(out.get(find(i)) ?? []), e]));
  return [...out.values()];
}

/** How far (days) from the changed events stories are recomputed. */
export const REACH_DAYS = 7;

export interface StoryResolution {
  /** Every event to write: the new ones and the stored ones whose story changed. */
  readonly events: MergedEvent[];
  /** Stored events rewritten (removed and written again with their new story). */
  readonly removeEventIds: string[];
  readonly change: StoryChange;
}

function reachOf(events: readonly MergedEvent[]): [string, string] | null {
  const dates = events.map((e) => e.date).filter((d): d is string => Boolean(d)).sort();
  return dates.length ? [shiftDay(dates[0]!, -REACH_DAYS), shiftDay(dates.at(-1)!, REACH_DAYS)] : null;
}

/** Assigns stories to `fresh` events and to the stored events their stories now reach. */
export async function resolveStories(store: Store, freshEvents: readonly MergedEvent[], replacedEvents: readonly MergedEvent[], options: StoryOptions): Promise<StoryResolution> {
  const o: Required<StoryOptions> = { storyDays: options.storyDays ?? 7, storyKm: options.storyKm ?? 50 };
  const replaced = new Set(replacedEvents.map((e) => e.id));
  // The other events of the stories the replaced events belonged to are seeds too: without the
  // replaced event they may form stories of their own.
  const fresh: MergedEvent[] = [...freshEvents];
  const oldStories = new Set<string>();
  for (const storyId of new Set(replacedEvents.map((e) => e.story_id).filter((s): s is string => Boolean(s)))) {
    oldStories.add(storyId);
    const near = reachOf(freshEvents);
    for (const e of await store.listEvents({ storyId, ...(near ? { from: near[0], to: near[1] } : {}) })) {
      if (!replaced.has(e.id) && !fresh.some((f) => f.id === e.id)) fresh.push(e);
    }
  }
  const pool = new Map<string, MergedEvent>(fresh.map((e) => [e.id, e]));
  const reachFrom = reachOf(freshEvents);
  const stored = new Map<string, MergedEvent>();
  // One query for the whole reach window, then the closure in memory.
  if (reachFrom) {
    for (const e of await store.listEvents({ from: reachFrom[0], to: reachFrom[1] })) {
      if (!replaced.has(e.id) && !pool.has(e.id)) stored.set(e.id, e);
    }
  }
  // Components over the window; only those holding a changed event (or an event of a story it
  // left) are rewritten.
  const all = [...pool.values(), ...stored.values()].sort((x, y) => (x.id < y.id ? -1 : 1));
  const touching = components(all, o).filter((comp) => comp.some((e) => pool.has(e.id)));
  // Within a component, stories are the article clusters of text similarity (TF-IDF of what each
  // article reports, its places, actors and date: the average-link clusterer `npm run eval` scores
  // on ECB+); an event belongs to the story of the articles that report it.
  const stories: MergedEvent[][] = [];
  for (const comp of touching) stories.push(...splitByArticleClusters(comp));
  const upsert: StoryRecord[] = [];
  const out: MergedEvent[] = [];
  const rewritten: string[] = [];
  for (const comp of stories) {
    const first = comp.map((e) => e.id).sort()[0]!;
    const id = `st_${createHash('sha256').update(first).digest('hex').slice(0, 16)}`;
    const dates = comp.map((e) => e.date).filter((d): d is string => Boolean(d)).sort();
    const places = [...new Set(comp.map((e) => e.location?.name).filter((n): n is string => Boolean(n)))].sort();
    upsert.push({ id, title: eventTitle(comp), first_date: dates[0] ?? null, last_date: dates.at(-1) ?? null, places });
    for (const e of comp) {
      if (e.story_id && e.story_id !== id) oldStories.add(e.story_id);
      if (freshEvents.includes(e)) out.push({ ...e, story_id: id });
      else if (e.story_id !== id) {
        out.push({ ...e, story_id: id });
        rewritten.push(e.id);
      }
    }
  }
  const keep = new Set(upsert.map((s) => s.id));
  return { events: out, removeEventIds: rewritten, change: { upsert, remove: [...oldStories].filter((s) => !keep.has(s)).sort() } };
}
