import { describe, expect, it } from 'vitest';
import { openStore } from './open-store.js';
import { SqliteStore } from './sqlite/sqlite-store.js';
import { JsonParseCache, deepFreeze } from './json-parse-cache.js';
import { makeEvent, makeExtraction } from './testing/extraction-fixtures.js';
import type { MergedEvent } from './records.js';

const long = (n: number): string => JSON.stringify({ n, filler: 'x'.repeat(300), nested: { list: [1, { deep: true }] } });

describe('JsonParseCache', () => {
  it('parses a text once while it is kept, and a different text anew', () => {
    const cache = new JsonParseCache(10_000);
    const a = cache.parse<{ n: number }>(long(1));
    const again = cache.parse<{ n: number }>(long(1));
    expect(again).toBe(a);
    expect(cache.parse<{ n: number }>(long(2)).n).toBe(2);
    expect([cache.hits, cache.misses]).toEqual([1, 2]);
  });

  it('drops the least recently used texts past its size, never the one just parsed', () => {
    const one = long(1).length;
    const cache = new JsonParseCache(one * 2);
    const first = cache.parse(long(1));
    cache.parse(long(2));
    cache.parse(long(1)); // 1 is now the most recent
    cache.parse(long(3)); // evicts 2
    expect(cache.size).toBe(2);
    expect(cache.parse(long(1))).toBe(first);
    cache.parse(long(2));
    expect(cache.misses).toBe(4);
  });

  it('hands out deeply frozen values, so no reader can change another reader\'s copy', () => {
    const cache = new JsonParseCache(10_000);
    const value = cache.parse<{ nested: { list: [number, { deep: boolean }] } }>(long(1));
    expect(() => {
      (value.nested.list[1] as { deep: boolean }).deep = false;
    }).toThrow(TypeError);
    expect(Object.isFrozen(cache.parse<object>('{"short":[1]}'))).toBe(true);
    expect(deepFreeze(null)).toBeNull();
  });
});

describe('SqliteStore reads through the parse cache', () => {
  it('returns equal events on repeated reads, and the new version after a rewrite', async () => {
    const store = await openStore(':memory:');
    if (!(store instanceof SqliteStore)) throw new Error('expected the SQLite store');
    await store.saveExtraction(makeExtraction('a1'), { contentHash: 'h1' });
    const merged = (fatalities: number): MergedEvent => ({
      ...makeEvent('m1', { fatalities }),
      id: 'm1',
      story_id: null,
      reports: [{ article_id: 'a1', event_id: 'e1' }],
      sources: 1,
      contradictions: [],
    });
    await store.replaceMergedEvents([], [merged(1)]);
    const first = await store.getEvent('m1');
    const second = await store.getEvent('m1');
    expect(second).toEqual(first);
    expect(first?.fatalities).toBe(1);
    expect(store.parsed.hits).toBeGreaterThan(0);
    const records = await store.listArticleEvents({ articleId: 'a1', includeBackground: true });
    expect(await store.listArticleEvents({ articleId: 'a1', includeBackground: true })).toEqual(records);
    await store.replaceMergedEvents(['m1'], [merged(5)]);
    expect((await store.listEvents({ includeBackground: true })).map((e) => e.fatalities)).toEqual([5]);
    await store.close();
  });
});
