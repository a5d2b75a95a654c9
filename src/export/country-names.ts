/** English country names by ISO alpha-3, from the world pack (`packs/world/countries.tsv`), loaded once. */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

const COUNTRIES_TSV = fileURLToPath(new URL('../../packs/world/countries.tsv', import.meta.url));
let names: Map<string, string> | null = null;

function load(): Map<string, string> {
  const map = new Map<string, string>();
  const [header, ...rows] = fs.readFileSync(COUNTRIES_TSV, 'utf8').split('\n');
  const cols = (header ?? '').split('\t');
  const nameAt = cols.indexOf('name');
  const countryAt = cols.indexOf('country');
  if (nameAt < 0 || countryAt < 0) throw new Error(`${COUNTRIES_TSV}: needs columns name and country`);
  for (const row of rows) {
    const cells = row.split('\t');
    const iso = cells[countryAt];
    const name = cells[nameAt];
    if (iso && name && /^[A-Z]{3}$/.test(iso) && !map.has(iso)) map.set(iso, name);
  }
  return map;
}

/** The English name of the country `iso3` (`AZE` → `Azerbaijan`), or `iso3` itself when unknown. */
export function countryName(iso3: string): string {
  names ??= load();
  return names.get(iso3) ?? iso3;
}
