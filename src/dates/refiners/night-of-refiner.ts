import type { ParsingContext, ParsingResult, Refiner } from 'chrono-node';

const PART_OF_DAY = /^(?:the\s+)?(?:(?:early|late)\s+)?(?:morning|afternoon|evening|night|midday|noon)$/i;
const OF = /^\s+of\s+(?:the\s+)?$/i;

/**
 * Repairs "the night of November 10" (also morning/evening/afternoon of …): stock chrono merges
 * the part of day with the date but loses the date and returns the reference day. This refiner
 * runs first and merges the pair itself: the date's components, the time word's implied hour,
 * one span over both.
 */
export function createNightOfRefiner(): Refiner {
  return {
    refine(context: ParsingContext, results: ParsingResult[]): ParsingResult[] {
      if (results.length < 2) return results;
      const out: ParsingResult[] = [];
      for (let i = 0; i < results.length; i++) {
        const time = results[i];
        if (time === undefined) continue;
        const dayIndex = i + 1 < results.length && PART_OF_DAY.test(time.text) && time.start.isOnlyTime() ? i + 1 : -1;
        const date = dayIndex > 0 ? results[dayIndex] : undefined;
        const between = date ? context.text.slice(time.index + time.text.length, date.index) : '';
        if (!date || !OF.test(between) || !(date.start.isCertain('day') || date.start.isCertain('weekday'))) {
          out.push(time);
          continue;
        }
        const merged = date.clone();
        merged.index = time.index;
        merged.text = time.text + between + date.text;
        const hour = time.start.get('hour');
        if (hour !== null && !merged.start.isCertain('hour')) merged.start.imply('hour', hour);
        merged.addTag('sitrep/night-of');
        out.push(merged);
        i = dayIndex;
      }
      return out;
    },
  };
}
