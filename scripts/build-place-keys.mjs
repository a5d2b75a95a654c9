#!/usr/bin/env node
/**
 * Builds `packs/world/places.keys.tsv` and `admin.keys.tsv`, the key tables through which the
 * world pack's `places.tsv` and `admin.tsv` are read on demand (`src/packs/lazy-places.ts`): per
 * first word key of an alias, the
 * byte offsets of the rows having such an alias; on the first line (empty key) the rows parsed at
 * load (capitals and places of 300,000+ people). The header names the SHA-1 of the `places.tsv`
 * it was built from: a stale table is ignored (every row is then read at start-up, as without it).
 *
 *   npm run build && node scripts/build-place-keys.mjs [PACKS_DIR]
 *
 * Run it after `build-world-places.mjs` or any edit of `places.tsv` or `admin.tsv`. It uses the compiled word
 * keys of `dist/` (the same code the matcher uses); `places-keys.test.ts` checks the table
 * against the places and the code. Output is sorted by key bytes, so re-running it is a no-op.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
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
