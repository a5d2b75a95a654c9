/**
 * Works out an article's publication date when its metadata does not give one, from its text
 * and, as a last weak resort, from the theatre's key events. Never guesses confidently: weak
 * evidence yields `confidence: 'low'`, and no evidence yields null.
 */
import type { Span } from '../model/span.js';
import type { KeyEventEntry } from '../packs/types.js';
import { civilDate, type CivilDate } from './civil-date.js';
import { getPublicationLexicon } from './publication-lexicon.js';
import { readDateCues, writtenDay, type DateCues, type DateStamp } from './read-date-cues.js';
import type { ScannedDate } from './scan-dates.js';
import { getDateLexicon } from './date-lexicon.js';

/** What is known about an article when its publication date is inferred. */
export interface PublicationDateInput {
  /** The article text (spans of the evidence point into it). */
  readonly text: string;
  readonly title: string | null;
  /** ISO date or date-time from metadata or the `--published` flag. */
  readonly published: string | null;
  readonly publishedSource: 'metadata' | 'flag' | null;
  /** The theatre's key events, for anchoring fresh reports that carry no date. */
  readonly keyEvents?: readonly KeyEventEntry[];
}

/** The inferred publication date, how it was found and how sure it is. */
export interface PublicationDateResult {
  /** `YYYY-MM-DD`, or null. */
  readonly published: string | null;
  readonly source: 'metadata' | 'flag' | 'text' | 'inferred' | null;
  readonly confidence: 'high' | 'low' | null;
  /** The words the date was read from (text stamp, latest day date, key-event keyword). */
  readonly evidence: Span | null;
}

const NONE: PublicationDateResult = { published: null, source: null, confidence: null, evidence: null };
/** An update stamp confirms a body date that lies at most this many days before it. */
const UPDATE_WINDOW_DAYS = 7;
/** Key events longer than this are wars or periods, not a day a fresh report can be pinned to. */
const KEY_EVENT_MAX_DAYS = 14;
const YESTERDAY = /\byesterday\b/i;
const TODAY = /\b(?:today|this\s+morning|tonight)\b/i;
const WEEKDAY_MODIFIER = /\b(?:this|next|last|past|coming)\b/i;

const spanOf = (text: string, m: { start: number; end: number }): Span => ({ start: m.start, end: m.end, text: text.slice(m.start, m.end) });
const days = (d: CivilDate): number => civilDate.toDays(d);

/** The sentence around a span (bounded by sentence punctuation or a line break, at most 300 chars). */
function sentenceAround(text: string, start: number, end: number): string {
  const from = Math.max(0, start - 300);
  const head = text.slice(from, start);
  const cut = Math.max(head.lastIndexOf('. '), head.lastIndexOf('\n'), head.lastIndexOf('! '), head.lastIndexOf('? '));
  const tail = text.slice(end, end + 300);
  const stop = tail.search(/[.!?](?:\s|$)|\n/);
  return head.slice(cut + 1) + text.slice(start, end) + (stop < 0 ? tail : tail.slice(0, stop));
}

/** Bare weekdays of the body ("on Sunday", "Sunday morning"), as 0..6. */
function bodyWeekdays(mentions: readonly ScannedDate[]): Set<number> {
  const out = new Set<number>();
  for (const m of mentions) if (m.relative && m.weekday !== null && !WEEKDAY_MODIFIER.test(m.text)) out.add(m.weekday);
  return out;
}

/** The date with `m`'s month and day in `year` (day clamped), or null. */
function inYear(m: ScannedDate, year: number): CivilDate | null {
  const { month, day } = m.last ?? m.first;
  if (month === null || day === null) return null;
  return { year, month, day: Math.min(day, civilDate.daysInMonth(year, month)) };
}

/**
 * (c) Journalistic convention: the current year's dates are written without a year, so the
 * latest year-less day date, in the year of the latest written full date, is the news day; the
 * article appeared that day (or the next, when "yesterday" refers to it).
 */
function byConvention(text: string, cues: DateCues, update: CivilDate | null, keyEvents: readonly KeyEventEntry[] = []): PublicationDateResult | null {
  const futureCue = getDateLexicon().futureCueRe;
  const stampMentions = new Set(cues.stamps.map((s) => s.mention));
  const full = cues.mentions.map((m) => ({ m, d: writtenDay(m) })).filter((x): x is { m: ScannedDate; d: CivilDate } => x.d !== null);
  if (full.length === 0) return null;
  const year = Math.max(...full.map((x) => x.d.year));
  // Any written year after the anchor's year makes the convention ambiguous.
  if (cues.mentions.some((m) => m.yearGiven && ((m.last?.year ?? m.first.year) ?? 0) > year)) return null;
  // A year-less day that is a key event's of an earlier year ("the war broke out on October 7")
  // names that event, not this year's news.
  const keyDay = (m: ScannedDate) => keyEvents.some((k) => {
    const d = civilDate.parse(k.date);
    return d !== null && d.year < year && d.month === m.first.month && d.day === m.first.day;
  });
  const yearless = cues.mentions.filter(
    (m) =>
      !m.yearGiven && !m.relative && m.precision === 'day' && (m.last ?? m.first).day !== null &&
      !futureCue.test(text.slice(Math.max(0, m.start - 60), m.start)) && !keyDay(m),
  );
  if (yearless.length === 0) return null;

  // Events (not stamps) with a written full date happened before publication.
  const anchors = full.filter((x) => !stampMentions.has(x.m)).map((x) => days(x.d));
  const anchor = anchors.length > 0 ? Math.max(...anchors) : null;
  let best: { m: ScannedDate; d: CivilDate } | null = null;
  for (const m of yearless) {
    const d = inYear(m, year);
    if (d && (!best || days(d) > days(best.d))) best = { m, d };
  }
  if (!best) return null;
  let candidate = best.d;
  if (anchor !== null && days(candidate) < anchor) {
    // Roll over into the next year, but not for a date in the last third of the text, where
    // leftover teasers sit: there the inconsistency means the cue is not about this article.
    if (best.m.start > (cues.bodyEnd * 2) / 3) return null;
    candidate = inYear(best.m, year + 1) ?? candidate;
  }
  if (update && days(candidate) > days(update)) candidate = inYear(best.m, candidate.year - 1) ?? candidate;

  const sentence = sentenceAround(text, best.m.start, best.m.end);
  const agreeing: string[] = [];
  let published = candidate;
  if (YESTERDAY.test(sentence)) {
    published = civilDate.addDays(candidate, 1);
    agreeing.push('yesterday');
  } else if (TODAY.test(sentence)) {
    agreeing.push('today');
  }
  if (update && days(update) >= days(published) && days(update) - days(published) <= UPDATE_WINDOW_DAYS) agreeing.push('update');
  if (bodyWeekdays(cues.mentions).has(civilDate.weekday(candidate))) agreeing.push('weekday');
  return {
    published: civilDate.format(published),
    source: 'inferred',
    confidence: agreeing.length > 0 ? 'high' : 'low',
    evidence: spanOf(text, best.m),
  };
}

/** Fills the year of a year-less dateline from the latest written year of the text. */
function stampDate(stamp: DateStamp, cues: DateCues): CivilDate | null {
  if (stamp.date) return stamp.date;
  const years = cues.mentions.filter((m) => m.yearGiven).map((m) => (m.last?.year ?? m.first.year) ?? 0);
  return years.length > 0 ? inYear(stamp.mention, Math.max(...years)) : null;
}

/** A key event's keyword as a whole-word, case-insensitive pattern (compiled once per keyword; no `g` flag, so no state). */
const keywordRes = new Map<string, RegExp>();
function keywordRe(w: string): RegExp {
  let re = keywordRes.get(w);
  if (!re) keywordRes.set(w, (re = new RegExp(`(?<![\\p{L}\\p{N}])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'iu')));
  return re;
}

/**
 * (d) Key-event anchoring: a fresh report ("has broken out") whose words match the keywords of
 * exactly one short key event, whose weekday words fit, and with no written date after it.
 */
function byKeyEvent(text: string, title: string | null, cues: DateCues, keyEvents: readonly KeyEventEntry[]): PublicationDateResult | null {
  const body = text.slice(0, cues.bodyEnd);
  if (!getPublicationLexicon().freshNewsRe.test(`${title ?? ''}\n${body}`)) return null;
  const weekdays = bodyWeekdays(cues.mentions);
  const written = cues.mentions.filter((m) => m.yearGiven && m.first.year !== null);
  const yearlessDays = cues.mentions.filter((m) => !m.yearGiven && !m.relative && m.first.month !== null);
  const fits: Array<{ date: CivilDate; evidence: Span; hits: number }> = [];
  // An ASCII keyword can match (case-insensitively) only where the lower-cased body holds it, unless
  // the body has "ſ", the one letter that folds to ASCII without lower-casing to it: a cheap skip.
  const lowerBody = body.includes('\u017f') ? null : body.toLowerCase();
  const mayHold = (w: string): boolean => lowerBody === null || /[^\x20-\x7e]/.test(w) || lowerBody.includes(w.toLowerCase());
  for (const k of keyEvents) {
    const first = civilDate.parse(k.date);
    const last = civilDate.parse(k.endDate ?? k.date) ?? first;
    if (!first || !last || k.kind === 'war' || days(last) - days(first) > KEY_EVENT_MAX_DAYS) continue;
    const hits = (k.keywords ?? [])
      .map((w) => (mayHold(w) ? keywordRe(w).exec(body) : null))
      .filter((m): m is RegExpExecArray => m !== null);
    if (hits.length < 2) continue;
    // A key event the article dates with its year ("On November 10, 2020, ...") is its history.
    const writtenInside = written.some((m) => {
      const d: CivilDate = { year: m.first.year ?? 0, month: m.first.month ?? 1, day: m.first.day ?? 1 };
      return days(d) >= days(first) - 1 && days(d) <= days(last) + 1;
    });
    if (writtenInside) continue;
    // A fresh report of a multi-day event is pinned to its latest day that fits the weekday words.
    let date: CivilDate | null = null;
    for (let d = last; days(d) >= days(first); d = civilDate.addDays(d, -1)) {
      if (weekdays.size === 0 || weekdays.has(civilDate.weekday(d))) {
        date = d;
        break;
      }
    }
    if (!date) continue;
    const candidate = date;
    const later = written.some((m) => {
      const start: CivilDate = { year: m.first.year ?? 0, month: m.first.month ?? 1, day: m.first.day ?? 1 };
      return days(start) > days(candidate);
    });
    const laterInYear = yearlessDays.some((m) => {
      const d = inYear(m, candidate.year);
      return d !== null && days(d) > days(candidate);
    });
    if (later || laterInYear) continue;
    const firstHit = hits.reduce((a, b) => (a.index <= b.index ? a : b));
    fits.push({ date: candidate, hits: hits.length, evidence: { start: firstHit.index, end: firstHit.index + firstHit[0].length, text: firstHit[0] } });
  }
  // Exactly one key event must fit best: a tie between two is no evidence at all.
  fits.sort((a, b) => b.hits - a.hits);
  if (!fits[0] || (fits[1] && fits[1].hits === fits[0].hits)) return null;
  return { published: civilDate.format(fits[0].date), source: 'inferred', confidence: 'low', evidence: fits[0].evidence };
}

/**
 * Infers the publication date of an article, trying in order:
 *
 * 1. metadata or the `--published` flag, as given (date part only; confidence high; a date
 *    without a stated source counts as metadata; an unreadable one is ignored);
 * 2. a stamp in the text: "Published 12 December 2020", a dateline "YEREVAN, Dec. 12 (Reuters) –",
 *    or a line holding only a full date near the top → source `text`, confidence high. With
 *    several, the earliest (the original publication, not the last update). An update stamp
 *    alone ("UPDATED 2 (13.12.2020)") only bounds the original from above: when the body's
 *    latest year-less day date (rule 3) lies within a week before it, that date is returned
 *    (`inferred`, high: two cues agree); otherwise the update date (`text`, low);
 * 3. the journalistic convention (see `byConvention`) → `inferred`, high when a second cue
 *    agrees ("yesterday"/"today" about that date, an update stamp just after it, or a weekday
 *    word matching it), else low;
 * 4. key-event anchoring → `inferred`, low;
 * 5. otherwise null.
 *
 * Dates in teaser blocks (after "More In This Category"-like headings), in "Read more:" lines and
 * written years far in the future of the rest of the text are ignored.
 *
 * @example
 * inferPublicationDate({ text, title: null, published: null, publishedSource: null });
 * // → { published: '2020-12-12', source: 'inferred', confidence: 'low', evidence: { text: 'December 12', … } }
 */
export function inferPublicationDate(input: PublicationDateInput): PublicationDateResult {
  const given = civilDate.parse(input.published);
  if (given) {
    return { published: civilDate.format(given), source: input.publishedSource ?? 'metadata', confidence: 'high', evidence: null };
  }
  const { text } = input;
  const cues = readDateCues(text);

  const original = cues.stamps
    .filter((s) => s.kind !== 'updated')
    .map((s) => ({ s, d: stampDate(s, cues) }))
    .filter((x): x is { s: DateStamp; d: CivilDate } => x.d !== null)
    .sort((a, b) => days(a.d) - days(b.d))[0];
  if (original) {
    return { published: civilDate.format(original.d), source: 'text', confidence: 'high', evidence: spanOf(text, original.s.mention) };
  }
  const updates = cues.stamps
    .filter((s): s is DateStamp & { date: CivilDate } => s.kind === 'updated' && s.date !== null)
    .sort((a, b) => days(a.date) - days(b.date));
  const update = updates[0] ?? null;

  const convention = byConvention(text, cues, update?.date ?? null, input.keyEvents ?? []);
  if (convention && (!update || convention.confidence === 'high')) return convention;
  if (update) return { published: civilDate.format(update.date), source: 'text', confidence: 'low', evidence: spanOf(text, update.mention) };

  return byKeyEvent(text, input.title, cues, input.keyEvents ?? []) ?? NONE;
}
