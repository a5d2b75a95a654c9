/**
 * Which articles count as one source: articles of one outlet, and copies of one text
 * (syndicated or lightly edited near-duplicates) whatever outlet they carry. Union-find over
 * those links; the key of a group is its smallest article id, so it does not depend on order.
 */
import type { Store } from '../store/store.js';

/** What source grouping reads of an article. */
export interface SourceArticle {
  readonly id: string;
  readonly outlet: string | null;
}

/** Finds the near-duplicate pairs within groups of articles. */
export interface SourceGrouper {
  /**
   * Near-duplicate pairs of each group of article ids (index i: the pairs of `groups[i]`): enough
   * pairs to connect every near-duplicate in the group (a pair within a component already
   * connected may be left out; grouping reads only the components),
   * read together: a resolver with many clusters costs one round of store reads, not one per
   * cluster. `hashes`: content hashes the caller already read (article id → hash), not read again.
   */
  duplicatePairs(store: Store, groups: readonly (readonly string[])[], hashes?: ReadonlyMap<string, string>): Promise<(readonly (readonly [string, string])[])[]>;
  /** Optional: the body signature of an article (under its content hash), computed elsewhere. */
  remember?(articleId: string, contentHash: string, signature: Uint32Array): void;
}

/**
 * The source key of every article of each group (index i: the keys of `groups[i]`): articles of
 * one outlet, and near-duplicates whatever their outlet, share the smallest article id among them.
 */
export async function groupSources(
  store: Store,
  groups: readonly (readonly SourceArticle[])[],
  grouper?: SourceGrouper,
  hashes?: ReadonlyMap<string, string>,
): Promise<Map<string, string>[]> {
  const multi = groups.map((g, i) => ({ g, i })).filter(({ g }) => g.length > 1);
  const pairs = grouper && multi.length ? await grouper.duplicatePairs(store, multi.map(({ g }) => g.map((a) => a.id)), hashes) : [];
  const pairsOf = new Map(multi.map(({ i }, k) => [i, pairs[k] ?? []]));
  return groups.map((articles, i) => keysOf(articles, pairsOf.get(i) ?? []));
}

function keysOf(articles: readonly SourceArticle[], duplicates: readonly (readonly [string, string])[]): Map<string, string> {
  const parent = new Map<string, string>(articles.map((a) => [a.id, a.id]));
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  const union = (a: string, b: string) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  };
  const byOutlet = new Map<string, string>();
  for (const a of articles) {
    const outlet = a.outlet?.trim().toLowerCase();
    if (!outlet) continue;
    const first = byOutlet.get(outlet);
    if (first) union(first, a.id);
    else byOutlet.set(outlet, a.id);
  }
  for (const [a, b] of duplicates) {
    if (parent.has(a) && parent.has(b)) union(a, b);
  }
  return new Map(articles.map((a) => [a.id, find(a.id)]));
}
