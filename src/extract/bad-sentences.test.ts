import { describe, expect, it } from 'vitest';
import { createExtractContext } from './create-extract-context.js';
import { processArticle } from '../pipeline/process-article.js';
import type { RawArticle } from '../model/article.js';

const ctx = createExtractContext();
const raw = (middle: string): RawArticle => ({
  id: 'bad', source: 'bad.json', format: 'json', title: null,
  text: `Armenian forces shelled Terter on Monday, the ministry said.\n\n${middle}\n\nAzerbaijani drones struck Stepanakert on Tuesday, officials said.`,
  html: null, url: null, outlet: 'Test Wire', published: '2020-10-07', publishedSource: 'metadata', language: null, diagnostics: [],
});

describe('sentences the clause analysis cannot handle', () => {
  for (const [name, middle] of [
    ['10,000 tokens', Array.from({ length: 10_000 }, (_, i) => `word${i % 50}`).join(' ')],
    ['500 commas', `Azerbaijani forces shelled Martuni${', and'.repeat(500)} on Tuesday.`],
  ] as const) {
    it(`${name}: a diagnostic, and the rest of the article is still read`, () => {
      const r = processArticle(raw(middle), ctx);
      // Over 1,500 characters the sentence is read in pieces (clean/cap-sentences.ts); shorter, by word order.
      expect(r.diagnostics.map((d) => d.code)).toContainEqual(expect.stringMatching(/^(?:extract\/sentence-not-analysed|clean\/long-sentence-split)$/));
      const places = r.events.map((e) => e.location?.source_text);
      expect(places).toContain('Terter');
      expect(places).toContain('Stepanakert');
    });
  }
  it('no letters at all: no events from it, the rest still read', () => {
    const r = processArticle(raw('1234 5678 !!! ??? '.repeat(2000)), ctx);
    expect(r.events.map((e) => e.location?.source_text).sort()).toEqual(['Stepanakert', 'Terter']);
  });
});
