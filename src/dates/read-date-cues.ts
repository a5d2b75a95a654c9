/**
 * Collects the date evidence of an article's text for publication-date inference: the date
 * expressions of the body (teasers and outliers removed) and the publication/update stamps.
 */
import { civilDate, type CivilDate } from './civil-date.js';
import { getPublicationLexicon } from './publication-lexicon.js';
import { scanDates, type ScannedDate } from './scan-dates.js';

/** A publication or update stamp found in the text. */
export interface DateStamp {
  readonly kind: 'published' | 'updated' | 'dateline' | 'line';
  /** Null for a year-less dateline ("YEREVAN, Dec. 12 (Reuters) –"); month and day are in `mention`. */
  readonly date: CivilDate | null;
  readonly mention: ScannedDate;
}

/** The date evidence of one text. */
export interface DateCues {
  /** Date expressions of the body, in text order, without teasers, one-line teasers and outliers. */
  readonly mentions: readonly ScannedDate[];
  readonly stamps: readonly DateStamp[];
  /** Where the body ends: the first teaser heading in the second part of the text, else the length. */
  readonly bodyEnd: number;
}

/** A teaser heading counts only after this share of the text (a nav menu may sit on top). */
const TEASER_MIN_SHARE = 0.4;
/** A written year in the last part of the text more than this above the body's years is an outlier. */
const OUTLIER_YEARS = 1;
/** Stamps and standalone date lines are looked for in this many characters from the top. */
const TOP_CHARS = 800;
const LINE_START = /(?:^|\n)[ \t]*$/;
const LINE_END = /^[ \t]*(?:\n|$)/;
/** A short line cut off with an ellipsis: the snippet of a related-story teaser. */
const SNIPPET_LINE = /^[^\n]{0,300}(?:\.\.\.|…)[ \t]*$/gm;
const DATELINE_BEFORE = /(?:^|\n)[ \t]*\p{Lu}[\p{L} .'’-]{1,40},[ \t]*$/u;
/** A dateline of capitalised place names with a full stop or brackets: "YEREVAN. 14.07.2020", "KYIV / BAKU (06.03.2023)". */
const CAPS_DATELINE_BEFORE = /(?:^|\n)[ \t]*\p{Lu}[\p{Lu} .'’\/-]{1,40}[.,]?[ \t]*\(?$/u;
const LINE_OR_BRACKET_END = /^\)?[ \t]*(?:\n|$)/;

/** The full date an expression writes (year included), else null. */
export function writtenDay(m: ScannedDate): CivilDate | null {
  const { year, month, day } = m.first;
  if (!m.yearGiven || m.precision !== 'day' || year === null || month === null || day === null) return null;
  return civilDate.isValid(year, month, day) ? { year, month, day } : null;
}

/** Ranges `[start, end)` of one-line teasers ("Read more: …") and teaser snippets ending in "...". */
function teaserLines(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const re of [getPublicationLexicon().teaserLineRe, SNIPPET_LINE]) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) out.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
  }
  return out;
}

function findBodyEnd(text: string): number {
  const re = getPublicationLexicon().teaserHeadingRe;
  re.lastIndex = 0;
  for (const m of text.matchAll(re)) {
    if ((m.index ?? 0) >= text.length * TEASER_MIN_SHARE) return m.index ?? text.length;
  }
  return text.length;
}

/** Drops written years far above those of the rest of the text when they sit in its last third. */
function dropOutliers(mentions: readonly ScannedDate[], textLength: number): ScannedDate[] {
  const tail = (textLength * 2) / 3;
  const bodyYears = mentions.filter((m) => m.yearGiven && m.start < tail).map((m) => m.last?.year ?? m.first.year ?? 0);
  if (bodyYears.length === 0) return [...mentions];
  const maxYear = Math.max(...bodyYears);
  return mentions.filter((m) => !(m.yearGiven && m.start >= tail && (m.first.year ?? 0) > maxYear + OUTLIER_YEARS));
}

function classifyStamp(text: string, m: ScannedDate): DateStamp['kind'] | null {
  const lex = getPublicationLexicon();
  const before = text.slice(Math.max(0, m.start - 48), m.start);
  const stamp = lex.stampBeforeRe.exec(before);
  if (stamp) return stamp[1] !== undefined ? 'published' : 'updated';
  if (m.start > TOP_CHARS) return null;
  const after = text.slice(m.end, m.end + 40);
  if (m.precision === 'day' && DATELINE_BEFORE.test(before) && lex.datelineAfterRe.test(after)) return 'dateline';
  // "Tartar, September 28" or "YEREVAN. 14.07.2020" alone on its line at the top.
  if (m.precision === 'day' && (DATELINE_BEFORE.test(before) || CAPS_DATELINE_BEFORE.test(before)) && LINE_OR_BRACKET_END.test(after)) return 'dateline';
  // A line that holds nothing but a full date, near the top ("12 December 2020").
  if (writtenDay(m) && LINE_START.test(before) && LINE_END.test(after)) return 'line';
  return null;
}

/**
 * Reads the date cues of `text` with no reference date (year-less dates keep null years).
 * One chrono pass over the whole text; teaser blocks after a heading such as "More In This
 * Category", one-line teasers ("Read more: …"), snippet lines cut off with "..." and written
 * years far in the future of the rest are left out.
 */
export function readDateCues(text: string): DateCues {
  const bodyEnd = findBodyEnd(text);
  const skipped = teaserLines(text);
  const inBody = scanDates(text, null).filter(
    (m) => m.end <= bodyEnd && !skipped.some(([a, b]) => m.start >= a && m.end <= b),
  );
  const mentions = dropOutliers(inBody, bodyEnd);
  const stamps: DateStamp[] = [];
  for (const m of mentions) {
    if (m.relative || m.precision !== 'day') continue;
    const kind = classifyStamp(text, m);
    if (!kind) continue;
    const date = writtenDay(m);
    if (date || kind === 'dateline') stamps.push({ kind, date, mention: m });
  }
  return { mentions, stamps, bodyEnd };
}
