/**
 * Extraction on articles of the development corpus (read from ../shared at test time, never
 * copied here): fields that the clause analysis, the casualty grammar and the unlisted places get
 * right, each checked on the article that showed the error.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createExtractContext } from './create-extract-context.js';
import { processArticle } from '../pipeline/process-article.js';
import type { RawArticle } from '../model/article.js';
import type { ArticleEvent } from '../model/event.js';

const ctx = createExtractContext();
const rows = new Map<string, { id: string; title?: string; text: string; outlet?: string; published?: string }>();
for (const group of ['karabakh', 'other']) {
  const file = new URL(`../../../shared/corpus/dev/input-${group}.jsonl`, import.meta.url);
  for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
    const o = JSON.parse(line);
    rows.set(o.id, o);
  }
}
const eventsOf = (id: string): readonly ArticleEvent[] => {
  const o = rows.get(id)!;
  const raw: RawArticle = {
    id: o.id, source: o.id, format: 'jsonl', title: o.title ?? null, text: o.text, html: null, url: null,
    outlet: o.outlet ?? null, published: o.published ?? null, publishedSource: o.published ? 'metadata' : null, language: null, diagnostics: [],
  };
  return processArticle(raw, ctx).events;
};
const sides = (e: ArticleEvent | undefined) => [...new Set(e?.claims.map((c) => c.claimant?.side ?? null))].sort();

describe('extraction on the development corpus', () => {
  it('gives the paragraphs after "The ministry said:" to that ministry, and each side its own version (d009)', () => {
    const [clash] = eventsOf('d009');
    expect(sides(clash)).toEqual(['ARM', 'AZE']);
  });
  it('makes the group that claimed a car bombing its perpetrator (d136)', () => {
    const bombing = eventsOf('d136').find((e) => e.event_type === 'Explosions/Remote violence');
    expect(bombing?.actor1?.side).toBe('SHABAAB');
  });
  it('places an attack on army barracks no gazetteer lists at the barracks (d112)', () => {
    const names = eventsOf('d112').map((e) => e.location?.name);
    expect(names).toContain('Ramim');
  });
  it('places an event whose sentence names no place where the headline and lede are (d165)', () => {
    const capture = eventsOf('d165').find((e) => e.sub_event_type === 'Non-state actor overtakes territory');
    expect(capture?.location?.name).toBe('Buthidaung');
    expect(capture?.rules).toContain('location/article-focus');
  });
});
