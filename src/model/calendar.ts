/** Day arithmetic on `YYYY-MM-DD` strings (UTC days), shared by every stage. */

const DAY_MS = 86_400_000;

/**
 * Day numbers of recently seen dates: extraction and merging compare the same few dates many
 * times per article, and `Date.parse` dominates those comparisons.
 */
const dayNumbers = new Map<string, number>();
const MAX_CACHED = 50_000;

/** Days since 1970-01-01 of the day `date` starts with (NaN when it is not a date). */
export function dayNumber(date: string): number {
  const key = date.length === 10 ? date : date.slice(0, 10);
  let n = dayNumbers.get(key);
  if (n === undefined) {
    n = Math.round(Date.parse(key) / DAY_MS);
    if (dayNumbers.size >= MAX_CACHED) dayNumbers.clear();
    dayNumbers.set(key, n);
  }
  return n;
}

/** `date` moved by `days` (negative: earlier). */
export function shiftDay(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * DAY_MS).toISOString().slice(0, 10);
}

/** Days from `a` to `b`. */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}
