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

/** A locative word (preposition or place noun) right before the name. */
const LOCATIVE_BEFORE =
  /(?:^|[^\p{L}])(?:in|near|at|on|from|to|into|onto|outside|around|toward|towards|across|through|via|between|linking|connecting|beyond|inside|within|nearby|past|off|over|of|by|reach(?:ed|ing)?|entered|captured|seized|took|shelled|struck|hit|bombed|attacked|liberated|encircled|stormed|recaptured|evacuated|fled|targeted|besieged|surrounded)\s+(?:the\s+)?(?:(?:northern|southern|eastern|western|central|north-?eastern|north-?western|south-?eastern|south-?western|frontline|front-line|embattled|besieged|strategic|key|nearby|neighbou?ring|small|border|coastal|rural|occupied|eastern)\s+)?(?:(?:village|town|city|settlement|hamlet|locality|district|region|province|area|outskirts|suburbs?|neighbou?rhood|municipality|commune|county|camp|refugee camp|governorate|oblast|state|township|sub-?district)s?\s+(?:of\s+)?)?$/iu;

/** A designator right after the name ("Masisi territory", "Khyber district", "Bhamo town"). */
const DESIGNATOR_AFTER =
  /^[\s-]+(?:village|town|city|district|region|province|oblast|governorate|county|state|area|raion|rayon|township|municipality|sub-?district|commune|camp|refugee camp|neighbou?rhood|valley|territory|department|prefecture|locality|settlement|airport|air ?base|port|border crossing|crossing|front|axis|direction|sector|outskirts)s?\b/iu;

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
