/**
 * Groups the reports of a connected neighbourhood into events. Complete link (every pair in an
 * event compatible) keeps a week of daily clashes from chaining into one event; the reports are
 * taken in canonical order (date, key), so the result depends on the set of reports only, never
 * on the order in which articles arrived.
 */
import { reportsCompatible } from './compatible-reports.js';
import { compareReports, type Report } from './report.js';
import { shiftDay } from '../model/calendar.js';

export function clusterReports(reports: readonly Report[]): Report[][] {
  const sorted = [...reports].sort(compareReports);
  const clusters: Cluster[] = [];
  for (const r of sorted) {
    const sig = compatibilitySignature(r);
    const home = clusters.find((c) => !c.articles.has(r.article.id) && [...c.kinds.values()].every((m) => reportsCompatible(m, r)));
    if (home) {
      home.members.push(r);
      home.articles.add(r.article.id);
      if (!home.kinds.has(sig)) home.kinds.set(sig, r);
    } else clusters.push({ members: [r], articles: new Set([r.article.id]), kinds: new Map([[sig, r]]) });
  }
  return clusters.map((c) => c.members);
}

/**
 * A cluster under construction. Whether a report is compatible with a member depends only on
 * the member's article and on the fields `reportsCompatible` reads, so members are checked once
 * per distinct kind (a representative each) and once for the article: the check costs the
 * number of distinct accounts in the event, not its number of reports (10,000 copies of one
 * report are one kind). Members of the report's own article are excluded by `articles` first, so
 * every representative is of another article.
 */
interface Cluster {
  readonly members: Report[];
  readonly articles: Set<string>;
  readonly kinds: Map<string, Report>;
}

/** The fields of a report that `reportsCompatible` reads (besides the article). */
function compatibilitySignature(r: Report): string {
  const e = r.event;
  const l = e.location;
  return JSON.stringify([e.event_type, e.sub_event_type, e.date, e.date_precision, e.actor1?.side ?? null, l ? [l.lat, l.lon, l.geo_precision, l.country ?? null] : null]);
}

/**
 * The dated reports of a pool, indexed for `connectedReports`: day-precision reports by day, and
 * the few coarser ones (week, month, year) apart. Undated reports join no neighbourhood.
 */
export interface ReportIndex {
  readonly byDay: Map<string, Report[]>;
  readonly coarse: Report[];
}

export function indexReports(pool: Iterable<Report>): ReportIndex {
  const index: ReportIndex = { byDay: new Map(), coarse: [] };
  for (const r of pool) addToIndex(index, r);
  return index;
}

export function addToIndex(index: ReportIndex, r: Report): void {
  if (r.event.date === null) return;
  if (r.event.date_precision !== 'day' && r.event.date_precision !== null) {
    index.coarse.push(r);
    return;
  }
  const list = index.byDay.get(r.event.date);
  if (list) list.push(r);
  else index.byDay.set(r.event.date, [r]);
}

/** Inclusive `YYYY-MM-DD` bounds. */
export interface DateRange {
  readonly from: string;
  readonly to: string;
}

/**
 * The connected component of `seeds` under compatibility among the indexed reports dated inside
 * `window` (date ranges; symmetric, so order-free). The window is fixed by the caller and never widened: a
 * town shelled every day would otherwise chain a whole season into one neighbourhood. A
 * day-precision report is compared with the day-precision reports of its day and the days either
 * side (the most `datesAgree` allows) and with the coarse ones; a coarse one with every report of
 * the window. So the work is that of the window's density, not of the place's history. Stops
 * growing after `cap` members (the caller reports a pathological neighbourhood).
 */
export function connectedReports(seeds: readonly Report[], index: ReportIndex, window: readonly DateRange[], cap = Infinity): Report[] {
  const inside = new Map<string, Report>(seeds.map((r) => [r.key, r]));
  const frontier = [...seeds];
  const inWindow = (p: Report) => p.event.date !== null && window.some((w) => p.event.date! >= w.from && p.event.date! <= w.to);
  const visit = (r: Report, p: Report) => {
    if (!inside.has(p.key) && inWindow(p) && reportsCompatible(r, p)) {
      inside.set(p.key, p);
      frontier.push(p);
    }
  };
  while (frontier.length && inside.size < cap) {
    const r = frontier.pop()!;
    if (r.event.date === null) continue;
    if (r.event.date_precision === 'day' || r.event.date_precision === null) {
      for (let d = -1; d <= 1; d++) for (const p of index.byDay.get(shiftDay(r.event.date, d)) ?? []) visit(r, p);
    } else {
      for (const list of index.byDay.values()) for (const p of list) visit(r, p);
    }
    for (const p of index.coarse) visit(r, p);
  }
  return [...inside.values()];
}
