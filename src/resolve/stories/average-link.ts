/** One weighted edge between items `a` < `b` (indices). */
export interface SimilarityEdge {
  readonly a: number;
  readonly b: number;
  readonly sim: number;
}

/** Optional cannot-link on dates: item day numbers (null = unknown) and the widest span allowed. */
export interface SpanLimit {
  readonly days: readonly (number | null)[];
  readonly maxDays: number;
}

interface HeapEntry {
  readonly avg: number;
  readonly x: number;
  readonly y: number;
}

/** Max-heap order: higher average first; ties by the smaller cluster ids (deterministic). */
const before = (p: HeapEntry, q: HeapEntry): boolean => (p.avg !== q.avg ? p.avg > q.avg : p.x !== q.x ? p.x < q.x : p.y < q.y);

class MaxHeap {
  private readonly items: HeapEntry[] = [];
  get size(): number {
    return this.items.length;
  }
  push(e: HeapEntry): void {
    const h = this.items;
    h.push(e);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(h[i] as HeapEntry, h[parent] as HeapEntry)) break;
      [h[i], h[parent]] = [h[parent] as HeapEntry, h[i] as HeapEntry];
      i = parent;
    }
  }
  pop(): HeapEntry | undefined {
    const h = this.items;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0 && last !== undefined) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && before(h[l] as HeapEntry, h[m] as HeapEntry)) m = l;
        if (r < h.length && before(h[r] as HeapEntry, h[m] as HeapEntry)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m] as HeapEntry, h[i] as HeapEntry];
        i = m;
      }
    }
    return top;
  }
}

/**
 * Average-link agglomerative clustering of `n` items over a sparse similarity graph (missing
 * pairs have similarity 0): repeatedly merges the two clusters with the highest mean pairwise
 * similarity while it is at least `threshold`. Exact (not an approximation of average link), in
 * O(E log E) for E edges: the average between two live clusters only changes when one of them
 * is merged away, so a heap entry is valid exactly while both its clusters are alive. Ties are broken by cluster id, so the
 * result depends only on the item indices and edges, never on the order of `edges`.
 * With `span`, two clusters never merge when the dated items of the result would lie more than
 * `span.maxDays` apart (a cannot-link: undated items must not bridge stories months apart).
 * Returns a cluster label per item (the smallest item index in its cluster).
 */
export function averageLink(n: number, edges: readonly SimilarityEdge[], threshold: number, span?: SpanLimit): Int32Array {
  // Cluster ids: 0..n-1 for items, then n, n+1… for merges. sums[c] maps neighbour → Σ sim.
  const sums: Map<number, number>[] = Array.from({ length: n }, () => new Map<number, number>());
  const size: number[] = new Array<number>(n).fill(1);
  const alive: boolean[] = new Array<boolean>(n).fill(true);
  const members: number[][] = Array.from({ length: n }, (_, i) => [i]);
  const lo: number[] = Array.from({ length: n }, (_, i) => span?.days[i] ?? Infinity);
  const hi: number[] = Array.from({ length: n }, (_, i) => span?.days[i] ?? -Infinity);
  const heap = new MaxHeap();
  for (const e of edges) {
    if (e.a === e.b || !(e.sim > 0)) continue;
    const [x, y] = e.a < e.b ? [e.a, e.b] : [e.b, e.a];
    const s = (sums[x]?.get(y) ?? 0) + e.sim;
    sums[x]?.set(y, s);
    sums[y]?.set(x, s);
  }
  for (let x = 0; x < n; x++) for (const [y, s] of sums[x] as Map<number, number>) if (x < y && s >= threshold) heap.push({ avg: s, x, y });

  while (heap.size > 0) {
    const e = heap.pop() as HeapEntry;
    if (e.avg < threshold) break;
    if (!alive[e.x] || !alive[e.y]) continue;
    const newLo = Math.min(lo[e.x] as number, lo[e.y] as number);
    const newHi = Math.max(hi[e.x] as number, hi[e.y] as number);
    if (span !== undefined && newHi - newLo > span.maxDays) continue;
    const c = sums.length;
    const merged = new Map<number, number>();
    for (const from of [e.x, e.y]) {
      for (const [k, s] of sums[from] as Map<number, number>) {
        if (k === e.x || k === e.y) continue;
        merged.set(k, (merged.get(k) ?? 0) + s);
        const nk = sums[k] as Map<number, number>;
        nk.delete(from);
      }
      alive[from] = false;
      sums[from] = new Map();
    }
    sums.push(merged);
    size.push((size[e.x] as number) + (size[e.y] as number));
    alive.push(true);
    lo.push(newLo);
    hi.push(newHi);
    members.push([...(members[e.x] as number[]), ...(members[e.y] as number[])]);
    members[e.x] = [];
    members[e.y] = [];
    const sc = (size[e.x] as number) + (size[e.y] as number);
    for (const [k, s] of merged) {
      (sums[k] as Map<number, number>).set(c, s);
      const avg = s / (sc * (size[k] as number));
      if (avg >= threshold) heap.push({ avg, x: k, y: c });
    }
  }
  const label = new Int32Array(n);
  for (let c = 0; c < members.length; c++) {
    const ms = members[c] as number[];
    if (ms.length === 0) continue;
    const min = Math.min(...ms);
    for (const m of ms) label[m] = min;
  }
  return label;
}
