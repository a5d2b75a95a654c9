import type { EventFields } from '../records.js';

/** A value bound to one of the shared event columns. */
export type EventColumnValue = string | number | null;

/**
 * The shared indexed event columns of `article_events` and `events` (see `migrations.ts`), in the
 * order {@link eventColumnValues} returns their values, for building INSERT statements.
 */
export const EVENT_COLUMN_NAMES = [
  'event_type',
  'sub_event_type',
  'date',
  'date_end',
  'side1',
  'side2',
  'place_name',
  'lat',
  'lon',
  'fatalities',
  'injured',
  'ceasefire_violation',
  'background',
] as const;

/**
 * The filterable fields of an event (article-level or merged) as column values, in the order of
 * {@link EVENT_COLUMN_NAMES}. Positional: binding by name costs ~3× more in better-sqlite3.
 */
export function eventColumnValues(event: EventFields): EventColumnValue[] {
  return [
    event.event_type,
    event.sub_event_type,
    event.date ?? null,
    event.date_end ?? null,
    event.actor1?.side ?? null,
    event.actor2?.side ?? null,
    event.location?.name ?? null,
    event.location?.lat ?? null,
    event.location?.lon ?? null,
    event.fatalities ?? null,
    event.injured ?? null,
    event.ceasefire_violation ? 1 : 0,
    event.background ? 1 : 0,
  ];
}
