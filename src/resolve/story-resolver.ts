/**
 * Stories: developing situations that group events (a week of clashes around one corridor).
 * Two events belong to one story when they are at most `storyDays` apart and either near each
 * other or in the same theatre; stories are the connected components of that relation, split
 * along the article clusters that report them.
 *
 * They are recomputed only within REACH_DAYS of the new events, so ingest time does not grow
 * with the store. A short story lies wholly inside that window and keeps a canonical id (the
 * hash of its smallest event id), so it does not depend on arrival order. A story that runs
 * longer than the window keeps its id as the window slides (see `resolveStories`), so its older
 * events keep their story and its record spans all of them.
 */
import { createHash } from 'node:crypto';
import { distanceKm } from '../model/geo.js';
import { dayNumber, daysBetween, shiftDay } from '../model/calendar.js';
import { withStory } from '../store/event-summary.js';
import type { MergedEvent, StoryRecord } from '../store/records.js';
import type { StoryChange, StoryDebtEvent, StoryRemainder, Store } from '../store/store.js';
import { boxesAround } from './near-boxes.js';
import { reportKey } from './report.js';
import { clusterStories, storyTitle as clusterTitle, type StoryItem } from './stories/index.js';

/**
 * How long a story may keep growing: a window story inherits a stored story's id only while its
 * events are at most this many days after that story's first event (a season of fighting).
 * Without it, daily clashes in one district chain into one story over years.
 */
export const MAX_STORY_DAYS = 90;

/**
 * Articles per event that story clustering reads: the event's canonical (smallest) ones. An event
 * told by 30 outlets, or syndicated 3,000 times, tells the clusterer no more than a few of them
 * do, and average-link clustering costs the square of its items: without this, a busy district's
 * story pass grows with every report.
 */
export const STORY_ARTICLES_PER_EVENT = 3;

/** The reports of `e` whose articles story clustering reads (see STORY_ARTICLES_PER_EVENT). */
function storyReports(e: MergedEvent): MergedEvent['reports'] {
  if (e.reports.length <= STORY_ARTICLES_PER_EVENT) return e.reports;
  const ids = [...new Set(e.reports.map((r) => r.article_id))].sort().slice(0, STORY_ARTICLES_PER_EVENT);
  const keep = new Set(ids);
  return e.reports.filter((r) => keep.has(r.article_id));
}

/** What story clustering reads of an article: the evidence, places and sides of the events it reports. */
function articleItems(events: readonly MergedEvent[]): StoryItem[] {
  const byArticle = new Map<string, { dates: string[]; text: string[]; places: StoryItem['places'][]; actors: string[]; types: string[] }>();
  for (const e of events) {
    for (const r of storyReports(e)) {
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
    const gs = storyReports(e).map((r) => groupOf.get(r.article_id)).filter((g): g is number => g !== undefined);
    for (const g of gs.slice(1)) parent[find(g)] = find(gs[0]!);
  }
  const out = new Map<number, MergedEvent[]>();
  for (const e of events) {
    // An event goes with the articles of its canonical (first) report.
    const g = groupOf.get([...e.reports].map((r) => r.article_id).sort()[0] ?? '');
    const key = g === undefined ? -1 - out.size : find(g);
    const list = out.get(key);
    if (list) list.push(e);
    else out.set(key, [e]);
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
    const list = cells.get(key);
    if (list) list.push(i);
    else cells.set(key, [i]);
  });
  events.forEach((e, i) => {
    const c = cellOf(e);
    if (!c || !e.date) return;
    const day = dayNumber(e.date);
    for (let dy = -1; dy <= 1; dy++) {
      for (let dx = -1; dx <= 1; dx++) {
        for (const j of cells.get(`${c[0] + dy},${c[1] + dx}`) ?? []) {
          if (j <= i) continue;
          const f = events[j]!;
          if (Math.abs(dayNumber(f.date!) - day) <= o.storyDays && distanceKm(e.location!, f.location!) <= o.storyKm) union(i, j);
        }
      }
    }
  });
  const out = new Map<number, MergedEvent[]>();
  events.forEach((e, i) => {
    const list = out.get(find(i));
    if (list) list.push(e);
    else out.set(find(i), [e]);
  });
  return [...out.values()];
}

/** Earliest and latest date of `events` (nulls when none is dated). */
function dateSpan(events: readonly MergedEvent[]): [string | null, string | null] {
  let first: string | null = null;
  let last: string | null = null;
  for (const e of events) {
    if (!e.date) continue;
    if (first === null || e.date < first) first = e.date;
    if (last === null || e.date > last) last = e.date;
  }
  return [first, last];
}

/**
 * A story cut into runs of at most MAX_STORY_DAYS (by date; undated events stay with the first
 * run): one article reporting a clash in September and another in December must not make one
 * story of a season. Deterministic: depends on the events' dates and ids only.
 */
function withinMaxSpan(story: MergedEvent[]): MergedEvent[][] {
  const [first, last] = dateSpan(story);
  if (first === null || last === null || daysBetween(first, last) <= MAX_STORY_DAYS) return [story];
  const sorted = [...story].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || (a.id < b.id ? -1 : 1));
  const runs: MergedEvent[][] = [];
  let start: string | null = null;
  for (const e of sorted) {
    if (e.date && start !== null && daysBetween(start, e.date) > MAX_STORY_DAYS) {
      runs.push([]);
      start = e.date;
    }
    if (runs.length === 0) runs.push([]);
    if (e.date && start === null) start = e.date;
    runs.at(-1)!.push(e);
  }
  return runs;
}

/** How far (km, for the default 50 km story distance) from the changed events stories are recomputed. */
export const STORY_REACH_KM = 150;

/** How far (days) from the changed events stories are recomputed. */
export const REACH_DAYS = 7;

export interface StoryResolution {
  /** Every event to write: the new ones and the stored ones whose story changed. */
  readonly events: MergedEvent[];
  /** Stored events rewritten (removed and written again with their new story). */
  readonly removeEventIds: string[];
  readonly change: StoryChange;
}

/**
 * The date windows recomputed around `events`: REACH_DAYS either side of each date, overlapping
 * windows joined, earliest first. Several windows, not one from the first to the last date: a
 * batch of articles (or one article recalling an old battle) may span years, and the years
 * between are not the new events' neighbourhood.
 */
function reachWindows(events: readonly Pick<MergedEvent, 'date'>[]): [string, string][] {
  const dates = [...new Set(events.map((e) => e.date).filter((d): d is string => Boolean(d)))].sort();
  const windows: [string, string][] = [];
  for (const date of dates) {
    const from = shiftDay(date, -REACH_DAYS);
    const to = shiftDay(date, REACH_DAYS);
    const last = windows.at(-1);
    if (last !== undefined && from <= last[1]) last[1] = to;
    else windows.push([from, to]);
  }
  return windows;
}

/** `st_` + 16 hex digits of the sha256 of `seed`. */
function storyId(seed: string): string {
  return `st_${createHash('sha256').update(seed).digest('hex').slice(0, 16)}`;
}

/** The smallest id among `events`: a story's canonical id is derived from it. */
function firstId(events: readonly MergedEvent[]): string {
  let first = events[0]!.id;
  for (const e of events) if (e.id < first) first = e.id;
  return first;
}

/**
 * Assigns stories to `fresh` events and to the stored events their stories now reach.
 *
 * Only a window of REACH_DAYS around the fresh events is recomputed (so ingest time does not grow
 * with the store), but a story may run for months. So that its older events keep their story:
 * - a window story that takes over events of a stored story which keeps other events (outside
 *   the recomputed ones) inherits that story's id: the one with most such events, ties by
 *   smallest id; when two window stories claim one id, the one holding more of its events wins;
 * - otherwise (every event of the stories it touches was recomputed: the common case of a short
 *   story) its id is canonical, the hash of its smallest event id, so the result depends only on
 *   the set of articles, not on their order;
 * - a stored story is removed only when none of its events is left in it;
 * - a story's first and last dates cover its events outside the window too.
 */
export async function resolveStories(store: Store, freshEvents: readonly MergedEvent[], replacedEvents: readonly StoryDebtEvent[], options: StoryOptions): Promise<StoryResolution> {
  const o: Required<StoryOptions> = { storyDays: options.storyDays ?? 7, storyKm: options.storyKm ?? 50 };
  const replaced = new Set(replacedEvents.map((e) => e.id));
  const isFresh = new Set(freshEvents);
  // The window covers the replaced events too: where an event disappears (an updated article no
  // longer reports it), its neighbours may now form other stories.
  // One query per reach window, then the closure in memory.
  const inWindow: MergedEvent[] = [];
  const read = new Set<string>();
  // Only near the fresh events (STORY_REACH_KM): a story links events 50 km apart, so the theatre's
  // other districts are not read. Anywhere when a fresh event is unlocated, or when a replaced
  // event left no fresh event behind (its place is not known here).
  const freshKeys = new Set(freshEvents.flatMap((e) => e.reports.map((r) => reportKey(r.article_id, r.event_id))));
  const orphan = replacedEvents.some((e) => !e.reports.some((r) => freshKeys.has(reportKey(r.article_id, r.event_id))));
  const boxes = (orphan ? null : boxesAround(freshEvents.map((e) => e.location), STORY_REACH_KM * (o.storyKm / 50))) ?? [null];
  for (const [from, to] of reachWindows([...freshEvents, ...replacedEvents])) {
    for (const box of boxes) {
      for (const e of await store.listEvents({ from, to, ...(box ? { nearBox: box } : {}) })) {
        if (read.has(e.id)) continue;
        read.add(e.id);
        inWindow.push(e);
      }
    }
  }
  // The other events of the stories the replaced events belonged to are seeds too: without the
  // replaced event they may form stories of their own. Only those in the window (taken from the
  // window's events, which hold them all): a story is never recomputed whole, since it may run
  // for months and the clusterer caps a story's span.
  const pool = new Map<string, MergedEvent>(freshEvents.map((e) => [e.id, e]));
  const oldStories = new Set(replacedEvents.map((e) => e.story_id).filter((s): s is string => Boolean(s)));
  const stored = new Map<string, MergedEvent>();
  for (const e of inWindow) {
    if (replaced.has(e.id) || pool.has(e.id)) continue;
    if (e.story_id && oldStories.has(e.story_id)) pool.set(e.id, e);
    else stored.set(e.id, e);
  }
  // Components over the window; only those holding a changed event (or an event of a story it
  // left) are rewritten.
  const all = [...pool.values(), ...stored.values()].sort((x, y) => (x.id < y.id ? -1 : 1));
  const touching = components(all, o).filter((comp) => comp.some((e) => pool.has(e.id)));
  // Within a component, stories are the article clusters of text similarity (TF-IDF of what each
  // article reports, its places, actors and date: the average-link clusterer `npm run eval` scores
  // on ECB+); an event belongs to the story of the articles that report it.
  const stories: MergedEvent[][] = [];
  for (const comp of touching) for (const story of splitByArticleClusters(comp)) stories.push(...withinMaxSpan(story));

  // Which stored stories each window story takes events from, and how many. A fresh event stands
  // for the replaced events it shares a report with (their stories are its stories).
  const storiesOfReport = new Map<string, Set<string>>();
  for (const e of replacedEvents) {
    if (!e.story_id) continue;
    for (const r of e.reports) {
      const key = reportKey(r.article_id, r.event_id);
      const set = storiesOfReport.get(key) ?? new Set<string>();
      set.add(e.story_id);
      storiesOfReport.set(key, set);
    }
  }
  const formerly = stories.map((comp) => {
    const held = new Map<string, number>();
    for (const e of comp) {
      const from = new Set<string>();
      if (isFresh.has(e)) for (const r of e.reports) for (const sid of storiesOfReport.get(reportKey(r.article_id, r.event_id)) ?? []) from.add(sid);
      else if (e.story_id) from.add(e.story_id);
      for (const sid of from) {
        held.set(sid, (held.get(sid) ?? 0) + 1);
        oldStories.add(sid);
      }
    }
    return held;
  });

  // What stays in each of those stories besides the events recomputed here (and the replaced
  // ones). The canonical ids are asked too: one may belong to a story that keeps other events.
  const firsts = stories.map(firstId);
  const remainders = new Map<string, StoryRemainder>();
  if (stories.length > 0 || oldStories.size > 0) {
    const recomputed = [...replaced];
    for (const comp of stories) for (const e of comp) recomputed.push(e.id);
    const asked = [...new Set([...oldStories, ...firsts.map((f) => storyId(f))])].sort();
    for (const r of await store.storyRemainders(asked, recomputed)) if (r.events > 0) remainders.set(r.story.id, r);
  }

  // Inheritance: each window story's best claim (most remaining events, then smallest id); one
  // winner per claimed id (most of its events held, then the smallest first event id).
  const ids: (string | null)[] = stories.map(() => null);
  const claims = new Map<string, number[]>();
  stories.forEach((comp, i) => {
    let best: StoryRemainder | null = null;
    // A story stops growing once it has run MAX_STORY_DAYS: later events start a story of their own.
    // The span it would have: its own events and what stays of the stored story.
    const [first, last] = dateSpan(comp);
    for (const sid of formerly[i]!.keys()) {
      const r = remainders.get(sid);
      if (r && first !== null && last !== null) {
        const from = r.first_date !== null && r.first_date < first ? r.first_date : first;
        const to = r.last_date !== null && r.last_date > last ? r.last_date : last;
        if (daysBetween(from, to) > MAX_STORY_DAYS) continue;
      }
      if (r && (best === null || r.events > best.events || (r.events === best.events && sid < best.story.id))) best = r;
    }
    if (best) claims.set(best.story.id, [...(claims.get(best.story.id) ?? []), i]);
  });
  for (const [sid, claimants] of claims) {
    const held = (i: number) => formerly[i]!.get(sid) ?? 0;
    const winner = claimants.reduce((a, b) => (held(b) > held(a) || (held(b) === held(a) && firsts[b]! < firsts[a]!) ? b : a));
    ids[winner] = sid;
  }
  // The others get the canonical id, unless it is already somebody's (a kept story, or a window
  // story's); then a variant of it, so two stories never merge by accident.
  const taken = new Set<string>([...remainders.keys(), ...ids.filter((x): x is string => x !== null)]);
  stories.forEach((_, i) => {
    if (ids[i] !== null) return;
    let id = storyId(firsts[i]!);
    for (let n = 1; taken.has(id); n++) id = storyId(`${firsts[i]!}\u0000${n}`);
    taken.add(id);
    ids[i] = id;
  });

  const upsert: StoryRecord[] = [];
  const out: MergedEvent[] = [];
  const rewritten: string[] = [];
  stories.forEach((comp, i) => {
    const id = ids[i]!;
    const kept = remainders.get(id);
    const dates = comp.map((e) => e.date).filter((d): d is string => Boolean(d));
    if (kept?.first_date) dates.push(kept.first_date);
    if (kept?.last_date) dates.push(kept.last_date);
    dates.sort();
    // Places: the window's, plus those recorded before for the events outside it.
    const places = new Set(comp.map((e) => e.location?.name).filter((n): n is string => Boolean(n)));
    for (const p of kept?.story.places ?? []) places.add(p);
    upsert.push({ id, title: eventTitle(comp), first_date: dates[0] ?? null, last_date: dates.at(-1) ?? null, places: [...places].sort() });
    for (const e of comp) {
      if (isFresh.has(e)) out.push(withStory(e, id));
      else if (e.story_id !== id) {
        out.push(withStory(e, id));
        rewritten.push(e.id);
      }
    }
  });
  // A stored story that keeps events but was inherited by no window story: its record now spans
  // only what is left of it.
  const assigned = new Set(ids as string[]);
  for (const r of remainders.values()) {
    if (assigned.has(r.story.id) || !oldStories.has(r.story.id)) continue;
    if (r.first_date !== r.story.first_date || r.last_date !== r.story.last_date) upsert.push({ ...r.story, first_date: r.first_date, last_date: r.last_date });
  }
  // Removed: the old stories left with no event (a story with events left is never removed).
  const remove = [...oldStories].filter((s) => !assigned.has(s) && !remainders.has(s)).sort();
  return { events: out, removeEventIds: rewritten, change: { upsert, remove } };
}
