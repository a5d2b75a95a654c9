import type { Paragraph } from '../model/article.js';
import type { Block } from './block.js';
import { classifyParagraph } from './classify-paragraph.js';
import { splitSentences, type SentenceRange } from './split-sentences.js';

/** The coordinate system every later span points into. */
export interface Segmentation {
  readonly text: string;
  readonly paragraphs: Paragraph[];
  readonly sentences: SentenceRange[];
}

/** Paragraphs are joined by one blank line. */
export const PARAGRAPH_SEPARATOR = '\n\n';

/**
 * Builds `text` = title + "\n\n" + paragraphs joined by "\n\n" (no title line when the title
 * is null), its paragraphs (the title first, kind `title`; the others classified by
 * `classifyParagraph`) and its sentences (never crossing a paragraph; the title is one too).
 * Blocks must be single trimmed non-empty lines, as the cleaner makes them; then every range
 * is non-empty, trimmed, in order and inside `text`.
 */
export function segment(title: string | null, blocks: readonly Block[]): Segmentation {
  const parts: string[] = [];
  const paragraphs: Paragraph[] = [];
  let offset = 0;
  const add = (text: string, kind: Paragraph['kind']): void => {
    if (parts.length > 0) offset += PARAGRAPH_SEPARATOR.length;
    parts.push(text);
    paragraphs.push({ start: offset, end: offset + text.length, kind });
    offset += text.length;
  };
  if (title !== null && title !== '') add(title, 'title');
  blocks.forEach((block, i) => add(block.text, classifyParagraph(block, i === blocks.length - 1)));
  const text = parts.join(PARAGRAPH_SEPARATOR);
  const sentences: SentenceRange[] = [];
  for (const p of paragraphs) sentences.push(...splitSentences(text, p.start, p.end));
  return { text, paragraphs, sentences };
}
