/**
 * The cross-article resolver: after an article is saved, finds the reports of the same
 * happenings among stored articles, rebuilds the merged events of that neighbourhood and the
 * stories around them. Every step is a function of the set of stored reports, so the final
 * events and stories do not depend on the order in which articles arrive.
 *
 * Neighbourhood: the connected component (under `reportsCompatible`) of the new article's
 * reports, plus the reports of the merged events that touched it before (so events split when an
 * updated article no longer links them).
 */
import { addToIndex, clusterReports, connectedReports, emptyIndex, type DateRange, type ReportIndex } from './cluster-reports.js';
import { shiftDay } from '../model/calendar.js';
import { appendReport } from './append-report.js';
import { mergeReports } from './merge-reports.js';
import { boxesAround } from './near-boxes.js';
import { reportKey, type Report, type ReportArticle } from './report.js';
import { groupSources, type SourceGrouper } from './source-groups.js';
import { resolveStories, type StoryOptions } from './story-resolver.js';
import type { EventResolver, MergedEventChange, ResolveInput } from '../store/event-resolver.js';
import type { ArticleEventRecord, EventReport } from '../store/records.js';
import type { BBox, EventOutline, Store } from '../store/store.js';
import type { SummaryFields } from '../store/sqlite/article-rows.js';

export interface CoreferenceOptions extends StoryOptions {
  /** Tells which articles are copies of one text (near-duplicates); default: none are. */
  readonly sourceGrouper?: SourceGrouper;
  /**
   * Add a new article's one report to the event it joins through the event's summary when that
   * provably gives the full path's result (`append-report.ts`); default true. False: always the
   * full path (for comparison in tests and benchmarks).
   */
  readonly appendReports?: boolean;
  /**
   * Told when a neighbourhood reached NEIGHBOURHOOD_CAP reports (a pathological stream: one place
   * and day with thousands of distinct compatible reports); default: a process warning, once.
   */
  readonly onCap?: (info: { readonly articleId: string; readonly reports: number; readonly window: readonly DateRange[] }) => void;
}


/** Stored articles read during one resolve (each is read once), with their content hashes. */
interface ArticleCache {
  readonly articles: Map<string, ReportArticle>;
  readonly hashes: Map<string, string>;
}

/** Keeps an article's summary fields in `cache`. */
function remember(cache: ArticleCache, a: SummaryFields): void {
  cache.articles.set(a.id, { id: a.id, outlet: a.outlet, published: a.published, title: a.title, sourceKey: a.id });
  cache.hashes.set(a.id, a.content_hash);
}

async function loadReports(store: Store, records: readonly ArticleEventRecord[], cache: ArticleCache): Promise<Report[]> {
  const unread = [...new Set(records.map((r) => r.article_id))].filter((id) => !cache.articles.has(id));
  for (const a of await store.getArticleSummaries(unread)) remember(cache, a);
  return records
    .filter((r) => !r.event.background && cache.articles.has(r.article_id))
    .map((r) => ({ key: reportKey(r.article_id, r.event.id), article: cache.articles.get(r.article_id)!, event: r.event }));
}

/** A candidate's article before its summary is read (see `withArticles`). */
const UNREAD = Symbol('unread article');
function unreadArticle(id: string): ReportArticle {
  return { id, outlet: null, published: null, title: null, sourceKey: id, [UNREAD]: true } as ReportArticle;
}

/** `reports` with their articles' summaries (read for those not read yet); reports of articles not stored are left out. */
async function withArticles(store: Store, reports: readonly Report[], cache: ArticleCache): Promise<Report[]> {
  const unread = [...new Set(reports.filter((r) => !cache.articles.has(r.article.id)).map((r) => r.article.id))];
  if (unread.length) for (const a of await store.getArticleSummaries(unread)) remember(cache, a);
  return reports.filter((r) => cache.articles.has(r.article.id)).map((r) => (UNREAD in r.article ? { ...r, article: cache.articles.get(r.article.id)! } : r));
}

/** The stored article events named by `reports`, read in one query. */
async function recordsOf(store: Store, reports: readonly { article_id: string; event_id: string }[]): Promise<ArticleEventRecord[]> {
  if (reports.length === 0) return [];
  const wanted = new Set(reports.map((r) => reportKey(r.article_id, r.event_id)));
  const articleIds = [...new Set(reports.map((r) => r.article_id))];
  return (await store.listArticleEvents({ articleIds, includeBackground: false })).filter((r) => wanted.has(reportKey(r.article_id, r.event.id)));
}

/**
 * How far (days) from the new reports the neighbourhood reaches. Events span a day or two, so
 * this holds every event a new report can join. The window is fixed by the new article's own
 * reports and never widened: a chain of compatible reports longer than this (a town shelled every
 * day, reported by many outlets) is regrouped only near the new report, which bounds ingest time
 * whatever the history of the place.
 */
export const WINDOW_DAYS = 3;

/**
 * Most reports a neighbourhood grows to through compatibility (the reports of the events it
 * touches still all join, so no event is cut). Far above a real day of one place; reached only by
 * a pathological stream, which is then reported (`onCap`) instead of costing quadratic time.
 */
export const NEIGHBOURHOOD_CAP = 2000;

interface ReadState {
  /** Every report read, by key. */
  readonly cache: Map<string, Report>;
  /** The dated reports inside `window`, for `connectedReports`. */
  readonly index: ReportIndex;
  readonly window: readonly DateRange[];
  read: boolean;
  readonly articles: ArticleCache;
}

/** The connected neighbourhood of `seeds` inside the state's fixed window (its reports read once). */
async function neighbourhood(store: Store, seeds: readonly Report[], state: ReadState, onCap: (size: number) => void): Promise<Report[]> {
  for (const r of seeds) if (!state.cache.has(r.key)) state.cache.set(r.key, r);
  if (state.window.length === 0) return [...new Map(seeds.map((r) => [r.key, r])).values()];
  if (!state.read) {
    state.read = true;
    const records: ArticleEventRecord[] = [];
    const boxes = boxesOf(seeds);
    const eventTypes = [...new Set(seeds.map((r) => r.event.event_type))].sort();
    for (const range of state.window) {
      for (const box of boxes) records.push(...(await store.listArticleEvents({ ...range, eventTypes, ...(box ? { nearBox: box } : {}), includeBackground: false })));
    }
    // Candidates carry only their article's id until they join (`withArticles`): most never do,
    // and reading every candidate article's summary was an eighth of the resolver's time.
    for (const r of records) {
      const key = reportKey(r.article_id, r.event.id);
      if (r.event.background || state.cache.has(key)) continue;
      state.cache.set(key, { key, article: state.articles.articles.get(r.article_id) ?? unreadArticle(r.article_id), event: r.event });
    }
    for (const r of state.cache.values()) addToIndex(state.index, r);
  }
  const members = connectedReports(seeds, state.index, state.window, NEIGHBOURHOOD_CAP);
  if (members.length >= NEIGHBOURHOOD_CAP) onCap(members.length);
  return members;
}

/** Largest distance (km) between two compatible reports (`compatible-reports.ts`, region precision). */
const REACH_KM = 150;

/**
 * Where candidates are looked for: a box of REACH_KM around each located seed (`boxesAround`);
 * anywhere when a seed is not located, since an unlocated report may join any report of its day
 * and kind. Like the window, fixed by the seeds: a chain of compatible reports is not followed
 * out of it, so the work does not grow with how busy a region is.
 */
function boxesOf(seeds: readonly Report[]): (BBox | null)[] {
  return boxesAround(seeds.map((r) => r.event.location), REACH_KM) ?? [null];
}

/**
 * The window of a resolve: WINDOW_DAYS around each date of its seed reports, overlapping ranges
 * joined (an article that also reports an event of last month adds a second range, not the month
 * between); empty when none is dated.
 */
function windowOf(seeds: readonly Report[]): DateRange[] {
  const dates = [...new Set(seeds.map((r) => r.event.date).filter((d): d is string => Boolean(d)))].sort();
  const ranges: { from: string; to: string }[] = [];
  for (const date of dates) {
    const from = shiftDay(date, -WINDOW_DAYS);
    const to = shiftDay(date, WINDOW_DAYS);
    const last = ranges.at(-1);
    if (last && from <= shiftDay(last.to, 1)) last.to = to;
    else ranges.push({ from, to });
  }
  return ranges;
}

/** Creates the resolver that merges reports across articles and keeps stories up to date. */
export function createCoreferenceResolver(options: CoreferenceOptions = {}): EventResolver {
  let capWarned = false;
  return {
    id: 'coreference-v1',
    async resolve({ store, result, previous, saved, deferStories }: ResolveInput): Promise<MergedEventChange> {
      const articleId = result.article.id;
      const articles: ArticleCache = { articles: new Map(), hashes: new Map() };
      if (saved !== undefined) remember(articles, saved);
      const own = await loadReports(
        store,
        result.events.filter((e) => !e.background).map((event) => ({ article_id: articleId, event })),
        articles,
      );
      // One more report of a happening already merged: added to its event's summary without
      // reading the event's reports, when that provably gives what the full path below gives.
      if (options.appendReports !== false && previous.length === 0 && own.length === 1) {
        const append = await appendReport(store, own[0]!, windowOf(own), boxesOf(own), options.sourceGrouper, articles.hashes);
        if (append !== null) return { removeEventIds: [], events: [], append };
      }
      // Merged events that reported this article (before an update) or that its reports join.
      // Only their outlines are read: they are removed or rewritten, never merged from.
      const touched = new Map<string, EventOutline>(previous.map((e) => [e.id, e]));
      const seeds = [...own];
      // Reports of previously merged events (other articles) are seeds too: they may now stand alone.
      const previousKeys = previous.flatMap((e) => e.reports).filter((r) => r.article_id !== articleId);
      if (previousKeys.length) seeds.push(...(await loadReports(store, await recordsOf(store, previousKeys), articles)));
      // The merged events that held any of these reports are rebuilt; their other reports join in
      // (so an event that loses a report splits correctly), until the set is closed.
      // The window is that of the article's own reports (and of the reports it leaves, on an update).
      const state: ReadState = { cache: new Map(), index: emptyIndex(), window: windowOf(seeds), read: false, articles };
      const onCap = (size: number) => {
        const info = { articleId, reports: size, window: state.window };
        if (options.onCap) options.onCap(info);
        else if (!capWarned) {
          capWarned = true;
          process.emitWarning(`article ${articleId}: the coreference neighbourhood reached ${size} reports between ${info.window[0]?.from} and ${info.window.at(-1)?.to} and was not grown further (said once per process)`, { code: 'SITREP_NEIGHBOURHOOD_CAP' });
        }
      };
      let members = await neighbourhood(store, seeds, state, onCap);
      // Merged events reported by member articles, each read once (a busy event with hundreds of
      // reports is parsed once per ingest, not once per reporting article).
      const storedEvents = new Map<string, EventOutline>();
      const readArticles = new Set<string>();
      for (;;) {
        const keys = new Set(members.map((r) => r.key));
        const unread = [...new Set(members.map((r) => r.article.id))].filter((a) => !readArticles.has(a));
        if (unread.length) {
          for (const e of await store.listEventOutlines({ articleIds: unread, includeBackground: true })) storedEvents.set(e.id, e);
          for (const a of unread) readArticles.add(a);
        }
        const missing: EventReport[] = [];
        for (const e of storedEvents.values()) {
          if (touched.has(e.id)) continue;
          if (!e.reports.some((r) => keys.has(reportKey(r.article_id, r.event_id)))) continue;
          touched.set(e.id, e);
          missing.push(...e.reports.filter((r) => !keys.has(reportKey(r.article_id, r.event_id))));
        }
        if (!missing.length) break;
        members = await neighbourhood(store, [...members, ...(await loadReports(store, await recordsOf(store, missing), articles))], state, onCap);
      }
      // Sources are counted per event: one outlet, or copies of one text, count once.
      // The reports carry their article's id and outlet: all that source grouping reads. Every
      // cluster is grouped in one call (one round of reads).
      // A cluster whose reports are exactly those of a stored event it does not share with this
      // article is that event unchanged (a merged event is a function of its reports): it keeps its
      // row and story, and only the clusters this article changed are grouped, merged and written.
      const setKey = (keys: readonly string[]) => [...keys].sort().join('\u0001');
      const storedSets = new Map<string, string>();
      for (const e of touched.values()) storedSets.set(setKey(e.reports.map((r) => reportKey(r.article_id, r.event_id))), e.id);
      const kept = new Set<string>();
      members = await withArticles(store, members, articles);
      const clusters = clusterReports(members).filter((cluster) => {
        if (cluster.some((r) => r.article.id === articleId)) return true;
        const id = storedSets.get(setKey(cluster.map((r) => r.key)));
        if (id === undefined) return true;
        kept.add(id);
        return false;
      });
      for (const id of kept) touched.delete(id);
      const groups = clusters.map((cluster) => [...new Map(cluster.map((r) => [r.article.id, r.article])).values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
      const sourceKeys = await groupSources(store, groups, options.sourceGrouper, articles.hashes);
      const events = clusters.map((cluster, i) => mergeReports(cluster.map((r) => ({ ...r, article: { ...r.article, sourceKey: sourceKeys[i]!.get(r.article.id) ?? r.article.id } })), null));
      if (deferStories === true) {
        // Written without a story; the pass over the batch decides (see `resolveStories` below).
        return { removeEventIds: [...touched.keys()].sort(), events, storyDebt: { fresh: events.map((e) => e.id), replaced: [...touched.values()] } };
      }
      const stories = await resolveStories(store, events, [...touched.values()], options);
      return { removeEventIds: [...new Set([...touched.keys(), ...stories.removeEventIds])].sort(), events: stories.events, stories: stories.change };
    },
    async resolveStories(store, debt) {
      const stories = await resolveStories(store, debt.fresh, debt.replaced, options);
      return { assignments: stories.events.map((e) => ({ event_id: e.id, story_id: e.story_id })), stories: stories.change };
    },
    remember(articleId, contentHash, hints) {
      if (hints.bodySignature !== undefined) options.sourceGrouper?.remember?.(articleId, contentHash, hints.bodySignature);
    },
  };
}
