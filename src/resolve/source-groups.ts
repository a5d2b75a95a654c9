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

/** Finds the near-duplicate pairs among the given articles. */
export interface SourceGrouper {
  duplicatePairs(store: Store, articleIds: readonly string[]): Promise<readonly (readonly [string, string])[]>;
  /** Optional: the body signature of an article (under its content hash), computed elsewhere. */
  remember?(articleId: string, contentHash: string, signature: Uint32Array): void;
}

export async function groupSources(store: Store, articles: readonly SourceArticle[], grouper?: SourceGrouper): Promise<Map<string, string>> {
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
  if (grouper && articles.length > 1) {
    for (const [a, b] of await grouper.duplicatePairs(store, articles.map((x) => x.id))) {
      if (parent.has(a) && parent.has(b)) union(a, b);
    }
  }
  return new Map(articles.map((a) => [a.id, find(a.id)]));
}
