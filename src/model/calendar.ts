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

/** Day numbers of 0001-01-01 and 9999-12-31: the days a `YYYY-MM-DD` string can write. */
const FIRST_DAY = Math.round(Date.parse('0001-01-01') / DAY_MS);
const LAST_DAY = Math.round(Date.parse('9999-12-31') / DAY_MS);

/**
 * `date` moved by `days` (negative: earlier), kept within 0001-01-01..9999-12-31 so that a window
 * around any stored date is still written `YYYY-MM-DD` (never `+010000-01-01`).
 */
export function shiftDay(date: string, days: number): string {
  const day = Math.min(LAST_DAY, Math.max(FIRST_DAY, dayNumber(date) + days));
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Days from `a` to `b`. */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

/** True for a real calendar day written `YYYY-MM-DD` (not 2020-13-45, 2020-02-30 or 0000-00-00). */
export function isCalendarDate(date: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < 1 || mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]!;
}
