/**
 * Fuzzing the extractor (issue #16): random Unicode (lone surrogates, controls, astral planes),
 * long lines and deep nesting (HTML elements, brackets, quotes) never make `processArticle`
 * throw or hang, and whatever it returns holds: every span points at its words in the returned
 * text, every date is a plausible day. Each property stops after a few seconds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createExtractContext } from '../extract/create-extract-context.js';
import { isPlausibleDay } from '../dates/plausible-dates.js';
import type { RawArticle } from '../model/article.js';
import type { ExtractionResult } from '../model/extraction.js';
import { processArticle } from './process-article.js';

const ctx = createExtractContext();
const FUZZ_MS = 4000;

const raw = (text: string | null, html: string | null = null, published: string | null = '2020-10-05'): RawArticle => ({
  id: 'fuzz', source: 'fuzz.txt', format: html === null ? 'txt' : 'html', title: null, text, html, url: null, outlet: null, published, publishedSource: published === null ? null : 'metadata', language: null, diagnostics: [],
});

/** What must hold of any result. */
function check(result: ExtractionResult): void {
  const text = result.article.text;
  expect(typeof text).toBe('string');
  for (const e of result.events) {
    for (const s of [...e.evidence, ...Object.values(e.field_spans)]) expect(text.slice(s.start, s.end)).toBe(s.text);
    for (const d of [e.date, e.date_end]) if (d !== null) expect(isPlausibleDay(d)).toBe(true);
  }
  for (const s of result.statements) expect(text.slice(s.evidence.start, s.evidence.end)).toBe(s.evidence.text);
  if (result.article.published !== null) expect(isPlausibleDay(result.article.published)).toBe(true);
}

const WORDS = ['Armenian', 'forces', 'shelled', 'Tartar', 'on', 'Monday', 'killing', 'two', 'civilians', 'the', 'ministry', 'said', 'drone', 'strike', 'near', 'Stepanakert', '27 September 2999', '31 December 9999', '1 January 0001', 'ceasefire', 'violated', '(', ')', '"', ',', '.', '\u00a0', '\n', '\n\n', '\uD800', '\u0000', '\u202E', '\u{1F4A5}'];
const word = fc.oneof({ arbitrary: fc.constantFrom(...WORDS), weight: 4 }, { arbitrary: fc.string({ unit: 'binary', maxLength: 8 }), weight: 1 });
const prose = (max: number) => fc.array(word, { maxLength: max }).map((ws) => ws.join(' '));

describe('extractor fuzz', () => {
  it('random Unicode and news-like word salad', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), fc.string({ unit: 'grapheme', maxLength: 400 }), prose(200)), fc.constantFrom('2020-10-05', '9999-12-31', null), (text, published) => {
        check(processArticle(raw(text, null, published), ctx));
      }),
      { numRuns: 10_000, interruptAfterTimeLimit: FUZZ_MS },
    );
  }, 60_000);

  it('random HTML, deeply nested', () => {
    const tag = fc.constantFrom('div', 'p', 'span', 'article', 'section', 'b', 'table', 'td', 'li', 'script', 'style');
    fc.assert(
      fc.property(tag, fc.integer({ min: 1, max: 3000 }), prose(60), (t, depth, inner) => {
        const html = `<html><body>${`<${t}>`.repeat(depth)}${inner}${`</${t}>`.repeat(depth)}</body></html>`;
        check(processArticle(raw(null, html), ctx));
      }),
      { numRuns: 10_000, interruptAfterTimeLimit: FUZZ_MS },
    );
  }, 60_000);

  it('deep brackets and quotes, long lines', () => {
    fc.assert(
      fc.property(fc.constantFrom('(', '[', '"', '“', '«', '— '), fc.integer({ min: 100, max: 20_000 }), prose(80), fc.integer({ min: 1, max: 200 }), (open, depth, sentence, repeat) => {
        const text = `${open.repeat(depth)} ${`${sentence} `.repeat(repeat)}`;
        check(processArticle(raw(text), ctx));
      }),
      { numRuns: 10_000, interruptAfterTimeLimit: FUZZ_MS },
    );
  }, 60_000);
});
