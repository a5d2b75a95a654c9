/**
 * ACLED's coded values that the acled-csv export derives (#17 item 7), from data files:
 * `data/export/acled-countries.tsv` (ISO 3166-1 numeric `iso` and ACLED `region` by ISO alpha-3)
 * and `data/export/acled-disorder-types.tsv` (`disorder_type` by event and sub-event type). Both
 * are read once and validated; a malformed file is an error naming the file and line.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The region names ACLED publishes. */
export const ACLED_REGIONS = [
  'Western Africa', 'Middle Africa', 'Eastern Africa', 'Southern Africa', 'Northern Africa', 'South Asia', 'Southeast Asia',
  'Middle East', 'Europe', 'Caucasus and Central Asia', 'Central America', 'South America', 'Caribbean', 'East Asia',
  'North America', 'Oceania', 'Antarctica',
] as const;

/** ACLED's disorder types. */
export const DISORDER_TYPES = ['Political violence', 'Demonstrations', 'Strategic developments', 'Political violence; Demonstrations'] as const;

const COUNTRIES_TSV = fileURLToPath(new URL('../../data/export/acled-countries.tsv', import.meta.url));
const DISORDER_TSV = fileURLToPath(new URL('../../data/export/acled-disorder-types.tsv', import.meta.url));

/** Rows of a TSV data file with a header line; `#` lines are comments. */
export function readTsv(file: string, columns: readonly string[]): Record<string, string>[] {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  let header: string[] | null = null;
  const rows: Record<string, string>[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    const cells = line.split('\t');
    if (header === null) {
      header = cells;
      for (const c of columns) if (!header.includes(c)) throw new Error(`${file}:${i + 1}: the header needs a column ${c}`);
      return;
    }
    if (cells.length !== header.length) throw new Error(`${file}:${i + 1}: ${cells.length} cells where the header has ${header.length}`);
    rows.push(Object.fromEntries(header.map((h, k) => [h, cells[k]!])));
  });
  return rows;
}

interface CountryCodes {
  readonly iso: number | null;
  readonly region: string;
}

let countries: Map<string, CountryCodes> | null = null;
let disorder: Map<string, string> | null = null;

/** Loads and validates `acled-countries.tsv` (exported for its test). */
export function loadCountryCodes(file = COUNTRIES_TSV): Map<string, CountryCodes> {
  const map = new Map<string, CountryCodes>();
  for (const [n, r] of readTsv(file, ['iso3', 'iso_numeric', 'acled_region']).entries()) {
    const where = `${file}: row ${n + 1} (${r.iso3})`;
    if (!/^[A-Z]{3}$/.test(r.iso3!)) throw new Error(`${where}: iso3 must be three capital letters`);
    if (r.iso_numeric !== '' && !/^\d{3}$/.test(r.iso_numeric!)) throw new Error(`${where}: iso_numeric must be three digits or empty`);
    if (!(ACLED_REGIONS as readonly string[]).includes(r.acled_region!)) throw new Error(`${where}: ${JSON.stringify(r.acled_region)} is not an ACLED region`);
    if (map.has(r.iso3!)) throw new Error(`${where}: listed twice`);
    map.set(r.iso3!, { iso: r.iso_numeric === '' ? null : Number(r.iso_numeric), region: r.acled_region! });
  }
  return map;
}

/** Loads and validates `acled-disorder-types.tsv` (exported for its test): `type|sub-type` and `type|` (the type's default) → disorder type. */
export function loadDisorderTypes(file = DISORDER_TSV): Map<string, string> {
  const map = new Map<string, string>();
  for (const [n, r] of readTsv(file, ['event_type', 'sub_event_type', 'disorder_type']).entries()) {
    if (!(DISORDER_TYPES as readonly string[]).includes(r.disorder_type!)) throw new Error(`${file}: row ${n + 1}: ${JSON.stringify(r.disorder_type)} is not an ACLED disorder type`);
    const key = `${r.event_type}|${r.sub_event_type}`;
    if (map.has(key)) throw new Error(`${file}: row ${n + 1}: ${key} listed twice`);
    map.set(key, r.disorder_type!);
  }
  return map;
}

/** ISO 3166-1 numeric code of a country given by ISO alpha-3 (`AZE` → 31), or null. */
export function isoNumeric(iso3: string | null | undefined): number | null {
  if (!iso3) return null;
  countries ??= loadCountryCodes();
  return countries.get(iso3)?.iso ?? null;
}

/** ACLED region of a country given by ISO alpha-3 (`AZE` → `Caucasus and Central Asia`), or null. */
export function acledRegion(iso3: string | null | undefined): string | null {
  if (!iso3) return null;
  countries ??= loadCountryCodes();
  return countries.get(iso3)?.region ?? null;
}

/** ACLED's disorder type of an event type and sub-event type, or null for a type outside the taxonomy. */
export function disorderType(eventType: string, subEventType: string): string | null {
  disorder ??= loadDisorderTypes();
  return disorder.get(`${eventType}|${subEventType}`) ?? disorder.get(`${eventType}|`) ?? null;
}

/**
 * An ACLED-style `event_id_cnty`: the country's ISO alpha-3 (`XXX` when unknown) and a number
 * derived from the merged event's id (the first 48 bits of its SHA-256, in decimal), so the
 * same stored event has the same `event_id_cnty` in every export (a merged event's id changes
 * only when its reports change).
 */
export function eventIdCnty(eventId: string, iso3: string | null | undefined): string {
  const n = Number.parseInt(createHash('sha256').update(eventId).digest('hex').slice(0, 12), 16);
  return `${iso3 && /^[A-Z]{3}$/.test(iso3) ? iso3 : 'XXX'}${n}`;
}
