import type { ParsingContext, ParsingResult, Refiner } from 'chrono-node';
import type { DateLexicon } from '../date-lexicon.js';

const YEARLESS_SLASH = /^\d{1,2}\/\d{1,2}$/;
/** A fraction ("12 3/4", "112 5/8"): prices and rates, not dates. */
const FRACTION = /\d\s+\d{1,2}\/\d{1,2}(?!\/|\d)/;
const ON_BEFORE = /\bon\s+$/i;
const THIS_PART = /^(?:this|tonight|last\s+night)/i;
/** A weekday abbreviation standing alone ("The Sun reported", "Sat"), not a weekday. */
const WEEKDAY_ABBREVIATION = /^(?:on\s+)?(?:sun|mon|tue|tues|wed|thu|thur|thurs|fri|sat)\.?[\s,)]*$/i;
/** What makes a bare clock time a time ("14:30", "3 p.m.", "noon"), unlike "at 2 positions". */
const CLOCK = /\d:\d\d|\d\s*(?:[ap]\.m\.?|[ap]m\b)|o['’]?\s*clock|noon|midnight|midday/i;
/** chrono reads a lone "a" after a number as a.m. ("$1.35 a share"). */
const LONE_MERIDIEM = /\d\s*[ap]$/i;
/** "the past 30 years", "the last two weeks": a duration up to now, not a date. */
const COUNTED_PERIOD =
  /^(?:the\s+)?(?:past|last|next|previous|coming)\s+(?:\d|a\s+few\b|few\b|several\b|couple\b|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred)\b)/i;
/** "(in) the last year", "the past week": a duration up to now (chrono leaves "the" outside). */
const THE_BEFORE = /\bthe\s+$/i;
const LAST_UNIT = /^(?:last|past)\s+(?:week|month|year|decade|quarter|fortnight)s?$/i;
/** "the next day", "the previous day": counted from the story's event, not the reference. */
const ANAPHORIC_DAY = /^(?:the\s+)?(?:next|following|previous|same)\s+(?:day|morning|evening|night)$/i;

/**
 * Drops what chrono reads as dates but news prose does not mean as dates:
 * - "24/7" and other year-less slash pairs (fractions, scores), unless written "on 12/11";
 *   fractions such as "12 3/4";
 * - durations that chrono turns into future dates: "in several years", "within a week";
 * - anaphoric relatives counted from another event: "two days later", "the day before";
 * - "now" ("Now more than ever"); counted periods ("the past 30 years", "in the last year") and
 *   "the next day";
 * - weekday abbreviations alone ("The Sun reported"), lower-case month words ("will march");
 * - a bare number read as a clock time ("at 2 positions"): a time needs "14:30", "3 p.m.", a zone;
 * - a bare part of day ("at night", "in the morning") that no date or weekday anchors.
 * Runs last, after the merges, so "Sunday morning" survives as one result.
 */
export function createFalseDateFilter(lexicon: DateLexicon): Refiner {
  const isFalse = (context: ParsingContext, r: ParsingResult): boolean => {
    const text = r.text.trim();
    const tags = r.tags();
    if (FRACTION.test(text) && !r.start.isCertain('year')) return true;
    if (YEARLESS_SLASH.test(text) && !r.start.isCertain('year')) {
      return text === '24/7' || !ON_BEFORE.test(context.text.slice(Math.max(0, r.index - 4), r.index));
    }
    const relative = tags.has('result/relativeDate');
    if (relative && (lexicon.durationOpenerRe.test(text) || lexicon.anaphoricEndingRe.test(text))) return true;
    if (tags.has('casualReference/now') && lexicon.ignoredCasual.has(text.toLowerCase())) return true;
    if (COUNTED_PERIOD.test(text) || ANAPHORIC_DAY.test(text)) return true;
    if (LAST_UNIT.test(text) && THE_BEFORE.test(context.text.slice(Math.max(0, r.index - 5), r.index))) return true;
    const start = r.start;
    if (start.isOnlyWeekdayComponent() && WEEKDAY_ABBREVIATION.test(text)) return true;
    // A month name in lower case with nothing else ("will march", "may") is a verb.
    if (start.isCertain('month') && !start.isCertain('day') && !start.isCertain('year') && !/\d|\p{Lu}/u.test(text)) return true;
    const dateless =
      !start.isCertain('day') && !start.isCertain('month') && !start.isCertain('year') && !start.isCertain('weekday');
    if (dateless && start.isCertain('hour') && !relative && !tags.has('sitrep/military-time') && (!CLOCK.test(text) || LONE_MERIDIEM.test(text))) return true;
    if (dateless && !start.isCertain('hour') && !relative && !THIS_PART.test(text)) return true;
    return false;
  };

  return {
    refine(context: ParsingContext, results: ParsingResult[]): ParsingResult[] {
      return results.filter((r) => !isFalse(context, r));
    },
  };
}
