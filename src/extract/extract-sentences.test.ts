import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createExtractContext } from './create-extract-context.js';
import { checkCase, type SentenceCase } from './sentence-cases.js';
import { processArticle } from '../pipeline/process-article.js';
import type { RawArticle } from '../model/article.js';

const file = new URL('../../test/eval/sentences.json', import.meta.url);
const cases = (JSON.parse(readFileSync(file, 'utf8')) as { cases: SentenceCase[] }).cases;
const ctx = createExtractContext();

function raw(c: SentenceCase): RawArticle {
  return {
    id: c.id, source: c.id, format: 'json', title: null, text: c.text, html: null, url: null,
    outlet: 'Test Wire', published: c.published, publishedSource: 'metadata', language: null, diagnostics: [],
  };
}

describe('own test sentences (test/eval/sentences.json)', () => {
  it('has at least 30 cases, negatives among them', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    expect(cases.filter((c) => c.expect.length === 0).length).toBeGreaterThanOrEqual(8);
  });
  for (const c of cases) {
    it(`${c.id}: ${c.text.slice(0, 70)}`, () => {
      const result = processArticle(raw(c), ctx);
      expect(checkCase(result.events, c)).toEqual([]);
      for (const e of result.events) {
        for (const span of [...e.evidence, ...Object.values(e.field_spans)]) {
          expect(result.article.text.slice(span.start, span.end)).toBe(span.text);
        }
      }
    });
  }
});
