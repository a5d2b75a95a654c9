/**
 * Loads every data pack under a packs folder (`packs/world/` and `packs/theatres/<id>/`),
 * validates each file with the zod schemas of `schemas.ts` and returns the in-memory `Packs`.
 * Synchronous and cached once per process and folder: the pipeline calls it freely.
 *
 * Curated places beat gazetteer rows: a curated entry's `replaces` removes those rows and, unless
 * `inherit: false`, takes over their aliases (except aliases another curated entry lists, and
 * aliases too short or too common to be safe).
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { foldKey } from './fold-key.js';
import { PackError } from './pack-error.js';
import { displayPath, readJson, readLines, readTsv, readYamlList } from './read-pack-file.js';
import {
  actorEntrySchema,
  ceasefireSchema,
  curatedPlaceSchema,
  demonymRowSchema,
  extraAliasRowSchema,
  fastDemonymRow,
  fastPlaceRow,
  fastWorldActorRow,
  forceNounRowSchema,
  genericActorRowSchema,
  genericDefaultRowSchema,
  stateAliasRowSchema,
  keyEventSchema,
  placeRowSchema,
  theatreManifestSchema,
  worldActorRowSchema,
  worldManifestSchema,
  type CuratedPlace,
} from './schemas.js';
import type { ActorEntry, ForceNoun, GenericDefault, Packs, PlaceEntry, TheatrePack, WorldPack } from './types.js';
import { lazyPlaces, type LazyPlaces } from './lazy-places.js';
import { lazyVillages } from './villages.js';

/** `<repo>/packs`, found from this module's location (src/packs or dist/packs). */
export const DEFAULT_PACKS_DIR = fileURLToPath(new URL('../../packs', import.meta.url));

const cache = new Map<string, Packs>();

/**
 * Loads, validates and caches all packs under `dir`.
 *
 * @throws PackError naming the file, row and field of the first invalid value.
 * @example
 * const packs = loadPacks();
 * packs.theatres[0]?.id // 'nagorno-karabakh'
 */
export function loadPacks(dir: string = DEFAULT_PACKS_DIR): Packs {
  const root = path.resolve(dir);
  const hit = cache.get(root);
  if (hit) return hit;
  const world = loadWorld(path.join(root, 'world'));
  const theatresDir = path.join(root, 'theatres');
  const theatreIds = theatreDirs(theatresDir);
  const worldActorIds = new Set(world.actors.map((a) => a.id));
  const theatres = theatreIds.map((id) => loadTheatre(path.join(theatresDir, id), world, worldActorIds));
  const versions: Record<string, string> = { world: world.version };
  for (const t of theatres) versions[t.id] = t.version;
  const packs: Packs = { theatres, world, versions };
  cache.set(root, packs);
  return packs;
}

/**
 * The versions `loadPacks(dir).versions` holds, read from the manifests only (milliseconds, no
 * gazetteer in memory): for a process that extracts in worker threads and needs the versions for
 * content hashes, but not the packs (`sitrep serve`, `sitrep ingest`).
 */
export function readPackVersions(dir: string = DEFAULT_PACKS_DIR): Readonly<Record<string, string>> {
  const root = path.resolve(dir);
  const hit = cache.get(root);
  if (hit) return hit.versions;
  const versions: Record<string, string> = { world: readJson(path.join(root, 'world', 'pack.json'), worldManifestSchema).version };
  const theatresDir = path.join(root, 'theatres');
  const theatreIds = theatreDirs(theatresDir);
  for (const id of theatreIds) {
    const manifest = readJson(path.join(theatresDir, id, 'pack.json'), theatreManifestSchema);
    versions[manifest.id] = manifest.version;
  }
  return versions;
}

/** The theatre pack folders under `theatresDir` (those with a `pack.json`), sorted; none when it is absent. */
function theatreDirs(theatresDir: string): string[] {
  if (!existsSync(theatresDir)) return [];
  return readdirSync(theatresDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(theatresDir, d.name, 'pack.json')))
    .map((d) => d.name)
    .sort();
}

/** Forgets cached packs (tests that edit pack files). */
export function clearPacksCache(): void {
  cache.clear();
}

function loadWorld(dir: string): WorldPack {
  const manifest = readJson(path.join(dir, 'pack.json'), worldManifestSchema);
  const f = (name: string) => path.join(dir, name);
  const countries = readTsv(f(manifest.files.countries), placeRowSchema, fastPlaceRow);
  const extra = manifest.files.aliases ? readTsv(f(manifest.files.aliases), extraAliasRowSchema) : [];
  // populated places and divisions through their key tables when these are current (only the rows
  // an article needs are parsed), else every row now
  const extraIds = new Set(extra.map((e) => e.id));
  const lazy: LazyPlaces[] = [];
  const table = (file: string, keys: string | undefined): PlaceEntry[] => {
    const l = keys ? lazyPlaces(f(file), f(keys), extraIds) : null;
    if (!l) return readTsv(f(file), placeRowSchema, fastPlaceRow);
    lazy.push(l);
    return [...l.eager];
  };
  const cities = table(manifest.files.cities, manifest.files.cityKeys);
  const admin = manifest.files.admin ? table(manifest.files.admin, manifest.files.adminKeys) : [];
  // Curated: they match even when their words are common ("Red Sea") and win ties.
  const regions = manifest.files.regions ? readTsv(f(manifest.files.regions), placeRowSchema).map((r) => ({ ...r, curated: true })) : [];
  const generated = [...cities, ...admin];
  if (manifest.files.aliases) addAliases(generated, extra, f(manifest.files.aliases));
  const actors: ActorEntry[] = readTsv(f(manifest.files.actors), worldActorRowSchema, fastWorldActorRow).map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    side: r.side,
    country: r.country,
    inter: r.inter,
    aliases: r.aliases,
    role: r.role,
    ...(r.fightsAs !== '' ? { fightsAs: r.fightsAs } : {}),
  }));
  // Curated surface forms of generated state entries ("IDF", "FARDC", "Tatmadaw").
  if (manifest.files.stateAliases) {
    const file = f(manifest.files.stateAliases);
    const index = new Map(actors.map((a, i) => [a.id, i] as const));
    readTsv(file, stateAliasRowSchema).forEach((r, i) => {
      const id = `actor:world:${r.alpha3.toLowerCase()}-${r.role}`;
      const at = index.get(id);
      if (at === undefined) throw new PackError(displayPath(file), `no world actor ${id} to add aliases to`, { row: i + 1, field: 'alpha3', id });
      const a = actors[at]!;
      const have = new Set(a.aliases);
      actors[at] = { ...a, aliases: [...a.aliases, ...r.aliases.filter((x) => !have.has(x))] };
    });
  }
  // Curated armed groups of today's wars (Hamas, RSF, M23...), same format as a theatre's actors.yml.
  if (manifest.files.groups) {
    const file = f(manifest.files.groups);
    const ids = new Set(actors.map((a) => a.id));
    readYamlList(file, actorEntrySchema).forEach((a, i) => {
      if (ids.has(a.id)) throw new PackError(displayPath(file), `duplicate id ${a.id}`, { row: i + 1, field: 'id', id: a.id });
      ids.add(a.id);
      actors.push(a);
    });
  }
  // Leaders, commanders and spokesmen who act or speak for a party ("Hemedti", "Yahya Saree").
  if (manifest.files.leaders) {
    const file = f(manifest.files.leaders);
    const ids = new Set(actors.map((a) => a.id));
    const leaders = readYamlList(file, actorEntrySchema);
    leaders.forEach((a, i) => {
      if (ids.has(a.id)) throw new PackError(displayPath(file), `duplicate id ${a.id}`, { row: i + 1, field: 'id', id: a.id });
      if (a.fightsAs && !ids.has(a.fightsAs)) throw new PackError(displayPath(file), `unknown actor ${a.fightsAs}`, { row: i + 1, field: 'fightsAs', id: a.id });
      ids.add(a.id);
    });
    actors.push(...leaders);
  }
  // Generic descriptions ("the army", "militants"): one entry per class, resolved per article.
  if (manifest.files.generics) {
    const byClass = new Map<string, string[]>();
    for (const r of readTsv(f(manifest.files.generics), genericActorRowSchema)) {
      const list = byClass.get(r.class) ?? [];
      list.push(r.phrase);
      byClass.set(r.class, list);
    }
    for (const [cls, aliases] of byClass) {
      actors.push({
        id: `actor:generic:${cls}`,
        name: cls === 'state' ? 'State forces (generic)' : cls === 'authority' ? 'Government (generic)' : `Unidentified armed group (${cls})`,
        kind: cls === 'state' ? 'state-forces' : cls === 'authority' ? 'government' : 'armed-group',
        side: null,
        country: null,
        inter: cls === 'state' || cls === 'authority' ? 1 : 3,
        aliases,
        generic: cls,
      });
    }
  }
  let genericDefaults: GenericDefault[] = [];
  if (manifest.files.genericDefaults) {
    const file = f(manifest.files.genericDefaults);
    const ids = new Set(actors.map((a) => a.id));
    genericDefaults = readTsv(file, genericDefaultRowSchema);
    genericDefaults.forEach((r, i) => {
      if (!ids.has(r.actor)) throw new PackError(displayPath(file), `unknown actor ${r.actor}`, { row: i + 1, field: 'actor', id: r.actor });
    });
  }
  const demonyms: Record<string, readonly string[]> = {};
  for (const r of readTsv(f(manifest.files.demonyms), demonymRowSchema, fastDemonymRow)) {
    if (r.demonyms.length > 0) demonyms[r.alpha3] = r.demonyms;
  }
  const forceNouns: ForceNoun[] = readTsv(f(manifest.files.forceNouns), forceNounRowSchema);
  const commonWords = readLines(f(manifest.files.commonWords));
  return {
    version: manifest.version,
    licence: manifest.licence,
    attribution: manifest.attribution,
    places: [...countries, ...generated, ...regions],
    actors,
    demonyms,
    forceNouns,
    commonWords,
    genericDefaults,
    ...(manifest.files.villages ? { villages: lazyVillages(f(manifest.files.villages)) } : {}),
    ...(lazy.length > 0 ? { lazyPlaces: lazy } : {}),
  };
}

/** Adds the curated news spellings of `aliases.tsv` to the generated places they name by id. */
function addAliases(places: PlaceEntry[], extra: readonly { id: string; aliases: string[] }[], file: string): void {
  // index only the places named (a handful among 150,000)
  const wanted = new Set(extra.map((e) => e.id));
  const at = new Map<string, number>();
  for (let i = 0; i < places.length; i++) {
    const id = places[i]!.id;
    if (wanted.has(id)) at.set(id, i);
  }
  extra.forEach((e, row) => {
    const i = at.get(e.id);
    if (i === undefined) throw new PackError(displayPath(file), `no generated place with id ${e.id}`, { row: row + 2, field: 'id', id: e.id });
    const p = places[i]!;
    places[i] = { ...p, aliases: [...new Set([...p.aliases, ...e.aliases])] };
  });
}

function loadTheatre(dir: string, world: WorldPack, worldActorIds: ReadonlySet<string>): TheatrePack {
  const manifestFile = path.join(dir, 'pack.json');
  const manifest = readJson(manifestFile, theatreManifestSchema);
  const f = (name: string) => path.join(dir, name);
  const files = manifest.files;
  const stopAliases = files.stopAliases ? readLines(f(files.stopAliases)) : [];
  const bulk = files.places ? readTsv(f(files.places), placeRowSchema, fastPlaceRow) : [];
  const curated = files.placesCurated ? readYamlList(f(files.placesCurated), curatedPlaceSchema) : [];
  const unsafe = new Set(world.commonWords ?? []);
  for (const w of stopAliases) unsafe.add(foldKey(w));
  const places = mergePlaces(f(files.placesCurated ?? 'places-curated.yml'), curated, bulk, unsafe);

  const actorsFile = f(files.actors);
  const actors: ActorEntry[] = readYamlList(actorsFile, actorEntrySchema);
  const ids = new Set<string>();
  actors.forEach((a, i) => {
    if (ids.has(a.id)) throw new PackError(displayPath(actorsFile), `duplicate id ${a.id}`, { row: i + 1, field: 'id', id: a.id });
    ids.add(a.id);
  });
  actors.forEach((a, i) => {
    if (a.fightsAs && !ids.has(a.fightsAs) && !worldActorIds.has(a.fightsAs)) {
      throw new PackError(displayPath(actorsFile), `unknown actor ${a.fightsAs}`, { row: i + 1, field: 'fightsAs', id: a.id });
    }
  });

  return {
    id: manifest.id,
    name: manifest.name,
    version: manifest.version,
    licence: manifest.licence,
    attribution: manifest.attribution,
    countries: manifest.countries,
    keywords: manifest.keywords,
    ...(manifest.dyads ? { dyads: manifest.dyads } : {}),
    actors,
    places,
    ceasefires: files.ceasefires ? readYamlList(f(files.ceasefires), ceasefireSchema) : [],
    keyEvents: files.keyEvents ? readYamlList(f(files.keyEvents), keyEventSchema) : [],
    stopAliases,
    ambiguousAliases: manifest.ambiguousAliases ?? [],
  };
}

/** Applies the curated overrides to the gazetteer rows (see the module comment). */
function mergePlaces(curatedFile: string, curated: readonly CuratedPlace[], bulk: readonly PlaceEntry[], unsafe: ReadonlySet<string>): PlaceEntry[] {
  const bulkById = new Map<string, PlaceEntry>();
  for (const p of bulk) bulkById.set(p.id, p);
  const curatedKeys = new Set<string>();
  for (const c of curated) for (const a of c.aliases) curatedKeys.add(foldKey(a));
  const replaced = new Set<string>();
  const ids = new Set<string>();
  const out: PlaceEntry[] = [];
  curated.forEach((c, i) => {
    if (ids.has(c.id) || bulkById.has(c.id)) {
      throw new PackError(displayPath(curatedFile), `duplicate id ${c.id}`, { row: i + 1, field: 'id', id: c.id });
    }
    ids.add(c.id);
    const aliases = [...c.aliases];
    const own = new Set(c.aliases.map(foldKey));
    for (const rid of c.replaces ?? []) {
      const row = bulkById.get(rid);
      if (!row) throw new PackError(displayPath(curatedFile), `replaces unknown gazetteer row ${rid}`, { row: i + 1, field: 'replaces', id: c.id });
      replaced.add(rid);
      if (c.inherit === false) continue;
      for (const a of row.aliases) {
        const k = foldKey(a);
        if (own.has(k) || curatedKeys.has(k) || k.replace(/[^\p{L}]/gu, '').length < 4 || unsafe.has(k)) continue;
        own.add(k);
        aliases.push(a);
      }
    }
    out.push({
      id: c.id,
      name: c.name,
      kind: c.kind,
      aliases,
      country: c.country,
      admin1: c.admin1 ?? null,
      admin2: c.admin2 ?? null,
      lat: c.lat,
      lon: c.lon,
      population: c.population ?? 0,
      curated: true,
      ...(c.context ? { context: c.context } : {}),
    });
  });
  for (const p of bulk) if (!replaced.has(p.id)) out.push(p);
  return out;
}
