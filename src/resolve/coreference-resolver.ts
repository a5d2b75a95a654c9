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
import { clusterReports, connectedReports } from './cluster-reports.js';
import { shiftDay } from '../model/calendar.js';
import { NEIGHBOUR_DAYS } from './compatible-reports.js';
import { mergeReports } from './merge-reports.js';
import { reportKey, type Report, type ReportArticle } from './report.js';
import { groupSources, type SourceGrouper } from './source-groups.js';
import { resolveStories, type StoryOptions } from './story-resolver.js';
import type { EventResolver, MergedEventChange, ResolveInput } from '../store/event-resolver.js';
import type { ArticleEventRecord, EventReport } from '../store/records.js';
import type { EventOutline, Store } from '../store/store.js';
import type { SummaryFields } from '../store/sqlite/article-rows.js';

export interface CoreferenceOptions extends StoryOptions {
  /** Tells which articles are copies of one text (near-duplicates); default: none are. */
  readonly sourceGrouper?: SourceGrouper;
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

/** Stored news reports dated within `days` of any of `dates`; only the part of the window not yet read is queried. */
async function reportsAround(store: Store, dates: readonly string[], days: number, cache: Map<string, Report>, read: { from: string; to: string } | null, articles: ArticleCache): Promise<{ pool: Report[]; read: { from: string; to: string } | null }> {
  if (!dates.length) return { pool: [...cache.values()], read };
  const sorted = [...dates].sort();
  const want = { from: shiftDay(sorted[0]!, -days), to: shiftDay(sorted.at(-1)!, days) };
  const ranges: { from: string; to: string }[] = [];
  if (!read) ranges.push(want);
  else {
    if (want.from < read.from) ranges.push({ from: want.from, to: shiftDay(read.from, -1) });
    if (want.to > read.to) ranges.push({ from: shiftDay(read.to, 1), to: want.to });
  }
  for (const range of ranges) {
    const records = await store.listArticleEvents({ ...range, includeBackground: false });
    const fresh = records.filter((r) => !cache.has(reportKey(r.article_id, r.event.id)));
    for (const r of await loadReports(store, fresh, articles)) cache.set(r.key, r);
  }
  const merged = read ? { from: want.from < read.from ? want.from : read.from, to: want.to > read.to ? want.to : read.to } : want;
  return { pool: [...cache.values()], read: merged };
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
 * this holds every event a new report can join; a chain of compatible reports longer than this
 * (a town shelled every day) is regrouped only near the new report, which bounds ingest time.
 */
export const WINDOW_DAYS = 3;

/** The connected neighbourhood of `seeds`, widening the date window until nothing new joins. */
interface ReadState {
  readonly cache: Map<string, Report>;
  read: { from: string; to: string } | null;
  readonly articles: ArticleCache;
}

async function neighbourhood(store: Store, seeds: readonly Report[], state: ReadState): Promise<Report[]> {
  const cache = state.cache;
  for (const r of seeds) if (!cache.has(r.key)) cache.set(r.key, r);
  let members = [...seeds];
  const seedDates = seeds.map((r) => r.event.date).filter((d): d is string => Boolean(d)).sort();
  const window = seedDates.length ? { from: shiftDay(seedDates[0]!, -WINDOW_DAYS), to: shiftDay(seedDates.at(-1)!, WINDOW_DAYS) } : undefined;
  for (;;) {
    const dates = members.map((r) => r.event.date).filter((d): d is string => Boolean(d));
    // Reports further than a day from every member cannot join (day precision), and the window
    // bounds the rest; week-precision reports are looked for NEIGHBOUR_DAYS away.
    const around = await reportsAround(store, dates, members.some((r) => r.event.date_precision === 'week') ? NEIGHBOUR_DAYS : 1, cache, state.read, state.articles);
    state.read = around.read;
    const next = connectedReports(members, around.pool, window);
    if (next.length === members.length) return next;
    members = next;
  }
}

/** Creates the resolver that merges reports across articles and keeps stories up to date. */
export function createCoreferenceResolver(options: CoreferenceOptions = {}): EventResolver {
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
      // Merged events that reported this article (before an update) or that its reports join.
      // Only their outlines are read: they are removed or rewritten, never merged from.
      const touched = new Map<string, EventOutline>(previous.map((e) => [e.id, e]));
      const seeds = [...own];
      // Reports of previously merged events (other articles) are seeds too: they may now stand alone.
      const previousKeys = previous.flatMap((e) => e.reports).filter((r) => r.article_id !== articleId);
      if (previousKeys.length) seeds.push(...(await loadReports(store, await recordsOf(store, previousKeys), articles)));
      // The merged events that held any of these reports are rebuilt; their other reports join in
      // (so an event that loses a report splits correctly), until the set is closed.
      const state: ReadState = { cache: new Map(), read: null, articles };
      let members = await neighbourhood(store, seeds, state);
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
        members = await neighbourhood(store, [...members, ...(await loadReports(store, await recordsOf(store, missing), articles))], state);
      }
      // Sources are counted per event: one outlet, or copies of one text, count once.
      // The reports carry their article's id and outlet: all that source grouping reads. Every
      // cluster is grouped in one call (one round of reads).
      const clusters = clusterReports(members);
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
