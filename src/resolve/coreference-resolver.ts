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
import { NEIGHBOUR_DAYS } from './compatible-reports.js';
import { mergeReports } from './merge-reports.js';
import { reportKey, type Report, type ReportArticle } from './report.js';
import { groupSources, type SourceGrouper } from './source-groups.js';
import { resolveStories, type StoryOptions } from './story-resolver.js';
import type { EventResolver, MergedEventChange, ResolveInput } from '../store/event-resolver.js';
import type { ArticleEventRecord, MergedEvent } from '../store/records.js';
import type { Store } from '../store/store.js';

export interface CoreferenceOptions extends StoryOptions {
  /** Tells which articles are copies of one text (near-duplicates); default: none are. */
  readonly sourceGrouper?: SourceGrouper;
}

function shiftDay(date: string, days: number): string {
  return new Date(Date.parse(date) + days * 86_400_000).toISOString().slice(0, 10);
}

async function loadReports(store: Store, records: readonly ArticleEventRecord[], grouper: SourceGrouper | undefined): Promise<Report[]> {
  const ids = [...new Set(records.map((r) => r.article_id))];
  const summaries = await store.getArticleSummaries(ids);
  const sourceKeys = await groupSources(store, summaries, grouper);
  const byId = new Map<string, ReportArticle>(
    summaries.map((a) => [a.id, { id: a.id, outlet: a.outlet, published: a.published, title: a.title, sourceKey: sourceKeys.get(a.id) ?? a.id }]),
  );
  return records
    .filter((r) => !r.event.background && byId.has(r.article_id))
    .map((r) => ({ key: reportKey(r.article_id, r.event.id), article: byId.get(r.article_id)!, event: r.event }));
}

/** Stored news reports dated within `days` of any of `dates`. */
async function reportsAround(store: Store, dates: readonly string[], days: number, grouper: SourceGrouper | undefined, cache: Map<string, Report>): Promise<Report[]> {
  if (!dates.length) return [];
  const sorted = [...dates].sort();
  const records = await store.listArticleEvents({ from: shiftDay(sorted[0]!, -days), to: shiftDay(sorted.at(-1)!, days), includeBackground: false });
  const fresh = records.filter((r) => !cache.has(reportKey(r.article_id, r.event.id)));
  for (const r of await loadReports(store, fresh, grouper)) cache.set(r.key, r);
  return records.map((r) => cache.get(reportKey(r.article_id, r.event.id))).filter((r): r is Report => Boolean(r));
}

/** The connected neighbourhood of `seeds`, widening the date window until nothing new joins. */
async function neighbourhood(store: Store, seeds: readonly Report[], grouper: SourceGrouper | undefined): Promise<Report[]> {
  const cache = new Map<string, Report>(seeds.map((r) => [r.key, r]));
  let members = [...seeds];
  for (;;) {
    const dates = members.map((r) => r.event.date).filter((d): d is string => Boolean(d));
    const pool = await reportsAround(store, dates, NEIGHBOUR_DAYS, grouper, cache);
    const next = connectedReports(members, pool);
    if (next.length === members.length) return next;
    members = next;
  }
}

/** Creates the resolver that merges reports across articles and keeps stories up to date. */
export function createCoreferenceResolver(options: CoreferenceOptions = {}): EventResolver {
  return {
    id: 'coreference-v1',
    async resolve({ store, result, previous }: ResolveInput): Promise<MergedEventChange> {
      const articleId = result.article.id;
      const own = await loadReports(
        store,
        result.events.filter((e) => !e.background).map((event) => ({ article_id: articleId, event })),
        options.sourceGrouper,
      );
      // Merged events that reported this article (before an update) or that its reports join.
      const touched = new Map<string, MergedEvent>(previous.map((e) => [e.id, e]));
      const seeds = [...own];
      // Reports of previously merged events (other articles) are seeds too: they may now stand alone.
      const previousKeys = previous.flatMap((e) => e.reports).filter((r) => r.article_id !== articleId);
      if (previousKeys.length) {
        const records = (await store.listArticleEvents({ includeBackground: false })).filter((r) =>
          previousKeys.some((k) => k.article_id === r.article_id && k.event_id === r.event.id),
        );
        seeds.push(...(await loadReports(store, records, options.sourceGrouper)));
      }
      // The merged events that held any of these reports are rebuilt; their other reports join in
      // (so an event that loses a report splits correctly), until the set is closed.
      let members = await neighbourhood(store, seeds, options.sourceGrouper);
      for (;;) {
        const keys = new Set(members.map((r) => r.key));
        const extra: ArticleEventRecord[] = [];
        for (const a of new Set(members.map((r) => r.article.id))) {
          for (const e of await store.listEvents({ articleId: a, includeBackground: true })) {
            if (!e.reports.some((r) => keys.has(reportKey(r.article_id, r.event_id)))) continue;
            touched.set(e.id, e);
            for (const r of e.reports) if (!keys.has(reportKey(r.article_id, r.event_id))) extra.push(...(await store.listArticleEvents({ articleId: r.article_id, includeBackground: false })).filter((x) => x.event.id === r.event_id));
          }
        }
        if (!extra.length) break;
        members = await neighbourhood(store, [...members, ...(await loadReports(store, extra, options.sourceGrouper))], options.sourceGrouper);
      }
      // Sources are counted over the whole neighbourhood: one outlet, or copies of one text, count once.
      const summaries = await store.getArticleSummaries([...new Set(members.map((r) => r.article.id))]);
      const sourceKeys = await groupSources(store, summaries, options.sourceGrouper);
      const keyed = members.map((r) => ({ ...r, article: { ...r.article, sourceKey: sourceKeys.get(r.article.id) ?? r.article.id } }));
      const events = clusterReports(keyed).map((c) => mergeReports(c, null));
      const stories = await resolveStories(store, events, [...touched.values()], options);
      return { removeEventIds: [...new Set([...touched.keys(), ...stories.removeEventIds])].sort(), events: stories.events, stories: stories.change };
    },
  };
}
