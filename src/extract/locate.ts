/**
 * Where an event happened: the most precise place named in its sentence (villages beat districts,
 * districts beat regions and countries), with ACLED precision lowered to 2 for "near X",
 * "the X area" and corridors or heights.
 */
import type { ExtractContext, PlaceHit } from './context.js';
import type { GeoPrecision, Place } from '../model/event.js';

const rankOfKind: Record<string, number> = {
  village: 1, town: 1, city: 1, locality: 1, height: 2, corridor: 2, area: 2.5, district: 3, region: 4, country: 5,
};

/** Smaller is more precise. */
export function placeRank(kind: string): number {
  return rankOfKind[kind] ?? 3;
}

export interface LocationFill {
  readonly place: Place;
  readonly hit: PlaceHit;
  readonly rank: number;
  readonly rule: string;
}

/** The ACLED geo precision of a place hit read in its context. */
export function precisionInContext(text: string, hit: PlaceHit, ctx: ExtractContext): GeoPrecision {
  const before = text.slice(Math.max(0, hit.start - 40), hit.start);
  const after = text.slice(hit.end, hit.end + 20);
  const kind = hit.kind;
  let p: GeoPrecision = kind === 'country' || kind === 'region' ? 3 : kind === 'district' ? 2 : kind === 'village' || kind === 'town' || kind === 'city' ? 1 : 2;
  if (p === 1 && (ctx.lexicon.nearRe.test(before) || ctx.lexicon.areaRe.test(after))) p = 2;
  return p;
}

/**
 * The best place for a trigger among `hits` (already filtered of places that name actors),
 * preferring precision, then nearness to the trigger.
 */
export function pickLocation(text: string, hits: readonly PlaceHit[], tStart: number, ctx: ExtractContext, rule: string): LocationFill | null {
  let best: PlaceHit | null = null;
  let bestKey = Infinity;
  for (const h of hits) {
    const key = placeRank(h.kind) * 10_000 + Math.min(9_999, Math.abs(h.start - tStart));
    if (key < bestKey) {
      best = h;
      bestKey = key;
    }
  }
  return best ? placeFill(text, best, ctx, rule) : null;
}

/** A place hit as an event's location, with its precision read in context. */
export function placeFill(text: string, hit: PlaceHit, ctx: ExtractContext, rule: string): LocationFill {
  const geo_precision = precisionInContext(text, hit, ctx);
  return {
    place: { ...hit.place, source_text: hit.surface, geo_precision, span: { start: hit.start, end: hit.end, text: hit.surface } },
    hit,
    rank: placeRank(hit.kind),
    rule,
  };
}
