import type { ParsingComponents, ParsingContext, ParsingResult, Refiner } from 'chrono-node';
import { civilDate } from '../civil-date.js';
import type { DateLexicon } from '../date-lexicon.js';
import { hasFutureCue } from '../has-future-cue.js';

// ("this Friday" in a report of what happened is the Friday just gone: read as a bare weekday)
const MODIFIED = /\b(?:next|last|past|coming|previous)\b/i;

/**
 * Resolves a bare weekday ("on Saturday", "Sunday morning") to the most recent such day on or
 * before the reference (news reports the past), instead of chrono's nearest day, which can be in
 * the future. When a future cue of the lexicon ("will", "scheduled") comes shortly before it in
 * the same sentence, the next such day (on or after the reference) is taken instead.
 * "this Friday" is read as a bare weekday. Weekdays with another modifier ("next Monday") or with a
 * written date are left to chrono.
 */
export function createPastWeekdayRefiner(lexicon: DateLexicon): Refiner {
  const resolve = (c: ParsingComponents, context: ParsingContext, future: boolean): void => {
    const weekday = c.get('weekday');
    if (weekday === null || !c.isCertain('weekday') || c.isCertain('day')) return;
    const r = context.reference.getDateWithAdjustedTimezone();
    const ref = { year: r.getFullYear(), month: r.getMonth() + 1, day: r.getDate() };
    const refWeekday = civilDate.weekday(ref);
    const shift = future ? (weekday - refWeekday + 7) % 7 : -((refWeekday - weekday + 7) % 7);
    const d = civilDate.addDays(ref, shift);
    c.imply('day', d.day);
    c.imply('month', d.month);
    c.imply('year', d.year);
    c.addTag(future ? 'sitrep/weekday-future' : 'sitrep/weekday-past');
  };

  return {
    refine(context: ParsingContext, results: ParsingResult[]): ParsingResult[] {
      for (const result of results) {
        if (!result.start.isCertain('weekday') || MODIFIED.test(result.text)) continue;
        const future = hasFutureCue(context.text, result.index, lexicon);
        resolve(result.start, context, future);
        if (result.end) resolve(result.end, context, future);
      }
      return results;
    },
  };
}
