/**
 * The world pack's populated places (`places.tsv`, 124,000 rows) and divisions (`admin.tsv`,
 * 29,000) read on demand. Parsing every row
 * and indexing every alias at start-up took about a second of CPU and 100 MB of heap, for the few
 * dozen places an article names. A key table built with the data (`places.keys.tsv`, by
 * `scripts/build-place-keys.mjs`) lists, per first word key of an alias ("new" for "New York"),
 * where the rows with such an alias start in `places.tsv`; the place matcher asks for a word's rows
 * the first time it meets the word, and only those rows are parsed (each once, checked like any
 * row). Capitals, large cities and the rows the loader names are parsed at once (`eager`): they
 * take part in more than the alias index (capital cities, transliteration keys, extra aliases).
 *
 * The key table names the SHA-1 of the `places.tsv` it was built from; when the table is absent
 * or stale (the places were edited), {@link lazyPlaces} returns null and the loader reads every
 * row as before: results never depend on the table, only start-up time does.
 */
import { createHash } from 'node:crypto';
import { PackError } from './pack-error.js';
import { displayPath } from './read-pack-file.js';
import { placeRowParser, readGz } from './place-rows.js';
import type { PlaceEntry } from './types.js';

/** Rows of `places.tsv`, parsed when asked for. */
export interface LazyPlaces {
  /** Rows parsed at load, in file order: capitals, cities of {@link EAGER_POPULATION}+ people, and rows whose id the loader named. */
  readonly eager: readonly PlaceEntry[];
  /** The other rows with an alias whose first word key is `key` (parsed on the first request; the same objects every time). */
  withFirstKey(key: string): readonly PlaceEntry[];
  /** All the other rows, in file order (parses them all: for look-ups by id and full validation). */
  rest(): readonly PlaceEntry[];
}

/** Rows of this many people or more are parsed at load (the place matcher gives cities of 300,000+ transliteration keys). */
export const EAGER_POPULATION = 300_000;

/** First line of a key table: `# place keys sha1=<hex of the places table>`. */
const HEADER = /^# place keys sha1=([0-9a-f]{40})$/;

/**
 * A lazy view of `placesFile` through its key table, or null when the table is missing or was
 * built from another version of the places (then read the places whole).
 *
 * Either file may be gzipped (a name ending in `.gz`; offsets are into the decompressed bytes).
 * With `country`, every row must be of that country (a village file).
 *
 * @throws PackError when `placesFile` cannot be read, or (when a row is first parsed) a row is invalid, naming the file and line.
 */
export function lazyPlaces(placesFile: string, keysFile: string, eagerIds: ReadonlySet<string> = new Set(), opts: { country?: string } = {}): LazyPlaces | null {
  let keys: Buffer;
  try {
    keys = readGz(keysFile);
  } catch {
    return null;
  }
  let bytes: Buffer;
  try {
    bytes = readGz(placesFile);
  } catch (err) {
    throw new PackError(displayPath(placesFile), `cannot read file (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  const firstNl = keys.indexOf(0x0a);
  const header = HEADER.exec(keys.toString('utf8', 0, firstNl < 0 ? keys.length : firstNl));
  if (!header || header[1] !== createHash('sha1').update(bytes).digest('hex')) return null;

  const shown = displayPath(placesFile);
  // the places table's own header
  const headerEnd = placesHeaderEnd(bytes);
  const parseRow = placeRowParser(bytes.toString('utf8', headerEnd.start, headerEnd.end).split('\t'), shown, opts.country);

  // start offsets of the key table's lines (after its header)
  const starts: number[] = [];
  for (let from = firstNl + 1; from < keys.length; ) {
    starts.push(from);
    const nl = keys.indexOf(0x0a, from);
    from = nl < 0 ? keys.length : nl + 1;
  }

  const parsed = new Map<number, PlaceEntry>();
  const parseAt = (offset: number): PlaceEntry => {
    const hit = parsed.get(offset);
    if (hit) return hit;
    let end = bytes.indexOf(0x0a, offset);
    if (end < 0) end = bytes.length;
    if (end > offset && bytes[end - 1] === 0x0d) end--;
    const entry = parseRow(bytes.toString('utf8', offset, end).split('\t'), () => lineOf(bytes, offset));
    parsed.set(offset, entry);
    return entry;
  };
  const offsetsOf = (lineStart: number): number[] => {
    const tab = keys.indexOf(0x09, lineStart);
    let end = keys.indexOf(0x0a, lineStart);
    if (end < 0) end = keys.length;
    if (tab < 0 || tab >= end) return [];
    if (end === tab + 1) return [];
    return keys.toString('latin1', tab + 1, end).split(',').map(Number);
  };

  // the eager rows: listed on the table's first line (an empty key sorts first), plus those named by id
  const eagerOffsets = new Set<number>(starts.length > 0 && keys[starts[0]!] === 0x09 ? offsetsOf(starts[0]!) : []);
  for (const id of eagerIds) {
    const at = rowOfId(bytes, id);
    if (at >= 0) eagerOffsets.add(at);
  }
  const eager = [...eagerOffsets].sort((a, b) => a - b).map(parseAt);

  const byKey = new Map<string, readonly PlaceEntry[]>();
  let rest: PlaceEntry[] | null = null;
  return {
    eager,
    withFirstKey(key: string): readonly PlaceEntry[] {
      const hit = byKey.get(key);
      if (hit) return hit;
      const q = Buffer.from(key, 'utf8');
      let lo = 0;
      let hi = starts.length - 1;
      let found: PlaceEntry[] = [];
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        const s = starts[mid]!;
        let tab = keys.indexOf(0x09, s);
        if (tab < 0) tab = keys.length;
        const c = keys.compare(q, 0, q.length, s, tab);
        if (c === 0) {
          found = offsetsOf(s).filter((o) => !eagerOffsets.has(o)).map(parseAt);
          break;
        }
        if (c < 0) lo = mid + 1;
        else hi = mid - 1;
      }
      byKey.set(key, found);
      return found;
    },
    rest(): readonly PlaceEntry[] {
      if (rest) return rest;
      const out: PlaceEntry[] = [];
      for (let from = headerEnd.next; from < bytes.length; ) {
        let nl = bytes.indexOf(0x0a, from);
        if (nl < 0) nl = bytes.length;
        const lineEnd = nl > from && bytes[nl - 1] === 0x0d ? nl - 1 : nl;
        if (lineEnd > from && bytes[from] !== 0x23 && !eagerOffsets.has(from)) out.push(parseAt(from));
        from = nl + 1;
      }
      rest = out;
      return out;
    },
  };
}

/** The header line of a TSV (the first line that is neither blank nor a `#` comment) and where the rows start. */
function placesHeaderEnd(bytes: Buffer): { start: number; end: number; next: number } {
  for (let from = 0; from < bytes.length; ) {
    let nl = bytes.indexOf(0x0a, from);
    if (nl < 0) nl = bytes.length;
    const end = nl > from && bytes[nl - 1] === 0x0d ? nl - 1 : nl;
    if (end > from && bytes[from] !== 0x23) return { start: from, end, next: nl + 1 };
    from = nl + 1;
  }
  return { start: 0, end: 0, next: bytes.length };
}

/** The 1-based line number of the line starting at `offset`. */
function lineOf(bytes: Buffer, offset: number): number {
  let n = 1;
  for (let i = bytes.indexOf(0x0a); i >= 0 && i < offset; i = bytes.indexOf(0x0a, i + 1)) n++;
  return n;
}

/** The offset of the row whose first cell is `id`, or -1. */
function rowOfId(bytes: Buffer, id: string): number {
  const needle = Buffer.from(`\n${id}\t`, 'utf8');
  const at = bytes.indexOf(needle);
  return at < 0 ? -1 : at + 1;
}
