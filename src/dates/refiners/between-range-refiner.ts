import type { ParsingContext, ParsingResult, Refiner } from 'chrono-node';

const AND = /^\s*(?:and|&)\s*$/i;
const BETWEEN = /\bbetween\s+$/i;

/**
 * Merges "between X and Y" into one range, which chrono leaves as two dates (its own range
 * refiner only joins "to", "-", "until", "through"). Missing components are not copied here:
 * the resolution step takes a year written on either side for both.
 */
export function createBetweenRangeRefiner(): Refiner {
  return {
    refine(context: ParsingContext, results: ParsingResult[]): ParsingResult[] {
      if (results.length < 2) return results;
      const out: ParsingResult[] = [];
      for (let i = 0; i < results.length; i++) {
        const first = results[i];
        const second = results[i + 1];
        if (first === undefined) continue;
        const between = second ? context.text.slice(first.index + first.text.length, second.index) : '';
        const merge =
          second !== undefined && !first.end && !second.end && AND.test(between) &&
          BETWEEN.test(context.text.slice(Math.max(0, first.index - 12), first.index));
        if (!merge || second === undefined) {
          out.push(first);
          continue;
        }
        const merged = first.clone();
        merged.text = first.text + between + second.text;
        merged.end = second.start.clone();
        merged.addTag('sitrep/between-range');
        out.push(merged);
        i++;
      }
      return out;
    },
  };
}
