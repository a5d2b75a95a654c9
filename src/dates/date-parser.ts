/**
 * The chrono-node configuration of the dates stage: stock `chrono.en.casual`, cloned, with the
 * Sitrep parsers in front and the Sitrep refiners at fixed places. Built lazily, once.
 */
import { casual, type Chrono, type Refiner } from 'chrono-node';
import { getDateLexicon } from './date-lexicon.js';
import { createBareYearParser } from './parsers/bare-year-parser.js';
import { createDayRangeParser } from './parsers/day-range-parser.js';
import { createDecadeParser } from './parsers/decade-parser.js';
import { createDottedDateParser } from './parsers/dotted-date-parser.js';
import { createMilitaryTimeParser } from './parsers/military-time-parser.js';
import { createPeriodPartParser } from './parsers/period-part-parser.js';
import { prefiltered } from './parsers/prefiltered-parser.js';
import { createYearRangeParser } from './parsers/year-range-parser.js';
import { createBetweenRangeRefiner } from './refiners/between-range-refiner.js';
import { createFalseDateFilter } from './refiners/false-date-filter.js';
import { createNightOfRefiner } from './refiners/night-of-refiner.js';
import { createPastWeekdayRefiner } from './refiners/past-weekday-refiner.js';
import { createRelativeYearRefiner } from './refiners/relative-year-refiner.js';

let cached: Chrono | null = null;

/**
 * Cheap tests that must hold before a stock chrono parser can match (supersets of their
 * patterns' key words). Parsers not listed run unfiltered.
 */
const CHRONO_PREFILTERS: Readonly<Record<string, RegExp>> = {
  ENTimeUnitAgoFormatParser: /(?:ago|before|earlier)(?=\W|$)/i,
  ENTimeUnitLaterFormatParser: /(?:later|after|from now|henceforth|forward|out)(?=\W|$)/i,
  ENCasualDateParser: /(?:now|today|tonight|tomorrow|overmorrow|tmr|tmrw|yesterday|last\s*night)(?=\W|$)/i,
  ENCasualTimeParser: /morning|afternoon|evening|night|midday|noon/i,
  ENEndOfCurrentMonthParser: /month/i,
  ENWeekdayParser: /sun|mon|tue|wed|thu|fri|sat|week/i,
  // Month-name parsers need a month name (chrono's names all start with these stems).
  ENMonthNameLittleEndianParser: /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i,
  ENMonthNameMiddleEndianParser: /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i,
  ENMonthNameParser: /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i,
  ENYearMonthNameParser: /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i,
  // Numeric formats need their digits: "2020-12-12", "12/13/2020", "12/2020", "2020 12 12".
  ENYearMonthDayParser: /\d{4}/,
  ISOFormatParser: /\d{4}-\d/,
  SlashDateFormatParser: /\d[/.-]\d/,
  ENSlashMonthFormatParser: /\d\/\d/,
  ENTimeExpressionParser: /\d/,
  ENRelativeDateFormatParser: /this|last|past|next|after/i,
};
/**
 * Stock parsers left out: "in/within <duration>" and "last/next/+/- <n> <units>" yield durations
 * ("in several years", "the last two weeks"), which the dates stage does not report; dropping
 * them changed no TempEval DATE score and saves their cost.
 */
const DROPPED_PARSERS = new Set(['ENTimeUnitWithinFormatParser', 'ENTimeUnitCasualRelativeFormatParser']);

/** Name of chrono's final range refiner; ours go right before it. */
const RANGE_REFINER = 'ENMergeDateRangeRefiner';
/** chrono's filter that drops all-digit results ("1994"), which our year parser emits on purpose. */
const UNLIKELY_FILTER = 'UnlikelyFormatFilter';
const BARE_YEAR_TAG = 'sitrep/bare-year';

/** Lets bare-year results bypass `inner` (chrono's all-digits filter); others go through it. */
function exemptBareYears(inner: Refiner): Refiner {
  return {
    refine(context, results) {
      const years = results.filter((r) => r.tags().has(BARE_YEAR_TAG));
      if (years.length === 0) return inner.refine(context, results);
      const kept = inner.refine(context, results.filter((r) => !r.tags().has(BARE_YEAR_TAG)));
      return [...kept, ...years].sort((a, b) => a.index - b.index);
    },
  };
}

/**
 * Returns the configured chrono instance.
 *
 * Order matters:
 * - durations ("in/within …", "the last two weeks") are not parsed at all, and several stock
 *   parsers only run on texts that contain their key words ({@link prefiltered});
 * - our parsers come first, so that on a tie (same start, same length) chrono's overlap removal
 *   keeps ours ("13.12.2020" day first, "late September" as a range);
 * - the night-of repair runs before every chrono refiner, before chrono's own date/time merge
 *   can lose the date;
 * - the weekday past-bias, the "between … and …" merge and "November last year" run after
 *   chrono's date/time and weekday merges but before its range refiner, which compares dates;
 * - chrono's all-digits filter is wrapped so that it lets our bare years ("in 1994" → "1994")
 *   through; it still validates everything else;
 * - the false-date filter runs last, when "Sunday morning" is already one result.
 */
export function getDateParser(): Chrono {
  if (cached) return cached;
  const lexicon = getDateLexicon();
  const chrono = casual.clone();
  chrono.parsers = chrono.parsers
    .filter((p) => !DROPPED_PARSERS.has(p.constructor.name))
    .map((p) => {
      const quick = CHRONO_PREFILTERS[p.constructor.name];
      return quick ? prefiltered(p, quick) : p;
    });
  chrono.parsers.unshift(
    createDottedDateParser(),
    createDayRangeParser(lexicon),
    createPeriodPartParser(lexicon),
    createDecadeParser(),
    createYearRangeParser(),
    createMilitaryTimeParser(lexicon),
    createBareYearParser(lexicon),
  );
  const refiners: Refiner[] = chrono.refiners;
  const rangeAt = refiners.findIndex((r) => r.constructor.name === RANGE_REFINER);
  if (rangeAt < 0) throw new Error(`dates: chrono configuration changed: ${RANGE_REFINER} not found`);
  refiners.splice(rangeAt, 0, createPastWeekdayRefiner(lexicon), createBetweenRangeRefiner(), createRelativeYearRefiner());
  const unlikelyAt = refiners.findIndex((r) => r.constructor.name === UNLIKELY_FILTER);
  const unlikely = refiners[unlikelyAt];
  if (unlikely === undefined) throw new Error(`dates: chrono configuration changed: ${UNLIKELY_FILTER} not found`);
  refiners[unlikelyAt] = exemptBareYears(unlikely);
  refiners.unshift(createNightOfRefiner());
  refiners.push(createFalseDateFilter(lexicon));
  cached = chrono;
  return chrono;
}
