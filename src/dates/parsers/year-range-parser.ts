import type { Parser, ParsingContext, ParsingResult } from 'chrono-node';

const PATTERN =
  /(?<![\p{L}\p{N}$€£.,/:-])((?:1[5-9]|20)\d\d)\s?[-–—]\s?((?:1[5-9]|20)\d\d|\d\d)(?![\p{L}\p{N}%]|[-–/.,:]\d)/u;

/**
 * Reads a range of years written with a dash: "1992-1994", "1992–94". The end must follow the
 * start by at most 100 years, which rules out ISO dates ("2020-12") and scores.
 */
export function createYearRangeParser(): Parser {
  return {
    pattern: () => PATTERN,
    extract(context: ParsingContext, match: RegExpMatchArray): ParsingResult | null {
      const from = Number(match[1]);
      const rawTo = match[2] ?? '';
      const to = rawTo.length === 2 ? Math.floor(from / 100) * 100 + Number(rawTo) : Number(rawTo);
      if (!(to > from && to - from <= 100) || match.index === undefined) return null;
      const result = context.createParsingResult(match.index, match[0], { year: from }, { year: to });
      result.addTag('sitrep/year-range');
      return result;
    },
  };
}
