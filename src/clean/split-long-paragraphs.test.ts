/**
 * Bounded paragraphs (issue #16): a page on one line becomes paragraphs no longer than the limit,
 * cut at sentence ends, in order, keeping every word; short paragraphs are left alone.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanArticle } from './clean-article.js';
import { MAX_PARAGRAPH_CHARS, splitLongParagraphs } from './split-long-paragraphs.js';

const raw = (text: string) => ({ id: 'long', source: 'long.txt', format: 'txt' as const, title: 'One line', text, html: null, url: null, outlet: null, published: '2020-10-05', publishedSource: 'metadata' as const, language: 'en', diagnostics: [] });
const words = (t: string) => t.replace(/\s+/g, '');

describe('splitLongParagraphs', () => {
  it('leaves paragraphs within the limit alone', () => {
    const blocks = [{ text: 'Forces shelled the town. Two died.', hint: null }, { text: 'A quote.', hint: 'quote' as const }];
    expect(splitLongParagraphs(blocks, 100)).toEqual({ blocks, cut: 0 });
  });

  it('cuts a long paragraph at sentence ends, bounded, keeping every word and the hint', () => {
    const sentence = (i: number) => `Forces shelled village ${i} on Monday, killing ${i} civilians.`;
    const text = Array.from({ length: 60 }, (_, i) => sentence(i)).join(' ');
    const { blocks, cut } = splitLongParagraphs([{ text, hint: 'quote' }], 300);
    expect(cut).toBe(1);
    expect(blocks.length).toBeGreaterThan(1);
    for (const b of blocks) {
      expect(b.text.length).toBeLessThanOrEqual(300);
      expect(b.text).toMatch(/^Forces .*civilians\.$/);
      expect(b.hint).toBe('quote');
    }
    expect(blocks.map((b) => b.text).join(' ')).toBe(text);
  });

  it('pieces are bounded and keep every word, with or without punctuation (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(' ', '. ', ', ', '! '), fc.stringMatching(/^[A-Za-z]{1,12}$/)), { minLength: 1, maxLength: 300 }), fc.integer({ min: 40, max: 200 }), (parts, max) => {
        const text = parts.join('').replace(/\s+/g, ' ').trim();
        if (text === '') return;
        const { blocks } = splitLongParagraphs([{ text, hint: null }], max);
        for (const b of blocks) {
          expect(b.text.length).toBeLessThanOrEqual(max);
          expect(b.text).toBe(b.text.trim());
          expect(b.text).not.toBe('');
        }
        expect(words(blocks.map((b) => b.text).join(''))).toBe(words(text));
      }),
      { numRuns: 300 },
    );
  });

  it('cleaning a page on one line gives bounded paragraphs, the whole text and a diagnostic; cleaning again changes nothing', () => {
    const text = 'Armenian forces shelled the town of Tartar on Monday, killing two civilians. '.repeat(400).trim();
    const clean = cleanArticle(raw(text));
    expect(clean.paragraphs.length).toBeGreaterThan(10);
    for (const p of clean.paragraphs) expect(p.end - p.start).toBeLessThanOrEqual(MAX_PARAGRAPH_CHARS);
    expect(words(clean.text)).toBe(words('One line' + text));
    expect(clean.diagnostics.find((d) => d.code === 'clean/long-paragraph-split')?.message).toMatch(/^1 paragraph\(s\) longer than 3000 characters/);
    const again = cleanArticle({ ...raw(clean.text.slice(clean.paragraphs[1]!.start)) });
    expect(again.text).toBe(clean.text);
  });
});
