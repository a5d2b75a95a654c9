/**
 * Calendar arithmetic on plain civil dates (year, month, day) with no time zone: the dates stage
 * never converts through local time, so results do not depend on the machine's zone.
 */

/** A calendar date: month 1..12, day 1..31. */
export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/**
 * Civil-date helpers, grouped in one frozen object so the file keeps one main export.
 *
 * @example
 * civilDate.format(civilDate.addDays({ year: 2020, month: 12, day: 12 }, -1)); // "2020-12-11"
 */
export const civilDate = Object.freeze({
  /** Days since 1970-01-01 (negative before). */
  toDays(d: CivilDate): number {
    const t = new Date(0);
    t.setUTCFullYear(d.year, d.month - 1, d.day);
    return Math.round(t.getTime() / MS_PER_DAY);
  },

  /** Inverse of {@link civilDate.toDays}. */
  fromDays(days: number): CivilDate {
    const t = new Date(days * MS_PER_DAY);
    return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
  },

  addDays(d: CivilDate, n: number): CivilDate {
    return civilDate.fromDays(civilDate.toDays(d) + n);
  },

  /** 0 = Sunday … 6 = Saturday, as chrono and `Date#getDay` count. */
  weekday(d: CivilDate): number {
    return (((civilDate.toDays(d) + 4) % 7) + 7) % 7;
  },

  /** Number of days in the month. */
  daysInMonth(year: number, month: number): number {
    const t = new Date(0);
    t.setUTCFullYear(year, month, 0);
    return t.getUTCDate();
  },

  /** True when the components name a real calendar day. */
  isValid(year: number, month: number, day: number): boolean {
    return (
      Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day) &&
      month >= 1 && month <= 12 && day >= 1 && day <= civilDate.daysInMonth(year, month)
    );
  },

  /** `YYYY-MM-DD` (years before 1000 are zero-padded). */
  format(d: CivilDate): string {
    return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
  },

  /** Parses the date part of an ISO date or date-time string; null when it is not a valid date. */
  parse(iso: string | null | undefined): CivilDate | null {
    if (!iso) return null;
    const m = ISO_DATE.exec(iso.trim());
    if (!m) return null;
    const year = Number(m[1]);
    const month = Number(m[2]);
    const day = Number(m[3]);
    return civilDate.isValid(year, month, day) ? { year, month, day } : null;
  },

  /** Negative, zero or positive as `a` is before, equal to or after `b`. */
  compare(a: CivilDate, b: CivilDate): number {
    return a.year - b.year || a.month - b.month || a.day - b.day;
  },
});
