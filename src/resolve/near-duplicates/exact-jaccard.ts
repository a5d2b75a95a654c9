/**
 * Exact Jaccard similarity of two sorted, duplicate-free hash sets (as {@link shingleHashes}
 * returns them): |A ∩ B| / |A ∪ B|, by one merge pass. Two empty sets give 0, not 1: an empty
 * text is nobody's copy. Used to check MinHash estimates and in the evaluation script.
 */
export function exactJaccard(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  const union = a.length + b.length - shared;
  return union === 0 ? 0 : shared / union;
}
