import type { Parser, ParsingContext, ParsingComponents } from 'chrono-node';

const PATTERN = /(?<![\p{N}.,])(\d{1,2})\.(\d{1,2})\.((?:1[5-9]|20)\d\d)(?!\p{N}|[.,]\p{N})/u;

/**
 * Reads dotted numeric dates day first, as Europe and the post-Soviet press write them:
 * "13.12.2020", "02.08.2022". (Stock chrono reads "12.11.2020" month first.)
 */
export function createDottedDateParser(): Parser {
  return {
    pattern: () => PATTERN,
    extract(context: ParsingContext, match: RegExpMatchArray): ParsingComponents | null {
      const day = Number(match[1]);
      const month = Number(match[2]);
      if (month < 1 || month > 12 || day < 1 || day > 31) return null;
      const components = context.createParsingComponents({ day, month, year: Number(match[3]) });
      components.addTag('sitrep/dotted-date');
      return components;
    },
  };
}
