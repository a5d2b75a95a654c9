import type { Parser, ParsingContext, ParsingResult } from 'chrono-node';
import { prefiltered } from './prefiltered-parser.js';

const PATTERN = /(?<![\p{L}\p{N}'’])(?:the\s+)?(?:(early|mid|late)[-\s]+)?(?:((?:1[5-9]|20)\d0)|['’](\d0))['’]?s(?![\p{L}\p{N}])/iu;

/** Years of the decade each qualifier covers, as offsets from the decade's first year. */
const QUICK = /\d0['’]?s/;
const PART: Readonly<Record<string, readonly [number, number]>> = { early: [0, 3], mid: [3, 6], late: [6, 9] };

/**
 * Reads decades: "the 1980s", "the late 1990s", "the '90s" (two-digit decades before 30 are read
 * as 20xx). The result is a range of years tagged `sitrep/decade`.
 */
export function createDecadeParser(): Parser {
  return prefiltered({
    pattern: () => PATTERN,
    extract(context: ParsingContext, match: RegExpMatchArray): ParsingResult | null {
      if (match.index === undefined) return null;
      const two = match[3];
      const decade = match[2] !== undefined ? Number(match[2]) : two !== undefined ? (Number(two) < 30 ? 2000 : 1900) + Number(two) : NaN;
      if (!Number.isFinite(decade)) return null;
      const [a, b] = PART[(match[1] ?? '').toLowerCase()] ?? [0, 9];
      const result = context.createParsingResult(match.index, match[0], { year: decade + a }, { year: decade + b });
      result.addTag('sitrep/decade');
      return result;
    },
  }, QUICK);
}
