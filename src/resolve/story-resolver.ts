/**
 * Stories: developing situations that group events (a week of clashes around one corridor).
 * Two events belong to one story when they are at most `storyDays` apart and either near each
 * other or in the same theatre; stories are the connected components of that relation over the
 * stored events, so they too do not depend on arrival order.
 */
import { createHash } from 'node:crypto';
import { distanceKm } from '../extract/locate.js';
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
  const groups = clusterStories(articleItems(events));
  const groupOf = new Map<string, number>();
  groups.forEach((ids, i) => ids.forEach((id) => groupOf.set(id, i)));
  // Union-find over groups: an event reported by articles of two groups joins them.
  const parent = groups.map((_, i) => i);
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x]!)));
  for (const e of events) {
    const gs = e.reports.map((r) => groupOf.get(r.article_id)).filter((g): g is number => g !== undefined);
    for (const g of gs.slice(1)) parent[find(g)] = find(gs[0]!);
  }
  const out = new Map<number, MergedEvent[]>();
  for (const e of events) {
    const g = groupOf.get(e.reports[0]?.article_id ?? '');
    const key = g === undefined ? -1 - out.size : find(g);
    out.set(key, [...(out.get(key) ?? []), e]);
  }
  return [...out.values()];
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
  /** The theatre a country belongs to (alpha-3 → theatre id), for linking events of one war. */
  readonly theatreOf?: (country: string | null) => string | null;
  readonly storyDays?: number;
  readonly storyKm?: number;
}

function shiftDay(date: string, days: number): string {
  return new Date(Date.parse(date) + days * 86_400_000).toISOString().slice(0, 10);
}

function linked(a: MergedEvent, b: MergedEvent, o: Required<StoryOptions>): boolean {
  if (!a.date || !b.date) return false;
  if (Math.abs(Date.parse(a.date) - Date.parse(b.date)) > o.storyDays * 86_400_000) return false;
  if (a.location && b.location && distanceKm(a.location, b.location) <= o.storyKm) return true;
  const ta = o.theatreOf(a.location?.country ?? null);
  return ta !== null && ta === o.theatreOf(b.location?.country ?? null);
}

export interface StoryResolution {
  /** Every event to write: the new ones and the stored ones whose story changed. */
  readonly events: MergedEvent[];
  /** Stored events rewritten (removed and written again with their new story). */
  readonly removeEventIds: string[];
  readonly change: StoryChange;
}

/** Assigns stories to `fresh` events and to the stored events their stories now reach. */
export async function resolveStories(store: Store, freshEvents: readonly MergedEvent[], replacedEvents: readonly MergedEvent[], options: StoryOptions): Promise<StoryResolution> {
  const o: Required<StoryOptions> = { theatreOf: options.theatreOf ?? (() => null), storyDays: options.storyDays ?? 7, storyKm: options.storyKm ?? 150 };
  const replaced = new Set(replacedEvents.map((e) => e.id));
  // The other events of the stories the replaced events belonged to are seeds too: without the
  // replaced event they may form stories of their own.
  const fresh: MergedEvent[] = [...freshEvents];
  const oldStories = new Set<string>();
  for (const storyId of new Set(replacedEvents.map((e) => e.story_id).filter((s): s is string => Boolean(s)))) {
    oldStories.add(storyId);
    for (const e of await store.listEvents({ storyId })) if (!replaced.has(e.id) && !fresh.some((f) => f.id === e.id)) fresh.push(e);
  }
  const pool = new Map<string, MergedEvent>(fresh.map((e) => [e.id, e]));
  const stored = new Map<string, MergedEvent>();
  let span: [string, string] | null = null;
  // Widen the window until the components that touch the fresh events are closed.
  for (;;) {
    const dates = [...pool.values()].map((e) => e.date).filter((d): d is string => Boolean(d)).sort();
    if (!dates.length) break;
    const next: [string, string] = [shiftDay(dates[0]!, -o.storyDays), shiftDay(dates.at(-1)!, o.storyDays)];
    if (span && next[0] >= span[0] && next[1] <= span[1]) break;
    span = next;
    for (const e of await store.listEvents({ from: span[0], to: span[1] })) {
      if (replaced.has(e.id) || pool.has(e.id)) continue;
      stored.set(e.id, e);
    }
    // Keep only stored events connected to the fresh ones.
    const reach = new Set(fresh.map((e) => e.id));
    const all = [...fresh, ...stored.values()];
    let grew = true;
    while (grew) {
      grew = false;
      for (const e of all) {
        if (reach.has(e.id)) continue;
        if (all.some((f) => reach.has(f.id) && linked(e, f, o))) {
          reach.add(e.id);
          grew = true;
        }
      }
    }
    const before = pool.size;
    for (const e of all) if (reach.has(e.id)) pool.set(e.id, e);
    if (pool.size === before) break;
  }
  // Connected components among the pool.
  const events = [...pool.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  const seen = new Set<string>();
  const components: MergedEvent[][] = [];
  for (const e of events) {
    if (seen.has(e.id)) continue;
    const comp = [e];
    seen.add(e.id);
    for (let i = 0; i < comp.length; i++) {
      for (const f of events) {
        if (!seen.has(f.id) && linked(comp[i]!, f, o)) {
          seen.add(f.id);
          comp.push(f);
        }
      }
    }
    components.push(comp);
  }
  const upsert: StoryRecord[] = [];
  const out: MergedEvent[] = [];
  const rewritten: string[] = [];
  // Within a component of nearby events, stories are the article clusters of text similarity
  // (TF-IDF of what each article reports, its places, actors and date: the average-link clusterer
  // `npm run eval` scores on ECB+); an event belongs to the story of the articles that report it.
  const stories: MergedEvent[][] = [];
  for (const comp of components) stories.push(...splitByArticleClusters(comp));
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
