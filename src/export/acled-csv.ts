/**
 * ACLED-style CSV: today's ACLED columns in ACLED's order (#17 item 7), then Sitrep's own columns
 * (prefixed `sitrep_`) so that reading the file back gives the same events
 * ({@link eventFromAcledRecord}); scripts that pick ACLED's columns by name or by position read
 * it as an ACLED file. RFC 4180 quoting, CRLF line ends, UTF-8.
 */
import type { Actor, Place } from '../model/event.js';
import type { MergedEvent } from '../store/records.js';
import { acledRegion, disorderType, eventIdCnty, isoNumeric } from './acled-codebook.js';
import { countryName } from './country-names.js';

/** ACLED's columns, in the order ACLED publishes them. */
export const ACLED_COLUMNS = [
  'event_id_cnty', 'event_date', 'year', 'time_precision', 'disorder_type', 'event_type', 'sub_event_type',
  'actor1', 'assoc_actor_1', 'inter1', 'actor2', 'assoc_actor_2', 'inter2', 'interaction', 'civilian_targeting',
  'iso', 'region', 'country', 'admin1', 'admin2', 'admin3', 'location', 'latitude', 'longitude', 'geo_precision',
  'source', 'source_scale', 'notes', 'fatalities', 'tags', 'timestamp',
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

/** What the CSV needs to know about a reporting article: its outlet (`source`) and when it was stored (`timestamp`). */
export interface ReportingArticle {
  readonly outlet: string | null;
  /** ISO date-time. */
  readonly ingested_at: string;
}

/** The reporting article of an id, or null when it is not stored. */
export type ArticleLookup = (articleId: string) => ReportingArticle | null;

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

/**
 * ACLED's `source`: who reported the event. Each report's outlet; for a report whose article has
 * no known outlet, the claimants quoted in that article; when that leaves nothing, every
 * claimant of the event. Never an article id: empty only when no outlet or claimant is known.
 */
export function eventSources(e: MergedEvent, articleOf: ArticleLookup): string[] {
  const names = new Set<string>();
  const claimantsOf = (articleId: string | null): string[] =>
    e.claims
      .filter((c) => articleId === null || (c as { article_id?: string }).article_id === articleId)
      .map((c) => c.claimant?.name?.trim() ?? '')
      .filter((n) => n !== '');
  for (const r of e.reports) {
    const outlet = articleOf(r.article_id)?.outlet?.trim();
    if (outlet) names.add(outlet);
    else for (const n of claimantsOf(r.article_id)) names.add(n);
  }
  if (names.size === 0) for (const n of claimantsOf(null)) names.add(n);
  return [...names].sort();
}

/** ACLED's `timestamp`: Unix seconds of the latest storing of a reporting article (when the event last changed), or null. */
export function eventTimestamp(e: MergedEvent, articleOf: ArticleLookup): number | null {
  let latest: number | null = null;
  for (const r of e.reports) {
    const at = articleOf(r.article_id)?.ingested_at;
    const ms = at === undefined ? Number.NaN : Date.parse(at);
    if (!Number.isNaN(ms) && (latest === null || ms > latest)) latest = ms;
  }
  return latest === null ? null : Math.floor(latest / 1000);
}

/** ACLED's `civilian_targeting`: "Civilian targeting" when the target (actor2) is civilians. */
export function civilianTargeting(e: MergedEvent): string {
  return e.actor2 !== null && (e.actor2.inter === 7 || e.actor2.side === 'CIV') ? 'Civilian targeting' : '';
}

/** The CSV values of one event, in {@link CSV_COLUMNS} order. */
export function acledValues(e: MergedEvent, articleOf: ArticleLookup): string[] {
  const placeIso = e.location?.country ?? null;
  // The event's country: where it happened, else (unlocated) the attacker's country.
  const iso = placeIso ?? e.actor1?.country ?? null;
  const tags = [e.ceasefire_violation ? 'ceasefire violation' : '', e.background ? 'background' : '', e.claims.some((c) => c.hedged) ? 'unverified claim' : '']
    .filter(Boolean)
    .join('; ');
  const acled: Record<(typeof ACLED_COLUMNS)[number], string> = {
    event_id_cnty: eventIdCnty(e.id, iso),
    event_date: str(e.date),
    year: e.date?.slice(0, 4) ?? '',
    time_precision: e.date_precision === null ? '' : (TIME_PRECISION[e.date_precision] ?? ''),
    disorder_type: str(disorderType(e.event_type, e.sub_event_type)),
    event_type: e.event_type,
    sub_event_type: e.sub_event_type,
    actor1: e.actor1?.name ?? '',
    assoc_actor_1: '',
    inter1: str(e.actor1?.inter),
    actor2: e.actor2?.name ?? '',
    assoc_actor_2: '',
    inter2: str(e.actor2?.inter),
    interaction: interaction(e.actor1?.inter ?? null, e.actor2?.inter ?? null),
    civilian_targeting: civilianTargeting(e),
    iso: str(isoNumeric(iso)),
    region: str(acledRegion(iso)),
    country: iso === null ? '' : countryName(iso),
    admin1: str(e.location?.admin1),
    admin2: str(e.location?.admin2),
    admin3: '',
    location: e.location?.name ?? '',
    latitude: str(e.location?.lat),
    longitude: str(e.location?.lon),
    geo_precision: str(e.location?.geo_precision),
    source: eventSources(e, articleOf).join('; '),
    // ACLED's scale of the source (Local, National, International…) needs data on the outlets that
    // Sitrep does not have: left empty.
    source_scale: '',
    notes: e.evidence.map((s) => s.text.replace(/\s+/g, ' ').trim()).join(' | '),
    fatalities: String(e.fatalities ?? 0),
    tags,
    timestamp: str(eventTimestamp(e, articleOf)),
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
    sitrep_country_iso3: str(placeIso),
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
export async function* acledCsvChunks(events: AsyncIterable<MergedEvent>, articleOf: ArticleLookup): AsyncGenerator<string> {
  yield csvLine(CSV_COLUMNS);
  let batch = '';
  let n = 0;
  for await (const e of events) {
    batch += csvLine(acledValues(e, articleOf));
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
