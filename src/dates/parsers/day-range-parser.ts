import type { Parser, ParsingContext, ParsingResult } from 'chrono-node';
import type { DateLexicon } from '../date-lexicon.js';
import { prefiltered } from './prefiltered-parser.js';

const ORDINAL = '(?:st|nd|rd|th)?';
const JOIN = '(and|to|until|till|through|[-–—])';
/** Two numbers joined as in a range: cheap test before the full pattern. */
const QUICK = /\d(?:st|nd|rd|th)?\s*(?:and|to|until|till|through|[-–—])\s*\d/i;

/**
 * Reads day ranges inside one month: "between 10 and 12 December", "from 10 to 12 December
 * 2020", "December 10 to 12", "10–12 Dec". Joining with "and" needs a leading "between" or
 * "from" ("December 10 and 12 soldiers…" is not a range). The span starts at the first day.
 */
export function createDayRangeParser(lexicon: DateLexicon): Parser {
  const month = `(${lexicon.monthPattern})(?![\\p{L}])`;
  const year = '(?:\\s*,?\\s*((?:1[5-9]|20)\\d\\d)(?![\\p{L}\\p{N}]))?';
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:(between|from)\\s+)?(?:` +
      `(\\d{1,2})${ORDINAL}\\s*${JOIN}\\s*(\\d{1,2})${ORDINAL}(?:\\s+of)?\\s+${month}${year}` +
      `|${month}\\s+(\\d{1,2})${ORDINAL}\\s*${JOIN}\\s*(\\d{1,2})${ORDINAL}(?![\\p{L}\\p{N}:.]|\\.\\d|\\s+${lexicon.monthPattern})${year})`,
    'iu',
  );

  return prefiltered({
    pattern: () => pattern,
    extract(context: ParsingContext, match: RegExpMatchArray): ParsingResult | null {
      if (match.index === undefined) return null;
      const opener = match[1];
      const littleEndian = match[2] !== undefined;
      const [d1, join, d2, monthWord, yearText] = littleEndian
        ? [match[2], match[3], match[4], match[5], match[6]]
        : [match[8], match[9], match[10], match[7], match[11]];
      const month = lexicon.monthNumber.get((monthWord ?? '').toLowerCase().replace(/\.$/, ''));
      const from = Number(d1);
      const to = Number(d2);
      if (month === undefined || !(from >= 1 && to <= 31 && from < to)) return null;
      if (join?.toLowerCase() === 'and' && opener?.toLowerCase() !== 'between') return null;
      if (opener?.toLowerCase() === 'between' && join?.toLowerCase() !== 'and') return null;
      const y = yearText !== undefined ? { year: Number(yearText) } : {};
      const offset = opener !== undefined ? match[0].indexOf(opener) + opener.length + 1 : 0;
      const text = match[0].slice(offset).trimStart();
      const index = match.index + match[0].length - text.length;
      const result = context.createParsingResult(index, text, { day: from, month, ...y }, { day: to, month, ...y });
      result.addTag('sitrep/day-range');
      return result;
    },
  }, QUICK);
}
