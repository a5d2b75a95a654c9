/**
 * Texts that use the words of war for something else (#14: "a football report naming Qarabag
 * yields nothing"): no event, whatever the theatre packs its names open.
 */
import { describe, expect, it } from 'vitest';
import { createExtractContext } from './create-extract-context.js';
import { processArticle } from '../pipeline/process-article.js';

const ctx = createExtractContext();
const events = (title: string, body: string, published: string) =>
  processArticle({
    id: 'n1', source: 'n1', format: 'json', title, text: `${title}\n\n${body}`, html: null, url: null,
    outlet: 'Test Wire', published, publishedSource: 'metadata', language: null, diagnostics: [],
  }, ctx).events.filter((e) => !e.background);

describe('words of war used for sport', () => {
  it('a football report naming Qarabag and Baku yields no event', () => {
    const got = events(
      'Qarabag beat Ferencvaros to reach the last 16',
      'Qarabag FK came from behind to beat Ferencvaros 3-1 in Baku on Thursday and reach the last 16 of the Europa League. '
        + 'The Azerbaijani champions attacked from the first whistle, and their striker shot past the goalkeeper twice in the second half. '
        + "The visitors' defence collapsed under the pressure, and the Hungarian side's coach said his team had been destroyed by a better opponent.",
      '2024-03-15',
    );
    expect(got).toEqual([]);
  });
});
