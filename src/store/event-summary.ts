/**
 * The summary of a merged event that lets one more report be added without reading the event's
 * reports (DESIGN.md, "Many reports of one happening"). `mergeReports` makes it beside the event
 * and attaches it here (`attachSummary`); a store that keeps summaries (SQLite) writes it with the
 * event, and then stores the event's claims and evidence as those of its reports' article events
 * (tagged with their article, in canonical report order) instead of in the event's JSON. The
 * resolver's fast path (`src/resolve/append-report.ts`) reads it back, adds the report and writes
 * the change with `Store.appendReport`.
 */
import type { ArticleEvent } from '../model/event.js';
import type { MergedEvent } from './records.js';

/** The fields of an article event that merging reads, besides claims (one distinct account). */
export type AccountFields = Pick<
  ArticleEvent,
  'event_type' | 'sub_event_type' | 'date' | 'date_end' | 'date_precision' | 'date_source' | 'actor1' | 'actor2' | 'location' | 'fatalities' | 'injured' | 'ceasefire_violation'
>;

/**
 * The reports of a merged event that agree on what the votes read (`accountKey` in
 * `src/resolve/merge-reports.ts`): how many, and the first in canonical order, whose fields a vote returns.
 */
export interface Account {
  /** Key (`article#event`) and date of the first report of the account in canonical order. */
  readonly first: string;
  readonly firstDate: string | null;
  readonly n: number;
  readonly fields: AccountFields;
}

/** One value of a contradiction tally and who gives it (`src/resolve/contradictions.ts`). */
export type TallyEntries = readonly (readonly [key: string, value: unknown, claimants: readonly string[]])[];

export interface TalliesJson {
  readonly initiator: TallyEntries;
  readonly fatalities: TallyEntries;
  readonly injured: TallyEntries;
  readonly dates: TallyEntries;
  readonly control: readonly (readonly [place: string, entries: TallyEntries])[];
}

/** The fields `reportsCompatible` reads of a report (its kind's representative). */
export type KindEvent = Pick<ArticleEvent, 'event_type' | 'sub_event_type' | 'date' | 'date_precision' | 'actor1' | 'location'>;

/** One distinct compatibility kind of an event (`compatibilitySignature`), with a representative. */
export interface EventKind {
  readonly signature: string;
  /** The representative's article (compatibility excludes reports of one article). */
  readonly article: string;
  readonly event: KindEvent;
  /** Latest `date_end ?? date` among the kind's reports (what window filters read). */
  readonly end: string | null;
}

export interface EventSummary {
  readonly v: 1;
  /** The canonical first report (it names the event). */
  readonly first: string;
  readonly firstDate: string | null;
  /** The smallest report key (the event's id is made from it, `mergedEventId`). */
  readonly smallestKey: string;
  /** The accounts of the reports not superseded, in canonical order of their first report. */
  readonly accounts: readonly Account[];
  readonly tallies: TalliesJson;
  /** Per outlet (as given), the earliest and latest publication date of its reports ('' when unknown). */
  readonly published: Readonly<Record<string, readonly [string, string]>>;
  /** Whether a later article of an outlet superseded a report (the fast path then does not apply). */
  readonly superseded: boolean;
  /** Outlets as source grouping compares them (trimmed, lower case), sorted. */
  readonly sourceOutlets: readonly string[];
  /** The smallest article ids (at most STORY_ARTICLES_PER_EVENT: what story clustering reads). */
  readonly articles: readonly string[];
  readonly kinds: readonly EventKind[];
}

/** Summaries by event; a stored one read back stays JSON text until it is needed. */
const summaries = new WeakMap<MergedEvent, EventSummary | string>();

/** Attaches `summary` (or its JSON text) to `event` (an object made by `mergeReports` or read back); returns the event. */
export function attachSummary<T extends MergedEvent>(event: T, summary: EventSummary | string): T {
  summaries.set(event, summary);
  return event;
}

/** `event` with another story (its summary carried over: the story is no field the summary holds). */
export function withStory(event: MergedEvent, storyId: string | null): MergedEvent {
  const out = { ...event, story_id: storyId };
  const summary = summaries.get(event);
  return summary === undefined ? out : attachSummary(out, summary);
}

/** The summary attached to `event`, if any. */
export function summaryOf(event: MergedEvent): EventSummary | undefined {
  const summary = summaries.get(event);
  if (typeof summary !== 'string') return summary;
  const parsed = JSON.parse(summary) as EventSummary;
  summaries.set(event, parsed);
  return parsed;
}

/** The JSON text of the summary attached to `event`, if any (what a store writes). */
export function summaryJsonOf(event: MergedEvent): string | undefined {
  const summary = summaries.get(event);
  return summary === undefined || typeof summary === 'string' ? summary : JSON.stringify(summary);
}

/** A report added to a summarised event without reading its other reports (`Store.appendReport`). */
export interface ReportAppend {
  readonly event_id: string;
  readonly report: { readonly article_id: string; readonly event_id: string };
  /**
   * The event's new fields (its id and story do not change), in `mergeReports`' key order, with
   * `claims` and `evidence` empty: a summarised event's are its reports'.
   */
  readonly fields: Omit<MergedEvent, 'id' | 'story_id' | 'reports'>;
  readonly summary: EventSummary;
}

/** A stored event's summary and what the fast path checks beside it (`Store.readEventSummary`). */
export interface StoredSummary {
  readonly id: string;
  readonly story_id: string | null;
  readonly sources: number;
  readonly summary: EventSummary;
}

/** An event kind found near a report (`Store.nearKinds`). */
export interface NearKind {
  readonly event_id: string;
  /** The event's number of sources (the fast path needs one). */
  readonly sources: number;
  readonly article_id: string;
  readonly event: KindEvent;
}
