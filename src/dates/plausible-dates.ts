/**
 * Date sanity: the days a news article can be published on, or report an event on. Metadata
 * placeholders ("9999-12-31", "0001-01-01") and misread years ("27 September 2999") would
 * otherwise be stored, stretch every timeline to the end of the calendar and push day arithmetic
 * past year 9999. A date before {@link EARLIEST_PLAUSIBLE_DAY} or after the ingest day plus one
 * (time zones: an article may carry tomorrow's date where it was written) is not kept: the
 * publication date is dropped (and inferred from the text instead), an event keeps no date; each
 * with a diagnostic naming the article.
 */
import type { Diagnostic } from '../model/diagnostic.js';
import type { ArticleEvent, Statement } from '../model/event.js';
import { isCalendarDate, shiftDay } from '../model/calendar.js';

/** The earliest day kept as a publication or event date. */
export const EARLIEST_PLAUSIBLE_DAY = '1900-01-01';

/** The latest day kept: the UTC day of `now` plus one. */
export function latestPlausibleDay(now: Date = new Date()): string {
  return shiftDay(now.toISOString().slice(0, 10), 1);
}

/** True when the day `date` starts with is a real calendar day from 1900-01-01 to `latest`. */
export function isPlausibleDay(date: string, latest: string = latestPlausibleDay()): boolean {
  const day = date.slice(0, 10);
  return isCalendarDate(day) && day >= EARLIEST_PLAUSIBLE_DAY && day <= latest;
}

/** Where the diagnostics of {@link checkExtractedDates} point. */
export interface DatedArticle {
  readonly id: string;
  readonly source: string;
}

/** The diagnostic for a publication date that is not kept (`value` as metadata gave it). */
export function implausiblePublicationDate(article: DatedArticle, value: string, latest: string): Diagnostic {
  return {
    code: 'dates/implausible-publication-date',
    severity: 'warning',
    message: `article ${article.id}: publication date ${value.slice(0, 40)} is outside ${EARLIEST_PLAUSIBLE_DAY}..${latest}; ignored`,
    source: article.source,
    articleId: article.id,
  };
}

/**
 * The events and statements of `article` with every implausible date removed: an event whose
 * date or end date is out of range keeps no date at all (a range with one end is not a range);
 * a statement loses its date. One diagnostic per changed event or statement.
 */
export function checkExtractedDates(
  article: DatedArticle,
  events: readonly ArticleEvent[],
  statements: readonly Statement[],
  latest: string = latestPlausibleDay(),
): { events: ArticleEvent[]; statements: Statement[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const note = (what: string, value: string): void => {
    diagnostics.push({
      code: 'dates/implausible-event-date',
      severity: 'warning',
      message: `article ${article.id}: ${what} date ${value} is outside ${EARLIEST_PLAUSIBLE_DAY}..${latest}; left undated`,
      source: article.source,
      articleId: article.id,
    });
  };
  const bad = (d: string | null): d is string => d !== null && !isPlausibleDay(d, latest);
  const outEvents = events.map((e) => {
    if (!bad(e.date) && !bad(e.date_end)) return e;
    note(`event ${e.id}`, bad(e.date) ? e.date : (e.date_end as string));
    const { date: _date, ...spans } = e.field_spans;
    return { ...e, date: null, date_end: null, date_precision: null, date_source: null, field_spans: spans };
  });
  const outStatements = statements.map((s) => {
    if (!bad(s.date)) return s;
    note(`statement ${s.id}`, s.date);
    return { ...s, date: null };
  });
  return { events: outEvents, statements: outStatements, diagnostics };
}
