import type { ParsingContext, ParsingResult, Refiner } from 'chrono-node';

const RELATIVE_YEAR = /^(?:last|this|next|previous|past)\s+year$/i;
const JOIN = /^\s*(?:of\s+|,\s*)?$/i;

/**
 * Merges a year-less date with a following relative year: "in November last year", "on 5 March
 * this year". chrono reads the two apart, and the date would then take the reference's year.
 * The merged result keeps the date's written parts and implies the relative year's value.
 */
export function createRelativeYearRefiner(): Refiner {
  return {
    refine(context: ParsingContext, results: ParsingResult[]): ParsingResult[] {
      if (results.length < 2) return results;
      const out: ParsingResult[] = [];
      for (let i = 0; i < results.length; i++) {
        const date = results[i];
        const year = results[i + 1];
        if (date === undefined) continue;
        const between = year ? context.text.slice(date.index + date.text.length, year.index) : '';
        const yearValue = year?.start.get('year') ?? null;
        if (
          year === undefined || yearValue === null || date.end || !date.start.isCertain('month') ||
          date.start.isCertain('year') || !RELATIVE_YEAR.test(year.text.trim()) || !JOIN.test(between)
        ) {
          out.push(date);
          continue;
        }
        const merged = date.clone();
        merged.text = date.text + between + year.text;
        merged.start.imply('year', yearValue);
        merged.addTag('sitrep/relative-year');
        merged.addTag('result/relativeDate');
        out.push(merged);
        i++;
      }
      return out;
    },
  };
}
