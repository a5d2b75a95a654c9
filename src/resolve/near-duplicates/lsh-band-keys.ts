import { MINHASH_SIZE, isEmptySignature } from './minhash-signature.js';
import { fmix32 } from './shingle-text.js';

/** LSH bands per signature (stack-notes §5: 32 bands × 4 rows). */
export const LSH_BANDS = 32;
/** Signature positions per band. */
export const LSH_ROWS = MINHASH_SIZE / LSH_BANDS;

const hex8 = (n: number): string => n.toString(16).padStart(8, '0');

/**
 * Locality-sensitive band keys of a signature: one string per band, `bNN:` plus 16 hex digits
 * (two independent 32-bit hashes of the band's 4 values). Two articles share at least one key
 * with probability 1 − (1 − J⁴)³² for Jaccard J: 0.23 at 0.3, 0.87 at 0.5, 0.99 at 0.6, so a
 * store that indexes these keys finds nearly every copy at the {@link isNearDuplicate}
 * threshold and few unrelated articles; confirm candidates with {@link estimateJaccard}.
 * An empty text gets no keys. The keys are stable across versions (fixed seeds).
 */
export function lshBandKeys(sig: Uint32Array): string[] {
  if (sig.length !== MINHASH_SIZE) throw new RangeError(`lshBandKeys: expected ${MINHASH_SIZE} values, got ${sig.length}`);
  if (isEmptySignature(sig)) return [];
  const keys: string[] = [];
  for (let band = 0; band < LSH_BANDS; band++) {
    let h1 = 0x2545f491 ^ band;
    let h2 = 0x6a09e667 ^ Math.imul(band, 0x9e3779b1);
    for (let r = 0; r < LSH_ROWS; r++) {
      const v = sig[band * LSH_ROWS + r] as number;
      h1 = fmix32(Math.imul(h1 ^ v, 0x01000193));
      h2 = fmix32((h2 + Math.imul(v, 0xcc9e2d51)) >>> 0);
    }
    keys.push(`b${band.toString().padStart(2, '0')}:${hex8(h1)}${hex8(h2)}`);
  }
  return keys;
}
