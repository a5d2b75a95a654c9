#!/usr/bin/env node
/**
 * `npm run packs:check`: invariants of the data packs that schemas cannot see.
 *
 *   node scripts/check-packs.mjs [PACKS_DIR]
 *
 * - every pack has pack.json with a licence and an attribution, and its listed files exist;
 * - ids are unique within a pack (all files together);
 * - no alias (case-, diacritic- and apostrophe-insensitive) names two ids of the same pack's
 *   curated lists (actors, curated places, world countries and actors) unless the alias is listed
 *   in the pack's `ambiguousAliases`, or the two actor entries have disjoint validity periods;
 *   homonyms among bulk gazetteer rows are expected and not reported;
 * - curated `replaces` and actor `fightsAs` point to existing ids;
 * - generated tables are sorted as their build scripts write them;
 * - when a compiled build exists (dist/), every file also goes through the zod schemas.
 * Exits 1 and prints one line per problem.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { parse as parseYaml } from 'yaml';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const packsDir = path.resolve(process.argv[2] ?? path.join(repoRoot, 'packs'));
const problems = [];
const rel = (p) => path.relative(process.cwd(), p) || p;
const problem = (file, msg) => problems.push(`${rel(file)}: ${msg}`);

/** Same folding as src/packs/fold-key.ts (lower case, no diacritics, no apostrophes). */
const SPECIAL = { ə: 'e', ı: 'i', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ß: 'ss', æ: 'ae', œ: 'oe' };
function fold(s) {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/['’ʼ‘`´ʻ]/g, '')
    .toLowerCase()
    .replace(/[əıøłđðþßæœ]/g, (c) => SPECIAL[c] ?? c)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join(' ');
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    problem(file, `cannot read JSON: ${err.message}`);
    return null;
  }
}

function readYaml(file) {
  try {
    const data = parseYaml(readFileSync(file, 'utf8'));
    if (!Array.isArray(data)) {
      problem(file, 'expected a list of entries');
      return [];
    }
    return data;
  } catch (err) {
    problem(file, `cannot read YAML: ${err.message.split('\n')[0]}`);
    return [];
  }
}

/** Rows of a TSV (gzipped when its name ends in .gz) as objects, with their line numbers. */
function readTsv(file) {
  const rows = [];
  let header = null;
  const bytes = readFileSync(file);
  (file.endsWith('.gz') ? gunzipSync(bytes) : bytes)
    .toString('utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line === '' || line.startsWith('#')) return;
      const cells = line.split('\t');
      if (!header) {
        header = cells;
        return;
      }
      const row = { line: i + 1 };
      header.forEach((h, c) => (row[h] = cells[c] ?? ''));
      rows.push(row);
    });
  return rows;
}

function checkManifest(dir, manifest, file) {
  if (!manifest) return false;
  for (const key of ['id', 'version', 'licence', 'attribution']) {
    if (typeof manifest[key] !== 'string' || manifest[key].trim() === '') problem(file, `missing "${key}"`);
  }
  for (const [key, name] of Object.entries(manifest.files ?? {})) {
    if (!existsSync(path.join(dir, name))) problem(file, `files.${key}: ${name} does not exist`);
  }
  return true;
}

/** Registers ids (unique per pack). */
function idRegistry() {
  const seen = new Map();
  return {
    add(id, where) {
      if (!id) return problem(where.file, `${where.at}: missing id`);
      if (seen.has(id)) problem(where.file, `${where.at}: duplicate id ${id} (first in ${seen.get(id)})`);
      else seen.set(id, `${rel(where.file)} ${where.at}`);
    },
    has: (id) => seen.has(id),
  };
}

/** Registers aliases of curated entries and reports those shared by two ids. */
function aliasRegistry(ambiguous) {
  const allowed = new Set((ambiguous ?? []).map(fold));
  const byKey = new Map();
  return (alias, entry, where) => {
    const key = fold(alias);
    if (key === '' || allowed.has(key)) return;
    const list = byKey.get(key) ?? [];
    for (const other of list) {
      if (other.id === entry.id) return;
      const disjoint =
        (entry.validTo && other.validFrom && entry.validTo < other.validFrom) || (other.validTo && entry.validFrom && other.validTo < entry.validFrom);
      if (!disjoint) {
        problem(where.file, `${where.at}: alias "${alias}" of ${entry.id} also names ${other.id}; list it in ambiguousAliases if intended`);
        return;
      }
    }
    list.push(entry);
    byKey.set(key, list);
  };
}

function isSorted(rows, compare) {
  for (let i = 1; i < rows.length; i++) if (compare(rows[i - 1], rows[i]) > 0) return rows[i].line;
  return 0;
}

// --- world -----------------------------------------------------------------------------------
const worldDir = path.join(packsDir, 'world');
const worldManifestFile = path.join(worldDir, 'pack.json');
const worldIds = idRegistry();
const world = existsSync(worldManifestFile) ? readJson(worldManifestFile) : (problem(worldManifestFile, 'missing'), null);
if (checkManifest(worldDir, world, worldManifestFile) && world.files) {
  const placeAlias = aliasRegistry(world.ambiguousAliases);
  const actorAlias = aliasRegistry(world.ambiguousAliases);
  for (const key of ['countries', 'cities', 'admin', 'regions', 'actors']) {
    const addAlias = key === 'actors' ? actorAlias : placeAlias;
    const file = path.join(worldDir, world.files[key] ?? '');
    if (!existsSync(file)) continue;
    const rows = readTsv(file);
    for (const r of rows) {
      worldIds.add(r.id, { file, at: `line ${r.line}` });
      if (key === 'countries' || key === 'actors') for (const a of (r.aliases ?? '').split('|').filter(Boolean)) addAlias(a, { id: r.id }, { file, at: `line ${r.line}` });
    }
    const cmp = key === 'cities' || key === 'admin' ? (a, b) => a.country.localeCompare(b.country) || a.name.localeCompare(b.name, 'en') || a.id.localeCompare(b.id) : (a, b) => a.id.localeCompare(b.id);
    if (key !== 'actors' && key !== 'regions') {
      const at = isSorted(rows, cmp);
      if (at) problem(file, `line ${at}: not sorted as scripts/build-world-pack.mjs writes it`);
    }
  }
  // villages/<ISO3>.tsv.gz: ids unique across the world pack, rows of the file's country, sorted
  // as scripts/build-world-villages.mjs writes them
  const villagesDir = world.files.villages && path.join(worldDir, world.files.villages);
  if (villagesDir && existsSync(villagesDir)) {
    const byName = (a, b) => a.name.localeCompare(b.name, 'en') || Number(a.id.split(':')[2]) - Number(b.id.split(':')[2]);
    for (const name of readdirSync(villagesDir).sort()) {
      const m = /^([A-Z]{3})\.tsv(?:\.gz)?$/.exec(name);
      const file = path.join(villagesDir, name);
      // a country's key table (checked against its file below, when dist/ is built)
      if (/^[A-Z]{3}\.keys\.tsv\.gz$/.test(name)) continue;
      if (!m) {
        problem(file, 'not a country file (expected <ISO3>.tsv.gz or <ISO3>.keys.tsv.gz)');
        continue;
      }
      const rows = readTsv(file);
      for (const r of rows) {
        worldIds.add(r.id, { file, at: `line ${r.line}` });
        if (r.country !== m[1]) problem(file, `line ${r.line}: country ${r.country} in the file of ${m[1]}`);
      }
      const at = isSorted(rows, byName);
      if (at) problem(file, `line ${at}: not sorted as scripts/build-world-villages.mjs writes it`);
    }
  }
}

// --- theatres --------------------------------------------------------------------------------
const theatresDir = path.join(packsDir, 'theatres');
const theatres = existsSync(theatresDir) ? readdirSync(theatresDir, { withFileTypes: true }).filter((d) => d.isDirectory()) : [];
for (const d of theatres) {
  const dir = path.join(theatresDir, d.name);
  const manifestFile = path.join(dir, 'pack.json');
  if (!existsSync(manifestFile)) {
    problem(dir, 'no pack.json');
    continue;
  }
  const manifest = readJson(manifestFile);
  if (!checkManifest(dir, manifest, manifestFile)) continue;
  if (manifest.id !== d.name) problem(manifestFile, `id "${manifest.id}" differs from the folder name "${d.name}"`);
  const files = manifest.files ?? {};
  const ids = idRegistry();
  // places and actors are separate name spaces: "Baku" is both a city and a government
  const placeAlias = aliasRegistry(manifest.ambiguousAliases);
  const actorAlias = aliasRegistry(manifest.ambiguousAliases);

  const placesFile = files.places && path.join(dir, files.places);
  if (placesFile && existsSync(placesFile)) {
    const rows = readTsv(placesFile);
    for (const r of rows) ids.add(r.id, { file: placesFile, at: `line ${r.line}` });
    const at = isSorted(rows, (a, b) => a.country.localeCompare(b.country) || a.name.localeCompare(b.name, 'en') || a.id.localeCompare(b.id));
    if (at) problem(placesFile, `line ${at}: not sorted as scripts/build-gazetteer.mjs writes it`);
  }
  const curatedFile = files.placesCurated && path.join(dir, files.placesCurated);
  if (curatedFile && existsSync(curatedFile)) {
    readYaml(curatedFile).forEach((p, i) => {
      const where = { file: curatedFile, at: `entry ${i + 1} (${p?.id})` };
      ids.add(p?.id, where);
      for (const a of p?.aliases ?? []) placeAlias(String(a), p, where);
      for (const r of p?.replaces ?? []) if (!ids.has(r)) problem(curatedFile, `${where.at}: replaces unknown row ${r}`);
      if (!p?.source) problem(curatedFile, `${where.at}: no source named`);
    });
  }
  const actorsFile = files.actors && path.join(dir, files.actors);
  if (actorsFile && existsSync(actorsFile)) {
    const actors = readYaml(actorsFile);
    actors.forEach((a, i) => ids.add(a?.id, { file: actorsFile, at: `entry ${i + 1}` }));
    actors.forEach((a, i) => {
      const where = { file: actorsFile, at: `entry ${i + 1} (${a?.id})` };
      for (const alias of a?.aliases ?? []) actorAlias(String(alias), a, where);
      if (a?.fightsAs && !ids.has(a.fightsAs) && !worldIds.has(a.fightsAs)) problem(actorsFile, `${where.at}: fightsAs unknown actor ${a.fightsAs}`);
    });
  }
  for (const key of ['ceasefires', 'keyEvents']) {
    const file = files[key] && path.join(dir, files[key]);
    if (file && existsSync(file)) readYaml(file).forEach((e, i) => ids.add(e?.id, { file, at: `entry ${i + 1}` }));
  }
}

// --- schemas (when built) --------------------------------------------------------------------
const compiled = path.join(repoRoot, 'dist', 'packs', 'load-packs.js');
if (existsSync(compiled)) {
  try {
    const { loadPacks } = await import(pathToFileURL(compiled).href);
    const loaded = loadPacks(packsDir);
    // the villages load lazily: validate every country's file now
    const villages = loaded.world.villages;
    if (villages) for (const c of villages.countries()) villages.of(c);
    // so do the places and divisions behind their key tables: read every row, and say when a
    // table no longer matches its places (start-up then reads them all)
    for (const l of loaded.world.lazyPlaces ?? []) l.rest();
    const { placeKeyTable } = await import(pathToFileURL(path.join(repoRoot, 'dist', 'packs', 'place-keys.js')).href);
    const worldManifest = JSON.parse(readFileSync(path.join(packsDir, 'world', 'pack.json'), 'utf8'));
    for (const [data, keys] of [['cities', 'cityKeys'], ['admin', 'adminKeys']]) {
      const files = worldManifest.files ?? {};
      if (!files[data] || !files[keys]) continue;
      const keysFile = path.join(packsDir, 'world', files[keys]);
      const current = existsSync(keysFile) && readFileSync(keysFile, 'utf8') === placeKeyTable(readFileSync(path.join(packsDir, 'world', files[data])));
      if (!current) problem(keysFile, `missing or stale (does not match ${files[data]}): run node scripts/build-place-keys.mjs`);
    }
    if (worldManifest.files?.villages) {
      const dir = path.join(packsDir, 'world', worldManifest.files.villages);
      for (const name of readdirSync(dir).filter((n) => /^[A-Z]{3}\.tsv\.gz$/.test(n))) {
        const keysFile = path.join(dir, name.replace('.tsv.gz', '.keys.tsv.gz'));
        const current = existsSync(keysFile) && gunzipSync(readFileSync(keysFile)).toString('utf8') === placeKeyTable(gunzipSync(readFileSync(path.join(dir, name))));
        if (!current) problem(keysFile, `missing or stale (does not match ${name}): run node scripts/build-place-keys.mjs`);
      }
    }
  } catch (err) {
    problems.push(err.message);
  }
} else {
  console.log('note: no dist/ build, zod schema validation skipped (the unit tests load the packs)');
}

if (problems.length > 0) {
  for (const p of problems) console.error(p);
  console.error(`packs:check: ${problems.length} problem(s)`);
  process.exit(1);
}
console.log(`packs:check: ok (world + ${theatres.length} theatre pack(s) in ${rel(packsDir)})`);
