import type { DateLexicon } from './date-lexicon.js';

/** How far back a future cue is looked for, within the sentence. */
const WINDOW = 60;
const SENTENCE_END = /[.!?]\s|\n/g;

/**
 * True when a future cue of the lexicon ("will", "scheduled", "next") comes shortly before
 * `index` in the same sentence: "talks will resume on Monday", "elections are planned for
 * April". Such weekdays and year-less dates are resolved forwards from the reference.
 */
export function hasFutureCue(text: string, index: number, lexicon: DateLexicon): boolean {
  let before = text.slice(Math.max(0, index - WINDOW), index);
  let cut = -1;
  for (const m of before.matchAll(SENTENCE_END)) cut = (m.index ?? 0) + m[0].length;
  if (cut >= 0) before = before.slice(cut);
  return lexicon.futureCueRe.test(before);
}
