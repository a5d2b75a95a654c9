/**
 * Builds the extractor's context from the packs: matchers for actors and places, side lookups,
 * ceasefires and key events of every theatre. Built once per process.
 */
import { loadLexicon } from './lexicon.js';
import type { ActorHit, ExtractContext, PlaceHit } from './context.js';
import { createActorMatcher } from '../packs/actor-matcher.js';
import { createPlaceMatcher, disambiguatePlaces } from '../packs/gazetteer-index.js';
import { loadPacks } from '../packs/load-packs.js';
import type { ActorEntry, Packs } from '../packs/types.js';
import type { Place } from '../model/event.js';

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
  return out;
}

let cached: ExtractContext | undefined;

/** The shared extraction context (packs and lexicon loaded and indexed once). */
export function createExtractContext(packs: Packs = loadPacks()): ExtractContext {
  if (cached && packs === loadPacks()) return cached;
  const lexicon = loadLexicon();
  const actorMatcher = createActorMatcher(packs);
  const placeMatcher = createPlaceMatcher(packs);
  const allActors: ActorEntry[] = [...packs.theatres.flatMap((t) => t.actors), ...packs.world.actors];
  const byId = new Map(allActors.map((a) => [a.id, a] as const));
  const groups = new Map<string, ActorEntry>();
  const adjectives = theatreAdjectives(packs, groups);
  const countryPlaces = new Map<string, Place>();
  for (const p of packs.world.places) {
    if (p.kind === 'country' && p.country) {
      countryPlaces.set(p.country, {
        name: p.name, source_text: p.name, country: p.country, admin1: null, admin2: null, lat: p.lat, lon: p.lon, geo_precision: 3, id: p.id,
      });
    }
  }
  const dyads = packs.theatres.filter((t) => t.countries.length === 2).map((t) => [t.countries[0]!, t.countries[1]!] as const);
  const ctx: ExtractContext = {
    lexicon,
    findActors(text, date): ActorHit[] {
      return actorMatcher.find(text, date ?? undefined).map((m) => ({ start: m.start, end: m.end, surface: m.surface, entry: m.entry }));
    },
    findPlaces(text): PlaceHit[] {
      const mentions = placeMatcher.find(text);
      const resolved = disambiguatePlaces(mentions, text, { packs });
      const out: PlaceHit[] = [];
      resolved.forEach((r, i) => {
        const m = mentions[i]!;
        if (r) out.push({ start: m.start, end: m.end, surface: m.surface, place: r.place, kind: r.entry.kind });
      });
      return out;
    },
    countryPlace: (iso3) => countryPlaces.get(iso3) ?? null,
    actorById: (id) => byId.get(id) ?? null,
    governmentOf(iso3) {
      return allActors.find((a) => a.kind === 'government' && a.country === iso3 && a.side === iso3) ?? null;
    },
    civiliansOf(iso3) {
      return allActors.find((a) => a.kind === 'civilians' && a.country === iso3) ?? null;
    },
    forcesOfSide(side) {
      return (
        allActors.find((a) => a.kind === 'state-forces' && a.side === side && a.country === side) ??
        allActors.find((a) => (a.kind === 'state-forces' || a.kind === 'armed-group') && a.side === side) ??
        null
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
    theatres: packs.theatres,
    ceasefires: packs.theatres.flatMap((t) => t.ceasefires),
    keyEvents: packs.theatres.flatMap((t) => t.keyEvents),
    dyads,
    versions: packs.versions,
  };
  cached = ctx;
  return ctx;
}
