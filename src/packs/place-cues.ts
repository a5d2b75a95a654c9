/**
 * When a capitalised word that a large gazetteer knows is a place in running text. The world
 * gazetteer holds 125,000 towns and villages and 29,000 districts, and many share their names with
 * people ("Vladimir", "Omar"), months and titles ("August", "Supreme"). Such minor places count
 * only where the sentence speaks of a place:
 * - a locative word before them ("in", "near", "outside", "the village of", "north of"), or
 *   a designator after them ("X district", "X village", "X province");
 * - or listed right after a place that counted ("in X, Y and Z").
 * A name found only through its transliteration key ("Kelly" → Kollu) needs a cue too.
 * Any name followed by another capitalised word that is not a designator ("Vladimir Putin",
 * "Victoria Nuland") is a person or an organisation, not a place, unless a locative word precedes.
 */
import type { PlaceEntry } from './types.js';

/**
 * Verbs whose object is a place when it is a name ("attacking Macomia", "overran Kidal"), in
 * every inflection.
 */
const VERB_BEFORE = String.raw`reach(?:es|ed|ing)?|enter(?:s|ed|ing)?|captur(?:e|es|ed|ing)|seiz(?:e|es|ed|ing)|t(?:ake|akes|ook|aking)|shell(?:s|ed|ing)?|str(?:ike|ikes|uck|iking)|hit(?:s|ting)?|bomb(?:s|ed|ing)?|attack(?:s|ed|ing)?|liberat(?:e|es|ed|ing)|encircl(?:e|es|ed|ing)|storm(?:s|ed|ing)?|recaptur(?:e|es|ed|ing)|evacuat(?:e|es|ed|ing)|fle(?:e|es|d|eing)|target(?:s|ed|ing)?|besieg(?:e|es|ed|ing)|surround(?:s|ed|ing)?|overr(?:un|uns|an|unning)|raid(?:s|ed|ing)?|pound(?:s|ed|ing)?|invad(?:e|es|ed|ing)|occup(?:y|ies|ied|ying)`;
/** The Arabic article written joined to a name ("on al-Taif", "in ad-Dali"), or a hashtag's sign ("attack on #Macomia"): part of the name's gap. */
const ARTICLE_PREFIX = String.raw`(?:#|(?:a|e)(?:l|d|r|s|sh|t|z|n)[-‐])?`;

/** A locative word (preposition or place noun) right before the name. */
const LOCATIVE_BEFORE = new RegExp(
  String.raw`(?:^|[^\p{L}])(?:in|near|at|on|from|to|into|onto|outside|around|toward|towards|across|through|via|between|linking|connecting|beyond|inside|within|nearby|past|off|over|of|by|${VERB_BEFORE})\s+(?:the\s+)?(?:(?:northern|southern|eastern|western|central|north-?eastern|north-?western|south-?eastern|south-?western|frontline|front-line|embattled|besieged|strategic|key|nearby|neighbou?ring|small|border|coastal|rural|occupied|eastern)\s+)?(?:(?:village|town|city|settlement|hamlet|locality|district|region|province|area|outskirts|suburbs?|neighbou?rhood|municipality|commune|county|camp|refugee camp|governorate|oblast|state|township|sub-?district)s?\s+(?:of\s+)?)?${ARTICLE_PREFIX}$`,
  'iu',
);

/** An apposition that says what the name is ("Macomia, the district seat", "Kidal, a town in the north"). */
const APPOSITION = String.raw`,\s+(?:the|a|an)\s+(?:(?:small|large|key|strategic|district|provincial|regional|border|frontline|front-line|coastal|nearby|rural|remote|mountain|mountainous|desert|northern|southern|eastern|western|central|main|major|former|besieged|embattled)\s+){0,2}(?:village|town|city|settlement|hamlet|locality|seat|capital|port|commune|municipality|district|province|region)\b`;

/** A designator right after the name ("Masisi territory", "Khyber district", "Bhamo town"). */
const DESIGNATOR_AFTER = new RegExp(
  String.raw`^(?:[\s-]+(?:village|town|city|district|region|province|oblast|governorate|county|state|area|raion|rayon|township|municipality|sub-?district|commune|camp|refugee camp|neighbou?rhood|valley|territory|department|prefecture|locality|settlement|airport|air ?base|port|border crossing|crossing|front|axis|direction|sector|outskirts|tehsil|taluka?|upazila|union council|woreda|kebele|payam|cercle|circle|LGA|local government area|chiefdom|groupement|chefferie|sub-?county|sub-?prefecture|arrondissement)s?\b|${APPOSITION})`,
  'iu',
);

/** Another capitalised word right after the name (a person's surname, an organisation). */
const CAPITAL_AFTER = /^ +\p{Lu}/u;

/** Text right after a place that continues a list of places ("X, Y and Z"; "X or Y"). */
const LIST_GAP = /^\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|\/\s*)(?:the\s+)?$/iu;

/** Month and weekday names: "in August" is a date, not August, California. */
const CALENDAR_WORD = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;

/** Bulk world-gazetteer rows that need a cue: towns, villages and districts (not cities, regions, countries). */
export function isMinorPlace(p: PlaceEntry): boolean {
  if (p.curated || !p.id.startsWith('place:gn')) return false;
  return p.kind === 'town' || p.kind === 'village' || p.kind === 'district';
}

/** Bulk world-gazetteer rows that a following capitalised word turns into a person's name. */
function isBulkWorld(p: PlaceEntry): boolean {
  return !p.curated && p.id.startsWith('place:gn');
}

/**
 * The candidates a mention keeps in its context: minor places only with a cue, bulk world rows
 * not before another capitalised word. `prevEnd` is the end of the last mention that counted as a
 * place (for lists), or -1.
 */
export function candidatesInContext(text: string, start: number, end: number, candidates: readonly PlaceEntry[], prevEnd: number, fuzzy = false): readonly PlaceEntry[] {
  let needsCue = fuzzy;
  for (const c of candidates) if (isBulkWorld(c)) needsCue = true;
  if (!needsCue) return candidates;
  if (CALENDAR_WORD.test(text.slice(start, end))) return candidates.filter((c) => !isBulkWorld(c));
  const before = text.slice(Math.max(0, start - 60), start);
  const after = text.slice(end, end + 30);
  const locative = LOCATIVE_BEFORE.test(before);
  const designated = DESIGNATOR_AFTER.test(after);
  const listed = prevEnd >= 0 && prevEnd <= start && start - prevEnd <= 8 && LIST_GAP.test(text.slice(prevEnd, start));
  const cue = locative || designated || listed;
  const personLike = !cue && CAPITAL_AFTER.test(after);
  if (cue) return candidates;
  // a spelling variant found by its transliteration key ("Kelly" → Kollu) needs a cue as well
  if (fuzzy) return [];
  return candidates.filter((c) => !isBulkWorld(c) || (!personLike && !isMinorPlace(c)));
}
