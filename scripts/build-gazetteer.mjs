#!/usr/bin/env node
/**
 * Builds `packs/theatres/nagorno-karabakh/places.tsv` from the Who's On First extracts in
 * `../shared/eval/gazetteer/wof_{am,az}.jsonl` (see that folder's README for fields and caveats).
 *
 *   node scripts/build-gazetteer.mjs [--src DIR] [--out FILE]
 *
 * Kept: localities, regions (AM marzer, AZ rayons) and counties. Every Latin-script, Armenian and
 * Russian name variant becomes an alias; a variant with apostrophes ("T’aghlar") also gets a plain
 * one ("Taghlar"). admin1 comes from the region record (English names and fixes from
 * `gazetteer-fixes.yml`), or from the nearest locality that has one when WOF gives none.
 * The output is sorted (country, name, id), so re-running it on the same input is a no-op.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const packDir = path.join(repoRoot, 'packs', 'theatres', 'nagorno-karabakh');

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}
const srcDir = arg('--src', path.resolve(repoRoot, '..', 'shared', 'eval', 'gazetteer'));
const outFile = arg('--out', path.join(packDir, 'places.tsv'));

const ISO3 = { AM: 'ARM', AZ: 'AZE', GE: 'GEO' };
const KEEP = new Set(['locality', 'region', 'county']);
/** Languages whose names are kept: Latin-script ones, Armenian, Russian (Cyrillic). */
const LANGS = ['eng', 'und', 'aze', 'hye', 'rus', 'tur'];
const LATIN_OR_NATIVE = /^[\p{Script=Latin}\p{Script=Armenian}\p{Script=Cyrillic}\p{M}\s'’ʼ`.\-()0-9]+$/u;
const APOSTROPHES = /['’ʼ`‘]/g;

const fixes = parseYaml(readFileSync(path.join(packDir, 'gazetteer-fixes.yml'), 'utf8')).regions ?? {};

/** @param {string} file */
function readJsonl(file) {
  return readFileSync(path.join(srcDir, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l));
}

const records = [...readJsonl('wof_am.jsonl'), ...readJsonl('wof_az.jsonl')];

/** @param {string} s */
function clean(s) {
  return s.replace(/[\t|\r\n]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Every usable name of a record, preferred names first, deduplicated, with plain-apostrophe variants. */
function aliasesOf(r, fix) {
  const out = [];
  const seen = new Set();
  const drop = new Set(fix?.dropAliases ?? []);
  const push = (raw) => {
    const s = clean(String(raw));
    if (s === '' || drop.has(s) || !LATIN_OR_NATIVE.test(s) || /^[A-Z]{2,3}$/.test(s)) return;
    for (const v of [s, s.replace(APOSTROPHES, '')]) {
      if (v !== '' && !seen.has(v)) {
        seen.add(v);
        out.push(v);
      }
    }
  };
  for (const a of fix?.addAliases ?? []) push(a);
  if (fix?.aliases) {
    for (const a of fix.aliases) push(a);
    return out;
  }
  push(r.name);
  const names = r.names ?? {};
  for (const lang of LANGS) {
    const byKind = names[lang];
    if (!byKind) continue;
    for (const kind of ['preferred', 'variant', 'colloquial', 'historical', 'unknown']) {
      for (const n of byKind[kind] ?? []) push(n);
    }
  }
  return out;
}

/** English name: the fix, else the first Latin English preferred name, else the WOF name. */
function englishName(r, fix) {
  if (fix?.name) return fix.name;
  if (r.placetype === 'region' && r.country === 'AM') return clean(r.name);
  const eng = r.names?.eng?.preferred?.[0];
  if (eng && /^[\p{Script=Latin}\s'’\-.]+$/u.test(eng)) return clean(eng).replace(APOSTROPHES, "'");
  return clean(r.name);
}

function localityKind(r) {
  const pop = r.population ?? 0;
  if (r.gn_feature_code === 'PPLC' || pop >= 50000) return 'city';
  if (['PPLA', 'PPLA2'].includes(r.gn_feature_code ?? '') || pop >= 5000) return 'town';
  return 'village';
}

function kindOf(r, fix) {
  if (fix?.kind) return fix.kind;
  if (r.placetype === 'locality') return localityKind(r);
  if (r.placetype === 'region') return r.country === 'AM' ? 'region' : 'district';
  return 'district';
}

/** WOF is_current, forced to 0 for superseded records and the Soviet-era AM shrjans (counties). */
function currentOf(r) {
  if ((r.superseded_by ?? []).length > 0) return 0;
  if (r.placetype === 'county') return 0;
  return r.is_current ?? -1;
}

// English names of the region records, used as admin1.
const regionName = new Map();
for (const r of records) {
  if (r.placetype === 'region') regionName.set(r.wof_id, englishName(r, fixes[r.wof_id]));
}

const rows = [];
for (const r of records) {
  if (!KEEP.has(r.placetype) || !ISO3[r.country]) continue;
  const fix = fixes[r.wof_id];
  if (r.name === 'No Data') continue;
  const aliases = aliasesOf(r, fix);
  if (aliases.length === 0) continue;
  const name = englishName(r, fix);
  let admin1 = null;
  if (r.placetype === 'region') admin1 = name;
  else if (r.region_id != null && regionName.has(r.region_id)) admin1 = regionName.get(r.region_id);
  const admin2 = r.country === 'AM' && r.placetype === 'locality' ? (r.localadmin_name ?? null) : null;
  rows.push({
    id: `place:wof:${r.wof_id}`,
    name,
    kind: kindOf(r, fix),
    aliases: aliases.includes(name) ? aliases : [name, ...aliases],
    country: ISO3[r.country],
    admin1,
    admin2,
    lat: r.lat,
    lon: r.lon,
    population: r.population ?? 0,
    isCurrent: currentOf(r),
    geonames: r.geonames_id ?? '',
    wikidata: r.wikidata_id ?? '',
    placetype: r.placetype,
  });
}

// Localities without a region: take the admin1 of the nearest locality (same country) that has one.
const withAdmin = rows.filter((r) => r.placetype === 'locality' && r.admin1);
for (const r of rows) {
  if (r.admin1 || r.placetype !== 'locality') continue;
  let best = null;
  let bestD = Infinity;
  const cos = Math.cos((r.lat * Math.PI) / 180);
  for (const o of withAdmin) {
    if (o.country !== r.country) continue;
    const d = (o.lat - r.lat) ** 2 + ((o.lon - r.lon) * cos) ** 2;
    if (d < bestD) {
      bestD = d;
      best = o;
    }
  }
  // within ~20 km
  if (best && Math.sqrt(bestD) * 111 <= 20) r.admin1 = best.admin1;
}

rows.sort((a, b) => a.country.localeCompare(b.country) || a.name.localeCompare(b.name, 'en') || a.id.localeCompare(b.id));

const header = ['id', 'name', 'kind', 'aliases', 'country', 'admin1', 'admin2', 'lat', 'lon', 'population', 'is_current', 'geonames_id', 'wikidata_id'];
const lines = [header.join('\t')];
for (const r of rows) {
  lines.push(
    [
      r.id,
      r.name,
      r.kind,
      r.aliases.join('|'),
      r.country,
      r.admin1 ?? '',
      r.admin2 ?? '',
      r.lat.toFixed(5),
      r.lon.toFixed(5),
      String(r.population),
      String(r.isCurrent),
      String(r.geonames),
      String(r.wikidata),
    ].join('\t'),
  );
}
writeFileSync(outFile, lines.join('\n') + '\n');
const aliasCount = rows.reduce((n, r) => n + r.aliases.length, 0);
console.log(`wrote ${rows.length} places, ${aliasCount} aliases to ${path.relative(repoRoot, outFile)}`);
