#!/usr/bin/env node
/**
 * Builds `scripts/world-admin-points.tsv`: the centre of each first-order division that Natural
 * Earth's 1:50m admin-1 layer outlines (the states and provinces of the United States, Canada,
 * Australia and Brazil; public domain), keyed by GeoNames admin1 code ("US.TX"). The centre is the
 * centroid of the division's largest polygon, as for countries (`build-world-pack.mjs`).
 * `build-world-places.mjs` places those divisions there instead of at the middle of their
 * populated places, which for divisions the size of countries lies far towards the settled part
 * (Alberta's places are in its south, Queensland's on its east coast).
 *
 *   node scripts/build-admin-points.mjs /path/to/ne_50m_admin_1_states_provinces.json
 *
 * The file is the GeoJSON conversion of Natural Earth's `ne_50m_admin_1_states_provinces`
 * (e.g. from the CC0 repository martynafford/natural-earth-geojson, `50m/cultural/`). Needs the
 * dependency `d3-geo`. Output is sorted.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { geoArea, geoCentroid } = require('d3-geo');

const file = process.argv[2];
if (!file) {
  console.error('usage: node scripts/build-admin-points.mjs /path/to/ne_50m_admin_1_states_provinces.json');
  process.exit(2);
}

/** The polygon with its rings wound as d3-geo expects (a ring wound the other way encloses the rest of the sphere). */
function oriented(poly) {
  if (geoArea(poly) <= 2 * Math.PI) return poly;
  return { type: 'Polygon', coordinates: poly.coordinates.map((ring) => [...ring].reverse()) };
}

const rows = [];
for (const f of JSON.parse(readFileSync(file, 'utf8')).features) {
  const code = f.properties?.gn_a1_code;
  if (!code || !f.geometry) continue;
  const polys = f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates.map((c) => ({ type: 'Polygon', coordinates: c })) : [f.geometry];
  let best = null;
  for (const p of polys.map(oriented)) {
    const area = geoArea(p);
    if (!best || area > best.area) best = { area, poly: p };
  }
  const [lon, lat] = geoCentroid(best.poly);
  rows.push([code, String(f.properties.name ?? '').replace(/\s+/g, ' ').trim(), lat.toFixed(4), lon.toFixed(4)]);
}
rows.sort((a, b) => a[0].localeCompare(b[0]));
const out = path.join(repoRoot, 'scripts', 'world-admin-points.tsv');
writeFileSync(out, ['admin1_code\tname\tlat\tlon', ...rows.map((r) => r.join('\t'))].join('\n') + '\n');
console.log(`world-admin-points.tsv: ${rows.length} divisions`);
