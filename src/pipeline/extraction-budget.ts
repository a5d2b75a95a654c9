/**
 * Bounded work per article. Extraction costs time linear in the text's length once sentences are
 * bounded (`src/clean/cap-sentences.ts`), about 8 µs a character on a 2-core machine: a news
 * article (5-50 KB) takes milliseconds, but a multi-megabyte "article" (a dump, a page of logs)
 * would hold its extraction thread, and the articles queued behind it, for a minute. Only the
 * first {@link MAX_EXTRACT_CHARS} characters are read for events (cut after a sentence), with a
 * diagnostic; the whole text is still stored and searchable.
 */
import type { CleanArticle } from '../model/article.js';
import type { Diagnostic } from '../model/diagnostic.js';

/** Characters of an article read for events and dates (~2-3 s on this 2-core machine; 40,000 words). */
export const MAX_EXTRACT_CHARS = 250_000;

/**
 * The part of `article` that is read: the whole article when it is short enough, else its text up
 * to the end of the last sentence that ends within `max` characters, with the paragraphs and
 * sentences inside that part (spans into it are spans into the whole text too).
 */
export function extractionPart(article: CleanArticle, max = MAX_EXTRACT_CHARS): { article: CleanArticle; diagnostic: Diagnostic | null } {
  if (article.text.length <= max) return { article, diagnostic: null };
  let end = 0;
  for (const s of article.sentences) if (s.end <= max) end = Math.max(end, s.end);
  if (end === 0) end = max;
  const part: CleanArticle = {
    ...article,
    text: article.text.slice(0, end),
    paragraphs: article.paragraphs.filter((p) => p.start < end).map((p) => (p.end <= end ? p : { ...p, end })),
    sentences: article.sentences.filter((s) => s.end <= end),
  };
  return {
    article: part,
    diagnostic: {
      code: 'extract/text-truncated',
      severity: 'warning',
      message: `article ${article.id}: text of ${article.text.length} characters; only the first ${end} were read for events (at most ${max}); the whole text is stored`,
      source: article.source,
      articleId: article.id,
    },
  };
}
