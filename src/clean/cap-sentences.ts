/**
 * Bounded sentences. Several extraction stages compare every word of a sentence with every other
 * (frames and their instrument windows, roles, claims), which is harmless at news lengths but
 * quadratic in a "sentence" that is a whole page without punctuation: 400 KB on one line took
 * minutes. A sentence longer than {@link MAX_SENTENCE_CHARS} is cut into pieces no longer than
 * that, at the last comma or semicolon before the limit when there is one in its second half,
 * else at the last space: extraction then costs at most linear time in the text's length.
 */
import type { SentenceRange } from './split-sentences.js';

/** The longest sentence read as one (a long news sentence is ~400 characters; 250 tokens ≈ 1,500). */
export const MAX_SENTENCE_CHARS = 1500;

/** `sentences` with every range longer than `max` cut into trimmed pieces; `cut` counts the long ones. */
export function capSentences(text: string, sentences: readonly SentenceRange[], max = MAX_SENTENCE_CHARS): { sentences: SentenceRange[]; cut: number } {
  if (sentences.every((s) => s.end - s.start <= max)) return { sentences: [...sentences], cut: 0 };
  const out: SentenceRange[] = [];
  let cut = 0;
  for (const s of sentences) {
    if (s.end - s.start <= max) {
      out.push(s);
      continue;
    }
    cut++;
    let from = s.start;
    while (s.end - from > max) {
      const limit = from + max;
      let at = -1;
      for (let k = limit - 1; k > from + max / 2; k--) {
        const ch = text[k];
        if ((ch === ',' || ch === ';') && /\s/.test(text[k + 1] ?? '')) {
          at = k + 1;
          break;
        }
      }
      if (at < 0) for (let k = limit; k > from; k--) if (/\s/.test(text[k] ?? '')) {
        at = k;
        break;
      }
      // One "word" longer than the limit: cut it where the limit falls.
      if (at <= from) at = limit;
      let end = at;
      while (end > from && /\s/.test(text[end - 1]!)) end--;
      if (end > from) out.push({ start: from, end });
      from = at;
      while (from < s.end && /\s/.test(text[from]!)) from++;
    }
    if (from < s.end) out.push({ start: from, end: s.end });
  }
  return { sentences: out, cut };
}
