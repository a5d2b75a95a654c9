/**
 * The ceasefire monitor: for each known ceasefire of the theatres, the violations registered
 * while it was in force, counted by accused side, by place and by week.
 */
import type { CeasefireEntry } from '../packs/types.js';
import type { MergedEvent } from '../store/records.js';
import { blamedSidesOf, UNKNOWN_SIDE } from './ceasefire-attribution.js';

export interface CeasefireReport {
  readonly id: string;
  readonly name: string;
  readonly start: string;
  readonly end: string | null;
  readonly parties: readonly string[];
  readonly violations: number;
  /** Side → number of violations it is blamed for (`ceasefire-attribution.ts`: as attacker or by an accusation, once per event; `UNKNOWN` for none). */
  readonly by_accused_side: Readonly<Record<string, number>>;
  readonly by_place: Readonly<Record<string, number>>;
  /** Monday of the ISO week → number of violations. */
  readonly by_week: Readonly<Record<string, number>>;
  readonly event_ids: readonly string[];
}

/** Monday of the week of `date` (YYYY-MM-DD). */
export function weekOf(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - back * 86_400_000).toISOString().slice(0, 10);
}

function bump(m: Record<string, number>, key: string): void {
  m[key] = (m[key] ?? 0) + 1;
}

/** The sides an event blames (see `ceasefire-attribution.ts`), without `UNKNOWN`. */
export function accusedSides(e: MergedEvent): string[] {
  return blamedSidesOf(e).filter((s) => s !== UNKNOWN_SIDE);
}

export function ceasefireReports(ceasefires: readonly CeasefireEntry[], events: readonly MergedEvent[]): CeasefireReport[] {
  const sorted = [...ceasefires].sort((a, b) => a.start.localeCompare(b.start) || a.id.localeCompare(b.id));
  return sorted.map((c) => {
    const inForce = events.filter(
      (e) => e.ceasefire_violation && e.date && e.date > c.start && (c.end === null || e.date <= c.end) &&
        (accusedSides(e).length === 0 || accusedSides(e).some((s) => c.parties.includes(s))),
    );
    const bySide: Record<string, number> = {};
    const byPlace: Record<string, number> = {};
    const byWeek: Record<string, number> = {};
    for (const e of inForce) {
      for (const s of blamedSidesOf(e)) bump(bySide, s);
      bump(byPlace, e.location?.name ?? 'unknown');
      bump(byWeek, weekOf(e.date!));
    }
    return {
      id: c.id,
      name: c.name,
      start: c.start,
      end: c.end,
      parties: c.parties,
      violations: inForce.length,
      by_accused_side: bySide,
      by_place: byPlace,
      by_week: Object.fromEntries(Object.entries(byWeek).sort()),
      event_ids: inForce.map((e) => e.id).sort(),
    };
  });
}
