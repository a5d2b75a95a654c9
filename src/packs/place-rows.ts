/**
 * The rows of a places table (`places.tsv`, `admin.tsv`, a country's `villages/<ISO3>.tsv.gz`) as
 * the loaders that read them on demand (`lazy-places.ts`, `villages.ts`) parse them.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { PackError } from './pack-error.js';
import { fastPlaceRow, placeRowSchema } from './schemas.js';
import type { PlaceEntry } from './types.js';

/** A file's bytes, decompressed when its name ends in `.gz`. */
export function readGz(file: string): Buffer {
  const raw = readFileSync(file);
  return file.endsWith('.gz') ? gunzipSync(raw) : raw;
}

/**
 * A parser of the rows of a places table whose header line is `columns`: the fast conversion,
 * else the schema (whose first issue names what is wrong). With `country`, every row must be of
 * that country (a village file). `line` gives the row's 1-based line number, asked only for an error.
 *
 * @throws PackError (from the parser) naming `shown`, the line, the field and the row's id.
 */
export function placeRowParser(columns: readonly string[], shown: string, country?: string): (cells: readonly string[], line: () => number) => PlaceEntry {
  const col: Record<string, number> = {};
  columns.forEach((h, c) => (col[h] = c));
  const convert = fastPlaceRow(col);
  return (cells, line) => {
    if (cells.length > columns.length) throw new PackError(shown, `${cells.length} cells for ${columns.length} columns`, { row: line() });
    let entry = convert(cells);
    if (entry === undefined) {
      const row: Record<string, string> = {};
      for (let c = 0; c < columns.length; c++) row[columns[c]!] = cells[c] ?? '';
      const res = placeRowSchema.safeParse(row);
      if (!res.success) {
        const issue = res.error.issues[0];
        const field = issue ? issue.path.join('.') : '';
        throw new PackError(shown, issue?.message ?? 'invalid', { row: line(), field: field === '' ? null : field, id: row.id ?? null });
      }
      entry = res.data;
    }
    if (country !== undefined && entry.country !== country) {
      throw new PackError(shown, `a row of ${entry.country ?? 'no country'} in the file of ${country}`, { row: line(), field: 'country', id: entry.id });
    }
    return entry;
  };
}
