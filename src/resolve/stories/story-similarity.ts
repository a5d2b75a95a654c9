import { distanceKm } from '../../model/geo.js';
import type { StoryPlace } from './story-item.js';

/** How time and place proximity change the text similarity (see {@link contextFactor}). */
export interface ProximityOptions {
  /** Dates at most this many days apart are "the same days" and get the time boost. */
  readonly sameStoryDays: number;
  /** Beyond `sameStoryDays`, the time factor decays as exp(−extra days / this). */
  readonly timeScaleDays: number;
  /** Multiplier for items in the same days (≥ 1). */
  readonly timeBoost: number;
  /** Places at most this many km apart are "the same area" and get the place boost. */
  readonly placeRadiusKm: number;
  /** Beyond `placeRadiusKm`, the place factor decays as exp(−extra km / this)… */
  readonly placeScaleKm: number;
  /** …but never below this floor: one story can span a front line. */
  readonly placeFloor: number;
  /** Multiplier for items in the same area (≥ 1). */
  readonly placeBoost: number;
}

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/** Days since 1970-01-01 of a `YYYY-MM-DD…` string, or null when it is not a valid date. */
export function dayNumber(date: string | null | undefined): number | null {
  if (!date) return null;
  const m = ISO_DATE.exec(date);
  if (m === null) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const d = new Date(t);
  if (d.getUTCDate() !== Number(m[3]) || d.getUTCMonth() !== Number(m[2]) - 1) return null;
  return Math.round(t / DAY_MS);
}

export { distanceKm };

/** Smallest distance between any place of one item and any place of the other, or null. */
export function closestDistanceKm(a: readonly StoryPlace[] | undefined, b: readonly StoryPlace[] | undefined): number | null {
  let best: number | null = null;
  for (const p of a ?? []) {
    if (!Number.isFinite(p.lat) || !Number.isFinite(p.lon)) continue;
    for (const q of b ?? []) {
      if (!Number.isFinite(q.lat) || !Number.isFinite(q.lon)) continue;
      const d = distanceKm(p, q);
      if (best === null || d < best) best = d;
    }
  }
  return best;
}

/**
 * The factor by which time and place proximity scale the text cosine of two items: the product
 * of a time factor (when both dates are known: `timeBoost` within `sameStoryDays`, then an
 * exponential decay; 1 when either is unknown) and a place factor (when both have coordinates:
 * `placeBoost` within `placeRadiusKm`, then a decay down to `placeFloor`; 1 otherwise).
 * Symmetric. Examples with the defaults: the same day and village ×1.56; 76 days apart ×0.
 */
export function contextFactor(
  dayA: number | null,
  dayB: number | null,
  placesA: readonly StoryPlace[] | undefined,
  placesB: readonly StoryPlace[] | undefined,
  opts: ProximityOptions,
): number {
  let f = 1;
  if (dayA !== null && dayB !== null) {
    const gap = Math.abs(dayA - dayB);
    f *= gap <= opts.sameStoryDays ? opts.timeBoost : Math.exp(-(gap - opts.sameStoryDays) / opts.timeScaleDays);
  }
  const km = closestDistanceKm(placesA, placesB);
  if (km !== null) {
    f *= km <= opts.placeRadiusKm ? opts.placeBoost : Math.max(opts.placeFloor, Math.exp(-(km - opts.placeRadiusKm) / opts.placeScaleKm));
  }
  return f;
}
