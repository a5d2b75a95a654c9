/**
 * Ceasefire violations from the theatre's known ceasefires: a violent event between parties of a
 * ceasefire, on a day it was in force, violates it; a side that is neither party nor broker (a third
 * war in scope) makes the event no violation of it.
 */
import type { CeasefireEntry } from '../packs/types.js';

const violentTypes = new Set(['Battles', 'Explosions/Remote violence', 'Violence against civilians']);

/** True when the event type is violent (only violent events can violate a ceasefire). */
export function isViolent(eventType: string): boolean {
  return violentTypes.has(eventType);
}

/** The ceasefire in force on `date` binding every known side, brokers aside (any ceasefire when none is known). */
export function ceasefireInForce(
  ceasefires: readonly CeasefireEntry[],
  date: string | null,
  sides: readonly (string | null)[],
): CeasefireEntry | null {
  if (!date) return null;
  const known = sides.filter((s): s is string => Boolean(s) && s !== 'CIV');
  for (const c of ceasefires) {
    if (date <= c.start || (c.end !== null && date > c.end)) continue;
    // its brokers and peacekeepers (Russia in Karabakh) are no third side
    if (known.every((s) => c.parties.includes(s) || c.brokers.includes(s))) return c;
  }
  return null;
}
