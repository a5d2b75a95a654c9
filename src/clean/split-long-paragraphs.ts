/**
 * Bounded paragraphs. Some extraction stages look at the whole paragraph around a date or a
 * trigger (the last date earlier in the paragraph, the line a date stands on), which is harmless
 * at news lengths (the dev corpus's longest paragraph is under 800 characters) but quadratic in a
 * page that is one line: 5 MB on one line spent 4 s in the dating stage alone. A block longer than
 * {@link MAX_PARAGRAPH_CHARS} is cut into paragraphs no longer than that at sentence ends (at the
 * pieces of {@link capSentences} when a sentence is itself too long). Every word is kept; only
 * paragraph breaks are added.
 */
import type { Block } from './block.js';
import { capSentences } from './cap-sentences.js';
import { splitSentences } from './split-sentences.js';

/** The longest paragraph kept as one (twice the longest `MAX_SENTENCE_CHARS` piece). */
export const MAX_PARAGRAPH_CHARS = 3000;

/** `blocks` with every block longer than `max` cut at sentence ends; `cut` counts the long ones. */
export function splitLongParagraphs(blocks: readonly Block[], max = MAX_PARAGRAPH_CHARS): { blocks: Block[]; cut: number } {
  if (blocks.every((b) => b.text.length <= max)) return { blocks: [...blocks], cut: 0 };
  const out: Block[] = [];
  let cut = 0;
  for (const block of blocks) {
    const text = block.text;
    if (text.length <= max) {
      out.push(block);
      continue;
    }
    cut++;
    const { sentences } = capSentences(text, splitSentences(text), Math.min(max, 1500));
    let from = -1;
    let to = -1;
    for (const s of sentences) {
      if (from >= 0 && s.end - from > max) {
        out.push({ text: text.slice(from, to), hint: block.hint });
        from = -1;
      }
      if (from < 0) from = s.start;
      to = s.end;
    }
    if (from >= 0) out.push({ text: text.slice(from, to), hint: block.hint });
  }
  return { blocks: out, cut };
}
