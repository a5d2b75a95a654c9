/**
 * Mapping between a {@link MergedEvent} and its `events` row. `json` holds the Event fields;
 * `story_id`, `sources` and `contradictions` live in their own columns (so a deleted story can
 * null `story_id` by foreign key), and `reports` in `event_reports`.
 */
import type { ArticleEvent } from '../../model/event.js';
import { summaryOf } from '../event-summary.js';
import type { Contradiction, EventFields, EventReport, MergedEvent } from '../records.js';
import { EVENT_COLUMN_NAMES, type EventColumnValue, eventColumnValues } from './event-columns.js';

/** Columns of `events` in the order {@link eventRowValues} returns their values. */
export const EVENT_ROW_COLUMNS: readonly string[] = [
  'id',
  'story_id',
  ...EVENT_COLUMN_NAMES,
  'json',
  'reports_count',
  'sources_count',
  'contradictions_json',
  'updated_at',
];

/** The `events` row values for a merged event, in the order of {@link EVENT_ROW_COLUMNS}; `keepsSummaries`: a summarised event's claims and evidence are left out (SQLite). */
export function eventRowValues(event: MergedEvent, updatedAt: string, keepsSummaries = false): EventColumnValue[] {
  const { id, story_id, reports, sources, contradictions, ...fields } = event;
  const summary = keepsSummaries ? summaryOf(event) : undefined;
  return [
    id,
    story_id,
    ...eventColumnValues(fields),
    // A summarised event's claims and evidence are its reports' (`derivedClaims`): the JSON keeps
    // their places, empty, so the event reads back with its keys in the same order.
    JSON.stringify(summary === undefined ? fields : { ...fields, claims: [], evidence: [] }),
    reports.length,
    sources,
    JSON.stringify(contradictions),
    updatedAt,
  ];
}

/** `summary_json` of a store that keeps summaries (SQLite): the event's attached summary, else null. */
export function summaryJson(event: MergedEvent): string | null {
  const summary = summaryOf(event);
  return summary === undefined ? null : JSON.stringify(summary);
}

/** An event's claims and evidence as its reports' article events give them (article event JSON by report). */
export function derivedClaims(rows: readonly (readonly [articleId: string, eventId: string, json: string])[], parse: ParseJson): Pick<MergedEvent, 'claims' | 'evidence'> {
  // Canonical report order (`compareReports`: date, undated last, then key): the order `mergeReports` tags them in.
  const reports = rows.map(([articleId, eventId, json]) => {
    const event = parse<ArticleEvent>(json);
    return { articleId, key: `${articleId}#${eventId}`, date: event.date ?? '9999', event };
  });
  reports.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return {
    claims: reports.flatMap((r) => r.event.claims.map((c) => ({ ...c, article_id: r.articleId }))),
    evidence: reports.flatMap((r) => r.event.evidence.map((e) => ({ ...e, article_id: r.articleId }))),
  };
}

/** What `listEvents` selects per event: the row's JSON columns plus the reports as a JSON array. */
export interface EventSelectRow {
  readonly id: string;
  readonly story_id: string | null;
  readonly json: string;
  readonly sources_count: number;
  readonly contradictions_json: string;
  readonly reports_json: string;
  /** The event's summary (SQLite): its claims and evidence are then its reports' (`derivedClaims`). */
  readonly summary_json?: string | null;
}

/** What `listEventOutlines` selects per event. */
export interface OutlineRow {
  readonly id: string;
  readonly story_id: string | null;
  readonly date: string | null;
  readonly reports_json: string;
}

/** Parses one JSON column (`JSON.parse`, or a `JsonParseCache`'s `parse` from `../json-parse-cache.ts`). */
export type ParseJson = <T>(json: string) => T;

/** Rebuilds a merged event from its selected row. */
export function fromEventRow(row: EventSelectRow, parse: ParseJson = (json) => JSON.parse(json)): MergedEvent {
  const fields = parse<EventFields>(row.json);
  return {
    ...fields,
    id: row.id,
    story_id: row.story_id,
    reports: parse<EventReport[]>(row.reports_json),
    sources: row.sources_count,
    contradictions: parse<Contradiction[]>(row.contradictions_json),
  };
}
