/**
 * Bounded work per article (issue #16): a text over the limit is read for events up to the end
 * of a sentence within it, with a diagnostic; spans stay valid in the whole stored text; the next
 * article of a batch is processed. Timing is measured by `bench/long-line.bench.mjs`.
 */
import { describe, expect, it } from 'vitest';
import { cleanArticle } from '../clean/clean-article.js';
import { createExtractContext } from '../extract/create-extract-context.js';
import type { RawArticle } from '../model/article.js';
import { extractionPart, MAX_EXTRACT_CHARS } from './extraction-budget.js';
import { processArticle } from './process-article.js';

const raw = (id: string, text: string): RawArticle => ({
  id, source: `${id}.txt`, format: 'txt', title: null, text, html: null, url: null, outlet: null, published: '2020-10-05', publishedSource: 'metadata', language: 'en', diagnostics: [],
});
const SENTENCE = 'Armenian forces shelled the town of Tartar on Monday, killing two civilians, the ministry said. ';

describe('extractionPart', () => {
  it('keeps a short article whole and cuts a long one after a sentence', () => {
    const clean = cleanArticle(raw('a', SENTENCE.repeat(40)));
    expect(extractionPart(clean, 100_000)).toEqual({ article: clean, diagnostic: null });
    const { article, diagnostic } = extractionPart(clean, 1000);
    expect(article.text.length).toBeLessThanOrEqual(1000);
    expect(article.text.endsWith('said.')).toBe(true);
    expect(clean.text.startsWith(article.text)).toBe(true);
    expect(article.sentences.every((s) => s.end <= article.text.length)).toBe(true);
    expect(article.paragraphs.every((p) => p.end <= article.text.length)).toBe(true);
    expect(diagnostic).toMatchObject({ code: 'extract/text-truncated', articleId: 'a' });
  });

  it('a text over the limit yields events only from its first part, spans valid in the whole text, and the next article is read', () => {
    const filler = 'and the talks went on '.repeat(Math.ceil(MAX_EXTRACT_CHARS / 22));
    const big = processArticle(raw('big', `${SENTENCE}${filler}. ${SENTENCE}`), createExtractContext());
    expect(big.article.text.length).toBeGreaterThan(MAX_EXTRACT_CHARS);
    expect(big.diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(['extract/text-truncated', 'clean/long-sentence-split']));
    expect(big.events.length).toBeGreaterThan(0);
    for (const e of big.events) for (const s of e.evidence) expect(big.article.text.slice(s.start, s.end)).toBe(s.text);
    expect(big.events.every((e) => e.evidence.every((s) => s.end <= MAX_EXTRACT_CHARS))).toBe(true);
    const next = processArticle(raw('next', SENTENCE), createExtractContext());
    expect(next.events.length).toBeGreaterThan(0);
  }, 60_000);
});
