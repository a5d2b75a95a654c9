/**
 * Builds the extractor's context from the packs: matchers for actors and places, side lookups,
 * ceasefires and key events of every theatre. Built once per process.
 *
 * Theatres are scopes (see `theatre-scope.ts`): `ctx.forArticle(text)` returns the context of the
 * theatres the article is about, so one theatre's actors, villages, ceasefires, dyads and key
 * events never apply to an article about another war. Each distinct set of theatres is compiled
 * once and cached.
 */
import { loadLexicon, type Lexicon } from './lexicon.js';
import type { ActorHit, ExtractContext, PlaceHit } from './context.js';
import { createActorMatcher } from '../packs/actor-matcher.js';
import { createPlaceMatcher, disambiguatePlaces, type PlaceMatcher } from '../packs/gazetteer-index.js';
import { loadPacks } from '../packs/load-packs.js';
import { scopedPacks, theatreScoper } from '../packs/theatre-scope.js';
import { resolveGenericActors } from '../packs/generic-actors.js';
import type { ActorEntry, Packs, PlaceEntry, TheatrePack } from '../packs/types.js';
import type { Place } from '../model/event.js';

/** Proper one-word aliases of an armed group usable as adjectives ("Houthi missile", "Hamas fighters"). */
const ONE_WORD = /^[A-Z][\w-]+$/;

function theatreAdjectives(packs: Packs, groups: Map<string, ActorEntry>): Map<string, string> {
  const out = new Map<string, string>();
  // Demonyms of the world pack ("Azerbaijani" → AZE), with plurals ("Armenians").
  for (const [iso3, words] of Object.entries(packs.world.demonyms ?? {})) {
    for (const word of words) {
      out.set(word.toLowerCase(), iso3);
      out.set(`${word.toLowerCase()}s`, iso3);
    }
  }
  // One-word aliases of theatre armed groups and the theatre's own adjectives ("Artsakh" → ARM).
  for (const t of packs.theatres) {
    for (const a of t.actors) {
      if (!a.side || a.side === 'CIV') continue;
      for (const alias of a.aliases) {
        if (/^[A-Za-z][\w-]+$/.test(alias) && (a.kind === 'armed-group' || a.kind === 'government')) {
          const w = alias.toLowerCase();
          if (!out.has(w)) out.set(w, a.side);
          if (w.endsWith('s') && !out.has(w.slice(0, -1))) out.set(w.slice(0, -1), a.side);
          if (a.kind === 'armed-group') {
            if (!groups.has(w)) groups.set(w, a);
            if (w.endsWith('s') && !groups.has(w.slice(0, -1))) groups.set(w.slice(0, -1), a);
          }
        }
      }
    }
  }
  // Named armed groups of the world registry, by their proper one-word names ("Houthi", "Hamas").
  const common = new Set(packs.world.commonWords ?? []);
  for (const a of packs.world.actors) {
    if (a.kind !== 'armed-group' || !a.side || a.generic) continue;
    for (const alias of a.aliases) {
      if (!ONE_WORD.test(alias) || alias === alias.toUpperCase()) continue;
      const w = alias.toLowerCase();
      if (common.has(w)) continue;
      if (!out.has(w)) out.set(w, a.side);
      if (!groups.has(w)) groups.set(w, a);
    }
  }
  return out;
}

/** Civilians of no known country, for victims of an article that names no country. */
const GENERIC_CIVILIANS: ActorEntry = { id: 'actor:generic:civilians', name: 'Civilians', kind: 'civilians', side: 'CIV', country: null, inter: 7, aliases: ['civilians'] };

/** What differs between theatre scopes: the matchers and lookups built from the active theatres. */
interface Scope {
  readonly packs: Packs;
  readonly actorMatcher: ReturnType<typeof createActorMatcher>;
  readonly allActors: readonly ActorEntry[];
  readonly groups: Map<string, ActorEntry>;
  readonly adjectives: Map<string, string>;
  /** Places of the theatres outside this scope (dropped from place mentions). */
  readonly foreign: ReadonlySet<PlaceEntry>;
}

let cached: ExtractContext | undefined;

/** The shared extraction context (packs and lexicon loaded and indexed once). */
export function createExtractContext(packs: Packs = loadPacks()): ExtractContext {
  if (cached && packs === loadPacks()) return cached;
  const lexicon = loadLexicon();
  const placeMatcher = createPlaceMatcher(packs);
  const everyActor: ActorEntry[] = [...packs.theatres.flatMap((t) => t.actors), ...packs.world.actors];
  const byId = new Map(everyActor.map((a) => [a.id, a] as const));
  const countryPlaces = new Map<string, Place>();
  for (const p of packs.world.places) {
    if (p.kind === 'country' && p.country) {
      countryPlaces.set(p.country, {
        name: p.name, source_text: p.name, country: p.country, admin1: null, admin2: null, lat: p.lat, lon: p.lon, geo_precision: 3, id: p.id,
      });
    }
  }
  const theatreOfPlace = new Map<PlaceEntry, string>();
  for (const t of packs.theatres) for (const p of t.places) theatreOfPlace.set(p, t.id);
  const scoper = theatreScoper(packs);
  const scopes = new Map<string, Scope>();
  const scopeOf = (theatres: readonly TheatrePack[]): Scope => {
    const key = theatres.map((t) => t.id).sort().join('|');
    let s = scopes.get(key);
    if (!s) {
      const sp = scopedPacks(packs, theatres);
      const groups = new Map<string, ActorEntry>();
      const on = new Set(theatres.map((t) => t.id));
      const foreign = new Set<PlaceEntry>();
      for (const [p, id] of theatreOfPlace) if (!on.has(id)) foreign.add(p);
      s = {
        packs: sp,
        actorMatcher: createActorMatcher(sp),
        allActors: [...theatres.flatMap((t) => t.actors), ...packs.world.actors],
        groups,
        adjectives: theatreAdjectives(sp, groups),
        foreign,
      };
      scopes.set(key, s);
    }
    return s;
  };
  // (the last article's context is kept: the pipeline asks for it before extraction, for the key
  // events that date an article without a publication date, and extraction asks again)
  let lastArticle: { text: string; ctx: ExtractContext } | null = null;
  const forArticle = (text: string): ExtractContext => {
    if (lastArticle?.text !== text) lastArticle = { text, ctx: build(scoper.theatresOf(text)) };
    return lastArticle.ctx;
  };
  const build = (theatres: readonly TheatrePack[]): ExtractContext =>
    makeContext(lexicon, scopeOf(theatres), placeMatcher, countryPlaces, byId, theatres, packs, forArticle);
  const ctx = build(packs.theatres);
  cached = ctx;
  return ctx;
}

/** Lookups over a scope's actor list, computed once per scope (the list never changes). */
const lookups = new WeakMap<readonly ActorEntry[], Map<string, ActorEntry | null>>();
function memo(actors: readonly ActorEntry[], key: string, find: () => ActorEntry | null): ActorEntry | null {
  let m = lookups.get(actors);
  if (!m) lookups.set(actors, (m = new Map()));
  let v = m.get(key);
  if (v === undefined) m.set(key, (v = find()));
  return v;
}

function makeContext(
  lexicon: Lexicon,
  scope: Scope,
  placeMatcher: PlaceMatcher,
  countryPlaces: ReadonlyMap<string, Place>,
  byId: ReadonlyMap<string, ActorEntry>,
  theatres: readonly TheatrePack[],
  packs: Packs,
  forArticle: (text: string) => ExtractContext,
): ExtractContext {
  const { actorMatcher, allActors, groups, adjectives, foreign } = scope;
  let lastPlaces: { text: string; hits: PlaceHit[] } | null = null;
  /** The country the article is about (set when its actors are read). */
  let home: string | null = null;
  const dyads = theatres.flatMap((t) => t.dyads ?? (t.countries.length === 2 ? [[t.countries[0]!, t.countries[1]!] as const] : []));
  const ctx: ExtractContext = {
    lexicon,
    findActors(text, date): ActorHit[] {
      let hits: ActorHit[] = actorMatcher.find(text, date ?? undefined).map((m) => ({ start: m.start, end: m.end, surface: m.surface, entry: m.entry }));
      // a name that begins a longer place name is no actor: "Mali" in "Mali Khel", "Gaza" in
      // "Gaza Strip" (a direction before it, "northern Israel", still leaves the state named)
      if (hits.length > 0) {
        const places = ctx.findPlaces(text);
        hits = hits.filter((h) => !places.some((p) => p.start <= h.start && p.end > h.end && /^[\s-]*\p{Lu}/u.test(text.slice(h.end, p.end))));
      }
      return resolveGenericActors(text, hits, ctx, packs, date, (h) => (home = h));
    },
    findPlaces(text): PlaceHit[] {
      if (text === lastPlaces?.text) return lastPlaces.hits.slice();
      let mentions = placeMatcher.find(text);
      if (foreign.size > 0) {
        mentions = mentions
          .map((m) => (m.candidates.some((c) => foreign.has(c)) ? { ...m, candidates: m.candidates.filter((c) => !foreign.has(c)) } : m))
          .filter((m) => m.candidates.length > 0);
      }
      const resolved = disambiguatePlaces(mentions, text, { packs: scope.packs });
      const out: PlaceHit[] = [];
      resolved.forEach((r, i) => {
        const m = mentions[i]!;
        if (r) out.push({ start: m.start, end: m.end, surface: m.surface, place: r.place, kind: r.entry.kind });
      });
      lastPlaces = { text, hits: out };
      return out.slice();
    },
    countryPlace: (iso3) => countryPlaces.get(iso3) ?? null,
    actorById: (id) => byId.get(id) ?? null,
    governmentOf(iso3) {
      // (a theatre's government of a place shadows the state's: the Hamas-run offices of Gaza)
      return memo(allActors, `government|${iso3}`, () =>
        allActors.find((a) => a.kind === 'government' && a.country === iso3 && a.role === 'government' && a.side !== iso3) ??
        allActors.find((a) => a.kind === 'government' && a.country === iso3 && a.side === iso3) ?? null);
    },
    civiliansOf(iso3) {
      const c = iso3 ?? home;
      return (c ? allActors.find((a) => a.kind === 'civilians' && a.country === c) : undefined) ?? (iso3 ? null : GENERIC_CIVILIANS);
    },
    forcesOfSide(side) {
      return memo(allActors, `forces|${side}`, () =>
        allActors.find((a) => a.kind === 'state-forces' && a.side === side && a.country === side) ??
        allActors.find((a) => (a.kind === 'state-forces' || a.kind === 'armed-group') && a.side === side && !a.generic) ??
        null,
      );
    },
    actorOfAdjective(word) {
      const w = word.toLowerCase();
      const group = groups.get(w);
      if (group) return group;
      const side = adjectives.get(w);
      return side ? ctx.governmentOf(side) ?? ctx.forcesOfSide(side) : null;
    },
    sideOfAdjective(word) {
      return adjectives.get(word.toLowerCase()) ?? null;
    },
    theatres,
    ceasefires: theatres.flatMap((t) => t.ceasefires),
    keyEvents: theatres.flatMap((t) => t.keyEvents),
    dyads,
    versions: packs.versions,
    forArticle,
  };
  return ctx;
}
