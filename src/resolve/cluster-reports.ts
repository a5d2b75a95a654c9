/**
 * Groups the reports of a connected neighbourhood into events. Complete link (every pair in an
 * event compatible) keeps a week of daily clashes from chaining into one event; the reports are
 * taken in canonical order (date, key), so the result depends on the set of reports only, never
 * on the order in which articles arrived.
 */
import { reportsCompatible } from './compatible-reports.js';
import { compareReports, type Report } from './report.js';

export function clusterReports(reports: readonly Report[]): Report[][] {
  const sorted = [...reports].sort(compareReports);
  const clusters: Report[][] = [];
  for (const r of sorted) {
    const home = clusters.find((c) => c.every((m) => reportsCompatible(m, r)));
    if (home) home.push(r);
    else clusters.push([r]);
  }
  return clusters;
}

/**
 * The connected component of `seeds` under compatibility within `pool` (symmetric, so order-free),
 * limited to reports dated inside `window` when given: a town shelled every day would otherwise
 * chain a whole season into one neighbourhood.
 */
export function connectedReports(seeds: readonly Report[], pool: readonly Report[], window?: { from: string; to: string }): Report[] {
  const inside = new Map<string, Report>(seeds.map((r) => [r.key, r]));
  const frontier = [...seeds];
  const inWindow = (r: Report) => !window || (r.event.date !== null && r.event.date >= window.from && r.event.date <= window.to);
  while (frontier.length) {
    const r = frontier.pop()!;
    for (const p of pool) {
      if (!inside.has(p.key) && inWindow(p) && reportsCompatible(r, p)) {
        inside.set(p.key, p);
        frontier.push(p);
      }
    }
  }
  return [...inside.values()];
}
