/**
 * Per-sentence view of an article: each sentence with its paragraph, and the mentions found in
 * the whole text bucketed into the sentence that holds them.
 */
import type { CleanArticle, ParagraphKind } from '../model/article.js';

export interface SentenceView {
  readonly index: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly paragraph: number;
  readonly kind: ParagraphKind;
  /** Inside quotation marks from the paragraph's start to this sentence. */
}

/** Sentences of the article with the paragraph each belongs to. */
export function sentenceViews(article: CleanArticle): SentenceView[] {
  const out: SentenceView[] = [];
  let p = 0;
  const paras = article.paragraphs;
  article.sentences.forEach((s, index) => {
    while (p < paras.length - 1 && (paras[p]?.end ?? 0) <= s.start) p++;
    const para = paras[p];
    out.push({
      index,
      start: s.start,
      end: s.end,
      text: article.text.slice(s.start, s.end),
      paragraph: p,
      kind: para?.kind ?? 'body',
    });
  });
  return out;
}

/** Groups items with `start` into the sentence that contains them (binary search). */
export function bucketBySentence<T extends { start: number }>(items: readonly T[], sentences: readonly SentenceView[]): T[][] {
  const buckets: T[][] = sentences.map(() => []);
  for (const item of items) {
    let lo = 0;
    let hi = sentences.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = sentences[mid]!;
      if (item.start < s.start) hi = mid - 1;
      else if (item.start >= s.end) lo = mid + 1;
      else {
        buckets[mid]!.push(item);
        break;
      }
    }
  }
  return buckets;
}
