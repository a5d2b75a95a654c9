/**
 * Places named together as one list ("struck Vardenis, Mets Masrik and Sotk", "the villages of X
 * and Y"): ACLED codes one event per location, so a trigger whose place is part of such a list
 * yields one draft per listed settlement.
 */
import type { PlaceHit } from './context.js';

const SETTLEMENT = new Set(['village', 'town', 'city', 'locality']);
/** Districts listed together are separate places too ("positions in the Aghdam, Khojavand and Khojaly regions"). */
const LISTABLE = new Set([...SETTLEMENT, 'district']);
/**
 * A list going on past the last name the gazetteers know, to an "and"/"or" item ("Sotk, Kapan,
 * Jermuk, Artanish and Ishkhanasar"): proper names joined by commas, then the coordinator.
 */
const NAME = String.raw`\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,2}`;
const tailRe = new RegExp(String.raw`^(?:\s*,\s*${NAME})*\s*,?\s*(?:and|or)\s+${NAME}`, 'u');
/** What may stand between two items of a list: a comma, "and"/"or", ", and", maybe a class noun. */
const gapRe = /^\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|as well as\s+)(?:the\s+)?(?:(?:villages?|towns?|cities|city|settlements?)\s+(?:of\s+)?)?$/i;

/**
 * The other settlements listed with `hit` in its sentence, in text order (without `hit`). A
 * comma alone joins two names only when the list goes on to an "and"/"or" item, so that an
 * apposition ("Tartar, Azerbaijan") is not read as a list.
 */
export function listedWith(text: string, hit: PlaceHit, places: readonly PlaceHit[]): PlaceHit[] {
  if (!LISTABLE.has(hit.kind)) return [];
  const sorted = [...places].sort((a, b) => a.start - b.start);
  const at = sorted.indexOf(hit);
  if (at < 0) return [];
  let lo = at;
  let hi = at;
  while (lo > 0 && gapRe.test(text.slice(sorted[lo - 1]!.end, sorted[lo]!.start))) lo--;
  while (hi < sorted.length - 1 && gapRe.test(text.slice(sorted[hi]!.end, sorted[hi + 1]!.start))) hi++;
  if (lo === hi) return [];
  const gaps = sorted.slice(lo, hi).map((p, k) => text.slice(p.end, sorted[lo + k + 1]!.start));
  if (!gaps.some((g) => /\b(?:and|or|as well as)\b/i.test(g)) && !tailRe.test(text.slice(sorted[hi]!.end))) return [];
  const items = sorted.slice(lo, hi + 1);
  if (!items.every((p) => LISTABLE.has(p.kind))) return [];
  const seen = new Set<string>([hit.place.name]);
  return items.filter((p) => p !== hit && !seen.has(p.place.name) && Boolean(seen.add(p.place.name)));
}
