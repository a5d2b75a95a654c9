/**
 * Finds which of a set of stored articles are copies of one text (syndicated, ads inserted, a
 * paragraph added or dropped, another headline) with MinHash signatures of their cleaned bodies.
 * Signatures are cached per article and content hash, so each text is hashed once per process.
 */
import { isNearDuplicate, minhashSignature } from './near-duplicates/index.js';
import type { SourceGrouper } from './source-groups.js';
import type { Store } from '../store/store.js';

const MAX_CACHE = 20_000;

/**
 * The signature two stored articles are compared by: that of the body without its title line
 * (a changed headline must not hide a copy).
 */
export function bodySignature(text: string): Uint32Array {
  return minhashSignature(text.includes('\n\n') ? text.slice(text.indexOf('\n\n') + 2) : text);
}

export function createNearDuplicateGrouper(): SourceGrouper {
  const cache = new Map<string, Uint32Array>();
  const keep = (key: string, sig: Uint32Array): void => {
    if (cache.size >= MAX_CACHE) cache.clear();
    cache.set(key, sig);
  };
  /**
   * The signatures of `ids` (absent: an article not stored): content hashes not given in
   * `known` in one query, then the texts of every article not yet hashed in one more.
   */
  async function signatures(store: Store, ids: readonly string[], known?: ReadonlyMap<string, string>): Promise<Map<string, Uint32Array>> {
    const hashes = new Map<string, string>();
    const unknown: string[] = [];
    for (const id of ids) {
      const hash = known?.get(id);
      if (hash === undefined) unknown.push(id);
      else hashes.set(id, hash);
    }
    if (unknown.length) for (const a of await store.getArticleSummaries(unknown)) hashes.set(a.id, a.content_hash);
    const out = new Map<string, Uint32Array>();
    const missing: string[] = [];
    for (const [id, hash] of hashes) {
      const sig = cache.get(`${id}\u0000${hash}`);
      if (sig === undefined) missing.push(id);
      else out.set(id, sig);
    }
    if (missing.length) {
      for (const a of await store.getArticleTexts(missing)) {
        const sig = bodySignature(a.text);
        keep(`${a.id}\u0000${a.content_hash}`, sig);
        out.set(a.id, sig);
      }
    }
    return out;
  }
  return {
    async duplicatePairs(store, groups, known) {
      const sigs = await signatures(store, [...new Set(groups.flat())].sort(), known);
      return groups.map((group) => {
        const ids = [...new Set(group)].sort();
        const pairs: [string, string][] = [];
        for (let i = 0; i < ids.length; i++) {
          for (let j = i + 1; j < ids.length; j++) {
            const a = sigs.get(ids[i]!);
            const b = sigs.get(ids[j]!);
            if (a && b && isNearDuplicate(a, b)) pairs.push([ids[i]!, ids[j]!]);
          }
        }
        return pairs;
      });
    },
    remember(articleId, contentHash, signature) {
      keep(`${articleId}\u0000${contentHash}`, signature);
    },
  };
}
