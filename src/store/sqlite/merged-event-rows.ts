/**
 * Mapping between a {@link MergedEvent} and its `events` row. `json` holds the Event fields;
 * `story_id`, `sources` and `contradictions` live in their own columns (so a deleted story can
 * null `story_id` by foreign key), and `reports` in `event_reports`.
 */
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

/** The `events` row values for a merged event, in the order of {@link EVENT_ROW_COLUMNS}. */
export function eventRowValues(event: MergedEvent, updatedAt: string): EventColumnValue[] {
  const { id, story_id, reports, sources, contradictions, ...fields } = event;
  return [
    id,
    story_id,
    ...eventColumnValues(fields),
    JSON.stringify(fields),
    reports.length,
    sources,
    JSON.stringify(contradictions),
    updatedAt,
  ];
}

/** What `listEvents` selects per event: the row's JSON columns plus the reports as a JSON array. */
export interface EventSelectRow {
  readonly id: string;
  readonly story_id: string | null;
  readonly json: string;
  readonly sources_count: number;
  readonly contradictions_json: string;
  readonly reports_json: string;
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
