import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeExtraction } from '../store/testing/extraction-fixtures.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import type { Store } from '../store/store.js';
import { bodySignature, createNearDuplicateGrouper } from './near-duplicate-grouper.js';

// Written for this test: one wire story, a copy with an inserted line and another headline, and an unrelated text.
const WIRE = [
  'Shelling reported near Fakeville',
  '',
  'Artillery fire hit the outskirts of Fakeville on Monday morning, the regional administration said in a statement.',
  'Two houses were damaged and a farm building burned down; no casualties were reported by local officials.',
  'The defence ministry of Northland blamed forces of Southland for the attack and said it had returned fire.',
  'Southland denied the accusation and said its positions had come under fire first near the village of Testgrad.',
].join('\n');
const COPY = WIRE.replace('Shelling reported near Fakeville', 'Fakeville shelled, officials say').replace('Two houses', 'Subscribe to our newsletter for more news.\nTwo houses');
const OTHER = 'Talks resume\n\nDelegations of both sides met in Lakeside on Tuesday to discuss the exchange of prisoners and the return of bodies, mediators said.';

/** Counts the store's article reads. */
function counting(store: Store): { store: Store; reads: string[][] } {
  const reads: string[][] = [];
  const wrapped = new Proxy(store, {
    get(target, key, receiver) {
      if (key === 'getArticleTexts' || key === 'getArticleSummaries') {
        return (ids: readonly string[]) => {
          reads.push([String(key), ...ids]);
          return (target[key] as (ids: readonly string[]) => Promise<unknown>).call(target, ids);
        };
      }
      const value = Reflect.get(target, key, receiver) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { store: wrapped, reads };
}

describe('near-duplicate grouper', () => {
  let store: SqliteStore;
  beforeEach(async () => {
    store = await SqliteStore.open(':memory:');
    await store.migrate();
    for (const [id, text] of [['wire', WIRE], ['copy', COPY], ['other', OTHER]] as const) {
      await store.saveExtraction(makeExtraction(id, { text, events: [] }), { contentHash: `h-${id}` });
    }
  });
  afterEach(async () => {
    await store.close();
  });

  it('finds the pairs of every group, reading hashes and texts once for all groups', async () => {
    const grouper = createNearDuplicateGrouper();
    const c = counting(store);
    const pairs = await grouper.duplicatePairs(c.store, [['other', 'copy', 'wire'], ['other', 'wire'], ['missing', 'wire']]);
    expect(pairs).toEqual([[['copy', 'wire']], [], []]);
    expect(c.reads).toEqual([
      ['getArticleSummaries', 'copy', 'missing', 'other', 'wire'],
      ['getArticleTexts', 'copy', 'other', 'wire'],
    ]);
    // Signatures are kept per content hash: asked again, with the hashes known, nothing is read.
    c.reads.length = 0;
    const known = new Map([['wire', 'h-wire'], ['copy', 'h-copy']]);
    expect(await grouper.duplicatePairs(c.store, [['wire', 'copy']], known)).toEqual([[['copy', 'wire']]]);
    expect(c.reads).toEqual([]);
  });

  it('uses a remembered signature instead of reading the text, and rereads a changed article', async () => {
    const grouper = createNearDuplicateGrouper();
    grouper.remember?.('wire', 'h-wire', bodySignature(WIRE));
    const c = counting(store);
    const known = new Map([['wire', 'h-wire'], ['copy', 'h-copy']]);
    expect(await grouper.duplicatePairs(c.store, [['wire', 'copy']], known)).toEqual([[['copy', 'wire']]]);
    expect(c.reads).toEqual([['getArticleTexts', 'copy']]);
    // The copy rewritten into another story: its new hash is not in the cache, so its new text is read.
    await store.saveExtraction(makeExtraction('copy', { text: OTHER, events: [] }), { contentHash: 'h-copy-2' });
    c.reads.length = 0;
    expect(await grouper.duplicatePairs(c.store, [['wire', 'copy']])).toEqual([[]]);
    expect(c.reads).toEqual([['getArticleSummaries', 'copy', 'wire'], ['getArticleTexts', 'copy']]);
  });
});
