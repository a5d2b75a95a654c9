/**
 * The side codes the loaded packs know (ISO alpha-3 of states, group codes such as HAMAS, `CIV`):
 * what a `side` filter may name. A side no pack knows can never be on an event, so asking for it
 * is a usage error rather than an empty answer.
 */
import { loadPacks } from './load-packs.js';
import type { Packs } from './types.js';
import { UnknownFilterValue } from '../model/taxonomy.js';

export interface SideCodes {
  /** Every side code of every actor of the packs. */
  readonly all: ReadonlySet<string>;
  /** The codes that are not a state's ISO alpha-3 code (groups, `CIV`), sorted: listed in errors. */
  readonly nonState: readonly string[];
}

const cache = new WeakMap<Packs, SideCodes>();

/** The side codes of `packs` (by default the packs of this checkout, loaded once). */
export function packSideCodes(packs: Packs = loadPacks()): SideCodes {
  const hit = cache.get(packs);
  if (hit) return hit;
  const all = new Set<string>();
  const states = new Set<string>();
  const actors = [...packs.world.actors, ...packs.theatres.flatMap((t) => t.actors)];
  for (const a of actors) {
    if (!a.side) continue;
    all.add(a.side);
    if (a.side === a.country) states.add(a.side);
  }
  const codes: SideCodes = { all, nonState: [...all].filter((s) => !states.has(s)).sort() };
  cache.set(packs, codes);
  return codes;
}

/**
 * The side code `value` names (any case), or {@link UnknownFilterValue} listing the allowed codes.
 *
 * @example
 * resolveSide('aze', packSideCodes()) // 'AZE'
 */
export function resolveSide(value: string, codes: SideCodes): string {
  const code = value.trim().toUpperCase();
  if (codes.all.has(code)) return code;
  throw new UnknownFilterValue('side', value, ['CIV (civilians)', ...codes.nonState.filter((c) => c !== 'CIV'), "or a state's ISO 3166 alpha-3 code (ARM, AZE, UKR, ...)"]);
}
