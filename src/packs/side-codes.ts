/**
 * The side codes the loaded packs know (ISO alpha-3 of states, group codes such as HAMAS, `CIV`):
 * what a `side` filter may name. A side no pack knows can never be on an event, so asking for it
 * is a usage error rather than an empty answer.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_PACKS_DIR } from './load-packs.js';
import { readJson, readTsv, readYamlList } from './read-pack-file.js';
import { actorEntrySchema, fastWorldActorRow, theatreManifestSchema, worldActorRowSchema, worldManifestSchema } from './schemas.js';
import type { Packs } from './types.js';
import { UnknownFilterValue } from '../model/taxonomy.js';

export interface SideCodes {
  /** Every side code of every actor of the packs. */
  readonly all: ReadonlySet<string>;
  /** The codes that are not a state's ISO alpha-3 code (groups, `CIV`), sorted: listed in errors. */
  readonly nonState: readonly string[];
}

const cache = new WeakMap<Packs, SideCodes>();
const dirCache = new Map<string, SideCodes>();

type Sided = { readonly side: string | null; readonly country: string | null };

/** The side codes of loaded `packs`. */
export function packSideCodes(packs: Packs): SideCodes {
  const hit = cache.get(packs);
  if (hit) return hit;
  const codes = sideCodesOf([...packs.world.actors, ...packs.theatres.flatMap((t) => t.actors)]);
  cache.set(packs, codes);
  return codes;
}

/**
 * The side codes of the packs under `dir`, reading only their actor files (validated with the
 * same schemas as `loadPacks`): a server that checks a `side` filter does not load the gazetteer
 * (about 1 s and 145 MB) for it. Cached per folder. The same codes as `packSideCodes(loadPacks(dir))`.
 */
export function readSideCodes(dir: string = DEFAULT_PACKS_DIR): SideCodes {
  const root = path.resolve(dir);
  const hit = dirCache.get(root);
  if (hit) return hit;
  const actors: Sided[] = [];
  const worldDir = path.join(root, 'world');
  const world = readJson(path.join(worldDir, 'pack.json'), worldManifestSchema);
  actors.push(...readTsv(path.join(worldDir, world.files.actors), worldActorRowSchema, fastWorldActorRow));
  for (const file of [world.files.groups, world.files.leaders]) if (file) actors.push(...readYamlList(path.join(worldDir, file), actorEntrySchema));
  const theatres = path.join(root, 'theatres');
  if (existsSync(theatres)) {
    for (const d of readdirSync(theatres, { withFileTypes: true })) {
      const manifest = path.join(theatres, d.name, 'pack.json');
      if (!d.isDirectory() || !existsSync(manifest)) continue;
      actors.push(...readYamlList(path.join(theatres, d.name, readJson(manifest, theatreManifestSchema).files.actors), actorEntrySchema));
    }
  }
  const codes = sideCodesOf(actors);
  dirCache.set(root, codes);
  return codes;
}

function sideCodesOf(actors: readonly Sided[]): SideCodes {
  const all = new Set<string>();
  const states = new Set<string>();
  for (const a of actors) {
    if (!a.side) continue;
    all.add(a.side);
    if (a.side === a.country) states.add(a.side);
  }
  return { all, nonState: [...all].filter((s) => !states.has(s)).sort() };
}

/**
 * The side code `value` names (any case), or {@link UnknownFilterValue} listing the allowed codes.
 *
 * @example
 * resolveSide('aze', readSideCodes()) // 'AZE'
 */
export function resolveSide(value: string, codes: SideCodes): string {
  const code = value.trim().toUpperCase();
  if (codes.all.has(code)) return code;
  throw new UnknownFilterValue('side', value, ['CIV (civilians)', ...codes.nonState.filter((c) => c !== 'CIV'), "or a state's ISO 3166 alpha-3 code (ARM, AZE, UKR, ...)"]);
}
