import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateJaccard } from './estimate-jaccard.js';
import { exactJaccard } from './exact-jaccard.js';
import { isNearDuplicate, NEAR_DUPLICATE_THRESHOLD } from './is-near-duplicate.js';
import { LSH_BANDS, lshBandKeys } from './lsh-band-keys.js';
import { MINHASH_SIZE, minhashSignature } from './minhash-signature.js';
import { normalizeForShingles, shingleHashes, wordsOf } from './shingle-text.js';

const fixture = (name: string): string =>
  readFileSync(fileURLToPath(new URL(`../../../test/fixtures/near-dup/${name}`, import.meta.url)), 'utf8');
const articleA = fixture('article-a.txt');
const articleB = fixture('article-b.txt');

const paragraphs = (text: string): string[] => text.split(/\n+/).filter((p) => p.trim() !== '');
const AD = 'Advertisement: order the new Velmora Gazette app today and never miss a headline again.';

function withAds(text: string, every: number): string {
  const out: string[] = [];
  paragraphs(text).forEach((p, i) => {
    out.push(p);
    if (i % every === every - 1) out.push(i % 2 === 0 ? '[ad_1]' : AD);
  });
  return out.join('\n\n');
}

const similarity = (a: string, b: string): number => estimateJaccard(minhashSignature(a), minhashSignature(b));
const exact = (a: string, b: string): number => exactJaccard(shingleHashes(a), shingleHashes(b));

describe('normalizeForShingles', () => {
  it('lower-cases, strips punctuation and ad markers, drops ad lines, joins apostrophes and thousands', () => {
    const out = normalizeForShingles("[ad_1]\nThe Army's 2,783 soldiers, it said.\n\nAdvertisement\nREAD MORE:");
    expect(out).toEqual([['the', 'armys', '2783', 'soldiers', 'it', 'said']]);
  });

  it('keeps paragraphs apart', () => {
    expect(normalizeForShingles('one two\n\nthree four')).toEqual([['one', 'two'], ['three', 'four']]);
  });
});

describe('wordsOf', () => {
  const byRegex = (line: string): string[] => line.match(/[\p{L}\p{N}]+/gu) ?? [];
  it('finds the runs of letters and digits the Unicode regular expression finds', () => {
    for (const line of [
      '',
      'ağdam – şuşa 2020’s 1,500 troops',
      'ереван երևան ქუთაისი ١٢٣ 𝐁𝐨𝐥𝐝 x😀y',
      'a\u0301b naïve',
      'lone \ud800 high, lone \udc00 low, pair 𝟘𝟙',
    ]) {
      expect(wordsOf(line), line).toEqual(byRegex(line));
    }
  });
  it('agrees with it on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (line) => {
        expect(wordsOf(line)).toEqual(byRegex(line));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('shingleHashes / exactJaccard', () => {
  it('gives a sorted unique set and exact Jaccard 1 for identical texts', () => {
    const s = shingleHashes(articleA);
    expect(s.length).toBeGreaterThan(100);
    for (let i = 1; i < s.length; i++) expect(s[i]! > s[i - 1]!).toBe(true);
    expect(exact(articleA, articleA)).toBe(1);
  });

  it('is blind to paragraph order and to inserted ads (shingles stay inside paragraphs)', () => {
    const shuffled = [...paragraphs(articleA)].reverse().join('\n\n');
    expect(exact(articleA, shuffled)).toBe(1);
    expect(exact(articleA, withAds(articleA, 2))).toBeGreaterThan(0.9);
  });

  it('gives a tiny text one shingle per paragraph, and an empty text none', () => {
    expect(shingleHashes('Shelling reported').length).toBe(1);
    expect(shingleHashes('  ...  ').length).toBe(0);
    expect(exactJaccard(new Uint32Array(), new Uint32Array())).toBe(0);
  });
});

describe('minhashSignature / estimateJaccard', () => {
  it('returns 128 values, deterministically', () => {
    const a = minhashSignature(articleA);
    expect(a).toBeInstanceOf(Uint32Array);
    expect(a.length).toBe(MINHASH_SIZE);
    expect(minhashSignature(articleA)).toEqual(a);
    expect(estimateJaccard(a, a)).toBe(1);
  });

  it('ignores ads, a changed headline and shuffled paragraphs', () => {
    const copy = ['Velmora: attack repelled, says militia', ...paragraphs(withAds(articleA, 3)).slice(1).reverse()].join('\n\n');
    expect(similarity(articleA, copy)).toBeGreaterThan(0.85);
    expect(isNearDuplicate(minhashSignature(articleA), minhashSignature(copy))).toBe(true);
  });

  it('keeps a copy with one paragraph dropped and one added a near duplicate', () => {
    const ps = paragraphs(articleA);
    const edited = [...ps.slice(0, 4), ...ps.slice(5), 'Update: the defence office later said that the ford was again under its control and that two soldiers were wounded.'].join('\n\n');
    expect(similarity(articleA, edited)).toBeGreaterThan(0.7);
  });

  it('does not take another article on the same event for a copy', () => {
    expect(exact(articleA, articleB)).toBeLessThan(0.05);
    expect(similarity(articleA, articleB)).toBeLessThan(0.1);
    expect(isNearDuplicate(minhashSignature(articleA), minhashSignature(articleB))).toBe(false);
  });

  it('estimates the exact Jaccard within 0.2 for random edits', () => {
    const words = articleA.split(/\s+/).filter(Boolean);
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 40 }), fc.integer({ min: 0, max: 1000 }), (every, seed) => {
        const edited = words.map((w, i) => ((i + seed) % every === 0 ? `x${seed}y${i}` : w)).join(' ');
        const original = words.join(' ');
        expect(Math.abs(similarity(original, edited) - exact(original, edited))).toBeLessThan(0.2);
      }),
      { numRuns: 40 },
    );
  });

  it('gives 0 for empty texts and throws on mismatched signatures', () => {
    const empty = minhashSignature('');
    expect(estimateJaccard(empty, empty)).toBe(0);
    expect(isNearDuplicate(empty, empty)).toBe(false);
    expect(() => estimateJaccard(empty, new Uint32Array(64))).toThrow(RangeError);
  });

  it('has a threshold between copies and distinct articles', () => {
    expect(NEAR_DUPLICATE_THRESHOLD).toBeGreaterThan(0.3);
    expect(NEAR_DUPLICATE_THRESHOLD).toBeLessThan(0.7);
  });
});

describe('lshBandKeys', () => {
  it('gives 32 distinct stable keys per signature', () => {
    const keys = lshBandKeys(minhashSignature(articleA));
    expect(keys).toHaveLength(LSH_BANDS);
    expect(new Set(keys).size).toBe(LSH_BANDS);
    expect(keys[0]).toMatch(/^b00:[0-9a-f]{16}$/);
    expect(lshBandKeys(minhashSignature(articleA))).toEqual(keys);
  });

  it('makes copies share keys and different articles share none', () => {
    const a = new Set(lshBandKeys(minhashSignature(articleA)));
    const copy = lshBandKeys(minhashSignature(withAds(articleA, 2)));
    const other = lshBandKeys(minhashSignature(articleB));
    expect(copy.filter((k) => a.has(k)).length).toBeGreaterThan(8);
    expect(other.filter((k) => a.has(k))).toEqual([]);
  });

  it('gives no keys for an empty text and rejects a wrong-length signature', () => {
    expect(lshBandKeys(minhashSignature(''))).toEqual([]);
    expect(() => lshBandKeys(new Uint32Array(10))).toThrow(RangeError);
  });
});

const seedDir = fileURLToPath(new URL('../../../../shared/corpus/seeds/', import.meta.url));
describe.skipIf(!existsSync(seedDir))('seed articles (read from ../shared at test time)', () => {
  const seeds = existsSync(seedDir)
    ? readdirSync(seedDir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(seedDir + f, 'utf8'))
    : [];

  it('tells every pair of distinct seeds apart, 000 vs 001 (same event) included', () => {
    const sigs = seeds.map(minhashSignature);
    for (let i = 0; i < sigs.length; i++)
      for (let j = i + 1; j < sigs.length; j++) expect(isNearDuplicate(sigs[i]!, sigs[j]!)).toBe(false);
  });

  it('finds a shuffled, ad-filled copy of each seed', () => {
    for (const seed of seeds) {
      const ps = paragraphs(seed);
      const copy = ['A different headline for this copy', ...withAds(ps.slice(1).reverse().join('\n'), 2).split('\n')].join('\n');
      expect(isNearDuplicate(minhashSignature(seed), minhashSignature(copy))).toBe(true);
    }
  });
});
