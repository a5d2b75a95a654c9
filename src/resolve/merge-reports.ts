/**
 * One merged event from the reports of one happening: the best-supported value of each field,
 * every claim with its article, the sources (copies of one text count once), contradictions, and
 * which reports a later update from the same outlet superseded.
 */
import { createHash } from 'node:crypto';
import { compatibilitySignature } from './cluster-reports.js';
import { Tallies } from './contradictions.js';
import { compareReports, type Report } from './report.js';
import { STORY_ARTICLES_PER_EVENT } from './story-resolver.js';
import { attachSummary, type Account, type AccountFields, type EventSummary, type KindEvent } from '../store/event-summary.js';
import type { Actor, ArticleEvent, Claim, Place } from '../model/event.js';
import type { Span } from '../model/span.js';
import type { MergedEvent } from '../store/records.js';

/** Stable id of a merged event: derived from its canonical first report, never from arrival order. */
export function mergedEventId(reports: readonly Report[]): string {
  const first = [...reports].map((r) => r.key).sort()[0]!;
  return `ev_${createHash('sha256').update(first).digest('hex').slice(0, 16)}`;
}

/**
 * The most frequent value (by `key`) among accounts weighted by their reports, ties broken by
 * `prefer` (between the first account of each value) then by key order. Accounts come in
 * canonical order of their first report, so the first account of a value holds the first report
 * of that value: the same as voting report by report.
 */
function vote(items: readonly Account[], key: (f: AccountFields) => string | null, prefer?: (a: AccountFields, b: AccountFields) => number): Account | null {
  const groups = new Map<string, { n: number; first: Account }>();
  for (const it of items) {
    const k = key(it.fields);
    if (k === null) continue;
    const group = groups.get(k);
    if (group) group.n += it.n;
    else groups.set(k, { n: it.n, first: it });
  }
  const ranked = [...groups.entries()].sort((a, b) => b[1].n - a[1].n || (prefer ? prefer(a[1].first.fields, b[1].first.fields) : 0) || (a[0] < b[0] ? -1 : 1));
  return ranked[0]?.[1].first ?? null;
}

/** The merged fields `mergeAccounts` derives (all but id, story, reports, sources, claims and evidence). */
export type AccountMerge = Pick<
  MergedEvent,
  'event_type' | 'sub_event_type' | 'date' | 'date_end' | 'date_precision' | 'date_source' | 'actor1' | 'actor2' | 'location' | 'fatalities' | 'injured' | 'ceasefire_violation'
> & { readonly provenance: Record<string, string> };

/** The voted fields and their provenance, from the accounts of the current (not superseded) reports. */
export function mergeAccounts(accounts: readonly Account[]): AccountMerge {
  const territoryFirst = (a: { sub_event_type: string }, b: { sub_event_type: string }) =>
    Number(b.sub_event_type.includes('territory')) - Number(a.sub_event_type.includes('territory'));
  const sub = vote(accounts, (e) => e.sub_event_type, territoryFirst)!.fields;
  const dated = vote(accounts, (e) => e.date, (a, b) => Number(b.date_source === 'text') - Number(a.date_source === 'text'))?.fields ?? null;
  const actor1 = vote(accounts, (e) => e.actor1?.side ?? null)?.fields.actor1 ?? null;
  const actor2 = vote(accounts.filter((a) => a.fields.actor2?.side !== actor1?.side), (e) => e.actor2?.side ?? null)?.fields.actor2 ?? null;
  const placed = [...accounts].filter((a) => a.fields.location).sort((a, b) => a.fields.location!.geo_precision - b.fields.location!.geo_precision);
  const bestPrecision = placed[0]?.fields.location?.geo_precision;
  const location: Place | null = vote(placed.filter((a) => a.fields.location!.geo_precision === bestPrecision), (e) => e.location!.name)?.fields.location ?? null;
  // Tolls: the figure most sources give; on a tie the lower one (ACLED codes the conservative figure).
  const toll = (field: 'fatalities' | 'injured') => {
    const v = vote(accounts, (e) => (e[field] === null ? null : String(e[field])), (a, b) => (a[field] ?? 0) - (b[field] ?? 0));
    return v ? v.fields[field] : null;
  };
  const provenance: Record<string, string> = {};
  const from = (pred: (e: AccountFields) => boolean) => accounts.find((a) => pred(a.fields))?.first;
  const set = (field: string, key: string | undefined) => {
    if (key) provenance[field] = key;
  };
  set('date', from((e) => e.date === dated?.date));
  set('actor1', from((e) => e.actor1?.side === actor1?.side && e.actor1 !== null));
  set('location', from((e) => e.location?.name === location?.name && e.location !== null));
  const first = dated ?? accounts[0]!.fields;
  return {
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
    ceasefire_violation: accounts.some((a) => a.fields.ceasefire_violation),
    provenance,
  };
}

/** A value in an account key: null and undefined told apart (the votes and provenance do). */
const part = (x: unknown): string => (x === undefined ? '\u0000u' : x === null ? '\u0000n' : String(x));
const objectPart = <T>(o: T | null | undefined, inner: (o: T) => string): string => (o === null || o === undefined ? part(o) : inner(o));

/**
 * What the votes and provenance of `mergeAccounts` read of a report: its account. Reports with
 * one key count together; the fields a vote returns (an actor with its span, a date range, a
 * place) are those of the account's first report, which is the first report of every value the
 * key holds. So near-copies that differ only in their spans are one account.
 */
export function accountKey(f: AccountFields): string {
  return [
    f.event_type,
    f.sub_event_type,
    part(f.date),
    part(f.date_source),
    objectPart(f.actor1, (a) => `a${part(a.side)}`),
    objectPart(f.actor2, (a) => `a${part(a.side)}`),
    objectPart(f.location, (l) => `l${part(l.geo_precision)}\u0002${part(l.name)}`),
    part(f.fatalities),
    part(f.injured),
    part(f.ceasefire_violation),
  ].join('\u0001');
}

/** The fields of a report's event that merging reads, and their account key. */
const accountFieldsCache = new WeakMap<object, { key: string; fields: AccountFields }>();
export function accountOf(e: ArticleEvent): { key: string; fields: AccountFields } {
  let a = accountFieldsCache.get(e);
  if (a === undefined) {
    const fields: AccountFields = {
      event_type: e.event_type,
      sub_event_type: e.sub_event_type,
      date: e.date,
      date_end: e.date_end,
      date_precision: e.date_precision,
      date_source: e.date_source,
      actor1: e.actor1,
      actor2: e.actor2,
      location: e.location,
      fatalities: e.fatalities,
      injured: e.injured,
      ceasefire_violation: e.ceasefire_violation,
    };
    const copy = JSON.parse(JSON.stringify(fields)) as AccountFields;
    a = { key: accountKey(copy), fields: copy };
    accountFieldsCache.set(e, a);
  }
  return a;
}

/** The accounts of `reports` (given in canonical order), in order of their first report. */
function accountsOf(reports: readonly Report[]): Account[] {
  const byKey = new Map<string, { first: string; firstDate: string | null; n: number; fields: AccountFields }>();
  for (const r of reports) {
    const { key, fields } = accountOf(r.event);
    const a = byKey.get(key);
    if (a) a.n++;
    else byKey.set(key, { first: r.key, firstDate: r.event.date, n: 1, fields });
  }
  return [...byKey.values()];
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

/** What a merged event holds besides its voted fields (`mergedFields`). */
interface EventRest {
  readonly claims: readonly Claim[];
  readonly evidence: readonly Span[];
  readonly sources: number;
  readonly contradictions: MergedEvent['contradictions'];
  readonly outlets: readonly string[];
  readonly superseded: readonly { article_id: string; event_id: string; superseded_by: string }[];
}

/**
 * A merged event's fields but its id, story and reports, in the key order of its JSON (which the
 * store keeps and the CLI prints): the voted fields, then `background`, claims, evidence, sources,
 * contradictions and the Sitrep extensions (outlets, superseded, provenance).
 */
export function mergedFields(merged: AccountMerge, rest: EventRest): Omit<MergedEvent, 'id' | 'story_id' | 'reports'> {
  const { provenance, ...voted } = merged;
  return {
    ...voted,
    background: false,
    claims: rest.claims,
    evidence: rest.evidence,
    sources: rest.sources,
    contradictions: rest.contradictions,
    // Sitrep extensions, kept in the event's JSON.
    ...{ outlets: rest.outlets, superseded: rest.superseded, provenance },
  };
}

/** Builds the merged event for `reports` (all of one happening), with its summary when they come in canonical order. */
export function mergeReports(reports: readonly Report[], storyId: string | null): MergedEvent {
  const superseded = supersededReports(reports);
  const current = reports.filter((r) => !superseded.has(r.key));
  const accounts = accountsOf(current);
  const merged = mergeAccounts(accounts);
  const sources = new Set(reports.map((r) => r.article.sourceKey));
  const claims: Claim[] = reports.flatMap((r) => r.event.claims.map((c) => withArticle(c, r.article.id)));
  const evidence: Span[] = reports.flatMap((r) => r.event.evidence.map((s) => withArticle(s, r.article.id)));
  const keys = [...reports].map((r) => r.key).sort();
  const byKey = new Map(reports.map((r) => [r.key, r]));
  const tallies = new Tallies();
  for (const r of current) tallies.add(r);
  const { sources: sourceCount, contradictions, ...head } = mergedFields(merged, {
    claims,
    evidence,
    sources: sources.size,
    contradictions: tallies.contradictions(),
    outlets: [...new Set(reports.map((r) => r.article.outlet).filter((o): o is string => Boolean(o)))].sort(),
    superseded: [...superseded.entries()].sort().map(([key, by]) => ({ article_id: byKey.get(key)!.article.id, event_id: byKey.get(key)!.event.id, superseded_by: by })),
  });
  const { outlets, superseded: supersededList, provenance, ...fields } = head as typeof head & { outlets: unknown; superseded: unknown; provenance: unknown };
  const event: MergedEvent = {
    id: mergedEventId(reports),
    story_id: storyId,
    ...fields,
    reports: keys.map((k) => ({ article_id: byKey.get(k)!.article.id, event_id: byKey.get(k)!.event.id })),
    sources: sourceCount,
    contradictions,
    // Sitrep extensions, kept in the event's JSON.
    ...{ outlets, superseded: supersededList, provenance },
  };
  const canonical = reports.every((r, i) => i === 0 || compareReports(reports[i - 1]!, r) < 0);
  return canonical ? attachSummary(event, summarise(reports, accounts, tallies, superseded.size > 0)) : event;
}

/** The summary of an event of `reports` (canonical order), whose current reports have `accounts` and `tallies`. */
function summarise(reports: readonly Report[], accounts: readonly Account[], tallies: Tallies, superseded: boolean): EventSummary {
  const published: Record<string, [string, string]> = {};
  const kinds = new Map<string, { signature: string; article: string; event: KindEvent; end: string | null }>();
  for (const r of reports) {
    const outlet = r.article.outlet;
    if (outlet) {
      const p = r.article.published ?? '';
      const span = published[outlet];
      if (span === undefined) published[outlet] = [p, p];
      else {
        if (p < span[0]) span[0] = p;
        if (p > span[1]) span[1] = p;
      }
    }
    addKind(kinds, r);
  }
  return {
    v: 1,
    first: reports[0]!.key,
    firstDate: reports[0]!.event.date,
    smallestKey: reports.map((r) => r.key).sort()[0]!,
    accounts,
    tallies: tallies.toJSON(),
    published,
    superseded,
    sourceOutlets: sourceOutlets(reports.map((r) => r.article.outlet)),
    articles: [...new Set(reports.map((r) => r.article.id))].sort().slice(0, STORY_ARTICLES_PER_EVENT),
    kinds: [...kinds.values()],
  };
}

/** Outlets as source grouping compares them (`source-groups.ts`), distinct and sorted. */
export function sourceOutlets(outlets: readonly (string | null)[]): string[] {
  return [...new Set(outlets.map((o) => o?.trim().toLowerCase()).filter((o): o is string => Boolean(o)))].sort();
}

/** Adds `r`'s compatibility kind to `kinds` (a representative per signature, and the latest end date). */
export function addKind(kinds: Map<string, { signature: string; article: string; event: KindEvent; end: string | null }>, r: Report): void {
  const signature = compatibilitySignature(r);
  const end = r.event.date_end ?? r.event.date;
  const known = kinds.get(signature);
  if (known === undefined) {
    const e = r.event;
    const event: KindEvent = {
      event_type: e.event_type,
      sub_event_type: e.sub_event_type,
      date: e.date,
      date_precision: e.date_precision,
      actor1: e.actor1 ? ({ side: e.actor1.side } as Actor) : null,
      location: e.location,
    };
    kinds.set(signature, { signature, article: r.article.id, event, end });
  } else if (end !== null && (known.end === null || end > known.end)) known.end = end;
}
