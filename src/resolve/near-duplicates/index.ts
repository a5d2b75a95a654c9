/**
 * Near-duplicate articles: MinHash (128 functions over 5-word shingles) and LSH banding (32 × 4).
 * @module
 */
export { SHINGLE_SIZE, normalizeForShingles, shingleHashes } from './shingle-text.js';
export { MINHASH_SIZE, EMPTY_SLOT, minhashSignature, minhashFromShingles, isEmptySignature } from './minhash-signature.js';
export { estimateJaccard } from './estimate-jaccard.js';
export { exactJaccard } from './exact-jaccard.js';
export { LSH_BANDS, LSH_ROWS, lshBandKeys } from './lsh-band-keys.js';
export { NEAR_DUPLICATE_THRESHOLD, isNearDuplicate } from './is-near-duplicate.js';
