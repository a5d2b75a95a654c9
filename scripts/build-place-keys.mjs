#!/usr/bin/env node
/**
 * Builds the key tables through which the world pack's places are read on demand
 * (`src/packs/lazy-places.ts`): `packs/world/places.keys.tsv` for `places.tsv`, `admin.keys.tsv`
 * for `admin.tsv`, and `villages/<ISO3>.keys.tsv.gz` beside each country's villages. Per first
 * word key of an alias, the byte offsets of the rows having such an alias; on the first line
 * (empty key) the rows parsed at load (capitals and places of 300,000+ people). The header names
 * the SHA-1 of the table it was built from: a stale key table is ignored (every row is then read,
 * as without it).
 *
 *   npm run build && node scripts/build-place-keys.mjs [PACKS_DIR]
 *
 * Run it after `build-world-places.mjs`, `build-world-villages.mjs` or any edit of those tables.
 * It uses the compiled word keys of `dist/` (the same code the matcher uses);
 * `lazy-places.test.ts` checks the tables against the places and the code. Output is sorted by
 * key bytes, so re-running it is a no-op.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const packsDir = path.resolve(process.argv[2] ?? path.join(repoRoot, 'packs'));
const dist = (m) => pathToFileURL(path.join(repoRoot, 'dist', 'packs', m)).href;
const { placeKeyTable } = await import(dist('place-keys.js'));

const manifest = JSON.parse(readFileSync(path.join(packsDir, 'world', 'pack.json'), 'utf8'));
for (const [data, keys] of [['cities', 'cityKeys'], ['admin', 'adminKeys']]) {
  if (!manifest.files[data] || !manifest.files[keys]) continue;
  const placesFile = path.join(packsDir, 'world', manifest.files[data]);
  const keysFile = path.join(packsDir, 'world', manifest.files[keys]);
  const bytes = readFileSync(placesFile);
  const table = placeKeyTable(bytes);
  writeFileSync(keysFile, table);
  console.log(`${path.relative(process.cwd(), keysFile)}: ${table.split('\n').length - 3} keys for ${path.relative(process.cwd(), placesFile)} (sha1 ${createHash('sha1').update(bytes).digest('hex').slice(0, 12)})`);
}
// the villages: one gzipped table beside each country's file (BFA.tsv.gz → BFA.keys.tsv.gz)
if (manifest.files.villages) {
  const dir = path.join(packsDir, 'world', manifest.files.villages);
  let n = 0;
  for (const name of readdirSync(dir).sort()) {
    const m = /^([A-Z]{3})\.tsv(\.gz)?$/.exec(name);
    if (!m) continue;
    const raw = readFileSync(path.join(dir, name));
    writeFileSync(path.join(dir, `${m[1]}.keys.tsv.gz`), gzipSync(placeKeyTable(m[2] ? gunzipSync(raw) : raw), { level: 9 }));
    n++;
  }
  console.log(`${path.relative(process.cwd(), dir)}: key tables of ${n} countries`);
}
