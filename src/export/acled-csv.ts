/**
 * ACLED-style CSV: ACLED's column names in ACLED's order wherever Sitrep has the column, then
 * Sitrep's own columns (prefixed `sitrep_`) so that reading the file back gives the same events
 * ({@link eventFromAcledRecord}). RFC 4180 quoting, CRLF line ends, UTF-8.
 */
import type { Actor, Place } from '../model/event.js';
import type { MergedEvent } from '../store/records.js';
import { countryName } from './country-names.js';

/** ACLED's columns, in ACLED's order (those Sitrep can fill). */
export const ACLED_COLUMNS = [
  'event_id_cnty', 'event_date', 'year', 'time_precision', 'event_type', 'sub_event_type',
  'actor1', 'assoc_actor_1', 'inter1', 'actor2', 'assoc_actor_2', 'inter2', 'interaction',
  'country', 'admin1', 'admin2', 'admin3', 'location', 'latitude', 'longitude', 'geo_precision',
  'source', 'source_scale', 'notes', 'fatalities', 'tags',
] as const;

/** Sitrep's columns after ACLED's: what ACLED has no column for, so nothing is lost. */
export const SITREP_COLUMNS = [
  'sitrep_id', 'sitrep_date_end', 'sitrep_date_precision', 'sitrep_date_source',
  'sitrep_actor1_side', 'sitrep_actor1_country', 'sitrep_actor2_side', 'sitrep_actor2_country',
  'sitrep_country_iso3', 'sitrep_location_source_text', 'sitrep_fatalities_known', 'sitrep_injured',
  'sitrep_ceasefire_violation', 'sitrep_background', 'sitrep_story_id', 'sitrep_sources',
  'sitrep_reports', 'sitrep_claims', 'sitrep_evidence', 'sitrep_contradictions',
] as const;

/** Every column of the export, in order. */
export const CSV_COLUMNS: readonly string[] = [...ACLED_COLUMNS, ...SITREP_COLUMNS];

/** What the CSV needs to know about the reporting articles (for `source`). */
export type OutletLookup = (articleId: string) => string | null;

const TIME_PRECISION: Readonly<Record<string, string>> = { day: '1', week: '2', month: '3', year: '3' };
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** One CSV field, quoted when it must be. */
export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One CSV record with its CRLF. */
export function csvLine(values: readonly string[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

const str = (v: string | number | null | undefined): string => (v === null || v === undefined ? '' : String(v));

/** ACLED's interaction code: the two inter codes, smaller first; `inter1` then 0 for one-actor events. */
export function interaction(inter1: number | null, inter2: number | null): string {
  if (inter1 === null) return '';
  if (inter2 === null) return `${inter1}0`;
  return `${Math.min(inter1, inter2)}${Math.max(inter1, inter2)}`;
}

/** The CSV values of one event, in {@link CSV_COLUMNS} order. */
export function acledValues(e: MergedEvent, outletOf: OutletLookup): string[] {
  const outlets = [...new Set(e.reports.map((r) => outletOf(r.article_id)).filter((o): o is string => o !== null))].sort();
  const iso = e.location?.country ?? null;
  const tags = [e.ceasefire_violation ? 'ceasefire violation' : '', e.background ? 'background' : '', e.claims.some((c) => c.hedged) ? 'unverified claim' : '']
    .filter(Boolean)
    .join('; ');
  const acled: Record<(typeof ACLED_COLUMNS)[number], string> = {
    event_id_cnty: e.id,
    event_date: str(e.date),
    year: e.date?.slice(0, 4) ?? '',
    time_precision: e.date_precision === null ? '' : (TIME_PRECISION[e.date_precision] ?? ''),
    event_type: e.event_type,
    sub_event_type: e.sub_event_type,
    actor1: e.actor1?.name ?? '',
    assoc_actor_1: '',
    inter1: str(e.actor1?.inter),
    actor2: e.actor2?.name ?? '',
    assoc_actor_2: '',
    inter2: str(e.actor2?.inter),
    interaction: interaction(e.actor1?.inter ?? null, e.actor2?.inter ?? null),
    country: iso === null ? '' : countryName(iso),
    admin1: str(e.location?.admin1),
    admin2: str(e.location?.admin2),
    admin3: '',
    location: e.location?.name ?? '',
    latitude: str(e.location?.lat),
    longitude: str(e.location?.lon),
    geo_precision: str(e.location?.geo_precision),
    source: outlets.join('; '),
    source_scale: '',
    notes: e.evidence.map((s) => s.text.replace(/\s+/g, ' ').trim()).join(' | '),
    fatalities: String(e.fatalities ?? 0),
    tags,
  };
  const sitrep: Record<(typeof SITREP_COLUMNS)[number], string> = {
    sitrep_id: e.id,
    sitrep_date_end: str(e.date_end),
    sitrep_date_precision: str(e.date_precision),
    sitrep_date_source: str(e.date_source),
    sitrep_actor1_side: str(e.actor1?.side),
    sitrep_actor1_country: str(e.actor1?.country),
    sitrep_actor2_side: str(e.actor2?.side),
    sitrep_actor2_country: str(e.actor2?.country),
    sitrep_country_iso3: str(iso),
    sitrep_location_source_text: str(e.location?.source_text),
    sitrep_fatalities_known: e.fatalities === null ? 'false' : 'true',
    sitrep_injured: str(e.injured),
    sitrep_ceasefire_violation: String(e.ceasefire_violation),
    sitrep_background: String(e.background),
    sitrep_story_id: str(e.story_id),
    sitrep_sources: String(e.sources),
    sitrep_reports: JSON.stringify(e.reports),
    sitrep_claims: JSON.stringify(e.claims),
    sitrep_evidence: JSON.stringify(e.evidence),
    sitrep_contradictions: JSON.stringify(e.contradictions),
  };
  return [...ACLED_COLUMNS.map((c) => acled[c]), ...SITREP_COLUMNS.map((c) => sitrep[c])];
}

/** The CSV text: a header line, then one line per event. */
export async function* acledCsvChunks(events: AsyncIterable<MergedEvent>, outletOf: OutletLookup): AsyncGenerator<string> {
  yield csvLine(CSV_COLUMNS);
  let batch = '';
  let n = 0;
  for await (const e of events) {
    batch += csvLine(acledValues(e, outletOf));
    if (++n % 500 === 0) {
      yield batch;
      batch = '';
    }
  }
  if (batch !== '') yield batch;
}

const orNull = (s: string | undefined): string | null => (s === undefined || s === '' ? null : s);
const numOrNull = (s: string | undefined): number | null => (s === undefined || s === '' ? null : Number(s));

function actorFrom(r: Readonly<Record<string, string>>, n: 1 | 2): Actor | null {
  const name = r[`actor${n}`];
  if (!name) return null;
  return { name, side: orNull(r[`sitrep_actor${n}_side`]), country: orNull(r[`sitrep_actor${n}_country`]), inter: numOrNull(r[`inter${n}`]) };
}

function placeFrom(r: Readonly<Record<string, string>>): Place | null {
  if (!r.location) return null;
  return {
    name: r.location,
    source_text: r.sitrep_location_source_text ?? '',
    country: orNull(r.sitrep_country_iso3),
    admin1: orNull(r.admin1),
    admin2: orNull(r.admin2),
    lat: numOrNull(r.latitude),
    lon: numOrNull(r.longitude),
    geo_precision: Number(r.geo_precision) as Place['geo_precision'],
  };
}

/**
 * Rebuilds a merged event from one parsed CSV record (column name → value). Actors and places
 * come back with their event-model fields (`name`, `side`, `country`, `inter`; `name`,
 * `source_text`, `country`, `admin1/2`, `lat`, `lon`, `geo_precision`), not pack ids or spans.
 */
export function eventFromAcledRecord(r: Readonly<Record<string, string>>): MergedEvent {
  return {
    id: r.sitrep_id ?? r.event_id_cnty ?? '',
    event_type: r.event_type ?? '',
    sub_event_type: r.sub_event_type ?? '',
    date: orNull(r.event_date),
    date_end: orNull(r.sitrep_date_end),
    date_precision: orNull(r.sitrep_date_precision) as MergedEvent['date_precision'],
    date_source: orNull(r.sitrep_date_source) as MergedEvent['date_source'],
    actor1: actorFrom(r, 1),
    actor2: actorFrom(r, 2),
    location: placeFrom(r),
    fatalities: r.sitrep_fatalities_known === 'true' ? Number(r.fatalities) : null,
    injured: numOrNull(r.sitrep_injured),
    ceasefire_violation: r.sitrep_ceasefire_violation === 'true',
    background: r.sitrep_background === 'true',
    claims: JSON.parse(r.sitrep_claims || '[]') as MergedEvent['claims'],
    evidence: JSON.parse(r.sitrep_evidence || '[]') as MergedEvent['evidence'],
    story_id: orNull(r.sitrep_story_id),
    reports: JSON.parse(r.sitrep_reports || '[]') as MergedEvent['reports'],
    sources: Number(r.sitrep_sources || '0'),
    contradictions: JSON.parse(r.sitrep_contradictions || '[]') as MergedEvent['contradictions'],
  };
}
