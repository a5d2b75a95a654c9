/**
 * Where an event happened: among the places of the trigger's sentence, the one the trigger's
 * clause governs, and among those the most precise.
 *
 * Each place gets a cost (lower wins):
 * - its precision: towns and villages 0, corridors and heights 0.5, areas 1, districts 1.5,
 *   regions 2.5, countries 3.5;
 * - its tie to the trigger: the object or a locative phrase right after the trigger ("shelled X",
 *   "struck a depot in X", "fighting near X", the "of" phrase of an event noun: "bombardment of
 *   opposition-held X") −2.5; a scene-setting "In X," opening the sentence or
 *   the passive subject right before the trigger ("X was shelled") −1.5;
 * - an origin ("launched from X", "from an air base in X", "fired from the X region") +5: the
 *   place a strike came from is not where it landed;
 * - an end of a journey ("on its way from X to Y", "bound for Y") +4: a column destroyed on its way
 *   between two places may only be placed by them, but another place of the sentence is better;
 *   a previous sentence's journey is never inherited;
 * - a dateline ("DUBAI —", "BEIRUT (Reuters) -") +4 when the other places are all in other countries:
 *   where the story was filed, not where the event was;
 * - a place inside an earlier clause of its own, before the trigger, +0.5;
 * - distance to the trigger in characters, up to +1.5.
 *
 * ACLED precision: 1 for a town or village, 2 for "near X", "the X area", corridors, heights and
 * districts, 3 for regions and countries.
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

const precisionCost: Record<string, number> = {
  village: 0, town: 0, city: 0, locality: 0, height: 0.5, corridor: 0.5, area: 1, district: 1.5, region: 2.5, country: 3.5,
};

export interface LocationFill {
  readonly place: Place;
  readonly hit: PlaceHit;
  readonly rank: number;
  /** How well the sentence ties the place to the trigger (lower is better; see the module comment). */
  readonly cost: number;
  readonly rule: string;
}

/** The ACLED geo precision of a place hit read in its context. */
export function precisionInContext(text: string, hit: PlaceHit, ctx: ExtractContext): GeoPrecision {
  const before = text.slice(Math.max(0, hit.start - 40), hit.start);
  const after = text.slice(hit.end, hit.end + 20);
  const kind = hit.kind;
  let p: GeoPrecision = kind === 'country' || kind === 'region' ? 3 : kind === 'district' ? 2 : kind === 'village' || kind === 'town' || kind === 'city' ? 1 : 2;
  if (p === 1 && (ctx.lexicon.nearRe.test(before) || ctx.lexicon.areaRe.test(after))) p = 2;
  // an unlisted place is only as precise as the coordinates it borrows
  if (hit.unlisted && hit.unlisted.precision > p) p = hit.unlisted.precision;
  return p;
}

/** Place nouns that may stand between a preposition and a name ("the village of", "the outskirts of"). */
const PLACE_NOUN = String.raw`(?:village|town|city|settlement|hamlet|district|region|province|area|outskirts|suburbs?|neighbou?rhood|municipality|county|camp|refugee camp|governorate|oblast|state|township|port|base|airport|border|frontier|center|centre)s?`;
const DIRECTION = String.raw`(?:northern|southern|eastern|western|central|north-?eastern|north-?western|south-?eastern|south-?western|north|south|east|west)`;
/** A possessive proper noun before the name ("in Russia's Bryansk region"). */
const POSSESSOR = String.raw`(?:\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)?['’]s\s+)?`;
/** A locative preposition (with an optional article, direction and place noun) ending the gap before a name. */
const LOCATIVE_END = new RegExp(
  String.raw`\b(?:in|near|on|at|around|outside|into|onto|inside|across|over|toward|towards|against|throughout|within|along|(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)\s+of|close\s+to|not\s+far\s+from)\s+(?:the\s+)?${POSSESSOR}(?:${DIRECTION}\s+)?(?:${PLACE_NOUN}\s+(?:of\s+)?)?$`,
  'iu',
);
/** The gap between a transitive trigger and its object: an article or nothing ("shelled the town of X", "hit X"). */
const OBJECT_GAP = new RegExp(String.raw`^\s+(?:the\s+)?${POSSESSOR}(?:${DIRECTION}\s+)?(?:${PLACE_NOUN}\s+(?:of\s+)?)?$`, 'iu');
/** The object of an event noun ("bombardment of opposition-held Idlib", "the shelling of Kharkiv"; a verb is not followed by "of"). */
const NOMINAL_OF_GAP = new RegExp(String.raw`^\s+of\s+(?:the\s+)?(?:[\p{L}]+-(?:held|controlled|occupied|run|besieged)\s+)?${POSSESSOR}(?:${DIRECTION}\s+)?(?:${PLACE_NOUN}\s+(?:of\s+)?)?$`, 'iu');
/** A clause boundary: the governed phrase does not cross it. */
const CLAUSE_BREAK = /[;:()"“”]|,\s*(?:which|who|where|while|but|as|after|before|when|and\s+(?:the|a|an)\b)|\b(?:said|says|told|according)\b/i;
/** A distance and a bearing before a name ("60 km north of", "about 10 miles from the"). */
const REFERENCE_POINT = new RegExp(String.raw`\b\d+(?:[.,]\d+)?\s*-?\s*(?:km|kilomet(?:re|er)s?|(?:nautical\s+)?miles?|mi|nm)\b\s*(?:\([^)]{0,30}\)\s*)?(?:(?:to\s+the\s+)?${DIRECTION}\s+)?(?:of|from)\s+(?:the\s+)?${POSSESSOR}(?:(?:port\s+)?${PLACE_NOUN}\s+(?:of\s+)?)?$`, 'iu');
/** "from" (or "launched from") opening the noun phrase that ends at the place: an origin. */
const ORIGIN = /\bfrom\s+(?:(?:the|an?|its|their)\s+)?#?(?:[\p{L}'’-]+\s+#?){0,4}$/iu;
/** Words after "from" that make it a point of departure of movement or fire, not a range ("from X to Y" is kept). */
/**
 * The ends of a journey ("on its way from Quetta to Peshawar", "a convoy bound for X", "en route
 * to X"): where the travellers came from and were going, not where the event happened.
 */
const ROUTE_END = /\b(?:(?:on\s+(?:its|their|his|her|the|a)\s+)?way|en\s+route|bound|heading|headed|travell?ing|journey|trip|flight)\s+(?:from\s+(?:the\s+)?(?:[\p{Lu}][\p{L}'’-]*\s+){1,4}(?:to|for|towards?)\s+|(?:from|to|for|towards?)\s+)(?:the\s+)?$/u;
function isRouteEnd(text: string, h: PlaceHit, sentenceStart: number): boolean {
  return ROUTE_END.test(text.slice(Math.max(sentenceStart, h.start - 80), h.start));
}
const PASSIVE_BEFORE = /^\s*(?:,\s*)?(?:was|were|is|are|has been|have been|had been|came|come|comes|has come|had come)\b/i;
const OPENING_IN = /^\s*(?:(?:In|At|Near|Outside|Around|Inside)\s+(?:the\s+)?(?:[\p{L}-]+\s+){0,2})$/u;

/** A dateline: a capitalised place opening a line, then a dash or colon, perhaps after ", Country" and "(Agency)". */
const DATELINE_AFTER = /^(?:,\s*[\p{Lu}][\p{L}\d.'’ -]{1,30})?\s*(?:\([^)\n]{1,40}\)\s*)?[—–:-]\s/u;
/** "Peshawar, Feb 6 (PTI) At least ...": a date and an agency in brackets close a dateline without a dash. */
const DATELINE_AGENCY = /^,\s*(?:[\p{Lu}][\p{L}.]{2,9}\.?\s+\d{1,2}|\d{1,2}\s+[\p{Lu}][\p{L}.]{2,9}\.?)\s*\([^)\n]{1,40}\)\s+\p{Lu}/u;
function isDateline(text: string, h: PlaceHit): boolean {
  const lineStart = text.lastIndexOf('\n', h.start - 1) + 1;
  if (text.slice(lineStart, h.start).trim() !== '') return false;
  const after = text.slice(h.end, h.end + 60);
  if (DATELINE_AGENCY.test(after)) return true;
  const upper = h.surface === h.surface.toUpperCase() && /\p{Lu}{3}/u.test(h.surface);
  return DATELINE_AFTER.test(after) && (upper || /^\s*\(/.test(text.slice(h.end, h.end + 3)));
}

interface Scored {
  readonly hit: PlaceHit;
  readonly cost: number;
}

/** Cost of one place as the location of a trigger spanning [tStart, tEnd). */
function costOf(text: string, h: PlaceHit, tStart: number, tEnd: number, sentenceStart: number): number {
  let cost = precisionCost[h.kind] ?? 1.5;
  const before = text.slice(Math.max(sentenceStart, h.start - 60), h.start);
  const origin = ORIGIN.test(before) && !/\b(?:to|into|toward|towards|hit|struck|targeting|on)\b/i.test(before.slice(before.toLowerCase().lastIndexOf('from')));
  if (origin) cost += 5;
  // "Mweso, around 60 kilometres (37 miles) north of Goma": a distance from a place makes it the
  // reference point of the place named before it, not the scene.
  if (REFERENCE_POINT.test(before)) cost += 3;
  if (h.start >= tEnd) {
    const gap = text.slice(tEnd, h.start);
    const governed = gap.length <= 90 && !CLAUSE_BREAK.test(gap) && (OBJECT_GAP.test(gap) || LOCATIVE_END.test(gap) || NOMINAL_OF_GAP.test(gap));
    if (governed && !origin) cost -= 2.5;
    cost += Math.min(1.5, (h.start - tEnd) / 80);
  } else {
    const gap = text.slice(h.end, tStart);
    const lead = text.slice(sentenceStart, h.start);
    if (OPENING_IN.test(lead) && /^\s*,/.test(gap)) cost -= 1.5;
    else if (PASSIVE_BEFORE.test(gap) && gap.length < 40) cost -= 1.5;
    else if (/[,;:]/.test(gap)) cost += 0.5;
    cost += Math.min(1.5, (tStart - h.end) / 80);
  }
  return cost;
}

/**
 * The best place for a trigger among `hits` (already filtered of places that name actors): the
 * one its clause governs, then the most precise, then the nearest. `sentenceStart` bounds the
 * look-behind (default: the start of the text).
 */
export function pickLocation(
  text: string,
  hits: readonly PlaceHit[],
  tStart: number,
  ctx: ExtractContext,
  rule: string,
  tEnd: number = tStart,
  sentenceStart = 0,
): LocationFill | null {
  let best: Scored | null = null;
  for (const h of hits) {
    let cost = costOf(text, h, tStart, tEnd, sentenceStart);
    if (isRouteEnd(text, h, sentenceStart)) cost += 4;
    // "DUBAI —": where the story was filed; not the event's place when the sentence speaks of
    // places in other countries only ("IRBIL, Iraq - ... in Iraq's Kurdistan region" keeps it)
    // (nor when the story names a place within the same country more precise than the country)
    if (isDateline(text, h) && hits.some((o) => o !== h && o.place.country !== h.place.country) && !hits.some((o) => o !== h && o.place.country === h.place.country)) cost += 4;
    else if (isDateline(text, h) && hits.some((o) => o !== h)) cost += 4;
    if (!best || cost < best.cost - 1e-9 || (Math.abs(cost - best.cost) < 1e-9 && h.start < best.hit.start)) best = { hit: h, cost };
  }
  // A wire dateline with its date ("Peshawar, Feb 6 (PTI)") says where the report was filed, not
  // where the event was: the paragraph or the article says more. (A reporter's "KHARKIV, Ukraine —"
  // over a story that names no other place stands.)
  if (best && isDateline(text, best.hit) && /^,\s*(?:[\p{Lu}][\p{L}.]{2,9}\.?\s+\d{1,2}|\d{1,2}\s+[\p{Lu}][\p{L}]{2,9})\b/u.test(text.slice(best.hit.end, best.hit.end + 30))) return null;
  return best ? placeFill(text, best.hit, ctx, rule, best.cost) : null;
}

/** A place hit as an event's location, with its precision read in context. */
export function placeFill(text: string, hit: PlaceHit, ctx: ExtractContext, rule: string, cost = 0): LocationFill {
  const geo_precision = precisionInContext(text, hit, ctx);
  return {
    place: { ...hit.place, source_text: hit.surface, geo_precision, span: { start: hit.start, end: hit.end, text: hit.surface } },
    hit,
    // an unlisted place ranks by the coordinates it borrows (a district's, a country's)
    rank: hit.unlisted ? Math.max(placeRank(hit.kind), hit.unlisted.precision === 3 ? 4 : 3) : placeRank(hit.kind),
    cost,
    rule,
  };
}

/** Words that open a new event: a previous sentence's place is not this one's. */
const NEW_SCENE = /\b(?:separately|elsewhere|separate|another|meanwhile|in other|also)\b/i;

/**
 * The location of a trigger whose sentence names no place: the place the previous sentence of the
 * same paragraph gives its own events ("Drones attacked river ports in Odesa Oblast. The air force
 * says it downed 22 of them."), unless the sentence opens a new scene ("Separately, ...").
 * Costs 3 more than a place of the trigger's own sentence, so that a merged event prefers those.
 */
export function pickInherited(
  text: string,
  prevPlaces: readonly PlaceHit[],
  prevStart: number,
  prevEnd: number,
  sentenceText: string,
  ctx: ExtractContext,
): LocationFill | null {
  const scenes = prevPlaces.filter((h) => !isRouteEnd(text, h, prevStart));
  if (scenes.length === 0 || NEW_SCENE.test(sentenceText)) return null;
  const fill = pickLocation(text, scenes, prevEnd, ctx, 'location/previous-sentence', prevEnd, prevStart);
  return fill ? { ...fill, cost: fill.cost + 3 } : null;
}
