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

/**
 * The fields of a report that `reportsCompatible` reads (besides the article). Kept per event
 * object: the store's parse cache hands out one object for one stored JSON text, so copies of one
 * report, read again by every resolve, are serialised once.
 */
const signatures = new WeakMap<object, string>();
export function compatibilitySignature(r: Report): string {
  const e = r.event;
  let sig = signatures.get(e);
  if (sig === undefined) {
    const l = e.location;
    sig = JSON.stringify([e.event_type, e.sub_event_type, e.date, e.date_precision, e.actor1?.side ?? null, l ? [l.lat, l.lon, l.geo_precision, l.country ?? null] : null]);
    signatures.set(e, sig);
  }
  return sig;
}

/**
 * The dated reports of a pool, indexed for `connectedReports` by kind (`compatibilitySignature`):
 * day-precision kinds by day, and the few coarser ones (week, month, year) apart. Undated reports
 * join no neighbourhood. Reports of one kind are compatible with the same reports (but those of
 * their own article), so a neighbourhood is grown kind by kind, not report by report.
 */
export interface ReportIndex {
  readonly byDay: Map<string, ReportKind[]>;
  readonly coarse: ReportKind[];
  readonly kinds: Map<string, ReportKind>;
}

/** The indexed reports of one kind (one date, so one window test for all). */
export interface ReportKind {
  readonly signature: string;
  readonly members: Report[];
}

export function emptyIndex(): ReportIndex {
  return { byDay: new Map(), coarse: [], kinds: new Map() };
}

export function indexReports(pool: Iterable<Report>): ReportIndex {
  const index = emptyIndex();
  for (const r of pool) addToIndex(index, r);
  return index;
}

export function addToIndex(index: ReportIndex, r: Report): void {
  if (r.event.date === null) return;
  const signature = compatibilitySignature(r);
  const known = index.kinds.get(signature);
  if (known) {
    known.members.push(r);
    return;
  }
  const kind: ReportKind = { signature, members: [r] };
  index.kinds.set(signature, kind);
  if (r.event.date_precision !== 'day' && r.event.date_precision !== null) {
    index.coarse.push(kind);
    return;
  }
  const list = index.byDay.get(r.event.date);
  if (list) list.push(kind);
  else index.byDay.set(r.event.date, [kind]);
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
 *
 * Compared kind by kind: a member is compared with one report of each indexed kind (of another
 * article), and a kind is grown from at most two members of one kind (of two articles: together
 * they reach every report the kind reaches), so 10,000 copies of one report cost one comparison
 * each, not 10,000.
 */
export function connectedReports(seeds: readonly Report[], index: ReportIndex, window: readonly DateRange[], cap = Infinity): Report[] {
  const inside = new Map<string, Report>(seeds.map((r) => [r.key, r]));
  const frontier = [...seeds];
  const inWindow = (date: string | null) => date !== null && window.some((w) => date >= w.from && date <= w.to);
  // Kind of a grown member → the articles it was grown from (at most two).
  const grownFrom = new Map<string, string[]>();
  const visit = (r: Report, kind: ReportKind) => {
    const other = kind.members.find((p) => p.article.id !== r.article.id);
    if (other === undefined || !inWindow(other.event.date) || !reportsCompatible(r, other)) return;
    for (const p of kind.members) {
      if (inside.size >= cap) return;
      if (p.article.id === r.article.id || inside.has(p.key)) continue;
      inside.set(p.key, p);
      frontier.push(p);
    }
  };
  while (frontier.length && inside.size < cap) {
    const r = frontier.pop()!;
    if (r.event.date === null) continue;
    const signature = compatibilitySignature(r);
    const from = grownFrom.get(signature);
    if (from && (from.length >= 2 || from.includes(r.article.id))) continue;
    if (from) from.push(r.article.id);
    else grownFrom.set(signature, [r.article.id]);
    if (r.event.date_precision === 'day' || r.event.date_precision === null) {
      for (let d = -1; d <= 1; d++) for (const kind of index.byDay.get(shiftDay(r.event.date, d)) ?? []) visit(r, kind);
    } else {
      for (const list of index.byDay.values()) for (const kind of list) visit(r, kind);
    }
    for (const kind of index.coarse) visit(r, kind);
  }
  return [...inside.values()];
}
