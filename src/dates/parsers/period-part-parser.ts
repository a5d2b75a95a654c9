import type { Parser, ParsingContext, ParsingResult } from 'chrono-node';
import { civilDate } from '../civil-date.js';
import type { DateLexicon } from '../date-lexicon.js';
import { prefiltered } from './prefiltered-parser.js';

/**
 * Reads parts of a month or a year as ranges, which stock chrono reduces to the whole month
 * (or drops): "late September" → 21–30 September, "mid-October", "the end of November",
 * "early 2020" → January–April 2020, "the summer of 2019" → June–August 2019.
 *
 * A day after the month ("late March 13") makes the part a time of that day: the parser leaves
 * it to chrono's day reading.
 *
 * Month-part results carry day components (`sitrep/month-part`); year parts and seasons carry
 * months only (`sitrep/year-part`).
 */
export function createPeriodPartParser(lexicon: DateLexicon): Parser {
  const year = '((?:1[5-9]|20)\\d\\d)(?![\\p{L}\\p{N}])';
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:the\\s+)?(?:(${lexicon.monthPartPattern})(?:\\s+of\\s+(?:the\\s+month\\s+of\\s+)?|\\s*-\\s*|\\s+)` +
      `(?:(${lexicon.monthPattern})(?![\\p{L}])(?!\\s*\\d{1,2}(?![\\d:]))(?:\\s*,?\\s*${year})?|${year})` +
      `|(${lexicon.seasonPattern})(?:\\s+of)?\\s+${year})`,
    'iu',
  );

  const quick = new RegExp(`${lexicon.monthPartPattern}|${lexicon.seasonPattern}`, 'i');
  return prefiltered({
    pattern: () => pattern,
    extract(context: ParsingContext, match: RegExpMatchArray): ParsingResult | null {
      if (match.index === undefined) return null;
      const [, part, monthWord, monthYear, partYear, season, seasonYear] = match;
      let result: ParsingResult;
      if (part !== undefined && monthWord !== undefined) {
        const key = monthWord.toLowerCase().replace(/\.$/, '');
        const month = lexicon.monthNumber.get(key);
        const days = lexicon.monthParts.get(part.toLowerCase());
        // "may" and "march" are ordinary words in lower case ("a late march").
        if (month === undefined || days === undefined || ((key === 'may' || key === 'mar' || key === 'march') && !/^\p{Lu}/u.test(monthWord))) return null;
        const y = monthYear !== undefined ? { year: Number(monthYear) } : {};
        // Clamp "late" (21–31) to the month's length; 2000 is a leap year, for a year-less February.
        const lastDay = Math.min(days[1], civilDate.daysInMonth(y.year ?? 2000, month));
        result = context.createParsingResult(match.index, match[0], { month, day: days[0], ...y }, { month, day: lastDay, ...y });
        result.addTag('sitrep/month-part');
      } else {
        const bounds = part !== undefined ? lexicon.yearParts.get(part.toLowerCase()) : lexicon.seasons.get((season ?? '').toLowerCase());
        const y = Number(partYear ?? seasonYear);
        if (bounds === undefined || !Number.isFinite(y)) return null;
        result = context.createParsingResult(match.index, match[0], { year: y, month: bounds[0] }, { year: y, month: bounds[1] });
        result.addTag('sitrep/year-part');
      }
      return result;
    },
  }, quick);
}
