import type { Parser, ParsingContext, ParsingResult } from 'chrono-node';
import type { DateLexicon } from '../date-lexicon.js';

const DETERMINERS = 'the|a|an|its|their|his|her';
const WORD = /[\p{L}\p{N}'’-]+/gu;

/**
 * Reads a bare four-digit year that stock chrono ignores, when its context makes it a year:
 * after a preposition ("in 1994", "since 1992", "the war of 2016", "in the year 2016") or
 * between a determiner and a noun ("the 2020 Nagorno Karabakh war", "the 1994 ceasefire").
 *
 * Counts are rejected: a number followed (within two words) by a count noun of the lexicon
 * ("of 1960 Russian peacekeepers", "to 2000 people") is not a year. The span covers the digits
 * only, as TimeML does (prepositions and determiners stay outside).
 */
export function createBareYearParser(lexicon: DateLexicon): Parser {
  // The match is the digits alone (fast to find); the preposition or determiner before them is
  // checked in code on a short window, which is much cheaper than a look-behind in the pattern.
  const pattern = /(?<![\p{L}\p{N}$€£.,-])(?:1[5-9]|20)\d\d(?![\p{L}\p{N}%]|[.,:/–-]\d|\s*(?:per\s?cent|percent))/u;
  const before = new RegExp(
    `(?:^|[^\\p{L}\\p{N}$€£.,-])(?:(?:${lexicon.yearPrepositionPattern})\\s+(?:the\\s+(?:year\\s+(?:of\\s+)?)?)?|(${DETERMINERS})\\s+)$`,
    'iu',
  );
  const eventNoun = new RegExp(`^(?:${lexicon.eventNounPattern})$`, 'i');

  /** True when one of the next `n` words (before any punctuation) is a count noun. */
  const isCount = (after: string, n: number): boolean => {
    const head = /^\s+[\p{L}'’\s-]*/u.exec(after)?.[0] ?? '';
    const words = head.match(WORD) ?? [];
    return words.slice(0, n).some((w) => lexicon.countNouns.has(w.toLowerCase()));
  };

  /**
   * Determiner path ("the 2020 Nagorno Karabakh war", "the 1996 Olympic bombing"): a noun must
   * follow the year, and none of the next three words may be a count noun ("the 1960 Russian
   * peacekeepers"). An event noun among them settles it at once.
   */
  const modifiesNoun = (after: string): boolean => {
    const words = (/^\s+[\p{L}'’\s-]*/u.exec(after)?.[0] ?? '').match(WORD) ?? [];
    if (words.length === 0) return false;
    if (words.slice(0, 4).some((w) => eventNoun.test(w))) return true;
    return !isCount(after, 3);
  };

  return {
    pattern: () => pattern,
    extract(context: ParsingContext, match: RegExpMatchArray): ParsingResult | null {
      const yearText = match[0];
      const start = match.index;
      if (start === undefined) return null;
      const lead = before.exec(context.text.slice(Math.max(0, start - 40), start));
      if (!lead) return null;
      const after = context.text.slice(start + yearText.length, start + yearText.length + 80);
      if (lead[1] !== undefined ? !modifiesNoun(after) : isCount(after, 2)) return null;
      const result = context.createParsingResult(start, yearText, { year: Number(yearText) });
      result.addTag('sitrep/bare-year');
      return result;
    },
  };
}
