/**
 * The world pack's village gazetteer (`villages/<ISO3>.tsv.gz`): about 290,000 GeoNames populated
 * places of the countries at war that `places.tsv` lacks, most of them without a known population.
 *
 * Loading them with the other places would double start-up time for articles that never name a
 * village of a war zone, so they are read lazily, one country at a time: at start-up only the
 * folder is listed; a country's file is decompressed, parsed and validated on its first request.
 * The place matcher asks only for the countries an article names (`gazetteer-index.ts`).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { lazyPlaces, type LazyPlaces } from './lazy-places.js';
import { PackError } from './pack-error.js';
import { displayPath } from './read-pack-file.js';
import { placeRowParser, readGz } from './place-rows.js';
import type { PlaceEntry } from './types.js';

/** Villages by country, parsed on demand. */
export interface VillageGazetteer {
  /** The countries (ISO alpha-3) that have villages. */
  countries(): ReadonlySet<string>;
  /** The villages of one country (alpha-3), parsed and validated on the first call; [] when none. */
  of(country: string): readonly PlaceEntry[];
  /**
   * The villages of one country read on demand through the key table beside its file
   * (`<ISO3>.keys.tsv.gz`, by `scripts/build-place-keys.mjs`), or null when it has none or a stale
   * one (then use {@link of}). The same view on every call.
   */
  lazyOf(country: string): LazyPlaces | null;
}

/** A country file's name: `BFA.tsv.gz` (or a plain `BFA.tsv`). */
const COUNTRY_FILE = /^([A-Z]{3})\.tsv(?:\.gz)?$/;

/**
 * A lazy view of a folder of per-country places tables (same columns as `places.tsv`).
 *
 * @throws PackError when the folder cannot be listed (at once), or a country's file is unreadable
 *   or has an invalid row (when that country is first asked for), naming the file and line.
 */
export function lazyVillages(dir: string): VillageGazetteer {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (err) {
    throw new PackError(displayPath(dir), `cannot read folder (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  const files = new Map<string, string>();
  for (const n of names.sort()) {
    const m = COUNTRY_FILE.exec(n);
    if (m) files.set(m[1]!, path.join(dir, n));
  }
  const countries = new Set(files.keys());
  const parsed = new Map<string, readonly PlaceEntry[]>();
  const lazy = new Map<string, LazyPlaces | null>();
  return {
    countries: () => countries,
    lazyOf(country: string): LazyPlaces | null {
      let l = lazy.get(country);
      if (l !== undefined) return l;
      const file = files.get(country);
      l = file ? lazyPlaces(file, path.join(dir, `${country}.keys.tsv.gz`), undefined, { country }) : null;
      lazy.set(country, l);
      return l;
    },
    of(country: string): readonly PlaceEntry[] {
      const hit = parsed.get(country);
      if (hit) return hit;
      const file = files.get(country);
      const rows = file ? readCountry(file, country) : [];
      parsed.set(country, rows);
      return rows;
    },
  };
}

const pool = new Map<string, string>();
function intern<T extends string | null | undefined>(x: T): T {
  if (typeof x !== 'string') return x;
  const hit = pool.get(x);
  if (hit !== undefined) return hit as T;
  pool.set(x, x);
  return x;
}

function readCountry(file: string, country: string): PlaceEntry[] {
  const shown = displayPath(file);
  let bytes: Buffer;
  try {
    bytes = readGz(file);
  } catch (err) {
    throw new PackError(shown, `cannot read file (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  let header: string[] | null = null;
  let parseRow: ReturnType<typeof placeRowParser> | null = null;
  const out: PlaceEntry[] = [];
  for (let from = 0, line = 1; from < bytes.length; line++) {
    let to = bytes.indexOf(0x0a, from);
    if (to < 0) to = bytes.length;
    const lineEnd = to > from && bytes[to - 1] === 0x0d ? to - 1 : to;
    const text = bytes.toString('utf8', from, lineEnd);
    from = to + 1;
    if (text === '' || text.startsWith('#')) continue;
    const cells = text.split('\t');
    if (header === null) {
      header = cells;
      parseRow = placeRowParser(header, shown, country);
      continue;
    }
    const row = line;
    const entry = parseRow!(cells, () => row);
    // one string per distinct kind, country and division name, not one per row
    out.push({ ...entry, kind: intern(entry.kind), country: intern(entry.country), admin1: intern(entry.admin1), admin2: intern(entry.admin2) });
  }
  if (header === null) throw new PackError(shown, 'empty table: no header line');
  return out;
}
