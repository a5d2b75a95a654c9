/**
 * Runs the configured chrono parser over a whole text and turns each result into a
 * {@link ScannedDate}: a trimmed span, a precision, whether it needed the reference, and the
 * calendar parts the text gives (years are left null when the text does not write them; the
 * caller decides how to fill them in).
 */
import type { ParsedComponents, ParsedResult } from 'chrono-node';
import { civilDate, type CivilDate } from './civil-date.js';
import { getDateParser } from './date-parser.js';

/** How exactly an expression fixes its date. */
export type DatePrecisionLevel = 'day' | 'week' | 'month' | 'year' | 'decade';

/** Calendar parts of one end of an expression; null where the text (or reference) gives none. */
export interface DateParts {
  readonly year: number | null;
  readonly month: number | null;
  readonly day: number | null;
}

/** One date expression found in a text, before year-less dates are resolved. */
export interface ScannedDate {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly precision: DatePrecisionLevel;
  /** Needed the reference date ("yesterday", "on Saturday", "last year", a bare clock time). */
  readonly relative: boolean;
  /** A year is written in the expression (on either end of a range). */
  readonly yearGiven: boolean;
  /**
   * First day (or the start of the period). For relative expressions: the resolved date, or all
   * null without a reference. For absolute ones: the written parts, year null when not written.
   */
  readonly first: DateParts;
  /** Last day of a range or period; null for a single day. */
  readonly last: DateParts | null;
  /** Weekday written in the expression (0 = Sunday), else null. */
  readonly weekday: number | null;
  /** `HH:MM` when an hour is written. */
  readonly time?: string;
  /**
   * "last", "this" or "next" before a year-less month or date ("last November", "this
   * September"): the year then counts from the reference, and the expression is relative.
   */
  readonly modifier?: 'last' | 'this' | 'next';
  /** The chrono / Sitrep tags of the result, for provenance and the publication-date rules. */
  readonly tags: readonly string[];
}

/**
 * Words without which a sentence holds no date expression chrono or our parsers resolve: numbers
 * shaped like a year, a numeric date, a time or an amount of time ("1994", "13.12.2020", "17:30",
 * "0600 hours", "5 PM", "3 days", "the ’90s", "12th"; not a count like "6 soldiers"), month and
 * weekday names (capitalised, in capitals, or in lower case next to a number: "MARCH 5",
 * "march 5"), and deictic day words (also capitalised: "Yesterday, ..." starts a sentence).
 * Sentences without one are not parsed at all.
 */
const DATE_CUE = /\d{4}|\d[/.:-]\d|['’]\d\d|\d(?:st|nd|rd|th|ST|ND|RD|TH)\b|\d\s*(?:[dD]ays?|[wW]eeks?|[mM]onths?|[yY]ears?|[hH]ours?|[hH]rs?|[mM]inutes?|[mM]ins?|[sS]econds?|[dD]ecades?|[cC]entur(?:y|ies)|[aApP]\.?[mM]\b|o['’]\s*clock)|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[a-zA-Z]*\.?\s*\d|\d\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)|\b(?:JANUARY|FEBRUARY|MARCH|APRIL|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)\b|\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b|\b(?:[tT]oday|[tT]onight|[yY]esterday|[tT]omorrow|[aA]go|[wW]eekend|[mM]idnight|[nN]oon|[dD]ecade|[cC]entury|[sS]pring|[sS]ummer|[aA]utumn|[wW]inter|[oO]vernight)\b|\b(?:[lL]ast|[nN]ext|[tT]his|[pP]ast|[pP]revious|[cC]oming|[eE]arlier|[lL]ater)\s+(?:week|month|year|morning|evening|night|afternoon)/;

interface ChronoLike {
  parse(text: string, ref: Date): ParsedResult[];
}

/**
 * A sentence end: a stop, optional closing quotes or brackets, spaces, then what starts a
 * sentence; or a paragraph break. Stops after abbreviations ("Dec. 12" is followed by a digit anyway; "Gen. Smith",
 * "U.S. forces") are kept by {@link ABBREVIATION}.
 */
const SENTENCE_END = /[.!?]["”’)\]]*[^\S\n]*\n?[^\S\n]*(?=["“‘(]?[A-Z])(?<=\s)|\n[^\S\n]*\n/g;
const ABBREVIATION = /(?:^|[^\p{L}])(?:\p{L}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun|Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Capt|Sgt|St|No|Vol|vs)\.$/u;

/**
 * The runs of consecutive sentences that hold a date cue, as [start, end) offsets. A date
 * expression never crosses a sentence end, so chrono only needs to read these runs: on news text
 * that is about half of the characters, and chrono is the pipeline's most expensive step.
 */
function cueRuns(text: string): [number, number][] {
  const runs: [number, number][] = [];
  let runStart = -1;
  let runEnd = -1;
  const sentence = (from: number, to: number): void => {
    if (to <= from) return;
    if (DATE_CUE.test(text.slice(from, to))) {
      if (runStart < 0) runStart = from;
      runEnd = to;
    } else if (runStart >= 0) {
      runs.push([runStart, runEnd]);
      runStart = -1;
    }
  };
  let from = 0;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(text); m; m = SENTENCE_END.exec(text)) {
    const stop = m.index + 1;
    if (ABBREVIATION.test(text.slice(Math.max(from, m.index - 6), stop))) continue;
    sentence(from, stop);
    from = m.index + m[0].length;
  }
  sentence(from, text.length);
  if (runStart >= 0) runs.push([runStart, runEnd]);
  return runs;
}

/** chrono results for the sentences that hold a date cue, with indexes into the whole text. */
function parseDateSentences(chrono: ChronoLike, text: string, refDate: Date): ParsedResult[] {
  const out: ParsedResult[] = [];
  for (const [start, end] of cueRuns(text)) {
    for (const r of chrono.parse(text.slice(start, end), refDate)) {
      (r as { index: number }).index += start;
      out.push(r);
    }
  }
  return out;
}

/** Reference used when the caller has none; any result that depends on it is discarded. */
const DUMMY_REFERENCE = new Date(2000, 5, 15, 12, 0, 0);
const LEADING_PREPOSITION = /^(?:on|at|in|since|by|from|of|during|until|till|before|after|around|between|to|as\s+of)\s+/i;
const TRAILING_JUNK = /(?:[\s,;:(–—-]|\s+of)+$/;
const WEEK = /\bweeks?\b/i;
const THIS_WEEK = /\bthis\s+week\b/i;
/** Words that make a month or year relative to the reference ("this month", "last November"). */
const DEICTIC = /\b(?:this|last|next|past|previous|coming|current)\b/i;
/** A final dot that ends the sentence rather than an abbreviation ("September." but not "Dec."). */
const SENTENCE_DOT = /(?:\p{L}{5,}|\p{N})\.$/u;
const CASUAL_DAY = /^casualReference\/(?:today|yesterday|tomorrow|tonight|now)$/;
const NULL_PARTS: DateParts = { year: null, month: null, day: null };
/** "last November", "this September", "next May": chrono leaves the word out of the result. */
const MONTH_MODIFIER = /(?:^|[^\p{L}])((last|this|next|coming)\s+)$/iu;
/** Hedges TimeML keeps inside the expression ("early Tuesday", "earlier this year", "nearly two weeks ago"). */
const HEDGE = /(?:^|[^\p{L}])((?:early|late|earlier|later|sometime|nearly|almost|around)\s+)$/iu;
const THE = /(?:^|[^\p{L}])(the\s+)$/iu;

/** Widens a span over the modifier words chrono leaves outside it. */
function widen(text: string, start: number, monthOnly: boolean, relative: boolean): { start: number; modifier?: 'last' | 'this' | 'next' } {
  let at = start;
  let modifier: 'last' | 'this' | 'next' | undefined;
  const before = (): string => text.slice(Math.max(0, at - 24), at);
  const mod = monthOnly ? MONTH_MODIFIER.exec(before()) : null;
  if (mod?.[1] && mod[2]) {
    at -= mod[1].length;
    const word = mod[2].toLowerCase();
    modifier = word === 'coming' ? 'next' : (word as 'last' | 'this' | 'next');
  }
  const hedge = HEDGE.exec(before());
  if (hedge?.[1]) at -= hedge[1].length;
  const the = relative || modifier ? THE.exec(before()) : null;
  if (the?.[1]) at -= the[1].length;
  return modifier ? { start: at, modifier } : { start: at };
}

/** Trims prepositions and trailing punctuation off a chrono span. */
function trimSpan(text: string, index: number, length: number): { start: number; end: number } | null {
  let start = index;
  let end = index + length;
  let s = text.slice(start, end);
  const trailing = TRAILING_JUNK.exec(s);
  if (trailing) {
    end -= trailing[0].length;
    s = s.slice(0, s.length - trailing[0].length);
  }
  const lead = s.length - s.trimStart().length;
  start += lead;
  s = s.slice(lead);
  if (SENTENCE_DOT.test(s)) {
    s = s.slice(0, -1);
    end = start + s.length;
  }
  if (s.endsWith(')') && !s.includes('(')) {
    s = s.slice(0, -1).trimEnd();
    end = start + s.length;
  }
  const prep = LEADING_PREPOSITION.exec(s);
  if (prep && prep[0].length < s.length) start += prep[0].length;
  return end > start ? { start, end } : null;
}

const certain = (c: ParsedComponents, k: 'year' | 'month' | 'day'): number | null => (c.isCertain(k) ? c.get(k) : null);

function writtenParts(c: ParsedComponents): DateParts {
  return { year: certain(c, 'year'), month: certain(c, 'month'), day: certain(c, 'day') };
}

/** Start of the ISO week (Monday) containing `d`. */
function mondayOf(d: CivilDate): CivilDate {
  return civilDate.addDays(d, -((civilDate.weekday(d) + 6) % 7));
}

/** Fills the year of a range end from the other end ("from 27 September to 10 November 2020"). */
function completeRange(first: DateParts, last: DateParts): [DateParts, DateParts] {
  let f = first;
  let l = last;
  if (l.month === null && f.month !== null && l.day !== null) l = { ...l, month: f.month };
  const before = (a: DateParts, b: DateParts): boolean =>
    (a.month ?? 1) < (b.month ?? 1) || ((a.month ?? 1) === (b.month ?? 1) && (a.day ?? 1) <= (b.day ?? 1));
  if (f.year === null && l.year !== null) f = { ...f, year: before(f, l) ? l.year : l.year - 1 };
  else if (l.year === null && f.year !== null) l = { ...l, year: before(f, l) ? f.year : f.year + 1 };
  return [f, l];
}

function classify(r: ParsedResult, tags: ReadonlySet<string>): { precision: DatePrecisionLevel; relative: boolean } | null {
  const s = r.start;
  if (tags.has('sitrep/decade')) return { precision: 'decade', relative: false };
  if (tags.has('sitrep/year-part')) return { precision: 'month', relative: false };
  if (tags.has('sitrep/month-part') || tags.has('sitrep/day-range')) return { precision: 'day', relative: false };
  const casualDay = [...tags].some((t) => CASUAL_DAY.test(t));
  const weekdayOnly = s.isCertain('weekday') && !s.isCertain('day');
  const noDate = !s.isCertain('day') && !s.isCertain('month') && !s.isCertain('year') && !s.isCertain('weekday');
  const deictic = !s.isCertain('day') && DEICTIC.test(r.text) && !/\d{4}/.test(r.text);
  const relative = tags.has('result/relativeDate') || casualDay || weekdayOnly || noDate || deictic;
  if (WEEK.test(r.text) && (relative || THIS_WEEK.test(r.text)) && !weekdayOnly) return { precision: 'week', relative: true };
  if (s.isCertain('day') || weekdayOnly || casualDay || noDate) return { precision: 'day', relative };
  if (s.isCertain('month')) return { precision: 'month', relative };
  if (s.isCertain('year')) return { precision: 'year', relative };
  return null;
}

/** Parts of a relative expression, resolved by chrono against the reference. */
function relativeParts(r: ParsedResult, precision: DatePrecisionLevel, ref: CivilDate): [DateParts, DateParts | null] {
  const s = r.start;
  const at: CivilDate = { year: s.get('year') ?? ref.year, month: s.get('month') ?? ref.month, day: s.get('day') ?? ref.day };
  switch (precision) {
    case 'week': {
      const monday = mondayOf(THIS_WEEK.test(r.text) ? ref : at);
      return [monday, civilDate.addDays(monday, 6)];
    }
    case 'month':
      return [{ ...at, day: 1 }, { ...at, day: civilDate.daysInMonth(at.year, at.month) }];
    case 'year':
      return [{ year: at.year, month: 1, day: 1 }, { year: at.year, month: 12, day: 31 }];
    default: {
      const e = r.end;
      const end = e ? { year: e.get('year'), month: e.get('month'), day: e.get('day') } : null;
      return [at, end];
    }
  }
}

/**
 * Finds the date expressions of `text`. `reference` is the date relative expressions count from;
 * with null, relative expressions are still reported but their parts are null.
 */
export function scanDates(text: string, reference: CivilDate | null): ScannedDate[] {
  const chrono = getDateParser();
  const refDate = reference ? new Date(reference.year, reference.month - 1, reference.day, 12, 0, 0) : DUMMY_REFERENCE;
  if (reference) refDate.setFullYear(reference.year);
  const out: ScannedDate[] = [];
  for (const r of parseDateSentences(chrono, text, refDate)) {
    const tags = new Set(r.tags());
    const kind = classify(r, tags);
    const span = trimSpan(text, r.index, r.text.length);
    if (!kind || !span) continue;
    const s = r.start;
    const { precision } = kind;
    const monthOnly = !kind.relative && s.isCertain('month') && !s.isCertain('year') && !r.end;
    const wide = widen(text, span.start, monthOnly, kind.relative);
    const relative = kind.relative || wide.modifier !== undefined;
    let first: DateParts;
    let last: DateParts | null = null;
    if (kind.relative) {
      [first, last] = reference ? relativeParts(r, precision, reference) : [NULL_PARTS, r.end || precision !== 'day' ? NULL_PARTS : null];
    } else {
      first = writtenParts(s);
      if (r.end) [first, last] = completeRange(first, writtenParts(r.end));
    }
    // "On October 17, 13 people died": a two-digit number after the comma followed by a word is a
    // count, not the year 2013.
    let end = span.end;
    let yearWritten = !relative && (s.isCertain('year') || (r.end?.isCertain('year') ?? false));
    const twoDigitYear = /,\s*\d{2}$/.exec(text.slice(span.start, span.end));
    if (twoDigitYear && !r.end && /^\s+\p{L}/u.test(text.slice(span.end, span.end + 3))) {
      end = span.end - twoDigitYear[0].length;
      first = { ...first, year: null };
      yearWritten = false;
    }
    const hour = s.isCertain('hour') ? s.get('hour') : null;
    const minute = s.get('minute') ?? 0;
    out.push({
      start: wide.start,
      end,
      text: text.slice(wide.start, end),
      precision,
      relative,
      yearGiven: yearWritten,
      first,
      last,
      weekday: s.isCertain('weekday') ? s.get('weekday') : null,
      ...(hour !== null ? { time: `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}` } : {}),
      ...(wide.modifier ? { modifier: wide.modifier } : {}),
      tags: [...tags],
    });
  }
  return out;
}
