/**
 * Generic descriptions of armed actors ("the army", "militants", "gunmen", "the junta",
 * "Russian-backed separatists") resolved per article from what the article names, never from a
 * fixed theatre:
 * - `state` ("the army", "soldiers", "the junta") → the forces of the country the article is about,
 *   when one country clearly dominates what it names (its forces, institutions and places);
 * - a non-state class ("militants", "rebels", "separatists", "gangs") → the named group of a
 *   compatible kind the article mentions most; else the default group of that class in the
 *   article's country (`generic-defaults.tsv`); else, with a backer ("Russian-backed"), a militia of
 *   the backer's side; else an unidentified armed group of that country, without a side.
 * Also drops lower-case descriptive aliases of regional groups ("clan militias", "joint forces")
 * in articles that name none of the countries the group fights in.
 */
import type { ActorHit, ExtractContext } from '../extract/context.js';
import type { ActorEntry, GenericDefault, Packs } from './types.js';

const NON_STATE = ['jihadist', 'rebel', 'separatist', 'resistance', 'militia', 'paramilitary', 'gang'];

/** Group kinds a generic class may stand for: preferred first, then acceptable. */
const COMPATIBLE: Readonly<Record<string, readonly [readonly string[], readonly string[]]>> = {
  militant: [['jihadist', 'rebel', 'separatist', 'resistance'], ['militia', 'paramilitary']],
  jihadist: [['jihadist'], []],
  rebel: [['rebel', 'separatist', 'resistance'], ['jihadist', 'militia', 'paramilitary']],
  separatist: [['separatist'], ['rebel']],
  resistance: [['resistance'], ['rebel']],
  militia: [['militia', 'paramilitary'], ['rebel', 'separatist', 'gang']],
  paramilitary: [['paramilitary'], ['militia']],
  gang: [['gang'], []],
  bandit: [['gang'], ['militia']],
  gunman: [NON_STATE, []],
  fighter: [NON_STATE, []],
};

/** A country must lead what the article names by this factor for "the army" to be its army. */
const DOMINANCE = 1.5;

interface Lookups {
  readonly names: ReadonlyMap<string, string>;
  readonly defaults: ReadonlyMap<string, string>;
}
const lookupCache = new WeakMap<Packs, Lookups>();

function lookups(packs: Packs): Lookups {
  let l = lookupCache.get(packs);
  if (!l) {
    const names = new Map<string, string>();
    for (const p of packs.world.places) if (p.kind === 'country' && p.country) names.set(p.country, p.name);
    const defaults = new Map<string, string>();
    for (const d of packs.world.genericDefaults ?? ([] as GenericDefault[])) defaults.set(`${d.country}|${d.class}`, d.actor);
    l = { names, defaults };
    lookupCache.set(packs, l);
  }
  return l;
}

const synthetic = new Map<string, ActorEntry>();
function syntheticEntry(id: string, make: () => ActorEntry): ActorEntry {
  let e = synthetic.get(id);
  if (!e) {
    e = make();
    synthetic.set(id, e);
  }
  return e;
}

/** Types a named group counts as (theatre groups without a type fight as rebels). */
function typeOf(e: ActorEntry): string {
  return e.groupType ?? 'rebel';
}

/**
 * Replaces generic hits by the actors they stand for in this article (see the module comment).
 *
 * @example
 * // "JNIM fighters attacked Boni. The militants burned the market." → "The militants" is JNIM
 */
export function resolveGenericActors(text: string, hits: ActorHit[], ctx: ExtractContext, packs: Packs): ActorHit[] {
  if (!hits.some((h) => h.entry.generic || h.entry.operatesIn)) return hits;
  const { names, defaults } = lookups(packs);

  // What the article is about: the countries it names, weighted by how they are named.
  const score = new Map<string, number>();
  const add = (c: string | null | undefined, w: number): void => {
    if (c) score.set(c, (score.get(c) ?? 0) + w);
  };
  const named = new Map<string, { entry: ActorEntry; count: number; positions: number[] }>();
  for (const h of hits) {
    const e = h.entry;
    if (e.generic) continue;
    if (e.kind === 'state-forces' || e.kind === 'ministry' || e.kind === 'peacekeepers') add(e.country, 2);
    else if (e.kind === 'government') add(e.country, 1);
    if (e.kind === 'armed-group' && e.side && e.side !== 'CIV') {
      const n = named.get(e.id) ?? { entry: e, count: 0, positions: [] };
      n.count++;
      n.positions.push(h.start);
      named.set(e.id, n);
      if (e.operatesIn?.length === 1) add(e.operatesIn[0], 1);
    }
  }
  for (const p of ctx.findPlaces(text)) add(p.place.country, 1);
  const ranked = [...score.entries()].sort((a, b) => b[1] - a[1]);
  const home = ranked[0]?.[0] ?? null;
  const dominant = home !== null && (ranked.length < 2 || ranked[0]![1] >= DOMINANCE * ranked[1]![1]) ? home : null;

  const groupFor = (cls: string, at: number, homeland: string | undefined): ActorEntry | null => {
    const compat = COMPATIBLE[cls];
    if (!compat) return null;
    for (const types of compat) {
      let best: { entry: ActorEntry; count: number; last: number } | null = null;
      for (const n of named.values()) {
        if (!types.includes(typeOf(n.entry))) continue;
        if (homeland && n.entry.operatesIn && !n.entry.operatesIn.includes(homeland)) continue;
        const last = Math.max(-1, ...n.positions.filter((p) => p <= at));
        if (!best || n.count > best.count || (n.count === best.count && last > best.last)) best = { entry: n.entry, count: n.count, last };
      }
      if (best) return best.entry;
    }
    return null;
  };

  const out: ActorHit[] = [];
  for (const h of hits) {
    const e = h.entry;
    if (!e.generic) {
      // "clan militias", "joint forces": a regional group's descriptive alias needs its country named
      if (e.operatesIn && /^[a-z]/.test(h.surface) && !e.operatesIn.some((c) => score.has(c))) continue;
      out.push(h);
      continue;
    }
    const cls = e.generic;
    let entry: ActorEntry | null = null;
    if (cls === 'state') {
      const id = dominant ? defaults.get(`${dominant}|state`) : undefined;
      entry = (id ? ctx.actorById(id) : null) ?? (dominant ? ctx.forcesOfSide(dominant) : null);
    } else {
      entry = groupFor(cls, h.start, e.homeland);
      const where = e.homeland ?? home;
      if (!entry && where) {
        const id = defaults.get(`${where}|${cls}`);
        if (id) entry = ctx.actorById(id);
      }
      if (!entry && e.backer) {
        const backer = e.backer;
        entry = syntheticEntry(`actor:generic:militia@${backer}`, () => ({
          id: `actor:generic:militia@${backer}`,
          name: `Militia (pro-${names.get(backer) ?? backer})`,
          kind: 'armed-group',
          side: backer,
          country: null,
          inter: 3,
          aliases: [],
          generic: 'militia',
        }));
      }
      if (!entry && where) {
        entry = syntheticEntry(`actor:generic:unidentified@${where}`, () => ({
          id: `actor:generic:unidentified@${where}`,
          name: `Unidentified Armed Group (${names.get(where) ?? where})`,
          kind: 'armed-group',
          side: null,
          country: null,
          inter: 3,
          aliases: [],
          generic: 'gunman',
        }));
      }
    }
    out.push(entry ? { ...h, entry } : h);
  }
  return out;
}
