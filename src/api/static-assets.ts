/**
 * The web page's files: `src/web/static/` (served as they are, no build step) and the few
 * third-party browser files taken from installed registry packages (d3, topojson, Natural Earth
 * via world-atlas). Nothing comes from the internet at run time.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The page's own files (same relative place from `src/api/` and `dist/api/`). */
export const WEB_DIR = fileURLToPath(new URL('../../src/web/static/', import.meta.url));

const require = createRequire(import.meta.url);

/** Vendor files by public name → [package, path inside the package]. */
const VENDOR: Readonly<Record<string, readonly [string, string]>> = {
  'd3-array.min.js': ['d3-array', 'dist/d3-array.min.js'],
  'd3-geo.min.js': ['d3-geo', 'dist/d3-geo.min.js'],
  'topojson-client.min.js': ['topojson-client', 'dist/topojson-client.min.js'],
  'countries-50m.json': ['world-atlas', 'countries-50m.json'],
  'countries-110m.json': ['world-atlas', 'countries-110m.json'],
};

/** The installed folder of package `name` (found from its resolved entry; `exports` may hide `dist/`). */
function packageDir(name: string): string {
  let entry: string;
  try {
    entry = require.resolve(`${name}/package.json`);
  } catch {
    entry = require.resolve(name);
  }
  const marker = `${path.sep}node_modules${path.sep}${name}${path.sep}`;
  const at = entry.lastIndexOf(marker);
  if (at < 0) throw new Error(`cannot locate package ${name}`);
  return entry.slice(0, at + marker.length);
}

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** A file to send: its bytes and media type. */
export interface Asset {
  readonly body: Buffer;
  readonly type: string;
}

const cache = new Map<string, Asset | null>();

function read(file: string): Asset | null {
  const type = TYPES[path.extname(file)];
  if (type === undefined) return null;
  try {
    return { body: fs.readFileSync(file), type };
  } catch {
    return null;
  }
}

/**
 * The page file `name` (a plain file name in `src/web/static/`, no directories), or null. Read
 * once and cached unless `fresh` (development: edits show without a restart).
 */
export function webAsset(name: string, fresh = false): Asset | null {
  if (!/^[a-z0-9][a-z0-9._-]*$/i.test(name) || name.includes('..')) return null;
  if (!fresh && cache.has(`web:${name}`)) return cache.get(`web:${name}`) ?? null;
  const asset = read(path.join(WEB_DIR, name));
  cache.set(`web:${name}`, asset);
  return asset;
}

/** The vendor file `name` (one of a fixed list), or null. */
export function vendorAsset(name: string): Asset | null {
  const rel = VENDOR[name];
  if (rel === undefined) return null;
  if (cache.has(`vendor:${name}`)) return cache.get(`vendor:${name}`) ?? null;
  let asset: Asset | null;
  try {
    asset = read(path.join(packageDir(rel[0]), rel[1]));
  } catch {
    asset = null;
  }
  cache.set(`vendor:${name}`, asset);
  return asset;
}
