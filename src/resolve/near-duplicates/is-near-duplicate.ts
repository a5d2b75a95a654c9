import { estimateJaccard } from './estimate-jaccard.js';

/**
 * Estimated Jaccard similarity (5-word shingles) from which two articles count as near
 * duplicates. Measured by `scripts/eval-near-duplicates.mjs` on copies of the five seeds: ads
 * inserted, paragraphs shuffled, one dropped, one added, headline changed and combinations all
 * score ≥ 0.70 (median 0.84–1.00); copies with every 20th word replaced 0.50–0.70; different
 * articles, even two reports of the same event (seeds 000 and 001), ≤ 0.01. 0.5 sits in that
 * gap where the 32×4 LSH banding still finds 87% of pairs (99% at 0.6).
 */
export const NEAR_DUPLICATE_THRESHOLD = 0.5;

/**
 * True when two MinHash signatures ({@link minhashSignature}) estimate a Jaccard similarity of at
 * least `threshold` (default {@link NEAR_DUPLICATE_THRESHOLD}): a syndicated or lightly edited
 * copy of one article, not an independent report. Symmetric; false for empty texts.
 */
export function isNearDuplicate(a: Uint32Array, b: Uint32Array, threshold: number = NEAR_DUPLICATE_THRESHOLD): boolean {
  return estimateJaccard(a, b) >= threshold;
}
