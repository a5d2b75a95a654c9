/**
 * When an event happened: the date written in its sentence, else the last date of its paragraph,
 * else the publication date; and whether that makes it history rather than news.
 */
import type { DateMention } from '../dates/find-dates.js';
import { daysBetween } from '../model/calendar.js';
import type { DatePrecision } from '../model/event.js';
import type { Span } from '../model/span.js';

export interface DateFill {
  readonly date: string | null;
  readonly date_end: string | null;
  readonly precision: DatePrecision | null;
  readonly source: 'text' | 'publication' | null;
  readonly span: Span | null;
  readonly rule: string;
}


const sinceRe = /\b(?:since|as of|from)\s+(?:the\s+)?(?:night\s+of\s+|midnight\s+(?:on\s+)?)?$|\bsince\s+(?:the|a|an|its|their)\s+(?:[\w-]+\s+){0,2}(?:coup|war|invasion|takeover|uprising|revolution|offensive|start|outbreak|beginning|independence)\s+(?:in|of)\s+$/i;
const stampRe = /\bupdated?\b[^.!?\n]{0,24}$/i;

/** A date bound to a verb of speaking ("officials said on Sunday", "told AFP on Thursday", "said Monday"). */
const speechRe = /\b(?:said|says|told|announced|reported|stated|added|confirmed|denied|wrote|posted|claimed|tweeted)\b(?:\s+(?:[\w'’-]+\s+){0,3}?)?\s*(?:on\s+|late\s+|early\s+)?$/i;

/** How a date mention may be used for dating events. */
export type DateRole = 'event' | 'since' | 'stamp' | 'speech';

/** Classifies a mention: "since 1994" and "as of November 14" describe periods; "UPDATED (13.12.2020)" dates a report. */
export function dateRole(text: string, m: DateMention): DateRole {
  const before = text.slice(Math.max(0, m.start - 40), m.start);
  if (stampRe.test(before)) return 'stamp';
  // "UNITED NATIONS, May 10 (Reuters) –": the day a report was filed from its dateline
  // (a dateline is short: look back 45 characters at most, not to the line's start, which on a
  // text without breaks would make this scan quadratic)
  const lineStart = Math.max(text.lastIndexOf('\n', m.start - 1) + 1, m.start - 45);
  if (/^\p{Lu}[\p{L} .'’-]{1,40},\s*$/u.test(text.slice(lineStart, m.start)) && (lineStart === 0 || text[lineStart - 1] === '\n') && /^\s*(?:\([^)\n]{1,40}\)\s*)?[–—-]/.test(text.slice(m.end, m.end + 50))) return 'stamp';
  if (sinceRe.test(before)) return 'since';
  // (relative days only: "said on Tuesday"; "said that on 12 May ..." dates the content)
  if (m.relative && m.precision === 'day' && speechRe.test(before)) return 'speech';
  return 'event';
}

function precisionOf(m: DateMention): DatePrecision {
  return m.precision === 'decade' ? 'year' : m.precision;
}

function fill(m: DateMention, rule: string): DateFill {
  return {
    date: m.date,
    date_end: m.dateEnd && m.dateEnd !== m.date && m.precision === 'day' ? m.dateEnd : null,
    precision: precisionOf(m),
    source: m.relative ? 'publication' : 'text',
    span: { start: m.start, end: m.end, text: m.text },
    rule,
  };
}

/** A clock time or span of clock times with no day ("16:55", "from 11:55 to 16:25", "23:40 hours"). */
const CLOCK_ONLY = /^\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*(?:to|until|till|and|-|–)\s*\d{1,2}[:.]\d{2})?\s*(?:hours?|hrs|h|local time)?\s*$/i;
function isClockOnly(m: DateMention): boolean {
  return m.relative && CLOCK_ONLY.test(m.text);
}

/**
 * Picks the date of an event whose trigger is at `tStart`: the nearest usable date in its
 * sentence, else the last usable date earlier in its paragraph, else the publication date.
 */
export function pickDate(
  text: string,
  sentenceDates: readonly DateMention[],
  paragraphDatesBefore: readonly DateMention[],
  tStart: number,
  reference: string | null,
): DateFill {
  const usable = (m: DateMention, role: DateRole) => {
    if (!m.date || role === 'stamp') return false;
    // "since midnight on Saturday" dates a change; "since 1994" only a period.
    if (role === 'since') return reference !== null && Math.abs(daysBetween(m.date, reference)) <= 7;
    return true;
  };
  const withRole = (m: DateMention) => ({ m, role: dateRole(text, m) });
  const ownRoles = sentenceDates.map(withRole).filter((x) => usable(x.m, x.role));
  const own = ownRoles.map((x) => x.m);
  // A day the source spoke dates the event only when the sentence names no other.
  const para = paragraphDatesBefore.map(withRole).filter((x) => usable(x.m, x.role)).map((x) => x.m);
  // A clock time alone ("from 11:55 to 16:25") is read as the reference day; it keeps the day a
  // calendar date of its sentence or paragraph names ("On May 30, starting from 11:55 to 16:25").
  const allTold = ownRoles.filter((x) => x.role !== 'speech').map((x) => x.m);
  const days = allTold.filter((m) => !isClockOnly(m));
  const dayBefore = [...para].reverse().find((m) => !isClockOnly(m));
  const told = days.length ? days : dayBefore ? [] : allTold;
  if (told.length) {
    const nearest = told.reduce((a, b) => (Math.abs(b.start - tStart) < Math.abs(a.start - tStart) ? b : a));
    return fill(nearest, 'dates/sentence');
  }
  if (allTold.length && dayBefore) return fill(dayBefore, 'dates/paragraph');
  if (own.length) return fill(own[0]!, 'dates/speech');
  const last = dayBefore ?? para[para.length - 1];
  if (last) return fill(last, 'dates/paragraph');
  if (reference) {
    return { date: reference, date_end: null, precision: 'day', source: 'publication', span: null, rule: 'dates/publication' };
  }
  return { date: null, date_end: null, precision: null, source: null, span: null, rule: 'dates/none' };
}

/** Events dated this many days or more before publication are background, not news. */
export const NEWS_WINDOW_DAYS = 21;

/** True when the event's date lies well before the reference date (history, not news). */
export function isOldDate(d: DateFill, reference: string | null): boolean {
  if (!d.date || !reference) return false;
  const last = d.date_end ?? (d.precision === 'year' ? `${d.date.slice(0, 4)}-12-31` : d.precision === 'month' ? endOfMonth(d.date) : d.date);
  // "In July" in an August report, "last week": a period before the one the report is about was
  // reported in its time.
  if (d.precision === 'month' && d.date.slice(0, 7) < reference.slice(0, 7)) return true;
  if (d.precision === 'week' && daysBetween(d.date, reference) >= 7) return true;
  return daysBetween(last, reference) >= NEWS_WINDOW_DAYS;
}

function endOfMonth(date: string): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${date.slice(0, 7)}-${String(last).padStart(2, '0')}`;
}
