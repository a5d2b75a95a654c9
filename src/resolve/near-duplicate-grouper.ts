/**
 * Finds which of a set of stored articles are copies of one text (syndicated, ads inserted, a
 * paragraph added or dropped, another headline) with MinHash signatures of their cleaned bodies.
 * Signatures are cached per article and content hash, so each text is hashed once per process.
 */
import { isNearDuplicate, minhashSignature } from './near-duplicates/index.js';
import type { SourceGrouper } from './source-groups.js';
import type { Store } from '../store/store.js';

const MAX_CACHE = 20_000;
/** Pair verdicts kept (see `nearDuplicate`); all are dropped when there are more. */
const MAX_VERDICTS = 300_000;

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
  /**
   * Pair verdicts already computed, by the two signatures (a new text of an article has a new
   * signature, so a verdict is never stale). An event with n reports is regrouped each time one
   * joins: with the verdicts kept, only the new article's n pairs are compared.
   */
  let verdicts = new WeakMap<Uint32Array, Map<Uint32Array, boolean>>();
  let verdictCount = 0;
  const nearDuplicate = (a: Uint32Array, b: Uint32Array): boolean => {
    let row = verdicts.get(a);
    const known = row?.get(b);
    if (known !== undefined) return known;
    const verdict = isNearDuplicate(a, b);
    if (verdictCount >= MAX_VERDICTS) {
      verdicts = new WeakMap();
      verdictCount = 0;
      row = undefined;
    }
    if (!row) verdicts.set(a, (row = new Map()));
    row.set(b, verdict);
    verdictCount++;
    return verdict;
  };
  return {
    async duplicatePairs(store, groups, known) {
      const sigs = await signatures(store, [...new Set(groups.flat())].sort(), known);
      return groups.map((group) => {
        const ids = [...new Set(group)].sort();
        // Pairs within one component already (through earlier pairs) are not compared: source
        // grouping reads only the components, so the answer is the same, and a feed of thousands
        // of copies of one text costs one comparison per copy, not one per pair.
        // Components so far (by root, with the articles in them): each article is compared with
        // the members of every other component until one is a copy of it; a feed of thousands of
        // copies of one text costs one comparison per copy, not one per pair.
        const parent = ids.map((_, i) => i);
        const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x]!)));
        const members = new Map<number, number[]>();
        const pairs: [string, string][] = [];
        for (let i = 0; i < ids.length; i++) {
          const b = sigs.get(ids[i]!);
          if (!b) continue;
          members.set(i, [i]);
          for (const root of [...members.keys()]) {
            const list = members.get(root);
            const own = find(i);
            if (list === undefined || root === own) continue;
            const j = list.find((m) => nearDuplicate(sigs.get(ids[m]!)!, b));
            if (j === undefined) continue;
            pairs.push([ids[j]!, ids[i]!]);
            const ownList = members.get(own)!;
            const [big, small] = list.length >= ownList.length ? [root, own] : [own, root];
            parent[small] = big;
            const into = members.get(big)!;
            for (const m of members.get(small)!) into.push(m);
            members.delete(small);
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
