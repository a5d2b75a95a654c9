/**
 * Generic descriptions of armed actors ("the army", "militants", "gunmen", "the junta",
 * "Russian-backed separatists") resolved per article from what the article names, never from a
 * fixed theatre:
 * - `state` ("the army", "soldiers", "the junta") → the forces of the country the article is about,
 *   when one country clearly dominates what it names (its forces, institutions and places);
 * - `authority` ("officials", "the authorities", "the government") → the government of the country
 *   where the article's places are (the officials who report an attack are those of the place hit);
 * - a non-state class ("militants", "rebels", "separatists", "gangs") → the named group of a
 *   compatible kind the article mentions most; else the default group of that class in the
 *   article's country (`generic-defaults.tsv`); else, with a backer ("Russian-backed"), a militia of
 *   the backer's side; else an unidentified armed group of that country, without a side. With a
 *   backer, a named or default group stands for the description only when it is on the backer's
 *   side ("Turkish-backed factions" is the SNA in an article that names the SDF too, never the SDF).
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

const RELATIVE = /\b(?:enemy|enemy's|hostile|opposing|rival)\s+$/i;

/** A country must lead what the article names by this factor for "the army" to be its army. */
const DOMINANCE = 1.5;

interface Lookups {
  readonly names: ReadonlyMap<string, string>;
  readonly defaults: ReadonlyMap<string, readonly GenericDefault[]>;
}
const lookupCache = new WeakMap<Packs, Lookups>();

function lookups(packs: Packs): Lookups {
  let l = lookupCache.get(packs);
  if (!l) {
    const names = new Map<string, string>();
    for (const p of packs.world.places) if (p.kind === 'country' && p.country) names.set(p.country, p.name);
    const defaults = new Map<string, GenericDefault[]>();
    for (const d of packs.world.genericDefaults ?? ([] as GenericDefault[])) {
      const key = `${d.country}|${d.class}`;
      defaults.set(key, [...(defaults.get(key) ?? []), d]);
    }
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
export function resolveGenericActors(
  text: string,
  hits: ActorHit[],
  ctx: ExtractContext,
  packs: Packs,
  date: string | null = null,
  onHome?: (home: string | null) => void,
): ActorHit[] {
  if (!onHome && !hits.some((h) => h.entry.generic || h.entry.operatesIn)) return hits;
  const { names, defaults: table } = lookups(packs);
  const day = date?.slice(0, 10) ?? null;
  // the default in force on the article's date (dated rows need a date); undated rows otherwise
  const defaultOf = (key: string): string | undefined => {
    const rows = table.get(key) ?? [];
    const dated = rows.find((r) => (r.validFrom || r.validTo) && day && (!r.validFrom || r.validFrom <= day) && (!r.validTo || day <= r.validTo));
    return (dated ?? rows.find((r) => !r.validFrom && !r.validTo))?.actor;
  };

  // What the article is about: the countries it names, weighted by how they are named.
  // `actors`: the country whose forces and institutions the article names (for "the army");
  // `where`: the countries where the named places and governments are (for a group's country).
  const actorsScore = new Map<string, number>();
  const whereScore = new Map<string, number>();
  const add = (m: Map<string, number>, c: string | null | undefined, w: number): void => {
    if (c) m.set(c, (m.get(c) ?? 0) + w);
  };
  // "the army" in Gaza or the West Bank is Israel's: a country whose state class defaults to another's
  const stateOf = (c: string): string => {
    const id = defaultOf(`${c}|state`);
    return (id && ctx.actorById(id)?.country) || c;
  };
  const named = new Map<string, { entry: ActorEntry; count: number; positions: number[] }>();
  for (const h of hits) {
    const e = h.entry;
    if (e.generic) continue;
    if (e.kind === 'state-forces' || e.kind === 'ministry' || e.kind === 'peacekeepers') add(actorsScore, e.country, 2);
    // a country's name is counted once, as a place (the place matcher finds it too)
    if (e.kind === 'armed-group' && e.side && e.side !== 'CIV') {
      const n = named.get(e.id) ?? { entry: e, count: 0, positions: [] };
      n.count++;
      n.positions.push(h.start);
      named.set(e.id, n);
      if (e.operatesIn?.length === 1) add(whereScore, e.operatesIn[0], 1);
    }
  }
  for (const p of ctx.findPlaces(text)) {
    add(whereScore, p.place.country, 1);
    if (p.place.country) add(actorsScore, stateOf(p.place.country), 1);
  }
  const score = new Map([...whereScore, ...actorsScore].map(([c]) => [c, 1]));
  const ranked = [...actorsScore.entries()].sort((a, b) => b[1] - a[1]);
  const dominant = ranked.length > 0 && (ranked.length < 2 || ranked[0]![1] >= DOMINANCE * ranked[1]![1]) ? ranked[0]![0] : null;
  const places = [...whereScore.entries()].sort((a, b) => b[1] - a[1]).map(([c]) => c);
  const home = places[0] ?? ranked[0]?.[0] ?? null;
  onHome?.(home);
  if (!hits.some((h) => h.entry.generic || h.entry.operatesIn)) return hits;

  const groupFor = (cls: string, at: number, homeland: string | undefined, backer: string | undefined): ActorEntry | null => {
    const compat = COMPATIBLE[cls];
    if (!compat) return null;
    for (const types of compat) {
      let best: { entry: ActorEntry; count: number; last: number } | null = null;
      for (const n of named.values()) {
        if (!types.includes(typeOf(n.entry))) continue;
        if (homeland && n.entry.operatesIn && !n.entry.operatesIn.includes(homeland)) continue;
        // "Turkish-backed factions": only a group on its backer's side (the SNA, not the SDF)
        if (backer) {
          if (n.entry.side !== backer && n.entry.country !== backer) continue;
        }
        // a state-aligned formation (Burkina's VDP, Congo's Wazalendo) is no "gunmen" or "militants"
        else if (n.entry.country && cls !== 'militia' && cls !== 'paramilitary') continue;
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
    // "enemy servicemen", "hostile forces": whose enemy depends on the speaker, not on the article
    if (RELATIVE.test(text.slice(Math.max(0, h.start - 12), h.start))) {
      out.push(h);
      continue;
    }
    let entry: ActorEntry | null = null;
    if (cls === 'state') {
      entry = dominant ? ctx.forcesOfSide(dominant) : null;
    } else if (cls === 'authority') {
      // "officials said", "the authorities": the government where the article's places are
      const where = home ?? dominant;
      entry = where ? ctx.governmentOf(where) ?? ctx.forcesOfSide(where) : null;
    } else {
      entry = groupFor(cls, h.start, e.homeland, e.backer);
      const where = e.homeland ?? home;
      // the country's default group for the class, in the two countries the article is most about
      // (with a backer, only one on the backer's side)
      for (const c of e.homeland ? [e.homeland] : [...new Set([...places.slice(0, 2), ...ranked.slice(0, 1).map(([x]) => x)])]) {
        if (entry) break;
        const id = defaultOf(`${c}|${cls}`);
        const d = id ? ctx.actorById(id) : null;
        if (d && (!e.backer || d.side === e.backer || d.country === e.backer)) entry = d;
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
