import { shingleHashes } from './shingle-text.js';

/** Number of hash functions in a signature (stack-notes §5). */
export const MINHASH_SIZE = 128;

/** Sentinel value at every position of the signature of a text without shingles. */
export const EMPTY_SLOT = 0xffffffff;

/**
 * Per-function seeds, fixed forever: signatures are stored, so changing them would orphan
 * every stored band key. Drawn from splitmix32 started at a constant.
 */
const SEEDS: Uint32Array = (() => {
  const seeds = new Uint32Array(MINHASH_SIZE);
  let state = 0x5171e9;
  for (let i = 0; i < MINHASH_SIZE; i++) {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    seeds[i] = (z ^ (z >>> 15)) >>> 0;
  }
  return seeds;
})();

/**
 * The MinHash signature of a set of shingle hashes: for each of {@link MINHASH_SIZE} functions
 * `h_i(x) = fmix32(x XOR seed_i)` (a bijection on 32-bit integers, so a true random-looking
 * permutation; murmur3's finaliser, inlined here for speed), the minimum over the set. All arithmetic is exact 32-bit (`Math.imul`, `>>>`).
 * An empty set gives a signature of {@link EMPTY_SLOT}s.
 */
export function minhashFromShingles(shingles: Uint32Array): Uint32Array {
  const sig = new Uint32Array(MINHASH_SIZE);
  const n = shingles.length;
  // One function at a time over all shingles: its running minimum stays in a local variable.
  for (let i = 0; i < MINHASH_SIZE; i++) {
    const seed = SEEDS[i] as number;
    let min = EMPTY_SLOT;
    for (let s = 0; s < n; s++) {
      let h = ((shingles[s] as number) ^ seed) >>> 0;
      h ^= h >>> 16;
      h = Math.imul(h, 0x85ebca6b);
      h ^= h >>> 13;
      h = Math.imul(h, 0xc2b2ae35);
      h = (h ^ (h >>> 16)) >>> 0;
      if (h < min) min = h;
    }
    sig[i] = min;
  }
  return sig;
}

/**
 * The MinHash signature of an article's text: normalised (lower case, punctuation and ad
 * markers such as `[ad_1]` removed), cut into 5-word shingles within paragraphs, then
 * {@link minhashFromShingles}. Two signatures estimate the Jaccard similarity of the two
 * shingle sets ({@link estimateJaccard}); {@link lshBandKeys} turns one into index keys.
 *
 * @example
 * const a = minhashSignature(articleA.text);
 * const b = minhashSignature(articleB.text);
 * isNearDuplicate(a, b); // true for a syndicated copy with ads inserted
 */
export function minhashSignature(text: string): Uint32Array {
  return minhashFromShingles(shingleHashes(text));
}

/** True for the signature of a text without any shingle (nothing to compare). */
export function isEmptySignature(sig: Uint32Array): boolean {
  for (let i = 0; i < sig.length; i++) if (sig[i] !== EMPTY_SLOT) return false;
  return true;
}
