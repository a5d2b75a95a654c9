/** Day arithmetic on `YYYY-MM-DD` strings (UTC days), shared by every stage. */

const DAY_MS = 86_400_000;

/** `date` moved by `days` (negative: earlier). */
export function shiftDay(date: string, days: number): string {
  return new Date(Date.parse(date.slice(0, 10)) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Days from `a` to `b`. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(b.slice(0, 10)) - Date.parse(a.slice(0, 10))) / DAY_MS);
}
