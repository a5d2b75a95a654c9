/**
 * One merged event from the reports of one happening: the best-supported value of each field,
 * every claim with its article, the sources (copies of one text count once), contradictions, and
 * which reports a later update from the same outlet superseded.
 */
import { createHash } from 'node:crypto';
import { findContradictions } from './contradictions.js';
import type { Report } from './report.js';
import type { Actor, Claim, Place } from '../model/event.js';
import type { Span } from '../model/span.js';
import type { MergedEvent } from '../store/records.js';

/** Stable id of a merged event: derived from its canonical first report, never from arrival order. */
export function mergedEventId(reports: readonly Report[]): string {
  const first = [...reports].map((r) => r.key).sort()[0]!;
  return `ev_${createHash('sha256').update(first).digest('hex').slice(0, 16)}`;
}

/** The most frequent value (by `key`), ties broken by `prefer` then by key order. */
function vote<T>(items: readonly T[], key: (t: T) => string | null, prefer?: (a: T, b: T) => number): T | null {
  const groups = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    if (k === null) continue;
    const list = groups.get(k);
    if (list) list.push(it);
    else groups.set(k, [it]);
  }
  const ranked = [...groups.entries()].sort((a, b) => b[1].length - a[1].length || (prefer ? prefer(a[1][0]!, b[1][0]!) : 0) || (a[0] < b[0] ? -1 : 1));
  return ranked[0]?.[1][0] ?? null;
}

/** Reports superseded by a later article of the same outlet about the same event. */
function supersededReports(reports: readonly Report[]): Map<string, string> {
  const byOutlet = new Map<string, Report[]>();
  for (const r of reports) {
    if (!r.article.outlet) continue;
    const list = byOutlet.get(r.article.outlet);
    if (list) list.push(r);
    else byOutlet.set(r.article.outlet, [r]);
  }
  const out = new Map<string, string>();
  for (const list of byOutlet.values()) {
    if (list.length < 2) continue;
    const latest = [...list].sort((a, b) => (a.article.published ?? '').localeCompare(b.article.published ?? '') || a.key.localeCompare(b.key)).at(-1)!;
    for (const r of list) if (r !== latest && (r.article.published ?? '') < (latest.article.published ?? '')) out.set(r.key, latest.article.id);
  }
  return out;
}

function withArticle<T extends object>(x: T, articleId: string): T & { article_id: string } {
  return { ...x, article_id: articleId };
}

/** Builds the merged event for `reports` (all of one happening). */
export function mergeReports(reports: readonly Report[], storyId: string | null): MergedEvent {
  const superseded = supersededReports(reports);
  const current = reports.filter((r) => !superseded.has(r.key));
  const events = current.map((r) => r.event);
  const territoryFirst = (a: { sub_event_type: string }, b: { sub_event_type: string }) =>
    Number(b.sub_event_type.includes('territory')) - Number(a.sub_event_type.includes('territory'));
  const sub = vote(events, (e) => e.sub_event_type, territoryFirst)!;
  const dated = vote(events, (e) => e.date, (a, b) => Number(b.date_source === 'text') - Number(a.date_source === 'text'));
  const actor1 = vote(events, (e) => e.actor1?.side ?? null)?.actor1 ?? null;
  const actor2 = vote(events.filter((e) => e.actor2?.side !== actor1?.side), (e) => e.actor2?.side ?? null)?.actor2 ?? null;
  const placed = [...events].filter((e) => e.location).sort((a, b) => a.location!.geo_precision - b.location!.geo_precision);
  const bestPrecision = placed[0]?.location?.geo_precision;
  const location: Place | null = vote(placed.filter((e) => e.location!.geo_precision === bestPrecision), (e) => e.location!.name)?.location ?? null;
  // Tolls: the figure most sources give; on a tie the lower one (ACLED codes the conservative figure).
  const toll = (field: 'fatalities' | 'injured') => {
    const v = vote(events, (e) => (e[field] === null ? null : String(e[field])), (a, b) => (a[field] ?? 0) - (b[field] ?? 0));
    return v ? v[field] : null;
  };
  const sources = new Set(reports.map((r) => r.article.sourceKey));
  const claims: Claim[] = reports.flatMap((r) => r.event.claims.map((c) => withArticle(c, r.article.id)));
  const evidence: Span[] = reports.flatMap((r) => r.event.evidence.map((s) => withArticle(s, r.article.id)));
  const keys = [...reports].map((r) => r.key).sort();
  const byKey = new Map(reports.map((r) => [r.key, r]));
  const provenance: Record<string, string> = {};
  const from = (pred: (r: Report) => boolean) => current.find(pred)?.key;
  const set = (field: string, key: string | undefined) => {
    if (key) provenance[field] = key;
  };
  set('date', from((r) => r.event.date === dated?.date));
  set('actor1', from((r) => r.event.actor1?.side === actor1?.side && r.event.actor1 !== null));
  set('location', from((r) => r.event.location?.name === location?.name && r.event.location !== null));
  const first = dated ?? events[0]!;
  return {
    id: mergedEventId(reports),
    story_id: storyId,
    event_type: first.event_type,
    sub_event_type: sub.sub_event_type,
    date: dated?.date ?? null,
    date_end: dated?.date_end ?? null,
    date_precision: dated?.date_precision ?? null,
    date_source: dated?.date_source ?? null,
    actor1: actor1 as Actor | null,
    actor2: actor2 as Actor | null,
    location,
    fatalities: toll('fatalities'),
    injured: toll('injured'),
    ceasefire_violation: events.some((e) => e.ceasefire_violation),
    background: false,
    claims,
    evidence,
    reports: keys.map((k) => ({ article_id: byKey.get(k)!.article.id, event_id: byKey.get(k)!.event.id })),
    sources: sources.size,
    contradictions: findContradictions(current),
    // Sitrep extensions, kept in the event's JSON.
    ...{
      outlets: [...new Set(reports.map((r) => r.article.outlet).filter((o): o is string => Boolean(o)))].sort(),
      superseded: [...superseded.entries()].sort().map(([key, by]) => ({ article_id: byKey.get(key)!.article.id, event_id: byKey.get(key)!.event.id, superseded_by: by })),
      provenance,
    },
  };
}
