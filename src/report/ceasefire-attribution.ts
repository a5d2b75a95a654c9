/**
 * Who is blamed for a ceasefire violation: the one rule behind `sitrep ceasefires`
 * (`ceasefire-monitor.ts`), `GET /api/summary` (SQLite's `aggregateEvents` and
 * `summarize-points.ts` for other stores) and the page's chart that reads it (#17 item 2).
 *
 * The rule: a side is blamed for a violation when it is the violation's attacker (the side of
 * `actor1`, as the reports tell it) or when an accusation (`claim.stance === 'accuses'`) names it
 * (`claim.accused.side`). Both count, as a set: one event counts at most once for a side, however
 * many claims accuse it and whether or not it is also the attacker ("Armenia accused Azerbaijan
 * of shelling", attacker AZE and accused AZE, is one violation blamed on AZE). An event blamed on
 * two sides (mutual accusations, or an attacker one side and an accusation of the other) counts
 * once for each, so the per-side counts can add up to more than the number of violations, which
 * is reported on its own. A violation nobody is blamed for counts for {@link UNKNOWN_SIDE}.
 */
import type { MergedEvent } from '../store/records.js';

/** The side a violation with no attacker side and no accusation is counted under. */
export const UNKNOWN_SIDE = 'UNKNOWN';

/** What the rule reads of an event: its attacker's side and the sides its accusations name. */
export interface BlameInput {
  /** Side of actor1 (`EventPoint.side1`). */
  readonly side1: string | null;
  /** Sides named by its `accuses` claims (`EventPoint.accused`). */
  readonly accused: readonly string[];
}

/** The sides blamed for one violation, sorted, each once; `[UNKNOWN_SIDE]` when none is. */
export function blamedSides(e: BlameInput): string[] {
  const sides = new Set<string>(e.accused.filter((s) => s !== ''));
  if (e.side1) sides.add(e.side1);
  return sides.size === 0 ? [UNKNOWN_SIDE] : [...sides].sort();
}

/** The sides the accusations of a merged event name, sorted, each once. */
export function accusedByClaims(e: Pick<MergedEvent, 'claims'>): string[] {
  const sides = new Set<string>();
  for (const c of e.claims) if (c.stance === 'accuses' && c.accused?.side) sides.add(c.accused.side);
  return [...sides].sort();
}

/** {@link blamedSides} of a merged event. */
export function blamedSidesOf(e: Pick<MergedEvent, 'actor1' | 'claims'>): string[] {
  return blamedSides({ side1: e.actor1?.side ?? null, accused: accusedByClaims(e) });
}
