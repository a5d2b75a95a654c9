import { isEmptySignature } from './minhash-signature.js';

/**
 * Estimates the Jaccard similarity of the two shingle sets behind two MinHash signatures: the
 * share of positions where they agree (standard error ≈ √(J(1−J)/128) ≤ 0.044). Signatures of
 * different lengths are a programming error and throw; an empty text's signature agrees with
 * nothing (0).
 */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length) throw new RangeError(`estimateJaccard: signature lengths differ (${a.length} vs ${b.length})`);
  if (a.length === 0 || isEmptySignature(a) || isEmptySignature(b)) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}
