/**
 * The fast path for one more report of a happening already reported many times (DESIGN.md, "Many
 * reports of one happening"): adds a new article's report to the summary of the merged event it
 * joins, without reading that event's reports, when the full recompute (neighbourhood, complete
 * link in canonical order, `mergeReports`, stories) provably gives the same result:
 * - the article is new and has one report, dated;
 * - every stored report compatible with it belongs to one event E (checked against the distinct
 *   compatibility kinds of the events near it, `Store.nearKinds`, which the store vouches cover
 *   every event);
 * - it is compatible with every kind of E, and sorts after E's first report both in canonical
 *   order (so complete link puts it in E, changing nothing else) and by key (so E's id stays);
 * - no report of E is superseded, and none becomes so (its outlet's reports in E, if any, carry
 *   its publication date);
 * - E is one source and the report joins it (same outlet as a report of E, or a near-duplicate
 *   of E's first article, which is then a copy of a text of that one source);
 * - E's voted fields do not change and its article is not among the ones story clustering reads,
 *   so E's story does not change either.
 * Otherwise it returns null and the resolver takes the full path.
 */
import type { DateRange } from './cluster-reports.js';
import { reportsCompatible } from './compatible-reports.js';
import { Tallies } from './contradictions.js';
import { accountKey, accountOf, addKind, mergeAccounts, mergedFields, sourceOutlets } from './merge-reports.js';
import { compareReports, type Report } from './report.js';
import type { SourceGrouper } from './source-groups.js';
import { STORY_ARTICLES_PER_EVENT } from './story-resolver.js';
import type { Account, EventKind, EventSummary, KindEvent, ReportAppend } from '../store/event-summary.js';
import type { BBox, Store } from '../store/store.js';

/** A kind's representative as a report (what `reportsCompatible` reads). */
function kindReport(articleId: string, event: KindEvent): Report {
  return { key: `${articleId}#`, article: { id: articleId, outlet: null, published: null, title: null, sourceKey: articleId }, event: event as Report['event'] };
}

/** The accounts with `r` added: its account counted, and first if `r` comes before its first report. */
function addAccount(accounts: readonly Account[], r: Report): Account[] {
  const { key, fields } = accountOf(r.event);
  const out: Account[] = [];
  let added: Account | null = null;
  for (const a of accounts) {
    if (added === null && accountKey(a.fields) === key) {
      const earlier = compareReports(r, { key: a.first, event: { date: a.firstDate } } as Report) < 0;
      added = earlier ? { first: r.key, firstDate: r.event.date, n: a.n + 1, fields } : { ...a, n: a.n + 1 };
      continue;
    }
    out.push(a);
  }
  added ??= { first: r.key, firstDate: r.event.date, n: 1, fields };
  // Accounts stay in canonical order of their first reports.
  const firstOf = (a: Account) => ({ key: a.first, event: { date: a.firstDate } }) as Report;
  const index = out.findIndex((a) => compareReports(firstOf(added), firstOf(a)) < 0);
  out.splice(index === -1 ? out.length : index, 0, added);
  return out;
}

/** The change that adds `r` (the only report of a new article) to the event it joins, or null when only the full path can tell. */
export async function appendReport(
  store: Store,
  r: Report,
  window: readonly DateRange[],
  boxes: readonly (BBox | null)[],
  grouper: SourceGrouper | undefined,
  hashes: ReadonlyMap<string, string>,
): Promise<ReportAppend | null> {
  if (!store.nearKinds || !store.readEventSummary || !store.appendReport || r.event.date === null || window.length === 0) return null;
  const events = new Set<string>();
  for (const range of window) {
    for (const box of boxes) {
      const near = await store.nearKinds({ ...range, eventTypes: [r.event.event_type], ...(box ? { nearBox: box } : {}), includeBackground: false });
      if (!near.complete) return null;
      for (const k of near.kinds) {
        if (k.article_id === r.article.id) return null;
        if (reportsCompatible(r, kindReport(k.article_id, k.event))) {
          // E must be one source (read before its summary: most busy events are several).
          if (k.sources !== 1) return null;
          events.add(k.event_id);
        }
      }
    }
  }
  if (events.size !== 1) return null;
  const eventId = [...events][0]!;
  const stored = await store.readEventSummary(eventId);
  if (stored === null || stored.sources !== 1) return null;
  const s = stored.summary;
  if (s.superseded || r.key <= s.smallestKey) return null;
  if (compareReports(r, { key: s.first, event: { date: s.firstDate } } as Report) <= 0) return null;
  if (s.kinds.some((k) => k.article === r.article.id || !reportsCompatible(r, kindReport(k.article, k.event)))) return null;
  const outlet = r.article.outlet;
  const published = r.article.published ?? '';
  const span = outlet ? s.published[outlet] : undefined;
  if (span !== undefined && (span[0] !== published || span[1] !== published)) return null;
  const [normalised] = sourceOutlets([outlet]);
  if (normalised === undefined || !s.sourceOutlets.includes(normalised)) {
    const rep = s.articles[0];
    if (grouper === undefined || rep === undefined) return null;
    const [pairs] = await grouper.duplicatePairs(store, [[rep, r.article.id].sort()], hashes);
    if (!pairs || pairs.length === 0) return null;
  }
  const articles = [...new Set([...s.articles, r.article.id])].sort().slice(0, STORY_ARTICLES_PER_EVENT);
  if (articles.includes(r.article.id)) return null;
  const accounts = addAccount(s.accounts, r);
  const before = mergeAccounts(s.accounts);
  const after = mergeAccounts(accounts);
  const { provenance: _before, ...votedBefore } = before;
  const { provenance: _after, ...voted } = after;
  if (JSON.stringify(voted) !== JSON.stringify(votedBefore)) return null;
  const tallies = new Tallies(s.tallies);
  tallies.add(r);
  const kinds = new Map<string, { signature: string; article: string; event: KindEvent; end: string | null }>(s.kinds.map((k: EventKind) => [k.signature, { ...k }]));
  addKind(kinds, r);
  const summary: EventSummary = {
    ...s,
    accounts,
    tallies: tallies.toJSON(),
    published: outlet ? { ...s.published, [outlet]: [published, published] } : s.published,
    sourceOutlets: normalised === undefined ? s.sourceOutlets : [...new Set([...s.sourceOutlets, normalised])].sort(),
    kinds: [...kinds.values()],
  };
  const fields = mergedFields(after, {
    claims: [],
    evidence: [],
    sources: 1,
    contradictions: tallies.contradictions(),
    outlets: Object.keys(summary.published).sort(),
    superseded: [],
  });
  return { event_id: eventId, report: { article_id: r.article.id, event_id: r.event.id }, fields, summary };
}
