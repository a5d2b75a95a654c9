import type { Parser, ParsingContext, ParsingComponents } from 'chrono-node';
import type { DateLexicon } from '../date-lexicon.js';

/**
 * Reads military (four-digit) clock times followed by a time zone: "1348 EST", "0600 UTC",
 * "0927L". Without the zone a four-digit number is a year or a count, so the zone is required.
 * The result is a time without a date; the zone's offset is kept when known.
 */
export function createMilitaryTimeParser(lexicon: DateLexicon): Parser {
  // Case-sensitive on purpose: zones are written in capitals, and "l"/"z" must not match.
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}:.,$€£-])([01]\\d|2[0-3])([0-5]\\d)\\s?(?:hrs\\.?\\s?|hours\\s)?\\(?(${lexicon.timeZonePattern})\\)?(?![\\p{L}\\p{N}])`,
    'u',
  );
  return {
    pattern: () => pattern,
    extract(context: ParsingContext, match: RegExpMatchArray): ParsingComponents | null {
      const offset = lexicon.timeZones.get((match[3] ?? '').toUpperCase());
      if (offset === undefined) return null;
      const components = context.createParsingComponents({ hour: Number(match[1]), minute: Number(match[2]) });
      if (offset !== null) components.assign('timezoneOffset', offset);
      components.addTag('sitrep/military-time');
      return components;
    },
  };
}
