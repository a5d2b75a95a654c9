/**
 * The dates stage's public entry point: every date expression of a text, resolved to calendar
 * days against a reference date (normally the publication date).
 */
import { civilDate, type CivilDate } from './civil-date.js';
import { getDateLexicon } from './date-lexicon.js';
import { hasFutureCue } from './has-future-cue.js';
import { scanDates, type DateParts, type DatePrecisionLevel, type ScannedDate } from './scan-dates.js';

/** One date expression in a text, resolved. */
export interface DateMention {
  /** Span in the text (UTF-16 offsets); prepositions ("on", "in", "since") are left outside. */
  start: number;
  end: number;
  text: string;
  /** `YYYY-MM-DD`, the first day; null when it cannot be resolved ("on Saturday" with no reference). */
  date: string | null;
  /** Last day of a range, week, month, year or decade ("in 1994" → 1994-12-31); null for one day. */
  dateEnd: string | null;
  precision: DatePrecisionLevel;
  /** Needed the reference date: today, yesterday, on Saturday, two days ago, last year, a bare clock time. */
  relative: boolean;
  /** The year is written in the text. */
  yearGiven: boolean;
  /** `HH:MM` when a clock time is given (as written; a zone such as "EST" is not applied). */
  time?: string;
}

/**
 * How far after the reference a year-less date may fall and still take the reference's year.
 * News reports the past, so "On December 11" in an article of 12 December 2020 is 2020-12-11 and
 * "On December 20" is 2019-12-20, but a date a few days ahead ("talks on December 14") is read as
 * the coming one rather than as a year back.
 */
export const FUTURE_WINDOW_DAYS = 7;


/**
 * The year that puts month/day on or before the reference (plus the small future window), or on
 * or after it when a future cue precedes the expression ("elections will be held in April").
 */
function yearFor(month: number, day: number, ref: CivilDate, future: boolean): number {
  if (future) {
    const from = civilDate.toDays(ref);
    const d = Math.min(day, civilDate.daysInMonth(ref.year, month));
    return civilDate.toDays({ year: ref.year, month, day: d }) >= from ? ref.year : ref.year + 1;
  }
  const limit = civilDate.toDays(ref) + FUTURE_WINDOW_DAYS;
  for (let y = ref.year + 1; y >= ref.year - 1; y--) {
    const d = Math.min(day, civilDate.daysInMonth(y, month));
    if (civilDate.toDays({ year: y, month, day: d }) <= limit) return y;
  }
  return ref.year - 1;
}

/**
 * The year of "last November" (the latest November before the reference's month), "this
 * September" (the reference's year) and "next May" (the first May after the reference's month).
 */
function yearFromModifier(modifier: 'last' | 'this' | 'next', month: number, day: number | null, ref: CivilDate): number {
  const cmp = month - ref.month || (day === null ? 0 : day - ref.day);
  if (modifier === 'this') return ref.year;
  if (modifier === 'last') return cmp < 0 ? ref.year : ref.year - 1;
  return cmp > 0 ? ref.year : ref.year + 1;
}

/** Builds a valid date from parts, clamping the day into the month; null when parts are missing. */
function toCivil(p: DateParts, year: number | null, fallbackDay: 'first' | 'last'): CivilDate | null {
  const y = p.year ?? year;
  if (y === null) return null;
  const month = p.month ?? (fallbackDay === 'first' ? 1 : 12);
  if (month < 1 || month > 12) return null;
  const dim = civilDate.daysInMonth(y, month);
  const day = p.day === null ? (fallbackDay === 'first' ? 1 : dim) : Math.min(Math.max(p.day, 1), dim);
  return { year: y, month, day };
}

/** Resolves one scanned expression; `year` fills a year the text does not write. */
function resolve(s: ScannedDate, year: number | null): { date: string | null; dateEnd: string | null } {
  const single = s.precision === 'day' && s.last === null;
  const first = toCivil(s.first, year, 'first');
  if (!first) return { date: null, dateEnd: null };
  let last: CivilDate | null = null;
  if (!single) {
    const lastParts = s.last ?? s.first;
    // A range end without its own year follows the start ("from 20 December to 5 January").
    last = toCivil(lastParts, lastParts.year === null ? first.year : null, 'last');
    if (last && s.last && s.last.year === null && civilDate.compare(last, first) < 0) {
      last = toCivil(lastParts, first.year + 1, 'last');
    }
  }
  if (last && civilDate.compare(last, first) < 0) return { date: civilDate.format(last), dateEnd: civilDate.format(first) };
  return { date: civilDate.format(first), dateEnd: last ? civilDate.format(last) : null };
}

/**
 * Finds and resolves the date expressions of `text`.
 *
 * - `reference` (`YYYY-MM-DD` or an ISO date-time; only the date part is used) anchors relative
 *   expressions. Year-less dates take the year that puts them on or before it
 *   ({@link FUTURE_WINDOW_DAYS} of tolerance), unless the text writes the year.
 * - Without a reference, relative expressions get `date: null`, and year-less dates take the
 *   year of the nearest preceding expression of the same paragraph that writes one, else
 *   `date: null`.
 * - Weekdays go to the most recent such day on or before the reference ("on Monday" in a
 *   Saturday article is five days earlier), and year-less dates to the latest year on or before
 *   it, unless a future cue ("will", "scheduled") precedes them in the sentence: then forwards.
 * - Not dates: "24/7", counts ("1960 Russian peacekeepers"), durations ("in several years",
 *   "44 day war", "six-year war"), anaphoric relatives ("two days later").
 *
 * @example
 * findDates('Fighting resumed on December 12 and in late September.', '2020-12-13');
 * // [{ text: 'December 12', date: '2020-12-12', dateEnd: null, precision: 'day', … },
 * //  { text: 'late September', date: '2020-09-21', dateEnd: '2020-09-30', precision: 'day', … }]
 */
export function findDates(text: string, reference: string | null): DateMention[] {
  const ref = civilDate.parse(reference);
  const mentions: DateMention[] = [];
  let precedingYear: number | null = null;
  let precedingAt = 0;
  for (const s of scanDates(text, ref)) {
    let resolved: { date: string | null; dateEnd: string | null };
    if (s.modifier) {
      resolved = ref && s.first.month !== null ? resolve(s, yearFromModifier(s.modifier, s.first.month, s.first.day, ref)) : { date: null, dateEnd: null };
    } else if (s.relative) {
      resolved = ref ? resolve(s, null) : { date: null, dateEnd: null };
    } else {
      let year: number | null = s.first.year;
      if (year === null) {
        if (ref && s.first.month !== null) {
          // A month alone counts as its last day when looking forward ("in December" in a December text).
          const future = hasFutureCue(text, s.start, getDateLexicon());
          const day = s.first.day ?? (future ? 31 : 1);
          year = yearFor(s.first.month, day, ref, future);
        } else {
          // Without a reference, only a year written earlier in the same paragraph carries over:
          // a year from another paragraph (often history) says nothing of this one.
          year = precedingYear !== null && !text.slice(precedingAt, s.start).includes('\n\n') ? precedingYear : null;
        }
      }
      resolved = resolve(s, year);
    }
    if (s.yearGiven) {
      precedingYear = s.last?.year ?? s.first.year ?? precedingYear;
      precedingAt = s.end;
    }
    mentions.push({
      start: s.start,
      end: s.end,
      text: s.text,
      date: resolved.date,
      dateEnd: resolved.dateEnd,
      precision: s.precision,
      relative: s.relative,
      yearGiven: s.yearGiven,
      ...(s.time !== undefined ? { time: s.time } : {}),
    });
  }
  return mentions;
}
