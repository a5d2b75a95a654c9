/**
 * Theatres as scopes: which theatre packs an article is about, decided from what it names. A
 * theatre's data (its villages, its actors and their generic aliases such as "separatists", its
 * ceasefires, dyads and key events) applies only to articles about it, so the Karabakh pack never
 * turns Malian separatists into the Artsakh Defense Army.
 *
 * A theatre is active when the article names one of its keywords ("Karabakh", "Lachin",
 * "Pashinyan"), or one of its countries by name, demonym or capital ("Armenia", "Azerbaijani",
 * "Baku"). An article that names two theatres gets both, the one it names more often first.
 */
import { AliasIndex, caseRuleOf } from './alias-index.js';
import { tokenize } from './tokenize.js';
import type { Packs, TheatrePack } from './types.js';

/** A compiled theatre detector; build it once per packs object. */
export interface TheatreScoper {
  /** The theatres the text is about, most named first (none for an article about another war). */
  theatresOf(text: string): readonly TheatrePack[];
}

const cache = new WeakMap<Packs, TheatreScoper>();

/**
 * The theatre detector of `packs` (cached per packs object).
 *
 * @example
 * theatreScoper(loadPacks()).theatresOf('Fighting near Lachin.').map((t) => t.id) // ['nagorno-karabakh']
 * theatreScoper(loadPacks()).theatresOf('Separatists attacked Kidal, Mali.') // []
 */
export function theatreScoper(packs: Packs): TheatreScoper {
  const hit = cache.get(packs);
  if (hit) return hit;
  const index = new AliasIndex<number>();
  // one pass over the world's 150,000 places, not one per theatre country
  const countryEntries = packs.theatres.length > 0 ? packs.world.places.filter((p) => p.kind === 'country') : [];
  packs.theatres.forEach((t, i) => {
    for (const k of t.keywords) index.add(k, i, caseRuleOf(k, true));
    for (const c of t.countries) {
      for (const d of packs.world.demonyms?.[c] ?? []) index.add(d, i, caseRuleOf(d, true));
      // the world pack's government entry names the country and its capital ("Yerevan")
      for (const a of packs.world.actors) {
        if (a.kind === 'government' && a.country === c) for (const n of a.aliases) index.add(n, i, caseRuleOf(n, true));
      }
      for (const p of countryEntries) {
        if (p.country === c) for (const n of p.aliases) index.add(n, i, caseRuleOf(n, true));
      }
    }
  });
  const first = new Set(index.firstKeys());
  const scoper: TheatreScoper = {
    theatresOf(text: string): readonly TheatrePack[] {
      if (packs.theatres.length === 0) return [];
      const tokens = tokenize(text);
      const on = new Map<number, number>();
      for (let i = 0; i < tokens.length; i++) {
        const t = tokens[i]!;
        if (!first.has(t.key) && !(t.possessive && first.has(t.possessive.key))) continue;
        const m = index.match(tokens, i);
        if (!m) continue;
        for (const h of new Set(m.hits.map((x) => x.value))) on.set(h, (on.get(h) ?? 0) + 1);
        i += m.length - 1;
      }
      // The most named theatre first (ties in pack order): its war is the article's main one.
      return packs.theatres.map((t, i) => [t, on.get(i) ?? 0] as const).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]).map(([t]) => t);
    },
  };
  cache.set(packs, scoper);
  return scoper;
}

/** The packs restricted to some theatres (the world pack is shared, not copied). */
export function scopedPacks(packs: Packs, theatres: readonly TheatrePack[]): Packs {
  if (theatres.length === packs.theatres.length) return packs;
  return { ...packs, theatres };
}
