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
   * The signatures of `ids` (null for an article not stored): the content hashes in one query,
   * then, one at a time (a transaction's connection runs one query at a time), the texts of the
   * articles not yet hashed.
   */
  async function signatures(store: Store, ids: readonly string[]): Promise<(Uint32Array | null)[]> {
    const hashes = new Map((await store.getArticleSummaries(ids)).map((a) => [a.id, a.content_hash]));
    const out: (Uint32Array | null)[] = [];
    for (const id of ids) {
      const hash = hashes.get(id);
      if (hash === undefined) {
        out.push(null);
        continue;
      }
      const key = `${id}\u0000${hash}`;
      let sig = cache.get(key) ?? null;
      if (sig === null) {
        const article = await store.getArticle(id);
        if (article !== null) {
          sig = bodySignature(article.extraction.article.text);
          keep(key, sig);
        }
      }
      out.push(sig);
    }
    return out;
  }
  return {
    async duplicatePairs(store, articleIds) {
      const ids = [...new Set(articleIds)].sort();
      const sigs = await signatures(store, ids);
      const pairs: [string, string][] = [];
      for (let i = 0; i < ids.length; i++) {
        for (let j = i + 1; j < ids.length; j++) {
          const a = sigs[i];
          const b = sigs[j];
          if (a && b && isNearDuplicate(a, b)) pairs.push([ids[i]!, ids[j]!]);
        }
      }
      return pairs;
    },
    remember(articleId, contentHash, signature) {
      keep(`${articleId}\u0000${contentHash}`, signature);
    },
  };
}
