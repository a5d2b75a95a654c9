/**
 * Bounded sentences (issue #16): a sentence longer than the limit is read in pieces no longer
 * than it, trimmed, in order, covering every word, cut after a comma when there is one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capSentences } from './cap-sentences.js';
import { cleanArticle } from './clean-article.js';

describe('capSentences', () => {
  it('leaves short sentences alone and cuts long ones after a comma', () => {
    const text = 'Short one. ' + 'word, '.repeat(50) + 'end';
    const sentences = [{ start: 0, end: 10 }, { start: 11, end: text.length }];
    const { sentences: out, cut } = capSentences(text, sentences, 60);
    expect(cut).toBe(1);
    expect(out[0]).toEqual({ start: 0, end: 10 });
    for (const s of out.slice(1)) {
      expect(s.end - s.start).toBeLessThanOrEqual(60);
      expect(text.slice(s.start, s.end)).toMatch(/^\S[\s\S]*\S$|^\S$/);
    }
    expect(out.slice(1, -1).every((s) => text[s.end - 1] === ',')).toBe(true);
  });

  it('pieces are bounded, trimmed, ordered and keep every word (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(' ', ', ', '  '), fc.stringMatching(/^[a-z]{1,30}$/)), { maxLength: 200 }), fc.integer({ min: 5, max: 80 }), (parts, max) => {
        const text = parts.join('').trim();
        if (text === '') return;
        const { sentences } = capSentences(text, [{ start: 0, end: text.length }], max);
        let at = 0;
        for (const s of sentences) {
          expect(s.end - s.start).toBeLessThanOrEqual(max);
          expect(s.start).toBeGreaterThanOrEqual(at);
          expect(/\s/.test(text[s.start]!) || /\s/.test(text[s.end - 1]!)).toBe(false);
          at = s.end;
        }
        const words = (t: string) => t.replace(/[\s,]+/g, '');
        expect(sentences.map((s) => words(text.slice(s.start, s.end))).join('')).toBe(words(text));
      }),
      { numRuns: 300 },
    );
  });

  it('cleaning reports the split, naming how many sentences', () => {
    const text = 'Shelling reported\n\n' + 'Forces shelled the town and the villages around it '.repeat(50);
    const clean = cleanArticle({ id: 'long', source: 'long.txt', format: 'txt', title: null, text, html: null, url: null, outlet: null, published: null, publishedSource: null, language: 'en', diagnostics: [] });
    expect(clean.sentences.every((s) => s.end - s.start <= 1500)).toBe(true);
    expect(clean.diagnostics.find((d) => d.code === 'clean/long-sentence-split')?.message).toMatch(/^1 sentence/);
  });
});
